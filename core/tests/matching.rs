//! Has this been checked before? Matching new text against the claims on record.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimgraph::{
    Attribution, Claim, ClaimGraph, ClaimIndex, ClaimRelation, ClaimRelationKind, IndexLoad,
    IndexOptions, Language, MatchKind, SimilarClaim, SimilarOptions, Source, SourceKind, Stance,
    Verdict,
};

fn record() -> ClaimGraph {
    let mut g = ClaimGraph::new();
    g.add_source(
        Source::new("dprk", SourceKind::Government, "DPRK")
            .alias("North Korea")
            .alias("Pyongyang"),
    )
    .unwrap();
    g.add_source(Source::new("russia", SourceKind::Government, "Russia"))
        .unwrap();
    g.add_source(Source::new("moon-jae", SourceKind::Person, "Kim Moon-soo"))
        .unwrap();
    g.add_source(
        Source::new("yonhap-story", SourceKind::Document, "Yonhap report")
            .url("https://en.yna.co.kr/view/AEN20240618"),
    )
    .unwrap();
    g.add_source(Source::new(
        "factcheckers",
        SourceKind::Organization,
        "Fact Desk",
    ))
    .unwrap();
    g.add_claim(
        Claim::new(
            "containers",
            "DPRK delivered 6,700 containers of munitions to Russia",
        )
        .subject("dprk")
        .subject("russia"),
    )
    .unwrap();
    g.add_claim(Claim::new(
        "containers-again",
        "Thousands of shipping containers with artillery shells went north",
    ))
    .unwrap();
    g.add_claim_relation(ClaimRelation::new(
        "containers-again",
        ClaimRelationKind::SameAs,
        "containers",
    ))
    .unwrap();
    g.add_claim(Claim::new("visit", "Putin visited Pyongyang in June 2024"))
        .unwrap();
    g.add_claim(Claim::new(
        "vaccine",
        "A vaccine makes people magnetic so that spoons stick to their arms",
    ))
    .unwrap();
    g.add_verdict(
        Verdict::new("factcheckers", "vaccine", "False")
            .summary("Magnets do not stick to vaccinated arms")
            .url("https://factdesk.example/checks/magnet-arms/"),
    )
    .unwrap();
    g.add_claim(Claim::new("rations", "Soldiers were sent rice rations"))
        .unwrap();
    g.add_attribution(Attribution::new("moon-jae", "rations", Stance::Asserts).via("yonhap-story"))
        .unwrap();
    g
}

fn ids(hits: &[SimilarClaim]) -> Vec<&str> {
    hits.iter().map(|h| h.claim.as_str()).collect()
}

fn part(hit: &SimilarClaim, kind: MatchKind) -> Option<&claimgraph::MatchPart> {
    hit.parts.iter().find(|p| p.kind == kind)
}

