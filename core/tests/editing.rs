//! Editing a graph through its public API: adding, reading back, updating and removing every
//! kind of record, the typed errors a caller reacts to, and the promise that a failed change
//! leaves the graph as it was.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::fmt::Debug;

use claimgraph::{
    Attribution, Claim, ClaimGraph, ClaimRelation, ClaimRelationKind, Counts, Error, Modality,
    Period, Quantity, Rating, RecordKind, Records, Reliability, Source, SourceKind, SourceRelation,
    SourceRelationKind, Stance, Verdict, When, MAX_ID_LEN,
};
use proptest::prelude::*;

fn when(s: &str) -> When {
    s.parse().unwrap()
}

/// Sources and claims from the reference article, with one record of every edge kind.
///
/// - putin (person) affiliated with russia (government); rodong (outlet) cites putin
/// - rok-sources (unnamed group) reported via yonhap (outlet)
/// - claims: ammo (subjects russia, dprk), containers; containers specializes ammo
/// - attributions: a-rok (rok-sources asserts containers via yonhap), a-russia (russia denies
///   ammo), a-putin (putin asserts ammo)
/// - verdict v-pf by politifact on containers
fn sample() -> ClaimGraph {
    let mut g = ClaimGraph::new();
    for s in [
        Source::new("putin", SourceKind::Person, "Vladimir Putin"),
        Source::new("russia", SourceKind::Government, "Russia"),
        Source::new("dprk", SourceKind::Government, "DPRK").alias("North Korea"),
        Source::new("rodong", SourceKind::Outlet, "Rodong Sinmun"),
        Source::new("yonhap", SourceKind::Outlet, "Yonhap"),
        Source::new("rok-sources", SourceKind::UnnamedGroup, "ROK sources"),
        Source::new("politifact", SourceKind::Organization, "PolitiFact"),
    ] {
        g.add_source(s).unwrap();
    }
    g.add_claim(
        Claim::new("ammo", "DPRK supplies ammunition to Russia")
            .subject("russia")
            .subject("dprk"),
    )
    .unwrap();
    g.add_claim(Claim::new(
        "containers",
        "DPRK delivered 6,700 containers of munitions to Russia",
    ))
    .unwrap();
    g.add_source_relation(
        SourceRelation::new("putin", SourceRelationKind::AffiliatedWith, "russia").with_id("r-aff"),
    )
    .unwrap();
    g.add_source_relation(
        SourceRelation::new("rodong", SourceRelationKind::Cites, "putin").with_id("r-cites"),
    )
    .unwrap();
    g.add_claim_relation(
        ClaimRelation::new("containers", ClaimRelationKind::Specializes, "ammo").with_id("cr-1"),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("rok-sources", "containers", Stance::Asserts)
            .with_id("a-rok")
            .via("yonhap"),
    )
    .unwrap();
    g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies).with_id("a-russia"))
        .unwrap();
    g.add_attribution(Attribution::new("putin", "ammo", Stance::Asserts).with_id("a-putin"))
        .unwrap();
    g.add_verdict(Verdict::new("politifact", "containers", "Unproven").with_id("v-pf"))
        .unwrap();
    g
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|t| id(t).to_owned()).collect()
}

fn not_found<T: Debug>(r: claimgraph::Result<T>) -> (RecordKind, String) {
    match r {
        Err(Error::NotFound { kind, id }) => (kind, id),
        other => panic!("expected not found, got {other:?}"),
    }
}

fn duplicate<T: Debug>(r: claimgraph::Result<T>) -> (String, RecordKind) {
    match r {
        Err(Error::DuplicateId { id, existing }) => (id, existing),
        other => panic!("expected a duplicate id, got {other:?}"),
    }
}

fn invalid_field<T: Debug>(r: claimgraph::Result<T>) -> (String, &'static str) {
    match r {
        Err(Error::InvalidField { id, field, .. }) => (id, field),
        other => panic!("expected an invalid field, got {other:?}"),
    }
}

fn invalid_id<T: Debug>(r: claimgraph::Result<T>) -> bool {
    matches!(r, Err(Error::InvalidId { .. }))
}

/// A wrong-kind error as (record, field, target, expected, found); the record's own id is
/// checked where it matters.
fn wrong_kind<T: Debug>(
    r: claimgraph::Result<T>,
) -> (RecordKind, &'static str, String, RecordKind, RecordKind) {
    match r {
        Err(Error::WrongKind {
            record,
            field,
            target,
            expected,
            found,
            ..
        }) => (record, field, target, expected, found),
        other => panic!("expected a wrong kind, got {other:?}"),
    }
}

// ----- adding and reading back -------------------------------------------------------------

#[test]
fn every_record_kind_reads_back_exactly_as_added() {
    let mut g = ClaimGraph::new();
    let putin = Source::new("putin", SourceKind::Person, "Vladimir Putin")
        .alias("Putin")
        .reliability(Reliability::C)
        .url("http://kremlin.ru")
        .title("President of Russia")
        .published(when("2024-06"));
    let op_ed = Source::new("op-ed", SourceKind::Document, "Putin's op-ed");
    let ammo = Claim::new("ammo", "DPRK supplies ammunition to Russia")
        .subject("putin")
        .period(Period::new(Some(when("2023-08")), Some(when("2024-02"))))
        .quantity(Quantity::new(6700.0, "containers"))
        .tag("military");
    let other = Claim::new("no-ammo", "DPRK supplies no ammunition");
    let a = Attribution::new("putin", "ammo", Stance::Denies)
        .modality(Modality::Alleged)
        .said(when("2024-06-18"))
        .quote("mad rumors")
        .via("op-ed");
    let r = SourceRelation::new("op-ed", SourceRelationKind::AuthoredBy, "putin")
        .date(when("2024-06-18"));
    let cr = ClaimRelation::new("no-ammo", ClaimRelationKind::Contradicts, "ammo");
    let v = Verdict::new("op-ed", "ammo", "Mostly false")
        .rating(Rating::new(2.0, 5.0, 1.0))
        .date(when("2024-06-20"))
        .url("https://example.org/review")
        .summary("No evidence either way");

    g.add_source(putin.clone()).unwrap();
    g.add_source(op_ed.clone()).unwrap();
    g.add_claim(ammo.clone()).unwrap();
    g.add_claim(other.clone()).unwrap();
    g.add_attribution(a.clone()).unwrap();
    g.add_source_relation(r.clone()).unwrap();
    g.add_claim_relation(cr.clone()).unwrap();
    g.add_verdict(v.clone()).unwrap();

    assert_eq!(g.source("putin"), Some(&putin));
    assert_eq!(g.get_source("op-ed").unwrap(), &op_ed);
    assert_eq!(g.claim("ammo"), Some(&ammo));
    assert_eq!(g.get_claim("no-ammo").unwrap(), &other);
    assert_eq!(g.attribution(&a.id), Some(a.clone()));
    assert_eq!(g.source_relation(&r.id), Some(r.clone()));
    assert_eq!(g.claim_relation(&cr.id), Some(cr.clone()));
    assert_eq!(g.verdict(&v.id), Some(v.clone()));
    assert_eq!(
        g.counts(),
        Counts {
            sources: 2,
            claims: 2,
            attributions: 1,
            source_relations: 1,
            claim_relations: 1,
            verdicts: 1,
        }
    );
    assert!(!g.is_empty());
    assert_eq!(
        g.records(),
        Records {
            sources: vec![op_ed, putin],
            claims: vec![ammo, other],
            attributions: vec![a],
            source_relations: vec![r],
            claim_relations: vec![cr],
            verdicts: vec![v],
        }
    );
}

#[test]
fn a_record_is_only_found_under_its_own_kind() {
    let g = sample();
    // A claim is not a source, an attribution is not a verdict, and so on.
    assert_eq!(g.source("ammo"), None);
    assert_eq!(g.claim("putin"), None);
    assert_eq!(g.attribution("v-pf"), None);
    assert_eq!(g.verdict("a-rok"), None);
    assert_eq!(g.source_relation("cr-1"), None);
    assert_eq!(g.claim_relation("r-cites"), None);
    assert_eq!(
        not_found(g.get_source("ammo")),
        (RecordKind::Source, "ammo".to_owned())
    );
    assert_eq!(
        not_found(g.get_claim("nobody")),
        (RecordKind::Claim, "nobody".to_owned())
    );
}

