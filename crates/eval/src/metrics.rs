//! Counts and the figures derived from them. Ratios whose denominator is zero are `None`
//! (`null` in JSON, `-` in the table) rather than a made-up 0 or 1.

use std::collections::BTreeMap;
use std::ops::AddAssign;

use serde::{Serialize, Serializer};

fn ratio(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// True positives, false positives and false negatives, with precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
}

impl Prf {
    pub fn new(tp: u64, fp: u64, fn_: u64) -> Prf {
        Prf { tp, fp, fn_ }
    }

    pub fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// `2TP / (2TP + FP + FN)`: the harmonic mean of P and R, 0 when either is 0.
    pub fn f1(&self) -> Option<f64> {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

impl AddAssign for Prf {
    fn add_assign(&mut self, o: Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

impl Serialize for Prf {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out {
            tp: u64,
            fp: u64,
            #[serde(rename = "fn")]
            fn_: u64,
            precision: Option<f64>,
            recall: Option<f64>,
            f1: Option<f64>,
        }
        Out {
            tp: self.tp,
            fp: self.fp,
            fn_: self.fn_,
            precision: self.precision(),
            recall: self.recall(),
            f1: self.f1(),
        }
        .serialize(s)
    }
}

/// Correct out of total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accuracy {
    pub correct: u64,
    pub total: u64,
}

impl Accuracy {
    pub fn new(correct: u64, total: u64) -> Accuracy {
        Accuracy { correct, total }
    }

    pub fn add(&mut self, correct: bool) {
        self.total += 1;
        self.correct += u64::from(correct);
    }

    pub fn accuracy(&self) -> Option<f64> {
        ratio(self.correct, self.total)
    }
}

impl AddAssign for Accuracy {
    fn add_assign(&mut self, o: Accuracy) {
        self.correct += o.correct;
        self.total += o.total;
    }
}

impl Serialize for Accuracy {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out {
            correct: u64,
            total: u64,
            accuracy: Option<f64>,
        }
        Out {
            correct: self.correct,
            total: self.total,
            accuracy: self.accuracy(),
        }
        .serialize(s)
    }
}

/// A metadata field: accuracy where gold states a value, plus `spurious`, the articles where
/// gold states none but the dataset gives one (not part of the accuracy).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MetaField {
    pub correct: u64,
    pub total: u64,
    pub spurious: u64,
}

impl MetaField {
    /// One article: gold value and dataset value (`None` for a missing article counts as
    /// a wrong answer where gold has a value).
    pub fn add(&mut self, gold: Option<&str>, predicted: Option<&str>) {
        match gold {
            Some(g) => {
                self.total += 1;
                self.correct += u64::from(predicted == Some(g));
            }
            None => self.spurious += u64::from(predicted.is_some()),
        }
    }

    pub fn accuracy(&self) -> Option<f64> {
        ratio(self.correct, self.total)
    }
}

impl AddAssign for MetaField {
    fn add_assign(&mut self, o: MetaField) {
        self.correct += o.correct;
        self.total += o.total;
        self.spurious += o.spurious;
    }
}

impl Serialize for MetaField {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out {
            correct: u64,
            total: u64,
            accuracy: Option<f64>,
            spurious: u64,
        }
        Out {
            correct: self.correct,
            total: self.total,
            accuracy: self.accuracy(),
            spurious: self.spurious,
        }
        .serialize(s)
    }
}

/// Boilerplate that leaked into the dataset's sentences.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Leakage {
    /// Dataset sentences overlapping some gold boilerplate span (each sentence counted once).
    pub leaked_sentences: u64,
    /// Dataset sentences of the evaluated articles.
    pub dataset_sentences: u64,
    /// Gold boilerplate spans, and those overlapped by at least one dataset sentence.
    pub gold_spans: u64,
    pub gold_spans_leaked: u64,
}

impl AddAssign for Leakage {
    fn add_assign(&mut self, o: Leakage) {
        self.leaked_sentences += o.leaked_sentences;
        self.dataset_sentences += o.dataset_sentences;
        self.gold_spans += o.gold_spans;
        self.gold_spans_leaked += o.gold_spans_leaked;
    }
}

/// A figure overall and per language (the gold record's `lang`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Breakdown<T> {
    pub overall: T,
    pub by_lang: BTreeMap<String, T>,
}

impl<T: AddAssign + Default + Copy> Breakdown<T> {
    pub fn add(&mut self, lang: &str, value: T) {
        self.overall += value;
        *self.by_lang.entry(lang.to_string()).or_default() += value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_figures_and_undefined_ratios() {
        let p = Prf::new(3, 1, 2);
        assert_eq!(p.precision(), Some(0.75));
        assert_eq!(p.recall(), Some(0.6));
        assert!((p.f1().unwrap() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
        let none = Prf::new(0, 0, 4);
        assert_eq!(none.precision(), None);
        assert_eq!(none.recall(), Some(0.0));
        assert_eq!(none.f1(), Some(0.0));
        assert_eq!(Prf::default().f1(), None);
        let json = serde_json::to_value(p).unwrap();
        assert_eq!(json["fn"], 2);
        assert_eq!(json["precision"], 0.75);
    }

    #[test]
    fn meta_field_counts_spurious_apart() {
        let mut m = MetaField::default();
        m.add(Some("a"), Some("a"));
        m.add(Some("a"), Some("b"));
        m.add(Some("a"), None);
        m.add(None, Some("x"));
        m.add(None, None);
        assert_eq!((m.correct, m.total, m.spurious), (1, 3, 1));
    }

    #[test]
    fn breakdown_adds_to_overall_and_language() {
        let mut b = Breakdown::<Prf>::default();
        b.add("en", Prf::new(1, 0, 0));
        b.add("ar", Prf::new(0, 1, 0));
        b.add("en", Prf::new(0, 0, 1));
        assert_eq!(b.overall, Prf::new(1, 1, 1));
        assert_eq!(b.by_lang["en"], Prf::new(1, 0, 1));
    }
}
