//! Who is asking, as far as rate limits need to know: the client's network, used in memory
//! only (a keyed hash in the limiter, a per-window keyed hash for the shared code throttle),
//! never stored as an address, never logged.
//!
//! Behind a reverse proxy every request comes from the proxy. Only when the peer is in
//! `DOORSTART_TRUSTED_PROXIES` do we read the one header named by `DOORSTART_PROXY_HEADER`
//! (`X-Forwarded-For` or `Forwarded`, never both, never the other as a fallback), and take the
//! right-most address that is not itself a trusted proxy (a client can prepend anything, so
//! the left part is not to be believed). IPv6 clients are keyed by their /64, since one home
//! gets a whole /64; the shared code throttle also counts their /56 (what a provider gives
//! one customer). `X-Forwarded-Proto` is believed from a trusted proxy only, too.
#![cfg(feature = "ssr")]
use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};

use super::state::{AppState, Limits};
use crate::config::{canonical, ProxyHeader, ProxySettings};

/// The client of this request (`None` when the server runs without peer addresses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Client(pub Option<IpAddr>);

/// The key of a client: an IPv4 address, or the /64 of an IPv6 address.
pub fn network_of(ip: IpAddr) -> IpAddr {
    prefix_of(ip, 64)
}

/// The wider network of a client: an IPv4 address itself, or the /56 of an IPv6 address (what
/// one customer of a provider usually gets).
pub fn wide_network_of(ip: IpAddr) -> IpAddr {
    prefix_of(ip, 56)
}

fn prefix_of(ip: IpAddr, bits: u32) -> IpAddr {
    match canonical(ip) {
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & (!0u128 << (128 - bits)))),
        v4 => v4,
    }
}

/// The `key=value` pairs of each element of `Forwarded`, left to right.
fn forwarded_elements(headers: &HeaderMap) -> impl Iterator<Item = Vec<(String, String)>> + '_ {
    headers
        .get_all("forwarded")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|element| {
            element
                .split(';')
                .filter_map(|pair| {
                    let (k, v) = pair.trim().split_once('=')?;
                    Some((k.trim().to_ascii_lowercase(), v.trim().to_string()))
                })
                .collect()
        })
}

/// Addresses the one named header reports, left (first client) to right (nearest proxy).
fn forwarded_chain(headers: &HeaderMap, header: ProxyHeader) -> Vec<IpAddr> {
    match header {
        ProxyHeader::Forwarded => forwarded_elements(headers)
            .filter_map(|pairs| {
                pairs
                    .iter()
                    .find(|(k, _)| k == "for")
                    .and_then(|(_, v)| node_address(v))
            })
            .collect(),
        ProxyHeader::XForwardedFor => headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|a| node_address(a.trim()))
            .collect(),
    }
}

/// Whether the person reached us over HTTPS: the request itself, or what a trusted proxy says
/// (`X-Forwarded-Proto`, or `proto=` of the last `Forwarded` element when that is the header).
/// A client that talks to us directly cannot claim it.
pub fn over_https(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    scheme: Option<&str>,
    proxies: &ProxySettings,
) -> bool {
    if scheme == Some("https") {
        return true;
    }
    if !peer.is_some_and(|p| proxies.trusted.contains(p)) {
        return false;
    }
    match proxies.header {
        ProxyHeader::XForwardedFor => headers
            .get_all("x-forwarded-proto")
            .iter()
            .next_back()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("https")),
        ProxyHeader::Forwarded => forwarded_elements(headers)
            .last()
            .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "proto"))
            .is_some_and(|(_, v)| v.trim_matches('"').eq_ignore_ascii_case("https")),
    }
}

/// Decides once per request whether it came over HTTPS (see `over_https`), for the layers
/// inside (HSTS, the `Secure` language cookie).
pub async fn scheme_layer(
    axum::extract::State(proxies): axum::extract::State<std::sync::Arc<ProxySettings>>,
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let https = over_https(
        peer_of(req.extensions()),
        req.headers(),
        req.uri().scheme_str(),
        &proxies,
    );
    req.extensions_mut()
        .insert(crate::security::OverHttps(https));
    next.run(req).await
}

/// The peer address of a request (set by `into_make_service_with_connect_info`).
pub fn peer_of(extensions: &axum::http::Extensions) -> Option<IpAddr> {
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
}

/// `192.0.2.1`, `"[2001:db8::1]:4711"`, `192.0.2.1:80` → the address.
fn node_address(v: &str) -> Option<IpAddr> {
    let v = v.trim().trim_matches('"');
    if let Some(rest) = v.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    v.parse()
        .ok()
        .or_else(|| v.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

/// The client of a request with this peer and these headers.
pub fn client_of(peer: Option<IpAddr>, headers: &HeaderMap, proxies: &ProxySettings) -> Client {
    let Some(peer) = peer else {
        return Client(None);
    };
    let trusted = &proxies.trusted;
    if !trusted.contains(peer) {
        return Client(Some(network_of(peer)));
    }
    let chain = forwarded_chain(headers, proxies.header);
    let client = chain
        .iter()
        .rev()
        .find(|ip| !trusted.contains(**ip))
        .or(chain.first())
        .copied()
        .unwrap_or(peer);
    Client(Some(network_of(client)))
}

/// The client of these request parts, with the app's trusted proxies.
pub fn client_ip(parts: &Parts, proxies: &ProxySettings) -> Client {
    client_of(peer_of(&parts.extensions), &parts.headers, proxies)
}

impl FromRequestParts<AppState> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(client_ip(parts, &state.limits.proxies))
    }
}

