//! Builders for the format tests: a graph that sets every field of every record kind, and
//! random valid graphs for property tests.

#![allow(dead_code)]

use chrono::{FixedOffset, NaiveDate, TimeZone};
use claimgraph::{
    Attribution, Claim, ClaimGraph, ClaimRelation, ClaimRelationKind, Modality, Period, Quantity,
    Rating, Records, Reliability, Source, SourceKind, SourceRelation, SourceRelationKind, Stance,
    Verdict, When,
};
use proptest::prelude::*;
use proptest::sample::Index;

pub fn when(s: &str) -> When {
    s.parse().unwrap()
}

/// A graph in which every optional field of every record kind is set, with dates of every
/// precision, an instant with an offset, a reversed rating scale, non-ASCII text and quotes that
/// need escaping.
pub fn full_graph() -> ClaimGraph {
    let mut g = ClaimGraph::new();
    g.add_source(
        Source::new("putin", SourceKind::Person, "Владимир Путин")
            .alias("Vladimir Putin")
            .alias("Putin")
            .reliability(Reliability::C)
            .url("http://en.kremlin.ru/")
            .title("President of Russia")
            .published(when("2024")),
    )
    .unwrap();
    g.add_source(
        Source::new("rodong", SourceKind::Outlet, "Rodong Sinmun")
            .alias("로동신문")
            .reliability(Reliability::E),
    )
    .unwrap();
    g.add_source(
        Source::new("op-ed", SourceKind::Document, "Putin's op-ed")
            .title("Russia and the DPRK: \"traditions of friendship\"\tthrough the years\n")
            .url("https://example.org/op-ed?a=1&b=\"2\"")
            .published(when("2024-06-18T23:30:00+08:00")),
    )
    .unwrap();
    g.add_source(Source::new(
        "rok-sources",
        SourceKind::UnnamedGroup,
        "ROK sources",
    ))
    .unwrap();
    g.add_source(Source::new("west", SourceKind::Collective, "the West"))
        .unwrap();
    g.add_source(
        Source::new("factcheck", SourceKind::Organization, "Fact Check Desk")
            .published(when("2023-08")),
    )
    .unwrap();
    g.add_source(Source::new("russia", SourceKind::Government, "Russia"))
        .unwrap();
    g.add_claim(
        Claim::new(
            "containers",
            "DPRK delivered 6,700 containers of munitions to Russia — «mad rumors» 🚢",
        )
        .subject("russia")
        .subject("putin")
        .period(Period::new(Some(when("2023-08")), Some(when("2024-02-29"))))
        .tag("military")
        .tag("économie")
        .quantity(Quantity::new(6700.0, "containers")),
    )
    .unwrap();
    g.add_claim(
        Claim::new("ammo", "DPRK supplies ammunition to Russia")
            .period(Period::new(
                Some(when("2023")),
                Some(when("2024-06-18T15:30:00.250Z")),
            ))
            .quantity(Quantity::new(0.1 + 0.2, "millions of shells")),
    )
    .unwrap();
    g.add_claim(
        Claim::new("open-ended", "Cooperation continues")
            .period(Period::new(None, Some(when("2024-06-18")))),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("rok-sources", "containers", Stance::Asserts)
            .modality(Modality::Alleged)
            .said(when("2024-06-18"))
            .quote("He said \"6,700\" \\ containers\u{0001}")
            .via("op-ed"),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("putin", "containers", Stance::Denies)
            .with_id("putin-denies")
            .said(when("2024-06-18T23:30:00+08:00"))
            .quote("безумные слухи"),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("west", "ammo", Stance::Doubts)
            .modality(Modality::Speculated)
            .said(when("2024-06")),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("rodong", "ammo", Stance::Asserts).modality(Modality::Expected),
    )
    .unwrap();
    g.add_source_relation(
        SourceRelation::new("op-ed", SourceRelationKind::AuthoredBy, "putin")
            .date(when("2024-06-18")),
    )
    .unwrap();
    g.add_source_relation(SourceRelation::new(
        "op-ed",
        SourceRelationKind::PublishedIn,
        "rodong",
    ))
    .unwrap();
    g.add_source_relation(
        SourceRelation::new("rodong", SourceRelationKind::Cites, "rok-sources").date(when("2024")),
    )
    .unwrap();
    g.add_source_relation(SourceRelation::new(
        "putin",
        SourceRelationKind::AffiliatedWith,
        "russia",
    ))
    .unwrap();
    for kind in ClaimRelationKind::ALL {
        g.add_claim_relation(ClaimRelation::new("containers", kind, "ammo"))
            .unwrap();
    }
    g.add_verdict(
        Verdict::new("factcheck", "containers", "Mostly true")
            .rating(Rating::new(2.0, 1.0, 5.0))
            .date(when("2024-07-01T09:00:00-04:00"))
            .url("https://example.org/checks/containers")
            .summary("ROK's figure matches \"satellite\" imagery."),
    )
    .unwrap();
    g.add_verdict(
        Verdict::new("factcheck", "ammo", "Unproven")
            .with_id("check-ammo")
            .rating(Rating::new(1e-300, 1.0, -0.0)),
    )
    .unwrap();
    g
}

