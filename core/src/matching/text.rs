//! Words, numbers and links of a text, as the claim index compares them.
//!
//! Text is folded first: compatibility forms are decomposed and the accents of Latin, Greek and
//! Cyrillic letters dropped ("Élysée" and "elysee" are one word), then lower-cased with Unicode
//! rules. Words are runs of letters and digits in any script; a hashtag or handle written in
//! camel case gives its parts as well ("#BlackLivesMatter": black, lives, matter); capitals each
//! followed by a full stop are one word ("U.S." is "US"). Numbers lose
//! their thousands separators ("6,700" is 6700) and take the scale word that follows ("2.5
//! million" is 2500000). Links are kept apart from the words, without scheme, `www.` or trailing
//! slash, so `https://www.example.org/a/` and `example.org/a` are one link; a link written
//! without a space before it ("Thursday.https://t.co/x", "#Hanukkahpic.twitter.com/x") is cut
//! off the word it follows.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The language whose word endings and common words the claim index knows.
///
/// Stemming ("interviews" and "interviewed" are one word) follows the Snowball stemmer of the
/// language; the list of common words left out of matching is English only for now, so in the
/// other languages every word counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Language {
    /// English (Snowball "english", the Porter2 stemmer), with an English list of common words.
    #[default]
    English,
    /// French (Snowball "french").
    French,
    /// German (Snowball "german").
    German,
    /// Spanish (Snowball "spanish").
    Spanish,
    /// Portuguese (Snowball "portuguese").
    Portuguese,
    /// Italian (Snowball "italian").
    Italian,
    /// Dutch (Snowball "dutch").
    Dutch,
    /// Russian (Snowball "russian").
    Russian,
    /// Arabic (Snowball "arabic").
    Arabic,
}

impl Language {
    /// The language's lower-case English name ("english").
    pub fn as_str(self) -> &'static str {
        match self {
            Language::English => "english",
            Language::French => "french",
            Language::German => "german",
            Language::Spanish => "spanish",
            Language::Portuguese => "portuguese",
            Language::Italian => "italian",
            Language::Dutch => "dutch",
            Language::Russian => "russian",
            Language::Arabic => "arabic",
        }
    }

    fn algorithm(self) -> Algorithm {
        match self {
            Language::English => Algorithm::English,
            Language::French => Algorithm::French,
            Language::German => Algorithm::German,
            Language::Spanish => Algorithm::Spanish,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Italian => Algorithm::Italian,
            Language::Dutch => Algorithm::Dutch,
            Language::Russian => Algorithm::Russian,
            Language::Arabic => Algorithm::Arabic,
        }
    }
}

impl std::str::FromStr for Language {
    type Err = crate::Error;

