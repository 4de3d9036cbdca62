//! Tokens, paragraphs, sentences and direct quotes of a text, all as byte ranges into it.

use crate::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters and digits, with inner hyphens, apostrophes and dots ("Al-Maeena", "we're", "U.S.").
    Word,
    /// A double quotation mark of any style.
    Quote,
    /// Any other character that is not white space.
    Punct,
}

/// One token: its bytes in the text and its kind.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Some character of the token is upper case (`char::is_uppercase`).
    pub upper: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' | '\u{2033}'
    )
}

/// Splits `text` into tokens. Inner joiners ('-', '\'', '’', '.', '&') stay in a word when a
/// letter or digit follows them, so "U.S." keeps its first dot and loses the last (which may end
/// the sentence; the sentence splitter knows the abbreviation).
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let n = text.len();
    let mut i = 0;
    while i < n {
        let (c, len) = char_at(text, i);
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if is_word_char(c) {
            let mut end = i + len;
            let mut upper = c.is_uppercase();
            while end < n {
                let (d, dl) = char_at(text, end);
                if is_word_char(d) {
                    upper |= d.is_uppercase();
                    end += dl;
                } else if matches!(d, '-' | '\'' | '\u{2019}' | '.' | '&')
                    && end + dl < n
                    && is_word_char(char_at(text, end + dl).0)
                {
                    end += dl;
                } else {
                    break;
                }
            }
            out.push(Token {
                start: i,
                end,
                kind: TokenKind::Word,
                upper,
            });
            i = end;
        } else {
            let kind = if is_quote_char(c) {
                TokenKind::Quote
            } else {
                TokenKind::Punct
            };
            out.push(Token {
                start: i,
                end: i + len,
                kind,
                upper: c.is_uppercase(),
            });
            i += len;
        }
    }
    out
}

