//! Meetups of a group: a meetup page, "I'm coming" without an account (with a waiting list
//! when full), a private cancel link, and a calendar file.
use serde::{Deserialize, Serialize};

pub mod api;
pub mod model;
pub mod pages;
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
