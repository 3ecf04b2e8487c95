//! Server functions and plain form posts of anonymous help.
use leptos::prelude::*;

use super::model::{Conversation, HelpSummary};
use crate::error::AppError;

/// "Usually within N days", from the first-reply times of the last 90 days.
#[server(prefix = "/api", endpoint = "help/reply-days")]
pub async fn reply_days() -> Result<Option<i64>, AppError> {
    let db = expect_context::<crate::db::Db>();
    Ok(super::model::usual_reply_days(
        super::store::recent_reply_seconds(&db).await?,
    ))
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HelpInboxData {
    pub me: crate::admin::model::Account,
    pub items: Vec<HelpSummary>,
    pub now: i64,
}

#[server(prefix = "/api", endpoint = "admin/help")]
pub async fn help_inbox(
    theme: Option<String>,
    language: Option<String>,
    status: Option<String>,
    older: Option<String>,
) -> Result<HelpInboxData, AppError> {
    let (me, db) = crate::admin::auth::require().await?;
    let theme = theme.as_deref().and_then(super::model::Theme::parse);
    let status = status.as_deref().and_then(super::model::HelpStatus::parse);
    let language = language.filter(|l| crate::groups::model::GROUP_LANGUAGES.contains(&l.as_str()));
    let older = older
        .and_then(|d| d.parse::<i64>().ok())
        .filter(|d| (0..=90).contains(d));
    let items = super::store::inbox(&db, theme, language.as_deref(), status, older).await?;
    Ok(HelpInboxData {
        me,
        items,
        now: db.now(),
    })
}

#[server(prefix = "/api", endpoint = "admin/help-one")]
pub async fn help_conversation(
    id: String,
) -> Result<(crate::admin::model::Account, Conversation), AppError> {
    let (me, db) = crate::admin::auth::require().await?;
    let c = super::store::by_id(&db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((me, c))
}

#[cfg(feature = "ssr")]
pub mod handlers {
    use std::collections::HashMap;

    use axum::extract::{Path, State};
    use axum::http::request::Parts;
    use axum::http::StatusCode;
    use axum::response::{IntoResponse, Response};
    use axum::Form;
    use leptos::prelude::provide_context;
    use tower_sessions::Session;

    use super::super::model::{parse_message, AskInput, Conversation, HelpStatus, PickupCode};
    use super::super::store;
    use crate::error::AppError;
    use crate::i18n::{k, Lang};
    use crate::server::{
        client_ip, render_form_again, render_page, render_page_with, see_other, too_many, AppState,
    };
    use crate::ui::forms::{FieldErrors, FormState};

    fn field<'a>(form: &'a HashMap<String, String>, name: &str) -> &'a str {
        form.get(name).map(String::as_str).unwrap_or("")
    }

    pub async fn ask(
        State(state): State<AppState>,
        parts: Parts,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        if !state.form_limiter.allow(client_ip(&parts)) {
            return too_many(&state, parts, form).await;
        }
        let input = match AskInput::parse(&form) {
            Ok(i) => i,
            Err(errors) => {
                return render_form_again(
                    &state,
                    parts,
                    FormState {
                        values: form,
                        errors,
                    },
                )
                .await
            }
        };
        let lang = parts.extensions.get::<Lang>().copied().unwrap_or_default();
        let code = PickupCode::generate();
        let pepper = match store::pepper(&state.db).await {
            Ok(p) => p,
            Err(e) => return AppError::from(e).into_response(),
        };
        if let Err(e) = store::create(
            &state.db,
            &input,
            lang.code(),
            &store::code_hash(&pepper, &code),
        )
        .await
        {
            return AppError::from(e).into_response();
        }
        // Shown once, in this answer only: never in a URL, never stored.
        let mut values = HashMap::new();
        values.insert("code".to_string(), code.grouped());
        let mut res = render_page(
            &state,
            parts,
            FormState {
                values,
                errors: FieldErrors::default(),
            },
        )
        .await;
        res.headers_mut().insert(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
        res
    }

    /// Finds the conversation of a posted code, or answers with the code form again.
    async fn find(
        state: &AppState,
        parts: Parts,
        form: &HashMap<String, String>,
    ) -> Result<(Conversation, PickupCode, Parts), Response> {
        let ip = client_ip(&parts);
        let wrong = |parts: Parts, key: &'static str, status: StatusCode| async move {
            let mut errors = FieldErrors::default();
            errors.add("code", key);
            let mut parts = parts;
            parts.uri = "/help/reply".parse().expect("a valid path");
            let mut res = render_form_again(
                state,
                parts,
                FormState {
                    values: HashMap::new(),
                    errors,
                },
            )
            .await;
            *res.status_mut() = status;
            res
        };
        let Some(code) = PickupCode::parse(field(form, "code")) else {
            if !state.code_limiter.allow(ip) {
                return Err(wrong(
                    parts,
                    k("help-code-too-many"),
                    StatusCode::TOO_MANY_REQUESTS,
                )
                .await);
            }
            return Err(wrong(parts, k("help-code-wrong"), StatusCode::NOT_FOUND).await);
        };
        let pepper = store::pepper(&state.db)
            .await
            .map_err(|e| AppError::from(e).into_response())?;
        match store::by_code(&state.db, &store::code_hash(&pepper, &code)).await {
            Ok(Some(c)) => Ok((c, code, parts)),
            Ok(None) => {
                // Only wrong codes count towards the throttle.
                if !state.code_limiter.allow(ip) {
                    return Err(wrong(
                        parts,
                        k("help-code-too-many"),
                        StatusCode::TOO_MANY_REQUESTS,
                    )
                    .await);
                }
                Err(wrong(parts, k("help-code-wrong"), StatusCode::NOT_FOUND).await)
            }
            Err(e) => Err(AppError::from(e).into_response()),
        }
    }

    async fn show(
        state: &AppState,
        mut parts: Parts,
        conversation: Conversation,
        code: &PickupCode,
        errors: FieldErrors,
    ) -> Response {
        parts.uri = "/help/reply".parse().expect("a valid path");
        let mut values = HashMap::new();
        values.insert("code".to_string(), code.grouped());
        let status_on_error = !errors.is_empty();
        let mut res = render_page_with(state, parts, FormState { values, errors }, move || {
            provide_context(Some(conversation.clone()))
        })
        .await;
        if status_on_error {
            *res.status_mut() = StatusCode::BAD_REQUEST;
        }
        res
    }

    pub async fn open(
        State(state): State<AppState>,
        parts: Parts,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        match find(&state, parts, &form).await {
            Ok((c, code, parts)) => show(&state, parts, c, &code, FieldErrors::default()).await,
            Err(res) => res,
        }
    }

    pub async fn send(
        State(state): State<AppState>,
        parts: Parts,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        let (c, code, parts) = match find(&state, parts, &form).await {
            Ok(found) => found,
            Err(res) => return res,
        };
        match parse_message(field(&form, "message")) {
            Ok(text) => {
                if let Err(e) = store::add_message(&state.db, &c.id, true, &text).await {
                    return AppError::from(e).into_response();
                }
                match store::by_id(&state.db, &c.id).await {
                    Ok(Some(c)) => show(&state, parts, c, &code, FieldErrors::default()).await,
                    _ => AppError::Internal.into_response(),
                }
            }
            Err(key) => {
                let mut errors = FieldErrors::default();
                errors.add("message", key);
                show(&state, parts, c, &code, errors).await
            }
        }
    }

    pub async fn solve(
        State(state): State<AppState>,
        parts: Parts,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        let (c, code, parts) = match find(&state, parts, &form).await {
            Ok(found) => found,
            Err(res) => return res,
        };
        if let Err(e) = store::set_status(&state.db, &c.id, HelpStatus::Solved).await {
            return AppError::from(e).into_response();
        }
        match store::by_id(&state.db, &c.id).await {
            Ok(Some(c)) => show(&state, parts, c, &code, FieldErrors::default()).await,
            _ => AppError::Internal.into_response(),
        }
    }

    pub async fn delete(
        State(state): State<AppState>,
        parts: Parts,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        let (c, _, _) = match find(&state, parts, &form).await {
            Ok(found) => found,
            Err(res) => return res,
        };
        match store::delete(&state.db, &c.id).await {
            Ok(()) => see_other("/help/deleted"),
            Err(e) => AppError::from(e).into_response(),
        }
    }

    pub async fn helper_reply(
        State(state): State<AppState>,
        session: Session,
        Path(id): Path<String>,
        Form(form): Form<HashMap<String, String>>,
    ) -> Response {
        let me = match crate::admin::auth::account_or_sign_in(&session, &state.db).await {
            Ok(a) => a,
            Err(res) => return res,
        };
        let Ok(text) = parse_message(field(&form, "message")) else {
            return AppError::Invalid("bad-request".into()).into_response();
        };
        match store::by_id(&state.db, &id).await {
            Ok(Some(_)) => {}
            Ok(None) => return AppError::NotFound.into_response(),
            Err(e) => return AppError::from(e).into_response(),
        }
        let _ = store::claim(&state.db, &id, &me.id).await;
        match store::add_message(&state.db, &id, false, &text).await {
            Ok(()) => {
                let _ = crate::admin::store::audit(
                    &state.db,
                    Some(&me.id),
                    "help-reply",
                    "help_request",
                    &id,
                )
                .await;
                see_other(&format!("/admin/help/{id}"))
            }
            Err(e) => AppError::from(e).into_response(),
        }
    }

    pub async fn claim(
        State(state): State<AppState>,
        session: Session,
        Path(id): Path<String>,
    ) -> Response {
        let me = match crate::admin::auth::account_or_sign_in(&session, &state.db).await {
            Ok(a) => a,
            Err(res) => return res,
        };
        crate::admin::outcome::recorded(
            &state.db,
            &me,
            store::claim(&state.db, &id, &me.id).await,
            "help-claim",
            "help_request",
            &id,
            &format!("/admin/help/{id}"),
        )
        .await
    }

    pub async fn close(
        State(state): State<AppState>,
        session: Session,
        Path(id): Path<String>,
    ) -> Response {
        let me = match crate::admin::auth::account_or_sign_in(&session, &state.db).await {
            Ok(a) => a,
            Err(res) => return res,
        };
        crate::admin::outcome::recorded(
            &state.db,
            &me,
            store::set_status(&state.db, &id, HelpStatus::Solved).await,
            "help-close",
            "help_request",
            &id,
            "/admin/help",
        )
        .await
    }
}
