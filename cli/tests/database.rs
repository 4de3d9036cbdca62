//! The command line on graph databases: converting into one, reading one like any graph, and
//! its history (listing, one record, JSON, PROV, verification of the hash chain).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use claimgraph::{ClaimGraph, Source, SourceKind};
use predicates::str::contains;

const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../examples/putin_dprk_visit.json"
);

fn claimgraph() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().clone();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_graph_converted_into_a_database_reads_back_the_same_and_has_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    claimgraph()
        .args(["convert", REFERENCE])
        .arg(&db)
        .assert()
        .success();
    let reference = ClaimGraph::load(REFERENCE).unwrap();
    assert_eq!(*ClaimGraph::open(&db).unwrap().graph(), reference);

    // Any command reads the database like a graph file, and answers the same.
    let from_db = stdout_of(claimgraph().arg("report").arg(&db));
    let from_json = stdout_of(claimgraph().args(["report", REFERENCE]));
    assert_eq!(from_db, from_json);

    // The merge that filled it is one change, one event per record.
    let history = stdout_of(claimgraph().arg("history").arg(&db));
    let c = reference.counts();
    assert_eq!(
        history.lines().count(),
        c.sources + c.claims + c.attributions + c.source_relations + c.claim_relations + c.verdicts
    );
    assert!(history.lines().all(|l| l.contains("change 1 ")));
    stdout_of(claimgraph().arg("history").arg(&db).arg("--verify"));
}

#[test]
fn history_of_one_record_as_text_json_and_prov() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    {
        let mut g = ClaimGraph::open(&db).unwrap();
        g.set_actor("desk:alice");
        g.add_source(Source::new("abc", SourceKind::Outlet, "ABC"))
            .unwrap();
        g.set_actor("desk:bob");
        g.with_reason("full name", |g| {
            g.update_source(Source::new(
                "abc",
                SourceKind::Outlet,
                "Australian Broadcasting Corporation",
            ))
        })
        .unwrap();
    }
    let text = stdout_of(claimgraph().arg("history").arg(&db).arg("abc"));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].contains("desk:alice") && lines[0].contains("add source abc"));
    assert!(lines[1].contains("desk:bob") && lines[1].contains("-- full name"));

    let json = stdout_of(
        claimgraph()
            .arg("history")
            .arg(&db)
            .arg("abc")
            .arg("--json"),
    );
    let events: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events[1]["before"]["name"], "ABC");
    assert_eq!(
        events[1]["after"]["name"],
        "Australian Broadcasting Corporation"
    );
    assert_eq!(events[1]["action"], "update");

    let prov: serde_json::Value = serde_json::from_str(&stdout_of(
        claimgraph().arg("history").arg(&db).arg("--prov"),
    ))
    .unwrap();
    assert_eq!(prov["activity"].as_object().unwrap().len(), 2);
    assert!(prov["wasDerivedFrom"].as_object().unwrap().len() == 1);
}

#[test]
fn an_altered_log_fails_verification_naming_the_event() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    {
        let mut g = ClaimGraph::open(&db).unwrap();
        g.add_source(Source::new("abc", SourceKind::Outlet, "ABC"))
            .unwrap();
        g.add_source(Source::new("bbc", SourceKind::Outlet, "BBC"))
            .unwrap();
    }
    rusqlite_free_tamper(&db);
    claimgraph()
        .arg("history")
        .arg(&db)
        .arg("--verify")
        .assert()
        .code(1)
        .stderr(contains("history altered"));
}

/// Alters a stored actor's name in the file's bytes, as someone editing the file would.
fn rusqlite_free_tamper(db: &std::path::Path) {
    let mut bytes = std::fs::read(db).unwrap();
    let needle = b"unknown";
    let at = bytes
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("the actor is stored in the file");
    bytes[at..at + needle.len()].copy_from_slice(b"UNKNOWN");
    std::fs::write(db, bytes).unwrap();
}

#[test]
fn a_database_is_refused_on_standard_input_and_a_damaged_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.db");
    std::fs::write(
        &junk,
        b"not a database at all, only text that is long enough to be read",
    )
    .unwrap();
    claimgraph()
        .arg("report")
        .arg(&junk)
        .assert()
        .code(1)
        .stderr(contains("junk.db"));
    claimgraph()
        .args(["convert", REFERENCE, "-", "--to", "database"])
        .assert()
        .code(2);
}

#[test]
fn stix_bundles_convert_both_ways_and_are_recognised_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("reference.stix.json");
    claimgraph()
        .args(["convert", REFERENCE])
        .arg(&bundle)
        .assert()
        .success();
    let text = std::fs::read_to_string(&bundle).unwrap();
    assert!(text.contains("\"bundle\""));
    // Named without the .stix.json hint, the content tells it is STIX.
    let plain = dir.path().join("bundle.json");
    std::fs::write(&plain, &text).unwrap();
    let back = dir.path().join("back.json");
    claimgraph()
        .arg("convert")
        .arg(&plain)
        .arg(&back)
        .assert()
        .success();
    let (expected, _) = ClaimGraph::from_stix_json(&text).unwrap();
    assert_eq!(ClaimGraph::load(&back).unwrap(), expected);
    assert_eq!(
        expected.counts().claims,
        ClaimGraph::load(REFERENCE).unwrap().counts().claims
    );
}

#[test]
fn a_prov_document_written_into_a_database_says_what_the_database_does_not_keep() {
    let dir = tempfile::tempdir().unwrap();
    let primer = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/interop/prov/primer/primer.json");
    let db = dir.path().join("primer.db");
    claimgraph()
        .arg("convert")
        .arg(&primer)
        .arg(&db)
        .assert()
        .success()
        .stderr(contains(
            "keeps the records but not the PROV namespaces and derivation kinds",
        ));
    // A graph with no PROV context is written without a word.
    let plain = dir.path().join("reference.db");
    claimgraph()
        .args(["convert", REFERENCE])
        .arg(&plain)
        .assert()
        .success()
        .stderr("");
}
