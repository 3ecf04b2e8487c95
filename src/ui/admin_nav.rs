//! The facilitator side's menu, on every admin page (the coordinator sees more).
use leptos::prelude::*;

use super::{Icon, IconName};
use crate::i18n::use_i18n;

/// The frame of a facilitator's page: the tab title, the menu and the heading (both the
/// title); the page's own content follows as children.
#[component]
pub fn AdminPage(
    title: String,
    coordinator: bool,
    #[prop(optional)] narrow: bool,
    children: Children,
) -> impl IntoView {
    let class = if narrow { "page narrow" } else { "page" };
    view! {
        <leptos_meta::Title text=title.clone()/>
        <section class=class>
            <AdminNav coordinator=coordinator/>
            <h1>{title}</h1>
            {children()}
        </section>
    }
}

#[component]
pub fn AdminNav(coordinator: bool) -> impl IntoView {
    let i = use_i18n();
    view! {
        <>
        <nav class="admin-nav" aria-label=i.t("admin-nav-label")>
            <a href="/admin"><Icon name=IconName::Users/><span>{i.t("admin-inbox")}</span></a>
            <a href="/admin/groups"><Icon name=IconName::Calendar/><span>{i.t("admin-groups")}</span></a>
            <a href="/admin/help"><Icon name=IconName::Chat/><span>{i.t("admin-help")}</span></a>
            <a href="/admin/check-in"><Icon name=IconName::Smile/><span>{i.t("admin-checkin")}</span></a>
            <a href="/admin/handover"><Icon name=IconName::Heart/><span>{i.t("handover-title")}</span></a>
            {coordinator.then(|| view! {
                <a href="/admin/invites"><Icon name=IconName::Share/><span>{i.t("admin-invites")}</span></a>
                <a href="/admin/accounts"><Icon name=IconName::Key/><span>{i.t("admin-accounts")}</span></a>
                <a href="/admin/monitoring"><Icon name=IconName::Chart/><span>{i.t("admin-monitoring")}</span></a>
                <a href="/admin/partners"><Icon name=IconName::Share/><span>{i.t("partners-title")}</span></a>
                <a href="/admin/local-help"><Icon name=IconName::Pin/><span>{i.t("admin-local-help")}</span></a>
                <a href="/admin/protocol"><Icon name=IconName::Document/><span>{i.t("admin-protocol")}</span></a>
                <a href="/admin/audit"><Icon name=IconName::Book/><span>{i.t("admin-audit")}</span></a>
            })}
            <a href="/admin/password"><Icon name=IconName::Key/><span>{i.t("admin-password")}</span></a>
            <form method="post" action="/admin/logout">
                <button type="submit" class="secondary"><Icon name=IconName::Exit/><span>{i.t("admin-sign-out")}</span></button>
            </form>
        </nav>
        {(coordinator && !mail_on()).then(|| view! {
            <p class="notice" role="status" id="mail-off">
                <Icon name=IconName::Info/><span>{i.t("admin-mail-off")}</span>
            </p>
        })}
        </>
    }
}

/// Mail is on when `DOORSTART_SMTP_URL` is set; when it is not, every coordinator's page says
/// so (a facilitator cannot change it).
pub fn mail_on() -> bool {
    #[cfg(feature = "ssr")]
    {
        crate::mail::is_on()
    }
    #[cfg(not(feature = "ssr"))]
    {
        true
    }
}
