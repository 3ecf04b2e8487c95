//! Plain form posts of the parent side (they work without JavaScript): a join request and
//! its withdrawal.
use axum::extract::{Path, State};
use axum::routing::post;
use axum::Router;

use super::join::JoinInput;
use super::store;
use crate::db::Db;
use crate::security::tokens::derive_token;
use crate::web::form::valid_token;
use crate::web::valid::landing;
use crate::web::{see_other, AppState, Limited, OrNotFound, Pages, WebError, WebResult};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/groups/{id}/join", post(join))
        .route("/join/{token}/withdraw", post(withdraw))
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
    let stored = store::insert_join_request(&db, &id, &token, &form.value).await?;
    landing(stored, &format!("/join/{token}"), &pages, form).await
}

async fn withdraw(State(db): State<Db>, Path(token): Path<String>) -> WebResult {
    valid_token(&token).or_not_found()?;
    store::delete_join_request(&db, &token).await?;
    Ok(see_other("/withdrawn"))
}
