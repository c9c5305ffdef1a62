//! Decoding inputs. Bytes come from the caller (the `export` binary reads files); this module
//! decides what they mean.

use records::{GivenFields, RawArticle};
use serde_json::Value;

/// Why an input could not become a raw article. `reason()` is the stable code written to
/// `rejects.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("the input is empty or holds only whitespace")]
    Empty,
    #[error("the input looks binary ({0})")]
    Binary(String),
    #[error("the line is not valid JSON: {0}")]
    InvalidJson(String),
    #[error("the line is JSON but not an object")]
    NotAnObject,
    #[error("the object has no `text` field")]
    MissingText,
    #[error("field `{0}` has the wrong type (expected a string)")]
    WrongType(String),
    #[error("the input is {0} bytes, over the limit of {MAX_ARTICLE_BYTES} bytes for one article")]
    TooLarge(u64),
}

/// The most bytes one article (a `.txt` file or a JSONL line) may have. News articles are
/// tens of kilobytes; anything past this is a dump, a log or a binary, and parsing it as one
/// article would take minutes and hold it all in memory.
pub const MAX_ARTICLE_BYTES: u64 = 4 * 1024 * 1024;

impl InputError {
    pub fn reason(&self) -> &'static str {
        match self {
            InputError::Empty => "empty",
            InputError::Binary(_) => "binary",
            InputError::InvalidJson(_) => "invalid_json",
            InputError::NotAnObject => "not_an_object",
            InputError::MissingText => "missing_text",
            InputError::TooLarge(_) => "too_large",
            InputError::WrongType(_) => "wrong_type",
        }
    }
}

/// Decodes the bytes of a one-article text file. UTF-8 (with or without BOM) and UTF-16 with a
/// BOM are decoded; invalid UTF-8 sequences are replaced by U+FFFD; NUL bytes are dropped.
/// Returns the text and the flags of the repairs made.
pub fn decode_text(bytes: &[u8]) -> Result<(String, Vec<String>), InputError> {
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge(bytes.len() as u64));
    }
    let mut flags = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        flags.push("utf8_bom_removed".to_string());
        lossy_utf8(rest, &mut flags)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        flags.push("utf16le_decoded".to_string());
        decode_utf16(rest, u16::from_le_bytes, &mut flags)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        flags.push("utf16be_decoded".to_string());
        decode_utf16(rest, u16::from_be_bytes, &mut flags)
    } else {
        if looks_binary(bytes) {
            return Err(InputError::Binary(
                "over 10% control bytes in the first 4096 bytes".to_string(),
            ));
        }
        lossy_utf8(bytes, &mut flags)
    };
    let text = if text.contains('\0') {
        flags.push("nul_removed".to_string());
        text.replace('\0', "")
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok((text, flags))
}

fn lossy_utf8(bytes: &[u8], flags: &mut Vec<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            flags.push("invalid_utf8_replaced".to_string());
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, flags: &mut Vec<String>) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut replaced = bytes.len() % 2 == 1;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                replaced = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if replaced {
        flags.push("invalid_utf16_replaced".to_string());
    }
    text
}

/// Text has few control bytes other than whitespace; binary formats have many. NUL alone is
/// not enough (a stray NUL in a text is repaired), so the test is a proportion.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    if head.is_empty() {
        return false;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 10 > head.len()
}

/// Reads one JSONL line into a raw article. `line_number` is 1-based.
pub fn read_jsonl_line(
    source_file: &str,
    line_number: u64,
    line: &[u8],
) -> Result<RawArticle, InputError> {
    if line.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge(line.len() as u64));
    }
    let line = line.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(line);
    let value: Value = serde_json::from_slice(line).map_err(|e| {
        let detail = e.to_string();
        InputError::InvalidJson(detail)
    })?;
    let Value::Object(map) = value else {
        return Err(InputError::NotAnObject);
    };
    let field = |name: &str| -> Result<Option<String>, InputError> {
        match map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(InputError::WrongType(name.to_string())),
        }
    };
    let text = field("text")?.ok_or(InputError::MissingText)?;
    let mut input_flags = Vec::new();
    let text = if text.contains('\0') {
        input_flags.push("nul_removed".to_string());
        text.replace('\0', "")
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    let given = GivenFields {
        id: field("id")?.filter(|s| !s.trim().is_empty()),
        title: field("title")?,
        lang: field("lang")?,
        published: field("published")?,
        source: field("source")?,
        url: field("url")?,
    };
    Ok(RawArticle {
        source_file: source_file.to_string(),
        source_line: Some(line_number),
        text,
        given,
        input_flags,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_removed_and_flagged() {
        let (text, flags) = decode_text(b"\xEF\xBB\xBFHello.").unwrap();
        assert_eq!(text, "Hello.");
        assert_eq!(flags, vec!["utf8_bom_removed"]);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Salam, dunia.".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let (text, flags) = decode_text(&bytes).unwrap();
        assert_eq!(text, "Salam, dunia.");
        assert_eq!(flags, vec!["utf16le_decoded"]);
    }

    #[test]
    fn invalid_utf8_is_replaced_and_flagged() {
        let (text, flags) = decode_text(b"caf\xE9 ok").unwrap();
        assert_eq!(text, "caf\u{FFFD} ok");
        assert_eq!(flags, vec!["invalid_utf8_replaced"]);
    }

    #[test]
    fn empty_whitespace_and_binary_are_errors() {
        assert_eq!(decode_text(b""), Err(InputError::Empty));
        assert_eq!(decode_text(b" \n\t "), Err(InputError::Empty));
        let binary: Vec<u8> = (0u8..=255).cycle().take(2000).collect();
        assert_eq!(decode_text(&binary).unwrap_err().reason(), "binary");
    }

    #[test]
    fn jsonl_fields_are_read_and_checked() {
        let raw = read_jsonl_line(
            "a.jsonl",
            3,
            br#"{"id": "x1", "text": "Hi there.", "lang": "en", "url": null}"#,
        )
        .unwrap();
        assert_eq!(raw.given.id.as_deref(), Some("x1"));
        assert_eq!(raw.given.lang.as_deref(), Some("en"));
        assert_eq!(raw.source_line, Some(3));
        assert_eq!(raw.text, "Hi there.");

        let reason = |line: &[u8]| read_jsonl_line("a", 1, line).unwrap_err().reason();
        assert_eq!(reason(b"{not json"), "invalid_json");
        assert_eq!(reason(b"[1, 2]"), "not_an_object");
        assert_eq!(reason(br#"{"id": "a"}"#), "missing_text");
        assert_eq!(reason(br#"{"text": 5}"#), "wrong_type");
        assert_eq!(reason(br#"{"text": "  "}"#), "empty");
    }
}
