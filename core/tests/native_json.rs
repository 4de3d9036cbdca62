//! The native JSON format: exact round trips, deterministic bytes, clear errors, atomic saves.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support_c;

use std::fs;
use std::path::Path;

use claimgraph::io::{FORMAT_NAME, FORMAT_VERSION};
use claimgraph::{
    Attribution, Claim, ClaimGraph, Error, Quantity, RecordKind, Source, SourceKind, Stance,
};
use proptest::prelude::*;
use support_c::{arb_records, build_in_order, finite, full_graph};

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn small_graph() -> ClaimGraph {
    let mut g = ClaimGraph::new();
    g.add_source(Source::new("kcna", SourceKind::Outlet, "KCNA"))
        .unwrap();
    g.add_claim(Claim::new("treaty", "The treaty was signed"))
        .unwrap();
    g.add_attribution(Attribution::new("kcna", "treaty", Stance::Asserts))
        .unwrap();
    g
}

// ----- round trips -------------------------------------------------------------------------------

#[test]
fn every_field_of_every_record_kind_survives_a_round_trip() {
    let g = full_graph();
    let json = g.to_json();
    let back = ClaimGraph::from_json(&json).unwrap();
    assert_eq!(back.records(), g.records());
    assert_eq!(back, g);

    // The parts PartialEq cannot see: the offset an instant was given in, and the sign of zero.
    let op_ed = back.source("op-ed").unwrap();
    assert_eq!(
        op_ed.published.unwrap().to_string(),
        "2024-06-18T23:30:00+08:00"
    );
    let check = back.verdict("check-ammo").unwrap();
    let rating = check.rating.unwrap();
    assert!(rating.worst == 0.0 && rating.worst.is_sign_negative());
    assert_eq!(rating.value, 1e-300);
    let reversed = back.verdict("factcheck:verdict:containers").unwrap();
    assert_eq!(reversed.rating.unwrap().best, 1.0);
    assert_eq!(reversed.rating.unwrap().worst, 5.0);
    assert_eq!(
        back.attribution("rok-sources:asserts:containers")
            .unwrap()
            .quote
            .unwrap(),
        "He said \"6,700\" \\ containers\u{0001}"
    );
    assert_eq!(ClaimGraph::from_json(&json).unwrap().to_json(), json);
}

#[test]
fn the_document_starts_with_format_and_version_and_holds_one_record_per_line() {
    let json = small_graph().to_json();
    let expected = format!(
        "{{\n  \"format\": \"{FORMAT_NAME}\",\n  \"version\": {FORMAT_VERSION},\n  \"sources\": [\n    {{\"id\":\"kcna\",\"kind\":\"outlet\",\"name\":\"KCNA\"}}\n  ],\n  \"claims\": [\n    {{\"id\":\"treaty\",\"text\":\"The treaty was signed\"}}\n  ],\n  \"attributions\": [\n    {{\"id\":\"kcna:asserts:treaty\",\"source\":\"kcna\",\"claim\":\"treaty\",\"stance\":\"asserts\"}}\n  ],\n  \"source_relations\": [],\n  \"claim_relations\": [],\n  \"verdicts\": []\n}}\n"
    );
    assert_eq!(json, expected);
}

#[test]
fn an_empty_graph_round_trips() {
    let g = ClaimGraph::new();
    let back = ClaimGraph::from_json(&g.to_json()).unwrap();
    assert!(back.is_empty());
}

#[test]
fn lists_are_sorted_by_id_whatever_the_insertion_order() {
    let mut g = ClaimGraph::new();
    for id in ["zeta", "alpha", "mid"] {
        g.add_source(Source::new(id, SourceKind::Person, id))
            .unwrap();
    }
    let json = g.to_json();
    let a = json.find("\"alpha\"").unwrap();
    let m = json.find("\"mid\"").unwrap();
    let z = json.find("\"zeta\"").unwrap();
    assert!(a < m && m < z, "{json}");
}

