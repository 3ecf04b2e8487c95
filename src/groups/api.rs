//! Server functions of the group finder: parse, ask the store, shape the answer.
// `search_groups` takes one argument per query parameter of the finder's GET form; the
// server macro's client half cannot carry an attribute of its own.
#![allow(clippy::too_many_arguments)]
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::{GroupFacts, GroupSearch};
use crate::error::AppError;
use crate::meetups::MeetupSummary;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupPageData {
    pub group: GroupFacts,
    pub description: String,
    pub first_visit: String,
    pub meetups: Vec<MeetupSummary>,
}

// One argument per query parameter of the finder (a plain GET form without JavaScript).
#[allow(clippy::too_many_arguments)]
#[server(prefix = "/api", endpoint = "groups/search")]
pub async fn search_groups(
    postcode: String,
    age: Option<String>,
    language: Option<String>,
    day: Option<String>,
    kids: Option<String>,
    fathers: Option<String>,
    #[server(default)] theme: Option<String>,
    #[server(default)] time: Option<String>,
    #[server(default)] mode: Option<String>,
) -> Result<GroupSearch, AppError> {
    use super::model::*;
    use super::{postcodes, store};
    let db = expect_context::<crate::db::Db>();
    if postcode.trim().is_empty() {
        return Ok(GroupSearch::Empty);
    }
    let Some(pc) = Postcode::parse(&postcode) else {
        return Ok(GroupSearch::Invalid);
    };
    let Some(here) = postcodes::centroid(pc) else {
        return Ok(GroupSearch::UnknownPostcode);
    };
    let filters = GroupFilters::parse(
        age.as_deref(),
        language.as_deref(),
        day.as_deref(),
        kids.as_deref(),
        fathers.as_deref(),
    )
    .with_theme(theme.as_deref(), db.now())
    .with_time_mode(time.as_deref(), mode.as_deref());
    use super::matching::Mode;
    let online_only = filters.mode == Some(Mode::Online);
    // (groups within 10 km, of which the filters let through): the count says whether the
    // filters hide near groups; counted in memory, no statement.
    let close_counts: (usize, usize);
    let (hits, any_close) = match store::finder::snapshot(&db).await? {
        Some(index) => {
            let hits: Vec<(f64, Candidate)> = index
                .nearest(here.lat, here.lon, MAX_RESULTS, |c| filters.admits(c))
                .into_iter()
                .map(|(km, c)| (round_km(km), c.clone()))
                .collect();
            close_counts = index.count_within(here.lat, here.lon, CLOSE_KM, |c| filters.admits(c));
            // Unmet demand is about place, not about filters: any group within 10 km meets it.
            (hits, index.any_within(here.lat, here.lon, CLOSE_KM))
        }
        // More groups than the index keeps: ask the database for a box around the place.
        None => {
            let distance = |c: &Candidate| round_km(distance_km(here.lat, here.lon, c.lat, c.lon));
            let measure = |candidates: Vec<Candidate>| {
                let mut hits: Vec<(f64, Candidate)> = candidates
                    .into_iter()
                    .filter(|c| filters.admits(c))
                    .map(|c| (distance(&c), c))
                    .collect();
                hits.sort_by(|a, b| a.0.total_cmp(&b.0));
                hits
            };
            let around = store::candidates_near(&db, here.lat, here.lon, SEARCH_RADIUS_KM).await?;
            let any_close = around.iter().any(|c| distance(c) <= CLOSE_KM);
            let close: Vec<&Candidate> =
                around.iter().filter(|c| distance(c) <= CLOSE_KM).collect();
            close_counts = (
                close.len(),
                close.iter().filter(|c| filters.admits(**c)).count(),
            );
            let mut hits = measure(around);
            if hits.first().is_none_or(|(km, _)| *km > CLOSE_KM) {
                // Nothing close: look across the whole country for the nearest ones.
                hits = measure(store::candidates_near(&db, here.lat, here.lon, 400.0).await?);
            }
            hits.truncate(MAX_RESULTS);
            (hits, any_close)
        }
    };
    // Full facts only for the groups that can be shown, and the online groups: one statement.
    let ids: Vec<&str> = hits.iter().map(|(_, c)| c.id.as_str()).collect();
    let (shown, online) = store::shown_and_online(&db, &ids).await?;
    let sorted = hits
        .iter()
        .filter_map(|(km, c)| {
            let group = shown.iter().find(|g| g.id == c.id)?.clone();
            Some(GroupHit {
                group,
                distance_km: *km,
            })
        })
        .collect();
    let (mut near, mut nothing_close) = pick_results(sorted);
    // Best match first: the parent's own language counts as nearer (`matching`).
    let page_lang = use_context::<axum::http::request::Parts>()
        .and_then(|p| p.extensions.get::<crate::i18n::Lang>().copied())
        .unwrap_or_default();
    let own = super::matching::own_language(filters.language.as_deref(), page_lang.code());
    super::matching::rank(&mut near, |h| (h.distance_km, &h.group.languages), own);
    let admitted_close = if online_only { 0 } else { close_counts.1 };
    let hidden_near = close_counts.0 > admitted_close;
    if online_only {
        near.clear();
        nothing_close = false;
    }
    // Counted once per client, PC4 and day, and only when the finder page is shown (never
    // through `/api/groups/search`): reloads and scripts do not inflate the council's figures.
    let today = crate::time::day_number(db.now());
    if !any_close && crate::web::client::count_once(&format!("pc4:{:04}", pc.pc4()), today).await {
        store::record_miss(&db, pc.pc4(), today).await?;
    }
    let online = online
        .into_iter()
        .filter(|g| filters.admits(g) && filters.mode != Some(Mode::InPerson))
        .collect();
    Ok(GroupSearch::Found {
        place: here.place.clone(),
        near,
        nothing_close,
        online,
        hidden_near,
    })
}

