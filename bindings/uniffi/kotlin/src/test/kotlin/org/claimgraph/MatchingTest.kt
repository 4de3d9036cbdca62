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
        val hits = record().similarClaims("Did North Korea ship 6700 munition containers?", 5u, 0.0, 0u, null)
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
        assertTrue(g.similarClaims("Russia Putin", 10u, 0.0, 2u, null).isEmpty())
        val wordsOnly = defaultMatchWeights().copy(ngrams = 0.0)
        val hits = g.similarClaims("munitions", 10u, 0.0, 0u, wordsOnly)
        assertEquals(listOf(MatchKind.WORDS), hits.first().parts.map { it.kind })
    }

    @Test
    fun `duplicate candidates suggest rewordings`() {
        val g = record()
        g.addClaim(Claim("containers-2", "North Korea delivered munitions containers to Russia"))
        val pairs = g.duplicateCandidates(0.3, 1u, 10u)
        assertEquals(Pair("containers", "containers-2"), Pair(pairs.first().claim, pairs.first().other))
    }
}
