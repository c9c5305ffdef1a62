"""The Python bindings (`newsds`, built by `scripts/build-python.sh`): the rows and schemas of
`newsds.process` are those `export` writes, bad rows come back as rejects, the GIL is free
while the core runs."""
import os
import threading
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import newsds
from conftest import ROOT, TABLES

SEEDS = ROOT / "datasets" / "raw" / "seeds"
# Provisional in `process` (each article its own story); `export merge` decides them.
PROVISIONAL = {"split", "story_id"}


def seed_paths():
    """The seeds as `export --input datasets/raw` names them."""
    return [f"datasets/raw/seeds/{p.name}" for p in sorted(SEEDS.glob("*.txt"))]


def exported(dataset: Path, table: str) -> pa.Table:
    return pq.read_table(dataset / table)


def comparable(table: pa.Table, name: str) -> pa.Table:
    """Rows in id order, without the provisional columns."""
    keep = [c for c in table.column_names if c not in PROVISIONAL]
    id_column = {"articles": "article_id", "sentences": "sentence_id",
                 "entities": "entity_id", "claims": "claim_id"}[name]
    return table.select(keep).sort_by(id_column)


def test_schemas_are_exactly_the_exported_ones(dataset):
    schemas = newsds.schemas()
    assert sorted(schemas) == sorted(TABLES)
    for table in TABLES:
        for path in sorted((dataset / table).glob("*.parquet")):
            written = pq.read_schema(path)
            # Names, types, field descriptions and the `huggingface` schema metadata.
            assert written.equals(schemas[table], check_metadata=True), path
            assert written.field(0).metadata[b"description"]
            assert b"huggingface" in written.metadata


def test_process_of_a_batch_built_from_the_seeds_gives_the_exported_rows(dataset, monkeypatch):
    monkeypatch.chdir(ROOT)
    paths = seed_paths()
    # The seeds are plain UTF-8 files: their text is the file's bytes decoded, as `export`
    # reads a `.txt` file. source_line is null for one-article files.
    batch = pa.record_batch(
        {
            "text": [(ROOT / p).read_bytes().decode("utf-8") for p in paths],
            "source_file": paths,
            "source_line": pa.array([None] * len(paths), pa.int64()),
        }
    )
    out = newsds.process(batch)
    assert sorted(out) == sorted([*TABLES, "rejects"])
    assert out["rejects"].num_rows == 0
    assert out["articles"].num_rows == len(paths) == 5
    for table in TABLES:
        mine, theirs = out[table], exported(dataset, table)
        assert mine.schema.equals(newsds.schemas()[table], check_metadata=True)
        assert mine.num_rows == theirs.num_rows > 0, table
        assert comparable(mine, table).equals(comparable(theirs, table)), table
    # The provisional split is the article's own: each article its own story.
    assert out["articles"].column("story_id").equals(out["articles"].column("article_id"))


def test_read_file_tables_pass_straight_to_process(dataset, monkeypatch):
    monkeypatch.chdir(ROOT)
    tables = []
    for path in seed_paths():
        table, record = newsds.read_file(path)
        assert record["path"] == path and record["articles_read"] == 1 and record["rejects"] == 0
        assert record["bytes"] == (ROOT / path).stat().st_size and len(record["sha256"]) == 64
        assert table.schema.equals(newsds.raw_input_schema())
        tables.append(table)
    out = newsds.process(pa.concat_tables(tables))
    for table in TABLES:
        assert comparable(out[table], table).equals(comparable(exported(dataset, table), table))


def bad_batch() -> pa.Table:
    return pa.table(
        {
            "text": ["A fine first article. It has two sentences.", None, "", "   \n",
                     "Second fine article, with a title of the wrong type.",
                     "A fine first article. It has two sentences."],
            "title": pa.array([None, None, None, None, None, None], pa.null()),
            "id": ["a1", "a2", "a3", "a4", "a5", "a1"],
            "source_file": ["in.jsonl"] * 6,
            "source_line": pa.array([1, 2, 3, 4, 5, 6], pa.int64()),
        }
    )


def test_bad_rows_come_back_as_rejects_never_as_exceptions():
    out = newsds.process(bad_batch())
    assert out["articles"].column("article_id").to_pylist() == ["a1", "a5"]
    rejects = out["rejects"].to_pylist()
    assert [(r["source_line"], r["reason"]) for r in rejects] == [
        (2, "missing_text"), (3, "empty"), (4, "empty"), (6, "duplicate_id")]
    assert rejects[0]["detail"] == "in.jsonl:2: the object has no `text` field"
    assert rejects[3]["detail"] == "in.jsonl:6: article id a1 was already used by an earlier input"
    assert out["rejects"].schema.names == ["source_file", "source_line", "reason", "detail"]
    assert out["rejects"].schema.field("source_line").type == pa.int64()

    # A column of the wrong type rejects the rows that have a value in it, as a JSONL field
    # of the wrong type does; a missing `text` column rejects every row.
    wrong = pa.table({"text": ["Fine text here. Really.", "Also fine. Yes."],
                      "title": pa.array([7, None], pa.int64())})
    out = newsds.process(wrong)
    assert out["articles"].num_rows == 1
    [r] = out["rejects"].to_pylist()
    assert (r["reason"], r["source_file"]) == ("wrong_type", newsds.UNNAMED_SOURCE)
    assert r["source_line"] is None
    assert "`title`" in r["detail"]
    out = newsds.process(pa.table({"text": pa.array([1, 2], pa.int64())}))
    assert out["rejects"].column("reason").to_pylist() == ["wrong_type", "wrong_type"]
    out = newsds.process(pa.table({"body": ["no text column"]}))
    assert out["rejects"].column("reason").to_pylist() == ["missing_text"]
    # Rows with a reject_reason (as read_file gives them) pass through as rejects.
    given = pa.table({"text": pa.array([None], pa.string()), "source_file": ["x.jsonl"],
                      "source_line": [9], "reject_reason": ["invalid_json"],
                      "reject_detail": ["x.jsonl:9: broken"]})
    assert newsds.process(given)["rejects"].to_pylist() == [
        {"source_file": "x.jsonl", "source_line": 9, "reason": "invalid_json",
         "detail": "x.jsonl:9: broken"}]
    # Empty in, empty tables with their schemas out.
    out = newsds.process(pa.table({"text": pa.array([], pa.string())}))
    for table in TABLES:
        assert out[table].num_rows == 0
        assert out[table].schema.equals(newsds.schemas()[table], check_metadata=True)


