//! Records cross the boundary unchanged: what an app hands in is what it reads back, dates keep
//! their precision, and left-out edge ids become the core's default ids.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimgraph_uniffi::{
    Attribution, Claim, ClaimGraph, ClaimGraphError, ClaimRelation, ClaimRelationKind, Modality,
    Period, Quantity, Rating, Reliability, Source, SourceKind, SourceRelation, SourceRelationKind,
    Stance, Verdict,
};

fn article() -> Source {
    Source {
        id: "article".into(),
        kind: SourceKind::Document,
        name: "Putin's visit to DPRK".into(),
        aliases: vec!["the analysis".into()],
        reliability: Some(Reliability::C),
        url: Some("https://example.org/analysis".into()),
        title: Some("Analysis: Putin's visit to DPRK raises Western concerns".into()),
        published: Some("2024-06-18T23:30:00+08:00".into()),
    }
}

fn source(id: &str, kind: SourceKind) -> Source {
    Source {
        id: id.into(),
        kind,
        name: id.to_uppercase(),
        aliases: vec![],
        reliability: None,
        url: None,
        title: None,
        published: None,
    }
}

fn containers() -> Claim {
    Claim {
        id: "containers".into(),
        text: "DPRK delivered 6,700 containers of munitions to Russia".into(),
        subjects: vec!["dprk".into(), "russia".into()],
        period: Some(Period {
            start: Some("2023-08".into()),
            end: Some("2024-02".into()),
        }),
        tags: vec!["military".into()],
        quantity: Some(Quantity {
            value: 6700.0,
            unit: "containers".into(),
        }),
    }
}

fn attribution(source: &str, claim: &str, stance: Stance) -> Attribution {
    Attribution {
        source: source.into(),
        claim: claim.into(),
        stance,
        modality: Modality::Stated,
        said: None,
        quote: None,
        via: None,
        basis: Vec::new(),
        covers: Vec::new(),
        id: None,
    }
}

fn graph() -> std::sync::Arc<ClaimGraph> {
    let g = ClaimGraph::new();
    g.add_source(article()).unwrap();
    g.add_source(source("dprk", SourceKind::Government))
        .unwrap();
    g.add_source(source("russia", SourceKind::Government))
        .unwrap();
    g.add_source(source("rok-sources", SourceKind::UnnamedGroup))
        .unwrap();
    g.add_claim(containers()).unwrap();
    g
}

#[test]
fn sources_and_claims_read_back_as_given() {
    let g = graph();
    assert_eq!(g.source("article".into()).unwrap(), Some(article()));
    assert_eq!(g.claim("containers".into()).unwrap(), Some(containers()));
    assert_eq!(
        g.source("containers".into()).unwrap(),
        None,
        "a claim is not a source"
    );
    assert_eq!(g.claim("nobody".into()).unwrap(), None);
}

#[test]
fn the_binding_records_are_the_core_records() {
    let core: claimgraph::Source = article().try_into().unwrap();
    assert_eq!(core.kind, claimgraph::SourceKind::Document);
    assert_eq!(core.reliability, Some(claimgraph::Reliability::C));
    assert_eq!(
        core.published,
        Some(claimgraph::When::parse("2024-06-18T23:30:00+08:00").unwrap())
    );
    assert_eq!(Source::from(core), article());

    let claim: claimgraph::Claim = containers().try_into().unwrap();
    assert_eq!(
        claim.period.unwrap().start,
        Some(claimgraph::When::Month(2023, 8))
    );
    assert_eq!(claim.quantity.as_ref().map(|q| q.value), Some(6700.0));
    assert_eq!(Claim::from(claim), containers());
}

#[test]
fn every_date_precision_round_trips_as_written() {
    let g = graph();
    for (i, said) in [
        "2024",
        "2024-06",
        "2024-06-18",
        "2024-06-18T23:30:00+08:00",
        "2024-06-18T15:30:00.250Z",
    ]
    .into_iter()
    .enumerate()
    {
        let mut a = attribution("rok-sources", "containers", Stance::Asserts);
        a.id = Some(format!("said-{i}"));
        a.said = Some(said.into());
        g.add_attribution(a).unwrap();
        let back = g.attribution(format!("said-{i}")).unwrap().unwrap();
        let again = claimgraph::When::parse(back.said.as_deref().unwrap()).unwrap();
        assert_eq!(again, claimgraph::When::parse(said).unwrap(), "{said}");
    }
    assert_eq!(
        g.attribution("said-1".into())
            .unwrap()
            .unwrap()
            .said
            .as_deref(),
        Some("2024-06"),
        "a month stays a month"
    );
}

