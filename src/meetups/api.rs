//! Server functions and plain form posts of meetups.
use leptos::prelude::*;

use super::model::RsvpView;
use super::MeetupDetail;
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "meetups/detail")]
pub async fn load_meetup(id: String) -> Result<MeetupDetail, AppError> {
    let db = expect_context::<crate::db::Db>();
    if id.len() > 64 {
        return Err(AppError::NotFound);
    }
    super::store::detail(&db, &id)
        .await?
        .ok_or(AppError::NotFound)
}

/// A parent's RSVP page: their place (or the waiting list), and their link to keep (with its
/// QR code) as `DOORSTART_PUBLIC_URL` makes it.
#[server(prefix = "/api", endpoint = "meetups/rsvp")]
pub async fn load_rsvp(token: String) -> Result<(RsvpView, crate::ui::KeptLink), AppError> {
    let db = expect_context::<crate::db::Db>();
    if !crate::web::form::valid_token(&token) {
        return Err(AppError::NotFound);
    }
    let view = super::store::rsvp_view(&db, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    let link = expect_context::<crate::web::PublicUrl>().link(&format!("/rsvp/{token}"));
    // The partners' QR drawing (plain SVG, one `<rect>` per run of dark modules).
    let qr_svg = crate::partners::qr::svg(&link).unwrap_or_default();
    Ok((view, crate::ui::KeptLink { link, qr_svg }))
}
