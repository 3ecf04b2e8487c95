//! Server functions and plain form posts of the guides.
use leptos::prelude::*;

use super::model::{Guide, LocalEntry, ThemeTiles};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "guides")]
pub async fn guide_tiles() -> Result<Vec<ThemeTiles>, AppError> {
    let lang = crate::i18n::use_i18n().lang;
    Ok(super::library::current().tiles(lang))
}

/// Where the parent's local help comes from.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Place {
    /// Nothing chosen yet.
    None,
    /// A municipality with its entries for this guide (by step id).
    Found {
        code: String,
        name: String,
        entries: Vec<LocalEntry>,
    },
    /// The postcode could not be read (400) or is not known (404): the key of the message.
    Problem { key: String, status: u16 },
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct GuidePageData {
    pub guide: Guide,
    pub place: Place,
    /// (code, name) for the municipality picker.
    pub municipalities: Vec<(String, String)>,
}

/// One guide in the reader's language, with local help for a postcode or a municipality.
/// `count` is false for the print view, so a print is not a second view. A view counts once
/// per client, guide and day, and only when the guide page is shown (never through `/api/guide`).
#[server(prefix = "/api", endpoint = "guide")]
pub async fn guide_page(
    slug: String,
    postcode: Option<String>,
    gemeente: Option<String>,
    count: bool,
) -> Result<GuidePageData, AppError> {
    use crate::groups::model::Postcode;
    use crate::groups::postcodes;
    let db = expect_context::<crate::db::Db>();
    let lang = crate::i18n::use_i18n().lang;
    let guide = super::library::current()
        .guide(&slug, lang)
        .ok_or(AppError::NotFound)?;
    let postcode = postcode.filter(|p| !p.trim().is_empty());
    let chosen = match (postcode, gemeente.filter(|g| !g.is_empty())) {
        (Some(p), _) => match Postcode::parse(&p) {
            None => Err(("postcode-invalid", 400)),
            Some(pc) => postcodes::municipality_of(pc).ok_or(("guide-postcode-unknown", 404)),
        },
        (None, Some(code)) => {
            postcodes::municipality(&code).ok_or(("guide-municipality-unknown", 400))
        }
        (None, None) => Err(("", 0)),
    };
    let place = match chosen {
        Ok(m) => Place::Found {
            code: m.code.clone(),
            name: m.name.clone(),
            entries: super::store::for_guide(&db, &m.code, &slug).await?,
        },
        Err(("", _)) => Place::None,
        Err((key, status)) => Place::Problem {
            key: key.to_string(),
            status,
        },
    };
    if count
        && crate::web::client::count_once(
            &format!("guide:{slug}"),
            crate::time::day_number(db.now()),
        )
        .await
    {
        super::store::count(&db, &slug, super::store::Count::View).await?;
    }
    Ok(GuidePageData {
        guide,
        place,
        municipalities: municipality_options(),
    })
}

/// A guide in the reader's language and in Dutch, step by step, to show an official.
#[server(prefix = "/api", endpoint = "guide-both")]
pub async fn guide_both(slug: String) -> Result<(Guide, Guide), AppError> {
    let lang = crate::i18n::use_i18n().lang;
    let lib = super::library::current();
    let mine = lib.guide(&slug, lang).ok_or(AppError::NotFound)?;
    let dutch = lib
        .guide(&slug, crate::i18n::Lang::Nl)
        .ok_or(AppError::NotFound)?;
    Ok((mine, dutch))
}

/// A local entry as the coordinator's list shows it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LocalRow {
    pub entry: LocalEntry,
    pub municipality_name: String,
    pub step_label: String,
    pub needs_check: bool,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LocalAdminData {
    pub me: crate::accounts::model::Account,
    pub rows: Vec<LocalRow>,
    pub steps: Vec<(String, String)>,
    pub municipalities: Vec<(String, String)>,
    /// The entry being edited, when the page is `/admin/local-help/{id}`.
    pub editing: Option<LocalEntry>,
    /// The national facts of the guides, the longest unchecked first.
    pub facts: Vec<super::model::NationalFact>,
}

/// The coordinator's local help: every entry, those to check again first. Others get 404.
#[server(prefix = "/api", endpoint = "admin/local-help")]
pub async fn local_help_admin(editing: Option<String>) -> Result<LocalAdminData, AppError> {
    use crate::groups::postcodes;
    let (me, db) = crate::web::auth::require_coordinator().await?;
    let lang = crate::i18n::use_i18n().lang;
    let lib = super::library::current();
    let steps = lib.step_choices(lang);
    let now = db.now();
    let label = |e: &LocalEntry| {
        let value = format!("{}/{}", e.guide, e.step);
        steps
            .iter()
            .find(|(v, _)| *v == value)
            .map(|(_, l)| l.clone())
            .unwrap_or(value)
    };
    let mut rows: Vec<LocalRow> = super::store::active(&db)
        .await?
        .into_iter()
        .map(|entry| LocalRow {
            municipality_name: postcodes::municipality(&entry.municipality)
                .map(|m| m.name.clone())
                .unwrap_or_else(|| entry.municipality.clone()),
            step_label: label(&entry),
            needs_check: entry.needs_check(now),
            entry,
        })
        .collect();
    rows.sort_by_key(|r| !r.needs_check);
    let editing = match editing {
        Some(id) => Some(
            super::store::by_id(&db, &id)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
        None => None,
    };
    let facts = national_facts(lib, &steps, now);
    Ok(LocalAdminData {
        me,
        rows,
        steps,
        municipalities: municipality_options(),
        editing,
        facts,
    })
}

/// Every municipality as a choice in a form: (code, name), by name.
#[cfg(feature = "ssr")]
fn municipality_options() -> Vec<(String, String)> {
    crate::groups::postcodes::municipalities()
        .iter()
        .map(|m| (m.code.clone(), m.name.clone()))
        .collect()
}

/// Every guide step's source and check date, the oldest first.
#[cfg(feature = "ssr")]
fn national_facts(
    lib: &super::library::GuideLibrary,
    steps: &[(String, String)],
    now: i64,
) -> Vec<super::model::NationalFact> {
    let today = now.div_euclid(86_400);
    let mut facts: Vec<_> = lib
        .step_facts()
        .into_iter()
        .map(|f| {
            let value = format!("{}/{}", f.guide, f.step);
            super::model::NationalFact {
                step_label: steps
                    .iter()
                    .find(|(v, _)| *v == value)
                    .map_or(value, |(_, l)| l.clone()),
                age_days: super::model::days_since(&f.checked, today).unwrap_or(i64::MAX / 2),
                source: f.source,
                checked: f.checked,
            }
        })
        .collect();
    facts.sort_by_key(|f| std::cmp::Reverse(f.age_days));
    facts
}
