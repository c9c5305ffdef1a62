//! One struct per output-table row. Offsets here are Unicode code points (what Python
//! indexes with) plus UTF-8 bytes where the column says so.

use chrono::NaiveDate;
use serde::Serialize;

use crate::article::{Article, SourceAnchor, Zone};
use crate::labels::{Claim, Entity, EntityType, Mention};

#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRow {
    pub article_id: String,
    pub split: String,
    pub story_id: String,
    pub source_file: String,
    pub source_line: Option<i64>,
    pub lang: String,
    pub lang_confidence: f32,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub dateline: Option<String>,
    pub url: Option<String>,
    pub text: String,
    pub n_sentences: i32,
    pub quality_flags: Vec<String>,
    pub boilerplate: Vec<Zone>,
    pub source_map: Vec<SourceAnchor>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SentenceRow {
    pub sentence_id: String,
    pub article_id: String,
    pub split: String,
    pub index: i32,
    pub text: String,
    pub lang: String,
    pub char_start: i32,
    pub char_end: i32,
    pub byte_start: i32,
    pub byte_end: i32,
    pub source_byte_start: i64,
    pub source_byte_end: i64,
    /// Each token's byte range in `text` (see [`SentenceView::tokens`]): tokens are always
    /// slices of their sentence, and a `String` per token was a fifth of the cost of turning
    /// an article into rows.
    pub token_bytes: Vec<(u32, u32)>,
    pub token_starts: Vec<i32>,
    pub token_ends: Vec<i32>,
    /// Class ids into [`EntityType::bio_names`].
    pub ner_tags: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EntityRow {
    pub entity_id: String,
    pub article_id: String,
    pub sentence_id: String,
    pub split: String,
    pub text: String,
    pub label: String,
    pub char_start: i32,
    pub char_end: i32,
    pub canonical_id: Option<String>,
    pub canonical_name: Option<String>,
    pub labelers: Vec<String>,
    pub confidence: f32,
}

/// A span of some sentence, as stored on a claim row (speaker, cue).
#[derive(Debug, Clone, PartialEq)]
pub struct SpanRef {
    pub sentence_id: String,
    pub text: String,
    pub char_start: i32,
    pub char_end: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    pub claim_id: String,
    pub article_id: String,
    pub sentence_id: String,
    pub split: String,
    pub speaker: Option<SpanRef>,
    pub speaker_id: Option<String>,
    pub speaker_name: Option<String>,
    pub cue: Option<SpanRef>,
    pub content: String,
    pub char_start: i32,
    pub char_end: i32,
    pub kind: String,
    pub labelers: Vec<String>,
    pub confidence: f32,
    pub has_number: bool,
    pub has_date: bool,
    pub has_entity: bool,
    pub negated: bool,
}

/// A row of the `articles` table, borrowed from the article and its key: what
/// [`push_article`] hands to a [`RowSink`] ([`ArticleRow`] owns the same fields).
#[derive(Debug, Clone, Copy)]
pub struct ArticleView<'a> {
    pub article_id: &'a str,
    pub split: &'a str,
    pub story_id: &'a str,
    pub source_file: &'a str,
    pub source_line: Option<i64>,
    pub lang: &'a str,
    pub lang_confidence: f32,
    pub title: Option<&'a str>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<&'a str>,
    pub dateline: Option<&'a str>,
    pub url: Option<&'a str>,
    pub text: &'a str,
    pub n_sentences: i32,
    pub quality_flags: &'a [String],
    pub boilerplate: &'a [Zone],
    pub source_map: &'a [SourceAnchor],
}

/// A borrowed [`SentenceRow`].
#[derive(Debug, Clone, Copy)]
pub struct SentenceView<'a> {
    pub sentence_id: &'a str,
    pub article_id: &'a str,
    pub split: &'a str,
    pub index: i32,
    pub text: &'a str,
    pub lang: &'a str,
    pub char_start: i32,
    pub char_end: i32,
    pub byte_start: i32,
    pub byte_end: i32,
    pub source_byte_start: i64,
    pub source_byte_end: i64,
    pub token_bytes: &'a [(u32, u32)],
    pub token_starts: &'a [i32],
    pub token_ends: &'a [i32],
    pub ner_tags: &'a [i64],
}

