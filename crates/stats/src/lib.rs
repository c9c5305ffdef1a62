//! Reads a written dataset back with polars, where a dataframe helps: statistics per split
//! and language for the card, and the article/story table that resplits need.
//!
//! Polars has its own Arrow types, so nothing here hands arrays to arrow-rs: results come out
//! as plain Rust values. This crate only reads; it never writes or changes a dataset. It is
//! the only crate that depends on polars, which keeps the other crates quick to build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use polars::prelude::*;
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum StatsError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: PolarsError },
    #[error("{path}: column {column} is missing or has an unexpected type")]
    Column { path: String, column: String },
}

/// Counts of one (split, language) cell.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Cell {
    pub articles: u64,
    pub sentences: u64,
    pub tokens: u64,
    pub entities: BTreeMap<String, u64>,
    pub claims: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Stats {
    /// (split, lang) -> counts.
    pub cells: BTreeMap<(String, String), Cell>,
    /// The most mentioned entities (canonical name, else text; DATE excluded), most first,
    /// ties by name.
    pub top_entities: Vec<(String, u64)>,
}

impl Stats {
    pub fn languages(&self) -> Vec<String> {
        let mut langs: Vec<String> = self.cells.keys().map(|(_, l)| l.clone()).collect();
        langs.sort();
        langs.dedup();
        langs
    }
}

/// Statistics run at the end of every export, beside nothing else: polars' low-memory mode
/// keeps them from setting the run's peak memory.
fn scan_args() -> ScanArgsParquet {
    ScanArgsParquet {
        low_memory: true,
        ..ScanArgsParquet::default()
    }
}

fn scan(dir: &Path, table: &str) -> Result<LazyFrame, StatsError> {
    let pattern = dir.join(table).join("*.parquet");
    let pattern = pattern.to_string_lossy().to_string();
    LazyFrame::scan_parquet(PlRefPath::from(pattern.as_str()), scan_args()).map_err(|source| {
        StatsError::Read {
            path: pattern,
            source,
        }
    })
}

fn collect(frame: LazyFrame, dir: &Path, table: &str) -> Result<DataFrame, StatsError> {
    frame.collect().map_err(|source| StatsError::Read {
        path: dir.join(table).to_string_lossy().to_string(),
        source,
    })
}

fn str_values(df: &DataFrame, column: &str, dir: &Path) -> Result<Vec<String>, StatsError> {
    let missing = || StatsError::Column {
        path: dir.to_string_lossy().to_string(),
        column: column.to_string(),
    };
    let series = df.column(column).map_err(|_| missing())?;
    let ca = series.str().map_err(|_| missing())?;
    Ok(ca
        .iter()
        .map(|v| v.unwrap_or_default().to_string())
        .collect())
}

fn u64_values(df: &DataFrame, column: &str, dir: &Path) -> Result<Vec<u64>, StatsError> {
    let missing = || StatsError::Column {
        path: dir.to_string_lossy().to_string(),
        column: column.to_string(),
    };
    let series = df.column(column).map_err(|_| missing())?;
    let cast = series.cast(&DataType::UInt64).map_err(|_| missing())?;
    let ca = cast.u64().map_err(|_| missing())?;
    Ok(ca.iter().map(|v| v.unwrap_or(0)).collect())
}

/// The Parquet files of a table, sorted.
fn table_files(dir: &Path, table: &str) -> Result<Vec<PathBuf>, StatsError> {
    let folder = dir.join(table);
    let entries = std::fs::read_dir(&folder).map_err(|e| StatsError::Read {
        path: folder.to_string_lossy().to_string(),
        source: PolarsError::IO {
            error: std::sync::Arc::new(e),
            msg: None,
        },
    })?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "parquet"))
        .collect();
    files.sort();
    Ok(files)
}

fn scan_file(path: &Path) -> Result<LazyFrame, StatsError> {
    let name = path.to_string_lossy().to_string();
    LazyFrame::scan_parquet(PlRefPath::from(name.as_str()), scan_args())
        .map_err(|source| StatsError::Read { path: name, source })
}

