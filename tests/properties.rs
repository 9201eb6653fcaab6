//! Properties of the analysis that must hold for any input (proptest).
//!
//! Documents are generated from a small vocabulary of news-like fragments
//! (names, places, numbers, dates, reporting verbs, negations, denials,
//! states, quotes) so that the properties exercise claims, speakers and
//! relations, plus arbitrary Unicode for span safety. Case counts are kept
//! modest so `cargo test` stays fast; raise them with `PROPTEST_CASES`.

use std::collections::BTreeSet;

use claimgraph::{Analysis, Analyzer, Document};
use proptest::prelude::*;

// ---------------------------------------------------------------- generators

const SUBJECTS: &[&str] = &[
    "the Tessa Bridge",
    "the bridge",
    "Harbor Road",
    "the Kelby crossing",
    "the port of Marrow",
    "the road",
];
const SPEAKERS: &[&str] = &[
    "Police",
    "Mayor Lena Ortiz",
    "the ministry",
    "officials",
    "Governor Amir Haddad",
    "a spokesman for the army",
    "witnesses",
];
const CUES: &[&str] = &["said", "told reporters", "claimed", "confirmed", "reported", "insisted"];
const STATES: &[&str] = &[
    "was closed",
    "was not closed",
    "was open",
    "remained blocked",
    "was reopened",
    "was never blocked",
    "has been closed",
];
const DATES: &[&str] =
    &["", " on Monday", " on March 3", " on 4 March", " last week", " since December 12", " on Tuesday"];
const COUNTS: &[&str] = &["12", "at least 14", "three", "no", "980", "about 200", "2,000", "1.5 million"];
const COUNTED: &[&str] = &[
    "people were killed",
    "people died",
    "people were injured",
    "protesters were arrested",
    "vehicles passed through the bridge",
    "residents were evacuated",
];

/// One news-like sentence.
fn sentence() -> impl Strategy<Value = String> {
    let pick = |list: &'static [&'static str]| proptest::sample::select(list);
    prop_oneof![
        // Reported state: "Police said the bridge was closed on Monday."
        (pick(SPEAKERS), pick(CUES), pick(SUBJECTS), pick(STATES), pick(DATES))
            .prop_map(|(s, c, x, st, d)| format!("{} {c} {x} {st}{d}.", capitalise(s))),
        // Own voice, attribution after: "The bridge was open, the mayor said."
        (pick(SUBJECTS), pick(STATES), pick(DATES), pick(SPEAKERS))
            .prop_map(|(x, st, d, s)| format!("{} {st}{d}, {s} said.", capitalise(x))),
        // Counts: "At least 14 people were killed on Monday, police said."
        (pick(COUNTS), pick(COUNTED), pick(DATES), pick(SPEAKERS))
            .prop_map(|(n, what, d, s)| format!("{} {what}{d}, {s} said.", capitalise(n))),
        // Denials: "The ministry denied that the road was closed."
        (pick(SPEAKERS), pick(SUBJECTS), pick(STATES))
            .prop_map(|(s, x, st)| format!("{} denied that {x} {st}.", capitalise(s))),
        // Quotes, with nesting: “The bridge is ‘open’,” she said.
        (pick(SUBJECTS), pick(SPEAKERS), any::<bool>()).prop_map(|(x, s, nested)| if nested {
            format!("\u{201c}{} is \u{2018}open\u{2019} and \"not closed\",\u{201d} {s} said.", capitalise(x))
        } else {
            format!("\"{} was closed,\" {s} said.", capitalise(x))
        }),
        // Questions and hypotheticals (abstained on).
        (pick(SUBJECTS), pick(STATES))
            .prop_map(|(x, st)| format!("Was {x} closed? {} {st} if it rains.", capitalise(x))),
    ]
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A news-like document body of one to six sentences.
fn news_text() -> impl Strategy<Value = String> {
    (proptest::collection::vec((sentence(), prop_oneof![Just(" "), Just("\n\n"), Just("\r\n")]), 1..7))
        .prop_map(|parts| parts.into_iter().map(|(s, sep)| s + sep).collect())
}

