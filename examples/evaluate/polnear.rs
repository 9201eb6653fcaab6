//! PolNeAR: attribution extraction. Each article goes through
//! `Analyzer::attributions`, and every attribution yields its predicted
//! spans: where the source is named, the cue, and the content. They are scored against the BRAT stand-off
//! annotations (`Source`, `Cue`, `Content`), exactly and by overlap.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use claimgraph::{Analyzer, Document};
use serde_json::json;

use crate::metrics::Prf;
use crate::{Args, Figures};

/// A span of one article: its index, and byte fragments (BRAT spans may be
/// discontinuous).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Mark {
    doc: usize,
    fragments: Vec<(usize, usize)>,
}

impl Mark {
    fn outer(&self) -> (usize, usize) {
        (
            self.fragments.iter().map(|f| f.0).min().unwrap_or(0),
            self.fragments.iter().map(|f| f.1).max().unwrap_or(0),
        )
    }

    fn overlaps(&self, other: &Mark) -> bool {
        self.doc == other.doc
            && self.fragments.iter().any(|a| other.fragments.iter().any(|b| a.0 < b.1 && b.0 < a.1))
    }
}

const TYPES: [&str; 3] = ["source", "cue", "content"];

/// The text between `start` and `end` without surrounding whitespace,
/// quotation marks and punctuation, as a byte range.
fn trimmed(text: &str, (start, end): (usize, usize)) -> (usize, usize) {
    let Some(s) = text.get(start..end) else { return (start, end) };
    let junk = |c: char| c.is_whitespace() || c.is_ascii_punctuation() || "“”‘’«»—–".contains(c);
    let lead = s.len() - s.trim_start_matches(junk).len();
    let body = s.trim_matches(junk);
    (start + lead, start + lead + body.len())
}

/// Byte offset of each char offset (BRAT offsets count Unicode scalar values).
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Gold marks of one `.ann` file, by type.
fn read_ann(ann: &str, text: &str, doc: usize, gold: &mut [Vec<Mark>; 3]) -> Result<(), String> {
    let offsets = byte_offsets(text);
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let mut parts = line.splitn(3, '\t');
        let (_, Some(spec)) = (parts.next(), parts.next()) else { continue };
        let Some((kind, ranges)) = spec.split_once(' ') else { continue };
        let Some(i) = TYPES.iter().position(|t| t.eq_ignore_ascii_case(kind)) else { continue };
        let mut fragments = Vec::new();
        for r in ranges.split(';') {
            let (a, b) = r.trim().split_once(' ').ok_or_else(|| format!("bad range {r:?}"))?;
            let (a, b): (usize, usize) = (
                a.parse().map_err(|_| format!("bad offset {a:?}"))?,
                b.parse().map_err(|_| format!("bad offset {b:?}"))?,
            );
            let (Some(&a), Some(&b)) = (offsets.get(a), offsets.get(b)) else {
                return Err(format!("offset out of range in {line:?}"));
            };
            fragments.push((a, b));
        }
        gold[i].push(Mark { doc, fragments });
    }
    Ok(())
}

/// The article files: each `.txt` in `text/` with an `.ann` in
/// `attributions/` whose name it is the longest prefix of (PolNeAR adds the
/// annotator's id: `story_ef2d.ann` for `story.txt`). An article annotated
/// by several annotators is scored once, against the first annotation in
/// name order.
fn pairs(root: &Path) -> Result<Vec<(PathBuf, PathBuf)>, String> {
    let list = |dir: &Path, ext: &str| -> Result<Vec<PathBuf>, String> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == ext))
            .collect();
        v.sort();
        Ok(v)
    };
    let texts = list(&root.join("text"), "txt")?;
    let mut out = Vec::new();
    for ann in list(&root.join("attributions"), "ann")? {
        let stem = ann.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let text = texts
            .iter()
            .filter(|t| t.file_stem().and_then(|s| s.to_str()).is_some_and(|s| stem.starts_with(s)))
            .max_by_key(|t| t.as_os_str().len())
            .ok_or_else(|| format!("no text file for {}", ann.display()))?;
        if !out.iter().any(|(t, _): &(PathBuf, PathBuf)| t == text) {
            out.push((text.clone(), ann));
        }
    }
    if out.is_empty() {
        return Err(format!("no .ann files in {}", root.join("attributions").display()));
    }
    Ok(out)
}

