//! The floor that `scripts/bench.sh` measures the pipeline against: the least work that
//! reads the same corpus and writes it as Parquet, on all cores. It walks the inputs in
//! sorted order, reads `.txt` files whole and `.jsonl` files line by line (taking the `text`
//! field), and writes one table of (id, text) with zstd. It must never grow features: its
//! job is to be the I/O-bound baseline.
//!
//!     floor <input dir> <output.parquet> [--threads N]

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use arrow_array::{ArrayRef, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use rayon::prelude::*;

/// Units of work per parallel batch: a `.txt` file or a JSONL line each.
const UNITS_PER_BATCH: usize = 4096;

enum Unit {
    Txt(PathBuf),
    Line(String, Vec<u8>),
}

fn decode(unit: &Unit) -> Option<(String, String)> {
    match unit {
        Unit::Txt(path) => {
            let bytes = std::fs::read(path).ok()?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Some((
                format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes())),
                text,
            ))
        }
        Unit::Line(id, line) => {
            let value: serde_json::Value = serde_json::from_slice(line).ok()?;
            Some((id.clone(), value.get("text")?.as_str()?.to_string()))
        }
    }
}

struct Sink {
    writer: ArrowWriter<File>,
    schema: Arc<Schema>,
    rows: usize,
}

impl Sink {
    fn flush(&mut self, units: &mut Vec<Unit>) -> Result<()> {
        let articles: Vec<(String, String)> = units.par_iter().filter_map(decode).collect();
        units.clear();
        self.rows += articles.len();
        let ids: ArrayRef = Arc::new(StringArray::from_iter_values(
            articles.iter().map(|a| a.0.as_str()),
        ));
        let texts: ArrayRef = Arc::new(StringArray::from_iter_values(
            articles.iter().map(|a| a.1.as_str()),
        ));
        self.writer.write(&RecordBatch::try_new(
            self.schema.clone(),
            vec![ids, texts],
        )?)?;
        Ok(())
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (input, output) = match (args.get(1), args.get(2)) {
        (Some(i), Some(o)) => (PathBuf::from(i), PathBuf::from(o)),
        _ => anyhow::bail!("usage: floor <input dir> <output.parquet> [--threads N]"),
    };
    if let Some(pos) = args.iter().position(|a| a == "--threads") {
        let n: usize = args.get(pos + 1).context("--threads N")?.parse()?;
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()?;
    }
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&input)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let schema = Arc::new(Schema::new(vec![
        Field::new("id", DataType::Utf8, true),
        Field::new("text", DataType::Utf8, true),
    ]));
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(3)?))
        .build();
    let writer = ArrowWriter::try_new(File::create(&output)?, schema.clone(), Some(props))?;
    let mut sink = Sink {
        writer,
        schema,
        rows: 0,
    };
    let mut units = Vec::with_capacity(UNITS_PER_BATCH);
    for path in &files {
        match path.extension().and_then(|e| e.to_str()) {
            Some("txt") => units.push(Unit::Txt(path.clone())),
            Some("jsonl") => {
                let name = path.to_string_lossy();
                let mut reader = BufReader::new(File::open(path)?);
                let mut number = 0;
                loop {
                    let mut line = Vec::new();
                    if reader.read_until(b'\n', &mut line)? == 0 {
                        break;
                    }
                    number += 1;
                    units.push(Unit::Line(format!("{name}:{number}"), line));
                    if units.len() >= UNITS_PER_BATCH {
                        sink.flush(&mut units)?;
                    }
                }
            }
            _ => {}
        }
        if units.len() >= UNITS_PER_BATCH {
            sink.flush(&mut units)?;
        }
    }
    sink.flush(&mut units)?;
    sink.writer.close()?;
    eprintln!("floor: {} articles from {} files", sink.rows, files.len());
    Ok(())
}
