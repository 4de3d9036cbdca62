//! The reference article as a claim graph: "Analysis: Putin's visit to DPRK raises Western
//! concerns", Yangcheng Evening News, 18 June 2024 (the text is in the design folder,
//! `reference/putin-dprk-visit-2024-06-18.txt`).
//!
//! Built by hand with the public API, so it is both a test fixture and a worked example of
//! modelling reported speech:
//!
//! - "According to X, ..." is an attribution from X, reported `via` the article. The article
//!   asserts only what it says in its own voice.
//! - Putin's op-ed is a document: its claims are attributed to the op-ed, which is authored by
//!   Putin and published in Rodong Sinmun, so their origin is Putin, not the newspaper.
//! - Every attribution is reported via the article. Only the op-ed's has a date of its own
//!   (18 June); the others are placed in time by the article's publication.
//!
//! The ids are part of the fixture's contract: the Python and Kotlin twins of the example use
//! exactly these, and their outputs are compared claim by claim.

use claimgraph::{
    Attribution, Claim, ClaimGraph, ClaimRelation, ClaimRelationKind, Modality, Period, Quantity,
    Result, Source, SourceKind, SourceRelation, SourceRelationKind, Stance, When,
};

// ----- sources -----------------------------------------------------------------------------

/// The article itself (a document).
pub const ARTICLE: &str = "article";
/// Its author, 钱克锦 (Qian Kejin).
pub const QIAN_KEJIN: &str = "qian-kejin";
/// The newspaper that published the article.
pub const YANGCHENG_EVENING_NEWS: &str = "yangcheng-evening-news";
/// The platform that shows it.
pub const LINGNAN_ON_THE_CLOUD: &str = "lingnan-on-the-cloud";
/// "Media from the Republic of Korea".
pub const ROK_MEDIA: &str = "rok-media";
/// "ROK sources", never named.
pub const ROK_SOURCES: &str = "rok-sources";
/// The Republic of Korea.
pub const ROK: &str = "rok";
/// The ROK's Ministry of Unification.
pub const UNIFICATION_MINISTRY: &str = "rok-unification-ministry";
/// The Ministry of Unification's statistics on DPRK-Russia exchanges.
pub const UNIFICATION_STATISTICS: &str = "rok-unification-statistics";
/// "The West".
pub const WEST: &str = "west";
/// "Some Western commentators".
pub const WESTERN_COMMENTATORS: &str = "western-commentators";
/// The Russian Federation.
pub const RUSSIA: &str = "russia";
/// The Democratic People's Republic of Korea.
pub const DPRK: &str = "dprk";
/// Ukraine, a party to the conflict the article discusses.
pub const UKRAINE: &str = "ukraine";
/// Vladimir Putin.
pub const PUTIN: &str = "putin";
/// Putin's op-ed in Rodong Sinmun of 18 June 2024.
pub const PUTIN_OP_ED: &str = "putin-op-ed";
/// The newspaper Rodong Sinmun.
pub const RODONG_SINMUN: &str = "rodong-sinmun";

// ----- claims, in the order the article makes them -----------------------------------------

