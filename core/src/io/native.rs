//! The native JSON format (described in [`crate::io`]): versioned, deterministic, exact round
//! trip; atomic saves.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::Path;

use petgraph::stable_graph::EdgeIndex;
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::error::{Error, Location, RecordKind, Result};
use crate::graph::{ClaimGraph, Edge};
use crate::io::prov::NativeProv;
use crate::model::{
    Attribution, Claim, ClaimRelation, Modality, Source, SourceRelation, Stance, Verdict,
};
use crate::time::When;

mod lines;

/// The value of the `"format"` field of a native file.
pub const FORMAT_NAME: &str = "claimgraph";
/// The version of the native format this library writes. It reads this version and every
/// earlier one: a version-1 document is a version-2 document without the second model's fields
/// (its `via` is one source id, read as a reporting chain of one hop).
pub const FORMAT_VERSION: u64 = 2;

/// How much of a file [`ClaimGraph::load`] reads at a time.
const READ_BUFFER: usize = 1 << 20;

/// The name of this format in errors.
const FORMAT_LABEL: &str = "claimgraph JSON";

/// The record lists of a document, in the order they are written.
const LISTS: [&str; 6] = [
    "sources",
    "claims",
    "attributions",
    "source_relations",
    "claim_relations",
    "verdicts",
];

