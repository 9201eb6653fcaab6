//! Comparing two claim texts directly, outside a corpus.
//!
//! [`Analyzer::compare_texts`] answers "do these two statements agree,
//! contradict, or neither?" for two short texts (a sentence or a few). It
//! runs three passes and keeps the first that decides:
//!
//! 1. **Substitution.** When the texts are the same but for one short span
//!    (one to four words on each side, articles aside; or one word swapped
//!    at several places), the swapped words decide: a negation added or
//!    removed contradicts ("can" / "cannot"), as do "none" words against
//!    "some" or "all" words ("nobody" / "everybody"); different numbers or
//!    ordinals contradict, the same number written differently ("two" /
//!    "2") agrees; antonyms contradict ("near" / "far away from"), and so do
//!    alternatives, different kinds of one thing ("red" / "blue", "kitchen"
//!    / "bedroom"), unless they are items of an open list ("onions, eggs,
//!    tomatoes and many other things"); two different names in the same
//!    place contradict ("in Italy" / "in Ireland"); synonyms agree. Word
//!    relations come from the lexicon and WordNet (see [`Lexicon`]).
//! 2. **Negated statement.** One text negates a statement ("Hariri was not
//!    buried in Syria") that the other makes: the negated word is found in
//!    the other text and not negated there, with every name and all but one
//!    in four of the other content words.
//! 3. **Claims.** Otherwise both texts go through the full pipeline as two
//!    documents and every pair of their claims is compared with the corpus
//!    detectors (states, numbers, dates and times, negation); the first
//!    contradiction wins, else the first agreement.
//!
//! The result names its kind, its reason, and the spans of its evidence.

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzer;
use crate::compare::{self, Kind, Outcome, RelationType};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::span::Span;
use crate::text::{self, Token, TokenKind};

/// The outcome of comparing two texts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// Agree, contradict, or `None` when neither could be established.
    pub relation: Option<RelationType>,
    /// What kind of agreement or contradiction.
    pub kind: Option<Kind>,
    /// One line saying why (or why not).
    pub reason: String,
    /// The evidence, `[in a, in b]`: byte spans of the words that decided
    /// (the swapped words; the negated word and where the other text states
    /// it) or of the two claims compared. Slicing each text with its span
    /// gives the evidence text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spans: Option<[Span; 2]>,
}

impl Comparison {
    fn none(reason: impl Into<String>) -> Comparison {
        Comparison { relation: None, kind: None, reason: reason.into(), spans: None }
    }

    /// Whether the texts contradict.
    pub fn is_contradiction(&self) -> bool {
        self.relation == Some(RelationType::Contradict)
    }
}

impl Analyzer {
    /// Compares two claim texts: agree, contradict, or neither, with why
    /// (see the [module docs](crate::pair) for the rules).
    ///
    /// ```
    /// use claimgraph::{Analyzer, Kind, RelationType};
    ///
    /// let an = Analyzer::new();
    /// let c = an.compare_texts("Three men were arrested in the square.", "Five men were arrested in the square.");
    /// assert_eq!(c.relation, Some(RelationType::Contradict));
    /// assert_eq!(c.kind, Some(Kind::Numeric));
    ///
    /// let c = an.compare_texts("Two boys play near the river.", "2 boys play near the river.");
    /// assert_eq!(c.relation, Some(RelationType::Agree));
    /// ```
    pub fn compare_texts(&self, a: &str, b: &str) -> Comparison {
        let lex = self.lexicon_ref();
        if let Some(c) = substitution(lex, a, b) {
            return c;
        }
        if let Some(c) = negated_statement(lex, a, b, true).or_else(|| negated_statement(lex, b, a, false)) {
            return c;
        }
        claims_comparison(self, a, b)
    }
}

/// Word and number tokens of a text, without articles: "a young" and "an
/// old" differ only in "young" / "old".
fn words(text: &str) -> Vec<Token> {
    text::tokenize(text, 0)
        .into_iter()
        .filter(|t| {
            (t.kind == TokenKind::Word || t.kind == TokenKind::Number)
                && !matches!(t.norm.as_str(), "a" | "an" | "the")
        })
        .collect()
}

