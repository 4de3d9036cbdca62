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

/// One attribution in the span-record format of the extraction evaluation: character offsets,
/// end exclusive.
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
    /// `"positive"` or `"negative"`.
    pub polarity: &'static str,
    /// The source's kind in the draft, when it has one source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_kind: Option<&'static str>,
    /// The cue's stance.
    pub stance: &'static str,
    /// The cue's modality.
    pub modality: &'static str,
    /// The extractor's confidence.
    pub confidence: f64,
    /// `report` or `media_credit`.
    pub kind: FoundKind,
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
        let offsets = CharOffsets::new(&self.text);
        self.attributions
            .iter()
            .map(|a| SpanRecord {
                source: a.source.map(|s| offsets.span(s)),
                cue: a.cue.map(|s| offsets.span(s)),
                content: offsets.span(a.content),
                content_parts: (!a.content_parts.is_empty())
                    .then(|| a.content_parts.iter().map(|&s| offsets.span(s)).collect()),
                polarity: a.polarity.as_str(),
                source_kind: match a.source_ids.as_slice() {
                    [one] => self.graph.find_source_kind(one),
                    _ => None,
                },
                stance: a.stance.as_str(),
                modality: a.modality.as_str(),
                confidence: a.confidence,
                kind: a.kind,
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

trait SourceKindLookup {
    fn find_source_kind(&self, id: &str) -> Option<&'static str>;
}

impl SourceKindLookup for ClaimGraph {
    fn find_source_kind(&self, id: &str) -> Option<&'static str> {
        self.get_source(id).ok().map(|s| s.kind.as_str())
    }
}

/// Byte to character offsets in one pass over the text, for many spans.
struct CharOffsets {
    /// Character index of each byte that starts a character, and of the end.
    at: Vec<u32>,
}

impl CharOffsets {
    fn new(text: &str) -> CharOffsets {
        let mut at = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        let mut last = 0;
        for (b, _) in text.char_indices() {
            for slot in at.iter_mut().take(b + 1).skip(last) {
                *slot = n;
            }
            n += 1;
            last = b + 1;
        }
        for slot in at.iter_mut().skip(last) {
            *slot = n;
        }
        CharOffsets { at }
    }

    fn span(&self, s: Span) -> [usize; 2] {
        let get = |b: usize| self.at.get(b).or(self.at.last()).map_or(0, |&v| v as usize);
        [get(s.start), get(s.end)]
    }
}
