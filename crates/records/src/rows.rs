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
    /// Each token's byte range in `text` (see [`SentenceRow::tokens`]): tokens are always
    /// slices of their sentence, and a `String` per token was a fifth of the cost of turning
    /// an article into rows.
    pub token_bytes: Vec<(u32, u32)>,
    pub token_starts: Vec<i32>,
    pub token_ends: Vec<i32>,
    /// Class ids into [`EntityType::bio_names`].
    pub ner_tags: Vec<i64>,
}

impl SentenceRow {
    /// The tokens, as written to the `tokens` column.
    pub fn tokens(&self) -> impl ExactSizeIterator<Item = &str> {
        self.token_bytes
            .iter()
            .map(|&(start, end)| &self.text[start as usize..end as usize])
    }
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

    /// [`Part::char_of`] of each of `bytes`, fastest when they come in order.
    fn chars_of(&self, bytes: impl Iterator<Item = usize>) -> Vec<i32> {
        let mut k = self.index.wide.partition_point(|&(b, _)| b < self.start);
        bytes
            .map(|byte| {
                self.index
                    .char_of_after(self.start + byte.min(self.len), &mut k)
                    - self.before
            })
            .collect()
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

    /// The rows of one labelled article. Entities and claims whose offsets do not index their
    /// sentence are dropped rather than written wrong (labelers are expected not to make them).
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
        for (i, s) in article.sentences.iter().enumerate() {
            let text = article.sentence_text(s);
            let chars = &sentence_chars[i];
            let (source_start, source_end) = article.source_range(s.start, s.end);
            let mut ner_tags = vec![0i64; s.tokens.len()];
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
            rows.sentences.push(SentenceRow {
                sentence_id: sentence_ids[i].clone(),
                article_id: key.article_id.clone(),
                split: key.split.clone(),
                index: i as i32,
                text: text.to_string(),
                lang: s.lang.clone().unwrap_or_else(|| article.lang.clone()),
                char_start: article_chars.char_of(s.start),
                char_end: article_chars.char_of(s.end),
                byte_start: s.start as i32,
                byte_end: s.end as i32,
                source_byte_start: source_start as i64,
                source_byte_end: source_end as i64,
                token_bytes: s
                    .tokens
                    .iter()
                    .map(|t| (t.start as u32, t.end as u32))
                    .collect(),
                token_starts: chars.chars_of(s.tokens.iter().map(|t| t.start)),
                token_ends: chars.chars_of(s.tokens.iter().map(|t| t.end)),
                ner_tags,
            });
        }

        let span_ref = |m: &Mention| -> Option<SpanRef> {
            if !valid_span(m.sentence, m.start, m.end) {
                return None;
            }
            let text = article.sentence_text(&article.sentences[m.sentence]);
            Some(SpanRef {
                sentence_id: sentence_ids[m.sentence].clone(),
                text: text[m.start..m.end].to_string(),
                char_start: sentence_chars[m.sentence].char_of(m.start),
                char_end: sentence_chars[m.sentence].char_of(m.end),
            })
        };

        for e in entities
            .iter()
            .filter(|e| valid_span(e.sentence, e.start, e.end))
        {
            let text = article.sentence_text(&article.sentences[e.sentence]);
            let n = rows.entities.len();
            rows.entities.push(EntityRow {
                entity_id: format!("{}:e{n:04}", key.article_id),
                article_id: key.article_id.clone(),
                sentence_id: sentence_ids[e.sentence].clone(),
                split: key.split.clone(),
                text: text[e.start..e.end].to_string(),
                label: e.label.as_str().to_string(),
                char_start: sentence_chars[e.sentence].char_of(e.start),
                char_end: sentence_chars[e.sentence].char_of(e.end),
                canonical_id: e.canonical_id.clone(),
                canonical_name: e.canonical_name.clone(),
                labelers: e.labelers.clone(),
                confidence: e.confidence,
            });
        }

        for c in claims
            .iter()
            .filter(|c| valid_span(c.sentence, c.start, c.end))
        {
            let text = article.sentence_text(&article.sentences[c.sentence]);
            let n = rows.claims.len();
            rows.claims.push(ClaimRow {
                claim_id: format!("{}:c{n:04}", key.article_id),
                article_id: key.article_id.clone(),
                sentence_id: sentence_ids[c.sentence].clone(),
                split: key.split.clone(),
                speaker: c.speaker.as_ref().and_then(span_ref),
                speaker_id: c.speaker.as_ref().and_then(|m| m.canonical_id.clone()),
                speaker_name: c.speaker.as_ref().and_then(|m| m.canonical_name.clone()),
                cue: c.cue.as_ref().and_then(span_ref),
                content: text[c.start..c.end].to_string(),
                char_start: sentence_chars[c.sentence].char_of(c.start),
                char_end: sentence_chars[c.sentence].char_of(c.end),
                kind: c.kind.as_str().to_string(),
                labelers: c.labelers.clone(),
                confidence: c.confidence,
                has_number: c.has_number,
                has_date: c.has_date,
                has_entity: c.has_entity,
                negated: c.negated,
            });
        }

        rows.articles.push(ArticleRow {
            article_id: key.article_id.clone(),
            split: key.split.clone(),
            story_id: key.story_id.clone(),
            source_file: key.source_file.clone(),
            source_line: key.source_line.map(|l| l as i64),
            lang: article.lang.clone(),
            lang_confidence: article.lang_confidence,
            title: article.title.clone(),
            published: article.published,
            outlet: article.outlet.clone(),
            dateline: article.dateline.clone(),
            url: key.url.clone(),
            text: article.text.clone(),
            n_sentences: article.sentences.len() as i32,
            quality_flags: article.quality_flags.clone(),
            boilerplate: article.zones.clone(),
            source_map: article.source_map.clone(),
        });
        rows
    }
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
                    assert_eq!(
                        part.chars_of(bytes.iter().copied()),
                        one_at_a_time,
                        "{s:?} {start} {bytes:?}"
                    );
                }
            }
        }
    }
}
