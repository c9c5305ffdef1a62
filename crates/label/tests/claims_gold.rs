//! The claim labelers against the gold seeds, with gold entities as input: predicted and gold
//! claims match when their contents overlap with token IoU >= 0.5 and their speakers agree.
//! Predictions outside the gold sentences (boilerplate the careful parser drops) are left
//! out. The bar is F1 >= 0.85 overall.

mod claims_support;

use claims_support::*;
use label::claims::standard_claim_labelers;

const BAR: f64 = 0.85;

#[test]
fn claims_match_the_gold_seeds() {
    let labelers = standard_claim_labelers();
    let mut scores = Scores::default();
    for rec in gold_records() {
        let raw = rec["text"].as_str().expect("text");
        let lang = rec["lang"].as_str().unwrap_or("und");
        let id = rec["id"].as_str().unwrap_or("?");
        let article = parse(raw, Some(lang));
        let entities = gold_entities(&article, raw, &rec);
        let mut claims = Vec::new();
        for l in &labelers {
            l.find(&article, &entities, &mut claims);
        }
        let sentences = gold_sentences(raw, &rec);
        let predicted: Vec<Flat> = claims
            .iter()
            .map(|c| flat_predicted(&article, raw, c))
            .filter(|f| sentences.iter().any(|&(s, e)| f.start < e && s < f.end))
            .collect();
        if std::env::var_os("CLAIMS_DEBUG").is_some() {
            for s in &article.sentences {
                eprintln!("{id} SENT {:?}", &article.text[s.start..s.end]);
            }
            for f in &predicted {
                eprintln!(
                    "{id} PRED {} {:?} [{}]: {}",
                    f.labeler, f.speaker, f.kind, f.text
                );
            }
        }
        let gold = flat_gold(raw, &rec);
        let words = words(raw);
        let matched = match_claims(&words, &predicted, &gold, 0.5);
        let mut used = vec![false; predicted.len()];
        for (g, m) in gold.iter().zip(&matched) {
            let hit = usize::from(m.is_some());
            for key in [
                "all".to_string(),
                format!("lang {lang}"),
                format!("kind {}", g.kind),
            ] {
                scores.add(&key, hit, 0, 1 - hit);
            }
            match m {
                Some(p) => used[*p] = true,
                None => eprintln!(
                    "{id} MISSED [{}] {:?}: {}",
                    g.kind,
                    g.speaker,
                    g.text.chars().take(90).collect::<String>()
                ),
            }
        }
        for (p, _) in predicted.iter().enumerate().filter(|(p, _)| !used[*p]) {
            let f = &predicted[p];
            for key in [
                "all".to_string(),
                format!("lang {lang}"),
                format!("kind {}", f.kind),
            ] {
                scores.add(&key, 0, 1, 0);
            }
            eprintln!(
                "{id} EXTRA [{}] {} {:?}: {}",
                f.kind,
                f.labeler,
                f.speaker,
                f.text.chars().take(90).collect::<String>()
            );
        }
    }
    eprintln!("{}", scores.report());
    let (_, _, f1) = scores.prf("all");
    assert!(f1 >= BAR, "claim F1 {f1:.3} is below the bar {BAR}");
}
