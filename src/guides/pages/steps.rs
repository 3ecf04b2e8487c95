//! The steps of a guide as the page and the print view show them: each step with its words,
//! contacts, read-aloud and tick; the local help of the chosen place; the place chooser.
use leptos::prelude::*;

use super::super::api::Place;
use super::super::model::{for_speech, site_label, tel_href, Guide, Joiner, LocalEntry, Step};
use super::super::tools::StepTools;
use super::icon;
use crate::i18n::{use_i18n, I18n};
use crate::ui::forms::{select_options, PostcodeField};
use crate::ui::{set_status, Icon, IconName};

/// What is read aloud for one step: its words, then who to call, numbers digit by digit.
pub fn step_speech(i: &I18n, n: usize, step: &Step) -> String {
    let mut parts = vec![
        i.t_args("guide-step-number", &[("number", n.to_string())]),
        step.title.clone(),
        step.text.clone(),
    ];
    if let Some(who) = &step.who {
        parts.push(format!("{}: {who}", i.t("guide-who")));
    }
    for c in &step.contacts {
        if let Some(phone) = &c.phone {
            parts.push(format!("{}: {phone}", c.name));
        }
    }
    if let Some(need) = &step.need {
        parts.push(format!("{}: {need}", i.t("guide-need")));
    }
    if let Some(cost) = &step.cost {
        parts.push(format!("{}: {cost}", i.t("guide-cost")));
    }
    let text = parts
        .iter()
        .map(|p| p.trim_end_matches(['.', ':']).to_string())
        .collect::<Vec<_>>()
        .join(". ");
    for_speech(&format!("{text}."), &i.t("speech-euro"))
}