#[server(prefix = "/api", endpoint = "groups/page")]
pub async fn group_page(id: String, lang: String) -> Result<GroupPageData, AppError> {
    use super::store;
    let db = expect_context::<crate::db::Db>();
    if id.len() > 64 {
        return Err(AppError::NotFound);
    }
    let group = store::active_by_id(&db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (description, first_visit) = store::texts(&db, &id, &lang).await?.unwrap_or_default();
    let meetups = crate::meetups::store::upcoming_for_group(&db, &id).await?;
    Ok(GroupPageData {
        group,
        description,
        first_visit,
        meetups,
    })
}

/// The partner whose link brought this visitor (its cookie), for "who sent you": (slug, name).
#[server(prefix = "/api", endpoint = "groups/join-referrer")]
pub async fn join_referrer() -> Result<Option<(String, String)>, AppError> {
    let db = expect_context::<crate::db::Db>();
    let Some(parts) = use_context::<axum::http::request::Parts>() else {
        return Ok(None);
    };
    let partner = crate::partners::store::referring(&db, &parts.headers).await?;
    Ok(partner.map(|p| (p.slug, p.name)))
}

/// A parent's status page: where their request stands, and their link to keep (with its QR
/// code) as `DOORSTART_PUBLIC_URL` makes it.
#[server(prefix = "/api", endpoint = "groups/join-status")]
pub async fn join_status(
    token: String,
) -> Result<(super::join::JoinStatusView, crate::ui::KeptLink), AppError> {
    use crate::web::form::valid_token;
    let db = expect_context::<crate::db::Db>();
    if !valid_token(&token) {
        return Err(AppError::NotFound);
    }
    let mut view = super::store::join_status(&db, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    // The anonymous check-in, with this parent's own key (made from the status token).
    let email = super::store::mail_contact(&db, &token).await?.is_some();
    let pepper = db.pepper().await?;
    view.checkin = Some(crate::checkin::store::offer(&db, &pepper, &token, email).await?);
    let link = expect_context::<crate::web::PublicUrl>().link(&format!("/join/{token}"));
    // The partners' QR drawing (plain SVG, one `<rect>` per run of dark modules).
    let qr_svg = crate::partners::qr::svg(&link).unwrap_or_default();
    Ok((view, crate::ui::KeptLink { link, qr_svg }))
}
