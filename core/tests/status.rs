//! A claim's status: stances, disputes, origins, interested denials, verdicts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::BTreeSet;

use claimgraph::{Error, OriginGroup, SourceKind, Stance, Verdict};
use proptest::prelude::*;
use support::{cid, reach, sid, spec_strategy, terminal_groups, Spec, G};

use SourceKind::{Collective, Document, Government, Outlet, Person, UnnamedGroup};

#[test]
fn a_denial_makes_a_claim_disputed() {
    let g = G::new()
        .source("rok", Government)
        .source("russia", Government)
        .claim("ammo", &[])
        .asserts("rok", "ammo")
        .denies("russia", "ammo");
    let s = g.0.status("ammo").unwrap();
    assert!(s.disputed);
    assert_eq!(s.asserters, ["rok"]);
    assert_eq!(s.deniers, ["russia"]);
    assert!(s.doubters.is_empty());
}

/// Found by `independence_and_interest_match_the_reference` (the seed is kept in
/// status.proptest-regressions): a statement whose document is affiliated with a body that is
/// also the document's author's author. Reached first as an affiliation, that body's own author
/// (the claim's subject) was never followed, so the denial was not seen as interested.
#[test]
fn an_author_reached_first_as_an_affiliation_is_still_followed_to_its_author() {
    use claimgraph::SourceRelationKind::{AffiliatedWith, AuthoredBy};
    let g = G::new()
        .sources(&["statement", "spokesman", "office", "minister"], Person)
        .rel("statement", AuthoredBy, "spokesman")
        .rel("spokesman", AuthoredBy, "office")
        .rel("office", AuthoredBy, "minister")
        .rel("statement", AffiliatedWith, "office")
        .claim("c", &["minister"])
        .denies("statement", "c");
    let s = g.0.status("c").unwrap();
    assert_eq!(s.interested_deniers, ["statement"]);
}

#[test]
fn a_doubt_alone_does_not_dispute_a_claim() {
    let g = G::new()
        .source("rok", Government)
        .source("analyst", Person)
        .claim("ammo", &[])
        .asserts("rok", "ammo")
        .doubts("analyst", "ammo");
    let s = g.0.status("ammo").unwrap();
    assert!(!s.disputed);
    assert_eq!(s.doubters, ["analyst"]);
}

#[test]
fn a_denial_without_an_assertion_is_not_a_dispute_and_has_no_origins() {
    let g = G::new()
        .source("russia", Government)
        .claim("ammo", &[])
        .denies("russia", "ammo");
    let s = g.0.status("ammo").unwrap();
    assert!(!s.disputed);
    assert!(s.origins.is_empty());
    assert_eq!(s.independent_origin_count(), 0);
    assert!(!s.unnamed_only);
}

#[test]
fn stances_list_each_source_once_sorted_by_id() {
    let mut g = G::new()
        .sources(&["zeta", "alpha", "mid"], Outlet)
        .claim("c", &[])
        .asserts("zeta", "c")
        .asserts("alpha", "c")
        .asserts("mid", "c")
        .0;
    // The same source asserting again, reported elsewhere.
    g.add_attribution(
        claimgraph::Attribution::new("zeta", "c", Stance::Asserts).with_id("zeta-again"),
    )
    .unwrap();
    let s = g.status("c").unwrap();
    assert_eq!(s.asserters, ["alpha", "mid", "zeta"]);
}

#[test]
fn deniers_and_doubters_add_no_origins() {
    let g = G::new()
        .sources(&["outlet", "wire"], Outlet)
        .source("russia", Government)
        .source("tass", Outlet)
        .cites("outlet", "wire")
        .cites("tass", "russia")
        .claim("c", &[])
        .asserts("outlet", "c")
        .denies("tass", "c")
        .doubts("russia", "c");
    let s = g.0.status("c").unwrap();
    let ids: Vec<&str> = s.origins.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["wire"]);
}