#[test]
fn a_rewording_finds_the_claim_and_says_why() {
    let g = record();
    let hits = g.similar_claims(
        "Did North Korea deliver 6700 munition containers to Russia?",
        3,
    );
    assert_eq!(hits[0].claim, "containers");
    let words = part(&hits[0], MatchKind::Words).unwrap();
    for w in ["deliver", "munition", "containers", "russia"] {
        assert!(
            words.matched.iter().any(|m| m == w),
            "{w} in {:?}",
            words.matched
        );
    }
    assert_eq!(
        part(&hits[0], MatchKind::Numbers).unwrap().matched,
        ["6700"]
    );
    assert!(part(&hits[0], MatchKind::Names)
        .unwrap()
        .matched
        .contains(&"north korea".to_string()));
    let shares: f64 = hits[0].parts.iter().map(|p| p.share).sum();
    assert!((shares - 1.0).abs() < 1e-9, "shares add up to {shares}");
    let scores: f64 = hits[0].parts.iter().map(|p| p.score).sum();
    assert!(
        (scores - hits[0].score).abs() < 1e-4,
        "{scores} vs {}",
        hits[0].score
    );
    assert!(hits[0].score > 0.0 && hits[0].score <= 1.0);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn each_text_the_record_knows_a_claim_by_finds_it() {
    let g = record();
    // Another wording through same-as.
    let hits = g.similar_claims("artillery shells shipped north", 2);
    assert_eq!(ids(&hits), ["containers-again", "containers"]);
    // A fact-check's summary.
    assert_eq!(
        g.similar_claims("magnets stick to vaccinated arms", 1)[0].claim,
        "vaccine"
    );
    // A subject's alias.
    assert_eq!(g.similar_claims("Pyongyang", 5)[0].claim, "visit");
    assert!(ids(&g.similar_claims("Pyongyang", 5)).contains(&"containers"));
    // A named source that asserts it.
    assert_eq!(
        g.similar_claims("what Kim Moon-soo said", 1)[0].claim,
        "rations"
    );
}

#[test]
fn a_link_to_the_fact_check_or_the_report_finds_the_claim() {
    let g = record();
    let hits = g.similar_claims(
        "look at this http://www.factdesk.example/checks/magnet-arms",
        2,
    );
    assert_eq!(hits[0].claim, "vaccine");
    let links = part(&hits[0], MatchKind::Links).unwrap();
    assert_eq!(links.matched, ["factdesk.example/checks/magnet-arms"]);
    let hits = g.similar_claims("https://en.yna.co.kr/view/AEN20240618", 2);
    assert_eq!(ids(&hits), ["rations"]);
}

#[test]
fn ngrams_catch_hashtags_and_spelling() {
    let g = record();
    let hits = g.similar_claims("#MagneticVaccine spoons", 1);
    assert_eq!(hits[0].claim, "vaccine");
    // The claim and its other wording (same-as) hold the same words.
    let hits = g.similar_claims("munitionscontainers", 2);
    let mut found = ids(&hits);
    found.sort_unstable();
    assert_eq!(found, ["containers", "containers-again"]);
    let ngrams = part(&hits[0], MatchKind::Ngrams).unwrap();
    assert!(!ngrams.matched.is_empty());
    // Two known words written together match as words too.
    let words = part(&hits[0], MatchKind::Words).unwrap();
    assert_eq!(words.matched, ["munitions", "containers"]);
}

#[test]
fn thresholds_leave_out_weak_matches() {
    let g = record();
    let index = ClaimIndex::new(&g);
    let loose = index.similar_claims("Russia", &SimilarOptions::default());
    assert!(loose.len() >= 2, "{:?}", ids(&loose));
    let two_words = SimilarOptions {
        min_shared_words: 2,
        ..SimilarOptions::default()
    };
    let hits = index.similar_claims("magnetic Russia spoons", &two_words);
    assert_eq!(ids(&hits), ["vaccine"]);
    assert!(hits[0].shared_words >= 2);
    let best = loose[0].score;
    let strict = SimilarOptions {
        min_score: best + 1e-6,
        ..SimilarOptions::default()
    };
    assert!(index.similar_claims("Russia", &strict).is_empty());
    let one = SimilarOptions {
        k: 1,
        ..SimilarOptions::default()
    };
    assert_eq!(index.similar_claims("Russia", &one).len(), 1);
}

#[test]
fn text_without_content_finds_nothing_and_odd_text_never_panics() {
    let g = record();
    let index = ClaimIndex::new(&g);
    for text in [
        "",
        "   ",
        "the of and",
        "?!.,;",
        "\u{0}\u{301}",
        "🦀🦀",
        "１２３",
        "1,2,3,,4..5",
        "'s's's",
        "#",
        "@@@",
        "http://",
        "https://x",
        "ÉÉÉ",
        "a\u{300}\u{300}\u{300}",
    ] {
        let _ = index.similar_claims(text, &SimilarOptions::default());
    }
    assert!(index
        .similar_claims("the of and", &SimilarOptions::default())
        .is_empty());
    assert!(ClaimIndex::new(&ClaimGraph::new())
        .similar_claims("munitions", &SimilarOptions::default())
        .is_empty());
}

#[test]
fn refreshing_a_claim_gives_what_a_rebuild_gives() {
    let mut g = record();
    let mut index = ClaimIndex::new(&g);
    // Asked between the changes too: what a question keeps of the index as it was (the claims'
    // length norms) must not outlive a change.
    let ask =
        |index: &ClaimIndex| index.similar_claims("drones for Russia", &SimilarOptions::default());
    ask(&index);
    g.add_claim(Claim::new("drones", "Iran sold attack drones to Russia"))
        .unwrap();
    assert!(index.refresh_claim(&g, "drones"));
    assert_eq!(ask(&index)[0].claim, "drones");
    g.update_claim(Claim::new("visit", "Putin flew to Pyongyang for a summit"))
        .unwrap();
    index.refresh_claim(&g, "visit");
    ask(&index);
    g.remove_claim("rations").unwrap();
    assert!(!index.refresh_claim(&g, "rations"));
    let rebuilt = ClaimIndex::new(&g);
    assert_eq!(index.len(), rebuilt.len());
    for text in [
        "drones for Russia",
        "Putin summit in Pyongyang",
        "rice rations",
        "June 2024",
    ] {
        let a = index.similar_claims(text, &SimilarOptions::default());
        let b = rebuilt.similar_claims(text, &SimilarOptions::default());
        assert_eq!(ids(&a), ids(&b), "{text}");
        for (x, y) in a.iter().zip(&b) {
            assert!(
                (x.score - y.score).abs() < 1e-5,
                "{text}: {} vs {}",
                x.score,
                y.score
            );
        }
    }
    assert!(!index.contains("rations"));
    assert!(index.remove_claim("drones"));
    assert!(!index.remove_claim("drones"));
}

#[test]
fn duplicate_candidates_suggest_unlinked_rewordings() {
    let mut g = record();
    g.add_claim(Claim::new(
        "magnet-2",
        "Vaccines make people magnetic: spoons stick to the arm",
    ))
    .unwrap();
    let options = SimilarOptions {
        min_score: 0.3,
        ..SimilarOptions::default()
    };
    let pairs = g.duplicate_candidates(&options);
    assert_eq!(
        (pairs[0].claim.as_str(), pairs[0].other.as_str()),
        ("magnet-2", "vaccine")
    );
    assert!(pairs.iter().all(|p| p.claim < p.other));
    // Already linked by same-as: not suggested again.
    assert!(!pairs
        .iter()
        .any(|p| p.claim == "containers" && p.other == "containers-again"));
    g.add_claim_relation(ClaimRelation::new(
        "magnet-2",
        ClaimRelationKind::SameAs,
        "vaccine",
    ))
    .unwrap();
    assert!(!g
        .duplicate_candidates(&options)
        .iter()
        .any(|p| p.claim == "magnet-2" && p.other == "vaccine"));
}

#[test]
fn other_languages_stem_their_own_words() {
    let mut g = ClaimGraph::new();
    g.add_claim(Claim::new("fr", "Les vaccins rendent les gens magnétiques"))
        .unwrap();
    let index = ClaimIndex::with_options(
        &g,
        IndexOptions {
            language: "fr".parse::<Language>().unwrap(),
            ..IndexOptions::default()
        },
    );
    let hits = index.similar_claims("vaccin magnetique", &SimilarOptions::default());
    assert_eq!(ids(&hits), ["fr"]);
    assert!("klingon".parse::<Language>().is_err());
}

// ---- saving the index beside the graph ------------------------------------------------------

const QUESTIONS: [&str; 5] = [
    "North Korea sent 6700 munition containers",
    "Putin summit in Pyongyang",
    "drones for Russia",
    "magnetic vaccine spoons",
    "https://en.yna.co.kr/view/AEN20240618",
];

/// The record, indexed, then changed claim by claim (so the index holds dead claims and words
/// added since its build).
fn changed_index() -> (ClaimGraph, ClaimIndex) {
    let mut g = record();
    let mut index = ClaimIndex::new(&g);
    g.add_claim(Claim::new("drones", "Iran sold attack drones to Russia"))
        .unwrap();
    index.refresh_claim(&g, "drones");
    g.update_claim(Claim::new("visit", "Putin flew to Pyongyang for a summit"))
        .unwrap();
    index.refresh_claim(&g, "visit");
    (g, index)
}

#[test]
fn a_saved_index_answers_as_the_index_it_was_saved_from() {
    let (g, index) = changed_index();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.index");
    index.save(&path).unwrap();
    let loaded = ClaimIndex::load(&path).unwrap();
    assert_eq!(loaded.len(), index.len());
    assert_eq!(loaded.options(), index.options());
    for text in QUESTIONS {
        let a = index.similar_claims(text, &SimilarOptions::default());
        assert!(!a.is_empty(), "{text}");
        assert_eq!(
            loaded.similar_claims(text, &SimilarOptions::default()),
            a,
            "{text}"
        );
    }
    let options = SimilarOptions {
        min_score: 0.1,
        ..SimilarOptions::default()
    };
    assert_eq!(
        loaded.duplicate_candidates(&options),
        index.duplicate_candidates(&options)
    );
    assert!(loaded.is_index_of(&g));
    // Saved again, the same bytes.
    assert_eq!(loaded.to_bytes(), index.to_bytes());
    // A loaded index keeps up with the graph like a built one.
    let mut loaded = loaded;
    let mut g = g;
    g.add_claim(Claim::new(
        "kites",
        "Balloons and kites carried leaflets over the border",
    ))
    .unwrap();
    assert!(!loaded.is_index_of(&g));
    loaded.refresh_claim(&g, "kites");
    assert!(loaded.is_index_of(&g));
    assert_eq!(
        ids(&loaded.similar_claims("leaflet balloons", &SimilarOptions::default()))[0],
        "kites"
    );
}

#[test]
fn the_index_beside_the_graph_is_read_while_it_is_current_and_rebuilt_when_not() {
    let mut g = record();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.index");
    let (_, how) = ClaimIndex::load_or_build(&g, &path, IndexOptions::default()).unwrap();
    assert_eq!(how, IndexLoad::Built);
    let (index, how) = ClaimIndex::load_or_build(&g, &path, IndexOptions::default()).unwrap();
    assert_eq!(how, IndexLoad::Loaded);
    assert_eq!(index.len(), g.claims().count());
    // A change of any text the index reads: a fact-check's summary.
    let mut v = g.verdicts_of("vaccine").unwrap().remove(0);
    v.summary = Some("Spoons do not stick to vaccinated arms: magnetism claim false".into());
    g.update_verdict(v).unwrap();
    let (_, how) = ClaimIndex::load_or_build(&g, &path, IndexOptions::default()).unwrap();
    assert!(
        matches!(&how, IndexLoad::Rebuilt(why) if why.contains("changed")),
        "{how:?}"
    );
    let (_, how) = ClaimIndex::load_or_build(&g, &path, IndexOptions::default()).unwrap();
    assert_eq!(how, IndexLoad::Loaded);
    let french = IndexOptions {
        language: Language::French,
        ..IndexOptions::default()
    };
    let (index, how) = ClaimIndex::load_or_build(&g, &path, french.clone()).unwrap();
    assert!(
        matches!(&how, IndexLoad::Rebuilt(why) if why.contains("options")),
        "{how:?}"
    );
    assert_eq!(index.options(), &french);
    // A file of an older layout (version 1, before varint postings) is built again.
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[8..12].copy_from_slice(&1u32.to_le_bytes());
    std::fs::write(&path, &bytes).unwrap();
    let (_, how) = ClaimIndex::load_or_build(&g, &path, french.clone()).unwrap();
    assert!(
        matches!(&how, IndexLoad::Rebuilt(why) if why.contains("format 1")),
        "{how:?}"
    );
    let (_, how) = ClaimIndex::load_or_build(&g, &path, french).unwrap();
    assert_eq!(how, IndexLoad::Loaded);
}

#[test]
fn a_foreign_damaged_or_newer_file_is_a_clear_error_never_a_panic() {
    let (g, index) = changed_index();
    let bytes = index.to_bytes();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.index");

    let foreign = br#"{"format":"claimgraph","version":2}"#;
    std::fs::write(&path, foreign).unwrap();
    let err = ClaimIndex::load(&path).unwrap_err().to_string();
    assert!(
        err.contains("not a claim index") && err.contains("record.index"),
        "{err}"
    );
    // load_or_build leaves a file that is not an index alone.
    assert!(ClaimIndex::load_or_build(&record(), &path, IndexOptions::default()).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), foreign);

    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let err = ClaimIndex::load(&path).unwrap_err().to_string();
    assert!(
        err.contains("damaged") && err.contains("record.index"),
        "{err}"
    );

    let mut flipped = bytes.clone();
    flipped[bytes.len() / 3] ^= 0x10;
    let err = ClaimIndex::from_bytes(&flipped, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("checksum"), "{err}");

    let mut newer = bytes.clone();
    newer[8..12].copy_from_slice(&(claimgraph::INDEX_FORMAT_VERSION + 1).to_le_bytes());
    match ClaimIndex::from_bytes(&newer, None) {
        Err(claimgraph::Error::UnsupportedVersion { found, .. }) => {
            assert_eq!(found, u64::from(claimgraph::INDEX_FORMAT_VERSION + 1));
        }
        other => panic!("{other:?}"),
    }
    // A file of the first layout (fixed-width postings) is refused, naming its version.
    let mut first = bytes.clone();
    first[8..12].copy_from_slice(&1u32.to_le_bytes());
    let err = ClaimIndex::from_bytes(&first, None).unwrap_err();
    assert!(
        matches!(
            err,
            claimgraph::Error::UnsupportedVersion {
                found: 1,
                supported: 2,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains('1'), "{err}");

    // Every prefix, and every byte changed with the checksum made to match (a file damaged by
    // a program rather than by the disk): an error or a working index, never a panic.
    for n in (0..bytes.len())
        .step_by(13)
        .chain(bytes.len() - 9..bytes.len())
    {
        assert!(
            ClaimIndex::from_bytes(&bytes[..n], None).is_err(),
            "prefix {n}"
        );
    }
    let body = bytes.len() - 8;
    let mut read = 0;
    let mut tried = 0;
    for at in (0..body).step_by(7) {
        tried += 1;
        let mut b = bytes[..body].to_vec();
        b[at] = b[at].wrapping_add(if at % 2 == 0 { 1 } else { 0x80 });
        b.extend_from_slice(&fnv(&b).to_le_bytes());
        if let Ok(mut damaged) = ClaimIndex::from_bytes(&b, None) {
            read += 1;
            damaged.similar_claims(QUESTIONS[0], &SimilarOptions::default());
            // Changing a damaged index that was read: no panic either.
            damaged.remove_claim("drones");
            damaged.refresh_claim(&g, "visit");
            damaged.similar_claims(QUESTIONS[1], &SimilarOptions::default());
        }
    }
    // Some changes still read (a letter of a word, a count); the others are refused.
    assert!(read > 0 && read < tried, "{read} of {tried}");
}

/// The checksum of the index file (FNV-1a, 64 bits).
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[test]
fn claims_the_text_cannot_tell_apart_come_in_the_order_of_their_ids_numbers_as_numbers() {
    let mut g = ClaimGraph::new();
    // Two copies of one claim, differing only in their quotation marks, and a third copy.
    g.add_claim(Claim::new(
        "snopes-10",
        "The senator called the bill \"a disgrace\" in 2019",
    ))
    .unwrap();
    g.add_claim(Claim::new(
        "snopes-9",
        "The senator called the bill 'a disgrace' in 2019",
    ))
    .unwrap();
    g.add_claim(Claim::new(
        "snopes-100",
        "The senator called the bill a disgrace in 2019",
    ))
    .unwrap();
    let hits = g.similar_claims("Senator calls the bill a disgrace", 10);
    let ids: Vec<&str> = hits.iter().map(|h| h.claim.as_str()).collect();
    assert_eq!(ids, ["snopes-9", "snopes-10", "snopes-100"]);
    assert_eq!(hits[0].score, hits[1].score);
}

#[test]
fn a_link_written_without_a_space_before_it_matches_as_a_link_and_makes_no_words() {
    let mut g = ClaimGraph::new();
    g.add_source(Source::new("desk", SourceKind::Organization, "Fact Desk"))
        .unwrap();
    g.add_claim(Claim::new("runway", "A photograph shows a flooded runway"))
        .unwrap();
    g.add_verdict(
        Verdict::new("desk", "runway", "false").url("https://desk.example/flooded-runway"),
    )
    .unwrap();
    g.add_claim(Claim::new("tvrk", "Tvrkhvlgby was elected mayor"))
        .unwrap();
    let hits = g.similar_claims(
        "Look at this runway.https://desk.example/flooded-runway",
        10,
    );
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].claim, "runway");
    let links = hits[0]
        .parts
        .iter()
        .find(|p| p.kind == MatchKind::Links)
        .unwrap();
    assert_eq!(links.matched, ["desk.example/flooded-runway"]);
    let words = hits[0]
        .parts
        .iter()
        .find(|p| p.kind == MatchKind::Words)
        .unwrap();
    assert_eq!(words.matched, ["runway"]);
    // The code of a link glued to a hashtag is not a word.
    let hits = g.similar_claims("#Floodpic.twitter.com/TvRkHvlgby", 10);
    let ids: Vec<&str> = hits.iter().map(|h| h.claim.as_str()).collect();
    assert_eq!(ids, ["runway"]);
}

