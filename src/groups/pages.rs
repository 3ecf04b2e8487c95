//! The finder (`/groups`) and a group's page (`/groups/{id}`).
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{group_page, search_groups, GroupPageData};
use super::model::{
    Audience, GroupFacts, GroupFilters, GroupHit, GroupSearch, Rhythm, Weekday, GROUP_LANGUAGES,
};
use crate::error::AppError;
use crate::i18n::{k, language_name_key, use_i18n, I18n};
use crate::ui::bidi::{self, sentence};
use crate::ui::forms::{language_options, select_options, FilterSelect, PostcodeField};
use crate::ui::{percent_encode, set_status, Icon, IconName, PageHead};

fn rhythm_text(i: &I18n, g: &GroupFacts) -> AnyView {
    let key = match g.rhythm {
        Rhythm::Weekly => k("rhythm-weekly"),
        Rhythm::Fortnightly => k("rhythm-fortnightly"),
        Rhythm::Monthly => k("rhythm-monthly"),
    };
    sentence(
        i,
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

fn cost_text(i: &I18n, cents: u32) -> AnyView {
    if cents == 0 {
        i.t("cost-free").into_any()
    } else {
        sentence(i, "cost-amount", &[("amount", i.money(cents))])
    }
}

/// Who the group is for, in plain words: "For every parent", "For mothers", …
fn audience_text(i: &I18n, audience: Audience) -> String {
    i.t(audience.key())
}

/// The icon-led facts of a group, shared by the result card and the group page.
#[component]
fn GroupFactsList(group: GroupFacts, #[prop(optional)] distance_km: Option<f64>) -> impl IntoView {
    let i = use_i18n();
    let place = match (group.online, distance_km) {
        (true, _) => i.t("group-online").into_any(),
        (false, Some(km)) => sentence(
            &i,
            "distance-from-you",
            &[("km", i.decimal(km)), ("place", group.municipality.clone())],
        ),
        (false, None) => view! { <bdi>{group.municipality.clone()}</bdi> }.into_any(),
    };
    let ages = sentence(
        &i,
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
        sentence(
            &i,
            "group-next-meetup",
            &[("date", i.date(t)), ("time", i.clock(t))],
        )
    });
    let audience = audience_text(&i, group.audience);
    // The themes of coming meetups, each with its icon and plain words.
    let themes = crate::meetups::model::Theme::ALL
        .into_iter()
        .filter(|t| group.theme_ends[t.index()] > 0)
        .map(|t| {
            let text = sentence(&i, k("group-theme-coming"), &[("theme", i.t(t.key()))]);
            view! {
                <li class="theme"><Icon name=crate::meetups::themes::theme_icon(t)/><span>{text}</span></li>
            }
        })
        .collect_view();
    view! {
        <ul class="facts">
            <li><Icon name=IconName::Pin/><span>{place}</span></li>
            <li class="audience"><Icon name=IconName::Heart/><span>{audience}</span></li>
            <li><Icon name=IconName::Calendar/><span>{rhythm_text(&i, &group)}</span></li>
            <li><Icon name=IconName::Child/><span>{ages}</span></li>
            {kids.map(|t| view! { <li><Icon name=IconName::Users/><span>{t}</span></li> })}
            <li><Icon name=IconName::Chat/><span>{languages_text(&i, &group)}</span></li>
            <li><Icon name=IconName::Euro/><span>{cost_text(&i, group.cost_cents)}</span></li>
            {next.map(|t| view! { <li><Icon name=IconName::Clock/><span>{t}</span></li> })}
            {themes}
        </ul>
    }
}

/// Why a result fits, in plain words: "3 km · children 4 to 8 · Arabic spoken · Tuesday".
/// Distance always; the age, the parent's own language (unless Dutch and not chosen), the day
/// and the part of the day when the parent asked for them.
fn why_text(i: &I18n, hit: &GroupHit, filters: &GroupFilters, page_lang: &str) -> String {
    let g = &hit.group;
    // Whole km from 1 km on ("3 km"), tenths below.
    let km = if hit.distance_km >= 1.0 {
        format!("{}", hit.distance_km.round() as i64)
    } else {
        i.decimal(hit.distance_km)
    };
    let mut parts = vec![i.t_args("match-km", &[("km", km)])];
    if filters.child_age.is_some() {
        parts.push(i.t_args(
            "match-ages",
            &[
                ("min", g.age_min.to_string()),
                ("max", g.age_max.to_string()),
            ],
        ));
    }
    let own = super::matching::own_language(filters.language.as_deref(), page_lang);
    if (own != "nl" || filters.language.is_some()) && g.languages.iter().any(|l| l == own) {
        parts.push(i.t_args(
            "match-language",
            &[("language", i.t(language_name_key(own)))],
        ));
    }
    if filters.weekday.is_some() {
        parts.push(i.t(g.weekday.key()));
    }
    if filters.time.is_some() {
        parts.push(i.t(super::matching::TimeOfDay::of(g.start_minute).key()));
    }
    parts.join(" · ")
}

#[component]
fn GroupCard(hit: GroupHit, #[prop(optional)] why: Option<String>) -> impl IntoView {
    let href = format!("/groups/{}", hit.group.id);
    let name = hit.group.name.clone();
    view! {
        <li class="group-card">
            <h3><a href=href><bdi>{name}</bdi></a></h3>
            {why.map(|w| {
                let i = use_i18n();
                view! { <p class="why"><Icon name=IconName::Check/><span>{crate::ui::bidi::text(&i, w)}</span></p> }
            })}
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
    let chosen_theme = filters.theme.map(|t| t.as_str()).unwrap_or_default();
    let themes = select_options(
        crate::meetups::model::Theme::ALL
            .iter()
            .map(|t| (t.as_str(), i.t(t.key()))),
        chosen_theme,
    );
    let times = select_options(
        super::matching::TimeOfDay::ALL
            .iter()
            .map(|t| (t.as_str(), i.t(t.key()))),
        filters.time.map(|t| t.as_str()).unwrap_or_default(),
    );
    let modes = select_options(
        super::matching::Mode::ALL
            .iter()
            .map(|m| (m.as_str(), i.t(m.key()))),
        filters.mode.map(|m| m.as_str()).unwrap_or_default(),
    );
    view! {
        <form class="search-form" method="get" action="/groups" role="search">
            <PostcodeField hint=i.t("postcode-hint") value=postcode error=error/>
            <details class="filters" open=filters_open>
                <summary>{i.t("filters-summary")}</summary>
                <FilterSelect name="age" label=i.t("filter-age-label") options=ages/>
                <FilterSelect name="language" label=i.t("filter-language-label") options=languages/>
                <FilterSelect name="day" label=i.t("filter-day-label") options=days/>
                <FilterSelect name="theme" label=i.t("filter-theme-label") options=themes/>
                <FilterSelect name="time" label=i.t("filter-time-label") options=times/>
                <FilterSelect name="mode" label=i.t("filter-mode-label") options=modes/>
                <div class="field check">
                    <input id="kids" name="kids" type="checkbox" value="1" checked=filters.children_welcome/>
                    <label for="kids">{i.t("filter-kids-label")}</label>
                </div>
                <div class="field check">
                    <input id="fathers" name="fathers" type="checkbox" value="1" checked=filters.open_to_fathers/>
                    <label for="fathers">{i.t("filter-fathers-label")}</label>
                </div>
            </details>
            <button type="submit"><Icon name=IconName::Search/><span>{i.t("search-button")}</span></button>
        </form>
    }
}

fn results_view(
    i: I18n,
    search: Result<GroupSearch, AppError>,
    postcode: String,
    filters: &GroupFilters,
) -> AnyView {
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
            hidden_near,
        }) => {
            // Filters hide groups within 10 km: say so, with a link to the same search without them.
            let hidden = hidden_near.then(|| {
                let clear = format!("/groups?postcode={}", percent_encode(postcode.trim(), b""));
                view! {
                    <p class="notice filters-hide" role="status">
                        <Icon name=IconName::Info/>
                        <span>{crate::ui::bidi::text(&i, i.t("filters-hide-near"))} " " <a href=clear>{i.t("filters-clear")}</a></span>
                    </p>
                }
            });
            let heading = if nothing_close {
                view! {
                    <div class="notice" role="status">
                        <h2>{i.t("results-nearest-heading")}</h2>
                        <p>{sentence(&i, "results-none-close", &[("place", place.clone())])}</p>
                        <p>
                            {i.t("start-group-invite")} " "
                            <a href="/help">{i.t("start-group-link")}</a>
                        </p>
                    </div>
                    <super::notify::NotifyForm postcode=postcode.clone()/>
                }
                .into_any()
            } else {
                view! {
                    <div role="status">
                        <h2>
                            {sentence(&i, "results-heading", &[("count", near.len().to_string()), ("place", place.clone())])}
                        </h2>
                    </div>
                }
                .into_any()
            };
            let page_lang = i.lang.code();
            let online_only = filters.mode == Some(super::matching::Mode::Online);
            let heading = (!online_only).then_some(heading);
            let cards = near
                .into_iter()
                .map(|hit| {
                    let why = why_text(&i, &hit, filters, page_lang);
                    view! { <GroupCard hit why/> }
                })
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
                {hidden}
                {heading}
                <ol class="results">{cards}</ol>
                {online_section}
                <p class="attribution">{bidi::text(&i, i.t("attribution-geonames"))}</p>
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
    let (age, language, day) = (param("age"), param("language"), param("day"));
    let (kids, fathers, theme) = (param("kids"), param("fathers"), param("theme"));
    let (time, mode) = (param("time"), param("mode"));
    let filters = GroupFilters::parse(
        age.as_deref(),
        language.as_deref(),
        day.as_deref(),
        kids.as_deref(),
        fathers.as_deref(),
    )
    .with_theme(theme.as_deref(), 0)
    .with_time_mode(time.as_deref(), mode.as_deref());
    // One future, not a closure: a closure would be called (and search) twice while rendering.
    let search = {
        Suspend::new(async move {
            let result = search_groups(
                postcode.clone(),
                age,
                language,
                day,
                kids,
                fathers,
                theme,
                time,
                mode,
            )
            .await;
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
            let typed = postcode.clone();
            let results = results_view(i, result, typed, &filters);
            view! {
                <SearchForm postcode=postcode filters=filters error=error/>
                {results}
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
        // `DOORSTART_PUBLIC_URL`, never the `Host` header a client sends.
        use_context::<crate::config::PublicUrl>()
            .map(|u| u.0.to_string())
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
    let origin = crate::seo::public_origin();
    let urls: Vec<String> = meetups
        .iter()
        .map(|m| format!("{origin}/meetups/{}", m.id))
        .collect();
    let events = crate::seo::events_json(
        &meetups
            .iter()
            .zip(&urls)
            .map(|(m, url)| crate::seo::EventFacts {
                group_name: &group.name,
                starts_at: m.starts_at,
                ends_at: m.ends_at,
                place: &m.place,
                online: group.online,
                cancelled: m.cancelled,
                url,
            })
            .collect::<Vec<_>>(),
    );
    let meetup_items = meetups
        .into_iter()
        .map(|m| {
            let when = sentence(
                &i,
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
                        <bdi>{m.place}</bdi>
                        " · "
                        {sentence(&i, "meetup-capacity", &[("count", m.capacity.to_string())])}
                        {crate::meetups::themes::theme_line(&i, m.theme, m.kind, &m.guest)}
                    </span>
                </li>
            }
        })
        .collect_view();
    let name = group.name.clone();
    let join_href = format!("/groups/{}/join", group.id);
    let facilitator = sentence(
        &i,
        "group-facilitator",
        &[("name", group.facilitator_name.clone())],
    );
    let no_kids = (!group.children_welcome && !group.childcare)
        .then(|| view! { <p>{i.t("group-no-children")}</p> });
    view! {
        <Title text=name.clone()/>
        <article class="page group-page">
            <h1><bdi>{name}</bdi></h1>
            <GroupFactsList group=group.clone()/>
            <p>
                <a class="button" href=join_href>
                    <Icon name=IconName::Users/><span>{i.t("group-join")}</span>
                </a>
            </p>
            <p>{bidi::text(&i, description)}</p>
            {no_kids}
            <h2>{i.t("group-first-visit")}</h2>
            <p>{bidi::text(&i, first_visit)}</p>
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
            <crate::seo::meta::EventData json=events/>
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
