//! Every SQL statement of partners: the partners themselves, their monthly counts, the accounts
//! that work for one, and warm handovers.
use sqlx::any::AnyRow;
use sqlx::Row;

use super::model::{
    ref_in_cookies, HandoverRow, Member, Partner, PartnerInput, PartnerKind, PartnerMonth,
};
use crate::db::{Db, Stored};

type Tx<'a> = sqlx::Transaction<'a, sqlx::Any>;

const COLUMNS: &str = "id, slug, name, kind, contact, active";

fn partner(r: &AnyRow) -> Result<Partner, sqlx::Error> {
    Ok(Partner {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        name: r.try_get("name")?,
        kind: PartnerKind::parse(&r.try_get::<String, _>("kind")?)
            .ok_or_else(|| sqlx::Error::Decode("bad partner kind".into()))?,
        contact: r.try_get("contact")?,
        active: r.try_get::<i64, _>("active")? != 0,
    })
}

async fn one(db: &Db, sql: &str, value: &str) -> Result<Option<Partner>, sqlx::Error> {
    let row = sqlx::query(sql)
        .bind(value)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(partner).transpose()
}

/// Every partner, the active ones first, by name.
pub async fn all(db: &Db) -> Result<Vec<Partner>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM partners ORDER BY active DESC, name, slug");
    let rows = sqlx::query(&sql).fetch_all(&db.pool).await?;
    rows.iter().map(partner).collect()
}

/// The partners that can send parents now, by name.
pub async fn active(db: &Db) -> Result<Vec<Partner>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM partners WHERE active = 1 ORDER BY name, slug");
    let rows = sqlx::query(&sql).fetch_all(&db.pool).await?;
    rows.iter().map(partner).collect()
}

pub async fn by_id(db: &Db, id: &str) -> Result<Option<Partner>, sqlx::Error> {
    one(
        db,
        &format!("SELECT {COLUMNS} FROM partners WHERE id = $1"),
        id,
    )
    .await
}

/// A partner by its address name, active or stopped.
pub async fn by_slug(db: &Db, slug: &str) -> Result<Option<Partner>, sqlx::Error> {
    one(
        db,
        &format!("SELECT {COLUMNS} FROM partners WHERE slug = $1"),
        slug,
    )
    .await
}

pub async fn active_by_slug(db: &Db, slug: &str) -> Result<Option<Partner>, sqlx::Error> {
    Ok(by_slug(db, slug).await?.filter(|p| p.active))
}

/// The active partner whose link brought this visitor (the `ref` cookie), if any.
pub async fn referring(
    db: &Db,
    headers: &axum::http::HeaderMap,
) -> Result<Option<Partner>, sqlx::Error> {
    let slug = headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(ref_in_cookies);
    match slug {
        Some(slug) => active_by_slug(db, slug.as_str()).await,
        None => Ok(None),
    }
}

/// What became of a new or changed partner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    Done(String),
    /// Another partner has this address name.
    SlugTaken,
    NotFound,
}

pub async fn create(db: &Db, input: &PartnerInput) -> Result<Saved, sqlx::Error> {
    let id = crate::db::new_id();
    let done = sqlx::query(
        "INSERT INTO partners (id, slug, name, kind, contact, active, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, 1, $6, $6) ON CONFLICT (slug) DO NOTHING",
    )
    .bind(&id)
    .bind(input.slug.as_str())
    .bind(&input.name)
    .bind(input.kind.as_str())
    .bind(&input.contact)
    .bind(db.now())
    .execute(&db.pool)
    .await?;
    Ok(if done.rows_affected() == 1 {
        Saved::Done(id)
    } else {
        Saved::SlugTaken
    })
}

pub async fn update(db: &Db, id: &str, input: &PartnerInput) -> Result<Saved, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let taken: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM partners WHERE slug = $1 AND id <> $2")
            .bind(input.slug.as_str())
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
    if taken > 0 {
        return Ok(Saved::SlugTaken);
    }
    let done = sqlx::query(
        "UPDATE partners SET slug = $1, name = $2, kind = $3, contact = $4, updated_at = $5 \
         WHERE id = $6",
    )
    .bind(input.slug.as_str())
    .bind(&input.name)
    .bind(input.kind.as_str())
    .bind(&input.contact)
    .bind(db.now())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(if done.rows_affected() == 1 {
        Saved::Done(id.to_string())
    } else {
        Saved::NotFound
    })
}

