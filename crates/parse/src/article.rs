//! The careful reader: raw article -> lines -> zones -> repaired prose text with a source map
//! -> metadata, language, sentences and tokens.

use crate::chars::prefix;
use crate::clean::{Builder, doubled_title, push_line};
use crate::dates::parse_given_date;
use crate::lines::{Line, split_lines};
use crate::zones::{Kind, classify, is_headline_like, zones};
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

/// Paragraphs after the title searched for the dateline, up to the lead: room for a deck, a
/// caption and a few short lines; only short lines without a final mark and captions are
/// passed on the way, and a box's bullets (Gulf News, The Kyiv Independent) are not counted.
/// (10 counted paragraphs were tried for those boxes and dropped: body paragraphs without a
/// final mark were passed too, and a dateline read deep in the body where the lead had none.)
const MAX_PARAGRAPHS_BEFORE_LEAD: usize = 6;

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
    // Lines that carried a photo credit: captions, however long, and no lead. So is a line
    // right above a photo credit of its own ("Wakil Ketua DPR RI ... di Kompleks Parlemen.\nFoto:
    // Republika/Prayogi").
    let mut captions: Vec<usize> = prose
        .iter()
        .copied()
        .filter(|&i| {
            (i + 1..lines.len())
                .find(|&j| layout.kinds[j] != Kind::Blank)
                .is_some_and(|j| {
                    layout.kinds[j] == Kind::Zone("credits")
                        && crate::zones::is_photo_credit_line(lines[j].text(src))
                })
        })
        .collect();
    for &i in &prose {
        let mut line = lines[i];
        if let Some(p) = prev {
            // A line cut short by a credit is followed by that credit's first character.
            let next_len = src[p.trim_end..].chars().next().map_or(1, char::len_utf8);
            b.edit(p.trim_end, p.trim_end + next_len, "\n");
        }
        let is_title = layout.title == Some(i);
        if !is_title {
            let text = line.text(src);
            if let Some(start) = crate::zones::leading_photo_credit(text) {
                captions.push(i);
                extra_zones.push(Zone {
                    kind: "credits".into(),
                    source_byte_start: line.trim_start,
                    source_byte_end: line.trim_start + text[..start].trim_end().len(),
                });
                line.trim_start += start;
            }
            let text = line.text(src);
            if let Some(cut) = crate::zones::trailing_credit(text) {
                if crate::zones::trailing_photo_credit(text) == Some(cut) {
                    captions.push(i);
                }
                extra_zones.push(Zone {
                    kind: "credits".into(),
                    source_byte_start: line.trim_start + cut,
                    source_byte_end: line.trim_end,
                });
                line.trim_end = line.trim_start + text[..cut].trim_end().len();
            }
        }
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
    // Captions, bylines and standfirsts that no zone took may stand between the title and the
    // lead ("Ng Keng Gene\nHousing Correspondent\nSINGAPORE - The Government ..."): the
    // dateline opens one of the first paragraphs, up to the first that is long enough to be
    // the lead.
    let opening_paras: Vec<&str> = {
        let mut paras = Vec::new();
        let body_lines = prose.iter().filter(|&&i| layout.title != Some(i));
        // A box's bullets ("- Four new routes") are passed without counting, and open no
        // dateline ("- Warsaw: Farmers block border again").
        let bullet = |p: &str| p.trim_start().starts_with(['-', '•', '*', '–']);
        let mut counted = 0;
        for (p, i) in text[body_start..].split('\n').zip(body_lines) {
            if bullet(p) {
                continue;
            }
            counted += 1;
            if counted > MAX_PARAGRAPHS_BEFORE_LEAD {
                break;
            }
            paras.push(p);
            // Past header lines (bylines, timestamps' neighbours) and captions only: a sentence
            // of prose, the lead or a short one, ends the search ("Biden: We are going to get
            // inflation down" further on is no dateline).
            if !is_headline_like(p) && !captions.contains(i) {
                break;
            }
        }
        paras
    };
    // A dateline opening the first paragraphs, else one on a line of its own.
    let dl = opening_paras
        .iter()
        .find_map(|p| meta::dateline(p))
        .or_else(|| {
            lines
                .iter()
                .zip(&layout.kinds)
                .find(|(_, k)| **k == Kind::Zone("dateline"))
                .and_then(|(l, _)| {
                    let line = l.text(src);
                    meta::dateline_line(line).or_else(|| meta::place_line(line))
                })
        })
        .or_else(|| {
            // The place closing a time stamp ("Published - March 12, 2024 07:15 pm IST -
            // CHENNAI").
            lines
                .iter()
                .zip(&layout.kinds)
                .filter(|(_, k)| **k == Kind::Zone("timestamp"))
                .find_map(|(l, _)| crate::zones::stamped_place(l.text(src)))
                .and_then(meta::place_line)
        });
    let mut published = None;
    let mut copyright_year = None;
    let mut copyright_holder = None;
    let mut stamped_outlet = None;
    let mut paired_outlet = None;
    for (l, k) in lines.iter().zip(&layout.kinds) {
        match k {
            Kind::Zone("timestamp") | Kind::Zone("share_counter") if published.is_none() => {
                published = crate::dates::find_dates(l.text(src))
                    .first()
                    .map(|f| f.date);
                // The outlet that stamps it, by its web address ("Pikiran-Rakyat.com - 6 Maret
                // 2026", "INQUIRER.net / 10:42 AM March 14, 2024") or by a name with an outlet's
                // word ("Philippine Daily Inquirer / 05:12 PM June 03, 2024").
                let text = l.text(src);
                stamped_outlet = [" - ", " / ", " | "]
                    .iter()
                    .filter_map(|sep| text.find(sep))
                    .min()
                    .map(|at| text[..at].trim())
                    .filter(|h| {
                        if h.contains(' ') {
                            h.split_whitespace().count() <= 4 && meta::is_outlet_by_words(h)
                        } else {
                            h.contains('.') && meta::is_outlet_like(h)
                        }
                    })
                    .map(str::to_string);
            }
            Kind::Zone("credits") => {
                if published.is_none() {
                    published = crate::zones::credited_date(l.text(src));
                }
                // The outlet beside its writer or section ("هسبريس - رياضة").
                if paired_outlet.is_none() {
                    paired_outlet =
                        crate::zones::header_pair_outlet(l.text(src)).map(str::to_string);
                }
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
        .or_else(|| opening_paras.iter().find_map(|p| meta::address_opening(p)))
        .or_else(|| meta::attributed_outlet(prefix(&text, 4096)))
        .or(stamped_outlet)
        .or(paired_outlet)
        .or(copyright_holder);
    let same_name = |place: &str, outlet: &str| {
        let letters = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let outlet = outlet.rsplit_once('.').map_or(outlet, |(name, _)| name);
        letters(place) == letters(outlet)
    };
    // An outlet naming itself before the dash is no place ("PIKIRAN RAKYAT - ..." of
    // Pikiran-Rakyat.com).
    let dateline = dl
        .map(|d| d.place)
        .filter(|place| !outlet.as_deref().is_some_and(|o| same_name(place, o)));
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
        dateline,
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
    fn the_dateline_opens_the_lead_under_bylines_and_captions() {
        let lead = "Komisi Pemberantasan Korupsi (KPK) resmi menahan Bupati Lampung Tengah usai diperiksa sebagai tersangka kasus dugaan suap proyek peningkatan jalan kabupaten.";
        let cases = [
            (
                format!(
                    "KPK Tahan Bupati\nRabu, 04 Maret 2026 - 19:42 WIB\nArie Dwi Satrio\n\nTersangka kasus suap proyek jalan, Bupati Lampung Tengah berinisial AR, mengenakan rompi oranye usai diperiksa di Gedung Merah Putih KPK, Jakarta, Rabu (4/3/2026). FOTO/SINDOnews/Arie Dwi Satrio\n\nJAKARTA - {lead}"
                ),
                "JAKARTA",
                None,
            ),
            (
                format!(
                    "KPK Tahan Bupati\nKapolda Metro Jaya Irjen Pol Asep Edi Suheri. Foto: Ricardo/JPNN.com\n\njpnn.com, JAKARTA - {lead}"
                ),
                "JAKARTA",
                Some("jpnn.com"),
            ),
            (
                format!(
                    "KPK Tahan Bupati\nKamis, 05 Mar 2026 10:15\nWhisnu Mardiansyah\nEditor: Anggi\n\nJakarta: {lead}"
                ),
                "Jakarta",
                None,
            ),
            // Republika: a credit of names, then a caption above its photo credit (probe in43
            // §2).
            (
                format!(
                    "KPK Tahan Bupati\nSelasa 12 Mar 2024 14:35 WIB\nRep: Fauzan Hidayat/ Red: Muhammad Hafil\n\nWakil Ketua DPR RI Hendra Saputra Wibisono di Kompleks Parlemen, Senayan, Jakarta.\nFoto: Republika/Prayogi\n\nREPUBLIKA.CO.ID, JAKARTA -- {lead}"
                ),
                "JAKARTA",
                Some("REPUBLIKA.CO.ID"),
            ),
        ];
        for (text, place, outlet) in cases {
            let r = raw(&text);
            let a = parse_article(&r).unwrap();
            check_map(&r, &a);
            assert_eq!(a.dateline.as_deref(), Some(place), "{text}");
            assert_eq!(a.outlet.as_deref(), outlet, "{text}");
            // The credits are no sentence; the dateline stays in the lead's.
            assert!(
                a.sentences
                    .iter()
                    .all(|s| !a.sentence_text(s).contains("Satrio")
                        && !a.sentence_text(s).contains("Foto:")),
                "{text}"
            );
            assert!(
                a.sentences
                    .iter()
                    .any(|s| a.sentence_text(s).contains(place))
            );
        }
        // Under a box of highlights (probe in42 2.1).
        let text = format!(
            "RTA to launch four new bus routes\nNew services will link Al Barsha to Metro stations\n\nHighlights\n- Four new routes, one extension\n- Frequency of 20 to 30 minutes\n- Fares unchanged, says RTA\n- Metro links improved\n\nA public bus at the Al Ghubaiba Bus Station in Dubai. Image Credit: Gulf News Archives\n\nDubai: {lead}"
        );
        assert_eq!(
            parse_article(&raw(&text)).unwrap().dateline.as_deref(),
            Some("Dubai")
        );
        // A paragraph above a line that is no photo credit is the lead: what follows is body.
        let text = "KPK Tahan Bupati\nWakil Ketua DPR RI Hendra Saputra Wibisono tiba di Kompleks Parlemen.\nSumber: Antara\n\nJAKARTA - Pada hari yang sama, KPK juga memeriksa dua saksi.";
        assert_eq!(parse_article(&raw(text)).unwrap().dateline, None);
        // A dateline-like opening of a paragraph after the lead is none.
        let text = format!(
            "KPK Tahan Bupati\n{lead}\n\nJAKARTA - Pada hari yang sama, KPK juga memeriksa dua saksi."
        );
        assert_eq!(parse_article(&raw(&text)).unwrap().dateline, None);
    }

    #[test]
    fn credits_closing_a_paragraph_are_cut_from_it() {
        let text = "Kemnaker Siap Berdialog\nMenteri mengatakan pemerintah menghormati hak buruh. \"Kami undang perwakilan buruh,\" ujar Yassierli. (cr3/jpnn)\n\n[Photo: Xinhua] A vessel sails near the shoal.\nWarga mengungsi di Desa Kedungbanteng, Selasa (3/3/2026). (Dite Surendra/Jawa Pos)";
        let r = raw(text);
        let a = parse_article(&r).unwrap();
        check_map(&r, &a);
        let sentences: Vec<&str> = a.sentences.iter().map(|s| a.sentence_text(s)).collect();
        assert_eq!(
            sentences,
            vec![
                "Kemnaker Siap Berdialog",
                "Menteri mengatakan pemerintah menghormati hak buruh.",
                "\"Kami undang perwakilan buruh,\" ujar Yassierli.",
                "A vessel sails near the shoal.",
                "Warga mengungsi di Desa Kedungbanteng, Selasa (3/3/2026).",
            ]
        );
        let credits: Vec<&str> = a
            .zones
            .iter()
            .filter(|z| z.kind == "credits")
            .map(|z| &text[z.source_byte_start..z.source_byte_end])
            .collect();
        assert_eq!(
            credits,
            vec!["(cr3/jpnn)", "[Photo: Xinhua]", "(Dite Surendra/Jawa Pos)"]
        );
    }

    #[test]
    fn published_from_a_credit_line_with_a_timestamp() {
        let text = "Airlangga: Ekonomi Tumbuh\nPenulis: Despian Nurhidayat - Senin, 09 Maret 2026, 16:30 WIB\n\nMenteri memproyeksikan pertumbuhan ekonomi. Konsumsi menguat.";
        let a = parse_article(&raw(text)).unwrap();
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2026, 3, 9));
        let text = "Wagub Tinjau Jalan\nPikiran-Rakyat.com - 6 Maret 2026, 13:05 WIB\n\nWakil Gubernur meninjau jalan. Perbaikan dimulai.";
        let a = parse_article(&raw(text)).unwrap();
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2026, 3, 6));
        assert_eq!(a.dateline, None);
        assert_eq!(a.outlet.as_deref(), Some("Pikiran-Rakyat.com"));
        let text = "Wagub Tinjau Jalan\nPikiran-Rakyat.com - 6 Maret 2026, 13:05 WIB\n\nPIKIRAN RAKYAT - Wakil Gubernur meninjau jalan. Perbaikan dimulai.";
        let a = parse_article(&raw(text)).unwrap();
        assert_eq!(a.dateline, None);
        let text = "Wagub Tinjau Jalan\nPikiran-Rakyat.com - 6 Maret 2026, 13:05 WIB\n\nBANDUNG - Wakil Gubernur meninjau jalan. Perbaikan dimulai.";
        let a = parse_article(&raw(text)).unwrap();
        assert_eq!(a.dateline.as_deref(), Some("BANDUNG"));
        // A date with slashes after the address (Kompas, probe in46).
        let text = "Pemkab Sleman Tambah Armada\nKompas.com - 14/08/2024, 16:42 WIB\n\nSLEMAN, KOMPAS.com - Pemerintah Kabupaten Sleman menambah armada. Penambahan dilakukan pekan lalu.";
        let a = parse_article(&raw(text)).unwrap();
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2024, 8, 14));
        assert!(
            a.sentences
                .iter()
                .all(|s| !a.sentence_text(s).contains("16:42"))
        );
    }

    #[test]
    fn the_outlet_that_stamps_the_time_or_holds_the_copyright() {
        // Probe in42 2.2: Inquirer's stamps, a copyright holder's legal form.
        let body = "\n\nMANILA, Philippines — Senators grilled officials of the National Food Authority. The hearing went on.";
        for (stamp, outlet) in [
            ("INQUIRER.net / 10:42 AM March 14, 2024", "INQUIRER.net"),
            (
                "Philippine Daily Inquirer / 05:12 PM June 03, 2024",
                "Philippine Daily Inquirer",
            ),
        ] {
            let text = format!("Senators Grill NFA Execs\n{stamp}{body}");
            let a = parse_article(&raw(&text)).unwrap();
            assert_eq!(a.outlet.as_deref(), Some(outlet), "{text}");
            assert!(a.published.is_some(), "{text}");
        }
        // A writer's name before the stamp is no outlet.
        let text = format!("Senators Grill NFA Execs\nBurak Bir / 10:42 AM March 14, 2024{body}");
        assert_eq!(parse_article(&raw(&text)).unwrap().outlet, None);
        let text =
            format!("Senators Grill NFA Execs{body}\n© Bangkok Post PCL. All rights reserved.");
        assert_eq!(
            parse_article(&raw(&text)).unwrap().outlet.as_deref(),
            Some("Bangkok Post")
        );
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
