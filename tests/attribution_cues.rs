//! `Analyzer::attributions`: cues beyond the plain reporting verbs (verbs
//! of judging and feeling, passives, nouns and phrases), on short texts
//! written for these tests.

use claimgraph::{Analyzer, Attribution, Document};

fn found(text: &str) -> Vec<Attribution> {
    Analyzer::new().attributions(&Document::new("t", "Test Outlet", text)).expect("valid document")
}

/// (source, cue) as written, for each attribution.
fn pairs(text: &str) -> Vec<(String, String)> {
    found(text)
        .iter()
        .map(|a| {
            (
                a.source.map_or(String::new(), |s| s.slice(text).to_string()),
                a.cue.as_ref().map_or(String::new(), |c| c.text.clone()),
            )
        })
        .collect()
}

fn has(t: &[(String, String)], source: &str, cue: &str) -> bool {
    t.iter().any(|(s, c)| s == source && c == cue)
}

#[test]
fn verbs_of_judging_attribute_a_view() {
    let t = pairs(
        "The council derided the plan as a waste of money. The chairwoman disinvited the senator \
         from the gala. The treasurer upbraided the contractor for the delays.",
    );
    assert!(has(&t, "The council", "derided"), "{t:?}");
    assert!(has(&t, "The chairwoman", "disinvited"), "{t:?}");
    assert!(has(&t, "The treasurer", "upbraided"), "{t:?}");
}

#[test]
fn an_attitude_passive_with_its_agent_is_the_agents() {
    let text = "The governor has been eviscerated by the editorial board of the Valley Herald in several \
                opinion pieces.";
    let all = found(text);
    assert_eq!(all.len(), 1, "{all:?}");
    let source = all[0].source.map(|s| s.slice(text)).unwrap_or_default();
    assert!(source.starts_with("the editorial board"), "{source}");
}

#[test]
fn a_passive_without_its_agent_names_no_source() {
    let text = "The mayor is expected to win the runoff. The contractor was accused of inflating the \
                bill. The bridge plan is considered the cheapest option. Such rents are reported as \
                income.";
    let t = pairs(text);
    let cues: Vec<&str> = t.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(cues, ["is expected", "was accused of", "is considered", "are reported"], "{t:?}");
    assert!(t.iter().all(|(s, _)| s.is_empty()), "{t:?}");
}

