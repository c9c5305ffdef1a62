//! Mentions per entity name, for the card's most mentioned entities: counted exactly, in
//! bounded memory.
//!
//! A corpus's entity names grow with it (every new person, place and organisation, and every
//! spelling of them), so they are not all held at once: at most a fixed number of names is
//! counted in memory, and when the map is full its counts are appended to one of
//! [`PARTITIONS`] files, chosen by a hash of the name. At the end each partition is summed on
//! its own (it holds about 1/[`PARTITIONS`] of the names) and only the best names are kept.
//! The counts are exact, and the result does not depend on when the map was written out.
//! Hand-written because it is a few dozen lines over `std`; an embedded database or an
//! external sort crate would be more to trust than this.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::fs::{File, OpenOptions};
use std::io::{BufReader, BufWriter, ErrorKind, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use xxhash_rust::xxh3::xxh3_64;

/// Files the names are spread over when they are written out.
pub const PARTITIONS: usize = 64;

/// Names counted in memory before the counts are written out: some 10 MB of map.
pub const NAMES_IN_MEMORY: usize = 1 << 17;

/// Counts of entity names; see the module docs.
pub struct MentionCounts {
    counts: HashMap<String, u64>,
    limit: usize,
    /// Where this counter writes its partitions, once it has to (created then).
    spill_dir: Option<PathBuf>,
    /// Folders holding partitions to be summed at the end (this counter's and absorbed ones').
    spilled: Vec<PathBuf>,
}

impl Default for MentionCounts {
    /// A counter that never writes out: for counts known to be small.
    fn default() -> Self {
        MentionCounts {
            counts: HashMap::new(),
            limit: usize::MAX,
            spill_dir: None,
            spilled: Vec::new(),
        }
    }
}

impl MentionCounts {
    /// A counter holding at most `limit` names in memory, writing the rest under `spill_dir`
    /// (which it creates when it first needs it and removes in [`MentionCounts::finish`]).
    pub fn spilling_to(spill_dir: PathBuf, limit: usize) -> MentionCounts {
        MentionCounts {
            limit: limit.max(1),
            spill_dir: Some(spill_dir),
            ..MentionCounts::default()
        }
    }

    /// Adds `n` mentions of `name`, allocating the name only the first time it is held.
    pub fn add(&mut self, name: &str, n: u64) -> Result<()> {
        match self.counts.get_mut(name) {
            Some(count) => *count += n,
            None => {
                if self.counts.len() >= self.limit {
                    self.spill()?;
                }
                self.counts.insert(name.to_string(), n);
            }
        }
        Ok(())
    }

    /// Adds the counts of `other` to these.
    pub fn absorb(&mut self, other: MentionCounts) -> Result<()> {
        if self.counts.is_empty() && self.spilled.is_empty() {
            // Nothing to add to (a run's total before the entities pass's counts): taken whole,
            // not copied name by name into a second map.
            *self = other;
            return Ok(());
        }
        for (name, n) in other.counts {
            self.add(&name, n)?;
        }
        self.spilled.extend(other.spilled);
        Ok(())
    }

    /// Appends the counts in memory to the partition files and empties the map.
    fn spill(&mut self) -> Result<()> {
        let dir = self
            .spill_dir
            .clone()
            .expect("only a counter with a folder has a limit");
        if !self.spilled.contains(&dir) {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            self.spilled.push(dir.clone());
        }
        let mut files: Vec<Option<BufWriter<File>>> = (0..PARTITIONS).map(|_| None).collect();
        for (name, n) in self.counts.drain() {
            let p = partition(&name);
            let file = match &mut files[p] {
                Some(file) => file,
                slot => {
                    let path = partition_path(&dir, p);
                    let file = OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(&path)
                        .with_context(|| format!("cannot open {}", path.display()))?;
                    slot.insert(BufWriter::new(file))
                }
            };
            file.write_all(&(name.len() as u32).to_le_bytes())?;
            file.write_all(name.as_bytes())?;
            file.write_all(&n.to_le_bytes())?;
        }
        for file in files.into_iter().flatten() {
            file.into_inner().map_err(|e| e.into_error())?;
        }
        Ok(())
    }

    /// The `top_n` most mentioned names with their counts, most first (ties by name), and
    /// every partition file removed.
    pub fn finish(mut self, top_n: usize) -> Result<Vec<(String, u64)>> {
        let mut best = Best::new(top_n);
        if self.spilled.is_empty() {
            for (name, n) in self.counts {
                best.offer(name, n);
            }
            return Ok(best.into_sorted());
        }
        // Partition by partition: the names held in memory join their partition's sums.
        let mut held: Vec<Vec<(String, u64)>> = vec![Vec::new(); PARTITIONS];
        for (name, n) in self.counts.drain() {
            held[partition(&name)].push((name, n));
        }
        for (p, held) in held.into_iter().enumerate() {
            let mut sums: HashMap<String, u64> = held.into_iter().collect();
            for dir in &self.spilled {
                read_partition(&partition_path(dir, p), &mut sums)?;
            }
            for (name, n) in sums {
                best.offer(name, n);
            }
        }
        for dir in &self.spilled {
            std::fs::remove_dir_all(dir)
                .with_context(|| format!("cannot remove {}", dir.display()))?;
        }
        Ok(best.into_sorted())
    }
}

fn partition(name: &str) -> usize {
    (xxh3_64(name.as_bytes()) % PARTITIONS as u64) as usize
}

fn partition_path(dir: &Path, p: usize) -> PathBuf {
    dir.join(format!("mentions-{p:02}.bin"))
}

/// Adds the counts of one partition file (if it was ever written) to `sums`.
fn read_partition(path: &Path, sums: &mut HashMap<String, u64>) -> Result<()> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).with_context(|| format!("cannot open {}", path.display())),
    };
    let mut reader = BufReader::new(file);
    let context = || format!("cannot read {}", path.display());
    let mut len = [0u8; 4];
    loop {
        match reader.read_exact(&mut len) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::UnexpectedEof => return Ok(()),
            Err(e) => return Err(e).with_context(context),
        }
        let mut name = vec![0u8; u32::from_le_bytes(len) as usize];
        reader.read_exact(&mut name).with_context(context)?;
        let mut n = [0u8; 8];
        reader.read_exact(&mut n).with_context(context)?;
        let name = String::from_utf8(name).with_context(context)?;
        *sums.entry(name).or_default() += u64::from_le_bytes(n);
    }
}

