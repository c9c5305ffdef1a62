//! Arrow builders of the four split tables, filled row by row from borrowed rows
//! ([`crate::rows::ArticleView`] and its siblings).
//!
//! Why builders: each string is copied once, from the article or its labels into the column,
//! where making owned rows first copied it twice and allocated a `String` (and a vector per
//! list) for every field of every row; rows and their columns were 8% of an export's CPU.
//! This module is the one place that knows the column order of the split tables; the
//! `*_batch` functions of [`crate::tables`] fill these builders from owned rows.

use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Float32Builder, Int32Builder, Int64Builder,
    ListBuilder, PrimitiveBuilder, StringBuilder,
};
use arrow_array::types::ArrowPrimitiveType;
use arrow_array::{ArrayRef, RecordBatch, StructArray};
use arrow_schema::ArrowError;

use crate::article::Article;
use crate::labels::{Claim, Entity};
use crate::rows::{
    ArticleKey, ArticleView, ClaimView, EntityView, RowSink, SentenceView, SpanView, push_article,
};
use crate::tables::{Table, days_since_epoch, struct_fields, struct_list, struct_members};

/// The rows of some articles, as the columns of the four split tables.
#[derive(Default)]
pub struct SplitColumns {
    articles: ArticleColumns,
    sentences: SentenceColumns,
    entities: EntityColumns,
    claims: ClaimColumns,
}

impl SplitColumns {
    pub fn new() -> SplitColumns {
        SplitColumns::default()
    }

    /// Appends the rows of one labelled article (see [`push_article`]).
    pub fn push_article(
        &mut self,
        key: &ArticleKey,
        article: &Article,
        entities: &[Entity],
        claims: &[Claim],
    ) {
        push_article(self, key, article, entities, claims);
    }

    /// Rows appended so far to `table` (0 for `kb`).
    pub fn rows(&self, table: Table) -> usize {
        match table {
            Table::Articles => self.articles.len(),
            Table::Sentences => self.sentences.len(),
            Table::Entities => self.entities.len(),
            Table::Claims => self.claims.len(),
            Table::Kb => 0,
        }
    }

    /// The record batch of each split table, leaving out tables without rows.
    pub fn finish(self) -> Result<Vec<(Table, RecordBatch)>, ArrowError> {
        let mut out = Vec::new();
        if !self.articles.is_empty() {
            out.push((Table::Articles, self.articles.finish()?));
        }
        if !self.sentences.is_empty() {
            out.push((Table::Sentences, self.sentences.finish()?));
        }
        if !self.entities.is_empty() {
            out.push((Table::Entities, self.entities.finish()?));
        }
        if !self.claims.is_empty() {
            out.push((Table::Claims, self.claims.finish()?));
        }
        Ok(out)
    }
}

impl RowSink for SplitColumns {
    fn article(&mut self, row: ArticleView<'_>) {
        self.articles.push(row);
    }
    fn sentence(&mut self, row: SentenceView<'_>) {
        self.sentences.push(row);
    }
    fn entity(&mut self, row: EntityView<'_>) {
        self.entities.push(row);
    }
    fn claim(&mut self, row: ClaimView<'_>) {
        self.claims.push(row);
    }
}

/// A `list<string>` builder whose lists are never null.
fn push_strings<'a>(
    builder: &mut ListBuilder<StringBuilder>,
    values: impl Iterator<Item = &'a str>,
) {
    values.for_each(|v| builder.values().append_value(v));
    builder.append(true);
}

/// A `list<int>` builder whose lists are never null.
fn push_values<T: ArrowPrimitiveType>(
    builder: &mut ListBuilder<PrimitiveBuilder<T>>,
    values: &[T::Native],
) {
    builder.values().append_slice(values);
    builder.append(true);
}

fn finish<B: ArrayBuilder>(builder: &mut B) -> ArrayRef {
    builder.finish()
}

#[derive(Default)]
pub struct ArticleColumns {
    article_id: StringBuilder,
    split: StringBuilder,
    story_id: StringBuilder,
    source_file: StringBuilder,
    source_line: Int64Builder,
    lang: StringBuilder,
    lang_confidence: Float32Builder,
    title: StringBuilder,
    published: Date32Builder,
    outlet: StringBuilder,
    dateline: StringBuilder,
    url: StringBuilder,
    text: StringBuilder,
    n_sentences: Int32Builder,
    quality_flags: ListBuilder<StringBuilder>,
    /// Each article's count of zones, then the zones' fields.
    zone_counts: Vec<usize>,
    zone_kind: StringBuilder,
    zone_start: Int64Builder,
    zone_end: Int64Builder,
    anchor_counts: Vec<usize>,
    anchor_text_byte: Int64Builder,
    anchor_source_byte: Int64Builder,
}

