//! Pass 2 of the merge: one table's rows of every stream, interleaved article by article in
//! input order, each given its split and story and written to the final layout.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;
use arrow_array::{RecordBatch, StringArray};
use arrow_schema::SchemaRef;
use pipeline::story::Stories;
use records::tables::{SPLIT_COLUMN, STORY_ID_COLUMN, Table};

use super::cursor::{StreamCursor, TableCursor};
use super::order::Order;
use crate::background::Background;
use crate::rewrite;
use crate::tally::Tally;
use crate::writer::{DatasetWriter, WRITE_CHUNK_BYTES, WRITE_CHUNK_ROWS, WrittenFile, row_bytes};

/// What every table's pass of [`rewrite_table`] needs to place an article: the streams in
/// input order, and each article's story and whether it is a rejected duplicate, by article
/// number (as signed in pass 1).
pub(super) struct Placing<'a> {
    pub(super) order: &'a Order,
    pub(super) streams: &'a [PathBuf],
    pub(super) stream_start: &'a [u32],
    pub(super) dropped: &'a [bool],
    pub(super) stories: &'a Stories,
    pub(super) splits_spec: &'a pipeline::SplitSpec,
    pub(super) seed: u64,
    pub(super) splits: &'a [String],
    /// The split whose writer runs on a thread of its own beside each pass (the largest, so
    /// that encoding its rows, most of a pass's work, overlaps reading and placing them); None
    /// when the merge runs on one thread.
    pub(super) offloaded: Option<usize>,
}

/// Rows of one table for one split, waiting to be written.
#[derive(Default)]
struct SplitRows {
    slices: Vec<RecordBatch>,
    rows: usize,
    /// Articles table: the story of each pending row.
    story_ids: Vec<String>,
}

/// What one table's pass wrote and counted.
pub(super) struct TablePass {
    pub(super) files: Vec<WrittenFile>,
    pub(super) tally: Tally,
    /// Articles table: articles written, and how many per input (by position in input order).
    pub(super) articles: Option<(u64, Vec<u64>)>,
}

/// Rows gathered, over all splits, before they are written: bounds the decoded batches that
/// pending row slices keep alive. Articles are long, so they are written more often.
pub(super) fn flush_rows(table: Table) -> usize {
    match table {
        Table::Articles => WRITE_CHUNK_ROWS,
        _ => 4 * WRITE_CHUNK_ROWS,
    }
}

/// Pass 2 for one table: every stream's rows of `table` in input order, each to its article's
/// split (and, for articles, story), into `out`. Each table is a pass of its own, reading the
/// articles' heads for the order and its own rows once: a pass keeps only its table's three
/// split writers open, where one pass for all tables kept twelve (their open pages and
/// compression contexts were most of the merge's memory).
pub(super) fn rewrite_table(
    table: Table,
    placing: &Placing,
    out: &Path,
    limits: crate::writer::ShardLimits,
) -> Result<TablePass> {
    let is_articles = table == Table::Articles;
    let mut articles_written = 0u64;
    let mut per_position = vec![0u64; if is_articles { placing.order.len() } else { 0 }];
    let mut cursors = Vec::new();
    let mut heap = BinaryHeap::new();
    for (i, stream) in placing.streams.iter().enumerate() {
        let mut cursor = StreamCursor {
            articles: if is_articles {
                TableCursor::open(stream, Table::Articles)?
            } else {
                TableCursor::open_heads(stream)?
            },
            rows: (!is_articles)
                .then(|| TableCursor::open(stream, table))
                .transpose()?,
            head: None,
            position: 0,
        };
        if let Some(key) = cursor.read_head(placing.order, stream)? {
            heap.push(Reverse((key, i)));
        } else if let Some(rows) = &mut cursor.rows {
            rows.expect_end(stream)?;
        }
        cursors.push(cursor);
    }
    let kept: Vec<String> = (placing.splits.iter().enumerate())
        .filter(|&(i, _)| Some(i) != placing.offloaded)
        .map(|(_, split)| split.clone())
        .collect();
    let offloaded = match placing.offloaded {
        None => None,
        Some(i) => {
            let split = placing.splits[i].clone();
            let writer = DatasetWriter::for_tables(out, vec![table], vec![split.clone()], limits)?;
            let background = Background::spawn(
                &format!("merge-{}", table.name()),
                true,
                2,
                writer,
                move |writer: &mut DatasetWriter, batch: RecordBatch| {
                    writer.write(table, &split, batch)
                },
            )?;
            Some((i, background))
        }
    };
    let mut output = TableOutput {
        table,
        schema: table.schema(),
        splits: placing.splits,
        pending: placing
            .splits
            .iter()
            .map(|_| SplitRows::default())
            .collect(),
        pending_rows: 0,
        pending_bytes: 0,
        writer: DatasetWriter::for_tables(out, vec![table], kept, limits)?,
        offloaded,
    };
    let mut tally = Tally::spilling_mentions_to(out.join(format!(".mentions-{}", table.name())));
    let mut run = Vec::new();
    while let Some(Reverse((key, s))) = heap.pop() {
        let stream = &placing.streams[s];
        let cursor = &mut cursors[s];
        let head = cursor.head.take().expect("a head was pushed");
        let article_number = placing.stream_start[s] + cursor.position as u32;
        let article = cursor.articles.take_one();
        run.clear();
        match &mut cursor.rows {
            None => run.push(article),
            Some(rows) => rows.take_run(&head.id, &mut run)?,
        }
        if !placing.dropped[article_number as usize] {
            let story_id = placing.stories.story_id(article_number, &head.id);
            // `splits` are the spec's names in its order.
            let index = placing.splits_spec.assign_index(placing.seed, story_id);
            let split = placing.splits[index].as_str();
            let rows: usize = run.iter().map(RecordBatch::num_rows).sum();
            if rows > 0 {
                tally.observe(table, split, &head.lang, &run)?;
            }
            let p = &mut output.pending[index];
            if is_articles {
                p.story_ids.push(story_id.to_string());
                articles_written += 1;
                per_position[key.0] += 1;
            }
            p.rows += rows;
            output.pending_bytes += run
                .iter()
                .map(|batch| row_bytes(batch).into_iter().sum::<usize>())
                .sum::<usize>();
            p.slices.append(&mut run);
            output.pending_rows += rows;
        }
        cursor.position += 1;
        if let Some(key) = cursor.read_head(placing.order, stream)? {
            heap.push(Reverse((key, s)));
        } else if let Some(rows) = &mut cursor.rows {
            rows.expect_end(stream)?;
        }
        if output.pending_rows >= flush_rows(table) || output.pending_bytes >= WRITE_CHUNK_BYTES {
            output.flush()?;
        }
    }
    output.flush()?;
    Ok(TablePass {
        files: output.finish()?,
        tally,
        articles: is_articles.then_some((articles_written, per_position)),
    })
}

