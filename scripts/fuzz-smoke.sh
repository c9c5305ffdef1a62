#!/usr/bin/env bash
# A short, bounded fuzz run of every target (CI). Longer runs: see README "Fuzzing".
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-30}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install --locked cargo-fuzz
export RUSTC_BOOTSTRAP=1
for target in parse_article jsonl_line; do
  mkdir -p "corpus/$target"
  # Seed the corpus with the sample articles so the fuzzer starts from real text.
  cp ../datasets/raw/seeds/*.txt "corpus/$target/" 2>/dev/null || true
  cargo fuzz run "$target" "corpus/$target" -- -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=4096
done
echo "fuzz smoke: no crash in ${SECONDS_PER_TARGET}s per target"