#[test]
fn contains_and_kind_of_tell_nodes_from_edges() {
    let g = sample();
    assert!(g.contains_node("putin"));
    assert!(g.contains_node("ammo"));
    assert!(!g.contains_node("a-rok"));
    assert!(g.contains_edge("a-rok"));
    assert!(g.contains_edge("r-cites"));
    assert!(!g.contains_edge("putin"));
    assert!(!g.contains_node("nobody") && !g.contains_edge("nobody"));
    let expected = [
        ("putin", RecordKind::Source),
        ("ammo", RecordKind::Claim),
        ("a-rok", RecordKind::Attribution),
        ("r-cites", RecordKind::SourceRelation),
        ("cr-1", RecordKind::ClaimRelation),
        ("v-pf", RecordKind::Verdict),
    ];
    for (id, kind) in expected {
        assert_eq!(g.kind_of(id), Some(kind), "{id}");
    }
    assert_eq!(g.kind_of("nobody"), None);
}

#[test]
fn per_record_lists_are_sorted_by_id_whatever_the_order_added() {
    let mut g = ClaimGraph::new();
    for id in ["s", "t", "u"] {
        g.add_source(Source::new(id, SourceKind::Person, id.to_uppercase()))
            .unwrap();
    }
    g.add_claim(Claim::new("c", "Claim c")).unwrap();
    g.add_claim(Claim::new("d", "Claim d")).unwrap();
    g.add_claim(Claim::new("e", "Claim e")).unwrap();
    for (id, src) in [("a3", "s"), ("a1", "t"), ("a2", "s")] {
        g.add_attribution(Attribution::new(src, "c", Stance::Asserts).with_id(id))
            .unwrap();
    }
    g.add_attribution(Attribution::new("s", "d", Stance::Doubts).with_id("a0"))
        .unwrap();
    for (id, reviewer) in [("v2", "u"), ("v1", "t")] {
        g.add_verdict(Verdict::new(reviewer, "c", "False").with_id(id))
            .unwrap();
    }
    // Outgoing and incoming relations are merged into one sorted list.
    g.add_source_relation(SourceRelation::new("s", SourceRelationKind::Cites, "t").with_id("r3"))
        .unwrap();
    g.add_source_relation(SourceRelation::new("u", SourceRelationKind::Cites, "s").with_id("r1"))
        .unwrap();
    g.add_source_relation(SourceRelation::new("t", SourceRelationKind::Cites, "u").with_id("r2"))
        .unwrap();
    g.add_claim_relation(ClaimRelation::new("c", ClaimRelationKind::Supports, "d").with_id("k2"))
        .unwrap();
    g.add_claim_relation(
        ClaimRelation::new("e", ClaimRelationKind::Contradicts, "c").with_id("k1"),
    )
    .unwrap();

    let of_c = g.attributions_of("c").unwrap();
    assert_eq!(ids(&of_c, |a| &a.id), ["a1", "a2", "a3"]);
    let by_s = g.attributions_by("s").unwrap();
    assert_eq!(ids(&by_s, |a| &a.id), ["a0", "a2", "a3"]);
    assert!(by_s.iter().all(|a| a.source == "s"));
    let verdicts = g.verdicts_of("c").unwrap();
    assert_eq!(ids(&verdicts, |v| &v.id), ["v1", "v2"]);
    assert!(g.verdicts_of("d").unwrap().is_empty());
    let rel_s = g.relations_of_source("s").unwrap();
    assert_eq!(ids(&rel_s, |r| &r.id), ["r1", "r3"]);
    let rel_c = g.relations_of_claim("c").unwrap();
    assert_eq!(ids(&rel_c, |r| &r.id), ["k1", "k2"]);
}

#[test]
fn per_record_lists_refuse_an_id_of_the_other_kind() {
    let g = sample();
    assert_eq!(
        not_found(g.attributions_of("putin")),
        (RecordKind::Claim, "putin".to_owned())
    );
    assert_eq!(
        not_found(g.attributions_by("ammo")),
        (RecordKind::Source, "ammo".to_owned())
    );
    assert_eq!(
        not_found(g.verdicts_of("politifact")),
        (RecordKind::Claim, "politifact".to_owned())
    );
    assert_eq!(
        not_found(g.relations_of_source("ammo")),
        (RecordKind::Source, "ammo".to_owned())
    );
    assert_eq!(
        not_found(g.relations_of_claim("nobody")),
        (RecordKind::Claim, "nobody".to_owned())
    );
}

#[test]
fn edges_get_readable_default_ids() {
    let mut g = sample();
    let a = Attribution::new("rodong", "ammo", Stance::Asserts);
    assert_eq!(a.id, "rodong:asserts:ammo");
    assert_eq!(
        Attribution::default_id("rodong", "ammo", Stance::Doubts),
        "rodong:doubts:ammo"
    );
    let r = SourceRelation::new("yonhap", SourceRelationKind::Cites, "rok-sources");
    assert_eq!(r.id, "yonhap:cites:rok-sources");
    let cr = ClaimRelation::new("ammo", ClaimRelationKind::SameAs, "containers");
    assert_eq!(cr.id, "ammo:same_as:containers");
    let v = Verdict::new("politifact", "ammo", "False");
    assert_eq!(v.id, "politifact:verdict:ammo");
    g.add_attribution(a.clone()).unwrap();
    g.add_source_relation(r.clone()).unwrap();
    g.add_claim_relation(cr.clone()).unwrap();
    g.add_verdict(v.clone()).unwrap();
    assert_eq!(g.attribution("rodong:asserts:ammo"), Some(a));
    assert_eq!(g.source_relation("yonhap:cites:rok-sources"), Some(r));
    assert_eq!(g.claim_relation("ammo:same_as:containers"), Some(cr));
    assert_eq!(g.verdict("politifact:verdict:ammo"), Some(v));

    // Another stance of the same source on the same claim gets an id of its own; the same
    // stance twice is the same attribution.
    g.add_attribution(Attribution::new("rodong", "ammo", Stance::Doubts))
        .unwrap();
    assert_eq!(g.attributions_by("rodong").unwrap().len(), 2);
    assert_eq!(
        duplicate(g.add_attribution(Attribution::new("rodong", "ammo", Stance::Asserts))),
        ("rodong:asserts:ammo".to_owned(), RecordKind::Attribution)
    );
}

// ----- typed errors ------------------------------------------------------------------------

#[test]
fn sources_and_claims_share_one_id_namespace() {
    let mut g = sample();
    match g.add_claim(Claim::new("putin", "Putin visited Pyongyang")) {
        Err(Error::DuplicateId { id, existing }) => {
            assert_eq!(id, "putin");
            assert_eq!(existing, RecordKind::Source);
        }
        other => panic!("expected a duplicate id, got {other:?}"),
    }
    match g.add_source(Source::new("ammo", SourceKind::Person, "Ammo")) {
        Err(Error::DuplicateId { id, existing }) => {
            assert_eq!(id, "ammo");
            assert_eq!(existing, RecordKind::Claim);
        }
        other => panic!("expected a duplicate id, got {other:?}"),
    }
    assert_eq!(
        duplicate(g.add_source(Source::new("putin", SourceKind::Person, "Another Putin"))),
        ("putin".to_owned(), RecordKind::Source)
    );
}

#[test]
fn all_edge_kinds_share_one_id_namespace() {
    let mut g = sample();
    match g.add_verdict(Verdict::new("politifact", "ammo", "False").with_id("a-rok")) {
        Err(Error::DuplicateId { id, existing }) => {
            assert_eq!(id, "a-rok");
            assert_eq!(existing, RecordKind::Attribution);
        }
        other => panic!("expected a duplicate id, got {other:?}"),
    }
    assert_eq!(
        duplicate(g.add_attribution(
            Attribution::new("putin", "containers", Stance::Asserts).with_id("v-pf")
        )),
        ("v-pf".to_owned(), RecordKind::Verdict)
    );
    assert_eq!(
        duplicate(
            g.add_claim_relation(
                ClaimRelation::new("ammo", ClaimRelationKind::Supports, "containers")
                    .with_id("r-cites")
            )
        ),
        ("r-cites".to_owned(), RecordKind::SourceRelation)
    );
    assert_eq!(
        duplicate(g.add_source_relation(
            SourceRelation::new("yonhap", SourceRelationKind::Cites, "putin").with_id("cr-1")
        )),
        ("cr-1".to_owned(), RecordKind::ClaimRelation)
    );
    // Node ids and edge ids are separate: an edge may reuse a node's id.
    g.add_attribution(Attribution::new("putin", "containers", Stance::Asserts).with_id("putin"))
        .unwrap();
    assert_eq!(g.kind_of("putin"), Some(RecordKind::Source));
    assert_eq!(g.attribution("putin").unwrap().claim, "containers");
}

