//! `/check-in` (the questions), `/check-in/thanks`, `/check-in/deleted`,
//! `/check-in/reminders-stopped`, and the facilitator's `/admin/check-in` (link and QR code).
//! Plain server HTML: everything works without JavaScript; read-aloud comes with
//! `/guide-tools.js` where the browser has a voice.
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{check_in_card, check_in_page, CheckInPageData};
use super::model::{Answer, Moment, ITEMS};
use crate::i18n::{k, use_i18n, I18n};
use crate::ui::forms::{no_store, use_form_state, ErrorSummary, FieldError, Honeypot};
use crate::ui::read_aloud::{ReadAll, ReadAloud};
use crate::ui::{AdminPage, Icon, IconName, Notice, PrintButton, TrustLinks};

/// A query parameter of this page (empty when absent), at most `max` characters.
fn query(name: &str, max: usize) -> String {
    use_query_map()
        .get_untracked()
        .get(name)
        .map(|v| v.chars().take(max).collect())
        .unwrap_or_default()
}

fn answer_icon(a: Answer) -> IconName {
    match a {
        Answer::Yes => IconName::Check,
        Answer::MoreOrLess => IconName::Tilde,
        Answer::No => IconName::Exit,
    }
}

/// One choice of a question: a radio with its icon and words, ticked when it was posted.
fn choice(
    name: &'static str,
    value: &'static str,
    label: String,
    icon: Option<IconName>,
    posted: &str,
) -> impl IntoView {
    let id = format!("{name}-{}", if value.is_empty() { "skip" } else { value });
    let checked = !posted.is_empty() && posted == value;
    let class = if value.is_empty() {
        "answer skip"
    } else {
        "answer"
    };
    view! {
        <div class=class>
            <input type="radio" id=id.clone() name=name value=value checked=checked/>
            <label for=id>{icon.map(|icon| view! { <Icon name=icon/> })}<span>{label}</span></label>
        </div>
    }
}

/// "Rather not say": the same as leaving the question open, but a parent who tapped an answer
/// can take it back without JavaScript.
fn skip(i: &I18n, name: &'static str) -> impl IntoView {
    choice(name, "", i.t("checkin-skip"), None, "")
}

/// One statement: its number and words, read-aloud, and yes / more or less / no.
fn statement(i: &I18n, n: usize, name: &'static str, key: &'static str) -> impl IntoView {
    let state = use_form_state();
    let posted = state.value(name);
    let text = i.t(key);
    let answers: Vec<String> = Answer::ALL.iter().map(|a| i.t(a.key())).collect();
    let speech = format!("{text} {}.", i.list(answers));
    let choices = Answer::ALL
        .into_iter()
        .map(|a| {
            choice(
                name,
                a.as_str(),
                i.t(a.key()),
                Some(answer_icon(a)),
                &posted,
            )
        })
        .collect_view();
    view! {
        <fieldset class="field statement" id=name>
            <legend><span class="number">{format!("{n}.")}</span>" "<span>{text}</span></legend>
            <FieldError field=name/>
            <div class="answers">{choices}{skip(i, name)}</div>
            <ReadAloud speech=speech lang=i.lang.code().to_string() label=i.t("checkin-read-one")/>
        </fieldset>
    }
}

/// Life satisfaction: 0 to 10, with the two ends named.
fn life(i: &I18n) -> impl IntoView {
    let posted = use_form_state().value("life");
    const NUMBERS: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
    let choices = NUMBERS
        .into_iter()
        .map(|n| choice("life", n, n.to_string(), None, &posted))
        .collect_view();
    let speech = format!("{} {}", i.t("checkin-life"), i.t("checkin-life-hint"));
    view! {
        <fieldset class="field" id="life">
            <legend>{i.t("checkin-life")}</legend>
            <p class="hint scale-ends">
                <span><Icon name=IconName::Frown/><span>{i.t("checkin-life-low")}</span></span>
                <span><Icon name=IconName::Smile/><span>{i.t("checkin-life-high")}</span></span>
            </p>
            <FieldError field="life"/>
            <div class="answers scale">{choices}</div>
            <div class="answers">{skip(i, "life")}</div>
            <ReadAloud speech=speech lang=i.lang.code().to_string() label=i.t("checkin-read-one")/>
        </fieldset>
    }
}