/// One table pass's output: its rows waiting per split, and its split writers.
struct TableOutput<'a> {
    table: Table,
    /// Built once: each written batch keeps its schema alive until the writer encodes it.
    schema: SchemaRef,
    splits: &'a [String],
    pending: Vec<SplitRows>,
    pending_rows: usize,
    /// The pending rows' [`row_bytes`]: long articles are flushed by bytes before their count.
    pending_bytes: usize,
    /// The writer of every split but the offloaded one.
    writer: DatasetWriter,
    /// The offloaded split (see [`Placing::offloaded`]) and its writer's thread.
    offloaded: Option<(usize, Background<RecordBatch, DatasetWriter>)>,
}

impl TableOutput<'_> {
    /// Writes the pending rows of every split, their `split` (and, for articles,
    /// `story_id`) columns replaced. Where batches are cut does not change the files' bytes.
    fn flush(&mut self) -> Result<()> {
        for (i, (split, p)) in self.splits.iter().zip(self.pending.iter_mut()).enumerate() {
            if p.rows == 0 {
                continue;
            }
            let batch = arrow_select::concat::concat_batches(&self.schema, &p.slices)?;
            let mut batch = rewrite::replace_column(
                &batch,
                SPLIT_COLUMN,
                Arc::new(StringArray::from_iter_values(std::iter::repeat_n(
                    split.as_str(),
                    p.rows,
                ))),
            )?;
            if self.table == Table::Articles {
                batch = rewrite::replace_column(
                    &batch,
                    STORY_ID_COLUMN,
                    Arc::new(StringArray::from_iter_values(&p.story_ids)),
                )?;
            }
            match &mut self.offloaded {
                Some((offloaded, background)) if *offloaded == i => background.send(batch)?,
                _ => self.writer.write(self.table, split, batch)?,
            }
            p.slices.clear();
            p.rows = 0;
            p.story_ids.clear();
        }
        self.pending_rows = 0;
        self.pending_bytes = 0;
        Ok(())
    }

    /// Closes every split's files; returns them in split order.
    fn finish(self) -> Result<Vec<WrittenFile>> {
        let mut files = self.writer.finish()?;
        if let Some((_, background)) = self.offloaded {
            let (writer, _busy) = background.finish()?;
            files.extend(writer.finish()?);
        }
        let order = |split: &str| self.splits.iter().position(|s| s == split);
        files.sort_by(|a, b| (order(&a.split), &a.path).cmp(&(order(&b.split), &b.path)));
        Ok(files)
    }
}
