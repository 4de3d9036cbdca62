//! Merging graphs: same ids are the same record, and no difference is lost silently.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimgraph::query::MergeChoice;
use claimgraph::{
    Attribution, Claim, ClaimGraph, ClaimRelation, ClaimRelationKind, Error, MergePolicy,
    RecordKind, Reliability, Source, SourceKind, SourceRelation, SourceRelationKind, Stance,
    Verdict,
};

fn base() -> ClaimGraph {
    let mut g = ClaimGraph::new();
    g.add_source(
        Source::new("rok", SourceKind::Government, "Republic of Korea")
            .alias("ROK")
            .reliability(Reliability::B),
    )
    .unwrap();
    g.add_source(Source::new(
        "rok-sources",
        SourceKind::UnnamedGroup,
        "ROK sources",
    ))
    .unwrap();
    g.add_source(Source::new("russia", SourceKind::Government, "Russia"))
        .unwrap();
    g.add_source(Source::new("yonhap", SourceKind::Outlet, "Yonhap"))
        .unwrap();
    g.add_claim(
        Claim::new("containers", "DPRK delivered 6,700 containers to Russia")
            .subject("russia")
            .tag("military"),
    )
    .unwrap();
    g.add_source_relation(SourceRelation::new(
        "yonhap",
        SourceRelationKind::Cites,
        "rok-sources",
    ))
    .unwrap();
    g.add_attribution(
        Attribution::new("rok-sources", "containers", Stance::Asserts)
            .with_id("a1")
            .via("yonhap"),
    )
    .unwrap();
    g.add_attribution(Attribution::new("russia", "containers", Stance::Denies).with_id("a2"))
        .unwrap();
    g
}

#[test]
fn records_only_the_other_graph_holds_are_added_and_shared_ones_are_unchanged() {
    let mut ours = base();
    let mut theirs = base();
    theirs
        .add_source(Source::new("dprk", SourceKind::Government, "DPRK"))
        .unwrap();
    theirs
        .add_claim(Claim::new("ammo", "DPRK supplies ammunition").subject("dprk"))
        .unwrap();
    theirs
        .add_claim_relation(ClaimRelation::new(
            "containers",
            ClaimRelationKind::Specializes,
            "ammo",
        ))
        .unwrap();
    theirs
        .add_attribution(Attribution::new("dprk", "ammo", Stance::Denies).with_id("a3"))
        .unwrap();
    theirs
        .add_verdict(Verdict::new("yonhap", "ammo", "Mostly true"))
        .unwrap();

    let report = ours.merge(&theirs, MergePolicy::Fail).unwrap();
    assert_eq!(
        report.added,
        [
            "a3",
            "ammo",
            "containers:specializes:ammo",
            "dprk",
            "yonhap:verdict:ammo"
        ]
    );
    assert_eq!(
        report.unchanged,
        [
            "a1",
            "a2",
            "containers",
            "rok",
            "rok-sources",
            "russia",
            "yonhap",
            "yonhap:cites:rok-sources"
        ]
    );
    assert!(report.extended.is_empty());
    assert!(report.conflicts.is_empty());
    // Every record of both graphs is now here.
    assert_eq!(ours, theirs);
}

#[test]
fn merging_a_graph_into_itself_changes_nothing() {
    let mut g = base();
    let copy = g.clone();
    let report = g.merge(&copy, MergePolicy::Fail).unwrap();
    assert!(report.added.is_empty());
    assert!(report.extended.is_empty());
    assert!(report.conflicts.is_empty());
    assert_eq!(report.unchanged.len(), 8);
    assert_eq!(g, copy);
}

#[test]
fn disjoint_graphs_merge_into_their_union() {
    let mut a = ClaimGraph::new();
    a.add_source(Source::new("x", SourceKind::Person, "X"))
        .unwrap();
    a.add_claim(Claim::new("c", "C")).unwrap();
    a.add_attribution(Attribution::new("x", "c", Stance::Asserts))
        .unwrap();
    let mut b = ClaimGraph::new();
    b.add_source(Source::new("y", SourceKind::Person, "Y"))
        .unwrap();
    b.add_claim(Claim::new("d", "D")).unwrap();
    b.add_attribution(Attribution::new("y", "d", Stance::Doubts))
        .unwrap();

    let mut merged = a.clone();
    merged.merge(&b, MergePolicy::Fail).unwrap();
    let mut records = a.records();
    let rb = b.records();
    records.sources.extend(rb.sources);
    records.claims.extend(rb.claims);
    records.attributions.extend(rb.attributions);
    assert_eq!(merged, ClaimGraph::from_records(records).unwrap());
}

