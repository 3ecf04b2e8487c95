//! Response headers (CSP with a per-request nonce), the same-site check for posts, and a
//! request log that holds no IP address, user agent, query string or form content.
pub mod client_key;
pub mod limit;
pub mod once;
pub mod tokens;
use axum::extract::{MatchedPath, Request};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The nonce of this request's inline scripts; the shell hands it to Leptos.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// A response header, set while a page renders and removed before the answer leaves, that
/// keeps the page out of the server's page cache (`web::page_cache`): the page holds something
/// made for this one visitor (a form token) or writes a figure when shown (counted views).
pub const NO_PAGE_CACHE: &str = "x-doorstart-no-page-cache";

/// Marks the page being rendered as one for this visitor only (see `NO_PAGE_CACHE`).
pub fn keep_out_of_page_cache() {
    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(
            header::HeaderName::from_static(NO_PAGE_CACHE),
            HeaderValue::from_static("1"),
        );
    }
}

fn new_nonce() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 18];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         worker-src 'self'; manifest-src 'self'; \
         object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
}

/// Whether the person reached us over HTTPS, as the web kernel decided it once per request
/// from the scheme or a trusted proxy (`web::client::scheme_layer`); never from a header a
/// client can send itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OverHttps(pub bool);

pub fn over_https(req: &Request) -> bool {
    req.extensions().get::<OverHttps>().is_some_and(|h| h.0)
}

/// Sets the security headers on every response.
pub async fn headers_layer(mut req: Request, next: Next) -> Response {
    let nonce = new_nonce();
    let https = over_https(&req);
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    // Private pages (the facilitator side, a help conversation) are never kept in a cache.
    let private =
        req.uri().path().starts_with("/admin") || req.uri().path().starts_with("/help/reply");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&content_security_policy(&nonce)) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "permissions-policy",
        HeaderValue::from_static(
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        ),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    h.remove(header::SERVER);
    if private {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// True when a state-changing request comes from another site.
pub fn is_cross_site(method: &Method, headers: &axum::http::HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    if let Some(site) = headers.get("sec-fetch-site") {
        return !matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    // Older browsers: compare Origin with Host. A "null" origin (privacy mode) is let through
    // only because SameSite cookies and the absence of ambient authority still protect it.
    match (headers.get(header::ORIGIN), headers.get(header::HOST)) {
        (Some(origin), Some(host)) if origin.as_bytes() != b"null" => {
            let origin = origin.to_str().unwrap_or("");
            let origin_host = origin.split("://").nth(1).unwrap_or("");
            origin_host != host.to_str().unwrap_or("")
        }
        _ => false,
    }
}

/// Refuses posts from other sites (403) and every state change that is not a POST (405).
pub async fn same_site_layer(req: Request, next: Next) -> Response {
    if is_cross_site(req.method(), req.headers()) {
        return (StatusCode::FORBIDDEN, "Forbidden").into_response();
    }
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::POST) {
        return (StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed").into_response();
    }
    next.run(req).await
}

/// True when URL-encoded text holds a NUL, raw or as `%00`; `twice` also counts `%2500`, for
/// the path and the query, whose parameters Leptos' router decodes a second time.
fn has_nul(bytes: &[u8], twice: bool) -> bool {
    bytes.contains(&0)
        || bytes.windows(3).any(|w| w == b"%00")
        || (twice && bytes.windows(5).any(|w| w == b"%2500"))
}

/// Refuses (400) a NUL in the path, the query or a URL-encoded form: no field of ours holds
/// one, and PostgreSQL takes none in text. Runs inside the body limit, so the form is bounded.
pub async fn reject_nul_layer(req: Request, next: Next) -> Response {
    let bad_request = || (StatusCode::BAD_REQUEST, "Bad Request").into_response();
    let uri = req.uri();
    let in_url = |s: &str| has_nul(s.as_bytes(), true);
    if in_url(uri.path()) || uri.query().is_some_and(in_url) {
        return bad_request();
    }
    let form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        });
    if !form {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "Payload Too Large").into_response();
    };
    if has_nul(&bytes, false) {
        return bad_request();
    }
    next.run(Request::from_parts(parts, bytes.into())).await
}

/// Logs method, route template (never the concrete path: it may hold a token), status and time.
pub async fn log_layer(req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "(other)".to_string());
    let started = std::time::Instant::now();
    let res = next.run(req).await;
    tracing::info!(
        %method,
        route,
        status = res.status().as_u16(),
        ms = started.elapsed().as_millis() as u64,
        "request"
    );
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderMap;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn posts_from_other_sites_are_cross_site() {
        let post = Method::POST;
        assert!(is_cross_site(
            &post,
            &headers(&[("sec-fetch-site", "cross-site")])
        ));
        assert!(is_cross_site(
            &post,
            &headers(&[("sec-fetch-site", "same-site")])
        ));
        assert!(!is_cross_site(
            &post,
            &headers(&[("sec-fetch-site", "same-origin")])
        ));
        assert!(is_cross_site(
            &post,
            &headers(&[("origin", "https://evil.example"), ("host", "doorstart.nl")])
        ));
        assert!(!is_cross_site(
            &post,
            &headers(&[("origin", "https://doorstart.nl"), ("host", "doorstart.nl")])
        ));
        assert!(!is_cross_site(
            &Method::GET,
            &headers(&[("sec-fetch-site", "cross-site")])
        ));
    }

    #[test]
    fn csp_has_no_unsafe_inline() {
        let csp = content_security_policy("abc");
        assert!(csp.contains("'nonce-abc'"));
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(csp.contains("object-src 'none'"));
        assert!(csp.contains("base-uri 'none'"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(!csp.contains("unsafe-inline"));
        // The service worker (/sw.js) and the web app manifest come from this site only.
        assert!(csp.contains("worker-src 'self';"));
        assert!(csp.contains("manifest-src 'self';"));
    }

    #[test]
    fn nul_in_any_shape() {
        for bad in [&b"a%00b"[..], b"%00", b"a\0", b"name=x&y=%00"] {
            assert!(has_nul(bad, false), "{bad:?}");
        }
        for good in [&b"a%2500"[..], b"%0A", b"%20%30%30", b"0", b"%250"] {
            assert!(!has_nul(good, false), "{good:?}");
        }
        assert!(has_nul(b"/admin/help/%2500", true));
    }

    #[test]
    fn nonces_differ() {
        assert_ne!(new_nonce(), new_nonce());
    }
}
