#![doc = include_str!("../README.md")]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod draft;
mod html;
mod lexicon;
mod rules;
mod sources;
mod text;

use claimgraph::{ClaimGraph, Modality, RecordKind, Source, SourceKind, Stance};
use serde::Serialize;

pub use rules::Pattern;

/// A range of bytes in the text, end exclusive. [`Extraction::char_span`] converts it to the
/// character (Unicode code point) offsets that Python string indices and the span records use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `[start, end)`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The words of the span in `text` (empty when the span does not fit `text`).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Whether the text says the source said the content, or that it did not ("officials have not
/// said why ..."). A denial is positive: the source does say something, that the claim is false.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// The source said or believes the content.
    Positive,
    /// The text says the source did not say it.
    Negative,
}

impl Polarity {
    /// `"positive"` or `"negative"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
        }
    }
}

/// One attribution found in the text: who (source), the words that mark it (cue), what
/// (content), and the draft records it became.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundAttribution {
    /// The source's words ("ROK sources", "he"), or `None` (a "Reports:" head has one; a bare
    /// quote would not).
    pub source: Option<Span>,
    /// The cue ("have claimed", "according to"), `None` for a photo credit.
    pub cue: Option<Span>,
    /// The content, from its first to its last word.
    pub content: Span,
    /// The pieces of a content interrupted by its speech clause ("A, said X, B"); empty when
    /// the content is one piece.
    pub content_parts: Vec<Span>,
    /// Said, or said not to have said.
    pub polarity: Polarity,
    /// Asserts, denies or doubts, from the cue.
    pub stance: Stance,
    /// Stated, alleged, expected or speculated, from the cue and the content's hedges.
    pub modality: Modality,
    /// The content is the source's own words.
    pub direct_quote: bool,
    /// The pattern that found it.
    pub pattern: Pattern,
    /// How sure the extractor is, in [0, 1]: the pattern's reliability, lowered when the source
    /// is a pronoun resolved by position.
    pub confidence: f64,
    /// What the attribution is: an attribution in the running text, or a photo credit.
    pub kind: FoundKind,
    /// The draft's source ids (more than one for "Both Russia and the DPRK denied ...").
    pub source_ids: Vec<String>,
    /// The draft's claim id.
    pub claim_id: String,
    /// The draft's attribution ids, one per source.
    pub attribution_ids: Vec<String>,
}

/// What sort of attribution a [`FoundAttribution`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FoundKind {
    /// An attribution in the running text.
    Report,
    /// A credit under a picture ("Image: Nick Moreau.").
    MediaCredit,
}

/// One record of the draft graph with the words it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftRecord {
    /// The record's id in the draft graph.
    pub id: String,
    /// Source, claim, attribution or source relation.
    pub kind: RecordKind,
    /// Every span of text the record was read from (a source's mentions, a claim's content, an
    /// attribution's source and content).
    pub spans: Vec<Span>,
    /// The cue, for attributions and relations.
    pub cue: Option<Span>,
    /// How sure the extractor is of the record, in [0, 1].
    pub confidence: f64,
}

/// What [`extract`] is told about the text.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The article the text is, as a source of kind document; every attribution is reported
    /// `via` it. Without one, the draft has a document `article` named by the text's first line.
    pub article: Option<Source>,
}

impl ExtractOptions {
    /// Options with the article the text is.
    pub fn article(article: Source) -> ExtractOptions {
        ExtractOptions {
            article: Some(article),
        }
    }
}

/// A draft claim graph and the attributions it was built from, each pointing at its words.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The text the draft was read from.
    pub text: String,
    /// The draft: the article, the sources with their kinds, the claims, the attributions
    /// (stance, modality, quote, via the article) and the relations the words state.
    pub graph: ClaimGraph,
    /// The article's source id in the graph.
    pub article_id: String,
    /// The attributions found, in text order.
    pub attributions: Vec<FoundAttribution>,
    /// The draft's records with their spans, cue and confidence.
    pub records: Vec<DraftRecord>,
}

