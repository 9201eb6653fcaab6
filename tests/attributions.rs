//! `Analyzer::attributions`: every attribution of a document, on short texts
//! written for these tests.

use claimgraph::lexicon::CueClass;
use claimgraph::{Analyzer, Attribution, Document, Error};

fn doc(text: &str) -> Document {
    Document::new("t", "Test Outlet", text)
}

fn found(text: &str) -> Vec<Attribution> {
    Analyzer::new().attributions(&doc(text)).expect("valid document")
}

/// (source, cue, first content) as written, for each attribution.
fn table(text: &str) -> Vec<(String, String, String)> {
    found(text)
        .iter()
        .map(|a| {
            (
                a.source.map_or(String::new(), |s| s.slice(text).to_string()),
                a.cue.as_ref().map_or(String::new(), |c| c.text.clone()),
                a.content.first().map_or(String::new(), |s| s.slice(text).to_string()),
            )
        })
        .collect()
}

#[test]
fn a_second_reporting_verb_is_its_own_attribution() {
    let text = "The mayor said the bridge would reopen on Monday and said repairs were finished.";
    let t = table(text);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(t[1], ("The mayor".into(), "said".into(), "repairs were finished.".into()));
    let all = found(text);
    // The claims carry the first; only this listing finds the second.
    assert!(all[0].in_claims);
    assert!(!all[1].in_claims);
}

#[test]
fn verbs_of_wish_and_stance_attribute_a_position() {
    let text = "Many residents want the old ferry back. The union supports the new timetable.";
    let all = found(text);
    let classes: Vec<Option<CueClass>> = all.iter().map(|a| a.cue.as_ref().map(|c| c.class)).collect();
    assert_eq!(classes, [Some(CueClass::Attitude), Some(CueClass::Attitude)]);
    assert_eq!(all[1].source.map(|s| s.slice(text)), Some("The union"));
    assert_eq!(all[1].content[0].slice(text), "the new timetable.");
    assert!(all.iter().all(|a| !a.in_claims));
}

#[test]
fn claims_never_take_an_attitude_for_speech() {
    let text = "Many residents want the old ferry back. The union supports the new timetable.";
    let analysis = Analyzer::new().analyze(vec![doc(text)]).unwrap();
    assert!(!analysis.claims().is_empty());
    assert!(analysis.claims().iter().all(|c| c.cue.is_none()), "{:?}", analysis.claims());
}

#[test]
fn nouns_that_share_a_verbs_stem_are_no_cue() {
    // "supporters", "adviser" and "support" after a possessive are nouns.
    let t = table(
        "Supporters of the plan gathered outside the hall. The mayor's adviser arrived late. \
         The council's support for the plan has faded.",
    );
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn a_relative_pronoun_is_the_source_where_it_stands() {
    let text =
        "The plan was drafted by Mara Quell, who told reporters that it would cost less than the old one.";
    let all = found(text);
    let told = all
        .iter()
        .find(|a| a.cue.as_ref().is_some_and(|c| c.text.starts_with("told")))
        .expect("told is found");
    assert_eq!(told.source.map(|s| s.slice(text)), Some("who"));
    assert_eq!(told.speaker.as_ref().map(|s| s.name.as_str()), Some("Mara Quell"));
}

#[test]
fn a_participle_after_a_comma_belongs_to_the_sentence_subject() {
    let text = "Tom Reyes criticised the vote on Monday, hoping the council would reconsider it.";
    let all = found(text);
    let hoping =
        all.iter().find(|a| a.cue.as_ref().is_some_and(|c| c.text == "hoping")).expect("hoping is found");
    assert_eq!(hoping.speaker.as_ref().map(|s| s.name.as_str()), Some("Tom Reyes"));
    assert_eq!(hoping.content[0].slice(text), "the council would reconsider it.");
}

#[test]
fn same_document_same_list() {
    let text = "Officials said the port would stay shut. Traders want it reopened, and the chamber \
                backs them, according to a statement.";
    assert_eq!(found(text), found(text));
}

#[test]
fn bad_documents_are_errors() {
    let an = Analyzer::new();
    assert!(matches!(an.attributions(&doc("   ")), Err(Error::EmptyDocument { .. })));
    let big = doc(&"The mayor said the bridge was closed. ".repeat(100));
    assert!(matches!(an.clone().max_doc_bytes(1000).attributions(&big), Err(Error::TooLarge { .. })));
}

#[test]
fn an_inverted_speaker_ends_before_its_relative_clause() {
    // Claims take the speaker too: before, the verb of the relative clause
    // ("spoke") made the phrase no speaker and the quote the outlet's own.
    let text = "\"It opens so many possibilities,\" said an industry lobbyist who spoke on the condition of anonymity.";
    let analysis = Analyzer::new().analyze(vec![doc(text)]).unwrap();
    let speaker = &analysis.claims()[0].speaker;
    assert_eq!(speaker.name, "industry lobbyist");
    let all = found(text);
    assert_eq!(all[0].source.map(|s| s.slice(text)), Some("an industry lobbyist"));
}

#[test]
fn a_participle_after_its_source_reports() {
    let text = "There would be more national polls showing the senator ahead.";
    let all = found(text);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].cue.as_ref().map(|c| c.text.as_str()), Some("showing"));
    assert_eq!(all[0].content[0].slice(text), "the senator ahead.");
    // Not a participle after a verb or a function word.
    assert!(found("The crowd kept showing up at the gate all morning.").is_empty());
}

