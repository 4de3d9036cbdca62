//! The answers a careful reader of the reference article would give, asked of its graph.
//!
//! Each expectation below is read off the article's text (see `common/reference.rs` for the
//! sentences each record stands for), not off the library's output.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use claimgraph::{ClaimGraph, Result, Stance, Status, When};
use common::reference::*;

fn graph() -> ClaimGraph {
    putin_dprk_visit().expect("the reference article builds")
}

fn status(claim: &str) -> Status {
    graph().status(claim).unwrap()
}

fn origin_ids(s: &Status) -> Vec<&str> {
    s.origins.iter().map(|o| o.id.as_str()).collect()
}

#[test]
fn the_fixture_holds_every_claim_in_the_articles_order() {
    let g = graph();
    let ids: Vec<&str> = g.claims().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, CLAIMS);
    assert!(CLAIMS.len() > 10);
}

#[test]
fn containers_claim_is_disputed_between_rok_sources_and_the_accused() {
    let s = status(CONTAINERS);
    assert!(s.disputed);
    assert_eq!(s.asserters, [ROK_SOURCES]);
    assert_eq!(s.deniers, [DPRK, RUSSIA]);
    assert!(s.doubters.is_empty());
}

#[test]
fn both_denials_of_the_containers_claim_come_from_interested_parties() {
    // The claim accuses the DPRK of supplying Russia; both are its subjects.
    let s = status(CONTAINERS);
    assert_eq!(s.interested_deniers, [DPRK, RUSSIA]);
}

#[test]
fn containers_claim_rests_on_one_unnamed_origin() {
    let s = status(CONTAINERS);
    assert_eq!(origin_ids(&s), [ROK_SOURCES]);
    assert!(s.origins[0].unnamed);
    assert!(s.unnamed_only);
    assert_eq!(s.independent_origin_count(), 1);
    assert!(!s.circular_reporting);
}

#[test]
fn the_op_eds_claim_originates_with_putin_not_the_newspaper() -> Result<()> {
    let g = graph();
    let s = g.status(SUPPORT_FOR_OPERATION)?;
    assert_eq!(s.asserters, [PUTIN_OP_ED]);
    assert_eq!(origin_ids(&s), [PUTIN]);
    assert!(!s.unnamed_only);

    let chains = g.chains(SUPPORT_FOR_OPERATION)?;
    assert_eq!(chains.len(), 1);
    assert_eq!(chains[0].path, [PUTIN_OP_ED, PUTIN]);
    assert_eq!(chains[0].via.as_deref(), Some(ARTICLE));
    assert!(!chains[0].path.iter().any(|p| p == RODONG_SINMUN));
    Ok(())
}

#[test]
fn the_exchanges_figure_traces_to_the_ministry_through_its_statistics() -> Result<()> {
    let g = graph();
    let s = g.status(HIGH_LEVEL_EXCHANGES)?;
    assert_eq!(s.asserters, [UNIFICATION_STATISTICS]);
    assert_eq!(origin_ids(&s), [UNIFICATION_MINISTRY]);
    assert!(!s.unnamed_only);
    // The ministry speaks for the ROK: the ROK heads its independence group.
    assert_eq!(s.independent_origin_count(), 1);
    assert_eq!(s.independent_origins[0].top, ROK);
    assert_eq!(s.independent_origins[0].origins, [UNIFICATION_MINISTRY]);

    let chains = g.chains(HIGH_LEVEL_EXCHANGES)?;
    assert_eq!(chains.len(), 1);
    assert_eq!(
        chains[0].path,
        [UNIFICATION_STATISTICS, UNIFICATION_MINISTRY]
    );
    Ok(())
}

#[test]
fn the_articles_own_claims_trace_to_its_author() -> Result<()> {
    let g = graph();
    for claim in ARTICLE_OWN_CLAIMS {
        let s = g.status(claim)?;
        assert_eq!(s.asserters, [ARTICLE], "{claim}");
        assert_eq!(origin_ids(&s), [QIAN_KEJIN], "{claim}");
        assert!(!s.unnamed_only, "{claim}");
    }
    Ok(())
}

#[test]
fn the_article_asserts_only_what_it_says_in_its_own_voice() -> Result<()> {
    // "According to X" is X's assertion: the article itself asserts nothing it attributes.
    let g = graph();
    let mut asserted: Vec<String> = g
        .attributions_by(ARTICLE)?
        .into_iter()
        .filter(|a| a.stance == Stance::Asserts)
        .map(|a| a.claim)
        .collect();
    asserted.sort();
    let mut own = ARTICLE_OWN_CLAIMS.to_vec();
    own.sort();
    assert_eq!(asserted, own);
    Ok(())
}

#[test]
fn the_ammunition_supply_claim_rests_only_on_the_west() {
    let s = status(AMMUNITION_SUPPLY);
    assert_eq!(s.asserters, [WEST]);
    assert_eq!(origin_ids(&s), [WEST]);
    // Said twice ("there are beliefs", "remains suspicious"), still one origin.
    assert_eq!(s.independent_origin_count(), 1);
    assert!(
        s.unnamed_only,
        "the West is a collective, not a named source"
    );
    // "Both Russia and DPRK have denied these claims": the supply the West believes in and
    // the ROK sources' containers. The accused deny it, so the denials are interested.
    assert!(s.disputed);
    assert_eq!(s.deniers, [DPRK, RUSSIA]);
    assert_eq!(s.interested_deniers, [DPRK, RUSSIA]);
}

