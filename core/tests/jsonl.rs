//! JSON Lines bulk ingest: the mapping of every field, errors that name their line, cycle
//! citations on request, and the benchmark checksums on the shared 10,000-claim corpus.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use claimgraph::io::{IngestReport, JsonlOptions};
use claimgraph::{
    ClaimGraph, Error, Location, Modality, SourceKind, SourceRelationKind, Stance, When,
};
use sha2::{Digest, Sha256};

const META: &str = r#"{"type":"meta","format_version":1,"generator":"hand","seed":1,"n_claims":2,"counts":{"source":4,"claim":2,"attribution":3,"citation":2,"cycle_citation":1}}"#;

/// A corpus with every record type and every field, including a quote that needs escapes and
/// a cycle-flagged citation.
fn corpus() -> String {
    [
        META,
        r#"{"type":"source","id":"s0","kind":"person","name":"Ana Abe","anonymous":false}"#,
        r#"{"type":"source","id":"s1","kind":"organization","name":"Port Authority 1","anonymous":false}"#,
        r#"{"type":"source","id":"s2","kind":"outlet","name":"The Berg \"Daily\"","anonymous":false}"#,
        r#"{"type":"source","id":"s3","kind":"anonymous_group","name":"anonymous: senior staff","anonymous":true}"#,
        r#"{"type":"citation","id":"x0","from":"s2","to":"s1","date":"2021-03-04","cycle":false}"#,
        r#"{"type":"citation","id":"x1","from":"s1","to":"s3","date":"2022-12-28","cycle":false}"#,
        r#"{"type":"citation","id":"x2","from":"s3","to":"s2","date":"2023-01-01","cycle":true}"#,
        r#"{"type":"claim","id":"c0","text":"The mayor approved the budget in the north (#0)"}"#,
        r#"{"type":"attribution","id":"a0","source":"s2","claim":"c0","stance":"asserts","date":"2020-01-15","quote":"we \"never\" said \u00e9\\n"}"#,
        r#"{"type":"attribution","id":"a1","source":"s0","claim":"c0","stance":"denies","date":"2024-12-28","quote":null}"#,
        r#"{"type":"claim","id":"c1","text":"Ünïcödé claim — 漢字"}"#,
        r#"{"type":"attribution","id":"a2","source":"s3","claim":"c1","stance":"asserts","date":"2022-02-02","quote":"plain"}"#,
    ]
    .join("\n")
        + "\n"
}

fn ingest(text: &str) -> claimgraph::Result<(ClaimGraph, IngestReport)> {
    ClaimGraph::from_jsonl(text.as_bytes())
}

/// The location of a JSON Lines format error, or a failure naming what came instead.
fn format_error(result: claimgraph::Result<impl std::fmt::Debug>) -> (Location, String) {
    match result {
        Err(Error::Format {
            format,
            location,
            message,
        }) => {
            assert_eq!(format, "JSON Lines");
            (location, message)
        }
        other => panic!("expected a JSON Lines format error, got {other:?}"),
    }
}

/// The corpus with line `n` (1-based) replaced.
fn with_line(n: usize, line: &str) -> String {
    let text = corpus();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[n - 1] = line;
    lines.join("\n") + "\n"
}

// ----- mapping -----------------------------------------------------------------------------------

#[test]
fn every_field_of_every_record_type_is_mapped() {
    let (g, report) = ingest(&corpus()).unwrap();
    assert_eq!(
        report,
        IngestReport {
            lines: 13,
            sources: 4,
            claims: 2,
            attributions: 3,
            citations: 2,
            skipped_cycle_citations: 1,
        }
    );

    let s2 = g.source("s2").unwrap();
    assert_eq!(s2.kind, SourceKind::Outlet);
    assert_eq!(s2.name, "The Berg \"Daily\"");
    assert_eq!(g.source("s0").unwrap().kind, SourceKind::Person);
    assert_eq!(g.source("s1").unwrap().kind, SourceKind::Organization);
    assert_eq!(g.source("s3").unwrap().kind, SourceKind::UnnamedGroup);

    let x0 = g.source_relation("x0").unwrap();
    assert_eq!((x0.from.as_str(), x0.to.as_str()), ("s2", "s1"));
    assert_eq!(x0.kind, SourceRelationKind::Cites);
    assert_eq!(x0.date, Some(When::parse("2021-03-04").unwrap()));

    assert_eq!(g.claim("c1").unwrap().text, "Ünïcödé claim — 漢字");

    let a0 = g.attribution("a0").unwrap();
    assert_eq!((a0.source.as_str(), a0.claim.as_str()), ("s2", "c0"));
    assert_eq!(a0.stance, Stance::Asserts);
    assert_eq!(a0.modality, Modality::Stated);
    assert_eq!(a0.said, Some(When::parse("2020-01-15").unwrap()));
    assert_eq!(a0.quote.as_deref(), Some("we \"never\" said é\\n"));
    assert!(a0.via.is_empty());
    let a1 = g.attribution("a1").unwrap();
    assert_eq!(a1.stance, Stance::Denies);
    assert_eq!(a1.quote, None);
    assert_eq!(g.attribution("a2").unwrap().quote.as_deref(), Some("plain"));
}