/// Putin makes a state visit to the DPRK on 18-19 June.
pub const STATE_VISIT: &str = "state-visit";
/// The DPRK plans a grand welcome ceremony (ROK media).
pub const WELCOME_CEREMONY: &str = "welcome-ceremony";
/// A comprehensive strategic partnership agreement is to be signed (ROK media, expected).
pub const PARTNERSHIP_AGREEMENT: &str = "partnership-agreement";
/// The West is "deeply concerned".
pub const WEST_DEEPLY_CONCERNED: &str = "west-deeply-concerned";
/// The stalemate makes both sides need artillery and ammunition.
pub const MUNITIONS_DEMAND: &str = "munitions-demand";
/// The West aids Ukraine and seeks to cut off Russia's external support.
pub const WEST_AIDS_UKRAINE: &str = "west-aids-ukraine";
/// The DPRK supplies artillery and ammunition to Russia (the West, alleged).
pub const AMMUNITION_SUPPLY: &str = "ammunition-supply";
/// 6,700 containers of weapons and ammunition, August 2023 to February 2024 (ROK sources).
pub const CONTAINERS: &str = "containers";
/// Russia might reciprocate with missile, submarine and space technology (the West).
pub const TECH_RECIPROCATION: &str = "tech-reciprocation";
/// That could advance the DPRK's missile, submarine and nuclear capabilities (the West).
pub const DPRK_CAPABILITIES: &str = "dprk-capabilities";
/// The DPRK is one of Russia's "most steadfast supporters".
pub const STEADFAST_SUPPORTER: &str = "steadfast-supporter";
/// The DPRK firmly supports the "special military operation" (Putin's op-ed).
pub const SUPPORT_FOR_OPERATION: &str = "support-for-operation";
/// Interactions between the two countries have become more frequent and in-depth.
pub const DEEPER_INTERACTION: &str = "deeper-interaction";
/// 18 high-level exchanges this year (the Ministry of Unification's statistics).
pub const HIGH_LEVEL_EXCHANGES: &str = "high-level-exchanges";
/// The cooperation could reshape the international landscape of the region.
pub const REGIONAL_RESHAPING: &str = "regional-reshaping";
/// A trade and settlement system independent of Western control (Putin, ahead of the visit).
pub const SETTLEMENT_SYSTEM: &str = "settlement-system";
/// Western sanctions are imposed on both countries.
pub const WESTERN_SANCTIONS: &str = "western-sanctions";
/// The visit brings the DPRK government a dual advantage (some Western commentators).
pub const DUAL_ADVANTAGE: &str = "dual-advantage";
/// The West has long sanctioned and isolated the DPRK government.
pub const WEST_ISOLATES_DPRK: &str = "west-isolates-dprk";
/// Any positive development for the DPRK causes significant concern in the West.
pub const POSITIVE_DEVELOPMENTS_WORRY_WEST: &str = "positive-developments-worry-west";

/// Every claim id, in the order the claims are added (the article's order).
pub const CLAIMS: [&str; 20] = [
    STATE_VISIT,
    WELCOME_CEREMONY,
    PARTNERSHIP_AGREEMENT,
    WEST_DEEPLY_CONCERNED,
    MUNITIONS_DEMAND,
    WEST_AIDS_UKRAINE,
    AMMUNITION_SUPPLY,
    CONTAINERS,
    TECH_RECIPROCATION,
    DPRK_CAPABILITIES,
    STEADFAST_SUPPORTER,
    SUPPORT_FOR_OPERATION,
    DEEPER_INTERACTION,
    HIGH_LEVEL_EXCHANGES,
    REGIONAL_RESHAPING,
    SETTLEMENT_SYSTEM,
    WESTERN_SANCTIONS,
    DUAL_ADVANTAGE,
    WEST_ISOLATES_DPRK,
    POSITIVE_DEVELOPMENTS_WORRY_WEST,
];

/// The claims the article makes in its own voice.
pub const ARTICLE_OWN_CLAIMS: [&str; 10] = [
    STATE_VISIT,
    WEST_DEEPLY_CONCERNED,
    MUNITIONS_DEMAND,
    WEST_AIDS_UKRAINE,
    STEADFAST_SUPPORTER,
    DEEPER_INTERACTION,
    REGIONAL_RESHAPING,
    WESTERN_SANCTIONS,
    WEST_ISOLATES_DPRK,
    POSITIVE_DEVELOPMENTS_WORRY_WEST,
];

/// The id of the second time the article reports the West's suspicion of ammunition supply
/// ("Nonetheless, the West remains suspicious ..."); the first uses the default id.
pub const WEST_REMAINS_SUSPICIOUS: &str = "west:remains-suspicious:ammunition-supply";

/// The article's publication time, as its byline gives it.
pub const ARTICLE_PUBLISHED: &str = "2024-06-18T23:30:00+08:00";

/// The graph of the reference article.
///
/// ```
/// use claimgraph_examples::reference::{putin_dprk_visit, CLAIMS};
/// let g = putin_dprk_visit()?;
/// assert_eq!(g.counts().claims, CLAIMS.len());
/// # Ok::<(), claimgraph::Error>(())
/// ```
pub fn putin_dprk_visit() -> Result<ClaimGraph> {
    let mut g = ClaimGraph::new();
    add_sources(&mut g)?;
    add_source_relations(&mut g)?;
    add_claims(&mut g)?;
    add_claim_relations(&mut g)?;
    add_attributions(&mut g)?;
    Ok(g)
}

