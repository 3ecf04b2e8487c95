//! How a handler answers: a redirect after a change, or `WebError` — the one error of the
//! handlers, which turns into the right status (and, for a form, the page again).
#![cfg(feature = "ssr")]
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::error::AppError;

/// After a successful post: go to the page that shows the result (303, so a refresh does not
/// post again).
pub fn see_other(path: &str) -> Response {
    Redirect::to(path).into_response()
}

/// What can go wrong in a handler, each with its answer.
#[derive(Debug)]
pub enum WebError {
    /// Not signed in: to the sign-in page.
    SignIn,
    /// Unknown, or not the viewer's (nobody learns it exists).
    NotFound,
    /// Input that no form of ours sends.
    BadRequest,
    TooMany,
    /// Logged where it happened; people get a generic text.
    Internal,
    /// The database cannot be reached: 503, the plain page with the crisis numbers
    /// (`unavailable_layer`).
    Unavailable,
    /// An answer made already (for example the form again with messages).
    Page(Box<Response>),
}

pub type WebResult = Result<Response, WebError>;

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            WebError::SignIn => see_other("/admin/login"),
            WebError::NotFound => AppError::NotFound.into_response(),
            WebError::BadRequest => AppError::Invalid("bad-request".into()).into_response(),
            WebError::TooMany => AppError::TooMany.into_response(),
            WebError::Internal => AppError::Internal.into_response(),
            WebError::Unavailable => AppError::Unavailable.into_response(),
            WebError::Page(res) => *res,
        }
    }
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Invalid(_) => WebError::BadRequest,
            AppError::NotFound => WebError::NotFound,
            AppError::SignIn => WebError::SignIn,
            AppError::TooMany => WebError::TooMany,
            AppError::Internal => WebError::Internal,
            AppError::Unavailable => WebError::Unavailable,
        }
    }
}

impl From<sqlx::Error> for WebError {
    fn from(e: sqlx::Error) -> Self {
        AppError::from(e).into()
    }
}

impl From<Response> for WebError {
    fn from(res: Response) -> Self {
        WebError::Page(Box::new(res))
    }
}

/// `false` or `None` from a store ("no such row of yours") becomes a 404.
pub trait OrNotFound<T> {
    fn or_not_found(self) -> Result<T, WebError>;
}

impl OrNotFound<()> for bool {
    fn or_not_found(self) -> Result<(), WebError> {
        if self {
            Ok(())
        } else {
            Err(WebError::NotFound)
        }
    }
}

impl<T> OrNotFound<T> for Option<T> {
    fn or_not_found(self) -> Result<T, WebError> {
        self.ok_or(WebError::NotFound)
    }
}

/// A status for a page answer made by hand.
pub fn with_status(mut res: Response, status: StatusCode) -> Response {
    *res.status_mut() = status;
    res
}

/// Seconds a client is asked to wait before it tries a 503 again.
pub const RETRY_AFTER_SECONDS: u32 = 5;

/// Makes every bare 503 (a post whose database cannot be reached, `/healthz`) the plain page in
/// the request's language: try again soon, the crisis numbers and the quick exit, asked again in
/// `RETRY_AFTER_SECONDS`, never kept. A page that drew its own 503 (HTML) and a server
/// function's answer (JSON) keep their body. Sits inside the language layer.
pub async fn unavailable_layer(req: Request, next: Next) -> Response {
    let lang = req
        .extensions()
        .get::<crate::i18n::Lang>()
        .copied()
        .unwrap_or_default();
    let mut res = next.run(req).await;
    if res.status() != StatusCode::SERVICE_UNAVAILABLE {
        return res;
    }
    if !bare(&res) {
        // A page's own 503 (a finder page whose data did not come) is asked again soon too,
        // unless it says when itself (the hourly help cap).
        res.headers_mut()
            .entry(header::RETRY_AFTER)
            .or_insert(HeaderValue::from(RETRY_AFTER_SECONDS));
        return res;
    }
    let mut page = Html(crate::ui::unavailable_page(lang)).into_response();
    *page.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    let headers = page.headers_mut();
    headers.insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    page
}

/// An answer with plain text or nothing in it.
fn bare(res: &Response) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v.starts_with("text/plain"))
}