/// The optional question about help with the children.
fn help_with_children(i: &I18n) -> impl IntoView {
    let posted = use_form_state().value("help_with_children");
    let name = "help_with_children";
    let speech = format!(
        "{} {}.",
        i.t("checkin-help-question"),
        i.list([i.t("checkin-yes"), i.t("checkin-no")])
    );
    view! {
        <fieldset class="field" id=name>
            <legend>{i.t("checkin-help-question")}" "<span class="hint">{i.t("optional")}</span></legend>
            <FieldError field=name/>
            <div class="answers">
                {choice(name, "yes", i.t("checkin-yes"), Some(IconName::Check), &posted)}
                {choice(name, "no", i.t("checkin-no"), Some(IconName::Exit), &posted)}
                {skip(i, name)}
            </div>
            <ReadAloud speech=speech lang=i.lang.code().to_string() label=i.t("checkin-read-one")/>
        </fieldset>
    }
}

fn form_view(i: I18n, data: CheckInPageData, moment: Moment) -> AnyView {
    let state = use_form_state();
    let consented = state.value("consent") == "yes";
    let statements = ITEMS
        .iter()
        .enumerate()
        .map(|(n, item)| statement(&i, n + 1, item.field, item.key))
        .collect_view();
    let stop = data.reminders_on.then(|| {
        view! {
            <form method="post" action="/check-in/reminders" class="reminders">
                <input type="hidden" name="k" value=data.key.clone()/>
                <input type="hidden" name="want" value="off"/>
                <p>{i.t("checkin-reminders-on")}</p>
                <button type="submit" class="secondary"><Icon name=IconName::Exit/><span>{i.t("checkin-reminders-stop")}</span></button>
            </form>
        }
    });
    view! {
        <Title text=i.t("checkin-title")/>
        <section class="page narrow checkin">
            <h1>{i.t("checkin-title")}</h1>
            <p class="lead">{i.t("checkin-intro")}</p>
            <p class="moment"><Icon name=IconName::Calendar/><span>{i.t(moment.key())}</span></p>
            <ReadAll lang=i.lang.code().to_string() label=i.t("checkin-read-all") stop_label=i.t("guide-stop-reading")/>
            <ErrorSummary/>
            <form method="post" action="/check-in" novalidate=true>
                <FieldError field="form" id="form"/>
                <input type="hidden" name="k" value=data.key.clone()/>
                <input type="hidden" name="moment" value=moment.as_str()/>
                <Honeypot/>
                <div class="notice consent-box">
                    <p>{i.t("checkin-kept")}" "<a href="/privacy#check-in">{i.t("checkin-kept-more")}</a></p>
                    <div class="field check" id="consent">
                        <FieldError field="consent"/>
                        <input type="checkbox" id="consent-box" name="consent" value="yes" checked=consented/>
                        <label for="consent-box">{i.t("checkin-consent")}</label>
                    </div>
                </div>
                <p class="hint">{i.t("checkin-skip-hint")}</p>
                {statements}
                {life(&i)}
                {help_with_children(&i)}
                <button type="submit"><Icon name=IconName::Check/><span>{i.t("checkin-submit")}</span></button>
            </form>
            {stop}
            <TrustLinks/>
        </section>
    }
    .into_any()
}

#[component]
pub fn CheckInPage() -> impl IntoView {
    no_store();
    let i = use_i18n();
    let state = use_form_state();
    // After a post with a problem, the posted key and moment; else the link's.
    let posted_key = state.value("k");
    let key = if posted_key.is_empty() {
        query("k", 64)
    } else {
        posted_key
    };
    let moment = Moment::parse(&state.value("moment"))
        .or_else(|| Moment::parse(&query("moment", 8)))
        .unwrap_or(Moment::Start);
    crate::ui::loaded(check_in_page(key), move |data| form_view(i, data, moment))
}

