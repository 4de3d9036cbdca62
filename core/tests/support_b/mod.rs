//! Builders for the lookup, merge and assessment tests: small graphs by hand, and random graphs
//! for property tests.

// Each test crate uses only some of the builders.
#![allow(dead_code)]

use claimgraph::{
    Attribution, Claim, ClaimGraph, Modality, Reliability, Source, SourceKind, SourceRelation,
    SourceRelationKind, Stance,
};
use proptest::prelude::*;

/// The plan of a random graph: sources `s0..`, claims `c0..`, relations and attributions between
/// them by index. Building it skips what the graph rejects (a relation of a source to itself).
#[derive(Debug, Clone)]
pub struct GraphSpec {
    pub sources: Vec<(SourceKind, Option<Reliability>)>,
    /// Each claim's subjects, as source indices.
    pub claims: Vec<Vec<usize>>,
    pub relations: Vec<(usize, SourceRelationKind, usize)>,
    pub attributions: Vec<(usize, usize, Stance, Modality)>,
}

pub fn source_id(i: usize) -> String {
    format!("s{i}")
}

pub fn claim_id(i: usize) -> String {
    format!("c{i}")
}

impl GraphSpec {
    pub fn build(&self) -> ClaimGraph {
        let mut g = ClaimGraph::new();
        for (i, (kind, grade)) in self.sources.iter().enumerate() {
            let mut s = Source::new(source_id(i), *kind, format!("Source {i}"));
            s.reliability = *grade;
            g.add_source(s).unwrap();
        }
        for (i, subjects) in self.claims.iter().enumerate() {
            let mut c = Claim::new(claim_id(i), format!("Claim number {i}"));
            for &s in subjects {
                let id = source_id(s % self.sources.len());
                if !c.subjects.contains(&id) {
                    c = c.subject(id);
                }
            }
            g.add_claim(c).unwrap();
        }
        let n = self.sources.len();
        for (i, &(from, kind, to)) in self.relations.iter().enumerate() {
            let (from, to) = (from % n, to % n);
            if from != to {
                g.add_source_relation(
                    SourceRelation::new(source_id(from), kind, source_id(to))
                        .with_id(format!("r{i}")),
                )
                .unwrap();
            }
        }
        for (i, &(s, c, stance, modality)) in self.attributions.iter().enumerate() {
            g.add_attribution(
                Attribution::new(source_id(s % n), claim_id(c % self.claims.len()), stance)
                    .modality(modality)
                    .with_id(format!("a{i}")),
            )
            .unwrap();
        }
        g
    }
}

pub fn source_kind() -> impl Strategy<Value = SourceKind> {
    prop::sample::select(SourceKind::ALL.to_vec())
}

pub fn grade() -> impl Strategy<Value = Option<Reliability>> {
    prop::option::of(prop::sample::select(Reliability::ALL.to_vec()))
}

pub fn modality() -> impl Strategy<Value = Modality> {
    prop::sample::select(Modality::ALL.to_vec())
}

pub fn stance() -> impl Strategy<Value = Stance> {
    prop::sample::select(Stance::ALL.to_vec())
}

/// Relation kinds, weighted towards the ones that shape origins and independence.
pub fn relation_kind() -> impl Strategy<Value = SourceRelationKind> {
    prop_oneof![
        4 => Just(SourceRelationKind::Cites),
        2 => Just(SourceRelationKind::AffiliatedWith),
        1 => Just(SourceRelationKind::AuthoredBy),
        1 => Just(SourceRelationKind::PublishedIn),
    ]
}

/// Random graphs of 2 to 10 sources and 1 to 4 claims, with cycles of citation and
/// affiliation left to chance, and no verdicts.
pub fn graph_spec() -> impl Strategy<Value = GraphSpec> {
    (2usize..=10, 1usize..=4).prop_flat_map(|(n, m)| {
        (
            prop::collection::vec((source_kind(), grade()), n),
            prop::collection::vec(prop::collection::vec(0..n, 0..=2), m),
            prop::collection::vec((0..n, relation_kind(), 0..n), 0..=2 * n),
            prop::collection::vec((0..n, 0..m, stance(), modality()), 0..=3 * n),
        )
            .prop_map(|(sources, claims, relations, attributions)| GraphSpec {
                sources,
                claims,
                relations,
                attributions,
            })
    })
}