impl ClaimGraph {
    /// The graph as native JSON.
    ///
    /// The output is deterministic: two graphs holding the same records give the same string,
    /// whatever order the records were added in. Records are sorted by id within each list and
    /// written one per line.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Claim};
    /// let mut g = ClaimGraph::new();
    /// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia"))?;
    /// let json = g.to_json();
    /// assert!(json.starts_with("{\n  \"format\": \"claimgraph\",\n  \"version\": 2,"));
    /// assert_eq!(ClaimGraph::from_json(&json)?, g);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(4096);
        // Writing into a Vec cannot fail, and every record serializes (keys are strings).
        let _ = self.write_native(&mut out);
        // serde_json writes only valid UTF-8.
        String::from_utf8(out).unwrap_or_default()
    }

    /// A graph from native JSON.
    ///
    /// Errors: [`Error::Format`] with the line and column for anything that is not a claimgraph
    /// document of this version (wrong or missing `"format"`, a missing or non-integer
    /// `"version"`, bad syntax, an unknown field, a wrong type); [`Error::UnsupportedVersion`] for
    /// a document of a newer version. A record that the graph refuses (a duplicate id, an
    /// attribution to an unknown claim, an empty text) gives the graph's own error, exactly as
    /// adding that record would: [`Error::DuplicateId`], [`Error::NotFound`], ...
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Error};
    /// let err = ClaimGraph::from_json(r#"{"format": "claimgraph", "version": 3}"#).unwrap_err();
    /// assert!(matches!(err, Error::UnsupportedVersion { found: 3, .. }));
    /// assert!(err.to_string().contains("3"));
    /// let v1 = r#"{"format": "claimgraph", "version": 1, "sources": [], "claims": []}"#;
    /// assert!(ClaimGraph::from_json(v1)?.is_empty());
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<ClaimGraph> {
        // A byte order mark is not JSON, but some editors add one: read as `load` reads it.
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        check_not_empty(json.as_bytes(), None)?;
        parse(serde_json::Deserializer::from_str(json), None)
    }

    /// Writes the graph to `path` atomically, in the format of [`ClaimGraph::to_json`].
    ///
    /// The graph is written to a temporary file beside the target (`.NAME.tmp-PID-N`), synced
    /// to disk, and renamed over the target, so the target always holds either its old content
    /// or the whole new graph, never a part of it. On failure the temporary file is removed and
    /// the target is left as it was; the temporary file of a save that was killed is removed by
    /// the next save to the same path. A replaced file keeps its permissions. A symbolic link at
    /// `path` is replaced by a regular file (the file it pointed to is left as it was).
    ///
    /// Errors: [`Error::Io`] naming `path`, when the folder does not exist or cannot be written,
    /// the disk is full, or the rename fails; and, without touching anything, when `path` is a
    /// folder, anything other than a regular file or a symbolic link (a device such as
    /// `/dev/null`, a named pipe, a socket), or a write-protected file (make it writable to save
    /// over it).
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        super::replace::replace_file(path.as_ref(), |w| {
            self.write_native(w).map_err(io::Error::from)
        })
    }

    /// Reads a graph from `path`, written by [`ClaimGraph::save`] or [`ClaimGraph::to_json`].
    ///
    /// Nothing is read into an existing graph: on any error no graph is returned and the file is
    /// untouched.
    ///
    /// Errors: [`Error::Io`] when the file cannot be read; [`Error::Format`] naming the path, line
    /// and column for a truncated, corrupt or foreign file; [`Error::UnsupportedVersion`] for a
    /// file of a newer version. A record that the graph refuses is reported as
    /// [`Error::Format`] naming the path and the record's id, with the graph's message (a
    /// dangling or duplicate id in a file is a fault of the file).
    pub fn load(path: impl AsRef<Path>) -> Result<ClaimGraph> {
        let path = path.as_ref();
        // A file as `save` lays it out is read on two threads; any other goes to the general
        // reader below, which also gives every error but the graph's refusal of a record.
        if let lines::Outcome::Loaded(result) = lines::load(path) {
            return *result;
        }
        let file = File::open(path).map_err(|source| Error::Io {
            action: "read",
            path: path.to_path_buf(),
            source,
        })?;
        read_native(
            BufReader::with_capacity(READ_BUFFER, file),
            path,
            Some(path),
        )
    }

    /// Reads a graph in native JSON from a stream (standard input, a pipe, a reader that counts
    /// what it reads), without holding the text in memory.
    ///
    /// Errors are those of [`ClaimGraph::from_json`]; a failing reader is [`Error::Io`] whose
    /// path reads "claimgraph JSON input".
    ///
    /// ```
    /// use claimgraph::{Claim, ClaimGraph};
    /// let mut g = ClaimGraph::new();
    /// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia"))?;
    /// let json = g.to_json();
    /// assert_eq!(ClaimGraph::from_json_reader(json.as_bytes())?, g);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn from_json_reader(reader: impl io::Read) -> Result<ClaimGraph> {
        let reader = BufReader::with_capacity(READ_BUFFER, reader);
        read_native(reader, Path::new("claimgraph JSON input"), None)
    }

    /// Streams the document into `out`.
    fn write_native<W: Write>(&self, out: W) -> serde_json::Result<()> {
        let mut ser = serde_json::Serializer::with_formatter(out, RecordPerLine::default());
        Document(self).serialize(&mut ser)?;
        ser.into_inner()
            .write_all(b"\n")
            .map_err(serde_json::Error::io)
    }
}

// ----- writing ---------------------------------------------------------------------------------

/// The whole graph as a document; serializes records straight from the graph, one at a time.
struct Document<'g>(&'g ClaimGraph);

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let g = self.0;
        let sources: Vec<&Source> = sorted_by_id(g.sources().map(|s| (s.id.as_str(), s)));
        let claims: Vec<&Claim> = sorted_by_id(g.claims().map(|c| (c.id.as_str(), c)));

        let mut doc = s.serialize_struct("Document", 2 + LISTS.len())?;
        doc.serialize_field("format", FORMAT_NAME)?;
        doc.serialize_field("version", &FORMAT_VERSION)?;
        doc.serialize_field("sources", &sources)?;
        doc.serialize_field("claims", &claims)?;
        doc.serialize_field("attributions", &Edges::new(g, RecordKind::Attribution))?;
        doc.serialize_field(
            "source_relations",
            &Edges::new(g, RecordKind::SourceRelation),
        )?;
        doc.serialize_field("claim_relations", &Edges::new(g, RecordKind::ClaimRelation))?;
        doc.serialize_field("verdicts", &Edges::new(g, RecordKind::Verdict))?;
        match NativeProv::of(g) {
            Some(prov) => doc.serialize_field("prov", &prov)?,
            None => doc.skip_field("prov")?,
        }
        doc.end()
    }
}

