//! The one place where dataset offsets become gold coordinates: code points of the raw input
//! text (the gold `text`).
//!
//! * A sentence carries `source_byte_start/end`, UTF-8 byte offsets into the decoded input:
//!   they only need converting from bytes to code points.
//! * An entity or claim span carries code points into its sentence's text. Those become bytes
//!   of the sentence, then bytes of `articles.text` (the sentence's `byte_start` plus the bytes
//!   of the prefix), then bytes of the input through the article's `source_map`, then code
//!   points of the input.
//!
//! A span end is exclusive; it is mapped through the span's last byte (plus one), as the
//! exporter maps sentences, so that a span ending at an edit point does not run into the
//! next piece of the input.

use serde::Serialize;

/// A half-open range of code points in the raw input text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn overlap(&self, other: &Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Byte offset of the code point `char_offset` of `s`; `s.len()` for the end. `None` past it.
pub fn char_to_byte(s: &str, char_offset: usize) -> Option<usize> {
    if char_offset == 0 {
        return Some(0);
    }
    match s.char_indices().nth(char_offset) {
        Some((b, _)) => Some(b),
        None if s.chars().count() == char_offset => Some(s.len()),
        None => None,
    }
}

/// An article's `source_map`: anchors `(text_byte, source_byte)`, sorted by `text_byte`.
/// From `text_byte` on, bytes of `articles.text` equal the input's bytes from `source_byte`
/// on, up to the next anchor; before the first anchor, bytes map to themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    anchors: Vec<(u64, u64)>,
}

impl SourceMap {
    pub fn new(mut anchors: Vec<(u64, u64)>) -> SourceMap {
        anchors.sort_unstable();
        SourceMap { anchors }
    }

    /// Source byte of a byte of `articles.text`.
    pub fn source_byte(&self, text_byte: u64) -> u64 {
        let i = self.anchors.partition_point(|a| a.0 <= text_byte);
        match i.checked_sub(1).map(|i| self.anchors[i]) {
            Some((t, s)) => s + (text_byte - t),
            None => text_byte,
        }
    }

    /// Source byte range of a half-open range of `articles.text` bytes.
    pub fn source_range(&self, start: u64, end: u64) -> (u64, u64) {
        if end <= start {
            let s = self.source_byte(start);
            return (s, s);
        }
        (self.source_byte(start), self.source_byte(end - 1) + 1)
    }
}

/// Byte offsets of the raw input text -> code points.
#[derive(Debug, Clone)]
pub struct RawIndex {
    /// Byte offset of every code point, then the text's length.
    starts: Vec<usize>,
    /// Code points the dataset's decoded input lacks at its start (a byte order mark the
    /// reader removed, which `open(..., encoding='utf-8')` keeps).
    shift: usize,
}

impl RawIndex {
    /// `bom_removed`: the reader dropped a leading U+FEFF that the raw text still has.
    pub fn new(raw: &str, bom_removed: bool) -> RawIndex {
        let shift = usize::from(bom_removed && raw.starts_with('\u{feff}'));
        let decoded = &raw[shift * '\u{feff}'.len_utf8()..];
        let mut starts: Vec<usize> = decoded.char_indices().map(|(b, _)| b).collect();
        starts.push(decoded.len());
        RawIndex { starts, shift }
    }

    /// Code point at a byte offset of the decoded input; `None` unless the offset is a
    /// character boundary inside the text (or its end).
    pub fn char_of(&self, byte: u64) -> Option<usize> {
        let byte = usize::try_from(byte).ok()?;
        self.starts
            .binary_search(&byte)
            .ok()
            .map(|cp| cp + self.shift)
    }

    /// A byte range of the decoded input as a code-point span of the raw text.
    pub fn span(&self, start: u64, end: u64) -> Option<Span> {
        let (s, e) = (self.char_of(start)?, self.char_of(end)?);
        (s <= e).then_some(Span::new(s, e))
    }
}

/// Everything needed to map one article's spans to raw code points.
#[derive(Debug, Clone)]
pub struct ArticleCoords {
    pub source_map: SourceMap,
    pub raw: RawIndex,
}

impl ArticleCoords {
    /// A sentence's `(source_byte_start, source_byte_end)`.
    pub fn sentence_span(&self, source_byte_start: i64, source_byte_end: i64) -> Option<Span> {
        let s = u64::try_from(source_byte_start).ok()?;
        let e = u64::try_from(source_byte_end).ok()?;
        self.raw.span(s, e)
    }

