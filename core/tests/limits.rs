//! The documented limits (`claimgraph::limits`): adversarial sizes give an error naming the
//! limit, never an abort, an exhausted memory or a query that does not end.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::Command;

use claimgraph::limits::{MAX_CHAIN_LEN, MAX_CHAIN_SOURCES, MAX_LINE_BYTES, MAX_NESTING};
use claimgraph::{
    Attribution, Claim, ClaimGraph, Error, Source, SourceKind, SourceRelation, SourceRelationKind,
    Stance,
};

fn limit_exceeded<T: std::fmt::Debug>(r: claimgraph::Result<T>) -> (&'static str, String, usize) {
    match r {
        Err(Error::LimitExceeded { what, id, limit }) => (what, id, limit),
        other => panic!("expected LimitExceeded, got {other:?}"),
    }
}

// ----- JSON Lines ------------------------------------------------------------------------------

const META_HUGE_COUNTS: &str = r#"{"type":"meta","format_version":1,"counts":{"source":4194304,"claim":4194304,"attribution":4194304,"citation":4194304,"cycle_citation":4194304}}"#;

/// Not a test: ingests a meta line announcing 2^22 records of each kind under the memory cap
/// the test below sets (`ulimit -v`), and says whether it survived.
#[test]
#[ignore = "run by the memory cap test as a child process"]
fn child_ingesting_huge_counts() {
    if std::env::var_os("CLAIMGRAPH_TEST_HUGE_COUNTS").is_none() {
        return;
    }
    let corpus = format!(
        "{META_HUGE_COUNTS}\n{}\n",
        r#"{"type":"claim","id":"c0","text":"The mayor approved the budget"}"#
    );
    let (g, report) = ClaimGraph::from_jsonl(corpus.as_bytes()).unwrap();
    assert_eq!(g.counts().claims, 1);
    println!("ingested {} lines", report.lines);
}

/// The 140-byte meta line of the issue, announcing 2^22 records of each kind, once made an
/// ingest reserve about 1.2 GB up front and abort under a memory cap. Its counts are hints now.
#[test]
fn a_meta_line_announcing_millions_of_records_ingests_under_a_600_mb_memory_cap() {
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 600000; exec \"$0\" \"$@\"")
        .arg(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_ingesting_huge_counts",
            "--ignored",
            "--nocapture",
        ])
        .env("CLAIMGRAPH_TEST_HUGE_COUNTS", "1")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && said.contains("ingested 2 lines"),
        "{:?}\n{said}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_line_longer_than_the_limit_is_refused_naming_its_line_and_the_lines_before_it_are_kept() {
    let long = format!(
        r#"{{"type":"claim","id":"c1","text":"{}"}}"#,
        "x".repeat(MAX_LINE_BYTES)
    );
    let corpus = format!(
        "{}\n{}\n{long}\n{}\n",
        r#"{"type":"meta","format_version":1}"#,
        r#"{"type":"claim","id":"c0","text":"The mayor approved the budget"}"#,
        r#"{"type":"claim","id":"c2","text":"never read"}"#,
    );
    let mut g = ClaimGraph::new();
    let (what, id, limit) = limit_exceeded(g.ingest_jsonl(corpus.as_bytes()));
    assert_eq!(
        (what, id.as_str(), limit),
        (
            "bytes in a line",
            "JSON Lines input, line 3",
            MAX_LINE_BYTES
        )
    );
    assert_eq!(g.counts().claims, 1);
    assert!(g.claim("c0").is_some());
}

