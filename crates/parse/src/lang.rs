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

use crate::chars;
use std::collections::HashMap;
use std::sync::LazyLock;
use whatlang::{Detector, Lang};

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

/// Detection sample: enough text to be sure, bounded so that huge articles stay fast.
fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The language of an article's prose and a confidence in 0..=1; `und` when unknown.
pub fn detect(text: &str) -> (String, f32) {
    let text = sample(text, 8192);
    match Detector::new().detect(text) {
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
    static MARKERS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
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

/// The language of one sentence when detection on it is reliable: long enough and confident.
pub fn detect_sentence(text: &str) -> Option<String> {
    let letters = text.chars().filter(|c| chars::is_alphabetic(*c)).count();
    if letters < 40 || text.split_whitespace().count() < 6 {
        return None;
    }
    let info = SENTENCE_DETECTOR.detect(sample(text, 4096))?;
    (info.is_reliable() && info.confidence() >= 0.9).then(|| resolve(&info, text).to_string())
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
        assert_eq!(detect_sentence("Hello there."), None);
        assert_eq!(
            detect_sentence(
                "أعلنت الحكومة يوم الثلاثاء عن إجراءات جديدة لدعم المزارعين في جميع أنحاء البلاد."
            )
            .as_deref(),
            Some("ar")
        );
    }

    #[test]
    fn given_codes_are_normalised() {
        assert_eq!(normalise_given("EN-us"), "en");
        assert_eq!(normalise_given("ind"), "id");
        assert_eq!(normalise_given(""), "und");
    }
}
