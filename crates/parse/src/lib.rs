//! Reading and understanding articles: raw bytes in, [`records::Article`] out.
//!
//! * [`input`] decodes input bytes (plain text files, JSONL lines) into [`records::RawArticle`]s,
//!   or a typed [`InputError`] that names the reason.
//! * [`parse_article`] turns a raw article into a clean article, in stages:
//!   `lines` (every line end) -> `zones` (timestamps, counters, credits, copyright,
//!   navigation, duplicate title, teasers vs prose; the title) -> `clean` (NFC, whitespace,
//!   drop cap, doubled title, with an exact source map) -> `meta` and `dates` (title,
//!   published, outlet, dateline, copyright year) -> `lang` -> `sentences` -> `tokens`.
//!   Per-language rules are data files under `datasets/parse/`, compiled in by `rules`.
//!
//! This crate never does I/O, never panics on any input, and never drops text unseen: what is
//! not article prose is recorded as a zone. It is deterministic and keeps no mutable global
//! state (only lazily built, immutable tables and regexes).

mod article;
pub mod chars;
mod clean;
mod dates;
pub mod input;
mod lang;
mod lang_scores;
mod lines;
mod meta;
mod rules;
mod sentences;
#[cfg(any(test, feature = "testing"))]
#[doc(hidden)]
pub mod testing;
mod tokens;
mod zones;

pub use article::{MAX_ARTICLE_SENTENCES, ParseError, parse_article};
pub use input::{InputError, MAX_ARTICLE_BYTES, decode_text, read_jsonl_line};

/// Segmenter baselines, exposed for the gold measurement in `tests/gold.rs`.
#[doc(hidden)]
pub mod baselines {
    /// Raw `sentencex` spans of a text (per paragraph), without our rules.
    pub fn sentencex(text: &str, lang: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut off = 0;
        for p in text.split('\n') {
            out.extend(
                crate::sentences::sentencex_spans(p, lang)
                    .into_iter()
                    .map(|(s, e)| (off + s, off + e)),
            );
            off += p.len() + 1;
        }
        out
    }

    /// Plain UAX #29 sentence spans (per paragraph), trimmed.
    pub fn uax29(text: &str) -> Vec<(usize, usize)> {
        use unicode_segmentation::UnicodeSegmentation;
        let mut out = Vec::new();
        let mut off = 0;
        for p in text.split('\n') {
            for (i, s) in p.split_sentence_bound_indices() {
                let lead = s.len() - s.trim_start().len();
                let t = s.trim();
                if !t.is_empty() {
                    out.push((off + i + lead, off + i + lead + t.len()));
                }
            }
            off += p.len() + 1;
        }
        out
    }
}
