//! A graph edited by a sequence of calls read from the input: add, update, remove, merge,
//! as_of and every query. After each call: no panic; a call that fails leaves the graph equal
//! to what it was; the graph saves and loads as itself. At the end: the same records added in
//! another order give the same graph and the same answers.
#![no_main]

mod common;

use arbitrary::Arbitrary;
use claimgraph::{
    Attribution, Claim, ClaimGraph, ClaimRelation, ClaimRelationKind, MergePolicy, Rating, Source,
    SourceKind, SourceRelation, SourceRelationKind, Stance, Verdict, When,
};
use libfuzzer_sys::fuzz_target;

/// Ids come from a small pool, so that calls collide, refer to each other and to records of
/// the wrong kind.
fn id(n: u8) -> String {
    format!("r{}", n % 8)
}

fn pick<T: Copy>(all: &[T], n: u8) -> T {
    all[usize::from(n) % all.len()]
}

fn date(n: u16) -> Option<When> {
    let y = 2000 + i32::from(n % 30);
    let m = u32::from(n / 30 % 13);
    let text = match n % 3 {
        0 => format!("{y}"),
        1 => format!("{y}-{:02}", m.max(1)),
        _ => format!("{y}-{:02}-{:02}", m.max(1), 1 + n % 28),
    };
    When::parse(&text).ok()
}

#[derive(Arbitrary, Debug)]
enum Op {
    AddSource {
        id: u8,
        kind: u8,
        name: String,
    },
    AddClaim {
        id: u8,
        text: String,
        subject: Option<u8>,
    },
    AddAttribution {
        id: Option<u8>,
        source: u8,
        claim: u8,
        stance: u8,
        via: Option<u8>,
        said: Option<u16>,
    },
    AddSourceRelation {
        id: Option<u8>,
        from: u8,
        kind: u8,
        to: u8,
        date: Option<u16>,
    },
    AddClaimRelation {
        from: u8,
        kind: u8,
        to: u8,
    },
    AddVerdict {
        reviewer: u8,
        claim: u8,
        label: u8,
        rating: Option<(f64, f64, f64)>,
        date: Option<u16>,
    },
    UpdateSource {
        id: u8,
        kind: u8,
        name: String,
    },
    UpdateClaim {
        id: u8,
        text: String,
        subject: Option<u8>,
    },
    UpdateAttribution {
        id: u8,
        source: u8,
        claim: u8,
        stance: u8,
    },
    RemoveSource {
        id: u8,
    },
    RemoveClaim {
        id: u8,
    },
    RemoveAttribution {
        id: u8,
    },
    RemoveSourceRelation {
        id: u8,
    },
    RemoveVerdict {
        id: u8,
    },
    Snapshot,
    MergeSnapshot {
        policy: u8,
    },
    MergeSelf {
        policy: u8,
    },
    AsOf {
        date: u16,
    },
    Query {
        id: u8,
    },
}

const LABELS: [&str; 5] = ["False", "True", "Mostly true", "Misleading", ""];

