// The reference article end to end, in Kotlin: "Analysis: Putin's visit to DPRK raises Western
// concerns" (Yangcheng Evening News, 18 June 2024), recorded as a claim graph and questioned.
//
// The Kotlin twin of `examples/putin_dprk_visit.rs`. It builds the same graph as the Rust fixture
// (core/tests/common/reference.rs) with exactly the same ids, so that its answers can be compared
// with the Rust example's claim by claim: the Kotlin test suite (bindings/uniffi/kotlin) does that.
//
// The modelling rules are the fixture's: "According to X, ..." is an attribution from X reported
// via the article; Putin's op-ed is a document authored by Putin and published in Rodong Sinmun,
// so its claims trace back to Putin, not to the newspaper.
package org.claimgraph.examples

import org.claimgraph.Attribution
import org.claimgraph.Claim
import org.claimgraph.ClaimGraph
import org.claimgraph.ClaimRelation
import org.claimgraph.ClaimRelationKind
import org.claimgraph.Hop
import org.claimgraph.Modality
import org.claimgraph.Period
import org.claimgraph.Quantity
import org.claimgraph.Source
import org.claimgraph.SourceKind
import org.claimgraph.SourceRelation
import org.claimgraph.SourceRelationKind
import org.claimgraph.Stance

/** The ids of the reference article's records (the same as the Rust fixture's). */
object Reference {
    const val ARTICLE = "article"
    const val QIAN_KEJIN = "qian-kejin"
    const val YANGCHENG_EVENING_NEWS = "yangcheng-evening-news"
    const val LINGNAN_ON_THE_CLOUD = "lingnan-on-the-cloud"
    const val ROK_MEDIA = "rok-media"
    const val ROK_SOURCES = "rok-sources"
    const val ROK = "rok"
    const val UNIFICATION_MINISTRY = "rok-unification-ministry"
    const val UNIFICATION_STATISTICS = "rok-unification-statistics"
    const val WEST = "west"
    const val WESTERN_COMMENTATORS = "western-commentators"
    const val RUSSIA = "russia"
    const val DPRK = "dprk"
    const val UKRAINE = "ukraine"
    const val PUTIN = "putin"
    const val PUTIN_OP_ED = "putin-op-ed"
    const val RODONG_SINMUN = "rodong-sinmun"

    const val STATE_VISIT = "state-visit"
    const val WELCOME_CEREMONY = "welcome-ceremony"
    const val PARTNERSHIP_AGREEMENT = "partnership-agreement"
    const val WEST_DEEPLY_CONCERNED = "west-deeply-concerned"
    const val MUNITIONS_DEMAND = "munitions-demand"
    const val WEST_AIDS_UKRAINE = "west-aids-ukraine"
    const val AMMUNITION_SUPPLY = "ammunition-supply"
    const val CONTAINERS = "containers"
    const val TECH_RECIPROCATION = "tech-reciprocation"
    const val DPRK_CAPABILITIES = "dprk-capabilities"
    const val STEADFAST_SUPPORTER = "steadfast-supporter"
    const val SUPPORT_FOR_OPERATION = "support-for-operation"
    const val DEEPER_INTERACTION = "deeper-interaction"
    const val HIGH_LEVEL_EXCHANGES = "high-level-exchanges"
    const val REGIONAL_RESHAPING = "regional-reshaping"
    const val SETTLEMENT_SYSTEM = "settlement-system"
    const val WESTERN_SANCTIONS = "western-sanctions"
    const val DUAL_ADVANTAGE = "dual-advantage"
    const val WEST_ISOLATES_DPRK = "west-isolates-dprk"
    const val POSITIVE_DEVELOPMENTS_WORRY_WEST = "positive-developments-worry-west"

    /** Every claim id, in the order the claims are added (the article's order). */
    val CLAIMS = listOf(
        STATE_VISIT, WELCOME_CEREMONY, PARTNERSHIP_AGREEMENT, WEST_DEEPLY_CONCERNED,
        MUNITIONS_DEMAND, WEST_AIDS_UKRAINE, AMMUNITION_SUPPLY, CONTAINERS, TECH_RECIPROCATION,
        DPRK_CAPABILITIES, STEADFAST_SUPPORTER, SUPPORT_FOR_OPERATION, DEEPER_INTERACTION,
        HIGH_LEVEL_EXCHANGES, REGIONAL_RESHAPING, SETTLEMENT_SYSTEM, WESTERN_SANCTIONS,
        DUAL_ADVANTAGE, WEST_ISOLATES_DPRK, POSITIVE_DEVELOPMENTS_WORRY_WEST,
    )

