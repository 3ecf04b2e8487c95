//! The meetup page with its calendar file and the RSVP post; cancelling an RSVP (only with
//! `confirm=yes`, from the page that asks first).
use axum::extract::{Path, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use super::model::{MeetupSummary, RsvpInput};
use super::store;
use crate::db::Db;
use crate::i18n::Lang;
use crate::security::tokens::derive_token;
use crate::web::form::{field, valid_token, FormState};
use crate::web::valid::{landing, Posted};
use crate::web::{see_other, AppState, Limited, OrNotFound, Pages, PublicUrl, WebError, WebResult};

/// Paths this feature serves itself instead of the Leptos route list: the meetup page shares
/// its path with the calendar file and the RSVP post (bad input re-renders that page).
pub const OWN_PATHS: [&str; 1] = ["/meetups/{id}"];

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/meetups/{id}", get(meetup_or_calendar).post(rsvp))
        .route("/rsvp/{token}/cancel", post(cancel))
}

/// Text for one calendar line: control characters (CR, LF, …) become spaces. `icalendar`
/// escapes `\ ; , LF` in TEXT values only, and neither CR nor the calendar's name (X-WR-CALNAME).
fn one_line(s: &str) -> String {
    s.replace(char::is_control, " ")
}

/// A calendar file for one meetup: times in UTC (exact in every calendar app), shown in
/// the Amsterdam time zone.
pub fn calendar_file(m: &MeetupSummary, group_name: &str, link: &str) -> String {
    let at = |t: i64| chrono::DateTime::from_timestamp(t, 0).unwrap_or_default();
    let (group_name, id) = (one_line(group_name), one_line(&m.id));
    let mut event = Event::new();
    event
        .uid(&format!("{id}@doorstart"))
        .summary(&group_name)
        .location(&one_line(&m.place))
        .starts(at(m.starts_at))
        .ends(at(m.ends_at))
        .timestamp(at(m.starts_at))
        .url(link)
        .status(if m.cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    Calendar::new()
        .name(&group_name)
        .timezone("Europe/Amsterdam")
        .push(event.done())
        .done()
        .to_string()
}

/// `GET /meetups/{id}` is the page; `GET /meetups/{id}.ics` the calendar file.
async fn meetup_or_calendar(
    State(db): State<Db>,
    State(pages): State<Pages>,
    State(public_url): State<PublicUrl>,
    Path(id): Path<String>,
    parts: Parts,
) -> Result<Response, WebError> {
    let Some(id) = id.strip_suffix(".ics") else {
        return Ok(pages.render(parts, FormState::default()).await);
    };
    let d = store::detail(&db, id).await?.or_not_found()?;
    let link = public_url.link(&format!("/meetups/{}", d.meetup.id));
    let body = calendar_file(&d.meetup, &d.group_name, &link);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"doorstart.ics\"",
            ),
        ],
        body,
    )
        .into_response())
}

async fn rsvp(
    State(db): State<Db>,
    State(pages): State<Pages>,
    Path(id): Path<String>,
    // News by mail comes in the language of the page the parent said yes on.
    Extension(lang): Extension<Lang>,
    Limited(form): Limited<RsvpInput>,
) -> WebResult {
    let detail = store::detail(&db, &id)
        .await?
        .filter(|d| !d.meetup.cancelled && d.meetup.ends_at > db.now())
        .or_not_found()?;
    // The cancel link is made here from the form's one-time key, never taken from the form.
    let token = derive_token(&db.pepper().await?, "rsvp", &form.value.token);
    let stored = store::insert_rsvp(&db, &detail.meetup.id, &token, &form.value, lang).await?;
    landing(stored, &format!("/rsvp/{token}"), &pages, form).await
}

/// Gives the place up only when the post says `confirm=yes` (the button on the page that asks
/// "can you really not come?"); any other post shows that page and changes nothing.
async fn cancel(
    State(db): State<Db>,
    State(pages): State<Pages>,
    Path(token): Path<String>,
    parts: Parts,
    // Not a form at all (no body): nothing is deleted either, and the page asks.
    posted: Result<Posted, axum::response::Response>,
) -> WebResult {
    let form = posted.map(|Posted(form)| form).unwrap_or_default();
    valid_token(&token).or_not_found()?;
    if field(&form, "confirm") != "yes" {
        return Ok(pages.render(parts, FormState::default()).await);
    }
    store::cancel_rsvp(&db, &token).await?;
    Ok(see_other("/rsvp-cancelled"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_in_texts_cannot_add_events() {
        let evil = "x\r\nBEGIN:VEVENT\r\nSUMMARY:fake\nEND:VEVENT\r";
        let m = MeetupSummary {
            id: "m1".into(),
            starts_at: 1_795_431_600,
            ends_at: 1_795_438_800,
            place: format!("Buurthuis{evil}"),
            capacity: 10,
            cancelled: false,
            theme: None,
            kind: Default::default(),
            guest: String::new(),
        };
        let ics = calendar_file(&m, &format!("Koffie{evil}"), "localhost");
        assert!(ics.ends_with("\r\n"));
        let lines: Vec<&str> = ics.strip_suffix("\r\n").unwrap().split("\r\n").collect();
        assert!(lines.iter().all(|l| !l.contains(['\r', '\n'])), "{ics}");
        assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VEVENT").count(), 1);
        assert_eq!(lines.iter().filter(|l| **l == "END:VEVENT").count(), 1);
        assert!(ics.contains("Koffiex  BEGIN:VEVENT"), "{ics}");
    }
}
