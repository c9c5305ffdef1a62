//! One export run: inputs in, a dataset directory out, replaced atomically.

use std::collections::{BTreeMap, VecDeque};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use std::time::Instant;

use anyhow::{Context, Result, bail};
use arrow_array::RecordBatch;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use inputs::{Found, InputFile, Item};
use pipeline::Pipeline;
use rayon::prelude::*;
use records::columns::SplitColumns;
use records::tables::Table;
use records::{Article, RawArticle, RejectRow};

use crate::background::Background;
use crate::cli::RunConfig;
use crate::manifest::{
    self, Counts, FileRecord, InputRecord, ListWriter, Listed, Manifest, ManifestConfig,
    SHARD_KIND, ShardInfo,
};
use crate::reader::{self, Read};
use crate::rejects::RejectSorter;
use crate::writer::{DatasetWriter, FileFormat, ShardLimits, WrittenFile};

/// A one-shot run writes its single shard here, inside the staging directory, then merges it.
const UNSPLIT_DIR: &str = ".unsplit";
/// Scratch folder of a dataset being written: the manifest's per-file lists before they are
/// streamed into `manifest.json` (see [`manifest::Listed`]); removed before the rename.
pub(crate) const INPUTS_SCRATCH_DIR: &str = ".inputs";
/// Scratch folder of a dataset being written: rejects spilled to be put into input order
/// ([`crate::rejects`]); removed once `rejects.jsonl` is written.
pub(crate) const REJECTS_SCRATCH_DIR: &str = ".rejects";
/// The one split of a shard dataset: splits are known only when all shards are merged.
const UNSPLIT: &str = "unsplit";

