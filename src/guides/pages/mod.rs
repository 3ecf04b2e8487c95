//! `/guides` (tiles by theme), `/guides/{slug}` (numbered steps, all open without JavaScript)
//! and `/guides/{slug}/print`.
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{guide_both, guide_page, guide_tiles, GuidePageData, Place};
use super::model::Step;
use super::tools::{ClearTicks, ReadAll};
use crate::i18n::{k, use_i18n};
use crate::ui::{failed, Icon, IconName, PageHead, PrintButton};

mod steps;
use steps::{GuideBody, PlaceForm};

pub(super) fn icon(name: &str) -> IconName {
    IconName::parse(name).unwrap_or(IconName::Info)
}

fn theme_key(theme: &str) -> &'static str {
    match theme {
        "money" => k("guides-theme-money"),
        "family" => k("guides-theme-family"),
        "home" => k("guides-theme-home"),
        _ => k("guides-theme-you"),
    }
}

#[component]
pub fn GuidesPage() -> impl IntoView {
    let i = use_i18n();
    let tiles = Suspend::new(async move {
        match guide_tiles().await {
            Err(e) => failed(e),
            Ok(themes) => themes
                .into_iter()
                .map(|t| {
                    let id = format!("theme-{}", t.theme);
                    let labelled = id.clone();
                    let tiles = t
                        .guides
                        .into_iter()
                        .map(|g| {
                            let href = format!("/guides/{}", g.slug);
                            view! {
                                <li>
                                    <a class="choice" href=href>
                                        <span class="choice-icon"><Icon name=icon(&g.icon)/></span>
                                        <span class="choice-text"><strong>{g.title}</strong></span>
                                        <Icon name=IconName::Arrow/>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <section aria-labelledby=labelled>
                            <h2 id=id>{i.t(theme_key(&t.theme))}</h2>
                            <ul class="choices">{tiles}</ul>
                        </section>
                    }
                })
                .collect_view()
                .into_any(),
        }
    });
    view! {
        <section class="page">
            <PageHead title=k("guides-title") heading=k("guides-heading") lead=k("guides-intro")/>
            <Suspense fallback=|| ()>{tiles}</Suspense>
        </section>
    }
}

/// What a GET of the guide asks for: postcode or municipality, and whether "thank you" shows.
fn query() -> (String, Option<String>, bool) {
    let q = use_query_map().get_untracked();
    let postcode = q
        .get("postcode")
        .map(|v| v.chars().take(16).collect())
        .unwrap_or_default();
    let gemeente = q
        .get("gemeente")
        .map(|v| v.chars().take(8).collect::<String>());
    (postcode, gemeente, q.get("thanks").as_deref() == Some("1"))
}

fn slug_param() -> String {
    crate::ui::param("slug").chars().take(40).collect()
}

#[component]
fn FallbackNote() -> impl IntoView {
    let i = use_i18n();
    view! { <p class="notice fallback-note" role="note"><Icon name=IconName::Globe/><span>{i.t("guide-fallback-note")}</span></p> }
}

#[component]
fn Feedback(slug: String, thanks: bool) -> impl IntoView {
    let i = use_i18n();
    let action = format!("/guides/{slug}/feedback");
    view! {
        <section class="feedback" id="feedback" aria-labelledby="feedback-heading">
            <h2 id="feedback-heading">{i.t("guide-feedback-question")}</h2>
            {if thanks {
                view! { <p role="status">{i.t("guide-feedback-thanks")}</p> }.into_any()
            } else {
                view! {
                    <form method="post" action=action class="feedback-form">
                        <button type="submit" name="answer" value="yes" class="secondary"><Icon name=IconName::Check/><span>{i.t("guide-yes")}</span></button>
                        <button type="submit" name="answer" value="no" class="secondary"><Icon name=IconName::Exit/><span>{i.t("guide-no")}</span></button>
                    </form>
                    <p class="hint">{i.t("guide-feedback-note")}</p>
                }.into_any()
            }}
        </section>
    }
}

fn print_href(slug: &str, place: &Place) -> String {
    match place {
        Place::Found { code, .. } => format!("/guides/{slug}/print?gemeente={code}"),
        _ => format!("/guides/{slug}/print"),
    }
}

#[component]
pub fn GuidePage() -> impl IntoView {
    let i = use_i18n();
    let slug = slug_param();
    let (postcode, gemeente, thanks) = query();
    let pc = (!postcode.is_empty()).then(|| postcode.clone());
    let content = crate::ui::loaded(
        guide_page(slug.clone(), pc, gemeente, true),
        move |GuidePageData {
                  guide,
                  place,
                  municipalities,
              }| {
            let print = print_href(&guide.slug, &place);
            let title = guide.title.clone();
            let slug = guide.slug.clone();
            view! {
            <Title text=title.clone()/>
            <p class="back"><a href="/guides"><Icon name=IconName::Arrow/><span>{i.t("guide-back")}</span></a></p>
            <h1><Icon name=icon(&guide.icon)/><span>{title}</span></h1>
            {guide.fell_back.then(|| view! { <FallbackNote/> })}
            <p class="lead" lang=guide.lang.clone()>{guide.intro.clone()}</p>
            <div class="guide-actions">
                <ReadAll lang=guide.lang.clone() label=i.t("guide-read-all") stop_label=i.t("guide-stop-reading")/>
                <ClearTicks note=i.t("guide-ticks-note") label=i.t("guide-ticks-clear")/>
                <a class="button secondary" href=print><Icon name=IconName::Print/><span>{i.t("guide-print")}</span></a>
                {(i.lang != crate::i18n::Lang::Nl).then(|| {
                    let both = format!("/guides/{}/both", guide.slug);
                    view! { <a class="button secondary" href=both><Icon name=IconName::Globe/><span>{i.t("guide-side-by-side")}</span></a> }
                })}
            </div>
            <p class="hint">{i.t("guide-done-note")}</p>
            <PlaceForm slug=slug.clone() postcode=postcode.clone() place=place.clone() municipalities=municipalities/>
            <GuideBody guide=guide place=place print=false/>
            <Feedback slug=slug thanks=thanks/>
        }
        .into_any()
        },
    );
    view! {
        <section class="page guide">
            {content}
        </section>
    }
}

/// The print view: the same steps, no buttons, the local help of the chosen municipality.
#[component]
pub fn GuidePrintPage() -> impl IntoView {
    let i = use_i18n();
    let slug = slug_param();
    let (_, gemeente, _) = query();
    let content = crate::ui::loaded(
        guide_page(slug.clone(), None, gemeente, false),
        move |GuidePageData { guide, place, .. }| {
            let back = format!("/guides/{}", guide.slug);
            let title = guide.title.clone();
            view! {
            <Title text=title.clone()/>
            <div class="no-print guide-actions">
                <PrintButton label=i.t("guide-print-now")/>
                <a class="button secondary" href=back><Icon name=IconName::Arrow/><span>{i.t("guide-back-to-guide")}</span></a>
            </div>
            <h1>{title}</h1>
            {guide.fell_back.then(|| view! { <FallbackNote/> })}
            <p lang=guide.lang.clone()>{guide.intro.clone()}</p>
            <GuideBody guide=guide place=place print=true/>
            <p class="hint">{i.t("guide-printed-from")}</p>
        }
        .into_any()
        },
    );
    view! {
        <section class="page guide print-view">
            {content}
        </section>
    }
}

/// One step's words, for one column of the side-by-side view.
#[component]
fn StepWords(
    step: Step,
    n: usize,
    lang: String,
    dir: &'static str,
    step_label: String,
) -> impl IntoView {
    view! {
        <div class="both-col" lang=lang dir=dir>
            <h2><span class="step-number small">{n.to_string()}</span><span>{step.title}</span></h2>
            <p class="visually-hidden">{step_label}</p>
            <p>{step.text}</p>
            {step.who.map(|w| view! { <p>{w}</p> })}
            {step.need.map(|w| view! { <p>{w}</p> })}
            {step.cost.map(|w| view! { <p>{w}</p> })}
        </div>
    }
}

/// The guide in the reader's language next to the Dutch, step by step (stacked on a phone), so a
/// parent can show the Dutch to an official.
#[component]
pub fn GuideBothPage() -> impl IntoView {
    let i = use_i18n();
    let slug = slug_param();
    let content = crate::ui::loaded(guide_both(slug.clone()), move |(mine, dutch)| {
        let back = format!("/guides/{}", mine.slug);
        let mine_lang = mine.lang.clone();
        let mine_dir = if mine.lang == "nl" {
            "ltr"
        } else {
            i.lang.dir()
        };
        let rows = mine
            .steps
            .into_iter()
            .zip(dutch.steps)
            .enumerate()
            .map(|(n, (a, b))| {
                let label = i.t_args("guide-step-number", &[("number", (n + 1).to_string())]);
                view! {
                    <li class="both-row">
                        <StepWords step=a n=n + 1 lang=mine_lang.clone() dir=mine_dir step_label=label.clone()/>
                        <StepWords step=b n=n + 1 lang="nl".to_string() dir="ltr" step_label=label/>
                    </li>
                }
            })
            .collect_view();
        view! {
            <Title text=mine.title.clone()/>
            <p class="back"><a href=back><Icon name=IconName::Arrow/><span>{i.t("guide-back-to-guide")}</span></a></p>
            <h1>{mine.title.clone()}</h1>
            <p class="both-title" lang="nl" dir="ltr">{dutch.title}</p>
            <p class="lead">{i.t("guide-side-by-side-intro")}</p>
            {mine.fell_back.then(|| view! { <FallbackNote/> })}
            <ol class="both-list">{rows}</ol>
        }
        .into_any()
    });
    view! {
        <section class="page guide both-view">
            {content}
        </section>
    }
}
