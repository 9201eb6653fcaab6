//! The stance of a document toward a claim, on short texts written for
//! these tests. Each test guards one kind of error that was fixed.

use claimgraph::{Analyzer, Document, EvidenceKind, Lexicon, StanceIndex, StanceLabel};

fn index(text: &str) -> StanceIndex {
    StanceIndex::new(&Document::new("t", "Test Outlet", text)).expect("valid document")
}

fn feature(index: &StanceIndex, claim: &str, name: &str) -> f32 {
    index.features(claim).expect("valid claim").get(name).expect("known feature")
}

#[test]
fn contracted_negation_reads_like_not() {
    // "isn't real" is "is not real", a refutation, and "real" alone does not
    // count as affirming.
    let idx = index("That photo of a shark swimming on the motorway isn't real.");
    let claim = "A shark was photographed swimming on the motorway";
    assert_eq!(feature(&idx, claim, "doc_says:not real"), 1.0);
    assert_eq!(feature(&idx, claim, "doc_says:real"), 0.0);
    let stance = idx.stance(claim).unwrap();
    assert_eq!(stance.evidence.first().map(|e| e.kind), Some(EvidenceKind::Refutes));
}

#[test]
fn a_word_inside_a_longer_phrase_counts_once() {
    // "not been confirmed" doubts; its "confirmed" does not affirm.
    let idx = index("The merger of the two airlines has not been confirmed.");
    let claim = "The two airlines merged";
    assert_eq!(feature(&idx, claim, "doc_says:not been confirmed"), 1.0);
    assert_eq!(feature(&idx, claim, "doc_says:confirm"), 0.0);
}

#[test]
fn negation_of_the_claims_words_refutes() {
    let idx = index("No, the council did not ban bicycles from the old town.");
    let stance = idx.stance("The council banned bicycles from the old town").unwrap();
    let first = &stance.evidence[0];
    assert_eq!(first.kind, EvidenceKind::Refutes);
    assert!(first.why.contains("negates"), "{}", first.why);
    assert!(feature(&idx, "The council banned bicycles from the old town", "doc_negates_claim") > 0.5);
}

#[test]
fn a_negated_claim_restated_as_negated_is_no_mismatch() {
    let idx = index("The council did not ban bicycles from the old town.");
    let claim = "The council did not ban bicycles from the old town";
    assert_eq!(feature(&idx, claim, "negation_mismatch"), 0.0);
    assert_eq!(feature(&idx, claim, "doc_negates_claim"), 0.0);
}

#[test]
fn accusations_are_reporting() {
    let idx = index("Residents accused the chemical plant of dumping waste into the river.");
    assert!(feature(&idx, "The chemical plant dumped waste into the river", "doc_reporting") > 0.0);
}

#[test]
fn a_source_before_a_colon_is_attribution() {
    let idx = index("Police: the tunnel will stay closed until spring");
    assert_eq!(feature(&idx, "The tunnel will stay closed", "lead_colon_source"), 1.0);
    let idx = index("The tunnel will stay closed until spring: police");
    assert_eq!(feature(&idx, "The tunnel will stay closed", "lead_colon_source"), 0.0);
}

#[test]
fn attributed_sentences_report() {
    // A future tense ("will") is not a hedge.
    let idx = index("The mayor said the tunnel will stay closed until spring.");
    let stance = idx.stance("The tunnel will stay closed until spring").unwrap();
    assert_eq!(stance.evidence.first().map(|e| e.kind), Some(EvidenceKind::Reports));
    assert!(stance.evidence[0].cues.iter().any(|c| c.text == "said"));
}

#[test]
fn hedged_sentences_hedge() {
    let idx = index("The tunnel could reportedly stay closed until spring.");
    let stance = idx.stance("The tunnel will stay closed until spring").unwrap();
    assert_eq!(stance.evidence.first().map(|e| e.kind), Some(EvidenceKind::Hedges));
}

#[test]
fn unrelated_documents_have_no_evidence() {
    let idx = index("The orchestra opened its season with two symphonies on Friday night.");
    let stance = idx.stance("A volcano erupted near the fishing village").unwrap();
    assert_eq!(stance.label, StanceLabel::Unrelated);
    assert!(stance.evidence.is_empty());
}

