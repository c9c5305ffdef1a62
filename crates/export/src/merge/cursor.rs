//! Reading a shard stream's tables back in order: files of one table concatenated in name
//! order, Parquet or Arrow IPC, every batch given the table's final schema, and the rows of
//! one article taken as slices of the decoded batches (never copied).

use std::collections::VecDeque;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use arrow_array::cast::AsArray;
use arrow_array::types::Int64Type;
use arrow_array::{Array, RecordBatch, StringArray};
use arrow_schema::SchemaRef;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use records::tables::{ARTICLE_ID_COLUMN, Table};

use super::order::{Order, OrderKey};
use crate::writer::{FileFormat, WRITE_CHUNK_ROWS};

/// Rows per batch read from a shard's files.
const READ_BATCH_ROWS: usize = WRITE_CHUNK_ROWS;

/// Batches of one table file: Parquet (datasets and shard datasets) or Arrow IPC (a one-shot
/// run's scratch shard, see [`crate::writer::FileFormat`]).
pub(crate) type BatchReader =
    Box<dyn Iterator<Item = Result<RecordBatch, arrow_schema::ArrowError>>>;

/// Opens a table file; `columns` (indexes into its table's schema, ascending) reads only those
/// columns, skipping the others' bytes.
pub(crate) fn open_batches(path: &Path, columns: Option<&[usize]>) -> Result<BatchReader> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    if FileFormat::of(path) == Some(FileFormat::ArrowIpc) {
        let reader = arrow_ipc::reader::FileReader::try_new(
            std::io::BufReader::new(file),
            columns.map(<[usize]>::to_vec),
        )
        .with_context(|| format!("{} is not a readable Arrow IPC file", path.display()))?;
        return Ok(Box::new(reader));
    }
    let mut builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .with_context(|| format!("{} is not a readable Parquet file", path.display()))?
        .with_batch_size(READ_BATCH_ROWS);
    if let Some(columns) = columns {
        let mask = ProjectionMask::roots(builder.parquet_schema(), columns.iter().copied());
        builder = builder.with_projection(mask);
    }
    Ok(Box::new(builder.build()?))
}

/// One table of one stream, read in order across its files (sorted by name).
pub(super) struct TableCursor {
    table: Table,
    /// Built once: every batch read is re-labelled with it, and a schema per batch would be
    /// kept alive by each row slice until the writer encodes it.
    schema: SchemaRef,
    /// The columns read (indexes into the table's schema), or all.
    columns: Option<Vec<usize>>,
    files: VecDeque<PathBuf>,
    reader: Option<(PathBuf, BatchReader)>,
    batch: Option<RecordBatch>,
    pub(super) row: usize,
}

impl TableCursor {
    /// A cursor over the articles that reads only what [`head_article`] needs: tables other
    /// than articles are placed by it, and need not decode the articles' text.
    pub(super) fn open_heads(stream: &Path) -> Result<TableCursor> {
        TableCursor::open_columns(stream, Table::Articles, &HEAD_COLUMNS)
    }

    /// A cursor over `table` that reads only the columns named (the article id is always
    /// read: rows are taken by it), skipping the others' bytes.
    pub(super) fn open_columns(stream: &Path, table: Table, names: &[&str]) -> Result<TableCursor> {
        let mut cursor = TableCursor::open(stream, table)?;
        let schema = table.schema();
        let mut columns = names
            .iter()
            .chain([&ARTICLE_ID_COLUMN])
            .map(|name| schema.index_of(name))
            .collect::<Result<Vec<usize>, _>>()?;
        columns.sort_unstable();
        columns.dedup();
        cursor.schema = Arc::new(schema.project(&columns)?);
        cursor.columns = Some(columns);
        Ok(cursor)
    }

    pub(super) fn open(stream: &Path, table: Table) -> Result<TableCursor> {
        let dir = stream.join(table.name());
        let mut files = Vec::new();
        if dir.is_dir() {
            for entry in
                std::fs::read_dir(&dir).with_context(|| format!("cannot list {}", dir.display()))?
            {
                let path = entry?.path();
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                if FileFormat::of(&path).is_some() && !name.starts_with('.') {
                    files.push(path);
                }
            }
        }
        files.sort();
        Ok(TableCursor {
            table,
            schema: table.schema(),
            columns: None,
            files: files.into(),
            reader: None,
            batch: None,
            row: 0,
        })
    }

    fn describe(&self) -> String {
        match &self.reader {
            Some((path, _)) => path.display().to_string(),
            None => self.table.name().to_string(),
        }
    }

