//! Findable on the web: robots.txt, the sitemap, meta descriptions and meetups' `Event` data.
mod common;

use doorstart::i18n::Lang;

/// The public URL links start with (as the app reads it in this process), never the `Host`.
fn public(path: &str) -> String {
    doorstart::config::PublicUrl::from_env(doorstart::server::leptos_options().site_addr).link(path)
}

/// A text from a locale file (`key = value` on one line).
fn word(lang: &str, file: &str, key: &str) -> String {
    let text = std::fs::read_to_string(format!("locales/{lang}/{file}.ftl")).unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{key} = ")))
        .unwrap_or_else(|| panic!("{key} in {lang}"))
        .to_string()
}

fn html_unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn meta_description(page: &str) -> String {
    let at = page
        .find(r#"<meta name="description" content=""#)
        .expect("a meta description");
    let rest = &page[at + 34..];
    html_unescape(&rest[..rest.find('"').unwrap()])
}

async fn get_with_host(app: &common::TestApp, path: &str) -> (u16, String, String) {
    let res = app
        .client
        .get(app.url(path))
        .header("host", "evil.example")
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let kind = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, kind, res.text().await.unwrap())
}

on_both_backends!(robots_keeps_crawlers_out_of_private_links, |app| {
    let (status, kind, body) = get_with_host(app, "/robots.txt").await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/plain"), "{kind}");
    assert!(body.starts_with("User-agent: *\n"), "{body}");
    for path in ["/admin", "/join/", "/rsvp/", "/help/reply", "/api"] {
        assert!(
            body.lines().any(|l| l == format!("Disallow: {path}")),
            "{path} in {body}"
        );
    }
    assert!(
        body.lines()
            .any(|l| l == format!("Sitemap: {}", public("/sitemap.xml"))),
        "{body}"
    );
    assert!(!body.contains("evil.example"));
});

