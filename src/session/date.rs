//! A calendar date written as `"YYYY-MM-DD"`, from `std` alone.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// The day of a session. Written in RON as `"2026-11-20"`; anything else is refused where it
/// stands in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SessionDate {
    year: u16,
    month: u8,
    day: u8,
}

impl SessionDate {
    /// A valid date, or `None` (month 1-12, a day that month has, year 1900-9999).
    #[must_use]
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let valid = (1900..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// Today in UTC (the local date would need the time zone database).
    #[must_use]
    pub fn today() -> Self {
        Self::from_system_time(SystemTime::now())
    }

    /// The UTC date of a moment; before 1970 gives 1970-01-01.
    #[must_use]
    pub fn from_system_time(at: SystemTime) -> Self {
        let secs = at.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let days = i64::try_from(secs / 86_400).unwrap_or(0);
        let (y, m, d) = civil_from_days(days);
        let fallback = Self {
            year: 1970,
            month: 1,
            day: 1,
        };
        match (u16::try_from(y), u8::try_from(m), u8::try_from(d)) {
            (Ok(y), Ok(m), Ok(d)) => Self::new(y, m, d).unwrap_or(fallback),
            _ => fallback,
        }
    }

    /// Days since 1970-01-01, for plotting visits on a time axis.
    #[must_use]
    pub fn days_since_epoch(self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date as printed on a handout, e.g. "20 November 2026".
    #[must_use]
    pub fn long(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = MONTHS
            .get(usize::from(self.month).saturating_sub(1))
            .copied()
            .unwrap_or("");
        format!("{} {month} {}", self.day, self.year)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

/// Proleptic Gregorian (year, month, day) for days since 1970-01-01 (Howard Hinnant).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl fmt::Display for SessionDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl From<SessionDate> for String {
    fn from(d: SessionDate) -> Self {
        d.to_string()
    }
}

impl std::str::FromStr for SessionDate {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || format!("\"{text}\" is not a date written as YYYY-MM-DD (e.g. 2026-11-20)");
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) else {
            return Err(bad());
        };
        Self::new(y, m, d).ok_or_else(|| format!("{text} is not a day of the calendar"))
    }
}

impl TryFrom<String> for SessionDate {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_and_write_as_iso_and_refuse_impossible_days() {
        let d: SessionDate = "2024-02-29".parse().unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert_eq!(d.long(), "29 February 2024");
        assert!("2023-02-29".parse::<SessionDate>().is_err());
        assert!("2023-13-01".parse::<SessionDate>().is_err());
        assert!("20231301".parse::<SessionDate>().is_err());
    }

    #[test]
    fn day_counts_go_both_ways() {
        for days in [0_i64, 1, 59, 365, 10_957, 20_000, 29_000] {
            let (y, m, d) = civil_from_days(days);
            let date = SessionDate::new(y as u16, m as u8, d as u8).unwrap();
            assert_eq!(date.days_since_epoch(), days);
        }
    }
}