    /// Makes sure a row is at the head; false at the end of the table.
    pub(super) fn fill(&mut self) -> Result<bool> {
        loop {
            if self.batch.as_ref().is_some_and(|b| self.row < b.num_rows()) {
                return Ok(true);
            }
            self.batch = None;
            self.row = 0;
            if let Some((path, reader)) = &mut self.reader {
                match reader.next() {
                    Some(batch) => {
                        let batch =
                            batch.with_context(|| format!("cannot read {}", path.display()))?;
                        // The final schema (with descriptions and HF metadata) whatever the
                        // engine wrote; names and types must match exactly.
                        let batch =
                            RecordBatch::try_new(self.schema.clone(), batch.columns().to_vec())
                                .with_context(|| {
                                    format!(
                                        "{}: columns differ from the {} table's schema",
                                        path.display(),
                                        self.table.name()
                                    )
                                })?;
                        self.batch = Some(batch);
                        continue;
                    }
                    None => self.reader = None,
                }
            }
            let Some(path) = self.files.pop_front() else {
                return Ok(false);
            };
            let reader = open_batches(&path, self.columns.as_deref())?;
            self.reader = Some((path, reader));
        }
    }

    pub(super) fn head(&self) -> (&RecordBatch, usize) {
        (self.batch.as_ref().expect("filled"), self.row)
    }

    /// Moves past the head row, returning it as a one-row slice.
    pub(super) fn take_one(&mut self) -> RecordBatch {
        let (batch, row) = self.head();
        let one = batch.slice(row, 1);
        self.row += 1;
        one
    }

    /// Moves past the rows at the head that belong to article `id`, appending them as slices.
    pub(super) fn take_run(&mut self, id: &str, out: &mut Vec<RecordBatch>) -> Result<()> {
        while self.fill()? {
            let (batch, start) = self.head();
            let ids = string_column(batch, ARTICLE_ID_COLUMN)?;
            let mut end = start;
            while end < batch.num_rows() && ids.value(end) == id {
                end += 1;
            }
            if end > start {
                out.push(batch.slice(start, end - start));
            }
            let rows = batch.num_rows();
            self.row = end;
            if end < rows {
                break;
            }
        }
        Ok(())
    }

    /// Fails if rows are left (rows of articles that the articles table does not have, or
    /// rows out of the articles' order).
    pub(super) fn expect_end(&mut self, stream: &Path) -> Result<()> {
        if self.fill()? {
            let (batch, row) = self.head();
            let id = string_column(batch, ARTICLE_ID_COLUMN)?
                .value(row)
                .to_string();
            bail!(
                "{}: {} rows of article {id} ({}) do not follow the articles' order, or that article has no row",
                stream.display(),
                self.table.name(),
                self.describe()
            );
        }
        Ok(())
    }
}

pub(crate) fn string_column<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a StringArray> {
    batch
        .column_by_name(name)
        .with_context(|| format!("no {name} column"))?
        .as_string_opt::<i32>()
        .with_context(|| format!("{name} is not a string column"))
}

/// The articles' columns that [`Head`] is read from.
const HEAD_COLUMNS: [&str; 4] = [ARTICLE_ID_COLUMN, "lang", "source_file", "source_line"];

/// The head article of a stream: id, language and input location.
pub(super) struct Head {
    pub(super) id: String,
    pub(super) lang: String,
    source_file: String,
    source_line: Option<u64>,
}

fn head_article(cursor: &mut TableCursor) -> Result<Option<Head>> {
    if !cursor.fill()? {
        return Ok(None);
    }
    let (batch, row) = cursor.head();
    let line = batch
        .column_by_name("source_line")
        .context("no source_line column")?
        .as_primitive::<Int64Type>();
    Ok(Some(Head {
        id: string_column(batch, ARTICLE_ID_COLUMN)?
            .value(row)
            .to_string(),
        lang: string_column(batch, "lang")?.value(row).to_string(),
        source_file: string_column(batch, "source_file")?.value(row).to_string(),
        source_line: (!line.is_null(row)).then(|| line.value(row) as u64),
    }))
}

/// One stream's articles, and the rows of the table being rewritten, read in step article by
/// article.
pub(super) struct StreamCursor {
    pub(super) articles: TableCursor,
    /// None when the table being rewritten is the articles.
    pub(super) rows: Option<TableCursor>,
    /// The article at the head of `articles`, read once when the cursor reaches it.
    pub(super) head: Option<Head>,
    pub(super) position: u64,
}

impl StreamCursor {
    /// Reads the article now at the head; returns its input order key, or None at the end.
    pub(super) fn read_head(&mut self, order: &Order, stream: &Path) -> Result<Option<OrderKey>> {
        self.head = head_article(&mut self.articles)?;
        self.head
            .as_ref()
            .map(|h| order.key(&h.source_file, h.source_line, stream))
            .transpose()
    }
}
