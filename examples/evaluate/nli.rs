//! Breaking NLI and the Stanford contradiction pairs: comparing two sentences
//! with [`Analyzer::compare_texts`].

use std::collections::BTreeMap;
use std::fmt::Write;

use claimgraph::{Analyzer, Comparison, RelationType};
use serde::Deserialize;
use serde_json::json;

use crate::metrics::{Prf, ratio, round};
use crate::{Args, Figures};

#[derive(Deserialize)]
struct BreakingPair {
    sentence1: String,
    sentence2: String,
    gold_label: String,
    category: String,
}

fn read(path: &std::path::Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Prints a miss for error analysis.
fn miss(kind: &str, a: &str, b: &str, c: &Comparison) {
    eprintln!("[{kind}] {a}\n    vs {b}\n    -> {:?} {:?}: {}", c.relation, c.kind, c.reason);
}

pub fn breaking(args: &Args) -> Result<Figures, String> {
    let text = read(&args.paths[0])?;
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let p: BreakingPair = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        pairs.push(p);
    }
    let an = Analyzer::new();
    let mut overall = Prf::default();
    // category -> (gold contradictions, found)
    let mut by_category: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut entailed, mut false_contradictions) = (0, 0);
    let mut shown: BTreeMap<String, usize> = BTreeMap::new();
    for p in &pairs {
        let c = an.compare_texts(&p.sentence1, &p.sentence2);
        let predicted = c.relation == Some(RelationType::Contradict);
        let gold = p.gold_label == "contradiction";
        match (gold, predicted) {
            (true, true) => overall.tp += 1,
            (false, true) => overall.fp += 1,
            (true, false) => overall.fn_ += 1,
            (false, false) => {}
        }
        if gold {
            let e = by_category.entry(p.category.clone()).or_default();
            e.0 += 1;
            e.1 += usize::from(predicted);
        }
        if p.gold_label == "entailment" {
            entailed += 1;
            false_contradictions += usize::from(predicted);
        }
        if gold != predicted {
            let key = format!("{} {}", p.category, if gold { "missed" } else { "false" });
            let n = shown.entry(key.clone()).or_default();
            if *n < args.errors {
                *n += 1;
                miss(&key, &p.sentence1, &p.sentence2, &c);
            }
        }
    }
    let mut table = format!("Breaking NLI: {} pairs\n\n| figure | value |\n|---|---|\n", pairs.len());
    let _ = writeln!(table, "| contradiction precision | {:.3} |", overall.precision());
    let _ = writeln!(table, "| contradiction recall | {:.3} |", overall.recall());
    let _ = writeln!(table, "| contradiction F1 | {:.3} |", overall.f1());
    let _ = writeln!(
        table,
        "| false contradictions on entailment pairs | {:.3} ({false_contradictions} of {entailed}) |",
        ratio(false_contradictions, entailed)
    );
    let _ = writeln!(table, "\n| category | contradiction pairs | found | recall |\n|---|---|---|---|");
    for (cat, (n, found)) in &by_category {
        let _ = writeln!(table, "| {cat} | {n} | {found} | {:.3} |", ratio(*found, *n));
    }
    let recall_by_category: serde_json::Map<String, serde_json::Value> =
        by_category.iter().map(|(c, (n, f))| (c.clone(), json!(round(ratio(*f, *n))))).collect();
    let json = json!({
        "set": "breaking-nli",
        "pairs": pairs.len(),
        "contradiction": overall.json(),
        "recall_by_category": recall_by_category,
        "false_contradiction_rate": round(ratio(false_contradictions, entailed)),
    });
    Ok(Figures { table, json })
}

/// One Stanford pair: id, gold contradiction, text, hypothesis.
struct StanfordPair {
    id: String,
    contradiction: bool,
    text: String,
    hypothesis: String,
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = start + s[start..].find(close)?;
    Some(&s[start..end])
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    between(tag, &format!("{name}=\""), "\"")
}

/// Reads `<pair id=… contradiction="YES|NO"><t>…</t><h>…</h></pair>` records.
fn stanford_pairs(xml: &str) -> Result<Vec<StanfordPair>, String> {
    let mut out = Vec::new();
    for chunk in xml.split("<pair").skip(1) {
        let tag = chunk.split('>').next().unwrap_or("");
        let id = attribute(tag, "id").unwrap_or("?").to_string();
        let contradiction = match attribute(tag, "contradiction") {
            Some("YES") => true,
            Some("NO") => false,
            other => return Err(format!("pair {id}: contradiction attribute {other:?}")),
        };
        let text = between(chunk, "<t>", "</t>").ok_or_else(|| format!("pair {id}: no <t>"))?;
        let hypothesis = between(chunk, "<h>", "</h>").ok_or_else(|| format!("pair {id}: no <h>"))?;
        out.push(StanfordPair {
            id,
            contradiction,
            text: unescape(text.trim()),
            hypothesis: unescape(hypothesis.trim()),
        });
    }
    if out.is_empty() {
        return Err("no <pair> records found".into());
    }
    Ok(out)
}

pub fn stanford(args: &Args) -> Result<Figures, String> {
    let pairs = stanford_pairs(&read(&args.paths[0])?)?;
    let an = Analyzer::new();
    let mut prf = Prf::default();
    let mut correct = 0;
    let mut by_kind: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let (mut shown_missed, mut shown_false) = (0, 0);
    for p in &pairs {
        let c = an.compare_texts(&p.text, &p.hypothesis);
        let predicted = c.relation == Some(RelationType::Contradict);
        if predicted {
            let e = by_kind.entry(c.kind.map_or("?", |k| k.as_str())).or_default();
            e.0 += 1;
            e.1 += usize::from(p.contradiction);
        }
        correct += usize::from(predicted == p.contradiction);
        match (p.contradiction, predicted) {
            (true, true) => prf.tp += 1,
            (false, true) => {
                prf.fp += 1;
                if shown_false < args.errors {
                    shown_false += 1;
                    miss(&format!("false {}", p.id), &p.text, &p.hypothesis, &c);
                }
            }
            (true, false) => {
                prf.fn_ += 1;
                if shown_missed < args.errors {
                    shown_missed += 1;
                    miss(&format!("missed {}", p.id), &p.text, &p.hypothesis, &c);
                }
            }
            (false, false) => {}
        }
    }
    let accuracy = ratio(correct, pairs.len());
    let positives = pairs.iter().filter(|p| p.contradiction).count();
    let mut table = format!(
        "Stanford contradiction pairs: {} pairs, {positives} contradictions\n\n| precision | recall | F1 | accuracy |\n|---|---|---|---|\n",
        pairs.len()
    );
    let _ = writeln!(table, "| {} | {accuracy:.3} |", prf.cells());
    let _ = writeln!(table, "\n| kind of contradiction found | found | correct |\n|---|---|---|");
    for (kind, (n, ok)) in &by_kind {
        let _ = writeln!(table, "| {kind} | {n} | {ok} |");
    }
    let json = json!({
        "set": "stanford",
        "pairs": pairs.len(),
        "precision": round(prf.precision()),
        "recall": round(prf.recall()),
        "f1": round(prf.f1()),
        "accuracy": round(accuracy),
    });
    Ok(Figures { table, json })
}
