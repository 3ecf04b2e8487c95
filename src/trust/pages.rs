//! `/privacy`, `/what-happens`, `/toegankelijkheid`, `/offline`, the notice after "clear my
//! traces", and the coordinator's `/admin/protocol`. Plain server HTML: no JavaScript needed.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{protocol_admin, protocol_text};
use super::model::{Organisation, Periods, Protocol, PROTOCOL_CONTACT_MAX, PROTOCOL_MAX};
use crate::i18n::{k, use_i18n, I18n};
use crate::ui::forms::{use_form_state, ErrorSummary, FieldError, TextArea, TextField};
use crate::ui::{AdminPage, CrisisNumbers, Icon, IconName, Notice, PageHead};

/// Who is responsible, and how to reach them; said plainly when the settings are empty.
fn organisation(i: &I18n) -> impl IntoView {
    let org = use_context::<Organisation>().unwrap_or_default();
    let name = match org.name {
        Some(name) => view! {
            <p>{i.t("trust-org-responsible")}" "<strong><bdi>{name}</bdi></strong></p>
        }
        .into_any(),
        None if org.demo => view! { <p class="notice">{i.t("trust-org-demo")}</p> }.into_any(),
        None => view! { <p class="notice">{i.t("trust-org-unset")}</p> }.into_any(),
    };
    let contact = org.contact.map(|c| {
        view! { <p>{i.t("trust-org-contact")}" "<bdi dir="auto">{c}</bdi></p> }
    });
    view! { <div class="org">{name}{contact}</div> }
}

/// One thing a parent does: what we keep, why, and how long.
fn kept(
    i: &I18n,
    icon: IconName,
    what: &'static str,
    why: &'static str,
    how_long: String,
) -> impl IntoView {
    view! {
        <li class="card kept">
            <h3><Icon name=icon/><span>{i.t(what)}</span></h3>
            <p>{i.t(why)}</p>
            <p><strong>{how_long}</strong></p>
        </li>
    }
}

/// The retention periods as the page says them: numbers from the retention task itself.
pub fn period_texts(i: &I18n, p: &Periods) -> [String; 4] {
    [
        i.t_args(
            "privacy-join-long",
            &[
                ("closed", p.join_closed_days.to_string()),
                ("max", p.join_max_days.to_string()),
            ],
        ),
        i.t_args(
            "privacy-rsvp-long",
            &[("days", p.rsvp_days_after.to_string())],
        ),
        i.t_args("privacy-help-long", &[("days", p.help_days.to_string())]),
        i.t_args(
            "privacy-counts-long",
            &[("months", p.stats_months.to_string())],
        ),
    ]
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i = use_i18n();
    let periods = use_context::<Periods>().unwrap_or_default();
    let [join, rsvp, help, counts] = period_texts(&i, &periods);
    view! {
        <section class="page narrow trust">
            <PageHead title=k("privacy-title") lead=k("privacy-intro")/>
            <h2>{i.t("privacy-who-heading")}</h2>
            {organisation(&i)}
            <h2>{i.t("privacy-what-heading")}</h2>
            <ul class="cards kept-list">
                {kept(&i, IconName::Users, k("privacy-join-what"), k("privacy-join-why"), join)}
                {kept(&i, IconName::Calendar, k("privacy-rsvp-what"), k("privacy-rsvp-why"), rsvp)}
                {kept(&i, IconName::Chat, k("privacy-help-what"), k("privacy-help-why"), help)}
                {kept(&i, IconName::Chart, k("privacy-counts-what"), k("privacy-counts-why"), counts)}
            </ul>
            <h2 id="check-in">{i.t("privacy-checkin-heading")}</h2>
            <p>{i.t("privacy-checkin-text")}</p>
            <p>{i.t("privacy-checkin-law")}</p>
            <p><strong>{i.t_args("privacy-checkin-long", &[("months", periods.checkin_months.to_string()), ("days", periods.checkin_reminder_days.to_string())])}</strong></p>
            <h2 id="notify">{i.t("privacy-notify-heading")}</h2>
            <p>{i.t_args("privacy-notify-text", &[("hours", periods.notify_unconfirmed_hours.to_string()), ("days", periods.notify_days.to_string())])}</p>
            <h2>{i.t("privacy-delete-heading")}</h2>
            <p>{i.t("privacy-delete-text")}</p>
            <p>{i.t_args("privacy-backup-text", &[("days", periods.backup_days.to_string())])}</p>
            <p>{i.t("privacy-lost-text")}</p>
            <h2>{i.t("privacy-never-heading")}</h2>
            <p>{i.t("privacy-never-text")}</p>
            <p>{i.t_args("privacy-partner-cookie", &[("days", crate::partners::model::REF_DAYS.to_string())])}</p>
            <p>{i.t("privacy-third-text")}</p>
            <h2>{i.t("privacy-rights-heading")}</h2>
            <p>{i.t("privacy-rights-text")}</p>
            <h2 id="device">{i.t("privacy-device-heading")}</h2>
            <p>{i.t("privacy-device-text")}</p>
            <form method="post" action="/privacy/clear" class="clear-traces">
                <button type="submit" class="secondary" data-clear-traces="true">
                    <Icon name=IconName::Exit/><span>{i.t("privacy-clear-button")}</span>
                </button>
            </form>
            <p><a href="/what-happens"><Icon name=IconName::Info/><span>{i.t("what-title")}</span></a></p>
        </section>
    }
}

