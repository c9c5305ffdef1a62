"""Shared fixtures: a dataset exported from `datasets/raw` by the binary under test."""
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TABLES = ["articles", "sentences", "entities", "claims"]


def export_bin() -> Path:
    """The binary the Rust tests built (same profile), built now if missing."""
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    path = Path(os.environ.get("EXPORT_BIN", target / "debug" / "export"))
    if not path.exists():
        subprocess.run(["cargo", "build", "-q", "-p", "export"], cwd=ROOT, check=True)
    return path


def run_export(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(export_bin()), *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="session")
def dataset(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export") / "ds"
    result = run_export("--input", "datasets/raw", "--output", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def manifest(dataset) -> dict:
    return json.loads((dataset / "manifest.json").read_text())


@pytest.fixture(autouse=True)
def offline_hf(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))
