//! The meetup page (`/meetups/{id}`), the private RSVP page (`/rsvp/{token}`) with the link to
//! keep, cancelling after a question (`/rsvp/{token}/cancel`) and the page after cancelling
//! (`/rsvp-cancelled`).
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::{load_meetup, load_rsvp};
use super::model::{Changed, MeetupKind, MeetupSummary, Moved, RsvpView};
pub use super::themes::{theme_icon, theme_line};
use super::MeetupDetail;
use crate::i18n::k;
use crate::i18n::{use_i18n, I18n};
use crate::ui::bidi::sentence;
use crate::ui::forms::{form_token, no_store, Choice, ErrorSummary, Honeypot, TextField};
use crate::ui::{Icon, IconName, KeepLink, KeptLink, Notice};

fn when(i: &I18n, m: &MeetupSummary) -> String {
    i.t_args(
        "meetup-when",
        &[
            ("date", i.date(m.starts_at)),
            ("start", i.clock(m.starts_at)),
            ("end", i.clock(m.ends_at)),
        ],
    )
}

/// Whole numbers from `min` to `max` as select options.
fn numbers(min: u8, max: u8) -> Vec<(String, String)> {
    (min..=max)
        .map(|n| (n.to_string(), n.to_string()))
        .collect()
}

fn meetup_view(i: I18n, d: MeetupDetail) -> AnyView {
    let MeetupDetail {
        meetup,
        group_id,
        group_name,
        taken,
    } = d;
    let left = meetup.capacity.saturating_sub(taken);
    let places = if left > 0 {
        i.t_args("meetup-places-left", &[("count", left.to_string())])
    } else {
        i.t("meetup-full")
    };
    let ics = format!("/meetups/{}.ics", meetup.id);
    let action = format!("/meetups/{}", meetup.id);
    let group_href = format!("/groups/{group_id}");
    let page_url = format!("{}/meetups/{}", crate::seo::public_origin(), meetup.id);
    let events = crate::seo::events_json(&[crate::seo::EventFacts {
        group_name: &group_name,
        starts_at: meetup.starts_at,
        ends_at: meetup.ends_at,
        place: &meetup.place,
        online: false,
        cancelled: meetup.cancelled,
        url: &page_url,
    }]);
    let body = if meetup.cancelled {
        view! { <p class="notice" role="status"><strong>{i.t("meetup-is-cancelled")}</strong></p> }
            .into_any()
    } else {
        view! {
            <h2>{i.t("rsvp-heading")}</h2>
            <ErrorSummary/>
            <form method="post" action=action novalidate=true>
                <input type="hidden" name="token" value=form_token()/>
                <Honeypot/>
                <TextField name="first_name" label=i.t("join-name-label") autocomplete="given-name" maxlength=40/>
                <Choice name="adults" label=i.t("rsvp-adults-label") options=numbers(1, 5) default="1"/>
                <Choice name="kids" label=i.t("rsvp-children-label") options=numbers(0, 10) default="0"/>
                <TextField name="email" label=i.t("rsvp-email-label") hint=i.t("rsvp-email-hint") kind="email" autocomplete="email" maxlength=254 ltr=true/>
                <p class="hint">{i.t("rsvp-privacy")}</p>
                <button type="submit"><Icon name=IconName::Calendar/><span>{i.t("rsvp-submit")}</span></button>
            </form>
        }
        .into_any()
    };
    view! {
        <Title text=group_name.clone()/>
        <article class="page narrow">
            <h1><bdi>{group_name.clone()}</bdi></h1>
            <ul class="facts">
                <li><Icon name=IconName::Calendar/><span>{when(&i, &meetup)}</span></li>
                <li><Icon name=IconName::Pin/><span><bdi>{meetup.place.clone()}</bdi></span></li>
                <li><Icon name=IconName::Users/><span>{places}</span></li>
                {meetup.theme.map(|t| view! {
                    <li class="theme"><Icon name=theme_icon(t)/><span>{i.t_args("meetup-theme-line", &[("theme", i.t(t.key()))])}</span></li>
                })}
                {(meetup.kind == MeetupKind::Workshop).then(|| view! {
                    <li><Icon name=IconName::Book/><span>{i.t("meetup-kind-workshop")}</span></li>
                })}
                {(!meetup.guest.is_empty()).then(|| view! {
                    <li><Icon name=IconName::Info/><span><bdi>{i.t_args("meetup-guest-line", &[("guest", meetup.guest.clone())])}</bdi></span></li>
                })}
            </ul>
            <p class="share">
                <a class="button secondary" href=ics>
                    <Icon name=IconName::Calendar/><span>{i.t("meetup-add-calendar")}</span>
                </a>
                <a class="button secondary" href=group_href>
                    <Icon name=IconName::Info/><span>{i.t("meetup-about-group")}</span>
                </a>
            </p>
            {body}
            <crate::seo::meta::EventData json=events/>
        </article>
    }
    .into_any()
}

#[component]
pub fn MeetupPage() -> impl IntoView {
    let (i, id) = (use_i18n(), crate::ui::param("id"));
    crate::ui::loaded(load_meetup(id), move |d| meetup_view(i, d))
}

