//! The `claimgraph` binary, run as a user runs it: on the reference article's graph file, on the
//! shared interop documents (PROV-JSON and ClaimReview examples from their specifications), and
//! on damaged files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use claimgraph::{ClaimGraph, PictureOptions, ReportOptions};
use predicates::prelude::*;
use predicates::str::contains;

/// The reference article as a native graph file (written by the example, checked by its tests).
const REFERENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../examples/putin_dprk_visit.json"
);
const INTEROP: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/interop");

/// A small JSON Lines corpus in the benchmark schema (the shape of the corpus documentation's
/// example).
const CORPUS: &str = r#"{"type":"meta","format_version":1}
{"type":"source","id":"s0","kind":"person","name":"Ana Abe","anonymous":false}
{"type":"source","id":"s1","kind":"outlet","name":"The Berg Daily","anonymous":false}
{"type":"citation","id":"x0","from":"s1","to":"s0","date":"2024-06-18","cycle":false}
{"type":"claim","id":"c0","text":"The mayor approved the budget"}
{"type":"attribution","id":"a0","source":"s1","claim":"c0","stance":"asserts","date":"2024-06-19","quote":null}
"#;

fn claimgraph() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
}

fn reference() -> ClaimGraph {
    ClaimGraph::load(REFERENCE).unwrap()
}

/// Runs `cmd`, expecting exit status 1 and a message on standard error that holds each of
/// `parts` (what went wrong, and where: file, line, record).
fn refused(cmd: &mut Command, parts: &[&str]) {
    let out = cmd.assert().code(1).get_output().clone();
    let err = String::from_utf8_lossy(&out.stderr);
    for part in parts {
        assert!(err.contains(part), "{part:?} not in: {err}");
    }
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().clone();
    String::from_utf8(out.stdout).unwrap()
}

/// Every document under `interop/<folder>` whose name ends with `ext`.
fn interop(folder: &str, ext: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![Path::new(INTEROP).join(folder)];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.to_string_lossy().ends_with(ext) {
                found.push(path);
            }
        }
    }
    found.sort();
    assert!(!found.is_empty(), "no {ext} documents under {folder}");
    found
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

// --- the report and the questions -----------------------------------------------------------

#[test]
fn report_prints_the_core_report_of_the_file_and_nothing_on_stderr() {
    let expected = reference().report(&ReportOptions::whole_graph()).unwrap();
    claimgraph()
        .args(["report", REFERENCE])
        .assert()
        .success()
        .stdout(expected)
        .stderr("");
}

#[test]
fn report_names_the_disputed_claim_and_its_interested_deniers() {
    let text = stdout_of(claimgraph().args(["report", REFERENCE]));
    assert!(text.starts_with("Claims (20)\n"), "{text}");
    assert!(text.contains("\n[containers] "));
    assert!(text.contains("denied by interested parties: dprk, russia"));
    assert!(text.contains("\nFindings\n  disputed       ammunition-supply, containers\n"));
}

#[test]
fn report_json_is_one_object_per_claim_and_line() {
    let text = stdout_of(claimgraph().args(["report", REFERENCE, "--json"]));
    let g = reference();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), g.counts().claims);
    assert_eq!(lines, g.report_json_lines().unwrap());
    for line in &lines {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["score"].is_number() && v["reasons"].is_array(), "{line}");
    }
    let one =
        stdout_of(claimgraph().args(["report", REFERENCE, "--json", "--claim", "containers"]));
    assert_eq!(one, g.report_json("containers").unwrap() + "\n");
}

#[test]
fn report_of_one_claim_and_with_dates() {
    let text = stdout_of(claimgraph().args(["report", REFERENCE, "--claim", "containers"]));
    assert!(text.starts_with("[containers] "));
    assert!(!text.contains("Findings"));
    let dated = stdout_of(claimgraph().args(["report", REFERENCE, "--as-of", "2024-06-17"]));
    assert!(
        dated.contains("\nAs of 2024-06-17\n  0 of 23 attributions on record"),
        "{dated}"
    );
}

