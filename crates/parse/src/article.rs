//! The careful reader: raw article -> lines -> zones -> repaired prose text with a source map
//! -> metadata, language, sentences and tokens.

use crate::chars::prefix;
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
    #[error(
        "the article splits into {0} sentences, over the limit of {MAX_ARTICLE_SENTENCES} for one article (a word list or a one-token-per-line file is not an article)"
    )]
    TooManySentences(usize),
}

impl ParseError {
    pub fn reason(&self) -> &'static str {
        match self {
            ParseError::NoProse => "no_prose",
            ParseError::TooManySentences(_) => "too_many_sentences",
        }
    }
}

/// The most sentences one article may have. Each sentence costs some hundreds of bytes while
/// the article is labelled (its tokens, spans and rows) whatever its length, so text of
/// one-word lines costs 100-200 times its bytes: one 4 MB file of them (1.2 million
/// "sentences") took 868 MiB, and three 1.1 GB, where the 1 GB benchmark corpus peaks at
/// ~210 MiB. The longest real news articles have a few thousand sentences; a 4 MiB article
/// (the byte limit) of ordinary prose some 35,000.
pub const MAX_ARTICLE_SENTENCES: usize = 100_000;

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
            b.edit(p.trim_end, p.trim_end + 1, "\n");
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
    // A dateline opening the first paragraph, else one on a line of its own.
    let dl = meta::dateline(first_para).or_else(|| {
        lines
            .iter()
            .zip(&layout.kinds)
            .find(|(_, k)| **k == Kind::Zone("dateline"))
            .and_then(|(l, _)| {
                let line = l.text(src);
                meta::dateline_line(line).or_else(|| meta::place_line(line))
            })
    });
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
        .or_else(|| meta::address_opening(first_para))
        .or_else(|| meta::attributed_outlet(prefix(&text, 4096)))
        .or(copyright_holder);
    let title = raw
        .given
        .title
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or(title_text);

    // Sentences and tokens.
    let spans = sentences::segment(&text, &lang);
    if spans.len() > MAX_ARTICLE_SENTENCES {
        return Err(ParseError::TooManySentences(spans.len()));
    }
    let mut sents = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        let st = &text[s..e];
        let slang = lang::foreign_sentence(st, &lang);
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

#[cfg(test)]
mod tests {
    use super::*;
    use records::GivenFields;

    fn raw(text: &str) -> RawArticle {
        RawArticle {
            source_file: "t.txt".into(),
            source_line: None,
            text: text.into(),
            given: GivenFields::default(),
            input_flags: vec![],
        }
    }

    /// Every sentence maps back to raw bytes equal to it up to whitespace and NFC.
    fn check_map(r: &RawArticle, a: &Article) {
        use unicode_normalization::UnicodeNormalization;
        let squeeze = |s: &str| -> String { s.nfc().filter(|c| !c.is_whitespace()).collect() };
        for s in &a.sentences {
            let (rs, re) = a.source_range(s.start, s.end);
            assert!(rs <= re && re <= r.text.len());
            assert!(r.text.is_char_boundary(rs) && r.text.is_char_boundary(re));
            assert_eq!(squeeze(&r.text[rs..re]), squeeze(a.sentence_text(s)));
            for t in &s.tokens {
                assert!(t.start < t.end && t.end <= s.end - s.start);
            }
        }
    }

    #[test]
    fn never_panics_on_odd_inputs() {
        let long_word = "kata".repeat(250_000);
        let inputs = [
            String::new(),
            " \n\t\r\n".to_string(),
            "1234567890 ".repeat(1000),
            "word ".repeat(200_000),
            long_word,
            "Line one\rLine two.\rLine three.".to_string(),
            "Title here\r\n\r\nBody text. More text.\r\n".to_string(),
            "English text. نص عربي هنا. Teks Indonesia. 中文句子。".to_string(),
            "\u{FEFF}\u{200B}\u{00AD}".to_string(),
            "A. B. C. D.".to_string(),
            "O n".to_string(),
            "\u{301}\u{301}a\u{301}".to_string(),
            "«»؟،؛...!!??".to_string(),
        ];
        for text in inputs {
            let r = raw(&text);
            if let Ok(a) = parse_article(&r) {
                check_map(&r, &a);
                assert!(a.source_map.first().is_none_or(|x| x.text_byte == 0));
                assert!(
                    a.source_map
                        .windows(2)
                        .all(|w| w[0].text_byte < w[1].text_byte)
                );
            } else {
                assert_eq!(parse_article(&r).unwrap_err().reason(), "no_prose");
            }
        }
    }

