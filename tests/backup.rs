//! Backups that restore: `doorstart backup --to FILE` copies a running SQLite database (with
//! what is still in its write-ahead log), the copy opens as a new app with the data in it, and
//! PostgreSQL is sent to `pg_dump`. The privacy page and the README say how long backups are
//! kept, from one constant.
mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use doorstart::accounts::model::Role;
use doorstart::db::backup::{backup, BackupError};
use doorstart::db::{Backend, Db, ManualClock};
use doorstart::i18n::{I18n, Lang};
use doorstart::retention::BACKUP_DAYS;

const GROUP_NAME: &str = "Moedergroep Reservekopie";
const PARENT: &str = "Backupje";

fn token_from(body: &str) -> String {
    let at = body.find(r#"name="token" value=""#).expect("token field");
    body[at + 20..at + 20 + 43].to_string()
}

/// A group made by a coordinator and a parent's join request, both through the running app;
/// returns the group's id.
async fn fill(app: &common::TestApp) -> String {
    app.account("c@example.nl", Role::Coordinator).await;
    let me = app.sign_in("c@example.nl").await;
    let (status, location, _) = app
        .post_as(
            &me,
            "/admin/groups/new",
            &[
                ("name", GROUP_NAME),
                ("description", "We praten over de week."),
                ("facilitator_name", "Anna"),
                ("postcode", "7641"),
                ("address", "Dorpshuis, Wierden"),
                ("weekday", "2"),
                ("start", "10:00"),
                ("rhythm", "weekly"),
                ("age_min", "4"),
                ("age_max", "12"),
                ("lang_nl", "1"),
                ("cost", "0"),
            ],
        )
        .await;
    assert_eq!(status, 303, "the group is made");
    let id = location
        .split('?')
        .next()
        .unwrap()
        .trim_start_matches("/admin/groups/")
        .trim_end_matches("/meetups")
        .to_string();
    let path = format!("/groups/{id}/join");
    let (_, form) = app.page(&path).await;
    let token = token_from(&form);
    let (status, _, _) = app
        .post_as(
            "",
            &path,
            &[
                ("token", token.as_str()),
                ("first_name", PARENT),
                ("contact_kind", "meeting"),
                ("consent", "yes"),
            ],
        )
        .await;
    assert_eq!(status, 303, "the join request is stored");
    id
}

fn backup_path() -> PathBuf {
    std::env::temp_dir().join(format!("doorstart-backup-{}.db", doorstart::db::new_id()))
}

fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// The copy opened as a new app on a pool of its own: the group and the join request are there,
/// and the group's page shows.
async fn restored_has_the_data(copy: &Path, group: &str) {
    let db = Db::connect(
        &format!("sqlite://{}", copy.display()),
        Arc::new(ManualClock::new(common::START)),
    )
    .await
    .expect("the copy opens as a database");
    let parents: Vec<String> = sqlx::query_scalar("SELECT first_name FROM join_requests")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    assert_eq!(parents, vec![PARENT.to_string()]);
    let name: String = sqlx::query_scalar("SELECT name FROM peer_groups WHERE id = $1")
        .bind(group)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(name, GROUP_NAME);
    let router = doorstart::server::router(doorstart::server::leptos_options(), db.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
        .unwrap();
    });
    let page = reqwest::get(format!("http://{addr}/groups/{group}"))
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    assert!(page.text().await.unwrap().contains(GROUP_NAME));
    db.pool.close().await;
}

on_both_backends!(a_backup_made_while_the_app_runs_restores, |app| {
    let group = fill(app).await;
    let to = backup_path();
    match app.db.backend {
        Backend::Sqlite => {
            // The join request is still only in the write-ahead log, not yet in the database
            // file: a copy of the file alone would miss it.
            let file = std::fs::read(app.db_file().unwrap()).unwrap();
            assert!(
                !String::from_utf8_lossy(&file).contains(PARENT),
                "the new row is not checkpointed yet"
            );
            // The app goes on answering and writing while the copy is made.
            let page = format!("/groups/{group}");
            let (copied, (status, _)) = tokio::join!(backup(&app.db, &to), app.page(&page));
            assert_eq!(status, 200);
            assert!(copied.unwrap() > 0);
            // A backup never overwrites a file, and leaves it as it was.
            let before = std::fs::read(&to).unwrap();
            let again = backup(&app.db, &to).await.unwrap_err();
            assert!(matches!(again, BackupError::Exists(_)), "{again}");
            assert!(again.to_string().contains("exists already"));
            assert_eq!(std::fs::read(&to).unwrap(), before);
            restored_has_the_data(&to, &group).await;
            remove(&to);
        }
        Backend::Postgres => {
            let e = backup(&app.db, &to).await.unwrap_err();
            assert!(matches!(e, BackupError::Postgres));
            assert!(e.to_string().contains("pg_dump -Fc"), "{e}");
            assert!(!to.exists(), "no file is made");
        }
    }
});

/// `doorstart backup --to FILE` with `DATABASE_URL`: exit status and what it says.
fn run_backup(database_url: &str, to: &Path) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_doorstart"))
        .args(["backup", "--to"])
        .arg(to)
        .env("DATABASE_URL", database_url)
        .env_remove("DOORSTART_PEPPER")
        .env_remove("DOORSTART_SMTP_URL")
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), said)
}

on_both_backends!(the_backup_command, |app| {
    let group = fill(app).await;
    let to = backup_path();
    match app.db.backend {
        Backend::Sqlite => {
            let (ok, said) = run_backup(&app.db_url, &to);
            assert!(ok, "{said}");
            assert!(said.contains("backup written"), "{said}");
            restored_has_the_data(&to, &group).await;
            // Again to the same file: refused, with a non-zero exit status.
            let (ok, said) = run_backup(&app.db_url, &to);
            assert!(!ok && said.contains("exists already"), "{said}");
            remove(&to);
            // A database file that is not there is not made (no empty backup).
            let missing = backup_path();
            let (ok, said) = run_backup(&format!("sqlite://{}", missing.display()), &to);
            assert!(!ok, "{said}");
            assert!(!missing.exists() && !to.exists(), "nothing is made");
        }
        Backend::Postgres => {
            let (ok, said) = run_backup(&app.db_url, &to);
            assert!(!ok, "{said}");
            assert!(said.contains("pg_dump"), "{said}");
            assert!(!to.exists());
        }
    }
});

on_both_backends!(the_privacy_page_says_how_long_backups_are_kept, |app| {
    assert_eq!(doorstart::retention::periods().backup_days, BACKUP_DAYS);
    for lang in Lang::ALL {
        let text =
            I18n { lang }.t_args("privacy-backup-text", &[("days", BACKUP_DAYS.to_string())]);
        assert!(text.contains(&BACKUP_DAYS.to_string()), "{}", lang.code());
        let (_, page) = app.page(&format!("/privacy?lang={}", lang.code())).await;
        let shown = text.replace('\'', "&#39;");
        assert!(
            page.contains(&text) || page.contains(&shown),
            "{}: {text}",
            lang.code()
        );
    }
    // The README's operator section says the same number.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("\n## Backups")
        .nth(1)
        .expect("a Backups section in the README");
    let section = section.split("\n## ").next().unwrap();
    assert!(
        section.contains(&format!("{BACKUP_DAYS} days")),
        "the README keeps backups {BACKUP_DAYS} days"
    );
    assert!(section.contains("doorstart backup --to") && section.contains("pg_dump -Fc"));
});
