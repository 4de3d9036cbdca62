//! Benchmarks of claimgraph on the shared workload (the corpus schema and the workloads W1-W5 are
//! described in `benches/README.md`).
//!
//! This library holds what both the criterion benches and the `workload` measurement binary need:
//! where the corpora live and how they are made, the W3 claim sample (the exact sample Python's
//! `random.Random(7).sample` draws, so every tool measures the same claims), the W2 and W3
//! checksums every tool must agree on, the W1 floor, and the process's peak memory.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
// Tests may unwrap: a failed unwrap is a failed test.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod corpus;
pub mod digest;
pub mod extraction;
pub mod floor;
pub mod pyrandom;
pub mod rss;
pub mod timing;
pub mod tsv;
pub mod workload;
