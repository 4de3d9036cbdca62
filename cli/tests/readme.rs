//! The README's command-line section shows real invocations: each `$ claimgraph ...` line in its
//! `console` blocks is run from the repository root, and its standard output must be the lines
//! that follow it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

const README: &str = include_str!("../../README.md");

/// The `console` blocks of the "Command line" section: each command's arguments and the output
/// shown under it.
fn examples() -> Vec<(Vec<String>, String)> {
    let start = README
        .find("\n## Command line\n")
        .expect("a Command line section");
    let section = &README[start + 1..];
    let section = &section[..section[1..].find("\n## ").map_or(section.len(), |e| e + 1)];
    let mut found = Vec::new();
    for block in section.split("```console\n").skip(1) {
        let block = &block[..block.find("```").expect("the block closes")];
        let (command, output) = block.split_once('\n').expect("a command and its output");
        let args = command
            .strip_prefix("$ claimgraph ")
            .expect("the block starts with $ claimgraph");
        found.push((words(args), output.to_owned()));
    }
    found
}

/// The arguments of a command line as a shell splits it: at spaces, except inside double
/// quotes (no escapes are used in the README).
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    for (i, piece) in line.split('"').enumerate() {
        if i % 2 == 1 {
            words.push(piece.to_owned());
        } else {
            words.extend(piece.split_whitespace().map(str::to_owned));
        }
    }
    words
}

#[test]
fn the_readme_shows_seven_invocations_and_what_they_print() {
    let examples = examples();
    assert!(examples.len() >= 7, "{} examples", examples.len());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for (args, shown) in examples {
        let out = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
            .args(&args)
            .current_dir(&root)
            .output()
            .unwrap();
        let printed = String::from_utf8(out.stdout).unwrap();
        assert!(
            printed == shown,
            "the README shows for `claimgraph {}`:\n{shown}\nbut it prints:\n{printed}",
            args.join(" ")
        );
    }
}
