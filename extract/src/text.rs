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
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            loop {
                match chars.peek() {
                    Some(&(j, d)) if is_word_char(d) => {
                        end = j + d.len_utf8();
                        chars.next();
                    }
                    Some(&(j, d)) if matches!(d, '-' | '\'' | '\u{2019}' | '.' | '&') => {
                        let after = j + d.len_utf8();
                        let next_is_word = text[after..].chars().next().is_some_and(is_word_char);
                        if next_is_word {
                            chars.next();
                            end = after;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            out.push(Token {
                start: i,
                end,
                kind: TokenKind::Word,
            });
        } else {
            let kind = if is_quote_char(c) {
                TokenKind::Quote
            } else {
                TokenKind::Punct
            };
            out.push(Token {
                start: i,
                end: i + c.len_utf8(),
                kind,
            });
        }
    }
    let _ = bytes;
    out
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
                && {
                    let w = text[tokens[i - 1].start..tokens[i - 1].end].to_lowercase();
                    ABBREVIATIONS.contains(&w.as_str())
                        || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
                };
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
