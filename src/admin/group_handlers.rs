//! Plain form posts for groups and meetups on the facilitator side; each checks ownership.
use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::Form;
use tower_sessions::Session;

use super::{auth, model::Account, store};
use crate::error::AppError;
use crate::groups::edit::{GroupInput, SeriesInput};
use crate::groups::postcodes;
use crate::server::{render_form_again, see_other, AppState};
use crate::ui::forms::FormState;

/// Ok when the viewer may manage the group; a 404 answer otherwise.
async fn managed(state: &AppState, me: &Account, group_id: &str) -> Result<(), Response> {
    match crate::groups::store::may_manage(&state.db, me, group_id).await {
        Ok(true) => Ok(()),
        Ok(false) => Err(AppError::NotFound.into_response()),
        Err(e) => Err(AppError::from(e).into_response()),
    }
}

fn known(p: crate::groups::model::Postcode) -> bool {
    postcodes::centroid(p).is_some()
}

pub async fn create_group(
    State(state): State<AppState>,
    session: Session,
    parts: Parts,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let me = match auth::account_or_sign_in(&session, &state.db).await {
        Ok(a) => a,
        Err(res) => return res,
    };
    let input = match GroupInput::parse(&form, known) {
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
    let place = postcodes::centroid(input.postcode).expect("checked in parse");
    // A facilitator owns what they create; the coordinator chooses the owner.
    let owner = if me.is_coordinator() {
        form.get("owner").filter(|o| !o.is_empty()).cloned()
    } else {
        Some(me.id.clone())
    };
    match crate::groups::store::create_group(&state.db, &input, place, owner.as_deref()).await {
        Ok(id) => {
            let _ = store::audit(&state.db, Some(&me.id), "group-create", "group", &id).await;
            see_other(&format!("/admin/groups/{id}/meetups"))
        }
        Err(e) => AppError::from(e).into_response(),
    }
}

pub async fn update_group(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    parts: Parts,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let me = match auth::account_or_sign_in(&session, &state.db).await {
        Ok(a) => a,
        Err(res) => return res,
    };
    if let Err(res) = managed(&state, &me, &id).await {
        return res;
    }
    let input = match GroupInput::parse(&form, known) {
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
    let place = postcodes::centroid(input.postcode).expect("checked in parse");
    match crate::groups::store::update_group(&state.db, &me, &id, &input, place).await {
        Ok(true) => {
            if me.is_coordinator() {
                if let Some(owner) = form.get("owner").filter(|o| !o.is_empty()) {
                    let _ = crate::groups::store::set_owner(&state.db, &id, owner).await;
                }
            }
            let _ = store::audit(&state.db, Some(&me.id), "group-edit", "group", &id).await;
            see_other("/admin/groups")
        }
        Ok(false) => AppError::NotFound.into_response(),
        Err(e) => AppError::from(e).into_response(),
    }
}

pub async fn create_series(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    parts: Parts,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let me = match auth::account_or_sign_in(&session, &state.db).await {
        Ok(a) => a,
        Err(res) => return res,
    };
    if let Err(res) = managed(&state, &me, &id).await {
        return res;
    }
    let series = match SeriesInput::parse(&form) {
        Ok(s) => s,
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
    for (start, end) in series.times() {
        if let Err(e) = crate::meetups::store::insert(
            &state.db,
            &id,
            start,
            end,
            &series.place,
            series.capacity,
        )
        .await
        {
            return AppError::from(e).into_response();
        }
    }
    let _ = store::audit(&state.db, Some(&me.id), "meetups-create", "group", &id).await;
    see_other(&format!("/admin/groups/{id}/meetups"))
}

/// The group of a meetup the viewer may manage.
async fn owned_meetup_group(
    state: &AppState,
    me: &Account,
    meetup_id: &str,
) -> Result<String, Response> {
    let group = match crate::meetups::store::group_of(&state.db, meetup_id).await {
        Ok(Some(g)) => g,
        Ok(None) => return Err(AppError::NotFound.into_response()),
        Err(e) => return Err(AppError::from(e).into_response()),
    };
    managed(state, me, &group).await.map(|()| group)
}

pub async fn cancel_meetup(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
) -> Response {
    let me = match auth::account_or_sign_in(&session, &state.db).await {
        Ok(a) => a,
        Err(res) => return res,
    };
    let group = match owned_meetup_group(&state, &me, &id).await {
        Ok(g) => g,
        Err(res) => return res,
    };
    match crate::meetups::store::cancel_meetup(&state.db, &id).await {
        Ok(_) => {
            let _ = store::audit(&state.db, Some(&me.id), "meetup-cancel", "meetup", &id).await;
            see_other(&format!("/admin/groups/{group}/meetups"))
        }
        Err(e) => AppError::from(e).into_response(),
    }
}

pub async fn attendance(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let me = match auth::account_or_sign_in(&session, &state.db).await {
        Ok(a) => a,
        Err(res) => return res,
    };
    let group = match owned_meetup_group(&state, &me, &id).await {
        Ok(g) => g,
        Err(res) => return res,
    };
    let count = |n: &str| {
        form.get(n)
            .and_then(|v| v.trim().parse::<u32>().ok())
            .filter(|v| *v <= 500)
    };
    let (Some(adults), Some(children)) = (count("adults"), count("children")) else {
        return AppError::Invalid("bad-request".into()).into_response();
    };
    match crate::meetups::store::record_attendance(&state.db, &id, adults, children).await {
        Ok(()) => {
            let _ = store::audit(&state.db, Some(&me.id), "attendance", "meetup", &id).await;
            see_other(&format!("/admin/groups/{group}/meetups"))
        }
        Err(e) => AppError::from(e).into_response(),
    }
}

/// Changes one meetup (date, time, length, place, capacity); the form is a series of one.
pub async fn edit_meetup(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<String>,
    parts: Parts,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let me = match auth::account_or_sign_in(&session, &state.db).await {
        Ok(a) => a,
        Err(res) => return res,
    };
    let group = match owned_meetup_group(&state, &me, &id).await {
        Ok(g) => g,
        Err(res) => return res,
    };
    let mut one = form.clone();
    one.insert("weeks".into(), "1".into());
    let change = match SeriesInput::parse(&one) {
        Ok(s) => s,
        Err(errors) => {
            // The page of this group's meetups, with the messages at the top.
            let mut parts = parts;
            if let Ok(uri) = format!("/admin/groups/{group}/meetups").parse() {
                parts.uri = uri;
            }
            return render_form_again(
                &state,
                parts,
                FormState {
                    values: form,
                    errors,
                },
            )
            .await;
        }
    };
    let (start, end) = change.times()[0];
    match crate::meetups::store::update_meetup(
        &state.db,
        &id,
        start,
        end,
        &change.place,
        change.capacity,
    )
    .await
    {
        Ok(()) => {
            let _ = store::audit(&state.db, Some(&me.id), "meetup-edit", "meetup", &id).await;
            see_other(&format!("/admin/groups/{group}/meetups"))
        }
        Err(e) => AppError::from(e).into_response(),
    }
}
