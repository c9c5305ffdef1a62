//! Reads the columns the evaluation needs from a dataset's Parquet files, read-only.
//!
//! Files are those `manifest.json` lists for each table when there is a manifest, else every
//! `<dir>/<table>/*.parquet`, in name order.

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::{
    Array, Date32Array, Int32Array, Int64Array, ListArray, RecordBatch, StringArray, StructArray,
};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use records::tables::Table;
use serde::Deserialize;

use crate::EvalError;

#[derive(Debug, Clone, PartialEq)]
pub struct DsArticle {
    pub article_id: String,
    pub source_file: String,
    pub title: Option<String>,
    /// ISO 8601 date.
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub dateline: Option<String>,
    pub quality_flags: Vec<String>,
    /// `(text_byte, source_byte)` anchors.
    pub source_map: Vec<(u64, u64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DsSentence {
    pub sentence_id: String,
    pub article_id: String,
    pub text: String,
    pub byte_start: i64,
    pub source_byte_start: i64,
    pub source_byte_end: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DsEntity {
    pub article_id: String,
    pub sentence_id: String,
    pub label: String,
    pub char_start: i32,
    pub char_end: i32,
    pub canonical_name: Option<String>,
    pub labelers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DsClaim {
    pub article_id: String,
    pub sentence_id: String,
    pub char_start: i32,
    pub char_end: i32,
    pub kind: String,
    pub speaker_name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    pub articles: Vec<DsArticle>,
    pub sentences: Vec<DsSentence>,
    pub entities: Vec<DsEntity>,
    pub claims: Vec<DsClaim>,
}

#[derive(Deserialize)]
struct Manifest {
    files: Vec<ManifestFile>,
}

#[derive(Deserialize)]
struct ManifestFile {
    path: String,
    table: String,
}

/// The Parquet files of each table, in the order of [`Table::SPLIT`].
fn table_files(dir: &Path) -> Result<Vec<Vec<PathBuf>>, EvalError> {
    let manifest_path = dir.join("manifest.json");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Io { path, source }
    };
    if manifest_path.is_file() {
        let text = std::fs::read_to_string(&manifest_path).map_err(io(&manifest_path))?;
        let manifest: Manifest = serde_json::from_str(&text).map_err(|source| EvalError::Json {
            line: source.line(),
            path: manifest_path.clone(),
            source,
        })?;
        return Ok(Table::SPLIT
            .iter()
            .map(|t| {
                let mut files: Vec<PathBuf> = manifest
                    .files
                    .iter()
                    .filter(|f| f.table == t.name())
                    .map(|f| dir.join(&f.path))
                    .collect();
                files.sort();
                files
            })
            .collect());
    }
    let mut all = Vec::new();
    for t in Table::SPLIT {
        let table_dir = dir.join(t.name());
        let mut files = Vec::new();
        for entry in std::fs::read_dir(&table_dir).map_err(io(&table_dir))? {
            let entry = entry.map_err(io(&table_dir))?;
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "parquet") && path.is_file() {
                files.push(path);
            }
        }
        files.sort();
        all.push(files);
    }
    Ok(all)
}

/// One batch of one file, with the number of rows of the file before it, for errors.
struct Batch<'a> {
    path: &'a Path,
    batch: &'a RecordBatch,
    first_row: usize,
}

impl Batch<'_> {
    fn err(&self, column: &str, row: Option<usize>, message: String) -> EvalError {
        EvalError::Column {
            path: self.path.to_path_buf(),
            column: column.to_string(),
            row: row.map(|r| self.first_row + r),
            message,
        }
    }

    fn col<T: Array + 'static>(&self, name: &str) -> Result<&T, EvalError> {
        let c = self
            .batch
            .column_by_name(name)
            .ok_or_else(|| self.err(name, None, "missing".into()))?;
        c.as_any().downcast_ref::<T>().ok_or_else(|| {
            self.err(
                name,
                None,
                format!("has type {}, not the expected one", c.data_type()),
            )
        })
    }

    fn opt_str(&self, name: &str) -> Result<Vec<Option<String>>, EvalError> {
        let a = self.col::<StringArray>(name)?;
        Ok((0..a.len())
            .map(|i| (!a.is_null(i)).then(|| a.value(i).to_string()))
            .collect())
    }

    fn str(&self, name: &str) -> Result<Vec<String>, EvalError> {
        self.opt_str(name)?
            .into_iter()
            .enumerate()
            .map(|(i, v)| v.ok_or_else(|| self.err(name, Some(i), "is null".into())))
            .collect()
    }

    fn i32(&self, name: &str) -> Result<Vec<i32>, EvalError> {
        let a = self.col::<Int32Array>(name)?;
        (0..a.len())
            .map(|i| {
                (!a.is_null(i))
                    .then(|| a.value(i))
                    .ok_or_else(|| self.err(name, Some(i), "is null".into()))
            })
            .collect()
    }

    fn i64(&self, name: &str) -> Result<Vec<i64>, EvalError> {
        let a = self.col::<Int64Array>(name)?;
        (0..a.len())
            .map(|i| {
                (!a.is_null(i))
                    .then(|| a.value(i))
                    .ok_or_else(|| self.err(name, Some(i), "is null".into()))
            })
            .collect()
    }

    fn dates(&self, name: &str) -> Result<Vec<Option<String>>, EvalError> {
        let a = self.col::<Date32Array>(name)?;
        Ok((0..a.len())
            .map(|i| {
                if a.is_null(i) {
                    None
                } else {
                    a.value_as_date(i).map(|d| d.to_string())
                }
            })
            .collect())
    }

    fn string_lists(&self, name: &str) -> Result<Vec<Vec<String>>, EvalError> {
        let a = self.col::<ListArray>(name)?;
        (0..a.len())
            .map(|i| {
                if a.is_null(i) {
                    return Ok(Vec::new());
                }
                let v = a.value(i);
                let s = v
                    .as_any()
                    .downcast_ref::<StringArray>()
                    .ok_or_else(|| self.err(name, Some(i), "is not a list of strings".into()))?;
                Ok(s.iter().flatten().map(str::to_string).collect())
            })
            .collect()
    }

    /// `list<struct<text_byte, source_byte>>`.
    fn anchors(&self, name: &str) -> Result<Vec<Vec<(u64, u64)>>, EvalError> {
        let a = self.col::<ListArray>(name)?;
        (0..a.len())
            .map(|i| {
                if a.is_null(i) {
                    return Ok(Vec::new());
                }
                let v = a.value(i);
                let bad = || self.err(name, Some(i), "is not a list of anchors".into());
                let s = v.as_any().downcast_ref::<StructArray>().ok_or_else(bad)?;
                let child = |n: &str| {
                    s.column_by_name(n)
                        .and_then(|c| c.as_any().downcast_ref::<Int64Array>())
                        .ok_or_else(bad)
                };
                let (t, src) = (child("text_byte")?, child("source_byte")?);
                (0..s.len())
                    .map(|k| {
                        let (tb, sb) = (t.value(k), src.value(k));
                        if s.is_null(k) || t.is_null(k) || src.is_null(k) || tb < 0 || sb < 0 {
                            return Err(self.err(name, Some(i), format!("anchor {k} is invalid")));
                        }
                        Ok((tb as u64, sb as u64))
                    })
                    .collect()
            })
            .collect()
    }
}

