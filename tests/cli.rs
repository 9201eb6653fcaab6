//! Integration tests of the `claimgraph` binary: bad input gives a clear
//! error naming the file (and line) with exit code 2 and no panic;
//! `--keep-going` analyses the good inputs, lists the bad ones and exits
//! with 1; the output formats, `--output` and the `claims` and
//! `attributions` subcommands work;
//! output is deterministic.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

/// A temporary folder with a unique name, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("claimgraph-cli-{}-{name}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }

    /// Writes a file (creating parent folders) and returns its path.
    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("create parent");
        std::fs::write(&path, contents).expect("write temp file");
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

/// What a run of the binary produced.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let out = Command::new(env!("CARGO_BIN_EXE_claimgraph")).args(args).output().expect("run claimgraph");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn show(path: &Path) -> String {
    path.display().to_string()
}

/// Two articles that contradict each other: one says the bridge was closed,
/// the other that it was not.
const CLOSED: &str =
    "---\noutlet: Harbor Gazette\n---\n\nPolice said the Tessa Bridge was closed on Monday.\n";
const NOT_CLOSED: &str =
    "---\noutlet: Valley Echo\n---\n\nThe Tessa Bridge was not closed on Monday, the mayor said.\n";

/// A folder holding the two good articles.
fn good_story(dir: &TempDir) -> PathBuf {
    dir.write("story/gazette.txt", CLOSED);
    dir.write("story/echo.txt", NOT_CLOSED);
    dir.path("story")
}

/// Asserts a run failed on bad input: exit code 2, nothing on stdout, and one
/// `claimgraph: error:` line holding every piece of `expected`, without a
/// panic.
fn assert_input_error(r: &Run, expected: &[&str]) {
    assert_eq!(r.code, Some(2), "exit code; stderr: {}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "panic: {}", r.stderr);
    assert!(r.stdout.is_empty(), "output despite the error: {}", r.stdout);
    let line = r
        .stderr
        .lines()
        .find(|l| l.starts_with("claimgraph: error: "))
        .unwrap_or_else(|| panic!("no `claimgraph: error:` line in {:?}", r.stderr));
    for piece in expected {
        assert!(line.contains(piece), "{piece:?} not in the error {line:?}");
    }
}

#[test]
fn missing_folder() {
    let dir = TempDir::new("missing");
    let missing = dir.path("no-such-folder");
    let r = run(["report".as_ref(), missing.as_os_str()]);
    assert_input_error(&r, &[&show(&missing), "no such file or folder"]);
}

#[test]
fn non_utf8_file() {
    let dir = TempDir::new("utf8");
    let bad = dir.write("latin1.txt", b"---\noutlet: A\n---\nCaf\xe9 owners said the road was closed.\n");
    let r = run(["report".as_ref(), bad.as_os_str()]);
    // The invalid byte is on line 4.
    assert_input_error(&r, &[&format!("{}:4:", show(&bad)), "not valid UTF-8"]);
}

#[test]
fn non_utf8_file_in_a_folder() {
    let dir = TempDir::new("utf8-folder");
    let story = good_story(&dir);
    let bad = dir.write("story/latin1.txt", b"Caf\xe9.\n");
    let r = run(["report".as_ref(), story.as_os_str()]);
    assert_input_error(&r, &[&format!("{}:1:", show(&bad)), "not valid UTF-8"]);
}

#[test]
fn empty_file() {
    let dir = TempDir::new("empty");
    let empty = dir.write("empty.txt", "");
    let r = run(["report".as_ref(), empty.as_os_str()]);
    assert_input_error(&r, &[&show(&empty), "empty"]);

    let blank = dir.write("blank.txt", "---\noutlet: A\n---\n\n  \n");
    let r = run(["report".as_ref(), blank.as_os_str()]);
    assert_input_error(&r, &[&show(&blank), "empty"]);
}

#[test]
fn malformed_front_matter_names_file_and_line() {
    let dir = TempDir::new("front-matter");
    let bad = dir.write("bad.txt", "---\noutlet: A\ntitle: T\nno colon on this line\n---\n\nBody text.\n");
    let r = run(["report".as_ref(), bad.as_os_str()]);
    assert_input_error(&r, &[&format!("{}:4:", show(&bad)), "front matter", "no colon on this line"]);

    let unclosed = dir.write("unclosed.txt", "---\noutlet: A\n\nBody text.\n");
    let r = run(["report".as_ref(), unclosed.as_os_str()]);
    assert_input_error(&r, &[&format!("{}:1:", show(&unclosed)), "front matter", "closing"]);

    let bad_date = dir.write("date.txt", "---\noutlet: A\npublished: last week\n---\nBody.\n");
    let r = run(["report".as_ref(), bad_date.as_os_str()]);
    assert_input_error(&r, &[&format!("{}:3:", show(&bad_date)), "published", "last week"]);
}

#[test]
fn duplicate_document_id() {
    let dir = TempDir::new("duplicate");
    let first = dir.write("one/same.txt", CLOSED);
    let second = dir.write("two/same.txt", NOT_CLOSED);
    let r = run(["report".as_ref(), dir.path("one").as_os_str(), dir.path("two").as_os_str()]);
    assert_input_error(&r, &["duplicate document id", "same", &show(&first), &show(&second)]);
}

#[test]
fn bad_lexicon_names_file_and_line() {
    let dir = TempDir::new("lexicon");
    let story = good_story(&dir);
    let lexicon = dir.write("story.lex", "# aliases\nalias: Tessa Bridge | Old Span\nalias Old Span\n");
    let r = run(["report".as_ref(), "--lexicon".as_ref(), lexicon.as_os_str(), story.as_os_str()]);
    assert_input_error(&r, &[&format!("{}:3:", show(&lexicon)), "lexicon"]);

    let missing = dir.path("missing.lex");
    let r = run(["report".as_ref(), "--lexicon".as_ref(), missing.as_os_str(), story.as_os_str()]);
    assert_input_error(&r, &[&show(&missing), "no such file"]);
}

#[test]
fn oversized_document() {
    let dir = TempDir::new("size");
    let story = good_story(&dir);
    let r = run(["report".as_ref(), "--max-doc-bytes".as_ref(), "40".as_ref(), story.as_os_str()]);
    assert_input_error(&r, &["echo.txt", "over the limit of 40 bytes"]);
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [&["report"][..], &["report", "--format", "xml", "x"], &["frobnicate"], &[]] {
        let r = run(args);
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.stderr);
        assert!(!r.stderr.is_empty(), "{args:?}: no message");
        assert!(r.stdout.is_empty(), "{args:?}: output {}", r.stdout);
        assert!(!r.stderr.contains("panicked"), "{args:?}: {}", r.stderr);
    }
}

