//! Span sets for the labellers' overlap checks: the greedy choice of non-overlapping spans
//! ([`DisjointSpans`]: candidates ranked, each kept that overlaps none kept before) and
//! whether a span is taken by one of a sentence's entities ([`SpanSet`]). A scan of the spans
//! per check made both quadratic in the spans of a sentence (a text without punctuation is one
//! sentence of thousands of candidates); these search near the asked span and give the same
//! answers as the scan. They must never change an answer for speed: each has a test against
//! the scan, and falls back to it where its ordering argument does not hold.

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

/// Spans `[start, end)` that may overlap one another, to tell whether a span is taken (the
/// entities of a sentence). A sentence can be long (a text without punctuation is one
/// sentence), so when the spans were added in order of start a look-up searches those near
/// the asked one, not all of them; otherwise it scans.
#[derive(Debug, Default)]
pub(crate) struct SpanSet {
    spans: Vec<(usize, usize)>,
    /// Spans were added by nondecreasing start.
    sorted: bool,
    longest: usize,
}

impl SpanSet {
    pub(crate) fn push(&mut self, start: usize, end: usize) {
        self.sorted = self.spans.last().is_none_or(|&(s, _)| s <= start)
            && (self.sorted || self.spans.is_empty());
        self.longest = self.longest.max(end.saturating_sub(start));
        self.spans.push((start, end));
    }

    /// Whether a span overlaps `[start, end)`.
    pub(crate) fn overlaps(&self, start: usize, end: usize) -> bool {
        let near = if self.sorted {
            // Those starting before `end`, and not so early that they end before `start`.
            let lo = self
                .spans
                .partition_point(|&(s, _)| s + self.longest <= start);
            let hi = lo + self.spans[lo..].partition_point(|&(s, _)| s < end);
            &self.spans[lo..hi]
        } else {
            &self.spans[..]
        };
        near.iter().any(|&(s, e)| s < end && start < e)
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

    /// Spans added in order (overlapping ones included) and out of order, against a scan.
    #[test]
    fn span_set_answers_as_a_scan_does() {
        let spans: Vec<(usize, usize)> =
            (0..40).map(|i| (i * 3 % 50, i * 3 % 50 + i % 7)).collect();
        let mut ordered = spans.clone();
        ordered.sort();
        for list in [ordered, spans] {
            let mut set = SpanSet::default();
            for &(s, e) in &list {
                set.push(s, e);
            }
            for start in 0..60 {
                for end in start..62 {
                    let by_scan = list.iter().any(|&(s, e)| s < end && start < e);
                    assert_eq!(set.overlaps(start, end), by_scan, "{start}..{end}");
                }
            }
        }
    }
}