/// Text that is mostly news-like, with arbitrary Unicode mixed in.
fn tricky_text() -> impl Strategy<Value = String> {
    let noise = prop_oneof![
        Just("\u{200b}".to_string()),
        Just("\u{200f}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\r".to_string()),
        Just("Ərəb Əliyev".to_string()),
        Just("Министр сказал".to_string()),
        Just("Հայաստան".to_string()),
        Just("قال الوزير".to_string()),
        Just("\u{201c}\u{2018}\"".to_string()),
        Just("...!?".to_string()),
        "\\PC{0,12}".prop_map(|s| s),
        any::<String>(),
    ];
    proptest::collection::vec(prop_oneof![sentence(), noise], 1..8).prop_map(|parts| parts.join(" "))
}

/// One to four documents with distinct ids and outlets.
fn documents(text: impl Strategy<Value = String>) -> impl Strategy<Value = Vec<Document>> {
    proptest::collection::vec((text, any::<bool>()), 1..5).prop_map(|texts| {
        texts
            .into_iter()
            .enumerate()
            .filter(|(_, (t, _))| !t.trim().is_empty())
            .map(|(i, (text, dated))| {
                let doc =
                    Document::new(format!("doc{i}"), format!("Outlet {}", ["A", "B", "C", "D"][i]), text);
                if dated { doc.published(jiff::civil::date(2024, 3, 6)) } else { doc }
            })
            .collect()
    })
}

// ---------------------------------------------------------------- helpers

fn analyse(docs: &[Document]) -> Analysis {
    Analyzer::new().analyze(docs.to_vec()).expect("valid documents analyse")
}

/// Relations as `(doc a, text a, doc b, text b, relation, kind)`, which do
/// not depend on claim numbering.
type RelationKey = (String, String, String, String, String, String);

fn relation_set(analysis: &Analysis) -> BTreeSet<RelationKey> {
    analysis
        .relations()
        .iter()
        .map(|r| {
            let (a, b) = (analysis.claim(&r.a).unwrap(), analysis.claim(&r.b).unwrap());
            (
                a.doc.clone(),
                a.text.clone(),
                b.doc.clone(),
                b.text.clone(),
                format!("{:?}", r.relation),
                r.kind.as_str().to_string(),
            )
        })
        .collect()
}

/// Checks that every span of the analysis lies in its document on char
/// boundaries and slices to the text reported with it.
fn check_spans(analysis: &Analysis) -> Result<(), TestCaseError> {
    let text_of = |doc: &str| &analysis.documents().iter().find(|d| d.id == doc).unwrap().text;
    let check = |t: &str, span: claimgraph::Span, expected: &str, what: &str| -> Result<(), TestCaseError> {
        prop_assert!(span.start <= span.end && span.end <= t.len(), "{what} {span:?} out of bounds");
        prop_assert!(t.is_char_boundary(span.start) && t.is_char_boundary(span.end), "{what} {span:?}");
        prop_assert_eq!(&t[span.range()], expected, "{} {:?}", what, span);
        Ok(())
    };
    for c in analysis.claims() {
        let t = text_of(&c.doc);
        check(t, c.span, &c.text, "claim")?;
        prop_assert!(c.span.contains(c.content), "{}: content {:?} outside {:?}", c.id, c.content, c.span);
        check(t, c.content, &t[c.content.range()], "content")?;
        if let Some(q) = &c.cue {
            check(t, q.span, &q.text, "cue")?;
        }
        if let Some(s) = c.speaker.span {
            check(t, s, &t[s.range()], "speaker")?;
        }
        for m in c.negations.iter().chain(&c.hedges).chain(&c.stance_cues).chain(&c.denial) {
            check(t, m.span, &m.text, "marker")?;
        }
        for e in &c.entities {
            check(t, e.span, &e.text, "entity")?;
        }
        for q in &c.quantities {
            check(t, q.span, &q.text, "quantity")?;
        }
        for d in &c.dates {
            check(t, d.span, &d.text, "date")?;
        }
        for s in &c.states {
            check(t, s.cue.span, &s.cue.text, "state cue")?;
            if let Some(n) = &s.negation {
                check(t, n.span, &n.text, "state negation")?;
            }
        }
        for f in &c.framing {
            check(t, f.cue.span, &f.cue.text, "framing cue")?;
            if let Some(target) = &f.target {
                check(t, target.span, &target.text, "framing target")?;
            }
        }
    }
    for r in analysis.relations() {
        let (a, b) = (analysis.claim(&r.a).unwrap(), analysis.claim(&r.b).unwrap());
        for e in &r.evidence.a {
            check(text_of(&a.doc), e.span, &t_or(text_of(&a.doc), e.span), "evidence a")?;
        }
        for e in &r.evidence.b {
            check(text_of(&b.doc), e.span, &t_or(text_of(&b.doc), e.span), "evidence b")?;
        }
    }
    Ok(())
}

