//! Origins, independence and chains: tracing every "according to" back to where it came from.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::{BTreeMap, BTreeSet};

use claimgraph::query::MAX_CHAINS;
use claimgraph::{
    Attribution, ClaimGraph, Error, OriginGroup, SourceKind, SourceRelationKind, Stance,
};
use proptest::prelude::*;
use support::{cid, reach, sid, spec_strategy, terminal_groups, Spec, G};

use SourceKind::{Collective, Document, Government, Organization, Outlet, Person, UnnamedGroup};

fn origin_ids(g: &ClaimGraph, claim: &str) -> Vec<String> {
    g.status(claim)
        .unwrap()
        .origins
        .into_iter()
        .map(|o| o.id)
        .collect()
}

#[test]
fn ten_outlets_echoing_one_anonymous_source_are_one_origin() {
    let outlets: Vec<String> = (0..10).map(|i| format!("outlet-{i}")).collect();
    let mut g = G::new()
        .source("rok-sources", UnnamedGroup)
        .claim("ammo", &[]);
    for o in &outlets {
        g = g
            .source(o, Outlet)
            .cites(o, "rok-sources")
            .asserts(o, "ammo");
    }
    let s = g.0.status("ammo").unwrap();
    assert_eq!(s.asserters.len(), 10);
    assert_eq!(s.origins.len(), 1);
    assert_eq!(s.origins[0].id, "rok-sources");
    assert!(!s.origins[0].circular);
    assert_eq!(s.independent_origin_count(), 1);
    assert!(s.unnamed_only);
}

#[test]
fn a_source_citing_no_one_is_its_own_origin() {
    let g = G::new().source("putin", Person);
    let o = g.0.origins_of_source("putin").unwrap();
    assert_eq!(o.len(), 1);
    assert_eq!(o[0].id, "putin");
    assert_eq!(o[0].members, ["putin"]);
    assert!(!o[0].unnamed);
}

#[test]
fn authored_by_is_followed_and_published_in_is_not() {
    let g = G::new()
        .source("op-ed", Document)
        .source("putin", Person)
        .source("rodong-sinmun", Outlet)
        .rel("op-ed", SourceRelationKind::AuthoredBy, "putin")
        .rel("op-ed", SourceRelationKind::PublishedIn, "rodong-sinmun")
        .claim("partnership", &[])
        .asserts("op-ed", "partnership");
    assert_eq!(origin_ids(&g.0, "partnership"), ["putin"]);
    let chains = g.0.chains("partnership").unwrap();
    assert_eq!(chains.len(), 1);
    assert_eq!(chains[0].path, ["op-ed", "putin"]);
}

#[test]
fn affiliation_is_not_a_way_to_an_origin() {
    let g = G::new()
        .source("spokesperson", Person)
        .source("mofa", Government)
        .affiliated("spokesperson", "mofa");
    let o = g.0.origins_of_source("spokesperson").unwrap();
    assert_eq!(o[0].id, "spokesperson");
}

#[test]
fn origins_are_the_roots_reached_sorted_by_id() {
    // wire-b and wire-a are both roots; the outlet reaches them by different paths.
    let g = G::new()
        .sources(&["outlet", "mid", "wire-b", "wire-a"], Outlet)
        .cites("outlet", "mid")
        .cites("outlet", "wire-a")
        .cites("mid", "wire-b")
        .cites("mid", "wire-a");
    let ids: Vec<String> =
        g.0.origins_of_source("outlet")
            .unwrap()
            .into_iter()
            .map(|o| o.id)
            .collect();
    assert_eq!(ids, ["wire-a", "wire-b"]);
}

#[test]
fn both_recordings_of_according_to_give_the_same_origins() {
    // "According to ROK sources, ..." recorded from the ROK sources, via the article...
    let mut via = G::new()
        .source("article", Document)
        .source("rok-sources", UnnamedGroup)
        .claim("ammo", &[])
        .0;
    via.add_attribution(Attribution::new("rok-sources", "ammo", Stance::Asserts).via("article"))
        .unwrap();
    // ...or as bulk data has it: the article asserts, and cites the ROK sources.
    let cites = G::new()
        .source("article", Document)
        .source("rok-sources", UnnamedGroup)
        .claim("ammo", &[])
        .cites("article", "rok-sources")
        .asserts("article", "ammo")
        .0;
    let a = via.status("ammo").unwrap();
    let b = cites.status("ammo").unwrap();
    assert_eq!(a.origins, b.origins);
    assert_eq!(a.origins[0].id, "rok-sources");
    assert_eq!(a.independent_origins, b.independent_origins);
    assert!(a.unnamed_only && b.unnamed_only);
}

