//! Plain form posts of the facilitator side about people: signing in and out, the join-request
//! inbox, invites (of facilitators and coordinators), stopping and re-activating an account and
//! changing its role, changing the password.
use std::time::Duration;

use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use axum::{Form, Router};
use tower_sessions::Session;

use super::api::digest_languages;
use super::done::{at_item, Done};
use crate::accounts::model::{Account, HelpChoice, NewPassword, Role};
use crate::accounts::store::audit;
use crate::accounts::{password, session, store};
use crate::db::Db;
use crate::groups::join::{parse_email, parse_name, JoinStatus};
use crate::help::model::Theme;
use crate::i18n::{k, Lang};
use crate::web::client::Client;
use crate::web::form::{field, valid_token, EmailAddress, FieldErrors, FormState, RawForm};
use crate::web::valid::head_and_form;
use crate::web::{
    see_other, AppState, Coordinator, OrNotFound, Pages, PublicUrl, SignedIn, WebError, WebResult,
};

/// At most this many failed sign-ins per account per hour.
pub const MAX_FAILURES_PER_HOUR: i64 = 100;
/// Days an invite link stays valid.
pub const INVITE_DAYS: i64 = 7;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/login", post(login))
        .route("/admin/logout", post(logout))
        .route("/admin/requests/{id}/status", post(request_status))
        .route("/admin/requests/{id}/assign", post(request_assign))
        .route("/admin/invites", post(create_invite))
        .route("/admin/invite/{token}", post(accept_invite))
        .route("/admin/accounts/{id}/deactivate", post(deactivate))
        .route("/admin/accounts/{id}/activate", post(reactivate))
        .route("/admin/accounts/{id}/role", post(change_role))
        .route("/admin/password", post(change_password))
        .route("/admin/help-choice", post(help_choice))
        .route("/admin/forgot", post(forgot))
        .route("/admin/reset/{token}", post(reset))
        .merge(super::group_handlers::router())
}

/// The form again with one message (passwords are never sent back into the page).
async fn again(
    pages: &Pages,
    parts: Parts,
    form: RawForm,
    name: &str,
    key: &'static str,
) -> Response {
    pages
        .form_again(parts, FormState::again(form, FieldErrors::one(name, key)))
        .await
}

async fn too_many(pages: &Pages, parts: Parts, form: RawForm) -> WebError {
    let res = again(pages, parts, form, "form", k("login-too-many")).await;
    crate::web::respond::with_status(res, StatusCode::TOO_MANY_REQUESTS).into()
}

/// A sign-in or "forgot my password" post, counted against the per-client sign-in limit
/// before anything is looked up; past it, the form again with "too many" (429).
struct SignInPost {
    parts: Parts,
    form: RawForm,
}

impl FromRequest<AppState> for SignInPost {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, WebError> {
        let (mut kept, form) = head_and_form(req, state).await?;
        let Ok(client) = Client::from_request_parts(&mut kept, state).await;
        if !state.limits.logins.allow(client.0) {
            return Err(too_many(&state.pages, kept, form).await);
        }
        Ok(SignInPost { parts: kept, form })
    }
}

/// Signing in. Everything before the password check is the same for an address with an account
/// and one without: the backoff and the lock count failures per typed address (a keyed hash,
/// `store::address_key`), and an unknown or locked address is checked against a dummy hash, so
/// neither the answer nor its time tells whether an account exists.
async fn login(
    State(db): State<Db>,
    State(pages): State<Pages>,
    session: Session,
    SignInPost { parts, form }: SignInPost,
) -> WebResult {
    let email = field(&form, "email").trim().to_lowercase();
    let typed = field(&form, "password").to_string();
    let key = store::address_key(&db, &email).await?;
    let found = store::for_sign_in(&db, &email).await?;
    let failures = store::failures_since(&db, &key, db.now() - 3600).await?;
    // Backoff: each failure of the last 15 minutes adds a little wait, up to two seconds.
    let recent = store::failures_since(&db, &key, db.now() - 900).await?;
    tokio::time::sleep(Duration::from_millis((recent as u64 * 100).min(2000))).await;
    // A locked address is checked against the dummy hash, like an unknown one.
    let found = found.filter(|_| failures < MAX_FAILURES_PER_HOUR);
    let stored = found.as_ref().map(|(_, hash)| hash.clone());
    match (password::verify(typed.clone(), stored).await, found) {
        (password::Verdict::Right { rehash }, Some((account, _))) => {
            if rehash {
                let new_hash = password::hash(typed).await;
                store::set_password_hash(&db, &account.id, &new_hash).await?;
            }
            store::clear_failures(&db, &key).await?;
            let lang = parts.extensions.get::<crate::i18n::Lang>().copied();
            store::set_lang(&db, &account.id, lang.unwrap_or_default()).await?;
            session::start(&session, &db, &account).await?;
            audit(&db, Some(&account.id), "sign-in", "account", &account.id).await?;
            Ok(see_other(account.role.start_page()))
        }
        (_, found) => {
            // Counted and logged for any typed address, with the same two writes: the audit line
            // names the account when there is one, else nobody (not even the keyed hash).
            store::record_failure(&db, &key).await?;
            let (actor, kind, object) = match &found {
                Some((account, _)) => (Some(account.id.as_str()), "account", account.id.as_str()),
                None => (None, "address", "-"),
            };
            audit(&db, actor, "sign-in-failed", kind, object).await?;
            // The same answer for an unknown e-mail, a wrong password and a locked address.
            Err(again(&pages, parts, form, "form", k("login-wrong"))
                .await
                .into())
        }
    }
}