/// A mix of good and bad inputs: two good articles, a non-UTF-8 file, an
/// empty file, a malformed front matter, a duplicate id in another folder,
/// a missing path.
struct Mix {
    dir: TempDir,
    args: Vec<PathBuf>,
    bad: Vec<PathBuf>,
}

fn mix() -> Mix {
    let dir = TempDir::new("mix");
    let story = good_story(&dir);
    let bad = vec![
        dir.write("story/latin1.txt", b"Caf\xe9.\n"),
        dir.write("story/empty.txt", ""),
        dir.write("story/front.txt", "---\noutlet A\n---\nBody.\n"),
        dir.write("other/echo.txt", NOT_CLOSED),
        dir.path("missing.txt"),
    ];
    let args = vec![story, dir.path("other"), dir.path("missing.txt")];
    Mix { dir, args, bad }
}

#[test]
fn keep_going_markdown() {
    let m = mix();
    let mut args: Vec<&std::ffi::OsStr> = vec!["report".as_ref(), "--keep-going".as_ref()];
    args.extend(m.args.iter().map(|p| p.as_os_str()));
    let r = run(&args);
    assert_eq!(r.code, Some(1), "stderr: {}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    for bad in &m.bad {
        let listed =
            r.stderr.lines().any(|l| l.starts_with("claimgraph: rejected ") && l.contains(&show(bad)));
        assert!(listed, "{} not listed on stderr: {}", bad.display(), r.stderr);
    }
    let front = show(&m.bad[2]);
    assert!(r.stderr.contains(&format!("{front}:2:")), "no line number for {front}: {}", r.stderr);

    let md = &r.stdout;
    let section = md.find("**Rejected inputs**").expect("a Rejected inputs section");
    let rejected: Vec<&str> = md[section..]
        .lines()
        .skip(1)
        .skip_while(|l| l.is_empty())
        .take_while(|l| l.starts_with("- "))
        .collect();
    assert_eq!(rejected.len(), m.bad.len(), "{rejected:#?}");
    for bad in &m.bad {
        let name = bad.file_name().unwrap().to_string_lossy().into_owned();
        assert!(rejected.iter().any(|l| l.contains(&name)), "{name} not in {rejected:#?}");
    }
    // The good inputs were analysed: both are in the documents table, and
    // their contradiction is reported.
    assert!(md.contains("| `gazette` | Harbor Gazette |"), "{md}");
    assert!(md.contains("| `echo` | Valley Echo |"), "{md}");
    assert!(md.starts_with("# claimgraph report\n\n2 documents,"), "{md}");
    assert!(md.contains("### 1."), "no divergence found in the good inputs: {md}");
    drop(m.dir);
}

