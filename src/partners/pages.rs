//! The partner pages: the coordinator's list (`/admin/partners`) and one partner
//! (`/admin/partners/{id}`), the warm handover (`/admin/handover` and the page after it), and the
//! printable posters (`/groups/{id}/poster`, `/r/{slug}/poster`) and card (`/r/{slug}/card`).
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::api::{
    admin_partner, admin_partners, group_poster, handover_data, handover_me, partner_poster,
    GroupPosterData, HandoverPageData, PartnerLink, PartnerPageData, PartnerPosterData,
    PartnersPageData,
};
use super::model::{poster_langs, poster_query, toggled, Partner, PartnerKind};
use crate::groups::model::{clock_time, Audience, GroupFacts, Rhythm, GROUP_LANGUAGES};
use crate::i18n::{k, language_name_key, use_i18n, I18n, Lang};
use crate::ui::forms::{
    form_token, language_options, no_store, select_options, use_form_state, Choice, ErrorSummary,
    FieldError, TextField,
};
use crate::ui::{AdminNav, AdminPage, DataTable, Icon, IconName};

// ---- The coordinator's partners.

fn kind_options(i: &I18n) -> Vec<(String, String)> {
    PartnerKind::ALL
        .into_iter()
        .map(|kind| (kind.as_str().to_string(), i.t(kind.key())))
        .collect()
}

/// The add/change form, filled from what was posted, else from the partner being changed.
#[component]
fn PartnerForm(action: String, editing: Option<Partner>, submit: String) -> impl IntoView {
    let i = use_i18n();
    let mut state = use_form_state();
    if state.values.is_empty() {
        if let Some(p) = &editing {
            for (name, value) in [
                ("name", p.name.clone()),
                ("kind", p.kind.as_str().to_string()),
                ("contact", p.contact.clone()),
                ("slug", p.slug.clone()),
            ] {
                state.values.insert(name.to_string(), value);
            }
            provide_context(state.clone());
        }
    }
    view! {
        <ErrorSummary/>
        <form method="post" action=action novalidate=true class="partner-form">
            <TextField name="name" label=i.t("partner-name-label") hint=i.t("partner-name-hint") maxlength=super::model::NAME_MAX/>
            <Choice name="kind" label=i.t("partner-kind-label") options=kind_options(&i) default="young-mothers"/>
            <TextField name="contact" label=i.t("partner-contact-label") hint=i.t("partner-contact-hint") maxlength=super::model::CONTACT_MAX/>
            <TextField name="slug" label=i.t("partner-slug-label") hint=i.t("partner-slug-hint") maxlength=super::model::SLUG_MAX ltr=true/>
            <button type="submit"><Icon name=IconName::Check/><span>{submit}</span></button>
        </form>
    }
}

/// The ways to print or share a partner's link.
fn print_links(i: &I18n, slug: &str) -> impl IntoView {
    let poster = format!("/r/{slug}/poster");
    let card = format!("/r/{slug}/card");
    let qr = format!("/r/{slug}/qr.svg");
    view! {
        <span class="partner-links">
            <a href=poster><Icon name=IconName::Print/><span>{i.t("partner-poster")}</span></a>
            <a href=card><Icon name=IconName::Document/><span>{i.t("partner-card")}</span></a>
            <a href=qr download=""><Icon name=IconName::Share/><span>{i.t("partner-qr")}</span></a>
        </span>
    }
}

fn state_text(i: &I18n, active: bool) -> String {
    i.t(if active {
        k("partner-active")
    } else {
        k("partner-stopped")
    })
}

