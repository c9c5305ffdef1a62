//! Entity labelers: the knowledge-base gazetteer (`gazetteer/9`), name patterns (`names/13`:
//! titles and roles, initials, Chinese name morphology, report cues), shapes of organisations,
//! places, events and works (`shapes/10`), dates normalised to ISO 8601 (`dates/8`), the
//! article's own outlet where its text names it (`outlet/1`), and an
//! in-article pass (`coref/12`) that gives short mentions ("Xi", "Aliyev", "A. Hajizadeh") the
//! canonical of the full name met in the same article, labels acronyms defined in parentheses
//! ("Badan Pusat Statistik (BPS)") wherever they recur, and people listed beside people.
//!
//! Every labeler proposes spans on its own; [`label_entities`] aggregates them
//! ([`crate::aggregate`]) and then runs the coreference pass, which needs the aggregated
//! spans; [`crate::Labelers::label`] calls it. Word lists live in `datasets/label/`, the
//! knowledge base in `datasets/kb/`. Nothing here does I/O or panics on odd text.

mod coref;
mod dates;
pub mod doc;
mod gazetteer;
mod lexicon;
mod names;
pub mod outlet;
mod shapes;
pub(crate) mod text;

use std::sync::{Arc, OnceLock};

use records::{Article, Entity, EntityType};

pub use coref::NAME as COREF;
pub use dates::DateLabeler;
pub use doc::Doc;
pub use gazetteer::Gazetteer;
pub use names::NameLabeler;
pub use outlet::OutletLabeler;
pub use shapes::ShapeLabeler;

use crate::kb::KnowledgeBase;
use crate::{EntityLabeler, aggregate};
pub use lexicon::Gender;
use lexicon::Lexicon;

/// The built-in word lists, read once.
fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::builtin)
}

/// The gender of a given name as written, where the list of given names gives one.
pub(crate) fn given_name_gender(name: &str) -> Option<lexicon::Gender> {
    lexicon()
        .given_name_genders
        .get(&text::fold_str(name))
        .copied()
}

/// The standard entity labelers over a knowledge base, in order.
pub fn standard_entity_labelers(kb: Arc<KnowledgeBase>) -> Vec<Box<dyn EntityLabeler>> {
    let gazetteer = Arc::new(Gazetteer::new(kb));
    vec![
        Box::new(SharedGazetteer(gazetteer.clone())),
        Box::new(NameLabeler::new(gazetteer.clone())),
        Box::new(ShapeLabeler::new(gazetteer)),
        Box::new(DateLabeler::new()),
        Box::new(OutletLabeler),
    ]
}

/// A gazetteer shared with the pattern labelers.
struct SharedGazetteer(Arc<Gazetteer>);

impl EntityLabeler for SharedGazetteer {
    fn name(&self) -> &'static str {
        self.0.name()
    }
    fn propose(&self, doc: &Doc, out: &mut Vec<crate::Proposal>) {
        self.0.propose(doc, out)
    }
}

/// Entities of one article: the labelers' proposals, aggregated, then the in-article
/// coreference pass (short mentions take the canonical of the full name; ministries without
/// a country take the article's main country).
pub fn label_entities(article: &Article, labelers: &[Box<dyn EntityLabeler>]) -> Vec<Entity> {
    let doc = Doc::new(article);
    let mut proposals = Vec::new();
    for labeler in labelers {
        labeler.propose(&doc, &mut proposals);
    }
    drop_possessives(&doc, &mut proposals);
    drop_initials(&doc, &mut proposals);
    split_names_off(&doc, &mut proposals);
    let mut entities = aggregate(proposals);
    coref::resolve(&doc, &mut entities, lexicon());
    entities
}

/// A name proposed with a possessive "'s" ends before it ("President William Ruto's
/// popularity": the name is "William Ruto"), as the guidelines mark names.
fn drop_possessives(doc: &Doc, proposals: &mut [crate::Proposal]) {
    // A knowledge-base name is matched as written ("McDonald's").
    for p in proposals.iter_mut().filter(|p| p.canonical_id.is_none()) {
        let s = doc.sentences()[p.sentence].text();
        let text = &s[p.start..p.end];
        let Some(name) = text
            .strip_suffix("'s")
            .or_else(|| text.strip_suffix("’s"))
            .filter(|n| !n.trim_end().is_empty())
        else {
            continue;
        };
        if p.canonical_name.as_deref() == Some(text) {
            p.canonical_name = Some(name.to_string());
        }
        p.end = p.start + name.len();
    }
}

