//! Who is signed in: the session holds the account id and the moment of signing in.
use tower_sessions::Session;

use super::model::Account;
use super::sessions::ABSOLUTE_SECONDS;
use super::store;
use crate::db::Db;
use crate::error::AppError;

const ACCOUNT: &str = "account_id";
const SINCE: &str = "signed_in_at";

/// The signed-in, active account; ends the session when it is too old or the account was
/// deactivated.
pub async fn signed_in(session: &Session, db: &Db) -> Result<Option<Account>, AppError> {
    let internal = |_| AppError::Internal;
    let id: Option<String> = session.get(ACCOUNT).await.map_err(internal)?;
    let since: Option<i64> = session.get(SINCE).await.map_err(internal)?;
    let (Some(id), Some(since)) = (id, since) else {
        return Ok(None);
    };
    if db.now() - since > ABSOLUTE_SECONDS {
        session.flush().await.map_err(internal)?;
        return Ok(None);
    }
    match store::active_by_id(db, &id).await? {
        Some(account) => Ok(Some(account)),
        None => {
            session.flush().await.map_err(internal)?;
            Ok(None)
        }
    }
}

/// A new session id at sign-in, so an id known before cannot be used after.
pub async fn start(session: &Session, db: &Db, account: &Account) -> Result<(), AppError> {
    let internal = |_| AppError::Internal;
    session.cycle_id().await.map_err(internal)?;
    session
        .insert(ACCOUNT, &account.id)
        .await
        .map_err(internal)?;
    session.insert(SINCE, db.now()).await.map_err(internal)?;
    Ok(())
}

/// For server functions: the account of this request, or `SignIn`.
pub async fn require() -> Result<(Account, Db), AppError> {
    let db = leptos::prelude::expect_context::<Db>();
    let session = leptos_axum::extract::<Session>()
        .await
        .map_err(|_| AppError::SignIn)?;
    let account = signed_in(&session, &db).await?.ok_or(AppError::SignIn)?;
    Ok((account, db))
}

/// For server functions that only the coordinator may use: others get 404.
pub async fn require_coordinator() -> Result<(Account, Db), AppError> {
    let (account, db) = require().await?;
    if account.is_coordinator() {
        Ok((account, db))
    } else {
        Err(AppError::NotFound)
    }
}

/// For form posts of the facilitator side: the signed-in account, or the answer to send
/// (to the sign-in page, or an error).
pub async fn account_or_sign_in(
    session: &Session,
    db: &Db,
) -> Result<Account, axum::response::Response> {
    use axum::response::IntoResponse;
    match signed_in(session, db).await {
        Ok(Some(a)) => Ok(a),
        Ok(None) => Err(crate::server::see_other("/admin/login")),
        Err(e) => Err(e.into_response()),
    }
}
