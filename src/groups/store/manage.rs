//! Groups on the facilitator side: who may manage one, its form values, create and update.
use sqlx::Row;

use super::*;
use crate::accounts::model::Account;
use crate::db::Db;
use crate::groups::edit::GroupInput;
use crate::groups::postcodes::Centroid;

/// Gives a group to a facilitator (the coordinator assigns groups).
pub async fn set_owner(db: &Db, group_id: &str, account_id: &str) -> Result<bool, sqlx::Error> {
    db.changed_one(
        sqlx::query("UPDATE peer_groups SET owner_id = $1 WHERE id = $2")
            .bind(account_id)
            .bind(group_id),
    )
    .await
}

/// Who may manage a group: the coordinator, or the facilitator who owns it.
const MAY_MANAGE: &str = "($1 = 'coordinator' OR g.owner_id = $2)";

pub async fn managed_groups(db: &Db, viewer: &Account) -> Result<Vec<ManagedGroup>, sqlx::Error> {
    let sql = format!(
        "SELECT g.id, g.name, g.active, COALESCE(a.display_name, '-') AS owner FROM peer_groups g \
         LEFT JOIN accounts a ON a.id = g.owner_id WHERE {MAY_MANAGE} ORDER BY g.name"
    );
    let rows = as_viewer(&sql, viewer).fetch_all(&db.pool).await?;
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
    viewer: &Account,
    id: &str,
) -> Result<Option<std::collections::HashMap<String, String>>, sqlx::Error> {
    let sql = format!(
        "SELECT g.*, COALESCE(t.description, '') AS description, COALESCE(t.first_visit, '') AS first_visit \
         FROM peer_groups g LEFT JOIN group_texts t ON t.group_id = g.id AND t.lang = 'nl' \
         WHERE g.id = $3 AND {MAY_MANAGE}"
    );
    let row = as_viewer(&sql, viewer)
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
        "audience",
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

/// A group as the facilitator's form gives it (Dutch words; the place from the postcode
/// unless moved by hand).
fn from_form<'a>(
    input: &'a GroupInput,
    place: &'a Centroid,
    languages: &'a [&'a str],
    texts: &'a [(&'a str, &'a str, &'a str)],
) -> NewGroup<'a> {
    NewGroup {
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
        languages,
        children_welcome: input.children_welcome,
        childcare: input.childcare,
        cost_cents: input.cost_cents,
        online: input.online,
        audience: input.audience,
        facilitator_name: &input.facilitator_name,
        texts,
    }
}

/// Creates a group from the facilitator's form, with its owner, in one transaction; returns
/// its id.
pub async fn create_group(
    db: &Db,
    input: &GroupInput,
    place: &Centroid,
    owner: Option<&str>,
) -> Result<String, sqlx::Error> {
    let langs: Vec<&str> = input.languages.iter().map(String::as_str).collect();
    let texts = [("nl", input.description.as_str(), input.first_visit.as_str())];
    let mut tx = db.pool.begin().await?;
    let id = insert_in(&mut tx, db.now(), &from_form(input, place, &langs, &texts)).await?;
    sqlx::query("UPDATE peer_groups SET owner_id = $1, active = $2 WHERE id = $3")
        .bind(owner)
        .bind(input.active as i64)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    finder::mark_stale(db);
    Ok(id)
}

/// Updates a group the viewer may manage; false when it is not theirs (or not there).
pub async fn update_group(
    db: &Db,
    viewer: &Account,
    id: &str,
    input: &GroupInput,
    place: &Centroid,
) -> Result<bool, sqlx::Error> {
    let langs: Vec<&str> = input.languages.iter().map(String::as_str).collect();
    let group = from_form(input, place, &langs, &[]);
    let mut tx = db.pool.begin().await?;
    let sql = format!(
        "UPDATE peer_groups SET name = $3, municipality = $4, address = $5, pc4 = $6, lat = $7, \
         lon = $8, weekday = $9, start_minute = $10, rhythm = $11, age_min = $12, age_max = $13, \
         languages = $14, children_welcome = $15, childcare = $16, cost_cents = $17, online = $18, \
         audience = $19, active = $20, facilitator_name = $21 \
         WHERE id = $22 AND id IN (SELECT g.id FROM peer_groups g WHERE {MAY_MANAGE})"
    );
    let statement = as_viewer(&sql, viewer);
    let done = bind_facts(statement, &group)
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
    finder::bump_version(&mut *tx).await?;
    tx.commit().await?;
    finder::mark_stale(db);
    Ok(true)
}

/// True when the viewer may manage this group.
pub async fn may_manage(db: &Db, viewer: &Account, id: &str) -> Result<bool, sqlx::Error> {
    let sql = format!("SELECT COUNT(*) FROM peer_groups g WHERE g.id = $3 AND {MAY_MANAGE}");
    let n: i64 = sqlx::query_scalar(&sql)
        .bind(viewer.role.as_str())
        .bind(&viewer.id)
        .bind(id)
        .fetch_one(&db.pool)
        .await?;
    Ok(n == 1)
}

/// A group's words in the languages other than Dutch: (language, description, first visit).
pub async fn other_texts(db: &Db, id: &str) -> Result<Vec<(String, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT lang, description, first_visit FROM group_texts \
         WHERE group_id = $1 AND lang <> 'nl' ORDER BY lang",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await
}

/// Sets (or, with both texts empty, removes) a group's words in one language other than Dutch.
pub async fn set_text(
    db: &Db,
    id: &str,
    input: &crate::groups::edit::GroupTextInput,
) -> Result<(), sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    sqlx::query("DELETE FROM group_texts WHERE group_id = $1 AND lang = $2")
        .bind(id)
        .bind(&input.lang)
        .execute(&mut *tx)
        .await?;
    if !(input.description.is_empty() && input.first_visit.is_empty()) {
        sqlx::query(
            "INSERT INTO group_texts (group_id, lang, description, first_visit) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(&input.lang)
        .bind(&input.description)
        .bind(&input.first_visit)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}