/// Capitals that stand for a person's initials are no acronym of a place or an organisation:
/// after a word that says so ("berinisial AS": not the United States), or before an age in
/// brackets ("AS (27) dan RH (31)").
fn drop_initials(doc: &Doc, proposals: &mut Vec<crate::Proposal>) {
    let cues: Vec<&str> = Lexicon::langs(&doc.article.lang)
        .iter()
        .filter_map(|l| {
            lexicon()
                .person_cues
                .get(&(l.to_string(), "initials".into()))
        })
        .flatten()
        .map(String::as_str)
        .collect();
    proposals.retain(|p| {
        let s = doc.sentences()[p.sentence].text();
        let text = &s[p.start..p.end];
        if p.label == EntityType::Person
            || text.chars().count() > 3
            || !text.chars().all(|c| c.is_uppercase())
        {
            return true;
        }
        let after_cue = s[..p.start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| cues.iter().any(|c| w.eq_ignore_ascii_case(c)));
        // An age of one to three digits: the bracket's close within a few bytes (a sentence
        // of brackets never closed is not searched to its end for each).
        let age = s[p.end..]
            .trim_start()
            .strip_prefix('(')
            .and_then(|r| r.get(..r.len().min(5)))
            .and_then(|r| r.split_once(')'))
            .is_some_and(|(n, _)| {
                (1..=3).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit())
            });
        !(after_cue || age)
    });
}

/// A name the knowledge base lacks (an organisation, a place, a work) proposed with a
/// person's name at its end ("Kepala Badan Pangan Nasional Arief Prasetyo Adi": a title's
/// complement, then the name), or with the start of one ("PT Antam Nicolas D" before "Nicolas
/// D. Kanter"), ends before the person, as nothing nests; the person proposals
/// that straddle the two are dropped. Aggregation keeps the longest span, so without this the
/// person was lost in an organisation's span.
fn split_names_off(doc: &Doc, proposals: &mut Vec<crate::Proposal>) {
    // Person proposals by (sentence, start).
    let mut persons: Vec<(usize, usize, usize)> = proposals
        .iter()
        .filter(|p| p.label == EntityType::Person)
        .map(|p| (p.sentence, p.start, p.end))
        .collect();
    if persons.is_empty() {
        return;
    }
    persons.sort_unstable();
    // (sentence, position) where a name was split off.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for p in proposals.iter_mut() {
        if p.label == EntityType::Person || p.canonical_id.is_some() {
            continue;
        }
        // The first person starting inside and running to the end or past it ("PT Antam
        // Nicolas D" against "Nicolas D. Kanter"): only the proposals inside are looked at.
        let inside = persons.partition_point(|&(si, st, _)| (si, st) <= (p.sentence, p.start));
        let Some(&(_, person_start, _)) = persons[inside..]
            .iter()
            .take_while(|&&(si, st, _)| si == p.sentence && st < p.end)
            .find(|&&(_, _, e)| e >= p.end)
        else {
            continue;
        };
        let s = doc.sentences()[p.sentence].text();
        let old = &s[p.start..p.end];
        let kept = s[p.start..person_start].trim_end();
        // At least two words left: a head alone ("Badan") is no name.
        if kept.split_whitespace().count() < 2 {
            continue;
        }
        let spaced = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        if p.canonical_name.as_deref() == Some(spaced(old).as_str()) {
            p.canonical_name = Some(spaced(kept));
        }
        p.end = p.start + kept.len();
        cuts.push((p.sentence, person_start));
    }
    cuts.sort_unstable();
    proposals.retain(|p| {
        if p.label != EntityType::Person {
            return true;
        }
        // A cut inside the person's span (not at its start): it straddles.
        let first_after_start = cuts.partition_point(|&c| c <= (p.sentence, p.start));
        cuts.get(first_after_start)
            .is_none_or(|&(si, at)| si != p.sentence || at >= p.end)
    });
}

#[cfg(test)]
pub(crate) mod tests {
    use records::{Article, EntityType, Sentence, Token};

    use super::*;

