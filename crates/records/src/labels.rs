//! Spans that labelers produce. Offsets are UTF-8 byte offsets into the sentence text.

use serde::{Deserialize, Serialize};

/// Entity types of the annotation guidelines (`shared/gold/GUIDELINES.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    Person,
    Gpe,
    Loc,
    Org,
    Norp,
    Event,
    Work,
    Date,
}

impl EntityType {
    pub const ALL: [EntityType; 8] = [
        EntityType::Person,
        EntityType::Gpe,
        EntityType::Loc,
        EntityType::Org,
        EntityType::Norp,
        EntityType::Event,
        EntityType::Work,
        EntityType::Date,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Norp => "NORP",
            EntityType::Event => "EVENT",
            EntityType::Work => "WORK",
            EntityType::Date => "DATE",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The BIO tag names, in class-id order: `O`, then `B-X`, `I-X` for each type.
    pub fn bio_names() -> Vec<String> {
        let mut names = vec!["O".to_string()];
        for t in EntityType::ALL {
            names.push(format!("B-{}", t.as_str()));
            names.push(format!("I-{}", t.as_str()));
        }
        names
    }

    /// Class id of `B-self` (`I-self` is one more).
    pub fn begin_tag(self) -> i64 {
        1 + 2 * EntityType::ALL.iter().position(|&t| t == self).unwrap_or(0) as i64
    }
}

/// A named entity in one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Index of the sentence in [`crate::Article::sentences`].
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub label: EntityType,
    /// Stable knowledge-base id (e.g. `Q148` or `kb:...`); ISO date for DATE.
    pub canonical_id: Option<String>,
    /// Usual English name of the referent; ISO date for DATE.
    pub canonical_name: Option<String>,
    /// Names (with versions) of the labelers that proposed this span, sorted.
    pub labelers: Vec<String>,
    pub confidence: f32,
}

/// A span in some sentence of the article, with what it refers to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub canonical_id: Option<String>,
    pub canonical_name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Direct,
    Indirect,
    Joint,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Joint => "joint",
        }
    }
}

/// An attributed statement: `content` is a span of sentence `sentence`; the speaker and the
/// cue may stand in other sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<Mention>,
    pub cue: Option<Mention>,
    pub kind: ClaimKind,
    pub labelers: Vec<String>,
    pub confidence: f32,
    pub has_number: bool,
    pub has_date: bool,
    pub has_entity: bool,
    pub negated: bool,
}
