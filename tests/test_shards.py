"""Job arrays: `export --shard i/n` for i in 0..3, then `export merge`, loaded as users load it,
equal the one-shot run: the same Parquet bytes, hence the same rows, ids, splits and labels."""
import json
from pathlib import Path

import pyarrow.parquet as pq

from conftest import TABLES, run_export


def parquet_files(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.parquet"))}


def test_three_shards_merged_equal_the_one_shot_run(tmp_path, dataset):
    shards = []
    for i in range(3):
        out = tmp_path / f"shard-{i}"
        result = run_export("--input", "datasets/raw", "--output", str(out), "--shard", f"{i}/3", "--quiet")
        assert result.returncode == 0, result.stderr
        manifest = json.loads((out / "manifest.json").read_text())
        assert manifest["kind"] == "shard" and manifest["shard"] == {"index": i, "count": 3}
        shards.append(out)
    # The five seeds are spread over the shards; together they hold each article once.
    ids = [pq.read_table(s / "articles").column("article_id").to_pylist() for s in shards]
    assert sum(len(x) for x in ids) == 5 and len(set().union(*map(set, ids))) == 5
    assert sum(1 for x in ids if x) >= 2, "the seeds all fell in one shard"

    merged = tmp_path / "merged"
    result = run_export("merge", *map(str, reversed(shards)), "--output", str(merged))
    assert result.returncode == 0, result.stderr
    one, two = parquet_files(dataset), parquet_files(merged)
    assert one.keys() == two.keys()
    for name in one:
        assert one[name] == two[name], f"{name} differs"
    for table in TABLES:
        a = pq.read_table(dataset / table).sort_by([("article_id", "ascending")])
        b = pq.read_table(merged / table).sort_by([("article_id", "ascending")])
        assert a.equals(b) and a.num_rows > 0
    assert (dataset / "manifest.json").read_text() == (merged / "manifest.json").read_text()


def test_merge_reads_parts_rewritten_by_pyarrow_with_snappy(tmp_path, dataset):
    """An engine may write its parts with pyarrow's defaults (snappy): the merge is the same."""
    shard = tmp_path / "shard"
    result = run_export("--input", "datasets/raw", "--output", str(shard), "--shard", "0/1", "--quiet")
    assert result.returncode == 0, result.stderr
    for path in shard.rglob("*.parquet"):
        table = pq.read_table(path)
        pq.write_table(table, path, compression="snappy", use_compliant_nested_type=False)
        assert pq.ParquetFile(path).metadata.row_group(0).column(0).compression == "SNAPPY"
    # The manifest's checksums no longer match: merge trusts rows, not bytes, of its shards.
    merged = tmp_path / "merged"
    result = run_export("merge", str(shard), "--output", str(merged))
    assert result.returncode == 0, result.stderr
    one, two = parquet_files(dataset), parquet_files(merged)
    assert one == two
