//! The one error type that crosses the wire. Details go to the log, people get a generic text.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Input that does not fit: the key names a message in `locales/`.
    #[error("invalid input: {0}")]
    Invalid(String),
    #[error("not found")]
    NotFound,
    /// Not signed in (or the session ended): the admin pages send people to sign in.
    #[error("sign in first")]
    SignIn,
    #[error("too many requests")]
    TooMany,
    #[error("server error")]
    Internal,
    /// The database cannot be reached: 503 with a plain page that keeps the crisis numbers,
    /// and the page works again by itself once the database is back.
    #[error("service unavailable")]
    Unavailable,
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid(_) => 400,
            AppError::NotFound => 404,
            AppError::SignIn => 401,
            AppError::TooMany => 429,
            AppError::Internal => 500,
            AppError::Unavailable => 503,
        }
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(value: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr as E;
        match value {
            E::Args(_) | E::MissingArg(_) | E::Deserialization(_) => {
                AppError::Invalid("bad-request".into())
            }
            _ => AppError::Internal,
        }
    }

    /// On the server also sets the answer's status: `server_fn` answers 500 to every error.
    fn ser(&self) -> leptos::server_fn::Bytes {
        use leptos::server_fn::Encodes;
        #[cfg(feature = "ssr")]
        if let (Some(res), Ok(status)) = (
            leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
            axum::http::StatusCode::from_u16(self.status()),
        ) {
            res.set_status(status);
        }
        Self::Encoder::encode(self).unwrap_or_default()
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::RowNotFound => AppError::NotFound,
            // The gate turning a statement away is said once in the log, when the database
            // goes (`db::gate`), not on every page.
            e if crate::db::gate::is_turned_away(&e) => AppError::Unavailable,
            e if crate::db::is_unreachable(&e) => {
                tracing::warn!(error = %e, "database unreachable or overloaded");
                AppError::Unavailable
            }
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Internal
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        let status = axum::http::StatusCode::from_u16(self.status())
            .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
        (status, status.canonical_reason().unwrap_or("error")).into_response()
    }
}