#[test]
fn passive_idioms_of_purpose_and_naming_are_no_cue() {
    let t = pairs(
        "The tower is supposed to open in May. The fund was intended to help farmers. The district \
         is known as the Flats.",
    );
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn a_poll_or_forecast_gives_a_standing() {
    let t = pairs(
        "The Gazette's latest forecast currently gives the mayor a 70 percent chance of winning. \
         Sunday's survey gave the challenger a two-point lead. The new poll has the mayor leading \
         in every district. The poll has been criticized by both parties.",
    );
    assert!(has(&t, "The Gazette's latest forecast", "gives"), "{t:?}");
    assert!(has(&t, "Sunday's survey", "gave"), "{t:?}");
    assert!(has(&t, "The new poll", "has"), "{t:?}");
    assert_eq!(t.iter().filter(|(_, c)| c == "has").count(), 1, "{t:?}");
}

#[test]
fn the_object_of_a_verb_does_not_head_a_participle() {
    let t = pairs(
        "The aide contacted a county official seeking to change the rating. The council wrote to the \
         ministry seeking more money. With new polls showing her ahead, the mayor relaxed.",
    );
    assert!(!t.iter().any(|(s, _)| s == "a county official" || s == "the ministry"), "{t:?}");
    assert!(has(&t, "new polls", "showing"), "{t:?}");
}

#[test]
fn verbs_that_report_only_with_a_clause() {
    let text = "The mayor charged into the crowd. The board, which is charged with policing the port, met \
                today. Local firms maintained their pace of hiring. The senator declared his candidacy in \
                May. The union charged on Monday that the port was unsafe.";
    let t = pairs(text);
    assert_eq!(t, [("The union".to_string(), "charged".to_string())], "{t:?}");
}

#[test]
fn the_object_of_a_participle_or_a_directive_is_no_inverted_speaker() {
    let t = pairs(
        "The port sent a letter to the union, telling the dockers to take their grievances elsewhere. \
         Her cousin, a nurse, called on the congregation to make its voice heard. The mayor spoke for \
         an hour, echoing his newsletter with more attacks on the council.",
    );
    assert!(
        !t.iter().any(|(s, _)| s.starts_with("the dockers")
            || s.starts_with("the congregation")
            || s.starts_with("echoing")),
        "{t:?}"
    );
}

#[test]
fn particle_verbs_and_phrases_are_cues() {
    let t = pairs(
        "The minister brushed off the complaints about the ferry. In a memo, the treasurer laid out the \
         ways the fund could be spent. The governor has cast the bridge as a symbol of renewal. The \
         mayor went on to praise the volunteers.",
    );
    assert!(has(&t, "The minister", "brushed off"), "{t:?}");
    assert!(has(&t, "the treasurer", "laid out"), "{t:?}");
    assert!(has(&t, "The governor", "cast"), "{t:?}");
    assert!(has(&t, "The mayor", "went on to praise"), "{t:?}");
}

#[test]
fn a_stance_may_take_one_name() {
    let t = pairs("Her brother supports Jansen. The council went on to praise Okafor.");
    assert!(has(&t, "Her brother", "supports"), "{t:?}");
    assert!(has(&t, "The council", "went on to praise"), "{t:?}");
}

#[test]
fn nouns_of_questioning_accusing_and_assuming() {
    let text = "The audit revives questions about the mayor's use of the fund. The union's indictment of the \
                board was read aloud. The plan rests on the assumption that rents will rise. The panel took \
                questions for an hour.";
    let all = found(text);
    let cues: Vec<&str> = all.iter().filter_map(|a| a.cue.as_ref()).map(|c| c.text.as_str()).collect();
    assert!(cues.contains(&"questions"), "{cues:?}");
    assert!(cues.contains(&"indictment"), "{cues:?}");
    assert!(cues.contains(&"assumption"), "{cues:?}");
    assert_eq!(cues.iter().filter(|&&c| c == "questions").count(), 1, "{cues:?}");
    let indictment = all.iter().find(|a| a.cue.as_ref().is_some_and(|c| c.text == "indictment")).unwrap();
    assert_eq!(indictment.source.map(|s| s.slice(text)), Some("The union"));
}

#[test]
fn what_is_not_known_has_a_cue_but_no_source() {
    let text = "The council may gain seats, but it is unclear how many it can win. Later it emerged that \
                the memo had been leaked. It's impossible to know the source of the loss. It is clear that \
                rents rose. \"It is unclear what happened,\" she said.";
    let t = pairs(text);
    assert!(has(&t, "", "it is unclear"), "{t:?}");
    assert!(has(&t, "", "it emerged"), "{t:?}");
    assert!(has(&t, "", "It's impossible to know"), "{t:?}");
    assert!(!t.iter().any(|(_, c)| c == "It is clear" || c == "It is unclear"), "{t:?}");
}

#[test]
fn more_light_verbs_and_their_nouns() {
    let t = pairs(
        "At the hearing, several residents did pose questions on the budget. The mayor delivered an emotional \
         speech about the flood. The board and its staff sent clear signals that they wanted a new site.",
    );
    assert!(t.iter().any(|(_, c)| c == "pose questions"), "{t:?}");
    assert!(t.iter().any(|(_, c)| c == "delivered an emotional speech"), "{t:?}");
    assert!(t.iter().any(|(_, c)| c == "sent clear signals"), "{t:?}");
}

#[test]
fn a_feeling_after_a_preposition_of_cause_is_a_motive() {
    let text = "The council raised fees in hopes of balancing the budget. Shares fell on concerns of a strike. \
                Residents voiced fears of a flood.";
    let all = found(text);
    let cues: Vec<&str> = all.iter().filter_map(|a| a.cue.as_ref()).map(|c| c.text.as_str()).collect();
    assert!(!cues.iter().any(|c| *c == "hopes" || *c == "concerns"), "{cues:?}");
    assert!(cues.iter().any(|c| c.contains("fears")), "{cues:?}");
}

#[test]
fn would_like_and_adjectives_of_attitude() {
    let t = pairs(
        "Some residents would like the ferry to return. The mayor was openly dismissive of the plan. \
         The council is critical of the new budget. The bridge is critical to the economy.",
    );
    assert!(has(&t, "Some residents", "like"), "{t:?}");
    assert!(has(&t, "The mayor", "dismissive"), "{t:?}");
    assert!(has(&t, "The council", "critical"), "{t:?}");
    assert!(!t.iter().any(|(s, _)| s == "The bridge"), "{t:?}");
}

#[test]
fn plans_and_bans_in_the_passive() {
    let t = pairs(
        "The mayor was slated to open the bridge on Friday. Further talks are scheduled in May. The \
         parties are forbidden from coordinating with the fund.",
    );
    let cues: Vec<&str> = t.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(cues, ["was slated", "are scheduled", "are forbidden"], "{t:?}");
    assert!(t.iter().all(|(s, _)| s.is_empty()), "{t:?}");
}

#[test]
fn rejecting_a_plan_is_a_stance_in_the_listing() {
    let text = "The new chairwoman rejected the plan.";
    let t = pairs(text);
    assert_eq!(t, [("The new chairwoman".to_string(), "rejected".to_string())], "{t:?}");
    // The claims still take it as an event, not as speech.
    let analysis = Analyzer::new().analyze(vec![Document::new("t", "Test Outlet", text)]).unwrap();
    assert!(analysis.claims().iter().all(|c| c.cue.is_none()), "{:?}", analysis.claims());
}

#[test]
fn a_label_whose_object_is_a_relative_pronoun() {
    let t = pairs(
        "She lives on Alder Row, which the local blogger Tam Orr calls \"the quietest street in town\".",
    );
    assert!(t.iter().any(|(s, c)| s.ends_with("Tam Orr") && c == "calls"), "{t:?}");
}

#[test]
fn a_question_put_to_the_subject_by_someone_unnamed() {
    let text = "Asked about the delays, the mayor blamed the contractor. When told the ferry was late, the \
                minister shrugged. Asked voters rarely answer.";
    let all = found(text);
    let asked: Vec<(&str, Option<&str>)> = all
        .iter()
        .filter(|a| a.cue.as_ref().is_some_and(|c| c.text == "Asked about" || c.text == "told"))
        .map(|a| (a.cue.as_ref().unwrap().text.as_str(), a.source.map(|s| s.slice(text))))
        .collect();
    assert_eq!(asked, [("Asked about", None), ("told", None)], "{all:?}");
}