#[test]
fn two_spokespeople_of_one_ministry_are_one_independent_origin() {
    let g = G::new()
        .sources(&["zakharova", "peskov-deputy"], Person)
        .source("mfa-russia", Government)
        .affiliated("zakharova", "mfa-russia")
        .affiliated("peskov-deputy", "mfa-russia")
        .claim("rumors", &[])
        .asserts("zakharova", "rumors")
        .asserts("peskov-deputy", "rumors");
    let s = g.0.status("rumors").unwrap();
    assert_eq!(s.origins.len(), 2);
    assert_eq!(s.independent_origin_count(), 1);
    assert_eq!(
        s.independent_origins,
        [OriginGroup {
            top: "mfa-russia".into(),
            origins: vec!["peskov-deputy".into(), "zakharova".into()],
        }]
    );
}

#[test]
fn affiliation_tops_are_followed_to_any_depth() {
    // spokesperson -> ministry -> government, and an agency of the same government.
    let g = G::new()
        .source("spokesperson", Person)
        .sources(&["ministry", "russia", "tass"], Government)
        .source("un", Organization)
        .affiliated("spokesperson", "ministry")
        .affiliated("ministry", "russia")
        .affiliated("tass", "russia")
        .claim("c", &[])
        .asserts("spokesperson", "c")
        .asserts("tass", "c")
        .asserts("un", "c");
    let s = g.0.status("c").unwrap();
    assert_eq!(s.origins.len(), 3);
    assert_eq!(
        s.independent_origins,
        [
            OriginGroup {
                top: "russia".into(),
                origins: vec!["spokesperson".into(), "tass".into()],
            },
            OriginGroup {
                top: "un".into(),
                origins: vec!["un".into()],
            },
        ]
    );
}

#[test]
fn independence_is_transitive_through_shared_tops() {
    // a answers to x; b answers to x and y; c answers to y: one group, named by the smallest top.
    let g = G::new()
        .sources(&["a", "b", "c"], Person)
        .sources(&["y", "x"], Government)
        .affiliated("a", "x")
        .affiliated("b", "x")
        .affiliated("b", "y")
        .affiliated("c", "y")
        .claim("k", &[])
        .asserts("a", "k")
        .asserts("c", "k")
        .asserts("b", "k");
    let s = g.0.status("k").unwrap();
    assert_eq!(
        s.independent_origins,
        [OriginGroup {
            top: "x".into(),
            origins: vec!["a".into(), "b".into(), "c".into()],
        }]
    );
}

#[test]
fn a_loop_of_sources_citing_each_other_is_one_circular_origin() {
    let g = G::new()
        .sources(&["outlet", "paper-b", "paper-a", "paper-c"], Outlet)
        .cites("outlet", "paper-b")
        .cites("paper-b", "paper-c")
        .cites("paper-c", "paper-a")
        .cites("paper-a", "paper-b")
        .claim("k", &[])
        .asserts("outlet", "k");
    let s = g.0.status("k").unwrap();
    assert_eq!(s.origins.len(), 1);
    let o = &s.origins[0];
    assert_eq!(o.id, "paper-a");
    assert_eq!(o.members, ["paper-a", "paper-b", "paper-c"]);
    assert!(o.circular);
    assert!(s.circular_reporting);
    assert_eq!(s.independent_origin_count(), 1);
}

#[test]
fn a_loop_that_cites_someone_outside_is_not_an_origin() {
    let g = G::new()
        .sources(&["a", "b"], Outlet)
        .source("witness", Person)
        .cites("a", "b")
        .cites("b", "a")
        .cites("b", "witness")
        .claim("k", &[])
        .asserts("a", "k");
    let s = g.0.status("k").unwrap();
    assert_eq!(origin_ids(&g.0, "k"), ["witness"]);
    assert!(!s.circular_reporting);
}

#[test]
fn a_long_citation_chain_does_not_exhaust_the_stack() {
    let n = 20_000;
    let mut g = ClaimGraph::new();
    for i in 0..n {
        g.add_source(claimgraph::Source::new(sid(i), Outlet, sid(i)))
            .unwrap();
    }
    for i in 1..n {
        g.add_source_relation(claimgraph::SourceRelation::new(
            sid(i),
            SourceRelationKind::Cites,
            sid(i - 1),
        ))
        .unwrap();
    }
    // Close the loop at the far end so the whole chain is one component.
    g.add_source_relation(claimgraph::SourceRelation::new(
        sid(0),
        SourceRelationKind::Cites,
        sid(n - 1),
    ))
    .unwrap();
    let o = g.origins_of_source(&sid(n / 2)).unwrap();
    assert_eq!(o.len(), 1);
    assert_eq!(o[0].members.len(), n);
    assert_eq!(o[0].id, "s0");
}

