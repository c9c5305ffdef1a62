//! Word lists of the pattern and date labelers, per language, from `datasets/label/`.

use std::collections::{BTreeMap, BTreeSet};

use records::EntityType;

const TITLES: &str = include_str!("../../../../datasets/label/titles.tsv");
const ORG_SHAPES: &str = include_str!("../../../../datasets/label/org_shapes.tsv");
const MINISTRIES: &str = include_str!("../../../../datasets/label/ministries.tsv");
const STOPWORDS: &str = include_str!("../../../../datasets/label/stopwords.tsv");
const PERSON_CUES: &str = include_str!("../../../../datasets/label/person_cues.tsv");
const DATES: &str = include_str!("../../../../datasets/label/dates.tsv");
const CHINESE: &str = include_str!("../../../../datasets/label/chinese_names.tsv");
const DOMAINS: &str = include_str!("../../../../datasets/label/domain_words.tsv");

/// Rows of a TSV with a header, split into columns; short rows are padded with "".
fn rows(content: &str, columns: usize) -> impl Iterator<Item = Vec<&str>> {
    content.lines().skip(1).filter_map(move |l| {
        let l = l.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') {
            return None;
        }
        let mut c: Vec<&str> = l.split('\t').map(str::trim).collect();
        c.resize(columns, "");
        Some(c)
    })
}

/// A relative date expression: an offset in years, months or days from the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relative {
    Year(i32),
    Month(i32),
    Day(i32),
}

/// Word lists of one language (all of them, keyed by language code).
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Titles and roles before a name (as written; matching folds case where the list is
    /// lower case).
    pub titles: BTreeMap<String, Vec<String>>,
    /// (lang, position "head"/"tail") -> word -> type.
    pub shapes: BTreeMap<(String, String), BTreeMap<String, EntityType>>,
    /// lang -> folded phrase -> English ministry name.
    pub ministries: BTreeMap<String, BTreeMap<String, String>>,
    pub stopwords: BTreeMap<String, BTreeSet<String>>,
    /// (lang, "after"/"before") -> phrases.
    pub person_cues: BTreeMap<(String, String), Vec<String>>,
    /// lang -> folded month name -> month.
    pub months: BTreeMap<String, BTreeMap<String, u32>>,
    /// lang -> folded weekday -> ISO weekday (1 = Monday).
    pub weekdays: BTreeMap<String, BTreeMap<String, u32>>,
    /// lang -> folded phrase -> offset.
    pub relative: BTreeMap<String, BTreeMap<String, Relative>>,
    /// Chinese family names in pinyin (lower case).
    pub chinese_surnames: BTreeSet<String>,
    /// Pinyin syllables without tones (lower case).
    pub pinyin: BTreeSet<String>,
    /// Words of a ministry's or office's field ("Foreign", "Affairs", "Perekonomian"): never
    /// part of a person's name.
    pub domains: BTreeMap<String, BTreeSet<String>>,
}

