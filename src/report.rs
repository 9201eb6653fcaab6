//! The divergence report, its JSON contract and its Markdown rendering.
//!
//! # JSON contract (`claimgraph-report/1`)
//!
//! Field names below are stable: later versions add fields, never remove or
//! rename these. Ids are stable for the same input. A field marked `?` is
//! left out when it has no value; a list marked `*` is left out when it is
//! empty (read a missing list as `[]`); a field marked `~` may be `null`.
//! `span`s are `{start, end}` byte
//! offsets into the document's text; a `marker` is `{text, span}`.
//!
//! ```text
//! format:        "claimgraph-report/1"
//! group?:        number of the group of stories, in a report of one group of a larger input (JSON Lines)
//! inputs:        {documents, stories, claims, relations, undecided, rejected: [{origin, reason}], skipped*,
//!                 read, analysed, rejected_count, abstained,
//!                 abstentions: {headlines, questions, not_asserted, undecided}}
//! documents:     [{id, outlet, title?, published?, author?, url?, extra*: {key: value}, claims, story}]
//! claims:        [{id, doc, outlet, span, sentence, headline?, text,
//!                  speaker: {kind, name, referent?, span?}, via*: [speaker],
//!                  cue?: {text, span, class}, quote, stance, stance_cues*: [marker], content: span,
//!                  polarity, negations*: [marker], denial?: marker, hedges*: [marker], modality,
//!                  entities*: [{text, span, referent}],
//!                  quantities*: [{text, span, value: {low, high~, low_inclusive, high_inclusive},
//!                                 kind: {type, unit}, qualifier~, head~, head_span~}],
//!                  dates*: [{text, span, value: {type, value}, relation~, resolved_from, time~, time_span~}],
//!                  states*: [{concept, label, holds, basis, opposite, themes, cue: marker,
//!                             negation?: marker, object?, count?: marker}],
//!                  framing*: [{kind, cue: marker, target?: marker, keys}]}]
//! relations:     [{a, b, relation: "agree"|"contradict", kind, reason,
//!                  evidence: {a: [{role, text, span}], b: [{role, text, span}], shared*, values?: [a, b]},
//!                  topic, positions: [a, b]}]
//! divergences:   [{id, kinds, question, summary, topic, sides: [{label, claims, outlets, speakers}],
//!                  relations: [[a, b]], reasons}]
//! agreements:    [{id, kind, summary, value, claims, outlets}]
//! naming:        [{referent, name, kind, names: [{name, docs, mentions}], divergent}]
//! framing:       [{doc, outlet, markers: [{kind, text, target?, keys, claim, span}]}]
//! single_source: [{doc, outlet, claims}]
//! outlet_matrix: [{a, b, agree, contradict}]
//! undecided:     [{a, b, reason}]
//! entities:      [{id, name, kind, names}]
//! ```
//!
//! `claims[].text` is always the exact slice of the document text at
//! `claims[].span` (byte offsets).
//!
//! `inputs` accounts for every input: `read` (inputs read) is `analysed`
//! (documents analysed, the same as `documents`) plus `rejected_count`
//! (inputs rejected before analysis, each listed in `rejected` with its
//! reason). `abstained` counts the claims the comparison abstained on, each
//! once, and `abstentions` says why: `headlines` and `questions` (never
//! compared), `not_asserted` (hypothetical or directive, compared only
//! through what they presuppose) and `undecided` (compared, left undecided,
//! and in no relation; the pairs are in `undecided`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use foldhash::{HashMap, HashMapExt as _, HashSet};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use compact_str::CompactString;

use crate::analysis::Analysis;
use crate::claim::{Claim, FramingKind, Modality, SpeakerKind};
use crate::compare::{self, Kind, Relation, RelationType, Undecided};
use crate::document::Fields;
use crate::entity::{EntityKind, NameUse, Referent};

/// The format tag of the JSON report.
pub const FORMAT: &str = "claimgraph-report/1";

/// The format tag of the first line of a report in JSON Lines, one group
/// of stories per line (the command line's `--format jsonl`; see
/// [`GroupsHeader`]).
pub const GROUPS_FORMAT: &str = "claimgraph-groups/1";

/// The first line of a report in JSON Lines (`--format jsonl`): what went
/// in, before the groups. Each later line is the [`Report`] of one group of
/// stories ([`crate::Analyzer::story_groups`]), with [`Report::group`] set,
/// in group order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupsHeader {
    /// Always [`GROUPS_FORMAT`].
    pub format: String,
    /// What went in.
    pub inputs: GroupsInputs,
}

/// What went into a report in JSON Lines: the counts each group's
/// [`Inputs`] cannot give, since every group counts only its own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupsInputs {
    /// Documents analysed, in all groups.
    pub documents: usize,
    /// Stories, in all groups.
    pub stories: usize,
    /// Groups of stories: the lines that follow.
    pub groups: usize,
    /// Inputs read (`read == analysed + rejected_count`).
    pub read: usize,
    /// Documents analysed (the same number as `documents`).
    pub analysed: usize,
    /// Inputs rejected before analysis (the length of `rejected`).
    pub rejected_count: usize,
    /// Inputs rejected before analysis.
    pub rejected: Vec<RejectedInput>,
    /// Files in input folders that are not articles and were not read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<String>,
}

impl GroupsHeader {
    /// The header of the groups of `groups`, with the inputs `rejected`
    /// before analysis (origin and reason) and the files `skipped`.
    pub fn new(
        groups: &crate::StoryGroups,
        rejected: impl IntoIterator<Item = (String, String)>,
        skipped: impl IntoIterator<Item = String>,
    ) -> GroupsHeader {
        let mut rejected: Vec<RejectedInput> =
            rejected.into_iter().map(|(origin, reason)| RejectedInput { origin, reason }).collect();
        rejected.sort_by(|a, b| (&a.origin, &a.reason).cmp(&(&b.origin, &b.reason)));
        let mut skipped: Vec<String> = skipped.into_iter().collect();
        skipped.sort();
        GroupsHeader {
            format: GROUPS_FORMAT.to_string(),
            inputs: GroupsInputs {
                documents: groups.documents(),
                stories: groups.stories(),
                groups: groups.len(),
                read: groups.documents() + rejected.len(),
                analysed: groups.documents(),
                rejected_count: rejected.len(),
                rejected,
                skipped,
            },
        }
    }

    /// The header as one line of compact JSON, without a newline.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}

/// Counts of what went in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inputs {
    /// Documents analysed.
    pub documents: usize,
    /// Stories the documents form (see [`Analysis::stories`]).
    #[serde(default)]
    pub stories: usize,
    /// Claims extracted.
    pub claims: usize,
    /// Relations found.
    pub relations: usize,
    /// Candidate pairs left undecided.
    pub undecided: usize,
    /// Inputs rejected before analysis.
    pub rejected: Vec<RejectedInput>,
    /// Files in input folders that are not articles and were not read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<String>,
    /// Inputs read: the documents analysed plus the inputs rejected, so that
    /// every input is accounted for (`read == analysed + rejected_count`).
    #[serde(default)]
    pub read: usize,
    /// Documents analysed (the same number as `documents`).
    #[serde(default)]
    pub analysed: usize,
    /// Inputs rejected before analysis (the length of `rejected`).
    #[serde(default)]
    pub rejected_count: usize,
    /// Claims the comparison abstained on: not compared, or compared and
    /// left undecided with no relation (see [`Abstentions`]).
    #[serde(default)]
    pub abstained: usize,
    /// Why those claims were abstained on; the counts add up to `abstained`.
    #[serde(default)]
    pub abstentions: Abstentions,
}

/// Claims the comparison abstained on, by reason. Each claim is counted
/// once, under the first reason that applies in this order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Abstentions {
    /// Headlines: kept for framing, never compared.
    pub headlines: usize,
    /// Questions: never compared.
    pub questions: usize,
    /// Hypothetical or directive claims ("would", "may", "urged to"):
    /// compared only through what they presuppose.
    pub not_asserted: usize,
    /// Claims compared with others, left undecided, and in no relation.
    pub undecided: usize,
}

impl Abstentions {
    /// Counts the claims of an analysis abstained on, by reason; `ends` are
    /// the claim indices of each relation's two ends, `index` the claims by
    /// id.
    fn count(analysis: &Analysis, ends: &[(usize, usize)], index: &HashMap<&str, usize>) -> Abstentions {
        // Only membership is asked, of claims by their index: a flag per
        // claim. (A hash set of the ids reserved room for every relation's
        // two ends, half a gigabyte at 100,000 articles.)
        let mut related = vec![false; analysis.claims.len()];
        for &(i, j) in ends {
            related[i] = true;
            related[j] = true;
        }
        let mut undecided = vec![false; analysis.claims.len()];
        for u in &analysis.undecided {
            for id in [u.a.as_str(), u.b.as_str()] {
                if let Some(&i) = index.get(id)
                    && !related[i]
                {
                    undecided[i] = true;
                }
            }
        }
        let mut counts = Abstentions::default();
        for (c, &undecided) in analysis.claims.iter().zip(&undecided) {
            if c.headline {
                counts.headlines += 1;
            } else if c.modality == Modality::Question {
                counts.questions += 1;
            } else if matches!(c.modality, Modality::Hypothetical | Modality::Directive) {
                counts.not_asserted += 1;
            } else if undecided {
                counts.undecided += 1;
            }
        }
        counts
    }

    /// The number of claims abstained on.
    pub fn total(&self) -> usize {
        self.headlines + self.questions + self.not_asserted + self.undecided
    }
}

/// An input that was not analysed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedInput {
    /// The file (and element) it came from.
    pub origin: String,
    /// Why it was rejected.
    pub reason: String,
}

/// A document as listed in the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentSummary {
    /// Document id.
    pub id: String,
    /// Outlet.
    pub outlet: String,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Other metadata.
    #[serde(default, skip_serializing_if = "Fields::is_empty")]
    pub extra: Fields,
    /// Number of claims extracted.
    pub claims: usize,
    /// The document's story, numbered from 0 in the order of the stories'
    /// first documents (see [`Analysis::stories`]).
    #[serde(default)]
    pub story: usize,
}

