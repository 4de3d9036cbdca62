//! The patterns: direct quotes with their speech clause, "according to", reported speech and
//! belief ("X said (that) ...", "..., X said"), "there are beliefs in X that", "In an op-ed, X
//! ...", "Reports:" heads and photo credits.

use claimgraph::{Modality, Stance};

use crate::lexicon::{
    is_negation, lexicon, pronoun_kind, VerbClass, CLAUSE_OPENERS, FINITE_MARKERS, FUNCTION_WORDS,
    VERB_PREFIX,
};
use crate::text::{self, Token, TokenKind};
use crate::{Polarity, Span};

/// Which pattern found an attribution (shown to the reviewer, and used for its confidence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    /// A direct quote with its speech clause after it (`"...," she said`).
    QuoteThenSpeaker,
    /// A direct quote with its speech clause before it (`She said: "..."`).
    SpeakerThenQuote,
    /// A first-person belief inside a quote (`"I think ..."`).
    FirstPersonBelief,
    /// `According to X, ...` or `..., according to X`.
    AccordingTo,
    /// `X, quoting Y, ...`: a relayed source.
    Quoting,
    /// `X said (that) ...`: reported speech or belief, content after the verb.
    ReportedSpeech,
    /// `..., X said.` or `..., said X`: content before the speech clause.
    SpeechAfter,
    /// `there are beliefs in X that ...`.
    BeliefsIn,
    /// `In an op-ed published in Y, X expressed ...`: a statement made in a document.
    InDocument,
    /// A `Reports: ...` head.
    ReportsHead,
    /// A credit line under a picture (`Image: X.`).
    MediaCredit,
}

impl Pattern {
    /// The pattern's name in records and the notebook view.
    pub fn as_str(self) -> &'static str {
        match self {
            Pattern::QuoteThenSpeaker => "quote_then_speaker",
            Pattern::SpeakerThenQuote => "speaker_then_quote",
            Pattern::FirstPersonBelief => "first_person_belief",
            Pattern::AccordingTo => "according_to",
            Pattern::Quoting => "quoting",
            Pattern::ReportedSpeech => "reported_speech",
            Pattern::SpeechAfter => "speech_after",
            Pattern::BeliefsIn => "beliefs_in",
            Pattern::InDocument => "in_document",
            Pattern::ReportsHead => "reports_head",
            Pattern::MediaCredit => "media_credit",
        }
    }
}

/// One attribution as the patterns find it, before sources are resolved.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub source: Option<Span>,
    pub cue: Option<Span>,
    pub content: Span,
    pub parts: Vec<Span>,
    pub polarity: Polarity,
    pub stance: Stance,
    pub modality: Modality,
    pub pattern: Pattern,
    pub confidence: f64,
    /// The content is a direct quote (its words are the source's).
    pub direct: bool,
    /// For a belief inside a quote, the index of the quote's own attribution.
    pub inside: Option<usize>,
    /// A frame document ("an op-ed") and where it was published, for `InDocument`.
    pub frame: Option<(Span, Option<Span>)>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Sentence {
    pub first: usize,
    pub last: usize,
    pub heading: bool,
}

/// A text prepared for the patterns.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// Each token in lower case: its own bytes when it has no capital, else a piece of
    /// `lowered` (one string for the whole text rather than one per capitalized word).
    lower: Vec<Lower>,
    lowered: String,
    pub paragraphs: Vec<(usize, usize)>,
    pub sentences: Vec<Sentence>,
    /// For each token, the quote it is inside (index into `quotes`), or `usize::MAX`.
    in_quote: Vec<usize>,
    /// Quotes: open mark token, close mark token (or the last token of the quote's paragraph).
    pub quotes: Vec<(usize, usize, bool)>,
    /// Tokens whose text an attribution already took as a quote.
    claimed: Vec<bool>,
}

const NONE: usize = usize::MAX;

/// Where a token's lower-case form is: in the text, or in the string of lowered tokens.
#[derive(Debug, Clone, Copy)]
struct Lower {
    lowered: bool,
    start: usize,
    end: usize,
}