#[test]
fn status_chains_and_assess_answer_for_one_claim() {
    let status = stdout_of(claimgraph().args(["status", REFERENCE, "containers"]));
    assert!(status.contains("  flags          disputed\n"), "{status}");
    assert!(!status.contains("credibility"));

    let json = stdout_of(claimgraph().args(["status", REFERENCE, "containers", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["deniers"], serde_json::json!(["dprk", "russia"]));
    assert_eq!(v["unnamed_only"], true);

    let assess = stdout_of(claimgraph().args(["assess", REFERENCE, "containers"]));
    let assessment = reference().assess("containers").unwrap();
    assert!(assess.contains(&format!("  credibility    {:.2}\n", assessment.score)));
    for reason in &assessment.reasons {
        assert!(assess.contains(&reason.detail), "{} missing", reason.detail);
    }
    let json = stdout_of(claimgraph().args(["assess", REFERENCE, "containers", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["score"].as_f64(), Some(assessment.score));
    assert_eq!(
        v["reasons"].as_array().unwrap().len(),
        assessment.reasons.len()
    );
}

#[test]
fn chains_follow_an_op_ed_up_to_its_author() {
    let g = reference();
    // A claim some chain of which runs through more than one source (an op-ed to its author).
    let (claim, chain) = g
        .claims()
        .find_map(|c| {
            let chains = g.chains(&c.id).unwrap();
            chains
                .into_iter()
                .find(|ch| ch.path.len() > 1)
                .map(|ch| (c.id.clone(), ch))
        })
        .expect("the reference article has a chain of two sources");
    let names: Vec<String> = chain
        .path
        .iter()
        .map(|s| g.source(s).unwrap().name.clone())
        .collect();
    let text = stdout_of(claimgraph().args(["chains", REFERENCE, &claim]));
    assert!(text.contains(&names.join(" -> ")), "{text}");
    let json = stdout_of(claimgraph().args(["chains", REFERENCE, &claim, "--json"]));
    assert_eq!(json.lines().count(), g.chains(&claim).unwrap().len());
    assert!(json.lines().any(|l| {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        v["path"] == serde_json::json!(chain.path)
    }));
}

#[test]
fn findings_and_as_of() {
    let findings = stdout_of(claimgraph().args(["findings", REFERENCE]));
    assert!(
        findings.starts_with(
            "Findings
  disputed       ammunition-supply, containers
"
        ),
        "{findings}"
    );
    let json = stdout_of(claimgraph().args(["findings", REFERENCE, "--json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["disputed"],
        serde_json::json!(["ammunition-supply", "containers"])
    );

    let before = stdout_of(claimgraph().args(["as-of", REFERENCE, "2024-06-17"]));
    assert!(
        before.starts_with("As of 2024-06-17\n  0 of 23 attributions on record"),
        "{before}"
    );
    let json = stdout_of(claimgraph().args(["as-of", REFERENCE, "2024-06-18", "--json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["attributions"], 23);
    assert_eq!(v["attributions_in_all"], 23);

    let dir = temp();
    let out = dir.path().join("then.json");
    claimgraph()
        .args([
            "as-of",
            REFERENCE,
            "2024-06-17",
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .success();
    let then = ClaimGraph::load(&out).unwrap();
    assert_eq!(then.counts().attributions, 0);
    assert_eq!(
        then,
        reference().as_of(&"2024-06-17".parse().unwrap()).graph
    );
}

#[test]
fn an_unknown_claim_is_bad_input_naming_the_id() {
    for command in ["status", "chains", "assess"] {
        claimgraph()
            .args([command, REFERENCE, "no-such-claim"])
            .assert()
            .code(1)
            .stdout("")
            .stderr(contains("no claim with id \"no-such-claim\""));
    }
    claimgraph()
        .args(["report", REFERENCE, "--claim", "no-such-claim"])
        .assert()
        .code(1);
}

// --- validate -------------------------------------------------------------------------------

#[test]
fn every_shared_interop_document_validates() {
    let mut files = interop("prov", ".json");
    files.extend(interop("claimreview", ".jsonld"));
    files.push(PathBuf::from(REFERENCE));
    let text = stdout_of(claimgraph().arg("validate").args(&files));
    assert_eq!(text.lines().count(), files.len(), "{text}");
    for (line, file) in text.lines().zip(&files) {
        assert!(
            line.starts_with(&format!("{}: ok (", file.display())),
            "{line}"
        );
    }
}

#[test]
fn validate_names_the_file_and_line_of_each_fault_and_exits_1() {
    let dir = temp();
    let json = fs::read_to_string(REFERENCE).unwrap();
    let truncated = dir.path().join("truncated.json");
    fs::write(&truncated, &json[..json.len() / 2]).unwrap();
    let bad_line = dir.path().join("corpus.jsonl");
    let mut lines: Vec<&str> = CORPUS.lines().collect();
    lines[2] = r#"{"type":"source","id":"s1","kind":"outlet"}"#;
    fs::write(&bad_line, lines.join("\n")).unwrap();
    let newer = dir.path().join("newer.json");
    fs::write(&newer, r#"{"format": "claimgraph", "version": 99}"#).unwrap();
    let empty = dir.path().join("empty.json");
    fs::write(&empty, "").unwrap();
    let missing = dir.path().join("missing.json");

    let assert = claimgraph()
        .arg("validate")
        .args([
            REFERENCE.as_ref(),
            truncated.as_path(),
            bad_line.as_path(),
            newer.as_path(),
        ])
        .args([empty.as_path(), missing.as_path(), dir.path()])
        .assert()
        .code(1)
        .stderr(contains("6 of 7 files are not valid claim graphs"));
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 7, "{out}");
    assert!(lines[0].contains(": ok ("));
    let truncated_line = json[..json.len() / 2].lines().count();
    let expect = [
        (1, format!("{}, line {truncated_line}", truncated.display())),
        (2, format!("{}, line 3", bad_line.display())),
        (3, "version 99".to_owned()),
        (4, format!("{}: ", empty.display())),
        (5, format!("{}", missing.display())),
        (6, format!("{}", dir.path().display())),
    ];
    for (i, text) in expect {
        assert!(
            lines[i].contains("error: ") && lines[i].contains(&text),
            "line {i}: {}",
            lines[i]
        );
    }
}

#[test]
fn damaged_files_give_an_error_never_a_panic() {
    let dir = temp();
    let json = fs::read(REFERENCE).unwrap();
    let prov = fs::read(interop("prov", ".json").remove(0)).unwrap();
    let review = fs::read(interop("claimreview", ".jsonld").remove(0)).unwrap();
    let mut cases: Vec<(String, Vec<u8>)> = Vec::new();
    for (name, bytes) in [
        ("g.json", &json),
        ("p.json", &prov),
        ("r.jsonld", &review),
        ("c.jsonl", &CORPUS.as_bytes().to_vec()),
    ] {
        for k in 1..12 {
            let at = bytes.len() * k / 12;
            cases.push((name.to_owned(), bytes[..at].to_vec()));
            let mut flipped = bytes.clone();
            flipped[at] = [b'"', b'}', 0xff, b'\n', b','][k % 5];
            cases.push((name.to_owned(), flipped));
        }
    }
    for (i, (name, bytes)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("{i}-{name}"));
        fs::write(&path, bytes).unwrap();
        let out = claimgraph().args(["report"]).arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{}: {stderr}", path.display());
        match out.status.code() {
            Some(0) => assert!(!out.stdout.is_empty()),
            Some(1) => assert!(stderr.starts_with("error: "), "{stderr}"),
            other => panic!("{}: exit {other:?}: {stderr}", path.display()),
        }
    }
}

// --- convert --------------------------------------------------------------------------------

#[test]
fn native_prov_native_keeps_the_graph() {
    let dir = temp();
    let prov = dir.path().join("article.prov.json");
    let back = dir.path().join("back.json");
    claimgraph()
        .args(["convert", REFERENCE])
        .arg(&prov)
        .assert()
        .success()
        .stderr("");
    assert_eq!(
        fs::read_to_string(&prov).unwrap(),
        reference().to_prov_json()
    );
    claimgraph()
        .arg("convert")
        .arg(&prov)
        .arg(&back)
        .assert()
        .success();
    let (expected, _) = ClaimGraph::from_prov_json(&reference().to_prov_json()).unwrap();
    assert_eq!(ClaimGraph::load(&back).unwrap(), expected);
}

#[test]
fn parquet_tables_go_out_to_a_folder_and_come_back_as_the_same_graph() {
    let dir = temp();
    let tables = dir.path().join("article.parquet");
    claimgraph()
        .args(["convert", REFERENCE])
        .arg(&tables)
        .assert()
        .success()
        .stderr("");
    for table in [
        "sources",
        "claims",
        "attributions",
        "statuses",
        "source_origins",
    ] {
        assert!(
            tables.join(format!("{table}.parquet")).is_file(),
            "no {table} table"
        );
    }
    // A folder is read as tables, whatever its name; --from says so too.
    let back = dir.path().join("back.json");
    claimgraph()
        .arg("convert")
        .arg(&tables)
        .arg(&back)
        .assert()
        .success();
    assert_eq!(ClaimGraph::load(&back).unwrap(), reference());
    let plain = dir.path().join("plain");
    fs::rename(&tables, &plain).unwrap();
    let again = stdout_of(
        claimgraph()
            .args(["convert", "--from", "parquet"])
            .arg(&plain)
            .arg("-"),
    );
    assert_eq!(ClaimGraph::from_json(&again).unwrap(), reference());
    // Standard output cannot take a folder of tables.
    claimgraph()
        .args(["convert", REFERENCE, "-", "--to", "parquet"])
        .assert()
        .code(2)
        .stderr(contains("folder"));
}

#[test]
fn ntriples_are_written_to_a_file_or_standard_output_one_triple_a_line() {
    let dir = temp();
    let nt = dir.path().join("article.nt");
    claimgraph()
        .args(["convert", REFERENCE])
        .arg(&nt)
        .assert()
        .success()
        .stderr("");
    let written = fs::read_to_string(&nt).unwrap();
    let mut expected = Vec::new();
    reference().write_ntriples(&mut expected).unwrap();
    assert_eq!(written.as_bytes(), expected.as_slice());
    assert!(
        written.lines().all(|l| l.ends_with(" .")),
        "not one triple a line"
    );
    let piped = stdout_of(claimgraph().args(["convert", REFERENCE, "-", "--to", "ntriples"]));
    assert_eq!(piped, written);
}

#[test]
fn prov_to_prov_keeps_the_documents_names_and_derivation_kinds() {
    let dir = temp();
    let primer = Path::new(INTEROP).join("prov/primer/primer.json");
    let out = dir.path().join("primer.prov.json");
    claimgraph()
        .args(["convert", "--quiet"])
        .arg(&primer)
        .arg(&out)
        .assert()
        .success();
    let text = fs::read_to_string(&out).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["prefix"]["ex"], "http://example/", "{text}");
    assert!(v["agent"].get("ex:derek").is_some(), "{text}");
    assert!(!text.contains("urn:claimgraph:node:ex"), "{text}");
    let revision = v["wasDerivedFrom"]
        .as_object()
        .unwrap()
        .values()
        .find(|r| {
            r["prov:generatedEntity"] == "ex:dataSet2" && r["prov:usedEntity"] == "ex:dataSet1"
        })
        .expect("the revision is written");
    assert_eq!(revision["prov:type"]["$"], "prov:Revision");
    // Through native JSON and back, the same document.
    let native = dir.path().join("primer.json");
    let again = dir.path().join("again.prov.json");
    for (from, to) in [(&primer, &native), (&native, &again)] {
        claimgraph()
            .args(["convert", "--quiet"])
            .arg(from)
            .arg(to)
            .assert()
            .success();
    }
    assert_eq!(fs::read_to_string(&again).unwrap(), text);
}

#[test]
fn prov_entities_typed_as_claims_convert_to_claims_and_a_repeated_relation_id_is_counted() {
    let doc = r#"{
      "prefix": {"ex": "http://example.org/", "schema": "https://schema.org/"},
      "entity": {"ex:c1": {"prov:type": {"$": "schema:Claim", "type": "prov:QUALIFIED_NAME"},
                           "schema:text": "The bridge was closed in 2019"}},
      "agent": {"ex:mayor": {}, "ex:clerk": {}},
      "wasAttributedTo": {"ex:a1": {"prov:entity": "ex:c1", "prov:agent": "ex:mayor"}},
      "bundle": {"b": {"wasAttributedTo": {"ex:a1": {"prov:entity": "ex:c1", "prov:agent": "ex:clerk"}}}}
    }"#;
    let out = claimgraph()
        .args(["convert", "--from", "prov", "-", "-"])
        .write_stdin(doc)
        .assert()
        .success()
        .stderr(contains("read as a claim"))
        .stderr(contains("(wasAttributedTo x1)"))
        // Each distinct reason is said once, so the reader sees why, not only how many.
        .stderr(contains("note: standard input: wasAttributedTo x1: "))
        .stderr(contains("PROV-CONSTRAINTS"));
    let native = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let g = ClaimGraph::from_json(&native).unwrap();
    assert_eq!(
        g.get_claim("ex:c1").unwrap().text,
        "The bridge was closed in 2019"
    );
    assert_eq!(g.get_attribution("ex:a1").unwrap().source, "ex:mayor");
}

#[test]
fn formats_are_told_by_content_when_the_name_does_not_tell() {
    // The interop PROV documents are plain .json files.
    for file in interop("prov", ".json") {
        let (expected, _) =
            ClaimGraph::from_prov_json(&fs::read_to_string(&file).unwrap()).unwrap();
        let out = stdout_of(
            claimgraph()
                .args(["convert", "--quiet"])
                .arg(&file)
                .arg("-"),
        );
        assert_eq!(out, expected.to_json(), "{}", file.display());
    }
    // ClaimReview from standard input, told by its @context.
    for file in interop("claimreview", ".jsonld") {
        let text = fs::read_to_string(&file).unwrap();
        let (expected, _) = ClaimGraph::from_claimreview_json(&text).unwrap();
        let out = stdout_of(
            claimgraph()
                .args(["convert", "-q", "-", "-"])
                .write_stdin(text),
        );
        assert_eq!(out, expected.to_json(), "{}", file.display());
    }
    // JSON Lines from standard input, told by its first line.
    let out = stdout_of(claimgraph().args(["convert", "-", "-"]).write_stdin(CORPUS));
    let (expected, _) = ClaimGraph::from_jsonl(CORPUS.as_bytes()).unwrap();
    assert_eq!(out, expected.to_json());
}

#[test]
fn from_and_to_override_what_the_names_say() {
    let dir = temp();
    let corpus = dir.path().join("corpus.txt");
    fs::write(&corpus, CORPUS).unwrap();
    let out = dir.path().join("out.data");
    claimgraph()
        .args(["convert", "--from", "jsonl", "--to", "claimreview"])
        .arg(&corpus)
        .arg(&out)
        .assert()
        .success();
    let (g, _) = ClaimGraph::from_jsonl(CORPUS.as_bytes()).unwrap();
    assert_eq!(fs::read_to_string(&out).unwrap(), g.to_claimreview_json());
    // Read as what it is not: an error naming the file.
    claimgraph()
        .args(["convert", "--from", "prov", REFERENCE, "-"])
        .assert()
        .code(1)
        .stderr(contains(REFERENCE));
}

#[test]
fn pictures_are_the_core_pictures() {
    let g = reference();
    let dot = stdout_of(claimgraph().args(["convert", REFERENCE, "-", "--to", "dot"]));
    assert_eq!(dot, g.to_dot(&PictureOptions::whole_graph()).unwrap());
    let dir = temp();
    let mmd = dir.path().join("containers.mmd");
    claimgraph()
        .args(["convert", REFERENCE, "--claim", "containers"])
        .arg(&mmd)
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(&mmd).unwrap(),
        g.to_mermaid(&PictureOptions::around("containers")).unwrap()
    );
    claimgraph()
        .args(["convert", REFERENCE, "-", "--claim", "containers"])
        .assert()
        .code(2)
        .stderr(contains("--claim"));
}

#[cfg(unix)]
#[test]
fn svg_is_drawn_by_graphviz_and_its_absence_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    // No dot on PATH.
    claimgraph()
        .args(["convert", REFERENCE, "-", "--to", "svg"])
        .env("PATH", dir.path())
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("Graphviz").and(contains("--to dot")));
    // A stand-in for Graphviz that shows what it was given.
    let dot = dir.path().join("dot");
    let script = r#"#!/bin/sh
printf '<svg args="%s">' "$*"
wc -l
printf '</svg>'
"#;
    fs::write(&dot, script).unwrap();
    fs::set_permissions(&dot, fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:/usr/bin:/bin", dir.path().display());
    let svg = dir.path().join("article.svg");
    claimgraph()
        .args(["convert", REFERENCE])
        .arg(&svg)
        .env("PATH", &path)
        .assert()
        .success();
    let drawn = fs::read_to_string(&svg).unwrap();
    let lines = reference()
        .to_dot(&PictureOptions::whole_graph())
        .unwrap()
        .lines()
        .count();
    assert!(drawn.starts_with("<svg args=\"-Tsvg\">"), "{drawn}");
    assert!(drawn.contains(&lines.to_string()), "{drawn}");
    // Graphviz failing is an error too, with what it said.
    fs::write(
        &dot,
        "#!/bin/sh\necho 'syntax error in line 1' >&2\nexit 3\n",
    )
    .unwrap();
    claimgraph()
        .args(["convert", REFERENCE, "-", "--to", "svg"])
        .env("PATH", &path)
        .assert()
        .code(1)
        .stderr(contains("syntax error in line 1"));
}

#[test]
fn an_output_format_that_cannot_be_told_is_a_usage_error() {
    let dir = temp();
    for name in ["out.txt", "out.jsonl"] {
        let out = dir.path().join(name);
        claimgraph()
            .args(["convert", REFERENCE])
            .arg(&out)
            .assert()
            .code(2)
            .stderr(contains(name));
        assert!(!out.exists());
    }
}

// --- merge ----------------------------------------------------------------------------------

/// The reference graph with one claim reworded, saved in `dir`.
fn reworded(dir: &Path) -> (PathBuf, String) {
    let mut g = reference();
    let mut claim = g.get_claim("containers").unwrap().clone();
    claim.text = "The DPRK sent 6,700 containers to Russia.".to_owned();
    let text = claim.text.clone();
    g.update_claim(claim).unwrap();
    let path = dir.join("reworded.json");
    g.save(&path).unwrap();
    (path, text)
}

#[test]
fn merge_fails_on_a_conflict_unless_a_policy_settles_it() {
    let dir = temp();
    let (theirs, their_text) = reworded(dir.path());
    let out = dir.path().join("merged.json");
    refused(
        claimgraph()
            .args(["merge", REFERENCE])
            .arg(&theirs)
            .arg("-o")
            .arg(&out),
        &[
            "merge conflict on claim \"containers\", field text",
            "--policy",
        ],
    );
    assert!(!out.exists(), "a failed merge writes nothing");

    for (policy, text) in [
        (
            "keep_ours",
            reference().get_claim("containers").unwrap().text.clone(),
        ),
        ("take_theirs", their_text),
    ] {
        claimgraph()
            .args(["merge", REFERENCE])
            .arg(&theirs)
            .args(["-o"])
            .arg(&out)
            .args(["--policy", policy])
            .assert()
            .success()
            .stderr(
                contains("1 conflicts")
                    .and(contains("conflict on claim \"containers\", field text")),
            );
        let merged = ClaimGraph::load(&out).unwrap();
        assert_eq!(
            merged.get_claim("containers").unwrap().text,
            text,
            "{policy}"
        );
    }
    claimgraph()
        .args(["merge", "-q", REFERENCE])
        .arg(&theirs)
        .args(["-o", "-", "--policy", "keep_ours"])
        .assert()
        .success()
        .stdout(reference().to_json())
        .stderr("");
}

#[test]
fn merge_adds_what_only_the_other_graph_holds() {
    let out = stdout_of(
        claimgraph()
            .args(["merge", REFERENCE, "-", "-o", "-", "--to", "native"])
            .write_stdin(CORPUS),
    );
    let mut expected = reference();
    let (corpus, _) = ClaimGraph::from_jsonl(CORPUS.as_bytes()).unwrap();
    expected
        .merge(&corpus, claimgraph::MergePolicy::Fail)
        .unwrap();
    assert_eq!(out, expected.to_json());
}

// --- the command line itself ----------------------------------------------------------------

#[test]
fn usage_errors_exit_2() {
    claimgraph().assert().code(2);
    claimgraph().arg("no-such-command").assert().code(2);
    claimgraph()
        .args(["as-of", REFERENCE, "June"])
        .assert()
        .code(2)
        .stderr(contains("June"));
    claimgraph()
        .args(["merge", REFERENCE, REFERENCE, "-o", "-", "--policy", "keep"])
        .assert()
        .code(2)
        .stderr(contains("keep_ours"));
    claimgraph()
        .args(["merge", "-", "-", "-o", "-"])
        .assert()
        .code(2);
    claimgraph().args(["validate"]).assert().code(2);
    claimgraph()
        .args(["report", REFERENCE, "--from", "xml"])
        .assert()
        .code(2);
    claimgraph()
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("convert"));
}

#[test]
fn completions_and_the_manual_come_from_the_definition() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout_of(claimgraph().args(["completions", shell]));
        for command in ["report", "validate", "convert", "merge", "as-of"] {
            assert!(script.contains(command), "{shell}: {command} missing");
        }
    }
    let page = stdout_of(claimgraph().arg("man"));
    assert!(page.contains(".TH claimgraph 1"), "{page}");
    assert!(page.contains("as\\-of") || page.contains("as-of"));
    let dir = temp();
    claimgraph()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    for page in [
        "claimgraph.1",
        "claimgraph-report.1",
        "claimgraph-convert.1",
    ] {
        assert!(dir.path().join(page).exists(), "{page} missing");
    }
}

#[test]
fn colour_is_used_only_when_asked_for_or_on_a_terminal() {
    let missing = "/no/such/file.json";
    claimgraph()
        .args(["--color", "always", "report", missing])
        .assert()
        .code(1)
        .stderr(contains("\u{1b}["));
    for args in [
        vec!["report", missing],
        vec!["report", missing, "--color", "never"],
    ] {
        claimgraph().args(args).assert().code(1).stderr(
            contains("\u{1b}[")
                .not()
                .and(contains("error: cannot read /no/such/file.json")),
        );
    }
    // Standard error is not a terminal here: no progress bar, no notes when quiet.
    claimgraph()
        .args(["--quiet", "convert"])
        .arg(interop("prov", ".json").remove(0))
        .arg("-")
        .assert()
        .success()
        .stderr("");
}

#[test]
fn lenient_claimreview_leaves_out_what_it_cannot_read_and_says_so() {
    // The second review's rating is a word where a number belongs.
    let feed = r#"[
      {"@type": "ClaimReview", "claimReviewed": "The moon is made of cheese",
       "author": {"name": "Desk"}, "reviewRating": {"alternateName": "False"}},
      {"@type": "ClaimReview", "claimReviewed": "Cows fly",
       "author": {"name": "Desk"}, "reviewRating": {"ratingValue": "False"}}
    ]"#;
    claimgraph()
        .args(["convert", "--from", "claimreview", "-", "-"])
        .write_stdin(feed)
        .assert()
        .code(1)
        .stderr(contains("reviewRating"));
    let (expected, _) = ClaimGraph::from_claimreview_json_lenient(feed).unwrap();
    claimgraph()
        .args(["convert", "--lenient", "-", "-"])
        .write_stdin(feed)
        .assert()
        .success()
        .stdout(expected.to_json())
        .stderr(contains(
            "warning: standard input: left out $[1] (field $[1].reviewRating.ratingValue)",
        ));
    claimgraph()
        .args(["validate", "--lenient", "-q", "-"])
        .write_stdin(feed)
        .assert()
        .success()
        .stdout("")
        .stderr("");
}

// --- extract ---------------------------------------------------------------------------------

const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/reference/putin-dprk-visit-2024-06-18.txt"
);
const GUM_NEWS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/extraction/gum-news"
);

