//! Texts not held (`Analyzer::story_groups_from`): read from a
//! `TextSource` whenever a pass needs them, they give the same output as
//! held texts; a text that changes between readings, cannot be read, is
//! empty or too large is an error, the first in document order.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use claimgraph::analysis::TextSource;
use claimgraph::input::{LoadOptions, load_paths};
use claimgraph::{Analyzer, Document, Error, Result};

/// Every fixture story together.
fn fixtures() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    load_paths(&[dir], &LoadOptions::default()).expect("fixtures load").documents
}

/// Texts by document id, counting how often each is read; `edit(id, n)`
/// may change the `n`th reading (from 1) or fail it.
struct Archive<F> {
    texts: BTreeMap<String, String>,
    reads: Mutex<BTreeMap<String, usize>>,
    edit: F,
}

impl<F> Archive<F>
where
    F: Fn(&str, usize, &str) -> Result<String> + Send + Sync,
{
    /// The archive of `docs`' texts, and `docs` with the texts of those
    /// `drop(i)` picks emptied.
    fn of(docs: Vec<Document>, drop: impl Fn(usize) -> bool, edit: F) -> (Archive<F>, Vec<Document>) {
        let texts = docs.iter().map(|d| (d.id.clone(), d.text.clone())).collect();
        let docs = docs
            .into_iter()
            .enumerate()
            .map(|(i, mut d)| {
                if drop(i) {
                    d.text = String::new();
                }
                d
            })
            .collect();
        (Archive { texts, reads: Mutex::default(), edit }, docs)
    }
}

impl<F> TextSource for Archive<F>
where
    F: Fn(&str, usize, &str) -> Result<String> + Send + Sync,
{
    fn text(&self, document: &Document) -> Result<String> {
        let n = {
            let mut reads = self.reads.lock().expect("not poisoned");
            let n = reads.entry(document.id.clone()).or_default();
            *n += 1;
            *n
        };
        let text = self.texts.get(&document.id).expect("an archived id");
        (self.edit)(&document.id, n, text)
    }
}

/// An edit that changes nothing.
fn same(_: &str, _: usize, text: &str) -> Result<String> {
    Ok(text.to_string())
}

/// Each group's JSON line, in group order.
fn lines(groups: claimgraph::StoryGroups) -> Result<Vec<String>> {
    let mut out = Vec::new();
    groups.analyze_each(
        |group, analysis| analysis.into_report().for_group(group).to_json_line(),
        |line| {
            out.push(line);
            Ok(())
        },
    )?;
    Ok(out)
}

#[test]
fn texts_read_from_a_source_give_the_lines_of_held_texts() {
    let held = lines(Analyzer::new().story_groups(fixtures()).expect("groups")).expect("lines");
    assert!(held.len() > 1);
    for every in [1, 2, 3] {
        let (archive, docs) = Archive::of(fixtures(), |i| i % every == 0, same);
        let ids: Vec<(String, bool)> = docs.iter().map(|d| (d.id.clone(), d.text.is_empty())).collect();
        let archive = std::sync::Arc::new(archive);
        let groups = Analyzer::new().story_groups_from(docs, SharedArchive(archive.clone())).expect("groups");
        assert_eq!(lines(groups).expect("lines"), held, "every {every}th text read");
        // Texts not held are read at least three times (sentences, names,
        // the analysis), the others never.
        let reads = archive.reads.lock().expect("not poisoned");
        for (id, dropped) in ids {
            let n = reads.get(&id).copied().unwrap_or(0);
            assert!(if dropped { (3..=4).contains(&n) } else { n == 0 }, "{id}: read {n} times");
        }
    }
}

/// An archive shared with the test, to count its readings afterwards.
struct SharedArchive<F>(std::sync::Arc<Archive<F>>);

impl<F> TextSource for SharedArchive<F>
where
    F: Fn(&str, usize, &str) -> Result<String> + Send + Sync,
{
    fn text(&self, document: &Document) -> Result<String> {
        self.0.text(document)
    }
}