#[test]
fn plain_refutation_disagrees() {
    let idx = index(
        "Claims that the zoo's oldest tortoise escaped are a hoax, the zoo said on Tuesday. \
         The tortoise is in its enclosure and healthy, keepers said. \
         The story of the escape was fabricated by a satirical website.",
    );
    let stance = idx.stance("The zoo's oldest tortoise escaped").unwrap();
    assert_eq!(stance.label, StanceLabel::Disagree);
    assert!(stance.evidence.iter().any(|e| e.kind == EvidenceKind::Refutes));
}

#[test]
fn same_input_same_output_and_index_reuse() {
    let text = "The festival was cancelled because of the storm, organisers said. \
                Tickets will be refunded.";
    let claims = ["The festival was cancelled", "Tickets will be refunded", "A new bridge opened"];
    let idx = index(text);
    let once: Vec<_> = claims.iter().map(|c| idx.stance(c).unwrap()).collect();
    // Asking in another order, or of a fresh index, changes nothing.
    for (i, c) in claims.iter().enumerate().rev() {
        assert_eq!(idx.stance(c).unwrap(), once[i]);
        assert_eq!(index(text).stance(c).unwrap(), once[i]);
    }
    let via_analyzer = Analyzer::new().stance(&Document::new("t", "Test Outlet", text), claims[0]).unwrap();
    assert_eq!(via_analyzer, once[0]);
}

#[test]
fn user_lexicon_words_are_read() {
    // A denial word from a user lexicon refutes like a built-in one.
    let lex = Lexicon::parse("user.lex", "denial: poppycock\n").unwrap();
    let doc = Document::new("t", "Test Outlet", "The tale that the lighthouse keeper vanished is poppycock.");
    let idx = Analyzer::new().lexicon(lex).stance_index(&doc).unwrap();
    let stance = idx.stance("The lighthouse keeper vanished").unwrap();
    assert_eq!(stance.evidence.first().map(|e| e.kind), Some(EvidenceKind::Refutes));
}

#[test]
fn odd_input_never_panics() {
    let texts = [
        "?",
        "“”",
        "Ərəb dili — ‘quoted’ … 3.5% of 1,200,000!",
        "no no no no no not never n't n't",
        "A:\n\n\nB:\n:",
        &"word ".repeat(3000),
    ];
    let claims = ["Ə", "3.5%", "no", "not real", "A: B", "word word", "x"];
    for t in texts {
        let Ok(idx) = StanceIndex::new(&Document::new("t", "Test Outlet", t)) else { continue };
        for c in claims {
            if let Ok(s) = idx.stance(c) {
                let sum = s.scores.agree + s.scores.disagree + s.scores.discuss + s.scores.unrelated;
                assert!((sum - 1.0).abs() < 1e-9);
                for e in &s.evidence {
                    assert_eq!(&t[e.span.range()], e.text);
                }
            }
        }
    }
    // Invalid documents and claims are errors.
    assert!(StanceIndex::new(&Document::new("t", "Test Outlet", "   ")).is_err());
    assert!(index("Text.").stance("").is_err());
    assert!(index("Text.").stance("…?!").is_err());
}

#[test]
fn stance_serializes() {
    let idx = index("Officials denied that the reservoir was contaminated.");
    let s = idx.stance("The reservoir was contaminated").unwrap();
    let json = serde_json::to_value(&s).unwrap();
    assert!(json["label"].is_string());
    assert!(json["scores"]["disagree"].is_number());
    assert!(json["evidence"][0]["kind"].is_string());
}

#[test]
fn short_documents_are_flagged() {
    let claim = "The tunnel will stay closed";
    assert_eq!(feature(&index("Tunnel to stay closed until spring"), claim, "short_document"), 1.0);
    let long = "The tunnel under the river will stay closed until spring, the city said. ".repeat(5);
    assert_eq!(feature(&index(&long), claim, "short_document"), 0.0);
}