#[test]
fn extract_writes_the_draft_graph_as_native_json_with_each_source_of_its_kind() {
    let out = stdout_of(claimgraph().args(["extract", ARTICLE]));
    let g = ClaimGraph::from_json(&out).unwrap();
    let kind = |id: &str| g.get_source(id).unwrap().kind;
    assert_eq!(kind("rok-sources"), claimgraph::SourceKind::UnnamedGroup);
    assert_eq!(kind("the-west"), claimgraph::SourceKind::Collective);
    assert_eq!(kind("russia"), claimgraph::SourceKind::Government);
    assert_eq!(kind("article"), claimgraph::SourceKind::Document);
    // Russia's denial is in the draft, via the article.
    let denial = g
        .attributions()
        .find(|a| a.source == "russia" && a.stance == claimgraph::Stance::Denies)
        .expect("Russia's denial");
    assert_eq!(
        denial.via.first().map(|h| h.source.as_str()),
        Some("article")
    );
}

#[test]
fn extract_writes_other_formats_and_takes_the_article_from_the_command_line() {
    let dir = temp();
    let prov = dir.path().join("draft.prov.json");
    claimgraph()
        .args(["extract", ARTICLE, "--article", "Putin's visit to DPRK"])
        .args([
            "--url",
            "https://example.org/visit",
            "--published",
            "2024-06-18",
        ])
        .arg("-o")
        .arg(&prov)
        .assert()
        .success();
    let back = stdout_of(claimgraph().arg("convert").arg(&prov).arg("-"));
    let g = ClaimGraph::from_json(&back).unwrap();
    let article = g.get_source("article").unwrap();
    assert_eq!(article.title.as_deref(), Some("Putin's visit to DPRK"));
    assert_eq!(article.url.as_deref(), Some("https://example.org/visit"));
    assert!(article.published.is_some());
    assert!(g.get_source("rok-sources").is_ok());
}

