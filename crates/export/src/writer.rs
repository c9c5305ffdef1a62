//! Writes table rows as Parquet shards in the Hugging Face layout:
//! `<dir>/<table>/<split>-<i:05>-of-<n:05>.parquet`.
//!
//! Shards rotate when they pass a size cap, so `n` is known only at the end: shards are
//! written under temporary names and renamed by [`DatasetWriter::finish`]. Every split of
//! every table gets at least one file, written with the schema even when it has no rows.
//!
//! Rows reach the Parquet encoder in chunks of [`WRITE_CHUNK_ROWS`], or fewer where the rows
//! reach [`WRITE_CHUNK_BYTES`] (the last chunk shorter), whatever batches the caller hands in:
//! page, row-group and shard cuts are checked per encoder write, so chunks cut by the rows
//! themselves make a file's bytes depend on its rows alone. That is what lets a merge of shard
//! datasets, which sees rows in other batches, write the same bytes as a one-shot run. (A
//! one-shot run's scratch Arrow IPC files, which no one but its merge reads, take longer
//! chunks of short rows: [`FileFormat::chunk_rows`].)

use std::collections::{BTreeMap, VecDeque};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use parquet::schema::types::ColumnPath;
use records::tables::{self, Table};

/// Pinned so that identical runs give identical footers (arrow-rs's default names its own
/// version, which would change files when only the library is upgraded).
pub const CREATED_BY: &str = concat!("newsds-export ", env!("CARGO_PKG_VERSION"));

/// Rows per row group of each table: some 10-25 MB of data before compression whatever the
/// table (an article has ~16 sentences, ~45 entities, ~7 claims). Row groups of 4096 short
/// rows cost more in per-page setup (a zstd context reset per page) and footer entries than
/// in data, and compressed worse (entities 22% larger, sentences 8%). A writer holds its row
/// group until it is full (its pages compressed, each column's open page not yet), and a
/// merge has a writer open per split of each table it is rewriting (three per running pass).
fn row_group_rows(table: Table) -> usize {
    match table {
        Table::Articles | Table::Kb => 4096,
        Table::Claims => 16384,
        Table::Sentences => 32768,
        Table::Entities => 65536,
    }
}

/// The byte cap that also bounds a row group (of very long rows).
const ROW_GROUP_BYTES: usize = 32 * 1024 * 1024;

/// Rows per write to the Parquet encoder (see the module docs). Divides every table's
/// [`row_group_rows`].
pub const WRITE_CHUNK_ROWS: usize = 1024;

/// A chunk also ends at the row that brings it to this many bytes ([`row_bytes`]): rows wait
/// until their chunk is complete, and a chunk of 1024 articles of a megabyte each held a
/// gigabyte (the writer's memory grew with a corpus of long articles up to the 1024th). News
/// articles (~5 KB a row with their source maps) never reach it.
pub const WRITE_CHUNK_BYTES: usize = 8 * 1024 * 1024;

/// Each row's bytes of variable-length data, an estimate used only to cut chunks: string bytes
/// and 8 bytes per list element, through lists of strings and structs. By hand because Arrow
/// measures whole arrays (`get_array_memory_size`), and counts the buffers that a slice shares
/// with its batch.
pub(crate) fn row_bytes(batch: &RecordBatch) -> Vec<usize> {
    let mut sizes = vec![0usize; batch.num_rows()];
    for column in batch.columns() {
        add_row_bytes(column.as_ref(), &mut sizes);
    }
    sizes
}

