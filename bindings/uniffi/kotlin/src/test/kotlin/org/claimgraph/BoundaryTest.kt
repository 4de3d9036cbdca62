package org.claimgraph

import java.util.Collections
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/**
 * What crosses from Kotlin into the core and back: a Rust panic on any entry point arrives as
 * ClaimGraphException.Internal, and eight threads sharing one graph for a while
 * (CLAIMGRAPH_SOAK_SECONDS, a minute by default) end with consistent answers.
 */
class BoundaryTest {
    @TempDir
    lateinit var dir: java.nio.file.Path

    private fun graph(): ClaimGraph {
        val g = ClaimGraph()
        g.addSource(Source("rok-sources", SourceKind.UNNAMED_GROUP, "ROK sources"))
        g.addSource(Source("russia", SourceKind.GOVERNMENT, "Russia"))
        g.addClaim(Claim("containers", "DPRK delivered 6,700 containers", subjects = listOf("russia")))
        g.addAttribution(Attribution("rok-sources", "containers", Stance.ASSERTS, Modality.STATED))
        g.addAttribution(Attribution("russia", "containers", Stance.DENIES, Modality.STATED))
        return g
    }

    @Test
    fun `a panic on any entry point is Internal and leaves the graph as it was`() {
        val entries: Map<String, (ClaimGraph) -> Any?> = mapOf(
            "a question" to { g -> g.status("containers") },
            "a table" to { g -> g.statuses() },
            "a change" to { g -> g.addClaim(Claim("ammunition", "DPRK supplies ammunition")) },
            "a removal" to { g -> g.removeAttribution("russia:denies:containers") },
            "a merge" to { g -> g.merge(graph(), MergePolicy.FAIL) },
            "an export" to { g -> g.toProvJson() },
            "a constructor from text" to { g -> ClaimGraph.fromJson(g.toJson()) },
            "a file" to { g -> g.save(dir.resolve("g.json").toString()) },
            "a module function" to { _ -> extract("Russia denied the report.", null) },
        )
        for ((name, call) in entries) {
            val g = graph()
            testingPanicOnNextCall()
            val e = assertThrows<ClaimGraphException.Internal>(name) { call(g) }
            assertTrue(e.toString().contains("on purpose"), "$name: $e")
            assertEquals(graph(), g, name)
            call(g)
        }
    }

    @Test
    fun `a graph merged into itself while another thread edits loses no edit`() {
        val g = graph()
        repeat(300) { g.addClaim(Claim("c$it", "Claim $it")) }
        val done = java.util.concurrent.atomic.AtomicBoolean(false)
        val pool = Executors.newSingleThreadExecutor()
        try {
            val merger = pool.submit(Callable {
                while (!done.get()) {
                    val report = g.merge(g, MergePolicy.FAIL)
                    assertTrue(report.added.isEmpty() && report.conflicts.isEmpty())
                }
            })
            repeat(300) { g.removeClaim("c$it") }
            done.set(true)
            merger.get(5, TimeUnit.MINUTES)
        } finally {
            pool.shutdownNow()
        }
        assertEquals(listOf("containers"), g.claims().map { it.id })
    }

    @Test
    fun `eight threads sharing one graph for a while end consistent`() {
        val seconds = (System.getenv("CLAIMGRAPH_SOAK_SECONDS") ?: "60").toDouble()
        val g = graph()
        val deadline = System.nanoTime() + (seconds * 1e9).toLong()
        val kept = Collections.synchronizedSet(mutableSetOf<String>())
        val pool = Executors.newFixedThreadPool(8)
        try {
            val gate = CountDownLatch(1)
            val futures = (0 until 8).map { n ->
                pool.submit(Callable {
                    gate.await()
                    var i = 0
                    while (System.nanoTime() < deadline) {
                        i += 1
                        if (n < 4) {
                            val id = "w$n-$i"
                            g.addClaim(Claim(id, "Claim $i of writer $n"))
                            g.addAttribution(Attribution("rok-sources", id, Stance.ASSERTS, Modality.STATED))
                            if (i % 2 == 0) {
                                g.addAttribution(Attribution("russia", id, Stance.DENIES, Modality.STATED))
                            }
                            if (i % 5 == 0) g.removeClaim(id) else kept.add(id)
                            if (i % 50 == 0) g.merge(g, MergePolicy.FAIL)
                        } else {
                            for (s in g.statuses()) {
                                if (s.deniers.isNotEmpty()) assertTrue(s.asserters.isNotEmpty() && s.disputed)
                            }
                            val c = g.counts()
                            // Each writer adds a claim, then its assertion: at most one claim
                            // each is still unasserted at any moment.
                            assertTrue(c.attributions + 4u >= c.claims)
                            if (i % 20 == 0) {
                                // A save is taken under one lock too: it loads and saves as itself.
                                val json = g.toJson()
                                assertEquals(json, ClaimGraph.fromJson(json).toJson())
                            }
                        }
                    }
                })
            }
            gate.countDown()
            // The bound only keeps a deadlock from hanging the build; it is not a timing check.
            futures.forEach { it.get(seconds.toLong() + 300, TimeUnit.SECONDS) }
        } finally {
            pool.shutdownNow()
        }
        assertEquals(kept, g.claims().map { it.id }.filter { it != "containers" }.toSet())
        for (id in kept) {
            val s = g.status(id)
            assertEquals(listOf("rok-sources"), s.asserters)
            assertEquals(id.substringAfterLast('-').toInt() % 2 == 0, s.disputed)
        }
    }
}
