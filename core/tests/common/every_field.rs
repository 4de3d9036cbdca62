//! A graph that uses every field of every record kind, first and second model (reporting chains
//! with dated hops, bounded dates, basis, covers, no comment, relations holding for a time), with
//! ids an IRI or a qualified name cannot hold as they are: what every format's round trip is
//! tested on.

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
        Source::new("leaflet", SourceKind::Document, "A leaflet").published(when("../2011-12-02")),
        Source::new("russia", SourceKind::Government, "Russia"),
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
    g.add_claim(
        Claim::new("friendship", "Russia and the DPRK are friends\nof old")
            .period(Period::new(Some(when("1948/..")), None)),
    )
    .unwrap();
    g.add_claim(
        Claim::new("workers", "DPRK workers went to Russia").period(Period::new(
            Some(when("2023-08/2023-09")),
            Some(when("../2024")),
        )),
    )
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
    // A blanket denial that reached the article through an outlet: a chain of two hops, the
    // second dated, covering two further claims.
    g.add_attribution(
        Attribution::new("Министерство", "ammo", Stance::Denies)
            .said(when("2024-06-19T10:00:00+03:00"))
            .quote("mad rumors")
            .via("rodong/sinmun")
            .via_on("article", when("2024-06-20"))
            .covers("workers")
            .covers("containers: 6,700"),
    )
    .unwrap();
    // The article's own sentence, resting on two sources, said some time up to its date.
    g.add_attribution(
        Attribution::new("article", "workers", Stance::Asserts)
            .said(when("../2024-06-18"))
            .basis("-rok-sources")
            .basis("west"),
    )
    .unwrap();
    // A non-statement, reported with a bounded date on its only hop.
    g.add_attribution(
        Attribution::new("ministry: unification", "workers", Stance::NoComment)
            .via_on("article", when("2024-06-01/2024-06-18")),
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
        .date(when("2024"))
        .since(when("2023-01"))
        .until(when("2024-12-31")),
    )
    .unwrap();
    g.add_source_relation(
        SourceRelation::new("putin", SourceRelationKind::AffiliatedWith, "russia")
            .since(when("1999-08-09")),
    )
    .unwrap();
    g.add_source_relation(
        SourceRelation::new("leaflet", SourceRelationKind::AuthoredBy, "west")
            .until(when("2011-12/..")),
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
    g.add_verdict(
        Verdict::new("fact-checker", "friendship", "Unproven")
            .with_id("v: 2")
            .date(when("2024-07/..")),
    )
    .unwrap();
    g
}

