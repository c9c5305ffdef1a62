//! Reading and understanding articles: raw bytes in, [`records::Article`] out.
//!
//! * [`input`] decodes input bytes (plain text files, JSONL lines) into [`records::RawArticle`]s,
//!   or a typed [`InputError`] that names the reason.
//! * [`parse_article`] turns a raw article into a clean article: zones, repairs, metadata,
//!   language, sentences and tokens.
//!
//! This crate never does I/O, never panics on any input, and never drops text unseen: what is
//! not article prose is recorded as a zone.

mod article;
pub mod input;

pub use article::{ParseError, parse_article};
pub use input::{InputError, decode_text, read_jsonl_line};