#[test]
fn extract_spans_writes_character_offsets_in_the_evaluation_format() {
    let dir = temp();
    let file = dir.path().join("café.txt");
    let text = "Der Minister Jürgen Müller said that the café will close.";
    fs::write(&file, text).unwrap();
    let out = stdout_of(claimgraph().arg("extract").arg("--spans").arg(&file));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["doc"], "café");
    let chars: Vec<char> = text.chars().collect();
    let span = |field: &str| {
        let s = &v["attributions"][0][field];
        let (a, b) = (
            s[0].as_u64().unwrap() as usize,
            s[1].as_u64().unwrap() as usize,
        );
        chars[a..b].iter().collect::<String>()
    };
    assert_eq!(span("content"), "that the café will close.");
    assert_eq!(span("cue"), "said");
    assert!(span("source").ends_with("Jürgen Müller"));
}

#[test]
fn extract_spans_of_an_evaluation_text_are_the_extractors_predictions() {
    let gold: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(Path::new(GUM_NEWS).join("korea.json")).unwrap())
            .unwrap();
    let text = gold["text"].as_str().unwrap();
    let dir = temp();
    let file = dir.path().join("korea.txt");
    fs::write(&file, text).unwrap();
    let out = stdout_of(claimgraph().arg("extract").arg("--spans").arg(&file));
    let printed: serde_json::Value = serde_json::from_str(&out).unwrap();
    let expected = claimgraph_extract::extract(text, &Default::default())
        .unwrap()
        .to_prediction_json("korea");
    assert!(!expected["attributions"].as_array().unwrap().is_empty());
    assert_eq!(printed, expected);
}

