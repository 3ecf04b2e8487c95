//! What a facilitator's action did, said on the page it returns to, at the place it was done.
//! A post answers with `see_other` to the page with `?done=<name>` (one of a fixed list: the
//! page never shows text from its address), `item=<id>` of the card it changed and a fragment
//! to that card, so the thumb lands where it was and not on another parent's card. The page
//! shows the message in a `role="status"` notice inside that card (or at the top when the card
//! is no longer on the page).
use leptos::prelude::*;

use crate::i18n::{k, I18n};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Done {
    /// Saved, with nothing more to say.
    Saved,
    Contacted,
    Joined,
    NotJoined,
    Assigned,
    GroupCreated,
    GroupSaved,
    Texts,
    Planned,
    MeetupSaved,
    MeetupCancelled,
    Attendance,
}

impl Done {
    pub const ALL: [Done; 12] = [
        Done::Saved,
        Done::Contacted,
        Done::Joined,
        Done::NotJoined,
        Done::Assigned,
        Done::GroupCreated,
        Done::GroupSaved,
        Done::Texts,
        Done::Planned,
        Done::MeetupSaved,
        Done::MeetupCancelled,
        Done::Attendance,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Done::Saved => "saved",
            Done::Contacted => "contacted",
            Done::Joined => "joined",
            Done::NotJoined => "not-joined",
            Done::Assigned => "assigned",
            Done::GroupCreated => "group-created",
            Done::GroupSaved => "group-saved",
            Done::Texts => "texts",
            Done::Planned => "planned",
            Done::MeetupSaved => "meetup-saved",
            Done::MeetupCancelled => "meetup-cancelled",
            Done::Attendance => "attendance",
        }
    }

    pub fn parse(s: &str) -> Option<Done> {
        Done::ALL.into_iter().find(|d| d.as_str() == s)
    }

    /// The message (facilitator words, `admin.ftl`).
    pub fn key(self) -> &'static str {
        match self {
            Done::Saved => k("admin-done-saved"),
            Done::Contacted => k("admin-done-contacted"),
            Done::Joined => k("admin-done-joined"),
            Done::NotJoined => k("admin-done-not-joined"),
            Done::Assigned => k("admin-done-assigned"),
            Done::GroupCreated => k("admin-done-group-created"),
            Done::GroupSaved => k("admin-done-group-saved"),
            Done::Texts => k("admin-done-texts"),
            Done::Planned => k("admin-done-planned"),
            Done::MeetupSaved => k("admin-done-meetup-saved"),
            Done::MeetupCancelled => k("admin-done-meetup-cancelled"),
            Done::Attendance => k("admin-done-attendance"),
        }
    }
}

/// The most meetups one plan makes (`SeriesInput`: 26 weeks); a larger count in an address is
/// not shown.
pub const MAX_PLANNED: u32 = 26;

/// Back to `path`, at the card `{prefix}-{id}`, saying `done` there.
pub fn at_item(path: &str, done: Done, prefix: &str, id: &str) -> String {
    format!("{path}?done={}&item={id}#{prefix}-{id}", done.as_str())
}

/// Back to `path`, at the element `anchor`, saying `done` there.
pub fn at_anchor(path: &str, done: Done, anchor: &str) -> String {
    format!("{path}?done={}#{anchor}", done.as_str())
}

/// Back to `path`, at `anchor`, saying how many meetups were planned.
pub fn planned(path: &str, count: usize, anchor: &str) -> String {
    format!(
        "{path}?done={}&count={count}#{anchor}",
        Done::Planned.as_str()
    )
}

/// What the page's address says was done: the message, the card it names, and a count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Said {
    pub done: Option<Done>,
    pub item: Option<String>,
    pub count: Option<u32>,
}

impl Said {
    /// Read once from the page's address; anything not on the list is ignored.
    pub fn from_query() -> Said {
        leptos_router::hooks::use_query_map().with_untracked(|q| Said {
            done: q.get("done").as_deref().and_then(Done::parse),
            item: q.get("item").filter(|i| i.len() <= 64),
            count: q
                .get("count")
                .and_then(|c| c.parse::<u32>().ok())
                .filter(|c| (1..=MAX_PLANNED).contains(c)),
        })
    }

    /// Whether the message belongs inside the card with this id.
    pub fn is_for(&self, id: &str) -> bool {
        self.done.is_some() && self.item.as_deref() == Some(id)
    }

    /// The notice, when there is something to say.
    pub fn notice(&self, i: &I18n) -> Option<AnyView> {
        let done = self.done?;
        let text = match (done, self.count) {
            (Done::Planned, Some(n)) => i.t_args(done.key(), &[("count", n.to_string())]),
            // "Planned" without a count it can show: the plain message.
            (Done::Planned, None) => i.t("admin-done-planned-some"),
            _ => i.t(done.key()),
        };
        Some(view! { <p class="notice done-notice" role="status" id="done">{text}</p> }.into_any())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_go_both_ways_and_nothing_else_is_read() {
        for d in Done::ALL {
            assert_eq!(Done::parse(d.as_str()), Some(d));
        }
        assert_eq!(Done::parse("<b>Saved</b>"), None);
        assert_eq!(Done::parse(""), None);
    }

    #[test]
    fn addresses() {
        assert_eq!(
            at_item("/admin", Done::Contacted, "request", "ab12"),
            "/admin?done=contacted&item=ab12#request-ab12"
        );
        assert_eq!(
            at_anchor("/admin/groups/g1", Done::Texts, "group-texts"),
            "/admin/groups/g1?done=texts#group-texts"
        );
        assert_eq!(
            planned("/admin/groups/g1/meetups", 4, "meetups"),
            "/admin/groups/g1/meetups?done=planned&count=4#meetups"
        );
    }
}
