//! Opening a database: every record's current value, read out of the log into a graph.
//!
//! One scan of the log reads the events marked live, then the blocks of bulk changes. Nodes and
//! the rarer edges are read as the records they are; a plain attribution (no hops, basis or
//! further claims: nearly all of them) is read without copying the ids of its source and claim
//! into strings of their own, since the graph keeps them only as references to its nodes. The
//! records are then added in the order of their ids, kind by kind, with every check the graph
//! makes of a record; a record the graph refuses fails the opening with an error naming its
//! event.

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};
use serde::Deserialize;

use super::db_error;
use super::history::parse_kind;
use super::record::{generic_kind, read_json};
use crate::error::{Error, RecordKind, Result};
use crate::graph::{AttributionParts, ClaimGraph};
use crate::index::id_hash;
use crate::io::jsonl::Text;
use crate::model::attribution::validate_own_fields;
use crate::model::{Attribution, Modality, Stance};
use crate::time::When;

/// How much of the file SQLite may map into memory while opening reads it: reading the log's
/// pages in place instead of copying each one out of the file. Set back to none afterwards.
const OPEN_MMAP_BYTES: i64 = 1 << 30;

/// An attribution as stored when it has no hops, basis or further claims: the fields of
/// [`Attribution`] that such a one has, under the same names and rules, the ids it refers to
/// borrowed from the row.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredPlain<'a> {
    id: String,
    #[serde(borrow)]
    source: Text<'a>,
    #[serde(borrow)]
    claim: Text<'a>,
    stance: Stance,
    #[serde(default)]
    modality: Modality,
    #[serde(default)]
    said: Option<When>,
    #[serde(default)]
    quote: Option<String>,
}

/// Keys, as this library writes them, that only an attribution [`StoredPlain`] cannot hold
/// has: hops, a basis, further claims.
const FULL_ONLY_KEYS: [&str; 3] = ["\"via\":", "\"basis\":", "\"covers\":"];

/// A plain attribution waiting for its source and claim to be in the graph: their ids lie in
/// the loader's `ids` text, and every id is hashed for the graph's lookups.
struct Plain {
    id: String,
    id_hash: u64,
    source: Range<usize>,
    source_hash: u64,
    claim: Range<usize>,
    claim_hash: u64,
    stance: Stance,
    modality: Modality,
    said: Option<When>,
    quote: Option<String>,
}

/// An attribution read from its event, plain or not (the rarer full record boxed, so that the
/// list of them stays small).
enum Pending {
    Plain(Plain),
    Full(Box<Attribution>),
}

impl Pending {
    fn id(&self) -> &str {
        match self {
            Pending::Plain(p) => &p.id,
            Pending::Full(a) => &a.id,
        }
    }
}

/// The live records of the log, each with the position of its event, kind by kind.
#[derive(Default)]
struct Loaded {
    sources: Vec<(i64, crate::model::Source)>,
    claims: Vec<(i64, crate::model::Claim)>,
    attributions: Vec<(i64, Pending)>,
    source_relations: Vec<(i64, crate::model::SourceRelation)>,
    claim_relations: Vec<(i64, crate::model::ClaimRelation)>,
    verdicts: Vec<(i64, crate::model::Verdict)>,
    /// The source and claim ids of the plain attributions, one after the other.
    ids: String,
}

