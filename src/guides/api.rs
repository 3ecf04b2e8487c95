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
/// `count` is false for the print view, so a print is not a second view.
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
    if count {
        super::store::count(&db, &slug, super::store::Count::View).await?;
    }
    Ok(GuidePageData {
        guide,
        place,
        municipalities: postcodes::municipalities()
            .iter()
            .map(|m| (m.code.clone(), m.name.clone()))
            .collect(),
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
    pub me: crate::admin::model::Account,
    pub rows: Vec<LocalRow>,
    pub steps: Vec<(String, String)>,
    pub municipalities: Vec<(String, String)>,
    /// The entry being edited, when the page is `/admin/local-help/{id}`.
    pub editing: Option<LocalEntry>,
}

/// The coordinator's local help: every entry, those to check again first. Others get 404.
#[server(prefix = "/api", endpoint = "admin/local-help")]
pub async fn local_help_admin(editing: Option<String>) -> Result<LocalAdminData, AppError> {
    use crate::groups::postcodes;
    let (me, db) = crate::admin::auth::require_coordinator().await?;
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
    Ok(LocalAdminData {
        me,
        rows,
        steps,
        municipalities: postcodes::municipalities()
            .iter()
            .map(|m| (m.code.clone(), m.name.clone()))
            .collect(),
        editing,
    })
}

#[cfg(feature = "ssr")]
pub mod handlers {
    use std::collections::HashMap;

    use axum::extract::{Path, State};
    use axum::http::request::Parts;
    use axum::response::{IntoResponse, Response};
    use axum::Form;
    use tower_sessions::Session;

    use super::super::model::LocalInput;
    use super::super::store;
    use crate::admin::model::Account;
    use crate::error::AppError;
    use crate::server::{client_ip, render_form_again, see_other, AppState};
    use crate::ui::forms::FormState;

    /// "Did this help?": one count for the guide and the day, nothing else.
    pub async fn feedback(
        State(state): State<AppState>,
        Path(slug): Path<String>,
        parts: Parts,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        if !state.guides.slugs().any(|s| s == slug) {
            return AppError::NotFound.into_response();
        }
        let what = match form.get("answer").map(String::as_str) {
            Some("yes") => store::Count::Helped,
            Some("no") => store::Count::NotHelped,
            _ => return AppError::Invalid("bad-request".into()).into_response(),
        };
        if !state.form_limiter.allow(client_ip(&parts)) {
            return AppError::TooMany.into_response();
        }
        match store::count(&state.db, &slug, what).await {
            Ok(()) => see_other(&format!("/guides/{slug}?thanks=1#feedback")),
            Err(e) => AppError::from(e).into_response(),
        }
    }

    /// The coordinator, or the answer to send (sign in; 404 for facilitators).
    async fn coordinator(state: &AppState, session: &Session) -> Result<Account, Response> {
        let me = crate::admin::auth::account_or_sign_in(session, &state.db).await?;
        if me.is_coordinator() {
            Ok(me)
        } else {
            Err(AppError::NotFound.into_response())
        }
    }

    fn parse(
        state: &AppState,
        form: &HashMap<String, String>,
    ) -> Result<LocalInput, crate::ui::forms::FieldErrors> {
        LocalInput::parse(
            form,
            |g, s| state.guides.has_step(g, s),
            |c| crate::groups::postcodes::municipality(c).is_some(),
        )
    }

    /// Every change of a local entry: recorded in the audit log, back to the list.
    async fn recorded(
        state: &AppState,
        me: &Account,
        changed: Result<bool, sqlx::Error>,
        action: &str,
        id: &str,
    ) -> Response {
        crate::admin::outcome::recorded(
            &state.db,
            me,
            changed,
            action,
            "local_help",
            id,
            "/admin/local-help",
        )
        .await
    }

    /// The checked input of an add or edit form, or the form again with what was wrong (400).
    async fn input(
        state: &AppState,
        parts: Parts,
        form: HashMap<String, String>,
    ) -> Result<LocalInput, Response> {
        match parse(state, &form) {
            Ok(i) => Ok(i),
            Err(errors) => Err(render_form_again(
                state,
                parts,
                FormState {
                    values: form,
                    errors,
                },
            )
            .await),
        }
    }

    pub async fn create(
        State(state): State<AppState>,
        session: Session,
        parts: Parts,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        let me = match coordinator(&state, &session).await {
            Ok(me) => me,
            Err(res) => return res,
        };
        let input = match input(&state, parts, form).await {
            Ok(i) => i,
            Err(res) => return res,
        };
        match store::create(&state.db, &input).await {
            Ok(id) => recorded(&state, &me, Ok(true), "local-help-create", &id).await,
            Err(e) => AppError::from(e).into_response(),
        }
    }

    pub async fn update(
        State(state): State<AppState>,
        session: Session,
        Path(id): Path<String>,
        parts: Parts,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        let me = match coordinator(&state, &session).await {
            Ok(me) => me,
            Err(res) => return res,
        };
        let input = match input(&state, parts, form).await {
            Ok(i) => i,
            Err(res) => return res,
        };
        let changed = store::update(&state.db, &id, &input).await;
        recorded(&state, &me, changed, "local-help-update", &id).await
    }

    pub async fn checked(
        State(state): State<AppState>,
        session: Session,
        Path(id): Path<String>,
    ) -> Response {
        match coordinator(&state, &session).await {
            Ok(me) => {
                let changed = store::mark_checked(&state.db, &id).await;
                recorded(&state, &me, changed, "local-help-checked", &id).await
            }
            Err(res) => res,
        }
    }

    pub async fn retire(
        State(state): State<AppState>,
        session: Session,
        Path(id): Path<String>,
    ) -> Response {
        match coordinator(&state, &session).await {
            Ok(me) => {
                let changed = store::retire(&state.db, &id).await;
                recorded(&state, &me, changed, "local-help-retire", &id).await
            }
            Err(res) => res,
        }
    }
}
