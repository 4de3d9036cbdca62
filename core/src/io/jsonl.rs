//! JSON Lines bulk ingest in the benchmark corpus schema (described in [`crate::io`]).

use std::borrow::Cow;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use serde::Deserialize;

use crate::error::{Error, Location, Result};
use crate::graph::{AttributionParts, ClaimGraph};
use crate::index::id_hash;
use crate::model::{
    Claim, Modality, Source, SourceKind, SourceRelation, SourceRelationKind, Stance,
};
use crate::time::When;
use petgraph::stable_graph::NodeIndex;

/// The name of this format in errors.
const FORMAT_LABEL: &str = "JSON Lines";

/// The corpus schema version this library reads.
pub const JSONL_FORMAT_VERSION: u64 = 1;

/// The most records of one kind that a meta line can make an ingest reserve room for. The
/// counts of a meta line are hints: a larger count (a mistake, or a hostile file) reserves this
/// much and the graph grows as records arrive, so a short file cannot make an ingest claim
/// gigabytes up front.
pub const MAX_RESERVED_RECORDS: u64 = 1 << 16;

/// The longest line a JSON Lines ingest reads, in bytes without its line break; a longer line
/// is [`Error::LimitExceeded`] (`what`: `"bytes in a line"`) naming the line, read no further
/// than the limit.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// The `what` of the [`Error::LimitExceeded`] a line longer than [`MAX_LINE_BYTES`] gives.
const LINE_LIMIT: &str = "bytes in a line";

/// Appends one line (with its line break) to `buf`, reading at most [`MAX_LINE_BYTES`] and the
/// break; returns the bytes read, 0 at the end of the input.
fn read_line_capped(reader: &mut impl BufRead, buf: &mut Vec<u8>, line: u64) -> Result<usize> {
    let cap = MAX_LINE_BYTES as u64 + 1;
    let n = std::io::Read::take(&mut *reader, cap)
        .read_until(b'\n', buf)
        .map_err(|source| Error::Io {
            action: "read",
            path: PathBuf::from(format!("JSON Lines input, line {line}")),
            source,
        })?;
    if n as u64 == cap && buf.last() != Some(&b'\n') {
        return Err(Error::LimitExceeded {
            what: LINE_LIMIT,
            id: format!("JSON Lines input, line {line}"),
            limit: MAX_LINE_BYTES,
        });
    }
    Ok(n)
}

/// What a JSON Lines ingest read.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct IngestReport {
    /// Lines read, the meta line included.
    pub lines: u64,
    /// Sources added.
    pub sources: usize,
    /// Claims added.
    pub claims: usize,
    /// Attributions added.
    pub attributions: usize,
    /// Citations added.
    pub citations: usize,
    /// Citations flagged `"cycle": true` that were read but not added (see
    /// [`JsonlOptions::include_cycles`]).
    pub skipped_cycle_citations: usize,
}

/// How a JSON Lines corpus is read.
///
/// ```
/// use claimgraph::io::JsonlOptions;
/// let all = JsonlOptions { include_cycles: true };
/// assert!(!JsonlOptions::default().include_cycles);
/// # let _ = all;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct JsonlOptions {
    /// Add the citations flagged `"cycle": true` too. They close loops of sources citing each
    /// other; the corpus flags them so that the main workload can leave them out, which is the
    /// default.
    pub include_cycles: bool,
}

impl ClaimGraph {
    /// A new graph holding the records of a JSON Lines corpus, leaving out the citations
    /// flagged as closing a cycle.
    ///
    /// On error no graph is returned, so nothing of a bad corpus escapes. See the
    /// [module documentation](crate::io) for the schema and the errors.
    ///
    /// ```
    /// use claimgraph::ClaimGraph;
    /// let corpus = r#"{"type":"meta","format_version":1}
    /// {"type":"source","id":"s0","kind":"anonymous_group","name":"officials","anonymous":true}
    /// {"type":"claim","id":"c0","text":"The mayor approved the budget"}
    /// {"type":"attribution","id":"a0","source":"s0","claim":"c0","stance":"asserts","date":"2024-06-18","quote":null}
    /// "#;
    /// let (g, report) = ClaimGraph::from_jsonl(corpus.as_bytes())?;
    /// assert_eq!(report.attributions, 1);
    /// assert_eq!(g.attributions_of("c0")?[0].source, "s0");
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn from_jsonl(reader: impl BufRead) -> Result<(ClaimGraph, IngestReport)> {
        ClaimGraph::from_jsonl_with(reader, JsonlOptions::default())
    }

