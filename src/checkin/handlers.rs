//! The check-in's plain form posts (they work without JavaScript): the answers, the reminders
//! on or off, and the parent deleting their own answers.
use axum::extract::State;
use axum::routing::post;
use axum::{Extension, Router};

use super::model::{CheckInInput, Moment};
use super::store;
use crate::db::Db;
use crate::i18n::Lang;
use crate::web::form::{field, valid_token};
use crate::web::valid::Posted;
use crate::web::{see_other, AppState, Limited, OrNotFound, WebError, WebResult};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/check-in", post(check_in))
        .route("/check-in/reminders", post(reminders))
        .route("/check-in/delete", post(delete))
}

/// The answers: stored only with consent and valid values (else the form again, 400, nothing
/// stored: `Limited` parses before this runs), with the language of the page and nothing about
/// who sent them. Then the thank-you page, which keeps the parent's key for the next check-in.
async fn check_in(
    State(db): State<Db>,
    Extension(lang): Extension<Lang>,
    Limited(form): Limited<CheckInInput>,
) -> WebResult {
    store::save(&db, &form.value, lang).await?;
    Ok(see_other(&thanks(&form.value.key, form.value.moment)))
}

/// The thank-you page of a key and moment.
pub fn thanks(key: &str, moment: Moment) -> String {
    format!("/check-in/thanks?k={key}&moment={}", moment.as_str())
}

/// Reminders on (from the join status page: `join` is the status link's token, the address is
/// the one on the join request) or off (from the status page, or from the check-in page a
/// reminder mail links to: `k`). Whatever is unknown answers 404.
async fn reminders(
    State(db): State<Db>,
    Extension(lang): Extension<Lang>,
    Posted(form): Posted,
) -> WebResult {
    let pepper = db.pepper().await?;
    let on = match field(&form, "want") {
        "on" => true,
        "off" => false,
        _ => return Err(WebError::BadRequest),
    };
    let join = field(&form, "join");
    if valid_token(join) {
        let email = crate::groups::store::mail_contact(&db, join)
            .await?
            .or_not_found()?;
        let key = store::key_for_join(&pepper, join);
        if on {
            store::remind(&db, &pepper, &key, &email, lang).await?;
        } else {
            store::stop_reminders(&db, &key).await?;
        }
        return Ok(see_other(&format!("/join/{join}#check-in")));
    }
    let key = field(&form, "k");
    if on || !valid_token(key) {
        return Err(WebError::NotFound);
    }
    store::stop_reminders(&db, key).await?;
    Ok(see_other("/check-in/reminders-stopped"))
}

/// The parent deletes every answer given with their key (and a reminder, if any).
async fn delete(State(db): State<Db>, Posted(form): Posted) -> WebResult {
    let key = field(&form, "k");
    valid_token(key).or_not_found()?;
    store::forget(&db, key).await?;
    Ok(see_other("/check-in/deleted"))
}
