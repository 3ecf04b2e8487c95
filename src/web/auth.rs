//! Who is asking on the facilitator side, as extractors: a handler that takes `SignedIn` runs
//! only for a signed-in, active account; `Coordinator` only for the coordinator (404 for
//! anyone else signed in, so a facilitator does not learn the page exists).
#![cfg(feature = "ssr")]
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use tower_sessions::Session;

use super::respond::{OrNotFound, WebError};
use super::state::AppState;
use crate::accounts::model::Account;
use crate::accounts::session::signed_in;
use crate::db::Db;
use crate::error::AppError;

/// Any signed-in facilitator or the coordinator; without a session: to the sign-in page.
#[derive(Clone, Debug)]
pub struct SignedIn(pub Account);

/// The coordinator; others signed in get 404, nobody signed in goes to sign in.
#[derive(Clone, Debug)]
pub struct Coordinator(pub Account);

async fn account(parts: &mut Parts, db: &Db) -> Result<Account, AppError> {
    let session = Session::from_request_parts(parts, &())
        .await
        .map_err(|_| AppError::Internal)?;
    signed_in(&session, db).await?.ok_or(AppError::SignIn)
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        Ok(SignedIn(account(parts, &state.db).await?))
    }
}

impl FromRequestParts<AppState> for Coordinator {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let SignedIn(me) = SignedIn::from_request_parts(parts, state).await?;
        me.is_coordinator().or_not_found()?;
        Ok(Coordinator(me))
    }
}

/// For server functions (page data): the account of this request and the database, or
/// `SignIn`. The same check as the extractors.
pub async fn require() -> Result<(Account, Db), AppError> {
    let db = leptos::prelude::expect_context::<Db>();
    let mut parts = leptos::prelude::use_context::<Parts>().ok_or(AppError::SignIn)?;
    let me = account(&mut parts, &db).await?;
    Ok((me, db))
}

/// For server functions that only the coordinator may use: others get 404.
pub async fn require_coordinator() -> Result<(Account, Db), AppError> {
    let (me, db) = require().await?;
    if me.is_coordinator() {
        Ok((me, db))
    } else {
        Err(AppError::NotFound)
    }
}