/// The lower-case form of every token, as `str::to_lowercase` gives it.
fn lower_case(text: &str, tokens: &[Token]) -> (Vec<Lower>, String) {
    let mut lowered = String::new();
    let lower = tokens
        .iter()
        .map(|t| {
            let s = &text[t.start..t.end];
            if !t.upper {
                return Lower {
                    lowered: false,
                    start: t.start,
                    end: t.end,
                };
            }
            let start = lowered.len();
            if s.is_ascii() {
                lowered.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                lowered.push_str(&s.to_lowercase());
            }
            Lower {
                lowered: true,
                start,
                end: lowered.len(),
            }
        })
        .collect();
    (lower, lowered)
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let tokens = text::tokenize(text);
        let (lower, lowered) = lower_case(text, &tokens);
        let para_spans = text::paragraphs(text);
        let mut paragraphs = Vec::with_capacity(para_spans.len());
        let mut k = 0;
        for p in &para_spans {
            while k < tokens.len() && tokens[k].start < p.start {
                k += 1;
            }
            let first = k;
            while k < tokens.len() && tokens[k].end <= p.end {
                k += 1;
            }
            if first < k {
                paragraphs.push((first, k));
            }
        }
        let mut sentences = Vec::new();
        for (pi, &(first, last)) in paragraphs.iter().enumerate() {
            let ends_open = !matches!(
                &text[tokens[last - 1].start..tokens[last - 1].end],
                "." | "!" | "?" | "\"" | "\u{201d}" | ":"
            );
            let heading = pi == 0 && ends_open;
            for (a, b) in text::sentences(text, &tokens, first, last) {
                sentences.push(Sentence {
                    first: a,
                    last: b,
                    heading,
                });
            }
        }
        let raw_quotes = text::quotes(text, &tokens, &paragraphs);
        let mut in_quote = vec![NONE; tokens.len()];
        let mut quotes = Vec::with_capacity(raw_quotes.len());
        for (open, close) in raw_quotes {
            let (close, closed) = match close {
                Some(c) => (c, true),
                None => {
                    let para_end = paragraphs
                        .iter()
                        .find(|&&(f, l)| f <= open && open < l)
                        .map_or(open, |&(_, l)| l - 1);
                    (para_end, false)
                }
            };
            let qi = quotes.len();
            for slot in in_quote.iter_mut().take(close + 1).skip(open) {
                *slot = qi;
            }
            quotes.push((open, close, closed));
        }
        let claimed = vec![false; tokens.len()];
        Doc {
            text,
            tokens,
            lower,
            lowered,
            paragraphs,
            sentences,
            in_quote,
            quotes,
            claimed,
        }
    }

    fn w(&self, i: usize) -> &str {
        self.lower(i)
    }

    /// Token `i` in lower case.
    pub fn lower(&self, i: usize) -> &str {
        let l = self.lower[i];
        let from = if l.lowered { &self.lowered } else { self.text };
        &from[l.start..l.end]
    }

    fn raw(&self, i: usize) -> &str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word
    }

    fn is_quote(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Quote
    }

    fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tokens[i].kind == TokenKind::Punct && self.raw(i) == p
    }

    /// Bytes of tokens `[a, b)`.
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].start, self.tokens[b - 1].end)
    }

    fn is_function(&self, i: usize) -> bool {
        FUNCTION_WORDS.contains(&self.w(i))
    }

    fn words_in(&self, a: usize, b: usize) -> usize {
        (a..b).filter(|&i| self.is_word(i)).count()
    }

    fn sentence_of(&self, tok: usize) -> Option<Sentence> {
        let k = self.sentences.partition_point(|s| s.last <= tok);
        self.sentences.get(k).copied().filter(|s| s.first <= tok)
    }
}

/// Runs every pattern over the text, quotes first so that their sentences are not read twice.
pub(crate) fn find(doc: &mut Doc<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    quote_attributions(doc, &mut out);
    let quoted: Vec<usize> = (0..out.len()).collect();
    for qi in quoted {
        first_person_beliefs(doc, qi, &mut out);
    }
    media_credits(doc, &mut out);
    let sentences = doc.sentences.clone();
    for s in sentences {
        sentence_patterns(doc, s, &mut out);
    }
    out.sort_by_key(|f| (f.content.start, f.content.end));
    out
}

fn verb_info(doc: &Doc<'_>, i: usize) -> Option<crate::lexicon::Verb> {
    if !doc.is_word(i) {
        return None;
    }
    lexicon().verbs.get(doc.w(i)).copied()
}

/// Skips auxiliaries and adverbs backwards from just before `verb`; returns the index of the
/// first token of that run and whether it held a negation.
fn verb_prefix(doc: &Doc<'_>, verb: usize, floor: usize) -> (usize, bool) {
    let mut k = verb;
    let mut negated = false;
    while k > floor {
        let w = doc.w(k - 1);
        if doc.is_word(k - 1) && (VERB_PREFIX.contains(&w) || w.ends_with("ly") && k - 1 > floor) {
            negated |= is_negation(w);
            k -= 1;
        } else {
            break;
        }
    }
    (k, negated)
}

/// Words that end a subject noun phrase walking backwards: subordinators and conjunctions.
const SUBJECT_STOPS: &[&str] = &[
    "that", "because", "while", "when", "although", "though", "if", "as", "but", "so", "since",
    "whereas", "after", "before", "until", "unless", "where", "which", "who", "whom", "yet",
    "once", "whether", "why", "how", "what",
];

/// The subject noun phrase ending at token `end` (inclusive), walking back no further than
/// `floor`: `[start, end + 1)`, or `None` when what stands there is no plausible subject.
fn subject_before(doc: &Doc<'_>, end: usize, floor: usize) -> Option<(usize, usize)> {
    let mut end = end;
    // "The World Health Organisation (WHO) recommends": step over the bracket.
    if doc.is_punct(end, ")") {
        let mut k = end;
        while k > floor && !doc.is_punct(k, "(") {
            k -= 1;
        }
        if k == floor || k == 0 {
            return None;
        }
        end = k - 1;
    }
    let mut appositive_comma: Option<usize> = None;
    if doc.is_punct(end, ",") {
        // "Khaled Al-Maeena, editor at large at the Saudi Gazette, said": the subject is before
        // the appositive's closing comma.
        if end == floor {
            return None;
        }
        appositive_comma = Some(end);
        end -= 1;
    }
    if !doc.is_word(end) {
        return None;
    }
    let w = doc.w(end);
    if pronoun_kind(w).is_none() && (doc.is_function(end) || SUBJECT_STOPS.contains(&w)) {
        return None;
    }
    let mut start = end;
    let mut commas = 0;
    while start > floor {
        let p = start - 1;
        if doc.is_word(p) {
            let w = doc.w(p);
            if SUBJECT_STOPS.contains(&w) {
                break;
            }
            if w == "and" && p > floor && doc.is_punct(p - 1, ",") && appositive_comma.is_none() {
                break;
            }
            if pronoun_kind(doc.w(start)).is_some() && start == end {
                // A pronoun is a whole subject.
                break;
            }
            if verb_info(doc, p).is_some_and(|v| !v.base) && !doc.is_cap(p) && start == end {
                // "... the findings show": a verb right before ends the phrase.
                break;
            }
            start = p;
        } else if doc.is_punct(p, ",") {
            // Keep walking only through an appositive: the segment before the comma must be
            // a name ("Hernan Dario Gomez, Panama coach, said") and we must have met the
            // appositive's closing comma.
            if appositive_comma.is_none() || commas > 1 {
                break;
            }
            commas += 1;
            let mut q = p;
            while q > floor && doc.is_word(q - 1) && !SUBJECT_STOPS.contains(&doc.w(q - 1)) {
                q -= 1;
            }
            let segment_is_name =
                q < p && (q..p).all(|i| doc.is_cap(i) || doc.is_function(i)) && doc.is_cap(p - 1);
            let here_is_appositive =
                !doc.is_cap(start) || lexicon().person_words.contains(doc.w(start)) || commas > 1;
            if segment_is_name || here_is_appositive && q < p && doc.is_cap(p - 1) {
                start = p;
            } else {
                break;
            }
        } else if doc.is_punct(p, "(")
            || doc.is_punct(p, ")")
            || doc.is_punct(p, "&")
            || doc.is_punct(p, "/")
            || doc.is_punct(p, "-")
        {
            start = p;
        } else {
            break;
        }
        if end + 1 - start > 30 {
            return None;
        }
    }
    while start < end && (doc.is_punct(start, ",") || doc.is_punct(start, ")")) {
        start += 1;
    }
    // A leading preposition means we walked into an adverbial ("In 2010 X said" is rare; "In
    // the study the researchers found" is not a subject).
    if matches!(
        doc.w(start),
        "in" | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "to"
            | "of"
            | "during"
            | "after"
            | "over"
    ) {
        // Drop the adverbial up to the last capital or determiner.
        let mut k = start + 1;
        while k <= end && !(doc.w(k) == "the" || doc.is_cap(k)) {
            k += 1;
        }
        if k > end {
            return None;
        }
        start = k;
    }
    if (start..=end).all(|i| !doc.is_word(i) || doc.is_function(i))
        && pronoun_kind(doc.w(end)).is_none()
    {
        return None;
    }
    Some((start, end + 1))
}

