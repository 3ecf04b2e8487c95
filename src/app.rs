//! The shell and the routes table: the one place that lists every page.
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::admin::group_pages::{GroupEditPage, GroupsAdminPage, MeetupsAdminPage};
use crate::admin::meetup_cancel::MeetupCancelPage;
use crate::admin::pages::{
    AcceptInvitePage, AccountsPage, AdminHomePage, AuditPage, ForgotPage, InvitesPage, LoginPage,
    PasswordPage, ResetPage,
};
use crate::checkin::pages::{
    CheckInCardPage, CheckInDeletedPage, CheckInPage, CheckInThanksPage, RemindersStoppedPage,
};
use crate::groups::join_pages::{JoinPage, JoinStatusPage, WithdrawPage, WithdrawnPage};
use crate::groups::pages::{GroupPage, GroupsPage};
use crate::guides::admin_pages::{LocalHelpAdminPage, LocalHelpEditPage};
use crate::guides::pages::{GuideBothPage, GuidePage, GuidePrintPage, GuidesPage};
use crate::help::pages::{
    AdminHelpOnePage, AdminHelpPage, HelpDeletedPage, HelpPage, HelpReplyPage,
};
use crate::home::HomePage;
use crate::i18n::{I18n, Lang};
use crate::meetups::pages::{MeetupPage, RsvpCancelPage, RsvpCancelledPage, RsvpPage};
use crate::monitoring::pages::{MonitoringPage, MonitoringReportPage};
use crate::partners::pages::{
    GroupPosterPage, HandoverDonePage, HandoverPage, PartnerAdminPage, PartnerCardPage,
    PartnerPosterPage, PartnersAdminPage,
};
use crate::trust::pages::{
    AccessibilityPage, OfflinePage, PrivacyPage, ProtocolAdminPage, TracesClearedPage,
    WhatHappensPage,
};
use crate::ui::{Footer, Header, NotFound};

/// The HTML document around every page, in the request's language and direction.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = request_lang();
    provide_context(I18n { lang });
    #[cfg(feature = "ssr")]
    if let Some(nonce) = use_context::<axum::http::request::Parts>()
        .and_then(|p| p.extensions.get::<crate::security::CspNonce>().cloned())
    {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
    let urls = asset_urls();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() dir=lang.dir()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="referrer" content="no-referrer"/>
                <link rel="stylesheet" href=urls.css/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="apple-touch-icon" href="/icon-192.png"/>
                <meta name="theme-color" content="#0b5563"/>
                <script src=urls.quick_exit defer nonce=leptos::nonce::use_nonce()></script>
                // Offline copies of the guides and quick exit's clean-up; pages work without it.
                <script src=urls.offline defer=true nonce=leptos::nonce::use_nonce()></script>
                // Guide ticks, read-aloud and print: plain script, no WebAssembly.
                {urls.guide_tools.map(|src| view! { <script src=src defer=true nonce=leptos::nonce::use_nonce()></script> })}
                {has_islands().then(|| view! { <HydrationScripts options islands=true root=urls.pkg_root.unwrap_or_default()/> })}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Paths whose pages hold an island (print buttons of the help pages and the report): only these
/// load the WebAssembly; every other page is plain HTML with small plain scripts.
pub const ISLAND_PATHS: [&str; 2] = ["/help", "/admin/monitoring/report"];

/// Paths whose pages get `/guide-tools.js` (ticks, read-aloud, print; no WebAssembly).
pub const GUIDE_TOOLS_PATHS: [&str; 3] = ["/guides/", "/check-in", "/admin/check-in"];

/// The addresses of the files a page links to: with their content's hash where the build is
/// on disk (`web::assets`), else the plain ones.
struct AssetUrls {
    css: String,
    quick_exit: String,
    offline: String,
    guide_tools: Option<String>,
    pkg_root: Option<String>,
}

fn request_path() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>().map(|p| p.uri.path().to_string())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

fn asset_urls() -> AssetUrls {
    let path = request_path();
    let guide_tools = path
        .as_deref()
        .is_some_and(|p| GUIDE_TOOLS_PATHS.iter().any(|g| p.starts_with(g)));
    #[cfg(feature = "ssr")]
    if let Some(a) = use_context::<std::sync::Arc<crate::web::assets::Assets>>() {
        return AssetUrls {
            css: a.css(),
            quick_exit: a.url("quick-exit.js"),
            offline: a.url("offline.js"),
            guide_tools: guide_tools.then(|| a.url("guide-tools.js")),
            pkg_root: a.pkg_root(),
        };
    }
    AssetUrls {
        css: "/pkg/doorstart.css".into(),
        quick_exit: "/quick-exit.js".into(),
        offline: "/offline.js".into(),
        guide_tools: guide_tools.then(|| "/guide-tools.js".into()),
        pkg_root: None,
    }
}

fn has_islands() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>()
            .is_none_or(|p| ISLAND_PATHS.iter().any(|i| p.uri.path().starts_with(i)))
    }
    #[cfg(not(feature = "ssr"))]
    {
        true
    }
}