#[component]
pub fn PartnersAdminPage() -> impl IntoView {
    let i = use_i18n();
    crate::ui::loaded(
        admin_partners(),
        move |PartnersPageData { partners, .. }| {
            let rows = partners
                .into_iter()
                .map(|PartnerLink { partner: p, link }| {
                    let edit = format!("/admin/partners/{}", p.id);
                    let class = if p.active { "" } else { "stopped" };
                    view! {
                        <tr class=class>
                            <td><a href=edit><bdi>{p.name.clone()}</bdi></a></td>
                            <td>{i.t(p.kind.key())}</td>
                            <td><bdi dir="ltr">{link}</bdi></td>
                            <td>{state_text(&i, p.active)}</td>
                            <td>{p.active.then(|| print_links(&i, &p.slug))}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
            <AdminPage title=i.t("partners-title") coordinator=true>
                <p class="lead">{i.t("partners-intro")}</p>
                <DataTable label=i.t("partners-title") heads=vec![
                    i.t("partner-name-label"), i.t("partner-kind-label"), i.t("partner-link"),
                    i.t("partner-state"), i.t("partner-print"),
                ]>{rows}</DataTable>
                <section aria-labelledby="new-partner">
                    <h2 id="new-partner">{i.t("partner-new-heading")}</h2>
                    <PartnerForm action="/admin/partners".into() editing=None submit=i.t("partner-add")/>
                </section>
                <p><a href="/admin/handover"><Icon name=IconName::Users/><span>{i.t("handover-title")}</span></a></p>
            </AdminPage>
        }
        .into_any()
        },
    )
}

#[component]
pub fn PartnerAdminPage() -> impl IntoView {
    let i = use_i18n();
    let id = crate::ui::param("id");
    let saved = use_query_map().get_untracked().get("saved").is_some();
    crate::ui::loaded(
        admin_partner(id),
        move |PartnerPageData {
                  partner: PartnerLink { partner: p, link },
                  members,
                  unlinked,
                  ..
              }| {
            let action = format!("/admin/partners/{}", p.id);
            let toggle = if p.active {
                (
                    format!("/admin/partners/{}/stop", p.id),
                    i.t("partner-stop"),
                )
            } else {
                (
                    format!("/admin/partners/{}/start", p.id),
                    i.t("partner-start"),
                )
            };
            let members_list = members
                .into_iter()
                .map(|m| {
                    let remove = format!("/admin/partners/{}/members/{}/remove", p.id, m.id);
                    view! {
                        <li>
                            <bdi>{m.name}</bdi>" "<bdi dir="ltr">"<"{m.email}">"</bdi>
                            <form method="post" action=remove class="inline">
                                <button type="submit" class="secondary"><Icon name=IconName::Exit/><span>{i.t("partner-member-remove")}</span></button>
                            </form>
                        </li>
                    }
                })
                .collect_view();
            let link_form = (!unlinked.is_empty()).then(|| {
                let options = select_options(
                    unlinked.into_iter().map(|m| (m.id, format!("{} <{}>", m.name, m.email))),
                    "",
                );
                let to = format!("/admin/partners/{}/members", p.id);
                view! {
                    <form method="post" action=to>
                        <div class="field">
                            <label for="account">{i.t("partner-member-add-label")}</label>
                            <select id="account" name="account">{options}</select>
                        </div>
                        <button type="submit"><Icon name=IconName::Key/><span>{i.t("partner-member-add")}</span></button>
                    </form>
                }
            });
            let title = p.name.clone();
            view! {
                <AdminPage title=title coordinator=true narrow=true>
                    {saved.then(|| view! { <p class="notice" role="status">{i.t("partner-saved")}</p> })}
                    <p>{i.t(p.kind.key())}" · "{state_text(&i, p.active)}</p>
                    <p>{i.t("partner-link")}": "<bdi dir="ltr">{link}</bdi></p>
                    {p.active.then(|| view! { <p>{print_links(&i, &p.slug)}</p> })}
                    <form method="post" action=toggle.0>
                        <p class="hint">{i.t("partner-stop-hint")}</p>
                        <button type="submit" class="secondary"><Icon name=IconName::Exit/><span>{toggle.1}</span></button>
                    </form>
                    <h2>{i.t("partner-change-heading")}</h2>
                    <PartnerForm action=action editing=Some(p) submit=i.t("partner-save")/>
                    <h2>{i.t("partner-members-heading")}</h2>
                    <p>{i.t("partner-members-intro")}</p>
                    <ul class="members">{members_list}</ul>
                    {link_form}
                    <p><a href="/admin/partners">{i.t("partners-back")}</a></p>
                </AdminPage>
            }
            .into_any()
        },
    )
}

// ---- The warm handover.

/// The menu of a partner's account: its one task, and signing out.
#[component]
fn PartnerNav() -> impl IntoView {
    let i = use_i18n();
    view! {
        <nav class="admin-nav" aria-label=i.t("admin-nav-label")>
            <a href="/admin/handover"><Icon name=IconName::Users/><span>{i.t("handover-title")}</span></a>
            <form method="post" action="/admin/logout">
                <button type="submit" class="secondary"><Icon name=IconName::Exit/><span>{i.t("admin-sign-out")}</span></button>
            </form>
        </nav>
    }
}

/// The menu for whoever is signed in: a partner's account sees only its own.
fn nav_for(me: &crate::accounts::model::Account) -> AnyView {
    if me.role == crate::accounts::model::Role::Partner {
        view! { <PartnerNav/> }.into_any()
    } else {
        view! { <AdminNav coordinator=me.is_coordinator()/> }.into_any()
    }
}

fn status_text(i: &I18n, status: Option<&str>) -> String {
    i.t(match status {
        Some("received") => k("handover-status-received"),
        Some("contacted") => k("handover-status-contacted"),
        Some("joined") => k("handover-status-joined"),
        Some("not_joined") => k("handover-status-not-joined"),
        _ => k("handover-status-closed"),
    })
}

/// The parent's language for the handover: what was posted, else `?language=`, else Dutch.
fn parent_language() -> Lang {
    let posted = use_form_state().value("language");
    let asked = use_query_map()
        .get_untracked()
        .get("language")
        .unwrap_or_default();
    [posted, asked]
        .into_iter()
        .filter(|c| GROUP_LANGUAGES.contains(&c.as_str()))
        .find_map(|c| Lang::parse(&c))
        .unwrap_or(Lang::Nl)
}

/// The sentence read to the parent, in their language, with the Dutch for the professional.
#[component]
fn ConsentSentence(lang: Lang) -> impl IntoView {
    let i = use_i18n();
    let theirs = I18n { lang }.t("handover-consent-sentence");
    let dutch = (lang != Lang::Nl).then(|| {
        let nl = I18n { lang: Lang::Nl }.t("handover-consent-sentence");
        view! { <p class="hint" lang="nl" dir="ltr">{i.t("handover-consent-in-dutch")}" "{nl}</p> }
    });
    view! {
        <div class="consent-sentence" id="consent-sentence">
            <h2>{i.t("handover-consent-heading")}</h2>
            <p class="read-aloud" lang=lang.code() dir=lang.dir()>{theirs}</p>
            {dutch}
        </div>
    }
}

fn handover_view(i: I18n, data: HandoverPageData) -> AnyView {
    let HandoverPageData {
        me,
        partners,
        own,
        groups,
        rows,
    } = data;
    let is_partner = me.role == crate::accounts::model::Role::Partner;
    let lang = parent_language();
    let state = use_form_state();
    let can = !partners.is_empty();
    let rows = rows
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <td>{i.date(r.created_at)}</td>
                    <td><bdi>{r.partner_name}</bdi></td>
                    <td><bdi>{r.group_name}</bdi></td>
                    <td>{status_text(&i, r.status.as_deref())}</td>
                </tr>
            }
        })
        .collect_view();
    let partner_field = if is_partner {
        own.as_ref().map(|p| {
            view! { <p>{i.t("handover-for-partner")}" "<strong><bdi>{p.name.clone()}</bdi></strong></p> }.into_any()
        })
    } else {
        let options = partners
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect::<Vec<_>>();
        let chosen = state.value("partner");
        Some(
            view! {
                <div class="field" id="partner-field">
                    <label for="partner">{i.t("handover-partner-label")}</label>
                    <FieldError field="partner"/>
                    <select id="partner" name="partner">{select_options(options, &chosen)}</select>
                </div>
            }
            .into_any(),
        )
    };
    let group_chosen = state.value("group");
    let group_options = select_options(groups, &group_chosen);
    let language_choice = language_options(&i, &GROUP_LANGUAGES, lang.code());
    let form = can.then(|| view! {
        <form method="get" action="/admin/handover" class="language-step">
            <div class="field">
                <label for="pick-language">{i.t("handover-language-label")}</label>
                <select id="pick-language" name="language">{language_choice}</select>
            </div>
            <button type="submit" class="secondary"><Icon name=IconName::Globe/><span>{i.t("handover-language-show")}</span></button>
        </form>
        <ConsentSentence lang=lang/>
        <ErrorSummary/>
        <form method="post" action="/admin/handover" novalidate=true class="handover-form">
            <FieldError field="form" id="form"/>
            <input type="hidden" name="token" value=form_token()/>
            <input type="hidden" name="language" value=lang.code()/>
            <p>{i.t("handover-language-chosen")}" "<strong>{i.t(language_name_key(lang.code()))}</strong></p>
            {partner_field}
            <TextField name="first_name" label=i.t("handover-name-label") autocomplete="off" maxlength=crate::groups::join::NAME_MAX/>
            <TextField name="reach" label=i.t("handover-reach-label") hint=i.t("handover-reach-hint") maxlength=254 ltr=true/>
            <TextField name="child_age" label=i.t("handover-age-label") hint=i.t("optional") kind="number" maxlength=2/>
            <fieldset class="field" id="place">
                <legend>{i.t("handover-place-legend")}</legend>
                <FieldError field="place"/>
                <div class="field">
                    <label for="group">{i.t("handover-group-label")}</label>
                    <FieldError field="group"/>
                    <select id="group" name="group">
                        <option value="">{i.t("handover-group-none")}</option>
                        {group_options}
                    </select>
                </div>
                <TextField name="pc4" label=i.t("handover-pc4-label") hint=i.t("handover-pc4-hint") maxlength=10 ltr=true/>
            </fieldset>
            <div class="field check" id="consent">
                <FieldError field="consent"/>
                <input type="checkbox" id="consent-box" name="consent" value="yes"/>
                <label for="consent-box">{i.t("handover-consent-label")}</label>
            </div>
            <button type="submit"><Icon name=IconName::Users/><span>{i.t("handover-submit")}</span></button>
        </form>
    });
    let missing = (!can).then(|| {
        let key = if is_partner {
            k("handover-not-linked")
        } else {
            k("handover-no-partners")
        };
        view! { <p class="notice" role="status"><Icon name=IconName::Info/><span>{i.t(key)}</span></p> }
    });
    view! {
        <Title text=i.t("handover-title")/>
        <section class="page narrow">
            {nav_for(&me)}
            <h1>{i.t("handover-title")}</h1>
            <p class="lead">{i.t("handover-intro")}</p>
            {missing}
            {form}
            <section>
                <h2 id="handovers-heading">{i.t("handover-list-heading")}</h2>
                <p class="hint">{i.t("handover-list-intro")}</p>
                <DataTable labelled_by="handovers-heading" heads=vec![
                    i.t("handover-list-date"), i.t("handover-list-partner"),
                    i.t("handover-list-group"), i.t("handover-list-status"),
                ]>{rows}</DataTable>
            </section>
        </section>
    }
    .into_any()
}