fn add_sources(g: &mut ClaimGraph) -> Result<()> {
    use SourceKind::*;
    let sources = [
        // The headline is the title; the name says what the document is.
        Source::new(
            ARTICLE,
            Document,
            "Yangcheng Evening News analysis of 18 June 2024",
        )
        .title("Analysis: Putin's visit to DPRK raises Western concerns")
        .published(When::parse(ARTICLE_PUBLISHED)?),
        Source::new(QIAN_KEJIN, Person, "钱克锦").alias("Qian Kejin"),
        Source::new(YANGCHENG_EVENING_NEWS, Outlet, "Yangcheng Evening News").alias("羊城晚报"),
        Source::new(LINGNAN_ON_THE_CLOUD, Outlet, "Lingnan on the Cloud").alias("云上岭南"),
        Source::new(ROK_MEDIA, Collective, "media from the ROK")
            .alias("ROK media")
            .alias("South Korean media"),
        Source::new(ROK_SOURCES, UnnamedGroup, "ROK sources"),
        Source::new(ROK, Government, "Republic of Korea")
            .alias("ROK")
            .alias("South Korea"),
        Source::new(
            UNIFICATION_MINISTRY,
            Government,
            "Ministry of Unification of the Republic of Korea",
        )
        .alias("ROK Ministry of Unification")
        .alias("Ministry of Unification"),
        Source::new(
            UNIFICATION_STATISTICS,
            Document,
            "Statistics of the ROK Ministry of Unification on DPRK-Russia exchanges",
        ),
        Source::new(WEST, Collective, "the West").alias("West"),
        Source::new(
            WESTERN_COMMENTATORS,
            UnnamedGroup,
            "some Western commentators",
        ),
        Source::new(RUSSIA, Government, "Russia").alias("Russian Federation"),
        Source::new(DPRK, Government, "Democratic People's Republic of Korea")
            .alias("DPRK")
            .alias("North Korea"),
        Source::new(UKRAINE, Government, "Ukraine"),
        Source::new(PUTIN, Person, "Vladimir Putin").alias("Putin"),
        Source::new(PUTIN_OP_ED, Document, "Putin's op-ed in Rodong Sinmun")
            .published(When::parse("2024-06-18")?),
        Source::new(RODONG_SINMUN, Outlet, "Rodong Sinmun"),
    ];
    for s in sources {
        g.add_source(s)?;
    }
    Ok(())
}

fn add_source_relations(g: &mut ClaimGraph) -> Result<()> {
    use SourceRelationKind::*;
    // No "article cites X" edges: origins are traced upward from whoever asserts, so such edges
    // would make the article's own claims appear to come from every source it quotes.
    //
    // Neither "ROK media" nor "ROK sources" is affiliated with the ROK: the article does not say
    // they speak for the government, and affiliation would merge them with the Ministry of
    // Unification into one independent origin.
    //
    // "Some Western commentators" are affiliated with "the West": the article presents them as
    // voices of the same Western concern, and counting them apart from it would let one
    // undifferentiated camp pass for two independent origins.
    let relations = [
        SourceRelation::new(ARTICLE, AuthoredBy, QIAN_KEJIN),
        SourceRelation::new(ARTICLE, PublishedIn, YANGCHENG_EVENING_NEWS),
        SourceRelation::new(ARTICLE, PublishedIn, LINGNAN_ON_THE_CLOUD),
        // "International commentator of Yangcheng Evening News".
        SourceRelation::new(QIAN_KEJIN, AffiliatedWith, YANGCHENG_EVENING_NEWS),
        SourceRelation::new(UNIFICATION_MINISTRY, AffiliatedWith, ROK),
        SourceRelation::new(UNIFICATION_STATISTICS, AuthoredBy, UNIFICATION_MINISTRY),
        SourceRelation::new(WESTERN_COMMENTATORS, AffiliatedWith, WEST),
        SourceRelation::new(PUTIN, AffiliatedWith, RUSSIA),
        SourceRelation::new(PUTIN_OP_ED, AuthoredBy, PUTIN),
        SourceRelation::new(PUTIN_OP_ED, PublishedIn, RODONG_SINMUN),
        SourceRelation::new(RODONG_SINMUN, AffiliatedWith, DPRK),
    ];
    for r in relations {
        g.add_source_relation(r)?;
    }
    Ok(())
}