/// The edges of one kind, sorted by id; each record is rebuilt from the graph as it is written,
/// so a save never holds a second copy of the graph.
struct Edges<'g> {
    graph: &'g ClaimGraph,
    kind: RecordKind,
    sorted: Vec<EdgeIndex>,
}

impl<'g> Edges<'g> {
    fn new(graph: &'g ClaimGraph, kind: RecordKind) -> Edges<'g> {
        let sorted = sorted_by_id(edges_of(graph, kind));
        Edges {
            graph,
            kind,
            sorted,
        }
    }
}

/// The edges holding a record of `kind`, with its id. An edge to a further claim of a
/// statement holds none: it is part of the attribution on another edge.
fn edges_of(g: &ClaimGraph, kind: RecordKind) -> impl Iterator<Item = (&str, EdgeIndex)> + '_ {
    g.graph.edge_indices().filter_map(move |ix| {
        let e: &Edge = g.graph.edge_weight(ix)?;
        let cover = matches!(e, Edge::Attribution(a) if a.is_cover());
        (e.kind() == kind && !cover).then(|| (e.id(), ix))
    })
}

/// The items sorted by their ids. The first eight bytes of each id, kept beside it as a number
/// that orders as they do, decide most comparisons without reading the id itself (at a million
/// records the ids are scattered over the heap, and each read of one is a cache miss).
fn sorted_by_id<'a, T>(items: impl Iterator<Item = (&'a str, T)>) -> Vec<T> {
    let mut keyed: Vec<(u64, &str, T)> = items
        .map(|(id, t)| {
            let mut head = [0u8; 8];
            let n = id.len().min(8);
            head[..n].copy_from_slice(&id.as_bytes()[..n]);
            (u64::from_be_bytes(head), id, t)
        })
        .collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
    keyed.into_iter().map(|(_, _, t)| t).collect()
}

impl Serialize for Edges<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.sorted.len()))?;
        for &ix in &self.sorted {
            seq.serialize_element(&EdgeAt {
                graph: self.graph,
                kind: self.kind,
                ix,
            })?;
        }
        seq.end()
    }
}

/// The record on one edge, serialized from the graph: an attribution with nothing rare in it
/// without copying its strings, the others rebuilt.
struct EdgeAt<'g> {
    graph: &'g ClaimGraph,
    kind: RecordKind,
    ix: EdgeIndex,
}

impl Serialize for EdgeAt<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let (g, ix) = (self.graph, self.ix);
        let missing = || {
            serde::ser::Error::custom(format_args!(
                "no {} on edge {}",
                self.kind.as_str(),
                ix.index()
            ))
        };
        match self.kind {
            RecordKind::Attribution => match PlainAttribution::at(g, ix) {
                Some(plain) => plain.serialize(s),
                None => g.attribution_at(ix).ok_or_else(missing)?.serialize(s),
            },
            RecordKind::SourceRelation => {
                g.source_relation_at(ix).ok_or_else(missing)?.serialize(s)
            }
            RecordKind::ClaimRelation => g.claim_relation_at(ix).ok_or_else(missing)?.serialize(s),
            RecordKind::Verdict => g.verdict_at(ix).ok_or_else(missing)?.serialize(s),
            _ => Err(missing()),
        }
    }
}