    /// [`ClaimGraph::from_jsonl`] with options.
    pub fn from_jsonl_with(
        reader: impl BufRead,
        options: JsonlOptions,
    ) -> Result<(ClaimGraph, IngestReport)> {
        let mut g = ClaimGraph::new();
        let report = g.ingest_jsonl_with(reader, options)?;
        Ok((g, report))
    }

    /// Adds the records of a JSON Lines corpus to this graph, leaving out the citations flagged
    /// as closing a cycle.
    ///
    /// Records are added as they are read. On error the graph keeps the records of the lines
    /// before the failing one (each of them was valid), and the error names the failing line;
    /// use [`ClaimGraph::from_jsonl`] to get all or nothing.
    pub fn ingest_jsonl(&mut self, reader: impl BufRead) -> Result<IngestReport> {
        self.ingest_jsonl_with(reader, JsonlOptions::default())
    }

    /// Adds the records of a JSON Lines corpus file, as [`ClaimGraph::ingest_jsonl_with`] does;
    /// an error names the file as well as the line.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Error, JsonlOptions};
    /// let mut g = ClaimGraph::new();
    /// let e = g.ingest_jsonl_file("no/such/corpus.jsonl", JsonlOptions::default()).unwrap_err();
    /// assert!(matches!(e, Error::Io { action: "open", .. }));
    /// assert!(e.to_string().contains("no/such/corpus.jsonl"));
    /// ```
    pub fn ingest_jsonl_file(
        &mut self,
        path: impl AsRef<Path>,
        options: JsonlOptions,
    ) -> Result<IngestReport> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            action: "open",
            path: path.to_owned(),
            source,
        })?;
        let reader = std::io::BufReader::with_capacity(1 << 20, file);
        self.ingest_jsonl_with(reader, options)
            .map_err(|e| e.in_file(path))
    }

    /// A new graph holding the records of a JSON Lines corpus file (all or nothing, as
    /// [`ClaimGraph::from_jsonl`]); an error names the file as well as the line.
    pub fn from_jsonl_file(
        path: impl AsRef<Path>,
        options: JsonlOptions,
    ) -> Result<(ClaimGraph, IngestReport)> {
        let mut g = ClaimGraph::new();
        let report = g.ingest_jsonl_file(path, options)?;
        Ok((g, report))
    }

    /// [`ClaimGraph::ingest_jsonl`] with options.
    pub fn ingest_jsonl_with(
        &mut self,
        mut reader: impl BufRead,
        options: JsonlOptions,
    ) -> Result<IngestReport> {
        let mut report = IngestReport::default();
        let mut buf = Vec::with_capacity(512);
        let mut line_no: u64 = 0;
        // Line 1, the meta line, is read here: it says how much room to reserve.
        let n = read_line_capped(&mut reader, &mut buf, 1)?;
        if n > 0 {
            line_no = 1;
            self.read_meta(trim_line(&buf), options)?;
            // The other lines are parsed on a second thread while this one adds the records
            // parsed before them, in order: parsing is most of an ingest's work.
            line_no = std::thread::scope(|scope| {
                let (raw_tx, raw_rx) = mpsc::sync_channel::<Chunk>(CHUNKS_IN_FLIGHT);
                let (done_tx, done_rx) = mpsc::sync_channel::<Decoded>(CHUNKS_IN_FLIGHT);
                scope.spawn(move || {
                    for chunk in raw_rx {
                        if done_tx.send(decode_chunk(chunk, options)).is_err() {
                            break;
                        }
                    }
                });
                let mut in_flight = 0usize;
                let mut last = line_no;
                let mut last_claim = None;
                let mut apply = |g: &mut ClaimGraph, done: Decoded| {
                    for (line, record) in done.records {
                        g.apply(
                            record?,
                            &done.chunk.bytes,
                            line,
                            &mut report,
                            &mut last_claim,
                        )?;
                    }
                    Ok::<(), Error>(())
                };
                loop {
                    let mut chunk = Chunk {
                        first_line: last + 1,
                        bytes: Vec::with_capacity(CHUNK_BYTES + 4096),
                    };
                    // A line that cannot be read fails the ingest after the lines before it
                    // are added, as a line that does not parse does.
                    let mut unreadable = None;
                    while chunk.bytes.len() < CHUNK_BYTES {
                        let start = chunk.bytes.len();
                        match read_line_capped(&mut reader, &mut chunk.bytes, last + 1) {
                            Ok(0) => break,
                            Ok(_) => last += 1,
                            Err(e) => {
                                chunk.bytes.truncate(start);
                                unreadable = Some(e);
                                break;
                            }
                        }
                    }
                    let at_end = chunk.bytes.is_empty() || unreadable.is_some();
                    if !chunk.bytes.is_empty() {
                        if in_flight == CHUNKS_IN_FLIGHT {
                            match done_rx.recv() {
                                Ok(done) => apply(self, done)?,
                                Err(_) => break,
                            }
                            in_flight -= 1;
                        }
                        if raw_tx.send(chunk).is_err() {
                            break;
                        }
                        in_flight += 1;
                    }
                    if at_end {
                        drop(raw_tx);
                        for done in done_rx.iter() {
                            apply(self, done)?;
                        }
                        if let Some(e) = unreadable {
                            return Err(e);
                        }
                        break;
                    }
                }
                Ok::<u64, Error>(last)
            })?;
        }
        if line_no == 0 {
            return Err(format_error(
                1,
                None,
                "the input is empty; line 1 must be the meta record",
            ));
        }
        report.lines = line_no;
        Ok(report)
    }

    /// Checks the meta line and reserves room for the records it announces.
    fn read_meta(&mut self, text: &[u8], options: JsonlOptions) -> Result<()> {
        let rec: Line<'_> = serde_json::from_slice(text).map_err(|e| syntax_error(1, &e))?;
        if &*rec.kind != "meta" {
            return Err(format_error(
                1,
                rec.id.as_deref(),
                format!(
                    "line 1 must be the meta record (\"type\": \"meta\"), found type {:?}",
                    rec.kind
                ),
            ));
        }
        if let Some(field) = rec.stray(Type::Meta) {
            return Err(stray_error(1, None, field, "meta"));
        }
        match rec.format_version {
            None => {
                return Err(format_error(
                    1,
                    None,
                    "the meta record has no \"format_version\"",
                ))
            }
            Some(v) if v != JSONL_FORMAT_VERSION => {
                return Err(Error::UnsupportedVersion {
                    format: FORMAT_LABEL,
                    location: at(1, None),
                    found: v,
                    supported: JSONL_FORMAT_VERSION,
                })
            }
            Some(_) => {}
        }
        if let Some(c) = rec.counts {
            let cap = |n: Option<u64>| {
                usize::try_from(n.unwrap_or(0).min(MAX_RESERVED_RECORDS)).unwrap_or(0)
            };
            let cycles = if options.include_cycles {
                cap(c.cycle_citation)
            } else {
                0
            };
            self.reserve(
                cap(c.source) + cap(c.claim),
                cap(c.attribution) + cap(c.citation) + cycles,
            );
        }
        Ok(())
    }

    /// Adds one decoded record; `bytes` are the chunk's lines, which its spans point into, and
    /// `last_claim` the claim of the previous attribution.
    fn apply(
        &mut self,
        d: Record,
        bytes: &[u8],
        line: u64,
        report: &mut IngestReport,
        last_claim: &mut Option<NodeIndex>,
    ) -> Result<()> {
        let in_graph = |id: &str, e: Error| format_error(line, Some(id), e.to_string());
        match d {
            Record::Blank => {}
            Record::SkippedCycle => report.skipped_cycle_citations += 1,
            Record::Source(s) => {
                let id = s.id.clone();
                self.add_source(s).map_err(|e| in_graph(&id, e))?;
                report.sources += 1;
            }
            Record::Citation(r) => {
                let id = r.id.clone();
                self.add_source_relation(r).map_err(|e| in_graph(&id, e))?;
                report.citations += 1;
            }
            Record::Claim(c) => {
                let id = c.id.clone();
                self.add_claim(c).map_err(|e| in_graph(&id, e))?;
                report.claims += 1;
            }
            Record::Attribution(a) => {
                let (source, claim) = (a.source.text(bytes), a.claim.text(bytes));
                let parts = AttributionParts {
                    id: a.id,
                    id_hash: a.id_hash,
                    source,
                    source_hash: a.source.hash,
                    claim,
                    claim_hash: a.claim.hash,
                    claim_hint: *last_claim,
                    stance: a.stance,
                    modality: Modality::Stated,
                    said: a.said,
                    quote: a.quote,
                };
                let claim_ix = self
                    .add_attribution_parts(parts)
                    .map_err(|refused| in_graph(&refused.1, refused.0))?;
                *last_claim = Some(claim_ix);
                report.attributions += 1;
            }
        }
        Ok(())
    }
}

