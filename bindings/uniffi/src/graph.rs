//! The `ClaimGraph` object an app holds: the core's graph behind a lock, so that several threads
//! can read it at once and writes wait their turn.

use std::sync::Arc;

use claimgraph::{
    Assessment, Attribution, Chain, Claim, ClaimRelation, Counts, Findings, IngestReport,
    JsonlOptions, MergePolicy, MergeReport, Origin, RecordKind, Source, SourceRelation, SourceUses,
    Status, StatusSummary, Verdict, When,
};

use crate::error::{guard, Result};

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
    inner: claimgraph::SharedGraph,
}

/// A removed source and what went with it (the core's `remove_source_reporting`).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct RemovedSource {
    /// The source as it was.
    pub source: Source,
    /// What was removed with it and what lost it.
    pub uses: SourceUses,
}

/// What a reader looks for in a status at a glance, in this order, each only when it holds:
/// "disputed", "interested denial", "unnamed sources only", "circular reporting", "no comment",
/// "related claims" (stances counted through same-as or specializes) and "verdict".
#[uniffi::export]
pub fn status_flags(status: Status) -> Vec<String> {
    status.flags().into_iter().map(str::to_owned).collect()
}

/// The graph as it stood on a date, and what could not be placed in time (the core's `AsOf`,
/// with the graph as an object an app can query).
#[derive(Debug, uniffi::Record)]
pub struct AsOf {
    /// The cut-off.
    pub date: When,
    /// The graph as it stood then (a separate graph: changing it leaves the original alone).
    pub graph: Arc<ClaimGraph>,
    /// Ids of attributions and verdicts that cannot be placed before or after the cut-off.
    pub unplaced: Vec<String>,
}

impl PartialEq for ClaimGraph {
    fn eq(&self, other: &ClaimGraph) -> bool {
        matches!(self.inner.same_records(&other.inner), Ok(true))
    }
}

impl Eq for ClaimGraph {}

impl From<claimgraph::ClaimGraph> for ClaimGraph {
    fn from(g: claimgraph::ClaimGraph) -> Self {
        ClaimGraph { inner: g.into() }
    }
}

/// A new graph object from a core graph.
pub(crate) fn object(g: claimgraph::ClaimGraph) -> Arc<ClaimGraph> {
    Arc::new(g.into())
}

// Not exported: what Rust code that links this crate (its tests, say) uses.
impl ClaimGraph {
    /// A copy of the core graph as it is now.
    pub fn snapshot(&self) -> Result<claimgraph::ClaimGraph> {
        guard(|| Ok(self.inner.snapshot()?))
    }

    pub(crate) fn reading<T>(
        &self,
        f: impl FnOnce(&claimgraph::ClaimGraph) -> claimgraph::Result<T>,
    ) -> Result<T> {
        guard(|| Ok(self.inner.read(f)?))
    }

    pub(crate) fn writing<T>(
        &self,
        f: impl FnOnce(&mut claimgraph::ClaimGraph) -> claimgraph::Result<T>,
    ) -> Result<T> {
        guard(|| Ok(self.inner.write(f)?))
    }
}

