//! Tokens for token classification: words, numbers (with decimal and thousands separators:
//! "3.5", "1,000", "1.000.000"), each punctuation mark apart (a run of dots stays one token),
//! hyphenated compounds split ("Azerbaijan-China" -> "Azerbaijan", "-", "China"), English
//! clitics apart ("Azerbaijan's" -> "Azerbaijan", "'s"), abbreviations and initials keep their
//! dot ("U.S.", "Jan.", "A."). Arabic: a glued conjunction (و ف) or preposition (ب ل ك) is a
//! token of its own where the rest is a word: always before the article ال ("والصين" -> "و",
//! "الصين"), for و/ف before any rest of three letters or more, and for ب/ل before a rest of
//! four letters or more starting with ت or م; words listed in
//! `datasets/parse/arabic_proclitic_exceptions.txt` ("وزير", "بكين") are never split.

use crate::chars;
use crate::rules::{AR_EXCEPTIONS, is_abbreviation};
use records::Token;

#[inline]
fn is_word_char(c: char) -> bool {
    // ASCII first: no marks there, and the check is one range test.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    chars::is_alphanumeric(c) || is_mark(c)
}

fn is_mark(c: char) -> bool {
    // Combining marks (Arabic harakat, Latin accents) and the Arabic tatweel.
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' | '\u{200C}' | '\u{200D}')
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Tokens of one sentence (byte offsets into `s`).
///
/// Positions are byte offsets throughout: the character at a position is decoded where it is
/// needed (one look-ahead or look-behind at most, except inside the runs being scanned), so no
/// per-character copy of the sentence is made.
pub fn tokenize(s: &str, lang: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let n = s.len();
    // The character at byte `i` and the position after it.
    let at = |i: usize| s.get(i..).and_then(|r| r.chars().next());
    let after = |i: usize| i + at(i).map_or(0, char::len_utf8);
    // The end of the run of word characters from `i`.
    let word_run = |mut i: usize| {
        while let Some(c) = at(i).filter(|&c| is_word_char(c)) {
            i += c.len_utf8();
        }
        i
    };
    let alphabetic_run = |mut i: usize| {
        while let Some(c) = at(i).filter(|&c| chars::is_alphabetic(c)) {
            i += c.len_utf8();
        }
        i
    };
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if chars::is_numeric(c) {
            // A number with inner separators followed by a digit.
            i += c.len_utf8();
            while let Some(c) = at(i) {
                let next = i + c.len_utf8();
                if chars::is_numeric(c) {
                    i = next;
                } else if matches!(c, '.' | ',' | '٫' | '٬')
                    && at(next).is_some_and(chars::is_numeric)
                {
                    i = after(next);
                } else if chars::is_alphabetic(c) {
                    // "100th", "5G": letters glued to a number stay with it.
                    i = word_run(i);
                    break;
                } else {
                    break;
                }
            }
            out.push(Token { start, end: i });
        } else if is_word_char(c) {
            i = word_run(i);
            // Apostrophes: English clitics apart, other inner apostrophes kept ("O'Brien").
            while let Some(q) = at(i).filter(|&q| matches!(q, '\'' | '’'))
                && at(i + q.len_utf8()).is_some_and(is_word_char)
            {
                let j = word_run(i + q.len_utf8());
                if matches!(
                    s[i + q.len_utf8()..j].to_lowercase().as_str(),
                    "s" | "re" | "ve" | "ll" | "d" | "m" | "t"
                ) {
                    break;
                }
                i = j;
            }
            // Dotted acronyms and abbreviations keep their dot: "U.S.", "Jan.", "A.".
            let mut j = i;
            while at(j) == Some('.') && at(j + 1).is_some_and(chars::is_alphabetic) && {
                let k = alphabetic_run(j + 1);
                s[j + 1..k].chars().count() <= 2 && at(k) == Some('.')
            } {
                j = alphabetic_run(j + 1);
            }
            let word = &s[start..j];
            if at(j) == Some('.') {
                let single_initial =
                    word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if j > i || single_initial || is_abbreviation(lang, word) {
                    j += 1;
                }
            }
            i = j;
            let (a, b) = (start, i);
            if s[a..b].chars().next().is_some_and(is_arabic) {
                for (x, y) in split_arabic(&s[a..b]) {
                    out.push(Token {
                        start: a + x,
                        end: a + y,
                    });
                }
            } else {
                out.push(Token { start: a, end: b });
            }
        } else if c == '\'' || c == '’' {
            // A clitic "'s" after a word, or a lone quote mark.
            let prev_word = s[..i].chars().next_back().is_some_and(is_word_char);
            i += c.len_utf8();
            if prev_word {
                i = word_run(i);
            }
            out.push(Token { start, end: i });
        } else {
            i += c.len_utf8();
            if c == '.' {
                while at(i) == Some('.') {
                    i += 1;
                }
            }
            out.push(Token { start, end: i });
        }
    }
    debug_assert!(i >= n);
    out
}