#[test]
fn extract_records_and_html_show_where_each_record_came_from() {
    let records = stdout_of(claimgraph().args(["extract", "--records", ARTICLE]));
    let records: serde_json::Value = serde_json::from_str(&records).unwrap();
    let rok = records
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "rok-sources")
        .expect("the ROK sources' record");
    assert_eq!(rok["kind"], "source");
    let text: Vec<char> = fs::read_to_string(ARTICLE).unwrap().chars().collect();
    let first = &rok["spans"][0];
    let (a, b) = (
        first[0].as_u64().unwrap() as usize,
        first[1].as_u64().unwrap() as usize,
    );
    assert_eq!(text[a..b].iter().collect::<String>(), "ROK sources");

    let html = stdout_of(claimgraph().args(["extract", "--html", ARTICLE]));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("charset=\"utf-8\""));
    assert!(html.contains("ROK sources</span>"), "{html}");
}

#[test]
fn extract_of_a_missing_or_binary_file_names_it_and_conflicting_outputs_are_usage_errors() {
    claimgraph()
        .args(["extract", "no-such-article.txt"])
        .assert()
        .code(1)
        .stderr(contains("no-such-article.txt"));
    let dir = temp();
    let file = dir.path().join("binary.txt");
    fs::write(&file, b"first line\nsecond \xff\xfe line").unwrap();
    refused(
        claimgraph().arg("extract").arg(&file),
        &["binary.txt", "line 2", "not UTF-8"],
    );
    claimgraph()
        .args(["extract", "--spans", "--html", ARTICLE])
        .assert()
        .code(2);
    claimgraph()
        .args(["extract", ARTICLE, "-o", "draft.unknown"])
        .assert()
        .code(2)
        .stderr(contains("--to"));
}

