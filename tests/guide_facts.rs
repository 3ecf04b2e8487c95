//! Facts in the guides that parents act on: every step names its official source and the day it
//! was checked; Dutch names of offices and schemes are kept in every language (so a parent can
//! say them at the counter); no language addresses only mothers (or only fathers); every
//! abbreviation is explained where a guide first uses it.
//!
//! `cargo test --features ssr --test guide_facts -- --nocapture` prints what is short or wrong,
//! per language, so translators can fix their own file.
use std::collections::BTreeMap;
use std::path::Path;

use doorstart::guides::library::builtin;
use doorstart::i18n::Lang;

/// Names that stay in Dutch in every language. A language must name each at least as often as
/// the Dutch guides do (case-insensitive, as part of a word too: "huurtoeslag" counts as
/// "toeslag"), with its own explanation in brackets where it first appears.
const DUTCH_NAMES: [&str; 10] = [
    "Belastingdienst",
    "gemeente",
    "SVB",
    "UWV",
    "DigiD",
    "toeslag",
    "kinderbijslag",
    "bijstand",
    "Juridisch Loket",
    "Veilig Thuis",
];

/// One-gender-only forms that must not be used for the reader (the parent). One in six of our
/// parents is a father; the words must fit every parent. Translators: add a row when you find a
/// form. `form` and `unless` are whole words (a phrase is several words); the form is allowed in
/// a message that also has one of `unless` (the other gender, or another meaning).
struct OneGender {
    lang: &'static str,
    form: &'static str,
    unless: &'static [&'static str],
    why: &'static str,
}

