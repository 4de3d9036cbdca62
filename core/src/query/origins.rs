//! Origins: where a claim really came from, once every "according to" is traced back.

use crate::error::Result;
use crate::graph::ClaimGraph;

/// A root source a claim's assertions trace back to.
///
/// Usually one source. When sources cite each other in a loop (circular reporting) and nothing in
/// the loop cites anyone outside it, the whole loop is one origin: `members` lists it, `id` is its
/// smallest member id, and `circular` is true.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Origin {
    /// The origin's id (the smallest member id when the origin is a loop).
    pub id: String,
    /// The sources that make up the origin, sorted by id (one, unless `circular`).
    pub members: Vec<String>,
    /// True when the origin is a loop of sources citing each other.
    pub circular: bool,
    /// True when every member is an unnamed group or a collective.
    pub unnamed: bool,
}

/// Origins that are not independent of each other: they share the top of their affiliation chain
/// (two spokespeople of one ministry are one independent origin).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct OriginGroup {
    /// The id of the source at the top of the members' affiliation chains (the origin's own id when
    /// it is affiliated with no one); the smallest such id when the group has several tops.
    pub top: String,
    /// The ids of the origins in the group, sorted.
    pub origins: Vec<String>,
}

impl ClaimGraph {
    /// The origins of a source's own assertions: the roots reached from it along cites and
    /// authored-by edges (never published-in). A source that cites no one is its own origin.
    pub fn origins_of_source(&self, source: &str) -> Result<Vec<Origin>> {
        let _ = self.source_index(source)?;
        todo!("origins_of_source")
    }
}
