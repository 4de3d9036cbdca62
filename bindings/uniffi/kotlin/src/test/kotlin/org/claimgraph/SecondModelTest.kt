package org.claimgraph

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * The second model's fields reach Kotlin as the core's own records: a reporting chain of hops,
 * a basis, covered claims, relations bounded in time, non-statements, and the assessment's
 * evidence score and notes.
 */
class SecondModelTest {
    private fun graph(): ClaimGraph {
        val g = ClaimGraph()
        g.addSource(Source("rok-sources", SourceKind.UNNAMED_GROUP, "ROK sources"))
        g.addSource(Source("yonhap", SourceKind.OUTLET, "Yonhap"))
        g.addSource(Source("article", SourceKind.DOCUMENT, "The article"))
        g.addSource(Source("russia", SourceKind.GOVERNMENT, "Russia"))
        g.addSource(Source("peskov", SourceKind.PERSON, "Dmitry Peskov"))
        g.addSource(Source("kremlin", SourceKind.ORGANIZATION, "The Kremlin"))
        g.addClaim(Claim("containers", "DPRK sent 6,700 containers", subjects = listOf("russia")))
        g.addClaim(Claim("ammunition", "DPRK supplied ammunition", subjects = listOf("russia")))
        return g
    }

    @Test
    fun `a reporting chain of several hops is kept first to last and saved`() {
        val g = graph()
        val id = g.addAttribution(
            Attribution(
                "rok-sources", "containers", Stance.ASSERTS, Modality.ALLEGED,
                via = listOf(Hop("yonhap", "2024-06-17"), Hop("article")),
            ),
        )
        val a = g.attribution(id)!!
        assertEquals(listOf("yonhap", "article"), a.via.map { it.source })
        assertEquals("2024-06-17", a.via[0].date)
        // Yonhap repeating the claim on the ROK sources' word is no new origin.
        val relay = g.addAttribution(
            Attribution("yonhap", "containers", Stance.ASSERTS, Modality.STATED, basis = listOf("rok-sources")),
        )
        assertEquals(listOf("rok-sources"), g.attribution(relay)!!.basis)
        assertEquals(listOf("rok-sources"), g.status("containers").origins.map { it.id })
        assertEquals(g, ClaimGraph.fromJson(g.toJson()))
    }

    @Test
    fun `a bad hop date is an invalid input naming the attribution`() {
        val g = graph()
        val e = assertThrows<ClaimGraphException.InvalidInput> {
            g.addAttribution(
                Attribution(
                    "rok-sources", "containers", Stance.ASSERTS, Modality.STATED,
                    via = listOf(Hop("yonhap", "June 2024")),
                ),
            )
        }
        assertTrue(e.toString().contains("June 2024"), e.toString())
    }

    @Test
    fun `one denial covering two claims, a non-statement, and the assessment's notes`() {
        val g = graph()
        g.addAttribution(Attribution("rok-sources", "containers", Stance.ASSERTS, Modality.STATED))
        g.addAttribution(
            Attribution(
                "russia", "containers", Stance.DENIES, Modality.STATED,
                covers = listOf("ammunition"),
            ),
        )
        g.addAttribution(Attribution("peskov", "containers", Stance.NO_COMMENT, Modality.STATED))
        val status = g.status("containers")
        assertEquals(listOf("peskov"), status.noComment)
        assertEquals(listOf("russia"), status.deniers)
        assertEquals(listOf("russia"), g.status("ammunition").deniers)

        val assessed = g.assess("containers")
        assertEquals(assessed.score, assessed.evidenceScore, 1e-12)
        assertEquals(0.0, assessed.verdictEffect, 1e-12)
        assertTrue(assessed.notes.any { it.kind == ReasonKind.NO_COMMENT }, assessed.notes.toString())
        assertTrue(assessed.notes.all { it.weight == 0.0 })
    }

    @Test
    fun `a relation bounded in time comes back with its bounds`() {
        val g = graph()
        val id = g.addSourceRelation(
            SourceRelation(
                "peskov", SourceRelationKind.AFFILIATED_WITH, "kremlin",
                since = "2012-05", until = "2030",
            ),
        )
        val r = g.sourceRelation(id)!!
        assertEquals("2012-05", r.since)
        assertEquals("2030", r.until)
        assertFalse(r.date != null)
    }

    @Test
    fun `sources are found by part of a name, and removing one says what went with it`() {
        val g = graph()
        g.addSource(Source("cos", SourceKind.ORGANIZATION, "Church of Scientology"))
        g.addSource(Source("church", SourceKind.ORGANIZATION, "Church"))
        assertEquals(listOf("church", "cos"), g.findSources("church").map { it.id })
        assertEquals("cos", g.findSources("scient").first().id)
        assertEquals(listOf("church"), g.sourcesNamed("church").map { it.id })

        val said = g.addAttribution(
            Attribution("rok-sources", "containers", Stance.ASSERTS, Modality.ALLEGED, via = listOf(Hop("yonhap"))),
        )
        val uses = g.sourceUses("yonhap")
        assertEquals(listOf(said), uses.hops)
        assertTrue(uses.attributions.isEmpty())

        // In use, so refused, and nothing changes.
        assertThrows<ClaimGraphException.InvalidInput> { g.removeSourceIfUnused("yonhap") }
        assertEquals("yonhap", g.source("yonhap")?.id)
        assertEquals("church", g.removeSourceIfUnused("church").id)

        val removed = g.removeSourceReporting("rok-sources")
        assertEquals("rok-sources", removed.source.id)
        assertEquals(listOf(said), removed.uses.attributions)
        assertEquals(null, g.attribution(said))
    }

    @Test
    fun `a status's flags are what a reader looks for at a glance`() {
        val g = graph()
        g.addAttribution(Attribution("rok-sources", "containers", Stance.ASSERTS, Modality.ALLEGED))
        g.addAttribution(Attribution("russia", "containers", Stance.DENIES, Modality.STATED))
        assertEquals(
            listOf("disputed", "interested denial", "unnamed sources only"),
            statusFlags(g.status("containers")),
        )
        assertTrue(statusFlags(g.status("ammunition")).isEmpty())
    }
}
