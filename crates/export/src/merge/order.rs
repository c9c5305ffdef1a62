//! Input order in the merge: where each input path stands among the shards' inputs, the key
//! every row and reject is placed by, and the duplicate rejects whose paths are filled in from
//! the order list on disk as the rejects are written.
//!
//! It must never hold the paths themselves in memory: a corpus of small files has a path per
//! article (see [`Order`]).

use std::path::Path;

use anyhow::{Context, Result, bail};
use records::RejectRow;
use xxhash_rust::xxh3::xxh3_128;

use crate::manifest::Listed;
use crate::rejects::InputOrder;

/// Where an input stands in input order: its file's position in the shards' `order`, then its
/// line (0 for a one-article file).
pub(super) type OrderKey = (usize, u64);

/// The input paths in input order, and a way from a path to its position. A corpus of small
/// files has a path per article (725k of them in the 5 GB benchmark corpus), and the merge
/// asks a path's position for every row it places but a position's path only for rejects and
/// errors. So memory holds a 128-bit hash of each path, sorted, with its position (20 bytes a
/// path, where the packed paths took ~67 at 5 GB: 46 MB), and the paths stay in the spilled
/// list on disk, read in input order when a position's path is wanted. Two distinct paths
/// share a hash with probability about n^2 / 2^129 (1e-27 for a million files).
pub(super) struct Order {
    /// Hashes of the paths, sorted (ties by position).
    hashes: Vec<u128>,
    /// The position of the path of each hash in `hashes`.
    positions: Vec<u32>,
    /// The paths in input order, one JSON string per line.
    list: Listed<String>,
}

impl Order {
    pub(super) fn new(list: Listed<String>) -> Result<Order> {
        let mut by_hash: Vec<(u128, u32)> = Vec::with_capacity(list.len() as usize);
        for (position, path) in list.iter()?.enumerate() {
            let position = u32::try_from(position).context("more than 4 billion input paths")?;
            by_hash.push((xxh3_128(path?.as_bytes()), position));
        }
        by_hash.sort_unstable();
        Ok(Order {
            hashes: by_hash.iter().map(|&(hash, _)| hash).collect(),
            positions: by_hash.iter().map(|&(_, position)| position).collect(),
            list,
        })
    }

    pub(super) fn len(&self) -> usize {
        self.hashes.len()
    }

    /// The position of `path` (its first, should the inputs name one path twice).
    pub(super) fn position(&self, path: &str) -> Option<usize> {
        let hash = xxh3_128(path.as_bytes());
        let i = self.hashes.partition_point(|&h| h < hash);
        (self.hashes.get(i) == Some(&hash)).then(|| self.positions[i] as usize)
    }

    pub(super) fn key(
        &self,
        source_file: &str,
        line: Option<u64>,
        stream: &Path,
    ) -> Result<OrderKey> {
        match self.position(source_file) {
            Some(p) => Ok((p, line.unwrap_or(0))),
            None => bail!(
                "{}: a row comes from {source_file}, which is not among the shards' inputs",
                stream.display()
            ),
        }
    }

    /// Reads the paths from disk as positions are asked for in input order.
    pub(super) fn paths(&self) -> Result<OrderPaths<'_>> {
        Ok(OrderPaths {
            paths: self.list.iter()?,
            current: None,
        })
    }

    /// The path at `position`, read from disk (for an error message).
    pub(super) fn path(&self, position: usize) -> Result<String> {
        self.paths()?.at(position).map(str::to_string)
    }

    pub(super) fn remove(self) -> Result<()> {
        self.list.remove()
    }
}

/// A reader of [`Order`]'s paths for positions asked in input order.
pub(super) struct OrderPaths<'a> {
    paths: Box<dyn Iterator<Item = Result<String>> + 'a>,
    /// The last path read and its position.
    current: Option<(usize, String)>,
}

impl OrderPaths<'_> {
    /// The path at `position`, which is not before the last one asked for.
    pub(super) fn at(&mut self, position: usize) -> Result<&str> {
        loop {
            match &self.current {
                Some((p, _)) if *p == position => break,
                Some((p, _)) if *p > position => {
                    bail!("internal error: input position {position} asked after {p}")
                }
                _ => {}
            }
            let next = self.current.as_ref().map_or(0, |(p, _)| p + 1);
            let path = self.paths.next().with_context(|| {
                format!("internal error: input position {position} is beyond the inputs")
            })??;
            self.current = Some((next, path));
        }
        Ok(&self.current.as_ref().expect("found").1)
    }
}

/// A duplicate's reject before its input's path is known: the path is read from disk as the
/// rejects are written in input order ([`Order::paths`], [`place_duplicate`]). Until then
/// the row holds no path and the id as its detail (the sort does not look at either: one
/// input has at most one duplicate reject).
pub(super) fn unplaced_duplicate(line: Option<u64>, id: String) -> RejectRow {
    RejectRow {
        source_file: String::new(),
        source_line: line,
        reason: pipeline::DUPLICATE_ID.to_string(),
        detail: id,
    }
}

/// Completes a reject of [`unplaced_duplicate`] with its input's `path`; other rejects are
/// left as they are.
pub(super) fn place_duplicate(row: &mut RejectRow, path: &str) {
    if row.source_file.is_empty() && row.reason == pipeline::DUPLICATE_ID {
        *row = pipeline::duplicate_id_reject(path, row.source_line, &row.detail);
    }
}

/// An input's place in input order as the reject sorter takes it.
pub(super) fn input_order((position, line): OrderKey) -> InputOrder {
    (position as u64, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_finds_every_path_and_only_those() {
        // Input order is not sorted order, and one path is a prefix of another.
        let paths: Vec<String> = ["b/2.txt", "a/10.txt", "a/1.txt", "c.jsonl", "a/1.txt.bak"]
            .iter()
            .map(|p| p.to_string())
            .collect();
        let order = Order::new(Listed::Held(paths.clone())).unwrap();
        for (i, p) in paths.iter().enumerate() {
            assert_eq!(order.position(p), Some(i), "{p}");
            assert_eq!(&order.path(i).unwrap(), p);
        }
        // Positions asked in input order, repeats included, read the list once.
        let mut reader = order.paths().unwrap();
        for i in [0, 0, 2, 3, 3, 4] {
            assert_eq!(reader.at(i).unwrap(), paths[i]);
        }
        assert!(
            reader.at(1).is_err(),
            "a position before the last one asked"
        );
        assert!(order.path(5).is_err(), "a position beyond the inputs");
        assert_eq!(order.position("a/1"), None);
        assert_eq!(order.position("z"), None);
        let err = order
            .key("missing.txt", Some(3), Path::new("shard"))
            .unwrap_err();
        assert!(err.to_string().contains("missing.txt"), "{err}");
        assert_eq!(
            order.key("c.jsonl", Some(7), Path::new("s")).unwrap(),
            (3, 7)
        );
        assert_eq!(order.key("b/2.txt", None, Path::new("s")).unwrap(), (0, 0));
    }
}
