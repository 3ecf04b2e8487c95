use sqlx::Row;

use super::MeetupSummary;
use crate::db::Db;

/// Meetups from now on, cancelled ones included (people who planned to come must see it).
pub async fn upcoming_for_group(
    db: &Db,
    group_id: &str,
) -> Result<Vec<MeetupSummary>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, starts_at, ends_at, place, capacity, cancelled FROM meetups \
         WHERE group_id = $1 AND ends_at >= $2 ORDER BY starts_at LIMIT 8",
    )
    .bind(group_id)
    .bind(db.now())
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(MeetupSummary {
                id: r.try_get("id")?,
                starts_at: r.try_get("starts_at")?,
                ends_at: r.try_get("ends_at")?,
                place: r.try_get("place")?,
                capacity: r.try_get::<i64, _>("capacity")?.max(0) as u32,
                cancelled: r.try_get::<i64, _>("cancelled")? != 0,
            })
        })
        .collect()
}

pub async fn insert(
    db: &Db,
    group_id: &str,
    starts_at: i64,
    ends_at: i64,
    place: &str,
    capacity: u32,
) -> Result<String, sqlx::Error> {
    let id = crate::db::new_id();
    sqlx::query(
        "INSERT INTO meetups (id, group_id, starts_at, ends_at, place, capacity, cancelled, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 0, $7)",
    )
    .bind(&id)
    .bind(group_id)
    .bind(starts_at)
    .bind(ends_at)
    .bind(place)
    .bind(capacity as i64)
    .bind(db.now())
    .execute(&db.pool)
    .await?;
    Ok(id)
}