#[test]
fn a_bare_verb_form_after_a_singular_name_is_a_noun() {
    // "a Russian plan", "full Turkish support", "a Twitter post"; but a
    // plural subject takes the bare form ("Democrats support").
    let t =
        table("The regime enjoys full Velmoran support. The spokeswoman wrote in a Twitter post on Monday.");
    assert!(t.iter().all(|(_, cue, _)| cue != "support" && cue != "post"), "{t:?}");
    let t = table("Most Democrats support the new budget.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].1, "support");
}

#[test]
fn an_attitude_takes_what_follows_it() {
    // Not the clause before it: "As a result of …, the two sides agreed".
    let text = "As a result of two meetings in March, the two sides agreed to joint monitoring of the mines.";
    for a in found(text) {
        if a.cue.as_ref().is_some_and(|c| c.text == "agreed") {
            assert_eq!(a.content[0].slice(text), "to joint monitoring of the mines.");
        }
    }
}

#[test]
fn nouns_attribute_with_or_without_a_source() {
    let text = "Mara Quell's allegations of fraud at the depot were dismissed. \
                Fears of a second strike grew on Monday. \
                He plans to stay in the post.";
    let all = found(text);
    let cue = |a: &Attribution| a.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default();
    let allegations = all.iter().find(|a| cue(a) == "allegations").expect("allegations");
    assert_eq!(allegations.source.map(|s| s.slice(text)), Some("Mara Quell"));
    assert_eq!(allegations.content[0].slice(text), "fraud at the depot were dismissed");
    let fears = all.iter().find(|a| cue(a) == "Fears").expect("fears");
    assert_eq!(fears.speaker, None);
    assert_eq!(fears.source, None);
    assert_eq!(fears.content[0].slice(text), "a second strike grew on Monday");
    // "plans" after a pronoun is a verb: an attitude, not a noun cue.
    let plans: Vec<&Attribution> = all.iter().filter(|a| cue(a) == "plans").collect();
    assert_eq!(plans.len(), 1, "{plans:?}");
    assert!(plans[0].speaker.is_some());
}

#[test]
fn an_inverted_speaker_may_take_a_short_description() {
    // ", said NAME, DESCRIPTION." In the claims too.
    let text =
        "The board could replace the chair this year, said Ana Lund, policy director for a watchdog group.";
    let all = found(text);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].source.map(|s| s.slice(text)), Some("Ana Lund"));
    assert_eq!(all[0].content[0].slice(text), "The board could replace the chair this year");
    let analysis = Analyzer::new().analyze(vec![doc(text)]).unwrap();
    assert_eq!(analysis.claims()[0].speaker.name, "Ana Lund");
}

#[test]
fn a_title_case_headline_attributes() {
    let text = "Mayor Warns New Levee Will Not Hold.\n\nThe city council met on Monday to discuss the levee.";
    let all = found(text);
    let warns = all.iter().find(|a| a.cue.as_ref().is_some_and(|c| c.text == "Warns")).expect("Warns");
    assert_eq!(warns.sentence, 0);
    assert_eq!(warns.source.map(|s| s.slice(text)), Some("Mayor"));
    // A capitalised word in an ordinary sentence is no cue.
    assert!(found("Officials met Will Warns on Monday at the depot.").is_empty());
}

#[test]
fn progressive_cues_and_participle_modifiers() {
    // "is urging": a progressive verb, not a gerund; "outraged local
    // lawmakers": a participle modifying the speaker, not a verb.
    let text = "Mara Quell is urging voters to turn out early. \
                Outraged local lawmakers demanded an explanation for the closure.";
    let t = table(text);
    assert_eq!(
        t,
        [
            ("Mara Quell".to_string(), "urging".to_string(), "voters to turn out early.".to_string()),
            (
                "Outraged local lawmakers".to_string(),
                "demanded".to_string(),
                "an explanation for the closure.".to_string()
            ),
        ]
    );
    // The claims carry both.
    assert!(found(text).iter().all(|a| a.in_claims));
}

