//! The one row of the organisation's protocol.
use sqlx::Row;

use super::model::{Protocol, ProtocolInput};
use crate::db::Db;

const ID: &str = "protocol";

pub async fn protocol(db: &Db) -> Result<Option<Protocol>, sqlx::Error> {
    let row = sqlx::query("SELECT body, contact, changed_at FROM protocol WHERE id = $1")
        .bind(ID)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| {
        Ok(Protocol {
            body: r.try_get("body")?,
            contact: r.try_get("contact")?,
            changed_at: r.try_get("changed_at")?,
        })
    })
    .transpose()
}

/// Writes the protocol and stamps the moment it changed.
pub async fn set_protocol(db: &Db, input: &ProtocolInput) -> Result<(), sqlx::Error> {
    db.run(
        sqlx::query(
            "INSERT INTO protocol (id, body, contact, changed_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (id) DO UPDATE SET body = $2, contact = $3, changed_at = $4",
        )
        .bind(ID)
        .bind(&input.body)
        .bind(&input.contact)
        .bind(db.now()),
    )
    .await
}
