//! The manifest: what a dataset was made from, with which configuration, and what it holds,
//! with checksums. `export verify` checks a dataset against it.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use parquet::arrow::arrow_reader::ArrowReaderMetadata;
use records::tables::Table;
use serde::de::{DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

use inputs::{InputFile, hex};

/// Written into every manifest; an `--output` whose manifest lacks it is not ours to replace.
pub const GENERATOR: &str = "newsds-export";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    pub generator: String,
    pub tool_version: String,
    pub schema_version: String,
    /// `shard` for a shard dataset (the input of `export merge`); absent for a dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Which shard of how many, for a shard dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<ShardInfo>,
    pub config: ManifestConfig,
    pub inputs: Listed<InputRecord>,
    /// Every discovered input path (files and unwalkable paths) in input order, for a shard
    /// dataset: what `export merge` orders rows by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Listed<String>>,
    pub counts: Counts,
    pub files: Vec<FileRecord>,
}

pub const SHARD_KIND: &str = "shard";

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct ShardInfo {
    pub index: u64,
    pub count: u64,
}

/// Everything that decides the output. The thread count is not here: it does not change it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ManifestConfig {
    pub inputs: Vec<String>,
    pub seed: u64,
    pub splits: String,
    pub split_method: String,
    pub batch_size: usize,
    pub max_shard_rows: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct InputRecord {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
    pub articles_read: u64,
    pub articles_written: u64,
    pub rejects: u64,
}

impl From<&InputFile> for InputRecord {
    fn from(f: &InputFile) -> Self {
        InputRecord {
            path: f.path.clone(),
            sha256: f.sha256.clone(),
            bytes: f.bytes,
            articles_read: f.articles_read,
            articles_written: f.articles_written,
            rejects: f.rejects,
        }
    }
}

/// `inputs_read == articles_written + rejected` always holds.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Counts {
    pub inputs_read: u64,
    pub articles_written: u64,
    pub rejected: u64,
    pub rejects_by_reason: BTreeMap<String, u64>,
    /// Rows per table and split.
    pub rows: BTreeMap<String, BTreeMap<String, u64>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FileRecord {
    pub path: String,
    /// The table, or `rejects` for `rejects.jsonl`.
    pub table: String,
    pub split: Option<String>,
    pub rows: u64,
    pub bytes: u64,
    pub sha256: String,
}

pub fn file_sha256(path: &Path) -> Result<(String, u64)> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut hasher = Sha256::new();
    let bytes = std::io::copy(&mut file, &mut hasher)?;
    Ok((hex(&hasher.finalize()), bytes))
}

/// A list of a manifest that has an entry per input file (`inputs`, `order`), so as long as a
/// corpus of one file per article has articles. A run never holds it: it is written entry by
/// entry to a JSON-lines file in a scratch folder (`Spilled`) and streamed from there into
/// `manifest.json`; only manifests read back for checking (`verify`, tests) hold it (`Held`).
/// Both serialise to the same JSON array.
#[derive(Debug, Clone, PartialEq)]
pub enum Listed<T> {
    Held(Vec<T>),
    /// One JSON value per line, `len` lines.
    Spilled {
        path: PathBuf,
        len: u64,
    },
}

impl<T> Listed<T> {
    pub fn len(&self) -> u64 {
        match self {
            Listed::Held(items) => items.len() as u64,
            Listed::Spilled { len, .. } => *len,
        }
    }

    /// Deletes the file of a spilled list.
    pub fn remove(self) -> Result<()> {
        if let Listed::Spilled { path, .. } = self {
            std::fs::remove_file(&path)
                .with_context(|| format!("cannot remove {}", path.display()))?;
        }
        Ok(())
    }
}

impl<T: DeserializeOwned + Clone + 'static> Listed<T> {
    /// The entries in order; a spilled list is read from its file as it goes.
    pub fn iter(&self) -> Result<Box<dyn Iterator<Item = Result<T>> + '_>> {
        Ok(match self {
            Listed::Held(items) => Box::new(items.iter().cloned().map(Ok)),
            Listed::Spilled { path, .. } => {
                let file =
                    File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
                Box::new(
                    BufReader::new(file)
                        .lines()
                        .enumerate()
                        .map(move |(n, line)| {
                            let line =
                                line.with_context(|| format!("cannot read {}", path.display()))?;
                            serde_json::from_str(&line).with_context(|| {
                                format!("{}:{}: not a list entry", path.display(), n + 1)
                            })
                        }),
                )
            }
        })
    }
}

