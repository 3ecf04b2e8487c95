//! Findable on the web: a meta description in the page's language for every public page,
//! `/robots.txt` that keeps crawlers out of private links, `/sitemap.xml` with the public pages
//! and their ten languages, and schema.org `Event` data (JSON-LD) for meetups. Only public
//! facts go out: a group's name and its public meeting place, never a parent's data.
#[cfg(feature = "ssr")]
mod handlers;
pub mod meta;

use crate::i18n::k;

#[cfg(feature = "ssr")]
pub use handlers::{robots_txt, router, sitemap_xml};

/// Paths crawlers are kept out of: the facilitator side, private links and the API.
pub const PRIVATE_PATHS: [&str; 5] = ["/admin", "/join/", "/rsvp/", "/help/reply", "/api"];

/// The message key of the meta description for a path (public pages; a general one else).
pub fn description_key(path: &str) -> &'static str {
    let path = path.trim_end_matches('/');
    let mut parts = path.split('/').skip(1);
    match (parts.next().unwrap_or(""), parts.next(), parts.next()) {
        ("", None, None) => k("seo-desc-home"),
        ("groups", None, None) => k("seo-desc-finder"),
        ("groups", Some(_), None) => k("seo-desc-group"),
        ("meetups", Some(_), None) => k("seo-desc-meetup"),
        ("guides", None, None) => k("seo-desc-guides"),
        ("guides", Some(_), _) => k("seo-desc-guide"),
        ("help", None, None) => k("seo-desc-help"),
        ("check-in", _, _) => k("seo-desc-checkin"),
        ("privacy", None, None) => k("seo-desc-privacy"),
        ("toegankelijkheid", None, None) => k("seo-desc-accessibility"),
        ("what-happens", None, None) => k("seo-desc-what-happens"),
        _ => k("seo-desc-home"),
    }
}

/// `DOORSTART_PUBLIC_URL` for absolute links in pages (never the `Host` a client sends).
pub fn public_origin() -> String {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<crate::config::PublicUrl>()
            .map(|u| u.0.to_string())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

/// What a meetup's `Event` data says: public facts only.
#[derive(Clone, Debug, PartialEq)]
pub struct EventFacts<'a> {
    /// The group's name: the event's name and its organizer.
    pub group_name: &'a str,
    pub starts_at: i64,
    pub ends_at: i64,
    /// The public meeting place (as the facilitator wrote it for the meetup).
    pub place: &'a str,
    pub online: bool,
    pub cancelled: bool,
    /// The absolute link of the meetup page.
    pub url: &'a str,
}

/// A JSON string literal that is safe inside `<script>`: `<`, `>` and `&` as `\u` escapes, so
/// no `</script>` or `<!--` can end or change the element.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// ISO 8601 with the Amsterdam offset: `2026-05-04T10:00:00+02:00`.
pub fn iso_amsterdam(unix: i64) -> String {
    let l = crate::time::to_local(unix);
    let hours = crate::time::amsterdam_offset(unix) / 3600;
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:00+{:02}:00",
        l.year, l.month, l.day, l.hour, l.minute, hours
    )
}

/// One schema.org `Event` object as JSON.
pub fn event_object(e: &EventFacts) -> String {
    let status = if e.cancelled {
        "https://schema.org/EventCancelled"
    } else {
        "https://schema.org/EventScheduled"
    };
    let (mode, location) = if e.online {
        (
            "https://schema.org/OnlineEventAttendanceMode",
            format!(
                r#"{{"@type":"VirtualLocation","url":{}}}"#,
                json_string(e.url)
            ),
        )
    } else {
        (
            "https://schema.org/OfflineEventAttendanceMode",
            format!(
                r#"{{"@type":"Place","name":{p},"address":{p}}}"#,
                p = json_string(e.place)
            ),
        )
    };
    format!(
        r#"{{"@context":"https://schema.org","@type":"Event","name":{name},"startDate":"{start}","endDate":"{end}","eventStatus":"{status}","eventAttendanceMode":"{mode}","location":{location},"organizer":{{"@type":"Organization","name":{name}}},"isAccessibleForFree":true,"url":{url}}}"#,
        name = json_string(e.group_name),
        start = iso_amsterdam(e.starts_at),
        end = iso_amsterdam(e.ends_at),
        url = json_string(e.url),
    )
}

/// The JSON-LD of some meetups: one object, or a list of them.
pub fn events_json(events: &[EventFacts]) -> Option<String> {
    match events {
        [] => None,
        [one] => Some(event_object(one)),
        many => Some(format!(
            "[{}]",
            many.iter().map(event_object).collect::<Vec<_>>().join(",")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_by_path() {
        assert_eq!(description_key("/"), "seo-desc-home");
        assert_eq!(description_key("/groups"), "seo-desc-finder");
        assert_eq!(description_key("/groups/abc"), "seo-desc-group");
        assert_eq!(description_key("/guides/rent"), "seo-desc-guide");
        assert_eq!(description_key("/privacy"), "seo-desc-privacy");
    }

    #[test]
    fn script_end_cannot_hide_in_a_string() {
        let s = json_string("a</script><!--\"\\\n");
        assert!(!s.contains("</"));
        assert!(!s.contains('<'));
        assert_eq!(s, r#""a\u003c/script\u003e\u003c!--\"\\\n""#);
    }

    #[test]
    fn amsterdam_offset_in_dates() {
        // 2026-07-01 10:00 UTC is 12:00 summer time; 2026-01-15 10:00 UTC is 11:00 winter time.
        assert_eq!(iso_amsterdam(1_782_900_000), "2026-07-01T12:00:00+02:00");
        assert_eq!(iso_amsterdam(1_768_471_200), "2026-01-15T11:00:00+01:00");
    }
}