#[test]
fn a_conflict_fails_naming_kind_id_and_field_and_changes_nothing() {
    let mut ours = base();
    let before = ours.clone();
    let mut theirs = base();
    theirs
        .update_source(
            Source::new("rok", SourceKind::Government, "South Korea")
                .alias("ROK")
                .reliability(Reliability::B),
        )
        .unwrap();
    // Something to add too, so that a partial merge would show.
    theirs
        .add_source(Source::new("dprk", SourceKind::Government, "DPRK"))
        .unwrap();

    let err = ours.merge(&theirs, MergePolicy::Fail).unwrap_err();
    match err {
        Error::MergeConflict {
            kind,
            id,
            field,
            ours: o,
            theirs: t,
        } => {
            assert_eq!(kind, RecordKind::Source);
            assert_eq!(id, "rok");
            assert_eq!(field, "name");
            assert_eq!(o, "\"Republic of Korea\"");
            assert_eq!(t, "\"South Korea\"");
        }
        other => panic!("expected a merge conflict, got {other:?}"),
    }
    assert_eq!(ours, before);
    assert!(!ours.contains_node("dprk"));
}

#[test]
fn the_first_conflict_reported_is_the_first_by_kind_then_id_then_field() {
    let mut ours = base();
    let mut theirs = base();
    // A claim conflict and two source conflicts; sources come first, then by id, then field.
    theirs
        .update_claim(
            Claim::new("containers", "Another wording")
                .subject("russia")
                .tag("military"),
        )
        .unwrap();
    theirs
        .update_source(Source::new("yonhap", SourceKind::Outlet, "Yonhap").url("https://yna.co.kr"))
        .unwrap();
    theirs
        .update_source(
            Source::new("russia", SourceKind::Person, "Russia").url("https://kremlin.ru"),
        )
        .unwrap();
    let err = ours.merge(&theirs, MergePolicy::Fail).unwrap_err();
    assert!(
        matches!(&err, Error::MergeConflict { kind: RecordKind::Source, id, field: "kind", .. } if id == "russia"),
        "{err}"
    );
}

fn conflicting_pair() -> (ClaimGraph, ClaimGraph) {
    let ours = base();
    let mut theirs = base();
    theirs
        .update_source(
            Source::new("rok", SourceKind::Government, "South Korea")
                .alias("South Korea")
                .reliability(Reliability::A),
        )
        .unwrap();
    (ours, theirs)
}

#[test]
fn keep_ours_keeps_our_fields_reports_each_conflict_and_still_unites_aliases() {
    let (mut ours, theirs) = conflicting_pair();
    let report = ours.merge(&theirs, MergePolicy::KeepOurs).unwrap();
    let rok = ours.get_source("rok").unwrap();
    assert_eq!(rok.name, "Republic of Korea");
    assert_eq!(rok.reliability, Some(Reliability::B));
    assert_eq!(rok.aliases, ["ROK", "South Korea"]);
    let fields: Vec<(&str, &str, MergeChoice)> = report
        .conflicts
        .iter()
        .map(|c| (c.id.as_str(), c.field, c.chosen))
        .collect();
    assert_eq!(
        fields,
        [
            ("rok", "name", MergeChoice::Ours),
            ("rok", "reliability", MergeChoice::Ours)
        ]
    );
    assert_eq!(report.conflicts[1].ours, "\"B\"");
    assert_eq!(report.conflicts[1].theirs, "\"A\"");
    assert_eq!(report.extended, ["rok"]);
    assert!(!report.unchanged.contains(&"rok".to_owned()));
}

#[test]
fn take_theirs_takes_their_fields_and_reports_each_conflict() {
    let (mut ours, theirs) = conflicting_pair();
    let report = ours.merge(&theirs, MergePolicy::TakeTheirs).unwrap();
    let rok = ours.get_source("rok").unwrap();
    assert_eq!(rok.name, "South Korea");
    assert_eq!(rok.reliability, Some(Reliability::A));
    // Our alias is not lost: aliases are united, not replaced.
    assert_eq!(rok.aliases, ["ROK", "South Korea"]);
    assert_eq!(report.conflicts.len(), 2);
    assert!(report
        .conflicts
        .iter()
        .all(|c| c.chosen == MergeChoice::Theirs && c.kind == RecordKind::Source));
}

#[test]
fn aliases_tags_and_subjects_are_united_without_conflict_or_duplicates() {
    let mut ours = base();
    let mut theirs = base();
    theirs
        .add_source(Source::new("dprk", SourceKind::Government, "DPRK"))
        .unwrap();
    theirs
        .update_source(
            Source::new("rok", SourceKind::Government, "Republic of Korea")
                .alias("South Korea")
                .alias("ROK")
                .reliability(Reliability::B),
        )
        .unwrap();
    theirs
        .update_claim(
            Claim::new("containers", "DPRK delivered 6,700 containers to Russia")
                .subject("dprk")
                .subject("russia")
                .tag("munitions")
                .tag("military"),
        )
        .unwrap();
    let report = ours.merge(&theirs, MergePolicy::Fail).unwrap();
    assert!(report.conflicts.is_empty());
    assert_eq!(report.extended, ["containers", "rok"]);
    assert_eq!(report.added, ["dprk"]);
    assert_eq!(
        ours.get_source("rok").unwrap().aliases,
        ["ROK", "South Korea"]
    );
    let c = ours.get_claim("containers").unwrap();
    assert_eq!(c.subjects, ["russia", "dprk"]);
    assert_eq!(c.tags, ["military", "munitions"]);
}

