"""The W2 job as SQL over claimgraph's Parquet tables, shared by the DuckDB and Spark scripts.

W2 (benches/README.md, "W2 status of claim c"): one tuple per claim,
(claim, n_assert, n_deny, disputed, n_origins), where n_origins counts the distinct origins of
the asserting sources. Tracing origins is graph work that claimgraph did once per source when it
wrote the `source_origins` table; what is left is two group-bys over the attributions and a join,
which is what an engine spreads over partitions. The digest is the W2 checksum: the first 16 hex
digits of the SHA-256 of the sorted tab-separated lines joined by newlines.

The text is written once, in the SQL both engines read; `{text}` is each engine's name for the
string type.
"""

TABLES = ("claims", "attributions", "source_origins")

W2_LINES = """
WITH stances AS (
    SELECT claim,
           count(DISTINCT CASE WHEN stance = 'asserts' THEN source END) AS n_assert,
           count(DISTINCT CASE WHEN stance = 'denies' THEN source END) AS n_deny
    FROM attributions
    GROUP BY claim
),
origins AS (
    SELECT a.claim, count(DISTINCT o.origin) AS n_origins
    FROM attributions a
    JOIN source_origins o ON o.source = a.source
    WHERE a.stance = 'asserts'
    GROUP BY a.claim
),
w2 AS (
    SELECT c.id AS claim,
           coalesce(s.n_assert, 0) AS n_assert,
           coalesce(s.n_deny, 0) AS n_deny,
           coalesce(o.n_origins, 0) AS n_origins
    FROM claims c
    LEFT JOIN stances s ON s.claim = c.id
    LEFT JOIN origins o ON o.claim = c.id
)
SELECT concat(claim, chr(9), CAST(n_assert AS {text}), chr(9), CAST(n_deny AS {text}), chr(9),
              CASE WHEN n_assert > 0 AND n_deny > 0 THEN '1' ELSE '0' END, chr(9),
              CAST(n_origins AS {text})) AS line
FROM w2
"""
