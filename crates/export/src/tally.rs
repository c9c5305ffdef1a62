//! The card's statistics counted while a merge writes the rows, so that no table is read back
//! at the end: reading them back with polars (`stats::compute`, still what `resplit` uses)
//! held a shard file and every article's (id, language) at once, and set the run's peak memory.
//! Debug builds check the two agree on every dataset they write (`run::finalize`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{Context, Result};
use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use records::tables::Table;
use stats::Stats;

use crate::mentions::MentionCounts;
use crate::merge::string_column;

/// Counts per (split, article language), in the terms of [`stats::Stats`]. A tally per table
/// (each table is written in a pass of its own) and [`Tally::absorb`] give the same counts as one.
#[derive(Default)]
pub struct Tally {
    stats: Stats,
    mentions: MentionCounts,
}

impl Tally {
    /// A tally whose entity names, when there are many, are counted partly on disk under
    /// `dir` (see [`crate::mentions`]).
    pub fn spilling_mentions_to(dir: PathBuf) -> Tally {
        Tally {
            stats: Stats::default(),
            mentions: MentionCounts::spilling_to(dir, crate::mentions::NAMES_IN_MEMORY),
        }
    }

    /// Counts one article's rows of `table` (`rows`, in slices), all of split `split`; `lang`
    /// is the article's language. The article's cell is found once for all its rows.
    pub fn observe(
        &mut self,
        table: Table,
        split: &str,
        lang: &str,
        rows: &[RecordBatch],
    ) -> Result<()> {
        let cell = cell(&mut self.stats, split, lang);
        for batch in rows {
            match table {
                Table::Articles => cell.articles += batch.num_rows() as u64,
                Table::Sentences => {
                    let tokens = batch
                        .column_by_name("token_starts")
                        .context("no token_starts column")?
                        .as_list::<i32>();
                    cell.sentences += batch.num_rows() as u64;
                    cell.tokens += (0..batch.num_rows())
                        .filter(|&row| !tokens.is_null(row))
                        .map(|row| tokens.value_length(row) as u64)
                        .sum::<u64>();
                }
                Table::Entities => {
                    let labels = string_column(batch, "label")?;
                    let names = string_column(batch, "canonical_name")?;
                    let texts = string_column(batch, "text")?;
                    for row in 0..batch.num_rows() {
                        let label = labels.value(row);
                        if label != "DATE" {
                            let name = if names.is_null(row) {
                                texts.value(row)
                            } else {
                                names.value(row)
                            };
                            self.mentions.add(name, 1)?;
                        }
                        count(&mut cell.entities, label);
                    }
                }
                Table::Claims => {
                    let kinds = string_column(batch, "kind")?;
                    for row in 0..batch.num_rows() {
                        count(&mut cell.claims, kinds.value(row));
                    }
                }
                Table::Kb => {}
            }
        }
        Ok(())
    }

    /// Adds the counts of `other` (another table's tally) to these.
    pub fn absorb(&mut self, other: Tally) -> Result<()> {
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
        self.mentions.absorb(other.mentions)
    }

    /// The statistics, with the `top_n` most mentioned entities.
    pub fn finish(mut self, top_n: usize) -> Result<Stats> {
        self.stats.top_entities = self.mentions.finish(top_n)?;
        Ok(self.stats)
    }
}

fn cell<'a>(stats: &'a mut Stats, split: &str, lang: &str) -> &'a mut stats::Cell {
    stats
        .cells
        .entry((split.to_string(), lang.to_string()))
        .or_default()
}

/// Adds one to `key`'s count, allocating the key only the first time.
fn count(counts: &mut BTreeMap<String, u64>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_string(), 1);
        }
    }
}
