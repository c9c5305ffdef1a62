//! Word lists of the pattern and date labelers, per language, from `datasets/label/`.

use parse::chars;
use std::collections::BTreeMap;

// Looked up for every word: a fast hash (nothing iterates these maps and sets).
use foldhash::{HashMap, HashSet};

use records::EntityType;

const TITLES: &str = include_str!("../../../../datasets/label/titles.tsv");
const ORG_SHAPES: &str = include_str!("../../../../datasets/label/org_shapes.tsv");
const MINISTRIES: &str = include_str!("../../../../datasets/label/ministries.tsv");
const STOPWORDS: &str = include_str!("../../../../datasets/label/stopwords.tsv");
const PERSON_CUES: &str = include_str!("../../../../datasets/label/person_cues.tsv");
const DATES: &str = include_str!("../../../../datasets/label/dates.tsv");
const CHINESE: &str = include_str!("../../../../datasets/label/chinese_names.tsv");
const DOMAINS: &str = include_str!("../../../../datasets/label/domain_words.tsv");
const GIVEN_NAMES: &str = include_str!("../../../../datasets/label/given_names.tsv");
const FUNCTION_WORDS: &str = include_str!("../../../../datasets/label/function_words.tsv");

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

/// A person's grammatical gender, which a pronoun ("she"), a verb ("قالت") or a title
/// ("الوزيرة", "Mrs") shows, and a given name often does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    /// `male` or `female`, as the word lists write them.
    pub fn parse(word: &str) -> Option<Gender> {
        match word {
            "male" => Some(Gender::Male),
            "female" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// A phrase of a word list (a title, or the head of a name), folded, with what it stands for.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    /// Folded words.
    pub parts: Vec<String>,
    /// As written in the list.
    pub text: String,
    /// Written in lower case in the list: matched in any case; otherwise a Latin-script
    /// phrase must be capitalised in the text.
    pub lower: bool,
    pub label: Option<EntityType>,
}

/// Phrases by folded first word: each language's, longest first. Keyed by the word alone, so
/// that a word of the text costs one look-up whatever the languages asked for (it is done for
/// every word).
pub(crate) type PhraseIndex = HashMap<String, PhrasesByLang>;
/// Each language's phrases of one first word.
pub(crate) type PhrasesByLang = Vec<(String, Vec<Phrase>)>;

fn index_phrase(index: &mut PhraseIndex, lang: &str, text: &str, label: Option<EntityType>) {
    use super::text::fold_str;
    let parts: Vec<String> = text.split(' ').map(fold_str).collect();
    let Some(first) = parts.first().cloned() else {
        return;
    };
    let by_lang = index.entry(first).or_default();
    let at = match by_lang.iter().position(|(l, _)| l == lang) {
        Some(at) => at,
        None => {
            by_lang.push((lang.to_string(), Vec::new()));
            by_lang.len() - 1
        }
    };
    let list = &mut by_lang[at].1;
    list.push(Phrase {
        parts,
        text: text.to_string(),
        lower: text.chars().next().is_some_and(char::is_lowercase),
        label,
    });
    list.sort_by(|a, b| b.parts.len().cmp(&a.parts.len()).then(a.text.cmp(&b.text)));
}

/// Arabic clitics that may stand glued before a title or a head word ("بالرئيس", "ووزارة").
const AR_CLITICS: [&str; 6] = ["وب", "ول", "و", "ب", "ل", "ف"];

/// The longest phrase of `index` (for `langs`) that starts at word `i`: the phrase, the index
/// of the word after it, and the byte where it starts (after an Arabic clitic).
pub(crate) fn phrase_at<'a>(
    index: &'a PhraseIndex,
    langs: &[&str],
    s: &str,
    words: &[super::text::Word],
    folded: super::text::FoldedWords<'_>,
    i: usize,
) -> Option<(&'a Phrase, usize, usize)> {
    use super::text::{is_arabic, is_capitalised, same_line_gap};
    let mut best: Option<(&Phrase, usize, usize)> = None;
    let folded_word = &folded[i];
    // The word, then (Arabic) the word without each clitic it starts with, with the bytes
    // skipped; each looked up once.
    let mut keys: [Option<(&PhrasesByLang, usize)>; 1 + AR_CLITICS.len()] =
        [None; 1 + AR_CLITICS.len()];
    keys[0] = index.get(folded_word).map(|v| (v, 0));
    if folded_word.starts_with(is_arabic) {
        for (k, c) in AR_CLITICS.iter().enumerate() {
            if let Some(rest) = folded_word.strip_prefix(c) {
                keys[k + 1] = index.get(rest).map(|v| (v, c.len()));
            }
        }
    }
    for lang in langs {
        for &(by_lang, skip) in keys.iter().flatten() {
            let phrases = by_lang
                .iter()
                .filter(|(l, _)| l == lang)
                .flat_map(|(_, v)| v);
            for p in phrases {
                let n = p.parts.len();
                if i + n > words.len() {
                    continue;
                }
                let word = &s[words[i].start + skip..words[i].end];
                let case_ok = p.lower
                    || !word.starts_with(|c: char| chars::is_alphabetic(c) && !is_arabic(c))
                    || is_capitalised(word);
                let rest_ok = (1..n).all(|k| {
                    folded[i + k] == p.parts[k]
                        && same_line_gap(s, words[i + k - 1].end, words[i + k].start)
                });
                if case_ok && rest_ok && best.is_none_or(|b| n > b.0.parts.len()) {
                    best = Some((p, i + n, words[i].start + skip));
                }
            }
        }
    }
    best
}

