//! `extract(text, article)`: a draft graph read from article text, each attribution with its
//! spans, cue and confidence. Offsets count Unicode code points, as the span records of the
//! extraction evaluation and Python's string indices do (in Kotlin,
//! `text.offsetByCodePoints(0, n)` turns one into a `String` index).

use std::sync::Arc;

use crate::error::{guard, Result};
use crate::graph::ClaimGraph;
use claimgraph::RecordKind;
use claimgraph::{Modality, Source, SourceKind, Stance};

/// A span of the text: code point offsets, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct TextSpan {
    /// First code point.
    pub start: u64,
    /// One past the last code point.
    pub end: u64,
}

impl From<[usize; 2]> for TextSpan {
    fn from([start, end]: [usize; 2]) -> Self {
        TextSpan {
            start: start as u64,
            end: end as u64,
        }
    }
}

/// One attribution found in the text, and the draft records it became.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct FoundAttribution {
    /// The source's words, when the text names one.
    pub source: Option<TextSpan>,
    /// The cue ("have claimed", "according to"); none for a photo credit.
    pub cue: Option<TextSpan>,
    /// The content.
    pub content: TextSpan,
    /// The pieces of a content interrupted by its speech clause; empty when it is one piece.
    pub content_parts: Vec<TextSpan>,
    /// True when the text says the source did *not* say it ("has not said why").
    pub negated: bool,
    /// Asserts, denies or doubts.
    pub stance: Stance,
    /// Stated, alleged, expected or speculated.
    pub modality: Modality,
    /// The pattern that found it (`"reported_speech"`, `"according_to"`, ...).
    pub pattern: String,
    /// The content is the source's own words.
    pub direct_quote: bool,
    /// How sure the extractor is, in [0, 1].
    pub confidence: f64,
    /// True for a credit under a picture rather than an attribution in the running text.
    pub media_credit: bool,
    /// The kind of the draft's source, when there is one source.
    pub source_kind: Option<SourceKind>,
    /// The draft's source ids (two for "Both Russia and the DPRK denied ...").
    pub source_ids: Vec<String>,
    /// The draft's claim id.
    pub claim: String,
    /// The draft's attribution ids, one per source.
    pub attribution_ids: Vec<String>,
}

/// One record of the draft with the words it was read from.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct DraftRecord {
    /// The record's id in the draft graph.
    pub id: String,
    /// Source, claim, attribution or source relation.
    pub kind: RecordKind,
    /// The spans it was read from.
    pub spans: Vec<TextSpan>,
    /// The cue, for attributions and relations.
    pub cue: Option<TextSpan>,
    /// How sure the extractor is, in [0, 1].
    pub confidence: f64,
}

/// A draft read from article text.
#[derive(Debug, uniffi::Object)]
pub struct Extraction {
    inner: claimgraph_extract::Extraction,
    graph: Arc<ClaimGraph>,
}

#[uniffi::export]
impl Extraction {
    /// The draft graph: the article, sources with kinds, claims, attributions via the article.
    pub fn graph(&self) -> Arc<ClaimGraph> {
        self.graph.clone()
    }

    /// The id of the article's source in the draft graph.
    pub fn article_id(&self) -> String {
        self.inner.article_id.clone()
    }

    /// The attributions found, in text order.
    pub fn attributions(&self) -> Vec<FoundAttribution> {
        self.inner
            .span_records()
            .into_iter()
            .map(|r| FoundAttribution {
                source: r.source.map(TextSpan::from),
                cue: r.cue.map(TextSpan::from),
                content: r.content.into(),
                content_parts: r
                    .content_parts
                    .unwrap_or_default()
                    .into_iter()
                    .map(TextSpan::from)
                    .collect(),
                negated: r.polarity == claimgraph_extract::Polarity::Negative,
                stance: r.stance,
                modality: r.modality,
                pattern: r.pattern.as_str().to_owned(),
                direct_quote: r.direct_quote,
                confidence: r.confidence,
                media_credit: r.kind == claimgraph_extract::FoundKind::MediaCredit,
                source_kind: r.source_kind,
                source_ids: r.source_ids,
                claim: r.claim,
                attribution_ids: r.attribution_ids,
            })
            .collect()
    }

    /// Every record of the draft with its spans, cue and confidence.
    pub fn records(&self) -> Vec<DraftRecord> {
        self.inner
            .record_spans()
            .into_iter()
            .map(|r| DraftRecord {
                id: r.id,
                kind: r.kind,
                spans: r.spans.into_iter().map(TextSpan::from).collect(),
                cue: r.cue.map(TextSpan::from),
                confidence: r.confidence,
            })
            .collect()
    }

    /// The prediction file of the shared extraction evaluation for a document named `doc`, as
    /// JSON text.
    pub fn prediction_json(&self, doc: String) -> String {
        self.inner.to_prediction_json(&doc).to_string()
    }

    /// The review view as HTML: the text with sources, cues and contents in three colours and
    /// the attributions beside it.
    pub fn html(&self) -> String {
        self.inner.to_html()
    }
}

/// Reads a draft claim graph from article text, offline, by rules and shipped word lists.
/// `article` is the article the text is (a source of kind document); without it the draft
/// names it `article`, titled by the text's first line.
///
/// ```kotlin
/// val x = extract("ROK sources have claimed that DPRK delivered 6,700 containers.", null)
/// x.graph().source("rok-sources")?.kind   // SourceKind.UNNAMED_GROUP
/// ```
#[uniffi::export]
pub fn extract(text: String, article: Option<Source>) -> Result<Arc<Extraction>> {
    guard(|| {
        let options = claimgraph_extract::ExtractOptions { article };
        let inner = claimgraph_extract::extract(&text, &options)?;
        let graph = Arc::new(ClaimGraph::from(inner.graph.clone()));
        Ok(Arc::new(Extraction { inner, graph }))
    })
}
