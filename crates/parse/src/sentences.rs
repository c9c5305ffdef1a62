//! Sentence boundaries for any language: newlines always end a sentence (a line without
//! final punctuation, such as a title, is a sentence of its own); inside a paragraph the
//! `sentencex` segmenter proposes boundaries, and per-language rules from
//! `datasets/parse/abbreviations.tsv` undo the wrong ones (after an abbreviation, an initial
//! "A.", a dotted acronym "U.S." before a lowercase word, or before a lowercase continuation).
//!
//! Measured on the five gold seeds (72 sentences; exact (start, end) match of code-point spans,
//! same zones and text for all three):
//!
//! | segmenter (per paragraph)                 | P     | R     | F1    | matched / pred / gold |
//! |-------------------------------------------|-------|-------|-------|-----------------------|
//! | UAX #29 (`split_sentence_bound_indices`)   | 0.946 | 0.972 | 0.959 | 70 / 74 / 72          |
//! | `sentencex` alone                          | 0.986 | 0.972 | 0.979 | 70 / 71 / 72          |
//! | `sentencex` + our rules (this module)      | 1.000 | 1.000 | 1.000 | 72 / 72 / 72          |
//!
//! sentencex keeps a quotation with several sentences together (seed 002's last paragraph);
//! UAX #29 also splits after initials ("A. Hajizadeh said").

use crate::chars;
use crate::meta::{ADDRESS_PLACE_DATELINE, DOTTED_DATELINE};
use crate::rules::{abbreviation, is_sentence_opener};

/// Sentence spans (byte offsets into `text`), without surrounding whitespace.
pub fn segment(text: &str, lang: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for para in text.split('\n') {
        for (s, e) in segment_paragraph(para, lang) {
            out.push((offset + s, offset + e));
        }
        offset += para.len() + 1;
    }
    out
}

/// The size of the pieces a long paragraph is handed to `sentencex` in. Its work at a
/// candidate boundary can grow with the text before it (its Italian rules split all of that
/// text to find the last word; its other rules read back to a space, and Chinese and Japanese
/// have none), so one paragraph of 1.6 MB (a crawl that lost its line breaks) took 66 s of
/// segmentation where 0.4 MB took 4 s. A longer paragraph is first cut into pieces of about
/// this size at likely sentence ends ([`pieces`]); news paragraphs are shorter (the longest
/// of the seeds, and so of the generated corpora, is 4.2 KB).
pub const MAX_SEGMENTER_PIECE: usize = 8 * 1024;

/// The raw `sentencex` proposal for one paragraph, trimmed; a long paragraph piece by piece.
pub fn sentencex_spans(para: &str, lang: &str) -> Vec<(usize, usize)> {
    proposal(para, lang, MAX_SEGMENTER_PIECE)
}

fn proposal(para: &str, lang: &str, max_piece: usize) -> Vec<(usize, usize)> {
    let code = match lang {
        "und" | "" => "en",
        "id" | "ms" => "en",
        other => other,
    };
    let mut spans = Vec::new();
    for (start, end) in pieces(para, max_piece) {
        let piece = &para[start..end];
        for b in sentencex::get_sentence_boundaries(code, piece) {
            let (s, e) = (b.start_byte.min(piece.len()), b.end_byte.min(piece.len()));
            if s >= e || !piece.is_char_boundary(s) || !piece.is_char_boundary(e) {
                continue;
            }
            if let Some((s, e)) = trim(piece, s, e) {
                spans.push((start + s, start + e));
            }
        }
    }
    spans
}