impl<'a> SentenceView<'a> {
    /// The tokens, as written to the `tokens` column.
    pub fn tokens(&self) -> impl ExactSizeIterator<Item = &'a str> + use<'a> {
        let text = self.text;
        self.token_bytes
            .iter()
            .map(move |&(start, end)| &text[start as usize..end as usize])
    }
}

/// A borrowed [`EntityRow`].
#[derive(Debug, Clone, Copy)]
pub struct EntityView<'a> {
    pub entity_id: &'a str,
    pub article_id: &'a str,
    pub sentence_id: &'a str,
    pub split: &'a str,
    pub text: &'a str,
    pub label: &'a str,
    pub char_start: i32,
    pub char_end: i32,
    pub canonical_id: Option<&'a str>,
    pub canonical_name: Option<&'a str>,
    pub labelers: &'a [String],
    pub confidence: f32,
}

/// A borrowed [`SpanRef`].
#[derive(Debug, Clone, Copy)]
pub struct SpanView<'a> {
    pub sentence_id: &'a str,
    pub text: &'a str,
    pub char_start: i32,
    pub char_end: i32,
}

/// A borrowed [`ClaimRow`].
#[derive(Debug, Clone, Copy)]
pub struct ClaimView<'a> {
    pub claim_id: &'a str,
    pub article_id: &'a str,
    pub sentence_id: &'a str,
    pub split: &'a str,
    pub speaker: Option<SpanView<'a>>,
    pub speaker_id: Option<&'a str>,
    pub speaker_name: Option<&'a str>,
    pub cue: Option<SpanView<'a>>,
    pub content: &'a str,
    pub char_start: i32,
    pub char_end: i32,
    pub kind: &'a str,
    pub labelers: &'a [String],
    pub confidence: f32,
    pub has_number: bool,
    pub has_date: bool,
    pub has_entity: bool,
    pub negated: bool,
}

impl ArticleRow {
    pub fn view(&self) -> ArticleView<'_> {
        ArticleView {
            article_id: &self.article_id,
            split: &self.split,
            story_id: &self.story_id,
            source_file: &self.source_file,
            source_line: self.source_line,
            lang: &self.lang,
            lang_confidence: self.lang_confidence,
            title: self.title.as_deref(),
            published: self.published,
            outlet: self.outlet.as_deref(),
            dateline: self.dateline.as_deref(),
            url: self.url.as_deref(),
            text: &self.text,
            n_sentences: self.n_sentences,
            quality_flags: &self.quality_flags,
            boilerplate: &self.boilerplate,
            source_map: &self.source_map,
        }
    }
}

impl ArticleView<'_> {
    pub fn to_row(&self) -> ArticleRow {
        ArticleRow {
            article_id: self.article_id.to_string(),
            split: self.split.to_string(),
            story_id: self.story_id.to_string(),
            source_file: self.source_file.to_string(),
            source_line: self.source_line,
            lang: self.lang.to_string(),
            lang_confidence: self.lang_confidence,
            title: self.title.map(str::to_string),
            published: self.published,
            outlet: self.outlet.map(str::to_string),
            dateline: self.dateline.map(str::to_string),
            url: self.url.map(str::to_string),
            text: self.text.to_string(),
            n_sentences: self.n_sentences,
            quality_flags: self.quality_flags.to_vec(),
            boilerplate: self.boilerplate.to_vec(),
            source_map: self.source_map.to_vec(),
        }
    }
}

impl SentenceRow {
    pub fn view(&self) -> SentenceView<'_> {
        SentenceView {
            sentence_id: &self.sentence_id,
            article_id: &self.article_id,
            split: &self.split,
            index: self.index,
            text: &self.text,
            lang: &self.lang,
            char_start: self.char_start,
            char_end: self.char_end,
            byte_start: self.byte_start,
            byte_end: self.byte_end,
            source_byte_start: self.source_byte_start,
            source_byte_end: self.source_byte_end,
            token_bytes: &self.token_bytes,
            token_starts: &self.token_starts,
            token_ends: &self.token_ends,
            ner_tags: &self.ner_tags,
        }
    }
}

impl SentenceView<'_> {
    pub fn to_row(&self) -> SentenceRow {
        SentenceRow {
            sentence_id: self.sentence_id.to_string(),
            article_id: self.article_id.to_string(),
            split: self.split.to_string(),
            index: self.index,
            text: self.text.to_string(),
            lang: self.lang.to_string(),
            char_start: self.char_start,
            char_end: self.char_end,
            byte_start: self.byte_start,
            byte_end: self.byte_end,
            source_byte_start: self.source_byte_start,
            source_byte_end: self.source_byte_end,
            token_bytes: self.token_bytes.to_vec(),
            token_starts: self.token_starts.to_vec(),
            token_ends: self.token_ends.to_vec(),
            ner_tags: self.ner_tags.to_vec(),
        }
    }
}

