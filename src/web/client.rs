//! Who is asking, as far as rate limits need to know: the client's network, used in memory
//! only (a keyed hash in the limiter, a per-window keyed hash for the shared code throttle),
//! never stored as an address, never logged.
//!
//! Behind a reverse proxy every request comes from the proxy. Only when the peer is in
//! `DOORSTART_TRUSTED_PROXIES` do we read `Forwarded` / `X-Forwarded-For`, and take the
//! right-most address that is not itself a trusted proxy (a client can prepend anything, so
//! the left part is not to be believed). IPv6 clients are keyed by their /64, since one home
//! gets a whole /64.
#![cfg(feature = "ssr")]
use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};

use super::state::{AppState, Limits};

/// The client of this request (`None` when the server runs without peer addresses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Client(pub Option<IpAddr>);

/// Addresses and networks (CIDR) of the proxies in front of the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<(IpAddr, u8)>);

impl TrustedProxies {
    /// `"10.0.0.1, 192.168.0.0/16, ::1, fd00::/8"`; empty means none.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut nets = Vec::new();
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (addr, bits) = match item.split_once('/') {
                Some((a, b)) => (a, Some(b)),
                None => (item, None),
            };
            let ip: IpAddr = addr
                .parse()
                .map_err(|_| format!("not an address: {item}"))?;
            let max = if ip.is_ipv4() { 32 } else { 128 };
            let bits = match bits {
                Some(b) => b
                    .parse::<u8>()
                    .ok()
                    .filter(|b| *b <= max)
                    .ok_or_else(|| format!("not a prefix length: {item}"))?,
                None => max,
            };
            nets.push((ip, bits));
        }
        Ok(TrustedProxies(nets))
    }

    pub fn from_env() -> Result<Self, String> {
        Self::parse(&std::env::var("DOORSTART_TRUSTED_PROXIES").unwrap_or_default())
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0
            .iter()
            .any(|(net, bits)| in_net(ip, canonical(*net), *bits))
    }
}

fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

fn in_net(ip: IpAddr, net: IpAddr, bits: u8) -> bool {
    let mask = |width: u32| -> u128 {
        if bits == 0 {
            0
        } else {
            (!0u128 << (width - bits as u32)) & (!0u128 >> (128 - width))
        }
    };
    match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(n)) => {
            let m = mask(32);
            (u32::from(a) as u128 & m) == (u32::from(n) as u128 & m)
        }
        (IpAddr::V6(a), IpAddr::V6(n)) => {
            let m = mask(128);
            (u128::from(a) & m) == (u128::from(n) & m)
        }
        _ => false,
    }
}

/// The key of a client: an IPv4 address, or the /64 of an IPv6 address.
pub fn network_of(ip: IpAddr) -> IpAddr {
    match canonical(ip) {
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & (!0u128 << 64))),
        v4 => v4,
    }
}

/// Addresses a proxy chain reports, left (first client) to right (nearest proxy).
fn forwarded_chain(headers: &HeaderMap) -> Vec<IpAddr> {
    let forwarded: Vec<IpAddr> = headers
        .get_all("forwarded")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|element| {
            element.split(';').find_map(|pair| {
                let (k, v) = pair.trim().split_once('=')?;
                k.eq_ignore_ascii_case("for").then(|| node_address(v))?
            })
        })
        .collect();
    if !forwarded.is_empty() {
        return forwarded;
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| node_address(a.trim()))
        .collect()
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
pub fn client_of(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &TrustedProxies) -> Client {
    let Some(peer) = peer else {
        return Client(None);
    };
    if !trusted.contains(peer) {
        return Client(Some(network_of(peer)));
    }
    let chain = forwarded_chain(headers);
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
pub fn client_ip(parts: &Parts, trusted: &TrustedProxies) -> Client {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    client_of(peer, &parts.headers, trusted)
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
/// group nearby): true the first time this client shows this thing on this day, and only when
/// the request is a page being shown (`GET`, not `/api/…`). A post straight to a server
/// function's endpoint never counts, so nobody can write the figures from outside.
pub fn count_once(what: &str, day: i64) -> bool {
    use leptos::prelude::use_context;
    // A page that counts when shown is rendered every time (never from the page cache).
    crate::security::keep_out_of_page_cache();
    let (Some(parts), Some(limits)) = (use_context::<Parts>(), use_context::<Limits>()) else {
        return false;
    };
    if parts.method != Method::GET || parts.uri.path().starts_with("/api/") {
        return false;
    }
    limits
        .counted
        .first(client_ip(&parts, &limits.proxies).0, what, day)
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

    #[test]
    fn headers_are_ignored_unless_the_peer_is_a_trusted_proxy() {
        let none = TrustedProxies::default();
        let h = headers(&[("x-forwarded-for", "198.51.100.7")]);
        assert_eq!(
            client_of(ip("203.0.113.9"), &h, &none),
            Client(ip("203.0.113.9"))
        );
    }

    #[test]
    fn the_right_most_untrusted_address_is_the_client() {
        let proxies = TrustedProxies::parse("10.0.0.0/8, 192.0.2.1").unwrap();
        // The client wrote "1.2.3.4" itself; the proxy appended the real address.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 198.51.100.7, 10.0.0.3")]);
        assert_eq!(
            client_of(ip("192.0.2.1"), &h, &proxies),
            Client(ip("198.51.100.7"))
        );
        let h = headers(&[("forwarded", r#"for=1.2.3.4, for="[2001:db8:1:2::9]:4711""#)]);
        assert_eq!(
            client_of(ip("10.1.1.1"), &h, &proxies),
            Client(ip("2001:db8:1:2::"))
        );
        // No header: the proxy itself.
        assert_eq!(
            client_of(ip("10.1.1.1"), &HeaderMap::new(), &proxies),
            Client(ip("10.1.1.1"))
        );
    }

    #[test]
    fn ipv6_clients_share_their_64() {
        assert_eq!(
            network_of("2001:db8:aa:bb:1:2:3:4".parse().unwrap()),
            "2001:db8:aa:bb::".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            network_of("::ffff:192.0.2.5".parse().unwrap()),
            "192.0.2.5".parse::<IpAddr>().unwrap()
        );
    }

    #[test]
    fn proxy_lists_parse_or_say_what_is_wrong() {
        assert!(TrustedProxies::parse("").unwrap().0.is_empty());
        let p = TrustedProxies::parse(" 10.0.0.0/8 ,::1, fd00::/8").unwrap();
        assert!(p.contains("10.200.1.1".parse().unwrap()));
        assert!(p.contains("::1".parse().unwrap()));
        assert!(p.contains("fd12::1".parse().unwrap()));
        assert!(!p.contains("11.0.0.1".parse().unwrap()));
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy.local").is_err());
        assert!(TrustedProxies::parse("0.0.0.0/0")
            .unwrap()
            .contains("8.8.8.8".parse().unwrap()));
    }
}