fn add_row_bytes(array: &dyn Array, sizes: &mut [usize]) {
    match array.data_type() {
        DataType::Utf8 => {
            let offsets = array.as_string::<i32>().value_offsets();
            for (size, w) in sizes.iter_mut().zip(offsets.windows(2)) {
                *size += (w[1] - w[0]) as usize;
            }
        }
        DataType::List(_) => {
            let list = array.as_list::<i32>();
            let offsets = list.value_offsets();
            let strings = list
                .values()
                .as_string_opt::<i32>()
                .map(|s| s.value_offsets());
            for (size, w) in sizes.iter_mut().zip(offsets.windows(2)) {
                let (start, end) = (w[0] as usize, w[1] as usize);
                *size += 8 * (end - start);
                if let Some(o) = strings {
                    *size += (o[end] - o[start]) as usize;
                }
            }
        }
        DataType::Struct(_) => {
            for field in array.as_struct().columns() {
                add_row_bytes(field.as_ref(), sizes);
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenFile {
    /// Path relative to the dataset directory, with `/` separators.
    pub path: String,
    pub table: Table,
    pub split: String,
    pub rows: u64,
}

/// The file format of a writer's shards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// Parquet with zstd: every dataset a user sees.
    Parquet,
    /// The Arrow IPC file format, compressed with zstd level 1: the scratch shard of a one-shot
    /// run, which only its own merge reads back. Writing it is little more than compressing the
    /// Arrow buffers, where Parquet encodes every value (levels, lengths, pages, statistics) and
    /// the merge decodes it again. (LZ4 frames were as fast overall, but took 60% more disk
    /// and zeroed a block buffer for every buffer they decoded.)
    ArrowIpc,
}

impl FileFormat {
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Parquet => "parquet",
            FileFormat::ArrowIpc => "arrow",
        }
    }

    /// Rows of `table` per write to the encoder. Parquet's files must depend on their rows
    /// alone, so its chunks are fixed (see the module docs). A scratch IPC file only has to be
    /// read back; each chunk is one IPC message, every buffer of it compressed on its own, and
    /// in 1024-row chunks of short rows those per-message and per-buffer costs were a tenth of
    /// writing and reading the scratch (longer chunks: 2% fewer instructions for the whole
    /// run). The merge holds a whole chunk while any row of it waits to be written, so chunks
    /// of long rows (articles) stay short.
    fn chunk_rows(self, table: Table) -> usize {
        match (self, table) {
            (FileFormat::Parquet, _) | (FileFormat::ArrowIpc, Table::Articles | Table::Kb) => {
                WRITE_CHUNK_ROWS
            }
            (FileFormat::ArrowIpc, Table::Sentences | Table::Claims) => 4 * WRITE_CHUNK_ROWS,
            (FileFormat::ArrowIpc, Table::Entities) => 8 * WRITE_CHUNK_ROWS,
        }
    }

    /// The format of a table file, by its extension; `None` for any other file.
    pub fn of(path: &Path) -> Option<FileFormat> {
        let extension = path.extension()?;
        [FileFormat::Parquet, FileFormat::ArrowIpc]
            .into_iter()
            .find(|f| extension == f.extension())
    }
}

/// Counts the bytes written through it (the IPC writer does not), for the shard byte cap.
struct Counted<W> {
    inner: W,
    bytes: usize,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The open file of a shard, in either format.
enum ShardFile {
    Parquet(ArrowWriter<File>),
    ArrowIpc(arrow_ipc::writer::FileWriter<Counted<BufWriter<File>>>),
}

impl ShardFile {
    fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        match self {
            ShardFile::Parquet(w) => w.write(batch)?,
            ShardFile::ArrowIpc(w) => w.write(batch)?,
        }
        Ok(())
    }

    /// Bytes written, plus (Parquet) the row group being encoded.
    fn size(&self) -> usize {
        match self {
            ShardFile::Parquet(w) => w.bytes_written() + w.in_progress_size(),
            ShardFile::ArrowIpc(w) => w.get_ref().bytes,
        }
    }

    fn close(self) -> Result<()> {
        match self {
            ShardFile::Parquet(w) => {
                w.close()?;
            }
            ShardFile::ArrowIpc(mut w) => {
                w.finish()?;
                w.into_inner()?
                    .inner
                    .into_inner()
                    .map_err(|e| e.into_error())?;
            }
        }
        Ok(())
    }
}

struct ShardSet {
    current: Option<ShardFile>,
    /// Finished shards: temporary path and row count.
    done: Vec<(PathBuf, u64)>,
    current_rows: u64,
    /// Rows handed in but not yet encoded: fewer than a chunk between calls.
    pending: VecDeque<RecordBatch>,
    /// Each pending row's [`row_bytes`] (so also the count of pending rows).
    pending_sizes: VecDeque<usize>,
    /// Pending rows already found to make no complete chunk, and their bytes.
    scanned: usize,
    scanned_bytes: usize,
}

/// The length of the first chunk of the pending rows, once its end is known: at
/// `chunk_rows` rows, or at the row that brings it to [`WRITE_CHUNK_BYTES`].
fn complete_chunk(set: &mut ShardSet, chunk_rows: usize) -> Option<usize> {
    while set.scanned < set.pending_sizes.len() {
        set.scanned_bytes += set.pending_sizes[set.scanned];
        set.scanned += 1;
        if set.scanned == chunk_rows || set.scanned_bytes >= WRITE_CHUNK_BYTES {
            return Some(set.scanned);
        }
    }
    None
}

/// Takes exactly `n` rows (no more than are pending) off the front of `pending`.
fn take_rows(set: &mut ShardSet, n: usize) -> Result<RecordBatch> {
    let mut parts = Vec::new();
    let mut need = n;
    while need > 0 {
        let batch = set.pending.pop_front().expect("enough rows pending");
        if batch.num_rows() <= need {
            need -= batch.num_rows();
            parts.push(batch);
        } else {
            parts.push(batch.slice(0, need));
            set.pending
                .push_front(batch.slice(need, batch.num_rows() - need));
            need = 0;
        }
    }
    set.pending_sizes.drain(..n);
    set.scanned = 0;
    set.scanned_bytes = 0;
    if parts.len() == 1 {
        return Ok(parts.pop().expect("one part"));
    }
    let schema = parts[0].schema();
    Ok(arrow_select::concat::concat_batches(&schema, &parts)?)
}

/// When a shard is cut: at this many bytes (written plus in progress, i.e. compressed) or this
/// many rows, whichever comes first. The row cap matters for very compressible text, where the
/// byte cap alone would let one shard hold gigabytes once decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardLimits {
    pub bytes: usize,
    pub rows: u64,
}

