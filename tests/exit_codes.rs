//! The command line's exit codes, and nothing lost with `--keep-going`:
//! every input is either analysed (in the report) or listed as rejected
//! with its reason, and the report counts them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimgraph-exit-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn claimgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph")).args(args).output().expect("the binary runs")
}

fn write(dir: &Path, name: &str, contents: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.display().to_string()
}

#[test]
fn ok_is_zero() {
    let dir = scratch("ok");
    let a = write(&dir, "a.txt", b"Police said the bridge was closed on Monday.");
    let b = write(&dir, "b.txt", b"The bridge was not closed on Monday, the mayor said.");
    let out = claimgraph(&["report", &a, &b]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# claimgraph report"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_are_two() {
    for args in [&[][..], &["report"][..], &["report", "--no-such-flag", "x"][..], &["frobnicate"][..]] {
        let out = claimgraph(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = claimgraph(&["report", "--max-doc-bytes", "lots", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unreadable_input_is_two_without_keep_going() {
    let dir = scratch("unreadable");
    let good = write(&dir, "good.txt", b"The bridge was closed.");
    let bad = write(&dir, "bad.txt", b"---\noutlet: A\nno colon\n---\nBody.");
    let out = claimgraph(&["report", &good, &bad]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.txt:3: malformed front matter"), "{stderr}");
    let out = claimgraph(&["report", &dir.join("missing.txt").display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn too_large_is_refused_with_the_limit_named() {
    let dir = scratch("large");
    let big = write(&dir, "big.txt", "The bridge was closed. ".repeat(20).as_bytes());
    let out = claimgraph(&["report", "--max-doc-bytes", "100", &big]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("big.txt: document is 460 bytes, over the limit of 100 bytes"), "{stderr}");
    let out = claimgraph(&["report", "--max-doc-bytes", "460", &big]);
    assert_eq!(out.status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn keep_going_loses_nothing() {
    let dir = scratch("keep-going");
    let inputs = [
        write(&dir, "a.txt", b"Police said the bridge was closed on Monday. Was it closed?"),
        write(&dir, "b.txt", b"---\noutlet: Valley Echo\n---\nThe bridge was not closed, the mayor said."),
        write(&dir, "bad-front.txt", b"---\noutlet: A\nno colon\n---\nBody."),
        write(&dir, "bad-utf8.txt", b"ok \xff bad"),
        write(&dir, "empty.txt", b"\n \n"),
        write(&dir, "big.txt", "The road was open. ".repeat(100).as_bytes()),
        write(
            &dir,
            "docs.json",
            br#"[{"id": "j1", "outlet": "Wire", "text": "The road was open, officials said."}, {"outlet": "X"}, 3]"#,
        ),
        dir.join("missing.txt").display().to_string(),
    ];
    let mut args = vec!["report", "--keep-going", "--max-doc-bytes", "1000", "--format", "json"];
    args.extend(inputs.iter().map(String::as_str));
    let out = claimgraph(&args);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    let inputs_field = &report["inputs"];
    let analysed: Vec<&str> =
        report["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(analysed, ["a", "b", "j1"]);
    let rejected: Vec<(String, String)> = inputs_field["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let origin = r["origin"].as_str().unwrap().replace(&dir.display().to_string(), "DIR");
            (origin, r["reason"].as_str().unwrap().replace(&dir.display().to_string(), "DIR"))
        })
        .collect();
    let expected = [
        (
            "DIR/bad-front.txt",
            "DIR/bad-front.txt:3: malformed front matter: expected `key: value`, got \"no colon\"",
        ),
        ("DIR/bad-utf8.txt", "DIR/bad-utf8.txt:1: not valid UTF-8 (invalid byte at offset 3)"),
        ("DIR/big.txt", "DIR/big.txt: document is 1900 bytes, over the limit of 1000 bytes"),
        ("DIR/docs.json[1]", "DIR/docs.json[1]:1:80: invalid JSON input: field `text` is missing"),
        ("DIR/docs.json[2]", "DIR/docs.json[2]:1:97: invalid JSON input: expected an object, got a number"),
        ("DIR/empty.txt", "DIR/empty.txt: the document is empty"),
        ("DIR/missing.txt", "DIR/missing.txt: no such file or folder"),
    ];
    let expected: Vec<(String, String)> =
        expected.iter().map(|(o, r)| (o.to_string(), r.to_string())).collect();
    assert_eq!(rejected, expected);
    // Every input accounted for: 3 analysed + 7 rejected of 10 inputs
    // (8 paths, the JSON file holding three).
    assert_eq!(inputs_field["read"], 10);
    assert_eq!(inputs_field["analysed"], 3);
    assert_eq!(inputs_field["rejected_count"], 7);
    assert_eq!(inputs_field["documents"], 3);
    // The question is abstained on.
    assert!(inputs_field["abstentions"]["questions"].as_u64().unwrap() >= 1, "{inputs_field}");
    assert_eq!(
        inputs_field["abstained"].as_u64().unwrap(),
        ["headlines", "questions", "not_asserted", "undecided"]
            .iter()
            .map(|k| inputs_field["abstentions"][k].as_u64().unwrap())
            .sum::<u64>()
    );
    // Each rejection is also said on standard error.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("claimgraph: rejected ").count(), 7, "{stderr}");

    // The Markdown report lists them too, and says the counts.
    args[5] = "md";
    let out = claimgraph(&args);
    assert_eq!(out.status.code(), Some(1));
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("10 inputs read: 3 analysed, 7 rejected."), "{md}");
    assert!(md.matches("\n- `").count() >= 7, "{md}");

    // Everything rejected: nothing to analyse, exit 2.
    let out = claimgraph(&["report", "--keep-going", &inputs[2], &inputs[7]]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no documents to analyse"));
    let _ = std::fs::remove_dir_all(&dir);
}