/// A relative date expression: an offset in years, months or days from the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relative {
    Year(i32),
    Month(i32),
    /// A week ("last week"): a period on the calendar that no ISO date of ours names.
    Week(i32),
    Day(i32),
}

/// Word lists of one language (all of them, keyed by language code).
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Titles and roles before a name.
    pub titles: PhraseIndex,
    /// Folded one-word titles of every language.
    pub title_words: HashSet<String>,
    /// Folded title words also written as abbreviations with a period ("sen" for "Sen."),
    /// which inside a name are titles only with that period ("Amrita Sen" is a name).
    pub abbreviated_titles: HashSet<String>,
    /// Folded titles whose holder is named after the region they head ("Bupati Cianjur Herman
    /// Suherman", "Gubernur Lampung Arinal Djunaidi"): one capitalised word of region before
    /// a name of two words or more.
    pub region_titles: HashSet<String>,
    /// Folded titles that are common nouns too ("الفريق": a lieutenant general, or the team;
    /// option `ambiguous`): a name after one starts with a common given name or is known.
    pub ambiguous_titles: HashSet<String>,
    /// Folded titles of rank that institutions are named after with their holder ("King
    /// Abdulaziz University", "Justice and Development Party"; option `honorific`).
    pub honorific_titles: HashSet<String>,
    /// Folded personal titles (of address, degree or profession: "الدكتور", "السيد",
    /// "المهندس"; option `personal`): they take no complement, the name follows them.
    pub personal_titles: HashSet<String>,
    /// Heads that start a name ("Ministry", "Kementerian", "وزارة").
    pub heads: PhraseIndex,
    /// Folded head and tail words of every language, but regions' compass words.
    pub shape_words: HashSet<String>,
    /// (lang, position "head"/"tail") -> word -> type.
    pub shapes: BTreeMap<(String, String), HashMap<String, EntityType>>,
    /// lang -> folded phrase -> English ministry name.
    pub ministries: BTreeMap<String, BTreeMap<String, String>>,
    pub stopwords: BTreeMap<String, HashSet<String>>,
    /// (lang, "after"/"before") -> phrases a person's name stands after or before ("said",
    /// "kata"); (lang, "initials") -> words after which capitals are a person's initials
    /// ("berinisial"); (lang, "before_clause"/"passive_prefix"/"verb_prefix"): see
    /// [`Lexicon::opens_clause_after_speaker`] and [`Lexicon::has_verb_prefix`].
    pub person_cues: BTreeMap<(String, String), Vec<String>>,
    /// The first words of the person cues, "after" and "before", folded, of every language
    /// ("said", "announced", "قال"): the verbs of saying.
    pub reporting_verbs: HashSet<String>,
    /// lang -> folded month name -> month.
    pub months: BTreeMap<String, BTreeMap<String, u32>>,
    /// lang -> folded weekday -> ISO weekday (1 = Monday).
    pub weekdays: BTreeMap<String, BTreeMap<String, u32>>,
    /// lang -> folded phrase -> offset.
    pub relative: BTreeMap<String, BTreeMap<String, Relative>>,
    /// Folded words that put a weekday ahead of the article's date ("will", "akan", "سوف",
    /// "المقبل"), of every language.
    pub future: Vec<String>,
    /// Those of `future` that say so right after the date too ("Rabu mendatang").
    pub future_after: Vec<String>,
    /// Folded words after which a weekday alone is the day of the event ("on", "pada"), of
    /// every language.
    pub weekday_leads: Vec<String>,
    /// Folded nouns of the day or a time of day that lead a weekday ("يوم", "مساء"), of every
    /// language: a weekday lead which may carry a conjunction ("ومساء").
    pub times_of_day: Vec<String>,
    /// Chinese family names in pinyin (lower case).
    pub chinese_surnames: HashSet<String>,
    /// Pinyin syllables without tones (lower case).
    pub pinyin: HashSet<String>,
    /// Words of a ministry's or office's field ("Foreign", "Affairs", "Perekonomian"): never
    /// part of a person's name.
    pub domains: BTreeMap<String, HashSet<String>>,
    /// Folded common given names of every language, where a name's shape alone cannot tell it
    /// from a noun (Arabic) or from another capitalised name (Latin script).
    pub given_names: HashSet<String>,
    /// Folded Indonesian and Malay given names: their bearers are called by them alone, in
    /// English news too ("Budi Arie Setiadi ... Budi said").
    pub malay_given_names: HashSet<String>,
    /// The gender of folded given names where the list gives one (column `gender`): a
    /// pronoun or a gendered verb refers to a person who agrees with it ("she said", "وأضافت").
    pub given_name_genders: HashMap<String, Gender>,
    /// Titles whose holders are called by their given name alone later, as written
    /// (Malaysian honorifics: "Tan Sri Mustapa Mohamed" is "Mustapa"; option `given_name`).
    pub given_name_titles: Vec<String>,
    /// Function words of `function_words.tsv`, by kind, as written (lower case).
    pub particles: HashSet<String>,
    pub links: HashSet<String>,
    pub conjs: HashSet<String>,
    pub inner: HashSet<String>,
    /// Indefinite articles that open an appositive role after a name ("Anggraeni Kusuma, an
    /// economist at Bank Permata,", "Budi, seorang petani,").
    pub articles: HashSet<String>,
    pub connectors: HashSet<String>,
    /// Words for "son of", "daughter of" in a name ("bin", "بن"): the name goes on after them.
    pub patronymics: HashSet<String>,
    /// Prepositions that open a verb's complement after a one-word Arabic "name" ("اطلع على").
    pub prepositions: HashSet<String>,
    /// Words before a place's name ("di", "Kabupaten"), as written.
    pub place_markers: Vec<String>,
    /// Folded nouns of people ("warga", "petani"): one capitalised word between commas after
    /// one is a person's name.
    pub person_nouns: HashSet<String>,
}

