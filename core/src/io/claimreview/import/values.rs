//! The shapes schema.org allows for a value (text or a list of texts, a number as a string,
//! one object or several), read with errors that name the JSON path.

use serde_json::{Map, Value};

use super::dates::{read_publisher_date, ReadDate};
use super::fmt_err;
use crate::error::Result;
use crate::io::prov::ImportReport;
use crate::time::{Period, When};

/// The longest slug derived from a name, url or text, in bytes.
const MAX_SLUG: usize = 80;

pub(super) fn collect_items<'a>(
    v: &'a Value,
    path: &str,
    out: &mut Vec<(String, &'a Map<String, Value>)>,
) -> Result<()> {
    match v {
        Value::Object(m) => match m.get("@graph") {
            Some(g) => collect_items(g, &format!("{path}.@graph"), out),
            None => {
                out.push((path.to_owned(), m));
                Ok(())
            }
        },
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_items(item, &format!("{path}[{i}]"), out)?;
            }
            Ok(())
        }
        _ => Err(fmt_err(
            path,
            "expected a ClaimReview object, an array of them, or an object with @graph",
        )),
    }
}

/// The local names of an item's types: `ClaimReview` for `"schema:ClaimReview"` or
/// `"https://schema.org/ClaimReview"`.
pub(super) fn types_of(m: &Map<String, Value>) -> Vec<String> {
    let local = |t: &str| t.rsplit(['/', '#', ':']).next().unwrap_or(t).to_owned();
    match m.get("@type").or_else(|| m.get("type")) {
        Some(Value::String(t)) => vec![local(t)],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(local).collect(),
        _ => Vec::new(),
    }
}

/// Makes a slug of a name, text or url (see
/// [`ClaimGraph::import_claimreview`](crate::ClaimGraph::import_claimreview)).
pub(super) fn slug(text: &str) -> String {
    let t = text.trim();
    let t = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
        .unwrap_or(t);
    let t = t.strip_prefix("www.").unwrap_or(t);
    let mut out = String::new();
    let mut dash = false;
    for c in t.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
        if out.len() >= MAX_SLUG {
            break;
        }
    }
    if out.len() > MAX_SLUG {
        let mut end = MAX_SLUG;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "item".to_owned()
    } else {
        out
    }
}

pub(super) fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// The text of a field given as a string, or as an array whose first element is one.
pub(super) fn text(m: &Map<String, Value>, key: &str, path: &str) -> Result<Option<String>> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_owned()).filter(|s| !s.is_empty())),
        Some(Value::Array(items)) => match items.first() {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_owned()).filter(|s| !s.is_empty())),
            Some(_) => Err(fmt_err(&format!("{path}.{key}[0]"), "expected text")),
        },
        Some(Value::Object(o)) => match o.get("@value") {
            Some(Value::String(s)) => Ok(Some(s.trim().to_owned()).filter(|s| !s.is_empty())),
            _ => Err(fmt_err(&format!("{path}.{key}"), "expected text")),
        },
        Some(_) => Err(fmt_err(&format!("{path}.{key}"), "expected text")),
    }
}

pub(super) fn texts(m: &Map<String, Value>, key: &str, path: &str) -> Result<Vec<String>> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                Value::String(s) => Ok(s.clone()),
                _ => Err(fmt_err(&format!("{path}.{key}[{i}]"), "expected text")),
            })
            .collect(),
        Some(_) => Err(fmt_err(
            &format!("{path}.{key}"),
            "expected text or a list of texts",
        )),
    }
}

/// A number written as a JSON number or as a string.
pub(super) fn number(m: &Map<String, Value>, key: &str, path: &str) -> Result<Option<f64>> {
    let at = format!("{path}.{key}");
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_f64()
            .map(Some)
            .ok_or_else(|| fmt_err(&at, "not a number")),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(Some)
            .ok_or_else(|| fmt_err(&at, format!("{s:?} is not a number"))),
        Some(_) => Err(fmt_err(&at, "expected a number")),
    }
}

/// Objects given as one object, an array of them, or a bare string (a name).
pub(super) fn objects(
    m: &Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Vec<(String, Map<String, Value>)>> {
    let at = format!("{path}.{key}");
    let one = |v: &Value, at: String| -> Result<(String, Map<String, Value>)> {
        match v {
            Value::Object(o) => Ok((at, o.clone())),
            Value::String(name) => Ok((
                at,
                Map::from_iter([("name".to_owned(), Value::String(name.clone()))]),
            )),
            _ => Err(fmt_err(&at, "expected an object or a name")),
        }
    };
    match m.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| one(v, format!("{at}[{i}]")))
            .collect(),
        Some(v) => Ok(vec![one(v, at)?]),
    }
}

pub(super) fn has_any(m: &Map<String, Value>, keys: &[&str]) -> bool {
    keys.iter().any(|k| m.contains_key(*k))
}

/// A date as schema.org or a publisher writes it: `2024-06-20`, an RFC 3339 instant, or one of
/// the forms in `dates.rs`. A time without a zone is read as its day; a text that is no date is
/// left out. The report says so for both.
pub(super) fn date(
    m: &Map<String, Value>,
    key: &str,
    path: &str,
    report: &mut ImportReport,
) -> Result<Option<When>> {
    let at = format!("{path}.{key}");
    let Some(t) = text(m, key, path)? else {
        return Ok(None);
    };
    match read_publisher_date(&t) {
        Some(ReadDate::Exact(w)) => Ok(Some(w)),
        Some(ReadDate::DayOnly(d)) => {
            report.note(format!("{at} {t:?} has no time zone; read as the day {d}"));
            Ok(Some(d))
        }
        None => {
            report.note(format!(
                "{at} {t:?} is not a date this import can read; the date was left out"
            ));
            Ok(None)
        }
    }
}

/// The document without what carries nothing: empty or blank strings, nulls, empty lists, and
/// objects left with nothing but a type (`{"@type": "Person", "name": ""}`). Publishers write
/// `"@id": ""` for "none", and an empty name must not name a party that every such review then
/// shares.
pub(super) fn without_empty_values(v: Value) -> Option<Value> {
    match v {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::Array(items) => {
            let kept: Vec<Value> = items.into_iter().filter_map(without_empty_values).collect();
            (!kept.is_empty()).then_some(Value::Array(kept))
        }
        Value::Object(m) => {
            let kept: Map<String, Value> = m
                .into_iter()
                .filter_map(|(k, v)| without_empty_values(v).map(|v| (k, v)))
                .collect();
            let has_content = kept
                .keys()
                .any(|k| !matches!(k.as_str(), "@type" | "type" | "@context"));
            has_content.then_some(Value::Object(kept))
        }
        other => Some(other),
    }
}

/// A `temporalCoverage` interval: `2023-08/2024-02`, with `..` (or nothing) for an open end, or
/// a single date for a period within it.
pub(super) fn period(t: &str, at: &str) -> Result<Period> {
    let end = |s: &str| -> Result<Option<When>> {
        let s = s.trim();
        if s.is_empty() || s == ".." {
            Ok(None)
        } else {
            When::parse(s)
                .map(Some)
                .map_err(|e| fmt_err(at, e.to_string()))
        }
    };
    let p = match t.split_once('/') {
        Some((a, b)) => Period::new(end(a)?, end(b)?),
        None => {
            let w = end(t)?;
            Period::new(w, w)
        }
    };
    if p.start.is_none() && p.end.is_none() {
        return Err(fmt_err(at, "an interval needs a start, an end, or both"));
    }
    Ok(p)
}
