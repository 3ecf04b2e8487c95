//! The facilitator's groups and meetups: list, create, edit, pause; meetups as a series,
//! cancel, headcounts and attendance.
use std::collections::HashMap;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::done::{Done, Said};
use crate::accounts::model::Account;
use crate::error::AppError;
use crate::groups::join::ManagedGroup;
use crate::groups::model::{Audience, Weekday, GROUP_LANGUAGES};
use crate::i18n::{k, language_name_key, use_i18n};
use crate::meetups::store_types::ManagedMeetup;
use crate::ui::forms::{
    use_form_state, CheckBox, Choice, ErrorSummary, FieldError, FormState, TextArea, TextField,
};
use crate::ui::{AdminPage, Icon, IconName};

#[server(prefix = "/api", endpoint = "admin/groups")]
pub async fn admin_groups() -> Result<(Account, Vec<ManagedGroup>), AppError> {
    let (me, db) = crate::web::auth::require().await?;
    let groups = crate::groups::store::managed_groups(&db, &me).await?;
    Ok((me, groups))
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct GroupFormData {
    pub me: Account,
    pub values: HashMap<String, String>,
    pub facilitators: Vec<Account>,
    /// The group's words in other languages: (language, description, first visit).
    pub texts: Vec<(String, String, String)>,
}

/// The values of a group to edit (or the defaults of a new one).
#[server(prefix = "/api", endpoint = "admin/group-form")]
pub async fn admin_group_form(id: Option<String>) -> Result<GroupFormData, AppError> {
    let (me, db) = crate::web::auth::require().await?;
    let texts = match &id {
        Some(id) => crate::groups::store::other_texts(&db, id).await?,
        None => Vec::new(),
    };
    let values = match id {
        Some(id) => crate::groups::store::group_form_values(&db, &me, &id)
            .await?
            .ok_or(AppError::NotFound)?,
        None => crate::groups::edit::new_group_values(),
    };
    let facilitators = crate::accounts::store::handover_targets(&db, &me).await?;
    Ok(GroupFormData {
        texts,
        me,
        values,
        facilitators,
    })
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MeetupsData {
    pub me: Account,
    pub group_name: String,
    pub meetups: Vec<ManagedMeetup>,
    pub now: i64,
    /// The plan form's first values: the group's day, time and place, its last meetup's length
    /// and capacity (`meetups::plan`).
    pub plan: HashMap<String, String>,
}

#[server(prefix = "/api", endpoint = "admin/meetups")]
pub async fn admin_meetups(group_id: String) -> Result<MeetupsData, AppError> {
    let (me, db) = crate::web::auth::require().await?;
    let values = crate::groups::store::group_form_values(&db, &me, &group_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let meetups = crate::meetups::store::managed_meetups(&db, &group_id).await?;
    let value = |name: &str| values.get(name).cloned().unwrap_or_default();
    let held = meetups
        .iter()
        .filter(|m| !m.meetup.cancelled)
        .map(|m| (m.meetup.starts_at, m.meetup.ends_at, m.meetup.capacity));
    let plan = crate::meetups::plan::plan_values(
        db.now(),
        value("weekday").parse().unwrap_or(0),
        &value("start"),
        &value("address"),
        held,
    );
    Ok(MeetupsData {
        me,
        group_name: value("name"),
        meetups,
        now: db.now(),
        plan: plan.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
    })
}

#[component]
pub fn GroupsAdminPage() -> impl IntoView {
    let i = use_i18n();
    let said = Said::from_query();
    crate::ui::loaded(admin_groups(), move |(me, groups)| {
        // A saved group is said at its card; at the top when it is not on the list.
        let on_a_card = groups.iter().any(|g| said.is_for(&g.id));
        let top = (!on_a_card).then(|| said.notice(&i)).flatten();
        let items = groups
            .into_iter()
            .map(|g| {
                let edit = format!("/admin/groups/{}", g.id);
                let meetups = format!("/admin/groups/{}/meetups", g.id);
                let here = said.is_for(&g.id).then(|| said.notice(&i)).flatten();
                view! {
                    <li class="group-card" id=format!("group-{}", g.id)>
                        {here}
                        <h2 class="item-title"><bdi>{g.name}</bdi></h2>
                        <p>{i.t_args("inbox-handler", &[("name", g.owner)])}" · "{i.t(if g.active { k("account-active") } else { k("group-paused") })}</p>
                        <p class="share">
                            <a class="button secondary" href=edit><Icon name=IconName::Info/><span>{i.t("group-edit")}</span></a>
                            <a class="button secondary" href=meetups><Icon name=IconName::Calendar/><span>{i.t("group-meetups")}</span></a>
                        </p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <AdminPage title=i.t("admin-groups") coordinator=me.is_coordinator()>
                {top}
                <p><a class="button" href="/admin/groups/new"><Icon name=IconName::Users/><span>{i.t("group-new")}</span></a></p>
                <ul class="results">{items}</ul>
            </AdminPage>
        }
        .into_any()
    })
}

#[component]
fn Area(name: &'static str, label: String, max: usize) -> impl IntoView {
    let state = use_form_state();
    view! {
        <div class="field">
            <label for=name>{label}</label>
            <FieldError field=name/>
            <TextArea id=name name=name rows=4 maxlength=max value=state.value(name)/>
        </div>
    }
}

/// The group's words in the other languages, and a form to add or change one.
fn texts_form(id: &str, texts: Vec<(String, String, String)>) -> AnyView {
    let i = use_i18n();
    let action = format!("/admin/groups/{id}/texts");
    let have = texts
        .into_iter()
        .map(|(lang, description, first_visit)| {
            let name = i.t(crate::i18n::language_name_key(&lang));
            view! {
                <li lang=lang.clone() dir=crate::i18n::Lang::parse(&lang).map(|l| l.dir())>
                    <strong>{name}</strong>
                    <p>{description}</p>
                    <p>{first_visit}</p>
                </li>
            }
        })
        .collect_view();
    let options: Vec<(String, String)> = crate::groups::model::GROUP_LANGUAGES
        .iter()
        .filter(|l| **l != "nl")
        .map(|l| (l.to_string(), i.t(crate::i18n::language_name_key(l))))
        .collect();
    // Just saved: open, saying so.
    let said = Said::from_query();
    let saved = said.done == Some(Done::Texts);
    view! {
        <details class="group-texts" id="group-texts" open=saved>
            <summary>{i.t("group-texts-heading")}</summary>
            {saved.then(|| said.notice(&i)).flatten()}
            <p>{i.t("group-texts-intro")}</p>
            <ul class="cards">{have}</ul>
            <form method="post" action=action>
                <Choice name="text_lang" label=i.t("group-texts-lang") options=options/>
                <Area name="text_description" label=i.t("group-form-description") max=1000/>
                <Area name="text_first_visit" label=i.t("group-first-visit") max=500/>
                <button type="submit"><Icon name=IconName::Chat/><span>{i.t("group-texts-save")}</span></button>
            </form>
        </details>
    }
    .into_any()
}

fn group_form(data: GroupFormData, action: String) -> AnyView {
    let i = use_i18n();
    let posted = use_form_state();
    // Show what was posted (with its errors), else what is stored.
    let state = if posted.values.is_empty() || posted.values.contains_key("text_lang") {
        FormState {
            values: data.values,
            errors: posted.errors,
        }
    } else {
        posted
    };
    provide_context(state);
    let days = Weekday::ALL
        .iter()
        .map(|d| (d.number().to_string(), i.t(d.key())))
        .collect();
    let rhythms = vec![
        ("weekly".to_string(), i.t("rhythm-option-weekly")),
        ("fortnightly".to_string(), i.t("rhythm-option-fortnightly")),
        ("monthly".to_string(), i.t("rhythm-option-monthly")),
    ];
    let audiences = Audience::ALL
        .iter()
        .map(|a| (a.as_str().to_string(), i.t(a.key())))
        .collect();
    let languages = GROUP_LANGUAGES
        .iter()
        .map(|code| view! { <CheckBox name=format!("lang_{code}") label=i.t(language_name_key(code))/> })
        .collect_view();
    let owner = (!data.facilitators.is_empty()).then(|| {
        let mut options = vec![(String::new(), "-".to_string())];
        options.extend(
            data.facilitators
                .into_iter()
                .map(|a| (a.id, a.display_name)),
        );
        view! { <Choice name="owner" label=i.t("group-owner") options=options/> }
    });
    view! {
        <ErrorSummary/>
        <form method="post" action=action novalidate=true>
            <TextField name="name" label=i.t("group-form-name") maxlength=80/>
            <Area name="description" label=i.t("group-form-description") max=1000/>
            <Area name="first_visit" label=i.t("group-first-visit") max=500/>
            <TextField name="facilitator_name" label=i.t("group-form-facilitator") maxlength=40/>
            <TextField name="postcode" label=i.t("postcode-label") hint=i.t("group-form-postcode-hint") maxlength=10 ltr=true/>
            <TextField name="address" label=i.t("group-place") maxlength=120/>
            <details class="filters">
                <summary>{i.t("group-form-coords")}</summary>
                <p class="hint">{i.t("group-form-coords-hint")}</p>
                <TextField name="lat" label=i.t("group-form-lat") maxlength=12 ltr=true/>
                <TextField name="lon" label=i.t("group-form-lon") maxlength=12 ltr=true/>
            </details>
            <Choice name="weekday" label=i.t("filter-day-label") options=days/>
            <TextField name="start" label=i.t("group-form-start") kind="time" maxlength=5 ltr=true/>
            <Choice name="rhythm" label=i.t("group-form-rhythm") options=rhythms/>
            <TextField name="age_min" label=i.t("group-form-age-min") kind="number" maxlength=2/>
            <TextField name="age_max" label=i.t("group-form-age-max") kind="number" maxlength=2/>
            <Choice name="audience" label=i.t("group-form-audience") options=audiences/>
            <fieldset class="field" id="languages">
                <legend>{i.t("filter-language-label")}</legend>
                <FieldError field="languages"/>
                {languages}
            </fieldset>
            <CheckBox name="children_welcome".to_string() label=i.t("group-children-welcome")/>
            <CheckBox name="childcare".to_string() label=i.t("group-childcare")/>
            <CheckBox name="online".to_string() label=i.t("group-online")/>
            <TextField name="cost" label=i.t("group-form-cost") maxlength=8 ltr=true/>
            {owner}
            <CheckBox name="paused".to_string() label=i.t("group-form-paused")/>
            <button type="submit"><Icon name=IconName::Users/><span>{i.t("password-save")}</span></button>
        </form>
    }
    .into_any()
}

#[component]
pub fn GroupEditPage() -> impl IntoView {
    let i = use_i18n();
    let id = use_params_map().get_untracked().get("id");
    crate::ui::loaded(admin_group_form(id.clone()), move |data| {
        let coordinator = data.me.is_coordinator();
        let (title, action) = match &id {
            Some(id) => (i.t("group-edit"), format!("/admin/groups/{id}")),
            None => (i.t("group-new"), "/admin/groups/new".to_string()),
        };
        view! {
            <AdminPage title=title.clone() coordinator=coordinator narrow=true>
                {id.clone().map(|id| texts_form(&id, data.texts.clone()))}
                {group_form(data, action)}
            </AdminPage>
        }
        .into_any()
    })
}

/// The theme choices of the meetup forms: none first, then the themes of the motion.
fn theme_choices(i: &crate::i18n::I18n) -> Vec<(String, String)> {
    std::iter::once((String::new(), i.t("admin-meetup-theme-none")))
        .chain(
            crate::meetups::model::Theme::ALL
                .iter()
                .map(|t| (t.as_str().to_string(), i.t(t.key()))),
        )
        .collect()
}

/// The kind choices of the meetup forms.
fn kind_choices(i: &crate::i18n::I18n) -> Vec<(String, String)> {
    vec![
        ("meetup".to_string(), i.t("admin-meetup-kind-meetup")),
        ("workshop".to_string(), i.t("meetup-kind-workshop")),
    ]
}

#[component]
pub fn MeetupsAdminPage() -> impl IntoView {
    let (i, id) = (use_i18n(), crate::ui::param("id"));
    let said = Said::from_query();
    crate::ui::loaded(admin_meetups(id.clone()), move |data| {
        let now = data.now;
        // The plan starts from the group's own day, time and place (what was posted, if any).
        let posted = use_form_state();
        if posted.values.is_empty() {
            provide_context(FormState {
                values: data.plan.clone(),
                errors: posted.errors,
            });
        }
        // What was just done to one meetup is said at that meetup; a plan, at the list.
        let on_a_meetup = data.meetups.iter().any(|m| said.is_for(&m.meetup.id));
        let rows = data
            .meetups
            .into_iter()
            .map(|m| {
                let when = i.t_args("meetup-when", &[("date", i.date(m.meetup.starts_at)), ("start", i.clock(m.meetup.starts_at)), ("end", i.clock(m.meetup.ends_at))]);
                let coming = i.t_args("admin-meetup-coming", &[("adults", m.coming_adults.to_string()), ("children", m.coming_children.to_string()), ("waiting", m.waiting.to_string())]);
                let cancel = format!("/admin/meetups/{}/cancel", m.meetup.id);
                let attend = format!("/admin/meetups/{}/attendance", m.meetup.id);
                let past = m.meetup.starts_at <= now;
                let (aa, ac) = m.attended.map(|(a, c)| (a.to_string(), c.to_string())).unwrap_or_default();
                let ida = format!("aa-{}", m.meetup.id);
                let edit = format!("/admin/meetups/{}/edit", m.meetup.id);
                let local = crate::time::to_local(m.meetup.starts_at);
                let date = format!("{:04}-{:02}-{:02}", local.year, local.month, local.day);
                let start = format!("{:02}:{:02}", local.hour, local.minute);
                let minutes = ((m.meetup.ends_at - m.meetup.starts_at) / 60).to_string();
                let fid = |f: &str| format!("{f}-{}", m.meetup.id);
                let (f_date, f_start, f_min, f_place, f_cap) = (fid("date"), fid("start"), fid("minutes"), fid("place"), fid("capacity"));
                let place = m.meetup.place.clone();
                let capacity = m.meetup.capacity.to_string();
                let (f_theme, f_kind, f_guest) = (fid("theme"), fid("kind"), fid("guest"));
                let theme_options = crate::ui::forms::select_options(
                    theme_choices(&i),
                    m.meetup.theme.map(|t| t.as_str()).unwrap_or_default(),
                );
                let kind_options = crate::ui::forms::select_options(kind_choices(&i), m.meetup.kind.as_str());
                let guest = m.meetup.guest.clone();
                let idc = format!("ac-{}", m.meetup.id);
                let here = said.is_for(&m.meetup.id).then(|| said.notice(&i)).flatten();
                view! {
                    <li class="inbox-item" id=format!("meetup-{}", m.meetup.id)>
                        {here}
                        <h3>{when}</h3>
                        {m.meetup.cancelled.then(|| view! { <p class="cancelled"><strong>{i.t("meetup-is-cancelled")}</strong></p> })}
                        <p><bdi>{m.meetup.place.clone()}</bdi></p>
                        <p>{coming}</p>
                        {(!past && !m.meetup.cancelled).then(|| view! {
                            <details class="filters">
                                <summary>{i.t("meetup-edit")}</summary>
                                <form method="post" action=edit novalidate=true>
                                    <label for=f_date.clone()>{i.t("admin-series-date")}</label>
                                    <input id=f_date name="date" type="date" value=date dir="ltr"/>
                                    <label for=f_start.clone()>{i.t("group-form-start")}</label>
                                    <input id=f_start name="start" type="time" value=start dir="ltr"/>
                                    <label for=f_min.clone()>{i.t("admin-series-minutes")}</label>
                                    <input id=f_min name="minutes" type="number" value=minutes/>
                                    <label for=f_place.clone()>{i.t("group-place")}</label>
                                    <input id=f_place name="place" type="text" maxlength="120" value=place/>
                                    <label for=f_cap.clone()>{i.t("admin-series-capacity")}</label>
                                    <input id=f_cap name="capacity" type="number" value=capacity/>
                                    <label for=f_theme.clone()>{i.t("admin-meetup-theme")}</label>
                                    <select id=f_theme name="theme">{theme_options}</select>
                                    <label for=f_kind.clone()>{i.t("admin-meetup-kind")}</label>
                                    <select id=f_kind name="kind">{kind_options}</select>
                                    <label for=f_guest.clone()>{i.t("admin-meetup-guest")}</label>
                                    <input id=f_guest name="guest" type="text" maxlength="80" value=guest/>
                                    <button type="submit" class="secondary"><Icon name=IconName::Calendar/><span>{i.t("password-save")}</span></button>
                                </form>
                            </details>
                            // Asks first, on a page of its own that says who is told.
                            <p><a class="button secondary" href=cancel><Icon name=IconName::Undo/><span>{i.t("admin-meetup-cancel")}</span></a></p>
                        })}
                        {(past && !m.meetup.cancelled).then(|| view! {
                            <form method="post" action=attend class="attendance">
                                <label for=ida.clone()>{i.t("admin-attended-adults")}</label>
                                <input id=ida name="adults" type="number" min="0" max="500" value=aa/>
                                <label for=idc.clone()>{i.t("admin-attended-children")}</label>
                                <input id=idc name="children" type="number" min="0" max="500" value=ac/>
                                <button type="submit" class="secondary"><Icon name=IconName::Users/><span>{i.t("password-save")}</span></button>
                            </form>
                        })}
                    </li>
                }
            })
            .collect_view();
        let action = format!("/admin/groups/{id}/meetups");
        view! {
            <Title text=data.group_name.clone()/>
            <section class="page narrow">
                <crate::ui::AdminNav coordinator=data.me.is_coordinator()/>
                <h1><bdi>{data.group_name.clone()}</bdi></h1>
                <h2 id="plan">{i.t("admin-series-heading")}</h2>
                {(said.done == Some(Done::GroupCreated)).then(|| said.notice(&i)).flatten()}
                <ErrorSummary/>
                <form method="post" action=action novalidate=true>
                    <TextField name="date" label=i.t("admin-series-date") kind="date" maxlength=10 ltr=true/>
                    <TextField name="start" label=i.t("group-form-start") kind="time" maxlength=5 ltr=true/>
                    <TextField name="minutes" label=i.t("admin-series-minutes") kind="number" maxlength=3/>
                    <TextField name="weeks" label=i.t("admin-series-weeks") kind="number" maxlength=2/>
                    <TextField name="place" label=i.t("group-place") maxlength=120/>
                    <TextField name="capacity" label=i.t("admin-series-capacity") kind="number" maxlength=3/>
                    <Choice name="theme" label=i.t("admin-meetup-theme") options=theme_choices(&i)/>
                    <Choice name="kind" label=i.t("admin-meetup-kind") options=kind_choices(&i) default="meetup"/>
                    <TextField name="guest" label=i.t("admin-meetup-guest") hint=i.t("admin-meetup-guest-hint") maxlength=80/>
                    <button type="submit"><Icon name=IconName::Calendar/><span>{i.t("admin-series-create")}</span></button>
                </form>
                <h2 id="meetups">{i.t("group-meetups")}</h2>
                {(said.done != Some(Done::GroupCreated) && !on_a_meetup).then(|| said.notice(&i)).flatten()}
                <ul class="results">{rows}</ul>
            </section>
        }
        .into_any()
    })
}
