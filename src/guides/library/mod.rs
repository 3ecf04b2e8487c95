//! The guide library: `data/guides.toml` (steps, icons, links, contacts) and the words in
//! `locales/<lang>/guides.ftl`, read and checked once at start.
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

mod file;

pub use file::StepFact;
use file::*;

use super::model::{Contact, Guide, GuideTile, InnerLink, Step, ThemeTiles};
use crate::i18n::Lang;

/// Themes a guide can be grouped under (words: `guides-theme-<id>`).
pub const THEMES: [&str; 4] = ["money", "family", "home", "you"];

pub struct GuideLibrary {
    themes: Vec<ThemeDef>,
    guides: Vec<GuideDef>,
    words: HashMap<Lang, HashMap<String, String>>,
    /// Every guide in every language, put together once at start.
    built: HashMap<Lang, HashMap<String, Guide>>,
}

/// The words of the guides as shipped, one file per language.
const SHIPPED: [(Lang, &str); Lang::ALL.len()] = [
    (Lang::Nl, include_str!("../../../locales/nl/guides.ftl")),
    (Lang::En, include_str!("../../../locales/en/guides.ftl")),
    (Lang::Ar, include_str!("../../../locales/ar/guides.ftl")),
    (Lang::Tr, include_str!("../../../locales/tr/guides.ftl")),
    (Lang::Pl, include_str!("../../../locales/pl/guides.ftl")),
    (Lang::Uk, include_str!("../../../locales/uk/guides.ftl")),
    (Lang::Fa, include_str!("../../../locales/fa/guides.ftl")),
    (Lang::So, include_str!("../../../locales/so/guides.ftl")),
    (Lang::Pap, include_str!("../../../locales/pap/guides.ftl")),
    (Lang::Ti, include_str!("../../../locales/ti/guides.ftl")),
];

static BUILTIN: LazyLock<GuideLibrary> = LazyLock::new(|| {
    GuideLibrary::parse(include_str!("../../../data/guides.toml"), &SHIPPED)
        .unwrap_or_else(|e| panic!("the guides do not load: {e}"))
});

/// The shipped library (loaded on first use; `main` touches it at start so a broken file stops
/// the server before it listens).
pub fn builtin() -> &'static GuideLibrary {
    &BUILTIN
}

/// The library of this request: the shipped one, unless a test provided another.
pub fn current() -> &'static GuideLibrary {
    leptos::prelude::use_context::<LibraryRef>()
        .map(|r| r.0)
        .unwrap_or_else(builtin)
}

