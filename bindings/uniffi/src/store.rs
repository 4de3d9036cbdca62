//! The `StoredGraph` object: the core's graph backed by a SQLite database file, with the history
//! of every change, behind a lock so that one object can be shared between threads.

use std::sync::Arc;

use claimgraph::{
    Attribution, Claim, ClaimRelation, Event, HistoryCheck, ImportReport, IngestReport,
    JsonlOptions, MergePolicy, MergeReport, Source, SourceRelation, Verdict,
};

use crate::error::{guard, Result};
use crate::graph::{object, ClaimGraph};
use crate::records::Timestamp;

/// A claim graph that lives in a database file and remembers who changed what.
///
/// Every change is committed to the file before it returns (or fails and changes nothing), and
/// recorded as events in a hash-chained history: who made it (`setActor`), when, why (the
/// optional `reason` of each change), and the record before and after. Queries are asked of
/// `graph()`, a copy of the graph as it is now. The file stays locked until the object is
/// closed (`close()` in Kotlin, or `use { }`; released in Swift).
///
/// Kotlin:
/// ```kotlin
/// StoredGraph.open(path).use { g ->
///     g.setActor("desk:alice")
///     g.addSource(Source(id = "russia", kind = SourceKind.GOVERNMENT, name = "Russia"))
///     g.addClaim(Claim(id = "ammo", text = "DPRK supplies ammunition to Russia"), reason = "the article of 18 June")
///     g.history("ammo").first().actor // "desk:alice"
/// }
/// ```
#[derive(Debug, uniffi::Object)]
pub struct StoredGraph {
    inner: claimgraph::SharedStore,
}