/// Lines handed to the parsing thread: whole lines, the first of them numbered `first_line`.
struct Chunk {
    first_line: u64,
    bytes: Vec<u8>,
}

/// How many bytes of lines go to the parsing thread at a time.
const CHUNK_BYTES: usize = 256 * 1024;

/// How many chunks may wait between the two threads in each direction.
const CHUNKS_IN_FLIGHT: usize = 4;

/// A chunk's lines decoded, sent back with the chunk, which the attributions' ids point into.
struct Decoded {
    chunk: Chunk,
    /// Each line's number and record; the last may be the error that stopped the chunk.
    records: Vec<(u64, Result<Record>)>,
}

/// A line read and checked, ready to be added to the graph.
enum Record {
    Blank,
    SkippedCycle,
    Source(Source),
    Citation(SourceRelation),
    Claim(Claim),
    Attribution(LineAttribution),
}

/// An attribution line's fields, its id and quote owned (the graph keeps them), the ids it
/// refers to left in the chunk, and every id hashed for the graph's lookups.
struct LineAttribution {
    id: String,
    id_hash: u64,
    source: IdRef,
    claim: IdRef,
    stance: Stance,
    said: Option<When>,
    quote: Option<String>,
}

/// An id a record refers to: where it lies in the chunk (or the text, when it held escapes),
/// and its hash.
struct IdRef {
    at: Result<std::ops::Range<usize>, String>,
    hash: u64,
}