/// Context handle, so the integration tests can serve a library with a missing translation.
#[derive(Clone, Copy)]
pub struct LibraryRef(pub &'static GuideLibrary);

impl GuideLibrary {
    /// Reads and checks the steps file and the words. Errors name what is wrong.
    pub fn parse(steps: &str, words: &[(Lang, &str)]) -> Result<GuideLibrary, String> {
        let file: File = toml::from_str(steps).map_err(|e| format!("guides.toml: {e}"))?;
        let mut by_lang = HashMap::new();
        for (lang, ftl) in words {
            by_lang.insert(*lang, messages(*lang, ftl)?);
        }
        let mut lib = GuideLibrary {
            themes: file.theme,
            guides: file.guide,
            words: by_lang,
            built: HashMap::new(),
        };
        lib.check()?;
        lib.built = Lang::ALL
            .into_iter()
            .map(|lang| {
                let guides = lib
                    .guides
                    .iter()
                    .map(|g| (g.slug.clone(), lib.build(g, lang)))
                    .collect();
                (lang, guides)
            })
            .collect();
        Ok(lib)
    }

    fn check(&self) -> Result<(), String> {
        let nl = self
            .words
            .get(&Lang::Nl)
            .ok_or("the Dutch words are missing")?;
        let mut slugs = BTreeSet::new();
        for g in &self.guides {
            if !slugs.insert(g.slug.as_str()) {
                return Err(format!("guide {} twice", g.slug));
            }
            if !crate::ui::IconName::known(&g.icon) {
                return Err(format!("guide {}: unknown icon {}", g.slug, g.icon));
            }
            if g.step.is_empty() {
                return Err(format!("guide {} has no steps", g.slug));
            }
            for key in [format!("g-{}-title", g.slug), format!("g-{}-intro", g.slug)] {
                if !nl.contains_key(&key) {
                    return Err(format!("nl: {key} is missing"));
                }
            }
            let mut ids = BTreeSet::new();
            for (n, s) in g.step.iter().enumerate() {
                if !ids.insert(s.id.as_str()) {
                    return Err(format!("guide {}: step {} twice", g.slug, s.id));
                }
                if !crate::ui::IconName::known(&s.icon) {
                    return Err(format!(
                        "guide {} step {}: unknown icon {}",
                        g.slug, s.id, s.icon
                    ));
                }
                let next =
                    joiner(&s.next).map_err(|e| format!("guide {} step {}: {e}", g.slug, s.id))?;
                if !valid_source(&s.source) {
                    return Err(format!(
                        "guide {} step {}: source {:?} is not an https address",
                        g.slug, s.id, s.source
                    ));
                }
                if !valid_date(&s.checked) {
                    return Err(format!(
                        "guide {} step {}: checked {:?} is not a date (YYYY-MM-DD)",
                        g.slug, s.id, s.checked
                    ));
                }
                if next.is_some() && n + 1 == g.step.len() {
                    return Err(format!("guide {}: the last step has a next", g.slug));
                }
                for part in ["title", "text"] {
                    let key = format!("g-{}-{}-{part}", g.slug, s.id);
                    if !nl.contains_key(&key) {
                        return Err(format!("nl: {key} is missing"));
                    }
                }
                for link in &s.links {
                    if !link.path.starts_with('/') || !nl.contains_key(&link.label) {
                        return Err(format!(
                            "guide {} step {}: link {}",
                            g.slug, s.id, link.path
                        ));
                    }
                }
                for c in &s.contacts {
                    if c.phone.is_none() && c.url.is_none() {
                        return Err(format!("contact {} has no phone and no website", c.name));
                    }
                    if c.url.as_deref().is_some_and(|u| !u.starts_with("https://")) {
                        return Err(format!("contact {}: the website must be https", c.name));
                    }
                }
            }
        }
        let mut grouped = BTreeSet::new();
        for t in &self.themes {
            if !THEMES.contains(&t.id.as_str()) {
                return Err(format!("unknown theme {}", t.id));
            }
            for slug in &t.guides {
                if !slugs.contains(slug.as_str()) || !grouped.insert(slug.as_str()) {
                    return Err(format!("theme {}: guide {slug} unknown or twice", t.id));
                }
            }
        }
        if grouped != slugs {
            return Err("every guide belongs to exactly one theme".into());
        }
        Ok(())
    }

    /// Every `g-` key the guides use (those the Dutch has), for the locale checks.
    pub fn keys(&self) -> BTreeSet<String> {
        let nl = &self.words[&Lang::Nl];
        self.guides
            .iter()
            .flat_map(guide_keys)
            .filter(|k| nl.contains_key(k))
            .collect()
    }

    /// Every step with the official page its facts rest on and the day that was checked.
    pub fn step_facts(&self) -> Vec<StepFact> {
        self.guides
            .iter()
            .flat_map(|g| {
                g.step.iter().map(|s| StepFact {
                    guide: g.slug.clone(),
                    step: s.id.clone(),
                    source: s.source.clone(),
                    checked: s.checked.clone(),
                })
            })
            .collect()
    }

    pub fn slugs(&self) -> impl Iterator<Item = &str> {
        self.guides.iter().map(|g| g.slug.as_str())
    }

    pub fn has_step(&self, guide: &str, step: &str) -> bool {
        self.guides
            .iter()
            .any(|g| g.slug == guide && g.step.iter().any(|s| s.id == step))
    }

    /// True when the language has every word the Dutch has for this guide.
    fn complete_in(&self, g: &GuideDef, lang: Lang) -> bool {
        let Some(words) = self.words.get(&lang) else {
            return false;
        };
        let nl = &self.words[&Lang::Nl];
        guide_keys(g)
            .iter()
            .filter(|k| nl.contains_key(*k))
            .all(|k| words.contains_key(k))
    }

    /// One guide in the reader's language; in Dutch (and marked so) when the language lacks it.
    pub fn guide(&self, slug: &str, lang: Lang) -> Option<Guide> {
        self.built.get(&lang)?.get(slug).cloned()
    }

    /// A guide's title in the language, else in Dutch (tiles, the monitoring table).
    pub fn title(&self, slug: &str, lang: Lang) -> Option<String> {
        let key = format!("g-{slug}-title");
        self.words
            .get(&lang)
            .and_then(|w| w.get(&key))
            .or_else(|| self.words[&Lang::Nl].get(&key))
            .cloned()
    }

    fn build(&self, g: &GuideDef, lang: Lang) -> Guide {
        let fell_back = lang != Lang::Nl && !self.complete_in(g, lang);
        let shown = if fell_back { Lang::Nl } else { lang };
        let words = &self.words[&shown];
        let word = |key: String| words.get(&key).cloned();
        let steps = g
            .step
            .iter()
            .map(|s| {
                let part = |p: &str| word(format!("g-{}-{}-{p}", g.slug, s.id));
                Step {
                    id: s.id.clone(),
                    icon: s.icon.clone(),
                    title: part("title").unwrap_or_default(),
                    text: part("text").unwrap_or_default(),
                    who: part("who"),
                    need: part("need"),
                    cost: part("cost"),
                    contacts: s
                        .contacts
                        .iter()
                        .map(|c| Contact {
                            name: c.name.clone(),
                            phone: c.phone.clone(),
                            url: c.url.clone(),
                        })
                        .collect(),
                    links: s
                        .links
                        .iter()
                        .map(|l| InnerLink {
                            path: l.path.clone(),
                            label: word(l.label.clone()).unwrap_or_default(),
                        })
                        .collect(),
                    next: joiner(&s.next).ok().flatten(),
                }
            })
            .collect();
        Guide {
            slug: g.slug.clone(),
            icon: g.icon.clone(),
            lang: shown.code().to_string(),
            title: word(format!("g-{}-title", g.slug)).unwrap_or_default(),
            intro: word(format!("g-{}-intro", g.slug)).unwrap_or_default(),
            steps,
            fell_back,
        }
    }

    /// The tiles of `/guides`, grouped by theme, titles in the reader's language where it has them.
    pub fn tiles(&self, lang: Lang) -> Vec<ThemeTiles> {
        self.themes
            .iter()
            .map(|t| ThemeTiles {
                theme: t.id.clone(),
                guides: t
                    .guides
                    .iter()
                    .filter_map(|slug| {
                        let g = self.guides.iter().find(|g| &g.slug == slug)?;
                        let title = self.title(slug, lang)?;
                        Some(GuideTile {
                            slug: slug.clone(),
                            icon: g.icon.clone(),
                            title,
                        })
                    })
                    .collect(),
            })
            .collect()
    }

    /// Choices for the coordinator's form: ("guide/step", "Guide title – step title").
    pub fn step_choices(&self, lang: Lang) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for slug in self.slugs() {
            if let Some(g) = self.guide(slug, lang) {
                for s in &g.steps {
                    out.push((
                        format!("{slug}/{}", s.id),
                        format!("{} – {}", g.title, s.title),
                    ));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_guides_load_in_every_language() {
        let lib = builtin();
        assert!(lib.slugs().count() >= 13);
        for lang in Lang::ALL {
            assert!(
                SHIPPED.iter().any(|(l, _)| *l == lang),
                "{lang:?} has no guides file"
            );
            for slug in lib.slugs() {
                let g = lib.guide(slug, lang).unwrap();
                assert!(!g.fell_back, "{slug} is not complete in {lang:?}");
                assert!(g
                    .steps
                    .iter()
                    .all(|s| !s.title.is_empty() && !s.text.is_empty()));
            }
        }
    }

    const STEPS: &str = r#"
[[theme]]
id = "money"
guides = ["a"]

[[guide]]
slug = "a"
icon = "euro"

[[guide.step]]
id = "s1"
icon = "euro"
next = "or"
contacts = [{ name = "BelastingTelefoon", phone = "0800-0543" }]
source = "https://www.belastingdienst.nl"
checked = "2026-11-30"

[[guide.step]]
id = "s2"
icon = "chat"
source = "https://www.rijksoverheid.nl"
checked = "2026-11-30"
"#;
    const NL: &str = "g-a-title = Geld\ng-a-intro = Kijk.\ng-a-s1-title = Een\ng-a-s1-text = Eerst.\ng-a-s1-cost = Gratis.\ng-a-s2-title = Twee\ng-a-s2-text = Dan.\n";

    #[test]
    fn a_language_that_lacks_a_word_falls_back_to_dutch() {
        let en_missing_cost = "g-a-title = Money\ng-a-intro = Look.\ng-a-s1-title = One\ng-a-s1-text = First.\ng-a-s2-title = Two\ng-a-s2-text = Then.\n";
        let lib =
            GuideLibrary::parse(STEPS, &[(Lang::Nl, NL), (Lang::En, en_missing_cost)]).unwrap();
        let en = lib.guide("a", Lang::En).unwrap();
        assert!(en.fell_back);
        assert_eq!(en.lang, "nl");
        assert_eq!(en.title, "Geld");
        assert_eq!(en.steps[0].next, Some(super::super::model::Joiner::Or));
        assert_eq!(en.steps[0].cost.as_deref(), Some("Gratis."));
        let ar = lib.guide("a", Lang::Ar).unwrap();
        assert!(ar.fell_back, "no Arabic file at all");
        let nl = lib.guide("a", Lang::Nl).unwrap();
        assert!(!nl.fell_back);
        // The tile title still comes from English, where it exists.
        assert_eq!(lib.tiles(Lang::En)[0].guides[0].title, "Money");
    }

    #[test]
    fn broken_files_are_refused_with_a_reason() {
        let missing_text = NL.replace("g-a-s2-text = Dan.\n", "");
        let err = GuideLibrary::parse(STEPS, &[(Lang::Nl, &missing_text)])
            .err()
            .unwrap();
        assert!(err.contains("g-a-s2-text"), "{err}");
        let bad_next = STEPS.replace("next = \"or\"", "next = \"then\"");
        assert!(GuideLibrary::parse(&bad_next, &[(Lang::Nl, NL)]).is_err());
        let bad_icon = STEPS.replace("icon = \"chat\"", "icon = \"rocket\"");
        assert!(GuideLibrary::parse(&bad_icon, &[(Lang::Nl, NL)]).is_err());
        let no_theme = STEPS.replace("guides = [\"a\"]", "guides = []");
        assert!(GuideLibrary::parse(&no_theme, &[(Lang::Nl, NL)]).is_err());
    }

    #[test]
    fn every_step_names_its_source_and_check_date() {
        let lib = GuideLibrary::parse(STEPS, &[(Lang::Nl, NL)]).unwrap();
        assert_eq!(
            lib.step_facts()[0],
            StepFact {
                guide: "a".into(),
                step: "s1".into(),
                source: "https://www.belastingdienst.nl".into(),
                checked: "2026-11-30".into(),
            }
        );
        let no_source = STEPS.replace("source = \"https://www.rijksoverheid.nl\"\n", "");
        let err = GuideLibrary::parse(&no_source, &[(Lang::Nl, NL)])
            .err()
            .unwrap();
        assert!(err.contains("source"), "{err}");
        let no_date = STEPS.replace("checked = \"2026-11-30\"\n", "");
        assert!(GuideLibrary::parse(&no_date, &[(Lang::Nl, NL)]).is_err());
        for bad in [
            "http://www.belastingdienst.nl",
            "www.belastingdienst.nl",
            "https://",
        ] {
            let steps = STEPS.replace("https://www.belastingdienst.nl", bad);
            let err = GuideLibrary::parse(&steps, &[(Lang::Nl, NL)])
                .err()
                .unwrap();
            assert!(err.contains("guide a step s1: source"), "{bad}: {err}");
        }
        for bad in ["2026-02-30", "30-11-2026", "2026-11-3", "soon"] {
            let steps = STEPS.replacen("2026-11-30", bad, 1);
            let err = GuideLibrary::parse(&steps, &[(Lang::Nl, NL)])
                .err()
                .unwrap();
            assert!(err.contains("guide a step s1: checked"), "{bad}: {err}");
        }
    }
}
