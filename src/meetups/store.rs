use sqlx::Row;

use super::store_types::ManagedMeetup;
use super::MeetupSummary;
use crate::db::Db;
use crate::i18n::Lang;
use crate::mail::Kind;
use crate::security::tokens::{open_token, seal_token};
use crate::web::form::EmailAddress;

/// Meetups from now on, cancelled ones included (people who planned to come must see it).
pub async fn upcoming_for_group(
    db: &Db,
    group_id: &str,
) -> Result<Vec<MeetupSummary>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, starts_at, ends_at, place, capacity, cancelled, theme, kind, guest FROM meetups \
         WHERE group_id = $1 AND ends_at >= $2 ORDER BY starts_at LIMIT 8",
    )
    .bind(group_id)
    .bind(db.now())
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(summary).collect()
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

fn summary(r: &sqlx::any::AnyRow) -> Result<MeetupSummary, sqlx::Error> {
    Ok(MeetupSummary {
        id: r.try_get("id")?,
        starts_at: r.try_get("starts_at")?,
        ends_at: r.try_get("ends_at")?,
        place: r.try_get("place")?,
        capacity: r.try_get::<i64, _>("capacity")?.max(0) as u32,
        cancelled: r.try_get::<i64, _>("cancelled")? != 0,
        theme: r
            .try_get::<Option<String>, _>("theme")?
            .as_deref()
            .and_then(super::model::Theme::parse),
        kind: super::model::MeetupKind::parse(&r.try_get::<String, _>("kind")?).unwrap_or_default(),
        guest: r.try_get("guest")?,
    })
}

/// Sets a meetup's theme, kind and guest line. The finder filters groups on the themes of
/// their coming meetups, so this raises `finder_version` in the same transaction.
pub async fn set_theme(
    db: &Db,
    id: &str,
    theme: Option<super::model::Theme>,
    kind: super::model::MeetupKind,
    guest: &str,
) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    sqlx::query("UPDATE meetups SET theme = $1, kind = $2, guest = $3 WHERE id = $4")
        .bind(theme.map(|t| t.as_str()))
        .bind(kind.as_str())
        .bind(guest)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    crate::groups::store::finder::bump_version(&mut *tx).await?;
    tx.commit().await?;
    crate::groups::store::finder::mark_stale(db);
    Ok(())
}

/// People (adults and children) with a place, not on the waiting list.
async fn taken<'c, E: sqlx::Executor<'c, Database = sqlx::Any>>(
    executor: E,
    meetup_id: &str,
) -> Result<u32, sqlx::Error> {
    let n: Option<i64> = sqlx::query_scalar(
        "SELECT CAST(SUM(adults + children) AS BIGINT) FROM rsvps WHERE meetup_id = $1 AND waiting = 0",
    )
    .bind(meetup_id)
    .fetch_one(executor)
    .await?;
    Ok(n.unwrap_or(0).max(0) as u32)
}

/// A meetup of an active group.
pub async fn detail(db: &Db, id: &str) -> Result<Option<super::MeetupDetail>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT m.id, m.starts_at, m.ends_at, m.place, m.capacity, m.cancelled, m.theme, m.kind, \
         m.guest, g.id AS group_id, \
         g.name AS group_name FROM meetups m JOIN peer_groups g ON g.id = m.group_id \
         WHERE m.id = $1 AND g.active = 1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let meetup = summary(&row)?;
    let taken = taken(&db.pool, id).await?;
    Ok(Some(super::MeetupDetail {
        meetup,
        group_id: row.try_get("group_id")?,
        group_name: row.try_get("group_name")?,
        taken,
    }))
}

/// What the sealed private link of an RSVP is sealed for (see `security::tokens::seal_token`).
const RSVP_LINK: &str = "rsvp-link";

