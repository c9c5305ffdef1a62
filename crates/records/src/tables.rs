//! The Arrow schema of every output table and the conversion of rows into record batches.
//!
//! Each column is declared once, as a Hugging Face feature plus a description; the Arrow type,
//! the `huggingface` schema metadata and the dataset card are all derived from that one
//! declaration, so they cannot disagree. Types follow `shared/CONVENTIONS.md`: every field
//! nullable, `utf8` strings, 32-bit `list`s, class ids as `int64`.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::{ArrayRef, ListArray, RecordBatch, StringArray, StructArray};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{ArrowError, DataType, Field, Fields, Schema, SchemaRef};
use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::columns::{ArticleColumns, ClaimColumns, EntityColumns, SentenceColumns};
use crate::rows::{ArticleRow, ClaimRow, EntityRow, KbRow, SentenceRow, TableRows, ner_tag_names};

/// Columns that stages other than the row builders need by name: the split of every row, the
/// article every row belongs to, and the story of an article (rewritten by resplits).
pub const SPLIT_COLUMN: &str = "split";
pub const ARTICLE_ID_COLUMN: &str = "article_id";
pub const STORY_ID_COLUMN: &str = "story_id";

/// A column's type as a Hugging Face `datasets` feature.
#[derive(Debug, Clone, PartialEq)]
pub enum Feature {
    /// `Value(dtype)`: `string`, `int32`, `int64`, `float32`, `bool`, `date32`.
    Value(&'static str),
    ClassLabel(Vec<String>),
    List(Box<Feature>),
    Struct(Vec<(&'static str, Feature)>),
}

impl Feature {
    fn list(inner: Feature) -> Feature {
        Feature::List(Box::new(inner))
    }

    pub fn arrow_type(&self) -> DataType {
        match self {
            Feature::Value("string") => DataType::Utf8,
            Feature::Value("int32") => DataType::Int32,
            Feature::Value("int64") => DataType::Int64,
            Feature::Value("float32") => DataType::Float32,
            Feature::Value("bool") => DataType::Boolean,
            Feature::Value("date32") => DataType::Date32,
            Feature::Value(other) => unreachable!("no Arrow type declared for {other}"),
            Feature::ClassLabel(_) => DataType::Int64,
            Feature::List(inner) => {
                DataType::List(Arc::new(Field::new("item", inner.arrow_type(), true)))
            }
            Feature::Struct(fields) => DataType::Struct(struct_fields(fields)),
        }
    }

    /// `Features.to_dict()` form, as `datasets` stores it in the `huggingface` metadata.
    pub fn to_hf_json(&self) -> Value {
        match self {
            Feature::Value(dtype) => json!({"dtype": dtype, "_type": "Value"}),
            Feature::ClassLabel(names) => json!({"names": names, "_type": "ClassLabel"}),
            Feature::List(inner) => json!({"feature": inner.to_hf_json(), "_type": "List"}),
            Feature::Struct(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(n, f)| (n.to_string(), f.to_hf_json()))
                    .collect(),
            ),
        }
    }
}

pub(crate) fn struct_fields(fields: &[(&'static str, Feature)]) -> Fields {
    fields
        .iter()
        .map(|(n, f)| Field::new(*n, f.arrow_type(), true))
        .collect()
}

/// One column of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: &'static str,
    pub feature: Feature,
    pub description: &'static str,
}

/// The four tables of a dataset, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Articles,
    Sentences,
    Entities,
    Claims,
    /// The knowledge base the entity labelers linked to: not split, shipped whole.
    Kb,
}

impl Table {
    /// The tables whose rows are split into train/validation/test.
    pub const SPLIT: [Table; 4] = [
        Table::Articles,
        Table::Sentences,
        Table::Entities,
        Table::Claims,
    ];
    pub const ALL: [Table; 5] = [
        Table::Articles,
        Table::Sentences,
        Table::Entities,
        Table::Claims,
        Table::Kb,
    ];
    /// The one split name of tables that are not split (`all` is reserved by `datasets`).
    pub const UNSPLIT_NAME: &'static str = "full";

    pub fn name(self) -> &'static str {
        match self {
            Table::Articles => "articles",
            Table::Sentences => "sentences",
            Table::Entities => "entities",
            Table::Claims => "claims",
            Table::Kb => "kb",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Table::Articles => {
                "One row per article: the cleaned text, its metadata and provenance."
            }
            Table::Sentences => "One row per sentence, with tokens and BIO entity tags.",
            Table::Entities => {
                "One row per entity mention, with its canonical referent and the labelers that proposed it."
            }
            Table::Claims => "One row per attributed statement: who said what, with the cue.",
            Table::Kb => {
                "The knowledge base that `entities.canonical_id` and `claims.speaker_id` refer to: one row per entity, with its names in many languages."
            }
        }
    }

    /// The column that orders rows within a split, and the key users join on.
    pub fn id_column(self) -> &'static str {
        match self {
            Table::Articles => "article_id",
            Table::Sentences => "sentence_id",
            Table::Entities => "entity_id",
            Table::Claims => "claim_id",
            Table::Kb => "id",
        }
    }

