//! Other tools' formats: W3C PROV-JSON, schema.org ClaimReview JSON-LD and STIX 2.1, read and
//! written, and pictures of a graph in Graphviz DOT and Mermaid.
//!
//! What each format holds and how it maps onto the graph is the core's (see `claimgraph::io`);
//! this module converts arguments and results only.
//!
//! uniffi has no static methods besides constructors, and a constructor can only return the
//! object, so the readers that build a new graph *and* report what they left out are top-level
//! functions: `fromProvJson(json)`, `fromClaimreviewJson(json)`,
//! `fromClaimreviewJsonLenient(json)` and `fromStixJson(json)` in Kotlin's `org.claimgraph`
//! package and in the Swift module.

use std::sync::Arc;

use claimgraph::ImportReport;

use crate::error::{guard, Result};
use crate::graph::{object, ClaimGraph};

/// A graph read from another tool's format, with the report of what was read and left out.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ImportResult {
    /// The graph that was read (a new graph).
    pub graph: Arc<ClaimGraph>,
    /// What was added, skipped and decided while reading.
    pub report: ImportReport,
}

impl From<(claimgraph::ClaimGraph, ImportReport)> for ImportResult {
    fn from((graph, report): (claimgraph::ClaimGraph, ImportReport)) -> Self {
        ImportResult {
            graph: object(graph),
            report,
        }
    }
}

/// A new graph from a W3C PROV-JSON document, with the report of what was left out.
///
/// A document written by `toProvJson` gives back an equal graph. In one written by another PROV
/// tool, entities become documents (or claims, with `prov:type` `cg:Claim`), agents people or
/// organizations, `wasAttributedTo` attributions or authorship, `wasDerivedFrom` citations,
/// `actedOnBehalfOf` affiliations; bundles are read and named in the report; activities and the
/// other records without a claimgraph meaning are listed in `report.skipped`.
///
/// Errors: `Format` (format `"PROV-JSON"`) naming the record, such as `"wasAttributedTo
/// ex:attr8"`, when the document is not PROV-JSON; with the line and column when it is not JSON
/// at all; the record errors (`DuplicateId`, `InvalidInput`, ...) when a record breaks a rule of
/// the graph.
///
/// Kotlin:
/// ```kotlin
/// val (graph, report) = fromProvJson(File("primer.json").readText())
/// report.skipped.forEach { println("${it.kind} ${it.id}: ${it.reason}") }
/// ```
#[uniffi::export]
pub fn from_prov_json(json: String) -> Result<ImportResult> {
    guard(|| Ok(claimgraph::ClaimGraph::from_prov_json(&json)?.into()))
}

/// A new graph from schema.org ClaimReview JSON-LD (one review, an array of them, or an
/// `@graph`), with the report of what was left out; see `ClaimGraph.importClaimreview`.
///
/// Errors: `Format` (format `"ClaimReview JSON-LD"`) naming the JSON path, such as
/// `"$[1].reviewRating.ratingValue"`, when a field has the wrong shape; the record errors when a
/// record breaks a rule of the graph.
#[uniffi::export]
pub fn from_claimreview_json(json: String) -> Result<ImportResult> {
    guard(|| Ok(claimgraph::ClaimGraph::from_claimreview_json(&json)?.into()))
}

/// A new graph from ClaimReview JSON-LD, reading every review it can: a review that cannot be
/// read (a rating that is not a number, a claim the graph refuses) is left out whole and listed
/// in `report.rejected` with its index, the JSON path of the field and the reason, and the others
/// are kept. `fromClaimreviewJson` fails on the first such review instead.
///
/// Errors: `Format` only when the document as a whole is not ClaimReview markup (not JSON, a
/// bare string).
///
/// Kotlin:
/// ```kotlin
/// val (graph, report) = fromClaimreviewJsonLenient(feed)
/// report.rejected.forEach { println("${it.record} (${it.field}): ${it.reason}") }
/// ```
#[uniffi::export]
pub fn from_claimreview_json_lenient(json: String) -> Result<ImportResult> {
    guard(|| Ok(claimgraph::ClaimGraph::from_claimreview_json_lenient(&json)?.into()))
}