#[test]
fn the_same_id_on_different_kinds_of_record_is_always_an_error() {
    for policy in [
        MergePolicy::Fail,
        MergePolicy::KeepOurs,
        MergePolicy::TakeTheirs,
    ] {
        let mut ours = base();
        let before = ours.clone();
        let mut theirs = ClaimGraph::new();
        theirs.add_claim(Claim::new("russia", "Russia")).unwrap();
        theirs
            .add_source(Source::new("new", SourceKind::Person, "New"))
            .unwrap();
        let err = ours.merge(&theirs, policy).unwrap_err();
        match &err {
            Error::MergeConflict {
                kind,
                id,
                field,
                ours: o,
                theirs: t,
            } => {
                assert_eq!(
                    (*kind, id.as_str(), *field),
                    (RecordKind::Source, "russia", "kind")
                );
                assert_eq!((o.as_str(), t.as_str()), ("\"source\"", "\"claim\""));
            }
            other => panic!("expected a merge conflict, got {other:?}"),
        }
        assert_eq!(ours, before);
    }
}

#[test]
fn an_edge_id_naming_another_kind_of_edge_is_an_error() {
    let mut ours = base();
    let mut theirs = base();
    theirs.remove_attribution("a2").unwrap();
    theirs
        .add_verdict(Verdict::new("yonhap", "containers", "True").with_id("a2"))
        .unwrap();
    let err = ours.merge(&theirs, MergePolicy::TakeTheirs).unwrap_err();
    assert!(
        matches!(&err, Error::MergeConflict { kind: RecordKind::Attribution, id, field: "kind", .. } if id == "a2"),
        "{err}"
    );
}

#[test]
fn edges_with_different_endpoints_conflict_on_the_endpoint_fields() {
    let mut ours = base();
    let mut theirs = base();
    theirs
        .update_attribution(
            Attribution::new("russia", "containers", Stance::Asserts)
                .with_id("a1")
                .via("yonhap"),
        )
        .unwrap();
    theirs
        .update_source_relation(
            SourceRelation::new("rok-sources", SourceRelationKind::Cites, "yonhap")
                .with_id("yonhap:cites:rok-sources"),
        )
        .unwrap();
    let err = ours.clone().merge(&theirs, MergePolicy::Fail).unwrap_err();
    assert!(
        matches!(&err, Error::MergeConflict { kind: RecordKind::Attribution, id, field: "source", .. } if id == "a1"),
        "{err}"
    );

    let report = ours.merge(&theirs, MergePolicy::TakeTheirs).unwrap();
    let fields: Vec<(RecordKind, &str, &str)> = report
        .conflicts
        .iter()
        .map(|c| (c.kind, c.id.as_str(), c.field))
        .collect();
    assert_eq!(
        fields,
        [
            (RecordKind::Attribution, "a1", "source"),
            (
                RecordKind::SourceRelation,
                "yonhap:cites:rok-sources",
                "from"
            ),
            (RecordKind::SourceRelation, "yonhap:cites:rok-sources", "to"),
        ]
    );
    let a1 = ours.attribution("a1").unwrap();
    assert_eq!(a1.source, "russia");
    let r = ours.source_relation("yonhap:cites:rok-sources").unwrap();
    assert_eq!((r.from.as_str(), r.to.as_str()), ("rok-sources", "yonhap"));
    assert_eq!(ours.attributions_by("russia").unwrap().len(), 2);
}

#[test]
fn verdicts_conflict_on_reviewer_and_claim() {
    let mut ours = base();
    ours.add_claim(Claim::new("other", "Other")).unwrap();
    ours.add_verdict(Verdict::new("yonhap", "containers", "True").with_id("v"))
        .unwrap();
    let mut theirs = ours.clone();
    theirs
        .update_verdict(Verdict::new("rok", "other", "True").with_id("v"))
        .unwrap();
    let report = ours.merge(&theirs, MergePolicy::KeepOurs).unwrap();
    let fields: Vec<&str> = report.conflicts.iter().map(|c| c.field).collect();
    assert_eq!(fields, ["claim", "reviewer"]);
    assert_eq!(ours.verdict("v").unwrap().reviewer, "yonhap");
}