#[rustfmt::skip]
const ONE_GENDER: &[OneGender] = &[
    // Dutch and English: no "mother" for the reader without "father".
    OneGender { lang: "nl", form: "moeder", unless: &["vader"], why: "moeder zonder vader" },
    OneGender { lang: "nl", form: "moeders", unless: &["vaders"], why: "moeders zonder vaders" },
    OneGender { lang: "nl", form: "mama", unless: &["papa"], why: "mama zonder papa" },
    OneGender { lang: "en", form: "mother", unless: &["father"], why: "mother without father" },
    OneGender { lang: "en", form: "mothers", unless: &["fathers"], why: "mothers without fathers" },
    OneGender { lang: "en", form: "mum", unless: &["dad"], why: "mum without dad" },
    OneGender { lang: "en", form: "mom", unless: &["dad"], why: "mom without dad" },
    // Polish: "sama" (alone, feminine) for the parent; "ta sama" means "the same".
    OneGender { lang: "pl", form: "jesteś sama", unless: &["jesteś sam"], why: "feminine only: add sam" },
    OneGender { lang: "pl", form: "sama", unless: &["sam", "ta sama", "tej samej", "tą samą"], why: "feminine only: add sam" },
    OneGender { lang: "pl", form: "samotna matka", unless: &["ojciec", "ojca", "ojcem"], why: "mother only" },
    OneGender { lang: "pl", form: "samotną matką", unless: &["ojcem", "ojciec"], why: "mother only" },
    OneGender { lang: "pl", form: "samotnej matki", unless: &["ojca", "ojciec"], why: "mother only" },
    OneGender { lang: "pl", form: "samotne matki", unless: &["ojcowie", "ojców"], why: "mothers only" },
    // Ukrainian.
    OneGender { lang: "uk", form: "сама", unless: &["сам", "та сама", "така сама"], why: "feminine only: add сам" },
    OneGender { lang: "uk", form: "самотня мати", unless: &["батько", "батька", "батьком"], why: "mother only" },
    OneGender { lang: "uk", form: "самотньої матері", unless: &["батька", "батько"], why: "mother only" },
    OneGender { lang: "uk", form: "самотні матері", unless: &["батьки", "батьків", "батько"], why: "mothers only" },
    // Arabic: feminine-only address.
    OneGender { lang: "ar", form: "أنتِ", unless: &["أنتَ"], why: "feminine 'you' only" },
    OneGender { lang: "ar", form: "عزيزتي", unless: &["عزيزي"], why: "feminine 'dear' only" },
    OneGender { lang: "ar", form: "الأم العزباء", unless: &["الأب"], why: "mother only" },
    OneGender { lang: "ar", form: "أم عزباء", unless: &["أب"], why: "mother only" },
    OneGender { lang: "ar", form: "الأمهات العازبات", unless: &["الآباء"], why: "mothers only" },
    // Farsi.
    OneGender { lang: "fa", form: "مادر تنها", unless: &["پدر"], why: "mother only" },
    OneGender { lang: "fa", form: "مادران تنها", unless: &["پدران"], why: "mothers only" },
    OneGender { lang: "fa", form: "مادر مجرد", unless: &["پدر"], why: "mother only" },
    // Somali.
    OneGender { lang: "so", form: "hooyo keliya", unless: &["aabe", "aabbe", "aabo"], why: "mother only" },
    OneGender { lang: "so", form: "hooyo kali ah", unless: &["aabe", "aabbe", "aabo"], why: "mother only" },
    // Tigrinya (check new rows with the translator).
    OneGender { lang: "ti", form: "ኣደ ጥራይ", unless: &["ኣቦ"], why: "mother only" },
    OneGender { lang: "ti", form: "በይንኺ", unless: &["በይንኻ"], why: "feminine 'you alone' only" },
    // Turkish and Papiamento have no grammatical gender; mother-only words still count.
    OneGender { lang: "tr", form: "bekar anne", unless: &["baba"], why: "mother only" },
    OneGender { lang: "tr", form: "yalnız anne", unless: &["baba"], why: "mother only" },
    OneGender { lang: "pap", form: "mama soltero", unless: &["tata"], why: "mother only" },
    // Rows the translators proposed after the rewrite (2026-12-02).
    OneGender { lang: "ar", form: "اقرئي", unless: &["اقرأ"], why: "feminine command only" },
    OneGender { lang: "ar", form: "ابحثي", unless: &["ابحث"], why: "feminine command only" },
    OneGender { lang: "ar", form: "اسألي", unless: &["اسأل"], why: "feminine command only" },
    OneGender { lang: "ar", form: "اختاري", unless: &["اختر"], why: "feminine command only" },
    OneGender { lang: "ar", form: "اكتبي", unless: &["اكتب"], why: "feminine command only" },
    OneGender { lang: "ar", form: "اتصلي", unless: &["اتصل"], why: "feminine command only" },
    OneGender { lang: "ar", form: "تحصلين", unless: &["تحصل"], why: "feminine 'you' verb only" },
    OneGender { lang: "ar", form: "تحتاجين", unless: &["تحتاج"], why: "feminine 'you' verb only" },
    OneGender { lang: "ar", form: "لستِ", unless: &["لستَ"], why: "feminine 'you' only" },
    OneGender { lang: "ar", form: "الوحيدة", unless: &["الوحيد"], why: "feminine 'alone' only" },
    OneGender { lang: "ar", form: "اختر", unless: &["اختاري"], why: "masculine command only" },
    OneGender { lang: "ar", form: "اكتب", unless: &["اكتبي"], why: "masculine command only" },
    OneGender { lang: "fa", form: "مامان", unless: &["بابا"], why: "mum without dad" },
    OneGender { lang: "fa", form: "زنان سرپرست خانوار", unless: &["مردان"], why: "women heads of household only" },
    OneGender { lang: "pl", form: "wysłałaś", unless: &["wysłałeś"], why: "feminine past tense only" },
    OneGender { lang: "pl", form: "zmieniłaś", unless: &["zmieniłeś"], why: "feminine past tense only" },
    OneGender { lang: "pl", form: "straciłaś", unless: &["straciłeś"], why: "feminine past tense only" },
    OneGender { lang: "pl", form: "powinnaś", unless: &["powinieneś"], why: "feminine only" },
    OneGender { lang: "pl", form: "zapisałam", unless: &["zapisałem"], why: "feminine 'I' only" },
    OneGender { lang: "pl", form: "zgodziłam", unless: &["zgodziłem"], why: "feminine 'I' only" },
    OneGender { lang: "pl", form: "wolontariuszka", unless: &["wolontariusz"], why: "volunteer assumed female" },
    OneGender { lang: "pl", form: "koordynatorka", unless: &["koordynator"], why: "coordinator assumed female" },
    OneGender { lang: "uk", form: "згодна", unless: &["згоден"], why: "feminine 'I' only" },
    OneGender { lang: "uk", form: "записала", unless: &["записав"], why: "feminine 'I' only" },
    OneGender { lang: "uk", form: "ведуча", unless: &["ведучий"], why: "facilitator assumed female" },
    OneGender { lang: "uk", form: "волонтерка", unless: &["волонтер"], why: "volunteer assumed female" },
    OneGender { lang: "tr", form: "hanım", unless: &["bey"], why: "female-only address" },
    OneGender { lang: "tr", form: "anneler", unless: &["babalar"], why: "mothers only" },
    OneGender { lang: "so", form: "hooyo", unless: &["aabe", "aabbe", "aabo"], why: "mother only" },
    OneGender { lang: "so", form: "saaxiibad", unless: &["saaxiib"], why: "female friend only" },
    OneGender { lang: "ti", form: "ንስኺ", unless: &[], why: "feminine singular 'you': use the polite plural" },
    OneGender { lang: "ti", form: "ንዓኺ", unless: &[], why: "feminine singular 'you': use the polite plural" },
    OneGender { lang: "ti", form: "ኣደ", unless: &["ኣቦ"], why: "mother only" },
    OneGender { lang: "ti", form: "መሓዛ", unless: &["ዓርኪ"], why: "female friend only" },
    OneGender { lang: "ti", form: "መራሒት", unless: &["መራሒ"], why: "facilitator assumed female" },
    OneGender { lang: "pap", form: "amiga", unless: &["amigu"], why: "female only" },
    OneGender { lang: "pap", form: "mama", unless: &["tata", "papa"], why: "mother only" },
];

