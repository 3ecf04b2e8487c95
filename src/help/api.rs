//! Server functions and plain form posts of anonymous help.
use leptos::prelude::*;

use super::model::{Conversation, HelpSummary};
use crate::error::AppError;

/// "Usually within N days", from the first-reply times of the last 90 days.
#[server(prefix = "/api", endpoint = "help/reply-days")]
pub async fn reply_days() -> Result<Option<i64>, AppError> {
    let db = expect_context::<crate::db::Db>();
    Ok(super::model::usual_reply_days(
        super::store::recent_reply_seconds(&db).await?,
    ))
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HelpInboxData {
    pub me: crate::accounts::model::Account,
    pub items: Vec<HelpSummary>,
    pub now: i64,
}

#[server(prefix = "/api", endpoint = "admin/help")]
pub async fn help_inbox(
    theme: Option<String>,
    language: Option<String>,
    status: Option<String>,
    older: Option<String>,
) -> Result<HelpInboxData, AppError> {
    let (me, db) = crate::web::auth::require().await?;
    let theme = theme.as_deref().and_then(super::model::Theme::parse);
    let status = status.as_deref().and_then(super::model::HelpStatus::parse);
    let language = language.filter(|l| crate::groups::model::GROUP_LANGUAGES.contains(&l.as_str()));
    let older = older
        .and_then(|d| d.parse::<i64>().ok())
        .filter(|d| (0..=90).contains(d));
    let items = super::store::inbox(&db, theme, language.as_deref(), status, older).await?;
    Ok(HelpInboxData {
        me,
        items,
        now: db.now(),
    })
}

#[server(prefix = "/api", endpoint = "admin/help-one")]
pub async fn help_conversation(
    id: String,
) -> Result<(crate::accounts::model::Account, Conversation), AppError> {
    let (me, db) = crate::web::auth::require().await?;
    let c = super::store::by_id(&db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((me, c))
}
