//! Two Wikinews articles modelled by hand, sentence by sentence, and the answers a careful
//! reader of each gives.
//!
//! The articles are read from the shared extraction data beside the checkout
//! (`extraction/gum-news/`, their "text" field: Wikinews, CC BY 2.5, via the GUM corpus). Each
//! record below names the words it stands for, and the test checks that the article really
//! says them, so a model that drifts from its text fails.
//!
//! - "North Korea puts military in 'quasi-state of war'", Wikinews, 21 August 2015
//!   (<https://en.wikinews.org/wiki/North_Korea_puts_military_in_%27quasi-state_of_war%27>).
//! - "Texas student Ahmed Mohamed inspires social movement", Wikinews, 22 September 2015
//!   (<https://en.wikinews.org/wiki/Texas_student_Ahmed_Mohamed_inspires_social_movement>).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use claimgraph::{
    Attribution, Claim, ClaimGraph, ClaimRelation, ClaimRelationKind, Modality, ReasonKind, Source,
    SourceKind, SourceRelation, SourceRelationKind, Stance, Status, When,
};

use ClaimRelationKind::{SameAs, Specializes};
use SourceKind::{Document, Government, Organization, Outlet, Person};
use SourceRelationKind::{AffiliatedWith, AuthoredBy};

fn when(s: &str) -> When {
    s.parse().unwrap()
}

/// The article's text, from the shared extraction data.
fn article(doc: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/extraction/gum-news")
        .join(format!("{doc}.json"));
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the shared article {} is missing ({e}); the tests read it from beside the checkout",
            path.display()
        )
    });
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    v["text"].as_str().expect("a text field").to_owned()
}

/// Builds a graph while checking that every quoted cue is in the article.
struct Reading {
    text: String,
    g: ClaimGraph,
}

impl Reading {
    fn new(doc: &str) -> Reading {
        Reading {
            text: article(doc),
            g: ClaimGraph::new(),
        }
    }

    /// Checks the article says `words` (whitespace-insensitive).
    fn says(&self, words: &str) {
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            norm(&self.text).contains(&norm(words)),
            "the article does not say {words:?}"
        );
    }

    fn source(&mut self, s: Source) {
        self.g.add_source(s).unwrap();
    }

    fn claim(&mut self, c: Claim) {
        self.g.add_claim(c).unwrap();
    }

    fn rel(&mut self, from: &str, kind: SourceRelationKind, to: &str) {
        self.g
            .add_source_relation(SourceRelation::new(from, kind, to))
            .unwrap();
    }

    fn relate(&mut self, from: &str, kind: ClaimRelationKind, to: &str) {
        self.g
            .add_claim_relation(ClaimRelation::new(from, kind, to))
            .unwrap();
    }

    /// Records an attribution standing for `words` of the article.
    fn attribute(&mut self, words: &str, a: Attribution) {
        self.says(words);
        self.g.add_attribution(a).unwrap();
    }
}

// ---------------------------------------------------------------------------------------------
// North Korea puts military in 'quasi-state of war' (21 August 2015)

const KOREA_ARTICLE: &str = "wikinews-korea";
const YONHAP: &str = "yonhap";
const KCNA: &str = "kcna";
const NORTH_KOREA: &str = "north-korea";
const SOUTH_KOREA: &str = "south-korea";

const QUASI_WAR: &str = "quasi-state-of-war";
const SOUTH_FIRED: &str = "south-fired-36-shells";
const SOUTH_FIRED_DOZENS: &str = "south-fired-dozens-of-rounds";
const KPA_FIRED: &str = "kpa-fired-at-the-south";
const LOUDSPEAKER_FIRE: &str = "north-fired-at-a-loudspeaker";
const WARTIME_ORDER: &str = "wartime-order";
const BROADCASTS_CONTINUE: &str = "broadcasts-continue";
const DESTROY_LOUDSPEAKERS: &str = "destroy-loudspeakers-within-48-hours";
const ATTACK_LOUDSPEAKERS: &str = "attack-loudspeakers-within-48-hours";

