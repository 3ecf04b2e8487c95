//! "Did this help?" on a guide, and the coordinator's changes to local help.
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::routing::post;
use axum::{Extension, Form, Router};

use super::library::LibraryRef;
use super::model::LocalInput;
use super::store;
use crate::accounts::model::Account;
use crate::accounts::store::audit;
use crate::db::Db;
use crate::web::client::Client;
use crate::web::form::{field, FormState, RawForm};
use crate::web::valid::Posted;
use crate::web::{
    see_other, AppState, Coordinator, Limits, OrNotFound, Pages, WebError, WebResult,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/guides/{slug}/feedback", post(feedback))
        .route("/admin/local-help", post(create))
        .route("/admin/local-help/{id}", post(update))
        .route("/admin/local-help/{id}/{stamp}", post(stamp))
}

/// "Did this help?": one count for the guide and the day, nothing else.
async fn feedback(
    State(db): State<Db>,
    State(limits): State<Limits>,
    Extension(LibraryRef(library)): Extension<LibraryRef>,
    client: Client,
    Path(slug): Path<String>,
    Form(form): Form<RawForm>,
) -> WebResult {
    library.slugs().any(|s| s == slug).or_not_found()?;
    let what = match field(&form, "answer") {
        "yes" => store::Count::Helped,
        "no" => store::Count::NotHelped,
        _ => return Err(WebError::BadRequest),
    };
    if !limits.forms.allow(client.0) {
        return Err(WebError::TooMany);
    }
    store::count(&db, &slug, what).await?;
    Ok(see_other(&format!("/guides/{slug}?thanks=1#feedback")))
}

/// The checked input of an add or edit form, or the form again with what was wrong (400).
async fn input(
    pages: &Pages,
    library: LibraryRef,
    parts: Parts,
    form: RawForm,
) -> Result<LocalInput, WebError> {
    let parsed = LocalInput::parse(
        &form,
        |g, s| library.0.has_step(g, s),
        |c| crate::groups::postcodes::municipality(c).is_some(),
    );
    match parsed {
        Ok(input) => Ok(input),
        Err(errors) => Err(pages
            .form_again(parts, FormState::again(form, errors))
            .await
            .into()),
    }
}

/// Every change of a local entry: recorded in the audit log, back to the list.
async fn recorded(db: &Db, me: &Account, changed: bool, action: &str, id: &str) -> WebResult {
    changed.or_not_found()?;
    audit(db, Some(&me.id), action, "local_help", id).await?;
    Ok(see_other("/admin/local-help"))
}

async fn create(
    State(db): State<Db>,
    State(pages): State<Pages>,
    Extension(library): Extension<LibraryRef>,
    Coordinator(me): Coordinator,
    parts: Parts,
    Posted(form): Posted,
) -> WebResult {
    let input = input(&pages, library, parts, form).await?;
    let id = store::create(&db, &input).await?;
    recorded(&db, &me, true, "local-help-create", &id).await
}

async fn update(
    State(db): State<Db>,
    State(pages): State<Pages>,
    Extension(library): Extension<LibraryRef>,
    Coordinator(me): Coordinator,
    Path(id): Path<String>,
    parts: Parts,
    Posted(form): Posted,
) -> WebResult {
    let input = input(&pages, library, parts, form).await?;
    let changed = store::update(&db, &id, &input).await?;
    recorded(&db, &me, changed, "local-help-update", &id).await
}

/// `…/{id}/checked` and `…/{id}/retire`.
async fn stamp(
    State(db): State<Db>,
    Coordinator(me): Coordinator,
    Path((id, what)): Path<(String, String)>,
) -> WebResult {
    let what = store::Stamp::parse(&what).or_not_found()?;
    let changed = store::stamp(&db, &id, what).await?;
    recorded(&db, &me, changed, what.action(), &id).await
}
