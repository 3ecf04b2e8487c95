//! The facilitator's groups and meetups: list, create, edit, pause; meetups as a series,
//! cancel, headcounts and attendance.
use std::collections::HashMap;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::accounts::model::Account;
use crate::error::AppError;
use crate::groups::join::ManagedGroup;
use crate::groups::model::{Weekday, GROUP_LANGUAGES};
use crate::i18n::{k, language_name_key, use_i18n};
use crate::meetups::store_types::ManagedMeetup;
use crate::ui::forms::{
    use_form_state, CheckBox, Choice, ErrorSummary, FieldError, FormState, TextField,
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
}

#[server(prefix = "/api", endpoint = "admin/meetups")]
pub async fn admin_meetups(group_id: String) -> Result<MeetupsData, AppError> {
    let (me, db) = crate::web::auth::require().await?;
    let values = crate::groups::store::group_form_values(&db, &me, &group_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let meetups = crate::meetups::store::managed_meetups(&db, &group_id).await?;
    Ok(MeetupsData {
        me,
        group_name: values.get("name").cloned().unwrap_or_default(),
        meetups,
        now: db.now(),
    })
}

#[component]
pub fn GroupsAdminPage() -> impl IntoView {
    let i = use_i18n();
    crate::ui::loaded(admin_groups(), move |(me, groups)| {
        let items = groups
            .into_iter()
            .map(|g| {
                let edit = format!("/admin/groups/{}", g.id);
                let meetups = format!("/admin/groups/{}/meetups", g.id);
                view! {
                    <li class="group-card">
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
            <textarea id=name name=name rows="4" maxlength=max.to_string()>{state.value(name)}</textarea>
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
    view! {
        <details class="group-texts">
            <summary>{i.t("group-texts-heading")}</summary>
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

#[component]
pub fn MeetupsAdminPage() -> impl IntoView {
    let (i, id) = (use_i18n(), crate::ui::param("id"));
    crate::ui::loaded(admin_meetups(id.clone()), move |data| {
        let now = data.now;
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
                let idc = format!("ac-{}", m.meetup.id);
                view! {
                    <li class="inbox-item">
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
                                    <button type="submit" class="secondary"><Icon name=IconName::Calendar/><span>{i.t("password-save")}</span></button>
                                </form>
                            </details>
                            <form method="post" action=cancel>
                                <button type="submit" class="secondary"><Icon name=IconName::Exit/><span>{i.t("admin-meetup-cancel")}</span></button>
                            </form>
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
                <h2>{i.t("admin-series-heading")}</h2>
                <ErrorSummary/>
                <form method="post" action=action novalidate=true>
                    <TextField name="date" label=i.t("admin-series-date") kind="date" maxlength=10 ltr=true/>
                    <TextField name="start" label=i.t("group-form-start") kind="time" maxlength=5 ltr=true/>
                    <TextField name="minutes" label=i.t("admin-series-minutes") kind="number" maxlength=3/>
                    <TextField name="weeks" label=i.t("admin-series-weeks") kind="number" maxlength=2/>
                    <TextField name="place" label=i.t("group-place") maxlength=120/>
                    <TextField name="capacity" label=i.t("admin-series-capacity") kind="number" maxlength=3/>
                    <button type="submit"><Icon name=IconName::Calendar/><span>{i.t("admin-series-create")}</span></button>
                </form>
                <h2>{i.t("group-meetups")}</h2>
                <ul class="results">{rows}</ul>
            </section>
        }
        .into_any()
    })
}