/// Applies one call; `Err` when the graph refused it.
fn apply(g: &mut ClaimGraph, snapshot: &mut ClaimGraph, op: &Op) -> claimgraph::Result<()> {
    match op {
        Op::AddSource { id: n, kind, name } => g.add_source(Source::new(
            id(*n),
            pick(&SourceKind::ALL, *kind),
            name.clone(),
        )),
        Op::AddClaim {
            id: n,
            text,
            subject,
        } => {
            let mut c = Claim::new(id(*n), text.clone());
            if let Some(s) = subject {
                c = c.subject(id(*s));
            }
            g.add_claim(c)
        }
        Op::AddAttribution {
            id: n,
            source,
            claim,
            stance,
            via,
            said,
        } => {
            let mut a = Attribution::new(id(*source), id(*claim), pick(&Stance::ALL, *stance));
            if let Some(n) = n {
                a = a.with_id(format!("e{}", n % 8));
            }
            if let Some(v) = via {
                a = a.via(id(*v));
            }
            if let Some(w) = said.and_then(date) {
                a = a.said(w);
            }
            g.add_attribution(a)
        }
        Op::AddSourceRelation {
            id: n,
            from,
            kind,
            to,
            date: d,
        } => {
            let mut r =
                SourceRelation::new(id(*from), pick(&SourceRelationKind::ALL, *kind), id(*to));
            if let Some(n) = n {
                r = r.with_id(format!("e{}", n % 8));
            }
            if let Some(w) = d.and_then(date) {
                r.date = Some(w);
            }
            g.add_source_relation(r)
        }
        Op::AddClaimRelation { from, kind, to } => g.add_claim_relation(ClaimRelation::new(
            id(*from),
            pick(&ClaimRelationKind::ALL, *kind),
            id(*to),
        )),
        Op::AddVerdict {
            reviewer,
            claim,
            label,
            rating,
            date: d,
        } => {
            let mut v = Verdict::new(id(*reviewer), id(*claim), pick(&LABELS, *label));
            if let Some((value, best, worst)) = rating {
                v = v.rating(Rating::new(*value, *best, *worst));
            }
            if let Some(w) = d.and_then(date) {
                v = v.date(w);
            }
            g.add_verdict(v)
        }
        Op::UpdateSource { id: n, kind, name } => g
            .update_source(Source::new(
                id(*n),
                pick(&SourceKind::ALL, *kind),
                name.clone(),
            ))
            .map(drop),
        Op::UpdateClaim {
            id: n,
            text,
            subject,
        } => {
            let mut c = Claim::new(id(*n), text.clone());
            if let Some(s) = subject {
                c = c.subject(id(*s));
            }
            g.update_claim(c).map(drop)
        }
        Op::UpdateAttribution {
            id: n,
            source,
            claim,
            stance,
        } => g
            .update_attribution(
                Attribution::new(id(*source), id(*claim), pick(&Stance::ALL, *stance))
                    .with_id(format!("e{}", n % 8)),
            )
            .map(drop),
        Op::RemoveSource { id: n } => g.remove_source(&id(*n)).map(drop),
        Op::RemoveClaim { id: n } => g.remove_claim(&id(*n)).map(drop),
        Op::RemoveAttribution { id: n } => g.remove_attribution(&format!("e{}", n % 8)).map(drop),
        Op::RemoveSourceRelation { id: n } => {
            g.remove_source_relation(&format!("e{}", n % 8)).map(drop)
        }
        Op::RemoveVerdict { id: n } => {
            let vid = format!("{}:verdict:{}", id(*n), id(n / 8));
            g.remove_verdict(&vid).map(drop)
        }
        Op::Snapshot => {
            *snapshot = g.clone();
            Ok(())
        }
        Op::MergeSnapshot { policy } => g
            .merge(snapshot, pick(&MergePolicy::ALL, *policy))
            .map(drop),
        Op::MergeSelf { policy } => {
            let before = g.clone();
            let report = g.merge(&before, pick(&MergePolicy::ALL, *policy));
            // A graph merged with itself is unchanged.
            assert!(*g == before, "a self-merge changed the graph");
            report.map(drop)
        }
        Op::AsOf { date: d } => {
            if let Some(w) = date(*d) {
                let cut = g.as_of(&w);
                common::query_everything(&cut.graph);
                // A graph as of a date holds nothing the graph does not.
                let (c, all) = (cut.graph.counts(), g.counts());
                assert!(c.claims <= all.claims && c.attributions <= all.attributions);
            }
            Ok(())
        }
        Op::Query { id: n } => {
            let _ = g.status(&id(*n));
            let _ = g.assess(&id(*n));
            let _ = g.chains(&id(*n));
            let _ = g.origins_of_source(&id(*n));
            let _ = g.summary(&id(*n));
            Ok(())
        }
    }
}

fuzz_target!(|ops: Vec<Op>| {
    let mut g = ClaimGraph::new();
    let mut snapshot = ClaimGraph::new();
    for op in ops.iter().take(64) {
        let before = g.clone();
        if let Err(e) = apply(&mut g, &mut snapshot, op) {
            assert!(g == before, "{op:?} failed ({e}) but changed the graph");
        }
        let back = ClaimGraph::from_json(&g.to_json())
            .unwrap_or_else(|e| panic!("after {op:?} the graph does not load again: {e}"));
        assert!(back == g, "after {op:?} save -> load changed the graph");
    }
    common::check_graph(&g);
});
