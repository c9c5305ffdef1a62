//! End-to-end tests: the `export` binary on real inputs, its output read back as users do.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{Int32Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

mod common;
use common::{export, files as parquet_files, run_ok};

fn read_table(dir: &Path, table: &str) -> Vec<RecordBatch> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir.join(table))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut batches = Vec::new();
    for p in paths {
        let reader = ParquetRecordBatchReaderBuilder::try_new(fs::File::open(&p).unwrap())
            .unwrap()
            .build()
            .unwrap();
        for b in reader {
            batches.push(b.unwrap());
        }
    }
    batches
}

fn strings(batch: &RecordBatch, col: &str) -> Vec<Option<String>> {
    let a = batch.column_by_name(col).unwrap().as_string::<i32>();
    (0..a.len())
        .map(|i| a.is_valid(i).then(|| a.value(i).to_string()))
        .collect()
}

fn ints(batch: &RecordBatch, col: &str) -> Vec<i64> {
    let a = batch.column_by_name(col).unwrap();
    match a.data_type() {
        arrow_schema::DataType::Int32 => a
            .as_primitive::<Int32Type>()
            .values()
            .iter()
            .map(|&v| v as i64)
            .collect(),
        _ => a.as_primitive::<Int64Type>().values().to_vec(),
    }
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap()
}

fn slice_chars(s: &str, start: i64, end: i64) -> String {
    s.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn seeds_export_is_consistent_in_every_table() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    run_ok(&[
        "--input",
        "datasets/raw",
        "--output",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    let m = manifest(&out);
    assert_eq!(m["counts"]["inputs_read"], 5);
    assert_eq!(m["counts"]["articles_written"], 5);
    assert_eq!(m["counts"]["rejected"], 0);

    // Row counts per table and split agree with the manifest.
    for table in ["articles", "sentences", "entities", "claims"] {
        let rows: usize = read_table(&out, table).iter().map(|b| b.num_rows()).sum();
        let expected: u64 = m["counts"]["rows"][table]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum();
        assert_eq!(rows as u64, expected, "{table}");
    }

    // Articles: text, split and sentence count.
    let mut articles: BTreeMap<String, (String, String, i64)> = BTreeMap::new();
    for b in read_table(&out, "articles") {
        let ids = strings(&b, "article_id");
        let texts = strings(&b, "text");
        let splits = strings(&b, "split");
        let n = ints(&b, "n_sentences");
        for i in 0..b.num_rows() {
            articles.insert(
                ids[i].clone().unwrap(),
                (texts[i].clone().unwrap(), splits[i].clone().unwrap(), n[i]),
            );
        }
    }
    assert_eq!(articles.len(), 5);

    // Sentences index their article's text in code points, tokens index the sentence.
    let mut sentence_text: BTreeMap<String, String> = BTreeMap::new();
    let mut per_article: BTreeMap<String, i64> = BTreeMap::new();
    for b in read_table(&out, "sentences") {
        let ids = strings(&b, "sentence_id");
        let aids = strings(&b, "article_id");
        let texts = strings(&b, "text");
        let splits = strings(&b, "split");
        let (cs, ce) = (ints(&b, "char_start"), ints(&b, "char_end"));
        let (bs, be) = (ints(&b, "byte_start"), ints(&b, "byte_end"));
        let tokens = b.column_by_name("tokens").unwrap().as_list::<i32>();
        let starts = b.column_by_name("token_starts").unwrap().as_list::<i32>();
        let ends = b.column_by_name("token_ends").unwrap().as_list::<i32>();
        let tags = b.column_by_name("ner_tags").unwrap().as_list::<i32>();
        for i in 0..b.num_rows() {
            let aid = aids[i].clone().unwrap();
            let (atext, asplit, _) = &articles[&aid];
            let text = texts[i].clone().unwrap();
            assert_eq!(slice_chars(atext, cs[i], ce[i]), text);
            assert_eq!(&atext[bs[i] as usize..be[i] as usize], text);
            assert_eq!(
                splits[i].as_ref().unwrap(),
                asplit,
                "a sentence inherits its article's split"
            );
            let toks = tokens.value(i);
            let toks = toks.as_string::<i32>();
            let st = starts.value(i);
            let st = st.as_primitive::<Int32Type>();
            let en = ends.value(i);
            let en = en.as_primitive::<Int32Type>();
            assert_eq!(tags.value(i).len(), toks.len());
            for t in 0..toks.len() {
                assert_eq!(
                    slice_chars(&text, st.value(t) as i64, en.value(t) as i64),
                    toks.value(t)
                );
            }
            *per_article.entry(aid).or_default() += 1;
            sentence_text.insert(ids[i].clone().unwrap(), text);
        }
    }
    for (aid, (_, _, n)) in &articles {
        assert_eq!(
            per_article.get(aid).copied().unwrap_or(0),
            *n,
            "n_sentences of {aid}"
        );
    }

    // Entities and claims index their sentence.
    for b in read_table(&out, "entities") {
        let sids = strings(&b, "sentence_id");
        let texts = strings(&b, "text");
        let (cs, ce) = (ints(&b, "char_start"), ints(&b, "char_end"));
        for i in 0..b.num_rows() {
            let s = &sentence_text[sids[i].as_ref().unwrap()];
            assert_eq!(&slice_chars(s, cs[i], ce[i]), texts[i].as_ref().unwrap());
        }
    }
    for b in read_table(&out, "claims") {
        let sids = strings(&b, "sentence_id");
        let content = strings(&b, "content");
        let (cs, ce) = (ints(&b, "char_start"), ints(&b, "char_end"));
        for i in 0..b.num_rows() {
            let s = &sentence_text[sids[i].as_ref().unwrap()];
            assert_eq!(&slice_chars(s, cs[i], ce[i]), content[i].as_ref().unwrap());
        }
    }

    let verify = export(&["verify", out.to_str().unwrap()]);
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );
}

#[test]
fn output_is_byte_identical_whatever_the_threads_and_batch_size() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    let c = tmp.path().join("c");
    run_ok(&[
        "--input",
        "datasets/raw",
        "--output",
        a.to_str().unwrap(),
        "--threads",
        "1",
        "-q",
    ]);
    run_ok(&[
        "--input",
        "datasets/raw",
        "--output",
        b.to_str().unwrap(),
        "--threads",
        "2",
        "-q",
    ]);
    run_ok(&[
        "--input",
        "datasets/raw",
        "--output",
        c.to_str().unwrap(),
        "--threads",
        "2",
        "--batch-size",
        "2",
        "-q",
    ]);
    let fa = parquet_files(&a);
    assert!(fa.keys().any(|k| k.ends_with(".parquet")));
    assert_eq!(fa, parquet_files(&b), "threads 1 and 2 differ");
    // The manifest records the batch size, so compare everything else.
    let fc = parquet_files(&c);
    for (k, v) in &fa {
        if k != "manifest.json" && k != "README.md" {
            assert_eq!(Some(v), fc.get(k), "{k} differs with another batch size");
        }
    }
}

