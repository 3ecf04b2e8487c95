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
    let distance = |g: &GroupFacts| round_km(distance_km(here.lat, here.lon, g.lat, g.lon));
    let measure = |groups: Vec<GroupFacts>| {
        let mut hits: Vec<GroupHit> = groups
            .into_iter()
            .filter(|g| filters.admits(g))
            .map(|g| GroupHit {
                distance_km: distance(&g),
                group: g,
            })
            .collect();
        hits.sort_by(|a, b| a.distance_km.total_cmp(&b.distance_km));
        hits
    };
    let around = store::in_person_near(&db, here.lat, here.lon, SEARCH_RADIUS_KM).await?;
    // Unmet demand is about place, not about filters: any group within 10 km meets it.
    let any_close = around.iter().any(|g| distance(g) <= CLOSE_KM);
    let mut hits = measure(around);
    if hits.first().is_none_or(|h| h.distance_km > CLOSE_KM) {
        // Nothing close: look across the whole country for the nearest ones.
        hits = measure(store::in_person_near(&db, here.lat, here.lon, 400.0).await?);
    }
    let (near, nothing_close) = pick_results(hits);
    if !any_close {
        store::record_miss(&db, pc.pc4(), crate::time::day_number(db.now())).await?;
    }
    let online = store::online(&db)
        .await?
        .into_iter()
        .filter(|g| filters.admits(g))
        .collect();
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
