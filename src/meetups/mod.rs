//! Meetups of a group: the upcoming list on a group page.
//! (RSVP, waiting list and calendar files build on these types.)
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod store;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeetupSummary {
    pub id: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub capacity: u32,
    pub cancelled: bool,
}
