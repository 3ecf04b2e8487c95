//! Right to left, done right. In an Arabic or Persian sentence a postcode, a place, a group
//! name or a number is a stretch of left-to-right text; without an isolate the browser's bidi
//! rules join it to the punctuation around it ("7607 AB" shows as "AB 7607", the colon of
//! "… Almelo: 10" moves). On a right-to-left page these views put every value put into a
//! sentence in a `<bdi>`, and every run of Latin letters or digits in the words themselves in a
//! `<span dir="ltr">`. On a left-to-right page the text is left as it is.
//!
//! Fluent's own isolation marks stay off (`i18n`): the same words also go into attributes,
//! mails and share texts, where the marks would be invisible clutter.
use leptos::prelude::*;

use crate::i18n::I18n;

const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// FSI, and the LRI and RLI some words already carry (around "113.nl"): each opens an isolate.
fn opens(c: char) -> bool {
    matches!(c, '\u{2066}' | '\u{2067}' | FSI)
}

/// A translated sentence with its values, isolated on a right-to-left page.
pub fn sentence(i: &I18n, key: &'static str, args: &[(&'static str, String)]) -> AnyView {
    if !i.lang.is_rtl() {
        return i.t_args(key, args).into_any();
    }
    let marked: Vec<(&'static str, String)> = args.iter().map(|(k, v)| (*k, mark(v))).collect();
    isolated(&i.t_args(key, &marked))
}

/// Words (translated, or typed by a facilitator) with their Latin and digit runs isolated on a
/// right-to-left page.
pub fn text(i: &I18n, words: String) -> AnyView {
    if i.lang.is_rtl() {
        isolated(&words)
    } else {
        words.into_any()
    }
}

/// A value put into a sentence, marked for its own isolate. A whole number is left as it is, so
/// Fluent still chooses the plural form by it; the run of digits is isolated afterwards.
fn mark(value: &str) -> String {
    if value.bytes().all(|b| b.is_ascii_digit()) {
        value.to_string()
    } else {
        format!("{FSI}{value}{PDI}")
    }
}

/// One piece of a sentence as shown.
#[derive(Debug, PartialEq)]
enum Piece {
    Plain(String),
    /// Latin letters and digits of the words themselves.
    Ltr(String),
    /// A value put in (what stood between FSI and PDI).
    Value(String),
}

fn latin_or_digit(c: char) -> bool {
    c.is_ascii_alphanumeric() || (c.is_alphabetic() && ('\u{00C0}'..='\u{024F}').contains(&c))
}

/// One of these between two Latin or digit characters keeps them in one run: "7607 AB",
/// "10:00", "CC-BY 4.0", "geonames.org". Two in a row end the run, so the colon and space of
/// "Almelo: 10" stay with the sentence.
fn joiner(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '.' | ',' | ':' | '-' | '/' | '+' | '@' | '_' | '\''
    )
}

fn right_to_left(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

fn pieces(text: &str) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut plain = String::new();
    let flush = |plain: &mut String, out: &mut Vec<Piece>| {
        if !plain.is_empty() {
            out.push(Piece::Plain(std::mem::take(plain)));
        }
    };
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        if opens(c) {
            // To the matching PDI (values do not hold marks of their own, but stay safe).
            let mut depth = 1;
            let mut end = at + 1;
            while end < chars.len() {
                match chars[end] {
                    o if opens(o) => depth += 1,
                    PDI => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                end += 1;
            }
            flush(&mut plain, &mut out);
            out.push(Piece::Value(
                chars[at + 1..end.min(chars.len())].iter().collect(),
            ));
            at = end + 1;
        } else if latin_or_digit(c) {
            let mut end = at + 1;
            loop {
                if end < chars.len() && latin_or_digit(chars[end]) {
                    end += 1;
                } else if end + 1 < chars.len()
                    && joiner(chars[end])
                    && latin_or_digit(chars[end + 1])
                {
                    end += 2;
                } else {
                    break;
                }
            }
            flush(&mut plain, &mut out);
            out.push(Piece::Ltr(chars[at..end].iter().collect()));
            at = end;
        } else {
            if c != PDI {
                plain.push(c);
            }
            at += 1;
        }
    }
    flush(&mut plain, &mut out);
    out
}