fn rsvp_view(i: I18n, token: String, r: RsvpView, kept: KeptLink) -> AnyView {
    let heading = if r.waiting {
        i.t_args("rsvp-waiting-heading", &[("name", r.first_name.clone())])
    } else {
        i.t_args("rsvp-coming-heading", &[("name", r.first_name.clone())])
    };
    let party = i.t_args(
        "rsvp-party",
        &[
            ("adults", r.adults.to_string()),
            ("children", r.children.to_string()),
        ],
    );
    let cancelled = r
        .meetup
        .cancelled
        .then(|| view! { <p class="notice" role="alert"><strong>{i.t("meetup-is-cancelled")}</strong></p> });
    // What the facilitator's side changed, unless the meetup is off anyway.
    let moved = match (r.meetup.cancelled, r.moved, r.waiting) {
        (false, Some(Moved::Up), false) => Some(("rsvp-moved-up", k("rsvp-moved-up"))),
        (false, Some(Moved::Down), true) => Some(("rsvp-moved-down", k("rsvp-moved-down"))),
        _ => None,
    }
    .map(
        |(id, key)| view! { <p class="notice" role="status" id=id><strong>{i.t(key)}</strong></p> },
    );
    // A new time or place since they said yes: said first, with the new values.
    let changed = r.changed.filter(|_| !r.meetup.cancelled).map(|c| {
        let time = i.t_args("rsvp-changed-time", &[("when", when(&i, &r.meetup))]);
        let place = i.t_args("rsvp-changed-place", &[("place", r.meetup.place.clone())]);
        let lines = match c {
            Changed::Time => vec![time],
            Changed::Place => vec![place],
            Changed::TimeAndPlace => vec![time, place],
        };
        view! {
            <div class="notice" role="status" id="rsvp-changed">
                {lines.into_iter().map(|l| view! { <p><strong><bdi>{l}</bdi></strong></p> }).collect_view()}
            </div>
        }
    });
    let mails = (r.mails && !r.meetup.cancelled).then(|| view! { <p>{i.t("rsvp-mails-you")}</p> });
    let ics = format!("/meetups/{}.ics", r.meetup.id);
    // Cancelling asks first, on a page of its own (no JavaScript needed).
    let cancel = format!("/rsvp/{token}/cancel");
    view! {
        <Title text=i.t("rsvp-title")/>
        <section class="page narrow kept-page">
            {cancelled}
            {changed}
            {moved}
            <h1>{heading}</h1>
            <ul class="facts">
                <li><Icon name=IconName::Users/><span><bdi>{r.group_name.clone()}</bdi></span></li>
                <li><Icon name=IconName::Calendar/><span>{when(&i, &r.meetup)}</span></li>
                <li><Icon name=IconName::Pin/><span><bdi>{r.meetup.place.clone()}</bdi></span></li>
                <li><Icon name=IconName::Child/><span>{party}</span></li>
            </ul>
            {r.waiting.then(|| view! { <p>{i.t("rsvp-waiting-text")}</p> })}
            {mails}
            <p>
                <a class="button secondary" href=ics>
                    <Icon name=IconName::Calendar/><span>{i.t("meetup-add-calendar")}</span>
                </a>
            </p>
            <KeepLink kept=kept text=k("keep-rsvp-text")/>
            <p class="withdraw">
                <a class="button secondary" href=cancel><Icon name=IconName::Undo/><span>{i.t("rsvp-cancel")}</span></a>
            </p>
        </section>
    }
    .into_any()
}

#[component]
pub fn RsvpPage() -> impl IntoView {
    no_store();
    let (i, token) = (use_i18n(), crate::ui::param("token"));
    crate::ui::loaded(load_rsvp(token.clone()), move |(r, kept)| {
        rsvp_view(i, token, r, kept)
    })
}

/// "Can you really not come?": what is given up and deleted, and the one form that does it
/// (`confirm=yes`). A post without it shows this page and changes nothing.
#[component]
pub fn RsvpCancelPage() -> impl IntoView {
    no_store();
    let (i, token) = (use_i18n(), crate::ui::param("token"));
    crate::ui::loaded(load_rsvp(token.clone()), move |(r, _)| {
        let action = format!("/rsvp/{token}/cancel");
        let back = format!("/rsvp/{token}");
        let what = sentence(
            &i,
            k("rsvp-cancel-confirm-what"),
            &[
                ("group", r.group_name.clone()),
                ("date", i.date(r.meetup.starts_at)),
            ],
        );
        // Someone waiting may get the place, unless the meetup is off anyway.
        let waiting = (!r.meetup.cancelled && !r.waiting)
            .then(|| view! { <p>{i.t("rsvp-cancel-confirm-waiting")}</p> });
        view! {
            <Title text=i.t("rsvp-cancel-confirm-title")/>
            <section class="page narrow confirm-page">
                <h1>{i.t("rsvp-cancel-confirm-title")}</h1>
                <p>{what}</p>
                {waiting}
                <p><strong>{i.t("rsvp-cancel-confirm-final")}</strong></p>
                <p class="confirm-actions">
                    <a class="button" href=back><Icon name=IconName::Check/><span>{i.t("rsvp-cancel-confirm-no")}</span></a>
                </p>
                <form method="post" action=action class="confirm-actions">
                    <input type="hidden" name="confirm" value="yes"/>
                    <button type="submit" class="secondary"><Icon name=IconName::Trash/><span>{i.t("rsvp-cancel-confirm-yes")}</span></button>
                </form>
            </section>
        }
        .into_any()
    })
}

#[component]
pub fn RsvpCancelledPage() -> impl IntoView {
    view! {
        <Notice title=k("rsvp-cancelled-title") text=k("rsvp-cancelled-text") href="/groups" icon=IconName::Search action=k("home-find-group")/>
    }
}
