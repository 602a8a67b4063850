//! UTC timestamps for the names of kept-aside files, from `std` alone.

use std::time::{SystemTime, UNIX_EPOCH};

/// `YYYYMMDD-HHMMSS` in UTC. A clock set before 1970 gives `19700101-000000`.
pub(crate) fn utc_stamp(at: SystemTime) -> String {
    let secs = at
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = i64::try_from(secs / 86_400).unwrap_or(i64::MAX / 2);
    let in_day = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}-{:02}{:02}{:02}",
        in_day / 3600,
        in_day % 3600 / 60,
        in_day % 60
    )
}

/// Proleptic Gregorian (year, month, day) for a count of days since 1970-01-01
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // day of era, 0..=146_096
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // year of era, 0..=399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of year from March 1st, 0..=365
    let mp = (5 * doy + 2) / 153; // month from March, 0..=11
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn stamp(secs: u64) -> String {
        utc_stamp(UNIX_EPOCH + Duration::from_secs(secs))
    }

    #[test]
    fn stamps_match_known_utc_dates() {
        // Values checked against `date -u -d @SECS +%Y%m%d-%H%M%S`.
        assert_eq!(stamp(0), "19700101-000000");
        assert_eq!(stamp(86_399), "19700101-235959");
        assert_eq!(stamp(951_782_400), "20000229-000000"); // leap day of a 400-year
        assert_eq!(stamp(951_868_800), "20000301-000000");
        assert_eq!(stamp(1_709_164_800), "20240229-000000");
        assert_eq!(stamp(1_735_689_599), "20241231-235959");
        assert_eq!(stamp(1_735_689_600), "20250101-000000");
        assert_eq!(stamp(4_107_542_400), "21000301-000000"); // 2100 is not a leap year
        assert_eq!(stamp(4_107_542_399), "21000228-235959");
    }

    #[test]
    fn clock_before_1970_does_not_panic() {
        let early = UNIX_EPOCH - Duration::from_secs(10);
        assert_eq!(utc_stamp(early), "19700101-000000");
    }
}
