//! Plain language, measured and printed
//! (`cargo test --features ssr --test plain_language -- --nocapture`).
//!
//! Dutch (Flesch-Douma, B1):
//! - every guide as a whole scores ≥ 80 with at most 12 words a sentence on average;
//! - every step (title, text, who, need, cost) scores ≥ 80, and no sentence has more than 12
//!   words. Floor: a short step (fewer than 40 words) may score down to 75. Such a step often
//!   has to name a Dutch office or scheme (Juridisch Loket, consultatiebureau,
//!   ouderschapsplan) that cannot be swapped for a shorter word, and it has too few other words
//!   to average one long name out. The guide it belongs to still has to reach 80.
//!
//! English (Flesch reading ease): every guide scores ≥ 80.
use doorstart::guides::library::builtin;
use doorstart::guides::model::{Guide, Step};
use doorstart::i18n::Lang;

/// Syllables as vowel groups. Dutch: a diaeresis starts a new syllable (`egoïstisch`).
fn syllables_nl(word: &str) -> usize {
    const VOWELS: &str = "aeiouyáàâäéèêëíìîïóòôöúùûü";
    let mut n = 0;
    let mut previous = false;
    for c in word.to_lowercase().chars() {
        let vowel = VOWELS.contains(c);
        if vowel && (!previous || "ëïöü".contains(c)) {
            n += 1;
        }
        previous = vowel;
    }
    n.max(1)
}

/// English: vowel groups, less a silent final "e".
fn syllables_en(word: &str) -> usize {
    let w = word.to_lowercase();
    let mut n = 0;
    let mut previous = false;
    for c in w.chars() {
        let vowel = "aeiouy".contains(c);
        if vowel && !previous {
            n += 1;
        }
        previous = vowel;
    }
    if w.ends_with('e') && !w.ends_with("le") && n > 1 {
        n -= 1;
    }
    n.max(1)
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    sentences: usize,
    words: usize,
    syllables: usize,
}

impl Counts {
    fn words_per_sentence(&self) -> f64 {
        self.words as f64 / self.sentences as f64
    }
    fn syllables_per_word(&self) -> f64 {
        self.syllables as f64 / self.words as f64
    }
    /// Flesch-Douma: 206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence.
    fn flesch_douma(&self) -> f64 {
        206.84 - 0.77 * 100.0 * self.syllables_per_word() - 0.93 * self.words_per_sentence()
    }
    /// Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.
    fn flesch(&self) -> f64 {
        206.835 - 1.015 * self.words_per_sentence() - 84.6 * self.syllables_per_word()
    }
}

/// Sentences end in `.`, `?`, `!` or `:` followed by a space or the end; each text ends one.
/// A number counts as one word of two syllables.
fn count(texts: &[String], syllables: fn(&str) -> usize) -> Counts {
    let mut c = Counts::default();
    for text in texts {
        let mut sentence_words = 0;
        let tokens: Vec<&str> = text.split_whitespace().collect();
        for (n, token) in tokens.iter().enumerate() {
            let word: String = token
                .trim_matches(|ch: char| !ch.is_alphanumeric())
                .to_string();
            if !word.is_empty() {
                sentence_words += 1;
                c.words += 1;
                c.syllables += if word.chars().any(char::is_alphabetic) {
                    word.split(['-', '\'', '’'])
                        .filter(|p| !p.is_empty())
                        .map(syllables)
                        .sum()
                } else {
                    2
                };
            }
            let ends = token.ends_with(['.', '?', '!', ':']) || n + 1 == tokens.len();
            if ends && sentence_words > 0 {
                c.sentences += 1;
                sentence_words = 0;
            }
        }
    }
    c
}

fn step_texts(s: &Step) -> Vec<String> {
    let mut out = vec![s.title.clone(), s.text.clone()];
    out.extend(s.who.clone());
    out.extend(s.need.clone());
    out.extend(s.cost.clone());
    out
}

fn texts(g: &Guide) -> Vec<String> {
    let mut out = vec![g.title.clone(), g.intro.clone()];
    for s in &g.steps {
        out.extend(step_texts(s));
    }
    out
}

