//! The manifest: what a dataset was made from, with which configuration, and what it holds,
//! with checksums. `export verify` checks a dataset against it.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use parquet::arrow::arrow_reader::ArrowReaderMetadata;
use records::tables::Table;
use serde::{Deserialize, Serialize};
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
    pub inputs: Vec<InputRecord>,
    /// Every discovered input path (files and unwalkable paths) in input order, for a shard
    /// dataset: what `export merge` orders rows by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Vec<String>>,
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
