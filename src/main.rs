use std::process::ExitCode;
use std::sync::Arc;

use doorstart::config::Config;
use doorstart::db::{Db, SystemClock};
use doorstart::server;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_ansi(false)
        .init();

    let options = server::leptos_options();
    let config = Config::from_env(options.site_addr);
    let db = match Db::connect(&config.database_url, Arc::new(SystemClock)).await {
        Ok(db) => db,
        Err(e) => {
            tracing::error!(error = %e, "could not open the database");
            return ExitCode::FAILURE;
        }
    };

    if config.demo {
        match doorstart::demo::load_if_empty(&db).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(groups = n, "demo data loaded"),
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
    let app = server::router(options, db.clone());
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