/// Finds the attributions of `text` and builds a draft graph from them.
///
/// ```
/// use claimgraph_extract::{extract, ExtractOptions};
/// let text = "ROK sources have claimed that the DPRK delivered 6,700 containers to Russia. \
///             Both Russia and the DPRK have denied these claims, calling them \"mad rumors.\"";
/// let draft = extract(text, &ExtractOptions::default())?;
/// let first = &draft.attributions[0];
/// assert_eq!(first.source.map(|s| s.text(text)), Some("ROK sources"));
/// assert_eq!(first.cue.map(|s| s.text(text)), Some("have claimed"));
/// let sources = draft.graph.get_source("rok-sources")?;
/// assert_eq!(sources.kind, claimgraph::SourceKind::UnnamedGroup);
/// # Ok::<(), claimgraph::Error>(())
/// ```
pub fn extract(text: &str, options: &ExtractOptions) -> claimgraph::Result<Extraction> {
    let mut doc = rules::Doc::new(text);
    let found = rules::find(&mut doc);
    let article = match &options.article {
        Some(a) => a.clone(),
        None => {
            // The headline: the line of the first paragraph with the most words.
            let title = doc
                .paragraphs
                .first()
                .and_then(|&(f, l)| {
                    text[doc.tokens[f].start..doc.tokens[l - 1].end]
                        .lines()
                        .max_by_key(|line| line.split_whitespace().count())
                })
                .map(|line| line.trim().to_owned())
                .unwrap_or_default();
            let mut a = Source::new("article", SourceKind::Document, "the article");
            if !title.is_empty() {
                a = a.title(title);
            }
            a
        }
    };
    draft::build(&doc, found, article)
}

/// One attribution in the span-record format of the extraction evaluation: character (code
/// point) offsets, end exclusive; the fields after `polarity` are the draft's, which the
/// evaluation ignores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpanRecord {
    /// `[start, end]` of the source, or `null`.
    pub source: Option<[usize; 2]>,
    /// `[start, end]` of the cue, or `null`.
    pub cue: Option<[usize; 2]>,
    /// `[start, end]` of the content.
    pub content: [usize; 2],
    /// The pieces of an interrupted content.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_parts: Option<Vec<[usize; 2]>>,
    /// Said, or said not to have said.
    pub polarity: Polarity,
    /// The cue's stance.
    pub stance: Stance,
    /// The cue's modality.
    pub modality: Modality,
    /// The pattern that found it.
    pub pattern: Pattern,
    /// The content is the source's own words.
    pub direct_quote: bool,
    /// The extractor's confidence.
    pub confidence: f64,
    /// An attribution of the running text, or a photo credit.
    pub kind: FoundKind,
    /// The source's kind in the draft, when it has one source.
    pub source_kind: Option<SourceKind>,
    /// The draft's source ids.
    pub source_ids: Vec<String>,
    /// The draft's claim id.
    pub claim: String,
    /// The draft's attribution ids.
    pub attribution_ids: Vec<String>,
}

/// A draft record with character offsets (see [`DraftRecord`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordSpans {
    /// The record's id in the draft graph.
    pub id: String,
    /// Source, claim, attribution or source relation.
    #[serde(serialize_with = "record_kind_name")]
    pub kind: RecordKind,
    /// `[start, end]` of every span the record was read from.
    pub spans: Vec<[usize; 2]>,
    /// `[start, end]` of the cue, or `null`.
    pub cue: Option<[usize; 2]>,
    /// How sure the extractor is, in [0, 1].
    pub confidence: f64,
}

fn record_kind_name<S: serde::Serializer>(k: &RecordKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.as_str())
}

impl Extraction {
    /// The character (code point) offsets of a byte span of [`Extraction::text`].
    pub fn char_span(&self, span: Span) -> [usize; 2] {
        let at = |b: usize| {
            let b = b.min(self.text.len());
            let mut b = b;
            while b > 0 && !self.text.is_char_boundary(b) {
                b -= 1;
            }
            self.text[..b].chars().count()
        };
        [at(span.start), at(span.end)]
    }

