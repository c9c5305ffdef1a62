//! Statistics of a dataset per split and language, gathered as rows are written.

use std::collections::BTreeMap;

use records::TableRows;
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Cell {
    pub articles: u64,
    pub sentences: u64,
    pub tokens: u64,
    pub entities: BTreeMap<String, u64>,
    pub claims: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Stats {
    /// (split, lang) -> counts.
    pub cells: BTreeMap<(String, String), Cell>,
    /// Canonical name -> mentions, over the whole dataset.
    pub entity_mentions: BTreeMap<String, u64>,
}

impl Stats {
    pub fn add(&mut self, rows: &TableRows) {
        let mut lang_of = BTreeMap::new();
        for a in &rows.articles {
            lang_of.insert(a.article_id.as_str(), a.lang.as_str());
            self.cell(&a.split, &a.lang).articles += 1;
        }
        let lang = |id: &str| lang_of.get(id).copied().unwrap_or("und").to_string();
        for s in &rows.sentences {
            let cell = self.cell(&s.split, &lang(&s.article_id));
            cell.sentences += 1;
            cell.tokens += s.tokens.len() as u64;
        }
        for e in &rows.entities {
            *self
                .cell(&e.split, &lang(&e.article_id))
                .entities
                .entry(e.label.clone())
                .or_default() += 1;
            if e.label != "DATE" {
                let name = e.canonical_name.clone().unwrap_or_else(|| e.text.clone());
                *self.entity_mentions.entry(name).or_default() += 1;
            }
        }
        for c in &rows.claims {
            *self
                .cell(&c.split, &lang(&c.article_id))
                .claims
                .entry(c.kind.clone())
                .or_default() += 1;
        }
    }

    fn cell(&mut self, split: &str, lang: &str) -> &mut Cell {
        self.cells
            .entry((split.to_string(), lang.to_string()))
            .or_default()
    }

    pub fn languages(&self) -> Vec<String> {
        let mut langs: Vec<String> = self.cells.keys().map(|(_, l)| l.clone()).collect();
        langs.sort();
        langs.dedup();
        langs
    }

    /// The most mentioned entities, ties broken by name.
    pub fn top_entities(&self, n: usize) -> Vec<(&str, u64)> {
        let mut all: Vec<(&str, u64)> = self
            .entity_mentions
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        all.truncate(n);
        all
    }
}
