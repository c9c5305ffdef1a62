//! Bad inputs: every one is either used (with a quality flag) or rejected with a reason; the
//! run goes on and the manifest's counts add up.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn export(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_export"))
        .args(args)
        .output()
        .expect("export runs")
}

/// Exports `input` into `out` (with `extra` arguments), expects the exit code of a run with
/// rejects, and returns the manifest.
fn export_with_rejects(input: &Path, out: &Path, extra: &[&str]) -> Value {
    let mut args = vec![
        "--input",
        input.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "-q",
    ];
    args.extend(extra);
    let result = export(&args);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(
        result.status.code(),
        Some(3),
        "a run with rejects exits 3: {stderr}"
    );
    serde_json::from_str(&fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap()
}

/// Writes the bad corpus; returns the expected reject reason per file (None = used).
fn make_corpus(dir: &Path) -> BTreeMap<&'static str, Option<&'static str>> {
    let mut expect = BTreeMap::new();
    let mut put = |name: &'static str, bytes: &[u8], outcome: Option<&'static str>| {
        fs::write(dir.join(name), bytes).unwrap();
        expect.insert(name, outcome);
    };
    put(
        "01_invalid_utf8.txt",
        b"Caf\xE9 owners met on Monday. They agreed on prices.",
        None,
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Jakarta hosted the talks. Both sides agreed.".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    put("02_utf16_bom.txt", &utf16, None);
    put(
        "03_utf8_bom.txt",
        "\u{FEFF}The minister said that prices would fall.".as_bytes(),
        None,
    );
    put(
        "04_crlf.txt",
        b"Title line\r\n\r\nFirst paragraph here.\r\nSecond one.\r\n",
        None,
    );
    put(
        "05_lone_cr.txt",
        b"Title line\r\rFirst paragraph here.\rSecond one.\r",
        None,
    );
    put("06_nul.txt", b"The talks\0 went well. Nothing else.", None);
    let binary: Vec<u8> = (0u8..=255).cycle().take(5000).collect();
    put("07_binary.txt", &binary, Some("binary"));
    put("08_empty.txt", b"", Some("empty"));
    put("09_whitespace.txt", b" \n\t\r\n ", Some("empty"));
    put("10_numbers.txt", b"123 456 7890 11 12", None);
    put("11_punct.txt", b"... !!! ??? --- ;;;", None);
    put(
        "12_mixed_scripts.txt",
        "Presiden Xi bertemu الرئيس علييف in Samarkand.".as_bytes(),
        None,
    );
    let long: String = "word ".repeat(200_000);
    put("13_long_sentence.txt", long.as_bytes(), None);
    // A word list, one word a line: over `parse::MAX_ARTICLE_SENTENCES` sentences in 1.4 MB.
    let word_list = "Word.\n".repeat(200_001);
    put(
        "17_word_list.txt",
        word_list.as_bytes(),
        Some("too_many_sentences"),
    );
    // 50 MB without a line break: as one article (over the 4 MiB limit) and as a JSONL line
    // followed by a good one (the reader buffers at most the limit, then skips to the next line).
    let huge = "x".repeat(50 * 1024 * 1024);
    put("16_50mb_one_line.txt", huge.as_bytes(), Some("too_large"));
    fs::write(
        dir.join("21_50mb_line.jsonl"),
        format!(
            "{{\"id\": \"huge\", \"text\": \"{huge}\"}}\n{{\"id\": \"after-huge\", \"text\": \"The line after a huge one is read. It is fine.\"}}\n"
        ),
    )
    .unwrap();
    put(
        "14_unsupported.csv",
        b"a,b\n1,2\n",
        Some("unsupported_file"),
    );
    fs::write(
        dir.join("20_lines.jsonl"),
        concat!(
            "{\"id\": \"ok-1\", \"text\": \"A fine article. It has two sentences.\"}\n",
            "{not json at all\n",
            "{\"id\": \"no-text\"}\n",
            "{\"id\": \"bad-type\", \"text\": 42}\n",
            "\n",
            "[\"an\", \"array\"]\n",
            "{\"id\": \"ok-1\", \"text\": \"Another article with a reused id.\"}\n",
            "{\"id\": \"ok-2\", \"text\": \"Second fine article.\", \"lang\": \"en\", \"title\": \"Given title\"}\n",
            "{\"id\": \"ok-3\", \"text\": \"Third fine article.\"}\n",
            "{\"id\": \"ok-1\", \"text\": \"The first id once more, further down.\"}\n",
        ),
    )
    .unwrap();
    expect
}

#[test]
fn bad_inputs_are_used_or_rejected_and_counts_add_up() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("bad");
    fs::create_dir_all(&input).unwrap();
    let expect = make_corpus(&input);
    #[cfg(unix)]
    {
        fs::create_dir_all(input.join("loop")).unwrap();
        std::os::unix::fs::symlink("..", input.join("loop/up")).unwrap();
        // A file that is gone by the time it is read: a link to nothing.
        std::os::unix::fs::symlink("nowhere.txt", input.join("15_vanished.txt")).unwrap();
    }
    let out = tmp.path().join("ds");
    let manifest = export_with_rejects(&input, &out, &[]);
    let c = &manifest["counts"];
    let (read, written, rejected) = (
        c["inputs_read"].as_u64().unwrap(),
        c["articles_written"].as_u64().unwrap(),
        c["rejected"].as_u64().unwrap(),
    );
    assert_eq!(read, written + rejected);

    let rejects: Vec<Value> = fs::read_to_string(out.join("rejects.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rejects.len() as u64, rejected);
    let reason_of = |file: &str, line: Option<u64>| -> Option<String> {
        rejects
            .iter()
            .find(|r| {
                r["source_file"].as_str().unwrap().ends_with(file)
                    && r["source_line"].as_u64() == line
            })
            .map(|r| r["reason"].as_str().unwrap().to_string())
    };
    for (file, outcome) in &expect {
        assert_eq!(reason_of(file, None).as_deref(), *outcome, "{file}");
    }
    assert_eq!(
        reason_of("20_lines.jsonl", Some(2)).as_deref(),
        Some("invalid_json")
    );
    assert_eq!(
        reason_of("20_lines.jsonl", Some(3)).as_deref(),
        Some("missing_text")
    );
    assert_eq!(
        reason_of("20_lines.jsonl", Some(4)).as_deref(),
        Some("wrong_type")
    );
    assert_eq!(
        reason_of("20_lines.jsonl", Some(6)).as_deref(),
        Some("not_an_object")
    );
    assert_eq!(
        reason_of("20_lines.jsonl", Some(7)).as_deref(),
        Some("duplicate_id")
    );
    assert_eq!(
        reason_of("21_50mb_line.jsonl", Some(1)).as_deref(),
        Some("too_large")
    );
    assert_eq!(reason_of("21_50mb_line.jsonl", Some(2)), None);
    assert_eq!(reason_of("20_lines.jsonl", Some(1)), None);
    assert_eq!(reason_of("20_lines.jsonl", Some(8)), None);
    assert_eq!(reason_of("20_lines.jsonl", Some(9)), None);
    // A repeat right after its first (line 7, once the bad lines are gone) and one further
    // down (line 10) are rejected alike.
    assert_eq!(
        reason_of("20_lines.jsonl", Some(10)).as_deref(),
        Some("duplicate_id")
    );
    // The merge finds that one, and names its input as the stream phase does (the merge reads
    // input paths back from disk when it writes the rejects).
    for line in [7, 10] {
        let reject = rejects
            .iter()
            .find(|r| r["source_line"].as_u64() == Some(line) && r["reason"] == "duplicate_id")
            .unwrap();
        let file = reject["source_file"].as_str().unwrap();
        assert!(file.ends_with("20_lines.jsonl"), "{reject}");
        let detail = reject["detail"].as_str().unwrap();
        assert!(
            detail.starts_with(&format!("{file}:{line}: article id "))
                && detail.ends_with(" was already used by an earlier input"),
            "{reject}"
        );
    }
    #[cfg(unix)]
    assert!(
        rejects
            .iter()
            .any(|r| r["reason"] == "unwalkable" && r["detail"].as_str().unwrap().contains("loop"))
    );
    // Every reject names its file (and line) in its detail.
    for r in &rejects {
        assert!(
            r["detail"]
                .as_str()
                .unwrap()
                .contains(r["source_file"].as_str().unwrap()),
            "{r}"
        );
    }
    // Used besides the files: lines 1, 8 and 9 of 20_lines.jsonl, line 2 of
    // 21_50mb_line.jsonl.
    let used = expect.values().filter(|o| o.is_none()).count() as u64 + 4;
    assert_eq!(written, used);

    // --strict turns any reject into an error and leaves the previous dataset untouched.
    let before = fs::read(out.join("manifest.json")).unwrap();
    let strict = export(&[
        "--input",
        input.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "-q",
        "--strict",
    ]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&strict.stderr).contains("--strict"));
    assert_eq!(fs::read(out.join("manifest.json")).unwrap(), before);
}

/// More rejects than the run holds in memory (16384 before it spills a sorted segment), out
/// of input order as they arrive: bad lines read while earlier articles wait in the batch,
/// duplicates found only by the merge. They come out in input order, counted per file.
#[test]
fn rejects_beyond_memory_come_out_in_input_order() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("crawl");
    fs::create_dir_all(&input).unwrap();
    // (file, line, reason) of every reject expected, in input order.
    let mut expected: Vec<(String, u64, &str)> = Vec::new();
    let mut good = 0u64;
    let mut previous_id = String::new();
    for (file, lines) in [("a.jsonl", 25_000u64), ("b.jsonl", 15_000)] {
        let mut text = String::new();
        for line in 1..=lines {
            if line % 1000 == 1 {
                // Some good lines repeat an id: the article just before them (the stream
                // rejects it when its batch is labelled, after the bad lines read since) or
                // the first of `a.jsonl` (only the merge sees it).
                let id = if good % 5 == 4 {
                    previous_id.clone()
                } else if good % 3 == 2 {
                    "a-1".to_string()
                } else {
                    format!("{}-{line}", &file[..1])
                };
                if good % 5 == 4 || good % 3 == 2 {
                    expected.push((file.to_string(), line, "duplicate_id"));
                }
                good += 1;
                text.push_str(&format!(
                    "{{\"id\": \"{id}\", \"text\": \"Report {line}. The minister said prices would fall.\"}}\n"
                ));
                previous_id = id;
            } else if line % 2 == 0 {
                text.push_str("{not json\n");
                expected.push((file.to_string(), line, "invalid_json"));
            } else {
                text.push_str("{\"title\": \"no text\"}\n");
                expected.push((file.to_string(), line, "missing_text"));
            }
        }
        fs::write(input.join(file), text).unwrap();
    }
    let out = tmp.path().join("ds");
    let manifest = export_with_rejects(&input, &out, &["--batch-size", "8"]);
    let got: Vec<(String, u64, String)> = fs::read_to_string(out.join("rejects.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            let r: Value = serde_json::from_str(l).unwrap();
            let file = r["source_file"].as_str().unwrap();
            (
                file.rsplit('/').next().unwrap().to_string(),
                r["source_line"].as_u64().unwrap(),
                r["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(got.len(), expected.len());
    for (g, e) in got.iter().zip(&expected) {
        assert_eq!((&g.0, g.1, g.2.as_str()), (&e.0, e.1, e.2));
    }

    let c = &manifest["counts"];
    assert_eq!(c["inputs_read"], 40_000);
    assert_eq!(c["rejected"].as_u64().unwrap(), expected.len() as u64);
    assert_eq!(
        c["articles_written"].as_u64().unwrap() + c["rejected"].as_u64().unwrap(),
        40_000
    );
    for record in manifest["inputs"].as_array().unwrap() {
        let name = record["path"].as_str().unwrap().rsplit('/').next().unwrap();
        let rejects = expected.iter().filter(|e| e.0 == name).count() as u64;
        assert_eq!(record["rejects"].as_u64().unwrap(), rejects, "{name}");
    }
    // No scratch folder is left in the dataset.
    for entry in fs::read_dir(&out).unwrap() {
        let name = entry.unwrap().file_name();
        assert!(!name.to_string_lossy().starts_with('.'), "{name:?} left");
    }
}