async fn logout(State(db): State<Db>, session: Session) -> WebResult {
    if let Ok(Some(account)) = session::signed_in(&session, &db).await {
        audit(&db, Some(&account.id), "sign-out", "account", &account.id).await?;
    }
    session.flush().await.map_err(|_| WebError::Internal)?;
    Ok(see_other("/admin/login"))
}

/// Recorded in the audit log, then on to the page that shows the result.
async fn done(db: &Db, me: &Account, action: &str, kind: &str, id: &str, then: &str) -> WebResult {
    audit(db, Some(&me.id), action, kind, id).await?;
    Ok(see_other(then))
}

async fn request_status(
    State(db): State<Db>,
    SignedIn(me): SignedIn,
    Path(id): Path<String>,
    Form(form): Form<RawForm>,
) -> WebResult {
    let status = JoinStatus::parse(field(&form, "status")).ok_or(WebError::BadRequest)?;
    crate::groups::store::set_join_status(&db, &me, &id, status)
        .await?
        .or_not_found()?;
    let action = format!("join-{}", status.as_str());
    let said = match status {
        JoinStatus::Contacted => Done::Contacted,
        JoinStatus::Joined => Done::Joined,
        JoinStatus::NotJoined => Done::NotJoined,
        JoinStatus::Received => Done::Saved,
    };
    let then = at_item("/admin", said, "request", &id);
    done(&db, &me, &action, "join_request", &id, &then).await
}

async fn request_assign(
    State(db): State<Db>,
    Coordinator(me): Coordinator,
    Path(id): Path<String>,
    Form(form): Form<RawForm>,
) -> WebResult {
    crate::groups::store::assign_join_request(&db, &id, field(&form, "account"))
        .await?
        .or_not_found()?;
    let then = at_item("/admin", Done::Assigned, "request", &id);
    done(&db, &me, "join-assign", "join_request", &id, &then).await
}

/// The coordinator makes a one-time invite link, shown once on the page. With an e-mail address
/// and mail on, the link also goes out by mail (in the chosen language), queued with the invite;
/// the address is kept only in the outbox row. With mail off nothing is mailed and the page says
/// to pass the link on by hand.
async fn create_invite(
    State(db): State<Db>,
    State(pages): State<Pages>,
    State(public_url): State<PublicUrl>,
    Coordinator(me): Coordinator,
    parts: Parts,
    Form(form): Form<RawForm>,
) -> WebResult {
    let Ok(email) = EmailAddress::parse_optional(field(&form, "email")) else {
        let key = k("invite-email-invalid");
        return Err(again(&pages, parts, form, "email", key).await.into());
    };
    let lang = Lang::parse(field(&form, "lang")).unwrap_or_default();
    // A facilitator unless the form asks for a coordinator (an older form sends no role).
    let role = match field(&form, "role") {
        "" => Role::Facilitator,
        other => Role::parse(other).ok_or(WebError::BadRequest)?,
    };
    let mail_to = email.as_ref().filter(|_| crate::mail::is_on());
    let token = crate::security::tokens::new_token();
    let to = mail_to.map(|e| (e.as_str(), lang));
    store::create_invite_for(&db, &token, role, &me.id, INVITE_DAYS, to).await?;
    let action = match (role, mail_to.is_some()) {
        (Role::Facilitator, false) => "invite",
        (Role::Facilitator, true) => "invite-mailed",
        (Role::Coordinator, false) => "invite-coordinator",
        (Role::Coordinator, true) => "invite-coordinator-mailed",
        (Role::Partner, false) => "invite-partner",
        (Role::Partner, true) => "invite-partner-mailed",
    };
    audit(&db, Some(&me.id), action, "invite", "-").await?;
    let mut state = FormState::showing(
        "invite_link",
        public_url.link(&format!("/admin/invite/{token}")),
    );
    if mail_to.is_some() {
        state.values.insert("invite_mailed".into(), "1".into());
    }
    Ok(pages.render(parts, state).await)
}

