//! The learned part of the stance analysis: boosted decision trees over
//! [`StanceFeatures`], stored as JSON.
//!
//! A model is a sum of small regression trees per label (gradient boosting
//! with a softmax over the four labels). Each tree tests one feature against a
//! threshold per node. The built-in model is `data/stance-model.json`,
//! compiled into the crate; `examples/train_stance.rs` is the program that
//! trains it from development data (see `notes/stance.md`).
//!
//! # JSON format (`format: 1`)
//!
//! ```json
//! {
//!   "format": 1,
//!   "description": "what it was trained on",
//!   "features": ["claim_words", "..."],
//!   "labels": ["agree", "disagree", "discuss", "unrelated"],
//!   "base": [0.0, 0.0, 0.0, 0.0],
//!   "trees": [[[3, 0.5, 1, 2], -0.1, 0.2]]
//! }
//! ```
//!
//! `trees[i]` adds to the score of `labels[i % labels.len()]`. A tree is a
//! list of nodes, the root first; a node is either a split
//! `[feature, threshold, left, right]` (go to node `left` when the feature's
//! value is at most `threshold`, else to `right`) or a leaf value. Children
//! always come after their parent, so every walk ends.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::{StanceFeatures, StanceLabel};
use crate::error::{Error, Result};

/// The version of the model format this crate reads and writes.
pub const MODEL_FORMAT: u32 = 1;

/// One node of a [`Tree`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Node {
    /// `[feature, threshold, left, right]`: go to `left` when
    /// `features[feature] <= threshold`, else to `right`.
    Split(usize, f32, usize, usize),
    /// A leaf: the value the tree adds to its label's score.
    Leaf(f32),
}

/// One regression tree: its nodes, the root first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Tree {
    /// The nodes; children come after their parent.
    pub nodes: Vec<Node>,
}

impl Tree {
    /// The value of the leaf that `values` reach.
    ///
    /// Never panics: a tree that points outside itself (which
    /// [`StanceModel::from_json`] rejects) is read as a leaf of 0.
    pub fn eval(&self, values: &[f32]) -> f32 {
        let mut i = 0;
        loop {
            match self.nodes.get(i) {
                Some(Node::Leaf(v)) => return *v,
                Some(&Node::Split(f, t, left, right)) => {
                    let x = values.get(f).copied().unwrap_or(0.0);
                    let next = if x <= t { left } else { right };
                    if next <= i {
                        return 0.0;
                    }
                    i = next;
                }
                None => return 0.0,
            }
        }
    }
}

/// A stance model: boosted trees over [`StanceFeatures`].
///
/// ```
/// use claimgraph::stance::{StanceLabel, StanceModel};
///
/// let model = StanceModel::builtin()?;
/// assert_eq!(model.labels.len(), 4);
/// // A model survives a round trip through its JSON form.
/// let again = StanceModel::from_json("copy", &model.to_json())?;
/// assert_eq!(again.trees.len(), model.trees.len());
/// // Malformed input is an error, not a panic.
/// assert!(StanceModel::from_json("bad.json", "{\"format\": 1}").is_err());
/// # let _ = StanceLabel::Agree;
/// # Ok::<(), claimgraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StanceModel {
    /// The format version, [`MODEL_FORMAT`].
    pub format: u32,
    /// What the model was trained on, and how.
    #[serde(default)]
    pub description: String,
    /// The feature names, in the order of [`StanceFeatures::names`].
    pub features: Vec<String>,
    /// The labels, each once; tree `i` scores `labels[i % labels.len()]`.
    pub labels: Vec<StanceLabel>,
    /// The starting score of each label.
    pub base: Vec<f64>,
    /// The trees, round by round.
    pub trees: Vec<Tree>,
}

static BUILTIN_JSON: &str = include_str!("../../data/stance-model.json");

static BUILTIN: LazyLock<std::result::Result<StanceModel, String>> = LazyLock::new(|| {
    StanceModel::from_json("data/stance-model.json", BUILTIN_JSON).map_err(|e| e.to_string())
});