#[test]
fn verify_catches_a_flipped_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    run_ok(&[
        "--input",
        "datasets/raw",
        "--output",
        out.to_str().unwrap(),
        "-q",
    ]);
    let file = out.join("sentences/train-00000-of-00001.parquet");
    let mut bytes = fs::read(&file).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x01;
    fs::write(&file, bytes).unwrap();
    let verify = export(&["verify", out.to_str().unwrap()]);
    assert!(!verify.status.success());
    let err = String::from_utf8_lossy(&verify.stderr);
    assert!(
        err.contains("sentences/train-00000-of-00001.parquet"),
        "{err}"
    );
}

#[test]
fn an_existing_directory_that_is_not_a_dataset_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("mine");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("notes.txt"), "precious").unwrap();
    let result = export(&[
        "--input",
        "datasets/raw",
        "--output",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert!(!result.status.success());
    assert!(String::from_utf8_lossy(&result.stderr).contains("refusing to replace"));
    assert_eq!(
        fs::read_to_string(out.join("notes.txt")).unwrap(),
        "precious"
    );
}

#[test]
fn a_previous_dataset_is_replaced_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    run_ok(&[
        "--input",
        "datasets/raw",
        "--output",
        out.to_str().unwrap(),
        "-q",
    ]);
    run_ok(&[
        "--input",
        "datasets/raw/seeds/000_958801101b51683a.txt",
        "--output",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(manifest(&out)["counts"]["articles_written"], 1);
    let verify = export(&["verify", out.to_str().unwrap()]);
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "staging left behind: {leftovers:?}");
}

#[test]
fn shards_are_cut_at_the_row_cap_and_named_i_of_n() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    run_ok(&[
        "--input",
        "datasets/raw",
        "--output",
        out.to_str().unwrap(),
        "-q",
        "--max-shard-rows",
        "10",
    ]);
    let m = manifest(&out);
    for table in ["articles", "sentences", "entities", "claims"] {
        for (split, rows) in m["counts"]["rows"][table].as_object().unwrap() {
            let rows = rows.as_u64().unwrap();
            let files: Vec<&Value> = m["files"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["table"] == table && f["split"] == split.as_str())
                .collect();
            let expected = rows.div_ceil(10).max(1) as usize;
            assert_eq!(files.len(), expected, "{table}/{split}: {rows} rows");
            let mut sum = 0;
            for (i, f) in files.iter().enumerate() {
                let path = f["path"].as_str().unwrap();
                assert_eq!(
                    path,
                    format!("{table}/{split}-{i:05}-of-{expected:05}.parquet")
                );
                let n = f["rows"].as_u64().unwrap();
                assert!(n <= 10, "{path} holds {n} rows");
                let read: usize = ParquetRecordBatchReaderBuilder::try_new(
                    fs::File::open(out.join(path)).unwrap(),
                )
                .unwrap()
                .build()
                .unwrap()
                .map(|b| b.unwrap().num_rows())
                .sum();
                assert_eq!(read as u64, n);
                sum += n;
            }
            assert_eq!(sum, rows);
        }
    }
    let verify = export(&["verify", out.to_str().unwrap()]);
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stderr)
    );
    // A resplit keeps the cap (it is in the manifest).
    run_ok(&["resplit", out.to_str().unwrap(), "--seed", "3"]);
    let m = manifest(&out);
    assert_eq!(m["config"]["max_shard_rows"], 10);
    assert!(
        m["files"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rows"].as_u64().unwrap() <= 10
                || f["table"] == "kb"
                || f["table"] == "rejects")
    );
}

