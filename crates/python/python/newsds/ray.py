"""Export on Ray Data: one task per group of input files, finished by ``export merge``.

::

    import newsds.ray
    manifest = newsds.ray.export(["corpus/"], "out/dataset", seed=42)

The groups of input files (see :mod:`newsds.engines`) are a Ray dataset
(``ray.data.from_items``); ``map_batches`` runs a callable class (each actor builds the
:class:`newsds.Pipeline` once) that reads a group's files, processes their rows in chunks of
``batch_size`` and writes them as a part of one shard dataset; the driver then writes the
shard's manifest and runs ``export merge``. The result is the dataset a one-shot ``export``
writes for the same inputs, seed and splits, byte for byte. See :mod:`newsds.engines` for
the layout and the guarantees.
"""
from __future__ import annotations

import logging
from typing import List, Optional, Sequence, Union

import pyarrow as pa

import newsds
from newsds import engines

__all__ = ["export"]

#: One group per block up to this many groups (more blocks than workers, so that groups of
#: uneven cost balance).
MAX_BLOCKS = 4096


class FileProcessor:
    """The callable class Ray Data runs as actors: each builds the pipeline once, then reads,
    processes and writes the groups of each batch it is given (one row per group) and
    returns the summaries of their files."""

    def __init__(self, seed: int, splits: str):
        # Built now so that the first group does not pay for it; process_group finds it in
        # the package's cache.
        newsds.pipeline(seed, splits)

    def __call__(self, batch: pa.Table) -> pa.Table:
        rows: List[dict] = []
        for task in batch.column("task").to_pylist():
            rows.extend(engines.process_group(task))
        return engines.summaries_table(rows)


def export(
    inputs: Union[str, Sequence[str]],
    output: str,
    *,
    seed: int = newsds.DEFAULT_SEED,
    splits: str = newsds.DEFAULT_SPLITS,
    batch_size: int = engines.DEFAULT_BATCH_SIZE,
    export_bin: Optional[str] = None,
    num_cpus: Optional[int] = None,
    max_shard_rows: int = engines.DEFAULT_MAX_SHARD_ROWS,
    shard_dir: Optional[str] = None,
    group_bytes: Optional[int] = None,
) -> dict:
    """Exports ``inputs`` (files or directories: ``.txt``, ``.jsonl``, ``.parquet``) to the
    dataset directory ``output`` with Ray Data, and returns its manifest.

    Uses the running Ray cluster if ``ray.init`` was called, else starts a local one
    (``num_cpus`` CPUs, no dashboard) and shuts it down at the end. ``shard_dir`` (default: a
    temporary directory beside ``output``, removed after the merge) must be visible to all
    workers. ``group_bytes`` is the input size of one task (default: automatic, see
    :func:`newsds.engines.group_files`). ``export_bin`` is the ``export`` binary that merges
    (default: ``$EXPORT_BIN``, else the repository's ``target/debug/export``). Bad input
    becomes rejects in the dataset's ``rejects.jsonl``; an exception means the run itself
    failed.
    """
    import ray

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
    # Fail before any work if the merge could not run.
    engines.find_export_bin(export_bin)
    started = False
    try:
        if not ray.is_initialized():
            ray.init(
                num_cpus=num_cpus,
                include_dashboard=False,
                logging_level=logging.WARNING,
                log_to_driver=False,
            )
            started = True
        rows: List[dict] = []
        if run.groups:
            ctx = ray.data.DataContext.get_current()
            ctx.enable_progress_bars = False
            # Ray Data reports every execution at INFO; a library should not.
            logging.getLogger("ray.data").setLevel(logging.WARNING)
            workers = max(1, int(ray.available_resources().get("CPU", 1)))
            ds = ray.data.from_items(
                [{"task": g.to_json()} for g in run.groups],
                override_num_blocks=min(len(run.groups), MAX_BLOCKS),
            )
            ds = ds.map_batches(
                FileProcessor,
                fn_constructor_kwargs={"seed": run.seed, "splits": run.splits},
                batch_size=1,
                batch_format="pyarrow",
                compute=ray.data.ActorPoolStrategy(
                    min_size=1, max_size=min(workers, len(run.groups))
                ),
                num_cpus=1,
            )
            rows = ds.take_all()
        return engines.finish(run, rows, export_bin)
    except BaseException as e:
        engines.abandon(run, e)
        raise
    finally:
        if started:
            ray.shutdown()