#[uniffi::export]
impl ClaimGraph {
    /// An empty graph.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(ClaimGraph::default())
    }

    /// A graph from native claimgraph JSON (what `toJson` writes).
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>> {
        guard(|| Ok(object(claimgraph::ClaimGraph::from_json(&json)?)))
    }

    /// A graph read from a native JSON file (what `save` writes); nothing is half-loaded.
    #[uniffi::constructor]
    pub fn load(path: String) -> Result<Arc<Self>> {
        guard(|| Ok(object(claimgraph::ClaimGraph::load(&path)?)))
    }

    /// A graph holding the records of a JSON Lines corpus file (the benchmark corpus schema).
    #[uniffi::constructor]
    pub fn from_jsonl(path: String) -> Result<Arc<Self>> {
        guard(|| {
            let (g, _) = claimgraph::ClaimGraph::from_jsonl_file(&path, JsonlOptions::default())?;
            Ok(object(g))
        })
    }

    /// A separate graph holding the same records: changing one leaves the other alone.
    pub fn copy(&self) -> Result<Arc<Self>> {
        Ok(object(self.snapshot()?))
    }

    /// The graph as native JSON: versioned, in a fixed order, read back exactly by `fromJson`.
    pub fn to_json(&self) -> Result<String> {
        self.reading(|g| Ok(g.to_json()))
    }

    /// Writes the graph to `path` as native JSON, atomically.
    pub fn save(&self, path: String) -> Result<()> {
        self.reading(|g| g.save(&path))
    }

    /// Adds the records of a JSON Lines corpus file; errors name the file and the line.
    pub fn ingest_jsonl(&self, path: String) -> Result<IngestReport> {
        self.writing(|g| g.ingest_jsonl_file(&path, JsonlOptions::default()))
    }

    /// Adds the records of JSON Lines text in the corpus schema; errors name the line.
    pub fn ingest_jsonl_text(&self, text: String) -> Result<IngestReport> {
        self.writing(|g| g.ingest_jsonl(text.as_bytes()))
    }

    /// Merges `other` into this graph: records with the same id are the same record.
    /// Conflicting fields fail the merge (changing nothing) or are settled as `policy` says.
    pub fn merge(&self, other: Arc<ClaimGraph>, policy: MergePolicy) -> Result<MergeReport> {
        guard(|| Ok(self.inner.merge_from(&other.inner, policy)?))
    }

    /// How many records of each kind the graph holds.
    pub fn counts(&self) -> Result<Counts> {
        self.reading(|g| Ok(g.counts()))
    }

    /// True when the graph holds no record at all.
    pub fn is_empty(&self) -> Result<bool> {
        self.reading(|g| Ok(g.is_empty()))
    }

    /// What kind of record `id` names (nodes first, then edges), or null.
    pub fn kind_of(&self, id: String) -> Result<Option<RecordKind>> {
        self.reading(|g| Ok(g.kind_of(&id)))
    }

    /// Adds a source.
    pub fn add_source(&self, source: Source) -> Result<()> {
        self.writing(|g| g.add_source(source))
    }

    /// Adds a claim. Its subjects must be sources already in the graph.
    pub fn add_claim(&self, claim: Claim) -> Result<()> {
        self.writing(|g| g.add_claim(claim))
    }

    /// Adds an attribution and returns its id (the default id when the record gave none).
    pub fn add_attribution(&self, attribution: Attribution) -> Result<String> {
        let a = attribution.or_default_id();
        let id = a.id.clone();
        self.writing(|g| g.add_attribution(a)).map(|()| id)
    }

    /// Adds a relation between two sources and returns its id.
    pub fn add_source_relation(&self, relation: SourceRelation) -> Result<String> {
        let r = relation.or_default_id();
        let id = r.id.clone();
        self.writing(|g| g.add_source_relation(r)).map(|()| id)
    }

    /// Adds a relation between two claims and returns its id.
    pub fn add_claim_relation(&self, relation: ClaimRelation) -> Result<String> {
        let r = relation.or_default_id();
        let id = r.id.clone();
        self.writing(|g| g.add_claim_relation(r)).map(|()| id)
    }

    /// Adds a verdict (a fact-checker's rating, or a reader's own note) and returns its id.
    pub fn add_verdict(&self, verdict: Verdict) -> Result<String> {
        let v = verdict.or_default_id();
        let id = v.id.clone();
        self.writing(|g| g.add_verdict(v)).map(|()| id)
    }

    /// Replaces the source with the same id and returns the old one; its edges stay.
    pub fn update_source(&self, source: Source) -> Result<Source> {
        self.writing(|g| g.update_source(source))
    }

    /// Replaces the claim with the same id and returns the old one; its edges stay.
    pub fn update_claim(&self, claim: Claim) -> Result<Claim> {
        self.writing(|g| g.update_claim(claim))
    }

    /// Replaces the attribution with the same id and returns the old one.
    pub fn update_attribution(&self, attribution: Attribution) -> Result<Attribution> {
        self.writing(|g| g.update_attribution(attribution))
    }

    /// Replaces the relation between sources with the same id and returns the old one.
    pub fn update_source_relation(&self, relation: SourceRelation) -> Result<SourceRelation> {
        self.writing(|g| g.update_source_relation(relation))
    }

    /// Replaces the relation between claims with the same id and returns the old one.
    pub fn update_claim_relation(&self, relation: ClaimRelation) -> Result<ClaimRelation> {
        self.writing(|g| g.update_claim_relation(relation))
    }

    /// Replaces the verdict with the same id and returns the old one.
    pub fn update_verdict(&self, verdict: Verdict) -> Result<Verdict> {
        self.writing(|g| g.update_verdict(verdict))
    }

    /// Removes a source with every edge from or to it, and returns it.
    pub fn remove_source(&self, id: String) -> Result<Source> {
        self.writing(|g| g.remove_source(&id))
    }

    /// Removes a source only when nothing uses it (no statement, relation or verdict of its own,
    /// no attribution or claim naming it); otherwise nothing changes and the error says what
    /// uses it. `sourceUses` tells beforehand.
    pub fn remove_source_if_unused(&self, id: String) -> Result<Source> {
        self.writing(|g| g.remove_source_if_unused(&id))
    }

    /// Removes a source as `removeSource` does and returns it with what went with it and what
    /// lost it (what `sourceUses` would have said).
    pub fn remove_source_reporting(&self, id: String) -> Result<RemovedSource> {
        self.writing(|g| g.remove_source_reporting(&id))
            .map(|(source, uses)| RemovedSource { source, uses })
    }

    /// The records that use a source: what removing it takes with it (its attributions,
    /// relations and verdicts) and what only loses it (hops, basis, subjects), as sorted ids.
    pub fn source_uses(&self, id: String) -> Result<SourceUses> {
        self.reading(|g| g.source_uses(&id))
    }

    /// Removes a claim with every edge from or to it, and returns it.
    pub fn remove_claim(&self, id: String) -> Result<Claim> {
        self.writing(|g| g.remove_claim(&id))
    }

    /// Removes an attribution and returns it.
    pub fn remove_attribution(&self, id: String) -> Result<Attribution> {
        self.writing(|g| g.remove_attribution(&id))
    }

    /// Removes a relation between sources and returns it.
    pub fn remove_source_relation(&self, id: String) -> Result<SourceRelation> {
        self.writing(|g| g.remove_source_relation(&id))
    }

    /// Removes a relation between claims and returns it.
    pub fn remove_claim_relation(&self, id: String) -> Result<ClaimRelation> {
        self.writing(|g| g.remove_claim_relation(&id))
    }

    /// Removes a verdict and returns it.
    pub fn remove_verdict(&self, id: String) -> Result<Verdict> {
        self.writing(|g| g.remove_verdict(&id))
    }

    /// The source with this id, or null.
    pub fn source(&self, id: String) -> Result<Option<Source>> {
        self.reading(|g| Ok(g.source(&id).cloned()))
    }

    /// The claim with this id, or null.
    pub fn claim(&self, id: String) -> Result<Option<Claim>> {
        self.reading(|g| Ok(g.claim(&id).cloned()))
    }

    /// The attribution with this id, or null.
    pub fn attribution(&self, id: String) -> Result<Option<Attribution>> {
        self.reading(|g| Ok(g.attribution(&id)))
    }

    /// The relation between sources with this id, or null.
    pub fn source_relation(&self, id: String) -> Result<Option<SourceRelation>> {
        self.reading(|g| Ok(g.source_relation(&id)))
    }

    /// The relation between claims with this id, or null.
    pub fn claim_relation(&self, id: String) -> Result<Option<ClaimRelation>> {
        self.reading(|g| Ok(g.claim_relation(&id)))
    }

    /// The verdict with this id, or null.
    pub fn verdict(&self, id: String) -> Result<Option<Verdict>> {
        self.reading(|g| Ok(g.verdict(&id)))
    }

    /// Every source, in the order they were added.
    pub fn sources(&self) -> Result<Vec<Source>> {
        self.reading(|g| Ok(g.sources().cloned().collect()))
    }

    /// Every claim, in the order they were added.
    pub fn claims(&self) -> Result<Vec<Claim>> {
        self.reading(|g| Ok(g.claims().cloned().collect()))
    }

    /// Every attribution.
    pub fn attributions(&self) -> Result<Vec<Attribution>> {
        self.reading(|g| Ok(g.attributions().collect()))
    }

    /// Every relation between sources.
    pub fn source_relations(&self) -> Result<Vec<SourceRelation>> {
        self.reading(|g| Ok(g.source_relations().collect()))
    }

    /// Every relation between claims.
    pub fn claim_relations(&self) -> Result<Vec<ClaimRelation>> {
        self.reading(|g| Ok(g.claim_relations().collect()))
    }

    /// Every verdict.
    pub fn verdicts(&self) -> Result<Vec<Verdict>> {
        self.reading(|g| Ok(g.verdicts().collect()))
    }

    /// The attributions of a claim, sorted by id.
    pub fn attributions_of(&self, claim: String) -> Result<Vec<Attribution>> {
        self.reading(|g| g.attributions_of(&claim))
    }

    /// The attributions a source makes, sorted by id.
    pub fn attributions_by(&self, source: String) -> Result<Vec<Attribution>> {
        self.reading(|g| g.attributions_by(&source))
    }

    /// The verdicts on a claim, sorted by id.
    pub fn verdicts_of(&self, claim: String) -> Result<Vec<Verdict>> {
        self.reading(|g| g.verdicts_of(&claim))
    }

    /// The relations from and to a source, sorted by id.
    pub fn relations_of_source(&self, source: String) -> Result<Vec<SourceRelation>> {
        self.reading(|g| g.relations_of_source(&source))
    }

    /// The relations from and to a claim, sorted by id.
    pub fn relations_of_claim(&self, claim: String) -> Result<Vec<ClaimRelation>> {
        self.reading(|g| g.relations_of_claim(&claim))
    }

    /// Sources whose name or an alias is exactly `name` (case and spacing aside), sorted by id.
    pub fn sources_named(&self, name: String) -> Result<Vec<Source>> {
        self.reading(|g| Ok(g.sources_named(&name).into_iter().cloned().collect()))
    }

    /// Sources whose name or an alias contains `query`, best first: whole names, then names
    /// holding every word of the query as whole words ("church" finds "Church of Scientology"),
    /// then as starts of words ("scient"), then anywhere; shorter names first within each. Case
    /// is ignored. `sourcesNamed` matches whole names only.
    pub fn find_sources(&self, query: String) -> Result<Vec<Source>> {
        self.reading(|g| Ok(g.find_sources(&query).into_iter().cloned().collect()))
    }

    /// Claims whose text contains every content word of `query`, ignoring case and accents,
    /// after stemming ("container" finds "containers").
    pub fn search_claims(&self, query: String) -> Result<Vec<Claim>> {
        self.reading(|g| Ok(g.search_claims(&query).into_iter().cloned().collect()))
    }

    /// Who asserts, denies and doubts a claim; its origins, independent origins and verdicts.
    ///
    /// Rules: origins follow cites and authored-by edges from each asserter (never published-in);
    /// an assertion resting on other sources for this claim (`basis`) is traced from them, so a
    /// relay adds no origin. Origins are independent unless their affiliation chains share a top,
    /// following only the affiliations that may hold when the assertions were made (`since` /
    /// `until`). A claim is disputed when someone asserts it and someone denies it (a doubt alone
    /// does not dispute it; a non-statement counts neither way). A denial is interested when the
    /// denier, the author or publisher of the denying document, or what any of them is affiliated
    /// with at the time of the denial, is a subject of the claim. A rewording (same-as) is the same
    /// claim, so its stances and verdicts are pooled; an assertion of a specialization supports the
    /// claim and a denial of what it specializes counts against it; each is listed in `inferred`.
    pub fn status(&self, claim: String) -> Result<Status> {
        self.reading(|g| g.status(&claim))
    }

    /// The status of every claim, in the order the claims were added.
    pub fn statuses(&self) -> Result<Vec<Status>> {
        self.reading(|g| Ok(g.statuses()))
    }

    /// The figures of one claim's status: counts and flags, without the lists of ids.
    pub fn summary(&self, claim: String) -> Result<StatusSummary> {
        self.reading(|g| g.summary(&claim))
    }

    /// The status figures of every claim, in the order the claims were added.
    pub fn summaries(&self) -> Result<Vec<StatusSummary>> {
        self.reading(|g| Ok(g.summaries()))
    }

    /// The origins of a source's own assertions.
    ///
    /// Rules: the roots reached from the source along cites and authored-by edges (never
    /// published-in): a source that cites no one is its own origin, an op-ed's origin is its
    /// author, and a loop of sources citing only each other is one circular origin.
    pub fn origins_of_source(&self, source: String) -> Result<Vec<Origin>> {
        self.reading(|g| g.origins_of_source(&source))
    }

    /// The paths from a claim's attributions up to their origins, for display.
    pub fn chains(&self, claim: String) -> Result<Vec<Chain>> {
        self.reading(|g| g.chains(&claim))
    }

    /// Graph-wide findings: disputed, single-origin and unnamed-only claims, circular reporting,
    /// contradictions.
    pub fn findings(&self) -> Result<Findings> {
        self.reading(|g| Ok(g.findings()))
    }

    /// The graph as it stood on `date` (ISO 8601, partial dates allowed: `"2024-06"`), as a new
    /// graph, with the ids of what could not be placed in time.
    ///
    /// Rules: the cut-off is the last instant of `date`. A statement is placed by its `said` date
    /// and its reporting chain: a hop that carried it on a day (the hop's date, or its source's
    /// `published` date) means it was made on or before that day, and an article's own sentence
    /// was said on or before the article's publication. It is kept when all it may be is on or
    /// before the cut-off, dropped when it was said or carried only after, and otherwise unplaced,
    /// with the reason. Documents published after the cut-off are dropped with their edges,
    /// verdicts are placed by their date, and a claim is kept when something on it (or on a
    /// rewording) was kept, or when it never had anything.
    pub fn as_of(&self, date: When) -> Result<AsOf> {
        self.reading(|g| {
            let then = g.as_of(&date);
            Ok(AsOf {
                date: then.date,
                graph: object(then.graph),
                unplaced: then.unplaced,
            })
        })
    }

    /// A claim's credibility score in [0, 1], with signed, named reasons.
    ///
    /// Rules: the evidence E adds, for each independent origin group (support carried up from a
    /// specialization included), reliability x unnamed (0.5 when all its origins are unnamed) x
    /// modality; it takes off, for each denial group, the reliability of its weightiest member,
    /// times 0.25 when that member is an interested party (so adding an interested denier never
    /// raises the score), and half that for a doubt group; a non-statement weighs nothing.
    /// Verdicts give V = 12 x (mean truth - 0.5). score = 1 / (1 + exp(-(3 tanh(E / 3) + V))),
    /// evidence_score the same without V (no verdict moves it), verdict_effect = V; remarks of
    /// weight 0 are notes.
    pub fn assess(&self, claim: String) -> Result<Assessment> {
        self.reading(|g| g.assess(&claim))
    }

    /// The assessment of every claim, in the order the claims were added.
    pub fn assessments(&self) -> Result<Vec<Assessment>> {
        self.reading(|g| Ok(g.assessments()))
    }
}
