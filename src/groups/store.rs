//! Every SQL statement of the group finder.
use sqlx::any::AnyRow;
use sqlx::Row;

use super::join::{InboxItem, ManagedGroup};
use super::model::{Candidate, GroupFacts, Rhythm, Weekday};
use crate::db::Db;

const FACTS: &str = "SELECT g.id, g.name, g.municipality, g.address, g.lat, g.lon, g.weekday, \
    g.start_minute, g.rhythm, g.age_min, g.age_max, g.languages, g.children_welcome, g.childcare, \
    g.cost_cents, g.online, g.facilitator_name, \
    (SELECT MIN(m.starts_at) FROM meetups m \
      WHERE m.group_id = g.id AND m.cancelled = 0 AND m.starts_at >= $1) AS next_meetup \
    FROM peer_groups g";

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
        facilitator_name: row.try_get("facilitator_name")?,
        next_meetup: row.try_get::<Option<i64>, _>("next_meetup")?,
    })
}

fn languages(list: String) -> Vec<String> {
    list.split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Active groups that meet in person inside a box around a point: only what distance and
/// filters need (the caller measures and picks).
pub async fn candidates_near(
    db: &Db,
    lat: f64,
    lon: f64,
    radius_km: f64,
) -> Result<Vec<Candidate>, sqlx::Error> {
    let dlat = radius_km / 111.0;
    let dlon = radius_km / (111.0 * lat.to_radians().cos().max(0.1));
    let rows = sqlx::query(
        "SELECT id, lat, lon, weekday, age_min, age_max, languages, children_welcome, childcare \
         FROM peer_groups WHERE active = 1 AND online = 0 \
         AND lat BETWEEN $1 AND $2 AND lon BETWEEN $3 AND $4",
    )
    .bind(lat - dlat)
    .bind(lat + dlat)
    .bind(lon - dlon)
    .bind(lon + dlon)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
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
            })
        })
        .collect()
}

/// The full facts of some groups (any order).
pub async fn facts_of(db: &Db, ids: &[&str]) -> Result<Vec<GroupFacts>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (2..ids.len() + 2).map(|n| format!("${n}")).collect();
    let sql = format!("{FACTS} WHERE g.id IN ({})", placeholders.join(", "));
    let mut query = sqlx::query(&sql).bind(db.now());
    for id in ids {
        query = query.bind(*id);
    }
    query.fetch_all(&db.pool).await?.iter().map(facts).collect()
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
    sqlx::query(
        "INSERT INTO search_misses (pc4, day, searches) VALUES ($1, $2, 1) \
         ON CONFLICT (pc4, day) DO UPDATE SET searches = search_misses.searches + 1",
    )
    .bind(format!("{pc4:04}"))
    .bind(day)
    .execute(&db.pool)
    .await?;
    Ok(())
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
    pub facilitator_name: &'a str,
    /// (language, description, what happens at a first visit)
    pub texts: &'a [(&'a str, &'a str, &'a str)],
}

pub async fn insert(db: &Db, g: &NewGroup<'_>) -> Result<String, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let id = insert_in(&mut tx, db.now(), g).await?;
    tx.commit().await?;
    Ok(id)
}

/// Many groups in one transaction (demo data, benchmarks).
pub async fn insert_many(db: &Db, groups: &[NewGroup<'_>]) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    for g in groups {
        insert_in(&mut tx, db.now(), g).await?;
    }
    tx.commit().await
}

async fn insert_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    now: i64,
    g: &NewGroup<'_>,
) -> Result<String, sqlx::Error> {
    let id = crate::db::new_id();
    sqlx::query(
        "INSERT INTO peer_groups (id, name, municipality, address, pc4, lat, lon, weekday, \
         start_minute, rhythm, age_min, age_max, languages, children_welcome, childcare, cost_cents, \
         online, active, facilitator_name, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 1, $18, $19)",
    )
    .bind(&id)
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
    Ok(id)
}

pub async fn count_active(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM peer_groups WHERE active = 1")
        .fetch_one(&db.pool)
        .await
}