    /// Parses a language's English name or ISO 639-1 code, in any case ("english", "en").
    fn from_str(s: &str) -> crate::Result<Language> {
        let all = [
            (Language::English, "en"),
            (Language::French, "fr"),
            (Language::German, "de"),
            (Language::Spanish, "es"),
            (Language::Portuguese, "pt"),
            (Language::Italian, "it"),
            (Language::Dutch, "nl"),
            (Language::Russian, "ru"),
            (Language::Arabic, "ar"),
        ];
        let lower = s.trim().to_lowercase();
        all.iter()
            .find(|(l, code)| l.as_str() == lower || *code == lower)
            .map(|(l, _)| *l)
            .ok_or_else(|| {
                crate::Error::invalid_field(
                    "language",
                    "language",
                    format!(
                        "unknown language {s:?}; known: {}",
                        all.iter()
                            .map(|(l, c)| format!("{} ({c})", l.as_str()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            })
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Common English words, which say little about what a claim is about.
const ENGLISH_STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "s",
    "t",
    "don",
    "also",
    "via",
    "amp",
    "rt",
    "http",
    "https",
    "www",
    "com",
];

/// Common English words that are names when written in capitals: "us" (the pronoun) and "US"
/// (the country, also written "U.S.").
const ENGLISH_COMMON_IN_LOWER_CASE: &[&str] = &["us"];

/// One word of a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    /// Folded and lower-cased, as written otherwise ("interviews").
    pub(crate) text: String,
    /// Whether it was written with a capital first letter.
    pub(crate) capital: bool,
    /// Whether it is a common word of the language.
    pub(crate) common: bool,
    /// Whether it is a part of a longer written token (a camel-case hashtag's part), which does
    /// not count for names.
    pub(crate) part: bool,
}

/// What the index takes from one text.
#[derive(Debug, Default, Clone)]
pub(crate) struct Analyzed {
    pub(crate) words: Vec<Word>,
    pub(crate) numbers: Vec<String>,
    pub(crate) links: Vec<String>,
    /// Strings of words cleared by [`Analyzed::clear`], reused for the next words.
    spare: Vec<String>,
    /// The characters of the chunk being split, and the token being read from it.
    chars: Vec<char>,
    token: String,
}

impl Analyzed {
    /// Empties the words, numbers and links, keeping their strings for the next text, so a
    /// build analyzing a million claims does not allocate a string per word.
    pub(crate) fn clear(&mut self) {
        self.spare.extend(self.words.drain(..).map(|w| w.text));
        self.spare.append(&mut self.numbers);
        self.links.clear();
    }

    /// An empty string, reused if one is spare.
    fn string(&mut self) -> String {
        let mut s = self.spare.pop().unwrap_or_default();
        s.clear();
        s
    }
}

/// Folds, splits and stems text for one language.
pub(crate) struct Analyzer {
    language: Language,
    stemmer: Stemmer,
    common: hashbrown::HashSet<&'static str, foldhash::fast::FixedState>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Analyzer({})", self.language)
    }
}

impl Clone for Analyzer {
    fn clone(&self) -> Analyzer {
        Analyzer::new(self.language)
    }
}

impl Analyzer {
    pub(crate) fn new(language: Language) -> Analyzer {
        let mut common = hashbrown::HashSet::with_hasher(foldhash::fast::FixedState::default());
        if language == Language::English {
            common.extend(ENGLISH_STOPWORDS.iter().copied());
        }
        Analyzer {
            language,
            stemmer: Stemmer::create(language.algorithm()),
            common,
        }
    }

    pub(crate) fn language(&self) -> Language {
        self.language
    }

    /// Whether a folded, lower-case word is a common word of the language.
    pub(crate) fn is_common(&self, word: &str) -> bool {
        self.common.contains(word)
    }

    /// The stem of a folded, lower-case word ("interviews" -> "interview").
    pub(crate) fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        if word.len() <= 3 || word.bytes().any(|b| b.is_ascii_digit()) {
            return Cow::Borrowed(word);
        }
        self.stemmer.stem(word)
    }

    /// The words, numbers and links of `text`.
    pub(crate) fn analyze(&self, text: &str) -> Analyzed {
        let mut out = Analyzed::default();
        self.analyze_into(text, &mut out);
        out
    }

    pub(crate) fn analyze_into(&self, text: &str, out: &mut Analyzed) {
        for chunk in text.split_whitespace() {
            // Every link holds a '/': only such a chunk may hold one glued to a word.
            if chunk.contains('/') {
                for piece in glued_links(chunk) {
                    self.link_or_words(piece, out);
                }
            } else {
                self.link_or_words(chunk, out);
            }
        }
    }

    fn link_or_words(&self, chunk: &str, out: &mut Analyzed) {
        match link_of(chunk) {
            Some(link) => out.links.push(link),
            None => self.split_chunk(chunk, out),
        }
    }

    fn split_chunk(&self, chunk: &str, out: &mut Analyzed) {
        // Tokens: runs of alphanumerics; a '.' or ',' between two digits stays inside a number;
        // an apostrophe inside a word joins it ("don't"), except a possessive "'s", dropped.
        let mut chars = std::mem::take(&mut out.chars);
        chars.clear();
        chars.extend(chunk.chars());
        let mut token = std::mem::take(&mut out.token);
        self.split_chars(&chars, &mut token, out);
        out.chars = chars;
        out.token = token;
    }

    fn split_chars(&self, chars: &[char], token: &mut String, out: &mut Analyzed) {
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            // An abbreviation of capitals each followed by a full stop ("U.S.", "D.C.") is one
            // word of its letters ("US").
            let mut letters = String::new();
            let mut j = i;
            while j < chars.len() && chars[j].is_uppercase() {
                if chars.get(j + 1) == Some(&'.') {
                    letters.push(chars[j]);
                    j += 2;
                } else {
                    // The last capital may go without its full stop ("U.S,").
                    if !letters.is_empty() && !chars.get(j + 1).is_some_and(|c| c.is_alphanumeric())
                    {
                        letters.push(chars[j]);
                        j += 1;
                    }
                    break;
                }
            }
            if letters.chars().count() >= 2 && !chars.get(j).is_some_and(|c| c.is_alphanumeric()) {
                self.push_token(&letters, false, out);
                i = j;
                continue;
            }
            token.clear();
            while i < chars.len() {
                let c = chars[i];
                let in_number = (c == '.' || c == ',')
                    && i > start
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
                if c.is_alphanumeric() || in_number {
                    token.push(c);
                    i += 1;
                } else if (c == '\'' || c == '\u{2019}')
                    && chars.get(i + 1).is_some_and(|n| n.is_alphabetic())
                {
                    let rest_is_s = chars.get(i + 1).is_some_and(|n| *n == 's' || *n == 'S')
                        && !chars.get(i + 2).is_some_and(|n| n.is_alphanumeric());
                    if rest_is_s {
                        i += 2;
                        break;
                    }
                    i += 1;
                } else {
                    break;
                }
            }
            let tagged = start > 0 && (chars[start - 1] == '#' || chars[start - 1] == '@');
            self.push_token(token, tagged, out);
        }
    }

    fn push_token(&self, token: &str, tagged: bool, out: &mut Analyzed) {
        if token.chars().next().is_some_and(|c| c.is_ascii_digit())
            && token
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            let n = normalize_number(token);
            out.words.push(Word {
                text: n.clone(),
                capital: false,
                common: false,
                part: false,
            });
            out.numbers.push(n);
            return;
        }
        if let Some(scale) = scale_of(token) {
            // "2.5 million": the number before takes the scale.
            if let (Some(last), Some(w)) = (out.numbers.last_mut(), out.words.last()) {
                if *last == w.text {
                    if let Ok(v) = last.parse::<f64>() {
                        *last = format_number(v * scale);
                    }
                }
            }
        }
        let capital = token.chars().next().is_some_and(char::is_uppercase);
        if !may_have_parts(token) {
            self.push_word(token, capital, false, out);
            return;
        }
        let parts = split_parts(token);
        if parts.len() > 1 {
            for p in &parts {
                self.push_word(
                    p,
                    p.chars().next().is_some_and(char::is_uppercase),
                    true,
                    out,
                );
            }
        }
        if parts.len() <= 1 || (!tagged && token.chars().count() <= 24) {
            self.push_word(token, capital, parts.len() > 1, out);
        }
    }