/// What reached the article from KCNA: "According to Yonhap news agency, quoting North Korea's
/// main news agency Korean Central News Agency (KCNA), ..."
fn from_kcna(claim: &str, stance: Stance) -> Attribution {
    Attribution::new(KCNA, claim, stance)
        .via(YONHAP)
        .via(KOREA_ARTICLE)
}

fn korea() -> ClaimGraph {
    let mut r = Reading::new("korea");
    r.source(
        Source::new(
            KOREA_ARTICLE,
            Document,
            "Wikinews: North Korea puts military in 'quasi-state of war'",
        )
        .published(when("2015-08-21")),
    );
    r.source(Source::new(YONHAP, Outlet, "Yonhap news agency"));
    r.source(Source::new(KCNA, Outlet, "Korean Central News Agency"));
    r.source(Source::new(NORTH_KOREA, Government, "North Korea"));
    r.source(Source::new(SOUTH_KOREA, Government, "South Korea"));
    // "North Korea's main news agency": the state speaks through it.
    r.says("North Korea's main news agency Korean Central News Agency (KCNA)");
    r.rel(KCNA, AffiliatedWith, NORTH_KOREA);

    for c in [
        Claim::new(
            QUASI_WAR,
            "North Korea's military has been placed on high alert and told to prepare a quasi-state of war.",
        )
        .subject(NORTH_KOREA),
        Claim::new(SOUTH_FIRED, "The South Korean military fired 36 shells at KPA civil police posts.")
            .subject(SOUTH_KOREA),
        Claim::new(SOUTH_FIRED_DOZENS, "The South fired dozens of rounds of artillery into the North.")
            .subject(SOUTH_KOREA),
        Claim::new(KPA_FIRED, "The KPA fired at the South's side of the front.")
            .subject(NORTH_KOREA),
        Claim::new(
            LOUDSPEAKER_FIRE,
            "North Korea fired artillery rounds aimed at a loudspeaker in South Korea.",
        )
        .subject(NORTH_KOREA),
        Claim::new(
            WARTIME_ORDER,
            "Kim Jong-un ordered the KPA's front-line units to enter a wartime state.",
        )
        .subject(NORTH_KOREA),
        Claim::new(BROADCASTS_CONTINUE, "South Korea's loudspeaker broadcasts will continue.")
            .subject(SOUTH_KOREA),
        Claim::new(
            DESTROY_LOUDSPEAKERS,
            "The KPA will destroy the South's loudspeakers if the broadcasts do not stop within 48 hours.",
        )
        .subject(NORTH_KOREA),
        Claim::new(
            ATTACK_LOUDSPEAKERS,
            "North Korea will attack the loudspeakers and respond militarily within 48 hours if the broadcasts do not stop.",
        )
        .subject(NORTH_KOREA),
    ] {
        r.claim(c);
    }
    // KCNA's account and the article's own sentence tell the same firing.
    r.relate(SOUTH_FIRED_DOZENS, SameAs, SOUTH_FIRED);
    // Firing at a loudspeaker is one instance of the KPA firing at the South.
    r.relate(LOUDSPEAKER_FIRE, Specializes, KPA_FIRED);
    // Two wordings of the North's threat: KCNA's and the article's.
    r.relate(ATTACK_LOUDSPEAKERS, SameAs, DESTROY_LOUDSPEAKERS);

    r.attribute(
        "the country's military has been placed on high alert and has been told to prepare a \"quasi-state of war\"",
        from_kcna(QUASI_WAR, Stance::Asserts).quote("quasi-state of war"),
    );
    r.attribute(
        "firing 36 shells at KPA civil police posts",
        from_kcna(SOUTH_FIRED, Stance::Asserts).quote("firing 36 shells at KPA civil police posts"),
    );
    // The South's account reaches the article only through KCNA, which calls it a pretext.
    r.attribute(
        "under the absurd pretext that the KPA fired one shell at the south side",
        Attribution::new(SOUTH_KOREA, KPA_FIRED, Stance::Asserts)
            .via(KCNA)
            .via(YONHAP)
            .via(KOREA_ARTICLE),
    );
    r.attribute(
        "under the absurd pretext that the KPA fired one shell at the south side",
        from_kcna(KPA_FIRED, Stance::Denies).quote("the absurd pretext"),
    );
    r.attribute(
        "Kim Jong-un issued an order of the supreme commander",
        from_kcna(WARTIME_ORDER, Stance::Asserts),
    );
    r.attribute(
        "to destroy psychological warfare tools if the enemy does not stop the propaganda broadcast within 48 hours",
        from_kcna(DESTROY_LOUDSPEAKERS, Stance::Asserts),
    );
    // The article's own voice.
    r.attribute(
        "Yesterday, North Korea fired artillery rounds aimed at a loudspeaker in South Korea",
        Attribution::new(KOREA_ARTICLE, LOUDSPEAKER_FIRE, Stance::Asserts),
    );
    r.attribute(
        "The South retaliated by firing dozens of rounds of artillery into the north.",
        Attribution::new(KOREA_ARTICLE, SOUTH_FIRED_DOZENS, Stance::Asserts),
    );
    r.attribute(
        "South Korea says the broadcasts will continue",
        Attribution::new(SOUTH_KOREA, BROADCASTS_CONTINUE, Stance::Asserts).via(KOREA_ARTICLE),
    );
    r.attribute(
        "North Korea stated it would attack any loudspeakers broadcasting propaganda and would respond, militarily, within 48 hours",
        Attribution::new(NORTH_KOREA, ATTACK_LOUDSPEAKERS, Stance::Asserts).via(KOREA_ARTICLE),
    );
    r.g
}