impl IdRef {
    /// `text`, which the parser borrowed from `bytes` unless it had to unescape it.
    fn new(text: Text<'_>, bytes: &[u8]) -> IdRef {
        let hash = id_hash(&text);
        let at = match text.0 {
            Cow::Borrowed(t) => {
                let start = (t.as_ptr() as usize).wrapping_sub(bytes.as_ptr() as usize);
                let range = start..start + t.len();
                match bytes.get(range.clone()) {
                    Some(b) if std::ptr::eq(b.as_ptr(), t.as_ptr()) => Ok(range),
                    _ => Err(t.to_owned()),
                }
            }
            Cow::Owned(t) => Err(t),
        };
        IdRef { at, hash }
    }

    /// The id's text, out of the chunk it was read from.
    fn text<'b>(&'b self, bytes: &'b [u8]) -> &'b str {
        match &self.at {
            Ok(range) => bytes
                .get(range.clone())
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or(""),
            Err(owned) => owned,
        }
    }
}

/// Parses and checks the lines of a chunk; stops after the first bad line.
fn decode_chunk(chunk: Chunk, options: JsonlOptions) -> Decoded {
    let mut records = Vec::with_capacity(chunk.bytes.len() / 64);
    let bytes = &chunk.bytes;
    let lines = bytes.split_inclusive(|&b| b == b'\n');
    for (line, raw) in (chunk.first_line..).zip(lines) {
        let text = trim_line(raw);
        let decoded = if text.iter().all(u8::is_ascii_whitespace) {
            Ok(Record::Blank)
        } else {
            serde_json::from_slice::<Line<'_>>(text)
                .map_err(|e| syntax_error(line, &e))
                .and_then(|rec| decode(rec, line, options, bytes))
        };
        let failed = decoded.is_err();
        records.push((line, decoded));
        if failed {
            break;
        }
    }
    Decoded { chunk, records }
}

