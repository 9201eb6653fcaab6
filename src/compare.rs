//! Comparison: which claims agree, which contradict, and why.
//!
//! Candidate pairs come from an index on shared keys, never from all pairs:
//! a concept and a referent it applies to (`state:closure:tessa-bridge`), a
//! counted noun (`qty:people`), an event verb with a date (`date:sign`).
//! Keys held by more than [`MAX_POSTINGS`] claims are not expanded (their
//! pairs are reported as undecided) so the cost stays near-linear.
//!
//! A pair gets at most one relation. Detectors run in order and the first
//! contradiction wins; otherwise the first agreement:
//! 1. **state**: both claims say whether a concept holds of a shared
//!    referent ("blocked" / "not blocked"). The kind names the mechanism of
//!    the dissenting side: `quantity-against-state` (a count of movers
//!    against a closure), `denial`, `negation`, `presupposition`
//!    ("unblock" presupposes "blocked"), or `antonym`.
//! 2. **numeric**: the same counted thing (head noun and measure: deaths,
//!    injuries, arrests, …) with disjoint intervals contradicts; overlapping
//!    intervals agree ("at least 12" and "14").
//! 3. **date** and **time**: the same event verb and a shared referent,
//!    with dates (or times of day) that cannot both hold.
//! 4. **negation**: the same verb and referent, one side negated.
//! 5. **restatement**: most content words shared, same polarity (agree only).
//!
//! Pairs from the same document are compared only when their speakers
//! differ; claims that are questions, or hypothetical without a
//! presupposition, are not compared (see [`Undecided`]).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use compact_str::{CompactString, CompactStringExt as _, ToCompactString as _, format_compact};
use foldhash::HashMap;
use serde::{Deserialize, Serialize};

use crate::claim::{Basis, Claim, Marker, Modality, Polarity, StateAssertion};
use crate::dates::DateValue;
use crate::lexicon::Lexicon;
use crate::quantity::{Quantity, QuantityKind};
use crate::span::Span;

/// Keys shared by more claims than this are not expanded into pairs.
pub const MAX_POSTINGS: usize = 4000;

pub use crate::blocking::SAME_DOC_WINDOW;

/// Agree or contradict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelationType {
    /// The two claims can both be true and say the same thing.
    Agree,
    /// The two claims cannot both be true.
    Contradict,
}

/// What makes two claims agree or contradict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Numbers about the same thing.
    Numeric,
    /// Dates of the same event.
    Date,
    /// Times of day of the same event.
    Time,
    /// One side negates the other's statement.
    Negation,
    /// One side's speaker denies the other's statement.
    Denial,
    /// Opposite words for the same state ("closed" / "open").
    Antonym,
    /// Two different members of one class said of the same thing ("red" / "blue", "kitchen" / "bedroom").
    Alternative,
    /// One side presupposes what the other denies ("reopen" / "never closed").
    Presupposition,
    /// A count of movement against a closed state ("980 vehicles passed" / "blocked").
    QuantityAgainstState,
    /// Different labels for the same thing, one of them marked ("so-called").
    Framing,
    /// Different names for the same referent.
    Naming,
    /// The same statement in other words.
    Restatement,
}

impl Kind {
    /// The kebab-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Numeric => "numeric",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Negation => "negation",
            Kind::Denial => "denial",
            Kind::Antonym => "antonym",
            Kind::Alternative => "alternative",
            Kind::Presupposition => "presupposition",
            Kind::QuantityAgainstState => "quantity-against-state",
            Kind::Framing => "framing",
            Kind::Naming => "naming",
            Kind::Restatement => "restatement",
        }
    }
}

/// A piece of evidence on one side of a relation.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EvidenceItem {
    /// What the text does: `state`, `negation`, `denial`, `count`, `quantity`, `date`, `time`, `presupposition`, `verb`, `shared`.
    pub role: CompactString,
    /// The text.
    pub text: CompactString,
    /// Where it is in its document.
    pub span: Span,
}

/// The evidence for a relation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Cues in claim `a`.
    pub a: Vec<EvidenceItem>,
    /// Cues in claim `b`.
    pub b: Vec<EvidenceItem>,
    /// Ids of referents both claims are about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared: Vec<CompactString>,
    /// The normalised values compared, `[a, b]` (e.g. `["2020-11-09", "2020-11-10"]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<[CompactString; 2]>,
}

/// A link between two claims.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// Id of the first claim (the smaller id).
    pub a: CompactString,
    /// Id of the second claim.
    pub b: CompactString,
    /// Agree or contradict.
    pub relation: RelationType,
    /// What kind of agreement or contradiction.
    pub kind: Kind,
    /// One line saying why.
    pub reason: String,
    /// Cue spans on both sides and the values compared.
    pub evidence: Evidence,
    /// The point both claims are about, e.g. `state:closure` or `numeric:people:death`.
    pub topic: CompactString,
    /// How each side answers the point, `[a, b]` (e.g. `["blocked", "not blocked"]`).
    pub positions: [CompactString; 2],
}

impl Relation {
    /// Gives back what its vectors and strings hold beyond their length: a
    /// relation is built by pushing, and on a large corpus the spare room was
    /// a fifth of the relations' memory. Naming every field makes a new one
    /// a compile error here until it is considered.
    pub(crate) fn fit(&mut self) {
        // A small string is held inline and has no room to give back; the
        // call is skipped for it (ten or more a relation).
        fn fit_str(s: &mut CompactString) {
            if s.is_heap_allocated() {
                s.shrink_to_fit();
            }
        }
        let Relation { a, b, relation: _, kind: _, reason, evidence, topic, positions } = self;
        let Evidence { a: ea, b: eb, shared, values } = evidence;
        for s in [a, b, topic].into_iter().chain(positions.iter_mut()).chain(values.iter_mut().flatten()) {
            fit_str(s);
        }
        reason.shrink_to_fit();
        for items in [&mut *ea, &mut *eb] {
            items.shrink_to_fit();
            for EvidenceItem { role, text, span: _ } in items.iter_mut() {
                fit_str(role);
                fit_str(text);
            }
        }
        shared.shrink_to_fit();
        shared.iter_mut().for_each(fit_str);
    }
}

/// A candidate pair (or key) the comparison did not decide, and why.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Undecided {
    /// First claim id (or empty for a key-level entry).
    pub a: String,
    /// Second claim id (or empty).
    pub b: String,
    /// Why no relation was given.
    pub reason: String,
}

/// Measure groups: stems that say what a count counts.
const MEASURES: &[(&str, &[&str])] = &[
    (
        "death",
        &[
            "die",
            "kill",
            "dead",
            "death",
            "fatal",
            "fatality",
            "fatalities",
            "toll",
            "perish",
            "bodi",
            "corps",
            "lifeless",
        ],
    ),
    (
        "injury",
        &["injur", "injuri", "wound", "hurt", "hospit", "hospitalis", "hospitaliz", "treat", "treatment"],
    ),
    ("arrest", &["arrest", "detain", "detent", "custodi", "jail", "imprison", "held", "hold"]),
    ("missing", &["miss"]),
    ("displacement", &["displac", "evacu", "flee", "homeless", "refuge"]),
    ("damage", &["damag", "destroy", "destruct"]),
    ("attendance", &["gather", "attend", "crowd", "ralli", "march", "turnout", "protest", "demonstr"]),
];

/// The measure group of a stem ("die" and "kill" are both `death`).
pub(crate) fn measure_group(stem: &str) -> Option<&'static str> {
    MEASURES.iter().find(|(_, stems)| stems.contains(&stem)).map(|(g, _)| *g)
}

/// Generic nouns for a count of people: they match any group of people.
const PEOPLE: &[&str] = &["peopl", "person", "individu"];

/// Nouns for groups of people (matched by stem): a generic noun matches
/// any of them; two of them match only if equal or listed together here.
const GROUPS: &[&[&str]] = &[
    &["protest", "protestor", "demonstr", "rioter", "activist", "camper"],
    &["civilian", "resid", "local", "inhabit"],
    &["worker", "employe", "staff", "dockwork"],
    &["soldier", "troop", "servicemen"],
    &["offic", "policemen", "policeman"],
    &["victim", "casualti", "fatal", "dead", "bodi"],
    &["child", "children", "minor", "teenag"],
    &["man", "men"],
    &["women", "woman"],
    &["farmer"],
    &["journalist", "report"],
];

fn group_of(stem: &str) -> Option<usize> {
    GROUPS.iter().position(|g| g.contains(&stem))
}

