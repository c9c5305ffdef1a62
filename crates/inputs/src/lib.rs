//! Finding input files and reading them into raw articles. Every file and every JSONL line
//! becomes either a raw article or a reject: nothing is skipped unseen.
//!
//! Shared by the `export` binary and the Python bindings, so that every engine reads inputs
//! exactly alike. It must never parse or label text (that is `parse` and `label`), and never
//! fail on a bad file: a file that cannot be read becomes a reject.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use records::{RawArticle, RejectRow};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// One input file, as recorded in the manifest.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct InputFile {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
    /// Articles read from the file (written or rejected later by the pipeline).
    pub articles_read: u64,
    /// Inputs of this file rejected while reading or processing.
    pub rejects: u64,
    /// Articles of this file written to the dataset.
    pub articles_written: u64,
}

/// What reading yields, in input order.
pub enum Item {
    Article(RawArticle),
    Reject(RejectRow),
}

fn reject(path: &str, line: Option<u64>, reason: &str, detail: String) -> Item {
    Item::Reject(RejectRow {
        source_file: path.to_string(),
        source_line: line,
        reason: reason.to_string(),
        detail,
    })
}

/// A file to read, or a path that could not be walked (it becomes a reject).
pub enum Found {
    File(PathBuf),
    Unwalkable { path: String, detail: String },
}

/// An input path given by the user that does not exist: an error of the run, not a reject.
#[derive(Debug, thiserror::Error)]
#[error("input {0} does not exist")]
pub struct MissingInput(pub String);

/// Lists the inputs: files as given, directories walked in sorted order (following symlinks,
/// with loops reported). Hidden files (names starting with `.`) are skipped.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<Found>, MissingInput> {
    Ok(walk(inputs)?.collect())
}

/// The inputs of [`discover`], one at a time: a corpus of one file per article has as many
/// paths as articles, so a run walks them as it reads them instead of holding the list (it
/// held some 110 bytes per file, 16 MB for the 145k files of the 1 GB benchmark corpus). A
/// directory's entries are still read whole to be sorted, one directory at a time. Every
/// input is checked to exist before the first is walked.
pub fn walk(inputs: &[PathBuf]) -> Result<impl Iterator<Item = Found> + '_, MissingInput> {
    for input in inputs {
        if !input.exists() && input.symlink_metadata().is_err() {
            return Err(MissingInput(display_path(input)));
        }
    }
    Ok(inputs.iter().cloned().flat_map(walk_one))
}

/// One input: the file itself, or the files below the directory.
fn walk_one(input: PathBuf) -> Box<dyn Iterator<Item = Found>> {
    if !input.is_dir() {
        return Box::new(std::iter::once(Found::File(input)));
    }
    let walker = walkdir::WalkDir::new(&input)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    Box::new(walker.filter_map(move |entry| match entry {
        Ok(e) if e.file_type().is_dir() => None,
        Ok(e) => Some(Found::File(e.into_path())),
        Err(err) => {
            let path = err
                .path()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| input.display().to_string());
            let detail = if err.loop_ancestor().is_some() {
                "symbolic link loop".to_string()
            } else {
                err.to_string()
            };
            Some(Found::Unwalkable { path, detail })
        }
    }))
}

pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Reads one file, calling `emit` for each article or reject in order. Returns the file's
/// record for the manifest (article and reject counts from reading only).
pub fn read_file<E>(
    path: &Path,
    emit: &mut dyn FnMut(Item) -> Result<(), E>,
) -> Result<InputFile, E> {
    let name = display_path(path);
    let mut record = InputFile {
        path: name.clone(),
        sha256: String::new(),
        bytes: 0,
        articles_read: 0,
        rejects: 0,
        articles_written: 0,
    };
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let mut count = |item: Item, record: &mut InputFile| -> Result<(), E> {
        match &item {
            Item::Article(_) => record.articles_read += 1,
            Item::Reject(_) => record.rejects += 1,
        }
        emit(item)
    };
    match extension.as_deref() {
        Some("txt") => {
            // A file over the article limit is only hashed, never held in memory.
            let too_large = std::fs::metadata(path)
                .map(|m| m.len() > parse::MAX_ARTICLE_BYTES)
                .unwrap_or(false);
            let read = if too_large {
                hash_file(path).map(|(sha256, bytes)| (sha256, bytes, None))
            } else {
                std::fs::read(path).map(|bytes| {
                    (
                        hex(&Sha256::digest(&bytes)),
                        bytes.len() as u64,
                        Some(bytes),
                    )
                })
            };
            let item = match read {
                Ok((sha256, size, bytes)) => {
                    record.sha256 = sha256;
                    record.bytes = size;
                    match bytes.map_or(Err(parse::InputError::TooLarge(size)), |b| {
                        parse::decode_text(&b)
                    }) {
                        Ok((text, flags)) => Item::Article(RawArticle {
                            source_file: name.clone(),
                            source_line: None,
                            text,
                            given: Default::default(),
                            input_flags: flags,
                        }),
                        Err(e) => reject(&name, None, e.reason(), format!("{name}: {e}")),
                    }
                }
                Err(e) => reject(&name, None, "unreadable", format!("{name}: {e}")),
            };
            count(item, &mut record)?;
        }
        Some("jsonl") => read_jsonl(path, &name, &mut record, &mut count)?,
        _ => count(
            reject(
                &name,
                None,
                "unsupported_file",
                format!("{name}: not a .txt or .jsonl file"),
            ),
            &mut record,
        )?,
    }
    Ok(record)
}

