//! Per-language rule data, compiled into the crate from `datasets/parse/` with `include_str!`
//! (the crate does no file I/O) and parsed once into immutable statics.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::LazyLock;

const BOILERPLATE: &str = include_str!("../../../datasets/parse/boilerplate.tsv");
const MONTHS: &str = include_str!("../../../datasets/parse/months.tsv");
const ABBREVIATIONS: &str = include_str!("../../../datasets/parse/abbreviations.tsv");
const AR_PROCLITIC_EXCEPTIONS: &str =
    include_str!("../../../datasets/parse/arabic_proclitic_exceptions.txt");
const SINGLE_LETTER_WORDS: &str = include_str!("../../../datasets/parse/single_letter_words.tsv");
const OUTLETS: &str = include_str!("../../../datasets/parse/outlets.tsv");
const SENTENCE_OPENERS: &str = include_str!("../../../datasets/parse/sentence_openers.tsv");

/// Data lines: not empty, not comments; tab-separated fields.
fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// Labels of non-prose lines, lowercased, by kind (`credits`, `copyright`, `navigation`,
/// `counter`, `timestamp`, `byline`, `promo`, `promo_addressed`, `reader`, `photo`, `links_from`). Longest first, so that "Related news" is tried before "Related".
pub struct Boilerplate {
    pub credits: Vec<String>,
    pub copyright: Vec<String>,
    pub navigation: Vec<String>,
    pub counter: HashSet<String>,
    pub timestamp: Vec<String>,
    /// Writers' roles that end a byline ("Economics correspondent").
    pub bylines: Vec<String>,
    /// Calls to action that open a line promoting the outlet's channels ("Follow us on").
    pub promos: Vec<String>,
    /// Calls to action that make a promo line only with a `readers` word ("Get", "Join").
    pub addressed_promos: Vec<String>,
    /// Words that speak to the reader ("you", "our").
    pub readers: HashSet<String>,
    /// Words that mark a photo credit ("photo", "pic", "صورة").
    pub photo: Vec<String>,
    /// Labels that head a list of links with the outlet's name ("Also on").
    pub links_from: Vec<String>,
    /// Labels of a credit only before names ("Rep", "Red").
    pub named_credits: Vec<String>,
}

pub static BOILERPLATE_LABELS: LazyLock<Boilerplate> = LazyLock::new(|| {
    let mut b = Boilerplate {
        credits: vec![],
        copyright: vec![],
        navigation: vec![],
        counter: HashSet::new(),
        timestamp: vec![],
        bylines: vec![],
        promos: vec![],
        addressed_promos: vec![],
        readers: HashSet::new(),
        photo: vec![],
        links_from: vec![],
        named_credits: vec![],
    };
    for r in rows(BOILERPLATE) {
        let (Some(kind), Some(label)) = (r.first(), r.get(2)) else {
            continue;
        };
        let label = label.to_lowercase();
        match *kind {
            "credits" => b.credits.push(label),
            "copyright" => b.copyright.push(label),
            "navigation" => b.navigation.push(label),
            "counter" => {
                b.counter.insert(label);
            }
            "timestamp" => b.timestamp.push(label),
            "byline" => b.bylines.push(label),
            "promo" => b.promos.push(label),
            "promo_addressed" => b.addressed_promos.push(label),
            "reader" => {
                b.readers.insert(label);
            }
            "photo" => b.photo.push(label),
            "links_from" => b.links_from.push(label),
            "credits_named" => b.named_credits.push(label),
            _ => {}
        }
    }
    for v in [
        &mut b.credits,
        &mut b.copyright,
        &mut b.navigation,
        &mut b.timestamp,
        &mut b.bylines,
        &mut b.promos,
        &mut b.addressed_promos,
        &mut b.photo,
        &mut b.links_from,
        &mut b.named_credits,
    ] {
        v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        v.dedup();
    }
    b
});

/// Month names (lowercase) to month numbers; weekday and time-zone words map to 0.
pub static MONTH_NAMES: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    rows(MONTHS)
        .filter_map(|r| Some((r.get(1)?.to_lowercase(), r.get(2)?.trim().parse().ok()?)))
        .collect()
});

