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
    if !crate::groups::join::valid_token(&token) {
        return Err(AppError::NotFound);
    }
    super::store::rsvp_view(&db, &token)
        .await?
        .ok_or(AppError::NotFound)
}

#[cfg(feature = "ssr")]
pub mod handlers {
    use std::collections::HashMap;

    use axum::extract::{Path, State};
    use axum::http::header;
    use axum::http::request::Parts;
    use axum::response::{IntoResponse, Response};
    use axum::Form;
    use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

    use super::super::model::{MeetupSummary, RsvpInput};
    use super::super::store;
    use crate::error::AppError;
    use crate::groups::join::valid_token;
    use crate::server::{client_ip, render_form_again, render_page, see_other, too_many, AppState};
    use crate::ui::forms::FormState;

    /// A calendar file for one meetup: times in UTC (exact in every calendar app), shown in
    /// the Amsterdam time zone.
    pub fn calendar_file(m: &MeetupSummary, group_name: &str, host: &str) -> String {
        let at = |t: i64| chrono::DateTime::from_timestamp(t, 0).unwrap_or_default();
        let mut event = Event::new();
        event
            .uid(&format!("{}@doorstart", m.id))
            .summary(group_name)
            .location(&m.place)
            .starts(at(m.starts_at))
            .ends(at(m.ends_at))
            .timestamp(at(m.starts_at))
            .url(&format!("http://{host}/meetups/{}", m.id))
            .status(if m.cancelled {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            });
        Calendar::new()
            .name(group_name)
            .timezone("Europe/Amsterdam")
            .push(event.done())
            .done()
            .to_string()
    }

    /// `GET /meetups/{id}` is the page; `GET /meetups/{id}.ics` the calendar file.
    pub async fn meetup_or_calendar(
        State(state): State<AppState>,
        Path(id): Path<String>,
        parts: Parts,
    ) -> Response {
        let Some(id) = id.strip_suffix(".ics") else {
            return render_page(&state, parts, FormState::default()).await;
        };
        match store::detail(&state.db, id).await {
            Ok(Some(d)) => {
                let host = parts
                    .headers
                    .get(header::HOST)
                    .and_then(|h| h.to_str().ok())
                    .unwrap_or("localhost");
                let body = calendar_file(&d.meetup, &d.group_name, host);
                (
                    [
                        (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                        (
                            header::CONTENT_DISPOSITION,
                            "attachment; filename=\"doorstart.ics\"",
                        ),
                    ],
                    body,
                )
                    .into_response()
            }
            Ok(None) => AppError::NotFound.into_response(),
            Err(e) => AppError::from(e).into_response(),
        }
    }

    pub async fn rsvp(
        State(state): State<AppState>,
        Path(id): Path<String>,
        parts: Parts,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        let detail = match store::detail(&state.db, &id).await {
            Ok(Some(d)) if !d.meetup.cancelled && d.meetup.ends_at > state.db.now() => d,
            Ok(_) => return AppError::NotFound.into_response(),
            Err(e) => return AppError::from(e).into_response(),
        };
        if !state.form_limiter.allow(client_ip(&parts)) {
            return too_many(&state, parts, form).await;
        }
        match RsvpInput::parse(&form) {
            Err(errors) => {
                render_form_again(
                    &state,
                    parts,
                    FormState {
                        values: form,
                        errors,
                    },
                )
                .await
            }
            Ok(input) => match store::insert_rsvp(&state.db, &detail.meetup.id, &input).await {
                Ok(_) => see_other(&format!("/rsvp/{}", input.token)),
                Err(e) => AppError::from(e).into_response(),
            },
        }
    }

    pub async fn cancel(State(state): State<AppState>, Path(token): Path<String>) -> Response {
        if !valid_token(&token) {
            return AppError::NotFound.into_response();
        }
        match store::cancel_rsvp(&state.db, &token).await {
            Ok(_) => see_other("/rsvp-cancelled"),
            Err(e) => AppError::from(e).into_response(),
        }
    }
}