fn read_jsonl<E>(
    path: &Path,
    name: &str,
    record: &mut InputFile,
    count: &mut dyn FnMut(Item, &mut InputFile) -> Result<(), E>,
) -> Result<(), E> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return count(
                reject(name, None, "unreadable", format!("{name}: {e}")),
                record,
            );
        }
    };
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut hasher = Sha256::new();
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        line.clear();
        number += 1;
        // At most one byte past the article limit is buffered: a file without line breaks
        // must not be read into memory whole.
        let limit = parse::MAX_ARTICLE_BYTES + 1;
        match (&mut reader).take(limit).read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(n) => {
                hasher.update(&line);
                record.bytes += n as u64;
                if n as u64 == limit && line.last() != Some(&b'\n') {
                    let item = match skip_line(&mut reader, &mut hasher) {
                        Ok(rest) => {
                            record.bytes += rest;
                            let e = parse::InputError::TooLarge(n as u64 + rest);
                            reject(
                                name,
                                Some(number),
                                e.reason(),
                                format!("{name}:{number}: {e}"),
                            )
                        }
                        Err(e) => reject(
                            name,
                            Some(number),
                            "unreadable",
                            format!("{name}:{number}: {e}"),
                        ),
                    };
                    count(item, record)?;
                    continue;
                }
            }
            Err(e) => {
                count(
                    reject(
                        name,
                        Some(number),
                        "unreadable",
                        format!("{name}:{number}: {e}"),
                    ),
                    record,
                )?;
                // Hash what remains so the checksum still describes the whole file if possible.
                let mut rest = Vec::new();
                if reader.read_to_end(&mut rest).is_ok() {
                    hasher.update(&rest);
                }
                break;
            }
        }
        // Blank lines separate nothing in JSONL; they are not inputs.
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let item = match parse::read_jsonl_line(name, number, &line) {
            Ok(raw) => Item::Article(raw),
            Err(e) => reject(
                name,
                Some(number),
                e.reason(),
                format!("{name}:{number}: {e}"),
            ),
        };
        count(item, record)?;
    }
    record.sha256 = hex(&hasher.finalize());
    Ok(())
}

/// Consumes the rest of the current line (through its `\n`), hashing it; returns its bytes.
fn skip_line(reader: &mut impl BufRead, hasher: &mut Sha256) -> std::io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        let (used, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        hasher.update(&buf[..used]);
        reader.consume(used);
        skipped += used as u64;
        if done {
            return Ok(skipped);
        }
    }
}

/// The sha256 and size of a file, streamed.
fn hash_file(path: &Path) -> std::io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let bytes = std::io::copy(&mut File::open(path)?, &mut hasher)?;
    Ok((hex(&hasher.finalize()), bytes))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(path: &Path) -> (Vec<Item>, InputFile) {
        let mut items = Vec::new();
        let record = read_file::<()>(path, &mut |item| {
            items.push(item);
            Ok(())
        })
        .unwrap();
        (items, record)
    }

    #[test]
    fn an_over_long_line_is_rejected_and_the_next_line_read_with_the_whole_file_hashed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        let long = "y".repeat(parse::MAX_ARTICLE_BYTES as usize + 10);
        let bytes = format!(
            "{{\"text\": \"{long}\"}}\n{{\"id\": \"b\", \"text\": \"Fine. Short.\"}}\n{long}"
        );
        std::fs::write(&path, &bytes).unwrap();
        let (items, record) = read_all(&path);
        let outcomes: Vec<(Option<u64>, &str)> = items
            .iter()
            .map(|i| match i {
                Item::Article(a) => (a.source_line, "article"),
                Item::Reject(r) => (r.source_line, r.reason.as_str()),
            })
            .collect();
        assert_eq!(
            outcomes,
            [
                (Some(1), "too_large"),
                (Some(2), "article"),
                (Some(3), "too_large")
            ]
        );
        assert_eq!(record.bytes, bytes.len() as u64);
        assert_eq!(record.sha256, hex(&Sha256::digest(bytes.as_bytes())));
        assert_eq!((record.articles_read, record.rejects), (1, 2));
    }

    #[test]
    fn an_over_large_text_file_is_hashed_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        let bytes = "z ".repeat(parse::MAX_ARTICLE_BYTES as usize);
        std::fs::write(&path, &bytes).unwrap();
        let (items, record) = read_all(&path);
        assert!(matches!(&items[..], [Item::Reject(r)] if r.reason == "too_large"));
        assert_eq!(record.sha256, hex(&Sha256::digest(bytes.as_bytes())));
    }
}