#[test]
fn a_source_after_a_colon_or_dash_at_the_end() {
    let claim = "The tunnel will stay closed";
    let idx = index("The tunnel will stay closed until spring: officials");
    assert_eq!(feature(&idx, claim, "lead_trailing_source"), 1.0);
    assert_eq!(feature(&idx, claim, "lead_source_noun"), 1.0);
    let idx = index("The tunnel will stay closed until spring - city engineer");
    assert_eq!(feature(&idx, claim, "lead_trailing_source"), 1.0);
    assert_eq!(feature(&idx, claim, "lead_source_noun"), 0.0);
    // A clause after the colon is no source, nor is a hyphen inside a word.
    let idx = index("Tunnel works: the city will keep the old tunnel closed until spring");
    assert_eq!(feature(&idx, claim, "lead_trailing_source"), 0.0);
    let idx = index("The tunnel will stay closed until mid-spring");
    assert_eq!(feature(&idx, claim, "lead_trailing_source"), 0.0);
    // A source before a leading colon.
    let idx = index("Report: the tunnel will stay closed until spring");
    assert_eq!(feature(&idx, claim, "lead_source_noun"), 1.0);
    let idx = index("Harbour town: the tunnel will stay closed until spring");
    assert_eq!(feature(&idx, claim, "lead_source_noun"), 0.0);
}

#[test]
fn a_question_in_the_opening_hedges() {
    let claim = "The tunnel will stay closed until spring";
    let idx = index("Will the tunnel stay closed until spring? Engineers weigh in");
    assert_eq!(feature(&idx, claim, "lead_question"), 1.0);
    assert_eq!(feature(&index("The tunnel will stay closed until spring"), claim, "lead_question"), 0.0);
    let hedged =
        feature(&index("Tunnel reportedly to stay closed until spring: report"), claim, "lead_hedging");
    let plain = feature(&index("The tunnel will stay closed until spring"), claim, "lead_hedging");
    assert!(hedged >= plain + 2.0, "{hedged} vs {plain}");
}

#[test]
fn claims_called_false_are_refuted_not_hedged() {
    // "Claims that … are false": the claims are what is refuted; the word
    // does not hedge. "He claims that …" still hedges.
    let claim = "The tunnel collapsed";
    let idx = index("Claims that the tunnel collapsed are false.");
    assert_eq!(feature(&idx, claim, "doc_says:claim"), 0.0);
    assert_eq!(feature(&idx, claim, "related_uncertain"), 0.0);
    assert_eq!(feature(&idx, claim, "doc_says:false"), 1.0);
    let idx = index("A local blogger claims that the tunnel collapsed.");
    assert_eq!(feature(&idx, claim, "doc_says:claim"), 1.0);
}

#[test]
fn refutation_in_the_documents_own_voice() {
    let claim = "The tunnel collapsed";
    let own = index("The story that the tunnel collapsed is a hoax. Traffic is normal.");
    assert_eq!(feature(&own, claim, "own_voice_refuting"), 1.0);
    assert_eq!(feature(&own, claim, "related_refuting_share"), 1.0);
    let reported = index("The story that the tunnel collapsed is a hoax, the mayor said. Traffic is normal.");
    assert_eq!(feature(&reported, claim, "own_voice_refuting"), 0.0);
    assert_eq!(feature(&reported, claim, "related_refuting_share"), 1.0);
    let plain = index("The tunnel collapsed on Monday. Traffic is diverted.");
    assert_eq!(feature(&plain, claim, "related_refuting_share"), 0.0);
    assert_eq!(feature(&plain, claim, "own_voice_refuting"), 0.0);
}

#[test]
fn short_refutations_disagree_and_short_reports_discuss() {
    // The short-document trees: a headline that calls the claim a hoax
    // disagrees, one that only reports it discusses.
    let claim = "The zoo's oldest tortoise escaped";
    let s = index("Story of the zoo's escaped oldest tortoise is a hoax").stance(claim).unwrap();
    assert_eq!(s.label, StanceLabel::Disagree);
    let s = index("Zoo's oldest tortoise reportedly escaped").stance(claim).unwrap();
    assert_eq!(s.label, StanceLabel::Discuss);
}

#[test]
fn a_headline_about_another_story_is_unrelated() {
    // The short-document trees learn "unrelated" too (from headlines paired
    // with other stories' claims).
    let idx = index("Harbour ferry makes its last night crossing after ninety years");
    let s = idx.stance("A striker signed a four-year contract with the club").unwrap();
    assert_eq!(s.label, StanceLabel::Unrelated);
    let s = idx.stance("The night ferry service has ended").unwrap();
    assert_ne!(s.label, StanceLabel::Unrelated);
}
