//! Helpers shared by the claim tests: the gold file, offsets between the raw text and a parsed
//! article, and the matching of predicted claims against gold claims.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use records::{Article, Claim, Entity, EntityType, GivenFields, RawArticle};
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

/// Byte offset of a code-point offset.
pub fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

/// The article-text byte of a raw-text byte, if the parser kept it.
pub fn raw_to_text(article: &Article, raw: usize) -> Option<usize> {
    let map = &article.source_map;
    let i = map
        .partition_point(|a| a.source_byte <= raw)
        .checked_sub(1)?;
    let t = map[i].text_byte + (raw - map[i].source_byte);
    if map.get(i + 1).is_some_and(|n| t >= n.text_byte) || t > article.text.len() {
        return None;
    }
    Some(t)
}

/// The sentence holding an article-text byte.
pub fn sentence_at(article: &Article, t: usize) -> Option<usize> {
    article
        .sentences
        .iter()
        .position(|s| s.start <= t && t < s.end)
}

/// Gold entities (code points into the raw text) as entities of the parsed article.
pub fn gold_entities(article: &Article, raw: &str, gold: &Value) -> Vec<Entity> {
    let mut out = Vec::new();
    for e in gold["entities"].as_array().into_iter().flatten() {
        let (Some(s), Some(en)) = (e["start"].as_u64(), e["end"].as_u64()) else {
            continue;
        };
        let (rs, re) = (
            char_to_byte(raw, s as usize),
            char_to_byte(raw, en as usize),
        );
        if re <= rs {
            continue;
        }
        let (Some(ts), Some(te)) = (raw_to_text(article, rs), raw_to_text(article, re - 1)) else {
            continue;
        };
        let Some(si) = sentence_at(article, ts) else {
            continue;
        };
        let sent = &article.sentences[si];
        let te = (te + 1).min(sent.end);
        let Some(label) = e["type"].as_str().and_then(EntityType::parse) else {
            continue;
        };
        let canonical = e["canonical"].as_str().map(str::to_string);
        out.push(Entity {
            sentence: si,
            start: ts - sent.start,
            end: te - sent.start,
            label,
            canonical_id: canonical.clone(),
            canonical_name: canonical,
            labelers: vec!["gold".into()],
            confidence: 1.0,
        });
    }
    out
}

/// A claim reduced to what the matching compares: a raw byte span, the speaker, the kind.
#[derive(Debug, Clone)]
pub struct Flat {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    pub kind: String,
    pub text: String,
    pub labeler: String,
}

/// A predicted claim in raw-text bytes.
pub fn flat_predicted(article: &Article, raw: &str, c: &Claim) -> Flat {
    let s = &article.sentences[c.sentence];
    let (start, end) = article.source_range(s.start + c.start, s.start + c.end);
    Flat {
        start,
        end,
        speaker: c.speaker.as_ref().and_then(|m| m.canonical_name.clone()),
        kind: c.kind.as_str().to_string(),
        text: raw.get(start..end).unwrap_or("").to_string(),
        labeler: c.labelers.join(","),
    }
}

/// Gold claims in raw-text bytes.
pub fn flat_gold(raw: &str, gold: &Value) -> Vec<Flat> {
    gold["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            let start = char_to_byte(raw, c["content"]["start"].as_u64().unwrap_or(0) as usize);
            let end = char_to_byte(raw, c["content"]["end"].as_u64().unwrap_or(0) as usize);
            Flat {
                start,
                end,
                speaker: c["speaker"]["canonical"].as_str().map(str::to_string),
                kind: c["kind"].as_str().unwrap_or("").to_string(),
                text: raw[start..end].to_string(),
                labeler: "gold".into(),
            }
        })
        .collect()
}

/// Gold sentence spans in raw-text bytes.
pub fn gold_sentences(raw: &str, gold: &Value) -> Vec<(usize, usize)> {
    gold["sentences"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            (
                char_to_byte(raw, s["start"].as_u64().unwrap_or(0) as usize),
                char_to_byte(raw, s["end"].as_u64().unwrap_or(0) as usize),
            )
        })
        .collect()
}

/// Whitespace-separated words of a text, as byte ranges.
pub fn words(raw: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in raw.char_indices() {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, raw.len()));
    }
    out
}

/// Token IoU of two byte spans over the words of the raw text (a word counts when the span
/// overlaps it).
pub fn token_iou(words: &[(usize, usize)], a: (usize, usize), b: (usize, usize)) -> f64 {
    let inside = |w: &(usize, usize), s: (usize, usize)| w.0 < s.1 && s.0 < w.1;
    let (mut both, mut either) = (0usize, 0usize);
    for w in words {
        let (x, y) = (inside(w, a), inside(w, b));
        both += usize::from(x && y);
        either += usize::from(x || y);
    }
    if either == 0 {
        0.0
    } else {
        both as f64 / either as f64
    }
}

/// Speakers agree when their canonicals name the same set (joint canonicals split on ";"),
/// or both are null.
pub fn same_speaker(a: Option<&str>, b: Option<&str>) -> bool {
    let set = |s: Option<&str>| {
        let mut v: Vec<String> = s
            .into_iter()
            .flat_map(|s| s.split(';'))
            .map(|x| x.trim().to_lowercase())
            .filter(|x| !x.is_empty())
            .collect();
        v.sort();
        v
    };
    set(a) == set(b)
}

/// One-to-one matching: each gold claim takes the unmatched prediction with the highest
/// token IoU (at least `min_iou`) and the same speaker. Returns, for each gold claim, the
/// index of its prediction.
pub fn match_claims(
    words: &[(usize, usize)],
    predicted: &[Flat],
    gold: &[Flat],
    min_iou: f64,
) -> Vec<Option<usize>> {
    let mut taken = vec![false; predicted.len()];
    let mut out = vec![None; gold.len()];
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (g, gc) in gold.iter().enumerate() {
        for (p, pc) in predicted.iter().enumerate() {
            let iou = token_iou(words, (gc.start, gc.end), (pc.start, pc.end));
            if iou >= min_iou && same_speaker(gc.speaker.as_deref(), pc.speaker.as_deref()) {
                pairs.push((iou, g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, g, p) in pairs {
        if out[g].is_none() && !taken[p] {
            out[g] = Some(p);
            taken[p] = true;
        }
    }
    out
}

/// True positives, false positives and false negatives under named keys.
#[derive(Debug, Default)]
pub struct Scores(pub BTreeMap<String, [usize; 3]>);

impl Scores {
    pub fn add(&mut self, key: &str, tp: usize, fp: usize, fn_: usize) {
        let e = self.0.entry(key.to_string()).or_default();
        e[0] += tp;
        e[1] += fp;
        e[2] += fn_;
    }

    pub fn prf(&self, key: &str) -> (f64, f64, f64) {
        let [tp, fp, fn_] = self.0.get(key).copied().unwrap_or_default();
        let p = if tp + fp == 0 {
            0.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let r = if tp + fn_ == 0 {
            0.0
        } else {
            tp as f64 / (tp + fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    pub fn report(&self) -> String {
        let mut s = String::new();
        for (k, [tp, fp, fn_]) in &self.0 {
            let (p, r, f) = self.prf(k);
            s.push_str(&format!(
                "{k:<20} tp {tp:>3} fp {fp:>3} fn {fn_:>3}  P {p:.3} R {r:.3} F1 {f:.3}\n"
            ));
        }
        s
    }
}
