package org.claimgraph

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Has this been checked before? A new message matched against the claims on record. */
class MatchingTest {
    private fun record(): ClaimGraph {
        val g = ClaimGraph()
        g.addSource(Source("dprk", SourceKind.GOVERNMENT, "DPRK", aliases = listOf("North Korea")))
        g.addClaim(Claim("containers", "DPRK delivered 6,700 containers of munitions to Russia", subjects = listOf("dprk")))
        g.addClaim(Claim("visit", "Putin visited Pyongyang in June 2024"))
        return g
    }

    @Test
    fun `a rewording finds the claim and says why`() {
        val hits = record().similarClaims("Did North Korea ship 6700 munition containers?", k = 5uL)
        assertEquals("containers", hits.first().claim)
        val parts = hits.first().parts.associateBy { it.kind }
        assertTrue("containers" in parts.getValue(MatchKind.WORDS).matched)
        assertEquals(listOf("6700"), parts.getValue(MatchKind.NUMBERS).matched)
        assertEquals(1.0, hits.first().parts.sumOf { it.share }, 1e-9)
        assertTrue(hits.first().sharedWords >= 2u)
    }

    @Test
    fun `thresholds and weights are the desk's to tune`() {
        val g = record()
        assertTrue(g.similarClaims("Russia Putin", minSharedWords = 2uL).isEmpty())
        assertEquals(1, g.similarClaims("Russia Putin", k = 1uL).size)
        assertTrue(g.similarClaims("Russia", minScore = 0.99).isEmpty())
        val wordsOnly = defaultMatchWeights().copy(ngrams = 0.0)
        val hits = g.similarClaims("munitions", weights = wordsOnly)
        assertEquals(listOf(MatchKind.WORDS), hits.first().parts.map { it.kind })
    }

    @Test
    fun `search is tolerant of plurals and case`() {
        assertEquals(listOf("containers"), record().searchClaims("container").map { it.id })
        assertEquals(listOf("visit"), record().searchClaims("PYONGYANG visits").map { it.id })
    }

    @Test
    fun `duplicate candidates suggest rewordings`() {
        val g = record()
        g.addClaim(Claim("containers-2", "North Korea delivered munitions containers to Russia"))
        val pairs = g.duplicateCandidates(minScore = 0.3)
        assertEquals(Pair("containers", "containers-2"), Pair(pairs.first().claim, pairs.first().other))
    }
}
