//! A graph that lives in a SQLite database file and remembers who changed what.
//!
//! [`ClaimGraph::open`] gives a [`StoredGraph`]: queries run on the in-memory graph as usual
//! (it dereferences to [`ClaimGraph`]); every change goes through the stored graph, which commits
//! it to the database before it returns and records it in a hash-chained history.
//!
//! ```
//! use claimgraph::{ClaimGraph, Source, SourceKind, Claim, Attribution, Stance};
//! # let dir = std::env::temp_dir().join(format!("claimgraph-doc-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir).unwrap();
//! # let path = dir.join("desk.db");
//! # let _ = std::fs::remove_file(&path);
//! let mut g = ClaimGraph::open(&path)?;
//! g.set_actor("desk:alice");
//! g.add_source(Source::new("russia", SourceKind::Government, "Russia"))?;
//! g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia"))?;
//! g.with_reason("the ministry's statement of 19 June", |g| {
//!     g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies))
//! })?;
//! assert!(!g.status("ammo")?.disputed); // queries run on the graph in memory
//! drop(g);
//!
//! let g = ClaimGraph::open(&path)?; // everything that returned is in the file
//! let events = g.history("russia:denies:ammo")?;
//! assert_eq!(events[0].actor, "desk:alice");
//! assert_eq!(events[0].reason.as_deref(), Some("the ministry's statement of 19 June"));
//! assert!(g.verify_history()?.intact());
//! # drop(g); std::fs::remove_dir_all(&dir).unwrap();
//! # Ok::<(), claimgraph::Error>(())
//! ```

/// The repository README's examples run as doctests, so they cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct RepositoryReadme;

mod blocks;
mod history;
mod load;
mod prov;
mod record;
mod schema;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

pub use history::{Event, HistoryCheck};
pub use record::{Action, Record};

use crate::error::{Error, RecordKind, Result};
use crate::graph::ClaimGraph;
use crate::io::native::RecordRef;
use crate::io::{ImportReport, IngestReport, JsonlOptions};
use crate::model::{Attribution, Claim, ClaimRelation, Source, SourceRelation, Verdict};
use crate::query::{MergePolicy, MergeReport};
use history::{format_time, EventRow};
use record::{current, diff, Step};

/// The name of the database format, used in errors.
pub const FORMAT: &str = "claimgraph database";

/// The actor recorded for changes made before [`StoredGraph::set_actor`] is called.
pub const DEFAULT_ACTOR: &str = "unknown";

/// The last event written: where the next one continues the chain.
#[derive(Debug, Clone, Copy)]
struct Tail {
    seq: u64,
    change: u64,
    hash: [u8; 32],
    at: Option<DateTime<Utc>>,
}

/// A transaction opened by [`StoredGraph::begin`]: what to restore if it is rolled back.
#[derive(Debug)]
struct Open {
    start: Tail,
    applied: Vec<Step>,
}

/// A claim graph backed by a SQLite database file, with the history of every change.
///
/// Made by [`ClaimGraph::open`]. Reading goes through [`std::ops::Deref`] to the in-memory
/// [`ClaimGraph`]; changing goes through the methods below, each of which is committed (durable,
/// in SQLite's WAL mode with full synchronisation) before it returns, or fails and changes
/// nothing, neither in memory nor in the file. [`StoredGraph::transaction`] (or
/// [`begin`](StoredGraph::begin) / [`commit`](StoredGraph::commit)) groups many changes into one
/// commit, so an import of a million records is not a million commits.
///
/// One process holds the file at a time: a second [`ClaimGraph::open`] of the same file, from
/// this process or another, waits up to [`StoredGraph::LOCK_WAIT`] and then fails with
/// [`Error::Database`] saying the file is in use.
///
/// Every change is an [`Event`] per record (actor, time, reason, value before and after); events
/// are hash-chained so [`verify_history`](StoredGraph::verify_history) can tell whether the log
/// was altered and where. [`undo`](StoredGraph::undo) reverts a change by a new change, never by
/// rewriting history.
#[derive(Debug)]
pub struct StoredGraph {
    graph: ClaimGraph,
    db: Connection,
    path: PathBuf,
    actor: String,
    reason: Option<String>,
    tail: Tail,
    open: Option<Open>,
}

impl ClaimGraph {
    /// Opens the graph database at `path`, creating it when the file does not exist.
    ///
    /// The file is a SQLite database (SQLite is built into the library). Opening loads every
    /// record into memory; the file stays locked for this graph until it is dropped.
    ///
    /// Errors: [`Error::Database`] when the file is not a claimgraph database, is damaged, is
    /// not a regular file, or is held by another process; [`Error::UnsupportedVersion`] when it
    /// was written by a newer version of the library (its schema version is named).
    pub fn open(path: impl AsRef<Path>) -> Result<StoredGraph> {
        StoredGraph::open(path)
    }
}