/// A facilitator chooses the help questions of their hourly digest: theme and language boxes
/// (`theme-money`, `lang-ar`, … set to 1); none ticked in a list means all. Unknown names are
/// ignored.
async fn help_choice(
    State(db): State<Db>,
    SignedIn(me): SignedIn,
    Form(form): Form<RawForm>,
) -> WebResult {
    let ticked = |prefix: &str, code: &str| field(&form, &format!("{prefix}-{code}")) == "1";
    let choice = HelpChoice {
        themes: Theme::ALL
            .iter()
            .map(|t| t.as_str())
            .filter(|t| ticked("theme", t))
            .map(String::from)
            .collect(),
        langs: digest_languages()
            .filter(|l| ticked("lang", l))
            .map(String::from)
            .collect(),
    };
    store::set_help_choice(&db, &me.id, &choice).await?;
    let then = "/admin/password?saved=help";
    done(&db, &me, "help-choice", "account", &me.id, then).await
}

/// Throttled like sign-in (by `SignInPost`), and the invite checked before any password is
/// hashed.
async fn accept_invite(
    State(db): State<Db>,
    State(pages): State<Pages>,
    session: Session,
    Path(token): Path<String>,
    SignInPost { parts, form }: SignInPost,
) -> WebResult {
    valid_token(&token).or_not_found()?;
    if store::open_invite(&db, &token).await?.is_none() {
        return Err(again(&pages, parts, form, "form", k("invite-not-usable"))
            .await
            .into());
    }
    let mut errors = FieldErrors::default();
    let name =
        parse_name(field(&form, "display_name")).map_err(|key| errors.add("display_name", key));
    let email = parse_email(field(&form, "email"))
        .map(|e| e.to_lowercase())
        .ok_or_else(|| errors.add("email", k("join-email-invalid")));
    let pass = NewPassword::parse(field(&form, "new_password"), password::is_common)
        .map_err(|key| errors.add("new_password", key));
    let (Ok(name), Ok(email), Ok(pass)) = (name, email, pass) else {
        return Err(pages
            .form_again(parts, FormState::again(form, errors))
            .await
            .into());
    };
    let hash = password::hash(pass.expose().to_string()).await;
    let Some(id) = store::accept_invite(&db, &token, &email, &name, &hash).await? else {
        return Err(again(&pages, parts, form, "form", k("invite-not-usable"))
            .await
            .into());
    };
    audit(&db, Some(&id), "invite-accepted", "account", &id).await?;
    let account = store::active_by_id(&db, &id)
        .await?
        .ok_or(WebError::Internal)?;
    session::start(&session, &db, &account).await?;
    Ok(see_other(account.role.start_page()))
}

/// Where a coordinator's change to an account lands: the accounts page again, saying what
/// happened (`done`) to whom (`account`, an id the page looks up among the accounts it shows).
fn back_to_accounts(done: &str, id: &str) -> WebResult {
    Ok(see_other(&format!(
        "/admin/accounts?done={done}&account={id}#account-{id}"
    )))
}

/// A change to an account is made only when the form says so: the box "yes, I am sure" is
/// posted ticked with it (no JavaScript needed); otherwise the page says to tick it.
fn confirmed(form: &RawForm) -> bool {
    field(form, "confirm") == "1"
}

/// The answer to a coordinator's change: the page again with the message, or 404 when there is
/// no such account (in the state the change needs). The audit line was written with the change.
fn after_change(change: store::Change, done: &str, id: &str) -> WebResult {
    match change {
        store::Change::Done => back_to_accounts(done, id),
        store::Change::Unchanged => back_to_accounts("unchanged", id),
        store::Change::LastCoordinator => back_to_accounts("last-coordinator", id),
        store::Change::NotFound => Err(WebError::NotFound),
    }
}

/// A path id that cannot be an account's is not looked up.
fn account_id(id: &str) -> Result<(), WebError> {
    (id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())).or_not_found()
}