/// One side of a divergence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    /// The position this side takes (e.g. "blocked", "not blocked", "2020-11-09").
    pub label: String,
    /// Claim ids on this side.
    pub claims: Vec<String>,
    /// Outlets on this side.
    pub outlets: Vec<String>,
    /// Speakers on this side (`outlet` for the outlets' own voice).
    pub speakers: Vec<String>,
}

/// A disputed point: claims that cannot all be true, grouped by position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Divergence {
    /// Stable id.
    pub id: String,
    /// Kinds of the links behind it (numeric, date, denial, framing, naming, …).
    pub kinds: Vec<Kind>,
    /// The question in dispute.
    pub question: String,
    /// One line: who says what.
    pub summary: String,
    /// The point (see [`Relation::topic`]).
    pub topic: String,
    /// The positions, strongest first.
    pub sides: Vec<Side>,
    /// The contradicting pairs behind it.
    pub relations: Vec<[String; 2]>,
    /// The reasons of those links (at most five).
    pub reasons: Vec<String>,
}

/// A point two or more outlets state compatibly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    /// Stable id.
    pub id: String,
    /// What kind of agreement (date, numeric, time, restatement).
    pub kind: Kind,
    /// One line.
    pub summary: String,
    /// The agreed value, if there is one (a date, a figure, a state).
    pub value: String,
    /// Claim ids.
    pub claims: Vec<String>,
    /// Outlets.
    pub outlets: Vec<String>,
}

/// The names used for one referent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Naming {
    /// Referent id.
    pub referent: String,
    /// Canonical name.
    pub name: String,
    /// What kind of referent.
    pub kind: EntityKind,
    /// Each name and who uses it.
    pub names: Vec<NameUse>,
    /// Whether outlets differ in the names they use (beyond short forms).
    pub divergent: bool,
}

/// A framing marker in the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FramingEntry {
    /// What the marker does.
    pub kind: FramingKind,
    /// The marker text.
    pub text: String,
    /// The term it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Grouping keys.
    pub keys: Vec<String>,
    /// The claim it is in.
    pub claim: String,
    /// Where it is.
    pub span: crate::Span,
}

/// Framing markers of one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletFraming {
    /// Document id.
    pub doc: String,
    /// Outlet.
    pub outlet: String,
    /// Markers in text order.
    pub markers: Vec<FramingEntry>,
}

/// Claims only one outlet makes: no claim of another outlet agrees with
/// their most specific content (a figure, a date, or else the statement).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SingleSource {
    /// Document id.
    pub doc: String,
    /// Outlet.
    pub outlet: String,
    /// Claim ids no other outlet supports.
    pub claims: Vec<String>,
}

/// Links between two outlets' claims.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatrixCell {
    /// First outlet (alphabetically).
    pub a: String,
    /// Second outlet.
    pub b: String,
    /// Agreeing links.
    pub agree: usize,
    /// Contradicting links.
    pub contradict: usize,
}

/// The full report. Serialise it with [`Report::to_json`] or render it with
/// [`Report::to_markdown`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`FORMAT`].
    pub format: String,
    /// The group's number when the report is of one group of stories of a
    /// larger input ([`Report::for_group`]; the command line's
    /// `--format jsonl`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<usize>,
    /// What went in.
    pub inputs: Inputs,
    /// The documents.
    pub documents: Vec<DocumentSummary>,
    /// Every claim.
    pub claims: Vec<Claim>,
    /// Every relation.
    pub relations: Vec<Relation>,
    /// Disputed points, strongest first.
    pub divergences: Vec<Divergence>,
    /// Points stated compatibly by two or more outlets.
    pub agreements: Vec<Agreement>,
    /// Referents with more than one name.
    pub naming: Vec<Naming>,
    /// Framing markers per document.
    pub framing: Vec<OutletFraming>,
    /// What only one outlet reports.
    pub single_source: Vec<SingleSource>,
    /// Outlet × outlet counts of links.
    pub outlet_matrix: Vec<MatrixCell>,
    /// Candidate pairs left undecided.
    pub undecided: Vec<Undecided>,
    /// All resolved entities.
    pub entities: Vec<Referent>,
}

/// Union-find over claim indices, sparse: it costs what it holds, not the
/// number of claims (it is built once per topic and per component). The
/// root of a group is its smallest index.
#[derive(Default)]
struct Groups(HashMap<usize, usize>);

impl Groups {
    fn new() -> Groups {
        Groups::default()
    }
    /// The root of `x`'s group. Every claim on the way points to the root
    /// afterwards (full path compression): pointing only `x` there left long
    /// chains on large groups, and the finds grew faster than the claims.
    /// A root has no entry; a claim that already points to its root (most
    /// of them, after compression) is looked up twice and not written.
    #[inline]
    fn find(&mut self, x: usize) -> usize {
        let Some(&first) = self.0.get(&x) else { return x };
        let mut r = first;
        while let Some(&parent) = self.0.get(&r) {
            r = parent;
        }
        if r != first {
            let mut y = x;
            while let Some(parent) = self.0.get_mut(&y)
                && *parent != r
            {
                y = std::mem::replace(parent, r);
            }
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        self.link(ra, rb);
    }

    /// Joins the groups of two roots (nothing if they are the same).
    fn link(&mut self, ra: usize, rb: usize) {
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.0.insert(hi, lo);
        }
    }
}

/// The claims each claim of `ks` (relation indices) contradicts.
fn conflicts_of(
    analysis: &Analysis,
    ends: &[(usize, usize)],
    ks: impl Iterator<Item = usize>,
) -> HashMap<usize, Vec<usize>> {
    let mut conflicts: HashMap<usize, Vec<usize>> = HashMap::new();
    for k in ks.filter(|&k| analysis.relations[k].relation == RelationType::Contradict) {
        let (a, b) = ends[k];
        conflicts.entry(a).or_default().push(b);
        conflicts.entry(b).or_default().push(a);
    }
    conflicts
}

/// Groups of claims that never hold two claims that contradict each other:
/// two groups are joined unless a member of one contradicts a member of the
/// other, checked through the smaller group's conflicts.
struct ApartGroups<'c> {
    groups: Groups,
    /// The members of each group of more than one claim, by root.
    members: HashMap<usize, Vec<usize>>,
    conflicts: &'c HashMap<usize, Vec<usize>>,
}

impl<'c> ApartGroups<'c> {
    fn new(conflicts: &'c HashMap<usize, Vec<usize>>) -> ApartGroups<'c> {
        ApartGroups { groups: Groups::new(), members: HashMap::new(), conflicts }
    }

    fn find(&mut self, x: usize) -> usize {
        self.groups.find(x)
    }

    /// Joins the groups of `a` and `b` unless that would put contradicting
    /// claims together.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.groups.find(a), self.groups.find(b));
        if ra == rb {
            return;
        }
        let ApartGroups { groups, members, conflicts } = self;
        let size = |r: usize| members.get(&r).map_or(1, Vec::len);
        let (small, other) = if size(ra) <= size(rb) { (ra, rb) } else { (rb, ra) };
        let single = [small];
        let small_members = members.get(&small).map_or(&single[..], Vec::as_slice);
        let clash = small_members
            .iter()
            .flat_map(|x| conflicts.get(x).into_iter().flatten())
            .any(|&y| groups.find(y) == other);
        if clash {
            return;
        }
        // The roots are known: linked without finding them again.
        groups.link(ra, rb);
        // The smaller member list is moved into the larger (their order does
        // not matter), so each claim moves O(log n) times: moving the higher
        // root's list whatever its size was quadratic for a large group
        // joined to small ones. A single claim has no list, and none is
        // made for it.
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        let kept = match (members.remove(&lo), members.remove(&hi)) {
            (Some(mut kept), Some(mut moved)) => {
                if kept.len() < moved.len() {
                    std::mem::swap(&mut kept, &mut moved);
                }
                kept.extend(moved);
                kept
            }
            (Some(mut kept), None) => {
                kept.push(hi);
                kept
            }
            (None, Some(mut kept)) => {
                kept.push(lo);
                kept
            }
            (None, None) => vec![lo, hi],
        };
        members.insert(lo, kept);
    }
}

fn speaker_label(c: &Claim) -> &str {
    if c.speaker.kind == SpeakerKind::Outlet { "outlet" } else { &c.speaker.name }
}

/// The distinct ids in claim order (document, then number), copied once
/// each.
fn sorted_ids<'c>(ids: impl IntoIterator<Item = &'c str>) -> Vec<String> {
    // Each id's key worked out once, not at every comparison.
    let mut ids: Vec<((&str, usize), &str)> = ids.into_iter().map(|id| (compare::id_order(id), id)).collect();
    ids.sort_by(|a, b| a.0.cmp(&b.0));
    ids.dedup_by(|a, b| a.1 == b.1);
    ids.into_iter().map(|(_, id)| id.to_string()).collect()
}

/// The ids given so far, and for each base the next suffix to try.
#[derive(Default)]
struct UsedIds {
    ids: HashSet<String>,
    next: HashMap<String, usize>,
}

/// `base`, or the first of `base-2`, `base-3`, … not used yet. The suffixes
/// already found taken for a base are not tried again (ids are only ever
/// added), so many divergences with one base cost linear time, not
/// quadratic.
fn unique_id(base: String, used: &mut UsedIds) -> String {
    let mut n = used.next.get(&base).copied().unwrap_or(1);
    let mut id = if n == 1 { base.clone() } else { format!("{base}-{n}") };
    while !used.ids.insert(id.clone()) {
        n += 1;
        id = format!("{base}-{n}");
    }
    used.next.insert(base, n + 1);
    id
}

