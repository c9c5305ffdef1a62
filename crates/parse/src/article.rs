//! The careful reader: raw article -> lines -> zones -> repaired prose text with a source map
//! -> metadata, language, sentences and tokens.

use crate::clean::{Builder, doubled_title, push_line};
use crate::dates::parse_given_date;
use crate::lines::{Line, split_lines};
use crate::zones::{Kind, classify, zones};
use crate::{lang, meta, sentences, tokens};
use records::{Article, RawArticle, Sentence, Zone};

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

/// A bounded prefix of `s` (on a char boundary), for cheap look-ups at the top of an article.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

pub fn parse_article(raw: &RawArticle) -> Result<Article, ParseError> {
    let src = raw.text.as_str();
    let lines = split_lines(src);

    // An outlet named at the top helps to recognise teasers of the same outlet.
    let top = prefix(src, 4096);
    let outlet_hint = raw
        .given
        .source
        .clone()
        .or_else(|| {
            let first = lines
                .iter()
                .find(|l| !l.is_blank() && l.trim_start < top.len());
            first.and_then(|l| meta::dateline(l.text(src)).and_then(|d| d.outlet))
        })
        .or_else(|| meta::attributed_outlet(top));
    let layout = classify(src, &lines, outlet_hint.as_deref());
    let prose: Vec<usize> = (0..lines.len())
        .filter(|&i| layout.kinds[i] == Kind::Prose)
        .collect();
    if prose.is_empty() {
        return Err(ParseError::NoProse);
    }

    // Language: given, else detected on the prose lines.
    let (lang, lang_confidence) = match raw.given.lang.as_deref().map(lang::normalise_given) {
        Some(l) if l != "und" => (l, 1.0),
        _ => {
            let mut sample = String::new();
            for &i in &prose {
                if sample.len() > 8192 {
                    break;
                }
                sample.push_str(lines[i].text(src));
                sample.push('\n');
            }
            lang::detect(&sample)
        }
    };

    // The prose text, repaired.
    let mut b = Builder::new();
    let mut extra_zones: Vec<Zone> = Vec::new();
    let mut first_body = true;
    let mut prev: Option<Line> = None;
    for &i in &prose {
        let mut line = lines[i];
        if let Some(p) = prev {
            b.edit(p.trim_end, "\n");
        }
        let is_title = layout.title == Some(i);
        if is_title && let Some(first_len) = doubled_title(line.text(src)) {
            let rest = &src[line.trim_start + first_len..line.trim_end];
            let lead = rest.len() - rest.trim_start().len();
            extra_zones.push(Zone {
                kind: "duplicate_title".into(),
                source_byte_start: line.trim_start + first_len + lead,
                source_byte_end: line.trim_end,
            });
            b.flags.insert("duplicate_title");
            line.trim_end = line.trim_start + first_len;
        }
        push_line(&mut b, src, &line, &lang, first_body && !is_title);
        if !is_title {
            first_body = false;
        }
        prev = Some(line);
    }
    if layout.kinds.contains(&Kind::Zone("duplicate_title")) {
        b.flags.insert("duplicate_title");
    }
    let text = std::mem::take(&mut b.text);

    // Metadata.
    let title_text = layout
        .title
        .map(|_| text.split('\n').next().unwrap_or("").to_string());
    let body_start = if layout.title.is_some() {
        text.find('\n').map(|i| i + 1).unwrap_or(text.len())
    } else {
        0
    };
    let first_para = text[body_start..].split('\n').next().unwrap_or("");
    let dl = meta::dateline(first_para);
    let mut published = None;
    let mut copyright_year = None;
    let mut copyright_holder = None;
    for (l, k) in lines.iter().zip(&layout.kinds) {
        match k {
            Kind::Zone("timestamp") | Kind::Zone("share_counter") if published.is_none() => {
                published = crate::dates::find_dates(l.text(src))
                    .first()
                    .map(|f| f.date);
            }
            Kind::Zone("copyright") => {
                let (y, h) = meta::copyright(l.text(src));
                copyright_year = y.or(copyright_year);
                copyright_holder = h.or(copyright_holder);
            }
            _ => {}
        }
    }
    let published = raw
        .given
        .published
        .as_deref()
        .and_then(parse_given_date)
        .or(published)
        .or(dl.as_ref().and_then(|d| d.date));
    let outlet = raw
        .given
        .source
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| dl.as_ref().and_then(|d| d.outlet.clone()))
        .or_else(|| meta::attributed_outlet(prefix(&text, 4096)))
        .or(copyright_holder);
    let title = raw
        .given
        .title
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or(title_text);

    // Sentences and tokens.
    let mut sents = Vec::new();
    for (s, e) in sentences::segment(&text, &lang) {
        let st = &text[s..e];
        let slang = lang::detect_sentence(st).filter(|l| *l != lang);
        sents.push(Sentence {
            start: s,
            end: e,
            lang: slang,
            tokens: tokens::tokenize(st, &lang),
        });
    }

    let mut all_zones = zones(&lines, &layout.kinds);
    all_zones.extend(extra_zones);
    all_zones.sort_by_key(|z| (z.source_byte_start, z.source_byte_end));

    let mut quality_flags = raw.input_flags.clone();
    quality_flags.extend(b.flags.iter().map(|f| f.to_string()));

    Ok(Article {
        text,
        source_map: b.map,
        title,
        published,
        outlet,
        dateline: dl.map(|d| d.place),
        copyright_year,
        lang,
        lang_confidence,
        zones: all_zones,
        quality_flags,
        sentences: sents,
    })
}
