//! Who is asking, as far as rate limits need to know: the client's address, used in memory
//! only (a keyed hash in the limiter), never stored, never logged.
#![cfg(feature = "ssr")]
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

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
