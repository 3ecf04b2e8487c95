//! Every SQL statement of the guides: anonymous counts per guide and day, and local help.
use sqlx::any::AnyRow;
use sqlx::Row;

use super::model::{LocalEntry, LocalInput};
use crate::db::{new_id, Db};

/// The local date ("2026-11-23") in Amsterdam: counts are kept per day, nothing finer.
pub fn day_of(unix: i64) -> String {
    let d = crate::time::to_local(unix);
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// What a count adds to a guide's row for today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    View,
    Helped,
    NotHelped,
}

pub async fn count(db: &Db, guide: &str, what: Count) -> Result<(), sqlx::Error> {
    let (v, y, n): (i64, i64, i64) = match what {
        Count::View => (1, 0, 0),
        Count::Helped => (0, 1, 0),
        Count::NotHelped => (0, 0, 1),
    };
    let statement = sqlx::query(
        "INSERT INTO guide_stats (guide, day, views, helped_yes, helped_no) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (guide, day) DO UPDATE SET views = guide_stats.views + $3, \
         helped_yes = guide_stats.helped_yes + $4, helped_no = guide_stats.helped_no + $5",
    )
    .bind(guide)
    .bind(day_of(db.now()))
    .bind(v)
    .bind(y)
    .bind(n);
    db.run(statement).await
}

const COLUMNS: &str =
    "id, municipality, guide, step, name, hours, phone, address, website, example, checked_at";

fn entry(row: &AnyRow) -> Result<LocalEntry, sqlx::Error> {
    Ok(LocalEntry {
        id: row.try_get("id")?,
        municipality: row.try_get("municipality")?,
        guide: row.try_get("guide")?,
        step: row.try_get("step")?,
        name: row.try_get("name")?,
        hours: row.try_get("hours")?,
        phone: row.try_get("phone")?,
        address: row.try_get("address")?,
        website: row.try_get("website")?,
        example: row.try_get::<i64, _>("example")? != 0,
        checked_at: row.try_get("checked_at")?,
    })
}

/// The entries in use that match `filter` (a condition and an order, with `$n` for `values`).
async fn entries(db: &Db, filter: &str, values: &[&str]) -> Result<Vec<LocalEntry>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM local_help WHERE retired_at IS NULL {filter}");
    let mut query = sqlx::query(&sql);
    for value in values {
        query = query.bind(*value);
    }
    query.fetch_all(&db.pool).await?.iter().map(entry).collect()
}

/// The entries a parent sees on a guide for one municipality.
pub async fn for_guide(
    db: &Db,
    municipality: &str,
    guide: &str,
) -> Result<Vec<LocalEntry>, sqlx::Error> {
    let filter = "AND municipality = $1 AND guide = $2 ORDER BY step, name";
    entries(db, filter, &[municipality, guide]).await
}

/// Every entry in use, the longest unchecked first.
pub async fn active(db: &Db) -> Result<Vec<LocalEntry>, sqlx::Error> {
    entries(db, "ORDER BY checked_at, municipality, guide, step", &[]).await
}

pub async fn by_id(db: &Db, id: &str) -> Result<Option<LocalEntry>, sqlx::Error> {
    Ok(entries(db, "AND id = $1", &[id]).await?.pop())
}

type Statement<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// `$1` the id, `$2`…`$10` the entry as the coordinator typed it, `$11` the time of checking:
/// the same order for a new entry and an edit.
fn bind_entry<'q>(sql: &'q str, id: &'q str, e: &'q LocalInput, now: i64) -> Statement<'q> {
    sqlx::query(sql)
        .bind(id)
        .bind(&e.municipality)
        .bind(&e.guide)
        .bind(&e.step)
        .bind(&e.name)
        .bind(&e.hours)
        .bind(&e.phone)
        .bind(&e.address)
        .bind(&e.website)
        .bind(e.example as i64)
        .bind(now)
}

/// A new entry, checked today.
pub async fn create(db: &Db, input: &LocalInput) -> Result<String, sqlx::Error> {
    let id = new_id();
    let sql = "INSERT INTO local_help (id, municipality, guide, step, name, hours, phone, \
               address, website, example, checked_at, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)";
    bind_entry(sql, &id, input, db.now())
        .execute(&db.pool)
        .await?;
    Ok(id)
}

/// Saving an edit counts as checking it.
pub async fn update(db: &Db, id: &str, input: &LocalInput) -> Result<bool, sqlx::Error> {
    let sql = "UPDATE local_help SET municipality = $2, guide = $3, step = $4, name = $5, \
               hours = $6, phone = $7, address = $8, website = $9, example = $10, \
               checked_at = $11 WHERE id = $1 AND retired_at IS NULL";
    db.changed_one(bind_entry(sql, id, input, db.now())).await
}

/// What the coordinator can stamp on a local entry with the time of now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stamp {
    /// "Still right": checked today.
    Checked,
    /// No longer shown; kept for the record of what was offered.
    Retired,
}

impl Stamp {
    pub fn parse(s: &str) -> Option<Stamp> {
        match s {
            "checked" => Some(Stamp::Checked),
            "retire" => Some(Stamp::Retired),
            _ => None,
        }
    }
    pub fn action(self) -> &'static str {
        match self {
            Stamp::Checked => "local-help-checked",
            Stamp::Retired => "local-help-retire",
        }
    }
}

/// Stamps a live entry; false when there is none.
pub async fn stamp(db: &Db, id: &str, what: Stamp) -> Result<bool, sqlx::Error> {
    let sql = match what {
        Stamp::Checked => {
            "UPDATE local_help SET checked_at = $2 WHERE id = $1 AND retired_at IS NULL"
        }
        Stamp::Retired => {
            "UPDATE local_help SET retired_at = $2 WHERE id = $1 AND retired_at IS NULL"
        }
    };
    db.changed_one(sqlx::query(sql).bind(id).bind(db.now()))
        .await
}
