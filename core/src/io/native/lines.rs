//! Loading a file in the layout [`ClaimGraph::save`] writes, on two threads: one reads the lines
//! and adds the records to the graph while the other parses the records of the lines after them.
//!
//! The layout is the writer's exactly: the document's fields and lists each on their own line,
//! one record per line. A file in any other layout, or with any fault (a line that is not a
//! record, bad JSON, a truncated end, a read error), is not this reader's to judge: it says so
//! ([`Outcome::General`]) and the general reader reads the file again from the start and gives
//! its answer, error messages included. Records are added in the file's order by the same calls
//! as the general reader's, so a record the graph refuses gives the same error too.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::mpsc;

use super::{Parsed, FORMAT_NAME, FORMAT_VERSION, LISTS, READ_BUFFER};
use crate::error::Result;
use crate::graph::ClaimGraph;
use crate::model::{Attribution, Claim, ClaimRelation, Source, SourceRelation, Verdict};

/// What reading in the writer's layout came to.
pub(super) enum Outcome {
    /// The file is in the writer's layout: the graph, or the graph's refusal of a record.
    Loaded(Box<Result<ClaimGraph>>),
    /// The file must be read by the general reader.
    General,
}

/// How many bytes of record lines go to the parsing thread at a time.
const CHUNK_BYTES: usize = 256 * 1024;

/// How many chunks may wait between the two threads in each direction.
const CHUNKS_IN_FLIGHT: usize = 4;

/// Record lines of one list, each ending in `\n` (the writer's comma taken off).
struct Chunk {
    list: usize,
    bytes: Vec<u8>,
}

/// One parsed record, of the list its chunk came from.
enum Rec {
    Source(Source),
    Claim(Claim),
    Attribution(Attribution),
    SourceRelation(SourceRelation),
    ClaimRelation(ClaimRelation),
    Verdict(Verdict),
}

/// The records of a chunk, or `None` when one of its lines did not parse.
fn parse_chunk(chunk: &Chunk) -> Option<Vec<Rec>> {
    fn each<'a, T: serde::Deserialize<'a>>(
        bytes: &'a [u8],
        wrap: fn(T) -> Rec,
    ) -> Option<Vec<Rec>> {
        bytes
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice::<T>(l).ok().map(wrap))
            .collect()
    }
    let b = &chunk.bytes;
    match chunk.list {
        0 => each(b, Rec::Source),
        1 => each(b, Rec::Claim),
        2 => each(b, Rec::Attribution),
        3 => each(b, Rec::SourceRelation),
        4 => each(b, Rec::ClaimRelation),
        5 => each(b, Rec::Verdict),
        _ => None,
    }
}

/// Adds one record the way the general reader does; `Err` when the graph refused it (the error
/// is kept in `doc`).
fn add(doc: &mut Parsed<'_>, rec: Rec) -> std::result::Result<(), ()> {
    match rec {
        Rec::Source(r) => doc.add(r, |r| &r.id, ClaimGraph::add_source),
        Rec::Claim(r) => doc.add(r, |r| &r.id, ClaimGraph::add_claim),
        Rec::Attribution(r) => doc.add(r, |r| &r.id, ClaimGraph::add_attribution),
        Rec::SourceRelation(r) => doc.add(r, |r| &r.id, ClaimGraph::add_source_relation),
        Rec::ClaimRelation(r) => doc.add(r, |r| &r.id, ClaimGraph::add_claim_relation),
        Rec::Verdict(r) => doc.add(r, |r| &r.id, ClaimGraph::add_verdict),
    }
}

/// Where the reader is in the writer's layout.
#[derive(Clone, Copy, PartialEq, Eq)]
enum At {
    /// Before the line that opens list `i` (or the closing brace, after the last list).
    ListHead(usize),
    /// Inside list `i`; `comma` when the record before ended with one (or none was read yet).
    InList { list: usize, comma: bool, any: bool },
    /// After the closing brace.
    End,
}

