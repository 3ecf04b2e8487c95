//! The anonymous facts behind the pilot report, and the rows the dashboard adds up.
use sqlx::Row;

use super::model::{month_of, HeldMeetup, HelpFact, JoinFact, Month, Period};
use crate::db::Db;

type Tx<'a> = sqlx::Transaction<'a, sqlx::Any>;

/// A join request came in: its month and the municipality of the group.
pub async fn join_fact(
    tx: &mut Tx<'_>,
    fact: &str,
    group_id: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let statement = sqlx::query(
        "INSERT INTO join_facts (id, month, municipality) SELECT $1, $2, municipality FROM peer_groups WHERE id = $3",
    )
    .bind(fact)
    .bind(month_of(now).to_string())
    .bind(group_id);
    Db::run_in(tx, statement).await
}

/// Who sent the parent (a kind of source) and whether a child of 4 or older was named, on the
/// join request's transaction.
pub async fn join_fact_origin(
    tx: &mut Tx<'_>,
    fact: &str,
    referral: &str,
    child_four_plus: bool,
) -> Result<(), sqlx::Error> {
    let statement =
        sqlx::query("UPDATE join_facts SET referral = $1, child_four_plus = $2 WHERE id = $3")
            .bind(referral)
            .bind(child_four_plus as i64)
            .bind(fact);
    Db::run_in(tx, statement).await
}

/// A facilitator moved a request on: the first time it is "contacted" (or "joined") the delay
/// is kept; "joined" is kept.
pub async fn join_progress(db: &Db, request_id: &str, status: &str) -> Result<(), sqlx::Error> {
    if status != "contacted" && status != "joined" {
        return Ok(());
    }
    let statement = sqlx::query(
        "UPDATE join_facts SET \
         contacted_after = COALESCE(contacted_after, $1 - (SELECT created_at FROM join_requests WHERE id = $2)), \
         joined = CASE WHEN $3 = 1 THEN 1 ELSE joined END \
         WHERE id = (SELECT fact_id FROM join_requests WHERE id = $2)",
    )
    .bind(db.now())
    .bind(request_id)
    .bind(i64::from(status == "joined"));
    db.run(statement).await
}