/// One record of a graph, borrowed from it: what [`ClaimGraph::sorted_records`] lists.
#[derive(Clone, Copy)]
pub(crate) enum RecordRef<'g> {
    Source(&'g Source),
    Claim(&'g Claim),
    Edge(RecordKind, EdgeIndex),
}

impl ClaimGraph {
    /// Every record, borrowed, in the order of [`ClaimGraph::records`] (sources, claims,
    /// attributions, source relations, claim relations, verdicts, each kind by id), with its
    /// kind and id. Listing them copies nothing but the references.
    pub(crate) fn sorted_records(&self) -> Vec<(RecordKind, &str, RecordRef<'_>)> {
        let mut out = Vec::with_capacity(self.graph.node_count() + self.graph.edge_count());
        out.extend(sorted_by_id(self.sources().map(|s| {
            (
                s.id.as_str(),
                (RecordKind::Source, s.id.as_str(), RecordRef::Source(s)),
            )
        })));
        out.extend(sorted_by_id(self.claims().map(|c| {
            (
                c.id.as_str(),
                (RecordKind::Claim, c.id.as_str(), RecordRef::Claim(c)),
            )
        })));
        for kind in [
            RecordKind::Attribution,
            RecordKind::SourceRelation,
            RecordKind::ClaimRelation,
            RecordKind::Verdict,
        ] {
            out.extend(sorted_by_id(
                edges_of(self, kind).map(|(id, ix)| (id, (kind, id, RecordRef::Edge(kind, ix)))),
            ));
        }
        out
    }

    /// Appends a record's JSON (the same fields as its own serialization) to `out`.
    pub(crate) fn write_record_json(&self, record: RecordRef<'_>, out: &mut Vec<u8>) {
        // Records hold only strings, numbers and dates, which always serialize; and an edge
        // listed by `sorted_records` holds its record.
        let _ = match record {
            RecordRef::Source(s) => serde_json::to_writer(out, s),
            RecordRef::Claim(c) => serde_json::to_writer(out, c),
            RecordRef::Edge(kind, ix) => serde_json::to_writer(
                out,
                &EdgeAt {
                    graph: self,
                    kind,
                    ix,
                },
            ),
        };
    }
}

/// An attribution with no hop, basis or further claim (most of them), serialized straight from
/// the graph: the same fields, in the same order and left out in the same cases, as
/// [`Attribution`]'s own serialization, without copying its strings into one.
#[derive(Serialize)]
struct PlainAttribution<'g> {
    id: &'g str,
    source: &'g str,
    claim: &'g str,
    stance: Stance,
    #[serde(skip_serializing_if = "is_stated")]
    modality: Modality,
    #[serde(skip_serializing_if = "Option::is_none")]
    said: Option<When>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'g str>,
}

fn is_stated(m: &Modality) -> bool {
    *m == Modality::Stated
}

impl<'g> PlainAttribution<'g> {
    /// The attribution on edge `ix`, when it is a plain one.
    fn at(g: &'g ClaimGraph, ix: EdgeIndex) -> Option<PlainAttribution<'g>> {
        let (s, c) = g.graph.edge_endpoints(ix)?;
        match g.graph.edge_weight(ix)? {
            Edge::Attribution(a) if a.more.is_none() && a.via.is_none() => Some(PlainAttribution {
                id: &a.id,
                source: g.node_id(s),
                claim: g.node_id(c),
                stance: a.stance,
                modality: a.modality,
                said: a.said,
                quote: a.quote.as_deref(),
            }),
            _ => None,
        }
    }
}

/// Pretty-prints the document and its lists, and writes each record compactly on its own line.
#[derive(Default)]
struct RecordPerLine {
    /// How many objects and arrays are open.
    depth: usize,
    /// Whether the innermost pretty container has a value yet.
    has_value: bool,
}

impl RecordPerLine {
    /// The document (depth 1) and its lists (depth 2) are laid out on lines; records are not.
    fn pretty(&self) -> bool {
        self.depth <= 2
    }