    /// Columns with few distinct values, written with Parquet dictionary encoding.
    pub fn dictionary_columns(self) -> &'static [&'static str] {
        match self {
            Table::Articles => &["split", "source_file", "lang", "outlet", "dateline"],
            Table::Sentences => &["split", "lang"],
            Table::Entities => &[
                "split",
                "label",
                "canonical_id",
                "canonical_name",
                "labelers",
            ],
            Table::Claims => &[
                "split",
                "kind",
                "labelers",
                "speaker_id",
                "speaker_name",
                "cue",
            ],
            Table::Kb => &["type"],
        }
    }

    pub fn columns(self) -> Vec<Column> {
        let s = || Feature::Value("string");
        let i32_ = || Feature::Value("int32");
        let i64_ = || Feature::Value("int64");
        let c = |name, feature, description| Column {
            name,
            feature,
            description,
        };
        let common = |id: &'static str| {
            vec![
                c(
                    "article_id",
                    s(),
                    "Stable id of the article: the input's `id`, else a hash of its text.",
                ),
                c(
                    "split",
                    s(),
                    "The split this row belongs to; every row of an article shares its split.",
                ),
            ]
            .into_iter()
            .filter(move |col| col.name != id)
            .collect::<Vec<_>>()
        };
        match self {
            Table::Articles => {
                let mut cols = vec![c(
                    "article_id",
                    s(),
                    "Stable id of the article: the input's `id`, else a hash of its text.",
                )];
                cols.extend(common("article_id"));
                cols.extend([
                    c("story_id", s(), "Id of the story the article reports; near-duplicate articles share it, and splits are assigned per story."),
                    c("source_file", s(), "Input file, as named on the command line."),
                    c("source_line", i64_(), "1-based line of the article in a JSONL input; null for one-article files."),
                    c("lang", s(), "Language of the article (ISO 639-1, else 639-3; `und` if unknown)."),
                    c("lang_confidence", Feature::Value("float32"), "Confidence of the language identification, 0..1 (1 when the input gave the language)."),
                    c("title", s(), "Title of the article, when it has one."),
                    c("published", Feature::Value("date32"), "Publication date stated by the article or the input; null when none is stated."),
                    c("outlet", s(), "Outlet that published or is credited with the article."),
                    c("dateline", s(), "Place of the dateline (\"Samarkand (ANTARA) -\" gives Samarkand)."),
                    c("url", s(), "URL given by the input."),
                    c("text", s(), "The article's own prose, cleaned: boilerplate removed, NFC, normalised whitespace."),
                    c("n_sentences", i32_(), "Number of rows of this article in `sentences`."),
                    c("quality_flags", Feature::list(s()), "Repairs made to the input (e.g. `nfc`, `drop_cap`, `duplicate_title`, `utf8_bom_removed`)."),
                    c("boilerplate", Feature::list(Feature::Struct(vec![
                        ("kind", s()), ("source_byte_start", i64_()), ("source_byte_end", i64_()),
                    ])), "Parts of the input that are not article prose, with their kind and UTF-8 byte range in the decoded input."),
                    c("source_map", Feature::list(Feature::Struct(vec![
                        ("text_byte", i64_()), ("source_byte", i64_()),
                    ])), "Anchors mapping `text` back to the input: from `text_byte` on, bytes of `text` are the input's bytes from `source_byte` on, up to the next anchor."),
                ]);
                cols
            }
            Table::Sentences => {
                let mut cols = vec![c("sentence_id", s(), "`{article_id}:{index:04}`.")];
                cols.extend(common("sentence_id"));
                cols.extend([
                    c(
                        "index",
                        i32_(),
                        "Position of the sentence in its article, from 0.",
                    ),
                    c(
                        "text",
                        s(),
                        "The sentence: `articles.text[char_start:char_end]`.",
                    ),
                    c(
                        "lang",
                        s(),
                        "Language of the sentence: its article's, unless language identification on the sentence (40 letters and 6 words or more, confidence 0.9) names one outside the article's family; a sentence showing the article language's function words throughout is not identified.",
                    ),
                    c(
                        "char_start",
                        i32_(),
                        "Start in `articles.text`, in Unicode code points.",
                    ),
                    c(
                        "char_end",
                        i32_(),
                        "End (exclusive) in `articles.text`, in Unicode code points.",
                    ),
                    c(
                        "byte_start",
                        i32_(),
                        "Start in `articles.text`, in UTF-8 bytes.",
                    ),
                    c(
                        "byte_end",
                        i32_(),
                        "End (exclusive) in `articles.text`, in UTF-8 bytes.",
                    ),
                    c(
                        "source_byte_start",
                        i64_(),
                        "Start of the sentence in the decoded input, in UTF-8 bytes.",
                    ),
                    c(
                        "source_byte_end",
                        i64_(),
                        "End (exclusive) of the sentence in the decoded input, in UTF-8 bytes.",
                    ),
                    c(
                        "tokens",
                        Feature::list(s()),
                        "Tokens: words, numbers and punctuation, with Arabic clitics split off.",
                    ),
                    c(
                        "token_starts",
                        Feature::list(i32_()),
                        "Start of each token in `text`, in code points.",
                    ),
                    c(
                        "token_ends",
                        Feature::list(i32_()),
                        "End (exclusive) of each token in `text`, in code points.",
                    ),
                    c(
                        "ner_tags",
                        Feature::list(Feature::ClassLabel(ner_tag_names())),
                        "BIO entity tag of each token (a ClassLabel).",
                    ),
                ]);
                cols
            }
            Table::Entities => {
                let mut cols = vec![c("entity_id", s(), "`{article_id}:e{n:04}`.")];
                cols.extend(common("entity_id"));
                cols.extend([
                    c("sentence_id", s(), "The sentence that holds the mention."),
                    c("text", s(), "The mention: `sentences.text[char_start:char_end]`."),
                    c("label", s(), "Entity type: PERSON, GPE, LOC, ORG, NORP, EVENT, WORK or DATE."),
                    c("char_start", i32_(), "Start in the sentence text, in code points."),
                    c("char_end", i32_(), "End (exclusive) in the sentence text, in code points."),
                    c("canonical_id", s(), "Knowledge-base id of the referent (see the `kb` table); ISO date for DATE."),
                    c("canonical_name", s(), "Usual English name of the referent; ISO 8601 date for DATE."),
                    c("labelers", Feature::list(s()), "Names and versions of the labelers that proposed this span."),
                    c("confidence", Feature::Value("float32"), "Confidence of the aggregated label, 0..1."),
                ]);
                cols
            }
            Table::Claims => {
                let span = || {
                    Feature::Struct(vec![
                        ("sentence_id", s()),
                        ("text", s()),
                        ("char_start", i32_()),
                        ("char_end", i32_()),
                    ])
                };
                let mut cols = vec![c("claim_id", s(), "`{article_id}:c{n:04}`.")];
                cols.extend(common("claim_id"));
                cols.extend([
                    c("sentence_id", s(), "The sentence that holds the content."),
                    c("speaker_text", s(), "The mention of the source (\"Xi\", \"he\", \"the two sides\"); null when none is given."),
                    c("speaker_id", s(), "Knowledge-base id of the source (several joined by `;` for joint claims)."),
                    c("speaker_name", s(), "Canonical name of the source (\"Xi Jinping\"; \"China; Azerbaijan\" for joint claims)."),
                    c("speaker_span", span(), "Where the speaker mention stands (it may be another sentence), offsets in code points."),
                    c("cue", s(), "The reporting verb or phrase; null for a bare quotation."),
                    c("cue_span", span(), "Where the cue stands, offsets in code points."),
                    c("content", s(), "The attributed proposition: `sentences.text[char_start:char_end]`."),
                    c("char_start", i32_(), "Start of the content in the sentence text, in code points."),
                    c("char_end", i32_(), "End (exclusive) of the content in the sentence text, in code points."),
                    c("kind", s(), "direct (quoted), indirect (reported) or joint (both sides together)."),
                    c("labelers", Feature::list(s()), "Names and versions of the labelers that found the claim."),
                    c("confidence", Feature::Value("float32"), "Confidence, 0..1."),
                    c("has_number", Feature::Value("bool"), "The content holds a number."),
                    c("has_date", Feature::Value("bool"), "The content holds a date."),
                    c("has_entity", Feature::Value("bool"), "The content holds a named entity."),
                    c("negated", Feature::Value("bool"), "The content is negated."),
                ]);
                cols
            }
            Table::Kb => vec![
                c(
                    "id",
                    s(),
                    "Stable id: a Wikidata id (`Q…`) where known, else `kb:slug`.",
                ),
                c(
                    "type",
                    s(),
                    "Entity type: PERSON, GPE, LOC, ORG, NORP, EVENT or WORK.",
                ),
                c(
                    "name",
                    s(),
                    "Usual English name: the `canonical_name` of mentions.",
                ),
                c("wikidata", s(), "Wikidata id, when known."),
                c(
                    "aliases",
                    Feature::list(Feature::Struct(vec![("lang", s()), ("text", s())])),
                    "Names the gazetteer matches, with their language.",
                ),
            ],
        }
    }

    /// The `huggingface` metadata value: `{"info": {"features": …}}`.
    pub fn hf_metadata(self) -> String {
        let features: serde_json::Map<String, Value> = self
            .columns()
            .into_iter()
            .map(|c| (c.name.to_string(), c.feature.to_hf_json()))
            .collect();
        json!({"info": {"features": features}}).to_string()
    }

    /// The Arrow schema, with a description per field and the `huggingface` metadata.
    pub fn schema(self) -> SchemaRef {
        let fields: Vec<Field> =
            self.columns()
                .into_iter()
                .map(|c| {
                    Field::new(c.name, c.feature.arrow_type(), true).with_metadata(HashMap::from([
                        ("description".to_string(), c.description.to_string()),
                    ]))
                })
                .collect();
        let metadata = HashMap::from([
            ("huggingface".to_string(), self.hf_metadata()),
            ("newsds:table".to_string(), self.name().to_string()),
            (
                "newsds:schema_version".to_string(),
                crate::SCHEMA_VERSION.to_string(),
            ),
        ]);
        Arc::new(Schema::new(fields).with_metadata(metadata))
    }
}

