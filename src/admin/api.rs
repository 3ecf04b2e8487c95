//! Server functions (page data) and plain form posts of the facilitator side. Every one checks
//! the role and ownership on the server.
use leptos::prelude::*;

use crate::accounts::model::{Account, HelpChoice, Role};
use crate::error::AppError;
use crate::groups::join::InboxItem;

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct InboxData {
    pub me: Account,
    pub items: Vec<InboxItem>,
    /// Facilitators a request can be handed to (coordinator only).
    pub handlers: Vec<Account>,
    pub now: i64,
}

#[server(prefix = "/api", endpoint = "admin/inbox")]
pub async fn admin_inbox() -> Result<InboxData, AppError> {
    let (me, db) = crate::web::auth::require().await?;
    let items = crate::groups::store::inbox(&db, &me).await?;
    let handlers = crate::accounts::store::handover_targets(&db, &me).await?;
    Ok(InboxData {
        me,
        items,
        handlers,
        now: db.now(),
    })
}

#[server(prefix = "/api", endpoint = "admin/me")]
pub async fn admin_me() -> Result<Account, AppError> {
    Ok(crate::web::auth::require().await?.0)
}

/// The languages a help question can be in, for the digest choice: Dutch and the interpreter
/// languages.
pub fn digest_languages() -> impl Iterator<Item = &'static str> {
    std::iter::once("nl").chain(crate::help::model::INTERPRETER_LANGUAGES)
}

/// The signed-in account with its choice of help questions for the digest.
#[server(prefix = "/api", endpoint = "admin/account")]
pub async fn admin_account() -> Result<(Account, HelpChoice), AppError> {
    let (me, db) = crate::web::auth::require().await?;
    let choice = crate::accounts::store::help_choice(&db, &me.id).await?;
    Ok((me, choice))
}

/// Every account for the coordinator (with whether it is active), and who is looking.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AccountsData {
    pub me: Account,
    pub accounts: Vec<(Account, bool)>,
}

#[server(prefix = "/api", endpoint = "admin/accounts")]
pub async fn admin_accounts() -> Result<AccountsData, AppError> {
    let (me, db) = crate::web::auth::require_coordinator().await?;
    let accounts = crate::accounts::store::all_accounts(&db).await?;
    Ok(AccountsData { me, accounts })
}

#[server(prefix = "/api", endpoint = "admin/audit")]
pub async fn admin_audit() -> Result<Vec<crate::accounts::model::AuditEntry>, AppError> {
    let (_, db) = crate::web::auth::require_coordinator().await?;
    Ok(crate::accounts::store::recent_audit(&db, 200).await?)
}

/// Whether a password-reset link can still be used (the page needs no sign-in; 404 if not).
#[server(prefix = "/api", endpoint = "admin/reset")]
pub async fn reset_open(token: String) -> Result<(), AppError> {
    let db = expect_context::<crate::db::Db>();
    if !crate::web::form::valid_token(&token) {
        return Err(AppError::NotFound);
    }
    if crate::accounts::store::open_reset(&db, &token).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The role an open invite gives (the accept page needs no sign-in).
#[server(prefix = "/api", endpoint = "admin/invite")]
pub async fn invite_role(token: String) -> Result<Role, AppError> {
    let db = expect_context::<crate::db::Db>();
    if !crate::web::form::valid_token(&token) {
        return Err(AppError::NotFound);
    }
    crate::accounts::store::open_invite(&db, &token)
        .await?
        .ok_or(AppError::NotFound)
}