    #[test]
    fn an_article_of_too_many_sentences_is_rejected() {
        // A word list: one short "sentence" a line, a few bytes each.
        let over = "Ok.\n".repeat(MAX_ARTICLE_SENTENCES + 1);
        let err = parse_article(&raw(&over)).unwrap_err();
        assert_eq!(err, ParseError::TooManySentences(MAX_ARTICLE_SENTENCES + 1));
        assert_eq!(err.reason(), "too_many_sentences");
        let at = "Ok. ".repeat(MAX_ARTICLE_SENTENCES / 2) + "\n";
        let at = at.repeat(2);
        assert_eq!(
            parse_article(&raw(&at)).unwrap().sentences.len(),
            MAX_ARTICLE_SENTENCES
        );
    }

    #[test]
    fn large_input_is_segmented_whole() {
        // Speed is measured by the benchmark, not here; this checks that a 1 MB article is
        // read through without losing a sentence.
        let para =
            "The committee met on Monday. It discussed the budget, the roads and the schools.\n";
        let text = para.repeat(12_000); // ~1 MB
        let a = parse_article(&raw(&text)).unwrap();
        assert_eq!(a.sentences.len(), 24_000);
    }

    #[test]
    fn deterministic() {
        let text = "Judul Berita Hari Ini\nJakarta (ANTARA) - Harga naik. Pedagang mengeluh.\n\nEditor: Sari";
        assert_eq!(parse_article(&raw(text)), parse_article(&raw(text)));
    }

