//! Language identification, per article and per sentence.
//!
//! Chosen by measurement: `whatlang` (all its languages for articles; sentence-level results
//! only when long and reliable), with a lexical Indonesian/Malay tie-break from
//! `datasets/parse/id_ms_markers.tsv`, since whatlang has no Malay.
//!
//! Comparison (102 single sentences: the 72 gold seed sentences, 53 en / 25 id / 16 ar incl.
//! 8 of our own en and id, 6 ar, plus 8 Malay sentences of our own; one scratch binary,
//! debug build with dependencies at opt-level 2, 2 shared cores, mean time per sentence):
//!
//! | detector                                   | all      | en    | id    | ar    | ms   | µs/sent |
//! |--------------------------------------------|----------|-------|-------|-------|------|---------|
//! | whatlang 0.18, all languages               | 92/102   | 52/53 | 24/25 | 16/16 | 0/8  | 132     |
//! | whatlang 0.18, allowlist of 8              | 93/102   | 52/53 | 25/25 | 16/16 | 0/8  | 22      |
//! | lingua 1.8, 9 language features, high acc. | 96/102   | 53/53 | 19/25 | 16/16 | 8/8  | 253     |
//! | lingua 1.8, 9 language features, low acc.  | 93/102   | 52/53 | 17/25 | 16/16 | 8/8  | 301     |
//!
//! (lingua features: english, indonesian, arabic, malay, tagalog, persian, urdu, azerbaijani,
//! turkish.) lingua is the only one that knows Malay, but it takes 6 of 25 Indonesian sentences
//! (4 of them gold seed sentences) for Malay: the costlier error for an en/id/ar corpus. whatlang
//! errs on 1-2 of 94 en/id/ar sentences (a 5-word English sentence full of names, a short
//! Indonesian one), is 2-10x faster and adds no model crates. Malay text comes out as `id`
//! from whatlang; the marker-word tie-break turns clear Malay into `ms`.

use crate::chars::{self, prefix};
use crate::lang_scores::Scorer;
use foldhash::fast::FixedState;
use std::collections::HashMap;
use std::sync::LazyLock;
use whatlang::{Detector, Lang, Script};

/// ISO 639-1 where one exists, else ISO 639-3.
pub fn iso_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Eng => "en",
        Lang::Ind => "id",
        Lang::Ara => "ar",
        Lang::Rus => "ru",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Tur => "tr",
        Lang::Aze => "az",
        Lang::Pes => "fa",
        Lang::Urd => "ur",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Hin => "hi",
        Lang::Nld => "nl",
        Lang::Tgl => "tl",
        Lang::Jav => "jv",
        Lang::Ukr => "uk",
        Lang::Pol => "pl",
        Lang::Vie => "vi",
        Lang::Tha => "th",
        Lang::Heb => "he",
        other => other.code(),
    }
}

/// A given language code, normalised to ISO 639-1 where we know it.
pub fn normalise_given(code: &str) -> String {
    let c = code.trim().to_lowercase();
    let c = c.split(['-', '_']).next().unwrap_or("").to_string();
    match c.as_str() {
        "eng" => "en".into(),
        "ind" => "id".into(),
        "ara" => "ar".into(),
        "msa" | "zsm" | "may" => "ms".into(),
        "" => "und".into(),
        _ => c,
    }
}

/// The language of an article's prose and a confidence in 0..=1; `und` when unknown.
pub fn detect(text: &str) -> (String, f32) {
    // A sample: enough text to be sure, bounded so that huge articles stay fast.
    let text = prefix(text, 8192);
    let info = whatlang_info(text, &*ALL_SCORERS, &ALL_DETECTOR);
    match info {
        Some(info) => {
            let code = resolve(&info, text);
            (code.to_string(), info.confidence() as f32)
        }
        None => ("und".to_string(), 0.0),
    }
}