/// Creates the scratch folder `name` inside the dataset folder `dir`, for files that live
/// only until the dataset is finished; its path.
pub(crate) fn create_scratch(dir: &Path, name: &str) -> Result<PathBuf> {
    let path = dir.join(name);
    std::fs::create_dir_all(&path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(path)
}

/// Removes a scratch folder made by [`create_scratch`], with what is left in it.
pub(crate) fn remove_scratch(path: &Path) -> Result<()> {
    std::fs::remove_dir_all(path).with_context(|| format!("cannot remove {}", path.display()))
}

/// Batches of columns waiting for the shard writer: one being encoded, one waiting, one being
/// labelled keeps both sides busy without holding more than three batches.
const WRITER_QUEUE_BATCHES: usize = 1;

/// A batch is also cut once its articles reach this weight ([`batch_weight`]: their texts'
/// bytes, and more for each possible sentence break), so that memory is bounded by what is
/// labelled and not by `--batch-size` articles alone: parsing and labelling hold some 50-100
/// times an article's text while it is in the batch (tokens, entities, rows), and 512 articles
/// near the 4 MB limit of one article took 3.7 GB at the peak (40 articles of 3 MB: 3.7 GB
/// with one batch of them all, 0.6 GB with batches of 2). Generated news corpora (3.4 KB an
/// article) never reach it: 512 articles weigh 2.0 MB.
const MAX_BATCH_WEIGHT: usize = 4 * 1024 * 1024;

/// What a possible sentence break (a line break or `.`, `!`, `?`) adds to an article's weight.
/// A sentence costs a few hundred bytes while labelled however short it is, so a text of
/// one-word lines costs far more than its bytes tell (an article of them may have up to
/// `parse::MAX_ARTICLE_SENTENCES`); weighed by bytes alone, a batch of them held 4 MiB of text
/// and 1.3 million sentences (40 word lists of 95,000 lines, 13 MB: 606 MiB at the peak, 291
/// MiB weighed so). News text has a break every 60-110 bytes (the seeds; Arabic text fewer)
/// and weighs 1.05-1.25 times its bytes; "a.\n" lines weigh 12 times theirs.
const SENTENCE_BREAK_WEIGHT: usize = 16;

/// The weight of an article's text in a batch (see [`MAX_BATCH_WEIGHT`]).
fn batch_weight(text: &str) -> usize {
    let breaks = text
        .bytes()
        .filter(|b| matches!(b, b'\n' | b'.' | b'!' | b'?'))
        .count();
    text.len() + SENTENCE_BREAK_WEIGHT * breaks
}

/// Shards are cut at this many bytes (uncompressed estimate plus written bytes).
pub(crate) const MAX_SHARD_BYTES: usize = 128 * 1024 * 1024;

pub(crate) fn shard_limits(max_rows: u64) -> ShardLimits {
    ShardLimits {
        bytes: MAX_SHARD_BYTES,
        rows: max_rows,
    }
}

pub use pipeline::split::SPLIT_METHOD;

/// What a run did, for the exit code and the final message.
#[derive(Debug)]
pub struct Summary {
    pub output: PathBuf,
    pub counts: Counts,
    pub timings: Timings,
}

/// An article read and waiting in the batch.
struct Waiting {
    ordinal: u64,
    /// Its file's index in `files`.
    file_index: Option<usize>,
    /// [`pipeline::article_id`], computed once when it was read (to pick its shard).
    id: String,
    raw: RawArticle,
}

/// A run of consecutive articles of the batch labelled on one worker, with their tables as
/// Arrow columns made there, straight from each article and its labels (no owned rows: a
/// `String` per field of every row, copied again into the columns, was 8% of an export's
/// CPU); a batch waiting for the writer holds columns, a fraction of the rows' size.
struct LabelledRun {
    columns: Vec<(Table, RecordBatch)>,
    /// Rows per (table, split), for the manifest.
    row_counts: Vec<(&'static str, String, u64)>,
    /// The articles whose labelling failed (`internal_error`), by their index in the batch.
    failed: Vec<(usize, RejectRow)>,
}

impl LabelledRun {
    /// Labels the parsed articles of `run` (`None`: rejected before labelling).
    /// Each article comes with its index in the batch.
    fn label(
        pipeline: &Pipeline,
        run: Vec<(usize, (&Waiting, Option<Article>))>,
    ) -> Result<LabelledRun> {
        let mut columns = SplitColumns::new();
        let mut row_counts: Vec<(&'static str, String, u64)> = Vec::new();
        let mut failed = Vec::new();
        for (index, (waiting, article)) in run {
            let Some(article) = article else {
                continue;
            };
            let before = Table::SPLIT.map(|t| columns.rows(t));
            let labelled =
                pipeline.label_into(&waiting.raw, &article, waiting.id.clone(), &mut columns);
            let key = match labelled {
                Ok(key) => key,
                Err(reject) => {
                    failed.push((index, reject));
                    continue;
                }
            };
            for (table, before) in Table::SPLIT.into_iter().zip(before) {
                let added = (columns.rows(table) - before) as u64;
                if added == 0 {
                    continue;
                }
                match row_counts.last_mut() {
                    Some((t, s, n)) if *t == table.name() && *s == key.split => *n += added,
                    _ => row_counts.push((table.name(), key.split.clone(), added)),
                }
            }
        }
        Ok(LabelledRun {
            columns: columns.finish()?,
            row_counts,
            failed,
        })
    }
}

struct State<'a> {
    pipeline: &'a Pipeline,
    pool: &'a rayon::ThreadPool,
    /// Encodes each batch's columns while the next batch is parsed and labelled.
    writer: Background<Vec<(Table, RecordBatch)>, DatasetWriter>,
    /// Articles waiting to be processed.
    batch: Vec<Waiting>,
    batch_size: usize,
    /// The weight of the articles in `batch` (see [`MAX_BATCH_WEIGHT`]).
    batch_weight: usize,
    next_ordinal: u64,
    /// Rejects with the ordinal of their input, put into input order when written.
    rejects: RejectSorter,
    /// The id of the last article written.
    last_id: Option<String>,
    files: InputLog,
    /// The index of the file being read. Inputs are read one file at a time, so no map from
    /// path to file is needed (a corpus of small files has a path per article).
    current_file: Option<usize>,
    /// Which shard of the inputs this run writes.
    shard: ShardInfo,
    rows: BTreeMap<String, BTreeMap<String, u64>>,
    articles_written: u64,
    progress: ProgressBar,
    timings: Timings,
}

/// Wall-clock seconds per stage, for `--timings` (never written into the dataset: clocks
/// would break byte-identity).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Timings {
    /// The main thread's time outside the other stages: taking the inputs, and waiting for
    /// the reader thread ([`crate::reader`]; with one thread, reading itself).
    pub read: f64,
    pub parse: f64,
    /// Labelling, and turning each article's rows into Arrow columns (on the same workers).
    pub label: f64,
    /// Gathering a batch's columns, row counts and rejects in input order (main thread).
    pub collect: f64,
    /// Encoding the shard's tables: busy time of the writer thread, which overlaps parsing
    /// and labelling of the next batch.
    pub write: f64,
    /// Time the main thread waited for the writer (the part of `write` that did not overlap).
    pub write_wait: f64,
    /// Closing the shard (the writer's last columns, its manifest) and, in a one-shot run, the
    /// merge (phase 2), whose parts are in `merge`.
    pub finish: f64,
    pub merge: crate::merge::MergeTimings,
    pub total: f64,
    pub input_bytes: u64,
    pub articles: u64,
    pub threads: usize,
}

impl State<'_> {
    /// Takes the next step of reading the inputs.
    fn take(&mut self, step: Read) -> Result<()> {
        match step {
            Read::FileStart(path) => self.current_file = Some(self.files.start_file(path)?),
            Read::Item(item) => self.accept(item)?,
            Read::FileEnd(record) => {
                let Some(i) = self.current_file.take() else {
                    bail!("internal error: {} ended before it started", record.path);
                };
                let file = self.files.file(i);
                debug_assert_eq!(record.path, file.path);
                // Counts are this shard's (kept by `accept` and `flush`); the checksum is the
                // file's.
                file.sha256 = record.sha256;
                file.bytes = record.bytes;
                self.progress.inc(record.bytes);
                self.retire_finished_files()?;
            }
            Read::Unwalkable { path, detail } => {
                self.files.unwalkable(&path)?;
                self.accept(Item::Reject(RejectRow {
                    source_file: path.clone(),
                    source_line: None,
                    reason: "unwalkable".to_string(),
                    detail: format!("{path}: {detail}"),
                }))?;
            }
        }
        Ok(())
    }

    fn accept(&mut self, item: Item) -> Result<()> {
        let (key, source_file) = match &item {
            Item::Article(raw) => (pipeline::article_id(raw), &raw.source_file),
            Item::Reject(r) => (
                format!("{}\0{}", r.source_file, r.source_line.unwrap_or(0)),
                &r.source_file,
            ),
        };
        if pipeline::shard_of(&key, self.shard.count) != self.shard.index {
            return Ok(());
        }
        let file_index = self
            .current_file
            .filter(|&i| self.files.file(i).path == *source_file);
        if let Some(i) = file_index {
            let file = self.files.file(i);
            match &item {
                Item::Article(_) => file.articles_read += 1,
                Item::Reject(_) => file.rejects += 1,
            }
        }
        let ordinal = self.next_ordinal;
        self.next_ordinal += 1;
        match item {
            Item::Article(raw) => {
                self.batch_weight += batch_weight(&raw.text);
                self.batch.push(Waiting {
                    ordinal,
                    file_index,
                    id: key,
                    raw,
                });
                if self.batch.len() >= self.batch_size || self.batch_weight >= MAX_BATCH_WEIGHT {
                    self.flush()?;
                }
            }
            Item::Reject(r) => self.rejects.push((ordinal, 0), r)?,
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        self.batch_weight = 0;
        // Two parallel passes rather than one, so that the stages can be timed apart.
        let pipeline = self.pipeline;
        let clock = Instant::now();
        let parsed: Vec<_> = self.pool.install(|| {
            batch
                .par_iter()
                .map(|waiting| pipeline.parse(&waiting.raw))
                .collect()
        });
        self.timings.parse += clock.elapsed().as_secs_f64();
        // Only a repeat of the article just written is rejected here, because a stream's
        // tables tell articles apart by id only where their rows meet; the merge rejects every
        // other duplicate (keeping a set of ids here would make memory grow with the corpus).
        // Decided before labelling, so that a repeat is not labelled for nothing.
        let mut rejects: Vec<Option<RejectRow>> = Vec::with_capacity(batch.len());
        let articles: Vec<Option<Article>> = batch
            .iter()
            .zip(parsed)
            .map(|(waiting, parsed)| {
                let reject = match parsed {
                    Err(reject) => reject,
                    Ok(_) if self.last_id.as_ref() == Some(&waiting.id) => {
                        let raw = &waiting.raw;
                        pipeline::duplicate_id_reject(
                            &raw.source_file,
                            raw.source_line,
                            &waiting.id,
                        )
                    }
                    Ok(article) => {
                        self.last_id = Some(waiting.id.clone());
                        rejects.push(None);
                        return Some(article);
                    }
                };
                rejects.push(Some(reject));
                None
            })
            .collect();
        let clock = Instant::now();
        // Labelled in runs of articles, each run's rows made into columns at once (per
        // article, the fixed cost of a table's arrays was half the labelling time); a few runs
        // per thread keep the threads evenly busy.
        let run_length = batch
            .len()
            .div_ceil(4 * self.pool.current_num_threads())
            .max(1);
        let runs: Vec<LabelledRun> = self.pool.install(|| {
            batch
                .par_iter()
                .zip(articles)
                .enumerate()
                .chunks(run_length)
                .map(|run| LabelledRun::label(pipeline, run))
                .collect::<Result<_>>()
        })?;
        self.timings.label += clock.elapsed().as_secs_f64();
        let clock = Instant::now();
        let mut columns: Vec<(Table, RecordBatch)> = Vec::new();
        for run in runs {
            for (index, reject) in run.failed {
                rejects[index] = Some(reject);
            }
            for (table, split, n) in run.row_counts {
                *self
                    .rows
                    .entry(table.to_string())
                    .or_default()
                    .entry(split)
                    .or_default() += n;
            }
            columns.extend(run.columns);
        }
        for (waiting, reject) in batch.into_iter().zip(rejects) {
            let Some(reject) = reject else {
                if let Some(i) = waiting.file_index {
                    self.files.file(i).articles_written += 1;
                }
                self.articles_written += 1;
                continue;
            };
            if let Some(i) = waiting.file_index {
                self.files.file(i).rejects += 1;
            }
            self.rejects.push((waiting.ordinal, 0), reject)?;
        }
        // No article waits in the batch now: only the file being read is still open.
        self.files.retire(self.current_file)?;
        self.timings.collect += clock.elapsed().as_secs_f64();
        let clock = Instant::now();
        self.writer.send(columns)?;
        self.timings.write_wait += clock.elapsed().as_secs_f64();
        self.progress.set_message(format!(
            "{} articles, {} sentences, {} rejects",
            self.articles_written,
            self.rows
                .get("sentences")
                .map(|m| m.values().sum::<u64>())
                .unwrap_or(0),
            self.rejects.len()
        ));
        Ok(())
    }

    /// Retires the records of the files read to the end whose articles have all left the batch.
    fn retire_finished_files(&mut self) -> Result<()> {
        let first_waiting = self.batch.iter().find_map(|w| w.file_index);
        let keep_from = match (first_waiting, self.current_file) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.files.retire(keep_from)
    }
}

/// The records of the input files (path, checksum, counts) and the input order, for the
/// manifest. A corpus of small files has a file per article, so a record is kept in memory
/// only while it can still change (while the file is read, or an article of it waits in the
/// batch); then it goes to a scratch file (see [`manifest::Listed`]).
struct InputLog {
    /// The records that can still change; `open[0]` is the first file not yet in `inputs`.
    open: VecDeque<InputFile>,
    inputs: ListWriter<InputRecord>,
    order: ListWriter<String>,
}

impl InputLog {
    fn create(dir: &Path) -> Result<InputLog> {
        let scratch = create_scratch(dir, INPUTS_SCRATCH_DIR)?;
        Ok(InputLog {
            open: VecDeque::new(),
            inputs: ListWriter::create(scratch.join("inputs.jsonl"))?,
            order: ListWriter::create(scratch.join("order.jsonl"))?,
        })
    }

    /// A file about to be read; returns its index.
    fn start_file(&mut self, path: String) -> Result<usize> {
        self.order.push(&path)?;
        self.open.push_back(InputFile {
            path,
            sha256: String::new(),
            bytes: 0,
            articles_read: 0,
            rejects: 0,
            articles_written: 0,
        });
        Ok(self.first_open() + self.open.len() - 1)
    }

    /// The index of `open[0]`: every file before it is retired.
    fn first_open(&self) -> usize {
        self.inputs.len() as usize
    }

    /// A path that could not be walked: in the input order, but no file.
    fn unwalkable(&mut self, path: &str) -> Result<()> {
        self.order.push(&path.to_string())
    }

    fn file(&mut self, index: usize) -> &mut InputFile {
        let first = self.first_open();
        &mut self.open[index - first]
    }

    /// Writes out the records of the files before `keep_from` (of every file when `None`).
    fn retire(&mut self, keep_from: Option<usize>) -> Result<()> {
        let end = keep_from.unwrap_or(usize::MAX);
        while self.first_open() < end {
            let Some(file) = self.open.pop_front() else {
                break;
            };
            self.inputs.push(&InputRecord::from(&file))?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<(Listed<InputRecord>, Listed<String>)> {
        self.retire(None)?;
        Ok((self.inputs.finish()?, self.order.finish()?))
    }
}

/// The staging directory beside `output`: a rename away from being the dataset.
fn staging_dir(output: &Path) -> Result<(PathBuf, String)> {
    let name = output
        .file_name()
        .with_context(|| format!("--output {} has no directory name", output.display()))?
        .to_string_lossy()
        .to_string();
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok((
        parent.join(format!(".{name}.tmp-{}", std::process::id())),
        name,
    ))
}

/// Refuses an existing `--output` that is not a dataset of this tool.
fn check_replaceable(output: &Path) -> Result<()> {
    if !output.exists() {
        return Ok(());
    }
    if !output.is_dir() {
        bail!(
            "refusing to replace {}: it is not a directory",
            output.display()
        );
    }
    let empty = std::fs::read_dir(output)?.next().is_none();
    if empty {
        return Ok(());
    }
    match manifest::read(output) {
        Ok(m) if m.generator == manifest::GENERATOR => Ok(()),
        _ => bail!(
            "refusing to replace {}: it exists and is not a dataset written by export (no manifest.json of ours); remove it or choose another --output",
            output.display()
        ),
    }
}

/// Removes staging directories that interrupted runs left beside `output`.
fn remove_stale_staging(output: &Path, name: &str) -> Result<()> {
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Ok(());
    };
    let prefix = format!(".{name}.tmp-");
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            std::fs::remove_dir_all(entry.path())
                .with_context(|| format!("cannot remove stale {}", entry.path().display()))?;
        }
    }
    Ok(())
}