on_both_backends!(the_sitemap_lists_public_pages_in_ten_languages, |app| {
    let active = common::add_group(app, "Almelo").await;
    let stopped = common::add_group(app, "Almelo").await;
    sqlx::query("UPDATE peer_groups SET active = 0 WHERE id = $1")
        .bind(&stopped)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let (status, kind, body) = get_with_host(app, "/sitemap.xml").await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("application/xml"), "{kind}");
    assert!(body.starts_with("<?xml"));
    assert!(body.contains(r#"xmlns:xhtml="http://www.w3.org/1999/xhtml""#));
    let locs: Vec<&str> = body
        .split("<loc>")
        .skip(1)
        .map(|s| &s[..s.find("</loc>").unwrap()])
        .collect();
    let mut wanted = vec![
        public("/"),
        public("/groups"),
        public("/guides"),
        public(&format!("/groups/{active}")),
        public("/privacy"),
        public("/toegankelijkheid"),
        public("/what-happens"),
    ];
    let guides: Vec<String> = doorstart::guides::library::current()
        .slugs()
        .map(|s| public(&format!("/guides/{s}")))
        .collect();
    assert!(!guides.is_empty());
    wanted.extend(guides);
    for url in &wanted {
        assert!(locs.contains(&url.as_str()), "{url} in the sitemap");
    }
    assert_eq!(locs.len(), wanted.len(), "only public pages: {locs:?}");
    assert!(!body.contains(&stopped), "a stopped group is not listed");
    for private in [
        "/admin",
        "/join/",
        "/rsvp/",
        "/help/reply",
        "/api",
        "evil.example",
    ] {
        assert!(!body.contains(private), "{private} in the sitemap");
    }
    // Every page with its ten languages and a default, all absolute.
    let home = public("/");
    for lang in Lang::ALL {
        let code = lang.code();
        assert!(body.contains(&format!(
            r#"<xhtml:link rel="alternate" hreflang="{code}" href="{home}?lang={code}"/>"#
        )));
    }
    assert_eq!(
        body.matches("hreflang=").count(),
        locs.len() * (Lang::ALL.len() + 1)
    );
    for href in body.split("href=\"").skip(1) {
        assert!(href.starts_with(&public("/")), "{href}");
    }
});

on_both_backends!(every_public_page_has_a_description_in_its_language, |app| {
    let group = common::add_group(app, "Almelo").await;
    let slug = doorstart::guides::library::current()
        .slugs()
        .next()
        .unwrap()
        .to_string();
    let pages = [
        ("/", "seo-desc-home"),
        ("/groups", "seo-desc-finder"),
        ("/guides", "seo-desc-guides"),
        (&*format!("/guides/{slug}"), "seo-desc-guide"),
        (&*format!("/groups/{group}"), "seo-desc-group"),
        ("/privacy", "seo-desc-privacy"),
        ("/toegankelijkheid", "seo-desc-accessibility"),
        ("/what-happens", "seo-desc-what-happens"),
    ];
    for (path, key) in pages {
        for lang in ["nl", "en", "ar"] {
            let sep = if path.contains('?') { '&' } else { '?' };
            let (status, page) = app.page(&format!("{path}{sep}lang={lang}")).await;
            assert_eq!(status, 200, "{path}");
            assert_eq!(page.matches(r#"<meta name="description""#).count(), 1);
            assert_eq!(
                meta_description(&page),
                word(lang, "seo", key),
                "{path} {lang}"
            );
        }
    }
    // The home page in all ten languages: each its own words.
    let mut seen = std::collections::HashSet::new();
    for lang in Lang::ALL {
        let (_, page) = app.page(&format!("/?lang={}", lang.code())).await;
        let text = meta_description(&page);
        assert_eq!(text, word(lang.code(), "seo", "seo-desc-home"));
        assert!(
            seen.insert(text),
            "{} repeats another language",
            lang.code()
        );
    }
});

/// A small JSON checker: one value and nothing after it.
fn valid_json(s: &str) -> bool {
    fn ws(b: &[u8], mut i: usize) -> usize {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    }
    fn string(b: &[u8], mut i: usize) -> Option<usize> {
        if b.get(i) != Some(&b'"') {
            return None;
        }
        i += 1;
        while i < b.len() {
            match b[i] {
                b'"' => return Some(i + 1),
                b'\\' => match b.get(i + 1)? {
                    b'u' => {
                        let hex = b.get(i + 2..i + 6)?;
                        if !hex.iter().all(u8::is_ascii_hexdigit) {
                            return None;
                        }
                        i += 6;
                    }
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                    _ => return None,
                },
                c if c < 0x20 => return None,
                _ => i += 1,
            }
        }
        None
    }
    fn value(b: &[u8], i: usize) -> Option<usize> {
        let i = ws(b, i);
        match b.get(i)? {
            b'"' => string(b, i),
            b'{' => {
                let mut i = ws(b, i + 1);
                if b.get(i) == Some(&b'}') {
                    return Some(i + 1);
                }
                loop {
                    i = string(b, ws(b, i))?;
                    i = ws(b, i);
                    if b.get(i) != Some(&b':') {
                        return None;
                    }
                    i = ws(b, value(b, i + 1)?);
                    match b.get(i)? {
                        b',' => i += 1,
                        b'}' => return Some(i + 1),
                        _ => return None,
                    }
                }
            }
            b'[' => {
                let mut i = ws(b, i + 1);
                if b.get(i) == Some(&b']') {
                    return Some(i + 1);
                }
                loop {
                    i = ws(b, value(b, i)?);
                    match b.get(i)? {
                        b',' => i += 1,
                        b']' => return Some(i + 1),
                        _ => return None,
                    }
                }
            }
            _ => {
                for lit in ["true", "false", "null"] {
                    if b[i..].starts_with(lit.as_bytes()) {
                        return Some(i + lit.len());
                    }
                }
                let end = i + b[i..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit() || b"+-.eE".contains(c))
                    .count();
                (end > i).then_some(end)
            }
        }
    }
    let b = s.as_bytes();
    value(b, 0).is_some_and(|end| ws(b, end) == b.len())
}

#[test]
fn the_json_checker_can_fail() {
    assert!(valid_json(r#"{"a":[1,"b\u003c",true],"c":{}}"#));
    assert!(!valid_json(r#"{"a":1,}"#));
    assert!(!valid_json(r#"{"a":"x"#));
    assert!(!valid_json("{\"a\":\"\n\"}"));
}

/// The JSON-LD scripts of a page with their nonces.
fn json_ld(page: &str) -> Vec<(String, String)> {
    page.split("<script type=\"application/ld+json\"")
        .skip(1)
        .map(|rest| {
            let head = &rest[..rest.find('>').unwrap()];
            let nonce = head
                .split("nonce=\"")
                .nth(1)
                .map(|n| n[..n.find('"').unwrap()].to_string())
                .unwrap_or_default();
            let body = &rest[rest.find('>').unwrap() + 1..];
            (nonce, body[..body.find("</script>").unwrap()].to_string())
        })
        .collect()
}

fn csp_nonce(res: &reqwest::Response) -> String {
    let csp = res.headers()["content-security-policy"].to_str().unwrap();
    let rest = csp.split("'nonce-").nth(1).unwrap();
    rest[..rest.find('\'').unwrap()].to_string()
}

on_both_backends!(meetups_carry_event_data_without_parent_data, |app| {
    let group = common::add_group(app, "Almelo").await;
    // Tuesday 24 November 2026, 10:00–12:00 in Amsterdam (winter time, +01:00).
    let start = common::START + 86_400 - 2 * 3600;
    let place = "Buurthuis </script><script>alert(1)</script> & \"De Hoek\"";
    let meetup = doorstart::meetups::store::insert(&app.db, &group, start, start + 7200, place, 12)
        .await
        .unwrap();
    // A parent says they are coming: nothing of them may end up in the data.
    let (_, page) = app.page(&format!("/meetups/{meetup}")).await;
    let at = page.find(r#"name="token" value=""#).unwrap();
    let token = &page[at + 20..at + 20 + 43];
    let res = app
        .client
        .post(app.url(&format!("/meetups/{meetup}")))
        .form(&[
            ("token", token),
            ("first_name", "Fatimazahra"),
            ("adults", "1"),
            ("kids", "2"),
            ("email", "fatima.parent@example.org"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);

    for path in [format!("/meetups/{meetup}"), format!("/groups/{group}")] {
        let res = app.get(&path).await;
        assert_eq!(res.status().as_u16(), 200);
        let nonce = csp_nonce(&res);
        let page = res.text().await.unwrap();
        let scripts = json_ld(&page);
        assert_eq!(scripts.len(), 1, "{path}: one JSON-LD script");
        let (script_nonce, json) = &scripts[0];
        assert_eq!(script_nonce, &nonce, "{path}: the CSP nonce");
        assert!(valid_json(json), "{path}: {json}");
        assert!(!json.contains("</"), "{path}: {json}");
        assert!(!json.contains('<'), "{path}");
        for part in [
            r#""@type":"Event""#,
            r#""name":"Koffieochtend""#,
            r#""startDate":"2026-11-24T10:00:00+01:00""#,
            r#""endDate":"2026-11-24T12:00:00+01:00""#,
            r#""eventStatus":"https://schema.org/EventScheduled""#,
            r#""eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode""#,
            r#""location":{"@type":"Place","name":"Buurthuis \u003c/script\u003e"#,
            r#""organizer":{"@type":"Organization","name":"Koffieochtend"}"#,
            r#"\"De Hoek\""#,
        ] {
            assert!(json.contains(part), "{path}: {part} in {json}");
        }
        assert!(json.contains(&format!(
            r#""url":"{}""#,
            public(&format!("/meetups/{meetup}"))
        )));
        for secret in ["Fatimazahra", "fatima.parent", "Anna"] {
            assert!(!json.contains(secret), "{path}: {secret} in {json}");
        }
    }
    // A cancelled meetup says so.
    doorstart::meetups::store::cancel_meetup(&app.db, &meetup)
        .await
        .unwrap();
    let (_, page) = app.page(&format!("/meetups/{meetup}")).await;
    let (_, json) = &json_ld(&page)[0];
    assert!(json.contains(r#""eventStatus":"https://schema.org/EventCancelled""#));
});
