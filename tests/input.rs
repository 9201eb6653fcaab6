//! Integration tests of loading documents from files, folders and JSON.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use claimgraph::Error;
use claimgraph::input::{LoadOptions, Loaded, load_paths};

/// A temporary folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("claimgraph-input-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    /// Writes a file (creating parent folders) and returns its path.
    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn keep_going() -> LoadOptions {
    LoadOptions { keep_going: true, ..LoadOptions::default() }
}

fn load(paths: &[&Path]) -> claimgraph::Result<Loaded> {
    load_paths(paths, &LoadOptions::default())
}

fn ids(loaded: &Loaded) -> Vec<&str> {
    loaded.documents.iter().map(|d| d.id.as_str()).collect()
}

/// `(origin, message)` of each rejection.
fn rejections(loaded: &Loaded) -> Vec<(String, String)> {
    loaded.rejected.iter().map(|r| (r.origin.clone(), r.error.to_string())).collect()
}

fn origin(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn plain_text_file() {
    let dir = TempDir::new();
    let file = dir.write("bridge-report.txt", "The bridge was closed.\r\nNobody crossed.\n");
    let loaded = load(&[&file]).unwrap();
    assert_eq!(ids(&loaded), ["bridge-report"]);
    let doc = &loaded.documents[0];
    assert_eq!(doc.meta.outlet, "bridge-report");
    assert_eq!(doc.meta.title, None);
    assert_eq!(doc.text, "The bridge was closed.\r\nNobody crossed.\n");
    assert!(loaded.rejected.is_empty() && loaded.skipped.is_empty());
}

#[test]
fn front_matter_with_crlf_and_bom() {
    let dir = TempDir::new();
    let file = dir.write(
        "a1.md",
        "\u{feff}---\r\nOutlet: 'Daily Example'\r\n# comment\r\ntitle: \"Bridge closed\"\r\n\
         published: 2024-03-06T08:00:00+02:00\r\nauthor: J. Doe\r\nurl: https://example.com/a1\r\n\
         Section : Local news\r\n---\r\n\r\nBody line one.\r\nBody line two.\r\n",
    );
    let doc = load(&[&file]).unwrap().documents.remove(0);
    assert_eq!(doc.id, "a1");
    assert_eq!(doc.meta.outlet, "Daily Example");
    assert_eq!(doc.meta.title.as_deref(), Some("Bridge closed"));
    assert_eq!(doc.meta.published, Some(jiff::civil::date(2024, 3, 6)));
    assert_eq!(doc.meta.author.as_deref(), Some("J. Doe"));
    assert_eq!(doc.meta.url.as_deref(), Some("https://example.com/a1"));
    assert_eq!(doc.meta.extra.get("Section"), Some("Local news"));
    assert_eq!(doc.meta.extra.len(), 1);
    assert_eq!(doc.text, "Body line one.\r\nBody line two.\r\n");
}

#[test]
fn explicit_files_of_any_extension() {
    let dir = TempDir::new();
    let article = dir.write("notes.article.text", "Text.");
    let no_ext = dir.write("LICENSE", "More text.");
    let json = dir.write("batch.JSON", r#"[{"outlet": "A", "text": "From JSON."}]"#);
    let loaded = load(&[&article, &no_ext, &json]).unwrap();
    assert_eq!(ids(&loaded), ["notes.article", "LICENSE", "batch-0"]);
    assert_eq!(loaded.documents[2].text, "From JSON.");
}

#[test]
fn front_matter_errors_in_files() {
    let dir = TempDir::new();
    let cases: &[(&str, &str, &str)] = &[
        (
            "no-colon.txt",
            "---\noutlet: A\njust words\n---\nBody.",
            ":3: malformed front matter: expected `key: value`, got \"just words\"",
        ),
        (
            "empty-key.txt",
            "---\n\n  : x\n---\nBody.",
            ":3: malformed front matter: empty key before `:` in \": x\"",
        ),
        (
            "duplicate.txt",
            "---\r\nauthor: A\r\n# c\r\nAUTHOR: B\r\n---\r\nBody.",
            ":4: malformed front matter: duplicate key `AUTHOR` (first on line 2)",
        ),
        (
            "bad-date.txt",
            "---\npublished: 18/01/2023\n---\nBody.",
            ":2: malformed front matter: `published`: expected YYYY-MM-DD or a date-time such as 2023-01-18T10:00:00Z, got \"18/01/2023\"",
        ),
        (
            "unclosed.txt",
            "\u{feff}---\noutlet: A\n\nBody.\n",
            ":1: malformed front matter: no closing `---` line for the front matter opened here",
        ),
        ("empty.txt", "---\noutlet: A\n---\n\n   \n", ": the document is empty"),
        ("blank.txt", "", ": the document is empty"),
    ];
    for &(name, contents, suffix) in cases {
        let file = dir.write(name, contents);
        let err = load(&[&file]).unwrap_err();
        assert_eq!(err.to_string(), format!("{}{suffix}", origin(&file)), "{name}");
    }
}

#[test]
fn invalid_utf8_reports_offset_and_line() {
    let dir = TempDir::new();
    let file = dir.write("latin1.txt", b"---\noutlet: A\n---\nCaf\xe9\n");
    let err = load(&[&file]).unwrap_err();
    assert!(matches!(err, Error::InvalidUtf8 { offset: 21, line: 4, .. }), "{err:?}");
    assert_eq!(err.to_string(), format!("{}:4: not valid UTF-8 (invalid byte at offset 21)", origin(&file)));
}

#[test]
fn missing_path() {
    let dir = TempDir::new();
    let missing = dir.path("nope.txt");
    let err = load(&[&missing]).unwrap_err();
    assert!(matches!(err, Error::NotFound { ref path } if *path == missing), "{err:?}");
    assert_eq!(err.to_string(), format!("{}: no such file or folder", origin(&missing)));
}

#[test]
fn no_paths_at_all() {
    let err = load(&[]).unwrap_err();
    assert!(matches!(err, Error::NoDocuments), "{err:?}");
}

#[test]
fn json_file_happy_path() {
    let dir = TempDir::new();
    let file = dir.write(
        "wire.json",
        r#"[
  {"outlet": "Daily Example", "title": "Bridge closed", "published": "2024-03-06",
   "author": "J. Doe", "url": "https://example.com/1", "text": "The bridge was closed.\r\n",
   "rank": 3, "verified": true, "desk": "local", "correction": null},
  {"id": "evening-1", "outlet": "Evening Example", "text": "The bridge was open."}
]"#,
    );
    let loaded = load(&[&file]).unwrap();
    assert_eq!(ids(&loaded), ["wire-0", "evening-1"]);
    let doc = &loaded.documents[0];
    assert_eq!(doc.meta.outlet, "Daily Example");
    assert_eq!(doc.meta.title.as_deref(), Some("Bridge closed"));
    assert_eq!(doc.meta.published, Some(jiff::civil::date(2024, 3, 6)));
    assert_eq!(doc.meta.author.as_deref(), Some("J. Doe"));
    assert_eq!(doc.meta.url.as_deref(), Some("https://example.com/1"));
    assert_eq!(doc.text, "The bridge was closed.\r\n");
    let extra: Vec<(&str, &str)> = doc.meta.extra.iter().collect();
    assert_eq!(extra, [("desk", "local"), ("rank", "3"), ("verified", "true")]);
}

#[test]
fn json_file_errors() {
    let dir = TempDir::new();
    let cases: &[(&str, &str, &str)] = &[
        (
            "syntax.json",
            "[\n  {\"outlet\": \"A\" \"text\": \"x\"}\n]",
            ":2:18: invalid JSON input: expected `,` or `}`",
        ),
        (
            "object.json",
            "{\"outlet\": \"A\", \"text\": \"x\"}",
            ":1:1: invalid JSON input: expected a top-level array of objects, got an object",
        ),
        (
            "no-text.json",
            "[\n  {\"outlet\": \"A\", \"text\": \"x\"},\n  {\"outlet\": \"B\"}\n]",
            "[1]:3:3: invalid JSON input: field `text` is missing",
        ),
        ("no-outlet.json", "[{\"text\": \"x\"}]", "[0]:1:2: invalid JSON input: field `outlet` is missing"),
        (
            "bad-date.json",
            "[{\"outlet\": \"A\", \"text\": \"x\", \"published\": \"yesterday\"}]",
            "[0]:1:2: invalid JSON input: field `published`: expected YYYY-MM-DD or a date-time such as 2023-01-18T10:00:00Z, got \"yesterday\"",
        ),
        (
            "nested.json",
            "[{\"outlet\": \"A\", \"text\": \"x\", \"tags\": {\"a\": 1}}]",
            "[0]:1:2: invalid JSON input: field `tags`: expected a string, number or boolean, got an object",
        ),
        ("empty-text.json", "[{\"outlet\": \"A\", \"text\": \"\"}]", "[0]: the document is empty"),
    ];
    for &(name, contents, suffix) in cases {
        let file = dir.write(name, contents);
        let err = load(&[&file]).unwrap_err();
        assert_eq!(err.to_string(), format!("{}{suffix}", origin(&file)), "{name}");
    }
}

#[test]
fn folder_entries_sorted_by_byte_order_and_recursive() {
    let dir = TempDir::new();
    for name in ["b.txt", "a_.txt", "a.md", "C.txt", "m/z.txt", "m/y.md", "n.txt", "Z/x.txt"] {
        dir.write(name, format!("Text of {name}."));
    }
    let loaded = load(&[&dir.0]).unwrap();
    assert_eq!(ids(&loaded), ["C", "x", "a", "a_", "b", "y", "z", "n"]);
    assert_eq!(loaded.documents[0].text, "Text of C.txt.");
}

#[test]
fn paths_are_loaded_in_the_order_given() {
    let dir = TempDir::new();
    let folder = dir.path("folder");
    dir.write("folder/b.txt", "B.");
    dir.write("folder/a.txt", "A.");
    let single = dir.write("single.txt", "S.");
    let loaded = load(&[&single, &folder]).unwrap();
    assert_eq!(ids(&loaded), ["single", "a", "b"]);
}

#[test]
fn skipped_and_hidden_entries() {
    let dir = TempDir::new();
    dir.write("story.txt", "Story.");
    dir.write("README.md", "About this folder.");
    dir.write("sub/readme.MD", "About the subfolder.");
    dir.write("sub/Notes.TXT", "Notes.");
    dir.write("photo.png", b"\x89PNG");
    dir.write("Makefile", "all:");
    dir.write(".DS_Store", "junk");
    dir.write(".hidden.txt", "Hidden.");
    dir.write(".git/HEAD.txt", "Hidden folder.");
    let loaded = load(&[&dir.0]).unwrap();
    assert_eq!(ids(&loaded), ["story", "Notes"]);
    let expected: Vec<PathBuf> =
        ["Makefile", "README.md", "photo.png", "sub/readme.MD"].iter().map(|n| dir.path(n)).collect();
    assert_eq!(loaded.skipped, expected);
}

#[test]
fn an_explicit_hidden_file_or_readme_is_loaded() {
    let dir = TempDir::new();
    let hidden = dir.write(".draft.txt", "Draft.");
    let readme = dir.write("README.md", "Readme text.");
    let loaded = load(&[&hidden, &readme]).unwrap();
    assert_eq!(ids(&loaded), [".draft", "README"]);
}

#[test]
fn duplicate_ids_across_a_folder_and_a_json_file() {
    let dir = TempDir::new();
    let folder = dir.path("articles");
    let txt = dir.write("articles/x1.txt", "From a file.");
    let json = dir.write(
        "more.json",
        r#"[{"id": "y1", "outlet": "A", "text": "Y."}, {"id": "x1", "outlet": "B", "text": "X."}]"#,
    );
    let err = load(&[&folder, &json]).unwrap_err();
    assert!(matches!(err, Error::DuplicateId { ref id, .. } if id == "x1"), "{err:?}");
    let message = format!("duplicate document id `x1`: {} and {}[1]", origin(&txt), origin(&json));
    assert_eq!(err.to_string(), message);

    let loaded = load_paths(&[&folder, &json], &keep_going()).unwrap();
    assert_eq!(ids(&loaded), ["x1", "y1"]);
    assert_eq!(loaded.documents[0].text, "From a file.");
    assert_eq!(rejections(&loaded), [(format!("{}[1]", origin(&json)), message)]);
}

#[test]
fn the_same_file_twice_is_a_duplicate() {
    let dir = TempDir::new();
    let file = dir.write("a.txt", "A.");
    let err = load(&[&file, &file]).unwrap_err();
    assert_eq!(err.to_string(), format!("duplicate document id `a`: {0} and {0}", origin(&file)));
}

#[test]
fn without_keep_going_the_first_error_in_order_is_returned() {
    let dir = TempDir::new();
    dir.write("a-good.txt", "Fine.");
    let first = dir.write("b-bad.txt", "---\noops\n---\nBody.");
    dir.write("c-bad.txt", "");
    let err = load(&[&dir.0]).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}:2: malformed front matter: expected `key: value`, got \"oops\"", origin(&first))
    );
}