/// The character at byte `i` (a character boundary) and its length in bytes; ASCII without
/// decoding.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes()[i] {
        b if b < 0x80 => (char::from(b), 1),
        _ => text[i..]
            .chars()
            .next()
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// Paragraphs: runs of text separated by a blank line (or, in text without blank lines, by a
/// line break).
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    let blank_lines = text.contains("\n\n") || text.contains("\r\n\r\n");
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let b = text.as_bytes();
    while i < b.len() {
        if b[i] == b'\n' {
            let mut j = i + 1;
            let mut blank = false;
            while j < b.len() && (b[j] == b'\n' || b[j] == b'\r' || b[j] == b' ' || b[j] == b'\t') {
                if b[j] == b'\n' {
                    blank = true;
                }
                j += 1;
            }
            if blank || !blank_lines {
                push_trimmed(text, start, i, &mut out);
                start = j;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start, b.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "gov", "sen", "rep", "lt", "col",
    "capt", "sgt", "no", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "d.c", "e.g", "i.e",
    "a.m", "p.m", "etc", "approx", "dept", "est", "fig", "mt", "ft", "rev", "hon", "adm", "maj",
];

/// A known abbreviation ("Mr", "U.S") or a single initial, in any case.
fn is_abbreviation(word: &str) -> bool {
    if word.is_ascii() {
        return ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
            || (word.len() == 1 && word.as_bytes()[0].is_ascii_alphabetic());
    }
    let w = word.to_lowercase();
    ABBREVIATIONS.contains(&w.as_str())
        || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
}

/// Sentences of one paragraph, as ranges of token indices `[first, last)`.
///
/// A sentence ends at '.', '!' or '?' (and any closing quotes or brackets after it) when the next
/// token starts with a capital letter, a digit or a quote; not after a known abbreviation or a
/// single initial ("J. Smith").
pub(crate) fn sentences(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = first;
    let mut i = first;
    while i < last {
        let t = tokens[i];
        let s = &text[t.start..t.end];
        let terminal = t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?" | "\u{2026}");
        if terminal {
            let mut end = i + 1;
            while end < last
                && (tokens[end].kind == TokenKind::Quote
                    || matches!(
                        &text[tokens[end].start..tokens[end].end],
                        ")" | "]" | "." | "!" | "?" | "'" | "\u{2019}"
                    ))
                && (tokens[end].start == tokens[end - 1].end)
            {
                end += 1;
            }
            let abbreviation = s == "."
                && i > first
                && tokens[i - 1].end == t.start
                && tokens[i - 1].kind == TokenKind::Word
                && is_abbreviation(&text[tokens[i - 1].start..tokens[i - 1].end]);
            let next_starts = end >= last || {
                let n = tokens[end];
                let c = text[n.start..].chars().next().unwrap_or(' ');
                c.is_uppercase()
                    || c.is_numeric()
                    || n.kind == TokenKind::Quote
                    || matches!(c, '(' | '[' | '\u{2018}' | '\'' | '-' | '\u{2014}')
            };
            if !abbreviation && next_starts {
                out.push((start, end));
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if start < last {
        out.push((start, last));
    }
    out
}

/// Where a quotation mark stands, judged from its neighbours.
fn quote_role(text: &str, t: Token) -> Role {
    let c = text[t.start..].chars().next().unwrap_or('"');
    match c {
        '\u{201c}' | '\u{201e}' | '\u{201f}' | '\u{ab}' => return Role::Open,
        '\u{201d}' | '\u{bb}' | '\u{2033}' => return Role::Close,
        _ => {}
    }
    let before = text[..t.start].chars().next_back();
    let after = text[t.end..].chars().next();
    let space_before =
        before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '\u{2014}' | '-'));
    let space_after = after
        .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | ')' | '!' | '?'));
    match (space_before, space_after) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// Direct quotes: `(open mark token, close mark token)` pairs, the close `None` when a quote runs
/// to the end of its last paragraph. A quote may run over paragraphs: a paragraph that ends inside
/// a quote continues it when the next paragraph opens with a quotation mark (the printers'
/// convention) or closes a quote before opening one.
pub(crate) fn quotes(
    text: &str,
    tokens: &[Token],
    paragraphs: &[(usize, usize)],
) -> Vec<(usize, Option<usize>)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (p, &(first, last)) in paragraphs.iter().enumerate() {
        let mut i = first;
        while i < last {
            if tokens[i].kind == TokenKind::Quote {
                let role = quote_role(text, tokens[i]);
                match (open, role) {
                    (None, Role::Close) => {}
                    (None, _) => open = Some(i),
                    (Some(o), Role::Open) if i == first => {
                        // A continuation mark at the start of the paragraph: the quote goes on.
                        let _ = o;
                    }
                    (Some(o), Role::Open) => {
                        // Two openings in a row: the first was never closed; start again.
                        let _ = o;
                        open = Some(i);
                    }
                    (Some(o), _) => {
                        out.push((o, Some(i)));
                        open = None;
                    }
                }
            }
            i += 1;
        }
        if let Some(o) = open {
            let continues = paragraphs.get(p + 1).is_some_and(|&(nf, nl)| {
                let first_quote = (nf..nl).find(|&k| tokens[k].kind == TokenKind::Quote);
                match first_quote {
                    Some(k) if k == nf => true,
                    Some(k) => quote_role(text, tokens[k]) == Role::Close,
                    None => false,
                }
            });
            if !continues {
                out.push((o, None));
                open = None;
            }
        }
    }
    if let Some(o) = open {
        out.push((o, None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The tokenizer as first written, one `char` at a time: the one above must agree with it.
    fn tokenize_by_chars(text: &str) -> Vec<(usize, usize, TokenKind, bool)> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let (end, kind) = if is_word_char(c) {
                let mut end = i + c.len_utf8();
                loop {
                    match chars.peek() {
                        Some(&(j, d)) if is_word_char(d) => {
                            end = j + d.len_utf8();
                            chars.next();
                        }
                        Some(&(j, d)) if matches!(d, '-' | '\'' | '\u{2019}' | '.' | '&') => {
                            let after = j + d.len_utf8();
                            if text[after..].chars().next().is_some_and(is_word_char) {
                                chars.next();
                                end = after;
                            } else {
                                break;
                            }
                        }
                        _ => break,
                    }
                }
                (end, TokenKind::Word)
            } else if is_quote_char(c) {
                (i + c.len_utf8(), TokenKind::Quote)
            } else {
                (i + c.len_utf8(), TokenKind::Punct)
            };
            let upper = text[i..end].chars().any(char::is_uppercase);
            out.push((i, end, kind, upper));
        }
        out
    }

    fn tokens(text: &str) -> Vec<(usize, usize, TokenKind, bool)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.start, t.end, t.kind, t.upper))
            .collect()
    }

    /// The abbreviation test as first written (lower-case the word, then look it up).
    fn is_abbreviation_lowered(word: &str) -> bool {
        let w = word.to_lowercase();
        ABBREVIATIONS.contains(&w.as_str())
            || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
    }

    #[test]
    fn tokens_of_mixed_scripts_and_joiners() {
        let text = "U.S. officials' “Al-Maeena” said: we're İstanbul's ΣΟΦΊΑ, 🄰 & Ⅻ.\u{a0}A&B";
        assert_eq!(tokens(text), tokenize_by_chars(text));
        assert!(tokens(text).iter().any(|t| t.3));
    }

    #[test]
    fn abbreviations_in_any_case_and_script() {
        for w in [
            "Mr", "MR", "u.s", "U.S", "J", "é", "É", "İ", "Σ", "x1", "Dr", "Ⅰ", "ß",
        ] {
            assert_eq!(is_abbreviation(w), is_abbreviation_lowered(w), "{w}");
        }
    }

    proptest! {
        #[test]
        fn tokens_are_those_of_the_char_by_char_tokenizer(
            text in "[a-zA-Z0-9 \\-'’.&\"“”«»,;:!?\n\tÄäÉéßİıΣσς日本🄰Ⅻ\u{a0}\u{2029}]{0,80}"
        ) {
            prop_assert_eq!(tokens(&text), tokenize_by_chars(&text));
        }

        #[test]
        fn abbreviations_are_those_of_the_lowering_test(word in "[a-zA-Z.ÉéİΣß]{1,5}") {
            prop_assert_eq!(is_abbreviation(&word), is_abbreviation_lowered(&word));
        }
    }
}
