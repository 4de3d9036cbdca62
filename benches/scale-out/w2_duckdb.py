#!/usr/bin/env python3
"""W2 with DuckDB, in process, over the Parquet tables `claimgraph` wrote into DIR.

    python w2_duckdb.py DIR [DIR ...] [--threads N]

For each DIR, prints a JSON line with the row count, the seconds the query took and the digest
of each claim's independent origins (`independent_sha256_16`, grouped from `statement_origins`
as w2_sql.py says); then the
W2 digest (sha256_16) of each DIR alone on a line, in order, so with one DIR the last line is its
digest. Only the tables are read: no claimgraph code runs here.
"""
import argparse
import json
import os
import sys
import time

import duckdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from w2_sql import TABLES, independent_lines, w2_lines  # noqa: E402


# A query's number of lines, and the first 16 hex digits of the SHA-256 of its sorted lines
# joined by newlines.
DIGEST = "SELECT count(*), substr(sha256(string_agg(line, chr(10) ORDER BY line)), 1, 16) FROM (%s)"


def w2(con, folder, threads):
    t0 = time.perf_counter()
    for t in TABLES:
        path = os.path.join(folder, t + ".parquet").replace("'", "''")
        con.execute("CREATE OR REPLACE VIEW %s AS SELECT * FROM read_parquet('%s')" % (t, path))
    t1 = time.perf_counter()
    rows, digest = con.execute(DIGEST % w2_lines("duckdb")).fetchone()
    t2 = time.perf_counter()
    query, rounds = independent_lines(
        "duckdb",
        lambda name, sql: con.execute("CREATE OR REPLACE TEMP TABLE %s AS %s" % (name, sql)),
        lambda sql: con.execute(sql).fetchone()[0],
    )
    independent = con.execute(DIGEST % query).fetchone()[1]
    t3 = time.perf_counter()
    print(json.dumps({"engine": "duckdb", "duckdb": duckdb.__version__, "threads": threads,
                      "dir": folder, "claims": rows, "setup_s": t1 - t0, "w2_s": t2 - t1,
                      "independent_sha256_16": independent, "independence_rounds": rounds,
                      "independence_s": t3 - t2}))
    return digest


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", metavar="DIR")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    con = duckdb.connect()
    con.execute("SET threads = %d" % a.threads)
    digests = [w2(con, d, a.threads) for d in a.dirs]
    for d in digests:
        print(d)


if __name__ == "__main__":
    main()
