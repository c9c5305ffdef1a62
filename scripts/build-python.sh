#!/usr/bin/env bash
# Builds the Python bindings (crates/python) into .venv as the editable package `newsds`.
# Dev profile, like every other build of CI (dependencies are optimised by the workspace's
# profile settings). Run from anywhere; expects the venv made by `scripts/setup-venv.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/maturin develop -m crates/python/Cargo.toml "$@"