impl Lexicon {
    pub fn builtin() -> Lexicon {
        use super::text::fold_str;
        let mut lx = Lexicon::default();
        for c in rows(TITLES, 3) {
            index_phrase(&mut lx.titles, c[0], c[1], None);
            if c[2] == "given_name" {
                lx.given_name_titles.push(c[1].to_string());
            }
            if c[2] == "region" {
                lx.region_titles.insert(fold_str(c[1]));
            }
            if c[2] == "ambiguous" {
                lx.ambiguous_titles.insert(fold_str(c[1]));
            }
            if c[2] == "honorific" {
                lx.honorific_titles.insert(fold_str(c[1]));
            }
            if c[2] == "personal" {
                lx.personal_titles.insert(fold_str(c[1]));
            }
            // A one-letter title ("H." for Haji before Indonesian names) is an initial in
            // other languages ("H. R. McMaster"): it stays a title of its phrase's language.
            let one_letter = c[1].trim_end_matches('.').chars().count() == 1;
            if !c[1].contains(' ') && !one_letter {
                lx.title_words.insert(fold_str(c[1]));
                if let Some(bare) = c[1].strip_suffix('.') {
                    lx.abbreviated_titles.insert(fold_str(bare));
                }
            }
        }
        for c in rows(ORG_SHAPES, 4) {
            if let Some(t) = EntityType::parse(c[3]) {
                if c[1] == "head" {
                    index_phrase(&mut lx.heads, c[0], c[2], Some(t));
                }
                // A region's compass word ("Lampung Tengah") heads no organisation: a name
                // after it is no organisation's ("Gubernur Jawa Timur Khofifah ...").
                if !(c[1] == "tail" && t == EntityType::Gpe) {
                    lx.shape_words.insert(fold_str(c[2]));
                }
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
            if matches!(c[1], "after" | "before")
                && let Some(first) = c[2].split(' ').next()
            {
                lx.reporting_verbs.insert(fold_str(first));
            }
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
                            "week" => Some(Relative::Week(n)),
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
                "future" => {
                    if value == "after" {
                        lx.future_after.push(phrase.clone());
                    }
                    lx.future.push(phrase);
                }
                "weekday_lead" => lx.weekday_leads.push(phrase),
                "time_of_day" => lx.times_of_day.push(phrase),
                _ => {}
            }
        }
        for c in rows(DOMAINS, 2) {
            lx.domains
                .entry(c[0].to_string())
                .or_default()
                .insert(c[1].to_string());
        }
        for c in rows(GIVEN_NAMES, 3) {
            lx.given_names.insert(fold_str(c[1]));
            if let Some(g) = Gender::parse(c[2]) {
                lx.given_name_genders.insert(fold_str(c[1]), g);
            }
            if matches!(c[0], "id" | "ms") {
                lx.malay_given_names.insert(fold_str(c[1]));
            }
        }
        for c in rows(FUNCTION_WORDS, 3) {
            let set = match c[0] {
                "particle" => &mut lx.particles,
                "link" => &mut lx.links,
                "conj" => &mut lx.conjs,
                "inner" => &mut lx.inner,
                "article" => &mut lx.articles,
                "connector" => &mut lx.connectors,
                "patronymic" => &mut lx.patronymics,
                "preposition" => &mut lx.prepositions,
                "place_marker" => {
                    lx.place_markers.push(c[2].to_string());
                    continue;
                }
                "person_noun" => {
                    lx.person_nouns.insert(fold_str(c[2]));
                    continue;
                }
                _ => continue,
            };
            set.insert(c[2].to_string());
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

    /// The family name of a word that joins a particle to it ("al-Sudani": "Sudani"), else
    /// none.
    pub fn after_joined_particle<'w>(&self, w: &'w str) -> Option<&'w str> {
        w.split_once('-')
            .filter(|(p, rest)| self.particles.contains(*p) && super::text::is_capitalised(rest))
            .map(|(_, rest)| rest)
    }