/// Stores a join request; a second post with the same token (refresh, double tap) stores nothing.
/// Returns false when the token was already used.
pub async fn insert_join_request(
    db: &Db,
    group_id: &str,
    input: &super::join::JoinInput,
) -> Result<bool, sqlx::Error> {
    let now = db.now();
    let ages = input
        .child_ages
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let fact = crate::db::new_id();
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query(
        "INSERT INTO join_requests (id, group_id, token_hash, first_name, contact_kind, contact, \
         language, children, child_ages, status, created_at, contact_deadline, updated_at, fact_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'received', $10, $11, $10, $12) \
         ON CONFLICT (token_hash) DO NOTHING",
    )
    .bind(crate::db::new_id())
    .bind(group_id)
    .bind(crate::security::tokens::hash_token(&input.token))
    .bind(&input.first_name)
    .bind(input.contact.kind())
    .bind(input.contact.value())
    .bind(&input.language)
    .bind(input.children.map(i64::from))
    .bind(ages)
    .bind(now)
    .bind(now + super::join::CONTACT_DAYS * 86_400)
    .bind(&fact)
    .execute(&mut *tx)
    .await?;
    let created = done.rows_affected() == 1;
    if created {
        crate::monitoring::store::join_fact(&mut tx, &fact, group_id, now).await?;
    }
    tx.commit().await?;
    Ok(created)
}

pub async fn join_status(
    db: &Db,
    token: &str,
) -> Result<Option<super::join::JoinStatusView>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT j.group_id, g.name, j.first_name, j.status, j.contact_deadline \
         FROM join_requests j JOIN peer_groups g ON g.id = j.group_id WHERE j.token_hash = $1",
    )
    .bind(crate::security::tokens::hash_token(token))
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(super::join::JoinStatusView {
            group_id: r.try_get("group_id")?,
            group_name: r.try_get("name")?,
            first_name: r.try_get("first_name")?,
            status: super::join::JoinStatus::parse(&r.try_get::<String, _>("status")?)
                .ok_or_else(|| sqlx::Error::Decode("bad join status".into()))?,
            contact_deadline: r.try_get("contact_deadline")?,
        })
    })
    .transpose()
}

/// Deletes a join request at once (the parent withdraws). True when there was one.
pub async fn delete_join_request(db: &Db, token: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM join_requests WHERE token_hash = $1")
        .bind(crate::security::tokens::hash_token(token))
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Retention: a finished request (joined or not) goes 30 days after it was closed; any request
/// goes 90 days after it was made. Returns how many were deleted.
pub async fn purge_join_requests(
    db: &Db,
    closed_days: i64,
    max_days: i64,
) -> Result<u64, sqlx::Error> {
    let now = db.now();
    let done = sqlx::query(
        "DELETE FROM join_requests WHERE \
         (status IN ('joined', 'not_joined') AND updated_at < $1) OR created_at < $2",
    )
    .bind(now - closed_days * 86_400)
    .bind(now - max_days * 86_400)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected())
}

/// Who may see and change a join request: the coordinator all; a facilitator the requests
/// assigned to them, or of their own groups when nobody is assigned.
const MAY_HANDLE: &str = "($1 = 'coordinator' OR j.assigned_to = $2 \
     OR (j.assigned_to IS NULL AND g.owner_id = $2))";

pub async fn inbox(
    db: &Db,
    viewer: &crate::accounts::model::Account,
) -> Result<Vec<InboxItem>, sqlx::Error> {
    let sql = format!(
        "SELECT j.id, g.name AS group_name, j.first_name, j.contact_kind, j.contact, j.language, \
         j.children, j.child_ages, j.status, j.created_at, j.contact_deadline, \
         COALESCE(a.display_name, o.display_name, '-') AS handler \
         FROM join_requests j JOIN peer_groups g ON g.id = j.group_id \
         LEFT JOIN accounts a ON a.id = j.assigned_to LEFT JOIN accounts o ON o.id = g.owner_id \
         WHERE {MAY_HANDLE} \
         ORDER BY CASE j.status WHEN 'received' THEN 0 WHEN 'contacted' THEN 1 ELSE 2 END, j.created_at"
    );
    let rows = sqlx::query(&sql)
        .bind(viewer.role.as_str())
        .bind(&viewer.id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(InboxItem {
                id: r.try_get("id")?,
                group_name: r.try_get("group_name")?,
                first_name: r.try_get("first_name")?,
                contact_kind: r.try_get("contact_kind")?,
                contact: r.try_get("contact")?,
                language: r.try_get("language")?,
                children: r.try_get("children")?,
                child_ages: r.try_get("child_ages")?,
                status: r.try_get("status")?,
                created_at: r.try_get("created_at")?,
                contact_deadline: r.try_get("contact_deadline")?,
                handler: r.try_get("handler")?,
            })
        })
        .collect()
}

