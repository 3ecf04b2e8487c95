//! The coordinator's local help: `/admin/local-help` (the list, those to check again first,
//! and a form to add) and `/admin/local-help/{id}` (edit).
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::{local_help_admin, LocalAdminData, LocalRow};
use super::model::{LocalEntry, RECHECK_DAYS};
use crate::i18n::use_i18n;
use crate::ui::forms::{select_options, use_form_state, ErrorSummary, FieldError, TextField};
use crate::ui::{AdminNav, DataTable};
use crate::ui::{Icon, IconName};

#[component]
fn Row(row: LocalRow) -> impl IntoView {
    let i = use_i18n();
    let e = row.entry;
    let checked = format!("/admin/local-help/{}/checked", e.id);
    let retire = format!("/admin/local-help/{}/retire", e.id);
    let edit = format!("/admin/local-help/{}", e.id);
    let class = if row.needs_check {
        "card needs-check"
    } else {
        "card"
    };
    view! {
        <li class=class>
            <h3><bdi>{e.name.clone()}</bdi></h3>
            {e.example.then(|| view! { <span class="tag">{i.t("guide-local-example")}</span> })}
            <ul class="facts">
                <li><Icon name=IconName::Pin/><span>{row.municipality_name}</span></li>
                <li><Icon name=IconName::Book/><span>{row.step_label}</span></li>
                <li><Icon name=IconName::Clock/><span>{i.t_args("guide-local-checked", &[("date", i.date(e.checked_at))])}</span></li>
            </ul>
            <div class="actions">
                <form method="post" action=checked>
                    <button type="submit"><Icon name=IconName::Check/><span>{i.t("local-mark-checked")}</span></button>
                </form>
                <a class="button secondary" href=edit><Icon name=IconName::Document/><span>{i.t("local-edit")}</span></a>
                <form method="post" action=retire>
                    <button type="submit" class="secondary"><Icon name=IconName::Exit/><span>{i.t("local-retire")}</span></button>
                </form>
            </div>
        </li>
    }
}

/// The add/edit form; filled from what was posted, else from the entry being edited.
#[component]
fn EntryForm(
    action: String,
    steps: Vec<(String, String)>,
    municipalities: Vec<(String, String)>,
    editing: Option<LocalEntry>,
    submit: String,
) -> impl IntoView {
    let i = use_i18n();
    let mut state = use_form_state();
    if state.values.is_empty() {
        if let Some(e) = &editing {
            for (k, v) in [
                ("municipality", e.municipality.clone()),
                ("step", format!("{}/{}", e.guide, e.step)),
                ("name", e.name.clone()),
                ("hours", e.hours.clone()),
                ("phone", e.phone.clone()),
                ("address", e.address.clone()),
                ("website", e.website.clone()),
                (
                    "example",
                    if e.example {
                        "yes".into()
                    } else {
                        String::new()
                    },
                ),
            ] {
                state.values.insert(k.to_string(), v);
            }
            provide_context(state.clone());
        }
    }
    let chosen_gm = state.value("municipality");
    let chosen_step = state.value("step");
    let gm_options = select_options(municipalities, &chosen_gm);
    let step_options = select_options(steps, &chosen_step);
    let example = state.value("example") == "yes";
    view! {
        <ErrorSummary/>
        <form method="post" action=action novalidate=true class="local-form">
            <div class="field" id="municipality-field">
                <label for="municipality">{i.t("guide-local-municipality")}</label>
                <FieldError field="municipality"/>
                <select id="municipality" name="municipality">
                    <option value="">"–"</option>
                    {gm_options}
                </select>
            </div>
            <div class="field">
                <label for="step">{i.t("local-step-label")}</label>
                <FieldError field="step"/>
                <select id="step" name="step">
                    <option value="">"–"</option>
                    {step_options}
                </select>
            </div>
            <TextField name="name" label=i.t("local-name-label") maxlength=120/>
            <TextField name="hours" label=i.t("local-hours-label") hint=i.t("local-hours-hint") maxlength=300/>
            <TextField name="phone" label=i.t("local-phone-label") kind="tel" maxlength=25 ltr=true/>
            <TextField name="address" label=i.t("local-address-label") maxlength=200/>
            <TextField name="website" label=i.t("local-website-label") hint=i.t("local-website-hint") kind="url" maxlength=300 ltr=true/>
            <div class="field check">
                <input type="checkbox" id="example" name="example" value="yes" checked=example/>
                <label for="example">{i.t("local-example-label")}</label>
            </div>
            <button type="submit"><Icon name=IconName::Check/><span>{submit}</span></button>
        </form>
    }
}