fn add_claims(g: &mut ClaimGraph) -> Result<()> {
    let visit_days = Period::new(
        Some(When::parse("2024-06-18")?),
        Some(When::parse("2024-06-19")?),
    );
    let claims = [
        Claim::new(
            STATE_VISIT,
            "Russian President Vladimir Putin makes a state visit to the DPRK from 18 to 19 June 2024.",
        )
        .subject(PUTIN)
        .subject(RUSSIA)
        .subject(DPRK)
        .period(visit_days)
        .tag("diplomacy"),
        Claim::new(
            WELCOME_CEREMONY,
            "The DPRK is planning a grand ceremony to welcome Putin.",
        )
        .subject(DPRK)
        .subject(PUTIN)
        .tag("diplomacy"),
        Claim::new(
            PARTNERSHIP_AGREEMENT,
            "Russia and the DPRK sign a comprehensive strategic partnership agreement during the visit.",
        )
        .subject(RUSSIA)
        .subject(DPRK)
        .period(visit_days)
        .tag("diplomacy"),
        Claim::new(
            WEST_DEEPLY_CONCERNED,
            "The West is deeply concerned about the development of Russia-DPRK relations.",
        )
        .subject(WEST)
        .tag("western-reaction"),
        Claim::new(
            MUNITIONS_DEMAND,
            "The stalemate in the Russia-Ukraine conflict has led both sides to require large quantities of artillery and ammunition.",
        )
        .subject(RUSSIA)
        .subject(UKRAINE)
        .tag("military")
        .tag("ukraine-war"),
        Claim::new(
            WEST_AIDS_UKRAINE,
            "The West is making every effort to aid Ukraine and seeks to cut off Russia's external support.",
        )
        .subject(WEST)
        .subject(UKRAINE)
        .subject(RUSSIA)
        .tag("ukraine-war")
        .tag("western-reaction"),
        Claim::new(
            AMMUNITION_SUPPLY,
            "The DPRK supplies significant amounts of artillery and ammunition to Russia.",
        )
        .subject(DPRK)
        .subject(RUSSIA)
        .tag("military")
        .tag("arms-transfer"),
        Claim::new(
            CONTAINERS,
            "From August 2023 to February 2024 the DPRK delivered 6,700 containers of weapons and ammunition to Russia.",
        )
        .subject(DPRK)
        .subject(RUSSIA)
        .period(Period::new(
            Some(When::parse("2023-08")?),
            Some(When::parse("2024-02")?),
        ))
        .quantity(Quantity::new(6700.0, "containers"))
        .tag("military")
        .tag("arms-transfer"),
        Claim::new(
            TECH_RECIPROCATION,
            "In return for ammunition, Russia might provide the DPRK with missile, submarine and even space technology.",
        )
        .subject(RUSSIA)
        .subject(DPRK)
        .tag("military")
        .tag("technology-transfer"),
        Claim::new(
            DPRK_CAPABILITIES,
            "Russian technology could advance the DPRK's missile, submarine and nuclear capabilities.",
        )
        .subject(DPRK)
        .subject(RUSSIA)
        .tag("military")
        .tag("nuclear"),
        Claim::new(
            STEADFAST_SUPPORTER,
            "Since the full-scale outbreak of the Russia-Ukraine conflict, the DPRK has been one of Russia's most steadfast supporters.",
        )
        .subject(DPRK)
        .subject(RUSSIA)
        .tag("diplomacy")
        .tag("ukraine-war"),
        Claim::new(
            SUPPORT_FOR_OPERATION,
            "The DPRK firmly supports Russia's special military operation in Ukraine and aligns with Russia on international platforms such as the United Nations.",
        )
        .subject(DPRK)
        .subject(RUSSIA)
        .tag("diplomacy")
        .tag("ukraine-war"),
        Claim::new(
            DEEPER_INTERACTION,
            "Interactions between Russia and the DPRK have become more frequent and in-depth.",
        )
        .subject(RUSSIA)
        .subject(DPRK)
        .tag("diplomacy"),
        Claim::new(
            HIGH_LEVEL_EXCHANGES,
            "There have been 18 high-level exchanges (meetings, international conferences, talks) between the DPRK and Russia in 2024.",
        )
        .subject(DPRK)
        .subject(RUSSIA)
        .period(Period::new(
            Some(When::parse("2024")?),
            Some(When::parse("2024")?),
        ))
        .quantity(Quantity::new(18.0, "high-level exchanges"))
        .tag("diplomacy"),
        Claim::new(
            REGIONAL_RESHAPING,
            "Cooperation between Russia and the DPRK could significantly reshape international relations in Northeast Asia and even the Asia-Pacific region.",
        )
        .subject(RUSSIA)
        .subject(DPRK)
        .tag("regional-order"),
        Claim::new(
            SETTLEMENT_SYSTEM,
            "Russia and the DPRK will develop a trade and settlement system independent of Western control, jointly opposing unilateral and illegal restrictive measures.",
        )
        .subject(RUSSIA)
        .subject(DPRK)
        .tag("economy")
        .tag("sanctions"),
        Claim::new(
            WESTERN_SANCTIONS,
            "Western sanctions are imposed on both Russia and the DPRK.",
        )
        .subject(WEST)
        .subject(RUSSIA)
        .subject(DPRK)
        .tag("sanctions"),
        Claim::new(
            DUAL_ADVANTAGE,
            "Putin's state visit brings the DPRK government a dual advantage: a higher international standing and greater domestic prestige.",
        )
        .subject(DPRK)
        .tag("diplomacy")
        .tag("domestic-politics"),
        Claim::new(
            WEST_ISOLATES_DPRK,
            "The West has long pursued a strategy of sanctioning and isolating the DPRK government.",
        )
        .subject(WEST)
        .subject(DPRK)
        .tag("sanctions")
        .tag("western-reaction"),
        Claim::new(
            POSITIVE_DEVELOPMENTS_WORRY_WEST,
            "Any positive development for the DPRK causes significant concern in the West.",
        )
        .subject(WEST)
        .subject(DPRK)
        .tag("western-reaction"),
    ];
    for c in claims {
        g.add_claim(c)?;
    }
    Ok(())
}