// ----- random valid graphs ----------------------------------------------------------------------

/// A piece of text that may hold anything printable, including quotes, backslashes and
/// non-ASCII letters.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 é漢🚢\"\\\\/,.:-]{0,12}".prop_map(|s| format!("t{s}"))
}

/// Finite numbers, with the ones that are hard to print exactly overrepresented.
pub fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |x| x.is_finite()),
        prop::sample::select(vec![
            0.1 + 0.2,
            1e-300,
            -0.0,
            0.0,
            5e-324,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            6700.0,
            1.0 / 3.0,
        ]),
    ]
}

pub fn arb_when() -> impl Strategy<Value = When> {
    let date = (1i32..=9999, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
    prop_oneof![
        (1i32..=9999).prop_map(When::Year),
        (1i32..=9999, 1u32..=12).prop_map(|(y, m)| When::Month(y, m)),
        date.clone().prop_map(When::Date),
        (date, 0u32..86_400, 0u32..1_000_000_000, -1439i32..=1439).prop_map(
            |(d, secs, nanos, offset_min)| {
                let t = chrono::NaiveTime::from_num_seconds_from_midnight_opt(secs, nanos).unwrap();
                let off = FixedOffset::east_opt(offset_min * 60).unwrap();
                When::Instant(off.from_local_datetime(&d.and_time(t)).single().unwrap())
            }
        ),
    ]
}

fn arb_period() -> impl Strategy<Value = Period> {
    prop_oneof![
        arb_when().prop_map(|w| Period::new(Some(w), None)),
        arb_when().prop_map(|w| Period::new(None, Some(w))),
        (arb_when(), arb_when()).prop_map(|(a, b)| {
            if a.start() <= b.start() {
                Period::new(Some(a), Some(b))
            } else {
                Period::new(Some(b), Some(a))
            }
        }),
    ]
}

fn arb_rating() -> impl Strategy<Value = Rating> {
    (finite(), finite(), finite(), any::<bool>()).prop_filter_map(
        "a scale needs two ends",
        |(a, b, c, reversed)| {
            let mut v = [a, b, c];
            v.sort_by(|x, y| x.partial_cmp(y).unwrap());
            let [lo, mid, hi] = v;
            (lo < hi).then(|| {
                if reversed {
                    Rating::new(mid, lo, hi)
                } else {
                    Rating::new(mid, hi, lo)
                }
            })
        },
    )
}

fn opt<T: std::fmt::Debug>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

fn kind<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(all)
}

