#!/usr/bin/env python3
"""W2 with DuckDB, in process, over the Parquet tables `claimgraph` wrote into DIR.

    python w2_duckdb.py DIR [--threads N]

Prints a JSON line with the row count and the seconds the query took, then the W2 digest
(sha256_16) alone as the last line. Only the tables are read: no claimgraph code runs here.
"""
import argparse
import json
import os
import sys
import time

import duckdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from w2_sql import TABLES, W2_LINES  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    t0 = time.perf_counter()
    con = duckdb.connect()
    con.execute("SET threads = %d" % a.threads)
    for t in TABLES:
        path = os.path.join(a.dir, t + ".parquet").replace("'", "''")
        con.execute("CREATE VIEW %s AS SELECT * FROM read_parquet('%s')" % (t, path))
    lines = W2_LINES.format(text="VARCHAR")
    t1 = time.perf_counter()
    rows, digest = con.execute(
        "SELECT count(*), substr(sha256(string_agg(line, chr(10) ORDER BY line)), 1, 16) "
        "FROM (%s)" % lines
    ).fetchone()
    t2 = time.perf_counter()
    print(json.dumps({"engine": "duckdb", "duckdb": duckdb.__version__, "threads": a.threads,
                      "claims": rows, "setup_s": t1 - t0, "w2_s": t2 - t1}))
    print(digest)


if __name__ == "__main__":
    main()