pub struct DatasetWriter {
    dir: PathBuf,
    /// The tables this writer writes (all split tables, or one when each has its own thread).
    tables: Vec<Table>,
    splits: Vec<String>,
    limits: ShardLimits,
    format: FileFormat,
    shards: BTreeMap<(Table, String), ShardSet>,
}

/// Writer properties of one table: zstd, dictionary encoding only where values repeat,
/// bounded row groups, a pinned `created_by`, and the `huggingface` metadata as a footer key
/// for readers that do not read the Arrow schema.
///
/// zstd level 1, not 3: with the row groups of [`row_group_rows`] level 3 made files only 2.5%
/// smaller (100 MB corpus: 42.7 vs 43.8 MB), but every open column writer keeps a compression
/// context sized for its pages, and the merge's 12 writers (then all open at once) held
/// ~70 MB of them at 1 GB of input (heaptrack); level 1's are a fraction of that (merge peak
/// RSS 440 -> 393 MiB).
pub fn writer_properties(table: Table) -> WriterProperties {
    let mut builder = WriterProperties::builder()
        .set_compression(Compression::ZSTD(
            ZstdLevel::try_new(1).expect("valid zstd level"),
        ))
        .set_created_by(CREATED_BY.to_string())
        .set_max_row_group_row_count(Some(row_group_rows(table)))
        .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
        .set_dictionary_enabled(false)
        .set_key_value_metadata(Some(vec![KeyValue::new(
            "huggingface".to_string(),
            table.hf_metadata(),
        )]));
    for column in table.dictionary_columns() {
        let path = match table
            .columns()
            .iter()
            .find(|c| c.name == *column)
            .map(|c| &c.feature)
        {
            Some(records::tables::Feature::List(_)) => {
                ColumnPath::new(vec![column.to_string(), "list".into(), "item".into()])
            }
            _ => ColumnPath::from(*column),
        };
        builder = builder.set_column_dictionary_enabled(path, true);
    }
    builder.build()
}

impl DatasetWriter {
    pub fn new(dir: &Path, splits: Vec<String>, limits: ShardLimits) -> Result<DatasetWriter> {
        Self::for_tables(dir, Table::SPLIT.to_vec(), splits, limits)
    }

