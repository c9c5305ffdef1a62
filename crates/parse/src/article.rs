//! A first, simple reading of an article: lines become paragraphs, sentencex finds sentences,
//! UAX #29 word boundaries give tokens. The careful reader (zones, repairs, metadata) replaces
//! this.

use records::{Article, RawArticle, Sentence, SourceAnchor, Token};
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("the article has no prose left after cleaning")]
    NoProse,
}

impl ParseError {
    pub fn reason(&self) -> &'static str {
        match self {
            ParseError::NoProse => "no_prose",
        }
    }
}

pub fn parse_article(raw: &RawArticle) -> Result<Article, ParseError> {
    let mut text = String::new();
    let mut source_map = Vec::new();
    let mut offset = 0;
    for line in raw.text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            if !text.is_empty() {
                text.push('\n');
            }
            source_map.push(SourceAnchor {
                text_byte: text.len(),
                source_byte: offset + lead,
            });
            text.push_str(trimmed);
        }
        offset += line.len();
    }
    if text.is_empty() {
        return Err(ParseError::NoProse);
    }
    let (lang, lang_confidence) = match &raw.given.lang {
        Some(lang) => (lang.clone(), 1.0),
        None => whatlang::detect(&text)
            .map(|info| (iso639_1(info.lang()).to_string(), info.confidence() as f32))
            .unwrap_or_else(|| ("und".to_string(), 0.0)),
    };
    let mut sentences = Vec::new();
    for b in sentencex::get_sentence_boundaries(&lang, &text) {
        let s = &text[b.start_byte..b.end_byte];
        let start = b.start_byte + (s.len() - s.trim_start().len());
        let end = b.start_byte + s.trim_end().len();
        if start >= end {
            continue;
        }
        let tokens = text[start..end]
            .split_word_bound_indices()
            .filter(|(_, w)| !w.trim().is_empty())
            .map(|(i, w)| Token {
                start: i,
                end: i + w.len(),
            })
            .collect();
        sentences.push(Sentence {
            start,
            end,
            lang: None,
            tokens,
        });
    }
    Ok(Article {
        text,
        source_map,
        title: raw.given.title.clone(),
        published: None,
        outlet: raw.given.source.clone(),
        dateline: None,
        copyright_year: None,
        lang,
        lang_confidence,
        zones: vec![],
        quality_flags: raw.input_flags.clone(),
        sentences,
    })
}

fn iso639_1(lang: whatlang::Lang) -> &'static str {
    match lang {
        whatlang::Lang::Eng => "en",
        whatlang::Lang::Ind => "id",
        whatlang::Lang::Ara => "ar",
        other => other.code(),
    }
}
