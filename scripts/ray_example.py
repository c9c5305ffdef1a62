#!/usr/bin/env python3
"""Export a corpus with Ray Data (local cluster unless RAY_ADDRESS is set), then check it.

    .venv/bin/python scripts/ray_example.py --input datasets/raw --output /tmp/ds-ray [--cpus 2]

Needs the bindings (`bash scripts/build-python.sh`) and the export binary (`cargo build -p
export`, or EXPORT_BIN=...), which finishes the run with `export merge`.
"""
import argparse
import json
import os

import pyarrow.parquet as pq

import newsds.ray


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
    ap.add_argument("--cpus", type=int, default=None, help="CPUs of the local Ray cluster")
    ap.add_argument("--export-bin", default=None)
    args = ap.parse_args()

    if os.environ.get("RAY_ADDRESS"):
        import ray

        ray.init()  # the cluster at RAY_ADDRESS; export() uses it and leaves it running
    manifest = newsds.ray.export(
        args.input, args.output, seed=args.seed, splits=args.split,
        batch_size=args.batch_size, num_cpus=args.cpus, export_bin=args.export_bin,
    )
    print(json.dumps(manifest["counts"], indent=2))
    articles = pq.read_table(os.path.join(args.output, "articles"))
    print(f"{articles.num_rows} articles in {args.output}; splits:",
          articles.group_by("split").aggregate([("article_id", "count")]).to_pylist())


if __name__ == "__main__":
    main()