/// Event classes: stems of verbs and nouns that name the same kind of event,
/// so that "the fire broke out" and "smoke rose" date the same thing, and
/// "exploded" and "blew up" another.
const EVENT_CLASSES: &[(&str, &[&str])] = &[
    ("fire", &["fire", "blaze", "smoke", "flame", "burn", "burnt", "ablaz"]),
    ("explosion", &["explos", "explod", "blast", "deton"]),
    ("intervention", &["arriv", "raid", "storm", "evict", "dispers", "operat", "operation", "clear"]),
    ("attack", &["attack", "strike", "shell", "bomb", "airstrik", "shoot", "shot"]),
    ("signing", &["sign", "signatur"]),
    ("inspection", &["inspect", "inspection", "audit"]),
    ("election", &["elect", "vote", "ballot", "poll"]),
    ("meeting", &["meet", "summit", "talk"]),
    ("collapse", &["collaps", "crumbl"]),
];

/// Verbs with a particle that name an event class: (verb stem, particle, class).
const EVENT_PHRASES: &[(&str, &str, &str)] = &[
    ("move", "in", "intervention"),
    ("tore", "down", "intervention"),
    ("tear", "down", "intervention"),
    ("broke", "up", "intervention"),
    ("break", "up", "intervention"),
    ("blew", "up", "explosion"),
    ("blow", "up", "explosion"),
    ("blew", "apart", "explosion"),
    ("broke", "out", "fire"),
    ("break", "out", "fire"),
];

/// Whether `name` is an event class ("explosion", "fire", "signing").
pub(crate) fn is_event_class(name: &str) -> bool {
    EVENT_CLASSES.iter().any(|(c, _)| *c == name)
}

/// The event class of a verb stem followed by a particle ("moved in").
pub(crate) fn phrase_event_class(stem: &str, next: &str) -> Option<&'static str> {
    EVENT_PHRASES.iter().find(|(v, p, _)| *v == stem && *p == next).map(|(_, _, c)| *c)
}

/// The event class of a stem, as a key (`class:fire`).
pub(crate) fn event_class(stem: &str) -> Option<&'static str> {
    EVENT_CLASSES.iter().find(|(_, stems)| stems.contains(&stem)).map(|(c, _)| *c)
}

/// Whether a verb stem is too generic to identify an event.
pub(crate) fn is_generic_verb(stem: &str) -> bool {
    GENERIC_VERBS.contains(&stem)
}

/// Verb stems too generic to identify an event.
const GENERIC_VERBS: &[&str] = &[
    "say", "tell", "be", "have", "do", "make", "go", "get", "includ", "accord", "includ", "take", "add",
    "come", "becom", "seem", "continu", "remain", "give",
];

fn comparable(c: &Claim) -> bool {
    !c.headline && c.modality != Modality::Question
}

fn assertive(c: &Claim) -> bool {
    matches!(c.modality, Modality::Asserted | Modality::Hedged)
}

/// Compares all claims through the blocking index. Returns relations
/// (ordered by claim ids) and undecided candidates.
pub(crate) fn compare_all(
    claims: &[Claim],
    _lex: &Lexicon,
    progress: &crate::progress::Progress,
) -> (Vec<Relation>, Vec<Undecided>) {
    use rayon::prelude::*;
    let mut terms: BTreeMap<&str, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        // Two-word terms, negated or not, for the negation detector: pairs
        // are made only between a negated use and a plain use.
        if comparable(c) && assertive(c) {
            for t in &c.features.terms {
                let e = terms.entry(t.as_str()).or_default();
                if c.features.negated_terms.contains(t) { e.0.push(i) } else { e.1.push(i) }
            }
        }
    }
    // The keys of every claim, made in parallel, then gathered by key in
    // claim order (each key's claims in order, as inserting them one by one
    // gave) and the distinct keys sorted into a tree at once. Sorting every
    // (key, claim) entry instead compared the same keys over and over.
    let keys: Vec<(usize, BTreeSet<String>)> = claims
        .par_iter()
        .enumerate()
        .filter(|(_, c)| comparable(c))
        .map(|(i, c)| (i, claim_keys(c)))
        .collect();
    let mut postings: foldhash::HashMap<String, Vec<usize>> = foldhash::HashMap::default();
    for (i, ks) in keys {
        for k in ks {
            postings.entry(k).or_default().push(i);
        }
    }
    let mut grouped: Vec<(String, Vec<usize>)> = postings.into_iter().collect();
    grouped.sort_unstable_by(|x, y| x.0.cmp(&y.0));
    let index: BTreeMap<String, Vec<usize>> = grouped.into_iter().collect();
    let mut undecided = Vec::new();
    let pairs = crate::blocking::candidate_pairs(claims, &index, &terms, &mut undecided);
    let (relations, open) = crate::blocking::compare_pairs(claims, &pairs, progress);
    drop((pairs, index, terms));
    undecided.extend(open.into_iter().map(|(i, j, reason)| Undecided {
        a: claims[i].id.clone(),
        b: claims[j].id.clone(),
        reason,
    }));
    undecided.sort();
    (relations, undecided)
}

/// The blocking keys of a comparable claim: two claims are compared when
/// they share one (or a two-word term, one negated and one not).
pub(crate) fn claim_keys(c: &Claim) -> BTreeSet<String> {
    let mut keys: BTreeSet<String> = BTreeSet::new();
    for s in &c.states {
        for t in s.themes.iter().take(3) {
            keys.insert(["state:", &s.concept, ":", t].concat());
        }
        if s.themes.is_empty() {
            if let Some(t) = c.features.topics.first() {
                keys.insert(["state:", &s.concept, ":~", t].concat());
            }
            for t in &c.features.terms {
                keys.insert(["state:", &s.concept, ":term:", t].concat());
            }
        }
    }
    for (qi, q) in c.quantities.iter().enumerate() {
        if let QuantityKind::Duration { unit } = &q.kind {
            keys.insert(format!("dur:{unit}"));
            continue;
        }
        if !matches!(q.kind, QuantityKind::Cardinal) {
            continue;
        }
        if let Some(m) = c.features.measures.get(qi).and_then(|m| m.as_ref()) {
            keys.insert(["qty:", m].concat());
        }
    }
    if c.dates.iter().any(|d| d.value != DateValue::Unresolved || d.time.is_some()) {
        for e in &c.features.events {
            keys.insert(["date:", e].concat());
        }
    }
    if assertive(c) {
        for v in &c.features.verbs {
            if GENERIC_VERBS.contains(&v.as_str()) {
                continue;
            }
            for e in c.entities.iter().take(4) {
                keys.insert(["pred:", v, ":", &e.referent].concat());
            }
        }
    }
    keys
}

/// The result of comparing one pair.
///
/// Not boxed: nearly every outcome kept is a relation, and moving millions
/// of boxed relations into one vector held both at once (83 MB more at the
/// peak of a 10,000-article run, 190 MB more resident with mimalloc).
#[allow(clippy::large_enum_variant)]
pub(crate) enum Outcome {
    Related(Relation),
    Undecided(String),
    None,
}

/// Compares two claims: the first contradiction found, else the first agreement.
pub(crate) fn compare_pair(a: &Claim, b: &Claim) -> Outcome {
    if a.id == b.id {
        return Outcome::None;
    }
    // Of the agreements found, only two can be chosen: the first on a date,
    // a time or a figure, the more specific finding, and else the first
    // other one. Each is kept as it is found, without a list to hold them.
    let mut specific: Option<Relation> = None;
    // An agreement on a state is kept as the states that agree, and its
    // relation is built only if it is chosen: a figure or a date the pair
    // also agrees on, or a contradiction found later, is chosen over it on
    // most pairs that have one (29,000 relations built for nothing on the
    // 1,012 texts of `benches/compare_spacy.sh`).
    let mut other: Option<Agreement<'_>> = None;
    let mut undecided: Option<String> = None;
    // Each finding is matched where its detector returns it: passed on by
    // value (to a closure that sorted it), the whole `Found`, some 280
    // bytes, was copied at each of the four or five detectors of a pair,
    // though most find nothing.
    //
    // Each detector comes with whether it is a last resort: a restatement
    // never contradicts, and its agreement is chosen only when no other
    // detector agrees, so it is looked for only then. (On the synthetic
    // corpora most agreeing pairs also restate each other, and the unused
    // relation, its reason and topic, were built for nothing.)
    let detectors: [(Detector, bool); 5] =
        [(state, false), (numeric, false), (when, false), (negation, false), (restatement, true)];
    for (detect, last_resort) in detectors {
        if last_resort && (specific.is_some() || other.is_some()) {
            break;
        }
        match detect(a, b) {
            Found::Contradict(r) => return Outcome::Related(r),
            Found::Agree(r) if matches!(r.kind, Kind::Date | Kind::Time | Kind::Numeric) => {
                specific.get_or_insert(r);
            }
            Found::Agree(r) => {
                other.get_or_insert(Agreement::Built(r));
            }
            Found::StatesAgree(agreed) => {
                other.get_or_insert(Agreement::States(agreed));
            }
            Found::Undecided(why) => {
                undecided.get_or_insert(why);
            }
            Found::Nothing => {}
        }
    }
    // A date agreement between claims that also agree on a state is the more
    // specific finding.
    if let Some(r) = specific {
        return Outcome::Related(r);
    }
    if let Some(agreement) = other {
        // Both say the same thing happened, but with figures for it that
        // cannot both hold: not an agreement.
        if figures_differ(a, b) {
            return Outcome::Undecided(
                "they say the same thing happened but give figures for it that cannot both hold".to_string(),
            );
        }
        return Outcome::Related(match agreement {
            Agreement::Built(r) => r,
            Agreement::States(agreed) => states_agreement(a, b, agreed),
        });
    }
    match undecided {
        Some(why) => Outcome::Undecided(why),
        None => Outcome::None,
    }
}