#[test]
fn extract_reads_standard_input() {
    let out = stdout_of(
        claimgraph()
            .args(["extract", "--spans", "-"])
            .write_stdin("Critics said the plan would fail."),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["doc"], "stdin");
    assert_eq!(v["attributions"][0]["source_kind"], "unnamed_group");
}

// --- match -----------------------------------------------------------------------------------

#[test]
fn match_finds_the_claim_a_text_is_about_and_says_why() {
    let text = stdout_of(claimgraph().args([
        "match",
        REFERENCE,
        "Did North Korea ship 6700 containers of munitions to Russia?",
        "--k",
        "3",
    ]));
    assert!(text.starts_with("1. [containers] "), "{text}");
    assert!(text.contains("numbers") && text.contains("6700"), "{text}");
    assert_eq!(
        text.lines().filter(|l| !l.starts_with(' ')).count(),
        3,
        "{text}"
    );
    let json = stdout_of(claimgraph().args([
        "match",
        REFERENCE,
        "6,700 containers",
        "--k",
        "1",
        "--json",
    ]));
    let hit: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(hit["claim"], "containers");
    assert_eq!(hit["rank"], 1);
    let parts = hit["parts"].as_array().unwrap();
    assert!(parts.iter().any(|p| p["kind"] == "words"));
    let shares: f64 = parts.iter().map(|p| p["share"].as_f64().unwrap()).sum();
    assert!((shares - 1.0).abs() < 1e-6, "{shares}");
}

