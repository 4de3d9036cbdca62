//! schema.org ClaimReview JSON-LD: the markup fact-checkers publish, read and written.
//!
//! The rules are documented on [`ClaimGraph::to_claimreview_json`] (writing, in `export.rs`)
//! and [`ClaimGraph::import_claimreview`] (reading, in `import/`), where users of the crate
//! read them. Ids and the `cg:` vocabulary are those of the PROV-JSON format.
//!
//! [`ClaimGraph::to_claimreview_json`]: crate::ClaimGraph::to_claimreview_json
//! [`ClaimGraph::import_claimreview`]: crate::ClaimGraph::import_claimreview

mod export;
mod import;
