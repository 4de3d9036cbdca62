//! Kotlin and Swift bindings for claimgraph.
