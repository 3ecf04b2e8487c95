//! The facilitator side's pages: sign in, the join-request inbox, invites, accounts, audit log
//! and changing the password. Data comes from server functions that check the role.
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::{
    admin_account, admin_accounts, admin_audit, admin_inbox, digest_languages, invite_role,
    reset_open, InboxData,
};
use crate::accounts::model::HelpChoice;
use crate::groups::join::InboxItem;
use crate::help::model::Theme;
use crate::i18n::{k, language_name_key, use_i18n, I18n};
use crate::ui::forms::{use_form_state, CheckBox, Choice, ErrorSummary, TextField};
use crate::ui::{AdminNav, AdminPage, DataTable, Icon, IconName};

#[component]
pub fn LoginPage() -> impl IntoView {
    let i = use_i18n();
    let state = use_form_state();
    let form_error = state.message(&i, "form");
    view! {
        <Title text=i.t("login-title")/>
        <section class="page narrow">
            <h1>{i.t("login-title")}</h1>
            {form_error.map(|e| view! { <p class="error-summary" role="alert" id="form">{e}</p> })}
            <form method="post" action="/admin/login" novalidate=true>
                <TextField name="email" label=i.t("login-email") kind="email" autocomplete="username" maxlength=254 ltr=true/>
                <TextField name="password" label=i.t("login-password") kind="password" autocomplete="current-password" maxlength=128/>
                <button type="submit"><Icon name=IconName::Key/><span>{i.t("login-submit")}</span></button>
            </form>
            <p><a href="/admin/forgot"><Icon name=IconName::Info/><span>{i.t("login-forgot")}</span></a></p>
        </section>
    }
}

/// Asks for a password-reset link by mail.
#[component]
pub fn ForgotPage() -> impl IntoView {
    let i = use_i18n();
    let state = use_form_state();
    let form_error = state.message(&i, "form");
    let sent = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("sent").is_some());
    view! {
        <Title text=i.t("forgot-title")/>
        <section class="page narrow">
            <h1>{i.t("forgot-title")}</h1>
            {sent.then(|| view! { <p class="notice" role="status" id="forgot-sent">{i.t("forgot-sent")}</p> })}
            <p>{i.t("forgot-intro")}</p>
            <ErrorSummary/>
            {form_error.map(|e| view! { <p class="error-summary" role="alert" id="form">{e}</p> })}
            <form method="post" action="/admin/forgot" novalidate=true>
                <TextField name="email" label=i.t("login-email") kind="email" autocomplete="username" maxlength=254 ltr=true/>
                <button type="submit"><Icon name=IconName::Share/><span>{i.t("forgot-submit")}</span></button>
            </form>
        </section>
    }
}

/// Sets a new password through a reset link (404 when the link is used, expired or unknown).
#[component]
pub fn ResetPage() -> impl IntoView {
    let i = use_i18n();
    let token = crate::ui::param("token");
    let state = use_form_state();
    let form_error = state.message(&i, "form");
    crate::ui::loaded(reset_open(token.clone()), move |_| {
        let action = format!("/admin/reset/{token}");
        view! {
            <Title text=i.t("reset-title")/>
            <section class="page narrow">
                <h1>{i.t("reset-title")}</h1>
                <ErrorSummary/>
                {form_error.clone().map(|e| view! { <p class="error-summary" role="alert" id="form">{e}</p> })}
                <form method="post" action=action novalidate=true>
                    <TextField name="new_password" label=i.t("password-new") hint=i.t("password-hint") kind="password" autocomplete="new-password" maxlength=128/>
                    <button type="submit"><Icon name=IconName::Key/><span>{i.t("reset-submit")}</span></button>
                </form>
            </section>
        }
        .into_any()
    })
}

fn status_label(i: &I18n, status: &str) -> String {
    i.t(match status {
        "received" => k("status-received"),
        "contacted" => k("status-contacted"),
        "joined" => k("status-joined"),
        _ => k("status-not-joined"),
    })
}