impl StanceModel {
    /// The model shipped with the crate (`data/stance-model.json`).
    ///
    /// Fails only if the shipped file is broken, which the crate's tests
    /// rule out.
    pub fn builtin() -> Result<&'static StanceModel> {
        BUILTIN.as_ref().map_err(|message| Error::Json {
            origin: "data/stance-model.json".into(),
            line: 0,
            column: 0,
            message: message.clone(),
        })
    }

    /// Reads a model from its JSON form and checks it: the format version,
    /// the feature names (they must be those of this crate's
    /// [`StanceFeatures`]), the labels, and that every tree is well formed.
    /// `origin` names the source in errors.
    pub fn from_json(origin: &str, json: &str) -> Result<StanceModel> {
        let model: StanceModel = serde_json::from_str(json).map_err(|e| Error::Json {
            origin: origin.to_string(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        model.check().map_err(|message| Error::Json {
            origin: origin.to_string(),
            line: 0,
            column: 0,
            message,
        })?;
        Ok(model)
    }

    /// The model as JSON, one tree per line, so that the same model always
    /// gives the same bytes.
    pub fn to_json(&self) -> String {
        let field = |v: serde_json::Value| serde_json::to_string(&v).unwrap_or_default();
        let mut out = String::from("{\n");
        out.push_str(&format!("  \"format\": {},\n", self.format));
        out.push_str(&format!("  \"description\": {},\n", field(self.description.clone().into())));
        out.push_str(&format!("  \"features\": {},\n", field(serde_json::json!(self.features))));
        out.push_str(&format!("  \"labels\": {},\n", field(serde_json::json!(self.labels))));
        out.push_str(&format!("  \"base\": {},\n", field(serde_json::json!(self.base))));
        out.push_str("  \"trees\": [");
        for (i, t) in self.trees.iter().enumerate() {
            out.push_str(if i == 0 { "\n    " } else { ",\n    " });
            out.push_str(&serde_json::to_string(t).unwrap_or_default());
        }
        out.push_str(if self.trees.is_empty() { "]\n}\n" } else { "\n  ]\n}\n" });
        out
    }

    fn check(&self) -> std::result::Result<(), String> {
        if self.format != MODEL_FORMAT {
            return Err(format!("model format {} (this crate reads format {MODEL_FORMAT})", self.format));
        }
        let names = StanceFeatures::names();
        if self.features.len() != names.len() || self.features.iter().zip(names).any(|(a, b)| a != b) {
            return Err(format!(
                "the model's {} features are not the {} features of this version of claimgraph",
                self.features.len(),
                names.len()
            ));
        }
        let mut labels = self.labels.clone();
        labels.sort();
        labels.dedup();
        if labels.len() != self.labels.len() || labels.is_empty() {
            return Err("labels must be distinct and not empty".into());
        }
        if self.base.len() != self.labels.len() || self.base.iter().any(|b| !b.is_finite()) {
            return Err("base needs one finite score per label".into());
        }
        for (ti, t) in self.trees.iter().enumerate() {
            if t.nodes.is_empty() {
                return Err(format!("tree {ti} has no nodes"));
            }
            for (i, n) in t.nodes.iter().enumerate() {
                let ok = match *n {
                    Node::Leaf(v) => v.is_finite(),
                    Node::Split(f, th, l, r) => {
                        f < names.len()
                            && !th.is_nan()
                            && l > i
                            && r > i
                            && l < t.nodes.len()
                            && r < t.nodes.len()
                    }
                };
                if !ok {
                    return Err(format!("tree {ti}, node {i} is malformed"));
                }
            }
        }
        Ok(())
    }

    /// The probability of each label for these features, in the order of
    /// [`StanceLabel::ALL`].
    pub fn predict(&self, features: &StanceFeatures) -> [f64; 4] {
        let values = features.values();
        let k = self.labels.len().max(1);
        let mut scores = self.base.clone();
        for (i, t) in self.trees.iter().enumerate() {
            if let Some(s) = scores.get_mut(i % k) {
                *s += f64::from(t.eval(values));
            }
        }
        let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let exps: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
        let sum: f64 = exps.iter().sum();
        let mut out = [0.0; 4];
        for (label, e) in self.labels.iter().zip(&exps) {
            out[label.index()] = if sum > 0.0 { e / sum } else { 0.0 };
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_model_loads() {
        let m = StanceModel::builtin().expect("the shipped model is valid");
        assert_eq!(m.features.len(), StanceFeatures::names().len());
        assert!(!m.trees.is_empty());
    }

    #[test]
    fn malformed_trees_are_rejected() {
        let m = StanceModel::builtin().unwrap();
        let mut bad = m.clone();
        bad.trees = vec![Tree { nodes: vec![Node::Split(0, 0.5, 0, 0)] }];
        assert!(StanceModel::from_json("t", &bad.to_json()).is_err());
        bad.trees =
            vec![Tree { nodes: vec![Node::Split(usize::MAX, 0.5, 1, 2), Node::Leaf(1.0), Node::Leaf(2.0)] }];
        assert!(StanceModel::from_json("t", &bad.to_json()).is_err());
        // A cycle never hangs evaluation.
        let cyclic = Tree { nodes: vec![Node::Split(0, 0.5, 0, 0)] };
        assert_eq!(cyclic.eval(&[1.0]), 0.0);
    }

    #[test]
    fn json_round_trip_is_byte_stable() {
        let m = StanceModel::builtin().unwrap();
        let json = m.to_json();
        let again = StanceModel::from_json("t", &json).unwrap();
        assert_eq!(again.to_json(), json);
    }
}
