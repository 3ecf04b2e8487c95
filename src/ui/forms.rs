//! Forms that work without JavaScript: a form posts to its own page; on bad input the server
//! renders the same page again (status 400) with the values and a message per field.
use crate::i18n::{language_name_key, use_i18n, I18n};
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

/// The message for a field's problem where the form shows it (nothing when there is none).
#[component]
pub fn FieldError(
    field: &'static str,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    let i = use_i18n();
    let message = use_form_state().message(&i, field);
    message.map(|e| view! { <p class="field-error" id=id>{e}</p> })
}

/// Text made safe to write between tags or inside an attribute value: `& < > " '` escaped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A text area filled with `value` as text. Leptos writes a `<textarea>`'s children raw (as it
/// does a `<script>`'s), so typed or stored text would close the element and become markup;
/// every text area goes through here, which escapes the value. The newline first keeps a value
/// that starts with one (the browser drops a newline right after `<textarea>`).
#[component]
pub fn TextArea(
    id: &'static str,
    name: &'static str,
    rows: u32,
    maxlength: usize,
    #[prop(optional, into)] value: String,
) -> impl IntoView {
    let text = format!("\n{}", escape_text(&value));
    view! {
        <textarea id=id name=name rows=rows.to_string() maxlength=maxlength.to_string() inner_html=text></textarea>
    }
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
    let error = state.message(&i, name);
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
    let state = use_form_state();
    let posted = state.value(name);
    let chosen = if posted.is_empty() { default } else { posted };
    let options = select_options(options, &chosen);
    view! {
        <div class="field">
            <label for=name>{label}</label>
            <FieldError field=name/>
            <select id=name name=name>{options}</select>
        </div>
    }
}

/// A labelled checkbox (value 1), ticked when `checked` says so, else when it was posted ticked.
#[component]
pub fn CheckBox(
    name: String,
    label: String,
    #[prop(optional)] checked: Option<bool>,
) -> impl IntoView {
    let checked = checked.unwrap_or_else(|| {
        use_form_state()
            .values
            .get(&name)
            .is_some_and(|v| v == "1" || v == "on")
    });
    let id = format!("f-{name}");
    view! {
        <div class="check">
            <input type="checkbox" id=id.clone() name=name value="1" checked=checked/>
            <label for=id>{label}</label>
        </div>
    }
}

/// The options of a select, each `(value, label)`; the one whose value is `chosen` is selected.
pub fn select_options<V: Into<String>>(
    list: impl IntoIterator<Item = (V, String)>,
    chosen: &str,
) -> AnyView {
    list.into_iter()
        .map(|(value, label)| {
            let value: String = value.into();
            let selected = value == chosen;
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view()
        .into_any()
}

/// Options for a choice of language: each code named in the reader's language.
pub fn language_options(i: &I18n, codes: &[&'static str], chosen: &str) -> AnyView {
    let named = codes
        .iter()
        .map(|code| (*code, i.t(language_name_key(code))));
    select_options(named, chosen)
}

/// A select that narrows a list: "any" first, then `options`. Its id is `name` unless given.
#[component]
pub fn FilterSelect(
    name: &'static str,
    #[prop(optional)] id: Option<&'static str>,
    label: String,
    options: AnyView,
) -> impl IntoView {
    let i = use_i18n();
    let id = id.unwrap_or(name);
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name>
                <option value="">{i.t("filter-any")}</option>
                {options}
            </select>
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
                <span class="hint" id="postcode-hint">{crate::ui::bidi::text(&i, hint)}</span>
            </label>
            {error.map(|e| view! { <p class="field-error" id="postcode-error">{crate::ui::bidi::text(&i, e)}</p> })}
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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn a_text_area_shows_markup_as_text() {
        let typed = "</textarea><h1 id=x>Bel 0900</h1>\"'&";
        let html =
            view! { <TextArea id="m" name="m" rows=4 maxlength=2000 value=typed/> }.to_html();
        assert!(!html.contains("<h1"), "{html}");
        assert_eq!(html.matches("</textarea>").count(), 1, "{html}");
        assert!(
            html.contains(
                "\n&lt;/textarea&gt;&lt;h1 id=x&gt;Bel 0900&lt;/h1&gt;&quot;&#39;&amp;</textarea>"
            ),
            "{html}"
        );
        assert!(html.starts_with("<textarea id=\"m\" name=\"m\" rows=\"4\" maxlength=\"2000\""));
    }
}