fn question_for(topic: &str, subject: &str, sample: &Relation, claims: &[&Claim]) -> String {
    let (family, rest) = topic.split_once(':').unwrap_or((topic, ""));
    match family {
        "state" => {
            let label = sample
                .positions
                .iter()
                .find(|p| !p.starts_with("not "))
                .cloned()
                .unwrap_or_else(|| sample.positions[0].trim_start_matches("not ").into());
            format!("Was {subject} {label}?")
        }
        "numeric" => match rest {
            "death" => "How many people died?".to_string(),
            "injury" => "How many people were injured?".to_string(),
            "arrest" => "How many people were arrested or detained?".to_string(),
            "attendance" => "How many people took part?".to_string(),
            "missing" => "How many people are missing?".to_string(),
            "displacement" => "How many people were displaced?".to_string(),
            "damage" => "How much was damaged or destroyed?".to_string(),
            other => format!("What is the figure (\"{other}\")?"),
        },
        "date" | "time" => {
            let when = if family == "date" { "When" } else { "At what time" };
            if crate::compare::is_event_class(rest) {
                // "When did the explosion happen?"
                return format!("{when} did the {rest} happen?");
            }
            // "When was the statement signed?": the noun most of the claims share.
            let verb = verb_surface(rest, claims).unwrap_or_else(|| rest.to_string());
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for c in claims {
                for n in c.features.nouns.iter().filter(|n| n.as_str() != rest) {
                    *counts.entry(n.as_str()).or_default() += 1;
                }
            }
            let noun = counts
                .iter()
                .filter(|(_, n)| **n >= 2)
                .max_by_key(|(w, n)| (**n, std::cmp::Reverse(**w)))
                .map(|(w, _)| *w);
            let noun = noun.and_then(|stem| noun_surface(stem, claims));
            match noun {
                Some(noun) => format!("{when} was the {noun} {verb}?"),
                None if !subject.is_empty() => format!("{when} was it {verb} ({subject})?"),
                None => format!("{when} was it {verb}?"),
            }
        }
        "negation" => {
            let verb = verb_surface(rest, claims).unwrap_or_else(|| rest.to_string());
            if subject.is_empty() {
                format!("Did it happen: “{verb}”?")
            } else {
                format!("Did it happen: “{verb}” ({subject})?")
            }
        }
        "term" => {
            let words: Vec<String> =
                rest.split(' ').map(|w| noun_surface(w, claims).unwrap_or_else(|| w.to_string())).collect();
            format!("Was there “{}”?", words.join(" "))
        }
        _ => topic.to_string(),
    }
}

/// A word as written in one of the claims whose stem is `stem`.
fn noun_surface(stem: &str, claims: &[&Claim]) -> Option<String> {
    verb_surface(stem, claims)
}

/// A surface form of a verb stem as written in one of the claims.
fn verb_surface(stem: &str, claims: &[&Claim]) -> Option<String> {
    for c in claims {
        for w in c.text.split(|ch: char| !ch.is_alphanumeric() && ch != '-') {
            let n = crate::text::normalize(w);
            if !n.is_empty() && crate::text::stem(&n) == stem {
                return Some(n);
            }
        }
    }
    None
}

impl Report {
    /// Builds the report of an analysis.
    pub fn build(analysis: &Analysis) -> Report {
        let mut report = Report::summarise(analysis);
        report.claims = analysis.claims.clone();
        report.relations = analysis.relations.clone();
        report.undecided = analysis.undecided.clone();
        report.entities = analysis.referents.clone();
        report
    }

    /// The report of an analysis, without copying its claims, relations,
    /// undecided pairs and entities: they are moved into the report.
    pub(crate) fn from_analysis(mut analysis: Analysis) -> Report {
        // The comparison is done: what only it reads is freed before the
        // report's own structures take memory (a twentieth of the peak).
        analysis.claims.par_iter_mut().for_each(|c| c.features.keep_for_report());
        let mut report = Report::summarise(&analysis);
        report.claims = analysis.claims;
        report.relations = analysis.relations;
        report.undecided = analysis.undecided;
        report.entities = analysis.referents;
        report
    }

    /// Everything but the four lists `build` copies from the analysis.
    fn summarise(analysis: &Analysis) -> Report {
        let claims = &analysis.claims;
        let index = compare::id_index(claims);
        // The claim indices of each relation's two ends, looked up once.
        let ends: Vec<(usize, usize)> =
            analysis.relations.iter().map(|r| (index[r.a.as_str()], index[r.b.as_str()])).collect();
        let referent_names: HashMap<&str, &str> =
            analysis.referents.iter().map(|r| (r.id.as_str(), r.name.as_str())).collect();
        let by_doc = analysis.claims_by_doc();
        let documents: Vec<DocumentSummary> = analysis
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| DocumentSummary {
                id: d.id.clone(),
                outlet: d.meta.outlet.clone(),
                title: d.meta.title.clone(),
                published: d.meta.published.map(|p| p.to_string()),
                author: d.meta.author.clone(),
                url: d.meta.url.clone(),
                extra: d.meta.extra.clone(),
                claims: by_doc.get(d.id.as_str()).map_or(0, Vec::len),
                story: analysis.stories.get(i).copied().unwrap_or(0),
            })
            .collect();

        // The sections are built in parallel; each gives its items a base id,
        // made unique afterwards in a fixed order (divergences in the order
        // of `builders`, then agreements), so the ids do not depend on the
        // threads.
        type Build<'a> = &'a (dyn Fn() -> Vec<Divergence> + Sync);
        let builders: [Build; 5] = [
            &|| edge_divergences(analysis, &ends, &referent_names),
            &|| framing_divergences(analysis),
            &|| stance_divergences(analysis, &ends),
            &|| label_divergences(analysis),
            &|| naming_divergences(analysis),
        ];
        let (built, (mut agreements, (naming, (framing, single_source, outlet_matrix, abstentions)))) =
            rayon::join(
                || builders.par_iter().map(|build| build()).collect::<Vec<_>>(),
                || {
                    rayon::join(
                        || agreements(analysis, &ends),
                        || {
                            rayon::join(
                                || naming_table(analysis),
                                || {
                                    (
                                        framing_table(analysis),
                                        single_source(analysis, &ends),
                                        outlet_matrix(analysis, &ends),
                                        Abstentions::count(analysis, &ends, &index),
                                    )
                                },
                            )
                        },
                    )
                },
            );
        let mut used_ids = UsedIds::default();
        let mut divergences: Vec<Divergence> = built.into_iter().flatten().collect();
        for d in &mut divergences {
            d.id = unique_id(std::mem::take(&mut d.id), &mut used_ids);
        }
        // Strongest first (most relations, then most outlets), then by id;
        // the strength of each divergence is computed once, not per comparison.
        divergences.sort_by_cached_key(|d| {
            let outlets = d.sides.iter().flat_map(|s| s.outlets.iter()).collect::<BTreeSet<_>>().len();
            (std::cmp::Reverse((d.relations.len(), outlets)), d.id.clone())
        });

