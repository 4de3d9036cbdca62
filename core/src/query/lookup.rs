//! Lookup by name or alias, and text search over claims.

use crate::graph::ClaimGraph;
use crate::model::{Claim, Source};

impl ClaimGraph {
    /// Sources whose name or an alias matches `name`, ignoring case (Unicode-aware).
    pub fn find_sources(&self, name: &str) -> Vec<&Source> {
        let _ = name;
        todo!("find_sources")
    }

    /// Claims whose text contains every word of `query`, ignoring case.
    pub fn search_claims(&self, query: &str) -> Vec<&Claim> {
        let _ = query;
        todo!("search_claims")
    }
}
