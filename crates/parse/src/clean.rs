//! Building the cleaned prose text and its source map from the prose lines, with repairs:
//! Unicode NFC, whitespace normalisation (runs of spaces, tabs, no-break spaces become one
//! space; invisible characters go), HTML character references left by a crawl ("&amp;",
//! "&nbsp;", "&#8217;": decoded by `html-escape`), a split drop cap ("O n June 2" -> "On June 2") and a
//! title written twice on its line. Prose lines are joined with one `\n`.
//!
//! Offsets stay exact: bytes copied verbatim map one-to-one to raw bytes, and every edit point
//! starts a new [`SourceAnchor`].

use crate::chars;
use crate::lines::{Line, is_invisible, is_space};
use crate::rules::single_letter_words;
use records::SourceAnchor;
use std::collections::BTreeSet;
use unicode_normalization::{UnicodeNormalization, is_nfc};

pub struct Builder {
    pub text: String,
    pub map: Vec<SourceAnchor>,
    pub flags: BTreeSet<&'static str>,
    /// Source byte the next text byte maps to under the last anchor, if it continues it.
    next_src: Option<usize>,
}

impl Builder {
    pub fn new() -> Self {
        Builder {
            text: String::new(),
            map: Vec::new(),
            flags: BTreeSet::new(),
            next_src: None,
        }
    }

    fn anchor(&mut self, src: usize) {
        let a = SourceAnchor {
            text_byte: self.text.len(),
            source_byte: src,
        };
        match self.map.last_mut() {
            // An anchor at the same text byte replaces the previous one (nothing was emitted).
            Some(last) if last.text_byte == a.text_byte => *last = a,
            _ => self.map.push(a),
        }
    }

    /// Copies raw text verbatim from source byte `src`.
    pub fn copy(&mut self, src: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        if self.next_src != Some(src) {
            self.anchor(src);
        }
        self.text.push_str(s);
        self.next_src = Some(src + s.len());
    }

    /// Replaces the raw bytes `src..src_end` with `with` (possibly empty: a deletion). The first
    /// byte of the replacement maps to `src` and, when it is longer than one byte, its last
    /// byte to the last raw byte, so that ranges starting or ending at the edit map onto
    /// whole raw characters.
    pub fn edit(&mut self, src: usize, src_end: usize, with: &str) {
        if !with.is_empty() {
            self.anchor(src);
            self.text.push_str(with);
            if with.len() > 1 && src_end > src + 1 {
                let a = SourceAnchor {
                    text_byte: self.text.len() - 1,
                    source_byte: src_end - 1,
                };
                self.map.push(a);
            }
        }
        self.next_src = None;
    }
}