/// One of the detectors [`compare_pair`] runs on a pair of claims.
type Detector = for<'c> fn(&'c Claim, &'c Claim) -> Found<'c>;

enum Found<'c> {
    Contradict(Relation),
    Agree(Relation),
    /// An agreement on a state, its relation not yet built
    /// ([`states_agreement`]).
    StatesAgree(StatesAgreed<'c>),
    Undecided(String),
    Nothing,
}

/// The agreement [`compare_pair`] keeps for a pair when it finds none on a
/// date, a time or a figure: a relation, or two agreeing states whose
/// relation is built only if it is chosen.
///
/// One is held per pair, on the stack: boxing the relation to even the
/// variants' sizes would allocate for every agreement kept.
#[allow(clippy::large_enum_variant)]
enum Agreement<'c> {
    Built(Relation),
    States(StatesAgreed<'c>),
}

/// Two states that agree, as [`state`] chose them, and what they are both
/// about.
#[derive(Clone, Copy)]
struct StatesAgreed<'c> {
    x: &'c StateAssertion,
    y: &'c StateAssertion,
    shared: Shared<'c>,
}

fn item(role: &str, m: &Marker) -> EvidenceItem {
    EvidenceItem { role: role.into(), text: m.text.as_str().into(), span: m.span }
}

/// The evidence of two compared values (quantities, dates, times) of
/// claims `a` and `b`: each side's text as `role`, the referents both are
/// about, and the normalised values.
fn value_evidence(
    role: &str,
    (a, x, x_span): (&Claim, &str, Span),
    (b, y, y_span): (&Claim, &str, Span),
    values: &[CompactString; 2],
) -> Evidence {
    Evidence {
        a: vec![EvidenceItem { role: role.into(), text: x.into(), span: x_span }],
        b: vec![EvidenceItem { role: role.into(), text: y.into(), span: y_span }],
        shared: shared_referents(a, b),
        values: Some(values.clone()),
    }
}

fn ordered(a: &Claim, b: &Claim) -> bool {
    id_order(&a.id) <= id_order(&b.id)
}

/// Sort key of a claim id `doc:n`: the doc, then n numerically.
pub(crate) fn id_order(id: &str) -> (&str, usize) {
    // By byte, from the end, where the colon is a few digits away:
    // `rsplit_once(':')` compares the match through a call to `bcmp`, and
    // every relation orders its claims by this key.
    match id.bytes().rposition(|b| b == b':').and_then(|i| Some((id.get(..i)?, id.get(i + 1..)?))) {
        Some((d, n)) => (d, claim_number(n)),
        None => (id, 0),
    }
}

/// `n.parse().unwrap_or(0)`, with the digits of a claim number (fewer than
/// `usize::MAX` has, so they cannot overflow) added up here rather than by
/// the checked general parser.
fn claim_number(n: &str) -> usize {
    const SAFE_DIGITS: usize = usize::MAX.ilog10() as usize;
    if (1..=SAFE_DIGITS).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()) {
        n.bytes().fold(0, |v, b| v * 10 + usize::from(b - b'0'))
    } else {
        n.parse().unwrap_or(0)
    }
}

#[allow(clippy::too_many_arguments)]
fn relation(
    a: &Claim,
    b: &Claim,
    rel: RelationType,
    kind: Kind,
    reason: String,
    mut ev: Evidence,
    topic: CompactString,
    mut positions: [CompactString; 2],
) -> Relation {
    let (mut first, mut second) = (a, b);
    if !ordered(a, b) {
        std::mem::swap(&mut ev.a, &mut ev.b);
        if let Some(v) = ev.values.as_mut() {
            v.swap(0, 1);
        }
        positions.swap(0, 1);
        (first, second) = (b, a);
    }
    Relation {
        a: first.id.as_str().into(),
        b: second.id.as_str().into(),
        relation: rel,
        kind,
        reason,
        evidence: ev,
        topic,
        positions,
    }
}

fn who(c: &Claim) -> Who<'_> {
    Who(c)
}

/// Who makes a claim, as a reason names them: the outlet, or the speaker
/// and the outlet ("Jane Doe (in Daily Example)"). Written straight into
/// the reason rather than built as a string of its own first.
struct Who<'c>(&'c Claim);

impl std::fmt::Display for Who<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        who_pieces(self.0).iter().try_for_each(|p| f.write_str(p))
    }
}

/// [`who`] in pieces, written one by one: `write!` would pad each.
fn who_pieces(c: &Claim) -> [&str; 4] {
    match c.speaker.kind {
        crate::claim::SpeakerKind::Outlet => [&c.outlet, "", "", ""],
        _ => [&c.speaker.name, " (in ", &c.outlet, ")"],
    }
}

/// The pieces of each group joined into one string, allocated once at its
/// length: a reason is kept as it is built, and pushing piece by piece
/// grew it several times and left spare room for [`Relation::fit`] to
/// give back.
fn joined(groups: &[&[&str]]) -> String {
    let pieces = || groups.iter().flat_map(|g| g.iter());
    let mut out = String::with_capacity(pieces().map(|p| p.len()).sum());
    pieces().for_each(|p| out.push_str(p));
    out
}

// ---------------------------------------------------------------- states

fn position_label(s: &StateAssertion) -> CompactString {
    if s.holds { s.label.as_str().into() } else { negated_label(&s.label) }
}

/// "not `label`": the position of a side that negates it.
fn negated_label(label: &str) -> CompactString {
    ["not ", label].concat_compact()
}

/// The positions of the two sides on `label`, the first or the second
/// negating it.
fn negation_positions(label: &CompactString, first_negates: bool) -> [CompactString; 2] {
    if first_negates { [negated_label(label), label.clone()] } else { [label.clone(), negated_label(label)] }
}

fn state_strength(s: &StateAssertion) -> u8 {
    match s.basis {
        Basis::Counted => 6,
        Basis::Denied => 5,
        Basis::Negated => 4,
        Basis::Lexical => 3,
        Basis::Movement => 2,
        Basis::Presupposed => 1,
    }
}

/// Whether a state belongs to an event concept (compared by what it acts on).
fn is_event(s: &StateAssertion) -> bool {
    !matches!(s.concept.as_str(), "closure" | "custody" | "life" | "supply")
        && !s.concept.starts_with("user-")
}

/// The themes of a state, or the claim's topic when the state names none.
fn topic_themes<'a>(c: &'a Claim, s: &'a StateAssertion) -> &'a [String] {
    if s.themes.is_empty() { &c.features.topics } else { &s.themes }
}

/// The themes of `x` that `y` has too, in `x`'s order.
fn common_themes<'s>(x: &'s StateAssertion, y: &'s StateAssertion) -> impl Iterator<Item = &'s String> {
    x.themes.iter().filter(|t| y.themes.contains(t))
}

/// Whether two states share themes strongly: the first themes are equal,
/// or at least two themes are shared (the shared ones are then their
/// [`common_themes`]).
fn shares_themes(x: &StateAssertion, y: &StateAssertion) -> bool {
    let first_equal = !x.themes.is_empty() && x.themes.first() == y.themes.first();
    let first_shared = x.themes.first().is_some_and(|t| y.themes.iter().take(2).any(|u| u == t))
        || y.themes.first().is_some_and(|t| x.themes.iter().take(2).any(|u| u == t));
    first_equal || first_shared || common_themes(x, y).nth(1).is_some()
}

/// What two states are both about, as [`state`] finds it for each pair of
/// states; written out (for the evidence) for the chosen pair only.
#[derive(Clone, Copy)]
enum Shared<'c> {
    /// Neither names a theme; both claims use this two-word term.
    Term(&'c CompactString),
    /// One names none; this is the first theme of both (or of the claims'
    /// topics).
    First(&'c String),
    /// Both name themes and share them strongly ([`shares_themes`]).
    Themes,
}

impl Shared<'_> {
    fn written(self, x: &StateAssertion, y: &StateAssertion) -> Vec<CompactString> {
        match self {
            Shared::Term(t) => vec![["~", t.as_str()].concat_compact()],
            Shared::First(p) => vec![p.as_str().into()],
            Shared::Themes => common_themes(x, y).map(|t| t.as_str().into()).collect(),
        }
    }
}