/// A new graph from a STIX 2.1 bundle: `identity` objects become sources, `note` objects claims,
/// `opinion` objects stances (agree, disagree, neutral) and verdicts (by a reviewer, with a
/// rating), as `toStixJson` writes them. A bundle written by `toStixJson` gives back an equal
/// graph; objects with no claimgraph meaning are listed in `report.skipped`.
///
/// Errors: `Format` (format `"STIX 2.1"`) naming the object when the bundle breaks the mapping;
/// the record errors when a record breaks a rule of the graph.
#[uniffi::export]
pub fn from_stix_json(json: String) -> Result<ImportResult> {
    guard(|| Ok(claimgraph::ClaimGraph::from_stix_json(&json)?.into()))
}

#[uniffi::export]
impl ClaimGraph {
    /// The graph as a STIX 2.1 bundle, which disinformation and threat-intelligence tools
    /// exchange: sources as `identity`, claims as `note`, stances and verdicts as `opinion`,
    /// with ids derived from the claimgraph ids (the same graph always gives the same bundle).
    /// `fromStixJson` reads it back into an equal graph.
    pub fn to_stix_json(&self) -> Result<String> {
        self.reading(|g| Ok(g.to_stix_json()))
    }

    /// Adds the reviews in ClaimReview JSON-LD to this graph as `importClaimreview` does, but
    /// leaves out a review it cannot read and lists it in the report's `rejected` instead of
    /// failing; the reviews it can read are added.
    ///
    /// Errors: `Format` only when the document as a whole is not ClaimReview.
    pub fn import_claimreview_lenient(&self, json: String) -> Result<ImportReport> {
        self.writing(|g| g.import_claimreview_lenient(&json))
    }

    /// The graph as a W3C PROV-JSON document, which PROV tools read; `fromProvJson` reads it
    /// back into an equal graph. The output is the same for the same records, whatever order
    /// they were added in.
    pub fn to_prov_json(&self) -> Result<String> {
        self.reading(|g| Ok(g.to_prov_json()))
    }

    /// The verdicts, with their claims, reviewers and claimants, as schema.org ClaimReview
    /// JSON-LD (an array of reviews; claims without a verdict are not written).
    /// `fromClaimreviewJson` reads it back with the same claims, verdict labels and ratings.
    pub fn to_claimreview_json(&self) -> Result<String> {
        self.reading(|g| Ok(g.to_claimreview_json()))
    }

    /// Adds the reviews in ClaimReview JSON-LD to this graph: each review's claim, its
    /// claimants, the documents it appeared in, its reviewer and its verdict. A claim already in
    /// the graph with the same text is the same claim. A failed import leaves the graph as it
    /// was.
    ///
    /// Errors: as `fromClaimreviewJson`.
    pub fn import_claimreview(&self, json: String) -> Result<ImportReport> {
        self.writing(|g| g.import_claimreview(&json))
    }

    /// A Graphviz DOT picture of the whole graph, or, given a claim's id, of that claim's
    /// neighbourhood: the sources that take a stance on it, the documents they were reported in,
    /// its reviewers, related claims, and the chains of citations up to their origins.
    /// Assertions are green, denials red and dashed, doubts orange and dotted.
    ///
    /// Errors: `NotFound` when `claim` names no claim in the graph.
    #[uniffi::method(default(claim = None))]
    pub fn to_dot(&self, claim: Option<String>) -> Result<String> {
        self.reading(|g| g.to_dot(&claim.into()))
    }

    /// The same picture as `toDot`, as a Mermaid flowchart for Markdown renderers.
    ///
    /// Errors: `NotFound` when `claim` names no claim in the graph.
    #[uniffi::method(default(claim = None))]
    pub fn to_mermaid(&self, claim: Option<String>) -> Result<String> {
        self.reading(|g| g.to_mermaid(&claim.into()))
    }
}