#[component]
pub fn HandoverPage() -> impl IntoView {
    let i = use_i18n();
    // The form carries its one-time key: not for a shared cache or the back button.
    no_store();
    crate::ui::loaded(handover_data(), move |data| handover_view(i, data))
}

/// The lines the parent keeps, in one language.
fn keep_lines(lang: Lang) -> impl IntoView {
    let p = I18n { lang };
    view! {
        <div class="keep-lines" lang=lang.code() dir=lang.dir()>
            <p><strong>{p.t("handover-keep-heading")}</strong></p>
            <p>{p.t("handover-keep-text")}</p>
            <p>{p.t_args("handover-next", &[("days", crate::groups::join::CONTACT_DAYS.to_string())])}</p>
        </div>
    }
}

/// After a handover: the parent's status link to keep, as text and as a QR code to scan with
/// their own phone, in their language (and in Dutch). Drawn by the post itself; never kept.
#[component]
pub fn HandoverDonePage() -> impl IntoView {
    let i = use_i18n();
    no_store();
    let state = use_form_state();
    let link = state.value("status_link");
    let qr = state.value("status_qr");
    let lang = Lang::parse(&state.value("language")).unwrap_or(Lang::Nl);
    crate::ui::loaded(handover_me(), move |me| {
        if link.is_empty() {
            return view! {
                <Title text=i.t("handover-title")/>
                <section class="page narrow">
                    {nav_for(&me)}
                    <h1>{i.t("handover-title")}</h1>
                    <p>{i.t("handover-done-nothing")}</p>
                    <a class="button" href="/admin/handover"><Icon name=IconName::Users/><span>{i.t("handover-again")}</span></a>
                </section>
            }
            .into_any();
        }
        let label = i.t("handover-qr-label");
        view! {
            <Title text=i.t("handover-done-title")/>
            <section class="page narrow handover-done">
                <div class="no-print">{nav_for(&me)}</div>
                <h1>{i.t("handover-done-title")}</h1>
                <p class="no-print">{i.t("handover-done-intro")}</p>
                <div class="keep-box">
                    {keep_lines(lang)}
                    <p class="status-link"><a href=link.clone() dir="ltr">{link.clone()}</a></p>
                    <div class="status-qr" role="img" aria-label=label inner_html=qr></div>
                    {(lang != Lang::Nl).then(|| keep_lines(Lang::Nl))}
                </div>
                <p class="hint no-print">{i.t("handover-print-hint")}</p>
                <p class="no-print"><a class="button" href="/admin/handover"><Icon name=IconName::Users/><span>{i.t("handover-again")}</span></a></p>
            </section>
        }
        .into_any()
    })
}

