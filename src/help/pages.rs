//! Asking for help (`/help`), reading and answering with the pick-up code (`/help/reply`),
//! and the facilitators' help inbox (`/admin/help`).
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{help_conversation, help_inbox, reply_days};
use super::model::{
    Conversation, HelpAccess, HelpStatus, HelpSummary, Theme, INTERPRETER_LANGUAGES,
};
use crate::groups::model::GROUP_LANGUAGES;
use crate::i18n::{k, language_name_key, use_i18n, I18n};
use crate::ui::forms::{
    language_options, select_options, use_form_state, ErrorSummary, FieldError, FilterSelect,
    Honeypot, TextArea, TextField,
};
use crate::ui::{AdminPage, Icon, IconName, PrintButton};
use crate::ui::{Notice, PageHead, TrustLinks};

pub use crate::ui::CrisisNumbers;

fn theme_icon(t: Theme) -> IconName {
    match t {
        Theme::Money => IconName::Euro,
        Theme::Parenting => IconName::Child,
        Theme::Separation => IconName::Route,
        Theme::Housing => IconName::Home,
        Theme::WorkChildcare => IconName::Calendar,
        Theme::Health => IconName::Info,
        Theme::Alone => IconName::Users,
        Theme::Other => IconName::Chat,
    }
}

fn reply_time_text(i: &I18n, estimate: Option<super::model::ReplyEstimate>) -> String {
    use super::model::ReplyEstimate::*;
    match estimate {
        Some(Within(d)) => i.t_args("help-reply-time", &[("days", d.to_string())]),
        Some(Longer) => i.t("help-reply-time-long"),
        Some(TooFew) | None => i.t("help-reply-time-unknown"),
    }
}

/// The honest wait, shown before a parent sends and again after.
#[component]
fn ReplyTime() -> impl IntoView {
    let i = use_i18n();
    let text = Suspend::new(async move {
        crate::ui::bidi::text(&i, reply_time_text(&i, reply_days().await.ok()))
    });
    view! { <p class="reply-time"><Suspense fallback=|| ()>{text}</Suspense></p> }
}

#[component]
fn AskForm() -> impl IntoView {
    let i = use_i18n();
    let state = use_form_state();
    let chosen = state.value("theme");
    let themes = Theme::ALL
        .into_iter()
        .map(|t| {
            let id = format!("theme-{}", t.as_str());
            let checked = chosen == t.as_str();
            view! {
                <div class="theme-choice">
                    <input type="radio" id=id.clone() name="theme" value=t.as_str() checked=checked/>
                    <label for=id><Icon name=theme_icon(t)/><span>{i.t(t.key())}</span></label>
                </div>
            }
        })
        .collect_view();
    let callback = state.value("callback") == "yes";
    let chosen_interpreter = state.value("interpreter");
    let interpreters = language_options(&i, &INTERPRETER_LANGUAGES, &chosen_interpreter);
    view! {
        <ErrorSummary/>
        <form method="post" action="/help" novalidate=true>
            <Honeypot/>
            <fieldset class="field" id="theme">
                <legend>{i.t("help-theme-legend")}</legend>
                <FieldError field="theme"/>
                <div class="themes">{themes}</div>
            </fieldset>
            <div class="field">
                <label for="message">{i.t("help-message-label")}<span class="hint">{i.t("help-message-hint")}</span></label>
                <FieldError field="message"/>
                <TextArea id="message" name="message" rows=6 maxlength=2000 value=state.value("message")/>
            </div>
            <div class="field check">
                <input type="checkbox" id="callback" name="callback" value="yes" checked=callback/>
                <label for="callback">{i.t("help-callback-label")}</label>
            </div>
            <p class="hint">{i.t("help-callback-note")}</p>
            <TextField name="phone" label=i.t("join-phone-label") hint=i.t("help-phone-hint") kind="tel" autocomplete="tel" maxlength=25 ltr=true/>
            <div class="field" id="interpreter-field">
                <label for="interpreter">{i.t("help-interpreter-label")}<span class="hint" id="interpreter-hint">{i.t("help-interpreter-hint")}</span></label>
                <FieldError field="interpreter" id="interpreter-error"/>
                <select id="interpreter" name="interpreter" aria-describedby="interpreter-hint">
                    <option value="">{i.t("help-interpreter-none")}</option>
                    {interpreters}
                </select>
            </div>
            <TextField name="email" label=i.t("help-email-label") hint=i.t("help-email-hint") kind="email" autocomplete="email" maxlength=254 ltr=true/>
            <p>{crate::ui::bidi::text(&i, i.t("help-anonymous-note"))}</p>
            <ReplyTime/>
            <button type="submit"><Icon name=IconName::Chat/><span>{i.t("help-submit")}</span></button>
        </form>
        <TrustLinks/>
    }
}