/// Stores an RSVP under a token the server made; on the waiting list when the party does not
/// fit. A repeated post of the same form stores nothing. With an e-mail address, the address,
/// the page language and the private link (sealed) are kept on the row, to mail news.
pub async fn insert_rsvp(
    db: &Db,
    meetup_id: &str,
    token: &str,
    input: &super::model::RsvpInput,
    lang: Lang,
) -> Result<crate::db::Stored, sqlx::Error> {
    use crate::db::Stored;
    let id = crate::db::new_id();
    let sealed = match &input.email {
        Some(_) => seal_token(&db.pepper().await?, RSVP_LINK, &id, token),
        None => None,
    };
    let email = input.email.as_ref().map(EmailAddress::as_str);
    let mut tx = db.pool.begin().await?;
    // A no-op write first: it locks the meetup (row lock in PostgreSQL, write lock in SQLite),
    // so two parents cannot both take the last place.
    sqlx::query("UPDATE meetups SET capacity = capacity WHERE id = $1")
        .bind(meetup_id)
        .execute(&mut *tx)
        .await?;
    let capacity: i64 = sqlx::query_scalar("SELECT capacity FROM meetups WHERE id = $1")
        .bind(meetup_id)
        .fetch_one(&mut *tx)
        .await?;
    let used = taken(&mut *tx, meetup_id).await?;
    let waiting = !super::model::fits(capacity.max(0) as u32, used, input.people());
    let done = sqlx::query(
        "INSERT INTO rsvps (id, meetup_id, token_hash, first_name, adults, children, waiting, \
         created_at, email, lang, link_sealed) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (token_hash) DO NOTHING",
    )
    .bind(&id)
    .bind(meetup_id)
    .bind(crate::security::tokens::hash_token(token))
    .bind(&input.first_name)
    .bind(input.adults as i64)
    .bind(input.children as i64)
    .bind(waiting as i64)
    .bind(db.now())
    .bind(email)
    .bind(lang.code())
    .bind(sealed)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 1 {
        tx.commit().await?;
        return Ok(Stored::New);
    }
    let same: Option<(String, String, i64, i64, Option<String>)> = sqlx::query_as(
        "SELECT meetup_id, first_name, adults, children, email FROM rsvps WHERE token_hash = $1",
    )
    .bind(crate::security::tokens::hash_token(token))
    .fetch_optional(&mut *tx)
    .await?;
    tx.commit().await?;
    let mine = (
        meetup_id,
        input.first_name.as_str(),
        input.adults as i64,
        input.children as i64,
        email,
    );
    Ok(match same {
        Some((m, n, a, c, e)) if (m.as_str(), n.as_str(), a, c, e.as_deref()) == mine => {
            Stored::Again
        }
        _ => Stored::Taken,
    })
}

pub async fn rsvp_view(
    db: &Db,
    token: &str,
) -> Result<Option<super::model::RsvpView>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT m.id, m.starts_at, m.ends_at, m.place, m.capacity, m.cancelled, m.theme, m.kind, \
         m.guest, g.name AS group_name, r.first_name, r.adults, r.children, r.waiting, r.moved, \
         r.email, r.changed FROM rsvps r \
         JOIN meetups m ON m.id = r.meetup_id JOIN peer_groups g ON g.id = m.group_id \
         WHERE r.token_hash = $1",
    )
    .bind(crate::security::tokens::hash_token(token))
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(super::model::RsvpView {
            meetup: summary(&r)?,
            group_name: r.try_get("group_name")?,
            first_name: r.try_get("first_name")?,
            adults: r.try_get::<i64, _>("adults")?.clamp(0, 255) as u8,
            children: r.try_get::<i64, _>("children")?.clamp(0, 255) as u8,
            waiting: r.try_get::<i64, _>("waiting")? != 0,
            moved: r
                .try_get::<Option<String>, _>("moved")?
                .as_deref()
                .and_then(super::model::Moved::parse),
            mails: r.try_get::<Option<String>, _>("email")?.is_some(),
            changed: r
                .try_get::<Option<String>, _>("changed")?
                .as_deref()
                .and_then(super::model::Changed::parse),
        })
    })
    .transpose()
}

/// The columns of an RSVP row that moves, with what is needed to mail its parent.
const MOVING: &str = "id, adults + children AS people, email, lang, link_sealed";

/// An RSVP that moved, or whose meetup was cancelled, and how to tell its parent (if they
/// left an address).
struct Change {
    id: String,
    people: u32,
    email: Option<String>,
    lang: String,
    link_sealed: Option<String>,
}

