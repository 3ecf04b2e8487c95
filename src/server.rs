//! The assembly: every feature's router merged, the Leptos pages, the middleware. The only
//! module (with `app`) that names every feature; no feature names it. `main.rs` and the
//! integration tests share it.
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{middleware, Extension, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list_with_exclusions, LeptosRoutes};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::app::{shell, App};
use crate::config::{LimitSettings, ProxySettings};
use crate::db::Db;
use crate::guides::library::{GuideLibrary, LibraryRef};
use crate::web::assets::Assets;
use crate::web::page_cache::{PageCache, VersionFn};
use crate::web::{AppState, Limits, Pages, PublicUrl};
use crate::{
    admin, checkin, groups, guides, help, i18n, meetups, monitoring, partners, security, trust,
};

/// Pages that are the same for every visitor, kept a second by the page cache
/// (`web::page_cache`): each is whole without a form token and counts nothing when shown. The
/// finder's content version (`finder_version`) is part of the key, so a changed group shows at once.
pub const SHARED_PAGES: [crate::web::page_cache::SharedPage; 6] = [
    ("/", &[]),
    (
        "/groups",
        &[
            "postcode", "age", "language", "day", "kids", "fathers", "theme", "time", "mode",
        ],
    ),
    ("/guides", &[]),
    ("/privacy", &[]),
    ("/toegankelijkheid", &[]),
    ("/offline", &[]),
];

/// Largest request body we take: our forms are short.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

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

/// The quick exit's first stop: expires the language cookie (HttpOnly, so the page's script
/// cannot) and sends the browser on to the neutral site. A GET, so it works as a plain link
/// without JavaScript; it changes nothing but this device's own cookie.
async fn exit() -> impl IntoResponse {
    use axum::http::header::{HeaderName, CACHE_CONTROL, LOCATION, SET_COOKIE};
    (
        StatusCode::SEE_OTHER,
        // The partner whose link brought this phone (where Clear-Site-Data is not kept). Added
        // to the headers below, which set the language cookie.
        axum::response::AppendHeaders([(
            SET_COOKIE,
            format!(
                "{}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly",
                partners::model::REF_COOKIE
            ),
        )]),
        [
            (LOCATION, crate::ui::QUICK_EXIT_URL.to_string()),
            (
                SET_COOKIE,
                format!(
                    "{}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly",
                    i18n::LANG_COOKIE
                ),
            ),
            (CACHE_CONTROL, "no-store".to_string()),
            // What the browser keeps for this site: its cache, cookies (a facilitator's
            // session too) and storage (ticks, a kept pick-up code, offline copies).
            (
                HeaderName::from_static("clear-site-data"),
                r#""cache", "cookies", "storage""#.to_string(),
            ),
        ],
    )
}

/// The limits from the environment; `main` has checked them at start, so a wrong value here
/// (tests, examples) falls back to the defaults.
fn limits_from_env() -> LimitSettings {
    LimitSettings::from_env().unwrap_or_default()
}

pub fn router(leptos_options: LeptosOptions, db: Db) -> Router {
    router_with(
        leptos_options,
        db,
        crate::guides::library::builtin(),
        limits_from_env(),
    )
}

/// CSS, JS and WebAssembly: served as the `.br` or `.gz` file made once at build time
/// (`scripts/precompress.sh`) when the browser takes it, else as is (compressed on the fly).
/// At these plain names browsers ask again each time and get 304 when unchanged; pages link to
/// the same files under addresses with their hash (`web::assets`, kept a year).
fn static_files(dir: String) -> axum::routing::MethodRouter {
    use axum::http::{header, HeaderValue};
    use tower_http::services::ServeDir;
    use tower_http::set_header::SetResponseHeaderLayer;
    axum::routing::get_service(
        tower::ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(
                header::CACHE_CONTROL,
                HeaderValue::from_static(crate::web::assets::REVALIDATE),
            ))
            .service(ServeDir::new(dir).precompressed_br().precompressed_gzip()),
    )
}

/// The small scripts at their plain names (`/offline.js`): asked again each time, like `/pkg/`.
fn plain_scripts(router: Router<AppState>, options: &LeptosOptions) -> Router<AppState> {
    crate::web::assets::SCRIPTS
        .iter()
        .fold(router, |r, script| {
            r.route_service(
                &format!("/{script}"),
                static_files(options.site_root.to_string()),
            )
        })
}

/// The shell as the kernel's page renderer wants it.
fn any_shell(options: LeptosOptions) -> AnyView {
    shell(options).into_any()
}