    /** The second report of the West's suspicion of ammunition supply has an id of its own. */
    const val WEST_REMAINS_SUSPICIOUS = "west:remains-suspicious:ammunition-supply"

    /** The article's publication time, as its byline gives it. */
    const val ARTICLE_PUBLISHED = "2024-06-18T23:30:00+08:00"
}

/** The graph of the reference article. */
fun putinDprkVisit(): ClaimGraph {
    val g = ClaimGraph()
    addSources(g)
    addSourceRelations(g)
    addClaims(g)
    addClaimRelations(g)
    addAttributions(g)
    return g
}

private fun addSources(g: ClaimGraph) {
    val title = "Analysis: Putin's visit to DPRK raises Western concerns"
    listOf(
        Source(Reference.ARTICLE, SourceKind.DOCUMENT, title, title = title, published = Reference.ARTICLE_PUBLISHED),
        Source(Reference.QIAN_KEJIN, SourceKind.PERSON, "钱克锦", aliases = listOf("Qian Kejin")),
        Source(Reference.YANGCHENG_EVENING_NEWS, SourceKind.OUTLET, "Yangcheng Evening News", aliases = listOf("羊城晚报")),
        Source(Reference.LINGNAN_ON_THE_CLOUD, SourceKind.OUTLET, "Lingnan on the Cloud", aliases = listOf("云上岭南")),
        Source(Reference.ROK_MEDIA, SourceKind.COLLECTIVE, "media from the ROK", aliases = listOf("ROK media", "South Korean media")),
        Source(Reference.ROK_SOURCES, SourceKind.UNNAMED_GROUP, "ROK sources"),
        Source(Reference.ROK, SourceKind.GOVERNMENT, "Republic of Korea", aliases = listOf("ROK", "South Korea")),
        Source(
            Reference.UNIFICATION_MINISTRY, SourceKind.GOVERNMENT, "Ministry of Unification of the Republic of Korea",
            aliases = listOf("ROK Ministry of Unification", "Ministry of Unification"),
        ),
        Source(
            Reference.UNIFICATION_STATISTICS, SourceKind.DOCUMENT,
            "Statistics of the ROK Ministry of Unification on DPRK-Russia exchanges",
        ),
        Source(Reference.WEST, SourceKind.COLLECTIVE, "the West", aliases = listOf("West")),
        Source(Reference.WESTERN_COMMENTATORS, SourceKind.UNNAMED_GROUP, "some Western commentators"),
        Source(Reference.RUSSIA, SourceKind.GOVERNMENT, "Russia", aliases = listOf("Russian Federation")),
        Source(Reference.DPRK, SourceKind.GOVERNMENT, "Democratic People's Republic of Korea", aliases = listOf("DPRK", "North Korea")),
        Source(Reference.UKRAINE, SourceKind.GOVERNMENT, "Ukraine"),
        Source(Reference.PUTIN, SourceKind.PERSON, "Vladimir Putin", aliases = listOf("Putin")),
        Source(Reference.PUTIN_OP_ED, SourceKind.DOCUMENT, "Putin's op-ed in Rodong Sinmun", published = "2024-06-18"),
        Source(Reference.RODONG_SINMUN, SourceKind.OUTLET, "Rodong Sinmun"),
    ).forEach(g::addSource)
}

private fun addSourceRelations(g: ClaimGraph) {
    // No "article cites X" edges: origins are traced upward from whoever asserts.
    listOf(
        SourceRelation(Reference.ARTICLE, SourceRelationKind.AUTHORED_BY, Reference.QIAN_KEJIN),
        SourceRelation(Reference.ARTICLE, SourceRelationKind.PUBLISHED_IN, Reference.YANGCHENG_EVENING_NEWS),
        SourceRelation(Reference.ARTICLE, SourceRelationKind.PUBLISHED_IN, Reference.LINGNAN_ON_THE_CLOUD),
        SourceRelation(Reference.QIAN_KEJIN, SourceRelationKind.AFFILIATED_WITH, Reference.YANGCHENG_EVENING_NEWS),
        SourceRelation(Reference.UNIFICATION_MINISTRY, SourceRelationKind.AFFILIATED_WITH, Reference.ROK),
        SourceRelation(Reference.UNIFICATION_STATISTICS, SourceRelationKind.AUTHORED_BY, Reference.UNIFICATION_MINISTRY),
        SourceRelation(Reference.WESTERN_COMMENTATORS, SourceRelationKind.AFFILIATED_WITH, Reference.WEST),
        SourceRelation(Reference.PUTIN, SourceRelationKind.AFFILIATED_WITH, Reference.RUSSIA),
        SourceRelation(Reference.PUTIN_OP_ED, SourceRelationKind.AUTHORED_BY, Reference.PUTIN),
        SourceRelation(Reference.PUTIN_OP_ED, SourceRelationKind.PUBLISHED_IN, Reference.RODONG_SINMUN),
        SourceRelation(Reference.RODONG_SINMUN, SourceRelationKind.AFFILIATED_WITH, Reference.DPRK),
    ).forEach { g.addSourceRelation(it) }
}

