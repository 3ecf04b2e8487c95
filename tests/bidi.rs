//! Right to left, done right: in Arabic and Persian, every run of Latin letters or digits that
//! sits inside Arabic-script text (a postcode, a place, a group name, a number) is isolated, so
//! the browser does not reverse "7607 AB" or move the colon of "… Almelo: 10".
mod common;

/// Arabic-script letters (Arabic, Persian).
fn arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';
/// What an isolate looks like from outside: a neutral object.
const HOLE: char = '\u{FFFC}';

/// The places in one stretch of text where Latin letters or digits stand next to Arabic
/// script without an isolate: the text itself (and each FSI … PDI inside it, on its own).
fn unisolated(text: &str, found: &mut Vec<String>) {
    let mut outer = String::new();
    let mut inner = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            LRI | RLI | FSI => {
                if depth > 0 {
                    inner.push(c);
                }
                depth += 1;
            }
            PDI if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    unisolated(&std::mem::take(&mut inner), found);
                    outer.push(HOLE);
                } else {
                    inner.push(c);
                }
            }
            _ if depth > 0 => inner.push(c),
            _ => outer.push(c),
        }
    }
    if depth > 0 {
        unisolated(&inner, found);
    }
    if outer.chars().any(arabic) && outer.chars().any(|c| c.is_ascii_alphanumeric()) {
        found.push(outer.split_whitespace().collect::<Vec<_>>().join(" "));
    }
}

/// Elements that start a paragraph of their own (or an inline box laid out on its own).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "section",
    "select",
    "summary",
    "table",
    "td",
    "textarea",
    "th",
    "tr",
    "ul",
];
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Every stretch of visible text in the page's body where a Latin or digit run sits inside
/// Arabic-script text outside an isolate (`<bdi>`, an element with `dir`, FSI … PDI).
fn bidi_faults(html: &str) -> Vec<String> {
    let body = html.find("<body").map_or(html, |at| &html[at..]);
    // Each open element: its name and whether it began a paragraph of its own.
    let mut open: Vec<(String, bool, bool)> = Vec::new();
    // The text of each open paragraph (the body's first).
    let mut paragraphs: Vec<String> = vec![String::new()];
    let mut found = Vec::new();
    let mut rest = body;
    let mut skip_until: Option<String> = None;
    while !rest.is_empty() {
        if let Some(end) = &skip_until {
            match rest.find(end.as_str()) {
                Some(at) => {
                    rest = &rest[at + end.len()..];
                    skip_until = None;
                    continue;
                }
                None => break,
            }
        }
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |at| &comment[at + 3..]);
            continue;
        }
        if rest.starts_with('<') {
            let end = rest.find('>').expect("tags close");
            let tag = &rest[1..end];
            rest = &rest[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                let name = name.trim().to_ascii_lowercase();
                while let Some((open_name, own, isolate)) = open.pop() {
                    if own {
                        let text = paragraphs.pop().expect("a paragraph per element");
                        unisolated(&text, &mut found);
                        if isolate {
                            paragraphs.last_mut().expect("body").push(HOLE);
                        } else {
                            paragraphs.last_mut().expect("body").push(' ');
                        }
                    }
                    if open_name == name {
                        break;
                    }
                }
                continue;
            }
            if tag.starts_with('!') {
                continue;
            }
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect::<String>()
                .to_ascii_lowercase();
            if name == "script" || name == "style" || name == "svg" || name == "template" {
                skip_until = Some(format!("</{name}>"));
                continue;
            }
            if VOID.contains(&name.as_str()) || tag.ends_with('/') {
                paragraphs.last_mut().expect("body").push(HOLE);
                continue;
            }
            let isolate = name == "bdi" || tag.contains(" dir=");
            let own = isolate || BLOCKS.contains(&name.as_str());
            if own {
                paragraphs.push(String::new());
            }
            open.push((name, own, isolate));
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        paragraphs
            .last_mut()
            .expect("body")
            .push_str(&decode(&rest[..end]));
        rest = &rest[end..];
    }
    for text in paragraphs {
        unisolated(&text, &mut found);
    }
    found
}

#[test]
fn the_check_finds_what_it_should() {
    // The two faults of the issue: the hint's postcode and the heading's colon.
    assert_eq!(
        bidi_faults("<body><p>مثلًا 7607 أو 7607 AB</p></body>"),
        vec!["مثلًا 7607 أو 7607 AB"]
    );
    assert_eq!(
        bidi_faults("<body><h2>عدد المجموعات قرب <a href=\"/x\">Almelo</a>: 10</h2></body>").len(),
        1
    );
    // Isolated in each of the three ways: nothing to say.
    for ok in [
        "<body><p>مثلًا <span dir=\"ltr\">7607</span> أو <bdi>7607 AB</bdi></p></body>",
        "<body><h2>عدد المجموعات قرب \u{2068}Almelo\u{2069}: <span dir=\"ltr\">10</span></h2></body>",
        "<body><ul><li>Nederlands</li><li>العربية</li></ul><p>Almelo 7607</p></body>",
        "<body><p>قرب <bdi>Almelo <!-- x --></bdi><br/>نص</p><script>var a = 'أ 1';</script></body>",
    ] {
        assert_eq!(bidi_faults(ok), Vec::<String>::new(), "{ok}");
    }
    // An isolate that itself mixes both is looked at on its own.
    assert_eq!(
        bidi_faults("<body><p>يوم <bdi>الثلاثاء 1 ديسمبر</bdi></p></body>").len(),
        1
    );
    assert_eq!(
        bidi_faults("<body><p>يوم \u{2068}الثلاثاء 1 ديسمبر\u{2069}</p></body>").len(),
        1
    );
}

on_both_backends!(finder_group_page_and_help_isolate_latin_and_digits, |app| {
    doorstart::demo::load_if_empty(&app.db).await.unwrap();
    let id: String = sqlx::query_scalar(
        "SELECT g.id FROM peer_groups g WHERE g.online = 0 AND g.pc4 = '7607' \
             AND EXISTS (SELECT 1 FROM meetups m WHERE m.group_id = g.id) ORDER BY g.name LIMIT 1",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    for lang in ["ar", "fa"] {
        for path in [
            format!("/groups?postcode=7607&lang={lang}"),
            format!("/groups?postcode=7607+AB&age=4&fathers=1&lang={lang}"),
            format!("/groups/{id}?lang={lang}"),
            format!("/help?lang={lang}"),
        ] {
            let (status, page) = app.page(&path).await;
            assert_eq!(status, 200, "{path}");
            assert!(
                page.contains(&format!("lang=\"{lang}\" dir=\"rtl\"")),
                "{path}"
            );
            let faults = bidi_faults(&page);
            assert!(
                faults.is_empty(),
                "{path}: not isolated:\n{}",
                faults.join("\n")
            );
        }
    }
    // The finder did find groups (the check looked at cards, not an empty page).
    let (_, page) = app.page("/groups?postcode=7607&lang=ar").await;
    // (Without the markers Leptos leaves after a text: comments, no part of the text.)
    let page = page.replace("<!>", "");
    assert!(page.contains("Koffieochtend ouders Almelo-Centrum"));
    // The two faults the issue saw: the hint's postcode whole, the place apart from the colon.
    assert!(page.contains(r#"<span dir="ltr">7607 AB</span>"#));
    assert!(page.contains("<bdi>Almelo</bdi>: <span dir=\"ltr\">"));
    // Left-to-right pages are left as they were.
    let (_, page) = app.page("/groups?postcode=7607").await;
    assert!(page.contains("Bijvoorbeeld 7607 of 7607 AB"));
});
