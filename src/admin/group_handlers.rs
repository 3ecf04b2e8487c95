//! Plain form posts for groups and meetups on the facilitator side. Who may change what is
//! decided once, in the `OwnedGroup` and `OwnedMeetup` extractors (404 for anyone else).
use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::routing::post;
use axum::Router;

use super::done::{at_anchor, at_item, planned, Done};
use crate::accounts::model::Account;
use crate::accounts::store::audit;
use crate::db::Db;
use crate::groups::edit::{GroupInput, GroupTextInput, SeriesInput};
use crate::groups::postcodes;
use crate::web::form::{FieldErrors, FormState, FromForm, RawForm};
use crate::web::valid::Posted;
use crate::web::{see_other, AppState, OrNotFound, Pages, SignedIn, Valid, WebError, WebResult};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/groups/new", post(create_group))
        .route("/admin/groups/{id}", post(update_group))
        .route("/admin/groups/{id}/meetups", post(create_series))
        .route("/admin/groups/{id}/texts", post(set_text))
        .route("/admin/meetups/{id}/cancel", post(cancel_meetup))
        .route("/admin/meetups/{id}/edit", post(edit_meetup))
        .route("/admin/meetups/{id}/attendance", post(attendance))
}

/// A group at `/…/{id}` that the signed-in viewer may manage.
pub struct OwnedGroup {
    pub me: Account,
    pub id: String,
}

/// A meetup at `/…/{id}` of a group the signed-in viewer may manage.
pub struct OwnedMeetup {
    pub me: Account,
    pub id: String,
    pub group: String,
}

async fn owned(parts: &mut Parts, state: &AppState) -> Result<(Account, String), WebError> {
    let SignedIn(me) = SignedIn::from_request_parts(parts, state).await?;
    let Path(id) = Path::<String>::from_request_parts(parts, state)
        .await
        .map_err(|_| WebError::NotFound)?;
    Ok((me, id))
}

impl FromRequestParts<AppState> for OwnedGroup {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let (me, id) = owned(parts, state).await?;
        crate::groups::store::may_manage(&state.db, &me, &id)
            .await?
            .or_not_found()?;
        Ok(OwnedGroup { me, id })
    }
}

impl FromRequestParts<AppState> for OwnedMeetup {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let (me, id) = owned(parts, state).await?;
        let group = crate::meetups::store::group_of(&state.db, &id)
            .await?
            .or_not_found()?;
        crate::groups::store::may_manage(&state.db, &me, &group)
            .await?
            .or_not_found()?;
        Ok(OwnedMeetup { me, id, group })
    }
}

/// Recorded in the audit log, then on to the page that shows the result.
async fn done(db: &Db, me: &Account, action: &str, kind: &str, id: &str, then: &str) -> WebResult {
    audit(db, Some(&me.id), action, kind, id).await?;
    Ok(see_other(then))
}

/// The owner a coordinator chose: none, or an active account (else 400: no form of ours sends
/// another).
async fn chosen_owner(db: &Db, form: &RawForm) -> Result<Option<String>, WebError> {
    let Some(owner) = form.get("owner").filter(|o| !o.is_empty()) else {
        return Ok(None);
    };
    crate::accounts::store::active_by_id(db, owner)
        .await?
        .ok_or(WebError::BadRequest)?;
    Ok(Some(owner.clone()))
}

async fn create_group(
    State(db): State<Db>,
    SignedIn(me): SignedIn,
    form: Valid<GroupInput>,
) -> WebResult {
    let place = postcodes::centroid(form.value.postcode).ok_or(WebError::BadRequest)?;
    // A facilitator owns what they create; the coordinator chooses the owner.
    let owner = if me.is_coordinator() {
        chosen_owner(&db, &form.raw).await?
    } else {
        Some(me.id.clone())
    };
    let id = crate::groups::store::create_group(&db, &form.value, place, owner.as_deref()).await?;
    // On to planning its meetups, which the page says.
    let then = at_anchor(
        &format!("/admin/groups/{id}/meetups"),
        Done::GroupCreated,
        "plan",
    );
    done(&db, &me, "group-create", "group", &id, &then).await
}

async fn update_group(State(db): State<Db>, g: OwnedGroup, form: Valid<GroupInput>) -> WebResult {
    let place = postcodes::centroid(form.value.postcode).ok_or(WebError::BadRequest)?;
    let owner = match g.me.is_coordinator() {
        true => chosen_owner(&db, &form.raw).await?,
        false => None,
    };
    crate::groups::store::update_group(&db, &g.me, &g.id, &form.value, place)
        .await?
        .or_not_found()?;
    if let Some(owner) = owner {
        crate::groups::store::set_owner(&db, &g.id, &owner).await?;
    }
    let then = at_item("/admin/groups", Done::GroupSaved, "group", &g.id);
    done(&db, &g.me, "group-edit", "group", &g.id, &then).await
}

