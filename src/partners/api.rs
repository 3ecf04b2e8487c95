//! The data of the partner pages: the coordinator's list and one partner, the warm handover,
//! and the posters and cards (public: they show only what a poster shows).
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::{HandoverRow, Member, Partner};
use crate::accounts::model::Account;
use crate::error::AppError;
use crate::groups::model::GroupFacts;

/// A partner with its link as printed (`DOORSTART_PUBLIC_URL` + `/r/{slug}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerLink {
    pub partner: Partner,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnersPageData {
    pub me: Account,
    pub partners: Vec<PartnerLink>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerPageData {
    pub me: Account,
    pub partner: PartnerLink,
    pub members: Vec<Member>,
    /// Accounts of the role `partner` that work for no partner yet.
    pub unlinked: Vec<Member>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HandoverPageData {
    pub me: Account,
    /// The partners to choose from (a partner's account: only its own, when active).
    pub partners: Vec<Partner>,
    /// A partner's account: the partner it works for (None: not linked yet).
    pub own: Option<Partner>,
    pub groups: Vec<(String, String)>,
    pub rows: Vec<HandoverRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerPosterData {
    pub name: String,
    pub slug: String,
    pub link: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupPosterData {
    pub group: GroupFacts,
    pub link: String,
}

#[cfg(feature = "ssr")]
fn link_of(p: Partner) -> PartnerLink {
    let url = expect_context::<crate::web::PublicUrl>();
    PartnerLink {
        link: url.link(&super::model::link_path(&p.slug)),
        partner: p,
    }
}

#[server(prefix = "/api", endpoint = "admin/partners")]
pub async fn admin_partners() -> Result<PartnersPageData, AppError> {
    let (me, db) = crate::web::auth::require_coordinator().await?;
    let partners = super::store::all(&db)
        .await?
        .into_iter()
        .map(link_of)
        .collect();
    Ok(PartnersPageData { me, partners })
}

#[server(prefix = "/api", endpoint = "admin/partner")]
pub async fn admin_partner(id: String) -> Result<PartnerPageData, AppError> {
    let (me, db) = crate::web::auth::require_coordinator().await?;
    if id.len() > 64 {
        return Err(AppError::NotFound);
    }
    let partner = super::store::by_id(&db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let members = super::store::members(&db, &id).await?;
    let unlinked = super::store::unlinked(&db).await?;
    Ok(PartnerPageData {
        me,
        partner: link_of(partner),
        members,
        unlinked,
    })
}

#[server(prefix = "/api", endpoint = "admin/handover")]
pub async fn handover_data() -> Result<HandoverPageData, AppError> {
    use crate::accounts::model::Role;
    let (me, db) = crate::web::auth::require_any_role().await?;
    let (own, partners) = if me.role == Role::Partner {
        let own = super::store::partner_of(&db, &me.id).await?;
        let partners = own.iter().filter(|p| p.active).cloned().collect();
        (own, partners)
    } else {
        (None, super::store::active(&db).await?)
    };
    let groups = super::store::group_choices(&db).await?;
    let rows = super::store::handovers_by(&db, &me.id).await?;
    Ok(HandoverPageData {
        me,
        partners,
        own,
        groups,
        rows,
    })
}

/// What a partner's poster and card show; 404 for an unknown or stopped partner.
#[server(prefix = "/api", endpoint = "partners/poster")]
pub async fn partner_poster(slug: String) -> Result<PartnerPosterData, AppError> {
    let db = expect_context::<crate::db::Db>();
    let slug = super::model::Slug::parse(&slug).ok_or(AppError::NotFound)?;
    let p = super::store::active_by_slug(&db, slug.as_str())
        .await?
        .ok_or(AppError::NotFound)?;
    let link = link_of(p);
    Ok(PartnerPosterData {
        name: link.partner.name,
        slug: link.partner.slug,
        link: link.link,
    })
}

/// What a group's poster shows; 404 for an unknown or inactive group.
#[server(prefix = "/api", endpoint = "partners/group-poster")]
pub async fn group_poster(id: String) -> Result<GroupPosterData, AppError> {
    let db = expect_context::<crate::db::Db>();
    if id.len() > 64 {
        return Err(AppError::NotFound);
    }
    let group = crate::groups::store::active_by_id(&db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let url = expect_context::<crate::web::PublicUrl>();
    Ok(GroupPosterData {
        link: url.link(&format!("/groups/{}", group.id)),
        group,
    })
}

/// Who is signed in, for the page after a handover (a partner's account too).
#[server(prefix = "/api", endpoint = "admin/handover-me")]
pub async fn handover_me() -> Result<Account, AppError> {
    Ok(crate::web::auth::require_any_role().await?.0)
}
