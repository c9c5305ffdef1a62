#!/usr/bin/env bash
# Runs every test: Rust unit, integration and end-to-end tests, then the Python tests that
# load the exported Parquet as users do. Expects the venv made by `scripts/setup-venv.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
cargo test --workspace   # also builds target/debug/export, which the Python tests run
bash scripts/build-python.sh --quiet   # the `newsds` bindings the Python tests import
"$PY" -m pytest -q tests