#[test]
fn more_shapes_of_attribution() {
    let t = table(
        "Mook explained to other advisers that outside groups could help. \
         A large union that supports the mayor began running ads. \
         Several officials were worried that the plan would fail. \
         Voters say by a wide margin that they prefer the mayor.",
    );
    let cues: Vec<&str> = t.iter().map(|(_, cue, _)| cue.as_str()).collect();
    for cue in ["explained", "supports", "worried", "say"] {
        assert!(cues.contains(&cue), "{cue} missing from {t:?}");
    }
    let supports = t.iter().find(|(_, cue, _)| cue == "supports").unwrap();
    assert_eq!(supports.0, "that");
    let say = t.iter().find(|(_, cue, _)| cue == "say").unwrap();
    assert_eq!(say.0, "Voters");
    assert!(say.2.ends_with("they prefer the mayor."), "{say:?}");
}

#[test]
fn a_light_verb_and_its_noun_are_one_cue() {
    let text = "The newspaper made little mention of the senator. \
                The union issued a statement saying the strike would go on. \
                The mayor made a cake for the party.";
    let t = table(text);
    let cues: Vec<&str> = t.iter().map(|(_, cue, _)| cue.as_str()).collect();
    assert!(cues.contains(&"made little mention"), "{t:?}");
    assert!(cues.contains(&"issued a statement"), "{t:?}");
    let stmt = t.iter().find(|(_, cue, _)| cue == "issued a statement").unwrap();
    assert_eq!(stmt.0, "The union");
    // "made a cake" is no cue.
    assert!(!cues.iter().any(|c| c.contains("cake")), "{t:?}");
}

#[test]
fn a_passive_cue_takes_its_agent_as_the_source() {
    let text = "The new levy was denounced by the national chairman of the party on Monday.";
    let all = found(text);
    let denounced =
        all.iter().find(|a| a.cue.as_ref().is_some_and(|c| c.text == "denounced")).expect("denounced");
    assert_eq!(denounced.source.map(|s| s.slice(text)), Some("the national chairman of the party"));
    assert_eq!(denounced.content[0].slice(text), "The new levy");
    // No agent, no source: "was denounced." alone gives nothing.
    assert!(found("The new levy was denounced on Monday.").is_empty());
}

