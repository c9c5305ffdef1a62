//! Measures the parser on the gold seeds (`shared/gold/seeds.gold.jsonl`, found beside the
//! repository): sentence boundary precision/recall/F1 on raw code-point spans, no sentence in
//! gold boilerplate, metadata equal to gold, and exact source maps.

use records::{Article, GivenFields, RawArticle};
use serde_json::Value;
use std::path::PathBuf;
use unicode_normalization::UnicodeNormalization;

fn gold_path() -> Option<PathBuf> {
    let mut dir = Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    while let Some(d) = dir {
        for cand in [
            d.join("shared/gold/seeds.gold.jsonl"),
            d.join("../shared/gold/seeds.gold.jsonl"),
        ] {
            if cand.is_file() {
                return Some(cand);
            }
        }
        dir = d.parent().map(PathBuf::from);
    }
    None
}

struct Gold {
    id: String,
    text: String,
    sentences: Vec<(usize, usize)>,
    boilerplate: Vec<(usize, usize)>,
    meta: Value,
    meta_lang: String,
}

fn load() -> Vec<Gold> {
    let path = gold_path().expect("shared/gold/seeds.gold.jsonl not found above the crate");
    let data = std::fs::read_to_string(path).unwrap();
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let spans = |a: &Value| -> Vec<(usize, usize)> {
                a.as_array()
                    .map(|a| {
                        a.iter()
                            .map(|s| {
                                (
                                    s["start"].as_u64().unwrap() as usize,
                                    s["end"].as_u64().unwrap() as usize,
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            };
            Gold {
                id: v["id"].as_str().unwrap().to_string(),
                text: v["text"].as_str().unwrap().to_string(),
                sentences: spans(&v["sentences"]),
                boilerplate: spans(&v["meta"]["boilerplate"]),
                meta: v["meta"].clone(),
                meta_lang: v["lang"].as_str().unwrap_or("und").to_string(),
            }
        })
        .collect()
}

fn raw(text: &str) -> RawArticle {
    RawArticle {
        source_file: "gold".into(),
        source_line: None,
        text: text.into(),
        given: GivenFields::default(),
        input_flags: vec![],
    }
}

/// Byte offset -> code point offset in `s`.
fn cp(s: &str, byte: usize) -> usize {
    s[..byte.min(s.len())].chars().count()
}

/// Raw code-point spans of text byte spans.
fn to_raw_cp(a: &Article, raw: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    spans
        .iter()
        .map(|&(s, e)| {
            let (rs, re) = a.source_range(s, e);
            (cp(raw, rs), cp(raw, re))
        })
        .collect()
}

#[derive(Default, Clone, Copy)]
struct Prf {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Prf {
    fn add(&mut self, pred: &[(usize, usize)], gold: &[(usize, usize)]) {
        self.tp += pred.iter().filter(|p| gold.contains(p)).count();
        self.pred += pred.len();
        self.gold += gold.len();
    }
    fn p(&self) -> f64 {
        self.tp as f64 / self.pred.max(1) as f64
    }
    fn r(&self) -> f64 {
        self.tp as f64 / self.gold.max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn show(&self) -> String {
        format!(
            "P {:.3} R {:.3} F1 {:.3} ({} / {} pred / {} gold)",
            self.p(),
            self.r(),
            self.f1(),
            self.tp,
            self.pred,
            self.gold
        )
    }
}

#[test]
fn sentence_boundaries_match_gold() {
    let mut ours = Prf::default();
    let mut sx = Prf::default();
    let mut uax = Prf::default();
    for g in load() {
        let a = parse::parse_article(&raw(&g.text)).unwrap();
        let spans: Vec<(usize, usize)> = a.sentences.iter().map(|s| (s.start, s.end)).collect();
        let pred = to_raw_cp(&a, &g.text, &spans);
        let mut one = Prf::default();
        one.add(&pred, &g.sentences);
        ours.add(&pred, &g.sentences);
        let b = to_raw_cp(&a, &g.text, &parse::baselines::sentencex(&a.text, &a.lang));
        sx.add(&b, &g.sentences);
        let u = to_raw_cp(&a, &g.text, &parse::baselines::uax29(&a.text));
        uax.add(&u, &g.sentences);
        eprintln!("seed {} [{}]: {}", g.id, a.lang, one.show());
        for p in &pred {
            if !g.sentences.contains(p) {
                let t: String = g.text.chars().skip(p.0).take(p.1 - p.0).collect();
                eprintln!("   extra {:?} {:?}", p, t);
            }
        }
        for p in &g.sentences {
            if !pred.contains(p) {
                let t: String = g.text.chars().skip(p.0).take(p.1 - p.0).collect();
                eprintln!("   missed {:?} {:?}", p, t);
            }
        }
    }
    eprintln!("overall (ours): {}", ours.show());
    eprintln!("baseline sentencex alone: {}", sx.show());
    eprintln!("baseline UAX #29 alone: {}", uax.show());
    assert!(ours.f1() >= 0.97, "sentence F1 {:.3} < 0.97", ours.f1());
}

#[test]
fn no_sentence_in_gold_boilerplate() {
    for g in load() {
        let a = parse::parse_article(&raw(&g.text)).unwrap();
        let spans: Vec<(usize, usize)> = a.sentences.iter().map(|s| (s.start, s.end)).collect();
        for (s, e) in to_raw_cp(&a, &g.text, &spans) {
            for &(bs, be) in &g.boilerplate {
                assert!(
                    e <= bs || s >= be,
                    "seed {}: sentence {s}..{e} overlaps boilerplate {bs}..{be}",
                    g.id
                );
            }
        }
    }
}

#[test]
fn metadata_matches_gold() {
    let mut checked = 0;
    let mut equal = 0;
    let mut null_ok = 0;
    let mut nulls = 0;
    for g in load() {
        let a = parse::parse_article(&raw(&g.text)).unwrap();
        let gold_lang = g.meta_lang.clone();
        assert_eq!(a.lang, gold_lang, "seed {} lang", g.id);
        let ours = [
            ("title", a.title.clone()),
            ("published", a.published.map(|d| d.to_string())),
            ("outlet", a.outlet.clone()),
            ("dateline", a.dateline.clone()),
        ];
        for (k, v) in ours {
            match g.meta[k].as_str() {
                Some(gold) => {
                    checked += 1;
                    assert_eq!(v.as_deref(), Some(gold), "seed {} meta {k}", g.id);
                    equal += 1;
                }
                None => {
                    nulls += 1;
                    if v.is_none() {
                        null_ok += 1;
                    } else {
                        eprintln!("seed {}: {k} = {:?} where gold is null", g.id, v);
                    }
                }
            }
        }
        eprintln!(
            "seed {}: lang {} ({:.2}) title {:?} published {:?} outlet {:?} dateline {:?} copyright {:?} flags {:?} zones {:?}",
            g.id,
            a.lang,
            a.lang_confidence,
            a.title,
            a.published,
            a.outlet,
            a.dateline,
            a.copyright_year,
            a.quality_flags,
            a.zones
                .iter()
                .map(|z| (&z.kind[..], z.source_byte_start, z.source_byte_end))
                .collect::<Vec<_>>()
        );
    }
    eprintln!(
        "meta: {equal}/{checked} non-null gold values equal; {null_ok}/{nulls} gold nulls left null"
    );
}

/// Every sentence maps back to source bytes whose text equals it, modulo the recorded repairs
/// (NFC, whitespace, drop cap).
#[test]
fn sentences_map_back_to_source() {
    let squeeze = |s: &str| -> String { s.nfc().filter(|c| !c.is_whitespace()).collect() };
    for g in load() {
        let a = parse::parse_article(&raw(&g.text)).unwrap();
        for s in &a.sentences {
            let (rs, re) = a.source_range(s.start, s.end);
            assert_eq!(
                squeeze(&g.text[rs..re]),
                squeeze(a.sentence_text(s)),
                "seed {}",
                g.id
            );
            for t in &s.tokens {
                assert!(t.start < t.end && t.end <= s.end - s.start);
            }
        }
        assert!(
            !a.sentences.iter().any(|s| s.lang.is_some()),
            "seed {}",
            g.id
        );
    }
}