        for a in &mut agreements {
            a.id = unique_id(std::mem::take(&mut a.id), &mut used_ids);
        }
        agreements.sort_by(|a, b| {
            b.outlets
                .len()
                .cmp(&a.outlets.len())
                .then(b.claims.len().cmp(&a.claims.len()))
                .then(a.id.cmp(&b.id))
        });
        Report {
            format: FORMAT.to_string(),
            group: None,
            inputs: Inputs {
                documents: analysis.documents.len(),
                stories: analysis.stories().len(),
                claims: claims.len(),
                relations: analysis.relations.len(),
                undecided: analysis.undecided.len(),
                rejected: analysis
                    .rejected
                    .iter()
                    .map(|(o, r)| RejectedInput { origin: o.clone(), reason: r.clone() })
                    .collect(),
                skipped: analysis.skipped.clone(),
                read: analysis.documents.len() + analysis.rejected.len(),
                analysed: analysis.documents.len(),
                rejected_count: analysis.rejected.len(),
                abstained: abstentions.total(),
                abstentions,
            },
            documents,
            claims: Vec::new(),
            relations: Vec::new(),
            divergences,
            agreements,
            naming,
            framing,
            single_source,
            outlet_matrix,
            undecided: Vec::new(),
            entities: Vec::new(),
        }
    }

    /// Marks the report as that of group number `group` of a larger input
    /// (see [`crate::StoryGroups::analyze_each`]): sets [`Report::group`].
    pub fn for_group(mut self, group: usize) -> Report {
        self.group = Some(group);
        self
    }

    /// The report as one line of compact JSON, without a newline: the
    /// layout of each line of the command line's `--format jsonl`.
    pub fn to_json_line(&self) -> String {
        // The line is UTF-8 (strings are copied whole or cut at ASCII bytes
        // they escape); the check cannot fail.
        String::from_utf8(self.to_json_line_vec()).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// [`Report::to_json_line`] as bytes, for writing: the same line,
    /// without the check that it is UTF-8 (about a twentieth of the cost
    /// of writing the line).
    pub fn to_json_line_vec(&self) -> Vec<u8> {
        // Sized ahead: a group's line runs to megabytes, and grown from
        // empty it was copied a dozen times. A claim or a relation takes
        // 550-590 bytes on the synthetic corpora and the texts of the
        // spaCy comparison; the other lists are shorter. Beyond 1 GiB the
        // line grows as it is written, as any estimate may be wrong.
        let items = self.claims.len() + self.relations.len();
        let others =
            self.documents.len() + self.divergences.len() + self.agreements.len() + self.entities.len();
        let estimate = 640usize.saturating_mul(items).saturating_add(256usize.saturating_mul(others));
        let mut out = Vec::with_capacity(estimate.saturating_add(1024).min(1 << 30));
        // serde_json's bytes, written by `json`: through serde_json, writing
        // the line was a fifth of a large run, half of it string escaping.
        // Written field by field, in the struct's order as serde writes it
        // (naming every field makes a new one a compile error here until
        // it is written), so that the relations, most of a large line, go
        // through `json::write_relations`.
        let Report {
            format,
            group,
            inputs,
            documents,
            claims,
            relations,
            divergences,
            agreements,
            naming,
            framing,
            single_source,
            outlet_matrix,
            undecided,
            entities,
        } = self;
        fn field<T: Serialize + ?Sized>(out: &mut Vec<u8>, name: &[u8], value: &T) -> serde_json::Result<()> {
            out.extend_from_slice(name);
            crate::json::to_vec_or_serde_json(out, value)
        }
        let written = (|| -> serde_json::Result<()> {
            field(&mut out, b"{\"format\":", format)?;
            if let Some(group) = group {
                field(&mut out, b",\"group\":", group)?;
            }
            field(&mut out, b",\"inputs\":", inputs)?;
            field(&mut out, b",\"documents\":", documents)?;
            field(&mut out, b",\"claims\":", claims)?;
            out.extend_from_slice(b",\"relations\":");
            crate::json::write_relations(&mut out, relations);
            field(&mut out, b",\"divergences\":", divergences)?;
            field(&mut out, b",\"agreements\":", agreements)?;
            field(&mut out, b",\"naming\":", naming)?;
            field(&mut out, b",\"framing\":", framing)?;
            field(&mut out, b",\"single_source\":", single_source)?;
            field(&mut out, b",\"outlet_matrix\":", outlet_matrix)?;
            field(&mut out, b",\"undecided\":", undecided)?;
            field(&mut out, b",\"entities\":", entities)?;
            out.push(b'}');
            Ok(())
        })();
        match written {
            Ok(()) => out,
            Err(e) => format!("{{\"error\": \"{e}\"}}").into_bytes(),
        }
    }

    /// The report as pretty-printed JSON (the documented contract).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// Writes [`Report::to_json`] and a newline to `out`, without holding the
    /// whole text in memory (a large corpus gives a large report).
    ///
    /// Each list (the claims and relations are nearly all of a large
    /// report) is turned into text in parallel, a window at a time, and
    /// written in order: the same bytes as [`Report::to_json`].
    pub fn write_json<W: std::io::Write>(&self, out: W) -> std::io::Result<()> {
        use std::io::Write as _;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
        // Naming every field makes a new one a compile error here until it
        // is written; the order is the struct's, as serde writes it.
        let Report {
            format,
            group,
            inputs,
            documents,
            claims,
            relations,
            divergences,
            agreements,
            naming,
            framing,
            single_source,
            outlet_matrix,
            undecided,
            entities,
        } = self;
        out.write_all(b"{")?;
        write_field(&mut out, "format", format, true)?;
        if let Some(group) = group {
            write_field(&mut out, "group", group, false)?;
        }
        write_field(&mut out, "inputs", inputs, false)?;
        // Every list is written by `write_items` (the crate's writer, in
        // windows), not streamed through serde_json's pretty serializer,
        // which escapes byte by byte and formats each field through its
        // formatter: the lists besides the claims and relations are 16 of
        // the 120 MB of the spaCy comparison's report, and the run took
        // 1.8% fewer instructions. The lists share one set of buffers.
        let mut buffers = Vec::new();
        write_items(&mut out, "documents", documents, None, &mut buffers)?;
        write_items(&mut out, "claims", claims, None, &mut buffers)?;
        write_items(&mut out, "relations", relations, Some(crate::json::write_relation), &mut buffers)?;
        write_items(&mut out, "divergences", divergences, None, &mut buffers)?;
        write_items(&mut out, "agreements", agreements, None, &mut buffers)?;
        write_items(&mut out, "naming", naming, None, &mut buffers)?;
        write_items(&mut out, "framing", framing, None, &mut buffers)?;
        write_items(&mut out, "single_source", single_source, None, &mut buffers)?;
        write_items(&mut out, "outlet_matrix", outlet_matrix, None, &mut buffers)?;
        write_items(&mut out, "undecided", undecided, None, &mut buffers)?;
        write_items(&mut out, "entities", entities, None, &mut buffers)?;
        out.write_all(b"\n}\n")?;
        out.flush()
    }

    /// The claim with this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        // Claims are in id order (document, then position) when the report
        // comes from an analysis: search that first, then everything.
        let key = compare::id_order(id);
        self.claims
            .binary_search_by(|c| compare::id_order(&c.id).cmp(&key))
            .ok()
            .map(|k| &self.claims[k])
            .filter(|c| c.id == id)
            .or_else(|| self.claims.iter().find(|c| c.id == id))
    }
}

/// Writes `value` with the pretty layout, its lines indented `level` levels.
fn write_value<W: std::io::Write, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
    level: usize,
) -> std::io::Result<()> {
    let mut json = serde_json::Serializer::with_formatter(out, Pretty { level, ..Pretty::default() });
    value.serialize(&mut json).map_err(std::io::Error::other)
}

/// Writes `"name": value` as a field of the report's top-level object.
fn write_field<W: std::io::Write, T: Serialize + ?Sized>(
    out: &mut W,
    name: &str,
    value: &T,
    first: bool,
) -> std::io::Result<()> {
    out.write_all(if first { b"\n  \"" } else { b",\n  \"" })?;
    out.write_all(name.as_bytes())?;
    out.write_all(b"\": ")?;
    write_value(out, value, 1)
}

/// Writes `"name": [items]` as a field of the report's top-level object (never
/// the first), the items turned into text in parallel, a window at a time.
///
/// `by_hand` writes an item in the pretty layout (two levels deep) without
/// serde, where there is such a writer (`json::write_relation`).
///
/// Each chunk of a window is written into one of `buffers`, which the next
/// window and the next list reuse: a buffer made for each chunk and freed
/// once written was memory the allocator soon gave back to the kernel and
/// took again, a page fault per page (a sixth of the faults of the JSON
/// report of the spaCy comparison's texts).
fn write_items<W: std::io::Write, T: Serialize + Sync>(
    out: &mut W,
    name: &str,
    items: &[T],
    by_hand: Option<fn(&mut Vec<u8>, &T, &mut crate::json::Pretty)>,
    buffers: &mut Vec<Vec<u8>>,
) -> std::io::Result<()> {
    if items.is_empty() {
        return write_field(out, name, items, false);
    }
    out.write_all(b",\n  \"")?;
    out.write_all(name.as_bytes())?;
    out.write_all(b"\": [")?;
    const CHUNK: usize = 256;
    // Eight chunks a thread: enough to keep every thread busy, while a
    // window's text (pretty relations run to 1–2 kB each) is what waits in
    // memory to be written.
    let window_items = CHUNK * 8 * rayon::current_num_threads().max(1);
    for (w, window) in items.chunks(window_items).enumerate() {
        let chunks = window.len().div_ceil(CHUNK);
        if buffers.len() < chunks {
            buffers.resize_with(chunks, Vec::new);
        }
        let buffers = &mut buffers[..chunks];
        let written: Vec<std::io::Result<()>> = window
            .par_chunks(CHUNK)
            .zip(buffers.par_iter_mut())
            .enumerate()
            .map(|(c, (chunk, buf))| {
                buf.clear();
                // serde_json's bytes, written by `json` (see
                // `Report::to_json_line_vec`); serde_json where it gives up.
                let mut json = crate::json::Writer::pretty(buf, 2);
                let mut layout = crate::json::Pretty::at(2);
                for (k, item) in chunk.iter().enumerate() {
                    let first = w == 0 && c == 0 && k == 0;
                    json.out().extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    let start = json.out().len();
                    if let Some(write) = by_hand {
                        write(json.out(), item, &mut layout);
                    } else if json.write(item).is_err() {
                        json.out().truncate(start);
                        write_value(json.out(), item, 2)?;
                    }
                    // The chunk sized by its first item: the items of a list
                    // are much alike (pretty relations run to 1–2 kB), and a
                    // chunk grown from a guess was copied two or three
                    // times. (An eighth to spare saved 0.7% more of the
                    // instructions for 3–4% more resident memory.) A reused
                    // buffer has the room already.
                    if k == 0 {
                        let per_item = json.out().len();
                        json.out().reserve(per_item.saturating_mul(chunk.len() - 1));
                    }
                }
                Ok(())
            })
            .collect();
        for (done, text) in written.into_iter().zip(buffers.iter()) {
            done?;
            out.write_all(text)?;
        }
    }
    out.write_all(b"\n  ]")
}

/// serde_json's pretty layout (two spaces a level), byte for byte, with each
/// line break and its indentation written at once: serde_json writes the
/// indentation one level at a time, and in a report of millions of keys
/// those small writes were a tenth of the time spent writing it.
#[derive(Default)]
struct Pretty {
    level: usize,
    has_value: bool,
    /// For [`crate::json::line_at`].
    line: Vec<u8>,
}

impl Pretty {
    fn new_line<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(crate::json::line_at(&mut self.line, self.level))
    }

    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.new_line(w)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.new_line(w)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The items of `keyed` grouped by key, each group in the order given, the
/// groups in key order: what a `BTreeMap` of lists gives, gathered by hash
/// and the keys sorted once, where a tree compared each item's key with
/// several others (0.2% of a run, by relation topic alone).
fn sorted_groups<K: std::hash::Hash + Ord, T>(keyed: impl Iterator<Item = (K, T)>) -> Vec<(K, Vec<T>)> {
    let mut gathered: HashMap<K, Vec<T>> = HashMap::new();
    for (key, item) in keyed {
        gathered.entry(key).or_default().push(item);
    }
    let mut groups: Vec<(K, Vec<T>)> = gathered.into_iter().collect();
    // The keys are distinct: any sort gives one order.
    groups.sort_unstable_by(|(x, _), (y, _)| x.cmp(y));
    groups
}

