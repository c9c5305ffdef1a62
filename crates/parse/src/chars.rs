//! `char::is_alphabetic`, `is_numeric` and `is_alphanumeric`, with the same answers, faster:
//! the Basic Multilingual Plane is looked up in bit tables made once from the standard
//! library's own answers (its search of the Unicode tables for every non-ASCII character was
//! a tenth of the pipeline's time on Arabic text). `label` uses it too.

use std::sync::LazyLock;

const BMP: usize = 0x10000;

struct Tables {
    alphabetic: Vec<u64>,
    numeric: Vec<u64>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let table = |f: fn(char) -> bool| {
        let mut bits = vec![0u64; BMP / 64];
        for c in (0..BMP as u32).filter_map(char::from_u32).filter(|&c| f(c)) {
            bits[c as usize / 64] |= 1 << (c as usize % 64);
        }
        bits
    };
    Tables {
        alphabetic: table(char::is_alphabetic),
        numeric: table(char::is_numeric),
    }
});

fn lookup(bits: &[u64], c: char) -> bool {
    bits[c as usize / 64] >> (c as usize % 64) & 1 == 1
}

/// Same as [`char::is_alphabetic`].
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if (c as usize) < BMP {
        lookup(&TABLES.alphabetic, c)
    } else {
        c.is_alphabetic()
    }
}

/// Same as [`char::is_numeric`].
#[inline]
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else if (c as usize) < BMP {
        lookup(&TABLES.numeric, c)
    } else {
        c.is_numeric()
    }
}

/// Same as [`char::is_alphanumeric`].
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    is_alphabetic(c) || is_numeric(c)
}

/// Whether `c` is in the Arabic block (U+0600-U+06FF), which has no case: its lower case is
/// itself, known without the standard library's search of its case tables.
#[inline]
pub fn is_caseless_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}')
}

/// A bounded prefix of `s` (on a char boundary), for cheap look-ups at the top of an article.
pub fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_answers_as_the_standard_library_for_every_character() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_numeric(c), c.is_numeric(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn the_arabic_block_has_no_case() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            if is_caseless_arabic(c) {
                assert!(c.to_lowercase().eq([c]), "{c:?}");
                assert!(c.to_uppercase().eq([c]), "{c:?}");
            }
        }
    }
}
