//! The example's outputs: the JSON lines the Python and Kotlin twins must match, and the report.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimgraph::When;
use claimgraph_examples::reference::{self, putin_dprk_visit, CLAIMS, CONTAINERS};
use claimgraph_examples::{json_lines, report, JSON_LINE_KEYS};
use serde_json::Value;

fn lines() -> Vec<Value> {
    let g = putin_dprk_visit().unwrap();
    json_lines(&g)
        .unwrap()
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn json_has_one_line_per_claim_in_the_order_they_were_added() {
    let g = putin_dprk_visit().unwrap();
    let out = json_lines(&g).unwrap();
    assert_eq!(out.len(), CLAIMS.len());
    for (line, claim) in out.iter().zip(CLAIMS) {
        assert!(!line.contains('\n'), "one object per line: {line}");
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["id"], claim);
        assert_eq!(v["text"], g.claim(claim).unwrap().text.as_str());
    }
}

#[test]
fn every_json_line_has_exactly_the_documented_keys() {
    // The keys the example's documentation promises, written out rather than derived, so that a
    // change to Status or Assessment shows up here before the twins disagree.
    let documented = [
        "asserters",
        "circular_reporting",
        "deniers",
        "disputed",
        "doubters",
        "id",
        "independent_origin_count",
        "independent_origins",
        "inferred",
        "interested_deniers",
        "no_comment",
        "notes",
        "origins",
        "reasons",
        "score",
        "text",
        "unnamed_only",
        "verdicts",
    ];
    let mut keys = JSON_LINE_KEYS.to_vec();
    keys.sort();
    assert_eq!(keys, documented);
    for v in lines() {
        let got: Vec<&str> = v
            .as_object()
            .expect("each line is an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(got, documented, "{v}");
    }
}

#[test]
fn json_lines_keep_the_status_and_assessment_values() {
    let g = putin_dprk_visit().unwrap();
    let v = lines().into_iter().find(|v| v["id"] == CONTAINERS).unwrap();
    let s = g.status(CONTAINERS).unwrap();
    let a = g.assess(CONTAINERS).unwrap();
    assert_eq!(v["disputed"], true);
    assert_eq!(v["unnamed_only"], true);
    assert_eq!(v["deniers"], serde_json::json!(["dprk", "russia"]));
    assert_eq!(v["independent_origin_count"], 1);
    assert_eq!(
        v["independent_origins"].as_array().map(Vec::len),
        Some(s.independent_origin_count())
    );
    assert_eq!(v["score"].as_f64(), Some(a.score));
    assert_eq!(v["reasons"].as_array().map(Vec::len), Some(a.reasons.len()));
}

#[test]
fn the_report_covers_every_claim_the_findings_and_the_dates_asked_for() {
    let g = putin_dprk_visit().unwrap();
    let dates = [When::parse("2024-06-17").unwrap()];
    let text = report(&g, &dates).unwrap();
    for claim in CLAIMS {
        assert!(text.contains(&format!("[{claim}]")), "{claim} missing");
    }
    assert!(text.contains("Findings"));
    assert!(text.contains("As of 2024-06-17"));
    assert!(text.contains(&format!("0 of {} attributions", g.counts().attributions)));
}

#[test]
fn the_report_shows_the_op_ed_chain_up_to_putin() {
    let g = putin_dprk_visit().unwrap();
    let text = report(&g, &[]).unwrap();
    let op_ed = &g.source(reference::PUTIN_OP_ED).unwrap().name;
    let putin = &g.source(reference::PUTIN).unwrap().name;
    assert!(
        text.contains(&format!("{op_ed} -> {putin}")),
        "no op-ed chain in:\n{text}"
    );
}
