//! End to end: a tiny dataset written as `export` writes it (rows from
//! `records::TableRows::from_article`, batches from `records::tables`, one Parquet file per
//! table and split), a matching gold JSONL, and the exact figures expected.

use std::fs::File;
use std::path::Path;

use arrow_array::RecordBatch;
use chrono::NaiveDate;
use eval::metrics::{Accuracy, Leakage, MetaField, Prf};
use parquet::arrow::ArrowWriter;
use records::article::{Article, Sentence, SourceAnchor};
use records::rows::ArticleKey;
use records::tables::{articles_batch, claims_batch, entities_batch, sentences_batch};
use records::{Claim, ClaimKind, Entity, EntityType, Mention, TableRows};
use serde_json::{Value, json};

const RAW_A: &str = "Title Line\nSHARE 5\nXi Jinping said that  China is ready. Aliyev noted that ties grow.\nCopyright 2024";
/// Cleaned: the share counter dropped, the double space collapsed; the copyright line leaks.
const TEXT_A: &str =
    "Title Line\nXi Jinping said that China is ready. Aliyev noted that ties grow.\nCopyright 2024";
const RAW_B: &str = "قال شي إن الصين مستعدة. وأكد علييف ذلك.";
const RAW_C: &str = "Hello there. Bye now.";

fn find(hay: &str, needle: &str) -> usize {
    hay.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {hay:?}"))
}

/// Code-point span of `needle` in `raw`, as the gold file gives it.
fn cp(raw: &str, needle: &str) -> Value {
    let b = find(raw, needle);
    let start = raw[..b].chars().count();
    json!({"start": start, "end": start + needle.chars().count(), "text": needle})
}

fn sentence(text: &str, s: &str) -> Sentence {
    let start = find(text, s);
    Sentence {
        start,
        end: start + s.len(),
        lang: None,
        tokens: vec![],
    }
}

fn article(text: &str, anchors: &[(usize, usize)], sentences: &[&str], lang: &str) -> Article {
    Article {
        text: text.into(),
        source_map: anchors
            .iter()
            .map(|&(text_byte, source_byte)| SourceAnchor {
                text_byte,
                source_byte,
            })
            .collect(),
        title: None,
        published: None,
        outlet: None,
        dateline: None,
        copyright_year: None,
        lang: lang.into(),
        lang_confidence: 1.0,
        zones: vec![],
        quality_flags: vec![],
        sentences: sentences.iter().map(|s| sentence(text, s)).collect(),
    }
}

fn mention(a: &Article, sentence: usize, needle: &str, canonical: Option<&str>) -> Mention {
    let start = find(a.sentence_text(&a.sentences[sentence]), needle);
    Mention {
        sentence,
        start,
        end: start + needle.len(),
        canonical_id: None,
        canonical_name: canonical.map(String::from),
    }
}

fn entity(
    a: &Article,
    sentence: usize,
    needle: &str,
    label: EntityType,
    canonical: &str,
    labelers: &[&str],
) -> Entity {
    let m = mention(a, sentence, needle, None);
    Entity {
        sentence,
        start: m.start,
        end: m.end,
        label,
        canonical_id: None,
        canonical_name: Some(canonical.into()),
        labelers: labelers.iter().map(|l| l.to_string()).collect(),
        confidence: 1.0,
    }
}

fn claim(a: &Article, sentence: usize, content: &str, speaker: Mention, kind: ClaimKind) -> Claim {
    let m = mention(a, sentence, content, None);
    Claim {
        sentence,
        start: m.start,
        end: m.end,
        speaker: Some(speaker),
        cue: None,
        kind,
        labelers: vec!["rules".into()],
        confidence: 1.0,
        has_number: false,
        has_date: false,
        has_entity: false,
        negated: false,
    }
}

fn key(article_id: &str, split: &str, source_file: &str) -> ArticleKey {
    ArticleKey {
        article_id: article_id.into(),
        split: split.into(),
        story_id: article_id.into(),
        source_file: source_file.into(),
        source_line: None,
        url: None,
    }
}