/// A noun phrase after a verb or "according to": `[start, end)` up to a comma, the sentence's
/// end, or (without a comma) the end of a capitalised run.
fn phrase_after(doc: &Doc<'_>, start: usize, last: usize, max: usize) -> Option<(usize, usize)> {
    if start >= last || !doc.is_word(start) {
        return None;
    }
    let limit = (start + max).min(last);
    if let Some(c) = (start..limit).find(|&i| {
        doc.tokens[i].kind != TokenKind::Word
            && !matches!(doc.raw(i), "(" | ")" | "'" | "\u{2019}" | "&" | "-" | "/")
    }) {
        let terminal = matches!(doc.raw(c), "." | "!" | "?") && c + 1 >= last;
        if !terminal || max < 20 {
            return (c > start).then_some((start, c));
        }
        // "according to the event website." is the phrase; "According to the Saudi Interior
        // Ministry over 345 pilgrims were killed." is not all of it.
        return match cap_run(doc, start, last) {
            Some((a, b)) if b < c && doc.words_in(b, c) >= 3 => Some((a, b)),
            _ => (c > start).then_some((start, c)),
        };
    } else if limit == last && max < 20 {
        return Some((start, last));
    }
    cap_run(doc, start, last)
}

/// The capitalised run a phrase starts with ("the Saudi Interior Ministry"), articles, "of" and
/// "'s" inside it allowed.
fn cap_run(doc: &Doc<'_>, start: usize, last: usize) -> Option<(usize, usize)> {
    let mut k = start;
    while k < last
        && (doc.is_cap(k)
            || matches!(
                doc.w(k),
                "the" | "of" | "'s" | "a" | "an" | "and" | "news" | "agency" | "for"
            ))
    {
        k += 1;
    }
    while k > start && !doc.is_cap(k - 1) && !matches!(doc.w(k - 1), "news" | "agency") {
        k -= 1;
    }
    (k > start).then_some((start, k))
}

fn push(out: &mut Vec<Found>, f: Found) {
    if f.content.end <= f.content.start {
        return;
    }
    if out.iter().any(|g| g.content == f.content && g.cue == f.cue) {
        return;
    }
    out.push(f);
}

#[allow(clippy::too_many_arguments)]
fn found(
    source: Option<Span>,
    cue: Option<Span>,
    content: Span,
    polarity: Polarity,
    stance: Stance,
    modality: Modality,
    pattern: Pattern,
    confidence: f64,
) -> Found {
    Found {
        source,
        cue,
        content,
        parts: Vec::new(),
        polarity,
        stance,
        modality,
        pattern,
        confidence,
        direct: false,
        inside: None,
        frame: None,
    }
}

fn polarity(negated: bool) -> Polarity {
    if negated {
        Polarity::Negative
    } else {
        Polarity::Positive
    }
}

/// Speech verbs that introduce or follow a quote even when the lexicon's class is narrower.
fn speech_cue(doc: &Doc<'_>, i: usize) -> Option<crate::lexicon::Verb> {
    let v = verb_info(doc, i)?;
    if doc.is_cap(i) && i > 0 && !doc.is_punct(i - 1, ",") && !doc.is_quote(i - 1) {
        // "... Notes" in a title, not a cue.
        return None;
    }
    Some(v)
}

