//! Times as reporting gives them: a year, a month, a day, an exact instant, or what is known of
//! a date that is not given ("on or before", "on or after", "between").

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
/// A date that is not known may still be bounded, written in the EDTF level 1 (ISO 8601-2)
/// interval notation: `../2011-12-02` (on or before that day), `2011-12-02/..` (on or after it),
/// `2023-08/2024-02` (some time from August 2023 to February 2024). Each end is a year, a month
/// or a day.
///
/// A value built directly rather than parsed (`When::Month(2024, 13)`) is refused by
/// [`When::validate`], which every record runs when it is added, so whatever a graph holds can
/// be saved and loaded again.
///
/// ```
/// use claimgraph::When;
/// let june: When = "2024-06".parse()?;
/// let day: When = "2024-06-18".parse()?;
/// assert!(june.contains(&day));
/// assert_eq!(june.to_string(), "2024-06");
/// let printed: When = "../2011-12-02".parse()?;
/// assert!(printed.contains(&"2011-11-30".parse()?));
/// assert_eq!(printed.to_string(), "../2011-12-02");
/// assert!(When::Month(2024, 13).validate().is_err());
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
    /// Some time on or before the end of this year, month or day (`../2011-12-02`).
    OnOrBefore(PartialDate),
    /// Some time on or after the start of this year, month or day (`2011-12-02/..`).
    OnOrAfter(PartialDate),
    /// Some time from the start of the first to the end of the second (`2023-08/2024-02`).
    Between(PartialDate, PartialDate),
}

/// A year, a month of a year or a day: one end of a bounded [`When`].
///
/// ```
/// use claimgraph::PartialDate;
/// let d: PartialDate = "2023-08".parse()?;
/// assert_eq!((d.year(), d.month(), d.day()), (2023, Some(8), None));
/// assert!(PartialDate::new(2023, Some(13), None).is_err());
/// # Ok::<(), claimgraph::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    year: i16,
    /// 0 when only the year is known.
    month: u8,
    /// 0 when only the year or the month is known.
    day: u8,
}

impl PartialDate {
    /// A year (`month` and `day` `None`), a month (`day` `None`) or a day; refused when no such
    /// date exists or the year lies outside 1 to 9999.
    pub fn new(year: i32, month: Option<u32>, day: Option<u32>) -> Result<PartialDate> {
        let text = match (month, day) {
            (None, None) => format!("{year:04}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
            (None, Some(d)) => {
                return Err(bad(
                    &format!("{year:04}-??-{d:02}"),
                    "a day needs its month",
                ))
            }
        };
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(bad(&text, "the year must be between 0001 and 9999"));
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(bad(&text, "the month must be between 01 and 12"));
            }
        }
        if let (Some(m), Some(d)) = (month, day) {
            if NaiveDate::from_ymd_opt(year, m, d).is_none() {
                return Err(bad(&text, "no such day in the calendar"));
            }
        }
        Ok(PartialDate {
            // Checked above: 1..=9999 fits, and so do months and days.
            year: year as i16,
            month: month.unwrap_or(0) as u8,
            day: day.unwrap_or(0) as u8,
        })
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (space around it is ignored); a timestamp or a
    /// bounded date is refused.
    pub fn parse(s: &str) -> Result<PartialDate> {
        let t = s.trim();
        if t.is_empty() {
            return Err(bad(s, "a date must not be empty"));
        }
        if t.len() > 10 || t.contains(['/', 'T', 't']) {
            return Err(bad(
                s,
                "an end of a bounded date is a year, a month or a day (YYYY, YYYY-MM, YYYY-MM-DD)",
            ));
        }
        let w = match plain_day(t) {
            Some(day) => When::Date(day),
            None => calendar_date(s, t)?,
        };
        PartialDate::from_when(&w)
            .ok_or_else(|| bad(s, "an end of a bounded date is a year, a month or a day"))
    }

    /// The year.
    pub fn year(&self) -> i32 {
        i32::from(self.year)
    }

    /// The month (1-12), when known.
    pub fn month(&self) -> Option<u32> {
        (self.month != 0).then_some(u32::from(self.month))
    }

    /// The day of the month, when known.
    pub fn day(&self) -> Option<u32> {
        (self.day != 0).then_some(u32::from(self.day))
    }

    /// The same date as a [`When`] (a year, a month or a day).
    pub fn to_when(&self) -> When {
        match (self.month(), self.day()) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year(), m, d)
                .map_or(When::Month(self.year(), m), When::Date),
            (Some(m), None) => When::Month(self.year(), m),
            _ => When::Year(self.year()),
        }
    }

    /// The year, month or day of `w`, or `None` for an instant or a bounded date.
    pub fn from_when(w: &When) -> Option<PartialDate> {
        match *w {
            When::Year(y) => PartialDate::new(y, None, None).ok(),
            When::Month(y, m) => PartialDate::new(y, Some(m), None).ok(),
            When::Date(d) => PartialDate::new(d.year(), Some(d.month()), Some(d.day())).ok(),
            _ => None,
        }
    }
}