/// Checks one line's record and turns it into what the graph adds.
fn decode(rec: Line<'_>, line: u64, options: JsonlOptions, bytes: &[u8]) -> Result<Record> {
    let ty = match &*rec.kind {
        "source" => Type::Source,
        "citation" => Type::Citation,
        "claim" => Type::Claim,
        "attribution" => Type::Attribution,
        "meta" => {
            return Err(format_error(
                line,
                None,
                "a second meta record; only line 1 may be one",
            ))
        }
        other => {
            return Err(format_error(
                line,
                rec.id.as_deref(),
                format!(
                "unknown record type {other:?}; expected source, citation, claim or attribution"
            ),
            ))
        }
    };
    let id = rec
        .id
        .as_deref()
        .ok_or_else(|| missing(line, None, "id", ty))?;
    if let Some(field) = rec.stray(ty) {
        return Err(stray_error(line, Some(id), field, ty.name()));
    }
    match ty {
        Type::Source => {
            let kind_text = rec
                .source_kind
                .as_deref()
                .ok_or_else(|| missing(line, Some(id), "kind", ty))?;
            let kind: SourceKind = kind_text.parse().map_err(|_| {
                    format_error(
                        line,
                        Some(id),
                        format!(
                            "field \"kind\": {kind_text:?} is not a source kind (person, organization, outlet, anonymous_group, ...)"
                        ),
                    )
                })?;
            let name = rec
                .name
                .ok_or_else(|| missing(line, Some(id), "name", ty))?;
            let unnamed = kind == SourceKind::UnnamedGroup;
            if let Some(anonymous) = rec.anonymous {
                if anonymous != unnamed {
                    return Err(format_error(
                            line,
                            Some(id),
                            format!(
                                "field \"anonymous\" is {anonymous}, but kind {kind_text:?} is {}anonymous",
                                if unnamed { "" } else { "not " }
                            ),
                        ));
                }
            }
            Ok(Record::Source(Source::new(id, kind, name)))
        }
        Type::Citation => {
            if rec.cycle == Some(true) && !options.include_cycles {
                return Ok(Record::SkippedCycle);
            }
            let from = rec
                .from
                .ok_or_else(|| missing(line, Some(id), "from", ty))?;
            let to = rec.to.ok_or_else(|| missing(line, Some(id), "to", ty))?;
            let date = date(rec.date.as_deref(), line, id)?;
            Ok(Record::Citation(SourceRelation {
                id: id.to_owned(),
                from: from.into_owned(),
                kind: SourceRelationKind::Cites,
                to: to.into_owned(),
                date,
                since: None,
                until: None,
            }))
        }
        Type::Claim => {
            let text = rec
                .text
                .ok_or_else(|| missing(line, Some(id), "text", ty))?;
            Ok(Record::Claim(Claim::new(id, text)))
        }
        Type::Attribution => {
            let source = rec
                .source
                .ok_or_else(|| missing(line, Some(id), "source", ty))?;
            let claim = rec
                .claim
                .ok_or_else(|| missing(line, Some(id), "claim", ty))?;
            let stance_text = rec
                .stance
                .as_deref()
                .ok_or_else(|| missing(line, Some(id), "stance", ty))?;
            let stance = Stance::ALL
                .into_iter()
                .find(|s| s.as_str() == stance_text)
                .ok_or_else(|| {
                    format_error(
                        line,
                        Some(id),
                        format!(
                            "field \"stance\": {stance_text:?} is not asserts, denies or doubts"
                        ),
                    )
                })?;
            let said = date(rec.date.as_deref(), line, id)?;
            // The checks the graph would make of the attribution's own fields, made here, on
            // the parsing thread, with the graph's words.
            let in_graph = |e: Error| format_error(line, Some(id), e.to_string());
            crate::id::validate_id(id).map_err(in_graph)?;
            if rec.quote.as_deref().is_some_and(|q| q.trim().is_empty()) {
                return Err(in_graph(Error::invalid_field(
                    id,
                    "quote",
                    "must not be empty when given (leave it out instead)",
                )));
            }
            Ok(Record::Attribution(LineAttribution {
                id: id.to_owned(),
                id_hash: id_hash(id),
                source: IdRef::new(source, bytes),
                claim: IdRef::new(claim, bytes),
                stance,
                said,
                quote: rec.quote.map(Text::into_owned),
            }))
        }
        Type::Meta => Ok(Record::Blank),
    }
}