#[test]
fn unknown_sources_and_claims_are_not_found() {
    let g = G::new().source("s", Person).claim("c", &[]);
    assert!(matches!(
        g.0.origins_of_source("c"),
        Err(Error::NotFound { ref id, .. }) if id == "c"
    ));
    assert!(matches!(
        g.0.origins_of_source("nobody"),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(g.0.chains("s"), Err(Error::NotFound { .. })));
}

// ----- chains ---------------------------------------------------------------------------------

#[test]
fn chains_list_every_path_to_a_root_for_every_attribution() {
    let mut g = G::new()
        .sources(&["article", "rok-media", "yonhap"], Outlet)
        .source("rok-sources", UnnamedGroup)
        .source("russia", Government)
        .cites("article", "rok-media")
        .cites("article", "yonhap")
        .cites("rok-media", "rok-sources")
        .cites("yonhap", "rok-sources")
        .claim("ammo", &[])
        .asserts("article", "ammo")
        .0;
    g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies).via("article"))
        .unwrap();
    let chains = g.chains("ammo").unwrap();
    type Row<'a> = (&'a str, Stance, Vec<&'a str>, Option<&'a str>, bool);
    let got: Vec<Row> = chains
        .iter()
        .map(|c| {
            (
                c.attribution.as_str(),
                c.stance,
                c.path.iter().map(String::as_str).collect(),
                c.via.as_deref(),
                c.circular,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "article:asserts:ammo",
                Stance::Asserts,
                vec!["article", "rok-media", "rok-sources"],
                None,
                false
            ),
            (
                "article:asserts:ammo",
                Stance::Asserts,
                vec!["article", "yonhap", "rok-sources"],
                None,
                false
            ),
            (
                "russia:denies:ammo",
                Stance::Denies,
                vec!["russia"],
                Some("article"),
                false
            ),
        ]
    );
    assert!(chains.iter().all(|c| c.claim == "ammo"));
}

#[test]
fn chains_stop_before_coming_back_around_a_loop() {
    let g = G::new()
        .sources(&["outlet", "a", "b", "root"], Outlet)
        .cites("outlet", "a")
        .cites("a", "b")
        .cites("b", "a")
        .cites("b", "root")
        .claim("k", &[])
        .asserts("outlet", "k");
    let chains = g.0.chains("k").unwrap();
    let got: Vec<(Vec<&str>, bool)> = chains
        .iter()
        .map(|c| (c.path.iter().map(String::as_str).collect(), c.circular))
        .collect();
    assert_eq!(
        got,
        [
            (vec!["outlet", "a", "b"], true),
            (vec!["outlet", "a", "b", "root"], false),
        ]
    );
}

#[test]
fn too_many_chains_is_an_error_naming_the_claim() {
    // A ladder of diamonds doubles the paths at every rung: 2^17 > MAX_CHAINS.
    let rungs = 17;
    assert!(1usize << rungs > MAX_CHAINS);
    let mut g = G::new()
        .source("top", Outlet)
        .claim("k", &[])
        .asserts("top", "k");
    let mut prev = "top".to_string();
    for i in 0..rungs {
        let (l, r, j) = (format!("l{i}"), format!("r{i}"), format!("j{i}"));
        g = g
            .source(&l, Outlet)
            .source(&r, Outlet)
            .source(&j, Outlet)
            .cites(&prev, &l)
            .cites(&prev, &r)
            .cites(&l, &j)
            .cites(&r, &j);
        prev = j;
    }
    match g.0.chains("k") {
        Err(Error::LimitExceeded { what, id, limit }) => {
            assert_eq!(what, "chains");
            assert_eq!(id, "k");
            assert_eq!(limit, MAX_CHAINS);
        }
        other => panic!("expected LimitExceeded, got {other:?}"),
    }
    // Origins are not enumerated path by path, so the same graph answers at once.
    assert_eq!(origin_ids(&g.0, "k"), [prev]);
}

// ----- agreement with the benchmark's definitions (W2, R1, W3) ----------------------------------

/// The benchmark's W2/R1 tuple, from the library.
fn w2(g: &ClaimGraph) -> Vec<(String, usize, usize, bool, usize)> {
    g.statuses()
        .into_iter()
        .map(|s| {
            (
                s.claim,
                s.asserters.len(),
                s.deniers.len(),
                s.disputed,
                s.origins.len(),
            )
        })
        .collect()
}