#[test]
fn an_abbreviation_with_full_stops_matches_it_written_without_and_the_pronoun_us_does_not() {
    let mut g = ClaimGraph::new();
    g.add_claim(Claim::new("troops", "U.S. troops left the base in Syria"))
        .unwrap();
    g.add_claim(Claim::new("letter", "A letter to us was never sent"))
        .unwrap();
    let hits = g.similar_claims("US troops in Syria", 10);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].claim, "troops");
    let words = hits[0]
        .parts
        .iter()
        .find(|p| p.kind == MatchKind::Words)
        .unwrap();
    assert_eq!(words.matched, ["us", "troops", "syria"]);
    assert!(g.similar_claims("they told us", 10).is_empty());
}

#[test]
fn a_word_written_together_from_known_words_matches_them() {
    let mut g = ClaimGraph::new();
    g.add_claim(Claim::new(
        "bottles",
        "Officials warned that someone tampered with water bottles",
    ))
    .unwrap();
    g.add_claim(Claim::new("sonic", "An image shows a redesign of Sonic"))
        .unwrap();
    let hits = g.similar_claims("Please share! #tamperedwater #poisonbottles", 10);
    assert_eq!(hits[0].claim, "bottles", "{hits:?}");
    let words = hits[0]
        .parts
        .iter()
        .find(|p| p.kind == MatchKind::Words)
        .unwrap();
    // "poison" is no known word, so "poisonbottles" is not split.
    assert_eq!(words.matched, ["tampered", "water"]);
    let shares: f64 = hits[0].parts.iter().map(|p| p.share).sum();
    assert!((shares - 1.0).abs() < 1e-9);
    // A word that is not known words written together adds none.
    let hits = g.similar_claims("#sonicxyzq", 10);
    assert!(hits.iter().all(|h| h
        .parts
        .iter()
        .all(|p| p.kind != MatchKind::Words || p.matched.is_empty())));
}