impl ArticleColumns {
    pub fn len(&self) -> usize {
        self.zone_counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn push(&mut self, r: ArticleView<'_>) {
        self.article_id.append_value(r.article_id);
        self.split.append_value(r.split);
        self.story_id.append_value(r.story_id);
        self.source_file.append_value(r.source_file);
        self.source_line.append_option(r.source_line);
        self.lang.append_value(r.lang);
        self.lang_confidence.append_value(r.lang_confidence);
        self.title.append_option(r.title);
        self.published
            .append_option(r.published.map(days_since_epoch));
        self.outlet.append_option(r.outlet);
        self.dateline.append_option(r.dateline);
        self.url.append_option(r.url);
        self.text.append_value(r.text);
        self.n_sentences.append_value(r.n_sentences);
        push_strings(
            &mut self.quality_flags,
            r.quality_flags.iter().map(String::as_str),
        );
        self.zone_counts.push(r.boilerplate.len());
        for z in r.boilerplate {
            self.zone_kind.append_value(&z.kind);
            self.zone_start.append_value(z.source_byte_start as i64);
            self.zone_end.append_value(z.source_byte_end as i64);
        }
        self.anchor_counts.push(r.source_map.len());
        for a in r.source_map {
            self.anchor_text_byte.append_value(a.text_byte as i64);
            self.anchor_source_byte.append_value(a.source_byte as i64);
        }
    }

    pub fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let t = Table::Articles;
        let columns: Vec<ArrayRef> = vec![
            finish(&mut self.article_id),
            finish(&mut self.split),
            finish(&mut self.story_id),
            finish(&mut self.source_file),
            finish(&mut self.source_line),
            finish(&mut self.lang),
            finish(&mut self.lang_confidence),
            finish(&mut self.title),
            finish(&mut self.published),
            finish(&mut self.outlet),
            finish(&mut self.dateline),
            finish(&mut self.url),
            finish(&mut self.text),
            finish(&mut self.n_sentences),
            finish(&mut self.quality_flags),
            struct_list(
                &struct_members(t, "boilerplate"),
                self.zone_counts.into_iter(),
                vec![
                    finish(&mut self.zone_kind),
                    finish(&mut self.zone_start),
                    finish(&mut self.zone_end),
                ],
            ),
            struct_list(
                &struct_members(t, "source_map"),
                self.anchor_counts.into_iter(),
                vec![
                    finish(&mut self.anchor_text_byte),
                    finish(&mut self.anchor_source_byte),
                ],
            ),
        ];
        RecordBatch::try_new(t.schema(), columns)
    }
}

#[derive(Default)]
pub struct SentenceColumns {
    sentence_id: StringBuilder,
    article_id: StringBuilder,
    split: StringBuilder,
    index: Int32Builder,
    text: StringBuilder,
    lang: StringBuilder,
    char_start: Int32Builder,
    char_end: Int32Builder,
    byte_start: Int32Builder,
    byte_end: Int32Builder,
    source_byte_start: Int64Builder,
    source_byte_end: Int64Builder,
    tokens: ListBuilder<StringBuilder>,
    token_starts: ListBuilder<Int32Builder>,
    token_ends: ListBuilder<Int32Builder>,
    ner_tags: ListBuilder<Int64Builder>,
}

impl SentenceColumns {
    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn push(&mut self, r: SentenceView<'_>) {
        self.sentence_id.append_value(r.sentence_id);
        self.article_id.append_value(r.article_id);
        self.split.append_value(r.split);
        self.index.append_value(r.index);
        self.text.append_value(r.text);
        self.lang.append_value(r.lang);
        self.char_start.append_value(r.char_start);
        self.char_end.append_value(r.char_end);
        self.byte_start.append_value(r.byte_start);
        self.byte_end.append_value(r.byte_end);
        self.source_byte_start.append_value(r.source_byte_start);
        self.source_byte_end.append_value(r.source_byte_end);
        push_strings(&mut self.tokens, r.tokens());
        push_values(&mut self.token_starts, r.token_starts);
        push_values(&mut self.token_ends, r.token_ends);
        push_values(&mut self.ner_tags, r.ner_tags);
    }

    pub fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let columns: Vec<ArrayRef> = vec![
            finish(&mut self.sentence_id),
            finish(&mut self.article_id),
            finish(&mut self.split),
            finish(&mut self.index),
            finish(&mut self.text),
            finish(&mut self.lang),
            finish(&mut self.char_start),
            finish(&mut self.char_end),
            finish(&mut self.byte_start),
            finish(&mut self.byte_end),
            finish(&mut self.source_byte_start),
            finish(&mut self.source_byte_end),
            finish(&mut self.tokens),
            finish(&mut self.token_starts),
            finish(&mut self.token_ends),
            finish(&mut self.ner_tags),
        ];
        RecordBatch::try_new(Table::Sentences.schema(), columns)
    }
}

#[derive(Default)]
pub struct EntityColumns {
    entity_id: StringBuilder,
    article_id: StringBuilder,
    split: StringBuilder,
    sentence_id: StringBuilder,
    text: StringBuilder,
    label: StringBuilder,
    char_start: Int32Builder,
    char_end: Int32Builder,
    canonical_id: StringBuilder,
    canonical_name: StringBuilder,
    labelers: ListBuilder<StringBuilder>,
    confidence: Float32Builder,
}

