//! Joining a group: the form (`/groups/{id}/join`), the private status page (`/join/{token}`)
//! and the page after withdrawing (`/withdrawn`).
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::{group_page, join_status};
use super::join::{JoinStatus, JoinStatusView, CONTACT_DAYS, NAME_MAX};
use super::model::GROUP_LANGUAGES;
use crate::i18n::k;
use crate::i18n::{use_i18n, I18n};
use crate::ui::forms::{
    form_token, language_options, no_store, use_form_state, Choice, ErrorSummary, FieldError,
    Honeypot, TextField,
};
use crate::ui::{Icon, IconName};
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

#[component]
fn JoinForm(group_id: String, group_name: String) -> impl IntoView {
    let i = use_i18n();
    let state = use_form_state();
    let action = format!("/groups/{group_id}/join");
    let chosen_lang = Some(state.value("language"))
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| i.lang.code().to_string());
    let languages = language_options(&i, &GROUP_LANGUAGES, &chosen_lang);
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
                <Choice name="referral" label=i.t("join-referral-label") options=vec![
                    (String::new(), i.t("join-referral-none")),
                    ("self".to_string(), i.t("join-referral-self")),
                    ("known".to_string(), i.t("join-referral-known")),
                    ("professional".to_string(), i.t("join-referral-professional")),
                    ("other".to_string(), i.t("join-referral-other")),
                ]/>
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
    crate::ui::loaded(
        group_page(id.clone(), i.lang.code().to_string()),
        move |data| view! { <JoinForm group_id=id group_name=data.group.name/> }.into_any(),
    )
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

fn status_view(i: I18n, token: String, view_data: JoinStatusView) -> AnyView {
    let JoinStatusView {
        group_id,
        group_name,
        first_name,
        status,
        contact_deadline,
        just_comes,
        late,
    } = view_data;
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
    let withdraw = format!("/join/{token}/withdraw");
    let group_href = format!("/groups/{group_id}");
    view! {
        <Title text=i.t("join-status-title")/>
        <section class="page narrow">
            <h1>{i.t_args("join-status-heading", &[("name", first_name)])}</h1>
            <p>
                {i.t("join-status-for")} " "
                <a href=group_href>{group_name}</a>
            </p>
            {status_steps(&i, status)}
            <p class="notice">{promise}</p>
            <h2>{i.t("join-keep-link-heading")}</h2>
            <p>{i.t("join-keep-link")}</p>
            <form method="post" action=withdraw>
                <p>{i.t("join-withdraw-text")}</p>
                <button type="submit" class="secondary"><Icon name=IconName::Exit/><span>{i.t("join-withdraw")}</span></button>
            </form>
        </section>
    }
    .into_any()
}

#[component]
pub fn JoinStatusPage() -> impl IntoView {
    no_store();
    let (i, token) = (use_i18n(), crate::ui::param("token"));
    crate::ui::loaded(join_status(token.clone()), move |data| {
        status_view(i, token, data)
    })
}

#[component]
pub fn WithdrawnPage() -> impl IntoView {
    view! {
        <Notice title=k("withdrawn-title") text=k("withdrawn-text") href="/groups" icon=IconName::Search action=k("home-find-group")/>
    }
}
