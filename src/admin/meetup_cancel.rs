//! "Cancel this meetup?" (`/admin/meetups/{id}/cancel`): the facilitator's button leads here
//! first. The page says which meetup, how many people said they come and that they are told;
//! only its own form (`confirm=yes`) cancels. Works without JavaScript.
use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::meetups::store_types::ManagedMeetup;
use crate::ui::{Icon, IconName};

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MeetupCancelData {
    pub coordinator: bool,
    pub group_id: String,
    pub group_name: String,
    pub meetup: ManagedMeetup,
}

/// One meetup of a group the signed-in viewer may manage (404 for anyone else).
#[server(prefix = "/api", endpoint = "admin/meetup-cancel")]
pub async fn admin_meetup(id: String) -> Result<MeetupCancelData, AppError> {
    let (me, db) = crate::web::auth::require().await?;
    if id.len() > 64 {
        return Err(AppError::NotFound);
    }
    let group_id = crate::meetups::store::group_of(&db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    // The same ownership rule as the meetups page: no values, no page.
    let values = crate::groups::store::group_form_values(&db, &me, &group_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let meetup = crate::meetups::store::managed_meetups(&db, &group_id)
        .await?
        .into_iter()
        .find(|m| m.meetup.id == id)
        .ok_or(AppError::NotFound)?;
    Ok(MeetupCancelData {
        coordinator: me.is_coordinator(),
        group_name: values.get("name").cloned().unwrap_or_default(),
        group_id,
        meetup,
    })
}

#[component]
pub fn MeetupCancelPage() -> impl IntoView {
    let (i, id) = (use_i18n(), crate::ui::param("id"));
    crate::ui::loaded(admin_meetup(id.clone()), move |data| {
        let m = &data.meetup;
        let when = i.t_args(
            "meetup-when",
            &[
                ("date", i.date(m.meetup.starts_at)),
                ("start", i.clock(m.meetup.starts_at)),
                ("end", i.clock(m.meetup.ends_at)),
            ],
        );
        let coming = i.t_args(
            "admin-meetup-coming",
            &[
                ("adults", m.coming_adults.to_string()),
                ("children", m.coming_children.to_string()),
                ("waiting", m.waiting.to_string()),
            ],
        );
        let back = format!(
            "/admin/groups/{}/meetups#meetup-{}",
            data.group_id, m.meetup.id
        );
        let action = format!("/admin/meetups/{id}/cancel");
        let body = if m.meetup.cancelled {
            view! { <p class="notice" role="status">{i.t("meetup-is-cancelled")}</p> }.into_any()
        } else {
            view! {
                <p>{i.t("admin-meetup-cancel-told")}</p>
                {crate::ui::mail_on().then(|| view! { <p>{i.t("admin-meetup-cancel-mailed")}</p> })}
                <form method="post" action=action class="confirm-actions">
                    <input type="hidden" name="confirm" value="yes"/>
                    <button type="submit"><Icon name=IconName::Check/><span>{i.t("admin-meetup-cancel-yes")}</span></button>
                </form>
            }
            .into_any()
        };
        view! {
            <Title text=i.t("admin-meetup-cancel-title")/>
            <section class="page narrow confirm-page">
                <crate::ui::AdminNav coordinator=data.coordinator/>
                <h1>{i.t("admin-meetup-cancel-title")}</h1>
                <ul class="facts">
                    <li><Icon name=IconName::Users/><span><bdi>{data.group_name.clone()}</bdi></span></li>
                    <li><Icon name=IconName::Calendar/><span>{when}</span></li>
                    <li><Icon name=IconName::Pin/><span><bdi>{m.meetup.place.clone()}</bdi></span></li>
                    <li><Icon name=IconName::Child/><span>{coming}</span></li>
                </ul>
                {body}
                <p class="confirm-actions">
                    <a class="button secondary" href=back><Icon name=IconName::Undo/><span>{i.t("admin-meetup-cancel-no")}</span></a>
                </p>
            </section>
        }
        .into_any()
    })
}
