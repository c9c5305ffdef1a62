//! Rejects put into input order in bounded memory, then written as `rejects.jsonl`.
//!
//! Rejects arrive out of input order: the stream phase learns of a bad JSONL line while the
//! articles before it still wait in the batch, and the merge finds duplicate ids apart from
//! the streams' own rejects. A crawl can hold millions of bad lines, so they are not held in
//! memory until the end: an external sort keeps at most [`REJECTS_IN_MEMORY`], writes each
//! full buffer as a sorted segment into a scratch folder, and merges the segments as the file
//! is written.
//!
//! Written by hand: extsort 0.5's push sorter returns nothing at all when the count pushed is
//! a multiple of its segment size plus one (our test below found it), and ext-sort only sorts
//! an iterator, where rejects come from callbacks.
//!
//! Must never drop a reject or order rejects by anything but their key: rejects that tie on
//! input order, reason and detail keep the order they were pushed in, as a stable sort would.

use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BinaryHeap};
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use records::RejectRow;

/// Rejects held in memory before a sorted segment of them is spilled: a few MB.
pub(crate) const REJECTS_IN_MEMORY: usize = 16_384;

/// Segments of one size merged into one of the next size when there are this many: every
/// reject is rewritten once per size (a handful of times for millions of rejects), and the
/// final merge opens at most this many files per size (a process may open 1024).
const MERGE_FAN_IN: usize = 16;

/// Where a reject stands in input order: the stream phase's input ordinal (and 0), or the
/// merge's position of the input file and line.
pub(crate) type InputOrder = (u64, u64);

/// A reject with its sort key and its position among the pushed rejects.
#[derive(Debug)]
pub(crate) struct Keyed {
    pub order: InputOrder,
    pushed: u64,
    pub row: RejectRow,
}

impl Keyed {
    fn sort_key(&self) -> (InputOrder, &str, &str, u64) {
        (self.order, &self.row.reason, &self.row.detail, self.pushed)
    }
}

impl Ord for Keyed {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialOrd for Keyed {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Keyed {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Keyed {}

/// Rejects counted by reason, as the manifest lists them.
pub(crate) type ByReason = BTreeMap<String, u64>;

/// Collects rejects in any order and writes them sorted by input order.
pub(crate) struct RejectSorter {
    buffer: Vec<Keyed>,
    in_memory: usize,
    /// Sorted segments on disk and their sizes (0: one buffer, n: `MERGE_FAN_IN` of size
    /// n - 1), sizes decreasing.
    segments: Vec<(PathBuf, u32)>,
    segments_written: usize,
    pushed: u64,
    scratch: PathBuf,
}

impl RejectSorter {
    /// A sorter that spills into `scratch` (created when first needed, removed by
    /// [`RejectSorter::write`]).
    pub fn new(scratch: PathBuf) -> RejectSorter {
        RejectSorter::with_capacity(scratch, REJECTS_IN_MEMORY)
    }

    pub fn with_capacity(scratch: PathBuf, in_memory: usize) -> RejectSorter {
        RejectSorter {
            buffer: Vec::new(),
            in_memory: in_memory.max(1),
            segments: Vec::new(),
            segments_written: 0,
            pushed: 0,
            scratch,
        }
    }

    pub fn push(&mut self, order: InputOrder, row: RejectRow) -> Result<()> {
        let pushed = self.pushed;
        self.pushed += 1;
        self.buffer.push(Keyed { order, pushed, row });
        if self.buffer.len() >= self.in_memory {
            self.spill()?;
        }
        Ok(())
    }

    /// Rejects pushed so far.
    pub fn len(&self) -> u64 {
        self.pushed
    }

    fn spill(&mut self) -> Result<()> {
        self.buffer.sort_unstable();
        let mut buffer = std::mem::take(&mut self.buffer);
        let segment = self.write_segment(buffer.drain(..).map(Ok))?;
        self.buffer = buffer;
        self.segments.push((segment, 0));
        loop {
            let n = self.segments.len();
            let size = self.segments[n - 1].1;
            if n < MERGE_FAN_IN || self.segments[n - MERGE_FAN_IN].1 != size {
                return Ok(());
            }
            let smallest = self.segments.split_off(n - MERGE_FAN_IN);
            let paths: Vec<PathBuf> = smallest.into_iter().map(|(path, _)| path).collect();
            let merged = self.write_segment(Merge::open(&paths)?)?;
            for old in paths {
                std::fs::remove_file(&old)
                    .with_context(|| format!("cannot remove {}", old.display()))?;
            }
            self.segments.push((merged, size + 1));
        }
    }