#[component]
pub fn LocalEntries(municipality: String, entries: Vec<LocalEntry>) -> impl IntoView {
    let i = use_i18n();
    let items = entries
        .into_iter()
        .map(|e| {
            let tel = tel_href(&e.phone);
            let website = e.website.clone();
            let label = site_label(&website);
            view! {
                <li class="local-entry">
                    <strong><bdi>{e.name.clone()}</bdi></strong>
                    {e.example.then(|| view! { <span class="tag">{i.t("guide-local-example")}</span> })}
                    {(!e.hours.is_empty()).then(|| view! { <p><Icon name=IconName::Clock/><bdi>{e.hours.clone()}</bdi></p> })}
                    {(!e.address.is_empty()).then(|| view! { <p><Icon name=IconName::Pin/><bdi>{e.address.clone()}</bdi></p> })}
                    {(!e.phone.is_empty()).then(|| view! {
                        <p><a href=tel class="contact-link"><Icon name=IconName::Phone/><bdi dir="ltr">{e.phone.clone()}</bdi></a></p>
                    })}
                    {(!website.is_empty()).then(|| view! {
                        <p><a href=website.clone() class="contact-link" rel="noreferrer"><Icon name=IconName::Globe/><bdi dir="ltr">{label}</bdi></a></p>
                    })}
                    <p class="hint">{i.t_args("guide-local-checked", &[("date", i.date(e.checked_at))])}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="local-help">
            <h4>{i.t_args("guide-local-heading", &[("municipality", municipality)])}</h4>
            <ul>{items}</ul>
        </div>
    }
}

#[component]
pub fn StepItem(
    guide: String,
    n: usize,
    step: Step,
    lang: String,
    local: Option<(String, Vec<LocalEntry>)>,
    print: bool,
) -> impl IntoView {
    let i = use_i18n();
    let speech = step_speech(&i, n, &step);
    let heading_id = format!("step-{}", step.id);
    let labelled = heading_id.clone();
    let contacts = step
        .contacts
        .iter()
        .map(|c| {
            let phone = c.phone.clone().map(|p| {
                let href = tel_href(&p);
                view! { <a href=href class="contact-link"><Icon name=IconName::Phone/><bdi dir="ltr">{p}</bdi></a> }
            });
            let site = c.url.clone().map(|u| {
                let label = site_label(&u);
                view! { <a href=u class="contact-link" rel="noreferrer"><Icon name=IconName::Globe/><bdi dir="ltr">{label}</bdi></a> }
            });
            view! { <li><strong><bdi>{c.name.clone()}</bdi></strong>" "{phone}" "{site}</li> }
        })
        .collect_view();
    let has_contacts = !step.contacts.is_empty();
    let links = step
        .links
        .iter()
        .map(|l| {
            let href = l.path.clone();
            view! { <p><a href=href class="inner-link"><Icon name=IconName::Arrow/><span>{l.label.clone()}</span></a></p> }
        })
        .collect_view();
    let local = local.and_then(|(name, entries)| {
        let mine: Vec<LocalEntry> = entries.into_iter().filter(|e| e.step == step.id).collect();
        (!mine.is_empty()).then(|| view! { <LocalEntries municipality=name entries=mine/> })
    });
    let tools = (!print).then(|| {
        view! {
            <StepTools
                guide=guide.clone()
                step=step.id.clone()
                speech=speech
                lang=lang.clone()
                done_label=i.t("guide-done")
                read_label=i.t("guide-read-step")
            />
        }
    });
    view! {
        <li class="guide-step" aria-labelledby=labelled>
            <div class="step-mark" aria-hidden="true">
                <span class="step-number">{n.to_string()}</span>
            </div>
            <div class="step-body">
                <h2 id=heading_id>
                    <Icon name=icon(&step.icon)/>
                    <span class="visually-hidden">{i.t_args("guide-step-number", &[("number", n.to_string())])}": "</span>
                    <span>{step.title.clone()}</span>
                </h2>
                <p>{step.text.clone()}</p>
                {(step.who.is_some() || has_contacts).then(|| view! {
                    <h3><Icon name=IconName::Users/><span>{i.t("guide-who")}</span></h3>
                    {step.who.clone().map(|w| view! { <p>{w}</p> })}
                    {has_contacts.then(|| view! { <ul class="contacts">{contacts}</ul> })}
                })}
                {step.need.clone().map(|need| view! {
                    <h3><Icon name=IconName::Document/><span>{i.t("guide-need")}</span></h3>
                    <p>{need}</p>
                })}
                {step.cost.clone().map(|cost| view! {
                    <h3><Icon name=IconName::Euro/><span>{i.t("guide-cost")}</span></h3>
                    <p>{cost}</p>
                })}
                {local}
                {links}
                {tools}
            </div>
            {step.next.map(|j| {
            let word = match j {
                Joiner::And => i.t("guide-and"),
                Joiner::Or => i.t("guide-or"),
            };
            let class = match j {
                Joiner::And => "joiner joiner-and",
                Joiner::Or => "joiner joiner-or",
            };
                view! { <p class=class><span>{word}</span></p> }
            })}
        </li>
    }
}

/// The local-help chooser: a postcode, or a municipality from the list. A plain GET form.
#[component]
pub fn PlaceForm(
    slug: String,
    postcode: String,
    place: Place,
    municipalities: Vec<(String, String)>,
) -> impl IntoView {
    let i = use_i18n();
    let (error, chosen) = match &place {
        Place::Problem { key, status } => {
            set_status(*status);
            let text = if key == "guide-postcode-unknown" {
                i.t_args(
                    "guide-postcode-unknown",
                    &[("postcode", postcode.trim().to_string())],
                )
            } else if key == "postcode-invalid" {
                i.t("postcode-invalid")
            } else {
                i.t("guide-municipality-unknown")
            };
            (Some(text), String::new())
        }
        Place::Found { code, .. } => (None, code.clone()),
        Place::None => (None, String::new()),
    };
    let options = select_options(municipalities, &chosen);
    let action = format!("/guides/{slug}");
    view! {
        <form class="place-form" method="get" action=action id="place">
            <h2>{i.t("guide-local-form-heading")}</h2>
            <PostcodeField hint=i.t("guide-local-postcode-hint") value=postcode error=error/>
            <details class="filters">
                <summary>{i.t("guide-local-or-pick")}</summary>
                <div class="field">
                    <label for="gemeente">{i.t("guide-local-municipality")}</label>
                    <select id="gemeente" name="gemeente">
                        <option value="">"–"</option>
                        {options}
                    </select>
                </div>
            </details>
            <button type="submit"><Icon name=IconName::Pin/><span>{i.t("guide-local-show")}</span></button>
        </form>
    }
}

/// The steps of a guide, for the page and for the print view.
#[component]
pub fn GuideBody(guide: Guide, place: Place, print: bool) -> impl IntoView {
    let i = use_i18n();
    let local = match &place {
        Place::Found { name, entries, .. } => Some((name.clone(), entries.clone())),
        _ => None,
    };
    let none_here = match &place {
        Place::Found { name, entries, .. } if entries.is_empty() => Some(name.clone()),
        _ => None,
    };
    let lang = guide.lang.clone();
    let slug = guide.slug.clone();
    // The small "and"/"or" between steps, said once in plain words above the first step.
    let joined = guide.steps.iter().any(|s| s.next.is_some());
    let steps = guide
        .steps
        .into_iter()
        .enumerate()
        .map(|(n, step)| {
            view! { <StepItem guide=slug.clone() n=n + 1 step=step lang=lang.clone() local=local.clone() print=print/> }
        })
        .collect_view();
    view! {
        {none_here.map(|name| view! {
            <p class="notice" role="status">{i.t_args("guide-local-none", &[("municipality", name)])}</p>
        })}
        {joined.then(|| view! { <p class="hint joiner-legend">{i.t("guide-joiner-legend")}</p> })}
        <ol class="guide-steps" lang=guide.lang.clone()>{steps}</ol>
    }
}