fn add_claim_relations(g: &mut ClaimGraph) -> Result<()> {
    use ClaimRelationKind::*;
    let relations = [
        // The containers are one reported instance of the alleged supply.
        ClaimRelation::new(CONTAINERS, Specializes, AMMUNITION_SUPPLY),
        // "If DPRK supplies ammunition to Russia, Russia might reciprocate ..."
        ClaimRelation::new(TECH_RECIPROCATION, DependsOn, AMMUNITION_SUPPLY),
        // "... potentially leading to advancements in DPRK's missile, submarine, and nuclear
        // capabilities."
        ClaimRelation::new(DPRK_CAPABILITIES, DependsOn, TECH_RECIPROCATION),
        // The welcome and the signing are both said to happen during the visit.
        ClaimRelation::new(WELCOME_CEREMONY, DependsOn, STATE_VISIT),
        ClaimRelation::new(PARTNERSHIP_AGREEMENT, DependsOn, STATE_VISIT),
        ClaimRelation::new(DUAL_ADVANTAGE, DependsOn, STATE_VISIT),
        // Putin's thanks for the DPRK's support follows the "most steadfast supporters" line.
        ClaimRelation::new(SUPPORT_FOR_OPERATION, Supports, STEADFAST_SUPPORTER),
        // The statistics are given as evidence of more frequent interaction.
        ClaimRelation::new(HIGH_LEVEL_EXCHANGES, Supports, DEEPER_INTERACTION),
        // "For instance, ... These indications suggest that the cooperation ... could
        // significantly impact the international landscape of Northeast Asia."
        ClaimRelation::new(SETTLEMENT_SYSTEM, Supports, REGIONAL_RESHAPING),
        ClaimRelation::new(WESTERN_SANCTIONS, Supports, WEST_ISOLATES_DPRK),
        // "Therefore, any positive developments for DPRK naturally cause significant concern."
        ClaimRelation::new(
            WEST_ISOLATES_DPRK,
            Supports,
            POSITIVE_DEVELOPMENTS_WORRY_WEST,
        ),
    ];
    for r in relations {
        g.add_claim_relation(r)?;
    }
    Ok(())
}