    fn push_word(&self, written: &str, capital: bool, part: bool, out: &mut Analyzed) {
        let mut text = out.string();
        fold_into(written, &mut text);
        if text.is_empty() {
            out.spare.push(text);
            return;
        }
        let common = self.common.contains(text.as_str())
            || (self.language == Language::English
                && ENGLISH_COMMON_IN_LOWER_CASE.contains(&written));
        out.words.push(Word {
            text,
            capital,
            common,
            part,
        });
    }
}

/// Whether [`split_parts`] may cut `token`: a token of letters with no capital after its first
/// letter is one part.
fn may_have_parts(token: &str) -> bool {
    let mut chars = token.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let digits = first.is_ascii_digit();
    chars.any(|c| c.is_uppercase() || c.is_ascii_digit() != digits)
}

/// Splits a camel-case or letters-and-digits token into its parts: "BlackLivesMatter" gives
/// Black, Lives, Matter; "COVID19" gives COVID, 19; "iPhone" stays whole.
fn split_parts(token: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    let chars: Vec<(usize, char)> = token.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        if let Some(p) = prev {
            let next = chars.get(k + 1).map(|x| x.1);
            let boundary = (p.is_lowercase() && c.is_uppercase() && at - start > 1)
                || (p.is_uppercase()
                    && c.is_uppercase()
                    && next.is_some_and(char::is_lowercase)
                    && at - start > 1)
                || (p.is_alphabetic() && c.is_ascii_digit())
                || (p.is_ascii_digit() && c.is_alphabetic());
            if boundary {
                parts.push(&token[start..at]);
                start = at;
            }
        }
        prev = Some(c);
    }
    parts.push(&token[start..]);
    parts
}