/// The code of a whatlang result. Short Indonesian is often taken for Javanese: Indonesian/
/// Malay function words or an unreliable result send it to the Indonesian/Malay tie-break.
fn resolve(info: &whatlang::Info, text: &str) -> &'static str {
    match iso_code(info.lang()) {
        "id" => indonesian_or_malay(text),
        "jv" if !info.is_reliable() || marker_counts(text).2 >= 2 => indonesian_or_malay(text),
        other => other,
    }
}

/// Languages too close to tell apart on one sentence.
pub fn same_family(a: &str, b: &str) -> bool {
    a == b || matches!((a, b), ("id" | "ms" | "jv", "id" | "ms" | "jv"))
}

/// Marker words that tell standard Indonesian from standard Malay ("mengatakan" vs "berkata",
/// "pemerintah" vs "kerajaan"): `ms` only when Malay markers clearly dominate.
pub fn indonesian_or_malay(text: &str) -> &'static str {
    let (id, ms, _) = marker_counts(text);
    if ms >= 2 && ms > 2 * id { "ms" } else { "id" }
}

/// Counts of Indonesian, Malay and shared Indonesian/Malay marker words in `text`.
fn marker_counts(text: &str) -> (usize, usize, usize) {
    static MARKERS: LazyLock<HashMap<String, String, FixedState>> = LazyLock::new(|| {
        include_str!("../../../datasets/parse/id_ms_markers.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (lang, word) = l.split_once('\t')?;
                Some((word.trim().to_lowercase(), lang.trim().to_string()))
            })
            .collect()
    });
    let (mut id, mut ms, mut both) = (0usize, 0usize, 0usize);
    for w in text.split(|c: char| !chars::is_alphabetic(c)) {
        match MARKERS.get(&w.to_lowercase()).map(String::as_str) {
            Some("ms") => ms += 1,
            Some("id") => id += 1,
            Some("idms") => both += 1,
            _ => {}
        }
    }
    (id, ms, both)
}

/// Languages a sentence may be told apart in. Sentence-level detection runs on every long
/// sentence, and over all of whatlang's languages it was the costliest step of the whole
/// pipeline (22% of export's time in a profile of a generated 5 MB corpus); an allowlist is
/// several times faster (22 vs 132 µs a sentence in the comparison above) and loses nothing on
/// en/id/ar. The article's own language is still detected over every language.
const SENTENCE_LANGUAGES: [Lang; 20] = [
    Lang::Eng,
    Lang::Ind,
    Lang::Ara,
    Lang::Fra,
    Lang::Spa,
    Lang::Por,
    Lang::Deu,
    Lang::Ita,
    Lang::Nld,
    Lang::Rus,
    Lang::Ukr,
    Lang::Tur,
    Lang::Aze,
    Lang::Pes,
    Lang::Urd,
    Lang::Hin,
    Lang::Cmn,
    Lang::Jpn,
    Lang::Kor,
    Lang::Heb,
];

static SENTENCE_DETECTOR: LazyLock<Detector> =
    LazyLock::new(|| Detector::with_allowlist(SENTENCE_LANGUAGES.to_vec()));

static ALL_DETECTOR: LazyLock<Detector> = LazyLock::new(Detector::new);

static SENTENCE_SCORERS: LazyLock<[Scorer; 2]> = LazyLock::new(|| {
    [Script::Latin, Script::Arabic].map(|s| Scorer::new(s, Some(&SENTENCE_LANGUAGES)))
});
static ALL_SCORERS: LazyLock<[Scorer; 2]> =
    LazyLock::new(|| [Script::Latin, Script::Arabic].map(|s| Scorer::new(s, None)));

/// whatlang's result on `text` from `detector`, whose allowed languages `scorers` score.
/// Latin and Arabic text is scored by [`Scorer`] (the same verdict, several times faster; see
/// there); whatlang runs on other scripts and on the rare verdict that needs its sort order.
fn whatlang_info(text: &str, scorers: &[Scorer], detector: &Detector) -> Option<whatlang::Info> {
    for scorer in scorers {
        if let Some((scores, count)) = scorer.scores(text) {
            if let Some((lang, confidence)) = verdict(&scores, count) {
                return Some(whatlang::Info::new(scorer.script(), lang, confidence));
            }
            break;
        }
    }
    detector.detect(text)
}

