"""Loading an exported dataset with pyarrow, polars, pandas and Hugging Face `datasets`.

    python scripts/load_example.py datasets/out
"""
import sys

import pandas as pd
import polars as pl
import pyarrow.parquet as pq
from datasets import load_dataset

out = sys.argv[1] if len(sys.argv) > 1 else "datasets/out"

# pyarrow: one table of one split.
articles = pq.read_table(f"{out}/articles/train-00000-of-00001.parquet")
print(articles.schema)

# polars: every split at once, joined with the articles.
sentences = pl.read_parquet(f"{out}/sentences/*.parquet")
arts = pl.read_parquet(f"{out}/articles/*.parquet").select("article_id", "lang", "title")
print(sentences.join(arts, on="article_id").group_by("lang").len())

# pandas
entities = pd.read_parquet(f"{out}/entities")
print(entities.head())

# datasets: configs per table, ner_tags as a ClassLabel.
ds = load_dataset(out, "sentences")
print(ds)
print(next(iter(ds.values())).features["ner_tags"])