#[test]
fn hard_floats_round_trip_bit_for_bit() {
    for v in [
        0.1 + 0.2,
        1e-300,
        -0.0,
        5e-324,
        f64::MAX,
        f64::MIN_POSITIVE,
        1.0 / 3.0,
        -6700.5,
    ] {
        let mut g = ClaimGraph::new();
        g.add_claim(Claim::new("c", "text").quantity(Quantity::new(v, "units")))
            .unwrap();
        let json = g.to_json();
        let back = ClaimGraph::from_json(&json).unwrap();
        let got = back.claim("c").unwrap().quantity.as_ref().unwrap().value;
        assert_eq!(got.to_bits(), v.to_bits(), "{v:e} came back as {got:e}");
        assert_eq!(back.to_json(), json);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_graphs_round_trip_exactly(records in arb_records()) {
        let g = ClaimGraph::from_records(records).unwrap();
        let json = g.to_json();
        let back = ClaimGraph::from_json(&json).unwrap();
        prop_assert_eq!(&back, &g);
        prop_assert_eq!(back.to_json(), json);
    }

    #[test]
    fn insertion_order_does_not_change_the_bytes(records in arb_records(), seed in any::<u64>()) {
        let sorted = ClaimGraph::from_records(records.clone()).unwrap();
        let shuffled = build_in_order(&records, seed);
        prop_assert_eq!(shuffled.to_json(), sorted.to_json());
    }

    #[test]
    fn any_finite_quantity_round_trips_bit_for_bit(v in finite()) {
        let mut g = ClaimGraph::new();
        g.add_claim(Claim::new("c", "text").quantity(Quantity::new(v, "u"))).unwrap();
        let back = ClaimGraph::from_json(&g.to_json()).unwrap();
        let got = back.claim("c").unwrap().quantity.as_ref().unwrap().value;
        prop_assert_eq!(got.to_bits(), v.to_bits());
    }
}

// ----- errors ------------------------------------------------------------------------------------

fn format_error(result: claimgraph::Result<ClaimGraph>) -> (claimgraph::Location, String) {
    match result {
        Err(Error::Format {
            format,
            location,
            message,
        }) => {
            assert_eq!(format, "claimgraph JSON");
            (location, message)
        }
        other => panic!("expected a format error, got {other:?}"),
    }
}

#[test]
fn a_truncated_document_is_a_format_error_with_a_line() {
    let json = full_graph().to_json();
    let lines = json.lines().count() as u64;
    for cut in [1, 10, json.len() / 3, json.len() / 2, json.len() - 2] {
        let mut end = cut;
        while !json.is_char_boundary(end) {
            end -= 1;
        }
        let (loc, message) = format_error(ClaimGraph::from_json(&json[..end]));
        let line = loc.line.expect("a line number");
        assert!((1..=lines).contains(&line), "cut at {cut}: line {line}");
        assert!(message.contains("truncated"), "cut at {cut}: {message}");
    }
}

#[test]
fn a_record_error_names_the_line_of_the_record() {
    let json = small_graph().to_json();
    let bad = json.replace("\"name\":\"KCNA\"", "\"name\":\"KCNA\",\"nmae\":\"typo\"");
    let (loc, message) = format_error(ClaimGraph::from_json(&bad));
    // Line 5 holds the only source (see the layout test above).
    assert_eq!(loc.line, Some(5));
    assert!(loc.column.is_some());
    assert!(message.contains("nmae"), "{message}");
}

#[test]
fn a_document_of_another_format_is_refused_by_its_format_field() {
    let json = small_graph()
        .to_json()
        .replace("\"format\": \"claimgraph\"", "\"format\": \"prov\"");
    let (loc, message) = format_error(ClaimGraph::from_json(&json));
    assert_eq!(loc.line, Some(2));
    assert!(message.contains("\"format\""), "{message}");
    assert!(message.contains("prov"), "{message}");

    let (_, message) = format_error(ClaimGraph::from_json(r#"{"entity": {}, "agent": {}}"#));
    assert!(message.contains("not a claimgraph document"), "{message}");
    assert!(message.contains("entity"), "{message}");

    let (_, message) = format_error(ClaimGraph::from_json("{}"));
    assert!(message.contains("\"format\""), "{message}");

    let (_, message) = format_error(ClaimGraph::from_json("[1, 2]"));
    assert!(message.contains("claimgraph document"), "{message}");
}

#[test]
fn a_newer_version_is_unsupported_and_names_the_version() {
    let json = small_graph()
        .to_json()
        .replace("\"version\": 2", "\"version\": 3");
    match ClaimGraph::from_json(&json) {
        Err(e @ Error::UnsupportedVersion { .. }) if e.to_string().contains("version 3") => {
            let Error::UnsupportedVersion {
                found,
                supported,
                location,
                ..
            } = e
            else {
                unreachable!()
            };
            assert_eq!(found, 3);
            assert_eq!(supported, FORMAT_VERSION);
            assert_eq!(location.line, Some(3));
        }
        other => panic!("expected UnsupportedVersion, got {other:?}"),
    }
}

#[test]
fn a_newer_version_is_recognised_before_records_it_cannot_read() {
    let json =
        r#"{"format": "claimgraph", "version": 7, "sources": [{"id": "s", "future_field": 1}]}"#;
    assert!(matches!(
        ClaimGraph::from_json(json),
        Err(Error::UnsupportedVersion { found: 7, .. })
    ));
}

#[test]
fn a_missing_zero_or_non_integer_version_is_a_format_error() {
    for version in ["0", "\"1\"", "1.5", "-1", "null"] {
        let json = format!(r#"{{"format": "claimgraph", "version": {version}, "sources": []}}"#);
        let (_, message) = format_error(ClaimGraph::from_json(&json));
        assert!(message.contains("version"), "{version}: {message}");
    }
    let (_, message) = format_error(ClaimGraph::from_json(
        r#"{"format": "claimgraph", "sources": []}"#,
    ));
    assert!(message.contains("version"), "{message}");
    let (_, message) = format_error(ClaimGraph::from_json(r#"{"format": "claimgraph"}"#));
    assert!(message.contains("version"), "{message}");
}

#[test]
fn unknown_top_level_fields_are_refused() {
    let json = small_graph()
        .to_json()
        .replace("\"verdicts\": []", "\"verdicts\": [],\n  \"comments\": []");
    let (_, message) = format_error(ClaimGraph::from_json(&json));
    assert!(message.contains("comments"), "{message}");
}

#[test]
fn empty_input_and_garbage_are_format_errors() {
    for bad in [
        "",
        "   \n",
        "garbage",
        "{\"format\": \"claimgraph\", \"version\": 1} trailing",
    ] {
        format_error(ClaimGraph::from_json(bad));
    }
}

#[test]
fn a_dangling_reference_gives_the_graphs_own_error_from_a_string() {
    let json = small_graph()
        .to_json()
        .replace("\"claim\":\"treaty\"", "\"claim\":\"no-such-claim\"");
    match ClaimGraph::from_json(&json) {
        Err(Error::NotFound { kind, id }) => {
            assert_eq!(kind, RecordKind::Claim);
            assert_eq!(id, "no-such-claim");
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
}

#[test]
fn a_duplicate_id_gives_the_graphs_own_error_from_a_string() {
    let json = small_graph().to_json().replace(
        "{\"id\":\"treaty\",\"text\":\"The treaty was signed\"}",
        "{\"id\":\"kcna\",\"text\":\"The treaty was signed\"}",
    );
    assert!(matches!(
        ClaimGraph::from_json(&json),
        Err(Error::DuplicateId { ref id, .. }) if id == "kcna"
    ));
}

// ----- files -------------------------------------------------------------------------------------

#[test]
fn save_then_load_gives_the_same_graph_and_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("visit.claimgraph.json");
    let g = full_graph();
    g.save(&path).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), g.to_json());
    assert_eq!(ClaimGraph::load(&path).unwrap(), g);
    assert_eq!(files_in(dir.path()), ["visit.claimgraph.json"]);
}

#[test]
fn saving_over_a_file_replaces_it_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.json");
    full_graph().save(&path).unwrap();
    let g = small_graph();
    g.save(&path).unwrap();
    assert_eq!(ClaimGraph::load(&path).unwrap(), g);
    assert_eq!(files_in(dir.path()), ["graph.json"]);
}

#[test]
fn a_failed_save_leaves_the_target_and_the_folder_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the file should go: the final rename cannot replace it.
    let target = dir.path().join("graph.json");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("keep.txt"), "untouched").unwrap();
    match small_graph().save(&target) {
        Err(Error::Io { path, .. }) => assert_eq!(path, target),
        other => panic!("expected an I/O error, got {other:?}"),
    }
    assert_eq!(files_in(dir.path()), ["graph.json"]);
    assert_eq!(
        fs::read_to_string(target.join("keep.txt")).unwrap(),
        "untouched"
    );
}

#[test]
fn saving_into_a_missing_folder_is_an_io_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("graph.json");
    let err = small_graph().save(&path).unwrap_err();
    assert!(err.to_string().contains("no-such-folder"), "{err}");
    match err {
        Error::Io { path: p, .. } => assert_eq!(p, path),
        other => panic!("expected an I/O error, got {other:?}"),
    }
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn loading_a_missing_file_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.json");
    match ClaimGraph::load(&path) {
        Err(Error::Io {
            path: p, source, ..
        }) => {
            assert_eq!(p, path);
            assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
        }
        other => panic!("expected an I/O error, got {other:?}"),
    }
}

#[test]
fn loading_a_truncated_file_names_the_path_and_line_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.json");
    let json = full_graph().to_json();
    let cut = &json.as_bytes()[..json.len() * 2 / 3];
    fs::write(&path, cut).unwrap();
    let (loc, message) = format_error(ClaimGraph::load(&path));
    assert_eq!(loc.path.as_deref(), Some(path.as_path()));
    assert!(loc.line.is_some());
    assert!(message.contains("truncated"), "{message}");
    assert_eq!(fs::read(&path).unwrap(), cut);
}