#[test]
fn keep_going_json() {
    let m = mix();
    let mut args: Vec<&std::ffi::OsStr> =
        vec!["report".as_ref(), "--keep-going".as_ref(), "--format".as_ref(), "json".as_ref()];
    args.extend(m.args.iter().map(|p| p.as_os_str()));
    let r = run(&args);
    assert_eq!(r.code, Some(1), "stderr: {}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON output");
    let origins: Vec<&str> = v["inputs"]["rejected"]
        .as_array()
        .expect("inputs.rejected")
        .iter()
        .map(|x| x["origin"].as_str().expect("origin"))
        .collect();
    let mut expected: Vec<String> = m.bad.iter().map(|p| show(p)).collect();
    expected.sort();
    assert_eq!(origins, expected);
    for x in v["inputs"]["rejected"].as_array().unwrap() {
        assert!(!x["reason"].as_str().unwrap_or("").is_empty(), "{x}");
    }
    let ids: Vec<&str> =
        v["documents"].as_array().expect("documents").iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["echo", "gazette"]);
    assert_eq!(v["inputs"]["documents"], 2);
    let contradictions = v["relations"]
        .as_array()
        .expect("relations")
        .iter()
        .filter(|x| x["relation"] == "contradict")
        .count();
    assert!(contradictions >= 1, "the good inputs were not compared: {}", v["relations"]);
}

