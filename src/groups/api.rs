//! Server functions of the group finder: parse, ask the store, shape the answer.
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

#[server(prefix = "/api", endpoint = "groups/search")]
pub async fn search_groups(
    postcode: String,
    age: Option<String>,
    language: Option<String>,
    day: Option<String>,
    kids: Option<String>,
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
    );
    let (hits, any_close) = match store::finder::snapshot(&db).await? {
        Some(index) => {
            let hits: Vec<(f64, Candidate)> = index
                .nearest(here.lat, here.lon, MAX_RESULTS, |c| filters.admits(c))
                .into_iter()
                .map(|(km, c)| (round_km(km), c.clone()))
                .collect();
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
    let (near, nothing_close) = pick_results(sorted);
    // Counted once per client, PC4 and day, and only when the finder page is shown (never
    // through `/api/groups/search`): reloads and scripts do not inflate the council's figures.
    let today = crate::time::day_number(db.now());
    if !any_close && crate::web::client::count_once(&format!("pc4:{:04}", pc.pc4()), today) {
        store::record_miss(&db, pc.pc4(), today).await?;
    }
    let online = online.into_iter().filter(|g| filters.admits(g)).collect();
    Ok(GroupSearch::Found {
        place: here.place.clone(),
        near,
        nothing_close,
        online,
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

#[server(prefix = "/api", endpoint = "groups/join-status")]
pub async fn join_status(token: String) -> Result<super::join::JoinStatusView, AppError> {
    use crate::web::form::valid_token;
    let db = expect_context::<crate::db::Db>();
    if !valid_token(&token) {
        return Err(AppError::NotFound);
    }
    super::store::join_status(&db, &token)
        .await?
        .ok_or(AppError::NotFound)
}
