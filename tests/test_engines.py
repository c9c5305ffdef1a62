"""The Ray Data and Spark helpers (`newsds.ray`, `newsds.spark`), run locally on 2 CPUs: the
dataset they write (a shard dataset of many parts, finished by `export merge`) equals what a
one-shot `export` writes for the same inputs and seed, row for row as users load it and byte
for byte, rejects included."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.json as pajson
import pyarrow.parquet as pq
import pytest

import newsds
import newsds.ray
import newsds.spark
from newsds import engines
from conftest import ROOT, TABLES, export_bin, run_export

ID_COLUMNS = {"articles": "article_id", "sentences": "sentence_id",
              "entities": "entity_id", "claims": "claim_id"}
# Small groups, so that a corpus becomes many parts (streams) that merge must interleave.
GROUP_BYTES = 400_000

BAD_LINES = "\n".join([
    '{"id": "bad-1", "text": "A fine article about the harbour. The mayor said it opened."}',
    '{not json at all',
    '[1, 2, 3]',
    '{"id": "bad-2"}',
    '{"id": "bad-3", "text": 42}',
    '{"id": "bad-4", "text": "   "}',
    '',
    '{"id": "bad-1", "text": "The same id again. It is rejected as a duplicate."}',
    '{"id": "bad-5", "title": 5, "text": "A title of the wrong type. Rejected."}',
    '{"text": "A fine article about the harbour. The mayor said it opened."}',
]) + "\n"


def add_bad_inputs(root: Path) -> None:
    """Inputs every engine must turn into rejects rather than crashes."""
    bad = root / "bad"
    bad.mkdir()
    (bad / "lines.jsonl").write_text(BAD_LINES)
    (bad / "empty.txt").write_text("  \n")
    (bad / "notes.csv").write_text("a,b\n")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    os.symlink(root, bad / "loop")


@pytest.fixture(scope="module")
def export_for():
    """`export` (one shot) of some inputs, once per set of inputs."""
    cache = {}

    def run(key: str, inputs, tmp: Path) -> Path:
        if key not in cache:
            out = tmp / f"export-{key}"
            args = [a for i in inputs for a in ("--input", str(i))]
            result = run_export(*args, "--output", str(out), "--quiet")
            assert result.returncode in (0, 3), result.stderr
            cache[key] = out
        return cache[key]

    return run


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """~2.5k generated articles (.txt and .jsonl) plus bad inputs."""
    root = tmp_path_factory.mktemp("corpus") / "in"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_corpus.py"), "--mb", "8.5",
                    "--out", str(root)], check=True, capture_output=True)
    add_bad_inputs(root)
    return root


@pytest.fixture(scope="module")
def corpus_export(corpus, export_for, tmp_path_factory) -> Path:
    return export_for("corpus", [corpus], tmp_path_factory.mktemp("exports"))


@pytest.fixture(scope="module")
def ray_local():
    ray = pytest.importorskip("ray")
    import logging

    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.WARNING,
             log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def spark_local():
    pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master("local[2]").appName("newsds-tests")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()


def files_of(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def assert_same_dataset(expected: Path, got: Path) -> None:
    """Row for row (as users load it: pyarrow, sorted by id, every column) and byte for byte
    (every file: Parquet, rejects, manifest, card)."""
    for table in TABLES:
        a = pq.read_table(expected / table).sort_by(ID_COLUMNS[table])
        b = pq.read_table(got / table).sort_by(ID_COLUMNS[table])
        assert a.num_rows == b.num_rows, table
        assert a.schema.equals(b.schema, check_metadata=True), table
        for column in a.column_names:
            assert a.column(column).equals(b.column(column)), f"{table}.{column} differs"
    assert (expected / "rejects.jsonl").read_text() == (got / "rejects.jsonl").read_text()
    one, two = files_of(expected), files_of(got)
    assert one.keys() == two.keys()
    different = [name for name in one if one[name] != two[name]]
    assert not different, f"files differ: {different}"


def test_ray_on_the_seeds_equals_export(dataset, ray_local, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    manifest = newsds.ray.export(["datasets/raw"], str(tmp_path / "out"),
                                 export_bin=str(export_bin()))
    assert manifest["counts"]["articles_written"] == 5
    assert_same_dataset(dataset, tmp_path / "out")
    assert not list(tmp_path.glob(".out.shard-*")), "the shard dataset was not removed"


def test_spark_on_the_seeds_equals_export(dataset, spark_local, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    newsds.spark.export(["datasets/raw"], str(tmp_path / "out"), spark=spark_local,
                        export_bin=str(export_bin()))
    assert_same_dataset(dataset, tmp_path / "out")


def test_ray_on_a_corpus_with_bad_inputs_equals_export(corpus, corpus_export, ray_local, tmp_path):
    shard = tmp_path / "shard"
    manifest = newsds.ray.export([str(corpus)], str(tmp_path / "out"), shard_dir=str(shard),
                                 group_bytes=GROUP_BYTES, export_bin=str(export_bin()))
    counts = manifest["counts"]
    assert counts["articles_written"] > 2000
    # Every kind of bad input came back as a reject (the counts are export's: compared below).
    assert {"binary", "duplicate_id", "empty", "invalid_json", "missing_text", "not_an_object",
            "unsupported_file", "unwalkable", "wrong_type"} <= set(counts["rejects_by_reason"])
    assert_same_dataset(corpus_export, tmp_path / "out")

    # The shard dataset given to merge (kept, as shard_dir was given) is in the documented
    # format: many parts, a shard manifest with every discovered path in order.
    sm = json.loads((shard / "manifest.json").read_text())
    assert (sm["kind"], sm["shard"], sm["files"]) == ("shard", {"index": 0, "count": 1}, [])
    expected = json.loads((corpus_export / "manifest.json").read_text())
    assert sm["config"] == expected["config"]
    assert sm["order"] == [f["path"] for f in newsds.discover([str(corpus)])]
    assert [(i["path"], i["sha256"], i["bytes"], i["articles_read"]) for i in sm["inputs"]] == [
        (i["path"], i["sha256"], i["bytes"], i["articles_read"]) for i in expected["inputs"]]
    assert sm["counts"]["inputs_read"] == counts["inputs_read"]
    parts = sorted(p.name for p in (shard / "parts").iterdir())
    assert len(parts) > 10 and parts[-1] == engines.UNWALKABLE_PART
    unwalkable = shard / "parts" / engines.UNWALKABLE_PART / "rejects.jsonl"
    assert json.loads(unwalkable.read_text())["reason"] == "unwalkable"


def test_spark_on_a_corpus_with_bad_inputs_equals_export(
    corpus, corpus_export, spark_local, tmp_path
):
    newsds.spark.export([str(corpus)], str(tmp_path / "out"), spark=spark_local,
                        group_bytes=GROUP_BYTES, export_bin=str(export_bin()))
    assert_same_dataset(corpus_export, tmp_path / "out")


def test_parquet_inputs_give_the_rows_of_the_same_jsonl(corpus, corpus_export, ray_local, tmp_path):
    """A .parquet file of articles is read in the task with pyarrow (export itself reads only
    .txt and .jsonl): its rows are those of the JSONL it was made from, but for where they
    come from."""
    [jsonl] = (corpus / "jsonl").glob("*.jsonl")
    # Every field a string, as in the JSONL (pyarrow would otherwise guess dates).
    keys = sorted({k for line in jsonl.read_text().splitlines() for k in json.loads(line)})
    schema = pa.schema([(k, pa.string()) for k in keys])
    table = pajson.read_json(jsonl, parse_options=pajson.ParseOptions(explicit_schema=schema))
    parquet = tmp_path / "articles.parquet"
    pq.write_table(table, parquet)
    name = newsds.display_path(str(parquet))
    newsds.ray.export([str(parquet)], str(tmp_path / "out"), export_bin=str(export_bin()))
    jsonl_name = newsds.display_path(str(jsonl))
    exported = pq.read_table(corpus_export / "articles")
    exported = exported.filter(pa.compute.equal(exported.column("source_file"), jsonl_name))
    got = pq.read_table(tmp_path / "out" / "articles")
    assert got.num_rows == exported.num_rows == table.num_rows
    assert set(got.column("source_file").to_pylist()) == {name}
    # No blank lines in the generated JSONL: row numbers are line numbers.
    drop = ["source_file", "split", "story_id"]
    a = exported.drop_columns(drop).sort_by("article_id")
    b = got.drop_columns(drop).sort_by("article_id")
    assert a.equals(b)


def test_a_retried_task_rewrites_its_part_identically(corpus, tmp_path):
    run = engines.plan([str(corpus)], tmp_path / "out", shard_dir=tmp_path / "shard",
                       group_bytes=GROUP_BYTES)
    group = next(g for g in run.groups if any(p.endswith(".jsonl") for _, p in g.files))
    first = engines.process_group(group.to_json())
    part = tmp_path / "shard" / "parts" / engines.part_name(group.group)
    before = files_of(part)
    assert any(n.startswith("articles/") for n in before) and "rejects.jsonl" in before
    again = engines.process_group(group)
    assert again == first and files_of(part) == before
    assert sum(s["articles"] + s["rejects"] for s in first) == sum(
        s["articles_read"] + s["read_rejects"] for s in first)


def test_a_merge_that_fails_keeps_the_shard_dataset(ray_local, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    fake = tmp_path / "export"
    fake.write_text("#!/bin/sh\necho 'refused' >&2\nexit 1\n")
    fake.chmod(0o755)
    with pytest.raises(engines.MergeError, match="refused"):
        newsds.ray.export(["datasets/raw"], str(tmp_path / "out"), export_bin=str(fake))
    [kept] = tmp_path.glob(".out.shard-*")
    assert (kept / "manifest.json").exists()
    assert not (tmp_path / "out").exists()