impl<T: Serialize + DeserializeOwned + Clone + 'static> Serialize for Listed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error;
        if let Listed::Held(items) = self {
            return items.serialize(serializer);
        }
        let mut seq = serializer.serialize_seq(Some(self.len() as usize))?;
        for item in self.iter().map_err(S::Error::custom)? {
            seq.serialize_element(&item.map_err(S::Error::custom)?)?;
        }
        seq.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Listed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::deserialize(deserializer).map(Listed::Held)
    }
}

/// Writes the entries of a [`Listed::Spilled`] one line each.
pub struct ListWriter<T> {
    path: PathBuf,
    out: BufWriter<File>,
    len: u64,
    entries: PhantomData<T>,
}

impl<T: Serialize> ListWriter<T> {
    pub fn create(path: PathBuf) -> Result<ListWriter<T>> {
        let file =
            File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        Ok(ListWriter {
            path,
            out: BufWriter::new(file),
            len: 0,
            entries: PhantomData,
        })
    }

    /// Entries pushed so far.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn push(&mut self, entry: &T) -> Result<()> {
        serde_json::to_writer(&mut self.out, entry)?;
        self.out
            .write_all(b"\n")
            .with_context(|| format!("cannot write {}", self.path.display()))?;
        self.len += 1;
        Ok(())
    }

    pub fn finish(mut self) -> Result<Listed<T>> {
        self.out
            .flush()
            .with_context(|| format!("cannot write {}", self.path.display()))?;
        Ok(Listed::Spilled {
            path: self.path,
            len: self.len,
        })
    }
}

/// Reads `dir/manifest.json` without holding its per-file lists: `inputs` and `order` are
/// spilled, as they are parsed, to `<scratch>/<tag>.inputs.jsonl` and `<tag>.order.jsonl`.
pub fn read_spilling(dir: &Path, scratch: &Path, tag: &str) -> Result<Manifest> {
    let path = dir.join("manifest.json");
    let file = File::open(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut spill = SpillingManifest {
        inputs: Some(ListWriter::create(
            scratch.join(format!("{tag}.inputs.jsonl")),
        )?),
        order: Some(ListWriter::create(
            scratch.join(format!("{tag}.order.jsonl")),
        )?),
        order_seen: false,
        rest: serde_json::Map::new(),
    };
    let mut de = serde_json::Deserializer::from_reader(BufReader::new(file));
    (&mut spill)
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .with_context(|| format!("{} is not a manifest of this tool", path.display()))?;
    // The lists are put back as empty arrays for the rest to parse, then replaced.
    let mut rest = std::mem::take(&mut spill.rest);
    rest.insert("inputs".into(), serde_json::Value::Array(Vec::new()));
    if spill.order_seen {
        rest.insert("order".into(), serde_json::Value::Array(Vec::new()));
    }
    let mut manifest: Manifest = serde_json::from_value(serde_json::Value::Object(rest))
        .with_context(|| format!("{} is not a manifest of this tool", path.display()))?;
    manifest.inputs = spill.inputs.take().expect("not taken").finish()?;
    let order = spill.order.take().expect("not taken").finish()?;
    manifest.order = spill.order_seen.then_some(order);
    Ok(manifest)
}

/// The top-level object of a manifest, with `inputs` and `order` spilled and every other
/// field kept as JSON (those are small).
struct SpillingManifest {
    inputs: Option<ListWriter<InputRecord>>,
    order: Option<ListWriter<String>>,
    order_seen: bool,
    rest: serde_json::Map<String, serde_json::Value>,
}

impl<'de> DeserializeSeed<'de> for &mut SpillingManifest {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for &mut SpillingManifest {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a manifest object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "inputs" => {
                    map.next_value_seed(SpillEntries(self.inputs.as_mut().expect("not taken")))?
                }
                "order" => {
                    self.order_seen = true;
                    map.next_value_seed(SpillEntries(self.order.as_mut().expect("not taken")))?
                }
                _ => {
                    let value = map.next_value()?;
                    self.rest.insert(key, value);
                }
            }
        }
        Ok(())
    }
}