    fn newline<W: ?Sized + Write>(&self, w: &mut W, depth: usize) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        if self.pretty() && self.has_value {
            self.newline(w, self.depth.saturating_sub(1))?;
        }
        self.depth = self.depth.saturating_sub(1);
        w.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.pretty() {
            self.newline(w, self.depth)?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for RecordPerLine {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(if self.pretty() { b": " } else { b":" })
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

// ----- reading ---------------------------------------------------------------------------------

/// A document being read: records are added to the graph as they are parsed, so a large file
/// is never held twice in memory (once as records, once as a graph).
///
/// A list is added while it is read when the lists it refers to are complete (claims need
/// sources, edges need both); the writer's order guarantees that. A file written in another
/// order still loads: its early lists wait in `pending` and are added at the end.
struct Parsed<'p> {
    graph: ClaimGraph,
    pending: Pending,
    path: Option<&'p Path>,
    /// The graph's refusal of a record, kept typed while serde unwinds with a plain message.
    refused: Option<Error>,
    /// The PROV context, given to the graph once its records are in.
    prov: Option<NativeProv>,
}

#[derive(Default)]
struct Pending {
    claims: Vec<Claim>,
    attributions: Vec<Attribution>,
    source_relations: Vec<SourceRelation>,
    claim_relations: Vec<ClaimRelation>,
    verdicts: Vec<Verdict>,
}

impl<'p> Parsed<'p> {
    fn new(path: Option<&'p Path>) -> Parsed<'p> {
        Parsed {
            graph: ClaimGraph::new(),
            pending: Pending::default(),
            path,
            refused: None,
            prov: None,
        }
    }

    /// Adds one record; on refusal keeps the error (see [`ClaimGraph::load`] for its form).
    fn add<T>(
        &mut self,
        record: T,
        id: fn(&T) -> &str,
        add: fn(&mut ClaimGraph, T) -> Result<()>,
    ) -> std::result::Result<(), ()> {
        // Adding consumes the record, and a dangling reference names only the id referred to,
        // so a file's error keeps the record's own id aside.
        let key = self.path.map(|_| id(&record).to_owned());
        add(&mut self.graph, record).map_err(|inner| {
            self.refused = Some(match (self.path, key) {
                (Some(path), Some(id)) => Error::Format {
                    format: FORMAT_LABEL,
                    location: Location {
                        path: Some(path.to_path_buf()),
                        record: Some(id),
                        ..Location::default()
                    },
                    message: inner.to_string(),
                },
                _ => inner,
            });
        })
    }

    /// Adds the lists that had to wait, nodes before the edges that need them.
    fn finish(mut self) -> Result<ClaimGraph> {
        let p = std::mem::take(&mut self.pending);
        let outcome: std::result::Result<(), ()> = (|| {
            for r in p.claims {
                self.add(r, |r| &r.id, ClaimGraph::add_claim)?;
            }
            for r in p.source_relations {
                self.add(r, |r| &r.id, ClaimGraph::add_source_relation)?;
            }
            for r in p.claim_relations {
                self.add(r, |r| &r.id, ClaimGraph::add_claim_relation)?;
            }
            for r in p.attributions {
                self.add(r, |r| &r.id, ClaimGraph::add_attribution)?;
            }
            for r in p.verdicts {
                self.add(r, |r| &r.id, ClaimGraph::add_verdict)?;
            }
            Ok(())
        })();
        match (outcome, self.refused) {
            (Ok(()), _) => {
                if let Some(prov) = self.prov.take() {
                    prov.apply(&mut self.graph)
                        .map_err(|(record, message)| Error::Format {
                            format: FORMAT_LABEL,
                            location: Location {
                                path: self.path.map(Path::to_path_buf),
                                record: Some(record),
                                ..Location::default()
                            },
                            message,
                        })?;
                }
                Ok(self.graph)
            }
            (Err(()), Some(e)) => Err(e),
            (Err(()), None) => Err(Error::Format {
                format: FORMAT_LABEL,
                location: Location::default(),
                message: "a record was refused".to_owned(),
            }),
        }
    }
}

/// Reads one record list, adding each record to the graph as soon as it is parsed.
struct AddEach<'a, 'p, T> {
    doc: &'a mut Parsed<'p>,
    id: fn(&T) -> &str,
    add: fn(&mut ClaimGraph, T) -> Result<()>,
}

impl<'de, T: serde::Deserialize<'de>> DeserializeSeed<'de> for AddEach<'_, '_, T> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: serde::Deserialize<'de>> Visitor<'de> for AddEach<'_, '_, T> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of records")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        if let Some(n) = seq.size_hint() {
            self.doc.graph.reserve(n, 0);
        }
        while let Some(record) = seq.next_element::<T>()? {
            if self.doc.add(record, self.id, self.add).is_err() {
                return Err(de::Error::custom("the graph refused a record"));
            }
        }
        Ok(())
    }
}

/// An empty file is the most common broken save of other tools; say so plainly.
fn check_not_empty(bytes: &[u8], path: Option<&Path>) -> Result<()> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Format {
            format: FORMAT_LABEL,
            location: Location {
                path: path.map(Path::to_path_buf),
                line: Some(1),
                ..Location::default()
            },
            message: "the document is empty".to_owned(),
        });
    }
    Ok(())
}