/// Appends one prose line, repaired. `drop_cap` allows the drop-cap repair at its start.
pub fn push_line(b: &mut Builder, raw: &str, line: &Line, lang: &str, drop_cap: bool) {
    let s = &raw[line.trim_start..line.trim_end];
    let base = line.trim_start;
    let mut i = 0;
    if drop_cap && let Some((letter_end, frag_start)) = split_drop_cap(s, lang) {
        b.copy(base, &s[..letter_end]);
        b.edit(base + letter_end, base + frag_start, "");
        b.flags.insert("drop_cap");
        i = frag_start;
    }
    while i < s.len() {
        let plain = plain_prefix(&s[i..]);
        if plain > 0 {
            b.copy(base + i, &s[i..i + plain]);
            i += plain;
            continue;
        }
        let rest = &s[i..];
        if rest.starts_with('&') {
            i += push_entity(b, base + i, rest);
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if is_space(c) && !is_invisible(c) {
            let run = rest.len() - rest.trim_start_matches(is_space).len();
            if &rest[..run] == " " {
                b.copy(base + i, " ");
            } else {
                b.edit(base + i, base + i + run, " ");
                b.flags.insert("whitespace");
            }
            i += run;
        } else {
            let len = rest
                .find(|c: char| is_space(c) && !is_invisible(c))
                .unwrap_or(rest.len());
            push_word(b, base + i, &rest[..len]);
            i += len;
        }
    }
}

/// The length of the start of `rest` that `push_line` would copy verbatim piece by piece,
/// to copy it at once: whole words of plain characters ([`plain_char`]) with single spaces
/// between them. It ends before anything else: a run of spaces, other whitespace, or a word
/// with another character (which may need NFC or hold an invisible one).
fn plain_prefix(rest: &str) -> usize {
    let b = rest.as_bytes();
    let mut word_start = 0;
    let mut k = 0;
    while k < b.len() {
        // A character reference of HTML left in crawled text ("&nbsp;", "&amp;").
        if b[k] == b'&' {
            return k;
        }
        if b[k] == b' ' {
            // A single space, before a plain character (or the end).
            if k + 1 < b.len() && plain_char(b, k + 1).is_none() {
                return k;
            }
            k += 1;
            word_start = k;
        } else if let Some(n) = plain_char(b, k) {
            k += n;
        } else if b[k].is_ascii() {
            return k;
        } else {
            return word_start;
        }
    }
    b.len()
}

/// The byte length of the character at `b[k]` when it is plain: neither whitespace nor
/// invisible, and NFC in any sequence of plain characters. That is ASCII other than
/// whitespace, and the Arabic letters U+0621..U+064A and digits U+0660..U+0669 (no
/// decomposition starts with two of them; the marks that compose with a letter are not
/// plain).
fn plain_char(b: &[u8], k: usize) -> Option<usize> {
    match b[k] {
        c if c.is_ascii() => (!char::from(c).is_whitespace()).then_some(1),
        0xD8 => matches!(b.get(k + 1), Some(0xA1..=0xBF)).then_some(2),
        0xD9 => matches!(b.get(k + 1), Some(0x80..=0x8A | 0xA0..=0xA9)).then_some(2),
        _ => None,
    }
}

/// Bytes of a character reference: "&", a name or a number, ";".
const MAX_ENTITY: usize = 12;

/// At an "&": a character reference of HTML ("&nbsp;", "&amp;", "&#8217;") becomes its
/// character (a no-break space, like any run of spaces, one space or none after a space);
/// anything else is copied. Returns the bytes taken from `rest`.
fn push_entity(b: &mut Builder, src: usize, rest: &str) -> usize {
    let name_len = rest[1..]
        .bytes()
        .take(MAX_ENTITY)
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'#')
        .count();
    let len = name_len + 2;
    if name_len == 0 || rest.as_bytes().get(len - 1) != Some(&b';') {
        b.copy(src, "&");
        return 1;
    }
    let entity = &rest[..len];
    let decoded = html_escape::decode_html_entities(entity);
    if decoded == entity {
        b.copy(src, "&");
        return 1;
    }
    b.flags.insert("html_entity");
    let c = decoded.chars().next().unwrap_or(' ');
    let one = decoded.chars().count() == 1;
    if one && is_invisible(c) {
        // "&shy;", "&#8203;": gone, as the characters themselves go.
        b.edit(src, src + len, "");
    } else if one && is_space(c) {
        let after_space = b.text.is_empty() || b.text.ends_with([' ', '\n']);
        let before_space = rest[len..].starts_with(char::is_whitespace);
        b.edit(
            src,
            src + len,
            if after_space || before_space { "" } else { " " },
        );
    } else {
        let text: String = decoded.nfc().collect();
        b.edit(src, src + len, &text);
    }
    len
}

/// A word (no whitespace inside): copied when clean, else NFC-normalised without invisibles.
fn push_word(b: &mut Builder, src: usize, w: &str) {
    let has_invisible = w.contains(is_invisible);
    let nfc = w.is_ascii() || is_nfc(w);
    if !has_invisible && nfc {
        b.copy(src, w);
        return;
    }
    if has_invisible && nfc {
        // Copy the visible pieces verbatim; drop the invisible characters.
        let mut start = 0;
        for (j, c) in w.char_indices() {
            if is_invisible(c) {
                b.copy(src + start, &w[start..j]);
                b.edit(src + j, src + j + c.len_utf8(), "");
                start = j + c.len_utf8();
            }
        }
        b.copy(src + start, &w[start..]);
        b.flags.insert("invisible_removed");
        return;
    }
    if has_invisible {
        b.flags.insert("invisible_removed");
    }
    let cleaned: String = w.chars().filter(|&c| !is_invisible(c)).nfc().collect();
    b.flags.insert("nfc");
    b.edit(src, src + w.len(), &cleaned);
}