#[test]
fn references_to_missing_records_name_the_kind_and_id_looked_for() {
    let mut g = sample();
    let source = |id: &str| (RecordKind::Source, id.to_owned());
    let claim = |id: &str| (RecordKind::Claim, id.to_owned());
    let asserts = |s: &str, c: &str| Attribution::new(s, c, Stance::Asserts);
    assert_eq!(
        not_found(g.add_attribution(asserts("nobody", "ammo"))),
        source("nobody")
    );
    assert_eq!(
        not_found(g.add_attribution(asserts("putin", "no-claim"))),
        claim("no-claim")
    );
    assert_eq!(
        not_found(g.add_attribution(asserts("putin", "containers").via("no-outlet"))),
        source("no-outlet")
    );
    assert_eq!(
        not_found(g.add_claim(Claim::new("new", "A new claim").subject("no-subject"))),
        source("no-subject")
    );
    let cites = |f: &str, t: &str| SourceRelation::new(f, SourceRelationKind::Cites, t);
    assert_eq!(
        not_found(g.add_source_relation(cites("putin", "nobody"))),
        source("nobody")
    );
    assert_eq!(
        not_found(g.add_source_relation(cites("nobody", "putin"))),
        source("nobody")
    );
    let supports = |f: &str, t: &str| ClaimRelation::new(f, ClaimRelationKind::Supports, t);
    assert_eq!(
        not_found(g.add_claim_relation(supports("nothing", "ammo"))),
        claim("nothing")
    );
    assert_eq!(
        not_found(g.add_claim_relation(supports("ammo", "nothing"))),
        claim("nothing")
    );
    assert_eq!(
        not_found(g.add_verdict(Verdict::new("no-reviewer", "ammo", "False"))),
        source("no-reviewer")
    );
    assert_eq!(
        not_found(g.add_verdict(Verdict::new("politifact", "no-claim", "False"))),
        claim("no-claim")
    );
}

#[test]
fn references_to_the_wrong_kind_of_node_name_the_field() {
    let mut g = sample();
    use RecordKind::{Claim as C, Source as S};
    // An attribution from a claim: every part of the error says what went wrong.
    match g.add_attribution(Attribution::new("containers", "ammo", Stance::Asserts).with_id("x")) {
        Err(Error::WrongKind {
            record,
            id,
            field,
            target,
            expected,
            found,
        }) => {
            assert_eq!(
                (record, id.as_str(), field),
                (RecordKind::Attribution, "x", "source")
            );
            assert_eq!((target.as_str(), expected, found), ("containers", S, C));
        }
        other => panic!("expected a wrong kind, got {other:?}"),
    }
    let attr = |s: &str, c: &str| Attribution::new(s, c, Stance::Asserts);
    assert_eq!(
        wrong_kind(g.add_attribution(attr("putin", "russia"))),
        (RecordKind::Attribution, "claim", "russia".to_owned(), C, S)
    );
    assert_eq!(
        wrong_kind(g.add_attribution(attr("putin", "containers").via("ammo"))),
        (RecordKind::Attribution, "via", "ammo".to_owned(), S, C)
    );
    // Cites between a source and a claim, either way round.
    let cites = |f: &str, t: &str| SourceRelation::new(f, SourceRelationKind::Cites, t);
    assert_eq!(
        wrong_kind(g.add_source_relation(cites("rodong", "ammo"))),
        (RecordKind::SourceRelation, "to", "ammo".to_owned(), S, C)
    );
    assert_eq!(
        wrong_kind(g.add_source_relation(cites("ammo", "rodong"))),
        (RecordKind::SourceRelation, "from", "ammo".to_owned(), S, C)
    );
    assert_eq!(
        wrong_kind(g.add_claim_relation(ClaimRelation::new(
            "ammo",
            ClaimRelationKind::Supports,
            "putin"
        ))),
        (RecordKind::ClaimRelation, "to", "putin".to_owned(), C, S)
    );
    assert_eq!(
        wrong_kind(g.add_verdict(Verdict::new("containers", "ammo", "False"))),
        (
            RecordKind::Verdict,
            "reviewer",
            "containers".to_owned(),
            S,
            C
        )
    );
    assert_eq!(
        wrong_kind(g.add_claim(Claim::new("meta", "About a claim").subject("ammo"))),
        (RecordKind::Claim, "subjects", "ammo".to_owned(), S, C)
    );
}

#[test]
fn nothing_relates_to_itself() {
    let mut g = sample();
    for kind in SourceRelationKind::ALL {
        let r = SourceRelation::new("putin", kind, "putin");
        let id = r.id.clone();
        assert_eq!(invalid_field(g.add_source_relation(r)), (id, "to"));
    }
    let cr = ClaimRelation::new("ammo", ClaimRelationKind::SameAs, "ammo");
    assert_eq!(
        invalid_field(g.add_claim_relation(cr)),
        ("ammo:same_as:ammo".to_owned(), "to")
    );
}

#[test]
fn fields_a_record_cannot_do_without_are_checked() {
    let mut g = sample();
    let cases: Vec<(claimgraph::Result<()>, &str, &str)> = vec![
        (g.add_claim(Claim::new("c1", "")), "c1", "text"),
        (g.add_claim(Claim::new("c2", "  \t ")), "c2", "text"),
        (
            g.add_claim(Claim::new("c3", "Some text").quantity(Quantity::new(f64::NAN, "tons"))),
            "c3",
            "quantity",
        ),
        (
            g.add_claim(
                Claim::new("c4", "Some text").quantity(Quantity::new(f64::INFINITY, "tons")),
            ),
            "c4",
            "quantity",
        ),
        (
            g.add_claim(Claim::new("c5", "Some text").quantity(Quantity::new(1.0, " "))),
            "c5",
            "quantity",
        ),
        (
            g.add_claim(Claim::new("c6", "Some text").tag("")),
            "c6",
            "tags",
        ),
        (
            g.add_claim(
                Claim::new("c7", "Some text")
                    .subject("putin")
                    .subject("putin"),
            ),
            "c7",
            "subjects",
        ),
        (
            g.add_source(Source::new("s1", SourceKind::Person, "")),
            "s1",
            "name",
        ),
        (
            g.add_source(Source::new("s2", SourceKind::Person, "   ")),
            "s2",
            "name",
        ),
        (
            g.add_source(Source::new("s3", SourceKind::Person, "Someone").alias("")),
            "s3",
            "aliases",
        ),
        (
            g.add_source(Source::new("s4", SourceKind::Person, "Someone").url(" ")),
            "s4",
            "url",
        ),
        (
            g.add_verdict(Verdict::new("politifact", "ammo", " ").with_id("v1")),
            "v1",
            "label",
        ),
        (
            g.add_attribution(
                Attribution::new("putin", "containers", Stance::Asserts)
                    .with_id("a1")
                    .quote(""),
            ),
            "a1",
            "quote",
        ),
    ];
    for (result, id, field) in cases {
        assert_eq!(invalid_field(result), (id.to_owned(), field));
    }
}