private fun addClaims(g: ClaimGraph) {
    val visitDays = Period(start = "2024-06-18", end = "2024-06-19")
    val r = Reference
    listOf(
        Claim(
            r.STATE_VISIT,
            "Russian President Vladimir Putin makes a state visit to the DPRK from 18 to 19 June 2024.",
            subjects = listOf(r.PUTIN, r.RUSSIA, r.DPRK), period = visitDays, tags = listOf("diplomacy"),
        ),
        Claim(
            r.WELCOME_CEREMONY, "The DPRK is planning a grand ceremony to welcome Putin.",
            subjects = listOf(r.DPRK, r.PUTIN), tags = listOf("diplomacy"),
        ),
        Claim(
            r.PARTNERSHIP_AGREEMENT,
            "Russia and the DPRK sign a comprehensive strategic partnership agreement during the visit.",
            subjects = listOf(r.RUSSIA, r.DPRK), period = visitDays, tags = listOf("diplomacy"),
        ),
        Claim(
            r.WEST_DEEPLY_CONCERNED,
            "The West is deeply concerned about the development of Russia-DPRK relations.",
            subjects = listOf(r.WEST), tags = listOf("western-reaction"),
        ),
        Claim(
            r.MUNITIONS_DEMAND,
            "The stalemate in the Russia-Ukraine conflict has led both sides to require large quantities of artillery and ammunition.",
            subjects = listOf(r.RUSSIA, r.UKRAINE), tags = listOf("military", "ukraine-war"),
        ),
        Claim(
            r.WEST_AIDS_UKRAINE,
            "The West is making every effort to aid Ukraine and seeks to cut off Russia's external support.",
            subjects = listOf(r.WEST, r.UKRAINE, r.RUSSIA), tags = listOf("ukraine-war", "western-reaction"),
        ),
        Claim(
            r.AMMUNITION_SUPPLY,
            "The DPRK supplies significant amounts of artillery and ammunition to Russia.",
            subjects = listOf(r.DPRK, r.RUSSIA), tags = listOf("military", "arms-transfer"),
        ),
        Claim(
            r.CONTAINERS,
            "From August 2023 to February 2024 the DPRK delivered 6,700 containers of weapons and ammunition to Russia.",
            subjects = listOf(r.DPRK, r.RUSSIA), period = Period(start = "2023-08", end = "2024-02"),
            quantity = Quantity(6700.0, "containers"), tags = listOf("military", "arms-transfer"),
        ),
        Claim(
            r.TECH_RECIPROCATION,
            "In return for ammunition, Russia might provide the DPRK with missile, submarine and even space technology.",
            subjects = listOf(r.RUSSIA, r.DPRK), tags = listOf("military", "technology-transfer"),
        ),
        Claim(
            r.DPRK_CAPABILITIES,
            "Russian technology could advance the DPRK's missile, submarine and nuclear capabilities.",
            subjects = listOf(r.DPRK, r.RUSSIA), tags = listOf("military", "nuclear"),
        ),
        Claim(
            r.STEADFAST_SUPPORTER,
            "Since the full-scale outbreak of the Russia-Ukraine conflict, the DPRK has been one of Russia's most steadfast supporters.",
            subjects = listOf(r.DPRK, r.RUSSIA), tags = listOf("diplomacy", "ukraine-war"),
        ),
        Claim(
            r.SUPPORT_FOR_OPERATION,
            "The DPRK firmly supports Russia's special military operation in Ukraine and aligns with Russia on international platforms such as the United Nations.",
            subjects = listOf(r.DPRK, r.RUSSIA), tags = listOf("diplomacy", "ukraine-war"),
        ),
        Claim(
            r.DEEPER_INTERACTION,
            "Interactions between Russia and the DPRK have become more frequent and in-depth.",
            subjects = listOf(r.RUSSIA, r.DPRK), tags = listOf("diplomacy"),
        ),
        Claim(
            r.HIGH_LEVEL_EXCHANGES,
            "There have been 18 high-level exchanges (meetings, international conferences, talks) between the DPRK and Russia in 2024.",
            subjects = listOf(r.DPRK, r.RUSSIA), period = Period(start = "2024", end = "2024"),
            quantity = Quantity(18.0, "high-level exchanges"), tags = listOf("diplomacy"),
        ),
        Claim(
            r.REGIONAL_RESHAPING,
            "Cooperation between Russia and the DPRK could significantly reshape international relations in Northeast Asia and even the Asia-Pacific region.",
            subjects = listOf(r.RUSSIA, r.DPRK), tags = listOf("regional-order"),
        ),
        Claim(
            r.SETTLEMENT_SYSTEM,
            "Russia and the DPRK will develop a trade and settlement system independent of Western control, jointly opposing unilateral and illegal restrictive measures.",
            subjects = listOf(r.RUSSIA, r.DPRK), tags = listOf("economy", "sanctions"),
        ),
        Claim(
            r.WESTERN_SANCTIONS, "Western sanctions are imposed on both Russia and the DPRK.",
            subjects = listOf(r.WEST, r.RUSSIA, r.DPRK), tags = listOf("sanctions"),
        ),
        Claim(
            r.DUAL_ADVANTAGE,
            "Putin's state visit brings the DPRK government a dual advantage: a higher international standing and greater domestic prestige.",
            subjects = listOf(r.DPRK), tags = listOf("diplomacy", "domestic-politics"),
        ),
        Claim(
            r.WEST_ISOLATES_DPRK,
            "The West has long pursued a strategy of sanctioning and isolating the DPRK government.",
            subjects = listOf(r.WEST, r.DPRK), tags = listOf("sanctions", "western-reaction"),
        ),
        Claim(
            r.POSITIVE_DEVELOPMENTS_WORRY_WEST,
            "Any positive development for the DPRK causes significant concern in the West.",
            subjects = listOf(r.WEST, r.DPRK), tags = listOf("western-reaction"),
        ),
    ).forEach(g::addClaim)
}