/// A valid set of records: ids are unique, and every reference names a record of the right kind.
pub fn arb_records() -> impl Strategy<Value = Records> {
    (1usize..6, 0usize..6).prop_flat_map(|(n_sources, n_claims)| {
        let sources = (0..n_sources)
            .map(|i| {
                (
                    kind(&SourceKind::ALL),
                    text(),
                    prop::collection::vec(text(), 0..3),
                    opt(kind(&Reliability::ALL)),
                    opt(text()),
                    opt(text()),
                    opt(arb_when()),
                )
                    .prop_map(
                        move |(k, name, aliases, rel, url, title, published)| Source {
                            id: format!("s{i}-\"ß\""),
                            kind: k,
                            name,
                            aliases,
                            reliability: rel,
                            url,
                            title,
                            published,
                        },
                    )
            })
            .collect::<Vec<_>>();
        let claims = (0..n_claims)
            .map(move |i| {
                (
                    text(),
                    prop::sample::subsequence((0..n_sources).collect::<Vec<_>>(), 0..=n_sources),
                    opt(arb_period()),
                    prop::collection::vec(text(), 0..3),
                    opt((finite(), text())),
                )
                    .prop_map(move |(t, subjects, period, tags, q)| Claim {
                        id: format!("c{i} \\ 漢"),
                        text: t,
                        subjects: subjects.iter().map(|s| format!("s{s}-\"ß\"")).collect(),
                        period,
                        tags,
                        quantity: q.map(|(v, u)| Quantity::new(v, u)),
                    })
            })
            .collect::<Vec<_>>();
        let attributions = prop::collection::vec(
            (
                any::<Index>(),
                any::<Index>(),
                kind(&Stance::ALL),
                kind(&Modality::ALL),
                opt(arb_when()),
                opt(text()),
                opt(any::<Index>()),
            ),
            0..8,
        );
        let source_relations = prop::collection::vec(
            (
                any::<Index>(),
                any::<Index>(),
                kind(&SourceRelationKind::ALL),
                opt(arb_when()),
            ),
            0..6,
        );
        let claim_relations = prop::collection::vec(
            (
                any::<Index>(),
                any::<Index>(),
                kind(&ClaimRelationKind::ALL),
            ),
            0..6,
        );
        let verdicts = prop::collection::vec(
            (
                any::<Index>(),
                any::<Index>(),
                text(),
                opt(arb_rating()),
                opt(arb_when()),
                opt(text()),
                opt(text()),
            ),
            0..4,
        );
        (
            sources,
            claims,
            attributions,
            source_relations,
            claim_relations,
            verdicts,
        )
            .prop_map(move |(sources, claims, attrs, srels, crels, verdicts)| {
                let sid = |ix: &Index| sources[ix.index(sources.len())].id.clone();
                let has_claims = !claims.is_empty();
                let cid = |ix: &Index| claims[ix.index(claims.len())].id.clone();
                let attributions = if has_claims {
                    attrs
                        .iter()
                        .enumerate()
                        .map(
                            |(i, (s, c, stance, modality, said, quote, via))| Attribution {
                                id: format!("a{i}: \"quoted\""),
                                source: sid(s),
                                claim: cid(c),
                                stance: *stance,
                                modality: *modality,
                                said: *said,
                                quote: quote.clone(),
                                via: via
                                    .as_ref()
                                    .map(|v| claimgraph::Hop::new(sid(v)))
                                    .into_iter()
                                    .collect(),
                                basis: Vec::new(),
                                covers: Vec::new(),
                            },
                        )
                        .collect()
                } else {
                    Vec::new()
                };
                let source_relations = srels
                    .iter()
                    .enumerate()
                    .map(|(i, (f, t, k, date))| SourceRelation {
                        id: format!("r{i}"),
                        from: sid(f),
                        kind: *k,
                        to: sid(t),
                        date: *date,
                        since: None,
                        until: None,
                    })
                    .filter(|r| r.from != r.to)
                    .collect();
                let claim_relations = if has_claims {
                    crels
                        .iter()
                        .enumerate()
                        .map(|(i, (f, t, k))| ClaimRelation {
                            id: format!("k{i}"),
                            from: cid(f),
                            kind: *k,
                            to: cid(t),
                        })
                        .filter(|r| r.from != r.to)
                        .collect()
                } else {
                    Vec::new()
                };
                let verdicts = if has_claims {
                    verdicts
                        .iter()
                        .enumerate()
                        .map(|(i, (r, c, label, rating, date, url, summary))| Verdict {
                            id: format!("v{i}"),
                            reviewer: sid(r),
                            claim: cid(c),
                            label: label.clone(),
                            rating: *rating,
                            date: *date,
                            url: url.clone(),
                            summary: summary.clone(),
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                Records {
                    sources,
                    claims,
                    attributions,
                    source_relations,
                    claim_relations,
                    verdicts,
                }
            })
    })
}

/// Adds `records` in an order picked by `seed`: nodes before edges (they must be), but each kind
/// shuffled, and the edge kinds interleaved.
pub fn build_in_order(records: &Records, seed: u64) -> ClaimGraph {
    let mut rng = seed | 1;
    let mut next = move |n: usize| {
        // xorshift: enough to pick a permutation, and stable across runs.
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % n.max(1) as u64) as usize
    };
    fn shuffled<T: Clone>(v: &[T], next: &mut impl FnMut(usize) -> usize) -> Vec<T> {
        let mut v = v.to_vec();
        for i in (1..v.len()).rev() {
            v.swap(i, next(i + 1));
        }
        v
    }
    let mut g = ClaimGraph::new();
    for s in shuffled(&records.sources, &mut next) {
        g.add_source(s).unwrap();
    }
    for c in shuffled(&records.claims, &mut next) {
        g.add_claim(c).unwrap();
    }
    enum E {
        A(Attribution),
        S(SourceRelation),
        C(ClaimRelation),
        V(Verdict),
    }
    let mut edges: Vec<E> = Vec::new();
    edges.extend(records.attributions.iter().cloned().map(E::A));
    edges.extend(records.source_relations.iter().cloned().map(E::S));
    edges.extend(records.claim_relations.iter().cloned().map(E::C));
    edges.extend(records.verdicts.iter().cloned().map(E::V));
    for i in (1..edges.len()).rev() {
        let j = next(i + 1);
        edges.swap(i, j);
    }
    for e in edges {
        match e {
            E::A(a) => g.add_attribution(a).unwrap(),
            E::S(r) => g.add_source_relation(r).unwrap(),
            E::C(r) => g.add_claim_relation(r).unwrap(),
            E::V(v) => g.add_verdict(v).unwrap(),
        }
    }
    g
}
