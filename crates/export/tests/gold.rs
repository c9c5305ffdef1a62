//! The quality bars of the labelling issues, computed from an exported dataset of the seeds
//! against the hand-made gold in `shared/gold` (found beside the repository), with the same
//! scorer as `export eval`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn gold_path() -> PathBuf {
    let mut dir = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    loop {
        let candidate = dir.join("shared/gold/seeds.gold.jsonl");
        if candidate.exists() {
            return candidate;
        }
        assert!(
            dir.pop(),
            "shared/gold/seeds.gold.jsonl not found above the repository"
        );
    }
}

/// The seeds exported once for all tests here, and the report.
fn report() -> &'static eval::Report {
    static REPORT: OnceLock<(tempfile::TempDir, eval::Report)> = OnceLock::new();
    &REPORT
        .get_or_init(|| {
            let tmp = tempfile::tempdir().unwrap();
            let out = tmp.path().join("ds");
            let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../datasets/raw");
            let run = Command::new(env!("CARGO_BIN_EXE_export"))
                .args(["-i", seeds, "-o", out.to_str().unwrap(), "-q"])
                .output()
                .unwrap();
            assert!(
                run.status.success(),
                "{}",
                String::from_utf8_lossy(&run.stderr)
            );
            let report = eval::evaluate(&out, &gold_path()).unwrap();
            eprintln!("{}", report.to_table());
            (tmp, report)
        })
        .1
}

fn f1(prf: &eval::metrics::Prf) -> f64 {
    prf.f1().unwrap_or(0.0)
}

#[test]
fn every_gold_article_is_in_the_dataset() {
    let r = report();
    assert_eq!(r.coverage.matched, r.coverage.gold_records);
    assert!(r.coverage.missing.is_empty());
    assert_eq!(r.coverage.unmapped_spans, 0);
}

#[test]
fn sentence_boundaries_reach_f1_097() {
    let s = &report().sentences.overall;
    assert!(f1(s) >= 0.97, "sentence F1 {:.3} ({s:?})", f1(s));
}

#[test]
fn boilerplate_never_reaches_a_sentence() {
    let b = &report().meta.boilerplate.overall;
    assert_eq!(b.leaked_sentences, 0, "{b:?}");
    assert_eq!(b.gold_spans_leaked, 0, "{b:?}");
}

#[test]
fn title_date_outlet_and_dateline_are_right_wherever_gold_has_one() {
    let m = &report().meta;
    for (name, field) in [
        ("title", &m.title),
        ("published", &m.published),
        ("outlet", &m.outlet),
        ("dateline", &m.dateline),
    ] {
        let f = &field.overall;
        assert!(f.total > 0, "{name}: no gold values");
        assert_eq!(f.correct, f.total, "{name}: {f:?}");
    }
}

#[test]
fn entities_reach_f1_090_per_language_and_95_percent_right_canonicals() {
    let e = &report().entities;
    for (lang, prf) in &e.overall.by_lang {
        assert!(
            f1(prf) >= 0.90,
            "entity F1 for {lang}: {:.3} ({prf:?})",
            f1(prf)
        );
    }
    assert_eq!(e.overall.by_lang.len(), 3);
    let c = e.canonical.overall.accuracy().unwrap_or(0.0);
    assert!(c >= 0.95, "canonical accuracy {c:.3}");
}

#[test]
fn claims_reach_f1_085() {
    let c = &report().claims.overall.overall;
    assert!(f1(c) >= 0.85, "claim F1 {:.3} ({c:?})", f1(c));
}