#[test]
fn loading_invalid_utf8_or_garbage_bytes_is_a_format_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    let json = small_graph().to_json();
    let mut bytes = json.replace("KCNA", "KC\u{0}NA").into_bytes();
    // Replace the NUL placeholder with a byte that is never valid UTF-8.
    let at = bytes.iter().position(|&b| b == 0).unwrap();
    bytes[at] = 0xFF;
    fs::write(&path, &bytes).unwrap();
    let (loc, _) = format_error(ClaimGraph::load(&path));
    assert_eq!(loc.line, Some(5));

    fs::write(&path, [0x00, 0x9F, 0x92, 0x96, 0xFF, 0xFE]).unwrap();
    format_error(ClaimGraph::load(&path));

    fs::write(&path, b"").unwrap();
    format_error(ClaimGraph::load(&path));
}

#[test]
fn loading_a_file_with_a_dangling_attribution_names_the_file_and_the_attribution() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dangling.json");
    let json = small_graph()
        .to_json()
        .replace("\"source\":\"kcna\"", "\"source\":\"ghost\"");
    fs::write(&path, json).unwrap();
    let (loc, message) = format_error(ClaimGraph::load(&path));
    assert_eq!(loc.path.as_deref(), Some(path.as_path()));
    assert_eq!(loc.record.as_deref(), Some("kcna:asserts:treaty"));
    assert!(message.contains("ghost"), "{message}");
}

