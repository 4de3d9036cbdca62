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

Independence (each claim's `independent_origins`, beside W2): two origins of a claim are one
independent origin when they answered to the same body at the time of the statements, joined
transitively. The core wrote, per assertion, each origin with what it answered to then
(`statement_origins`, reading each affiliation's `since` and `until` at the statement's time);
grouping a claim's origins is then finding connected components, done here as rounds of
min-label propagation, each a join and a group-by, until no label changes
(`independent_lines`).

The text is written once, in the SQL both engines read; each engine gives its own spelling of the
few things the two dialects write differently (`ENGINES`).
"""

TABLES = ("claims", "attributions", "source_origins", "statement_origins", "claim_relatives")

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


# Each claim's origins, with what each answered to at the time of the statements tracing back
# to it, pooled over the claim's rewordings as W2 pools its assertions.
CLAIM_BODIES = """
SELECT DISTINCT r.claim, o.origin, o.answers_to
FROM (
    SELECT {explode}({concat}({array}(claim), covers)) AS claim, id
    FROM attributions
    WHERE stance = 'asserts'
) s
JOIN claim_relatives r ON r.relative = s.claim AND r.relation = 'rewording'
JOIN statement_origins o ON o.attribution = s.id
"""

# Every origin starts as its own label.
FIRST_LABELS = "SELECT DISTINCT claim, origin, origin AS label FROM claim_bodies"

# One round: each body takes the smallest label among its origins, then each origin the
# smallest label among its bodies. Labels only fall, and settle on the smallest origin id of
# each group.
NEXT_LABELS = """
WITH body_labels AS (
    SELECT b.claim, b.answers_to, min(l.label) AS label
    FROM claim_bodies b
    JOIN labels l ON l.claim = b.claim AND l.origin = b.origin
    GROUP BY b.claim, b.answers_to
)
SELECT b.claim, b.origin, min(bl.label) AS label
FROM claim_bodies b
JOIN body_labels bl ON bl.claim = b.claim AND bl.answers_to = b.answers_to
GROUP BY b.claim, b.origin
"""

CHANGED = """
SELECT count(*) FROM next_labels n
JOIN labels l ON l.claim = n.claim AND l.origin = n.origin
WHERE n.label <> l.label
"""

INDEPENDENT_LINES = """
SELECT concat(c.id, chr(9), CAST(count(DISTINCT l.label) AS {text})) AS line
FROM claims c
LEFT JOIN labels l ON l.claim = c.id
GROUP BY c.id
"""

# A group of origins joined through a chain of k bodies settles in about k rounds; a graph
# needing more than this many is refused rather than answered wrongly.
MAX_ROUNDS = 64


def independent_lines(engine, table, scalar):
    """Leaves `labels` (claim, origin, label) settled and returns the query giving one line
    `claim<TAB>independent_origins` per claim, in `engine`'s dialect.

    `table(name, sql)` makes `name` a table holding the rows of `sql`; `scalar(sql)` returns the
    single value `sql` selects. Returns (the query, the number of rounds run)."""
    table("claim_bodies", CLAIM_BODIES.format(**ENGINES[engine]))
    table("labels", FIRST_LABELS)
    for rounds in range(1, MAX_ROUNDS + 1):
        table("next_labels", NEXT_LABELS)
        changed = scalar(CHANGED)
        table("labels", "SELECT * FROM next_labels")
        if changed == 0:
            return INDEPENDENT_LINES.format(**ENGINES[engine]), rounds
    raise RuntimeError("the origins' groups did not settle in %d rounds" % MAX_ROUNDS)
