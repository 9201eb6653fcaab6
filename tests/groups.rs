//! Analysing a corpus one group of stories at a time
//! (`Analyzer::story_groups`, the command line's `--format jsonl`): the same
//! claims as the whole analysis, the same relations within each group and
//! none across, the referents each group mentions with that group's names
//! and counts only, the same output on 1 and 4 threads, and an error from
//! the sink stops the run.

use std::collections::BTreeSet;
use std::path::Path;

use claimgraph::input::{LoadOptions, load_paths};
use claimgraph::{Analysis, Analyzer, Document, Error, Report};

/// Every fixture story together: four fixtures, one of them (`hostile`)
/// split by the grouping into two stories.
fn fixtures() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    load_paths(&[dir], &LoadOptions::default()).expect("fixtures load").documents
}

/// The analyses of each group, in group order, with their numbers.
fn by_group(docs: Vec<Document>) -> Vec<(usize, Analysis)> {
    let mut out = Vec::new();
    Analyzer::new()
        .story_groups(docs)
        .expect("groups")
        .analyze_each(
            |group, analysis| (group, analysis),
            |x| {
                out.push(x);
                Ok(())
            },
        )
        .expect("analysis");
    out
}

#[test]
fn groups_hold_the_whole_analysis_claims_and_its_relations_within_groups() {
    let whole = Analyzer::new().analyze(fixtures()).expect("analysis");
    let parts = by_group(fixtures());

    // Groups are unions of the whole analysis's stories, in the order of
    // their first document, and keep the stories' numbers.
    let stories = whole.stories();
    let mut seen_stories = Vec::new();
    for (g, (n, a)) in parts.iter().enumerate() {
        assert_eq!(*n, g);
        for story in a.stories() {
            assert!(stories.contains(&story), "{story:?} is not a story of the whole analysis");
            seen_stories.push(story);
        }
    }
    assert_eq!(seen_stories.len(), stories.len());
    // The hostile fixture's bridge reports share one name, used once each:
    // two stories, but one group.
    let hostile = parts
        .iter()
        .find(|(_, a)| a.documents().iter().any(|d| d.id == "000_gazette"))
        .expect("the hostile group");
    assert_eq!(hostile.1.stories(), [vec!["000_gazette", "001_echo"], vec!["002_times"]]);

    // The same claims, field for field.
    let claims: Vec<&claimgraph::Claim> = parts.iter().flat_map(|(_, a)| a.claims()).collect();
    assert_eq!(claims.len(), whole.claims().len());
    for c in whole.claims() {
        let mine = claims.iter().find(|x| x.id == c.id).unwrap_or_else(|| panic!("{} missing", c.id));
        assert_eq!(*mine, c);
    }

    // The relations: exactly the whole analysis's relations between claims
    // of one group.
    let group_of = |claim: &str| {
        let doc = &whole.claim(claim).expect("claim").doc;
        parts.iter().position(|(_, a)| a.documents().iter().any(|d| &d.id == doc)).expect("a group")
    };
    let key = |r: &claimgraph::Relation| (r.a.to_string(), r.b.to_string(), format!("{r:?}"));
    let within: BTreeSet<_> =
        whole.relations().iter().filter(|r| group_of(&r.a) == group_of(&r.b)).map(key).collect();
    let mine: BTreeSet<_> = parts.iter().flat_map(|(_, a)| a.relations()).map(key).collect();
    assert_eq!(mine, within);
    // The contradiction across the hostile fixture's two stories is kept.
    assert!(
        hostile.1.contradictions().any(|r| r.a.starts_with("001_echo:") && r.b.starts_with("002_times:")),
        "{:#?}",
        hostile.1.relations()
    );
}