#[test]
fn left_out_edge_ids_are_the_core_default_ids() {
    let g = graph();
    let a = attribution("russia", "containers", Stance::Denies);
    assert_eq!(
        g.add_attribution(a.clone()).unwrap(),
        claimgraph::Attribution::default_id("russia", "containers", claimgraph::Stance::Denies)
    );
    let stored = g
        .attribution("russia:denies:containers".into())
        .unwrap()
        .unwrap();
    assert_eq!(stored.id.as_deref(), Some("russia:denies:containers"));
    assert_eq!(Attribution { id: None, ..stored }, a);

    let relation = SourceRelation {
        from: "rok-sources".into(),
        kind: SourceRelationKind::Cites,
        to: "article".into(),
        date: Some("2024-06".into()),
        id: None,
    };
    assert_eq!(
        g.add_source_relation(relation).unwrap(),
        "rok-sources:cites:article"
    );

    let verdict = Verdict {
        reviewer: "rok-sources".into(),
        claim: "containers".into(),
        label: "Mostly false".into(),
        rating: Some(Rating {
            value: 2.0,
            best: 5.0,
            worst: 1.0,
        }),
        date: Some("2024-06-20".into()),
        url: None,
        summary: Some("A note".into()),
        id: None,
    };
    let id = g.add_verdict(verdict.clone()).unwrap();
    assert_eq!(id, "rok-sources:verdict:containers");
    assert_eq!(
        g.verdict(id.clone()).unwrap(),
        Some(Verdict {
            id: Some(id),
            ..verdict
        })
    );
}

#[test]
fn a_given_edge_id_is_kept() {
    let g = graph();
    g.add_claim(Claim {
        id: "ammunition".into(),
        text: "DPRK supplies ammunition to Russia".into(),
        subjects: vec![],
        period: None,
        tags: vec![],
        quantity: None,
    })
    .unwrap();
    let r = ClaimRelation {
        from: "containers".into(),
        kind: ClaimRelationKind::Specializes,
        to: "ammunition".into(),
        id: Some("instance".into()),
    };
    assert_eq!(g.add_claim_relation(r.clone()).unwrap(), "instance");
    assert_eq!(g.claim_relation("instance".into()).unwrap(), Some(r));
}

#[test]
fn every_enum_value_maps_both_ways() {
    for k in claimgraph::SourceKind::ALL {
        assert_eq!(claimgraph::SourceKind::from(SourceKind::from(k)), k);
    }
    for s in claimgraph::Stance::ALL {
        assert_eq!(claimgraph::Stance::from(Stance::from(s)), s);
    }
    for m in claimgraph::Modality::ALL {
        assert_eq!(claimgraph::Modality::from(Modality::from(m)), m);
    }
    for r in claimgraph::Reliability::ALL {
        assert_eq!(claimgraph::Reliability::from(Reliability::from(r)), r);
    }
    for k in claimgraph::SourceRelationKind::ALL {
        assert_eq!(
            claimgraph::SourceRelationKind::from(SourceRelationKind::from(k)),
            k
        );
    }
    for k in claimgraph::ClaimRelationKind::ALL {
        assert_eq!(
            claimgraph::ClaimRelationKind::from(ClaimRelationKind::from(k)),
            k
        );
    }
}

#[test]
fn updates_and_removals_return_the_old_records() {
    let g = graph();
    let mut renamed = source("russia", SourceKind::Government);
    renamed.name = "Russian Federation".into();
    let old = g.update_source(renamed.clone()).unwrap();
    assert_eq!(old, source("russia", SourceKind::Government));
    assert_eq!(g.source("russia".into()).unwrap(), Some(renamed));

    let id = g
        .add_attribution(attribution("dprk", "containers", Stance::Denies))
        .unwrap();
    let removed = g.remove_attribution(id.clone()).unwrap();
    assert_eq!(removed.id, Some(id.clone()));
    assert_eq!(g.attribution(id).unwrap(), None);
}

#[test]
fn the_snapshot_is_the_core_graph() {
    let g = graph();
    g.add_attribution(attribution("rok-sources", "containers", Stance::Asserts))
        .unwrap();
    let core = g.snapshot().unwrap();
    assert_eq!(core.counts().attributions, 1);
    assert_eq!(ClaimGraph::from(core), *g);
}

#[test]
fn json_round_trips_through_the_object() {
    let g = graph();
    g.add_attribution(attribution("russia", "containers", Stance::Denies))
        .unwrap();
    let again = ClaimGraph::from_json(g.to_json().unwrap()).unwrap();
    assert_eq!(*again, *g);
    assert_eq!(again.to_json().unwrap(), g.to_json().unwrap());
}

#[test]
fn as_of_gives_a_separate_graph() {
    let g = graph();
    let mut a = attribution("rok-sources", "containers", Stance::Asserts);
    a.said = Some("2024-06-18".into());
    g.add_attribution(a).unwrap();
    let then = g.as_of("2024-06".into()).unwrap();
    assert_eq!(then.date, "2024-06");
    then.graph
        .add_source(source("tass", SourceKind::Outlet))
        .unwrap();
    assert_eq!(g.source("tass".into()).unwrap(), None);
}

