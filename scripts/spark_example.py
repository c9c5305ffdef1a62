#!/usr/bin/env python3
"""Export a corpus with Spark (`mapInArrow`), then load the result with Spark.

    .venv/bin/python scripts/spark_example.py --input datasets/raw --output /tmp/ds-spark \
        [--master local[2]]

Needs the bindings (`bash scripts/build-python.sh`), Java 17 for pyspark, and the export
binary (`cargo build -p export`, or EXPORT_BIN=...), which finishes the run with
`export merge`.
"""
import argparse
import json
import os
import sys

from pyspark.sql import SparkSession

import newsds.spark


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--input", action="append", required=True,
                    help="file or directory (repeatable)")
    ap.add_argument("--output", required=True)
    ap.add_argument("--seed", type=int, default=newsds.DEFAULT_SEED)
    ap.add_argument("--split", default=newsds.DEFAULT_SPLITS)
    ap.add_argument("--batch-size", type=int, default=512)
    ap.add_argument("--master", default="local[*]")
    ap.add_argument("--export-bin", default=None)
    args = ap.parse_args()

    # Python workers must be able to import newsds: run them with this interpreter.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master(args.master).appName("newsds-example")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        manifest = newsds.spark.export(
            args.input, args.output, spark=spark, seed=args.seed, splits=args.split,
            batch_size=args.batch_size, export_bin=args.export_bin,
        )
        print(json.dumps(manifest["counts"], indent=2))
        articles = spark.read.parquet(os.path.join(args.output, "articles"))
        articles.groupBy("split", "lang").count().orderBy("split", "lang").show()
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
