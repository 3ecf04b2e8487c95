//! `doorstart backup --to FILE`: a consistent copy of the SQLite database while the server
//! runs. `VACUUM INTO` reads one snapshot through an ordinary connection, so it holds what is
//! still in the write-ahead log too, and writers go on meanwhile. The copy holds only live rows:
//! deleted personal data is not carried into it. PostgreSQL is backed up with its own tool
//! (`pg_dump`), which this says rather than pretend.
use std::fmt;
use std::path::{Path, PathBuf};

use super::{Backend, Db};

/// Why a backup was not made.
#[derive(Debug)]
pub enum BackupError {
    /// The database is PostgreSQL: back it up with `pg_dump`.
    Postgres,
    /// The file is there already; a backup never overwrites one.
    Exists(PathBuf),
    /// The path cannot be handed to SQLite (not valid UTF-8).
    Path(PathBuf),
    /// The file could not be made.
    Io(PathBuf, std::io::Error),
    /// SQLite refused the copy.
    Sql(sqlx::Error),
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::Postgres => write!(
                f,
                "this database is PostgreSQL: back it up with pg_dump, for example \
                 `pg_dump -Fc -f doorstart-$(date +%F).dump \"$DATABASE_URL\"` \
                 (see the README, Backups)"
            ),
            BackupError::Exists(p) => write!(
                f,
                "{} exists already; a backup never overwrites a file (choose a new name)",
                p.display()
            ),
            BackupError::Path(p) => write!(f, "{} is not a usable file name", p.display()),
            BackupError::Io(p, e) => write!(f, "could not create {}: {e}", p.display()),
            BackupError::Sql(e) => write!(f, "the copy failed: {e}"),
        }
    }
}

impl std::error::Error for BackupError {}

/// Refuses what cannot be backed up here, before a connection is made.
pub fn supported(backend: Backend) -> Result<(), BackupError> {
    match backend {
        Backend::Sqlite => Ok(()),
        Backend::Postgres => Err(BackupError::Postgres),
    }
}

/// The database URL to back up from: SQLite opened read-write but never created, so a wrong
/// path is an error rather than a backup of a new, empty database.
pub fn source_url(url: &str) -> String {
    if Backend::from_url(url) == Some(Backend::Sqlite) && !url.contains("mode=") {
        format!("{url}{}mode=rw", if url.contains('?') { '&' } else { '?' })
    } else {
        url.to_string()
    }
}

/// Copies the SQLite database to a new file `to` while it is in use; returns the copy's size
/// in bytes. An existing file is never overwritten, and a copy that failed is removed.
pub async fn backup(db: &Db, to: &Path) -> Result<u64, BackupError> {
    supported(db.backend)?;
    let name = to
        .to_str()
        .ok_or_else(|| BackupError::Path(to.to_path_buf()))?;
    // Claim the name first (create_new fails when it exists): two backups to one name cannot
    // both go ahead. SQLite writes into an empty file.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => BackupError::Exists(to.to_path_buf()),
            _ => BackupError::Io(to.to_path_buf(), e),
        })?;
    let copied = sqlx::query("VACUUM INTO $1")
        .bind(name)
        .execute(&db.pool)
        .await;
    if let Err(e) = copied {
        let _ = std::fs::remove_file(to);
        return Err(BackupError::Sql(e));
    }
    std::fs::metadata(to)
        .map(|m| m.len())
        .map_err(|e| BackupError::Io(to.to_path_buf(), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_is_sent_to_pg_dump() {
        let e = supported(Backend::Postgres).unwrap_err();
        assert!(e.to_string().contains("pg_dump -Fc"), "{e}");
        assert!(supported(Backend::Sqlite).is_ok());
    }

    #[test]
    fn the_source_is_never_created() {
        assert_eq!(source_url("sqlite://d.db"), "sqlite://d.db?mode=rw");
        assert_eq!(source_url("sqlite://d.db?x=1"), "sqlite://d.db?x=1&mode=rw");
        assert_eq!(source_url("sqlite://d.db?mode=ro"), "sqlite://d.db?mode=ro");
        assert_eq!(source_url("postgres://h/d"), "postgres://h/d");
    }
}
