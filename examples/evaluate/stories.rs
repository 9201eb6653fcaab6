//! Story grouping on corpora of several events with known membership:
//! whether [`Analysis::stories`] and [`StoryGroups::group_ids`] put the
//! articles of one event together and those of different events apart.
//!
//! The layouts read (a folder holding anything else is an error, not a
//! corpus of made-up events):
//!
//! - BASIL (`basil/`): `articles/<year>/<triplet>_<n>.json`, three outlets'
//!   articles of one event per triplet; the event is `triplet-uuid`, the
//!   text the title and the body paragraphs.
//! - NewsWCL50 (`newswcl50/` or its `plaintext/`): `event<k>_<outlet>.txt`
//!   with front matter, five outlets per event; the event is `<k>`.
//! - A folder of `examples/synth` articles: the event is the `story` field
//!   of each front matter.
//! - FNC-1 (two paths: the stances CSV, then the bodies CSV): the bodies,
//!   each of one outlet; two bodies report one event when they are related
//!   (agree, disagree or discuss) to one headline, through any chain of
//!   such headlines. A body related to no headline is an event of its own.
//!
//! Scores: pairwise precision, recall and F1 over pairs of articles (a pair
//! is predicted when both are in one story, gold when both report one
//! event), and B-cubed precision, recall and F1 (per article, the share of
//! its story that reports its event, and of its event that is in its
//! story, averaged).
//!
//! [`Analysis::stories`]: claimgraph::Analysis::stories
//! [`StoryGroups::group_ids`]: claimgraph::StoryGroups::group_ids

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use claimgraph::input::{LoadOptions, parse_document};
use claimgraph::{Analyzer, Document};
use petgraph::unionfind::UnionFind;
use serde_json::{Value, json};

use crate::metrics::{Prf, ratio, round};
use crate::{Args, Figures};

/// FNC-1's bodies, each with its event: the bodies joined through the
/// headlines they are related to.
fn load_fnc1(stances: &Path, bodies: &Path) -> Result<Vec<(Document, String)>, String> {
    let (pairs, texts) = crate::stance::data::read_fnc1(stances, bodies)?;
    // Bodies and headlines in sets, joined by each related pair.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut sets: UnionFind<usize> = UnionFind::new(0);
    let mut node = |key: String, sets: &mut UnionFind<usize>| -> usize {
        *index.entry(key).or_insert_with(|| sets.new_set())
    };
    let body_nodes: Vec<(String, usize)> =
        texts.keys().map(|id| (id.clone(), node(format!("b{id}"), &mut sets))).collect();
    for p in pairs.iter().filter(|p| p.stance != "unrelated") {
        let (b, h) = (node(format!("b{}", p.body), &mut sets), node(format!("h{}", p.headline), &mut sets));
        sets.union(b, h);
    }
    let mut docs = Vec::new();
    for (id, n) in body_nodes {
        let text = &texts[&id];
        if text.trim().is_empty() {
            continue;
        }
        let event = sets.find_mut(n).to_string();
        docs.push((Document::new(format!("b{id}"), "fnc1", text.as_str()), event));
    }
    Ok(docs)
}

/// The documents of the corpus at `root`, each with its event.
fn load(root: &Path) -> Result<Vec<(Document, String)>, String> {
    if root.join("articles").is_dir() {
        return load_basil(&root.join("articles"));
    }
    let plain = if root.join("plaintext").is_dir() { root.join("plaintext") } else { root.to_path_buf() };
    load_newswcl(&plain)
}