thread_local! {
    static PANIC_IN_NEXT_CALL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A test hook: the next call on a `StoredGraph` from this thread panics while it holds the
/// database, as an internal error in the middle of a change would; later calls on that graph are
/// refused. Apps never call it.
#[uniffi::export]
pub fn testing_panic_in_next_stored_graph_call() {
    PANIC_IN_NEXT_CALL.with(|p| p.set(true));
}

impl StoredGraph {
    /// Runs `f` on the database, with panics turned into errors.
    fn with<T>(
        &self,
        f: impl FnOnce(&mut claimgraph::StoredGraph) -> claimgraph::Result<T>,
    ) -> Result<T> {
        self.change(None, f)
    }

    /// Runs the change `f`, with `reason` recorded on it when one is given.
    fn change<T>(
        &self,
        reason: Option<String>,
        f: impl FnOnce(&mut claimgraph::StoredGraph) -> claimgraph::Result<T>,
    ) -> Result<T> {
        guard(|| {
            Ok(self.inner.change(reason, |g| {
                if PANIC_IN_NEXT_CALL.with(|p| p.replace(false)) {
                    #[allow(clippy::panic)] // the test hook's whole point
                    {
                        panic!("a panic on purpose, from the test hook, with the database locked")
                    }
                }
                f(g)
            })?)
        })
    }
}

#[uniffi::export]
impl StoredGraph {
    /// Opens the graph database at `path`, creating it when the file does not exist, and loads
    /// it. Errors: `Database` when the file is not a claimgraph database, is damaged or is held
    /// by another process; `UnsupportedVersion` when a newer version of the library wrote it.
    #[uniffi::constructor]
    pub fn open(path: String) -> Result<Arc<Self>> {
        guard(|| {
            Ok(Arc::new(StoredGraph {
                inner: claimgraph::SharedStore::open(&path)?,
            }))
        })
    }

    /// The database file.
    pub fn path(&self) -> Result<String> {
        Ok(self.inner.path().display().to_string())
    }

    /// A copy of the graph as it is now, to ask questions of (`status`, `assess`, `findings`, ...);
    /// changing it leaves the database alone.
    pub fn graph(&self) -> Result<Arc<ClaimGraph>> {
        self.with(|g| Ok(object(g.graph().clone())))
    }

    /// Sets who the following changes are recorded as made by ("desk:alice").
    pub fn set_actor(&self, actor: String) -> Result<()> {
        self.with(|g| {
            g.set_actor(actor);
            Ok(())
        })
    }

    /// Who the following changes are recorded as made by.
    pub fn actor(&self) -> Result<String> {
        self.with(|g| Ok(g.actor().to_owned()))
    }

    // ----- changes -----------------------------------------------------------------------

    /// Adds a source; `reason` is recorded with the change.
    #[uniffi::method(default(reason = None))]
    pub fn add_source(&self, source: Source, reason: Option<String>) -> Result<()> {
        self.change(reason, |g| g.add_source(source))
    }

    /// Adds a claim; its subjects must be sources already in the graph.
    #[uniffi::method(default(reason = None))]
    pub fn add_claim(&self, claim: Claim, reason: Option<String>) -> Result<()> {
        self.change(reason, |g| g.add_claim(claim))
    }

    /// Adds an attribution and returns its id (the default id when the record gave none).
    #[uniffi::method(default(reason = None))]
    pub fn add_attribution(
        &self,
        attribution: Attribution,
        reason: Option<String>,
    ) -> Result<String> {
        let a = attribution.or_default_id();
        let id = a.id.clone();
        self.change(reason, |g| g.add_attribution(a)).map(|()| id)
    }

    /// Adds a relation between two sources and returns its id.
    #[uniffi::method(default(reason = None))]
    pub fn add_source_relation(
        &self,
        relation: SourceRelation,
        reason: Option<String>,
    ) -> Result<String> {
        let r = relation.or_default_id();
        let id = r.id.clone();
        self.change(reason, |g| g.add_source_relation(r))
            .map(|()| id)
    }

    /// Adds a relation between two claims and returns its id.
    #[uniffi::method(default(reason = None))]
    pub fn add_claim_relation(
        &self,
        relation: ClaimRelation,
        reason: Option<String>,
    ) -> Result<String> {
        let r = relation.or_default_id();
        let id = r.id.clone();
        self.change(reason, |g| g.add_claim_relation(r))
            .map(|()| id)
    }

    /// Adds a verdict and returns its id.
    #[uniffi::method(default(reason = None))]
    pub fn add_verdict(&self, verdict: Verdict, reason: Option<String>) -> Result<String> {
        let v = verdict.or_default_id();
        let id = v.id.clone();
        self.change(reason, |g| g.add_verdict(v)).map(|()| id)
    }

    /// Replaces the source with the same id and returns the old one.
    #[uniffi::method(default(reason = None))]
    pub fn update_source(&self, source: Source, reason: Option<String>) -> Result<Source> {
        self.change(reason, |g| g.update_source(source))
    }

    /// Replaces the claim with the same id and returns the old one.
    #[uniffi::method(default(reason = None))]
    pub fn update_claim(&self, claim: Claim, reason: Option<String>) -> Result<Claim> {
        self.change(reason, |g| g.update_claim(claim))
    }

    /// Replaces the attribution with the same id and returns the old one.
    #[uniffi::method(default(reason = None))]
    pub fn update_attribution(
        &self,
        attribution: Attribution,
        reason: Option<String>,
    ) -> Result<Attribution> {
        self.change(reason, |g| g.update_attribution(attribution))
    }

    /// Replaces the relation between sources with the same id and returns the old one.
    #[uniffi::method(default(reason = None))]
    pub fn update_source_relation(
        &self,
        relation: SourceRelation,
        reason: Option<String>,
    ) -> Result<SourceRelation> {
        self.change(reason, |g| g.update_source_relation(relation))
    }

    /// Replaces the relation between claims with the same id and returns the old one.
    #[uniffi::method(default(reason = None))]
    pub fn update_claim_relation(
        &self,
        relation: ClaimRelation,
        reason: Option<String>,
    ) -> Result<ClaimRelation> {
        self.change(reason, |g| g.update_claim_relation(relation))
    }

    /// Replaces the verdict with the same id and returns the old one; the old rating stays in
    /// the history, and `toClaimreviewJson` lists it as superseded.
    #[uniffi::method(default(reason = None))]
    pub fn update_verdict(&self, verdict: Verdict, reason: Option<String>) -> Result<Verdict> {
        self.change(reason, |g| g.update_verdict(verdict))
    }

    /// Removes a source with every edge from or to it (each recorded in the history).
    #[uniffi::method(default(reason = None))]
    pub fn remove_source(&self, id: String, reason: Option<String>) -> Result<Source> {
        self.change(reason, |g| g.remove_source(&id))
    }

    /// Removes a claim with every edge from or to it (each recorded in the history).
    #[uniffi::method(default(reason = None))]
    pub fn remove_claim(&self, id: String, reason: Option<String>) -> Result<Claim> {
        self.change(reason, |g| g.remove_claim(&id))
    }

    /// Removes an attribution and returns it.
    #[uniffi::method(default(reason = None))]
    pub fn remove_attribution(&self, id: String, reason: Option<String>) -> Result<Attribution> {
        self.change(reason, |g| g.remove_attribution(&id))
    }

    /// Removes a relation between sources and returns it.
    #[uniffi::method(default(reason = None))]
    pub fn remove_source_relation(
        &self,
        id: String,
        reason: Option<String>,
    ) -> Result<SourceRelation> {
        self.change(reason, |g| g.remove_source_relation(&id))
    }

    /// Removes a relation between claims and returns it.
    #[uniffi::method(default(reason = None))]
    pub fn remove_claim_relation(
        &self,
        id: String,
        reason: Option<String>,
    ) -> Result<ClaimRelation> {
        self.change(reason, |g| g.remove_claim_relation(&id))
    }

    /// Removes a verdict and returns it.
    #[uniffi::method(default(reason = None))]
    pub fn remove_verdict(&self, id: String, reason: Option<String>) -> Result<Verdict> {
        self.change(reason, |g| g.remove_verdict(&id))
    }

    /// Merges `other` in as one change named "merge" (see `ClaimGraph.merge`).
    #[uniffi::method(default(reason = None))]
    pub fn merge(
        &self,
        other: Arc<ClaimGraph>,
        policy: MergePolicy,
        reason: Option<String>,
    ) -> Result<MergeReport> {
        let theirs = other.snapshot()?;
        self.change(reason, |g| g.merge(&theirs, policy))
    }

    /// Adds the records of JSON Lines text in the corpus schema, in one transaction.
    #[uniffi::method(default(reason = None))]
    pub fn ingest_jsonl_text(&self, text: String, reason: Option<String>) -> Result<IngestReport> {
        self.change(reason, |g| {
            g.ingest_jsonl(text.as_bytes(), JsonlOptions::default())
        })
    }

    /// Imports ClaimReview JSON-LD as one change.
    #[uniffi::method(default(reason = None))]
    pub fn import_claimreview(&self, json: String, reason: Option<String>) -> Result<ImportReport> {
        self.change(reason, |g| g.import_claimreview(&json))
    }

    // ----- transactions ------------------------------------------------------------------

    /// Starts a transaction: the changes until `commit` are committed together, or undone
    /// together by `rollback` (also when the graph is closed first).
    pub fn begin(&self) -> Result<()> {
        self.with(|g| g.begin())
    }

    /// Commits the open transaction.
    pub fn commit(&self) -> Result<()> {
        self.with(|g| g.commit())
    }

    /// Rolls back the open transaction: the graph and the file are as they were at `begin`.
    pub fn rollback(&self) -> Result<()> {
        self.with(|g| g.rollback())
    }

    /// Whether a transaction is open.
    pub fn in_transaction(&self) -> Result<bool> {
        self.with(|g| Ok(g.in_transaction()))
    }

    // ----- history -----------------------------------------------------------------------

    /// Every event about the record with this id, oldest first.
    pub fn history(&self, id: String) -> Result<Vec<Event>> {
        self.with(|g| g.history(&id))
    }

    /// Every event at or after `since`, oldest first.
    pub fn history_since(&self, since: Timestamp) -> Result<Vec<Event>> {
        self.with(|g| g.history_since(since))
    }

    /// Every event of one change, in the order they were written.
    pub fn change_events(&self, change: u64) -> Result<Vec<Event>> {
        self.with(|g| g.change_events(change))
    }

    /// The number of the last change, 0 for a new database.
    pub fn last_change(&self) -> Result<u64> {
        self.with(|g| Ok(g.last_change()))
    }

    /// The graph as it had been edited up to `time` (about editing; `ClaimGraph.asOf` is about
    /// when things were said), as a new graph.
    pub fn as_of_edit(&self, time: Timestamp) -> Result<Arc<ClaimGraph>> {
        self.with(|g| g.as_of_edit(time).map(object))
    }

    /// Whether any event of the history was altered, removed or inserted, and where.
    pub fn verify_history(&self) -> Result<HistoryCheck> {
        self.with(|g| g.verify_history())
    }

    /// Undoes the last change by a new change; returns the new change's number.
    pub fn undo_last(&self) -> Result<u64> {
        self.with(|g| g.undo_last())
    }

    /// Undoes change number `change` by a new change; returns the new change's number.
    pub fn undo(&self, change: u64) -> Result<u64> {
        self.with(|g| g.undo(change))
    }

    /// The history as W3C PROV-JSON: changes are activities, actors agents, record versions
    /// entities.
    pub fn history_to_prov_json(&self) -> Result<String> {
        self.with(|g| g.history_to_prov_json())
    }

    /// The graph's ClaimReview JSON-LD, with the earlier ratings of revised verdicts marked
    /// superseded.
    pub fn to_claimreview_json(&self) -> Result<String> {
        self.with(|g| g.to_claimreview_json())
    }
}
