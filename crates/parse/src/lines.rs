//! Lines of the raw text: `\n`, `\r\n`, a lone `\r` and the Unicode line and paragraph
//! separators all end a line. Every later stage works on these byte ranges of `raw.text`.

/// One line: `start..end` is its content in the raw text without the line end;
/// `trim_start..trim_end` the content without surrounding whitespace and invisible characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    pub trim_start: usize,
    pub trim_end: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.trim_start >= self.trim_end
    }
    pub fn text<'a>(&self, raw: &'a str) -> &'a str {
        &raw[self.trim_start..self.trim_end]
    }
}

/// Whitespace for our purposes: Unicode White_Space plus invisible characters that often
/// stand in for it in scraped text (zero-width space, word joiner, BOM, soft hyphen).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

fn is_line_end(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' | '\u{85}'
    )
}

pub fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_line_end(c) {
            lines.push(make_line(text, start, i));
            let mut next = i + c.len_utf8();
            if c == '\r' && iter.peek().is_some_and(|&(_, n)| n == '\n') {
                iter.next();
                next += 1;
            }
            start = next;
        }
    }
    if start < text.len() {
        lines.push(make_line(text, start, text.len()));
    }
    lines
}

fn make_line(text: &str, start: usize, end: usize) -> Line {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trimmed = s.trim_matches(is_space);
    let trim_start = start + lead;
    Line {
        start,
        end,
        trim_start,
        trim_end: trim_start + trimmed.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_line_ends_split() {
        let raw = "a\r\nb\rc\n\n \u{A0}d \u{200B}\u{2029}e";
        let lines = split_lines(raw);
        let texts: Vec<&str> = lines.iter().map(|l| l.text(raw)).collect();
        assert_eq!(texts, vec!["a", "b", "c", "", "d", "e"]);
        assert!(lines[3].is_blank());
    }

    #[test]
    fn empty_and_trailing_newline() {
        assert!(split_lines("").is_empty());
        assert_eq!(split_lines("x\n").len(), 1);
    }
}