fn origin_ids(s: &Status) -> Vec<&str> {
    s.origins.iter().map(|o| o.id.as_str()).collect()
}

#[test]
fn korea_the_quasi_state_of_war_comes_from_kcna_through_yonhap_not_from_the_outlets() {
    let g = korea();
    let s = g.status(QUASI_WAR).unwrap();
    assert_eq!(s.asserters, [KCNA]);
    assert_eq!(origin_ids(&s), [KCNA]);
    assert_eq!(s.independent_origin_count(), 1);
    // KCNA is the state's agency: the origin answers to North Korea.
    assert_eq!(s.independent_origins[0].top, NORTH_KOREA);
    assert!(!s.disputed);
    // The statement reached the record through Yonhap, then the article.
    let a = g
        .get_attribution(&format!("{KCNA}:asserts:{QUASI_WAR}"))
        .unwrap();
    let hops: Vec<&str> = a.via.iter().map(|h| h.source.as_str()).collect();
    assert_eq!(hops, [YONHAP, KOREA_ARTICLE]);
}

#[test]
fn korea_the_souths_account_of_who_fired_is_disputed_by_the_norths_own_agency() {
    let g = korea();
    let s = g.status(KPA_FIRED).unwrap();
    assert!(s.disputed);
    assert_eq!(s.asserters, [SOUTH_KOREA]);
    assert_eq!(s.deniers, [KCNA]);
    // The claim accuses North Korea, and KCNA answers to it: an interested denial.
    assert_eq!(s.interested_deniers, [KCNA]);
    // The article's own report of the North firing at a loudspeaker supports it.
    assert!(s
        .inferred
        .iter()
        .any(|i| i.source == KOREA_ARTICLE && i.claim == LOUDSPEAKER_FIRE));
    let a = g.assess(KPA_FIRED).unwrap();
    let origins = a
        .reasons
        .iter()
        .filter(|r| r.kind == ReasonKind::IndependentOrigin)
        .count();
    assert_eq!(origins, 2, "the South, and the article's own report: {a:?}");
    assert!(a
        .notes
        .iter()
        .any(|n| n.kind == ReasonKind::InterestedDenial));
    assert!(
        a.score > 0.5,
        "an interested denial does not outweigh two origins"
    );
}

#[test]
fn korea_kcnas_denial_reaches_the_articles_own_report_of_the_firing() {
    let s = korea().status(LOUDSPEAKER_FIRE).unwrap();
    assert_eq!(s.asserters, [KOREA_ARTICLE]);
    // KCNA denied the general claim; the specific one is contested with it.
    assert!(s.deniers.is_empty());
    assert!(s.disputed);
    assert!(s
        .inferred
        .iter()
        .any(|i| i.source == KCNA && i.stance == Stance::Denies && i.claim == KPA_FIRED));
}