    /// A span given in code points of a sentence's text (an entity, a claim's content, a
    /// speaker or cue), where the sentence starts at byte `sentence_byte_start` of
    /// `articles.text`.
    pub fn in_sentence_span(
        &self,
        sentence_text: &str,
        sentence_byte_start: i64,
        char_start: i32,
        char_end: i32,
    ) -> Option<Span> {
        let cs = usize::try_from(char_start).ok()?;
        let ce = usize::try_from(char_end).ok()?;
        if ce < cs {
            return None;
        }
        let bs = char_to_byte(sentence_text, cs)? as u64;
        let be = char_to_byte(sentence_text, ce)? as u64;
        let base = u64::try_from(sentence_byte_start).ok()?;
        let (s, e) = self.source_map.source_range(base + bs, base + be);
        self.raw.span(s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_to_byte_counts_code_points() {
        assert_eq!(char_to_byte("aé€b", 0), Some(0));
        assert_eq!(char_to_byte("aé€b", 2), Some(3));
        assert_eq!(char_to_byte("aé€b", 3), Some(6));
        assert_eq!(char_to_byte("aé€b", 4), Some(7));
        assert_eq!(char_to_byte("aé€b", 5), None);
        assert_eq!(char_to_byte("", 0), Some(0));
    }

    #[test]
    fn source_map_is_piecewise_and_ends_map_through_last_byte() {
        // raw "TITLE\nxx  Hello world" -> text "Hello world" with pieces 0->10, 6->17.
        let m = SourceMap::new(vec![(6, 17), (0, 10)]);
        assert_eq!(m.source_byte(0), 10);
        assert_eq!(m.source_byte(5), 15);
        assert_eq!(m.source_byte(6), 17);
        // "Hello" ends at the edit point: its end stays in its own piece.
        assert_eq!(m.source_range(0, 5), (10, 15));
        assert_eq!(m.source_range(0, 6), (10, 16));
        assert_eq!(m.source_range(6, 11), (17, 22));
        assert_eq!(m.source_range(3, 3), (13, 13));
        // No anchors: identity.
        assert_eq!(SourceMap::default().source_range(2, 4), (2, 4));
    }

    #[test]
    fn raw_index_maps_bytes_to_code_points_and_rejects_inner_bytes() {
        let raw = "é Aé";
        let ix = RawIndex::new(raw, false);
        assert_eq!(ix.char_of(0), Some(0));
        assert_eq!(ix.char_of(1), None); // inside "é"
        assert_eq!(ix.char_of(2), Some(1));
        assert_eq!(ix.char_of(6), Some(4));
        assert_eq!(ix.char_of(7), None);
        assert_eq!(ix.span(3, 6), Some(Span::new(2, 4)));
        assert_eq!(ix.span(6, 3), None);
    }

    #[test]
    fn raw_index_accounts_for_a_removed_bom() {
        let raw = "\u{feff}ab";
        let ix = RawIndex::new(raw, true);
        assert_eq!(ix.span(0, 2), Some(Span::new(1, 3)));
        // Without the flag the bytes index the text as it is.
        assert_eq!(RawIndex::new(raw, false).span(3, 5), Some(Span::new(1, 3)));
    }

    #[test]
    fn entity_spans_go_through_sentence_text_map_and_raw_code_points() {
        // Raw input: a title line, a boilerplate line, then Arabic prose with a double space
        // that the cleaner collapsed.
        let raw = "Ünïcode\nSHARE 3\nقال  شي إن";
        // Cleaned text: "Ünïcode\nقال شي إن" (the boilerplate line and one space dropped).
        let text = "Ünïcode\nقال شي إن";
        let raw_body = raw.find("قال").unwrap();
        let text_body = text.find("قال").unwrap();
        let text_shi = text.find("شي").unwrap();
        let raw_shi = raw.find("شي").unwrap();
        let coords = ArticleCoords {
            source_map: SourceMap::new(vec![
                (0, 0),
                (text_body as u64, raw_body as u64),
                (text_shi as u64, raw_shi as u64),
            ]),
            raw: RawIndex::new(raw, false),
        };
        // The second sentence is "قال شي إن", starting at text_body.
        let sentence = &text[text_body..];
        // Sentence span via source bytes.
        let (ss, se) = coords
            .source_map
            .source_range(text_body as u64, text.len() as u64);
        let sent = coords.sentence_span(ss as i64, se as i64).unwrap();
        let raw_chars: Vec<char> = raw.chars().collect();
        assert_eq!(
            raw_chars[sent.start..sent.end].iter().collect::<String>(),
            "قال  شي إن"
        );
        // Entity "شي" = code points 4..6 of the sentence.
        let e = coords
            .in_sentence_span(sentence, text_body as i64, 4, 6)
            .unwrap();
        assert_eq!(raw_chars[e.start..e.end].iter().collect::<String>(), "شي");
        // "قال" ends right before the collapsed space: code points 0..3.
        let e = coords
            .in_sentence_span(sentence, text_body as i64, 0, 3)
            .unwrap();
        assert_eq!(raw_chars[e.start..e.end].iter().collect::<String>(), "قال");
        // A span reaching across the edit point keeps the raw text between.
        let e = coords
            .in_sentence_span(sentence, text_body as i64, 0, 6)
            .unwrap();
        assert_eq!(
            raw_chars[e.start..e.end].iter().collect::<String>(),
            "قال  شي"
        );
        // Title entity "Ünïcode" in the first sentence.
        let e = coords.in_sentence_span("Ünïcode", 0, 0, 7).unwrap();
        assert_eq!(e, Span::new(0, 7));
        // Out of range offsets are not mapped.
        assert_eq!(coords.in_sentence_span("Ünïcode", 0, 0, 8), None);
        assert_eq!(coords.in_sentence_span("Ünïcode", 0, 3, 2), None);
        assert_eq!(coords.in_sentence_span("Ünïcode", 0, -1, 2), None);
    }

    #[test]
    fn span_overlap_and_containment() {
        let a = Span::new(2, 8);
        assert_eq!(a.overlap(&Span::new(6, 10)), 2);
        assert_eq!(a.overlap(&Span::new(8, 10)), 0);
        assert!(a.contains(&Span::new(2, 8)));
        assert!(!a.contains(&Span::new(1, 3)));
    }
}
