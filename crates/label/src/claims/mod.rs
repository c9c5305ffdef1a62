//! Claim labelers: who said what.
//!
//! Each labeler is a small named unit (`name/version`) for one construction:
//!
//! * [`cue_that`]: `SPEAKER CUE that CONTENT` and its kin (VSO, passives, participles,
//!   pro-drop, Arabic verbal-noun complements);
//! * [`quote`]: quoted words with their source, also over several sentences;
//! * [`according_to`]: "according to SPEAKER", "menurut", "وفقا لما نقلت";
//! * [`clause_final`]: `CONTENT, SPEAKER CUE` ("..., Baku Tribune reports citing Azertac");
//! * [`headline`]: a title `SPEAKER: words`.
//!
//! They know no words themselves: cues, complementizers, pronouns, joint phrases, role nouns
//! and negations come from `datasets/lexicons/claims/{lang}.tsv` ([`lexicon`]), compiled in.
//! Adding a language means adding a data file. Speakers are resolved to the entities passed
//! in: names through the entity that overlaps them, pronouns and role nouns ("the
//! President") to a person named before, "the two sides" to the two main parties (a `joint`
//! claim). Offsets of every claim are bytes into its sentence's text. Like every labeler,
//! these never fail: on text they do not understand they find fewer claims.

pub mod according_to;
pub mod clause_final;
pub mod cue_that;
pub mod doc;
pub mod headline;
pub mod lexicon;
pub mod quote;

use records::{Article, Claim, Entity};

use crate::ClaimLabeler;
use crate::kb::KnowledgeBase;

pub use according_to::AccordingTo;
pub use clause_final::ClauseFinal;
pub use cue_that::CueThat;
pub use headline::Headline;
pub use lexicon::Lexicon;
pub use quote::QuoteLabeler;

/// Claims of an article by `labelers`, in order. The article is tokenised and its entities
/// placed once ([`doc::Doc`]) for all of them; none when its language has no lexicon. `kb`,
/// the knowledge base the entities link to, says which of them are news outlets: glued to
/// Arabic "ل" after a verb-first speaker, an outlet is whom they spoke to ("قالت مصادر
/// لرويترز"), though it may be whose they are ("مراسل لرويترز", a Reuters correspondent: the
/// rarer reading, given up).
pub fn find_claims(
    labelers: &[Box<dyn ClaimLabeler>],
    article: &Article,
    entities: &[Entity],
    kb: Option<&KnowledgeBase>,
) -> Vec<Claim> {
    let mut claims = Vec::new();
    if let Some(doc) = doc::Doc::new(article, entities, kb) {
        for labeler in labelers {
            labeler.find(&doc, &mut claims);
        }
    }
    one_claim_per_cue(claims)
}

/// One claim per cue, as the guidelines define them, where two labelers read the same cue in
/// the same sentence ("Namun, kata dia, ...": a pronoun cue and an "according to" phrase) or a
/// quotation is interrupted by its cue ('"If we lose," he said, "we will rebuild the
/// country."'): the claim with the longer content (a content is one span, and the longer part
/// says more; the first half may be no clause), with every labeler's name, where the first
/// stood.
fn one_claim_per_cue(claims: Vec<Claim>) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::with_capacity(claims.len());
    let mut by_cue: std::collections::HashMap<(usize, usize, usize, usize), usize> =
        std::collections::HashMap::new();
    for claim in claims {
        let Some(cue) = &claim.cue else {
            out.push(claim);
            continue;
        };
        let key = (claim.sentence, cue.sentence, cue.start, cue.end);
        match by_cue.get(&key) {
            Some(&at) => {
                let (first, mut claim) = (&mut out[at], claim);
                if claim.end - claim.start > first.end - first.start {
                    std::mem::swap(first, &mut claim);
                }
                // `first` is the claim kept, `claim` the one given up.
                for l in claim.labelers {
                    if !first.labelers.contains(&l) {
                        first.labelers.push(l);
                    }
                }
            }
            None => {
                by_cue.insert(key, out.len());
                out.push(claim);
            }
        }
    }
    out
}

/// The claim labelers, in the order they run.
pub fn standard_claim_labelers() -> Vec<Box<dyn ClaimLabeler>> {
    vec![
        Box::new(CueThat),
        Box::new(QuoteLabeler),
        Box::new(AccordingTo),
        Box::new(ClauseFinal),
        Box::new(Headline),
    ]
}