#[test]
fn a_graph_merged_with_itself_is_unchanged() {
    let g = graph();
    let before = g.to_json().unwrap();
    let report = g
        .merge(g.clone(), claimgraph_uniffi::MergePolicy::Fail)
        .unwrap();
    assert!(report.added.is_empty());
    assert!(report.conflicts.is_empty());
    assert_eq!(g.to_json().unwrap(), before);
}

#[test]
fn a_bad_date_in_a_record_names_the_record_and_the_field() {
    let mut c = containers();
    c.period = Some(Period {
        start: None,
        end: Some("2024-02-30".into()),
    });
    match claimgraph::Claim::try_from(c) {
        Err(ClaimGraphError::InvalidInput {
            id, field, value, ..
        }) => {
            assert_eq!(id.as_deref(), Some("containers"));
            assert_eq!(field.as_deref(), Some("period.end"));
            assert_eq!(value.as_deref(), Some("2024-02-30"));
        }
        other => panic!("unexpected {other:?}"),
    }
    let mut s = article();
    s.published = Some("18/06/2024".into());
    match graph().update_source(s) {
        Err(ClaimGraphError::InvalidInput { id, field, .. }) => {
            assert_eq!(id.as_deref(), Some("article"));
            assert_eq!(field.as_deref(), Some("published"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

/// A corpus in the benchmark schema: one unnamed source, an outlet citing it, one claim the
/// outlet asserts and the unnamed source denies.
const CORPUS: &str = r#"{"type":"meta","format_version":1,"generator":"test","seed":1,"n_claims":1,"counts":{"source":2,"claim":1,"attribution":2,"citation":1,"cycle_citation":0}}
{"type":"source","id":"s0","kind":"anonymous_group","name":"officials","anonymous":true}
{"type":"source","id":"s1","kind":"outlet","name":"Wire","anonymous":false}
{"type":"citation","id":"x0","from":"s1","to":"s0","date":"2024-06-18","cycle":false}
{"type":"claim","id":"c0","text":"A claim"}
{"type":"attribution","id":"a0","source":"s1","claim":"c0","stance":"asserts","date":"2024-06-18","quote":null}
{"type":"attribution","id":"a1","source":"s0","claim":"c0","stance":"denies","date":"2024-06-19","quote":"no"}
"#;

#[test]
fn a_json_lines_corpus_loads_from_text_and_from_a_file() {
    let g = ClaimGraph::new();
    let report = g.ingest_jsonl_text(CORPUS.into()).unwrap();
    assert_eq!(
        (
            report.lines,
            report.sources,
            report.claims,
            report.attributions,
            report.citations
        ),
        (7, 2, 1, 2, 1)
    );
    let status = g.status("c0".into()).unwrap();
    assert_eq!(status.asserters, ["s1"]);
    assert_eq!(status.deniers, ["s0"]);
    // The outlet only reports what the officials said.
    assert_eq!(
        status
            .origins
            .iter()
            .map(|o| o.id.as_str())
            .collect::<Vec<_>>(),
        ["s0"]
    );

    let file = std::env::temp_dir().join(format!(
        "claimgraph-uniffi-corpus-{}.jsonl",
        std::process::id()
    ));
    std::fs::write(&file, CORPUS).unwrap();
    let from_file = ClaimGraph::from_jsonl(file.display().to_string());
    std::fs::remove_file(&file).unwrap();
    assert_eq!(*from_file.unwrap(), *g);
}

#[test]
fn a_copy_is_a_separate_graph() {
    let g = graph();
    let copy = g.copy().unwrap();
    assert_eq!(*copy, *g);
    copy.remove_claim("containers".into()).unwrap();
    assert!(g.claim("containers".into()).unwrap().is_some());
    assert_ne!(*copy, *g);
}

#[test]
fn status_figures_count_what_the_status_lists() {
    let g = ClaimGraph::new();
    g.add_source(source("rok-sources", SourceKind::UnnamedGroup))
        .unwrap();
    g.add_source(source("russia", SourceKind::Government))
        .unwrap();
    g.add_source(source("dprk", SourceKind::Government))
        .unwrap();
    g.add_claim(containers()).unwrap();
    for (who, stance) in [
        ("rok-sources", Stance::Asserts),
        ("russia", Stance::Denies),
        ("dprk", Stance::Denies),
    ] {
        g.add_attribution(Attribution {
            id: None,
            source: who.into(),
            claim: "containers".into(),
            stance,
            modality: Modality::Stated,
            said: None,
            quote: None,
            via: None,
            basis: Vec::new(),
            covers: Vec::new(),
        })
        .unwrap();
    }
    let status = g.status("containers".into()).unwrap();
    let summary = g.summary("containers".into()).unwrap();
    assert_eq!(summary.asserters, status.asserters.len() as u64);
    assert_eq!(summary.deniers, status.deniers.len() as u64);
    assert_eq!(summary.origins, status.origins.len() as u64);
    assert!(summary.disputed && summary.unnamed_only);
    assert_eq!(g.summaries().unwrap(), vec![summary]);
    assert!(matches!(
        g.summary("nope".into()),
        Err(ClaimGraphError::NotFound { .. })
    ));
}