fn scale_of(token: &str) -> Option<f64> {
    const SCALES: [(&str, f64); 7] = [
        ("thousand", 1e3),
        ("million", 1e6),
        ("millions", 1e6),
        ("billion", 1e9),
        ("billions", 1e9),
        ("trillion", 1e12),
        ("trillions", 1e12),
    ];
    SCALES
        .iter()
        .find(|(word, _)| token.eq_ignore_ascii_case(word))
        .map(|&(_, scale)| scale)
}

/// "6,700" -> "6700", "1.50" -> "1.5", "2,5" (a decimal comma) -> "2.5".
fn normalize_number(token: &str) -> String {
    let groups: Vec<&str> = token.split(',').collect();
    let last = groups.len() - 1;
    let thousands = last > 0
        && groups[1..]
            .iter()
            .all(|g| g.split('.').next().map_or(0, str::len) == 3)
        && !groups[..last].iter().any(|g| g.contains('.'));
    let plain: String = if thousands {
        token.replace(',', "")
    } else {
        token.replace(',', ".")
    };
    match plain.parse::<f64>() {
        Ok(v) if plain.matches('.').count() <= 1 => format_number(v),
        _ => plain,
    }
}

fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e18 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// Folds accents of Latin, Greek and Cyrillic letters and compatibility forms away, and
/// lower-cases, appending to `out`.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.reserve(text.len());
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    out.reserve(text.len());
    let mut base_is_european = false;
    for c in text.nfkd() {
        if is_combining_mark(c) {
            if base_is_european {
                continue;
            }
        } else {
            base_is_european = (c as u32) < 0x0530;
        }
        for l in c.to_lowercase() {
            out.push(l);
        }
    }
}

/// Where links begin inside a chunk of text written without a space before them.
const LINK_STARTS: [&str; 3] = ["https://", "http://", "pic.twitter.com/"];

/// A white-space separated chunk of text cut where a link begins inside it: posts copied from
/// social media often lose the space before a link ("Thursday.https://t.co/x",
/// "#Hanukkahpic.twitter.com/x", one link right after another), which would otherwise make
/// words of the link's code and glue its first letters to the word before.
fn glued_links(chunk: &str) -> impl Iterator<Item = &str> {
    let lower = chunk.to_ascii_lowercase();
    let mut cuts: Vec<usize> = LINK_STARTS
        .iter()
        .flat_map(|start| lower.match_indices(start).map(|(at, _)| at))
        // Not the host of a link already begun ("https://pic.twitter.com/x").
        .filter(|&at| at > 0 && !lower[..at].ends_with('/'))
        .collect();
    cuts.sort_unstable();
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for at in cuts {
        if at > from {
            pieces.push(&chunk[from..at]);
            from = at;
        }
    }
    pieces.push(&chunk[from..]);
    pieces.into_iter().filter(|p| !p.is_empty())
}

