package org.claimgraph

import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/**
 * A fact-check app's graph in a database file: each change durable when it returns, with who made
 * it and why, a history that can be checked and undone, and everything there after a restart.
 */
class StoredGraphTest {
    @TempDir
    lateinit var dir: Path

    private fun desk(path: Path): StoredGraph {
        val g = StoredGraph.open(path.toString())
        g.setActor("desk:alice")
        g.addSource(Source("russia", SourceKind.GOVERNMENT, "Russia"))
        g.addSource(Source("factcheck", SourceKind.OUTLET, "A fact-checker"))
        g.addClaim(Claim("ammo", "DPRK supplies ammunition to Russia", subjects = listOf("russia")))
        g.addAttribution(
            Attribution("russia", "ammo", Stance.DENIES, Modality.STATED, quote = "mad rumors"),
            reason = "the ministry's statement of 19 June",
        )
        return g
    }

    @Test
    fun `open, change with an actor and a reason, reopen`() {
        val path = dir.resolve("desk.db")
        val started = Instant.now().minusSeconds(1)
        desk(path).use { g ->
            assertEquals("desk:alice", g.actor())
            assertEquals(4uL, g.lastChange())
            assertEquals(listOf("russia"), g.graph().status("ammo").interestedDeniers)
        }
        StoredGraph.open(path.toString()).use { g ->
            assertEquals("mad rumors", g.graph().attribution("russia:denies:ammo")?.quote)
            val (added) = g.history("russia:denies:ammo")
            assertEquals("desk:alice", added.actor)
            assertEquals("the ministry's statement of 19 June", added.reason)
            assertEquals(Action.ADD, added.action)
            assertEquals(RecordKind.ATTRIBUTION, added.kind)
            assertNull(added.before)
            assertTrue(added.after is Record.Attribution)
            assertFalse(added.at.isBefore(started))
            assertEquals(64, added.hash.length)
        }
    }

    @Test
    fun `a revised verdict keeps its earlier rating in the history`() {
        desk(dir.resolve("desk.db")).use { g ->
            g.setActor("desk:bob")
            g.addVerdict(Verdict("factcheck", "ammo", "Unproven"))
            val old = g.updateVerdict(Verdict("factcheck", "ammo", "False", id = "factcheck:verdict:ammo"), reason = "satellite pictures")
            assertEquals("Unproven", old.label)
            val events = g.history("factcheck:verdict:ammo")
            assertEquals(listOf(Action.ADD, Action.UPDATE), events.map { it.action })
            val update = events[1]
            assertEquals("desk:bob", update.actor)
            assertEquals("Unproven", (update.before as Record.Verdict).v1.label)
            assertEquals("False", (update.after as Record.Verdict).v1.label)
            assertEquals(events.map { it.seq }, g.historySince(events[0].at).map { it.seq })
            assertTrue(g.toClaimreviewJson().contains("Superseded"))
            assertTrue(g.historyToProvJson().contains("\"activity\""))
        }
    }

    @Test
    fun `undo puts a removed claim back as a new change`() {
        val path = dir.resolve("desk.db")
        desk(path).use { g ->
            val cut = g.history("ammo")[0].at
            g.removeClaim("ammo")
            val removal = g.lastChange()
            assertTrue(g.changeEvents(removal).map { it.id }.containsAll(listOf("ammo", "russia:denies:ammo")))
            assertNull(g.graph().claim("ammo"))
            assertNotNull(g.asOfEdit(cut).claim("ammo"))
            val undo = g.undoLast()
            assertEquals(removal + 1uL, undo)
            assertEquals(removal, g.changeEvents(undo)[0].undoes)
            assertEquals(listOf("russia"), g.graph().status("ammo").deniers)
            assertThrows<ClaimGraphException.NotFound> { g.undo(999uL) }
        }
        StoredGraph.open(path.toString()).use { g ->
            assertNotNull(g.graph().claim("ammo"))
            val check = g.verifyHistory()
            assertNull(check.firstAltered)
            assertTrue(check.events > 4uL)
        }
    }

    @Test
    fun `a transaction commits together or is rolled back together`() {
        StoredGraph.open(dir.resolve("desk.db").toString()).use { g ->
            g.begin()
            assertTrue(g.inTransaction())
            g.addSource(Source("abc", SourceKind.OUTLET, "ABC"))
            assertThrows<ClaimGraphException.DuplicateId> { g.addSource(Source("abc", SourceKind.OUTLET, "ABC again")) }
            g.rollback()
            assertNull(g.graph().source("abc"))
            assertEquals(0uL, g.lastChange())
            g.begin()
            g.addSource(Source("abc", SourceKind.OUTLET, "ABC"))
            g.addSource(Source("bbc", SourceKind.OUTLET, "BBC"))
            g.commit()
            assertEquals(2uL, g.graph().counts().sources)
            assertThrows<ClaimGraphException.InvalidInput> { g.commit() }
        }
    }

    @Test
    fun `the file is held while open, and a file that is not a graph database is refused`() {
        val path = dir.resolve("desk.db")
        desk(path).use {
            val e = assertThrows<ClaimGraphException.Database> { StoredGraph.open(path.toString()) }
            assertEquals(path.toString(), e.path)
        }
        StoredGraph.open(path.toString()).close()
        val notes = dir.resolve("notes.db")
        Files.write(notes, "this is not a database, it is a note".repeat(100).toByteArray())
        val e = assertThrows<ClaimGraphException.Database> { StoredGraph.open(notes.toString()) }
        assertTrue(e.detail.isNotEmpty())
    }

    @Test
    fun `a call interrupted by a panic leaves the database refused until opened again`() {
        val path = dir.resolve("desk.db")
        val g = desk(path)
        testingPanicInNextStoredGraphCall()
        val e = assertThrows<ClaimGraphException.Internal> {
            g.addSource(Source("bbc", SourceKind.OUTLET, "BBC"))
        }
        assertTrue(e.detail.contains("on purpose"), e.detail)
        // As for a plain graph, and as in Python: reads are refused as well as changes.
        val refused = listOf<Pair<String, (StoredGraph) -> Any>>(
            "graph" to { it.graph() },
            "history" to { it.history("ammo") },
            "addSource" to { it.addSource(Source("cnn", SourceKind.OUTLET, "CNN")) },
        )
        for ((name, call) in refused) {
            val again = assertThrows<ClaimGraphException.Internal>(name) { call(g) }
            assertTrue(again.detail.contains("load it again"), "$name: ${again.detail}")
        }
        g.close()
        StoredGraph.open(path.toString()).use { reopened ->
            val graph = reopened.graph()
            assertNotNull(graph.source("russia"))
            assertNull(graph.source("bbc"))
            val (added) = reopened.history("russia:denies:ammo")
            assertEquals("the ministry's statement of 19 June", added.reason)
            assertNull(reopened.verifyHistory().firstAltered)
        }
    }
}
