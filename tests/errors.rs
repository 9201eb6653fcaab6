//! Every message of [`claimgraph::Error`], as users see it, produced the
//! way users meet it (through the loading and analysis API) wherever that
//! is possible. Inline snapshots: a change to a message shows in review.

use std::path::PathBuf;

use claimgraph::input::{LoadOptions, load_paths, parse_document, parse_json};
use claimgraph::{Analyzer, Document, Error, Lexicon};

fn options() -> LoadOptions {
    LoadOptions::default()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimgraph-errors-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn io() {
    // A folder where a lexicon file is expected cannot be read as a file.
    let dir = scratch("io");
    let err = Lexicon::from_file(&dir).unwrap_err();
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    let message = err.to_string().replace(&dir.display().to_string(), "DIR");
    insta::assert_snapshot!(message, @"DIR: cannot read: Is a directory (os error 21)");
    let _ = std::fs::remove_dir_all(&dir);

    let err = Error::Io {
        path: "secret/a.txt".into(),
        source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied"),
    };
    insta::assert_snapshot!(err.to_string(), @"secret/a.txt: cannot read: permission denied");
}

#[test]
fn not_found() {
    let err = load_paths(&["no/such/article.txt"], &options()).unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    insta::assert_snapshot!(err.to_string(), @"no/such/article.txt: no such file or folder");
    let err = Lexicon::from_file("no/such/lexicon.txt").unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"no/such/lexicon.txt: no such file or folder");
}

#[test]
fn invalid_utf8() {
    let err = parse_document("a", "a.txt", b"line one\nline \xff two", &options()).unwrap_err();
    assert!(matches!(err, Error::InvalidUtf8 { .. }), "{err:?}");
    insta::assert_snapshot!(err.to_string(), @"a.txt:2: not valid UTF-8 (invalid byte at offset 14)");
    let err = parse_json("in.json", "in", b"[\"\xc3\"]", &options()).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"in.json:1: not valid UTF-8 (invalid byte at offset 2)");
}

#[test]
fn empty_document() {
    let err = parse_document("a", "a.txt", b"---\noutlet: A\n---\n \r\n\t\n", &options()).unwrap_err();
    assert!(matches!(err, Error::EmptyDocument { .. }), "{err:?}");
    insta::assert_snapshot!(err.to_string(), @"a.txt: the document is empty");
    let err = Analyzer::new().analyze(vec![Document::new("a", "A", " \r\n\t")]).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"a: the document is empty");
}