/// Abbreviations (without the final dot) for a language, plus those of every language (`*`);
/// the value says whether the abbreviation often ends a sentence.
pub static ABBREVS: LazyLock<HashMap<String, HashMap<String, bool>>> = LazyLock::new(|| {
    let mut m: HashMap<String, HashMap<String, bool>> = HashMap::new();
    for r in rows(ABBREVIATIONS) {
        if let (Some(lang), Some(abbr)) = (r.first(), r.get(1)) {
            let can_end = r.get(2).is_some_and(|f| f.trim() == "end");
            m.entry(lang.to_string())
                .or_default()
                .insert(abbr.trim().to_string(), can_end);
        }
    }
    m
});

/// `Some(can_end)` when `word` (without its dot) is an abbreviation in `lang`.
pub fn abbreviation(lang: &str, word: &str) -> Option<bool> {
    let get = |l: &str| ABBREVS.get(l).and_then(|s| s.get(word)).copied();
    get(lang).or_else(|| get("*")).or_else(|| match lang {
        "ms" => get("id"),
        "id" => get("ms"),
        _ => None,
    })
}

/// Whether `word` (any case) commonly opens a sentence in `lang` (`sentence_openers.tsv`):
/// after a dotted acronym, only such a word starts a new sentence.
pub fn is_sentence_opener(lang: &str, word: &str) -> bool {
    static OPENERS: LazyLock<HashSet<(String, String)>> = LazyLock::new(|| {
        rows(SENTENCE_OPENERS)
            .filter_map(|r| Some((r.first()?.to_string(), r.get(1)?.trim().to_string())))
            .collect()
    });
    let word = word.to_lowercase();
    let lang = match lang {
        "ms" => "id",
        other => other,
    };
    [lang, "*"]
        .iter()
        .any(|l| OPENERS.contains(&(l.to_string(), word.clone())))
}

pub fn is_abbreviation(lang: &str, word: &str) -> bool {
    abbreviation(lang, word).is_some()
}

pub static AR_EXCEPTIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    AR_PROCLITIC_EXCEPTIONS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Capital letters that are words of their own, by language (`*` for unknown languages).
pub fn single_letter_words(lang: &str) -> Vec<char> {
    static M: LazyLock<HashMap<String, Vec<char>>> = LazyLock::new(|| {
        rows(SINGLE_LETTER_WORDS)
            .filter_map(|r| {
                let lang = r.first()?.to_string();
                let letters = r
                    .get(1)
                    .map(|s| s.chars().filter(|c| !c.is_whitespace()).collect())
                    .unwrap_or_default();
                Some((lang, letters))
            })
            .collect()
    });
    M.get(lang)
        .or_else(|| M.get("*"))
        .cloned()
        .unwrap_or_default()
}

/// Words that mark a name as a news outlet, and endings of outlet names.
pub struct OutletWords {
    pub words: HashSet<String>,
    pub suffixes: Vec<String>,
}

pub static OUTLET_WORDS: LazyLock<OutletWords> = LazyLock::new(|| {
    let mut o = OutletWords {
        words: HashSet::new(),
        suffixes: vec![],
    };
    for r in rows(OUTLETS) {
        match (r.first(), r.get(1)) {
            (Some(&"word"), Some(v)) => {
                o.words.insert(v.to_lowercase());
            }
            (Some(&"suffix"), Some(v)) => o.suffixes.push(v.to_lowercase()),
            _ => {}
        }
    }
    o
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        assert!(BOILERPLATE_LABELS.credits.iter().any(|l| l == "penerjemah"));
        assert!(BOILERPLATE_LABELS.credits.iter().any(|l| l == "المحرر"));
        assert!(BOILERPLATE_LABELS.counter.contains("share"));
        assert_eq!(MONTH_NAMES.get("agustus"), Some(&8));
        assert_eq!(MONTH_NAMES.get("يونيو"), Some(&6));
        assert!(is_abbreviation("en", "Mr"));
        assert!(is_abbreviation("id", "dkk"));
        assert!(!is_abbreviation("en", "dkk"));
        assert!(AR_EXCEPTIONS.contains("وزير"));
        assert!(single_letter_words("en").contains(&'A'));
        assert!(OUTLET_WORDS.words.contains("news"));
    }
}
