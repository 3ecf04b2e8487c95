//! The answer after a change on the facilitator side: recorded in the audit log and on to the
//! next page when it happened; 404 when the object is not the viewer's (nobody learns it exists).
use axum::response::{IntoResponse, Response};

use super::model::Account;
use crate::db::Db;
use crate::error::AppError;

pub async fn recorded(
    db: &Db,
    actor: &Account,
    changed: Result<bool, sqlx::Error>,
    action: &str,
    object_kind: &str,
    object_id: &str,
    then: &str,
) -> Response {
    match changed {
        Ok(true) => {
            let _ = super::store::audit(db, Some(&actor.id), action, object_kind, object_id).await;
            crate::server::see_other(then)
        }
        Ok(false) => AppError::NotFound.into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}
