//! A graph that uses every field of every record kind, with ids an IRI or a qualified name
//! cannot hold as they are: what every format's round trip is tested on.

use claimgraph::{
    Attribution, Claim, ClaimGraph, ClaimRelation, ClaimRelationKind, Modality, Period, Quantity,
    Rating, Reliability, Source, SourceKind, SourceRelation, SourceRelationKind, Stance, Verdict,
    When,
};

fn when(s: &str) -> When {
    s.parse().unwrap()
}

/// Every field of every record, each optional one set somewhere and left out somewhere else.
pub fn every_field() -> ClaimGraph {
    let mut g = ClaimGraph::new();
    let sources = [
        Source::new("putin", SourceKind::Person, "Vladimir Putin")
            .alias("Путин")
            .alias("V. Putin")
            .reliability(Reliability::C),
        Source::new(
            "ministry: unification",
            SourceKind::Government,
            "Ministry of Unification",
        )
        .url("https://www.unikorea.go.kr/"),
        Source::new(
            "Министерство",
            SourceKind::Organization,
            "Министерство обороны",
        ),
        Source::new("rodong/sinmun", SourceKind::Outlet, "Rodong Sinmun")
            .reliability(Reliability::E),
        Source::new("op-ed #1", SourceKind::Document, "Putin's op-ed")
            .title("Russia and the DPRK: traditions of friendship \"through the years\"")
            .url("http://rodong.rep.kp/en/index.php?MTJAMjAyNC0wNi0xOC1IMDAx")
            .published(when("2024-06-18T06:00:00+09:00")),
        Source::new("stats 100%", SourceKind::Document, "Statistics").published(when("2024-02")),
        Source::new("yearbook.", SourceKind::Document, "Yearbook").published(when("2023")),
        Source::new("-rok-sources", SourceKind::UnnamedGroup, "ROK sources"),
        Source::new("west", SourceKind::Collective, "the West").alias("Western commentators"),
        Source::new("article", SourceKind::Document, "Analysis").published(when("2024-06-18")),
        Source::new("fact-checker", SourceKind::Organization, "Fact Check Desk"),
    ];
    for s in sources {
        g.add_source(s).unwrap();
    }
    g.add_claim(
        Claim::new(
            "containers: 6,700",
            "DPRK delivered 6,700 containers of munitions",
        )
        .subject("Министерство")
        .subject("ministry: unification")
        .period(Period::new(Some(when("2023-08")), Some(when("2024-02"))))
        .quantity(Quantity::new(6700.5, "containers"))
        .tag("military")
        .tag("логистика"),
    )
    .unwrap();
    g.add_claim(
        Claim::new("ammo", "DPRK supplies ammunition to Russia")
            .period(Period::new(None, Some(when("2024-06-18T12:00:00.250Z")))),
    )
    .unwrap();
    g.add_claim(Claim::new(
        "friendship",
        "Russia and the DPRK are friends\nof old",
    ))
    .unwrap();
    g.add_attribution(
        Attribution::new("-rok-sources", "containers: 6,700", Stance::Asserts)
            .via("article")
            .said(when("2024-06-18"))
            .quote("6,700 \"containers\" of munitions"),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("west", "ammo", Stance::Asserts)
            .with_id("west/alleges ammo")
            .modality(Modality::Alleged)
            .via("article"),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("Министерство", "ammo", Stance::Denies)
            .said(when("2024-06-19T10:00:00+03:00"))
            .quote("mad rumors"),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("putin", "friendship", Stance::Doubts).modality(Modality::Speculated),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("op-ed #1", "friendship", Stance::Asserts).modality(Modality::Expected),
    )
    .unwrap();
    g.add_source_relation(
        SourceRelation::new("article", SourceRelationKind::Cites, "-rok-sources")
            .date(when("2024-06-18")),
    )
    .unwrap();
    g.add_source_relation(SourceRelation::new(
        "op-ed #1",
        SourceRelationKind::AuthoredBy,
        "putin",
    ))
    .unwrap();
    g.add_source_relation(
        SourceRelation::new("op-ed #1", SourceRelationKind::PublishedIn, "rodong/sinmun")
            .with_id("published: rodong"),
    )
    .unwrap();
    g.add_source_relation(
        SourceRelation::new(
            "stats 100%",
            SourceRelationKind::AffiliatedWith,
            "ministry: unification",
        )
        .date(when("2024")),
    )
    .unwrap();
    for (i, kind) in ClaimRelationKind::ALL.into_iter().enumerate() {
        let (from, to) = if i % 2 == 0 {
            ("containers: 6,700", "ammo")
        } else {
            ("ammo", "friendship")
        };
        g.add_claim_relation(ClaimRelation::new(from, kind, to))
            .unwrap();
    }
    g.add_verdict(
        Verdict::new("fact-checker", "ammo", "Mostly true")
            .rating(Rating::new(2.0, 1.0, 5.0))
            .date(when("2024-07-01"))
            .url("https://factcheck.example/ammo")
            .summary("Satellite images and UN reports agree."),
    )
    .unwrap();
    g.add_verdict(Verdict::new("fact-checker", "friendship", "Unproven").with_id("v: 2"))
        .unwrap();
    g
}
