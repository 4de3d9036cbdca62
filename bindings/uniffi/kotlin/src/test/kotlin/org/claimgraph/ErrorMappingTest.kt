package org.claimgraph

import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/** Every kind of failure reaches Kotlin as its own `ClaimGraphException` subclass, with its fields. */
class ErrorMappingTest {
    @TempDir
    lateinit var dir: Path

    private fun smallGraph(): ClaimGraph {
        val g = ClaimGraph()
        g.addSource(Source("russia", SourceKind.GOVERNMENT, "Russia"))
        g.addSource(Source("rok-sources", SourceKind.UNNAMED_GROUP, "ROK sources"))
        g.addClaim(Claim("containers", "DPRK delivered 6,700 containers to Russia", subjects = listOf("russia")))
        return g
    }

    /** The reader sees the core's sentence, in `detail` and from `toString()`. */
    private fun assertReadable(e: ClaimGraphException, vararg mentions: String) {
        val text = e.toString()
        for (m in mentions) assertTrue(text.contains(m), "'$text' should mention '$m'")
        val detail = when (e) {
            is ClaimGraphException.NotFound -> e.detail
            is ClaimGraphException.DuplicateId -> e.detail
            is ClaimGraphException.InvalidInput -> e.detail
            is ClaimGraphException.Format -> e.detail
            is ClaimGraphException.UnsupportedVersion -> e.detail
            is ClaimGraphException.MergeConflict -> e.detail
            is ClaimGraphException.LimitExceeded -> e.detail
            is ClaimGraphException.Io -> e.detail
            is ClaimGraphException.Database -> e.detail
            is ClaimGraphException.Internal -> e.detail
        }
        assertEquals(detail, text)
    }

    @Test
    fun `asking about an unknown claim is NotFound naming the claim`() {
        val e = assertThrows<ClaimGraphException.NotFound> { smallGraph().status("no-such-claim") }
        assertEquals(RecordKind.CLAIM, e.kind)
        assertEquals("no-such-claim", e.id)
        assertReadable(e, "no-such-claim")
    }

    @Test
    fun `removing an unknown verdict is NotFound of a verdict`() {
        val e = assertThrows<ClaimGraphException.NotFound> { smallGraph().removeVerdict("nobody:verdict:nothing") }
        assertEquals(RecordKind.VERDICT, e.kind)
        assertEquals("nobody:verdict:nothing", e.id)
    }

    @Test
    fun `an attribution to an unknown source is NotFound of a source`() {
        val g = smallGraph()
        val e = assertThrows<ClaimGraphException.NotFound> {
            g.addAttribution(Attribution("tass", "containers", Stance.DENIES, Modality.STATED))
        }
        assertEquals(RecordKind.SOURCE, e.kind)
        assertEquals("tass", e.id)
        assertTrue(g.attributions().isEmpty(), "a failed change leaves the graph as it was")
    }

    @Test
    fun `reusing an id is DuplicateId naming what holds it`() {
        val g = smallGraph()
        val again = assertThrows<ClaimGraphException.DuplicateId> {
            g.addSource(Source("russia", SourceKind.GOVERNMENT, "Russian Federation"))
        }
        assertEquals("russia", again.id)
        assertEquals(RecordKind.SOURCE, again.existing)
        // Sources and claims share one id namespace.
        val claimOverSource = assertThrows<ClaimGraphException.DuplicateId> {
            g.addClaim(Claim("rok-sources", "a claim with a source's id"))
        }
        assertEquals(RecordKind.SOURCE, claimOverSource.existing)
        assertReadable(claimOverSource, "rok-sources")
        assertEquals("Russia", g.source("russia")?.name)
    }

    @Test
    fun `an empty id is InvalidInput on the id field`() {
        val e = assertThrows<ClaimGraphException.InvalidInput> {
            ClaimGraph().addSource(Source("", SourceKind.PERSON, "Nobody"))
        }
        assertEquals("id", e.field)
        assertEquals("", e.id)
    }

    @Test
    fun `a blank claim text is InvalidInput naming the claim and the field`() {
        val e = assertThrows<ClaimGraphException.InvalidInput> {
            ClaimGraph().addClaim(Claim("blank", "   "))
        }
        assertEquals("blank", e.id)
        assertEquals("text", e.field)
    }