fn edge_divergences(
    analysis: &Analysis,
    ends: &[(usize, usize)],
    names: &HashMap<&str, &str>,
) -> Vec<Divergence> {
    let claims = &analysis.claims;
    // Relations by topic, in topic order.
    let by_topic = sorted_groups(analysis.relations.iter().enumerate().map(|(k, r)| (r.topic.as_str(), k)));
    let mut out = Vec::new();
    for (topic, rels) in by_topic {
        if !rels.iter().any(|&k| analysis.relations[k].relation == RelationType::Contradict) {
            continue;
        }
        // Components over all edges of the topic.
        let mut g = Groups::new();
        for &k in &rels {
            g.union(ends[k].0, ends[k].1);
        }
        let mut comps: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &k in &rels {
            let root = g.find(ends[k].0);
            comps.entry(root).or_default().push(k);
        }
        for (_, crels) in comps {
            let contra: Vec<&Relation> = crels
                .iter()
                .map(|&k| &analysis.relations[k])
                .filter(|r| r.relation == RelationType::Contradict)
                .collect();
            if contra.is_empty() {
                continue;
            }
            // Positions per claim, and sides grouped by agreement without
            // putting contradicting claims together.
            let mut position: BTreeMap<usize, &str> = BTreeMap::new();
            for &k in &crels {
                let r = &analysis.relations[k];
                position.entry(ends[k].0).or_insert(r.positions[0].as_str());
                position.entry(ends[k].1).or_insert(r.positions[1].as_str());
            }
            let members: Vec<usize> = position.keys().copied().collect();
            // Two sides are joined unless a member of one contradicts a
            // member of the other.
            let conflicts = conflicts_of(analysis, ends, crels.iter().copied());
            let mut sg = ApartGroups::new(&conflicts);
            // Same position label: same side.
            let mut by_label: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for (&c, &l) in &position {
                by_label.entry(l).or_default().push(c);
            }
            for ids in by_label.values() {
                for w in ids.windows(2) {
                    sg.union(w[0], w[1]);
                }
            }
            for &k in crels.iter().filter(|&&k| analysis.relations[k].relation == RelationType::Agree) {
                sg.union(ends[k].0, ends[k].1);
            }
            let mut sides_map: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for &m in &members {
                sides_map.entry(sg.find(m)).or_default().push(m);
            }
            let mut sides: Vec<Side> = sides_map
                .values()
                .map(|ms| {
                    let labels: BTreeSet<&str> = ms.iter().map(|m| position[m]).collect();
                    side_of(
                        ms.iter().map(|&m| &claims[m]),
                        labels.into_iter().collect::<Vec<_>>().join(" / "),
                    )
                })
                .collect();
            sides.sort_by(|a, b| b.claims.len().cmp(&a.claims.len()).then(a.label.cmp(&b.label)));
            let kinds: BTreeSet<Kind> = contra.iter().map(|r| r.kind).collect();
            let subject_id = contra.iter().flat_map(|r| r.evidence.shared.iter()).fold(
                BTreeMap::<&str, usize>::new(),
                |mut m, s| {
                    *m.entry(s.as_str()).or_default() += 1;
                    m
                },
            );
            let subject_id =
                subject_id.iter().max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k))).map(|(k, _)| *k);
            let member_claims: Vec<&Claim> = members.iter().map(|&m| &claims[m]).collect();
            // A description ("~port") reads "the port"; unnamed people "anyone".
            let subject = match subject_id {
                Some("~people") => "anyone".to_string(),
                Some(s) if s.starts_with('~') => {
                    let words: Vec<String> = s[1..]
                        .split(' ')
                        .map(|w| noun_surface(w, &member_claims).unwrap_or_else(|| w.to_string()))
                        .collect();
                    format!("the {}", words.join(" "))
                }
                Some(s) => article(&names.get(s).map(|n| n.to_string()).unwrap_or_default()),
                None => String::new(),
            };
            let question = question_for(topic, &subject, contra[0], &member_claims);
            let summary = sides
                .iter()
                .map(|s| format!("{}: {}", s.label, s.outlets.join(", ")))
                .collect::<Vec<_>>()
                .join(" — vs — ");
            let base = format!(
                "{}{}",
                topic.replace(':', "-"),
                subject_id.map(|s| format!("-{s}")).unwrap_or_default()
            );
            let id = crate::entity::slug(&base);
            // Sorted by their ends' keys, worked out once a relation.
            let mut keyed: Vec<_> =
                contra.iter().map(|r| ((compare::id_order(&r.a), compare::id_order(&r.b)), r)).collect();
            keyed.sort_by(|x, y| x.0.cmp(&y.0));
            let relations: Vec<[String; 2]> =
                keyed.iter().map(|(_, r)| [r.a.as_str().to_owned(), r.b.as_str().to_owned()]).collect();
            let reasons = contra.iter().take(5).map(|r| r.reason.clone()).collect();
            out.push(Divergence {
                id,
                kinds: kinds.into_iter().collect(),
                question,
                summary,
                topic: topic.to_string(),
                sides,
                relations,
                reasons,
            });
        }
    }
    out
}

/// "Tessa bridge" -> "the Tessa bridge" when the name ends in a lowercase class noun.
fn article(name: &str) -> String {
    let last_lower =
        name.split_whitespace().last().is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    let class =
        name.split_whitespace().last().is_some_and(|w| crate::entity::class_of(&w.to_lowercase()).is_some());
    if !name.is_empty() && (last_lower || class) { format!("the {name}") } else { name.to_string() }
}

fn framing_divergences(analysis: &Analysis) -> Vec<Divergence> {
    let claims = &analysis.claims;
    // key -> (doc -> marked claims), and the markers' targets
    let mut marked: BTreeMap<&str, BTreeMap<&str, Vec<&Claim>>> = BTreeMap::new();
    let mut cues: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for c in claims {
        for m in
            c.framing.iter().filter(|m| matches!(m.kind, FramingKind::ScareQuotes | FramingKind::Distancing))
        {
            for k in &m.keys {
                marked.entry(k.as_str()).or_default().entry(c.doc.as_str()).or_default().push(c);
                cues.entry(k.as_str()).or_default().push(m.cue.text.clone());
            }
        }
    }
    let mut out = Vec::new();
    // Plain uses of each key, found in one pass over the claims.
    let keys: Vec<&str> = marked.keys().copied().collect();
    let uses = crate::indexes::framing_uses(claims, &keys);
    for ((key, docs), uses) in marked.into_iter().zip(uses) {
        // Plain uses in other documents.
        let plain: Vec<&Claim> = uses.into_iter().filter(|c| !docs.contains_key(c.doc.as_str())).collect();
        if plain.is_empty() {
            continue;
        }
        let marked_claims: Vec<&Claim> = docs.values().flatten().copied().collect();
        let mut cue_list: Vec<String> = cues.get(key).cloned().unwrap_or_default();
        cue_list.sort();
        cue_list.dedup();
        // The most used marked term names the question.
        let mut targets: BTreeMap<String, usize> = BTreeMap::new();
        for c in &marked_claims {
            for m in c.framing.iter().filter(|m| m.keys.iter().any(|k| k == key)) {
                if let Some(t) = &m.target {
                    *targets
                        .entry(t.text.trim_matches(|ch: char| !ch.is_alphanumeric()).to_string())
                        .or_default() += 1;
                }
            }
        }
        let term = targets
            .iter()
            .max_by_key(|(t, n)| (**n, std::cmp::Reverse((*t).clone())))
            .map(|(t, _)| format!("“{t}”"))
            .unwrap_or_else(|| key.to_string());
        let sides = vec![
            side_of(marked_claims.iter().copied(), format!("distancing ({})", cue_list.join(", "))),
            side_of(plain.iter().copied(), "plain use".to_string()),
        ];
        let question = format!("Is {term} the right word?");
        let summary = format!(
            "{} mark the term ({}); {} use it plainly",
            sides[0].outlets.join(", "),
            cue_list.join(", "),
            sides[1].outlets.join(", ")
        );
        let id = format!("framing-{}", crate::entity::slug(key));
        out.push(Divergence {
            id,
            kinds: vec![Kind::Framing],
            question,
            summary: summary.clone(),
            topic: format!("framing:{key}"),
            sides,
            relations: Vec::new(),
            reasons: vec![summary],
        });
    }
    out
}

/// The side `label` of the claims `cs`: their ids in order, their outlets
/// and speakers, each once and sorted. The sets borrow the claims' text,
/// and each string is copied once, into the side.
fn side_of<'c>(cs: impl IntoIterator<Item = &'c Claim> + Clone, label: String) -> Side {
    let outlets: BTreeSet<&str> = cs.clone().into_iter().map(|c| c.outlet.as_str()).collect();
    let speakers: BTreeSet<&str> = cs.clone().into_iter().map(speaker_label).collect();
    Side {
        label,
        claims: sorted_ids(cs.into_iter().map(|c| c.id.as_str())),
        outlets: outlets.into_iter().map(str::to_string).collect(),
        speakers: speakers.into_iter().map(str::to_string).collect(),
    }
}

/// Claims of one source relayed with distance, relayed plainly, and the distancing cues.
#[derive(Default)]
struct Relays {
    distancing: BTreeSet<usize>,
    plain: BTreeSet<usize>,
    cues: BTreeSet<String>,
}

/// One source, relayed by two outlets with different stances: one keeps its
/// distance ("X claimed that …"), the other reports it plainly ("X reported
/// that …"), about claims that agree.
fn stance_divergences(analysis: &Analysis, ends: &[(usize, usize)]) -> Vec<Divergence> {
    use crate::claim::Stance;
    let claims = &analysis.claims;
    let mut by_source: BTreeMap<String, Relays> = BTreeMap::new();
    for (_, &(i, j)) in analysis.relations.iter().zip(ends).filter(|(r, _)| r.relation == RelationType::Agree)
    {
        let (a, b) = (&claims[i], &claims[j]);
        if a.outlet == b.outlet || a.speaker.kind == SpeakerKind::Outlet || !a.speaker.same_key(&b.speaker) {
            continue;
        }
        let (da, db) = (a.stance == Stance::Distancing, b.stance == Stance::Distancing);
        if da == db {
            continue;
        }
        let e = by_source.entry(a.speaker.name.clone()).or_default();
        for (k, c, distancing) in [(i, a, da), (j, b, db)] {
            if distancing {
                e.distancing.insert(k);
                e.cues.extend(c.stance_cues.iter().map(|m| m.text.clone()));
            } else {
                e.plain.insert(k);
            }
        }
    }
    let mut out = Vec::new();
    for (source, Relays { distancing: dist, plain, cues }) in by_source {
        let d: Vec<&Claim> = dist.iter().map(|&k| &claims[k]).collect();
        let p: Vec<&Claim> = plain.iter().map(|&k| &claims[k]).collect();
        let cue_list: Vec<String> = cues.into_iter().collect();
        let sides = vec![
            side_of(d.iter().copied(), format!("distancing ({})", cue_list.join(", "))),
            side_of(p.iter().copied(), "plain report".to_string()),
        ];
        let summary = format!(
            "{} relay {source} with distance ({}); {} report it plainly",
            sides[0].outlets.join(", "),
            cue_list.join(", "),
            sides[1].outlets.join(", ")
        );
        out.push(Divergence {
            id: format!("stance-{}", crate::entity::slug(&source)),
            kinds: vec![Kind::Framing],
            question: format!("How do outlets relay what {source} says?"),
            summary: summary.clone(),
            topic: format!("stance:{source}"),
            sides,
            relations: Vec::new(),
            reasons: vec![summary],
        });
    }
    out
}