/// The page after the answers: what happens with them, the link for the next check-in, and
/// the way to delete them.
#[component]
pub fn CheckInThanksPage() -> impl IntoView {
    no_store();
    let i = use_i18n();
    let key = query("k", 64);
    let moment = Moment::parse(&query("moment", 8)).unwrap_or(Moment::Start);
    let periods = use_context::<crate::trust::model::Periods>().unwrap_or_default();
    let valid = crate::web::form::valid_token(&key);
    let next = moment.next().filter(|_| valid).map(|m| {
        let path = super::model::link(&key, m);
        let shown = public_link(&path);
        view! {
            <h2>{i.t("checkin-next-heading")}</h2>
            <p>{i.t(match m {
                Moment::SixMonths => k("checkin-next-6m"),
                _ => k("checkin-next-3m"),
            })}</p>
            <p class="keep-link"><a href=path dir="ltr">{shown}</a></p>
        }
    });
    let delete = valid.then(|| {
        view! {
            <h2>{i.t("checkin-delete-heading")}</h2>
            <form method="post" action="/check-in/delete">
                <input type="hidden" name="k" value=key.clone()/>
                <p>{i.t("checkin-delete-text")}</p>
                <button type="submit" class="secondary"><Icon name=IconName::Exit/><span>{i.t("checkin-delete-button")}</span></button>
            </form>
        }
    });
    view! {
        <Title text=i.t("checkin-thanks-title")/>
        <section class="page narrow">
            <h1>{i.t("checkin-thanks-title")}</h1>
            <p class="lead">{i.t("checkin-thanks-text")}</p>
            <p>{i.t_args("checkin-thanks-kept", &[("months", periods.checkin_months.to_string())])}</p>
            {next}
            {delete}
            <p class="share">
                <a class="button" href="/groups"><Icon name=IconName::Users/><span>{i.t("home-find-group")}</span></a>
                <a class="button secondary" href="/"><Icon name=IconName::Home/><span>{i.t("back-home")}</span></a>
            </p>
            <TrustLinks/>
        </section>
    }
}

/// The whole address of a path, as a parent would keep it.
fn public_link(path: &str) -> String {
    #[cfg(feature = "ssr")]
    if let Some(public) = use_context::<crate::web::PublicUrl>() {
        return public.link(path);
    }
    path.to_string()
}

#[component]
pub fn CheckInDeletedPage() -> impl IntoView {
    no_store();
    view! {
        <Notice title=k("checkin-deleted-title") text=k("checkin-deleted-text") href="/" icon=IconName::Home action=k("back-home")/>
    }
}

#[component]
pub fn RemindersStoppedPage() -> impl IntoView {
    no_store();
    view! {
        <Notice title=k("checkin-stopped-title") text=k("checkin-stopped-text") href="/" icon=IconName::Home action=k("back-home")/>
    }
}

/// The facilitator's card for a meetup: the check-in link and its QR code, to show on a phone
/// or print. The link has no key: each parent who opens it gets their own.
#[component]
pub fn CheckInCardPage() -> impl IntoView {
    let i = use_i18n();
    let moment = query("moment", 8);
    crate::ui::loaded(check_in_card(moment), move |card| {
        let options = Moment::ALL
            .into_iter()
            .map(|m| {
                let selected = m.as_str() == card.moment;
                view! { <option value=m.as_str() selected=selected>{i.t(m.key())}</option> }
            })
            .collect_view();
        view! {
            <AdminPage title=i.t("checkin-card-title") coordinator=card.coordinator narrow=true>
                <p class="no-print">{i.t("checkin-card-intro")}</p>
                <form method="get" action="/admin/check-in" class="period-form no-print">
                    <div class="field">
                        <label for="moment">{i.t("checkin-card-moment")}</label>
                        <select id="moment" name="moment">{options}</select>
                    </div>
                    <button type="submit" class="secondary"><Icon name=IconName::Calendar/><span>{i.t("checkin-card-show")}</span></button>
                </form>
                <div class="card checkin-card">
                    <h2>{i.t("checkin-title")}</h2>
                    <p>{i.t("checkin-card-scan")}</p>
                    <div class="qr-box" role="img" aria-label=i.t("checkin-card-qr") inner_html=card.qr_svg.clone()></div>
                    <p class="keep-link"><a href=card.link.clone() dir="ltr">{card.link.clone()}</a></p>
                </div>
                <p class="no-print"><PrintButton label=i.t("guide-print-now")/></p>
                <p class="hint no-print">{i.t("checkin-card-privacy")}</p>
            </AdminPage>
        }
        .into_any()
    })
}