/// Quotes with a speech clause beside them.
fn quote_attributions(doc: &mut Doc<'_>, out: &mut Vec<Found>) {
    let quotes = doc.quotes.clone();
    for &(open, close, closed) in &quotes {
        let inner_words = doc.words_in(open + 1, close + usize::from(!closed));
        if inner_words < 3 || doc.claimed[open] {
            continue;
        }
        let Some(sent_open) = doc.sentence_of(open) else {
            continue;
        };
        let quote_span = doc.span(open, close + 1);
        // After: `"...," said X.` / `"...," X said.` / `"...", X added,`
        let para_last = doc
            .paragraphs
            .iter()
            .find(|&&(f, l)| f <= close && close < l)
            .map_or(close + 1, |&(_, l)| l);
        let mut j = close + 1;
        if closed && j < para_last && doc.is_punct(j, ",") {
            j += 1;
        }
        let after = if closed && j < para_last {
            speaker_after(doc, j, para_last)
        } else {
            None
        };
        if let Some((src, cue, negated, v)) = after {
            // "\"...,\" she said, \"...\"": the quote goes on after the speech clause.
            let clause_end = src.1.max(cue.1);
            let next = quotes.iter().find(|q| q.0 > close).copied();
            let continued = next.filter(|&(o2, _, _)| {
                clause_end < o2 && o2 <= clause_end + 1 && doc.is_punct(clause_end, ",")
            });
            // The content starts where the quote's sentence starts ("We need to \"make sure
            // ...\"," Ms Bauchtman said).
            let start = if doc.is_quote(sent_open.first) || sent_open.first >= open {
                open
            } else {
                sent_open.first
            };
            let mut f = found(
                Some(doc.span(src.0, src.1)),
                Some(doc.span(cue.0, cue.1)),
                doc.span(start, close + 1),
                polarity(negated),
                v.stance,
                v.modality,
                Pattern::QuoteThenSpeaker,
                0.95,
            );
            f.direct = true;
            let mut claimed_to = close;
            if let Some((o2, c2, _)) = continued {
                let second = doc.span(o2, c2 + 1);
                f.parts = vec![f.content, second];
                f.content = Span::new(f.content.start, second.end);
                claimed_to = c2;
            }
            for c in doc.claimed.iter_mut().take(claimed_to + 1).skip(open) {
                *c = true;
            }
            push(out, f);
            continue;
        }
        // Before: `X said: "..."`, `X told Y, "..."`, `X said, "..."`.
        if let Some((src, cue, negated, v)) = speaker_before(doc, open, sent_open) {
            let mut f = found(
                Some(doc.span(src.0, src.1)),
                Some(doc.span(cue.0, cue.1)),
                quote_span,
                polarity(negated),
                v.stance,
                v.modality,
                Pattern::SpeakerThenQuote,
                0.9,
            );
            f.direct = true;
            for c in doc.claimed.iter_mut().take(close + 1).skip(open) {
                *c = true;
            }
            // The speech clause's own sentence is read here, not again.
            for c in doc.claimed.iter_mut().take(open).skip(src.0) {
                *c = true;
            }
            push(out, f);
        }
    }
}

type Clause = ((usize, usize), (usize, usize), bool, crate::lexicon::Verb);

/// A speech clause right after a quote, from token `j`: "said X" or "X said", then the end of
/// the clause (',', '.', or the paragraph's end).
fn speaker_after(doc: &Doc<'_>, j: usize, last: usize) -> Option<Clause> {
    // Inverted: said X
    if let Some(v) = speech_cue(doc, j) {
        if matches!(v.class, VerbClass::Speech | VerbClass::Mental) {
            let (a, b) = phrase_after(doc, j + 1, last, 12)?;
            if clause_ends(doc, b, last) {
                return Some(((a, b), (j, j + 1), false, v));
            }
        }
    }
    // X said
    let mut k = j;
    while k < last
        && k < j + 12
        && doc.is_word(k)
        && verb_info(doc, k).is_none_or(|v| v.base && !matches!(doc.w(k), "say"))
    {
        k += 1;
    }
    if k >= last || k == j {
        return None;
    }
    // k is the first verb-like token; allow auxiliaries inside
    let (pre, negated) = verb_prefix(doc, k, j);
    let v = speech_cue(doc, k)?;
    if !matches!(v.class, VerbClass::Speech | VerbClass::Mental) || pre == j {
        return None;
    }
    let end = skip_adverbial(doc, k + 1, last);
    if !clause_ends(doc, end, last) {
        return None;
    }
    Some(((j, pre), (pre.min(k), k + 1), negated, v))
}

/// Whether a speech clause ends at token `b`.
fn clause_ends(doc: &Doc<'_>, b: usize, last: usize) -> bool {
    b >= last
        || matches!(doc.raw(b), "." | "," | ";" | "!" | "?" | ":" | "\u{2014}")
        || doc.is_quote(b)
}

/// Steps over a short adverbial after a verb ("on Friday", "in a statement", "to reporters",
/// "yesterday"), returning the first token after it; `k` itself when there is none.
fn skip_adverbial(doc: &Doc<'_>, k: usize, last: usize) -> usize {
    if k >= last {
        return k;
    }
    let w = doc.w(k);
    if matches!(
        w,
        "yesterday"
            | "today"
            | "tonight"
            | "earlier"
            | "later"
            | "recently"
            | "again"
            | "too"
            | "afterwards"
            | "then"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    ) {
        return skip_adverbial(doc, k + 1, last);
    }
    if matches!(
        w,
        "on" | "in"
            | "at"
            | "to"
            | "during"
            | "last"
            | "this"
            | "after"
            | "before"
            | "from"
            | "via"
            | "through"
    ) {
        let mut e = k + 1;
        while e < last
            && e < k + 7
            && doc.is_word(e)
            && !matches!(doc.w(e), "that" | "how" | "why" | "whether")
        {
            e += 1;
        }
        if e < last
            && (doc.w(e) == "that"
                || doc.is_punct(e, ",")
                || doc.is_punct(e, ":")
                || doc.is_punct(e, ".")
                || doc.is_quote(e))
        {
            return e;
        }
        if e >= last {
            return e;
        }
    }
    k
}