/// Reads a document from a stream; `named` is the path errors name, `path` the one format errors
/// name (none for a stream that is not a file).
fn read_native<R: io::Read>(
    mut reader: BufReader<R>,
    named: &Path,
    path: Option<&Path>,
) -> Result<ClaimGraph> {
    let io_err = |source| Error::Io {
        action: "read",
        path: named.to_path_buf(),
        source,
    };
    let head = reader.fill_buf().map_err(io_err)?;
    // A byte order mark is not JSON, but some editors add one.
    let bom = head.starts_with(b"\xEF\xBB\xBF");
    let body = if bom { &head[3..] } else { head };
    if head.len() < READ_BUFFER {
        check_not_empty(body, path)?;
    }
    if bom {
        reader.consume(3);
    }
    parse(serde_json::Deserializer::from_reader(reader), path)
}

/// Reads a document, checking its format and version before its records.
fn parse<'de, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
    path: Option<&Path>,
) -> Result<ClaimGraph> {
    let newer = Cell::new(None);
    let mut doc = Parsed::new(path);
    let parsed = DocumentSeed {
        newer: &newer,
        doc: &mut doc,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    if let Some(refused) = doc.refused.take() {
        return Err(refused);
    }
    parsed.map_err(|e| {
        let location = Location {
            path: path.map(Path::to_path_buf),
            line: (e.line() > 0).then_some(e.line() as u64),
            column: (e.column() > 0).then_some(e.column() as u64),
            record: None,
        };
        match newer.get() {
            Some(found) => Error::UnsupportedVersion {
                format: FORMAT_LABEL,
                location,
                found,
                supported: FORMAT_VERSION,
            },
            None => Error::Format {
                format: FORMAT_LABEL,
                location,
                message: describe(&e),
            },
        }
    })?;
    doc.finish()
}

/// serde_json's message without the position, which the [`Location`] carries.
fn describe(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let msg = full.strip_suffix(&suffix).unwrap_or(&full);
    if e.is_eof() {
        format!("the document ends too early; it may be truncated ({msg})")
    } else {
        msg.to_owned()
    }
}

/// Reads the top-level object; records the version of a newer document in `newer` so the
/// caller can report it as [`Error::UnsupportedVersion`] rather than a format error.
struct DocumentSeed<'a, 'p> {
    newer: &'a Cell<Option<u64>>,
    doc: &'a mut Parsed<'p>,
}

impl<'de> DeserializeSeed<'de> for DocumentSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DocumentSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "a claimgraph document (a JSON object starting with \"format\": \"claimgraph\")",
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let mut format_seen = false;
        let mut version_seen = false;
        let mut lists_seen = [false; LISTS.len()];
        let doc = self.doc;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" if format_seen => return Err(de::Error::duplicate_field("format")),
                "format" => {
                    let value: serde_json::Value = map.next_value()?;
                    if value.as_str() != Some(FORMAT_NAME) {
                        return Err(de::Error::custom(format!(
                            "the \"format\" field is {value}, not \"{FORMAT_NAME}\": this is not a claimgraph document"
                        )));
                    }
                    format_seen = true;
                }
                _ if !format_seen => {
                    return Err(de::Error::custom(format!(
                        "not a claimgraph document: it must start with \"format\": \"{FORMAT_NAME}\", but found the field {key:?} first"
                    )));
                }
                "version" if version_seen => return Err(de::Error::duplicate_field("version")),
                "version" => {
                    let value: serde_json::Value = map.next_value()?;
                    match value.as_u64() {
                        Some(1..=FORMAT_VERSION) => version_seen = true,
                        Some(found) if found > FORMAT_VERSION => {
                            self.newer.set(Some(found));
                            return Err(de::Error::custom(format!(
                                "version {found} is newer than this library's version {FORMAT_VERSION}"
                            )));
                        }
                        _ => {
                            return Err(de::Error::custom(format!(
                                "the \"version\" field must be a whole number from 1 to {FORMAT_VERSION}, found {value}"
                            )));
                        }
                    }
                }
                "prov" if !version_seen => {
                    return Err(de::Error::custom(
                        "the \"version\" field must come before \"prov\"",
                    ));
                }
                "prov" if doc.prov.is_some() => return Err(de::Error::duplicate_field("prov")),
                "prov" => doc.prov = Some(map.next_value()?),
                other => {
                    let Some(i) = LISTS.iter().position(|l| *l == other) else {
                        return Err(de::Error::custom(format!(
                            "unknown field {other:?}; a claimgraph document has the fields format, version, {}, prov",
                            LISTS.join(", ")
                        )));
                    };
                    if !version_seen {
                        return Err(de::Error::custom(format!(
                            "the \"version\" field must come before {other:?}"
                        )));
                    }
                    if std::mem::replace(&mut lists_seen[i], true) {
                        return Err(de::Error::custom(format!("duplicate field {other:?}")));
                    }
                    // Claims may stream once the sources are complete, edges once both are.
                    let nodes_done = lists_seen[0] && lists_seen[1];
                    macro_rules! stream_or_wait {
                        ($ready:expr, $pending:ident, $t:ty, $add:path) => {
                            if $ready {
                                map.next_value_seed(AddEach {
                                    doc: &mut *doc,
                                    id: |r: &$t| &r.id,
                                    add: $add,
                                })?
                            } else {
                                doc.pending.$pending = map.next_value()?
                            }
                        };
                    }
                    match i {
                        0 => map.next_value_seed(AddEach {
                            doc: &mut *doc,
                            id: |r: &Source| &r.id,
                            add: ClaimGraph::add_source,
                        })?,
                        1 => stream_or_wait!(lists_seen[0], claims, Claim, ClaimGraph::add_claim),
                        2 => stream_or_wait!(
                            nodes_done,
                            attributions,
                            Attribution,
                            ClaimGraph::add_attribution
                        ),
                        3 => stream_or_wait!(
                            nodes_done,
                            source_relations,
                            SourceRelation,
                            ClaimGraph::add_source_relation
                        ),
                        4 => stream_or_wait!(
                            nodes_done,
                            claim_relations,
                            ClaimRelation,
                            ClaimGraph::add_claim_relation
                        ),
                        _ => {
                            stream_or_wait!(nodes_done, verdicts, Verdict, ClaimGraph::add_verdict)
                        }
                    }
                }
            }
        }
        if !format_seen {
            return Err(de::Error::custom(format!(
                "not a claimgraph document: there is no \"format\": \"{FORMAT_NAME}\" field"
            )));
        }
        if !version_seen {
            return Err(de::Error::missing_field("version"));
        }
        Ok(())
    }
}