fn t_or(text: &str, span: claimgraph::Span) -> String {
    span.slice(text).to_string()
}

/// Relations never link a claim to itself, link each pair at most once,
/// name the smaller id first, and refer to existing claims.
fn check_relations(analysis: &Analysis) -> Result<(), TestCaseError> {
    let mut pairs = BTreeSet::new();
    for r in analysis.relations() {
        prop_assert_ne!(&r.a, &r.b, "a claim linked to itself");
        prop_assert!(analysis.claim(&r.a).is_some() && analysis.claim(&r.b).is_some());
        prop_assert!(pairs.insert((r.a.clone(), r.b.clone())), "pair {} {} linked twice", r.a, r.b);
        prop_assert!(!pairs.contains(&(r.b.clone(), r.a.clone())), "pair linked both ways");
        let order = |id: &str| {
            let (doc, n) = id.rsplit_once(':').unwrap();
            (doc.to_string(), n.parse::<usize>().unwrap())
        };
        prop_assert!(order(&r.a) < order(&r.b), "{} before {}", r.a, r.b);
    }
    let graph = analysis.graph();
    prop_assert_eq!(graph.edge_count(), analysis.relations().len());
    for r in analysis.relations() {
        let from_a: Vec<_> = graph.neighbours(&r.a).into_iter().filter(|(n, ..)| *n == r.b).collect();
        let from_b: Vec<_> = graph.neighbours(&r.b).into_iter().filter(|(n, ..)| *n == r.a).collect();
        prop_assert_eq!(from_a.len(), 1);
        prop_assert_eq!(from_b.len(), 1);
        prop_assert_eq!((from_a[0].1, from_a[0].2), (from_b[0].1, from_b[0].2), "graph edge not symmetric");
    }
    Ok(())
}

/// The documents with their ids (and so their processing order) reversed:
/// `doc0` becomes the last id and so on.
fn with_reversed_ids(docs: &[Document]) -> Vec<Document> {
    let n = docs.len();
    docs.iter().enumerate().map(|(i, d)| Document { id: format!("doc{}", n - 1 - i), ..d.clone() }).collect()
}

/// Relations keyed by outlet and claim texts as an unordered pair, which
/// is what a symmetric comparison must preserve when the ids are swapped.
/// `({(outlet, claim text), (outlet, claim text)}, relation, kind)`.
type UnorderedRelation = (BTreeSet<(String, String)>, String, String);

fn unordered_relations(analysis: &Analysis) -> BTreeSet<UnorderedRelation> {
    analysis
        .relations()
        .iter()
        .map(|r| {
            let side = |id: &str| {
                let c = analysis.claim(id).unwrap();
                (c.outlet.clone(), c.text.clone())
            };
            (
                [side(&r.a), side(&r.b)].into_iter().collect(),
                format!("{:?}", r.relation),
                r.kind.as_str().to_string(),
            )
        })
        .collect()
}

/// A document sharing no word, name, number or date with the generated
/// news vocabulary.
fn unrelated_text() -> impl Strategy<Value = String> {
    const WORDS: &[&str] =
        &["Zendri", "choir", "rehearsed", "symphonies", "Quillbrook", "orchestra", "violinists", "applauded"];
    proptest::collection::vec(proptest::collection::vec(proptest::sample::select(WORDS), 2..6), 1..4)
        .prop_map(|sentences| {
            sentences
                .into_iter()
                .map(|words| capitalise(&words.join(" ")) + ".")
                .collect::<Vec<_>>()
                .join(" ")
        })
}

// ---------------------------------------------------------------- properties