/// Files under `dir` (one level of folders down, as BASIL's years), sorted.
fn files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for e in entries {
            let p = e.map_err(|e| format!("{}: {e}", d.display()))?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn load_basil(articles: &Path) -> Result<Vec<(Document, String)>, String> {
    let mut docs = Vec::new();
    for path in files(articles, "json")? {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let v: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let field = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        let mut body = field("title");
        for paragraph in v.get("body-paragraphs").and_then(Value::as_array).into_iter().flatten() {
            let sentences: Vec<&str> =
                paragraph.as_array().into_iter().flatten().filter_map(Value::as_str).collect();
            body.push_str("\n\n");
            body.push_str(&sentences.join(" "));
        }
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let event = field("triplet-uuid");
        if event.is_empty() {
            return Err(format!("{}: no triplet-uuid", path.display()));
        }
        docs.push((Document::new(id, field("source"), body).title(field("title")), event));
    }
    Ok(docs)
}

fn load_newswcl(dir: &Path) -> Result<Vec<(Document, String)>, String> {
    let mut docs = Vec::new();
    for path in files(dir, "txt")? {
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc = parse_document(&id, &path.display().to_string(), &bytes, &LoadOptions::default())
            .map_err(|e| e.to_string())?;
        // The synthetic corpus's front matter names the story; NewsWCL50's
        // file names the event. Any other text file is an error rather
        // than an event made up from its name: a folder given by mistake
        // (one holding other corpora's texts) would be scored otherwise.
        let event = match doc.meta.extra.get("story") {
            Some(story) => story.to_string(),
            None => newswcl_event(&id).map(str::to_string).ok_or_else(|| {
                format!(
                    "{}: neither a NewsWCL50 article (event<k>_<outlet>.txt) nor a synthetic one (front matter with `story`); give a corpus's own folder",
                    path.display()
                )
            })?,
        };
        docs.push((doc, event));
    }
    Ok(docs)
}

/// The event of a NewsWCL50 article from its file stem (`event<k>_<outlet>`:
/// `event<k>`), if the stem has that form.
fn newswcl_event(stem: &str) -> Option<&str> {
    let (event, _) = stem.split_once('_')?;
    let k = event.strip_prefix("event")?;
    (!k.is_empty() && k.bytes().all(|b| b.is_ascii_digit())).then_some(event)
}

/// Pairwise and B-cubed scores of `predicted` clusters (document ids)
/// against `gold` (the event of each id).
struct Scores {
    pairs: Prf,
    b3_precision: f64,
    b3_recall: f64,
    clusters: usize,
    /// The largest cluster, in documents.
    largest: usize,
}

impl Scores {
    fn of(predicted: &[Vec<&str>], gold: &HashMap<&str, &str>) -> Scores {
        let mut pairs = Prf::default();
        let mut event_size: HashMap<&str, usize> = HashMap::new();
        for e in gold.values() {
            *event_size.entry(e).or_default() += 1;
        }
        let (mut b3p, mut b3r) = (0.0, 0.0);
        let mut together = 0;
        for cluster in predicted {
            let mut by_event: HashMap<&str, usize> = HashMap::new();
            for id in cluster {
                *by_event.entry(gold[id]).or_default() += 1;
            }
            for &k in by_event.values() {
                together += k * (k - 1) / 2;
            }
            let n = cluster.len();
            pairs.fp += n * (n - 1) / 2;
            for id in cluster {
                let same = by_event[gold[id]];
                b3p += ratio(same, n);
                b3r += ratio(same, event_size[gold[id]]);
            }
        }
        pairs.fp -= together;
        pairs.tp = together;
        pairs.fn_ = event_size.values().map(|&k| k * (k - 1) / 2).sum::<usize>() - together;
        let docs = gold.len() as f64;
        Scores {
            pairs,
            b3_precision: b3p / docs,
            b3_recall: b3r / docs,
            clusters: predicted.len(),
            largest: predicted.iter().map(Vec::len).max().unwrap_or(0),
        }
    }

    fn b3_f1(&self) -> f64 {
        let (p, r) = (self.b3_precision, self.b3_recall);
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    fn json(&self) -> Value {
        json!({
            "clusters": self.clusters,
            "largest": self.largest,
            "pairs": self.pairs.json(),
            "b_cubed": {
                "precision": round(self.b3_precision),
                "recall": round(self.b3_recall),
                "f1": round(self.b3_f1()),
            },
        })
    }

    fn row(&self, what: &str) -> String {
        format!(
            "| {what} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
            self.clusters,
            self.largest,
            self.pairs.cells(),
            self.b3_precision,
            self.b3_recall,
            self.b3_f1()
        )
    }
}

pub fn run(args: &Args) -> Result<Figures, String> {
    let docs = match args.paths.as_slice() {
        [stances, bodies] => load_fnc1(stances, bodies)?,
        [root] => load(root)?,
        _ => {
            return Err(format!(
                "stories takes one folder, or FNC-1's stances and bodies CSVs\n{}",
                crate::USAGE
            ));
        }
    };
    if docs.is_empty() {
        return Err(format!("{}: no articles found", args.paths[0].display()));
    }
    let gold: HashMap<&str, &str> = docs.iter().map(|(d, e)| (d.id.as_str(), e.as_str())).collect();
    let events = gold.values().collect::<std::collections::HashSet<_>>().len();
    let documents: Vec<Document> = docs.iter().map(|(d, _)| d.clone()).collect();
    let analyzer = Analyzer::new();
    let analysis = analyzer.analyze(documents.clone()).map_err(|e| e.to_string())?;
    let story_ids = analysis.stories();
    let stories = Scores::of(&story_ids, &gold);
    let groups = analyzer.story_groups(documents).map_err(|e| e.to_string())?;
    let groups = Scores::of(&groups.group_ids(), &gold);
    if args.errors > 0 {
        // Errors of both kinds: stories that join events, events that
        // stories split.
        let mut story_of: HashMap<&str, usize> = HashMap::new();
        let mut joined = 0;
        for (i, story) in story_ids.iter().enumerate() {
            let mut events: Vec<&str> = story.iter().map(|id| gold[id]).collect();
            events.sort_unstable();
            events.dedup();
            if events.len() > 1 && joined < args.errors {
                joined += 1;
                eprintln!("story {i} joins {} events: {story:?}", events.len());
            }
            story_of.extend(story.iter().map(|&id| (id, i)));
        }
        let mut by_event: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
        for (&id, &event) in &gold {
            by_event.entry(event).or_default().push(id);
        }
        let split = by_event.into_iter().filter_map(|(event, mut ids)| {
            ids.sort_unstable();
            let mut parts: Vec<usize> = ids.iter().map(|id| story_of[id]).collect();
            parts.sort_unstable();
            parts.dedup();
            (parts.len() > 1).then_some((event, parts, ids))
        });
        for (event, parts, ids) in split.take(args.errors) {
            eprintln!("event {event} split over stories {parts:?}: {ids:?}");
        }
    }
    let mut table = String::new();
    let _ = writeln!(table, "{} articles of {events} events\n", gold.len());
    let _ = writeln!(
        table,
        "| clustering | found | largest | pairs P | pairs R | pairs F1 | B³ P | B³ R | B³ F1 |"
    );
    let _ = writeln!(table, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let _ = writeln!(table, "{}", stories.row("stories (`Analysis::stories`)"));
    let _ = write!(table, "{}", groups.row("groups (`StoryGroups::group_ids`, `--format jsonl`)"));
    Ok(Figures {
        table,
        json: json!({
            "articles": gold.len(),
            "events": events,
            "stories": stories.json(),
            "groups": groups.json(),
        }),
    })
}
