//! Plain language, measured: every Dutch guide scores Flesch-Douma ≥ 80 with at most 12 words a
//! sentence; every English guide scores Flesch reading ease ≥ 70. Scores are printed
//! (`cargo test --features ssr --test plain_language -- --nocapture`).
use doorstart::guides::library::builtin;
use doorstart::guides::model::Guide;
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

fn texts(g: &Guide) -> Vec<String> {
    let mut out = vec![g.title.clone(), g.intro.clone()];
    for s in &g.steps {
        out.push(s.title.clone());
        out.push(s.text.clone());
        out.extend(s.who.clone());
        out.extend(s.need.clone());
        out.extend(s.cost.clone());
    }
    out
}

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
fn every_dutch_guide_is_plain() {
    let lib = builtin();
    let mut failures = Vec::new();
    println!(
        "{:<12} {:>12} {:>16}",
        "guide (nl)", "Flesch-Douma", "words/sentence"
    );
    for slug in lib.slugs() {
        let g = lib.guide(slug, Lang::Nl).unwrap();
        let c = count(&texts(&g), syllables_nl);
        let (score, wps) = (c.flesch_douma(), c.words_per_sentence());
        println!("{slug:<12} {score:>12.1} {wps:>16.1}");
        if score < 80.0 || wps > 12.0 {
            failures.push(format!("{slug}: {score:.1}, {wps:.1} words a sentence"));
        }
    }
    assert!(failures.is_empty(), "not plain enough: {failures:?}");
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
        let c = count(&texts(&g), syllables_en);
        let (score, wps) = (c.flesch(), c.words_per_sentence());
        println!("{slug:<12} {score:>8.1} {wps:>16.1}");
        if score < 70.0 {
            failures.push(format!("{slug}: {score:.1}"));
        }
    }
    assert!(failures.is_empty(), "not plain enough: {failures:?}");
}
