//! Reports on the fixture stories: snapshots of the Markdown and of the JSON
//! findings (reviewed by hand), and invariants every report must keep.

use std::path::Path;

use claimgraph::input::{LoadOptions, load_paths};
use claimgraph::report::Report;
use claimgraph::{Analyzer, Document};
use serde_json::{Value, json};

const STORIES: &[&str] = &["lachin-corridor", "corvasse-terminal-blast", "kestrel-dam-camp"];

fn load(story: &str) -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(story);
    load_paths(&[dir], &LoadOptions::default()).expect("fixtures load").documents
}

fn report(story: &str) -> Report {
    Analyzer::new().analyze(load(story)).expect("analysis").report()
}

/// The findings of a report, without the per-claim detail (which the claims
/// listing and the span test cover): what a reviewer reads.
fn findings(r: &Report) -> Value {
    let v = serde_json::to_value(r).expect("report serialises");
    json!({
        "format": v["format"],
        "inputs": v["inputs"],
        "documents": v["documents"],
        "divergences": v["divergences"],
        "agreements": v["agreements"],
        "naming": v["naming"],
        "single_source": v["single_source"],
        "outlet_matrix": v["outlet_matrix"],
        "relations": r.relations.iter().map(|x| format!("{} {:?} {} ({}): {}", x.a, x.relation, x.b, x.kind.as_str(), x.reason)).collect::<Vec<_>>(),
        "speakers": r.claims.iter().map(|c| format!("{} {:?} {}{}", c.id, c.speaker.kind, c.speaker.name, c.cue.as_ref().map(|q| format!(" [{}]", q.text)).unwrap_or_default())).collect::<Vec<_>>(),
    })
}

#[test]
fn markdown_reports() {
    for story in STORIES {
        insta::assert_snapshot!(format!("{story}.md"), report(story).to_markdown());
    }
}

#[test]
fn json_findings() {
    for story in STORIES {
        insta::assert_json_snapshot!(format!("{story}.findings"), findings(&report(story)));
    }
}

#[test]
fn every_claim_span_slices_to_its_text() {
    for story in STORIES {
        let docs = load(story);
        let r = Analyzer::new().analyze(docs.clone()).expect("analysis").report();
        for c in &r.claims {
            let doc = docs.iter().find(|d| d.id == c.doc).expect("claim document");
            assert!(
                doc.text.is_char_boundary(c.span.start) && doc.text.is_char_boundary(c.span.end),
                "{}",
                c.id
            );
            assert_eq!(&doc.text[c.span.start..c.span.end], c.text, "{}", c.id);
            assert!(c.span.contains(c.content), "{}: content outside the claim", c.id);
            for e in &c.entities {
                assert_eq!(&doc.text[e.span.range()], e.text, "{}: entity span", c.id);
            }
            for q in &c.quantities {
                assert_eq!(&doc.text[q.span.range()], q.text, "{}: quantity span", c.id);
            }
            for d in &c.dates {
                assert_eq!(&doc.text[d.span.range()], d.text, "{}: date span", c.id);
            }
            for s in &c.states {
                assert_eq!(&doc.text[s.cue.span.range()], s.cue.text, "{}: state cue span", c.id);
            }
        }
    }
}

#[test]
fn streamed_json_is_the_pretty_json() {
    for story in STORIES {
        let report = Analyzer::new().analyze(load(story)).expect("analysis").report();
        let mut streamed = Vec::new();
        report.write_json(&mut streamed).expect("writes to a vector");
        assert_eq!(String::from_utf8(streamed).expect("UTF-8"), report.to_json() + "\n", "{story}");
    }
}

#[test]
fn reports_are_deterministic_whatever_the_input_order() {
    for story in STORIES {
        let docs = load(story);
        let forward = Analyzer::new().analyze(docs.clone()).expect("analysis").report().to_json();
        let mut reversed = docs;
        reversed.reverse();
        let backward = Analyzer::new().analyze(reversed).expect("analysis").report().to_json();
        assert!(forward == backward, "{story}: the report depends on input order");
    }
}

#[test]
fn relations_are_well_formed() {
    for story in STORIES {
        let r = report(story);
        let mut seen = std::collections::BTreeSet::new();
        for x in &r.relations {
            assert_ne!(x.a, x.b, "{story}: a claim linked to itself");
            assert!(
                seen.insert((x.a.clone(), x.b.clone())),
                "{story}: two relations for {} and {}",
                x.a,
                x.b
            );
            assert!(!seen.contains(&(x.b.clone(), x.a.clone())), "{story}: a pair linked both ways");
            assert!(r.claim(&x.a).is_some() && r.claim(&x.b).is_some(), "{story}: dangling relation");
            assert!(!x.reason.is_empty(), "{story}: a relation without a reason");
        }
        for d in &r.divergences {
            assert!(d.sides.len() >= 2, "{story}: divergence {} has one side", d.id);
            for s in &d.sides {
                assert!(!s.claims.is_empty(), "{story}: empty side in {}", d.id);
            }
        }
    }
}

/// An agreement never gathers two claims that contradict each other, not
/// even through a chain of pairwise agreements ("12–15" ~ "at least 12" ~
/// "at least 40", which contradicts "12–15"), and never claims whose
/// figures for the same thing cannot both hold.
#[test]
fn agreements_hold_no_contradiction() {
    use claimgraph::RelationType;
    for story in STORIES {
        let r = report(story);
        let contradicting: std::collections::BTreeSet<(&str, &str)> = r
            .relations
            .iter()
            .filter(|x| x.relation == RelationType::Contradict)
            .flat_map(|x| [(x.a.as_str(), x.b.as_str()), (x.b.as_str(), x.a.as_str())])
            .collect();
        for a in &r.agreements {
            for x in &a.claims {
                for y in &a.claims {
                    assert!(
                        !contradicting.contains(&(x.as_str(), y.as_str())),
                        "{story}: agreement {} holds {x} and {y}, which contradict",
                        a.id
                    );
                }
            }
        }
    }
}