/// Stops a partner (its link leads home and counts nothing) or starts it again.
pub async fn set_active(db: &Db, id: &str, active: bool) -> Result<bool, sqlx::Error> {
    db.changed_one(
        sqlx::query("UPDATE partners SET active = $1, updated_at = $2 WHERE id = $3")
            .bind(i64::from(active))
            .bind(db.now())
            .bind(id),
    )
    .await
}

/// Demo data: a partner when none has this address name yet.
pub async fn ensure(db: &Db, input: &PartnerInput) -> Result<(), sqlx::Error> {
    create(db, input).await.map(drop)
}

// ---- Monthly counts: per partner and month, never per person.

fn month_now(now: i64) -> String {
    crate::monitoring::model::month_of(now).to_string()
}

/// One visit through a partner's link this month.
pub async fn count_visit(db: &Db, partner_id: &str) -> Result<(), sqlx::Error> {
    db.run(
        sqlx::query(
            "INSERT INTO partner_counts (partner_id, month, visits, join_requests) \
             VALUES ($1, $2, 1, 0) ON CONFLICT (partner_id, month) \
             DO UPDATE SET visits = partner_counts.visits + 1",
        )
        .bind(partner_id)
        .bind(month_now(db.now())),
    )
    .await
}

/// One join request through a partner this month, on the join request's transaction.
pub async fn count_join_in(tx: &mut Tx<'_>, partner_id: &str, now: i64) -> Result<(), sqlx::Error> {
    let statement = sqlx::query(
        "INSERT INTO partner_counts (partner_id, month, visits, join_requests) \
         VALUES ($1, $2, 0, 1) ON CONFLICT (partner_id, month) \
         DO UPDATE SET join_requests = partner_counts.join_requests + 1",
    )
    .bind(partner_id)
    .bind(month_now(now));
    Db::run_in(tx, statement).await
}

/// The counts of every partner in the months `from` to `to` ("2026-01"), by month and name.
pub async fn monthly(db: &Db, from: &str, to: &str) -> Result<Vec<PartnerMonth>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT c.month, p.name, c.visits, c.join_requests FROM partner_counts c \
         JOIN partners p ON p.id = c.partner_id WHERE c.month >= $1 AND c.month <= $2 \
         ORDER BY c.month, p.name",
    )
    .bind(from)
    .bind(to)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(PartnerMonth {
                month: r.try_get("month")?,
                partner: r.try_get("name")?,
                visits: r.try_get("visits")?,
                join_requests: r.try_get("join_requests")?,
            })
        })
        .collect()
}

// ---- Accounts that work for a partner.

fn member(r: &AnyRow) -> Result<Member, sqlx::Error> {
    Ok(Member {
        id: r.try_get("id")?,
        name: r.try_get("display_name")?,
        email: r.try_get("email")?,
    })
}

/// The active accounts that work for this partner.
pub async fn members(db: &Db, partner_id: &str) -> Result<Vec<Member>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT a.id, a.display_name, a.email FROM partner_members m \
         JOIN accounts a ON a.id = m.account_id WHERE m.partner_id = $1 AND a.active = 1 \
         ORDER BY a.display_name",
    )
    .bind(partner_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(member).collect()
}

/// Active accounts of the role `partner` that work for no partner yet.
pub async fn unlinked(db: &Db) -> Result<Vec<Member>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT a.id, a.display_name, a.email FROM accounts a \
         WHERE a.role = 'partner' AND a.active = 1 \
         AND NOT EXISTS (SELECT 1 FROM partner_members m WHERE m.account_id = a.id) \
         ORDER BY a.display_name",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(member).collect()
}

