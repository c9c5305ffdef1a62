//! The report: every figure, serialisable as JSON and printable as a plain-text table.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use serde::Serialize;

use crate::metrics::{Accuracy, Breakdown, Leakage, MetaField, Prf};

/// Which gold records and dataset articles were evaluated.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Coverage {
    pub gold_records: u64,
    /// Gold records matched to a dataset article.
    pub matched: u64,
    /// Ids of gold records with no dataset article (scored as all missed).
    pub missing: Vec<String>,
    /// `article_id`s of dataset articles that no gold record covers (not scored).
    pub not_in_gold: Vec<String>,
    /// Predicted spans of evaluated articles whose offsets could not be mapped to the raw
    /// text (counted as false positives).
    pub unmapped_spans: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MetaReport {
    pub title: Breakdown<MetaField>,
    pub published: Breakdown<MetaField>,
    pub outlet: Breakdown<MetaField>,
    pub dateline: Breakdown<MetaField>,
    pub boilerplate: Breakdown<Leakage>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EntityReport {
    /// Exact span and type.
    pub overall: Breakdown<Prf>,
    pub by_type: BTreeMap<String, Breakdown<Prf>>,
    /// Each labeler's own spans against all gold entities.
    pub by_labeler: BTreeMap<String, Breakdown<Prf>>,
    /// `canonical_name` equals the gold canonical, over matched PERSON/GPE/ORG spans.
    pub canonical: Breakdown<Accuracy>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ClaimReport {
    /// Kind-agnostic: same gold sentence, token IoU ≥ 0.5, same speaker.
    pub overall: Breakdown<Prf>,
    /// A TP needs the kinds to agree; FNs by gold kind, FPs by predicted kind.
    pub by_kind: BTreeMap<String, Breakdown<Prf>>,
    /// Matched claims whose predicted kind is the gold kind.
    pub kind_agreement: Breakdown<Accuracy>,
}

/// Every figure of one evaluation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    pub dataset: String,
    pub gold: String,
    pub coverage: Coverage,
    /// Exact boundaries.
    pub sentences: Breakdown<Prf>,
    pub meta: MetaReport,
    pub entities: EntityReport,
    pub claims: ClaimReport,
}

fn ratio(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

fn list(v: &[String]) -> String {
    if v.is_empty() {
        "none".to_string()
    } else {
        v.join(", ")
    }
}

/// Rows of a breakdown: the overall figure, then one per language.
fn rows<T: Copy>(name: &str, b: &Breakdown<T>) -> Vec<(String, T)> {
    let mut out = vec![(name.to_string(), b.overall)];
    out.extend(b.by_lang.iter().map(|(l, v)| (format!("  {l}"), *v)));
    out
}

/// Left-aligned first column, right-aligned others.
fn table(out: &mut String, header: &[&str], body: &[Vec<String>]) {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in body {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            let pad = w - c.chars().count();
            if i == 0 {
                s.push_str(c);
                s.push_str(&" ".repeat(pad));
            } else {
                s.push_str("  ");
                s.push_str(&" ".repeat(pad));
                s.push_str(c);
            }
        }
        s.trim_end().to_string()
    };
    let _ = writeln!(out, "{}", line(header.to_vec()));
    let total: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
    let _ = writeln!(out, "{}", "-".repeat(total));
    for row in body {
        let _ = writeln!(out, "{}", line(row.iter().map(String::as_str).collect()));
    }
    out.push('\n');
}

fn prf_table(out: &mut String, title: &str, rows: Vec<(String, Prf)>) {
    let _ = writeln!(out, "{title}");
    let body: Vec<Vec<String>> = rows
        .into_iter()
        .map(|(name, p)| {
            vec![
                name,
                p.tp.to_string(),
                p.fp.to_string(),
                p.fn_.to_string(),
                ratio(p.precision()),
                ratio(p.recall()),
                ratio(p.f1()),
            ]
        })
        .collect();
    table(out, &["", "TP", "FP", "FN", "P", "R", "F1"], &body);
}

fn accuracy_table(out: &mut String, title: &str, rows: Vec<(String, Accuracy)>) {
    let _ = writeln!(out, "{title}");
    let body: Vec<Vec<String>> = rows
        .into_iter()
        .map(|(name, a)| {
            vec![
                name,
                a.correct.to_string(),
                a.total.to_string(),
                ratio(a.accuracy()),
            ]
        })
        .collect();
    table(out, &["", "correct", "total", "accuracy"], &body);
}

fn grouped<T: Copy>(map: &BTreeMap<String, Breakdown<T>>) -> Vec<(String, T)> {
    map.iter().flat_map(|(k, b)| rows(k, b)).collect()
}

impl Report {
    pub fn new(dataset: &Path, gold: &Path) -> Report {
        Report {
            dataset: dataset.display().to_string(),
            gold: gold.display().to_string(),
            ..Report::default()
        }
    }

    /// All figures as plain-text tables. Ratios with a zero denominator print as `-`.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let c = &self.coverage;
        let _ = writeln!(out, "Evaluation of {} against {}", self.dataset, self.gold);
        let _ = writeln!(
            out,
            "gold records: {}, matched to an article: {}, unmapped predicted spans: {}",
            c.gold_records, c.matched, c.unmapped_spans
        );
        let _ = writeln!(out, "gold records without an article: {}", list(&c.missing));
        let _ = writeln!(out, "articles not in gold: {}\n", list(&c.not_in_gold));

        prf_table(
            &mut out,
            "Sentences (exact boundaries)",
            rows("all", &self.sentences),
        );

        let _ = writeln!(
            out,
            "Metadata (accuracy where gold states a value; spurious: stated where gold has none)"
        );
        let m = &self.meta;
        let mut body = Vec::new();
        for (name, b) in [
            ("title", &m.title),
            ("published", &m.published),
            ("outlet", &m.outlet),
            ("dateline", &m.dateline),
        ] {
            for (scope, f) in rows(name, b) {
                body.push(vec![
                    scope,
                    f.correct.to_string(),
                    f.total.to_string(),
                    ratio(f.accuracy()),
                    f.spurious.to_string(),
                ]);
            }
        }
        table(
            &mut out,
            &["", "correct", "total", "accuracy", "spurious"],
            &body,
        );

        let _ = writeln!(
            out,
            "Boilerplate leakage (dataset sentences overlapping gold boilerplate)"
        );
        let body: Vec<Vec<String>> = rows("all", &m.boilerplate)
            .into_iter()
            .map(|(scope, l)| {
                vec![
                    scope,
                    l.leaked_sentences.to_string(),
                    l.dataset_sentences.to_string(),
                    l.gold_spans_leaked.to_string(),
                    l.gold_spans.to_string(),
                ]
            })
            .collect();
        table(
            &mut out,
            &[
                "",
                "leaked sentences",
                "sentences",
                "gold spans leaked",
                "gold spans",
            ],
            &body,
        );

        let e = &self.entities;
        prf_table(
            &mut out,
            "Entities (exact span and type)",
            rows("all", &e.overall),
        );
        prf_table(&mut out, "Entities by type", grouped(&e.by_type));
        if e.by_labeler.is_empty() {
            let _ = writeln!(out, "Entities by labeler: no labelers in the dataset\n");
        } else {
            prf_table(
                &mut out,
                "Entities by labeler (each labeler's own spans)",
                grouped(&e.by_labeler),
            );
        }
        accuracy_table(
            &mut out,
            "Entity canonical names (matched PERSON/GPE/ORG)",
            rows("all", &e.canonical),
        );

        let cl = &self.claims;
        prf_table(
            &mut out,
            "Claims (same gold sentence, token IoU >= 0.5, same speaker)",
            rows("all", &cl.overall),
        );
        prf_table(
            &mut out,
            "Claims by kind (TP needs the same kind; FN by gold kind, FP by predicted kind)",
            grouped(&cl.by_kind),
        );
        accuracy_table(
            &mut out,
            "Claim kind agreement (matched claims)",
            rows("all", &cl.kind_agreement),
        );
        out.trim_end().to_string() + "\n"
    }
}