#[test]
fn back_counts_only_inflected() {
    let t = table("The dockers' union backed the new timetable on Monday.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].1, "backed");
    assert!(table("The mayor came back from the harbour on Monday.").is_empty());
}

#[test]
fn a_negated_cue_is_listed_but_never_a_claims_speaker() {
    let text = "The congressmen did not specify how much money the campaign would divert.";
    let t = table(text);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!((t[0].0.as_str(), t[0].1.as_str()), ("The congressmen", "specify"));
    assert!(!found(text)[0].in_claims);
    let analysis = Analyzer::new().analyze(vec![doc(text)]).unwrap();
    assert!(analysis.claims().iter().all(|c| c.cue.is_none()));
}

#[test]
fn a_relative_after_a_parenthesis_and_a_second_verb_after_but() {
    let text = "He echoed Sen. Mara Quell (D-Ore.), who told a local newspaper that the plan would fail.";
    let t = table(text);
    let told = t.iter().find(|(_, cue, _)| cue.starts_with("told")).expect("told");
    assert_eq!(told.0, "who");
    let text = "The manager did not apologize, but said the delay was caused by the storm.";
    let t = table(text);
    let said = t.iter().find(|(_, cue, _)| cue == "said").expect("said");
    assert_eq!(said.0, "The manager");
    assert_eq!(said.2, "the delay was caused by the storm.");
}

#[test]
fn a_name_with_a_long_apposition_is_the_source() {
    let text = "Tomas Berg, assistant director of maritime and coastal studies at the Nordic Harbour Institute \
                in Bergen, said that the new harbour wall would not survive another winter.";
    let t = table(text);
    assert_eq!(
        t,
        [(
            "Tomas Berg".into(),
            "said".into(),
            "the new harbour wall would not survive another winter.".into()
        )]
    );
    // The claims keep the sentence as the outlet's: only this listing reads it.
    assert!(found(text).iter().all(|a| !a.in_claims));
    // A participle opening the sentence is no name: "states" is a noun.
    let text = "Facing protests in Arlon, Namur and Tournai, states the minister had courted now turn away.";
    assert!(table(text).iter().all(|(_, cue, _)| cue != "states"), "{:?}", table(text));
}

/// The claims' speaker of each sentence (`None` for the outlet's own voice),
/// with the cue's text.
fn claim_speakers(text: &str) -> Vec<(Option<String>, Option<String>)> {
    let analysis = Analyzer::new().analyze(vec![doc(text)]).unwrap();
    analysis
        .claims()
        .iter()
        .map(|c| {
            let own = c.speaker.kind == claimgraph::SpeakerKind::Outlet;
            ((!own).then(|| c.speaker.name.clone()), c.cue.as_ref().map(|q| q.text.clone()))
        })
        .collect()
}

#[test]
fn an_opening_phrase_is_not_the_subject_of_a_second_verb() {
    // "X did this and said …" takes the sentence's subject, which comes
    // after an opening prepositional or participial phrase.
    let t = claim_speakers(
        "On the eastern shore, the ferry company closed two crossings and announced that fares would rise. \
         Asked about the delays, the harbour master declined to apologise and said the schedule was fair.",
    );
    assert_eq!(
        t,
        [
            (Some("ferry company".into()), Some("announced".into())),
            (Some("harbour master".into()), Some("said".into())),
        ]
    );
}

#[test]
fn a_prepositional_phrase_is_no_speaker() {
    // "remarks" can be a verb, but "In her public" cannot say anything;
    // the sentence's speaker is the one before "said".
    let t = claim_speakers("In her public remarks, the minister said the budget was balanced.");
    assert_eq!(t, [(Some("minister".into()), Some("said".into()))]);
}

#[test]
fn a_sentence_opening_adjective_or_participle_is_no_name() {
    // English uses "critical" and "asked" only as adjective and verb: at the
    // start of a sentence, before a lowercase word, they open no name, so
    // they are neither entities nor speakers.
    let text = "Critical in both states is the turnout of young voters. \
                Asked about the polls, the organisers said turnout would rise. \
                Trump in his speech said the race was close.";
    let analysis = Analyzer::new().analyze(vec![doc(text)]).unwrap();
    let names: Vec<&str> = analysis.referents().iter().map(|r| r.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.starts_with("Critical") || n.starts_with("Asked")), "{names:?}");
    // A name that is also an English noun still opens a name.
    assert!(names.contains(&"Trump"), "{names:?}");
    let t = claim_speakers(text);
    assert!(t.iter().all(|(s, _)| s.as_deref().is_none_or(|s| !s.starts_with("Critical"))), "{t:?}");
}