/// The manifest's record of each input file (kept on disk while a run writes it, and
/// retired as soon as no article of the file waits in a batch) agrees with the tables and
/// the rejects, whatever the batch size, for shard datasets and for merged datasets alike.
#[test]
fn input_records_agree_with_the_tables_whatever_the_batch_size() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    let article = |n: usize| {
        format!(
            "{{\"id\": \"a-{n}\", \"text\": \"Report {n} from the council. The budget for road {n} was agreed on Monday.\"}}\n"
        )
    };
    fs::write(input.join("a.txt"), "The first article. It is short.").unwrap();
    fs::write(input.join("b.txt"), "").unwrap();
    let mut lines: String = (0..5).map(article).collect();
    lines.push_str(&article(4)); // a repeat of the line before: rejected while streaming
    lines.push_str("{broken\n");
    lines.push_str(&article(1)); // a repeat further down: rejected by the merge
    lines.push_str(&article(5));
    fs::write(input.join("c.jsonl"), lines).unwrap();
    fs::write(input.join("d.txt"), "Another article. With two sentences.").unwrap();
    fs::write(
        input.join("e.jsonl"),
        (6..9).map(article).collect::<String>(),
    )
    .unwrap();

    let mut seen = Vec::new();
    for (mode, batch) in [
        ("shard", "1"),
        ("shard", "2"),
        ("dataset", "1"),
        ("dataset", "3"),
    ] {
        let out = tmp.path().join(format!("{mode}-{batch}"));
        let mut args = vec![
            "--input",
            input.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
            "--batch-size",
            batch,
            "-q",
        ];
        if mode == "shard" {
            args.extend(["--shard", "0/1"]);
        }
        let result = export(&args);
        assert_eq!(result.status.code(), Some(3), "{mode} {batch}: {result:?}");
        assert!(
            !out.join(".inputs").exists(),
            "the scratch lists are removed"
        );
        let m = manifest(&out);
        let mut written: BTreeMap<String, u64> = BTreeMap::new();
        for batch in read_table(&out, "articles") {
            for f in strings(&batch, "source_file") {
                *written.entry(f.unwrap()).or_default() += 1;
            }
        }
        let mut rejected: BTreeMap<String, u64> = BTreeMap::new();
        for line in fs::read_to_string(out.join("rejects.jsonl"))
            .unwrap()
            .lines()
        {
            let r: Value = serde_json::from_str(line).unwrap();
            *rejected
                .entry(r["source_file"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
        let records = m["inputs"].as_array().unwrap();
        let names: Vec<&str> = records
            .iter()
            .map(|r| r["path"].as_str().unwrap().rsplit('/').next().unwrap())
            .collect();
        assert_eq!(names, ["a.txt", "b.txt", "c.jsonl", "d.txt", "e.jsonl"]);
        for r in records {
            let path = r["path"].as_str().unwrap();
            let count = |map: &BTreeMap<String, u64>| map.get(path).copied().unwrap_or(0);
            assert_eq!(
                r["articles_written"],
                count(&written),
                "{mode} {batch} {path}"
            );
            assert_eq!(r["rejects"], count(&rejected), "{mode} {batch} {path}");
        }
        let c = records
            .iter()
            .find(|r| r["path"].as_str().unwrap().ends_with("c.jsonl"));
        let c = c.unwrap();
        assert_eq!(c["articles_read"], 8, "every parsed line of c.jsonl");
        let expected_written = if mode == "shard" { 7 } else { 6 };
        assert_eq!(c["articles_written"], expected_written, "{mode} {batch}");
        if mode == "shard" {
            assert_eq!(m["order"].as_array().unwrap().len(), 5);
        } else {
            assert!(m.get("order").is_none());
        }
        seen.push((mode, records.clone()));
    }
    // The records are the same whatever the batch size.
    assert_eq!(seen[0].1, seen[1].1);
    assert_eq!(seen[2].1, seen[3].1);
}
