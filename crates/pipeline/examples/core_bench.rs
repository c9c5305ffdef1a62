//! Benchmark of the pure core (parse + label) with a digest of its output.
//!
//! ```text
//! cargo run --release -p pipeline --example core_bench -- [--threads N] [--batch 512] [--max-mb X] [--repeat R] PATH...
//! ```
//!
//! Reads every input (a `.jsonl`/`.txt` file or a directory of them) into memory first, so
//! that reading is not timed, then parses and labels batches on a rayon pool of `--threads`,
//! timing the two stages apart as the export binary does. Prints MB/s, articles/s, parse and
//! label seconds, and a DIGEST: xxh3-128 over the `{:?}` formatting of every article's
//! `TableRows` and every reject, in input order. Same digest = same output.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use inputs::{Found, Item};
use label::Labelers;
use pipeline::{Config, Pipeline};
use rayon::prelude::*;
use records::{RawArticle, RejectRow, TableRows};
use xxhash_rust::xxh3::Xxh3;

struct Args {
    threads: usize,
    batch: usize,
    max_bytes: Option<u64>,
    repeat: usize,
    paths: Vec<PathBuf>,
}

fn args() -> Args {
    let mut out = Args {
        threads: 1,
        batch: 512,
        max_bytes: None,
        repeat: 1,
        paths: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .unwrap_or_else(|| panic!("{name} needs a value"))
                .parse::<f64>()
                .unwrap_or_else(|e| panic!("{name}: {e}"))
        };
        match a.as_str() {
            "--threads" => out.threads = value("--threads") as usize,
            "--batch" => out.batch = value("--batch") as usize,
            "--max-mb" => out.max_bytes = Some((value("--max-mb") * 1e6) as u64),
            "--repeat" => out.repeat = value("--repeat") as usize,
            "-h" | "--help" => {
                eprintln!(
                    "core_bench [--threads N] [--batch 512] [--max-mb X] [--repeat R] PATH..."
                );
                std::process::exit(0);
            }
            _ => out.paths.push(PathBuf::from(a)),
        }
    }
    assert!(!out.paths.is_empty(), "give a corpus file or directory");
    out
}

/// Feeds `{:?}` output straight into the hasher, without building the string.
struct HashWriter<'a>(&'a mut Xxh3);

impl std::fmt::Write for HashWriter<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

fn hash_debug(hasher: &mut Xxh3, value: &impl std::fmt::Debug) {
    write!(HashWriter(hasher), "{value:?}").expect("hashing never fails");
    hasher.update(b"\n");
}

/// Every input in order: articles, and rejects of reading.
fn read_corpus(args: &Args) -> (Vec<Item>, u64) {
    let mut items = Vec::new();
    let mut bytes = 0u64;
    for found in inputs::discover(&args.paths).expect("inputs exist") {
        if args.max_bytes.is_some_and(|m| bytes >= m) {
            break;
        }
        match found {
            Found::File(path) => {
                inputs::read_file::<()>(&path, &mut |item| {
                    if args.max_bytes.is_some_and(|m| bytes >= m) {
                        return Ok(());
                    }
                    if let Item::Article(raw) = &item {
                        bytes += raw.text.len() as u64;
                    }
                    items.push(item);
                    Ok(())
                })
                .expect("reading never fails");
            }
            Found::Unwalkable { path, detail } => items.push(Item::Reject(RejectRow {
                source_file: path,
                source_line: None,
                reason: "unwalkable".into(),
                detail,
            })),
        }
    }
    (items, bytes)
}

#[derive(Default)]
struct Totals {
    parse: f64,
    label: f64,
    articles: u64,
    rejects: u64,
}

/// One batch of articles: parsed, then labelled, in two timed parallel passes.
fn run_batch(
    pipeline: &Pipeline,
    batch: &[&RawArticle],
    totals: &mut Totals,
) -> Vec<Result<TableRows, RejectRow>> {
    let clock = Instant::now();
    let parsed: Vec<_> = batch.par_iter().map(|raw| pipeline.parse(raw)).collect();
    totals.parse += clock.elapsed().as_secs_f64();
    let clock = Instant::now();
    let out = batch
        .par_iter()
        .zip(parsed)
        .map(|(raw, parsed)| parsed.and_then(|article| pipeline.label(raw, &article)))
        .collect();
    totals.label += clock.elapsed().as_secs_f64();
    out
}

fn run(pipeline: &Pipeline, items: &[Item], batch_size: usize, totals: &mut Totals) -> u128 {
    let mut hasher = Xxh3::new();
    let mut start = 0;
    while start < items.len() {
        // A batch: items up to `batch_size` articles; rejects of reading keep their place.
        let mut end = start;
        let mut batch = Vec::with_capacity(batch_size);
        while end < items.len() && batch.len() < batch_size {
            if let Item::Article(raw) = &items[end] {
                batch.push(raw);
            }
            end += 1;
        }
        let mut outcomes = run_batch(pipeline, &batch, totals).into_iter();
        for item in &items[start..end] {
            match item {
                Item::Article(_) => match outcomes.next().expect("one outcome per article") {
                    Ok(rows) => {
                        totals.articles += 1;
                        hash_debug(&mut hasher, &rows);
                    }
                    Err(reject) => {
                        totals.rejects += 1;
                        hash_debug(&mut hasher, &reject);
                    }
                },
                Item::Reject(reject) => {
                    totals.rejects += 1;
                    hash_debug(&mut hasher, reject);
                }
            }
        }
        start = end;
    }
    hasher.digest128()
}

fn main() {
    let args = args();
    let clock = Instant::now();
    let (items, bytes) = read_corpus(&args);
    eprintln!(
        "read {} inputs, {:.2} MB in {:.2} s",
        items.len(),
        bytes as f64 / 1e6,
        clock.elapsed().as_secs_f64()
    );
    let clock = Instant::now();
    let pipeline = Pipeline::new(Config::default(), Labelers::standard());
    eprintln!("pipeline built in {:.2} s", clock.elapsed().as_secs_f64());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .expect("a thread pool");
    let mut digests = Vec::new();
    for round in 0..args.repeat {
        let mut totals = Totals::default();
        let clock = Instant::now();
        let digest = pool.install(|| run(&pipeline, &items, args.batch, &mut totals));
        let wall = clock.elapsed().as_secs_f64();
        println!(
            "round {round}: threads {} | {:.3} MB/s | {:.1} articles/s | wall {:.2} s | parse {:.2} s | label {:.2} s | articles {} rejects {}",
            args.threads,
            bytes as f64 / 1e6 / wall,
            totals.articles as f64 / wall,
            wall,
            totals.parse,
            totals.label,
            totals.articles,
            totals.rejects,
        );
        digests.push(digest);
    }
    assert!(
        digests.windows(2).all(|w| w[0] == w[1]),
        "digest differs between rounds"
    );
    println!("DIGEST {:032x}", digests[0]);
}
