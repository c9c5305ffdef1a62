//! whatlang's combined (alphabet + trigram) scores of Latin- and Arabic-script languages,
//! computed the way whatlang 0.18 computes them, so that language detection can be decided
//! without it where the outcome is provably the same.
//!
//! Why not whatlang itself: it returns only the winner and a confidence, and keeps its profiles
//! and scores private, so nothing can be shared or cut short. It scores each language by
//! looking all 300 of its profile trigrams up in the text's trigram map (3000 look-ups a
//! sentence for the 10 Latin languages of the sentence allowlist; most of the pipeline's
//! language time); here each of the text's own ranked trigrams (about 150 in a sentence) is
//! looked up once in a map of every profile, and the distances follow from the matches alone.
//! The scores are the same numbers (integer distances, then the same f64 operations in the same
//! order); the tests in `lang` check outcomes against whatlang. The data
//! (`datasets/parse/whatlang_profiles.tsv`) is copied from whatlang by
//! `scripts/whatlang_profiles.py`; a whatlang upgrade needs the file written again.

use std::collections::HashMap;
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

/// The profiles of one script's languages, as a whatlang detector allowing some languages
/// scores them.
pub struct Scorer {
    script: Script,
    /// The allowed languages of the script, in the order of the data file.
    langs: Vec<Lang>,
    /// Bit `i` is set when `langs[i]`'s alphabet has the character; `None` for a script whatlang
    /// has no alphabets for (it gives every language the alphabet score 1 then).
    alphabet: Option<HashMap<char, u64, Fast>>,
    /// Every profile trigram: the languages that have it, with its rank in each.
    trigrams: HashMap<u64, Vec<(u8, u16)>, Fast>,
}

impl Scorer {
    /// The scorer of `script` (Latin or Arabic) for a detector that allows `allowed`, or every
    /// language.
    pub fn new(script: Script, allowed: Option<&[Lang]>) -> Scorer {
        let name = match script {
            Script::Latin => "latin",
            Script::Arabic => "arabic",
            other => panic!("no profiles of {other:?}"),
        };
        let mut s = Scorer {
            script,
            langs: Vec::new(),
            alphabet: (script == Script::Latin).then(HashMap::default),
            trigrams: HashMap::default(),
        };
        let (mut rank, mut last) = (0u16, "");
        let mut index = None;
        for line in include_str!("../../../datasets/parse/whatlang_profiles.tsv").lines() {
            let Some(line) = line.strip_prefix(name).and_then(|l| l.strip_prefix('\t')) else {
                continue;
            };
            let (code, rest) = line.split_once('\t').expect("language column");
            if code != last {
                last = code;
                rank = 0;
                let lang = Lang::from_code(code).expect("a whatlang language code");
                index = allowed.is_none_or(|a| a.contains(&lang)).then(|| {
                    s.langs.push(lang);
                    s.langs.len() - 1
                });
            }
            let Some(index) = index else {
                continue;
            };
            if let Some(letters) = rest.strip_prefix("alphabet\t") {
                let alphabet = s.alphabet.as_mut().expect("alphabets only for Latin");
                for c in letters.chars() {
                    *alphabet.entry(c).or_default() |= 1 << index;
                }
                continue;
            }
            let t: Vec<char> = rest.chars().collect();
            let &[a, b, c] = t.as_slice() else {
                panic!("a trigram: {rest:?}");
            };
            s.trigrams
                .entry(trigram(a, b, c))
                .or_default()
                .push((index as u8, rank));
            rank += 1;
        }
        assert!(s.langs.len() <= 64);
        s
    }

    pub fn script(&self) -> Script {
        self.script
    }