impl std::ops::Deref for StoredGraph {
    type Target = ClaimGraph;

    fn deref(&self) -> &ClaimGraph {
        &self.graph
    }
}

impl StoredGraph {
    /// How long opening waits for another process to release the file.
    pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

    /// See [`ClaimGraph::open`].
    pub fn open(path: impl AsRef<Path>) -> Result<StoredGraph> {
        let path = path.as_ref().to_path_buf();
        let db = schema::connect(&path)?;
        let graph = load::load(&db, &path)?;
        let tail = schema::tail(&db, &path)?;
        Ok(StoredGraph {
            graph,
            db,
            path,
            actor: DEFAULT_ACTOR.to_owned(),
            reason: None,
            tail,
            open: None,
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The in-memory graph (also reachable through `Deref`).
    pub fn graph(&self) -> &ClaimGraph {
        &self.graph
    }

    /// Closes the database and keeps the graph in memory, detached from the file.
    pub fn into_graph(mut self) -> ClaimGraph {
        if self.open.is_some() {
            let _ = self.rollback();
        }
        std::mem::take(&mut self.graph)
    }

    /// Sets who the following changes are recorded as made by ("desk:alice").
    pub fn set_actor(&mut self, actor: impl Into<String>) {
        self.actor = actor.into();
    }

    /// Who the following changes are recorded as made by.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Runs `f` with `reason` recorded on every change it makes.
    ///
    /// ```
    /// # use claimgraph::{ClaimGraph, Source, SourceKind};
    /// # let dir = std::env::temp_dir().join(format!("claimgraph-reason-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir).unwrap();
    /// # let path = dir.join("desk.db");
    /// # let _ = std::fs::remove_file(&path);
    /// let mut g = ClaimGraph::open(&path)?;
    /// g.with_reason("named in the ABC's report", |g| {
    ///     g.add_source(Source::new("abc", SourceKind::Outlet, "ABC"))
    /// })?;
    /// assert_eq!(g.history("abc")?[0].reason.as_deref(), Some("named in the ABC's report"));
    /// # drop(g); std::fs::remove_dir_all(&dir).unwrap();
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn with_reason<T>(
        &mut self,
        reason: impl Into<String>,
        f: impl FnOnce(&mut StoredGraph) -> Result<T>,
    ) -> Result<T> {
        let saved = self.reason.replace(reason.into());
        let out = f(self);
        self.reason = saved;
        out
    }

    /// Runs `f` with `reason` recorded on every change it makes when one is given, and as it is
    /// otherwise: what a caller whose reason is optional (a binding's `reason=None`) calls.
    ///
    /// ```
    /// # use claimgraph::{ClaimGraph, Source, SourceKind};
    /// # let dir = std::env::temp_dir().join(format!("claimgraph-oreason-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir).unwrap();
    /// # let path = dir.join("desk.db");
    /// # let _ = std::fs::remove_file(&path);
    /// let mut g = ClaimGraph::open(&path)?;
    /// g.with_optional_reason(None, |g| g.add_source(Source::new("abc", SourceKind::Outlet, "ABC")))?;
    /// g.with_optional_reason(Some("a second outlet".into()), |g| {
    ///     g.add_source(Source::new("bbc", SourceKind::Outlet, "BBC"))
    /// })?;
    /// assert_eq!(g.history("abc")?[0].reason, None);
    /// assert_eq!(g.history("bbc")?[0].reason.as_deref(), Some("a second outlet"));
    /// # drop(g); std::fs::remove_dir_all(&dir).unwrap();
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn with_optional_reason<T>(
        &mut self,
        reason: Option<String>,
        f: impl FnOnce(&mut StoredGraph) -> Result<T>,
    ) -> Result<T> {
        match reason {
            Some(why) => self.with_reason(why, f),
            None => f(self),
        }
    }

    // ----- changes ---------------------------------------------------------------------------

    /// Adds a source (see [`ClaimGraph::add_source`]).
    pub fn add_source(&mut self, source: Source) -> Result<()> {
        self.add("add_source", source.into())
    }

    /// Adds a claim (see [`ClaimGraph::add_claim`]).
    pub fn add_claim(&mut self, claim: Claim) -> Result<()> {
        self.add("add_claim", claim.into())
    }

    /// Adds an attribution (see [`ClaimGraph::add_attribution`]).
    pub fn add_attribution(&mut self, a: Attribution) -> Result<()> {
        self.add("add_attribution", a.into())
    }

    /// Adds a relation between sources (see [`ClaimGraph::add_source_relation`]).
    pub fn add_source_relation(&mut self, r: SourceRelation) -> Result<()> {
        self.add("add_source_relation", r.into())
    }

    /// Adds a relation between claims (see [`ClaimGraph::add_claim_relation`]).
    pub fn add_claim_relation(&mut self, r: ClaimRelation) -> Result<()> {
        self.add("add_claim_relation", r.into())
    }

    /// Adds a verdict (see [`ClaimGraph::add_verdict`]).
    pub fn add_verdict(&mut self, v: Verdict) -> Result<()> {
        self.add("add_verdict", v.into())
    }

    /// Replaces a source; returns the old record (see [`ClaimGraph::update_source`]).
    pub fn update_source(&mut self, source: Source) -> Result<Source> {
        self.update("update_source", source)
    }

    /// Replaces a claim; returns the old record (see [`ClaimGraph::update_claim`]).
    pub fn update_claim(&mut self, claim: Claim) -> Result<Claim> {
        self.update("update_claim", claim)
    }

    /// Replaces an attribution; returns the old record.
    pub fn update_attribution(&mut self, a: Attribution) -> Result<Attribution> {
        self.update("update_attribution", a)
    }

    /// Replaces a relation between sources; returns the old record.
    pub fn update_source_relation(&mut self, r: SourceRelation) -> Result<SourceRelation> {
        self.update("update_source_relation", r)
    }

    /// Replaces a relation between claims; returns the old record.
    pub fn update_claim_relation(&mut self, r: ClaimRelation) -> Result<ClaimRelation> {
        self.update("update_claim_relation", r)
    }

    /// Replaces a verdict; returns the old record. The old rating stays in the history, and
    /// the ClaimReview export of [`StoredGraph::to_claimreview_json`] marks it superseded.
    pub fn update_verdict(&mut self, v: Verdict) -> Result<Verdict> {
        self.update("update_verdict", v)
    }

    /// Removes a source with everything that depends on it (see [`ClaimGraph::remove_source`]);
    /// the history records every record removed or changed with it.
    pub fn remove_source(&mut self, id: &str) -> Result<Source> {
        let old = self.graph.get_source(id)?.clone();
        self.change_with("remove_source", |g| g.remove_source(id).map(drop))?;
        Ok(old)
    }

    /// Removes a claim with its edges; the history records each one.
    pub fn remove_claim(&mut self, id: &str) -> Result<Claim> {
        let old = self.graph.get_claim(id)?.clone();
        self.change_with("remove_claim", |g| g.remove_claim(id).map(drop))?;
        Ok(old)
    }

    /// Removes an attribution.
    pub fn remove_attribution(&mut self, id: &str) -> Result<Attribution> {
        let old = self.graph.get_attribution(id)?;
        self.remove_edge("remove_attribution", old.clone().into())?;
        Ok(old)
    }

    /// Removes a relation between sources.
    pub fn remove_source_relation(&mut self, id: &str) -> Result<SourceRelation> {
        let old = self.graph.get_source_relation(id)?;
        self.remove_edge("remove_source_relation", old.clone().into())?;
        Ok(old)
    }

    /// Removes a relation between claims.
    pub fn remove_claim_relation(&mut self, id: &str) -> Result<ClaimRelation> {
        let old = self.graph.get_claim_relation(id)?;
        self.remove_edge("remove_claim_relation", old.clone().into())?;
        Ok(old)
    }

    /// Removes a verdict.
    pub fn remove_verdict(&mut self, id: &str) -> Result<Verdict> {
        let old = self.graph.get_verdict(id)?;
        self.remove_edge("remove_verdict", old.clone().into())?;
        Ok(old)
    }

    /// Merges another graph in (see [`ClaimGraph::merge`]); each record added or replaced is an
    /// event of one change named `"merge"`.
    pub fn merge(&mut self, other: &ClaimGraph, policy: MergePolicy) -> Result<MergeReport> {
        self.change_with("merge", |g| g.merge(other, policy))
    }

    /// Reads JSON Lines records into the graph in one transaction (see
    /// [`ClaimGraph::ingest_jsonl_with`]).
    pub fn ingest_jsonl(
        &mut self,
        reader: impl std::io::BufRead,
        options: JsonlOptions,
    ) -> Result<IngestReport> {
        self.change_with("ingest_jsonl", |g| g.ingest_jsonl_with(reader, options))
    }

    /// Imports ClaimReview JSON-LD (see [`ClaimGraph::import_claimreview`]).
    pub fn import_claimreview(&mut self, json: &str) -> Result<ImportReport> {
        self.change_with("import_claimreview", |g| g.import_claimreview(json))
    }

    /// Runs any change on the graph in memory and records what it changed, record by record,
    /// as one change named `operation`. When `f` fails, or the change cannot be written,
    /// nothing changes.
    ///
    /// This is how bulk work that has no method here (a converter, a draft from an extractor)
    /// keeps its history. It compares the graph before and after, so it costs a copy of the
    /// graph; the single-record methods do not. On an empty graph (the first import into a new
    /// database) there is nothing to compare: every record the change leaves is written as
    /// added.
    pub fn change_with<T>(
        &mut self,
        operation: &str,
        f: impl FnOnce(&mut ClaimGraph) -> Result<T>,
    ) -> Result<T> {
        if self.graph.is_empty() {
            return self.change_empty_with(operation, f);
        }
        let before = self.graph.records();
        let mut next = self.graph.clone();
        let out = f(&mut next)?;
        let steps = diff(before, next.records());
        let old = std::mem::replace(&mut self.graph, next);
        match self.persist(operation, &steps, None) {
            Ok(_) => Ok(out),
            Err(e) => {
                self.graph = old;
                Err(e)
            }
        }
    }

    /// [`change_with`](StoredGraph::change_with) on an empty graph (the first bulk ingest into a
    /// new database): every record the change leaves is an addition, so there is nothing to
    /// compare, and the events are written from the records as they are listed, in the order a
    /// comparison would give (sources, claims, then the edges, each kind by id).
    fn change_empty_with<T>(
        &mut self,
        operation: &str,
        f: impl FnOnce(&mut ClaimGraph) -> Result<T>,
    ) -> Result<T> {
        let mut next = self.graph.clone();
        let out = f(&mut next)?;
        let listed = next.sorted_records();
        self.commit_rows(operation, &[], added_rows(&next, &listed), None)?;
        drop(listed);
        if let Some(open) = &mut self.open {
            // What a rollback of the transaction takes back.
            open.applied.extend(record::additions(next.records()));
        }
        self.graph = next;
        Ok(out)
    }

    fn add(&mut self, operation: &str, record: Record) -> Result<()> {
        self.single(
            operation,
            Step {
                before: None,
                after: Some(record),
            },
        )
    }

    /// Replaces a record of kind `T` and hands back its old value.
    fn update<T: Into<Record> + TryFrom<Record>>(&mut self, operation: &str, new: T) -> Result<T> {
        let record: Record = new.into();
        let before = current(&self.graph, record.kind(), record.id())
            .ok_or_else(|| Error::not_found(record.kind(), record.id()))?;
        let old = T::try_from(before.clone())
            .map_err(|_| Error::not_found(record.kind(), record.id()))?;
        self.single(
            operation,
            Step {
                before: Some(before),
                after: Some(record),
            },
        )?;
        Ok(old)
    }

    fn remove_edge(&mut self, operation: &str, record: Record) -> Result<()> {
        self.single(
            operation,
            Step {
                before: Some(record),
                after: None,
            },
        )
    }

    /// Applies one step in memory (the graph refuses it unchanged when it is invalid), then
    /// writes it; a failed write takes it back.
    fn single(&mut self, operation: &str, step: Step) -> Result<()> {
        record::apply(&mut self.graph, &step)?;
        let steps = [step];
        if let Err(e) = self.persist(operation, &steps, None) {
            let _ = record::apply(&mut self.graph, &steps[0].inverse());
            return Err(e);
        }
        Ok(())
    }

    /// Writes the events of one change, already applied in memory. Inside a
    /// transaction the change waits for [`commit`](StoredGraph::commit); outside it is committed
    /// now. On failure the database and the chain are as before (the caller restores memory).
    fn persist(&mut self, operation: &str, steps: &[Step], undoes: Option<u64>) -> Result<u64> {
        let replaced: Vec<&Record> = steps.iter().filter_map(|s| s.before.as_ref()).collect();
        let change = self.commit_rows(operation, &replaced, step_rows(steps), undoes)?;
        if let Some(open) = &mut self.open {
            open.applied.extend_from_slice(steps);
        }
        Ok(change)
    }

    /// Writes one change's event rows (`replaced`: the records whose current value the change
    /// replaces or removes) and commits it unless a transaction is open; on failure the
    /// database and the chain are as before.
    fn commit_rows<'a>(
        &mut self,
        operation: &str,
        replaced: &[&Record],
        rows: impl Iterator<Item = RowSpec<'a>>,
        undoes: Option<u64>,
    ) -> Result<u64> {
        let mut rows = rows.peekable();
        if rows.peek().is_none() {
            return Ok(self.tail.change);
        }
        let start = self.tail;
        let written = self.write_change(operation, replaced, rows, undoes);
        let result = written.and_then(|()| {
            // Outside a transaction, releasing the outermost savepoint commits.
            self.db
                .execute_batch("RELEASE change")
                .map_err(|e| self.db_error(e))
        });
        match result {
            Ok(()) => Ok(self.tail.change),
            Err(e) => {
                let _ = self.db.execute_batch("ROLLBACK TO change; RELEASE change");
                self.tail = start;
                Err(e)
            }
        }
    }

    fn write_change<'a>(
        &mut self,
        operation: &str,
        replaced: &[&Record],
        rows: impl Iterator<Item = RowSpec<'a>>,
        undoes: Option<u64>,
    ) -> Result<()> {
        self.db
            .execute_batch("SAVEPOINT change")
            .map_err(|e| self.db_error(e))?;
        let now = Utc::now();
        // Times never go backwards in the log, so "since" is a prefix of it.
        let at = match self.tail.at {
            Some(last) if last > now => last,
            _ => now,
        };
        let at_text = format_time(&at);
        let change = self.tail.change + 1;
        let path = &self.path;
        let err = |e| db_error(path, e);
        let common = Common {
            change,
            at: &at_text,
            actor: &self.actor,
            reason: self.reason.as_deref(),
            operation,
            undoes,
        };
        // A record replaced or removed: the event holding its old value is no longer live.
        let mut unset = self.db.prepare_cached(schema::UNSET_LIVE).map_err(err)?;
        let mut in_blocks = Vec::new();
        for old in replaced {
            let changed = unset
                .execute(params![old.id(), old.kind().as_str()])
                .map_err(err)?;
            if changed == 0 {
                in_blocks.push((old.kind(), old.id()));
            }
        }
        if !in_blocks.is_empty() {
            blocks::mark_replaced(&self.db, path, &in_blocks)?;
        }
        let mut rows = rows;
        let head: Vec<RowSpec<'a>> = rows.by_ref().take(blocks::BULK_EVENTS).collect();
        let start = (self.tail.seq, self.tail.hash);
        let (seq, hash) = if head.len() == blocks::BULK_EVENTS {
            // A bulk change: its events go into blocks.
            blocks::write_bulk(&self.db, path, &common, start, head.into_iter().chain(rows))?
        } else {
            self.write_rows(head.into_iter(), &common, start)?
        };
        self.tail = Tail {
            seq,
            change,
            hash,
            at: Some(at),
        };
        Ok(())
    }

    /// Writes a change's events one row each, [`schema::ROWS_PER_INSERT`] to an `INSERT`.
    fn write_rows<'a>(
        &self,
        rows: impl Iterator<Item = RowSpec<'a>>,
        common: &Common<'_>,
        start: (u64, [u8; 32]),
    ) -> Result<(u64, [u8; 32])> {
        let path = &self.path;
        let err = |e| db_error(path, e);
        let mut one = self
            .db
            .prepare_cached(schema::insert_events(false))
            .map_err(err)?;
        let mut many = self
            .db
            .prepare_cached(schema::insert_events(true))
            .map_err(err)?;
        let mut failed = None;
        let end = chain_rows(rows, common, start, |batch| {
            let written = if batch.len() == schema::ROWS_PER_INSERT {
                insert_rows(&mut many, common, &batch)
            } else {
                batch
                    .iter()
                    .try_for_each(|row| insert_rows(&mut one, common, std::slice::from_ref(row)))
            };
            written.map_err(|e| failed = Some(err(e))).is_ok()
        });
        failed.map_or(Ok(end), Err)
    }

