"""What the Ray and Spark helpers share: planning a run on the driver, processing one input
file in a task, and finishing the run on the driver with ``export merge``.

An engine run writes ONE shard dataset (index 0 of count 1, see ARCHITECTURE.md, "Shard
datasets and `export merge`") with many parts, then ``export merge`` turns it into the final
dataset, byte-identical to what a one-shot ``export`` writes for the same inputs and seed::

    <shard>/manifest.json                          written by the driver (finish)
    <shard>/parts/f<file>-<chunk>/<table>/part-00000.parquet   written by tasks
    <shard>/parts/f<file>-<chunk>/rejects.jsonl
    <shard>/parts/unwalkable/rejects.jsonl         paths discovery could not walk

The unit of work is one input file: the task reads it (``newsds.read_file`` for ``.txt`` and
``.jsonl``, pyarrow for ``.parquet``), cuts it into chunks of ``batch_size`` rows, and
processes and writes each chunk as a part (a stream in input order). Part names depend only
on the file's index and the chunk's, so a retried task overwrites its own parts, and files
are written under a temporary name and renamed, so a killed task never leaves half a file.

Everything the rows depend on happens in Rust (reading, decoding, ids, parsing, labelling,
stories, splits); this module only moves tables and files around.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

import pyarrow as pa
import pyarrow.parquet as pq

import newsds

TABLES = ("articles", "sentences", "entities", "claims")
DEFAULT_BATCH_SIZE = 512
DEFAULT_MAX_SHARD_ROWS = 250_000
UNWALKABLE_PART = "unwalkable"
#: The split name rows of a shard dataset are counted under (their splits are provisional).
UNSPLIT = "unsplit"

#: One row per part written by a task (at least one per input file, even an empty one).
SUMMARY_SCHEMA = pa.schema(
    [
        ("file_index", pa.int64()),
        ("path", pa.string()),
        ("chunk", pa.int64()),
        ("chunks", pa.int64()),
        ("part", pa.string()),
        ("sha256", pa.string()),
        ("bytes", pa.int64()),
        ("articles_read", pa.int64()),
        ("read_rejects", pa.int64()),
        ("articles", pa.int64()),
        ("sentences", pa.int64()),
        ("entities", pa.int64()),
        ("claims", pa.int64()),
        ("rejects", pa.int64()),
        # {reason: count} as JSON: a map type would complicate Spark's schema for nothing.
        ("rejects_by_reason", pa.string()),
    ]
)

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class FileTask:
    """One input file to process: its position among the discovered files and its path as
    ``discover`` spells it (relative paths are relative to the driver's ``cwd``)."""

    index: int
    path: str
    cwd: str
    seed: int
    splits: str
    batch_size: int
    shard_dir: str

    def as_row(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Run:
    """A planned run: the configuration and what discovery found, all on the driver."""

    inputs: List[str]
    output: Path
    shard_dir: Path
    seed: int
    splits: str
    batch_size: int
    max_shard_rows: int
    split_method: str
    order: List[str]
    files: List[FileTask]
    unwalkable: List[Tuple[str, str]] = field(default_factory=list)
    owns_shard_dir: bool = True


class MergeError(RuntimeError):
    """``export merge`` refused the shard dataset; it is kept for inspection."""


def find_export_bin(explicit: Optional[PathLike] = None) -> Path:
    """The ``export`` binary that finishes runs: ``explicit``, else ``$EXPORT_BIN``, else
    ``$CARGO_TARGET_DIR/debug/export``, else ``<repo>/target/debug/export``."""
    candidates = []
    if explicit is not None:
        candidates.append(Path(explicit))
    elif os.environ.get("EXPORT_BIN"):
        candidates.append(Path(os.environ["EXPORT_BIN"]))
    else:
        if os.environ.get("CARGO_TARGET_DIR"):
            candidates.append(Path(os.environ["CARGO_TARGET_DIR"]) / "debug" / "export")
        # An editable install runs from crates/python/python/newsds in the repository.
        candidates.append(Path(__file__).resolve().parents[4] / "target" / "debug" / "export")
    for c in candidates:
        if c.is_file() and os.access(c, os.X_OK):
            return c
    raise FileNotFoundError(
        "no export binary at " + ", ".join(map(str, candidates))
        + " (build it with `cargo build -p export`, or pass export_bin= / set EXPORT_BIN)"
    )


def plan(
    inputs: Union[PathLike, Sequence[PathLike]],
    output: PathLike,
    *,
    seed: int = newsds.DEFAULT_SEED,
    splits: str = newsds.DEFAULT_SPLITS,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_shard_rows: int = DEFAULT_MAX_SHARD_ROWS,
    split_method: str = newsds.SPLIT_METHOD,
    shard_dir: Optional[PathLike] = None,
) -> Run:
    """Discovers the inputs (as ``export`` does) and gives every file its index.

    The shard dataset goes to ``shard_dir`` (which must be empty or absent, and visible to
    every worker: on a cluster, a shared filesystem), else to a new directory beside
    ``output``, removed once the merge has succeeded.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    given = [os.fspath(p) for p in inputs]
    if not given:
        raise ValueError("no inputs")
    if batch_size < 1 or max_shard_rows < 1:
        raise ValueError("batch_size and max_shard_rows must be at least 1")
    # Checks the splits on the driver, and gives them in the canonical form manifests hold.
    canonical = newsds.pipeline(seed, splits).splits
    found = newsds.discover(given)
    output = Path(output)
    if shard_dir is None:
        output.parent.mkdir(parents=True, exist_ok=True)
        shard = Path(tempfile.mkdtemp(prefix=f".{output.name}.shard-", dir=output.parent))
        owns = True
    else:
        shard = Path(shard_dir)
        if shard.exists() and any(shard.iterdir()):
            raise FileExistsError(f"shard_dir {shard} is not empty")
        shard.mkdir(parents=True, exist_ok=True)
        owns = False
    cwd = os.getcwd()
    files = []
    unwalkable = []
    for f in found:
        if f["kind"] == "file":
            files.append(
                FileTask(len(files), f["path"], cwd, seed, canonical, batch_size, str(shard))
            )
        else:
            unwalkable.append((f["path"], f["detail"]))
    return Run(
        inputs=[newsds.display_path(p) for p in given],
        output=output,
        shard_dir=shard,
        seed=seed,
        splits=canonical,
        batch_size=batch_size,
        max_shard_rows=max_shard_rows,
        split_method=split_method,
        order=[f["path"] for f in found],
        files=files,
        unwalkable=unwalkable,
        owns_shard_dir=owns,
    )


# ---------------------------------------------------------------------------------------
# Worker side


def _file_sha256(path: str) -> Tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size


def read_parquet_input(path: str, batch_size: int) -> Tuple[Iterable[pa.Table], dict]:
    """A ``.parquet`` file of articles (columns as a JSONL line) as chunks of raw rows, with
    ``source_file`` the file and ``source_line`` the 1-based row number; and its record.

    A file pyarrow cannot open is one ``unreadable`` reject, as an unreadable ``.txt`` is.
    """
    name = newsds.display_path(path)
    record = {"path": name, "sha256": "", "bytes": 0, "articles_read": 0, "rejects": 0}
    try:
        record["sha256"], record["bytes"] = _file_sha256(path)
        reader = pq.ParquetFile(path)
        record["articles_read"] = reader.metadata.num_rows
    except (OSError, pa.ArrowException) as e:
        reject = pa.table(
            {
                "source_file": [name],
                "source_line": pa.array([None], pa.int64()),
                "reject_reason": ["unreadable"],
                "reject_detail": [f"{name}: {e}"],
            }
        )
        record["rejects"] = 1
        return [reject], record

    def chunks():
        start = 0
        for batch in reader.iter_batches(batch_size=batch_size):
            t = pa.Table.from_batches([batch])
            # Provenance is this file's, whatever columns the file has.
            for col in ("source_file", "source_line"):
                if col in t.column_names:
                    t = t.drop_columns([col])
            t = t.append_column("source_file", pa.array([name] * t.num_rows, pa.string()))
            lines = pa.array(range(start + 1, start + 1 + t.num_rows), pa.int64())
            t = t.append_column("source_line", lines)
            start += t.num_rows
            yield t

    return chunks(), record


def _replace_file(path: Path, write) -> None:
    """Writes through a hidden temporary name and renames: readers (and merge, which skips
    hidden names) never see half a file, and a retried task overwrites its own parts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    write(tmp)
    os.replace(tmp, path)


def _write_parquet(table: pa.Table, path: Path) -> None:
    # zstd: the codec `export merge` reads (it is built without the others). List items keep
    # their Arrow name `item` (pyarrow's default renames them `element`, and merge checks
    # names and types exactly).
    pq.write_table(table, path, compression="zstd", use_compliant_nested_type=False)


def write_part(shard_dir: Path, part: str, out: Dict[str, pa.Table]) -> None:
    """One part of the shard dataset: each table's rows (a table without rows has no file)
    and the rejects, as JSON lines."""
    root = Path(shard_dir) / "parts" / part
    for table in TABLES:
        path = root / table / "part-00000.parquet"
        if out[table].num_rows:
            _replace_file(path, lambda p, t=out[table]: _write_parquet(t, p))
        elif path.exists():
            path.unlink()
    write_rejects(root / "rejects.jsonl", out["rejects"].to_pylist())


def write_rejects(path: Path, rejects: List[dict]) -> None:
    if not rejects:
        if path.exists():
            path.unlink()
        return

    def write(p):
        with open(p, "w", encoding="utf-8") as f:
            for r in rejects:
                row = {k: r[k] for k in ("source_file", "source_line", "reason", "detail")}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")

    _replace_file(path, write)


def part_name(file_index: int, chunk: int) -> str:
    return f"f{file_index:06d}-{chunk:06d}"


def process_file(task: Union[FileTask, dict]) -> List[dict]:
    """Reads one input file, processes it chunk by chunk and writes every chunk as a part.
    Returns one summary row per part (``SUMMARY_SCHEMA``). Bad input becomes reject rows;
    only an environment failure (a full disk, a missing shard directory) raises."""
    if isinstance(task, dict):
        task = FileTask(**task)
    # Relative input paths are relative to the driver; workers may start elsewhere.
    if os.getcwd() != task.cwd:
        os.chdir(task.cwd)
    pipeline = newsds.pipeline(task.seed, task.splits)
    if task.path.lower().endswith(".parquet"):
        chunks, record = read_parquet_input(task.path, task.batch_size)
    else:
        table, record = newsds.read_file(task.path)
        n = table.num_rows
        chunks = (table.slice(i, task.batch_size) for i in range(0, n, task.batch_size))
    summaries = []
    for chunk, rows in enumerate(chunks):
        out = pipeline.process(rows)
        part = part_name(task.index, chunk)
        write_part(Path(task.shard_dir), part, out)
        by_reason: Dict[str, int] = {}
        for reason in out["rejects"].column("reason").to_pylist():
            by_reason[reason] = by_reason.get(reason, 0) + 1
        summaries.append(
            {
                "file_index": task.index,
                "path": task.path,
                "chunk": chunk,
                "part": part,
                "articles": out["articles"].num_rows,
                "sentences": out["sentences"].num_rows,
                "entities": out["entities"].num_rows,
                "claims": out["claims"].num_rows,
                "rejects": out["rejects"].num_rows,
                "rejects_by_reason": json.dumps(by_reason, sort_keys=True),
            }
        )
    if not summaries:
        # A file with no inputs (only blank lines): still reported, so the driver knows it
        # was read.
        summaries.append(
            {
                "file_index": task.index,
                "path": task.path,
                "chunk": 0,
                "part": "",
                "articles": 0,
                "sentences": 0,
                "entities": 0,
                "claims": 0,
                "rejects": 0,
                "rejects_by_reason": "{}",
            }
        )
    for s in summaries:
        s.update(
            chunks=len(summaries) if summaries[0]["part"] else 0,
            sha256=record["sha256"],
            bytes=record["bytes"],
            articles_read=record["articles_read"],
            read_rejects=record["rejects"],
        )
    return summaries


def summaries_table(rows: List[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SUMMARY_SCHEMA)


# ---------------------------------------------------------------------------------------
# Driver side, after the tasks


def _check_summaries(run: Run, rows: List[dict]) -> Dict[int, List[dict]]:
    """Groups the summaries by file and checks every file came back complete, exactly once
    (a retried task may report twice; its parts were overwritten, so one report counts)."""
    by_file: Dict[int, Dict[int, dict]] = {}
    for r in rows:
        by_file.setdefault(r["file_index"], {})[r["chunk"]] = r
    missing = [t.path for t in run.files if t.index not in by_file]
    if missing:
        raise RuntimeError(f"{len(missing)} input file(s) were not processed: {missing[:5]}")
    out = {}
    for t in run.files:
        chunks = by_file[t.index]
        expected = chunks[min(chunks)]["chunks"]
        if sorted(chunks) != list(range(max(expected, 1))):
            raise RuntimeError(f"{t.path}: parts {sorted(chunks)} of {expected} came back")
        out[t.index] = [chunks[c] for c in sorted(chunks)]
    return out


def shard_manifest(run: Run, rows: List[dict]) -> dict:
    """The shard dataset's manifest (``kind: shard``, index 0 of 1), from the task summaries.

    Per-file ``articles_written`` and ``rejects`` are this shard's (before duplicates across
    parts are found); ``export merge`` recomputes them, and every count, for the dataset.
    """
    per_file = _check_summaries(run, rows)
    inputs = []
    by_reason: Dict[str, int] = {}
    table_rows = {t: 0 for t in TABLES}
    inputs_read = articles_written = rejected = 0
    for t in run.files:
        parts = per_file[t.index]
        first = parts[0]
        written = sum(p["articles"] for p in parts)
        rejects = sum(p["rejects"] for p in parts)
        inputs.append(
            {
                "path": t.path,
                "sha256": first["sha256"],
                "bytes": first["bytes"],
                "articles_read": first["articles_read"],
                "articles_written": written,
                "rejects": rejects,
            }
        )
        inputs_read += first["articles_read"] + first["read_rejects"]
        articles_written += written
        rejected += rejects
        for p in parts:
            for reason, n in json.loads(p["rejects_by_reason"]).items():
                by_reason[reason] = by_reason.get(reason, 0) + n
            for table in TABLES:
                table_rows[table] += p[table]
    inputs_read += len(run.unwalkable)
    rejected += len(run.unwalkable)
    if run.unwalkable:
        by_reason["unwalkable"] = by_reason.get("unwalkable", 0) + len(run.unwalkable)
    if inputs_read != articles_written + rejected:
        raise RuntimeError(
            f"the parts do not add up: {inputs_read} inputs read, "
            f"{articles_written} articles and {rejected} rejects written"
        )
    return {
        "generator": "newsds-export",
        "tool_version": newsds.TOOL_VERSION,
        "schema_version": newsds.SCHEMA_VERSION,
        "kind": "shard",
        "shard": {"index": 0, "count": 1},
        "config": {
            "inputs": run.inputs,
            "seed": run.seed,
            "splits": run.splits,
            "split_method": run.split_method,
            "batch_size": run.batch_size,
            "max_shard_rows": run.max_shard_rows,
        },
        "inputs": inputs,
        "order": run.order,
        "counts": {
            "inputs_read": inputs_read,
            "articles_written": articles_written,
            "rejected": rejected,
            "rejects_by_reason": dict(sorted(by_reason.items())),
            "rows": {t: {UNSPLIT: table_rows[t]} for t in sorted(TABLES)},
        },
        "files": [],
    }


def finish(run: Run, rows: List[dict], export_bin: Optional[PathLike] = None) -> dict:
    """Writes the unwalkable paths' part and the shard manifest, runs ``export merge`` into
    ``run.output`` and returns the final dataset's manifest. The shard dataset is removed
    after a successful merge if the run created it."""
    binary = find_export_bin(export_bin)
    write_rejects(
        run.shard_dir / "parts" / UNWALKABLE_PART / "rejects.jsonl",
        [
            {
                "source_file": path,
                "source_line": None,
                "reason": "unwalkable",
                "detail": f"{path}: {detail}",
            }
            for path, detail in run.unwalkable
        ],
    )
    manifest = shard_manifest(run, rows)
    _replace_file(
        run.shard_dir / "manifest.json",
        lambda p: p.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"),
    )
    result = subprocess.run(
        [str(binary), "merge", str(run.shard_dir), "--output", str(run.output)],
        capture_output=True,
        text=True,
    )
    # Like `export`, merge exits 3 when the dataset was written with some inputs rejected.
    if result.returncode not in (0, 3):
        raise MergeError(
            f"export merge failed ({result.returncode}); the shard dataset is kept at "
            f"{run.shard_dir}:\n{result.stderr.strip()}"
        )
    if run.owns_shard_dir:
        shutil.rmtree(run.shard_dir, ignore_errors=True)
    return json.loads((run.output / "manifest.json").read_text())


def abandon(run: Run, error: BaseException) -> None:
    """Removes the shard dataset of a run that failed before the merge, if the run made it
    (after a failed merge it is kept, for inspection)."""
    if run.owns_shard_dir and not isinstance(error, MergeError):
        shutil.rmtree(run.shard_dir, ignore_errors=True)
