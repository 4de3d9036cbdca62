//! Points in time as reporting gives them: a year, a month, a day, or an exact instant.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

/// When something was said or published, as precisely as the record knows it.
///
/// Written as `2024`, `2024-06`, `2024-06-18` or an RFC 3339 timestamp with offset
/// (`2024-06-18T23:30:00+08:00`). Days, months and years are read as UTC calendar periods.
///
/// ```
/// use claimgraph::When;
/// let june: When = "2024-06".parse()?;
/// let day: When = "2024-06-18".parse()?;
/// assert!(june.contains(&day));
/// assert_eq!(june.to_string(), "2024-06");
/// # Ok::<(), claimgraph::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    /// A whole year.
    Year(i32),
    /// A whole month of a year (month 1-12).
    Month(i32, u32),
    /// A calendar day.
    Date(NaiveDate),
    /// An exact instant with the offset it was given in.
    Instant(DateTime<FixedOffset>),
}

const MIN_YEAR: i32 = 1;
const MAX_YEAR: i32 = 9999;

fn bad(value: &str, reason: impl Into<String>) -> Error {
    Error::InvalidDate {
        value: value.to_owned(),
        reason: reason.into(),
    }
}

impl When {
    /// Reads a partial date or timestamp (see the type's documentation for the forms).
    pub fn parse(s: &str) -> Result<When> {
        let t = s.trim();
        let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
        let year = |y: &str| -> Result<i32> {
            if y.len() != 4 || !digits(y) {
                return Err(bad(s, "the year must have four digits"));
            }
            let v: i32 = y.parse().map_err(|_| bad(s, "the year is not a number"))?;
            if !(MIN_YEAR..=MAX_YEAR).contains(&v) {
                return Err(bad(s, "the year must be between 0001 and 9999"));
            }
            Ok(v)
        };
        if t.is_empty() {
            return Err(bad(s, "a date must not be empty"));
        }
        if t.contains('T') || t.contains('t') || t.len() > 10 {
            let dt = DateTime::parse_from_rfc3339(t).map_err(|e| {
                bad(
                    s,
                    format!("not a date (YYYY, YYYY-MM, YYYY-MM-DD) nor an RFC 3339 timestamp with offset: {e}"),
                )
            })?;
            if !(MIN_YEAR..=MAX_YEAR).contains(&dt.year()) {
                return Err(bad(s, "the year must be between 0001 and 9999"));
            }
            return Ok(When::Instant(dt));
        }
        let parts: Vec<&str> = t.split('-').collect();
        match parts.as_slice() {
            [y] => Ok(When::Year(year(y)?)),
            [y, m] => {
                let y = year(y)?;
                if m.len() != 2 || !digits(m) {
                    return Err(bad(s, "the month must have two digits"));
                }
                let m: u32 = m.parse().map_err(|_| bad(s, "the month is not a number"))?;
                if !(1..=12).contains(&m) {
                    return Err(bad(s, "the month must be between 01 and 12"));
                }
                Ok(When::Month(y, m))
            }
            [y, m, d] => {
                year(y)?;
                if m.len() != 2 || d.len() != 2 || !digits(m) || !digits(d) {
                    return Err(bad(s, "a date is written YYYY-MM-DD"));
                }
                NaiveDate::parse_from_str(t, "%Y-%m-%d")
                    .map(When::Date)
                    .map_err(|_| bad(s, "no such day in the calendar"))
            }
            _ => Err(bad(
                s,
                "not a date (YYYY, YYYY-MM, YYYY-MM-DD) nor an RFC 3339 timestamp with offset",
            )),
        }
    }

    /// The first instant of the period (UTC).
    pub fn start(&self) -> DateTime<Utc> {
        match *self {
            When::Instant(dt) => dt.with_timezone(&Utc),
            When::Date(d) => day_start(d),
            When::Month(y, m) => day_start(first_of_month(y, m.clamp(1, 12))),
            When::Year(y) => day_start(first_of_month(y, 1)),
        }
    }

    /// The first instant after the period (UTC); for an instant, the instant itself.
    pub fn end(&self) -> DateTime<Utc> {
        match *self {
            When::Instant(dt) => dt.with_timezone(&Utc),
            // Values built directly (not parsed) may lie at the ends of the calendar; they
            // saturate rather than overflow.
            When::Date(d) => day_start(d)
                .checked_add_signed(Duration::days(1))
                .unwrap_or(DateTime::<Utc>::MAX_UTC),
            When::Month(y, m) => {
                let m = m.clamp(1, 12);
                let (ny, nm) = if m == 12 {
                    (y.saturating_add(1), 1)
                } else {
                    (y, m + 1)
                };
                day_start(first_of_month(ny, nm))
            }
            When::Year(y) => day_start(first_of_month(y.saturating_add(1), 1)),
        }
    }

    /// The last instant inside the period (UTC).
    pub fn last(&self) -> DateTime<Utc> {
        match self {
            When::Instant(dt) => dt.with_timezone(&Utc),
            _ => {
                let end = self.end();
                end.checked_sub_signed(Duration::nanoseconds(1))
                    .unwrap_or(end)
            }
        }
    }

    /// True when `other` lies entirely within this period.
    pub fn contains(&self, other: &When) -> bool {
        self.start() <= other.start() && other.last() <= self.last()
    }