/// Loaded labels against neutral words for the same people or things: an
/// outlet that says "rioters" where others say "protesters".
fn label_divergences(analysis: &Analysis) -> Vec<Divergence> {
    let claims = &analysis.claims;
    // The lexicon's words by stem, computed once.
    let mut words_by_stem: HashMap<String, Vec<&str>> = HashMap::new();
    for (loaded, neutrals) in crate::lexicon::LOADED_PAIRS {
        for w in std::iter::once(loaded).chain(neutrals.iter()) {
            let words = words_by_stem.entry(crate::text::stem(w)).or_default();
            if !words.contains(w) {
                words.push(w);
            }
        }
    }
    // Which claims (not headlines) use each word, in claim order: one pass
    // over the claims instead of one per word. A claim uses a word when one
    // of its stems, or the last part of a hyphenated stem, is the word's.
    let mut users: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut hits: Vec<&str> = Vec::new();
    for (i, c) in claims.iter().enumerate().filter(|(_, c)| !c.headline) {
        hits.clear();
        for st in &c.features.stems {
            let st = st.as_str();
            if let Some(ws) = words_by_stem.get(st) {
                hits.extend(ws.iter().copied());
            }
            // The last part of a hyphenated stem (a byte search: `rsplit`
            // took 150 instructions a stem, most stems having no hyphen).
            if let Some(i) = st.bytes().rposition(|b| b == b'-')
                && let Some(ws) = words_by_stem.get(&st[i + 1..])
            {
                hits.extend(ws.iter().copied());
            }
        }
        hits.sort_unstable();
        hits.dedup();
        for w in &hits {
            users.entry(w).or_default().push(i);
        }
    }
    let none: &[usize] = &[];
    let users_of = |w: &str| users.get(w).map_or(none, Vec::as_slice);
    let mut out = Vec::new();
    for (loaded, neutrals) in crate::lexicon::LOADED_PAIRS {
        let loaded_claims: Vec<&Claim> = users_of(loaded).iter().map(|&i| &claims[i]).collect();
        if loaded_claims.is_empty() {
            continue;
        }
        let loaded_docs: BTreeSet<&str> = loaded_claims.iter().map(|c| c.doc.as_str()).collect();
        let outside = |i: &usize| !loaded_docs.contains(claims[*i].doc.as_str());
        let mut neutral_ids: Vec<usize> =
            neutrals.iter().flat_map(|n| users_of(n).iter().copied().filter(outside)).collect();
        neutral_ids.sort_unstable();
        neutral_ids.dedup();
        let neutral_claims: Vec<&Claim> = neutral_ids.iter().map(|&i| &claims[i]).collect();
        if neutral_claims.is_empty() {
            continue;
        }
        let used_neutral: BTreeSet<&str> =
            neutrals.iter().copied().filter(|n| users_of(n).iter().any(outside)).collect();
        let neutral_words: Vec<&str> = used_neutral.into_iter().collect();
        let sides = vec![
            side_of(loaded_claims.iter().copied(), format!("loaded label: \"{loaded}\"")),
            side_of(
                neutral_claims.iter().copied(),
                format!(
                    "neutral: {}",
                    neutral_words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(", ")
                ),
            ),
        ];
        let summary = format!(
            "{} say \"{loaded}\"; {} say {}",
            sides[0].outlets.join(", "),
            sides[1].outlets.join(", "),
            neutral_words.join(" / ")
        );
        out.push(Divergence {
            id: format!("label-{}", crate::entity::slug(loaded)),
            kinds: vec![Kind::Framing, Kind::Naming],
            question: format!("\"{loaded}\" or \"{}\"?", neutral_words.first().copied().unwrap_or("")),
            summary: summary.clone(),
            topic: format!("label:{loaded}"),
            sides,
            relations: Vec::new(),
            reasons: vec![summary],
        });
    }
    out
}

/// Whether two names are variants (one's words contain the other's).
fn variants(a: &str, b: &str) -> bool {
    let words = |s: &str| -> BTreeSet<String> {
        crate::text::normalize(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && *w != "the")
            .map(str::to_string)
            .collect()
    };
    let (x, y) = (words(a), words(b));
    x.is_subset(&y) || y.is_subset(&x)
}

fn naming_table(analysis: &Analysis) -> Vec<Naming> {
    let mut out = Vec::new();
    for r in &analysis.referents {
        if r.names.len() < 2 {
            continue;
        }
        let all_variants = r.names.iter().all(|x| r.names.iter().all(|y| variants(&x.name, &y.name)));
        if all_variants && r.kind == EntityKind::Person {
            continue;
        }
        // Divergent: some document uses a name that another document, which
        // names the referent too, never uses (nor a variant of it).
        let docs: BTreeSet<&String> = r.names.iter().flat_map(|n| n.docs.iter()).collect();
        let name_docs: Vec<HashSet<&String>> = r.names.iter().map(|n| n.docs.iter().collect()).collect();
        let divergent = r.names.iter().enumerate().any(|(ni, n)| {
            // The names that are variants of this one (itself included).
            let close: Vec<usize> =
                (0..r.names.len()).filter(|&mi| variants(&r.names[mi].name, &n.name)).collect();
            docs.iter()
                .any(|d| !name_docs[ni].contains(d) && !close.iter().any(|&mi| name_docs[mi].contains(d)))
        });
        out.push(Naming {
            referent: r.id.clone(),
            name: r.name.clone(),
            kind: r.kind,
            names: r.names.clone(),
            divergent,
        });
    }
    out.sort_by(|a, b| {
        b.divergent
            .cmp(&a.divergent)
            .then(b.names.len().cmp(&a.names.len()))
            .then(a.referent.cmp(&b.referent))
    });
    out
}

fn naming_divergences(analysis: &Analysis) -> Vec<Divergence> {
    let mut out = Vec::new();
    let divergent: Vec<Naming> = naming_table(analysis).into_iter().filter(|n| n.divergent).collect();
    // The claims naming each of those referents, in claim order.
    let wanted: HashSet<&str> = divergent.iter().map(|n| n.referent.as_str()).collect();
    let mut by_referent: HashMap<&str, Vec<&Claim>> = HashMap::new();
    for c in &analysis.claims {
        let refs: BTreeSet<&str> =
            c.entities.iter().map(|e| e.referent.as_str()).filter(|r| wanted.contains(r)).collect();
        for r in refs {
            by_referent.entry(r).or_default().push(c);
        }
    }
    for n in divergent {
        let mut sides = Vec::new();
        for name in &n.names {
            let key = crate::lexicon::name_key(&name.name);
            let cs: Vec<&Claim> = by_referent
                .get(n.referent.as_str())
                .into_iter()
                .flatten()
                .copied()
                .filter(|c| {
                    c.entities
                        .iter()
                        .any(|e| e.referent == n.referent && crate::lexicon::name_key(&e.text) == key)
                })
                .collect();
            if cs.is_empty() {
                continue;
            }
            sides.push(side_of(cs.iter().copied(), name.name.clone()));
        }
        if sides.len() < 2 {
            continue;
        }
        let summary = sides
            .iter()
            .map(|s| format!("\"{}\": {}", s.label, s.outlets.join(", ")))
            .collect::<Vec<_>>()
            .join("; ");
        let id = format!("naming-{}", n.referent);
        out.push(Divergence {
            id,
            kinds: vec![Kind::Naming],
            question: format!("What is {} called?", article(&n.name)),
            summary: summary.clone(),
            topic: format!("naming:{}", n.referent),
            sides,
            relations: Vec::new(),
            reasons: vec![summary],
        });
    }
    out
}

fn agreements(analysis: &Analysis, ends: &[(usize, usize)]) -> Vec<Agreement> {
    let claims = &analysis.claims;
    // Agreeing relations (by index) by the point they agree on, in order.
    let by_point = sorted_groups(
        analysis
            .relations
            .iter()
            .enumerate()
            .filter(|&(k, r)| {
                r.relation == RelationType::Agree && claims[ends[k].0].outlet != claims[ends[k].1].outlet
            })
            .map(|(k, r)| {
                let value = match r.kind {
                    Kind::Date | Kind::Time => r.positions[0].clone(),
                    Kind::Restatement if r.topic.starts_with("state:") => r.positions[0].clone(),
                    _ => CompactString::default(),
                };
                ((r.topic.as_str(), value, r.kind), k)
            }),
    );
    // Claims each claim contradicts: an agreement never gathers two claims
    // that contradict each other, even through a chain of pairwise
    // agreements ("12–15" agrees with "at least 12", which agrees with "at
    // least 40", which contradicts "12–15").
    let rivals = conflicts_of(analysis, ends, 0..analysis.relations.len());
    let mut out = Vec::new();
    for ((topic, value, kind), rels) in by_point {
        let mut g = ApartGroups::new(&rivals);
        for &k in &rels {
            g.union(ends[k].0, ends[k].1);
        }
        let mut comps: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        let mut comp_rels: HashMap<usize, Vec<&Relation>> = HashMap::new();
        for &k in &rels {
            let (r, (a, b)) = (&analysis.relations[k], ends[k]);
            let root = g.find(a);
            if root != g.find(b) {
                // Kept apart: the two claims' groups contradict each other.
                continue;
            }
            comps.entry(root).or_default().extend([a, b]);
            comp_rels.entry(root).or_default().push(r);
        }
        for (root, ms) in comps {
            let outlets: BTreeSet<&str> = ms.iter().map(|&m| claims[m].outlet.as_str()).collect();
            if outlets.len() < 2 {
                continue;
            }
            let ids = sorted_ids(ms.iter().map(|&m| claims[m].id.as_str()));
            let value = if value.is_empty() && kind == Kind::Numeric {
                // The figures of this group only.
                let vals: BTreeSet<&str> = comp_rels[&root]
                    .iter()
                    .flat_map(|r| r.positions.iter().map(CompactString::as_str))
                    .collect();
                vals.into_iter().collect::<Vec<_>>().join(", ")
            } else {
                value.to_string()
            };
            let what = match kind {
                Kind::Date => format!("date {value}"),
                Kind::Time => format!("time {value}"),
                Kind::Numeric => format!("compatible figures {value}"),
                _ if topic.starts_with("state:") => value.clone(),
                _ => "the same statement".to_string(),
            };
            let summary = format!("{} agree: {what}", outlets.iter().copied().collect::<Vec<_>>().join(", "));
            let base = format!("agree-{}-{}", topic.replace(':', "-"), value);
            let id = crate::entity::slug(&base);
            out.push(Agreement {
                id,
                kind,
                summary,
                value,
                claims: ids,
                outlets: outlets.into_iter().map(str::to_string).collect(),
            });
        }
    }
    out
}

