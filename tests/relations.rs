//! Relations between claims of short articles written for the test: one
//! test per class of false or missed link found in error analysis.

use claimgraph::{Analyzer, Document, RelationType};

fn relations(texts: &[(&str, &str)]) -> Vec<(String, String, RelationType, String)> {
    let docs: Vec<Document> =
        texts.iter().map(|(outlet, text)| Document::new(*outlet, *outlet, (*text).to_string())).collect();
    let analysis = Analyzer::new().analyze(docs).expect("analysis");
    let text =
        |id: &str| analysis.claims().iter().find(|c| c.id == id).map(|c| c.text.clone()).unwrap_or_default();
    analysis.relations().iter().map(|r| (text(&r.a), text(&r.b), r.relation, r.reason.clone())).collect()
}

/// "Holds 40,000" is a capacity, not people in custody: it must not
/// contradict a count of people held by the police.
#[test]
fn capacity_is_not_custody() {
    let found = relations(&[
        ("gazette", "Police held three protesters near the stadium on Monday night."),
        ("echo", "The stadium holds 40,000 people. Police held three protesters on Monday night."),
    ]);
    assert!(
        found.iter().any(|(a, b, r, _)| *r == RelationType::Agree
            && a.contains("held three")
            && b.contains("held three")),
        "{found:#?}"
    );
    assert!(
        !found.iter().any(|(a, b, r, _)| *r == RelationType::Contradict
            && (a.contains("holds 40,000") || b.contains("holds 40,000"))),
        "{found:#?}"
    );
}

/// Two claims that the same thing happened, with figures that cannot both
/// hold, do not agree, even when nothing ties their places together.
#[test]
fn same_event_with_different_figures_is_no_agreement() {
    let found = relations(&[
        ("gazette", "At least 40 people were killed in Tuesday's explosion at Pier 4."),
        (
            "echo",
            "An explosion tore through a grain terminal in Varnick on Tuesday, killing between 12 and 15 people.",
        ),
    ]);
    assert!(!found.iter().any(|(_, _, r, _)| *r == RelationType::Agree), "{found:#?}");
}

/// A document that repeats itself links each claim only to claims of its
/// own document at most `SAME_DOC_WINDOW` claims away, so its pairs grow
/// linearly; other documents' claims are still compared with all of them.
#[test]
fn a_repetitive_document_is_compared_within_a_window() {
    use claimgraph::compare::SAME_DOC_WINDOW;
    let long = "Police said the Tessa Bridge was closed on Monday. \
                The mayor said the Tessa Bridge was open on Monday. "
        .repeat(120);
    let docs = vec![
        Document::new("long", "Gazette", long),
        Document::new("short", "Echo", "The Tessa Bridge was open on Monday, residents said."),
    ];
    let analysis = Analyzer::new().analyze(docs).expect("analysis");
    let number = |id: &str| id.rsplit_once(':').and_then(|(_, n)| n.parse::<usize>().ok()).unwrap_or(0);
    let mut same_doc = 0;
    let mut far = 0;
    for r in analysis.relations() {
        if r.a.starts_with("long:") && r.b.starts_with("long:") {
            same_doc += 1;
            if number(&r.a).abs_diff(number(&r.b)) > SAME_DOC_WINDOW {
                far += 1;
            }
        }
    }
    assert!(same_doc > 0, "the window keeps near pairs");
    assert_eq!(far, 0, "no same-document pair is further apart than the window");
    // The short document's claim is linked to claims all through the long one.
    let reach = analysis
        .relations()
        .iter()
        .filter(|r| r.a.starts_with("short:") || r.b.starts_with("short:"))
        .map(|r| if r.a.starts_with("long:") { number(&r.a) } else { number(&r.b) })
        .max()
        .unwrap_or(0);
    assert!(reach > 2 * SAME_DOC_WINDOW, "cross-document pairs are not windowed: {reach}");
}

/// "The apartment block" is a building, not something blocked: a denial
/// about it must not contradict a claim that mentions it, while "the police
/// block the road" and "the naval blockade" still state a closure.
#[test]
fn a_compound_noun_is_no_state() {
    let analysis = Analyzer::new()
        .analyze(vec![
            Document::new(
                "a",
                "Gazette",
                "Workers said smoke was seen at the apartment block at 8 a.m. Residents said a mountain pass, closed in winter, was busy.",
            ),
            Document::new(
                "b",
                "Echo",
                "Stoloust Holdings denied that safety warnings had been ignored, and said the apartment block had been inspected in 2021. Protesters said the police block the road every night. The naval blockade of the port continued.",
            ),
        ])
        .expect("analysis");
    let closures = |needle: &str| {
        analysis
            .claims()
            .iter()
            .filter(|c| c.text.contains(needle))
            .flat_map(|c| c.states.iter())
            .filter(|s| s.concept == "closure")
            .map(|s| s.cue.text.clone())
            .collect::<Vec<_>>()
    };
    assert!(closures("apartment block").is_empty(), "{:?}", closures("apartment block"));
    assert_eq!(closures("police block"), vec!["block".to_string()]);
    assert_eq!(closures("naval blockade"), vec!["blockade".to_string()]);
    assert!(
        !analysis.relations().iter().any(|r| r.relation == RelationType::Contradict),
        "{:#?}",
        analysis.relations()
    );
}

/// A restatement is the weakest agreement: two claims that also agree on
/// a state are linked by the state, and "the same in other words" is left
/// for claims that share only their words.
#[test]
fn a_restatement_yields_to_any_other_agreement() {
    let found = relations(&[
        (
            "daily",
            "Officials said the Tessa Bridge was closed to traffic on Monday after the storm damaged its northern span.",
        ),
        (
            "echo",
            "The Tessa Bridge was closed to traffic on Monday after the storm damaged its northern span, officials said.",
        ),
        (
            "wire",
            "Engineers said the storm damaged the northern span of the Tessa Bridge and traffic stopped.",
        ),
    ]);
    let reason = |x: &str, y: &str| {
        found
            .iter()
            .find(|(a, b, r, _)| *r == RelationType::Agree && a.starts_with(x) && b.starts_with(y))
            .map(|(_, _, _, why)| why.clone())
    };
    let both_closed = reason("Officials said", "The Tessa Bridge").expect("daily and echo agree");
    assert!(both_closed.starts_with("both say Tessa Bridge was"), "{both_closed}");
    let reworded = reason("Officials said", "Engineers said").expect("daily and wire agree");
    assert!(reworded.contains("say the same in other words"), "{reworded}");
}
