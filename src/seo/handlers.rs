//! `/robots.txt` and `/sitemap.xml`: absolute links from `DOORSTART_PUBLIC_URL`, never `Host`.
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Extension, Router};
use sqlx::Row;

use crate::db::Db;
use crate::guides::library::LibraryRef;
use crate::i18n::Lang;
use crate::web::{AppState, PublicUrl, WebError};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/robots.txt", get(robots))
        .route("/sitemap.xml", get(sitemap))
}

/// The text of `/robots.txt`.
pub fn robots_txt(public: &PublicUrl) -> String {
    let mut out = String::from("User-agent: *\n");
    for path in super::PRIVATE_PATHS {
        out.push_str(&format!("Disallow: {path}\n"));
    }
    out.push_str(&format!("\nSitemap: {}\n", public.link("/sitemap.xml")));
    out
}

async fn robots(State(public): State<PublicUrl>) -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/plain; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        robots_txt(&public),
    )
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// The text of `/sitemap.xml` for these paths: each with its ten languages (`?lang=xx`) and
/// the page without a language as `x-default`.
pub fn sitemap_xml(public: &PublicUrl, paths: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in paths {
        let loc = xml_escape(&public.link(path));
        out.push_str(&format!("<url><loc>{loc}</loc>"));
        for lang in Lang::ALL {
            let code = lang.code();
            out.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{code}\" href=\"{loc}?lang={code}\"/>"
            ));
        }
        out.push_str(&format!(
            "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{loc}\"/></url>\n"
        ));
    }
    out.push_str("</urlset>\n");
    out
}

/// Ids of the active groups, in one statement.
async fn active_group_ids(db: &Db) -> Result<Vec<String>, sqlx::Error> {
    let rows = sqlx::query("SELECT id FROM peer_groups WHERE active = 1 ORDER BY id")
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|r| r.try_get("id")).collect()
}

async fn sitemap(
    State(db): State<Db>,
    State(public): State<PublicUrl>,
    Extension(LibraryRef(library)): Extension<LibraryRef>,
) -> Result<impl IntoResponse, WebError> {
    let mut paths: Vec<String> = ["/", "/groups", "/guides"]
        .into_iter()
        .map(String::from)
        .collect();
    paths.extend(library.slugs().map(|s| format!("/guides/{s}")));
    paths.extend(
        active_group_ids(&db)
            .await?
            .into_iter()
            .map(|id| format!("/groups/{id}")),
    );
    paths.extend(
        ["/privacy", "/toegankelijkheid", "/what-happens"]
            .into_iter()
            .map(String::from),
    );
    Ok((
        [
            (CONTENT_TYPE, "application/xml; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        sitemap_xml(&public, &paths),
    ))
}