/// `cases` cases, or `PROPTEST_CASES` when it is set.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, max_shrink_iters: 200, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(24))]

    /// The report is byte-identical whatever the order of the documents.
    #[test]
    fn report_ignores_input_order(docs in documents(news_text()), seed in any::<u64>()) {
        let mut shuffled = docs.clone();
        shuffled.reverse();
        if shuffled.len() > 2 {
            let k = (seed as usize) % shuffled.len();
            shuffled.rotate_left(k);
        }
        let (a, b) = (analyse(&docs).report(), analyse(&shuffled).report());
        prop_assert_eq!(a.to_json(), b.to_json());
        prop_assert_eq!(a.to_markdown(), b.to_markdown());
    }

    /// Adding a document that shares nothing with the others keeps every
    /// relation they had.
    #[test]
    fn unrelated_document_keeps_relations(docs in documents(news_text()), extra in unrelated_text()) {
        let before = relation_set(&analyse(&docs));
        let mut more = docs.clone();
        more.push(Document::new("zz-unrelated", "Outlet Z", extra));
        let after = relation_set(&analyse(&more));
        let lost: Vec<_> = before.difference(&after).collect();
        prop_assert!(lost.is_empty(), "relations lost: {:?}", lost);
    }

    /// Spans lie in their documents on char boundaries and slice to their
    /// text, on news-like text.
    #[test]
    fn spans_slice_to_text(docs in documents(news_text())) {
        check_spans(&analyse(&docs))?;
    }

    /// Relations link distinct existing claims once, and the graph is
    /// symmetric.
    #[test]
    fn relations_are_well_formed(docs in documents(news_text())) {
        check_relations(&analyse(&docs))?;
    }

    /// Which claims are related, and how, does not depend on which document
    /// comes first.
    #[test]
    fn relations_are_symmetric(docs in documents(news_text())) {
        let a = unordered_relations(&analyse(&docs));
        let b = unordered_relations(&analyse(&with_reversed_ids(&docs)));
        prop_assert_eq!(a, b);
    }

    /// Analysing twice, or analysing the analysed documents again, gives
    /// the same report.
    #[test]
    fn analysis_is_idempotent(docs in documents(news_text())) {
        let analyzer = Analyzer::new();
        let first = analyzer.analyze(docs.clone()).unwrap();
        let second = analyzer.analyze(docs).unwrap();
        let third = analyzer.analyze(first.documents().to_vec()).unwrap();
        let json = first.report().to_json();
        prop_assert_eq!(&json, &second.report().to_json());
        prop_assert_eq!(&json, &third.report().to_json());
    }
}

proptest! {
    #![proptest_config(config(48))]

    /// On arbitrary Unicode mixed with news text, the analysis never
    /// panics, spans stay valid and relations well formed.
    #[test]
    fn arbitrary_text_is_safe(docs in documents(tricky_text())) {
        prop_assume!(!docs.is_empty());
        let analysis = analyse(&docs);
        check_spans(&analysis)?;
        check_relations(&analysis)?;
        let report = analysis.report();
        let _ = report.to_markdown();
        // The streamed JSON is serde_json's pretty layout, byte for byte.
        let mut streamed = Vec::new();
        report.write_json(&mut streamed).unwrap();
        prop_assert_eq!(String::from_utf8(streamed).unwrap(), report.to_json() + "\n");
        // The JSON Lines writer gives serde_json's compact bytes.
        prop_assert_eq!(report.to_json_line_vec(), serde_json::to_vec(&report).unwrap());
        let _ = analysis.graph().to_dot();
        // The attribution listing reads the same text without panicking,
        // and its spans lie inside the document, on char boundaries.
        for doc in &docs {
            let found = Analyzer::new().attributions(doc).expect("valid documents list attributions");
            for a in &found {
                for s in a.source.iter().chain(a.cue.as_ref().map(|c| &c.span)).chain(&a.content) {
                    prop_assert!(doc.text.get(s.range()).is_some(), "attribution span {:?}", s);
                }
            }
        }
    }
}

/// The generator is not vacuous: its documents yield relations of both
/// kinds, so the properties above are about something.
#[test]
fn generated_documents_have_relations() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = documents(news_text());
    let (mut agree, mut contradict, mut analyses) = (0, 0, 0);
    for _ in 0..20 {
        let docs = strategy.new_tree(&mut runner).unwrap().current();
        if docs.is_empty() {
            continue;
        }
        let analysis = analyse(&docs);
        analyses += 1;
        agree += analysis.agreements().count();
        contradict += analysis.contradictions().count();
    }
    println!("{analyses} analyses: {agree} agree, {contradict} contradict");
    assert!(
        analyses > 10 && agree > 0 && contradict > 0,
        "{analyses} analyses: {agree} agree, {contradict} contradict"
    );
}