    /// The combined score of each allowed language of the script, as whatlang computes it on
    /// `text`, and the count of ranked trigrams (whatlang's confidence uses it). `None` when
    /// `text`'s main script is another one.
    pub fn scores(&self, text: &str) -> Option<(Vec<(Lang, f64)>, usize)> {
        if main_script(text) != Some(self.script) {
            return None;
        }

        // Trigrams over the letters, other characters being a space, with a space at each
        // end; and the count of each letter, for the alphabet scores.
        let mut letters = 0usize;
        let mut ascii = [0usize; 128];
        let mut other: Vec<char> = Vec::new();
        let mut trigrams: Vec<u64> = Vec::with_capacity(text.len() + 1);
        let (mut c1, mut c2) = (' ', None::<char>);
        let mut feed = |c: char| {
            let c3 = if is_stop_char(c) {
                ' '
            } else {
                letters += 1;
                if c.is_ascii() {
                    ascii[c as usize] += 1;
                } else if self.alphabet.is_some() {
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
        };
        // The characters of `text.to_lowercase()` (whatlang lowercases first), without building
        // the string: each character's own lower case, but for the one context rule of
        // `str::to_lowercase` (a final capital sigma).
        if text.contains('Σ') {
            text.to_lowercase().chars().for_each(&mut feed);
        } else {
            for c in text.chars() {
                if c.is_ascii() {
                    feed(c.to_ascii_lowercase());
                } else if crate::chars::is_caseless_arabic(c) {
                    feed(c);
                } else {
                    c.to_lowercase().for_each(&mut feed);
                }
            }
        }
        feed(' ');

        // Alphabet scores: a language gains 1 for each of the text's letters in its alphabet
        // and loses 1 for each other, floored at 0, over the count of letters. Without
        // alphabets, 1 over a count of 1.
        let mut known = [0usize; 64];
        if let Some(alphabet) = &self.alphabet {
            let mut add = |c: char, n: usize| {
                if let Some(&bits) = alphabet.get(&c) {
                    let mut bits = bits;
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
        } else {
            letters = 1;
            known.fill(1);
        }

        // Ranks: by count, then trigram, both descending; the first 600 only.
        let counted = ranked(trigrams);
        let count = counted.len() as u32;

        // A language's distance: for each profile trigram, how far its rank is from the
        // text's (300 when the text lacks it). Summed over the matches: 300 * 300 less what
        // each saves.
        let mut saved = [0i64; 64];
        for (position, t) in counted.iter().enumerate() {
            if let Some(entries) = self.trigrams.get(t) {
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
        let out = (0..self.langs.len())
            .map(|i| {
                let a = (2 * known[i]).saturating_sub(letters) as f64 / letters as f64;
                let mut dist = i64::from(max_total) - saved[i];
                if MAX_TRIGRAM_DISTANCE > count {
                    dist -= i64::from((MAX_TRIGRAM_DISTANCE - count) * MAX_TRIGRAM_DISTANCE);
                }
                let dist = dist.clamp(0, i64::from(max_total)) as u32;
                let t = max_dist.wrapping_sub(dist) as f64 / max_dist as f64;
                (self.langs[i], a * alphabet_weight + t * trigram_weight)
            })
            .collect();
        Some((out, count as usize))
    }
}

/// The distinct trigrams by count, then trigram, both descending (whatlang sorts (count,
/// trigram) pairs); the first 600 only. Counts are small numbers, so a counting sort over the
/// trigrams in descending order places them in one pass.
fn ranked(mut trigrams: Vec<u64>) -> Vec<u64> {
    // Distinct trigrams with their counts, in descending order. A long text (an article's
    // sample) repeats most trigrams: counting them in a map and sorting the distinct ones is
    // cheaper than sorting them all.
    let runs: Vec<(usize, u64)> = if trigrams.len() > 512 {
        let mut counts: HashMap<u64, usize, Fast> =
            HashMap::with_capacity_and_hasher(trigrams.len() / 2, Fast::default());
        for t in trigrams {
            *counts.entry(t).or_default() += 1;
        }
        let mut runs: Vec<(usize, u64)> = counts.into_iter().map(|(t, n)| (n, t)).collect();
        runs.sort_unstable_by_key(|r| std::cmp::Reverse(r.1));
        runs
    } else {
        trigrams.sort_unstable();
        trigrams
            .chunk_by(|a, b| a == b)
            .rev()
            .map(|run| (run.len(), run[0]))
            .collect()
    };
    let max = runs.iter().map(|r| r.0).max().unwrap_or(0);
    // Where each count's trigrams start: higher counts first.
    let mut at = vec![0usize; max + 2];
    for &(n, _) in &runs {
        at[max - n + 1] += 1;
    }
    for i in 1..at.len() {
        at[i] += at[i - 1];
    }
    let mut out = vec![0u64; runs.len()];
    for (n, t) in runs {
        out[at[max - n]] = t;
        at[max - n] += 1;
    }
    out.truncate(TEXT_TRIGRAMS_SIZE);
    out
}

/// whatlang's stop characters: space, ASCII punctuation and digits.
fn is_stop_char(c: char) -> bool {
    matches!(c, '\u{0000}'..='\u{0040}' | '\u{005B}'..='\u{0060}' | '\u{007B}'..='\u{007E}')
}

/// whatlang's main script of `text`, for Latin and Arabic. It counts each character that is no
/// stop character for its script; characters surely counted for Latin or Arabic (ranges of its
/// `is_latin` or `is_arabic` that no other script of its claims: ASCII letters, Latin-1 to Latin
/// Extended-B and Latin Extended Additional; the Arabic block) outnumbering all the others
/// settle it without its count over 25 scripts.
fn main_script(text: &str) -> Option<Script> {
    let (mut latin, mut arabic, mut others) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii_alphabetic() || matches!(c, '\u{0080}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
        {
            latin += 1;
        } else if matches!(c, '\u{0600}'..='\u{06FF}') {
            arabic += 1;
        } else if !is_stop_char(c) {
            others += 1;
        }
    }
    if latin > arabic + others {
        Some(Script::Latin)
    } else if arabic > latin + others {
        Some(Script::Arabic)
    } else {
        whatlang::detect_script(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_script_as_whatlang_tells_it() {
        for t in [
            "plain ascii words",
            "Ünïcödé façade ½ ©",
            "أعلنت الحكومة Jakarta",
            "Jakarta Jakarta أعلنت",
            "أعلنت أعلنت ﻻ ﷲ",
            "Москва Jakarta",
            "\u{1D2B}\u{1D2B}\u{1D2B} ab",
            "12345 !!",
            "",
            "東京 Tokyo",
        ] {
            assert_eq!(main_script(t), whatlang::detect_script(t), "{t}");
        }
    }

    #[test]
    fn sigma_is_lowercased_as_str_does() {
        let scorer = Scorer::new(Script::Latin, None);
        let t = "AΣ Bologna Σtreet ΣΣ, ΟΔΟΣ in Latin letters mostly, Σ.";
        let lower = t.to_lowercase();
        assert_ne!(
            lower,
            t.chars().flat_map(char::to_lowercase).collect::<String>()
        );
        assert_eq!(scorer.scores(t), scorer.scores(&lower));
    }

    #[test]
    fn arabic_block_has_no_case() {
        for c in '\u{0600}'..='\u{06FF}' {
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string());
        }
    }

    #[test]
    fn ranks_as_whatlang_sorts_them() {
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed >> 33
        };
        // Lengths on both sides of the sentence/article paths; few distinct values (every
        // count high), many (most counts 1: the boundary count is 1), and skewed draws (the
        // 600th place falls inside a count of several hundred trigrams).
        for len in [0, 1, 5, 300, 512, 513, 2000, 8000] {
            for distinct in [97, 700, 5000, 1 << 20] {
                for skewed in [false, true] {
                    let trigrams: Vec<u64> = (0..len)
                        .map(|_| {
                            let r = next() % distinct;
                            if skewed { r * r % distinct } else { r }
                        })
                        .collect();
                    let mut counts = std::collections::BTreeMap::<u64, u32>::new();
                    for &t in &trigrams {
                        *counts.entry(t).or_default() += 1;
                    }
                    let mut pairs: Vec<(u32, u64)> =
                        counts.into_iter().map(|(t, n)| (n, t)).collect();
                    pairs.sort_unstable_by(|a, b| b.cmp(a));
                    pairs.truncate(TEXT_TRIGRAMS_SIZE);
                    let want: Vec<u64> = pairs.into_iter().map(|p| p.1).collect();
                    assert_eq!(ranked(trigrams), want, "{len} {distinct} {skewed}");
                }
            }
        }
    }

    #[test]
    fn data_has_every_profile_whole() {
        for (script, n) in [(Script::Latin, 37), (Script::Arabic, 3)] {
            let s = Scorer::new(script, None);
            assert_eq!(s.langs.len(), n);
            assert!(s.langs.iter().all(|l| script.langs().contains(l)));
            for i in 0..s.langs.len() {
                let mut ranks: Vec<u16> = s
                    .trigrams
                    .values()
                    .flatten()
                    .filter(|e| usize::from(e.0) == i)
                    .map(|e| e.1)
                    .collect();
                ranks.sort_unstable();
                assert_eq!(ranks, (0..300).collect::<Vec<u16>>(), "{:?}", s.langs[i]);
            }
        }
        assert_eq!(
            Scorer::new(Script::Latin, Some(&[Lang::Eng, Lang::Ara])).langs,
            [Lang::Eng]
        );
    }
}
