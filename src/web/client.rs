//! Who is asking, as far as rate limits need to know: the client's address, used in memory
//! only (a keyed hash in the limiter), never stored, never logged.
#![cfg(feature = "ssr")]
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::Method;

use super::state::Limits;

/// The client of this request (`None` when the server runs without peer addresses).
#[derive(Clone, Copy, Debug)]
pub struct Client(pub Option<IpAddr>);

pub fn client_ip(parts: &Parts) -> Option<IpAddr> {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
}

impl<S: Send + Sync> FromRequestParts<S> for Client {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(Client(client_ip(parts)))
    }
}

/// For anonymous statistics written while a page is shown (a guide view, a search without a
/// group nearby): true the first time this client shows this thing on this day, and only when
/// the request is a page being shown (`GET`, not `/api/…`). A post straight to a server
/// function's endpoint never counts, so nobody can write the figures from outside.
pub fn count_once(what: &str, day: i64) -> bool {
    use leptos::prelude::use_context;
    let (Some(parts), Some(limits)) = (use_context::<Parts>(), use_context::<Limits>()) else {
        return false;
    };
    if parts.method != Method::GET || parts.uri.path().starts_with("/api/") {
        return false;
    }
    limits.counted.first(client_ip(&parts), what, day)
}
