//! FNC-1 and Emergent: the stance of an article toward a claim.
//!
//! Both go through the public API only: [`StanceIndex::new`] reads a
//! document once, [`StanceIndex::stance`] asks it a claim with the built-in
//! model.
//!
//! - FNC-1: the stance of an article body toward a headline. Figures: the
//!   official weighted score (+0.25 for each correct related/unrelated
//!   decision, +0.75 more for the exact label of a related pair) as a
//!   percentage of the best possible, per-class precision/recall/F1,
//!   macro-F1, the confusion matrix.
//! - Emergent: the stance of an article headline toward a claim (`for`,
//!   `against`, `observing`). Every pair is related, so the label is the
//!   most probable of agree / disagree / discuss. Figures: accuracy,
//!   per-class P/R/F1.
//!
//! With `--holdout` only the held-out half of the development split is
//! scored (see `stance_data.rs`): FNC-1 split by headline, Emergent by
//! claim. The built-in model is trained on the other halves only
//! (`examples/train_stance.rs`).

#[path = "stance_data.rs"]
pub(crate) mod data;

use std::collections::BTreeMap;
use std::fmt::Write;

use claimgraph::{Document, Stance, StanceIndex, StanceLabel};
use serde_json::json;

use crate::metrics::{Confusion, round};
use crate::{Args, Figures};

const FNC_LABELS: [&str; 4] = ["agree", "disagree", "discuss", "unrelated"];
const EMERGENT_LABELS: [&str; 3] = ["for", "against", "observing"];

/// Maps `f` over `items` on a few threads; the result is in item order.
fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> =
            items.chunks(chunk).map(|c| s.spawn(|| c.iter().map(&f).collect::<Vec<R>>())).collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

/// The FNC-1 weighted score of one pair, and the best possible.
fn fnc_points(gold: &str, predicted: &str) -> (f64, f64) {
    let related = |l: &str| l != "unrelated";
    let mut score = 0.0;
    if gold == predicted {
        score += 0.25;
        if related(gold) {
            score += 0.50;
        }
    }
    if related(gold) && related(predicted) {
        score += 0.25;
    }
    (score, if related(gold) { 1.0 } else { 0.25 })
}

fn short(s: &str, n: usize) -> String {
    let t: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() <= n { t } else { format!("{}…", t.chars().take(n).collect::<String>()) }
}

fn describe(stance: &Stance) -> String {
    let mut s = format!(
        "p(agree {:.2}, disagree {:.2}, discuss {:.2}, unrelated {:.2})",
        stance.scores.agree, stance.scores.disagree, stance.scores.discuss, stance.scores.unrelated
    );
    for e in stance.evidence.iter().take(2) {
        let _ = write!(s, "\n      {:?} [{}]: {}", e.kind, e.why, short(&e.text, 160));
    }
    s
}

pub fn fnc1(args: &Args) -> Result<Figures, String> {
    let (pairs, bodies) = data::read_fnc1(&args.paths[0], &args.paths[1])?;
    let mut by_body: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, p) in pairs.iter().enumerate() {
        if args.holdout && !data::held_out(&p.headline) {
            continue;
        }
        if !FNC_LABELS.contains(&p.stance.as_str()) {
            return Err(format!("pair {i}: unknown stance {:?}", p.stance));
        }
        by_body.entry(p.body.as_str()).or_default().push(i);
    }
    let groups: Vec<(&str, Vec<usize>)> = by_body.into_iter().collect();
    let results: Vec<Vec<(usize, Result<Stance, String>)>> = par_map(&groups, |(body, idx)| {
        let doc = Document::new(format!("body-{body}"), "fnc1", bodies[*body].clone());
        match StanceIndex::new(&doc) {
            Ok(index) => idx
                .iter()
                .map(|&i| (i, index.stance(&pairs[i].headline).map_err(|e| e.to_string())))
                .collect(),
            Err(e) => idx.iter().map(|&i| (i, Err(e.to_string()))).collect(),
        }
    });
    let mut results: Vec<(usize, Result<Stance, String>)> = results.into_iter().flatten().collect();
    results.sort_by_key(|r| r.0);
    let mut confusion = Confusion::new(&FNC_LABELS);
    let (mut score, mut best) = (0.0, 0.0);
    let mut failed = 0;
    let mut misses: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for (i, r) in &results {
        let p = &pairs[*i];
        let predicted = match r {
            Ok(s) => s.label.as_str(),
            Err(_) => {
                failed += 1;
                "unrelated"
            }
        };
        confusion.add(&p.stance, predicted);
        let (s, b) = fnc_points(&p.stance, predicted);
        score += s;
        best += b;
        if args.errors > 0 && p.stance != predicted {
            let cell = misses.entry((p.stance.clone(), predicted.to_string())).or_default();
            if cell.len() < args.errors {
                let why = match r {
                    Ok(s) => describe(s),
                    Err(e) => format!("error: {e}"),
                };
                cell.push(format!("  body {} | {}\n    {why}", p.body, p.headline));
            }
        }
    }
    for ((g, p), list) in &misses {
        eprintln!("== gold {g}, predicted {p}");
        for m in list {
            eprintln!("{m}");
        }
    }
    let pct = if best > 0.0 { 100.0 * score / best } else { 0.0 };
    let related_acc = {
        let n = confusion.total();
        let mut ok = 0;
        for g in 0..4 {
            for q in 0..4 {
                if (g == 3) == (q == 3) {
                    ok += confusion.get(g, q);
                }
            }
        }
        if n == 0 { 0.0 } else { ok as f64 / n as f64 }
    };
    let mut table = String::new();
    let _ = writeln!(
        table,
        "## FNC-1{}\n\n{} pairs over {} bodies{}\n\n| figure | value |\n|---|---|\n| FNC-1 weighted score | {pct:.2}% ({score:.2} of {best:.2}) |\n| related/unrelated accuracy | {related_acc:.4} |\n| accuracy | {:.4} |\n| macro-F1 | {:.4} |\n",
        if args.holdout { " (held-out half)" } else { "" },
        results.len(),
        groups.len(),
        if failed > 0 { format!("; {failed} failed and count as unrelated") } else { String::new() },
        confusion.accuracy(),
        confusion.macro_f1(),
    );
    table.push_str(&confusion.table());
    let json = json!({
        "set": "fnc1",
        "holdout": args.holdout,
        "pairs": results.len(),
        "failed": failed,
        "fnc_score_pct": (pct * 100.0).round() / 100.0,
        "fnc_score": round(score),
        "fnc_score_max": round(best),
        "related_accuracy": round(related_acc),
        "accuracy": round(confusion.accuracy()),
        "macro_f1": round(confusion.macro_f1()),
        "per_class": confusion.per_class_json(),
    });
    Ok(Figures { table, json })
}