#[test]
fn korea_the_souths_shelling_is_told_by_kcna_and_by_the_article_two_independent_origins() {
    let g = korea();
    for claim in [SOUTH_FIRED, SOUTH_FIRED_DOZENS] {
        let s = g.status(claim).unwrap();
        assert_eq!(s.asserters, [KCNA, KOREA_ARTICLE], "{claim}");
        assert_eq!(s.independent_origin_count(), 2, "{claim}");
        assert!(!s.disputed, "{claim}");
    }
}

#[test]
fn korea_the_norths_threat_said_twice_is_one_voice() {
    let s = korea().status(ATTACK_LOUDSPEAKERS).unwrap();
    assert_eq!(s.asserters, [KCNA, NORTH_KOREA]);
    assert_eq!(origin_ids(&s), [KCNA, NORTH_KOREA]);
    // The state and its news agency are one independent origin.
    assert_eq!(s.independent_origin_count(), 1);
    assert_eq!(s.independent_origins[0].top, NORTH_KOREA);
}

#[test]
fn korea_on_the_articles_date_the_record_reads_as_the_article_and_the_day_before_is_empty() {
    let g = korea();
    let on = g.as_of(&when("2015-08-21"));
    assert!(on.unplaced.is_empty(), "{:?}", on.unplaced_reasons);
    assert_eq!(on.graph.counts().claims, g.counts().claims);
    assert!(on.graph.status(KPA_FIRED).unwrap().disputed);
    assert_eq!(
        on.graph.status(KPA_FIRED).unwrap().interested_deniers,
        [KCNA]
    );
    // Everything reached the record through the article of the 21st.
    let before = g.as_of(&when("2015-08-20"));
    assert_eq!(before.graph.counts().claims, 0);
    assert_eq!(before.graph.counts().attributions, 0);
}

// ---------------------------------------------------------------------------------------------
// Texas student Ahmed Mohamed inspires social movement (22 September 2015)

const CLOCK_ARTICLE: &str = "wikinews-clock";
const DESERET: &str = "deseret-news";
const STRAITS: &str = "straits-times";
const JAFARI: &str = "amneh-jafari";
const ISD: &str = "irving-isd";
const POLICE: &str = "irving-police";
const OBAMA: &str = "barack-obama";
const OBAMA_TWEET: &str = "obama-tweet";
const FATHER: &str = "mohamed-el-hassan-mohamed";
const SALEM: &str = "alia-salem";
const CAIR: &str = "cair-dallas";

const ARRESTED: &str = "arrested";
const MISTAKEN: &str = "mistaken-for-a-bomb";
const ISLAMOPHOBIA: &str = "islamophobia";
const RELIGION_A_FACTOR: &str = "religion-a-factor";
const MOVEMENT: &str = "global-movement";
const INVITE: &str = "white-house-invite";
const DIGNITARIES: &str = "dignitaries";
const SOCIAL_CAUSES: &str = "social-causes";