    /// The attributions as span records with character offsets, in text order.
    pub fn span_records(&self) -> Vec<SpanRecord> {
        let mut wanted = Vec::new();
        for a in &self.attributions {
            wanted.extend(
                a.source
                    .iter()
                    .chain(a.cue.iter())
                    .chain(std::iter::once(&a.content))
                    .chain(a.content_parts.iter())
                    .flat_map(|s| [s.start, s.end]),
            );
        }
        let offsets = CharOffsets::new(&self.text, wanted);
        self.attributions
            .iter()
            .map(|a| SpanRecord {
                source: a.source.map(|s| offsets.span(s)),
                cue: a.cue.map(|s| offsets.span(s)),
                content: offsets.span(a.content),
                content_parts: (!a.content_parts.is_empty())
                    .then(|| a.content_parts.iter().map(|&s| offsets.span(s)).collect()),
                polarity: a.polarity,
                stance: a.stance,
                modality: a.modality,
                pattern: a.pattern,
                direct_quote: a.direct_quote,
                confidence: a.confidence,
                kind: a.kind,
                source_kind: match a.source_ids.as_slice() {
                    [one] => self.graph.get_source(one).ok().map(|s| s.kind),
                    _ => None,
                },
                source_ids: a.source_ids.clone(),
                claim: a.claim_id.clone(),
                attribution_ids: a.attribution_ids.clone(),
            })
            .collect()
    }

    /// The draft's records with character offsets, in the order they were made.
    pub fn record_spans(&self) -> Vec<RecordSpans> {
        let mut wanted = Vec::new();
        for r in &self.records {
            wanted.extend(
                r.spans
                    .iter()
                    .chain(r.cue.iter())
                    .flat_map(|s| [s.start, s.end]),
            );
        }
        let offsets = CharOffsets::new(&self.text, wanted);
        self.records
            .iter()
            .map(|r| RecordSpans {
                id: r.id.clone(),
                kind: r.kind,
                spans: r.spans.iter().map(|&s| offsets.span(s)).collect(),
                cue: r.cue.map(|s| offsets.span(s)),
                confidence: r.confidence,
            })
            .collect()
    }

    /// The prediction file of the extraction evaluation for a document named `doc`:
    /// `{"doc": ..., "attributions": [span records]}`.
    pub fn to_prediction_json(&self, doc: &str) -> serde_json::Value {
        serde_json::json!({ "doc": doc, "attributions": self.span_records() })
    }

    /// An HTML view for a notebook: the text with each attribution's source, cue and content
    /// highlighted in three colours, and the draft's records beside it.
    pub fn to_html(&self) -> String {
        html::render(self)
    }
}

/// Byte to character offsets for a set of byte offsets, in one pass over the text.
struct CharOffsets {
    /// (byte offset, character offset), sorted by byte offset.
    at: Vec<(usize, usize)>,
}

impl CharOffsets {
    fn new(text: &str, mut bytes: Vec<usize>) -> CharOffsets {
        bytes.sort_unstable();
        bytes.dedup();
        let mut at = Vec::with_capacity(bytes.len());
        let mut chars = 0;
        let mut from = 0;
        for b in bytes {
            let b = b.min(text.len());
            let mut end = b;
            while end > from && !text.is_char_boundary(end) {
                end -= 1;
            }
            if end >= from {
                chars += text[from..end].chars().count();
                from = end;
            }
            at.push((b, chars));
        }
        CharOffsets { at }
    }

    fn get(&self, b: usize) -> usize {
        match self.at.binary_search_by_key(&b, |&(k, _)| k) {
            Ok(i) => self.at[i].1,
            Err(i) => i.checked_sub(1).map_or(0, |j| self.at[j].1),
        }
    }

    fn span(&self, s: Span) -> [usize; 2] {
        [self.get(s.start), self.get(s.end)]
    }
}