    /// An article with one sentence per line.
    pub(crate) fn article(lang: &str, text: &str) -> Article {
        let mut sentences = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim_end();
            if !trimmed.is_empty() {
                sentences.push(Sentence {
                    start: offset,
                    end: offset + trimmed.len(),
                    lang: None,
                    tokens: Vec::<Token>::new(),
                });
            }
            offset += line.len();
        }
        Article {
            text: text.to_string(),
            source_map: vec![],
            title: None,
            published: None,
            outlet: None,
            dateline: None,
            copyright_year: None,
            lang: lang.to_string(),
            lang_confidence: 1.0,
            zones: vec![],
            quality_flags: vec![],
            sentences,
        }
    }

    /// (text, type, canonical name) of one labeler's proposals, in text order.
    pub(crate) fn spans(
        labeler: &dyn EntityLabeler,
        a: &Article,
    ) -> Vec<(String, EntityType, Option<String>)> {
        let mut out = Vec::new();
        labeler.propose(&Doc::new(a), &mut out);
        out.sort_by_key(|p| (p.sentence, p.start));
        out.into_iter()
            .map(|p| {
                let s = a.sentence_text(&a.sentences[p.sentence]);
                (s[p.start..p.end].to_string(), p.label, p.canonical_name)
            })
            .collect()
    }

    /// (text, type, canonical name, labelers) of the aggregated entities.
    pub(crate) fn entities(a: &Article) -> Vec<(String, EntityType, Option<String>, Vec<String>)> {
        let labelers = standard_entity_labelers(Arc::new(KnowledgeBase::builtin()));
        label_entities(a, &labelers)
            .into_iter()
            .map(|e| {
                let s = a.sentence_text(&a.sentences[e.sentence]);
                (
                    s[e.start..e.end].to_string(),
                    e.label,
                    e.canonical_name,
                    e.labelers,
                )
            })
            .collect()
    }

    #[test]
    fn odd_text_never_panics() {
        let labelers = standard_entity_labelers(Arc::new(KnowledgeBase::builtin()));
        let odd = [
            "",
            "A.",
            "\"",
            "“ «",
            "ال",
            "ﻻ ﷲ ـــ",
            "1999-13-45 and 2021-02-30, Kamis (99/99), Senin (31/2/2023)",
            "'s 's ’s -",
            "President",
            "الرئيس",
            "e\u{301}\u{301} \u{200f}\u{200e} 👍🏽 İstanbul ǅ ß ﬁ",
            "Ministry of",
            "\"Agreement on\"",
            "وللل ببب ٢٠٢٢ ١٥ سبتمبر",
            "X. Y. Z.",
            "Copyright © 2099",
            // Titles whose complement runs to the line's end ("(PUPR)" was read one word
            // past it).
            "Menteri Pekerjaan Umum dan Perumahan Rakyat (PUPR)",
            "Menteri Keuangan Sri Mulyani (",
            "Kepala Badan Pangan Nasional (Bapanas)",
            "berinisial AS (",
        ];
        for text in odd {
            for lang in ["en", "id", "ar", "und"] {
                let a = article(lang, text);
                for e in label_entities(&a, &labelers) {
                    let s = a.sentence_text(&a.sentences[e.sentence]);
                    assert!(s.is_char_boundary(e.start) && s.is_char_boundary(e.end));
                    assert!(e.start < e.end && e.end <= s.len());
                }
            }
        }
    }

    #[test]
    fn a_persons_name_is_split_off_the_organisation_before_it() {
        let a = article(
            "id",
            "Sementara itu, Kepala Badan Pangan Nasional Arief Prasetyo Adi menuturkan stok beras aman.",
        );
        let got: Vec<(String, EntityType)> = entities(&a).into_iter().map(|e| (e.0, e.1)).collect();
        assert_eq!(
            got,
            vec![
                ("Badan Pangan Nasional".to_string(), EntityType::Org),
                ("Arief Prasetyo Adi".to_string(), EntityType::Person)
            ]
        );
        // After an organisation's head, one word is its name and the rest the person's, also
        // where the organisation's shape runs into the name ("PT Antam Nicolas D").
        for (text, org, person) in [
            (
                "Direktur Utama Perum Bulog Bayu Krisnamurthi menyatakan pihaknya siap.",
                "Perum Bulog",
                "Bayu Krisnamurthi",
            ),
            (
                "Direktur Utama PT Antam Nicolas D. Kanter menyatakan produksi naik.",
                "PT Antam",
                "Nicolas D. Kanter",
            ),
        ] {
            let got: Vec<(String, EntityType)> = entities(&article("id", text))
                .into_iter()
                .map(|e| (e.0, e.1))
                .collect();
            assert_eq!(
                got,
                vec![
                    (org.to_string(), EntityType::Org),
                    (person.to_string(), EntityType::Person)
                ],
                "{text}"
            );
        }
        // A possessive is no part of a name.
        let got: Vec<(String, EntityType)> = entities(&article(
            "en",
            "Analysts say the bill could hurt President William Ruto’s popularity.",
        ))
        .into_iter()
        .map(|e| (e.0, e.1))
        .collect();
        assert_eq!(got, vec![("William Ruto".to_string(), EntityType::Person)]);
        // "in" after a complete name places it.
        let b = article(
            "en",
            "Economists at DBS Bank in Singapore noted that rates would stay high.",
        );
        let got: Vec<(String, EntityType)> = entities(&b).into_iter().map(|e| (e.0, e.1)).collect();
        assert_eq!(
            got,
            vec![
                ("DBS Bank".to_string(), EntityType::Org),
                ("Singapore".to_string(), EntityType::Gpe)
            ]
        );
    }

    #[test]
    fn a_persons_initials_are_no_acronym() {
        let a = article(
            "id",
            "Kedua pelaku berinisial AS (27) dan RH (31) ditangkap.\nPelaku berinisial AS ditangkap.\nPresiden AS Joe Biden datang.",
        );
        // Only the third line's "AS" is the United States.
        let got: Vec<(String, Option<String>)> =
            entities(&a).into_iter().map(|e| (e.0, e.2)).collect();
        assert_eq!(
            got,
            vec![
                ("AS".to_string(), Some("United States".to_string())),
                ("Joe Biden".to_string(), Some("Joe Biden".to_string()))
            ]
        );
    }

    #[test]
    fn aggregation_merges_labelers_and_keeps_the_longest() {
        let a = article(
            "en",
            "Chinese Foreign Minister Wang Yi met President Ilham Aliyev of the Republic of Azerbaijan in Baku on 5 May 2023.",
        );
        let got = entities(&a);
        let find = |t: &str| got.iter().find(|e| e.0 == t).cloned();
        let wang = find("Wang Yi").unwrap();
        assert_eq!(wang.1, EntityType::Person);
        assert!(wang.3.contains(&"gazetteer/9".to_string()));
        assert!(wang.3.contains(&"names/13".to_string()));
        let az = find("Republic of Azerbaijan").unwrap();
        assert_eq!(az.2.as_deref(), Some("Azerbaijan"));
        assert!(find("Azerbaijan").is_none());
        let date = find("5 May 2023").unwrap();
        assert_eq!(date.2.as_deref(), Some("2023-05-05"));
        assert_eq!(find("Chinese").unwrap().1, EntityType::Norp);
    }

    #[test]
    fn all_three_languages_end_to_end() {
        let id = article(
            "id",
            "Presiden Indonesia Prabowo Subianto bertemu Menteri Luar Negeri Jepang Takeshi Iwaya di Istana Merdeka pada Senin (3/2/2025).\nPrabowo mengatakan kerja sama akan diperluas tahun ini.",
        );
        let got = entities(&id);
        let texts: Vec<&str> = got.iter().map(|e| e.0.as_str()).collect();
        assert!(texts.contains(&"Prabowo Subianto"), "{got:?}");
        assert!(texts.contains(&"Takeshi Iwaya"), "{got:?}");
        assert!(texts.contains(&"Istana Merdeka"), "{got:?}");
        let date = got.iter().find(|e| e.0 == "Senin (3/2/2025)").unwrap();
        assert_eq!(date.2.as_deref(), Some("2025-02-03"));
        let this_year = got.iter().find(|e| e.0 == "tahun ini").unwrap();
        assert_eq!(this_year.2.as_deref(), Some("2025"));
        let short = got.iter().find(|e| e.0 == "Prabowo").unwrap();
        assert_eq!(short.2.as_deref(), Some("Prabowo Subianto"));

        let ar = article(
            "ar",
            "التقى الرئيس المصري عبد الفتاح السيسي نظيره الفرنسي في القاهرة.\nوأكد السيسي أن مصر وفرنسا تدعمان السلام.",
        );
        let got = entities(&ar);
        let texts: Vec<(&str, EntityType)> = got.iter().map(|e| (e.0.as_str(), e.1)).collect();
        assert!(
            texts.contains(&("عبد الفتاح السيسي", EntityType::Person)),
            "{got:?}"
        );
        assert!(texts.contains(&("المصري", EntityType::Norp)), "{got:?}");
        assert!(texts.contains(&("الفرنسي", EntityType::Norp)), "{got:?}");
        assert!(texts.contains(&("القاهرة", EntityType::Gpe)), "{got:?}");
        assert!(texts.contains(&("فرنسا", EntityType::Gpe)), "{got:?}");
        let sisi = got.iter().find(|e| e.0 == "السيسي").unwrap();
        assert_eq!(sisi.2.as_deref(), Some("Abdel Fattah el-Sisi"));
    }
}
