//! A run killed halfway leaves the previous dataset at `--output` as it was, and the next run
//! clears what the killed one left beside it.

use std::fs;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

fn export() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_export"));
    c.stdout(Stdio::null()).stderr(Stdio::null());
    c
}

#[test]
fn a_killed_run_leaves_the_previous_dataset_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus.jsonl");
    let mut lines = String::new();
    for i in 0..20_000 {
        lines.push_str(&format!(
            "{{\"id\": \"a{i}\", \"text\": \"Minister {i} said on Monday that the talks in Jakarta went well. The two sides agreed to meet again in {} next year.\"}}\n",
            ["Baku", "Beijing", "Samarkand"][i % 3]
        ));
    }
    fs::write(&corpus, lines).unwrap();
    let out = tmp.path().join("ds");
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../datasets/raw");
    let status = export()
        .args(["--input", seeds, "--output", out.to_str().unwrap(), "-q"])
        .status()
        .unwrap();
    assert!(status.success());
    let before: Vec<(String, Vec<u8>)> = walk(&out);

    let mut child = export()
        .args([
            "--input",
            corpus.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
            "-q",
            "--batch-size",
            "64",
        ])
        .spawn()
        .unwrap();
    // Kill it once it is writing into its staging folder.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let staging = fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(".ds.tmp-"));
        if staging || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    std::thread::sleep(Duration::from_millis(50));
    let finished = child.try_wait().unwrap().is_some();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        !finished,
        "the run finished before it could be killed: make the corpus larger"
    );
    assert_eq!(walk(&out), before, "the previous dataset changed");
    let verify = export()
        .args(["verify", out.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(verify.success());

    // The next run removes the killed run's staging folder.
    let status = export()
        .args(["--input", seeds, "--output", out.to_str().unwrap(), "-q"])
        .status()
        .unwrap();
    assert!(status.success());
    let names: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".ds.")),
        "left behind: {names:?}"
    );
}

fn walk(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    common::files(dir).into_iter().collect()
}