    #[test]
    fn english_article_with_header_and_repairs() {
        let text = "Rain Returns to the Valley\nRain Returns to the Valley\n12 March 2020 14:00\n\nT he first rain in months fell on  Monday. Farmers were glad.\n\nPhoto: Jane Roe\n© 2020 Valley Post";
        let r = raw(text);
        let a = parse_article(&r).unwrap();
        check_map(&r, &a);
        assert_eq!(a.title.as_deref(), Some("Rain Returns to the Valley"));
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2020, 3, 12));
        assert_eq!(a.copyright_year, Some(2020));
        assert_eq!(
            a.text,
            "Rain Returns to the Valley\nThe first rain in months fell on Monday. Farmers were glad."
        );
        for f in ["drop_cap", "duplicate_title", "whitespace"] {
            assert!(a.quality_flags.iter().any(|q| q == f), "{f}");
        }
        let kinds: Vec<&str> = a.zones.iter().map(|z| z.kind.as_str()).collect();
        assert_eq!(
            kinds,
            vec!["duplicate_title", "timestamp", "credits", "copyright"]
        );
        assert_eq!(a.sentences.len(), 3);
    }

    #[test]
    fn a_dateline_on_a_line_of_its_own_is_metadata() {
        let text = "Azerbaijan, Türkiye discuss energy cooperation\nBaku, 12 September 2023, 14:35 (AZERTAC)\n\nThe ministers met in Baku. They discussed gas.\n\nViews: 1254";
        let r = raw(text);
        let a = parse_article(&r).unwrap();
        check_map(&r, &a);
        assert_eq!(a.dateline.as_deref(), Some("Baku"));
        assert_eq!(a.outlet.as_deref(), Some("AZERTAC"));
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2023, 9, 12));
        let kinds: Vec<&str> = a.zones.iter().map(|z| z.kind.as_str()).collect();
        assert_eq!(kinds, vec!["dateline", "share_counter"]);
        assert_eq!(
            a.text,
            "Azerbaijan, Türkiye discuss energy cooperation\nThe ministers met in Baku. They discussed gas."
        );
    }

    #[test]
    fn a_place_alone_in_capitals_under_the_title_is_the_dateline() {
        let text = "Turkey raises minimum wage\nNEW DELHI\nThe minister said wages rise.\nHe spoke on Tuesday.";
        let r = raw(text);
        let a = parse_article(&r).unwrap();
        check_map(&r, &a);
        assert_eq!(a.dateline.as_deref(), Some("NEW DELHI"));
        let kinds: Vec<&str> = a.zones.iter().map(|z| z.kind.as_str()).collect();
        assert_eq!(kinds, vec!["dateline"]);
        assert_eq!(a.sentences.len(), 3);
        // A section's label is no place; nor are capitals elsewhere in the body.
        for text in [
            "Turkey raises minimum wage\nECONOMY\nThe minister said wages rise.\nHe spoke.",
            "Turkey raises minimum wage\nThe minister said wages rise.\nNATO\nHe spoke.",
        ] {
            let a = parse_article(&raw(text)).unwrap();
            assert_eq!(a.dateline, None, "{text}");
        }
    }

    #[test]
    fn indonesian_dateline_and_event_date_is_not_published() {
        let text = "Surabaya (ANTARA) - Wali kota meresmikan pasar pada Senin (12/4). Pasar itu luas.\n\nPewarta: Budi\nEditor: Sari\nCopyright © ANTARA 2021";
        let a = parse_article(&raw(text)).unwrap();
        assert_eq!(a.dateline.as_deref(), Some("Surabaya"));
        assert_eq!(a.outlet.as_deref(), Some("ANTARA"));
        assert_eq!(a.published, None);
        assert_eq!(a.copyright_year, Some(2021));
        assert_eq!(a.lang, "id");
        assert_eq!(a.title, None);
        assert_eq!(a.sentences.len(), 2);
    }

    #[test]
    fn arabic_article_with_credits() {
        let text = "القاهرة (رويترز) - قال مسؤولون إن الأسعار ارتفعت. وأكد الوزير أن الحكومة ستدعم المزارعين.\nالمحرر: أحمد علي";
        let a = parse_article(&raw(text)).unwrap();
        assert_eq!(a.lang, "ar");
        assert_eq!(a.dateline.as_deref(), Some("القاهرة"));
        assert_eq!(a.sentences.len(), 2);
        assert_eq!(a.zones.len(), 1);
        assert_eq!(a.zones[0].kind, "credits");
        let s = &a.sentences[1];
        let toks: Vec<&str> = s
            .tokens
            .iter()
            .map(|t| &a.sentence_text(s)[t.start..t.end])
            .collect();
        assert_eq!(&toks[..3], &["و", "أكد", "الوزير"]);
    }

    #[test]
    fn given_fields_win() {
        let mut r = raw("Some Headline\n2021-06-04 08:40\nThe body is here. It is short.");
        r.given.title = Some("Given title".into());
        r.given.published = Some("2020-01-02".into());
        r.given.source = Some("Given Outlet".into());
        r.given.lang = Some("en".into());
        r.input_flags = vec!["utf8_bom_removed".into()];
        let a = parse_article(&r).unwrap();
        assert_eq!(a.title.as_deref(), Some("Given title"));
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2020, 1, 2));
        assert_eq!(a.outlet.as_deref(), Some("Given Outlet"));
        assert_eq!(a.quality_flags[0], "utf8_bom_removed");
    }

    #[test]
    fn foreign_sentence_gets_its_language() {
        let text = "The minister spoke to reporters in the capital on Monday about the new plan. He quoted a proverb in Arabic. أعلنت الحكومة يوم الثلاثاء عن إجراءات جديدة لدعم المزارعين في جميع أنحاء البلاد. Then he left the building with his advisers after the meeting ended.";
        let a = parse_article(&raw(text)).unwrap();
        assert_eq!(a.lang, "en");
        let langs: Vec<Option<&str>> = a.sentences.iter().map(|s| s.lang.as_deref()).collect();
        assert_eq!(langs, vec![None, None, Some("ar"), None]);
    }
}
