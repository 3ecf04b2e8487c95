//! A small cache of whole pages that are the same for every visitor (the start page, the finder,
//! the guide list, the statements), so a busy server renders each at most once a second per
//! address, language and content version.
//!
//! What is kept: a `GET` of a path on the list, by a visitor without any cookie but the
//! language, answered 200 with HTML, without `Set-Cookie`, without `no-store`/`private`, and
//! not marked by the page as this visitor's own (`security::keep_out_of_page_cache`: a form
//! token, a view that is counted). The key is the path with only the query parameters that page
//! reads (in a fixed order; the request the page sees is cut to the same, so the page can only
//! depend on what is in the key, and `?x=1`, `?x=2`, … cannot fill the cache or carry one
//! visitor's parameters to another), the language and the content version (the finder's
//! `finder_version`); an entry lives `TTL`. The page's CSP nonce is cut out when kept and the
//! new request's nonce put in when served, so every answer still has its own nonce. Memory is
//! bounded (`MAX_BYTES`, `MAX_ENTRIES`): the least recently used pages go first.
#![cfg(feature = "ssr")]
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use crate::i18n::Lang;
use crate::security::{CspNonce, NO_PAGE_CACHE};

/// How long a page is served from the cache: what depends on the clock or on data outside the
/// version (the next meetup's date in the finder) is at most this old.
pub const TTL: Duration = Duration::from_secs(1);
/// All kept pages together at most this many bytes; one page at most `MAX_PAGE`.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
pub const MAX_PAGE: usize = 256 * 1024;
/// At most this many pages are kept.
pub const MAX_ENTRIES: usize = 2_000;

