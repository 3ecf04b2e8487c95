//! Server functions (page data) and plain form posts of the facilitator side. Every one checks
//! the role and ownership on the server.
use leptos::prelude::*;

use super::model::{Account, Role};
use crate::error::AppError;
use crate::groups::join::InboxItem;

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct InboxData {
    pub me: Account,
    pub items: Vec<InboxItem>,
    /// Facilitators a request can be handed to (coordinator only).
    pub handlers: Vec<Account>,
    pub now: i64,
}

#[server(prefix = "/api", endpoint = "admin/inbox")]
pub async fn admin_inbox() -> Result<InboxData, AppError> {
    let (me, db) = super::auth::require().await?;
    let items = crate::groups::store::inbox(&db, &me).await?;
    let handlers = if me.is_coordinator() {
        super::store::active_accounts(&db).await?
    } else {
        Vec::new()
    };
    Ok(InboxData {
        me,
        items,
        handlers,
        now: db.now(),
    })
}

#[server(prefix = "/api", endpoint = "admin/me")]
pub async fn admin_me() -> Result<Account, AppError> {
    Ok(super::auth::require().await?.0)
}

#[server(prefix = "/api", endpoint = "admin/accounts")]
pub async fn admin_accounts() -> Result<Vec<(Account, bool)>, AppError> {
    let (_, db) = super::auth::require_coordinator().await?;
    Ok(super::store::all_accounts(&db).await?)
}

#[server(prefix = "/api", endpoint = "admin/audit")]
pub async fn admin_audit() -> Result<Vec<super::model::AuditEntry>, AppError> {
    let (_, db) = super::auth::require_coordinator().await?;
    Ok(super::store::recent_audit(&db, 200).await?)
}

/// The role an open invite gives (the accept page needs no sign-in).
#[server(prefix = "/api", endpoint = "admin/invite")]
pub async fn invite_role(token: String) -> Result<Role, AppError> {
    let db = expect_context::<crate::db::Db>();
    if !crate::groups::join::valid_token(&token) {
        return Err(AppError::NotFound);
    }
    super::store::open_invite(&db, &token)
        .await?
        .ok_or(AppError::NotFound)
}

#[cfg(feature = "ssr")]
pub mod handlers {
    use std::collections::HashMap;
    use std::time::Duration;

    use axum::extract::{Path, State};
    use axum::http::request::Parts;
    use axum::http::StatusCode;
    use axum::response::{IntoResponse, Response};
    use axum::Form;
    use tower_sessions::Session;

    use super::super::model::{NewPassword, Role};
    use super::super::{auth, password, store};
    use crate::error::AppError;
    use crate::groups::join::{parse_email, parse_name, valid_token, JoinStatus};
    use crate::i18n::k;
    use crate::server::{client_ip, render_form_again, render_page, see_other, AppState};
    use crate::ui::forms::{FieldErrors, FormState};

    /// At most this many failed sign-ins per account per hour.
    pub const MAX_FAILURES_PER_HOUR: i64 = 100;
    /// Days an invite link stays valid.
    pub const INVITE_DAYS: i64 = 7;

