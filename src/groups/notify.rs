//! "Tell me when a group starts near me": a parent who found no group within 10 km leaves an
//! e-mail address for their PC4 area. The address is used only after the link in the
//! confirmation mail is followed (double opt-in); when a group opens or becomes active within
//! 10 km, one mail goes out in the parent's language and the row is deleted. Store:
//! `store::notify`; the periodic pass: `spawn`; deletion after 48 hours and 180 days: the
//! retention task of the assembly.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

use super::model::Postcode;
use crate::i18n::{k, language_name_key, use_i18n, Lang};
use crate::ui::forms::{no_store, select_options, ErrorSummary, FieldError, Honeypot, TextField};
use crate::ui::{Icon, IconName, Notice, PageHead};
use crate::web::form::{FieldErrors, FromForm, RawForm};

/// The youngest and oldest child age a parent may give.
pub const CHILD_AGE_MAX: u8 = 18;

/// What a parent posts: their area, their address, the mail's language and optionally the
/// child's age.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotifyInput {
    pub postcode: Postcode,
    pub email: String,
    pub language: String,
    pub child_age: Option<u8>,
}

impl FromForm for NotifyInput {
    fn from_form(form: &RawForm) -> Result<NotifyInput, FieldErrors> {
        let field = |name: &str| form.get(name).map(String::as_str).unwrap_or("");
        let mut errors = FieldErrors::default();
        if !field("website").is_empty() {
            errors.add("form", k("form-expired"));
        }
        let postcode = Postcode::parse(field("postcode")).filter(|p| known(*p));
        if postcode.is_none() {
            errors.add("postcode", k("notify-postcode-invalid"));
        }
        let email = super::join::parse_email(field("email"));
        if email.is_none() {
            errors.add("email", k("notify-email-invalid"));
        }
        let language = Lang::parse(field("language"))
            .unwrap_or(Lang::Nl)
            .code()
            .to_string();
        let child_age = match field("child_age").trim() {
            "" => None,
            a => match a.parse::<u8>().ok().filter(|a| *a <= CHILD_AGE_MAX) {
                Some(a) => Some(a),
                None => {
                    errors.add("child_age", k("notify-age-invalid"));
                    None
                }
            },
        };
        if field("consent") != "yes" {
            errors.add("consent", k("notify-consent-missing"));
        }
        match (postcode, email) {
            (Some(postcode), Some(email)) if errors.is_empty() => Ok(NotifyInput {
                postcode,
                email,
                language,
                child_age,
            }),
            _ => Err(errors),
        }
    }
}

/// A postcode whose area the app knows (so "within 10 km" means something).
fn known(postcode: Postcode) -> bool {
    #[cfg(feature = "ssr")]
    {
        super::postcodes::centroid(postcode).is_some()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = postcode;
        true
    }
}

#[cfg(feature = "ssr")]
pub use server::{router, spawn};

#[cfg(feature = "ssr")]
mod server {
    use axum::extract::{Path, State};
    use axum::routing::post;
    use axum::Router;

    use super::NotifyInput;
    use crate::db::Db;
    use crate::groups::store::notify as store;
    use crate::security::tokens::{hash_token, new_token};
    use crate::web::form::valid_token;
    use crate::web::{see_other, AppState, Limited, OrNotFound, WebResult};

    pub fn router() -> Router<AppState> {
        Router::new()
            .route("/groups/notify", post(sign_up))
            .route("/groups/notify/{token}", post(confirm))
            .route("/groups/notify/{token}/stop", post(stop))
    }

    async fn sign_up(State(db): State<Db>, Limited(form): Limited<NotifyInput>) -> WebResult {
        let token = new_token();
        store::insert(&db, &form.value, &hash_token(&token), &token).await?;
        Ok(see_other("/groups/notify-sent"))
    }

    async fn confirm(State(db): State<Db>, Path(token): Path<String>) -> WebResult {
        valid_token(&token).or_not_found()?;
        store::confirm(&db, &hash_token(&token))
            .await?
            .or_not_found()?;
        Ok(see_other("/groups/notify-confirmed"))
    }

    async fn stop(State(db): State<Db>, Path(token): Path<String>) -> WebResult {
        valid_token(&token).or_not_found()?;
        // Stopping twice (or after the mail went) says the same: nothing is kept.
        store::stop(&db, &hash_token(&token)).await?;
        Ok(see_other("/groups/notify-stopped"))
    }

    /// Every `MATCH_SECONDS`, confirmed addresses are compared with the active groups (each
    /// instance may run it: the conditional delete sends each mail once).
    pub fn spawn(db: Db) {
        tokio::spawn(async move {
            let every = std::time::Duration::from_secs(super::MATCH_SECONDS);
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                if let Err(e) = store::mail_matches(&db).await {
                    tracing::warn!(error = %e, "group interest pass failed; the next one tries again");
                }
            }
        });
    }
}

/// How often the periodic pass compares waiting addresses with active groups.
pub const MATCH_SECONDS: u64 = 300;