#[test]
fn unnamed_only_when_every_origin_is_unnamed() {
    let g = G::new()
        .source("rok-sources", UnnamedGroup)
        .source("the-west", Collective)
        .source("unification-ministry", Government)
        .sources(&["outlet-a", "outlet-b"], Outlet)
        .cites("outlet-a", "rok-sources")
        .cites("outlet-b", "the-west")
        .claim("anonymous", &[])
        .claim("named-too", &[])
        .asserts("outlet-a", "anonymous")
        .asserts("outlet-b", "anonymous")
        .asserts("outlet-a", "named-too")
        .asserts("unification-ministry", "named-too");
    let anonymous = g.0.status("anonymous").unwrap();
    assert!(anonymous.unnamed_only);
    assert!(anonymous.origins.iter().all(|o| o.unnamed));
    let named = g.0.status("named-too").unwrap();
    assert!(!named.unnamed_only);
}

#[test]
fn a_denier_that_is_the_subject_is_interested() {
    let g = G::new()
        .sources(&["dprk", "russia"], Government)
        .source("rok", Government)
        .claim("ammo", &["dprk", "russia"])
        .asserts("rok", "ammo")
        .denies("russia", "ammo");
    let s = g.0.status("ammo").unwrap();
    assert_eq!(s.interested_deniers, ["russia"]);
}

#[test]
fn a_denier_affiliated_with_the_subject_two_levels_up_is_interested() {
    let g = G::new()
        .source("zakharova", Person)
        .sources(&["mfa-russia", "russia"], Government)
        .source("rok", Government)
        .source("analyst", Person)
        .affiliated("zakharova", "mfa-russia")
        .affiliated("mfa-russia", "russia")
        .claim("ammo", &["russia"])
        .asserts("rok", "ammo")
        .denies("zakharova", "ammo")
        .denies("analyst", "ammo");
    let s = g.0.status("ammo").unwrap();
    assert_eq!(s.deniers, ["analyst", "zakharova"]);
    // The independent analyst denies too, but has no stake in the claim.
    assert_eq!(s.interested_deniers, ["zakharova"]);
}

#[test]
fn a_claim_without_subjects_has_no_interested_deniers() {
    let g = G::new()
        .source("russia", Government)
        .claim("weather", &[])
        .denies("russia", "weather");
    assert!(g.0.status("weather").unwrap().interested_deniers.is_empty());
}

#[test]
fn verdicts_are_listed_sorted_by_id() {
    let mut g = G::new()
        .sources(&["snopes", "afp"], SourceKind::Organization)
        .claim("c", &[])
        .0;
    g.add_verdict(Verdict::new("snopes", "c", "False")).unwrap();
    g.add_verdict(Verdict::new("afp", "c", "Misleading"))
        .unwrap();
    let s = g.status("c").unwrap();
    let ids: Vec<&str> = s.verdicts.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["afp:verdict:c", "snopes:verdict:c"]);
    assert_eq!(s.verdicts[1].label, "False");
}

#[test]
fn the_op_ed_rests_on_its_author() {
    let g = G::new()
        .source("op-ed", Document)
        .source("putin", Person)
        .source("rodong-sinmun", Outlet)
        .rel("op-ed", claimgraph::SourceRelationKind::AuthoredBy, "putin")
        .rel(
            "op-ed",
            claimgraph::SourceRelationKind::PublishedIn,
            "rodong-sinmun",
        )
        .claim("partnership", &[])
        .asserts("op-ed", "partnership");
    let s = g.0.status("partnership").unwrap();
    assert_eq!(
        s.independent_origins,
        [OriginGroup {
            top: "putin".into(),
            origins: vec!["putin".into()],
        }]
    );
    assert!(!s.unnamed_only);
}

#[test]
fn status_of_an_unknown_claim_is_not_found() {
    let g = G::new().source("s", Person);
    assert!(matches!(
        g.0.status("s"),
        Err(Error::NotFound { ref id, .. }) if id == "s"
    ));
}

#[test]
fn statuses_follow_claim_insertion_order() {
    let g = G::new().claim("zz", &[]).claim("aa", &[]).claim("mm", &[]);
    let ids: Vec<String> = g.0.statuses().into_iter().map(|s| s.claim).collect();
    assert_eq!(ids, ["zz", "aa", "mm"]);
}