/// Sentences of more than `max` words, split the way `count` splits them.
fn long_sentences(texts: &[String], max: usize) -> Vec<String> {
    let mut out = Vec::new();
    for text in texts {
        let mut sentence: Vec<&str> = Vec::new();
        let tokens: Vec<&str> = text.split_whitespace().collect();
        for (n, token) in tokens.iter().enumerate() {
            if token.chars().any(char::is_alphanumeric) {
                sentence.push(token);
            }
            if token.ends_with(['.', '?', '!', ':']) || n + 1 == tokens.len() {
                if sentence.len() > max {
                    out.push(sentence.join(" "));
                }
                sentence.clear();
            }
        }
    }
    out
}

/// The Dutch bar for one step: 80, or 75 for a step of fewer than 40 words (see the top).
const STEP_BAR: f64 = 80.0;
const SHORT_STEP_FLOOR: f64 = 75.0;
const SHORT_STEP_WORDS: usize = 40;

#[test]
fn the_counting_rules() {
    assert_eq!(syllables_nl("kinderopvangtoeslag"), 6);
    assert_eq!(syllables_nl("huis"), 1);
    assert_eq!(syllables_nl("egoïstisch"), 4);
    assert_eq!(syllables_en("make"), 1);
    assert_eq!(syllables_en("little"), 2);
    assert_eq!(syllables_en("money"), 2);
    let c = count(
        &[
            "Je bent niet alleen. Bel 0800-0543!".to_string(),
            "Gratis".to_string(),
        ],
        syllables_nl,
    );
    assert_eq!((c.sentences, c.words, c.syllables), (3, 7, 10));
    // A hard sentence scores low, a plain one high.
    let hard = count(&["De alleenstaande-ouderkop van het kindgebonden budget wordt inkomensafhankelijk vastgesteld door de Belastingdienst.".to_string()], syllables_nl);
    let plain = count(&["Je krijgt geld. Dat is fijn.".to_string()], syllables_nl);
    assert!(hard.flesch_douma() < 40.0 && plain.flesch_douma() > 100.0);
}

#[test]
fn every_dutch_guide_and_step_is_plain() {
    let lib = builtin();
    let mut failures = Vec::new();
    println!(
        "{:<18} {:>12} {:>16} {:>6}",
        "guide/step (nl)", "Flesch-Douma", "words/sentence", "words"
    );
    for slug in lib.slugs() {
        let g = lib.guide(slug, Lang::Nl).unwrap();
        for s in &g.steps {
            let texts = step_texts(s);
            let c = count(&texts, syllables_nl);
            let (score, wps) = (c.flesch_douma(), c.words_per_sentence());
            let bar = if c.words < SHORT_STEP_WORDS {
                SHORT_STEP_FLOOR
            } else {
                STEP_BAR
            };
            let name = format!("{slug}/{}", s.id);
            println!("{name:<18} {score:>12.1} {wps:>16.1} {:>6}", c.words);
            if score < bar || wps > 12.0 {
                failures.push(format!(
                    "{name}: {score:.1} (bar {bar}), {wps:.1} words a sentence"
                ));
            }
            for long in long_sentences(&texts, 12) {
                failures.push(format!("{name}: more than 12 words: {long:?}"));
            }
        }
        let c = count(&texts(&g), syllables_nl);
        let (score, wps) = (c.flesch_douma(), c.words_per_sentence());
        println!(
            "{:<18} {score:>12.1} {wps:>16.1} {:>6}",
            format!("{slug} (guide)"),
            c.words
        );
        if score < 80.0 || wps > 12.0 {
            failures.push(format!("{slug}: {score:.1}, {wps:.1} words a sentence"));
        }
    }
    assert!(failures.is_empty(), "not plain enough: {failures:#?}");
}

#[test]
fn every_english_guide_is_plain() {
    let lib = builtin();
    let mut failures = Vec::new();
    println!(
        "{:<12} {:>8} {:>16}",
        "guide (en)", "Flesch", "words/sentence"
    );
    for slug in lib.slugs() {
        let g = lib.guide(slug, Lang::En).unwrap();
        assert!(!g.fell_back, "{slug} is whole in English");
        let c = count(&texts(&g), syllables_en);
        let (score, wps) = (c.flesch(), c.words_per_sentence());
        println!("{slug:<12} {score:>8.1} {wps:>16.1}");
        if score < 80.0 {
            failures.push(format!("{slug}: {score:.1}"));
        }
    }
    assert!(failures.is_empty(), "not plain enough: {failures:?}");
}