// ---- Posters and cards.

/// The poster's languages from `?lang=`.
fn chosen_langs() -> Vec<Lang> {
    poster_langs(
        &use_query_map()
            .get_untracked()
            .get("lang")
            .unwrap_or_default(),
    )
}

/// Links (no JavaScript) that add or take away a language of the poster; never printed.
#[component]
fn PosterTools(path: String, langs: Vec<Lang>, size: &'static str) -> impl IntoView {
    let i = use_i18n();
    let links = Lang::ALL
        .into_iter()
        .filter(|l| *l != Lang::Nl)
        .map(|l| {
            let next = toggled(&langs, l);
            let href = if next.is_empty() {
                path.clone()
            } else {
                format!("{path}?lang={}", poster_query(&next))
            };
            let on = langs.contains(&l);
            view! {
                <li><a href=href aria-current=on.then_some("true") class:chosen=on>
                    {on.then(|| view! { <Icon name=IconName::Check/> })}
                    <span lang=l.code()>{l.native_name()}</span>
                </a></li>
            }
        })
        .collect_view();
    view! {
        <div class="no-print poster-tools">
            <p>{i.t_args("poster-print-hint", &[("size", size.to_string())])}</p>
            <p id="poster-langs-label">{i.t("poster-langs-label")}</p>
            <ul class="poster-lang-links" aria-labelledby="poster-langs-label">{links}</ul>
        </div>
    }
}