#[test]
fn ratings_must_lie_on_a_real_scale() {
    let mut g = sample();
    let rated = |id: &str, r: Rating| {
        Verdict::new("politifact", "ammo", "False")
            .with_id(id)
            .rating(r)
    };
    for (id, rating) in [
        ("above", Rating::new(6.0, 5.0, 1.0)),
        ("below", Rating::new(0.0, 5.0, 1.0)),
        ("reversed-outside", Rating::new(0.5, 1.0, 5.0)),
        ("flat", Rating::new(3.0, 3.0, 3.0)),
        ("nan", Rating::new(f64::NAN, 5.0, 1.0)),
    ] {
        assert_eq!(
            invalid_field(g.add_verdict(rated(id, rating))),
            (id.to_owned(), "rating"),
            "{id}"
        );
    }
    // Both ends of a scale, and a scale that runs the other way, are fine.
    g.add_verdict(rated("best", Rating::new(5.0, 5.0, 1.0)))
        .unwrap();
    g.add_verdict(rated("worst", Rating::new(1.0, 5.0, 1.0)))
        .unwrap();
    g.add_verdict(rated("reversed", Rating::new(2.0, 1.0, 5.0)))
        .unwrap();
    assert_eq!(g.verdicts_of("ammo").unwrap().len(), 3);
}

#[test]
fn ids_must_be_usable_names() {
    let mut g = sample();
    let too_long = "x".repeat(MAX_ID_LEN + 1);
    for bad in [
        "",
        "a\u{0}b",
        "line\nbreak",
        "tab\there",
        " padded",
        "padded ",
        too_long.as_str(),
    ] {
        assert!(
            invalid_id(g.add_source(Source::new(bad, SourceKind::Person, "Someone"))),
            "source {bad:?}"
        );
        assert!(
            invalid_id(g.add_claim(Claim::new(bad, "Some text"))),
            "claim {bad:?}"
        );
        assert!(
            invalid_id(g.add_attribution(
                Attribution::new("putin", "containers", Stance::Asserts).with_id(bad)
            )),
            "attribution {bad:?}"
        );
        assert!(
            invalid_id(g.add_verdict(Verdict::new("politifact", "ammo", "False").with_id(bad))),
            "verdict {bad:?}"
        );
    }
    // The longest id allowed is allowed.
    let longest = "y".repeat(MAX_ID_LEN);
    g.add_source(Source::new(longest.clone(), SourceKind::Person, "Long"))
        .unwrap();
    assert!(g.contains_node(&longest));
}

#[test]
fn a_failed_add_leaves_the_graph_as_it_was() {
    let mut g = sample();
    let before = g.records();
    let counts = g.counts();
    let failures: Vec<claimgraph::Result<()>> = vec![
        g.add_source(Source::new("ammo", SourceKind::Person, "Duplicate")),
        g.add_source(Source::new("s", SourceKind::Person, "")),
        g.add_claim(Claim::new("putin", "Duplicate")),
        g.add_claim(Claim::new("new", "New").subject("putin").subject("nobody")),
        g.add_attribution(Attribution::new("putin", "ammo", Stance::Asserts).with_id("a-rok")),
        g.add_attribution(Attribution::new("putin", "ammo", Stance::Doubts).via("nobody")),
        g.add_attribution(Attribution::new("putin", "ammo", Stance::Doubts).via("containers")),
        g.add_source_relation(SourceRelation::new(
            "putin",
            SourceRelationKind::Cites,
            "putin",
        )),
        g.add_source_relation(SourceRelation::new(
            "putin",
            SourceRelationKind::Cites,
            "ammo",
        )),
        g.add_claim_relation(ClaimRelation::new(
            "ammo",
            ClaimRelationKind::Supports,
            "nothing",
        )),
        g.add_verdict(
            Verdict::new("politifact", "ammo", "False").rating(Rating::new(9.0, 5.0, 1.0)),
        ),
    ];
    assert!(failures.iter().all(Result::is_err));
    assert_eq!(g.counts(), counts);
    assert_eq!(g.records(), before);
    // The ids the failed adds tried are still free.
    assert!(!g.contains_node("new") && !g.contains_node("s"));
    assert!(!g.contains_edge("putin:doubts:ammo"));
    assert!(!g.contains_edge("putin:cites:putin"));
}

// ----- updating ----------------------------------------------------------------------------

#[test]
fn updating_a_source_returns_the_old_record_and_keeps_its_edges() {
    let mut g = sample();
    let attributions = g.attributions_by("putin").unwrap();
    let relations = g.relations_of_source("putin").unwrap();
    let new = Source::new("putin", SourceKind::Person, "Vladimir Vladimirovich Putin")
        .reliability(Reliability::D);
    let old = g.update_source(new.clone()).unwrap();
    assert_eq!(
        old,
        Source::new("putin", SourceKind::Person, "Vladimir Putin")
    );
    assert_eq!(g.source("putin"), Some(&new));
    assert_eq!(g.attributions_by("putin").unwrap(), attributions);
    assert_eq!(g.relations_of_source("putin").unwrap(), relations);
    assert_eq!(g.counts(), sample().counts());
}

#[test]
fn updating_a_claim_returns_the_old_record_and_keeps_its_edges() {
    let mut g = sample();
    let attributions = g.attributions_of("ammo").unwrap();
    let new = Claim::new("ammo", "DPRK ships artillery shells to Russia").subject("dprk");
    let old = g.update_claim(new.clone()).unwrap();
    assert_eq!(old.text, "DPRK supplies ammunition to Russia");
    assert_eq!(old.subjects, ["russia", "dprk"]);
    assert_eq!(g.claim("ammo"), Some(&new));
    assert_eq!(g.attributions_of("ammo").unwrap(), attributions);
    assert_eq!(g.relations_of_claim("ammo").unwrap().len(), 1);
}

#[test]
fn a_failed_node_update_changes_nothing() {
    let mut g = sample();
    let before = g.records();
    assert_eq!(
        invalid_field(g.update_source(Source::new("putin", SourceKind::Person, " "))),
        ("putin".to_owned(), "name")
    );
    assert_eq!(
        not_found(g.update_claim(Claim::new("ammo", "New text").subject("nobody"))),
        (RecordKind::Source, "nobody".to_owned())
    );
    assert_eq!(
        invalid_field(g.update_claim(Claim::new("ammo", ""))),
        ("ammo".to_owned(), "text")
    );
    assert_eq!(g.records(), before);
}

#[test]
fn updating_an_edge_returns_the_old_record_and_may_move_it() {
    let mut g = sample();
    let old = g.attribution("a-putin").unwrap();
    let moved = Attribution::new("rodong", "containers", Stance::Doubts)
        .with_id("a-putin")
        .via("yonhap");
    assert_eq!(g.update_attribution(moved.clone()).unwrap(), old);
    assert_eq!(g.attribution("a-putin"), Some(moved));
    assert!(g.attributions_by("putin").unwrap().is_empty());
    assert!(!g
        .attributions_of("ammo")
        .unwrap()
        .iter()
        .any(|a| a.id == "a-putin"));
    assert!(g
        .attributions_of("containers")
        .unwrap()
        .iter()
        .any(|a| a.id == "a-putin"));

    let r = SourceRelation::new("yonhap", SourceRelationKind::Cites, "rok-sources")
        .with_id("r-cites")
        .date(when("2024-06-19"));
    let old = g.update_source_relation(r.clone()).unwrap();
    assert_eq!((old.from.as_str(), old.to.as_str()), ("rodong", "putin"));
    assert_eq!(g.source_relation("r-cites"), Some(r));
    assert!(g.relations_of_source("rodong").unwrap().is_empty());

    let cr = ClaimRelation::new("ammo", ClaimRelationKind::Supports, "containers").with_id("cr-1");
    let old = g.update_claim_relation(cr.clone()).unwrap();
    assert_eq!(old.kind, ClaimRelationKind::Specializes);
    assert_eq!(g.claim_relation("cr-1"), Some(cr));

    let v = Verdict::new("politifact", "ammo", "False").with_id("v-pf");
    let old = g.update_verdict(v.clone()).unwrap();
    assert_eq!(
        (old.claim.as_str(), old.label.as_str()),
        ("containers", "Unproven")
    );
    assert_eq!(g.verdict("v-pf"), Some(v));
    assert!(g.verdicts_of("containers").unwrap().is_empty());
    assert_eq!(g.counts(), sample().counts());
}