fn progress_bar(total_bytes: u64, quiet: bool) -> ProgressBar {
    let bar = ProgressBar::new(total_bytes);
    if quiet || !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} {msg}",
        )
        .expect("valid template"),
    );
    bar
}

/// A one-shot run: the inputs become one shard dataset in the staging folder, which is merged
/// into the dataset there (the same merge that combines the shards of a job array).
pub fn run(config: &RunConfig, pipeline: &Pipeline) -> Result<Summary> {
    check_replaceable(&config.output)?;
    let pool = thread_pool(config.threads)?;
    let summary = build_staged(&config.output, |staging| {
        let shard_dir = staging.join(UNSPLIT_DIR);
        let (shard, mut timings) = write_shard(
            config,
            pipeline,
            ShardInfo { index: 0, count: 1 },
            &shard_dir,
            FileFormat::ArrowIpc,
            &pool,
        )?;
        let finishing = Instant::now();
        let kb = pipeline
            .labelers
            .kb
            .clone()
            .unwrap_or_else(|| std::sync::Arc::new(label::kb::KnowledgeBase::builtin()));
        let (merged, merge_timings) =
            crate::merge::merge(std::slice::from_ref(&shard_dir), staging, &kb, &pool)?;
        timings.merge = merge_timings;
        std::fs::remove_dir_all(&shard_dir)?;
        // After the shard's own finishing (its last columns written, its manifest), so that
        // the stages still add up to the total.
        let merging = finishing.elapsed().as_secs_f64();
        timings.finish += merging;
        timings.total += merging;
        debug_assert_eq!(shard.inputs_read, merged.inputs_read);
        // The dataset's articles: the merge rejects duplicate ids the shard still held.
        timings.articles = merged.articles_written;
        let counts = merged;
        strict_check(config, &counts)?;
        Ok(Summary {
            output: config.output.clone(),
            counts,
            timings,
        })
    })?;
    Ok(summary)
}

