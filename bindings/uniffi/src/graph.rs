//! The `ClaimGraph` object an app holds: the core's graph behind a lock, so that several threads
//! can read it at once and writes wait their turn.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::error::{guard, ClaimGraphError, RecordKind, Result};
use crate::model::{
    parse_date_argument, Attribution, Claim, ClaimRelation, Source, SourceRelation, Verdict,
};
use crate::query::{
    AsOfResult, Assessment, Chain, Counts, Findings, IngestReport, MergePolicy, MergeReport,
    Origin, Status, StatusSummary,
};

/// Who said what, who denied it, and where each claim came from; and the questions a
/// fact-checker asks of that record.
///
/// Safe to share between threads: queries run side by side, changes one at a time. Every change
/// is validated, and a change that fails leaves the graph as it was.
///
/// Kotlin:
/// ```kotlin
/// val graph = ClaimGraph()
/// graph.addSource(Source(id = "russia", kind = SourceKind.GOVERNMENT, name = "Russia"))
/// graph.addClaim(Claim(id = "ammo", text = "DPRK supplies ammunition to Russia", subjects = listOf("russia")))
/// graph.addAttribution(Attribution(source = "russia", claim = "ammo", stance = Stance.DENIES, modality = Modality.STATED))
/// val status = graph.status("ammo")
/// ```
#[derive(Debug, Default, uniffi::Object)]
#[uniffi::export(Eq)]
pub struct ClaimGraph {
    inner: RwLock<claimgraph::ClaimGraph>,
}

const POISONED: &str =
    "an earlier internal error left this graph in an unknown state; load it again";

impl PartialEq for ClaimGraph {
    /// Two graphs are equal when they hold the same records. Each graph is read on its own, so
    /// comparing never holds two locks at once.
    fn eq(&self, other: &ClaimGraph) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        let ours = match self.read() {
            Ok(g) => g.records(),
            Err(_) => return false,
        };
        let theirs = match other.read() {
            Ok(g) => g.records(),
            Err(_) => return false,
        };
        ours == theirs
    }
}

impl Eq for ClaimGraph {}

impl From<claimgraph::ClaimGraph> for ClaimGraph {
    fn from(g: claimgraph::ClaimGraph) -> Self {
        ClaimGraph {
            inner: RwLock::new(g),
        }
    }
}

// Not exported: what Rust code that links this crate (its tests, say) uses.
impl ClaimGraph {
    /// A copy of the core graph as it is now.
    pub fn snapshot(&self) -> Result<claimgraph::ClaimGraph> {
        Ok(self.read()?.clone())
    }

    fn read(&self) -> Result<RwLockReadGuard<'_, claimgraph::ClaimGraph>> {
        self.inner
            .read()
            .map_err(|_| ClaimGraphError::internal(POISONED))
    }

    fn write(&self) -> Result<RwLockWriteGuard<'_, claimgraph::ClaimGraph>> {
        self.inner
            .write()
            .map_err(|_| ClaimGraphError::internal(POISONED))
    }

    /// Runs a query under the read lock, with panics turned into errors.
    pub(crate) fn reading<T>(
        &self,
        f: impl FnOnce(&claimgraph::ClaimGraph) -> Result<T>,
    ) -> Result<T> {
        guard(|| f(&*self.read()?))
    }

    /// Runs a change under the write lock, with panics turned into errors.
    pub(crate) fn writing<T>(
        &self,
        f: impl FnOnce(&mut claimgraph::ClaimGraph) -> Result<T>,
    ) -> Result<T> {
        guard(|| f(&mut *self.write()?))
    }
}

fn core_err(e: claimgraph::Error) -> ClaimGraphError {
    e.into()
}

#[uniffi::export]
impl ClaimGraph {
    // ----- making and reading whole graphs ---------------------------------------------------

