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

/// Anyone signed in, an account of the role `partner` too (which `SignedIn` turns away with
/// 404): only for what a partner may do, the warm handover.
#[derive(Clone, Debug)]
pub struct AnyRole(pub Account);

async fn account(parts: &mut Parts, db: &Db) -> Result<Account, AppError> {
    let session = Session::from_request_parts(parts, &())
        .await
        .map_err(|_| AppError::Internal)?;
    // A session that cannot be read while the database is gone: 503, like every other page.
    signed_in(&session, db)
        .await
        .map_err(|e| {
            if db.reachable() {
                e
            } else {
                AppError::Unavailable
            }
        })?
        .ok_or(AppError::SignIn)
}

/// A partner's account may do nothing but the warm handover: elsewhere it is not signed in
/// as a facilitator (404, so it does not learn what is there).
fn not_a_partner(me: Account) -> Result<Account, AppError> {
    if me.role == crate::accounts::model::Role::Partner {
        Err(AppError::NotFound)
    } else {
        Ok(me)
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        Ok(SignedIn(not_a_partner(account(parts, &state.db).await?)?))
    }
}

impl FromRequestParts<AppState> for AnyRole {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        Ok(AnyRole(account(parts, &state.db).await?))
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
    let (me, db) = require_any_role().await?;
    Ok((not_a_partner(me)?, db))
}

/// The same for a page a partner's account may see too (the warm handover).
pub async fn require_any_role() -> Result<(Account, Db), AppError> {
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