/// Stops an account (a coordinator; never their own): the help questions it held go back to the
/// shared inbox and the coordinators hear of it by mail (`store::deactivate`).
async fn deactivate(
    State(db): State<Db>,
    Coordinator(me): Coordinator,
    Path(id): Path<String>,
    Form(form): Form<RawForm>,
) -> WebResult {
    account_id(&id)?;
    if !confirmed(&form) {
        return back_to_accounts("unconfirmed", &id);
    }
    if me.id == id {
        return back_to_accounts("yourself", &id);
    }
    after_change(store::deactivate(&db, &me.id, &id).await?, "stopped", &id)
}

/// A stopped account may sign in again (before retention has deleted it).
async fn reactivate(
    State(db): State<Db>,
    Coordinator(me): Coordinator,
    Path(id): Path<String>,
    Form(form): Form<RawForm>,
) -> WebResult {
    account_id(&id)?;
    if !confirmed(&form) {
        return back_to_accounts("unconfirmed", &id);
    }
    after_change(store::reactivate(&db, &me.id, &id).await?, "activated", &id)
}

/// Facilitator ↔ coordinator. Not one's own role (a coordinator cannot leave themselves
/// without it), and never the last active coordinator's.
async fn change_role(
    State(db): State<Db>,
    Coordinator(me): Coordinator,
    Path(id): Path<String>,
    Form(form): Form<RawForm>,
) -> WebResult {
    account_id(&id)?;
    let role = Role::parse(field(&form, "role")).ok_or(WebError::BadRequest)?;
    if !confirmed(&form) {
        return back_to_accounts("unconfirmed", &id);
    }
    if me.id == id {
        return back_to_accounts("yourself", &id);
    }
    after_change(store::set_role(&db, &me.id, &id, role).await?, "role", &id)
}

async fn change_password(
    State(db): State<Db>,
    State(pages): State<Pages>,
    SignedIn(me): SignedIn,
    session: Session,
    parts: Parts,
    Form(form): Form<RawForm>,
) -> WebResult {
    let stored = store::password_hash(&db, &me.id).await?;
    let current = field(&form, "current_password").to_string();
    if !matches!(
        password::verify(current, stored).await,
        password::Verdict::Right { .. }
    ) {
        let key = k("password-current-wrong");
        return Err(again(&pages, parts, form, "current_password", key)
            .await
            .into());
    }
    let pass = match NewPassword::parse(field(&form, "new_password"), password::is_common) {
        Ok(p) => p,
        Err(key) => return Err(again(&pages, parts, form, "new_password", key).await.into()),
    };
    let hash = password::hash(pass.expose().to_string()).await;
    store::change_password(&db, &me.id, &hash).await?;
    audit(&db, Some(&me.id), "password-changed", "account", &me.id).await?;
    // Every other session has ended; this one goes on with a new id.
    session::start(&session, &db, &me).await?;
    Ok(see_other("/admin?password=changed"))
}

/// "Forgot your password": the same answer, after the same work, whether or not the address is
/// known (and whether or not the per-account limit was reached), throttled per client like
/// sign-in.
async fn forgot(
    State(db): State<Db>,
    State(pages): State<Pages>,
    SignInPost { parts, form }: SignInPost,
) -> WebResult {
    let Some(email) = parse_email(field(&form, "email")).map(|e| e.to_lowercase()) else {
        return Err(again(&pages, parts, form, "email", k("join-email-invalid"))
            .await
            .into());
    };
    let token = crate::security::tokens::new_token();
    // One transaction of the same shape for a known and an unknown address (audit included);
    // the mail goes through the outbox, never on this request.
    store::request_reset(&db, &email, &token).await?;
    Ok(see_other("/admin/forgot?sent=1"))
}

/// A new password through a reset link: single use, 1 hour; every session of the account ends.
async fn reset(
    State(db): State<Db>,
    State(pages): State<Pages>,
    Path(token): Path<String>,
    SignInPost { parts, form }: SignInPost,
) -> WebResult {
    valid_token(&token).or_not_found()?;
    store::open_reset(&db, &token).await?.or_not_found()?;
    let pass = match NewPassword::parse(field(&form, "new_password"), password::is_common) {
        Ok(p) => p,
        Err(key) => return Err(again(&pages, parts, form, "new_password", key).await.into()),
    };
    let hash = password::hash(pass.expose().to_string()).await;
    let id = store::use_reset(&db, &token, &hash).await?.or_not_found()?;
    audit(&db, Some(&id), "password-reset", "account", &id).await?;
    Ok(see_other("/admin/login?reset=done"))
}