#[component]
pub fn HelpPage() -> impl IntoView {
    let i = use_i18n();
    let state = use_form_state();
    let code = state.value("code");
    if code.is_empty() {
        return view! {
            <section class="page narrow">
                <PageHead title=k("help-title") heading=k("help-heading") lead=k("help-intro")/>
                <CrisisNumbers short=true/>
                <ReadAnswerLink/>
                <AskForm/>
            </section>
        }
        .into_any();
    }
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    // Sent: the confirmation and the code come first, right under the heading, and take the
    // focus (`/help-code.js`); the crisis lines follow. The card prints on its own (print
    // style): the code, where to read the answer, and that nobody else can make it again.
    view! {
        <Title text=i.t("help-title")/>
        <section class="page narrow">
            <h1>{i.t("help-heading")}</h1>
            <section id="help-sent" class="code-box code-card" tabindex="-1" aria-labelledby="help-sent-heading">
                <h2 id="help-sent-heading">{i.t("help-code-heading")}</h2>
                <p>{i.t("help-code-text")}</p>
                <p class="pickup-code" dir="ltr"><bdi>{code}</bdi></p>
                <p>{i.t("help-code-where")}" "<bdi dir="ltr" class="reply-link">{state.value("reply_link")}</bdi></p>
                <p>{i.t("help-code-once")}</p>
            </section>
            <p class="share">
                <PrintButton label=i.t("help-print")/>
                <button type="button" class="secondary keep-code" data-code=digits hidden=true>
                    <Icon name=IconName::Key/><span>{i.t("help-keep-code")}</span>
                </button>
                <a class="button" href="/help/reply"><Icon name=IconName::Key/><span>{i.t("help-wrote-it-down")}</span></a>
            </p>
            <p class="keep-done" role="status" hidden=true>{i.t("help-keep-done")}</p>
            <ReplyTime/>
            <CrisisNumbers short=true/>
            <CodeScript/>
        </section>
    }
    .into_any()
}

/// "I have a code: read my answer", for a parent who comes back (home page and `/help`).
#[component]
fn ReadAnswerLink() -> impl IntoView {
    let i = use_i18n();
    view! {
        <p class="read-answer">
            <a href="/help/reply"><Icon name=IconName::Key/><span>{i.t("home-read-answer")}</span></a>
        </p>
    }
}

/// Who reads a conversation, so each message is labelled from the reader's side.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reader {
    /// The parent: their own messages are "You", the answers "Volunteer".
    Parent,
    /// The volunteer who holds the question: "Parent" and "You".
    Holder,
    /// The coordinator reading another volunteer's question: "Parent" and "Volunteer".
    Overseer,
}

fn message_list(i: &I18n, c: &Conversation, reader: Reader) -> impl IntoView {
    c.messages
        .iter()
        .map(|m| {
            let (who, mine) = match (reader, m.from_parent) {
                (Reader::Parent, true) => (k("help-from-you"), true),
                (Reader::Parent, false) => (k("help-from-helper"), false),
                (_, true) => (k("help-from-parent"), false),
                (Reader::Holder, false) => (k("help-from-you"), true),
                (Reader::Overseer, false) => (k("help-from-helper"), true),
            };
            let who = i.t(who);
            let class = if mine {
                "message mine"
            } else {
                "message theirs"
            };
            view! {
                <li class=class>
                    <p class="meta">{who}" · "{i.date(m.at)}" "{i.clock(m.at)}</p>
                    <p class="body" dir="auto">{m.body.clone()}</p>
                </li>
            }
        })
        .collect_view()
}

