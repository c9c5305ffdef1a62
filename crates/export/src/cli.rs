//! Arguments in two steps, as ripgrep does: raw clap arguments, then a validated
//! configuration that the rest of the program receives.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use pipeline::SplitSpec;

/// Turns news articles into a Parquet dataset of articles, sentences, entities and claims.
///
/// With no arguments, reads the sample corpus in `datasets/raw` and writes `datasets/out`.
#[derive(Debug, Parser)]
#[command(name = "export", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Rewrite an existing dataset's splits with another seed or ratios, without parsing or
    /// labelling again. Articles keep their stories; the manifest and card are updated.
    Resplit {
        /// The dataset directory (holding manifest.json); replaced atomically.
        dataset: PathBuf,
        /// Seed of the split assignment.
        #[arg(long)]
        seed: u64,
        /// Splits and their ratios, in order.
        #[arg(long, default_value = "train=0.8,validation=0.1,test=0.1")]
        split: String,
    },
    /// Score a dataset's sentences, metadata, entities and claims against gold annotations
    /// (the format of shared/gold): P/R/F1 per language, type, kind and labeler.
    Eval {
        /// The dataset directory.
        dataset: PathBuf,
        /// Gold annotations, one article per JSONL line.
        #[arg(long)]
        gold: PathBuf,
        /// Also write the report as JSON here.
        #[arg(long)]
        json: Option<PathBuf>,
    },
    /// Combine shard datasets (from `export --shard i/n` runs or the Ray and Spark helpers)
    /// into one dataset: stories across all shards, splits, card and manifest. The result is
    /// byte-identical to a one-shot run over the same inputs.
    Merge {
        /// The shard dataset directories (all shards of one run, in any order).
        #[arg(required = true)]
        shards: Vec<PathBuf>,
        /// Output dataset directory, replaced atomically.
        #[arg(long, short)]
        output: PathBuf,
        /// Worker threads (default: all cores). The output does not depend on it.
        #[arg(long)]
        threads: Option<usize>,
        /// Write the wall-clock seconds of the merge's steps (signing, clustering, rewriting,
        /// finalizing), the total, the articles written and the threads to this JSON file.
        #[arg(long)]
        timings: Option<PathBuf>,
    },
    /// Check a dataset against its manifest: checksums, row counts and schemas.
    Verify {
        /// The dataset directory (holding manifest.json).
        dataset: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Input file or directory (walked in sorted order); `.txt` holds one article, `.jsonl`
    /// one article per line. May be repeated. Default: `datasets/raw`.
    #[arg(long, short)]
    pub input: Vec<PathBuf>,
    /// Output dataset directory, replaced atomically at the end. Default: `datasets/out`.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Seed of the split assignment.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Splits and their ratios, in order.
    #[arg(long, default_value = "train=0.8,validation=0.1,test=0.1")]
    pub split: String,
    /// Worker threads (default: all cores). The output does not depend on it.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Articles per batch (a batch is also cut at 4 MiB of text, less for text of very short
    /// sentences, for long articles). Bounds memory; changing it does not change the output.
    #[arg(long, default_value_t = 512)]
    pub batch_size: usize,
    /// Rows per Parquet shard at most (shards are also cut at 128 MB).
    #[arg(long, default_value_t = 250_000)]
    pub max_shard_rows: u64,
    /// Process only the inputs that fall in shard I of N (a stable hash of the article id, or
    /// of the location of an input rejected before it has one) and write a shard dataset, to
    /// be combined with `export merge`. For job arrays: every shard reads every input file.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<String>,
    /// Exit with an error if any input is rejected.
    #[arg(long)]
    pub strict: bool,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// Write the wall-clock time of each stage (read, parse, label, write, finish) as JSON to
    /// this file, for benchmarks.
    #[arg(long)]
    pub timings: Option<PathBuf>,
}

/// The validated configuration of a run.
#[derive(Debug, Clone)]
pub struct RunConfig {
    pub inputs: Vec<PathBuf>,
    pub output: PathBuf,
    pub seed: u64,
    pub splits: SplitSpec,
    pub threads: usize,
    pub batch_size: usize,
    pub max_shard_rows: u64,
    pub strict: bool,
    pub quiet: bool,
    pub timings: Option<PathBuf>,
    pub shard: Option<crate::manifest::ShardInfo>,
}

/// `--threads`, or all cores.
pub fn threads_or_all(threads: Option<usize>) -> Result<usize> {
    Ok(match threads {
        Some(0) => bail!("--threads must be at least 1"),
        Some(n) => n,
        None => std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
    })
}

fn parse_shard(spec: &str) -> Result<crate::manifest::ShardInfo> {
    let parsed = spec
        .split_once('/')
        .and_then(|(i, n)| Some((i.trim().parse::<u64>().ok()?, n.trim().parse::<u64>().ok()?)));
    match parsed {
        Some((index, count)) if count > 0 && index < count => {
            Ok(crate::manifest::ShardInfo { index, count })
        }
        _ => bail!("invalid --shard {spec:?}: expected I/N with 0 <= I < N, e.g. 0/4"),
    }
}

impl RunArgs {
    pub fn validate(self) -> Result<RunConfig> {
        let inputs = if self.input.is_empty() {
            vec![PathBuf::from("datasets/raw")]
        } else {
            self.input
        };
        let splits: SplitSpec = self
            .split
            .parse()
            .with_context(|| format!("invalid --split {:?}", self.split))?;
        if self.max_shard_rows == 0 {
            bail!("--max-shard-rows must be at least 1");
        }
        if self.batch_size == 0 {
            bail!("--batch-size must be at least 1");
        }
        let threads = threads_or_all(self.threads)?;
        let shard = self.shard.as_deref().map(parse_shard).transpose()?;
        Ok(RunConfig {
            inputs,
            output: self.output.unwrap_or_else(|| PathBuf::from("datasets/out")),
            seed: self.seed,
            splits,
            threads,
            batch_size: self.batch_size,
            max_shard_rows: self.max_shard_rows,
            strict: self.strict,
            quiet: self.quiet,
            timings: self.timings,
            shard,
        })
    }
}