/// Independence groups by brute force: start with one group per origin and merge any two
/// groups whose affiliation tops meet until none do.
fn groups_reference(spec: &Spec, claim: usize) -> Vec<OriginGroup> {
    let origin_reach = reach(&spec.origin_edges());
    let affiliation_reach = reach(&spec.affiliation_edges());
    let origins: BTreeSet<Vec<String>> = spec
        .stance_sources(claim, Stance::Asserts)
        .iter()
        .flat_map(|&s| terminal_groups(&origin_reach, s))
        .collect();
    let mut groups: Vec<(BTreeSet<String>, BTreeSet<String>)> = origins
        .iter()
        .map(|members| {
            let tops: BTreeSet<String> = members
                .iter()
                .flat_map(|m| {
                    let i: usize = m[1..].parse().unwrap();
                    terminal_groups(&affiliation_reach, i)
                })
                .map(|group| group[0].clone())
                .collect();
            (BTreeSet::from([members[0].clone()]), tops)
        })
        .collect();
    loop {
        let mut merged = false;
        'outer: for i in 0..groups.len() {
            for j in i + 1..groups.len() {
                if !groups[i].1.is_disjoint(&groups[j].1) {
                    let (o, t) = groups.remove(j);
                    groups[i].0.extend(o);
                    groups[i].1.extend(t);
                    merged = true;
                    break 'outer;
                }
            }
        }
        if !merged {
            break;
        }
    }
    let mut out: Vec<OriginGroup> = groups
        .into_iter()
        .map(|(o, t)| OriginGroup {
            top: t.into_iter().next().unwrap(),
            origins: o.into_iter().collect(),
        })
        .collect();
    out.sort();
    out
}

/// A denier is interested when the sources it speaks through (itself, and its authors and
/// publishers at any depth) are, or are affiliated at any depth with, a subject of the claim.
fn interested_reference(spec: &Spec, claim: usize) -> Vec<String> {
    let affiliations = reach(&spec.affiliation_edges());
    let speaks_through = reach(&spec.speaker_edges());
    let affiliation_reach: Vec<BTreeSet<usize>> = speaks_through
        .iter()
        .map(|through| {
            through
                .iter()
                .flat_map(|&t| affiliations[t].iter().copied())
                .collect()
        })
        .collect();
    let subjects: BTreeSet<usize> = spec
        .subjects
        .iter()
        .filter(|(c, _)| *c == claim)
        .map(|(_, s)| *s)
        .collect();
    let mut out: Vec<String> = spec
        .stance_sources(claim, Stance::Denies)
        .into_iter()
        .filter(|&d| !affiliation_reach[d].is_disjoint(&subjects))
        .map(sid)
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn status_of_one_claim_equals_its_entry_in_statuses(spec in spec_strategy(false)) {
        let g = spec.build();
        let all = g.statuses();
        prop_assert_eq!(all.len(), spec.claims);
        for (i, s) in all.iter().enumerate() {
            prop_assert_eq!(&s.claim, &cid(i));
            prop_assert_eq!(&g.status(&cid(i)).unwrap(), s);
        }
    }

    #[test]
    fn independence_and_interest_match_the_reference(spec in spec_strategy(false)) {
        let g = spec.build();
        for (c, s) in g.statuses().iter().enumerate() {
            prop_assert_eq!(&s.independent_origins, &groups_reference(&spec, c));
            prop_assert_eq!(&s.interested_deniers, &interested_reference(&spec, c));
            let asserters: Vec<String> =
                spec.stance_sources(c, Stance::Asserts).into_iter().map(sid).collect();
            let mut sorted = asserters.clone();
            sorted.sort();
            prop_assert_eq!(&s.asserters, &sorted);
            prop_assert_eq!(
                s.unnamed_only,
                !s.origins.is_empty() && s.origins.iter().all(|o| o.unnamed)
            );
            prop_assert_eq!(s.circular_reporting, s.origins.iter().any(|o| o.circular));
        }
    }
}