/// The best `n` (name, count) pairs seen: most mentions first, then by name.
struct Best {
    n: usize,
    /// The worst kept pair on top, to be replaced.
    heap: BinaryHeap<Reverse<(u64, Reverse<String>)>>,
}

impl Best {
    fn new(n: usize) -> Best {
        Best {
            n,
            heap: BinaryHeap::new(),
        }
    }

    fn offer(&mut self, name: String, count: u64) {
        if self.n == 0 {
            return;
        }
        let item = Reverse((count, Reverse(name)));
        if self.heap.len() < self.n {
            self.heap.push(item);
        } else if self.heap.peek().is_some_and(|worst| item < *worst) {
            self.heap.pop();
            self.heap.push(item);
        }
    }

    fn into_sorted(self) -> Vec<(String, u64)> {
        // Ascending order of `Reverse` is best first.
        self.heap
            .into_sorted_vec()
            .into_iter()
            .map(|Reverse((count, Reverse(name)))| (name, count))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// The top names as counting them all in memory gives them.
    fn exact(mentions: &[String], top_n: usize) -> Vec<(String, u64)> {
        let mut all: BTreeMap<&str, u64> = BTreeMap::new();
        for m in mentions {
            *all.entry(m).or_default() += 1;
        }
        let mut top: Vec<(String, u64)> =
            all.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(top_n);
        top
    }

    fn mentions() -> Vec<String> {
        // Skewed counts with many ties and names that are rare, non-ASCII or empty.
        let mut seed = 11u64;
        (0..5000)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let k = (seed >> 33) % 1000;
                match k % 7 {
                    0 => String::new(),
                    1 => format!("جاكرتا {}", k % 13),
                    _ => format!("Name {}", (k * k) % 509),
                }
            })
            .collect()
    }

    #[test]
    fn counts_are_exact_whatever_the_names_held() {
        let mentions = mentions();
        let tmp = tempfile::tempdir().unwrap();
        for (i, limit) in [1, 7, 100, usize::MAX].into_iter().enumerate() {
            for top_n in [0, 1, 20, 10_000] {
                let dir = tmp.path().join(format!("spill-{i}-{top_n}"));
                let mut counts = MentionCounts::spilling_to(dir.clone(), limit);
                for m in &mentions {
                    counts.add(m, 1).unwrap();
                }
                assert_eq!(counts.finish(top_n).unwrap(), exact(&mentions, top_n));
                assert!(!dir.exists(), "the partitions are removed");
            }
        }
    }

    #[test]
    fn absorbed_counts_add_up_with_their_spills() {
        let mentions = mentions();
        let tmp = tempfile::tempdir().unwrap();
        let (first, second) = mentions.split_at(1700);
        let mut a = MentionCounts::spilling_to(tmp.path().join("a"), 5);
        let mut b = MentionCounts::spilling_to(tmp.path().join("b"), 50);
        first.iter().for_each(|m| a.add(m, 1).unwrap());
        second.iter().for_each(|m| b.add(m, 1).unwrap());
        let mut all = MentionCounts::default();
        all.absorb(MentionCounts::default()).unwrap();
        all.absorb(a).unwrap();
        all.absorb(b).unwrap();
        assert_eq!(all.finish(30).unwrap(), exact(&mentions, 30));
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
        // Absorbed into a counter that has counts of its own, which are added name by name.
        let mut a = MentionCounts::spilling_to(tmp.path().join("a"), 5);
        let mut b = MentionCounts::spilling_to(tmp.path().join("b"), 50);
        first.iter().for_each(|m| a.add(m, 1).unwrap());
        second.iter().for_each(|m| b.add(m, 1).unwrap());
        a.absorb(b).unwrap();
        assert_eq!(a.finish(30).unwrap(), exact(&mentions, 30));
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
    }
}