#[test]
fn one_speech_is_listed_once() {
    // The statement is the union's speech: its participle "saying" is not a
    // second attribution with "a statement" as its source.
    let t = table("The union issued a statement saying the strike would go ahead.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].0, "The union");
    assert_eq!(t[0].1, "issued a statement");
}

#[test]
fn an_inverted_speaker_ends_before_a_subordinate_clause() {
    // "Abedin", not "Abedin when a staffer forwarded her the note", is the
    // speaker the pronoun of the next sentence resolves to.
    let t = claim_speakers(
        "“Amazing,” responded Abedin when a staffer forwarded her the note. \
         “Hope you share it with the whole team,” she wrote.",
    );
    assert!(!t.is_empty(), "{t:?}");
    assert!(t.iter().all(|(s, _)| s.as_deref().is_some_and(|s| !s.contains("when"))), "{t:?}");
}

#[test]
fn the_subject_speaks_across_an_apposition_or_relative_clause() {
    let t = claim_speakers(
        "The harbour board, which owns the ferry, said the crossing would reopen. \
         The mayor, a member of the Coastal Party, said the road was open.",
    );
    assert_eq!(
        t,
        [(Some("harbour board".into()), Some("said".into())), (Some("mayor".into()), Some("said".into()))]
    );
}

#[test]
fn irregular_forms_of_speak_are_cues() {
    let text = "The mayor has spoken out before about the ferry fares. The harbour master spoke about the new timetable.";
    let t = table(text);
    assert_eq!(
        t,
        [
            ("The mayor".into(), "spoken".into(), "out before about the ferry fares.".into()),
            ("The harbour master".into(), "spoke".into(), "about the new timetable.".into()),
        ]
    );
    // Speaking on condition of anonymity says how someone spoke, not what.
    let t = table("The figures came from two officials, who spoke on the condition of anonymity.");
    assert!(t.iter().all(|(_, cue, _)| cue != "spoke"), "{t:?}");
}

#[test]
fn a_numeral_may_count_the_speakers() {
    let text = "Two senior lawmakers urged the mayor to reopen the ferry. \
                In interviews, three members of the council called on the mayor to resign.";
    let t = table(text);
    let pairs: Vec<(&str, &str)> = t.iter().map(|(s, c, _)| (s.as_str(), c.as_str())).collect();
    assert!(pairs.contains(&("Two senior lawmakers", "urged")), "{t:?}");
    assert!(pairs.iter().any(|&(s, c)| s.starts_with("three members") && c == "called on"), "{t:?}");
    // A figure is still no speaker.
    assert!(table("Five times the number the government admits said nothing.").is_empty());
}

#[test]
fn a_one_word_quotation_is_attributed() {
    let text = "“Amazing,” responded the director when a clerk forwarded her the note. “Never,” she said.";
    let t = table(text);
    assert_eq!(
        t,
        [
            ("the director".into(), "responded".into(), "Amazing".into()),
            ("she".into(), "said".into(), "Never".into()),
        ]
    );
    // Such a quotation makes no claim.
    let analysis = Analyzer::new().analyze(vec![doc(text)]).unwrap();
    assert!(analysis.claims().iter().all(|c| c.cue.is_none()), "{:?}", analysis.claims());
}

#[test]
fn a_title_case_headline_names_its_speaker_by_a_name_used_below() {
    let text = "Harlow Warns Council Budget Would Close Three Libraries.\n\n\
                Mayor Edith Harlow said on Tuesday that the budget would close three libraries.";
    let all = found(text);
    let warns = all.iter().find(|a| a.cue.as_ref().is_some_and(|c| c.text == "Warns")).expect("Warns");
    assert_eq!(warns.source.map(|s| s.slice(text)), Some("Harlow"));
    assert_eq!(warns.speaker.as_ref().map(|s| s.name.as_str()), Some("Edith Harlow"));
    let text = "Edith Harlow Claims Council Budget Would Close Three Libraries.\n\n\
                Mayor Edith Harlow said on Tuesday that the budget would close three libraries.";
    let t = table(text);
    assert!(t.iter().any(|(s, c, _)| s == "Edith Harlow" && c == "Claims"), "{t:?}");
}

#[test]
fn call_out_is_an_accusation() {
    let text = "The mayor called out the ferry company for its late sailings.";
    let t = table(text);
    assert_eq!(
        t,
        [("The mayor".into(), "called out".into(), "the ferry company for its late sailings.".into())]
    );
    let all = found(text);
    assert_eq!(all[0].cue.as_ref().map(|c| c.class), Some(CueClass::Accusation));
}

#[test]
fn a_label_may_open_with_an_article() {
    let text = "She called the mayor a “weak and ineffective leader” at the meeting.";
    let t = table(text);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!((t[0].0.as_str(), t[0].1.as_str()), ("She", "called"));
    // No quotation, no label: "called the police a second time".
    assert!(table("She called the police a second time that night.").is_empty());
}

#[test]
fn reporting_verb_forms_that_are_not_speech() {
    for text in [
        "The party is battling in liberal states like Oregon and in key states.",
        "The region has added 178,000 jobs this year.",
        "The council adds roughly 2,000 homes a year.",
    ] {
        assert!(table(text).is_empty(), "{text}: {:?}", table(text));
    }
    let t = table("“We are ready,” said Ana Lund, press secretary for the mayor.");
    assert!(t.iter().all(|(_, cue, _)| cue != "press"), "{t:?}");
    // The verbs still report.
    let t = table("The report states that the ferry is safe. The mayor added that fares would fall.");
    let cues: Vec<&str> = t.iter().map(|(_, c, _)| c.as_str()).collect();
    assert_eq!(cues, ["states", "added"]);
}

#[test]
fn a_description_may_end_in_a_gerund() {
    let text = "In a discussion about the budget, Ana Lund, director of speechwriting, wrote that the plan was sound.";
    assert_eq!(claim_speakers(text), [(Some("Ana Lund".into()), Some("wrote".into()))]);
    let t = table(text);
    assert_eq!((t[0].0.as_str(), t[0].1.as_str()), ("Ana Lund", "wrote"));
}

#[test]
fn an_inverted_speaker_names_someone() {
    // "…, described a culture of secrecy": the verb's object, not an
    // inverted speaker (", said the mayor").
    let text = "Mayor Ana Lund, a member of the harbour board who chaired the inquiry, described a culture of secrecy.";
    let speakers = claim_speakers(text);
    assert!(speakers.iter().all(|(s, _)| s.as_deref() != Some("culture of secrecy")), "{speakers:?}");
    assert!(table(text).iter().all(|(s, _, _)| s != "a culture of secrecy"));
    assert_eq!(
        claim_speakers("The ferry will sail on Monday, said an industry lobbyist."),
        [(Some("industry lobbyist".into()), Some("said".into()))]
    );
}

#[test]
fn a_name_with_an_apposition_after_an_opening_phrase() {
    // After an opening phrase, and with a verb of attitude.
    let t = table(
        "In Bergen, the journalist Ana Lund, writing in the Harbour Post in 2013, described a culture of secrecy.",
    );
    assert!(t.iter().any(|(s, c, _)| s == "Ana Lund" && c == "described"), "{t:?}");
    let t =
        table("Ana Lund, a tax specialist and senior fellow at the Harbour Institute, echoed that point.");
    assert_eq!(t, [("Ana Lund".into(), "echoed".into(), "that point.".into())]);
}

#[test]
fn a_figure_after_a_colon_is_no_speech() {
    let text =
        "Harbour Index: DOWN 0.4 percent at 17,959.64. Velmont Ferries: 61 percent of sailings were late.";
    assert!(table(text).is_empty(), "{:?}", table(text));
    assert!(claim_speakers(text).iter().all(|(s, _)| s.is_none()), "{:?}", claim_speakers(text));
}

#[test]
fn a_reduced_passive_takes_its_agent_as_the_source() {
    let text = "The proposals suggested by the tax experts would cost the city little.";
    let t = table(text);
    assert!(t.iter().any(|(s, c, _)| s == "the tax experts" && c == "suggested"), "{t:?}");
    // Not after a pronoun or an auxiliary ("it was suggested by" is the
    // passive itself).
    assert!(table("Nothing he suggested by then was new.").iter().all(|(s, _, _)| s != "then"));
}

#[test]
fn a_quotation_then_its_speaker_and_any_verb() {
    let text = "“The ferry will never run on time,” the Gazette continued. “Because you would be late,” the mayor interjected.";
    let t = table(text);
    let pairs: Vec<(&str, &str)> = t.iter().map(|(s, c, _)| (s.as_str(), c.as_str())).collect();
    assert_eq!(pairs, [("Gazette", "continued"), ("the mayor", "interjected")], "{t:?}");
    assert_eq!(t[0].2, "The ferry will never run on time");
    // Not a verb of a clause after the quotation.
    let t = table("“It was full,” she said, and the clerk still wanted changes made.");
    assert!(t.iter().all(|(_, c, _)| c != "made"), "{t:?}");
}

#[test]
fn evidence_shows() {
    let t = table(
        "The council released a video which showed the ferry sinking. Its broadcasts repeatedly show the harbour as a ruin.",
    );
    let pairs: Vec<(&str, &str)> = t.iter().map(|(s, c, _)| (s.as_str(), c.as_str())).collect();
    assert!(pairs.contains(&("which", "showed")), "{t:?}");
    assert!(pairs.contains(&("Its broadcasts", "show")), "{t:?}");
    // Other verbs still need someone to speak.
    assert!(table("Its broadcasts repeatedly deny the harbour is a ruin.").is_empty());
}

#[test]
fn released_a_statement_saying() {
    let text = "The mayor himself released an extraordinary statement saying the ferry would sail.";
    let t = table(text);
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(
        (t[0].0.as_str(), t[0].1.as_str()),
        ("The mayor himself", "released an extraordinary statement")
    );
}

#[test]
fn an_irregular_past_is_a_finite_verb() {
    let text = "The ferry company cut two crossings and announced that fares would rise.";
    assert_eq!(claim_speakers(text), [(Some("ferry company".into()), Some("announced".into()))]);
    // After a determiner it is a noun: "the cut".
    let t = table("The cut in fares pleased the mayor, who said it was overdue.");
    assert!(t.iter().all(|(s, _, _)| !s.contains("cut")), "{t:?}");
}

#[test]
fn a_later_verb_of_the_subject_after_a_semicolon_or_an_adverb() {
    let t =
        table("The mayor questioned the budget; blamed the council for the delays; bemoaned the weather.");
    let pairs: Vec<(&str, &str)> = t.iter().map(|(s, c, _)| (s.as_str(), c.as_str())).collect();
    assert!(pairs.contains(&("The mayor", "blamed")), "{t:?}");
    assert!(pairs.contains(&("The mayor", "bemoaned")), "{t:?}");
    let t = table("She also maintained that the fares were fair, and mocked the council for its delays.");
    assert!(t.iter().any(|(s, c, _)| s == "She" && c == "mocked"), "{t:?}");
}

#[test]
fn a_document_word_in_ing_heads_a_source() {
    let text = "Public polling shows that the ferry is popular.";
    assert_eq!(claim_speakers(text), [(Some("Public polling".into()), Some("shows".into()))]);
}

#[test]
fn the_speakers_own_occasion_is_no_part_of_the_name() {
    let text = "The mayor in her speech said the ferry would sail on Monday.";
    assert_eq!(claim_speakers(text), [(Some("mayor".into()), Some("said".into()))]);
    // A phrase that names the speaker stays: "officials at the port".
    assert_eq!(
        claim_speakers("Officials at the port said the ferry would sail."),
        [(Some("Officials at the port".into()), Some("said".into()))]
    );
}

#[test]
fn a_promise_to_act_is_attributed() {
    let t = table("The governor pledged to veto the harbour bill. She has also vowed to block the tolls.");
    assert_eq!(t[0], ("The governor".into(), "pledged".into(), "to veto the harbour bill.".into()));
    assert_eq!(t[1], ("She".into(), "vowed".into(), "to block the tolls.".into()));
    // "to" before a noun phrase is no infinitive: the audience or the
    // occasion, not what is said.
    let t = table("The governor wrote to the council about the tolls.");
    assert!(t.iter().all(|(_, _, c)| !c.starts_with("to")), "{t:?}");
    // Claims do not take a promise to act as an assertion.
    let analysis =
        Analyzer::new().analyze(vec![doc("The governor pledged to veto the harbour bill.")]).unwrap();
    assert!(analysis.claims().iter().all(|c| c.cue.is_none()), "{:?}", analysis.claims());
}

#[test]
fn an_infinitive_cue_is_its_governing_subjects_or_the_noun_before_it() {
    let t = table("The councillors had begun to hint that the tolls would rise.");
    assert_eq!(t, [("The councillors".into(), "hint".into(), "the tolls would rise.".into())]);
    let t = table("Residents are quick to note that the pier is unsafe.");
    assert_eq!(t, [("Residents".into(), "note".into(), "the pier is unsafe.".into())]);
    let t = table("The Harbour Courier on Friday became the latest newspaper to endorse the ferry plan.");
    assert_eq!(t, [("the latest newspaper".into(), "endorse".into(), "the ferry plan.".into())]);
    let t = table("The delay is prompting dozens of Republicans to rebuke the harbour board.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].0.ends_with("Republicans") && t[0].1 == "rebuke", "{t:?}");
    // A purpose clause is no attribution, and a verb that is a cue itself
    // ("refused to confirm") is the one attribution.
    let t = table("The mayor worked hard to assure the council of the plan.");
    assert!(t.is_empty(), "{t:?}");
    let t = table("The ferry company has refused to confirm the figures.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].1, "refused");
}

#[test]
fn participles_and_progressives_past_adverbs_and_opening_phrases() {
    // A participle after "while" or "by", or after a comma and an adverb,
    // is the subject's.
    let t = table("The Courier praised the mayor while acknowledging his many mistakes.");
    assert!(t.iter().any(|(s, c, _)| s.ends_with("Courier") && c == "acknowledging"), "{t:?}");
    let t = table("The senator stayed silent, publicly revealing a split in the party.");
    assert_eq!(t, [("The senator".into(), "revealing".into(), "a split in the party.".into())]);
    // The subject follows an opening phrase.
    let t = table("On Sunday, he was in Dover, claiming that the race was tied.");
    assert_eq!(t, [("he".into(), "claiming".into(), "the race was tied.".into())]);
    // A progressive verb, past an adverb.
    let t = table("The council has been mulling new tolls for the bridge.");
    assert_eq!(t, [("The council".into(), "mulling".into(), "new tolls for the bridge.".into())]);
    let t = table("Some residents are even demanding that the plant close.");
    assert_eq!(t, [("Some residents".into(), "demanding".into(), "the plant close.".into())]);
    // Not a verb with no complement: "when the mayor was speaking, …".
    let t = table("When the mayor was speaking, the crowd stood in the rain.");
    assert!(t.is_empty(), "{t:?}");
    // A quotation after the comma is its complement.
    let t = table("Lund, who hugged the mayor, shouted, “We will win the vote!”");
    assert!(t.iter().any(|(s, c, _)| s == "Lund" && c == "shouted"), "{t:?}");
    // A relative pronoun is the source past an adverb in -ly.
    let t = table("The rules drew fire from the harbour pilots, who simply criticized the old timetable.");
    assert!(t.iter().any(|(s, c, _)| s == "who" && c == "criticized"), "{t:?}");
}

#[test]
fn a_part_of_a_group_or_a_pronoun_for_people_is_a_source() {
    let t = table("Many councillors opposed the tolls, and some are even demanding that the mayor resign.");
    assert!(t.iter().any(|(s, c, _)| s == "some" && c == "demanding"), "{t:?}");
    let t = table("Some of them had endorsed the mayor before the vote.");
    assert_eq!(t, [("Some of them".into(), "endorsed".into(), "the mayor before the vote.".into())]);
    let t = table("The leaked memo led many to assume that the pier was closed.");
    assert!(t.iter().any(|(s, c, _)| s == "many" && c == "assume"), "{t:?}");
    let t = table(
        "Voices were raised, from those who simply criticized the tolls to others who want to scrap them.",
    );
    let pairs: Vec<(&str, &str)> = t.iter().map(|(s, c, _)| (s.as_str(), c.as_str())).collect();
    assert!(pairs.contains(&("who", "criticized")) && pairs.contains(&("who", "want")), "{t:?}");
    // A quantifier before a noun that is no verb's subject is no source.
    let t = table("Some support for the plan has faded.");
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn a_verb_of_stance_may_take_one_name_or_pronoun() {
    // The cue is the verb, or the phrase "went on to praise" that the
    // lexicon lists (tests/attribution_cues.rs): either way, one
    // attribution with the master as source and the name as content.
    let t = table("The harbour master went on to praise Lund.");
    assert_eq!(t.len(), 1, "{t:?}");
    let (s, c, x) = &t[0];
    assert_eq!((s.as_str(), x.as_str()), ("The harbour master", "Lund."), "{t:?}");
    assert!(c.ends_with("praise"), "{t:?}");
    let t = table("The clerk declined to sign the memo, but he also did not dispute it.");
    assert!(t.iter().any(|(s, c, x)| s == "he" && c == "dispute" && x == "it."), "{t:?}");
    // A reporting verb still needs a clause: "he said so." reports nothing.
    let t = table("The clerk said so.");
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn a_participial_aside_an_opening_time_phrase_and_what_we_know() {
    // "Name, noting that …, added:" — the aside may hold verbs and a
    // quotation of its own.
    let text = "Mr. Lund, noting that the ferry's \"timetable is not as reliable as the old one,\" \
                added: \"We need more boats.\"";
    let t = table(text);
    assert!(t.iter().any(|(s, c, _)| s.ends_with("Lund") && c == "added"), "{t:?}");
    let t = table("Last week I asked both harbour boards to explain the tolls.");
    assert!(t.iter().any(|(s, c, _)| s == "I" && c == "asked"), "{t:?}");
    let t = table("What we know is this: the ferry runs late.");
    assert!(t.iter().any(|(s, c, _)| s == "we" && c == "know"), "{t:?}");
}

#[test]
fn a_negated_bare_verb_after_a_name_and_a_rejected_plan() {
    let t = table("Ms. Lund did not reveal the figures.");
    assert!(t.iter().any(|(s, c, _)| s.ends_with("Lund") && c == "reveal"), "{t:?}");
    // The listing takes the rejection of a plan as a stance; claims do not
    // take it as a denial of a proposition.
    let text = "The new mayor rejected the plan.";
    let t = table(text);
    assert_eq!(t, [("The new mayor".into(), "rejected".into(), "the plan.".into())]);
    let analysis = Analyzer::new().analyze(vec![doc(text)]).unwrap();
    assert!(analysis.claims().iter().all(|c| c.cue.is_none()), "{:?}", analysis.claims());
}

#[test]
fn a_named_subject_of_an_object_relative_clause() {
    let text = "The tour included one event in Dover, which Mara Lund, then the county's mayor, praised.";
    let t = table(text);
    assert_eq!(t, [("Mara Lund".into(), "praised".into(), "one event in Dover".into())]);
}

#[test]
fn an_apposition_naming_several_or_another_name() {
    let t =
        table("And now, both candidates for mayor, Ann Lund and Tom Berg, say they do not support the toll.");
    assert!(t.iter().any(|(s, c, _)| s.contains("Lund") && s.contains("Berg") && c == "say"), "{t:?}");
    let t = table(
        "The state-financed network, also known as Harbour Today, suggested that the decision hurt it.",
    );
    assert!(t.iter().any(|(s, c, _)| s.contains("network") && c == "suggested"), "{t:?}");
}
