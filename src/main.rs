use std::process::ExitCode;
use std::sync::Arc;

use doorstart::config::Config;
use doorstart::db::{Db, SystemClock};
use doorstart::server;

use clap::{Parser, Subcommand};

/// Doorstart: peer groups, anonymous help and step-by-step guides for single parents.
#[derive(Parser)]
#[command(version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the app (the default).
    Serve,
    /// Manage accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Copy the SQLite database to a new file while the server runs (PostgreSQL: use pg_dump).
    Backup {
        /// The new file; an existing file is never overwritten.
        #[arg(long)]
        to: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a coordinator account; the password is read from standard input.
    CreateCoordinator {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Coordinator")]
        name: String,
    },
}

/// Reads one line from standard input, without echo when it is a terminal.
fn read_password() -> std::io::Result<String> {
    use std::io::{BufRead, IsTerminal, Write};
    let terminal = std::io::stdin().is_terminal();
    if terminal {
        eprint!("Password (15 to 128 characters): ");
        std::io::stderr().flush()?;
        let _ = std::process::Command::new("stty").arg("-echo").status();
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    if terminal {
        let _ = std::process::Command::new("stty").arg("echo").status();
        eprintln!();
    }
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

async fn create_coordinator(db: &Db, email: &str, name: &str) -> Result<(), String> {
    use doorstart::accounts::model::{NewPassword, Role};
    use doorstart::accounts::{password, store};
    let email = doorstart::groups::join::parse_email(email)
        .ok_or("that is not an e-mail address")?
        .to_lowercase();
    let name = doorstart::groups::join::parse_name(name).map_err(|k| k.to_string())?;
    let typed = read_password().map_err(|e| e.to_string())?;
    let pass = NewPassword::parse(&typed, password::is_common).map_err(|k| k.to_string())?;
    let hash = password::hash(pass.expose().to_string()).await;
    let id = store::create_account(db, &email, &name, Role::Coordinator, &hash)
        .await
        .map_err(|e| format!("could not create the account (is the e-mail taken?): {e}"))?;
    let _ = store::audit(db, None, "create-coordinator", "account", &id).await;
    Ok(())
}

/// `doorstart backup --to FILE`: PostgreSQL is refused before any connection (use pg_dump);
/// SQLite is opened without creating it, so a wrong path is an error, not an empty copy.
async fn backup(database_url: &str, to: &std::path::Path) -> ExitCode {
    use doorstart::db::{backup, Backend};
    let checked = match Backend::from_url(database_url) {
        Some(backend) => backup::supported(backend).map_err(|e| e.to_string()),
        None => Err("DATABASE_URL is neither sqlite: nor postgres://".to_string()),
    };
    let copied = match checked {
        Ok(()) => match Db::connect(&backup::source_url(database_url), Arc::new(SystemClock)).await
        {
            Ok(db) => {
                let copied = backup::backup(&db, to).await.map_err(|e| e.to_string());
                db.pool.close().await;
                copied
            }
            Err(e) => Err(format!("could not open the database: {e}")),
        },
        Err(e) => Err(e),
    };
    match copied {
        Ok(bytes) => {
            eprintln!("backup written: {} ({bytes} bytes)", to.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("no backup: {e}");
            ExitCode::FAILURE
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_ansi(false)
        .init();

    let options = server::leptos_options();
    // A setting that is set but wrong (a short pepper, a help period over 90 days, a cap that
    // is not a number) stops the server here, before it opens the database.
    let mut config = match Config::from_env(options.site_addr)
        .and_then(|c| doorstart::retention::check_settings().map(|()| c))
    {
        Ok(config) => config,
        Err(e) => {
            tracing::error!("not started: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(Command::Backup { to }) = &cli.command {
        return backup(&config.database_url, to).await;
    }
    // Mail settings that are set but wrong stop the server too; unset, mail is off.
    let mailer = match doorstart::mail::Mailer::from_env() {
        Ok(m) => m,
        Err(e) => {
            tracing::error!("not started: {e}");
            return ExitCode::FAILURE;
        }
    };
    if mailer.is_none() {
        tracing::info!("mail is off (DOORSTART_SMTP_URL is not set)");
    }
    let db = match Db::connect(&config.database_url, Arc::new(SystemClock)).await {
        Ok(db) => db,
        Err(e) => {
            tracing::error!(error = %e, "could not open the database");
            return ExitCode::FAILURE;
        }
    };
    if let Some(Command::Admin {
        command: AdminCommand::CreateCoordinator { email, name },
    }) = &cli.command
    {
        return match create_coordinator(&db, email, name).await {
            Ok(()) => {
                eprintln!("coordinator created: {email}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("not created: {e}");
                ExitCode::FAILURE
            }
        };
    }

    if let Err(e) = config.check() {
        tracing::error!("{e}");
        eprintln!("doorstart: {e}");
        return ExitCode::FAILURE;
    }
    if config.demo {
        match doorstart::demo::load_if_empty(&db).await {
            Ok(0) => {}
            Ok(n) => {
                tracing::info!(groups = n, "demo data loaded");
                match doorstart::demo::demo_login(&db).await {
                    Ok(Some((email, password))) => {
                        tracing::info!("demo login (demo mode only): {email} / {password}")
                    }
                    Ok(None) => {}
                    Err(e) => tracing::warn!(error = %e, "no demo login"),
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "could not load demo data");
                return ExitCode::FAILURE;
            }
        }
    }

    let listener = match tokio::net::TcpListener::bind(config.site_addr).await {
        Ok(l) => l,
        Err(e) => {
            tracing::error!(error = %e, addr = %config.site_addr, "could not listen");
            return ExitCode::FAILURE;
        }
    };
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    tracing::info!("Doorstart listening on http://{addr}");

    doorstart::retention::spawn(db.clone());
    doorstart::groups::deadlines::spawn(db.clone());
    doorstart::groups::notify::spawn(db.clone());
    doorstart::help::digest::spawn(db.clone());
    doorstart::help::escalate::spawn(db.clone());
    doorstart::checkin::reminders::spawn(db.clone());
    doorstart::mail::send::spawn(db.clone(), mailer, config.public_url.clone());
    // The guides are read and checked before the server listens.
    let guides = doorstart::guides::library::builtin();
    tracing::info!(guides = guides.slugs().count(), "guides loaded");
    let app = server::router_with(options, db.clone(), guides, config.limits);
    let served = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await;
    db.pool.close().await;
    match served {
        Ok(()) => {
            tracing::info!("stopped cleanly");
            ExitCode::SUCCESS
        }
        Err(e) => {
            tracing::error!(error = %e, "server error");
            ExitCode::FAILURE
        }
    }
}

/// Resolves on SIGINT or SIGTERM; axum then lets in-flight requests finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
