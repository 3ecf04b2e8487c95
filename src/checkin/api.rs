//! The check-in's page data: the parent's key (theirs, or a fresh one), and the facilitator's
//! card with the link and its QR code.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What the check-in page needs from the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInPageData {
    /// The key of the parent's link, or a fresh random one (a parent at a meetup): it goes into
    /// the form, and the thank-you page shows the link for the next check-in with it.
    pub key: String,
    /// A reminder mail waits for this key (the page then offers to stop it).
    pub reminders_on: bool,
}

#[server(prefix = "/api", endpoint = "check-in")]
pub async fn check_in_page(key: String) -> Result<CheckInPageData, AppError> {
    let db = expect_context::<crate::db::Db>();
    if crate::web::form::valid_token(&key) {
        let reminders_on = super::store::reminder_on(&db, &key).await?;
        return Ok(CheckInPageData { key, reminders_on });
    }
    Ok(CheckInPageData {
        key: crate::security::tokens::new_token(),
        reminders_on: false,
    })
}

/// The facilitator's card: the check-in link for a meetup (no key: every parent who scans it
/// gets a fresh one) and its QR code as SVG.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckInCardData {
    pub coordinator: bool,
    pub moment: String,
    pub link: String,
    pub qr_svg: String,
}

#[server(prefix = "/api", endpoint = "admin/check-in")]
pub async fn check_in_card(moment: String) -> Result<CheckInCardData, AppError> {
    let (me, _) = crate::web::auth::require().await?;
    let moment = super::model::Moment::parse(&moment).unwrap_or(super::model::Moment::Start);
    let public = expect_context::<crate::web::PublicUrl>();
    let link = public.link(&format!("/check-in?moment={}", moment.as_str()));
    // The partners' QR drawing (plain SVG, one `<rect>` per run of dark modules).
    let qr_svg = crate::partners::qr::svg(&link).ok_or(AppError::Internal)?;
    Ok(CheckInCardData {
        coordinator: me.is_coordinator(),
        moment: moment.as_str().to_string(),
        link,
        qr_svg,
    })
}
