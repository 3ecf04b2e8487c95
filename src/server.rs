//! The HTTP side: state, router and middleware. `main.rs` and the integration tests share it.
use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::{FromRef, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{middleware, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::app::{shell, App};
use crate::db::Db;
use crate::{i18n, security};

/// Largest request body we take: our forms are short.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl FromRef<AppState> for Db {
    fn from_ref(state: &AppState) -> Self {
        state.db.clone()
    }
}

/// Leptos settings from the environment (the names cargo-leptos uses), with our defaults.
pub fn leptos_options() -> LeptosOptions {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let site_addr: SocketAddr = env("LEPTOS_SITE_ADDR")
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 3000)));
    LeptosOptions::builder()
        .output_name(env("LEPTOS_OUTPUT_NAME").unwrap_or_else(|| "doorstart".into()))
        .site_root(env("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()))
        .site_pkg_dir(env("LEPTOS_SITE_PKG_DIR").unwrap_or_else(|| "pkg".into()))
        .site_addr(site_addr)
        .build()
}

async fn healthz(State(db): State<Db>) -> impl IntoResponse {
    if db.is_healthy().await {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}

pub fn router(leptos_options: LeptosOptions, db: Db) -> Router {
    let routes = generate_route_list(App);
    let state = AppState {
        leptos_options: leptos_options.clone(),
        db: db.clone(),
    };
    let context = move || provide_context(db.clone());
    Router::new()
        .route("/healthz", get(healthz))
        .leptos_routes_with_context(&state, routes, context, {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .with_state(state)
        .layer(middleware::from_fn(i18n::language_layer))
        .layer(middleware::from_fn(security::same_site_layer))
        .layer(middleware::from_fn(security::headers_layer))
        .layer(CompressionLayer::new())
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(middleware::from_fn(security::log_layer))
}
