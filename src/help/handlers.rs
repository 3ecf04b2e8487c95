//! Plain form posts of anonymous help: asking, opening a conversation with the pick-up code,
//! answering, solving and deleting; and the facilitator's reply, claim and close.
use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use axum::routing::post;
use axum::{Form, Router};
use leptos::prelude::provide_context;

use super::model::{
    network_share, parse_message, AskInput, Conversation, HelpAccess, HelpStatus, PickupCode,
};
use super::store;
use super::throttle::{self, Verdict};
use crate::accounts::model::Account;
use crate::accounts::store::audit;
use crate::db::Db;
use crate::i18n::{k, Lang};
use crate::web::client::Client;
use crate::web::form::{field, FieldErrors, FormState, RawForm};
use crate::web::valid::head_and_form;
use crate::web::{
    see_other, AppState, Coordinator, Limited, Limits, OrNotFound, Pages, SignedIn, WebError,
    WebResult,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/help", post(ask))
        .route("/help/reply", post(open))
        .route("/help/reply/send", post(send))
        .route("/help/reply/solve", post(solve))
        .route("/help/reply/delete", post(delete))
        .route("/admin/help/{id}/reply", post(helper_reply))
        .route("/admin/help/{id}/claim", post(claim))
        .route("/admin/help/{id}/close", post(close))
        .route("/admin/help/{id}/assign", post(hand_over))
}

fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// How long the site-wide cap on new help requests looks back.
const CAP_WINDOW_SECONDS: i64 = 3600;

async fn ask(
    State(app): State<AppState>,
    client: Client,
    Limited(form): Limited<AskInput>,
) -> WebResult {
    let AppState {
        db,
        pages,
        limits,
        public_url,
        ..
    } = app;
    // The volunteers can read only so much: past the hourly cap (all instances, counted in
    // the database) the parent gets the form back with what they typed and an honest word.
    let recent = store::created_since(&db, db.now() - CAP_WINDOW_SECONDS).await?;
    if recent >= i64::from(limits.help_per_hour) {
        tracing::warn!(
            cap = limits.help_per_hour,
            "help: the hourly cap on new questions is reached; a question was not stored"
        );
        // The coordinator sees it on the monitoring page (a count per day, no client).
        throttle::cap_reached(&db).await?;
        let again = FormState::again(form.raw, FieldErrors::one("form", k("help-busy")));
        let mut res = pages
            .with_status(form.parts, again, StatusCode::SERVICE_UNAVAILABLE)
            .await;
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("3600"));
        return Ok(no_store(res));
    }
    // One network may use only a share of the cap, so one sender cannot fill the inbox
    // and shut everyone else out.
    if !throttle::new_question(&db, client.0, network_share(limits.help_per_hour)).await? {
        return Ok(no_store(pages.too_many(form.parts, form.raw).await));
    }
    let lang = form
        .parts
        .extensions
        .get::<Lang>()
        .copied()
        .unwrap_or_default();
    let code = PickupCode::generate();
    let pepper = db.pepper().await?;
    store::create(
        &db,
        &form.value,
        lang.code(),
        &store::code_hash(&pepper, &code),
    )
    .await?;
    // Shown once, in this answer only: never in a URL, never stored.
    let mut shown = FormState::showing("code", code.grouped());
    shown
        .values
        .insert("reply_link".to_string(), public_url.link("/help/reply"));
    let page = pages.render(form.parts, shown).await;
    Ok(no_store(page))
}

/// The conversation of a posted code and the code; anything else answers with the code form
/// again (404 for a wrong code, 429 after too many wrong ones from this client).
struct Found {
    conversation: Conversation,
    code: PickupCode,
}

async fn find(
    db: &Db,
    pages: &Pages,
    client: Client,
    parts: &Parts,
    form: &RawForm,
) -> Result<Found, WebError> {
    // Guessing is stopped before any look-up: each try is counted first, in one statement,
    // for all instances together (parallel tries gain nothing).
    let (key, status) = match throttle::try_code(db, client.0).await? {
        Verdict::TooMany => (k("help-code-too-many"), StatusCode::TOO_MANY_REQUESTS),
        Verdict::Busy => (k("help-code-busy"), StatusCode::TOO_MANY_REQUESTS),
        Verdict::Look(ticket) => {
            let code = PickupCode::parse(field(form, "code"));
            let found = match &code {
                Some(code) => {
                    let pepper = db.pepper().await?;
                    store::by_code(db, &store::code_hash(&pepper, code)).await?
                }
                None => None,
            };
            if let (Some(conversation), Some(code)) = (found, code) {
                throttle::right_code(db, ticket).await?;
                return Ok(Found { conversation, code });
            }
            (k("help-code-wrong"), StatusCode::NOT_FOUND)
        }
    };
    let mut parts = parts.clone();
    parts.uri = "/help/reply".parse().expect("a valid path");
    // What the parent typed stays (a code that no longer works must not cost the message).
    let kept: RawForm = form
        .iter()
        .filter(|(k, _)| k.as_str() == "message")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let form = FormState::again(kept, FieldErrors::one("code", key));
    Err(pages.with_status(parts, form, status).await.into())
}

async fn show(
    pages: &Pages,
    mut parts: Parts,
    found: Found,
    errors: FieldErrors,
    kept: RawForm,
) -> Response {
    parts.uri = "/help/reply".parse().expect("a valid path");
    let failed = !errors.is_empty();
    let mut form = FormState::again(kept, errors);
    form.values.insert("code".to_string(), found.code.grouped());
    let conversation = found.conversation;
    let mut res = pages
        .render_with(parts, form, move || {
            provide_context(Some(conversation.clone()))
        })
        .await;
    if failed {
        *res.status_mut() = StatusCode::BAD_REQUEST;
    }
    res
}