async fn create_series(State(db): State<Db>, g: OwnedGroup, form: Valid<SeriesInput>) -> WebResult {
    let s = &form.value;
    let themed = s.theme.is_some() || s.kind != Default::default() || !s.guest.is_empty();
    let times = s.times();
    for &(start, end) in &times {
        let id =
            crate::meetups::store::insert(&db, &g.id, start, end, &s.place, s.capacity).await?;
        if themed {
            crate::meetups::store::set_theme(&db, &id, s.theme, s.kind, &s.guest).await?;
        }
    }
    let then = planned(
        &format!("/admin/groups/{}/meetups", g.id),
        times.len(),
        "meetups",
    );
    done(&db, &g.me, "meetups-create", "group", &g.id, &then).await
}

/// A group's words in another language; bad input shows the group's page with the messages.
async fn set_text(State(db): State<Db>, g: OwnedGroup, posted: PostedFrom) -> WebResult {
    let page = format!("/admin/groups/{}", g.id);
    let input = posted.parse(&page, GroupTextInput::from_form).await?;
    crate::groups::store::set_text(&db, &g.id, &input).await?;
    let then = at_anchor(&page, Done::Texts, "group-texts");
    done(&db, &g.me, "group-texts", "group", &g.id, &then).await
}

fn meetups_page(m: &OwnedMeetup) -> String {
    format!("/admin/groups/{}/meetups", m.group)
}

/// Back to the group's meetups, at this meetup, saying what was done.
fn at_meetup(m: &OwnedMeetup, said: Done) -> String {
    at_item(&meetups_page(m), said, "meetup", &m.id)
}

/// Cancels a meetup only when the post says `confirm=yes` (from the page that asks first and
/// says who is told); any other post shows that page and changes nothing.
async fn cancel_meetup(
    State(db): State<Db>,
    State(pages): State<Pages>,
    m: OwnedMeetup,
    parts: Parts,
    // Not a form at all (no body): nothing is cancelled either, and the page asks.
    posted: Result<Posted, axum::response::Response>,
) -> WebResult {
    let form = posted.map(|Posted(form)| form).unwrap_or_default();
    if crate::web::form::field(&form, "confirm") != "yes" {
        return Ok(pages.render(parts, FormState::default()).await);
    }
    crate::meetups::store::cancel_meetup(&db, &m.id).await?;
    let then = at_meetup(&m, Done::MeetupCancelled);
    done(&db, &m.me, "meetup-cancel", "meetup", &m.id, &then).await
}

async fn attendance(State(db): State<Db>, m: OwnedMeetup, Posted(form): Posted) -> WebResult {
    let count = |n: &str| {
        form.get(n)
            .and_then(|v| v.trim().parse::<u32>().ok())
            .filter(|v| *v <= 500)
    };
    let (Some(adults), Some(children)) = (count("adults"), count("children")) else {
        return Err(WebError::BadRequest);
    };
    crate::meetups::store::record_attendance(&db, &m.id, adults, children).await?;
    let then = at_meetup(&m, Done::Attendance);
    done(&db, &m.me, "attendance", "meetup", &m.id, &then).await
}

/// Changes one meetup (date, time, length, place, capacity); the form is a series of one.
/// Bad input shows the page of this group's meetups with the messages at the top.
async fn edit_meetup(State(db): State<Db>, m: OwnedMeetup, posted: PostedFrom) -> WebResult {
    let series_of_one = |form: &RawForm| {
        let mut one = form.clone();
        one.insert("weeks".into(), "1".into());
        SeriesInput::from_form(&one)
    };
    let change = posted.parse(&meetups_page(&m), series_of_one).await?;
    let (start, end) = change.times()[0];
    crate::meetups::store::update_meetup(&db, &m.id, start, end, &change.place, change.capacity)
        .await?;
    crate::meetups::store::set_theme(&db, &m.id, change.theme, change.kind, &change.guest).await?;
    let then = at_meetup(&m, Done::MeetupSaved);
    done(&db, &m.me, "meetup-edit", "meetup", &m.id, &then).await
}

/// A form that lives on another page than its own address: parsed, or that page again with
/// what was posted and what was wrong.
struct PostedFrom {
    pages: Pages,
    parts: Parts,
    form: RawForm,
}

impl FromRequest<AppState> for PostedFrom {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, WebError> {
        let (parts, form) = crate::web::valid::head_and_form(req, state).await?;
        let pages = state.pages.clone();
        Ok(PostedFrom { pages, parts, form })
    }
}

impl PostedFrom {
    async fn parse<T>(
        self,
        page: &str,
        parse: impl FnOnce(&RawForm) -> Result<T, FieldErrors>,
    ) -> Result<T, WebError> {
        let errors = match parse(&self.form) {
            Ok(value) => return Ok(value),
            Err(errors) => errors,
        };
        let mut parts = self.parts;
        if let Ok(uri) = page.parse() {
            parts.uri = uri;
        }
        let again = FormState::again(self.form, errors);
        Err(self.pages.form_again(parts, again).await.into())
    }
}
