//! The reference article end to end: its graph, and the report and JSON Lines the
//! `putin_dprk_visit` example prints.

/// The reference article's graph and the ids of its records.
#[path = "../../core/tests/common/reference.rs"]
pub mod reference;