    /// How `self` stands to a cut-off: entirely on or before it ([`Ordering::Less`] or
    /// [`Ordering::Equal`]), entirely after it ([`Ordering::Greater`]), or straddling it (`None`:
    /// a month that includes the cut-off day cannot be placed before or after it).
    pub fn compare_to_cutoff(&self, cutoff: &When) -> Option<Ordering> {
        if self.last() <= cutoff.last() {
            Some(if self.last() == cutoff.last() {
                Ordering::Equal
            } else {
                Ordering::Less
            })
        } else if self.start() > cutoff.last() {
            Some(Ordering::Greater)
        } else {
            None
        }
    }

    /// How precise the value is: `"year"`, `"month"`, `"date"` or `"instant"`.
    pub fn precision(&self) -> &'static str {
        match self {
            When::Year(_) => "year",
            When::Month(..) => "month",
            When::Date(_) => "date",
            When::Instant(_) => "instant",
        }
    }
}

fn first_of_month(y: i32, m: u32) -> NaiveDate {
    // Years are validated to 1..=9999 (and 10000 only as an exclusive end), so this always exists.
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MAX)
}

fn day_start(d: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_time(chrono::NaiveTime::MIN))
}

impl FromStr for When {
    type Err = Error;
    fn from_str(s: &str) -> Result<When> {
        When::parse(s)
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Year(y) => write!(f, "{y:04}"),
            When::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            When::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            When::Instant(dt) => {
                f.write_str(&dt.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false))
            }
        }
    }
}

impl From<NaiveDate> for When {
    fn from(d: NaiveDate) -> When {
        When::Date(d)
    }
}

impl From<DateTime<FixedOffset>> for When {
    fn from(dt: DateTime<FixedOffset>) -> When {
        When::Instant(dt)
    }
}

impl From<DateTime<Utc>> for When {
    fn from(dt: DateTime<Utc>) -> When {
        When::Instant(dt.fixed_offset())
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<When, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        When::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// The stretch of time a claim is about ("from August last year to February this year").
///
/// Either end may be open. Written in files as `{"start": "2023-08", "end": "2024-02"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Period {
    /// When the period begins, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<When>,
    /// When the period ends, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<When>,
}

impl Period {
    /// A period from `start` to `end`.
    pub fn new(start: Option<When>, end: Option<When>) -> Period {
        Period { start, end }
    }

    pub(crate) fn validate(&self, id: &str) -> Result<()> {
        if let (Some(s), Some(e)) = (&self.start, &self.end) {
            if s.start() > e.last() {
                return Err(Error::invalid_field(
                    id,
                    "period",
                    format!("the period starts ({s}) after it ends ({e})"),
                ));
            }
        }
        if self.start.is_none() && self.end.is_none() {
            return Err(Error::invalid_field(
                id,
                "period",
                "a period needs a start, an end, or both",
            ));
        }
        Ok(())
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.start, &self.end) {
            (Some(s), Some(e)) => write!(f, "{s} to {e}"),
            (Some(s), None) => write!(f, "from {s}"),
            (None, Some(e)) => write!(f, "until {e}"),
            (None, None) => f.write_str("unknown period"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_every_precision() {
        for s in [
            "2024",
            "2024-06",
            "2024-06-18",
            "2024-06-18T23:30:00+08:00",
            "2024-06-18T15:30:00.250Z",
        ] {
            let w = When::parse(s).unwrap();
            let again = When::parse(&w.to_string()).unwrap();
            assert_eq!(w, again, "{s}");
        }
        assert_eq!(When::parse("2024-06").unwrap().precision(), "month");
    }

    #[test]
    fn rejects_malformed_dates() {
        for s in [
            "",
            "24",
            "2024-6",
            "2024-13",
            "2024-02-30",
            "2024-06-18T25:00:00Z",
            "June 2024",
            "2024-06-18T10:00:00",
            "0000",
        ] {
            assert!(
                matches!(When::parse(s), Err(Error::InvalidDate { .. })),
                "{s}"
            );
        }
    }

    #[test]
    fn periods_nest_and_compare_to_a_cutoff() {
        let june = When::parse("2024-06").unwrap();
        let d18 = When::parse("2024-06-18").unwrap();
        let evening = When::parse("2024-06-18T23:30:00+08:00").unwrap();
        assert!(june.contains(&d18));
        assert!(d18.contains(&evening));
        assert_eq!(d18.compare_to_cutoff(&d18), Some(Ordering::Equal));
        assert_eq!(evening.compare_to_cutoff(&d18), Some(Ordering::Less));
        assert_eq!(june.compare_to_cutoff(&d18), None);
        assert_eq!(
            When::parse("2024-07-01").unwrap().compare_to_cutoff(&d18),
            Some(Ordering::Greater)
        );
        assert_eq!(
            When::Year(2023).compare_to_cutoff(&d18),
            Some(Ordering::Less)
        );
    }

    #[test]
    fn values_at_the_ends_of_the_calendar_do_not_overflow() {
        let extremes = [
            When::Date(NaiveDate::MAX),
            When::Date(NaiveDate::MIN),
            When::Year(i32::MAX),
            When::Year(i32::MIN),
            When::Month(i32::MAX, 12),
            When::Month(2024, 0),
            When::Month(2024, u32::MAX),
        ];
        for w in extremes {
            assert!(w.start() <= w.end(), "{w:?}");
            let _ = w.last();
            let _ = w.compare_to_cutoff(&When::Year(2024));
            let _ = w.to_string();
        }
    }

    #[test]
    fn december_and_year_ends() {
        let dec = When::Month(9999, 12);
        assert!(dec.end() > dec.start());
        assert!(When::Year(9999).end() > When::Year(9999).start());
    }
}
