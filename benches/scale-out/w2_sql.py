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

Relations between claims are followed as the core follows them, from `claim_relatives` (graph
work claimgraph did once per claim): a claim's statements are pooled with those of its
rewordings (same-as, relation `rewording`, which lists the claim itself too); an assertion of a
specialization, or a denial of a claim it specializes, makes it disputed without being counted
among its asserters or deniers.

The text is written once, in the SQL both engines read; each engine gives its own spelling of the
few things the two dialects write differently (`ENGINES`).
"""

TABLES = ("claims", "attributions", "source_origins", "claim_relatives")

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
pooled AS (
    SELECT r.claim, s.source, s.stance, s.basis
    FROM stated s
    JOIN claim_relatives r ON r.relative = s.claim AND r.relation = 'rewording'
),
stances AS (
    SELECT claim,
           count(DISTINCT CASE WHEN stance = 'asserts' THEN source END) AS n_assert,
           count(DISTINCT CASE WHEN stance = 'denies' THEN source END) AS n_deny
    FROM pooled
    GROUP BY claim
),
carried AS (
    SELECT r.claim,
           max(CASE WHEN s.stance = 'asserts' THEN 1 ELSE 0 END) AS asserted,
           max(CASE WHEN s.stance = 'denies' THEN 1 ELSE 0 END) AS denied
    FROM stated s
    JOIN claim_relatives r ON r.relative = s.claim
    WHERE (r.relation = 'specialization' AND s.stance = 'asserts')
       OR (r.relation = 'generalization' AND s.stance = 'denies')
    GROUP BY r.claim
),
seeds AS (
    SELECT claim,
           {explode}(CASE WHEN {size}(basis) = 0 THEN {array}(source) ELSE basis END) AS seed
    FROM pooled
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
           (coalesce(s.n_assert, 0) > 0 OR coalesce(k.asserted, 0) = 1)
               AND (coalesce(s.n_deny, 0) > 0 OR coalesce(k.denied, 0) = 1) AS disputed,
           coalesce(o.n_origins, 0) AS n_origins
    FROM claims c
    LEFT JOIN stances s ON s.claim = c.id
    LEFT JOIN carried k ON k.claim = c.id
    LEFT JOIN origins o ON o.claim = c.id
)
SELECT concat(claim, chr(9), CAST(n_assert AS {text}), chr(9), CAST(n_deny AS {text}), chr(9),
              CASE WHEN disputed THEN '1' ELSE '0' END, chr(9),
              CAST(n_origins AS {text})) AS line
FROM w2
"""


def w2_lines(engine):
    """The query giving one W2 line per claim, in `engine`'s dialect."""
    return W2_LINES.format(**ENGINES[engine])