pub fn run(args: &Args) -> Result<Figures, String> {
    let files = pairs(&args.paths[0])?;
    let an = Analyzer::new();
    let mut gold: [Vec<Mark>; 3] = Default::default();
    let mut predicted: [BTreeSet<Mark>; 3] = Default::default();
    let mut texts = Vec::new();
    for (doc, (text_path, ann_path)) in files.iter().enumerate() {
        let text = std::fs::read_to_string(text_path).map_err(|e| format!("{}: {e}", text_path.display()))?;
        let ann = std::fs::read_to_string(ann_path).map_err(|e| format!("{}: {e}", ann_path.display()))?;
        read_ann(&ann, &text, doc, &mut gold)?;
        let name = text_path.file_stem().and_then(|s| s.to_str()).unwrap_or("article").to_string();
        let outlet = name.split('_').next().unwrap_or("outlet").to_string();
        let found = an.attributions(&Document::new(name, outlet, text.clone())).map_err(|e| e.to_string())?;
        for a in &found {
            let mut add = |i: usize, s: claimgraph::Span| {
                predicted[i].insert(Mark { doc, fragments: vec![(s.start, s.end)] });
            };
            if let Some(s) = a.source {
                add(0, s);
            }
            if let Some(cue) = &a.cue {
                add(1, cue.span);
            }
            for &c in &a.content {
                add(2, c);
            }
        }
        texts.push(text);
    }
    for g in &mut gold {
        g.sort();
        g.dedup();
    }
    let mut table = format!(
        "PolNeAR: {} articles; gold spans: {} sources, {} cues, {} contents\n\n| span | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |\n|---|---|---|---|---|---|---|\n",
        files.len(),
        gold[0].len(),
        gold[1].len(),
        gold[2].len()
    );
    let mut json = serde_json::Map::new();
    json.insert("set".into(), json!("polnear"));
    json.insert("articles".into(), json!(files.len()));
    for (i, name) in TYPES.iter().enumerate() {
        let key = |m: &Mark| (m.doc, trimmed(&texts[m.doc], m.outer()));
        let gold_exact: BTreeSet<_> = gold[i].iter().map(key).collect();
        let pred_exact: BTreeSet<_> = predicted[i].iter().map(key).collect();
        let hits = pred_exact.intersection(&gold_exact).count();
        let exact = Prf { tp: hits, fp: pred_exact.len() - hits, fn_: gold_exact.len() - hits };
        let p_hit = predicted[i].iter().filter(|p| gold[i].iter().any(|g| g.overlaps(p))).count();
        let g_hit = gold[i].iter().filter(|g| predicted[i].iter().any(|p| p.overlaps(g))).count();
        // Overlap: precision over predictions, recall over gold spans.
        let overlap_p = crate::metrics::ratio(p_hit, predicted[i].len());
        let overlap_r = crate::metrics::ratio(g_hit, gold[i].len());
        let overlap_f = if overlap_p + overlap_r == 0.0 {
            0.0
        } else {
            2.0 * overlap_p * overlap_r / (overlap_p + overlap_r)
        };
        let _ = writeln!(
            table,
            "| {name} | {} | {overlap_p:.3} | {overlap_r:.3} | {overlap_f:.3} |",
            exact.cells()
        );
        json.insert(
            name.to_string(),
            json!({
                "exact": exact.json(),
                "overlap": {
                    "precision": crate::metrics::round(overlap_p),
                    "recall": crate::metrics::round(overlap_r),
                    "f1": crate::metrics::round(overlap_f),
                },
            }),
        );
        if args.errors > 0 {
            // The span in brackets, with some context.
            let show = |m: &Mark| {
                let t = &texts[m.doc];
                let (a, b) = m.outer();
                let mut from = a.saturating_sub(80);
                while !t.is_char_boundary(from) {
                    from -= 1;
                }
                let mut to = (b + 60).min(t.len());
                while !t.is_char_boundary(to) {
                    to += 1;
                }
                format!("{} | …{}[[{}]]{}…", &t[a..b], &t[from..a], &t[a..b], &t[b..to]).replace('\n', " ")
            };
            for g in gold[i].iter().filter(|g| !predicted[i].iter().any(|p| p.overlaps(g))).take(args.errors)
            {
                eprintln!("[{name} missed] {}", show(g));
            }
            for p in predicted[i].iter().filter(|p| !gold[i].iter().any(|g| g.overlaps(p))).take(args.errors)
            {
                eprintln!("[{name} false] {}", show(p));
            }
        }
    }
    Ok(Figures { table, json: serde_json::Value::Object(json) })
}
