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
//! its table, its pending rows (fewer than [`passes::flush_rows`]) and its three split writers' open
//! row groups; per article, 5 bytes (its story's representative and whether it is a
//! rejected duplicate), plus 8 bytes (its spilled id's offset) and 48 bytes (input order and
//! id hash) until clustering is done; per input file, a hash of its path (the paths are read
//! from disk, see [`Order`]) and its counts of articles
//! written and rejects. Signatures and ids are spilled to disk ([`crate::spill`]), rejects
//! sorted into input order in bounded memory ([`crate::rejects`]).
//!
//! Modules: [`order`] (input order and the duplicate rejects' paths), [`cursor`] (a stream's
//! tables read back in order), [`passes`] (pass 2); pass 1, clustering and the manifest are
//! here. The merge must never hold a row, a text or an input path per article in memory:
//! only the fixed-size records above.

mod cursor;
mod order;
mod passes;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use arrow_array::cast::AsArray;
use arrow_array::temporal_conversions::date32_to_datetime;
use arrow_array::types::{Date32Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use pipeline::story::{StorySignature, StoryStore, cluster};
use rayon::prelude::*;
use records::tables::{ARTICLE_ID_COLUMN, Table};
use records::{KbRow, RejectRow};
use xxhash_rust::xxh3::xxh3_128;

use cursor::TableCursor;
pub(crate) use cursor::{open_batches, string_column};
use order::{Order, OrderKey, input_order, place_duplicate, unplaced_duplicate};
use passes::{Placing, TablePass, rewrite_table};

use crate::manifest::{self, Counts, ListWriter, Listed, Manifest, SHARD_KIND};
use crate::rejects::RejectSorter;
use crate::run::{INPUTS_SCRATCH_DIR, REJECTS_SCRATCH_DIR, create_scratch, remove_scratch};
use crate::spill::{SignatureSpill, SpilledSignatures};
use crate::tally::Tally;
use crate::writer::DatasetWriter;

/// Entity types whose referents identify a story (dates are in the signature already).
pub const STORY_ENTITY_TYPES: [&str; 5] = ["PERSON", "ORG", "GPE", "EVENT", "WORK"];

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
    // Only the columns read below: the articles' source maps and the entities' ids, offsets
    // and labellers are not decoded.
    let mut articles = TableCursor::open_columns(stream, Table::Articles, &SIGNED_ARTICLE_COLUMNS)?;
    let mut entities = TableCursor::open_columns(stream, Table::Entities, &SIGNED_ENTITY_COLUMNS)?;
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

/// The articles' columns pass 1 reads (with the id).
const SIGNED_ARTICLE_COLUMNS: [&str; 5] =
    ["source_file", "source_line", "text", "lang", "published"];
/// The entities' columns [`story_entity_keys`] reads (with the article id).
const SIGNED_ENTITY_COLUMNS: [&str; 4] = ["label", "canonical_id", "canonical_name", "text"];

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
