//! The partner link (`/r/{slug}`: remember the partner, count the visit, go home), the QR codes
//! of a partner's link and of a group, the coordinator's changes to partners, and the warm
//! handover.
use axum::extract::{Path, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;

use super::model::{ref_cookie, HandoverInput, PartnerInput, Place, Slug};
use super::store::{self, Saved};
use crate::accounts::model::Role;
use crate::accounts::store::audit;
use crate::db::{Db, Stored};
use crate::groups::join::JoinInput;
use crate::i18n::k;
use crate::security::tokens::derive_token;
use crate::web::client::Client;
use crate::web::form::{FieldErrors, FormState, RawForm};
use crate::web::valid::already_sent;
use crate::web::{
    see_other, AnyRole, AppState, Coordinator, OrNotFound, Pages, PublicUrl, Valid, WebError,
    WebResult,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/r/{slug}", get(partner_link))
        .route("/r/{slug}/qr.svg", get(partner_qr))
        .route("/groups/{id}/qr.svg", get(group_qr))
        .route("/admin/partners", post(create))
        .route("/admin/partners/{id}", post(update))
        .route("/admin/partners/{id}/stop", post(stop))
        .route("/admin/partners/{id}/start", post(start))
        .route("/admin/partners/{id}/members", post(link_member))
        .route(
            "/admin/partners/{id}/members/{account}/remove",
            post(unlink_member),
        )
        .route("/admin/handover", post(hand_over))
}

/// An id from a path: ours are short; anything longer is nobody's.
fn short(id: &str) -> Result<(), WebError> {
    (id.len() <= 64).or_not_found()
}

/// `GET /r/{slug}`: a partner's link. Remembers the partner in a cookie of its own for a few
/// days (the join form then has it chosen), counts the visit once per client and day, and
/// answers 303 to the home page. A stopped partner's link goes home and counts nothing; an
/// unknown one is 404.
async fn partner_link(
    State(db): State<Db>,
    client: Client,
    Path(slug): Path<String>,
    parts: Parts,
) -> WebResult {
    let slug = Slug::parse(&slug).or_not_found()?;
    let partner = store::by_slug(&db, slug.as_str()).await?.or_not_found()?;
    if !partner.active {
        return Ok(see_other("/"));
    }
    let day = crate::time::day_number(db.now());
    let what = format!("partner:{}", partner.id);
    if crate::security::once::first_today(&db, client.0, &what, day).await? {
        store::count_visit(&db, &partner.id).await?;
    }
    let secure = parts
        .extensions
        .get::<crate::security::OverHttps>()
        .is_some_and(|h| h.0);
    let mut res = see_other("/");
    let headers = res.headers_mut();
    if let Ok(cookie) = ref_cookie(&slug, secure).parse() {
        headers.append(header::SET_COOKIE, cookie);
    }
    headers.insert(header::CACHE_CONTROL, "no-store".parse().expect("a header"));
    Ok(res)
}

/// An SVG QR code as a file.
fn svg_file(text: &str) -> WebResult {
    let svg = super::qr::svg(text).ok_or(WebError::Internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        svg,
    )
        .into_response())
}

/// `GET /r/{slug}/qr.svg`: the QR code of `DOORSTART_PUBLIC_URL` + `/r/{slug}` (active partners).
async fn partner_qr(
    State(db): State<Db>,
    State(public_url): State<PublicUrl>,
    Path(slug): Path<String>,
) -> WebResult {
    let slug = Slug::parse(&slug).or_not_found()?;
    let partner = store::active_by_slug(&db, slug.as_str())
        .await?
        .or_not_found()?;
    svg_file(&public_url.link(&super::model::link_path(&partner.slug)))
}

/// `GET /groups/{id}/qr.svg`: the QR code of `DOORSTART_PUBLIC_URL` + `/groups/{id}`.
async fn group_qr(
    State(db): State<Db>,
    State(public_url): State<PublicUrl>,
    Path(id): Path<String>,
) -> WebResult {
    short(&id)?;
    let group = crate::groups::store::active_by_id(&db, &id)
        .await?
        .or_not_found()?;
    svg_file(&public_url.link(&format!("/groups/{}", group.id)))
}

/// The form again with one message (400).
async fn again(
    pages: &Pages,
    parts: Parts,
    raw: RawForm,
    field: &str,
    key: &'static str,
) -> WebError {
    pages
        .form_again(parts, FormState::again(raw, FieldErrors::one(field, key)))
        .await
        .into()
}

async fn saved(
    db: &Db,
    pages: &Pages,
    me: &crate::accounts::model::Account,
    result: Saved,
    action: &str,
    form: Valid<PartnerInput>,
) -> WebResult {
    match result {
        Saved::Done(id) => {
            audit(db, Some(&me.id), action, "partner", &id).await?;
            Ok(see_other(&format!("/admin/partners/{id}?saved=1")))
        }
        Saved::SlugTaken => {
            Err(again(pages, form.parts, form.raw, "slug", k("partner-slug-taken")).await)
        }
        Saved::NotFound => Err(WebError::NotFound),
    }
}

async fn create(
    State(db): State<Db>,
    State(pages): State<Pages>,
    Coordinator(me): Coordinator,
    form: Valid<PartnerInput>,
) -> WebResult {
    let result = store::create(&db, &form.value).await?;
    saved(&db, &pages, &me, result, "partner-create", form).await
}

async fn update(
    State(db): State<Db>,
    State(pages): State<Pages>,
    Coordinator(me): Coordinator,
    Path(id): Path<String>,
    form: Valid<PartnerInput>,
) -> WebResult {
    short(&id)?;
    let result = store::update(&db, &id, &form.value).await?;
    saved(&db, &pages, &me, result, "partner-update", form).await
}