    // ----- transactions ----------------------------------------------------------------------

    /// Runs `f` as one transaction: every change it makes is committed together when it returns
    /// `Ok`, and none of them (in memory or in the file) when it returns `Err` or the commit
    /// fails.
    ///
    /// ```
    /// # use claimgraph::{ClaimGraph, Source, SourceKind};
    /// # let dir = std::env::temp_dir().join(format!("claimgraph-tx-{}", std::process::id()));
    /// # std::fs::create_dir_all(&dir).unwrap();
    /// # let path = dir.join("desk.db");
    /// # let _ = std::fs::remove_file(&path);
    /// let mut g = ClaimGraph::open(&path)?;
    /// let failed = g.transaction(|g| {
    ///     g.add_source(Source::new("abc", SourceKind::Outlet, "ABC"))?;
    ///     g.add_source(Source::new("abc", SourceKind::Outlet, "ABC again")) // duplicate id
    /// });
    /// assert!(failed.is_err());
    /// assert!(g.source("abc").is_none()); // the first addition was rolled back too
    /// # drop(g); std::fs::remove_dir_all(&dir).unwrap();
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn transaction<T>(&mut self, f: impl FnOnce(&mut StoredGraph) -> Result<T>) -> Result<T> {
        self.begin()?;
        match f(self) {
            Ok(out) => {
                self.commit()?;
                Ok(out)
            }
            Err(e) => {
                self.rollback()?;
                Err(e)
            }
        }
    }

