"""What the Ray and Spark helpers share: planning a run on the driver, processing a group of
input files in a task, and finishing the run on the driver with ``export merge``.

An engine run writes ONE shard dataset (index 0 of count 1, see ARCHITECTURE.md, "Shard
datasets and `export merge`") with many parts, then ``export merge`` turns it into the final
dataset, byte-identical to what a one-shot ``export`` writes for the same inputs and seed::

    <shard>/manifest.json                               written by the driver (finish)
    <shard>/parts/g<group>/<table>/part-<chunk>.parquet  written by the group's task
    <shard>/parts/g<group>/rejects.jsonl
    <shard>/parts/unwalkable/rejects.jsonl              paths discovery could not walk

The unit of work is a *group*: consecutive input files (in input order) of about
``group_bytes`` together; a file larger than that is a group of its own. The task reads each
file itself (``newsds.read_file`` for ``.txt`` and ``.jsonl``, pyarrow for ``.parquet``), so
reading is distributed and a bad line is a reject, not a crash; it cuts the group's rows into
chunks of ``batch_size`` rows and processes and writes each chunk as one file of the group's
part, a stream in input order. Groups rather than single files, because ``export merge``
keeps a reader open per stream: a corpus of a million one-article ``.txt`` files must not
become a million streams.

Part and file names depend only on the group and chunk numbers, so a retried task
overwrites its own files; every file is written under a hidden temporary name and renamed,
so a killed task never leaves half a file (merge skips hidden names).

Everything the rows depend on happens in Rust (reading, decoding, ids, duplicates within a
stream, parsing, labelling; then stories and splits in ``export merge``); this module only
moves tables and files around.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import newsds

TABLES = ("articles", "sentences", "entities", "claims")
DEFAULT_BATCH_SIZE = 512
DEFAULT_MAX_SHARD_ROWS = 250_000
UNWALKABLE_PART = "unwalkable"
#: The split name rows of a shard dataset are counted under (their splits are provisional).
UNSPLIT = "unsplit"
#: Bounds of the automatic group size: at least this much input per task (so that a task's
#: overhead is paid for), and at most this much (so that work spreads over the workers).
MIN_GROUP_BYTES = 1 << 20
MAX_GROUP_BYTES = 64 << 20
#: The automatic group size aims at this many groups.
TARGET_GROUPS = 64

#: One row per input file, returned by the task that processed it.
SUMMARY_SCHEMA = pa.schema(
    [
        ("file_index", pa.int64()),
        ("path", pa.string()),
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


class MergeError(RuntimeError):
    """``export merge`` refused the shard dataset; it is kept for inspection."""


@dataclass(frozen=True)
class GroupTask:
    """Consecutive input files for one task: ``(index, path)`` pairs, paths as ``discover``
    spells them (relative paths are relative to the driver's ``cwd``), and the configuration
    the task needs."""

    group: int
    files: Tuple[Tuple[int, str], ...]
    cwd: str
    seed: int
    splits: str
    batch_size: int
    shard_dir: str

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @staticmethod
    def from_json(text: str) -> "GroupTask":
        d = json.loads(text)
        d["files"] = tuple((int(i), p) for i, p in d["files"])
        return GroupTask(**d)


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
    files: List[str]
    groups: List[GroupTask]
    unwalkable: List[Tuple[str, str]] = field(default_factory=list)
    owns_shard_dir: bool = True


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
        "no export binary at "
        + ", ".join(map(str, candidates))
        + " (build it with `cargo build -p export`, or pass export_bin= / set EXPORT_BIN)"
    )


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # read by the task, which makes it a reject


def group_files(
    paths: Sequence[str], group_bytes: Optional[int] = None
) -> List[List[Tuple[int, str]]]:
    """Cuts the files, in input order, into groups of about ``group_bytes`` (default: the
    total over ``TARGET_GROUPS``, within ``MIN_GROUP_BYTES..MAX_GROUP_BYTES``)."""
    sizes = [_size(p) for p in paths]
    if group_bytes is None:
        group_bytes = min(MAX_GROUP_BYTES, max(MIN_GROUP_BYTES, sum(sizes) // TARGET_GROUPS))
    groups: List[List[Tuple[int, str]]] = []
    current: List[Tuple[int, str]] = []
    current_bytes = 0
    for i, (path, size) in enumerate(zip(paths, sizes)):
        if current and current_bytes + size > group_bytes:
            groups.append(current)
            current, current_bytes = [], 0
        current.append((i, path))
        current_bytes += size
    if current:
        groups.append(current)
    return groups


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
    group_bytes: Optional[int] = None,
) -> Run:
    """Discovers the inputs (as ``export`` does), numbers the files and groups them.

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
    files = [f["path"] for f in found if f["kind"] == "file"]
    cwd = os.getcwd()
    groups = [
        GroupTask(g, tuple(members), cwd, seed, canonical, batch_size, str(shard))
        for g, members in enumerate(group_files(files, group_bytes))
    ]
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
        groups=groups,
        unwalkable=[(f["path"], f["detail"]) for f in found if f["kind"] != "file"],
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
    """A ``.parquet`` file of articles (columns as a JSONL line) as raw tables of up to
    ``batch_size`` rows, with ``source_file`` the file and ``source_line`` the 1-based row
    number; and the file's record. A file pyarrow cannot open is one ``unreadable`` reject, as
    an unreadable ``.txt`` is."""
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
        return [newsds.normalize(reject)], record

    def chunks() -> Iterator[pa.Table]:
        start = 0
        for batch in reader.iter_batches(batch_size=batch_size):
            t = pa.Table.from_batches([batch])
            # Provenance is this file's, whatever columns the file has.
            t = t.drop_columns([c for c in ("source_file", "source_line") if c in t.column_names])
            t = t.append_column("source_file", pa.array([name] * t.num_rows, pa.string()))
            t = t.append_column(
                "source_line", pa.array(range(start + 1, start + 1 + t.num_rows), pa.int64())
            )
            start += t.num_rows
            # The raw form (bad rows already rejects), so that files can share a chunk.
            yield newsds.normalize(t)

    return chunks(), record


def read_input(path: str, batch_size: int) -> Tuple[Iterable[pa.Table], dict]:
    """Raw tables (``newsds.raw_input_schema()``) of one input file, in order, and the file's
    record (``path, sha256, bytes, articles_read, rejects``)."""
    if path.lower().endswith(".parquet"):
        return read_parquet_input(path, batch_size)
    table, record = newsds.read_file(path)
    return [table], record


def _replace_file(path: Path, write) -> None:
    """Writes through a hidden temporary name and renames: readers (and merge, which skips
    hidden names) never see half a file, and a retried task overwrites its own files."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    write(tmp)
    os.replace(tmp, path)


def _write_parquet(table: pa.Table, path: Path) -> None:
    # zstd: the codec `export merge` reads (it is built without the others). List items keep
    # their Arrow name `item` (pyarrow's default renames them `element`, and merge checks
    # names and types exactly).
    pq.write_table(table, path, compression="zstd", use_compliant_nested_type=False)


def write_rejects(path: Path, rejects: List[dict]) -> None:
    """``rejects.jsonl``: one reject row as JSON a line (no file if there are none)."""
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


def part_name(group: int) -> str:
    return f"g{group:06d}"


class _FileStats:
    """What one input file became, for its summary row."""

    def __init__(self, index: int, record: dict):
        self.index = index
        self.record = record
        self.counts: Counter = Counter()
        self.reasons: Counter = Counter()


class _Stream:
    """One part: chunks of processed rows written in order, rejects written at the end."""

    def __init__(self, task: GroupTask):
        self.task = task
        self.root = Path(task.shard_dir) / "parts" / part_name(task.group)
        self.pipeline = newsds.pipeline(task.seed, task.splits)
        # Ids kept by earlier chunks: a stream's ids are unique, later duplicates rejected.
        self.seen = newsds.IdSet()
        self.chunks = 0
        self.rejects: List[dict] = []
        self.by_path: Dict[str, _FileStats] = {}

    def process(self, rows: pa.Table) -> None:
        out = self.pipeline.process(rows, self.seen)
        for table in TABLES:
            if out[table].num_rows:
                path = self.root / table / f"part-{self.chunks:05d}.parquet"
                _replace_file(path, lambda p, t=out[table]: _write_parquet(t, p))
        self.chunks += 1
        self._count(out)
        self.rejects.extend(out["rejects"].to_pylist())

    def _count(self, out: Dict[str, pa.Table]) -> None:
        articles = out["articles"]
        file_of = dict(
            zip(
                articles.column("article_id").to_pylist(),
                articles.column("source_file").to_pylist(),
            )
        )
        for path in articles.column("source_file").to_pylist():
            self.by_path[path].counts["articles"] += 1
        for table in TABLES[1:]:
            counts = pc.value_counts(out[table].column("article_id")).to_pylist()
            for c in counts:
                self.by_path[file_of[c["values"]]].counts[table] += c["counts"]
        for r in out["rejects"].select(["source_file", "reason"]).to_pylist():
            stats = self.by_path[r["source_file"]]
            stats.counts["rejects"] += 1
            stats.reasons[r["reason"]] += 1

    def finish(self) -> None:
        write_rejects(self.root / "rejects.jsonl", self.rejects)


def process_group(task: Union[GroupTask, str]) -> List[dict]:
    """Reads the group's files in order, processes their rows in chunks of ``batch_size``
    and writes them as one part. Returns one summary row per file (``SUMMARY_SCHEMA``). Bad
    input becomes reject rows; only an environment failure (a full disk, a shard directory
    the worker cannot reach) raises."""
    if isinstance(task, str):
        task = GroupTask.from_json(task)
    # Relative input paths are relative to the driver; workers may start elsewhere.
    if os.getcwd() != task.cwd:
        os.chdir(task.cwd)
    stream = _Stream(task)
    files: List[_FileStats] = []
    pending: List[pa.Table] = []
    pending_rows = 0
    for index, path in task.files:
        tables, record = read_input(path, task.batch_size)
        stats = _FileStats(index, record)
        files.append(stats)
        stream.by_path[record["path"]] = stats
        for t in tables:
            pending.append(t)
            pending_rows += t.num_rows
            while pending_rows >= task.batch_size:
                rows = pa.concat_tables(pending)
                stream.process(rows.slice(0, task.batch_size))
                rest = rows.slice(task.batch_size)
                pending, pending_rows = [rest], rest.num_rows
    if pending_rows:
        stream.process(pa.concat_tables(pending))
    stream.finish()
    return [
        {
            "file_index": f.index,
            "path": f.record["path"],
            "part": part_name(task.group),
            "sha256": f.record["sha256"],
            "bytes": f.record["bytes"],
            "articles_read": f.record["articles_read"],
            "read_rejects": f.record["rejects"],
            "articles": f.counts["articles"],
            "sentences": f.counts["sentences"],
            "entities": f.counts["entities"],
            "claims": f.counts["claims"],
            "rejects": f.counts["rejects"],
            "rejects_by_reason": json.dumps(dict(sorted(f.reasons.items()))),
        }
        for f in files
    ]


def summaries_table(rows: List[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SUMMARY_SCHEMA)


# ---------------------------------------------------------------------------------------
# Driver side, after the tasks


def _by_file(run: Run, rows: List[dict]) -> List[dict]:
    """The summary of every file, in input order; fails unless every file came back (a
    retried task may report twice: its files were overwritten, so one report counts)."""
    by_index = {r["file_index"]: r for r in rows}
    missing = [p for i, p in enumerate(run.files) if i not in by_index]
    if missing or len(by_index) != len(run.files):
        raise RuntimeError(
            f"{len(missing)} input file(s) were not processed (e.g. {missing[:3]}), "
            f"or unknown files were reported"
        )
    return [by_index[i] for i in range(len(run.files))]


def shard_manifest(run: Run, rows: List[dict]) -> dict:
    """The shard dataset's manifest (``kind: shard``, index 0 of 1), from the task summaries.

    Per-file ``articles_written`` and ``rejects`` are this shard's (before duplicates across
    parts are found); ``export merge`` recomputes them, and every count, for the dataset.
    """
    inputs = []
    by_reason: Counter = Counter()
    table_rows: Counter = Counter()
    inputs_read = articles_written = rejected = 0
    for s in _by_file(run, rows):
        inputs.append(
            {
                "path": s["path"],
                "sha256": s["sha256"],
                "bytes": s["bytes"],
                "articles_read": s["articles_read"],
                "articles_written": s["articles"],
                "rejects": s["rejects"],
            }
        )
        inputs_read += s["articles_read"] + s["read_rejects"]
        articles_written += s["articles"]
        rejected += s["rejects"]
        by_reason.update(json.loads(s["rejects_by_reason"]))
        table_rows.update({t: s[t] for t in TABLES})
    inputs_read += len(run.unwalkable)
    rejected += len(run.unwalkable)
    if run.unwalkable:
        by_reason["unwalkable"] += len(run.unwalkable)
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
