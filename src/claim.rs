//! The public types of extracted claims: who says what, how, and with what
//! attitude. They are found by rules over each sentence (attribution frames, quotes, cue words); see the README for what they cover.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::dates::DateMention;
use crate::lexicon::CueClass;
use crate::quantity::Quantity;
use crate::span::Span;

/// Who is speaking in a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerKind {
    /// The article's own voice.
    Outlet,
    /// A named person.
    Person,
    /// A named body: a government, ministry, court, company, or a place
    /// standing for its government ("the capital said").
    Organization,
    /// Another news outlet or agency the article cites.
    Media,
    /// An unnamed source: "officials", "witnesses", "the ministry".
    Unnamed,
}

/// The speaker of a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// What kind of speaker.
    pub kind: SpeakerKind,
    /// The speaker's name: the outlet's name, a person's or body's canonical
    /// name, or the phrase naming an unnamed source.
    pub name: String,
    /// The referent id when the speaker is a resolved entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referent: Option<String>,
    /// Where the speaker is named in the text, if it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Speaker {
    /// The outlet's own voice.
    pub fn outlet(name: &str) -> Speaker {
        Speaker { kind: SpeakerKind::Outlet, name: name.to_string(), referent: None, span: None }
    }

    /// A key identifying the speaker across claims: the referent id when
    /// known, otherwise the kind and lowercased name.
    pub fn key(&self) -> String {
        match &self.referent {
            Some(r) => r.clone(),
            None => format!("{:?}:{}", self.kind, self.name.to_lowercase()),
        }
    }

    /// Whether two speakers have the same [`Speaker::key`], without building
    /// either key (asked of millions of pairs on a large corpus).
    ///
    /// ```
    /// use claimgraph::{Speaker, SpeakerKind};
    ///
    /// let a = Speaker { kind: SpeakerKind::Unnamed, name: "Officials".into(), referent: None, span: None };
    /// let b = Speaker { name: "officials".into(), ..a.clone() };
    /// assert!(a.same_key(&b));
    /// assert!(!a.same_key(&Speaker::outlet("officials")));
    /// ```
    pub fn same_key(&self, other: &Speaker) -> bool {
        match (&self.referent, &other.referent) {
            (Some(a), Some(b)) => a == b,
            (None, None) => {
                let (a, b) = (&self.name, &other.name);
                // `str::to_lowercase` treats some letters by their place
                // (a final capital sigma), so only ASCII is compared in place.
                self.kind == other.kind
                    && if a.is_ascii() && b.is_ascii() {
                        a.eq_ignore_ascii_case(b)
                    } else {
                        a.to_lowercase() == b.to_lowercase()
                    }
            }
            (Some(id), None) | (None, Some(id)) => {
                // One key is a referent id, the other the kind, `:` and the
                // name lowercased, which for an ASCII name has the name's
                // length: unless the id ends that way, the keys differ.
                let name = if self.referent.is_none() { &self.name } else { &other.name };
                if name.is_ascii() {
                    let Some(colon) = id.len().checked_sub(name.len() + 1) else { return false };
                    let ends_so = id.as_bytes()[colon] == b':'
                        && id.as_bytes()[colon + 1..].eq_ignore_ascii_case(name.as_bytes());
                    if !ends_so {
                        return false;
                    }
                }
                self.key() == other.key()
            }
        }
    }
}

/// A piece of text that signals something (a cue word, a negation, a hedge).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Marker {
    /// The text as written.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// The reporting cue that attributes a claim to its speaker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// The cue as written ("said", "according to", "denied").
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// What the cue does.
    pub class: CueClass,
}

/// Whether the claim reproduces the speaker's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteKind {
    /// The outlet's own words.
    None,
    /// Quoted words: “We will not allow it,” she said.
    Direct,
    /// Reported speech: she said they would not allow it.
    Indirect,
    /// Reported speech with quoted fragments.
    Mixed,
}

/// The outlet's attitude toward a reported claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    /// Plain reporting: "said", "according to".
    Neutral,
    /// Keeping its distance: "claimed", "alleged", "without offering proof".
    Distancing,
    /// Vouching for it: "revealed", "confirmed".
    Endorsing,
}

/// Whether and how firmly a claim is asserted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    /// Stated as fact.
    Asserted,
    /// Stated with a hedge: "reportedly", "apparently".
    Hedged,
    /// Conditional, future, possible or obligatory: "would", "may", "if".
    Hypothetical,
    /// A request or call: "urged X to", "called on X to".
    Directive,
    /// A question.
    Question,
}

/// Positive or negated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Polarity {
    /// No negation.
    Positive,
    /// The main statement is negated.
    Negative,
}

