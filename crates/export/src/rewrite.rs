//! Rewrites table files into splits for `export resplit` (from an existing dataset's splits);
//! `export merge` shares [`replace_column`]. Parsing and labelling are never re-run.
//!
//! Rows keep the order in which they are read; each batch is sent to its rows' splits with
//! arrow's `filter` kernel and the `split` (and, for articles, `story_id`) columns replaced.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, BooleanArray, RecordBatch, StringArray};
use records::tables::{ARTICLE_ID_COLUMN, SPLIT_COLUMN, STORY_ID_COLUMN, Table};

use crate::merge::open_batches;
use crate::writer::DatasetWriter;

/// Where each article goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub split: String,
    pub story_id: String,
}

pub(crate) fn replace_column(
    batch: &RecordBatch,
    name: &str,
    values: ArrayRef,
) -> Result<RecordBatch> {
    let index = batch.schema().index_of(name)?;
    let mut columns = batch.columns().to_vec();
    columns[index] = values;
    Ok(RecordBatch::try_new(batch.schema(), columns)?)
}

/// Reads `sources` (table files, in order) and writes their rows to `writer`, each row to its
/// article's placement. Every article must have one.
pub fn rewrite(
    sources: &[(Table, Vec<PathBuf>)],
    placements: &HashMap<String, Placement>,
    splits: &[String],
    writer: &mut DatasetWriter,
) -> Result<()> {
    for (table, files) in sources {
        for path in files {
            for batch in open_batches(path, None)? {
                let batch = batch.with_context(|| format!("cannot read {}", path.display()))?;
                place_and_write(
                    *table,
                    &batch,
                    placements,
                    splits,
                    writer,
                    &path.display().to_string(),
                )?;
            }
        }
    }
    Ok(())
}

/// Gives each row of `batch` (rows of `table`, read from `source`) its article's split (and,
/// for articles, story) and writes it to that split.
pub fn place_and_write(
    table: Table,
    batch: &RecordBatch,
    placements: &HashMap<String, Placement>,
    splits: &[String],
    writer: &mut DatasetWriter,
    source: &str,
) -> Result<()> {
    let ids = batch
        .column_by_name(ARTICLE_ID_COLUMN)
        .with_context(|| format!("{source}: no {ARTICLE_ID_COLUMN} column"))?
        .as_string::<i32>()
        .clone();
    let mut row_splits = Vec::with_capacity(batch.num_rows());
    let mut stories = Vec::with_capacity(batch.num_rows());
    // An article's rows are consecutive: its placement is looked up once per run.
    let mut last: Option<(&str, &Placement)> = None;
    for i in 0..ids.len() {
        let id = ids.value(i);
        let p = match last {
            Some((last_id, p)) if last_id == id => p,
            _ => {
                let Some(p) = placements.get(id) else {
                    bail!("{source}: article {id} has no split assignment");
                };
                last = Some((id, p));
                p
            }
        };
        row_splits.push(p.split.as_str());
        stories.push(p.story_id.as_str());
    }
    let mut batch = replace_column(
        batch,
        SPLIT_COLUMN,
        Arc::new(StringArray::from_iter_values(row_splits.iter().copied())),
    )?;
    if table == Table::Articles {
        batch = replace_column(
            &batch,
            STORY_ID_COLUMN,
            Arc::new(StringArray::from_iter_values(stories.iter().copied())),
        )?;
    }
    for split in splits {
        let mask = BooleanArray::from_iter(row_splits.iter().map(|s| Some(s == split)));
        if mask.true_count() == 0 {
            continue;
        }
        let part = arrow_select::filter::filter_record_batch(&batch, &mask)?;
        writer.write(table, split, part)?;
    }
    Ok(())
}
