//! whatlang's combined (alphabet + trigram) scores of Latin-script languages, computed the way
//! whatlang 0.18 computes them, so that language detection can be decided without it where
//! the outcome is provably the same.
//!
//! Why not whatlang itself: it returns only the winner and a confidence, and keeps its profiles
//! and scores private, so nothing can be shared or cut short. It scores each language by
//! looking all 300 of its profile trigrams up in the text's trigram map (3000 look-ups a
//! sentence for the 10 Latin languages of the sentence allowlist; most of the pipeline's
//! language time); here each of the text's own ranked trigrams (about 150 in a sentence) is
//! looked up once in a map of every profile, and the distances follow from the matches alone.
//! The scores are the same numbers (integer distances, then the same f64 operations in the same
//! order); the tests in `lang` check outcomes against whatlang. The data
//! (`datasets/parse/whatlang_latin.tsv`) is copied from whatlang by
//! `scripts/whatlang_profiles.py`; a whatlang upgrade needs the file written again.

use std::collections::HashMap;
use std::sync::LazyLock;
use whatlang::{Lang, Script};

/// whatlang's `MAX_TRIGRAM_DISTANCE`: profiles have this many trigrams.
const MAX_TRIGRAM_DISTANCE: u32 = 300;
/// whatlang's `TEXT_TRIGRAMS_SIZE`: only the text's most frequent trigrams are ranked.
const TEXT_TRIGRAMS_SIZE: usize = 600;

/// A trigram as one number (21 bits a character): sorts as whatlang's `Trigram(char, char,
/// char)` does, and sorts and hashes faster.
fn trigram(a: char, b: char, c: char) -> u64 {
    (u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c)
}

type Fast = foldhash::fast::FixedState;

struct Profiles {
    /// The languages, in the order of the data file.
    langs: Vec<Lang>,
    /// Bit `i` is set when `langs[i]`'s alphabet has the character.
    alphabet: HashMap<char, u64, Fast>,
    /// Every profile trigram: the languages that have it, with its rank in each.
    trigrams: HashMap<u64, Vec<(u8, u16)>, Fast>,
}

static PROFILES: LazyLock<Profiles> = LazyLock::new(|| {
    let mut p = Profiles {
        langs: Vec::new(),
        alphabet: HashMap::default(),
        trigrams: HashMap::default(),
    };
    let (mut rank, mut last) = (0u16, usize::MAX);
    for line in include_str!("../../../datasets/parse/whatlang_latin.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let (code, rest) = line.split_once('\t').expect("language column");
        let lang = Lang::from_code(code).expect("a whatlang language code");
        let index = match p.langs.iter().position(|&l| l == lang) {
            Some(i) => i,
            None => {
                p.langs.push(lang);
                p.langs.len() - 1
            }
        };
        if let Some(letters) = rest.strip_prefix("alphabet\t") {
            for c in letters.chars() {
                *p.alphabet.entry(c).or_default() |= 1 << index;
            }
            continue;
        }
        let t: Vec<char> = rest.chars().collect();
        let &[a, b, c] = t.as_slice() else {
            panic!("a trigram: {rest:?}");
        };
        if index != last {
            (rank, last) = (0, index);
        }
        p.trigrams
            .entry(trigram(a, b, c))
            .or_default()
            .push((index as u8, rank));
        rank += 1;
    }
    assert!(p.langs.len() <= 64);
    p
});

/// The set of the languages in `langs` that have Latin profiles, for [`scores`].
pub fn lang_set(langs: &[Lang]) -> u64 {
    let p = &*PROFILES;
    (0..p.langs.len())
        .filter(|&i| langs.contains(&p.langs[i]))
        .fold(0, |set, i| set | 1 << i)
}

/// Every language with a Latin profile.
pub fn all_langs() -> u64 {
    lang_set(&PROFILES.langs)
}

/// whatlang's stop characters: space, ASCII punctuation and digits.
fn is_stop_char(c: char) -> bool {
    matches!(c, '\u{0000}'..='\u{0040}' | '\u{005B}'..='\u{0060}' | '\u{007B}'..='\u{007E}')
}

/// Whether whatlang's main script of `text` is Latin. It counts each character that is no
/// stop character for its script; characters surely counted for Latin (ASCII letters, Latin-1
/// to Latin Extended-B, Latin Extended Additional: ranges of its `is_latin` that no other
/// script of its claims) outnumbering all the others settle it without its count over 25
/// scripts.
fn is_latin_script(text: &str) -> bool {
    let (mut latin, mut others) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii_alphabetic() || matches!(c, '\u{0080}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
        {
            latin += 1;
        } else if !is_stop_char(c) {
            others += 1;
        }
    }
    latin > others || whatlang::detect_script(text) == Some(Script::Latin)
}

