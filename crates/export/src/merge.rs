//! `export merge`: shard datasets in, one dataset out (see ARCHITECTURE.md, "Shard datasets
//! and `export merge`"). A one-shot export is the merge of the single shard it just wrote.
//!
//! Two passes over the shards' rows, each a stream read in order:
//! 1. story signatures from the articles and their entities (so that shards written by any
//!    engine need to carry nothing but rows), duplicate ids found in input order;
//! 2. each table of all streams, interleaved article by article in input order (the articles'
//!    ids, languages and input locations read alongside), each row given its split and story,
//!    into the final layout. The tables are independent once the order of the articles is
//!    fixed, so each is a pass of its own ([`rewrite_table`]), one per two threads, its
//!    largest split encoded on a thread beside it.
//!
//! Memory holds, per running table pass, one decoded batch per stream of the articles and of
//! its table, its pending rows (fewer than [`flush_rows`]) and its three split writers' open
//! row groups; per article, 5 bytes (its story's representative and whether it is a
//! rejected duplicate), plus 8 bytes (its spilled id's offset) and 48 bytes (input order and
//! id hash) until clustering is done; per input file, a hash of its path (the paths are read
//! from disk, see [`Order`]) and its counts of articles
//! written and rejects. Signatures and ids are spilled to disk ([`crate::spill`]), rejects
//! sorted into input order in bounded memory ([`crate::rejects`]).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use arrow_array::cast::AsArray;
use arrow_array::temporal_conversions::date32_to_datetime;
use arrow_array::types::{Date32Type, Int64Type};
use arrow_array::{Array, RecordBatch, StringArray};
use arrow_schema::SchemaRef;
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use pipeline::story::{Stories, StorySignature, StoryStore, cluster};
use rayon::prelude::*;
use records::tables::{ARTICLE_ID_COLUMN, SPLIT_COLUMN, STORY_ID_COLUMN, Table};
use records::{KbRow, RejectRow};
use xxhash_rust::xxh3::xxh3_128;

use crate::background::Background;
use crate::manifest::{self, Counts, ListWriter, Listed, Manifest, SHARD_KIND};
use crate::rejects::{InputOrder, RejectSorter};
use crate::rewrite;
use crate::run::{INPUTS_SCRATCH_DIR, REJECTS_SCRATCH_DIR, create_scratch, remove_scratch};
use crate::spill::{SignatureSpill, SpilledSignatures};
use crate::tally::Tally;
use crate::writer::{DatasetWriter, FileFormat, WRITE_CHUNK_ROWS, WrittenFile};

/// Rows per batch read from a shard's files.
const READ_BATCH_ROWS: usize = WRITE_CHUNK_ROWS;

/// Entity types whose referents identify a story (dates are in the signature already).
pub const STORY_ENTITY_TYPES: [&str; 5] = ["PERSON", "ORG", "GPE", "EVENT", "WORK"];

/// Where an input stands in input order: its file's position in the shards' `order`, then its
/// line (0 for a one-article file).
type OrderKey = (usize, u64);

/// The input paths in input order, and a way from a path to its position. A corpus of small
/// files has a path per article (725k of them in the 5 GB benchmark corpus), and the merge
/// asks a path's position for every row it places but a position's path only for rejects and
/// errors. So memory holds a 128-bit hash of each path, sorted, with its position (20 bytes a
/// path, where the packed paths took ~67 at 5 GB: 46 MB), and the paths stay in the spilled
/// list on disk, read in input order when a position's path is wanted. Two distinct paths
/// share a hash with probability about n^2 / 2^129 (1e-27 for a million files).
struct Order {
    /// Hashes of the paths, sorted (ties by position).
    hashes: Vec<u128>,
    /// The position of the path of each hash in `hashes`.
    positions: Vec<u32>,
    /// The paths in input order, one JSON string per line.
    list: Listed<String>,
}

impl Order {
    fn new(list: Listed<String>) -> Result<Order> {
        let mut by_hash: Vec<(u128, u32)> = Vec::with_capacity(list.len() as usize);
        for (position, path) in list.iter()?.enumerate() {
            let position = u32::try_from(position).context("more than 4 billion input paths")?;
            by_hash.push((xxh3_128(path?.as_bytes()), position));
        }
        by_hash.sort_unstable();
        Ok(Order {
            hashes: by_hash.iter().map(|&(hash, _)| hash).collect(),
            positions: by_hash.iter().map(|&(_, position)| position).collect(),
            list,
        })
    }

    fn len(&self) -> usize {
        self.hashes.len()
    }

    /// The position of `path` (its first, should the inputs name one path twice).
    fn position(&self, path: &str) -> Option<usize> {
        let hash = xxh3_128(path.as_bytes());
        let i = self.hashes.partition_point(|&h| h < hash);
        (self.hashes.get(i) == Some(&hash)).then(|| self.positions[i] as usize)
    }

