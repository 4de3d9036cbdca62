package org.claimgraph

import java.io.ByteArrayOutputStream
import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path
import org.claimgraph.examples.Reference
import org.claimgraph.examples.putinDprkVisit
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.TestInstance

/**
 * The reference article, built in Kotlin with the Rust fixture's ids, gives the Rust example's
 * answers for every claim.
 *
 * The Rust answers are the lines of `cargo run -p claimgraph-examples --example putin_dprk_visit
 * -- --json`, which scripts/test-kotlin writes to the file named by the system property
 * `claimgraph.referenceAnswers`.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceArticleTest {
    private lateinit var graph: ClaimGraph
    private lateinit var rust: List<JSONObject>

    @BeforeAll
    fun setUp() {
        val answers = System.getProperty("claimgraph.referenceAnswers")
            ?: error("the system property claimgraph.referenceAnswers is not set; run scripts/test-kotlin")
        val file = Path.of(answers)
        check(Files.isRegularFile(file)) { "$file does not exist; run scripts/test-kotlin, which writes it" }
        rust = Files.readAllLines(file).filter { it.isNotBlank() }.map(::JSONObject)
        graph = putinDprkVisit()
    }

    @AfterAll
    fun tearDown() {
        if (::graph.isInitialized) graph.close()
    }

    private fun strings(a: JSONArray): List<String> = (0 until a.length()).map(a::getString)

    private fun JSONObject.optText(key: String): String? = if (isNull(key)) null else getString(key)

    @Test
    fun `the Rust example answers for the same claims in the same order`() {
        assertEquals(Reference.CLAIMS, rust.map { it.getString("id") })
        assertEquals(Reference.CLAIMS, graph.statuses().map { it.claim })
        assertEquals(Reference.CLAIMS, graph.summaries().map { it.claim })
        assertEquals(Reference.CLAIMS, graph.claims().map { it.id })
    }

    @TestFactory
    fun `every claim has the Rust answers`(): List<DynamicTest> = rust.map { expected ->
        val id = expected.getString("id")
        DynamicTest.dynamicTest(id) {
            assertEquals(expected.getString("text"), graph.claim(id)?.text)

            val status = graph.status(id)
            assertEquals(id, status.claim)
            assertEquals(strings(expected.getJSONArray("asserters")), status.asserters)
            assertEquals(strings(expected.getJSONArray("deniers")), status.deniers)
            assertEquals(strings(expected.getJSONArray("doubters")), status.doubters)
            assertEquals(expected.getBoolean("disputed"), status.disputed)
            assertEquals(expected.getBoolean("unnamed_only"), status.unnamedOnly)
            assertEquals(expected.getBoolean("circular_reporting"), status.circularReporting)
            assertEquals(strings(expected.getJSONArray("interested_deniers")), status.interestedDeniers)
            assertEquals(expected.getLong("independent_origin_count").toULong(), status.independentOrigins.size.toULong())

            val summary = graph.summary(id)
            assertEquals(expected.getJSONArray("asserters").length().toULong(), summary.asserters)
            assertEquals(expected.getJSONArray("deniers").length().toULong(), summary.deniers)
            assertEquals(expected.getJSONArray("origins").length().toULong(), summary.origins)
            assertEquals(expected.getLong("independent_origin_count").toULong(), summary.independentOrigins)
            assertEquals(expected.getBoolean("disputed"), summary.disputed)
            assertEquals(!expected.getJSONArray("interested_deniers").isEmpty, summary.interestedDenial)

            val origins = expected.getJSONArray("origins")
            assertEquals(origins.length(), status.origins.size)
            status.origins.forEachIndexed { i, origin ->
                val o = origins.getJSONObject(i)
                assertEquals(o.getString("id"), origin.id)
                assertEquals(strings(o.getJSONArray("members")), origin.members)
                assertEquals(o.getBoolean("circular"), origin.circular)
                assertEquals(o.getBoolean("unnamed"), origin.unnamed)
            }

            val groups = expected.getJSONArray("independent_origins")
            assertEquals(groups.length(), status.independentOrigins.size)
            status.independentOrigins.forEachIndexed { i, group ->
                val o = groups.getJSONObject(i)
                assertEquals(o.getString("top"), group.top)
                assertEquals(strings(o.getJSONArray("origins")), group.origins)
            }

            val verdicts = expected.getJSONArray("verdicts")
            assertEquals(verdicts.length(), status.verdicts.size)
            status.verdicts.forEachIndexed { i, verdict ->
                val v = verdicts.getJSONObject(i)
                assertEquals(v.getString("id"), verdict.id)
                assertEquals(v.getString("reviewer"), verdict.reviewer)
                assertEquals(v.getString("label"), verdict.label)
                assertEquals(v.optText("date"), verdict.date)
            }

            // Stances counted through same-as or specializes, each with why.
            val inferred = expected.getJSONArray("inferred")
            assertEquals(inferred.length(), status.inferred.size)
            status.inferred.forEachIndexed { i, inference ->
                val o = inferred.getJSONObject(i)
                assertEquals(o.getString("source"), inference.source)
                assertEquals(o.getString("claim"), inference.claim)
                assertEquals(o.getString("relation"), inference.relation.name.lowercase())
                assertEquals(o.getString("attribution"), inference.attribution)
                assertEquals(o.getString("detail"), inference.detail)
            }
            assertEquals(inferred.length() > 0, "related claims" in statusFlags(status))

            // The same core computes the score, so it is the same double, bit for bit.
            val assessment = graph.assess(id)
            assertEquals(expected.getDouble("score"), assessment.score)
            val reasons = expected.getJSONArray("reasons")
            assertEquals(reasons.length(), assessment.reasons.size)
            assessment.reasons.forEachIndexed { i, reason ->
                val r = reasons.getJSONObject(i)
                // The enum's constant is the core's snake_case name in upper case.
                assertEquals(r.getString("kind"), reason.kind.name.lowercase())
                assertEquals(r.getDouble("weight"), reason.weight)
                assertEquals(r.getString("detail"), reason.detail)
            }
        }
    }

    @Test
    fun `the containers claim is disputed by the parties it accuses and rests on unnamed sources`() {
        val status = graph.status(Reference.CONTAINERS)
        assertTrue(status.disputed)
        assertTrue(status.unnamedOnly)
        assertEquals(listOf(Reference.DPRK, Reference.RUSSIA), status.interestedDeniers)
        assertEquals(1UL, status.independentOrigins.size.toULong())
    }

    @Test
    fun `the op-ed's claim traces back to Putin, not to the newspaper that printed it`() {
        val origins = graph.originsOfSource(Reference.PUTIN_OP_ED).map { it.id }
        assertEquals(listOf(Reference.PUTIN), origins)
        val chains = graph.chains(Reference.SUPPORT_FOR_OPERATION)
        assertEquals(1, chains.size)
        assertEquals(listOf(Reference.PUTIN_OP_ED, Reference.PUTIN), chains[0].path)
        assertEquals(Reference.ARTICLE, chains[0].via)
    }

    @Test
    fun `nothing of the article was on record the day before it was published`() {
        // Every attribution is reported via the article (18 June) or dated 18 June.
        graph.asOf("2024-06-17").graph.use { before ->
            assertEquals(0UL, before.counts().attributions)
        }
        val onTheDay = graph.asOf("2024-06-18")
        assertEquals("2024-06-18", onTheDay.date)
        assertEquals(graph.counts().attributions, onTheDay.graph.counts().attributions)
        assertTrue(onTheDay.unplaced.isEmpty())
        onTheDay.graph.close()
    }

    @Test
    fun `the graph-wide findings list the disputed claim`() {
        val findings = graph.findings()
        // One statement by Russia and one by the DPRK deny both of these claims.
        assertEquals(listOf("ammunition-supply", Reference.CONTAINERS), findings.disputed)
        assertFalse(findings.unnamedOnly.isEmpty())
    }

    @Test
    fun `the Kotlin twin of the example prints one line per claim`() {
        val out = ByteArrayOutputStream()
        val saved = System.out
        System.setOut(PrintStream(out, true, Charsets.UTF_8))
        try {
            org.claimgraph.examples.main()
        } finally {
            System.setOut(saved)
        }
        val lines = out.toString(Charsets.UTF_8).lines().filter { it.isNotBlank() }
        assertEquals(Reference.CLAIMS, lines.map { it.substringBefore(':') })
    }
}
