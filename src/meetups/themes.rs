//! How a meetup's theme, kind and guest read on a page: a small view piece that the finder and
//! the group page (groups) use as well as the meetup page, so it is not part of `pages`.
use leptos::prelude::*;

use super::model::{MeetupKind, Theme};
use crate::i18n::I18n;
use crate::ui::{Icon, IconName};

/// The icon of a meetup theme.
pub fn theme_icon(t: Theme) -> IconName {
    match t {
        Theme::Language => IconName::Chat,
        Theme::Stress => IconName::Smile,
        Theme::Parenting => IconName::Child,
        Theme::Practical => IconName::Basket,
        Theme::Meeting => IconName::Users,
    }
}

/// "Workshop · Theme: less stress · With: a JGZ nurse", after a meetup's facts (nothing for a
/// plain meetup without theme or guest).
pub fn theme_line(
    i: &I18n,
    theme: Option<Theme>,
    kind: MeetupKind,
    guest: &str,
) -> Option<AnyView> {
    if theme.is_none() && kind == MeetupKind::Meetup && guest.is_empty() {
        return None;
    }
    let workshop = (kind == MeetupKind::Workshop)
        .then(|| view! { <span class="meetup-kind">{i.t("meetup-kind-workshop")}</span> " " });
    let theme = theme.map(|t| {
        view! {
            <span class="meetup-theme"><Icon name=theme_icon(t)/>
            {i.t_args("meetup-theme-line", &[("theme", i.t(t.key()))])}</span> " "
        }
    });
    let guest = (!guest.is_empty()).then(|| {
        view! { <span class="meetup-guest">{i.t_args("meetup-guest-line", &[("guest", guest.to_string())])}</span> }
    });
    Some(view! { <br/>{workshop}{theme}{guest} }.into_any())
}
