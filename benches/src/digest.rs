//! The W2 and W3 checksums, computed exactly as the peers' harness computes them.
//!
//! W2: one line `claim\tn_assert\tn_deny\tdisputed(0/1)\tn_origins` per claim; W3: one tab-joined
//! line `claim\tstance\tp0\t...\tpk` per chain. Either way the lines are sorted, joined by `\n`,
//! hashed with SHA-256, and the first 16 hex digits are the checksum. Sorting bytes of UTF-8 is
//! sorting code points, which is what Python's `sorted` does on `str`.

use serde::Serialize;
use sha2::{Digest, Sha256};

/// One claim's W2 answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusRow {
    /// The claim id.
    pub claim: String,
    /// Distinct sources asserting the claim.
    pub n_assert: usize,
    /// Distinct sources denying the claim.
    pub n_deny: usize,
    /// Asserted and denied.
    pub disputed: bool,
    /// Distinct origins of the assertions.
    pub n_origins: usize,
}

/// The W2 checksum with column sums that help find where two tools disagree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct W2Digest {
    /// First 16 hex digits of the SHA-256 of the sorted lines.
    pub sha256_16: String,
    /// Number of claims.
    pub claims: usize,
    /// Sum of `n_assert`.
    pub sum_assert: usize,
    /// Sum of `n_deny`.
    pub sum_deny: usize,
    /// Number of disputed claims.
    pub n_disputed: usize,
    /// Sum of `n_origins`.
    pub sum_origins: usize,
}

/// The W3 checksum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct W3Digest {
    /// First 16 hex digits of the SHA-256 of the sorted lines.
    pub sha256_16: String,
    /// Number of chains.
    pub chains: usize,
    /// The most citation hops on one chain.
    pub max_len: usize,
}

fn sha256_16(mut lines: Vec<String>) -> String {
    lines.sort_unstable();
    let mut h = Sha256::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            h.update(b"\n");
        }
        h.update(line.as_bytes());
    }
    h.finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The W2 checksum of one row per claim.
///
/// ```
/// use claimgraph_benches::digest::{w2_digest, StatusRow};
/// let rows = vec![StatusRow { claim: "c0".into(), n_assert: 2, n_deny: 1, disputed: true, n_origins: 1 }];
/// let d = w2_digest(&rows);
/// assert_eq!((d.claims, d.n_disputed, d.sum_origins), (1, 1, 1));
/// assert_eq!(d.sha256_16.len(), 16);
/// ```
pub fn w2_digest(rows: &[StatusRow]) -> W2Digest {
    let mut d = W2Digest {
        sha256_16: String::new(),
        claims: rows.len(),
        sum_assert: 0,
        sum_deny: 0,
        n_disputed: 0,
        sum_origins: 0,
    };
    let lines = rows
        .iter()
        .map(|r| {
            d.sum_assert += r.n_assert;
            d.sum_deny += r.n_deny;
            d.n_disputed += usize::from(r.disputed);
            d.sum_origins += r.n_origins;
            format!(
                "{}\t{}\t{}\t{}\t{}",
                r.claim,
                r.n_assert,
                r.n_deny,
                u8::from(r.disputed),
                r.n_origins
            )
        })
        .collect();
    d.sha256_16 = sha256_16(lines);
    d
}

/// The checksum of each claim's number of independent origins: one line
/// `claim\tindependent_origins` per claim, sorted, as W2's (what `benches/scale-out/w2_sql.py`
/// computes from the `statement_origins` table).
///
/// ```
/// use claimgraph_benches::digest::independence_digest;
/// let d = independence_digest([("c0", 2), ("c1", 0)]);
/// assert_eq!(d, independence_digest([("c1", 0), ("c0", 2)]));
/// assert_ne!(d, independence_digest([("c0", 1), ("c1", 0)]));
/// ```
pub fn independence_digest<'a>(rows: impl IntoIterator<Item = (&'a str, usize)>) -> String {
    sha256_16(
        rows.into_iter()
            .map(|(claim, n)| format!("{claim}\t{n}"))
            .collect(),
    )
}

/// The W3 checksum of chain tuples `(claim, stance, p0, ..., pk)`.
pub fn w3_digest(tuples: &[Vec<String>]) -> W3Digest {
    W3Digest {
        chains: tuples.len(),
        max_len: tuples
            .iter()
            .map(|t| t.len().saturating_sub(2))
            .max()
            .unwrap_or(0),
        sha256_16: sha256_16(tuples.iter().map(|t| t.join("\t")).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w2_checksum_is_the_one_python_computes_for_the_same_lines() {
        // python3 -c 'import hashlib; print(hashlib.sha256("c0\t2\t1\t1\t1\nc1\t1\t0\t0\t3".encode()).hexdigest()[:16])'
        let rows = vec![
            StatusRow {
                claim: "c1".into(),
                n_assert: 1,
                n_deny: 0,
                disputed: false,
                n_origins: 3,
            },
            StatusRow {
                claim: "c0".into(),
                n_assert: 2,
                n_deny: 1,
                disputed: true,
                n_origins: 1,
            },
        ];
        assert_eq!(w2_digest(&rows).sha256_16, PY_W2);
    }

    #[test]
    fn w3_checksum_ignores_the_order_of_chains() {
        let a = vec!["c0".to_string(), "asserts".into(), "s1".into(), "s2".into()];
        let b = vec!["c0".to_string(), "denies".into(), "s3".into()];
        let one = w3_digest(&[a.clone(), b.clone()]);
        let two = w3_digest(&[b, a]);
        assert_eq!(one, two);
        assert_eq!(one.max_len, 2);
        assert_eq!(one.sha256_16, PY_W3);
    }

    // Printed by Python's hashlib for the same joined lines: an independent reference.
    // W3: hashlib.sha256("c0\tasserts\ts1\ts2\nc0\tdenies\ts3".encode()).hexdigest()[:16]
    const PY_W2: &str = "78600a28855b5777";
    const PY_W3: &str = "222d162482ab1d28";
}