fn inbox_item(
    i: I18n,
    item: InboxItem,
    now: i64,
    handlers: Vec<crate::accounts::model::Account>,
) -> impl IntoView {
    let overdue = item.status == "received" && now > item.contact_deadline;
    let contact = match item.contact_kind.as_str() {
        "phone" => {
            let href = format!("tel:{}", item.contact);
            view! { <a href=href dir="ltr">{item.contact.clone()}</a> }.into_any()
        }
        "email" => {
            let href = crate::ui::mailto_href(&item.contact);
            view! { <a href=href dir="ltr">{item.contact.clone()}</a> }.into_any()
        }
        _ => view! { <span>{i.t("inbox-comes-to-meeting")}</span> }.into_any(),
    };
    let children = match (item.children, item.child_ages.is_empty()) {
        (None, true) => None,
        (n, _) => Some(i.t_args(
            "inbox-children",
            &[
                (
                    "count",
                    n.map(|n| n.to_string()).unwrap_or_else(|| "-".into()),
                ),
                (
                    "ages",
                    if item.child_ages.is_empty() {
                        "-".into()
                    } else {
                        item.child_ages.clone()
                    },
                ),
            ],
        )),
    };
    let action = format!("/admin/requests/{}/status", item.id);
    let assign = format!("/admin/requests/{}/assign", item.id);
    let button = |status: &'static str, label: String| {
        let action = action.clone();
        view! {
            <form method="post" action=action>
                <input type="hidden" name="status" value=status/>
                <button type="submit" class="secondary">{label}</button>
            </form>
        }
    };
    let reassign = (!handlers.is_empty()).then(|| {
        let options = handlers
            .into_iter()
            .map(|a| view! { <option value=a.id>{a.display_name}</option> })
            .collect_view();
        let select_id = format!("assign-{}", item.id);
        view! {
            <form method="post" action=assign class="assign">
                <label for=select_id.clone()>{i.t("inbox-assign-label")}</label>
                <select id=select_id name="account">{options}</select>
                <button type="submit" class="secondary">{i.t("inbox-assign")}</button>
            </form>
        }
    });
    view! {
        <li class=if overdue { "inbox-item overdue" } else { "inbox-item" }>
            <h2 class="item-title"><bdi>{item.first_name.clone()}</bdi>" · "<bdi>{item.group_name.clone()}</bdi></h2>
            {overdue.then(|| view! { <p class="badge-overdue"><strong>{i.t("inbox-overdue")}</strong></p> })}
            <ul class="facts">
                <li><Icon name=IconName::Info/><span>{status_label(&i, &item.status)}</span></li>
                <li><Icon name=IconName::Chat/><span>{contact}</span></li>
                <li><Icon name=IconName::Globe/><span>{i.t(language_name_key(&item.language))}</span></li>
                {children.map(|c| view! { <li><Icon name=IconName::Child/><span>{c}</span></li> })}
                <li><Icon name=IconName::Calendar/><span>{i.t_args("inbox-received", &[("date", i.date(item.created_at))])}</span></li>
                <li><Icon name=IconName::Clock/><span>{i.t_args("inbox-deadline", &[("date", i.date(item.contact_deadline))])}</span></li>
                <li><Icon name=IconName::Users/><span>{i.t_args("inbox-handler", &[("name", item.handler.clone())])}</span></li>
                {item.escalated_from.clone().map(|name| view! {
                    <li class="escalated"><Icon name=IconName::Info/><span>{i.t_args("inbox-escalated", &[("name", name)])}</span></li>
                })}
            </ul>
            <div class="actions">
                {button("contacted", i.t("inbox-mark-contacted"))}
                {button("joined", i.t("inbox-mark-joined"))}
                {button("not_joined", i.t("inbox-mark-not-joined"))}
            </div>
            {reassign}
        </li>
    }
}

fn inbox_view(i: I18n, data: InboxData) -> AnyView {
    let InboxData {
        me,
        items,
        handlers,
        now,
    } = data;
    let open = items
        .iter()
        .filter(|it| it.status == "received" || it.status == "contacted")
        .count();
    let overdue = items
        .iter()
        .filter(|it| it.status == "received" && now > it.contact_deadline)
        .count();
    let list = items
        .into_iter()
        .map(|item| inbox_item(i, item, now, handlers.clone()))
        .collect_view();
    view! {
        <Title text=i.t("admin-inbox")/>
        <section class="page">
            <p>{i.t_args("admin-hello", &[("name", me.display_name.clone())])}</p>
            <AdminNav coordinator=me.is_coordinator()/>
            <h1>{i.t("admin-inbox")}</h1>
            <p>{i.t_args("inbox-open", &[("count", open.to_string())])}</p>
            {(overdue > 0).then(|| view! {
                <p class="badge-overdue"><strong>{i.t_args("inbox-overdue-count", &[("count", overdue.to_string())])}</strong></p>
            })}
            <ol class="results inbox">{list}</ol>
        </section>
    }
    .into_any()
}