fn state<'c>(a: &'c Claim, b: &'c Claim) -> Found<'c> {
    let mut best: Option<(u8, &StateAssertion, &StateAssertion, Shared)> = None;
    for x in &a.states {
        for y in &b.states {
            if x.concept != y.concept {
                continue;
            }
            // A state that names nothing is about the document's topic.
            // Events compare only when they act on the same thing.
            if (x.object.is_some() || y.object.is_some() || is_event(x) || is_event(y))
                && (x.object.is_none() || x.object != y.object)
            {
                continue;
            }
            let shared_term = a.features.terms.iter().find(|t| b.features.terms.contains(t));
            let shared = if x.themes.is_empty()
                && y.themes.is_empty()
                && let Some(t) = shared_term
            {
                // Neither names what it is about, but both use the same
                // two-word term ("lower valley"): that term is the theme.
                Shared::Term(t)
            } else if x.themes.is_empty() || y.themes.is_empty() {
                let (tx, ty) = (topic_themes(a, x), topic_themes(b, y));
                // Two states that name nothing are about the same thing only
                // if the claims also share some words ("lower valley").
                let overlap = a.features.terms.iter().any(|t| b.features.terms.contains(t))
                    || jaccard(&a.features.stems, &b.features.stems).1 >= 3;
                match (tx.first(), ty.first()) {
                    (Some(p), Some(q))
                        if p == q && (!x.themes.is_empty() || !y.themes.is_empty() || overlap) =>
                    {
                        Shared::First(p)
                    }
                    _ => continue,
                }
            } else if shares_themes(x, y) {
                Shared::Themes
            } else {
                continue;
            };
            // Prefer a conflicting pair, then the strongest evidence.
            let score = u8::from(x.holds != y.holds) * 20
                + state_strength(x).max(state_strength(y)) * 2
                + state_strength(x).min(state_strength(y));
            if best.as_ref().is_none_or(|(s, ..)| score > *s) {
                best = Some((score, x, y, shared));
            }
        }
    }
    let Some((_, x, y, shared)) = best else { return Found::Nothing };
    // States more than a year apart are different times ("a blaze in March
    // 2021 shut the terminal for a week").
    if dated_apart(a, b) {
        return Found::Nothing;
    }
    let usable = |c: &Claim, s: &StateAssertion| s.basis == Basis::Presupposed || assertive(c);
    if !usable(a, x) || !usable(b, y) {
        return Found::Undecided(format!(
            "{} is not asserted (hypothetical or directive)",
            if usable(a, x) { &b.id } else { &a.id }
        ));
    }
    if x.holds == y.holds {
        return Found::StatesAgree(StatesAgreed { x, y, shared });
    }
    let (ev, positions, topic, subject) = state_evidence(a, b, x, y, shared);
    // The dissenting mechanism names the kind.
    let bases = [x.basis, y.basis];
    let kind = if bases.contains(&Basis::Counted) {
        Kind::QuantityAgainstState
    } else if bases.contains(&Basis::Denied) {
        Kind::Denial
    } else if bases.contains(&Basis::Negated) {
        Kind::Negation
    } else if bases.contains(&Basis::Presupposed) && !bases.contains(&Basis::Movement) {
        Kind::Presupposition
    } else {
        Kind::Antonym
    };
    /// How a side takes its position, in pieces ("" for the unused).
    fn how<'s>(s: &'s StateAssertion, position: &'s str) -> [&'s str; 5] {
        let cue = s.cue.text.as_str();
        let negation = s.negation.as_ref().map(|n| n.text.as_str());
        match s.basis {
            Basis::Counted => ["a count: ", s.count.as_ref().map_or("", |c| c.text.as_str()), "", "", ""],
            Basis::Movement => ["traffic moved (\"", cue, "\")", "", ""],
            Basis::Denied => ["denies it was ", &s.label, " (\"", negation.unwrap_or(""), "\")"],
            Basis::Negated => ["\"", negation.unwrap_or("not"), " ", cue, "\""],
            Basis::Presupposed => ["\"", cue, "\" presupposes ", position, ""],
            Basis::Lexical => ["\"", cue, "\"", "", ""],
        }
    }
    let reason = joined(&[
        &[&subject, ": "],
        &who_pieces(a),
        &[" says ", &positions[0], " ("],
        &how(x, &positions[0]),
        &["); "],
        &who_pieces(b),
        &[" says ", &positions[1], " ("],
        &how(y, &positions[1]),
        &[")"],
    ]);
    Found::Contradict(relation(a, b, RelationType::Contradict, kind, reason, ev, topic, positions))
}

/// The relation of two agreeing states ([`Found::StatesAgree`]).
fn states_agreement(a: &Claim, b: &Claim, agreed: StatesAgreed<'_>) -> Relation {
    let StatesAgreed { x, y, shared } = agreed;
    let (ev, positions, topic, subject) = state_evidence(a, b, x, y, shared);
    let reason = joined(&[
        &["both say ", &subject, " was ", &position_label(x), ": "],
        &who_pieces(a),
        &[" and "],
        &who_pieces(b),
    ]);
    relation(a, b, RelationType::Agree, Kind::Restatement, reason, ev, topic, positions)
}

/// The evidence of states `x` of `a` and `y` of `b`, their positions, the
/// topic and the subject (the first shared referent's text) of their
/// relation.
fn state_evidence(
    a: &Claim,
    b: &Claim,
    x: &StateAssertion,
    y: &StateAssertion,
    shared: Shared<'_>,
) -> (Evidence, [CompactString; 2], CompactString, String) {
    let shared = shared.written(x, y);
    let mut ev = Evidence { shared, ..Evidence::default() };
    for (side, s) in [(&mut ev.a, x), (&mut ev.b, y)] {
        side.reserve_exact(1 + usize::from(s.negation.is_some()) + usize::from(s.count.is_some()));
        side.push(item("state", &s.cue));
        if let Some(n) = &s.negation {
            side.push(item(if s.basis == Basis::Denied { "denial" } else { "negation" }, n));
        }
        if let Some(c) = &s.count {
            side.push(item("count", c));
        }
    }
    let positions = [position_label(x), position_label(y)];
    let topic = ["state:", &x.concept].concat_compact();
    let subject = ev
        .shared
        .first()
        .map(|id| {
            a.entities
                .iter()
                .chain(&b.entities)
                .find(|e| e.referent == *id)
                .map_or_else(|| id.as_str().to_owned(), |e| e.text.clone())
        })
        .unwrap_or_default();
    (ev, positions, topic, subject)
}

// ---------------------------------------------------------------- numbers

/// Printable value of a quantity interval.
pub(crate) fn show_interval(q: &Quantity) -> CompactString {
    use std::fmt::Write as _;
    let v = &q.value;
    // Written into one string: this is built twice for every numeric
    // relation.
    let mut out = CompactString::default();
    let number = |x: f64, out: &mut CompactString| {
        if x.fract() == 0.0 && x.abs() < 1e15 {
            out.push_str(itoa::Buffer::new().format(x as i64));
        } else {
            let _ = write!(out, "{x}");
        }
    };
    if v.low == v.high {
        number(v.low, &mut out);
    } else if v.high.is_infinite() {
        out.push_str(if v.low_inclusive { "≥ " } else { "> " });
        number(v.low, &mut out);
    } else if v.low <= 0.0 {
        out.push_str(if v.high_inclusive { "≤ " } else { "< " });
        number(v.high, &mut out);
    } else {
        number(v.low, &mut out);
        out.push('–');
        number(v.high, &mut out);
    }
    out
}

/// [`show_interval`] of quantity `i` of `c`: as extraction kept it, or
/// made again for a claim whose features were not computed.
fn shown_value(c: &Claim, i: usize) -> CompactString {
    match c.features.shown.get(i) {
        Some(kept) => kept.clone(),
        None => show_interval(&c.quantities[i]),
    }
}

/// The stem of the last word of a quantity's head ("death toll":
/// "toll"), kept for each quantity in [`Features::heads`](crate::claim::Features::heads).
pub(crate) fn head_word(head: &str) -> CompactString {
    crate::text::stem(crate::quantity::head_stem(head).rsplit(' ').next().unwrap_or("")).into()
}

/// [`head_word`] of quantity `i` of `c`: as extraction kept it, or found
/// again for a claim whose features were not computed.
fn head_word_of(c: &Claim, i: usize) -> Option<Cow<'_, str>> {
    match c.features.heads.get(i) {
        Some(kept) => kept.as_deref().map(Cow::Borrowed),
        None => c.quantities[i].head.as_deref().map(|h| Cow::Owned(head_word(h).into_string())),
    }
}

