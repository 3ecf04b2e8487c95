//! Page data of the trust pages: the protocol, for everyone to read and for the coordinator
//! to change.
use leptos::prelude::*;

use super::model::Protocol;
use crate::error::AppError;

/// The organisation's protocol as parents read it (`None` until the coordinator writes one).
#[server(prefix = "/api", endpoint = "protocol")]
pub async fn protocol_text() -> Result<Option<Protocol>, AppError> {
    let db = expect_context::<crate::db::Db>();
    Ok(super::store::protocol(&db).await?)
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ProtocolAdminData {
    pub me: crate::accounts::model::Account,
    pub protocol: Option<Protocol>,
}

/// The protocol on the coordinator's form; anyone else signed in gets 404.
#[server(prefix = "/api", endpoint = "admin/protocol")]
pub async fn protocol_admin() -> Result<ProtocolAdminData, AppError> {
    let (me, db) = crate::web::auth::require_coordinator().await?;
    let protocol = super::store::protocol(&db).await?;
    Ok(ProtocolAdminData { me, protocol })
}