    /// Starts a transaction: changes until [`commit`](StoredGraph::commit) are committed
    /// together, or undone together by [`rollback`](StoredGraph::rollback) (also when the graph
    /// is dropped before committing).
    ///
    /// Errors: [`Error::InvalidField`] (field `transaction`) when one is already open.
    pub fn begin(&mut self) -> Result<()> {
        if self.open.is_some() {
            return Err(Error::invalid_field(
                &self.path.display().to_string(),
                "transaction",
                "a transaction is already open: commit or roll it back first",
            ));
        }
        self.db
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.db_error(e))?;
        self.open = Some(Open {
            start: self.tail,
            applied: Vec::new(),
        });
        Ok(())
    }

    /// Whether a transaction is open.
    pub fn in_transaction(&self) -> bool {
        self.open.is_some()
    }

    /// Commits the open transaction. When the commit fails, the transaction is rolled back.
    ///
    /// Errors: [`Error::InvalidField`] (field `transaction`) when none is open;
    /// [`Error::Database`] when the commit fails.
    pub fn commit(&mut self) -> Result<()> {
        if self.open.is_none() {
            return Err(self.no_transaction());
        }
        match self.db.execute_batch("COMMIT") {
            Ok(()) => {
                self.open = None;
                Ok(())
            }
            Err(e) => {
                let err = self.db_error(e);
                self.rollback()?;
                Err(err)
            }
        }
    }

    /// Rolls back the open transaction: the graph and the file are as they were at
    /// [`begin`](StoredGraph::begin).
    pub fn rollback(&mut self) -> Result<()> {
        let Some(open) = self.open.take() else {
            return Err(self.no_transaction());
        };
        let _ = self.db.execute_batch("ROLLBACK");
        for step in open.applied.iter().rev() {
            let _ = record::apply(&mut self.graph, &step.inverse());
        }
        self.tail = open.start;
        Ok(())
    }

    fn no_transaction(&self) -> Error {
        Error::invalid_field(
            &self.path.display().to_string(),
            "transaction",
            "no transaction is open",
        )
    }

    // ----- history ---------------------------------------------------------------------------

    /// Every event about the record with this id (a node or an edge), oldest first.
    pub fn history(&self, id: &str) -> Result<Vec<Event>> {
        schema::events_of(&self.db, &self.path, id)
    }

    /// Every event at or after `since`, oldest first.
    pub fn history_since(&self, since: DateTime<Utc>) -> Result<Vec<Event>> {
        // Times never decrease along the log, so the events since a time are a suffix of it.
        let first = schema::first_seq(
            &self.db,
            &self.path,
            "at",
            ">=",
            format_time(&since),
            self.tail.seq,
        )?;
        schema::events_between(&self.db, &self.path, first, u64::MAX, None)
    }

    /// Every event of one change, in the order they were written.
    pub fn change_events(&self, change: u64) -> Result<Vec<Event>> {
        // A change's events are consecutive in the log.
        let last = self.tail.seq;
        let first = schema::first_seq(&self.db, &self.path, "change", ">=", change as i64, last)?;
        let after = schema::first_seq(&self.db, &self.path, "change", ">", change as i64, last)?;
        schema::events_between(&self.db, &self.path, first, after, Some(change))
    }

    /// The number of the last change, 0 for a new database.
    pub fn last_change(&self) -> u64 {
        self.tail.change
    }

    /// The graph as it had been edited up to `time`: every event at or before it, replayed.
    ///
    /// This is about when the record was edited; [`ClaimGraph::as_of`] is about when things
    /// were said.
    pub fn as_of_edit(&self, time: DateTime<Utc>) -> Result<ClaimGraph> {
        let end = schema::first_seq(
            &self.db,
            &self.path,
            "at",
            ">",
            format_time(&time),
            self.tail.seq,
        )?;
        let events = schema::events_between(&self.db, &self.path, 1, end, None)?;
        let mut g = ClaimGraph::new();
        for e in &events {
            record::apply(&mut g, &e.step()).map_err(|err| Error::Database {
                path: self.path.clone(),
                message: format!(
                    "event {} ({} {}) cannot be replayed: {err}",
                    e.seq, e.action, e.id
                ),
            })?;
        }
        Ok(g)
    }

    /// Checks the hash chain of the whole history: whether any event was altered, removed or
    /// inserted after it was written, and where the first such event is.
    pub fn verify_history(&self) -> Result<HistoryCheck> {
        schema::verify(&self.db, &self.path)
    }

    /// Undoes the last change (which may itself be an undo) by a new change; returns its number.
    ///
    /// Errors: [`Error::NotFound`] (kind edge, id `"change 0"`) when there is nothing to undo.
    pub fn undo_last(&mut self) -> Result<u64> {
        self.undo(self.tail.change)
    }

    /// Undoes change number `change` by a new change that puts every record it touched back as
    /// it was; returns the new change's number. The history keeps both.
    ///
    /// Errors: [`Error::NotFound`] when there is no such change; [`Error::InvalidField`]
    /// (field `history`) naming a record that a later change modified again: undo that one first.
    pub fn undo(&mut self, change: u64) -> Result<u64> {
        let events = self.change_events(change)?;
        if events.is_empty() {
            return Err(Error::not_found(
                RecordKind::Edge,
                &format!("change {change}"),
            ));
        }
        for e in &events {
            let now = current(&self.graph, e.kind, &e.id);
            if now != e.after {
                return Err(Error::invalid_field(
                    &e.id,
                    "history",
                    format!(
                        "change {change} cannot be undone: the {} was changed again after it; undo the later change first",
                        e.kind
                    ),
                ));
            }
        }
        let steps: Vec<Step> = events.iter().rev().map(|e| e.step().inverse()).collect();
        record::apply_all(&mut self.graph, &steps)?;
        match self.persist("undo", &steps, Some(change)) {
            Ok(n) => Ok(n),
            Err(e) => {
                for done in steps.iter().rev() {
                    let _ = record::apply(&mut self.graph, &done.inverse());
                }
                Err(e)
            }
        }
    }

    /// The history as W3C PROV-JSON: the provenance of the record itself. Each change is an
    /// activity associated with its actor (an agent); each value a record had is an entity
    /// generated by the change that wrote it, a revision of the value before, and invalidated by
    /// the change that replaced or removed it.
    pub fn history_to_prov_json(&self) -> Result<String> {
        let events = schema::events_between(&self.db, &self.path, 1, u64::MAX, None)?;
        Ok(prov::history_document(&events))
    }

    /// The graph's ClaimReview JSON-LD (see [`ClaimGraph::to_claimreview_json`]), with every
    /// earlier rating of a revised verdict listed after it as a review whose
    /// `creativeWorkStatus` is `"Superseded"`.
    pub fn to_claimreview_json(&self) -> Result<String> {
        let mut earlier = Vec::new();
        for v in self.graph.verdicts() {
            for e in self.history(&v.id)? {
                if let (Some(Record::Verdict(before)), Some(Record::Verdict(_))) =
                    (&e.before, &e.after)
                {
                    earlier.push((before.clone(), e.at));
                }
            }
        }
        prov::claimreview_with_superseded(&self.graph, &earlier)
    }

    fn db_error(&self, e: rusqlite::Error) -> Error {
        db_error(&self.path, e)
    }
}

