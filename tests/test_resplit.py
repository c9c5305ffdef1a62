"""Resplitting: reproducible, changes with the seed, keeps every row, and is loadable."""
import hashlib
import json
import shutil

import polars as pl

from conftest import TABLES, run_export


def file_hashes(root):
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*.parquet"))
    }


def test_resplit_with_the_same_seed_reproduces_the_files(dataset, tmp_path):
    copy = tmp_path / "ds"
    shutil.copytree(dataset, copy)
    seed = json.loads((dataset / "manifest.json").read_text())["config"]["seed"]
    result = run_export("resplit", str(copy), "--seed", str(seed))
    assert result.returncode == 0, result.stderr
    assert file_hashes(copy) == file_hashes(dataset)
    assert (copy / "manifest.json").read_text() == (dataset / "manifest.json").read_text()


def test_resplit_twice_gives_identical_bytes_and_keeps_every_row(dataset, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(dataset, a)
    shutil.copytree(dataset, b)
    for d in (a, b):
        result = run_export("resplit", str(d), "--seed", "7", "--split", "train=0.5,test=0.5")
        assert result.returncode == 0, result.stderr
    assert file_hashes(a) == file_hashes(b)
    manifest = json.loads((a / "manifest.json").read_text())
    assert manifest["config"]["seed"] == 7
    assert set(manifest["counts"]["rows"]["articles"]) == {"train", "test"}
    verify = run_export("verify", str(a))
    assert verify.returncode == 0, verify.stderr

    before = pl.read_parquet(str(dataset / "articles" / "*.parquet")).select("article_id", "split")
    after = pl.read_parquet(str(a / "articles" / "*.parquet")).select("article_id", "split")
    assert sorted(before["article_id"]) == sorted(after["article_id"])
    # Every row of every table is still there, in the split of its article.
    for table in TABLES:
        old = pl.read_parquet(str(dataset / table / "*.parquet"))
        new = pl.read_parquet(str(a / table / "*.parquet"))
        assert old.height == new.height
        joined = new.join(after.rename({"split": "article_split"}), on="article_id")
        assert (joined["split"] == joined["article_split"]).all()
