//! The card's statistics counted while a merge writes the rows, so that no table is read back
//! at the end: reading them back with polars (`stats::compute`, still what `resplit` uses)
//! held a shard file and every article's (id, language) at once, and set the run's peak memory.
//! Debug builds check the two agree on every dataset they write (`run::finalize`).

use std::collections::{BTreeMap, HashMap};

use anyhow::{Context, Result};
use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use records::tables::{ARTICLE_ID_COLUMN, Table};
use stats::Stats;

use crate::merge::string_column;

/// Counts per (split, article language), in the terms of [`stats::Stats`]. A tally per table
/// (each table is written on its own thread) and [`Tally::absorb`] give the same counts as one.
#[derive(Default)]
pub struct Tally {
    stats: Stats,
    mentions: BTreeMap<String, u64>,
}

impl Tally {
    /// Counts the rows of `table` in `batch`, all of split `split`; `langs` gives the language
    /// of each of their articles.
    pub fn observe(
        &mut self,
        table: Table,
        split: &str,
        batch: &RecordBatch,
        langs: &HashMap<String, String>,
    ) -> Result<()> {
        let ids = string_column(batch, ARTICLE_ID_COLUMN)?;
        if table == Table::Articles {
            let langs = string_column(batch, "lang")?;
            for row in 0..batch.num_rows() {
                self.cell(split, langs.value(row)).articles += 1;
            }
            return Ok(());
        }
        for row in 0..batch.num_rows() {
            let lang = langs.get(ids.value(row)).with_context(|| {
                format!(
                    "{} row of article {}, which is not among the articles being written",
                    table.name(),
                    ids.value(row)
                )
            })?;
            match table {
                Table::Sentences => {
                    let tokens = batch
                        .column_by_name("token_starts")
                        .context("no token_starts column")?
                        .as_list::<i32>();
                    let n = if tokens.is_null(row) {
                        0
                    } else {
                        tokens.value_length(row) as u64
                    };
                    let cell = self.cell(split, lang);
                    cell.sentences += 1;
                    cell.tokens += n;
                }
                Table::Entities => {
                    let label = string_column(batch, "label")?.value(row).to_string();
                    if label != "DATE" {
                        let names = string_column(batch, "canonical_name")?;
                        let name = if names.is_null(row) {
                            string_column(batch, "text")?.value(row)
                        } else {
                            names.value(row)
                        };
                        *self.mentions.entry(name.to_string()).or_default() += 1;
                    }
                    *self.cell(split, lang).entities.entry(label).or_default() += 1;
                }
                Table::Claims => {
                    let kind = string_column(batch, "kind")?.value(row).to_string();
                    *self.cell(split, lang).claims.entry(kind).or_default() += 1;
                }
                Table::Articles | Table::Kb => {}
            }
        }
        Ok(())
    }

    fn cell(&mut self, split: &str, lang: &str) -> &mut stats::Cell {
        self.stats
            .cells
            .entry((split.to_string(), lang.to_string()))
            .or_default()
    }

    /// Adds the counts of `other` (another table's tally) to these.
    pub fn absorb(&mut self, other: Tally) {
        for (key, cell) in other.stats.cells {
            let mine = self.stats.cells.entry(key).or_default();
            mine.articles += cell.articles;
            mine.sentences += cell.sentences;
            mine.tokens += cell.tokens;
            for (label, n) in cell.entities {
                *mine.entities.entry(label).or_default() += n;
            }
            for (kind, n) in cell.claims {
                *mine.claims.entry(kind).or_default() += n;
            }
        }
        for (name, n) in other.mentions {
            *self.mentions.entry(name).or_default() += n;
        }
    }

    /// The statistics, with the `top_n` most mentioned entities.
    pub fn finish(mut self, top_n: usize) -> Stats {
        let mut top: Vec<(String, u64)> = self.mentions.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(top_n);
        self.stats.top_entities = top;
        self.stats
    }
}
