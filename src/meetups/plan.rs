//! The first values of the facilitator's "plan meetups" form, so a plan starts from what the
//! group already is: its own weekday, start time and place, and the length and capacity of its
//! last meetup (or a usual length and room). The first date is the group's weekday after today
//! and after the last meetup already planned, so a second plan follows the first.

/// A meetup's length when the group has none yet: two hours.
pub const DEFAULT_MINUTES: i64 = 120;
/// Places when the group has no meetup yet.
pub const DEFAULT_CAPACITY: u32 = 12;
/// Meetups one plan makes unless the facilitator says otherwise.
pub const DEFAULT_WEEKS: u8 = 4;

/// Weekday (Monday = 1) of a local day number (days since 1970-01-01, a Thursday).
fn weekday_of(day: i64) -> u8 {
    ((day + 3).rem_euclid(7) + 1) as u8
}

/// The first day after `after_day` that falls on `weekday` (Monday = 1 … Sunday = 7); the next
/// day for a weekday out of range.
pub fn next_weekday(after_day: i64, weekday: u8) -> i64 {
    (after_day + 1..=after_day + 7)
        .find(|d| weekday_of(*d) == weekday)
        .unwrap_or(after_day + 1)
}

/// A meetup the group already has: start and end (Unix seconds) and places.
pub type Held = (i64, i64, u32);

/// The form's values: `date` (YYYY-MM-DD), `start` (HH:MM, the group's), `minutes`, `weeks`,
/// `place` (the group's address) and `capacity`. `meetups` are the group's meetups that go
/// ahead (a cancelled one says nothing about the next plan).
pub fn plan_values(
    now: i64,
    weekday: u8,
    start: &str,
    place: &str,
    meetups: impl IntoIterator<Item = Held>,
) -> Vec<(&'static str, String)> {
    let last = meetups.into_iter().max_by_key(|(starts, _, _)| *starts);
    let today = crate::time::day_number(now);
    let after = last.map_or(today, |(starts, _, _)| {
        crate::time::day_number(starts).max(today)
    });
    let (y, m, d) = crate::time::civil_from_days(next_weekday(after, weekday));
    let minutes = last.map_or(DEFAULT_MINUTES, |(starts, ends, _)| (ends - starts) / 60);
    let capacity = last.map_or(DEFAULT_CAPACITY, |(_, _, capacity)| capacity);
    vec![
        ("date", format!("{y:04}-{m:02}-{d:02}")),
        ("start", start.to_string()),
        ("minutes", minutes.to_string()),
        ("weeks", DEFAULT_WEEKS.to_string()),
        ("place", place.to_string()),
        ("capacity", capacity.to_string()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Monday 23 November 2026, 12:00 in Amsterdam.
    const MONDAY: i64 = 1_795_431_600;

    fn value(values: &[(&str, String)], name: &str) -> String {
        values.iter().find(|(n, _)| *n == name).unwrap().1.clone()
    }

    #[test]
    fn weekdays() {
        let monday = crate::time::day_number(MONDAY);
        assert_eq!(weekday_of(monday), 1);
        assert_eq!(next_weekday(monday, 2), monday + 1, "Tuesday is tomorrow");
        assert_eq!(
            next_weekday(monday, 1),
            monday + 7,
            "Monday: next week, not today"
        );
        assert_eq!(next_weekday(monday, 9), monday + 1);
    }

    #[test]
    fn a_new_group_starts_from_its_own_day_time_and_place() {
        let v = plan_values(MONDAY, 3, "09:30", "Buurthuis De Es", []);
        assert_eq!(value(&v, "date"), "2026-11-25", "the next Wednesday");
        assert_eq!(value(&v, "start"), "09:30");
        assert_eq!(value(&v, "place"), "Buurthuis De Es");
        assert_eq!(value(&v, "minutes"), "120");
        assert_eq!(value(&v, "capacity"), "12");
        assert_eq!(value(&v, "weeks"), "4");
    }

    #[test]
    fn the_next_plan_follows_the_last_meetup() {
        let tomorrow = MONDAY + 86_400;
        let in_three_weeks = MONDAY + 22 * 86_400; // Tuesday 15 December
        let meetups = [
            (tomorrow, tomorrow + 3600, 8),
            (in_three_weeks, in_three_weeks + 90 * 60, 15),
        ];
        let v = plan_values(MONDAY, 2, "10:00", "Buurthuis", meetups);
        assert_eq!(
            value(&v, "date"),
            "2026-12-22",
            "the Tuesday after the last one"
        );
        assert_eq!(value(&v, "minutes"), "90");
        assert_eq!(value(&v, "capacity"), "15");
    }
}