/// `para` cut into consecutive pieces of at most `max` bytes where it can be. Each cut is at
/// the space after a final mark (`.`, `!`, `?`, `…`, `؟`, `।`; right after `。`, `！`, `？`)
/// and its closing quotes or brackets, followed by no lowercase letter: the last such place
/// within `max` bytes of the piece's start, else the first one after. A wrong cut (after
/// "Dr.", or before a number: "No. 3") is a boundary like sentencex's wrong ones, which
/// [`segment_paragraph`]'s rules join again; a paragraph without such a place stays whole
/// (sentencex's work is per final mark, and it has none to weigh).
fn pieces(para: &str, max: usize) -> Vec<(usize, usize)> {
    if para.len() <= max {
        return vec![(0, para.len())];
    }
    // After a final mark (and its closing quotes or brackets): whether a space must follow.
    let mut after_mark: Option<bool> = None;
    let mut cuts = Vec::new();
    for (i, c) in para.char_indices() {
        let closer = matches!(c, '"' | '”' | '’' | ')' | '»' | '」' | '』' | '）');
        if after_mark.is_some() && closer {
            continue;
        }
        let cut = match after_mark {
            Some(spaced) => !spaced || c.is_whitespace(),
            None => false,
        };
        if cut
            && para[i..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(|n| !n.is_lowercase())
        {
            cuts.push(i);
        }
        after_mark = match c {
            '.' | '!' | '?' | '…' | '؟' | '।' => Some(true),
            // Chinese and Japanese put no space after a sentence.
            '。' | '！' | '？' | '｡' => Some(false),
            _ => None,
        };
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while para.len() - start > max {
        // The last cut within `max` of `start`, else the first one after.
        while k < cuts.len() && cuts[k] <= start {
            k += 1;
        }
        let within = cuts[k..].partition_point(|&c| c <= start + max);
        let cut = match within {
            0 => cuts.get(k).copied(),
            n => Some(cuts[k + n - 1]),
        };
        let Some(cut) = cut else { break };
        out.push((start, cut));
        start = cut;
    }
    out.push((start, para.len()));
    out
}

fn trim(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    (!t.is_empty()).then_some((s + lead, s + lead + t.len()))
}

fn segment_paragraph(para: &str, lang: &str) -> Vec<(usize, usize)> {
    segment_paragraph_in_pieces(para, lang, MAX_SEGMENTER_PIECE)
}

fn segment_paragraph_in_pieces(para: &str, lang: &str, max_piece: usize) -> Vec<(usize, usize)> {
    let proposed = proposal(para, lang, max_piece);
    // Repair: the proposal must cover the paragraph without gaps of non-space text.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut covered = 0;
    for (s, e) in proposed {
        if s < covered {
            continue;
        }
        if let Some((gs, ge)) = trim(para, covered, s) {
            spans.push((gs, ge));
        }
        spans.push((s, e));
        covered = e;
    }
    if let Some(t) = trim(para, covered, para.len()) {
        spans.push(t);
    }
    // Boundaries sentencex leaves inside quotations ("We won. We are glad," she said).
    let spans: Vec<(usize, usize)> = spans
        .into_iter()
        .flat_map(|(s, e)| split_inside(para, s, e, lang))
        .collect();
    // Undo wrong boundaries.
    // A line without a final mark is a title, a deck or a caption: there ".." and "..." join
    // its parts ("\"المركزي\" يثبت أسعار الفائدة.. ومحللون: القرار كان متوقعا", "مباشر.. اليوم
    // الأخير ..."), as a headline is one sentence.
    let headline = !crate::zones::ends_with_final_punct(para)
        && !para.trim_end().ends_with(':')
        && !has_inner_sentence_end(para);
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match out.last_mut() {
            Some(prev)
                if (prev.1 == s && is_domain_suffix(&para[s..e]))
                    || (headline && {
                        let p = &para[prev.0..prev.1];
                        p.ends_with("..") || p.ends_with('…')
                    })
                    || (para[..prev.0].trim().is_empty()
                        && is_list_number(&para[prev.0..prev.1]))
                    || should_join(&para[prev.0..prev.1], &para[s..e], lang) =>
            {
                prev.1 = e
            }
            _ => out.push((s, e)),
        }
    }
    move_opening_quotes(para, &mut out);
    out
}

/// A quotation mark after a space and glued to the next sentence opens that sentence's
/// quotation: some outlets open quotations with the closing mark too ("ditahan sejak Senin.
/// ”Kami akan proses sesuai hukum,” kata Budi."), which `sentencex` leaves at the end of the
/// sentence before, as it would a closing one.
fn move_opening_quotes(para: &str, spans: &mut [(usize, usize)]) {
    for k in 1..spans.len() {
        let (prev, next) = (spans[k - 1], spans[k]);
        if prev.1 != next.0 {
            continue;
        }
        let text = &para[prev.0..prev.1];
        let Some(mark) = text.chars().next_back().filter(|c| matches!(c, '”' | '"')) else {
            continue;
        };
        let body = text[..text.len() - mark.len_utf8()].trim_end();
        if body.len() == text.len() - mark.len_utf8() || body.is_empty() {
            continue;
        }
        spans[k - 1].1 = prev.0 + body.len();
        spans[k].0 = prev.1 - mark.len_utf8();
    }
}

/// A final mark inside a line, before a space, that is no part of a run of dots ("They
/// never sounded. By the time"): the line is prose, not a title's parts joined by dots.
fn has_inner_sentence_end(para: &str) -> bool {
    let bytes = para.as_bytes();
    para.match_indices(['.', '!', '?', '؟']).any(|(at, m)| {
        let end = at + m.len();
        let dot_run =
            m == "." && ((at > 0 && bytes[at - 1] == b'.') || bytes.get(end) == Some(&b'.'));
        !dot_run && para[end..].starts_with(char::is_whitespace)
    })
}

/// A list's number alone at a line's start ("1.", "12)"): it numbers the words after it, a numbered sub-heading
/// ("1. El Nino sudah melemah, La Nina mengintai") or item, and is no sentence of its own.
fn is_list_number(span: &str) -> bool {
    let digits = span.trim_end_matches(['.', ')']);
    span.len() > digits.len()
        && span.len() - digits.len() == 1
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The end of a web address glued to the dot before it ("TEMPO.CO, Jakarta", "العربية.نت"):
/// outlets name themselves so in datelines, and the dot ends no sentence.
fn is_domain_suffix(next: &str) -> bool {
    const SUFFIXES: [&str; 14] = [
        "com", "co", "net", "org", "id", "news", "info", "tv", "my", "sa", "ae", "qa", "نت", "كوم",
    ];
    let word = first_word(next);
    SUFFIXES.iter().any(|s| word.eq_ignore_ascii_case(s))
}

/// Splits a span after a final mark followed by a capitalised word, unless the mark ends an
/// abbreviation or an initial. `sentencex` keeps quotations and brackets whole, and so every
/// sentence of a quotation that runs over several ("«نحن نرفض ... الجوار. مصر قالت كلمتها»",
/// "\"We will win. The team is ready,\" he said"): the guidelines want one span each. So
/// also:
/// - before an Arabic word (the script has no capitals), after a word of two letters or more
///   that is no abbreviation, and not after a run of dots (".." and "..." join the parts of a
///   sentence in Arabic writing: "لا صفقة.. وتل أبيب");
/// - where the space after the mark was lost ("like this.The water", "الكثير.فقط"): between
///   two Arabic words, or a lower-case letter and a capitalised word; a web address's ending
///   ("العربية.نت", "Detik.Com") is no sentence (it is joined back in [`segment_paragraph`]).
fn split_inside(para: &str, s: usize, e: usize, lang: &str) -> Vec<(usize, usize)> {
    let span = &para[s..e];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in span.char_indices() {
        if i < start {
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…' | '؟') {
            continue;
        }
        let mark_end = i + c.len_utf8();
        let closers = span[mark_end..].len()
            - span[mark_end..]
                .trim_start_matches([')', ']', '"', '”', '’', '»'])
                .len();
        let after = mark_end + closers;
        let rest = &span[after..];
        let prev = &span[start..after];
        if !rest.starts_with(char::is_whitespace) {
            if closers == 0 && is_glued_end(&span[..i], c, rest) && !is_domain_suffix(rest) {
                if should_join(prev, rest, lang) {
                    continue;
                }
                out.push((s + start, s + after));
                start = after;
            }
            continue;
        }
        let next = rest.trim_start();
        let first = next
            .trim_start_matches(['"', '“', '‘', '«', '('])
            .chars()
            .next();
        let boundary = match first {
            Some(f) if f.is_uppercase() => true,
            Some(f) if is_arabic_letter(f) => {
                let ellipsis = c == '…' || (c == '.' && span[..i].ends_with('.'));
                // A letter alone after a name is its initial, as Egyptian papers name the
                // accused ("ويدعى \"رضا. ع\" 45 عاما").
                let initial_next = first_word(next).chars().count() < 2;
                // A short Latin word before the dot is a legal form or an abbreviation in an
                // Arabic sentence ("شركة Microsoft Corp. لتطوير"), not its end.
                let latin_short =
                    |w: &str| w.chars().count() <= 4 && w.chars().all(|c| c.is_ascii_alphabetic());
                !ellipsis
                    && !initial_next
                    && last_word_before_dot(&span[..mark_end]).is_none_or(|w| {
                        w.chars().count() >= 2 && !w.contains('.') && !latin_short(w)
                    })
            }
            _ => false,
        };
        if !boundary || should_join(prev, next, lang) {
            continue;
        }
        out.push((s + start, s + after));
        start = after + (rest.len() - next.len());
    }
    out.push((s + start, e));
    out
}

/// An Arabic letter (the block's letters; not its digits, marks or punctuation).
fn is_arabic_letter(c: char) -> bool {
    chars::is_caseless_arabic(c) && chars::is_alphabetic(c)
}

/// A final mark `mark` between `before` and `after` with no space, that ends a sentence
/// whose space was lost: between Arabic words of two letters or more before it, or after a
/// lower-case word of two letters or more and before a capitalised word in lower case after
/// its capital ("this.The", not "U.S.Army", "Rp15.650", "J.K.Rowling", "e.g.").
fn is_glued_end(before: &str, mark: char, after: &str) -> bool {
    let word_before: Vec<char> = before
        .chars()
        .rev()
        .take_while(|&c| chars::is_alphabetic(c))
        .take(2)
        .collect();
    let mut next = after.chars();
    let (Some(n1), n2) = (next.next(), next.next()) else {
        return false;
    };
    let dot_run = mark == '.' && before.ends_with('.');
    // A dotted chain before the mark is an abbreviation's ("Lt.Gen.Herzi Halevi", "Ph.D.in").
    let chain = before
        .trim_end_matches(|c: char| chars::is_alphabetic(c))
        .ends_with('.');
    if word_before.len() < 2 || dot_run || chain {
        return false;
    }
    if word_before.iter().all(|&c| is_arabic_letter(c)) {
        return is_arabic_letter(n1) && n2.is_some_and(is_arabic_letter);
    }
    word_before.iter().all(|c| c.is_lowercase())
        && n1.is_uppercase()
        && n2.is_some_and(char::is_lowercase)
}

/// The word before a final dot: letters and inner dots ("U.S", "Jan", "A").
fn last_word_before_dot(s: &str) -> Option<&str> {
    let body = s.strip_suffix('.')?;
    let start = body
        .char_indices()
        .rev()
        .take_while(|&(_, c)| chars::is_alphanumeric(c) || c == '.')
        .last()
        .map(|(i, _)| i)?;
    Some(&body[start..])
}

/// The first word of `s`, past opening quotes and brackets: its letters and digits.
fn first_word(s: &str) -> &str {
    let t = s.trim_start_matches(['"', '\'', '“', '‘', '(', '«', '[']);
    let end = t
        .char_indices()
        .find(|&(_, c)| !chars::is_alphanumeric(c))
        .map_or(t.len(), |(i, _)| i);
    &t[..end]
}

fn starts_lowercase_or_digit(s: &str) -> bool {
    let t = s.trim_start_matches(['"', '\'', '“', '‘', '(', '«', '[']);
    t.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || chars::is_numeric(c))
}

/// A dateline ended by a period ("ASTANA, March 6.", "KONTAN.CO.ID - JAKARTA."): it opens the
/// first sentence.
fn is_dotted_dateline(prev: &str) -> bool {
    static DOTTED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        // The two patterns name the same groups, which one pattern may not repeat.
        let address = ADDRESS_PLACE_DATELINE
            .replace("?P<outlet>", "")
            .replace("?P<place>", "");
        regex::Regex::new(&["^(?:", DOTTED_DATELINE, "|", &address, ")$"].concat())
            .expect("a valid pattern")
    });
    let prev = prev.trim();
    let mut chars = prev.chars();
    // Two capitals, a comma or dash and a date or place: most sentences fail at the first test.
    prev.len() < 60
        && chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_uppercase)
        && prev.contains([',', '-', '–', '—'])
        && DOTTED.is_match(prev)
}

