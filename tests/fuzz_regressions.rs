//! Replays the committed fuzz seeds (`fuzz/corpus/<target>/seed-*`) through
//! the same checks as the fuzz targets, on the stable toolchain, as part of
//! `cargo test`. A crash the fuzzer finds is committed as a `seed-crash-*`
//! file of its target's corpus once fixed, so it is replayed here forever.

use std::path::Path;

use claimgraph::input::{LoadOptions, parse_document, parse_json};
use claimgraph::{Analyzer, Document};

/// The seed files of one fuzz target.
fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("seed-")))
        .map(|path| (path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap()))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seeds in {}", dir.display());
    files
}

#[test]
fn front_matter_seeds() {
    let options = LoadOptions { keep_going: false, max_doc_bytes: Some(1 << 20), hold_text_bytes: None };
    for (name, data) in seeds("front_matter") {
        match parse_document("doc", "doc.txt", &data, &options) {
            Ok(doc) => {
                assert!(data.ends_with(doc.text.as_bytes()), "{name}: the body is a suffix of the file");
                doc.validate().unwrap_or_else(|e| panic!("{name}: {e}"));
            }
            Err(err) => assert!(err.to_string().contains("doc"), "{name}: {err}"),
        }
    }
}

#[test]
fn json_input_seeds() {
    let options = LoadOptions { keep_going: false, max_doc_bytes: Some(1 << 20), hold_text_bytes: None };
    for (name, data) in seeds("json_input") {
        if let Ok(docs) = parse_json("in.json", "in", &data, &options) {
            for doc in &docs {
                doc.validate().unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
    }
}

#[test]
fn analysis_seeds() {
    let analyzer = Analyzer::new();
    for (name, data) in seeds("analysis") {
        let docs: Vec<Document> = data
            .split(|&b| b == 0x1e)
            .take(5)
            .enumerate()
            .filter_map(|(i, bytes)| {
                let id = format!("d{i}");
                parse_document(&id, &id, bytes, &LoadOptions::default()).ok().or_else(|| {
                    let doc = Document::new(id, format!("Outlet {i}"), String::from_utf8_lossy(bytes));
                    doc.validate().is_ok().then_some(doc)
                })
            })
            .collect();
        if docs.is_empty() {
            continue;
        }
        for doc in &docs {
            for a in analyzer.attributions(doc).unwrap_or_else(|e| panic!("{name}: {e}")) {
                let spans = a.source.iter().chain(a.cue.as_ref().map(|c| &c.span)).chain(&a.content);
                for s in spans {
                    assert!(doc.text.get(s.range()).is_some(), "{name}: attribution span {s:?}");
                }
            }
        }
        let analysis = analyzer.analyze(docs.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        for c in analysis.claims() {
            let text = &docs.iter().find(|d| d.id == c.doc).unwrap().text;
            assert_eq!(text.get(c.span.range()), Some(c.text.as_str()), "{name}: {}", c.id);
            for q in &c.quantities {
                assert_eq!(text.get(q.span.range()), Some(q.text.as_str()), "{name}: {}", c.id);
            }
            for d in &c.dates {
                assert_eq!(text.get(d.span.range()), Some(d.text.as_str()), "{name}: {}", c.id);
            }
        }
        for r in analysis.relations() {
            assert_ne!(r.a, r.b, "{name}");
        }
        let _ = analysis.report().to_markdown();
        let _ = analysis.graph().to_dot();
    }
}
