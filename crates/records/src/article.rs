//! Articles as read from input and as understood by the parser.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Fields an input may state about an article (JSONL inputs). Given fields win over what
/// parsing infers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GivenFields {
    pub id: Option<String>,
    pub title: Option<String>,
    pub lang: Option<String>,
    /// As written in the input; the parser normalises it.
    pub published: Option<String>,
    /// The outlet or publisher.
    pub source: Option<String>,
    pub url: Option<String>,
}

/// One article as it comes from an input file, before any understanding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawArticle {
    /// Path of the input file, as the user named it (relative paths stay relative).
    pub source_file: String,
    /// 1-based line number for JSONL inputs; `None` for one-article files.
    pub source_line: Option<u64>,
    /// The article text, decoded to UTF-8. Source byte offsets everywhere index this string:
    /// for a plain UTF-8 `.txt` file without BOM it is the file's bytes unchanged.
    pub text: String,
    pub given: GivenFields,
    /// Repairs the reader made while decoding (e.g. `utf8_bom_removed`), carried into the
    /// article's quality flags.
    pub input_flags: Vec<String>,
}

/// A piece of the raw text that is not article prose (a timestamp line, a share counter,
/// teasers of other stories, credits), kept so that nothing is dropped unseen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Zone {
    /// What the zone is, e.g. `timestamp`, `dateline`, `share_counter`, `duplicate_title`,
    /// `teasers`, `credits`, `copyright`, `navigation`.
    pub kind: String,
    pub source_byte_start: usize,
    pub source_byte_end: usize,
}

/// Maps cleaned text back to the raw input: from `text_byte` on, text bytes correspond
/// one-to-one to source bytes starting at `source_byte`, up to the next anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceAnchor {
    pub text_byte: usize,
    pub source_byte: usize,
}

/// A token: byte offsets into its sentence's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

/// A sentence: byte offsets into [`Article::text`].
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// The sentence's language where it differs from the article's; `None` otherwise.
    pub lang: Option<String>,
    pub tokens: Vec<Token>,
}

/// An article as the parser understands it.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The article's own prose, cleaned: no boilerplate, NFC, normalised whitespace.
    pub text: String,
    /// Sorted by `text_byte`; the first anchor has `text_byte == 0` when `text` is not empty.
    pub source_map: Vec<SourceAnchor>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub dateline: Option<String>,
    /// Year stated by a copyright line ("Copyright © ANTARA 2022"): a hint to place dates.
    pub copyright_year: Option<i32>,
    /// ISO 639-1 code where one exists, else ISO 639-3; `und` when unknown.
    pub lang: String,
    pub lang_confidence: f32,
    pub zones: Vec<Zone>,
    /// Names of the repairs made, e.g. `nfc`, `whitespace`, `drop_cap`, `duplicate_title`.
    pub quality_flags: Vec<String>,
    pub sentences: Vec<Sentence>,
}

impl Article {
    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        &self.text[sentence.start..sentence.end]
    }

    /// Source byte of a byte offset into `text` (offsets past the last anchor continue it).
    pub fn source_byte(&self, text_byte: usize) -> usize {
        let i = self
            .source_map
            .partition_point(|a| a.text_byte <= text_byte);
        match i.checked_sub(1).map(|i| self.source_map[i]) {
            Some(a) => a.source_byte + (text_byte - a.text_byte),
            None => text_byte,
        }
    }

    /// Source byte range of a text byte range whose end is exclusive: the end maps through
    /// its last byte so that a range ending at an edit point does not run into the next piece.
    pub fn source_range(&self, start: usize, end: usize) -> (usize, usize) {
        if end <= start {
            let s = self.source_byte(start);
            return (s, s);
        }
        (self.source_byte(start), self.source_byte(end - 1) + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, map: &[(usize, usize)]) -> Article {
        Article {
            text: text.into(),
            source_map: map
                .iter()
                .map(|&(t, s)| SourceAnchor {
                    text_byte: t,
                    source_byte: s,
                })
                .collect(),
            title: None,
            published: None,
            outlet: None,
            dateline: None,
            copyright_year: None,
            lang: "en".into(),
            lang_confidence: 1.0,
            zones: vec![],
            quality_flags: vec![],
            sentences: vec![],
        }
    }

    #[test]
    fn source_map_is_piecewise_linear() {
        // source "TITLE\nxx  Hello world" -> text "Hello world" with pieces at 0->10
        let a = article("Hello world", &[(0, 10), (6, 17)]);
        assert_eq!(a.source_byte(0), 10);
        assert_eq!(a.source_byte(5), 15);
        assert_eq!(a.source_byte(6), 17);
        assert_eq!(a.source_range(0, 5), (10, 15));
        assert_eq!(a.source_range(6, 11), (17, 22));
    }
}