/// An attribution reported in the article.
fn reported(source: &str, claim: &str, stance: Stance) -> Attribution {
    Attribution::new(source, claim, stance).via(ARTICLE)
}

fn add_attributions(g: &mut ClaimGraph) -> Result<()> {
    use Modality::*;
    use Stance::*;
    let attributions = [
        // "Putin is scheduled to make a state visit": a schedule, stated as fact.
        reported(ARTICLE, STATE_VISIT, Asserts),
        // "According to media from the Republic of Korea (ROK), DPRK is planning a grand
        // ceremony ... the two countries are expected to sign ..."
        reported(ROK_MEDIA, WELCOME_CEREMONY, Asserts),
        reported(ROK_MEDIA, PARTNERSHIP_AGREEMENT, Asserts).modality(Expected),
        reported(ARTICLE, WEST_DEEPLY_CONCERNED, Asserts).quote("deeply concerned"),
        reported(ARTICLE, MUNITIONS_DEMAND, Asserts),
        reported(ARTICLE, WEST_AIDS_UKRAINE, Asserts),
        // "There are beliefs in the West that the DPRK is supplying ..."
        reported(WEST, AMMUNITION_SUPPLY, Asserts).modality(Alleged),
        // "Nonetheless, the West remains suspicious of DPRK ammunition being provided to Russia."
        reported(WEST, AMMUNITION_SUPPLY, Asserts)
            .modality(Alleged)
            .with_id(WEST_REMAINS_SUSPICIOUS),
        // "ROK sources have claimed that ..."
        reported(ROK_SOURCES, CONTAINERS, Asserts),
        // "Both Russia and DPRK have denied these claims, calling them 'mad rumors.'" "These
        // claims" are the two just made: the West's belief that the DPRK supplies ammunition,
        // and the ROK sources' 6,700 containers. One statement per denier covers both (and
        // "Nonetheless, the West remains suspicious" answers the denial of the supply).
        reported(RUSSIA, CONTAINERS, Denies)
            .covers(AMMUNITION_SUPPLY)
            .quote("mad rumors"),
        reported(DPRK, CONTAINERS, Denies)
            .covers(AMMUNITION_SUPPLY)
            .quote("mad rumors"),
        // "The West believes that if ..., Russia might reciprocate ..."
        reported(WEST, TECH_RECIPROCATION, Asserts).modality(Speculated),
        reported(WEST, DPRK_CAPABILITIES, Asserts).modality(Speculated),
        reported(ARTICLE, STEADFAST_SUPPORTER, Asserts).quote("most steadfast supporters"),
        // "In an op-ed published in DPRK's Rodong Sinmun on June 18th, Putin expressed gratitude
        // for DPRK's firm support of Russia's 'special military operation' ..."
        reported(PUTIN_OP_ED, SUPPORT_FOR_OPERATION, Asserts)
            .said(When::parse("2024-06-18")?)
            .quote("special military operation"),
        reported(ARTICLE, DEEPER_INTERACTION, Asserts),
        // "According to statistics from ROK's Ministry of Unification, ..."
        reported(UNIFICATION_STATISTICS, HIGH_LEVEL_EXCHANGES, Asserts),
        // "... could also significantly reshape regional international relations."
        reported(ARTICLE, REGIONAL_RESHAPING, Asserts).modality(Speculated),
        // "Ahead of this visit, Putin stated that Russia and DPRK would develop ...": a stated
        // plan, hence a forecast. Its exact date is not given.
        reported(PUTIN, SETTLEMENT_SYSTEM, Asserts).modality(Expected),
        // "This refers to Western sanctions imposed on both countries."
        reported(ARTICLE, WESTERN_SANCTIONS, Asserts),
        // "Some Western commentators believe that ..."
        reported(WESTERN_COMMENTATORS, DUAL_ADVANTAGE, Asserts).modality(Alleged),
        reported(ARTICLE, WEST_ISOLATES_DPRK, Asserts),
        reported(ARTICLE, POSITIVE_DEVELOPMENTS_WORRY_WEST, Asserts),
    ];
    for a in attributions {
        g.add_attribution(a)?;
    }
    Ok(())
}