/// The differing middle of two token sequences after their common prefix and
/// suffix: `(a_range, b_range)`.
fn diff(a: &[Token], b: &[Token]) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
    let mut p = 0;
    while p < a.len() && p < b.len() && a[p].norm == b[p].norm {
        p += 1;
    }
    let mut s = 0;
    while s < a.len() - p && s < b.len() - p && a[a.len() - 1 - s].norm == b[b.len() - 1 - s].norm {
        s += 1;
    }
    (p..a.len() - s, p..b.len() - s)
}

/// When the same word is swapped at several places ("a small crowd in a
/// small boat" / "a vast crowd in a vast boat"), the first place.
fn repeated_swap(a: &[Token], b: &[Token]) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    if a.len() != b.len() {
        return None;
    }
    let differing: Vec<usize> = (0..a.len()).filter(|&i| a[i].norm != b[i].norm).collect();
    let &first = differing.first()?;
    let same = differing.iter().all(|&i| a[i].norm == a[first].norm && b[i].norm == b[first].norm);
    (differing.len() > 1 && same).then_some((first..first + 1, first..first + 1))
}

fn joined(ts: &[&str]) -> String {
    ts.join(" ")
}

/// The numeric value of a short phrase ("two", "2", "twenty-one", "11"), if it is one.
fn number_value(words: &[&str]) -> Option<f64> {
    let s = joined(words);
    let q = crate::quantity::find_quantities(&s, 0);
    match q.as_slice() {
        [one] if one.value.low == one.value.high && one.span.len() >= s.trim().len().saturating_sub(1) => {
            Some(one.value.low)
        }
        _ => None,
    }
}

/// The value of an ordinal ("first", "2nd", "eleventh").
fn ordinal_value(words: &[&str]) -> Option<u32> {
    let [w] = words else { return None };
    if let Some(v) = crate::quantity::small_ordinal_value(w) {
        return Some(v);
    }
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &w[digits.len()..];
    if !digits.is_empty() && matches!(suffix, "st" | "nd" | "rd" | "th") {
        return digits.parse().ok();
    }
    None
}

/// Splits off negation: "cannot" is "can" + a negation, "didn't" is "did" +
/// a negation, "never" and "not" are negations. Returns the remaining words
/// and how many negations there were.
fn without_negation<'a>(words: &[&'a str]) -> (Vec<&'a str>, usize) {
    let mut rest = Vec::new();
    let mut negations = 0;
    for &w in words {
        match w {
            "not" | "n't" | "never" | "no" => negations += 1,
            "cannot" => {
                rest.push("can");
                negations += 1;
            }
            _ => rest.push(w),
        }
    }
    (rest, negations)
}

/// Words that say "none" and words that say "some" or "all": swapping one
/// for the other contradicts ("nobody" / "everybody", "never" / "sometimes").
const NONE: &[&str] = &["nobody", "no one", "none", "nothing", "never", "nowhere", "neither"];
const SOME: &[&str] = &[
    "somebody",
    "someone",
    "everybody",
    "everyone",
    "some",
    "all",
    "something",
    "everything",
    "sometimes",
    "always",
    "often",
    "somewhere",
    "everywhere",
    "both",
    "many",
    "several",
];

/// Forms of a changed phrase to look up: the phrase, the phrase without
/// function words at its ends ("far away from" -> "far away"), and each of
/// its content words ("far").
fn candidates(lex: &Lexicon, words: &[&str]) -> Vec<String> {
    let mut out = vec![joined(words)];
    let mut trimmed = words;
    while let [first, rest @ ..] = trimmed
        && !rest.is_empty()
        && lex.is_function_word(first)
    {
        trimmed = rest;
    }
    while let [rest @ .., last] = trimmed
        && !rest.is_empty()
        && (lex.is_function_word(last) || *last == "away")
    {
        trimmed = rest;
    }
    out.push(joined(trimmed));
    if words.len() > 1 {
        out.extend(words.iter().filter(|w| !lex.is_function_word(w) && **w != "away").map(|w| w.to_string()));
    }
    out.dedup();
    out
}