#[test]
fn a_failed_edge_update_leaves_the_old_edge_in_place() {
    let mut g = sample();
    let before = g.records();
    let a = g.attribution("a-rok").unwrap();
    assert_eq!(
        not_found(g.update_attribution(
            Attribution::new("rok-sources", "nowhere", Stance::Asserts).with_id("a-rok")
        )),
        (RecordKind::Claim, "nowhere".to_owned())
    );
    assert_eq!(g.attribution("a-rok"), Some(a));
    assert_eq!(
        invalid_field(g.update_source_relation(
            SourceRelation::new("rodong", SourceRelationKind::Cites, "rodong").with_id("r-cites")
        )),
        ("r-cites".to_owned(), "to")
    );
    assert_eq!(
        wrong_kind(g.update_claim_relation(
            ClaimRelation::new("ammo", ClaimRelationKind::Supports, "putin").with_id("cr-1")
        ))
        .1,
        "to"
    );
    assert_eq!(
        invalid_field(
            g.update_verdict(
                Verdict::new("politifact", "ammo", "False")
                    .with_id("v-pf")
                    .rating(Rating::new(1.0, 1.0, 1.0))
            )
        ),
        ("v-pf".to_owned(), "rating")
    );
    assert_eq!(g.records(), before);
    assert_eq!(g, sample());

    // The restored attribution is still known to be reported via yonhap: removing yonhap
    // clears its `via` like any other.
    g.remove_source("yonhap").unwrap();
    assert!(g.attribution("a-rok").unwrap().via.is_empty());
}

#[test]
fn updating_a_missing_record_is_not_found() {
    let mut g = sample();
    assert_eq!(
        not_found(g.update_source(Source::new("nobody", SourceKind::Person, "Nobody"))),
        (RecordKind::Source, "nobody".to_owned())
    );
    // A claim's id does not name a source, nor the other way round.
    assert_eq!(
        not_found(g.update_source(Source::new("ammo", SourceKind::Person, "Ammo"))),
        (RecordKind::Source, "ammo".to_owned())
    );
    assert_eq!(
        not_found(g.update_claim(Claim::new("putin", "Text"))),
        (RecordKind::Claim, "putin".to_owned())
    );
    assert_eq!(
        not_found(g.update_attribution(
            Attribution::new("putin", "ammo", Stance::Asserts).with_id("nope")
        )),
        (RecordKind::Attribution, "nope".to_owned())
    );
    // An attribution's id does not name a verdict.
    assert_eq!(
        not_found(g.update_verdict(Verdict::new("politifact", "ammo", "False").with_id("a-rok"))),
        (RecordKind::Verdict, "a-rok".to_owned())
    );
    assert_eq!(
        not_found(g.update_source_relation(
            SourceRelation::new("putin", SourceRelationKind::Cites, "rodong").with_id("cr-1")
        )),
        (RecordKind::SourceRelation, "cr-1".to_owned())
    );
    assert_eq!(
        not_found(g.update_claim_relation(
            ClaimRelation::new("ammo", ClaimRelationKind::Supports, "containers").with_id("r-aff")
        )),
        (RecordKind::ClaimRelation, "r-aff".to_owned())
    );
    assert_eq!(g, sample());
}

// ----- removing ----------------------------------------------------------------------------

#[test]
fn removing_a_source_removes_its_edges_and_clears_references_to_it() {
    let mut g = sample();
    // Russia's denial is reported via putin, and a claim is about putin.
    g.add_attribution(
        Attribution::new("russia", "containers", Stance::Denies)
            .with_id("a-via-putin")
            .via("putin"),
    )
    .unwrap();
    g.add_claim(
        Claim::new("visit", "Putin visits Pyongyang")
            .subject("putin")
            .subject("dprk"),
    )
    .unwrap();
    g.add_verdict(Verdict::new("putin", "ammo", "False").with_id("v-putin"))
        .unwrap();
    let counts = g.counts();

    let removed = g.remove_source("putin").unwrap();
    assert_eq!(
        removed,
        Source::new("putin", SourceKind::Person, "Vladimir Putin")
    );
    assert!(!g.contains_node("putin"));
    assert_eq!(
        not_found(g.attributions_by("putin")),
        (RecordKind::Source, "putin".to_owned())
    );
    // Its own attributions, the relations from and to it, and its verdicts are gone.
    for gone in ["a-putin", "r-aff", "r-cites", "v-putin"] {
        assert!(!g.contains_edge(gone), "{gone}");
    }
    // What was reported via it stays, no longer via anyone.
    let reported = g.attribution("a-via-putin").unwrap();
    assert!(reported.via.is_empty());
    assert_eq!(reported.source, "russia");
    // Claims about it lose it as a subject, and stay.
    assert_eq!(g.claim("visit").unwrap().subjects, ["dprk"]);
    assert_eq!(
        g.counts(),
        Counts {
            sources: counts.sources - 1,
            attributions: counts.attributions - 1,
            source_relations: counts.source_relations - 2,
            verdicts: counts.verdicts - 1,
            ..counts
        }
    );
    assert!(g.relations_of_source("rodong").unwrap().is_empty());
    assert!(g.relations_of_source("russia").unwrap().is_empty());
}

#[test]
fn attributions_reported_via_a_removed_source_stay_without_their_via() {
    let mut g = sample();
    g.add_attribution(
        Attribution::new("putin", "containers", Stance::Denies)
            .with_id("a-second")
            .via("yonhap"),
    )
    .unwrap();
    g.remove_source("yonhap").unwrap();
    let rok = g.attribution("a-rok").unwrap();
    assert!(rok.via.is_empty());
    assert_eq!(
        (rok.source.as_str(), rok.claim.as_str()),
        ("rok-sources", "containers")
    );
    assert!(g.attribution("a-second").unwrap().via.is_empty());
    assert_eq!(g.counts().attributions, 4);
    // An attribution whose via was cleared and then removed leaves nothing behind.
    g.remove_attribution("a-rok").unwrap();
    assert!(!g.contains_edge("a-rok"));
}

#[test]
fn removing_a_claim_removes_its_attributions_verdicts_and_relations() {
    let mut g = sample();
    g.add_claim(Claim::new("denial", "DPRK supplies no ammunition"))
        .unwrap();
    g.add_claim_relation(
        ClaimRelation::new("denial", ClaimRelationKind::Contradicts, "containers").with_id("cr-2"),
    )
    .unwrap();
    let removed = g.remove_claim("containers").unwrap();
    assert_eq!(removed.id, "containers");
    assert!(!g.contains_node("containers"));
    for gone in ["a-rok", "v-pf", "cr-1", "cr-2"] {
        assert!(!g.contains_edge(gone), "{gone}");
    }
    // The sources and the other claims stay, with their other edges.
    assert!(g.contains_node("rok-sources") && g.contains_node("politifact"));
    assert!(g.relations_of_claim("ammo").unwrap().is_empty());
    assert!(g.relations_of_claim("denial").unwrap().is_empty());
    assert_eq!(g.attributions_of("ammo").unwrap().len(), 2);
    assert!(g.attributions_by("rok-sources").unwrap().is_empty());
    assert!(g.verdicts_of("ammo").unwrap().is_empty());
}

#[test]
fn removing_an_edge_returns_it_and_frees_its_id() {
    let mut g = sample();
    let a = g.remove_attribution("a-rok").unwrap();
    assert_eq!(a.reported_in(), Some("yonhap"));
    let r = g.remove_source_relation("r-cites").unwrap();
    let cr = g.remove_claim_relation("cr-1").unwrap();
    let v = g.remove_verdict("v-pf").unwrap();
    assert_eq!(g.counts().attributions, 2);
    for id in ["a-rok", "r-cites", "cr-1", "v-pf"] {
        assert!(!g.contains_edge(id), "{id}");
        assert_eq!(g.kind_of(id), None, "{id}");
    }
    // The freed ids can name records of another kind.
    g.add_verdict(Verdict::new("politifact", "ammo", "True").with_id("a-rok"))
        .unwrap();
    assert_eq!(g.kind_of("a-rok"), Some(RecordKind::Verdict));
    g.remove_verdict("a-rok").unwrap();
    g.add_attribution(a).unwrap();
    g.add_source_relation(r).unwrap();
    g.add_claim_relation(cr).unwrap();
    g.add_verdict(v).unwrap();
    assert_eq!(g, sample());
}