    /// An empty graph.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(ClaimGraph::default())
    }

    /// A graph from native claimgraph JSON (what `toJson` writes).
    ///
    /// Errors: `Format` with the line and column, `UnsupportedVersion` for a file from a newer
    /// version, or the record errors of adding each record.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>> {
        guard(|| {
            claimgraph::ClaimGraph::from_json(&json)
                .map(|g| Arc::new(g.into()))
                .map_err(core_err)
        })
    }

    /// A graph read from a native JSON file (what `save` writes). A corrupt, truncated or newer
    /// file is an error; nothing is half-loaded.
    #[uniffi::constructor]
    pub fn load(path: String) -> Result<Arc<Self>> {
        guard(|| {
            claimgraph::ClaimGraph::load(&path)
                .map(|g| Arc::new(g.into()))
                .map_err(core_err)
        })
    }

    /// A graph holding the records of a JSON Lines corpus file (the benchmark corpus schema).
    #[uniffi::constructor]
    pub fn from_jsonl(path: String) -> Result<Arc<Self>> {
        let g = ClaimGraph::default();
        g.ingest_jsonl(path)?;
        Ok(Arc::new(g))
    }

    /// A separate graph holding the same records: changing one leaves the other alone.
    pub fn copy(&self) -> Result<Arc<Self>> {
        Ok(Arc::new(self.snapshot()?.into()))
    }

    /// The graph as native JSON: versioned, in a fixed order, read back exactly by `fromJson`.
    pub fn to_json(&self) -> Result<String> {
        self.reading(|g| Ok(g.to_json()))
    }

    /// Writes the graph to `path` as native JSON, atomically: a crash mid-save leaves the old
    /// file whole.
    pub fn save(&self, path: String) -> Result<()> {
        self.reading(|g| g.save(&path).map_err(core_err))
    }

    /// Adds the records of a JSON Lines corpus file (the benchmark corpus schema). Errors name
    /// the file and the line.
    pub fn ingest_jsonl(&self, path: String) -> Result<IngestReport> {
        let file = PathBuf::from(&path);
        let reader = File::open(&file).map(BufReader::new).map_err(|source| {
            ClaimGraphError::from(claimgraph::Error::Io {
                action: "read",
                path: file.clone(),
                source,
            })
        })?;
        self.writing(|g| {
            g.ingest_jsonl(reader)
                .map(Into::into)
                .map_err(|e| ClaimGraphError::from(e).in_file(&file))
        })
    }

    /// Adds the records of JSON Lines text in the corpus schema (a corpus shipped as text rather
    /// than as a file). Errors name the line.
    pub fn ingest_jsonl_text(&self, text: String) -> Result<IngestReport> {
        self.writing(|g| {
            g.ingest_jsonl(text.as_bytes())
                .map(Into::into)
                .map_err(core_err)
        })
    }

    /// Merges `other` into this graph: records with the same id are the same record. Conflicting
    /// fields fail the merge (changing nothing) or are settled as `policy` says, and reported.
    pub fn merge(&self, other: Arc<ClaimGraph>, policy: MergePolicy) -> Result<MergeReport> {
        // A copy of the other graph, so that no thread ever holds two graphs' locks at once
        // (and a graph can be merged with itself).
        let theirs = other.snapshot()?;
        self.writing(|g| {
            g.merge(&theirs, policy.into())
                .map(Into::into)
                .map_err(core_err)
        })
    }

    /// How many records of each kind the graph holds.
    pub fn counts(&self) -> Result<Counts> {
        self.reading(|g| Ok(g.counts().into()))
    }

    /// True when the graph holds no record at all.
    pub fn is_empty(&self) -> Result<bool> {
        self.reading(|g| Ok(g.is_empty()))
    }

    /// What kind of record `id` names (nodes first, then edges), or null.
    pub fn kind_of(&self, id: String) -> Result<Option<RecordKind>> {
        self.reading(|g| Ok(g.kind_of(&id).map(Into::into)))
    }

    // ----- adding --------------------------------------------------------------------------

    /// Adds a source.
    pub fn add_source(&self, source: Source) -> Result<()> {
        let source = source.try_into()?;
        self.writing(|g| g.add_source(source).map_err(core_err))
    }

    /// Adds a claim. Its subjects must be sources already in the graph.
    pub fn add_claim(&self, claim: Claim) -> Result<()> {
        let claim = claim.try_into()?;
        self.writing(|g| g.add_claim(claim).map_err(core_err))
    }

    /// Adds an attribution and returns its id (the default id when the record gave none).
    pub fn add_attribution(&self, attribution: Attribution) -> Result<String> {
        let a: claimgraph::Attribution = attribution.try_into()?;
        let id = a.id.clone();
        self.writing(|g| g.add_attribution(a).map_err(core_err))?;
        Ok(id)
    }

    /// Adds a relation between two sources and returns its id.
    pub fn add_source_relation(&self, relation: SourceRelation) -> Result<String> {
        let r: claimgraph::SourceRelation = relation.try_into()?;
        let id = r.id.clone();
        self.writing(|g| g.add_source_relation(r).map_err(core_err))?;
        Ok(id)
    }

    /// Adds a relation between two claims and returns its id.
    pub fn add_claim_relation(&self, relation: ClaimRelation) -> Result<String> {
        let r: claimgraph::ClaimRelation = relation.into();
        let id = r.id.clone();
        self.writing(|g| g.add_claim_relation(r).map_err(core_err))?;
        Ok(id)
    }

    /// Adds a verdict (a fact-checker's rating, or a reader's own note) and returns its id.
    pub fn add_verdict(&self, verdict: Verdict) -> Result<String> {
        let v: claimgraph::Verdict = verdict.try_into()?;
        let id = v.id.clone();
        self.writing(|g| g.add_verdict(v).map_err(core_err))?;
        Ok(id)
    }

    // ----- updating: each replaces the record with the same id and returns the old one ------

    /// Replaces the source with the same id; its edges stay.
    pub fn update_source(&self, source: Source) -> Result<Source> {
        let source = source.try_into()?;
        self.writing(|g| g.update_source(source).map(Into::into).map_err(core_err))
    }

    /// Replaces the claim with the same id; its edges stay.
    pub fn update_claim(&self, claim: Claim) -> Result<Claim> {
        let claim = claim.try_into()?;
        self.writing(|g| g.update_claim(claim).map(Into::into).map_err(core_err))
    }

    /// Replaces the attribution with the same id (its source and claim may change too).
    pub fn update_attribution(&self, attribution: Attribution) -> Result<Attribution> {
        let a = attribution.try_into()?;
        self.writing(|g| g.update_attribution(a).map(Into::into).map_err(core_err))
    }

    /// Replaces the relation between sources with the same id.
    pub fn update_source_relation(&self, relation: SourceRelation) -> Result<SourceRelation> {
        let r = relation.try_into()?;
        self.writing(|g| {
            g.update_source_relation(r)
                .map(Into::into)
                .map_err(core_err)
        })
    }

    /// Replaces the relation between claims with the same id.
    pub fn update_claim_relation(&self, relation: ClaimRelation) -> Result<ClaimRelation> {
        let r = relation.into();
        self.writing(|g| g.update_claim_relation(r).map(Into::into).map_err(core_err))
    }

    /// Replaces the verdict with the same id.
    pub fn update_verdict(&self, verdict: Verdict) -> Result<Verdict> {
        let v = verdict.try_into()?;
        self.writing(|g| g.update_verdict(v).map(Into::into).map_err(core_err))
    }

    // ----- removing: each returns the removed record ----------------------------------------

    /// Removes a source with every edge from or to it; attributions reported via it lose their
    /// `via`, and claims about it lose it as a subject.
    pub fn remove_source(&self, id: String) -> Result<Source> {
        self.writing(|g| g.remove_source(&id).map(Into::into).map_err(core_err))
    }

    /// Removes a claim with every edge from or to it.
    pub fn remove_claim(&self, id: String) -> Result<Claim> {
        self.writing(|g| g.remove_claim(&id).map(Into::into).map_err(core_err))
    }

    /// Removes an attribution.
    pub fn remove_attribution(&self, id: String) -> Result<Attribution> {
        self.writing(|g| g.remove_attribution(&id).map(Into::into).map_err(core_err))
    }

    /// Removes a relation between sources.
    pub fn remove_source_relation(&self, id: String) -> Result<SourceRelation> {
        self.writing(|g| {
            g.remove_source_relation(&id)
                .map(Into::into)
                .map_err(core_err)
        })
    }

    /// Removes a relation between claims.
    pub fn remove_claim_relation(&self, id: String) -> Result<ClaimRelation> {
        self.writing(|g| {
            g.remove_claim_relation(&id)
                .map(Into::into)
                .map_err(core_err)
        })
    }

    /// Removes a verdict.
    pub fn remove_verdict(&self, id: String) -> Result<Verdict> {
        self.writing(|g| g.remove_verdict(&id).map(Into::into).map_err(core_err))
    }

    // ----- reading records -------------------------------------------------------------------

    /// The source with this id, or null.
    pub fn source(&self, id: String) -> Result<Option<Source>> {
        self.reading(|g| Ok(g.source(&id).map(Into::into)))
    }

    /// The claim with this id, or null.
    pub fn claim(&self, id: String) -> Result<Option<Claim>> {
        self.reading(|g| Ok(g.claim(&id).map(Into::into)))
    }

    /// The attribution with this id, or null.
    pub fn attribution(&self, id: String) -> Result<Option<Attribution>> {
        self.reading(|g| Ok(g.attribution(&id).map(Into::into)))
    }

    /// The relation between sources with this id, or null.
    pub fn source_relation(&self, id: String) -> Result<Option<SourceRelation>> {
        self.reading(|g| Ok(g.source_relation(&id).map(Into::into)))
    }

    /// The relation between claims with this id, or null.
    pub fn claim_relation(&self, id: String) -> Result<Option<ClaimRelation>> {
        self.reading(|g| Ok(g.claim_relation(&id).map(Into::into)))
    }

    /// The verdict with this id, or null.
    pub fn verdict(&self, id: String) -> Result<Option<Verdict>> {
        self.reading(|g| Ok(g.verdict(&id).map(Into::into)))
    }

    /// Every source, in the order they were added.
    pub fn sources(&self) -> Result<Vec<Source>> {
        self.reading(|g| Ok(g.sources().map(Into::into).collect()))
    }

    /// Every claim, in the order they were added.
    pub fn claims(&self) -> Result<Vec<Claim>> {
        self.reading(|g| Ok(g.claims().map(Into::into).collect()))
    }

    /// Every attribution.
    pub fn attributions(&self) -> Result<Vec<Attribution>> {
        self.reading(|g| Ok(g.attributions().map(Into::into).collect()))
    }

    /// Every relation between sources.
    pub fn source_relations(&self) -> Result<Vec<SourceRelation>> {
        self.reading(|g| Ok(g.source_relations().map(Into::into).collect()))
    }

    /// Every relation between claims.
    pub fn claim_relations(&self) -> Result<Vec<ClaimRelation>> {
        self.reading(|g| Ok(g.claim_relations().map(Into::into).collect()))
    }

    /// Every verdict.
    pub fn verdicts(&self) -> Result<Vec<Verdict>> {
        self.reading(|g| Ok(g.verdicts().map(Into::into).collect()))
    }

    /// The attributions of a claim, sorted by id.
    pub fn attributions_of(&self, claim: String) -> Result<Vec<Attribution>> {
        self.reading(|g| convert_all(g.attributions_of(&claim)))
    }

    /// The attributions a source makes, sorted by id.
    pub fn attributions_by(&self, source: String) -> Result<Vec<Attribution>> {
        self.reading(|g| convert_all(g.attributions_by(&source)))
    }

    /// The verdicts on a claim, sorted by id.
    pub fn verdicts_of(&self, claim: String) -> Result<Vec<Verdict>> {
        self.reading(|g| convert_all(g.verdicts_of(&claim)))
    }

    /// The relations from and to a source, sorted by id.
    pub fn relations_of_source(&self, source: String) -> Result<Vec<SourceRelation>> {
        self.reading(|g| convert_all(g.relations_of_source(&source)))
    }

    /// The relations from and to a claim, sorted by id.
    pub fn relations_of_claim(&self, claim: String) -> Result<Vec<ClaimRelation>> {
        self.reading(|g| convert_all(g.relations_of_claim(&claim)))
    }

    /// Sources whose name or an alias matches `name`, ignoring case.
    pub fn find_sources(&self, name: String) -> Result<Vec<Source>> {
        self.reading(|g| Ok(g.find_sources(&name).into_iter().map(Into::into).collect()))
    }

    /// Claims whose text contains every word of `query`, ignoring case.
    pub fn search_claims(&self, query: String) -> Result<Vec<Claim>> {
        self.reading(|g| {
            Ok(g.search_claims(&query)
                .into_iter()
                .map(Into::into)
                .collect())
        })
    }

    // ----- the questions ---------------------------------------------------------------------

    /// Who asserts, denies and doubts a claim; its origins, independent origins and verdicts.
    pub fn status(&self, claim: String) -> Result<Status> {
        self.reading(|g| g.status(&claim).map(Into::into).map_err(core_err))
    }

    /// The status of every claim, in the order the claims were added.
    pub fn statuses(&self) -> Result<Vec<Status>> {
        self.reading(|g| Ok(g.statuses().into_iter().map(Into::into).collect()))
    }

    /// The figures of one claim's status: counts and flags, without the lists of ids.
    pub fn summary(&self, claim: String) -> Result<StatusSummary> {
        self.reading(|g| g.summary(&claim).map(Into::into).map_err(core_err))
    }

    /// The status figures of every claim, in the order the claims were added: the same answers
    /// as `statuses` with the lists counted, and much cheaper on a large graph.
    pub fn summaries(&self) -> Result<Vec<StatusSummary>> {
        self.reading(|g| Ok(g.summaries().into_iter().map(Into::into).collect()))
    }

    /// The origins of a source's own assertions: the roots reached from it along cites and
    /// authored-by edges.
    pub fn origins_of_source(&self, source: String) -> Result<Vec<Origin>> {
        self.reading(|g| convert_all(g.origins_of_source(&source)))
    }

    /// The paths from a claim's attributions up to their origins, for display.
    pub fn chains(&self, claim: String) -> Result<Vec<Chain>> {
        self.reading(|g| convert_all(g.chains(&claim)))
    }

    /// Graph-wide findings: disputed, single-origin and unnamed-only claims, circular reporting,
    /// contradictions.
    pub fn findings(&self) -> Result<Findings> {
        self.reading(|g| Ok(g.findings().into()))
    }

    /// The graph as it stood on `date` (ISO 8601, partial dates allowed: `"2024-06"`), as a new
    /// graph, with the ids of what could not be placed in time.
    pub fn as_of(&self, date: String) -> Result<AsOfResult> {
        let cutoff = parse_date_argument(&date, "date")?;
        self.reading(|g| {
            let then = g.as_of(&cutoff);
            Ok(AsOfResult {
                date: then.date.to_string(),
                graph: Arc::new(then.graph.into()),
                unplaced: then.unplaced,
            })
        })
    }

    /// A claim's credibility score in [0, 1], with signed, named reasons.
    pub fn assess(&self, claim: String) -> Result<Assessment> {
        self.reading(|g| g.assess(&claim).map(Into::into).map_err(core_err))
    }

    /// The assessment of every claim, in the order the claims were added.
    pub fn assessments(&self) -> Result<Vec<Assessment>> {
        self.reading(|g| Ok(g.assessments().into_iter().map(Into::into).collect()))
    }
}

fn convert_all<T, U: From<T>>(r: claimgraph::Result<Vec<T>>) -> Result<Vec<U>> {
    r.map(|v| v.into_iter().map(Into::into).collect())
        .map_err(core_err)
}
