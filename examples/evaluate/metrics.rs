//! Precision, recall, F1 and confusion matrices.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::{Value, json};

/// Counts of true positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    pub fn json(&self) -> Value {
        json!({ "precision": round(self.precision()), "recall": round(self.recall()), "f1": round(self.f1()) })
    }

    /// `p / r / f1` for a table cell.
    pub fn cells(&self) -> String {
        format!("{:.3} | {:.3} | {:.3}", self.precision(), self.recall(), self.f1())
    }
}

/// `n / d`, or 0 when `d` is 0.
pub fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

/// Rounds to four decimals for the JSON figures.
pub fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// A confusion matrix over string labels, in a fixed label order.
#[derive(Clone, Debug)]
pub struct Confusion {
    pub labels: Vec<&'static str>,
    /// `counts[gold][predicted]`.
    pub counts: BTreeMap<(usize, usize), usize>,
}

impl Confusion {
    pub fn new(labels: &[&'static str]) -> Confusion {
        Confusion { labels: labels.to_vec(), counts: BTreeMap::new() }
    }

    fn index(&self, label: &str) -> usize {
        self.labels.iter().position(|l| *l == label).unwrap_or_else(|| panic!("unknown label {label}"))
    }

    pub fn add(&mut self, gold: &str, predicted: &str) {
        let k = (self.index(gold), self.index(predicted));
        *self.counts.entry(k).or_default() += 1;
    }

    pub fn get(&self, gold: usize, predicted: usize) -> usize {
        self.counts.get(&(gold, predicted)).copied().unwrap_or(0)
    }

    pub fn total(&self) -> usize {
        self.counts.values().sum()
    }

    pub fn accuracy(&self) -> f64 {
        ratio((0..self.labels.len()).map(|i| self.get(i, i)).sum(), self.total())
    }

    /// One-vs-rest counts for one label.
    pub fn prf(&self, label: &str) -> Prf {
        let i = self.index(label);
        let n = self.labels.len();
        Prf {
            tp: self.get(i, i),
            fp: (0..n).filter(|&g| g != i).map(|g| self.get(g, i)).sum(),
            fn_: (0..n).filter(|&p| p != i).map(|p| self.get(i, p)).sum(),
        }
    }

    pub fn macro_f1(&self) -> f64 {
        self.labels.iter().map(|l| self.prf(l).f1()).sum::<f64>() / self.labels.len() as f64
    }

    pub fn per_class_json(&self) -> Value {
        Value::Object(self.labels.iter().map(|l| (l.to_string(), self.prf(l).json())).collect())
    }

    /// A Markdown table of the matrix, gold down, predicted across, then per-class figures.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "| gold \\ predicted | {} |", self.labels.join(" | "));
        let _ = writeln!(s, "|---|{}", "---|".repeat(self.labels.len()));
        for (g, l) in self.labels.iter().enumerate() {
            let row: Vec<String> = (0..self.labels.len()).map(|p| self.get(g, p).to_string()).collect();
            let _ = writeln!(s, "| {l} | {} |", row.join(" | "));
        }
        let _ = writeln!(s, "\n| class | precision | recall | F1 |\n|---|---|---|---|");
        for l in &self.labels {
            let _ = writeln!(s, "| {l} | {} |", self.prf(l).cells());
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_figures() {
        let p = Prf { tp: 3, fp: 1, fn_: 2 };
        assert!((p.precision() - 0.75).abs() < 1e-9);
        assert!((p.recall() - 0.6).abs() < 1e-9);
        assert!((p.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-9);
        assert_eq!(Prf::default().f1(), 0.0);
    }

    #[test]
    fn confusion_one_vs_rest() {
        let mut c = Confusion::new(&["a", "b"]);
        c.add("a", "a");
        c.add("a", "b");
        c.add("b", "b");
        assert_eq!(c.prf("a").tp, 1);
        assert_eq!(c.prf("a").fn_, 1);
        assert_eq!(c.prf("b").fp, 1);
        assert!((c.accuracy() - 2.0 / 3.0).abs() < 1e-9);
    }
}