#[test]
fn keep_going_collects_every_rejection() {
    let dir = TempDir::new();
    dir.write("docs/a.txt", "Good A.");
    let bad_fm = dir.write("docs/b.txt", "---\ntitle: x\ntitle: y\n---\nBody.");
    let bad_utf8 = dir.write("docs/c.txt", b"ok\n\xff");
    let empty = dir.write("docs/d.md", " \n\t\n");
    dir.write("docs/e.txt", "Good E.");
    let json = dir.write(
        "docs/f.json",
        r#"[{"id": "f-ok", "outlet": "F", "text": "Good F."}, {"outlet": "G"}, {"id": "a", "outlet": "H", "text": "Dup."}]"#,
    );
    let broken = dir.write("docs/g.json", "[1,");
    let missing = dir.path("missing.txt");
    let extra = dir.write("z.txt", "Good Z.");

    let loaded = load_paths(&[&dir.path("docs"), &missing, &extra], &keep_going()).unwrap();
    assert_eq!(ids(&loaded), ["a", "e", "f-ok", "z"]);
    let a = origin(&dir.path("docs/a.txt"));
    let expected = [
        (
            origin(&bad_fm),
            format!("{}:3: malformed front matter: duplicate key `title` (first on line 2)", origin(&bad_fm)),
        ),
        (origin(&bad_utf8), format!("{}:2: not valid UTF-8 (invalid byte at offset 3)", origin(&bad_utf8))),
        (origin(&empty), format!("{}: the document is empty", origin(&empty))),
        (
            format!("{}[1]", origin(&json)),
            format!("{}[1]:1:52: invalid JSON input: field `text` is missing", origin(&json)),
        ),
        (format!("{}[2]", origin(&json)), format!("duplicate document id `a`: {a} and {}[2]", origin(&json))),
        (origin(&broken), format!("{}:1:3: invalid JSON input: EOF while parsing a value", origin(&broken))),
        (origin(&missing), format!("{}: no such file or folder", origin(&missing))),
    ];
    assert_eq!(rejections(&loaded), expected);
}

