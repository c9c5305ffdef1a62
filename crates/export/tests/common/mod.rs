//! Helpers shared by the end-to-end tests: running the binary, reading whole outputs, and a
//! corpus of articles that are not near duplicates of each other.
// Each test file uses its own subset of these.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Runs `export` from the repository root.
pub fn export(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_export"))
        .args(args)
        .current_dir(repo_root())
        .output()
        .expect("export runs")
}

/// Runs `export` and fails the test unless it exits 0.
pub fn run_ok(args: &[&str]) {
    let out = export(args);
    assert!(
        out.status.success(),
        "export {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every file under `dir` (relative path with `/`) and its bytes.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(rel, fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// JSONL articles `doc-<from>`..`doc-<to>` of random words (a fixed LCG), so that no two are
/// near duplicates.
pub fn word_corpus(path: &Path, from: usize, to: usize) {
    const WORDS: [&str; 24] = [
        "river", "council", "market", "budget", "school", "harvest", "railway", "museum",
        "festival", "bridge", "hospital", "election", "port", "factory", "library", "stadium",
        "airport", "forest", "mayor", "teacher", "farmer", "engineer", "court", "village",
    ];
    let mut lines = String::new();
    for i in from..to {
        let mut state = (i as u64 + 1).wrapping_mul(6364136223846793005);
        let mut words = Vec::new();
        for _ in 0..60 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            words.push(WORDS[(state >> 33) as usize % WORDS.len()]);
        }
        lines.push_str(&format!(
            "{{\"id\": \"doc-{i:04}\", \"text\": \"The {}.\"}}\n",
            words.join(" ")
        ));
    }
    fs::write(path, lines).unwrap();
}
