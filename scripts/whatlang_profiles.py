#!/usr/bin/env python3
"""Writes datasets/parse/whatlang_latin.tsv: the alphabets and trigram profiles of the
Latin-script languages, copied from whatlang 0.18's
`src/alphabets/latin.rs` and `src/trigrams/profiles.rs` (MIT), which the crate keeps private. `parse::latin` scores these
profiles itself (see there why).

    python3 scripts/whatlang_profiles.py ~/.cargo/registry/src/*/whatlang-0.18.0/src
"""
import re
import sys

root = sys.argv[1]
alphabets = open(f"{root}/alphabets/latin.rs", encoding="utf-8").read()
src = open(f"{root}/trigrams/profiles.rs", encoding="utf-8").read()
latin = src[src.index("pub static LATIN_LANGS"):]
latin = latin[: latin.index("pub static", 10)]
out = [
    "# whatlang 0.18 Latin alphabets and trigram profiles (MIT); written by",
    "# scripts/whatlang_profiles.py. Columns: language, then `alphabet` and its letters, or a",
    "# trigram (spaces are part of it), most frequent first.",
]
for m in re.finditer(r"Lang::(\w+),\s*&\[(.*?)\]", latin, re.S):
    lang, body = m.group(1), m.group(2)
    letters = re.search(r'const %s: &str =\s*"(.*?)";' % lang.upper(), alphabets, re.S).group(1)
    out.append(f"{lang.lower()}\talphabet\t{letters}")
    tris = re.findall(r"Trigram\('(.)', '(.)', '(.)'\)", body)
    assert len(tris) == 300, (lang, len(tris))
    out += [f"{lang.lower()}\t{''.join(t)}" for t in tris]
open("datasets/parse/whatlang_latin.tsv", "w", encoding="utf-8").write("\n".join(out) + "\n")