impl EntityRow {
    pub fn view(&self) -> EntityView<'_> {
        EntityView {
            entity_id: &self.entity_id,
            article_id: &self.article_id,
            sentence_id: &self.sentence_id,
            split: &self.split,
            text: &self.text,
            label: &self.label,
            char_start: self.char_start,
            char_end: self.char_end,
            canonical_id: self.canonical_id.as_deref(),
            canonical_name: self.canonical_name.as_deref(),
            labelers: &self.labelers,
            confidence: self.confidence,
        }
    }
}

impl EntityView<'_> {
    pub fn to_row(&self) -> EntityRow {
        EntityRow {
            entity_id: self.entity_id.to_string(),
            article_id: self.article_id.to_string(),
            sentence_id: self.sentence_id.to_string(),
            split: self.split.to_string(),
            text: self.text.to_string(),
            label: self.label.to_string(),
            char_start: self.char_start,
            char_end: self.char_end,
            canonical_id: self.canonical_id.map(str::to_string),
            canonical_name: self.canonical_name.map(str::to_string),
            labelers: self.labelers.to_vec(),
            confidence: self.confidence,
        }
    }
}

impl SpanRef {
    pub fn view(&self) -> SpanView<'_> {
        SpanView {
            sentence_id: &self.sentence_id,
            text: &self.text,
            char_start: self.char_start,
            char_end: self.char_end,
        }
    }
}

impl SpanView<'_> {
    pub fn to_span(&self) -> SpanRef {
        SpanRef {
            sentence_id: self.sentence_id.to_string(),
            text: self.text.to_string(),
            char_start: self.char_start,
            char_end: self.char_end,
        }
    }
}

impl ClaimRow {
    pub fn view(&self) -> ClaimView<'_> {
        ClaimView {
            claim_id: &self.claim_id,
            article_id: &self.article_id,
            sentence_id: &self.sentence_id,
            split: &self.split,
            speaker: self.speaker.as_ref().map(SpanRef::view),
            speaker_id: self.speaker_id.as_deref(),
            speaker_name: self.speaker_name.as_deref(),
            cue: self.cue.as_ref().map(SpanRef::view),
            content: &self.content,
            char_start: self.char_start,
            char_end: self.char_end,
            kind: &self.kind,
            labelers: &self.labelers,
            confidence: self.confidence,
            has_number: self.has_number,
            has_date: self.has_date,
            has_entity: self.has_entity,
            negated: self.negated,
        }
    }
}

impl ClaimView<'_> {
    pub fn to_row(&self) -> ClaimRow {
        ClaimRow {
            claim_id: self.claim_id.to_string(),
            article_id: self.article_id.to_string(),
            sentence_id: self.sentence_id.to_string(),
            split: self.split.to_string(),
            speaker: self.speaker.as_ref().map(SpanView::to_span),
            speaker_id: self.speaker_id.map(str::to_string),
            speaker_name: self.speaker_name.map(str::to_string),
            cue: self.cue.as_ref().map(SpanView::to_span),
            content: self.content.to_string(),
            char_start: self.char_start,
            char_end: self.char_end,
            kind: self.kind.to_string(),
            labelers: self.labelers.to_vec(),
            confidence: self.confidence,
            has_number: self.has_number,
            has_date: self.has_date,
            has_entity: self.has_entity,
            negated: self.negated,
        }
    }
}

/// One knowledge-base entity, as shipped with the dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbRow {
    pub id: String,
    /// The entity type (`type` column).
    pub kind: String,
    pub name: String,
    pub wikidata: Option<String>,
    /// (language, name) pairs.
    pub aliases: Vec<(String, String)>,
}

/// An input that could not be used, as written to `rejects.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct RejectRow {
    pub source_file: String,
    /// 1-based line for JSONL inputs.
    pub source_line: Option<u64>,
    /// A stable, machine-readable reason, e.g. `invalid_json`, `missing_text`, `empty`.
    pub reason: String,
    /// A human-readable explanation.
    pub detail: String,
}