fn strings<'a>(values: impl Iterator<Item = &'a str>) -> ArrayRef {
    Arc::new(StringArray::from_iter_values(values))
}

fn opt_strings<'a>(values: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(StringArray::from_iter(values))
}

/// A list column of non-null lists and items (the lists' lengths, then all their items).
fn list_of(lengths: impl Iterator<Item = usize>, values: ArrayRef) -> ArrayRef {
    Arc::new(ListArray::new(
        Arc::new(Field::new("item", values.data_type().clone(), true)),
        OffsetBuffer::from_lengths(lengths),
        values,
        None,
    ))
}

/// A `list<struct<…>>` column from per-row lengths and the flattened struct children.
pub(crate) fn struct_list(
    fields: &[(&'static str, Feature)],
    lengths: impl Iterator<Item = usize>,
    children: Vec<ArrayRef>,
) -> ArrayRef {
    let values = StructArray::new(struct_fields(fields), children, None);
    list_of(lengths, Arc::new(values))
}

fn column_feature(table: Table, name: &str) -> Feature {
    table
        .columns()
        .into_iter()
        .find(|c| c.name == name)
        .map(|c| c.feature)
        .unwrap_or_else(|| unreachable!("{} has no column {name}", table.name()))
}

pub(crate) fn struct_members(table: Table, name: &str) -> Vec<(&'static str, Feature)> {
    match column_feature(table, name) {
        Feature::List(inner) => match *inner {
            Feature::Struct(fields) => fields,
            _ => unreachable!("{name} is not a list of structs"),
        },
        Feature::Struct(fields) => fields,
        _ => unreachable!("{name} is not a struct column"),
    }
}

pub(crate) fn days_since_epoch(date: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid epoch");
    (date - epoch).num_days() as i32
}

pub fn articles_batch(rows: &[ArticleRow]) -> Result<RecordBatch, ArrowError> {
    let mut columns = ArticleColumns::default();
    rows.iter().for_each(|r| columns.push(r.view()));
    columns.finish()
}

pub fn sentences_batch(rows: &[SentenceRow]) -> Result<RecordBatch, ArrowError> {
    let mut columns = SentenceColumns::default();
    rows.iter().for_each(|r| columns.push(r.view()));
    columns.finish()
}

pub fn entities_batch(rows: &[EntityRow]) -> Result<RecordBatch, ArrowError> {
    let mut columns = EntityColumns::default();
    rows.iter().for_each(|r| columns.push(r.view()));
    columns.finish()
}

pub fn kb_batch(rows: &[KbRow]) -> Result<RecordBatch, ArrowError> {
    let t = Table::Kb;
    let members = struct_members(t, "aliases");
    let aliases = || rows.iter().flat_map(|r| r.aliases.iter());
    let columns: Vec<ArrayRef> = vec![
        strings(rows.iter().map(|r| r.id.as_str())),
        strings(rows.iter().map(|r| r.kind.as_str())),
        strings(rows.iter().map(|r| r.name.as_str())),
        opt_strings(rows.iter().map(|r| r.wikidata.as_deref())),
        struct_list(
            &members,
            rows.iter().map(|r| r.aliases.len()),
            vec![
                strings(aliases().map(|a| a.0.as_str())),
                strings(aliases().map(|a| a.1.as_str())),
            ],
        ),
    ];
    RecordBatch::try_new(t.schema(), columns)
}

/// The record batch of each split table for `rows`, leaving out tables without rows.
pub fn batches(rows: &TableRows) -> Result<Vec<(Table, RecordBatch)>, ArrowError> {
    let mut out = Vec::new();
    if !rows.articles.is_empty() {
        out.push((Table::Articles, articles_batch(&rows.articles)?));
    }
    if !rows.sentences.is_empty() {
        out.push((Table::Sentences, sentences_batch(&rows.sentences)?));
    }
    if !rows.entities.is_empty() {
        out.push((Table::Entities, entities_batch(&rows.entities)?));
    }
    if !rows.claims.is_empty() {
        out.push((Table::Claims, claims_batch(&rows.claims)?));
    }
    Ok(out)
}

/// An empty batch of a table, with its schema.
pub fn empty_batch(table: Table) -> Result<RecordBatch, ArrowError> {
    match table {
        Table::Articles => articles_batch(&[]),
        Table::Sentences => sentences_batch(&[]),
        Table::Entities => entities_batch(&[]),
        Table::Claims => claims_batch(&[]),
        Table::Kb => kb_batch(&[]),
    }
}

pub fn claims_batch(rows: &[ClaimRow]) -> Result<RecordBatch, ArrowError> {
    let mut columns = ClaimColumns::default();
    rows.iter().for_each(|r| columns.push(r.view()));
    columns.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_batches_have_their_schema() {
        assert_eq!(
            articles_batch(&[]).unwrap().num_columns(),
            Table::Articles.columns().len()
        );
        assert_eq!(
            sentences_batch(&[]).unwrap().num_columns(),
            Table::Sentences.columns().len()
        );
        assert_eq!(
            entities_batch(&[]).unwrap().num_columns(),
            Table::Entities.columns().len()
        );
        assert_eq!(
            claims_batch(&[]).unwrap().num_columns(),
            Table::Claims.columns().len()
        );
    }

    #[test]
    fn ner_tags_are_int64_class_labels_in_hf_metadata() {
        let schema = Table::Sentences.schema();
        let field = schema.field_with_name("ner_tags").unwrap();
        assert_eq!(
            field.data_type(),
            &DataType::List(Arc::new(Field::new("item", DataType::Int64, true)))
        );
        let meta: Value = serde_json::from_str(&schema.metadata()["huggingface"]).unwrap();
        let tags = &meta["info"]["features"]["ner_tags"];
        assert_eq!(tags["_type"], "List");
        assert_eq!(tags["feature"]["_type"], "ClassLabel");
        assert_eq!(tags["feature"]["names"][0], "O");
        assert_eq!(tags["feature"]["names"][1], "B-PERSON");
        assert_eq!(tags["feature"]["names"][2], "I-PERSON");
    }

    #[test]
    fn every_field_is_nullable_utf8_not_large() {
        for t in Table::ALL {
            for f in t.schema().fields() {
                assert!(f.is_nullable(), "{}.{}", t.name(), f.name());
                assert_ne!(f.data_type(), &DataType::LargeUtf8);
                assert!(f.metadata().contains_key("description"));
            }
        }
    }
}