#[test]
fn one_statement_per_denier_covers_both_claims_of_supply() -> Result<()> {
    let g = graph();
    for denier in [RUSSIA, DPRK] {
        let said = g.attributions_by(denier)?;
        assert_eq!(said.len(), 1, "{denier}");
        assert_eq!(said[0].claim, CONTAINERS);
        assert_eq!(said[0].covers, [AMMUNITION_SUPPLY]);
        assert_eq!(said[0].quote.as_deref(), Some("mad rumors"));
    }
    Ok(())
}

#[test]
fn findings_list_the_disputed_claims_of_supply() {
    let f = graph().findings();
    assert_eq!(f.disputed, [AMMUNITION_SUPPLY, CONTAINERS]);
}

#[test]
fn findings_list_every_claim_resting_only_on_unnamed_sources_or_collectives() {
    // ROK media and the West are collectives; ROK sources and the Western commentators are
    // unnamed groups. Every other claim has a named origin (the author, Putin, the ministry).
    let f = graph().findings();
    let mut expected = vec![
        WELCOME_CEREMONY,
        PARTNERSHIP_AGREEMENT,
        AMMUNITION_SUPPLY,
        CONTAINERS,
        TECH_RECIPROCATION,
        DPRK_CAPABILITIES,
        DUAL_ADVANTAGE,
    ];
    expected.sort();
    assert_eq!(f.unnamed_only, expected);
}

#[test]
fn every_claim_of_the_article_rests_on_a_single_origin() {
    // Each claim is reported from one source only; nothing is corroborated.
    let f = graph().findings();
    let mut all = CLAIMS.to_vec();
    all.sort();
    assert_eq!(f.single_origin, all);
}

#[test]
fn the_article_shows_no_circular_reporting_and_no_contradiction() {
    let f = graph().findings();
    assert!(f.circular_reporting.is_empty());
    assert!(f.contradictions.is_empty());
    assert!(graph().statuses().iter().all(|s| !s.circular_reporting));
}

#[test]
fn the_day_before_the_article_the_record_holds_nothing_it_reports() -> Result<()> {
    // Every attribution is reported via the article, dated 18 June; the op-ed's own date is
    // 18 June too.
    let then = graph().as_of(&When::parse("2024-06-17")?);
    assert_eq!(then.graph.counts().attributions, 0);
    assert!(then.unplaced.is_empty(), "{:?}", then.unplaced);
    Ok(())
}

#[test]
fn on_the_articles_day_the_record_holds_all_it_reports() -> Result<()> {
    // Published at 23:30 in UTC+8, which is still 18 June in UTC.
    let g = graph();
    let then = g.as_of(&When::parse("2024-06-18")?);
    assert_eq!(then.graph.counts().attributions, g.counts().attributions);
    assert!(then.unplaced.is_empty(), "{:?}", then.unplaced);
    Ok(())
}

#[test]
fn sources_are_found_by_alias_ignoring_case() {
    let g = graph();
    let ids = |name: &str| -> Vec<String> {
        g.sources_named(name)
            .into_iter()
            .map(|s| s.id.clone())
            .collect()
    };
    assert_eq!(ids("South Korea"), [ROK]);
    assert_eq!(ids("north korea"), [DPRK]);
    assert_eq!(ids("Russian Federation"), [RUSSIA]);
    assert_eq!(ids("羊城晚报"), [YANGCHENG_EVENING_NEWS]);
    assert_eq!(ids("qian kejin"), [QIAN_KEJIN]);
    // Part of a name, ranked: the exact alias first.
    assert_eq!(g.find_sources("north korea")[0].id, DPRK);
    assert_eq!(g.find_sources("yangcheng")[0].id, YANGCHENG_EVENING_NEWS);
}

#[test]
fn the_containers_claim_is_found_by_its_words() {
    let g = graph();
    let found: Vec<&str> = g
        .search_claims("6,700 containers")
        .into_iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(found, [CONTAINERS]);
}

#[test]
fn the_containers_claim_is_less_credible_than_the_ministrys_figure() -> Result<()> {
    // An unnamed-only origin against a named ministry; the denials come from the accused and
    // should weigh little, but cannot lift the containers claim above an undisputed figure.
    let g = graph();
    let containers = g.assess(CONTAINERS)?;
    let exchanges = g.assess(HIGH_LEVEL_EXCHANGES)?;
    assert!(
        containers.score < exchanges.score,
        "containers {containers:?}\nexchanges {exchanges:?}"
    );
    assert!(containers.reasons.iter().any(|r| r.weight < 0.0));
    for a in [&containers, &exchanges] {
        assert!((0.0..=1.0).contains(&a.score), "{a:?}");
        assert!(!a.reasons.is_empty(), "{a:?}");
    }
    Ok(())
}
