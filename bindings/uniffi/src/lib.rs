//! Kotlin and Swift bindings for claimgraph, through uniffi.
//!
//! This crate converts arguments, calls the core crate `claimgraph`, and converts the results:
//! every rule lives in the core, so Rust, Python, Kotlin and Swift give the same answers. The
//! generated Kotlin lives in the package `org.claimgraph`; the Swift module is `claimgraph`.
//!
//! The records, enums and answers are the core's own types, declared to uniffi once each in
//! [`records`]; dates cross the boundary as ISO 8601 text, partial dates allowed; errors are one
//! enum, [`ClaimGraphError`], with a variant per kind of failure.
//!
//! Besides native JSON and JSON Lines, a graph reads and writes W3C PROV-JSON and schema.org
//! ClaimReview JSON-LD, and draws itself in Graphviz DOT and Mermaid; the two readers that make a
//! new graph are the functions [`from_prov_json`] and [`from_claimreview_json`], which return the
//! graph with the core's `ImportReport` of what was left out.

// The error enum is what uniffi copies across to Kotlin and Swift, field by field, so it stays a
// plain value rather than a box; errors are rare, and their size costs nothing on success.
#![allow(clippy::result_large_err)]

uniffi::setup_scaffolding!("claimgraph");

mod error;
mod extract;
mod formats;
mod graph;
mod matching;
pub mod records;
mod store;

pub use error::{guard, ClaimGraphError, Result};
pub use extract::{extract, DraftRecord, Extraction, FoundAttribution, TextSpan};
pub use formats::{
    from_claimreview_json, from_claimreview_json_lenient, from_prov_json, from_stix_json,
    ImportResult,
};
pub use graph::{AsOf, ClaimGraph};
pub use matching::default_match_weights;
pub use store::StoredGraph;