/// Whether quantity `i` of `a` and quantity `j` of `b` count the same kind
/// of thing, by the last word of their heads.
fn heads_compatible(a: &Claim, i: usize, b: &Claim, j: usize) -> bool {
    // A head that is itself the measure ("arrests", "deaths") or a person.
    let personal = |x: &str| PEOPLE.contains(&x) || group_of(x).is_some() || measure_group(x).is_some();
    match (head_word_of(a, i), head_word_of(b, j)) {
        (Some(x), Some(y)) => {
            x == y
                || PEOPLE.contains(&x.as_ref()) && personal(&y)
                || PEOPLE.contains(&y.as_ref()) && personal(&x)
                || group_of(&x).is_some() && group_of(&x) == group_of(&y)
                || measure_group(&x).is_some() && personal(&y)
                || measure_group(&y).is_some() && personal(&x)
        }
        // A count without a noun ("31 were injured") counts people when its
        // measure is about people; the measures were already found equal.
        (None, Some(y)) => personal(&y) || measure_group(&y).is_some(),
        (Some(x), None) => personal(&x) || measure_group(&x).is_some(),
        (None, None) => true,
    }
}

/// Nouns for a standoff that lasts: durations of any of them are durations
/// of the same thing.
const STANDOFF: &[&str] = &[
    "blockad",
    "standoff",
    "stand-off",
    "siege",
    "protest",
    "strike",
    "occup",
    "sit-in",
    "camp",
    "lockdown",
    "curfew",
    "closur",
    "ceasefir",
    "truce",
];

/// Whether durations `i` of `a` and `j` of `b` last for the same thing.
fn durations_of_same_thing(a: &Claim, i: usize, b: &Claim, j: usize) -> bool {
    match (head_word_of(a, i), head_word_of(b, j)) {
        (Some(x), Some(y)) => x == y || STANDOFF.contains(&x.as_ref()) && STANDOFF.contains(&y.as_ref()),
        _ => false,
    }
}

fn overlaps(a: &Quantity, b: &Quantity) -> bool {
    let (x, y) = (&a.value, &b.value);
    let below = |hi: f64, hi_inc: bool, lo: f64, lo_inc: bool| hi < lo || (hi == lo && !(hi_inc && lo_inc));
    !(below(x.high, x.high_inclusive, y.low, y.low_inclusive)
        || below(y.high, y.high_inclusive, x.low, x.low_inclusive))
}

/// Whether the dates near two counts (within 80 bytes of them) can be the
/// same: a count dated Saturday and one dated Friday are different counts.
fn dates_compatible(a: &Claim, x: &Quantity, b: &Claim, y: &Quantity) -> bool {
    // Iterated, not collected: most counts have no date near them.
    fn near<'c>(c: &'c Claim, q: &'c Quantity) -> impl Iterator<Item = &'c DateValue> + Clone {
        c.dates
            .iter()
            .filter(|d| d.value.bounds().is_some())
            .filter(|d| d.span.start.abs_diff(q.span.end).min(q.span.start.abs_diff(d.span.end)) <= 80)
            .map(|d| &d.value)
    }
    let (mut da, db) = (near(a, x), near(b, y));
    if da.clone().next().is_none() || db.clone().next().is_none() {
        return true;
    }
    da.any(|u| db.clone().any(|v| u.compatible(v) != Some(false)))
}

type DateRange = (jiff::civil::Date, jiff::civil::Date);

/// Whether two date ranges are more than a year (366 days) apart.
fn years_apart((a0, a1): DateRange, (b0, b1): DateRange) -> bool {
    let gap = if a1 < b0 {
        (b0 - a1).get_days()
    } else if b1 < a0 {
        (a0 - b1).get_days()
    } else {
        0
    };
    gap > 366
}

/// Whether both claims are dated and every date of one is more than a
/// year from every date of the other.
fn dated_apart(a: &Claim, b: &Claim) -> bool {
    // An undated claim is taken to be about its story's day. Walked, not
    // collected: this is asked of most pairs that share a state, and the
    // two lists were one in twenty of a run's allocations.
    fn bounds(c: &Claim) -> impl Iterator<Item = DateRange> + Clone + '_ {
        let dated = c.dates.iter().filter_map(|d| d.value.bounds());
        let undated = dated.clone().next().is_none();
        dated.chain(c.features.story_day.filter(|_| undated).map(|d| (d, d)))
    }
    let (da, db) = (bounds(a), bounds(b));
    da.clone().next().is_some()
        && db.clone().next().is_some()
        && da.clone().all(|u| db.clone().all(|v| years_apart(u, v)))
}

/// Whether two claims share a specific place or thing: a description ("the
/// dam") or a name with a class noun ("Tessa Valley Dam"), not just a
/// country or a person every claim of the story mentions.
fn share_place(a: &Claim, b: &Claim) -> bool {
    let specific = |e: &crate::claim::EntityRef| {
        e.referent.starts_with('~')
            || e.text.split_whitespace().last().is_some_and(|w| {
                // An ASCII word is lowercased inline (no allocation up
                // to 24 bytes); `to_lowercase` gives the same for it.
                let lower = if w.is_ascii() {
                    let mut l = CompactString::from(w);
                    l.make_ascii_lowercase();
                    l
                } else {
                    CompactString::from(w.to_lowercase())
                };
                crate::entity::class_of(&lower).is_some()
            })
    };
    a.entities
        .iter()
        .any(|x| b.entities.iter().any(|y| x.referent == y.referent && (specific(x) || specific(y))))
}

fn shared_referents(a: &Claim, b: &Claim) -> Vec<CompactString> {
    let mut shared = Vec::new();
    each_shared_referent(a, b, |id| {
        shared.push(CompactString::from(id));
        true
    });
    shared
}

/// Whether `a` and `b` name a referent in common: [`shared_referents`]
/// without the list, which most pairs that ask never use (the detectors
/// build it with a relation's evidence).
fn shares_referent(a: &Claim, b: &Claim) -> bool {
    !each_shared_referent(a, b, |_| false)
}

/// Calls `found` with each referent id `a` and `b` share, in id order,
/// while it returns true; returns false if it stopped the walk.
fn each_shared_referent<'c>(a: &'c Claim, b: &Claim, mut found: impl FnMut(&'c str) -> bool) -> bool {
    // Sorted lists rather than two sets: a claim names a few referents, and
    // this is asked several times for every pair compared.
    let (ra, rb) = (referents_of(a), referents_of(b));
    fn id(c: &Claim, k: u32) -> &str {
        c.entities[k as usize].referent.as_str()
    }
    let (mut i, mut j) = (0, 0);
    while i < ra.len() && j < rb.len() {
        let (x, y) = (id(a, ra[i]), id(b, rb[j]));
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if !found(x) {
                    return false;
                }
                i += 1;
                j += 1;
            }
        }
    }
    true
}

/// `entities` by referent id, each id once: their indices in the order of
/// their ids, a claim's [`Features::referents`](crate::claim::Features::referents).
pub(crate) fn referent_order(entities: &[crate::claim::EntityRef]) -> Vec<u32> {
    let id = |k: &u32| entities[*k as usize].referent.as_str();
    // A claim's entities are the names of one sentence: far fewer than 2^32.
    let mut order: Vec<u32> = (0..entities.len()).filter_map(|k| u32::try_from(k).ok()).collect();
    order.sort_unstable_by(|x, y| id(x).cmp(id(y)));
    order.dedup_by(|x, y| id(x) == id(y));
    order
}

/// [`referent_order`] of `c`: as extraction kept it, or found again for a
/// claim whose features were not computed.
fn referents_of(c: &Claim) -> Cow<'_, [u32]> {
    if c.features.referents.is_empty() && !c.entities.is_empty() {
        Cow::Owned(referent_order(&c.entities))
    } else {
        Cow::Borrowed(&c.features.referents)
    }
}

/// The measure (`death`, `arrest`, …) that quantity `i` of `a` and
/// quantity `j` of `b` both count, when both are cardinal counts of it with
/// compatible heads: the two figures are then comparable.
fn shared_measure<'a>(a: &'a Claim, i: usize, b: &Claim, j: usize) -> Option<&'a String> {
    let (x, y) = (&a.quantities[i], &b.quantities[j]);
    if !matches!(x.kind, QuantityKind::Cardinal) || !matches!(y.kind, QuantityKind::Cardinal) {
        return None;
    }
    let (Some(Some(mx)), Some(Some(my))) = (a.features.measures.get(i), b.features.measures.get(j)) else {
        return None;
    };
    if mx != my {
        return None;
    }
    heads_compatible(a, i, b, j).then_some(mx)
}

/// Whether `a` and `b` count the same measure of compatible heads with
/// figures that do not overlap ("at least 40 killed", "killing 12 to 15").
fn figures_differ(a: &Claim, b: &Claim) -> bool {
    (0..a.quantities.len()).any(|i| {
        (0..b.quantities.len())
            .any(|j| shared_measure(a, i, b, j).is_some() && !overlaps(&a.quantities[i], &b.quantities[j]))
    })
}