impl Change {
    fn of(r: &sqlx::any::AnyRow) -> Result<Change, sqlx::Error> {
        Ok(Change {
            id: r.try_get("id")?,
            people: r.try_get::<i64, _>("people")?.max(0) as u32,
            email: r.try_get("email")?,
            lang: r.try_get("lang")?,
            link_sealed: r.try_get("link_sealed")?,
        })
    }
}

/// Queues one mail per parent who left an address, on the change's own transaction. The link
/// is their RSVP page (the sealed private link, opened with the app's secret); if it cannot be
/// opened, the meetup's public page.
async fn mail_parents(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    now: i64,
    pepper: &str,
    meetup_id: &str,
    changes: &[Change],
    kind: Kind,
) -> Result<(), sqlx::Error> {
    for c in changes {
        let Some(email) = &c.email else { continue };
        let token = c
            .link_sealed
            .as_deref()
            .and_then(|s| open_token(pepper, RSVP_LINK, &c.id, s));
        let path = match token {
            Some(token) => format!("/rsvp/{token}"),
            None => format!("/meetups/{meetup_id}"),
        };
        let lang = Lang::parse(&c.lang).unwrap_or_default();
        crate::mail::outbox::enqueue(tx, now, email, lang, kind, &path).await?;
    }
    Ok(())
}

/// Locks the meetup (a no-op write) and reads its capacity; `None` when it is cancelled (its
/// lists no longer move).
async fn lock_open_meetup(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    meetup_id: &str,
) -> Result<Option<u32>, sqlx::Error> {
    sqlx::query("UPDATE meetups SET capacity = capacity WHERE id = $1")
        .bind(meetup_id)
        .execute(&mut **tx)
        .await?;
    let row: Option<(i64, i64)> =
        sqlx::query_as("SELECT capacity, cancelled FROM meetups WHERE id = $1")
            .bind(meetup_id)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(row
        .filter(|(_, cancelled)| *cancelled == 0)
        .map(|(capacity, _)| capacity.max(0) as u32))
}

/// Cancels an RSVP and gives freed places to the waiting list, first come first served; a
/// parent who moves up and left an address is mailed.
pub async fn cancel_rsvp(db: &Db, token: &str) -> Result<bool, sqlx::Error> {
    let pepper = db.pepper().await?;
    let mut tx = db.pool.begin().await?;
    let meetup_id: Option<String> =
        sqlx::query_scalar("SELECT meetup_id FROM rsvps WHERE token_hash = $1")
            .bind(crate::security::tokens::hash_token(token))
            .fetch_optional(&mut *tx)
            .await?;
    let Some(meetup_id) = meetup_id else {
        return Ok(false);
    };
    let capacity = lock_open_meetup(&mut tx, &meetup_id).await?;
    // Once the meetup has begun, a freed place helps nobody: nobody moves up (or is mailed).
    let starts_at: i64 = sqlx::query_scalar("SELECT starts_at FROM meetups WHERE id = $1")
        .bind(&meetup_id)
        .fetch_one(&mut *tx)
        .await?;
    let capacity = capacity.filter(|_| starts_at > db.now());
    sqlx::query("DELETE FROM rsvps WHERE token_hash = $1")
        .bind(crate::security::tokens::hash_token(token))
        .execute(&mut *tx)
        .await?;
    if let Some(capacity) = capacity {
        let up = fill_from_waiting(&mut tx, &meetup_id, capacity).await?;
        mail_parents(&mut tx, db.now(), &pepper, &meetup_id, &up, Kind::RsvpPlace).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// The RSVPs of a meetup on the waiting list (or with a place), in the order people said yes.
async fn parties(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    meetup_id: &str,
    waiting: bool,
) -> Result<Vec<Change>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {MOVING} FROM rsvps WHERE meetup_id = $1 AND waiting = $2 ORDER BY created_at, id"
    ))
    .bind(meetup_id)
    .bind(i64::from(waiting))
    .fetch_all(&mut **tx)
    .await?;
    rows.iter().map(Change::of).collect()
}