impl Drop for StoredGraph {
    fn drop(&mut self) {
        if self.open.is_some() {
            let _ = self.rollback();
        }
    }
}

/// The fields every event of one change shares.
struct Common<'a> {
    change: u64,
    at: &'a str,
    actor: &'a str,
    reason: Option<&'a str>,
    operation: &'a str,
    undoes: Option<u64>,
}

/// One event to write: what happened to which record, with its values as JSON.
struct RowSpec<'a> {
    action: Action,
    kind: RecordKind,
    id: &'a str,
    before: Option<String>,
    after: Option<Value<'a>>,
}

/// A record's value in an event: its JSON, or the record itself in a graph, serialized where
/// the event is written (a bulk change's values go straight into their block).
enum Value<'a> {
    Json(String),
    InGraph(&'a ClaimGraph, RecordRef<'a>),
}

impl Value<'_> {
    /// The value's JSON.
    fn into_json(self) -> String {
        match self {
            Value::Json(json) => json,
            Value::InGraph(..) => {
                let mut out = Vec::new();
                self.write_json(&mut out);
                // serde_json writes UTF-8.
                String::from_utf8(out).unwrap_or_default()
            }
        }
    }

    /// Appends the value's JSON to `out`.
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Value::Json(json) => out.extend_from_slice(json.as_bytes()),
            Value::InGraph(graph, record) => graph.write_record_json(*record, out),
        }
    }

    /// The length of the value's JSON when it is known before writing it.
    fn known_len(&self) -> usize {
        match self {
            Value::Json(json) => json.len(),
            Value::InGraph(..) => 0,
        }
    }
}