/// A page the cache may keep, with the query parameters it reads.
pub type SharedPage = (&'static str, &'static [&'static str]);

/// The content version now (None: do not cache now).
pub type VersionFn =
    Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Option<i64>> + Send>> + Send + Sync>;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    path_and_query: String,
    lang: Lang,
    version: i64,
}

struct Entry {
    made: Instant,
    status: StatusCode,
    headers: HeaderMap,
    /// The page cut at its nonce: served as part, nonce, part, nonce, … part.
    parts: Vec<Bytes>,
    size: usize,
}

struct Kept {
    /// Each page with the tick it was last used at.
    entries: HashMap<Key, (Arc<Entry>, u64)>,
    bytes: usize,
    tick: u64,
}

impl Kept {
    /// Drops the least recently used page.
    fn evict_one(&mut self) -> bool {
        let Some(oldest) = self
            .entries
            .iter()
            .min_by_key(|(_, (_, used))| *used)
            .map(|(k, _)| k.clone())
        else {
            return false;
        };
        if let Some((gone, _)) = self.entries.remove(&oldest) {
            self.bytes -= gone.size;
        }
        true
    }
}

#[derive(Clone)]
pub struct PageCache(Arc<Inner>);

struct Inner {
    paths: &'static [SharedPage],
    version: VersionFn,
    kept: Mutex<Kept>,
}

impl PageCache {
    /// A cache for these exact paths, with the content version from `version`.
    pub fn new(paths: &'static [SharedPage], version: VersionFn) -> Self {
        Self(Arc::new(Inner {
            paths,
            version,
            kept: Mutex::new(Kept {
                entries: HashMap::new(),
                bytes: 0,
                tick: 0,
            }),
        }))
    }

    fn lookup(&self, key: &Key) -> Option<Arc<Entry>> {
        let mut kept = self.0.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.tick += 1;
        let tick = kept.tick;
        let (entry, used) = kept.entries.get_mut(key)?;
        if entry.made.elapsed() >= TTL {
            return None;
        }
        *used = tick;
        Some(entry.clone())
    }

    fn keep(&self, key: Key, entry: Entry) {
        if entry.size > MAX_PAGE {
            return;
        }
        let mut kept = self.0.kept.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((old, _)) = kept.entries.remove(&key) {
            kept.bytes -= old.size;
        }
        // Pages past their time go first, then the least recently used.
        if kept.bytes + entry.size > MAX_BYTES || kept.entries.len() >= MAX_ENTRIES {
            kept.entries.retain(|_, (e, _)| e.made.elapsed() < TTL);
            kept.bytes = kept.entries.values().map(|(e, _)| e.size).sum();
        }
        while kept.bytes + entry.size > MAX_BYTES || kept.entries.len() >= MAX_ENTRIES {
            if !kept.evict_one() {
                break;
            }
        }
        kept.tick += 1;
        let tick = kept.tick;
        kept.bytes += entry.size;
        kept.entries.insert(key, (Arc::new(entry), tick));
    }

    /// How many pages are kept now (tests).
    pub fn len(&self) -> usize {
        self.0
            .kept
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entries
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Only the language cookie (or none): anything else may make the page this visitor's own.
fn anonymous(headers: &HeaderMap) -> bool {
    if headers.contains_key(header::AUTHORIZATION) {
        return false;
    }
    headers.get_all(header::COOKIE).iter().all(|v| {
        v.to_str().is_ok_and(|s| {
            s.split(';')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .all(|c| {
                    c.split_once('=')
                        .is_some_and(|(k, _)| k == crate::i18n::LANG_COOKIE)
                })
        })
    })
}

fn response_of(entry: &Entry, nonce: &str) -> Response {
    let mut body = Vec::with_capacity(entry.size + nonce.len() * entry.parts.len());
    for (n, part) in entry.parts.iter().enumerate() {
        if n > 0 {
            body.extend_from_slice(nonce.as_bytes());
        }
        body.extend_from_slice(part);
    }
    let mut res = Response::new(Body::from(body));
    *res.status_mut() = entry.status;
    *res.headers_mut() = entry.headers.clone();
    res
}

/// Whether an answer may be kept for every visitor.
fn shareable(res: &Response) -> bool {
    let h = res.headers();
    res.status() == StatusCode::OK
        && !h.contains_key(header::SET_COOKIE)
        && !h.contains_key(NO_PAGE_CACHE)
        && !h.contains_key(header::CONTENT_ENCODING)
        && h.get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"))
        && h.get_all(header::CACHE_CONTROL).iter().all(|v| {
            v.to_str()
                .is_ok_and(|v| !v.contains("no-store") && !v.contains("private"))
        })
}

/// The path with only the parameters the page reads, in the page's order (the first value of
/// each; `None` when the path is not kept).
fn canonical(paths: &[SharedPage], uri: &axum::http::Uri) -> Option<String> {
    let (_, reads) = paths.iter().find(|(p, _)| *p == uri.path())?;
    let query = uri.query().unwrap_or("");
    let pairs: Vec<&str> = reads
        .iter()
        .filter_map(|name| {
            query
                .split('&')
                .find(|pair| pair.split('=').next() == Some(*name))
        })
        .collect();
    Some(if pairs.is_empty() {
        uri.path().to_string()
    } else {
        format!("{}?{}", uri.path(), pairs.join("&"))
    })
}

/// The middleware: serves a kept page, or renders and keeps it when it may.
pub async fn layer(State(cache): State<PageCache>, mut req: Request, next: Next) -> Response {
    let canonical = canonical(cache.0.paths, req.uri());
    let wanted = req.method() == Method::GET && canonical.is_some() && anonymous(req.headers());
    let lang = req.extensions().get::<Lang>().copied();
    let nonce = req.extensions().get::<CspNonce>().map(|n| n.0.clone());
    let (true, Some(lang), Some(nonce)) = (wanted, lang, nonce) else {
        let mut res = next.run(req).await;
        res.headers_mut().remove(NO_PAGE_CACHE);
        return res;
    };
    let Some(version) = (cache.0.version)().await else {
        let mut res = next.run(req).await;
        res.headers_mut().remove(NO_PAGE_CACHE);
        return res;
    };
    let path_and_query = canonical.unwrap_or_default();
    // The page sees exactly what the key holds.
    match path_and_query.parse() {
        Ok(uri) => *req.uri_mut() = uri,
        Err(_) => return next.run(req).await,
    }
    let key = Key {
        path_and_query,
        lang,
        version,
    };
    if let Some(entry) = cache.lookup(&key) {
        return response_of(&entry, &nonce);
    }
    let res = next.run(req).await;
    if !shareable(&res) {
        let mut res = res;
        res.headers_mut().remove(NO_PAGE_CACHE);
        return res;
    }
    let (parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            tracing::warn!("page body: {e}");
            let mut res = Response::new(Body::empty());
            *res.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            return res;
        }
    };
    if bytes.len() <= MAX_PAGE {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let mut cut = Vec::new();
            let mut at = 0;
            for (start, _) in text.match_indices(nonce.as_str()) {
                cut.push(bytes.slice(at..start));
                at = start + nonce.len();
            }
            cut.push(bytes.slice(at..));
            let mut headers = parts.headers.clone();
            headers.remove(header::CONTENT_LENGTH);
            cache.keep(
                key,
                Entry {
                    made: Instant::now(),
                    status: parts.status,
                    headers,
                    parts: cut,
                    size: bytes.len(),
                },
            );
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn only_the_language_cookie_is_anonymous() {
        let mut h = HeaderMap::new();
        assert!(anonymous(&h));
        h.insert(header::COOKIE, HeaderValue::from_static("lang=en"));
        assert!(anonymous(&h));
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("lang=en; __Host-doorstart=abc"),
        );
        assert!(!anonymous(&h));
        h.insert(header::COOKIE, HeaderValue::from_static("other=1"));
        assert!(!anonymous(&h));
        let mut a = HeaderMap::new();
        a.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic x"));
        assert!(!anonymous(&a));
    }

    #[test]
    fn the_nonce_is_put_back_per_answer() {
        let entry = Entry {
            made: Instant::now(),
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            parts: vec![
                Bytes::from_static(b"<script nonce=\""),
                Bytes::from_static(b"\"></script>"),
            ],
            size: 26,
        };
        let res = response_of(&entry, "NEW");
        let body = futures_body(res);
        assert_eq!(body, "<script nonce=\"NEW\"></script>");
    }

    fn futures_body(res: Response) -> String {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let bytes = rt
            .block_on(axum::body::to_bytes(res.into_body(), usize::MAX))
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[test]
    fn memory_stays_bounded() {
        let version: VersionFn = Arc::new(|| Box::pin(async { Some(1) }));
        let cache = PageCache::new(&[("/", &[])], version);
        for n in 0..100 {
            cache.keep(
                Key {
                    path_and_query: format!("/?n={n}"),
                    lang: Lang::Nl,
                    version: 1,
                },
                Entry {
                    made: Instant::now(),
                    status: StatusCode::OK,
                    headers: HeaderMap::new(),
                    parts: vec![],
                    size: MAX_PAGE,
                },
            );
        }
        assert_eq!(cache.len(), MAX_BYTES / MAX_PAGE);
    }

    fn page(size: usize) -> Entry {
        Entry {
            made: Instant::now(),
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            parts: vec![],
            size,
        }
    }

    fn key(n: usize) -> Key {
        Key {
            path_and_query: format!("/groups?postcode={n}"),
            lang: Lang::Nl,
            version: 1,
        }
    }

    #[test]
    fn the_least_recently_used_page_goes_first() {
        let version: VersionFn = Arc::new(|| Box::pin(async { Some(1) }));
        let cache = PageCache::new(&[("/groups", &["postcode"])], version);
        let per = MAX_BYTES / MAX_PAGE;
        for n in 0..per {
            cache.keep(key(n), page(MAX_PAGE));
        }
        // Page 0 is asked for again; page 1 is now the least recently used.
        assert!(cache.lookup(&key(0)).is_some());
        cache.keep(key(per), page(MAX_PAGE));
        assert!(cache.lookup(&key(0)).is_some(), "recently used stays");
        assert!(cache.lookup(&key(1)).is_none(), "least recently used went");
        assert!(cache.lookup(&key(per)).is_some());
        assert_eq!(cache.len(), per);
        // Many small pages: the count is bounded too.
        for n in 0..MAX_ENTRIES + 50 {
            cache.keep(key(10_000 + n), page(10));
        }
        assert_eq!(cache.len(), MAX_ENTRIES);
    }

    #[test]
    fn the_key_holds_only_the_parameters_a_page_reads() {
        let paths: &[SharedPage] = &[("/", &[]), ("/groups", &["postcode", "age"])];
        let c = |u: &str| canonical(paths, &u.parse().unwrap());
        assert_eq!(c("/?x=1").as_deref(), Some("/"));
        assert_eq!(c("/?utm=abc&lang=ar").as_deref(), Some("/"));
        assert_eq!(
            c("/groups?x=9&age=2&postcode=7607&junk").as_deref(),
            Some("/groups?postcode=7607&age=2")
        );
        assert_eq!(
            c("/groups?postcode=7607&postcode=1011").as_deref(),
            Some("/groups?postcode=7607")
        );
        assert_eq!(c("/groups?postcodes=1").as_deref(), Some("/groups"));
        assert_eq!(c("/admin"), None);
    }
}
