//! Picks the language for each request and remembers an explicit choice in a cookie.
use axum::extract::Request;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

use super::Lang;

pub const LANG_COOKIE: &str = "lang";

fn from_query(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| Lang::parse(v))
}

fn from_cookie(header: Option<&HeaderValue>) -> Option<Lang> {
    header?
        .to_str()
        .ok()?
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == LANG_COOKIE)
        .and_then(|(_, v)| Lang::parse(v))
}

/// Takes the first supported language in order of the `q` weights.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    let mut ranges: Vec<(f32, Lang)> = header
        .split(',')
        .filter_map(|part| {
            let mut it = part.split(';');
            let lang = Lang::parse(it.next()?)?;
            let q = it
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (q > 0.0).then_some((q, lang))
        })
        .collect();
    // Stable sort keeps the header's order for equal weights.
    ranges.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
    ranges.first().map(|(_, l)| *l)
}

pub async fn language_layer(mut req: Request, next: Next) -> Response {
    let chosen = from_query(req.uri().query());
    let lang = chosen
        .or_else(|| from_cookie(req.headers().get(COOKIE)))
        .or_else(|| {
            req.headers()
                .get(ACCEPT_LANGUAGE)
                .and_then(|h| h.to_str().ok())
                .and_then(from_accept_language)
        })
        .unwrap_or_default();
    req.extensions_mut().insert(lang);
    let secure = if crate::security::over_https(&req) {
        "; Secure"
    } else {
        ""
    };
    let mut res = next.run(req).await;
    if let Some(lang) = chosen {
        let cookie = format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
            lang.code()
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(SET_COOKIE, v);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_follows_weights() {
        assert_eq!(from_accept_language("ar;q=0.9, en;q=1"), Some(Lang::En));
        assert_eq!(from_accept_language("de-DE, ar-MA;q=0.5"), Some(Lang::Ar));
        assert_eq!(from_accept_language("de, fr"), None);
        assert_eq!(from_accept_language("en;q=0, nl;q=0.2"), Some(Lang::Nl));
    }

    proptest::proptest! {
        #[test]
        fn negotiation_never_panics(s in "\\PC*", h in "([a-zA-Z_-]{0,6}(;q=[0-9.]{0,4})?, ?){0,4}") {
            for s in [s, h] {
                let _ = from_accept_language(&s);
                let _ = from_query(Some(&s));
                if let Ok(v) = HeaderValue::from_str(&s) {
                    let _ = from_cookie(Some(&v));
                }
                if let Some(l) = Lang::parse(&s) {
                    proptest::prop_assert_eq!(Lang::parse(l.code()), Some(l));
                }
            }
        }
    }

    #[test]
    fn query_and_cookie() {
        assert_eq!(from_query(Some("a=1&lang=ar")), Some(Lang::Ar));
        assert_eq!(from_query(Some("lang=zz")), None);
        let h = HeaderValue::from_static("x=1; lang=en");
        assert_eq!(from_cookie(Some(&h)), Some(Lang::En));
    }
}