fn framing_table(analysis: &Analysis) -> Vec<OutletFraming> {
    let by_doc = analysis.claims_by_doc();
    let mut out = Vec::new();
    for d in &analysis.documents {
        let mut markers = Vec::new();
        for c in by_doc.get(d.id.as_str()).into_iter().flatten() {
            for m in &c.framing {
                markers.push(FramingEntry {
                    kind: m.kind,
                    text: m.cue.text.clone(),
                    target: m.target.as_ref().map(|t| t.text.clone()),
                    keys: m.keys.clone(),
                    claim: c.id.clone(),
                    span: m.cue.span,
                });
            }
        }
        markers.sort_by(|a, b| a.span.cmp(&b.span).then(a.kind.cmp(&b.kind)));
        markers.dedup_by(|a, b| a.span == b.span && a.kind == b.kind);
        out.push(OutletFraming { doc: d.id.clone(), outlet: d.meta.outlet.clone(), markers });
    }
    out
}

/// Whether a claim has checkable content: a figure, a date, a state, or a named entity.
fn substantive(c: &Claim) -> bool {
    !c.headline
        && (!c.quantities.is_empty()
            || c.dates.iter().any(|d| d.value.bounds().is_some())
            || !c.states.is_empty()
            || !c.entities.is_empty())
}

/// Whether an agreement of `kind` corroborates the most specific content of
/// `c`: a figure needs a numeric agreement, a date a date agreement; a claim
/// with neither is corroborated by any agreement.
fn corroborates(kind: Kind, c: &Claim) -> bool {
    if !c.quantities.is_empty() {
        kind == Kind::Numeric
    } else if c.dates.iter().any(|d| d.value.bounds().is_some()) {
        matches!(kind, Kind::Date | Kind::Time)
    } else {
        true
    }
}

fn single_source(analysis: &Analysis, ends: &[(usize, usize)]) -> Vec<SingleSource> {
    let claims = &analysis.claims;
    let mut supported = vec![false; claims.len()];
    for (r, &(a, b)) in analysis.relations.iter().zip(ends).filter(|(r, _)| r.relation == RelationType::Agree)
    {
        if claims[a].outlet != claims[b].outlet {
            supported[a] |= corroborates(r.kind, &claims[a]);
            supported[b] |= corroborates(r.kind, &claims[b]);
        }
    }
    let mut by_doc: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_doc.entry(c.doc.as_str()).or_default().push(i);
    }
    let mut out = Vec::new();
    for d in &analysis.documents {
        let ids: Vec<String> = by_doc
            .get(d.id.as_str())
            .into_iter()
            .flatten()
            .filter(|&&i| !supported[i] && substantive(&claims[i]))
            .map(|&i| claims[i].id.clone())
            .collect();
        out.push(SingleSource { doc: d.id.clone(), outlet: d.meta.outlet.clone(), claims: ids });
    }
    out
}