#[test]
fn a_text_that_changes_between_readings_is_an_error() {
    let docs = fixtures();
    let target = docs[docs.len() / 2].id.clone();
    // Changed at the second reading (the names' pass) and at the third
    // (the analysis, or the aliases' pass): the same error.
    for at in [2, 3] {
        let changed = target.clone();
        let edit = move |id: &str, n: usize, text: &str| {
            Ok(if id == changed && n >= at { text.replacen("the", "a", 1) } else { text.to_string() })
        };
        let (archive, docs) = Archive::of(fixtures(), |_| true, edit);
        let result = Analyzer::new().story_groups_from(docs, archive).and_then(lines);
        match result {
            Err(Error::TextChanged { id, first, now }) => {
                assert_eq!(id, target);
                assert!(first == now + 2 || first == now, "{first} then {now}");
            }
            other => panic!("changed at reading {at}: {other:?}"),
        }
        // A change of one byte, the length kept, is seen as well.
        let changed = target.clone();
        let edit = move |id: &str, n: usize, text: &str| {
            Ok(if id == changed && n >= at { text.replacen('e', "o", 1) } else { text.to_string() })
        };
        let (archive, docs) = Archive::of(fixtures(), |_| true, edit);
        let result = Analyzer::new().story_groups_from(docs, archive).and_then(lines);
        assert!(
            matches!(&result, Err(Error::TextChanged { id, first, now }) if *id == target && first == now),
            "{result:?}"
        );
    }
}

#[test]
fn the_first_text_that_cannot_be_read_in_document_order_is_the_error() {
    let failing = |at: usize| {
        move |id: &str, n: usize, text: &str| {
            if n >= at && (id.ends_with("_b") || id.starts_with("003") || id.starts_with("001")) {
                Err(Error::Io {
                    path: format!("{id}.txt").into(),
                    source: std::io::Error::new(std::io::ErrorKind::NotFound, "gone"),
                })
            } else {
                Ok(text.to_string())
            }
        }
    };
    let docs = fixtures();
    let mut ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    ids.sort_unstable();
    let first = ids
        .iter()
        .find(|id| id.ends_with("_b") || id.starts_with("003") || id.starts_with("001"))
        .expect("a failing id")
        .to_string();
    for threads in [1, 4] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("pool");
        // At the first reading (the vocabulary's pass), the second (the
        // names') and the third (the analysis of the groups).
        for at in [1, 2, 3] {
            let (archive, docs) = Archive::of(fixtures(), |_| true, failing(at));
            let result = pool.install(|| Analyzer::new().story_groups_from(docs, archive).and_then(lines));
            match result {
                Err(Error::Io { path, .. }) => {
                    assert_eq!(path, Path::new(&format!("{first}.txt")), "{threads} threads, reading {at}")
                }
                other => panic!("{threads} threads, reading {at}: {other:?}"),
            }
        }
    }
}

#[test]
fn a_text_read_is_checked_as_a_held_text_is() {
    let docs = || vec![Document::new("a", "Daily", ""), Document::new("b", "Echo", "")];
    let texts = |a: &'static str| {
        move |id: &str, _: usize, _: &str| {
            Ok(if id == "a" { a.to_string() } else { "The bridge was closed.".into() })
        }
    };
    let source = |a: &'static str| Archive {
        texts: [("a".to_string(), String::new()), ("b".to_string(), String::new())].into(),
        reads: Mutex::default(),
        edit: texts(a),
    };
    let err = Analyzer::new().story_groups_from(docs(), source(" \n\t ")).expect_err("a blank text");
    assert!(matches!(&err, Error::EmptyDocument { origin } if origin == "a"), "{err}");
    let long = "The bridge on the river was closed on Monday.";
    let err =
        Analyzer::new().max_doc_bytes(30).story_groups_from(docs(), source(long)).expect_err("too large");
    assert!(
        matches!(&err, Error::TooLarge { origin, size, limit: 30 } if origin == "a" && *size == long.len()),
        "{err}"
    );
    // A text given as white space is not one to read: it is empty.
    let blank = vec![Document::new("a", "Daily", " "), Document::new("b", "Echo", "")];
    let err = Analyzer::new().story_groups_from(blank, source("Unused.")).expect_err("a blank held text");
    assert!(matches!(&err, Error::EmptyDocument { origin } if origin == "a"), "{err}");
    // Metadata is still checked before any text is read.
    let err = Analyzer::new()
        .story_groups_from(vec![Document::new("a", "", "")], source("Unused."))
        .expect_err("no outlet");
    assert!(matches!(err, Error::InvalidDocument { .. }), "{err}");
    let groups = Analyzer::new().story_groups_from(docs(), source("The bridge was open.")).expect("groups");
    assert_eq!(groups.documents(), 2);
}