impl FromStr for PartialDate {
    type Err = Error;
    fn from_str(s: &str) -> Result<PartialDate> {
        PartialDate::parse(s)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.to_when().fmt(f)
    }
}

impl From<PartialDate> for When {
    fn from(d: PartialDate) -> When {
        d.to_when()
    }
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
    /// Reads a partial date, a timestamp or a bounded date (see the type's documentation for
    /// the forms).
    pub fn parse(s: &str) -> Result<When> {
        if let Some(day) = plain_day(s) {
            return Ok(When::Date(day));
        }
        let t = s.trim();
        if let Some((a, b)) = t.split_once('/') {
            // Refused here with a plainer message than an end of the form would give.
            if b.contains('/') {
                return Err(bad(s, "a bounded date has one '/' between its two ends"));
            }
            let end = |x: &str| -> Result<Option<PartialDate>> {
                match x.trim() {
                    "" | ".." => Ok(None),
                    x => PartialDate::parse(x)
                        .map(Some)
                        .map_err(|e| bad(s, format!("in a bounded date: {e}"))),
                }
            };
            return match (end(a)?, end(b)?) {
                (None, Some(b)) => Ok(When::OnOrBefore(b)),
                (Some(a), None) => Ok(When::OnOrAfter(a)),
                (Some(a), Some(b)) => {
                    let w = When::Between(a, b);
                    w.validate()?;
                    Ok(w)
                }
                (None, None) => Err(bad(s, "a bounded date needs at least one end")),
            };
        }
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
            // Both the year as written and the year in UTC, as `validate` (and so every record)
            // checks them: 9999-12-31T20:00:00-09:00 is in the year 10000 in UTC.
            if !instant_in_range(&dt) {
                return Err(bad(s, "the year must be between 0001 and 9999, in UTC too"));
            }
            return Ok(When::Instant(dt));
        }
        calendar_date(s, t)
    }

    /// Checks that the value is one [`When::parse`] gives back from its own text: a month from
    /// 1 to 12, a year from 1 to 9999, and a range that does not end before it starts.
    ///
    /// Errors: [`Error::InvalidDate`] naming the value and what is wrong with it.
    pub fn validate(&self) -> Result<()> {
        let text = || self.to_string();
        let year_ok = |y: i32| (MIN_YEAR..=MAX_YEAR).contains(&y);
        match *self {
            When::Year(y) | When::Month(y, _) if !year_ok(y) => {
                Err(bad(&text(), "the year must be between 0001 and 9999"))
            }
            When::Month(_, m) if !(1..=12).contains(&m) => {
                Err(bad(&text(), "the month must be between 01 and 12"))
            }
            When::Date(d) if !year_ok(d.year()) => {
                Err(bad(&text(), "the year must be between 0001 and 9999"))
            }
            When::Instant(dt) if !instant_in_range(&dt) => {
                Err(bad(&text(), "the year must be between 0001 and 9999"))
            }
            When::Between(a, b) if a.to_when().start() > b.to_when().last() => Err(bad(
                &text(),
                format!("the range starts ({a}) after it ends ({b})"),
            )),
            _ => Ok(()),
        }
    }

    /// True for a bounded date (on or before, on or after, between), false for a year, a
    /// month, a day or an instant.
    pub fn is_bounded(&self) -> bool {
        matches!(
            self,
            When::OnOrBefore(_) | When::OnOrAfter(_) | When::Between(..)
        )
    }

    /// The first instant of the period (UTC); for a date known only to be on or before some
    /// day, the earliest instant there is.
    pub fn start(&self) -> DateTime<Utc> {
        match *self {
            When::Instant(dt) => dt.with_timezone(&Utc),
            When::Date(d) => day_start(d),
            When::Month(y, m) => day_start(first_of_month(y, m.clamp(1, 12))),
            When::Year(y) => day_start(first_of_month(y, 1)),
            When::OnOrBefore(_) => DateTime::<Utc>::MIN_UTC,
            When::OnOrAfter(a) | When::Between(a, _) => a.to_when().start(),
        }
    }

    /// The first instant after the period (UTC); for an instant, the instant itself; for a date
    /// known only to be on or after some day, the last instant there is.
    pub fn end(&self) -> DateTime<Utc> {
        match *self {
            When::OnOrAfter(_) => DateTime::<Utc>::MAX_UTC,
            When::OnOrBefore(b) | When::Between(_, b) => b.to_when().end(),
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
            When::OnOrAfter(_) => DateTime::<Utc>::MAX_UTC,
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

    /// How precise the value is: `"year"`, `"month"`, `"date"` or `"instant"`; for a bounded
    /// date `"on_or_before"`, `"on_or_after"` or `"between"`.
    pub fn precision(&self) -> &'static str {
        match self {
            When::Year(_) => "year",
            When::Month(..) => "month",
            When::Date(_) => "date",
            When::Instant(_) => "instant",
            When::OnOrBefore(_) => "on_or_before",
            When::OnOrAfter(_) => "on_or_after",
            When::Between(..) => "between",
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
            When::Date(d) => match day_digits(d) {
                Some(digits) => f.write_str(std::str::from_utf8(&digits).map_err(|_| fmt::Error)?),
                None => write!(f, "{}", d.format("%Y-%m-%d")),
            },
            When::Instant(dt) => {
                f.write_str(&dt.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false))
            }
            When::OnOrBefore(b) => write!(f, "../{b}"),
            When::OnOrAfter(a) => write!(f, "{a}/.."),
            When::Between(a, b) => write!(f, "{a}/{b}"),
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
        // Days are most dates a graph holds: their digits are written without the formatter.
        if let When::Date(d) = self {
            if let Some(digits) = day_digits(d) {
                if let Ok(text) = std::str::from_utf8(&digits) {
                    return s.serialize_str(text);
                }
            }
        }
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<When, D::Error> {
        /// Reads the date from the text the deserializer lends, without copying it.
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = When;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date (YYYY, YYYY-MM, YYYY-MM-DD, an RFC 3339 timestamp or a range)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<When, E> {
                When::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_str(Text)
    }
}

/// Whether an instant's year lies in 0001 to 9999 both as written and in UTC.
fn instant_in_range(dt: &DateTime<FixedOffset>) -> bool {
    let year_ok = |y: i32| (MIN_YEAR..=MAX_YEAR).contains(&y);
    year_ok(dt.year()) && year_ok(dt.with_timezone(&Utc).year())
}

/// Reads `t` (`s` trimmed, neither a timestamp nor a bounded date) as `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`; errors name `s`.
fn calendar_date(s: &str, t: &str) -> Result<When> {
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

/// A `YYYY-MM-DD` day (years 0001 to 9999), read without the general parser: most dates are of
/// this form, and reading them is a large share of loading a graph. Anything else, valid or not,
/// is `None`, left to [`When::parse`] to read or explain.
fn plain_day(t: &str) -> Option<NaiveDate> {
    let b: &[u8; 10] = t.as_bytes().try_into().ok()?;
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: &[u8]| -> Option<u32> {
        r.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(num(&b[0..4])?)
        .ok()
        .filter(|&y| y >= MIN_YEAR)?;
    NaiveDate::from_ymd_opt(year, num(&b[5..7])?, num(&b[8..10])?)
}

/// The ten characters `YYYY-MM-DD` of a day of the years 0001 to 9999 (others are left to
/// chrono's formatting, which writes their sign and width).
fn day_digits(d: &NaiveDate) -> Option<[u8; 10]> {
    let y = u32::try_from(d.year())
        .ok()
        .filter(|y| (1..=9999).contains(y))?;
    let (m, day) = (d.month(), d.day());
    let digit = |v: u32| b'0' + (v % 10) as u8;
    Some([
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ])
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
        for (w, which) in [(&self.start, "start"), (&self.end, "end")] {
            if let Some(w) = w {
                w.validate()
                    .map_err(|e| Error::invalid_field(id, "period", format!("the {which}: {e}")))?;
            }
        }
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
    fn bounded_dates_parse_print_and_place() {
        for s in [
            "../2011-12-02",
            "2011-12-02/..",
            "2023-08/2024-02",
            "2020/2021-03-04",
        ] {
            let w = When::parse(s).unwrap();
            assert!(w.is_bounded(), "{s}");
            assert_eq!(w.to_string(), s);
            assert_eq!(When::parse(&w.to_string()).unwrap(), w);
        }
        assert_eq!(
            When::parse("/2011-12-02").unwrap(),
            When::parse("../2011-12-02").unwrap()
        );
        let cutoff = When::parse("2011-12-02").unwrap();
        let before = When::parse("../2011-12-02").unwrap();
        assert_eq!(before.compare_to_cutoff(&cutoff), Some(Ordering::Equal));
        assert_eq!(
            before.compare_to_cutoff(&When::parse("2011-12-01").unwrap()),
            None
        );
        let after = When::parse("2011-12-03/..").unwrap();
        assert_eq!(after.compare_to_cutoff(&cutoff), Some(Ordering::Greater));
        let range = When::parse("2023-08/2024-02").unwrap();
        assert!(range.contains(&When::parse("2023-12-25").unwrap()));
        assert_eq!(range.start(), When::Month(2023, 8).start());
        assert_eq!(range.last(), When::Month(2024, 2).last());
        for s in [
            "2024-02/2023-08",
            "../..",
            "/",
            "2024-13/..",
            "../2024-06-18T10:00:00Z",
            "2024/2024/2024",
            "2024/../..",
            "..//2024",
        ] {
            assert!(
                matches!(When::parse(s), Err(Error::InvalidDate { .. })),
                "{s}"
            );
        }
    }

    /// Found by the `dates` fuzz target: a text of many '/' was read as a bounded date whose end
    /// was itself a bounded date, once per '/', each level's error quoting the next (seconds
    /// and megabytes for a few kilobytes). One '/' is read, and the error quotes the text once.
    #[test]
    fn a_date_of_many_slashes_is_refused_at_the_second_with_one_short_message() {
        let text = "2024-12-18/".repeat(400);
        let message = When::parse(&text).unwrap_err().to_string();
        assert!(message.contains("one '/'"), "{message}");
        assert!(
            message.len() < text.len() + 200,
            "{} bytes of message for {} of text",
            message.len(),
            text.len()
        );
    }

    /// An end of a bounded date is read by its own reader, never by the general one: the same
    /// answers as `When::parse` for the calendar forms, and a timestamp, a range or any '/' is
    /// refused at once as not being one.
    #[test]
    fn an_end_of_a_bounded_date_reads_only_a_year_a_month_or_a_day() {
        for text in [
            "2024",
            "2024-06",
            "2024-06-18",
            " 2024-02-29 ",
            "0001",
            "9999-12-31",
        ] {
            let general = When::parse(text).unwrap();
            let end = PartialDate::parse(text).unwrap();
            assert_eq!(end.to_when(), general, "{text:?}");
        }
        for text in [
            "",
            "  ",
            "2024-06-18T10:00:00Z",
            "2024-06-18t10:00:00+02:00",
            "2024/2025",
            "/2024",
            "2024-13",
            "2023-02-29",
            "0000",
            "24-06",
            "2024-6-18",
            "2024-06-18-01",
            "2024-06-18 10:00",
        ] {
            let err = PartialDate::parse(text).unwrap_err();
            assert!(
                matches!(&err, Error::InvalidDate { value, .. } if value == text),
                "{text:?}: {err}"
            );
        }
        let message = PartialDate::parse("2024-06-18T10:00:00Z")
            .unwrap_err()
            .to_string();
        assert!(message.contains("a year, a month or a day"), "{message}");
        // The ends of a bounded date name what is wrong with the end.
        let message = When::parse("2024-13/2025").unwrap_err().to_string();
        assert!(
            message.contains("in a bounded date") && message.contains("01 and 12"),
            "{message}"
        );
    }

    /// Found by the `dates` fuzz target: a timestamp whose year is 9999 as written but 10000 in
    /// UTC parsed, and every record then refused it (`validate` reads the year in UTC too).
    /// What parses is now what a record accepts.
    #[test]
    fn a_timestamp_whose_year_leaves_the_range_in_utc_is_refused_when_read() {
        for text in ["9999-12-31T20:01:00-09:00", "0001-01-01T00:30:00+01:00"] {
            let err = When::parse(text).unwrap_err();
            assert!(
                matches!(&err, Error::InvalidDate { value, reason } if value == text && reason.contains("in UTC")),
                "{text}: {err}"
            );
        }
        for text in ["9999-12-31T14:59:59-09:00", "0001-01-01T01:00:00+01:00"] {
            let w = When::parse(text).unwrap();
            assert!(w.validate().is_ok(), "{text}");
        }
    }

    #[test]
    fn values_built_directly_are_checked() {
        for w in [
            When::Month(2024, 13),
            When::Month(0, 0),
            When::Year(10000),
            When::Year(0),
            When::Date(NaiveDate::MAX),
        ] {
            assert!(
                matches!(w.validate(), Err(Error::InvalidDate { .. })),
                "{w:?}"
            );
        }
        for s in [
            "2024",
            "2024-06",
            "2024-06-18",
            "../2011-12-02",
            "2023-08/2024-02",
        ] {
            When::parse(s).unwrap().validate().unwrap();
        }
        let p = Period::new(Some(When::Month(0, 0)), None);
        assert!(p.validate("claim").is_err());
    }

    #[test]
    fn december_and_year_ends() {
        let dec = When::Month(9999, 12);
        assert!(dec.end() > dec.start());
        assert!(When::Year(9999).end() > When::Year(9999).start());
    }
}