/// A speech clause right before a quote that opens at `open`: `X said[,:] "`.
fn speaker_before(doc: &Doc<'_>, open: usize, sent: Sentence) -> Option<Clause> {
    let floor = if sent.first < open {
        sent.first
    } else {
        // The quote opens its sentence: the clause would be in the previous sentence ending
        // with ':' (the splitter keeps "said:" with the quote's sentence, so nothing to do).
        return None;
    };
    let mut k = open;
    if k > floor && (doc.is_punct(k - 1, ",") || doc.is_punct(k - 1, ":")) {
        k -= 1;
    }
    // Step back over a recipient or adverbial: "told The Huffington Post,", "said in a
    // statement:"
    let mut v_at = None;
    for back in 1..=8 {
        if k < floor + back {
            break;
        }
        let i = k - back;
        if let Some(v) = speech_cue(doc, i) {
            if matches!(
                v.class,
                VerbClass::Speech | VerbClass::Mental | VerbClass::Evidence
            ) || doc.w(i) == "announced"
            {
                let gap_ok = back == 1
                    || matches!(doc.w(i), "told" | "tells" | "tell")
                    || matches!(
                        doc.w(i + 1),
                        "in" | "on" | "at" | "to" | "during" | "after" | "yesterday" | "today"
                    );
                if gap_ok {
                    v_at = Some((i, v));
                }
                break;
            }
        }
        if !doc.is_word(i) && !doc.is_punct(i, ".") {
            break;
        }
    }
    let (i, v) = v_at?;
    let (pre, negated) = verb_prefix(doc, i, floor);
    if pre == floor {
        return None;
    }
    let (a, b) = subject_before(doc, pre - 1, floor)?;
    Some(((a, b), (pre, i + 1), negated, v))
}

/// "I think", "I suspect", "we're convinced" inside a quote already attributed.
fn first_person_beliefs(doc: &Doc<'_>, qi: usize, out: &mut Vec<Found>) {
    let (content, start_tok) = {
        let f = &out[qi];
        let start = doc.tokens.partition_point(|t| t.start < f.content.start);
        (f.content, start)
    };
    let mut i = start_tok;
    while i < doc.tokens.len() && doc.tokens[i].end <= content.end {
        let w = doc.w(i);
        if matches!(w, "i" | "we") && doc.is_word(i) {
            let mut k = i + 1;
            let mut negated = false;
            while k < doc.tokens.len()
                && doc.is_word(k)
                && (VERB_PREFIX.contains(&doc.w(k))
                    || matches!(
                        doc.w(k),
                        "'m" | "’m" | "am" | "'ve" | "’ve" | "really" | "do"
                    ))
            {
                negated |= is_negation(doc.w(k));
                k += 1;
            }
            let cue_end;
            let ok = if k < doc.tokens.len() {
                let v = doc.w(k);
                if matches!(
                    v,
                    "think"
                        | "thought"
                        | "believe"
                        | "believed"
                        | "suspect"
                        | "guess"
                        | "feel"
                        | "felt"
                        | "hope"
                        | "fear"
                        | "reckon"
                        | "convinced"
                        | "disappointed"
                        | "sure"
                        | "confident"
                        | "worried"
                        | "afraid"
                        | "concerned"
                ) {
                    cue_end = k + 1;
                    true
                } else {
                    cue_end = k;
                    false
                }
            } else {
                cue_end = k;
                false
            };
            if ok && cue_end < doc.tokens.len() && doc.tokens[cue_end].end <= content.end {
                // The content runs to the end of the sentence inside the quote.
                let mut e = cue_end;
                while e < doc.tokens.len()
                    && doc.tokens[e].end <= content.end
                    && !matches!(doc.raw(e), "." | "!" | "?")
                {
                    e += 1;
                }
                let e = e.min(doc.tokens.len());
                if e > cue_end + 2 {
                    let modality = if matches!(
                        doc.w(k),
                        "hope" | "fear" | "worried" | "afraid" | "concerned"
                    ) {
                        Modality::Expected
                    } else {
                        Modality::Alleged
                    };
                    let mut f = found(
                        Some(doc.span(i, i + 1)),
                        Some(doc.span(i + 1, cue_end)),
                        doc.span(cue_end, e),
                        polarity(negated),
                        Stance::Asserts,
                        modality,
                        Pattern::FirstPersonBelief,
                        0.6,
                    );
                    f.inside = Some(qi);
                    f.direct = true;
                    push(out, f);
                }
                i = e;
                continue;
            }
        }
        i += 1;
    }
}

/// "Image: X." closing a caption paragraph.
fn media_credits(doc: &Doc<'_>, out: &mut Vec<Found>) {
    for &(first, last) in &doc.paragraphs {
        if last - first < 4 {
            continue;
        }
        for i in first + 1..last.saturating_sub(1) {
            if matches!(doc.w(i), "image" | "photo" | "picture" | "photograph")
                && doc.is_cap(i)
                && doc.is_punct(i + 1, ":")
                && i + 2 < last
                && (doc.is_punct(i - 1, ".")
                    || doc.is_punct(i - 1, "!")
                    || doc.is_punct(i - 1, "?"))
            {
                let src_end = if doc.is_punct(last - 1, ".") {
                    last - 1
                } else {
                    last
                };
                // A credit names someone: at least one word, at most eight.
                if (1..=8).contains(&doc.words_in(i + 2, src_end)) {
                    push(
                        out,
                        found(
                            Some(doc.span(i + 2, src_end)),
                            None,
                            doc.span(first, i),
                            Polarity::Positive,
                            Stance::Asserts,
                            Modality::Stated,
                            Pattern::MediaCredit,
                            0.8,
                        ),
                    );
                }
            }
        }
    }
}

const DOC_FRAMES: &[&str] = &[
    "op-ed",
    "statement",
    "interview",
    "article",
    "letter",
    "speech",
    "editorial",
    "post",
    "tweet",
    "column",
    "essay",
    "message",
    "address",
    "remarks",
    "release",
    "briefing",
    "communique",
    "communiqué",
    "video",
    "broadcast",
];