/// "O n June 2" -> the end of the letter and the start of the fragment, when the capital is
/// split from the rest of its word: the letter is not a word of its own, or the fragment is a
/// single letter ("I n 2020").
pub fn split_drop_cap(s: &str, lang: &str) -> Option<(usize, usize)> {
    let mut it = s.char_indices();
    let (_, letter) = it.next()?;
    if !letter.is_uppercase() {
        return None;
    }
    let (sp, space) = it.next()?;
    if !(space == ' ' || space == '\u{A0}') {
        return None;
    }
    let frag_start = sp + space.len_utf8();
    let frag: &str = s[frag_start..]
        .split(|c: char| !chars::is_alphabetic(c))
        .next()
        .unwrap_or("");
    if frag.is_empty() || !frag.chars().all(char::is_lowercase) {
        return None;
    }
    let after = s[frag_start + frag.len()..].chars().next();
    if after.is_some_and(|c| c == '.' || c == '\'') {
        return None;
    }
    let is_word = single_letter_words(lang).contains(&letter);
    (!is_word || frag.chars().count() == 1).then_some((sp, frag_start))
}

/// A title written twice on one line ("Rain returns Rain returns", "Rain returnsRain returns"):
/// the byte length of the first copy.
pub fn doubled_title(s: &str) -> Option<usize> {
    if s.chars().count() < 8 {
        return None;
    }
    let half = s.len() / 2;
    for cut in [half, half + 1] {
        if cut > s.len() || !s.is_char_boundary(cut) {
            continue;
        }
        let (a, b) = s.split_at(cut);
        let a_trim = a.trim_end();
        let b_trim = b.trim_start();
        if !a_trim.is_empty() && a_trim == b_trim && a_trim.len() + b_trim.len() + 1 >= s.len() {
            return Some(a_trim.len());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn build(raw: &str, lang: &str) -> Builder {
        let mut b = Builder::new();
        for (n, l) in split_lines(raw)
            .iter()
            .filter(|l| !l.is_blank())
            .enumerate()
        {
            if n > 0 {
                b.edit(l.start.saturating_sub(1), l.start, "\n");
            }
            push_line(&mut b, raw, l, lang, n == 0);
        }
        b
    }

    fn source_of(b: &Builder, t: usize) -> usize {
        let i = b.map.partition_point(|a| a.text_byte <= t);
        let a = b.map[i - 1];
        a.source_byte + (t - a.text_byte)
    }

    #[test]
    fn plain_characters_are_nfc_and_visible() {
        let plain: String = ('\u{0621}'..='\u{064A}')
            .chain('\u{0660}'..='\u{0669}')
            .collect();
        assert!(
            is_nfc(&plain) && !plain.contains(is_invisible) && !plain.contains(char::is_whitespace)
        );
        for c in plain.chars() {
            let s = c.to_string();
            assert_eq!(plain_char(s.as_bytes(), 0), Some(s.len()), "{c:?}");
        }
        for c in [
            '\u{0620}', '\u{064B}', '\u{0653}', '\u{066A}', '\u{06CC}', '\u{00A0}',
        ] {
            assert_eq!(plain_char(c.to_string().as_bytes(), 0), None, "{c:?}");
        }
    }

    #[test]
    fn plain_runs_are_copied_as_piece_by_piece() {
        // `push_line` before `plain_prefix`: every word and space on its own.
        fn piece_by_piece(b: &mut Builder, s: &str, base: usize) {
            let mut i = 0;
            while i < s.len() {
                let rest = &s[i..];
                let c = rest.chars().next().unwrap_or(' ');
                if is_space(c) && !is_invisible(c) {
                    let run = rest.len() - rest.trim_start_matches(is_space).len();
                    if &rest[..run] == " " {
                        b.copy(base + i, " ");
                    } else {
                        b.edit(base + i, base + i + run, " ");
                        b.flags.insert("whitespace");
                    }
                    i += run;
                } else {
                    let len = rest
                        .find(|c: char| is_space(c) && !is_invisible(c))
                        .unwrap_or(rest.len());
                    push_word(b, base + i, &rest[..len]);
                    i += len;
                }
            }
        }
        for raw in [
            "Plain words here.",
            "Two  spaces and\ta tab, x\u{A0}nbsp, e\u{301}cole and café \u{200B}x y",
            "a \u{A0}b é c\u{2003}d x\u{200B} z",
            "end with accent é",
            "قال الوزير إن الأسعار ارتفعت بنسبة ٥٪ في ٢٠٢٣ Jakarta",
            "وقال  المتحدث\tأمس آ أ ؤ إ ئ ا\u{653} ٱ كتب\u{64E} ـ x\u{A0}ي",
        ] {
            let line = Line {
                start: 0,
                end: raw.len(),
                trim_start: 0,
                trim_end: raw.len(),
            };
            let mut fast = Builder::new();
            push_line(&mut fast, raw, &line, "en", false);
            let mut slow = Builder::new();
            piece_by_piece(&mut slow, raw, 0);
            assert_eq!(
                (fast.text, fast.map, fast.flags),
                (slow.text, slow.map, slow.flags)
            );
        }
    }

    #[test]
    fn whitespace_and_nbsp_are_normalised_with_exact_offsets() {
        let raw = "Kota  itu\u{A0}\u{A0}ramai.\tSekali.";
        let b = build(raw, "id");
        assert_eq!(b.text, "Kota itu ramai. Sekali.");
        assert!(b.flags.contains("whitespace"));
        let t = b.text.find("ramai").unwrap();
        assert_eq!(&raw[source_of(&b, t)..source_of(&b, t) + 5], "ramai");
        let t = b.text.find("Sekali").unwrap();
        assert_eq!(&raw[source_of(&b, t)..source_of(&b, t) + 6], "Sekali");
    }

    #[test]
    fn html_character_references_are_decoded_with_exact_offsets() {
        let raw = "Johnson &amp; Johnson said.&nbsp;Sales rose&#8230; AT&T &bogus; R&D;";
        let b = build(raw, "en");
        assert_eq!(
            b.text,
            "Johnson & Johnson said. Sales rose\u{2026} AT&T &bogus; R&D;"
        );
        assert!(b.flags.contains("html_entity"));
        for word in ["Johnson said", "Sales", "AT&T", "&bogus;"] {
            let t = b.text.find(word).unwrap();
            assert_eq!(&raw[source_of(&b, t)..source_of(&b, t) + word.len()], word);
        }
        // Invisible characters go, as written out ("infor&shy;mation").
        assert_eq!(
            build("infor&shy;mation co&#8203;operation", "en").text,
            "information cooperation"
        );
        // A no-break space next to a space is no second space.
        assert_eq!(build("a &nbsp;b", "en").text, "a b");
        assert!(
            !build("no references & here", "en")
                .flags
                .contains("html_entity")
        );
    }

    #[test]
    fn nfc_and_invisibles() {
        let raw = "Cafe\u{301} opens.\nA zero\u{200B}width word.";
        let b = build(raw, "en");
        assert_eq!(b.text, "Caf\u{E9} opens.\nA zerowidth word.");
        assert!(b.flags.contains("nfc") && b.flags.contains("invisible_removed"));
        let t = b.text.find("opens").unwrap();
        assert_eq!(&raw[source_of(&b, t)..source_of(&b, t) + 5], "opens");
        let t = b.text.find("width").unwrap();
        assert_eq!(&raw[source_of(&b, t)..source_of(&b, t) + 5], "width");
    }

    #[test]
    fn drop_caps() {
        assert_eq!(split_drop_cap("T he minister said.", "en"), Some((1, 2)));
        assert_eq!(
            split_drop_cap("I n 2020 the plant closed.", "en"),
            Some((1, 2))
        );
        assert_eq!(split_drop_cap("A man was arrested.", "en"), None);
        assert_eq!(
            split_drop_cap("S ebuah kapal tenggelam.", "id"),
            Some((1, 2))
        );
        assert_eq!(split_drop_cap("J. Smith said.", "en"), None);
        assert_eq!(split_drop_cap("قال الوزير", "ar"), None);
        let b = build("T he port is busy.", "en");
        assert_eq!(b.text, "The port is busy.");
        assert_eq!(source_of(&b, 0), 0);
        assert_eq!(source_of(&b, 1), 2);
    }

    #[test]
    fn doubled_titles() {
        assert_eq!(doubled_title("Rain returns Rain returns"), Some(12));
        assert_eq!(doubled_title("Rain returnsRain returns"), Some(12));
        assert_eq!(
            doubled_title("هطول الأمطار هطول الأمطار"),
            Some("هطول الأمطار".len())
        );
        assert_eq!(doubled_title("Rain returns to the valley"), None);
    }
}