/// The event rows of a change made of steps, in their order.
fn step_rows(steps: &[Step]) -> impl Iterator<Item = RowSpec<'_>> {
    // A step with neither value (none is made) has no event.
    steps.iter().filter_map(|step| {
        let record = step.record()?;
        Some(RowSpec {
            action: step.action(),
            kind: record.kind(),
            id: record.id(),
            before: step.before.as_ref().map(Record::to_json),
            after: step.after.as_ref().map(|r| Value::Json(r.to_json())),
        })
    })
}

/// The event rows adding every record of `graph`, sources and claims first (the order of
/// [`record::diff`] from an empty graph), each serialized where it is written.
fn added_rows<'a>(
    graph: &'a ClaimGraph,
    listed: &'a [(RecordKind, &'a str, RecordRef<'a>)],
) -> impl Iterator<Item = RowSpec<'a>> + 'a {
    listed.iter().map(move |&(kind, id, record)| RowSpec {
        action: Action::Add,
        kind,
        id,
        before: None,
        after: Some(Value::InGraph(graph, record)),
    })
}

/// Numbers the rows from `start`, chains their hashes, and hands them to `emit` in batches of
/// [`schema::ROWS_PER_INSERT`] (the last one shorter), stopping when `emit` says so; returns
/// the last row's position and hash.
fn chain_rows<'a>(
    rows: impl Iterator<Item = RowSpec<'a>>,
    common: &Common<'_>,
    start: (u64, [u8; 32]),
    mut emit: impl FnMut(Vec<PendingRow<'a>>) -> bool,
) -> (u64, [u8; 32]) {
    let (mut seq, mut hash) = start;
    let mut batch = Vec::with_capacity(schema::ROWS_PER_INSERT);
    for spec in rows {
        seq += 1;
        let row = PendingRow {
            seq,
            action: spec.action.as_str(),
            kind: spec.kind.as_str(),
            id: spec.id,
            before: spec.before,
            after: spec.after.map(Value::into_json),
            hash: [0; 32],
        };
        hash = row.event(common).hash(&hash);
        batch.push(PendingRow { hash, ..row });
        if batch.len() == schema::ROWS_PER_INSERT {
            let full = std::mem::replace(&mut batch, Vec::with_capacity(schema::ROWS_PER_INSERT));
            if !emit(full) {
                return (seq, hash);
            }
        }
    }
    if !batch.is_empty() {
        emit(batch);
    }
    (seq, hash)
}

