//! "Tell me when a group starts near me": the addresses parents leave for their PC4 area, their
//! confirmation (double opt-in), the one mail when a group opens within 10 km, and deletion.
use sqlx::Row;

use crate::db::Db;
use crate::groups::model::{distance_km, CLOSE_KM};
use crate::groups::notify::NotifyInput;
use crate::i18n::Lang;
use crate::mail::{outbox, Kind};

/// An unconfirmed address is deleted after this many hours.
pub const UNCONFIRMED_HOURS: i64 = 48;

/// Stores the address (unconfirmed) and puts the confirmation mail in the outbox, together.
/// The same address for the same area again replaces the earlier row (one row, one new link).
pub async fn insert(
    db: &Db,
    input: &NotifyInput,
    token_hash: &str,
    token: &str,
) -> Result<(), sqlx::Error> {
    let now = db.now();
    let lang = Lang::parse(&input.language).unwrap_or(Lang::Nl);
    // Groups already within 10 km (the parent's filters hid them): not news later.
    let seen = match crate::groups::postcodes::centroid(input.postcode) {
        Some(here) => near_groups(db, here.lat, here.lon)
            .await?
            .into_iter()
            .map(|g| g.0)
            .collect::<Vec<_>>()
            .join(","),
        None => String::new(),
    };
    let mut tx = db.pool.begin().await?;
    sqlx::query("DELETE FROM group_interest WHERE email = $1 AND pc4 = $2")
        .bind(&input.email)
        .bind(i64::from(input.postcode.pc4()))
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO group_interest (id, token_hash, email, pc4, lang, child_age, created_at, \
         seen_groups) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(crate::db::new_id())
    .bind(token_hash)
    .bind(&input.email)
    .bind(i64::from(input.postcode.pc4()))
    .bind(lang.code())
    .bind(input.child_age.map(i64::from))
    .bind(now)
    .bind(seen)
    .execute(&mut *tx)
    .await?;
    let link = format!("/groups/notify/{token}");
    outbox::enqueue(&mut tx, now, &input.email, lang, Kind::NotifyConfirm, &link).await?;
    tx.commit().await
}

/// The active in-person groups within 10 km of a point, nearest first, with their age range.
async fn near_groups(db: &Db, lat: f64, lon: f64) -> Result<Vec<(String, u8, u8)>, sqlx::Error> {
    let mut near: Vec<(f64, (String, u8, u8))> = super::candidates_near(db, lat, lon, CLOSE_KM)
        .await?
        .into_iter()
        .map(|c| {
            (
                distance_km(lat, lon, c.lat, c.lon),
                (c.id, c.age_min, c.age_max),
            )
        })
        .filter(|(km, _)| *km <= CLOSE_KM)
        .collect();
    near.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(near.into_iter().map(|(_, g)| g).collect())
}

/// Whether a link's row is there (confirmed or not).
pub async fn exists(db: &Db, token_hash: &str) -> Result<bool, sqlx::Error> {
    let row = sqlx::query("SELECT id FROM group_interest WHERE token_hash = $1")
        .bind(token_hash)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.is_some())
}

/// The parent followed the link and pressed the button: the address may now be used.
pub async fn confirm(db: &Db, token_hash: &str) -> Result<bool, sqlx::Error> {
    db.changed_one(
        sqlx::query(
            "UPDATE group_interest SET confirmed_at = COALESCE(confirmed_at, $2) \
             WHERE token_hash = $1",
        )
        .bind(token_hash)
        .bind(db.now()),
    )
    .await
}

/// "Stop": the row is deleted at once.
pub async fn stop(db: &Db, token_hash: &str) -> Result<bool, sqlx::Error> {
    db.changed_one(sqlx::query("DELETE FROM group_interest WHERE token_hash = $1").bind(token_hash))
        .await
}

/// Every confirmed address with an active in-person group within 10 km of its area gets one
/// mail (the nearest such group) and is deleted in the same transaction. The delete is
/// conditional, so two instances running this at once send each mail once. Returns how many.
pub async fn mail_matches(db: &Db) -> Result<u64, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, email, pc4, lang, child_age, seen_groups FROM group_interest \
         WHERE confirmed_at IS NOT NULL",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut sent = 0;
    // The groups near an area, looked up once a pass per area.
    let mut areas: std::collections::HashMap<i64, Vec<(String, u8, u8)>> = Default::default();
    for row in rows {
        let id: String = row.try_get("id")?;
        let pc4: i64 = row.try_get("pc4")?;
        let Some(here) = u16::try_from(pc4)
            .ok()
            .and_then(|p| crate::groups::model::Postcode::parse(&p.to_string()))
            .and_then(crate::groups::postcodes::centroid)
        else {
            continue;
        };
        let seen: String = row.try_get("seen_groups")?;
        let seen: Vec<&str> = seen.split(',').collect();
        let near = match areas.get(&pc4) {
            Some(near) => near.clone(),
            None => {
                let near = near_groups(db, here.lat, here.lon).await?;
                areas.insert(pc4, near.clone());
                near
            }
        };
        // A new group: the nearest whose ages fit the child (when the age was given), else the
        // nearest.
        let age: Option<i64> = row.try_get("child_age")?;
        let new: Vec<&(String, u8, u8)> = near
            .iter()
            .filter(|g| !seen.contains(&g.0.as_str()))
            .collect();
        let fits = |g: &&&(String, u8, u8)| {
            age.is_none_or(|a| (i64::from(g.1)..=i64::from(g.2)).contains(&a))
        };
        let Some((group, _, _)) = new.iter().find(fits).or(new.first()).copied() else {
            continue;
        };
        let email: String = row.try_get("email")?;
        let lang = Lang::parse(&row.try_get::<String, _>("lang")?).unwrap_or(Lang::Nl);
        let mut tx = db.pool.begin().await?;
        let gone =
            sqlx::query("DELETE FROM group_interest WHERE id = $1 AND confirmed_at IS NOT NULL")
                .bind(&id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if gone == 1 {
            let link = format!("/groups/{group}");
            outbox::enqueue(&mut tx, db.now(), &email, lang, Kind::NotifyGroup, &link).await?;
            sent += 1;
        }
        tx.commit().await?;
    }
    Ok(sent)
}

/// Retention: unconfirmed rows after 48 hours, every row after `max_days`.
pub async fn purge(db: &Db, max_days: i64) -> Result<u64, sqlx::Error> {
    let now = db.now();
    let unconfirmed =
        sqlx::query("DELETE FROM group_interest WHERE confirmed_at IS NULL AND created_at < $1")
            .bind(now - UNCONFIRMED_HOURS * 3600)
            .execute(&db.pool)
            .await?
            .rows_affected();
    let old = sqlx::query("DELETE FROM group_interest WHERE created_at < $1")
        .bind(now - max_days * 86_400)
        .execute(&db.pool)
        .await?
        .rows_affected();
    Ok(unconfirmed + old)
}

/// Confirmed addresses waiting per PC4 area (numbers only), most first.
pub async fn waiting_per_area(db: &Db) -> Result<Vec<(u16, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT pc4, COUNT(*) AS n FROM group_interest WHERE confirmed_at IS NOT NULL \
         GROUP BY pc4 ORDER BY n DESC, pc4",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let pc4: i64 = r.try_get("pc4")?;
            Ok((u16::try_from(pc4).unwrap_or(0), r.try_get::<i64, _>("n")?))
        })
        .collect()
}

/// How many rows there are (tests and the coordinator's totals).
pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) AS n FROM group_interest")
        .fetch_one(&db.pool)
        .await?
        .try_get("n")
}