/// Reads `path` if it is in the writer's layout.
pub(super) fn load(path: &Path) -> Outcome {
    let Ok(file) = File::open(path) else {
        return Outcome::General;
    };
    let mut reader = BufReader::with_capacity(READ_BUFFER, file);
    let mut line = Vec::with_capacity(4096);
    let mut next = |line: &mut Vec<u8>| -> Option<bool> {
        line.clear();
        let n = reader.read_until(b'\n', line).ok()?;
        if n == 0 {
            return Some(false);
        }
        (line.pop() == Some(b'\n')).then_some(true)
    };
    // The head: the brace, the format, the version.
    let version_ok =
        |l: &[u8]| (1..=FORMAT_VERSION).any(|v| l == format!("  \"version\": {v},").as_bytes());
    let format_line = format!("  \"format\": \"{FORMAT_NAME}\",");
    for want in [0, 1, 2] {
        if next(&mut line) != Some(true) {
            return Outcome::General;
        }
        let ok = match want {
            0 => line == b"{",
            1 => line == format_line.as_bytes(),
            _ => version_ok(&line),
        };
        if !ok {
            return Outcome::General;
        }
    }
    let heads: Vec<(Vec<u8>, Vec<u8>)> = LISTS
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let comma = if i + 1 < LISTS.len() { "," } else { "" };
            (
                format!("  \"{name}\": [").into_bytes(),
                format!("  \"{name}\": []{comma}").into_bytes(),
            )
        })
        .collect();
    let close = |i: usize| -> &'static [u8] {
        if i + 1 < LISTS.len() {
            b"  ],"
        } else {
            b"  ]"
        }
    };

    std::thread::scope(|scope| {
        let (raw_tx, raw_rx) = mpsc::sync_channel::<Chunk>(CHUNKS_IN_FLIGHT);
        let (done_tx, done_rx) = mpsc::sync_channel::<Option<Vec<Rec>>>(CHUNKS_IN_FLIGHT);
        scope.spawn(move || {
            for chunk in raw_rx {
                if done_tx.send(parse_chunk(&chunk)).is_err() {
                    break;
                }
            }
        });
        let mut doc = Parsed::new(Some(path));
        let mut in_flight = 0usize;
        // Adds one parsed chunk; `Some` ends the load with that outcome.
        let take = |doc: &mut Parsed<'_>, done: Option<Vec<Rec>>| -> Option<Outcome> {
            let Some(recs) = done else {
                return Some(Outcome::General);
            };
            for rec in recs {
                if add(doc, rec).is_err() {
                    return Some(match doc.refused.take() {
                        Some(e) => Outcome::Loaded(Box::new(Err(e))),
                        None => Outcome::General,
                    });
                }
            }
            None
        };
        let mut chunk = Chunk {
            list: 0,
            bytes: Vec::with_capacity(CHUNK_BYTES + 4096),
        };
        let mut at = At::ListHead(0);
        loop {
            let more = match next(&mut line) {
                Some(more) => more,
                None => return Outcome::General,
            };
            let list_done;
            match (at, more) {
                (At::End, false) => {
                    drop(raw_tx);
                    for done in done_rx.iter() {
                        if let Some(outcome) = take(&mut doc, done) {
                            return outcome;
                        }
                    }
                    return Outcome::Loaded(Box::new(doc.finish()));
                }
                (_, false) | (At::End, true) => return Outcome::General,
                (At::ListHead(i), true) if i == LISTS.len() => {
                    if line != b"}" {
                        return Outcome::General;
                    }
                    at = At::End;
                    list_done = false;
                }
                (At::ListHead(i), true) => {
                    let Some((open, empty)) = heads.get(i) else {
                        return Outcome::General;
                    };
                    if line == *empty {
                        at = At::ListHead(i + 1);
                    } else if line == *open {
                        at = At::InList {
                            list: i,
                            comma: true,
                            any: false,
                        };
                    } else {
                        return Outcome::General;
                    }
                    list_done = false;
                }
                (At::InList { list, comma, any }, true) => {
                    if line == close(list) {
                        // The last record has no comma, and a list with none is written `[]`.
                        if comma || !any {
                            return Outcome::General;
                        }
                        at = At::ListHead(list + 1);
                        list_done = true;
                    } else {
                        let Some(record) = line.strip_prefix(b"    ") else {
                            return Outcome::General;
                        };
                        if !comma || !record.starts_with(b"{") {
                            return Outcome::General;
                        }
                        let (record, has_comma) = match record.strip_suffix(b",") {
                            Some(r) => (r, true),
                            None => (record, false),
                        };
                        chunk.bytes.extend_from_slice(record);
                        chunk.bytes.push(b'\n');
                        at = At::InList {
                            list,
                            comma: has_comma,
                            any: true,
                        };
                        list_done = false;
                    }
                }
            }
            let list_now = match at {
                At::InList { list, .. } => list,
                _ => chunk.list,
            };
            if chunk.bytes.len() >= CHUNK_BYTES || (list_done && !chunk.bytes.is_empty()) {
                if in_flight == CHUNKS_IN_FLIGHT {
                    let Ok(done) = done_rx.recv() else {
                        return Outcome::General;
                    };
                    if let Some(outcome) = take(&mut doc, done) {
                        return outcome;
                    }
                    in_flight -= 1;
                }
                let full = std::mem::replace(
                    &mut chunk,
                    Chunk {
                        list: list_now,
                        bytes: Vec::with_capacity(CHUNK_BYTES + 4096),
                    },
                );
                if raw_tx.send(full).is_err() {
                    return Outcome::General;
                }
                in_flight += 1;
            }
            if chunk.bytes.is_empty() {
                chunk.list = match at {
                    At::InList { list, .. } => list,
                    At::ListHead(i) => i,
                    At::End => chunk.list,
                };
            }
        }
    })
}