fn clock() -> ClaimGraph {
    let mut r = Reading::new("clock");
    r.source(
        Source::new(
            CLOCK_ARTICLE,
            Document,
            "Wikinews: Texas student Ahmed Mohamed inspires social movement",
        )
        .published(when("2015-09-22")),
    );
    for s in [
        Source::new(DESERET, Outlet, "The Deseret News"),
        Source::new(STRAITS, Outlet, "The Straits Times"),
        Source::new(JAFARI, Person, "Amneh Jafari"),
        Source::new(ISD, Organization, "Irving Independent School District"),
        Source::new(POLICE, Government, "Irving Police Department"),
        Source::new(OBAMA, Person, "Barack Obama"),
        Source::new(OBAMA_TWEET, Document, "Obama's tweet from @POTUS"),
        Source::new(FATHER, Person, "Mohamed El-Hassan Mohamed"),
        Source::new(SALEM, Person, "Alia Salem"),
        Source::new(
            CAIR,
            Organization,
            "Council on American-Islamic Relations, Dallas chapter",
        ),
    ] {
        r.source(s);
    }
    r.says("US President Barack Obama tweeted using his @POTUS account");
    r.rel(OBAMA_TWEET, AuthoredBy, OBAMA);
    r.says("Executive director of the Dallas chapter of the Council on American - Islamic Relations Alia Salem");
    r.rel(SALEM, AffiliatedWith, CAIR);

    for c in [
        Claim::new(
            ARRESTED,
            "Ahmed Mohamed was arrested at his school after he brought a digital clock he had made.",
        )
        .subject(POLICE),
        Claim::new(MISTAKEN, "A teacher mistakenly thought the clock resembled a bomb.")
            .subject(ISD),
        Claim::new(ISLAMOPHOBIA, "Mohamed had been subject to Islamophobia.")
            .subject(ISD)
            .subject(POLICE),
        Claim::new(
            RELIGION_A_FACTOR,
            "The boy's religion and name were a factor in how the school district and the police approached the situation.",
        )
        .subject(ISD)
        .subject(POLICE),
        Claim::new(
            MOVEMENT,
            "The police response inspired a global social movement in support of Mohamed.",
        ),
        Claim::new(
            INVITE,
            "President Obama invited Mohamed to bring his clock to the White House.",
        ),
        Claim::new(
            DIGNITARIES,
            "International dignitaries wanted to meet Mohamed at the United Nations.",
        ),
        Claim::new(
            SOCIAL_CAUSES,
            "Mohamed wishes to use his fame to spotlight social causes, including the treatment of Muslims in the United States.",
        ),
    ] {
        r.claim(c);
    }
    // The denial answers the charge of Islamophobia: the same claim in other words.
    r.relate(RELIGION_A_FACTOR, SameAs, ISLAMOPHOBIA);

    r.attribute(
        "Ahmed Mohamed, a 14-year-old boy from Irving, Texas, was arrested at his school by police after he brought a digital clock he had made to school",
        Attribution::new(CLOCK_ARTICLE, ARRESTED, Stance::Asserts),
    );
    r.attribute(
        "a teacher mistakenly thought it resembled a bomb",
        Attribution::new(CLOCK_ARTICLE, MISTAKEN, Stance::Asserts),
    );
    r.attribute(
        "Jafari said she felt Mohamed had been subject to Islamophobia",
        Attribution::new(JAFARI, ISLAMOPHOBIA, Stance::Asserts)
            .modality(Modality::Alleged)
            .via(CLOCK_ARTICLE),
    );
    for denier in [ISD, POLICE] {
        r.attribute(
            "Both the Irving Independent School District and the Irving Police Department have asserted that the boy's religion and name were not a factor",
            Attribution::new(denier, RELIGION_A_FACTOR, Stance::Denies).via(CLOCK_ARTICLE),
        );
    }
    // The headline and lede relay what two papers observed: the article rests on them.
    r.attribute(
        "has inspired a global social movement in support of the youth",
        Attribution::new(CLOCK_ARTICLE, MOVEMENT, Stance::Asserts)
            .basis(DESERET)
            .basis(STRAITS),
    );
    r.attribute(
        "The Deseret News observed that the hashtag on Twitter, #IStandWithAhmed, had become an international phenomenon",
        Attribution::new(DESERET, MOVEMENT, Stance::Asserts).via(CLOCK_ARTICLE),
    );
    r.attribute(
        "The Straits Times noted what began as individual messages to Mohamed had grown into a \"support movement\"",
        Attribution::new(STRAITS, MOVEMENT, Stance::Asserts).via(CLOCK_ARTICLE),
    );
    r.attribute(
        "Cool clock, Ahmed. Want to bring it to the White House?",
        Attribution::new(OBAMA_TWEET, INVITE, Stance::Asserts)
            .quote("Want to bring it to the White House?")
            .via(CLOCK_ARTICLE),
    );
    r.attribute(
        "international dignitaries wanted to meet with his son and express their support",
        Attribution::new(FATHER, DIGNITARIES, Stance::Asserts).via(CLOCK_ARTICLE),
    );
    r.attribute(
        "Alia Salem said Mohamed wishes to use his newfound fame and attention to spotlight social causes",
        Attribution::new(SALEM, SOCIAL_CAUSES, Stance::Asserts).via(CLOCK_ARTICLE),
    );
    r.g
}

