//! The knowledge base: canonical entities with stable ids, their type, usual English name, and
//! names in many languages and scripts.
//!
//! It comes in as data: TSV files with a header line and one row per alias,
//!
//! ```text
//! id  type  name  wikidata  lang  alias  flags
//! ```
//!
//! where `flags` is empty or a comma-separated list of `short` (a surname or other short form:
//! matched with its case, as a whole word, and overridden by an in-article full name), `cs`
//! (match with the exact case) and `homograph` (a name another entity of an earlier file also
//! bears, such as "عمان", Oman and Amman: it never wins by file order, only by the article's
//! context; see the gazetteer) and `country_named` (a name that is a common word too, "سيول":
//! Seoul and "floods", matched only where the article names the entity's country). Rows of one entity may be spread over several files; they
//! must agree on type, name and wikidata id. `KnowledgeBase::builtin` holds the files in
//! `datasets/kb/`; the crate does no I/O.

use std::collections::BTreeMap;

use records::EntityType;

/// A problem in a knowledge-base file, with the file name and the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KbError {
    #[error("{file}: the header must be `{expected}`")]
    Header {
        file: String,
        expected: &'static str,
    },
    #[error("{file}:{line}: expected 7 tab-separated columns, found {found}")]
    Columns {
        file: String,
        line: usize,
        found: usize,
    },
    #[error("{file}:{line}: unknown entity type `{value}`")]
    Type {
        file: String,
        line: usize,
        value: String,
    },
    #[error("{file}:{line}: unknown flag `{value}`")]
    Flag {
        file: String,
        line: usize,
        value: String,
    },
    #[error("{file}:{line}: empty {column}")]
    Empty {
        file: String,
        line: usize,
        column: &'static str,
    },
    #[error(
        "{file}:{line}: unknown relation `{value}` (expected `demonym_of`, `located_in`, `is_a country` or `is_a news_outlet`)"
    )]
    Relation {
        file: String,
        line: usize,
        value: String,
    },
    #[error("{file}:{line}: entity `{id}` has another type, name or wikidata id elsewhere")]
    Conflict {
        file: String,
        line: usize,
        id: String,
    },
}

/// The header every knowledge-base file of entities starts with.
pub const HEADER: &str = "id\ttype\tname\twikidata\tlang\talias\tflags";
/// The header of a file of relations between entities: `demonym_of` links a NORP to its
/// country, `located_in` a city or region to its country, `is_a country` marks a GPE as a country, `is_a news_outlet` an ORG as a news
/// outlet (whom people speak to: "قال مسؤول لرويترز").
pub const RELATIONS_HEADER: &str = "subject\trelation\tobject";

/// One name of an entity in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub lang: String,
    pub text: String,
    /// A surname or other short form.
    pub short: bool,
    /// Matched with its exact case.
    pub case_sensitive: bool,
    /// Shared with an entity of an earlier file, which keeps it unless the article's context
    /// points here.
    pub homograph: bool,
    /// A common word too: matched only where the article names the entity's country.
    pub country_named: bool,
}

/// A canonical entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbEntry {
    /// `Q…` Wikidata id or `kb:slug`.
    pub id: String,
    pub label: EntityType,
    /// Usual English name.
    pub name: String,
    pub wikidata: Option<String>,
    /// In the order the files give them (files are sorted).
    pub aliases: Vec<Alias>,
    /// Index of the file that introduced the entity: earlier files win alias clashes.
    pub source: usize,
}

/// Entities by id, in id order.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {
    entries: Vec<KbEntry>,
    by_id: BTreeMap<String, usize>,
    /// NORP id -> country id.
    demonym_of: BTreeMap<String, String>,
    /// City or region id -> country id.
    located_in: BTreeMap<String, String>,
    countries: std::collections::BTreeSet<String>,
    news_outlets: std::collections::BTreeSet<String>,
}

macro_rules! kb_file {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../datasets/kb/", $name)))
    };
}

/// The built-in files, curated before generated: an alias that two entities share goes to
/// the entity of the earlier file.
const BUILTIN: [(&str, &str); 9] = [
    kb_file!("curated_people.tsv"),
    kb_file!("curated_orgs.tsv"),
    kb_file!("curated_works_events.tsv"),
    kb_file!("curated_places.tsv"),
    kb_file!("curated_norp.tsv"),
    kb_file!("countries.tsv"),
    kb_file!("cities.tsv"),
    kb_file!("curated_relations.tsv"),
    kb_file!("country_relations.tsv"),
];

impl KnowledgeBase {
    /// The knowledge base shipped in `datasets/kb/`.
    pub fn builtin() -> KnowledgeBase {
        // The built-in files are checked by a test; a broken one is a build defect.
        KnowledgeBase::from_tsv(&BUILTIN).expect("the built-in knowledge base is valid")
    }