/// The combined score of each language of `langs` (from [`lang_set`]), as a whatlang detector
/// allowing those languages computes it on `text`, and the count of ranked trigrams (whatlang's
/// confidence uses it). `None` when `text`'s main script is not Latin: whatlang scores other
/// languages then.
pub fn scores(text: &str, langs: u64) -> Option<(Vec<(Lang, f64)>, usize)> {
    if !is_latin_script(text) {
        return None;
    }
    let p = &*PROFILES;
    let lower = text.to_lowercase();

    // Trigrams over the letters, other characters being a space, with a space at each end;
    // and the count of each letter, for the alphabet scores.
    let mut letters = 0usize;
    let mut ascii = [0usize; 128];
    let mut other: Vec<char> = Vec::new();
    let mut trigrams: Vec<u64> = Vec::with_capacity(lower.len() + 1);
    let (mut c1, mut c2) = (' ', None::<char>);
    for c in lower.chars().chain(Some(' ')) {
        let c3 = if is_stop_char(c) {
            ' '
        } else {
            letters += 1;
            if c.is_ascii() {
                ascii[c as usize] += 1;
            } else {
                other.push(c);
            }
            c
        };
        match c2 {
            None => c2 = Some(c3),
            Some(b) => {
                if !(b == ' ' && (c1 == ' ' || c3 == ' ')) {
                    trigrams.push(trigram(c1, b, c3));
                }
                c1 = b;
                c2 = Some(c3);
            }
        }
    }

    // Alphabet scores: a language gains 1 for each of the text's letters in its alphabet and
    // loses 1 for each other, floored at 0, over the count of letters.
    let mut known = [0usize; 64];
    let mut add = |c: char, n: usize| {
        if let Some(&bits) = p.alphabet.get(&c) {
            let mut bits = bits & langs;
            while bits != 0 {
                known[bits.trailing_zeros() as usize] += n;
                bits &= bits - 1;
            }
        }
    };
    for (c, &n) in ascii.iter().enumerate() {
        if n > 0 {
            add(c as u8 as char, n);
        }
    }
    other.sort_unstable();
    for run in other.chunk_by(|a, b| a == b) {
        add(run[0], run.len());
    }

    // Ranks: by count, then trigram, both descending; the first 600 only.
    trigrams.sort_unstable();
    let mut counted: Vec<(u32, u64)> = trigrams
        .chunk_by(|a, b| a == b)
        .map(|run| (run.len() as u32, run[0]))
        .collect();
    counted.sort_unstable_by(|a, b| b.cmp(a));
    counted.truncate(TEXT_TRIGRAMS_SIZE);
    let count = counted.len() as u32;

    // A language's distance: for each profile trigram, how far its rank is from the text's
    // (300 when the text lacks it). Summed over the matches: 300 * 300 less what each saves.
    let mut saved = [0i64; 64];
    for (position, &(_, t)) in counted.iter().enumerate() {
        if let Some(entries) = p.trigrams.get(&t) {
            for &(lang, rank) in entries {
                let dist = (position as i64 - i64::from(rank)).abs();
                saved[usize::from(lang)] += i64::from(MAX_TRIGRAM_DISTANCE) - dist;
            }
        }
    }
    let max_total = MAX_TRIGRAM_DISTANCE * MAX_TRIGRAM_DISTANCE;
    let max_dist = count * MAX_TRIGRAM_DISTANCE;

    let alphabet_weight = (-(letters as f64 / 300.0) + 2.0 / 3.0).clamp(1.0 / 3.0, 2.0 / 3.0);
    let trigram_weight = 1.0 - alphabet_weight;
    let out = (0..p.langs.len())
        .filter(|&i| langs >> i & 1 == 1)
        .map(|i| {
            let a = (2 * known[i]).saturating_sub(letters) as f64 / letters as f64;
            let mut dist = i64::from(max_total) - saved[i];
            if MAX_TRIGRAM_DISTANCE > count {
                dist -= i64::from((MAX_TRIGRAM_DISTANCE - count) * MAX_TRIGRAM_DISTANCE);
            }
            let dist = dist.clamp(0, i64::from(max_total)) as u32;
            let t = max_dist.wrapping_sub(dist) as f64 / max_dist as f64;
            (p.langs[i], a * alphabet_weight + t * trigram_weight)
        })
        .collect();
    Some((out, count as usize))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_script_as_whatlang_tells_it() {
        for t in [
            "plain ascii words",
            "Ünïcödé façade ½ ©",
            "أعلنت الحكومة Jakarta",
            "Jakarta Jakarta أعلنت",
            "Москва Jakarta",
            "\u{1D2B}\u{1D2B}\u{1D2B} ab",
            "12345 !!",
            "",
            "東京 Tokyo",
        ] {
            let whatlang = whatlang::detect_script(t) == Some(Script::Latin);
            assert_eq!(is_latin_script(t), whatlang, "{t}");
        }
    }

    #[test]
    fn data_has_every_profile_whole() {
        let p = &*PROFILES;
        assert_eq!(p.langs.len(), whatlang::Script::Latin.langs().len());
        for i in 0..p.langs.len() {
            let mut ranks: Vec<u16> = p
                .trigrams
                .values()
                .flatten()
                .filter(|e| usize::from(e.0) == i)
                .map(|e| e.1)
                .collect();
            ranks.sort_unstable();
            assert_eq!(ranks, (0..300).collect::<Vec<u16>>(), "{:?}", p.langs[i]);
        }
    }
}
