//! The workloads W1-W5 as claimgraph runs them, shared by the criterion benches and the
//! `workload` measurement binary so both measure the same calls.

use std::path::Path;

use claimgraph::{ClaimGraph, Result};

use crate::digest::StatusRow;

/// W1: a new graph from a JSON Lines corpus (flagged cycle citations left out, as for every peer).
pub fn ingest(path: &Path) -> Result<ClaimGraph> {
    let file = std::fs::File::open(path).map_err(|e| claimgraph::Error::Io {
        action: "open",
        path: path.to_path_buf(),
        source: e,
    })?;
    let mut g = ClaimGraph::new();
    g.ingest_jsonl(std::io::BufReader::with_capacity(1 << 20, file))?;
    Ok(g)
}

/// W2: one row per claim, in the order the claims were added, from the bulk status figures
/// ([`ClaimGraph::summaries`]), the call that answers exactly this question.
pub fn status_rows(g: &ClaimGraph) -> Vec<StatusRow> {
    g.summaries()
        .into_iter()
        .map(|s| StatusRow {
            n_assert: s.asserters,
            n_deny: s.deniers,
            disputed: s.disputed,
            n_origins: s.origins,
            claim: s.claim,
        })
        .collect()
}

/// W2 from the full status records ([`ClaimGraph::statuses`]: every id list, origin and
/// verdict), for comparison with [`status_rows`].
pub fn status_rows_full(g: &ClaimGraph) -> Vec<StatusRow> {
    g.statuses()
        .into_iter()
        .map(|s| StatusRow {
            n_assert: s.asserters.len(),
            n_deny: s.deniers.len(),
            disputed: s.disputed,
            n_origins: s.origins.len(),
            claim: s.claim,
        })
        .collect()
}

/// W3: the tuples `(claim, stance, p0, ..., pk)` of every chain of the sampled claims.
pub fn chain_tuples(g: &ClaimGraph, claims: &[String]) -> Result<Vec<Vec<String>>> {
    let mut out = Vec::new();
    for c in claims {
        for chain in g.chains(c)? {
            let mut t = Vec::with_capacity(chain.path.len() + 2);
            t.push(chain.claim);
            t.push(chain.stance.as_str().to_owned());
            t.extend(chain.path);
            out.push(t);
        }
    }
    Ok(out)
}