/// What a swap of `a` for `b` does, if it decides anything.
fn relate(lex: &Lexicon, a: &[&str], b: &[&str]) -> Option<(RelationType, Kind, String)> {
    let (wa, wb) = (joined(a), joined(b));
    // A negation added or removed ("can" / "cannot").
    let ((ra, na), (rb, nb)) = (without_negation(a), without_negation(b));
    if ra == rb && na % 2 != nb % 2 {
        let n = if na > nb { &wa } else { &wb };
        return Some((
            RelationType::Contradict,
            Kind::Negation,
            format!("one text negates the other (\"{n}\")"),
        ));
    }
    if a.is_empty() || b.is_empty() {
        return None;
    }
    // "nobody" / "everybody".
    if (NONE.contains(&wa.as_str()) && SOME.contains(&wb.as_str()))
        || (SOME.contains(&wa.as_str()) && NONE.contains(&wb.as_str()))
    {
        return Some((
            RelationType::Contradict,
            Kind::Negation,
            format!("\"{wa}\" and \"{wb}\" cannot both hold"),
        ));
    }
    if let (Some(x), Some(y)) = (number_value(a), number_value(b)) {
        return Some(if x == y {
            (RelationType::Agree, Kind::Numeric, format!("the same number written differently ({wa} / {wb})"))
        } else {
            (RelationType::Contradict, Kind::Numeric, format!("different numbers: {wa} / {wb}"))
        });
    }
    if let (Some(x), Some(y)) = (ordinal_value(a), ordinal_value(b)) {
        return Some(if x == y {
            (RelationType::Agree, Kind::Numeric, format!("the same ordinal ({wa} / {wb})"))
        } else {
            (RelationType::Contradict, Kind::Numeric, format!("different ordinals: {wa} / {wb}"))
        });
    }
    // Hyphenated compounds that differ in one part: "four-wheeled" /
    // "ten-wheeled", "sun-lit" / "moon-lit".
    if let ([x], [y]) = (a, b)
        && let (Some((xh, xt)), Some((yh, yt))) = (x.split_once('-'), y.split_once('-'))
    {
        if xt == yt {
            return relate(lex, &[xh], &[yh]);
        }
        if xh == yh {
            return relate(lex, &[xt], &[yt]);
        }
    }
    let same =
        || Some((RelationType::Agree, Kind::Restatement, format!("\"{wa}\" and \"{wb}\" mean the same")));
    // Synonyms in their usual senses, then opposites and alternatives, then
    // synonyms in any sense.
    if crate::wordnet::get().synonyms_within(&wa, &wb, crate::wordnet::USUAL_SENSES) {
        return same();
    }
    let (ca, cb) = (candidates(lex, a), candidates(lex, b));
    for x in &ca {
        for y in &cb {
            if lex.are_antonyms(x, y) {
                return Some((
                    RelationType::Contradict,
                    Kind::Antonym,
                    format!("\"{x}\" and \"{y}\" are opposites"),
                ));
            }
        }
    }
    for x in &ca {
        for y in &cb {
            if let Some(class) = lex.alternatives(x, y) {
                return Some((
                    RelationType::Contradict,
                    Kind::Alternative,
                    format!("\"{x}\" and \"{y}\" are different kinds of {class}"),
                ));
            }
        }
    }
    if lex.are_synonyms(&wa, &wb) {
        return same();
    }
    None
}

/// Whether the tokens are an item of an open list ("onions, eggs, tomatoes,
/// beans and many other things"), where swapping one item for another need
/// not contradict: the list does not claim to be complete.
fn in_open_list(text: &str, ts: &[Token]) -> bool {
    let (Some(f), Some(l)) = (ts.first(), ts.last()) else { return false };
    let before = text[..f.span.start].trim_end();
    let after = text[l.span.end..].trim_start();
    let item = before.ends_with(',')
        && (after.starts_with(',') || after.starts_with("and ") || after.starts_with("or "));
    let lower = text.to_lowercase();
    let open = ["other", "etc", "such as", "including", "among"].iter().any(|w| lower.contains(w));
    item && open
}

