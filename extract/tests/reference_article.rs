//! The reference article's draft: the sources a reader finds in it, each of the right kind, and
//! the denial by Russia and the DPRK of the containers claim.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimgraph::{Modality, SourceKind, SourceRelationKind, Stance};
use claimgraph_extract::{extract, ExtractOptions, Extraction};

const ARTICLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/reference/putin-dprk-visit-2024-06-18.txt"
));

fn draft() -> Extraction {
    extract(ARTICLE, &ExtractOptions::default()).expect("the reference article drafts")
}

/// The source of the attribution whose source words are `words`: its id and kind.
fn source_of(d: &Extraction, words: &str) -> Vec<(String, SourceKind)> {
    d.attributions
        .iter()
        .filter(|a| a.source.map(|s| s.text(ARTICLE)) == Some(words))
        .flat_map(|a| a.source_ids.iter())
        .map(|id| {
            (
                id.clone(),
                d.graph.get_source(id).expect("source in draft").kind,
            )
        })
        .collect()
}

#[test]
fn rok_media_and_rok_sources_are_a_collective_and_an_unnamed_group() {
    let d = draft();
    let media = source_of(&d, "media from the Republic of Korea (ROK)");
    assert_eq!(media.len(), 1, "{media:?}");
    assert_eq!(media[0].1, SourceKind::Collective);
    let rok = source_of(&d, "ROK sources");
    assert_eq!(rok, [("rok-sources".to_owned(), SourceKind::UnnamedGroup)]);
}

#[test]
fn russia_and_the_dprk_deny_the_containers_claim_as_mad_rumors() {
    let d = draft();
    let claimed = d
        .attributions
        .iter()
        .find(|a| a.source.map(|s| s.text(ARTICLE)) == Some("ROK sources"))
        .expect("ROK sources' claim");
    assert!(d
        .graph
        .get_claim(&claimed.claim_id)
        .unwrap()
        .text
        .contains("6,700 containers"));
    let denial = d
        .attributions
        .iter()
        .find(|a| a.stance == Stance::Denies)
        .expect("a denial");
    assert_eq!(
        denial.claim_id, claimed.claim_id,
        "the denial is of the containers claim"
    );
    assert_eq!(denial.source_ids, ["russia", "dprk"]);
    for id in &denial.attribution_ids {
        let a = d.graph.get_attribution(id).unwrap();
        assert_eq!(a.quote.as_deref(), Some("mad rumors"));
        assert_eq!(a.reported_in(), Some(d.article_id.as_str()));
        assert_eq!(
            d.graph.get_source(&a.source).unwrap().kind,
            SourceKind::Government
        );
    }
    let status = d.graph.status(&claimed.claim_id).unwrap();
    assert!(status.disputed);
}

#[test]
fn the_ministry_statistics_and_putins_op_ed_are_documents_with_their_authors() {
    let d = draft();
    let stats = source_of(&d, "statistics from ROK's Ministry of Unification");
    assert_eq!(stats.len(), 1);
    assert_eq!(stats[0].1, SourceKind::Document);
    let authored: Vec<_> = d
        .graph
        .source_relations()
        .filter(|r| r.kind == SourceRelationKind::AuthoredBy)
        .map(|r| (r.from.clone(), r.to.clone()))
        .collect();
    let ministry = authored
        .iter()
        .find(|(from, _)| from == &stats[0].0)
        .map(|(_, to)| d.graph.get_source(to).unwrap())
        .expect("the statistics' author");
    assert!(ministry.name.contains("Ministry of Unification"));
    assert_eq!(ministry.kind, SourceKind::Government);

    let op_ed = d
        .attributions
        .iter()
        .find(|a| a.cue.map(|c| c.text(ARTICLE)) == Some("expressed"))
        .expect("Putin's op-ed statement");
    let doc = d.graph.get_source(&op_ed.source_ids[0]).unwrap();
    assert_eq!(doc.kind, SourceKind::Document);
    assert!(doc.name.starts_with("Putin's op-ed"), "{}", doc.name);
    let author = authored
        .iter()
        .find(|(from, _)| from == &doc.id)
        .map(|(_, to)| d.graph.get_source(to).unwrap())
        .expect("the op-ed's author");
    assert_eq!(author.kind, SourceKind::Person);
    assert_eq!(author.name, "Vladimir Putin");
}

#[test]
fn the_west_is_a_collective_and_western_commentators_an_unnamed_group() {
    let d = draft();
    let west = source_of(&d, "the West");
    assert!(!west.is_empty());
    assert!(west
        .iter()
        .all(|(id, k)| id == "the-west" && *k == SourceKind::Collective));
    // "The West believes" is the same collective.
    assert_eq!(source_of(&d, "The West")[0].0, "the-west");
    let commentators = source_of(&d, "Some Western commentators");
    assert_eq!(commentators[0].1, SourceKind::UnnamedGroup);
    let belief = d
        .attributions
        .iter()
        .find(|a| {
            a.source_ids == ["the-west"] && a.cue.map(|c| c.text(ARTICLE)) == Some("believes")
        })
        .expect("the West believes");
    assert_eq!(belief.modality, Modality::Alleged);
}

#[test]
fn every_record_points_at_words_of_the_article() {
    let d = draft();
    assert!(d.records.len() >= d.graph.counts().sources);
    for r in &d.records {
        assert!(!r.spans.is_empty(), "{} has no span", r.id);
        for s in &r.spans {
            assert!(
                !s.text(ARTICLE).trim().is_empty(),
                "{}: empty span {s:?}",
                r.id
            );
        }
        assert!(
            (0.0..=1.0).contains(&r.confidence),
            "{}: {}",
            r.id,
            r.confidence
        );
    }
}