/// `export --shard i/n`: writes the shard dataset of the inputs that fall in shard `i`.
pub fn run_shard(config: &RunConfig, pipeline: &Pipeline, shard: ShardInfo) -> Result<Summary> {
    check_replaceable(&config.output)?;
    let pool = thread_pool(config.threads)?;
    build_staged(&config.output, |staging| {
        let (counts, timings) =
            write_shard(config, pipeline, shard, staging, FileFormat::Parquet, &pool)?;
        strict_check(config, &counts)?;
        Ok(Summary {
            output: config.output.clone(),
            counts,
            timings,
        })
    })
}

/// `export merge`: shard datasets into one dataset at `output` (see [`crate::merge::merge`]),
/// with the wall-clock seconds of the merge's steps, for `--timings`.
pub fn run_merge(
    shards: &[PathBuf],
    output: &Path,
    threads: usize,
) -> Result<(Counts, crate::merge::MergeTimings)> {
    check_replaceable(output)?;
    for shard in shards {
        if shard.canonicalize().ok() == output.canonicalize().ok() {
            bail!(
                "--output {} is one of the shards being merged",
                output.display()
            );
        }
    }
    let pool = thread_pool(threads)?;
    let kb = label::kb::KnowledgeBase::builtin();
    build_staged(output, |staging| {
        crate::merge::merge(shards, staging, &kb, &pool)
    })
}

