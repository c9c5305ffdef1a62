//! Job arrays: `export --shard i/n` runs merged with `export merge` give the one-shot dataset
//! byte for byte, stories spanning shards included; merge refuses shards that do not belong
//! together.

mod common;

use std::fs;
use std::path::Path;

use common::{export, files, repo_root, word_corpus};

/// Seeds (000 and 001 are one story), a corpus of unrelated articles, duplicates of an id in
/// two files, and bad lines.
fn make_inputs(dir: &Path) {
    let seeds = dir.join("seeds");
    fs::create_dir_all(&seeds).unwrap();
    for entry in fs::read_dir(repo_root().join("datasets/raw/seeds")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, seeds.join(path.file_name().unwrap())).unwrap();
    }
    word_corpus(&dir.join("a.jsonl"), 0, 150);
    // doc-0003 again, later in input order: a duplicate wherever its shard is.
    word_corpus(&dir.join("b.jsonl"), 3, 4);
    fs::write(
        dir.join("c.jsonl"),
        "{\"id\": \"c1\", \"text\": \"Short but fine. It has two sentences.\"}\nnot json\n{\"text\": 7}\n{\"id\": \"c2\", \"text\": \"  \"}\n",
    )
    .unwrap();
}

/// Writes shard `spec` (`i/n`) of `input` to `dir`, with split seed `seed`.
fn write_shard(input: &Path, dir: &Path, spec: &str, seed: &str) {
    let out = export(&[
        "-q",
        "-i",
        input.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
        "--shard",
        spec,
        "--seed",
        seed,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn ok_or_rejects(args: &[&str]) {
    let out = export(args);
    // 3: written, with rejects (the corpus has bad lines on purpose).
    assert!(
        out.status.code() == Some(3),
        "export {args:?}: {:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn merged_shards_equal_the_one_shot_run_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    make_inputs(&inputs);
    let input = inputs.to_str().unwrap();
    let one_shot = tmp.path().join("one-shot");
    // A small row cap, so that tables span several Parquet shards.
    let common = ["-q", "--seed", "9", "--max-shard-rows", "40"];
    let mut args = vec!["-i", input, "-o", one_shot.to_str().unwrap()];
    args.extend(common);
    ok_or_rejects(&args);

    let mut shard_dirs = Vec::new();
    for i in 0..3 {
        let dir = tmp.path().join(format!("shard-{i}"));
        let spec = format!("{i}/3");
        let mut args = vec!["-i", input, "-o", dir.to_str().unwrap(), "--shard", &spec];
        args.extend(common);
        // A shard without rejects exits 0; with rejects 3.
        let out = export(&args);
        assert!(
            matches!(out.status.code(), Some(0 | 3)),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let verify = export(&["verify", dir.to_str().unwrap()]);
        assert!(
            verify.status.success(),
            "{}",
            String::from_utf8_lossy(&verify.stderr)
        );
        shard_dirs.push(dir);
    }
    // Every shard got some articles, and each article is in exactly one shard.
    let mut total = 0;
    for dir in &shard_dirs {
        let m: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
        let n = m["counts"]["articles_written"].as_u64().unwrap();
        assert!(n > 20, "{}: only {n} articles", dir.display());
        total += m["counts"]["inputs_read"].as_u64().unwrap();
    }
    let one: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(one_shot.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(total, one["counts"]["inputs_read"].as_u64().unwrap());

    // Shards given in any order.
    let merged = tmp.path().join("merged");
    ok_or_rejects(&[
        "merge",
        shard_dirs[2].to_str().unwrap(),
        shard_dirs[0].to_str().unwrap(),
        shard_dirs[1].to_str().unwrap(),
        "-o",
        merged.to_str().unwrap(),
        "--threads",
        "1",
    ]);
    let (a, b) = (files(&one_shot), files(&merged));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "same files"
    );
    assert!(
        a.keys().filter(|k| k.starts_with("sentences/")).count() > 3,
        "several sentence shards: {:?}",
        a.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &a {
        assert!(
            b[name] == *bytes,
            "{name} differs between one-shot and merged"
        );
    }
    // The duplicate and the bad lines are rejected once, wherever they were processed.
    let rejects = fs::read_to_string(merged.join("rejects.jsonl")).unwrap();
    assert_eq!(rejects.matches("duplicate_id").count(), 1, "{rejects}");
    assert_eq!(rejects.lines().count(), 4, "{rejects}");
}

#[test]
fn merge_refuses_shards_that_do_not_belong_together() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("a.jsonl");
    word_corpus(&input, 0, 30);
    let shard = |i: u32, n: u32, seed: &str| {
        let dir = tmp.path().join(format!("s{i}-{n}-{seed}"));
        write_shard(&input, &dir, &format!("{i}/{n}"), seed);
        dir.to_str().unwrap().to_string()
    };
    let (s0, s1, s1_other_seed) = (shard(0, 2, "1"), shard(1, 2, "1"), shard(1, 2, "2"));
    let out_dir = tmp.path().join("out");
    let out = out_dir.to_str().unwrap();
    let cases: [(&[&str], &str); 3] = [
        (
            &["merge", &s0, "-o", out],
            "each index 0..2 must be given once",
        ),
        (
            &["merge", &s0, &s0, "-o", out],
            "each index 0..2 must be given once",
        ),
        (
            &["merge", &s0, &s1_other_seed, "-o", out],
            "different configurations",
        ),
    ];
    for (args, message) in cases {
        let run = export(args);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(!out_dir.exists(), "nothing written on a refused merge");
    }
    // A dataset (not a shard) is refused too.
    let full = tmp.path().join("full");
    let run = export(&[
        "-q",
        "-i",
        input.to_str().unwrap(),
        "-o",
        full.to_str().unwrap(),
    ]);
    assert!(run.status.success());
    let run = export(&["merge", full.to_str().unwrap(), &s1, "-o", out]);
    assert!(String::from_utf8_lossy(&run.stderr).contains("is not a shard dataset"));
    // The right pair merges.
    let run = export(&["merge", &s0, &s1, "-o", out]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn merge_refuses_rows_that_do_not_follow_their_articles() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("a.jsonl");
    word_corpus(&input, 0, 30);
    let shard = |i: u32, name: &str| {
        let dir = tmp.path().join(name);
        write_shard(&input, &dir, &format!("{i}/2"), "42");
        dir
    };
    let s1 = shard(1, "s1");
    // Shard 0 with shard 1's sentences: rows of articles it does not have (the word corpus
    // has sentences in every article, and no entities or claims to swap).
    let s0 = shard(0, "s0");
    fs::remove_dir_all(s0.join("sentences")).unwrap();
    fs::create_dir_all(s0.join("sentences")).unwrap();
    for (name, bytes) in files(&s1.join("sentences")) {
        fs::write(s0.join("sentences").join(name), bytes).unwrap();
    }
    let out_dir = tmp.path().join("out");
    let run = export(&[
        "merge",
        s0.to_str().unwrap(),
        s1.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("sentences rows of article")
            && stderr.contains("do not follow the articles' order"),
        "{stderr}"
    );
    assert!(!out_dir.exists(), "nothing written on a failed merge");
}

/// The stage times of `--timings`, for a one-shot run and for `export merge`: every stage named,
/// seconds that are numbers and fit in the total, and the counts of the run.
#[test]
fn timings_name_every_stage_of_a_run_and_of_a_merge() {
    let tmp = tempfile::tempdir().unwrap();
    // 30 articles and a duplicate of one, which the merge rejects: `articles` counts the
    // dataset's.
    let corpus = tmp.path().join("in");
    fs::create_dir_all(&corpus).unwrap();
    word_corpus(&corpus.join("a.jsonl"), 0, 30);
    word_corpus(&corpus.join("b.jsonl"), 3, 4);
    let seconds = |v: &serde_json::Value, key: &str| -> f64 {
        let s = v[key]
            .as_f64()
            .unwrap_or_else(|| panic!("{key} is not a number: {v}"));
        assert!(s.is_finite() && s >= 0.0, "{key}: {s}");
        s
    };
    let read_json = |path: &Path| -> serde_json::Value {
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
    };

    let one_shot = tmp.path().join("one-shot");
    let run_timings = tmp.path().join("run.json");
    ok_or_rejects(&[
        "-i",
        corpus.to_str().unwrap(),
        "-o",
        one_shot.to_str().unwrap(),
        "--threads",
        "2",
        "--timings",
        run_timings.to_str().unwrap(),
    ]);
    let t = read_json(&run_timings);
    const RUN_STAGES: [&str; 6] = ["read", "parse", "label", "collect", "write_wait", "finish"];
    const MERGE_STEPS: [&str; 4] = ["sign", "cluster", "rewrite", "finalize"];
    let sum =
        |v: &serde_json::Value, keys: &[&str]| -> f64 { keys.iter().map(|k| seconds(v, k)).sum() };
    // The main thread's stages (parse and label: the wall time of the parallel work) make up
    // the total; the writer thread's busy time and the merge's steps fit within theirs.
    let total = seconds(&t, "total");
    assert!((sum(&t, &RUN_STAGES) - total).abs() < 1e-6, "{t}");
    assert!(seconds(&t, "write") <= total, "{t}");
    assert!(
        sum(&t["merge"], &MERGE_STEPS) <= seconds(&t, "finish") + 1e-6,
        "{t}"
    );
    assert_eq!(t["articles"], 30);
    assert_eq!(t["threads"], 2);
    let input_bytes: u64 = ["a.jsonl", "b.jsonl"]
        .iter()
        .map(|f| fs::metadata(corpus.join(f)).unwrap().len())
        .sum();
    assert_eq!(t["input_bytes"], input_bytes);

    let shard = tmp.path().join("shard");
    write_shard(&corpus, &shard, "0/1", "42");
    let merged = tmp.path().join("merged");
    let merge_timings = tmp.path().join("merge.json");
    ok_or_rejects(&[
        "merge",
        shard.to_str().unwrap(),
        "-o",
        merged.to_str().unwrap(),
        "--threads",
        "1",
        "--timings",
        merge_timings.to_str().unwrap(),
    ]);
    let m = read_json(&merge_timings);
    assert!(sum(&m, &MERGE_STEPS) <= seconds(&m, "total") + 1e-6, "{m}");
    assert_eq!(m["articles"], 30);
    assert_eq!(m["threads"], 1);
    // Timing a run changes nothing in its dataset.
    assert_eq!(files(&one_shot), files(&merged));
}
