//! Calendar dates (`YYYY-MM-DD`) for review scheduling, without a date library.

use std::fmt;

/// A calendar date in the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month, 1..12.
    pub month: u32,
    /// Day of month, 1..31.
    pub day: u32,
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl Date {
    /// Parses `YYYY-MM-DD`; `None` if it is not a real date.
    pub fn parse(s: &str) -> Option<Date> {
        let bytes = s.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// The date `months` later, the day clamped to the end of a shorter month.
    pub fn add_months(self, months: u32) -> Date {
        let total = self.year * 12 + (self.month as i32 - 1) + months as i32;
        let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }

    /// The date `days` later (earlier for a negative count).
    pub fn add_days(self, days: i64) -> Date {
        // Howard Hinnant's days_from_civil, then back through from_unix_ms.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let epoch_days = era * 146_097 + doe - 719_468 + days;
        Date::from_unix_ms(epoch_days as f64 * 86_400_000.0)
    }

    /// The calendar date, where the user is, of a Unix time in milliseconds: `offset_min`
    /// is the local time's offset from UTC in minutes (+60 for UTC+1), so "today" is the
    /// user's today, not Greenwich's.
    pub fn local_from_unix_ms(ms: f64, offset_min: i32) -> Date {
        Date::from_unix_ms(ms + f64::from(offset_min) * 60_000.0)
    }

    /// The date of a Unix time in milliseconds (UTC).
    pub fn from_unix_ms(ms: f64) -> Date {
        // Howard Hinnant's civil_from_days.
        let days = (ms / 86_400_000.0).floor() as i64 + 719_468;
        let era = days.div_euclid(146_097);
        let doe = days.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(
            Date::parse("2026-11-22").map(|d| d.to_string()),
            Some("2026-11-22".into())
        );
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
        assert_eq!(Date::parse("2025-02-29"), None);
        assert_eq!(Date::parse("2026-13-01"), None);
        assert_eq!(Date::parse("26-1-1"), None);
        assert_eq!(Date::parse("2026-+1-01"), None);
    }

    #[test]
    fn adds_months_clamping_the_day() {
        let d = Date::parse("2026-11-30").unwrap();
        assert_eq!(d.add_months(3).to_string(), "2027-02-28");
        assert_eq!(d.add_months(12).to_string(), "2027-11-30");
    }

    #[test]
    fn adds_days_across_months_years_and_leap_days() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("2026-03-31").add_days(90).to_string(), "2026-06-29");
        assert_eq!(d("2026-11-15").add_days(90).to_string(), "2027-02-13");
        assert_eq!(d("2024-01-01").add_days(90).to_string(), "2024-03-31");
        assert_eq!(d("2024-02-28").add_days(1).to_string(), "2024-02-29");
        assert_eq!(d("2025-01-01").add_days(-1).to_string(), "2024-12-31");
        assert_eq!(d("2026-12-02").add_days(0), d("2026-12-02"));
    }

    #[test]
    fn converts_unix_time() {
        assert_eq!(Date::from_unix_ms(0.0).to_string(), "1970-01-01");
        assert_eq!(
            Date::from_unix_ms(1_795_305_600_000.0).to_string(),
            "2026-11-22"
        );
    }
}

/// "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", or the date,
/// for a time `then_ms` seen at `now_ms` (both ms since the epoch).
pub fn time_ago(now_ms: f64, then_ms: f64) -> String {
    let seconds = ((now_ms - then_ms) / 1000.0).max(0.0);
    let minutes = (seconds / 60.0).floor() as u64;
    let hours = minutes / 60;
    let days = hours / 24;
    let plural = |n: u64, unit: &str| format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" });
    match () {
        _ if seconds < 60.0 => "just now".to_string(),
        _ if minutes < 60 => plural(minutes, "minute"),
        _ if hours < 24 => plural(hours, "hour"),
        _ if days == 1 => "yesterday".to_string(),
        _ if days < 7 => plural(days, "day"),
        _ => format!("on {}", Date::from_unix_ms(then_ms)),
    }
}

#[cfg(test)]
mod ago_tests {
    use super::{time_ago, Date};

    #[test]
    fn describes_elapsed_time_in_words() {
        let now = 1_795_305_600_000.0;
        assert_eq!(time_ago(now, now - 5_000.0), "just now");
        assert_eq!(time_ago(now, now - 60_000.0), "1 minute ago");
        assert_eq!(time_ago(now, now - 5.0 * 3_600_000.0), "5 hours ago");
        assert_eq!(time_ago(now, now - 30.0 * 3_600_000.0), "yesterday");
        assert_eq!(time_ago(now, now - 3.0 * 86_400_000.0), "3 days ago");
        assert_eq!(time_ago(now, now - 30.0 * 86_400_000.0), "on 2026-10-23");
        assert_eq!(time_ago(now, now + 10_000.0), "just now");
    }

    #[test]
    fn local_dates_follow_the_users_offset() {
        // 2026-03-10 20:00 UTC: already the 11th in Kiritimati (UTC+14), still the 10th
        // in Honolulu (UTC-10) and in London.
        let ms = 1_773_172_800_000.0;
        assert_eq!(Date::from_unix_ms(ms).to_string(), "2026-03-10");
        assert_eq!(
            Date::local_from_unix_ms(ms, 14 * 60).to_string(),
            "2026-03-11"
        );
        assert_eq!(
            Date::local_from_unix_ms(ms, -10 * 60).to_string(),
            "2026-03-10"
        );
        // 2026-03-10 05:00 UTC is the 9th in Honolulu.
        let early = ms - 15.0 * 3_600_000.0;
        assert_eq!(
            Date::local_from_unix_ms(early, -10 * 60).to_string(),
            "2026-03-09"
        );
        // Leap day and year end.
        let leap = 1_709_164_800_000.0; // 2024-02-29 00:00 UTC
        assert_eq!(
            Date::local_from_unix_ms(leap, -60).to_string(),
            "2024-02-28"
        );
        assert_eq!(Date::local_from_unix_ms(leap, 0).to_string(), "2024-02-29");
        let new_year = 1_767_225_600_000.0; // 2026-01-01 00:00 UTC
        assert_eq!(
            Date::local_from_unix_ms(new_year, -1).to_string(),
            "2025-12-31"
        );
    }
}