/// The sign-up form: on the finder (the postcode hidden, already known) and on its own page
/// (the postcode visible, for a correction after a 400).
#[component]
pub fn NotifyForm(postcode: String, #[prop(optional)] show_postcode: bool) -> impl IntoView {
    let i = use_i18n();
    let state = crate::ui::forms::use_form_state();
    let posted = state.value("language");
    let chosen = if posted.is_empty() {
        i.lang.code().to_string()
    } else {
        posted
    };
    let languages = select_options(
        Lang::ALL
            .iter()
            .map(|l| (l.code(), i.t(language_name_key(l.code())))),
        &chosen,
    );
    let age = state.value("child_age");
    let ages = select_options(
        std::iter::once((String::new(), i.t("notify-age-none")))
            .chain((0..=CHILD_AGE_MAX).map(|a| (a.to_string(), a.to_string()))),
        &age,
    );
    let consent = state.value("consent") == "yes";
    let postcode_field = if show_postcode {
        view! { <TextField name="postcode" label=i.t("notify-postcode-label") maxlength=10 ltr=true autocomplete="postal-code"/> }
            .into_any()
    } else {
        view! { <input type="hidden" name="postcode" value=postcode/> }.into_any()
    };
    view! {
        <form class="notify-form" method="post" action="/groups/notify">
            <h2>{i.t("notify-heading")}</h2>
            <p>{i.t("notify-intro")}</p>
            <ErrorSummary/>
            <FieldError field="form"/>
            {postcode_field}
            <TextField name="email" label=i.t("notify-email-label") kind="email" autocomplete="email" maxlength=254 ltr=true/>
            <div class="field">
                <label for="notify-language">{i.t("notify-language-label")}</label>
                <select id="notify-language" name="language">{languages}</select>
            </div>
            <div class="field">
                <label for="child_age">{i.t("notify-age-label")}</label>
                <FieldError field="child_age"/>
                <select id="child_age" name="child_age">{ages}</select>
            </div>
            <div class="field check">
                <FieldError field="consent"/>
                <input id="consent" name="consent" type="checkbox" value="yes" checked=consent/>
                <label for="consent">{i.t("notify-consent-label")}</label>
            </div>
            <Honeypot/>
            <button type="submit"><Icon name=IconName::Mail/><span>{i.t("notify-button")}</span></button>
        </form>
    }
}

/// `/groups/notify`: the form on its own (also the page a wrong post comes back to, 400).
#[component]
pub fn NotifyPage() -> impl IntoView {
    no_store();
    let postcode = leptos_router::hooks::use_query_map()
        .get_untracked()
        .get("postcode")
        .map(|p| p.chars().take(10).collect::<String>())
        .unwrap_or_default();
    view! {
        <section class="page narrow">
            <PageHead title=k("notify-title") lead=k("notify-page-lead")/>
            <NotifyForm postcode=postcode show_postcode=true/>
        </section>
    }
}

/// After the sign-up: what happens now.
#[component]
pub fn NotifySentPage() -> impl IntoView {
    no_store();
    let i = use_i18n();
    view! {
        <section class="page narrow">
            <PageHead title=k("notify-sent-title") lead=k("notify-sent-text")/>
            <ol>
                <li>{i.t("notify-sent-step-confirm")}</li>
                <li>{i.t("notify-sent-step-wait")}</li>
                <li>{i.t("notify-sent-step-delete")}</li>
            </ol>
            <a class="button" href="/groups"><Icon name=IconName::Search/><span>{i.t("notify-back-finder")}</span></a>
        </section>
    }
}

fn token_param() -> String {
    use_params_map()
        .get_untracked()
        .get("token")
        .filter(|t| crate::web::form::valid_token(t))
        .unwrap_or_default()
}

/// `/groups/notify/{token}`: the link in the confirmation mail. Opening it changes nothing
/// (a mail scanner may open links); the button does.
#[component]
pub fn NotifyConfirmPage() -> impl IntoView {
    no_store();
    let i = use_i18n();
    let token = token_param();
    let confirm = format!("/groups/notify/{token}");
    let stop = format!("/groups/notify/{token}/stop");
    view! {
        <section class="page narrow">
            <PageHead title=k("notify-confirm-title") lead=k("notify-confirm-text")/>
            <form method="post" action=confirm>
                <button type="submit"><Icon name=IconName::Check/><span>{i.t("notify-confirm-button")}</span></button>
            </form>
            <form method="post" action=stop>
                <button type="submit" class="secondary">{i.t("notify-stop-button")}</button>
            </form>
        </section>
    }
}

/// `/groups/notify/{token}/stop`: one button that deletes the address.
#[component]
pub fn NotifyStopPage() -> impl IntoView {
    no_store();
    let i = use_i18n();
    let stop = format!("/groups/notify/{}/stop", token_param());
    view! {
        <section class="page narrow">
            <PageHead title=k("notify-stop-title") lead=k("notify-stop-text")/>
            <form method="post" action=stop>
                <button type="submit"><span>{i.t("notify-stop-button")}</span></button>
            </form>
        </section>
    }
}

#[component]
pub fn NotifyConfirmedPage() -> impl IntoView {
    no_store();
    view! {
        <Notice title=k("notify-confirmed-title") text=k("notify-confirmed-text") href="/groups" icon=IconName::Search action=k("notify-back-finder")/>
    }
}

#[component]
pub fn NotifyStoppedPage() -> impl IntoView {
    no_store();
    view! {
        <Notice title=k("notify-stopped-title") text=k("notify-stopped-text") href="/" icon=IconName::Home action=k("back-home")/>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::web::form::raw_form as form;

    #[test]
    fn a_good_form_and_every_problem_named() {
        let ok = NotifyInput::from_form(&form(&[
            ("postcode", "7607 AB"),
            ("email", " ouder@example.nl "),
            ("language", "ar"),
            ("child_age", "4"),
            ("consent", "yes"),
        ]))
        .unwrap();
        assert_eq!(ok.postcode.pc4(), 7607);
        assert_eq!(ok.email, "ouder@example.nl");
        assert_eq!(ok.language, "ar");
        assert_eq!(ok.child_age, Some(4));
        let bad = NotifyInput::from_form(&form(&[
            ("postcode", "0000"),
            ("email", "nope"),
            ("child_age", "40"),
            ("website", "x"),
        ]))
        .unwrap_err();
        for f in ["postcode", "email", "child_age", "consent", "form"] {
            assert!(bad.get(f).is_some(), "{f}");
        }
    }
}