/// Whether a sentence is long enough for detection: 40 letters and 6 words (as counted by
/// `split_whitespace`); counting stops once both are reached.
fn detectable(text: &str) -> bool {
    let (mut letters, mut words, mut in_word) = (0usize, 0usize, false);
    for c in text.chars() {
        let space = c.is_whitespace();
        words += usize::from(!space && !in_word);
        in_word = !space;
        letters += usize::from(chars::is_alphabetic(c));
        if letters >= 40 && words >= 6 {
            return true;
        }
    }
    false
}

/// A sentence's whatlang result when reliable (the caller checked it is [`detectable`]).
fn reliable_sentence_info(text: &str) -> Option<whatlang::Info> {
    let info = whatlang_info(prefix(text, 4096), &*SENTENCE_SCORERS, &SENTENCE_DETECTOR)?;
    (info.is_reliable() && info.confidence() >= 0.9).then_some(info)
}

/// The language of a sentence of an article in `article_lang`, when detection on the sentence
/// is reliable (long enough and confident) and names a language outside the article's family.
/// An Indonesian verdict in an Indonesian/Malay article needs no Indonesian/Malay tie-break:
/// both are of the family.
///
/// A sentence that shows function words of the article's language throughout, and none of
/// another's, is taken to be in the article's language without detection
/// ([`speaks_article_language`]).
pub fn foreign_sentence(text: &str, article_lang: &str) -> Option<String> {
    if !detectable(text) || speaks_article_language(text, article_lang) {
        return None;
    }
    let info = reliable_sentence_info(text)?;
    if iso_code(info.lang()) == "id" && same_family("id", article_lang) {
        return None;
    }
    Some(resolve(&info, text))
        .filter(|l| !same_family(l, article_lang))
        .map(str::to_string)
}

/// The languages of `datasets/parse/function_words.tsv`, in its order; an article language's
/// family picks its list.
const FUNCTION_WORD_LANGUAGES: [&str; 3] = ["en", "id", "ar"];

/// Each function word with its language (index into [`FUNCTION_WORD_LANGUAGES`]) and its bit
/// among that language's words.
static FUNCTION_WORDS: LazyLock<HashMap<&'static str, (usize, u64), FixedState>> =
    LazyLock::new(|| {
        let mut words = HashMap::default();
        let mut counts = [0u32; FUNCTION_WORD_LANGUAGES.len()];
        for line in include_str!("../../../datasets/parse/function_words.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (lang, word) = line.split_once('\t').expect("lang<TAB>word");
            let i = FUNCTION_WORD_LANGUAGES
                .iter()
                .position(|l| *l == lang)
                .expect("a language of FUNCTION_WORD_LANGUAGES");
            assert!(counts[i] < 64, "at most 64 function words a language");
            let previous = words.insert(word, (i, 1u64 << counts[i]));
            assert!(previous.is_none(), "{word} listed twice");
            counts[i] += 1;
        }
        words
    });

/// At most this many words in a row without a function word of the article's language: a
/// stretch of another language (a quotation, a mixed sentence) is longer, and goes to
/// detection.
const MAX_FUNCTION_WORD_GAP: usize = 12;