fn rows_a() -> TableRows {
    let mut a = article(
        TEXT_A,
        &[
            (0, 0),
            (find(TEXT_A, "Xi"), find(RAW_A, "Xi")),
            (find(TEXT_A, "China"), find(RAW_A, "China")),
        ],
        &[
            "Title Line",
            "Xi Jinping said that China is ready.",
            "Aliyev noted that ties grow.",
            "Copyright 2024",
        ],
        "en",
    );
    a.title = Some("Title Line".into());
    a.published = NaiveDate::from_ymd_opt(2024, 7, 4);
    a.dateline = Some("Baku".into());
    let entities = [
        entity(
            &a,
            1,
            "Xi Jinping",
            EntityType::Person,
            "Xi Jinping",
            &["gaz", "rules"],
        ),
        entity(&a, 1, "China", EntityType::Gpe, "PRC", &["gaz"]),
        entity(&a, 2, "Aliyev", EntityType::Org, "Ilham Aliyev", &["rules"]),
        entity(
            &a,
            3,
            "Copyright",
            EntityType::Work,
            "Copyright",
            &["model"],
        ),
    ];
    let claims = [
        // Tokens China, is, ready. against gold China, is, ready: IoU 2/4, a match; wrong kind.
        claim(
            &a,
            1,
            "China is ready.",
            mention(&a, 1, "Xi Jinping", Some("Xi Jinping")),
            ClaimKind::Direct,
        ),
        // Right content, but the speaker's canonical differs.
        claim(
            &a,
            2,
            "ties grow",
            mention(&a, 2, "Aliyev", Some("Aliyev")),
            ClaimKind::Indirect,
        ),
    ];
    TableRows::from_article(
        &key("h123", "train", "in/doc_a.txt"),
        &a,
        &entities,
        &claims,
    )
}

fn rows_b() -> TableRows {
    // The second sentence starts late: one boundary error.
    let a = article(
        RAW_B,
        &[(0, 0)],
        &["قال شي إن الصين مستعدة.", "علييف ذلك."],
        "ar",
    );
    let entities = [
        entity(&a, 0, "شي", EntityType::Person, "Xi Jinping", &["gaz"]),
        entity(&a, 0, "الصين", EntityType::Gpe, "China", &["gaz", "model"]),
        entity(&a, 1, "علييف", EntityType::Person, "Aliyev", &["rules"]),
    ];
    let claims = [claim(
        &a,
        0,
        "الصين مستعدة",
        mention(&a, 0, "شي", Some("Ilham Aliyev;Xi Jinping")),
        ClaimKind::Joint,
    )];
    TableRows::from_article(
        &key("doc_b", "test", "in/batch.jsonl"),
        &a,
        &entities,
        &claims,
    )
}

fn rows_extra() -> TableRows {
    let a = article("Nothing here.", &[(0, 0)], &["Nothing here."], "en");
    TableRows::from_article(&key("extra", "test", "in/extra.txt"), &a, &[], &[])
}

fn write(dir: &Path, table: &str, split: &str, batch: RecordBatch) {
    std::fs::create_dir_all(dir.join(table)).unwrap();
    let file = File::create(
        dir.join(table)
            .join(format!("{split}-00000-of-00001.parquet")),
    )
    .unwrap();
    let mut w = ArrowWriter::try_new(file, batch.schema(), None).unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();
}

fn write_dataset(dir: &Path) {
    let train = rows_a();
    let mut test = rows_b();
    test.append(rows_extra());
    for (split, rows) in [("train", &train), ("test", &test)] {
        write(
            dir,
            "articles",
            split,
            articles_batch(&rows.articles).unwrap(),
        );
        write(
            dir,
            "sentences",
            split,
            sentences_batch(&rows.sentences).unwrap(),
        );
        write(
            dir,
            "entities",
            split,
            entities_batch(&rows.entities).unwrap(),
        );
        write(dir, "claims", split, claims_batch(&rows.claims).unwrap());
    }
}

