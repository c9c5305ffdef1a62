#!/usr/bin/env python3
"""Writes datasets/parse/whatlang_profiles.tsv: the alphabets and trigram profiles of the
Latin-script languages and the trigram profiles of the Arabic-script languages, copied from
whatlang 0.18's `src/alphabets/latin.rs` and `src/trigrams/profiles.rs` (MIT), which the crate
keeps private. `parse::lang_scores` scores these profiles itself (see there why).

    python3 scripts/whatlang_profiles.py ~/.cargo/registry/src/*/whatlang-0.18.0/src
"""
import re
import sys

root = sys.argv[1]
alphabets = open(f"{root}/alphabets/latin.rs", encoding="utf-8").read()
src = open(f"{root}/trigrams/profiles.rs", encoding="utf-8").read()


def profiles(name):
    part = src[src.index(f"pub static {name}"):]
    part = part[: part.index("pub static", 10)]
    for m in re.finditer(r"Lang::(\w+),\s*&\[(.*?)\]", part, re.S):
        tris = re.findall(r"Trigram\('(.)', '(.)', '(.)'\)", m.group(2))
        assert len(tris) == 300, (m.group(1), len(tris))
        yield m.group(1), ["".join(t) for t in tris]


out = [
    "# whatlang 0.18 alphabets (Latin) and trigram profiles (MIT); written by",
    "# scripts/whatlang_profiles.py. Columns: script, language, then `alphabet` and its",
    "# letters, or a trigram (spaces are part of it), most frequent first.",
]
for lang, tris in profiles("LATIN_LANGS"):
    letters = re.search(r'const %s: &str =\s*"(.*?)";' % lang.upper(), alphabets, re.S).group(1)
    out.append(f"latin\t{lang.lower()}\talphabet\t{letters}")
    out += [f"latin\t{lang.lower()}\t{t}" for t in tris]
for lang, tris in profiles("ARABIC_LANGS"):
    out += [f"arabic\t{lang.lower()}\t{t}" for t in tris]
open("datasets/parse/whatlang_profiles.tsv", "w", encoding="utf-8").write("\n".join(out) + "\n")
