//! Greedy choice of non-overlapping spans: labellers rank their candidates and keep each one
//! that overlaps none kept before. A scan of the kept spans per candidate made that quadratic
//! in the spans of a sentence (a text without punctuation is one sentence of thousands of
//! candidates); this set answers in logarithmic time and gives the same answers.

use std::collections::BTreeSet;

/// Spans `[start, end)` that do not overlap one another.
#[derive(Debug, Default)]
pub(crate) struct DisjointSpans {
    /// Ordered by start. The spans do not overlap, so their ends are ordered too, and a span
    /// overlaps one of them exactly when it overlaps the last that starts before its end.
    set: BTreeSet<(usize, usize)>,
    /// A span with `start > end` was inserted: the ordering argument no longer holds, so
    /// look-ups compare with every span, as a scan would.
    malformed: bool,
}

impl DisjointSpans {
    /// Whether `[start, end)` overlaps a span of the set (`s < end && start < e`).
    pub(crate) fn overlaps(&self, start: usize, end: usize) -> bool {
        let overlap = |&(s, e): &(usize, usize)| s < end && start < e;
        if self.malformed || start > end {
            return self.set.iter().any(overlap);
        }
        self.set.range(..(end, 0)).next_back().is_some_and(overlap)
    }

    /// Adds a span that [`DisjointSpans::overlaps`] none of the set.
    pub(crate) fn insert(&mut self, start: usize, end: usize) {
        debug_assert!(!self.overlaps(start, end));
        self.malformed |= start > end;
        self.set.insert((start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Greedy selection over every small span, in a scrambled order, against a scan of the
    /// kept spans.
    #[test]
    fn answers_as_a_scan_does() {
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        for start in 0..12 {
            for end in start..14 {
                candidates.push((start, end));
            }
        }
        for rotation in [0, 7, 31, 50] {
            let mut order = candidates.clone();
            let n = order.len();
            order.rotate_left(rotation % n);
            order.sort_by_key(|&(s, e)| std::cmp::Reverse((e - s) * 7 % 5));
            let (mut set, mut scanned) = (DisjointSpans::default(), Vec::<(usize, usize)>::new());
            for &(start, end) in &order {
                let by_scan = scanned.iter().any(|&(s, e)| s < end && start < e);
                assert_eq!(set.overlaps(start, end), by_scan, "{start}..{end}");
                if !by_scan {
                    set.insert(start, end);
                    scanned.push((start, end));
                }
            }
            assert!(scanned.len() > 3);
        }
    }
}
