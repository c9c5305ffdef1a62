//! Split assignment at the dataset level: per story, stable when articles are added, and
//! moved by a new seed.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use arrow_array::RecordBatch;
use arrow_array::cast::AsArray;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

mod common;
use common::{run_ok as export, word_corpus as corpus};

/// article_id -> (source_file, story_id, split)
fn articles(dir: &Path) -> BTreeMap<String, (String, String, String)> {
    let mut rows = BTreeMap::new();
    for entry in fs::read_dir(dir.join("articles")).unwrap() {
        let file = fs::File::open(entry.unwrap().path()).unwrap();
        for batch in ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap()
        {
            let b: RecordBatch = batch.unwrap();
            let col = |n: &str| b.column_by_name(n).unwrap().as_string::<i32>().clone();
            let (ids, files, stories, splits) = (
                col("article_id"),
                col("source_file"),
                col("story_id"),
                col("split"),
            );
            for i in 0..b.num_rows() {
                rows.insert(
                    ids.value(i).to_string(),
                    (
                        files.value(i).to_string(),
                        stories.value(i).to_string(),
                        splits.value(i).to_string(),
                    ),
                );
            }
        }
    }
    rows
}

#[test]
fn adding_articles_never_moves_existing_ones_and_a_new_seed_does() {
    let tmp = tempfile::tempdir().unwrap();
    let small = tmp.path().join("small.jsonl");
    let large = tmp.path().join("large.jsonl");
    corpus(&small, 0, 120);
    corpus(&large, 0, 200);
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    export(&[
        "-i",
        small.to_str().unwrap(),
        "-o",
        a.to_str().unwrap(),
        "-q",
        "--seed",
        "5",
    ]);
    export(&[
        "-i",
        large.to_str().unwrap(),
        "-o",
        b.to_str().unwrap(),
        "-q",
        "--seed",
        "5",
    ]);
    export(&[
        "-i",
        small.to_str().unwrap(),
        "-o",
        c.to_str().unwrap(),
        "-q",
        "--seed",
        "6",
    ]);
    let (a, b, c) = (articles(&a), articles(&b), articles(&c));
    assert_eq!(a.len(), 120);
    assert_eq!(b.len(), 200);
    let mut unchanged = 0;
    for (id, (_, story, split)) in &a {
        let (_, story_b, split_b) = &b[id];
        if story == story_b {
            unchanged += 1;
            assert_eq!(split, split_b, "{id} moved when articles were added");
        }
    }
    assert_eq!(
        unchanged, 120,
        "random articles should each be their own story"
    );
    let moved = a
        .iter()
        .filter(|(id, (_, _, split))| &c[*id].2 != split)
        .count();
    assert!(moved >= 20, "a new seed moved only {moved} of 120 articles");
    let splits: std::collections::BTreeSet<&str> = a.values().map(|v| v.2.as_str()).collect();
    assert_eq!(
        splits.len(),
        3,
        "120 articles should fill all three splits: {splits:?}"
    );
}

#[test]
fn seeds_reporting_the_same_call_share_a_story_and_a_split() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../datasets/raw");
    export(&["-i", seeds, "-o", out.to_str().unwrap(), "-q"]);
    let rows = articles(&out);
    let by_file: BTreeMap<String, (String, String)> = rows
        .values()
        .map(|(f, story, split)| {
            (
                Path::new(f).file_stem().unwrap().to_string_lossy()[..3].to_string(),
                (story.clone(), split.clone()),
            )
        })
        .collect();
    assert_eq!(
        by_file["000"], by_file["001"],
        "000 and 001 report the same phone call"
    );
    for other in ["002", "003", "004"] {
        assert_ne!(
            by_file[other].0, by_file["000"].0,
            "{other} is another story"
        );
    }
    let stories: std::collections::BTreeSet<&String> = by_file.values().map(|v| &v.0).collect();
    assert_eq!(stories.len(), 4);
}