/// A temporary folder, removed on drop.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("claimgraph-texts-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Article files loaded without their texts are read again from their
/// files: the same lines as held texts, JSON inputs held either way; a file
/// changed after the grouping makes the analysis fail, naming its document.
#[test]
fn article_files_not_held_are_read_again_from_their_files() {
    let dir = TempDir::new("files");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let lachin = fixtures.join("lachin-corridor");
    std::fs::write(
        dir.0.join("wire.json"),
        r#"[{"id": "wire", "outlet": "Northline Wire", "text": "Officials said the Tessa Bridge was closed on Monday."}]"#,
    )
    .expect("write");
    let paths = [fixtures.clone(), dir.0.join("wire.json")];
    let load = |hold: Option<usize>| {
        load_paths(&paths, &LoadOptions { hold_text_bytes: hold, ..LoadOptions::default() }).expect("load")
    };
    let held = load(None);
    assert!(held.texts.is_empty());
    let expected =
        lines(Analyzer::new().story_groups(held.documents.clone()).expect("groups")).expect("lines");
    let text_bytes: usize = held.documents.iter().filter(|d| d.id != "wire").map(|d| d.text.len()).sum();
    // Within the budget, every text is held; over it by a byte, none of
    // the article files' (the JSON input's is).
    let all = load(Some(text_bytes));
    assert!(all.texts.is_empty() && all.documents == held.documents);
    for hold in [0, text_bytes - 1] {
        let some = load(Some(hold));
        assert_eq!(some.texts.len(), held.documents.len() - 1);
        for (d, h) in some.documents.iter().zip(&held.documents) {
            assert_eq!((&d.id, &d.meta), (&h.id, &h.meta));
            assert_eq!(d.text.is_empty(), d.id != "wire", "{}", d.id);
        }
        let groups = Analyzer::new().story_groups_from(some.documents, some.texts).expect("groups");
        assert!(lines(groups).expect("lines") == expected, "{hold} bytes held: the lines differ");
    }

    // One of the Lachin articles, copied, changed between the grouping and
    // the analysis.
    let copy = TempDir::new("changed");
    for entry in std::fs::read_dir(&lachin).expect("read fixtures") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, copy.0.join(path.file_name().expect("a name"))).expect("copy");
    }
    let loaded = load_paths(&[&copy.0], &LoadOptions { hold_text_bytes: Some(0), ..LoadOptions::default() })
        .expect("load");
    let groups = Analyzer::new().story_groups_from(loaded.documents, loaded.texts).expect("groups");
    let changed = copy.0.join("001_d538b9dfed72cb85.txt");
    let text = std::fs::read_to_string(&changed).expect("read");
    // The last "the", in the body (the first may be in the front matter).
    let at = text.rfind("the").expect("a 'the'");
    std::fs::write(&changed, format!("{}a{}", &text[..at], &text[at + 3..])).expect("write");
    match lines(groups) {
        Err(Error::TextChanged { id, first, now }) => {
            assert_eq!((id.as_str(), first), ("001_d538b9dfed72cb85", now + 2));
        }
        other => panic!("{other:?}"),
    }
    // And a file gone is an error naming it.
    let loaded = load_paths(&[&copy.0], &LoadOptions { hold_text_bytes: Some(0), ..LoadOptions::default() })
        .expect("load");
    std::fs::remove_file(&changed).expect("remove");
    match Analyzer::new().story_groups_from(loaded.documents, loaded.texts) {
        Err(Error::Io { path, .. }) => assert_eq!(path, changed),
        other => panic!("{:?}", other.map(|g| g.len())),
    }
}
