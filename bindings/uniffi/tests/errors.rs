//! Each of the core's errors becomes the binding's variant for it, with its fields, and with the
//! core's sentence as `detail`; a panic becomes `Internal` instead of crossing into the app.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::result_large_err
)]

use std::path::PathBuf;

use claimgraph::RecordKind;
use claimgraph::{Error, Location};
use claimgraph_uniffi::{guard, ClaimGraph, ClaimGraphError};

fn map(e: Error) -> (ClaimGraphError, String) {
    let sentence = e.to_string();
    (ClaimGraphError::from(e), sentence)
}

#[test]
fn not_found_keeps_the_kind_and_the_id() {
    let (e, sentence) = map(Error::NotFound {
        kind: claimgraph::RecordKind::Claim,
        id: "containers".into(),
    });
    assert_eq!(
        e,
        ClaimGraphError::NotFound {
            kind: RecordKind::Claim,
            id: "containers".into(),
            detail: sentence.clone(),
        }
    );
    assert_eq!(e.to_string(), sentence);
}

#[test]
fn duplicate_id_names_what_holds_it() {
    let (e, _) = map(Error::DuplicateId {
        id: "russia".into(),
        existing: claimgraph::RecordKind::Source,
    });
    assert!(matches!(
        e,
        ClaimGraphError::DuplicateId { ref id, existing: RecordKind::Source, .. } if id == "russia"
    ));
}

#[test]
fn every_kind_of_bad_input_is_invalid_input_with_what_is_known() {
    let (e, _) = map(Error::InvalidId {
        id: "a\nb".into(),
        reason: "control character".into(),
    });
    assert_eq!(
        (e.clone(), e.detail().contains("control character")),
        (
            ClaimGraphError::InvalidInput {
                id: Some("a\nb".into()),
                field: Some("id".into()),
                value: None,
                detail: e.detail().to_owned(),
            },
            true
        )
    );

    let (e, _) = map(Error::InvalidField {
        id: "containers".into(),
        field: "text",
        reason: "a claim needs text".into(),
    });
    assert!(matches!(
        e,
        ClaimGraphError::InvalidInput { id: Some(ref id), field: Some(ref f), value: None, .. }
            if id == "containers" && f == "text"
    ));

    let (e, _) = map(Error::WrongKind {
        record: claimgraph::RecordKind::Attribution,
        id: "a1".into(),
        field: "claim",
        target: "russia".into(),
        expected: claimgraph::RecordKind::Claim,
        found: claimgraph::RecordKind::Source,
    });
    assert!(matches!(
        e,
        ClaimGraphError::InvalidInput { id: Some(ref id), field: Some(ref f), value: Some(ref v), .. }
            if id == "a1" && f == "claim" && v == "russia"
    ));

    let (e, _) = map(Error::InvalidDate {
        value: "June 2024".into(),
        reason: "not a date".into(),
    });
    assert!(matches!(
        e,
        ClaimGraphError::InvalidInput { id: None, field: None, value: Some(ref v), .. }
            if v == "June 2024"
    ));
}

#[test]
fn format_errors_keep_their_location() {
    let (e, sentence) = map(Error::Format {
        format: "JSON Lines",
        location: Location {
            path: Some(PathBuf::from("corpus.jsonl")),
            line: Some(7),
            column: Some(3),
            record: Some("s1".into()),
        },
        message: "unknown kind".into(),
    });
    assert_eq!(
        e,
        ClaimGraphError::Format {
            format: "JSON Lines".into(),
            path: Some("corpus.jsonl".into()),
            line: Some(7),
            column: Some(3),
            record: Some("s1".into()),
            detail: sentence,
        }
    );
}

#[test]
fn unsupported_version_keeps_both_versions() {
    let (e, _) = map(Error::UnsupportedVersion {
        format: "claimgraph JSON",
        location: Location::default(),
        found: 9,
        supported: 1,
    });
    assert!(matches!(
        e,
        ClaimGraphError::UnsupportedVersion {
            found: 9,
            supported: 1,
            path: None,
            ..
        }
    ));
}

#[test]
fn merge_conflicts_keep_both_values() {
    let (e, _) = map(Error::MergeConflict {
        kind: claimgraph::RecordKind::Source,
        id: "russia".into(),
        field: "name",
        ours: "\"Russia\"".into(),
        theirs: "\"Russian Federation\"".into(),
    });
    assert!(matches!(
        e,
        ClaimGraphError::MergeConflict { kind: RecordKind::Source, ref field, ref ours, ref theirs, .. }
            if field == "name" && ours == "\"Russia\"" && theirs == "\"Russian Federation\""
    ));
}

#[test]
fn limits_and_io_keep_their_fields() {
    let (e, _) = map(Error::LimitExceeded {
        what: "chains",
        id: "containers".into(),
        limit: 100_000,
    });
    assert!(matches!(
        e,
        ClaimGraphError::LimitExceeded { ref what, limit: 100_000, .. } if what == "chains"
    ));

    let (e, sentence) = map(Error::Io {
        action: "read",
        path: PathBuf::from("/data/claims.json"),
        source: std::io::Error::from(std::io::ErrorKind::NotFound),
    });
    assert_eq!(
        e,
        ClaimGraphError::Io {
            action: "read".into(),
            path: "/data/claims.json".into(),
            detail: sentence,
        }
    );
}

#[test]
fn a_panic_becomes_an_internal_error() {
    let r: Result<u8, _> = guard(|| panic!("index out of bounds"));
    match r {
        Err(ClaimGraphError::Internal { detail }) => {
            assert!(detail.contains("index out of bounds"))
        }
        other => panic!("unexpected {other:?}"),
    }
    let formatted: Result<u8, _> = guard(|| panic!("{} is not a claim", "russia"));
    assert!(matches!(
        formatted,
        Err(ClaimGraphError::Internal { ref detail }) if detail.contains("russia is not a claim")
    ));
    assert_eq!(guard(|| Ok(7)), Ok(7));
}

#[test]
fn errors_from_the_object_are_the_mapped_core_errors() {
    let g = ClaimGraph::new();
    let e = g.status("containers".into()).unwrap_err();
    let core = claimgraph::ClaimGraph::new()
        .status("containers")
        .unwrap_err();
    assert_eq!(e, ClaimGraphError::from(core));
    assert!(matches!(
        e,
        ClaimGraphError::NotFound {
            kind: RecordKind::Claim,
            ..
        }
    ));
}

#[test]
fn a_missing_corpus_file_is_an_io_error_naming_it() {
    let path = std::env::temp_dir()
        .join("claimgraph-uniffi-no-such-folder")
        .join("corpus.jsonl");
    match ClaimGraph::new().ingest_jsonl(path.display().to_string()) {
        Err(ClaimGraphError::Io { path: p, .. }) => assert_eq!(p, path.display().to_string()),
        other => panic!("unexpected {other:?}"),
    }
}