/// One event row waiting to be written with others in one `INSERT`.
struct PendingRow<'a> {
    seq: u64,
    action: &'static str,
    kind: &'static str,
    id: &'a str,
    before: Option<String>,
    after: Option<String>,
    hash: [u8; 32],
}

impl PendingRow<'_> {
    fn event<'a>(&'a self, common: &'a Common<'a>) -> EventRow<'a> {
        common.event(
            self.seq,
            self.action,
            self.kind,
            self.id,
            self.before.as_deref(),
            self.after.as_deref(),
        )
    }
}

impl<'a> Common<'a> {
    /// The fields one event of this change hashes: these shared ones and its own.
    fn event(
        &self,
        seq: u64,
        action: &'a str,
        kind: &'a str,
        id: &'a str,
        before: Option<&'a str>,
        after: Option<&'a str>,
    ) -> EventRow<'a> {
        EventRow {
            seq,
            change: self.change,
            at: self.at,
            actor: self.actor,
            reason: self.reason,
            operation: self.operation,
            undoes: self.undoes,
            action,
            kind,
            id,
            before,
            after,
        }
    }
}

/// Binds `rows` to an `INSERT` of exactly that many rows (`schema::insert_events`) and runs it.
fn insert_rows(
    stmt: &mut rusqlite::CachedStatement<'_>,
    common: &Common<'_>,
    rows: &[PendingRow<'_>],
) -> rusqlite::Result<()> {
    let undoes = common.undoes.map(|u| u as i64);
    for (r, row) in rows.iter().enumerate() {
        let at = r * schema::EVENT_COLUMN_COUNT;
        stmt.raw_bind_parameter(at + 1, row.seq as i64)?;
        stmt.raw_bind_parameter(at + 2, common.change as i64)?;
        stmt.raw_bind_parameter(at + 3, common.at)?;
        stmt.raw_bind_parameter(at + 4, common.actor)?;
        stmt.raw_bind_parameter(at + 5, common.reason)?;
        stmt.raw_bind_parameter(at + 6, common.operation)?;
        stmt.raw_bind_parameter(at + 7, undoes)?;
        stmt.raw_bind_parameter(at + 8, row.action)?;
        stmt.raw_bind_parameter(at + 9, row.kind)?;
        stmt.raw_bind_parameter(at + 10, row.id)?;
        stmt.raw_bind_parameter(at + 11, row.before.as_deref())?;
        stmt.raw_bind_parameter(at + 12, row.after.as_deref())?;
        stmt.raw_bind_parameter(at + 13, &row.hash[..])?;
        stmt.raw_bind_parameter(at + 14, i64::from(row.after.is_some()))?;
    }
    stmt.raw_execute().map(drop)
}

pub(crate) fn db_error(path: &Path, e: rusqlite::Error) -> Error {
    let message = match &e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DatabaseBusy => {
            format!("the file is in use by another graph or process ({e})")
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            format!("not a database, or damaged ({e})")
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DatabaseCorrupt => {
            format!("the database is damaged ({e})")
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ReadOnly => {
            format!("the database cannot be written ({e})")
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::CannotOpen => {
            format!("cannot open the file or create its journal beside it ({e})")
        }
        _ => e.to_string(),
    };
    Error::Database {
        path: path.to_path_buf(),
        message,
    }
}