#[test]
fn a_line_of_exactly_the_limit_is_read() {
    let head = r#"{"type":"claim","id":"c0","text":""#;
    let tail = r#""}"#;
    let text = "y".repeat(MAX_LINE_BYTES - head.len() - tail.len());
    let line = format!("{head}{text}{tail}");
    assert_eq!(line.len(), MAX_LINE_BYTES);
    for end in ["\n", ""] {
        let corpus = format!("{}\n{line}{end}", r#"{"type":"meta","format_version":1}"#);
        let (g, _) = ClaimGraph::from_jsonl(corpus.as_bytes()).unwrap();
        assert_eq!(g.claim("c0").unwrap().text.len(), text.len());
    }
}

#[test]
fn an_endless_line_without_a_break_is_refused_after_the_limit() {
    // A reader that never ends: the ingest must stop at the limit, not read it all into memory.
    let endless = std::io::repeat(b' ');
    let input = std::io::Read::chain(&b"{\"type\":\"meta\",\"format_version\":1}\n"[..], endless);
    let (what, id, _) = limit_exceeded(ClaimGraph::from_jsonl(std::io::BufReader::new(input)));
    assert_eq!(
        (what, id.as_str()),
        ("bytes in a line", "JSON Lines input, line 2")
    );
    let (_, id, _) = limit_exceeded(ClaimGraph::from_jsonl(std::io::BufReader::new(
        std::io::repeat(b'{'),
    )));
    assert_eq!(id, "JSON Lines input, line 1");
}

// ----- nesting ---------------------------------------------------------------------------------

#[test]
fn nesting_deeper_than_the_limit_is_a_format_error_in_every_json_reader() {
    let deep = format!(
        "{}{}",
        "[".repeat(MAX_NESTING + 1),
        "]".repeat(MAX_NESTING + 1)
    );
    let native = format!(r#"{{"format":"claimgraph","version":1,"sources":{deep}}}"#);
    assert!(matches!(
        ClaimGraph::from_json(&native),
        Err(Error::Format { .. })
    ));
    let jsonl = format!("{{\"type\":\"meta\",\"format_version\":1,\"counts\":{deep}}}\n");
    assert!(matches!(
        ClaimGraph::from_jsonl(jsonl.as_bytes()),
        Err(Error::Format { .. })
    ));
    let prov = format!(r#"{{"entity":{deep}}}"#);
    assert!(matches!(
        ClaimGraph::from_prov_json(&prov),
        Err(Error::Format { .. })
    ));
    // Far deeper than any stack could recurse through.
    let very_deep = "[".repeat(1_000_000);
    assert!(ClaimGraph::from_claimreview_json(&very_deep).is_err());
}

// ----- chains ----------------------------------------------------------------------------------

/// Sources `p0 -> p1 -> ... -> p{n-1}` citing down the line, and a claim asserted by `p0`.
fn cited_line(n: usize) -> ClaimGraph {
    let mut g = ClaimGraph::new();
    for i in 0..n {
        g.add_source(Source::new(
            format!("p{i}"),
            SourceKind::Outlet,
            format!("Outlet {i}"),
        ))
        .unwrap();
    }
    for i in 1..n {
        g.add_source_relation(SourceRelation::new(
            format!("p{}", i - 1),
            SourceRelationKind::Cites,
            format!("p{i}"),
        ))
        .unwrap();
    }
    g.add_claim(Claim::new("c", "The claim")).unwrap();
    g.add_attribution(Attribution::new("p0", "c", Stance::Asserts))
        .unwrap();
    g
}

#[test]
fn a_chain_of_the_longest_length_is_listed_and_a_longer_one_is_refused() {
    let g = cited_line(MAX_CHAIN_LEN);
    let chains = g.chains("c").unwrap();
    assert_eq!(chains.len(), 1);
    assert_eq!(chains[0].path.len(), MAX_CHAIN_LEN);

    let g = cited_line(MAX_CHAIN_LEN + 1);
    let (what, id, limit) = limit_exceeded(g.chains("c"));
    assert_eq!(
        (what, id.as_str(), limit),
        ("sources on a chain", "c", MAX_CHAIN_LEN)
    );
}

#[test]
fn many_long_chains_sharing_their_path_are_refused_before_they_fill_memory() {
    // A line of 9,000 sources whose last one cites 500 others: 500 chains of 9,001 sources.
    let n = 9_000;
    let mut g = cited_line(n);
    for leaf in 0..500 {
        g.add_source(Source::new(
            format!("leaf{leaf}"),
            SourceKind::Person,
            "A person",
        ))
        .unwrap();
        g.add_source_relation(SourceRelation::new(
            format!("p{}", n - 1),
            SourceRelationKind::Cites,
            format!("leaf{leaf}"),
        ))
        .unwrap();
    }
    let (what, _, limit) = limit_exceeded(g.chains("c"));
    assert_eq!((what, limit), ("sources on all chains", MAX_CHAIN_SOURCES));
    // Half as many leaves fit.
    for leaf in 250..500 {
        g.remove_source(&format!("leaf{leaf}")).unwrap();
    }
    assert_eq!(g.chains("c").unwrap().len(), 250);
}