impl Lexicon {
    pub fn builtin() -> Lexicon {
        use super::text::fold_str;
        let mut lx = Lexicon::default();
        for c in rows(TITLES, 2) {
            lx.titles
                .entry(c[0].to_string())
                .or_default()
                .push(c[1].to_string());
        }
        for v in lx.titles.values_mut() {
            // Longest first, so that "Prime Minister" is tried before "Minister".
            v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        }
        for c in rows(ORG_SHAPES, 4) {
            if let Some(t) = EntityType::parse(c[3]) {
                lx.shapes
                    .entry((c[0].to_string(), c[1].to_string()))
                    .or_default()
                    .insert(c[2].to_string(), t);
            }
        }
        for c in rows(MINISTRIES, 3) {
            lx.ministries
                .entry(c[0].to_string())
                .or_default()
                .insert(fold_str(c[1]), c[2].to_string());
        }
        for c in rows(STOPWORDS, 2) {
            lx.stopwords
                .entry(c[0].to_string())
                .or_default()
                .insert(c[1].to_string());
        }
        for c in rows(PERSON_CUES, 3) {
            lx.person_cues
                .entry((c[0].to_string(), c[1].to_string()))
                .or_default()
                .push(c[2].to_string());
        }
        for c in rows(DATES, 4) {
            let (lang, kind, phrase, value) = (c[0], c[1], fold_str(c[2]), c[3]);
            match kind {
                "month" => {
                    if let Ok(m) = value.parse() {
                        lx.months.entry(lang.into()).or_default().insert(phrase, m);
                    }
                }
                "weekday" => {
                    if let Ok(d) = value.parse() {
                        lx.weekdays
                            .entry(lang.into())
                            .or_default()
                            .insert(phrase, d);
                    }
                }
                "relative" => {
                    let rel = value.split_once(':').and_then(|(unit, n)| {
                        let n: i32 = n.parse().ok()?;
                        match unit {
                            "year" => Some(Relative::Year(n)),
                            "month" => Some(Relative::Month(n)),
                            "day" => Some(Relative::Day(n)),
                            _ => None,
                        }
                    });
                    if let Some(rel) = rel {
                        lx.relative
                            .entry(lang.into())
                            .or_default()
                            .insert(phrase, rel);
                    }
                }
                _ => {}
            }
        }
        for c in rows(DOMAINS, 2) {
            lx.domains
                .entry(c[0].to_string())
                .or_default()
                .insert(c[1].to_string());
        }
        for c in rows(CHINESE, 2) {
            match c[0] {
                "surname" => {
                    lx.chinese_surnames.insert(c[1].to_lowercase());
                }
                "syllable" => {
                    lx.pinyin.insert(c[1].to_lowercase());
                }
                _ => {}
            }
        }
        lx
    }

    /// Languages whose lists apply to an article: its own, else all three.
    pub fn langs(lang: &str) -> &'static [&'static str] {
        match lang {
            "en" => &["en"],
            "id" | "ms" => &["id", "en"],
            "ar" => &["ar"],
            _ => &["en", "id", "ar"],
        }
    }

    pub fn is_stopword(&self, langs: &[&str], w: &str) -> bool {
        langs
            .iter()
            .any(|l| self.stopwords.get(*l).is_some_and(|s| s.contains(w)))
    }

    pub fn is_domain_word(&self, langs: &[&str], w: &str) -> bool {
        langs
            .iter()
            .any(|l| self.domains.get(*l).is_some_and(|s| s.contains(w)))
    }

    /// Is `w` the name of a month or a weekday in one of `langs`?
    pub fn is_calendar_word(&self, langs: &[&str], w: &str) -> bool {
        let f = super::text::fold_str(w);
        langs.iter().any(|l| {
            self.months.get(*l).is_some_and(|m| m.contains_key(&f))
                || self.weekdays.get(*l).is_some_and(|m| m.contains_key(&f))
        })
    }

    /// Can `w` be split into pinyin syllables (a Chinese given name such as "Lifeng")?
    pub fn is_pinyin_name(&self, w: &str) -> bool {
        let w = w.to_lowercase().replace(['-', '\''], "");
        if w.is_empty() || w.len() > 12 || !w.chars().all(|c| c.is_ascii_lowercase()) {
            return false;
        }
        // Dynamic programming over prefixes: at most two or three syllables in a given name.
        let n = w.len();
        let mut ok = vec![None::<usize>; n + 1];
        ok[0] = Some(0);
        for i in 0..n {
            let Some(k) = ok[i] else { continue };
            for j in i + 1..=n.min(i + 6) {
                if self.pinyin.contains(&w[i..j]) && ok[j].is_none_or(|x| x > k + 1) {
                    ok[j] = Some(k + 1);
                }
            }
        }
        ok[n].is_some_and(|k| k <= 3)
    }
}