/// The record types of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    Meta,
    Source,
    Citation,
    Claim,
    Attribution,
}

impl Type {
    fn name(self) -> &'static str {
        match self {
            Type::Meta => "meta",
            Type::Source => "source",
            Type::Citation => "citation",
            Type::Claim => "claim",
            Type::Attribution => "attribution",
        }
    }
}

/// One line of any type. Strings borrow from the line buffer when they hold no escapes, so a
/// line costs only the owned strings of the record it becomes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line<'a> {
    #[serde(rename = "type", borrow)]
    kind: Text<'a>,
    #[serde(default, borrow)]
    id: Option<Text<'a>>,
    // source
    #[serde(default, rename = "kind", borrow)]
    source_kind: Option<Text<'a>>,
    #[serde(default, borrow)]
    name: Option<Text<'a>>,
    #[serde(default)]
    anonymous: Option<bool>,
    // citation
    #[serde(default, borrow)]
    from: Option<Text<'a>>,
    #[serde(default, borrow)]
    to: Option<Text<'a>>,
    #[serde(default)]
    cycle: Option<bool>,
    // citation and attribution
    #[serde(default, borrow)]
    date: Option<Text<'a>>,
    // claim
    #[serde(default, borrow)]
    text: Option<Text<'a>>,
    // attribution
    #[serde(default, borrow)]
    source: Option<Text<'a>>,
    #[serde(default, borrow)]
    claim: Option<Text<'a>>,
    #[serde(default, borrow)]
    stance: Option<Text<'a>>,
    /// `null` (as the corpus writes it) and absent both mean no quote.
    #[serde(default, borrow)]
    quote: Option<Text<'a>>,
    // meta
    #[serde(default)]
    format_version: Option<u64>,
    #[serde(default)]
    counts: Option<MetaCounts>,
    #[serde(default)]
    generator: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    seed: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    n_claims: Option<serde::de::IgnoredAny>,
}

/// A string of a line: borrowed from the line when it holds no escapes, owned otherwise.
pub(crate) struct Text<'a>(pub(crate) Cow<'a, str>);

impl Text<'_> {
    fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl From<Text<'_>> for String {
    fn from(t: Text<'_>) -> String {
        t.into_owned()
    }
}

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                v: &'de str,
            ) -> std::result::Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: serde::de::Error>(
                self,
                v: String,
            ) -> std::result::Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// The record counts a meta line announces.
#[derive(Deserialize)]
struct MetaCounts {
    #[serde(default)]
    source: Option<u64>,
    #[serde(default)]
    claim: Option<u64>,
    #[serde(default)]
    attribution: Option<u64>,
    #[serde(default)]
    citation: Option<u64>,
    #[serde(default)]
    cycle_citation: Option<u64>,
}