const BELIEF_NOUNS: &[&str] = &[
    "belief",
    "beliefs",
    "concern",
    "concerns",
    "fear",
    "fears",
    "fears",
    "reports",
    "speculation",
    "suspicion",
    "suspicions",
    "claims",
    "rumors",
    "rumours",
    "allegations",
    "hopes",
    "worries",
    "suggestions",
    "indications",
    "expectations",
];

fn sentence_patterns(doc: &Doc<'_>, s: Sentence, out: &mut Vec<Found>) {
    let (first, last) = (s.first, s.last);
    if last - first < 3 {
        return;
    }
    // "Reports: ..." head.
    if s.heading
        && doc.is_word(first)
        && doc.is_punct(first + 1, ":")
        && matches!(
            doc.w(first),
            "reports"
                | "report"
                | "sources"
                | "police"
                | "officials"
                | "witnesses"
                | "study"
                | "poll"
        )
    {
        push(
            out,
            found(
                Some(doc.span(first, first + 1)),
                None,
                doc.span(first + 2, last),
                Polarity::Positive,
                Stance::Asserts,
                Modality::Stated,
                Pattern::ReportsHead,
                0.7,
            ),
        );
        return;
    }
    let content_end = last;
    let mut i = first;
    while i < last {
        if doc.claimed[i] || doc.in_quote[i] != NONE && doc.quote_is_long(i) {
            i += 1;
            continue;
        }
        let w = doc.w(i);
        if w == "according" && i + 1 < last && doc.w(i + 1) == "to" {
            according_to(doc, s, i, content_end, out);
            i += 2;
            continue;
        }
        if w == "there"
            && i + 2 < last
            && matches!(doc.w(i + 1), "is" | "are" | "were" | "was" | "have" | "has")
        {
            beliefs_in(doc, s, i, out);
        }
        if w == "in"
            && i + 2 < last
            && matches!(doc.w(i + 1), "a" | "an" | "his" | "her" | "their" | "its")
            && DOC_FRAMES.contains(&doc.w(i + 2))
            && in_document(doc, s, i, out)
        {
            i += 1;
            continue;
        }
        if let Some(v) = verb_info(doc, i) {
            reported(doc, s, i, v, out);
        }
        i += 1;
    }
}

impl Doc<'_> {
    /// Whether token `i` is inside a quote long enough to be speech (short quotes are scare
    /// quotes and titles, read as part of the sentence).
    fn quote_is_long(&self, i: usize) -> bool {
        let qi = self.in_quote[i];
        if qi == NONE {
            return false;
        }
        let (o, c, _) = self.quotes[qi];
        self.words_in(o, c + 1) >= 6
    }
}

fn according_to(doc: &Doc<'_>, s: Sentence, i: usize, end: usize, out: &mut Vec<Found>) {
    let Some((a, b)) = phrase_after(doc, i + 2, end, 40) else {
        return;
    };
    let cue = doc.span(i, i + 2);
    let source = Some(doc.span(a, b));
    // Leading: "According to X, CONTENT." Lead-ins such as "However," may come first.
    let lead = (s.first..i).all(|k| {
        !doc.is_word(k)
            || matches!(
                doc.w(k),
                "however" | "but" | "and" | "yet" | "also" | "now" | "meanwhile"
            )
    });
    if lead {
        let mut c = b;
        if c < end && doc.is_punct(c, ",") {
            c += 1;
        }
        if c >= end {
            return;
        }
        // "quoting Y," relays another source.
        if doc.w(c) == "quoting" {
            if let Some((qa, qb)) = phrase_after(doc, c + 1, end, 20) {
                let mut d = qb;
                if d < end && doc.is_punct(d, ",") {
                    d += 1;
                }
                if d < end {
                    let mut f = found(
                        source,
                        Some(doc.span(c, c + 1)),
                        doc.span(d, end),
                        Polarity::Positive,
                        Stance::Asserts,
                        Modality::Stated,
                        Pattern::Quoting,
                        0.75,
                    );
                    f.frame = Some((doc.span(qa, qb), None));
                    push(out, f);
                }
            }
        }
        push(
            out,
            found(
                source,
                Some(cue),
                doc.span(c, end),
                Polarity::Positive,
                Stance::Asserts,
                Modality::Stated,
                Pattern::AccordingTo,
                0.9,
            ),
        );
        return;
    }
    // Trailing or inside: "CONTENT, according to X." / "A, according to X, B."
    let mut c_end = i;
    if c_end > s.first && doc.is_punct(c_end - 1, ",") {
        c_end -= 1;
    }
    if c_end <= s.first {
        return;
    }
    let mut f = found(
        source,
        Some(cue),
        doc.span(s.first, c_end),
        Polarity::Positive,
        Stance::Asserts,
        Modality::Stated,
        Pattern::AccordingTo,
        0.85,
    );
    if b < end && doc.is_punct(b, ",") && b + 2 < end {
        let rest = doc.span(b + 1, end);
        f.parts = vec![f.content, rest];
        f.content = Span::new(f.content.start, rest.end);
    }
    push(out, f);
}

fn beliefs_in(doc: &Doc<'_>, s: Sentence, i: usize, out: &mut Vec<Found>) {
    // there are [some|widespread] beliefs in the West that ...
    let mut k = i + 2;
    while k < s.last && k < i + 5 && !BELIEF_NOUNS.contains(&doc.w(k)) {
        k += 1;
    }
    if k >= s.last || !BELIEF_NOUNS.contains(&doc.w(k)) || k + 2 >= s.last {
        return;
    }
    if !matches!(doc.w(k + 1), "in" | "among" | "from" | "within" | "across") {
        return;
    }
    let Some(that) = (k + 2..s.last.min(k + 14)).find(|&t| doc.w(t) == "that") else {
        return;
    };
    if that + 1 >= s.last {
        return;
    }
    let modality = match doc.w(k) {
        "fear" | "fears" | "hopes" | "expectations" | "worries" | "concern" | "concerns" => {
            Modality::Expected
        }
        "reports" | "claims" | "allegations" => Modality::Alleged,
        "speculation" | "suggestions" | "indications" => Modality::Speculated,
        _ => Modality::Alleged,
    };
    push(
        out,
        found(
            Some(doc.span(k + 2, that)),
            Some(doc.span(i, k + 2)),
            doc.span(that, s.last),
            Polarity::Positive,
            Stance::Asserts,
            modality,
            Pattern::BeliefsIn,
            0.7,
        ),
    );
}