/// Changes the status if the viewer may handle the request; false otherwise (the caller
/// answers 404, so nobody learns that it exists).
pub async fn set_join_status(
    db: &Db,
    viewer: &crate::accounts::model::Account,
    id: &str,
    status: super::join::JoinStatus,
) -> Result<bool, sqlx::Error> {
    let sql = format!(
        "UPDATE join_requests SET status = $3, updated_at = $4 WHERE id = $5 AND id IN \
         (SELECT j.id FROM join_requests j JOIN peer_groups g ON g.id = j.group_id WHERE {MAY_HANDLE})"
    );
    let done = sqlx::query(&sql)
        .bind(viewer.role.as_str())
        .bind(&viewer.id)
        .bind(status.as_str())
        .bind(db.now())
        .bind(id)
        .execute(&db.pool)
        .await?;
    let changed = done.rows_affected() == 1;
    if changed {
        crate::monitoring::store::join_progress(db, id, status.as_str()).await?;
    }
    Ok(changed)
}

/// The coordinator hands a request to another facilitator.
pub async fn assign_join_request(db: &Db, id: &str, account_id: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE join_requests SET assigned_to = $1, updated_at = $2 WHERE id = $3 \
         AND EXISTS (SELECT 1 FROM accounts WHERE id = $1 AND active = 1)",
    )
    .bind(account_id)
    .bind(db.now())
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives a group to a facilitator (the coordinator assigns groups).
pub async fn set_owner(db: &Db, group_id: &str, account_id: &str) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE peer_groups SET owner_id = $1 WHERE id = $2")
        .bind(account_id)
        .bind(group_id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Who may manage a group: the coordinator, or the facilitator who owns it.
const MAY_MANAGE: &str = "($1 = 'coordinator' OR g.owner_id = $2)";

pub async fn managed_groups(
    db: &Db,
    viewer: &crate::accounts::model::Account,
) -> Result<Vec<ManagedGroup>, sqlx::Error> {
    let sql = format!(
        "SELECT g.id, g.name, g.active, COALESCE(a.display_name, '-') AS owner FROM peer_groups g \
         LEFT JOIN accounts a ON a.id = g.owner_id WHERE {MAY_MANAGE} ORDER BY g.name"
    );
    let rows = sqlx::query(&sql)
        .bind(viewer.role.as_str())
        .bind(&viewer.id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(ManagedGroup {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                active: r.try_get::<i64, _>("active")? != 0,
                owner: r.try_get("owner")?,
            })
        })
        .collect()
}