/// The optional fields of [`Line`], in the order of [`Line::present`]'s bits.
const FIELDS: [&str; 18] = [
    "id",
    "kind",
    "name",
    "anonymous",
    "from",
    "to",
    "cycle",
    "date",
    "text",
    "source",
    "claim",
    "stance",
    "quote",
    "format_version",
    "counts",
    "generator",
    "seed",
    "n_claims",
];

impl Type {
    /// The fields a record of this type may have, as bits of [`Line::present`].
    fn allowed(self) -> u32 {
        // Bit i stands for FIELDS[i].
        let bits = |fields: &[usize]| fields.iter().fold(0, |b, &i| b | (1u32 << i));
        match self {
            Type::Source => bits(&[0, 1, 2, 3]),
            Type::Citation => bits(&[0, 4, 5, 6, 7]),
            Type::Claim => bits(&[0, 8]),
            Type::Attribution => bits(&[0, 7, 9, 10, 11, 12]),
            Type::Meta => bits(&[13, 14, 15, 16, 17]),
        }
    }
}

impl Line<'_> {
    /// Which fields this line has, one bit per entry of [`FIELDS`].
    fn present(&self) -> u32 {
        [
            self.id.is_some(),
            self.source_kind.is_some(),
            self.name.is_some(),
            self.anonymous.is_some(),
            self.from.is_some(),
            self.to.is_some(),
            self.cycle.is_some(),
            self.date.is_some(),
            self.text.is_some(),
            self.source.is_some(),
            self.claim.is_some(),
            self.stance.is_some(),
            self.quote.is_some(),
            self.format_version.is_some(),
            self.counts.is_some(),
            self.generator.is_some(),
            self.seed.is_some(),
            self.n_claims.is_some(),
        ]
        .iter()
        .enumerate()
        .fold(0, |bits, (i, &p)| bits | (u32::from(p) << i))
    }

    /// The first field present on this line that belongs to another record type.
    fn stray(&self, ty: Type) -> Option<&'static str> {
        let stray = self.present() & !ty.allowed();
        FIELDS.get(stray.trailing_zeros() as usize).copied()
    }
}

/// The line without its line ending.
fn trim_line(buf: &[u8]) -> &[u8] {
    let b = buf.strip_suffix(b"\n").unwrap_or(buf);
    b.strip_suffix(b"\r").unwrap_or(b)
}

/// Reads an optional `date` field.
fn date(text: Option<&str>, line: u64, id: &str) -> Result<Option<When>> {
    let Some(t) = text else {
        return Ok(None);
    };
    When::parse(t)
        .map(Some)
        .map_err(|e| format_error(line, Some(id), format!("field \"date\": {e}")))
}

fn at(line: u64, record: Option<&str>) -> Location {
    Location {
        path: None,
        line: Some(line),
        column: None,
        record: record.map(str::to_owned),
    }
}

fn format_error(line: u64, record: Option<&str>, message: impl Into<String>) -> Error {
    Error::Format {
        format: FORMAT_LABEL,
        location: at(line, record),
        message: message.into(),
    }
}

fn missing(line: u64, record: Option<&str>, field: &str, ty: Type) -> Error {
    format_error(
        line,
        record,
        format!("a {} record needs the field {field:?}", ty.name()),
    )
}

fn stray_error(line: u64, record: Option<&str>, field: &str, ty: &str) -> Error {
    format_error(
        line,
        record,
        format!("field {field:?} does not belong in a {ty} record"),
    )
}

/// A line that is not valid JSON, or not an object of the expected shape.
fn syntax_error(line: u64, e: &serde_json::Error) -> Error {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
    Error::Format {
        format: FORMAT_LABEL,
        location: Location {
            path: None,
            line: Some(line),
            column: (e.column() > 0).then_some(e.column() as u64),
            record: None,
        },
        message,
    }
}
