//! The static files a page links to (CSS, the WebAssembly pair, the small scripts), each under
//! an address that carries a hash of its content: `/v/<hash>/pkg/doorstart.css`. A browser keeps
//! such a file for a year without asking again (`immutable`); a new build has new hashes, so a
//! page never gets an old file. The hashes are made once at start from the files on disk; a file
//! that is not there (a test without a build) keeps its plain address and `no-cache`.
#![cfg(feature = "ssr")]
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{header, HeaderValue, Request, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// Where versioned files are served: `/v/<hash>/<path under the site root>`.
pub const PREFIX: &str = "/v/";
/// A year, and never asked again: the address changes with the content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Plain addresses: kept, but asked again each time (304 when unchanged).
pub const REVALIDATE: &str = "public, no-cache";

/// The scripts of `public/` that pages link to (served from the site root).
pub const SCRIPTS: [&str; 5] = [
    "quick-exit.js",
    "offline.js",
    "guide-tools.js",
    "help-code.js",
    "keep-link.js",
];

/// The versioned files of this build and their hashes.
#[derive(Debug, Default)]
pub struct Assets {
    site_root: PathBuf,
    /// Path under the site root → hash of its content (the JS and WASM pair share one).
    hashes: HashMap<String, String>,
    /// The address prefix of the WebAssembly pair (`/v/<hash>`), for Leptos' loader.
    pkg_root: Option<String>,
    pkg_dir: String,
    output_name: String,
}

fn short_hash(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Assets {
    /// Reads and hashes the files once (at start).
    pub fn load(site_root: &str, pkg_dir: &str, output_name: &str) -> Self {
        let root = PathBuf::from(site_root);
        let read = |p: &str| std::fs::read(root.join(p)).ok();
        let mut hashes = HashMap::new();
        let css = format!("{pkg_dir}/{output_name}.css");
        if let Some(bytes) = read(&css) {
            hashes.insert(css, short_hash(&[&bytes]));
        }
        for script in SCRIPTS {
            if let Some(bytes) = read(script) {
                hashes.insert(script.to_string(), short_hash(&[&bytes]));
            }
        }
        // The loader and the module it loads change together: one hash for both.
        let js = format!("{pkg_dir}/{output_name}.js");
        let wasm = [
            format!("{pkg_dir}/{output_name}.wasm"),
            format!("{pkg_dir}/{output_name}_bg.wasm"),
        ]
        .into_iter()
        .find_map(|p| read(&p).map(|b| (p, b)));
        let mut pkg_root = None;
        if let (Some(js_bytes), Some((wasm, wasm_bytes))) = (read(&js), wasm) {
            let hash = short_hash(&[&js_bytes, &wasm_bytes]);
            pkg_root = Some(format!("/v/{hash}"));
            hashes.insert(js, hash.clone());
            hashes.insert(wasm, hash);
        }
        Self {
            site_root: root,
            hashes,
            pkg_root,
            pkg_dir: pkg_dir.to_string(),
            output_name: output_name.to_string(),
        }
    }

    /// The address of a file under the site root (`pkg/doorstart.css`, `offline.js`).
    pub fn url(&self, path: &str) -> String {
        match self.hashes.get(path) {
            Some(hash) => format!("{PREFIX}{hash}/{path}"),
            None => format!("/{path}"),
        }
    }

    /// The style sheet's address.
    pub fn css(&self) -> String {
        self.url(&format!("{}/{}.css", self.pkg_dir, self.output_name))
    }

    /// The prefix Leptos' hydration loader puts before `/pkg/…` (`None`: the plain `/pkg/`).
    pub fn pkg_root(&self) -> Option<String> {
        self.pkg_root.clone()
    }

    /// Serves `/v/<hash>/<path>`: a known file with its current hash for a year; a known file
    /// asked with another hash (a page from before a new build) as it is now, asked again each
    /// time; anything else 404. Brotli or gzip as made by `scripts/precompress.sh`.
    pub async fn serve(&self, req: Request<Body>) -> Response {
        use tower::ServiceExt;
        use tower_http::services::ServeDir;
        let rest = req
            .uri()
            .path()
            .strip_prefix(PREFIX)
            .unwrap_or("")
            .to_string();
        let Some((hash, path)) = rest.split_once('/') else {
            return StatusCode::NOT_FOUND.into_response();
        };
        let Some(current) = self.hashes.get(path) else {
            return StatusCode::NOT_FOUND.into_response();
        };
        let cache = if current == hash {
            IMMUTABLE
        } else {
            REVALIDATE
        };
        let (mut parts, body) = req.into_parts();
        parts.uri = match Uri::try_from(format!("/{path}")) {
            Ok(uri) => uri,
            Err(_) => return StatusCode::NOT_FOUND.into_response(),
        };
        let dir = ServeDir::new(Path::new(&self.site_root))
            .precompressed_br()
            .precompressed_gzip();
        match dir.oneshot(Request::from_parts(parts, body)).await {
            Ok(res) => {
                let mut res = res.map(Body::new);
                if res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED {
                    res.headers_mut()
                        .insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
                }
                res
            }
            Err(e) => match e {},
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_get_addresses_with_their_hash() {
        let dir = std::env::temp_dir().join(format!("doorstart-assets-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("pkg/site.css"), "body{}").unwrap();
        std::fs::write(dir.join("pkg/site.js"), "js").unwrap();
        std::fs::write(dir.join("pkg/site_bg.wasm"), "wasm").unwrap();
        std::fs::write(dir.join("offline.js"), "x").unwrap();
        let a = Assets::load(dir.to_str().unwrap(), "pkg", "site");
        let css = a.css();
        assert!(
            css.starts_with("/v/") && css.ends_with("/pkg/site.css"),
            "{css}"
        );
        assert_eq!(css.len(), "/v/".len() + 16 + "/pkg/site.css".len());
        assert!(a.url("offline.js").ends_with("/offline.js"));
        assert_eq!(a.url("quick-exit.js"), "/quick-exit.js", "missing: plain");
        let root = a.pkg_root().unwrap();
        assert_eq!(a.url("pkg/site.js"), format!("{root}/pkg/site.js"));
        assert_eq!(
            a.url("pkg/site_bg.wasm"),
            format!("{root}/pkg/site_bg.wasm")
        );
        // Another content, another address.
        std::fs::write(dir.join("pkg/site.css"), "body{color:red}").unwrap();
        let b = Assets::load(dir.to_str().unwrap(), "pkg", "site");
        assert_ne!(a.css(), b.css());
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_hashed_address_is_kept_a_year_and_an_old_one_is_asked_again() {
        let dir = std::env::temp_dir().join(format!("doorstart-serve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("offline.js"), "let a = 1;").unwrap();
        let a = Assets::load(dir.to_str().unwrap(), "pkg", "site");
        let get = |uri: String| {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            let res = rt.block_on(a.serve(Request::get(uri).body(Body::empty()).unwrap()));
            let cc = res
                .headers()
                .get(header::CACHE_CONTROL)
                .map(|v| v.to_str().unwrap().to_string());
            (res.status(), cc)
        };
        assert_eq!(
            get(a.url("offline.js")),
            (StatusCode::OK, Some(IMMUTABLE.to_string()))
        );
        assert_eq!(
            get("/v/0000000000000000/offline.js".into()),
            (StatusCode::OK, Some(REVALIDATE.to_string()))
        );
        assert_eq!(
            get("/v/0000000000000000/secret.txt".into()).0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(get("/v/0000/../Cargo.toml".into()).0, StatusCode::NOT_FOUND);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
