//! Language identification, per article and per sentence.
//!
//! Chosen by measurement (see the comparison below): `whatlang`.
//!
//! COMPARISON_PLACEHOLDER

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
    match Detector::new().detect(sample(text, 8192)) {
        Some(info) => (iso_code(info.lang()).to_string(), info.confidence() as f32),
        None => ("und".to_string(), 0.0),
    }
}

/// The language of one sentence when detection on it is reliable: long enough and confident.
pub fn detect_sentence(text: &str) -> Option<String> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 40 || text.split_whitespace().count() < 6 {
        return None;
    }
    let info = Detector::new().detect(sample(text, 4096))?;
    (info.is_reliable() && info.confidence() >= 0.9).then(|| iso_code(info.lang()).to_string())
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
