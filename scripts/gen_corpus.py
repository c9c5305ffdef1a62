#!/usr/bin/env python3
"""Deterministic corpus generator for benchmarks and scale tests (standard library only).

Builds a corpus of about --mb megabytes from the seed articles in datasets/raw/seeds: new
articles are assembled from the seeds' sentences of one language (so the language mix, the
sentence lengths and the vocabulary stay those of real articles), then given the seeds' kinds
of mess: titles and timestamp lines, duplicated titles, share counters, split drop caps,
teaser blocks, translator credits and copyright lines, CRLF line ends, no-break spaces,
missing spaces, and a few near-duplicate re-reports. The same --seed and --mb always give
byte-identical files.

    python3 scripts/gen_corpus.py --mb 100 --out /tmp/corpus-100mb [--seed 1] [--jsonl-share 0.5]

Output: <out>/txt/NNNNNN/*.txt (one article a file, 1000 files a folder) and
<out>/jsonl/part-NNNNN.jsonl (one article a line, ~64 MB a file).
"""
import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "datasets" / "raw" / "seeds"
LANG_OF = {"000": "en", "001": "en", "002": "en", "003": "id", "004": "ar"}
# The seeds' mix, weighted towards the languages' share in a typical crawl of these outlets.
LANG_WEIGHTS = {"en": 0.6, "id": 0.25, "ar": 0.15}

SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+(?=[\"“«A-Z\u0600-\u06FF])")


def seed_material():
    sentences = {"en": [], "id": [], "ar": []}
    titles = {"en": [], "id": [], "ar": []}
    for path in sorted(SEEDS.glob("*.txt")):
        lang = LANG_OF[path.name[:3]]
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            if not re.search(r"[.!?؟\"”]$", line) and len(line) < 120:
                titles[lang].append(line)
                continue
            sentences[lang].extend(s for s in SENTENCE_END.split(line) if len(s) > 20)
    for lang in titles:
        if not titles[lang]:
            titles[lang] = [s.rstrip(".") for s in sentences[lang][:5] if len(s) < 140] or ["News"]
    return sentences, titles


def article(rng, lang, sentences, titles, n, min_bytes=0):
    pool = sentences[lang]
    title = rng.choice(titles[lang])
    paragraphs = []
    for _ in range(rng.randint(3, 9)):
        paragraphs.append(" ".join(rng.choice(pool) for _ in range(rng.randint(1, 4))))
    # Long articles (--article-kb): more paragraphs of the same kind until the size is reached.
    body = sum(len(p) + 2 for p in paragraphs)
    while body < min_bytes:
        paragraphs.append(" ".join(rng.choice(pool) for _ in range(rng.randint(1, 4))))
        body += len(paragraphs[-1]) + 2
    lines = [title]
    if rng.random() < 0.15:
        lines.append(title)  # duplicated title
    if lang == "en" and rng.random() < 0.5:
        lines.append(f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}")
    if rng.random() < 0.1:
        lines.append(f"SHARE: READ: {rng.randint(10, 9999)}     22:53     0{rng.randint(1, 9)} June 2021    ")
    lines.append("")
    if lang == "en" and rng.random() < 0.1 and len(paragraphs[0]) > 2 and paragraphs[0][1].isalpha():
        paragraphs[0] = paragraphs[0][0] + " " + paragraphs[0][1:]  # split drop cap
    if lang == "id" and rng.random() < 0.7:
        paragraphs[0] = "Jakarta (ANTARA) - " + paragraphs[0]
    for p in paragraphs:
        if rng.random() < 0.05:
            p = p.replace(". ", ".", 1)  # missing space
        if rng.random() < 0.05:
            p = p.replace(" ", "\u00a0", 1)  # no-break space
        lines.extend([p, ""])
    if lang == "en" and rng.random() < 0.2:
        for _ in range(rng.randint(3, 6)):
            lines.extend([rng.choice(titles["en"]), "", rng.choice(pool), ""])
    if lang == "id" and rng.random() < 0.8:
        lines.extend(["Penerjemah: Xinhua", f"Editor: Redaksi {n % 97}", f"Copyright © ANTARA {2015 + n % 9}"])
    text = "\n".join(lines) + "\n"
    if rng.random() < 0.05:
        text = text.replace("\n", "\r\n")
    return title, text


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, required=True, help="approximate corpus size in MB")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jsonl-share", type=float, default=0.5, help="share of articles written to JSONL")
    ap.add_argument("--article-kb", type=float, default=0,
                    help="make every article at least this many KB (long documents; default: news-sized)")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    sentences, titles = seed_material()
    target = int(args.mb * 1_000_000)
    (args.out / "txt").mkdir(parents=True, exist_ok=True)
    (args.out / "jsonl").mkdir(parents=True, exist_ok=True)
    langs, weights = zip(*LANG_WEIGHTS.items())
    written, n, part, part_bytes = 0, 0, 0, 0
    jsonl = open(args.out / "jsonl" / f"part-{part:05d}.jsonl", "w", encoding="utf-8", newline="")
    previous = None
    while written < target:
        lang = rng.choices(langs, weights)[0]
        if previous is not None and rng.random() < 0.02:
            title, text = previous[0], previous[1].replace(". ", ".  ", 2)  # near-duplicate re-report
        else:
            title, text = article(rng, lang, sentences, titles, n, int(args.article_kb * 1000))
        previous = (title, text)
        if rng.random() < args.jsonl_share:
            line = json.dumps({"id": f"gen-{n:08d}", "text": text, "lang": None if rng.random() < 0.7 else lang},
                              ensure_ascii=False) + "\n"
            jsonl.write(line)
            size = len(line.encode("utf-8"))
            part_bytes += size
            if part_bytes > 64_000_000:
                jsonl.close()
                part, part_bytes = part + 1, 0
                jsonl = open(args.out / "jsonl" / f"part-{part:05d}.jsonl", "w", encoding="utf-8", newline="")
        else:
            folder = args.out / "txt" / f"{n // 1000:06d}"
            folder.mkdir(exist_ok=True)
            data = text.encode("utf-8")
            (folder / f"{n:08d}.txt").write_bytes(data)
            size = len(data)
        written += size
        n += 1
    jsonl.close()
    print(json.dumps({"articles": n, "bytes": written, "out": str(args.out)}))


if __name__ == "__main__":
    main()
