//! `export merge`: shard datasets in, one dataset out (see ARCHITECTURE.md, "Shard datasets
//! and `export merge`"). A one-shot export is the merge of the single shard it just wrote.
//!
//! Two passes over the shards' rows, each a stream read in order:
//! 1. story signatures from the articles and their entities (so that shards written by any
//!    engine need to carry nothing but rows), duplicate ids found in input order;
//! 2. the four tables of all streams interleaved article by article in input order, each
//!    row given its split and story, into the final layout.
//!
//! Memory holds one decoded batch per table and stream, plus an id, a placement and (until
//! clustering) a signature per article.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use arrow_array::cast::AsArray;
use arrow_array::temporal_conversions::date32_to_datetime;
use arrow_array::types::{Date32Type, Int64Type};
use arrow_array::{Array, RecordBatch, StringArray};
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use pipeline::story::{StorySignature, cluster_stories};
use rayon::prelude::*;
use records::tables::{ARTICLE_ID_COLUMN, Table};
use records::{KbRow, RejectRow};

use crate::manifest::{self, Counts, InputRecord, Manifest, SHARD_KIND};
use crate::rewrite::{self, Placement};
use crate::writer::{DatasetWriter, WRITE_CHUNK_ROWS};

/// Rows per batch read from a shard's files.
const READ_BATCH_ROWS: usize = WRITE_CHUNK_ROWS;
/// Rows of a table gathered before they are placed and handed to the writer.
const FLUSH_ROWS: usize = 4 * WRITE_CHUNK_ROWS;

/// Entity types whose referents identify a story (dates are in the signature already).
pub const STORY_ENTITY_TYPES: [&str; 5] = ["PERSON", "ORG", "GPE", "EVENT", "WORK"];

/// Where an input stands in input order: its file's position in the shards' `order`, then its
/// line (0 for a one-article file).
type OrderKey = (usize, u64);

struct Order {
    position: HashMap<String, usize>,
    paths: Vec<String>,
}

impl Order {
    fn path(&self, position: usize) -> &str {
        &self.paths[position]
    }

    fn key(&self, source_file: &str, line: Option<u64>, stream: &Path) -> Result<OrderKey> {
        match self.position.get(source_file) {
            Some(&p) => Ok((p, line.unwrap_or(0))),
            None => bail!(
                "{}: a row comes from {source_file}, which is not among the shards' inputs",
                stream.display()
            ),
        }
    }
}

/// The shards to merge, checked to belong together.
struct Shards {
    manifests: Vec<(PathBuf, Manifest)>,
    streams: Vec<PathBuf>,
    order: Order,
}

fn read_shards(dirs: &[PathBuf]) -> Result<Shards> {
    if dirs.is_empty() {
        bail!("merge needs at least one shard dataset");
    }
    let mut manifests = Vec::new();
    for dir in dirs {
        let m = manifest::read(dir)?;
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
        if m.shard.is_none() || m.order.is_none() {
            bail!("{}: the manifest has no shard or order", dir.display());
        }
        manifests.push((dir.clone(), m));
    }
    let (first_dir, first) = &manifests[0];
    let same_inputs = |a: &Manifest, b: &Manifest| {
        a.inputs.len() == b.inputs.len()
            && a.inputs
                .iter()
                .zip(&b.inputs)
                .all(|(x, y)| x.path == y.path && x.sha256 == y.sha256 && x.bytes == y.bytes)
    };
    for (dir, m) in &manifests[1..] {
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
        if m.order != first.order || !same_inputs(m, first) {
            bail!(
                "{} and {} read different inputs (files, order or checksums differ)",
                dir.display(),
                first_dir.display()
            );
        }
    }
    let count = first.shard.expect("checked").count;
    let mut indexes: Vec<u64> = manifests
        .iter()
        .map(|(_, m)| m.shard.expect("checked"))
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
    let paths = first.order.clone().expect("checked");
    let order = Order {
        position: paths
            .iter()
            .enumerate()
            .map(|(i, p)| (p.clone(), i))
            .collect(),
        paths,
    };
    Ok(Shards {
        manifests,
        streams,
        order,
    })
}

