//! Joining a group: the form (`/groups/{id}/join`), the private status page (`/join/{token}`)
//! with the link to keep, withdrawing after a question (`/join/{token}/withdraw`) and the page
//! after withdrawing (`/withdrawn`).
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::{group_page, join_referrer, join_status};
use super::join::{JoinStatus, JoinStatusView, CONTACT_DAYS, NAME_MAX};
use super::model::GROUP_LANGUAGES;
use crate::i18n::k;
use crate::i18n::{use_i18n, I18n};
use crate::ui::bidi::sentence;
use crate::ui::forms::{
    form_token, language_options, no_store, use_form_state, Choice, ErrorSummary, FieldError,
    Honeypot, TextField,
};
use crate::ui::{Icon, IconName, KeepLink, KeptLink};
use crate::ui::{Notice, TrustLinks};

#[component]
fn ContactChoice() -> impl IntoView {
    let i = use_i18n();
    let state = use_form_state();
    let chosen = state.value("contact_kind");
    let radio = |value: &'static str, label: String| {
        let checked = chosen == value;
        let id = format!("contact-{value}");
        view! {
            <div class="radio">
                <input type="radio" id=id.clone() name="contact_kind" value=value checked=checked/>
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <fieldset class="field" id="contact_kind">
            <legend>{i.t("join-contact-legend")}</legend>
            <FieldError field="contact_kind"/>
            {radio("phone", i.t("join-contact-phone"))}
            <TextField name="phone" label=i.t("join-phone-label") kind="tel" autocomplete="tel" maxlength=25 ltr=true/>
            {radio("email", i.t("join-contact-email"))}
            <TextField name="email" label=i.t("join-email-label") kind="email" autocomplete="email" maxlength=254 ltr=true/>
            {radio("meeting", i.t("join-contact-meeting"))}
        </fieldset>
    }
}

/// "Who sent you?": the kinds of source, with the partner whose link brought this visitor
/// (chosen, the parent can change it) when there is one.
fn referral_options(i: &I18n, referrer: Option<(String, String)>) -> Vec<(String, String)> {
    let mut options = vec![
        (String::new(), i.t("join-referral-none")),
        ("self".to_string(), i.t("join-referral-self")),
        ("known".to_string(), i.t("join-referral-known")),
        (
            "professional".to_string(),
            i.t("join-referral-professional"),
        ),
    ];
    if let Some((slug, name)) = referrer {
        options.push((crate::partners::model::referral_value(&slug), name));
    }
    options.push(("other".to_string(), i.t("join-referral-other")));
    options
}

#[component]
fn JoinForm(
    group_id: String,
    group_name: String,
    referrer: Option<(String, String)>,
) -> impl IntoView {
    let i = use_i18n();
    let state = use_form_state();
    let action = format!("/groups/{group_id}/join");
    let chosen_lang = Some(state.value("language"))
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| i.lang.code().to_string());
    let languages = language_options(&i, &GROUP_LANGUAGES, &chosen_lang);
    let referred = referrer
        .as_ref()
        .map(|(slug, _)| crate::partners::model::referral_value(slug))
        .unwrap_or_default();
    view! {
        <Title text=i.t_args("join-title", &[("name", group_name.clone())])/>
        <section class="page narrow">
            <h1>{i.t_args("join-heading", &[("name", group_name)])}</h1>
            <p class="lead">{i.t("join-intro")}</p>
            <ErrorSummary/>
            <form method="post" action=action novalidate=true>
                <FieldError field="form" id="form"/>
                <input type="hidden" name="token" value=form_token()/>
                <Honeypot/>
                <TextField name="first_name" label=i.t("join-name-label") hint=i.t("join-name-hint") autocomplete="given-name" maxlength=NAME_MAX/>
                <ContactChoice/>
                <div class="field">
                    <label for="language">{i.t("join-language-label")}</label>
                    <select id="language" name="language">{languages}</select>
                </div>
                <TextField name="child_count" label=i.t("join-children-label") hint=i.t("optional") kind="number" maxlength=2/>
                <TextField name="child_ages" label=i.t("join-ages-label") hint=i.t("join-ages-hint") maxlength=40/>
                <Choice name="referral" label=i.t("join-referral-label") options=referral_options(&i, referrer) default=referred/>
                <div class="field check" id="consent">
                    <FieldError field="consent"/>
                    <input type="checkbox" id="consent-box" name="consent" value="yes"/>
                    <label for="consent-box">{i.t("join-consent")}</label>
                </div>
                <button type="submit"><Icon name=IconName::Users/><span>{i.t("join-submit")}</span></button>
            </form>
            <TrustLinks/>
        </section>
    }
}

