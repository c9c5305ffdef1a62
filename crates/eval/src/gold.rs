//! The gold JSONL (see `shared/gold/README.md`): one article a line, offsets in code points
//! of `text`, end exclusive.

use std::path::Path;

use serde::{Deserialize, Deserializer};

use crate::EvalError;
use crate::coords::Span;

fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
}

impl GoldSpan {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GoldEntity {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub label: String,
    #[serde(default)]
    pub canonical: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub canonical: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GoldClaim {
    #[serde(default)]
    pub speaker: Option<GoldMention>,
    #[serde(default)]
    pub cue: Option<GoldMention>,
    pub content: GoldSpan,
    pub kind: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct GoldMeta {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub dateline: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub boilerplate: Vec<GoldSpan>,
}

/// One gold article.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GoldRecord {
    pub id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub lang: String,
    pub text: String,
    #[serde(default, deserialize_with = "null_default")]
    pub sentences: Vec<GoldSpan>,
    #[serde(default, deserialize_with = "null_default")]
    pub entities: Vec<GoldEntity>,
    #[serde(default, deserialize_with = "null_default")]
    pub claims: Vec<GoldClaim>,
    #[serde(default, deserialize_with = "null_default")]
    pub meta: GoldMeta,
    /// 1-based line in the gold file.
    #[serde(skip)]
    pub line: usize,
}

impl GoldRecord {
    /// Every span lies inside `text`, start before end.
    fn check(&self) -> Result<(), String> {
        let n = self.text.chars().count();
        let mut spans: Vec<(&str, usize, usize)> = Vec::new();
        spans.extend(self.sentences.iter().map(|s| ("sentence", s.start, s.end)));
        spans.extend(self.entities.iter().map(|e| ("entity", e.start, e.end)));
        for c in &self.claims {
            spans.push(("claim content", c.content.start, c.content.end));
            spans.extend(c.speaker.iter().map(|m| ("claim speaker", m.start, m.end)));
            spans.extend(c.cue.iter().map(|m| ("claim cue", m.start, m.end)));
        }
        spans.extend(
            self.meta
                .boilerplate
                .iter()
                .map(|b| ("boilerplate", b.start, b.end)),
        );
        for (what, start, end) in spans {
            if start > end || end > n {
                return Err(format!(
                    "{what} span {start}..{end} does not lie in the text ({n} code points)"
                ));
            }
        }
        Ok(())
    }
}

/// Reads a gold JSONL file; blank lines are skipped.
pub fn read(path: &Path) -> Result<Vec<GoldRecord>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(path, &text)
}

pub fn parse(path: &Path, text: &str) -> Result<Vec<GoldRecord>, EvalError> {
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut record: GoldRecord =
            serde_json::from_str(line).map_err(|source| EvalError::Json {
                path: path.to_path_buf(),
                line: i + 1,
                source,
            })?;
        record.line = i + 1;
        record.check().map_err(|message| EvalError::Gold {
            path: path.to_path_buf(),
            line: i + 1,
            message,
        })?;
        if let Some(first) = records.iter().find(|r: &&GoldRecord| r.id == record.id) {
            return Err(EvalError::Gold {
                path: path.to_path_buf(),
                line: i + 1,
                message: format!("id {:?} already on line {}", record.id, first.line),
            });
        }
        records.push(record);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nulls_and_names_the_line_of_errors() {
        let p = Path::new("g.jsonl");
        let ok = r#"{"id":"a","lang":"en","text":"Hi there.","sentences":[{"start":0,"end":9,"text":"Hi there."}],"entities":null,"claims":[],"meta":{"title":null,"published":null,"outlet":null,"dateline":null,"boilerplate":null}}"#;
        let recs = parse(p, &format!("\n{ok}\n")).unwrap();
        assert_eq!(recs[0].line, 2);
        assert_eq!(recs[0].sentences[0].span(), Span::new(0, 9));
        assert!(recs[0].entities.is_empty());

        let err = parse(p, &format!("{ok}\n{{\"id\": 3}}\n")).unwrap_err();
        assert!(err.to_string().starts_with("g.jsonl:2:"), "{err}");
        let bad = ok.replace("\"end\":9", "\"end\":10");
        let err = parse(p, &bad).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("g.jsonl:1: sentence span 0..10"),
            "{err}"
        );
        let err = parse(p, &format!("{ok}\n{ok}")).unwrap_err();
        assert!(err.to_string().contains("already on line 1"), "{err}");
    }
}
