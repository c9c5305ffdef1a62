//! A labeler never panics: the claim labelers on cut-up gold texts with entities at odd
//! offsets (inside characters, past sentence ends, in missing sentences).

mod claims_support;

use claims_support::gold_records;
use label::claims::{find_claims, standard_claim_labelers};
use records::{Entity, EntityType};

#[test]
fn claim_labelers_never_panic() {
    let labelers = standard_claim_labelers();
    for rec in gold_records() {
        let raw = rec["text"].as_str().expect("text");
        let lang = rec["lang"].as_str();
        let cuts: Vec<usize> = raw.char_indices().map(|(i, _)| i).step_by(97).collect();
        for (n, &cut) in cuts.iter().enumerate() {
            let piece = &raw[cut..];
            let Ok(article) = parse::parse_article(&records::RawArticle {
                text: piece.into(),
                ..parse_raw(lang)
            }) else {
                continue;
            };
            let entities: Vec<Entity> = (0..article.sentences.len() + 2)
                .map(|s| Entity {
                    sentence: s,
                    start: (n * 7 + s) % 23,
                    end: (n * 7 + s) % 23 + 1 + n % 9,
                    label: EntityType::ALL[(n + s) % EntityType::ALL.len()],
                    canonical_id: None,
                    canonical_name: None,
                    labelers: vec![],
                    confidence: 1.0,
                })
                .collect();
            let claims = find_claims(&labelers, &article, &entities, None);
            for c in &claims {
                let s = &article.sentences[c.sentence];
                assert!(c.start < c.end && s.start + c.end <= s.end);
                assert!(article.text.is_char_boundary(s.start + c.start));
                assert!(article.text.is_char_boundary(s.start + c.end));
            }
        }
    }
}

fn parse_raw(lang: Option<&str>) -> records::RawArticle {
    records::RawArticle {
        source_file: "x".into(),
        source_line: None,
        text: String::new(),
        given: records::GivenFields {
            lang: lang.map(str::to_string),
            ..Default::default()
        },
        input_flags: vec![],
    }
}