/// Compares texts that differ by one short substitution.
fn substitution(lex: &Lexicon, a: &str, b: &str) -> Option<Comparison> {
    let (ta, tb) = (words(a), words(b));
    if ta.is_empty() || tb.is_empty() {
        return None;
    }
    let (ra, rb) = repeated_swap(&ta, &tb).unwrap_or_else(|| diff(&ta, &tb));
    let (xa, xb) = (&ta[ra], &tb[rb]);
    if xa.is_empty() && xb.is_empty() {
        return Some(Comparison {
            relation: Some(RelationType::Agree),
            kind: Some(Kind::Restatement),
            reason: "the texts say the same".to_string(),
            spans: None,
        });
    }
    if xa.len() > 4 || xb.len() > 4 {
        return None;
    }
    let na: Vec<&str> = xa.iter().map(|t| t.norm.as_str()).collect();
    let nb: Vec<&str> = xb.iter().map(|t| t.norm.as_str()).collect();
    let spans = Some([span_of(xa, a.len()), span_of(xb, b.len())]);
    let (relation, kind, reason) = match relate(lex, &na, &nb) {
        Some((RelationType::Contradict, Kind::Alternative, _))
            if in_open_list(a, xa) || in_open_list(b, xb) =>
        {
            return None;
        }
        Some(found) => found,
        None => {
            // Two different names in the same place ("in Italy" / "in Ireland").
            let named =
                |xs: &[Token]| !xs.is_empty() && xs.iter().all(|t| t.capitalized) && xs[0].span.start > 0;
            if !(named(xa) && named(xb)) || in_open_list(a, xa) || in_open_list(b, xb) {
                return None;
            }
            let reason =
                format!("different names in the same place: {} / {}", text_of(a, xa), text_of(b, xb));
            (RelationType::Contradict, Kind::Naming, reason)
        }
    };
    Some(Comparison { relation: Some(relation), kind: Some(kind), reason, spans })
}

/// The span covering some tokens; for none (an insertion), the empty span
/// at the end of the text.
fn span_of(ts: &[Token], len: usize) -> Span {
    match (ts.first(), ts.last()) {
        (Some(f), Some(l)) => f.span.cover(l.span),
        _ => Span::new(len, len),
    }
}

fn text_of<'a>(text: &'a str, ts: &[Token]) -> &'a str {
    match (ts.first(), ts.last()) {
        (Some(f), Some(l)) => text.get(f.span.start..l.span.end).unwrap_or(""),
        _ => "",
    }
}

/// How many words before a word a negation applies to it ("did not
/// formally say").
const NEGATION_REACH: usize = 5;

/// Negation words for [`negated_statement`].
fn is_negation_word(w: &str) -> bool {
    matches!(w, "not" | "n't" | "never" | "no" | "none" | "nobody" | "nothing" | "neither" | "nor" | "cannot")
}

/// Auxiliaries and other words that carry no content of their own in a
/// statement ("was", "has", "did", "will").
fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "be" | "is"
            | "are"
            | "was"
            | "were"
            | "been"
            | "being"
            | "am"
            | "'s"
            | "'re"
            | "'m"
            | "have"
            | "has"
            | "had"
            | "'ve"
            | "'d"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "ever"
            | "yet"
            | "also"
            | "ca"
            | "wo"
    )
}

/// How a hypothesis word is found in the other text.
fn supported(lex: &Lexicon, word: &Token, other: &[Token]) -> bool {
    let w = word.norm.as_str();
    let s = text::stem(w);
    other.iter().any(|t| {
        let o = t.norm.as_str();
        o == w
            || text::stem(o) == s
            || (s.len() >= 5 && text::stem(o).starts_with(&s[..5]) && o.len() >= 5)
            || (word.kind == TokenKind::Word
                && t.kind == TokenKind::Word
                && !lex.is_function_word(o)
                && crate::wordnet::get().supports(o, w))
    })
}