/// Dutch first, then the chosen languages.
fn with_dutch(langs: &[Lang]) -> Vec<Lang> {
    std::iter::once(Lang::Nl)
        .chain(langs.iter().copied())
        .collect()
}

/// The crisis line, once per language: 113, free, day and night.
fn crisis_line(p: &I18n) -> impl IntoView {
    view! {
        <p class="poster-crisis"><Icon name=IconName::Phone/><span><strong dir="ltr">"113"</strong>" – "{p.t("crisis-113")}</span></p>
    }
}

/// The QR code of a link with the link written under it (without `https://`).
fn poster_qr(src: String, link: &str) -> impl IntoView {
    let i = use_i18n();
    let shown = link
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .to_string();
    let alt = i.t_args("poster-qr-alt", &[("link", link.to_string())]);
    view! {
        <figure class="poster-qr">
            <img src=src alt=alt/>
            <figcaption><bdi dir="ltr">{shown}</bdi></figcaption>
        </figure>
    }
}

/// Who the group is for, as the poster says it: the plain words for every parent, else the
/// group's own audience.
fn audience_text(p: &I18n, audience: Audience) -> String {
    match audience {
        Audience::EveryParent => p.t("poster-for-every-parent"),
        other => p.t(other.key()),
    }
}

fn rhythm_text(p: &I18n, g: &GroupFacts) -> String {
    let key = match g.rhythm {
        Rhythm::Weekly => k("rhythm-weekly"),
        Rhythm::Fortnightly => k("rhythm-fortnightly"),
        Rhythm::Monthly => k("rhythm-monthly"),
    };
    p.t_args(
        key,
        &[
            ("day", p.t(g.weekday.key())),
            ("time", clock_time(g.start_minute)),
        ],
    )
}

/// One language's part of a group's poster.
fn group_block(lang: Lang, g: &GroupFacts) -> impl IntoView {
    let p = I18n { lang };
    let place = if g.online {
        p.t("group-online")
    } else if g.address.is_empty() {
        g.municipality.clone()
    } else {
        format!("{}, {}", g.address, g.municipality)
    };
    let ages = p.t_args(
        "group-ages",
        &[
            ("min", g.age_min.to_string()),
            ("max", g.age_max.to_string()),
        ],
    );
    let cost = if g.cost_cents == 0 {
        p.t("cost-free")
    } else {
        p.t_args("cost-amount", &[("amount", p.money(g.cost_cents))])
    };
    view! {
        <section class="poster-lang" lang=lang.code() dir=lang.dir()>
            <p class="poster-for"><Icon name=IconName::Heart/><span>{audience_text(&p, g.audience)}</span></p>
            <ul class="poster-facts">
                <li><Icon name=IconName::Pin/><span><bdi>{place}</bdi></span></li>
                <li><Icon name=IconName::Calendar/><span>{rhythm_text(&p, g)}</span></li>
                <li><Icon name=IconName::Child/><span>{ages}</span></li>
                <li><Icon name=IconName::Euro/><span>{cost}</span></li>
            </ul>
            <p class="poster-scan"><Icon name=IconName::Search/><span>{p.t("poster-scan-group")}</span></p>
            {crisis_line(&p)}
        </section>
    }
}