/// The link a white-space separated chunk of text is, if it is one.
fn link_of(chunk: &str) -> Option<String> {
    let chunk = chunk.trim_start_matches(['(', '[', '<', '"', '\'', '\u{201c}']);
    let starts = |prefix: &str| {
        chunk
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    // A scheme is read past here and any second one by `normalize_link`; `www.` and
    // `pic.twitter.com/` stay for it to read.
    let skip = ["https://", "http://", "www.", "pic.twitter.com/"]
        .into_iter()
        .find(|prefix| starts(prefix))
        .map(|prefix| {
            if prefix.ends_with("://") {
                prefix.len()
            } else {
                0
            }
        })?;
    Some(normalize_link(&chunk[skip..]))
}

/// A link without scheme, `www.`, fragment and trailing punctuation or slash, lower-case.
pub(crate) fn normalize_link(link: &str) -> String {
    let lower = link.trim().to_lowercase();
    let mut rest = lower.as_str();
    for scheme in ["https://", "http://"] {
        if let Some(r) = rest.strip_prefix(scheme) {
            rest = r;
        }
    }
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.split('#').next().unwrap_or(rest);
    rest.trim_end_matches(|c: char| {
        matches!(
            c,
            '/' | '.' | ',' | ')' | ']' | '>' | '"' | '\'' | '!' | '?' | ';' | ':'
        ) || c == '\u{201d}'
            || c == '\u{2026}'
    })
    .to_owned()
}

/// Character n-grams of a folded word, padded with a space on both sides: " vac", "vacc", ...
pub(crate) fn grams_of(word: &str, lengths: std::ops::RangeInclusive<usize>, out: &mut Vec<u64>) {
    let padded: Vec<char> = std::iter::once(' ')
        .chain(word.chars())
        .chain(std::iter::once(' '))
        .collect();
    for n in lengths {
        if padded.len() < n {
            continue;
        }
        for w in padded.windows(n) {
            out.push(gram_hash(w));
        }
    }
}

fn gram_hash(chars: &[char]) -> u64 {
    // FNV-1a over the code points: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in chars {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        Analyzer::new(Language::English)
            .analyze(text)
            .words
            .into_iter()
            .map(|w| w.text)
            .collect()
    }

    #[test]
    fn numbers_lose_separators_and_take_scales() {
        let a = Analyzer::new(Language::English)
            .analyze("6,700 containers, 2.5 million shells, 1.50 each");
        assert_eq!(a.numbers, ["6700", "2500000", "1.5"]);
    }

    #[test]
    fn hashtags_split_into_parts_and_accents_fold() {
        assert_eq!(words("#BlackLivesMatter"), ["black", "lives", "matter"]);
        assert_eq!(words("Élysée"), ["elysee"]);
        assert_eq!(
            words("Russia's COVID19"),
            ["russia", "covid", "19", "covid19"]
        );
    }

    #[test]
    fn links_are_kept_apart_and_normalized() {
        let a = Analyzer::new(Language::English)
            .analyze("see https://www.Example.org/a/ and (http://t.co/xyz).");
        assert_eq!(a.links, ["example.org/a", "t.co/xyz"]);
        assert_eq!(a.words.len(), 2);
    }

    #[test]
    fn links_written_without_a_space_before_them_are_cut_off() {
        let a = Analyzer::new(Language::English).analyze(
            "Vote this Thursday.https://t.co/bKuLi #Hanukkahpic.twitter.com/If \
             Zedong.https://t.co/cBUZVQjhNUpic.twitter.com/RVARy https://pic.twitter.com/Ab",
        );
        assert_eq!(
            a.links,
            [
                "t.co/bkuli",
                "pic.twitter.com/if",
                "t.co/cbuzvqjhnu",
                "pic.twitter.com/rvary",
                "pic.twitter.com/ab"
            ]
        );
        let words: Vec<&str> = a.words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(words, ["vote", "this", "thursday", "hanukkah", "zedong"]);
    }

    #[test]
    fn abbreviations_with_full_stops_are_one_word() {
        assert_eq!(words("U.S. troops in D.C."), ["us", "troops", "in", "dc"]);
        assert_eq!(
            words("the U.S, e.g. A.Smith"),
            ["the", "us", "e", "g", "a", "smith"]
        );
        let a = Analyzer::new(Language::English).analyze("US officials told us");
        let common: Vec<bool> = a.words.iter().map(|w| w.common).collect();
        assert_eq!(common, [false, false, false, true]);
    }

    #[test]
    fn an_analysis_reusing_the_last_ones_strings_gives_what_a_fresh_one_gives() {
        let a = Analyzer::new(Language::English);
        let texts = [
            "#BlackLivesMatter rally: 6,700 marched in the U.S. capital, 2.5 million watched",
            "Élysée denies it",
            "WWW.Example.org/A and HTTPS://T.co/X are links; Http: is not",
            "",
            "iPhone COVID19 Russia's",
        ];
        let mut reused = Analyzed::default();
        for text in texts.iter().chain(texts.iter().rev()) {
            reused.clear();
            a.analyze_into(text, &mut reused);
            let fresh = a.analyze(text);
            assert_eq!(reused.words, fresh.words, "{text:?}");
            assert_eq!(reused.numbers, fresh.numbers, "{text:?}");
            assert_eq!(reused.links, fresh.links, "{text:?}");
        }
        let links = a.analyze("WWW.Example.org/A and HTTPS://T.co/X").links;
        assert_eq!(links, ["example.org/a", "t.co/x"]);
    }

    #[test]
    fn english_stems() {
        let a = Analyzer::new(Language::English);
        assert_eq!(a.stem("interviews"), a.stem("interviewed"));
        assert_eq!(a.stem("imprisoned"), "imprison");
    }
}
