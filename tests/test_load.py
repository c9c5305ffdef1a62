"""Load the exported dataset the way users do: pyarrow, polars, pandas and `datasets`."""
import glob

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import TABLES


def split_counts(manifest, table):
    return manifest["counts"]["rows"][table]


@pytest.mark.parametrize("table", TABLES)
def test_pyarrow_reads_every_table_with_manifest_counts(dataset, manifest, table):
    for split, rows in split_counts(manifest, table).items():
        files = sorted(glob.glob(str(dataset / table / f"{split}-*.parquet")))
        assert files, f"no files for {table}/{split}"
        t = pa.concat_tables([pq.read_table(f) for f in files])
        assert t.num_rows == rows
        assert set(t.column("split").to_pylist()) <= {split}
        # The schema carries a description for every column and the HF features.
        assert b"huggingface" in t.schema.metadata
        for field in t.schema:
            assert field.nullable
            assert b"description" in (field.metadata or {})
            assert not pa.types.is_large_string(field.type)


@pytest.mark.parametrize("table", TABLES)
def test_polars_and_pandas_read_every_table(dataset, manifest, table):
    total = sum(split_counts(manifest, table).values())
    df = pl.read_parquet(str(dataset / table / "*.parquet"))
    assert df.height == total
    pdf = pd.concat([pd.read_parquet(f) for f in sorted(glob.glob(str(dataset / table / "*.parquet")))])
    assert len(pdf) == total


@pytest.mark.parametrize("table", TABLES)
def test_datasets_load_every_config_with_its_splits(dataset, manifest, table):
    import datasets

    counts = split_counts(manifest, table)
    if not any(counts.values()):
        pytest.skip(f"{table} has no rows in this dataset; `datasets` cannot load an empty config")
    ds = datasets.load_dataset(str(dataset), table)
    # Splits without rows are written as files but left out of the card (see card.rs).
    assert {s: r for s, r in counts.items() if r} == {s: ds[s].num_rows for s in ds}


def test_ner_tags_are_a_class_label_with_names(dataset):
    import datasets

    ds = datasets.load_dataset(str(dataset), "sentences")
    feature = next(iter(ds.values())).features["ner_tags"]
    inner = getattr(feature, "feature", None)
    assert isinstance(inner, datasets.ClassLabel), feature
    assert inner.names[0] == "O"
    assert "B-PERSON" in inner.names and "I-GPE" in inner.names


def test_python_slicing_gives_sentences_and_tokens(dataset):
    articles = pl.read_parquet(str(dataset / "articles" / "*.parquet"))
    sentences = pl.read_parquet(str(dataset / "sentences" / "*.parquet"))
    text_of = dict(zip(articles["article_id"], articles["text"]))
    assert sentences.height > 0
    for row in sentences.iter_rows(named=True):
        assert text_of[row["article_id"]][row["char_start"]:row["char_end"]] == row["text"]
        for tok, s, e in zip(row["tokens"], row["token_starts"], row["token_ends"]):
            assert row["text"][s:e] == tok
        assert len(row["ner_tags"]) == len(row["tokens"])
    # Every row of an article is in the article's split.
    split_of = dict(zip(articles["article_id"], articles["split"]))
    for row in sentences.iter_rows(named=True):
        assert row["split"] == split_of[row["article_id"]]


def test_knowledge_base_ships_as_its_own_config(dataset, manifest):
    import datasets

    rows = manifest["counts"]["rows"]["kb"]["full"]
    assert rows > 1000
    kb = datasets.load_dataset(str(dataset), "kb")["full"]
    assert kb.num_rows == rows
    entities = pl.read_parquet(str(dataset / "entities" / "*.parquet"))
    ids = set(pl.read_parquet(str(dataset / "kb" / "*.parquet"))["id"])
    linked = [c for c, label in zip(entities["canonical_id"], entities["label"]) if c and label != "DATE"]
    assert linked, "no entity links to the knowledge base"
    # Every canonical id of a gazetteer match is a row of the kb table.
    assert sum(c in ids for c in linked) / len(linked) > 0.8