#[component]
pub fn HelpReplyPage() -> impl IntoView {
    let i = use_i18n();
    let state = use_form_state();
    let conversation = use_context::<Option<Conversation>>().flatten();
    let body = match conversation {
        None => {
            let code_error = state.message(&i, "code");
            // A message typed with a code that did not work is kept, and sent with the next code.
            let kept = state.value("message");
            let action = if kept.is_empty() {
                "/help/reply"
            } else {
                "/help/reply/send"
            };
            let kept = (!kept.is_empty()).then(|| view! {
                <div class="field">
                    <label for="message">{i.t("help-answer-label")}<span class="hint">{i.t("help-message-kept")}</span></label>
                    <TextArea id="message" name="message" rows=4 maxlength=2000 value=kept/>
                </div>
            });
            view! {
                <p>{i.t("help-reply-intro")}</p>
                <form method="post" action=action novalidate=true>
                    <div class="field">
                        <label for="code">{i.t("help-code-label")}<span class="hint">{i.t("help-code-hint")}</span></label>
                        {code_error.clone().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                        <input id="code" name="code" type="text" inputmode="numeric" autocomplete="off" maxlength="60" dir="ltr"
                            aria-invalid=code_error.is_some().then_some("true")/>
                        <p class="kept-note hint" hidden=true>{i.t("help-kept-note")}</p>
                    </div>
                    {kept}
                    <button type="submit"><Icon name=IconName::Key/><span>{i.t("help-open")}</span></button>
                </form>
                <p>
                    <button type="button" class="secondary forget-code" hidden=true>
                        <Icon name=IconName::Exit/><span>{i.t("help-forget-code")}</span>
                    </button>
                </p>
                <CodeScript/>
            }
            .into_any()
        }
        Some(c) => {
            let code = state.value("code");
            let solved = c.status == HelpStatus::Solved;
            view! {
                <p>{i.t(c.theme.key())}" · "{i.t(c.status.key())}</p>
                <ol class="messages">{message_list(&i, &c, Reader::Parent)}</ol>
                <form method="post" action="/help/reply/send" novalidate=true>
                    <input type="hidden" name="code" value=code.clone()/>
                    <div class="field">
                        <label for="message">{i.t("help-answer-label")}</label>
                        <FieldError field="message"/>
                        <TextArea id="message" name="message" rows=4 maxlength=2000 value=state.value("message")/>
                    </div>
                    <button type="submit"><Icon name=IconName::Chat/><span>{i.t("help-send")}</span></button>
                </form>
                {(!solved).then(|| view! {
                    <form method="post" action="/help/reply/solve">
                        <input type="hidden" name="code" value=code.clone()/>
                        <button type="submit" class="secondary"><Icon name=IconName::Info/><span>{i.t("help-solved")}</span></button>
                    </form>
                })}
                <form method="post" action="/help/reply/delete">
                    <input type="hidden" name="code" value=code/>
                    <p>{i.t("help-delete-text")}</p>
                    <button type="submit" class="secondary"><Icon name=IconName::Exit/><span>{i.t("help-delete")}</span></button>
                </form>
            }
            .into_any()
        }
    };
    view! {
        <Title text=i.t("help-reply-title")/>
        <section class="page narrow">
            <h1>{i.t("help-reply-title")}</h1>
            <CrisisNumbers short=true/>
            {body}
        </section>
    }
}

#[component]
pub fn HelpDeletedPage() -> impl IntoView {
    // The question is gone: a code kept on this phone goes too (`data-forget`).
    view! {
        <Notice title=k("help-deleted-title") text=k("help-deleted-text") href="/help" icon=IconName::Chat action=k("home-ask-help")/>
        <span hidden=true class="forget-kept-code"></span>
        <CodeScript/>
    }
}

/// `/help-code.js`: keeps the pick-up code on this phone when the parent asks, fills it in on
/// the reply page, and forgets it on request or when the question is deleted. Without the
/// script its buttons stay hidden and the code is written down or printed.
#[component]
fn CodeScript() -> impl IntoView {
    #[cfg(feature = "ssr")]
    let src = use_context::<std::sync::Arc<crate::web::assets::Assets>>()
        .map_or_else(|| "/help-code.js".to_string(), |a| a.url("help-code.js"));
    #[cfg(not(feature = "ssr"))]
    let src = "/help-code.js".to_string();
    view! { <script src=src defer=true nonce=leptos::nonce::use_nonce()></script> }
}

/// How long a question waits for a volunteer ("waits 3 hours", "waits 2 days"), or, once
/// answered, how long ago the last message was.
fn waited(i: &I18n, now: i64, h: &HelpSummary) -> String {
    let hours = (now - h.last_message_at).max(0) / 3600;
    match h.status {
        HelpStatus::New if hours >= 48 => {
            i.t_args("help-waits-days", &[("days", (hours / 24).to_string())])
        }
        HelpStatus::New => i.t_args("help-waits", &[("hours", hours.to_string())]),
        _ => i.t_args("help-waited", &[("hours", hours.to_string())]),
    }
}

/// Whether the parent asked to be called (and with an interpreter in which language), or
/// waits for a written answer.
fn callback_fact(i: &I18n, interpreter: Option<&str>, callback: bool) -> impl IntoView {
    let (icon, text) = match (interpreter, callback) {
        (Some(l), _) => (
            IconName::Phone,
            i.t_args(
                "help-interpreter-asked",
                &[("language", i.t(language_name_key(l)))],
            ),
        ),
        (None, true) => (IconName::Phone, i.t("help-callback-wanted")),
        (None, false) => (IconName::Chat, i.t("help-callback-none")),
    };
    view! { <li><Icon name=icon/><span>{text}</span></li> }
}

#[component]
pub fn AdminHelpPage() -> impl IntoView {
    let i = use_i18n();
    let q = use_query_map().get_untracked();
    let get = |n: &str| q.get(n).filter(|v| !v.is_empty());
    let (theme, language, status, older) =
        (get("theme"), get("language"), get("status"), get("older"));
    let chosen = (
        theme.clone().unwrap_or_default(),
        language.clone().unwrap_or_default(),
        status.clone().unwrap_or_default(),
        older.clone().unwrap_or_default(),
    );
    crate::ui::loaded(help_inbox(theme, language, status, older), move |data| {
        let now = data.now;
        let rows = data
            .items
            .into_iter()
            .map(|h| {
                let href = format!("/admin/help/{}", h.id);
                // Theme, language, wait and call-back: cards differ without the question.
                let wait = waited(&i, now, &h);
                let callback = callback_fact(&i, h.interpreter.as_deref(), h.callback);
                view! {
                    <li class="inbox-item">
                        <h2 class="item-title"><a href=href>{i.t(h.theme.key())}</a></h2>
                        <ul class="facts">
                            <li><Icon name=IconName::Globe/><span>{i.t(language_name_key(&h.language))}</span></li>
                            <li><Icon name=IconName::Clock/><span>{wait}</span></li>
                            {callback}
                            <li><Icon name=IconName::Info/><span>{i.t(h.status.key())}</span></li>
                            <li><Icon name=IconName::Users/><span>{i.t_args("inbox-handler", &[("name", h.claimed_by)])}</span></li>
                        </ul>
                    </li>
                }
            })
            .collect_view();
        let themes = Theme::ALL.into_iter().map(|t| (t.as_str(), i.t(t.key())));
        let themes = select_options(themes, &chosen.0);
        let langs = language_options(&i, &GROUP_LANGUAGES, &chosen.1);
        let statuses = [
            HelpStatus::New,
            HelpStatus::Answered,
            HelpStatus::WaitingForParent,
            HelpStatus::Solved,
        ]
        .map(|s| (s.as_str(), i.t(s.key())));
        let statuses = select_options(statuses, &chosen.2);
        let older = ["2", "7"].map(|d| (d, i.t_args("help-older-days", &[("days", d.into())])));
        let older = select_options(older, &chosen.3);
        view! {
            <AdminPage title=i.t("admin-help") coordinator=data.me.is_coordinator()>
                <form method="get" action="/admin/help" class="search-form">
                    <FilterSelect name="theme" id="f-theme" label=i.t("help-theme-legend") options=themes/>
                    <FilterSelect name="language" id="f-language" label=i.t("filter-language-label") options=langs/>
                    <FilterSelect name="status" id="f-status" label=i.t("help-status-label") options=statuses/>
                    <FilterSelect name="older" id="f-older" label=i.t("help-older-label") options=older/>
                    <button type="submit"><Icon name=IconName::Search/><span>{i.t("search-button")}</span></button>
                </form>
                <ol class="results inbox">{rows}</ol>
            </AdminPage>
        }
        .into_any()
    })
}

#[component]
pub fn AdminHelpOnePage() -> impl IntoView {
    let (i, id) = (use_i18n(), crate::ui::param("id"));
    // "Mark as solved" posted without `confirm=yes` draws this page asking first.
    let confirming = use_form_state().value("confirm") == "solve";
    crate::ui::loaded(help_conversation(id.clone()), move |one| {
        let c = one.conversation;
        let close = format!("/admin/help/{id}/close");
        let body = if confirming {
            let back = format!("/admin/help/{id}");
            view! {
                <section class="confirm" aria-labelledby="confirm-heading">
                    <h2 id="confirm-heading">{i.t("help-solve-confirm-heading")}</h2>
                    <p>{i.t("help-solve-confirm-text")}</p>
                    <div class="actions">
                        <form method="post" action=close>
                            <input type="hidden" name="confirm" value="yes"/>
                            <button type="submit"><Icon name=IconName::Check/><span>{i.t("help-solve-confirm-yes")}</span></button>
                        </form>
                        <a class="button secondary" href=back><Icon name=IconName::Chat/><span>{i.t("help-solve-confirm-no")}</span></a>
                    </div>
                </section>
            }
            .into_any()
        } else if one.access == HelpAccess::Open {
            let claim = format!("/admin/help/{id}/claim");
            view! {
                <p class="notice">{i.t("help-take-first")}</p>
                <form method="post" action=claim>
                    <button type="submit"><Icon name=IconName::Users/><span>{i.t("help-claim")}</span></button>
                </form>
            }
            .into_any()
        } else {
            let reply = format!("/admin/help/{id}/reply");
            let assign = format!("/admin/help/{id}/assign");
            let reader = if one.access == HelpAccess::Holder {
                Reader::Holder
            } else {
                Reader::Overseer
            };
            let phone = c.callback_phone.clone().map(|p| {
                let href = format!("tel:{p}");
                view! { <p class="notice">{i.t("help-callback-asked")}" "<a href=href dir="ltr">{p}</a></p> }
            });
            let hand_over = (!one.handlers.is_empty()).then(|| {
                let options = one
                    .handlers
                    .iter()
                    .map(|a| view! { <option value=a.id.clone()>{a.display_name.clone()}</option> })
                    .collect_view();
                view! {
                    <form method="post" action=assign class="inline-form">
                        <label for="account">{i.t("help-hand-over-label")}</label>
                        <select id="account" name="account">{options}</select>
                        <button type="submit" class="secondary"><Icon name=IconName::Share/><span>{i.t("help-hand-over")}</span></button>
                    </form>
                }
            });
            // Asks first (the post without `confirm=yes` changes nothing).
            let solve = (c.status != HelpStatus::Solved).then(|| {
                view! {
                    <form method="post" action=close>
                        <button type="submit" class="secondary"><Icon name=IconName::Check/><span>{i.t("help-close")}</span></button>
                    </form>
                }
            });
            view! {
                {phone}
                <ol class="messages">{message_list(&i, &c, reader)}</ol>
                <CrisisNumbers/>
                <form method="post" action=reply>
                    <div class="field">
                        <label for="message">{i.t("help-answer-label")}<span class="hint">{i.t("help-helper-hint")}</span></label>
                        <TextArea id="message" name="message" rows=5 maxlength=2000/>
                    </div>
                    <button type="submit"><Icon name=IconName::Chat/><span>{i.t("help-send")}</span></button>
                </form>
                <div class="actions after-send">
                    {solve}
                    {hand_over}
                </div>
            }
            .into_any()
        };
        let interpreter = c.interpreter.clone().map(|l| {
            view! {
                <p class="notice interpreter"><Icon name=IconName::Phone/>
                    <span>{i.t_args("help-interpreter-asked", &[("language", i.t(language_name_key(&l)))])}</span></p>
            }
        });
        // Which language the parent used, and in which to answer.
        let language = i.t(language_name_key(&c.language));
        let answer_in = if c.language == "nl" {
            i.t("help-answer-dutch")
        } else {
            i.t("help-answer-language")
        };
        view! {
            <Title text=i.t("admin-help")/>
            <section class="page narrow">
                <crate::ui::AdminNav coordinator=one.me.is_coordinator()/>
                <h1>{i.t(c.theme.key())}</h1>
                <p>{i.t(c.status.key())}</p>
                <p class="notice parent-language"><Icon name=IconName::Globe/>
                    <span>{i.t_args("help-parent-language", &[("language", language)])}" "{answer_in}</span></p>
                {interpreter}
                {body}
            </section>
        }
        .into_any()
    })
}
