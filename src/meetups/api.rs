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

#[server(prefix = "/api", endpoint = "meetups/rsvp")]
pub async fn load_rsvp(token: String) -> Result<RsvpView, AppError> {
    let db = expect_context::<crate::db::Db>();
    if !crate::web::form::valid_token(&token) {
        return Err(AppError::NotFound);
    }
    super::store::rsvp_view(&db, &token)
        .await?
        .ok_or(AppError::NotFound)
}
