//! Reads the inputs ahead of the pipeline: walking, reading, checksumming and decoding files
//! on a thread of its own while the main thread's batch is parsed and labelled. Read in place,
//! the pool waits while the next batch is read (1 GB from a cold page cache: 12.8 s of a
//! 165 s run with both workers idle).
//!
//! What is read reaches the run in input order through a bounded channel, as the same steps
//! that reading in place gives it, so the output cannot depend on where reading ran. With one
//! thread it reads in place (`--threads 1` means one thread). Hand-written over
//! `std::sync::mpsc` like [`crate::background`]: a scoped thread and a channel.

use std::path::PathBuf;
use std::sync::mpsc::sync_channel;

use anyhow::{Result, anyhow};
use inputs::{Found, InputFile, Item};

/// One step of reading the inputs, in input order.
pub enum Read {
    /// A file starts (its display path).
    FileStart(String),
    /// The next input of the file being read.
    Item(Item),
    /// The file is read to its end: its checksum and size.
    FileEnd(InputFile),
    /// A path the walk could not enter.
    Unwalkable { path: String, detail: String },
}

/// Steps are handed over in groups of up to this many bytes of text or [`GROUP_STEPS`] steps:
/// a corpus of one short article a file would otherwise cost three messages an article, and
/// a channel of a few steps would let the reader get only an article ahead.
const GROUP_TEXT_BYTES: usize = 1 << 20;
const GROUP_STEPS: usize = 1024;
/// Groups waiting in the channel: what is read ahead stays within a few MB.
const DEPTH: usize = 4;

/// Reads every input in order and hands each step to `handle`: from a thread of its own if
/// `threaded`, else in place. The first error of `handle` stops the reading and is returned.
pub fn read_inputs(
    inputs: &[PathBuf],
    threaded: bool,
    handle: &mut dyn FnMut(Read) -> Result<()>,
) -> Result<()> {
    if !threaded {
        return read_all(inputs, handle);
    }
    std::thread::scope(|scope| {
        let (sender, receiver) = sync_channel::<Vec<Read>>(DEPTH);
        let reader = std::thread::Builder::new()
            .name("reader".to_string())
            .spawn_scoped(scope, move || {
                let mut group = Vec::new();
                let mut group_bytes = 0;
                let send = |group: Vec<Read>| {
                    sender
                        .send(group)
                        .map_err(|_| anyhow!("the run stopped taking inputs"))
                };
                read_all(inputs, &mut |step| {
                    if let Read::Item(Item::Article(article)) = &step {
                        group_bytes += article.text.len();
                    }
                    group.push(step);
                    if group.len() < GROUP_STEPS && group_bytes < GROUP_TEXT_BYTES {
                        return Ok(());
                    }
                    group_bytes = 0;
                    send(std::mem::take(&mut group))
                })?;
                if !group.is_empty() {
                    send(group)?;
                }
                Ok(())
            })?;
        let handled = receiver
            .iter()
            .try_for_each(|group| group.into_iter().try_for_each(&mut *handle));
        // A reader blocked on a full channel sees it closed and stops.
        drop(receiver);
        let read = reader
            .join()
            .map_err(|_| anyhow!("the reader thread panicked"))?;
        // The run's own error first: the reader's is then only that the run stopped.
        handled.and(read)
    })
}

fn read_all(inputs: &[PathBuf], handle: &mut dyn FnMut(Read) -> Result<()>) -> Result<()> {
    for found in inputs::walk(inputs)? {
        match found {
            Found::File(path) => {
                handle(Read::FileStart(inputs::display_path(&path)))?;
                let record = inputs::read_file(&path, &mut |item| handle(Read::Item(item)))?;
                handle(Read::FileEnd(record))?;
            }
            Found::Unwalkable { path, detail } => handle(Read::Unwalkable { path, detail })?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The steps of reading `inputs`, as text: what the run sees.
    fn steps(inputs: &[PathBuf], threaded: bool) -> Vec<String> {
        let mut out = Vec::new();
        read_inputs(inputs, threaded, &mut |step| {
            out.push(match step {
                Read::FileStart(path) => format!("start {path}"),
                Read::Item(Item::Article(a)) => format!("article {:?} {}", a.source_line, a.text),
                Read::Item(Item::Reject(r)) => format!("reject {:?} {}", r.source_line, r.reason),
                Read::FileEnd(record) => format!("end {} {}", record.bytes, record.sha256),
                Read::Unwalkable { path, detail } => format!("unwalkable {path} {detail}"),
            });
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn a_thread_reads_what_reading_in_place_reads() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.txt"), "One article.").unwrap();
        let lines: String = (0..600)
            .map(|i| {
                if i % 97 == 0 {
                    "{not json\n".to_string()
                } else {
                    format!("{{\"id\": \"{i}\", \"text\": \"Article {i}.\"}}\n")
                }
            })
            .collect();
        std::fs::write(root.join("b.jsonl"), lines).unwrap();
        std::fs::create_dir(root.join("c")).unwrap();
        std::fs::write(root.join("c/d.txt"), "x".repeat(3 << 20)).unwrap();
        let inputs = vec![root.to_path_buf()];
        let in_place = steps(&inputs, false);
        assert_eq!(steps(&inputs, true), in_place);
        // a.txt: start, 1 item, end; b.jsonl: start, 600 items, end; c/d.txt: start, 1, end.
        assert_eq!(in_place.len(), 3 + 602 + 3);
        assert_eq!(in_place[4], "reject Some(1) invalid_json");
        assert_eq!(in_place[5], "article Some(2) Article 1.");
        assert!(in_place[in_place.len() - 2].starts_with("article None xxx"));
    }

    #[test]
    fn an_error_of_the_run_stops_the_reader() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..50 {
            std::fs::write(dir.path().join(format!("{i:02}.txt")), "An article.").unwrap();
        }
        let inputs = vec![dir.path().to_path_buf()];
        for threaded in [false, true] {
            let mut seen = 0;
            let result = read_inputs(&inputs, threaded, &mut |step| {
                if let Read::FileEnd(_) = step {
                    seen += 1;
                    if seen == 3 {
                        return Err(anyhow!("disk full"));
                    }
                }
                Ok(())
            });
            assert_eq!(result.unwrap_err().to_string(), "disk full");
            assert_eq!(seen, 3);
        }
    }
}