/// One table of one stream, read in order across its files (sorted by name).
struct TableCursor {
    table: Table,
    files: VecDeque<PathBuf>,
    reader: Option<(PathBuf, ParquetRecordBatchReader)>,
    batch: Option<RecordBatch>,
    row: usize,
}

impl TableCursor {
    fn open(stream: &Path, table: Table) -> Result<TableCursor> {
        let dir = stream.join(table.name());
        let mut files = Vec::new();
        if dir.is_dir() {
            for entry in
                std::fs::read_dir(&dir).with_context(|| format!("cannot list {}", dir.display()))?
            {
                let path = entry?.path();
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                if name.ends_with(".parquet") && !name.starts_with('.') {
                    files.push(path);
                }
            }
        }
        files.sort();
        Ok(TableCursor {
            table,
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
                            RecordBatch::try_new(self.table.schema(), batch.columns().to_vec())
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
            let file =
                File::open(&path).with_context(|| format!("cannot open {}", path.display()))?;
            let reader = ParquetRecordBatchReaderBuilder::try_new(file)
                .with_context(|| format!("{} is not a readable Parquet file", path.display()))?
                .with_batch_size(READ_BATCH_ROWS)
                .build()?;
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

fn string_column<'a>(batch: &'a RecordBatch, name: &str) -> Result<&'a StringArray> {
    batch
        .column_by_name(name)
        .with_context(|| format!("no {name} column"))?
        .as_string_opt::<i32>()
        .with_context(|| format!("{name} is not a string column"))
}

/// The head article of a stream: id and input location.
struct Head {
    id: String,
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
        source_file: string_column(batch, "source_file")?.value(row).to_string(),
        source_line: (!line.is_null(row)).then(|| line.value(row) as u64),
    }))
}

/// Where an article of some stream is, as pass 1 finds it (its id and signature are kept
/// beside it, in the vector that clustering takes).
struct Entry {
    key: OrderKey,
    stream: usize,
    position: u64,
}

/// What clustering takes: article ids and signatures.
type Signed = Vec<(String, StorySignature)>;

/// Pass 1 over one stream: its articles (in input order, checked) and their story signatures.
fn scan_stream(order: &Order, stream_index: usize, stream: &Path) -> Result<(Vec<Entry>, Signed)> {
    let mut articles = TableCursor::open(stream, Table::Articles)?;
    let mut entities = TableCursor::open(stream, Table::Entities)?;
    let mut entries = Vec::new();
    let mut signatures = Vec::new();
    let mut ids = HashSet::new();
    let mut slices = Vec::new();
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
        let mut inputs = Vec::with_capacity(batch.num_rows() - start);
        for row in start..batch.num_rows() {
            let id = article_ids.value(row);
            if !ids.insert(id.to_string()) {
                bail!(
                    "{}: article id {id} occurs twice in one stream (a stream's ids are unique; duplicates across streams are rejected by merge)",
                    stream.display()
                );
            }
            let line = (!lines.is_null(row)).then(|| lines.value(row) as u64);
            let key = order.key(files.value(row), line, stream)?;
            if entries.last().is_some_and(|e: &Entry| e.key >= key) {
                bail!(
                    "{}: articles are not in input order at {}:{}",
                    stream.display(),
                    files.value(row),
                    line.unwrap_or(0)
                );
            }
            slices.clear();
            entities.take_run(id, &mut slices)?;
            let mut keys = Vec::new();
            for slice in &slices {
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
            inputs.push((row, keys));
            entries.push(Entry {
                key,
                stream: stream_index,
                position: entries.len() as u64,
            });
        }
        signatures.par_extend(inputs.into_par_iter().map(|(row, keys)| {
            let date = (!published.is_null(row))
                .then(|| date32_to_datetime(published.value(row)).map(|d| d.date()))
                .flatten();
            (
                article_ids.value(row).to_string(),
                StorySignature::new(texts.value(row), langs.value(row), &keys, date),
            )
        }));
        articles.row = batch.num_rows();
    }
    entities.expect_end(stream)?;
    Ok((entries, signatures))
}

