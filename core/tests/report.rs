//! The readable report and its JSON form: what each option selects, on the reference article.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use claimgraph::{ClaimParts, Error, RecordKind, ReportOptions, When};
use common::reference::{putin_dprk_visit, CLAIMS, CONTAINERS};

#[test]
fn the_whole_report_has_every_claim_then_the_findings() {
    let g = putin_dprk_visit().unwrap();
    let text = g.report(&ReportOptions::whole_graph()).unwrap();
    assert!(text.starts_with(&format!("Claims ({})\n\n", CLAIMS.len())));
    for claim in CLAIMS {
        assert!(text.contains(&format!("\n[{claim}] ")), "{claim} missing");
    }
    let findings = text.find("\nFindings\n").expect("findings");
    assert!(text[..findings].contains("credibility"));
    assert!(!text.contains("As of"));
}

#[test]
fn one_claim_is_its_section_alone() {
    let g = putin_dprk_visit().unwrap();
    let text = g.report(&ReportOptions::claim(CONTAINERS)).unwrap();
    assert!(text.starts_with(&format!("[{CONTAINERS}] ")));
    assert_eq!(text.matches("\n[").count(), 0, "another claim in:\n{text}");
    for label in [
        "said",
        "origins",
        "independent",
        "chains",
        "flags",
        "credibility",
    ] {
        assert!(
            text.contains(&format!("\n  {label:<14} ")),
            "{label} missing"
        );
    }
    assert!(text.contains("denied by interested parties: dprk, russia"));
    assert!(!text.contains("Findings"));
}

#[test]
fn parts_leave_out_what_was_not_asked_for() {
    let g = putin_dprk_visit().unwrap();
    let status = g
        .report(&ReportOptions::claim(CONTAINERS).parts(ClaimParts::STATUS))
        .unwrap();
    assert!(status.contains("\n  said "));
    assert!(status.contains("\n  flags "));
    assert!(!status.contains("chains"));
    assert!(!status.contains("credibility"));

    let chains = ClaimParts {
        chains: true,
        ..ClaimParts::NONE
    };
    let text = g
        .report(&ReportOptions::claim(CONTAINERS).parts(chains))
        .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].starts_with("  chains "), "{text}");
    assert!(lines[1..].iter().all(|l| !l.contains("said")));
}

#[test]
fn findings_and_dates_can_stand_alone() {
    let g = putin_dprk_visit().unwrap();
    let findings = g.report(&ReportOptions::findings_only()).unwrap();
    assert!(findings.starts_with("Findings\n  disputed "), "{findings}");
    assert!(!findings.contains("Claims ("));

    let day_before = When::parse("2024-06-17").unwrap();
    let then = g.report(&ReportOptions::as_of_only(day_before)).unwrap();
    let total = g.counts().attributions;
    assert!(then.starts_with(&format!(
        "As of 2024-06-17\n  0 of {total} attributions on record"
    )));
}

#[test]
fn a_report_of_an_unknown_claim_names_it() {
    let g = putin_dprk_visit().unwrap();
    let err = g
        .report(&ReportOptions::claim("no-such-claim"))
        .unwrap_err();
    assert!(
        matches!(err, Error::NotFound { kind: RecordKind::Claim, ref id } if id == "no-such-claim"),
        "{err:?}"
    );
    assert!(g.report_json("no-such-claim").is_err());
}

#[test]
fn each_json_line_is_one_claim_with_the_documented_keys() {
    let g = putin_dprk_visit().unwrap();
    let lines = g.report_json_lines().unwrap();
    assert_eq!(lines.len(), CLAIMS.len());
    let mut expected: Vec<&str> = claimgraph::io::REPORT_JSON_KEYS.to_vec();
    expected.sort_unstable();
    for (line, claim) in lines.iter().zip(CLAIMS) {
        assert!(!line.contains('\n'));
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["id"], claim);
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, expected);
        assert_eq!(&g.report_json(claim).unwrap(), line);
    }
}

/// The reference article's containers claim specializes the ammunition-supply claim: its
/// assertions support the broader claim, and the report says so, in its text and in the claim's
/// JSON line.
#[test]
fn stances_counted_through_a_related_claim_are_shown_with_why() {
    let g = putin_dprk_visit().unwrap();
    let status = g.status("ammunition-supply").unwrap();
    assert!(!status.inferred.is_empty(), "{status:?}");
    let text = g
        .report(&ReportOptions::claim("ammunition-supply"))
        .unwrap();
    let related: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("  related"))
        .take(status.inferred.len())
        .collect();
    assert_eq!(related.len(), status.inferred.len(), "{text}");
    for (line, inference) in related.iter().zip(&status.inferred) {
        assert!(
            line.ends_with(&inference.detail),
            "{line:?} / {inference:?}"
        );
    }
    assert!(text.contains(&format!(
        "{} asserts {CONTAINERS}, a specialization of this claim",
        status.inferred[0].source
    )));

    let line: serde_json::Value =
        serde_json::from_str(&g.report_json("ammunition-supply").unwrap()).unwrap();
    let inferred = line["inferred"].as_array().unwrap();
    assert_eq!(inferred.len(), status.inferred.len());
    assert_eq!(inferred[0]["relation"], "specializes");
    assert_eq!(inferred[0]["claim"], CONTAINERS);

    // A claim related to nothing shows no such line.
    let lone = g.report(&ReportOptions::claim("state-visit")).unwrap();
    assert!(!lone.contains("  related"), "{lone}");
    let lone: serde_json::Value =
        serde_json::from_str(&g.report_json("state-visit").unwrap()).unwrap();
    assert_eq!(lone["inferred"], serde_json::json!([]));
}

/// "Both Russia and DPRK have denied these claims": one statement per denier covering the
/// containers and ammunition-supply claims. Each claim's section names the other claim it covers,
/// never the claim itself.
#[test]
fn a_statement_covering_several_claims_names_the_others_in_each_section() {
    let g = putin_dprk_visit().unwrap();
    for (this, other) in [
        ("ammunition-supply", CONTAINERS),
        (CONTAINERS, "ammunition-supply"),
    ] {
        let text = g.report(&ReportOptions::claim(this)).unwrap();
        let denial = text
            .lines()
            .find(|l| l.contains("denies  Russia"))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(
            denial.ends_with(&format!("also covering {other}")),
            "{this}: {denial}"
        );
    }
}