/// "In an op-ed published in Y on June 18th, X expressed ...": X's statement, made in the op-ed.
fn in_document(doc: &Doc<'_>, s: Sentence, i: usize, out: &mut Vec<Found>) -> bool {
    let frame_noun = i + 2;
    let Some(comma) = (frame_noun..s.last.min(frame_noun + 20)).find(|&k| doc.is_punct(k, ","))
    else {
        return false;
    };
    // The subject: a capitalised run after the comma, then a verb.
    let mut v = comma + 1;
    if v < s.last && doc.w(v) == "the" {
        v += 1;
    }
    while v < s.last && (doc.is_cap(v) || matches!(doc.w(v), "'s" | "of")) {
        v += 1;
    }
    if v == comma + 1 || v + 2 >= s.last || !doc.is_word(v) || doc.is_function(v) {
        return false;
    }
    let (pre, _) = verb_prefix(doc, v, comma + 1);
    let subject_end = pre;
    while v < s.last && doc.is_word(v) && VERB_PREFIX.contains(&doc.w(v)) {
        v += 1;
    }
    if v + 2 >= s.last || !doc.is_word(v) {
        return false;
    }
    let published = (frame_noun..comma)
        .find(|&k| doc.w(k) == "in" && k > frame_noun)
        .and_then(|k| {
            let mut e = k + 1;
            while e < comma && (doc.is_cap(e) || matches!(doc.w(e), "'s" | "the")) {
                e += 1;
            }
            let st = if doc.w(k + 1) == "the" { k + 2 } else { k + 1 };
            // "DPRK's Rodong Sinmun": the outlet is the last capitalised run.
            let mut st2 = st;
            for j in st..e {
                if doc.w(j) == "'s"
                    || doc.raw(j).ends_with("'s")
                    || doc.raw(j).ends_with("\u{2019}s")
                {
                    st2 = j + 1;
                }
            }
            (e > st2).then(|| doc.span(st2, e))
        });
    let (verb_stance, modality) = verb_info(doc, v)
        .map_or((Stance::Asserts, Modality::Stated), |x| {
            (x.stance, x.modality)
        });
    let mut f = found(
        Some(doc.span(comma + 1, subject_end)),
        Some(doc.span(subject_end, v + 1)),
        doc.span(v + 1, s.last),
        Polarity::Positive,
        verb_stance,
        modality,
        Pattern::InDocument,
        0.7,
    );
    f.frame = Some((doc.span(i + 1, frame_noun + 1), published));
    push(out, f);
    true
}

/// Whether the tokens `[a, b)` hold a finite verb.
fn has_finite(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    (a..b).any(|k| {
        if !doc.is_word(k) {
            return false;
        }
        let w = doc.w(k);
        FINITE_MARKERS.contains(&w)
            || (k > a && w.len() > 4 && w.ends_with("ed") && !doc.is_cap(k))
            || w.ends_with("n't")
            || w.ends_with("n\u{2019}t")
            || lexicon().verbs.get(w).is_some_and(|v| !v.base && k > a)
    })
}