/// The same tuple by brute force: the union of the terminal groups reachable from each asserter.
fn w2_reference(spec: &Spec) -> Vec<(String, usize, usize, bool, usize)> {
    let r = reach(&spec.origin_edges());
    (0..spec.claims)
        .map(|c| {
            let asserters = spec.stance_sources(c, Stance::Asserts);
            let deniers = spec.stance_sources(c, Stance::Denies);
            let origins: BTreeSet<Vec<String>> = asserters
                .iter()
                .flat_map(|&s| terminal_groups(&r, s))
                .collect();
            (
                cid(c),
                asserters.len(),
                deniers.len(),
                !asserters.is_empty() && !deniers.is_empty(),
                origins.len(),
            )
        })
        .collect()
}

/// W3 tuples (claim, stance, p0..pk) with the circular flag, from the library.
fn w3(g: &ClaimGraph, claims: usize) -> BTreeMap<Vec<String>, usize> {
    let mut out = BTreeMap::new();
    for c in 0..claims {
        for ch in g.chains(&cid(c)).unwrap() {
            let mut t = vec![ch.claim, ch.stance.to_string(), ch.circular.to_string()];
            t.extend(ch.path);
            *out.entry(t).or_insert(0) += 1;
        }
    }
    out
}

/// W3 by brute force: every simple path from the attributed source that cannot be extended
/// without leaving the origin graph, listed as circular when its last source cites a source
/// already on it. On a DAG these are exactly the paths to a root.
fn w3_reference(spec: &Spec) -> BTreeMap<Vec<String>, usize> {
    let succ = spec.origin_edges();
    let succ: Vec<BTreeSet<usize>> = succ.into_iter().map(|v| v.into_iter().collect()).collect();
    let mut out = BTreeMap::new();
    for &(s, c, stance) in &spec.attributions {
        let mut simple_paths = Vec::new();
        let mut todo = vec![vec![s]];
        while let Some(p) = todo.pop() {
            let last = *p.last().unwrap();
            for &w in &succ[last] {
                if !p.contains(&w) {
                    let mut q = p.clone();
                    q.push(w);
                    todo.push(q);
                }
            }
            simple_paths.push(p);
        }
        for p in simple_paths {
            let last = *p.last().unwrap();
            let root = succ[last].is_empty();
            let loops_back = succ[last].iter().any(|w| p.contains(w));
            if root || loops_back {
                let mut t = vec![cid(c), stance.to_string(), loops_back.to_string()];
                t.extend(p.iter().map(|&i| sid(i)));
                *out.entry(t).or_insert(0) += 1;
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn w2_on_dags_matches_the_reference(spec in spec_strategy(true)) {
        let g = spec.build();
        prop_assert_eq!(w2(&g), w2_reference(&spec));
    }

    #[test]
    fn r1_with_loops_matches_the_reference(spec in spec_strategy(false)) {
        let g = spec.build();
        prop_assert_eq!(w2(&g), w2_reference(&spec));
    }

    #[test]
    fn w3_chains_match_the_reference(spec in spec_strategy(true)) {
        let g = spec.build();
        prop_assert_eq!(w3(&g, spec.claims), w3_reference(&spec));
    }

    #[test]
    fn chains_with_loops_match_the_reference(spec in spec_strategy(false)) {
        let g = spec.build();
        prop_assert_eq!(w3(&g, spec.claims), w3_reference(&spec));
    }

    #[test]
    fn origin_members_and_flags_match_the_reference(spec in spec_strategy(false)) {
        let g = spec.build();
        let r = reach(&spec.origin_edges());
        for s in 0..spec.kinds.len() {
            let got = g.origins_of_source(&sid(s)).unwrap();
            let expected = terminal_groups(&r, s);
            let got_members: BTreeSet<Vec<String>> =
                got.iter().map(|o| o.members.clone()).collect();
            prop_assert_eq!(&got_members, &expected);
            for o in &got {
                prop_assert_eq!(&o.id, &o.members[0]);
                prop_assert_eq!(o.circular, o.members.len() > 1);
                let unnamed = o.members.iter().all(|m| {
                    let i: usize = m[1..].parse().unwrap();
                    matches!(spec.kinds[i], UnnamedGroup | Collective)
                });
                prop_assert_eq!(o.unnamed, unnamed);
            }
            let ids: Vec<&String> = got.iter().map(|o| &o.id).collect();
            let mut sorted = ids.clone();
            sorted.sort();
            prop_assert_eq!(ids, sorted);
        }
    }
}