/// Links an active `partner` account to a partner (one partner per account).
pub async fn link(db: &Db, partner_id: &str, account_id: &str) -> Result<bool, sqlx::Error> {
    db.changed_one(
        sqlx::query(
            "INSERT INTO partner_members (account_id, partner_id) \
             SELECT a.id, p.id FROM accounts a, partners p \
             WHERE a.id = $1 AND a.role = 'partner' AND a.active = 1 AND p.id = $2 \
             ON CONFLICT (account_id) DO NOTHING",
        )
        .bind(account_id)
        .bind(partner_id),
    )
    .await
}

pub async fn unlink(db: &Db, partner_id: &str, account_id: &str) -> Result<bool, sqlx::Error> {
    db.changed_one(
        sqlx::query("DELETE FROM partner_members WHERE account_id = $1 AND partner_id = $2")
            .bind(account_id)
            .bind(partner_id),
    )
    .await
}

/// The partner an account works for (any state: a stopped partner hands over nothing).
pub async fn partner_of(db: &Db, account_id: &str) -> Result<Option<Partner>, sqlx::Error> {
    let sql = format!(
        "SELECT {} FROM partners p JOIN partner_members m ON m.partner_id = p.id \
         WHERE m.account_id = $1",
        COLUMNS
            .split(", ")
            .map(|c| format!("p.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    one(db, &sql, account_id).await
}

// ---- Warm handovers.

/// The groups a handover can go to: every active group, by place and name.
pub async fn group_choices(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT id, name, municipality, online FROM peer_groups WHERE active = 1 \
         ORDER BY online, municipality, name LIMIT 1000",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, place, online)| {
            let place = if online != 0 {
                "Online".to_string()
            } else {
                place
            };
            (id, format!("{name} ({place})"))
        })
        .collect())
}

/// A join request made with the parent next to the professional, and its handover row, in one
/// transaction. The same form again stores nothing new.
pub async fn hand_over(
    db: &Db,
    made_by: &str,
    partner_id: &str,
    group_id: &str,
    token: &str,
    input: &crate::groups::join::JoinInput,
) -> Result<(Stored, Option<String>), sqlx::Error> {
    let now = db.now();
    let mut tx = db.pool.begin().await?;
    let (stored, request) = crate::groups::store::insert_join_request_in(
        &mut tx,
        now,
        group_id,
        token,
        input,
        Some(partner_id),
    )
    .await?;
    let Some(request) = request else {
        tx.commit().await?;
        return Ok((stored, None));
    };
    let statement = sqlx::query(
        "INSERT INTO handovers (id, partner_id, made_by, request_id, group_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(crate::db::new_id())
    .bind(partner_id)
    .bind(made_by)
    .bind(&request)
    .bind(group_id)
    .bind(now);
    Db::run_in(&mut tx, statement).await?;
    tx.commit().await?;
    Ok((stored, Some(request)))
}

/// The handovers this account made, newest first: when, which partner and group, the status.
/// Never a name or a contact.
pub async fn handovers_by(db: &Db, account_id: &str) -> Result<Vec<HandoverRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT h.created_at, p.name AS partner_name, g.name AS group_name, j.status \
         FROM handovers h JOIN partners p ON p.id = h.partner_id \
         JOIN peer_groups g ON g.id = h.group_id \
         LEFT JOIN join_requests j ON j.id = h.request_id \
         WHERE h.made_by = $1 ORDER BY h.created_at DESC LIMIT 200",
    )
    .bind(account_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(HandoverRow {
                created_at: r.try_get("created_at")?,
                partner_name: r.try_get("partner_name")?,
                group_name: r.try_get("group_name")?,
                status: r.try_get("status")?,
            })
        })
        .collect()
}

/// Retention: monthly counts go after `months` months (with the other anonymous counts), a
/// handover row after `days` days (its join request is gone by then).
pub async fn purge(db: &Db, months: u32, days: i64) -> Result<u64, sqlx::Error> {
    let cutoff = crate::monitoring::model::month_of(db.now())
        .minus(months)
        .to_string();
    let counts = sqlx::query("DELETE FROM partner_counts WHERE month < $1")
        .bind(cutoff)
        .execute(&db.pool)
        .await?
        .rows_affected();
    let handovers = db
        .purge_older("DELETE FROM handovers WHERE created_at < $1", days)
        .await?;
    Ok(counts + handovers)
}