    /// Reads `(file name, content)` pairs; earlier files take precedence in alias clashes.
    pub fn from_tsv(files: &[(&str, &str)]) -> Result<KnowledgeBase, KbError> {
        let mut kb = KnowledgeBase::default();
        for (source, (file, content)) in files.iter().enumerate() {
            let mut lines = content.lines();
            let header = lines.next().map(|h| h.trim_end_matches('\r'));
            if header == Some(RELATIONS_HEADER) {
                for (i, line) in lines.enumerate() {
                    let line = line.trim_end_matches('\r');
                    if !line.trim().is_empty() {
                        kb.add_relation(file, i + 2, line)?;
                    }
                }
                continue;
            }
            if header != Some(HEADER) {
                return Err(KbError::Header {
                    file: file.to_string(),
                    expected: HEADER,
                });
            }
            for (i, line) in lines.enumerate() {
                let line_no = i + 2;
                let line = line.trim_end_matches('\r');
                if line.trim().is_empty() {
                    continue;
                }
                kb.add_row(file, line_no, line, source)?;
            }
        }
        Ok(kb)
    }

    fn add_relation(&mut self, file: &str, line: usize, row: &str) -> Result<(), KbError> {
        let cols: Vec<&str> = row.split('\t').map(str::trim).collect();
        if cols.len() != 3 {
            return Err(KbError::Columns {
                file: file.into(),
                line,
                found: cols.len(),
            });
        }
        match (cols[1], cols[2]) {
            ("demonym_of", country) => {
                self.demonym_of
                    .insert(cols[0].to_string(), country.to_string());
            }
            ("located_in", country) => {
                self.located_in
                    .insert(cols[0].to_string(), country.to_string());
            }
            ("is_a", "country") => {
                self.countries.insert(cols[0].to_string());
            }
            ("is_a", "news_outlet") => {
                self.news_outlets.insert(cols[0].to_string());
            }
            (relation, object) => {
                let value = if relation == "is_a" {
                    format!("is_a {object}")
                } else {
                    relation.to_string()
                };
                return Err(KbError::Relation {
                    file: file.into(),
                    line,
                    value,
                });
            }
        }
        Ok(())
    }

    /// The country of a nationality ("Chinese" -> China).
    pub fn country_of(&self, norp_id: &str) -> Option<&KbEntry> {
        self.demonym_of.get(norp_id).and_then(|c| self.get(c))
    }

    /// The country an entity belongs to: itself for a country, the country of a nationality
    /// or of a city or region the knowledge base places.
    pub fn country_id_of(&self, id: &str) -> Option<&str> {
        if let Some(country) = self.countries.get(id) {
            return Some(country);
        }
        self.demonym_of
            .get(id)
            .or_else(|| self.located_in.get(id))
            .map(String::as_str)
    }

    /// Is this GPE a country (not a city or province)?
    pub fn is_country(&self, id: &str) -> bool {
        self.countries.contains(id)
    }

    /// Is this ORG a news outlet (an agency, paper or broadcaster)?
    pub fn is_news_outlet(&self, id: &str) -> bool {
        self.news_outlets.contains(id)
    }

