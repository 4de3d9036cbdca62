//! PROV-O as N-Triples: one well-formed triple per line, every record and field present, and
//! text that would break a line escaped.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use claimgraph::{Attribution, Claim, ClaimGraph, Source, SourceKind, Stance};

const CG: &str = "https://claimgraph.org/ns#";
const RDF_TYPE: &str = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";

fn ntriples(g: &ClaimGraph) -> (u64, String) {
    let mut out = Vec::new();
    let n = g.write_ntriples(&mut out).unwrap();
    (n, String::from_utf8(out).unwrap())
}

/// Splits a line into subject, predicate and object, checking the N-Triples shape on the way:
/// IRIs in angle brackets with none of the characters an IRI cannot hold, literals quoted with
/// no raw line break, a final " .".
fn parse_line(line: &str) -> (&str, &str, &str) {
    let body = line
        .strip_suffix(" .")
        .unwrap_or_else(|| panic!("no final ' .': {line}"));
    let iri_end = |s: &str| {
        assert!(s.starts_with('<'), "not an IRI: {s}");
        let end = s.find('>').unwrap();
        let iri = &s[1..end];
        assert!(
            !iri.chars()
                .any(|c| c.is_whitespace() || "<\"{}|^`\\".contains(c)),
            "bad IRI {iri:?}"
        );
        end + 1
    };
    let s_end = iri_end(body);
    let rest = body[s_end..].strip_prefix(' ').unwrap();
    let p_end = iri_end(rest);
    let o = rest[p_end..].strip_prefix(' ').unwrap();
    if o.starts_with('"') {
        // The literal ends at the last quote, and every quote inside is escaped.
        let close = o.rfind('"').unwrap();
        assert!(close > 0, "unterminated literal: {line}");
        let inner = &o[1..close];
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => assert!(
                    matches!(chars.next(), Some('"' | '\\' | 'n' | 'r' | 't' | 'u')),
                    "bad escape in {line}"
                ),
                '"' => panic!("unescaped quote in {line}"),
                c => assert!(!c.is_control(), "raw control character in {line}"),
            }
        }
        let tail = &o[close + 1..];
        assert!(
            tail.is_empty() || tail.starts_with("^^<"),
            "bad literal tail {tail:?}"
        );
    } else {
        assert_eq!(iri_end(o), o.len(), "object is not one IRI: {line}");
    }
    (&body[..s_end], &rest[..p_end], o)
}

fn count_typed(text: &str, class: &str) -> usize {
    let o = format!("<{CG}{class}>");
    text.lines()
        .map(parse_line)
        .filter(|(_, p, obj)| *p == RDF_TYPE && *obj == o)
        .count()
}

#[test]
fn every_line_is_one_triple_and_the_count_is_returned() {
    let g = common::every_field::every_field();
    let (n, text) = ntriples(&g);
    assert!(text.ends_with(".\n"));
    assert_eq!(text.lines().count() as u64, n);
    for line in text.lines() {
        parse_line(line);
    }
}

#[test]
fn each_record_is_typed_once_so_a_store_can_count_them() {
    for g in [
        common::every_field::every_field(),
        common::reference::putin_dprk_visit().unwrap(),
    ] {
        let (_, text) = ntriples(&g);
        let c = g.counts();
        assert_eq!(count_typed(&text, "Source"), c.sources);
        assert_eq!(count_typed(&text, "Claim"), c.claims);
        assert_eq!(count_typed(&text, "Attribution"), c.attributions);
        assert_eq!(count_typed(&text, "SourceRelation"), c.source_relations);
        assert_eq!(count_typed(&text, "ClaimRelation"), c.claim_relations);
        assert_eq!(count_typed(&text, "Verdict"), c.verdicts);
    }
}

#[test]
fn an_attribution_carries_its_stance_quote_date_and_via_on_the_qualified_node() {
    let mut g = ClaimGraph::new();
    g.add_source(Source::new("article", SourceKind::Document, "Analysis"))
        .unwrap();
    g.add_source(Source::new("russia", SourceKind::Government, "Russia"))
        .unwrap();
    g.add_claim(Claim::new(
        "ammo",
        "DPRK supplies \"ammunition\"\nto Russia",
    ))
    .unwrap();
    g.add_attribution(
        Attribution::new("russia", "ammo", Stance::Denies)
            .with_id("russia denies: ammo")
            .via("article")
            .said("2024-06".parse().unwrap())
            .quote("mad \\ rumors"),
    )
    .unwrap();
    let (_, text) = ntriples(&g);
    let edge = "<urn:claimgraph:edge:russia%20denies%3A%20ammo>";
    let about: Vec<(&str, &str)> = text
        .lines()
        .map(parse_line)
        .filter(|(s, _, _)| *s == edge)
        .map(|(_, p, o)| (p, o))
        .collect();
    let has = |p: &str, o: &str| about.contains(&(p, o));
    assert!(has(&format!("<{CG}stance>"), "\"denies\""), "{about:?}");
    assert!(has(&format!("<{CG}modality>"), "\"stated\""));
    assert!(has(&format!("<{CG}quote>"), "\"mad \\\\ rumors\""));
    assert!(has(
        &format!("<{CG}said>"),
        "\"2024-06\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>"
    ));
    assert!(has(&format!("<{CG}via>"), "<urn:claimgraph:node:article>"));
    assert!(has(
        "<http://www.w3.org/ns/prov#agent>",
        "<urn:claimgraph:node:russia>"
    ));
    assert!(text.contains(
        "<urn:claimgraph:node:ammo> <http://www.w3.org/ns/prov#qualifiedAttribution> <urn:claimgraph:edge:russia%20denies%3A%20ammo> ."
    ));
    assert!(text.contains("\"DPRK supplies \\\"ammunition\\\"\\nto Russia\""));
}

#[test]
fn citations_are_prov_quotations_that_a_property_path_can_follow() {
    let g = common::every_field::every_field();
    let (_, text) = ntriples(&g);
    let quoted = text
        .lines()
        .map(parse_line)
        .filter(|(_, p, _)| *p == "<http://www.w3.org/ns/prov#wasQuotedFrom>")
        .count();
    let cites = g
        .source_relations()
        .filter(|r| r.kind == claimgraph::SourceRelationKind::Cites)
        .count();
    assert_eq!(quoted, cites);
    assert!(cites > 0);
    // Authorship is the other edge origins follow: an attribution from the document to its
    // author, beside the claims' attributions to sources.
    assert!(text.contains(
        "<urn:claimgraph:node:op-ed%20%231> <http://www.w3.org/ns/prov#wasAttributedTo> <urn:claimgraph:node:putin> ."
    ));
}
