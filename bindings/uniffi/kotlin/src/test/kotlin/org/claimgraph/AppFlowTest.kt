package org.claimgraph

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * What a fact-check app does: open the bundle of claims it ships, query it offline, add the
 * reader's own note, save it in its files folder, and find it there the next time it starts.
 */
class AppFlowTest {
    @TempDir
    lateinit var filesDir: Path

    /** The bundle as the app ships it (a native claimgraph JSON file among its assets). */
    private val bundle: Path =
        Path.of(System.getProperty("claimgraph.testData") ?: "src/test/resources").resolve("bundle.json")

    @Test
    fun `load the shipped bundle, query it, add a note, save, reopen`() {
        val shipped = ClaimGraph.load(bundle.toString())

        // Offline queries.
        val found = shipped.searchClaims("6,700 containers")
        assertEquals(listOf("containers"), found.map { it.id })
        assertEquals(listOf("russia"), shipped.sourcesNamed("russian federation").map { it.id })
        val status = shipped.status("containers")
        assertTrue(status.disputed)
        assertTrue(status.unnamedOnly)
        assertEquals(listOf("dprk", "russia"), status.interestedDeniers)
        assertTrue(status.verdicts.isEmpty())

        // The reader's own note: a verdict by the reader, and a doubt of their own.
        shipped.addSource(Source("reader", SourceKind.PERSON, "Me"))
        val note = Verdict(
            reviewer = "reader",
            claim = "containers",
            label = "Unproven",
            date = "2024-06-20",
            summary = "Only unnamed ROK sources; both accused parties deny it.",
        )
        val noteId = shipped.addVerdict(note)
        assertEquals("reader:verdict:containers", noteId)
        val doubtId = shipped.addAttribution(
            Attribution("reader", "containers", Stance.DOUBTS, Modality.STATED, said = "2024-06-20"),
        )
        assertEquals(listOf("reader"), shipped.status("containers").doubters)

        // Saved in the app's files folder, then reopened as on the next start.
        val saved = filesDir.resolve("claims.json").toString()
        shipped.save(saved)
        val reopened = ClaimGraph.load(saved)
        assertEquals(shipped, reopened)
        assertEquals(shipped.toJson(), reopened.toJson())
        assertEquals(note.copy(id = noteId), reopened.verdict(noteId))
        assertEquals("2024-06-20", reopened.attribution(doubtId)?.said)
        assertEquals(listOf(noteId), reopened.status("containers").verdicts.map { it.id })

        // The shipped bundle itself is untouched.
        assertNotEquals(ClaimGraph.load(bundle.toString()), reopened)
        reopened.close()
        shipped.close()
    }

    @Test
    fun `saving over an earlier save replaces it whole`() {
        val path = filesDir.resolve("claims.json").toString()
        val g = ClaimGraph.load(bundle.toString())
        g.save(path)
        g.removeAttribution("russia:denies:containers")
        g.save(path)
        val reopened = ClaimGraph.load(path)
        assertEquals(listOf("dprk"), reopened.status("containers").deniers)
        assertEquals(g, reopened)
        assertFalse(Files.list(filesDir).anyMatch { it.fileName.toString() != "claims.json" }, "no temporary file is left behind")
    }

    @Test
    fun `JSON in and out through strings gives the same graph`() {
        val g = ClaimGraph.load(bundle.toString())
        val again = ClaimGraph.fromJson(g.toJson())
        assertEquals(g, again)
        assertEquals(g.counts(), again.counts())
    }

    @Test
    fun `a JSON Lines corpus loads from text and from a file`() {
        // One unnamed source, an outlet citing it, a claim the outlet asserts and the source denies.
        val corpus = listOf(
            """{"type":"meta","format_version":1,"generator":"test","seed":1,"n_claims":1,"counts":{"source":2,"claim":1,"attribution":2,"citation":1,"cycle_citation":1}}""",
            """{"type":"source","id":"s0","kind":"anonymous_group","name":"officials","anonymous":true}""",
            """{"type":"source","id":"s1","kind":"outlet","name":"Wire","anonymous":false}""",
            """{"type":"citation","id":"x0","from":"s1","to":"s0","date":"2024-06-18","cycle":false}""",
            """{"type":"citation","id":"x1","from":"s0","to":"s1","date":"2024-06-18","cycle":true}""",
            """{"type":"claim","id":"c0","text":"A claim"}""",
            """{"type":"attribution","id":"a0","source":"s1","claim":"c0","stance":"asserts","date":"2024-06-18","quote":null}""",
            """{"type":"attribution","id":"a1","source":"s0","claim":"c0","stance":"denies","date":"2024-06-19","quote":"no"}""",
        ).joinToString("\n", postfix = "\n")
        val g = ClaimGraph()
        val report = g.ingestJsonlText(corpus)
        assertEquals(IngestReport(lines = 8UL, sources = 2UL, claims = 1UL, attributions = 2UL, citations = 1UL, skippedCycleCitations = 1UL), report)
        val status = g.status("c0")
        assertTrue(status.disputed)
        // The outlet only reports what the unnamed officials said.
        assertEquals(listOf("s0"), status.origins.map { it.id })
        assertTrue(status.unnamedOnly)

        val file = filesDir.resolve("corpus.jsonl")
        Files.writeString(file, corpus)
        assertEquals(g, ClaimGraph.fromJsonl(file.toString()))
    }

    @Test
    fun `records keep partial dates and default ids as written`() {
        val g = ClaimGraph()
        g.addSource(Source("op-ed", SourceKind.DOCUMENT, "An op-ed", published = "2024-06"))
        g.addSource(Source("putin", SourceKind.PERSON, "Vladimir Putin"))
        g.addClaim(Claim("support", "The DPRK supports the operation", period = Period(end = "2024")))
        val id = g.addSourceRelation(SourceRelation("op-ed", SourceRelationKind.AUTHORED_BY, "putin"))
        assertEquals("op-ed:authored_by:putin", id)
        assertEquals("2024-06", g.source("op-ed")?.published)
        assertEquals(Period(start = null, end = "2024"), g.claim("support")?.period)
        val instant = g.addAttribution(
            Attribution("op-ed", "support", Stance.ASSERTS, Modality.STATED, said = "2024-06-18T23:30:00+08:00"),
        )
        assertEquals("op-ed:asserts:support", instant)
        assertEquals("2024-06-18T23:30:00+08:00", g.attribution(instant)?.said)
    }

    @Test
    fun `a merge reports the records whose aliases, tags or subjects it extended`() {
        val ours = ClaimGraph()
        ours.addSource(Source("dprk", SourceKind.GOVERNMENT, "DPRK", aliases = listOf("North Korea")))
        val theirs = ClaimGraph()
        theirs.addSource(Source("dprk", SourceKind.GOVERNMENT, "DPRK", aliases = listOf("Pyongyang")))
        theirs.addSource(Source("russia", SourceKind.GOVERNMENT, "Russia"))

        val report = ours.merge(theirs, MergePolicy.FAIL)
        assertEquals(listOf("dprk"), report.extended)
        assertEquals(listOf("russia"), report.added)
        assertEquals(emptyList<MergeConflict>(), report.conflicts)
        assertEquals(listOf("North Korea", "Pyongyang"), ours.source("dprk")?.aliases)
    }

    @Test
    fun `a graph merged with itself is unchanged`() {
        val g = ClaimGraph()
        g.addSource(Source("dprk", SourceKind.GOVERNMENT, "DPRK"))
        val report = g.merge(g, MergePolicy.FAIL)
        assertEquals(listOf("dprk"), report.unchanged)
        assertEquals(1UL, g.counts().sources)
    }
}