    fn field<'a>(form: &'a HashMap<String, String>, name: &str) -> &'a str {
        form.get(name).map(String::as_str).unwrap_or("")
    }

    async fn again(
        state: &AppState,
        parts: Parts,
        form: HashMap<String, String>,
        field_name: &str,
        key: &'static str,
    ) -> Response {
        let mut errors = FieldErrors::default();
        errors.add(field_name, key);
        // Never send a password back into the page.
        let values = form
            .into_iter()
            .filter(|(k, _)| !k.contains("password"))
            .collect();
        render_form_again(state, parts, FormState { values, errors }).await
    }

    pub async fn login(
        State(state): State<AppState>,
        session: Session,
        parts: Parts,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        if !state.login_limiter.allow(client_ip(&parts)) {
            let mut res = again(&state, parts, form, "form", k("login-too-many")).await;
            *res.status_mut() = StatusCode::TOO_MANY_REQUESTS;
            return res;
        }
        let email = field(&form, "email").trim().to_lowercase();
        let typed = field(&form, "password").to_string();
        let found = match store::for_sign_in(&state.db, &email).await {
            Ok(found) => found,
            Err(e) => return AppError::from(e).into_response(),
        };
        if let Some((account, _)) = &found {
            let hour_ago = state.db.now() - 3600;
            let failures = store::failures_since(&state.db, &account.id, hour_ago)
                .await
                .unwrap_or(0);
            if failures >= MAX_FAILURES_PER_HOUR {
                let mut res = again(&state, parts, form, "form", k("login-too-many")).await;
                *res.status_mut() = StatusCode::TOO_MANY_REQUESTS;
                return res;
            }
            // Backoff: each recent failure adds a little wait, up to two seconds.
            let recent = store::failures_since(&state.db, &account.id, state.db.now() - 900)
                .await
                .unwrap_or(0);
            tokio::time::sleep(Duration::from_millis((recent as u64 * 100).min(2000))).await;
        }
        let stored = found.as_ref().map(|(_, hash)| hash.clone());
        match password::verify(typed.clone(), stored).await {
            password::Verdict::Right { rehash } => {
                let (account, _) = found.expect("a right password has an account");
                if rehash {
                    let new_hash = password::hash(typed).await;
                    let _ = store::set_password_hash(&state.db, &account.id, &new_hash).await;
                }
                let _ = store::clear_failures(&state.db, &account.id).await;
                if let Err(e) = auth::start(&session, &state.db, &account).await {
                    return e.into_response();
                }
                let _ = store::audit(
                    &state.db,
                    Some(&account.id),
                    "sign-in",
                    "account",
                    &account.id,
                )
                .await;
                see_other("/admin")
            }
            password::Verdict::Wrong => {
                if let Some((account, _)) = &found {
                    let _ = store::record_failure(&state.db, &account.id).await;
                    let _ = store::audit(
                        &state.db,
                        Some(&account.id),
                        "sign-in-failed",
                        "account",
                        &account.id,
                    )
                    .await;
                }
                // The same answer for an unknown e-mail and a wrong password.
                again(&state, parts, form, "form", k("login-wrong")).await
            }
        }
    }

    pub async fn logout(State(state): State<AppState>, session: Session) -> Response {
        if let Ok(Some(account)) = auth::signed_in(&session, &state.db).await {
            let _ = store::audit(
                &state.db,
                Some(&account.id),
                "sign-out",
                "account",
                &account.id,
            )
            .await;
        }
        let _ = session.flush().await;
        see_other("/admin/login")
    }

    pub async fn request_status(
        State(state): State<AppState>,
        session: Session,
        Path(id): Path<String>,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        let me = match auth::account_or_sign_in(&session, &state.db).await {
            Ok(a) => a,
            Err(res) => return res,
        };
        let Some(status) = JoinStatus::parse(field(&form, "status")) else {
            return AppError::Invalid("bad-request".into()).into_response();
        };
        super::super::outcome::recorded(
            &state.db,
            &me,
            crate::groups::store::set_join_status(&state.db, &me, &id, status).await,
            &format!("join-{}", status.as_str()),
            "join_request",
            &id,
            "/admin",
        )
        .await
    }

    pub async fn request_assign(
        State(state): State<AppState>,
        session: Session,
        Path(id): Path<String>,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        let me = match auth::account_or_sign_in(&session, &state.db).await {
            Ok(a) => a,
            Err(res) => return res,
        };
        if !me.is_coordinator() {
            return AppError::NotFound.into_response();
        }
        super::super::outcome::recorded(
            &state.db,
            &me,
            crate::groups::store::assign_join_request(&state.db, &id, field(&form, "account"))
                .await,
            "join-assign",
            "join_request",
            &id,
            "/admin",
        )
        .await
    }

    /// The coordinator makes a one-time invite link, shown once on the page.
    pub async fn create_invite(
        State(state): State<AppState>,
        session: Session,
        parts: Parts,
    ) -> Response {
        let me = match auth::account_or_sign_in(&session, &state.db).await {
            Ok(a) => a,
            Err(res) => return res,
        };
        if !me.is_coordinator() {
            return AppError::NotFound.into_response();
        }
        let token = crate::security::tokens::new_token();
        if let Err(e) =
            store::create_invite(&state.db, &token, Role::Facilitator, &me.id, INVITE_DAYS).await
        {
            return AppError::from(e).into_response();
        }
        let _ = store::audit(&state.db, Some(&me.id), "invite", "invite", "-").await;
        let host = parts
            .headers
            .get(axum::http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("localhost")
            .to_string();
        let mut values = HashMap::new();
        values.insert(
            "invite_link".to_string(),
            format!("http://{host}/admin/invite/{token}"),
        );
        render_page(
            &state,
            parts,
            FormState {
                values,
                errors: FieldErrors::default(),
            },
        )
        .await
    }

    pub async fn accept_invite(
        State(state): State<AppState>,
        session: Session,
        Path(token): Path<String>,
        parts: Parts,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        if !valid_token(&token) {
            return AppError::NotFound.into_response();
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
            let values = form
                .into_iter()
                .filter(|(k, _)| !k.contains("password"))
                .collect();
            return render_form_again(&state, parts, FormState { values, errors }).await;
        };
        let hash = password::hash(pass.expose().to_string()).await;
        match store::accept_invite(&state.db, &token, &email, &name, &hash).await {
            Ok(Some(id)) => {
                let _ = store::audit(&state.db, Some(&id), "invite-accepted", "account", &id).await;
                match store::active_by_id(&state.db, &id).await {
                    Ok(Some(account)) => {
                        if let Err(e) = auth::start(&session, &state.db, &account).await {
                            return e.into_response();
                        }
                        see_other("/admin")
                    }
                    _ => AppError::Internal.into_response(),
                }
            }
            Ok(None) => again(&state, parts, form, "form", k("invite-not-usable")).await,
            Err(e) => AppError::from(e).into_response(),
        }
    }

    pub async fn deactivate(
        State(state): State<AppState>,
        session: Session,
        Path(id): Path<String>,
    ) -> Response {
        let me = match auth::account_or_sign_in(&session, &state.db).await {
            Ok(a) => a,
            Err(res) => return res,
        };
        if !me.is_coordinator() || me.id == id {
            return AppError::NotFound.into_response();
        }
        super::super::outcome::recorded(
            &state.db,
            &me,
            store::deactivate(&state.db, &id).await,
            "deactivate",
            "account",
            &id,
            "/admin/accounts",
        )
        .await
    }

    pub async fn change_password(
        State(state): State<AppState>,
        session: Session,
        parts: Parts,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        let me = match auth::account_or_sign_in(&session, &state.db).await {
            Ok(a) => a,
            Err(res) => return res,
        };
        let stored = match store::password_hash(&state.db, &me.id).await {
            Ok(h) => h,
            Err(e) => return AppError::from(e).into_response(),
        };
        if !matches!(
            password::verify(field(&form, "current_password").to_string(), stored).await,
            password::Verdict::Right { .. }
        ) {
            return again(
                &state,
                parts,
                form,
                "current_password",
                k("password-current-wrong"),
            )
            .await;
        }
        let pass = match NewPassword::parse(field(&form, "new_password"), password::is_common) {
            Ok(p) => p,
            Err(key) => return again(&state, parts, form, "new_password", key).await,
        };
        let hash = password::hash(pass.expose().to_string()).await;
        if let Err(e) = store::set_password_hash(&state.db, &me.id, &hash).await {
            return AppError::from(e).into_response();
        }
        let _ = store::audit(
            &state.db,
            Some(&me.id),
            "password-changed",
            "account",
            &me.id,
        )
        .await;
        // A new session id after a password change.
        if let Err(e) = auth::start(&session, &state.db, &me).await {
            return e.into_response();
        }
        see_other("/admin?password=changed")
    }
}
