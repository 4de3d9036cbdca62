//! The native JSON format: versioned, deterministic, exact round trip; atomic saves.

use std::path::Path;

use crate::error::Result;
use crate::graph::ClaimGraph;

/// The value of the `"format"` field of a native file.
pub const FORMAT_NAME: &str = "claimgraph";
/// The version of the native format this library reads and writes.
pub const FORMAT_VERSION: u64 = 1;

impl ClaimGraph {
    /// The graph as native JSON.
    pub fn to_json(&self) -> String {
        todo!("to_json")
    }

    /// A graph from native JSON.
    pub fn from_json(json: &str) -> Result<ClaimGraph> {
        let _ = json;
        todo!("from_json")
    }

    /// Writes the graph to `path` atomically.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        let _ = path;
        todo!("save")
    }

    /// Reads a graph from `path`.
    pub fn load(path: impl AsRef<Path>) -> Result<ClaimGraph> {
        let _ = path;
        todo!("load")
    }
}