impl Loaded {
    fn read(&mut self, seq: i64, kind: RecordKind, json: &str, path: &Path) -> Result<()> {
        let place = || format!("{}: event {seq}", path.display());
        let place: &dyn Fn() -> String = &place;
        // Each kind straight into its list (not through a `Record`, which would move it once
        // more).
        match kind {
            RecordKind::Source => self.sources.push((seq, read_json(json, place)?)),
            RecordKind::Claim => self.claims.push((seq, read_json(json, place)?)),
            RecordKind::Attribution => {
                // A row with the second model's fields is read in full at once rather than
                // after a failed plain reading (a quote holding such a key only costs that).
                let plain = if FULL_ONLY_KEYS.iter().any(|k| json.contains(k)) {
                    None
                } else {
                    serde_json::from_str::<StoredPlain<'_>>(json).ok()
                };
                let pending = match plain {
                    Some(a) => {
                        validate_own_fields(&a.id, &a.quote, a.said.as_ref())
                            .map_err(|e| unfit(path, seq, &kind, &a.id, e))?;
                        Pending::Plain(self.plain(a))
                    }
                    // Hops, a basis or further claims (or a damaged row, which the full
                    // reading names).
                    None => Pending::Full(Box::new(read_json(json, place)?)),
                };
                self.attributions.push((seq, pending));
            }
            RecordKind::SourceRelation => {
                self.source_relations.push((seq, read_json(json, place)?))
            }
            RecordKind::ClaimRelation => self.claim_relations.push((seq, read_json(json, place)?)),
            RecordKind::Verdict => self.verdicts.push((seq, read_json(json, place)?)),
            RecordKind::Node | RecordKind::Edge => return Err(generic_kind(kind, place)),
        }
        Ok(())
    }

    fn plain(&mut self, a: StoredPlain<'_>) -> Plain {
        let mut keep = |id: &str| {
            let start = self.ids.len();
            self.ids.push_str(id);
            (start..self.ids.len(), id_hash(id))
        };
        let (source, source_hash) = keep(&a.source);
        let (claim, claim_hash) = keep(&a.claim);
        Plain {
            id_hash: id_hash(&a.id),
            id: a.id,
            source,
            source_hash,
            claim,
            claim_hash,
            stance: a.stance,
            modality: a.modality,
            said: a.said,
            quote: a.quote,
        }
    }

    /// Reads a block's current values (its events that no later change replaced).
    fn read_block(
        &mut self,
        b: &super::blocks::Block,
        replaced: &HashSet<u64>,
        path: &Path,
    ) -> Result<()> {
        let kind = parse_kind(&b.kind)
            .ok_or_else(|| b.damaged(path, &format!("unknown kind {:?}", b.kind)))?;
        b.with_events(path, |entries| {
            for e in entries {
                if let Some(after) = e.after.filter(|_| !replaced.contains(&e.seq)) {
                    let seq = i64::try_from(e.seq)
                        .map_err(|_| b.damaged(path, "its positions overflow"))?;
                    self.read(seq, kind, after, path)?;
                }
            }
            Ok(())
        })
    }

    /// Adds every record to a new graph in the order of their ids: sources, claims, relations
    /// between sources, between claims, attributions, verdicts (as
    /// [`ClaimGraph::from_records`] does).
    fn into_graph(mut self, db: &Connection, path: &Path) -> Result<ClaimGraph> {
        fn by_id<T>(list: &mut [(i64, T)], id: impl Fn(&T) -> &str) {
            // Already in order after a bulk change, which sorting sees at once.
            list.sort_unstable_by(|a, b| id(&a.1).cmp(id(&b.1)));
        }
        by_id(&mut self.sources, |r| &r.id);
        by_id(&mut self.claims, |r| &r.id);
        by_id(&mut self.source_relations, |r| &r.id);
        by_id(&mut self.claim_relations, |r| &r.id);
        by_id(&mut self.attributions, Pending::id);
        by_id(&mut self.verdicts, |r| &r.id);

        let mut g = ClaimGraph::new();
        g.reserve(
            self.sources.len() + self.claims.len(),
            self.attributions.len(),
        );
        let refused = |seq: i64, e: Error| named_refusal(db, path, seq, e);
        for (seq, r) in self.sources {
            g.add_source(r).map_err(|e| refused(seq, e))?;
        }
        for (seq, r) in self.claims {
            g.add_claim(r).map_err(|e| refused(seq, e))?;
        }
        for (seq, r) in self.source_relations {
            g.add_source_relation(r).map_err(|e| refused(seq, e))?;
        }
        for (seq, r) in self.claim_relations {
            g.add_claim_relation(r).map_err(|e| refused(seq, e))?;
        }
        let ids = self.ids.as_str();
        let text = |range: Range<usize>| ids.get(range).unwrap_or_default();
        let mut last_claim = None;
        for (seq, a) in self.attributions {
            match a {
                Pending::Plain(p) => {
                    let parts = AttributionParts {
                        id: p.id,
                        id_hash: p.id_hash,
                        source: text(p.source),
                        source_hash: p.source_hash,
                        claim: text(p.claim),
                        claim_hash: p.claim_hash,
                        claim_hint: last_claim,
                        stance: p.stance,
                        modality: p.modality,
                        said: p.said,
                        quote: p.quote,
                    };
                    let claim = g.add_attribution_parts(parts).map_err(|no| {
                        let (e, id) = *no;
                        unfit(path, seq, &RecordKind::Attribution, &id, e)
                    })?;
                    last_claim = Some(claim);
                }
                Pending::Full(a) => g.add_attribution(*a).map_err(|e| refused(seq, e))?,
            }
        }
        for (seq, r) in self.verdicts {
            g.add_verdict(r).map_err(|e| refused(seq, e))?;
        }
        Ok(g)
    }
}

