//! The shared records of the pipeline: what every stage hands to the next, and the Arrow
//! tables they become.
//!
//! * [`article`]: a raw input ([`RawArticle`]) and the parsed article ([`Article`]) with its
//!   sentences, tokens, zones and source map. Offsets in these types are UTF-8 byte offsets,
//!   because that is what Rust slices use.
//! * [`labels`]: entity and claim spans that labelers produce.
//! * [`rows`]: one struct per output table row, with offsets converted to Unicode code points
//!   (what Python users index with).
//! * [`tables`]: the Arrow schema of every table, with column descriptions and Hugging Face
//!   feature metadata, and the conversion of rows into `RecordBatch`es.
//!
//! This crate is the only place that knows column names. It depends on no other workspace
//! crate, does no I/O and never panics on data it is given.

pub mod article;
pub mod columns;
pub mod labels;
pub mod rows;
pub mod tables;

pub use article::{Article, GivenFields, RawArticle, Sentence, SourceAnchor, Token, Zone};
pub use labels::{Claim, ClaimKind, Entity, EntityType, Mention};
pub use rows::{ArticleRow, ClaimRow, EntityRow, KbRow, RejectRow, SentenceRow, TableRows};

/// Version of the table schemas; bumped whenever a column changes meaning or type.
pub const SCHEMA_VERSION: &str = "1";