#[test]
fn removing_a_missing_record_is_not_found_and_changes_nothing() {
    let mut g = sample();
    assert_eq!(
        not_found(g.remove_source("ammo")),
        (RecordKind::Source, "ammo".to_owned())
    );
    assert_eq!(
        not_found(g.remove_claim("putin")),
        (RecordKind::Claim, "putin".to_owned())
    );
    assert_eq!(
        not_found(g.remove_verdict("a-rok")),
        (RecordKind::Verdict, "a-rok".to_owned())
    );
    assert_eq!(
        not_found(g.remove_attribution("v-pf")),
        (RecordKind::Attribution, "v-pf".to_owned())
    );
    assert_eq!(
        not_found(g.remove_source_relation("cr-1")),
        (RecordKind::SourceRelation, "cr-1".to_owned())
    );
    assert_eq!(
        not_found(g.remove_claim_relation("r-cites")),
        (RecordKind::ClaimRelation, "r-cites".to_owned())
    );
    assert_eq!(g, sample());
}

#[test]
fn removing_and_adding_back_gives_an_equal_graph() {
    let original = sample();
    let mut g = original.clone();
    // A claim and everything attached to it.
    let attributions = g.attributions_of("containers").unwrap();
    let verdicts = g.verdicts_of("containers").unwrap();
    let relations = g.relations_of_claim("containers").unwrap();
    let claim = g.remove_claim("containers").unwrap();
    assert_ne!(g, original);
    g.add_claim(claim).unwrap();
    for a in attributions {
        g.add_attribution(a).unwrap();
    }
    for v in verdicts {
        g.add_verdict(v).unwrap();
    }
    for r in relations {
        g.add_claim_relation(r).unwrap();
    }
    assert_eq!(g, original);

    // A source with its attributions and relations.
    let attributions = g.attributions_by("putin").unwrap();
    let relations = g.relations_of_source("putin").unwrap();
    let source = g.remove_source("putin").unwrap();
    g.add_source(source).unwrap();
    for r in relations {
        g.add_source_relation(r).unwrap();
    }
    for a in attributions {
        g.add_attribution(a).unwrap();
    }
    assert_eq!(g, original);
    assert_eq!(g.records(), original.records());
}

#[test]
fn a_graph_emptied_by_removals_is_empty() {
    let mut g = sample();
    for id in ["a-rok", "a-russia", "a-putin"] {
        g.remove_attribution(id).unwrap();
    }
    for id in ["ammo", "containers"] {
        g.remove_claim(id).unwrap();
    }
    let sources: Vec<String> = g.sources().map(|s| s.id.clone()).collect();
    for id in sources {
        g.remove_source(&id).unwrap();
    }
    assert_eq!(g.counts(), Counts::default());
    assert!(g.is_empty());
    assert_eq!(g, ClaimGraph::new());
}

#[test]
fn a_source_removed_after_an_attribution_stopped_naming_it_leaves_that_attribution_alone() {
    let mut g = sample();
    // a-rok was reported via yonhap; now it is reported via rodong.
    let moved = Attribution::new("rok-sources", "containers", Stance::Asserts)
        .with_id("a-rok")
        .via("rodong");
    g.update_attribution(moved.clone()).unwrap();
    g.remove_source("yonhap").unwrap();
    assert_eq!(g.attribution("a-rok"), Some(moved));

    // The same once an attribution via a source is removed and another takes its place.
    let mut g = sample();
    g.remove_attribution("a-rok").unwrap();
    let other = Attribution::new("putin", "containers", Stance::Doubts).via("rodong");
    g.add_attribution(other.clone()).unwrap();
    g.remove_source("yonhap").unwrap();
    assert_eq!(g.attribution(&other.id), Some(other));
}

#[test]
fn origins_follow_citations_as_edited() {
    let mut g = sample();
    let origin_ids = |g: &ClaimGraph, id: &str| -> Vec<String> {
        g.origins_of_source(id)
            .unwrap()
            .into_iter()
            .map(|o| o.id)
            .collect()
    };
    assert_eq!(origin_ids(&g, "rodong"), ["putin"]);
    g.remove_source_relation("r-cites").unwrap();
    assert_eq!(origin_ids(&g, "rodong"), ["rodong"]);
    // A citation added elsewhere afterwards does not become one of rodong's.
    g.add_source_relation(SourceRelation::new(
        "yonhap",
        SourceRelationKind::Cites,
        "rok-sources",
    ))
    .unwrap();
    assert_eq!(origin_ids(&g, "rodong"), ["rodong"]);
    assert_eq!(origin_ids(&g, "yonhap"), ["rok-sources"]);
    // Moving a citation moves what it leads to.
    g.update_source_relation(
        SourceRelation::new("rodong", SourceRelationKind::Cites, "putin")
            .with_id("yonhap:cites:rok-sources"),
    )
    .unwrap();
    assert_eq!(origin_ids(&g, "rodong"), ["putin"]);
    assert_eq!(origin_ids(&g, "yonhap"), ["yonhap"]);
}

#[test]
fn ids_may_hold_any_script_and_inner_spaces() {
    let mut g = ClaimGraph::new();
    let mod_ru = "Министерство обороны";
    let kcna = "조선중앙통신 (KCNA)";
    let claim = "弾薬 供給";
    g.add_source(Source::new(
        mod_ru,
        SourceKind::Government,
        "Russian Ministry of Defence",
    ))
    .unwrap();
    g.add_source(Source::new(kcna, SourceKind::Outlet, "KCNA"))
        .unwrap();
    g.add_claim(Claim::new(claim, "Ammunition supplies").subject(mod_ru))
        .unwrap();
    let a = Attribution::new(mod_ru, claim, Stance::Denies).via(kcna);
    assert_eq!(a.id, format!("{mod_ru}:denies:{claim}"));
    g.add_attribution(a.clone()).unwrap();
    g.add_source_relation(SourceRelation::new(kcna, SourceRelationKind::Cites, mod_ru))
        .unwrap();

    assert_eq!(
        g.source(mod_ru).unwrap().name,
        "Russian Ministry of Defence"
    );
    assert_eq!(g.claim(claim).unwrap().subjects, [mod_ru]);
    assert_eq!(g.attribution(&a.id), Some(a.clone()));
    assert_eq!(g.attributions_by(mod_ru).unwrap(), std::slice::from_ref(&a));
    assert_eq!(g.kind_of(kcna), Some(RecordKind::Source));
    // Ids are exact: another spacing or case is another id.
    assert!(!g.contains_node("Министерство  обороны"));
    assert!(!g.contains_node("министерство обороны"));

    g.remove_source(kcna).unwrap();
    assert!(g.attribution(&a.id).unwrap().via.is_empty());
    assert!(g.relations_of_source(mod_ru).unwrap().is_empty());
}

// ----- many edits against a model ----------------------------------------------------------

/// The graph's content kept the simplest way, with the editing rules written out plainly.
#[derive(Debug, Default)]
struct Model {
    sources: HashMap<String, Source>,
    claims: HashMap<String, Claim>,
    attributions: HashMap<String, Attribution>,
    source_relations: HashMap<String, SourceRelation>,
    claim_relations: HashMap<String, ClaimRelation>,
    verdicts: HashMap<String, Verdict>,
}

impl Model {
    fn node_free(&self, id: &str) -> bool {
        !self.sources.contains_key(id) && !self.claims.contains_key(id)
    }

    fn edge_free(&self, id: &str) -> bool {
        !self.attributions.contains_key(id)
            && !self.source_relations.contains_key(id)
            && !self.claim_relations.contains_key(id)
            && !self.verdicts.contains_key(id)
    }

    fn is_source(&self, id: &str) -> bool {
        self.sources.contains_key(id)
    }

    fn is_claim(&self, id: &str) -> bool {
        self.claims.contains_key(id)
    }

    fn attribution_ok(&self, a: &Attribution) -> bool {
        self.is_source(&a.source)
            && self.is_claim(&a.claim)
            && a.via.iter().all(|h| self.is_source(&h.source))
    }

