//! The coordinator's protocol, the web app manifest in the reader's language, and "clear my
//! traces" (works without JavaScript: the browser is told to clear this site's data).
use axum::extract::State;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};

use super::model::ProtocolInput;
use super::store;
use crate::accounts::store::audit;
use crate::db::Db;
use crate::i18n::{I18n, Lang};
use crate::web::form::FormState;
use crate::web::{see_other, AppState, Coordinator, Pages, Valid, WebResult};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/protocol", post(save_protocol))
        .route("/manifest.webmanifest", get(manifest))
        .route("/privacy/clear", post(clear_traces))
}

async fn save_protocol(
    State(db): State<Db>,
    Coordinator(me): Coordinator,
    form: Valid<ProtocolInput>,
) -> WebResult {
    store::set_protocol(&db, &form.value).await?;
    audit(&db, Some(&me.id), "protocol-update", "protocol", "protocol").await?;
    Ok(see_other("/admin/protocol?saved=1"))
}

/// The brand colour of `style/main.css` (`--brand`), for the browser's bar on the home screen.
pub const THEME_COLOUR: &str = "#0b5563";
/// The page colour (`--paper`), shown while the app starts.
pub const BACKGROUND_COLOUR: &str = "#fffdf8";

/// Text as a JSON string.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The web app manifest, in the language of the request (`?lang=`, cookie, browser).
pub fn manifest_json(lang: Lang) -> String {
    let i = I18n { lang };
    let icon = |src: &str, sizes: &str, kind: &str, purpose: &str| {
        format!(r#"{{"src":"{src}","sizes":"{sizes}","type":"{kind}","purpose":"{purpose}"}}"#)
    };
    let icons = [
        icon("/icon.svg", "any", "image/svg+xml", "any"),
        icon("/icon-192.png", "192x192", "image/png", "any"),
        icon("/icon-512.png", "512x512", "image/png", "any"),
        icon("/icon-maskable.svg", "any", "image/svg+xml", "maskable"),
        icon("/icon-maskable-512.png", "512x512", "image/png", "maskable"),
    ]
    .join(",");
    format!(
        r#"{{"name":"Doorstart","short_name":"Doorstart","description":{description},"lang":"{code}","dir":"{dir}","start_url":"/","scope":"/","display":"standalone","background_color":"{BACKGROUND_COLOUR}","theme_color":"{THEME_COLOUR}","icons":[{icons}]}}"#,
        description = json_string(&i.t("manifest-description")),
        code = lang.code(),
        dir = lang.dir(),
    )
}

async fn manifest(Extension(lang): Extension<Lang>) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/manifest+json"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        manifest_json(lang),
    )
        .into_response()
}

/// "Clear my traces": the answer tells the browser to delete this site's cache, cookies and
/// storage (the offline copies, the service worker, the ticks in guides, the language choice).
/// The notice is drawn in this answer, so no new language cookie is set afterwards.
async fn clear_traces(State(pages): State<Pages>, mut parts: Parts) -> Response {
    parts.uri = "/traces-cleared".parse().expect("a valid path");
    let mut res = pages.render(parts, FormState::default()).await;
    res.headers_mut().insert(
        "clear-site-data",
        HeaderValue::from_static("\"cache\", \"cookies\", \"storage\""),
    );
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(json_string("a\"b\\c\nd"), r#""a\"b\\c\u000ad""#);
        assert_eq!(json_string("مرحبا"), "\"مرحبا\"");
    }
}
