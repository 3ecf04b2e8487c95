//! Every SQL statement of groups: the finder and group facts here; join requests in `joins`,
//! the facilitator's group management in `manage`.
pub mod finder;
mod joins;
mod manage;
pub mod notify;

pub use joins::*;
pub use manage::*;

use sqlx::any::AnyRow;
use sqlx::Row;

use super::join::{InboxItem, ManagedGroup};
use super::model::{Audience, Candidate, GroupFacts, Rhythm, Weekday};
use crate::db::Db;

const FACTS: &str = "SELECT g.id, g.name, g.municipality, g.address, g.lat, g.lon, g.weekday, \
    g.start_minute, g.rhythm, g.age_min, g.age_max, g.languages, g.children_welcome, g.childcare, \
    g.cost_cents, g.online, g.audience, g.facilitator_name, \
    (SELECT MIN(m.starts_at) FROM meetups m \
      WHERE m.group_id = g.id AND m.cancelled = 0 AND m.starts_at >= $1) AS next_meetup, \
    (SELECT MAX(m.ends_at) FROM meetups m WHERE m.group_id = g.id AND m.theme = 'language' \
      AND m.cancelled = 0 AND m.ends_at >= $1) AS theme_language, \
    (SELECT MAX(m.ends_at) FROM meetups m WHERE m.group_id = g.id AND m.theme = 'stress' \
      AND m.cancelled = 0 AND m.ends_at >= $1) AS theme_stress, \
    (SELECT MAX(m.ends_at) FROM meetups m WHERE m.group_id = g.id AND m.theme = 'parenting' \
      AND m.cancelled = 0 AND m.ends_at >= $1) AS theme_parenting, \
    (SELECT MAX(m.ends_at) FROM meetups m WHERE m.group_id = g.id AND m.theme = 'practical' \
      AND m.cancelled = 0 AND m.ends_at >= $1) AS theme_practical, \
    (SELECT MAX(m.ends_at) FROM meetups m WHERE m.group_id = g.id AND m.theme = 'meeting' \
      AND m.cancelled = 0 AND m.ends_at >= $1) AS theme_meeting \
    FROM peer_groups g";

/// The `theme_*` columns (in `Theme::ALL` order): the end of a group's last meetup per theme.
fn theme_ends(row: &AnyRow) -> Result<[i64; super::model::THEMES], sqlx::Error> {
    let mut ends = [0; super::model::THEMES];
    for t in crate::meetups::model::Theme::ALL {
        let col = format!("theme_{}", t.as_str());
        ends[t.index()] = row.try_get::<Option<i64>, _>(col.as_str())?.unwrap_or(0);
    }
    Ok(ends)
}

fn facts(row: &AnyRow) -> Result<GroupFacts, sqlx::Error> {
    let int = |c: &str| row.try_get::<i64, _>(c);
    let decode = |c: &str| sqlx::Error::Decode(format!("bad value in {c}").into());
    Ok(GroupFacts {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        municipality: row.try_get("municipality")?,
        address: row.try_get("address")?,
        lat: row.try_get("lat")?,
        lon: row.try_get("lon")?,
        weekday: Weekday::new(int("weekday")?).ok_or_else(|| decode("weekday"))?,
        start_minute: int("start_minute")?.clamp(0, 24 * 60 - 1) as u16,
        rhythm: Rhythm::parse(&row.try_get::<String, _>("rhythm")?)
            .ok_or_else(|| decode("rhythm"))?,
        age_min: int("age_min")?.clamp(0, 18) as u8,
        age_max: int("age_max")?.clamp(0, 18) as u8,
        languages: languages(row.try_get("languages")?),
        children_welcome: int("children_welcome")? != 0,
        childcare: int("childcare")? != 0,
        cost_cents: int("cost_cents")?.max(0) as u32,
        online: int("online")? != 0,
        audience: audience(row)?,
        facilitator_name: row.try_get("facilitator_name")?,
        next_meetup: row.try_get::<Option<i64>, _>("next_meetup")?,
        theme_ends: theme_ends(row)?,
    })
}

/// The `audience` column, parsed once (an unknown value is a broken row, not a guess).
fn audience(row: &AnyRow) -> Result<Audience, sqlx::Error> {
    Audience::parse(&row.try_get::<String, _>("audience")?)
        .ok_or_else(|| sqlx::Error::Decode("bad value in audience".into()))
}

