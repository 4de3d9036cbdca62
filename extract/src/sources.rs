//! Who a source phrase is: its kind, its name, and for a pronoun or "the minister" the nearest
//! fitting mention before it.

use claimgraph::lexicon::unnamed_source_kind;
use claimgraph::SourceKind;

use crate::lexicon::{lexicon, pronoun_kind};
use crate::Span;

/// One source of the draft, with every phrase that named it.
#[derive(Debug, Clone)]
pub(crate) struct Speaker {
    pub name: String,
    pub kind: SourceKind,
    pub plural: bool,
    pub mentions: Vec<Span>,
    /// Other names it was called ("Professor Eastman" for "Cres Eastman").
    pub aliases: Vec<String>,
}

fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| {
                !(c.is_alphanumeric() || c == '-' || c == '.' || c == '\'' || c == '\u{2019}')
            })
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w)
}

/// The part of a source phrase that names it: an appositive ("Khaled Al-Maeena, editor at large
/// at the Saudi Gazette") keeps the name; brackets and a trailing "of ..." on a person go.
pub(crate) fn name_core(phrase: &str) -> &str {
    let phrase = phrase
        .trim()
        .trim_matches(|c: char| c == ',' || c.is_whitespace());
    let mut segments = phrase.split(',').map(str::trim).filter(|s| !s.is_empty());
    let first = segments.next().unwrap_or(phrase);
    if words(first).iter().any(|w| is_cap(w)) {
        return first;
    }
    // "the chairman, John Burrows": the name is the capitalised segment.
    for s in segments {
        if words(s).iter().filter(|w| is_cap(w)).count() >= 2 {
            return s;
        }
    }
    first
}

/// The head noun of a phrase: its last word before a post-modifier ("statistics *from* ...").
fn head(ws: &[&str]) -> Option<String> {
    let end = ws
        .iter()
        .position(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "of" | "from" | "in" | "at" | "for" | "on" | "with" | "by" | "published" | "seen"
            )
        })
        .unwrap_or(ws.len());
    ws[..end]
        .last()
        .map(|w| strip_possessive(w).trim_matches('.').to_lowercase())
}

/// The kind of source a phrase names, and whether it is plural, without context.
pub(crate) fn classify(phrase: &str, known_people: &[String]) -> (SourceKind, bool) {
    let core = name_core(phrase);
    let ws = words(core);
    let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    if let [w] = lower.as_slice() {
        if let Some((k, plural)) = pronoun_kind(w) {
            return (k, plural);
        }
    }
    if let Some(k) = unnamed_source_kind(core) {
        return (k, true);
    }
    let lex = lexicon();
    let bare: String = {
        let mut s = core.trim();
        for det in ["the ", "The ", "both ", "Both "] {
            s = s.strip_prefix(det).unwrap_or(s);
        }
        s.to_lowercase()
    };
    if lex.states.contains(&bare) {
        return (SourceKind::Government, false);
    }
    let h = head(&ws);
    if lower
        .iter()
        .any(|w| lex.outlet_words.contains(strip_possessive(w)))
        && h.as_deref()
            .is_none_or(|h| lex.heads.get(h) != Some(&SourceKind::Document))
    {
        return (SourceKind::Outlet, false);
    }
    if let Some(h) = &h {
        if let Some(&k) = lex.heads.get(h.as_str()) {
            let plural = h.ends_with('s') && k == SourceKind::Document;
            return (k, plural);
        }
    }
    if lower.iter().any(|w| lex.person_words.contains(w.as_str())) {
        return (SourceKind::Person, false);
    }
    // Any word of the phrase that is a kind's head ("The Internet security firm Secunia.com").
    for w in lower.iter().rev() {
        if let Some(&k) = lex.heads.get(strip_possessive(w)) {
            if k != SourceKind::Document {
                return (k, false);
            }
        }
    }
    let caps: Vec<&&str> = ws
        .iter()
        .filter(|w| {
            is_cap(w) && !crate::lexicon::FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
        })
        .collect();
    match caps.len() {
        0 => {
            let plural = lower.last().is_some_and(|w| w.ends_with('s'));
            if plural {
                (SourceKind::UnnamedGroup, true)
            } else {
                (SourceKind::Person, false)
            }
        }
        1 => {
            let w = caps[0];
            let acronym = w
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                && w.len() > 1;
            let known = known_people
                .iter()
                .any(|p| p.eq_ignore_ascii_case(strip_possessive(w)));
            if known {
                (SourceKind::Person, false)
            } else if acronym || ws.len() == 1 {
                (SourceKind::Organization, false)
            } else {
                (SourceKind::Person, false)
            }
        }
        2..=4 if caps.len() == ws.len() => (SourceKind::Person, false),
        _ => (SourceKind::Organization, false),
    }
}

