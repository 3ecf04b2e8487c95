//! Local time in the Netherlands (Europe/Amsterdam) without a time-zone database:
//! CET (UTC+1), and CEST (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday
//! of October 01:00 UTC, the EU rule since 1996.
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalDateTime {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    /// Monday = 1 … Sunday = 7
    pub weekday: u8,
    pub hour: u8,
    pub minute: u8,
}

/// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Weekday (Monday = 1) of a day count since 1970-01-01 (a Thursday).
fn weekday_of(days: i64) -> u8 {
    ((days + 3).rem_euclid(7) + 1) as u8
}

fn last_sunday(year: i32, month: u8) -> i64 {
    let last_day = days_from_civil(year, month, 31);
    last_day - (weekday_of(last_day) as i64 % 7)
}

/// Seconds to add to UTC for Amsterdam at this instant.
pub fn amsterdam_offset(unix: i64) -> i64 {
    let (year, _, _) = civil_from_days(unix.div_euclid(86_400));
    let start = last_sunday(year, 3) * 86_400 + 3_600;
    let end = last_sunday(year, 10) * 86_400 + 3_600;
    if (start..end).contains(&unix) {
        7_200
    } else {
        3_600
    }
}

pub fn to_local(unix: i64) -> LocalDateTime {
    let local = unix + amsterdam_offset(unix);
    let days = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    LocalDateTime {
        year,
        month,
        day,
        weekday: weekday_of(days),
        hour: (secs / 3600) as u8,
        minute: ((secs % 3600) / 60) as u8,
    }
}

/// The Unix time of a local Amsterdam date and time.
pub fn from_local(year: i32, month: u8, day: u8, hour: u8, minute: u8) -> i64 {
    let naive =
        days_from_civil(year, month, day) * 86_400 + hour as i64 * 3600 + minute as i64 * 60;
    // Try the winter offset first; if the result falls in summer time, use that offset.
    let guess = naive - 3_600;
    naive - amsterdam_offset(guess)
}

/// The Unix day number (for per-day counters that hold no time of day).
pub fn day_number(unix: i64) -> i64 {
    (unix + amsterdam_offset(unix)).div_euclid(86_400)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(
            civil_from_days(days_from_civil(2026, 11, 23)),
            (2026, 11, 23)
        );
        assert_eq!(weekday_of(days_from_civil(2026, 11, 23)), 1, "a Monday");
    }

    proptest::proptest! {
        #[test]
        fn days_round_trip(z in -1_000_000i64..1_000_000, t in -10_000_000_000i64..10_000_000_000) {
            let (y, m, d) = civil_from_days(z);
            proptest::prop_assert_eq!(days_from_civil(y, m, d), z);
            let l = to_local(t);
            proptest::prop_assert!(l.hour < 24 && l.minute < 60 && (1..=7).contains(&l.weekday));
        }
    }

    #[test]
    fn summer_and_winter_time() {
        // 2026: CEST from 29 March 01:00 UTC to 25 October 01:00 UTC.
        let before = days_from_civil(2026, 3, 29) * 86_400 + 3_599;
        assert_eq!(amsterdam_offset(before), 3_600);
        assert_eq!(amsterdam_offset(before + 1), 7_200);
        let end = days_from_civil(2026, 10, 25) * 86_400 + 3_600;
        assert_eq!(amsterdam_offset(end - 1), 7_200);
        assert_eq!(amsterdam_offset(end), 3_600);
    }

    #[test]
    fn local_times() {
        let t = from_local(2026, 12, 1, 10, 0);
        assert_eq!(t, days_from_civil(2026, 12, 1) * 86_400 + 9 * 3600);
        let l = to_local(t);
        assert_eq!(
            (l.year, l.month, l.day, l.hour, l.minute, l.weekday),
            (2026, 12, 1, 10, 0, 2)
        );
        let s = from_local(2026, 7, 1, 10, 0);
        assert_eq!(to_local(s).hour, 10);
        assert_eq!(s, days_from_civil(2026, 7, 1) * 86_400 + 8 * 3600);
    }
}