fn protocol_view(i: &I18n, p: Option<Protocol>) -> AnyView {
    match p {
        Some(p) => {
            let paragraphs = p
                .body
                .split("\n\n")
                .map(|para| view! { <p dir="auto">{para.to_string()}</p> })
                .collect_view();
            view! {
                <div class="protocol">
                    {paragraphs}
                    <p>{i.t("what-protocol-contact")}" "<bdi dir="auto">{p.contact}</bdi></p>
                    <p class="hint">{i.t_args("what-protocol-changed", &[("date", i.date(p.changed_at))])}</p>
                </div>
            }
            .into_any()
        }
        None => view! { <p class="notice">{i.t("what-protocol-missing")}</p> }.into_any(),
    }
}

#[component]
pub fn WhatHappensPage() -> impl IntoView {
    let i = use_i18n();
    let rules = Suspend::new(async move {
        match protocol_text().await {
            Ok(p) => protocol_view(&i, p),
            Err(_) => view! { <p class="notice">{i.t("what-protocol-missing")}</p> }.into_any(),
        }
    });
    view! {
        <section class="page narrow trust">
            <PageHead title=k("what-title") lead=k("what-intro")/>
            <h2>{i.t("what-who-heading")}</h2>
            <p>{i.t("what-who-text")}</p>
            <p>{i.t("what-name-text")}</p>
            <h2>{i.t("what-report-heading")}</h2>
            <p>{i.t("what-report-text")}</p>
            <p>{i.t("what-normal-text")}</p>
            <h2>{i.t("what-checkin-heading")}</h2>
            <p>{i.t("what-checkin-text")}</p>
            <h2>{i.t("what-danger-heading")}</h2>
            <p>{i.t("what-danger-112")}</p>
            <p>{i.t("what-danger-veilig-thuis")}</p>
            <h2>{i.t("what-protocol-heading")}</h2>
            <Suspense fallback=|| ()>{rules}</Suspense>
            <CrisisNumbers/>
            <p class="share">
                <a class="button" href="/help"><Icon name=IconName::Chat/><span>{i.t("home-ask-help")}</span></a>
                <a class="button secondary" href="/privacy"><Icon name=IconName::Key/><span>{i.t("privacy-title")}</span></a>
            </p>
        </section>
    }
}

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let i = use_i18n();
    let list = |keys: &[&'static str]| {
        keys.iter()
            .map(|key| view! { <li>{i.t(key)}</li> })
            .collect_view()
    };
    view! {
        <section class="page narrow trust">
            <PageHead title=k("a11y-title") lead=k("a11y-intro")/>
            <h2>{i.t("a11y-standard-heading")}</h2>
            <p>{i.t("a11y-standard-text")}</p>
            <p>{i.t("a11y-status-text")}</p>
            <h2>{i.t("a11y-how-heading")}</h2>
            <ul>{list(&[k("a11y-how-axe"), k("a11y-how-keyboard"), k("a11y-how-rtl"), k("a11y-how-small")])}</ul>
            <h2>{i.t("a11y-known-heading")}</h2>
            <ul>{list(&[k("a11y-known-translations"), k("a11y-known-voice"), k("a11y-known-font"), k("a11y-known-texts")])}</ul>
            <h2>{i.t("a11y-report-heading")}</h2>
            <p>{i.t("a11y-report-text")}</p>
            {organisation(&i)}
        </section>
    }
}

/// What the service worker shows for a page it does not have while there is no connection.
#[component]
pub fn OfflinePage() -> impl IntoView {
    let i = use_i18n();
    view! {
        <section class="page narrow">
            <PageHead title=k("offline-title") lead=k("offline-text")/>
            <p><a class="button" href="/guides"><Icon name=IconName::Book/><span>{i.t("offline-guides")}</span></a></p>
            <CrisisNumbers/>
        </section>
    }
}

#[component]
pub fn TracesClearedPage() -> impl IntoView {
    crate::ui::forms::no_store();
    view! {
        <Notice title=k("traces-cleared-title") text=k("traces-cleared-text") href="/" icon=IconName::Home action=k("back-home")/>
    }
}

#[component]
pub fn ProtocolAdminPage() -> impl IntoView {
    let i = use_i18n();
    let saved = use_query_map().get_untracked().get("saved").is_some();
    crate::ui::loaded(protocol_admin(), move |data| {
        let mut state = use_form_state();
        if state.values.is_empty() {
            if let Some(p) = &data.protocol {
                state.values.insert("body".into(), p.body.clone());
                state.values.insert("contact".into(), p.contact.clone());
                provide_context(state.clone());
            }
        }
        let changed = data.protocol.as_ref().map(|p| {
            view! { <p class="hint">{i.t_args("what-protocol-changed", &[("date", i.date(p.changed_at))])}</p> }
        });
        view! {
            <AdminPage title=i.t("protocol-admin-title") coordinator=data.me.is_coordinator() narrow=true>
                {(saved && !state.has_errors()).then(|| view! { <p class="notice" role="status">{i.t("protocol-saved")}</p> })}
                <p>{i.t("protocol-admin-intro")}</p>
                <p class="notice"><strong>{i.t("protocol-no-personal")}</strong></p>
                {changed}
                <ErrorSummary/>
                <form method="post" action="/admin/protocol" novalidate=true>
                    <div class="field">
                        <label for="body">{i.t("protocol-body-label")}</label>
                        <FieldError field="body"/>
                        <TextArea id="body" name="body" rows=10 maxlength=PROTOCOL_MAX value=state.value("body")/>
                    </div>
                    <TextField name="contact" label=i.t("protocol-contact-label") maxlength=PROTOCOL_CONTACT_MAX/>
                    <button type="submit"><Icon name=IconName::Check/><span>{i.t("protocol-save")}</span></button>
                </form>
                <p><a href="/what-happens"><Icon name=IconName::Info/><span>{i.t("what-title")}</span></a></p>
            </AdminPage>
        }
        .into_any()
    })
}
