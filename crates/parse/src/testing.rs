//! Inputs for tests that compare a rewritten function with the one it replaced, shared by the
//! tests of this crate and of `label`: the seed articles and random strings over the
//! characters a tokenizer's rules look at. Compiled only for tests (the `testing` feature):
//! it reads files, which this crate otherwise never does.

use std::path::Path;

/// The seed articles (`datasets/raw/seeds`), in file-name order.
pub fn seed_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../datasets/raw/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a seed file").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

/// `count` strings of 0 to 31 characters drawn from `alphabet`, the same on every run
/// (xorshift from a fixed seed).
pub fn random_strings(alphabet: &str, count: usize) -> Vec<String> {
    let alphabet: Vec<char> = alphabet.chars().collect();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let len = next() >> 59;
            (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect()
        })
        .collect()
}

/// The inputs of a test comparing a function with its reference: `edge_cases`, the seeds,
/// and 5,000 [`random_strings`] over `alphabet` (the characters the rules branch on).
pub fn reference_texts(edge_cases: &[&str], alphabet: &str) -> Vec<String> {
    let mut texts: Vec<String> = edge_cases.iter().map(|s| s.to_string()).collect();
    texts.extend(seed_texts());
    texts.extend(random_strings(alphabet, 5000));
    texts
}