fn languages(list: String) -> Vec<String> {
    list.split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The light columns the finder filters on (a row for `candidate`), with the end of each
/// group's last meetup per theme (the filter compares it with the time of the search, so a
/// theme whose meetups are over drops out without a reload).
pub(crate) const CANDIDATE_COLUMNS: &str =
    "id, lat, lon, weekday, start_minute, age_min, age_max, languages, children_welcome, childcare, audience, \
    (SELECT MAX(m.ends_at) FROM meetups m WHERE m.group_id = peer_groups.id \
      AND m.theme = 'language' AND m.cancelled = 0) AS theme_language, \
    (SELECT MAX(m.ends_at) FROM meetups m WHERE m.group_id = peer_groups.id \
      AND m.theme = 'stress' AND m.cancelled = 0) AS theme_stress, \
    (SELECT MAX(m.ends_at) FROM meetups m WHERE m.group_id = peer_groups.id \
      AND m.theme = 'parenting' AND m.cancelled = 0) AS theme_parenting, \
    (SELECT MAX(m.ends_at) FROM meetups m WHERE m.group_id = peer_groups.id \
      AND m.theme = 'practical' AND m.cancelled = 0) AS theme_practical, \
    (SELECT MAX(m.ends_at) FROM meetups m WHERE m.group_id = peer_groups.id \
      AND m.theme = 'meeting' AND m.cancelled = 0) AS theme_meeting";

/// A row of the light finder columns (`CANDIDATE_COLUMNS`).
fn candidate(r: &AnyRow) -> Result<Candidate, sqlx::Error> {
    let int = |c: &str| r.try_get::<i64, _>(c);
    Ok(Candidate {
        id: r.try_get("id")?,
        lat: r.try_get("lat")?,
        lon: r.try_get("lon")?,
        weekday: Weekday::new(int("weekday")?)
            .ok_or_else(|| sqlx::Error::Decode("bad weekday".into()))?,
        age_min: int("age_min")?.clamp(0, 18) as u8,
        age_max: int("age_max")?.clamp(0, 18) as u8,
        languages: languages(r.try_get("languages")?),
        children_welcome: int("children_welcome")? != 0,
        childcare: int("childcare")? != 0,
        audience: audience(r)?,
        theme_ends: theme_ends(r)?,
        start_minute: int("start_minute")?.clamp(0, 24 * 60 - 1) as u16,
    })
}

/// Active groups that meet in person inside a box around a point: only what distance and
/// filters need (the caller measures and picks). The finder uses its in-memory index
/// (`finder`); this is for more groups than the index keeps.
pub async fn candidates_near(
    db: &Db,
    lat: f64,
    lon: f64,
    radius_km: f64,
) -> Result<Vec<Candidate>, sqlx::Error> {
    let dlat = radius_km / 111.0;
    let dlon = radius_km / (111.0 * lat.to_radians().cos().max(0.1));
    let sql = format!(
        "SELECT {CANDIDATE_COLUMNS} FROM peer_groups WHERE active = 1 AND online = 0 \
         AND lat BETWEEN $1 AND $2 AND lon BETWEEN $3 AND $4"
    );
    let rows = sqlx::query(&sql)
        .bind(lat - dlat)
        .bind(lat + dlat)
        .bind(lon - dlon)
        .bind(lon + dlon)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(candidate).collect()
}

/// The finder's statement for `n` shown groups: their facts and every online group's, in
/// one round trip (`$1` is now, `$2..` the ids).
static SHOWN_AND_ONLINE: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    (0..=super::model::MAX_RESULTS)
        .map(|n| {
            let online = format!("{FACTS} WHERE g.active = 1 AND g.online = 1");
            if n == 0 {
                return format!("{online} ORDER BY name");
            }
            let ids: Vec<String> = (2..n + 2).map(|i| format!("${i}")).collect();
            // Two index lookups (online groups; ids) rather than one scan with OR. The unary
            // `+` keeps SQLite from walking the (online, active, name) index over every
            // in-person group to save the sort: the ids go by the primary key.
            format!(
                "{online} UNION ALL {FACTS} WHERE +g.active = 1 AND +g.online = 0 \
                 AND g.id IN ({}) ORDER BY name",
                ids.join(", ")
            )
        })
        .collect()
});

/// The full facts of some in-person groups (any order), and every active online group (by
/// name), in one statement.
pub async fn shown_and_online(
    db: &Db,
    ids: &[&str],
) -> Result<(Vec<GroupFacts>, Vec<GroupFacts>), sqlx::Error> {
    let ids = &ids[..ids.len().min(super::model::MAX_RESULTS)];
    let mut query = sqlx::query(&SHOWN_AND_ONLINE[ids.len()]).bind(db.now());
    for id in ids {
        query = query.bind(*id);
    }
    let all = query
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(facts)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(all.into_iter().partition(|g| !g.online))
}

pub async fn online(db: &Db) -> Result<Vec<GroupFacts>, sqlx::Error> {
    let sql = format!("{FACTS} WHERE g.active = 1 AND g.online = 1 ORDER BY g.name");
    let rows = sqlx::query(&sql).bind(db.now()).fetch_all(&db.pool).await?;
    rows.iter().map(facts).collect()
}

pub async fn active_by_id(db: &Db, id: &str) -> Result<Option<GroupFacts>, sqlx::Error> {
    let sql = format!("{FACTS} WHERE g.active = 1 AND g.id = $2");
    let row = sqlx::query(&sql)
        .bind(db.now())
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(facts).transpose()
}