fn emergent_label(stance: &Stance) -> &'static str {
    // Every Emergent pair is related: take the most probable related label.
    let s = &stance.scores;
    let mut best = (StanceLabel::Agree, s.agree);
    for l in [StanceLabel::Disagree, StanceLabel::Discuss] {
        if s.get(l) > best.1 {
            best = (l, s.get(l));
        }
    }
    match best.0 {
        StanceLabel::Agree => "for",
        StanceLabel::Disagree => "against",
        _ => "observing",
    }
}

pub fn emergent(args: &Args) -> Result<Figures, String> {
    let rows = data::read_emergent(&args.paths[0])?;
    let chosen: Vec<&data::EmergentRow> =
        rows.iter().filter(|r| !args.holdout || data::held_out(&r.claim_id)).collect();
    for r in &chosen {
        if !EMERGENT_LABELS.contains(&r.stance.as_str()) {
            return Err(format!("row {}: unknown stance {:?}", r.index, r.stance));
        }
    }
    let results: Vec<Result<Stance, String>> = par_map(&chosen, |r| {
        let doc = Document::new(format!("e{}", r.index), "emergent", r.headline.clone());
        StanceIndex::new(&doc).and_then(|i| i.stance(&r.claim)).map_err(|e| e.to_string())
    });
    let mut confusion = Confusion::new(&EMERGENT_LABELS);
    let mut failed = 0;
    let mut misses: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for (r, res) in chosen.iter().zip(&results) {
        let predicted = match res {
            Ok(s) => emergent_label(s),
            Err(_) => {
                failed += 1;
                "observing"
            }
        };
        confusion.add(&r.stance, predicted);
        if args.errors > 0 && r.stance != predicted {
            let cell = misses.entry((r.stance.clone(), predicted.to_string())).or_default();
            if cell.len() < args.errors {
                let why = match res {
                    Ok(s) => describe(s),
                    Err(e) => format!("error: {e}"),
                };
                cell.push(format!("  claim: {}\n    headline: {}\n    {why}", r.claim, r.headline));
            }
        }
    }
    for ((g, p), list) in &misses {
        eprintln!("== gold {g}, predicted {p}");
        for m in list {
            eprintln!("{m}");
        }
    }
    let claims = chosen.iter().map(|r| r.claim_id.as_str()).collect::<std::collections::BTreeSet<_>>().len();
    let mut table = String::new();
    let _ = writeln!(
        table,
        "## Emergent{}\n\n{} pairs over {claims} claims{}\n\n| figure | value |\n|---|---|\n| accuracy | {:.4} |\n| macro-F1 | {:.4} |\n",
        if args.holdout { " (held-out half)" } else { "" },
        chosen.len(),
        if failed > 0 { format!("; {failed} failed and count as observing") } else { String::new() },
        confusion.accuracy(),
        confusion.macro_f1(),
    );
    table.push_str(&confusion.table());
    let json = json!({
        "set": "emergent",
        "holdout": args.holdout,
        "pairs": chosen.len(),
        "failed": failed,
        "accuracy": round(confusion.accuracy()),
        "macro_f1": round(confusion.macro_f1()),
        "per_class": confusion.per_class_json(),
    });
    Ok(Figures { table, json })
}