/// A JSON array whose entries go to a [`ListWriter`] one by one.
struct SpillEntries<'a, T>(&'a mut ListWriter<T>);

impl<'de, T: Serialize + Deserialize<'de>> DeserializeSeed<'de> for SpillEntries<'_, T> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: Serialize + Deserialize<'de>> Visitor<'de> for SpillEntries<'_, T> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        use serde::de::Error;
        while let Some(entry) = seq.next_element::<T>()? {
            self.0.push(&entry).map_err(A::Error::custom)?;
        }
        Ok(())
    }
}

pub fn read(dir: &Path) -> Result<Manifest> {
    let path = dir.join("manifest.json");
    // Read as a stream: a corpus of many small files has a manifest of tens of megabytes.
    let file =
        std::fs::File::open(&path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_reader(std::io::BufReader::new(file))
        .with_context(|| format!("{} is not a manifest of this tool", path.display()))
}

/// Writes `manifest` to `dir/manifest.json` as pretty JSON and a final newline, streamed to the
/// file rather than built as one string first.
pub fn write(dir: &Path, manifest: &Manifest) -> Result<()> {
    let path = dir.join("manifest.json");
    let file = std::fs::File::create(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    serde_json::to_writer_pretty(&mut out, manifest)?;
    std::io::Write::write_all(&mut out, b"\n")?;
    std::io::Write::flush(&mut out)?;
    Ok(())
}

/// Differences between a dataset and its manifest; empty when they agree.
pub fn verify(dir: &Path) -> Result<Vec<String>> {
    let manifest = read(dir)?;
    let mut problems = Vec::new();
    if manifest.generator != GENERATOR {
        problems.push(format!(
            "manifest generator is {:?}, not {GENERATOR:?}",
            manifest.generator
        ));
    }
    let c = &manifest.counts;
    if c.inputs_read != c.articles_written + c.rejected {
        problems.push(format!(
            "counts do not add up: {} inputs read != {} articles + {} rejects",
            c.inputs_read, c.articles_written, c.rejected
        ));
    }
    let mut listed = std::collections::BTreeSet::new();
    for f in &manifest.files {
        listed.insert(f.path.clone());
        let path = dir.join(&f.path);
        let (sha, bytes) = match file_sha256(&path) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("{}: {e:#}", f.path));
                continue;
            }
        };
        if sha != f.sha256 || bytes != f.bytes {
            problems.push(format!(
                "{}: checksum differs from the manifest (sha256 {sha}, {bytes} bytes)",
                f.path
            ));
            continue;
        }
        if f.table == "rejects" {
            let lines = std::fs::read_to_string(&path)?.lines().count() as u64;
            if lines != f.rows {
                problems.push(format!(
                    "{}: {lines} rows, manifest says {}",
                    f.path, f.rows
                ));
            }
            continue;
        }
        let Some(table) = Table::ALL.into_iter().find(|t| t.name() == f.table) else {
            problems.push(format!("{}: unknown table {:?}", f.path, f.table));
            continue;
        };
        let file = std::fs::File::open(&path)?;
        match ArrowReaderMetadata::load(&file, Default::default()) {
            Ok(meta) => {
                let rows = meta.metadata().file_metadata().num_rows() as u64;
                if rows != f.rows {
                    problems.push(format!("{}: {rows} rows, manifest says {}", f.path, f.rows));
                }
                if meta.schema().as_ref() != table.schema().as_ref() {
                    problems.push(format!(
                        "{}: schema differs from the {} table's",
                        f.path,
                        table.name()
                    ));
                }
            }
            Err(e) => problems.push(format!("{}: not a readable Parquet file: {e}", f.path)),
        }
    }
    for (table, splits) in &c.rows {
        for (split, rows) in splits {
            let sum: u64 = manifest
                .files
                .iter()
                .filter(|f| &f.table == table && f.split.as_deref() == Some(split))
                .map(|f| f.rows)
                .sum();
            if sum != *rows {
                problems.push(format!(
                    "{table}/{split}: files hold {sum} rows, counts say {rows}"
                ));
            }
        }
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry?;
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)?
                .to_string_lossy()
                .replace('\\', "/");
            let known = listed.contains(&rel) || rel == "manifest.json" || rel == "README.md";
            if !known {
                problems.push(format!("{rel}: not listed in the manifest"));
            }
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(path: &str, read: u64) -> InputRecord {
        InputRecord {
            path: path.to_string(),
            sha256: "ab".repeat(32),
            bytes: 10 * read,
            articles_read: read,
            articles_written: read.saturating_sub(1),
            rejects: u64::from(read > 0),
        }
    }

    fn manifest(inputs: Listed<InputRecord>, order: Option<Listed<String>>) -> Manifest {
        Manifest {
            generator: GENERATOR.to_string(),
            tool_version: "0".to_string(),
            schema_version: "1".to_string(),
            kind: Some(SHARD_KIND.to_string()),
            shard: Some(ShardInfo { index: 0, count: 1 }),
            config: ManifestConfig {
                inputs: vec!["corpus".to_string()],
                seed: 5,
                splits: "train=1".to_string(),
                split_method: "m".to_string(),
                batch_size: 2,
                max_shard_rows: 3,
            },
            inputs,
            order,
            counts: Counts {
                inputs_read: 4,
                articles_written: 3,
                rejected: 1,
                rejects_by_reason: BTreeMap::from([("empty".to_string(), 1)]),
                rows: BTreeMap::new(),
            },
            files: Vec::new(),
        }
    }

    #[test]
    fn spilled_lists_write_and_read_the_same_manifest_as_held_ones() {
        let dir = tempfile::tempdir().unwrap();
        let records = vec![record("a/1.txt", 1), record("a/2.jsonl", 3)];
        let paths = vec![
            "a/1.txt".to_string(),
            "gone".to_string(),
            "a/2.jsonl".to_string(),
        ];
        let held = manifest(
            Listed::Held(records.clone()),
            Some(Listed::Held(paths.clone())),
        );

        let mut inputs = ListWriter::create(dir.path().join("i.jsonl")).unwrap();
        records.iter().for_each(|r| inputs.push(r).unwrap());
        let mut order = ListWriter::create(dir.path().join("o.jsonl")).unwrap();
        paths.iter().for_each(|p| order.push(p).unwrap());
        let spilled = manifest(inputs.finish().unwrap(), Some(order.finish().unwrap()));
        assert_eq!(spilled.inputs.len(), 2);

        let (a, b) = (dir.path().join("held"), dir.path().join("spilled"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        write(&a, &held).unwrap();
        write(&b, &spilled).unwrap();
        let text = std::fs::read_to_string(a.join("manifest.json")).unwrap();
        assert_eq!(
            text,
            std::fs::read_to_string(b.join("manifest.json")).unwrap()
        );
        assert_eq!(read(&b).unwrap(), held);

        // Read back with its lists spilled: the same entries, from files in the scratch folder.
        let scratch = dir.path().join("scratch");
        std::fs::create_dir_all(&scratch).unwrap();
        let again = read_spilling(&b, &scratch, "t").unwrap();
        let entries: Vec<InputRecord> = again.inputs.iter().unwrap().map(Result::unwrap).collect();
        assert_eq!(entries, records);
        let order = again.order.as_ref().unwrap();
        let listed: Vec<String> = order.iter().unwrap().map(Result::unwrap).collect();
        assert_eq!(listed, paths);
        assert!(matches!(again.inputs, Listed::Spilled { .. }));
        let rest = Manifest {
            inputs: Listed::Held(entries),
            order: Some(Listed::Held(listed)),
            ..again
        };
        assert_eq!(rest, held);

        // A dataset's manifest has no order, and stays without one.
        let dataset = manifest(Listed::Held(records), None);
        write(&a, &dataset).unwrap();
        assert_eq!(read_spilling(&a, &scratch, "d").unwrap().order, None);
    }

    #[test]
    fn a_broken_manifest_is_named_when_read_spilling() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("manifest.json"),
            r#"{"inputs": [{"path": 3}]}"#,
        )
        .unwrap();
        let err = read_spilling(dir.path(), dir.path(), "x").unwrap_err();
        assert!(format!("{err:#}").contains("manifest.json"), "{err:#}");
    }
}