    fn key(&self, source_file: &str, line: Option<u64>, stream: &Path) -> Result<OrderKey> {
        match self.position(source_file) {
            Some(p) => Ok((p, line.unwrap_or(0))),
            None => bail!(
                "{}: a row comes from {source_file}, which is not among the shards' inputs",
                stream.display()
            ),
        }
    }

    /// Reads the paths from disk as positions are asked for in input order.
    fn paths(&self) -> Result<OrderPaths<'_>> {
        Ok(OrderPaths {
            paths: self.list.iter()?,
            current: None,
        })
    }

    /// The path at `position`, read from disk (for an error message).
    fn path(&self, position: usize) -> Result<String> {
        self.paths()?.at(position).map(str::to_string)
    }

    fn remove(self) -> Result<()> {
        self.list.remove()
    }
}

/// A reader of [`Order`]'s paths for positions asked in input order.
struct OrderPaths<'a> {
    paths: Box<dyn Iterator<Item = Result<String>> + 'a>,
    /// The last path read and its position.
    current: Option<(usize, String)>,
}

impl OrderPaths<'_> {
    /// The path at `position`, which is not before the last one asked for.
    fn at(&mut self, position: usize) -> Result<&str> {
        loop {
            match &self.current {
                Some((p, _)) if *p == position => break,
                Some((p, _)) if *p > position => {
                    bail!("internal error: input position {position} asked after {p}")
                }
                _ => {}
            }
            let next = self.current.as_ref().map_or(0, |(p, _)| p + 1);
            let path = self.paths.next().with_context(|| {
                format!("internal error: input position {position} is beyond the inputs")
            })??;
            self.current = Some((next, path));
        }
        Ok(&self.current.as_ref().expect("found").1)
    }
}

/// The shards to merge, checked to belong together. Of their manifests only what the merged
/// manifest needs is kept: the first one without its order, and the inputs' counts summed.
struct Shards {
    first: Manifest,
    /// Inputs read by all shards together.
    inputs_read: u64,
    streams: Vec<PathBuf>,
    order: Order,
}

/// Reads and checks the shards' manifests; their per-file lists are spilled to `scratch`.
fn read_shards(dirs: &[PathBuf], scratch: &Path) -> Result<Shards> {
    if dirs.is_empty() {
        bail!("merge needs at least one shard dataset");
    }
    let mut first: Option<(PathBuf, Manifest)> = None;
    let mut inputs_read = 0;
    let mut indexes = Vec::new();
    for (n, dir) in dirs.iter().enumerate() {
        let m = manifest::read_spilling(dir, scratch, &format!("shard-{n}"))?;
        if m.generator != manifest::GENERATOR || m.kind.as_deref() != Some(SHARD_KIND) {
            bail!(
                "{} is not a shard dataset (written by `export --shard i/n` or an engine helper)",
                dir.display()
            );
        }
        if m.schema_version != records::SCHEMA_VERSION {
            bail!(
                "{}: schema version {} differs from this tool's {}",
                dir.display(),
                m.schema_version,
                records::SCHEMA_VERSION
            );
        }
        let (Some(shard), Some(_)) = (m.shard, &m.order) else {
            bail!("{}: the manifest has no shard or order", dir.display());
        };
        indexes.push(shard);
        inputs_read += m.counts.inputs_read;
        let Some((first_dir, first)) = &mut first else {
            first = Some((dir.clone(), m));
            continue;
        };
        let (a, b) = (&m.config, &first.config);
        if a.inputs != b.inputs
            || a.seed != b.seed
            || a.splits != b.splits
            || a.max_shard_rows != b.max_shard_rows
        {
            bail!(
                "{} and {} were made with different configurations (inputs, seed, splits or shard rows)",
                dir.display(),
                first_dir.display()
            );
        }
        // The lists are on disk: compared entry by entry, and the reads summed into a new list.
        let mut same = m.inputs.len() == first.inputs.len()
            && same_entries(
                first.order.as_ref().expect("checked"),
                m.order.as_ref().expect("checked"),
            )?;
        let mut summed = ListWriter::create(scratch.join(format!("shard-{n}.summed.jsonl")))?;
        if same {
            for (mine, theirs) in first.inputs.iter()?.zip(m.inputs.iter()?) {
                let (mut mine, theirs) = (mine?, theirs?);
                if (&mine.path, &mine.sha256, mine.bytes)
                    != (&theirs.path, &theirs.sha256, theirs.bytes)
                {
                    same = false;
                    break;
                }
                mine.articles_read += theirs.articles_read;
                summed.push(&mine)?;
            }
        }
        if !same {
            bail!(
                "{} and {} read different inputs (files, order or checksums differ)",
                dir.display(),
                first_dir.display()
            );
        }
        let summed = summed.finish()?;
        std::mem::replace(&mut first.inputs, summed).remove()?;
        m.inputs.remove()?;
        if let Some(order) = m.order {
            order.remove()?;
        }
    }
    let (_, mut first) = first.expect("at least one shard");
    let count = first.shard.expect("checked").count;
    let mut indexes: Vec<u64> = indexes
        .into_iter()
        .map(|s| {
            if s.count == count {
                Ok(s.index)
            } else {
                bail!("shards of {count} and of {} cannot be merged", s.count)
            }
        })
        .collect::<Result<_>>()?;
    indexes.sort_unstable();
    if indexes != (0..count).collect::<Vec<_>>() {
        bail!(
            "shards {indexes:?} given, but the run was cut into {count}: each index 0..{count} must be given once"
        );
    }
    let mut streams = Vec::new();
    for dir in dirs {
        if Table::SPLIT.iter().any(|t| dir.join(t.name()).is_dir()) {
            streams.push(dir.clone());
        }
        let parts = dir.join("parts");
        if parts.is_dir() {
            let mut subdirs: Vec<PathBuf> = std::fs::read_dir(&parts)
                .with_context(|| format!("cannot list {}", parts.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir())
                .collect();
            subdirs.sort();
            streams.extend(subdirs);
        }
    }
    let order = Order::new(first.order.take().expect("checked"))?;
    Ok(Shards {
        first,
        inputs_read,
        streams,
        order,
    })
}

/// Whether two lists hold the same entries, read side by side (spilled lists stay on disk).
fn same_entries<T: serde::de::DeserializeOwned + Clone + PartialEq + 'static>(
    a: &Listed<T>,
    b: &Listed<T>,
) -> Result<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    for (x, y) in a.iter()?.zip(b.iter()?) {
        if x? != y? {
            return Ok(false);
        }
    }
    Ok(true)
}

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
struct TableCursor {
    table: Table,
    /// Built once: every batch read is re-labelled with it, and a schema per batch would be
    /// kept alive by each row slice until the writer encodes it.
    schema: SchemaRef,
    /// The columns read (indexes into the table's schema), or all.
    columns: Option<Vec<usize>>,
    files: VecDeque<PathBuf>,
    reader: Option<(PathBuf, BatchReader)>,
    batch: Option<RecordBatch>,
    row: usize,
}