#[test]
fn a_file_with_a_byte_order_mark_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.json");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(small_graph().to_json().as_bytes());
    fs::write(&path, bytes).unwrap();
    assert_eq!(ClaimGraph::load(&path).unwrap(), small_graph());
}

#[cfg(unix)]
#[test]
fn saving_over_a_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("private.json");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    small_graph().save(&path).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn lists_in_another_order_still_load() {
    // Edges before claims, claims before sources: the reader keeps such lists aside and adds them
    // once the records they refer to are in.
    let g = full_graph();
    let written: serde_json::Value = serde_json::from_str(&g.to_json()).unwrap();
    let mut reordered = String::from(r#"{"format": "claimgraph", "version": 1"#);
    for list in [
        "verdicts",
        "attributions",
        "claim_relations",
        "claims",
        "source_relations",
        "sources",
    ] {
        reordered.push_str(&format!(", {list:?}: {}", written[list]));
    }
    reordered.push('}');
    assert_eq!(ClaimGraph::from_json(&reordered).unwrap(), g);
}

#[test]
fn a_refused_record_in_a_late_list_is_still_the_graphs_typed_error() {
    let doc = r#"{"format": "claimgraph", "version": 1,
        "attributions": [{"id": "a", "source": "ghost", "claim": "c", "stance": "asserts"}],
        "claims": [{"id": "c", "text": "t"}],
        "sources": []}"#;
    match ClaimGraph::from_json(doc) {
        Err(Error::NotFound { kind, id }) => {
            assert_eq!(kind, RecordKind::Source);
            assert_eq!(id, "ghost");
        }
        other => panic!("expected NotFound, got {other:?}"),
    }
}

// ----- the writer's layout, read on two threads --------------------------------------------------

/// A graph large enough that a saved file spans many chunks of the two-thread reader.
fn many_claims(n: usize) -> ClaimGraph {
    let mut g = ClaimGraph::new();
    for s in 0..50 {
        g.add_source(Source::new(
            format!("s{s}"),
            SourceKind::Person,
            format!("Person {s}"),
        ))
        .unwrap();
    }
    for c in 0..n {
        g.add_claim(Claim::new(format!("c{c}"), format!("Claim number {c}")))
            .unwrap();
        for k in 0..3 {
            let stance = if k == 2 {
                Stance::Denies
            } else {
                Stance::Asserts
            };
            let mut a = Attribution::new(format!("s{}", (c * 7 + k) % 50), format!("c{c}"), stance);
            a.id = format!("a{c}-{k}");
            a.said = Some(
                format!("2024-{:02}-{:02}", 1 + c % 12, 1 + k)
                    .parse()
                    .unwrap(),
            );
            g.add_attribution(a).unwrap();
        }
    }
    g
}

