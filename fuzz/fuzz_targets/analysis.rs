//! The whole analysis of 1 to 5 arbitrary documents, and its report.
//!
//! The input is split at ASCII record separators (0x1E) into at most five
//! documents. Each is read as an article file (so front matter can set a
//! publication date); one that is not a valid article is taken as lossy
//! UTF-8 text instead, so every byte string exercises the analysis.
//!
//! Checks the invariants any input must keep: no panic, every span on char
//! boundaries inside its document and slicing to its text, no relation of
//! a claim to itself, relations between existing claims, attribution spans
//! inside their document, and the JSON, Markdown and DOT outputs render.
#![no_main]

use claimgraph::input::{LoadOptions, parse_document};
use claimgraph::{Analyzer, Document};
use libfuzzer_sys::fuzz_target;

/// One analyzer for all runs: building the lexicon is not what is fuzzed.
static ANALYZER: std::sync::LazyLock<Analyzer> = std::sync::LazyLock::new(Analyzer::new);

fuzz_target!(|data: &[u8]| {
    let options = LoadOptions::default();
    let docs: Vec<Document> = data
        .split(|&b| b == 0x1e)
        .take(5)
        .enumerate()
        .filter_map(|(i, bytes)| {
            let id = format!("d{i}");
            parse_document(&id, &id, bytes, &options).ok().or_else(|| {
                let text = String::from_utf8_lossy(bytes);
                let doc = Document::new(id, format!("Outlet {i}"), text);
                doc.validate().is_ok().then_some(doc)
            })
        })
        .collect();
    if docs.is_empty() {
        return;
    }
    let analysis = ANALYZER.analyze(docs.clone()).expect("valid documents analyse");
    for c in analysis.claims() {
        let doc = docs.iter().find(|d| d.id == c.doc).expect("claim document");
        let t = &doc.text;
        assert!(c.span.end <= t.len() && t.is_char_boundary(c.span.start) && t.is_char_boundary(c.span.end));
        assert_eq!(&t[c.span.range()], c.text);
        assert!(c.span.contains(c.content), "content outside the claim");
        for e in &c.entities {
            assert_eq!(t.get(e.span.range()), Some(e.text.as_str()), "entity span");
        }
        for q in &c.quantities {
            assert_eq!(t.get(q.span.range()), Some(q.text.as_str()), "quantity span");
        }
        for d in &c.dates {
            assert_eq!(t.get(d.span.range()), Some(d.text.as_str()), "date span");
        }
        for s in &c.states {
            assert_eq!(t.get(s.cue.span.range()), Some(s.cue.text.as_str()), "state cue span");
        }
    }
    for r in analysis.relations() {
        assert_ne!(r.a, r.b, "a claim related to itself");
        assert!(analysis.claim(&r.a).is_some() && analysis.claim(&r.b).is_some());
    }
    // Every attribution's spans lie on char boundaries inside its document.
    for doc in &docs {
        let t = &doc.text;
        for a in ANALYZER.attributions(doc).expect("valid documents list attributions") {
            let spans = a.source.iter().chain(a.cue.as_ref().map(|c| &c.span)).chain(&a.content);
            for s in spans {
                assert!(t.get(s.range()).is_some(), "attribution span");
            }
        }
    }
    let report = analysis.report();
    let _ = report.to_json();
    let _ = report.to_markdown();
    let _ = analysis.graph().to_dot();
});