/// The app with another guide library (tests use one with a missing translation).
pub fn router_with_guides(
    leptos_options: LeptosOptions,
    db: Db,
    guides: &'static GuideLibrary,
) -> Router {
    router_with(leptos_options, db, guides, limits_from_env())
}

/// The app with a guide library and limits of its own (`main` passes the checked settings;
/// tests pass a low help cap).
pub fn router_with(
    leptos_options: LeptosOptions,
    db: Db,
    guides: &'static GuideLibrary,
    limits: LimitSettings,
) -> Router {
    // `main` has checked the proxy settings at start (tests and examples: the defaults).
    let proxies = ProxySettings::from_env().unwrap_or_default();
    router_with_proxies(leptos_options, db, guides, limits, proxies)
}

/// The same with the proxies in front given (tests of a deployment behind a proxy).
pub fn router_with_proxies(
    leptos_options: LeptosOptions,
    db: Db,
    guides: &'static GuideLibrary,
    limits: LimitSettings,
    proxies: ProxySettings,
) -> Router {
    let public_url = PublicUrl::from_env(leptos_options.site_addr);
    let limits = Limits::new(limits, proxies);
    let scheme_proxies = limits.proxies.clone();
    // Paths a feature serves itself (a page that shares its path with a file or a post).
    let routes = generate_route_list_with_exclusions(
        App,
        Some(meetups::OWN_PATHS.iter().map(|p| p.to_string()).collect()),
    );
    // What the trust pages say: the organisation from its settings, and the periods the
    // retention task deletes by.
    let organisation = trust::model::Organisation::from_env();
    let periods = crate::retention::periods();
    let assets = Arc::new(Assets::load(
        &leptos_options.site_root,
        &leptos_options.site_pkg_dir,
        &leptos_options.output_name,
    ));
    let context = {
        let db = db.clone();
        let limits = limits.clone();
        let assets = assets.clone();
        let public_url = public_url.clone();
        move || {
            provide_context(public_url.clone());
            provide_context(db.clone());
            provide_context(assets.clone());
            provide_context(LibraryRef(guides));
            provide_context(limits.clone());
            provide_context(organisation.clone());
            provide_context(periods);
        }
    };
    let state = AppState {
        leptos_options: leptos_options.clone(),
        db: db.clone(),
        pages: Pages::new(leptos_options.clone(), any_shell, context.clone()),
        public_url,
        limits,
    };
    let sessions = db.sessions.layer();
    let version: VersionFn = {
        let db = db.clone();
        Arc::new(move || {
            let db = db.clone();
            Box::pin(async move {
                let index = groups::store::finder::snapshot(&db).await.ok()??;
                Some(index.version())
            })
        })
    };
    let page_cache = PageCache::new(&SHARED_PAGES, version);
    // The fallback renders pages too (`/groups/`, with a slash): they need the context.
    let fallback =
        leptos_axum::file_and_error_handler_with_context::<AppState, _>(context.clone(), shell);
    let pkg = format!(
        "{}/{}",
        leptos_options.site_root, leptos_options.site_pkg_dir
    );
    plain_scripts(Router::new(), &leptos_options)
        .route("/healthz", get(healthz))
        .nest_service("/pkg", static_files(pkg))
        .route(
            "/v/{*path}",
            get(move |req: axum::extract::Request| async move { assets.serve(req).await }),
        )
        .route(crate::ui::EXIT_PATH, get(exit))
        .merge(groups::router())
        .merge(meetups::router())
        .merge(help::router())
        .merge(guides::router())
        .merge(monitoring::router())
        .merge(admin::router())
        .merge(trust::router())
        .merge(checkin::router())
        .merge(partners::router())
        .merge(crate::seo::router())
        .leptos_routes_with_context(&state, routes, context, {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(fallback)
        .with_state(state)
        .layer(Extension(LibraryRef(guides)))
        .layer(sessions)
        .layer(middleware::from_fn_with_state(
            page_cache,
            crate::web::page_cache::layer,
        ))
        // A bare 503 (the database cannot be reached) becomes the plain page in the language.
        .layer(middleware::from_fn(crate::web::respond::unavailable_layer))
        .layer(middleware::from_fn(i18n::language_layer))
        .layer(middleware::from_fn(security::reject_nul_layer))
        .layer(middleware::from_fn(security::same_site_layer))
        .layer(middleware::from_fn(security::headers_layer))
        .layer(middleware::from_fn_with_state(
            scheme_proxies,
            crate::web::client::scheme_layer,
        ))
        // Pages are compressed for each answer: the fastest level (files are precompressed).
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(middleware::from_fn(security::log_layer))
}