/// A graph of `n` claims drawn from a small vocabulary (so a text's words each bring many
/// claims, and the ranking has to skip most of them), some sharing names and links.
fn drawn_graph(n: usize) -> ClaimGraph {
    let subjects = [
        "mayor",
        "army",
        "court",
        "council",
        "ministry",
        "union",
        "regulator",
    ];
    let verbs = [
        "rejected",
        "approved",
        "delayed",
        "funded",
        "cancelled",
        "investigated",
    ];
    let objects = [
        "budget",
        "election audit",
        "water contract",
        "vaccine order",
        "bridge project",
    ];
    let places = [
        "in the north",
        "at the border",
        "after the storm",
        "in March",
        "last spring",
    ];
    let mut seed = 20_261_201u64;
    let mut below = |m: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % m
    };
    let mut g = ClaimGraph::new();
    for i in 0..n {
        let mut text = format!(
            "The {} {} the {} {}",
            subjects[below(subjects.len())],
            verbs[below(verbs.len())],
            objects[below(objects.len())],
            places[below(places.len())]
        );
        // Some claims say more, so claims differ in length and tf.
        for _ in 0..below(3) {
            text.push_str(&format!(" and the {}", objects[below(objects.len())]));
        }
        if below(4) == 0 {
            text.push_str(&format!(" says Governor Smith{}", below(5)));
        }
        if below(5) == 0 {
            text.push_str(&format!(" https://example.org/report/{}", below(20)));
        }
        text.push_str(&format!(" ({})", below(n)));
        g.add_claim(Claim::new(format!("c{i}").as_str(), text))
            .unwrap();
    }
    g
}

