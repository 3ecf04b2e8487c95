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

use super::form::{FieldErrors, FormState, RawForm};
pub use crate::config::PublicUrl;
use crate::config::{LimitSettings, ProxySettings};
use crate::db::Db;
use crate::security::limit::RateLimiter;

/// `State<Db>`, `State<Pages>`, `State<Limits>` and `State<LeptosOptions>` each take one part.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub pages: Pages,
    pub limits: Limits,
    pub public_url: PublicUrl,
}

/// Limits: per client in memory, and the site-wide cap on help requests (counted in the
/// database, so every instance shares it).
#[derive(Clone)]
pub struct Limits {
    /// Join requests, RSVPs, help questions and feedback: `DOORSTART_FORM_LIMIT` in 10 minutes.
    pub forms: Arc<RateLimiter>,
    /// Sign-in attempts: 20 in 15 minutes.
    pub logins: Arc<RateLimiter>,
    /// Whose `Forwarded` or `X-Forwarded-For` header is believed, and which one.
    pub proxies: Arc<ProxySettings>,
    /// New help requests site-wide in the last hour: `DOORSTART_HELP_PER_HOUR`.
    pub help_per_hour: u32,
}

impl Limits {
    pub fn new(settings: LimitSettings, proxies: ProxySettings) -> Self {
        Self {
            forms: Arc::new(RateLimiter::new(
                settings.forms_per_10_minutes,
                Duration::from_secs(600),
            )),
            logins: Arc::new(RateLimiter::new(20, Duration::from_secs(900))),
            proxies: Arc::new(proxies),
            help_per_hour: settings.help_per_hour,
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