impl EntityColumns {
    pub fn len(&self) -> usize {
        self.char_start.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn push(&mut self, r: EntityView<'_>) {
        self.entity_id.append_value(r.entity_id);
        self.article_id.append_value(r.article_id);
        self.split.append_value(r.split);
        self.sentence_id.append_value(r.sentence_id);
        self.text.append_value(r.text);
        self.label.append_value(r.label);
        self.char_start.append_value(r.char_start);
        self.char_end.append_value(r.char_end);
        self.canonical_id.append_option(r.canonical_id);
        self.canonical_name.append_option(r.canonical_name);
        push_strings(&mut self.labelers, r.labelers.iter().map(String::as_str));
        self.confidence.append_value(r.confidence);
    }

    pub fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let columns: Vec<ArrayRef> = vec![
            finish(&mut self.entity_id),
            finish(&mut self.article_id),
            finish(&mut self.split),
            finish(&mut self.sentence_id),
            finish(&mut self.text),
            finish(&mut self.label),
            finish(&mut self.char_start),
            finish(&mut self.char_end),
            finish(&mut self.canonical_id),
            finish(&mut self.canonical_name),
            finish(&mut self.labelers),
            finish(&mut self.confidence),
        ];
        RecordBatch::try_new(Table::Entities.schema(), columns)
    }
}

/// A nullable `struct<sentence_id, text, char_start, char_end>` column (a claim's speaker or
/// cue span).
#[derive(Default)]
struct SpanColumns {
    sentence_id: StringBuilder,
    text: StringBuilder,
    char_start: Int32Builder,
    char_end: Int32Builder,
    valid: Vec<bool>,
}

impl SpanColumns {
    fn push(&mut self, span: Option<SpanView<'_>>) {
        self.sentence_id.append_option(span.map(|s| s.sentence_id));
        self.text.append_option(span.map(|s| s.text));
        self.char_start.append_option(span.map(|s| s.char_start));
        self.char_end.append_option(span.map(|s| s.char_end));
        self.valid.push(span.is_some());
    }

    fn finish(mut self, name: &str) -> ArrayRef {
        let fields = struct_fields(&struct_members(Table::Claims, name));
        let children = vec![
            finish(&mut self.sentence_id),
            finish(&mut self.text),
            finish(&mut self.char_start),
            finish(&mut self.char_end),
        ];
        Arc::new(StructArray::new(fields, children, Some(self.valid.into())))
    }
}

#[derive(Default)]
pub struct ClaimColumns {
    claim_id: StringBuilder,
    article_id: StringBuilder,
    split: StringBuilder,
    sentence_id: StringBuilder,
    speaker: StringBuilder,
    speaker_id: StringBuilder,
    speaker_name: StringBuilder,
    speaker_span: SpanColumns,
    cue: StringBuilder,
    cue_span: SpanColumns,
    content: StringBuilder,
    char_start: Int32Builder,
    char_end: Int32Builder,
    kind: StringBuilder,
    labelers: ListBuilder<StringBuilder>,
    confidence: Float32Builder,
    has_number: BooleanBuilder,
    has_date: BooleanBuilder,
    has_entity: BooleanBuilder,
    negated: BooleanBuilder,
}

impl ClaimColumns {
    pub fn len(&self) -> usize {
        self.char_start.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn push(&mut self, r: ClaimView<'_>) {
        self.claim_id.append_value(r.claim_id);
        self.article_id.append_value(r.article_id);
        self.split.append_value(r.split);
        self.sentence_id.append_value(r.sentence_id);
        self.speaker.append_option(r.speaker.map(|s| s.text));
        self.speaker_id.append_option(r.speaker_id);
        self.speaker_name.append_option(r.speaker_name);
        self.speaker_span.push(r.speaker);
        self.cue.append_option(r.cue.map(|s| s.text));
        self.cue_span.push(r.cue);
        self.content.append_value(r.content);
        self.char_start.append_value(r.char_start);
        self.char_end.append_value(r.char_end);
        self.kind.append_value(r.kind);
        push_strings(&mut self.labelers, r.labelers.iter().map(String::as_str));
        self.confidence.append_value(r.confidence);
        self.has_number.append_value(r.has_number);
        self.has_date.append_value(r.has_date);
        self.has_entity.append_value(r.has_entity);
        self.negated.append_value(r.negated);
    }

    pub fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let columns: Vec<ArrayRef> = vec![
            finish(&mut self.claim_id),
            finish(&mut self.article_id),
            finish(&mut self.split),
            finish(&mut self.sentence_id),
            finish(&mut self.speaker),
            finish(&mut self.speaker_id),
            finish(&mut self.speaker_name),
            self.speaker_span.finish("speaker_span"),
            finish(&mut self.cue),
            self.cue_span.finish("cue_span"),
            finish(&mut self.content),
            finish(&mut self.char_start),
            finish(&mut self.char_end),
            finish(&mut self.kind),
            finish(&mut self.labelers),
            finish(&mut self.confidence),
            finish(&mut self.has_number),
            finish(&mut self.has_date),
            finish(&mut self.has_entity),
            finish(&mut self.negated),
        ];
        RecordBatch::try_new(Table::Claims.schema(), columns)
    }
}
