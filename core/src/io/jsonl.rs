//! JSON Lines bulk ingest in the benchmark corpus schema.

use std::io::BufRead;

use crate::error::Result;
use crate::graph::ClaimGraph;

/// What a JSON Lines ingest read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IngestReport {
    /// Lines read, the meta line included.
    pub lines: u64,
    /// Sources added.
    pub sources: usize,
    /// Claims added.
    pub claims: usize,
    /// Attributions added.
    pub attributions: usize,
    /// Citations added.
    pub citations: usize,
}

impl ClaimGraph {
    /// Adds the records of a JSON Lines corpus.
    pub fn ingest_jsonl(&mut self, reader: impl BufRead) -> Result<IngestReport> {
        let _ = reader;
        todo!("ingest_jsonl")
    }
}