/// Gives free places to the waiting list, first come first served (a party that does not fit
/// waits; a smaller one after it may move up). Returns the RSVPs that moved up.
async fn fill_from_waiting(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    meetup_id: &str,
    capacity: u32,
) -> Result<Vec<Change>, sqlx::Error> {
    let mut used = taken(&mut **tx, meetup_id).await?;
    let mut moved = Vec::new();
    for c in parties(tx, meetup_id, true).await? {
        if super::model::fits(capacity, used, c.people) {
            sqlx::query("UPDATE rsvps SET waiting = 0, moved = 'up' WHERE id = $1")
                .bind(&c.id)
                .execute(&mut **tx)
                .await?;
            used += c.people;
            moved.push(c);
        }
    }
    Ok(moved)
}

/// After a change of capacity: the places are given again in the order people said yes. A lower
/// capacity keeps the earliest RSVPs that fit and puts the later ones back on the waiting list
/// (their page says so); a higher one moves people up from the waiting list in order. Returns
/// who went back to the waiting list and who moved up.
async fn rebalance(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    meetup_id: &str,
    capacity: u32,
) -> Result<(Vec<Change>, Vec<Change>), sqlx::Error> {
    let mut used = 0;
    let mut down = Vec::new();
    for c in parties(tx, meetup_id, false).await? {
        if super::model::fits(capacity, used, c.people) {
            used += c.people;
        } else {
            sqlx::query("UPDATE rsvps SET waiting = 1, moved = 'down' WHERE id = $1")
                .bind(&c.id)
                .execute(&mut **tx)
                .await?;
            down.push(c);
        }
    }
    let up = fill_from_waiting(tx, meetup_id, capacity).await?;
    Ok((down, up))
}

/// Retention: RSVPs (first names) go 30 days after their meetup ended.
pub async fn purge_rsvps(db: &Db, days_after: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "DELETE FROM rsvps WHERE meetup_id IN (SELECT id FROM meetups WHERE ends_at < $1)",
    )
    .bind(db.now() - days_after * 86_400)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected())
}

/// Cancels a meetup once; everyone who said they would come (or waits) sees it on their page,
/// and those who left an address get a mail, queued with the change. False when it was
/// already cancelled (or does not exist): nothing is mailed again.
pub async fn cancel_meetup(db: &Db, id: &str) -> Result<bool, sqlx::Error> {
    let pepper = db.pepper().await?;
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query("UPDATE meetups SET cancelled = 1 WHERE id = $1 AND cancelled = 0")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        tx.commit().await?;
        return Ok(false);
    }
    let rows = sqlx::query(&format!(
        "SELECT {MOVING} FROM rsvps WHERE meetup_id = $1 AND email IS NOT NULL ORDER BY created_at, id"
    ))
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let everyone = rows.iter().map(Change::of).collect::<Result<Vec<_>, _>>()?;
    mail_parents(
        &mut tx,
        db.now(),
        &pepper,
        id,
        &everyone,
        Kind::MeetupCancelled,
    )
    .await?;
    // A cancelled meetup's theme no longer counts in the finder.
    crate::groups::store::finder::bump_version(&mut *tx).await?;
    tx.commit().await?;
    crate::groups::store::finder::mark_stale(db);
    Ok(true)
}

pub async fn managed_meetups(db: &Db, group_id: &str) -> Result<Vec<ManagedMeetup>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT m.id, m.starts_at, m.ends_at, m.place, m.capacity, m.cancelled, m.theme, m.kind, \
         m.guest, m.attended_adults, \
         m.attended_children, \
         CAST(COALESCE((SELECT SUM(r.adults) FROM rsvps r WHERE r.meetup_id = m.id AND r.waiting = 0), 0) AS BIGINT) AS ca, \
         CAST(COALESCE((SELECT SUM(r.children) FROM rsvps r WHERE r.meetup_id = m.id AND r.waiting = 0), 0) AS BIGINT) AS cc, \
         (SELECT COUNT(*) FROM rsvps r WHERE r.meetup_id = m.id AND r.waiting = 1) AS w \
         FROM meetups m WHERE m.group_id = $1 AND m.starts_at >= $2 ORDER BY m.starts_at LIMIT 60",
    )
    .bind(group_id)
    // The last 60 days too, to record who came.
    .bind(db.now() - 60 * 86_400)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let adults: Option<i64> = r.try_get("attended_adults")?;
            let children: Option<i64> = r.try_get("attended_children")?;
            Ok(ManagedMeetup {
                meetup: summary(r)?,
                coming_adults: r.try_get("ca")?,
                coming_children: r.try_get("cc")?,
                waiting: r.try_get("w")?,
                attended: adults.zip(children),
            })
        })
        .collect()
}