#[component]
pub fn AdminHomePage() -> impl IntoView {
    let i = use_i18n();
    crate::ui::loaded(admin_inbox(), move |data| inbox_view(i, data))
}

/// Languages to choose for an invite mail, each in its own name.
fn language_options() -> Vec<(String, String)> {
    crate::i18n::Lang::ALL
        .iter()
        .map(|l| (l.code().to_string(), l.native_name().to_string()))
        .collect()
}

#[component]
pub fn InvitesPage() -> impl IntoView {
    let i = use_i18n();
    let state = use_form_state();
    let link = state.value("invite_link");
    let mailed = state.value("invite_mailed") == "1";
    // The coordinator check: the accounts call answers 404 to anyone else.
    crate::ui::loaded(admin_accounts(), move |_| {
        view! {
        <AdminPage title=i.t("admin-invites") coordinator=true narrow=true>
            <p>{i.t("invite-intro")}</p>
            {(!link.is_empty()).then(|| view! {
                <div class="notice" role="status">
                    <label for="invite-link">{i.t("invite-created")}</label>
                    <input id="invite-link" type="text" readonly=true value=link.clone() dir="ltr"/>
                    {mailed.then(|| view! { <p id="invite-mailed">{i.t("invite-mailed")}</p> })}
                </div>
            })}
            // With mail off, an address typed below is not used: the link goes on by hand.
            {(!crate::ui::mail_on()).then(|| view! { <p id="invite-by-hand">{i.t("invite-by-hand")}</p> })}
            <ErrorSummary/>
            <form method="post" action="/admin/invites" novalidate=true>
                <TextField name="email" label=i.t("invite-email") hint=i.t("invite-email-hint") kind="email" autocomplete="off" maxlength=254 ltr=true/>
                <Choice name="lang" label=i.t("invite-lang") options=language_options() default="nl"/>
                <button type="submit"><Icon name=IconName::Share/><span>{i.t("invite-create")}</span></button>
            </form>
        </AdminPage>
    }
    .into_any()
    })
}

#[component]
pub fn AcceptInvitePage() -> impl IntoView {
    let (i, token) = (use_i18n(), crate::ui::param("token"));
    let state = use_form_state();
    let form_error = state.message(&i, "form");
    crate::ui::loaded(invite_role(token.clone()), move |_| {
        let action = format!("/admin/invite/{token}");
        view! {
            <Title text=i.t("invite-accept-title")/>
            <section class="page narrow">
                <h1>{i.t("invite-accept-title")}</h1>
                <p>{i.t("invite-accept-intro")}</p>
                <ErrorSummary/>
                {form_error.clone().map(|e| view! { <p class="field-error" id="form">{e}</p> })}
                <form method="post" action=action novalidate=true>
                    <TextField name="display_name" label=i.t("invite-name") autocomplete="name" maxlength=40/>
                    <TextField name="email" label=i.t("login-email") kind="email" autocomplete="username" maxlength=254 ltr=true/>
                    <TextField name="new_password" label=i.t("password-new") hint=i.t("password-hint") kind="password" autocomplete="new-password" maxlength=128/>
                    <button type="submit"><Icon name=IconName::Key/><span>{i.t("invite-accept")}</span></button>
                </form>
            </section>
        }
        .into_any()
    })
}

