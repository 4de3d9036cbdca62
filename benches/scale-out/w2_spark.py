#!/usr/bin/env python3
"""W2 with PySpark in local mode, over the Parquet tables `claimgraph` wrote into DIR.

    python w2_spark.py DIR [DIR ...] [--master local[2]] [--driver-memory 4g]

Local mode stands in for a cluster: the same job, submitted with another master, runs there
unchanged. One session serves every DIR (starting one costs far more than the job at small
sizes). For each DIR, prints a JSON line with the row count and the seconds the session start
and the query took, and the digest of each claim's independent origins
(`independent_sha256_16`, grouped from `statement_origins` as w2_sql.py says); then the W2 digest (sha256_16) of each DIR alone on a line, in order, so with
one DIR the last line is its digest. Only the tables are read.
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from w2_sql import TABLES, independent_lines, w2_lines  # noqa: E402


# A query's number of lines, and the first 16 hex digits of the SHA-256 of its sorted lines
# joined by newlines.
DIGEST = ("SELECT count(*) AS n, "
          "substr(sha2(concat_ws(chr(10), array_sort(collect_list(line))), 256), 1, 16) AS d "
          "FROM (%s)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", metavar="DIR")
    ap.add_argument("--master", default="local[%d]" % (os.cpu_count() or 1))
    ap.add_argument("--driver-memory", default="4g")
    ap.add_argument("--shuffle-partitions", type=int, default=8)
    a = ap.parse_args()
    t0 = time.perf_counter()
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(a.master)
        .appName("claimgraph-w2")
        .config("spark.driver.memory", a.driver_memory)
        .config("spark.sql.shuffle.partitions", str(a.shuffle_partitions))
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    session_s = time.perf_counter() - t0

    def table(name, sql):
        # Checkpointed, so that the rounds of label propagation do not stack up one plan.
        spark.sql(sql).localCheckpoint().createOrReplaceTempView(name)

    digests = []
    for folder in a.dirs:
        t1 = time.perf_counter()
        for t in TABLES:
            spark.read.parquet(os.path.join(os.path.abspath(folder), t + ".parquet")) \
                .createOrReplaceTempView(t)
        t2 = time.perf_counter()
        row = spark.sql(DIGEST % w2_lines("spark")).collect()[0]
        t3 = time.perf_counter()
        query, rounds = independent_lines("spark", table, lambda sql: spark.sql(sql).collect()[0][0])
        independent = spark.sql(DIGEST % query).collect()[0]["d"]
        t4 = time.perf_counter()
        print(json.dumps({"engine": "spark", "spark": spark.version, "master": a.master,
                          "dir": folder, "claims": row["n"], "session_s": session_s,
                          "setup_s": session_s + t2 - t1, "w2_s": t3 - t2,
                          "independent_sha256_16": independent, "independence_rounds": rounds,
                          "independence_s": t4 - t3}))
        digests.append(row["d"])
    spark.stop()
    for d in digests:
        print(d)


if __name__ == "__main__":
    main()