/// The pieces as markup: a value in `<bdi>` (its own direction, from its first strong letter;
/// an Arabic value has its own digit runs isolated inside), a Latin or digit run in
/// `<span dir="ltr">`.
///
/// Words without any right-to-left letter (a group's Dutch words shown for want of Arabic ones)
/// are one left-to-right stretch: one isolate, so their full stop stays at their end.
fn isolated(text: &str) -> AnyView {
    if !text.chars().any(right_to_left) {
        let plain: String = text.chars().filter(|c| !opens(*c) && *c != PDI).collect();
        return if plain.chars().any(latin_or_digit) {
            view! { <bdi>{plain}</bdi> }.into_any()
        } else {
            plain.into_any()
        };
    }
    pieces(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Plain(s) => s.into_any(),
            Piece::Ltr(s) => view! { <span dir="ltr">{s}</span> }.into_any(),
            Piece::Value(s) if s.chars().any(right_to_left) => {
                view! { <bdi>{isolated(&s)}</bdi> }.into_any()
            }
            Piece::Value(s) => view! { <bdi>{s}</bdi> }.into_any(),
        })
        .collect_view()
        .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ltr(s: &str) -> Piece {
        Piece::Ltr(s.into())
    }
    fn plain(s: &str) -> Piece {
        Piece::Plain(s.into())
    }

    #[test]
    fn latin_and_digit_runs_are_found() {
        assert_eq!(
            pieces("مثلًا 7607 أو 7607 AB"),
            vec![plain("مثلًا "), ltr("7607"), plain(" أو "), ltr("7607 AB")]
        );
        assert_eq!(
            pieces("عدد المجموعات قرب \u{2068}Almelo\u{2069}: 10"),
            vec![
                plain("عدد المجموعات قرب "),
                Piece::Value("Almelo".into()),
                plain(": "),
                ltr("10"),
            ]
        );
        assert_eq!(
            pieces("© GeoNames (geonames.org)، CC-BY 4.0"),
            vec![
                plain("© "),
                ltr("GeoNames"),
                plain(" ("),
                ltr("geonames.org"),
                plain(")، "),
                ltr("CC-BY 4.0"),
            ]
        );
        assert_eq!(
            pieces("الساعة 10:00."),
            vec![plain("الساعة "), ltr("10:00"), plain(".")]
        );
        assert_eq!(pieces("بدون"), vec![plain("بدون")]);
        assert_eq!(pieces(""), vec![]);
        // A lone mark is dropped, an open one runs to the end: never a panic.
        assert_eq!(pieces("a\u{2069}"), vec![ltr("a")]);
        assert_eq!(
            pieces("ب \u{2068}x"),
            vec![plain("ب "), Piece::Value("x".into())]
        );
        // Isolates the words carry themselves stay one piece.
        assert_eq!(
            pieces("عبر \u{2066}113.nl\u{2069}"),
            vec![plain("عبر "), Piece::Value("113.nl".into())]
        );
    }

    #[test]
    fn values_are_marked_but_counts_stay_numbers() {
        assert_eq!(mark("10"), "10");
        assert_eq!(mark("Almelo"), "\u{2068}Almelo\u{2069}");
        assert_eq!(mark("2.5"), "\u{2068}2.5\u{2069}");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn right_to_left_pages_get_isolates_and_others_plain_text() {
        use crate::i18n::Lang;
        // Without the markers Leptos leaves after a text (comments: no part of the text).
        let html = |view: AnyView| view.to_html().replace("<!>", "");
        let ar = I18n { lang: Lang::Ar };
        let place = [("count", "10".to_string()), ("place", "Almelo".to_string())];
        let heading = html(sentence(&ar, "results-heading", &place));
        assert!(
            heading.contains(r#"<bdi>Almelo</bdi>: <span dir="ltr">10</span>"#),
            "{heading}"
        );
        assert!(!heading.contains(['\u{2068}', '\u{2069}']), "{heading}");
        let hint = html(text(&ar, ar.t("postcode-hint")));
        assert!(hint.contains(r#"<span dir="ltr">7607 AB</span>"#), "{hint}");
        // An Arabic value keeps its own digits apart inside its isolate.
        let name = html(sentence(
            &ar,
            "group-facilitator",
            &[("name", "أحمد 2".into())],
        ));
        assert!(
            name.contains(r#"<bdi>أحمد <span dir="ltr">2</span></bdi>"#),
            "{name}"
        );
        // Markup in a value is text, in both directions.
        let nl = I18n { lang: Lang::Nl };
        for i in [ar, nl] {
            let v = html(sentence(
                &i,
                "group-facilitator",
                &[("name", "<b>x</b>".into())],
            ));
            assert!(
                v.contains("&lt;b&gt;x&lt;/b&gt;") && !v.contains("<b>"),
                "{v}"
            );
        }
        // Dutch words on an Arabic page: one isolate, the full stop at their end.
        let fallback = html(text(&ar, "Loop gewoon binnen, om 10:00.".into()));
        assert_eq!(fallback, "<bdi>Loop gewoon binnen, om 10:00.</bdi>");
        let dutch = html(sentence(&nl, "results-heading", &place));
        assert!(dutch.contains("10 groepen bij Almelo"), "{dutch}");
        assert!(
            !dutch.contains("<bdi>") && !dutch.contains('\u{2068}'),
            "{dutch}"
        );
    }
}