impl TableCursor {
    /// A cursor over the articles that reads only what [`head_article`] needs: tables other
    /// than articles are placed by it, and need not decode the articles' text.
    fn open_heads(stream: &Path) -> Result<TableCursor> {
        let mut cursor = TableCursor::open(stream, Table::Articles)?;
        let schema = Table::Articles.schema();
        let mut columns = HEAD_COLUMNS
            .iter()
            .map(|name| schema.index_of(name))
            .collect::<Result<Vec<usize>, _>>()?;
        columns.sort_unstable();
        cursor.schema = Arc::new(schema.project(&columns)?);
        cursor.columns = Some(columns);
        Ok(cursor)
    }

    fn open(stream: &Path, table: Table) -> Result<TableCursor> {
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
    fn fill(&mut self) -> Result<bool> {
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

    fn head(&self) -> (&RecordBatch, usize) {
        (self.batch.as_ref().expect("filled"), self.row)
    }

    /// Moves past the head row, returning it as a one-row slice.
    fn take_one(&mut self) -> RecordBatch {
        let (batch, row) = self.head();
        let one = batch.slice(row, 1);
        self.row += 1;
        one
    }

    /// Moves past the rows at the head that belong to article `id`, appending them as slices.
    fn take_run(&mut self, id: &str, out: &mut Vec<RecordBatch>) -> Result<()> {
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
    fn expect_end(&mut self, stream: &Path) -> Result<()> {
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
struct Head {
    id: String,
    lang: String,
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

/// What pass 1 keeps of an article until duplicates are found (its id and signature are
/// spilled): where it stands in input order and a hash of its id.
struct Scanned {
    key: OrderKey,
    id_hash: u128,
}

/// Pass 1 over one stream: checks that its articles are in input order, signs them into
/// `spill` and appends what duplicate detection needs of each to `scanned`.
fn scan_stream(
    order: &Order,
    stream: &Path,
    spill: &mut SignatureSpill,
    scanned: &mut Vec<Scanned>,
) -> Result<()> {
    let mut articles = TableCursor::open(stream, Table::Articles)?;
    let mut entities = TableCursor::open(stream, Table::Entities)?;
    let mut last: Option<OrderKey> = None;
    let mut last_id: Option<String> = None;
    while articles.fill()? {
        let (batch, start) = articles.head();
        let batch = batch.clone();
        let article_ids = string_column(&batch, ARTICLE_ID_COLUMN)?;
        let files = string_column(&batch, "source_file")?;
        let lines = batch
            .column_by_name("source_line")
            .context("no source_line column")?
            .as_primitive::<Int64Type>();
        let texts = string_column(&batch, "text")?;
        let langs = string_column(&batch, "lang")?;
        let published = batch
            .column_by_name("published")
            .context("no published column")?
            .as_primitive::<Date32Type>();
        // Each article's entity rows; their keys are taken where the signatures are made,
        // in parallel.
        let mut entity_runs: Vec<Vec<RecordBatch>> = Vec::with_capacity(batch.num_rows() - start);
        for row in start..batch.num_rows() {
            let id = article_ids.value(row);
            let line = (!lines.is_null(row)).then(|| lines.value(row) as u64);
            let key = order.key(files.value(row), line, stream)?;
            if last.is_some_and(|last| last >= key) {
                bail!(
                    "{}: articles are not in input order at {}:{}",
                    stream.display(),
                    files.value(row),
                    line.unwrap_or(0)
                );
            }
            last = Some(key);
            if last_id.as_deref() == Some(id) {
                bail!(
                    "{}: article id {id} occurs twice in a row (the rows of its tables cannot be told apart; a repeat of the article just written must be rejected by the writer)",
                    stream.display()
                );
            }
            last_id = Some(id.to_string());
            let mut run = Vec::new();
            entities.take_run(id, &mut run)?;
            entity_runs.push(run);
            scanned.push(Scanned {
                key,
                id_hash: xxh3_128(id.as_bytes()),
            });
        }
        let signatures: Vec<StorySignature> = entity_runs
            .into_par_iter()
            .enumerate()
            .map(|(k, run)| {
                let keys = story_entity_keys(&run)?;
                let row = start + k;
                let date = (!published.is_null(row))
                    .then(|| date32_to_datetime(published.value(row)).map(|d| d.date()))
                    .flatten();
                Ok(StorySignature::new(
                    texts.value(row),
                    langs.value(row),
                    &keys,
                    date,
                ))
            })
            .collect::<Result<_>>()?;
        for (k, signature) in signatures.iter().enumerate() {
            spill.push(article_ids.value(start + k), signature)?;
        }
        articles.row = batch.num_rows();
    }
    entities.expect_end(stream)
}

/// The keys of an article's story entities (`rows`: its entity rows): the KB id, else the
/// canonical name, else the lower-cased text.
fn story_entity_keys(rows: &[RecordBatch]) -> Result<Vec<String>> {
    let mut keys = Vec::new();
    for slice in rows {
        let labels = string_column(slice, "label")?;
        let canonical_ids = string_column(slice, "canonical_id")?;
        let canonical_names = string_column(slice, "canonical_name")?;
        let texts = string_column(slice, "text")?;
        for i in 0..slice.num_rows() {
            if STORY_ENTITY_TYPES.contains(&labels.value(i)) {
                keys.push(if !canonical_ids.is_null(i) {
                    canonical_ids.value(i).to_string()
                } else if !canonical_names.is_null(i) {
                    canonical_names.value(i).to_string()
                } else {
                    texts.value(i).to_lowercase()
                });
            }
        }
    }
    Ok(keys)
}

/// Finds articles that share an id: the first in input order stays, later ones are dropped
/// from `store` and pushed to `rejects`. Ids are grouped by their 128-bit hash and compared
/// for real within a group, so a hash collision cannot lose an article.
fn reject_duplicates(
    scanned: &[Scanned],
    store: &mut SpilledSignatures,
    rejects: &mut RejectSorter,
) -> Result<()> {
    let mut by_id: Vec<u32> = (0..scanned.len() as u32).collect();
    by_id.sort_unstable_by_key(|&i| (scanned[i as usize].id_hash, scanned[i as usize].key));
    for group in by_id.chunk_by(|&a, &b| scanned[a as usize].id_hash == scanned[b as usize].id_hash)
    {
        if group.len() < 2 {
            continue;
        }
        // In input order (the sort's second key): the first of each id stays. Ids are read
        // one at a time, since one text may be repeated a million times.
        let mut distinct: Vec<String> = Vec::new();
        for &article in group {
            let id = store.id(article)?;
            if !distinct.contains(&id) {
                distinct.push(id);
                continue;
            }
            store.drop_article(article);
            let key = scanned[article as usize].key;
            let line = (key.1 > 0).then_some(key.1);
            rejects.push(input_order(key), unplaced_duplicate(line, id))?;
        }
    }
    Ok(())
}

/// A duplicate's reject before its input's path is known: the path is read from disk as the
/// rejects are written in input order ([`Order::paths`], [`place_duplicate`]). Until then
/// the row holds no path and the id as its detail (the sort does not look at either: one
/// input has at most one duplicate reject).
fn unplaced_duplicate(line: Option<u64>, id: String) -> RejectRow {
    RejectRow {
        source_file: String::new(),
        source_line: line,
        reason: pipeline::DUPLICATE_ID.to_string(),
        detail: id,
    }
}

/// Completes a reject of [`unplaced_duplicate`] with its input's `path`; other rejects are
/// left as they are.
fn place_duplicate(row: &mut RejectRow, path: &str) {
    if row.source_file.is_empty() && row.reason == pipeline::DUPLICATE_ID {
        *row = pipeline::duplicate_id_reject(path, row.source_line, &row.detail);
    }
}

/// An input's place in input order as the reject sorter takes it.
fn input_order((position, line): OrderKey) -> InputOrder {
    (position as u64, line)
}

/// One stream's articles, and the rows of the table being rewritten, read in step article by
/// article.
struct StreamCursor {
    articles: TableCursor,
    /// None when the table being rewritten is the articles.
    rows: Option<TableCursor>,
    /// The article at the head of `articles`, read once when the cursor reaches it.
    head: Option<Head>,
    position: u64,
}

impl StreamCursor {
    /// Reads the article now at the head; returns its input order key, or None at the end.
    fn read_head(&mut self, order: &Order, stream: &Path) -> Result<Option<OrderKey>> {
        self.head = head_article(&mut self.articles)?;
        self.head
            .as_ref()
            .map(|h| order.key(&h.source_file, h.source_line, stream))
            .transpose()
    }
}

/// What every table's pass of [`rewrite_table`] needs to place an article: the streams in
/// input order, and each article's story and whether it is a rejected duplicate, by article
/// number (as signed in pass 1).
struct Placing<'a> {
    order: &'a Order,
    streams: &'a [PathBuf],
    stream_start: &'a [u32],
    dropped: &'a [bool],
    stories: &'a Stories,
    splits_spec: &'a pipeline::SplitSpec,
    seed: u64,
    splits: &'a [String],
    /// The split whose writer runs on a thread of its own beside each pass (the largest, so
    /// that encoding its rows, most of a pass's work, overlaps reading and placing them); None
    /// when the merge runs on one thread.
    offloaded: Option<usize>,
}

/// Rows of one table for one split, waiting to be written.
#[derive(Default)]
struct SplitRows {
    slices: Vec<RecordBatch>,
    rows: usize,
    /// Articles table: the story of each pending row.
    story_ids: Vec<String>,
}

/// What one table's pass wrote and counted.
struct TablePass {
    files: Vec<WrittenFile>,
    tally: Tally,
    /// Articles table: articles written, and how many per input (by position in input order).
    articles: Option<(u64, Vec<u64>)>,
}

/// Rows gathered, over all splits, before they are written: bounds the decoded batches that
/// pending row slices keep alive. Articles are long, so they are written more often.
fn flush_rows(table: Table) -> usize {
    match table {
        Table::Articles => WRITE_CHUNK_ROWS,
        _ => 4 * WRITE_CHUNK_ROWS,
    }
}

/// Pass 2 for one table: every stream's rows of `table` in input order, each to its article's
/// split (and, for articles, story), into `out`. Each table is a pass of its own, reading the
/// articles' heads for the order and its own rows once: a pass keeps only its table's three
/// split writers open, where one pass for all tables kept twelve (their open pages and
/// compression contexts were most of the merge's memory).
fn rewrite_table(
    table: Table,
    placing: &Placing,
    out: &Path,
    limits: crate::writer::ShardLimits,
) -> Result<TablePass> {
    let is_articles = table == Table::Articles;
    let mut articles_written = 0u64;
    let mut per_position = vec![0u64; if is_articles { placing.order.len() } else { 0 }];
    let mut cursors = Vec::new();
    let mut heap = BinaryHeap::new();
    for (i, stream) in placing.streams.iter().enumerate() {
        let mut cursor = StreamCursor {
            articles: if is_articles {
                TableCursor::open(stream, Table::Articles)?
            } else {
                TableCursor::open_heads(stream)?
            },
            rows: (!is_articles)
                .then(|| TableCursor::open(stream, table))
                .transpose()?,
            head: None,
            position: 0,
        };
        if let Some(key) = cursor.read_head(placing.order, stream)? {
            heap.push(Reverse((key, i)));
        } else if let Some(rows) = &mut cursor.rows {
            rows.expect_end(stream)?;
        }
        cursors.push(cursor);
    }
    let kept: Vec<String> = (placing.splits.iter().enumerate())
        .filter(|&(i, _)| Some(i) != placing.offloaded)
        .map(|(_, split)| split.clone())
        .collect();
    let offloaded = match placing.offloaded {
        None => None,
        Some(i) => {
            let split = placing.splits[i].clone();
            let writer = DatasetWriter::for_tables(out, vec![table], vec![split.clone()], limits)?;
            let background = Background::spawn(
                &format!("merge-{}", table.name()),
                true,
                2,
                writer,
                move |writer: &mut DatasetWriter, batch: RecordBatch| {
                    writer.write(table, &split, batch)
                },
            )?;
            Some((i, background))
        }
    };
    let mut output = TableOutput {
        table,
        schema: table.schema(),
        splits: placing.splits,
        pending: placing
            .splits
            .iter()
            .map(|_| SplitRows::default())
            .collect(),
        pending_rows: 0,
        writer: DatasetWriter::for_tables(out, vec![table], kept, limits)?,
        offloaded,
    };
    let mut tally = Tally::spilling_mentions_to(out.join(format!(".mentions-{}", table.name())));
    let mut run = Vec::new();
    while let Some(Reverse((key, s))) = heap.pop() {
        let stream = &placing.streams[s];
        let cursor = &mut cursors[s];
        let head = cursor.head.take().expect("a head was pushed");
        let article_number = placing.stream_start[s] + cursor.position as u32;
        let article = cursor.articles.take_one();
        run.clear();
        match &mut cursor.rows {
            None => run.push(article),
            Some(rows) => rows.take_run(&head.id, &mut run)?,
        }
        if !placing.dropped[article_number as usize] {
            let story_id = placing.stories.story_id(article_number, &head.id);
            // `splits` are the spec's names in its order.
            let index = placing.splits_spec.assign_index(placing.seed, story_id);
            let split = placing.splits[index].as_str();
            let rows: usize = run.iter().map(RecordBatch::num_rows).sum();
            if rows > 0 {
                tally.observe(table, split, &head.lang, &run)?;
            }
            let p = &mut output.pending[index];
            if is_articles {
                p.story_ids.push(story_id.to_string());
                articles_written += 1;
                per_position[key.0] += 1;
            }
            p.rows += rows;
            p.slices.append(&mut run);
            output.pending_rows += rows;
        }
        cursor.position += 1;
        if let Some(key) = cursor.read_head(placing.order, stream)? {
            heap.push(Reverse((key, s)));
        } else if let Some(rows) = &mut cursor.rows {
            rows.expect_end(stream)?;
        }
        if output.pending_rows >= flush_rows(table) {
            output.flush()?;
        }
    }
    output.flush()?;
    Ok(TablePass {
        files: output.finish()?,
        tally,
        articles: is_articles.then_some((articles_written, per_position)),
    })
}

/// One table pass's output: its rows waiting per split, and its split writers.
struct TableOutput<'a> {
    table: Table,
    /// Built once: each written batch keeps its schema alive until the writer encodes it.
    schema: SchemaRef,
    splits: &'a [String],
    pending: Vec<SplitRows>,
    pending_rows: usize,
    /// The writer of every split but the offloaded one.
    writer: DatasetWriter,
    /// The offloaded split (see [`Placing::offloaded`]) and its writer's thread.
    offloaded: Option<(usize, Background<RecordBatch, DatasetWriter>)>,
}

impl TableOutput<'_> {
    /// Writes the pending rows of every split, their `split` (and, for articles,
    /// `story_id`) columns replaced. Where batches are cut does not change the files' bytes.
    fn flush(&mut self) -> Result<()> {
        for (i, (split, p)) in self.splits.iter().zip(self.pending.iter_mut()).enumerate() {
            if p.rows == 0 {
                continue;
            }
            let batch = arrow_select::concat::concat_batches(&self.schema, &p.slices)?;
            let mut batch = rewrite::replace_column(
                &batch,
                SPLIT_COLUMN,
                Arc::new(StringArray::from_iter_values(std::iter::repeat_n(
                    split.as_str(),
                    p.rows,
                ))),
            )?;
            if self.table == Table::Articles {
                batch = rewrite::replace_column(
                    &batch,
                    STORY_ID_COLUMN,
                    Arc::new(StringArray::from_iter_values(&p.story_ids)),
                )?;
            }
            match &mut self.offloaded {
                Some((offloaded, background)) if *offloaded == i => background.send(batch)?,
                _ => self.writer.write(self.table, split, batch)?,
            }
            p.slices.clear();
            p.rows = 0;
            p.story_ids.clear();
        }
        self.pending_rows = 0;
        Ok(())
    }

    /// Closes every split's files; returns them in split order.
    fn finish(self) -> Result<Vec<WrittenFile>> {
        let mut files = self.writer.finish()?;
        if let Some((_, background)) = self.offloaded {
            let (writer, _busy) = background.finish()?;
            files.extend(writer.finish()?);
        }
        let order = |split: &str| self.splits.iter().position(|s| s == split);
        files.sort_by(|a, b| (order(&a.split), &a.path).cmp(&(order(&b.split), &b.path)));
        Ok(files)
    }
}

/// Wall-clock seconds of the merge's steps, for `--timings`.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct MergeTimings {
    /// Pass 1: reading articles and entities back, signing, spilling, duplicate ids.
    pub sign: f64,
    pub cluster: f64,
    /// Pass 2: every row read, placed and written.
    pub rewrite: f64,
    /// Rejects, manifest, checksums and the card's statistics.
    pub finalize: f64,
}

/// Merges `dirs` (shard datasets) into the dataset directory `out` (which must exist and be
/// empty but for what the caller put there), writing tables, rejects, manifest and card.
pub fn merge(
    dirs: &[PathBuf],
    out: &Path,
    kb: &label::kb::KnowledgeBase,
    pool: &rayon::ThreadPool,
) -> Result<(Counts, MergeTimings)> {
    let mut timings = MergeTimings::default();
    let mut clock = Instant::now();
    let lap = |clock: &mut Instant| {
        let seconds = clock.elapsed().as_secs_f64();
        *clock = Instant::now();
        seconds
    };
    let lists = create_scratch(out, INPUTS_SCRATCH_DIR)?;
    let shards = read_shards(dirs, &lists)?;

    // Pass 1: every article signed and spilled to disk, so that memory does not grow with
    // the corpus. Clustering does not depend on the order of its articles, so streams are
    // simply concatenated: article numbers count on from one stream to the next.
    let spill_dir = create_scratch(out, ".stories")?;
    let mut spill = SignatureSpill::create(&spill_dir)?;
    let mut scanned: Vec<Scanned> = Vec::new();
    let mut stream_start: Vec<u32> = Vec::with_capacity(shards.streams.len());
    for stream in &shards.streams {
        stream_start.push(spill.len() as u32);
        pool.install(|| scan_stream(&shards.order, stream, &mut spill, &mut scanned))?;
    }
    let mut store = spill.finish()?;
    let mut keys: Vec<OrderKey> = scanned.iter().map(|s| s.key).collect();
    keys.sort_unstable();
    if let Some(w) = keys.windows(2).find(|w| w[0] == w[1]) {
        bail!(
            "{}:{} was processed twice (by two shards or parts); each input must be in exactly one",
            shards.order.path(w[0].0)?,
            w[0].1
        );
    }
    drop(keys);
    // Rejects of every stream and the duplicates, put into input order as they are written.
    let mut rejects = RejectSorter::new(out.join(REJECTS_SCRATCH_DIR));
    reject_duplicates(&scanned, &mut store, &mut rejects)?;
    drop(scanned);

    // Stories across all shards; each article's split follows from its story in pass 2.
    let seed = shards.first.config.seed;
    let splits_spec: pipeline::SplitSpec =
        shards.first.config.splits.parse().with_context(|| {
            format!(
                "invalid splits {:?} in the shards",
                shards.first.config.splits
            )
        })?;
    timings.sign = lap(&mut clock);
    let stories = pool.install(|| cluster(&store))?;
    let dropped = store.into_dropped();
    remove_scratch(&spill_dir)?;
    let splits: Vec<String> = splits_spec.names().map(String::from).collect();

    timings.cluster = lap(&mut clock);

    // Pass 2: each table's rows of all streams, interleaved article by article in input order;
    // the tables are independent once the order of the articles is fixed.
    let limits = crate::run::shard_limits(shards.first.config.max_shard_rows);
    let placing = Placing {
        order: &shards.order,
        streams: &shards.streams,
        stream_start: &stream_start,
        dropped: &dropped,
        stories: &stories,
        splits_spec: &splits_spec,
        seed,
        splits: &splits,
        offloaded: (pool.current_num_threads() > 1).then(|| splits_spec.largest()),
    };
    // A pass takes two threads (see `Placing::offloaded`), and the passes' open writers set the
    // merge's peak memory. On two cores, merging the 1 GB benchmark's shard: two passes at once
    // (one thread each) 47-49 s and 248-253 MiB; one at a time on one thread 61-62 s and
    // 178-185 MiB; one at a time with its largest split offloaded 45-46 s and 215-223 MiB.
    let passes_at_once = (pool.current_num_threads() / 2).max(1);
    let pass_pool = rayon::ThreadPoolBuilder::new()
        .num_threads(passes_at_once)
        .thread_name(|i| format!("merge-pass-{i}"))
        .build()?;
    // Every pass runs to its end, so that a failure is reported the same way whatever the
    // threads: the first failing table's, in table order.
    let passes = pass_pool
        .install(|| {
            Table::SPLIT
                .par_iter()
                .map(|&table| rewrite_table(table, &placing, out, limits))
                .collect::<Vec<Result<TablePass>>>()
        })
        .into_iter()
        .collect::<Result<Vec<TablePass>>>()?;
    let mut written = Vec::new();
    let mut tally = Tally::default();
    let mut articles_written = 0;
    let mut written_per_position = Vec::new();
    for pass in passes {
        written.extend(pass.files);
        tally.absorb(pass.tally)?;
        if let Some((n, per_position)) = pass.articles {
            articles_written = n;
            written_per_position = per_position;
        }
    }
    timings.rewrite = lap(&mut clock);
    written.push(DatasetWriter::write_whole(
        out,
        Table::Kb,
        &records::tables::kb_batch(&kb_rows(kb))?,
    )?);

    for stream in &shards.streams {
        let path = stream.join("rejects.jsonl");
        if !path.exists() {
            continue;
        }
        let file = File::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
        for (n, line) in BufReader::new(file).lines().enumerate() {
            let line = line.with_context(|| format!("cannot read {}", path.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            let reject: RejectRow = serde_json::from_str(&line)
                .with_context(|| format!("{}:{}: not a reject row", path.display(), n + 1))?;
            let key = shards
                .order
                .key(&reject.source_file, reject.source_line, stream)?;
            rejects.push(input_order(key), reject)?;
        }
    }
    let rejected = rejects.len();
    let mut rejects_per_position = vec![0u64; shards.order.len()];
    let mut paths = shards.order.paths()?;
    let by_reason = rejects.write(&out.join("rejects.jsonl"), |reject| {
        let position = reject.order.0 as usize;
        rejects_per_position[position] += 1;
        place_duplicate(&mut reject.row, paths.at(position)?);
        Ok(())
    })?;
    drop(paths);

    let counts = Counts {
        inputs_read: shards.inputs_read,
        articles_written,
        rejected,
        rejects_by_reason: by_reason,
        rows: BTreeMap::new(),
    };
    if counts.inputs_read != counts.articles_written + counts.rejected {
        bail!(
            "the shards do not add up: they read {} inputs, but {} articles and {} rejects came out (a part is missing or incomplete)",
            counts.inputs_read,
            counts.articles_written,
            counts.rejected
        );
    }
    // The first shard's input records, with every shard's reads summed by `read_shards`.
    let mut inputs = ListWriter::create(lists.join("inputs.jsonl"))?;
    for input in shards.first.inputs.iter()? {
        let mut input = input?;
        let position = shards.order.position(&input.path);
        input.articles_written = position.map_or(0, |p| written_per_position[p]);
        input.rejects = position.map_or(0, |p| rejects_per_position[p]);
        inputs.push(&input)?;
    }
    let inputs = inputs.finish()?;
    shards.order.remove()?;
    let manifest = Manifest {
        generator: manifest::GENERATOR.to_string(),
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: records::SCHEMA_VERSION.to_string(),
        kind: None,
        shard: None,
        config: shards.first.config.clone(),
        inputs,
        order: None,
        counts,
        files: Vec::new(),
    };
    let manifest = crate::run::finalize(
        out,
        manifest,
        &written,
        rejected,
        tally.finish(crate::run::TOP_ENTITIES)?,
    )?;
    remove_scratch(&lists)?;
    timings.finalize = lap(&mut clock);
    Ok((manifest.counts, timings))
}

/// The knowledge base the entities link to, as rows.
pub fn kb_rows(kb: &label::kb::KnowledgeBase) -> Vec<KbRow> {
    kb.entries()
        .map(|e| KbRow {
            id: e.id.clone(),
            kind: e.label.as_str().to_string(),
            name: e.name.clone(),
            wikidata: e.wikidata.clone(),
            aliases: e
                .aliases
                .iter()
                .map(|a| (a.lang.clone(), a.text.clone()))
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_finds_every_path_and_only_those() {
        // Input order is not sorted order, and one path is a prefix of another.
        let paths: Vec<String> = ["b/2.txt", "a/10.txt", "a/1.txt", "c.jsonl", "a/1.txt.bak"]
            .iter()
            .map(|p| p.to_string())
            .collect();
        let order = Order::new(Listed::Held(paths.clone())).unwrap();
        for (i, p) in paths.iter().enumerate() {
            assert_eq!(order.position(p), Some(i), "{p}");
            assert_eq!(&order.path(i).unwrap(), p);
        }
        // Positions asked in input order, repeats included, read the list once.
        let mut reader = order.paths().unwrap();
        for i in [0, 0, 2, 3, 3, 4] {
            assert_eq!(reader.at(i).unwrap(), paths[i]);
        }
        assert!(
            reader.at(1).is_err(),
            "a position before the last one asked"
        );
        assert!(order.path(5).is_err(), "a position beyond the inputs");
        assert_eq!(order.position("a/1"), None);
        assert_eq!(order.position("z"), None);
        let err = order
            .key("missing.txt", Some(3), Path::new("shard"))
            .unwrap_err();
        assert!(err.to_string().contains("missing.txt"), "{err}");
        assert_eq!(
            order.key("c.jsonl", Some(7), Path::new("s")).unwrap(),
            (3, 7)
        );
        assert_eq!(order.key("b/2.txt", None, Path::new("s")).unwrap(), (0, 0));
    }
}