/// The numeric relation between figure `x` of claim `a` and figure `y` of
/// claim `b`: its reason reads "`label`A says x, B says y`tail`", the
/// label given in pieces, ending with its own ": ".
fn figures_relation(
    (a, i): (&Claim, usize),
    (b, j): (&Claim, usize),
    kind: RelationType,
    topic: CompactString,
    label: &[&str],
    tail: &str,
) -> Relation {
    let (x, y) = (&a.quantities[i], &b.quantities[j]);
    let values = [shown_value(a, i), shown_value(b, j)];
    let ev = value_evidence("quantity", (a, &x.text, x.span), (b, &y.text, y.span), &values);
    let reason = says_reason(label, (a, &values[0]), (b, &values[1]), tail);
    relation(a, b, kind, Kind::Numeric, reason, ev, topic, values)
}

/// The reason "`label`A says x, B says y`tail`", the label given in
/// pieces. Joined from its pieces: it is built for every numeric, date and
/// time relation, and `format!` pads each of its arguments.
fn says_reason(label: &[&str], (a, x): (&Claim, &str), (b, y): (&Claim, &str), tail: &str) -> String {
    joined(&[label, &who_pieces(a), &[" says ", x, ", "], &who_pieces(b), &[" says ", y, tail]])
}

fn numeric<'c>(a: &'c Claim, b: &'c Claim) -> Found<'c> {
    if !assertive(a) || !assertive(b) {
        return Found::Nothing;
    }
    let shares = shares_referent(a, b);
    let both_have = !a.entities.is_empty() && !b.entities.is_empty();
    if both_have && !shares {
        return Found::Nothing;
    }
    let mut agree: Option<Relation> = None;
    for (i, x) in a.quantities.iter().enumerate() {
        for (j, y) in b.quantities.iter().enumerate() {
            // Durations of the same standoff ("a nine-day blockade", "a
            // nine-day standoff") compare when the claims share a referent.
            if let (QuantityKind::Duration { unit: ux }, QuantityKind::Duration { unit: uy }) =
                (&x.kind, &y.kind)
            {
                if ux != uy || !shares || !durations_of_same_thing(a, i, b, j) {
                    continue;
                }
                // Built only when it is kept: a second compatible pair of
                // figures adds nothing to the first.
                let build = |kind: RelationType| {
                    let topic = ["numeric:duration-", ux].concat_compact();
                    figures_relation((a, i), (b, j), kind, topic, &["how long (", ux, "s): "], "")
                };
                if overlaps(x, y) {
                    agree.get_or_insert_with(|| build(RelationType::Agree));
                    continue;
                }
                return Found::Contradict(build(RelationType::Contradict));
            }
            let Some(mx) = shared_measure(a, i, b, j) else { continue };
            if !dates_compatible(a, x, b, y) || dated_apart(a, b) {
                return Found::Undecided("same measure but the claims are dated differently".to_string());
            }
            let build = |kind: RelationType, tail: &str| {
                let what = x.head.as_ref().or(y.head.as_ref()).unwrap_or(mx);
                let topic = ["numeric:", mx].concat_compact();
                figures_relation((a, i), (b, j), kind, topic, &[what, " (", mx, "): "], tail)
            };
            if overlaps(x, y) {
                agree.get_or_insert_with(|| build(RelationType::Agree, "; compatible"));
            } else {
                return Found::Contradict(build(RelationType::Contradict, "; the figures cannot both hold"));
            }
        }
    }
    agree.map_or(Found::Nothing, Found::Agree)
}

// ---------------------------------------------------------------- dates and times

fn show_date(v: &DateValue) -> CompactString {
    match v {
        DateValue::Day(d) => show_day(*d),
        DateValue::Month { year, month } => format_compact!("{year:04}-{month:02}"),
        DateValue::Year(y) => y.to_compact_string(),
        DateValue::Range { start, end } => {
            let mut out = show_day(*start);
            out.push('/');
            out.push_str(&show_day(*end));
            out
        }
        DateValue::Unresolved => CompactString::const_new("unresolved"),
    }
}

/// A day as jiff's `Display` writes it (`2020-11-09`), written here for the
/// years 0–9999 (jiff's last): jiff's printer took about 280 instructions a
/// day, and days are shown for every dated pair compared. The ten bytes
/// are set in an array and copied once (pushed one by one, they cost some
/// 70 instructions each). Years before 0 are left to jiff
/// (`-000001-12-31`).
fn show_day(d: jiff::civil::Date) -> CompactString {
    let Ok(year) = u16::try_from(d.year()) else { return d.to_compact_string() };
    let digit = |n: u16| b'0' + (n % 10) as u8;
    let [month, day] = [d.month(), d.day()].map(|n| u16::from(n.unsigned_abs()));
    let bytes = [
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(month / 10),
        digit(month),
        b'-',
        digit(day / 10),
        digit(day),
    ];
    // Digits and dashes are UTF-8; the fallback is never taken.
    std::str::from_utf8(&bytes).map_or_else(|_| d.to_compact_string(), CompactString::from)
}

fn is_day(v: &DateValue) -> bool {
    matches!(v, DateValue::Day(_))
}

/// An event key without its `class:` prefixes: the verb stem or the class.
/// `str::trim_start_matches` would give the same, but sets up a substring
/// search on every call, and this is asked for every shared event of every
/// pair.
fn event_name(mut event: &str) -> &str {
    while let Some(rest) = event.strip_prefix("class:") {
        event = rest;
    }
    event
}

fn when<'c>(a: &'c Claim, b: &'c Claim) -> Found<'c> {
    if !assertive(a) || !assertive(b) {
        return Found::Nothing;
    }
    if !a.entities.is_empty() && !b.entities.is_empty() && !shares_referent(a, b) {
        return Found::Nothing;
    }
    let dated = |c: &Claim, i: usize, event: &str| {
        c.features.date_events.get(i).is_some_and(|e| e.iter().any(|x| x == event))
    };
    // Two claims naming things share more than the event and its date: a
    // thing acted on ("statement", "conveyor gallery", "police"). "Held
    // negotiations" and "held a conversation" are different events.
    let share_noun = |event: &str| {
        let name = event_name(event);
        a.features
            .nouns
            .iter()
            .any(|n| n != name && event_class(n).is_none_or(|c| c != name) && b.features.nouns.contains(n))
    };
    let mut agreement = None;
    for event in a.features.events.iter().filter(|v| b.features.events.contains(v)) {
        let name = event_name(event);
        // The event itself must not be negated on either side.
        if a.features.negated.iter().any(|n| n == name) || b.features.negated.iter().any(|n| n == name) {
            continue;
        }
        // A plain verb ("carried") needs a shared thing in any case; an event
        // class ("the fire", "the explosion") only when both claims name things.
        let needs_thing = !event.starts_with("class:") || !a.entities.is_empty() && !b.entities.is_empty();
        if needs_thing && !share_noun(event) && !share_place(a, b) {
            continue;
        }
        // Only dates and times that belong to this event are compared.
        // Read again for each pairing rather than collected: a claim has a
        // date or two, and the lists were allocated for every shared event.
        let xs = || a.dates.iter().enumerate().filter(|&(i, _)| dated(a, i, event)).map(|(_, d)| d);
        let ys = || b.dates.iter().enumerate().filter(|&(i, _)| dated(b, i, event)).map(|(_, d)| d);
        // Times of day first (on the same day).
        for x in xs().filter(|d| d.time.is_some()) {
            for y in ys().filter(|d| d.time.is_some()) {
                if x.value.compatible(&y.value) != Some(true)
                    && !(x.value == DateValue::Unresolved && y.value == DateValue::Unresolved)
                {
                    continue;
                }
                let (Some(tx), Some(ty)) = (x.time.as_ref(), y.time.as_ref()) else { continue };
                let disjoint = tx.end < ty.start || ty.end < tx.start;
                // Only the first agreement is kept: a later one is not built.
                if !disjoint && agreement.is_some() {
                    continue;
                }
                let show = |t: &crate::dates::TimeOfDay| {
                    let (l, r) = (short_time(t.start), short_time(t.end));
                    if l == r { l } else { format_compact!("{l}–{r}") }
                };
                let values = [show(tx), show(ty)];
                let ev = value_evidence("time", (a, &x.text, x.span), (b, &y.text, y.span), &values);
                let topic = ["time:", name].concat_compact();
                let reason = says_reason(&["time of \"", name, "\": "], (a, &values[0]), (b, &values[1]), "");
                if disjoint {
                    return Found::Contradict(relation(
                        a,
                        b,
                        RelationType::Contradict,
                        Kind::Time,
                        reason,
                        ev,
                        topic,
                        values,
                    ));
                }
                agreement = Some(relation(a, b, RelationType::Agree, Kind::Time, reason, ev, topic, values));
            }
        }
        for x in xs().filter(|d| d.value.bounds().is_some()) {
            for y in ys().filter(|d| d.value.bounds().is_some()) {
                // The same kind of event a year or more apart is another event
                // ("a fire in March 2021"), unless a side dates the last or first
                // time it happened ("last inspected in 2019").
                let far = match (x.value.bounds(), y.value.bounds()) {
                    (Some(u), Some(v)) => years_apart(u, v),
                    _ => false,
                };
                if far && !a.features.recency && !b.features.recency {
                    continue;
                }
                let contradicts = match x.value.compatible(&y.value) {
                    Some(false) if is_day(&x.value) || is_day(&y.value) => true,
                    Some(true)
                        if x.value == y.value
                            && !matches!(x.value, DateValue::Range { .. })
                            && agreement.is_none() =>
                    {
                        false
                    }
                    _ => continue,
                };
                // The evidence is built for a relation that is kept: a
                // contradiction, or the first agreement.
                let values = [show_date(&x.value), show_date(&y.value)];
                let ev = value_evidence("date", (a, &x.text, x.span), (b, &y.text, y.span), &values);
                let topic = ["date:", name].concat_compact();
                if contradicts {
                    let reason =
                        says_reason(&["date of \"", name, "\": "], (a, &values[0]), (b, &values[1]), "");
                    return Found::Contradict(relation(
                        a,
                        b,
                        RelationType::Contradict,
                        Kind::Date,
                        reason,
                        ev,
                        topic,
                        values,
                    ));
                }
                let reason = ["date of \"", name, "\": both say ", &values[0]].concat();
                agreement = Some(relation(a, b, RelationType::Agree, Kind::Date, reason, ev, topic, values));
            }
        }
    }
    agreement.map_or(Found::Nothing, Found::Agree)
}