    /// The person cues of `position` in one of `langs`.
    fn person_cues_of<'a>(
        &'a self,
        langs: &'a [&str],
        position: &'a str,
    ) -> impl Iterator<Item = &'a str> + 'a {
        langs
            .iter()
            .filter_map(move |l| self.person_cues.get(&(l.to_string(), position.to_string())))
            .flatten()
            .map(String::as_str)
    }

    /// Does a comma after the speaker of the cue word `w` (one standing before its speaker)
    /// open a clause rather than an apposition ("Menurut Walhi, ...", "diungkapkan Shopee,
    /// ...")? After one, a body stands as often as a person.
    pub fn opens_clause_after_speaker(&self, langs: &[&str], w: &str) -> bool {
        let w = w.to_lowercase();
        self.person_cues_of(langs, "before_clause")
            .any(|c| c.split(' ').next() == Some(w.as_str()))
            || self
                .person_cues_of(langs, "passive_prefix")
                .any(|p| w.starts_with(p))
    }

    /// Does the lower-case word `w` start with a verb prefix of one of `langs` ("mencapai",
    /// "ditemukan")?
    pub fn has_verb_prefix(&self, langs: &[&str], w: &str) -> bool {
        self.person_cues_of(langs, "verb_prefix")
            .any(|p| w.starts_with(p))
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

    /// Is `w` the name of a month (or its abbreviation) in one of `langs`?
    pub fn is_month_word(&self, langs: &[&str], w: &str) -> bool {
        let f = super::text::fold_str(w);
        langs
            .iter()
            .any(|l| self.months.get(*l).is_some_and(|m| m.contains_key(&f)))
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
