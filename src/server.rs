//! The HTTP side: state, router and middleware. `main.rs` and the integration tests share it.
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, FromRef, State};
use axum::http::request::Parts;
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{middleware, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list_with_exclusions, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::app::{shell, App};
use crate::db::Db;
use crate::guides::library::{GuideLibrary, LibraryRef};
use crate::security::limit::RateLimiter;
use crate::ui::forms::FormState;
use crate::{admin, groups, guides, help, i18n, meetups, security};

/// Largest request body we take: our forms are short.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    /// Join requests and RSVPs per client: 10 in 10 minutes.
    pub form_limiter: Arc<RateLimiter>,
    /// Sign-in attempts per client: 20 in 15 minutes.
    pub login_limiter: Arc<RateLimiter>,
    /// Wrong pick-up codes per client: 10 in 15 minutes.
    pub code_limiter: Arc<RateLimiter>,
    /// The guides (the shipped ones, or a test's).
    pub guides: &'static GuideLibrary,
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

/// Renders the page at the posted address again, with what was posted and what was wrong,
/// so a form works the same with and without JavaScript.
pub async fn render_form_again(state: &AppState, parts: Parts, form: FormState) -> Response {
    let mut res = render_page(state, parts, form).await;
    if res.status() == StatusCode::OK {
        *res.status_mut() = StatusCode::BAD_REQUEST;
    }
    res
}

/// The form again with "too many forms in a short time" (429).
pub async fn too_many(
    state: &AppState,
    parts: Parts,
    values: std::collections::HashMap<String, String>,
) -> Response {
    let mut errors = crate::ui::forms::FieldErrors::default();
    errors.add("form", crate::i18n::k("form-too-many"));
    let mut res = render_form_again(state, parts, FormState { values, errors }).await;
    *res.status_mut() = StatusCode::TOO_MANY_REQUESTS;
    res
}

/// Renders the app for this request from our own handler (the page sets its own status).
pub async fn render_page(state: &AppState, parts: Parts, form: FormState) -> Response {
    render_page_with(state, parts, form, || {}).await
}

/// The same, with more context for the page (for example a conversation found by its code).
pub async fn render_page_with(
    state: &AppState,
    parts: Parts,
    form: FormState,
    extra: impl Fn() + Clone + Send + Sync + 'static,
) -> Response {
    let db = state.db.clone();
    let options = state.leptos_options.clone();
    let guides = LibraryRef(state.guides);
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(db.clone());
            provide_context(guides);
            provide_context(form.clone());
            extra();
        },
        move || shell(options.clone()),
    );
    handler(Request::from_parts(parts, Body::empty())).await
}

/// After a successful post: go to the page that shows the result (303, so a refresh does not post again).
pub fn see_other(path: &str) -> Response {
    Redirect::to(path).into_response()
}

/// The client's address, for the in-memory rate limit only.
pub fn client_ip(parts: &Parts) -> Option<std::net::IpAddr> {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
}

/// Forms (join, RSVP, help) per client in 10 minutes: `DOORSTART_FORM_LIMIT`, default 10.
fn form_limit() -> u32 {
    std::env::var("DOORSTART_FORM_LIMIT")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(10)
}

pub fn router(leptos_options: LeptosOptions, db: Db) -> Router {
    router_with_guides(leptos_options, db, crate::guides::library::builtin())
}

/// The app with another guide library (tests use one with a missing translation).
pub fn router_with_guides(
    leptos_options: LeptosOptions,
    db: Db,
    guides: &'static GuideLibrary,
) -> Router {
    // The meetup page shares its path with the calendar file: our handler serves both.
    let routes = generate_route_list_with_exclusions(App, Some(vec!["/meetups/{id}".to_string()]));
    let state = AppState {
        leptos_options: leptos_options.clone(),
        db: db.clone(),
        form_limiter: Arc::new(RateLimiter::new(form_limit(), Duration::from_secs(600))),
        login_limiter: Arc::new(RateLimiter::new(20, Duration::from_secs(900))),
        code_limiter: Arc::new(RateLimiter::new(10, Duration::from_secs(900))),
        guides,
    };
    let sessions = db.sessions.layer();
    let context = move || {
        provide_context(db.clone());
        provide_context(LibraryRef(guides));
    };
    Router::new()
        .route("/healthz", get(healthz))
        .route("/groups/{id}/join", post(groups::api::handlers::join))
        .route("/help", post(help::api::handlers::ask))
        .route("/help/reply", post(help::api::handlers::open))
        .route("/help/reply/send", post(help::api::handlers::send))
        .route("/help/reply/solve", post(help::api::handlers::solve))
        .route("/help/reply/delete", post(help::api::handlers::delete))
        .route(
            "/admin/help/{id}/reply",
            post(help::api::handlers::helper_reply),
        )
        .route("/admin/help/{id}/claim", post(help::api::handlers::claim))
        .route("/admin/help/{id}/close", post(help::api::handlers::close))
        .route(
            "/guides/{slug}/feedback",
            post(guides::api::handlers::feedback),
        )
        .route("/admin/local-help", post(guides::api::handlers::create))
        .route(
            "/admin/local-help/{id}",
            post(guides::api::handlers::update),
        )
        .route(
            "/admin/local-help/{id}/checked",
            post(guides::api::handlers::checked),
        )
        .route(
            "/admin/local-help/{id}/retire",
            post(guides::api::handlers::retire),
        )
        .route(
            "/admin/monitoring/csv/{file}",
            get(crate::monitoring::api::handlers::csv),
        )
        .route("/admin/login", post(admin::api::handlers::login))
        .route("/admin/logout", post(admin::api::handlers::logout))
        .route(
            "/admin/requests/{id}/status",
            post(admin::api::handlers::request_status),
        )
        .route(
            "/admin/requests/{id}/assign",
            post(admin::api::handlers::request_assign),
        )
        .route("/admin/invites", post(admin::api::handlers::create_invite))
        .route(
            "/admin/invite/{token}",
            post(admin::api::handlers::accept_invite),
        )
        .route(
            "/admin/accounts/{id}/deactivate",
            post(admin::api::handlers::deactivate),
        )
        .route(
            "/admin/password",
            post(admin::api::handlers::change_password),
        )
        .route(
            "/admin/groups/new",
            post(admin::group_handlers::create_group),
        )
        .route(
            "/admin/groups/{id}",
            post(admin::group_handlers::update_group),
        )
        .route(
            "/admin/groups/{id}/meetups",
            post(admin::group_handlers::create_series),
        )
        .route(
            "/admin/meetups/{id}/cancel",
            post(admin::group_handlers::cancel_meetup),
        )
        .route(
            "/admin/meetups/{id}/edit",
            post(admin::group_handlers::edit_meetup),
        )
        .route(
            "/admin/meetups/{id}/attendance",
            post(admin::group_handlers::attendance),
        )
        // The RSVP form posts to the meetup page itself, so bad input re-renders that page.
        .route(
            "/meetups/{id}",
            get(meetups::api::handlers::meetup_or_calendar).post(meetups::api::handlers::rsvp),
        )
        .route("/rsvp/{token}/cancel", post(meetups::api::handlers::cancel))
        .route(
            "/join/{token}/withdraw",
            post(groups::api::handlers::withdraw),
        )
        .leptos_routes_with_context(&state, routes, context, {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .with_state(state)
        .layer(sessions)
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