fn letters(s: &str) -> usize {
    s.chars().filter(|&c| chars::is_alphabetic(c)).count()
}

/// Splits glued proclitics off an Arabic word; byte ranges within the word.
fn split_arabic(w: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    // Conjunction و or ف.
    let rest = &w[start..];
    if let Some(c) = rest.chars().next()
        && matches!(c, 'و' | 'ف')
        && !AR_EXCEPTIONS.contains(rest)
    {
        let after = &rest[c.len_utf8()..];
        if letters(after) >= 3 && !AR_EXCEPTIONS.contains(after)
            || after.starts_with("ال") && letters(after) >= 3
        {
            out.push((start, start + c.len_utf8()));
            start += c.len_utf8();
        }
    }
    // Preposition ب ل ك.
    let rest = &w[start..];
    if let Some(c) = rest.chars().next()
        && matches!(c, 'ب' | 'ل' | 'ك')
        && !AR_EXCEPTIONS.contains(rest)
    {
        let after = &rest[c.len_utf8()..];
        let before_article = after.starts_with("ال") && letters(after) >= 4;
        let verbal_noun = c != 'ك'
            && after.starts_with(['ت', 'م'])
            && letters(after) >= 4
            && !AR_EXCEPTIONS.contains(after);
        if before_article || verbal_noun {
            out.push((start, start + c.len_utf8()));
            start += c.len_utf8();
        }
    }
    out.push((start, w.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer before it worked on byte positions: the reference for [`tokenize`].
    fn tokenize_by_chars(s: &str, lang: &str) -> Vec<Token> {
        let mut out = Vec::new();
        // Sized for the longest case up front: growing it copied it over and over.
        let mut chars: Vec<(usize, char)> = Vec::with_capacity(s.len());
        chars.extend(s.char_indices());
        let n = chars.len();
        let at = |i: usize| chars.get(i).map(|&(_, c)| c);
        let pos = |i: usize| chars.get(i).map(|&(b, _)| b).unwrap_or(s.len());
        let mut i = 0;
        while i < n {
            let c = chars[i].1;
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            let start = i;
            if chars::is_numeric(c) {
                // A number with inner separators followed by a digit.
                i += 1;
                while i < n {
                    let c = chars[i].1;
                    if chars::is_numeric(c) {
                        i += 1;
                    } else if matches!(c, '.' | ',' | '٫' | '٬')
                        && at(i + 1).is_some_and(chars::is_numeric)
                    {
                        i += 2;
                    } else if chars::is_alphabetic(c) {
                        // "100th", "5G": letters glued to a number stay with it.
                        while i < n && is_word_char(chars[i].1) {
                            i += 1;
                        }
                        break;
                    } else {
                        break;
                    }
                }
                out.push(Token {
                    start: pos(start),
                    end: pos(i),
                });
            } else if is_word_char(c) {
                while i < n && is_word_char(chars[i].1) {
                    i += 1;
                }
                // Apostrophes: English clitics apart, other inner apostrophes kept ("O'Brien").
                while i < n
                    && matches!(chars[i].1, '\'' | '’')
                    && at(i + 1).is_some_and(is_word_char)
                {
                    let mut j = i + 1;
                    while j < n && is_word_char(chars[j].1) {
                        j += 1;
                    }
                    let tail: String = chars[i + 1..j].iter().map(|&(_, c)| c).collect();
                    if matches!(
                        tail.to_lowercase().as_str(),
                        "s" | "re" | "ve" | "ll" | "d" | "m" | "t"
                    ) {
                        break;
                    }
                    i = j;
                }
                // Dotted acronyms and abbreviations keep their dot: "U.S.", "Jan.", "A.".
                let mut j = i;
                while at(j) == Some('.') && at(j + 1).is_some_and(chars::is_alphabetic) && {
                    let mut k = j + 1;
                    while k < n && chars::is_alphabetic(chars[k].1) {
                        k += 1;
                    }
                    k - (j + 1) <= 2 && at(k) == Some('.')
                } {
                    j += 1;
                    while j < n && chars::is_alphabetic(chars[j].1) {
                        j += 1;
                    }
                }
                let word = &s[pos(start)..pos(j)];
                if at(j) == Some('.') {
                    let single_initial =
                        word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                    if j > i || single_initial || is_abbreviation(lang, word) {
                        j += 1;
                    }
                }
                i = j;
                let (a, b) = (pos(start), pos(i));
                if s[a..b].chars().next().is_some_and(is_arabic) {
                    for (x, y) in split_arabic(&s[a..b]) {
                        out.push(Token {
                            start: a + x,
                            end: a + y,
                        });
                    }
                } else {
                    out.push(Token { start: a, end: b });
                }
            } else if c == '\'' || c == '’' {
                // A clitic "'s" after a word, or a lone quote mark.
                let mut j = i + 1;
                let prev_word = i > 0 && is_word_char(chars[i - 1].1);
                if prev_word {
                    while j < n && is_word_char(chars[j].1) {
                        j += 1;
                    }
                } else {
                    j = i + 1;
                }
                i = j;
                out.push(Token {
                    start: pos(start),
                    end: pos(i),
                });
            } else {
                i += 1;
                if c == '.' {
                    while at(i) == Some('.') {
                        i += 1;
                    }
                }
                out.push(Token {
                    start: pos(start),
                    end: pos(i),
                });
            }
        }
        out
    }

    #[test]
    fn tokens_match_the_reference() {
        let texts = crate::testing::reference_texts(
            &[
                "",
                ".",
                "...",
                "a.",
                "A.",
                "U.S.A. U.S Jan. Ir. e.g. a.b.c.d.",
                "1,000 1.000.000 3.5% 5G 100th 1. 2.. ٣٫٥ ٣٬٠٠٠",
                "Smith's O'Brien rock'n'roll don’t 'quoted' ’s x' 'S",
                "والهند وأكد بالقاهرة وبالتالي لتطوير وزير بين ولد فال",
                "Bakû’s «أذربيجانُ» ـالصين İstanbul ǅ ß ﬁx 東京",
            ],
            "aZe1.,'’ -٣٫٬والبتمكé\u{301}US\nİ",
        );
        for t in &texts {
            for lang in ["en", "id", "ar"] {
                assert_eq!(tokenize(t, lang), tokenize_by_chars(t, lang), "{t:?}");
            }
        }
    }

    #[test]
    fn ascii_word_characters_are_letters_and_digits() {
        for c in (0..128u8).map(char::from) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    fn toks<'a>(s: &'a str, lang: &str) -> Vec<&'a str> {
        // Offsets must slice the sentence exactly.
        tokenize(s, lang)
            .into_iter()
            .map(|t| &s[t.start..t.end])
            .collect()
    }

    #[test]
    fn english_tokens() {
        assert_eq!(
            toks(
                "The U.S. sent 1,000 tons (3.5%) to Chile-Peru on Jan. 5, A. Smith's team said.",
                "en"
            ),
            vec![
                "The", "U.S.", "sent", "1,000", "tons", "(", "3.5", "%", ")", "to", "Chile", "-",
                "Peru", "on", "Jan.", "5", ",", "A.", "Smith", "'s", "team", "said", "."
            ]
        );
        assert_eq!(
            toks("A 19-year-old won...", "en"),
            vec!["A", "19", "-", "year", "-", "old", "won", "..."]
        );
    }

    #[test]
    fn indonesian_tokens() {
        assert_eq!(
            toks(
                "Harga naik 1.500.000 rupiah di Jakarta-Bogor, kata Ir. Budi.",
                "id"
            ),
            vec![
                "Harga",
                "naik",
                "1.500.000",
                "rupiah",
                "di",
                "Jakarta",
                "-",
                "Bogor",
                ",",
                "kata",
                "Ir.",
                "Budi",
                "."
            ]
        );
    }

    #[test]
    fn arabic_proclitics() {
        assert_eq!(toks("والهند", "ar"), vec!["و", "الهند"]);
        assert_eq!(toks("وأكد الوزير", "ar"), vec!["و", "أكد", "الوزير"]);
        assert_eq!(toks("بالقاهرة", "ar"), vec!["ب", "القاهرة"]);
        assert_eq!(toks("وبالتالي", "ar"), vec!["و", "ب", "التالي"]);
        assert_eq!(toks("لتطوير", "ar"), vec!["ل", "تطوير"]);
        assert_eq!(toks("وزير", "ar"), vec!["وزير"]);
        assert_eq!(toks("بين", "ar"), vec!["بين"]);
        assert_eq!(toks("ولد", "ar"), vec!["ولد"]);
        assert_eq!(
            toks("قال، «نعم»؟", "ar"),
            vec!["قال", "،", "«", "نعم", "»", "؟"]
        );
        assert_eq!(toks("بلغ ٣٫٥ مليون", "ar"), vec!["بلغ", "٣٫٥", "مليون"]);
    }
}
