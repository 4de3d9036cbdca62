//! Small graph builders and a naive reference for the origin questions, shared by the query tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use claimgraph::{
    Attribution, Claim, ClaimGraph, Source, SourceKind, SourceRelation, SourceRelationKind, Stance,
};
use proptest::prelude::*;

/// A graph under construction, with one-line helpers that panic on a mistake in the test itself.
pub struct G(pub ClaimGraph);

impl G {
    pub fn new() -> G {
        G(ClaimGraph::new())
    }

    pub fn source(mut self, id: &str, kind: SourceKind) -> G {
        self.0.add_source(Source::new(id, kind, id)).unwrap();
        self
    }

    pub fn sources(mut self, ids: &[&str], kind: SourceKind) -> G {
        for id in ids {
            self = self.source(id, kind);
        }
        self
    }

    pub fn claim(mut self, id: &str, subjects: &[&str]) -> G {
        let mut c = Claim::new(id, format!("claim {id}"));
        for s in subjects {
            c = c.subject(*s);
        }
        self.0.add_claim(c).unwrap();
        self
    }

    pub fn rel(mut self, from: &str, kind: SourceRelationKind, to: &str) -> G {
        self.0
            .add_source_relation(SourceRelation::new(from, kind, to))
            .unwrap();
        self
    }

    pub fn cites(self, from: &str, to: &str) -> G {
        self.rel(from, SourceRelationKind::Cites, to)
    }

    pub fn affiliated(self, from: &str, to: &str) -> G {
        self.rel(from, SourceRelationKind::AffiliatedWith, to)
    }

    pub fn says(mut self, source: &str, claim: &str, stance: Stance) -> G {
        self.0
            .add_attribution(Attribution::new(source, claim, stance))
            .unwrap();
        self
    }

    pub fn asserts(self, source: &str, claim: &str) -> G {
        self.says(source, claim, Stance::Asserts)
    }

    pub fn denies(self, source: &str, claim: &str) -> G {
        self.says(source, claim, Stance::Denies)
    }

    pub fn doubts(self, source: &str, claim: &str) -> G {
        self.says(source, claim, Stance::Doubts)
    }
}

/// A random graph: sources `s0..`, claims `c0..`, and edges between them by position.
#[derive(Debug, Clone)]
pub struct Spec {
    pub kinds: Vec<SourceKind>,
    pub claims: usize,
    /// (from, kind, to), never from == to.
    pub relations: Vec<(usize, SourceRelationKind, usize)>,
    /// (claim, source)
    pub subjects: Vec<(usize, usize)>,
    /// (source, claim, stance)
    pub attributions: Vec<(usize, usize, Stance)>,
}

pub fn sid(i: usize) -> String {
    format!("s{i}")
}

pub fn cid(i: usize) -> String {
    format!("c{i}")
}

fn kind_strategy() -> impl Strategy<Value = SourceKind> {
    prop::sample::select(SourceKind::ALL.to_vec())
}

fn stance_strategy() -> impl Strategy<Value = Stance> {
    prop::sample::select(Stance::ALL.to_vec())
}

/// Random graphs of up to 14 sources; citations may form loops unless `dag` is set, in which
/// case every origin edge points from a higher to a lower source number.
pub fn spec_strategy(dag: bool) -> impl Strategy<Value = Spec> {
    (1usize..14, 1usize..7).prop_flat_map(move |(n, m)| {
        let rel_kind = prop::sample::select(SourceRelationKind::ALL.to_vec());
        (
            prop::collection::vec(kind_strategy(), n),
            Just(m),
            prop::collection::vec((0..n, rel_kind, 0..n), 0..(3 * n)),
            prop::collection::vec((0..m, 0..n), 0..4),
            prop::collection::vec((0..n, 0..m, stance_strategy()), 0..(4 * m)),
        )
            .prop_map(move |(kinds, claims, rels, subjects, attributions)| {
                let relations = rels
                    .into_iter()
                    .filter(|(a, _, b)| a != b)
                    .map(|(a, k, b)| {
                        if dag && k.leads_to_origin() && a < b {
                            (b, k, a)
                        } else {
                            (a, k, b)
                        }
                    })
                    .collect();
                let mut subjects: Vec<(usize, usize)> = subjects;
                subjects.sort_unstable();
                subjects.dedup();
                Spec {
                    kinds,
                    claims,
                    relations,
                    subjects,
                    attributions,
                }
            })
    })
}

impl Spec {
    pub fn build(&self) -> ClaimGraph {
        let mut g = ClaimGraph::new();
        for (i, k) in self.kinds.iter().enumerate() {
            g.add_source(Source::new(sid(i), *k, sid(i))).unwrap();
        }
        for c in 0..self.claims {
            let mut claim = Claim::new(cid(c), format!("claim {c}"));
            for &(_, s) in self.subjects.iter().filter(|(cc, _)| *cc == c) {
                claim = claim.subject(sid(s));
            }
            g.add_claim(claim).unwrap();
        }
        for (i, &(a, k, b)) in self.relations.iter().enumerate() {
            g.add_source_relation(SourceRelation::new(sid(a), k, sid(b)).with_id(format!("r{i}")))
                .unwrap();
        }
        for (i, &(s, c, st)) in self.attributions.iter().enumerate() {
            g.add_attribution(Attribution::new(sid(s), cid(c), st).with_id(format!("a{i}")))
                .unwrap();
        }
        g
    }

    fn edges(&self, keep: impl Fn(SourceRelationKind) -> bool) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.kinds.len()];
        for &(a, k, b) in &self.relations {
            if keep(k) {
                out[a].push(b);
            }
        }
        out
    }

    /// Origin-graph successors (cites and authored-by), by source number.
    pub fn origin_edges(&self) -> Vec<Vec<usize>> {
        self.edges(SourceRelationKind::leads_to_origin)
    }

    /// Authored-by and published-in: from a document to who speaks through it.
    pub fn speaker_edges(&self) -> Vec<Vec<usize>> {
        self.edges(|k| {
            matches!(
                k,
                SourceRelationKind::AuthoredBy | SourceRelationKind::PublishedIn
            )
        })
    }

    pub fn affiliation_edges(&self) -> Vec<Vec<usize>> {
        self.edges(|k| k == SourceRelationKind::AffiliatedWith)
    }

    pub fn stance_sources(&self, claim: usize, stance: Stance) -> BTreeSet<usize> {
        self.attributions
            .iter()
            .filter(|(_, c, st)| *c == claim && *st == stance)
            .map(|(s, _, _)| *s)
            .collect()
    }
}

/// Everything reachable from each node (itself included), by plain depth-first search.
pub fn reach(succ: &[Vec<usize>]) -> Vec<BTreeSet<usize>> {
    (0..succ.len())
        .map(|start| {
            let mut seen = BTreeSet::new();
            let mut todo = vec![start];
            while let Some(v) = todo.pop() {
                if seen.insert(v) {
                    todo.extend(succ[v].iter().copied());
                }
            }
            seen
        })
        .collect()
}

/// The terminal groups reachable from `s`, each as its sorted member ids, brute force: a node
/// is in a terminal group when everything it reaches reaches it back, and the group is then
/// exactly what it reaches.
pub fn terminal_groups(r: &[BTreeSet<usize>], s: usize) -> BTreeSet<Vec<String>> {
    r[s].iter()
        .filter(|&&x| r[x].iter().all(|&y| r[y].contains(&x)))
        .map(|&x| {
            let mut ids: Vec<String> = r[x].iter().map(|&i| sid(i)).collect();
            ids.sort();
            ids
        })
        .collect()
}
