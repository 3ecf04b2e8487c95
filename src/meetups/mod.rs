//! Meetups of a group: a meetup page, "I'm coming" without an account (with a waiting list
//! when full), a private cancel link, and a calendar file.
use serde::{Deserialize, Serialize};

pub mod api;
#[cfg(feature = "ssr")]
mod handlers;
pub mod model;
pub mod pages;
pub mod plan;
pub mod themes;
/// Types of the facilitator's meetup list (both server and views use them).
pub mod store_types {
    use super::MeetupSummary;

    /// A meetup as the facilitator manages it: who is coming (numbers) and who came.
    #[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    pub struct ManagedMeetup {
        pub meetup: MeetupSummary,
        pub coming_adults: i64,
        pub coming_children: i64,
        pub waiting: i64,
        pub attended: Option<(i64, i64)>,
    }
}
#[cfg(feature = "ssr")]
pub mod store;

pub use model::MeetupSummary;

/// What a meetup page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetupDetail {
    pub meetup: MeetupSummary,
    pub group_id: String,
    pub group_name: String,
    /// People (adults and children) already coming.
    pub taken: u32,
}

#[cfg(feature = "ssr")]
pub use handlers::{calendar_file, router, OWN_PATHS};