fn gold_lines() -> Vec<Value> {
    let meta_null = json!({"title": null, "published": null, "outlet": null, "dateline": null, "boilerplate": []});
    let a = json!({
        "id": "doc_a", "lang": "en", "text": RAW_A,
        "sentences": [
            cp(RAW_A, "Title Line"),
            cp(RAW_A, "Xi Jinping said that  China is ready."),
            cp(RAW_A, "Aliyev noted that ties grow."),
        ],
        "entities": [
            with(cp(RAW_A, "Xi Jinping"), "PERSON", "Xi Jinping"),
            with(cp(RAW_A, "China"), "GPE", "China"),
            with(cp(RAW_A, "Aliyev"), "PERSON", "Ilham Aliyev"),
        ],
        "claims": [
            {"speaker": speaker(cp(RAW_A, "Xi Jinping"), "Xi Jinping"), "cue": cp(RAW_A, "said"),
             "content": cp(RAW_A, "China is ready"), "kind": "indirect"},
            {"speaker": speaker(cp(RAW_A, "Aliyev"), "Ilham Aliyev"), "cue": cp(RAW_A, "noted"),
             "content": cp(RAW_A, "ties grow"), "kind": "indirect"},
        ],
        "meta": {"title": "Title Line", "published": "2024-07-04", "outlet": "Azernews",
                 "dateline": null, "boilerplate": [cp(RAW_A, "SHARE 5"), cp(RAW_A, "Copyright 2024")]},
    });
    let b = json!({
        "id": "doc_b", "lang": "ar", "text": RAW_B,
        "sentences": [cp(RAW_B, "قال شي إن الصين مستعدة."), cp(RAW_B, "وأكد علييف ذلك.")],
        "entities": [
            with(cp(RAW_B, "شي"), "PERSON", "Xi Jinping"),
            with(cp(RAW_B, "الصين"), "GPE", "China"),
            with(cp(RAW_B, "علييف"), "PERSON", "Ilham Aliyev"),
        ],
        "claims": [
            {"speaker": speaker(cp(RAW_B, "شي"), "Xi Jinping; Ilham Aliyev"), "cue": cp(RAW_B, "قال"),
             "content": cp(RAW_B, "الصين مستعدة"), "kind": "joint"},
        ],
        "meta": meta_null,
    });
    let c = json!({
        "id": "doc_c", "lang": "en", "text": RAW_C,
        "sentences": [cp(RAW_C, "Hello there."), cp(RAW_C, "Bye now.")],
        "entities": [with(cp(RAW_C, "Bye"), "PERSON", "Bye")],
        "claims": [{"speaker": null, "cue": null, "content": cp(RAW_C, "Bye now"), "kind": "direct"}],
        "meta": {"title": "Hello", "published": null, "outlet": null, "dateline": null, "boilerplate": null},
    });
    vec![a, b, c]
}

fn with(mut span: Value, label: &str, canonical: &str) -> Value {
    span["type"] = json!(label);
    span["canonical"] = json!(canonical);
    span
}

fn speaker(mut span: Value, canonical: &str) -> Value {
    span["canonical"] = json!(canonical);
    span
}

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ds = dir.path().join("ds");
    write_dataset(&ds);
    let gold = dir.path().join("gold.jsonl");
    let text: String = gold_lines().iter().map(|v| format!("{v}\n")).collect();
    std::fs::write(&gold, text).unwrap();
    (dir, gold)
}

