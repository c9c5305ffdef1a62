#!/usr/bin/env python3
"""Overhead of the engines: the same corpus through `export` (one process, all cores) and
through the Ray Data and Spark helpers (local, all cores), each finished by `export merge`.

    .venv/bin/maturin develop --release -m crates/python/Cargo.toml   # release bindings
    .venv/bin/python scripts/bench_engines.py --mb 20 [--results bench/RESULTS.md]

Uses the release `export` (built here) for every run, checks that the three datasets hold
the same Parquet bytes, and appends a table (wall seconds, MB/s, ratio to `export`) with the
machine and input to the results file. Run `bash scripts/build-python.sh` afterwards to go
back to the dev build the tests use.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from bench import corpus_bytes, machine  # noqa: E402


def parquet_bytes(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.parquet"))}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsds-bench")
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "export"], cwd=ROOT, check=True)
    export_bin = str(ROOT / "target" / "release" / "export")
    os.environ["EXPORT_BIN"] = export_bin
    corpus = args.work / f"corpus-{args.mb:g}mb"
    if not corpus.exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_corpus.py"), "--mb", str(args.mb),
                        "--out", str(corpus)], check=True, stdout=subprocess.DEVNULL)
    size_mb = corpus_bytes(corpus) / 1e6
    cpus = os.cpu_count()

    import newsds.ray
    import newsds.spark

    def run_export(out):
        proc = subprocess.run([export_bin, "-q", "--input", str(corpus), "--output", str(out)],
                              capture_output=True, text=True)
        if proc.returncode not in (0, 3):
            sys.exit(proc.stderr)

    runs = [
        ("export (one process)", run_export),
        ("Ray Data, local", lambda out: newsds.ray.export([str(corpus)], str(out), num_cpus=cpus)),
        ("Spark, local[*]", lambda out: newsds.spark.export([str(corpus)], str(out),
                                                            master=f"local[{cpus}]")),
    ]
    results, outputs = [], []
    for name, fn in runs:
        out = args.work / f"engines-{len(outputs)}"
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        fn(out)
        wall = time.perf_counter() - start
        results.append((name, wall))
        outputs.append(out)
    same = all(parquet_bytes(o) == parquet_bytes(outputs[0]) for o in outputs[1:])
    base = results[0][1]
    lines = [
        f"\n## Engines: {machine()}\n",
        f"Input: gen_corpus.py --mb {args.mb:g} ({size_mb:.0f} MB); release `export` and release "
        f"bindings; {cpus} CPUs; the three datasets byte-identical: {same}.\n",
        "| run | wall s | MB/s | vs export |",
        "|---|---|---|---|",
    ]
    for name, wall in results:
        lines.append(f"| {name} | {wall:.1f} | {size_mb / wall:.2f} | {base / wall:.2f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    with open(args.results, "a") as f:
        f.write(text)
    if not same:
        sys.exit("the engines' datasets differ")


if __name__ == "__main__":
    main()