/// The form values of a group the viewer may manage (None: not there, or not theirs).
pub async fn group_form_values(
    db: &Db,
    viewer: &crate::accounts::model::Account,
    id: &str,
) -> Result<Option<std::collections::HashMap<String, String>>, sqlx::Error> {
    let sql = format!(
        "SELECT g.*, COALESCE(t.description, '') AS description, COALESCE(t.first_visit, '') AS first_visit \
         FROM peer_groups g LEFT JOIN group_texts t ON t.group_id = g.id AND t.lang = 'nl' \
         WHERE g.id = $3 AND {MAY_MANAGE}"
    );
    let row = sqlx::query(&sql)
        .bind(viewer.role.as_str())
        .bind(&viewer.id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    let Some(r) = row else { return Ok(None) };
    let int = |c: &str| r.try_get::<i64, _>(c);
    let mut v = std::collections::HashMap::new();
    for c in [
        "name",
        "address",
        "pc4",
        "rhythm",
        "facilitator_name",
        "description",
        "first_visit",
    ] {
        v.insert(c.to_string(), r.try_get::<String, _>(c)?);
    }
    v.insert("postcode".into(), v["pc4"].clone());
    v.insert("lat".into(), format!("{:.5}", r.try_get::<f64, _>("lat")?));
    v.insert("lon".into(), format!("{:.5}", r.try_get::<f64, _>("lon")?));
    v.insert("weekday".into(), int("weekday")?.to_string());
    let minute = int("start_minute")?;
    v.insert(
        "start".into(),
        format!("{:02}:{:02}", minute / 60, minute % 60),
    );
    v.insert("age_min".into(), int("age_min")?.to_string());
    v.insert("age_max".into(), int("age_max")?.to_string());
    let cents = int("cost_cents")?;
    v.insert("cost".into(), format!("{},{:02}", cents / 100, cents % 100));
    for (flag, col) in [
        ("children_welcome", "children_welcome"),
        ("childcare", "childcare"),
        ("online", "online"),
    ] {
        if int(col)? != 0 {
            v.insert(flag.into(), "1".into());
        }
    }
    if int("active")? == 0 {
        v.insert("paused".into(), "1".into());
    }
    for code in languages(r.try_get("languages")?) {
        v.insert(format!("lang_{code}"), "1".into());
    }
    if let Some(owner) = r.try_get::<Option<String>, _>("owner_id")? {
        v.insert("owner".into(), owner);
    }
    Ok(Some(v))
}

/// Creates a group from the facilitator's form; returns its id.
pub async fn create_group(
    db: &Db,
    input: &super::edit::GroupInput,
    place: &super::postcodes::Centroid,
    owner: Option<&str>,
) -> Result<String, sqlx::Error> {
    let langs: Vec<&str> = input.languages.iter().map(String::as_str).collect();
    let texts = [("nl", input.description.as_str(), input.first_visit.as_str())];
    let id = insert(
        db,
        &NewGroup {
            name: &input.name,
            municipality: &place.municipality,
            address: &input.address,
            pc4: input.postcode.pc4(),
            lat: input.coords.map_or(place.lat, |c| c.0),
            lon: input.coords.map_or(place.lon, |c| c.1),
            weekday: input.weekday,
            start_minute: input.start_minute,
            rhythm: input.rhythm,
            ages: input.ages,
            languages: &langs,
            children_welcome: input.children_welcome,
            childcare: input.childcare,
            cost_cents: input.cost_cents,
            online: input.online,
            facilitator_name: &input.facilitator_name,
            texts: &texts,
        },
    )
    .await?;
    sqlx::query("UPDATE peer_groups SET owner_id = $1, active = $2 WHERE id = $3")
        .bind(owner)
        .bind(input.active as i64)
        .bind(&id)
        .execute(&db.pool)
        .await?;
    Ok(id)
}

/// Updates a group the viewer may manage; false when it is not theirs (or not there).
pub async fn update_group(
    db: &Db,
    viewer: &crate::accounts::model::Account,
    id: &str,
    input: &super::edit::GroupInput,
    place: &super::postcodes::Centroid,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let sql = format!(
        "UPDATE peer_groups SET name = $3, municipality = $4, address = $5, pc4 = $6, lat = $7, \
         lon = $8, weekday = $9, start_minute = $10, rhythm = $11, age_min = $12, age_max = $13, \
         languages = $14, children_welcome = $15, childcare = $16, cost_cents = $17, online = $18, \
         active = $19, facilitator_name = $20 \
         WHERE id = $21 AND id IN (SELECT g.id FROM peer_groups g WHERE {MAY_MANAGE})"
    );
    let done = sqlx::query(&sql)
        .bind(viewer.role.as_str())
        .bind(&viewer.id)
        .bind(&input.name)
        .bind(&place.municipality)
        .bind(&input.address)
        .bind(input.postcode.to_string())
        .bind(input.coords.map_or(place.lat, |c| c.0))
        .bind(input.coords.map_or(place.lon, |c| c.1))
        .bind(input.weekday.number() as i64)
        .bind(input.start_minute as i64)
        .bind(input.rhythm.as_str())
        .bind(input.ages.0 as i64)
        .bind(input.ages.1 as i64)
        .bind(input.languages.join(","))
        .bind(input.children_welcome as i64)
        .bind(input.childcare as i64)
        .bind(input.cost_cents as i64)
        .bind(input.online as i64)
        .bind(input.active as i64)
        .bind(&input.facilitator_name)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query("DELETE FROM group_texts WHERE group_id = $1 AND lang = 'nl'")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO group_texts (group_id, lang, description, first_visit) VALUES ($1, 'nl', $2, $3)")
        .bind(id)
        .bind(&input.description)
        .bind(&input.first_visit)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// True when the viewer may manage this group.
pub async fn may_manage(
    db: &Db,
    viewer: &crate::accounts::model::Account,
    id: &str,
) -> Result<bool, sqlx::Error> {
    let sql = format!("SELECT COUNT(*) FROM peer_groups g WHERE g.id = $3 AND {MAY_MANAGE}");
    let n: i64 = sqlx::query_scalar(&sql)
        .bind(viewer.role.as_str())
        .bind(&viewer.id)
        .bind(id)
        .fetch_one(&db.pool)
        .await?;
    Ok(n == 1)
}