/// Calls `each` with every batch of every file of a table.
fn for_batches(
    files: &[PathBuf],
    mut each: impl FnMut(&Batch<'_>) -> Result<(), EvalError>,
) -> Result<(), EvalError> {
    for path in files {
        let file = File::open(path).map_err(|source| EvalError::Io {
            path: path.clone(),
            source,
        })?;
        let parquet = |source| EvalError::Parquet {
            path: path.clone(),
            source,
        };
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .map_err(parquet)?
            .build()
            .map_err(parquet)?;
        let mut first_row = 0;
        for batch in reader {
            let batch = batch.map_err(|source| EvalError::Arrow {
                path: path.clone(),
                source,
            })?;
            each(&Batch {
                path,
                batch: &batch,
                first_row,
            })?;
            first_row += batch.num_rows();
        }
    }
    Ok(())
}

/// Reads the four tables of a dataset directory.
pub fn read(dir: &Path) -> Result<Dataset, EvalError> {
    let files = table_files(dir)?;
    let mut ds = Dataset::default();
    for_batches(&files[0], |b| {
        let (ids, sources) = (b.str("article_id")?, b.str("source_file")?);
        let (titles, published) = (b.opt_str("title")?, b.dates("published")?);
        let (outlets, datelines) = (b.opt_str("outlet")?, b.opt_str("dateline")?);
        let (flags, maps) = (b.string_lists("quality_flags")?, b.anchors("source_map")?);
        for (i, article_id) in ids.into_iter().enumerate() {
            ds.articles.push(DsArticle {
                article_id,
                source_file: sources[i].clone(),
                title: titles[i].clone(),
                published: published[i].clone(),
                outlet: outlets[i].clone(),
                dateline: datelines[i].clone(),
                quality_flags: flags[i].clone(),
                source_map: maps[i].clone(),
            });
        }
        Ok(())
    })?;
    for_batches(&files[1], |b| {
        let (ids, articles, texts) = (b.str("sentence_id")?, b.str("article_id")?, b.str("text")?);
        let byte_start = b.i32("byte_start")?;
        let (ss, se) = (b.i64("source_byte_start")?, b.i64("source_byte_end")?);
        for (i, sentence_id) in ids.into_iter().enumerate() {
            ds.sentences.push(DsSentence {
                sentence_id,
                article_id: articles[i].clone(),
                text: texts[i].clone(),
                byte_start: i64::from(byte_start[i]),
                source_byte_start: ss[i],
                source_byte_end: se[i],
            });
        }
        Ok(())
    })?;
    for_batches(&files[2], |b| {
        let (articles, sentences) = (b.str("article_id")?, b.str("sentence_id")?);
        let (labels, names) = (b.str("label")?, b.opt_str("canonical_name")?);
        let (cs, ce) = (b.i32("char_start")?, b.i32("char_end")?);
        let labelers = b.string_lists("labelers")?;
        for (i, article_id) in articles.into_iter().enumerate() {
            ds.entities.push(DsEntity {
                article_id,
                sentence_id: sentences[i].clone(),
                label: labels[i].clone(),
                char_start: cs[i],
                char_end: ce[i],
                canonical_name: names[i].clone(),
                labelers: labelers[i].clone(),
            });
        }
        Ok(())
    })?;
    for_batches(&files[3], |b| {
        let (articles, sentences) = (b.str("article_id")?, b.str("sentence_id")?);
        let (kinds, speakers) = (b.str("kind")?, b.opt_str("speaker_name")?);
        let (cs, ce) = (b.i32("char_start")?, b.i32("char_end")?);
        for (i, article_id) in articles.into_iter().enumerate() {
            ds.claims.push(DsClaim {
                article_id,
                sentence_id: sentences[i].clone(),
                char_start: cs[i],
                char_end: ce[i],
                kind: kinds[i].clone(),
                speaker_name: speakers[i].clone(),
            });
        }
        Ok(())
    })?;
    Ok(ds)
}