/// A time of day as hours and minutes, `HH:MM` (the first two fields of
/// its `HH:MM:SS` display).
fn short_time(t: jiff::civil::Time) -> CompactString {
    format_compact!("{:02}:{:02}", t.hour(), t.minute())
}

// ---------------------------------------------------------------- negation, restatement

fn jaccard<S: AsRef<str>>(a: &[S], b: &[S]) -> (f64, usize) {
    // Sorted, distinct words of each side, intersected by a merge: a pair
    // is compared this way many times, and sets of tree nodes cost more.
    fn distinct<S: AsRef<str>>(v: &[S]) -> Vec<&str> {
        let mut w: Vec<&str> = v.iter().map(AsRef::as_ref).collect();
        w.sort_unstable();
        w.dedup();
        w
    }
    let (x, y) = (distinct(a), distinct(b));
    let (mut i, mut j, mut inter) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = x.len() + y.len() - inter;
    (if union == 0 { 0.0 } else { inter as f64 / union as f64 }, inter)
}

fn negation<'c>(a: &'c Claim, b: &'c Claim) -> Found<'c> {
    if !assertive(a) || !assertive(b) {
        return Found::Nothing;
    }
    if let Some(found) = negated_term(a, b) {
        return found;
    }
    if a.polarity == b.polarity {
        return Found::Nothing;
    }
    // States already decide claims about a concept.
    if !a.states.is_empty() && !b.states.is_empty() {
        return Found::Nothing;
    }
    let verbs: Vec<&CompactString> = a
        .features
        .verbs
        .iter()
        .filter(|v| !GENERIC_VERBS.contains(&v.as_str()) && b.features.verbs.contains(v))
        .collect();
    let Some(verb) = verbs.first() else { return Found::Nothing };
    if !shares_referent(a, b) {
        return Found::Nothing;
    }
    let (j, inter) = jaccard(&a.features.stems, &b.features.stems);
    if j < 0.3 || inter < 3 {
        return Found::Nothing;
    }
    let shared = shared_referents(a, b);
    let (neg, pos) = if a.polarity == Polarity::Negative { (a, b) } else { (b, a) };
    let mut ev = Evidence { shared: shared.clone(), ..Evidence::default() };
    let neg_items: Vec<EvidenceItem> = neg.negations.iter().map(|m| item("negation", m)).collect();
    // The affirming side has no cue of its own: its evidence is its claim.
    if std::ptr::eq(neg, a) {
        ev.a = neg_items;
    } else {
        ev.b = neg_items;
    }
    let positions = negation_positions(verb, std::ptr::eq(neg, a));
    let reason = format!(
        "\"{verb}\" about {}: {} negates it (\"{}\"), {} affirms it",
        shared.join(", "),
        who(neg),
        neg.negations.first().map_or("", |m| m.text.as_str()),
        who(pos)
    );
    Found::Contradict(relation(
        a,
        b,
        RelationType::Contradict,
        Kind::Negation,
        reason,
        ev,
        ["negation:", verb].concat_compact(),
        positions,
    ))
}

/// A two-word term both claims use, negated (or denied) in one and plainly in
/// the other: "did not use tear gas" against "fired tear gas".
fn negated_term(a: &Claim, b: &Claim) -> Option<Found<'static>> {
    if !a.states.is_empty() && !b.states.is_empty() {
        return None;
    }
    // A two-word term both claims use, negated on one side only. The terms
    // are read in place: collecting them with their negated status for
    // every pair compared allocated twice a pair, and most share none.
    let negated = |c: &Claim, t: &CompactString| c.features.negated_terms.contains(t);
    let (term, na) = a.features.terms.iter().find_map(|t| {
        let na = negated(a, t);
        b.features.terms.iter().any(|u| u == t && negated(b, u) != na).then_some((t, na))
    })?;
    let (neg, pos) = if na { (a, b) } else { (b, a) };
    let kind = if neg.denial.is_some() { Kind::Denial } else { Kind::Negation };
    let cue = neg.denial.as_ref().or(neg.negations.first());
    let mut ev = Evidence { shared: shared_referents(a, b), ..Evidence::default() };
    let neg_items: Vec<EvidenceItem> =
        cue.map(|m| item(if kind == Kind::Denial { "denial" } else { "negation" }, m)).into_iter().collect();
    if na {
        ev.a = neg_items;
    } else {
        ev.b = neg_items;
    }
    let positions = negation_positions(term, na);
    let reason = format!(
        "\"{term}\": {} {} it (\"{}\"), {} affirms it",
        who(neg),
        if kind == Kind::Denial { "denies" } else { "negates" },
        cue.map_or("", |m| m.text.as_str()),
        who(pos)
    );
    Some(Found::Contradict(relation(
        a,
        b,
        RelationType::Contradict,
        kind,
        reason,
        ev,
        ["term:", term].concat_compact(),
        positions,
    )))
}

fn restatement<'c>(a: &'c Claim, b: &'c Claim) -> Found<'c> {
    if a.polarity != b.polarity || !assertive(a) || !assertive(b) {
        return Found::Nothing;
    }
    let (j, inter) = jaccard(&a.features.stems, &b.features.stems);
    if j < 0.5 || inter < 4 {
        return Found::Nothing;
    }
    let shared = shared_referents(a, b);
    let ev = Evidence { shared, ..Evidence::default() };
    let reason = joined(&[
        &who_pieces(a),
        &[" and "],
        &who_pieces(b),
        &[" say the same in other words (", itoa::Buffer::new().format(inter), " content words shared)"],
    ]);
    let mut topic = CompactString::const_new("restatement:");
    for (k, stem) in a.features.stems.iter().take(3).enumerate() {
        if k > 0 {
            topic.push('-');
        }
        topic.push_str(stem);
    }
    Found::Agree(relation(
        a,
        b,
        RelationType::Agree,
        Kind::Restatement,
        reason,
        ev,
        topic,
        ["same".into(), "same".into()],
    ))
}