private fun addClaimRelations(g: ClaimGraph) {
    val r = Reference
    listOf(
        ClaimRelation(r.CONTAINERS, ClaimRelationKind.SPECIALIZES, r.AMMUNITION_SUPPLY),
        ClaimRelation(r.TECH_RECIPROCATION, ClaimRelationKind.DEPENDS_ON, r.AMMUNITION_SUPPLY),
        ClaimRelation(r.DPRK_CAPABILITIES, ClaimRelationKind.DEPENDS_ON, r.TECH_RECIPROCATION),
        ClaimRelation(r.WELCOME_CEREMONY, ClaimRelationKind.DEPENDS_ON, r.STATE_VISIT),
        ClaimRelation(r.PARTNERSHIP_AGREEMENT, ClaimRelationKind.DEPENDS_ON, r.STATE_VISIT),
        ClaimRelation(r.DUAL_ADVANTAGE, ClaimRelationKind.DEPENDS_ON, r.STATE_VISIT),
        ClaimRelation(r.SUPPORT_FOR_OPERATION, ClaimRelationKind.SUPPORTS, r.STEADFAST_SUPPORTER),
        ClaimRelation(r.HIGH_LEVEL_EXCHANGES, ClaimRelationKind.SUPPORTS, r.DEEPER_INTERACTION),
        ClaimRelation(r.SETTLEMENT_SYSTEM, ClaimRelationKind.SUPPORTS, r.REGIONAL_RESHAPING),
        ClaimRelation(r.WESTERN_SANCTIONS, ClaimRelationKind.SUPPORTS, r.WEST_ISOLATES_DPRK),
        ClaimRelation(r.WEST_ISOLATES_DPRK, ClaimRelationKind.SUPPORTS, r.POSITIVE_DEVELOPMENTS_WORRY_WEST),
    ).forEach { g.addClaimRelation(it) }
}

/** An attribution reported in the article. */
private fun reported(
    source: String,
    claim: String,
    stance: Stance,
    modality: Modality = Modality.STATED,
    quote: String? = null,
    said: String? = null,
    id: String = "",
    covers: List<String> = emptyList(),
) = Attribution(
    source, claim, stance, modality,
    said = said, quote = quote, via = listOf(Hop(Reference.ARTICLE, null)), covers = covers, id = id,
)