#[component]
pub fn GroupPosterPage() -> impl IntoView {
    let i = use_i18n();
    let langs = chosen_langs();
    let id = crate::ui::param("id");
    crate::ui::loaded(group_poster(id), move |GroupPosterData { group, link }| {
        let path = format!("/groups/{}/poster", group.id);
        let qr = format!("/groups/{}/qr.svg", group.id);
        let blocks = with_dutch(&langs)
            .into_iter()
            .map(|l| group_block(l, &group))
            .collect_view();
        let title = i.t_args("poster-title", &[("name", group.name.clone())]);
        view! {
            <Title text=title/>
            <PosterTools path=path langs=langs.clone() size="A4"/>
            <article class="poster sheet-a4" lang="nl" dir="ltr">
                <header class="poster-head">
                    <p class="poster-brand">"Doorstart"</p>
                    <h1 class="poster-title"><bdi>{group.name.clone()}</bdi></h1>
                </header>
                <div class="poster-body">
                    {poster_qr(qr, &link)}
                    <div class="poster-langs">{blocks}</div>
                </div>
            </article>
        }
        .into_any()
    })
}

/// One language's part of a partner's poster or card.
fn partner_block(lang: Lang, small: bool) -> impl IntoView {
    let p = I18n { lang };
    let facts = (!small).then(|| {
        view! {
            <ul class="poster-facts">
                <li><Icon name=IconName::Users/><span>{p.t("poster-partner-groups")}</span></li>
                <li><Icon name=IconName::Chat/><span>{p.t("poster-partner-help")}</span></li>
                <li><Icon name=IconName::Book/><span>{p.t("poster-partner-guides")}</span></li>
                <li><Icon name=IconName::Euro/><span>{p.t("poster-partner-free")}</span></li>
            </ul>
        }
    });
    let small_line = small.then(|| {
        view! { <p class="poster-fact"><Icon name=IconName::Users/><span>{p.t("poster-partner-groups")}</span></p> }
    });
    view! {
        <section class="poster-lang" lang=lang.code() dir=lang.dir()>
            <p class="poster-for"><Icon name=IconName::Heart/><span>{p.t("poster-for-every-parent")}</span></p>
            {facts}
            {small_line}
            <p class="poster-scan"><Icon name=IconName::Search/><span>{p.t("poster-scan-partner")}</span></p>
            {crisis_line(&p)}
        </section>
    }
}

fn partner_sheet(i: I18n, poster: PartnerPosterData, langs: Vec<Lang>, card: bool) -> AnyView {
    let PartnerPosterData { name, slug, link } = poster;
    let (page, class, size) = if card {
        ("card", "poster sheet-a6", "A6")
    } else {
        ("poster", "poster sheet-a4", "A4")
    };
    let path = format!("/r/{slug}/{page}");
    let qr = format!("/r/{slug}/qr.svg");
    let blocks = with_dutch(&langs)
        .into_iter()
        .map(|l| partner_block(l, card))
        .collect_view();
    let title = i.t_args("poster-title", &[("name", name.clone())]);
    let dutch = I18n { lang: Lang::Nl };
    let from = dutch.t_args("poster-partner-from", &[("name", name)]);
    let heading = dutch.t("poster-partner-title");
    view! {
        <Title text=title/>
        <PosterTools path=path langs=langs.clone() size=size/>
        <article class=class lang="nl" dir="ltr">
            <header class="poster-head">
                <p class="poster-brand">"Doorstart"</p>
                <h1 class="poster-title">{heading}</h1>
            </header>
            <div class="poster-body">
                {poster_qr(qr, &link)}
                <div class="poster-langs">{blocks}</div>
            </div>
            <p class="poster-from"><bdi>{from}</bdi></p>
        </article>
    }
    .into_any()
}

#[component]
pub fn PartnerPosterPage() -> impl IntoView {
    let i = use_i18n();
    let langs = chosen_langs();
    crate::ui::loaded(partner_poster(crate::ui::param("slug")), move |p| {
        partner_sheet(i, p, langs, false)
    })
}

#[component]
pub fn PartnerCardPage() -> impl IntoView {
    let i = use_i18n();
    let langs = chosen_langs();
    crate::ui::loaded(partner_poster(crate::ui::param("slug")), move |p| {
        partner_sheet(i, p, langs, true)
    })
}