    /// A writer of some of the split tables only; rows of other tables are refused.
    pub fn for_tables(
        dir: &Path,
        tables: Vec<Table>,
        splits: Vec<String>,
        limits: ShardLimits,
    ) -> Result<DatasetWriter> {
        for table in &tables {
            let path = dir.join(table.name());
            std::fs::create_dir_all(&path)
                .with_context(|| format!("cannot create {}", path.display()))?;
        }
        Ok(DatasetWriter {
            dir: dir.to_path_buf(),
            tables,
            splits,
            limits,
            format: FileFormat::Parquet,
            shards: BTreeMap::new(),
        })
    }

    /// The same writer, writing its shards in `format`.
    pub fn with_format(mut self, format: FileFormat) -> DatasetWriter {
        self.format = format;
        self
    }

    /// Writes a table that is not split (the knowledge base) as one file of its own.
    pub fn write_whole(dir: &Path, table: Table, batch: &RecordBatch) -> Result<WrittenFile> {
        let rel = format!(
            "{}/{}-00000-of-00001.parquet",
            table.name(),
            Table::UNSPLIT_NAME
        );
        let path = dir.join(&rel);
        std::fs::create_dir_all(path.parent().expect("a table folder"))?;
        let file =
            File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        let mut writer =
            ArrowWriter::try_new(file, table.schema(), Some(writer_properties(table)))?;
        writer.write(batch)?;
        writer.close()?;
        Ok(WrittenFile {
            path: rel,
            table,
            split: Table::UNSPLIT_NAME.to_string(),
            rows: batch.num_rows() as u64,
        })
    }

    /// Writes every row of a batch of articles (their tables' columns, in input order) under
    /// this writer's one split (the unsplit first phase of an export).
    pub fn write_unsplit(&mut self, columns: Vec<(Table, RecordBatch)>) -> Result<()> {
        let split = self.splits[0].clone();
        for (table, batch) in columns {
            self.write(table, &split, batch)?;
        }
        Ok(())
    }

    fn open_shard(&self, table: Table, split: &str, index: usize) -> Result<ShardFile> {
        let path = self.temp_path(table, split, index);
        let file =
            File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        Ok(match self.format {
            FileFormat::Parquet => ShardFile::Parquet(ArrowWriter::try_new(
                file,
                table.schema(),
                Some(writer_properties(table)),
            )?),
            FileFormat::ArrowIpc => {
                let options = arrow_ipc::writer::IpcWriteOptions::default()
                    .try_with_compression(Some(arrow_ipc::CompressionType::ZSTD))?
                    .try_with_compression_level(Some(1))?;
                ShardFile::ArrowIpc(arrow_ipc::writer::FileWriter::try_new_with_options(
                    Counted {
                        inner: BufWriter::new(file),
                        bytes: 0,
                    },
                    &table.schema(),
                    options,
                )?)
            }
        })
    }

    fn temp_path(&self, table: Table, split: &str, index: usize) -> PathBuf {
        self.dir
            .join(table.name())
            .join(format!(".{split}-{index:05}.partial"))
    }

    /// Appends rows to a table's split. They are encoded in chunks of [`WRITE_CHUNK_ROWS`];
    /// an empty batch only makes sure the split has a file.
    pub fn write(&mut self, table: Table, split: &str, batch: RecordBatch) -> Result<()> {
        if !self.tables.contains(&table) {
            anyhow::bail!("this writer does not write the {} table", table.name());
        }
        let key = (table, split.to_string());
        if !self.shards.contains_key(&key) {
            let writer = self.open_shard(table, split, 0)?;
            self.shards.insert(
                key.clone(),
                ShardSet {
                    current: Some(writer),
                    done: vec![],
                    current_rows: 0,
                    pending: VecDeque::new(),
                    pending_sizes: VecDeque::new(),
                    scanned: 0,
                    scanned_bytes: 0,
                },
            );
        }
        if batch.num_rows() == 0 {
            return Ok(());
        }
        let set = self.shards.get_mut(&key).expect("inserted above");
        set.pending_sizes.extend(row_bytes(&batch));
        set.pending.push_back(batch);
        let chunk_rows = self.format.chunk_rows(table);
        while let Some(n) =
            complete_chunk(self.shards.get_mut(&key).expect("a shard set"), chunk_rows)
        {
            let chunk = take_rows(self.shards.get_mut(&key).expect("a shard set"), n)?;
            self.encode(&key, chunk)?;
        }
        Ok(())
    }

