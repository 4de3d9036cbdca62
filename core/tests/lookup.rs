//! Finding sources by name or alias, and claims by the words of their text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimgraph::{Claim, ClaimGraph, Source, SourceKind};

fn graph() -> ClaimGraph {
    let mut g = ClaimGraph::new();
    g.add_source(
        Source::new("rok", SourceKind::Government, "Republic of Korea")
            .alias("ROK")
            .alias("South Korea"),
    )
    .unwrap();
    g.add_source(
        Source::new(
            "dprk",
            SourceKind::Government,
            "Democratic People's Republic of Korea",
        )
        .alias("ДПРК")
        .alias("North Korea"),
    )
    .unwrap();
    g.add_source(Source::new("elysee", SourceKind::Government, "Élysée"))
        .unwrap();
    g.add_source(Source::new(
        "rok-sources",
        SourceKind::UnnamedGroup,
        "ROK sources",
    ))
    .unwrap();
    g.add_claim(Claim::new(
        "containers",
        "DPRK delivered 6,700 containers of munitions to Russia",
    ))
    .unwrap();
    g.add_claim(Claim::new(
        "treaty",
        "Russia and the DPRK are expected to sign a comprehensive strategic partnership treaty",
    ))
    .unwrap();
    g.add_claim(Claim::new("shells", "Russia's shells came from the DPRK."))
        .unwrap();
    g
}

fn ids<T>(found: &[&T], id: impl Fn(&T) -> &str) -> Vec<String> {
    found.iter().map(|x| id(x).to_owned()).collect()
}

#[test]
fn an_alias_finds_its_source_whatever_the_case_and_spacing() {
    let g = graph();
    let found = g.sources_named("south korea");
    assert_eq!(ids(&found, |s: &Source| &s.id), ["rok"]);
    let found = g.sources_named("  SOUTH \t Korea ");
    assert_eq!(ids(&found, |s: &Source| &s.id), ["rok"]);
}

#[test]
fn the_name_itself_finds_its_source() {
    let g = graph();
    assert_eq!(
        ids(&g.sources_named("republic of korea"), |s: &Source| &s.id),
        ["rok"]
    );
    assert_eq!(
        ids(&g.sources_named("rok sources"), |s: &Source| &s.id),
        ["rok-sources"]
    );
}

#[test]
fn case_is_folded_beyond_ascii() {
    let g = graph();
    assert_eq!(
        ids(&g.sources_named("ÉLYSÉE"), |s: &Source| &s.id),
        ["elysee"]
    );
    assert_eq!(ids(&g.sources_named("дпрк"), |s: &Source| &s.id), ["dprk"]);
}

#[test]
fn only_whole_names_match_and_ids_are_not_names() {
    let g = graph();
    assert!(g.sources_named("Korea").is_empty());
    assert!(g.sources_named("elysee").is_empty());
    assert!(g.sources_named("").is_empty());
    assert!(g.sources_named("   ").is_empty());
}

#[test]
fn sources_sharing_a_name_are_all_found_sorted_by_id() {
    let mut g = graph();
    g.add_source(Source::new("a-rok", SourceKind::Outlet, "South Korea"))
        .unwrap();
    assert_eq!(
        ids(&g.sources_named("South Korea"), |s: &Source| &s.id),
        ["a-rok", "rok"]
    );
}

#[test]
fn search_finds_claims_holding_every_query_word_in_any_order_and_case() {
    let g = graph();
    let found = g.search_claims("RUSSIA dprk");
    assert_eq!(
        ids(&found, |c: &Claim| &c.id),
        ["containers", "shells", "treaty"]
    );
    let found = g.search_claims("munitions russia");
    assert_eq!(ids(&found, |c: &Claim| &c.id), ["containers"]);
}

#[test]
fn search_splits_on_punctuation() {
    let g = graph();
    assert_eq!(
        ids(&g.search_claims("6,700"), |c: &Claim| &c.id),
        ["containers"]
    );
    // A possessive is its noun: "russia's" is "russia".
    assert_eq!(
        ids(&g.search_claims("russia's shell"), |c: &Claim| &c.id),
        ["shells"]
    );
    assert_eq!(
        ids(&g.search_claims("strategic-partnership"), |c: &Claim| &c.id),
        ["treaty"]
    );
}

#[test]
fn search_folds_case_beyond_ascii() {
    let mut g = ClaimGraph::new();
    g.add_claim(Claim::new("ru", "ДПРК поставляет снаряды России"))
        .unwrap();
    assert_eq!(
        ids(&g.search_claims("дпрк СНАРЯДЫ"), |c: &Claim| &c
            .id),
        ["ru"]
    );
}

#[test]
fn search_without_a_match_or_without_words_finds_nothing() {
    let g = graph();
    assert!(g.search_claims("ukraine").is_empty());
    assert!(g.search_claims("russia ukraine").is_empty());
    assert!(g.search_claims("ukrainian containers").is_empty());
    assert!(g.search_claims("of the").is_empty());
    assert!(g.search_claims("").is_empty());
    assert!(g.search_claims(" ,.; ").is_empty());
}

#[test]
fn search_tolerates_plurals_inflections_and_accents() {
    let mut g = graph();
    g.add_claim(Claim::new(
        "interview",
        "The Élysée said the minister was imprisoned after two interviews",
    ))
    .unwrap();
    assert_eq!(
        ids(&g.search_claims("container"), |c: &Claim| &c.id),
        ["containers"]
    );
    assert_eq!(
        ids(&g.search_claims("deliver munition"), |c: &Claim| &c.id),
        ["containers"]
    );
    assert_eq!(
        ids(&g.search_claims("imprison"), |c: &Claim| &c.id),
        ["interview"]
    );
    assert_eq!(
        ids(&g.search_claims("ELYSEE interview"), |c: &Claim| &c.id),
        ["interview"]
    );
    // Common words are not required, but the content words still are.
    assert_eq!(
        ids(&g.search_claims("the treaty of"), |c: &Claim| &c.id),
        ["treaty"]
    );
}

#[test]
fn find_sources_finds_part_of_a_name_or_alias_best_match_first() {
    let mut g = ClaimGraph::new();
    for s in [
        Source::new("cos", SourceKind::Organization, "Church of Scientology"),
        Source::new(
            "anglican",
            SourceKind::Organization,
            "Anglican Church of Australia",
        ),
        Source::new(
            "abc",
            SourceKind::Outlet,
            "Australian Broadcasting Corporation",
        )
        .alias("ABC"),
        Source::new("paris", SourceKind::Person, "Paris Watson"),
    ] {
        g.add_source(s).unwrap();
    }
    let ids = |q: &str| -> Vec<String> { g.find_sources(q).iter().map(|s| s.id.clone()).collect() };
    // Whole words first, the shorter name before the longer.
    assert_eq!(ids("church"), ["cos", "anglican"]);
    assert_eq!(ids("CHURCH of"), ["cos", "anglican"]);
    // An alias counts like a name; an exact alias comes before words inside names.
    assert_eq!(ids("abc"), ["abc"]);
    // The start of a word, then anywhere.
    assert_eq!(ids("scient"), ["cos"]);
    assert_eq!(ids("austral"), ["anglican", "abc"]);
    assert_eq!(ids("tson"), ["paris"]);
    assert!(ids("mosque").is_empty());
    assert!(ids("  ").is_empty());
    // sources_named matches whole names only.
    assert!(g.sources_named("church").is_empty());
}
