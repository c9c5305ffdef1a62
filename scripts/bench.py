#!/usr/bin/env python3
"""Benchmark of the whole pipeline against the I/O floor (standard library only).

    python3 scripts/bench.py --mb 100 [--mb 1000] [--results bench/RESULTS.md]

For each size: generates (or reuses) a deterministic corpus with scripts/gen_corpus.py, builds
the release binaries, then runs, each under /usr/bin/time -v for wall time and peak memory:
  - floor: reads the corpus and writes one Parquet table of (id, text), zstd, all cores;
  - export with --threads 1, and export with all cores (with --timings for the stages).
Prints a Markdown table and appends it, with the machine and input, to the results file.
"""
import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_timed(cmd):
    """Runs cmd under GNU time; returns (wall seconds, peak RSS MiB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        proc = subprocess.run(["/usr/bin/time", "-v", "-o", t.name, *cmd], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode not in (0, 3):
            sys.exit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr[-2000:]}")
        report = t.read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", report).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    rss_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))
    return seconds, rss_kib / 1024


def corpus_bytes(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
        mem = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, {platform.system()} {platform.release()}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, action="append", help="corpus size(s) in MB (default 100)")
    ap.add_argument("--article-kb", type=float, default=0,
                    help="articles of at least this many KB (gen_corpus.py --article-kb), for long documents")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsds-bench")
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = ap.parse_args()
    sizes = args.mb or [100.0]
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "export", "-p", "floor"], cwd=ROOT, check=True)
    release = ROOT / "target" / "release"
    lines = [
        f"\n## {machine()}\n",
        "| input | run | wall s | MB/s | articles/s | peak MiB | read s | parse s | label s | collect s "
        "| write s (waited) | finish s (merge: sign / cluster / rewrite / finalize) | vs floor |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for mb in sizes:
        long_args = ["--article-kb", f"{args.article_kb:g}"] if args.article_kb else []
        corpus = args.work / (f"corpus-{mb:g}mb" + (f"-{args.article_kb:g}kb" if args.article_kb else ""))
        if not corpus.exists():
            subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_corpus.py"), "--mb", str(mb),
                            "--out", str(corpus), *long_args], check=True, stdout=subprocess.DEVNULL)
        size_mb = corpus_bytes(corpus) / 1e6
        floor_out = args.work / "floor.parquet"
        floor_s, floor_rss = run_timed([str(release / "floor"), str(corpus), str(floor_out)])
        floor_mbs = size_mb / floor_s
        label = f"gen_corpus.py --mb {mb:g} {' '.join(long_args)} ({size_mb:.0f} MB)".replace("  ", " ")
        lines.append(f"| {label} | floor | {floor_s:.1f} | {floor_mbs:.1f} | | {floor_rss:.0f} | | | | | | | 1.00 |")
        for threads in (1, os.cpu_count()):
            out = args.work / f"out-{threads}"
            timings = args.work / f"timings-{threads}.json"
            wall, rss = run_timed([str(release / "export"), "--input", str(corpus), "--output", str(out),
                                   "--threads", str(threads), "--quiet", "--timings", str(timings)])
            t = json.loads(timings.read_text())
            m = t["merge"]
            mbs = size_mb / wall
            lines.append(
                f"| {label} | export --threads {threads} | {wall:.1f} | {mbs:.1f} | {t['articles'] / wall:.0f} | {rss:.0f} "
                f"| {t['read']:.1f} | {t['parse']:.1f} | {t['label']:.1f} | {t['collect']:.1f} "
                f"| {t['write']:.1f} ({t['write_wait']:.1f}) "
                f"| {t['finish']:.1f} ({m['sign']:.1f} / {m['cluster']:.1f} / {m['rewrite']:.1f} / {m['finalize']:.1f}) "
                f"| {mbs / floor_mbs:.2f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    if not args.results.exists():
        args.results.write_text("# Benchmark results\n\nWritten by `python3 scripts/bench.py`; newest last. "
                                "`vs floor` is the run's MB/s over the floor's.\n")
    with open(args.results, "a") as f:
        f.write(text)


if __name__ == "__main__":
    main()