/// `--format jsonl`: a header line accounting for every input, then one
/// report per group of stories, each a JSON object on one line.
#[test]
fn keep_going_jsonl() {
    let m = mix();
    let mut args: Vec<&std::ffi::OsStr> =
        vec!["report".as_ref(), "--keep-going".as_ref(), "--format".as_ref(), "jsonl".as_ref()];
    args.extend(m.args.iter().map(|p| p.as_os_str()));
    let r = run(&args);
    assert_eq!(r.code, Some(1), "stderr: {}", r.stderr);
    let lines: Vec<Value> =
        r.stdout.lines().map(|l| serde_json::from_str(l).expect("each line is a JSON object")).collect();
    assert!(r.stdout.ends_with('\n'), "{}", r.stdout);
    let header = &lines[0];
    assert_eq!(header["format"], "claimgraph-groups/1");
    let mut expected: Vec<String> = m.bad.iter().map(|p| show(p)).collect();
    expected.sort();
    let origins: Vec<&str> = header["inputs"]["rejected"]
        .as_array()
        .expect("rejected")
        .iter()
        .map(|x| x["origin"].as_str().unwrap())
        .collect();
    assert_eq!(origins, expected);
    assert_eq!(header["inputs"]["rejected_count"], m.bad.len());
    assert_eq!(header["inputs"]["read"], 2 + m.bad.len());
    assert_eq!(header["inputs"]["documents"], 2);
    let groups = header["inputs"]["groups"].as_u64().expect("groups") as usize;
    assert_eq!(lines.len(), 1 + groups);
    // The two good articles share one name, once each: two stories, one
    // group, with their contradiction.
    assert_eq!((header["inputs"]["stories"].as_u64(), groups), (Some(2), 1));
    let group = &lines[1];
    assert_eq!(group["format"], "claimgraph-report/1");
    assert_eq!(group["group"], 0);
    let ids: Vec<&str> =
        group["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["echo", "gazette"]);
    assert!(group["relations"].as_array().unwrap().iter().any(|x| x["relation"] == "contradict"), "{group}");
    // Each group counts only itself; the header holds the rejected inputs.
    assert_eq!(group["inputs"]["rejected_count"], 0);
    drop(m.dir);
}

/// `--format jsonl` to a file that cannot be created is a write error.
#[test]
fn unwritable_jsonl_output_is_a_write_error() {
    let dir = TempDir::new("unwritable-jsonl");
    let story = good_story(&dir);
    let bad = dir.path("no-such-folder/report.jsonl");
    let r = run([
        "report".as_ref(),
        "--format".as_ref(),
        "jsonl".as_ref(),
        "--output".as_ref(),
        bad.as_os_str(),
        story.as_os_str(),
    ]);
    assert_input_error(&r, &[&show(&bad), "write"]);
}

#[test]
fn keep_going_with_nothing_good_fails() {
    let dir = TempDir::new("all-bad");
    let empty = dir.write("empty.txt", "");
    let missing = dir.path("missing");
    let r = run(["report".as_ref(), "--keep-going".as_ref(), empty.as_os_str(), missing.as_os_str()]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    for bad in [&empty, &missing] {
        assert!(r.stderr.contains(&format!("claimgraph: rejected {}", show(bad))), "{}", r.stderr);
    }
    assert!(r.stderr.contains("claimgraph: error: no documents to analyse"), "{}", r.stderr);
}

/// The Markdown report lists rejected files under their real names, even
/// when the name has characters Markdown would treat as emphasis.
#[test]
fn rejected_names_are_shown_verbatim() {
    let dir = TempDir::new("verbatim");
    let story = good_story(&dir);
    let bad = dir.write("story/bad_name.txt", "");
    let r = run(["report".as_ref(), "--keep-going".as_ref(), story.as_os_str()]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stdout.contains(&format!("- `{}`", show(&bad))), "{}", r.stdout);
}

#[test]
fn skipped_files_are_not_silent() {
    let dir = TempDir::new("skipped");
    let story = good_story(&dir);
    let photo = dir.write("story/photo.png", b"\x89PNG");
    let r = run(["report".as_ref(), "--format".as_ref(), "json".as_ref(), story.as_os_str()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains(&show(&photo)), "skipped file not mentioned: {}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON output");
    assert_eq!(v["inputs"]["skipped"], serde_json::json!([show(&photo)]));
    // The Markdown report lists it too.
    let r = run(["report".as_ref(), story.as_os_str()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("**Skipped files**"), "{}", r.stdout);
    assert!(r.stdout.contains(&format!("- `{}`", show(&photo))), "{}", r.stdout);
}

#[test]
fn json_has_the_contract_keys() {
    let dir = TempDir::new("json");
    let story = good_story(&dir);
    let r = run(["report".as_ref(), "--format".as_ref(), "json".as_ref(), story.as_os_str()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON output");
    let keys: Vec<&str> = v.as_object().expect("an object").keys().map(String::as_str).collect();
    let mut expected = vec![
        "format",
        "inputs",
        "documents",
        "claims",
        "relations",
        "divergences",
        "agreements",
        "naming",
        "framing",
        "single_source",
        "outlet_matrix",
        "undecided",
        "entities",
    ];
    expected.sort();
    let mut keys = keys;
    keys.sort();
    assert_eq!(keys, expected);
    assert_eq!(v["format"], "claimgraph-report/1");
    for key in ["documents", "claims", "relations", "undecided", "rejected"] {
        assert!(v["inputs"].get(key).is_some(), "inputs.{key} missing");
    }
    // Every claim's text is the slice of its document at its span.
    let texts = [("gazette", CLOSED), ("echo", NOT_CLOSED)];
    for c in v["claims"].as_array().expect("claims") {
        let doc = c["doc"].as_str().unwrap();
        let (_, file) = texts.iter().find(|(id, _)| *id == doc).expect("claim document");
        let body = file.split_once("---\n\n").unwrap().1;
        let (start, end) = (c["span"]["start"].as_u64().unwrap(), c["span"]["end"].as_u64().unwrap());
        assert_eq!(&body[start as usize..end as usize], c["text"].as_str().unwrap());
    }
    let divergence = &v["divergences"][0];
    assert!(!divergence["sides"].as_array().expect("sides").is_empty());
    assert!(!divergence["reasons"][0].as_str().unwrap_or("").is_empty());
}

#[test]
fn dot_output_is_a_graph() {
    let dir = TempDir::new("dot");
    let story = good_story(&dir);
    let r = run(["report".as_ref(), "--format".as_ref(), "dot".as_ref(), story.as_os_str()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.starts_with("graph "), "{}", r.stdout);
    assert!(r.stdout.trim_end().ends_with('}'), "{}", r.stdout);
    assert!(r.stdout.contains("\"gazette:"), "no claim node: {}", r.stdout);
    assert!(r.stdout.contains(" -- "), "no edge: {}", r.stdout);
}

#[test]
fn output_file() {
    let dir = TempDir::new("output");
    let story = good_story(&dir);
    let to_stdout = run(["report".as_ref(), story.as_os_str()]);
    assert_eq!(to_stdout.code, Some(0), "{}", to_stdout.stderr);
    for flag in ["--output", "-o"] {
        let file = dir.path(&format!("report{flag}.md"));
        let r = run(["report".as_ref(), flag.as_ref(), file.as_os_str(), story.as_os_str()]);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert!(r.stdout.is_empty(), "{flag}: also written to stdout");
        let written = std::fs::read_to_string(&file).expect("output file written");
        assert_eq!(written, to_stdout.stdout, "{flag}");
    }
    // An unwritable output is an error naming the file.
    let bad = dir.path("no-such-folder/report.md");
    let r = run(["report".as_ref(), "--output".as_ref(), bad.as_os_str(), story.as_os_str()]);
    assert_input_error(&r, &[&show(&bad)]);
}

/// A failure to write the output is reported as a write error, not as a
/// failure to read.
#[test]
fn unwritable_output_is_a_write_error() {
    let dir = TempDir::new("unwritable");
    let story = good_story(&dir);
    let bad = dir.path("no-such-folder/report.md");
    let r = run(["report".as_ref(), "--output".as_ref(), bad.as_os_str(), story.as_os_str()]);
    assert_input_error(&r, &[&show(&bad), "write"]);
    assert!(!r.stderr.contains("cannot read"), "{}", r.stderr);
}

/// `claims` has two formats; asking it for a picture is a usage error, not
/// a silent tab-separated listing.
#[test]
fn claims_refuses_report_formats() {
    let dir = TempDir::new("claims-format");
    let story = good_story(&dir);
    for format in ["dot", "html", "svg", "jsonl"] {
        let r = run(["claims".as_ref(), "--format".as_ref(), format.as_ref(), story.as_os_str()]);
        assert_eq!(r.code, Some(2), "{format}: {}", r.stderr);
        assert!(r.stdout.is_empty(), "{format}: {}", r.stdout);
        assert!(r.stderr.contains("the other formats are for `report`"), "{format}: {}", r.stderr);
    }
}

#[test]
fn claims_subcommand_lists_claims() {
    let dir = TempDir::new("claims");
    let story = good_story(&dir);
    let r = run(["claims".as_ref(), story.as_os_str()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let lines: Vec<Vec<&str>> = r.stdout.lines().map(|l| l.split('\t').collect()).collect();
    assert!(lines.len() >= 2, "{}", r.stdout);
    for fields in &lines {
        assert_eq!(fields.len(), 3, "id, speaker and text: {fields:?}");
        assert!(fields[0].starts_with("echo:") || fields[0].starts_with("gazette:"), "{fields:?}");
    }
    assert!(
        lines
            .iter()
            .any(|f| f[0].starts_with("gazette:") && f[2].contains("Tessa Bridge was closed on Monday")),
        "{}",
        r.stdout
    );
    assert!(
        lines.iter().any(|f| f[0].starts_with("echo:") && f[2].contains("Tessa Bridge was not closed")),
        "{}",
        r.stdout
    );

    let r = run(["claims".as_ref(), "--format".as_ref(), "json".as_ref(), story.as_os_str()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON claims");
    let claims = v.as_array().expect("an array of claims");
    assert_eq!(claims.len(), lines.len());
    for c in claims {
        for key in ["id", "doc", "outlet", "span", "text", "speaker", "quote", "stance", "polarity"] {
            assert!(c.get(key).is_some(), "claim without {key}: {c}");
        }
    }
}

#[test]
fn attributions_subcommand_lists_every_attribution() {
    let dir = TempDir::new("attributions");
    let story = good_story(&dir);
    dir.write(
        "story/wire.txt",
        "---\noutlet: Northline Wire\n---\n\nMany commuters want the Tessa Bridge reopened.\n",
    );
    let r = run(["attributions".as_ref(), story.as_os_str()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let lines: Vec<Vec<&str>> = r.stdout.lines().map(|l| l.split('\t').collect()).collect();
    // Documents in id order: echo, gazette, wire.
    let expected = [
        ("echo", "mayor [said: say]", "The Tessa Bridge was not closed on Monday"),
        ("gazette", "Police [said: say]", "the Tessa Bridge was closed on Monday."),
        ("wire", "Many commuters [want: attitude]", "the Tessa Bridge reopened."),
    ];
    assert_eq!(lines.len(), expected.len(), "{}", r.stdout);
    for (fields, (doc, who, content)) in lines.iter().zip(expected) {
        assert_eq!(fields.len(), 4, "doc, sentence, speaker and cue, content: {fields:?}");
        assert_eq!((fields[0], fields[2], fields[3]), (doc, who, content));
    }

    let r = run(["attributions".as_ref(), "--format".as_ref(), "json".as_ref(), story.as_os_str()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON attributions");
    let docs = v.as_array().expect("an array of documents");
    assert_eq!(docs.len(), 3);
    let wire = &docs[2];
    assert_eq!(wire["doc"], "wire");
    let a = &wire["attributions"][0];
    assert_eq!(a["source_text"], "Many commuters");
    assert_eq!(a["cue"]["class"], "attitude");
    assert_eq!(a["content_text"][0], "the Tessa Bridge reopened.");
    assert_eq!(a["in_claims"], false);

    let r = run(["attributions".as_ref(), "--format".as_ref(), "svg".as_ref(), story.as_os_str()]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("`attributions` lists attributions"), "{}", r.stderr);
}

/// `attributions` reads the articles in parallel; the output is the same
/// on one thread and on four.
#[test]
fn attributions_are_the_same_on_any_thread_count() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let with_threads = |n: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
            .args(["attributions".as_ref(), "--format".as_ref(), "json".as_ref(), fixtures.as_os_str()])
            .env("RAYON_NUM_THREADS", n)
            .output()
            .expect("run claimgraph");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    let one = with_threads("1");
    assert!(one.len() > 1000, "a real listing");
    assert!(one == with_threads("4"), "attributions differ between 1 and 4 threads");
}

/// The JSON Lines of the fixtures with `option` set to `bytes`, or not set.
fn fixtures_jsonl(option: &str, bytes: Option<&str>) -> String {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut args = vec!["report", "--no-progress", "--format", "jsonl"];
    if let Some(b) = bytes {
        args.extend([option, b]);
    }
    let r = run(args.iter().map(|a| a.as_ref()).chain([fixtures.as_os_str()]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    r.stdout
}

/// `--keep-prepared-bytes` and `--hold-text-bytes` trade memory for time
/// only: the JSON Lines of the fixtures are the same with no document kept
/// prepared (no text held: each is read again from its file), with a budget
/// too small for all of them (none are kept, or held), and with all (the
/// default).
#[test]
fn memory_budgets_change_no_line() {
    let all = fixtures_jsonl("", None);
    assert!(all.lines().count() >= 4, "a header and three groups: {all}");
    // Budgets that hold some documents' but not all: about 3.5 KB of text
    // prepared, 10 KB of text.
    for (option, some) in [("--keep-prepared-bytes", "100000"), ("--hold-text-bytes", "10000")] {
        assert!(all == fixtures_jsonl(option, Some("0")), "{option} 0: the lines differ");
        assert!(all == fixtures_jsonl(option, Some(some)), "{option} {some}: the lines differ");
    }
}

#[test]
fn output_is_deterministic() {
    let dir = TempDir::new("determinism");
    let story = good_story(&dir);
    dir.write("story/wire.txt", "---\noutlet: Northline Wire\n---\n\nOfficials said 12 people were hurt on the Tessa Bridge on Monday.\n");
    dir.write("story/daily.txt", "---\noutlet: Daily Example\n---\n\nFive people were hurt on the Tessa Bridge on Monday, police said.\n");
    for format in ["md", "json", "dot"] {
        let args = ["report", "--format", format];
        let first = run(args.iter().map(|a| a.as_ref()).chain([story.as_os_str()]));
        let second = run(args.iter().map(|a| a.as_ref()).chain([story.as_os_str()]));
        assert_eq!(first.code, Some(0), "{}", first.stderr);
        assert!(!first.stdout.is_empty());
        assert!(first.stdout == second.stdout, "{format}: two runs differ");
        // The order of the inputs does not matter either.
        let files = ["wire.txt", "gazette.txt", "daily.txt", "echo.txt"].map(|f| story.join(f));
        let reordered = run(args.iter().map(|a| a.as_ref()).chain(files.iter().map(|p| p.as_os_str())));
        assert!(first.stdout == reordered.stdout, "{format}: depends on the input order");
    }
    let first = run(["claims".as_ref(), story.as_os_str()]);
    let second = run(["claims".as_ref(), story.as_os_str()]);
    assert!(!first.stdout.is_empty() && first.stdout == second.stdout, "claims: two runs differ");
}