    /// Writes sorted rejects as a new segment; its path.
    fn write_segment(&mut self, sorted: impl Iterator<Item = Result<Keyed>>) -> Result<PathBuf> {
        if self.segments_written == 0 {
            std::fs::create_dir_all(&self.scratch)
                .with_context(|| format!("cannot create {}", self.scratch.display()))?;
        }
        let path = self
            .scratch
            .join(format!("segment-{:06}.bin", self.segments_written));
        self.segments_written += 1;
        let cannot = || format!("cannot write {}", path.display());
        let mut file = BufWriter::new(File::create(&path).with_context(cannot)?);
        for reject in sorted {
            encode(&reject?, &mut file).with_context(cannot)?;
        }
        file.flush().with_context(cannot)?;
        Ok(path)
    }

    /// Writes every reject, in input order, as JSON lines to `path` (synced), calls `each`
    /// with each of them before it is written (it may complete the row, e.g. fill in its
    /// input's path, but not change its order), removes the scratch folder and counts the
    /// rejects by reason.
    pub fn write(
        mut self,
        path: &Path,
        mut each: impl FnMut(&mut Keyed) -> Result<()>,
    ) -> Result<ByReason> {
        let sorted: Box<dyn Iterator<Item = Result<Keyed>>> = if self.segments.is_empty() {
            self.buffer.sort_unstable();
            Box::new(std::mem::take(&mut self.buffer).into_iter().map(Ok))
        } else {
            if !self.buffer.is_empty() {
                self.spill()?;
            }
            let paths: Vec<PathBuf> = self.segments.iter().map(|(path, _)| path.clone()).collect();
            Box::new(Merge::open(&paths)?)
        };
        let mut file = BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        );
        let mut by_reason = ByReason::new();
        let mut written = 0;
        for reject in sorted {
            let mut reject = reject?;
            each(&mut reject)?;
            serde_json::to_writer(&mut file, &reject.row)?;
            file.write_all(b"\n")?;
            match by_reason.get_mut(&reject.row.reason) {
                Some(n) => *n += 1,
                None => {
                    by_reason.insert(reject.row.reason.clone(), 1);
                }
            }
            written += 1;
        }
        file.into_inner()
            .map_err(|e| e.into_error())?
            .sync_all()
            .with_context(|| format!("cannot write {}", path.display()))?;
        anyhow::ensure!(
            written == self.pushed,
            "internal error: {} rejects pushed but {written} written to {}",
            self.pushed,
            path.display()
        );
        if self.segments_written > 0 {
            crate::run::remove_scratch(&self.scratch)?;
        }
        Ok(by_reason)
    }
}

/// The k-way merge of sorted segments: the smallest head of all segments first.
struct Merge {
    readers: Vec<(PathBuf, BufReader<File>)>,
    heads: BinaryHeap<Reverse<(Keyed, usize)>>,
}

impl Merge {
    fn open(segments: &[PathBuf]) -> Result<Merge> {
        let mut merge = Merge {
            readers: Vec::with_capacity(segments.len()),
            heads: BinaryHeap::with_capacity(segments.len()),
        };
        for (i, path) in segments.iter().enumerate() {
            let file =
                File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
            merge.readers.push((path.clone(), BufReader::new(file)));
            merge.advance(i)?;
        }
        Ok(merge)
    }

    /// Reads the next reject of segment `i` into the heads, if it has one.
    fn advance(&mut self, i: usize) -> Result<()> {
        let (path, reader) = &mut self.readers[i];
        if let Some(reject) =
            decode(reader).with_context(|| format!("cannot read {}", path.display()))?
        {
            self.heads.push(Reverse((reject, i)));
        }
        Ok(())
    }
}

impl Iterator for Merge {
    type Item = Result<Keyed>;