    @Test
    fun `an unreadable date is InvalidInput naming the text`() {
        // uniffi reads a record's fields without knowing the record, so a date inside a record
        // names its text; the graph is left as it was.
        val g = smallGraph()
        val e = assertThrows<ClaimGraphException.InvalidInput> {
            g.addAttribution(Attribution("rok-sources", "containers", Stance.ASSERTS, Modality.STATED, said = "June 2024"))
        }
        assertEquals("June 2024", e.value)
        assertReadable(e, "June 2024")
        assertEquals(0UL, g.counts().attributions)

        val period = assertThrows<ClaimGraphException.InvalidInput> {
            g.addClaim(Claim("later", "Something happened", period = Period(start = "2024-13")))
        }
        assertEquals("2024-13", period.value)
        assertEquals(null, g.claim("later"))

        val cutoff = assertThrows<ClaimGraphException.InvalidInput> { g.asOf("yesterday") }
        assertEquals("yesterday", cutoff.value)
    }

    @Test
    fun `a field naming the wrong kind of record is InvalidInput with the id it named`() {
        val g = smallGraph()
        val e = assertThrows<ClaimGraphException.InvalidInput> {
            // "russia" is a source, not a claim.
            g.addAttribution(Attribution("rok-sources", "russia", Stance.ASSERTS, Modality.STATED))
        }
        assertEquals("claim", e.field)
        assertEquals("russia", e.value)
    }

    @Test
    fun `malformed JSON is a Format error with its line`() {
        val e = assertThrows<ClaimGraphException.Format> {
            ClaimGraph.fromJson("{\n  \"format\": \"claimgraph\",\n  \"version\": 1,\n  \"sources\": [oops]\n}")
        }
        assertEquals(4UL, e.line)
        assertNotNull(e.column)
    }

    @Test
    fun `a file from a newer version is UnsupportedVersion with both versions`() {
        val current = smallGraph().toJson()
        val newer = current.replaceFirst(Regex("\"version\":\\s*2\\b"), "\"version\": 99")
        assertNotEquals(current, newer)
        val e = assertThrows<ClaimGraphException.UnsupportedVersion> { ClaimGraph.fromJson(newer) }
        assertEquals(99UL, e.found)
        assertEquals(2UL, e.supported)
        assertReadable(e, "99")
    }

    @Test
    fun `a file that cannot be read or written is Io naming the path`() {
        val missing = dir.resolve("no-such-folder").resolve("graph.json").toString()
        val load = assertThrows<ClaimGraphException.Io> { ClaimGraph.load(missing) }
        assertEquals(missing, load.path)
        assertReadable(load, "graph.json")

        val save = assertThrows<ClaimGraphException.Io> { smallGraph().save(missing) }
        assertEquals(missing, save.path)

        val ingest = assertThrows<ClaimGraphException.Io> { ClaimGraph().ingestJsonl(missing) }
        assertEquals(missing, ingest.path)
    }

    @Test
    fun `a corrupt JSON Lines file is a Format error naming the file and the line`() {
        val file = dir.resolve("corpus.jsonl")
        Files.writeString(file, "this is not JSON\n")
        val e = assertThrows<ClaimGraphException.Format> { ClaimGraph().ingestJsonl(file.toString()) }
        assertEquals(file.toString(), e.path)
        assertEquals(1UL, e.line)
    }

    @Test
    fun `a merge that would lose a field fails with MergeConflict and changes nothing`() {
        val ours = smallGraph()
        val theirs = ClaimGraph()
        theirs.addSource(Source("russia", SourceKind.GOVERNMENT, "Russian Federation"))
        val before = ours.toJson()
        val e = assertThrows<ClaimGraphException.MergeConflict> { ours.merge(theirs, MergePolicy.FAIL) }
        assertEquals(RecordKind.SOURCE, e.kind)
        assertEquals("russia", e.id)
        assertEquals("name", e.field)
        assertTrue(e.ours.contains("Russia") && e.theirs.contains("Russian Federation"))
        assertEquals(before, ours.toJson())
    }

    @Test
    fun `a claim with more chains than the limit is LimitExceeded naming the claim`() {
        // Eighteen layers of two sources, each citing both sources of the next layer: 2^17 paths
        // from the asserter to the roots, more than the chains query lists.
        val g = ClaimGraph()
        val layers = 18
        for (layer in 0 until layers) for (side in listOf("a", "b")) {
            g.addSource(Source("$side$layer", SourceKind.OUTLET, "Outlet $side$layer"))
        }
        for (layer in 0 until layers - 1) for (from in listOf("a", "b")) for (to in listOf("a", "b")) {
            g.addSourceRelation(SourceRelation("$from$layer", SourceRelationKind.CITES, "$to${layer + 1}"))
        }
        g.addClaim(Claim("echoed", "A claim repeated down a long chain of outlets"))
        g.addAttribution(Attribution("a0", "echoed", Stance.ASSERTS, Modality.STATED))
        val e = assertThrows<ClaimGraphException.LimitExceeded> { g.chains("echoed") }
        assertEquals("echoed", e.id)
        assertTrue(e.limit in 1UL..131_071UL)
    }
}
