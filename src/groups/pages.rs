//! The finder (`/groups`) and a group's page (`/groups/{id}`).
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{group_page, search_groups, GroupPageData};
use super::model::{
    GroupFacts, GroupFilters, GroupHit, GroupSearch, Rhythm, Weekday, GROUP_LANGUAGES,
};
use crate::error::AppError;
use crate::i18n::{k, language_name_key, use_i18n, I18n};
use crate::ui::forms::{language_options, select_options, FilterSelect, PostcodeField};
use crate::ui::{percent_encode, set_status, Icon, IconName, PageHead};

fn rhythm_text(i: &I18n, g: &GroupFacts) -> String {
    let key = match g.rhythm {
        Rhythm::Weekly => k("rhythm-weekly"),
        Rhythm::Fortnightly => k("rhythm-fortnightly"),
        Rhythm::Monthly => k("rhythm-monthly"),
    };
    i.t_args(
        key,
        &[
            ("day", i.t(g.weekday.key())),
            ("time", super::model::clock_time(g.start_minute)),
        ],
    )
}

fn languages_text(i: &I18n, g: &GroupFacts) -> String {
    i.list(g.languages.iter().map(|code| i.t(language_name_key(code))))
}

fn cost_text(i: &I18n, cents: u32) -> String {
    if cents == 0 {
        i.t("cost-free")
    } else {
        i.t_args("cost-amount", &[("amount", i.money(cents))])
    }
}

/// The icon-led facts of a group, shared by the result card and the group page.
#[component]
fn GroupFactsList(group: GroupFacts, #[prop(optional)] distance_km: Option<f64>) -> impl IntoView {
    let i = use_i18n();
    let place = match (group.online, distance_km) {
        (true, _) => i.t("group-online"),
        (false, Some(km)) => i.t_args(
            "distance-from-you",
            &[("km", i.decimal(km)), ("place", group.municipality.clone())],
        ),
        (false, None) => group.municipality.clone(),
    };
    let ages = i.t_args(
        "group-ages",
        &[
            ("min", group.age_min.to_string()),
            ("max", group.age_max.to_string()),
        ],
    );
    let kids = match (group.children_welcome, group.childcare) {
        (_, true) => Some(i.t("group-childcare")),
        (true, false) => Some(i.t("group-children-welcome")),
        _ => None,
    };
    let next = group.next_meetup.map(|t| {
        i.t_args(
            "group-next-meetup",
            &[("date", i.date(t)), ("time", i.clock(t))],
        )
    });
    view! {
        <ul class="facts">
            <li><Icon name=IconName::Pin/><span>{place}</span></li>
            <li><Icon name=IconName::Calendar/><span>{rhythm_text(&i, &group)}</span></li>
            <li><Icon name=IconName::Child/><span>{ages}</span></li>
            {kids.map(|t| view! { <li><Icon name=IconName::Users/><span>{t}</span></li> })}
            <li><Icon name=IconName::Chat/><span>{languages_text(&i, &group)}</span></li>
            <li><Icon name=IconName::Euro/><span>{cost_text(&i, group.cost_cents)}</span></li>
            {next.map(|t| view! { <li><Icon name=IconName::Clock/><span>{t}</span></li> })}
        </ul>
    }
}

#[component]
fn GroupCard(hit: GroupHit) -> impl IntoView {
    let href = format!("/groups/{}", hit.group.id);
    let name = hit.group.name.clone();
    view! {
        <li class="group-card">
            <h3><a href=href><bdi>{name}</bdi></a></h3>
            <GroupFactsList group=hit.group distance_km=hit.distance_km/>
        </li>
    }
}

#[component]
fn OnlineCard(group: GroupFacts) -> impl IntoView {
    let href = format!("/groups/{}", group.id);
    let name = group.name.clone();
    view! {
        <li class="group-card">
            <h3><a href=href><bdi>{name}</bdi></a></h3>
            <GroupFactsList group=group/>
        </li>
    }
}