#[test]
fn ranking_a_word_at_a_time_finds_what_reading_every_posting_finds() {
    let mut g = drawn_graph(3000);
    let mut index = ClaimIndex::new(&g);
    // Asked between the changes too: the fast ranking keeps the claims' length norms of the
    // index as it is, which each change must drop.
    let agree = |index: &ClaimIndex, text: &str| {
        let o = SimilarOptions::default();
        assert_eq!(
            index.similar_claims(text, &o),
            index.similar_claims_exhaustive(text, &o),
            "{text:?} between changes"
        );
    };
    // Claims added and removed after the build: dead postings and longer claims.
    for i in (0..3000).step_by(97) {
        let id = format!("added{i}");
        g.add_claim(Claim::new(
            id.as_str(),
            "The mayor rejected the budget and the budget again in the north",
        ))
        .unwrap();
        index.refresh_claim(&g, &id);
        if i % 3 == 0 {
            agree(&index, "mayor rejected the budget");
        }
    }
    for i in (0..3000).step_by(89) {
        index.remove_claim(&format!("c{i}"));
        if i % 5 == 0 {
            agree(&index, "the army funded the bridge project");
        }
    }
    let texts = [
        "mayor rejected the budget",
        "the army funded the bridge project at the border",
        "court delayed vaccine order in March says Governor Smith3",
        "union cancelled water contract https://example.org/report/7",
        "regulator investigated the election audit last spring 1234",
        "ministry approved the budget and the water contract after the storm",
        "budget",
        "mayr rejectd the budgt",
        "#bridgeproject delayed",
        "Governor Smith1",
    ];
    let mut answered = 0;
    for (n, text) in texts.iter().enumerate() {
        for k in [1, 5, 10, 50, 150] {
            for min_score in [0.0, 0.4] {
                let o = SimilarOptions {
                    k,
                    min_score,
                    ..SimilarOptions::default()
                };
                let fast = index.similar_claims(text, &o);
                let full = index.similar_claims_exhaustive(text, &o);
                assert_eq!(
                    fast, full,
                    "text {n} {text:?}, k {k}, min score {min_score}"
                );
                answered += usize::from(!fast.is_empty());
            }
        }
    }
    assert!(answered > 50, "too few answers to compare: {answered}");
    // A smaller index ranked next on the same thread (whose table of scores was made for the
    // larger one) answers as reading every posting does, and so does the larger one after it.
    let small_graph = drawn_graph(40);
    let small = ClaimIndex::new(&small_graph);
    for text in texts {
        let o = SimilarOptions::default();
        assert_eq!(
            small.similar_claims(text, &o),
            small.similar_claims_exhaustive(text, &o),
            "{text:?} in the smaller index"
        );
        assert_eq!(
            index.similar_claims(text, &o),
            index.similar_claims_exhaustive(text, &o),
            "{text:?} in the larger index after the smaller"
        );
    }
    // Read back from a file (the claims' lengths with it), it answers alike.
    let path = std::env::temp_dir().join(format!("claimgraph-prune-{}.index", std::process::id()));
    index.save(&path).unwrap();
    let loaded = ClaimIndex::load(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    for text in texts {
        let o = SimilarOptions::default();
        assert_eq!(
            loaded.similar_claims(text, &o),
            index.similar_claims_exhaustive(text, &o)
        );
    }
}

#[test]
fn a_statement_covering_two_claims_lends_its_speaker_and_every_outlet_to_both() {
    let mut g = ClaimGraph::new();
    g.add_source(Source::new(
        "minister",
        SourceKind::Person,
        "Anna Kowalczyk",
    ))
    .unwrap();
    g.add_source(Source::new("critic", SourceKind::Person, "Piotr Zielinski"))
        .unwrap();
    g.add_source(
        Source::new("agency", SourceKind::Organization, "Wire Agency")
            .url("https://wire.example/dam-and-road"),
    )
    .unwrap();
    g.add_source(
        Source::new("paper", SourceKind::Organization, "Daily Paper")
            .url("https://paper.example/minister-interview"),
    )
    .unwrap();
    g.add_claim(Claim::new("dam", "The dam will be finished next year"))
        .unwrap();
    g.add_claim(Claim::new("road", "The ring road will open in spring"))
        .unwrap();
    g.add_claim(Claim::new("bridge", "The bridge will open in spring"))
        .unwrap();
    g.add_attribution(
        Attribution::new("minister", "dam", Stance::Asserts)
            .covers("road")
            .via("agency")
            .via("paper"),
    )
    .unwrap();
    g.add_attribution(Attribution::new("critic", "bridge", Stance::Doubts))
        .unwrap();
    let index = ClaimIndex::new(&g);
    let o = SimilarOptions::default();
    // The speaker's name reaches the covered claim as it does the record's own.
    let hits = index.similar_claims("Anna Kowalczyk says the road will open in spring", &o);
    assert_eq!(hits[0].claim, "road", "{hits:?}");
    let names = hits[0]
        .parts
        .iter()
        .find(|p| p.kind == MatchKind::Names)
        .unwrap();
    assert_eq!(names.matched, ["anna kowalczyk"], "{hits:?}");
    // Both outlets' links reach both claims; the first hop's as well as the last.
    for link in [
        "https://wire.example/dam-and-road",
        "https://paper.example/minister-interview",
    ] {
        let hits = index.similar_claims(link, &o);
        let mut ids: Vec<&str> = hits.iter().map(|h| h.claim.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["dam", "road"], "{link}");
    }
    // One who doubts a claim lends it no name.
    let hits = index.similar_claims("Piotr Zielinski on the bridge in spring", &o);
    assert_eq!(hits[0].claim, "bridge", "{hits:?}");
    assert!(
        hits[0]
            .parts
            .iter()
            .filter(|p| p.kind == MatchKind::Names)
            .all(|p| p.matched.is_empty()),
        "{hits:?}"
    );
}