/// The group's own words in a language, else in Dutch.
pub async fn texts(db: &Db, id: &str, lang: &str) -> Result<Option<(String, String)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT description, first_visit FROM group_texts WHERE group_id = $1 AND lang IN ($2, 'nl') \
         ORDER BY CASE WHEN lang = $2 THEN 0 ELSE 1 END LIMIT 1",
    )
    .bind(id)
    .bind(lang)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| Ok((r.try_get("description")?, r.try_get("first_visit")?)))
        .transpose()
}

/// Counts a search that found nothing within 10 km: the PC4 and the day, nothing else.
pub async fn record_miss(db: &Db, pc4: u16, day: i64) -> Result<(), sqlx::Error> {
    db.run(
        sqlx::query(
            "INSERT INTO search_misses (pc4, day, searches) VALUES ($1, $2, 1) \
             ON CONFLICT (pc4, day) DO UPDATE SET searches = search_misses.searches + 1",
        )
        .bind(format!("{pc4:04}"))
        .bind(day),
    )
    .await
}

/// A new group as the demo loader and the facilitator side create it.
pub struct NewGroup<'a> {
    pub name: &'a str,
    pub municipality: &'a str,
    pub address: &'a str,
    pub pc4: u16,
    pub lat: f64,
    pub lon: f64,
    pub weekday: Weekday,
    pub start_minute: u16,
    pub rhythm: Rhythm,
    pub ages: (u8, u8),
    pub languages: &'a [&'a str],
    pub children_welcome: bool,
    pub childcare: bool,
    pub cost_cents: u32,
    pub online: bool,
    pub audience: Audience,
    pub facilitator_name: &'a str,
    /// (language, description, what happens at a first visit)
    pub texts: &'a [(&'a str, &'a str, &'a str)],
}

pub async fn insert(db: &Db, g: &NewGroup<'_>) -> Result<String, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let id = insert_in(&mut tx, db.now(), g).await?;
    tx.commit().await?;
    finder::mark_stale(db);
    Ok(id)
}

/// Many groups in one transaction (demo data, benchmarks).
pub async fn insert_many(db: &Db, groups: &[NewGroup<'_>]) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    for g in groups {
        insert_in(&mut tx, db.now(), g).await?;
    }
    tx.commit().await?;
    finder::mark_stale(db);
    Ok(())
}

type Statement<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// A statement about what a viewer may see or change: `$1` is their role, `$2` their id (the
/// `MAY_HANDLE` and `MAY_MANAGE` conditions read them).
fn as_viewer<'q>(sql: &'q str, viewer: &'q crate::accounts::model::Account) -> Statement<'q> {
    sqlx::query(sql).bind(viewer.role.as_str()).bind(&viewer.id)
}

/// The facts of a group, from `name` to `online` in the column order of `peer_groups`, then
/// `audience` (the same for a new group and a changed one).
fn bind_facts<'q>(statement: Statement<'q>, g: &NewGroup<'q>) -> Statement<'q> {
    statement
        .bind(g.name)
        .bind(g.municipality)
        .bind(g.address)
        .bind(format!("{:04}", g.pc4))
        .bind(g.lat)
        .bind(g.lon)
        .bind(g.weekday.number() as i64)
        .bind(g.start_minute as i64)
        .bind(g.rhythm.as_str())
        .bind(g.ages.0 as i64)
        .bind(g.ages.1 as i64)
        .bind(g.languages.join(","))
        .bind(g.children_welcome as i64)
        .bind(g.childcare as i64)
        .bind(g.cost_cents as i64)
        .bind(g.online as i64)
        .bind(g.audience.as_str())
}

async fn insert_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    now: i64,
    g: &NewGroup<'_>,
) -> Result<String, sqlx::Error> {
    let id = crate::db::new_id();
    let statement = sqlx::query(
        "INSERT INTO peer_groups (id, name, municipality, address, pc4, lat, lon, weekday, \
         start_minute, rhythm, age_min, age_max, languages, children_welcome, childcare, cost_cents, \
         online, audience, active, facilitator_name, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 1, \
         $19, $20)",
    )
    .bind(&id);
    bind_facts(statement, g)
        .bind(g.facilitator_name)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    for (lang, description, first_visit) in g.texts {
        sqlx::query(
            "INSERT INTO group_texts (group_id, lang, description, first_visit) VALUES ($1, $2, $3, $4)",
        )
        .bind(&id)
        .bind(*lang)
        .bind(*description)
        .bind(*first_visit)
        .execute(&mut **tx)
        .await?;
    }
    finder::bump_version(&mut **tx).await?;
    Ok(id)
}

pub async fn count_active(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM peer_groups WHERE active = 1")
        .fetch_one(&db.pool)
        .await
}