    /// Applies `op` by the rules; returns whether it should succeed.
    fn apply(&mut self, op: &Op) -> bool {
        match op {
            Op::AddSource(id) => {
                let ok = self.node_free(id);
                if ok {
                    self.sources.insert(id.clone(), source(id));
                }
                ok
            }
            Op::AddClaim(id, subject) => {
                let ok = self.node_free(id) && subject.as_deref().is_none_or(|s| self.is_source(s));
                if ok {
                    self.claims.insert(id.clone(), claim(id, subject));
                }
                ok
            }
            Op::AddAttribution(a) => {
                let ok = self.edge_free(&a.id) && self.attribution_ok(a);
                if ok {
                    self.attributions.insert(a.id.clone(), a.clone());
                }
                ok
            }
            Op::AddCites(r) => {
                let ok = self.edge_free(&r.id)
                    && r.from != r.to
                    && self.is_source(&r.from)
                    && self.is_source(&r.to);
                if ok {
                    self.source_relations.insert(r.id.clone(), r.clone());
                }
                ok
            }
            Op::AddClaimRelation(r) => {
                let ok = self.edge_free(&r.id)
                    && r.from != r.to
                    && self.is_claim(&r.from)
                    && self.is_claim(&r.to);
                if ok {
                    self.claim_relations.insert(r.id.clone(), r.clone());
                }
                ok
            }
            Op::AddVerdict(v) => {
                let ok =
                    self.edge_free(&v.id) && self.is_source(&v.reviewer) && self.is_claim(&v.claim);
                if ok {
                    self.verdicts.insert(v.id.clone(), v.clone());
                }
                ok
            }
            Op::UpdateAttribution(a) => {
                // The record's own id does not count as taken.
                let ok = self.attributions.contains_key(&a.id) && self.attribution_ok(a);
                if ok {
                    self.attributions.insert(a.id.clone(), a.clone());
                }
                ok
            }
            Op::RemoveSource(id) => {
                if self.sources.remove(id).is_none() {
                    return false;
                }
                self.attributions.retain(|_, a| a.source != *id);
                for a in self.attributions.values_mut() {
                    if a.reported_in() == Some(id.as_str()) {
                        a.via.clear();
                    }
                }
                self.source_relations
                    .retain(|_, r| r.from != *id && r.to != *id);
                self.verdicts.retain(|_, v| v.reviewer != *id);
                for c in self.claims.values_mut() {
                    c.subjects.retain(|s| s != id);
                }
                true
            }
            Op::RemoveClaim(id) => {
                if self.claims.remove(id).is_none() {
                    return false;
                }
                self.attributions.retain(|_, a| a.claim != *id);
                self.claim_relations
                    .retain(|_, r| r.from != *id && r.to != *id);
                self.verdicts.retain(|_, v| v.claim != *id);
                true
            }
            Op::RemoveAttribution(id) => self.attributions.remove(id).is_some(),
            Op::RemoveSourceRelation(id) => self.source_relations.remove(id).is_some(),
            Op::RemoveClaimRelation(id) => self.claim_relations.remove(id).is_some(),
            Op::RemoveVerdict(id) => self.verdicts.remove(id).is_some(),
        }
    }

    fn records(&self) -> Records {
        fn sorted<T: Clone>(m: &HashMap<String, T>) -> Vec<T> {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            keys.into_iter().map(|k| m[k].clone()).collect()
        }
        Records {
            sources: sorted(&self.sources),
            claims: sorted(&self.claims),
            attributions: sorted(&self.attributions),
            source_relations: sorted(&self.source_relations),
            claim_relations: sorted(&self.claim_relations),
            verdicts: sorted(&self.verdicts),
        }
    }

    fn kind_of(&self, id: &str) -> Option<RecordKind> {
        if self.is_source(id) {
            Some(RecordKind::Source)
        } else if self.is_claim(id) {
            Some(RecordKind::Claim)
        } else if self.attributions.contains_key(id) {
            Some(RecordKind::Attribution)
        } else if self.source_relations.contains_key(id) {
            Some(RecordKind::SourceRelation)
        } else if self.claim_relations.contains_key(id) {
            Some(RecordKind::ClaimRelation)
        } else if self.verdicts.contains_key(id) {
            Some(RecordKind::Verdict)
        } else {
            None
        }
    }
}

fn source(id: &str) -> Source {
    Source::new(id, SourceKind::Person, format!("Person {id}"))
}

fn claim(id: &str, subject: &Option<String>) -> Claim {
    let c = Claim::new(id, format!("Claim {id}"));
    match subject {
        Some(s) => c.subject(s.clone()),
        None => c,
    }
}

#[derive(Debug, Clone)]
enum Op {
    AddSource(String),
    AddClaim(String, Option<String>),
    AddAttribution(Attribution),
    AddCites(SourceRelation),
    AddClaimRelation(ClaimRelation),
    AddVerdict(Verdict),
    UpdateAttribution(Attribution),
    RemoveSource(String),
    RemoveClaim(String),
    RemoveAttribution(String),
    RemoveSourceRelation(String),
    RemoveClaimRelation(String),
    RemoveVerdict(String),
}

impl Op {
    fn run(&self, g: &mut ClaimGraph) -> bool {
        match self {
            Op::AddSource(id) => g.add_source(source(id)).is_ok(),
            Op::AddClaim(id, subject) => g.add_claim(claim(id, subject)).is_ok(),
            Op::AddAttribution(a) => g.add_attribution(a.clone()).is_ok(),
            Op::AddCites(r) => g.add_source_relation(r.clone()).is_ok(),
            Op::AddClaimRelation(r) => g.add_claim_relation(r.clone()).is_ok(),
            Op::AddVerdict(v) => g.add_verdict(v.clone()).is_ok(),
            Op::UpdateAttribution(a) => g.update_attribution(a.clone()).is_ok(),
            Op::RemoveSource(id) => g.remove_source(id).is_ok(),
            Op::RemoveClaim(id) => g.remove_claim(id).is_ok(),
            Op::RemoveAttribution(id) => g.remove_attribution(id).is_ok(),
            Op::RemoveSourceRelation(id) => g.remove_source_relation(id).is_ok(),
            Op::RemoveClaimRelation(id) => g.remove_claim_relation(id).is_ok(),
            Op::RemoveVerdict(id) => g.remove_verdict(id).is_ok(),
        }
    }
}

/// Few ids, so that operations often meet: duplicates, dangling references, reuse after removal.
const NODES: usize = 6;
const EDGES: usize = 6;

fn node() -> impl Strategy<Value = String> {
    (0..NODES).prop_map(|i| format!("n{i}"))
}

fn edge() -> impl Strategy<Value = String> {
    (0..EDGES).prop_map(|i| format!("e{i}"))
}

fn attribution() -> impl Strategy<Value = Attribution> {
    (
        edge(),
        node(),
        node(),
        prop_oneof![
            Just(Stance::Asserts),
            Just(Stance::Denies),
            Just(Stance::Doubts)
        ],
        proptest::option::of(node()),
    )
        .prop_map(|(id, s, c, stance, via)| {
            let a = Attribution::new(s, c, stance).with_id(id);
            match via {
                Some(v) => a.via(v),
                None => a,
            }
        })
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => node().prop_map(Op::AddSource),
        3 => (node(), proptest::option::of(node())).prop_map(|(id, s)| Op::AddClaim(id, s)),
        4 => attribution().prop_map(Op::AddAttribution),
        2 => (edge(), node(), node()).prop_map(|(id, f, t)| {
            Op::AddCites(SourceRelation::new(f, SourceRelationKind::Cites, t).with_id(id))
        }),
        2 => (edge(), node(), node()).prop_map(|(id, f, t)| {
            Op::AddClaimRelation(ClaimRelation::new(f, ClaimRelationKind::Supports, t).with_id(id))
        }),
        2 => (edge(), node(), node()).prop_map(|(id, r, c)| {
            Op::AddVerdict(Verdict::new(r, c, "False").with_id(id))
        }),
        2 => attribution().prop_map(Op::UpdateAttribution),
        1 => node().prop_map(Op::RemoveSource),
        1 => node().prop_map(Op::RemoveClaim),
        1 => edge().prop_map(Op::RemoveAttribution),
        1 => edge().prop_map(Op::RemoveSourceRelation),
        1 => edge().prop_map(Op::RemoveClaimRelation),
        1 => edge().prop_map(Op::RemoveVerdict),
    ]
}