/// A post made with a pick-up code: the conversation it opens, or (as the rejection) the code
/// form again.
struct CodePost {
    limits: Limits,
    client: Client,
    db: Db,
    pages: Pages,
    parts: Parts,
    form: RawForm,
    found: Found,
}

impl FromRequest<AppState> for CodePost {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, WebError> {
        let (mut kept, form) = head_and_form(req, state).await?;
        let Ok(client) = Client::from_request_parts(&mut kept, state).await;
        let found = find(&state.db, &state.pages, client, &kept, &form).await?;
        Ok(CodePost {
            limits: state.limits.clone(),
            client,
            db: state.db.clone(),
            pages: state.pages.clone(),
            parts: kept,
            form,
            found,
        })
    }
}

impl CodePost {
    fn id(&self) -> &str {
        &self.found.conversation.id
    }

    /// The conversation as it is now (with the parent's words again when they were not sent).
    async fn shown(self, errors: FieldErrors) -> WebResult {
        let mut kept = RawForm::new();
        if !errors.is_empty() {
            kept.insert("message".into(), field(&self.form, "message").to_string());
        }
        let mut found = self.found;
        found.conversation = store::by_id(&self.db, &found.conversation.id)
            .await?
            .ok_or(WebError::Internal)?;
        Ok(no_store(
            show(&self.pages, self.parts, found, errors, kept).await,
        ))
    }
}

async fn open(post: CodePost) -> WebResult {
    Ok(no_store(
        show(
            &post.pages,
            post.parts,
            post.found,
            FieldErrors::default(),
            RawForm::new(),
        )
        .await,
    ))
}

async fn send(post: CodePost) -> WebResult {
    // Replies count against the same per-client limit as the other forms.
    if !post.limits.forms.allow(post.client.0) {
        let mut res = post
            .shown(FieldErrors::one("message", k("form-too-many")))
            .await?;
        *res.status_mut() = StatusCode::TOO_MANY_REQUESTS;
        return Ok(res);
    }
    let errors = match parse_message(field(&post.form, "message")) {
        Ok(text) => {
            store::add_message(&post.db, post.id(), true, &text).await?;
            FieldErrors::default()
        }
        Err(key) => FieldErrors::one("message", key),
    };
    post.shown(errors).await
}

async fn solve(post: CodePost) -> WebResult {
    store::set_status(&post.db, post.id(), HelpStatus::Solved).await?;
    post.shown(FieldErrors::default()).await
}

async fn delete(post: CodePost) -> WebResult {
    store::delete(&post.db, post.id()).await?;
    Ok(see_other("/help/deleted"))
}

/// A facilitator may act on a request they hold, or one nobody holds (they take it now);
/// the coordinator on any. Anyone else gets 404.
async fn take_or_hold(db: &Db, me: &Account, id: &str) -> Result<(), WebError> {
    let holder = store::holder(db, id).await?.or_not_found()?;
    match HelpAccess::of(me, holder.as_deref()).or_not_found()? {
        HelpAccess::Open => store::claim(db, id, &me.id).await?.or_not_found(),
        HelpAccess::Holder | HelpAccess::Overseer => Ok(()),
    }
}

async fn helper_reply(
    State(db): State<Db>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<RawForm>,
) -> WebResult {
    let text = parse_message(field(&form, "message")).map_err(|_| WebError::BadRequest)?;
    take_or_hold(&db, &me, &id).await?;
    store::add_message(&db, &id, false, &text).await?;
    logged(&db, &me, "help-reply", &id).await
}

/// The audit entry of a facilitator's step on a request, then back to the request's page.
async fn logged(db: &Db, me: &Account, action: &str, id: &str) -> WebResult {
    audit(db, Some(&me.id), action, "help_request", id).await?;
    Ok(see_other(&format!("/admin/help/{id}")))
}

async fn claim(State(db): State<Db>, SignedIn(me): SignedIn, Path(id): Path<String>) -> WebResult {
    store::claim(&db, &id, &me.id).await?.or_not_found()?;
    logged(&db, &me, "help-claim", &id).await
}

/// "Mark as solved" asks first: without `confirm=yes` nothing changes and the question's page
/// asks (no JavaScript needed); with it, the question is solved.
async fn close(
    State(db): State<Db>,
    State(pages): State<Pages>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    req: Request,
) -> WebResult {
    let (mut parts, form) = head_and_form(req, &()).await?;
    if field(&form, "confirm") != "yes" {
        // Only someone who may act on it is asked; anyone else gets 404, as for the post.
        let holder = store::holder(&db, &id).await?.or_not_found()?;
        HelpAccess::of(&me, holder.as_deref()).or_not_found()?;
        parts.uri = format!("/admin/help/{id}")
            .parse()
            .map_err(|_| WebError::NotFound)?;
        let asking = FormState::showing("confirm", "solve".to_string());
        return Ok(no_store(pages.render(parts, asking).await));
    }
    take_or_hold(&db, &me, &id).await?;
    store::set_status(&db, &id, HelpStatus::Solved)
        .await?
        .or_not_found()?;
    audit(&db, Some(&me.id), "help-close", "help_request", &id).await?;
    Ok(see_other("/admin/help"))
}

/// The coordinator hands a request to another facilitator.
async fn hand_over(
    State(db): State<Db>,
    Coordinator(me): Coordinator,
    Path(id): Path<String>,
    Form(form): Form<RawForm>,
) -> WebResult {
    store::hand_over(&db, &id, field(&form, "account"))
        .await?
        .or_not_found()?;
    logged(&db, &me, "help-hand-over", &id).await
}