/// The four tables of one stream, read in step article by article.
struct StreamCursor {
    articles: TableCursor,
    others: Vec<TableCursor>,
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

/// Rows of one table waiting to be placed and written.
#[derive(Default)]
struct Pending {
    slices: Vec<RecordBatch>,
    rows: usize,
}

fn flush(
    table: Table,
    pending: &mut Pending,
    placements: &HashMap<String, Placement>,
    splits: &[String],
    writer: &mut DatasetWriter,
) -> Result<()> {
    if pending.rows == 0 {
        return Ok(());
    }
    let batch = arrow_select::concat::concat_batches(&table.schema(), &pending.slices)?;
    pending.slices.clear();
    pending.rows = 0;
    rewrite::place_and_write(table, &batch, placements, splits, writer, table.name())
}

/// Merges `dirs` (shard datasets) into the dataset directory `out` (which must exist and be
/// empty but for what the caller put there), writing tables, rejects, manifest and card.
pub fn merge(
    dirs: &[PathBuf],
    out: &Path,
    kb: &label::kb::KnowledgeBase,
    pool: &rayon::ThreadPool,
) -> Result<Manifest> {
    let shards = read_shards(dirs)?;
    let first = shards.manifests[0].1.clone();

    // Pass 1: every article with its signature. Clustering does not depend on the order of
    // its items, so streams are simply concatenated.
    let mut entries: Vec<Entry> = Vec::new();
    let mut signed: Signed = Vec::new();
    for (i, stream) in shards.streams.iter().enumerate() {
        let (e, s) = pool.install(|| scan_stream(&shards.order, i, stream))?;
        entries.extend(e);
        signed.extend(s);
    }
    let mut keys: Vec<OrderKey> = entries.iter().map(|e| e.key).collect();
    keys.sort_unstable();
    if let Some(w) = keys.windows(2).find(|w| w[0] == w[1]) {
        bail!(
            "{}:{} was processed twice (by two shards or parts); each input must be in exactly one",
            shards.order.path(w[0].0),
            w[0].1
        );
    }
    drop(keys);

    // Duplicates: the first article of an id in input order stays, later ones are rejected.
    let mut drop_mask = vec![false; entries.len()];
    {
        let mut first: HashMap<&str, usize> = HashMap::with_capacity(signed.len());
        for (i, (id, _)) in signed.iter().enumerate() {
            match first.entry(id.as_str()) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(i);
                }
                std::collections::hash_map::Entry::Occupied(mut o) => {
                    if entries[i].key < entries[*o.get()].key {
                        drop_mask[*o.get()] = true;
                        o.insert(i);
                    } else {
                        drop_mask[i] = true;
                    }
                }
            }
        }
    }
    let mut dropped: HashSet<(usize, u64)> = HashSet::new();
    let mut rejects: Vec<(OrderKey, RejectRow)> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        if drop_mask[i] {
            dropped.insert((entry.stream, entry.position));
            let line = (entry.key.1 > 0).then_some(entry.key.1);
            rejects.push((
                entry.key,
                pipeline::duplicate_id_reject(shards.order.path(entry.key.0), line, &signed[i].0),
            ));
        }
    }
    drop(entries);
    // In place: the signatures are the bulk of a merge's memory.
    let mut mask = drop_mask.into_iter();
    signed.retain(|_| !mask.next().expect("one flag per article"));
    let mut written_per_file: HashMap<String, u64> = HashMap::new();

    // Stories across all shards, then each article's split from its story.
    let seed = first.config.seed;
    let splits_spec: pipeline::SplitSpec = first
        .config
        .splits
        .parse()
        .with_context(|| format!("invalid splits {:?} in the shards", first.config.splits))?;
    let story_ids = pool.install(|| cluster_stories(&signed));
    let ids: Vec<String> = signed.into_iter().map(|(id, _)| id).collect();
    let mut placements = HashMap::with_capacity(ids.len());
    for (id, story_id) in ids.into_iter().zip(story_ids) {
        let split = splits_spec.assign(seed, &story_id).to_string();
        placements.insert(id, Placement { split, story_id });
    }
    let splits: Vec<String> = splits_spec.names().map(String::from).collect();

    // Pass 2: all streams interleaved article by article in input order.
    let mut writer = DatasetWriter::new(
        out,
        splits.clone(),
        crate::run::shard_limits(first.config.max_shard_rows),
    )?;
    let mut cursors = Vec::new();
    let mut heap = BinaryHeap::new();
    for (i, stream) in shards.streams.iter().enumerate() {
        let mut cursor = StreamCursor {
            articles: TableCursor::open(stream, Table::Articles)?,
            others: [Table::Sentences, Table::Entities, Table::Claims]
                .into_iter()
                .map(|t| TableCursor::open(stream, t))
                .collect::<Result<_>>()?,
            head: None,
            position: 0,
        };
        if let Some(key) = cursor.read_head(&shards.order, stream)? {
            heap.push(Reverse((key, i)));
        }
        cursors.push(cursor);
    }
    let mut pending: Vec<Pending> = Table::SPLIT.iter().map(|_| Pending::default()).collect();
    let mut articles_written = 0u64;
    let mut scratch = Vec::new();
    while let Some(Reverse((_, s))) = heap.pop() {
        let stream = &shards.streams[s];
        let cursor = &mut cursors[s];
        let head = cursor.head.take().expect("a head was pushed");
        let keep = !dropped.contains(&(s, cursor.position));
        let article = cursor.articles.take_one();
        if keep {
            pending[0].rows += 1;
            pending[0].slices.push(article);
            articles_written += 1;
            *written_per_file.entry(head.source_file).or_default() += 1;
        }
        for (t, other) in cursor.others.iter_mut().enumerate() {
            scratch.clear();
            other.take_run(&head.id, &mut scratch)?;
            if keep {
                let p = &mut pending[t + 1];
                p.rows += scratch.iter().map(RecordBatch::num_rows).sum::<usize>();
                p.slices.append(&mut scratch);
            }
        }
        cursor.position += 1;
        if let Some(key) = cursor.read_head(&shards.order, stream)? {
            heap.push(Reverse((key, s)));
        } else {
            for other in &mut cursor.others {
                other.expect_end(stream)?;
            }
        }
        for (t, table) in Table::SPLIT.into_iter().enumerate() {
            if pending[t].rows >= FLUSH_ROWS {
                flush(table, &mut pending[t], &placements, &splits, &mut writer)?;
            }
        }
    }
    for (t, table) in Table::SPLIT.into_iter().enumerate() {
        flush(table, &mut pending[t], &placements, &splits, &mut writer)?;
    }
    let mut written = writer.finish()?;
    written.push(DatasetWriter::write_whole(
        out,
        Table::Kb,
        &records::tables::kb_batch(&kb_rows(kb))?,
    )?);

    // Rejects of every stream and the duplicates, in input order.
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
            rejects.push((key, reject));
        }
    }
    rejects.sort_by(|a, b| (a.0, &a.1.reason, &a.1.detail).cmp(&(b.0, &b.1.reason, &b.1.detail)));
    let (by_reason, rejects_per_file) =
        crate::run::write_rejects(&out.join("rejects.jsonl"), rejects.iter().map(|(_, r)| r))?;

    let inputs_read: u64 = shards
        .manifests
        .iter()
        .map(|(_, m)| m.counts.inputs_read)
        .sum();
    let counts = Counts {
        inputs_read,
        articles_written,
        rejected: rejects.len() as u64,
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
    let mut read_per_file: HashMap<&str, u64> = HashMap::new();
    for (_, m) in &shards.manifests {
        for i in &m.inputs {
            *read_per_file.entry(i.path.as_str()).or_default() += i.articles_read;
        }
    }
    let inputs = first
        .inputs
        .iter()
        .map(|i| InputRecord {
            path: i.path.clone(),
            sha256: i.sha256.clone(),
            bytes: i.bytes,
            articles_read: read_per_file[i.path.as_str()],
            articles_written: written_per_file.get(&i.path).copied().unwrap_or(0),
            rejects: rejects_per_file.get(&i.path).copied().unwrap_or(0),
        })
        .collect();
    let manifest = Manifest {
        generator: manifest::GENERATOR.to_string(),
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: records::SCHEMA_VERSION.to_string(),
        kind: None,
        shard: None,
        config: first.config.clone(),
        inputs,
        order: None,
        counts,
        files: Vec::new(),
    };
    crate::run::finalize(out, manifest, &written, rejects.len() as u64)
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
