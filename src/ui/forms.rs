//! Forms that work without JavaScript: a form posts to its own page; on bad input the server
//! renders the same page again (status 400) with the values and a message per field.
use crate::i18n::use_i18n;
pub use crate::web::form::{FieldErrors, FormState};
use leptos::prelude::*;

pub fn use_form_state() -> FormState {
    use_context::<FormState>().unwrap_or_default()
}

/// A fresh token for the status link: made when the form is shown, so a double post is one request.
pub fn form_token() -> String {
    // A page with a token is this visitor's own: never from the server's page cache.
    #[cfg(feature = "ssr")]
    crate::security::keep_out_of_page_cache();
    let posted = use_form_state().value("token");
    if crate::web::form::valid_token(&posted) {
        return posted;
    }
    #[cfg(feature = "ssr")]
    {
        crate::security::tokens::new_token()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

/// Private pages are not kept by browsers or proxies.
pub fn no_store() {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("no-store"),
        );
    }
}

/// The list of problems at the top of a form, each linking to its field.
#[component]
pub fn ErrorSummary() -> impl IntoView {
    let i = use_i18n();
    let state = use_form_state();
    state.has_errors().then(|| {
        let items = state
            .errors
            .iter()
            .map(|(field, key)| {
                let href = format!("#{field}");
                view! { <li><a href=href>{i.t(key)}</a></li> }
            })
            .collect_view();
        view! {
            <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
                <h2>{i.t("form-has-problems")}</h2>
                <ul>{items}</ul>
            </div>
        }
    })
}

/// A labelled text input with its hint and its error, filled with what was posted.
#[component]
pub fn TextField(
    name: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = 100)] maxlength: usize,
    #[prop(optional)] ltr: bool,
) -> impl IntoView {
    let i = use_i18n();
    let state = use_form_state();
    let error = state.errors.get(name).map(|k| i.t(k));
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described = match (hint.is_some(), error.is_some()) {
        (true, true) => Some(format!("{hint_id} {error_id}")),
        (true, false) => Some(hint_id.clone()),
        (false, true) => Some(error_id.clone()),
        (false, false) => None,
    };
    let invalid = error.is_some().then_some("true");
    view! {
        <div class="field">
            <label for=name>
                {label}
                {hint.map(|h| view! { <span class="hint" id=hint_id>{h}</span> })}
            </label>
            {error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
            <input
                id=name
                name=name
                type=kind
                autocomplete=autocomplete
                maxlength=maxlength.to_string()
                value=state.value(name)
                dir=ltr.then_some("ltr")
                aria-invalid=invalid
                aria-describedby=described
            />
        </div>
    }
}

/// A field nobody sees or fills in; bots do.
#[component]
pub fn Honeypot() -> impl IntoView {
    view! {
        <div class="hp" aria-hidden="true">
            <label for="website">"Website"</label>
            <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
        </div>
    }
}

/// A labelled select with its error, keeping what was posted (else `default`).
#[component]
pub fn Choice(
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    #[prop(optional, into)] default: String,
) -> impl IntoView {
    let i = use_i18n();
    let state = use_form_state();
    let posted = state.value(name);
    let chosen = if posted.is_empty() { default } else { posted };
    let error = state.errors.get(name).map(|key| i.t(key));
    let options = options
        .into_iter()
        .map(|(v, l)| {
            let selected = v == chosen;
            view! { <option value=v selected=selected>{l}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=name>{label}</label>
            {error.map(|e| view! { <p class="field-error">{e}</p> })}
            <select id=name name=name>{options}</select>
        </div>
    }
}

/// The postcode input of the finder and of a guide's local help (a GET form: the value and
/// the error come from the query, not from a post).
#[component]
pub fn PostcodeField(hint: String, value: String, error: Option<String>) -> impl IntoView {
    let i = use_i18n();
    let has_error = error.is_some();
    view! {
        <div class="field">
            <label for="postcode">
                {i.t("postcode-label")}
                <span class="hint" id="postcode-hint">{hint}</span>
            </label>
            {error.map(|e| view! { <p class="field-error" id="postcode-error">{e}</p> })}
            <input
                id="postcode"
                name="postcode"
                type="text"
                autocomplete="postal-code"
                maxlength="10"
                dir="ltr"
                value=value
                aria-invalid=has_error.then_some("true")
                aria-describedby=if has_error { "postcode-hint postcode-error" } else { "postcode-hint" }
            />
        </div>
    }
}
