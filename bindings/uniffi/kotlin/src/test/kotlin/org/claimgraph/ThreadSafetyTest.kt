package org.claimgraph

import java.util.Collections
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.claimgraph.examples.Reference
import org.claimgraph.examples.putinDprkVisit
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** One graph shared by several threads: queries run alongside changes, and no change is lost. */
class ThreadSafetyTest {
    /** Runs every task on its own thread, all released together, and returns their results. */
    private fun <T> together(tasks: List<() -> T>): List<T> {
        val pool = Executors.newFixedThreadPool(tasks.size)
        try {
            val gate = CountDownLatch(1)
            val futures = tasks.map { task -> pool.submit(Callable { gate.await(); task() }) }
            gate.countDown()
            // The bound only keeps a deadlock from hanging the build; it is not a timing check.
            return futures.map { it.get(5, TimeUnit.MINUTES) }
        } finally {
            pool.shutdownNow()
        }
    }

    @Test
    fun `readers see every denial added by a writer, in order, and never a torn graph`() {
        val g = putinDprkVisit()
        val denials = 100
        val rounds = 150
        val writer = {
            for (i in 0 until denials) {
                g.addSource(Source("official-$i", SourceKind.PERSON, "Official $i"))
                g.addAttribution(Attribution("official-$i", Reference.CONTAINERS, Stance.DENIES, Modality.STATED))
            }
            emptyList<Int>()
        }
        val reader = {
            val seen = mutableListOf<Int>()
            repeat(rounds) {
                seen.add(g.status(Reference.CONTAINERS).deniers.size)
                g.findings()
                g.assess(Reference.CONTAINERS)
                g.counts()
            }
            seen
        }
        val results = together(listOf(writer, reader, reader, reader))
        for (seen in results.drop(1)) {
            assertEquals(rounds, seen.size)
            assertTrue(seen.zipWithNext().all { (a, b) -> a <= b }, "deniers only ever grow: $seen")
            assertTrue(seen.all { it in 2..(2 + denials) }, "between the article's two and all: $seen")
        }
        val status = g.status(Reference.CONTAINERS)
        assertEquals(2 + denials, status.deniers.size)
        assertTrue(status.disputed)
    }

    @Test
    fun `writers on several threads lose no change`() {
        val g = putinDprkVisit()
        val before = g.counts()
        val threads = 4
        val each = 50
        val ids = Collections.synchronizedList(mutableListOf<String>())
        together(
            (0 until threads).map { t ->
                {
                    for (i in 0 until each) {
                        val id = "reader-$t-$i"
                        g.addSource(Source(id, SourceKind.PERSON, "Reader $t/$i"))
                        ids.add(g.addAttribution(Attribution(id, Reference.AMMUNITION_SUPPLY, Stance.DOUBTS, Modality.STATED)))
                    }
                }
            },
        )
        val after = g.counts()
        assertEquals(before.sources + (threads * each).toULong(), after.sources)
        assertEquals(before.attributions + (threads * each).toULong(), after.attributions)
        assertEquals(threads * each, ids.toSet().size)
        assertEquals(threads * each, g.status(Reference.AMMUNITION_SUPPLY).doubters.size)
    }

    @Test
    fun `graphs merged into each other from two threads at once do not deadlock`() {
        val a = putinDprkVisit()
        val b = putinDprkVisit()
        b.addSource(Source("tass", SourceKind.OUTLET, "TASS"))
        a.addSource(Source("kcna", SourceKind.OUTLET, "KCNA"))
        together(
            listOf(
                { repeat(20) { a.merge(b, MergePolicy.KEEP_OURS) } },
                { repeat(20) { b.merge(a, MergePolicy.KEEP_OURS) } },
            ),
        )
        assertEquals(a, b)
        assertEquals("TASS", a.source("tass")?.name)
        assertEquals("KCNA", b.source("kcna")?.name)
    }
}
