//! The root README and the crate documentation (core/README.md) show the same quick start; only
//! the crate's copy runs as a doctest, so this keeps the other from drifting.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

/// The body of the first ```rust block of a Markdown text.
fn first_rust_block(markdown: &str) -> Option<&str> {
    let start = markdown.find("```rust\n")? + "```rust\n".len();
    let len = markdown[start..].find("```")?;
    Some(&markdown[start..start + len])
}

#[test]
fn root_readme_and_crate_docs_share_the_quick_start() {
    let root = include_str!("../../README.md");
    let core = include_str!("../../core/README.md");
    let in_root = first_rust_block(root).expect("the root README has a rust block");
    let in_core = first_rust_block(core).expect("core/README.md has a rust block");
    assert_eq!(in_root, in_core);
    assert!(in_core.contains("claimgraph::"));
}
