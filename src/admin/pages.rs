//! The facilitator side's pages: sign in, the join-request inbox, invites, accounts, audit log
//! and changing the password. Data comes from server functions that check the role.
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::{
    admin_account, admin_accounts, admin_audit, admin_inbox, digest_languages, invite_role,
    reset_open, AccountsData, InboxData,
};
use super::done::Said;
use crate::accounts::model::{Account, HelpChoice, Role};
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
    // What was just done to this request ("Saved: marked as contacted"), said at its card.
    notice: Option<AnyView>,
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
        <li class=if overdue { "inbox-item overdue" } else { "inbox-item" } id=format!("request-{}", item.id)>
            {notice}
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
    // After a change the page comes back at the request's card and says what was done there (at
    // the top when the request is no longer in this inbox, e.g. handed to someone else).
    let said = Said::from_query();
    let on_a_card = items.iter().any(|it| said.is_for(&it.id));
    let top = (!on_a_card).then(|| said.notice(&i)).flatten();
    let list = items
        .into_iter()
        .map(|item| {
            let notice = said.is_for(&item.id).then(|| said.notice(&i)).flatten();
            inbox_item(i, item, now, handlers.clone(), notice)
        })
        .collect_view();
    view! {
        <Title text=i.t("admin-inbox")/>
        <section class="page">
            <p>{i.t_args("admin-hello", &[("name", me.display_name.clone())])}</p>
            <AdminNav coordinator=me.is_coordinator()/>
            <h1>{i.t("admin-inbox")}</h1>
            {top}
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

/// The roles an invite can give.
fn role_options(i: I18n) -> Vec<(String, String)> {
    [Role::Facilitator, Role::Coordinator, Role::Partner]
        .into_iter()
        .map(|r| {
            let key = match r {
                Role::Facilitator => k("role-facilitator"),
                Role::Coordinator => k("role-coordinator"),
                Role::Partner => k("role-partner"),
            };
            (r.as_str().to_string(), i.t(key))
        })
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
                <Choice name="role" label=i.t("invite-role") options=role_options(i) default="facilitator"/>
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
    crate::ui::loaded(invite_role(token.clone()), move |role| {
        let action = format!("/admin/invite/{token}");
        let title = i.t(match role {
            Role::Facilitator => k("invite-accept-title"),
            Role::Coordinator => k("invite-accept-title-coordinator"),
            Role::Partner => k("invite-accept-title-partner"),
        });
        view! {
            <Title text=title.clone()/>
            <section class="page narrow">
                <h1>{title}</h1>
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

/// One change to an account as a small form: the box "yes, I am sure" must be ticked and
/// posted with it (no JavaScript), else nothing changes and the page says so.
fn account_form(
    i: I18n,
    id: &str,
    what: &'static str,
    role: Option<&'static str>,
    label: String,
) -> impl IntoView {
    let action = format!("/admin/accounts/{id}/{what}");
    let check = format!("confirm-{what}-{id}");
    view! {
        <form method="post" action=action class="account-change">
            {role.map(|r| view! { <input type="hidden" name="role" value=r/> })}
            <div class="check">
                <input type="checkbox" id=check.clone() name="confirm" value="1"/>
                <label for=check>{i.t("account-confirm")}</label>
            </div>
            <button type="submit" class="secondary">{label}</button>
        </form>
    }
}

/// What the last change did, from the address the change answered with
/// (`?done=…&account=…`), naming the account when it is on the page.
fn account_notice(i: I18n, accounts: &[(Account, bool)]) -> Option<AnyView> {
    let (done, id) = leptos_router::hooks::use_query_map()
        .with_untracked(|q| (q.get("done").unwrap_or_default(), q.get("account")));
    let found = id.and_then(|id| accounts.iter().find(|(a, _)| a.id == id));
    let name = found.map_or_else(|| "-".to_string(), |(a, _)| a.display_name.clone());
    let role = found.map(|(a, _)| i.t(role_key(a))).unwrap_or_default();
    let key = match done.as_str() {
        "stopped" => k("account-done-stopped"),
        "activated" => k("account-done-activated"),
        "role" => k("account-done-role"),
        "unchanged" => k("account-done-unchanged"),
        "last-coordinator" => k("account-done-last-coordinator"),
        "unconfirmed" => k("account-done-unconfirmed"),
        "yourself" => k("account-done-yourself"),
        _ => return None,
    };
    let text = i.t_args(key, &[("name", name), ("role", role)]);
    Some(view! { <p class="notice" role="status" id="account-done">{text}</p> }.into_any())
}

fn role_key(a: &Account) -> &'static str {
    match a.role {
        Role::Coordinator => k("role-coordinator"),
        Role::Facilitator => k("role-facilitator"),
        Role::Partner => k("role-partner"),
    }
}

#[component]
pub fn AccountsPage() -> impl IntoView {
    let i = use_i18n();
    crate::ui::loaded(admin_accounts(), move |AccountsData { me, accounts }| {
        let notice = account_notice(i, &accounts);
        let rows = accounts
            .into_iter()
            .map(|(a, active)| {
                let state = i.t(if active {
                    k("account-active")
                } else {
                    k("account-inactive")
                });
                let changes = match (a.id == me.id, active) {
                    (true, _) => view! { <p>{i.t("account-you")}</p> }.into_any(),
                    (false, true) => {
                        let (to, label) = if a.is_coordinator() {
                            ("facilitator", i.t("account-make-facilitator"))
                        } else {
                            ("coordinator", i.t("account-make-coordinator"))
                        };
                        view! {
                            {account_form(i, &a.id, "role", Some(to), label)}
                            {account_form(i, &a.id, "deactivate", None, i.t("account-deactivate"))}
                        }
                        .into_any()
                    }
                    (false, false) => {
                        account_form(i, &a.id, "activate", None, i.t("account-activate")).into_any()
                    }
                };
                view! {
                    <li class="group-card" id=format!("account-{}", a.id)>
                        <h2 class="item-title"><bdi>{a.display_name.clone()}</bdi></h2>
                        <p dir="ltr" class="ltr">{a.email.clone()}</p>
                        <p>{i.t(role_key(&a))}" · "{state}</p>
                        {changes}
                    </li>
                }
            })
            .collect_view();
        view! {
            <AdminPage title=i.t("admin-accounts") coordinator=true>
                {notice}
                <p>{i.t("accounts-intro")}</p>
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