/// Fails unless `g` sets every field of every record kind somewhere, uses every stance, modality,
/// source kind and relation kind, and every form of date. Each record is taken apart field by
/// field (no `..`), so a field added to the model does not compile here until the fixture sets
/// it, and then every round trip tested on the fixture must carry it.
pub fn assert_every_field_is_set(g: &ClaimGraph) {
    use std::collections::BTreeSet;
    let mut set: BTreeSet<&'static str> = BTreeSet::new();
    let mut dates: Vec<When> = Vec::new();
    let mut kinds: BTreeSet<String> = BTreeSet::new();
    let mut mark = |on: bool, field: &'static str| {
        if on {
            set.insert(field);
        }
    };
    for s in g.sources() {
        let Source {
            id: _,
            kind,
            name: _,
            aliases,
            reliability,
            url,
            title,
            published,
        } = s;
        kinds.insert(format!("source kind {kind}"));
        mark(!aliases.is_empty(), "source.aliases");
        mark(reliability.is_some(), "source.reliability");
        mark(url.is_some(), "source.url");
        mark(title.is_some(), "source.title");
        mark(published.is_some(), "source.published");
        dates.extend(*published);
    }
    for c in g.claims() {
        let Claim {
            id: _,
            text: _,
            subjects,
            period,
            tags,
            quantity,
        } = c;
        mark(!subjects.is_empty(), "claim.subjects");
        if let Some(Period { start, end }) = period {
            mark(start.is_some(), "claim.period.start");
            mark(end.is_some(), "claim.period.end");
            dates.extend(start.iter().chain(end).copied());
        }
        mark(!tags.is_empty(), "claim.tags");
        mark(quantity.is_some(), "claim.quantity");
    }
    for a in g.attributions() {
        let Attribution {
            id: _,
            source: _,
            claim: _,
            stance,
            modality,
            said,
            quote,
            via,
            basis,
            covers,
        } = a;
        kinds.insert(format!("stance {stance}"));
        kinds.insert(format!("modality {modality}"));
        mark(said.is_some(), "attribution.said");
        mark(quote.is_some(), "attribution.quote");
        mark(via.len() >= 2, "attribution.via (a chain of several hops)");
        mark(
            via.iter().any(|h| h.date.is_some()),
            "attribution.via (a dated hop)",
        );
        mark(
            via.iter().any(|h| h.date.is_none()),
            "attribution.via (an undated hop)",
        );
        mark(basis.len() >= 2, "attribution.basis (several sources)");
        mark(!covers.is_empty(), "attribution.covers");
        dates.extend(said);
        dates.extend(via.iter().filter_map(|h| h.date));
    }
    for r in g.source_relations() {
        let SourceRelation {
            id: _,
            from: _,
            kind,
            to: _,
            date,
            since,
            until,
        } = r;
        kinds.insert(format!("source relation {kind}"));
        mark(date.is_some(), "source_relation.date");
        mark(since.is_some(), "source_relation.since");
        mark(until.is_some(), "source_relation.until");
        dates.extend([date, since, until].into_iter().flatten());
    }
    for r in g.claim_relations() {
        let ClaimRelation {
            id: _,
            from: _,
            kind,
            to: _,
        } = r;
        kinds.insert(format!("claim relation {kind}"));
    }
    for v in g.verdicts() {
        let Verdict {
            id: _,
            reviewer: _,
            claim: _,
            label: _,
            rating,
            date,
            url,
            summary,
        } = v;
        mark(rating.is_some(), "verdict.rating");
        mark(date.is_some(), "verdict.date");
        mark(url.is_some(), "verdict.url");
        mark(summary.is_some(), "verdict.summary");
        dates.extend(date);
    }
    let want_fields = [
        "source.aliases",
        "source.reliability",
        "source.url",
        "source.title",
        "source.published",
        "claim.subjects",
        "claim.period.start",
        "claim.period.end",
        "claim.tags",
        "claim.quantity",
        "attribution.said",
        "attribution.quote",
        "attribution.via (a chain of several hops)",
        "attribution.via (a dated hop)",
        "attribution.via (an undated hop)",
        "attribution.basis (several sources)",
        "attribution.covers",
        "source_relation.date",
        "source_relation.since",
        "source_relation.until",
        "verdict.rating",
        "verdict.date",
        "verdict.url",
        "verdict.summary",
    ];
    let missing: Vec<&str> = want_fields
        .iter()
        .copied()
        .filter(|f| !set.contains(f))
        .collect();
    assert!(missing.is_empty(), "the graph never sets {missing:?}");

    let mut want_kinds: Vec<String> = Vec::new();
    want_kinds.extend(SourceKind::ALL.iter().map(|k| format!("source kind {k}")));
    want_kinds.extend(Stance::ALL.iter().map(|k| format!("stance {k}")));
    want_kinds.extend(Modality::ALL.iter().map(|k| format!("modality {k}")));
    want_kinds.extend(
        SourceRelationKind::ALL
            .iter()
            .map(|k| format!("source relation {k}")),
    );
    want_kinds.extend(
        ClaimRelationKind::ALL
            .iter()
            .map(|k| format!("claim relation {k}")),
    );
    let missing: Vec<&String> = want_kinds.iter().filter(|k| !kinds.contains(*k)).collect();
    assert!(missing.is_empty(), "the graph never uses {missing:?}");

    // Every form of date: the match has no `_`, so a new form does not compile here.
    let mut forms: BTreeSet<&str> = BTreeSet::new();
    for d in &dates {
        forms.insert(match d {
            When::Year(_) => "year",
            When::Month(..) => "month",
            When::Date(_) => "day",
            When::Instant(_) => "instant",
            When::OnOrBefore(_) => "on or before",
            When::OnOrAfter(_) => "on or after",
            When::Between(..) => "between",
        });
    }
    assert_eq!(
        forms.len(),
        7,
        "the graph uses only these forms of date: {forms:?}"
    );
}