#[test]
fn match_thresholds_leave_out_weak_hits() {
    let text = "Putin op-ed in Rodong Sinmun";
    let all = stdout_of(claimgraph().args(["match", REFERENCE, text, "--json"]));
    let strict = stdout_of(claimgraph().args([
        "match",
        REFERENCE,
        text,
        "--json",
        "--min-shared-words",
        "3",
    ]));
    assert!(strict.lines().count() < all.lines().count(), "{strict}");
    for line in strict.lines() {
        let hit: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(hit["shared_words"].as_u64().unwrap() >= 3, "{line}");
    }
    let none = stdout_of(claimgraph().args(["match", REFERENCE, text, "--min-score", "1.01"]));
    assert_eq!(none, "no similar claim\n");
}

#[test]
fn match_answers_a_file_of_queries_as_tsv() {
    let dir = temp();
    let queries = dir.path().join("queries.tsv");
    fs::write(
        &queries,
        "# id TAB text\nq1\tcontainers of munitions\n\nq2\tPutin op-ed in Rodong Sinmun\n",
    )
    .unwrap();
    let out = stdout_of(
        claimgraph()
            .args(["match", REFERENCE, "--k", "2", "--queries"])
            .arg(&queries),
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("q1\t1\tcontainers\t"), "{out}");
    assert!(lines.iter().any(|l| l.starts_with("q2\t1\t")), "{out}");
    assert!(lines.iter().all(|l| l.split('\t').count() == 5), "{out}");
    fs::write(&queries, "q1\tcontainers\nno tab here\n").unwrap();
    refused(
        claimgraph()
            .args(["match", REFERENCE, "--queries"])
            .arg(&queries),
        &["queries.tsv", "line 2"],
    );
}