fn outlet_matrix(analysis: &Analysis, ends: &[(usize, usize)]) -> Vec<MatrixCell> {
    let list: Vec<&str> = analysis
        .documents
        .iter()
        .map(|d| d.meta.outlet.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // Outlets by their rank in `list`, so each relation is counted with two
    // small integers instead of two string comparisons per step of a tree.
    let rank: HashMap<&str, usize> = list.iter().enumerate().map(|(k, &o)| (o, k)).collect();
    // Every claim's outlet is one of its documents'.
    let outlet: Vec<Option<usize>> =
        analysis.claims.iter().map(|c| rank.get(c.outlet.as_str()).copied()).collect();
    let mut counts: HashMap<(usize, usize), (usize, usize)> = HashMap::default();
    for (r, &(i, j)) in analysis.relations.iter().zip(ends) {
        let (Some(a), Some(b)) = (outlet[i], outlet[j]) else { continue };
        let cell = counts.entry((a.min(b), a.max(b))).or_insert((0, 0));
        match r.relation {
            RelationType::Agree => cell.0 += 1,
            RelationType::Contradict => cell.1 += 1,
        }
    }
    // Every pair of different outlets, and an outlet with itself when two of
    // its documents are linked, in the order of the names.
    let mut cells = Vec::with_capacity(list.len() * list.len().saturating_sub(1) / 2 + counts.len());
    for (a, name_a) in list.iter().enumerate() {
        let first = if counts.contains_key(&(a, a)) { a } else { a + 1 };
        for (b, name_b) in list.iter().enumerate().skip(first) {
            let (agree, contradict) = counts.get(&(a, b)).copied().unwrap_or((0, 0));
            cells.push(MatrixCell { a: name_a.to_string(), b: name_b.to_string(), agree, contradict });
        }
    }
    cells
}

// ---------------------------------------------------------------- Markdown

/// `s` as a Markdown code span, shown verbatim: the fence is one backtick
/// longer than the longest run of backticks in `s`.
fn md_code(s: &str) -> String {
    let s = s.replace(['\n', '\r'], " ");
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{s}{pad}{fence}")
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' | '\r' => out.push(' '),
            // Article text is untrusted: no raw tags in the Markdown.
            '<' => out.push_str("&lt;"),
            '*' | '_' | '`' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

impl Report {
    /// The second line of the summary: every input accounted for, and the
    /// claims abstained on.
    fn inputs_line(&self) -> String {
        let i = &self.inputs;
        let a = &i.abstentions;
        format!(
            "{} inputs read: {} analysed, {} rejected. {} claims abstained on \
             ({} headlines, {} questions, {} not asserted, {} left undecided).",
            i.read,
            i.analysed,
            i.rejected_count,
            i.abstained,
            a.headlines,
            a.questions,
            a.not_asserted,
            a.undecided
        )
    }

    fn claim_line(&self, id: &str) -> String {
        let Some(c) = self.claim(id) else { return format!("`{id}`") };
        let speaker = match c.speaker.kind {
            SpeakerKind::Outlet => "own voice".to_string(),
            _ => c.speaker.name.clone(),
        };
        let cue = c.cue.as_ref().map(|q| format!(", *{}*", md_escape(&q.text))).unwrap_or_default();
        let mut text = c.text.clone();
        if text.chars().count() > 240 {
            text = text.chars().take(237).collect::<String>() + "…";
        }
        format!(
            "**{}** — {}{}: “{}” `{}`",
            md_escape(&c.outlet),
            md_escape(&speaker),
            cue,
            md_escape(&text),
            c.id
        )
    }

    /// The report as Markdown, for people.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# claimgraph report\n");
        let _ = writeln!(
            out,
            "{} documents, {} claims, {} links ({} contradicting), {} divergences, {} agreements.\n",
            self.inputs.documents,
            self.inputs.claims,
            self.inputs.relations,
            self.relations.iter().filter(|r| r.relation == RelationType::Contradict).count(),
            self.divergences.len(),
            self.agreements.len()
        );
        out.pop();
        let _ = writeln!(out, "{}\n", self.inputs_line());
        // A story column only when the documents form more than one story.
        let stories = self.inputs.stories > 1;
        if stories {
            let _ = writeln!(
                out,
                "The documents form {} stories (documents that share names); a key shared by more \
                 than 64 claims is compared within each story.\n",
                self.inputs.stories
            );
        }
        let _ = writeln!(
            out,
            "| document | outlet | published | author | claims |{}\n|---|---|---|---|---|{}",
            if stories { " story |" } else { "" },
            if stories { "---|" } else { "" }
        );
        for d in &self.documents {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} |{}",
                d.id,
                md_escape(&d.outlet),
                d.published.as_deref().unwrap_or("–"),
                md_escape(d.author.as_deref().unwrap_or("–")),
                d.claims,
                if stories { format!(" {} |", d.story) } else { String::new() }
            );
        }
        if !self.inputs.rejected.is_empty() {
            let _ = writeln!(out, "\n**Rejected inputs** (not analysed):\n");
            for r in &self.inputs.rejected {
                let _ = writeln!(out, "- {}: {}", md_code(&r.origin), md_escape(&r.reason));
            }
        }
        if !self.inputs.skipped.is_empty() {
            let _ = writeln!(out, "\n**Skipped files** (not articles, not read):\n");
            for s in &self.inputs.skipped {
                let _ = writeln!(out, "- {}", md_code(s));
            }
        }
        let _ = writeln!(out, "\n## Divergences\n");
        if self.divergences.is_empty() {
            let _ = writeln!(out, "None found.");
        }
        for (i, d) in self.divergences.iter().enumerate() {
            let kinds: Vec<&str> = d.kinds.iter().map(|k| k.as_str()).collect();
            let _ = writeln!(out, "### {}. {}\n", i + 1, md_escape(&d.question));
            let _ = writeln!(out, "*{}* · `{}`\n", kinds.join(", "), d.id);
            for s in &d.sides {
                let _ = writeln!(out, "- **{}** ({})", md_escape(&s.label), md_escape(&s.outlets.join(", ")));
                let shown = 6;
                for id in s.claims.iter().take(shown) {
                    let _ = writeln!(out, "  - {}", self.claim_line(id));
                }
                if s.claims.len() > shown {
                    let _ = writeln!(out, "  - … and {} more", s.claims.len() - shown);
                }
            }
            if !d.reasons.is_empty() && !d.relations.is_empty() {
                let _ = writeln!(out, "\nWhy:");
                for r in &d.reasons {
                    let _ = writeln!(out, "- {}", md_escape(r));
                }
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(out, "## Agreements\n");
        if self.agreements.is_empty() {
            let _ = writeln!(out, "None found.\n");
        }
        for a in self.agreements.iter().take(30) {
            let _ = writeln!(out, "- {} (*{}*)", md_escape(&a.summary), a.kind.as_str());
            for id in a.claims.iter().take(4) {
                let _ = writeln!(out, "  - {}", self.claim_line(id));
            }
        }
        if self.agreements.len() > 30 {
            let _ = writeln!(out, "- … and {} more (see the JSON report)", self.agreements.len() - 30);
        }
        let _ = writeln!(out, "\n## Naming\n");
        if self.naming.is_empty() {
            let _ = writeln!(out, "No referent is named in more than one way.\n");
        } else {
            let _ = writeln!(out, "| referent | name | used by | differs |\n|---|---|---|---|");
            let mut outlet_of: HashMap<&str, &str> = HashMap::new();
            for x in &self.documents {
                outlet_of.entry(x.id.as_str()).or_insert(x.outlet.as_str());
            }
            for n in &self.naming {
                for (i, name) in n.names.iter().enumerate() {
                    let outlets: BTreeSet<&str> =
                        name.docs.iter().filter_map(|d| outlet_of.get(d.as_str()).copied()).collect();
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} |",
                        if i == 0 { md_escape(&n.name) } else { String::new() },
                        md_escape(&name.name),
                        md_escape(&outlets.into_iter().collect::<Vec<_>>().join(", ")),
                        if i == 0 && n.divergent { "yes" } else { "" }
                    );
                }
            }
        }
        let _ = writeln!(out, "\n## Framing markers\n");
        for f in &self.framing {
            if f.markers.is_empty() {
                continue;
            }
            let items: Vec<String> = f
                .markers
                .iter()
                .map(|m| {
                    let kind = match m.kind {
                        FramingKind::ScareQuotes => "scare quotes",
                        FramingKind::Distancing => "distancing",
                        FramingKind::Endorsing => "endorsing",
                        FramingKind::Loaded => "loaded",
                    };
                    format!("{} ({kind})", md_escape(&m.text))
                })
                .collect();
            let _ =
                writeln!(out, "- **{}** ({}): {}", md_escape(&f.outlet), md_code(&f.doc), items.join("; "));
        }
        let _ = writeln!(out, "\n## Single-source claims\n");
        for s in &self.single_source {
            if s.claims.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "- **{}** (`{}`): {} claims no other outlet supports, e.g.",
                md_escape(&s.outlet),
                s.doc,
                s.claims.len()
            );
            let mut ranked: Vec<&Claim> = s.claims.iter().filter_map(|id| self.claim(id)).collect();
            ranked.sort_by_key(|c| {
                (std::cmp::Reverse(c.quantities.len() + c.dates.len()), compare::id_order(&c.id))
            });
            for c in ranked.iter().take(3) {
                let _ = writeln!(out, "  - {}", self.claim_line(&c.id));
            }
        }
        let _ = writeln!(out, "\n## Outlet matrix (agree / contradict)\n");
        let outlets: BTreeSet<&str> = self.documents.iter().map(|d| d.outlet.as_str()).collect();
        let list: Vec<&str> = outlets.into_iter().collect();
        let _ = write!(out, "| |");
        for o in &list {
            let _ = write!(out, " {} |", md_escape(o));
        }
        let _ = write!(out, "\n|---|");
        for _ in &list {
            let _ = write!(out, "---|");
        }
        let _ = writeln!(out);
        // The first cell for each pair of outlets, either way round.
        let mut cells: HashMap<(&str, &str), &MatrixCell> = HashMap::new();
        for c in &self.outlet_matrix {
            cells.entry((c.a.as_str(), c.b.as_str())).or_insert(c);
            cells.entry((c.b.as_str(), c.a.as_str())).or_insert(c);
        }
        for a in &list {
            let _ = write!(out, "| **{}** |", md_escape(a));
            for b in &list {
                let cell = cells.get(&(*a, *b));
                match cell {
                    Some(c) if a != b => {
                        let _ = write!(out, " {} / {} |", c.agree, c.contradict);
                    }
                    _ => {
                        let _ = write!(out, " – |");
                    }
                }
            }
            let _ = writeln!(out);
        }
        if !self.undecided.is_empty() {
            let _ = writeln!(out, "\n## Left undecided\n");
            let _ = writeln!(
                out,
                "{} candidate pairs were compared and left undecided, e.g.:\n",
                self.undecided.len()
            );
            for u in self.undecided.iter().take(5) {
                if u.a.is_empty() {
                    let _ = writeln!(out, "- {}", md_escape(&u.reason));
                } else {
                    let _ =
                        writeln!(out, "- {} / {}: {}", md_code(&u.a), md_code(&u.b), md_escape(&u.reason));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{ApartGroups, Groups, HashMap, sorted_groups};

    /// The line as bytes is the line as text, and the same as serde_json
    /// writes it, on a report with claims, relations and divergences.
    #[test]
    fn json_line_bytes_are_the_json_line() {
        use crate::{Analyzer, Document};
        let report = Analyzer::new()
            .analyze(vec![
                Document::new(
                    "a",
                    "Daily",
                    "Police said the Tessa Bridge was closed on Monday. Eight people died.",
                ),
                Document::new(
                    "b",
                    "Echo",
                    "The Tessa Bridge was not closed on Monday, the mayor said. Ten people died.",
                ),
            ])
            .unwrap()
            .into_report();
        assert!(!report.relations.is_empty() && !report.divergences.is_empty());
        let bytes = report.to_json_line_vec();
        assert_eq!(bytes, report.to_json_line().into_bytes());
        assert_eq!(bytes, serde_json::to_vec(&report).unwrap());
    }

    /// The JSON Lines writer (`crate::json`) gives serde_json's bytes on
    /// the whole report of every fixture story, with its texts, quotes,
    /// dates, figures and metadata.
    #[test]
    fn json_lines_are_serde_jsons_bytes_on_every_fixture() {
        use crate::input::{LoadOptions, load_paths};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut stories = 0;
        for entry in std::fs::read_dir(&root).unwrap() {
            let dir = entry.unwrap().path();
            if !dir.is_dir() {
                continue;
            }
            let docs = load_paths(std::slice::from_ref(&dir), &LoadOptions::default()).unwrap().documents;
            let report = crate::Analyzer::new().analyze(docs).unwrap().into_report().for_group(stories);
            let ours = report.to_json_line_vec();
            let theirs = serde_json::to_vec(&report).unwrap();
            assert!(ours == theirs, "{}: the lines differ", dir.display());
            stories += 1;
        }
        assert!(stories >= 3, "{stories} fixture folders");
    }

    /// The groups are a `BTreeMap` of lists': keys in order, each list in
    /// the order its items came.
    #[test]
    fn sorted_groups_are_a_tree_of_lists() {
        let keyed: Vec<(&str, usize)> =
            ["b", "a", "c", "a", "b", "b", "", "c"].into_iter().zip([5, 1, 9, 0, 3, 4, 7, 2]).collect();
        let mut tree: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
        for &(k, v) in &keyed {
            tree.entry(k).or_default().push(v);
        }
        let groups = sorted_groups(keyed.into_iter());
        assert_eq!(groups, tree.into_iter().collect::<Vec<_>>());
        assert_eq!(groups[1], ("a", vec![1, 0]));
    }

    #[test]
    fn apart_groups_keep_contradicting_claims_apart_after_merging_lists() {
        // Claim 15 contradicts claim 30.
        let conflicts: HashMap<usize, Vec<usize>> = [(15, vec![30]), (30, vec![15])].into_iter().collect();
        let mut g = ApartGroups::new(&conflicts);
        // A large group rooted at 10, then joined to the single claim 0:
        // the large list moves under the smaller root.
        for x in 11..=20 {
            g.union(10, x);
        }
        g.union(0, 10);
        assert_eq!(g.find(15), 0);
        g.union(30, 31);
        // Joining 31's group to 0's would put 15 and 30 together, from
        // either side and either end.
        g.union(0, 31);
        g.union(31, 20);
        assert_eq!(g.find(31), 30);
        assert_eq!(g.find(20), 0);
        // A claim with no conflict still joins.
        g.union(40, 0);
        assert_eq!(g.find(40), 0);
    }

    #[test]
    fn find_points_every_claim_on_the_way_at_the_root() {
        let mut g = Groups::new();
        // A chain 4 -> 3 -> 2 -> 1 -> 0: each union joins a root to a smaller one.
        for x in (0..4).rev() {
            g.union(x, x + 1);
        }
        let parent = |g: &Groups, x: usize| g.0.get(&x).copied();
        assert_eq!(parent(&g, 4), Some(3));
        assert_eq!(g.find(4), 0);
        for x in 1..=4 {
            assert_eq!(parent(&g, x), Some(0), "claim {x} points at the root after one find");
        }
        assert_eq!(parent(&g, 0), None, "a root has no entry");
        // Finds along a compressed path change nothing.
        assert_eq!((g.find(4), g.find(1), g.find(0)), (0, 0, 0));
        assert_eq!(g.0.len(), 4);
        // The root is the smallest index whatever the order of unions.
        let mut h = Groups::new();
        h.union(7, 9);
        h.union(9, 5);
        assert_eq!((h.find(7), h.find(9), h.find(5)), (5, 5, 5));
    }
}
