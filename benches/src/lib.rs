//! Benchmarks of claimgraph on the shared workload.