    fn add_row(
        &mut self,
        file: &str,
        line: usize,
        row: &str,
        source: usize,
    ) -> Result<(), KbError> {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() != 7 {
            return Err(KbError::Columns {
                file: file.into(),
                line,
                found: cols.len(),
            });
        }
        let empty = |column| KbError::Empty {
            file: file.into(),
            line,
            column,
        };
        let (id, ty, name, wikidata, lang, alias, flags) = (
            cols[0].trim(),
            cols[1].trim(),
            cols[2].trim(),
            cols[3].trim(),
            cols[4].trim(),
            cols[5].trim(),
            cols[6].trim(),
        );
        if id.is_empty() {
            return Err(empty("id"));
        }
        if name.is_empty() {
            return Err(empty("name"));
        }
        if alias.is_empty() {
            return Err(empty("alias"));
        }
        let label = EntityType::parse(ty).ok_or_else(|| KbError::Type {
            file: file.into(),
            line,
            value: ty.into(),
        })?;
        let (mut short, mut case_sensitive, mut homograph, mut country_named) =
            (false, false, false, false);
        for flag in flags.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            match flag {
                "short" => short = true,
                "cs" => case_sensitive = true,
                "homograph" => homograph = true,
                "country_named" => country_named = true,
                other => {
                    return Err(KbError::Flag {
                        file: file.into(),
                        line,
                        value: other.into(),
                    });
                }
            }
        }
        let wikidata = (!wikidata.is_empty()).then(|| wikidata.to_string());
        let alias = Alias {
            lang: lang.to_string(),
            text: alias.to_string(),
            short,
            case_sensitive,
            homograph,
            country_named,
        };
        match self.by_id.get(id) {
            Some(&i) => {
                let e = &mut self.entries[i];
                if e.label != label || e.name != name || e.wikidata != wikidata {
                    return Err(KbError::Conflict {
                        file: file.into(),
                        line,
                        id: id.into(),
                    });
                }
                if !e.aliases.contains(&alias) {
                    e.aliases.push(alias);
                }
            }
            None => {
                self.by_id.insert(id.to_string(), self.entries.len());
                self.entries.push(KbEntry {
                    id: id.to_string(),
                    label,
                    name: name.to_string(),
                    wikidata,
                    aliases: vec![alias],
                    source,
                });
            }
        }
        Ok(())
    }

    /// All entries, in id order (for the exporter's knowledge-base table).
    pub fn entries(&self) -> impl Iterator<Item = &KbEntry> {
        self.by_id.values().map(|&i| &self.entries[i])
    }

    pub fn get(&self, id: &str) -> Option<&KbEntry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Entry by its position in load order (as stored in the gazetteer).
    pub(crate) fn entry(&self, index: usize) -> &KbEntry {
        &self.entries[index]
    }

    /// Entries in load order with their index.
    pub(crate) fn indexed(&self) -> impl Iterator<Item = (usize, &KbEntry)> {
        self.entries.iter().enumerate()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads_and_has_the_basics() {
        let kb = KnowledgeBase::builtin();
        assert!(kb.len() > 500);
        let china = kb.get("Q148").unwrap();
        assert_eq!(china.label, EntityType::Gpe);
        assert_eq!(china.name, "China");
        assert!(
            china
                .aliases
                .iter()
                .any(|a| a.lang == "ar" && a.text == "الصين")
        );
        assert!(china.aliases.iter().any(|a| a.lang == "id"));
        assert!(kb.is_country("Q148") && !kb.is_country("Q956"));
        assert!(kb.is_news_outlet("kb:reuters") && !kb.is_news_outlet("Q1065"));
        assert_eq!(
            kb.country_of("kb:norp-chinese").map(|e| e.name.as_str()),
            Some("China")
        );
        let ids: Vec<&str> = kb.entries().map(|e| e.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
    }

    #[test]
    fn errors_name_file_and_line() {
        let bad = format!("{HEADER}\nQ1\tGPE\tX\t\ten\tX\t\nQ2\tPLACE\tY\t\ten\tY\t\n");
        let err = KnowledgeBase::from_tsv(&[("a.tsv", &bad)]).unwrap_err();
        assert_eq!(err.to_string(), "a.tsv:3: unknown entity type `PLACE`");
        let short = format!("{HEADER}\nQ1\tGPE\tX\n");
        let err = KnowledgeBase::from_tsv(&[("b.tsv", &short)]).unwrap_err();
        assert!(matches!(
            err,
            KbError::Columns {
                line: 2,
                found: 3,
                ..
            }
        ));
        let clash = format!("{HEADER}\nQ1\tGPE\tX\t\ten\tX\t\nQ1\tORG\tX\t\ten\tXX\t\n");
        let err = KnowledgeBase::from_tsv(&[("c.tsv", &clash)]).unwrap_err();
        assert!(err.to_string().starts_with("c.tsv:3: entity `Q1`"));
        let rel = format!("{RELATIONS_HEADER}\nkb:x\tborders\tQ1\n");
        let err = KnowledgeBase::from_tsv(&[("r.tsv", &rel)]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "r.tsv:2: unknown relation `borders` (expected `demonym_of`, `located_in`, `is_a country` or `is_a news_outlet`)"
        );
        let rel = format!("{RELATIONS_HEADER}\nkb:x\tis_a\tplace\n");
        let err = KnowledgeBase::from_tsv(&[("r.tsv", &rel)]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("r.tsv:2: unknown relation `is_a place`")
        );
        let err = KnowledgeBase::from_tsv(&[("d.tsv", "id\tname\n")]).unwrap_err();
        assert!(matches!(err, KbError::Header { .. }));
    }

    #[test]
    fn rows_merge_across_files() {
        let a = format!("{HEADER}\nQ1\tGPE\tX\tQ1\ten\tX\t\n");
        let b = format!("{HEADER}\nQ1\tGPE\tX\tQ1\tar\tإكس\tshort,cs\n");
        let kb = KnowledgeBase::from_tsv(&[("a", &a), ("b", &b)]).unwrap();
        let e = kb.get("Q1").unwrap();
        assert_eq!(e.aliases.len(), 2);
        assert!(e.aliases[1].short && e.aliases[1].case_sensitive);
        assert_eq!(e.wikidata.as_deref(), Some("Q1"));
    }
}