#[test]
fn keep_going_with_everything_rejected_is_ok_and_empty() {
    let dir = TempDir::new();
    let empty = dir.write("empty.txt", "");
    let missing = dir.path("missing");
    let loaded = load_paths(&[&empty, &missing], &keep_going()).unwrap();
    assert!(loaded.documents.is_empty());
    assert_eq!(loaded.rejected.len(), 2);
    assert!(matches!(loaded.rejected[0].error, Error::EmptyDocument { .. }));
    assert!(matches!(loaded.rejected[1].error, Error::NotFound { .. }));
}

#[test]
fn an_empty_folder_loads_nothing() {
    let dir = TempDir::new();
    let loaded = load(&[&dir.0]).unwrap();
    assert!(loaded.documents.is_empty() && loaded.rejected.is_empty() && loaded.skipped.is_empty());
}

#[test]
fn max_doc_bytes() {
    let dir = TempDir::new();
    let small = dir.write("small.txt", "12345");
    let big = dir.write("big.txt", "---\noutlet: A\n---\n123456");
    let json = dir.write("batch.json", r#"[{"id": "j-small", "outlet": "A", "text": "12345"}, {"id": "j-big", "outlet": "A", "text": "123456"}]"#);
    let options = LoadOptions { keep_going: true, max_doc_bytes: Some(5), hold_text_bytes: None };
    let loaded = load_paths(&[&small, &big, &json], &options).unwrap();
    assert_eq!(ids(&loaded), ["small", "j-small"]);
    assert_eq!(
        rejections(&loaded),
        [
            (origin(&big), format!("{}: document is 24 bytes, over the limit of 5 bytes", origin(&big))),
            (
                format!("{}[1]", origin(&json)),
                format!("{}[1]: document is 6 bytes, over the limit of 5 bytes", origin(&json))
            ),
        ]
    );
    let unlimited = load_paths(&[&small, &big, &json], &LoadOptions::default()).unwrap();
    assert_eq!(unlimited.documents.len(), 4);
}

#[test]
fn invalid_id_from_a_file_name() {
    let dir = TempDir::new();
    let file = dir.write("two words.txt", "Text.");
    let err = load(&[&file]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid document `two words`: the id must not contain whitespace, control characters or `:`"
    );
}

#[cfg(unix)]
#[test]
fn symlinks_are_followed_without_looping() {
    use std::os::unix::fs::symlink;

    let dir = TempDir::new();
    dir.write("root/a.txt", "A.");
    dir.write("elsewhere/b.txt", "B.");
    symlink(dir.path("root"), dir.path("root/loop")).unwrap();
    symlink(dir.path("elsewhere"), dir.path("root/other")).unwrap();
    symlink(dir.path("elsewhere/b.txt"), dir.path("root/c.txt")).unwrap();
    let loaded = load(&[&dir.path("root")]).unwrap();
    assert_eq!(ids(&loaded), ["a", "c", "b"]);
    assert_eq!(loaded.skipped, [dir.path("root/loop")]);
}

#[cfg(unix)]
#[test]
fn a_broken_symlink_is_a_read_error() {
    use std::os::unix::fs::symlink;

    let dir = TempDir::new();
    dir.write("root/a.txt", "A.");
    symlink(dir.path("nowhere.txt"), dir.path("root/b.txt")).unwrap();
    let err = load(&[&dir.path("root")]).unwrap_err();
    assert!(matches!(err, Error::Io { ref path, .. } if *path == dir.path("root/b.txt")), "{err:?}");
    assert!(err.to_string().starts_with(&format!("{}: cannot read: ", origin(&dir.path("root/b.txt")))));
    let loaded = load_paths(&[&dir.path("root")], &keep_going()).unwrap();
    assert_eq!(ids(&loaded), ["a"]);
    assert_eq!(loaded.rejected[0].origin, origin(&dir.path("root/b.txt")));
}

#[test]
fn lachin_corridor_fixtures() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/lachin-corridor");
    let loaded = load(&[&folder]).unwrap();
    assert!(loaded.rejected.is_empty());
    // The gold expectations sit beside the articles and are not read as articles.
    assert_eq!(loaded.skipped, [folder.join("expected.toml")]);
    let summary: Vec<(&str, &str, String)> = loaded
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.meta.outlet.as_str(), d.meta.published.unwrap().to_string()))
        .collect();
    assert_eq!(
        summary,
        [
            ("000_c350b0e48f9a3b33", "The Armenian Mirror-Spectator", "2023-01-18".to_string()),
            ("001_d538b9dfed72cb85", "Azatutyun (RFE/RL Armenian Service)", "2023-07-18".to_string()),
            ("002_cc20fca21981c4c9", "AzerNews", "2023-01-24".to_string()),
            ("003_2171a2abd03856d2", "Asbarez", "2023-06-23".to_string()),
            ("004_2a55fcc27fdfc66d", "TASS", "2023-05-01".to_string()),
        ]
    );
    for doc in &loaded.documents {
        let title = doc.meta.title.as_deref().unwrap();
        assert!(doc.text.contains(title), "{}: title not in text", doc.id);
        assert!(doc.meta.author.is_some(), "{}", doc.id);
        for key in ["perspective", "kind"] {
            assert!(doc.meta.extra.contains_key(key), "{}: no {key}", doc.id);
        }
        assert!(!doc.text.starts_with(['\n', '\r']), "{}: body starts with a blank line", doc.id);
    }
    let reprint = &loaded.documents[1].meta.extra;
    assert_eq!(reprint["published_by"], "The Armenian Mirror-Spectator");
    assert!(reprint["date_note"].starts_with("inferred"));
    assert!(loaded.documents[0].text.ends_with("Get the Mirror-Spectator Weekly in your inbox:"));
}