#[test]
fn front_matter() {
    let cases: &[&[u8]] = &[
        b"---\noutlet: A\nno colon\n---\nBody.",
        b"---\n: v\n---\nBody.",
        b"---\ntitle: A\nTitle: B\n---\nBody.",
        b"---\npublished: 2023-02-30\n---\nBody.",
        b"---\noutlet: ''\n---\nBody.",
        b"---\noutlet: A\nBody.",
    ];
    let messages: Vec<String> = cases
        .iter()
        .map(|bytes| {
            let err = parse_document("a", "a.txt", bytes, &options()).unwrap_err();
            assert!(matches!(err, Error::FrontMatter { .. }), "{err:?}");
            err.to_string()
        })
        .collect();
    insta::assert_snapshot!(messages.join("\n"), @r#"
    a.txt:3: malformed front matter: expected `key: value`, got "no colon"
    a.txt:2: malformed front matter: empty key before `:` in ": v"
    a.txt:3: malformed front matter: duplicate key `Title` (first on line 2)
    a.txt:2: malformed front matter: `published`: expected YYYY-MM-DD or a date-time such as 2023-01-18T10:00:00Z, got "2023-02-30"
    a.txt:2: malformed front matter: `outlet` is empty
    a.txt:1: malformed front matter: no closing `---` line for the front matter opened here
    "#);
}

#[test]
fn json() {
    let cases: &[&str] = &[
        "[",
        "{\"outlet\": \"A\"}",
        "[\"x\"]",
        "[{\"outlet\": \"A\"}]",
        "[{\"outlet\": \"A\", \"text\": 3}]",
        "[{\"outlet\": \"A\", \"text\": \"x\", \"tags\": []}]",
    ];
    let messages: Vec<String> = cases
        .iter()
        .map(|json| {
            let err = parse_json("in.json", "in", json.as_bytes(), &options()).unwrap_err();
            assert!(matches!(err, Error::Json { .. }), "{err:?}");
            err.to_string()
        })
        .collect();
    insta::assert_snapshot!(messages.join("\n"), @r"
    in.json:1:1: invalid JSON input: EOF while parsing a list
    in.json:1:1: invalid JSON input: expected a top-level array of objects, got an object
    in.json[0]:1:2: invalid JSON input: expected an object, got a string
    in.json[0]:1:2: invalid JSON input: field `text` is missing
    in.json[0]:1:2: invalid JSON input: field `text`: expected a string, got a number
    in.json[0]:1:2: invalid JSON input: field `tags`: expected a string, number or boolean, got an array
    ");
}

#[test]
fn duplicate_id() {
    let json = br#"[{"id": "x", "outlet": "A", "text": "a"}, {"id": "x", "outlet": "B", "text": "b"}]"#;
    let err = parse_json("in.json", "in", json, &options()).unwrap_err();
    assert!(matches!(err, Error::DuplicateId { .. }), "{err:?}");
    insta::assert_snapshot!(err.to_string(), @"duplicate document id `x`: in.json[0] and in.json[1]");
    let docs = vec![
        Document::new("x", "A", "One."),
        Document::new("y", "B", "Two."),
        Document::new("x", "C", "Three."),
    ];
    let err = Analyzer::new().analyze(docs).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"duplicate document id `x`: documents[0] and documents[2]");
}

#[test]
fn lexicon() {
    let messages: Vec<String> = ["shout loudly", "alias: one", "antonyms: open", "colour: red", "hedge:"]
        .iter()
        .map(|line| {
            let err = Lexicon::parse("my.lex", &format!("# comment\n{line}\n")).unwrap_err();
            assert!(matches!(err, Error::Lexicon { .. }), "{err:?}");
            err.to_string()
        })
        .collect();
    insta::assert_snapshot!(messages.join("\n"), @r"
    my.lex:2: invalid lexicon entry: expected `kind: value`, found `shout loudly`
    my.lex:2: invalid lexicon entry: an alias line needs at least two names separated by `|`
    my.lex:2: invalid lexicon entry: an antonyms line needs two poles separated by `|`
    my.lex:2: invalid lexicon entry: unknown kind `colour` (expected alias, antonyms, loaded, distancing, endorsing, denial, hedge or reporting)
    my.lex:2: invalid lexicon entry: `hedge` needs a value
    ");
}

#[test]
fn too_large() {
    let limited = LoadOptions { max_doc_bytes: Some(10), ..options() };
    let err = parse_document("a", "a.txt", b"Eleven bytes", &limited).unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }), "{err:?}");
    insta::assert_snapshot!(err.to_string(), @"a.txt: document is 12 bytes, over the limit of 10 bytes");
    let err = Analyzer::new().max_doc_bytes(4).analyze(vec![Document::new("a", "A", "Five.")]).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"a: document is 5 bytes, over the limit of 4 bytes");
}

#[test]
fn invalid_document() {
    let messages: Vec<String> = [("", "A"), ("a b", "A"), ("a:1", "A"), ("a", " ")]
        .iter()
        .map(|(id, outlet)| {
            let err = Analyzer::new().analyze(vec![Document::new(*id, *outlet, "Text.")]).unwrap_err();
            assert!(matches!(err, Error::InvalidDocument { .. }), "{err:?}");
            err.to_string()
        })
        .collect();
    insta::assert_snapshot!(messages.join("\n"), @r"
    invalid document ``: the id is empty
    invalid document `a b`: the id must not contain whitespace, control characters or `:`
    invalid document `a:1`: the id must not contain whitespace, control characters or `:`
    invalid document `a`: the outlet is empty
    ");
}

#[test]
fn no_documents() {
    let err = Analyzer::new().analyze(Vec::new()).unwrap_err();
    assert!(matches!(err, Error::NoDocuments), "{err:?}");
    insta::assert_snapshot!(err.to_string(), @"no documents to analyse");
    let empty: [&str; 0] = [];
    let err = load_paths(&empty, &options()).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"no documents to analyse");
}

#[test]
fn write() {
    let err = Error::Write {
        path: "out/report.md".into(),
        source: std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory"),
    };
    insta::assert_snapshot!(err.to_string(), @"out/report.md: cannot write: No such file or directory");
}