/// Two events that share only a name common to more documents than a group
/// is joined by (here the Interior Ministry, in 18 documents): the whole
/// analysis compares their injury counts, which are of different events;
/// the groups do not.
#[test]
fn relations_between_unrelated_groups_are_not_made() {
    let mut docs = Vec::new();
    for i in 0..9 {
        docs.push(Document::new(
            format!("fire-{i}"),
            format!("Daily {i}"),
            "Fire spread through the Osk grain terminal in Velmora. 31 were injured, the Interior Ministry said.",
        ));
        docs.push(Document::new(
            format!("camp-{i}"),
            format!("Echo {i}"),
            "Protesters camped at the Tessa Bridge in Ostrava Vale. Seven police officers were injured, the \
             Interior Ministry said.",
        ));
    }
    let whole = Analyzer::new().analyze(docs.clone()).expect("analysis");
    let across = |a: &Analysis| a.relations().iter().filter(|r| r.a[..4] != r.b[..4]).count();
    assert_eq!(whole.stories().len(), 2);
    assert!(across(&whole) > 0, "the whole analysis relates the two events: {:#?}", whole.relations());
    let parts = by_group(docs);
    assert_eq!(parts.len(), 2);
    for (_, a) in &parts {
        assert_eq!(across(a), 0);
        assert!(!a.relations().is_empty(), "the reports of one event are still compared");
    }
    let within = whole.relations().len() - across(&whole);
    assert_eq!(parts.iter().map(|(_, a)| a.relations().len()).sum::<usize>(), within);
}

#[test]
fn a_group_lists_the_referents_it_mentions() {
    let docs = vec![
        Document::new("a", "Daily", "The Tessa Bridge (or Old Crossing) in Ostrava Vale was closed."),
        Document::new("b", "Echo", "The Old Crossing in Ostrava Vale was open on Monday, the mayor said."),
        Document::new("c", "Wire", "The Osk Dam in Velmora held, engineers said."),
    ];
    let whole = Analyzer::new().analyze(docs.clone()).expect("analysis");
    let parts = by_group(docs);
    assert_eq!(parts.len(), 2);
    let names = |a: &Analysis| -> Vec<String> { a.referents().iter().map(|r| r.name.clone()).collect() };
    // The bridge's canonical name is the one most used: "Old Crossing".
    assert_eq!(names(&parts[0].1), ["Old Crossing", "Ostrava Vale"]);
    assert_eq!(names(&parts[1].1), ["Osk Dam", "Velmora"]);
    // The same referents as the whole analysis, each in the group that
    // mentions it.
    for r in whole.referents() {
        let holder = parts.iter().find(|(_, a)| a.referents().iter().any(|x| x.id == r.id)).expect("a group");
        assert_eq!(holder.1.referents().iter().find(|x| x.id == r.id), Some(r));
    }
}

/// The JSON Lines of a corpus, built with `threads` threads.
fn lines_with_threads(threads: usize, docs: Vec<Document>) -> Vec<String> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    pool.install(|| {
        let mut lines = Vec::new();
        Analyzer::new()
            .story_groups(docs)
            .expect("groups")
            .analyze_each(
                |group, a| a.into_report().for_group(group).to_json_line(),
                |l| {
                    lines.push(l);
                    Ok(())
                },
            )
            .expect("analysis");
        lines
    })
}

#[test]
fn one_and_four_threads_give_the_same_lines_in_any_input_order() {
    // 300 small events, each reported twice, at 40 places: a place is named
    // by 15 documents, few enough to join them into one group. 40 groups of
    // 15 documents are more than one window of groups (512 documents).
    let (first, second) =
        (["Tes", "Var", "Osk", "Bren", "Kal", "Mor", "Dun", "Fel"], ["ra", "mo", "li", "sen", "dor"]);
    let mut docs = Vec::new();
    for n in 0..300 {
        let place = format!("{}{} Bridge", first[n % 8], second[(n / 8) % 5]);
        let day = ["Monday", "Tuesday", "Friday"][n % 3];
        let id = format!("{n:03}");
        docs.push(Document::new(
            format!("{id}-a"),
            "Daily",
            format!("Police said the {place} was closed on {day}."),
        ));
        docs.push(Document::new(
            format!("{id}-b"),
            "Echo",
            format!("The {place} was not closed on {day}, the mayor of Sorrow {id} said."),
        ));
    }
    let one = lines_with_threads(1, docs.clone());
    docs.reverse();
    let four = lines_with_threads(4, docs);
    assert!(one == four, "the lines differ between 1 and 4 threads");
    assert!(one.len() >= 40, "{}", one.len());
    for (i, l) in one.iter().enumerate() {
        let r: Report = serde_json::from_str(l).expect("each line is a report");
        assert_eq!(r.group, Some(i));
        let stories: BTreeSet<usize> = r.documents.iter().map(|d| d.story).collect();
        assert_eq!(r.inputs.stories, stories.len());
        assert!(!r.relations.is_empty(), "{l}");
        assert!(!l.contains('\n'));
    }
}