pub async fn help_fact(
    tx: &mut Tx<'_>,
    fact: &str,
    theme: &str,
    language: &str,
    interpreter: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    let statement = sqlx::query(
        "INSERT INTO help_facts (id, month, theme, language, interpreter) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(fact)
    .bind(month_of(now).to_string())
    .bind(theme)
    .bind(language)
    .bind(interpreter);
    Db::run_in(tx, statement).await
}

/// The first answer of a helper: the delay is kept once.
pub async fn help_replied(tx: &mut Tx<'_>, request_id: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE help_facts SET first_reply_after = \
         (SELECT first_reply_at - created_at FROM help_requests WHERE id = $1) \
         WHERE id = (SELECT fact_id FROM help_requests WHERE id = $1) AND first_reply_after IS NULL",
    )
    .bind(request_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A held meetup as the query reads it: start, group, adults, children, municipality, theme.
type HeldRow = (
    i64,
    String,
    Option<i64>,
    Option<i64>,
    String,
    Option<String>,
);

pub async fn held_meetups(db: &Db, period: Period) -> Result<Vec<HeldMeetup>, sqlx::Error> {
    let (from, to) = period.unix_range();
    let to = to.min(db.now());
    let rows: Vec<HeldRow> = sqlx::query_as(
        "SELECT m.starts_at, m.group_id, m.attended_adults, m.attended_children, g.municipality, \
         m.theme FROM meetups m JOIN peer_groups g ON g.id = m.group_id \
         WHERE m.cancelled = 0 AND m.starts_at >= $1 AND m.starts_at < $2",
    )
    .bind(from)
    .bind(to)
    .fetch_all(&db.pool)
    .await?;
    let held = rows.into_iter().map(
        |(starts_at, group_id, adults, children, municipality, theme)| HeldMeetup {
            month: month_of(starts_at),
            municipality,
            group_id,
            adults,
            children,
            theme,
        },
    );
    Ok(held.collect())
}

fn month_column(row: &sqlx::any::AnyRow) -> Result<Month, sqlx::Error> {
    Month::parse(&row.try_get::<String, _>("month")?)
        .ok_or_else(|| sqlx::Error::Decode("bad month".into()))
}

/// The facts of one kind in a period (`sql` selects from its table with `month` as $1..$2).
async fn facts_in<T>(
    db: &Db,
    sql: &str,
    period: Period,
    row: impl Fn(&sqlx::any::AnyRow) -> Result<T, sqlx::Error>,
) -> Result<Vec<T>, sqlx::Error> {
    sqlx::query(sql)
        .bind(period.from.to_string())
        .bind(period.to.to_string())
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(row)
        .collect()
}

pub async fn join_facts(db: &Db, period: Period) -> Result<Vec<JoinFact>, sqlx::Error> {
    let sql = "SELECT month, municipality, contacted_after, joined, referral, child_four_plus \
               FROM join_facts WHERE month >= $1 AND month <= $2";
    facts_in(db, sql, period, |r| {
        Ok(JoinFact {
            month: month_column(r)?,
            municipality: r.try_get("municipality")?,
            contacted_after: r.try_get("contacted_after")?,
            joined: r.try_get::<i64, _>("joined")? != 0,
            referral: r.try_get("referral")?,
            child_four_plus: r.try_get::<i64, _>("child_four_plus")? != 0,
        })
    })
    .await
}

pub async fn help_facts(db: &Db, period: Period) -> Result<Vec<HelpFact>, sqlx::Error> {
    let sql = "SELECT month, theme, language, first_reply_after, interpreter FROM help_facts \
               WHERE month >= $1 AND month <= $2";
    facts_in(db, sql, period, |r| {
        Ok(HelpFact {
            month: month_column(r)?,
            theme: r.try_get("theme")?,
            language: r.try_get("language")?,
            first_reply_after: r.try_get("first_reply_after")?,
            interpreter: r.try_get("interpreter")?,
        })
    })
    .await
}

/// (guide, views, helped yes, helped no) over the period.
pub async fn guide_totals(
    db: &Db,
    period: Period,
) -> Result<Vec<(String, i64, i64, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT guide, CAST(SUM(views) AS BIGINT) AS v, CAST(SUM(helped_yes) AS BIGINT) AS y, \
         CAST(SUM(helped_no) AS BIGINT) AS n FROM guide_stats WHERE day >= $1 AND day < $2 \
         GROUP BY guide ORDER BY guide",
    )
    .bind(format!("{}-01", period.from))
    .bind(format!("{}-01", period.to.next()))
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("guide")?,
                r.try_get("v")?,
                r.try_get("y")?,
                r.try_get("n")?,
            ))
        })
        .collect()
}

/// (PC4, searches) that found no group within 10 km, over the period.
pub async fn search_misses(db: &Db, period: Period) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let (from, to) = period.day_range();
    let rows = sqlx::query(
        "SELECT pc4, CAST(SUM(searches) AS BIGINT) AS s FROM search_misses WHERE day >= $1 AND day < $2 \
         GROUP BY pc4 ORDER BY s DESC, pc4",
    )
    .bind(from)
    .bind(to)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("pc4")?, r.try_get("s")?)))
        .collect()
}

/// Counts older than `months` months are deleted: the pilot report needs 18, the council may
/// ask for a comparison year (`retention::STATS_MONTHS`).
pub async fn purge(db: &Db, months: u32) -> Result<u64, sqlx::Error> {
    let cutoff = month_of(db.now()).minus(months);
    let day = format!("{cutoff}-01");
    let day_number = cutoff.first_day();
    let mut deleted = 0;
    for (sql, value) in [
        (
            "DELETE FROM join_facts WHERE month < $1",
            cutoff.to_string(),
        ),
        (
            "DELETE FROM help_facts WHERE month < $1",
            cutoff.to_string(),
        ),
        ("DELETE FROM guide_stats WHERE day < $1", day),
    ] {
        deleted += sqlx::query(sql)
            .bind(value)
            .execute(&db.pool)
            .await?
            .rows_affected();
    }
    deleted += sqlx::query("DELETE FROM search_misses WHERE day < $1")
        .bind(day_number)
        .execute(&db.pool)
        .await?
        .rows_affected();
    Ok(deleted)
}