/// Reads every record into a graph: one scan of the log for the events marked live.
pub(crate) fn load(db: &Connection, path: &Path) -> Result<ClaimGraph> {
    let mapped = db.pragma_update(None, "mmap_size", OPEN_MMAP_BYTES);
    let loaded = scan(db, path);
    // Mapping is for this one read; changes are written and read as without it.
    let unmapped = db.pragma_update(None, "mmap_size", 0);
    let loaded = loaded?;
    mapped.and(unmapped).map_err(|e| db_error(path, e))?;
    loaded.into_graph(db, path)
}

fn scan(db: &Connection, path: &Path) -> Result<Loaded> {
    let mut loaded = Loaded::default();
    let mut stmt = db
        .prepare("SELECT seq, kind, after FROM events WHERE live = 1")
        .map_err(|e| db_error(path, e))?;
    let mut rows = stmt.query([]).map_err(|e| db_error(path, e))?;
    while let Some(row) = rows.next().map_err(|e| db_error(path, e))? {
        let seq: i64 = row.get(0).map_err(|e| db_error(path, e))?;
        // Both columns are read in place, without a copy.
        let text = |i: usize, column: &str| -> Result<Option<&str>> {
            match row.get_ref(i).map_err(|e| db_error(path, e))? {
                ValueRef::Null => Ok(None),
                v => v.as_str().map(Some).map_err(|e| {
                    database_error(path, format!("event {seq}: its {column} is not text ({e})"))
                }),
            }
        };
        let kind_name = text(1, "kind")?.unwrap_or_default();
        let kind = parse_kind(kind_name).ok_or_else(|| {
            database_error(
                path,
                format!("event {seq} has an unknown kind {kind_name:?}"),
            )
        })?;
        let body = text(2, "value")?.ok_or_else(|| {
            database_error(
                path,
                format!("event {seq} holds the current {kind} but no value"),
            )
        })?;
        loaded.read(seq, kind, body, path)?;
    }
    // The events of bulk changes: each one's `after` is current unless a later change
    // replaced it.
    let replaced = super::blocks::replaced(db, path)?;
    super::blocks::each(db, path, "ORDER BY first_seq", [], |b| {
        loaded.read_block(&b, &replaced, path).map(|()| true)
    })?;
    Ok(loaded)
}

fn database_error(path: &Path, message: impl Into<String>) -> Error {
    Error::Database {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// The error of a stored record that the graph refuses: which event holds it, what it is.
fn unfit(path: &Path, seq: i64, kind: &dyn std::fmt::Display, id: &str, e: Error) -> Error {
    database_error(
        path,
        format!("the stored records do not form a graph: event {seq}, the {kind} {id:?}: {e}"),
    )
}

/// [`unfit`] for a record that was moved into the graph: its kind and id are read back from
/// its event (only when there is an error to report).
fn named_refusal(db: &Connection, path: &Path, seq: i64, e: Error) -> Error {
    let named: Option<(String, String)> = db
        .query_row("SELECT kind, id FROM events WHERE seq = ?1", [seq], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()
        .ok()
        .flatten()
        .or_else(|| super::blocks::named(db, path, u64::try_from(seq).unwrap_or(0)));
    match named {
        Some((kind, id)) => unfit(path, seq, &kind, &id, e),
        None => database_error(
            path,
            format!("the stored records do not form a graph: event {seq}: {e}"),
        ),
    }
}