/// One text negates a statement the other makes: `neg` says "X did not
/// happen", and `pos` states "X happened": the word the negation applies to
/// is found there, not itself negated, with every name and all but one in
/// four of the other content words. Words are found by form, stem, usual
/// synonym, derivation, or a more specific word ("assassinated" for
/// "killed"). `pos_first` says which of the two texts is `a`.
fn negated_statement(lex: &Lexicon, pos: &str, neg: &str, pos_first: bool) -> Option<Comparison> {
    let tn = text::tokenize(neg, 0);
    let tp: Vec<Token> = text::tokenize(pos, 0).into_iter().filter(|t| t.kind != TokenKind::Punct).collect();
    let negations: Vec<usize> = (0..tn.len()).filter(|&i| is_negation_word(&tn[i].norm)).collect();
    if negations.len() != 1 {
        return None;
    }
    let at = negations[0];
    let content: Vec<&Token> = tn
        .iter()
        .filter(|t| {
            (t.kind == TokenKind::Word || t.kind == TokenKind::Number)
                && !is_negation_word(&t.norm)
                && !is_auxiliary(&t.norm)
                && !lex.is_function_word(&t.norm)
        })
        .collect();
    if content.len() < 2 {
        return None;
    }
    // The word the negation applies to: the first content word after it
    // ("was not buried"), or for "no X" / "nobody", the word after.
    let target = content.iter().find(|t| t.span.start > tn[at].span.start)?;
    // The negated word must be found, and not under a negation of its own
    // ("did not say" against "said nothing").
    let found: Vec<usize> = (0..tp.len()).filter(|&i| supported(lex, target, &tp[i..=i])).collect();
    let negated_there =
        |i: usize| tp[i.saturating_sub(NEGATION_REACH)..i].iter().any(|t| is_negation_word(&t.norm));
    let &stated = found.iter().find(|&&i| !negated_there(i))?;
    // Every name, and all but one in four of the other content words.
    let missing: Vec<&Token> = content.iter().copied().filter(|t| !supported(lex, t, &tp)).collect();
    if missing.iter().any(|t| t.capitalized && t.span.start > 0) || missing.len() > content.len() / 4 {
        return None;
    }
    let negated = tn[at].span.cover(target.span);
    let (first, second) = if pos_first { ("b", "a") } else { ("a", "b") };
    let reason = format!(
        "text {first} says \"{}\", and text {second} states it (\"{}\"){}",
        negated.slice(neg),
        tp[stated].span.slice(pos),
        if missing.is_empty() {
            String::new()
        } else {
            format!(
                "; not found there: {}",
                missing.iter().map(|t| t.span.slice(neg)).collect::<Vec<_>>().join(", ")
            )
        }
    );
    let spans = if pos_first { [tp[stated].span, negated] } else { [negated, tp[stated].span] };
    Some(Comparison {
        relation: Some(RelationType::Contradict),
        kind: Some(Kind::Negation),
        reason,
        spans: Some(spans),
    })
}

