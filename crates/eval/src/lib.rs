//! Evaluation of an exported dataset against gold annotations.
//!
//! [`evaluate`] reads a dataset directory (the Parquet tables `articles`, `sentences`,
//! `entities` and `claims` as `export` writes them) and a gold JSONL file (the format of
//! `shared/gold/README.md`), and scores sentences, metadata, entities and claims, per language
//! and overall, into a [`Report`]. It only reads: it never changes, rewrites or adds to a
//! dataset.
//!
//! Gold offsets are code points of the raw input text; every dataset span is first converted to
//! those coordinates ([`coords`]), then compared by the matchers ([`matching`]).
//!
//! A gold record is matched to the dataset article whose `source_file` has the record's `id` as
//! its file stem, else whose `article_id` is that `id`. A record without an article is scored
//! as if the dataset had predicted nothing for it, and listed in [`Coverage::missing`].

pub mod coords;
pub mod dataset;
pub mod gold;
pub mod matching;
pub mod metrics;
mod report;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

pub use report::{ClaimReport, Coverage, EntityReport, MetaReport, Report};

use crate::coords::{ArticleCoords, RawIndex, SourceMap, Span};
use crate::dataset::{DsArticle, DsSentence};
use crate::gold::GoldRecord;
use crate::matching::{GoldClaim, GoldEntity, PredClaim, PredEntity};

/// Everything that can stop an evaluation; each names the file, and the line or row.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{line}: {source}", .path.display())]
    Json {
        path: PathBuf,
        line: usize,
        source: serde_json::Error,
    },
    #[error("{}:{line}: {message}", .path.display())]
    Gold {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{}: not readable Parquet: {source}", .path.display())]
    Parquet {
        path: PathBuf,
        source: parquet::errors::ParquetError,
    },
    #[error("{}: cannot decode Parquet: {source}", .path.display())]
    Arrow {
        path: PathBuf,
        source: arrow_schema::ArrowError,
    },
    #[error(
        "{}{}: column {column} {message}",
        .path.display(),
        .row.map(|r| format!(", row {}", r + 1)).unwrap_or_default()
    )]
    Column {
        path: PathBuf,
        column: String,
        /// 0-based row in the file.
        row: Option<usize>,
        message: String,
    },
}

/// Scores the dataset in `dataset_dir` against the gold JSONL at `gold_path`.
pub fn evaluate(dataset_dir: &Path, gold_path: &Path) -> Result<Report, EvalError> {
    let gold = gold::read(gold_path)?;
    let ds = dataset::read(dataset_dir)?;
    let mut report = Report::new(dataset_dir, gold_path);

    let mut sentences: HashMap<&str, Vec<&DsSentence>> = HashMap::new();
    for s in &ds.sentences {
        sentences.entry(s.article_id.as_str()).or_default().push(s);
    }
    let sentence_by_id: HashMap<&str, &DsSentence> = ds
        .sentences
        .iter()
        .map(|s| (s.sentence_id.as_str(), s))
        .collect();
    let mut entities: HashMap<&str, Vec<_>> = HashMap::new();
    for e in &ds.entities {
        entities.entry(e.article_id.as_str()).or_default().push(e);
    }
    let mut claims: HashMap<&str, Vec<_>> = HashMap::new();
    for c in &ds.claims {
        claims.entry(c.article_id.as_str()).or_default().push(c);
    }
    let labelers: BTreeSet<String> = ds
        .entities
        .iter()
        .flat_map(|e| e.labelers.iter().cloned())
        .collect();

    let mut evaluated: BTreeSet<&str> = BTreeSet::new();
    for g in &gold {
        report.coverage.gold_records += 1;
        let article = find_article(&ds.articles, &g.id);
        let mut predicted = Predicted::default();
        match article {
            None => report.coverage.missing.push(g.id.clone()),
            Some(a) => {
                report.coverage.matched += 1;
                evaluated.insert(&a.article_id);
                let coords = ArticleCoords {
                    source_map: SourceMap::new(a.source_map.clone()),
                    raw: RawIndex::new(
                        &g.text,
                        a.quality_flags.iter().any(|f| f == "utf8_bom_removed"),
                    ),
                };
                let id = a.article_id.as_str();
                predicted.meta = Some(a);
                predicted.sentences = sentences
                    .get(id)
                    .into_iter()
                    .flatten()
                    .map(|s| coords.sentence_span(s.source_byte_start, s.source_byte_end))
                    .collect();
                let in_sentence = |sentence_id: &str, cs: i32, ce: i32| {
                    let s = sentence_by_id.get(sentence_id)?;
                    coords.in_sentence_span(&s.text, s.byte_start, cs, ce)
                };
                predicted.entities = entities
                    .get(id)
                    .into_iter()
                    .flatten()
                    .map(|e| PredEntity {
                        span: in_sentence(&e.sentence_id, e.char_start, e.char_end),
                        label: e.label.clone(),
                        canonical: e.canonical_name.clone(),
                        labelers: e.labelers.clone(),
                    })
                    .collect();
                predicted.claims = claims
                    .get(id)
                    .into_iter()
                    .flatten()
                    .map(|c| PredClaim {
                        content: in_sentence(&c.sentence_id, c.char_start, c.char_end),
                        kind: c.kind.clone(),
                        speaker: c.speaker_name.clone(),
                    })
                    .collect();
            }
        }
        report.coverage.unmapped_spans += predicted.unmapped();
        score_record(&mut report, g, &predicted, &labelers);
    }
    report.coverage.not_in_gold = ds
        .articles
        .iter()
        .filter(|a| !evaluated.contains(a.article_id.as_str()))
        .map(|a| a.article_id.clone())
        .collect();
    Ok(report)
}