#[test]
fn clock_the_charge_of_islamophobia_is_denied_only_by_the_accused() {
    let g = clock();
    for claim in [ISLAMOPHOBIA, RELIGION_A_FACTOR] {
        let s = g.status(claim).unwrap();
        assert!(s.disputed, "{claim}");
        assert_eq!(s.asserters, [JAFARI], "{claim}");
        assert_eq!(s.deniers, [ISD, POLICE], "{claim}");
        // The school district and the police are the parties the charge is about.
        assert_eq!(s.interested_deniers, [ISD, POLICE], "{claim}");
    }
    let a = g.assess(ISLAMOPHOBIA).unwrap();
    let denials: Vec<f64> = a
        .reasons
        .iter()
        .filter(|r| r.kind == ReasonKind::Denial)
        .map(|r| r.weight)
        .collect();
    // Two bodies, each denying in its own cause: a quarter each.
    assert_eq!(denials, [-0.25, -0.25]);
    let origin = a
        .reasons
        .iter()
        .find(|r| r.kind == ReasonKind::IndependentOrigin)
        .unwrap();
    // "said she felt": held, not stated as fact.
    assert!(origin.detail.contains("alleged x0.7"), "{}", origin.detail);
    assert!(
        (a.score - 0.5).abs() < 0.1,
        "weak on both sides: {}",
        a.score
    );
}

#[test]
fn clock_the_movement_rests_on_two_papers_and_the_article_relaying_them_is_no_third_origin() {
    let s = clock().status(MOVEMENT).unwrap();
    assert_eq!(s.asserters, [DESERET, STRAITS, CLOCK_ARTICLE]);
    assert_eq!(origin_ids(&s), [DESERET, STRAITS]);
    assert_eq!(s.independent_origin_count(), 2);
    assert!(!s.disputed);
}

#[test]
fn clock_the_white_house_invitation_originates_with_obama_not_his_tweet() {
    let s = clock().status(INVITE).unwrap();
    assert_eq!(s.asserters, [OBAMA_TWEET]);
    assert_eq!(origin_ids(&s), [OBAMA]);
}

#[test]
fn clock_the_article_and_the_people_it_quotes_are_each_their_own_origin() {
    let g = clock();
    for (claim, origin) in [
        (ARRESTED, CLOCK_ARTICLE),
        (MISTAKEN, CLOCK_ARTICLE),
        (DIGNITARIES, FATHER),
        (SOCIAL_CAUSES, SALEM),
    ] {
        let s = g.status(claim).unwrap();
        assert_eq!(origin_ids(&s), [origin], "{claim}");
        assert!(!s.disputed, "{claim}");
    }
    // Salem speaks for CAIR's Dallas chapter.
    assert_eq!(
        g.status(SOCIAL_CAUSES).unwrap().independent_origins[0].top,
        CAIR
    );
    assert_eq!(g.findings().disputed, [ISLAMOPHOBIA, RELIGION_A_FACTOR]);
}

#[test]
fn clock_on_the_articles_date_the_dispute_stands_and_the_day_before_nothing_was_on_record() {
    let g = clock();
    let on = g.as_of(&when("2015-09-22"));
    assert!(on.unplaced.is_empty(), "{:?}", on.unplaced_reasons);
    let s = on.graph.status(ISLAMOPHOBIA).unwrap();
    assert!(s.disputed);
    assert_eq!(s.interested_deniers, [ISD, POLICE]);
    assert_eq!(
        on.graph
            .status(MOVEMENT)
            .unwrap()
            .independent_origin_count(),
        2
    );
    let before = g.as_of(&when("2015-09-21"));
    assert_eq!(before.graph.counts().attributions, 0);
    assert_eq!(before.graph.counts().claims, 0);
}

#[test]
fn the_flags_a_status_table_shows_at_a_glance() {
    let g = korea();
    assert_eq!(
        g.status(KPA_FIRED).unwrap().flags(),
        ["disputed", "interested denial", "related claims"]
    );
    assert!(g.status(QUASI_WAR).unwrap().flags().is_empty());
    assert_eq!(
        clock().status(ISLAMOPHOBIA).unwrap().flags(),
        ["disputed", "interested denial", "related claims"]
    );
}
