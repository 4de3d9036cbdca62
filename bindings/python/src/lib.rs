//! Python bindings for claimgraph.