    /// Encodes one chunk, cutting shards at the limits (a chunk that would pass the row cap is
    /// sliced so that no shard holds more rows than the cap).
    fn encode(&mut self, key: &(Table, String), chunk: RecordBatch) -> Result<()> {
        let mut offset = 0;
        loop {
            let full = {
                let set = self.shards.get_mut(key).expect("a shard set");
                let room = self.limits.rows.saturating_sub(set.current_rows) as usize;
                let take = room.min(chunk.num_rows() - offset);
                let writer = set.current.as_mut().expect("a shard is open");
                if take > 0 {
                    writer.write(&chunk.slice(offset, take))?;
                }
                offset += take;
                set.current_rows += take as u64;
                writer.size() >= self.limits.bytes || set.current_rows >= self.limits.rows
            };
            if full {
                self.rotate(key)?;
            }
            if offset >= chunk.num_rows() {
                return Ok(());
            }
        }
    }

    /// Closes the current shard of `key` and opens the next.
    fn rotate(&mut self, key: &(Table, String)) -> Result<()> {
        let (table, split) = (key.0, key.1.clone());
        let index = self.shards[key].done.len() + 1;
        let next = self.open_shard(table, &split, index)?;
        let path = self.temp_path(table, &split, index - 1);
        let set = self.shards.get_mut(key).expect("a shard set");
        let finished = set.current.replace(next).expect("a shard is open");
        finished.close()?;
        set.done.push((path, set.current_rows));
        set.current_rows = 0;
        Ok(())
    }