fn should_join(prev: &str, next: &str, lang: &str) -> bool {
    if is_dotted_dateline(prev) {
        return true;
    }
    // A continuation in lowercase ("... said the U.S. official.", "e.g. this").
    let next_lower = starts_lowercase_or_digit(next);
    if next_lower && !prev.ends_with(['!', '?', '؟']) {
        return true;
    }
    let Some(word) = last_word_before_dot(prev) else {
        return false;
    };
    let mut chars = word.chars();
    let first = chars.next();
    // An initial: "A. Hajizade".
    if word.chars().count() == 1 && first.is_some_and(char::is_uppercase) {
        return true;
    }
    // A dotted acronym ("U.S", "a.m"): a boundary only before a capitalised word; after a
    // capitalised one ("U.S", "U.N"), only before a word that opens sentences, as news uses
    // such acronyms as modifiers far more often than it ends a sentence with them ("U.S.
    // Secretary of State" against "... in the U.S. The talks ...").
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        if next_lower {
            return true;
        }
        let capitalised = word.chars().all(|c| c == '.' || c.is_uppercase());
        let next_word = first_word(next);
        if !capitalised {
            // "2:30 p.m. EST that ...": a time zone continues the sentence.
            return (2..=4).contains(&next_word.len())
                && next_word.chars().all(|c| c.is_ascii_uppercase());
        }
        return !is_sentence_opener(lang, next_word);
    }
    match abbreviation(lang, word) {
        Some(false) => true,
        // A company's legal form before its ticker ("PT Bank Permata Tbk. (BNLI), Dimas ...",
        // "Apple Inc. (NASDAQ: AAPL) said"): the ticker names the company, the sentence goes on.
        Some(true) => next_lower || opens_with_ticker(next),
        None => false,
    }
}