/// Whether `text` shows at least two distinct function words of `article_lang` (or its
/// family), never more than [`MAX_FUNCTION_WORD_GAP`] words apart (nor from either end), and
/// none of the other listed languages'.
///
/// Why: sentence detection runs whatlang's trigram scores on every long sentence, a tenth of
/// an export's CPU, to find the few sentences in another language than their article. A
/// sentence with "the ... and" in an English article is English whatever the scores say (on
/// a short sentence full of names they can be wrong); one that mixes languages, or shows too
/// few function words, is still detected.
fn speaks_article_language(text: &str, article_lang: &str) -> bool {
    let Some(own) = FUNCTION_WORD_LANGUAGES
        .iter()
        .position(|l| same_family(l, article_lang))
    else {
        return false;
    };
    let mut seen = [0u64; FUNCTION_WORD_LANGUAGES.len()];
    // Words since the last function word of the article's language (or the start).
    let mut gap = 0usize;
    let mut lower = [0u8; 16];
    for word in text.split(|c: char| !chars::is_alphabetic(c)) {
        if word.is_empty() {
            continue;
        }
        gap += 1;
        if gap > MAX_FUNCTION_WORD_GAP {
            return false;
        }
        if word.len() > lower.len() {
            continue;
        }
        // Listed words are lowercase ASCII or caseless Arabic: only ASCII needs folding.
        let word = if word.bytes().any(|b| b.is_ascii_uppercase()) {
            let lower = &mut lower[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            match std::str::from_utf8(lower) {
                Ok(w) => w,
                Err(_) => continue,
            }
        } else {
            word
        };
        if let Some(&(lang, bit)) = FUNCTION_WORDS.get(word) {
            if lang != own {
                return false;
            }
            seen[lang] |= bit;
            gap = 0;
        }
    }
    seen[own].count_ones() >= 2
}

/// whatlang's verdict from its scores ([`Scorer::scores`]): the language of the
/// highest score, and a confidence from the two highest values alone (the arithmetic of
/// `whatlang::core::calculate_confidence`, copied). `None` when that cannot be told without
/// whatlang: a shared highest score (its pick then depends on its sort order) or no number.
fn verdict(scores: &[(Lang, f64)], count: usize) -> Option<(Lang, f64)> {
    let (&first, rest) = scores.split_first()?;
    if scores.iter().any(|s| s.1.is_nan()) {
        return None;
    }
    let (mut top, mut second) = (first, None::<f64>);
    for &(lang, score) in rest {
        if score > top.1 {
            second = Some(top.1);
            top = (lang, score);
        } else if second.is_none_or(|s| score > s) {
            second = Some(score);
        }
    }
    let Some(second) = second else {
        return Some((top.0, 1.0));
    };
    if second == top.1 {
        return None;
    }
    let confidence = if top.1 == 0.0 {
        0.0
    } else if second == 0.0 {
        top.1
    } else {
        let confident_rate = (3.0 / count as f64) + 0.015;
        let rate = (top.1 - second) / second;
        if rate > confident_rate {
            1.0
        } else {
            rate / confident_rate
        }
    };
    Some((top.0, confidence))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_three_languages() {
        assert_eq!(
            detect("The government announced new measures to support farmers on Tuesday.").0,
            "en"
        );
        assert_eq!(
            detect(
                "Pemerintah mengumumkan langkah baru untuk membantu para petani pada hari Selasa."
            )
            .0,
            "id"
        );
        assert_eq!(
            detect("أعلنت الحكومة يوم الثلاثاء عن إجراءات جديدة لدعم المزارعين في البلاد.").0,
            "ar"
        );
        assert_eq!(detect("12345 678").0, "und");
    }

    #[test]
    fn malay_is_told_from_indonesian() {
        assert_eq!(
            detect("Kerajaan berkata sekolah akan dibuka semula bulan hadapan selepas banjir.").0,
            "ms"
        );
        assert_eq!(
            detect("Pemerintah mengatakan sekolah akan dibuka kembali bulan depan setelah banjir.")
                .0,
            "id"
        );
    }

    #[test]
    fn sentence_detection_needs_length() {
        assert_eq!(foreign_sentence("Hello there.", "und"), None);
        assert_eq!(
            foreign_sentence(
                "أعلنت الحكومة يوم الثلاثاء عن إجراءات جديدة لدعم المزارعين في جميع أنحاء البلاد.",
                "en"
            )
            .as_deref(),
            Some("ar")
        );
    }

    #[test]
    fn function_words_vouch_for_the_article_language_only_when_dense_and_unmixed() {
        let english = "The minister said that the farmers would receive support from the \
                       government after the floods.";
        assert!(speaks_article_language(english, "en"));
        assert!(!speaks_article_language(english, "id"));
        assert!(!speaks_article_language(english, "fr"));
        // Capitals fold; one distinct word is not enough, however often it comes.
        assert!(speaks_article_language(
            "THE farmers AND the minister met.",
            "en"
        ));
        assert!(!speaks_article_language(
            "The farmers, the minister, the army.",
            "en"
        ));
        let indonesian = "Menteri mengatakan bahwa para petani akan menerima bantuan dari \
                          pemerintah setelah banjir yang melanda.";
        for family in ["id", "ms", "jv"] {
            assert!(speaks_article_language(indonesian, family), "{family}");
        }
        let arabic = "وقال الوزير إن الحكومة ستدعم المزارعين في هذه المناطق التي تضررت.";
        assert!(speaks_article_language(arabic, "ar"));
        assert!(!speaks_article_language(arabic, "en"));
        // Mixed: function words of two languages, or a long stretch without any.
        let mixed = "The minister said, kata dia, bahwa petani dari desa itu akan dibantu.";
        assert!(!speaks_article_language(mixed, "en"));
        assert!(!speaks_article_language(mixed, "id"));
        let sparse = "The minister said: le gouvernement a annoncé mardi de nouvelles mesures \
                      pour soutenir les agriculteurs du pays entier cette année encore.";
        assert!(!speaks_article_language(sparse, "en"));
        let arabic_then_portuguese = "وقال الوزير إن الحكومة ستدعم المزارعين، مضيفا أن الأسعار \
                                      ارتفعت بنسبة 5% هذا العام. O governo anunciou na \
                                      terça-feira novas medidas para apoiar os agricultores.";
        assert!(!speaks_article_language(arabic_then_portuguese, "ar"));
        // So a foreign sentence is still found.
        let french = "Le gouvernement a annoncé mardi de nouvelles mesures pour soutenir les \
                      agriculteurs du pays.";
        assert_eq!(foreign_sentence(french, "en").as_deref(), Some("fr"));
        assert_eq!(foreign_sentence(english, "en"), None);
        // Persian and Urdu write their yeh and kaf with other letters than Arabic's.
        for (text, lang) in [
            (
                "دولت روز سه‌شنبه اقدامات جدیدی برای حمایت از کشاورزان سراسر کشور اعلام کرد و گفت که این کار ادامه دارد.",
                "fa",
            ),
            (
                "حکومت نے منگل کو ملک بھر کے کسانوں کی مدد کے لیے نئے اقدامات کا اعلان کیا اور کہا کہ یہ کام جاری رہے گا۔",
                "ur",
            ),
        ] {
            assert!(!speaks_article_language(text, "ar"), "{text}");
            assert_eq!(
                foreign_sentence(text, "ar").as_deref(),
                Some(lang),
                "{text}"
            );
        }
    }

    #[test]
    fn function_words_load() {
        let per_language = |i: usize| FUNCTION_WORDS.values().filter(|w| w.0 == i).count();
        for (i, lang) in FUNCTION_WORD_LANGUAGES.iter().enumerate() {
            assert!((10..=64).contains(&per_language(i)), "{lang}");
        }
        assert!(FUNCTION_WORDS.keys().all(|w| w.to_lowercase() == *w));
    }

    /// `detect` and sentence detection as they were before [`Scorer`]: whatlang only.
    fn detect_by_whatlang(text: &str) -> (String, f32) {
        let text = prefix(text, 8192);
        match Detector::new().detect(text) {
            Some(info) => (resolve(&info, text).to_string(), info.confidence() as f32),
            None => ("und".to_string(), 0.0),
        }
    }

    fn detect_sentence_by_whatlang(text: &str) -> Option<String> {
        let letters = text.chars().filter(|c| chars::is_alphabetic(*c)).count();
        if letters < 40 || text.split_whitespace().count() < 6 {
            return None;
        }
        let info = SENTENCE_DETECTOR.detect(prefix(text, 4096))?;
        (info.is_reliable() && info.confidence() >= 0.9).then(|| resolve(&info, text).to_string())
    }

    #[test]
    fn latin_scores_decide_as_whatlang_does() {
        let mut texts: Vec<String> = [
            "The government announced new measures to support farmers on Tuesday, officials said.",
            "Pemerintah mengumumkan langkah baru untuk membantu para petani pada hari Selasa kemarin.",
            "Kerajaan berkata sekolah akan dibuka semula bulan hadapan selepas banjir besar melanda.",
            "Le gouvernement a annoncé mardi de nouvelles mesures pour soutenir les agriculteurs du pays.",
            "El gobierno anunció el martes nuevas medidas para apoyar a los agricultores del país entero.",
            "O governo anunciou na terça-feira novas medidas para apoiar os agricultores de todo o país.",
            "Die Regierung kündigte am Dienstag neue Maßnahmen zur Unterstützung der Landwirte im Land an.",
            "Il governo ha annunciato martedì nuove misure per sostenere gli agricoltori di tutto il paese.",
            "De regering heeft dinsdag nieuwe maatregelen aangekondigd om de boeren in het land te steunen.",
            "Hükümet salı günü ülkedeki çiftçileri desteklemek için yeni önlemler açıkladığını duyurdu.",
            "Hökumət çərşənbə axşamı ölkədəki fermerləri dəstəkləmək üçün yeni tədbirlər elan etdi bu gün.",
            "Rząd ogłosił we wtorek nowe środki wsparcia dla rolników w całym kraju, poinformowali urzędnicy.",
            "Chính phủ đã công bố các biện pháp mới để hỗ trợ nông dân trên khắp cả nước vào thứ Ba.",
            "Inihayag ng pamahalaan noong Martes ang mga bagong hakbang upang suportahan ang mga magsasaka.",
            "Menteri Joko Widodo and President Barack Obama met Prime Minister Anwar Ibrahim in Jakarta.",
            "Kata dia, the meeting was good, namun hasilnya belum jelas bagi para pedagang di pasar itu.",
            "أعلنت الحكومة يوم الثلاثاء عن إجراءات جديدة لدعم المزارعين في جميع أنحاء البلاد والمناطق.",
            "دولت روز سه‌شنبه اقدامات جدیدی برای حمایت از کشاورزان سراسر کشور اعلام کرد.",
            "حکومت نے منگل کو ملک بھر کے کسانوں کی مدد کے لیے نئے اقدامات کا اعلان کیا۔",
            "وقال الوزير إن الحكومة ستدعم المزارعين، مضيفا أن الأسعار ارتفعت بنسبة 5% هذا العام.",
            "İSTANBUL'DA 2024 YILINDA YAPILAN SEÇİMLERDE BÜYÜK DEĞİŞİKLİKLER OLDU, DEDİ YETKİLİLER BUGÜN.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for text in crate::testing::seed_texts() {
            texts.extend(text.lines().map(str::to_string));
            texts.push(text);
        }
        // Mixtures sit near the boundaries: close scores, ties, unreliable verdicts.
        let n = texts.len();
        for i in 0..n {
            texts.push(format!("{} {}", texts[i], texts[(i * 7 + 3) % n]));
        }
        for t in &texts {
            assert_eq!(detect(t), detect_by_whatlang(t), "{t}");
            let by_whatlang = detect_sentence_by_whatlang(t);
            for l in ["und", "en", "id", "ms", "fr", "ar"] {
                let want = by_whatlang.clone().filter(|s| !same_family(s, l));
                assert_eq!(foreign_sentence(t, l), want, "{l}: {t}");
            }
        }
    }

    #[test]
    fn given_codes_are_normalised() {
        assert_eq!(normalise_given("EN-us"), "en");
        assert_eq!(normalise_given("ind"), "id");
        assert_eq!(normalise_given(""), "und");
    }
}