/// `X said (that) CONTENT` and `CONTENT, X said` / `CONTENT, said X`.
fn reported(
    doc: &Doc<'_>,
    s: Sentence,
    v_at: usize,
    v: crate::lexicon::Verb,
    out: &mut Vec<Found>,
) {
    let (first, last) = (s.first, s.last);
    if v_at == first && !s.heading {
        return;
    }
    let prev = if v_at > first {
        Some(doc.w(v_at - 1))
    } else {
        None
    };
    // Nouns ("the show", "his claims", "new rules") and infinitives ("to say").
    if let Some(p) = prev {
        if matches!(
            p,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
                | "this"
                | "these"
                | "those"
                | "of"
                | "to"
                | "some"
                | "any"
                | "no"
                | "every"
                | "each"
                | "such"
                | "many"
                | "new"
                | "other"
                | "further"
                | "similar"
                | "recent"
                | "first"
                | "for"
                | "with"
                | "by"
                | "and"
                | "or"
                | "is"
                | "was"
                | "are"
                | "were"
                | "be"
                | "been"
                | "being"
                | "get"
                | "got"
                | "not"
                | "'s"
        ) && !(matches!(p, "not")
            && v_at >= first + 2
            && matches!(
                doc.w(v_at - 2),
                "did" | "does" | "do" | "has" | "have" | "had"
            ))
        {
            return;
        }
    }
    let (pre, negated) = verb_prefix(doc, v_at, first);
    let inverted_slot =
        pre > first && (doc.is_punct(pre - 1, ",") || doc.is_quote(pre - 1)) && pre == v_at;
    // Inverted speech: "CONTENT, said X[, REST]."
    if inverted_slot && v.class == VerbClass::Speech && !v.base {
        if let Some((a, b)) = phrase_after(doc, v_at + 1, last, 10) {
            if clause_ends(doc, b, last) && pronoun_kind(doc.w(a)).is_none_or(|_| b == a + 1) {
                let c_end = pre - 1;
                if c_end > first && !doc.claimed[c_end.saturating_sub(1)] {
                    let mut f = found(
                        Some(doc.span(a, b)),
                        Some(doc.span(v_at, v_at + 1)),
                        doc.span(first, c_end),
                        polarity(negated),
                        v.stance,
                        v.modality,
                        Pattern::SpeechAfter,
                        0.85,
                    );
                    if b < last && doc.is_punct(b, ",") && b + 3 < last {
                        let rest = doc.span(b + 1, last);
                        f.parts = vec![f.content, rest];
                        f.content = Span::new(f.content.start, rest.end);
                    }
                    push(out, f);
                    return;
                }
            }
        }
    }
    if pre == first {
        return;
    }
    let Some((sa, sb)) = subject_before(doc, pre - 1, first) else {
        return;
    };
    let subject_last = doc.w(sb - 1);
    // Agreement: the bare form wants a plural or first/second person subject, or an
    // auxiliary before it.
    if v.base {
        let aux = pre < v_at;
        let plural = subject_last.ends_with('s')
            || matches!(
                subject_last,
                "i" | "we" | "they" | "you" | "people" | "police" | "who"
            )
            || doc.raw(sb - 1).chars().all(|c| c.is_uppercase())
            || doc.is_punct(sb - 1, ")");
        if !(aux || plural) || matches!(subject_last, "he" | "she" | "it") {
            return;
        }
    }
    let source = Some(doc.span(sa, sb));
    let cue = Some(doc.span(pre, v_at + 1));
    // After the verb: recipient (told X), adverbials, then the content.
    let mut c = v_at + 1;
    if matches!(doc.w(v_at), "told" | "tells" | "tell") {
        // A recipient: a name or "reporters", up to a comma, "that" or a clause.
        let mut e = c;
        while e < last
            && e < c + 6
            && doc.is_word(e)
            && (doc.is_cap(e)
                || matches!(
                    doc.w(e),
                    "the"
                        | "reporters"
                        | "journalists"
                        | "me"
                        | "us"
                        | "him"
                        | "her"
                        | "them"
                        | "a"
                        | "an"
                        | "news"
                        | "agency"
                        | "newspaper"
                        | "television"
                        | "radio"
                        | "press"
                        | "media"
                ))
        {
            e += 1;
        }
        if e == c {
            return;
        }
        c = e;
    }
    c = skip_adverbial(doc, c, last);
    if c < last && (doc.is_punct(c, ",") || doc.is_punct(c, ":")) {
        c += 1;
    }
    let rest_words = if c < last { doc.words_in(c, last) } else { 0 };
    if rest_words == 0 {
        // Postposed: "CONTENT, X said." The subject came after a comma.
        if sa > first
            && doc.is_punct(sa - 1, ",")
            && matches!(
                v.class,
                VerbClass::Speech | VerbClass::Mental | VerbClass::Evidence
            )
        {
            let c_end = sa - 1;
            if c_end > first && doc.words_in(first, c_end) >= 3 {
                push(
                    out,
                    found(
                        source,
                        cue,
                        doc.span(first, c_end),
                        polarity(negated),
                        v.stance,
                        v.modality,
                        Pattern::SpeechAfter,
                        0.8,
                    ),
                );
            }
        }
        return;
    }
    if doc.claimed[c] {
        return;
    }
    let opener = CLAUSE_OPENERS.contains(&doc.w(c));
    let quote = doc.is_quote(c);
    let accepted = opener
        || quote
        || match v.class {
            VerbClass::Speech => {
                !matches!(
                    doc.w(c),
                    "to" | "by"
                        | "for"
                        | "about"
                        | "of"
                        | "with"
                        | "as"
                        | "in"
                        | "on"
                        | "at"
                        | "goodbye"
                        | "so"
                        | "yes"
                        | "no"
                ) && (rest_words >= 3)
                    && (has_finite(doc, c, last.min(c + 16))
                        || doc.is_punct(c - 1, ":")
                        || doc.is_punct(c - 1, ","))
            }
            VerbClass::Mental | VerbClass::Evidence => {
                !matches!(
                    doc.w(c),
                    "to" | "by" | "for" | "about" | "of" | "with" | "as" | "in" | "on" | "at"
                ) && has_finite(doc, c + 1, last.min(c + 14))
                    && !has_object_then_clause(doc, c)
            }
            VerbClass::That => false,
        };
    if !accepted {
        return;
    }
    let mut modality = v.modality;
    if modality == Modality::Stated
        && (c..last).any(|k| matches!(doc.w(k), "might" | "may" | "could" | "possibly" | "perhaps"))
    {
        modality = Modality::Speculated;
    }
    let confidence = match (v.class, opener || quote) {
        (VerbClass::Speech, _) => 0.85,
        (_, true) => 0.8,
        _ => 0.65,
    };
    push(
        out,
        found(
            source,
            cue,
            doc.span(c, last),
            polarity(negated),
            v.stance,
            modality,
            Pattern::ReportedSpeech,
            confidence,
        ),
    );
}

/// "announced the start of a process, and determine whether ...": an object noun phrase that
/// is followed by its own clause.
fn has_object_then_clause(doc: &Doc<'_>, c: usize) -> bool {
    matches!(doc.w(c), "the" | "a" | "an")
        && (c + 1..c + 4).any(|k| k < doc.tokens.len() && matches!(doc.w(k), "of" | "for" | "to"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lowered_as_str_does(text: &str) {
        let doc = Doc::new(text);
        for (i, t) in doc.tokens.iter().enumerate() {
            assert_eq!(
                doc.lower(i),
                text[t.start..t.end].to_lowercase(),
                "token {i}"
            );
        }
    }

    #[test]
    fn tokens_are_lowered_as_to_lowercase_lowers_them() {
        lowered_as_str_does("The U.S. Minister ΣΟΦΊΑ said İstanbul's “ODYSSEUS” was ok. 🄰 Ⅻ");
    }

    proptest! {
        #[test]
        fn every_token_lowers_as_to_lowercase_does(text in "[a-zA-Z .,\"ÄÉéİıΣσß🄰Ⅻ]{0,60}") {
            lowered_as_str_does(&text);
        }
    }
}
