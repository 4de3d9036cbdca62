package org.claimgraph

import java.nio.file.Files
import java.nio.file.Path
import kotlin.io.path.extension
import kotlin.io.path.isDirectory
import kotlin.io.path.listDirectoryEntries
import kotlin.io.path.name
import kotlin.io.path.readText
import org.claimgraph.examples.Reference
import org.claimgraph.examples.putinDprkVisit
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

/**
 * Other tools' formats from Kotlin: PROV-JSON, ClaimReview and STIX read back what was written, the
 * files other tools published import, and the pictures show who denies what.
 *
 * The published files are in `../shared/interop/` beside the checkout; scripts/test-kotlin passes
 * the checkout's root as the system property `claimgraph.repoRoot`.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormatsTest {
    private lateinit var graph: ClaimGraph
    private lateinit var interop: Path

    @BeforeAll
    fun setUp() {
        val root = System.getProperty("claimgraph.repoRoot")
            ?: error("the system property claimgraph.repoRoot is not set; run scripts/test-kotlin")
        interop = Path.of(root).resolve("../shared/interop").normalize()
        check(interop.isDirectory()) { "$interop does not exist; the interop files live beside the checkout" }
        graph = putinDprkVisit()
    }

    @AfterAll
    fun tearDown() {
        if (::graph.isInitialized) graph.close()
    }

    private fun files(dir: Path, ext: String): List<Path> =
        Files.walk(dir).use { paths -> paths.filter { it.extension == ext }.sorted().toList() }

    /** The reference article with two fact-checks: one with a numeric rating, one with a label only. */
    private fun reviewed(): ClaimGraph {
        val g = graph.copy()
        g.addSource(Source("fact-desk", SourceKind.ORGANIZATION, "Fact Desk"))
        g.addSource(Source("reader", SourceKind.PERSON, "Me"))
        g.addVerdict(
            Verdict(
                reviewer = "fact-desk",
                claim = Reference.CONTAINERS,
                label = "Unproven",
                rating = Rating(value = 2.0, best = 5.0, worst = 1.0),
                date = "2024-06-20",
                url = "https://example.org/fact-desk/containers",
                summary = "Only unnamed ROK sources; both accused parties deny it.",
            ),
        )
        g.addVerdict(Verdict(reviewer = "reader", claim = Reference.STATE_VISIT, label = "True", date = "2024-06-19"))
        return g
    }

    // ----- PROV-JSON -------------------------------------------------------------------------

    @Test
    fun `PROV export of the reference article imports into an equal graph`() {
        val json = graph.toProvJson()
        assertTrue(json.contains("\"wasAttributedTo\""))
        fromProvJson(json).use { (back, report) ->
            assertEquals(graph.toJson(), back.toJson())
            assertEquals(graph, back)
            assertTrue(report.skipped.isEmpty(), "${report.skipped}")
            assertEquals(graph.counts(), report.added)
        }
    }

    @Test
    fun `malformed PROV is a Format exception naming the record`() {
        val doc = """
            {"prefix": {"ex": "http://example.org/"},
             "entity": {"ex:chart": {}},
             "wasAttributedTo": {"ex:attr8": {"prov:entity": "ex:chart"}}}
        """.trimIndent()
        val e = assertThrows<ClaimGraphException.Format> { fromProvJson(doc) }
        assertEquals("PROV-JSON", e.format)
        assertEquals("wasAttributedTo ex:attr8", e.record)
        assertTrue(e.detail.contains("prov:agent"), e.detail)
    }

    @TestFactory
    fun `every PROV-JSON file of another tool imports and exports again unchanged`(): List<DynamicTest> {
        val found = interop.resolve("prov").listDirectoryEntries().filter { it.isDirectory() }
            .flatMap { dir -> dir.listDirectoryEntries("*.json") }
            .sorted()
        assertTrue(found.size >= 6, "only ${found.size} PROV-JSON files in $interop/prov")
        return found.map { file ->
            DynamicTest.dynamicTest(file.name) {
                fromProvJson(file.readText()).use { (g, report) ->
                    assertTrue(report.added.sources > 0UL, "no source read from $file")
                    assertEquals(g.counts(), report.added)
                    fromProvJson(g.toProvJson()).use { (again, _) -> assertEquals(g.toJson(), again.toJson()) }
                }
            }
        }
    }

    @Test
    fun `the PROV primer keeps its people and lists what has no place in a claim graph`() {
        fromProvJson(interop.resolve("prov/primer/primer.json").readText()).use { (g, report) ->
            val derek = g.source("ex:derek")
            assertNotNull(derek)
            assertEquals(SourceKind.PERSON, derek!!.kind)
            assertEquals("Derek", derek.name)
            val chart = g.relationsOfSource("ex:chart1").single()
            assertEquals(SourceRelationKind.AUTHORED_BY, chart.kind)
            assertEquals("ex:derek", chart.to)
            // The primer's activities and Derek's e-mail address have no claimgraph meaning.
            assertTrue(report.skipped.any { it.kind == "activity" && it.id == "ex:compose" }, "${report.skipped}")
            val mbox = report.skipped.single { it.attribute == "foaf:mbox" }
            assertEquals("ex:derek", mbox.id)
            assertTrue(mbox.value!!.contains("mailto:derek@example.org"))
        }
    }

    @Test
    fun `a PROV bundle is named in the report`() {
        fromProvJson(interop.resolve("prov/simple-bundle/simple-bundle.json").readText()).use { (_, report) ->
            assertEquals(listOf("e001"), report.bundles)
        }
    }

    // ----- ClaimReview -----------------------------------------------------------------------

    @Test
    fun `ClaimReview round trip keeps verdict labels and ratings`() {
        reviewed().use { g ->
            val json = g.toClaimreviewJson()
            assertTrue(json.contains("\"claimReviewed\""))
            fromClaimreviewJson(json).use { (back, report) ->
                assertEquals(2UL, report.added.verdicts)
                // Only reviewed claims are written: a feed lists reviews.
                assertEquals(2UL, report.added.claims)
                for (claim in listOf(Reference.CONTAINERS, Reference.STATE_VISIT)) {
                    assertEquals(g.verdictsOf(claim), back.verdictsOf(claim))
                    assertEquals(g.claim(claim)?.text, back.claim(claim)?.text)
                }
                val rated = back.verdictsOf(Reference.CONTAINERS).single()
                assertEquals("Unproven", rated.label)
                assertEquals(Rating(value = 2.0, best = 5.0, worst = 1.0), rated.rating)
                val unrated = back.verdictsOf(Reference.STATE_VISIT).single()
                assertEquals("True", unrated.label)
                assertEquals(null, unrated.rating)
                // The claimants come along: both accused parties still deny the containers claim.
                assertEquals(listOf(Reference.DPRK, Reference.RUSSIA), back.status(Reference.CONTAINERS).deniers)
            }
        }
    }

    @TestFactory
    fun `every published ClaimReview file imports as one claim with one verdict`(): List<DynamicTest> {
        val found = files(interop.resolve("claimreview"), "jsonld")
        assertTrue(found.size >= 4, "only ${found.size} ClaimReview files in $interop/claimreview")
        return found.map { file ->
            DynamicTest.dynamicTest(file.name) {
                fromClaimreviewJson(file.readText()).use { (g, report) ->
                    assertEquals(1UL, report.added.claims)
                    assertEquals(1UL, report.added.verdicts)
                    val claim = g.claims().single()
                    assertTrue(g.verdictsOf(claim.id).single().label.isNotBlank())
                }
            }
        }
    }

    @Test
    fun `two fact-checks of the same claim imported into one graph meet on that claim`() {
        // Both files review "The world is flat": the second adds a verdict, not a second claim.
        ClaimGraph().use { g ->
            val first = g.importClaimreview(
                interop.resolve("claimreview/google-factcheck-doc-claim-appearance.jsonld").readText(),
            )
            assertEquals(1UL, first.added.claims)
            val second = g.importClaimreview(
                interop.resolve("claimreview/c2pa-spec-1.0-claim-review-assertion-example.jsonld").readText(),
            )
            assertEquals(0UL, second.added.claims)
            assertEquals(1UL, second.added.verdicts)
            assertEquals(1UL, g.counts().claims)
            assertEquals(2, g.verdictsOf(g.claims().single().id).size)
        }
    }

    @Test
    fun `a ClaimReview import adds to the reader's graph and keeps what was there`() {
        graph.copy().use { g ->
            val before = g.counts()
            val file = interop.resolve("claimreview/sdo-eg0324-politifact-perry-homicides.jsonld")
            val report = g.importClaimreview(file.readText())
            assertEquals(before.claims + 1UL, g.counts().claims)
            assertEquals(before.verdicts + report.added.verdicts, g.counts().verdicts)
            assertEquals(graph.status(Reference.CONTAINERS), g.status(Reference.CONTAINERS))
        }
    }

    @Test
    fun `a failed ClaimReview import is a Format exception and changes nothing`() {
        graph.copy().use { g ->
            val before = g.toJson()
            val bad = """[{"@type": "ClaimReview", "claimReviewed": "The world is flat",
                          "reviewRating": {"@type": "Rating", "ratingValue": {"x": 1}}}]"""
            val e = assertThrows<ClaimGraphException.Format> { g.importClaimreview(bad) }
            assertEquals("ClaimReview JSON-LD", e.format)
            assertEquals("$[0].reviewRating.ratingValue", e.record)
            assertEquals(before, g.toJson())
        }
    }

    @Test
    fun `a lenient ClaimReview import keeps the good reviews and lists the one it could not read`() {
        val feed = """[
            {"@type": "ClaimReview", "claimReviewed": "The bridge was closed in 2019",
             "author": {"@type": "Organization", "name": "Fact Desk"},
             "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                              "alternateName": "False"}},
            {"@type": "ClaimReview", "claimReviewed": "Turnout was 61%",
             "author": {"@type": "Organization", "name": "Fact Desk"},
             "reviewRating": {"@type": "Rating", "ratingValue": {"x": 1}}}
        ]"""
        assertThrows<ClaimGraphException.Format> { fromClaimreviewJson(feed) }
        fromClaimreviewJsonLenient(feed).use { (g, report) ->
            assertEquals(1UL, g.counts().verdicts)
            val rejected = report.rejected.single()
            assertEquals(1UL, rejected.index)
            assertEquals("$[1]", rejected.record)
            assertEquals("$[1].reviewRating.ratingValue", rejected.field)
            assertTrue(rejected.reason.isNotBlank())
        }
        graph.copy().use { g ->
            val before = g.counts()
            val report = g.importClaimreviewLenient(feed)
            assertEquals(before.verdicts + 1UL, g.counts().verdicts)
            assertEquals(listOf(1UL), report.rejected.map { it.index })
        }
    }

    // ----- STIX 2.1 --------------------------------------------------------------------------

    @Test
    fun `STIX export of the reference article imports into an equal graph`() {
        reviewed().use { g ->
            val bundle = g.toStixJson()
            assertTrue(bundle.contains("\"type\": \"bundle\""), bundle.take(200))
            assertTrue(bundle.contains("\"type\": \"opinion\""))
            assertEquals(bundle, g.copy().use { it.toStixJson() })
            fromStixJson(bundle).use { (back, report) ->
                assertEquals(g, back)
                assertTrue(report.skipped.isEmpty(), "${report.skipped}")
                assertEquals(g.counts(), report.added)
                assertEquals(listOf(Reference.DPRK, Reference.RUSSIA), back.status(Reference.CONTAINERS).deniers)
            }
        }
    }

    @Test
    fun `a malformed STIX bundle is a Format exception naming where`() {
        val e = assertThrows<ClaimGraphException.Format> { fromStixJson("""{"type": "bundle", "objects": 5}""") }
        assertEquals("STIX 2.1", e.format)
        assertEquals("bundle", e.record)
        assertTrue(e.detail.contains("list"), e.detail)
    }

    // ----- pictures --------------------------------------------------------------------------

    @Test
    fun `DOT of the reference article draws each denial as a dashed red edge`() {
        val dot = graph.toDot()
        assertTrue(dot.startsWith("digraph"))
        for (denier in listOf(Reference.DPRK, Reference.RUSSIA)) {
            val edge = dot.lines().single { it.contains("\"${Reference.CONTAINERS}\" -> \"$denier\"") }
            assertTrue(edge.contains("denied by"), edge)
            assertTrue(edge.contains("color=\"#c62828\""), "not red: $edge")
            assertTrue(edge.contains("style=dashed"), "not dashed: $edge")
        }
    }

    @Test
    fun `a picture around one claim leaves out claims it has nothing to do with`() {
        val around = graph.toDot(Reference.CONTAINERS)
        assertTrue(around.contains("\"${Reference.CONTAINERS}\""))
        assertTrue(!around.contains("\"${Reference.STATE_VISIT}\""), around)
        assertTrue(graph.toDot().contains("\"${Reference.STATE_VISIT}\""))
    }

    @Test
    fun `Mermaid is a flowchart`() {
        assertTrue(graph.toMermaid().startsWith("flowchart"))
        assertTrue(graph.toMermaid(Reference.CONTAINERS).startsWith("flowchart"))
    }

    @Test
    fun `a picture around an unknown claim is NotFound`() {
        for (draw in listOf<(String) -> String>({ graph.toDot(it) }, { graph.toMermaid(it) })) {
            val e = assertThrows<ClaimGraphException.NotFound> { draw("unknown") }
            assertEquals(RecordKind.CLAIM, e.kind)
            assertEquals("unknown", e.id)
        }
    }
}