/// Messages that say who a group is for: there one gender is the point ("For mothers").
const NAMES_AN_AUDIENCE: &[&str] = &[
    "audience-mothers",
    "audience-fathers",
    // The name of a partner: the young-mothers work ("Jonge Moederwerk") is what it is called.
    "partners-intro",
    "partner-kind-young-mothers",
];

/// Abbreviations a guide must explain where it first uses them: followed within
/// `EXPLAIN_WITHIN` characters by "(" or " is ".
const ABBREVIATIONS: [&str; 6] = ["SVB", "UWV", "LBIO", "GGD", "DigiD", "IND"];
const EXPLAIN_WITHIN: usize = 60;

// ------------------------------------------------------------------------ helpers

fn locale_codes() -> Vec<String> {
    let mut codes: Vec<String> = std::fs::read_dir("locales")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    codes.sort();
    codes
}

/// Message id → value (continuation lines joined), for one Fluent file. Comments are left out.
fn messages(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = out.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
        } else if let Some((id, value)) = line.split_once('=') {
            out.push((id.trim().to_string(), value.trim().to_string()));
        }
    }
    out
}

/// Lower-case words. Combining marks (Arabic vowels), joiners (Farsi) and apostrophes (Somali)
/// stay inside a word.
fn words(text: &str) -> Vec<String> {
    let inside = |c: char| {
        c.is_alphanumeric()
            || matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{200C}' | '\u{200D}' | '\'' | '’')
    };
    text.to_lowercase()
        .split(|c: char| !inside(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn has_phrase(haystack: &[String], phrase: &str) -> bool {
    let needle = words(phrase);
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|w| w == needle.as_slice())
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn today() -> (i64, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    civil_from_days(secs.div_euclid(86_400))
}

/// `YYYY-MM-DD` as a real calendar day.
fn parse_date(text: &str) -> Option<(i64, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |s: &str| -> Option<u32> {
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    };
    let y = i64::from(digits(&text[0..4])?);
    let m = digits(&text[5..7])?;
    let d = digits(&text[8..10])?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

// ------------------------------------------------------------------------ tests

#[test]
fn the_helpers() {
    assert_eq!(civil_from_days(0), (1970, 1, 1));
    assert_eq!(civil_from_days(20_789), (2026, 12, 2));
    assert_eq!(parse_date("2026-12-02"), Some((2026, 12, 2)));
    assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
    for bad in [
        "2026-02-29",
        "2026-13-01",
        "2026-1-02",
        "02-12-2026",
        "2026-12-0x",
        "",
    ] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
    let w = words("Jesteś sama, prawda? أنتِ؟ هل");
    assert!(has_phrase(&w, "jesteś sama"));
    assert!(has_phrase(&w, "أنتِ"));
    assert!(!has_phrase(&w, "sam"));
    assert!(!has_phrase(&words("samochód"), "sam"));
}

#[test]
fn every_step_names_its_source_and_when_it_was_checked() {
    let lib = builtin();
    let facts = lib.step_facts();
    let steps: usize = lib
        .slugs()
        .map(|slug| lib.guide(slug, Lang::Nl).unwrap().steps.len())
        .sum();
    assert_eq!(facts.len(), steps, "one fact line per step");
    // The file itself: a source and a check date in every step block.
    let raw = std::fs::read_to_string("data/guides.toml").unwrap();
    let blocks = raw.split("[[guide.step]]").skip(1);
    for (n, block) in blocks.enumerate() {
        let block = block.split("[[guide]]").next().unwrap();
        for field in ["source = ", "checked = "] {
            assert!(
                block.lines().any(|l| l.starts_with(field)),
                "step block {} in data/guides.toml has no {field}…",
                n + 1
            );
        }
    }
    let now = today();
    let mut failures = Vec::new();
    println!("{:<18} {:<10} source", "guide/step", "checked");
    for f in &facts {
        println!(
            "{:<18} {:<10} {}",
            format!("{}/{}", f.guide, f.step),
            f.checked,
            f.source
        );
        if !f.source.starts_with("https://") || f.source.len() <= "https://".len() {
            failures.push(format!(
                "{}/{}: source {:?} is not https",
                f.guide, f.step, f.source
            ));
        }
        match parse_date(&f.checked) {
            None => failures.push(format!(
                "{}/{}: checked {:?} is not a date (YYYY-MM-DD)",
                f.guide, f.step, f.checked
            )),
            Some(day) if day > now => failures.push(format!(
                "{}/{}: checked {} is in the future (today is {:04}-{:02}-{:02})",
                f.guide, f.step, f.checked, now.0, now.1, now.2
            )),
            Some(_) => {}
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn every_language_keeps_the_dutch_names() {
    let count = |lang: &str| -> BTreeMap<&'static str, usize> {
        let path = Path::new("locales").join(lang).join("guides.ftl");
        let text: String = messages(&path)
            .into_iter()
            .map(|(_, v)| v.to_lowercase() + "\n")
            .collect();
        DUTCH_NAMES
            .iter()
            .map(|name| (*name, text.matches(&name.to_lowercase()).count()))
            .collect()
    };
    let nl = count("nl");
    println!("Dutch: {nl:?}");
    let mut short = Vec::new();
    for lang in locale_codes().iter().filter(|l| *l != "nl") {
        let theirs = count(lang);
        for name in DUTCH_NAMES {
            if theirs[name] < nl[name] {
                let line = format!(
                    "{lang}: {name:?} {} times, Dutch {} (keep the Dutch name, explain it in brackets)",
                    theirs[name], nl[name]
                );
                println!("{line}");
                short.push(line);
            }
        }
    }
    assert!(short.is_empty(), "Dutch names dropped: {short:#?}");
}

#[test]
fn every_parent_is_addressed() {
    let mut found = Vec::new();
    for lang in locale_codes() {
        let rows: Vec<&OneGender> = ONE_GENDER.iter().filter(|r| r.lang == lang).collect();
        if rows.is_empty() {
            continue;
        }
        let dir = Path::new("locales").join(&lang);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        for file in files {
            for (id, value) in messages(&file) {
                if NAMES_AN_AUDIENCE.contains(&id.as_str()) {
                    continue;
                }
                let w = words(&value);
                for row in &rows {
                    if has_phrase(&w, row.form) && !row.unless.iter().any(|u| has_phrase(&w, u)) {
                        let line =
                            format!("{}: {id}: {:?} ({})", file.display(), row.form, row.why);
                        println!("{line}");
                        found.push(line);
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "one-gender-only words: {found:#?}");
}

#[test]
fn every_abbreviation_is_explained_where_a_guide_first_uses_it() {
    let lib = builtin();
    let mut missing = Vec::new();
    for lang in [Lang::Nl, Lang::En] {
        for slug in lib.slugs() {
            let g = lib.guide(slug, lang).unwrap();
            let mut parts = vec![g.title.clone(), g.intro.clone()];
            for s in &g.steps {
                parts.extend([s.title.clone(), s.text.clone()]);
                parts.extend(s.who.clone());
                parts.extend(s.need.clone());
                parts.extend(s.cost.clone());
            }
            let text = parts.join("\n");
            for abbr in ABBREVIATIONS {
                let first = text.match_indices(abbr).find(|(at, _)| {
                    let before = text[..*at].chars().next_back();
                    let after = text[at + abbr.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                });
                let Some((at, _)) = first else { continue };
                let rest: String = text[at + abbr.len()..]
                    .chars()
                    .take(EXPLAIN_WITHIN)
                    .collect();
                if !rest.contains('(') && !rest.contains(" is ") {
                    let line = format!(
                        "{}/{slug}: {abbr} is not explained: {abbr}{rest:?}",
                        lang.code()
                    );
                    println!("{line}");
                    missing.push(line);
                }
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

/// Sites whose amounts a step may quote: the SVB (kinderbijslag), the Belastingdienst
/// (toeslagen), the Rijksoverheid (bijstand norms), or a gemeente's own site.
const AMOUNT_SOURCES: [&str; 3] = ["svb.nl", "belastingdienst.nl", "rijksoverheid.nl"];

/// Does the text name an amount in euros ("€ 295", "295 euro")?
fn names_an_amount(text: &str) -> bool {
    text.contains('€') || words(text).iter().any(|w| w == "euro" || w == "eur")
}

/// Does the text name a year (2000–2099), so a parent knows when the amount held?
fn names_a_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && d.starts_with("20"))
}

/// Is the source an official page for amounts: svb.nl, belastingdienst.nl, rijksoverheid.nl
/// (or a subdomain), or a site of a gemeente (its host names "gemeente")?
fn official_amount_source(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .to_lowercase();
    AMOUNT_SOURCES
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || host.split(['.', '-']).any(|part| part == "gemeente")
}

/// What is wrong with a step that names an amount: no year, or no official source.
fn amount_problem(text: &str, source: &str) -> Option<&'static str> {
    if !names_an_amount(text) {
        return None;
    }
    if !names_a_year(text) {
        return Some("names an amount in euros without a year");
    }
    if !official_amount_source(source) {
        return Some(
            "names an amount in euros; its source must be svb.nl, belastingdienst.nl, rijksoverheid.nl or a gemeente",
        );
    }
    None
}

#[test]
fn the_amount_rule() {
    let svb = "https://www.svb.nl/nl/kinderbijslag";
    assert_eq!(
        amount_problem("Je krijgt kinderbijslag.", "https://x.org"),
        None
    );
    assert_eq!(
        amount_problem("In 2026 krijg je ongeveer € 295 per kwartaal.", svb),
        None
    );
    assert_eq!(
        amount_problem(
            "In 2026 is dat 129 euro per maand.",
            "https://download.belastingdienst.nl/a.pdf"
        ),
        None
    );
    assert_eq!(
        amount_problem(
            "In 2026 is de norm € 1.100.",
            "https://www.gemeente.amsterdam/bijstand"
        ),
        None
    );
    assert!(amount_problem("Je krijgt ongeveer € 295 per kwartaal.", svb).is_some());
    assert!(amount_problem("Je krijgt 295 euro.", svb).is_some());
    assert!(amount_problem("In 2026 krijg je € 295.", "https://geldfit.nl/thema").is_some());
    assert!(amount_problem("In 2026 krijg je € 295.", "https://svb.nl.example.com/").is_some());
    assert!(amount_problem("In 2026 krijg je € 295.", "http://www.svb.nl/").is_some());
    assert!(!names_a_year("Bel 0800-0543."));
}

#[test]
fn every_amount_has_a_year_and_an_official_source() {
    let lib = builtin();
    let facts = lib.step_facts();
    let mut wrong = Vec::new();
    for slug in lib.slugs() {
        let g = lib.guide(slug, Lang::Nl).unwrap();
        for s in &g.steps {
            // What the parent may get. `cost` says what a call or a visit costs the parent;
            // those prices are checked with the contacts at the top of data/guides.toml.
            let mut parts = vec![s.title.clone(), s.text.clone()];
            parts.extend(s.who.clone());
            parts.extend(s.need.clone());
            let text = parts.join(" ");
            let source = facts
                .iter()
                .find(|f| f.guide == slug && f.step == s.id)
                .map(|f| f.source.clone())
                .unwrap_or_default();
            if let Some(problem) = amount_problem(&text, &source) {
                let line = format!("{slug}/{}: {problem} (source {source})", s.id);
                println!("{line}");
                wrong.push(line);
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The small "and"/"or" between steps are explained once, in the reader's own words: the legend
/// names both joiner words of its language.
#[test]
fn every_language_explains_and_and_or() {
    let mut short = Vec::new();
    for lang in locale_codes() {
        let path = Path::new("locales").join(&lang).join("guidepages.ftl");
        let msgs: BTreeMap<String, String> = messages(&path).into_iter().collect();
        let legend = msgs
            .get("guide-joiner-legend")
            .map(|v| words(v))
            .unwrap_or_default();
        for key in ["guide-and", "guide-or"] {
            let word = msgs.get(key).cloned().unwrap_or_default();
            if legend.is_empty() || !has_phrase(&legend, &word) {
                short.push(format!(
                    "{lang}: guide-joiner-legend does not name {key} {word:?}"
                ));
            }
        }
    }
    assert!(short.is_empty(), "{short:#?}");
}
