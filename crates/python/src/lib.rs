//! Python bindings of the newsds core (`newsds._core`, wrapped by the `newsds` package):
//! find and read input files, and parse and label batches of articles, with Arrow tables
//! crossing the boundary through the Arrow C data interface, never row by row through
//! Python objects.
//!
//! The same crates do the work as in the `export` binary (`inputs` reads, `pipeline` parses
//! and labels, `records` builds the tables), so a row made here is the row `export` writes,
//! schema and field metadata included. The core runs with the GIL released.
//!
//! Python code must never have to reimplement any of it: reading and decoding files, ids,
//! the verdict on a bad row, duplicates within a stream all happen here.
//!
//! This crate must never write datasets, cluster stories or look for duplicate ids beyond
//! one stream of batches (that is `export merge`, which finalizes what engines write), and
//! must never depend on `export`, `stats` or polars: it is loaded into every Ray and Spark
//! worker.

mod convert;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;

use arrow_array::RecordBatch;
use arrow_pyarrow::{FromPyArrow, PyArrowType};
use arrow_schema::ArrowError;
use label::Labelers;
use pipeline::{Config, SplitSpec};
use pyo3::exceptions::{PyFileNotFoundError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use records::tables::Table;

pub use convert::{
    Output, Row, UNNAMED_SOURCE, process, raw_rows_batch, raw_schema, read_table, rejects_batch,
    rejects_schema, rows_from_batch, table_batches,
};

fn arrow_err(e: ArrowError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// A `pyarrow.Table` of one batch, keeping the batch's schema and metadata.
fn py_table(batch: RecordBatch) -> PyResult<PyArrowType<arrow_pyarrow::Table>> {
    let schema = batch.schema();
    let table = arrow_pyarrow::Table::try_new(vec![batch], schema).map_err(arrow_err)?;
    Ok(PyArrowType(table))
}

/// The record batches of a `pyarrow.RecordBatch`, `pyarrow.Table` or any object exporting
/// an Arrow stream or array (the C data interface: no copy, no Python objects per row).
fn batches_of(data: &Bound<'_, PyAny>) -> PyResult<Vec<RecordBatch>> {
    if data.hasattr("__arrow_c_stream__")? {
        let table = arrow_pyarrow::Table::from_pyarrow_bound(data)?;
        Ok(table.into_inner().0)
    } else {
        Ok(vec![RecordBatch::from_pyarrow_bound(data)?])
    }
}

/// Lists input files as `export` does: files as given, directories walked in sorted order
/// (symlinks followed, hidden names skipped). Each entry is a dict `{"path", "kind",
/// "detail"}` with `kind` `"file"` or `"unwalkable"` (a path that could not be walked, such
/// as a symlink loop; `detail` says why, and it becomes an `unwalkable` reject). Raises
/// `FileNotFoundError` if a given path does not exist.
#[pyfunction]
fn discover<'py>(py: Python<'py>, paths: Vec<String>) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    let found = py
        .detach(|| inputs::discover(&paths))
        .map_err(|e| PyFileNotFoundError::new_err(e.to_string()))?;
    found
        .into_iter()
        .map(|f| {
            let d = PyDict::new(py);
            match f {
                inputs::Found::File(path) => {
                    d.set_item("path", inputs::display_path(&path))?;
                    d.set_item("kind", "file")?;
                    d.set_item("detail", py.None())?;
                }
                inputs::Found::Unwalkable { path, detail } => {
                    d.set_item("path", path)?;
                    d.set_item("kind", "unwalkable")?;
                    d.set_item("detail", detail)?;
                }
            }
            Ok(d)
        })
        .collect()
}

/// A path as manifests and `source_file` columns spell it (`/` separators).
#[pyfunction]
fn display_path(path: String) -> String {
    inputs::display_path(std::path::Path::new(&path))
}

/// Reads one input file (`.txt`: one article; `.jsonl`: one per line; anything else: one
/// `unsupported_file` reject) into a `pyarrow.Table` of its items in order, and the file's
/// record `{"path", "sha256", "bytes", "articles_read", "rejects"}`.
///
/// Columns: `source_file, source_line (int64, null for .txt), text, id, title, lang,
/// published, source, url, input_flags (list<string>), reject_reason, reject_detail`. An
/// input rejected while reading has a null `text` and a `reject_reason`. The table can be
/// passed straight to `Pipeline.process`. A file that cannot be read is a reject, not an
/// exception.
#[pyfunction]
fn read_file<'py>(
    py: Python<'py>,
    path: String,
) -> PyResult<(PyArrowType<arrow_pyarrow::Table>, Bound<'py, PyDict>)> {
    let (batch, record) = py
        .detach(|| read_table(std::path::Path::new(&path)))
        .map_err(arrow_err)?;
    let d = PyDict::new(py);
    d.set_item("path", record.path)?;
    d.set_item("sha256", record.sha256)?;
    d.set_item("bytes", record.bytes)?;
    d.set_item("articles_read", record.articles_read)?;
    d.set_item("rejects", record.rejects)?;
    Ok((py_table(batch)?, d))
}

/// Any batch of articles (as `Pipeline.process` takes them) in the form `read_file` returns
/// (`raw_input_schema()`): the known columns in their types, and a row that could not be an
/// article (no text, a column of the wrong type, ...) turned into a reject row. Lets batches
/// from different sources be concatenated.
#[pyfunction]
fn normalize(
    py: Python<'_>,
    batch: &Bound<'_, PyAny>,
) -> PyResult<PyArrowType<arrow_pyarrow::Table>> {
    let batches = batches_of(batch)?;
    let table = py
        .detach(|| {
            let rows: Vec<Row> = batches.iter().flat_map(rows_from_batch).collect();
            raw_rows_batch(&rows)
        })
        .map_err(arrow_err)?;
    py_table(table)
}