/// Statistics of the dataset in `dir` (the layout `export` writes).
///
/// Sentence, entity and claim files are aggregated one shard at a time and the counts summed,
/// so memory is bounded by the largest shard, not by the dataset; only the small
/// (article_id, lang) table is held whole, for the joins.
pub fn compute(dir: &Path, top_n: usize) -> Result<Stats, StatsError> {
    let mut stats = Stats::default();
    let langs = collect(
        scan(dir, "articles")?.select([col("article_id"), col("lang")]),
        dir,
        "articles",
    )?;

    let articles = collect(
        scan(dir, "articles")?
            .group_by([col("split"), col("lang")])
            .agg([len().alias("n")]),
        dir,
        "articles",
    )?;
    for ((split, lang), n) in str_values(&articles, "split", dir)?
        .into_iter()
        .zip(str_values(&articles, "lang", dir)?)
        .zip(u64_values(&articles, "n", dir)?)
    {
        stats.cells.entry((split, lang)).or_default().articles += n;
    }

    for path in table_files(dir, "sentences")? {
        let counts = collect(
            scan_file(&path)?
                .select([
                    col("article_id"),
                    col("split"),
                    col("token_starts").list().len().alias("n_tokens"),
                ])
                .join(
                    langs.clone().lazy(),
                    [col("article_id")],
                    [col("article_id")],
                    JoinArgs::new(JoinType::Left),
                )
                .group_by([col("split"), col("lang")])
                .agg([len().alias("n"), col("n_tokens").sum().alias("tokens")]),
            &path,
            "",
        )?;
        for (((split, lang), n), tokens) in str_values(&counts, "split", &path)?
            .into_iter()
            .zip(str_values(&counts, "lang", &path)?)
            .zip(u64_values(&counts, "n", &path)?)
            .zip(u64_values(&counts, "tokens", &path)?)
        {
            let cell = stats.cells.entry((split, lang)).or_default();
            cell.sentences += n;
            cell.tokens += tokens;
        }
    }

    let mut mentions: BTreeMap<String, u64> = BTreeMap::new();
    for (table, by) in [("entities", "label"), ("claims", "kind")] {
        for path in table_files(dir, table)? {
            let counts = collect(
                scan_file(&path)?
                    .select([col("article_id"), col("split"), col(by)])
                    .join(
                        langs.clone().lazy(),
                        [col("article_id")],
                        [col("article_id")],
                        JoinArgs::new(JoinType::Left),
                    )
                    .group_by([col("split"), col("lang"), col(by)])
                    .agg([len().alias("n")]),
                &path,
                "",
            )?;
            for (((split, lang), key), n) in str_values(&counts, "split", &path)?
                .into_iter()
                .zip(str_values(&counts, "lang", &path)?)
                .zip(str_values(&counts, by, &path)?)
                .zip(u64_values(&counts, "n", &path)?)
            {
                let cell = stats.cells.entry((split, lang)).or_default();
                let map = if table == "entities" {
                    &mut cell.entities
                } else {
                    &mut cell.claims
                };
                *map.entry(key).or_default() += n;
            }
            if table == "entities" {
                let names = collect(
                    scan_file(&path)?
                        .filter(col("label").neq(lit("DATE")))
                        .select([coalesce(&[col("canonical_name"), col("text")]).alias("name")])
                        .group_by([col("name")])
                        .agg([len().alias("n")]),
                    &path,
                    "",
                )?;
                for (name, n) in str_values(&names, "name", &path)?
                    .into_iter()
                    .zip(u64_values(&names, "n", &path)?)
                {
                    *mentions.entry(name).or_default() += n;
                }
            }
        }
    }
    let mut top: Vec<(String, u64)> = mentions.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(top_n);
    stats.top_entities = top;
    Ok(stats)
}

/// `(article_id, story_id)` of every article, in file order (files sorted by name).
pub fn article_stories(dir: &Path) -> Result<Vec<(String, String)>, StatsError> {
    let df = collect(
        scan(dir, "articles")?.select([col("article_id"), col("story_id")]),
        dir,
        "articles",
    )?;
    Ok(str_values(&df, "article_id", dir)?
        .into_iter()
        .zip(str_values(&df, "story_id", dir)?)
        .collect())
}
