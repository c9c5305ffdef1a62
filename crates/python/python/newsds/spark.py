"""Export on Spark: one task per group of input files through ``mapInArrow``, finished by
``export merge``.

::

    import newsds.spark
    manifest = newsds.spark.export(["corpus/"], "out/dataset", spark=spark)

A DataFrame holds one row per group of input files (see :mod:`newsds.engines`;
``spark.range`` over the group numbers, one group per partition up to ``MAX_PARTITIONS``);
``mapInArrow`` reads, processes and writes each group as a part of one shard dataset and
yields small summary batches; the driver collects them, writes the shard's manifest and runs
``export merge``. The result is the dataset a one-shot ``export`` writes for the same inputs,
seed and splits, byte for byte. See :mod:`newsds.engines` for the layout and the guarantees.
"""
from __future__ import annotations

import os
import sys
from typing import Iterator, List, Optional, Sequence, Union

import pyarrow as pa

import newsds
from newsds import engines

__all__ = ["export", "summary_ddl"]

#: One group per partition up to this many groups, so that groups of uneven cost balance.
MAX_PARTITIONS = 4096

_DDL_TYPES = {pa.int64(): "long", pa.string(): "string"}


def summary_ddl() -> str:
    """``engines.SUMMARY_SCHEMA`` as a Spark DDL schema string, for ``mapInArrow``."""
    return ", ".join(f"{f.name} {_DDL_TYPES[f.type]}" for f in engines.SUMMARY_SCHEMA)


def _process_partition(tasks: List[str]):
    """The ``mapInArrow`` function: group numbers in, summaries of their files out."""

    def process(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            rows: List[dict] = []
            for i in batch.column("id").to_pylist():
                rows.extend(engines.process_group(tasks[i]))
            yield from engines.summaries_table(rows).to_batches()

    return process


def export(
    inputs: Union[str, Sequence[str]],
    output: str,
    *,
    seed: int = newsds.DEFAULT_SEED,
    splits: str = newsds.DEFAULT_SPLITS,
    batch_size: int = engines.DEFAULT_BATCH_SIZE,
    export_bin: Optional[str] = None,
    spark=None,
    master: str = "local[*]",
    max_shard_rows: int = engines.DEFAULT_MAX_SHARD_ROWS,
    shard_dir: Optional[str] = None,
    group_bytes: Optional[int] = None,
) -> dict:
    """Exports ``inputs`` (files or directories: ``.txt``, ``.jsonl``, ``.parquet``) to the
    dataset directory ``output`` with Spark, and returns its manifest.

    Uses ``spark`` (a ``SparkSession``) if given, else creates one on ``master`` (no UI;
    Python workers run this interpreter unless ``$PYSPARK_PYTHON`` says otherwise) and stops
    it at the end. Workers must be able to import ``newsds``. ``shard_dir`` (default: a
    temporary directory beside ``output``, removed after the merge) must be visible to all
    executors. ``group_bytes`` is the input size of one task (default: automatic, see
    :func:`newsds.engines.group_files`). ``export_bin`` is the ``export`` binary that merges
    (default: ``$EXPORT_BIN``, else the repository's ``target/debug/export``). Bad input
    becomes rejects in the dataset's ``rejects.jsonl``; an exception means the run itself
    failed.
    """
    run = engines.plan(
        inputs,
        output,
        seed=seed,
        splits=splits,
        batch_size=batch_size,
        max_shard_rows=max_shard_rows,
        shard_dir=shard_dir,
        group_bytes=group_bytes,
    )
    engines.find_export_bin(export_bin)
    own = spark is None
    try:
        if own:
            from pyspark.sql import SparkSession

            # PySpark starts workers with $PYSPARK_PYTHON (else `python3`, which may well not
            # have newsds); the `spark.pyspark.python` setting is not read in local mode.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            spark = (
                SparkSession.builder.master(master)
                .appName("newsds-export")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .getOrCreate()
            )
            spark.sparkContext.setLogLevel("ERROR")
        rows: List[dict] = []
        if run.groups:
            tasks = [g.to_json() for g in run.groups]
            n = len(tasks)
            files = spark.range(0, n, 1, numPartitions=min(n, MAX_PARTITIONS))
            summaries = files.mapInArrow(_process_partition(tasks), summary_ddl())
            rows = summaries.toArrow().to_pylist()
        return engines.finish(run, rows, export_bin)
    except BaseException as e:
        engines.abandon(run, e)
        raise
    finally:
        if own and spark is not None:
            spark.stop()