/// How a state of a concept was read from the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// A word of the concept, used affirmatively ("blocked").
    Lexical,
    /// A word of the concept under negation ("did not close").
    Negated,
    /// Under a denial ("denied that it blocked").
    Denied,
    /// Presupposed by a trigger ("reopen", "unblock") or a nominal ("the blockade of").
    Presupposed,
    /// Movement through the thing ("vehicles passed through").
    Movement,
    /// A count of what the state applies to ("980 vehicles passed
    /// through", "23 people were detained").
    Counted,
}

/// A state the claim says (or presupposes) holds or not, e.g. "the bridge is blocked: no".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StateAssertion {
    /// Concept id, e.g. `closure`.
    pub concept: String,
    /// Label of the concept's first pole, e.g. "blocked".
    pub label: String,
    /// Label of the opposite pole, e.g. "open".
    pub opposite: String,
    /// Whether the first pole holds according to the claim.
    pub holds: bool,
    /// How this was read.
    pub basis: Basis,
    /// The word that expresses the state.
    pub cue: Marker,
    /// The negation or denial cue, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub negation: Option<Marker>,
    /// Referent ids of what is in that state (nearest first).
    pub themes: Vec<String>,
    /// For events ("signed", "rejected"): the stem of the head noun acted
    /// on when it is not a name ("statement", "call").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// The count behind a counted reading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Marker>,
}

/// What a framing marker does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FramingKind {
    /// Quotation marks around a short term in the outlet's voice.
    ScareQuotes,
    /// A distancing word: "so-called", "self-proclaimed", "claiming to be".
    Distancing,
    /// An endorsing word: "in fact", "revealed".
    Endorsing,
    /// A loaded label: "regime", "terrorists", "occupied".
    Loaded,
}

/// A framing marker and the term it applies to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FramingMarker {
    /// What the marker does.
    pub kind: FramingKind,
    /// The marker itself (for scare quotes: the quoted term with its marks).
    pub cue: Marker,
    /// The term it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Marker>,
    /// Keys grouping the same term across outlets: word stems, or
    /// `concept:pole` for words of a concept ("closure:blocked").
    pub keys: Vec<String>,
}

/// A resolved entity mention in a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRef {
    /// Referent id.
    pub referent: String,
    /// The text as written.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// One claim: a factual assertion in one document, with its speaker and
/// everything normalised from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `doc:n`, n counting from 1 in document order.
    pub id: String,
    /// Document id.
    pub doc: String,
    /// The document's outlet.
    pub outlet: String,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Byte span in the document text; `&doc.text[span.start..span.end] == text`.
    pub span: Span,
    /// The claim text.
    pub text: String,
    /// Who says it.
    pub speaker: Speaker,
    /// Who relays it, outermost first (e.g. a statement quoting a president).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<Speaker>,
    /// The reporting cue, if the claim is attributed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
    /// Direct, indirect, mixed or the outlet's own words.
    pub quote: QuoteKind,
    /// The outlet's attitude toward the claim.
    pub stance: Stance,
    /// The words behind the stance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stance_cues: Vec<Marker>,
    /// The span of what is claimed, without the attribution.
    pub content: Span,
    /// Whether the main statement is negated.
    pub polarity: Polarity,
    /// Negation cues.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub negations: Vec<Marker>,
    /// A denial applying to the content (a denial verb, or "false", "baseless").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denial: Option<Marker>,
    /// Hedges.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hedges: Vec<Marker>,
    /// How firmly it is asserted.
    pub modality: Modality,
    /// Entities mentioned (and definite descriptions resolved).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<EntityRef>,
    /// Numbers and amounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<Quantity>,
    /// Dates and times.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<DateMention>,
    /// States the claim asserts or presupposes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub states: Vec<StateAssertion>,
    /// Framing markers inside the claim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub framing: Vec<FramingMarker>,
    /// Whether the claim comes from a headline (kept for framing, not compared).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
    /// Word-level features used by the comparison (not serialised).
    #[serde(skip)]
    pub(crate) features: Box<Features>,
}