async fn set_active(
    db: &Db,
    me: &crate::accounts::model::Account,
    id: &str,
    on: bool,
) -> WebResult {
    short(id)?;
    store::set_active(db, id, on).await?.or_not_found()?;
    let action = if on { "partner-start" } else { "partner-stop" };
    audit(db, Some(&me.id), action, "partner", id).await?;
    Ok(see_other(&format!("/admin/partners/{id}")))
}

async fn stop(
    State(db): State<Db>,
    Coordinator(me): Coordinator,
    Path(id): Path<String>,
) -> WebResult {
    set_active(&db, &me, &id, false).await
}

async fn start(
    State(db): State<Db>,
    Coordinator(me): Coordinator,
    Path(id): Path<String>,
) -> WebResult {
    set_active(&db, &me, &id, true).await
}

/// The coordinator links an account of the role `partner` to this partner.
async fn link_member(
    State(db): State<Db>,
    Coordinator(me): Coordinator,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<RawForm>,
) -> WebResult {
    short(&id)?;
    let account = crate::web::form::field(&form, "account");
    short(account)?;
    store::link(&db, &id, account).await?.or_not_found()?;
    audit(&db, Some(&me.id), "partner-member-link", "account", account).await?;
    Ok(see_other(&format!("/admin/partners/{id}")))
}

async fn unlink_member(
    State(db): State<Db>,
    Coordinator(me): Coordinator,
    Path((id, account)): Path<(String, String)>,
) -> WebResult {
    short(&id)?;
    store::unlink(&db, &id, &account).await?.or_not_found()?;
    audit(
        &db,
        Some(&me.id),
        "partner-member-unlink",
        "account",
        &account,
    )
    .await?;
    Ok(see_other(&format!("/admin/partners/{id}")))
}

/// The nearest active in-person group within 10 km of a postcode: one whose ages fit the child's
/// first, when an age is given, else the nearest (a child of 3 is handed over before turning 4).
async fn nearest_group(
    db: &Db,
    postcode: crate::groups::model::Postcode,
    child_age: Option<u8>,
) -> Result<Option<String>, sqlx::Error> {
    use crate::groups::model::{distance_km, CLOSE_KM};
    let Some(here) = crate::groups::postcodes::centroid(postcode) else {
        return Ok(None);
    };
    let near = crate::groups::store::candidates_near(db, here.lat, here.lon, CLOSE_KM).await?;
    Ok(near
        .into_iter()
        .map(|c| {
            let misfit = child_age.is_some_and(|a| !(c.age_min..=c.age_max).contains(&a));
            (misfit, distance_km(here.lat, here.lon, c.lat, c.lon), c.id)
        })
        .filter(|(_, km, _)| *km <= CLOSE_KM)
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
        .map(|(_, _, id)| id))
}

/// The warm handover: with the parent's yes (else the form does not parse: 400 with the
/// reason, nothing stored), a join request with the partner as referral, its handover row and
/// an audit entry. The answer is the page with the parent's status link to keep (never a
/// redirect: the link does not go into this device's history).
async fn hand_over(
    State(db): State<Db>,
    State(pages): State<Pages>,
    State(public_url): State<PublicUrl>,
    AnyRole(me): AnyRole,
    form: Valid<HandoverInput>,
) -> WebResult {
    let v = &form.value;
    let partner = if me.role == Role::Partner {
        store::partner_of(&db, &me.id).await?
    } else if v.partner.is_empty() {
        None
    } else {
        store::by_id(&db, &v.partner).await?
    };
    let Some(partner) = partner.filter(|p| p.active) else {
        let key = k("handover-partner-missing");
        return Err(again(&pages, form.parts, form.raw, "partner", key).await);
    };
    let group = match &v.place {
        Place::Group(id) => crate::groups::store::active_by_id(&db, id)
            .await?
            .map(|g| g.id),
        Place::Near(postcode) => nearest_group(&db, *postcode, v.child_age).await?,
    };
    let Some(group) = group else {
        let (field, key) = match v.place {
            Place::Group(_) => ("group", k("handover-group-gone")),
            Place::Near(_) => ("pc4", k("handover-no-group-near")),
        };
        return Err(again(&pages, form.parts, form.raw, field, key).await);
    };
    // The status link is made here from the form's one-time key, as for a parent's own request.
    let token = derive_token(&db.pepper().await?, "join", &v.token);
    let input = JoinInput {
        token: token.clone(),
        first_name: v.first_name.clone(),
        contact: v.contact.clone(),
        language: v.language.clone(),
        children: None,
        child_ages: v.child_age.into_iter().collect(),
        referral: "professional".into(),
    };
    let (stored, request) =
        store::hand_over(&db, &me.id, &partner.id, &group, &token, &input).await?;
    if stored == Stored::Taken {
        return Err(already_sent(&pages, form).await);
    }
    if let Some(request) = &request {
        audit(&db, Some(&me.id), "handover", "join_request", request).await?;
    }
    let link = public_url.link(&format!("/join/{token}"));
    let mut state = FormState::showing("status_link", link.clone());
    state.values.insert("language".into(), v.language.clone());
    state.values.insert(
        "status_qr".into(),
        super::qr::svg(&link).unwrap_or_default(),
    );
    let mut parts = form.parts;
    parts.uri = "/admin/handover/done"
        .parse()
        .map_err(|_| WebError::Internal)?;
    Ok(pages.render(parts, state).await)
}