#[component]
pub fn LocalHelpAdminPage() -> impl IntoView {
    let i = use_i18n();
    let content = crate::ui::loaded(
        local_help_admin(None),
        move |LocalAdminData {
                  me,
                  rows,
                  steps,
                  municipalities,
                  facts,
                  ..
              }| {
            let due = facts.iter().filter(|f| f.due()).count();
            let facts = facts
                .into_iter()
                .map(|f| {
                    let due = f.due();
                    let mark = due
                        .then(|| view! { <strong class="due">{i.t("local-facts-due")}</strong> });
                    let site = super::model::site_label(&f.source);
                    view! {
                        <tr class:stale=due>
                            <td>{f.step_label}</td>
                            <td><a href=f.source dir="ltr">{site}</a></td>
                            <td><bdi dir="ltr">{f.checked}</bdi>" "{mark}</td>
                        </tr>
                    }
                })
                .collect_view();
            let (stale, fresh): (Vec<LocalRow>, Vec<LocalRow>) =
                rows.into_iter().partition(|r| r.needs_check);
            let stale_count = stale.len();
            let stale = stale
                .into_iter()
                .map(|row| view! { <Row row/> })
                .collect_view();
            let fresh = fresh
                .into_iter()
                .map(|row| view! { <Row row/> })
                .collect_view();
            view! {
            <AdminNav coordinator=me.is_coordinator()/>
            <h1>{i.t("local-title")}</h1>
            <p class="lead">{i.t_args("local-intro", &[("days", RECHECK_DAYS.to_string())])}</p>
            <section aria-labelledby="stale-heading">
                <h2 id="stale-heading">{i.t_args("local-stale-heading", &[("count", stale_count.to_string())])}</h2>
                <ul class="cards">{stale}</ul>
            </section>
            <section aria-labelledby="fresh-heading">
                <h2 id="fresh-heading">{i.t("local-fresh-heading")}</h2>
                <ul class="cards">{fresh}</ul>
            </section>
            <section aria-labelledby="new-heading">
                <h2 id="new-heading">{i.t("local-new-heading")}</h2>
                <EntryForm action="/admin/local-help".into() steps municipalities editing=None submit=i.t("local-add")/>
            </section>
            <section class="facts">
                <h2 id="facts-heading">{i.t_args("local-facts-heading", &[("count", due.to_string())])}</h2>
                <p>{i.t_args("local-facts-intro", &[("days", super::model::NATIONAL_RECHECK_DAYS.to_string())])}</p>
                <DataTable labelled_by="facts-heading" heads=vec![
                    i.t("local-facts-step"), i.t("local-facts-source"), i.t("local-facts-checked"),
                ]>{facts}</DataTable>
            </section>
        }
        .into_any()
        },
    );
    view! {
        <Title text=i.t("local-title")/>
        <section class="page admin">
            {content}
        </section>
    }
}

#[component]
pub fn LocalHelpEditPage() -> impl IntoView {
    let i = use_i18n();
    let id: String = crate::ui::param("id");
    let content = crate::ui::loaded(
        local_help_admin(Some(id.clone())),
        move |LocalAdminData {
                  me,
                  steps,
                  municipalities,
                  editing,
                  ..
              }| {
            let action = format!("/admin/local-help/{id}");
            view! {
            <AdminNav coordinator=me.is_coordinator()/>
            <p class="back"><a href="/admin/local-help"><Icon name=IconName::Arrow/><span>{i.t("local-title")}</span></a></p>
            <h1>{i.t("local-edit-title")}</h1>
            <EntryForm action steps municipalities editing submit=i.t("local-save")/>
        }
        .into_any()
        },
    );
    view! {
        <Title text=i.t("local-edit-title")/>
        <section class="page admin">
            {content}
        </section>
    }
}