fn thread_pool(threads: usize) -> Result<rayon::ThreadPool> {
    Ok(rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?)
}

fn strict_check(config: &RunConfig, counts: &Counts) -> Result<()> {
    if config.strict && counts.rejected > 0 {
        bail!(
            "--strict: {} input(s) rejected ({:?}); the dataset at {} was left as it was",
            counts.rejected,
            counts.rejects_by_reason,
            config.output.display()
        );
    }
    Ok(())
}

/// Builds a dataset in a staging directory beside `output` and puts it in place when `build`
/// succeeds; on an error the staging directory is removed and `output` is left as it was.
pub(crate) fn build_staged<T>(output: &Path, build: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let (staging, name) = staging_dir(output)?;
    remove_stale_staging(output, &name)?;
    std::fs::create_dir_all(&staging)
        .with_context(|| format!("cannot create {}", staging.display()))?;
    match build(&staging) {
        Ok(value) => {
            replace_dir(&staging, output)?;
            Ok(value)
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            Err(e)
        }
    }
}

/// Puts `staging` in place of `output`. The old dataset is moved aside first and removed
/// only once the new one is in place, so some complete dataset is always at `output` or
/// beside it.
fn replace_dir(staging: &Path, output: &Path) -> Result<()> {
    if output.exists() {
        let aside = staging.with_extension("old");
        std::fs::rename(output, &aside)
            .with_context(|| format!("cannot move {} aside", output.display()))?;
        std::fs::rename(staging, output)
            .with_context(|| format!("cannot rename into {}", output.display()))?;
        std::fs::remove_dir_all(&aside)?;
    } else {
        std::fs::rename(staging, output)
            .with_context(|| format!("cannot rename into {}", output.display()))?;
    }
    Ok(())
}

