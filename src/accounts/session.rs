//! Who is signed in: the session holds the account id and the moment of signing in.
use tower_sessions::Session;

use super::model::Account;
use super::store;
use crate::db::sessions::ABSOLUTE_SECONDS;
use crate::db::Db;
use crate::error::AppError;

const ACCOUNT: &str = "account_id";
const SINCE: &str = "signed_in_at";
const EPOCH: &str = "epoch";

fn internal<E>(_: E) -> AppError {
    AppError::Internal
}

/// The signed-in, active account; ends the session when it is too old or the account was
/// deactivated.
pub async fn signed_in(session: &Session, db: &Db) -> Result<Option<Account>, AppError> {
    let id: Option<String> = session.get(ACCOUNT).await.map_err(internal)?;
    let since: Option<i64> = session.get(SINCE).await.map_err(internal)?;
    let epoch: i64 = session.get(EPOCH).await.map_err(internal)?.unwrap_or(0);
    let (Some(id), Some(since)) = (id, since) else {
        return Ok(None);
    };
    if db.now() - since > ABSOLUTE_SECONDS {
        session.flush().await.map_err(internal)?;
        return Ok(None);
    }
    // A stopped account, or a password changed since this session began: the session ends.
    match store::active_by_id(db, &id).await? {
        Some(account) if store::session_epoch(db, &id).await? == epoch => Ok(Some(account)),
        _ => {
            session.flush().await.map_err(internal)?;
            Ok(None)
        }
    }
}

/// A new session id at sign-in, so an id known before cannot be used after.
pub async fn start(session: &Session, db: &Db, account: &Account) -> Result<(), AppError> {
    session.cycle_id().await.map_err(internal)?;
    session
        .insert(ACCOUNT, &account.id)
        .await
        .map_err(internal)?;
    session.insert(SINCE, db.now()).await.map_err(internal)?;
    let epoch = store::session_epoch(db, &account.id).await?;
    session.insert(EPOCH, epoch).await.map_err(internal)?;
    Ok(())
}
