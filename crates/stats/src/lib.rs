//! Reads a written dataset back with polars, where a dataframe helps: statistics per split
//! and language for the card, and the article/story table that resplits need.
//!
//! Polars has its own Arrow types, so nothing here hands arrays to arrow-rs: results come out
//! as plain Rust values. This crate only reads; it never writes or changes a dataset. It is
//! the only crate that depends on polars, which keeps the other crates quick to build.

use std::collections::BTreeMap;
use std::path::Path;

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

fn scan(dir: &Path, table: &str) -> Result<LazyFrame, StatsError> {
    let pattern = dir.join(table).join("*.parquet");
    let pattern = pattern.to_string_lossy().to_string();
    LazyFrame::scan_parquet(
        PlRefPath::from(pattern.as_str()),
        ScanArgsParquet::default(),
    )
    .map_err(|source| StatsError::Read {
        path: pattern,
        source,
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

/// Statistics of the dataset in `dir` (the layout `export` writes).
pub fn compute(dir: &Path, top_n: usize) -> Result<Stats, StatsError> {
    let mut stats = Stats::default();
    let langs = scan(dir, "articles")?.select([col("article_id"), col("lang")]);

    let articles = collect(
        scan(dir, "articles")?
            .group_by([col("split"), col("lang")])
            .agg([len().alias("n")])
            .sort(["split", "lang"], Default::default()),
        dir,
        "articles",
    )?;
    for ((split, lang), n) in str_values(&articles, "split", dir)?
        .into_iter()
        .zip(str_values(&articles, "lang", dir)?)
        .zip(u64_values(&articles, "n", dir)?)
    {
        stats.cells.entry((split, lang)).or_default().articles = n;
    }

    let sentences = collect(
        scan(dir, "sentences")?
            .select([
                col("article_id"),
                col("split"),
                col("tokens").list().len().alias("n_tokens"),
            ])
            .join(
                langs.clone(),
                [col("article_id")],
                [col("article_id")],
                JoinArgs::new(JoinType::Left),
            )
            .group_by([col("split"), col("lang")])
            .agg([len().alias("n"), col("n_tokens").sum().alias("tokens")])
            .sort(["split", "lang"], Default::default()),
        dir,
        "sentences",
    )?;
    for (((split, lang), n), tokens) in str_values(&sentences, "split", dir)?
        .into_iter()
        .zip(str_values(&sentences, "lang", dir)?)
        .zip(u64_values(&sentences, "n", dir)?)
        .zip(u64_values(&sentences, "tokens", dir)?)
    {
        let cell = stats.cells.entry((split, lang)).or_default();
        cell.sentences = n;
        cell.tokens = tokens;
    }

    for (table, by) in [("entities", "label"), ("claims", "kind")] {
        let counts = collect(
            scan(dir, table)?
                .select([col("article_id"), col("split"), col(by)])
                .join(
                    langs.clone(),
                    [col("article_id")],
                    [col("article_id")],
                    JoinArgs::new(JoinType::Left),
                )
                .group_by([col("split"), col("lang"), col(by)])
                .agg([len().alias("n")])
                .sort(["split", "lang", by], Default::default()),
            dir,
            table,
        )?;
        for (((split, lang), key), n) in str_values(&counts, "split", dir)?
            .into_iter()
            .zip(str_values(&counts, "lang", dir)?)
            .zip(str_values(&counts, by, dir)?)
            .zip(u64_values(&counts, "n", dir)?)
        {
            let cell = stats.cells.entry((split, lang)).or_default();
            let map = if table == "entities" {
                &mut cell.entities
            } else {
                &mut cell.claims
            };
            map.insert(key, n);
        }
    }

    let top = collect(
        scan(dir, "entities")?
            .filter(col("label").neq(lit("DATE")))
            .select([coalesce(&[col("canonical_name"), col("text")]).alias("name")])
            .group_by([col("name")])
            .agg([len().alias("n")])
            .sort_by_exprs(
                [col("n"), col("name")],
                SortMultipleOptions::default().with_order_descending_multi([true, false]),
            )
            .limit(top_n as IdxSize),
        dir,
        "entities",
    )?;
    stats.top_entities = str_values(&top, "name", dir)?
        .into_iter()
        .zip(u64_values(&top, "n", dir)?)
        .collect();
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
