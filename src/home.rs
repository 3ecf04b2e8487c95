//! The home page: three big choices, the way back to an answer, and a small door for
//! facilitators.
use leptos::prelude::*;

use crate::i18n::{k, use_i18n};
use crate::ui::{Icon, IconName, PageHead};

#[component]
fn Choice(href: &'static str, icon: IconName, title: String, text: String) -> impl IntoView {
    view! {
        <li>
            <a class="choice" href=href>
                <span class="choice-icon"><Icon name=icon/></span>
                <span class="choice-text">
                    <strong>{title}</strong>
                    <span>{text}</span>
                </span>
                <Icon name=IconName::Arrow/>
            </a>
        </li>
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let i = use_i18n();
    view! {
        <section class="page">
            <PageHead title=k("home-title") heading=k("home-heading") lead=k("home-intro")/>
            <ul class="choices">
                <Choice href="/groups" icon=IconName::Users title=i.t("home-find-group") text=i.t("home-find-group-text")/>
                <Choice href="/help" icon=IconName::Chat title=i.t("home-ask-help") text=i.t("home-ask-help-text")/>
                // A parent coming back with a pick-up code finds the answer in one tap.
                <li class="read-answer">
                    <a href="/help/reply"><Icon name=IconName::Key/><span>{i.t("home-read-answer")}</span></a>
                </li>
                <Choice href="/guides" icon=IconName::Book title=i.t("home-guides") text=i.t("home-guides-text")/>
            </ul>
            <p class="facilitator-link">
                <a href="/admin">
                    <Icon name=IconName::Key/>
                    <span>{i.t("home-facilitators")}</span>
                </a>
            </p>
        </section>
    }
}