#[component]
pub fn JoinPage() -> impl IntoView {
    let i = use_i18n();
    // The form carries its one-time key: not for a shared cache or the back button.
    no_store();
    let id = crate::ui::param("id");
    let lang = i.lang.code().to_string();
    let load = {
        let id = id.clone();
        async move {
            Ok::<_, crate::error::AppError>((group_page(id, lang).await?, join_referrer().await?))
        }
    };
    crate::ui::loaded(load, move |(data, referrer)| {
        view! { <JoinForm group_id=id group_name=data.group.name referrer=referrer/> }.into_any()
    })
}

fn status_steps(i: &I18n, status: JoinStatus) -> impl IntoView {
    let steps = [
        (JoinStatus::Received, i.t("join-step-received")),
        (JoinStatus::Contacted, i.t("join-step-contacted")),
        (JoinStatus::Joined, i.t("join-step-joined")),
    ];
    let reached = |s: JoinStatus| match status {
        JoinStatus::Received => s == JoinStatus::Received,
        JoinStatus::Contacted | JoinStatus::NotJoined => s != JoinStatus::Joined,
        JoinStatus::Joined => true,
    };
    let items = steps
        .into_iter()
        .map(|(s, label)| {
            let current = (s == status).then_some("step");
            let class = if reached(s) { "step done" } else { "step" };
            view! { <li class=class aria-current=current>{label}</li> }
        })
        .collect_view();
    view! { <ol class="steps">{items}</ol> }
}

/// The anonymous check-in, offered with this parent's own link; with an e-mail address on the
/// request, the 3- and 6-month reminders can be switched on or off here.
fn check_in_offer(i: &I18n, token: &str, offer: crate::checkin::model::Offer) -> impl IntoView {
    let start = offer.link(crate::checkin::model::Moment::Start);
    let reminders = offer.reminders.map(|on| {
        let (text, want, button) = if on {
            (k("checkin-offer-reminders-on"), "off", k("checkin-reminders-stop"))
        } else {
            (k("checkin-offer-reminders-off"), "on", k("checkin-offer-reminders-button"))
        };
        view! {
            <form method="post" action="/check-in/reminders">
                <input type="hidden" name="join" value=token.to_string()/>
                <input type="hidden" name="want" value=want/>
                <p>{i.t(text)}</p>
                <button type="submit" class="secondary"><Icon name=IconName::Calendar/><span>{i.t(button)}</span></button>
            </form>
        }
    });
    view! {
        <section id="check-in" class="card" aria-labelledby="check-in-heading">
            <h2 id="check-in-heading">{i.t("checkin-offer-heading")}</h2>
            <p>{i.t("checkin-offer-text")}</p>
            <p><a class="button" href=start><Icon name=IconName::Heart/><span>{i.t("checkin-offer-start")}</span></a></p>
            {reminders}
        </section>
    }
}