/// Where an article came from and where it goes; everything a row needs beyond the parse.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleKey {
    pub article_id: String,
    pub split: String,
    pub story_id: String,
    pub source_file: String,
    pub source_line: Option<u64>,
    pub url: Option<String>,
}

/// The rows of all four tables for some articles, in input order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TableRows {
    pub articles: Vec<ArticleRow>,
    pub sentences: Vec<SentenceRow>,
    pub entities: Vec<EntityRow>,
    pub claims: Vec<ClaimRow>,
}

/// Byte offset -> code point offset within one string. Only the characters of more than one
/// byte are recorded (none in ASCII text): a code point offset is the byte offset less the
/// continuation bytes before it.
struct CharIndex {
    len: usize,
    /// Start byte of each character of more than one byte, and the count of continuation
    /// bytes up to the end of that character.
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    fn new(s: &str) -> CharIndex {
        let mut wide = Vec::new();
        if !s.is_ascii() {
            let mut extra = 0;
            // The lead byte of a UTF-8 sequence tells its length.
            for (b, &lead) in s.as_bytes().iter().enumerate().filter(|(_, l)| **l >= 0xC0) {
                extra += match lead {
                    0xF0.. => 3,
                    0xE0.. => 2,
                    _ => 1,
                };
                wide.push((b, extra));
            }
        }
        CharIndex { len: s.len(), wide }
    }

    /// The index of the part `start..end` of the string (`start` on a character boundary):
    /// code point offsets within it are differences of offsets within the whole.
    fn part(&self, start: usize, end: usize) -> Part<'_> {
        Part {
            index: self,
            start,
            len: end - start,
            before: self.char_of(start),
        }
    }

    /// The number of characters that start before `byte`.
    fn char_of(&self, byte: usize) -> i32 {
        let byte = byte.min(self.len);
        self.char_at_wide(byte, self.wide.partition_point(|&(b, _)| b < byte))
    }

    /// [`CharIndex::char_of`] with a hint: `*k` is the count of wide characters before the
    /// previous byte asked for. Offsets asked in order (a sentence's tokens) move it forward
    /// a little each time, instead of a binary search over the whole article each.
    fn char_of_after(&self, byte: usize, k: &mut usize) -> i32 {
        let byte = byte.min(self.len);
        if *k > self.wide.len() || (*k > 0 && self.wide[*k - 1].0 >= byte) {
            *k = self.wide.partition_point(|&(b, _)| b < byte);
        } else {
            while *k < self.wide.len() && self.wide[*k].0 < byte {
                *k += 1;
            }
        }
        self.char_at_wide(byte, *k)
    }

    /// The code point offset of `byte`, `k` wide characters starting before it.
    fn char_at_wide(&self, byte: usize, k: usize) -> i32 {
        let continuation = match k {
            0 => 0,
            _ => {
                let (b, through) = self.wide[k - 1];
                let before = if k >= 2 { self.wide[k - 2].1 } else { 0 };
                // The last wide character may be cut by `byte`.
                before + (through - before).min(byte - b - 1)
            }
        };
        (byte - continuation) as i32
    }
}

/// A [`CharIndex`] of a part of its string.
struct Part<'a> {
    index: &'a CharIndex,
    start: usize,
    len: usize,
    before: i32,
}

impl Part<'_> {
    /// The number of characters of the part that start before its byte `byte`.
    fn char_of(&self, byte: usize) -> i32 {
        self.index.char_of(self.start + byte.min(self.len)) - self.before
    }

    /// [`Part::char_of`] of each of `bytes` into `out` (cleared first), fastest when they
    /// come in order.
    fn chars_of(&self, bytes: impl Iterator<Item = usize>, out: &mut Vec<i32>) {
        let mut k = self.index.wide.partition_point(|&(b, _)| b < self.start);
        out.clear();
        out.extend(bytes.map(|byte| {
            self.index
                .char_of_after(self.start + byte.min(self.len), &mut k)
                - self.before
        }));
    }
}

pub fn sentence_id(article_id: &str, index: usize) -> String {
    format!("{article_id}:{index:04}")
}

impl TableRows {
    pub fn append(&mut self, other: TableRows) {
        /// Moves `from` into an empty `to` rather than copying it: appending an article of a
        /// million sentences to empty rows held its rows twice.
        fn append<T>(to: &mut Vec<T>, mut from: Vec<T>) {
            if to.is_empty() {
                *to = from;
            } else {
                to.append(&mut from);
            }
        }
        append(&mut self.articles, other.articles);
        append(&mut self.sentences, other.sentences);
        append(&mut self.entities, other.entities);
        append(&mut self.claims, other.claims);
    }