#[test]
fn cycle_citations_are_left_out_by_default_and_added_on_request() {
    let (g, report) = ingest(&corpus()).unwrap();
    assert!(g.source_relation("x2").is_none());
    assert_eq!(report.skipped_cycle_citations, 1);

    let (g, report) = ClaimGraph::from_jsonl_with(
        corpus().as_bytes(),
        JsonlOptions {
            include_cycles: true,
        },
    )
    .unwrap();
    let x2 = g.source_relation("x2").unwrap();
    assert_eq!((x2.from.as_str(), x2.to.as_str()), ("s3", "s2"));
    assert_eq!(report.citations, 3);
    assert_eq!(report.skipped_cycle_citations, 0);
}

#[test]
fn crlf_line_endings_and_blank_lines_are_accepted() {
    let text = corpus()
        .replace('\n', "\r\n")
        .replace("\r\n{\"type\":\"claim\"", "\r\n\r\n{\"type\":\"claim\"");
    let (_, report) = ingest(&text).unwrap();
    assert_eq!(report.claims, 2);
    assert_eq!(report.lines, 15);
}

#[test]
fn ingest_adds_to_an_existing_graph() {
    let mut g = ClaimGraph::new();
    g.add_source(claimgraph::Source::new(
        "s9",
        SourceKind::Government,
        "Elsewhere",
    ))
    .unwrap();
    let report = g.ingest_jsonl(corpus().as_bytes()).unwrap();
    assert_eq!(report.sources, 4);
    assert_eq!(g.counts().sources, 5);
}

// ----- errors ------------------------------------------------------------------------------------