#[test]
fn a_large_saved_file_loads_back_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.json");
    let g = many_claims(5_000);
    g.save(&path).unwrap();
    assert!(fs::metadata(&path).unwrap().len() > 1 << 20);
    assert_eq!(ClaimGraph::load(&path).unwrap(), g);
}

#[test]
fn a_file_in_the_writers_layout_fails_as_the_same_file_in_any_layout() {
    let dir = tempfile::tempdir().unwrap();
    let json = many_claims(3_000).to_json();
    let errors = |json: &str| {
        // The writer's layout, and the same document indented otherwise (read by the general
        // reader only): the same error.
        let laid_out = dir.path().join("laid-out.json");
        let other = dir.path().join("other.json");
        fs::write(&laid_out, json).unwrap();
        fs::write(&other, json.replace("\n    {", "\n {")).unwrap();
        let first = ClaimGraph::load(&laid_out).unwrap_err().to_string();
        let second = ClaimGraph::load(&other)
            .unwrap_err()
            .to_string()
            .replace("other.json", "laid-out.json");
        (first, second)
    };
    // A record the graph refuses, deep in the file: a dangling claim, a duplicate id.
    for (from, to) in [
        ("\"claim\":\"c2999\"", "\"claim\":\"c9999\""),
        ("{\"id\":\"a2500-1\"", "{\"id\":\"a2500-0\""),
    ] {
        let (first, second) = errors(&json.replacen(from, to, 1));
        assert_eq!(first, second);
        assert!(first.contains("laid-out.json"), "{first}");
    }
    // A syntax error deep in the file, and a file that ends early: the general reader's
    // error, position included.
    let lines: Vec<&str> = json.lines().collect();
    let at = lines.len() - 100;
    let mut broken = lines.clone();
    broken[at] = "    {\"id\":\"a1\",";
    for text in [broken.join("\n") + "\n", lines[..at].join("\n")] {
        let path = dir.path().join("faulty.json");
        fs::write(&path, &text).unwrap();
        let (loc, message) = format_error(ClaimGraph::load(&path));
        let (general, general_message) = format_error(ClaimGraph::from_json(&text));
        assert_eq!((loc.line, loc.column), (general.line, general.column));
        assert!(loc.line.unwrap() >= at as u64, "{loc:?}");
        assert_eq!(message, general_message);
    }
}

#[test]
fn each_attribution_is_written_as_its_record_serializes() {
    // Plain attributions (no hops, basis or further claims) are written straight from the graph;
    // each line must be exactly the record's own serialization, whatever fields it has.
    let mut g = many_claims(20);
    let mut a = Attribution::new("s1", "c3", Stance::Doubts);
    a.id = "alleged".into();
    a.modality = "alleged".parse().unwrap();
    a.quote = Some("\"so they say\"\n".into());
    g.add_attribution(a).unwrap();
    let full = full_graph();
    for g in [&g, &full] {
        let json = g.to_json();
        for record in &g.records().attributions {
            let line = serde_json::to_string(record).unwrap();
            assert!(
                json.contains(&format!("\n    {line}")),
                "{line} is not in\n{json}"
            );
        }
    }
}

/// A byte order mark before the document (some editors write one) is read past by every
/// reader alike: the native JSON fuzz target found `from_json` refusing what
/// `from_json_reader` and `load` read (minimised input, as it was found).
#[test]
fn a_byte_order_mark_is_read_past_by_every_reader_alike() {
    let doc = "\u{feff}{\"format\": \"claimgraph\", \"version\": 1}\n";
    let from_str = claimgraph::ClaimGraph::from_json(doc).unwrap();
    let from_reader = claimgraph::ClaimGraph::from_json_reader(doc.as_bytes()).unwrap();
    assert_eq!(from_str, from_reader);
    assert_eq!(from_str, claimgraph::ClaimGraph::new());
    // A mark alone is still an empty document.
    assert!(claimgraph::ClaimGraph::from_json("\u{feff}").is_err());
    assert!(claimgraph::ClaimGraph::from_json_reader("\u{feff}".as_bytes()).is_err());
}