private fun addAttributions(g: ClaimGraph) {
    val r = Reference
    val asserts = Stance.ASSERTS
    listOf(
        reported(r.ARTICLE, r.STATE_VISIT, asserts),
        // "According to media from the Republic of Korea (ROK), ..."
        reported(r.ROK_MEDIA, r.WELCOME_CEREMONY, asserts),
        reported(r.ROK_MEDIA, r.PARTNERSHIP_AGREEMENT, asserts, Modality.EXPECTED),
        reported(r.ARTICLE, r.WEST_DEEPLY_CONCERNED, asserts, quote = "deeply concerned"),
        reported(r.ARTICLE, r.MUNITIONS_DEMAND, asserts),
        reported(r.ARTICLE, r.WEST_AIDS_UKRAINE, asserts),
        // "There are beliefs in the West that ..." and, later, "the West remains suspicious ...".
        reported(r.WEST, r.AMMUNITION_SUPPLY, asserts, Modality.ALLEGED),
        reported(r.WEST, r.AMMUNITION_SUPPLY, asserts, Modality.ALLEGED, id = r.WEST_REMAINS_SUSPICIOUS),
        // "ROK sources have claimed that ..."; "Both Russia and DPRK have denied these claims":
        // one statement each, covering the containers and the supply they are evidence of.
        reported(r.ROK_SOURCES, r.CONTAINERS, asserts),
        reported(r.RUSSIA, r.CONTAINERS, Stance.DENIES, quote = "mad rumors", covers = listOf(r.AMMUNITION_SUPPLY)),
        reported(r.DPRK, r.CONTAINERS, Stance.DENIES, quote = "mad rumors", covers = listOf(r.AMMUNITION_SUPPLY)),
        reported(r.WEST, r.TECH_RECIPROCATION, asserts, Modality.SPECULATED),
        reported(r.WEST, r.DPRK_CAPABILITIES, asserts, Modality.SPECULATED),
        reported(r.ARTICLE, r.STEADFAST_SUPPORTER, asserts, quote = "most steadfast supporters"),
        // Putin's op-ed in Rodong Sinmun of 18 June.
        reported(
            r.PUTIN_OP_ED, r.SUPPORT_FOR_OPERATION, asserts,
            said = "2024-06-18", quote = "special military operation",
        ),
        reported(r.ARTICLE, r.DEEPER_INTERACTION, asserts),
        // "According to statistics from ROK's Ministry of Unification, ..."
        reported(r.UNIFICATION_STATISTICS, r.HIGH_LEVEL_EXCHANGES, asserts),
        reported(r.ARTICLE, r.REGIONAL_RESHAPING, asserts, Modality.SPECULATED),
        // "Ahead of this visit, Putin stated that Russia and DPRK would develop ...".
        reported(r.PUTIN, r.SETTLEMENT_SYSTEM, asserts, Modality.EXPECTED),
        reported(r.ARTICLE, r.WESTERN_SANCTIONS, asserts),
        // "Some Western commentators believe that ..."
        reported(r.WESTERN_COMMENTATORS, r.DUAL_ADVANTAGE, asserts, Modality.ALLEGED),
        reported(r.ARTICLE, r.WEST_ISOLATES_DPRK, asserts),
        reported(r.ARTICLE, r.POSITIVE_DEVELOPMENTS_WORRY_WEST, asserts),
    ).forEach { g.addAttribution(it) }
}

/** Prints, for each claim, whether it is disputed, what stands behind it and its credibility. */
fun main() {
    putinDprkVisit().use { g ->
        for (status in g.statuses()) {
            val assessment = g.assess(status.claim)
            val flags = buildList {
                if (status.disputed) add("disputed")
                if (status.unnamedOnly) add("unnamed sources only")
                if (status.interestedDeniers.isNotEmpty()) add("denied by ${status.interestedDeniers.joinToString()}")
                if (status.circularReporting) add("circular reporting")
            }
            println(
                "%s: %d independent origin(s) [%s], credibility %.2f%s".format(
                    status.claim,
                    status.independentOrigins.size.toLong(),
                    status.origins.joinToString { it.id },
                    assessment.score,
                    if (flags.isEmpty()) "" else "; " + flags.joinToString("; "),
                ),
            )
        }
    }
}