/// Reads every input, parses and labels those of `shard` in batches, and writes them as a
/// shard dataset in `dir`: rows in input order under the one split `unsplit`, rejects, and a
/// manifest with the input order that `export merge` needs.
fn write_shard(
    config: &RunConfig,
    pipeline: &Pipeline,
    shard: ShardInfo,
    dir: &Path,
    format: FileFormat,
    pool: &rayon::ThreadPool,
) -> Result<(Counts, Timings)> {
    // The inputs are walked twice, for the progress bar's total and to be read, rather than
    // listed once and held (see `inputs::walk`).
    let total_bytes: u64 = inputs::walk(&config.inputs)?
        .filter_map(|f| match f {
            Found::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            Found::Unwalkable { .. } => None,
        })
        .sum();
    let mut state = State {
        pipeline,
        pool,
        writer: Background::spawn(
            "shard-writer",
            pool.current_num_threads() > 1,
            WRITER_QUEUE_BATCHES,
            DatasetWriter::new(
                dir,
                vec![UNSPLIT.to_string()],
                shard_limits(config.max_shard_rows),
            )?
            .with_format(format),
            |writer, columns| writer.write_unsplit(columns),
        )?,
        batch: Vec::new(),
        batch_size: config.batch_size,
        batch_weight: 0,
        next_ordinal: 0,
        rejects: RejectSorter::new(dir.join(REJECTS_SCRATCH_DIR)),
        last_id: None,
        files: InputLog::create(dir)?,
        current_file: None,
        shard,
        rows: BTreeMap::new(),
        articles_written: 0,
        progress: progress_bar(total_bytes, config.quiet),
        timings: Timings {
            input_bytes: total_bytes,
            threads: config.threads,
            ..Timings::default()
        },
    };
    let started = Instant::now();
    reader::read_inputs(&config.inputs, config.threads > 1, &mut |step| {
        state.take(step)
    })?;
    state.flush()?;
    state.progress.finish_and_clear();
    let finishing = Instant::now();

    let rejected = state.rejects.len();
    let by_reason = state
        .rejects
        .write(&dir.join("rejects.jsonl"), |_| Ok(()))?;
    let (writer, encoding) = state.writer.finish()?;
    state.timings.write += encoding;
    let written = writer.finish()?;

    let counts = Counts {
        // Every input of this shard (file, JSONL line or unwalkable path) got one ordinal.
        inputs_read: state.next_ordinal,
        articles_written: state.articles_written,
        rejected,
        rejects_by_reason: by_reason,
        rows: BTreeMap::new(),
    };
    if counts.inputs_read != counts.articles_written + counts.rejected {
        bail!(
            "internal error: {} inputs read but {} written and {} rejected",
            counts.inputs_read,
            counts.articles_written,
            counts.rejected
        );
    }
    let (input_records, order) = state.files.finish()?;
    let mut manifest = Manifest {
        generator: manifest::GENERATOR.to_string(),
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: records::SCHEMA_VERSION.to_string(),
        kind: Some(SHARD_KIND.to_string()),
        shard: Some(shard),
        config: ManifestConfig {
            inputs: config
                .inputs
                .iter()
                .map(|p| inputs::display_path(p))
                .collect(),
            seed: config.seed,
            splits: config.splits.to_string(),
            split_method: SPLIT_METHOD.to_string(),
            batch_size: config.batch_size,
            max_shard_rows: config.max_shard_rows,
        },
        inputs: input_records,
        order: Some(order),
        counts,
        files: Vec::new(),
    };
    let (files, rows) = file_records(dir, &written, &[UNSPLIT.to_string()], rejected)?;
    manifest.files = files;
    manifest.counts.rows = rows;
    manifest::write(dir, &manifest)?;
    remove_scratch(&dir.join(INPUTS_SCRATCH_DIR))?;
    let mut timings = state.timings.clone();
    timings.finish = finishing.elapsed().as_secs_f64();
    timings.total = started.elapsed().as_secs_f64();
    // What the main thread did besides the measured stages: taking inputs from the reader.
    timings.read = timings.total
        - timings.parse
        - timings.label
        - timings.collect
        - timings.write_wait
        - timings.finish;
    timings.articles = manifest.counts.articles_written;
    Ok((manifest.counts, timings))
}

