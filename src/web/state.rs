//! The state every handler can ask for, and its parts (`State<Db>`, `State<Pages>`, …).
#![cfg(feature = "ssr")]
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::FromRef;
use axum::http::request::Parts;
use axum::http::{Request, StatusCode};
use axum::response::Response;
use leptos::prelude::*;

use super::client::TrustedProxies;
use super::form::{FieldErrors, FormState, RawForm};
use crate::config::LimitSettings;
use crate::db::Db;
use crate::security::limit::RateLimiter;
use crate::security::once::OncePerDay;

/// `State<Db>`, `State<Pages>`, `State<Limits>` and `State<LeptosOptions>` each take one part.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub pages: Pages,
    pub limits: Limits,
    pub public_url: PublicUrl,
}

/// The start of every absolute link (`DOORSTART_PUBLIC_URL`), never taken from a request.
#[derive(Clone, Debug)]
pub struct PublicUrl(pub Arc<str>);

impl PublicUrl {
    /// `DOORSTART_PUBLIC_URL`, or this server's own address (demo and tests).
    pub fn from_env(options: &LeptosOptions) -> Self {
        let url = std::env::var("DOORSTART_PUBLIC_URL")
            .ok()
            .map(|u| u.trim().trim_end_matches('/').to_string())
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| format!("http://{}", options.site_addr));
        PublicUrl(url.into())
    }

    /// An absolute link to a path of the app.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

/// Limits: per client in memory, and the site-wide cap on help requests (counted in the
/// database, so every instance shares it).
#[derive(Clone)]
pub struct Limits {
    /// Join requests, RSVPs, help questions and feedback: `DOORSTART_FORM_LIMIT` in 10 minutes.
    pub forms: Arc<RateLimiter>,
    /// Sign-in attempts: 20 in 15 minutes.
    pub logins: Arc<RateLimiter>,
    /// Wrong pick-up codes: 10 in 15 minutes (this instance; the database keeps the same
    /// count for all instances together).
    pub codes: Arc<RateLimiter>,
    /// Whose `Forwarded` / `X-Forwarded-For` headers are believed.
    pub proxies: Arc<TrustedProxies>,
    /// New help requests site-wide in the last hour: `DOORSTART_HELP_PER_HOUR`.
    pub help_per_hour: u32,
    /// Statistics written while a page is shown count once per client, thing and day.
    pub counted: Arc<OncePerDay>,
}

impl Limits {
    pub fn new(settings: LimitSettings, proxies: TrustedProxies) -> Self {
        Self {
            forms: Arc::new(RateLimiter::new(
                settings.forms_per_10_minutes,
                Duration::from_secs(600),
            )),
            logins: Arc::new(RateLimiter::new(20, Duration::from_secs(900))),
            codes: Arc::new(RateLimiter::new(10, Duration::from_secs(900))),
            proxies: Arc::new(proxies),
            help_per_hour: settings.help_per_hour,
            counted: Arc::new(OncePerDay::new()),
        }
    }
}

/// Renders the app's pages from a handler: the shell and the page context are given by the
/// assembly (`server.rs`), so the kernel never names the app or a feature.
#[derive(Clone)]
pub struct Pages {
    options: LeptosOptions,
    shell: fn(LeptosOptions) -> AnyView,
    context: Arc<dyn Fn() + Send + Sync>,
}

impl Pages {
    pub fn new(
        options: LeptosOptions,
        shell: fn(LeptosOptions) -> AnyView,
        context: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        Self {
            options,
            shell,
            context: Arc::new(context),
        }
    }

    /// The page at this request's address (the page sets its own status).
    pub async fn render(&self, parts: Parts, form: FormState) -> Response {
        self.render_with(parts, form, || {}).await
    }

    /// The same, with more context for the page (for example a conversation found by its code).
    pub async fn render_with(
        &self,
        parts: Parts,
        form: FormState,
        extra: impl Fn() + Clone + Send + Sync + 'static,
    ) -> Response {
        let options = self.options.clone();
        let shell = self.shell;
        let context = self.context.clone();
        let handler = leptos_axum::render_app_async_with_context(
            move || {
                context();
                provide_context(form.clone());
                extra();
            },
            move || shell(options.clone()),
        );
        let mut res = handler(Request::from_parts(parts, Body::empty())).await;
        // A page a handler draws carries what a person posted (or a code shown once): never
        // kept by a browser or a proxy.
        res.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
        res
    }

    /// The posted page again with what was posted and what was wrong (400, or the page's own
    /// error status), so a form works the same with and without JavaScript.
    pub async fn form_again(&self, parts: Parts, form: FormState) -> Response {
        self.with_status(parts, form, StatusCode::BAD_REQUEST).await
    }

    /// The page with a status of its own when the page itself says 200.
    pub async fn with_status(&self, parts: Parts, form: FormState, status: StatusCode) -> Response {
        let mut res = self.render(parts, form).await;
        if res.status() == StatusCode::OK {
            *res.status_mut() = status;
        }
        res
    }

    /// The form again with "too many forms in a short time" (429).
    pub async fn too_many(&self, parts: Parts, values: RawForm) -> Response {
        let form = FormState::again(
            values,
            FieldErrors::one("form", crate::i18n::k("form-too-many")),
        );
        let mut res = self.render(parts, form).await;
        *res.status_mut() = StatusCode::TOO_MANY_REQUESTS;
        res
    }
}