#[test]
fn match_reads_quoted_multi_line_queries_as_pandas_writes_them() {
    let dir = temp();
    let queries = dir.path().join("tweets.queries.tsv");
    fs::write(
        &queries,
        "\ttweet_content\nq1\t\"North Korea \"\"delivered\"\"\nmunitions\tcontainers\"\nq2\tPutin op-ed\n",
    )
    .unwrap();
    let out = stdout_of(
        claimgraph()
            .args(["match", REFERENCE, "--k", "1", "--json", "--queries"])
            .arg(&queries),
    );
    let ids: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["query"].to_string())
        .collect();
    assert_eq!(ids, ["\"q1\"", "\"q2\""], "{out}");
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["claim"], "containers", "{out}");
    // A quote never closed would take every later line as its text: refused, naming its line.
    fs::write(&queries, "q1\tcontainers\nq2\t\"unclosed\nq3\tammunition\n").unwrap();
    refused(
        claimgraph()
            .args(["match", REFERENCE, "--queries"])
            .arg(&queries),
        &["queries.tsv", "line 2", "never closed"],
    );
    fs::write(&queries, "q1\tcontainers\nq2\tthree\tfields\n").unwrap();
    refused(
        claimgraph()
            .args(["match", REFERENCE, "--queries"])
            .arg(&queries),
        &["queries.tsv", "line 2"],
    );
}

#[test]
fn match_against_a_claimreview_feed() {
    let feed = Path::new(INTEROP).join("claimreview/sdo-eg0324-politifact-perry-homicides.jsonld");
    let out = stdout_of(
        claimgraph()
            .arg("match")
            .arg(&feed)
            .args(["homicides committed by illegal aliens", "--json"]),
    );
    let hit: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(hit["rank"], 1);
    assert!(
        hit["claim"].as_str().unwrap().contains("homicides"),
        "{out}"
    );
}

#[test]
fn match_duplicates_suggests_same_as_pairs_not_yet_linked() {
    let dir = temp();
    let mut g2 = reference();
    g2.add_claim(claimgraph::Claim::new(
        "containers-again",
        "North Korea delivered 6,700 containers of weapons and ammunition to Russia",
    ))
    .unwrap();
    let file = dir.path().join("twice.json");
    g2.save(&file).unwrap();
    let out = stdout_of(claimgraph().arg("match").arg(&file).args([
        "--duplicates",
        "--min-score",
        "0.4",
        "--json",
    ]));
    let pairs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        pairs
            .iter()
            .any(|p| p["claim"] == "containers" && p["other"] == "containers-again"),
        "{out}"
    );
    g2.add_claim_relation(claimgraph::ClaimRelation::new(
        "containers",
        claimgraph::ClaimRelationKind::SameAs,
        "containers-again",
    ))
    .unwrap();
    g2.save(&file).unwrap();
    let out = stdout_of(claimgraph().arg("match").arg(&file).args([
        "--duplicates",
        "--min-score",
        "0.4",
        "--json",
    ]));
    assert!(!out.contains("containers-again"), "{out}");
}

#[test]
fn match_usage_errors_exit_2() {
    claimgraph().args(["match", REFERENCE]).assert().code(2);
    claimgraph()
        .args(["match", REFERENCE, "text", "--language", "klingon"])
        .assert()
        .code(2)
        .stderr(contains("klingon"));
    claimgraph()
        .args(["match", REFERENCE, "text", "--duplicates"])
        .assert()
        .code(2);
}

#[test]
fn match_keeps_the_claim_index_beside_the_graph() {
    let dir = temp();
    let graph = dir.path().join("record.json");
    reference().save(&graph).unwrap();
    let index = dir.path().join("record.index");
    let ask = || {
        claimgraph()
            .arg("match")
            .arg(&graph)
            .args(["6,700 containers", "--k", "1", "--index"])
            .arg(&index)
            .assert()
            .success()
    };
    let built = ask();
    assert!(index.exists());
    let first = built.get_output().clone();
    assert!(String::from_utf8_lossy(&first.stderr).contains("built the claim index"));
    let again = ask();
    let second = again.get_output().clone();
    assert_eq!(second.stdout, first.stdout);
    assert!(
        second.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    // The graph changes: the index is built again.
    let mut g = reference();
    g.add_claim(claimgraph::Claim::new(
        "drones",
        "Iran sold attack drones to Russia",
    ))
    .unwrap();
    g.save(&graph).unwrap();
    let out = ask().get_output().clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("again"));
    // A file that is not an index is not overwritten.
    fs::write(&index, "my notes").unwrap();
    claimgraph()
        .arg("match")
        .arg(&graph)
        .args(["containers", "--index"])
        .arg(&index)
        .assert()
        .code(1)
        .stderr(contains("record.index").and(contains("not a claim index")));
    assert_eq!(fs::read_to_string(&index).unwrap(), "my notes");
}