/// A stock ticker in brackets opening `s`: one to three words of capitals, digits and dots,
/// perhaps after an exchange and a colon ("(BNLI)", "(IDX: BBCA)", "(NYSE:IBM)", "(BBRI.JK)").
fn opens_with_ticker(s: &str) -> bool {
    // The closing bracket within the ticker's length: a text without one is not searched
    // whole at every legal form.
    let Some(inner) = s
        .strip_prefix('(')
        .map(|r| crate::chars::prefix(r, 26))
        .and_then(|r| r.split_once(')'))
        .map(|(i, _)| i)
    else {
        return false;
    };
    let words: Vec<&str> = inner.split([':', ' ']).filter(|w| !w.is_empty()).collect();
    inner.len() <= 24
        && (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().any(|c| c.is_ascii_uppercase())
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str, lang: &str) -> Vec<String> {
        segment(text, lang)
            .into_iter()
            .map(|(s, e)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn english_abbreviations_initials_numbers() {
        assert_eq!(
            sents(
                "Dr. Lee met J. K. Moss in the U.S. capital on Jan. 5. Inflation was 3.5 percent. Room No. 3 was empty.",
                "en"
            ),
            vec![
                "Dr. Lee met J. K. Moss in the U.S. capital on Jan. 5.",
                "Inflation was 3.5 percent.",
                "Room No. 3 was empty."
            ]
        );
    }

    #[test]
    fn capitalised_acronyms_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            sents(
                "Talks resumed in the U.S. The delegates left. U.S. Secretary of State Antony Blinken said the U.N. Security Council met before the U.S. Federal Reserve acted. He was in the U.K. \"It was good,\" he said. Rates rose at 9 a.m. Markets fell at 2:30 p.m. EST on Friday.",
                "en"
            ),
            vec![
                "Talks resumed in the U.S.",
                "The delegates left.",
                "U.S. Secretary of State Antony Blinken said the U.N. Security Council met before the U.S. Federal Reserve acted.",
                "He was in the U.K.",
                "\"It was good,\" he said.",
                "Rates rose at 9 a.m.",
                "Markets fell at 2:30 p.m. EST on Friday."
            ]
        );
    }

    #[test]
    fn a_dateline_ended_by_a_period_opens_the_first_sentence() {
        assert_eq!(
            sents(
                "KONTAN.CO.ID - JAKARTA. Harga emas naik pada Selasa. Harga perak turun.",
                "id"
            ),
            vec![
                "KONTAN.CO.ID - JAKARTA. Harga emas naik pada Selasa.",
                "Harga perak turun."
            ]
        );
        assert_eq!(
            sents(
                "ASTANA, March 6. President Tokayev received a delegation. It came from China.",
                "en"
            ),
            vec![
                "ASTANA, March 6. President Tokayev received a delegation.",
                "It came from China."
            ]
        );
        assert_eq!(
            sents(
                "BAKU, Azerbaijan, June 5. Azerbaijan and China will expand ties.",
                "en"
            ),
            vec!["BAKU, Azerbaijan, June 5. Azerbaijan and China will expand ties."]
        );
    }

    #[test]
    fn a_web_address_glued_to_its_dot_ends_no_sentence() {
        assert_eq!(
            sents(
                "TEMPO.CO, Jakarta - KPK menetapkan Bupati sebagai tersangka.",
                "id"
            ),
            vec!["TEMPO.CO, Jakarta - KPK menetapkan Bupati sebagai tersangka."]
        );
        assert_eq!(
            sents("الرياض - العربية.نت", "ar"),
            vec!["الرياض - العربية.نت"]
        );
        // A sentence end glued to the next sentence still ends it.
        assert_eq!(
            sents("The talks ended.The next round is in May.", "en"),
            vec!["The talks ended.", "The next round is in May."]
        );
    }

    #[test]
    fn quotes_and_parentheses() {
        assert_eq!(
            sents(
                "\"We will win. The team is ready,\" the coach said. He left (after a short talk.) Then rain fell.",
                "en"
            ),
            vec![
                "\"We will win.",
                "The team is ready,\" the coach said.",
                "He left (after a short talk.)",
                "Then rain fell."
            ]
        );
    }

    #[test]
    fn every_sentence_of_a_quotation_is_a_sentence() {
        // Arabic has no capitals: a sentence inside «» or "" ends before an Arabic word, with
        // its space or without (probe in41 S1).
        assert_eq!(
            sents(
                "ويضيف: «كنا نبيع الكيلوواط بأقل من سنت واحد، بينما كلفته 25 سنتاً. هذا لم يكن مستداماً».",
                "ar"
            ),
            vec![
                "ويضيف: «كنا نبيع الكيلوواط بأقل من سنت واحد، بينما كلفته 25 سنتاً.",
                "هذا لم يكن مستداماً»."
            ]
        );
        assert_eq!(
            sents(
                "وتختم حليمة حديثها بالقول: \"نحن لا نطلب الكثير.فقط أن يعيش أطفالنا\".",
                "ar"
            ),
            vec![
                "وتختم حليمة حديثها بالقول: \"نحن لا نطلب الكثير.",
                "فقط أن يعيش أطفالنا\"."
            ]
        );
        assert_eq!(
            sents(
                "وأضاف: «نحن نرفض بشكل قاطع أي محاولة لتصفية القضية الفلسطينية على حساب دول الجوار.مصر قالت كلمتها بوضوح وستظل على موقفها».",
                "ar"
            )
            .len(),
            2
        );
        assert_eq!(
            sents("وسأل: «هل ستنجح الخطة؟ لا أحد يعرف».", "ar"),
            vec!["وسأل: «هل ستنجح الخطة؟", "لا أحد يعرف»."]
        );
        // A lost space inside an English quotation (probe in42 1.2).
        assert_eq!(
            sents(
                "\"I have lived here for 30 years and I have never seen anything like this.The water came in at 2am and by 4am it was at my chest,\" she said.",
                "en"
            ),
            vec![
                "\"I have lived here for 30 years and I have never seen anything like this.",
                "The water came in at 2am and by 4am it was at my chest,\" she said."
            ]
        );
        // Indonesian quotations were split already; they stay so.
        assert_eq!(
            sents(
                "\"Kami hormati putusan majelis. Nanti kami laporkan ke pimpinan,\" kata Andhika.",
                "id"
            ),
            vec![
                "\"Kami hormati putusan majelis.",
                "Nanti kami laporkan ke pimpinan,\" kata Andhika."
            ]
        );
    }

    #[test]
    fn quotations_keep_their_abbreviations_ellipses_and_addresses() {
        for (text, lang) in [
            // A title, an initial and an agency's dotted name before an Arabic word.
            ("وقال: «التقى د. محمد الوزير أمس».", "ar"),
            ("وقال: «نقلت أ.ف.ب. عن مصادر أن الوفد وصل».", "ar"),
            // Dots that join a sentence's parts.
            ("وقال: «نحن لا نريد الحرب.. نريد السلام فقط».", "ar"),
            ("وقال: «لا أعرف... ربما غدا».", "ar"),
            ("وقال: «تابعوا العربية.نت لمعرفة التفاصيل».", "ar"),
            // A name and the initial of the father's name.
            (
                "واعترف المتهم الأول، ويدعى \"رضا. ع\" 45 عاما، خلال التحقيقات بأنه تلقى الأموال بالفعل.",
                "ar",
            ),
            // Lost spaces that are no sentence end.
            (
                "\"The U.S.Army base and Rp15.650 are in J.K.Rowling's book,\" he said.",
                "en",
            ),
            (
                "\"Baca di Detik.Com dan KOMPAS.com, atau di Jl.Merdeka,\" katanya.",
                "id",
            ),
            ("\"It was e.g.not true,\" he said.", "en"),
        ] {
            assert_eq!(sents(text, lang), vec![text], "{text}");
        }
    }

    #[test]
    fn dots_join_the_parts_of_a_headline() {
        // Probe in41 S2: titles and decks, whatever follows the dots.
        for line in [
            "\"المركزي\" يثبت أسعار الفائدة للمرة الثالثة على التوالي.. ومحللون: القرار كان متوقعا",
            "مسؤول في «حماس» لـ«القدس العربي»: لا صفقة دون انسحاب كامل.. وتل أبيب تتحدث عن «تقدم حذر» في مفاوضات الدوحة",
            "مباشر.. اليوم الأخير من الانتخابات الرئاسية الروسية: نسبة المشاركة تتجاوز 70%",
            "قال إن خطة الطوارئ تعتمد على الغاز المصري... ولا اتفاق نهائياً مع العراق",
            "Harga Beras Naik Lagi... Pedagang Mengeluh",
        ] {
            assert_eq!(sents(line, "ar"), vec![line], "{line}");
        }
        // In a paragraph that ends a sentence, dots before a capital still end one, and so in
        // a body paragraph without a final mark that has another sentence end, or a colon.
        assert_eq!(
            sents("He waited for an answer... None came. They left.", "en"),
            vec!["He waited for an answer...", "None came.", "They left."]
        );
        assert_eq!(
            sents(
                "Shopkeepers waited for the sirens... They never sounded. By the time the water came the shops were flooded",
                "en"
            ),
            vec![
                "Shopkeepers waited for the sirens...",
                "They never sounded.",
                "By the time the water came the shops were flooded"
            ]
        );
        assert_eq!(
            sents(
                "The governor waited for news from the villages... None came for hours:",
                "en"
            ),
            vec![
                "The governor waited for news from the villages...",
                "None came for hours:"
            ]
        );
        // Glued ranks are abbreviations, and a number answering a question is a sentence.
        assert_eq!(
            sents(
                "Chief of Staff Lt.Gen.Herzi Halevi visited troops. Air Force Brig.Gen.Pat Ryder spoke.",
                "en"
            ),
            vec![
                "Chief of Staff Lt.Gen.Herzi Halevi visited troops.",
                "Air Force Brig.Gen.Pat Ryder spoke."
            ]
        );
        assert_eq!(
            sents(
                "How many people died? 12. The rest are still missing.",
                "en"
            ),
            vec![
                "How many people died?",
                "12.",
                "The rest are still missing."
            ]
        );
    }

    #[test]
    fn a_list_number_stays_with_its_line() {
        // Probe in43 1.2: IDN Times' numbered sub-headings.
        for line in [
            "1. El Nino sudah melemah, La Nina mengintai",
            "2. Wilayah mana saja yang paling rawan?",
            "3) Gol penentu di menit akhir",
            "10. Persebaya kecewa dengan keputusan wasit",
        ] {
            assert_eq!(sents(line, "id"), vec![line], "{line}");
        }
        assert_eq!(
            sents("1. Harga beras naik. Pedagang mengeluh.", "id"),
            vec!["1. Harga beras naik.", "Pedagang mengeluh."]
        );
        // A number ending a sentence is the sentence's.
        assert_eq!(
            sents(
                "Skor akhir 2-1. Persebaya kalah. Mereka di peringkat 12. Pelatih kecewa.",
                "id"
            ),
            vec![
                "Skor akhir 2-1.",
                "Persebaya kalah.",
                "Mereka di peringkat 12.",
                "Pelatih kecewa."
            ]
        );
        assert!(!is_list_number("2024."));
        assert!(!is_list_number("1.."));
    }

    #[test]
    fn newlines_end_sentences_and_titles_stand_alone() {
        assert_eq!(
            sents(
                "Harga Beras Naik\nHarga beras naik 5 persen. Pedagang mengeluh.",
                "id"
            ),
            vec![
                "Harga Beras Naik",
                "Harga beras naik 5 persen.",
                "Pedagang mengeluh."
            ]
        );
    }

    #[test]
    fn indonesian_dateline_and_abbreviations() {
        assert_eq!(
            sents(
                "Jakarta (ANTARA) - Gubernur bertemu Ir. Budi dan Drs. Ali di Jl. Merdeka. Mereka membahas banjir.",
                "id"
            ),
            vec![
                "Jakarta (ANTARA) - Gubernur bertemu Ir. Budi dan Drs. Ali di Jl. Merdeka.",
                "Mereka membahas banjir."
            ]
        );
    }

    #[test]
    fn indonesian_titles_and_abbreviations_before_a_name_or_a_bracket() {
        // Each of these lines is one sentence (probe in43 1.1).
        for line in [
            "Adapun Plt. Dirjen Otonomi Daerah Kemendagri Ir. Bambang Suharyanto, M.Si mengatakan pemerintah terbuka terhadap masukan dari semua pihak.",
            "JAKARTA - Polres Metro Jakarta Selatan menangkap tiga pelaku pembegalan yang melukai seorang pengemudi ojek online di Jalan Moh. Kahfi II, Jagakarsa, Jakarta Selatan.",
            "Bupati Demak, dr. H. Mochamad Arifin, menetapkan status tanggap darurat bencana selama 14 hari, terhitung sejak Rabu (13/3/2024).",
            "Senada, Kepala Ekonom PT Bank Permata Tbk. (BNLI), Dimas Wicaksono Hadi menilai tekanan terhadap rupiah juga datang dari faktor domestik.",
            "\"Menyatakan terdakwa dr. Rahmat Hidayatullah terbukti secara sah dan meyakinkan bersalah melakukan tindak pidana korupsi secara bersama-sama,\" ucap Suryo membacakan amar putusan.",
            "Penjabat (Pj) Wali Kota, Pj. Gubernur DKI Heru Budi dan Hj. Siti Aminah meninjau Jl. Merdeka No. 5, Kec. Gambir, Kab. Bogor.",
            "Rapat dipimpin Drs. Muh. Ali dan Ny. Ratna, sedangkan Plh. Sekda hadir bersama Pdt. Yohanes.",
            "Saham PT Bank Rakyat Indonesia (Persero) Tbk. (IDX: BBRI) naik 2 persen.",
            // Specialists' degrees and a Minang title (probe in58 1.1).
            "Ketua Satgas Infeksi IDAI, dr. Wahyu Setyo Nugroho, Sp.A(K), menyebut fase kritis DBD justru terjadi ketika demam mulai turun.",
            "Direktur RSUD Batang, dr. Heru Santoso Wibowo, Sp.B, menjelaskan 19 korban dirawat di RSUD Batang.",
            "Syafrizal Dt. Rajo Mangkuto: Tanah Ulayat Jangan Dijual ke Investor",
        ] {
            assert_eq!(sents(line, "id"), vec![line], "{line}");
        }
        // A company's legal form still ends a sentence before a new one.
        assert_eq!(
            sents(
                "Laba bersih naik 10 persen, kata PT Bank Permata Tbk. Sementara itu, rupiah melemah.",
                "id"
            ),
            vec![
                "Laba bersih naik 10 persen, kata PT Bank Permata Tbk.",
                "Sementara itu, rupiah melemah."
            ]
        );
        assert!(!opens_with_ticker("(Persero) turun."));
        assert!(!opens_with_ticker("(The company declined to comment.)"));
    }

    #[test]
    fn mei_the_month_of_may_ends_a_sentence() {
        assert_eq!(
            sents(
                "El Nino yang kemarin cukup kuat sudah melemah dan diperkirakan netral pada Mei. Setelah itu ada peluang La Nina lemah di semester kedua.",
                "id"
            ),
            vec![
                "El Nino yang kemarin cukup kuat sudah melemah dan diperkirakan netral pada Mei.",
                "Setelah itu ada peluang La Nina lemah di semester kedua."
            ]
        );
        // A date in May goes on.
        assert_eq!(
            sents(
                "Sidang digelar pada 5 Mei 2024 di Jakarta. Hakim hadir.",
                "id"
            )
            .len(),
            2
        );
    }

    #[test]
    fn arabic_punctuation() {
        assert_eq!(
            sents(
                "قال الوزير، إن «التعاون مستمر». هل ستنجح الخطة؟ نعم؛ بالتأكيد.",
                "ar"
            ),
            vec![
                "قال الوزير، إن «التعاون مستمر».",
                "هل ستنجح الخطة؟",
                "نعم؛ بالتأكيد."
            ]
        );
    }

    #[test]
    fn long_paragraphs_are_cut_at_final_marks() {
        let sentence = "Il presidente Mario Rossi ha detto che il piano funziona. ";
        let para = sentence.repeat(2000);
        let got = pieces(&para, MAX_SEGMENTER_PIECE);
        assert!(got.len() > 1);
        assert_eq!(got.first().map(|p| p.0), Some(0));
        assert_eq!(got.last().map(|p| p.1), Some(para.len()));
        for (piece, next) in got.iter().zip(&got[1..]) {
            assert_eq!(piece.1, next.0, "pieces are consecutive");
            assert!(piece.1 - piece.0 <= MAX_SEGMENTER_PIECE);
            assert!(
                para[..piece.1].ends_with("funziona."),
                "cut after a final mark"
            );
        }
        // Cut or not, the sentences are the same: each sentence once, whole.
        assert_each_sentence_whole(&para, sentence, "it", MAX_SEGMENTER_PIECE);
    }

    /// `para`, `sentence` repeated, segments into each sentence, whole, in pieces of at most
    /// `max_piece` bytes.
    fn assert_each_sentence_whole(para: &str, sentence: &str, lang: &str, max_piece: usize) {
        let spans = segment_paragraph_in_pieces(para, lang, max_piece);
        assert_eq!(spans.len(), para.len() / sentence.len());
        assert!(
            spans
                .iter()
                .all(|&(s, e)| &para[s..e] == sentence.trim_end())
        );
    }

    #[test]
    fn cuts_are_joined_back_after_abbreviations_and_before_lowercase() {
        // Pieces may end after "Dr." and "No." (not before "e.g. here": lowercase); the rules
        // join those back.
        let sentence = "We met Dr. Smith and Dr. Jones at No. 10 today, e.g. here and there. ";
        let para = sentence.repeat(400);
        let small = 100;
        let ends = |piece: &(usize, usize)| para[..piece.1].split(' ').next_back();
        let got = pieces(&para, small);
        for word in ["Dr.", "No.", "there."] {
            assert!(
                got.iter().any(|p| ends(p) == Some(word)),
                "a cut after {word}"
            );
        }
        assert_each_sentence_whole(&para, sentence, "en", small);
    }

    #[test]
    fn seeds_without_line_breaks_segment_as_one_piece_would() {
        // A crawl that lost its line breaks: each seed as one paragraph, cut into pieces or
        // not, gives the same sentences, but for a quotation mark at an edge (sentencex pairs
        // quotes over all the text it is given, and in seed 002 one paragraph-long pairing
        // puts an opening mark at the end of the sentence before it).
        let core = |para: &str, spans: Vec<(usize, usize)>| -> Vec<String> {
            spans
                .into_iter()
                .map(|(s, e)| para[s..e].trim_matches(['"', ' ']).to_string())
                .collect()
        };
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../datasets/raw/seeds");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).expect("the seeds") {
            let path = entry.expect("a seed").path();
            let text = std::fs::read_to_string(&path).expect("a seed's text");
            let para = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let lang = crate::lang::detect(&para).0;
            let small = 256;
            assert!(pieces(&para, small).len() > 3, "{}", path.display());
            assert_eq!(
                core(&para, segment_paragraph_in_pieces(&para, &lang, small)),
                core(&para, segment_paragraph_in_pieces(&para, &lang, usize::MAX)),
                "{}",
                path.display()
            );
            seen += 1;
        }
        assert_eq!(seen, 5);
    }

    #[test]
    fn chinese_is_cut_without_spaces() {
        let sentence = "国家主席表示，政府将在三月通过该法律。";
        let para = sentence.repeat(1000);
        let got = pieces(&para, MAX_SEGMENTER_PIECE);
        assert!(got.len() > 1);
        assert!(got.iter().all(|p| para[..p.1].ends_with('。')));
        let quoted = "他说：「我们准备好了。」".repeat(1000);
        let got = pieces(&quoted, MAX_SEGMENTER_PIECE);
        assert!(got.len() > 1);
        assert!(got.iter().all(|p| quoted[..p.1].ends_with("。」")));
    }

    #[test]
    fn a_paragraph_without_final_marks_is_one_piece() {
        let para = "word Word ".repeat(10_000);
        assert_eq!(pieces(&para, MAX_SEGMENTER_PIECE), vec![(0, para.len())]);
        let marks = "Word. ".repeat(10);
        assert_eq!(pieces(&marks, MAX_SEGMENTER_PIECE), vec![(0, marks.len())]);
    }

    #[test]
    fn a_closing_mark_that_opens_a_quotation_starts_the_next_sentence() {
        let text = "Kedua pelaku sudah ditahan sejak Senin. ”Kami akan proses sesuai hukum,” kata Budi. ”Pelaku mengaku khilaf,” ujarnya.";
        let got: Vec<&str> = segment(text, "id")
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            got,
            vec![
                "Kedua pelaku sudah ditahan sejak Senin.",
                "”Kami akan proses sesuai hukum,” kata Budi.",
                "”Pelaku mengaku khilaf,” ujarnya.",
            ]
        );
        // A closing mark after its final mark stays with its sentence.
        let text = "He said: \"We won.\" Then he left.";
        let got: Vec<&str> = segment(text, "en")
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(got, vec!["He said: \"We won.\"", "Then he left."]);
    }

    #[test]
    fn no_punctuation_at_all() {
        let text = "word ".repeat(50_000);
        assert_eq!(segment(&text, "en").len(), 1);
    }
}