/// The search form; works as a plain GET form.
#[component]
fn SearchForm(postcode: String, filters: GroupFilters, error: Option<String>) -> impl IntoView {
    let i = use_i18n();
    let chosen_age = filters.child_age.map(|a| a.to_string()).unwrap_or_default();
    let ages = select_options(
        (0..=18u8).map(|a| (a.to_string(), a.to_string())),
        &chosen_age,
    );
    let chosen_language = filters.language.as_deref().unwrap_or_default();
    let languages = language_options(&i, &GROUP_LANGUAGES, chosen_language);
    let chosen_day = filters
        .weekday
        .map(|d| d.number().to_string())
        .unwrap_or_default();
    let days = Weekday::ALL
        .iter()
        .map(|d| (d.number().to_string(), i.t(d.key())));
    let days = select_options(days, &chosen_day);
    let filters_open = filters != GroupFilters::default();
    view! {
        <form class="search-form" method="get" action="/groups" role="search">
            <PostcodeField hint=i.t("postcode-hint") value=postcode error=error/>
            <details class="filters" open=filters_open>
                <summary>{i.t("filters-summary")}</summary>
                <FilterSelect name="age" label=i.t("filter-age-label") options=ages/>
                <FilterSelect name="language" label=i.t("filter-language-label") options=languages/>
                <FilterSelect name="day" label=i.t("filter-day-label") options=days/>
                <div class="field check">
                    <input id="kids" name="kids" type="checkbox" value="1" checked=filters.children_welcome/>
                    <label for="kids">{i.t("filter-kids-label")}</label>
                </div>
            </details>
            <button type="submit"><Icon name=IconName::Search/><span>{i.t("search-button")}</span></button>
        </form>
    }
}

fn results_view(i: I18n, search: Result<GroupSearch, AppError>) -> AnyView {
    match search {
        Err(e) => crate::ui::failed(e),
        Ok(GroupSearch::Empty | GroupSearch::Invalid | GroupSearch::UnknownPostcode) => {
            ().into_any()
        }
        Ok(GroupSearch::Found {
            place,
            near,
            nothing_close,
            online,
        }) => {
            let heading = if nothing_close {
                view! {
                    <div class="notice" role="status">
                        <h2>{i.t("results-nearest-heading")}</h2>
                        <p>{i.t_args("results-none-close", &[("place", place.clone())])}</p>
                        <p>
                            {i.t("start-group-invite")} " "
                            <a href="/help">{i.t("start-group-link")}</a>
                        </p>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <div role="status">
                        <h2>
                            {i.t_args("results-heading", &[("count", near.len().to_string()), ("place", place.clone())])}
                        </h2>
                    </div>
                }
                .into_any()
            };
            let cards = near
                .into_iter()
                .map(|hit| view! { <GroupCard hit/> })
                .collect_view();
            let online_section = (!online.is_empty()).then(|| {
                let cards = online
                    .into_iter()
                    .map(|group| view! { <OnlineCard group/> })
                    .collect_view();
                view! {
                    <h2>{i.t("online-heading")}</h2>
                    <ol class="results">{cards}</ol>
                }
            });
            view! {
                {heading}
                <ol class="results">{cards}</ol>
                {online_section}
                <p class="attribution">{i.t("attribution-geonames")}</p>
            }
            .into_any()
        }
    }
}

#[component]
pub fn GroupsPage() -> impl IntoView {
    let i = use_i18n();
    let q = use_query_map().get_untracked();
    let param = |name: &str| q.get(name).map(|v| v.chars().take(64).collect::<String>());
    let postcode = param("postcode").unwrap_or_default();
    let (age, language, day, kids) = (param("age"), param("language"), param("day"), param("kids"));
    let filters = GroupFilters::parse(
        age.as_deref(),
        language.as_deref(),
        day.as_deref(),
        kids.as_deref(),
    );
    // One future, not a closure: a closure would be called (and search) twice while rendering.
    let search = {
        Suspend::new(async move {
            let result = search_groups(postcode.clone(), age, language, day, kids).await;
            let error = match &result {
                Ok(GroupSearch::Invalid) => {
                    set_status(400);
                    Some(i.t("postcode-invalid"))
                }
                Ok(GroupSearch::UnknownPostcode) => {
                    set_status(404);
                    Some(i.t_args(
                        "postcode-unknown",
                        &[("postcode", postcode.trim().to_string())],
                    ))
                }
                _ => None,
            };
            view! {
                <SearchForm postcode=postcode filters=filters error=error/>
                {results_view(i, result)}
            }
        })
    };
    view! {
        <section class="page">
            <PageHead title=k("groups-title") heading=k("groups-heading") lead=k("groups-intro")/>
            <Suspense fallback=|| ()>{search}</Suspense>
        </section>
    }
}