    fn next(&mut self) -> Option<Result<Keyed>> {
        let Reverse((reject, i)) = self.heads.pop()?;
        Some(self.advance(i).map(|()| reject))
    }
}

// Segments are binary: every field in order, strings length-first.
fn encode(reject: &Keyed, writer: &mut impl Write) -> std::io::Result<()> {
    writer.write_all(&reject.order.0.to_le_bytes())?;
    writer.write_all(&reject.order.1.to_le_bytes())?;
    writer.write_all(&reject.pushed.to_le_bytes())?;
    match reject.row.source_line {
        Some(line) => {
            writer.write_all(&[1])?;
            writer.write_all(&line.to_le_bytes())?;
        }
        None => writer.write_all(&[0])?,
    }
    for text in [
        &reject.row.source_file,
        &reject.row.reason,
        &reject.row.detail,
    ] {
        let len = u32::try_from(text.len()).map_err(std::io::Error::other)?;
        writer.write_all(&len.to_le_bytes())?;
        writer.write_all(text.as_bytes())?;
    }
    Ok(())
}

/// The next reject of a segment; `None` at its end (a segment cut inside a record is an
/// error, never a shorter list).
fn decode(reader: &mut impl Read) -> std::io::Result<Option<Keyed>> {
    let mut first = [0u8; 8];
    if reader.read(&mut first[..1])? == 0 {
        return Ok(None);
    }
    reader.read_exact(&mut first[1..])?;
    let order = (u64::from_le_bytes(first), read_u64(reader)?);
    let pushed = read_u64(reader)?;
    let mut flag = [0u8];
    reader.read_exact(&mut flag)?;
    let source_line = match flag[0] {
        0 => None,
        _ => Some(read_u64(reader)?),
    };
    let mut text = || -> std::io::Result<String> {
        let mut len = [0u8; 4];
        reader.read_exact(&mut len)?;
        let mut bytes = vec![0; u32::from_le_bytes(len) as usize];
        reader.read_exact(&mut bytes)?;
        String::from_utf8(bytes).map_err(std::io::Error::other)
    };
    let row = RejectRow {
        source_file: text()?,
        source_line,
        reason: text()?,
        detail: text()?,
    };
    Ok(Some(Keyed { order, pushed, row }))
}

fn read_u64(reader: &mut impl Read) -> std::io::Result<u64> {
    let mut bytes = [0u8; 8];
    reader.read_exact(&mut bytes)?;
    Ok(u64::from_le_bytes(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reject(file: &str, line: Option<u64>, reason: &str, detail: &str) -> RejectRow {
        RejectRow {
            source_file: file.to_string(),
            source_line: line,
            reason: reason.to_string(),
            detail: detail.to_string(),
        }
    }

    /// Written in the order of a stable sort by (order, reason, detail), whether the rejects
    /// stayed in memory or were spilled in many small segments; the scratch folder is gone.
    #[test]
    fn spilled_or_not_rejects_come_out_in_input_order() {
        let mut pushed = Vec::new();
        // Out of order, with ties on the key (broken by reason and detail) and exact ties
        // (kept in push order), lines and no lines, text with a newline and non-ASCII.
        for i in 0..1000u64 {
            let order = ((i * 7919) % 250, i % 3);
            let row = reject(
                &format!("in/{}.jsonl", order.0),
                (i % 5 != 0).then_some(i),
                ["invalid_json", "empty", "missing_text"][(i % 3) as usize],
                if i % 11 == 0 { "tie" } else { "détail\nmore" },
            );
            pushed.push((order, row));
        }
        let mut expected = pushed.clone();
        expected
            .sort_by(|a, b| (a.0, &a.1.reason, &a.1.detail).cmp(&(b.0, &b.1.reason, &b.1.detail)));
        let expected_text: String = expected
            .iter()
            .map(|(_, r)| serde_json::to_string(r).unwrap() + "\n")
            .collect();

        // Capacity 1: a segment per reject, merged 16 at a time, then 16 of those...; 1001 and 7:
        // pushed counts that are (and are not) multiples of the capacity plus one.
        for capacity in [REJECTS_IN_MEMORY, 1000, 1001, 64, 7, 1] {
            let dir = tempfile::tempdir().unwrap();
            let scratch = dir.path().join(".rejects");
            let mut sorter = RejectSorter::with_capacity(scratch.clone(), capacity);
            for (order, row) in pushed.iter().cloned() {
                sorter.push(order, row).unwrap();
            }
            assert_eq!(sorter.len(), 1000);
            // 1000 segments of one: 3 of 256, 14 of 16 and 8 of one are left to merge.
            let open = sorter.segments.len();
            assert!(
                open <= (1000 / capacity).min(25),
                "{open} segments at {capacity}"
            );
            let out = dir.path().join("rejects.jsonl");
            let mut orders = Vec::new();
            let by_reason = sorter
                .write(&out, |r| {
                    orders.push(r.order);
                    Ok(())
                })
                .unwrap();
            assert_eq!(
                std::fs::read_to_string(&out).unwrap(),
                expected_text,
                "{capacity}"
            );
            let expected_orders: Vec<_> = expected.iter().map(|(o, _)| *o).collect();
            assert_eq!(orders, expected_orders);
            assert_eq!(by_reason.values().sum::<u64>(), 1000);
            assert_eq!(by_reason["empty"], 333);
            assert!(!scratch.exists());
        }
    }

    #[test]
    fn no_rejects_make_an_empty_file() {
        let dir = tempfile::tempdir().unwrap();
        let sorter = RejectSorter::new(dir.path().join(".rejects"));
        let out = dir.path().join("rejects.jsonl");
        assert!(
            sorter
                .write(&out, |_| panic!("no reject"))
                .unwrap()
                .is_empty()
        );
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "");
    }
}