#[test]
fn bad_json_names_its_line_and_column() {
    let (loc, _) = format_error(ingest(&with_line(3, r#"{"type":"source","id":"s1",}"#)));
    assert_eq!(loc.line, Some(3));
    assert_eq!(loc.column, Some(28));
}

#[test]
fn an_unknown_type_names_its_line() {
    let (loc, message) = format_error(ingest(&with_line(
        9,
        r#"{"type":"rumour","id":"r0","text":"x"}"#,
    )));
    assert_eq!(loc.line, Some(9));
    assert!(message.contains("rumour"), "{message}");
}

#[test]
fn a_dangling_source_names_the_line_the_record_and_the_missing_id() {
    let (loc, message) = format_error(ingest(&with_line(
        10,
        r#"{"type":"attribution","id":"a0","source":"s99","claim":"c0","stance":"asserts","date":"2020-01-15","quote":null}"#,
    )));
    assert_eq!(loc.line, Some(10));
    assert_eq!(loc.record.as_deref(), Some("a0"));
    assert!(message.contains("s99"), "{message}");
}

#[test]
fn attributions_find_their_claim_wherever_it_is_and_ids_may_hold_escapes() {
    // a3 goes back to c0 after c1's attribution; a4's ids are written with escapes; a5 names a
    // source as its claim right after an attribution of c1.
    let text = corpus()
        + r#"{"type":"attribution","id":"a3","source":"s1","claim":"c0","stance":"doubts","date":"2021-01-01","quote":null}"#
        + "\n"
        + r#"{"type":"attribution","id":"a\u0034","source":"s\u0031","claim":"c\u0031","stance":"asserts","date":"2021-01-02","quote":null}"#
        + "\n";
    let (g, report) = ingest(&text).unwrap();
    assert_eq!(report.attributions, 5);
    let of_c0 = g.attributions_of("c0").unwrap();
    assert!(of_c0.iter().any(|a| a.id == "a3" && a.source == "s1"));
    let of_c1 = g.attributions_of("c1").unwrap();
    assert!(of_c1.iter().any(|a| a.id == "a4" && a.source == "s1"));

    let wrong = text.clone()
        + r#"{"type":"attribution","id":"a5","source":"s1","claim":"s2","stance":"asserts","date":"2021-01-03","quote":null}"#
        + "\n";
    let (loc, message) = format_error(ingest(&wrong));
    assert_eq!(loc.line, Some(16));
    assert_eq!(loc.record.as_deref(), Some("a5"));
    assert!(message.contains("s2"), "{message}");

    let again = text
        + r#"{"type":"attribution","id":"a4","source":"s1","claim":"c1","stance":"asserts","date":"2021-01-03","quote":null}"#
        + "\n";
    let (loc, message) = format_error(ingest(&again));
    assert_eq!(loc.line, Some(16));
    assert_eq!(loc.record.as_deref(), Some("a4"));
    assert!(message.contains("already used"), "{message}");
}

#[test]
fn a_duplicate_id_names_its_line() {
    let (loc, message) = format_error(ingest(&with_line(
        12,
        r#"{"type":"claim","id":"c0","text":"again"}"#,
    )));
    assert_eq!(loc.line, Some(12));
    assert_eq!(loc.record.as_deref(), Some("c0"));
    assert!(message.contains("already used"), "{message}");
}

#[test]
fn a_missing_meta_line_is_an_error_at_line_1() {
    let text = corpus();
    let without_meta: String = text.lines().skip(1).map(|l| format!("{l}\n")).collect();
    let (loc, message) = format_error(ingest(&without_meta));
    assert_eq!(loc.line, Some(1));
    assert!(message.contains("meta"), "{message}");

    let (loc, _) = format_error(ingest(""));
    assert_eq!(loc.line, Some(1));
}

#[test]
fn a_second_meta_line_is_refused() {
    let (loc, _) = format_error(ingest(&with_line(6, META)));
    assert_eq!(loc.line, Some(6));
}

#[test]
fn anonymous_must_agree_with_the_kind() {
    for line in [
        r#"{"type":"source","id":"s1","kind":"organization","name":"Port Authority 1","anonymous":true}"#,
        r#"{"type":"source","id":"s1","kind":"anonymous_group","name":"staff","anonymous":false}"#,
    ] {
        let (loc, message) = format_error(ingest(&with_line(3, line)));
        assert_eq!(loc.line, Some(3));
        assert_eq!(loc.record.as_deref(), Some("s1"));
        assert!(message.contains("anonymous"), "{message}");
    }
}

#[test]
fn another_format_version_is_unsupported_at_line_1() {
    let meta = META.replace("\"format_version\":1", "\"format_version\":2");
    match ingest(&with_line(1, &meta)) {
        Err(Error::UnsupportedVersion {
            found,
            supported,
            location,
            ..
        }) => {
            assert_eq!((found, supported), (2, 1));
            assert_eq!(location.line, Some(1));
        }
        other => panic!("expected UnsupportedVersion, got {other:?}"),
    }
    let meta = META.replace("\"format_version\":1,", "");
    let (loc, message) = format_error(ingest(&with_line(1, &meta)));
    assert_eq!(loc.line, Some(1));
    assert!(message.contains("format_version"), "{message}");
}

#[test]
fn missing_unknown_and_misplaced_fields_name_the_field_and_line() {
    let cases = [
        (r#"{"type":"claim","id":"c0"}"#, "text"),
        (
            r#"{"type":"claim","id":"c0","text":"t","txet":"typo"}"#,
            "txet",
        ),
        (
            r#"{"type":"claim","id":"c0","text":"t","stance":"asserts"}"#,
            "stance",
        ),
        (r#"{"type":"claim","text":"t"}"#, "id"),
    ];
    for (line, field) in cases {
        let (loc, message) = format_error(ingest(&with_line(9, line)));
        assert_eq!(loc.line, Some(9), "{line}");
        assert!(message.contains(field), "{line}: {message}");
    }
}

#[test]
fn bad_values_name_the_field() {
    let cases = [
        (
            10,
            r#"{"type":"attribution","id":"a0","source":"s2","claim":"c0","stance":"maybe","date":"2020-01-15","quote":null}"#,
            "stance",
        ),
        (
            10,
            r#"{"type":"attribution","id":"a0","source":"s2","claim":"c0","stance":"asserts","date":"2020-02-30","quote":null}"#,
            "date",
        ),
        (
            2,
            r#"{"type":"source","id":"s0","kind":"wizard","name":"Ana Abe","anonymous":false}"#,
            "kind",
        ),
        (9, r#"{"type":"claim","id":"c0","text":"   "}"#, "text"),
    ];
    for (n, line, field) in cases {
        let (loc, message) = format_error(ingest(&with_line(n, line)));
        assert_eq!(loc.line, Some(n as u64), "{line}");
        assert!(message.contains(field), "{line}: {message}");
    }
}

#[test]
fn on_error_ingest_keeps_the_lines_before_and_from_jsonl_returns_nothing() {
    let bad = with_line(12, r#"{"type":"claim","id":"c1","text":""}"#);
    let mut g = ClaimGraph::new();
    let err = g.ingest_jsonl(bad.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("line 12"), "{err}");
    // Lines 2-11: four sources, two DAG citations, one claim and two attributions.
    let c = g.counts();
    assert_eq!(
        (c.sources, c.source_relations, c.claims, c.attributions),
        (4, 2, 1, 2)
    );
    assert!(ingest(&bad).is_err());
}

#[test]
fn a_failing_reader_is_an_io_error() {
    struct Failing(usize);
    impl std::io::Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0 == 0 {
                return Err(std::io::Error::other("disk on fire"));
            }
            let line = format!("{META}\n");
            let n = line.len().min(buf.len());
            buf[..n].copy_from_slice(&line.as_bytes()[..n]);
            self.0 -= 1;
            Ok(n)
        }
    }
    let reader = std::io::BufReader::new(Failing(1));
    match ClaimGraph::from_jsonl(reader) {
        Err(Error::Io { source, .. }) => assert!(source.to_string().contains("disk on fire")),
        other => panic!("expected an I/O error, got {other:?}"),
    }
}

// ----- the benchmark checksums -------------------------------------------------------------------

/// The folder of shared design files, beside the checkout.
fn shared() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    assert!(
        dir.join("bench/gen_corpus.py").is_file(),
        "the shared benchmark files are missing: expected {} beside the checkout",
        dir.join("bench/gen_corpus.py").display()
    );
    dir
}

fn python(args: &[&str]) -> String {
    let out = Command::new("python3")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("python3 is needed to generate the benchmark corpus: {e}"));
    assert!(
        out.status.success(),
        "python3 {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const N: usize = 10_000;

/// The 10,000-claim corpus, generated once per test run.
fn corpus_10k() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let target = dir.join(format!("corpus-{N}.jsonl"));
        // Generate under a name of this process, then rename: runs side by side never see a
        // half-written corpus.
        let partial = dir.join(format!("corpus-{N}.{}.jsonl", std::process::id()));
        let script = shared().join("bench/gen_corpus.py");
        python(&[
            script.to_str().unwrap(),
            &N.to_string(),
            partial.to_str().unwrap(),
        ]);
        std::fs::rename(&partial, &target).unwrap();
        target
    })
}

fn load_10k(options: JsonlOptions) -> (ClaimGraph, IngestReport) {
    let file = std::fs::File::open(corpus_10k()).unwrap();
    ClaimGraph::from_jsonl_with(std::io::BufReader::new(file), options).unwrap()
}

fn sha256_16(mut lines: Vec<String>) -> String {
    lines.sort();
    let digest = Sha256::digest(lines.join("\n").as_bytes());
    digest
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()[..16]
        .to_owned()
}

/// The W2 (and R1) checksum: one line per claim, as bench/common.py `w2_digest` writes it.
fn w2_digest(g: &ClaimGraph) -> String {
    let lines = g
        .statuses()
        .iter()
        .map(|s| {
            format!(
                "{}\t{}\t{}\t{}\t{}",
                s.claim,
                s.asserters.len(),
                s.deniers.len(),
                u8::from(s.disputed),
                s.origins.len()
            )
        })
        .collect();
    sha256_16(lines)
}

#[test]
fn the_10k_corpus_ingests_with_the_counts_its_meta_line_announces() {
    let (g, report) = load_10k(JsonlOptions::default());
    // The figures WORKLOAD.md gives for N=10,000 with the default seed.
    assert_eq!(report.sources, 2_000);
    assert_eq!(report.claims, 10_000);
    assert_eq!(report.attributions, 26_308);
    assert_eq!(report.citations, 949);
    assert_eq!(report.skipped_cycle_citations, 3);
    let c = g.counts();
    assert_eq!(
        (c.sources, c.claims, c.attributions),
        (2_000, 10_000, 26_308)
    );
    assert_eq!(c.source_relations, 949);
}

#[test]
fn w2_status_checksum_matches_the_reference_peers() {
    let (g, _) = load_10k(JsonlOptions::default());
    assert_eq!(w2_digest(&g), "bc22f7c82ee1e02f");
}

#[test]
fn r1_status_with_cycles_checksum_matches_the_reference_peers() {
    let (g, _) = load_10k(JsonlOptions {
        include_cycles: true,
    });
    assert_eq!(w2_digest(&g), "87c82b8592ee5b8c");
}

#[test]
fn w3_chains_checksum_matches_the_reference_peers() {
    let (g, _) = load_10k(JsonlOptions::default());
    let sample = python(&[
        "-c",
        &format!(
            "import random; print(' '.join('c%d' % i for i in random.Random(7).sample(range({N}), 1000)))"
        ),
    ]);
    let claims: Vec<&str> = sample.split_whitespace().collect();
    assert_eq!(claims.len(), 1000);
    let mut lines = Vec::new();
    for c in claims {
        for chain in g.chains(c).unwrap() {
            let mut fields = vec![chain.claim.clone(), chain.stance.as_str().to_owned()];
            fields.extend(chain.path.iter().cloned());
            lines.push(fields.join("\t"));
        }
    }
    assert_eq!(sha256_16(lines), "ce1fac59c0697162");
}

/// A corpus of `claims` claims of one attribution each, long enough to be parsed in many pieces.
fn long_corpus(claims: usize) -> Vec<String> {
    let mut lines = vec![
        r#"{"type":"meta","format_version":1}"#.to_owned(),
        r#"{"type":"source","id":"s0","kind":"outlet","name":"The Daily","anonymous":false}"#
            .to_owned(),
    ];
    for i in 0..claims {
        lines.push(format!(
            r#"{{"type":"claim","id":"c{i}","text":"The council delayed the bridge project, report number {i}"}}"#
        ));
        lines.push(format!(
            r#"{{"type":"attribution","id":"a{i}","source":"s0","claim":"c{i}","stance":"asserts","date":"2021-05-06","quote":null}}"#
        ));
    }
    lines
}

#[test]
fn a_long_corpus_keeps_every_record_in_order() {
    let lines = long_corpus(20_000);
    let (g, report) = ingest(&(lines.join("\n") + "\n")).unwrap();
    assert_eq!(report.lines, lines.len() as u64);
    assert_eq!((report.claims, report.attributions), (20_000, 20_000));
    let order: Vec<&str> = g.claims().map(|c| c.id.as_str()).collect();
    assert_eq!(order.first(), Some(&"c0"));
    assert_eq!(order.last(), Some(&"c19999"));
    assert!(order.windows(2).all(|w| {
        let n = |s: &str| s[1..].parse::<usize>().unwrap();
        n(w[0]) + 1 == n(w[1])
    }));
}

#[test]
fn an_error_deep_in_a_long_corpus_names_its_line_and_keeps_what_came_before() {
    let mut lines = long_corpus(20_000);
    // Line 30,002 (1-based) is claim c14999's attribution; make it name a source that is not there.
    let bad = 30_002;
    lines[bad - 1] = lines[bad - 1].replace(r#""source":"s0""#, r#""source":"ghost""#);
    let text = lines.join("\n") + "\n";
    let (location, message) = format_error(ingest(&text).map(|(_, report)| report));
    assert_eq!(location.line, Some(bad as u64));
    assert_eq!(location.record.as_deref(), Some("a14999"));
    assert!(message.contains("ghost"), "{message}");

    let mut g = ClaimGraph::new();
    assert!(g.ingest_jsonl(text.as_bytes()).is_err());
    let counts = g.counts();
    assert_eq!(
        counts.claims, 15_000,
        "claims c0..=c14999 come before the bad line"
    );
    assert_eq!(counts.attributions, 14_999);
}

// ----- files -------------------------------------------------------------------------------------

#[test]
fn a_corpus_file_is_read_and_its_errors_name_the_file_and_the_line() {
    let dir = std::env::temp_dir().join(format!("claimgraph-jsonl-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.jsonl");
    std::fs::write(&good, corpus()).unwrap();
    let (g, report) = ClaimGraph::from_jsonl_file(&good, JsonlOptions::default()).unwrap();
    assert_eq!(report.claims, 2);
    assert_eq!(g, ingest(&corpus()).unwrap().0);

    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, with_line(3, "{not json")).unwrap();
    let mut g = ClaimGraph::new();
    let (location, _) = format_error(g.ingest_jsonl_file(&bad, JsonlOptions::default()));
    assert_eq!(location.path.as_deref(), Some(bad.as_path()));
    assert_eq!(location.line, Some(3));

    let missing = dir.join("missing.jsonl");
    match ClaimGraph::from_jsonl_file(&missing, JsonlOptions::default()) {
        Err(Error::Io { action, path, .. }) => {
            assert_eq!(action, "open");
            assert_eq!(path, missing);
        }
        other => panic!("expected an Io error, got {other:?}"),
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