/// Compares the claims of the two texts with the corpus detectors.
fn claims_comparison(an: &Analyzer, a: &str, b: &str) -> Comparison {
    let docs = vec![Document::new("a", "text a", a), Document::new("b", "text b", b)];
    let Ok(analysis) = an.analyze(docs) else {
        return Comparison::none("one of the texts is empty");
    };
    let (ca, cb): (Vec<_>, Vec<_>) = analysis.claims().iter().partition(|c| c.doc == "a");
    let mut agreement = None;
    for x in &ca {
        for y in &cb {
            if let Outcome::Related(r) = compare::compare_pair(x, y) {
                match r.relation {
                    RelationType::Contradict => {
                        return Comparison {
                            relation: Some(r.relation),
                            kind: Some(r.kind),
                            reason: r.reason,
                            spans: Some([x.span, y.span]),
                        };
                    }
                    RelationType::Agree => {
                        agreement.get_or_insert(Comparison {
                            relation: Some(r.relation),
                            kind: Some(r.kind),
                            reason: r.reason,
                            spans: Some([x.span, y.span]),
                        });
                    }
                }
            }
        }
    }
    agreement.unwrap_or_else(|| Comparison::none("no shared claim was found to agree or contradict"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compare(a: &str, b: &str) -> Comparison {
        Analyzer::new().compare_texts(a, b)
    }

    #[track_caller]
    fn contradicts(a: &str, b: &str, kind: Kind) {
        let c = compare(a, b);
        assert_eq!(
            (c.relation, c.kind),
            (Some(RelationType::Contradict), Some(kind)),
            "{a:?} vs {b:?}: {}",
            c.reason
        );
    }

    #[track_caller]
    fn does_not_contradict(a: &str, b: &str) {
        let c = compare(a, b);
        assert_ne!(c.relation, Some(RelationType::Contradict), "{a:?} vs {b:?}: {:?} {}", c.kind, c.reason);
    }

    #[test]
    fn articles_do_not_hide_the_swapped_word() {
        // "a young" / "an old" differ only in the adjective.
        contradicts("A young woman reads in the park.", "An old woman reads in the park.", Kind::Antonym);
        contradicts("An Indian man sells tea.", "A Thai man sells tea.", Kind::Alternative);
    }

    #[test]
    fn phrases_are_reduced_to_their_content_words() {
        contradicts("The dog sits near the door.", "The dog sits far away from the door.", Kind::Antonym);
        contradicts("The dog sits close to the door.", "The dog sits far from the door.", Kind::Antonym);
    }

    #[test]
    fn negation_inside_a_word() {
        contradicts(
            "Workers can be seen in the dark.",
            "Workers cannot be seen in the dark.",
            Kind::Negation,
        );
        contradicts("The minister resigned.", "The minister did not resign.", Kind::Negation);
        contradicts("Nobody was hurt in the fire.", "Everybody was hurt in the fire.", Kind::Negation);
    }

    #[test]
    fn numbers_and_ordinals() {
        contradicts("Three men were arrested.", "Five men were arrested.", Kind::Numeric);
        contradicts("She finished first in the race.", "She finished 11th in the race.", Kind::Numeric);
        contradicts(
            "A four-wheeled cart stands outside.",
            "A 10-wheeled cart stands outside.",
            Kind::Numeric,
        );
        let c = compare("Two boys play near the river.", "2 boys play near the river.");
        assert_eq!(c.relation, Some(RelationType::Agree));
    }

    #[test]
    fn hyphenated_compounds_compare_their_differing_part() {
        contradicts(
            "Children play in a sun-lit yard.",
            "Children play in a moon-lit yard.",
            Kind::Alternative,
        );
    }

    #[test]
    fn a_word_swapped_at_several_places() {
        contradicts(
            "A small crowd floats in a small boat.",
            "A huge crowd floats in a huge boat.",
            Kind::Antonym,
        );
    }

    #[test]
    fn items_of_an_open_list_are_not_alternatives() {
        does_not_contradict(
            "She sells onions, eggs, tomatoes, beans and many other things.",
            "She sells onions, eggs, potatoes, beans and many other things.",
        );
        // A closed list still contradicts.
        contradicts(
            "She sells onions, tomatoes and beans.",
            "She sells onions, potatoes and beans.",
            Kind::Alternative,
        );
    }

    #[test]
    fn rare_senses_do_not_make_synonyms() {
        // "harp" is also a rare name for a harmonica; in its usual sense it
        // is another instrument.
        contradicts("A man plays the harmonica.", "A man plays the harp.", Kind::Alternative);
        let c = compare("A man bought a car.", "A man purchased a car.");
        assert_eq!(
            (c.relation, c.kind),
            (Some(RelationType::Agree), Some(Kind::Restatement)),
            "{}",
            c.reason
        );
    }

    #[test]
    fn kinds_and_their_kind_do_not_contradict() {
        does_not_contradict("A dog runs on the beach.", "An animal runs on the beach.");
    }

    #[test]
    fn different_names_in_the_same_place() {
        contradicts("The summit was held in Tessaly.", "The summit was held in Morvan.", Kind::Naming);
        // Places WordNet knows are alternatives: two ports.
        contradicts("The summit was held in Oslo.", "The summit was held in Lisbon.", Kind::Alternative);
    }

    #[test]
    fn a_negated_statement_against_the_statement() {
        let a = "The senator, who was elected in 2004, was buried in his home town on Monday.";
        let b = "The senator was not buried in his home town.";
        let c = compare(a, b);
        assert_eq!(
            (c.relation, c.kind),
            (Some(RelationType::Contradict), Some(Kind::Negation)),
            "{}",
            c.reason
        );
        let [sa, sb] = c.spans.expect("spans");
        assert_eq!(sa.slice(a), "buried");
        assert_eq!(sb.slice(b), "not buried");
        // The same from the other side.
        let c = compare(b, a);
        let [sa, sb] = c.spans.expect("spans");
        assert_eq!((sa.slice(b), sb.slice(a)), ("not buried", "buried"));
    }

    #[test]
    fn a_negated_statement_needs_its_word_and_names() {
        // The negated word is not in the other text.
        does_not_contradict(
            "Hariri's killing fuelled opposition to Syria.",
            "Hariri was not buried in Syria.",
        );
        // A name is missing.
        does_not_contradict("Marlow was buried in Lisbon.", "Varga was not buried in Lisbon.");
        // The other text negates it too.
        does_not_contradict(
            "The senator was never buried in his home town.",
            "The senator was not buried in his home town.",
        );
    }

    #[test]
    fn words_are_found_through_derivation_and_kinds() {
        contradicts(
            "Rebels assassinated the governor in the capital.",
            "The governor was not killed in the capital.",
            Kind::Negation,
        );
    }

    #[test]
    fn empty_and_unrelated_texts() {
        assert_eq!(compare("", "").relation, None);
        assert_eq!(compare("The market opened.", "").relation, None);
        assert_eq!(compare("The river flooded.", "Talks resumed in Oslo.").relation, None);
    }
}
