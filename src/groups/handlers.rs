//! Plain form posts of the parent side (they work without JavaScript): a join request and
//! its withdrawal (only with `confirm=yes`, from the page that asks first).
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::routing::post;
use axum::Router;

use super::join::JoinInput;
use super::store;
use crate::db::Db;
use crate::security::tokens::derive_token;
use crate::web::form::{field, valid_token, FormState};
use crate::web::valid::{landing, Posted};
use crate::web::{see_other, AppState, Limited, OrNotFound, Pages, WebError, WebResult};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/groups/{id}/join", post(join))
        .route("/join/{token}/withdraw", post(withdraw))
        .merge(super::notify::router())
}

async fn join(
    State(db): State<Db>,
    State(pages): State<Pages>,
    Path(id): Path<String>,
    Limited(form): Limited<JoinInput>,
) -> WebResult {
    if id.len() > 64 {
        return Err(WebError::NotFound);
    }
    store::active_by_id(&db, &id).await?.or_not_found()?;
    // The status link is made here from the form's one-time key, never taken from the form.
    let token = derive_token(&db.pepper().await?, "join", &form.value.token);
    // A partner counts only when it is the one whose link brought this visitor (its cookie).
    let chosen = crate::partners::model::referral_slug(field(&form.raw, "referral"));
    let partner = match chosen {
        Some(slug) => crate::partners::store::referring(&db, &form.parts.headers)
            .await?
            .filter(|p| p.slug == slug.as_str())
            .map(|p| p.id),
        None => None,
    };
    let mut tx = db.pool.begin().await?;
    let (stored, _) = store::insert_join_request_in(
        &mut tx,
        db.now(),
        &id,
        &token,
        &form.value,
        partner.as_deref(),
    )
    .await?;
    tx.commit().await?;
    landing(stored, &format!("/join/{token}"), &pages, form).await
}

/// Deletes the request only when the post says `confirm=yes` (the button on the page that asks
/// "do you really want to?"); any other post shows that page and deletes nothing.
async fn withdraw(
    State(db): State<Db>,
    State(pages): State<Pages>,
    Path(token): Path<String>,
    parts: Parts,
    // Not a form at all (no body): nothing is deleted either, and the page asks.
    posted: Result<Posted, axum::response::Response>,
) -> WebResult {
    let form = posted.map(|Posted(form)| form).unwrap_or_default();
    valid_token(&token).or_not_found()?;
    if field(&form, "confirm") != "yes" {
        return Ok(pages.render(parts, FormState::default()).await);
    }
    store::delete_join_request(&db, &token).await?;
    // "Delete everything" takes the check-in reminder (and its address) along; the anonymous
    // answers stay unless the parent deletes them with their own link.
    let key = crate::checkin::store::key_for_join(&db.pepper().await?, &token);
    crate::checkin::store::stop_reminders(&db, &key).await?;
    Ok(see_other("/withdrawn"))
}