#[component]
pub fn AccountsPage() -> impl IntoView {
    let i = use_i18n();
    crate::ui::loaded(admin_accounts(), move |accounts| {
        let rows = accounts
            .into_iter()
            .map(|(a, active)| {
                let action = format!("/admin/accounts/{}/deactivate", a.id);
                let role = i.t(if a.is_coordinator() { k("role-coordinator") } else { k("role-facilitator") });
                view! {
                    <li class="group-card">
                        <h2 class="item-title"><bdi>{a.display_name.clone()}</bdi></h2>
                        <p dir="ltr" class="ltr">{a.email.clone()}</p>
                        <p>{role}" · "{i.t(if active { k("account-active") } else { k("account-inactive") })}</p>
                        {(active && !a.is_coordinator()).then(|| view! {
                            <form method="post" action=action>
                                <button type="submit" class="secondary">{i.t("account-deactivate")}</button>
                            </form>
                        })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <AdminPage title=i.t("admin-accounts") coordinator=true>
                <ul class="results">{rows}</ul>
            </AdminPage>
        }
        .into_any()
    })
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let i = use_i18n();
    crate::ui::loaded(admin_audit(), move |entries| {
        let rows = entries
            .into_iter()
            .map(|e| view! {
                <tr>
                    <td>{format!("{} {}", i.date(e.at), i.clock(e.at))}</td>
                    <td><bdi>{e.actor}</bdi></td>
                    <td dir="ltr">{e.action}</td>
                    <td dir="ltr">{format!("{} {}", e.object_kind, e.object_id.chars().take(8).collect::<String>())}</td>
                </tr>
            })
            .collect_view();
        view! {
            <AdminPage title=i.t("admin-audit") coordinator=true>
                <DataTable label=i.t("admin-audit") heads=vec![
                    i.t("audit-when"), i.t("audit-who"), i.t("audit-what"), i.t("audit-object"),
                ]>{rows}</DataTable>
            </AdminPage>
        }
        .into_any()
    })
}

/// Which new help questions a facilitator hears of in the hourly digest mail.
fn help_choice_form(i: I18n, choice: HelpChoice) -> AnyView {
    let themes = Theme::ALL
        .into_iter()
        .map(|t| {
            let on = choice.themes.iter().any(|c| c == t.as_str());
            view! { <CheckBox name=format!("theme-{}", t.as_str()) label=i.t(t.key()) checked=on/> }
        })
        .collect_view();
    let langs = digest_languages()
        .map(|l| {
            let on = choice.langs.iter().any(|c| c == l);
            view! { <CheckBox name=format!("lang-{l}") label=i.t(language_name_key(l)) checked=on/> }
        })
        .collect_view();
    view! {
        <h2 id="help-choice">{i.t("help-choice-heading")}</h2>
        <p>{i.t("help-choice-intro")}</p>
        <form method="post" action="/admin/help-choice">
            <fieldset>
                <legend>{i.t("help-choice-themes")}</legend>
                {themes}
            </fieldset>
            <fieldset>
                <legend>{i.t("help-choice-langs")}</legend>
                {langs}
            </fieldset>
            <button type="submit"><Icon name=IconName::Chat/><span>{i.t("help-choice-save")}</span></button>
        </form>
    }
    .into_any()
}

#[component]
pub fn PasswordPage() -> impl IntoView {
    let i = use_i18n();
    let saved = leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("saved").is_some_and(|v| v == "help"));
    crate::ui::loaded(admin_account(), move |(me, choice)| {
        // Coordinators get the questions no facilitator chose; they choose nothing.
        let digest = match me.is_coordinator() {
            true => view! { <p id="help-choice">{i.t("help-choice-coordinator")}</p> }.into_any(),
            false => help_choice_form(i, choice),
        };
        view! {
        <Title text=i.t("admin-password")/>
        <section class="page narrow">
            <AdminNav coordinator=me.is_coordinator()/>
            {saved.then(|| view! { <p class="notice" role="status" id="help-choice-saved">{i.t("help-choice-saved")}</p> })}
            <h1>{i.t("admin-password")}</h1>
            <ErrorSummary/>
            <form method="post" action="/admin/password" novalidate=true>
                <TextField name="current_password" label=i.t("password-current") kind="password" autocomplete="current-password" maxlength=128/>
                <TextField name="new_password" label=i.t("password-new") hint=i.t("password-hint") kind="password" autocomplete="new-password" maxlength=128/>
                <button type="submit"><Icon name=IconName::Key/><span>{i.t("password-save")}</span></button>
            </form>
            {digest}
        </section>
    }
    .into_any()
    })
}
