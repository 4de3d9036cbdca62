"""The W2 job as SQL over claimgraph's Parquet tables, shared by the DuckDB and Spark scripts.

W2 (benches/README.md, "W2 status of claim c"): one tuple per claim,
(claim, n_assert, n_deny, disputed, n_origins), where n_origins counts the distinct origins of
the asserting sources. Tracing origins is graph work that claimgraph did once per source when it
wrote the `source_origins` table; what is left is group-bys over the attributions and a join,
which is what an engine spreads over partitions. The digest is the W2 checksum: the first 16 hex
digits of the SHA-256 of the sorted tab-separated lines joined by newlines.

An attribution row is one statement: it stands for its `claim` and for each claim of `covers`
(a blanket denial of several allegations), so the first step explodes it into one row per claim.
An assertion with a `basis` is traced from the basis sources instead of its speaker (a relay is
not a new origin), so the second step explodes each assertion into the sources its origins are
traced from. A `no_comment` row counts neither way.

The text is written once, in the SQL both engines read; each engine gives its own spelling of the
few things the two dialects write differently (`ENGINES`).
"""

TABLES = ("claims", "attributions", "source_origins")

# The string type; one row per element of a list (a generator in the select list); a list of
# one value; the length of a list.
ENGINES = {
    "duckdb": {"text": "VARCHAR", "explode": "unnest", "array": "list_value",
               "concat": "list_concat", "size": "len"},
    "spark": {"text": "STRING", "explode": "explode", "array": "array",
              "concat": "concat", "size": "size"},
}

W2_LINES = """
WITH stated AS (
    SELECT {explode}({concat}({array}(claim), covers)) AS claim, source, stance, basis
    FROM attributions
),
stances AS (
    SELECT claim,
           count(DISTINCT CASE WHEN stance = 'asserts' THEN source END) AS n_assert,
           count(DISTINCT CASE WHEN stance = 'denies' THEN source END) AS n_deny
    FROM stated
    GROUP BY claim
),
seeds AS (
    SELECT claim,
           {explode}(CASE WHEN {size}(basis) = 0 THEN {array}(source) ELSE basis END) AS seed
    FROM stated
    WHERE stance = 'asserts'
),
origins AS (
    SELECT s.claim, count(DISTINCT o.origin) AS n_origins
    FROM seeds s
    JOIN source_origins o ON o.source = s.seed
    GROUP BY s.claim
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


def w2_lines(engine):
    """The query giving one W2 line per claim, in `engine`'s dialect."""
    return W2_LINES.format(**ENGINES[engine])