#[test]
fn scores_a_tiny_dataset_exactly() {
    let (dir, gold) = setup();
    let r = eval::evaluate(&dir.path().join("ds"), &gold).unwrap();

    assert_eq!(r.coverage.gold_records, 3);
    assert_eq!(r.coverage.matched, 2);
    assert_eq!(r.coverage.missing, vec!["doc_c"]);
    assert_eq!(r.coverage.not_in_gold, vec!["extra"]);
    assert_eq!(r.coverage.unmapped_spans, 0);

    // Sentences: A 3 exact (through the source map) + 1 leaked; B 1 exact, 1 late; C missed.
    assert_eq!(r.sentences.overall, Prf::new(4, 2, 3));
    assert_eq!(r.sentences.by_lang["en"], Prf::new(3, 1, 2));
    assert_eq!(r.sentences.by_lang["ar"], Prf::new(1, 1, 1));

    let m = &r.meta;
    let field = |correct, total, spurious| MetaField {
        correct,
        total,
        spurious,
    };
    assert_eq!(m.title.overall, field(1, 2, 0));
    assert_eq!(m.published.overall, field(1, 1, 0));
    assert_eq!(m.outlet.overall, field(0, 1, 0));
    assert_eq!(m.dateline.overall, field(0, 0, 1));
    assert_eq!(m.title.by_lang["ar"], field(0, 0, 0));
    assert_eq!(
        m.boilerplate.by_lang["en"],
        Leakage {
            leaked_sentences: 1,
            dataset_sentences: 4,
            gold_spans: 2,
            gold_spans_leaked: 1
        }
    );
    assert_eq!(m.boilerplate.overall.dataset_sentences, 6);

    let e = &r.entities;
    assert_eq!(e.overall.overall, Prf::new(5, 2, 2));
    assert_eq!(e.overall.by_lang["en"], Prf::new(2, 2, 2));
    assert_eq!(e.overall.by_lang["ar"], Prf::new(3, 0, 0));
    assert_eq!(e.by_type["PERSON"].overall, Prf::new(3, 0, 2));
    assert_eq!(e.by_type["PERSON"].by_lang["en"], Prf::new(1, 0, 2));
    assert_eq!(e.by_type["GPE"].overall, Prf::new(2, 0, 0));
    assert_eq!(e.by_type["ORG"].overall, Prf::new(0, 1, 0));
    assert_eq!(e.by_type["WORK"].overall, Prf::new(0, 1, 0));
    assert_eq!(e.by_type.len(), 4);
    assert_eq!(e.by_labeler["gaz"].overall, Prf::new(4, 0, 3));
    assert_eq!(e.by_labeler["gaz"].by_lang["ar"], Prf::new(2, 0, 1));
    assert_eq!(e.by_labeler["rules"].overall, Prf::new(2, 1, 5));
    assert_eq!(e.by_labeler["model"].overall, Prf::new(1, 1, 6));
    assert_eq!(e.by_labeler["model"].by_lang["en"], Prf::new(0, 1, 4));
    assert_eq!(e.canonical.overall, Accuracy::new(3, 5));
    assert_eq!(e.canonical.by_lang["ar"], Accuracy::new(2, 3));

    let c = &r.claims;
    assert_eq!(c.overall.overall, Prf::new(2, 1, 2));
    assert_eq!(c.overall.by_lang["en"], Prf::new(1, 1, 2));
    assert_eq!(c.overall.by_lang["ar"], Prf::new(1, 0, 0));
    assert_eq!(c.by_kind["indirect"].overall, Prf::new(0, 1, 2));
    assert_eq!(c.by_kind["direct"].overall, Prf::new(0, 1, 1));
    assert_eq!(c.by_kind["joint"].overall, Prf::new(1, 0, 0));
    assert_eq!(c.kind_agreement.overall, Accuracy::new(1, 2));

    // JSON and the table carry the figures.
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["sentences"]["overall"]["fn"], 3);
    assert_eq!(json["sentences"]["overall"]["precision"], 4.0 / 6.0);
    assert_eq!(json["coverage"]["missing"][0], "doc_c");
    let table = r.to_table();
    assert!(
        table.contains("gold records without an article: doc_c"),
        "{table}"
    );
    let row = ["all", "4", "2", "3", "0.667", "0.571", "0.615"];
    assert!(
        table
            .lines()
            .any(|l| l.split_whitespace().eq(row.iter().copied())),
        "{table}"
    );
}

#[test]
fn evaluating_leaves_the_dataset_unchanged() {
    let (dir, gold) = setup();
    let ds = dir.path().join("ds");
    let snapshot = |ds: &Path| {
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        for t in ["articles", "sentences", "entities", "claims"] {
            for f in std::fs::read_dir(ds.join(t)).unwrap() {
                let p = f.unwrap().path();
                files.push((p.display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
        files.sort();
        files
    };
    let before = snapshot(&ds);
    eval::evaluate(&ds, &gold).unwrap();
    assert_eq!(before, snapshot(&ds));
}

#[test]
fn errors_name_the_file_and_line() {
    let (dir, gold) = setup();
    let ds = dir.path().join("ds");
    let mut text = std::fs::read_to_string(&gold).unwrap();
    text.push_str("{\"id\": \"broken\"\n");
    std::fs::write(&gold, text).unwrap();
    let err = eval::evaluate(&ds, &gold).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}:4:", gold.display())), "{err}");

    let missing = dir.path().join("nothing");
    let err = eval::evaluate(&missing, &gold).unwrap_err().to_string();
    assert!(err.contains("gold.jsonl:4:"), "gold is read first: {err}");
    std::fs::write(&gold, gold_lines()[0].to_string()).unwrap();
    let err = eval::evaluate(&missing, &gold).unwrap_err().to_string();
    assert!(
        err.starts_with(&missing.join("articles").display().to_string()),
        "{err}"
    );

    std::fs::write(
        ds.join("claims").join("train-00000-of-00001.parquet"),
        b"not parquet",
    )
    .unwrap();
    let err = eval::evaluate(&ds, &gold).unwrap_err().to_string();
    assert!(
        err.contains("claims/train-00000-of-00001.parquet: not readable Parquet"),
        "{err}"
    );
}