def test_read_file_makes_bad_lines_rejects(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "text": "Good one. Fine."}\n{broken\n\n{"text": 3}\n')
    table, record = newsds.read_file(str(path))
    assert table.column("reject_reason").to_pylist() == [None, "invalid_json", "wrong_type"]
    assert table.column("source_line").to_pylist() == [1, 2, 4]
    assert (record["articles_read"], record["rejects"]) == (1, 2)
    out = newsds.process(table)
    assert out["articles"].column("source_line").to_pylist() == [1]
    assert out["rejects"].column("source_line").to_pylist() == [2, 4]
    # A file that is not there is a reject too.
    table, record = newsds.read_file(str(tmp_path / "gone.txt"))
    assert table.column("reject_reason").to_pylist() == ["unreadable"]


def test_an_id_set_carries_duplicates_across_batches():
    seen = newsds.IdSet()
    first = newsds.process(pa.table({"text": ["One article here. Yes."], "id": ["d1"]}), seen=seen)
    again = newsds.process(pa.table({"text": ["Another text. Same id."], "id": ["d1"]}), seen=seen)
    assert first["articles"].num_rows == 1 and "d1" in seen and len(seen) == 1
    assert again["articles"].num_rows == 0
    assert again["rejects"].column("reason").to_pylist() == ["duplicate_id"]
    # Without the set, batches are independent.
    alone = newsds.process(pa.table({"text": ["Another text. Same id."], "id": ["d1"]}))
    assert alone["articles"].num_rows == 1


def test_normalize_gives_the_raw_form():
    table = newsds.normalize(bad_batch())
    assert table.schema.equals(newsds.raw_input_schema())
    assert table.column("reject_reason").to_pylist() == [
        None, "missing_text", "empty", "empty", None, None]
    # Normalizing first changes nothing downstream.
    a, b = newsds.process(table), newsds.process(bad_batch())
    for name in [*TABLES, "rejects"]:
        assert a[name].equals(b[name])


def test_discover_lists_files_in_export_order_and_unwalkable_paths(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    os.symlink(tmp_path, tmp_path / "b" / "loop")
    found = newsds.discover([str(tmp_path)])
    assert [(Path(f["path"]).relative_to(tmp_path).as_posix(), f["kind"]) for f in found] == [
        ("a.txt", "file"), ("b/2.txt", "file"), ("b/loop", "unwalkable")]
    assert found[2]["detail"] == "symbolic link loop" and found[0]["detail"] is None
    with pytest.raises(FileNotFoundError):
        newsds.discover([str(tmp_path / "missing")])


def test_pipeline_configuration():
    p = newsds.Pipeline(seed=7, splits="train=0.5 , test=0.5")
    assert (p.seed, p.splits) == (7, "train=0.5,test=0.5")
    with pytest.raises(ValueError):
        newsds.Pipeline(splits="train=2")
    assert newsds.pipeline(7, "train=0.5,test=0.5") is newsds.pipeline(7, "train=0.5,test=0.5")


def test_the_gil_is_released_while_the_core_runs(monkeypatch):
    monkeypatch.chdir(ROOT)
    texts = [(ROOT / p).read_bytes().decode("utf-8") for p in seed_paths()]
    # Distinct ids, so that every copy is processed and kept.
    n = 150
    batch = pa.table({"text": [texts[i % len(texts)] for i in range(n)],
                      "id": [f"copy-{i}" for i in range(n)]})
    pipeline = newsds.pipeline()
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    thread = threading.Thread(target=tick)
    thread.start()
    try:
        time.sleep(0.05)
        start = time.perf_counter()
        out = pipeline.process(batch)
        end = time.perf_counter()
    finally:
        stop.set()
        thread.join()
    assert out["articles"].num_rows == n
    duration = end - start
    assert duration > 0.3, "the batch is too small to tell"
    during = [t for t in ticks if start <= t <= end]
    gaps = [b - a for a, b in zip([start, *during], [*during, end])]
    # Holding the GIL would stop the ticking thread for the whole call.
    assert len(during) > 20, (len(during), duration)
    assert max(gaps) < duration / 3, (max(gaps), duration)


def test_versions_are_the_tools():
    assert newsds.SCHEMA_VERSION == "1"
    cargo = (ROOT / "Cargo.toml").read_text()
    assert f'version = "{newsds.TOOL_VERSION}"' in cargo


def test_split_method_is_the_one_export_writes(manifest):
    assert newsds.SPLIT_METHOD == manifest["config"]["split_method"]
