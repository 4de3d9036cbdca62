package org.claimgraph

import java.nio.file.Path
import kotlin.io.path.readText
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Draft graphs from article text in Kotlin: the same extractor as Rust and Python, offsets in
 * code points, and the reference article's sources with their kinds.
 */
class ExtractTest {
    private fun span(text: String, s: TextSpan): String =
        text.substring(text.offsetByCodePoints(0, s.start.toInt()), text.offsetByCodePoints(0, s.end.toInt()))

    @Test
    fun `a claim by unnamed sources and its denial by two governments`() {
        val text = "ROK sources have claimed that DPRK delivered 6,700 containers to Russia. " +
            "Both Russia and DPRK have denied these claims, calling them \"mad rumors.\""
        val x = extract(text, null)
        val found = x.attributions()
        assertEquals("ROK sources", span(text, found[0].source!!))
        assertEquals("have claimed", span(text, found[0].cue!!))
        assertEquals(SourceKind.UNNAMED_GROUP, found[0].sourceKind)
        assertEquals(Modality.ALLEGED, found[0].modality)
        val denial = found.single { it.stance == Stance.DENIES }
        assertEquals(listOf("russia", "dprk"), denial.sourceIds)
        assertEquals(found[0].claim, denial.claim)
        x.graph().use { g ->
            assertTrue(g.status(found[0].claim).disputed)
            assertEquals(SourceKind.GOVERNMENT, g.source("russia")!!.kind)
        }
        assertTrue(x.records().all { it.spans.isNotEmpty() })
        assertTrue(x.html().contains("cgx-source"))
        x.close()
    }

    @Test
    fun `offsets count code points, as the span records do`() {
        val text = "Der Minister J\u00fcrgen M\u00fcller said that the caf\u00e9 \uD83D\uDE00 will close."
        extract(text, null).use { x ->
            val a = x.attributions().single()
            assertEquals("that the caf\u00e9 \uD83D\uDE00 will close.", span(text, a.content))
            assertTrue(x.predictionJson("doc").contains("\"doc\":\"doc\""))
        }
    }

    @Test
    fun `the reference article's sources have the right kinds`() {
        val root = System.getProperty("claimgraph.repoRoot")
            ?: error("the system property claimgraph.repoRoot is not set; run scripts/test-kotlin")
        val text = Path.of(root).resolve("../shared/reference/putin-dprk-visit-2024-06-18.txt").normalize().readText()
        val article = Source(id = "yen", kind = SourceKind.DOCUMENT, name = "Yangcheng Evening News analysis")
        extract(text, article).use { x ->
            assertEquals("yen", x.articleId())
            x.graph().use { g ->
                val kinds = g.sources().associate { it.name to it.kind }
                assertEquals(SourceKind.COLLECTIVE, kinds["the West"])
                assertEquals(SourceKind.UNNAMED_GROUP, kinds["ROK sources"])
                assertEquals(SourceKind.UNNAMED_GROUP, kinds["Some Western commentators"])
                assertEquals(SourceKind.PERSON, kinds["Vladimir Putin"])
                assertTrue(g.attributions().all { it.via.map { h -> h.source } == listOf("yen") })
            }
        }
    }
}