/// Word-level features of a claim's content, used to compare claims.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Features {
    /// Stems of content words (no function words, no punctuation), in order.
    pub stems: Vec<CompactString>,
    /// Stems of verb-like words (not auxiliaries or reporting cues).
    pub verbs: Vec<CompactString>,
    /// For each quantity (same order as `Claim::quantities`): the measure
    /// group or predicate stem it counts ("death", "injury", or a verb).
    pub measures: Vec<Option<String>>,
    /// For each quantity (same order as `Claim::quantities`): the stem of
    /// the last word of its head ("death toll": "toll"), `None` without a
    /// head. The comparison asks it of each pair of figures.
    pub heads: Vec<Option<CompactString>>,
    /// For each quantity (same order as `Claim::quantities`): its value as
    /// a relation shows it (`compare::show_interval`: "8", "≥ 40"), made
    /// once here rather than for every numeric pair the claim is in.
    pub shown: Vec<CompactString>,
    /// `Claim::entities` by referent id, each id once: indices into the
    /// entities, in the order of their ids. The comparison asks which
    /// referents two claims share, several times a pair; indices take 4
    /// bytes where a copy of the id would take 24.
    pub referents: Vec<u32>,
    /// Stems of content words under a negation or denial ("did not use
    /// tear gas": "use", "tear", "gas").
    pub negated: Vec<CompactString>,
    /// Referent ids the whole document is mostly about (its topic), used
    /// when a state names no referent of its own.
    pub topics: std::sync::Arc<[String]>,
    /// The story of the claim's document (see [`stories`](crate::stories)):
    /// large blocking keys are expanded only within a story.
    pub story: usize,
    /// Two-word lowercase terms ("tear gas"), as stem pairs.
    pub terms: Vec<CompactString>,
    /// Those of `terms` under a negation or denial.
    pub negated_terms: Vec<CompactString>,
    /// Event keys: verb stems that name an event, and event classes
    /// (`class:fire`) of its verbs and nouns, for comparing dates and times.
    pub events: Vec<CompactString>,
    /// For each date (same order as `Claim::dates`): the event keys near it.
    pub date_events: Vec<Vec<CompactString>>,
    /// Stems of lowercase content words that are not verbs or time words.
    pub nouns: Vec<CompactString>,
    /// The story's day in the claim's document (the first day its body
    /// names), standing in for the date of an undated claim.
    pub story_day: Option<jiff::civil::Date>,
    /// Whether the claim dates the last or first time something happened
    /// ("were last inspected in 2019"), which any later or earlier date of
    /// the same event contradicts.
    pub recency: bool,
}

impl Features {
    /// Frees what only the comparison reads, once it is done: the report
    /// reads the stems, the nouns, the topics and the story. Naming every
    /// field makes a new one a compile error here until it is considered.
    pub(crate) fn keep_for_report(&mut self) {
        let Features {
            stems: _,
            verbs,
            measures,
            heads,
            shown,
            referents,
            negated,
            topics: _,
            story: _,
            terms,
            negated_terms,
            events,
            date_events,
            nouns: _,
            story_day: _,
            recency: _,
        } = self;
        for v in [verbs, negated, terms, negated_terms, events] {
            *v = Vec::new();
        }
        *measures = Vec::new();
        *heads = Vec::new();
        *shown = Vec::new();
        *referents = Vec::new();
        *date_events = Vec::new();
    }
}

#[cfg(test)]
mod same_key_tests {
    use super::{Speaker, SpeakerKind};

    #[test]
    fn same_key_agrees_with_comparing_keys() {
        let s = |kind, name: &str, referent: Option<&str>| Speaker {
            kind,
            name: name.to_string(),
            referent: referent.map(str::to_string),
            span: None,
        };
        let speakers = [
            s(SpeakerKind::Unnamed, "Officials", None),
            s(SpeakerKind::Unnamed, "OFFICIALS", None),
            s(SpeakerKind::Person, "Officials", None),
            s(SpeakerKind::Person, "Mara Ostrov", Some("mara-ostrov")),
            s(SpeakerKind::Person, "Ostrov", Some("mara-ostrov")),
            s(SpeakerKind::Person, "ΟΔΥΣΣΕΥΣ", None),
            s(SpeakerKind::Person, "οδυσσευς", None),
            s(SpeakerKind::Person, "Οδυσσευσ", None),
            s(SpeakerKind::Person, "Şəhla", None),
            s(SpeakerKind::Person, "ŞƏHLA", None),
            Speaker::outlet("Harbour Times"),
            Speaker::outlet("harbour times"),
            // A referent id that is another speaker's key, one that only
            // ends like it, and one shorter than the name.
            s(SpeakerKind::Person, "Mara", Some("Person:mara")),
            s(SpeakerKind::Person, "MARA", None),
            s(SpeakerKind::Unnamed, "Mara", None),
            s(SpeakerKind::Person, "Mara", Some("Unnamed:Mara")),
            s(SpeakerKind::Person, "Mara", Some("x:mara")),
            s(SpeakerKind::Person, "Mara", Some("m")),
        ];
        let mut same = 0;
        for a in &speakers {
            for b in &speakers {
                assert_eq!(a.same_key(b), a.key() == b.key(), "{a:?} / {b:?}");
                same += usize::from(a.same_key(b));
            }
        }
        // Each speaker with itself, and the pairs above that share a key.
        assert!(same > speakers.len(), "{same}");
    }
}