/// The group of a meetup (for the ownership check).
pub async fn group_of(db: &Db, meetup_id: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT group_id FROM meetups WHERE id = $1")
        .bind(meetup_id)
        .fetch_optional(&db.pool)
        .await
}

pub async fn record_attendance(
    db: &Db,
    meetup_id: &str,
    adults: u32,
    children: u32,
) -> Result<(), sqlx::Error> {
    db.run(
        sqlx::query(
            "UPDATE meetups SET attended_adults = $1, attended_children = $2 WHERE id = $3",
        )
        .bind(adults as i64)
        .bind(children as i64)
        .bind(meetup_id),
    )
    .await
}

/// Changes a meetup; a new capacity gives the places again (see `rebalance`) and mails the
/// parents who left an address and moved either way. A cancelled meetup's lists stay as they are.
/// A new time or place (of a meetup not yet over and not cancelled) is marked on every RSVP
/// (their page says what changed) and mailed to everyone who said yes with an address.
pub async fn update_meetup(
    db: &Db,
    id: &str,
    starts_at: i64,
    ends_at: i64,
    place: &str,
    capacity: u32,
) -> Result<(), sqlx::Error> {
    let pepper = db.pepper().await?;
    let mut tx = db.pool.begin().await?;
    let before: Option<(i64, i64, String)> =
        sqlx::query_as("SELECT starts_at, ends_at, place FROM meetups WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    sqlx::query(
        "UPDATE meetups SET starts_at = $1, ends_at = $2, place = $3, capacity = $4 WHERE id = $5",
    )
    .bind(starts_at)
    .bind(ends_at)
    .bind(place)
    .bind(capacity as i64)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if let Some(capacity) = lock_open_meetup(&mut tx, id).await? {
        let (down, up) = rebalance(&mut tx, id, capacity).await?;
        let now = db.now();
        mail_parents(&mut tx, now, &pepper, id, &down, Kind::RsvpWaiting).await?;
        mail_parents(&mut tx, now, &pepper, id, &up, Kind::RsvpPlace).await?;
        let changed = before.and_then(|(s, e, p)| {
            let time = s != starts_at || e != ends_at;
            let place_moved = p.trim() != place.trim();
            super::model::Changed::of(time, place_moved).filter(|_| e.max(ends_at) >= now)
        });
        if let Some(changed) = changed {
            tell_about_change(&mut tx, now, &pepper, id, changed).await?;
        }
    }
    // Its end (and so its theme's) may have moved: the finder looks again.
    crate::groups::store::finder::bump_version(&mut *tx).await?;
    tx.commit().await?;
    crate::groups::store::finder::mark_stale(db);
    Ok(())
}

/// Marks a change of time or place on every RSVP of a meetup (added to an earlier change) and
/// mails everyone who said yes (or waits) and left an address.
async fn tell_about_change(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    now: i64,
    pepper: &str,
    id: &str,
    changed: super::model::Changed,
) -> Result<(), sqlx::Error> {
    let rows: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT id, changed FROM rsvps WHERE meetup_id = $1")
            .bind(id)
            .fetch_all(&mut **tx)
            .await?;
    for (rsvp, before) in rows {
        let before = before.as_deref().and_then(super::model::Changed::parse);
        let now_changed = changed.and(before);
        sqlx::query("UPDATE rsvps SET changed = $1 WHERE id = $2")
            .bind(now_changed.as_str())
            .bind(&rsvp)
            .execute(&mut **tx)
            .await?;
    }
    let rows = sqlx::query(&format!(
        "SELECT {MOVING} FROM rsvps WHERE meetup_id = $1 AND email IS NOT NULL ORDER BY created_at, id"
    ))
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    let everyone = rows.iter().map(Change::of).collect::<Result<Vec<_>, _>>()?;
    mail_parents(tx, now, pepper, id, &everyone, Kind::MeetupChanged).await
}