    /// Closes every shard, writes empty files for splits without rows, and gives the shards
    /// their final names. Returns the files in table, split order.
    pub fn finish(mut self) -> Result<Vec<WrittenFile>> {
        for table in self.tables.clone() {
            for split in self.splits.clone() {
                let key = (table, split.clone());
                if !self.shards.contains_key(&key) {
                    self.write(table, &split, tables::empty_batch(table)?)?;
                }
            }
        }
        let keys: Vec<(Table, String)> = self.shards.keys().cloned().collect();
        for key in keys {
            let rest = self.shards[&key].pending_sizes.len();
            if rest > 0 {
                let chunk = take_rows(self.shards.get_mut(&key).expect("a shard set"), rest)?;
                self.encode(&key, chunk)?;
            }
        }
        let mut written = Vec::new();
        let shards = std::mem::take(&mut self.shards);
        for ((table, split), mut set) in shards {
            if let Some(writer) = set.current.take() {
                writer.close()?;
                set.done.push((
                    self.temp_path(table, &split, set.done.len()),
                    set.current_rows,
                ));
            }
            // An empty trailing shard (rotation right at the end) is dropped unless it is the only one.
            if set.done.len() > 1 && set.done.last().is_some_and(|(_, rows)| *rows == 0) {
                let (path, _) = set.done.pop().expect("checked non-empty");
                std::fs::remove_file(&path)?;
            }
            let n = set.done.len();
            for (i, (temp, rows)) in set.done.into_iter().enumerate() {
                let rel = format!(
                    "{}/{split}-{i:05}-of-{n:05}.{}",
                    table.name(),
                    self.format.extension()
                );
                std::fs::rename(&temp, self.dir.join(&rel))
                    .with_context(|| format!("cannot rename {}", temp.display()))?;
                written.push(WrittenFile {
                    path: rel,
                    table,
                    split: split.clone(),
                    rows,
                });
            }
        }
        let order = |s: &str| {
            self.splits
                .iter()
                .position(|x| x == s)
                .unwrap_or(usize::MAX)
        };
        written.sort_by(|a, b| {
            (a.table, order(&a.split), &a.path).cmp(&(b.table, order(&b.split), &b.path))
        });
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use records::rows::ArticleRow;
    use records::{SourceAnchor, Zone};

    fn article(i: usize, text_bytes: usize) -> ArticleRow {
        ArticleRow {
            article_id: format!("a{i}"),
            split: "unsplit".into(),
            story_id: format!("a{i}"),
            source_file: "in.txt".into(),
            source_line: Some(i as i64),
            lang: "en".into(),
            lang_confidence: 1.0,
            title: Some("A title".into()),
            published: None,
            outlet: None,
            dateline: None,
            url: None,
            text: "x".repeat(text_bytes),
            n_sentences: 1,
            quality_flags: vec!["nfc".into()],
            boilerplate: vec![Zone {
                kind: "credits".into(),
                source_byte_start: 0,
                source_byte_end: 1,
            }],
            source_map: vec![SourceAnchor {
                text_byte: 0,
                source_byte: 0,
            }],
        }
    }

    #[test]
    fn row_bytes_counts_strings_and_list_elements() {
        let batch = tables::articles_batch(&[article(0, 10), article(1, 1000)]).unwrap();
        // Strings: id, split, story id, source file, lang, title, text; lists: one quality
        // flag ("nfc"), one boilerplate zone and one source anchor (8 bytes each: strings in
        // structs in lists are not looked into).
        let fixed = 2 + 7 + 2 + 6 + 2 + 7 + (8 + 3) + 8 + 8;
        assert_eq!(row_bytes(&batch), vec![fixed + 10, fixed + 1000]);
        assert_eq!(row_bytes(&batch.slice(1, 1)), vec![fixed + 1000]);
    }

    /// The chunks a writer of `format` made of `rows` handed in `per_batch` at a time: the row
    /// counts of the record batches of its one file, and the file's bytes.
    fn chunks(format: FileFormat, rows: &[ArticleRow], per_batch: usize) -> (Vec<usize>, Vec<u8>) {
        let dir = tempfile::tempdir().unwrap();
        let limits = ShardLimits {
            bytes: usize::MAX,
            rows: u64::MAX,
        };
        let mut writer =
            DatasetWriter::for_tables(dir.path(), vec![Table::Articles], vec!["s".into()], limits)
                .unwrap()
                .with_format(format);
        for part in rows.chunks(per_batch) {
            let batch = tables::articles_batch(part).unwrap();
            writer.write(Table::Articles, "s", batch).unwrap();
        }
        let files = writer.finish().unwrap();
        assert_eq!(files.len(), 1);
        let path = dir.path().join(&files[0].path);
        let bytes = std::fs::read(&path).unwrap();
        let counts = match format {
            FileFormat::ArrowIpc => {
                arrow_ipc::reader::FileReader::try_new(File::open(&path).unwrap(), None)
                    .unwrap()
                    .map(|b| b.unwrap().num_rows())
                    .collect()
            }
            FileFormat::Parquet => {
                let file =
                    parquet::file::reader::SerializedFileReader::new(File::open(&path).unwrap())
                        .unwrap();
                use parquet::file::reader::FileReader;
                (0..file.num_row_groups())
                    .map(|i| file.metadata().row_group(i).num_rows() as usize)
                    .collect()
            }
        };
        (counts, bytes)
    }

    #[test]
    fn chunks_end_at_a_byte_cap_decided_by_the_rows_alone() {
        // Short articles, then long ones (3 MiB: a chunk ends at the third, past 8 MiB), then
        // short ones again.
        let mut rows: Vec<ArticleRow> = (0..1500).map(|i| article(i, 100)).collect();
        rows.extend((1500..1507).map(|i| article(i, 3 << 20)));
        rows.extend((1507..1600).map(|i| article(i, 100)));
        let (counts, one_batch) = chunks(FileFormat::ArrowIpc, &rows, rows.len());
        // Articles: 1024-row chunks in the scratch format. The short rows' bytes count too:
        // the chunk after the first 1024 reaches the cap at the third long article.
        assert_eq!(counts, vec![1024, 476 + 3, 3, 1 + 93]);
        for per_batch in [1, 7, 500] {
            assert_eq!(
                chunks(FileFormat::ArrowIpc, &rows, per_batch),
                (counts.clone(), one_batch.clone()),
                "{per_batch} rows a batch"
            );
        }
        // Parquet: the same cuts feed its row groups (4096 rows or 32 MiB), and its bytes do
        // not depend on the batches either.
        let parquet = chunks(FileFormat::Parquet, &rows, rows.len());
        assert_eq!(parquet, chunks(FileFormat::Parquet, &rows, 3));
    }
}
