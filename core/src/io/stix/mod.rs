//! STIX 2.1 bundles, the JSON that disinformation and threat-intelligence teams exchange:
//! written in `export.rs`, read in `import.rs`. The mapping is documented on
//! [`ClaimGraph::to_stix_json`] and [`ClaimGraph::from_stix_json`], where users of the crate
//! read it; this file holds what both directions share.
//!
//! [`ClaimGraph::to_stix_json`]: crate::ClaimGraph::to_stix_json
//! [`ClaimGraph::from_stix_json`]: crate::ClaimGraph::from_stix_json

mod export;
mod import;

use uuid::Uuid;

use crate::model::{ClaimRelationKind, SourceKind, SourceRelationKind, Stance};

const FORMAT: &str = "STIX 2.1";

/// The namespace of the UUIDv5 ids claimgraph gives STIX objects: the UUIDv5 of
/// [`CLAIMGRAPH_NAMESPACE`](crate::io::CLAIMGRAPH_NAMESPACE) in the URL namespace.
pub fn stix_namespace() -> Uuid {
    Uuid::new_v5(
        &Uuid::NAMESPACE_URL,
        crate::io::CLAIMGRAPH_NAMESPACE.as_bytes(),
    )
}

/// The STIX id of a claimgraph record: `type--` and the UUIDv5 of `node:ID` (sources, claims)
/// or `edge:ID` (attributions, relations, verdicts) in [`stix_namespace`].
///
/// ```
/// use claimgraph::io::stix_id;
/// let a = stix_id("identity", "node:", "rok-sources");
/// assert!(a.starts_with("identity--"));
/// assert_eq!(a, stix_id("identity", "node:", "rok-sources")); // the same every time
/// ```
pub fn stix_id(stix_type: &str, namespace: &str, id: &str) -> String {
    let uuid = Uuid::new_v5(&stix_namespace(), format!("{namespace}{id}").as_bytes());
    format!("{stix_type}--{uuid}")
}

/// `created` and `modified` of every object: a claim graph records no time of writing, and a
/// fixed time keeps the bundle the same for the same graph.
const TIMESTAMP: &str = "1970-01-01T00:00:00.000Z";

fn identity_class(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Person => "individual",
        SourceKind::Organization | SourceKind::Government | SourceKind::Outlet => "organization",
        SourceKind::UnnamedGroup => "group",
        SourceKind::Collective => "class",
        SourceKind::Document => "unknown",
    }
}

fn kind_of_identity_class(class: &str) -> SourceKind {
    match class {
        "individual" => SourceKind::Person,
        "group" => SourceKind::UnnamedGroup,
        "class" => SourceKind::Collective,
        _ => SourceKind::Organization,
    }
}

fn opinion_of(stance: Stance) -> &'static str {
    match stance {
        Stance::Asserts => "agree",
        Stance::Denies => "disagree",
        // STIX opinions have no "said nothing"; a non-statement is the neutral opinion.
        Stance::Doubts | Stance::NoComment => "neutral",
    }
}

fn stance_of_opinion(opinion: &str) -> Option<Stance> {
    Some(match opinion {
        "agree" | "strongly-agree" => Stance::Asserts,
        "disagree" | "strongly-disagree" => Stance::Denies,
        "neutral" => Stance::Doubts,
        _ => return None,
    })
}

/// A verdict's truth in [0, 1] as a STIX opinion on the claim.
fn opinion_of_truth(truth: Option<f64>) -> &'static str {
    match truth {
        None => "neutral",
        Some(t) if t >= 0.875 => "strongly-agree",
        Some(t) if t >= 0.625 => "agree",
        Some(t) if t > 0.375 => "neutral",
        Some(t) if t > 0.125 => "disagree",
        Some(_) => "strongly-disagree",
    }
}

fn source_relationship_type(kind: SourceRelationKind) -> &'static str {
    match kind {
        SourceRelationKind::Cites => "cites",
        SourceRelationKind::AuthoredBy => "authored-by",
        SourceRelationKind::PublishedIn => "published-in",
        SourceRelationKind::AffiliatedWith => "affiliated-with",
    }
}

fn claim_relationship_type(kind: ClaimRelationKind) -> &'static str {
    match kind {
        ClaimRelationKind::Supports => "supports",
        ClaimRelationKind::Contradicts => "contradicts",
        ClaimRelationKind::Specializes => "specializes",
        ClaimRelationKind::SameAs => "duplicate-of",
        ClaimRelationKind::DependsOn => "depends-on",
    }
}
