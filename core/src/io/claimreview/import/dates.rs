//! The dates publishers write in ClaimReview markup, besides ISO 8601: RFC 2822-like forms
//! (`Wed, 11 Mar 2020 01:05:52 UTC +00:00`, `Sat, 07 Nov 2020`), a date and time with a space
//! (`2020-10-07 20:05`, `2017-03-01 20:30:17 UTC`), and month names (`March 11, 2020`).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use crate::time::When;

/// How a publisher's date was read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum ReadDate {
    /// Read exactly, as a date or an instant with its offset.
    Exact(When),
    /// A date and time written without a time zone: read as its day.
    DayOnly(When),
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let pos = MONTHS.iter().position(|m| w.starts_with(m))?;
    // "Mar", "March", "Sept", "September", but not "Marzipan".
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let ok = full.get(pos).is_some_and(|f| f.starts_with(&w));
    ok.then(|| pos as u32 + 1)
}

/// A time zone written after a time: `UTC`, `GMT`, `Z`, `+00:00`, `+0000`, `-05`, or a name
/// followed by an offset (`UTC +00:00`). `None` when the words are not a zone.
fn offset_of(words: &[&str]) -> Option<FixedOffset> {
    let mut offset = None;
    for w in words {
        let w = w.trim();
        match w.to_ascii_uppercase().as_str() {
            "UTC" | "GMT" | "Z" | "UT" => {
                offset.get_or_insert(FixedOffset::east_opt(0)?);
            }
            _ => {
                let (sign, rest) = match w.as_bytes().first()? {
                    b'+' => (1, w.get(1..)?),
                    b'-' => (-1, w.get(1..)?),
                    _ => return None,
                };
                let digits: String = rest.chars().filter(|c| *c != ':').collect();
                if !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let (h, m) = match digits.len() {
                    2 => (digits.parse::<i32>().ok()?, 0),
                    4 => (
                        digits.get(..2)?.parse::<i32>().ok()?,
                        digits.get(2..)?.parse::<i32>().ok()?,
                    ),
                    _ => return None,
                };
                if h > 14 || m > 59 {
                    return None;
                }
                // A named zone followed by its offset: the offset is the one that counts.
                offset = Some(FixedOffset::east_opt(sign * (h * 3600 + m * 60))?);
            }
        }
    }
    offset
}

fn time_of(word: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(word, "%H:%M:%S%.f")
        .or_else(|_| NaiveTime::parse_from_str(word, "%H:%M"))
        .ok()
}

fn instant_or_day(day: NaiveDate, rest: &[&str]) -> Option<ReadDate> {
    let Some((first, zone)) = rest.split_first() else {
        return Some(ReadDate::Exact(When::Date(day)));
    };
    let time = time_of(first)?;
    let local = NaiveDateTime::new(day, time);
    if zone.is_empty() {
        return Some(ReadDate::DayOnly(When::Date(day)));
    }
    let offset = offset_of(zone)?;
    let dt: DateTime<FixedOffset> = offset.from_local_datetime(&local).single()?;
    Some(ReadDate::Exact(When::Instant(dt)))
}

/// Reads a date the way publishers write it; `None` when it is none of the known forms.
pub(super) fn read_publisher_date(text: &str) -> Option<ReadDate> {
    let t = text.trim();
    if let Ok(w) = When::parse(t) {
        return Some(ReadDate::Exact(w));
    }
    // ISO 8601 with a space or a `T` but no zone, or a zone written apart: `2017-03-01 20:30:17 UTC`.
    let iso: Vec<&str> = t.splitn(2, ['T', ' ']).collect();
    if let [day, rest] = iso.as_slice() {
        if let Ok(d) = NaiveDate::parse_from_str(day, "%Y-%m-%d") {
            let mut words: Vec<&str> = rest.split_whitespace().collect();
            // `20:30:17Z`, `20:30:17+02:00`: split the zone from the time.
            if let Some(first) = words.first().copied() {
                if let Some(i) = first.find(['Z', 'z', '+']).or_else(|| {
                    first
                        .char_indices()
                        .skip(1)
                        .find(|(_, c)| *c == '-')
                        .map(|(i, _)| i)
                }) {
                    let (time, zone) = first.split_at(i);
                    words.splice(0..1, [time, zone]);
                }
            }
            return instant_or_day(d, &words);
        }
    }
    // RFC 2822-like, and month names: drop a weekday, then day month year, or month day, year.
    let cleaned = t.replace(',', " ");
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    if let Some(first) = words.first() {
        let f = first.trim_end_matches('.').to_ascii_lowercase();
        if f.len() >= 3 && WEEKDAYS.iter().any(|w| f.starts_with(w)) && month_of(first).is_none() {
            words.remove(0);
        }
    }
    let (day, month, year, rest) = match words.as_slice() {
        [d, m, y, rest @ ..] if month_of(m).is_some() && d.parse::<u32>().is_ok() => {
            (d.parse::<u32>().ok()?, month_of(m)?, y, rest)
        }
        [m, d, y, rest @ ..] if month_of(m).is_some() && d.parse::<u32>().is_ok() => {
            (d.parse::<u32>().ok()?, month_of(m)?, y, rest)
        }
        _ => return None,
    };
    if year.len() != 4 {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let d = NaiveDate::from_ymd_opt(year, month, day)?;
    // Years the model cannot hold are refused by When::parse of the ISO form.
    When::parse(&d.format("%Y-%m-%d").to_string()).ok()?;
    instant_or_day(d, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(s: &str) -> String {
        match read_publisher_date(s) {
            Some(ReadDate::Exact(w)) => w.to_string(),
            other => panic!("{s:?} gave {other:?}"),
        }
    }

    #[test]
    fn publisher_forms_are_read() {
        assert_eq!(
            exact("Wed, 11 Mar 2020 01:05:52 UTC +00:00"),
            "2020-03-11T01:05:52+00:00"
        );
        assert_eq!(exact("Sat, 07 Nov 2020"), "2020-11-07");
        assert_eq!(
            exact("2017-03-01 20:30:17 UTC"),
            "2017-03-01T20:30:17+00:00"
        );
        assert_eq!(
            exact("Tue, 1 Sep 2020 10:00:00 -0400"),
            "2020-09-01T10:00:00-04:00"
        );
        assert_eq!(exact("March 11, 2020"), "2020-03-11");
        assert_eq!(exact("11 September 2021"), "2021-09-11");
        assert_eq!(exact("2020-10-07 20:05Z"), "2020-10-07T20:05:00+00:00");
        assert_eq!(
            read_publisher_date("2020-10-07 20:05"),
            Some(ReadDate::DayOnly(When::parse("2020-10-07").unwrap()))
        );
    }

    #[test]
    fn what_is_no_date_is_refused() {
        for s in [
            "yesterday",
            "Wed, 31 Feb 2020",
            "11 Marzipan 2020",
            "2020-13-01 10:00",
            "2020-10-07 25:00 UTC",
            "2020-10-07 10:00 Mars time",
            "",
        ] {
            assert_eq!(read_publisher_date(s), None, "{s:?}");
        }
    }
}
