//! The guide files as written: `data/guides.toml` (steps, icons, links, contacts, sources)
//! and the Fluent words, with the rules each must meet before the library is put together.
use std::collections::HashMap;

use serde::Deserialize;

use super::super::model::Joiner;
use crate::i18n::Lang;

/// The optional parts of a step; which a step has is set by the Dutch words.
pub(super) const PARTS: [&str; 3] = ["who", "need", "cost"];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct File {
    pub(super) theme: Vec<ThemeDef>,
    pub(super) guide: Vec<GuideDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ThemeDef {
    pub(super) id: String,
    pub(super) guides: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GuideDef {
    pub(super) slug: String,
    pub(super) icon: String,
    pub(super) step: Vec<StepDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StepDef {
    pub(super) id: String,
    pub(super) icon: String,
    pub(super) next: Option<String>,
    #[serde(default)]
    pub(super) contacts: Vec<ContactDef>,
    #[serde(default)]
    pub(super) links: Vec<LinkDef>,
    /// The official page the step's facts rest on (`https://…`).
    pub(super) source: String,
    /// The day someone last read `source` against the words (`YYYY-MM-DD`).
    pub(super) checked: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ContactDef {
    pub(super) name: String,
    pub(super) phone: Option<String>,
    pub(super) url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LinkDef {
    pub(super) path: String,
    pub(super) label: String,
}

/// Where a step's national facts come from and when they were last checked: for the
/// coordinator's list of facts to re-check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepFact {
    pub guide: String,
    pub step: String,
    pub source: String,
    pub checked: String,
}

/// A step's source must be an https address with a host.
pub(super) fn valid_source(url: &str) -> bool {
    url.strip_prefix("https://").is_some_and(|rest| {
        rest.len() > 3 && rest.contains('.') && !rest.contains(char::is_whitespace)
    })
}

/// A check date is a real calendar day written `YYYY-MM-DD`.
pub(super) fn valid_date(date: &str) -> bool {
    date.len() == 10
        && date.as_bytes()[4] == b'-'
        && date.as_bytes()[7] == b'-'
        && chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok()
}

/// Message id → formatted text, for one Fluent file.
pub(super) fn messages(lang: Lang, ftl: &str) -> Result<HashMap<String, String>, String> {
    use fluent_templates::fluent_bundle::{FluentBundle, FluentResource};
    let resource = FluentResource::try_new(ftl.to_string())
        .map_err(|(_, errors)| format!("{}: {errors:?}", lang.code()))?;
    // Message ids start a line ("id = value"); comments, terms and continued lines do not.
    let ids: Vec<String> = ftl
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect();
    let id = lang
        .code()
        .parse()
        .map_err(|_| format!("{}: not a language", lang.code()))?;
    let mut bundle = FluentBundle::new(vec![id]);
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|e| format!("{}: {e:?}", lang.code()))?;
    let mut out = HashMap::new();
    for id in ids {
        let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, None, &mut errors)
            .trim()
            .to_string();
        if !errors.is_empty() {
            return Err(format!("{}: {id}: {errors:?}", lang.code()));
        }
        if !text.is_empty() {
            out.insert(id, text);
        }
    }
    Ok(out)
}

/// Every key a guide may have words for (the Dutch decides which it has).
pub(super) fn guide_keys(g: &GuideDef) -> Vec<String> {
    let mut keys = vec![format!("g-{}-title", g.slug), format!("g-{}-intro", g.slug)];
    for s in &g.step {
        for part in ["title", "text"].into_iter().chain(PARTS) {
            keys.push(format!("g-{}-{}-{part}", g.slug, s.id));
        }
        keys.extend(s.links.iter().map(|l| l.label.clone()));
    }
    keys
}

pub(super) fn joiner(next: &Option<String>) -> Result<Option<Joiner>, String> {
    match next.as_deref() {
        None | Some("") => Ok(None),
        Some("and") => Ok(Some(Joiner::And)),
        Some("or") => Ok(Some(Joiner::Or)),
        Some(other) => Err(format!("next = {other:?}: use \"and\" or \"or\"")),
    }
}