/// For anonymous statistics written while a page is shown (a guide view, a search without a
/// group nearby): true the first time this client shows this thing on this day, on any
/// instance (decided in the database: `security::once`), and only when the request is a page
/// being shown (`GET`, not `/api/…`). A post straight to a server function's endpoint never
/// counts, so nobody can write the figures from outside. A database error counts nothing.
pub async fn count_once(what: &str, day: i64) -> bool {
    use leptos::prelude::use_context;
    // A page that counts when shown is rendered every time (never from the page cache).
    crate::security::keep_out_of_page_cache();
    let (Some(parts), Some(limits), Some(db)) = (
        use_context::<Parts>(),
        use_context::<Limits>(),
        use_context::<crate::db::Db>(),
    ) else {
        return false;
    };
    if parts.method != Method::GET || parts.uri.path().starts_with("/api/") {
        return false;
    }
    let client = client_ip(&parts, &limits.proxies).0;
    crate::security::once::first_today(&db, client, what, day)
        .await
        .unwrap_or_else(|e| {
            tracing::warn!(error = %e, "statistics: a view could not be checked; not counted");
            false
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, v.parse().unwrap());
        }
        h
    }

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    fn proxies(list: &str, header: &str) -> ProxySettings {
        ProxySettings::parse(list, Some(header)).unwrap()
    }

    #[test]
    fn headers_are_ignored_unless_the_peer_is_a_trusted_proxy() {
        let none = ProxySettings::default();
        let h = headers(&[("x-forwarded-for", "198.51.100.7")]);
        assert_eq!(
            client_of(ip("203.0.113.9"), &h, &none),
            Client(ip("203.0.113.9"))
        );
    }

    #[test]
    fn the_right_most_untrusted_address_is_the_client() {
        let xff = proxies("10.0.0.0/8, 192.0.2.1", "X-Forwarded-For");
        // The client wrote "1.2.3.4" itself; the proxy appended the real address.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 198.51.100.7, 10.0.0.3")]);
        assert_eq!(
            client_of(ip("192.0.2.1"), &h, &xff),
            Client(ip("198.51.100.7"))
        );
        let fwd = proxies("10.0.0.0/8, 192.0.2.1", "Forwarded");
        let h = headers(&[("forwarded", r#"for=1.2.3.4, for="[2001:db8:1:2::9]:4711""#)]);
        assert_eq!(
            client_of(ip("10.1.1.1"), &h, &fwd),
            Client(ip("2001:db8:1:2::"))
        );
        let proxies = xff;
        // No header: the proxy itself.
        assert_eq!(
            client_of(ip("10.1.1.1"), &HeaderMap::new(), &proxies),
            Client(ip("10.1.1.1"))
        );
    }

    #[test]
    fn only_the_named_header_is_read_never_the_other() {
        // An ordinary proxy appends X-Forwarded-For and passes the client's own Forwarded
        // header on: a new Forwarded per request must not give a new key.
        let xff = proxies("10.0.0.1", "X-Forwarded-For");
        for forged in [
            "for=203.0.113.1",
            "for=203.0.113.2",
            r#"for="[2001:db8::1]""#,
        ] {
            let h = headers(&[("forwarded", forged), ("x-forwarded-for", "198.51.100.7")]);
            assert_eq!(
                client_of(ip("10.0.0.1"), &h, &xff),
                Client(ip("198.51.100.7"))
            );
        }
        // And the other way round: with Forwarded named, X-Forwarded-For is not read, not
        // even when Forwarded is missing (the proxy itself is then the client).
        let fwd = proxies("10.0.0.1", "Forwarded");
        let h = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(client_of(ip("10.0.0.1"), &h, &fwd), Client(ip("10.0.0.1")));
        let h = headers(&[
            ("x-forwarded-for", "203.0.113.9"),
            ("forwarded", "for=198.51.100.8;proto=https"),
        ]);
        assert_eq!(
            client_of(ip("10.0.0.1"), &h, &fwd),
            Client(ip("198.51.100.8"))
        );
    }

    #[test]
    fn https_is_believed_from_a_trusted_proxy_only() {
        let xff = proxies("10.0.0.1", "X-Forwarded-For");
        let h = headers(&[("x-forwarded-proto", "https")]);
        assert!(over_https(ip("10.0.0.1"), &h, None, &xff));
        assert!(!over_https(ip("203.0.113.5"), &h, None, &xff));
        assert!(!over_https(None, &h, None, &xff));
        assert!(!over_https(ip("10.0.0.1"), &HeaderMap::new(), None, &xff));
        assert!(over_https(
            ip("203.0.113.5"),
            &HeaderMap::new(),
            Some("https"),
            &xff
        ));
        let fwd = proxies("10.0.0.1", "Forwarded");
        assert!(!over_https(ip("10.0.0.1"), &h, None, &fwd));
        let h = headers(&[(
            "forwarded",
            "for=1.2.3.4;proto=http, for=198.51.100.7;proto=https",
        )]);
        assert!(over_https(ip("10.0.0.1"), &h, None, &fwd));
    }

    #[test]
    fn ipv6_clients_share_their_64_and_56() {
        assert_eq!(
            wide_network_of("2001:db8:aa:12bb:1:2:3:4".parse().unwrap()),
            "2001:db8:aa:1200::".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            wide_network_of("192.0.2.5".parse().unwrap()),
            "192.0.2.5".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            network_of("2001:db8:aa:bb:1:2:3:4".parse().unwrap()),
            "2001:db8:aa:bb::".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            network_of("::ffff:192.0.2.5".parse().unwrap()),
            "192.0.2.5".parse::<IpAddr>().unwrap()
        );
    }
}
