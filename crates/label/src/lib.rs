//! Labelers: small named units that propose entity spans or claims on a parsed article, and
//! the deterministic aggregation that turns proposals into labels.
//!
//! Every label says which labelers produced it (`name/version`), so users can audit and
//! filter. A labeler's version goes up with any change of its rules or data that changes what
//! it labels (noted in `CHANGELOG.md`), so that labels of two datasets are comparable exactly
//! when their labelers' versions are equal. A labeler never fails and never panics: on text it does not understand it finds
//! fewer spans. This crate does no I/O: knowledge bases and lexicons come in as data.

pub mod claims;
pub mod entities;
pub mod kb;
mod spans;

use records::{Article, Claim, Entity, EntityType};
use spans::DisjointSpans;

/// An entity span proposed by one labeler. Offsets are bytes into the sentence text.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub label: EntityType,
    pub canonical_id: Option<String>,
    pub canonical_name: Option<String>,
    pub confidence: f32,
    /// `name/version` of the labeler, e.g. `gazetteer/9`.
    pub labeler: &'static str,
}

/// Proposes entity spans, on an article prepared once for all entity labelers
/// ([`entities::Doc`]: sentences folded, words, knowledge-base matches).
pub trait EntityLabeler: Send + Sync {
    /// `name/version`, stored with every span this labeler proposes.
    fn name(&self) -> &'static str;
    fn propose(&self, doc: &entities::Doc, out: &mut Vec<Proposal>);
}

/// Finds claims in an article prepared once for all claim labelers ([`claims::doc::Doc`]:
/// its tokens, sentences, paragraphs and aggregated entities in article-text coordinates).
pub trait ClaimLabeler: Send + Sync {
    fn name(&self) -> &'static str;
    fn find(&self, doc: &claims::doc::Doc, out: &mut Vec<Claim>);
}

/// Resolves overlapping proposals: the longest span wins, then the highest confidence, then
/// the earliest labeler; labelers that proposed the same span and type are merged.
pub fn aggregate(mut proposals: Vec<Proposal>) -> Vec<Entity> {
    proposals.sort_by(|a, b| {
        (a.sentence, a.start, a.end, a.label, a.labeler)
            .cmp(&(b.sentence, b.start, b.end, b.label, b.labeler))
    });
    let mut merged: Vec<Entity> = Vec::new();
    for p in proposals {
        if let Some(last) = merged.last_mut()
            && (last.sentence, last.start, last.end, last.label)
                == (p.sentence, p.start, p.end, p.label)
        {
            if !last.labelers.iter().any(|l| l == p.labeler) {
                last.labelers.push(p.labeler.to_string());
            }
            last.confidence = last.confidence.max(p.confidence);
            if last.canonical_id.is_none() {
                last.canonical_id = p.canonical_id;
                last.canonical_name = p.canonical_name;
            }
            continue;
        }
        merged.push(Entity {
            sentence: p.sentence,
            start: p.start,
            end: p.end,
            label: p.label,
            canonical_id: p.canonical_id,
            canonical_name: p.canonical_name,
            labelers: vec![p.labeler.to_string()],
            confidence: p.confidence,
        });
    }
    let mut ranked: Vec<usize> = (0..merged.len()).collect();
    ranked.sort_by(|&a, &b| {
        let (ea, eb) = (&merged[a], &merged[b]);
        (eb.end - eb.start)
            .cmp(&(ea.end - ea.start))
            .then(eb.labelers.len().cmp(&ea.labelers.len()))
            .then(eb.confidence.total_cmp(&ea.confidence))
            .then(a.cmp(&b))
    });
    let mut kept: Vec<usize> = Vec::new();
    // The kept spans of each sentence (a long article has thousands of entities, and a text
    // without punctuation thousands in one sentence).
    let sentences = merged.iter().map(|e| e.sentence + 1).max().unwrap_or(0);
    let mut kept_spans: Vec<DisjointSpans> =
        (0..sentences).map(|_| DisjointSpans::default()).collect();
    for i in ranked {
        let e = &merged[i];
        let spans = &mut kept_spans[e.sentence];
        if !spans.overlaps(e.start, e.end) {
            spans.insert(e.start, e.end);
            kept.push(i);
        }
    }
    kept.sort_unstable();
    kept.into_iter()
        .map(|i| {
            let mut e = merged[i].clone();
            e.labelers.sort();
            e
        })
        .collect()
}

/// A set of labelers, run in order.
#[derive(Default)]
pub struct Labelers {
    pub entities: Vec<Box<dyn EntityLabeler>>,
    pub claims: Vec<Box<dyn ClaimLabeler>>,
    /// The knowledge base the entity labelers link to, shipped with datasets.
    pub kb: Option<std::sync::Arc<kb::KnowledgeBase>>,
}

impl Labelers {
    /// The standard set of labelers, with the built-in knowledge base and lexicons.
    pub fn standard() -> Labelers {
        let kb = std::sync::Arc::new(kb::KnowledgeBase::builtin());
        Labelers {
            entities: entities::standard_entity_labelers(kb.clone()),
            claims: claims::standard_claim_labelers(),
            kb: Some(kb),
        }
    }

    /// Entities and claims of one article, deterministically.
    pub fn label(&self, article: &Article) -> (Vec<Entity>, Vec<Claim>) {
        let entities = entities::label_entities(article, &self.entities);
        let claims = claims::find_claims(&self.claims, article, &entities, self.kb.as_deref());
        (entities, claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(start: usize, end: usize, label: EntityType, labeler: &'static str) -> Proposal {
        Proposal {
            sentence: 0,
            start,
            end,
            label,
            canonical_id: None,
            canonical_name: None,
            confidence: 0.5,
            labeler,
        }
    }

    #[test]
    fn same_span_merges_labelers_and_longest_wins() {
        let out = aggregate(vec![
            p(0, 5, EntityType::Gpe, "b/1"),
            p(0, 5, EntityType::Gpe, "a/1"),
            p(0, 12, EntityType::Org, "c/1"),
            p(20, 25, EntityType::Person, "a/1"),
        ]);
        assert_eq!(out.len(), 2);
        assert_eq!(
            (out[0].start, out[0].end, out[0].label),
            (0, 12, EntityType::Org)
        );
        assert_eq!(out[1].labelers, vec!["a/1"]);
        let merged = aggregate(vec![
            p(0, 5, EntityType::Gpe, "b/1"),
            p(0, 5, EntityType::Gpe, "a/1"),
        ]);
        assert_eq!(merged[0].labelers, vec!["a/1", "b/1"]);
    }
}