/// The manifest's file records (with checksums) and rows per table and split.
type FileRecords = (Vec<FileRecord>, BTreeMap<String, BTreeMap<String, u64>>);

fn file_records(
    dir: &Path,
    written: &[WrittenFile],
    splits: &[String],
    rejects: u64,
) -> Result<FileRecords> {
    let mut files = Vec::new();
    let mut rows: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    for table in records::tables::Table::SPLIT {
        let entry = rows.entry(table.name().to_string()).or_default();
        for split in splits {
            entry.insert(split.clone(), 0);
        }
    }
    for w in written {
        let (sha256, bytes) = manifest::file_sha256(&dir.join(&w.path))?;
        *rows
            .entry(w.table.name().to_string())
            .or_default()
            .entry(w.split.clone())
            .or_default() += w.rows;
        files.push(FileRecord {
            path: w.path.clone(),
            table: w.table.name().to_string(),
            split: Some(w.split.clone()),
            rows: w.rows,
            bytes,
            sha256,
        });
    }
    let (sha256, bytes) = manifest::file_sha256(&dir.join("rejects.jsonl"))?;
    files.push(FileRecord {
        path: "rejects.jsonl".to_string(),
        table: "rejects".to_string(),
        split: None,
        rows: rejects,
        bytes,
        sha256,
    });
    Ok((files, rows))
}

/// Fills in the files and row counts of `manifest` from the written files, checks them, and
/// writes `manifest.json` and the card (statistics read back from the files with polars).
/// Entities listed in the card's "most mentioned".
pub const TOP_ENTITIES: usize = 20;