/// The file name of a path without its extension, for `/` and `\` separators.
fn file_stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    }
}

fn find_article<'a>(articles: &'a [DsArticle], id: &str) -> Option<&'a DsArticle> {
    articles
        .iter()
        .find(|a| file_stem(&a.source_file) == id)
        .or_else(|| articles.iter().find(|a| a.article_id == id))
}

/// One article's predictions in raw code points; `None` spans could not be mapped.
#[derive(Default)]
struct Predicted<'a> {
    meta: Option<&'a DsArticle>,
    sentences: Vec<Option<Span>>,
    entities: Vec<PredEntity>,
    claims: Vec<PredClaim>,
}

impl Predicted<'_> {
    fn unmapped(&self) -> u64 {
        (self.sentences.iter().filter(|s| s.is_none()).count()
            + self.entities.iter().filter(|e| e.span.is_none()).count()
            + self.claims.iter().filter(|c| c.content.is_none()).count()) as u64
    }
}

fn score_record(
    report: &mut Report,
    g: &GoldRecord,
    predicted: &Predicted<'_>,
    labelers: &BTreeSet<String>,
) {
    let lang = if g.lang.is_empty() { "und" } else { &g.lang };
    let gold_sentences: Vec<Span> = g.sentences.iter().map(|s| s.span()).collect();

    report.sentences.add(
        lang,
        matching::match_sentences(&gold_sentences, &predicted.sentences),
    );

    let m = &mut report.meta;
    let a = predicted.meta;
    let field = |f: fn(&DsArticle) -> &Option<String>| a.and_then(|a| f(a).as_deref());
    let add = |b: &mut metrics::Breakdown<metrics::MetaField>, gold: &Option<String>, p| {
        let mut f = metrics::MetaField::default();
        f.add(gold.as_deref(), p);
        b.add(lang, f);
    };
    add(&mut m.title, &g.meta.title, field(|a| &a.title));
    add(&mut m.published, &g.meta.published, field(|a| &a.published));
    add(&mut m.outlet, &g.meta.outlet, field(|a| &a.outlet));
    add(&mut m.dateline, &g.meta.dateline, field(|a| &a.dateline));
    let boilerplate: Vec<Span> = g.meta.boilerplate.iter().map(|b| b.span()).collect();
    m.boilerplate.add(
        lang,
        matching::boilerplate_leakage(&boilerplate, &predicted.sentences),
    );

    let gold_entities: Vec<GoldEntity> = g
        .entities
        .iter()
        .map(|e| GoldEntity {
            span: Span::new(e.start, e.end),
            label: e.label.clone(),
            canonical: e.canonical.clone(),
        })
        .collect();
    let es = matching::match_entities(&gold_entities, &predicted.entities, labelers);
    let er = &mut report.entities;
    er.overall.add(lang, es.overall);
    er.canonical.add(lang, es.canonical);
    add_all(&mut er.by_type, lang, es.by_type);
    add_all(&mut er.by_labeler, lang, es.by_labeler);

    let gold_claims: Vec<GoldClaim> = g
        .claims
        .iter()
        .map(|c| GoldClaim {
            content: c.content.span(),
            kind: c.kind.clone(),
            speaker: c.speaker.as_ref().and_then(|s| s.canonical.clone()),
        })
        .collect();
    let raw: Vec<char> = g.text.chars().collect();
    let (cs, _) = matching::match_claims(&raw, &gold_sentences, &gold_claims, &predicted.claims);
    let cr = &mut report.claims;
    cr.overall.add(lang, cs.overall);
    cr.kind_agreement.add(lang, cs.kind_agreement);
    add_all(&mut cr.by_kind, lang, cs.by_kind);
}

fn add_all(
    into: &mut BTreeMap<String, metrics::Breakdown<metrics::Prf>>,
    lang: &str,
    from: BTreeMap<String, metrics::Prf>,
) {
    for (k, v) in from {
        into.entry(k).or_default().add(lang, v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems() {
        assert_eq!(file_stem("datasets/raw/seeds/000_abc.txt"), "000_abc");
        assert_eq!(file_stem(r"C:\in\001.txt"), "001");
        assert_eq!(file_stem("noext"), "noext");
        assert_eq!(file_stem("a.b.jsonl"), "a.b");
        assert_eq!(file_stem(".hidden"), ".hidden");
    }
}