/// Every per-id answer of the graph agrees with the model.
fn check_lookups(g: &ClaimGraph, m: &Model) -> Result<(), TestCaseError> {
    let records = m.records();
    for i in 0..NODES.max(EDGES) {
        for id in [format!("n{i}"), format!("e{i}")] {
            prop_assert_eq!(g.kind_of(&id), m.kind_of(&id), "kind of {}", id);
            prop_assert_eq!(g.contains_node(&id), !m.node_free(&id), "node {}", id);
            prop_assert_eq!(g.contains_edge(&id), !m.edge_free(&id), "edge {}", id);
            prop_assert_eq!(g.source(&id), m.sources.get(&id));
            prop_assert_eq!(g.claim(&id), m.claims.get(&id));
            prop_assert_eq!(g.attribution(&id), m.attributions.get(&id).cloned());
            prop_assert_eq!(g.source_relation(&id), m.source_relations.get(&id).cloned());
            prop_assert_eq!(g.claim_relation(&id), m.claim_relations.get(&id).cloned());
            prop_assert_eq!(g.verdict(&id), m.verdicts.get(&id).cloned());
        }
        let id = format!("n{i}");
        if m.is_source(&id) {
            let by: Vec<Attribution> = records
                .attributions
                .iter()
                .filter(|a| a.source == id)
                .cloned()
                .collect();
            prop_assert_eq!(g.attributions_by(&id).unwrap(), by);
            let rel: Vec<SourceRelation> = records
                .source_relations
                .iter()
                .filter(|r| r.from == id || r.to == id)
                .cloned()
                .collect();
            prop_assert_eq!(g.relations_of_source(&id).unwrap(), rel);
        } else {
            prop_assert!(g.attributions_by(&id).is_err());
        }
        if m.is_claim(&id) {
            let of: Vec<Attribution> = records
                .attributions
                .iter()
                .filter(|a| a.claim == id)
                .cloned()
                .collect();
            prop_assert_eq!(g.attributions_of(&id).unwrap(), of);
            let verdicts: Vec<Verdict> = records
                .verdicts
                .iter()
                .filter(|v| v.claim == id)
                .cloned()
                .collect();
            prop_assert_eq!(g.verdicts_of(&id).unwrap(), verdicts);
            let rel: Vec<ClaimRelation> = records
                .claim_relations
                .iter()
                .filter(|r| r.from == id || r.to == id)
                .cloned()
                .collect();
            prop_assert_eq!(g.relations_of_claim(&id).unwrap(), rel);
        } else {
            prop_assert!(g.attributions_of(&id).is_err());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn interleaved_edits_agree_with_a_plain_model(ops in proptest::collection::vec(op(), 1..80)) {
        let mut g = ClaimGraph::new();
        let mut m = Model::default();
        for (step, op) in ops.iter().enumerate() {
            let expected = m.apply(op);
            prop_assert_eq!(op.run(&mut g), expected, "step {}: {:?}", step, op);
            let records = m.records();
            prop_assert_eq!(g.is_empty(), records == Records::default(), "step {}", step);
            prop_assert_eq!(g.records(), records, "step {}: {:?}", step, op);
            check_lookups(&g, &m)?;
        }
        let records = g.records();
        let counts = Counts {
            sources: records.sources.len(),
            claims: records.claims.len(),
            attributions: records.attributions.len(),
            source_relations: records.source_relations.len(),
            claim_relations: records.claim_relations.len(),
            verdicts: records.verdicts.len(),
        };
        prop_assert_eq!(g.counts(), counts);
        prop_assert_eq!(g.is_empty(), counts == Counts::default());
        // What is left is a valid graph in its own right.
        prop_assert_eq!(ClaimGraph::from_records(records).unwrap(), g);
    }
}

#[test]
fn getting_a_missing_edge_names_its_kind_and_id() {
    let g = ClaimGraph::new();
    let cases = [
        (g.get_attribution("a").map(|_| ()), RecordKind::Attribution),
        (
            g.get_source_relation("r").map(|_| ()),
            RecordKind::SourceRelation,
        ),
        (
            g.get_claim_relation("r").map(|_| ()),
            RecordKind::ClaimRelation,
        ),
        (g.get_verdict("v").map(|_| ()), RecordKind::Verdict),
    ];
    for (result, expected) in cases {
        match result {
            Err(Error::NotFound { kind, .. }) => assert_eq!(kind, expected),
            other => panic!("expected NotFound for {expected}, got {other:?}"),
        }
    }
}

#[test]
fn removing_a_source_says_what_went_with_it_and_what_lost_it_or_refuses_while_in_use() {
    let mut g = ClaimGraph::new();
    for s in [
        Source::new("article", SourceKind::Document, "The article"),
        Source::new("abc", SourceKind::Outlet, "ABC"),
        Source::new("church", SourceKind::Organization, "The Church"),
        Source::new("paris", SourceKind::Person, "Paris"),
        Source::new("spare", SourceKind::Person, "Nobody"),
    ] {
        g.add_source(s).unwrap();
    }
    g.add_claim(Claim::new("c", "She was told to disconnect").subject("church"))
        .unwrap();
    g.add_claim(Claim::new("d", "She was harassed")).unwrap();
    g.add_attribution(
        Attribution::new("church", "c", Stance::Denies)
            .via("abc")
            .via("article")
            .covers("d"),
    )
    .unwrap();
    g.add_attribution(Attribution::new("article", "c", Stance::Asserts).basis("paris"))
        .unwrap();
    g.add_source_relation(SourceRelation::new(
        "paris",
        SourceRelationKind::AffiliatedWith,
        "church",
    ))
    .unwrap();

    let abc = g.source_uses("abc").unwrap();
    assert_eq!(abc.hops, ["church:denies:c"]);
    assert!(abc.removed_with_it().is_empty());
    let err = g.remove_source_if_unused("abc").unwrap_err().to_string();
    assert!(
        err.contains("abc") && err.contains("church:denies:c"),
        "{err}"
    );
    assert!(g.source("abc").is_some(), "a refusal changes nothing");

    let (removed, took) = g.remove_source_reporting("church").unwrap();
    assert_eq!(removed.id, "church");
    // The statement covering two claims is one record.
    assert_eq!(took.attributions, ["church:denies:c"]);
    assert_eq!(took.source_relations, ["paris:affiliated_with:church"]);
    assert_eq!(took.subject_of, ["c"]);
    assert!(g.attribution("church:denies:c").is_none());
    assert!(g.get_claim("c").unwrap().subjects.is_empty());

    let (_, paris) = g.remove_source_reporting("paris").unwrap();
    assert_eq!(paris.basis, ["article:asserts:c"]);
    assert!(paris.removed_with_it().is_empty());
    assert!(g.attribution("article:asserts:c").unwrap().basis.is_empty());

    assert!(g.source_uses("spare").unwrap().is_empty());
    assert_eq!(g.source_uses("spare").unwrap().describe(), "nothing");
    g.remove_source_if_unused("spare").unwrap();
    assert!(g.source_uses("spare").is_err());
}

#[test]
fn a_large_graph_lists_every_record_sorted_by_id_as_a_small_one_does() {
    // Past 50,000 edges the attributions are listed on a second thread; the listing must be
    // the same: every record once, each kind by id, and it rebuilds the same graph.
    let mut g = sample();
    let n = 60_000;
    for i in (0..n).rev() {
        g.add_claim(Claim::new(format!("bulk-{i}"), format!("Claim {i}")))
            .unwrap();
        let stance = if i % 3 == 0 {
            Stance::Denies
        } else {
            Stance::Asserts
        };
        g.add_attribution(Attribution::new("putin", format!("bulk-{i}"), stance))
            .unwrap();
    }
    let r = g.records();
    let counts = g.counts();
    assert_eq!(r.attributions.len(), counts.attributions);
    assert_eq!(r.claims.len(), counts.claims);
    assert_eq!(r.verdicts.len(), 1);
    assert_eq!(r.source_relations.len(), counts.source_relations);
    assert!(r.attributions.windows(2).all(|w| w[0].id < w[1].id));
    assert!(r.claims.windows(2).all(|w| w[0].id < w[1].id));
    assert_eq!(
        r.attributions
            .iter()
            .filter(|a| a.stance == Stance::Denies)
            .count(),
        n / 3 + 1 // and the sample's a-russia
    );
    assert!(ClaimGraph::from_records(r).unwrap() == g);
}
