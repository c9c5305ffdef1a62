//! The matchers: pure functions from one article's gold and predicted spans (already in raw
//! code points, see [`crate::coords`]) to counts. A predicted span that could not be mapped
//! (`None`) matches nothing and counts as a false positive.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::coords::Span;
use crate::metrics::{Accuracy, Leakage, Prf};

/// Entity types whose canonical names are scored.
pub const CANONICAL_TYPES: [&str; 3] = ["PERSON", "GPE", "ORG"];

/// Sentences: exact `(start, end)` matches, one to one.
pub fn match_sentences(gold: &[Span], predicted: &[Option<Span>]) -> Prf {
    let mut open: HashMap<Span, usize> = HashMap::new();
    for g in gold {
        *open.entry(*g).or_default() += 1;
    }
    let mut tp = 0;
    for p in predicted.iter().flatten() {
        if let Some(n) = open.get_mut(p).filter(|n| **n > 0) {
            *n -= 1;
            tp += 1;
        }
    }
    Prf::new(tp, predicted.len() as u64 - tp, gold.len() as u64 - tp)
}

/// Dataset sentences that overlap gold boilerplate.
pub fn boilerplate_leakage(boilerplate: &[Span], predicted: &[Option<Span>]) -> Leakage {
    let overlaps = |p: &Span, b: &Span| p.overlap(b) > 0;
    Leakage {
        leaked_sentences: predicted
            .iter()
            .flatten()
            .filter(|p| boilerplate.iter().any(|b| overlaps(p, b)))
            .count() as u64,
        dataset_sentences: predicted.len() as u64,
        gold_spans: boilerplate.len() as u64,
        gold_spans_leaked: boilerplate
            .iter()
            .filter(|b| predicted.iter().flatten().any(|p| overlaps(p, b)))
            .count() as u64,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEntity {
    pub span: Span,
    pub label: String,
    pub canonical: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredEntity {
    pub span: Option<Span>,
    pub label: String,
    pub canonical: Option<String>,
    pub labelers: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityScores {
    pub overall: Prf,
    pub by_type: BTreeMap<String, Prf>,
    /// Each labeler's own spans (the rows that list it) against all of gold.
    pub by_labeler: BTreeMap<String, Prf>,
    /// Matched PERSON/GPE/ORG spans whose `canonical_name` equals the gold canonical.
    pub canonical: Accuracy,
}

/// Exact span + type matches, one to one, in prediction order: `(gold, predicted)` pairs.
fn exact_entity_pairs<'a>(
    gold: &[GoldEntity],
    predicted: impl Iterator<Item = (usize, &'a PredEntity)>,
) -> Vec<(usize, usize)> {
    let mut open: HashMap<(Span, &str), Vec<usize>> = HashMap::new();
    for (i, g) in gold.iter().enumerate().rev() {
        open.entry((g.span, g.label.as_str())).or_default().push(i);
    }
    let mut pairs = Vec::new();
    for (j, p) in predicted {
        let Some(span) = p.span else { continue };
        if let Some(i) = open
            .get_mut(&(span, p.label.as_str()))
            .and_then(|v| v.pop())
        {
            pairs.push((i, j));
        }
    }
    pairs
}

/// Entities: exact span and type. `labelers` names every labeler to report, so that one
/// that proposed nothing in this article still collects its false negatives.
pub fn match_entities(
    gold: &[GoldEntity],
    predicted: &[PredEntity],
    labelers: &BTreeSet<String>,
) -> EntityScores {
    let mut scores = EntityScores::default();
    let pairs = exact_entity_pairs(gold, predicted.iter().enumerate());
    let tp = pairs.len() as u64;
    scores.overall = Prf::new(tp, predicted.len() as u64 - tp, gold.len() as u64 - tp);

    let mut gold_matched = vec![false; gold.len()];
    let mut pred_matched = vec![false; predicted.len()];
    for &(i, j) in &pairs {
        gold_matched[i] = true;
        pred_matched[j] = true;
        let g = &gold[i];
        scores.by_type.entry(g.label.clone()).or_default().tp += 1;
        if CANONICAL_TYPES.contains(&g.label.as_str()) {
            scores
                .canonical
                .add(predicted[j].canonical.as_deref() == g.canonical.as_deref());
        }
    }
    for (g, _) in gold.iter().zip(&gold_matched).filter(|(_, m)| !**m) {
        scores.by_type.entry(g.label.clone()).or_default().fn_ += 1;
    }
    for (p, _) in predicted.iter().zip(&pred_matched).filter(|(_, m)| !**m) {
        scores.by_type.entry(p.label.clone()).or_default().fp += 1;
    }

    for labeler in labelers {
        let own = predicted
            .iter()
            .enumerate()
            .filter(|(_, p)| p.labelers.iter().any(|l| l == labeler));
        let n = own.clone().count() as u64;
        let tp = exact_entity_pairs(gold, own).len() as u64;
        scores.by_labeler.insert(
            labeler.clone(),
            Prf::new(tp, n - tp, gold.len() as u64 - tp),
        );
    }
    scores
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldClaim {
    pub content: Span,
    pub kind: String,
    /// The speaker's canonical name; `None` where the text gives no speaker.
    pub speaker: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredClaim {
    pub content: Option<Span>,
    pub kind: String,
    /// `speaker_name`.
    pub speaker: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimScores {
    /// Kind-agnostic.
    pub overall: Prf,
    /// A matched pair counts as a TP of its kind when both kinds agree; otherwise as an FN
    /// of the gold kind and an FP of the predicted kind. Unmatched gold claims are FNs of
    /// their gold kind, unmatched predictions FPs of their predicted kind.
    pub by_kind: BTreeMap<String, Prf>,
    /// Matched pairs whose kinds agree.
    pub kind_agreement: Accuracy,
}

/// Maximal runs of non-whitespace characters of `raw[span]`, as raw code-point ranges.
pub fn tokens(raw: &[char], span: Span) -> BTreeSet<(usize, usize)> {
    let end = span.end.min(raw.len());
    let mut out = BTreeSet::new();
    let mut start = None;
    for (i, c) in raw.iter().enumerate().take(end).skip(span.start) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                out.insert((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.insert((s, end));
    }
    out
}

/// Token intersection and union of two spans of `raw`.
pub fn token_overlap(raw: &[char], a: Span, b: Span) -> (usize, usize) {
    let (ta, tb) = (tokens(raw, a), tokens(raw, b));
    let inter = ta.intersection(&tb).count();
    (inter, ta.len() + tb.len() - inter)
}

/// Speakers as sets of canonical names (joint speakers split on `;`, trimmed); no speaker,
/// an empty name and no names at all are the same.
pub fn same_speaker(a: Option<&str>, b: Option<&str>) -> bool {
    let names = |s: Option<&str>| -> BTreeSet<String> {
        s.unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect()
    };
    names(a) == names(b)
}

/// The sentence that holds most of `span` (the first on a tie); `None` if it overlaps none.
pub fn sentence_of(span: Span, sentences: &[Span]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, s) in sentences.iter().enumerate() {
        let o = span.overlap(s);
        if o > 0 && best.is_none_or(|(_, b)| o > b) {
            best = Some((i, o));
        }
    }
    best.map(|(i, _)| i)
}

/// Claims: same gold sentence, token IoU ≥ 0.5 and the same speaker; one to one, greedily by
/// IoU (ties in gold, then prediction order). Returns the scores and the `(gold, predicted)`
/// pairs.
pub fn match_claims(
    raw: &[char],
    gold_sentences: &[Span],
    gold: &[GoldClaim],
    predicted: &[PredClaim],
) -> (ClaimScores, Vec<(usize, usize)>) {
    let gold_sentence: Vec<Option<usize>> = gold
        .iter()
        .map(|g| sentence_of(g.content, gold_sentences))
        .collect();
    // Candidates: (IoU as a fraction, gold, predicted).
    let mut candidates: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (j, p) in predicted.iter().enumerate() {
        let Some(content) = p.content else { continue };
        let Some(sentence) = sentence_of(content, gold_sentences) else {
            continue;
        };
        for (i, g) in gold.iter().enumerate() {
            if gold_sentence[i] != Some(sentence)
                || !same_speaker(g.speaker.as_deref(), p.speaker.as_deref())
            {
                continue;
            }
            let (inter, union) = token_overlap(raw, g.content, content);
            if union > 0 && 2 * inter >= union {
                candidates.push((inter, union, i, j));
            }
        }
    }
    // Highest IoU first: a/b > c/d  <=>  a*d > c*b.
    candidates.sort_by(|x, y| {
        (y.0 * x.1)
            .cmp(&(x.0 * y.1))
            .then(x.2.cmp(&y.2))
            .then(x.3.cmp(&y.3))
    });
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; predicted.len()];
    let mut pairs = Vec::new();
    for (_, _, i, j) in candidates {
        if !gold_used[i] && !pred_used[j] {
            gold_used[i] = true;
            pred_used[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();

    let mut scores = ClaimScores::default();
    let tp = pairs.len() as u64;
    scores.overall = Prf::new(tp, predicted.len() as u64 - tp, gold.len() as u64 - tp);
    for &(i, j) in &pairs {
        let (gk, pk) = (&gold[i].kind, &predicted[j].kind);
        scores.kind_agreement.add(gk == pk);
        if gk == pk {
            scores.by_kind.entry(gk.clone()).or_default().tp += 1;
        } else {
            scores.by_kind.entry(gk.clone()).or_default().fn_ += 1;
            scores.by_kind.entry(pk.clone()).or_default().fp += 1;
        }
    }
    for (g, _) in gold.iter().zip(&gold_used).filter(|(_, u)| !**u) {
        scores.by_kind.entry(g.kind.clone()).or_default().fn_ += 1;
    }
    for (p, _) in predicted.iter().zip(&pred_used).filter(|(_, u)| !**u) {
        scores.by_kind.entry(p.kind.clone()).or_default().fp += 1;
    }
    (scores, pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(a: usize, b: usize) -> Span {
        Span::new(a, b)
    }

    #[test]
    fn sentences_match_exactly_and_one_to_one() {
        let gold = [s(0, 10), s(11, 20), s(21, 30)];
        let pred = [Some(s(0, 10)), Some(s(0, 10)), Some(s(11, 19)), None];
        assert_eq!(match_sentences(&gold, &pred), Prf::new(1, 3, 2));
        assert_eq!(match_sentences(&[], &[]), Prf::default());
    }

    #[test]
    fn leakage_counts_sentences_and_gold_spans() {
        let bp = [s(10, 20), s(50, 60)];
        let pred = [Some(s(0, 10)), Some(s(5, 12)), Some(s(19, 25)), None];
        let l = boilerplate_leakage(&bp, &pred);
        assert_eq!(
            l,
            Leakage {
                leaked_sentences: 2,
                dataset_sentences: 4,
                gold_spans: 2,
                gold_spans_leaked: 1
            }
        );
    }

    fn ge(a: usize, b: usize, label: &str, canonical: &str) -> GoldEntity {
        GoldEntity {
            span: s(a, b),
            label: label.into(),
            canonical: Some(canonical.into()),
        }
    }

    fn pe(
        a: usize,
        b: usize,
        label: &str,
        canonical: Option<&str>,
        labelers: &[&str],
    ) -> PredEntity {
        PredEntity {
            span: Some(s(a, b)),
            label: label.into(),
            canonical: canonical.map(str::to_string),
            labelers: labelers.iter().map(|l| l.to_string()).collect(),
        }
    }

    #[test]
    fn entities_need_span_and_type_and_count_per_type_and_labeler() {
        let gold = [
            ge(0, 10, "PERSON", "Xi Jinping"),
            ge(20, 25, "GPE", "China"),
            ge(30, 40, "ORG", "SCO"),
            ge(50, 54, "DATE", "2021"),
        ];
        let pred = [
            pe(0, 10, "PERSON", Some("Xi Jinping"), &["gaz", "rules"]),
            pe(20, 25, "GPE", Some("PRC"), &["gaz"]),
            pe(30, 40, "GPE", Some("SCO"), &["rules"]), // wrong type
            pe(50, 54, "DATE", None, &["rules"]),
            pe(60, 62, "NORP", None, &["model"]),
        ];
        let labelers: BTreeSet<String> = ["gaz", "rules", "model", "idle"].map(String::from).into();
        let sc = match_entities(&gold, &pred, &labelers);
        assert_eq!(sc.overall, Prf::new(3, 2, 1));
        assert_eq!(sc.by_type["PERSON"], Prf::new(1, 0, 0));
        assert_eq!(sc.by_type["ORG"], Prf::new(0, 0, 1));
        assert_eq!(sc.by_type["GPE"], Prf::new(1, 1, 0));
        assert_eq!(sc.by_type["NORP"], Prf::new(0, 1, 0));
        assert_eq!(sc.by_type["DATE"], Prf::new(1, 0, 0));
        // Each labeler's own spans against all four gold entities.
        assert_eq!(sc.by_labeler["gaz"], Prf::new(2, 0, 2));
        assert_eq!(sc.by_labeler["rules"], Prf::new(2, 1, 2));
        assert_eq!(sc.by_labeler["model"], Prf::new(0, 1, 4));
        assert_eq!(sc.by_labeler["idle"], Prf::new(0, 0, 4));
        // Canonicals over matched PERSON/GPE/ORG only: Xi right, China wrong; DATE ignored.
        assert_eq!(sc.canonical, Accuracy::new(1, 2));
    }

    #[test]
    fn duplicate_predicted_entities_match_once() {
        let gold = [ge(0, 2, "GPE", "China")];
        let pred = [
            pe(0, 2, "GPE", Some("China"), &["a"]),
            pe(0, 2, "GPE", Some("China"), &["a"]),
        ];
        let sc = match_entities(&gold, &pred, &BTreeSet::from(["a".to_string()]));
        assert_eq!(sc.overall, Prf::new(1, 1, 0));
        assert_eq!(sc.by_labeler["a"], Prf::new(1, 1, 0));
        assert_eq!(sc.canonical, Accuracy::new(1, 1));
    }

    #[test]
    fn tokens_are_non_whitespace_runs_inside_the_span() {
        let raw: Vec<char> = "ab  c\td e.".chars().collect();
        let t: Vec<_> = tokens(&raw, s(0, raw.len())).into_iter().collect();
        assert_eq!(t, vec![(0, 2), (4, 5), (6, 7), (8, 10)]);
        // A span cutting a word gives a different token.
        let t: Vec<_> = tokens(&raw, s(1, 9)).into_iter().collect();
        assert_eq!(t, vec![(1, 2), (4, 5), (6, 7), (8, 9)]);
    }

    #[test]
    fn speakers_compare_as_sets_of_names() {
        assert!(same_speaker(None, None));
        assert!(same_speaker(None, Some(" ")));
        assert!(same_speaker(
            Some("Xi Jinping; Ilham Aliyev"),
            Some("Ilham Aliyev ;Xi Jinping")
        ));
        assert!(!same_speaker(
            Some("Xi Jinping; Ilham Aliyev"),
            Some("Xi Jinping")
        ));
        assert!(!same_speaker(Some("Xi Jinping"), None));
    }

    // "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9. Next one here." : word k at 3k..3k+2.
    fn raw() -> Vec<char> {
        "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9. Next one here."
            .chars()
            .collect()
    }
    fn sentences() -> Vec<Span> {
        vec![s(0, 30), s(31, 45)]
    }
    fn gc(a: usize, b: usize, kind: &str, speaker: Option<&str>) -> GoldClaim {
        GoldClaim {
            content: s(a, b),
            kind: kind.into(),
            speaker: speaker.map(String::from),
        }
    }
    fn pc(a: usize, b: usize, kind: &str, speaker: Option<&str>) -> PredClaim {
        PredClaim {
            content: Some(s(a, b)),
            kind: kind.into(),
            speaker: speaker.map(String::from),
        }
    }

    #[test]
    fn claim_iou_threshold_is_inclusive() {
        let gold = [gc(0, 11, "indirect", Some("Xi"))]; // w0..w3: 4 tokens
        // w2..w5: 2 shared of 6 -> 1/3, no match.
        let (sc, _) = match_claims(
            &raw(),
            &sentences(),
            &gold,
            &[pc(6, 17, "indirect", Some("Xi"))],
        );
        assert_eq!(sc.overall, Prf::new(0, 1, 1));
        // w0..w1: 2 of 4 -> exactly 0.5, a match.
        let (sc, pairs) = match_claims(
            &raw(),
            &sentences(),
            &gold,
            &[pc(0, 5, "indirect", Some("Xi"))],
        );
        assert_eq!(sc.overall, Prf::new(1, 0, 0));
        assert_eq!(pairs, vec![(0, 0)]);
        // w1..w4: 3 shared of 5 -> 0.6, a match; w1..w5: 3 of 6 = 0.5, a match.
        let (sc, _) = match_claims(
            &raw(),
            &sentences(),
            &gold,
            &[pc(3, 14, "indirect", Some("Xi"))],
        );
        assert_eq!(sc.overall.tp, 1);
        let (sc, _) = match_claims(
            &raw(),
            &sentences(),
            &gold,
            &[pc(3, 17, "indirect", Some("Xi"))],
        );
        assert_eq!(sc.overall.tp, 1);
        // w1..w6: 3 of 7 < 0.5.
        let (sc, _) = match_claims(
            &raw(),
            &sentences(),
            &gold,
            &[pc(3, 20, "indirect", Some("Xi"))],
        );
        assert_eq!(sc.overall.tp, 0);
        // A cut token differs: "w0 w" (0..4) has tokens w0 and "w": 1 of 5 with w0..w3.
        let (sc, _) = match_claims(
            &raw(),
            &sentences(),
            &gold,
            &[pc(0, 4, "indirect", Some("Xi"))],
        );
        assert_eq!(sc.overall.tp, 0);
    }

    #[test]
    fn claims_need_the_same_speaker_and_sentence() {
        let gold = [gc(0, 11, "joint", Some("Xi Jinping; Ilham Aliyev"))];
        let (sc, _) = match_claims(
            &raw(),
            &sentences(),
            &gold,
            &[pc(0, 11, "joint", Some("Ilham Aliyev; Xi Jinping"))],
        );
        assert_eq!(sc.overall, Prf::new(1, 0, 0));
        assert_eq!(sc.by_kind["joint"], Prf::new(1, 0, 0));
        let (sc, _) = match_claims(
            &raw(),
            &sentences(),
            &gold,
            &[pc(0, 11, "joint", Some("Xi Jinping"))],
        );
        assert_eq!(sc.overall, Prf::new(0, 1, 1));
        // No speaker on either side matches.
        let gold = [gc(31, 44, "direct", None)];
        let (sc, _) = match_claims(&raw(), &sentences(), &gold, &[pc(31, 44, "direct", None)]);
        assert_eq!(sc.overall.tp, 1);
        // Mostly in another gold sentence: no match even with enough shared tokens.
        let gold = [gc(24, 30, "direct", None)]; // "w8 w9."
        let (sc, _) = match_claims(&raw(), &sentences(), &gold, &[pc(24, 44, "direct", None)]);
        assert_eq!(sc.overall.tp, 0);
    }

    #[test]
    fn claims_match_greedily_by_iou_one_to_one_and_count_kinds() {
        let gold = [
            gc(0, 11, "indirect", Some("Xi")), // w0..w3
            gc(12, 23, "direct", Some("Xi")),  // w4..w7
        ];
        let pred = [
            pc(3, 14, "indirect", Some("Xi")), // w1..w4: 3/5 with g0, 1/7 with g1
            pc(0, 11, "indirect", Some("Xi")), // w0..w3: exact g0
            pc(12, 20, "indirect", Some("Xi")), // w4..w6: 3/4 with g1, wrong kind
        ];
        let (sc, pairs) = match_claims(&raw(), &sentences(), &gold, &pred);
        assert_eq!(pairs, vec![(0, 1), (1, 2)]);
        assert_eq!(sc.overall, Prf::new(2, 1, 0));
        assert_eq!(sc.kind_agreement, Accuracy::new(1, 2));
        assert_eq!(sc.by_kind["indirect"], Prf::new(1, 2, 0));
        assert_eq!(sc.by_kind["direct"], Prf::new(0, 0, 1));
    }
}
