//! Helpers shared by the claim tests: the gold file and parsing a text. Scoring against gold is
//! `eval`'s job (`crates/export/tests/gold.rs` runs it on the exported seeds).

#![allow(dead_code)]

use std::path::PathBuf;

use records::{Article, GivenFields, RawArticle};
use serde_json::Value;

/// `shared/gold/seeds.gold.jsonl`, found by walking up from the crate.
pub fn gold_path() -> Option<PathBuf> {
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    loop {
        let p = dir.join("shared/gold/seeds.gold.jsonl");
        if p.is_file() {
            return Some(p);
        }
        if !dir.pop() {
            return None;
        }
    }
}

pub fn gold_records() -> Vec<Value> {
    let path = gold_path().expect("shared/gold/seeds.gold.jsonl above the crate");
    std::fs::read_to_string(path)
        .expect("readable gold file")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("gold line is JSON"))
        .collect()
}

pub fn parse(text: &str, lang: Option<&str>) -> Article {
    parse::parse_article(&RawArticle {
        source_file: "x".into(),
        source_line: None,
        text: text.into(),
        given: GivenFields {
            lang: lang.map(str::to_string),
            ..GivenFields::default()
        },
        input_flags: vec![],
    })
    .expect("article parses")
}