fn request_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>()
            .and_then(|p| p.extensions.get::<Lang>().copied())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Lang::default()
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        // leptos_meta writes the title raw: every page's title (a group's name too) is escaped here.
        <leptos_meta::Title formatter=|text: String| crate::ui::forms::escape_text(&text)/>
        <Router>
            <crate::seo::meta::Description/>
            <Header/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("groups") view=GroupsPage ssr=SsrMode::Async/>
                    <Route path=path!("groups/notify") view=crate::groups::notify::NotifyPage ssr=SsrMode::Async/>
                    <Route path=path!("groups/notify-sent") view=crate::groups::notify::NotifySentPage ssr=SsrMode::Async/>
                    <Route path=path!("groups/notify-confirmed") view=crate::groups::notify::NotifyConfirmedPage ssr=SsrMode::Async/>
                    <Route path=path!("groups/notify-stopped") view=crate::groups::notify::NotifyStoppedPage ssr=SsrMode::Async/>
                    <Route path=path!("groups/notify/:token") view=crate::groups::notify::NotifyConfirmPage ssr=SsrMode::Async/>
                    <Route path=path!("groups/notify/:token/stop") view=crate::groups::notify::NotifyStopPage ssr=SsrMode::Async/>
                    <Route path=path!("groups/:id") view=GroupPage ssr=SsrMode::Async/>
                    <Route path=path!("groups/:id/join") view=JoinPage ssr=SsrMode::Async/>
                    <Route path=path!("join/:token") view=JoinStatusPage ssr=SsrMode::Async/>
                    <Route path=path!("join/:token/withdraw") view=WithdrawPage ssr=SsrMode::Async/>
                    <Route path=path!("withdrawn") view=WithdrawnPage ssr=SsrMode::Async/>
                    <Route path=path!("meetups/:id") view=MeetupPage ssr=SsrMode::Async/>
                    <Route path=path!("rsvp/:token") view=RsvpPage ssr=SsrMode::Async/>
                    <Route path=path!("rsvp/:token/cancel") view=RsvpCancelPage ssr=SsrMode::Async/>
                    <Route path=path!("rsvp-cancelled") view=RsvpCancelledPage ssr=SsrMode::Async/>
                    <Route path=path!("admin") view=AdminHomePage ssr=SsrMode::Async/>
                    <Route path=path!("admin/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/invites") view=InvitesPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/invite/:token") view=AcceptInvitePage ssr=SsrMode::Async/>
                    <Route path=path!("admin/accounts") view=AccountsPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/audit") view=AuditPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/password") view=PasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/forgot") view=ForgotPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/reset/:token") view=ResetPage ssr=SsrMode::Async/>
                    <Route path=path!("help") view=HelpPage ssr=SsrMode::Async/>
                    <Route path=path!("help/reply") view=HelpReplyPage ssr=SsrMode::Async/>
                    <Route path=path!("help/deleted") view=HelpDeletedPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/help") view=AdminHelpPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/help/:id") view=AdminHelpOnePage ssr=SsrMode::Async/>
                    <Route path=path!("guides") view=GuidesPage ssr=SsrMode::Async/>
                    <Route path=path!("guides/:slug") view=GuidePage ssr=SsrMode::Async/>
                    <Route path=path!("guides/:slug/print") view=GuidePrintPage ssr=SsrMode::Async/>
                    <Route path=path!("guides/:slug/both") view=GuideBothPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/monitoring") view=MonitoringPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/monitoring/report") view=MonitoringReportPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/local-help") view=LocalHelpAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/local-help/:id") view=LocalHelpEditPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/groups") view=GroupsAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/groups/new") view=GroupEditPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/groups/:id") view=GroupEditPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/groups/:id/meetups") view=MeetupsAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/meetups/:id/cancel") view=MeetupCancelPage ssr=SsrMode::Async/>
                    <Route path=path!("check-in") view=CheckInPage ssr=SsrMode::Async/>
                    <Route path=path!("check-in/thanks") view=CheckInThanksPage ssr=SsrMode::Async/>
                    <Route path=path!("check-in/deleted") view=CheckInDeletedPage ssr=SsrMode::Async/>
                    <Route path=path!("check-in/reminders-stopped") view=RemindersStoppedPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/check-in") view=CheckInCardPage ssr=SsrMode::Async/>
                    <Route path=path!("privacy") view=PrivacyPage ssr=SsrMode::Async/>
                    <Route path=path!("what-happens") view=WhatHappensPage ssr=SsrMode::Async/>
                    <Route path=path!("toegankelijkheid") view=AccessibilityPage ssr=SsrMode::Async/>
                    <Route path=path!("offline") view=OfflinePage ssr=SsrMode::Async/>
                    <Route path=path!("traces-cleared") view=TracesClearedPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/protocol") view=ProtocolAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/partners") view=PartnersAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/partners/:id") view=PartnerAdminPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/handover") view=HandoverPage ssr=SsrMode::Async/>
                    <Route path=path!("admin/handover/done") view=HandoverDonePage ssr=SsrMode::Async/>
                    <Route path=path!("groups/:id/poster") view=GroupPosterPage ssr=SsrMode::Async/>
                    <Route path=path!("r/:slug/poster") view=PartnerPosterPage ssr=SsrMode::Async/>
                    <Route path=path!("r/:slug/card") view=PartnerCardPage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