#[test]
fn an_error_from_the_sink_stops_the_run() {
    let groups = Analyzer::new().story_groups(fixtures()).expect("groups");
    assert!(groups.len() > 1);
    let mut calls = 0;
    let result = groups.analyze_each(
        |story, _| story,
        |_story| {
            calls += 1;
            Err(Error::NoDocuments)
        },
    );
    assert!(matches!(result, Err(Error::NoDocuments)), "{result:?}");
    assert_eq!(calls, 1);
}

#[test]
fn bad_input_fails_before_any_story() {
    let docs = vec![Document::new("a", "Daily", "One."), Document::new("a", "Echo", "Two.")];
    let err = Analyzer::new().story_groups(docs).expect_err("duplicate ids");
    assert!(matches!(err, Error::DuplicateId { .. }), "{err}");
    assert!(matches!(Analyzer::new().story_groups(Vec::new()), Err(Error::NoDocuments)));
}

/// On one story, the one group's report is the whole analysis's report,
/// field for field: the Lachin fixture in JSON Lines says what its JSON
/// report says.
#[test]
fn one_story_gives_the_report_of_the_whole_analysis() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join("lachin-corridor");
    let docs = load_paths(&[dir], &LoadOptions::default()).expect("fixtures load").documents;
    let whole = Analyzer::new().analyze(docs.clone()).expect("analysis").into_report();
    let parts = by_group(docs);
    assert_eq!(parts.len(), 1);
    let (_, analysis) = parts.into_iter().next().expect("one group");
    let group = analysis.into_report();
    assert!(!whole.divergences.is_empty() && !whole.relations.is_empty());
    assert_eq!(group, whole);
    assert_eq!(group.for_group(0).to_json_line(), whole.for_group(0).to_json_line());
}

/// A user lexicon's alias joins two names that no text joins (through a
/// third that no text uses), in the groups as in the whole analysis: its
/// keys are resolved with the texts' names.
#[test]
fn a_lexicon_alias_joins_names_in_groups_as_in_the_whole_analysis() {
    let docs = || {
        vec![
            Document::new("a", "Daily", "Police said the Tessa Bridge in Velmora was closed on Monday."),
            Document::new(
                "b",
                "Echo",
                "The Old Span in Velmora was open on Monday, the mayor of Velmora said.",
            ),
        ]
    };
    let lexicon =
        claimgraph::Lexicon::parse("story.lex", "alias: Tessa Bridge | Brell Crossing | Old Span\n")
            .expect("lexicon");
    let analyzer = Analyzer::new().lexicon(lexicon);
    let whole = analyzer.analyze(docs()).expect("analysis");
    let bridge = |referents: &[claimgraph::entity::Referent]| -> Vec<(String, Vec<String>)> {
        let r = referents
            .iter()
            .find(|r| r.names.iter().any(|n| n.name == "Tessa Bridge"))
            .unwrap_or_else(|| panic!("no bridge among {referents:#?}"));
        r.names.iter().map(|n| (n.name.clone(), n.docs.clone())).collect()
    };
    let expected = vec![
        ("Old Span".to_string(), vec!["b".to_string()]),
        ("Tessa Bridge".to_string(), vec!["a".to_string()]),
    ];
    assert_eq!(bridge(whole.referents()), expected);
    let mut groups = Vec::new();
    analyzer
        .story_groups(docs())
        .expect("groups")
        .analyze_each(
            |_, a| bridge(a.referents()),
            |b| {
                groups.push(b);
                Ok(())
            },
        )
        .expect("analysis");
    // Both documents name Velmora, repeated in "b": one group.
    assert_eq!(groups, vec![expected]);
}