fn status_view(i: I18n, token: String, view_data: JoinStatusView, kept: KeptLink) -> AnyView {
    let JoinStatusView {
        group_id,
        group_name,
        first_name,
        status,
        contact_deadline,
        just_comes,
        late,
        checkin,
    } = view_data;
    let checkin = checkin.map(|offer| check_in_offer(&i, &token, offer));
    let promise = match status {
        // Nobody promised to call: the parent comes to a meeting.
        JoinStatus::Received if just_comes => i.t("join-promise-meeting"),
        // The date has passed: say what happens now, not a date in the past.
        JoinStatus::Received if late => i.t("join-promise-late"),
        JoinStatus::Received => i.t_args(
            "join-promise",
            &[
                ("days", CONTACT_DAYS.to_string()),
                ("date", i.date(contact_deadline)),
            ],
        ),
        JoinStatus::Contacted => i.t("join-contacted-text"),
        JoinStatus::Joined => i.t("join-joined-text"),
        JoinStatus::NotJoined => i.t("join-not-joined-text"),
    };
    // Withdrawing asks first, on a page of its own (no JavaScript needed).
    let withdraw = format!("/join/{token}/withdraw");
    let group_href = format!("/groups/{group_id}");
    view! {
        <Title text=i.t("join-status-title")/>
        <section class="page narrow kept-page">
            <h1>{i.t_args("join-status-heading", &[("name", first_name)])}</h1>
            <p>
                {i.t("join-status-for")} " "
                <a href=group_href><bdi>{group_name}</bdi></a>
            </p>
            {status_steps(&i, status)}
            <p class="notice">{promise}</p>
            <KeepLink kept=kept text=k("keep-join-text")/>
            {checkin}
            <section class="withdraw" aria-labelledby="withdraw-heading">
                <h2 id="withdraw-heading">{i.t("withdraw-heading")}</h2>
                <p>{i.t("withdraw-text")}</p>
                <p><a class="button secondary" href=withdraw><Icon name=IconName::Undo/><span>{i.t("withdraw-button")}</span></a></p>
            </section>
        </section>
    }
    .into_any()
}

#[component]
pub fn JoinStatusPage() -> impl IntoView {
    no_store();
    let (i, token) = (use_i18n(), crate::ui::param("token"));
    crate::ui::loaded(join_status(token.clone()), move |(data, kept)| {
        status_view(i, token, data, kept)
    })
}

/// "Do you really want to withdraw?": what will be deleted, and the one form that deletes it
/// (`confirm=yes`). A post without it (a tap on an old page, a form replayed) shows this page
/// and deletes nothing.
#[component]
pub fn WithdrawPage() -> impl IntoView {
    no_store();
    let (i, token) = (use_i18n(), crate::ui::param("token"));
    crate::ui::loaded(join_status(token.clone()), move |(data, _)| {
        let action = format!("/join/{token}/withdraw");
        let back = format!("/join/{token}");
        let reminders = data
            .checkin
            .and_then(|c| c.reminders)
            .filter(|on| *on)
            .map(|_| view! { <p>{i.t("withdraw-confirm-reminders")}</p> });
        view! {
            <Title text=i.t("withdraw-confirm-title")/>
            <section class="page narrow confirm-page">
                <h1>{i.t("withdraw-confirm-title")}</h1>
                <p>{sentence(&i, k("withdraw-confirm-what"), &[("group", data.group_name)])}</p>
                {reminders}
                <p><strong>{i.t("withdraw-confirm-final")}</strong></p>
                <p class="confirm-actions">
                    <a class="button" href=back><Icon name=IconName::Check/><span>{i.t("withdraw-confirm-no")}</span></a>
                </p>
                <form method="post" action=action class="confirm-actions">
                    <input type="hidden" name="confirm" value="yes"/>
                    <button type="submit" class="secondary"><Icon name=IconName::Trash/><span>{i.t("withdraw-confirm-yes")}</span></button>
                </form>
            </section>
        }
        .into_any()
    })
}

#[component]
pub fn WithdrawnPage() -> impl IntoView {
    view! {
        <Notice title=k("withdrawn-title") text=k("withdrawn-text") href="/groups" icon=IconName::Search action=k("home-find-group")/>
    }
}
