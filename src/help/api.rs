//! Server functions and plain form posts of anonymous help.
use leptos::prelude::*;

use super::model::{HelpOne, HelpSummary};
use crate::error::AppError;

/// What the page may say about the wait, from the requests of the last 90 days (answered and
/// unanswered).
#[server(prefix = "/api", endpoint = "help/reply-days")]
pub async fn reply_days() -> Result<super::model::ReplyEstimate, AppError> {
    let db = expect_context::<crate::db::Db>();
    Ok(super::model::reply_estimate(
        super::store::recent_waits(&db).await?,
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
    let items = super::store::inbox(&db, &me, theme, language.as_deref(), status, older).await?;
    Ok(HelpInboxData {
        me,
        items,
        now: db.now(),
    })
}

/// One conversation on the facilitator side. Who sees what (SECURITY.md): a facilitator
/// sees a request nobody holds only by its theme, language and age, and must take it first;
/// once taken, only the one who holds it and the coordinator read it; a call-back number only
/// the one who holds it. Every read of the words is in the audit log. Anyone else: 404.
#[server(prefix = "/api", endpoint = "admin/help-one")]
pub async fn help_conversation(id: String) -> Result<HelpOne, AppError> {
    let (me, db) = crate::web::auth::require().await?;
    let holder = super::store::holder(&db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    use super::model::HelpAccess;
    let access = HelpAccess::of(&me, holder.as_deref()).ok_or(AppError::NotFound)?;
    let mut conversation = super::store::by_id(&db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    if access != HelpAccess::Holder {
        conversation.callback_phone = None;
    }
    if access == HelpAccess::Open {
        conversation.messages.clear();
    } else {
        crate::accounts::store::audit(&db, Some(&me.id), "help-read", "help_request", &id).await?;
    }
    let handlers = crate::accounts::store::handover_targets(&db, &me).await?;
    Ok(HelpOne {
        me,
        conversation,
        access,
        handlers,
    })
}
