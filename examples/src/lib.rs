//! Examples for claimgraph; see the `examples` targets.