/// Writes the manifest and the card (with `stats`, the statistics of the written tables).
pub fn finalize(
    dir: &Path,
    mut manifest: Manifest,
    written: &[WrittenFile],
    rejects: u64,
    stats: stats::Stats,
) -> Result<Manifest> {
    let splits: Vec<String> = manifest
        .config
        .splits
        .split(',')
        .filter_map(|p| p.split('=').next())
        .map(String::from)
        .collect();
    let (files, rows) = file_records(dir, written, &splits, rejects)?;
    let articles: u64 = rows.get("articles").map(|m| m.values().sum()).unwrap_or(0);
    if articles != manifest.counts.articles_written {
        bail!(
            "internal error: {articles} article rows written, {} expected",
            manifest.counts.articles_written
        );
    }
    manifest.counts.rows = rows;
    manifest.files = files;
    manifest::write(dir, &manifest)?;
    // Two ways to the same numbers: counted while writing, and read back with polars.
    if cfg!(debug_assertions) && stats != stats::compute(dir, TOP_ENTITIES)? {
        bail!("internal error: the statistics counted while writing differ from the tables'");
    }
    std::fs::write(
        dir.join("README.md"),
        crate::card::render(&manifest, &stats),
    )?;
    Ok(manifest)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A claim labeller with a bug (the pipeline's own test has an entity labeller's): it
    /// panics on any article that mentions "Westbridge".
    struct FragileClaims;

    impl label::ClaimLabeler for FragileClaims {
        fn name(&self) -> &'static str {
            "fragile/1"
        }
        fn find(&self, doc: &label::claims::doc::Doc, _: &mut Vec<records::Claim>) {
            assert!(!doc.article.text.contains("Westbridge"), "fragile labeller");
        }
    }

    fn run_with_fragile_labeller(inputs: &Path, output: &Path, threads: usize) -> Summary {
        let mut labelers = label::Labelers::standard();
        labelers.claims.push(Box::new(FragileClaims));
        let pipeline = Pipeline::new(pipeline::Config::default(), labelers);
        let config = RunConfig {
            inputs: vec![inputs.to_path_buf()],
            output: output.to_path_buf(),
            seed: 42,
            splits: pipeline::SplitSpec::default(),
            threads,
            batch_size: 2,
            max_shard_rows: 1_000_000,
            strict: false,
            quiet: true,
            timings: None,
            shard: None,
        };
        run(&config, &pipeline).unwrap()
    }

    #[test]
    fn an_article_whose_labelling_panics_is_a_reject_and_the_run_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = dir.path().join("in");
        std::fs::create_dir(&inputs).unwrap();
        std::fs::write(
            inputs.join("a.txt"),
            "Mayor Ann Lee said the bridge will open.\n",
        )
        .unwrap();
        std::fs::write(
            inputs.join("b.jsonl"),
            "{\"text\": \"Ann Lee said the road will open.\"}\n\
             {\"text\": \"The bridge of Westbridge is closed, said Ann Lee.\"}\n\
             {\"text\": \"Ann Lee said the bridge will open in May.\"}\n",
        )
        .unwrap();
        let one = run_with_fragile_labeller(&inputs, &dir.path().join("one"), 1);
        let c = &one.counts;
        assert_eq!((c.inputs_read, c.articles_written, c.rejected), (4, 3, 1));
        assert_eq!(
            c.rejects_by_reason,
            [(pipeline::INTERNAL_ERROR.to_string(), 1)].into()
        );
        assert_eq!(c.rows["articles"].values().sum::<u64>(), 3);
        let rejects = std::fs::read_to_string(dir.path().join("one/rejects.jsonl")).unwrap();
        let reject: serde_json::Value = serde_json::from_str(rejects.trim_end()).unwrap();
        assert_eq!(rejects.lines().count(), 1);
        assert_eq!(reject["reason"], "internal_error");
        assert_eq!(reject["source_line"], 2);
        let detail = reject["detail"].as_str().unwrap();
        assert!(
            detail.contains("b.jsonl:2: labelling panicked (fragile labeller)"),
            "{detail}"
        );
        let manifest = crate::manifest::read(&dir.path().join("one")).unwrap();
        assert_eq!(manifest.counts, one.counts);
        let crate::manifest::Listed::Held(files) = manifest.inputs else {
            panic!("a read manifest holds its inputs");
        };
        let b = files.iter().find(|f| f.path.ends_with("b.jsonl")).unwrap();
        assert_eq!((b.articles_read, b.articles_written, b.rejects), (3, 2, 1));
        // Whatever the thread count, the same dataset.
        run_with_fragile_labeller(&inputs, &dir.path().join("two"), 2);
        let shard = "train-00000-of-00001.parquet";
        let files = ["articles", "sentences", "entities", "claims"].map(|t| format!("{t}/{shard}"));
        for file in files.iter().chain([&"rejects.jsonl".to_string()]) {
            let read = |d: &str| std::fs::read(dir.path().join(d).join(file)).unwrap();
            assert_eq!(read("one"), read("two"), "{file}");
        }
    }

    #[test]
    fn short_sentences_weigh_more_than_their_bytes() {
        let news = include_str!("../../../datasets/raw/seeds/000_958801101b51683a.txt");
        let weight = batch_weight(news) as f64 / news.len() as f64;
        assert!((1.0..1.3).contains(&weight), "{weight}");
        let word_list = "a.\n".repeat(1000);
        assert_eq!(
            batch_weight(&word_list),
            3000 + 2000 * SENTENCE_BREAK_WEIGHT
        );
    }
}
