//! Posted forms as extractors. `Valid<T>`: the form parsed once into a domain value; on bad
//! input the handler does not run and the same page is rendered again with the values and a
//! message per field (400). `Limited<T>`: the same for the forms parents send (join, RSVP,
//! help), counted per client first; over the limit, the page again with "too many" (429).
#![cfg(feature = "ssr")]
use axum::extract::{FromRef, FromRequest, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::Form;

use super::client::client_ip;
use super::form::{posted, FormState, FromForm, RawForm};
use super::state::{Limits, Pages};

pub struct Valid<T> {
    pub value: T,
    /// Every posted field, for extras outside the domain value (e.g. a new owner).
    pub raw: RawForm,
    /// The request, for a page answer after the change (e.g. a code shown once).
    pub parts: Parts,
}

/// A parent's form: rate-limited per client, then parsed.
pub struct Limited<T>(pub Valid<T>);

/// Where every posted form is read: the body as fields, the digits of number fields as ASCII
/// (`form::posted`), so no parser needs to know the digits people type.
async fn read<S: Send + Sync>(req: Request, state: &S) -> Result<(Parts, RawForm), Response> {
    let (parts, body) = req.into_parts();
    let kept = parts.clone();
    let Form(raw) = Form::<RawForm>::from_request(Request::from_parts(parts, body), state)
        .await
        .map_err(IntoResponse::into_response)?;
    Ok((kept, posted(raw)))
}

/// A posted form read as `Valid` reads it (digits made ASCII), for a handler that checks its
/// fields itself: use it instead of `Form<RawForm>`.
pub struct Posted(pub RawForm);

impl<S: Send + Sync> FromRequest<S> for Posted {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        read(req, state).await.map(|(_, form)| Posted(form))
    }
}

/// The request's head and its form, for an extractor that needs both (a body that is not a
/// form: 400).
pub async fn head_and_form<S: Send + Sync>(
    req: Request,
    state: &S,
) -> Result<(Parts, RawForm), super::WebError> {
    read(req, state)
        .await
        .map_err(|_| super::WebError::BadRequest)
}

async fn parse<S, T>(parts: Parts, raw: RawForm, state: &S) -> Result<Valid<T>, Response>
where
    Pages: FromRef<S>,
    T: FromForm,
{
    match T::from_form(&raw) {
        Ok(value) => Ok(Valid { value, raw, parts }),
        Err(errors) => Err(Pages::from_ref(state)
            .form_again(parts, FormState::again(raw, errors))
            .await),
    }
}

impl<S, T> FromRequest<S> for Valid<T>
where
    S: Send + Sync,
    Pages: FromRef<S>,
    T: FromForm + Send,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let (parts, raw) = read(req, state).await?;
        parse(parts, raw, state).await
    }
}

impl<S, T> FromRequest<S> for Limited<T>
where
    S: Send + Sync,
    Pages: FromRef<S>,
    Limits: FromRef<S>,
    T: FromForm + Send,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let (parts, raw) = read(req, state).await?;
        let limits = Limits::from_ref(state);
        if !limits.forms.allow(client_ip(&parts, &limits.proxies).0) {
            return Err(Pages::from_ref(state).too_many(parts, raw).await);
        }
        parse(parts, raw, state).await.map(Limited)
    }
}

/// The form again when its one-time key belongs to another record (a copied or replayed
/// page): 409, a fresh key, the parent's words kept, nobody else's record shown.
pub async fn already_sent<T>(pages: &Pages, form: Valid<T>) -> super::WebError {
    let mut raw = form.raw;
    raw.remove("token");
    let state = FormState::again(
        raw,
        super::form::FieldErrors::one("form", crate::i18n::k("form-already-sent")),
    );
    let res = pages
        .with_status(form.parts, state, axum::http::StatusCode::CONFLICT)
        .await;
    res.into()
}

/// Where a post that carries a private link lands: its page (also for the same post again), or
/// the form again when the one-time key belongs to someone else.
pub async fn landing<T>(
    stored: crate::db::Stored,
    link: &str,
    pages: &Pages,
    form: Valid<T>,
) -> super::WebResult {
    match stored {
        crate::db::Stored::New | crate::db::Stored::Again => Ok(super::see_other(link)),
        crate::db::Stored::Taken => Err(already_sent(pages, form).await),
    }
}