/// The schema of the tables `read_file` returns.
#[pyfunction]
fn raw_input_schema() -> PyArrowType<arrow_schema::Schema> {
    PyArrowType(raw_schema().as_ref().clone())
}

/// The Arrow schemas of the four split tables (`articles`, `sentences`, `entities`,
/// `claims`), exactly as `export` writes them: field descriptions and the `huggingface`
/// schema metadata included.
#[pyfunction]
fn schemas(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    for table in Table::SPLIT {
        d.set_item(table.name(), PyArrowType(table.schema().as_ref().clone()))?;
    }
    Ok(d)
}

/// The parser and the labelers, built once (the standard labelers load the knowledge base
/// and lexicons, which takes a while), then used for any number of batches.
#[pyclass(frozen, module = "newsds._core")]
struct Pipeline {
    inner: pipeline::Pipeline,
}

#[pymethods]
impl Pipeline {
    /// `seed` and `splits` (e.g. `"train=0.8,validation=0.1,test=0.1"`) decide the
    /// provisional `split` of each row; `export merge` recomputes splits and stories.
    #[new]
    #[pyo3(signature = (seed = 42, splits = "train=0.8,validation=0.1,test=0.1"))]
    fn new(py: Python<'_>, seed: u64, splits: &str) -> PyResult<Pipeline> {
        let splits: SplitSpec = splits
            .parse()
            .map_err(|e| PyValueError::new_err(format!("invalid splits {splits:?}: {e}")))?;
        let inner =
            py.detach(|| pipeline::Pipeline::new(Config { seed, splits }, Labelers::standard()));
        Ok(Pipeline { inner })
    }

    #[getter]
    fn seed(&self) -> u64 {
        self.inner.config.seed
    }

    /// The splits in the canonical form that manifests record.
    #[getter]
    fn splits(&self) -> String {
        self.inner.config.splits.to_string()
    }

    /// Parses and labels the articles of `batch` (a `pyarrow.RecordBatch` or `Table` with
    /// the columns of a JSONL input line: `text`, and optionally `id, title, lang,
    /// published, source, url`, `source_file`, `source_line`, `input_flags`,
    /// `reject_reason`, `reject_detail`, as `read_file` returns them).
    ///
    /// Returns `{"articles", "sentences", "entities", "claims", "rejects"}` of
    /// `pyarrow.Table`s, rows in input order. A row without usable text or with a column of
    /// the wrong type becomes a reject (`missing_text`, `empty`, `wrong_type`, ...), as does
    /// an article the parser rejects; a row with a `reject_reason` is passed on as a reject.
    /// A later article with the id of an earlier one in the batch is rejected
    /// (`duplicate_id`), and with `seen` (an `IdSet`) also one whose id an earlier batch
    /// processed with the same `seen` kept; across streams, `export merge` does that. `split` and `story_id`
    /// are provisional (each article its own story). The GIL is released while the core runs
    /// (on all cores).
    #[pyo3(signature = (batch, seen = None))]
    fn process<'py>(
        &self,
        py: Python<'py>,
        batch: &Bound<'py, PyAny>,
        seen: Option<&Bound<'py, IdSet>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let batches = batches_of(batch)?;
        let seen = seen.map(|s| s.get());
        let (tables, rejects) = py
            .detach(|| {
                let rows = batches.iter().flat_map(rows_from_batch).collect();
                let mut local = HashSet::new();
                let mut guard = seen.map(|s| s.ids.lock().unwrap_or_else(|e| e.into_inner()));
                let ids = guard.as_deref_mut().unwrap_or(&mut local);
                let out = process(&self.inner, rows, ids);
                Ok::<_, ArrowError>((table_batches(&out.rows)?, rejects_batch(&out.rejects)?))
            })
            .map_err(arrow_err)?;
        let d = PyDict::new(py);
        for (table, batch) in tables {
            d.set_item(table.name(), py_table(batch)?)?;
        }
        d.set_item("rejects", py_table(rejects)?)?;
        Ok(d)
    }
}

/// The article ids a stream of batches has kept, for `Pipeline.process(batch, seen=...)`:
/// a later article with one of them is rejected as `duplicate_id`, as `export` does.
#[pyclass(frozen, module = "newsds._core")]
struct IdSet {
    ids: Mutex<HashSet<String>>,
}

#[pymethods]
impl IdSet {
    #[new]
    fn new() -> IdSet {
        IdSet {
            ids: Mutex::new(HashSet::new()),
        }
    }

    fn __len__(&self) -> usize {
        self.ids.lock().map(|s| s.len()).unwrap_or(0)
    }

    fn __contains__(&self, id: &str) -> bool {
        self.ids.lock().is_ok_and(|s| s.contains(id))
    }
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("TOOL_VERSION", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", records::SCHEMA_VERSION)?;
    m.add("UNNAMED_SOURCE", UNNAMED_SOURCE)?;
    m.add("SPLIT_METHOD", pipeline::split::SPLIT_METHOD)?;
    m.add("MAX_ARTICLE_BYTES", parse::MAX_ARTICLE_BYTES)?;
    m.add_function(wrap_pyfunction!(discover, m)?)?;
    m.add_function(wrap_pyfunction!(display_path, m)?)?;
    m.add_function(wrap_pyfunction!(read_file, m)?)?;
    m.add_function(wrap_pyfunction!(raw_input_schema, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(schemas, m)?)?;
    m.add_class::<Pipeline>()?;
    m.add_class::<IdSet>()?;
    Ok(())
}