/// Map from claim id to index, for lookups.
pub(crate) fn id_index(claims: &[Claim]) -> HashMap<&str, usize> {
    claims.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A day is written as jiff writes it, over whole years and the ends of
    /// jiff's range (years before 0 are jiff's own).
    #[test]
    fn days_are_shown_as_jiff_shows_them() {
        use jiff::civil::date;
        let mut days = vec![date(-1, 12, 31), date(-9999, 1, 1), date(9999, 12, 31), date(0, 1, 1)];
        for year in [1, 9, 10, 99, 100, 999, 1000, 1999, 2020, 2024, 9998] {
            let mut d = date(year, 1, 1);
            while d.year() == year {
                days.push(d);
                d = d.tomorrow().unwrap();
            }
        }
        for d in days {
            assert_eq!(show_day(d), d.to_string(), "{d:?}");
        }
        let range = DateValue::Range { start: date(2020, 11, 9), end: date(2020, 12, 3) };
        assert_eq!(show_date(&range), "2020-11-09/2020-12-03");
    }

    /// `dated_apart` walks the dates where it collected them; the collecting
    /// version, kept here as the definition, answers the same for every mix
    /// of dated, undated, unresolved and story-dated claims.
    #[test]
    fn dated_apart_is_its_definition() {
        fn definition(a: &Claim, b: &Claim) -> bool {
            let bounds = |c: &Claim| -> Vec<DateRange> {
                let dated: Vec<_> = c.dates.iter().filter_map(|d| d.value.bounds()).collect();
                if dated.is_empty() {
                    c.features.story_day.map(|d| (d, d)).into_iter().collect()
                } else {
                    dated
                }
            };
            let (da, db) = (bounds(a), bounds(b));
            !da.is_empty() && !db.is_empty() && da.iter().all(|&u| db.iter().all(|&v| years_apart(u, v)))
        }
        let doc = crate::Document::new("a", "Daily", "The bridge was closed on 12 March 2023, police said.")
            .published(jiff::civil::date(2023, 3, 13));
        let analysis = crate::Analyzer::new().analyze(vec![doc]).unwrap();
        let base = analysis.claims().iter().find(|c| !c.dates.is_empty()).expect("a dated claim").clone();
        let mention = base.dates[0].clone();
        let with = |value: DateValue| crate::dates::DateMention { value, ..mention.clone() };
        let day = |y, m, d| DateValue::Day(jiff::civil::date(y, m, d));
        let date_lists = [
            vec![],
            vec![with(day(2023, 3, 12))],
            vec![with(DateValue::Year(2021))],
            vec![with(DateValue::Unresolved)],
            vec![with(day(2023, 3, 12)), with(DateValue::Year(2021))],
            vec![with(DateValue::Unresolved), with(day(2019, 1, 2))],
        ];
        let days = [None, Some(jiff::civil::date(2023, 3, 10)), Some(jiff::civil::date(2021, 6, 1))];
        let mut claims = Vec::new();
        for dates in &date_lists {
            for day in days {
                let mut c = base.clone();
                c.dates = dates.clone();
                c.features.story_day = day;
                claims.push(c);
            }
        }
        let mut answers = [0; 2];
        for a in &claims {
            for b in &claims {
                let want = definition(a, b);
                assert_eq!(
                    dated_apart(a, b),
                    want,
                    "{:?} {:?} against {:?} {:?}",
                    a.dates,
                    a.features.story_day,
                    b.dates,
                    b.features.story_day
                );
                answers[usize::from(want)] += 1;
            }
        }
        assert!(answers[0] > 0 && answers[1] > 0, "{answers:?}");
    }

    /// Each form a figure is shown in, as reasons and positions give it.
    #[test]
    fn intervals_are_shown_in_each_form() {
        for (text, shown) in [
            ("21 people", "21"),
            ("at least 40 people", "≥ 40"),
            ("more than 40 people", "> 40"),
            ("at most 12 people", "≤ 12"),
            ("fewer than 10 people", "< 10"),
            ("12 to 15 people", "12–15"),
            ("2.5 tonnes", "2.5"),
            ("2.5 million people", "2500000"),
        ] {
            let q = crate::quantity::find_quantities(text, 0);
            assert_eq!(q.len(), 1, "{text}");
            assert_eq!(show_interval(&q[0]), shown, "{text}");
        }
    }

    /// Of the agreements a pair has, the one on a date (or time, or figure)
    /// is chosen over the others, though the state detector, which runs
    /// first, found one too; a pair with only a state in common agrees on
    /// the state (a restatement of it).
    #[test]
    fn the_date_agreement_is_chosen_over_the_state() {
        use crate::Document;
        let analysis = crate::Analyzer::new()
            .analyze(vec![
                Document::new(
                    "a",
                    "Daily",
                    "The Osk bridge was closed on 12 March 2023, police said. The Brell tunnel was closed, police said.",
                ),
                Document::new(
                    "b",
                    "Echo",
                    "The Osk bridge was closed on 12 March 2023, officials said. The Brell tunnel was closed, \
                     officials said.",
                ),
            ])
            .unwrap();
        let claim = |doc: &str, needle: &str| {
            analysis.claims().iter().find(|c| c.doc == doc && c.text.contains(needle)).unwrap()
        };
        let kind = |x: &Claim, y: &Claim| match compare_pair(x, y) {
            Outcome::Related(r) => (r.relation, r.kind, r.topic.split(':').next().unwrap_or("").to_string()),
            other => panic!("{}", shown(other)),
        };
        let (bridge_a, bridge_b) = (claim("a", "bridge"), claim("b", "bridge"));
        assert!(matches!(state(bridge_a, bridge_b), Found::StatesAgree(_)), "the state agrees too");
        assert_eq!(kind(bridge_a, bridge_b), (RelationType::Agree, Kind::Date, "date".to_string()));
        assert_eq!(kind(bridge_b, bridge_a), (RelationType::Agree, Kind::Date, "date".to_string()));
        let (tunnel_a, tunnel_b) = (claim("a", "tunnel"), claim("b", "tunnel"));
        assert_eq!(kind(tunnel_a, tunnel_b), (RelationType::Agree, Kind::Restatement, "state".to_string()));
    }

    /// What a comparison gives, as text, to compare two outcomes.
    fn shown(o: Outcome) -> String {
        match o {
            Outcome::Related(r) => format!("{r:?}"),
            Outcome::Undecided(why) => format!("undecided: {why}"),
            Outcome::None => "none".to_string(),
        }
    }

    /// Each quantity's head word and the claim's referents are kept at
    /// extraction as `head_word` and `referent_order` give them, and a claim
    /// without them (features not computed) is compared as one with them:
    /// they are found again.
    #[test]
    fn head_words_and_referents_are_kept_at_extraction() {
        use crate::Document;
        let analysis = crate::Analyzer::new()
            .analyze(vec![
                Document::new(
                    "a",
                    "Daily",
                    "Eight people died in the blast at the Osk plant, police said. The death toll at the Osk plant \
                     rose to 12 on Monday. A nine-day blockade of the Osk plant ended. The owners of the Osk plant \
                     closed the Osk plant, police said.",
                ),
                Document::new(
                    "b",
                    "Echo",
                    "Ten people died in the blast at the Osk plant, officials said. The death toll at the Osk plant \
                     was 14 on Monday. The nine-day standoff at the Osk plant ended.",
                ),
            ])
            .unwrap();
        let claims = analysis.claims();
        let mut kept = 0;
        for c in claims {
            assert_eq!(c.features.heads.len(), c.quantities.len(), "{}", c.text);
            let shown: Vec<CompactString> = c.quantities.iter().map(show_interval).collect();
            assert_eq!(c.features.shown, shown, "{}", c.text);
            for (q, word) in c.quantities.iter().zip(&c.features.heads) {
                assert_eq!(word.as_deref(), q.head.as_deref().map(head_word).as_deref(), "{}", q.text);
                kept += usize::from(word.is_some());
            }
        }
        assert!(kept >= 4, "{kept} head words");
        // A claim that names one referent twice, for the "each once" below.
        assert!(
            claims.iter().any(|c| {
                let ids: BTreeSet<&str> = c.entities.iter().map(|e| e.referent.as_str()).collect();
                ids.len() < c.entities.len()
            }),
            "no claim names a referent twice"
        );
        for c in claims {
            assert_eq!(c.features.referents, referent_order(&c.entities), "{}", c.text);
            // Each referent once, in the order of the ids.
            let kept: Vec<&str> =
                c.features.referents.iter().map(|&k| c.entities[k as usize].referent.as_str()).collect();
            let mut ids: Vec<&str> = c.entities.iter().map(|e| e.referent.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(kept, ids, "{}", c.text);
        }
        assert!(
            claims
                .iter()
                .any(|a| claims.iter().any(|b| a.doc != b.doc && !shared_referents(a, b).is_empty())),
            "no two claims of the two documents share a referent"
        );
        let mut numeric = 0;
        for a in claims {
            for b in claims {
                let (mut x, mut y) = (a.clone(), b.clone());
                x.features.heads.clear();
                y.features.heads.clear();
                x.features.shown.clear();
                y.features.shown.clear();
                x.features.referents.clear();
                y.features.referents.clear();
                let with = shown(compare_pair(a, b));
                numeric += usize::from(with.contains("Numeric"));
                assert_eq!(with, shown(compare_pair(&x, &y)), "{} / {}", a.text, b.text);
            }
        }
        assert!(numeric > 0, "no numeric relation to test the head words on");
    }

    /// `event_name` drops the `class:` prefixes as `trim_start_matches` does.
    #[test]
    fn event_names_lose_their_class_prefixes() {
        for event in ["class:fire", "fire", "class:class:fire", "class:", "", "clas:fire", "fire:class:"] {
            assert_eq!(event_name(event), event.trim_start_matches("class:"), "{event:?}");
        }
    }

    /// The sort key splits at the last colon, as `rsplit_once(':')` does.
    #[test]
    fn id_order_splits_at_the_last_colon() {
        for id in [
            "a:1",
            "a:b:12",
            "nocolon",
            "x:",
            ":5",
            "é:3",
            "doc:9:x",
            "",
            "d:+7",
            "d:007",
            "d:1_0",
            "d:9999999999999999999",
            "d:18446744073709551615",
            "d:18446744073709551616",
            "d:99999999999999999999",
        ] {
            let old = match id.rsplit_once(':') {
                Some((d, n)) => (d, n.parse().unwrap_or(0)),
                None => (id, 0),
            };
            assert_eq!(id_order(id), old, "{id:?}");
        }
        assert_eq!(id_order("doc:b:12"), ("doc:b", 12));
    }
}
