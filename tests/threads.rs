//! The parallel stages give the same report, byte for byte, on 1 thread and
//! on several; and the blocking of large keys keeps the pairs within a story.

use std::path::Path;

use claimgraph::input::{LoadOptions, load_paths};
use claimgraph::{Analyzer, Document};

const STORIES: &[&str] = &["lachin-corridor", "corvasse-terminal-blast", "kestrel-dam-camp"];

fn load(story: &str) -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(story);
    load_paths(&[dir], &LoadOptions::default()).expect("fixtures load").documents
}

/// All fixture stories together, each document repeated `copies` times
/// under new ids: a corpus of several stories whose generic keys are
/// large enough to be split by story.
fn mixed(copies: usize) -> Vec<Document> {
    let mut docs = Vec::new();
    for story in STORIES {
        for d in load(story) {
            for n in 0..copies {
                let mut c = d.clone();
                c.id = format!("{}-{n:02}", d.id);
                docs.push(c);
            }
        }
    }
    docs
}

fn report_with_threads(threads: usize, docs: Vec<Document>) -> (String, String) {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    pool.install(|| {
        let r = Analyzer::new().analyze(docs).expect("analysis").report();
        (r.to_json(), r.to_markdown())
    })
}

#[test]
fn one_and_four_threads_give_the_same_report() {
    for docs in [load("lachin-corridor"), mixed(1), mixed(12)] {
        let one = report_with_threads(1, docs.clone());
        let four = report_with_threads(4, docs);
        assert!(one.0 == four.0, "JSON differs between 1 and 4 threads");
        assert!(one.1 == four.1, "Markdown differs between 1 and 4 threads");
    }
}

/// The report group by group (`--format jsonl`), one line per group.
fn groups_with_threads(threads: usize, docs: Vec<Document>) -> Vec<String> {
    groups_by(Analyzer::new(), threads, docs)
}

/// [`groups_with_threads`] with `analyzer`.
fn groups_by(analyzer: Analyzer, threads: usize, docs: Vec<Document>) -> Vec<String> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    pool.install(|| {
        let mut lines = Vec::new();
        let groups = analyzer.story_groups(docs).expect("groups");
        groups
            .analyze_each(
                |g, analysis| analysis.into_report().for_group(g).to_json_line(),
                |line| {
                    lines.push(line);
                    Ok(())
                },
            )
            .expect("analysis");
        lines
    })
}

/// Groups are analysed a window at a time, and a window's size follows the
/// number of threads (64 documents each): 144 documents in three groups are
/// two windows on one thread and one on four. The lines are the same.
#[test]
fn groups_are_the_same_on_one_and_four_threads() {
    let docs = mixed(12);
    assert_eq!(docs.len(), 144);
    let one = groups_with_threads(1, docs.clone());
    let four = groups_with_threads(4, docs);
    assert!(one.len() >= 3, "{} groups", one.len());
    assert!(one == four, "group reports differ between 1 and 4 threads");
}

/// Documents kept prepared between the passes of `story_groups` give the
/// same lines as documents prepared again: none kept, all kept (the
/// default budget holds these 144), and a budget that holds only some
/// (which keeps none), on one thread and on four.
#[test]
fn documents_kept_prepared_give_the_same_lines() {
    let docs = mixed(12);
    let text: usize = docs.iter().map(|d| d.text.len()).sum();
    let none = groups_by(Analyzer::new().keep_prepared_bytes(0), 1, docs.clone());
    assert!(none.len() >= 3, "{} groups", none.len());
    let all = groups_by(Analyzer::new(), 1, docs.clone());
    assert!(all == none, "group reports differ with every document kept");
    for threads in [1, 4] {
        let all = groups_by(Analyzer::new().keep_prepared_bytes(usize::MAX), threads, docs.clone());
        assert!(all == none, "group reports differ with every document kept, {threads} threads");
        let some = groups_by(Analyzer::new().keep_prepared_bytes(text * 10), threads, docs.clone());
        assert!(some == none, "group reports differ with a budget for some documents, {threads} threads");
    }
}

#[test]
fn large_generic_keys_are_compared_within_a_story() {
    let docs = mixed(12);
    let analysis = Analyzer::new().analyze(docs).expect("analysis");
    let story_of = |doc: &str| {
        STORIES
            .iter()
            .position(|s| load(s).iter().any(|d| doc.starts_with(&format!("{}-", d.id))))
            .expect("story")
    };
    let claim_doc = |id: &str| analysis.claim(id).expect("claim").doc.clone();
    let mut cache = std::collections::HashMap::new();
    let mut story = |doc: String| *cache.entry(doc.clone()).or_insert_with(|| story_of(&doc));
    let cross =
        analysis.relations().iter().filter(|r| story(claim_doc(&r.a)) != story(claim_doc(&r.b))).count();
    let total = analysis.relations().len();
    assert!(total > 0);
    // Small keys are still expanded whole, so some pairs cross stories; the
    // large generic ones are not.
    assert!(cross * 10 < total, "{cross} of {total} relations join different stories");
    assert!(
        analysis.undecided().iter().any(|u| u.a.is_empty() && u.reason.contains("only within a story")),
        "no key was split"
    );
}

#[test]
fn the_fixture_stories_analysed_together_are_three_stories() {
    let analysis = Analyzer::new().analyze(mixed(1)).expect("analysis");
    let mut expected: Vec<Vec<String>> = STORIES
        .iter()
        .map(|s| {
            let mut ids: Vec<String> = load(s).iter().map(|d| format!("{}-00", d.id)).collect();
            ids.sort();
            ids
        })
        .collect();
    expected.sort();
    let mut found: Vec<Vec<String>> =
        analysis.stories().into_iter().map(|ids| ids.into_iter().map(str::to_string).collect()).collect();
    found.sort();
    assert_eq!(found, expected);
    let report = analysis.report();
    assert_eq!(report.inputs.stories, 3);
    assert!(report.to_markdown().contains("The documents form 3 stories"));
}