    /// The rows of `parts` in order, each table's vector sized once: appending one part
    /// at a time grows them by doubling, a copy of the rows (and fresh pages) at each step.
    /// One part is moved, not copied (it may be an article of a million sentences).
    pub fn concat(mut parts: Vec<TableRows>) -> TableRows {
        if parts.len() <= 1 {
            return parts.pop().unwrap_or_default();
        }
        let mut all = TableRows {
            articles: Vec::with_capacity(parts.iter().map(|p| p.articles.len()).sum()),
            sentences: Vec::with_capacity(parts.iter().map(|p| p.sentences.len()).sum()),
            entities: Vec::with_capacity(parts.iter().map(|p| p.entities.len()).sum()),
            claims: Vec::with_capacity(parts.iter().map(|p| p.claims.len()).sum()),
        };
        // Each part is freed as soon as it is moved.
        for mut part in parts {
            all.articles.append(&mut part.articles);
            all.sentences.append(&mut part.sentences);
            all.entities.append(&mut part.entities);
            all.claims.append(&mut part.claims);
        }
        all
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The rows of one labelled article (see [`push_article`]).
    pub fn from_article(
        key: &ArticleKey,
        article: &Article,
        entities: &[Entity],
        claims: &[Claim],
    ) -> TableRows {
        // Sized up front: a growing vector of a million sentence rows briefly held its rows
        // one and a half times over.
        let mut rows = TableRows {
            articles: Vec::with_capacity(1),
            sentences: Vec::with_capacity(article.sentences.len()),
            entities: Vec::with_capacity(entities.len()),
            claims: Vec::with_capacity(claims.len()),
        };
        push_article(&mut rows, key, article, entities, claims);
        rows
    }
}

impl RowSink for TableRows {
    fn article(&mut self, row: ArticleView<'_>) {
        self.articles.push(row.to_row());
    }
    fn sentence(&mut self, row: SentenceView<'_>) {
        self.sentences.push(row.to_row());
    }
    fn entity(&mut self, row: EntityView<'_>) {
        self.entities.push(row.to_row());
    }
    fn claim(&mut self, row: ClaimView<'_>) {
        self.claims.push(row.to_row());
    }
}

/// Where [`push_article`] puts an article's rows: owned rows ([`TableRows`]), or Arrow
/// builders ([`crate::columns::SplitColumns`]), which copy each string once, straight from
/// the article, instead of into a row and then into a column.
pub trait RowSink {
    fn article(&mut self, row: ArticleView<'_>);
    fn sentence(&mut self, row: SentenceView<'_>);
    fn entity(&mut self, row: EntityView<'_>);
    fn claim(&mut self, row: ClaimView<'_>);
}

/// Why `article` cannot be made into rows, if it cannot: a sentence or a token whose offsets
/// do not index the text on character boundaries. [`push_article`] slices by them; a caller
/// checks first, before any row is pushed, so that a bug of a stage that made such offsets
/// rejects the one article instead of panicking with its rows half-written.
pub fn unfit_for_rows(article: &Article) -> Option<String> {
    let fits = |text: &str, start: usize, end: usize| {
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    for (i, s) in article.sentences.iter().enumerate() {
        if !fits(&article.text, s.start, s.end) {
            return Some(format!(
                "sentence {i} has bytes {}..{}, which do not index the text of {} bytes on character boundaries",
                s.start,
                s.end,
                article.text.len()
            ));
        }
        let text = article.sentence_text(s);
        if let Some((k, t)) = s
            .tokens
            .iter()
            .enumerate()
            .find(|(_, t)| !fits(text, t.start, t.end))
        {
            return Some(format!(
                "token {k} of sentence {i} has bytes {}..{}, which do not index the sentence of {} bytes on character boundaries",
                t.start,
                t.end,
                text.len()
            ));
        }
    }
    None
}

/// Makes the rows of one labelled article, passing each to `sink` as a view of the article,
/// its labels and `key`. Entities and claims whose offsets do not index their sentence are
/// dropped rather than written wrong (labelers are expected not to make them).
pub fn push_article<S: RowSink + ?Sized>(
    sink: &mut S,
    key: &ArticleKey,
    article: &Article,
    entities: &[Entity],
    claims: &[Claim],
) {
    let article_chars = CharIndex::new(&article.text);
    let sentence_chars: Vec<Part> = article
        .sentences
        .iter()
        .map(|s| article_chars.part(s.start, s.end))
        .collect();
    let sentence_ids: Vec<String> = (0..article.sentences.len())
        .map(|i| sentence_id(&key.article_id, i))
        .collect();
    let valid_span = |sentence: usize, start: usize, end: usize| {
        article.sentences.get(sentence).is_some_and(|s| {
            let text = article.sentence_text(s);
            start < end
                && end <= text.len()
                && text.is_char_boundary(start)
                && text.is_char_boundary(end)
        })
    };

    // Each sentence's entities, in their order (a scan of all entities per sentence is
    // quadratic on a long article).
    let mut entities_of: Vec<Vec<&Entity>> = vec![Vec::new(); article.sentences.len()];
    for e in entities {
        if let Some(list) = entities_of.get_mut(e.sentence) {
            list.push(e);
        }
    }
    // One buffer of each per article, not a vector of each per sentence.
    let mut ner_tags: Vec<i64> = Vec::new();
    let mut token_bytes: Vec<(u32, u32)> = Vec::new();
    let mut token_starts: Vec<i32> = Vec::new();
    let mut token_ends: Vec<i32> = Vec::new();
    for (i, s) in article.sentences.iter().enumerate() {
        let text = article.sentence_text(s);
        let chars = &sentence_chars[i];
        let (source_start, source_end) = article.source_range(s.start, s.end);
        ner_tags.clear();
        ner_tags.resize(s.tokens.len(), 0);
        // Tokens in order without overlap (as the parser makes them): an entity's tokens
        // are found by binary search, not by a scan of the sentence per entity (a text
        // without punctuation makes sentences of thousands of tokens).
        let ordered = s.tokens.windows(2).all(|w| w[0].end <= w[1].start);
        for e in entities_of[i].iter().copied() {
            let mut first = true;
            let near = if ordered {
                let lo = s.tokens.partition_point(|t| t.end <= e.start);
                lo..lo + s.tokens[lo..].partition_point(|t| t.start < e.end)
            } else {
                0..s.tokens.len()
            };
            for (t, tok) in s.tokens.iter().enumerate().take(near.end).skip(near.start) {
                if tok.start < e.end && tok.end > e.start && ner_tags[t] == 0 {
                    ner_tags[t] = e.label.begin_tag() + if first { 0 } else { 1 };
                    first = false;
                }
            }
        }
        token_bytes.clear();
        token_bytes.extend(s.tokens.iter().map(|t| (t.start as u32, t.end as u32)));
        chars.chars_of(s.tokens.iter().map(|t| t.start), &mut token_starts);
        chars.chars_of(s.tokens.iter().map(|t| t.end), &mut token_ends);
        sink.sentence(SentenceView {
            sentence_id: &sentence_ids[i],
            article_id: &key.article_id,
            split: &key.split,
            index: i as i32,
            text,
            lang: s.lang.as_deref().unwrap_or(&article.lang),
            char_start: article_chars.char_of(s.start),
            char_end: article_chars.char_of(s.end),
            byte_start: s.start as i32,
            byte_end: s.end as i32,
            source_byte_start: source_start as i64,
            source_byte_end: source_end as i64,
            token_bytes: &token_bytes,
            token_starts: &token_starts,
            token_ends: &token_ends,
            ner_tags: &ner_tags,
        });
    }

    let span_view = |m: &Mention| -> Option<SpanView<'_>> {
        if !valid_span(m.sentence, m.start, m.end) {
            return None;
        }
        let text = article.sentence_text(&article.sentences[m.sentence]);
        Some(SpanView {
            sentence_id: &sentence_ids[m.sentence],
            text: &text[m.start..m.end],
            char_start: sentence_chars[m.sentence].char_of(m.start),
            char_end: sentence_chars[m.sentence].char_of(m.end),
        })
    };

    let mut id = String::new();
    for (n, e) in entities
        .iter()
        .filter(|e| valid_span(e.sentence, e.start, e.end))
        .enumerate()
    {
        let text = article.sentence_text(&article.sentences[e.sentence]);
        numbered_id(&mut id, &key.article_id, 'e', n);
        sink.entity(EntityView {
            entity_id: &id,
            article_id: &key.article_id,
            sentence_id: &sentence_ids[e.sentence],
            split: &key.split,
            text: &text[e.start..e.end],
            label: e.label.as_str(),
            char_start: sentence_chars[e.sentence].char_of(e.start),
            char_end: sentence_chars[e.sentence].char_of(e.end),
            canonical_id: e.canonical_id.as_deref(),
            canonical_name: e.canonical_name.as_deref(),
            labelers: &e.labelers,
            confidence: e.confidence,
        });
    }

    for (n, c) in claims
        .iter()
        .filter(|c| valid_span(c.sentence, c.start, c.end))
        .enumerate()
    {
        let text = article.sentence_text(&article.sentences[c.sentence]);
        numbered_id(&mut id, &key.article_id, 'c', n);
        sink.claim(ClaimView {
            claim_id: &id,
            article_id: &key.article_id,
            sentence_id: &sentence_ids[c.sentence],
            split: &key.split,
            speaker: c.speaker.as_ref().and_then(span_view),
            speaker_id: c.speaker.as_ref().and_then(|m| m.canonical_id.as_deref()),
            speaker_name: c.speaker.as_ref().and_then(|m| m.canonical_name.as_deref()),
            cue: c.cue.as_ref().and_then(span_view),
            content: &text[c.start..c.end],
            char_start: sentence_chars[c.sentence].char_of(c.start),
            char_end: sentence_chars[c.sentence].char_of(c.end),
            kind: c.kind.as_str(),
            labelers: &c.labelers,
            confidence: c.confidence,
            has_number: c.has_number,
            has_date: c.has_date,
            has_entity: c.has_entity,
            negated: c.negated,
        });
    }

    sink.article(ArticleView {
        article_id: &key.article_id,
        split: &key.split,
        story_id: &key.story_id,
        source_file: &key.source_file,
        source_line: key.source_line.map(|l| l as i64),
        lang: &article.lang,
        lang_confidence: article.lang_confidence,
        title: article.title.as_deref(),
        published: article.published,
        outlet: article.outlet.as_deref(),
        dateline: article.dateline.as_deref(),
        url: key.url.as_deref(),
        text: &article.text,
        n_sentences: article.sentences.len() as i32,
        quality_flags: &article.quality_flags,
        boilerplate: &article.zones,
        source_map: &article.source_map,
    });
}

/// `{article_id}:{kind}{n:04}` (an entity's or claim's id) into `buf`.
fn numbered_id(buf: &mut String, article_id: &str, kind: char, n: usize) {
    use std::fmt::Write;
    buf.clear();
    write!(buf, "{article_id}:{kind}{n:04}").expect("writing to a String");
}

/// BIO tag names in class-id order, for the `ner_tags` ClassLabel.
pub fn ner_tag_names() -> Vec<String> {
    EntityType::bio_names()
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn char_index_counts_code_points() {
        for s in ["", "plain", "Bakû’s «أذربيجانُ» 👍🏽 x", "ééé"] {
            let index = CharIndex::new(s);
            for byte in 0..=s.len() + 2 {
                let want = s.char_indices().filter(|&(b, _)| b < byte).count() as i32;
                assert_eq!(index.char_of(byte), want, "{s:?} {byte}");
            }
            for (start, _) in s.char_indices() {
                let part = index.part(start, s.len());
                let alone = CharIndex::new(&s[start..]);
                for byte in 0..=s.len() - start + 2 {
                    assert_eq!(
                        part.char_of(byte),
                        alone.char_of(byte),
                        "{s:?} {start} {byte}"
                    );
                }
                // In order, out of order, repeated: as one at a time.
                let len = s.len() - start + 2;
                for bytes in [
                    (0..=len).collect::<Vec<_>>(),
                    (0..=len).rev().collect(),
                    (0..=len).map(|b| (b * 7) % (len + 1)).collect(),
                    (0..=len).flat_map(|b| [b, b, b / 2]).collect(),
                ] {
                    let one_at_a_time: Vec<i32> = bytes.iter().map(|&b| part.char_of(b)).collect();
                    let mut in_one_walk = vec![-1; 3];
                    part.chars_of(bytes.iter().copied(), &mut in_one_walk);
                    assert_eq!(in_one_walk, one_at_a_time, "{s:?} {start} {bytes:?}");
                }
            }
        }
    }
}
