"""newsds for Python: the Rust core of the `export` tool, Arrow in and Arrow out.

* :func:`discover` and :func:`read_file` find and read input files exactly as ``export``
  does (``.txt``: one article; ``.jsonl``: one per line; bad inputs become reject rows).
* :class:`Pipeline` parses and labels a batch of articles into the four tables ``export``
  writes (``articles``, ``sentences``, ``entities``, ``claims``) plus ``rejects``, with the
  exact schemas of the exported Parquet files (:func:`schemas`). An :class:`IdSet` carries
  the ids kept from batch to batch, so that later duplicates are rejected as ``export``
  rejects them.
* :mod:`newsds.ray` and :mod:`newsds.spark` run a whole export on Ray Data or Spark: they
  write a shard dataset and finish it with ``export merge``, which clusters stories, assigns
  splits and writes the final dataset (byte-identical to a one-shot ``export``).

Tables cross the boundary through the Arrow C data interface; the core runs with the GIL
released, on all cores.
"""
from __future__ import annotations

import threading
from typing import Dict, Tuple

from newsds._core import (  # noqa: F401  (re-exported API)
    MAX_ARTICLE_BYTES,
    SCHEMA_VERSION,
    SPLIT_METHOD,
    TOOL_VERSION,
    UNNAMED_SOURCE,
    IdSet,
    Pipeline,
    discover,
    display_path,
    normalize,
    raw_input_schema,
    read_file,
    schemas,
)

DEFAULT_SEED = 42
DEFAULT_SPLITS = "train=0.8,validation=0.1,test=0.1"

__all__ = [
    "DEFAULT_SEED",
    "DEFAULT_SPLITS",
    "MAX_ARTICLE_BYTES",
    "SCHEMA_VERSION",
    "SPLIT_METHOD",
    "TOOL_VERSION",
    "UNNAMED_SOURCE",
    "IdSet",
    "Pipeline",
    "discover",
    "display_path",
    "normalize",
    "pipeline",
    "process",
    "raw_input_schema",
    "read_file",
    "schemas",
]

_pipelines: Dict[Tuple[int, str], Pipeline] = {}
_lock = threading.Lock()


def pipeline(seed: int = DEFAULT_SEED, splits: str = DEFAULT_SPLITS) -> Pipeline:
    """The :class:`Pipeline` for this configuration, built on first use and then shared
    (building one loads the knowledge base and lexicons)."""
    key = (seed, splits)
    with _lock:
        p = _pipelines.get(key)
        if p is None:
            p = _pipelines[key] = Pipeline(seed=seed, splits=splits)
        return p


def process(batch, seed: int = DEFAULT_SEED, splits: str = DEFAULT_SPLITS, seen=None):
    """``pipeline(seed, splits).process(batch, seen)``: see :meth:`Pipeline.process`.

    ``batch`` is a ``pyarrow.RecordBatch`` or ``pyarrow.Table`` with a ``text`` column and
    optionally ``id, title, lang, published, source, url`` (the fields of a JSONL input line)
    and ``source_file, source_line, input_flags, reject_reason, reject_detail`` (as
    :func:`read_file` returns them). Returns a dict of ``pyarrow.Table``: ``articles``,
    ``sentences``, ``entities``, ``claims`` and ``rejects`` (``source_file, source_line,
    reason, detail``). Bad rows become rejects, never exceptions. A later article with the
    id of an earlier one (in the batch, or kept by an earlier batch with the same ``seen``
    :class:`IdSet`) is rejected as ``duplicate_id``.
    """
    return pipeline(seed, splits).process(batch, seen)