fn share_text(i: &I18n, name: &str, url: &str) -> String {
    i.t_args(
        "share-text",
        &[("name", name.to_string()), ("url", url.to_string())],
    )
}

fn own_origin() -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>()
            .and_then(|p| {
                p.headers
                    .get(axum::http::header::HOST)?
                    .to_str()
                    .ok()
                    .map(str::to_string)
            })
            .map(|h| format!("http://{h}"))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

fn group_view(i: I18n, data: GroupPageData) -> AnyView {
    let GroupPageData {
        group,
        description,
        first_visit,
        meetups,
    } = data;
    let url = format!("{}/groups/{}", own_origin(), group.id);
    let text = share_text(&i, &group.name, &url);
    let whatsapp = format!("https://wa.me/?text={}", percent_encode(&text, b""));
    let sms = format!("sms:?&body={}", percent_encode(&text, b""));
    let route = format!(
        "https://www.openstreetmap.org/directions?route=%3B{:.5}%2C{:.5}",
        group.lat, group.lon
    );
    let place = (!group.online).then(|| {
        view! {
            <h2>{i.t("group-place")}</h2>
            <p><bdi>{group.address.clone()}</bdi></p>
            <p>
                <a class="button secondary" href=route rel="noreferrer">
                    <Icon name=IconName::Route/><span>{i.t("group-route")}</span>
                </a>
            </p>
        }
    });
    let meetup_items = meetups
        .into_iter()
        .map(|m| {
            let when = i.t_args(
                "meetup-when",
                &[
                    ("date", i.date(m.starts_at)),
                    ("start", i.clock(m.starts_at)),
                    ("end", i.clock(m.ends_at)),
                ],
            );
            let cancelled = m
                .cancelled
                .then(|| view! { <strong class="cancelled">{i.t("meetup-cancelled")}</strong> });
            let href = format!("/meetups/{}", m.id);
            view! {
                <li class=if m.cancelled { "meetup cancelled-item" } else { "meetup" }>
                    <Icon name=IconName::Calendar/>
                    <span>
                        {cancelled} " " <a href=href>{when}</a>
                        <br/>
                        {m.place}
                        " · "
                        {i.t_args("meetup-capacity", &[("count", m.capacity.to_string())])}
                    </span>
                </li>
            }
        })
        .collect_view();
    let name = group.name.clone();
    let join_href = format!("/groups/{}/join", group.id);
    let facilitator = i.t_args(
        "group-facilitator",
        &[("name", group.facilitator_name.clone())],
    );
    let no_kids = (!group.children_welcome && !group.childcare)
        .then(|| view! { <p>{i.t("group-no-children")}</p> });
    view! {
        <Title text=name.clone()/>
        <article class="page group-page">
            <h1>{name}</h1>
            <GroupFactsList group=group.clone()/>
            <p>
                <a class="button" href=join_href>
                    <Icon name=IconName::Users/><span>{i.t("group-join")}</span>
                </a>
            </p>
            <p>{description}</p>
            {no_kids}
            <h2>{i.t("group-first-visit")}</h2>
            <p>{first_visit}</p>
            <p>{facilitator}</p>
            {place}
            <h2>{i.t("group-meetups")}</h2>
            <ul class="meetups">{meetup_items}</ul>
            <h2>{i.t("group-share")}</h2>
            <p class="share">
                <a class="button secondary" href=whatsapp rel="noreferrer">
                    <Icon name=IconName::Share/><span>{i.t("share-whatsapp")}</span>
                </a>
                <a class="button secondary" href=sms>
                    <Icon name=IconName::Chat/><span>{i.t("share-sms")}</span>
                </a>
            </p>
        </article>
    }
    .into_any()
}

#[component]
pub fn GroupPage() -> impl IntoView {
    let (i, id) = (use_i18n(), crate::ui::param("id"));
    let page = {
        Suspend::new(async move {
            match group_page(id, i.lang.code().to_string()).await {
                Ok(data) => group_view(i, data),
                Err(e) => crate::ui::failed(e),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{page}</Suspense> }
}
