//! How a handler answers: a redirect after a change, or `WebError` — the one error of the
//! handlers, which turns into the right status (and, for a form, the page again).
#![cfg(feature = "ssr")]
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

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