/// A person's surname: the last capitalised word of the name.
pub(crate) fn surname(core: &str) -> Option<String> {
    words(core)
        .into_iter()
        .rev()
        .find(|w| {
            is_cap(w) && !w.starts_with('(') && !w.chars().all(|c| c.is_uppercase() || c == '.')
        })
        .map(|w| strip_possessive(w).to_lowercase())
}

/// The name to show: the core without a leading article for named sources; unnamed sources
/// keep their words ("some Western commentators").
pub(crate) fn display_name(phrase: &str, kind: SourceKind) -> String {
    let core = name_core(phrase).trim();
    let core = core.trim_end_matches(['.', ',', ';', ':']);
    if kind.is_unnamed() {
        return core.to_owned();
    }
    if kind == SourceKind::Person {
        // "Russian President Vladimir Putin" is Vladimir Putin: the name follows the last title.
        let ws: Vec<&str> = core.split_whitespace().collect();
        let lex = lexicon();
        if let Some(t) = ws.iter().rposition(|w| {
            lex.person_words
                .contains(w.to_lowercase().trim_end_matches('.'))
        }) {
            let rest = &ws[t + 1..];
            if !rest.is_empty() && rest.iter().all(|w| is_cap(w)) {
                return rest.join(" ");
            }
        }
    }
    let mut s = core;
    for det in ["the ", "The "] {
        if let Some(rest) = s.strip_prefix(det) {
            if kind != SourceKind::Collective {
                s = rest;
            }
        }
    }
    s.to_owned()
}

/// The identity key of a named source.
pub(crate) fn key_of(phrase: &str, kind: SourceKind) -> String {
    key_of_name(&display_name(phrase, kind), kind)
}

/// The identity key of a named source from its [`display_name`].
pub(crate) fn key_of_name(name: &str, kind: SourceKind) -> String {
    if kind == SourceKind::Person {
        if let Some(s) = surname(name) {
            return format!("person:{s}");
        }
    }
    let mut k: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    for det in ["the ", "both "] {
        if let Some(rest) = k.strip_prefix(det) {
            k = rest.to_owned();
        }
    }
    format!(
        "{}:{}",
        kind.as_str(),
        k.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// Splits "Both Russia and DPRK" or "the Irving ISD and the Irving PD" into its named parts;
/// one part when it is not such a coordination.
pub(crate) fn coordinated(phrase: &str) -> Vec<(usize, usize)> {
    let trimmed_start = phrase.len() - phrase.trim_start().len();
    if phrase.contains(',') {
        return vec![(0, phrase.len())];
    }
    let mut parts = Vec::new();
    let mut start = trimmed_start;
    let mut search = trimmed_start;
    while let Some(k) = phrase[search..].find(" and ") {
        let at = search + k;
        parts.push((start, at));
        start = at + 5;
        search = start;
    }
    parts.push((start, phrase.len()));
    if parts.len() == 1 {
        return parts;
    }
    // Every part must name something on its own: a capital after an optional article.
    let named = parts.iter().all(|&(a, b)| {
        let mut p = phrase[a..b].trim();
        for det in ["both ", "Both ", "the ", "The "] {
            p = p.strip_prefix(det).unwrap_or(p);
        }
        is_cap(p) && words(p).len() <= 6
    });
    if !named {
        return vec![(0, phrase.len())];
    }
    // "Both Russia": drop the "both".
    parts
        .into_iter()
        .map(|(a, b)| {
            let p = &phrase[a..b];
            let lead = ["both ", "Both "]
                .iter()
                .find_map(|d| p.strip_prefix(d).map(|_| d.len()))
                .unwrap_or(0);
            (a + lead, b)
        })
        .collect()
}
