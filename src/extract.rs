//! Claim extraction: sentences become claims, each with its speaker, cue,
//! quote kind, stance and normalised content.
//!
//! # Attribution
//!
//! Patterns, tried on each sentence (cue words come from the lexicon):
//! - quote first: `“…,” Name said.` / `“…,” said Name.` / `“…,” X quoted Name as saying.`
//! - speaker first: `Name said (that) …`, `Name has denied reports that …`,
//!   `Name told reporters on Monday that …`, `Name said: “…”`;
//! - trailing: `…, Name said in a statement.`;
//! - `according to Name, …` and `…, according to Name`;
//! - continuation: a sentence inside a quote that goes on from a quoted
//!   sentence keeps that sentence's speaker.
//!
//! The speaker phrase becomes a person (a resolved name), an organisation,
//! another outlet (a name that is an input outlet or has a media word), or an
//! unnamed source ("officials"). Pronouns and descriptions ("he", "the
//! president", "the statement") resolve to the last matching speaker or
//! titled person in the document. Nested attribution ("the statement added
//! that the President underlined that …") keeps the innermost speaker and
//! lists the outer ones in `via`.
//!
//! [`Extractor::attributions`] (behind `Analyzer::attributions`) lists
//! more than the claims carry: every cue of a sentence, verbs of attitude,
//! light-verb phrases, passives with their agent, relative clauses and
//! nouns that attribute (see [`Extractor::further_frames`]). Those extra
//! frames never change the claims.
//!
//! # Clauses
//!
//! A sentence's content is split at `;`, at ", while", ", whereas", ", but",
//! ", of which", and at "and" when both sides have a finite verb, so that
//! each claim carries one assertion where possible.

use compact_str::{CompactString, CompactStringExt as _};
use std::ops::Range;

use foldhash::{HashSet, HashSetExt as _};

use crate::claim::*;
use crate::dates::{self, DateMention};
use crate::document::Document;
use crate::entity::{EntityKind, Mention, Referent};
use crate::lexicon::{ATTITUDE_CUES, CueClass, Entry, LIGHT_NOUNS, LIGHT_VERBS, Lexicon, NOMINAL_CUES, Pole};
use crate::prepare::Prepared;
use crate::quantity::{self, Quantity};
use crate::segment::SentenceKind;
use crate::span::Span;
use crate::text::TokenKind;

/// Auxiliary and modal verbs. This and the other word tests asked of
/// every token are `match`es: each word is compared at its known length,
/// where `slice::contains` called `memcmp` for every listed word of the
/// same length (2.8% of a 1,000-article run in `is_finite_like` alone).
fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "did"
            | "does"
            | "do"
            | "could"
            | "would"
            | "can"
            | "will"
            | "may"
            | "might"
            | "must"
            | "should"
            | "shall"
            | "cannot"
            | "'s"
    )
}

/// Determiners and possessives (a `match`, as [`is_aux`]).
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "this"
            | "these"
            | "those"
            | "that"
            | "'s"
            | "my"
            | "your"
    )
}

const ADVERBS: &[&str] = &[
    "also",
    "later",
    "earlier",
    "then",
    "again",
    "already",
    "still",
    "once",
    "repeatedly",
    "previously",
    "recently",
    "further",
    "even",
    "yet",
    "never",
    "not",
    "n't",
    "just",
    "now",
    "today",
    "yesterday",
    "tonight",
    "publicly",
    "separately",
    "reportedly",
    "allegedly",
    "apparently",
    "firmly",
    "strongly",
    "flatly",
    "categorically",
];
const BOUNDARIES: &[&str] = &[
    "that", "which", "who", "whom", "and", "but", "or", "while", "because", "after", "before", "when", "as",
    "if", "since", "so", "than", "where", "whereas", "although", "though", "until", "unless", "saying",
    "adding", "of", "to", "for", "with", "by", "at", "from", "into", "about", "over", "against", "during",
    "through",
];
/// Prepositions that open a phrase which cannot be a speaker ("In his
/// remarks", "On the other side", "Despite the ruling").
const PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "for",
    "with",
    "after",
    "before",
    "during",
    "from",
    "of",
    "by",
    "about",
    "under",
    "over",
    "among",
    "amid",
    "amongst",
    "between",
    "since",
    "until",
    "through",
    "into",
    "despite",
    "without",
    "within",
    "against",
    "toward",
    "towards",
    "across",
    "behind",
    "beyond",
    "like",
    "near",
    "upon",
    "unlike",
    "via",
    "throughout",
    "following",
    "regarding",
];
/// Words that can end a noun phrase without naming anyone on their own
/// ("critical in both", "most of all").
const QUANTIFIER_HEADS: &[&str] =
    &["both", "all", "each", "either", "neither", "most", "some", "any", "none"];
/// Whether the word `norm` on its own reads as a positive number
/// ("forty-one", "dozens", "third"): [`crate::quantity::find_quantities`]
/// of the word.
///
/// Remembered on each thread ([`crate::text::remembered`]), as stems are:
/// the same words of noun phrases are asked about again and again, and
/// scanning a word for numbers costs some thousand instructions, a lookup
/// a few dozen.
fn names_a_number(norm: &str) -> bool {
    thread_local! {
        static NUMERALS: crate::text::Remembered<bool> = crate::text::Remembered::default();
    }
    let scan = |w: &str| crate::quantity::find_quantities(w, 0).iter().any(|q| q.value.low > 0.0);
    // Longer words are rare, and would take room outside the table.
    crate::text::remembered(&NUMERALS, NUMERAL_CACHE, crate::text::MAX_INLINE, norm, scan)
}

/// How many words [`names_a_number`] remembers on each thread.
const NUMERAL_CACHE: usize = 4_096;

/// Words of time ("monday", "week", "today", …): whether `w` is one.
/// `match`es, which find a word by its length and bytes at once, rather
/// than a list read from its start at every token.
fn is_time_word(w: &str) -> bool {
    crate::quantity::is_calendar_name(w)
        || matches!(
            w,
            "week"
                | "month"
                | "year"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "weekend"
                | "day"
                | "today"
                | "yesterday"
        )
}
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];
/// Forms of "be" that make a passive ("was denounced", "had been reported").
const BE_FORMS: &[&str] = &["be", "been", "being", "is", "was", "were", "are"];
/// Forms of "be" before a progressive verb ("is urging", "were
/// discussing", "'re even demanding").
const PROGRESSIVE_BE: &[&str] = &["is", "are", "was", "were", "been", "be", "'s", "'re"];
/// Heads of descriptions that name a group or role able to speak
/// ("the farmers", "a nurse", "the owners").
const SOURCE_GROUPS: &[&str] = &[
    "leaders",
    "leadership",
    "spokesperson",
    "side",
    "office",
    "team",
    "lawyers",
    "relatives",
    "families",
    "workers",
    "organisers",
    "organizers",
    "farmers",
    "nurse",
    "operator",
    "agents",
    "staff",
    "employees",
    "owners",
    "members",
];
/// Documents that speak for their authors ("the report said", "polls
/// show").
const DOCUMENT_WORDS: &[&str] = &[
    "report",
    "reports",
    "statement",
    "email",
    "e-mail",
    "letter",
    "memo",
    "document",
    "documents",
    "survey",
    "poll",
    "study",
    "analysis",
    "filing",
    "complaint",
    "indictment",
    "ruling",
    "tweet",
    "post",
    "message",
    "editorial",
    "notes",
    "emails",
    "records",
    "returns",
    "data",
    "polling",
    "polls",
    "surveys",
    "figures",
    "statistics",
    "results",
    "filings",
    "tweets",
];
/// Participles that report speech after a comma ("…, saying B", "…, urging
/// C"): they open a clause of their own, spoken by the sentence's subject.
const REPORTING_PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "arguing",
    "insisting",
    "claiming",
    "warning",
    "stressing",
    "explaining",
    "writing",
    "telling",
    "asserting",
    "suggesting",
    "denying",
    "accusing",
    "calling",
    "urging",
    "recalling",
    "acknowledging",
    "conceding",
    "blaming",
    "rejecting",
    "dismissing",
    "asking",
];
const MODAL_WORDS: &[&str] = &["would", "should", "may", "might", "must", "will", "shall", "can", "could"];
/// Who a statement is told to ("told reporters that …").
const AUDIENCE: &[&str] = &[
    "reporters",
    "journalists",
    "press",
    "parliament",
    "lawmakers",
    "us",
    "him",
    "her",
    "them",
    "me",
    "viewers",
    "listeners",
    "readers",
    "delegates",
    "supporters",
];
/// Stems of nouns that take a reported clause ("reports that …").
const COMPLEMENT_NOUNS: &[&str] = &[
    "report",
    "claim",
    "alleg",
    "accus",
    "suggest",
    "rumour",
    "rumor",
    "specul",
    "fear",
    "concern",
    "assur",
    "warn",
    "belief",
    "view",
    "statement",
    "news",
    "insist",
    "assert",
    "evid",
    "proof",
    "sign",
    "indic",
    "hope",
];
/// Irregular past forms of common verbs (and "says", "remains", "continues"),
/// which mark a finite verb (a `match`, as [`is_aux`]).
fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "told"
            | "made"
            | "went"
            | "left"
            | "held"
            | "led"
            | "met"
            | "took"
            | "gave"
            | "came"
            | "saw"
            | "fled"
            | "won"
            | "lost"
            | "began"
            | "fell"
            | "rose"
            | "sent"
            | "kept"
            | "found"
            | "stood"
            | "knew"
            | "grew"
            | "drew"
            | "flew"
            | "struck"
            | "sold"
            | "paid"
            | "says"
            | "remains"
            | "continues"
            | "broke"
            | "blew"
            | "tore"
            | "wrote"
            | "spoke"
            | "shot"
            | "ran"
            | "rode"
            | "drove"
            | "threw"
            | "sank"
            | "stole"
            | "wore"
            | "swore"
            | "chose"
            | "froze"
            | "forgot"
            | "hid"
            | "bit"
            | "fought"
            | "bought"
            | "brought"
            | "thought"
            | "caught"
            | "taught"
            | "sought"
            | "spent"
            | "built"
            | "lent"
            | "meant"
            | "felt"
            | "dealt"
            | "slept"
            | "swept"
            | "wept"
            | "became"
            | "withdrew"
            | "undertook"
            | "overtook"
            | "arose"
            | "awoke"
            | "shook"
            | "forbade"
            | "forgave"
            | "sprang"
            | "sang"
            | "rang"
            | "swam"
            | "hung"
            | "dug"
            | "stuck"
            | "spun"
            | "laid"
            | "lay"
            | "sat"
            | "slid"
            | "fed"
            | "bled"
            | "sped"
            | "stank"
            | "drank"
            | "shrank"
            // "the company cut two crossings and announced …"
            | "cut"
            | "hit"
            | "quit"
            | "shut"
            | "spread"
            | "upset"
            | "driven"
            | "taken"
            | "given"
            | "seen"
            | "known"
            | "shown"
            | "grown"
            | "written"
            | "spoken"
            | "broken"
            | "chosen"
            | "fallen"
            | "risen"
            | "eaten"
            | "hidden"
            | "ridden"
            | "stolen"
            | "forgotten"
            | "beaten"
            | "bitten"
            | "frozen"
            | "flown"
            | "sworn"
            | "worn"
            | "torn"
            | "drawn"
            | "blown"
            | "thrown"
            | "done"
            | "gone"
            | "begun"
            | "sung"
            | "swum"
            | "withdrawn"
    )
}
/// Nouns naming an act rather than a fact: "rejected the calls" is an
/// event, not a denial of a proposition.
const ACT_NOUNS: &[&str] = &[
    "call",
    "calls",
    "demand",
    "demands",
    "proposal",
    "proposals",
    "offer",
    "offers",
    "request",
    "requests",
    "option",
    "plan",
    "plans",
    "invitation",
    "appeal",
    "appeals",
    "bid",
    "motion",
    "deal",
    "resolution",
    "initiative",
    "idea",
    "suggestion",
    "suggestions",
    "ultimatum",
    "application",
    "nomination",
];
const MEDIA_WORDS: &[&str] = &[
    "news",
    "times",
    "gazette",
    "post",
    "tribune",
    "herald",
    "tv",
    "radio",
    "channel",
    "daily",
    "press",
    "journal",
    "wire",
    "broadcaster",
    "agency",
    "ledger",
    "courier",
    "echo",
    "tidings",
    "chronicle",
    "observer",
    "telegraph",
    "express",
    "mirror",
    "star",
    "sun",
    "globe",
    "review",
    "weekly",
    "magazine",
    "newspaper",
    "outlet",
    "website",
];

/// The verb forms of [`ATTITUDE_CUES`]: base, third person, past and
/// present participle ("support", "supports", "supported", "supporting";
/// "worry", "worries", "worried"; "plan", "planned"). Nouns that share the
/// stem ("supporters", "adviser") are not among them.
static ATTITUDE_FORMS: std::sync::LazyLock<HashSet<String>> = std::sync::LazyLock::new(|| {
    let mut forms = HashSet::new();
    for &w in ATTITUDE_CUES {
        let b = w.as_bytes();
        let last = b[b.len() - 1];
        let vowel = |c: u8| b"aeiou".contains(&c);
        forms.insert(w.to_string());
        if let Some(stem) = w.strip_suffix('y').filter(|s| !s.ends_with(|c: char| "aeiou".contains(c))) {
            forms.extend([format!("{stem}ies"), format!("{stem}ied"), format!("{w}ing")]);
        } else if let Some(stem) = w.strip_suffix('e') {
            forms.extend([format!("{w}s"), format!("{w}d"), format!("{stem}ing")]);
        } else {
            let es = if w.ends_with(['s', 'x', 'z', 'h']) { "es" } else { "s" };
            forms.insert(format!("{w}{es}"));
            forms.extend([format!("{w}ed"), format!("{w}ing")]);
            // One vowel before a final consonant may double it: "plan" ->
            // "planned", "refer" -> "referred" (both spellings are listed;
            // the one that is not a word never occurs).
            let double = b.len() >= 3
                && !vowel(last)
                && !b"wxy".contains(&last)
                && vowel(b[b.len() - 2])
                && !vowel(b[b.len() - 3]);
            if double {
                let c = format!("{w}{}", last as char);
                forms.extend([format!("{c}ed"), format!("{c}ing")]);
            }
        }
    }
    forms
});

/// Participles of planning and banning, cues in the passive without an
/// agent ("was slated to", "are scheduled in", "are forbidden from").
const SCHEDULED: &[&str] = &["slated", "scheduled", "forbidden", "barred"];

/// Adjectives that hold a view or a feeling about what follows them ("was
/// optimistic that …", "is critical of …"), after a form of "be".
const ATTITUDE_ADJECTIVES: &[&str] = &[
    "optimistic",
    "pessimistic",
    "confident",
    "hopeful",
    "skeptical",
    "sceptical",
    "doubtful",
    "certain",
    "sure",
    "convinced",
    "dismissive",
    "critical",
    "supportive",
    "wary",
    "fearful",
    "proud",
    "unhappy",
    "angry",
    "furious",
    "upset",
    "adamant",
    "insistent",
    "sympathetic",
    "disappointed",
    "frustrated",
    "troubled",
    "alarmed",
];

/// Whether `norm` is a verb form of belief, wish, intent or evaluation.
/// The bare "back" is nearly always an adverb or a noun ("came back"), so
/// only its inflected forms count ("backs", "backed", "backing").
fn is_attitude(norm: &str) -> bool {
    norm != "back" && ATTITUDE_FORMS.contains(norm) || ATTITUDE_IRREGULAR.contains(&norm)
}

/// The irregular forms of "speak" in [`ATTITUDE_CUES`], which the regular
/// inflections above miss ("Okafor has spoken out before about …").
const ATTITUDE_IRREGULAR: &[&str] = &["spoke", "spoken"];

/// Per-document state carried from sentence to sentence.
#[derive(Default)]
struct DocState {
    last_person: Option<Speaker>,
    last_org: Option<Speaker>,
    last_quote: Option<(Speaker, usize)>,
    statement_issuer: Option<Speaker>,
}

/// An attribution frame found in a sentence: speaker, cue, content.
#[derive(Clone, Debug)]
struct Frame {
    speaker: Speaker,
    via: Vec<Speaker>,
    cue: Option<Cue>,
    /// Token ranges of the content.
    content: Vec<Range<usize>>,
    quote: QuoteKind,
    /// Token range of the attribution phrase (speaker + cue), for the claim span.
    frame: Range<usize>,
}

pub(crate) struct Extractor<'a> {
    pub doc: &'a Document,
    pub p: &'a Prepared,
    pub mentions: &'a [Mention],
    pub referents: &'a [Referent],
    pub lex: &'a Lexicon,
    /// Names of all input outlets (lowercased), to recognise cited media.
    pub outlets: &'a HashSet<String>,
    /// The referents this document mentions most (its topic), most first.
    pub topics: std::sync::Arc<[String]>,
    /// The story's day, set when extraction starts.
    pub story_day: std::cell::Cell<Option<jiff::civil::Date>>,
    /// The lexicon's entries at each token (see [`Extractor::entry_at`]).
    entries: Entries<'a>,
    /// Each token's norm as a plain `&str`: the rules read norms millions
    /// of times a run, and a `CompactString` works out where its text is
    /// at each read.
    norms: Vec<&'a str>,
    /// Each token's stem ([`Prepared::stems`]) as a plain `&str`, for the
    /// same reason.
    stems: Vec<&'a str>,
}

/// Whether the last words of `name`, normalised, are `norms` (at least as
/// many words as `norms`, the last of them equal in order).
fn name_ends_with(name: &str, norms: &[&str]) -> bool {
    let mut words = name.split_whitespace().rev();
    norms.iter().rev().all(|norm| words.next().is_some_and(|w| normalizes_to(w, norm)))
}

/// Whether `word` normalises to `norm` ([`crate::text::normalize`]), without
/// building the normalised word when it is plain ASCII (lowercased, then).
fn normalizes_to(word: &str, norm: &str) -> bool {
    if crate::text::lowercases_to_norm(word) {
        word.eq_ignore_ascii_case(norm)
    } else {
        crate::text::normalize(word) == norm
    }
}

/// The lexicon's entries matching at each token of a document, found once:
/// token `k`'s are `items[starts[k]..starts[k + 1]]`, as
/// `(length in tokens, entry)`, longest first, up to the longest phrase.
struct Entries<'a> {
    starts: Vec<usize>,
    items: Vec<(usize, &'a Entry)>,
}

impl<'a> Entries<'a> {
    fn new(p: &Prepared, lex: &'a Lexicon) -> Entries<'a> {
        let mut starts = Vec::with_capacity(p.tokens.len() + 1);
        let mut items = Vec::new();
        for k in 0..p.tokens.len() {
            starts.push(items.len());
            p.lookup_into(&mut items, lex, k, usize::MAX);
        }
        starts.push(items.len());
        Entries { starts, items }
    }

    /// Token `k`'s entries (none past the last token).
    fn at(&self, k: usize) -> &[(usize, &'a Entry)] {
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&from), Some(&to)) => &self.items[from..to],
            _ => &[],
        }
    }
}

impl<'a> Extractor<'a> {
    /// An extractor for `doc`, prepared as `p`, with its name `mentions`.
    pub fn new(
        doc: &'a Document,
        p: &'a Prepared,
        mentions: &'a [Mention],
        referents: &'a [Referent],
        lex: &'a Lexicon,
        outlets: &'a HashSet<String>,
    ) -> Extractor<'a> {
        debug_assert_eq!(p.stems.len(), p.tokens.len(), "extraction reads every stem: Prepared::segmented");
        Extractor {
            doc,
            p,
            mentions,
            referents,
            lex,
            outlets,
            topics: crate::entity::topics(mentions, referents).into(),
            story_day: std::cell::Cell::new(None),
            entries: Entries::new(p, lex),
            norms: p.tokens.iter().map(|t| t.norm.as_str()).collect(),
            stems: p.stems.iter().map(CompactString::as_str).collect(),
        }
    }
}

impl Extractor<'_> {
    fn text(&self) -> &str {
        &self.doc.text
    }

    fn norm(&self, k: usize) -> &str {
        self.norms.get(k).copied().unwrap_or("")
    }

    /// The name mentions of sentence `si` (mentions are in text order), found
    /// by binary search rather than a scan of the whole document.
    fn sentence_mentions(&self, si: usize) -> &[Mention] {
        let start = self.mentions.partition_point(|m| m.sentence < si);
        let end = self.mentions.partition_point(|m| m.sentence <= si);
        &self.mentions[start..end.max(start)]
    }

    fn is_word(&self, k: usize) -> bool {
        self.p.tokens.get(k).is_some_and(|t| t.is_word())
    }

    /// The lexicon's entries matching at token `k` and ending by token
    /// `end`, longest first: [`Prepared::lookup`], found once.
    ///
    /// Extraction asks for the entries at a token several times, with
    /// different ends (2.75 times a token on the synthetic corpora). Each
    /// token's entries are found once, up to the longest phrase, when the
    /// extractor is made, and each answer keeps those that end by `end`:
    /// the same entries in the same order, since they are sorted by length
    /// alone. Longest first, those that end by `end` are the tail of the
    /// token's list, answered without a copy (it was the most frequent
    /// allocation of a run).
    fn entry_at(&self, k: usize, end: usize) -> &[(usize, &Entry)] {
        let limit = end.min(self.p.tokens.len()).saturating_sub(k);
        let all = self.entries.at(k);
        &all[all.partition_point(|&(n, _)| n > limit)..]
    }

    fn span_of(&self, r: &Range<usize>) -> Span {
        let t = &self.p.tokens;
        if r.is_empty() || r.end > t.len() {
            return Span::default();
        }
        t[r.start].span.cover(t[r.end - 1].span)
    }

    /// Whether token `k` ends a finite verb phrase heuristically.
    fn is_finite_like(&self, k: usize) -> bool {
        let Some(t) = self.p.tokens.get(k) else { return false };
        if !t.is_word() || t.capitalized && k > 0 {
            return false;
        }
        let n = self.norm(k);
        if is_aux(n) && n != "'s" {
            return true;
        }
        let prev = if k > 0 { self.norm(k - 1) } else { "" };
        if is_determiner(prev) {
            return false;
        }
        (n.len() > 4 && n.ends_with("ed")) || (n.len() > 3 && n.ends_with("ied")) || is_irregular_past(n)
    }

    pub fn extract(&self) -> Vec<Claim> {
        self.extract_with(None)
    }

    /// The claims, and with `more`, the attributions of each sentence that
    /// its claims do not carry (see [`Extractor::further_frames`]).
    pub fn extract_with(&self, mut more: Option<&mut Vec<crate::attribution::Attribution>>) -> Vec<Claim> {
        let mut state = DocState::default();
        // About one claim a sentence: room for that many, as growing by
        // doubling copied the claims.
        let mut claims = Vec::with_capacity(self.p.sentences.len());
        // The story's day: the first day the body names. A time of day given
        // without a day ("at 9 a.m.") is taken to be on it.
        // Each body sentence is scanned for numbers once, for its dates and
        // its quantities. The scans are not kept (on a very large document
        // that would double what extraction holds); their lists are made
        // once and reused from one sentence to the next. The text with its
        // ASCII letters lowercased is what the scans' ASCII words borrow
        // their lowercase form from (one allocation a document, not one a
        // capitalised word).
        let lower = self.text().to_ascii_lowercase();
        let mut buffers = quantity::ScanBuffers::default();
        let (mut all_dates, mut body_quantities): (Vec<Vec<DateMention>>, Vec<Vec<Quantity>>) = self
            .p
            .sentences
            .iter()
            .map(|s| {
                if s.kind != SentenceKind::Body {
                    return (Vec::new(), Vec::new());
                }
                let scan = quantity::Scan::new_in(
                    s.span.slice(self.text()),
                    s.span.slice(&lower),
                    std::mem::take(&mut buffers),
                );
                let dates = dates::dates_in(&scan, s.span.start, self.doc.meta.published);
                let quantities = quantity::quantities_in(&scan, s.span.start);
                buffers = scan.into_buffers();
                (dates, quantities)
            })
            .unzip();
        let story_day = all_dates.iter().flatten().find_map(|d| match d.value {
            dates::DateValue::Day(day) => Some(day),
            _ => None,
        });
        self.story_day.set(story_day);
        // Each sentence's clauses, in one list reused from sentence to
        // sentence.
        let mut clauses: Vec<Range<usize>> = Vec::new();
        for d in all_dates.iter_mut().flatten() {
            if d.time.is_some()
                && d.value == dates::DateValue::Unresolved
                && let Some(day) = story_day
            {
                d.value = dates::DateValue::Day(day);
            }
        }
        for (si, s) in self.p.sentences.iter().enumerate() {
            match s.kind {
                SentenceKind::Boilerplate => continue,
                SentenceKind::Headline => {
                    if let Some(c) = self.headline_claim(si) {
                        claims.push(c);
                    }
                    // A headline attributes too ("Mayor Warns of Flooding"),
                    // though it makes no claim of its own here.
                    if let Some(sink) = more.as_deref_mut() {
                        let outlet = Speaker::outlet(&self.doc.meta.outlet);
                        self.further_frames(si, s.toks.clone(), &outlet, None, &state, sink);
                    }
                    continue;
                }
                SentenceKind::Body => {}
            }
            let r = s.toks.clone();
            if r.clone().filter(|&k| self.is_word(k)).count() < 2 {
                continue;
            }
            let attribution = self.find_attribution(r.clone(), &mut state, s.paragraph);
            let (speaker, via, cue, quote, content, frame) = match attribution {
                Some(a) => (a.speaker, a.via, a.cue, a.quote, a.content, a.frame),
                None => {
                    let cont = self.continuation(r.clone(), &state, s.paragraph);
                    match cont {
                        Some(sp) => {
                            (sp, Vec::new(), None, QuoteKind::Direct, vec![r.clone()], r.start..r.start)
                        }
                        None => (
                            Speaker::outlet(&self.doc.meta.outlet),
                            Vec::new(),
                            None,
                            QuoteKind::None,
                            vec![r.clone()],
                            r.start..r.start,
                        ),
                    }
                }
            };
            if let Some(sink) = more.as_deref_mut() {
                self.further_frames(si, r.clone(), &speaker, cue.as_ref(), &state, sink);
            }
            if quote == QuoteKind::Direct || quote == QuoteKind::Mixed {
                state.last_quote = Some((speaker.clone(), s.paragraph));
            }
            if speaker.kind == SpeakerKind::Person
                || speaker.kind == SpeakerKind::Unnamed && is_one_person(&speaker.name)
            {
                state.last_person = Some(speaker.clone());
            } else if matches!(speaker.kind, SpeakerKind::Organization | SpeakerKind::Media) {
                state.last_org = Some(speaker.clone());
            } else if speaker.kind == SpeakerKind::Outlet {
                // Antecedents for later pronouns: the first person and the
                // first organisation named in this sentence.
                let named = |kind: EntityKind| {
                    self.sentence_mentions(si).iter().find(|m| {
                        !m.demonym
                            && !m.description
                            && m.referent.is_some_and(|r| self.referents[r].kind == kind)
                    })
                };
                if let Some(m) = named(EntityKind::Person) {
                    let r = &self.referents[m.referent.unwrap_or(0)];
                    state.last_person = Some(Speaker {
                        kind: SpeakerKind::Person,
                        name: r.name.clone(),
                        referent: Some(r.id.clone()),
                        span: Some(m.span),
                    });
                }
                if let Some(m) = named(EntityKind::Organization) {
                    let r = &self.referents[m.referent.unwrap_or(0)];
                    state.last_org = Some(Speaker {
                        kind: SpeakerKind::Organization,
                        name: r.name.clone(),
                        referent: Some(r.id.clone()),
                        span: Some(m.span),
                    });
                }
            }
            clauses.clear();
            for seg in &content {
                self.split_clauses_into(seg.clone(), &mut clauses);
            }
            let before = claims.len();
            if clauses.is_empty() {
                if let Some(sink) = more.as_deref_mut() {
                    sink.extend(self.speech_without_claim(si, &speaker, &via, cue.as_ref(), &content, quote));
                }
                continue;
            }
            let n = clauses.len();
            let sentence_text = s.span.slice(self.text());
            // Only body sentences come this far, and each was scanned.
            let quantities = std::mem::take(&mut body_quantities[si]);
            let dates = std::mem::take(&mut all_dates[si]);
            let leading_frame = !frame.is_empty() && clauses.first().is_some_and(|c| frame.start < c.start);
            let first_clause = clauses.first().cloned().unwrap_or(r.clone());
            for (ci, clause) in clauses.iter().cloned().enumerate() {
                // The first clause takes a leading attribution into its span,
                // the last a trailing one.
                let mut span_r = clause.clone();
                if ci == 0 && !frame.is_empty() && frame.start < clause.start {
                    span_r.start = frame.start;
                }
                if ci + 1 == n && !frame.is_empty() && frame.end > clause.end {
                    span_r.end = frame.end;
                }
                // A later clause with its own speaker ("X said A; Y put the
                // figure at B") keeps its own attribution; a contrast after a
                // leading attribution ("X denied A, but B") is the outlet's.
                let mut own: Option<Frame> = None;
                if ci > 0 {
                    own = self
                        .subjectless_cue(clause.clone(), &speaker, first_clause.clone(), &state)
                        .or_else(|| {
                            self.attribution_in(clause.clone(), &state, false)
                                .filter(|a| a.frame.start <= clause.start + 1)
                        });
                }
                let contrast = ci > 0
                    && leading_frame
                    && clause.start > 0
                    && (clause.start.saturating_sub(2)..clause.start).any(|t| {
                        matches!(self.norm(t), "but" | "while" | "whereas" | "though" | "although" | "yet")
                    });
                let outlet = Speaker::outlet(&self.doc.meta.outlet);
                let (c_speaker, c_via, c_cue, c_quote, c_clause) = match (&own, contrast) {
                    (Some(a), _) => {
                        span_r = clause.clone();
                        let content = a.content.first().cloned().unwrap_or(clause.clone());
                        (
                            &a.speaker,
                            a.via.as_slice(),
                            a.cue.as_ref(),
                            a.quote,
                            content.start.max(clause.start)..content.end.min(clause.end),
                        )
                    }
                    (None, true) => (&outlet, &[][..], None, QuoteKind::None, clause.clone()),
                    (None, false) => (&speaker, via.as_slice(), cue.as_ref(), quote, clause.clone()),
                };
                let span = self.trim_span(self.span_of(&span_r));
                let content_span = self.trim_span(self.span_of(&c_clause));
                if span.is_empty() || content_span.is_empty() {
                    continue;
                }
                let claim = self.build_claim(
                    si,
                    span,
                    content_span,
                    c_clause,
                    c_speaker,
                    c_via,
                    c_cue,
                    c_quote,
                    &quantities,
                    &dates,
                    sentence_text.trim_end().ends_with('?'),
                );
                claims.push(claim);
            }
            if claims.len() == before
                && let Some(sink) = more.as_deref_mut()
            {
                sink.extend(self.speech_without_claim(si, &speaker, &via, cue.as_ref(), &content, quote));
            }
        }
        for (i, c) in claims.iter_mut().enumerate() {
            c.id = [self.doc.id.as_str(), ":", itoa::Buffer::new().format(i + 1)].concat();
        }
        claims
    }

    /// The attribution of a sentence whose content makes no claim (a
    /// one-word quotation: "“Amazing,” she said"), for the listing.
    fn speech_without_claim(
        &self,
        si: usize,
        speaker: &Speaker,
        via: &[Speaker],
        cue: Option<&Cue>,
        content: &[Range<usize>],
        quote: QuoteKind,
    ) -> Option<crate::attribution::Attribution> {
        let cue = cue?.clone();
        if speaker.kind == SpeakerKind::Outlet {
            return None;
        }
        let content = content.iter().map(|c| self.trim_span(self.span_of(c))).collect();
        Some(self.attribution_of(si, Some(speaker.clone()), via.to_vec(), Some(cue), content, quote, false))
    }

    /// Trims punctuation that is not part of a claim from both ends
    /// (commas, colons, dashes, unbalanced quotes).
    fn trim_span(&self, span: Span) -> Span {
        let text = self.text();
        let s = span.slice(text);
        let lead = s.len()
            - s.trim_start_matches(|c: char| {
                matches!(c, ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}') || c.is_whitespace()
            })
            .len();
        let trimmed = &s[lead..];
        let trail = trimmed.len()
            - trimmed
                .trim_end_matches(|c: char| {
                    matches!(c, ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}') || c.is_whitespace()
                })
                .len();
        Span::new(span.start + lead, span.end - trail)
    }

    fn headline_claim(&self, si: usize) -> Option<Claim> {
        let s = &self.p.sentences[si];
        let r = s.toks.clone();
        let framing = self.framing_markers(r.clone(), None, true);
        if framing.is_empty() {
            return None;
        }
        Some(Claim {
            id: String::new(),
            doc: self.doc.id.clone(),
            outlet: self.doc.meta.outlet.clone(),
            sentence: si,
            span: s.span,
            text: s.span.slice(self.text()).to_string(),
            speaker: Speaker::outlet(&self.doc.meta.outlet),
            via: Vec::new(),
            cue: None,
            quote: QuoteKind::None,
            stance: Stance::Neutral,
            stance_cues: Vec::new(),
            content: s.span,
            polarity: Polarity::Positive,
            negations: Vec::new(),
            denial: None,
            hedges: Vec::new(),
            modality: Modality::Asserted,
            entities: Vec::new(),
            quantities: Vec::new(),
            dates: Vec::new(),
            states: Vec::new(),
            framing,
            headline: true,
            features: Box::default(),
        })
    }

    /// A sentence inside a quote that goes on from an earlier quoted sentence.
    fn continuation(&self, r: Range<usize>, state: &DocState, paragraph: usize) -> Option<Speaker> {
        let (speaker, para) = state.last_quote.as_ref()?;
        let first = self.p.tokens.get(r.start)?;
        let starts_quoted = first.kind == TokenKind::OpenQuote
            || self.p.quote_at(first.span.start).is_some_and(|q| q.inner.start < first.span.start);
        (starts_quoted && paragraph <= para + 1).then(|| speaker.clone())
    }

    /// Finds the attribution of a sentence (token range `r`).
    fn find_attribution(&self, r: Range<usize>, state: &mut DocState, paragraph: usize) -> Option<Frame> {
        if let Some(a) = self.colon_frame(r.clone(), state) {
            return Some(a);
        }
        let mut a = self.attribution_in(r.clone(), state, false)?;
        // Nested: an attribution at the start of the content.
        if let Some(first) = a.content.first().cloned() {
            let skip_quote =
                usize::from(self.p.tokens.get(first.start).is_some_and(|t| t.kind == TokenKind::OpenQuote));
            let inner_r = first.start + skip_quote..first.end;
            if let Some(inner) = self.attribution_in(inner_r.clone(), state, true)
                && inner.frame.start <= inner_r.start + 1
                // The inner speaker is named right before its cue, not a
                // subject reached back over a whole clause ("Y is doing A
                // and expects that B" is Y's doing, reported by X).
                && inner.cue.as_ref().is_some_and(|c| self.p.token_at(c.span.start).saturating_sub(inner.frame.start) <= 8)
                // A quoted "I hope …" or "we believe …" is the speaker's own.
                && !matches!(self.norm(inner.frame.start), "i" | "we" | "you")
                && (a.quote != QuoteKind::Indirect
                    || inner.cue.as_ref().is_some_and(|c| {
                        let after = self.p.token_at(c.span.end);
                        matches!(self.norm(after), "that" | ":")
                            || self.p.tokens.get(after).is_some_and(|t| t.kind == TokenKind::OpenQuote)
                    }))
            {
                let mut via = a.via.clone();
                via.push(a.speaker.clone());
                let mut content = inner.content;
                content.extend(a.content.into_iter().skip(1));
                a = Frame {
                    speaker: inner.speaker,
                    via,
                    cue: inner.cue,
                    content,
                    quote: if a.quote == QuoteKind::Direct { QuoteKind::Mixed } else { inner.quote },
                    frame: a.frame.start.min(inner.frame.start)..a.frame.end.max(inner.frame.end),
                };
            }
        }
        let _ = paragraph;
        if let Some(c) = &a.cue
            && (self.span_of(&a.frame).slice(self.text()).to_lowercase().contains("statement"))
        {
            let _ = c;
            if a.speaker.kind != SpeakerKind::Unnamed {
                state.statement_issuer = Some(a.speaker.clone());
            }
        }
        Some(a)
    }

    /// A speaker named before a colon: "Gerald Seib, The Wall Street
    /// Journal: “It looked for a while…”", "McCaul: If elected, …". The part
    /// before the colon must name a person or body and hold no verb.
    fn colon_frame(&self, r: Range<usize>, state: &DocState) -> Option<Frame> {
        let colon = (r.start..r.end.min(r.start + 12)).find(|&t| self.norm(t) == ":")?;
        let np = r.start..colon;
        if np.is_empty()
            || np.clone().any(|t| {
                let tok = &self.p.tokens[t];
                tok.is_quote()
                    || (self.is_finite_like(t) && !tok.capitalized)
                    || tok.kind == TokenKind::Number
            })
            || (colon + 1..r.end).filter(|&t| self.is_word(t)).count() < 3
        {
            return None;
        }
        // Labels are not speakers: "Note:", "Update:", "Editor's note:".
        const LABELS: &[&str] = &[
            "note",
            "update",
            "updated",
            "editor",
            "photo",
            "photos",
            "video",
            "related",
            "correction",
            "watch",
            "read",
            "source",
            "sources",
            "credit",
            "caption",
            "disclaimer",
            "disclosure",
            "abstract",
            "summary",
            "warning",
            "breaking",
            "exclusive",
            "live",
            "opinion",
            "analysis",
            "background",
            "contact",
            "email",
            "image",
            "listen",
            "more",
            "see",
            "also",
            "subscribe",
            "follow",
            "share",
            "tags",
            "topics",
            "filed",
            "posted",
            "published",
        ];
        if np.clone().any(|t| LABELS.contains(&self.norm(t)))
            || matches!(self.norm(r.start), "our" | "my" | "your" | "the" | "a" | "an")
        {
            return None;
        }
        // A figure is no speech: "Hang Seng: DOWN 0.1 percent at 22,777.84",
        // "Turnout: 61 percent" (but "Name: FBI agents were …" may be).
        let first = &self.p.tokens[colon + 1];
        let shouted = |t: &crate::text::Token| {
            let w = t.span.slice(self.text());
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(|c| c.is_lowercase())
        };
        let figure_follows =
            (colon + 2..(colon + 5).min(r.end)).any(|t| self.p.tokens[t].kind == TokenKind::Number);
        if first.kind == TokenKind::Number || first.is_word() && shouted(first) && figure_follows {
            return None;
        }
        // "Name, Outlet:" names the person.
        let who = (r.start..colon).find(|&t| self.norm(t) == ",").map_or(np.clone(), |c| r.start..c);
        let speaker = self.speaker_from_np(who, state).filter(|s| {
            matches!(s.kind, SpeakerKind::Person | SpeakerKind::Organization | SpeakerKind::Media)
                && s.referent.is_some()
        })?;
        let content: Vec<Range<usize>> = std::iter::once(colon + 1..r.end).collect();
        let quote = if self.p.tokens.get(colon + 1).is_some_and(|t| t.kind == TokenKind::OpenQuote) {
            QuoteKind::Direct
        } else {
            self.quote_kind(&content)
        };
        let span = self.span_of(&(colon..colon + 1));
        let cue = Cue { text: span.slice(self.text()).to_string(), span, class: CueClass::Say };
        Some(Frame { speaker, via: Vec::new(), cue: Some(cue), content, quote, frame: r.start..colon + 1 })
    }

    /// Candidate reporting cues in `r`: (start, len, class).
    fn cues_in(&self, r: &Range<usize>) -> Vec<(usize, usize, CueClass)> {
        self.cues_in_with(r, false)
    }

    /// Candidate cues in `r`; with `attitudes`, also the verbs of belief,
    /// wish, intent and evaluation in [`ATTITUDE_CUES`] (as
    /// [`CueClass::Attitude`]).
    fn cues_in_with(&self, r: &Range<usize>, attitudes: bool) -> Vec<(usize, usize, CueClass)> {
        // In a title-case headline a capitalised word can be the cue
        // ("Marr Warns Lund …").
        let headline = attitudes && {
            let i = self.p.sentences.partition_point(|s| s.toks.start < r.start);
            self.p.sentences.get(i).is_some_and(|s| {
                s.toks.start == r.start && (s.kind == SentenceKind::Headline || i == 0 && self.title_case(r))
            })
        };
        let mut out = Vec::new();
        let mut k = r.start;
        while k < r.end {
            let tok = &self.p.tokens[k];
            if !tok.is_word() {
                k += 1;
                continue;
            }
            // "put the (death) toll / number / figure at": reports a figure.
            if matches!(self.norm(k), "put" | "puts" | "putting")
                && (k + 1..(k + 4).min(r.end)).any(|t| {
                    matches!(
                        self.norm(t),
                        "toll" | "number" | "figure" | "count" | "tally" | "estimate" | "crowd"
                    )
                })
                && (k + 2..(k + 6).min(r.end)).any(|t| self.norm(t) == "at")
            {
                out.push((k, 1, CueClass::Say));
                k += 1;
                continue;
            }
            // "the poll gives her a five-point lead", "a survey has the mayor
            // leading", "the forecast gives him a 20 percent chance": a
            // document or a forecast reports someone's standing.
            if attitudes && self.evidence_standing(r, k) {
                out.push((k, 1, CueClass::Endorsing));
                k += 1;
                continue;
            }
            // "called it “a disgrace”", "called him a liar": a label given.
            // In the listing, "which the blogger calls “the most generic
            // place”", "what critics call “a mouthpiece”": the label
            // follows, its object stands before.
            let relative_label = attitudes
                && self.p.tokens.get(k + 1).is_some_and(|t| t.kind == TokenKind::OpenQuote)
                && !self.p.tokens[k].capitalized
                && (k.saturating_sub(6).max(r.start)..k).any(|t| matches!(self.norm(t), "which" | "what"));
            if self.stems[k] == "call" && (relative_label || self.labels_object(k, r)) {
                out.push((k, 1, CueClass::Say));
                k += 1;
                continue;
            }
            // "according to"
            if self.norm(k) == "according" && self.norm(k + 1) == "to" && k + 2 < r.end {
                out.push((k, 2, CueClass::Say));
                k += 2;
                continue;
            }
            let found = self.entry_at(k, r.end);
            let cue = found.iter().find_map(|(n, e)| match e {
                Entry::Cue(class) => Some((*n, *class)),
                _ => None,
            });
            // "appeared to acknowledge", "seems that": evidential only with
            // a complement ("appeared on CNN" is not).
            let evidential = |w: &str| w.starts_with("appear") || w.starts_with("seem");
            let cue = cue.or_else(|| {
                // "spoke on (the) condition of anonymity" says how, not what.
                let anonymity = self.norm(k + 1) == "on"
                    && (k + 2..(k + 4).min(r.end)).any(|t| self.norm(t) == "condition");
                (attitudes
                    && is_attitude(self.norm(k))
                    && !anonymity
                    && (!evidential(self.norm(k)) || matches!(self.norm(k + 1), "to" | "that")))
                .then_some((1, CueClass::Attitude))
            });
            // "made little mention of", "expressed concerns about": a light
            // verb and its noun are one cue.
            let light = if cue.is_none() && attitudes {
                self.light_verb_cue(k, r.end).or_else(|| self.phrasal_cue(k, r.end))
            } else {
                None
            };
            let cue = cue.or(light);
            if let Some((n, class)) = cue {
                let prev = if k > r.start { self.norm(k - 1) } else { "" };
                let next = self.norm(k + n);
                let w = self.norm(k);
                // Derived nouns ("indications") never match: the lexicon only
                // matches inflections of its words.
                let past = w.ends_with("ed") || crate::text::irregular(w).is_some();
                // "the rebels' alleged shipments", "the reported deaths": an
                // adjective before its noun.
                let adjective = past
                    && (prev == "'s" || is_determiner(prev))
                    && self.is_word(k + n)
                    && !self.lex.is_function_word(next);
                // "a union that supports …": a relative "that" before a
                // finite verb is no determiner.
                let relative = attitudes && prev == "that" && (past || w.ends_with('s'));
                // Forms of a reporting verb that are not speech: "key states",
                // "liberal states like New York" ("state" reports only before
                // "that", a colon or a quotation); "press secretary" (the verb
                // takes an object or a preposition, the noun a lowercase
                // noun); "has added 178,000 jobs" (a figure gained).
                let opens_quote = self.p.tokens.get(k + n).is_some_and(|t| t.kind == TokenKind::OpenQuote);
                let not_speech = matches!(w, "state" | "states")
                    && !(matches!(next, "that" | ":") || opens_quote)
                    || w == "press"
                        && self.is_word(k + 1)
                        && !self.p.tokens[k + 1].capitalized
                        && !self.lex.is_function_word(next)
                        && !is_determiner(next)
                        && !PRONOUNS.contains(&next)
                    || self.stems[k] == "add" && {
                        let mut f = k + n;
                        while matches!(
                            self.norm(f),
                            "roughly" | "about" | "nearly" | "some" | "almost" | "another" | "more" | "than"
                        ) {
                            f += 1;
                        }
                        f < r.end && self.is_numeral(f)
                    }
                    // Verbs whose speech sense takes a clause ("charged that
                    // …", "maintained that …", "declared: …") and that
                    // otherwise do not report: "charged into the crowd", "is
                    // charged with policing", "maintained their pace",
                    // "declared his candidacy".
                    || matches!(self.stems[k], "charg" | "maintain" | "declar")
                        && !(matches!(next, "that" | ":" | ",")
                            || (k + n..(k + n + 8).min(r.end)).any(|t| {
                                self.norm(t) == "that" || self.p.tokens[t].kind == TokenKind::OpenQuote
                            }));
                let noun_use = not_speech
                    || (is_determiner(prev) && !(prev == "'s" && past) && !relative)
                    || adjective
                    // ("was accused of" is a passive verb.)
                    || next == "of" && light.is_none() && !(attitudes && past && BE_FORMS.contains(&prev))
                    // "reported by", but not "Voters say by a wide margin".
                    || next == "by"
                        && past
                        && !(attitudes && (BE_FORMS.contains(&prev) || self.reduced_relative(r.start, k)))
                    // "made no direct reference", "without any request"
                    || matches!(prev, "no" | "any")
                    // "to" before a noun ("in addition to support"), not
                    // an infinitive in the listing ("went on to praise").
                    || prev == "to" && !(attitudes && self.infinitive_at(k))
                    // "the latest reported": a superlative, not a surname
                    // ("Josh Earnest said").
                    || prev.ends_with("est") && k > r.start && !self.p.tokens[k - 1].capitalized;
                // With `attitudes`, a participle after its source noun
                // reports too ("polls showing her ahead", "analysts saying").
                let after_noun = attitudes
                    && k > r.start
                    && self.is_word(k - 1)
                    && !self.lex.is_function_word(prev)
                    && !is_aux(prev)
                    && !self.is_finite_like(k - 1);
                // "is urging", "were discussing", "are even demanding": a
                // progressive verb.
                let adverbs_from = self.adverbs_before(r.start, k);
                let before_adverbs = if adverbs_from > r.start { self.norm(adverbs_from - 1) } else { "" };
                let progressive =
                    PROGRESSIVE_BE.contains(&prev) || attitudes && PROGRESSIVE_BE.contains(&before_adverbs);
                // In the listing, a participle after a comma (past adverbs:
                // "…, publicly revealing …") or after "while"/"by" ("wrote
                // while acknowledging …") is the subject's.
                let opens_participle =
                    prev == "," || attitudes && matches!(before_adverbs, "," | "while" | "by");
                let gerund = self.norm(k).ends_with("ing")
                    && !(opens_participle && (REPORTING_PARTICIPLES.contains(&self.norm(k)) || attitudes))
                    && !after_noun
                    && !progressive;
                if !noun_use && !gerund && (!tok.capitalized || headline) {
                    out.push((k, n, class));
                }
                k += n;
                continue;
            }
            k += 1;
        }
        out
    }

    /// Whether `k` is "gives", "has" or "puts" after a document or a
    /// forecast as its subject ("the poll", "her model", "Sunday's survey"),
    /// with a standing after it within eight words (a lead, an edge, a
    /// chance, points or percent, ahead or behind, or a participle: "has
    /// the mayor leading").
    fn evidence_standing(&self, r: &Range<usize>, k: usize) -> bool {
        let w = self.norm(k);
        if !matches!(w, "gives" | "gave" | "give" | "has" | "had" | "have" | "puts" | "put") {
            return false;
        }
        let t = self.before_verb_group(r.start, k);
        if t == r.start || !self.is_word(t - 1) {
            return false;
        }
        let head = self.norm(t - 1);
        let evidence = DOCUMENT_WORDS.contains(&head)
            || matches!(
                head,
                "forecast" | "forecasts" | "model" | "models" | "average" | "tracker" | "projection"
            );
        // "has" and "had" take an object here, not a participle ("the poll
        // has shown …" is "shown"'s).
        let next = self.norm(k + 1);
        let object = self.is_word(k + 1)
            && !self.is_finite_like(k + 1)
            && crate::text::irregular(next).is_none()
            && !matches!(next, "been" | "not" | "n't" | "to" | "also" | "already" | "since" | "yet");
        evidence
            && object
            && (k + 1..(k + 9).min(r.end)).any(|x| {
                let v = self.norm(x);
                matches!(
                    v,
                    "lead"
                        | "edge"
                        | "advantage"
                        | "chance"
                        | "percent"
                        | "points"
                        | "point"
                        | "ahead"
                        | "behind"
                ) || x > k + 1 && v.len() > 5 && v.ends_with("ing") && !self.p.tokens[x].capitalized
            })
    }

    fn attribution_in(&self, r: Range<usize>, state: &DocState, nested: bool) -> Option<Frame> {
        let cues: Vec<(usize, usize, CueClass)> = self
            .cues_in(&r)
            .into_iter()
            .filter(|&(k, _, _)| {
                // Cues inside a quotation are the quoted speaker's words.
                nested || self.p.quote_at(self.p.tokens[k].span.start).is_none()
            })
            .collect();
        // Unambiguous frames first ("according to", a quote then its
        // speaker, a trailing "…, X said"), then "X said that …".
        for &(k, n, class) in &cues {
            if let Some(a) = self.try_cue(r.clone(), k, n, class, state, false) {
                return Some(a);
            }
        }
        for &(k, n, class) in &cues {
            if let Some(a) = self.try_cue(r.clone(), k, n, class, state, true) {
                return Some(a);
            }
        }
        None
    }

    /// Every further attribution of a sentence (token range `r`) besides
    /// the one its claims carry (`main`, by `speaker`), for
    /// [`Extractor::attributions`]: each other cue of the sentence, tried
    /// as a participle after a comma ("…, hoping …") or after its source
    /// ("polls showing …"), a passive with its agent, a relative clause
    /// ("Republicans who worry …"), or the usual frames; the cues include
    /// verbs of belief, wish, intent and evaluation that claims do not take
    /// for speech ("X wants …", "Y supports …") and light-verb phrases
    /// ("made little mention of"). Then the nouns that attribute
    /// ([`Extractor::nominal_frames`]).
    fn further_frames(
        &self,
        si: usize,
        r: Range<usize>,
        speaker: &Speaker,
        main: Option<&Cue>,
        state: &DocState,
        out: &mut Vec<crate::attribution::Attribution>,
    ) {
        for (k, n, class) in self.cues_in_with(&r, true) {
            let at = self.p.tokens[k].span.start;
            if main.is_some_and(|c| c.span.start == at) || self.p.quote_at(at).is_some() {
                continue;
            }
            if let Some(cue) = self.agentless_passive(r.clone(), k, n, class) {
                let content = (k + n..r.end)
                    .find(|&t| self.is_word(t) && !matches!(self.norm(t), "to" | "as" | "of"))
                    .map(|c| vec![self.trim_span(self.span_of(&(c..r.end)))])
                    .unwrap_or_default();
                let quote = self.quote_kind(std::slice::from_ref(&(k + n..r.end)));
                out.push(self.attribution_of(si, None, Vec::new(), Some(cue), content, quote, false));
                continue;
            }
            let participle = self.norm(k).ends_with("ing");
            let infinitive = self.infinitive_to(r.start, k).is_some();
            let adverbs_from = self.adverbs_before(r.start, k);
            let opener = if adverbs_from > r.start { self.norm(adverbs_from - 1) } else { "" };
            let frame = if infinitive {
                self.infinitive_frame(r.clone(), k, n, class, state)
            } else if participle && matches!(opener, "," | "while" | "by") {
                {
                    // The subject follows an opening phrase ("On Sunday, he was
                    // in Ohio, claiming …").
                    let opening = PREPOSITIONS
                        .contains(&self.norm(r.start))
                        .then(|| (r.start + 1..k.min(r.start + 12)).find(|&t| self.norm(t) == ","))
                        .flatten()
                        .map_or(r.start, |c| c + 1);
                    self.subjectless_frame(k..r.end, n, class, speaker, opening..r.end, state)
                }
            } else if participle
                && k > r.start
                && self.is_word(k - 1)
                // "is urging", "has been mulling", "are even demanding": a
                // progressive verb, framed as any other.
                && !PROGRESSIVE_BE.contains(&opener)
            {
                self.participle_frame(r.clone(), k, n, class, state)
            } else if let Some(f) = self.passive_frame(r.clone(), k, n, class, state) {
                Some(f)
            } else if let Some(f) = self.relative_frame(r.clone(), k, n, class, state) {
                Some(f)
            } else if let Some(f) = self.object_relative_frame(r.clone(), k, n, class, state) {
                Some(f)
            } else if class == CueClass::Attitude {
                // What someone wants or supports is the verb's complement,
                // never a clause before it ("As a result of the talks, the
                // two sides agreed to …"), except a quotation before its
                // speaker ("“…,” Marr interjected").
                self.quote_first(r.clone(), k, n, self.cue_of(k, n, class), state)
                    .filter(|f| {
                        f.speaker.span.is_some_and(|sp| {
                            self.p.token_at(sp.start) <= f.frame.start + 1 && self.p.token_at(sp.end) + 1 >= k
                        })
                    })
                    .or_else(|| {
                        // "when the mayor was speaking, …": a verb with no
                        // complement attributes nothing after the comma
                        // (but "shouted, “…”" does).
                        (self.norm(k + n) != ","
                            || self.p.tokens.get(k + n + 1).is_some_and(|t| t.kind == TokenKind::OpenQuote))
                        .then(|| self.leading_with(r.clone(), k, n, self.cue_of(k, n, class), state, true))
                        .flatten()
                    })
                    .or_else(|| self.apposition_frame(r.clone(), k, n, class, state))
            } else {
                self.try_cue(r.clone(), k, n, class, state, false)
                    .or_else(|| {
                        (self.norm(k) != "according")
                            .then(|| {
                                self.leading_with(r.clone(), k, n, self.cue_of(k, n, class), state, true)
                            })
                            .flatten()
                    })
                    .or_else(|| self.apposition_frame(r.clone(), k, n, class, state))
            };
            // Only a frame built on this cue (another cue's frame is its
            // own), whose source names someone: these frames are found
            // without a sentence's usual shape, so any noun phrase before a
            // verb ("Critical in both states is …") is not taken.
            // Evidence shows too: "a 2005 video which showed him …", "its
            // broadcasts repeatedly show …" (any noun is the source of a
            // verb of evidence).
            let evidence = |np: &Range<usize>| {
                class == CueClass::Endorsing
                    && np.end > np.start
                    && !PRONOUNS.contains(&self.norm(np.end - 1))
                    && !self.p.tokens[np.end - 1].capitalized
                    && crate::wordnet::get().is_noun(self.norm(np.end - 1))
            };
            let named = |f: &Frame| {
                f.speaker.span.is_none_or(|sp| {
                    let np = self.p.token_at(sp.start)..self.p.token_at(sp.end);
                    // A name, a source word, or a noun for people ("many
                    // commuters want …").
                    np.end > np.start
                        && (crate::wordnet::get().names_agent(self.norm(np.end - 1))
                            || evidence(&np)
                            || self.quantified_speaker(np.clone()).is_some()
                            || self.people_pronoun(&np)
                            || self.speaker_from_np(np, state).is_some())
                }) && (self.heads_source(k, r.start)
                    // An infinitive's source was found by its own frame, and
                    // so was a participle's after "while" or "by".
                    || infinitive
                    || participle && matches!(opener, "while" | "by")
                    || {
                        let t = self.before_verb_group(r.start, k);
                        t > r.start && evidence(&(t - 1..t))
                    }
                    // A passive's source is its agent, after the verb.
                    || f.speaker.span.is_some_and(|sp| sp.start > at))
            };
            if let Some(f) = frame.filter(|f| f.cue.as_ref().is_some_and(|c| c.span.start == at) && named(f))
            {
                let content = f.content.iter().map(|c| self.trim_span(self.span_of(c))).collect();
                out.push(self.attribution_of(si, Some(f.speaker), f.via, f.cue, content, f.quote, false));
            }
        }
        self.quoted_then_verb(si, r.clone(), main, state, out);
        self.epistemic_frames(si, r.clone(), out);
        self.asked_frame(si, r.clone(), out);
        self.nominal_frames(si, r, state, out);
    }

    /// A quotation, its speaker and a verb that ends the sentence: the verb
    /// reports the quotation whatever it is ("“…,” the paper continued",
    /// "“…,” Marr interjected"). A verb the cue lists know is left to the
    /// frames above.
    fn quoted_then_verb(
        &self,
        si: usize,
        r: Range<usize>,
        main: Option<&Cue>,
        state: &DocState,
        out: &mut Vec<crate::attribution::Attribution>,
    ) {
        // The verb: the last word, before the final punctuation; the
        // quotation closes at most six words before it, with only the
        // speaker's name between.
        let Some(k) = (r.start..r.end).rev().find(|&t| self.is_word(t)) else { return };
        let Some(close) = (r.start..k).rev().find(|&t| self.p.tokens[t].kind == TokenKind::CloseQuote) else {
            return;
        };
        let after_ok = (k + 1..r.end).all(|t| matches!(self.norm(t), "." | "!" | "?"));
        let tok = &self.p.tokens[k];
        if !after_ok
            || tok.capitalized
            || !self.is_finite_like(k)
            || k - close > 6
            || (close + 1..k).any(|t| {
                self.is_finite_like(t)
                    || !self.is_word(t) && self.norm(t) != ","
                    || self.norm(t) == "," && t > close + 1
            })
            || main.is_some_and(|c| c.span.start == tok.span.start)
            || self.entry_at(k, k + 1).iter().any(|(_, e)| matches!(e, Entry::Cue(_)))
            || is_attitude(self.norm(k))
        {
            return;
        }
        let cue = self.cue_of(k, 1, CueClass::Say);
        if let Some(f) = self.quote_first(r.clone(), k, 1, cue, state) {
            let content = f.content.iter().map(|c| self.trim_span(self.span_of(c))).collect();
            out.push(self.attribution_of(si, Some(f.speaker), f.via, f.cue, content, f.quote, false));
        }
    }

    /// The start of the adverbs right before `k` ("publicly", "even"; not
    /// a negation), not before `start`; `k` when there are none.
    fn adverbs_before(&self, start: usize, k: usize) -> usize {
        let mut t = k;
        while t > start && !matches!(self.norm(t - 1), "not" | "n't" | "never") && self.is_adverb(t - 1) {
            t -= 1;
        }
        t
    }

    /// The infinitive "to" before the cue at `k` (past adverbs: "to
    /// emphatically endorse"), when the cue is a verb in its dictionary
    /// form.
    fn infinitive_to(&self, start: usize, k: usize) -> Option<usize> {
        let t = self.adverbs_before(start, k);
        (t > start + 1 && self.norm(t - 1) == "to" && self.infinitive_at(k)).then_some(t - 1)
    }

    /// A cue in an infinitive, whose source is the subject of the verb
    /// before it ("Okafor went on to praise …", "Democrats are quick to
    /// note …", "women were coming forward to tell …") or the noun before
    /// "to" ("the paper became the third to endorse …", "prompting
    /// Republicans to rebuke …"). A verb before it that is a cue itself
    /// ("refused to confirm", "urged voters to support") is its own
    /// attribution, and the infinitive none.
    fn infinitive_frame(
        &self,
        r: Range<usize>,
        k: usize,
        n: usize,
        class: CueClass,
        state: &DocState,
    ) -> Option<Frame> {
        let to = self.infinitive_to(r.start, k)?;
        let mut g = to - 1;
        // "went on to", "came forward to", "stepped up to"
        if g > r.start && matches!(self.norm(g), "on" | "forward" | "up") {
            g -= 1;
        }
        let tok = &self.p.tokens[g];
        if !tok.is_word() {
            return None;
        }
        let w = self.norm(g);
        let particle = g + 1 < to;
        // A verb of aspect or obligation before "to" ("began to hint",
        // "continued to tweet", "went on to praise", "came forward to
        // tell", "would have to agree"), or an adjective of readiness after
        // "be" ("are quick to note"): the cue is the subject's. A purpose
        // clause after any other verb ("worked to assure", "arrived to
        // speak") is not an attribution.
        let stem = self.stems[g];
        let aspect = !tok.capitalized
            && (!particle && matches!(stem, "begin" | "began" | "begun" | "start" | "continu" | "continue")
                || particle
                    && matches!(
                        (self.stems[g], self.norm(g + 1)),
                        ("go" | "went" | "gone", "on") | ("come" | "came", "forward")
                    )
                || !particle && matches!(w, "have" | "has" | "had" | "having")
                || !particle
                    && g > r.start
                    && BE_FORMS.contains(&self.norm(g - 1))
                    && matches!(
                        w,
                        "quick"
                            | "eager"
                            | "ready"
                            | "willing"
                            | "keen"
                            | "reluctant"
                            | "unwilling"
                            | "happy"
                    ));
        let cue = self.cue_of(k, n, class);
        if aspect {
            return self.leading_with(r, g, k + n - g, cue, state, true);
        }
        // The noun before "to": the first or latest of a kind ("became the
        // latest paper to endorse …"), or after "for" ("impossible for the
        // union to approve …") or a verb of causing ("prompting dozens of
        // senators to rebuke …").
        let np = self.np_left(r.start, to)..to;
        let mut np = np
            .clone()
            .rev()
            .find(|&t| {
                self.norm(t) == "for"
                    || self.is_finite_like(t)
                    || self.norm(t).ends_with("ing") && self.norm(t).len() > 5
            })
            .map_or(np.clone(), |v| v + 1..np.end);
        if np.is_empty() || np.len() > 8 || particle {
            return None;
        }
        let before = if np.start > r.start { self.norm(np.start - 1) } else { "" };
        let causing = np.start > r.start
            && matches!(
                self.stems[np.start - 1],
                "prompt"
                    | "led"
                    | "lead"
                    | "caus"
                    | "cause"
                    | "spur"
                    | "inspir"
                    | "inspire"
                    | "encourag"
                    | "encourage"
            );
        let ranked = (np.start..np.end.min(np.start + 3))
            .any(|t| matches!(self.norm(t), "first" | "latest" | "last" | "only" | "second" | "third"));
        if !(before == "for" || causing || ranked) {
            return None;
        }
        // "the first to …" names no one: the noun is needed.
        while np.len() > 1 && self.norm(np.start) == "," {
            np.start += 1;
        }
        let head = self.norm(np.end - 1);
        let speaker = self
            .speaker_from_np(np.clone(), state)
            .or_else(|| {
                crate::wordnet::get().names_agent(head).then(|| self.generic_speaker(np.clone())).flatten()
            })
            .or_else(|| self.quantified_speaker(np.clone()))?;
        self.simple_frame(speaker, (k, n, class), np.start, k + n..r.end)
    }

    /// A part of a group as a source: a quantifier alone ("some are
    /// demanding", "led many to assume") or before "of" and a pronoun or a
    /// noun for people ("Some of them had endorsed", "most of the
    /// senators"). Unnamed.
    fn quantified_speaker(&self, np: Range<usize>) -> Option<Speaker> {
        let words: Vec<usize> = np.clone().filter(|&t| self.is_word(t)).collect();
        let (&first, &last) = (words.first()?, words.last()?);
        if !matches!(self.norm(first), "some" | "many" | "most" | "several" | "others" | "few" | "all") {
            return None;
        }
        let ok = words.len() == 1
            || words.len() <= 5
                && self.norm(first + 1) == "of"
                && (matches!(self.norm(last), "them" | "us" | "these" | "those")
                    || crate::wordnet::get().names_agent(self.norm(last)));
        if !ok {
            return None;
        }
        Some(self.unnamed_speaker(first..last + 1))
    }

    /// An unnamed source named by the tokens `toks`, as written ("some",
    /// "those", "Some of them").
    fn unnamed_speaker(&self, toks: Range<usize>) -> Speaker {
        let span = self.span_of(&toks);
        Speaker {
            kind: SpeakerKind::Unnamed,
            name: span.slice(self.text()).to_string(),
            referent: None,
            span: Some(span),
        }
    }

    /// Whether `np` is a pronoun for people that a relative clause may
    /// follow ("those who …", "others who …").
    fn people_pronoun(&self, np: &Range<usize>) -> bool {
        np.len() == 1 && matches!(self.norm(np.start), "those" | "others" | "anyone" | "everyone")
    }

    /// Whether the word at `t` is a verb in its dictionary form after an
    /// infinitive "to" ("to veto the bill"), not a noun phrase ("to
    /// reporters", "to cheers", "to the crowd").
    fn infinitive_at(&self, t: usize) -> bool {
        let Some(tok) = self.p.tokens.get(t) else { return false };
        let w = self.norm(t);
        tok.is_word()
            && !tok.capitalized
            && !is_determiner(w)
            && !PRONOUNS.contains(&w)
            && !self.lex.is_function_word(w)
            && crate::wordnet::get().is_base_verb(w)
    }

    /// The start of the verb group ending at the cue at `k`: back past
    /// auxiliaries and adverbs ("has since repeatedly said"), not before
    /// `start`.
    fn before_verb_group(&self, start: usize, k: usize) -> usize {
        let mut t = k;
        while t > start && (is_aux(self.norm(t - 1)) || self.is_adverb(t - 1)) {
            t -= 1;
        }
        t
    }

    /// Whether token `t` is an adverb: a listed one ("also", "even") or a
    /// lowercase word in -ly ("publicly", "repeatedly").
    fn is_adverb(&self, t: usize) -> bool {
        let w = self.norm(t);
        ADVERBS.contains(&w) || w.ends_with("ly") && !self.p.tokens[t].capitalized
    }

    /// A light verb at `k` and its noun of speech or attitude within three
    /// words ("made little mention of", "issued a statement", "has taken
    /// aim at"), as a cue of that many tokens. Only determiners, possessives
    /// and lowercase modifiers may stand between them.
    fn light_verb_cue(&self, k: usize, end: usize) -> Option<(usize, CueClass)> {
        if !LIGHT_VERBS.contains(&self.norm(k)) || self.p.tokens[k].capitalized {
            return None;
        }
        let mut t = k + 1;
        while t < end.min(k + 4) {
            let w = self.norm(t);
            if LIGHT_NOUNS.contains(&w) {
                return Some((t + 1 - k, CueClass::Attitude));
            }
            let tok = &self.p.tokens[t];
            if !tok.is_word() || tok.capitalized || self.is_finite_like(t) {
                return None;
            }
            t += 1;
        }
        None
    }

    /// A verb and its particle that judge or set out a view ("brushed off
    /// the remarks", "lashed out at", "laid out the plan", "hit back at"),
    /// "cast" or "see" with "as" soon after ("cast her
    /// candidacy as a safe harbor", "sees the deal as a threat"), or "went
    /// on to" before a cue ("went on to praise her"): (tokens, class).
    fn phrasal_cue(&self, k: usize, end: usize) -> Option<(usize, CueClass)> {
        if self.p.tokens[k].capitalized {
            return None;
        }
        let w = self.norm(k);
        let next = self.norm(k + 1);
        let particle = match w {
            "brush" | "brushes" | "brushed" | "brushing" | "laugh" | "laughs" | "laughed" | "laughing" => {
                "off"
            }
            "lash" | "lashes" | "lashed" | "lashing" | "lay" | "lays" | "laid" | "laying" | "speak"
            | "speaks" | "spoke" | "speaking" => "out",
            "chime" | "chimes" | "chimed" | "chiming" => "in",
            "hit" | "hits" | "hitting" | "fire" | "fires" | "fired" | "firing" => "back",
            _ => "",
        };
        if !particle.is_empty() && next == particle && self.is_word(k + 2) {
            return Some((2, CueClass::Attitude));
        }
        // "cast X as Y", "sees X as Y": "as" within eight words, in the clause.
        if matches!(w, "cast" | "casts" | "casting" | "see" | "sees" | "saw" | "seeing")
            && !matches!(next, "as" | "in" | "on" | "to" | "that" | "it" | "fit")
            && (k + 2..(k + 10).min(end))
                .take_while(|&t| !matches!(self.norm(t), "." | ";" | ":" | "that" | "and"))
                .any(|t| self.norm(t) == "as")
        {
            return Some((1, CueClass::Attitude));
        }
        // "would like her to …", "doesn't like either candidate": "like"
        // as a verb of wish or taste; "is leaning toward …".
        if matches!(w, "like" | "likes" | "liked")
            && k > 0
            && matches!(self.norm(k - 1), "would" | "'d" | "n't" | "not")
            && self.is_word(k + 1)
        {
            return Some((1, CueClass::Attitude));
        }
        if matches!(w, "lean" | "leans" | "leaning" | "leaned") && matches!(next, "toward" | "towards") {
            return Some((2, CueClass::Attitude));
        }
        // An adjective of attitude after "be" with its complement: "was
        // optimistic that …", "has been confident that …", "was openly
        // dismissive of …", "is critical of …".
        if ATTITUDE_ADJECTIVES.contains(&w) && matches!(next, "that" | "of" | "about" | "over") {
            let t = self.before_verb_group(0, k);
            if (t..k).any(|x| BE_FORMS.contains(&self.norm(x)) || matches!(self.norm(x), "am" | "'m" | "'re"))
            {
                return Some((1, CueClass::Attitude));
            }
        }
        // "was slated to hold rallies", "appearances are scheduled in
        // Utah", "are forbidden from coordinating": plans and bans in the
        // passive (see `agentless_passive`).
        if SCHEDULED.contains(&w) && matches!(next, "to" | "for" | "in" | "from" | "on") {
            let t = self.before_verb_group(0, k);
            if (t..k).any(|x| BE_FORMS.contains(&self.norm(x))) {
                return Some((1, CueClass::Attitude));
            }
        }
        // "went on to praise": the cue is the whole phrase.
        if matches!(w, "go" | "goes" | "went" | "going" | "gone") && next == "on" && self.norm(k + 2) == "to"
        {
            let v = k + 3;
            let class = self
                .entry_at(v, end)
                .iter()
                .find_map(|(n, e)| match e {
                    Entry::Cue(c) if *n == 1 => Some(*c),
                    _ => None,
                })
                .or_else(|| is_attitude(self.norm(v)).then_some(CueClass::Attitude))?;
            return Some((4, class));
        }
        None
    }

    /// Whether the word before the cue at `k` (past auxiliaries and
    /// adverbs) can end the phrase naming a source: a name, a pronoun, a
    /// relative "who"/"which", a title, an unnamed source or group word, a
    /// document word, a noun for people or a group, or "and"/"but" before a
    /// second verb of the sentence's subject. Not an adjective or another noun ("Mrs. Lund's
    /// overall support", "in key states"): the cue is then a noun. A cue
    /// after punctuation (", said X", ", saying") is not checked.
    fn heads_source(&self, k: usize, start: usize) -> bool {
        let t = self.before_verb_group(start, k);
        if t == start || !self.is_word(t - 1) {
            return true;
        }
        let h = t - 1;
        let w = self.norm(h);
        // A bare verb form after a singular name is the head of a compound
        // noun ("full Turkish support", "a Russian plan", "a Twitter
        // post"): a singular subject would take "supports", "plans".
        let cue = self.norm(k);
        let bare = !(cue.ends_with('s')
            || cue.ends_with("ed")
            || cue.ends_with("ing")
            || crate::text::irregular(cue).is_some());
        // (Not after "do" or "have": "Ms. Lund did not reveal".)
        let aux = (t..k).any(|x| matches!(self.norm(x), "did" | "does" | "do" | "has" | "have" | "had"));
        if bare && !aux && self.p.tokens[h].capitalized && !w.ends_with('s') && !PRONOUNS.contains(&w) {
            return false;
        }
        let at = self.p.tokens[h].span;
        let from = self.mentions.partition_point(|m| m.span.end < at.end);
        self.mentions[from..].iter().take_while(|m| m.span.start <= at.start).any(|m| m.span.contains(at))
            || self.p.tokens[h].capitalized
            || PRONOUNS.contains(&w)
            || matches!(w, "who" | "which" | "that" | "you" | "and" | "but")
            // "some are demanding", "Some of them had endorsed"
            || matches!(w, "some" | "many" | "most" | "several" | "others" | "them" | "us")
            // "Rask himself released …"
            || matches!(w, "himself" | "herself" | "itself" | "themselves")
            || SOURCE_GROUPS.contains(&w)
            || DOCUMENT_WORDS.contains(&w)
            || crate::wordnet::get().names_agent(w)
            || self
                .entry_at(h, h + 1)
                .iter()
                .any(|(_, e)| matches!(e, Entry::UnnamedSource | Entry::Title | Entry::OrgHead))
    }

    /// Attributions by a noun ("Lund's allegations of a conspiracy",
    /// "fears of a downturn", "his remarks about the race", "news that the
    /// probe had restarted"), in the sentence's token range `r`. The noun
    /// must come before what it attributes ("that", "of", "about", "on",
    /// "over", "for", "to" or a colon), outside quotation marks. The source
    /// is a possessor before the noun ("Lund's", "his", "the
    /// ministry's"); otherwise the text does not say who ("by"/"from"
    /// phrases after the noun are not read). The content runs to the end
    /// of its clause.
    fn nominal_frames(
        &self,
        si: usize,
        r: Range<usize>,
        state: &DocState,
        out: &mut Vec<crate::attribution::Attribution>,
    ) {
        for k in r.clone() {
            let Some(&(_, class)) = NOMINAL_CUES.iter().find(|(w, _)| *w == self.norm(k)) else { continue };
            let at = self.p.tokens[k].span.start;
            if self.p.tokens[k].capitalized && k > r.start || self.p.quote_at(at).is_some() {
                continue;
            }
            let next = self.norm(k + 1);
            if !matches!(next, "that" | "of" | "about" | "on" | "over" | "for" | "to" | ":") {
                continue;
            }
            // "in hopes of winning", "for fear that …", "out of worry",
            // "fell on concerns of …": a feeling after a preposition of
            // cause names a motive, not a position held.
            if k > r.start
                && matches!(self.norm(k - 1), "in" | "for" | "of" | "on")
                && matches!(
                    self.norm(k),
                    "hope" | "hopes" | "fear" | "fears" | "worry" | "worries" | "concern" | "concerns"
                )
            {
                continue;
            }
            // "questions about the plan" ask; "questions for the panel",
            // "questions of law" do not attribute.
            if self.norm(k) == "questions" && !matches!(next, "about" | "on" | "over") {
                continue;
            }
            // "that" must open a clause, not a relative ("the claims that
            // were made"): a word other than a verb follows it.
            if next == "that" && (self.is_finite_like(k + 2) || is_aux(self.norm(k + 2))) {
                continue;
            }
            // Adjectives between a possessor and the noun: "Lund's
            // repeated allegations".
            let mut p = k;
            while p > r.start
                && self.is_word(p - 1)
                && !self.p.tokens[p - 1].capitalized
                && !self.lex.is_function_word(self.norm(p - 1))
                && !matches!(self.norm(p - 1), "his" | "her" | "its" | "their" | "'s" | "'")
            {
                p -= 1;
            }
            // A verb, not a noun: "he plans to stay", "who also fear that".
            if p > r.start
                && (PRONOUNS.contains(&self.norm(p - 1))
                    || is_aux(self.norm(p - 1)) && self.norm(p - 1) != "'s"
                    || ADVERBS.contains(&self.norm(p - 1))
                    || matches!(self.norm(p - 1), "who" | "which" | "you"))
            {
                continue;
            }
            let speaker = if p > r.start && matches!(self.norm(p - 1), "his" | "her") {
                state.last_person.clone().map(|mut s| {
                    s.span = Some(self.p.tokens[p - 1].span);
                    s
                })
            } else if p > r.start && matches!(self.norm(p - 1), "its" | "their") {
                state.last_org.clone().or_else(|| state.last_person.clone()).map(|mut s| {
                    s.span = Some(self.p.tokens[p - 1].span);
                    s
                })
            } else if p > r.start + 1 && matches!(self.norm(p - 1), "'s" | "'") {
                let np = self.np_left(r.start, p - 1)..p - 1;
                self.speaker_from_np(np, state)
            } else {
                None
            };
            let start = k + 2;
            let mut end = start;
            while end < r.end
                && !matches!(self.norm(end), "," | "." | ";" | "-" | "\u{2014}" | "(" | "?" | "!")
            {
                end += 1;
            }
            if (start..end).filter(|&t| self.is_word(t)).count() < 2 {
                continue;
            }
            out.push(self.listed(si, speaker, self.cue_of(k, 1, class), start..end));
        }
    }

    /// A sentence that opens with a question or a telling put to its
    /// subject, by someone the text does not name: "Asked about the loss,
    /// the candidate said …", "When told the stage was in the round, …",
    /// "When confronted at a press conference, …". The cue is the
    /// participle (with "about"), the content what was asked or told, up to
    /// the comma; no source.
    fn asked_frame(&self, si: usize, r: Range<usize>, out: &mut Vec<crate::attribution::Attribution>) {
        let mut t = r.start;
        if matches!(self.norm(t), "when" | "after" | "once" | "if") {
            t += 1;
        }
        if !matches!(self.norm(t), "asked" | "told" | "confronted" | "pressed" | "questioned")
            || !self.is_word(t + 1)
            || self.p.quote_at(self.p.tokens[t].span.start).is_some()
        {
            return;
        }
        let Some(comma) = (t + 1..(t + 20).min(r.end)).find(|&x| self.norm(x) == ",") else { return };
        let end = if self.norm(t + 1) == "about" { t + 2 } else { t + 1 };
        // A main clause follows the comma.
        if comma + 2 >= r.end || (end..comma).filter(|&x| self.is_word(x)).count() < 1 {
            return;
        }
        out.push(self.listed(si, None, self.cue_of(t, end - t, CueClass::Directive), end..comma));
    }

    /// What is not known, or known without a source: "it is unclear how
    /// …", "it's not clear who …", "it is still unknown if …", "it's
    /// impossible to know …", "it emerged that …", "it seems …". The cue
    /// runs from "it" to the adjective (or the verb); the text names no
    /// source. Not inside a quotation, where the quoted speaker says it.
    fn epistemic_frames(&self, si: usize, r: Range<usize>, out: &mut Vec<crate::attribution::Attribution>) {
        for k in r.clone() {
            if self.norm(k) != "it" || self.p.quote_at(self.p.tokens[k].span.start).is_some() {
                continue;
            }
            let mut t = k + 1;
            let verb = self.norm(t);
            let end = if matches!(verb, "seems" | "seemed" | "appears" | "appeared" | "emerged") {
                // "it seems that …", "it seems only fair to …", "it emerged that …".
                let next = self.norm(t + 1);
                if !(next == "that"
                    || verb != "emerged" && self.is_word(t + 1) && !self.lex.is_function_word(next))
                {
                    continue;
                }
                t + 1
            } else if matches!(verb, "is" | "was" | "'s" | "remains" | "remained") {
                t += 1;
                let mut negated = false;
                while matches!(self.norm(t), "still" | "not" | "n't" | "also" | "now" | "far" | "yet") {
                    negated |= matches!(self.norm(t), "not" | "n't");
                    t += 1;
                }
                let adj = self.norm(t);
                let to_know = matches!(self.norm(t + 1), "to")
                    && matches!(self.norm(t + 2), "know" | "say" | "tell" | "predict");
                let end = match adj {
                    "unclear" | "unknown" | "uncertain" => t + 1,
                    "clear" | "known" | "certain" if negated => t + 1,
                    "impossible" | "hard" | "difficult" | "too" if to_know => t + 3,
                    _ => continue,
                };
                // A question or a clause follows ("how", "whether", "that").
                let next = self.norm(end);
                if end == t + 1
                    && !matches!(
                        next,
                        "who" | "what" | "when" | "where" | "why" | "how" | "whether" | "if" | "that"
                    )
                {
                    continue;
                }
                end
            } else {
                continue;
            };
            if end >= r.end {
                continue;
            }
            let stop =
                (end..r.end).find(|&x| matches!(self.norm(x), "." | ";" | "?" | "!" | ":")).unwrap_or(r.end);
            if (end..stop).filter(|&x| self.is_word(x)).count() < 2 {
                continue;
            }
            out.push(self.listed(si, None, self.cue_of(k, end - k, CueClass::Attitude), end..stop));
        }
    }

    /// A passive cue with its agent: "the remarks were denounced by the
    /// party chairman", "the deal was rejected by the regional parliament".
    /// The agent after "by" is the source, the subject before the verb the
    /// content.
    fn passive_frame(
        &self,
        r: Range<usize>,
        k: usize,
        n: usize,
        class: CueClass,
        state: &DocState,
    ) -> Option<Frame> {
        let be = self.before_verb_group(r.start, k);
        let passive = be < k && (be..k).any(|t| BE_FORMS.contains(&self.norm(t)));
        // A reduced relative: "the proposals suggested by the tax experts",
        // "the memo disclosed by Tallow Leaks": a past participle right after
        // its noun.
        let reduced = !passive && self.reduced_relative(r.start, k);
        if !(passive || reduced) || self.norm(k + n) != "by" {
            return None;
        }
        let be = if reduced { k } else { be };
        let agent_start = k + n + 1;
        let mut agent_end = agent_start;
        while agent_end < r.end
            && agent_end - agent_start < 14
            && !matches!(
                self.norm(agent_end),
                "," | "." | ";" | ":" | "that" | "to" | "for" | "in" | "on" | "after"
            )
            && !(self.is_finite_like(agent_end) && !self.p.tokens[agent_end].capitalized)
        {
            agent_end += 1;
        }
        let agent = agent_start..agent_end;
        if agent.is_empty() {
            return None;
        }
        let head_is_agent = crate::wordnet::get().names_agent(self.norm(agent_end - 1));
        let mut speaker = self
            .speaker_from_np(agent.clone(), state)
            .or_else(|| if head_is_agent { self.generic_speaker(agent.clone()) } else { None })?;
        // The source is the whole agent ("the editorial board of the
        // Herald"), wherever in it the speaker's name stands.
        speaker.span = Some(self.span_of(&agent));
        let mut subject = self.np_left(r.start, be)..be;
        // "the treaty collapsed after being rejected by …": a participle
        // after a preposition is passive of the clause's subject.
        if subject.clone().all(|t| !self.is_word(t) || PREPOSITIONS.contains(&self.norm(t))) {
            let verb = (r.start..be).find(|&t| self.is_finite_like(t))?;
            subject = r.start..verb;
        }
        // The subject may be one word ("Marr has been derided by …").
        if !subject.clone().any(|t| self.is_word(t)) || subject.len() > 14 {
            return None;
        }
        Some(self.frame_over(speaker, (k, n, class), subject.clone(), subject))
    }

    /// A passive cue without its agent that still attributes a view to
    /// someone the text does not name: "she is expected to win", "he was
    /// accused of lying", "the region is portrayed as", "the plan is
    /// considered the best". The verb group holds a form of "be", the
    /// participle is not followed by "by" (a passive with its agent is
    /// [`Extractor::passive_frame`]'s) but by "to", "as" or "of" ("is
    /// considered" takes its complement directly). Idioms of purpose,
    /// obligation or naming ("is supposed to", "was intended to", "is
    /// required to", "known as") and passives of telling or asking ("was
    /// told to") report nobody's view. The cue runs from the form of "be"
    /// to the participle (with "of": "was accused of").
    fn agentless_passive(&self, r: Range<usize>, k: usize, n: usize, class: CueClass) -> Option<Cue> {
        let w = self.norm(k);
        let scheduled = SCHEDULED.contains(&w);
        if n != 1 || !(w.ends_with("ed") || crate::text::irregular(w).is_some() || scheduled) {
            return None;
        }
        let group = self.before_verb_group(r.start, k);
        let be = (group..k).find(|&t| BE_FORMS.contains(&self.norm(t)))?;
        let stem = self.stems[k];
        if matches!(
            stem,
            "intend"
                | "suppos"
                | "suppose"
                | "requir"
                | "require"
                | "know"
                | "find"
                | "tell"
                | "ask"
                | "inform"
        ) || matches!(w, "worried" | "concerned" | "known" | "found" | "told" | "asked" | "intended")
        {
            return None;
        }
        let next = self.norm(k + 1);
        let complement = matches!(next, "to" | "as" | "of")
            || w == "considered" && self.is_word(k + 1)
            || scheduled && matches!(next, "for" | "in" | "from" | "on");
        if !complement || next == "by" {
            return None;
        }
        let end = if next == "of" { k + 2 } else { k + 1 };
        Some(self.cue_of(be, end - be, class))
    }

    /// Whether the past participle at `k` modifies the noun right before it
    /// ("the proposals suggested by …"): a lowercase noun or a name that is
    /// no function word, auxiliary or verb.
    fn reduced_relative(&self, start: usize, k: usize) -> bool {
        let w = self.norm(k);
        k > start
            && (w.ends_with("ed") || crate::text::irregular(w).is_some())
            && self.is_word(k - 1)
            && !self.lex.is_function_word(self.norm(k - 1))
            && !is_aux(self.norm(k - 1))
            && !PRONOUNS.contains(&self.norm(k - 1))
            && !self.is_finite_like(k - 1)
            && !self.norm(k - 1).ends_with("ly")
    }

    /// A name, a long apposition and the cue: "Dana Whitfield, a senior
    /// fellow in regional planning at the Institute for Coastal Studies in
    /// Brest, said that …". The sentence opens with the name (a person,
    /// organisation or outlet, up to the first comma); the apposition runs
    /// from there to the comma before the cue, with no verb of its own and
    /// no quotation. The content follows the cue.
    fn apposition_frame(
        &self,
        r: Range<usize>,
        k: usize,
        n: usize,
        class: CueClass,
        state: &DocState,
    ) -> Option<Frame> {
        if k < r.start + 3 {
            return None;
        }
        // The comma before the cue, or one inside a quotation that closes
        // right before it ("Name, noting that “…,” added:").
        let comma = if self.norm(k - 1) == "," {
            k - 1
        } else if self.p.tokens[k - 1].kind == TokenKind::CloseQuote && self.norm(k - 2) == "," {
            k - 2
        } else {
            return None;
        };
        let verbless = |x: &Range<usize>| {
            !x.clone().any(|t| {
                let tok = &self.p.tokens[t];
                tok.is_quote()
                    || !tok.capitalized
                        && (self.is_finite_like(t)
                            || PRONOUNS.contains(&self.norm(t))
                            || matches!(self.norm(t), "who" | "which" | "not" | "n't"))
            })
        };
        // The name runs from the sentence start or an earlier comma (after
        // an opening phrase: "In a discussion about …, Name, director of
        // …, wrote") to the comma that opens the apposition; the nearest
        // such comma that gives a name is taken.
        let commas: Vec<usize> = (r.start..comma).filter(|&t| self.norm(t) == ",").collect();
        for (i, &c) in commas.iter().enumerate().rev().take(3) {
            let np = commas.get(i.wrapping_sub(1)).map_or(r.start, |&p| p + 1)..c;
            let apposition = c + 1..k - 1;
            if np.is_empty() || np.len() > 8 || apposition.is_empty() || apposition.len() > 25 {
                continue;
            }
            // An opening phrase before the name starts with a preposition.
            if np.start > r.start && !PREPOSITIONS.contains(&self.norm(r.start)) {
                continue;
            }
            // "Facing a wall of opposition in X, Y, Z, states …": a
            // participle opens an adverbial clause, not a name.
            let participial = np.clone().any(|t| self.norm(t).ends_with("ing") && self.norm(t).len() > 5);
            // "Name, noting that …, added:": a participial clause set off
            // by commas may hold verbs and quotations of its own.
            let aside = self.norm(apposition.start).ends_with("ing")
                && self.norm(apposition.start).len() > 5
                && !self.p.tokens[apposition.start].capitalized;
            if comma != k - 1 && !aside {
                continue;
            }
            if participial || !verbless(&np) || !verbless(&apposition) && !aside {
                continue;
            }
            let Some(speaker) = self.speaker_from_np(np.clone(), state).filter(|sp| {
                matches!(sp.kind, SpeakerKind::Person | SpeakerKind::Organization | SpeakerKind::Media)
            }) else {
                continue;
            };
            // "that" opens the content, unless it is its determiner ("echoed
            // that point").
            let words_after = (k + n + 1..r.end).filter(|&t| self.is_word(t)).count();
            let start = k + n + usize::from(self.norm(k + n) == "that" && words_after >= 2);
            return self.simple_frame(speaker, (k, n, class), np.start, start..r.end);
        }
        None
    }

    /// A cue in a relative clause: "fellow Republicans who worry his
    /// rhetoric will hurt …", "young men who accused the congressman of …",
    /// "the network, which reported on the decision". The speaker is the
    /// noun phrase before the relative pronoun (a name or source word, or
    /// a noun for people); the content runs from the cue to a dash or the
    /// sentence end.
    fn relative_frame(
        &self,
        r: Range<usize>,
        k: usize,
        n: usize,
        class: CueClass,
        state: &DocState,
    ) -> Option<Frame> {
        let t = self.before_verb_group(r.start, k);
        // "that" is a relative pronoun after a noun ("a super PAC that
        // supports …"), not after a verb or a cue ("said that").
        let relative_that = t > r.start + 1
            && self.norm(t - 1) == "that"
            && self.is_word(t - 2)
            && !self.is_finite_like(t - 2)
            && !self.lex.is_function_word(self.norm(t - 2))
            && !self.entry_at(t - 2, t - 1).iter().any(|(_, e)| matches!(e, Entry::Cue(_)))
            && !COMPLEMENT_NOUNS.iter().any(|n| self.stems[t - 2].starts_with(n));
        if t <= r.start + 1 || !(matches!(self.norm(t - 1), "who" | "which") || relative_that) {
            return None;
        }
        // "who did not say": no speech.
        if (t..k).any(|x| matches!(self.norm(x), "not" | "n't" | "never")) {
            return None;
        }
        let rel = t - 1;
        let mut np_end = if self.norm(rel - 1) == "," { rel - 1 } else { rel };
        // "Sen. Ron Johnson (R-Wis.), who told …": past a parenthesis.
        if np_end > r.start && self.norm(np_end - 1) == ")" {
            let open = (r.start..np_end - 1).rev().find(|&x| self.norm(x) == "(")?;
            np_end = open;
        }
        let mut np = self.np_left(r.start, np_end)..np_end;
        // Past a verb before it, the last noun phrase: "… drew fire from
        // the pilots, who criticized …" (the pilots).
        if let Some(v) = np.clone().rev().find(|&x| self.is_finite_like(x)) {
            let prep = (v + 1..np.end).rev().find(|&x| {
                matches!(self.norm(x), "at" | "of" | "from" | "for" | "in" | "to" | "with" | "by")
            });
            np.start = prep.unwrap_or(v) + 1;
        }
        if np.is_empty() || np.clone().any(|x| self.p.tokens[x].is_quote()) {
            return None;
        }
        let head_is_agent = crate::wordnet::get().names_agent(self.norm(np.end - 1))
            || class == CueClass::Endorsing && crate::wordnet::get().is_noun(self.norm(np.end - 1));
        // "those who criticized …", "others who want …": a pronoun for
        // people.
        let people = self.people_pronoun(&np);
        let speaker = self
            .speaker_from_np(np.clone(), state)
            .or_else(|| if head_is_agent { self.generic_speaker(np.clone()) } else { None })
            .or_else(|| self.quantified_speaker(np.clone()))
            .or_else(|| people.then(|| self.unnamed_speaker(np.clone())))?;
        let mut start = k + n;
        while start < r.end && AUDIENCE.contains(&self.norm(start)) {
            start += 1;
        }
        if matches!(self.norm(start), "that" | ":" | ",") {
            start += 1;
        }
        let end = (start..r.end)
            .find(|&x| matches!(self.norm(x), "-" | "\u{2014}" | "\u{2013}" | "(" | ";"))
            .unwrap_or(r.end);
        self.simple_frame(speaker, (k, n, class), np.start, start..end)
    }

    /// Whether `content` says enough to be attributed: two words, or, in
    /// the listing (`wide`), one name or pronoun after a verb of stance
    /// ("went on to praise Lund.", "did not dispute it.").
    fn enough_content(&self, content: Range<usize>, class: CueClass, wide: bool) -> bool {
        let words: Vec<usize> = content.filter(|&t| self.is_word(t)).collect();
        words.len() >= 2
            || wide
                && class != CueClass::Say
                && words.len() == 1
                && (self.p.tokens[words[0]].capitalized
                    || matches!(self.norm(words[0]), "it" | "him" | "her" | "them" | "this" | "that"))
    }

    /// A named subject in a relative clause whose pronoun is the object:
    /// "one event in Kiev, which Mara Lund, then the mayor, praised", "a
    /// district which the blogger Ed Marr calls “…”". The content follows
    /// the cue, or, when nothing does, is the noun phrase the pronoun
    /// stands for.
    fn object_relative_frame(
        &self,
        r: Range<usize>,
        k: usize,
        n: usize,
        class: CueClass,
        state: &DocState,
    ) -> Option<Frame> {
        let t = self.before_verb_group(r.start, k);
        // Past an apposition set off by commas ("Mara Lund, then the
        // mayor,").
        let np_end = if t > r.start + 1 && self.norm(t - 1) == "," {
            (r.start..t - 1).rev().take(12).find(|&x| self.norm(x) == ",")?
        } else {
            t
        };
        let s = self.np_left(r.start, np_end);
        if s <= r.start + 1 || !matches!(self.norm(s - 1), "which" | "whom") || s == np_end {
            return None;
        }
        let np = s..np_end;
        let speaker = self.speaker_from_np(np.clone(), state).filter(|sp| {
            matches!(sp.kind, SpeakerKind::Person | SpeakerKind::Organization | SpeakerKind::Media)
        })?;
        let rel = s - 1;
        let after = k + n..r.end;
        let content = if after.clone().filter(|&x| self.is_word(x)).count() >= 2 {
            after
        } else {
            let e = if self.norm(rel - 1) == "," { rel - 1 } else { rel };
            let b = self.np_left(r.start, e);
            // After a verb: "The tour included [one event in Dover]".
            (b..e).rev().find(|&x| self.is_finite_like(x)).map_or(b, |v| v + 1)..e
        };
        self.simple_frame(speaker, (k, n, class), np.start, content)
    }

    /// A frame of one speaker, the cue at `k` (`n` tokens of `class`), and
    /// one content range of at least two words; it spans `from` to the
    /// content's start.
    fn simple_frame(
        &self,
        speaker: Speaker,
        (k, n, class): (usize, usize, CueClass),
        from: usize,
        content: Range<usize>,
    ) -> Option<Frame> {
        if !self.enough_content(content.clone(), class, false) {
            return None;
        }
        let start = content.start;
        Some(self.frame_over(speaker, (k, n, class), content, from..start))
    }

    /// The frame of `speaker`'s cue (`k`, `n` tokens long, of `class`) over
    /// one content range, spanning `frame`: an indirect quote, or mixed when
    /// the content holds a quotation mark.
    fn frame_over(
        &self,
        speaker: Speaker,
        (k, n, class): (usize, usize, CueClass),
        content: Range<usize>,
        frame: Range<usize>,
    ) -> Frame {
        let content = vec![content];
        let quote = self.quote_kind(&content);
        Frame { speaker, via: Vec::new(), cue: Some(self.cue_of(k, n, class)), content, quote, frame }
    }

    /// A participle right after its source ("more national polls showing
    /// the senator ahead", "with analysts saying a strong reading …"): the
    /// source is the noun phrase before it, after any verb.
    fn participle_frame(
        &self,
        r: Range<usize>,
        k: usize,
        n: usize,
        class: CueClass,
        state: &DocState,
    ) -> Option<Frame> {
        let mut np = self.np_left(r.start, k)..k;
        if let Some(v) = np.clone().rev().find(|&t| {
            let w = self.norm(t);
            is_aux(w)
                || w == "there"
                || (self.is_finite_like(t) || w.ends_with("ing") && w.len() > 5)
                    && !self.p.tokens[t].capitalized
        }) {
            np.start = v + 1;
        }
        // "the same press briefing, she said": a noun, not a participle.
        if !self.is_word(k + n) {
            return None;
        }
        // The object of a verb or of "to" does not head the participle
        // ("contacted an official seeking …", "wrote to the department
        // seeking …", "a tape showing him bragging", "has the aide
        // advising"): the participle is the clause's own, or describes the
        // action. A document still speaks ("issued a report arguing …").
        if np.start > r.start && !np.is_empty() {
            let b = np.start - 1;
            let w = self.norm(b);
            let object = !self.p.tokens[b].capitalized
                && (self.is_finite_like(b) || w == "to" || w.len() > 5 && w.ends_with("ing"));
            if object && !DOCUMENT_WORDS.contains(&self.norm(np.end - 1)) {
                return None;
            }
        }
        let speaker = self.speaker_from_np(np.clone(), state)?;
        let start = k + n + usize::from(self.norm(k + n) == "that");
        self.simple_frame(speaker, (k, n, class), np.start, start..r.end)
    }

    /// A listing-only attribution whose content is the tokens `content`,
    /// with `cue` and `speaker` (none for a cue without a source).
    fn listed(
        &self,
        sentence: usize,
        speaker: Option<Speaker>,
        cue: Cue,
        content: Range<usize>,
    ) -> crate::attribution::Attribution {
        let spans = vec![self.trim_span(self.span_of(&content))];
        let quote = self.quote_kind(std::slice::from_ref(&content));
        self.attribution_of(sentence, speaker, Vec::new(), Some(cue), spans, quote, false)
    }

    /// An [`Attribution`](crate::attribution::Attribution) from a frame's
    /// parts. The source is where the speaker is named in the frame: a
    /// relative pronoun right before the cue ("officials, who said …")
    /// rather than its antecedent.
    #[allow(clippy::too_many_arguments)]
    fn attribution_of(
        &self,
        sentence: usize,
        speaker: Option<Speaker>,
        via: Vec<Speaker>,
        cue: Option<Cue>,
        content: Vec<Span>,
        quote: QuoteKind,
        in_claims: bool,
    ) -> crate::attribution::Attribution {
        let mut source = speaker.as_ref().and_then(|s| s.span);
        if let Some(c) = &cue {
            let t = self.before_verb_group(0, self.p.token_at(c.span.start));
            if t > 0
                && (matches!(self.norm(t - 1), "who" | "which")
                    || self.norm(t - 1) == "that"
                        && speaker
                            .as_ref()
                            .and_then(|s| s.span)
                            .is_some_and(|s| s.end <= self.p.tokens[t - 1].span.start))
            {
                source = Some(self.p.tokens[t - 1].span);
            }
        }
        let content = content.into_iter().filter(|s| !s.is_empty()).collect();
        crate::attribution::Attribution { sentence, speaker, source, cue, content, quote, via, in_claims }
    }

    /// Every attribution of the document, in text order: those its claims
    /// carry (one per speaker and cue of a sentence, with the content of
    /// all its claims), then those only [`Extractor::further_frames`]
    /// finds.
    pub fn attributions(&self) -> Vec<crate::attribution::Attribution> {
        let mut more = Vec::new();
        let claims = self.extract_with(Some(&mut more));
        let mut out: Vec<crate::attribution::Attribution> = Vec::new();
        // Claims come in sentence order, so a claim's attribution, if
        // already listed, is among the last entries (those of its sentence).
        for c in claims.iter().filter(|c| c.speaker.kind != SpeakerKind::Outlet) {
            if let Some(a) = out.iter_mut().rev().take_while(|a| a.sentence == c.sentence).find(|a| {
                a.cue.as_ref().map(|x| x.span) == c.cue.as_ref().map(|x| x.span)
                    && a.speaker.as_ref().map(Speaker::key) == Some(c.speaker.key())
            }) {
                a.content.push(c.content);
                continue;
            }
            out.push(self.attribution_of(
                c.sentence,
                Some(c.speaker.clone()),
                c.via.clone(),
                c.cue.clone(),
                vec![c.content],
                c.quote,
                true,
            ));
        }
        // One attribution per cue of a sentence: the claims' first, then the
        // first further frame found for it.
        let mut listed: HashSet<(usize, Option<Span>)> =
            out.iter().map(|a| (a.sentence, a.cue.as_ref().map(|c| c.span))).collect();
        out.extend(more.into_iter().filter(|a| listed.insert((a.sentence, a.cue.as_ref().map(|c| c.span)))));
        // One speech, listed once: "The union issued a statement saying …"
        // is the union's (cue "issued a statement"), not also the
        // statement's ("a statement" [saying]).
        let cues: Vec<(usize, Span)> =
            out.iter().filter_map(|a| Some((a.sentence, a.cue.as_ref()?.span))).collect();
        out.retain(|a| {
            let Some(src) = a.source else { return true };
            !cues.iter().any(|&(s, c)| {
                s == a.sentence && c.contains(src) && a.cue.as_ref().is_none_or(|own| own.span != c)
            })
        });
        out.sort_by(|a, b| {
            (a.sentence, a.cue.as_ref().map(|c| c.span.start))
                .cmp(&(b.sentence, b.cue.as_ref().map(|c| c.span.start)))
        });
        out
    }

    /// Whether the words of `r` are in title case: at least four words of
    /// four letters or more, nearly all capitalised.
    fn title_case(&self, r: &Range<usize>) -> bool {
        let long: Vec<usize> = r.clone().filter(|&t| self.is_word(t) && self.norm(t).len() >= 4).collect();
        let caps = long.iter().filter(|&&t| self.p.tokens[t].capitalized).count();
        long.len() >= 4 && caps * 10 >= long.len() * 9
    }

    fn cue_of(&self, k: usize, n: usize, class: CueClass) -> Cue {
        let span = self.span_of(&(k..k + n));
        Cue { text: span.slice(self.text()).to_string(), span, class }
    }

    fn try_cue(
        &self,
        r: Range<usize>,
        k: usize,
        n: usize,
        class: CueClass,
        state: &DocState,
        leading: bool,
    ) -> Option<Frame> {
        let cue = self.cue_of(k, n, class);
        if leading {
            return if self.norm(k) == "according" { None } else { self.leading(r, k, n, cue, state) };
        }
        // According to NP
        if self.norm(k) == "according" {
            let np_start = k + 2;
            let mut np_end = np_start;
            while np_end < r.end && !matches!(self.norm(np_end), "," | "." | ";" | ":") {
                np_end += 1;
            }
            let np = np_start..np_end;
            let speaker =
                self.speaker_from_np(np.clone(), state).or_else(|| self.generic_speaker(np.clone()))?;
            let mut content = Vec::new();
            let before_end = if k > r.start && self.norm(k - 1) == "," { k - 1 } else { k };
            if before_end > r.start {
                content.push(r.start..before_end);
            }
            let after = if np_end < r.end && self.norm(np_end) == "," { np_end + 1 } else { np_end };
            if after < r.end {
                content.push(after..r.end);
            }
            if content.is_empty() {
                return None;
            }
            let quote = self.quote_kind(&content);
            return Some(Frame {
                speaker,
                via: Vec::new(),
                cue: Some(cue),
                content,
                quote,
                frame: k..np_end,
            });
        }
        // Quote first: “…,” NP cue / “…,” cue NP / “…,” X quoted NP as saying
        if let Some(a) = self.quote_first(r.clone(), k, n, cue.clone(), state) {
            return Some(a);
        }
        // Trailing: CONTENT, NP cue (in a statement…).
        self.trailing(r, k, n, cue, state)
    }

    fn quote_kind(&self, content: &[Range<usize>]) -> QuoteKind {
        let has_quote = content.iter().any(|c| c.clone().any(|k| self.p.tokens[k].is_quote()));
        if has_quote { QuoteKind::Mixed } else { QuoteKind::Indirect }
    }

    fn quote_first(&self, r: Range<usize>, k: usize, n: usize, cue: Cue, state: &DocState) -> Option<Frame> {
        // Find a closing quote before the cue with only a short NP between.
        let mut j = k;
        while j > r.start && !(self.p.tokens[j - 1].kind == TokenKind::CloseQuote) {
            j -= 1;
            if k - j > 16 {
                return None;
            }
        }
        if j <= r.start {
            return None;
        }
        let close = j - 1;
        // The quotation ends its sentence or clause: “…,” she said / “…?”
        // he asked / “…”, she said. Not a quoted phrase inside a clause
        // (“troubled” by lawmakers he says …).
        // (Skipping a nested closing quote: “… ‘steal it?’” he said.)
        let mut before = close.saturating_sub(1);
        while before > r.start && self.p.tokens[before].kind == TokenKind::CloseQuote {
            before -= 1;
        }
        let ends_clause = close > r.start
            && (matches!(self.norm(before), "," | "?" | "!" | "." | "-" | "\u{2014}" | "\u{2026}" | "...")
                || matches!(self.norm(close + 1), "," | "\u{2014}"));
        if !ends_clause {
            return None;
        }
        let region = self.p.quotes.iter().find(|q| q.close == Some(self.p.tokens[close].span))?;
        let open_tok = self.p.token_at(region.open.start);
        if open_tok < r.start {
            // The quote began in an earlier sentence; content is this sentence's part.
        }
        let between = j..k;
        let after_end = self.clause_end(k + n, r.end);
        let (speaker_np, via) = if self.norm(k) == "quoted" {
            // X quoted NP as saying
            let mut e = k + n;
            while e < r.end && self.norm(e) != "as" {
                e += 1;
            }
            let via = self.speaker_from_np(between.clone(), state);
            (k + n..e, via.into_iter().collect())
        } else if between.clone().any(|t| self.is_word(t)) {
            // "…,” Name, head of X, told …": the name before the appositive.
            let mut b = between.clone();
            if self.norm(b.start) == "," {
                b.start += 1;
            }
            if let Some(c) = (b.start..b.end).find(|&t| self.norm(t) == ",")
                && self.speaker_from_np(b.start..c, state).is_some()
            {
                b.end = c;
            }
            (b, Vec::new())
        } else {
            // inverted: “…,” said NP (who …), “…,” said NP when …
            let np_end = (k + n..after_end)
                .find(|&t| {
                    matches!(
                        self.norm(t),
                        "who"
                            | "whom"
                            | "which"
                            | "when"
                            | "while"
                            | "after"
                            | "before"
                            | "because"
                            | "as"
                            | "if"
                    )
                })
                .unwrap_or(after_end);
            (k + n..np_end, Vec::new())
        };
        let speaker = self
            .speaker_from_np(speaker_np.clone(), state)
            .or_else(|| self.generic_speaker(speaker_np.clone()))?;
        let inner_start = self.p.token_at(region.inner.start).max(r.start);
        let mut content = std::iter::once(inner_start..close).collect::<Vec<_>>();
        // What follows the frame: “A,” she said, adding, “B”.
        let frame_end = after_end.max(speaker_np.end);
        let next = frame_end + 1 + usize::from(self.norm(frame_end + 1) == "and");
        if frame_end < r.end
            && self.norm(frame_end) == ","
            && (frame_end..r.end).filter(|&t| self.is_word(t)).count() >= 2
            && self.entry_at(next, r.end).iter().any(|(_, e)| matches!(e, Entry::Cue(_)))
        {
            content.push(frame_end + 1..r.end);
        }
        Some(Frame {
            speaker,
            via,
            cue: Some(cue),
            content,
            quote: QuoteKind::Direct,
            frame: close + 1..after_end.max(speaker_np.end),
        })
    }

    /// End of the attribution tail after a cue: up to "that", a comma followed
    /// by a clause, or the sentence end, skipping "in a statement", dates.
    fn clause_end(&self, from: usize, end: usize) -> usize {
        let mut e = from;
        while e < end && !matches!(self.norm(e), "." | ";" | "that" | "“" | "\"" | ":") {
            if self.norm(e) == "," && !self.next_is_adverbial(e + 1, end) {
                break;
            }
            e += 1;
        }
        e
    }

    fn next_is_adverbial(&self, k: usize, end: usize) -> bool {
        k < end
            && (is_time_word(self.norm(k))
                || matches!(self.norm(k), "on" | "in" | "last" | "this" | "late" | "early"))
    }

    fn trailing(&self, r: Range<usize>, k: usize, n: usize, cue: Cue, state: &DocState) -> Option<Frame> {
        // The cue must be near the end: after it only adverbials until the
        // end, or an appositive describing the speaker (", said Ana Lund, a
        // tax expert.").
        let mut tail_end = self.clause_end(k + n, r.end);
        // ", said an industry lobbyist who spoke on the condition of
        // anonymity": the speaker's phrase ends before a relative clause.
        let inverted_np_end =
            (k + n..tail_end).find(|&t| matches!(self.norm(t), "who" | "whom" | "which")).unwrap_or(tail_end);
        let rest_words = (tail_end..r.end).filter(|&t| self.is_word(t)).count();
        if rest_words > 0 {
            let role = |t: usize| {
                self.entry_at(t, r.end).iter().any(|(_, e)| matches!(e, Entry::Title))
                    || matches!(self.norm(t + 1), "of" | "at" | "for" | "with")
            };
            // A short phrase without a verb describes the speaker too
            // (", said Bart Naylor, financial policy advocate for Public
            // Citizen.").
            let short = (tail_end + 1..r.end).filter(|&t| self.is_word(t)).count() <= 10
                && !(tail_end + 1..r.end).any(|t| self.p.tokens[t].is_quote());
            let appositive = self.norm(tail_end) == ","
                && tail_end + 1 < r.end
                && (is_determiner(self.norm(tail_end + 1))
                    || self.p.tokens[tail_end + 1].capitalized
                    || role(tail_end + 1)
                    || short)
                && !(tail_end + 1..r.end).any(|t| self.is_finite_like(t) && !self.p.tokens[t].capitalized);
            if !appositive {
                return None;
            }
            tail_end = r.end;
        }
        // Find the comma before the NP.
        let mut j = k;
        while j > r.start && self.norm(j - 1) != "," {
            j -= 1;
            if k - j > 12 {
                return None;
            }
        }
        if j <= r.start + 1 {
            return None;
        }
        // "…, X said on Monday" / "…, X said in a statement", not "…, X said
        // she believes the accusations were false" (a leading frame).
        if let Some(first) = (k + n..tail_end).find(|&t| self.is_word(t))
            && self.p.tokens[first - 1].kind != TokenKind::Punct
            && !self.next_is_adverbial(first, tail_end)
            && !matches!(self.norm(first), "at" | "to" | "during" | "after" | "before" | "by" | "from" | "as" | "when" | "while" | "via" | "through" | "yesterday" | "today" | "tonight" | "earlier" | "later" | "again" | "also" | "then")
            && !(self.norm(first).ends_with("ly") && !self.p.tokens[first].capitalized)
            // "…, a nurse told the Echo": the audience of a telling verb.
            && !matches!(self.norm(k), "told" | "tells" | "tell" | "telling" | "informed" | "assured" | "briefed" | "reminded")
            && !AUDIENCE.contains(&self.norm(first))
            && k > j
        {
            return None;
        }
        let np = j..k;
        if np
            .clone()
            .any(|t| self.p.tokens[t].is_quote() || (self.is_finite_like(t) && !self.p.tokens[t].capitalized))
        {
            return None;
        }
        // "…, echoing his account with more attacks": a participle opens a
        // clause, not a speaker's name.
        if !np.is_empty()
            && !self.p.tokens[np.start].capitalized
            && self.norm(np.start).len() > 5
            && self.norm(np.start).ends_with("ing")
        {
            return None;
        }
        // Nor numbers or two noun phrases side by side ("five times the number
        // the government admits"); "a nurse at the hospital" is fine.
        let dets = self.juxtaposed_articles(&np);
        if dets > 1 || np.clone().any(|t| self.p.tokens[t].kind == TokenKind::Number) {
            return None;
        }
        let speaker = self
            .speaker_from_np(np.clone(), state)
            .or_else(|| self.generic_speaker(np.clone()))
            .or_else(|| {
                // inverted: ", said NP"
                // The noun phrase after the cue has no verb of its own (", said
                // she remained silent" is not a speaker).
                let after = k + n..inverted_np_end;
                let verbless = !after.clone().any(|t| self.is_finite_like(t))
                    && !PRONOUNS.contains(&self.norm(after.start));
                // Only a finite reporting verb inverts ("…, said the
                // minister"); after a participle or a directive the noun
                // phrase is the object ("…, telling the bank to leave",
                // "called on the crowd to vote").
                let inverts = !self.norm(k).ends_with("ing") && cue.class != CueClass::Directive;
                if np.is_empty() && verbless && inverts {
                    // A phrase with no name must name people ("said an
                    // industry lobbyist"), not be the verb's object
                    // ("Name, a senator, described a culture of secrecy").
                    let agent = after.clone().rev().find(|&t| self.is_word(t)).is_some_and(|h| {
                        crate::wordnet::get().names_agent(self.norm(h))
                            || self.entry_at(h, h + 1).iter().any(|(_, e)| {
                                matches!(e, Entry::UnnamedSource | Entry::Title | Entry::OrgHead)
                            })
                    });
                    self.speaker_from_np(after.clone(), state)
                        .or_else(|| if agent { self.generic_speaker(after) } else { None })
                } else {
                    None
                }
            })?;
        let content = std::iter::once(r.start..j - 1).collect::<Vec<_>>();
        let quote = self.quote_kind(&content);
        Some(Frame { speaker, via: Vec::new(), cue: Some(cue), content, quote, frame: j - 1..tail_end })
    }

    fn leading(&self, r: Range<usize>, k: usize, n: usize, cue: Cue, state: &DocState) -> Option<Frame> {
        self.leading_with(r, k, n, cue, state, false)
    }

    /// A frame whose speaker comes before its cue: "X said (that) …", "X
    /// has denied reports that …". With `wide` (the attribution listing
    /// only), a negated cue is a frame too ("the congressmen did not
    /// specify how much …"; a claim never takes it, since no speech is
    /// reported), and so is a second verb after "but" ("X did not
    /// apologize, but said …").
    fn leading_with(
        &self,
        r: Range<usize>,
        k: usize,
        n: usize,
        cue: Cue,
        state: &DocState,
        wide: bool,
    ) -> Option<Frame> {
        // Skip auxiliaries, adverbs and time phrases left of the cue.
        let mut j = k;
        loop {
            if j <= r.start {
                break;
            }
            let w = self.norm(j - 1);
            if is_aux(w) && w != "'s"
                || ADVERBS.contains(&w)
                || w.ends_with("ly") && self.is_word(j - 1) && !self.p.tokens[j - 1].capitalized
            {
                j -= 1;
                continue;
            }
            // "on Wednesday", "last week", "earlier this month", "on July 17"
            let is_time = |t: usize| is_time_word(self.norm(t)) || self.p.tokens[t].kind == TokenKind::Number;
            if is_time(j - 1) {
                let mut t = j - 1;
                while t > r.start && is_time(t - 1) {
                    t -= 1;
                }
                let words_start = t;
                while t > r.start
                    && matches!(
                        self.norm(t - 1),
                        "on" | "last" | "this" | "earlier" | "late" | "early" | "next" | "in" | "the" | "of"
                    )
                {
                    t -= 1;
                }
                if t < words_start || (words_start..j).any(|x| is_time_word(self.norm(x))) {
                    j = t;
                    continue;
                }
            }
            break;
        }
        let np_end = j;
        // A passive cue ("it should be noted", "had been reported") has no speaker.
        // ("were worried that …" is a feeling, not a passive; "has been
        // derided by the board" is, and its agent speaks.)
        // Nor has "was told to leave" or "was intended to help".
        if (np_end..k).any(|t| BE_FORMS.contains(&self.norm(t)))
            && (self.norm(k).ends_with("ed") || wide && crate::text::irregular(self.norm(k)).is_some())
            && (cue.class != CueClass::Attitude || !matches!(self.norm(k + n), "that" | "about"))
        {
            return None;
        }
        // A negated cue ("did not explain") reports no speech.
        if !wide && (np_end..k).any(|t| matches!(self.norm(t), "not" | "n't" | "never")) {
            return None;
        }
        let mut s = self.np_left(r.start, np_end);
        let mut np = s..np_end;
        // A reduced relative: the speaker is the noun before the participle
        // ("FBI notes released Monday revealed", "a poll published on Sunday
        // showed", "the memo disclosed by Tallow Leaks made").
        let participle = |t: usize| {
            t > r.start
                && self.is_finite_like(t)
                && self.is_word(t - 1)
                && !self.is_finite_like(t - 1)
                && !self.p.tokens[t].capitalized
                && !{
                    let w = self.norm(t - 1);
                    is_determiner(w) || is_aux(w) || PRONOUNS.contains(&w)
                }
        };
        let timed =
            (np_end..k).any(|t| is_time_word(self.norm(t)) || self.p.tokens[t].kind == TokenKind::Number);
        let head_end = if np.len() >= 2 && timed && participle(np.end - 1) {
            Some(np.end - 1)
        } else if np.start >= r.start + 2 && self.norm(np.start - 1) == "by" && participle(np.start - 2) {
            Some(np.start - 2)
        } else {
            None
        };
        if let Some(e) = head_end {
            s = self.np_left(r.start, e);
            np = s..e;
        }
        // "X, an opposition website, claimed …" / "One of the analysts, Name, decried …"
        if np.is_empty() && np_end > r.start + 1 && self.norm(np_end - 1) == "," {
            let inner_end = np_end - 1;
            let mut inner_start = self.np_left(r.start, inner_end);
            // An age: "Taylor Hirth, 31, said".
            if inner_start == inner_end
                && inner_end > r.start
                && self.p.tokens[inner_end - 1].kind == TokenKind::Number
            {
                inner_start = inner_end - 1;
            }
            // In the listing, the apposition may name several ("both
            // candidates, Democrat A and Republican B, say") or give
            // another name ("The network, also known as X, suggested").
            if wide {
                while inner_start > r.start + 1
                    && inner_start < inner_end
                    && self.norm(inner_start - 1) == "and"
                    && self.p.tokens[inner_start].capitalized
                {
                    inner_start = self.np_left(r.start, inner_start - 1);
                }
                if inner_start > r.start + 2
                    && self.norm(inner_start - 1) == "as"
                    && self.norm(inner_start - 2) == "known"
                {
                    inner_start -= 2;
                    if matches!(self.norm(inner_start - 1), "also" | "formerly" | "once" | "better") {
                        inner_start -= 1;
                    }
                }
            }
            if inner_start < inner_end && inner_start > r.start && self.norm(inner_start - 1) == "," {
                let outer_start = self.np_left(r.start, inner_start - 1);
                let outer = outer_start..inner_start - 1;
                let inner = inner_start..inner_end;
                let named = |x: &Range<usize>| {
                    self.speaker_from_np(x.clone(), state).filter(|sp| {
                        matches!(
                            sp.kind,
                            SpeakerKind::Person | SpeakerKind::Organization | SpeakerKind::Media
                        )
                    })
                };
                // The name in apposition speaks ("One of the analysts, Name,
                // decried"), not a name inside a description ("The mayor, a
                // member of the ruling party, said": the mayor).
                let is_name = |x: &Range<usize>| self.p.tokens[x.start].capitalized && named(x).is_some();
                np = if named(&outer).is_some() {
                    outer
                } else if is_name(&inner) {
                    inner
                } else {
                    outer
                };
                s = np.start;
            }
        }
        // A relative clause in apposition: "The company, which owns the
        // port, said …" -> the company.
        if np.is_empty() && np_end > r.start + 2 && self.norm(np_end - 1) == "," {
            let open = (r.start + 1..np_end - 1).rev().take(20).find(|&t| self.norm(t) == ",");
            if let Some(c) = open
                && matches!(self.norm(c + 1), "who" | "which")
                && !(c + 1..np_end - 1).any(|t| self.p.tokens[t].is_quote())
            {
                let head = self.np_left(r.start, c);
                if head < c {
                    np = head..c;
                    s = head;
                }
            }
        }
        // Coordinated speakers: "Experts in employment law and advocates of
        // women's rights say", "Tom Carper, Dianne Feinstein and Ben Cardin
        // said". Each conjunct is a noun phrase without a verb.
        if !np.is_empty() && s > r.start + 1 && self.norm(s - 1) == "and" {
            let left = self.np_left(r.start, s - 1);
            let mut start = left;
            // Earlier items of a list of names.
            while start > r.start + 1 && self.norm(start - 1) == "," && self.p.tokens[start].capitalized {
                let prev = self.np_left(r.start, start - 1);
                if prev == start - 1 || !self.p.tokens[prev].capitalized {
                    break;
                }
                start = prev;
            }
            let joined = start..np_end;
            if left < s - 1
                && !joined.clone().any(|t| self.is_finite_like(t) && !self.p.tokens[t].capitalized)
            {
                np = joined;
                s = np.start;
            }
        }
        // "X, who also told reporters" -> X
        if np.is_empty()
            && s > r.start + 1
            && matches!(self.norm(s - 1), "who" | "which")
            && self.norm(s - 2) == ","
        {
            let m = self.mentions.iter().rev().find(|m| m.toks.end == s - 2)?;
            np = m.toks.clone();
        }
        // "X did this and said that …" -> the sentence subject
        // (The listing also takes "X did not apologize, but said …".)
        if np.is_empty()
            && s > r.start
            && (self.norm(s - 1) == "and" || wide && matches!(self.norm(s - 1), "but" | ";"))
        {
            let subject_from = |b: usize| {
                let mut e = b;
                while e < s && !self.is_finite_like(e) && self.norm(e) != "," {
                    e += 1;
                }
                e
            };
            // An opening phrase set off by a comma ("On the other side, the
            // campaign expanded … and announced", "Asked about it, the
            // manager declined … and said") is not the subject: it follows.
            let first = self.norm(r.start);
            // A participle opens a phrase when a lowercase word follows it
            // ("Asked about …", "Speaking at …"); a name does not.
            let participle = first.len() > 4
                && (first.ends_with("ed") || first.ends_with("ing"))
                && r.start + 1 < s
                && self.is_word(r.start + 1)
                && !self.p.tokens[r.start + 1].capitalized;
            let opening = PREPOSITIONS.contains(&first) || participle;
            let b = opening
                .then(|| (r.start + 1..s.min(r.start + 12)).find(|&t| self.norm(t) == ","))
                .flatten()
                .map_or(r.start, |c| c + 1);
            np = b..subject_from(b);
            // "He also maintained …, and mocked him": not the adverb.
            while np.end > np.start && self.is_adverb(np.end - 1) {
                np.end -= 1;
            }
        }
        // "Marr in his speech said": the phrase about the speaker's own
        // occasion is no part of the name.
        if let Some(p) = (np.start + 1..np.end.saturating_sub(1)).find(|&t| {
            matches!(self.norm(t), "in" | "at" | "during" | "on")
                && matches!(self.norm(t + 1), "his" | "her" | "their" | "its")
        }) {
            np.end = p;
        }
        // "… have been reported" etc.: a passive cue has no speaker.
        if np.is_empty() || np.len() > 14 {
            return None;
        }
        // A noun phrase has no finite verb ("Velmora has rejected the latest
        // calls for"), negation or gerund ("the peacekeepers of not preventing").
        if np.clone().any(|t| {
            let w = self.norm(t);
            // A participle opening the phrase modifies its noun ("outraged
            // Democratic lawmakers", "the leaked memo").
            let modifier = w.ends_with("ed")
                && (t == np.start || is_determiner(self.norm(t - 1)))
                && self.modifies_next(t, np.end);
            !self.p.tokens[t].capitalized
                && (self.is_finite_like(t) && !modifier
                    || matches!(w, "not" | "n't" | "never")
                    || (w.ends_with("ing")
                        && w.len() > 5
                        // "leading Democrats", "private polling data": an
                        // -ing word before the noun it modifies.
                        && !self.modifies_next(t, np.end)
                        // "Public polling shows": a document word.
                        && !DOCUMENT_WORDS.contains(&w)
                        && !matches!(
                            w,
                            "ruling"
                                | "building"
                                | "meeting"
                                | "briefing"
                                | "hearing"
                                | "filing"
                                | "morning"
                                | "evening"
                        )))
        }) {
            return None;
        }
        // Nor numbers or two noun phrases side by side ("five times the number
        // the government admits"); "a nurse at the hospital" is fine.
        let dets = self.juxtaposed_articles(&np);
        let numeric = np.clone().any(|t| self.is_numeral(t) && !self.counts_speakers(t, &np));
        if (dets > 1 || numeric) && !np.clone().any(|t| self.norm(t) == ",") {
            return None;
        }
        // Say-type cues need a complement: "that", a colon, a quote, or a clause.
        // "explained to advisers that …" has one after its audience.
        // (In the listing, an infinitive is a complement too: "pledged to
        // veto the bill".)
        if cue.class == CueClass::Say
            && matches!(self.norm(k + n), "to" | "for" | "with")
            && self.norm(k) != "told"
            && !(wide && self.norm(k + n) == "to" && self.infinitive_at(k + n + 1))
            && !(k + n + 1..(k + n + 8).min(r.end)).any(|t| self.norm(t) == "that" || self.norm(t) == ":")
        {
            return None;
        }
        // In the listing, an opening time phrase is no part of the source
        // ("Last week I asked …").
        if wide {
            let mut t = np.start;
            while t < np.end
                && (matches!(self.norm(t), "last" | "this" | "next" | "earlier" | "later" | "late" | "early")
                    || is_time_word(self.norm(t)))
            {
                t += 1;
            }
            // A time that owns the rest ("Sunday's survey") stays.
            if t > np.start
                && t < np.end
                && self.norm(t) != "'s"
                && (t..np.end).any(|x| is_time_word(self.norm(x - 1)))
            {
                np.start = t;
            }
            // "what they say", "What we know is": the pronoun.
            if np.len() == 2 && self.norm(np.start) == "what" && PRONOUNS.contains(&self.norm(np.start + 1)) {
                np.start += 1;
            }
        }
        let speaker = self.speaker_from_np(np.clone(), state).or_else(|| {
            // "Voters say", "some state lobbyists said": any noun phrase
            // before a plain reporting verb.
            // So does a verb of attitude, whose head word was checked
            // (`heads_source`).
            // In the listing, evidence shows too ("its broadcasts show …").
            if matches!(cue.class, CueClass::Say | CueClass::Attitude)
                || wide && cue.class == CueClass::Endorsing
            {
                self.generic_speaker(np.clone())
            } else {
                None
            }
        });
        // In the listing, a part of a group speaks too ("some are
        // demanding", "Some of them had endorsed").
        let speaker = speaker.or_else(|| wide.then(|| self.quantified_speaker(np.clone())).flatten())?;
        // Denial or directive of an act: "rejected the calls for …" is an event.
        let mut c = k + n;
        while c < r.end
            && (is_determiner(self.norm(c))
                || self.p.tokens[c].capitalized
                || self.norm(c).ends_with("est")
                || self.norm(c) == "latest")
        {
            c += 1;
        }
        // (The listing takes it: rejecting a plan is a stance.)
        if !wide && matches!(cue.class, CueClass::Denial) && ACT_NOUNS.contains(&self.norm(c)) {
            return None;
        }
        // Content: after "that" if it comes soon, else right after the cue.
        let mut start = k + n;
        let mut t = k + n;
        let limit = (k + n + 16).min(r.end);
        while t < limit {
            let w = self.norm(t);
            // "that" opens the reported clause ("said last week that …",
            // "denied reports that …"), unless it follows a noun of the
            // clause itself ("told reporters the fire that led to …").
            if w == ":" || w == "that" && self.complementizer(t, k + n) {
                start = t + 1;
                break;
            }
            if self.p.tokens[t].kind == TokenKind::OpenQuote && t == k + n || w == "." {
                break;
            }
            if self.is_finite_like(t) && t > k + n + 1 {
                break;
            }
            t += 1;
        }
        // "told reporters the fire …": the audience is not the content.
        while start < r.end && AUDIENCE.contains(&self.norm(start)) && start == k + n {
            start += 1;
        }
        if self.norm(start) == "," {
            start += 1;
        }
        if !self.enough_content(start..r.end, cue.class, wide) {
            return None;
        }
        let content = std::iter::once(start..r.end).collect::<Vec<_>>();
        let quote = if self.p.tokens[start].kind == TokenKind::OpenQuote {
            let region = self.p.quote_at(self.p.tokens[start].span.end);
            if region.is_some_and(|q| q.close.is_none_or(|c| c.end + 3 >= self.p.tokens[r.end - 1].span.end))
            {
                QuoteKind::Direct
            } else {
                QuoteKind::Mixed
            }
        } else {
            self.quote_kind(&content)
        };
        Some(Frame { speaker, via: Vec::new(), cue: Some(cue), content, quote, frame: np.start..start })
    }

    /// A clause that opens with a reporting verb and no subject of its own
    /// ("…, but said B", "…, saying B", "…, adding, “B”"): the speaker is the
    /// sentence's, or, in the outlet's own voice, the subject of its first
    /// clause ("Ferris defended Marr, saying B" is Ferris's).
    fn subjectless_cue(
        &self,
        clause: Range<usize>,
        speaker: &Speaker,
        first: Range<usize>,
        state: &DocState,
    ) -> Option<Frame> {
        let k = clause.start;
        let found = self.entry_at(k, clause.end);
        let &(n, Entry::Cue(class)) = found.iter().find(|(_, e)| matches!(e, Entry::Cue(_)))? else {
            return None;
        };
        self.subjectless_frame(clause, n, *class, speaker, first, state)
    }

    /// [`Extractor::subjectless_cue`] for a cue of `n` tokens and `class`
    /// opening `clause`.
    fn subjectless_frame(
        &self,
        clause: Range<usize>,
        n: usize,
        class: CueClass,
        speaker: &Speaker,
        first: Range<usize>,
        state: &DocState,
    ) -> Option<Frame> {
        let k = clause.start;
        let w = self.norm(k);
        // A finite verb ("said", "denied") or a participle ("saying"); not a
        // bare form ending in "ss" ("…, press secretary for …").
        if !(w.ends_with("ed")
            || w.ends_with("ing")
            || crate::text::irregular(w).is_some()
            || w.ends_with('s') && !w.ends_with("ss"))
        {
            return None;
        }
        let who = if speaker.kind == SpeakerKind::Outlet {
            let verb = (first.start..first.end)
                .find(|&t| self.is_finite_like(t) || self.stems[t] == "be")
                .or_else(|| self.named_subject_end(first.clone()))?;
            self.speaker_from_np(first.start..verb, state)?
        } else {
            speaker.clone()
        };
        let mut start = k + n;
        while start < clause.end && matches!(self.norm(start), "," | ":" | "that") {
            start += 1;
        }
        if (start..clause.end).filter(|&t| self.is_word(t)).count() < 2 {
            return None;
        }
        let mut frame = self.frame_over(who, (k, n, class), start..clause.end, k..start);
        if self.p.tokens[start].kind == TokenKind::OpenQuote {
            frame.quote = QuoteKind::Direct;
        }
        Some(frame)
    }

    /// End of a clause's subject when it is a pronoun or names ("He often
    /// breaks for Democrats", "Mr. A and Mr. B cast their arguments"), for a
    /// clause whose verb is not recognisably finite. `None` unless a
    /// lowercase word (the verb) follows.
    fn named_subject_end(&self, clause: Range<usize>) -> Option<usize> {
        let mut end = clause.start;
        if PRONOUNS.contains(&self.norm(end)) && self.norm(end) != "it" {
            end += 1;
        } else {
            let starting = |t: usize| {
                let from = self.mentions.partition_point(|m| m.toks.start < t);
                self.mentions[from..].iter().take_while(|m| m.toks.start == t).find(|m| !m.description)
            };
            // A name, after any title words ("Mr.", "Press Secretary").
            let titled = |t: usize| {
                (t..(t + 4).min(clause.end))
                    .take_while(|&x| x == t || self.p.tokens[x - 1].capitalized || self.norm(x - 1) == ".")
                    .find_map(&starting)
            };
            end = titled(end)?.toks.end;
            while self.norm(end) == "and"
                && let Some(m) = titled(end + 1)
            {
                end = m.toks.end;
            }
        }
        let next = self.p.tokens.get(end)?;
        (end < clause.end && next.is_word() && !next.capitalized && !self.lex.is_function_word(&next.norm))
            .then_some(end)
    }

    /// Whether the "that" at token `t` introduces the reported clause of a
    /// cue ending before `after`: it follows the cue, a time phrase, a name,
    /// the audience, or a noun that takes a clause ("reports that").
    fn complementizer(&self, t: usize, after: usize) -> bool {
        if t == after {
            return true;
        }
        // "said after the talks that …", "said in a statement on Monday that …":
        // a prepositional phrase between the cue and "that".
        if matches!(
            self.norm(after),
            "after"
                | "before"
                | "during"
                | "following"
                | "in"
                | "on"
                | "at"
                | "through"
                | "via"
                | "late"
                | "earlier"
        ) && t - after <= 8
            && !(after + 1..t)
                .any(|x| self.is_finite_like(x) || matches!(self.norm(x), "," | "who" | "which"))
        {
            return true;
        }
        let p = &self.p.tokens[t - 1];
        let w = p.norm.as_str();
        !p.is_word()
            || p.capitalized
            || p.kind == TokenKind::Number
            || is_time_word(w)
            || AUDIENCE.contains(&w)
            || COMPLEMENT_NOUNS.contains(&self.stems[t - 1])
            || self.lex.is_function_word(w)
            || self.entry_at(t - 1, t).iter().any(|(_, e)| matches!(e, Entry::Cue(_)))
    }

    /// 2 if `np` holds two noun phrases side by side ("the number the
    /// government"), an article opening the second with no preposition or
    /// comma since the first ("a nurse at the hospital" is 1); else the
    /// number of articles (0 or 1).
    fn juxtaposed_articles(&self, np: &Range<usize>) -> usize {
        let (mut seen, mut linked) = (false, true);
        for t in np.clone() {
            let w = self.norm(t);
            if matches!(w, "the" | "a" | "an") {
                if seen && !linked {
                    return 2;
                }
                seen = true;
                linked = false;
            } else if matches!(w, "at" | "of" | "from" | "for" | "in" | "with" | "," | "on" | "by" | "and") {
                linked = true;
            }
        }
        usize::from(seen)
    }

    /// Start of the noun phrase that ends at token `end` (exclusive), not
    /// before `start`: words, possessives, and prepositional modifiers
    /// ("a nurse at St. Alder's", "the president of the Council").
    fn np_left(&self, start: usize, end: usize) -> usize {
        let mut s = end;
        while s > start && end - s < 14 {
            let t = &self.p.tokens[s - 1];
            let w = t.norm.as_str();
            let word_ok = t.is_word() && !BOUNDARIES.contains(&w);
            let possessive = w == "'s"
                || w == "-"
                || (w == "'" && s >= 2 && self.norm(s - 2).ends_with('s') && self.is_word(s - 2));
            let abbrev_dot =
                w == "." && s >= 2 && self.p.tokens[s - 2].capitalized && self.norm(s - 2).len() <= 3;
            // "officials with knowledge of the talks"
            let prep = matches!(w, "at" | "of" | "from" | "for" | "in" | "to" | "with")
                && s < end
                && s >= 2
                && self.is_word(s - 2)
                && !self.is_finite_like(s - 2)
                && (self.p.tokens[s].capitalized
                    || matches!(self.norm(s), "the" | "a" | "an")
                    // "experts in employment law", "advocates of women's rights",
                    // "director of speechwriting" (a gerund that ends the
                    // phrase names an activity, not an action of the phrase)
                    || (self.is_word(s)
                        && !self.is_finite_like(s)
                        && (!self.norm(s).ends_with("ing") || s + 1 == end && !self.p.tokens[s].capitalized)));
            if word_ok || possessive || abbrev_dot || prep {
                s -= 1;
            } else {
                break;
            }
        }
        s
    }

    /// Builds a speaker from a noun phrase (token range), resolving names,
    /// pronouns and descriptions. `None` if the phrase cannot be a speaker.
    fn speaker_from_np(&self, np: Range<usize>, state: &DocState) -> Option<Speaker> {
        let words: Vec<usize> = np.clone().filter(|&k| self.is_word(k)).collect();
        if words.is_empty() {
            return None;
        }
        let np_span = self.span_of(&np);
        let text = np_span.slice(self.text());
        // Mentions are in text order: only those starting inside the span.
        let from = self.mentions.partition_point(|m| m.span.start < np_span.start);
        let mentions: Vec<&Mention> = self.mentions[from..]
            .iter()
            .take_while(|m| m.span.start < np_span.end)
            .filter(|m| np_span.contains(m.span) && !m.description && m.referent.is_some())
            .collect();
        let lower: Vec<&str> = words.iter().map(|&k| self.norm(k)).collect();
        // Several named speakers: "Lund and Marr said".
        if lower.contains(&"and") && mentions.iter().filter(|m| !m.demonym).count() >= 2 {
            let kinds: Vec<EntityKind> = mentions
                .iter()
                .filter(|m| !m.demonym)
                .filter_map(|m| m.referent.map(|r| self.referents[r].kind))
                .collect();
            let kind = if kinds.iter().all(|k| *k == EntityKind::Person) {
                SpeakerKind::Person
            } else {
                SpeakerKind::Organization
            };
            let name = text.trim_start_matches(|c: char| !c.is_alphanumeric()).trim_end_matches([',', ' ']);
            return Some(Speaker { kind, name: name.to_string(), referent: None, span: Some(np_span) });
        }
        // Pronouns.
        if lower.len() == 1 && PRONOUNS.contains(&lower[0]) {
            let resolved = match lower[0] {
                "he" | "she" => state.last_person.clone(),
                // "I" and "we" are whoever is speaking, never a third party.
                "i" | "we" => None,
                "it" => state.last_org.clone().or_else(|| state.last_person.clone()),
                _ => state.last_org.clone().or_else(|| state.last_person.clone()),
            };
            // A pronoun with no named antecedent ("The minister arrived.
            // 'No,' she said.") is still someone other than the outlet.
            let unresolved =
                || Speaker { kind: SpeakerKind::Unnamed, name: text.to_string(), referent: None, span: None };
            return Some(resolved.unwrap_or_else(unresolved)).map(|mut s| {
                s.span = Some(np_span);
                s
            });
        }
        // "the statement (from X)"
        if lower.first() == Some(&"the")
            && lower.get(1).is_some_and(|w| matches!(*w, "statement" | "release" | "communique" | "report"))
            && lower.len() == 2
            && let Some(issuer) = &state.statement_issuer
        {
            return Some(issuer.clone());
        }
        let np_words_start = if lower.first().is_some_and(|w| is_determiner(w)) { 1 } else { 0 };
        // A named person or organisation inside the phrase.
        let person = mentions.iter().rev().find(|m| {
            self.referents[m.referent.unwrap_or(0)].kind == EntityKind::Person || m.kind == EntityKind::Person
        });
        if let Some(m) = person {
            let r = &self.referents[m.referent?];
            return Some(Speaker {
                kind: SpeakerKind::Person,
                name: r.name.clone(),
                referent: Some(r.id.clone()),
                span: Some(m.span),
            });
        }
        // Descriptions of a titled person: "the president", "the Velmoran President".
        if mentions.iter().all(|m| m.demonym)
            && words.len() <= 4
            && let Some(sp) = self.titled_person(&lower[np_words_start..], np_span)
        {
            return Some(sp);
        }
        // A name followed by a lowercase head noun names a body or group:
        // "Velmora's presidential press office", "Shipping agents".
        let last_word = *words.last()?;
        let head_after_name = !self.p.tokens[last_word].capitalized
            && mentions.iter().all(|m| m.span.end <= self.p.tokens[last_word].span.start);
        if let Some(m) =
            mentions.iter().filter(|m| !m.demonym).max_by_key(|m| m.span.len()).filter(|_| !head_after_name)
        {
            let r = &self.referents[m.referent?];
            let is_media = self.outlets.contains(&r.name.to_lowercase())
                || r.names.iter().any(|n| self.outlets.contains(&n.name.to_lowercase()))
                || m.words().next_back().is_some_and(|w| MEDIA_WORDS.contains(&w))
                    && m.kind != EntityKind::Person;
            let kind = if is_media { SpeakerKind::Media } else { SpeakerKind::Organization };
            return Some(Speaker {
                kind,
                name: r.name.clone(),
                referent: Some(r.id.clone()),
                span: Some(m.span),
            });
        }
        // A title-case headline runs its words into one long name ("Marr
        // Warns Lund Policy On Velmora …"), so a name of its own is not
        // found: a phrase of capitalised words that ends a person's or
        // body's name used elsewhere in the document is that referent.
        if mentions.is_empty()
            && let Some(sp) = self.referent_named(&np)
        {
            return Some(sp);
        }
        // Unnamed sources and descriptions: must contain a source word, a
        // title or an organisation word, or a demonym ("the Velmoran side").
        let has_source = words.iter().any(|&k| {
            self.entry_at(k, np.end)
                .iter()
                .any(|(_, e)| matches!(e, Entry::UnnamedSource | Entry::Title | Entry::OrgHead))
        }) || lower.iter().any(|w| SOURCE_GROUPS.contains(w) || DOCUMENT_WORDS.contains(w))
            || mentions.iter().any(|m| m.demonym)
            || head_after_name && !mentions.is_empty();
        if !has_source {
            return None;
        }
        let name = text.trim_start_matches(|c: char| !c.is_alphanumeric());
        let name = ["the ", "The ", "a ", "A ", "an ", "An "]
            .iter()
            .fold(name, |n, d| n.strip_prefix(d).unwrap_or(n));
        let org =
            words.iter().any(|&k| self.entry_at(k, np.end).iter().any(|(_, e)| matches!(e, Entry::OrgHead)));
        let kind = if mentions.iter().any(|m| m.demonym)
            || org
            || (head_after_name
                && mentions
                    .iter()
                    .any(|m| self.referents[m.referent.unwrap_or(0)].kind == EntityKind::Organization))
        {
            SpeakerKind::Organization
        } else {
            SpeakerKind::Unnamed
        };
        let kind = if org && lower.iter().any(|w| MEDIA_WORDS.contains(w)) && !lower.contains(&"office") {
            SpeakerKind::Media
        } else {
            kind
        };
        Some(Speaker { kind, name: name.to_string(), referent: None, span: Some(np_span) })
    }

    /// The person or body (or unclassified name, but not a place) whose
    /// name (any name the document uses for it)
    /// ends with the words of `np`, when they are one to four capitalised
    /// words: "Marr" for Ada Marr.
    fn referent_named(&self, np: &Range<usize>) -> Option<Speaker> {
        let words: Vec<usize> = np.clone().filter(|&k| self.is_word(k)).collect();
        if words.is_empty() || words.len() > 4 || words.iter().any(|&k| !self.p.tokens[k].capitalized) {
            return None;
        }
        let lower: Vec<&str> = words.iter().map(|&k| self.norm(k)).collect();
        // Only the referents this document names: the corpus's are as many as
        // its documents, and asking each of them for every capitalised
        // phrase made a large corpus quadratic (and could name another
        // story's referent).
        let mut named: Vec<usize> = self.mentions.iter().filter_map(|m| m.referent).collect();
        named.sort_unstable();
        named.dedup();
        // The most often named, where several share the words ("Marr" and
        // "Ada Marr" left apart).
        let r = named
            .iter()
            .filter_map(|&i| self.referents.get(i))
            .filter(|r| {
                r.kind != EntityKind::Place && r.names.iter().any(|n| name_ends_with(&n.name, &lower))
            })
            .max_by_key(|r| {
                (r.names.iter().map(|n| n.mentions).sum::<usize>(), std::cmp::Reverse(r.id.clone()))
            })?;
        let kind = if r.kind == EntityKind::Person { SpeakerKind::Person } else { SpeakerKind::Organization };
        Some(Speaker {
            kind,
            name: r.name.clone(),
            referent: Some(r.id.clone()),
            span: Some(self.span_of(np)),
        })
    }

    /// Whether token `t` is a numeral ("28", "forty-one").
    fn is_numeral(&self, t: usize) -> bool {
        self.p.tokens[t].kind == TokenKind::Number || names_a_number(self.norm(t))
    }

    /// Whether the verb "call" at `k` gives its object a label: "Marr
    /// called it “one of the great miscarriages”", "she called him a liar",
    /// "critics call the network a mouthpiece". A finite verb or a
    /// participle after a comma; its object a pronoun followed by a noun
    /// phrase or a quotation, or a noun phrase followed by a quotation. Not
    /// "called on", "a group called “X”" (no object) or "called the police".
    fn labels_object(&self, k: usize, r: &Range<usize>) -> bool {
        let tok = &self.p.tokens[k];
        let prev = if k > r.start { self.norm(k - 1) } else { "" };
        if tok.capitalized || is_determiner(prev) || tok.norm.ends_with("ing") && prev != "," {
            return false;
        }
        let label_at = |t: usize| t < r.end && self.p.tokens[t].kind == TokenKind::OpenQuote;
        let next = self.norm(k + 1);
        if matches!(next, "it" | "him" | "her" | "them" | "this" | "us" | "me") {
            return label_at(k + 2)
                || matches!(self.norm(k + 2), "a" | "an" | "the") && self.is_word(k + 3) && k + 3 < r.end;
        }
        let mut t = k + 1;
        let mut content_word = false;
        while t < r.end && t < k + 8 && !label_at(t) {
            let w = self.norm(t);
            // "called Holm a “very weak leader”": an article may open the label.
            let article_of_label = matches!(w, "a" | "an") && content_word && label_at(t + 1);
            if !self.is_word(t) && w != "'s"
                || self.is_finite_like(t)
                || matches!(w, "a" | "an") && !article_of_label
            {
                return false;
            }
            content_word |= !is_determiner(w) && !self.lex.is_function_word(w);
            t += 1;
        }
        content_word && label_at(t)
    }

    /// Whether the numeral at `t` counts the speakers of noun phrase `np`
    /// rather than being a figure inside it: a share or part of a group
    /// ("forty-one percent of respondents", "two of the officials"), or the
    /// group itself ("the two", "all three").
    fn counts_speakers(&self, t: usize, np: &Range<usize>) -> bool {
        let next = self.norm(t + 1);
        let share = t + 1 < np.end && matches!(next, "percent" | "%" | "of" | "per");
        let group = t + 1 == np.end
            && np.len() <= 2
            && (np.start == t || matches!(self.norm(np.start), "the" | "all" | "both" | "only" | "these"));
        // "10 women", "two senior members of the House": the numeral opens
        // the phrase and counts the people its plural head names.
        let opens = (np.start..t).all(|x| {
            matches!(
                self.norm(x),
                "the" | "only" | "some" | "about" | "nearly" | "almost" | "all" | "at" | "least"
            )
        });
        let head_end = (t + 1..np.end)
            .find(|&x| matches!(self.norm(x), "of" | "at" | "from" | "for" | "in" | "with" | "on" | ","))
            .unwrap_or(np.end);
        let people = opens && head_end > t + 1 && {
            let h = self.norm(head_end - 1);
            h.len() > 3
                && h.ends_with('s')
                && !self.p.tokens[head_end - 1].capitalized
                && crate::wordnet::get().names_agent(h)
        };
        share || group || people
    }

    /// Whether the -ing word at `t` modifies the next word of a noun phrase
    /// ending at `end` ("leading Democrats", "polling data") rather than
    /// taking an object ("accusing the government").
    fn modifies_next(&self, t: usize, end: usize) -> bool {
        t + 1 < end
            && self.is_word(t + 1)
            && !is_determiner(self.norm(t + 1))
            && !PRONOUNS.contains(&self.norm(t + 1))
            && !self.lex.is_function_word(self.norm(t + 1))
    }

    /// A speaker from any short noun phrase, for frames whose structure
    /// already says it is the speaker ("according to exit surveys", "“…,”
    /// the two said", "presidential historians say"): a noun at its head, no
    /// verb, negation, number or quotation mark inside.
    fn generic_speaker(&self, np: Range<usize>) -> Option<Speaker> {
        let words: Vec<usize> = np.clone().filter(|&k| self.is_word(k)).collect();
        let (&first, &last) = (words.first()?, words.last()?);
        let head = self.norm(last);
        let lower: Vec<&str> = words.iter().map(|&k| self.norm(k)).collect();
        // "In his public [remarks]", "Critical in both [states]": a
        // prepositional phrase or a quantifier is no speaker.
        let noun_like = words.len() <= 7
            && !PREPOSITIONS.contains(&self.norm(first))
            && !QUANTIFIER_HEADS.contains(&head)
            && head.len() >= 3
            && head.chars().all(|c| c.is_alphabetic() || c == '-')
            && !head.ends_with("ly")
            && !self.lex.is_function_word(head)
            && !PRONOUNS.contains(&head)
            && !BOUNDARIES.contains(&self.norm(first))
            && !np.clone().any(|t| {
                let tok = &self.p.tokens[t];
                tok.kind == TokenKind::Number && !self.counts_speakers(t, &np)
                    || tok.is_quote()
                    || matches!(tok.norm.as_str(), "not" | "n't" | "never" | "no")
                    || (self.is_finite_like(t) && !tok.capitalized)
            });
        let group = matches!(lower.as_slice(), ["the", "two" | "three" | "four"] | ["both"] | ["both", _]);
        if !noun_like && !group {
            return None;
        }
        let span = self.span_of(&(first..last + 1));
        let name = span.slice(self.text());
        let name = ["the ", "The ", "a ", "A ", "an ", "An "]
            .iter()
            .fold(name, |n, d| n.strip_prefix(d).unwrap_or(n));
        Some(Speaker { kind: SpeakerKind::Unnamed, name: name.to_string(), referent: None, span: Some(span) })
    }

    /// "the president", "the Velmoran President": the most recent person
    /// mentioned so far in this document whose title ends with these words.
    fn titled_person(&self, words: &[&str], np_span: Span) -> Option<Speaker> {
        if words.is_empty() {
            return None;
        }
        let wanted: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let head = wanted.last()?;
        let is_title = self.lex.lookup_words(&[head.as_str()]).iter().any(|(_, e)| matches!(e, Entry::Title));
        if !is_title {
            return None;
        }
        let before = self.mentions.partition_point(|m| m.span.start < np_span.start);
        let m = self.mentions[..before].iter().rev().find(|m| {
            m.kind == EntityKind::Person
                && m.title.as_deref().is_some_and(|t| {
                    let t = crate::text::normalize(t);
                    let tw: Vec<&str> = t.split_whitespace().collect();
                    wanted.iter().all(|w| tw.contains(&w.as_str()))
                })
        })?;
        let r = &self.referents[m.referent?];
        Some(Speaker {
            kind: SpeakerKind::Person,
            name: r.name.clone(),
            referent: Some(r.id.clone()),
            span: Some(np_span),
        })
    }

    /// Splits a content range into clauses, appended to `out`. Each clause
    /// is given as its cut is found (a list of the cuts first cost two
    /// allocations a content range).
    fn split_clauses_into(&self, r: Range<usize>, out: &mut Vec<Range<usize>>) {
        let from = out.len();
        // The clause from cut `a` to cut `b`, without a leading conjunction;
        // a piece of fewer than two words joins the clause before it.
        let emit = |out: &mut Vec<Range<usize>>, mut a: usize, b: usize| {
            while a < b
                && matches!(
                    self.norm(a),
                    "," | "and" | "but" | "while" | "whereas" | "yet" | ";" | "though" | "although"
                )
            {
                a += 1;
            }
            if (a..b).filter(|&t| self.is_word(t)).count() >= 2 {
                out.push(a..b);
            } else if let Some(last) = out[from..].last_mut() {
                last.end = b;
            }
        };
        let mut last_cut = r.start;
        let mut k = r.start;
        let mut depth = 0i32;
        while k < r.end {
            let t = &self.p.tokens[k];
            let w = self.norm(k);
            match w {
                "(" | "[" => depth += 1,
                ")" | "]" => depth -= 1,
                _ => {}
            }
            let in_quote = self
                .p
                .quote_at(t.span.start)
                .is_some_and(|q| q.inner.start > self.p.tokens[r.start].span.start);
            if depth > 0 || in_quote {
                k += 1;
                continue;
            }
            let next = self.norm(k + 1);
            let cut_here = match w {
                ";" => Some(k + 1),
                "," if matches!(
                    next,
                    "while"
                        | "whereas"
                        | "but"
                        | "yet"
                        | "whatever"
                        | "whoever"
                        | "however"
                        | "though"
                        | "although"
                ) =>
                {
                    Some(k + 1)
                }
                // ", (four hours) before / after / when <clause>": a time clause
                // with its own finite verb is its own claim.
                "," if {
                    let mut t = k + 1;
                    while t < r.end
                        && t < k + 6
                        && !matches!(self.norm(t), "before" | "after" | "when" | "until" | "because")
                    {
                        t += 1;
                    }
                    t < r.end
                        && t < k + 6
                        && (t + 1..(t + 7).min(r.end)).any(|v| self.is_finite_like(v))
                        && (k + 1..t).all(|v| !self.is_finite_like(v))
                } =>
                {
                    Some(k + 1)
                }
                "," if next == "of" && self.norm(k + 2) == "which" => Some(k + 1),
                // ", saying …", ", adding that …": a participle reporting speech.
                "," if REPORTING_PARTICIPLES.contains(&next) => Some(k + 1),
                "and"
                    if self.norm(k + 1).ends_with("ing")
                        && self.norm(k + 1).len() > 5
                        && (last_cut..k).any(|t| {
                            self.norm(t).ends_with("ing")
                                && self.norm(t).len() > 5
                                && t > r.start
                                && self.norm(t - 1) == ","
                        }) =>
                {
                    // Parallel participles: "…, killing 12 people and injuring 30".
                    Some(k)
                }
                "and" | "but" => {
                    let left_verb = (last_cut..k).any(|t| self.is_finite_like(t));
                    let right_verb = (k + 1..(k + 6).min(r.end)).any(|t| self.is_finite_like(t))
                        && !self.is_finite_like(k + 1);
                    // "Valdish and Norlandic sides": names joined, not clauses.
                    let names_joined = k > r.start
                        && self.p.tokens[k - 1].capitalized
                        && self.p.tokens.get(k + 1).is_some_and(|t| t.capitalized);
                    (left_verb && right_verb && !names_joined).then_some(k)
                }
                _ => None,
            };
            if let Some(c) = cut_here {
                let words_left = (last_cut..c).filter(|&t| self.is_word(t)).count();
                if words_left >= 3 {
                    emit(out, last_cut, c);
                    last_cut = c;
                }
            }
            k += 1;
        }
        emit(out, last_cut, r.end);
    }

    #[allow(clippy::too_many_arguments)]
    fn build_claim(
        &self,
        si: usize,
        span: Span,
        content_span: Span,
        clause: Range<usize>,
        speaker: &Speaker,
        via: &[Speaker],
        cue: Option<&Cue>,
        quote: QuoteKind,
        quantities: &[Quantity],
        dates: &[DateMention],
        question: bool,
    ) -> Claim {
        let text = self.text();
        let toks = clause.clone();
        // Negations, hedges, modals.
        let mut negations = Vec::new();
        let mut hedges = Vec::new();
        let mut modal = false;
        let mut falsity: Option<(usize, Marker)> = None;
        let mut endorsing = Vec::new();
        let mut k = toks.start;
        while k < toks.end {
            let found = self.entry_at(k, toks.end);
            let mut step = 1;
            for (n, e) in found {
                let m = Marker {
                    text: self.span_of(&(k..k + n)).slice(text).to_string(),
                    span: self.span_of(&(k..k + n)),
                };
                match e {
                    Entry::Negation => {
                        negations.push(m);
                        step = *n;
                        break;
                    }
                    Entry::Hedge => {
                        hedges.push(m);
                        step = *n;
                        break;
                    }
                    Entry::Modal if !self.p.tokens[k].capitalized || k == toks.start => {
                        // Only a modal that governs the clause counts: one
                        // before its first finite verb ("would close", "if …"),
                        // not one in a later subordinate phrase ("broke up the
                        // camp, ending a standoff over the plan to divert …").
                        let first_finite = (toks.start..k)
                            .find(|&t| self.is_finite_like(t) && !MODAL_WORDS.contains(&self.norm(t)));
                        if first_finite.is_none()
                            && (!matches!(self.norm(k), "may") || !self.p.tokens[k].capitalized)
                        {
                            modal = true;
                        }
                    }
                    Entry::Falsity if falsity.is_none() => {
                        let inside_quote = self.p.quote_at(self.p.tokens[k].span.start).is_some()
                            && speaker.kind == SpeakerKind::Outlet;
                        if !inside_quote {
                            falsity = Some((k, m));
                        }
                    }
                    Entry::Endorsing => endorsing.push(m),
                    _ => {}
                }
            }
            k += step;
        }
        let polarity = if negations.is_empty() { Polarity::Positive } else { Polarity::Negative };
        let denial_cue = cue
            .filter(|c| c.class == CueClass::Denial)
            .map(|c| Marker { text: c.text.clone(), span: c.span });
        let modality = if question {
            Modality::Question
        } else if cue.is_some_and(|c| c.class == CueClass::Directive) {
            Modality::Directive
        } else if modal {
            Modality::Hypothetical
        } else if !hedges.is_empty() {
            Modality::Hedged
        } else {
            Modality::Asserted
        };
        // Stance.
        let mut stance = Stance::Neutral;
        let mut stance_cues = Vec::new();
        if let Some(c) = cue {
            match c.class {
                CueClass::Distancing => {
                    stance = Stance::Distancing;
                    stance_cues.push(Marker { text: c.text.clone(), span: c.span });
                }
                CueClass::Endorsing => {
                    stance = Stance::Endorsing;
                    stance_cues.push(Marker { text: c.text.clone(), span: c.span });
                }
                _ => {}
            }
        }
        if stance == Stance::Neutral && !endorsing.is_empty() && speaker.kind == SpeakerKind::Outlet {
            stance = Stance::Endorsing;
            stance_cues.extend(endorsing);
        }
        // Falsity words in the attribution frame ("without offering proof") distance.
        let sentence = &self.p.sentences[si];
        if speaker.kind != SpeakerKind::Outlet {
            for k in sentence.toks.clone() {
                if self.span_of(&(k..k + 1)).overlaps(content_span) {
                    continue;
                }
                for (n, e) in self.entry_at(k, sentence.toks.end) {
                    if matches!(e, Entry::Falsity) {
                        let s = self.span_of(&(k..k + n));
                        stance = Stance::Distancing;
                        stance_cues.push(Marker { text: s.slice(text).to_string(), span: s });
                    }
                }
            }
        }
        // Entities.
        let mut entities = Vec::new();
        for m in self.sentence_mentions(si).iter().filter(|m| content_span.contains(m.span)) {
            if let Some(r) = m.referent {
                entities.push(EntityRef {
                    referent: self.referents[r].id.clone(),
                    text: m.surface.as_str().to_owned(),
                    span: m.span,
                });
            }
        }
        let denial = denial_cue.clone().or_else(|| falsity.as_ref().map(|(_, m)| m.clone()));
        let states = self.states(
            si,
            clause.clone(),
            content_span,
            &negations,
            denial_cue.as_ref(),
            falsity.as_ref(),
            modality,
            cue,
            quantities,
        );
        let framing = self.framing_markers(clause.clone(), Some((speaker, cue, quote)), false);
        // Numbers inside names ("Pier 9", "Route 66") are not quantities.
        let in_name = |q: &Quantity| {
            self.sentence_mentions(si).iter().any(|m| !m.description && m.span.contains(q.span))
        };
        let mut claim_quantities: Vec<Quantity> =
            quantities.iter().filter(|q| content_span.contains(q.span) && !in_name(q)).cloned().collect();
        claim_quantities.extend(self.zero_counts(clause.clone()));
        claim_quantities.sort_by_key(|q| q.span);
        let claim_dates: Vec<DateMention> =
            dates.iter().filter(|d| content_span.contains(d.span)).cloned().collect();
        let mut features =
            self.features(clause.clone(), &claim_quantities, &claim_dates, denial_cue.is_some());
        features.referents = crate::compare::referent_order(&entities);
        Claim {
            id: String::new(),
            doc: self.doc.id.clone(),
            outlet: self.doc.meta.outlet.clone(),
            sentence: si,
            span,
            text: span.slice(text).to_string(),
            speaker: speaker.clone(),
            via: via.to_vec(),
            cue: cue.cloned(),
            quote,
            stance,
            stance_cues,
            content: content_span,
            polarity,
            negations,
            denial,
            hedges,
            modality,
            entities,
            quantities: claim_quantities,
            dates: claim_dates,
            states,
            framing,
            headline: false,
            features: Box::new(features),
        }
    }

    /// Counts of zero: "no one", "nobody", "no protesters", "not one farmer".
    fn zero_counts(&self, clause: Range<usize>) -> Vec<Quantity> {
        let mut out = Vec::new();
        let mut k = clause.start;
        while k < clause.end {
            let w = self.norm(k);
            let (len, head): (usize, Option<usize>) = match w {
                "nobody" => (1, None),
                "no" if self.norm(k + 1) == "one" => (2, None),
                "not"
                    if self.norm(k + 1) == "one"
                        && self.p.tokens.get(k + 2).is_some_and(|t| t.is_word() && !t.capitalized) =>
                {
                    (2, Some(k + 2))
                }
                "no" if self.p.tokens.get(k + 1).is_some_and(|t| {
                    t.is_word() && !t.capitalized && !self.lex.is_function_word(&t.norm)
                }) =>
                {
                    // "no protesters", "no arrests": a plural noun, possibly after one adjective.
                    let plural = |t: usize| {
                        self.p.tokens.get(t).is_some_and(|x| {
                            x.is_word()
                                && x.norm.len() > 3
                                && x.norm.ends_with('s')
                                && !x.norm.ends_with("ss")
                        })
                    };
                    if plural(k + 1) {
                        (1, Some(k + 1))
                    } else if plural(k + 2) && self.p.tokens.get(k + 2).is_some_and(|t| !t.capitalized) {
                        (1, Some(k + 2))
                    } else {
                        (0, None)
                    }
                }
                _ => (0, None),
            };
            if len == 0 {
                k += 1;
                continue;
            }
            let span = self.span_of(&(k..k + len));
            let (head, head_span) = match head {
                Some(h) => (Some(self.norm(h).to_string()), Some(self.p.tokens[h].span)),
                None => (Some("people".to_string()), None),
            };
            out.push(Quantity {
                span,
                text: span.slice(self.text()).to_string(),
                value: crate::quantity::Interval::point(0.0),
                qualifier: None,
                kind: crate::quantity::QuantityKind::Cardinal,
                head,
                head_span,
            });
            k += len;
        }
        out
    }

    /// Word-level features of a clause for the comparison stage.
    fn features(
        &self,
        clause: Range<usize>,
        quantities: &[Quantity],
        dates: &[DateMention],
        denied: bool,
    ) -> Features {
        let mut f = Features::default();
        // Whether each token of the clause is a function word, looked up
        // once: the passes below ask up to four times a token.
        // Bits for the first 256 tokens (a clause is rarely longer), so no
        // list is allocated for each claim.
        let function_in_clause = |k: usize| self.is_word(k) && self.lex.is_function_word(self.norm(k));
        let mut function = [0u64; 4];
        // The content words among them, for the room `f.stems` takes: grown
        // word by word, it was allocated three or four times a claim.
        let mut content = 0;
        for (i, k) in clause.clone().take(256).enumerate() {
            if function_in_clause(k) {
                function[i / 64] |= 1 << (i % 64);
            } else if self.is_word(k) {
                content += 1;
            }
        }
        f.stems.reserve_exact(content);
        let is_function = |k: usize| {
            let i = k.wrapping_sub(clause.start);
            if i < 256 && k < clause.end {
                function[i / 64] >> (i % 64) & 1 == 1
            } else if clause.contains(&k) {
                function_in_clause(k)
            } else {
                self.lex.is_function_word(self.norm(k))
            }
        };
        // Whether each content word of the first 256 tokens is finite-like,
        // found once here for the nouns below.
        let mut finite = [0u64; 4];
        for k in clause.clone() {
            let t = &self.p.tokens[k];
            if !t.is_word() || is_function(k) {
                continue;
            }
            let st = CompactString::from(self.stems[k]);
            f.stems.push(st.clone());
            let finite_like = self.is_finite_like(k);
            let i = k - clause.start;
            if finite_like && i < 256 {
                finite[i / 64] |= 1 << (i % 64);
            }
            let verb_like = (finite_like && !is_aux(t.norm.as_str()))
                || (t.norm.ends_with("ing")
                    && t.norm.len() > 5
                    && !t.capitalized
                    && k > clause.start
                    && is_aux(self.norm(k - 1)));
            if verb_like
                && !f.verbs.contains(&st)
                && !self.entry_at(k, k + 1).iter().any(|(_, e)| matches!(e, Entry::Cue(_)))
            {
                f.verbs.push(st);
            }
        }
        // A content word's answer from above; any other token's computed.
        let is_finite_like = |k: usize| {
            let i = k.wrapping_sub(clause.start);
            if i < 256 && k < clause.end && !is_function(k) {
                finite[i / 64] >> (i % 64) & 1 == 1
            } else {
                self.is_finite_like(k)
            }
        };
        // Content words under a negation (the next few words) or a denial (all).
        let mut k = clause.start;
        while k < clause.end {
            let neg = self.entry_at(k, clause.end).iter().find(|(_, e)| matches!(e, Entry::Negation));
            if let Some((n, _)) = neg {
                let mut t = k + n;
                let mut taken = 0;
                while t < clause.end
                    && taken < 3
                    && !matches!(
                        self.norm(t),
                        "," | ";"
                            | "."
                            | "but"
                            | ":"
                            | "in"
                            | "on"
                            | "at"
                            | "for"
                            | "with"
                            | "by"
                            | "from"
                            | "to"
                            | "of"
                            | "into"
                            | "through"
                            | "about"
                            | "over"
                            | "against"
                            | "during"
                            | "after"
                            | "before"
                    )
                {
                    if self.is_word(t) && !is_function(t) {
                        f.negated.push(self.stems[t].into());
                        taken += 1;
                    }
                    t += 1;
                }
                k = t;
                continue;
            }
            k += 1;
        }
        f.topics = self.topics.clone();
        f.story_day = self.story_day.get();
        for v in &f.verbs {
            if !crate::compare::is_generic_verb(v) && !f.events.contains(v) {
                f.events.push(v.clone());
            }
        }
        // Event keys of each token: a non-generic verb stem, an event class
        // of the word or of a verb with its particle ("moved in", "blew up").
        // Held inline (a class or a stem is under 24 bytes): each was
        // allocated, and copied again for the dates.
        let token_events = |k: usize| -> Vec<CompactString> {
            let mut ev = Vec::new();
            let t = &self.p.tokens[k];
            if !t.is_word() {
                return ev;
            }
            let st = self.stems[k];
            if let Some(c) = crate::compare::event_class(st) {
                ev.push(["class:", c].concat_compact());
            }
            if let Some(c) = crate::compare::phrase_event_class(st, self.norm(k + 1)) {
                ev.push(["class:", c].concat_compact());
            }
            if f.verbs.iter().any(|v| v.as_str() == st) && !crate::compare::is_generic_verb(st) {
                ev.push(st.into());
            }
            ev
        };
        // Each token's events, found once: the dates below ask for them
        // again at every token of the clause.
        let events: Vec<Vec<CompactString>> = clause.clone().map(token_events).collect();
        let events_at = |k: usize| &events[k - clause.start];
        for e in events.iter().flatten() {
            if !f.events.iter().any(|x| x == e) {
                f.events.push(e.clone());
            }
        }
        // The events each date belongs to: those of the nearest word that
        // names an event. An aspectual verb ("started", "broke out", "began")
        // also passes the date to the event its clause is about ("the fire
        // that led to the explosion started at 2 p.m." dates the fire).
        const ASPECTUAL: &[&str] = &[
            "start", "begin", "began", "begun", "break", "broke", "erupt", "occur", "happen", "end",
            "continu", "last", "resum",
        ];
        for d in dates {
            let (ds, de) = (self.p.token_at(d.span.start), self.p.token_at(d.span.end));
            let mut near: Vec<CompactString> = Vec::new();
            let mut nearest: Option<(usize, usize, &Vec<CompactString>)> = None;
            for k in clause.clone() {
                if k >= ds && k < de {
                    continue;
                }
                let dist = if k < ds { ds - k } else { k + 1 - de };
                let ev = events_at(k);
                let aspectual = ASPECTUAL.contains(&self.stems[k]) && self.p.tokens[k].is_word();
                if ev.is_empty() && !aspectual {
                    continue;
                }
                if nearest.as_ref().is_none_or(|(nd, _, _)| dist < *nd) {
                    nearest = Some((dist, k, ev));
                }
            }
            if let Some((_, k, ev)) = nearest {
                near.extend(ev.iter().cloned());
                if ASPECTUAL.contains(&self.stems[k]) {
                    let subject =
                        (clause.start..k).find(|&t| events_at(t).iter().any(|e| e.starts_with("class:")));
                    if let Some(t) = subject {
                        near.extend(events_at(t).iter().cloned());
                    }
                }
            }
            // A date opening the clause ("On May 1, …", "Since December 12, …")
            // dates the clause's main event, wherever it comes.
            let opening = ds <= clause.start + 1 && self.norm(de) == ",";
            if opening {
                near = clause
                    .clone()
                    .filter(|&k| k < ds || k >= de)
                    .flat_map(|k| events_at(k).iter().cloned())
                    .collect();
            }
            near.sort();
            near.dedup();
            f.date_events.push(near);
        }
        f.recency = clause.clone().any(|k| {
            matches!(self.norm(k), "last" | "first")
                && !self.p.tokens[k].capitalized
                && (self.is_finite_like(k + 1) || self.norm(k + 1) == "time")
        });
        // Lowercase content words that are not verbs: what the claim is about.
        for k in clause.clone() {
            let t = &self.p.tokens[k];
            if t.is_word()
                && !t.capitalized
                && !is_function(k)
                && !is_finite_like(k)
                && !is_time_word(t.norm.as_str())
                && t.norm.len() > 2
                && !f.nouns.iter().any(|x| x.as_str() == self.stems[k])
            {
                f.nouns.push(self.stems[k].into());
            }
        }
        // Two-word lowercase terms, and which of them are negated.
        let is_term_word = |t: usize| {
            let tok = &self.p.tokens[t];
            tok.is_word() && !tok.capitalized && !is_function(t) && tok.norm.len() > 2
        };
        // The first four content words (`usize::MAX` fills the rest).
        let mut first_content = [usize::MAX; 4];
        for (slot, t) in first_content.iter_mut().zip(clause.clone().filter(|&t| is_term_word(t))) {
            *slot = t;
        }
        for t in clause.start..clause.end.saturating_sub(1) {
            if is_term_word(t) && is_term_word(t + 1) {
                let term = [self.stems[t], " ", self.stems[t + 1]].concat_compact();
                let negated = f.negated.iter().any(|x| x.as_str() == self.stems[t])
                    && f.negated.iter().any(|x| x.as_str() == self.stems[t + 1])
                    || denied && first_content.contains(&t) && first_content.contains(&(t + 1));
                if negated {
                    f.negated_terms.push(term.clone());
                }
                f.terms.push(term);
            }
        }
        for q in quantities {
            let qk = self.p.token_at(q.span.start);
            let qe = self.p.token_at(q.span.end);
            // "N people were at the camp": a count of those present.
            let head_end = q.head_span.map_or(qe, |h| self.p.token_at(h.end));
            let presence = matches!(self.norm(head_end), "was" | "were" | "are" | "is")
                && matches!(self.norm(head_end + 1), "at" | "in" | "on" | "inside" | "outside" | "near");
            // The measure is what the count counts: read from the predicate
            // after it ("eight people died", "23 people were taken away", "no
            // protesters needed hospital treatment"), else from the words before
            // it ("killing 12 people", "the death toll at eight"), else from
            // presence ("were at the camp") or the counted noun ("no arrests").
            let measure_at = |k: usize| -> Option<&'static str> {
                let st = self.stems[k];
                if st == "take" && matches!(self.norm(k + 1), "away" | "into") {
                    return Some("arrest");
                }
                // "the stadium holds 40,000", "the hall can hold 500 (up
                // to 500)": capacity, not custody.
                if matches!(st, "hold" | "held")
                    && (self.norm(k) == "holds"
                        || matches!(
                            self.norm(k.wrapping_sub(1)),
                            "can" | "could" | "will" | "would" | "may" | "might"
                        )
                        || self.norm(k + 1) == "up" && self.norm(k + 2) == "to")
                {
                    return None;
                }
                crate::compare::measure_group(st)
            };
            let verb = (head_end..clause.end).take(8).find(|&k| self.is_finite_like(k));
            let after = verb.and_then(|v| (v..(v + 4).min(clause.end)).find_map(measure_at));
            let before = || (qk.saturating_sub(4).max(clause.start)..qk).rev().find_map(measure_at);
            let group = after
                .or_else(before)
                .or(presence.then_some("attendance"))
                .or_else(|| {
                    q.head.as_deref().and_then(|h| {
                        crate::compare::measure_group(&crate::text::stem(&crate::quantity::head_stem(h)))
                    })
                })
                .map(str::to_string)
                .or_else(|| verb.filter(|&v| !is_aux(self.norm(v))).map(|v| self.stems[v].to_owned()));
            f.measures.push(group);
            f.heads.push(q.head.as_deref().map(crate::compare::head_word));
            f.shown.push(crate::compare::show_interval(q));
        }
        f
    }

    /// Referent ids a mention stands for: its referent, and for a definite
    /// description ("the port") also `~port`, which links the same
    /// description across the articles of one story.
    fn mention_ids(&self, m: &Mention) -> Vec<String> {
        let mut ids = Vec::new();
        if let Some(r) = m.referent {
            ids.push(self.referents[r].id.clone());
        }
        if m.description {
            let head = m.surface.rsplit(' ').next().unwrap_or("").to_lowercase();
            ids.push(["~", head.trim_end_matches('s')].concat());
        }
        ids
    }

    /// Referent ids a state word at token `k` is about: named mentions in
    /// its clause, after it (objects) first, then before it (subjects),
    /// nearest first, within twelve tokens. Demonyms, possessors ("X's
    /// calls") and agents ("by X") are not themes.
    fn themes(&self, si: usize, k: usize, clause: &Range<usize>) -> Vec<String> {
        let mut scored: Vec<(usize, usize, usize, usize)> = Vec::new();
        let first = self.mentions.partition_point(|m| m.sentence < si);
        for (mi, m) in self
            .sentence_mentions(si)
            .iter()
            .enumerate()
            .map(|(i, m)| (first + i, m))
            .filter(|(_, m)| !m.demonym && (m.referent.is_some() || m.description))
        {
            if m.toks.start < clause.start || m.toks.end > clause.end {
                continue;
            }
            let possessor = self.norm(m.toks.end) == "'s";
            let agent = m.toks.start > 0 && self.norm(m.toks.start - 1) == "by";
            if possessor || agent {
                continue;
            }
            if m.toks.contains(&k) {
                continue; // the word is part of the name
            }
            let (tier, dist) =
                if m.toks.start >= k { (0, m.toks.start - k) } else { (1, k.saturating_sub(m.toks.end)) };
            if dist > 12 {
                continue;
            }
            scored.push((tier, dist, m.span.start, mi));
        }
        scored.sort();
        let mut out: Vec<String> = Vec::new();
        for (_, _, _, mi) in scored {
            for id in self.mention_ids(&self.mentions[mi]) {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        out
    }

    /// The head noun of what a state word applies to when it is not a
    /// name: the first noun after it ("rejected the calls"), or before it
    /// for a passive ("the statement was signed").
    fn object_of(&self, k: usize, n: usize, clause: &Range<usize>) -> Option<String> {
        let mut b = k;
        while b > clause.start && (ADVERBS.contains(&self.norm(b - 1)) || self.norm(b - 1).ends_with("ly")) {
            b -= 1;
        }
        let passive = b > clause.start
            && matches!(self.norm(b - 1), "was" | "were" | "been" | "is" | "are" | "be" | "being");
        let is_noun = |t: usize| {
            let tok = &self.p.tokens[t];
            tok.is_word()
                && !tok.capitalized
                && !self.lex.is_function_word(&tok.norm)
                && !tok.norm.ends_with("ly")
                && !self.is_finite_like(t)
        };
        if passive {
            let mut t = k - 1;
            while t > clause.start {
                t -= 1;
                if is_noun(t) {
                    return Some(self.stems[t].to_owned());
                }
                if self.p.tokens[t].capitalized || matches!(self.norm(t), "," | "that" | "which") {
                    return None;
                }
            }
            return None;
        }
        let mut t = k + n;
        let mut last = None;
        while t < clause.end && t < k + n + 6 {
            let w = self.norm(t);
            if is_noun(t) {
                last = Some(t);
                // The head is the last noun of a run ("joint statement").
                if !self.p.tokens.get(t + 1).is_some_and(|_| is_noun(t + 1)) {
                    break;
                }
            } else if last.is_some()
                || matches!(
                    w,
                    "," | "."
                        | ";"
                        | "on"
                        | "in"
                        | "at"
                        | "to"
                        | "by"
                        | "with"
                        | "through"
                        | "along"
                        | "across"
                )
            {
                break;
            }
            t += 1;
        }
        if last.is_none() && k > clause.start && is_noun(k - 1) && self.norm(k).ends_with("ed") {
            // A participle after its noun: "a document signed on …".
            return Some(self.stems[k - 1].to_string());
        }
        last.map(|t| self.stems[t].to_owned())
    }

    #[allow(clippy::too_many_arguments)]
    fn states(
        &self,
        si: usize,
        clause: Range<usize>,
        content_span: Span,
        negations: &[Marker],
        denial: Option<&Marker>,
        falsity: Option<&(usize, Marker)>,
        modality: Modality,
        cue: Option<&Cue>,
        quantities: &[Quantity],
    ) -> Vec<StateAssertion> {
        let text = self.text();
        let mut out: Vec<StateAssertion> = Vec::new();
        let mut k = clause.start;
        let directive =
            modality == Modality::Directive || cue.is_some_and(|c| c.class == CueClass::Directive);
        while k < clause.end {
            let found = self.entry_at(k, clause.end);
            let Some(&(n, entry)) =
                found.iter().find(|(_, e)| matches!(e, Entry::Pole { .. } | Entry::Presupposes { .. }))
            else {
                k += 1;
                continue;
            };
            let word_span = self.span_of(&(k..k + n));
            let marker = Marker { text: word_span.slice(text).to_string(), span: word_span };
            // Skip words inside scare quotes in the outlet's voice? No: keep, framing handles them.
            let norm = self.norm(k).to_string();
            let prev = if k > clause.start { self.norm(k - 1).to_string() } else { String::new() };
            let prev2 = if k > clause.start + 1 { self.norm(k - 2).to_string() } else { String::new() };
            let infinitive = prev == "to" || (prev.ends_with("ly") && prev2 == "to");
            let gerund = norm.ends_with("ing");
            let nominal = is_determiner(prev.as_str())
                || self.norm(k + n) == "of"
                || prev.ends_with("-month")
                || prev.ends_with("-day")
                || prev.ends_with("-week")
                || (prev.ends_with("ing") && !gerund);
            let gerund_subject = gerund
                && (k == clause.start || prev == ",")
                && (k + n..clause.end).any(|t| matches!(self.norm(t), "was" | "is" | "were" | "are"));
            // Modal right before the word (within 3 tokens).
            let modal_near = (k.saturating_sub(3).max(clause.start)..k).any(|t| {
                matches!(self.norm(t), "would" | "should" | "may" | "might" | "must" | "will" | "shall")
                    && !self.p.tokens[t].capitalized
            });
            // Negation scope: a negation within the 4 tokens before, only
            // auxiliaries, adverbs, "to", "be" in between.
            let neg = negations.iter().find(|m| {
                m.span.end <= word_span.start && {
                    let nt = self.p.token_at(m.span.start);
                    let nt_end = self.p.token_at(m.span.end);
                    k >= nt_end
                        && k - nt_end <= 4
                        && (nt_end..k).all(|t| {
                            let w = self.norm(t);
                            is_aux(w)
                                || ADVERBS.contains(&w)
                                || w.ends_with("ly")
                                || matches!(w, "to" | "be" | "been" | "any" | "a" | "the" | "yet")
                        })
                        && nt >= clause.start
                }
            });
            let mut themes = self.themes(si, k, &clause);
            let object = self.object_of(k, n, &clause);
            let (concept, pole, movement, presupposed) = match entry {
                Entry::Pole { concept, pole, movement } => (*concept, *pole, *movement, false),
                Entry::Presupposes { concept, pole, requires } => {
                    if !requires.is_empty() && !clause.clone().any(|t| requires.contains(&self.stems[t])) {
                        k += n;
                        continue;
                    }
                    (*concept, *pole, false, true)
                }
                _ => unreachable_pole(),
            };
            let c = &self.lex.concepts()[concept];
            // Evaluative concepts (legal, peaceful, true) are labels, left to framing.
            if c.kind == crate::lexicon::ConceptKind::Evaluative {
                k += n;
                continue;
            }
            // A word inside a name ("the Red Cross") or an adjective of
            // nearness ("close to an agreement") is no state word.
            let in_name =
                self.sentence_mentions(si).iter().any(|m| !m.description && m.span.contains(word_span));
            if in_name || (norm == "close" && self.norm(k + n) == "to") {
                k += n;
                continue;
            }
            // The head of a noun compound ("the apartment block at noon"): a
            // bare verb form after a determiner and a lowercase noun, with no
            // object after it, whose usual noun sense is a physical thing,
            // names that thing, not the state. Acts and changes ("the price
            // increase", "the road closure") are kept.
            let compound_head = n == 1
                && k >= clause.start + 2
                && is_determiner(prev2.as_str())
                && self.p.tokens[k - 1].is_word()
                && !self.p.tokens[k - 1].capitalized
                && !self.lex.is_function_word(&prev)
                && !is_aux(prev.as_str())
                && !prev.ends_with("ly")
                && !norm.ends_with("ed")
                && !gerund
                && self
                    .p
                    .tokens
                    .get(k + 1)
                    .is_none_or(|t| !t.is_word() || self.lex.is_function_word(&t.norm))
                && !matches!(
                    self.norm(k + 1),
                    "the"
                        | "a"
                        | "an"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "this"
                        | "these"
                        | "those"
                        | "it"
                        | "them"
                        | "him"
                        | "all"
                        | "any"
                )
                // WordNet last: the costliest tests, on the fewest words.
                && crate::wordnet::get().noun_not_adjective(&prev)
                && crate::wordnet::get().names_a_thing(&norm);
            if compound_head {
                k += n;
                continue;
            }
            // A word the outlet marks ("so-called X", a scare-quoted “X”) is not its assertion.
            let marked = self
                .p
                .quote_at(word_span.start)
                .is_some_and(|q| q.close.is_some() && q.inner.len() < 40)
                || matches!(
                    prev.as_str(),
                    "so-called" | "alleged" | "supposed" | "purported" | "self-proclaimed" | "self-styled"
                );
            if marked {
                k += n;
                continue;
            }
            // An attributive adjective describes its noun ("illegal mining",
            // "closed businesses"), unless that noun is movement itself
            // ("unimpeded movement").
            let attributive = !presupposed
                && !nominal
                && !gerund
                && self.p.tokens.get(k + n).is_some_and(|t| {
                    t.is_word()
                        && !t.capitalized
                        && !self.lex.is_function_word(&t.norm)
                        && !t.norm.ends_with("ly")
                })
                && !self.is_finite_like(k + n)
                && !(k > clause.start && is_aux(self.norm(k - 1)));
            const MOVEMENT_NOUNS: &[&str] =
                &["movement", "traffic", "passage", "access", "transit", "flow", "travel"];
            if attributive && !MOVEMENT_NOUNS.contains(&self.norm(k + n)) {
                k += n;
                continue;
            }
            let object = if c.kind == crate::lexicon::ConceptKind::Event { object.clone() } else { None };
            // States of people are about people: named persons, else the
            // story's unnamed people as one group.
            if c.of_people {
                // The themes are this sentence's mentions: look among them,
                // not through every referent of the corpus (that scan grew
                // with the square of the corpus).
                let person = |id: &String| {
                    self.sentence_mentions(si).iter().any(|m| {
                        m.referent.is_some_and(|r| {
                            let r = &self.referents[r];
                            r.id == *id && r.kind == EntityKind::Person
                        })
                    })
                };
                themes.retain(person);
                if themes.is_empty() {
                    themes.push("~people".to_string());
                }
            }
            let mut push = |holds: bool, basis: Basis, negation: Option<Marker>, count: Option<Marker>| {
                if out.iter().any(|s| s.concept == c.id && s.cue.span == marker.span) {
                    return;
                }
                out.push(StateAssertion {
                    concept: c.id.clone(),
                    label: c.a_label.clone(),
                    opposite: c.b_label.clone(),
                    holds,
                    basis,
                    cue: marker.clone(),
                    negation,
                    themes: themes.clone(),
                    object: object.clone(),
                    count,
                });
            };
            if presupposed {
                push(pole == Pole::A, Basis::Presupposed, None, None);
                k += n;
                continue;
            }
            // B-pole change verbs under a directive presuppose A ("urged them to open the road").
            if infinitive {
                if directive && pole == Pole::B && !movement {
                    push(true, Basis::Presupposed, None, None);
                }
                k += n;
                continue;
            }
            if gerund_subject || modal_near {
                k += n;
                continue;
            }
            if nominal && !gerund {
                // "the blockade of X": presupposes pole A; a nominal B is not a state claim.
                if pole == Pole::A && neg.is_none() {
                    let (holds, basis, negation) = match denial {
                        Some(d) => (false, Basis::Denied, Some(d.clone())),
                        None => (true, Basis::Presupposed, None),
                    };
                    push(holds, basis, negation, None);
                }
                k += n;
                continue;
            }
            if gerund && is_determiner(prev.as_str()) {
                k += n;
                continue;
            }
            // Under a directive ("ordered them to ensure unimpeded movement"),
            // a word of pole B presupposes pole A; pole A words are not asserted.
            if directive {
                if pole == Pole::B && neg.is_none() {
                    push(true, Basis::Presupposed, None, None);
                }
                k += n;
                continue;
            }
            let mut holds = pole == Pole::A;
            let mut basis = Basis::Lexical;
            let mut negation = None;
            if let Some(m) = neg {
                holds = !holds;
                basis = Basis::Negated;
                negation = Some(m.clone());
            }
            if let Some(d) = denial {
                holds = !holds;
                basis = Basis::Denied;
                negation = Some(d.clone());
            } else if let Some((fk, fm)) = falsity
                && *fk > k
                && (clause.start..k).any(|t| self.norm(t) == "that")
            {
                holds = !holds;
                basis = Basis::Denied;
                negation = Some(fm.clone());
            }
            // Movement is through a place: "passed through the road", "move
            // in both directions", not "passed an inspection".
            if movement && n == 1 {
                let mut t = k + n;
                while t < clause.end && self.norm(t).ends_with("ly") {
                    t += 1;
                }
                // The path needs its object: "moved in both directions", not
                // "moved in before 5 a.m." (an intervention, not traffic).
                let object_follows = self.p.tokens.get(t + 1).is_some_and(|x| {
                    x.is_word()
                        && !is_time_word(x.norm.as_str())
                        && !matches!(x.norm.as_str(), "before" | "after" | "at" | "by" | "to" | "on" | "in")
                });
                let path = matches!(self.norm(t), "freely" | "unhindered")
                    || matches!(
                        self.norm(t),
                        "through"
                            | "along"
                            | "across"
                            | "over"
                            | "via"
                            | "on"
                            | "into"
                            | "out"
                            | "in"
                            | "past"
                            | "between"
                    ) && object_follows
                    || self.sentence_mentions(si).iter().any(|m| m.toks.start == t);
                if !path {
                    k += n;
                    continue;
                }
            }
            let mut count = None;
            if basis == Basis::Lexical {
                if movement {
                    basis = Basis::Movement;
                }
                // A count of what the state applies to, before the word in
                // this clause: "980 vehicles passed", "23 people were detained".
                let mut counted = quantities.iter().filter(|q| {
                    content_span.contains(q.span)
                        && q.span.end <= word_span.start
                        && q.value.low > 0.0
                        && matches!(q.kind, crate::quantity::QuantityKind::Cardinal)
                        && self.p.token_at(word_span.start).saturating_sub(self.p.token_at(q.span.end)) <= 8
                });
                // Only movers ("980 vehicles passed") and people ("23 people
                // were detained") are counted; "two workers shut the terminal"
                // counts the agents, not what was shut.
                if let Some(q) = counted.next_back().filter(|_| movement || c.of_people) {
                    basis = Basis::Counted;
                    count = Some(Marker { text: q.text.clone(), span: q.span });
                }
            }
            push(holds, basis, negation, count);
            k += n;
        }
        out
    }

    /// Framing markers in a range: scare quotes, distancing and endorsing
    /// words, loaded labels.
    fn framing_markers(
        &self,
        r: Range<usize>,
        attribution: Option<(&Speaker, Option<&Cue>, QuoteKind)>,
        headline: bool,
    ) -> Vec<FramingMarker> {
        let text = self.text();
        let mut out: Vec<FramingMarker> = Vec::new();
        let outer = self.span_of(&r);
        let own_voice = attribution.is_none_or(|(s, _, _)| s.kind == SpeakerKind::Outlet);
        let direct = attribution.is_some_and(|(_, _, q)| q == QuoteKind::Direct);
        // Scare quotes: short quoted terms inside the range (not in title-case
        // headlines, where quotes mark a quoted call or phrase).
        if !direct && !headline {
            for q in self.p.quotes.iter().filter(|q| outer.contains(q.outer())) {
                if q.close.is_none() {
                    continue;
                }
                // At most four words (counted in constant time: nested
                // quotes would otherwise cost their whole length each).
                let inner_words =
                    self.p.words_in(self.p.token_at(q.inner.start)..self.p.token_at(q.inner.end));
                if inner_words == 0 || inner_words > 4 {
                    continue;
                }
                // A sentence-like quote ("… yet ready for signing.") is a quotation.
                let inner_text = q.inner.slice(text).trim_end();
                if inner_text.ends_with(['.', '!', '?']) {
                    continue;
                }
                // So is an utterance with a subject pronoun ("“They let it
                // burn”: …", "“We will return”"): scare quotes mark terms.
                let first_word = self.norm(self.p.token_at(q.inner.start));
                if matches!(first_word, "i" | "we" | "you" | "they" | "he" | "she") {
                    continue;
                }
                // In reported speech with a neutral cue, quoted words are the
                // speaker's (a partial quotation), not the outlet's distance.
                // Labelling verbs ("described it as “X”", "branded it “X”") put the
                // label in the speaker's mouth and keep the outlet's distance.
                // "Called it “X”" quotes the speaker's own words: a partial
                // quotation, like "said it was “X”".
                let labelling = attribution.is_some_and(|(_, c, _)| {
                    c.is_some_and(|c| {
                        let w = crate::text::normalize(&c.text);
                        ["describ", "term", "label", "brand", "dub", "characteri"]
                            .iter()
                            .any(|l| w.starts_with(l))
                    })
                });
                let neutral_report = !own_voice
                    && !headline
                    && !labelling
                    && attribution.is_some_and(|(_, c, _)| c.is_some_and(|c| c.class == CueClass::Say));
                if neutral_report {
                    continue;
                }
                let inner_toks: Vec<usize> = (self.p.token_at(q.inner.start)..self.p.token_at(q.inner.end))
                    .filter(|&k| self.is_word(k))
                    .collect();
                let head = *inner_toks.last().unwrap_or(&0);
                let keys = self.target_keys(&inner_toks, head);
                out.push(FramingMarker {
                    kind: FramingKind::ScareQuotes,
                    cue: Marker { text: q.outer().slice(text).to_string(), span: q.outer() },
                    target: Some(Marker { text: q.inner.slice(text).to_string(), span: q.inner }),
                    keys,
                });
            }
        }
        let mut k = r.start;
        while k < r.end {
            let found = self.entry_at(k, r.end);
            let mut step = 1;
            if let Some(&(n, e)) =
                found.iter().find(|(_, e)| matches!(e, Entry::Distancing | Entry::Endorsing | Entry::Loaded))
            {
                let span = self.span_of(&(k..k + n));
                let cue = Marker { text: span.slice(text).to_string(), span };
                let in_direct_quote = self.p.quote_at(span.start).is_some_and(|q| q.inner.len() > 40);
                match e {
                    Entry::Distancing => {
                        // Target: a quoted term right after, or the next words.
                        let t0 = k + n;
                        let (target, head) = if let Some(q) = self
                            .p
                            .tokens
                            .get(t0)
                            .filter(|t| t.kind == TokenKind::OpenQuote)
                            .and_then(|t| self.p.quote_at(t.span.end))
                        {
                            let last = self.p.token_at(q.inner.end).saturating_sub(1);
                            (Some(Marker { text: q.inner.slice(text).to_string(), span: q.inner }), last)
                        } else {
                            let mut e = t0;
                            while e < r.end
                                && e < t0 + 4
                                && self.is_word(e)
                                && !self.lex.is_function_word(self.norm(e))
                                && !self.is_finite_like(e)
                            {
                                e += 1;
                            }
                            if e > t0 {
                                let s = self.span_of(&(t0..e));
                                (Some(Marker { text: s.slice(text).to_string(), span: s }), e - 1)
                            } else {
                                (None, k)
                            }
                        };
                        let target_toks: Vec<usize> = match &target {
                            Some(t) => (self.p.token_at(t.span.start)..self.p.token_at(t.span.end))
                                .filter(|&x| self.is_word(x))
                                .collect(),
                            None => Vec::new(),
                        };
                        let mut keys =
                            if target.is_some() { self.target_keys(&target_toks, head) } else { Vec::new() };
                        // Self-descriptions also mark their subject: "activists claiming to be X".
                        let self_desc = cue.text.contains("themselves")
                            || cue.text.starts_with("claim")
                            || cue.text.starts_with("call");
                        if self_desc {
                            let mut s = k;
                            while s > r.start && matches!(self.norm(s - 1), "who" | "which" | "that" | ",") {
                                s -= 1;
                            }
                            // Generic people ("citizens who identified themselves as")
                            // add nothing; "activists claiming to be" does.
                            const GENERIC_PEOPLE: &[&str] = &[
                                "citizen", "peopl", "person", "resid", "men", "women", "individu", "group",
                                "member",
                            ];
                            if s > r.start
                                && self.is_word(s - 1)
                                && !GENERIC_PEOPLE.contains(&self.stems[s - 1])
                            {
                                for key in self.term_keys(s - 1) {
                                    if !keys.contains(&key) {
                                        keys.push(key);
                                    }
                                }
                            }
                        }
                        if !keys.is_empty() {
                            out.push(FramingMarker { kind: FramingKind::Distancing, cue, target, keys });
                        }
                    }
                    Entry::Endorsing if own_voice => {
                        out.push(FramingMarker {
                            kind: FramingKind::Endorsing,
                            cue,
                            target: None,
                            keys: vec![self.stem_key(k)],
                        });
                    }
                    Entry::Loaded if !in_direct_quote || own_voice => {
                        let last = k + n - 1;
                        out.push(FramingMarker {
                            kind: FramingKind::Loaded,
                            cue: cue.clone(),
                            target: Some(cue),
                            keys: self.term_keys(last),
                        });
                    }
                    _ => {}
                }
                step = n;
            }
            k += step;
        }
        out.sort();
        out.dedup();
        out
    }

    /// Keys of a marked term: a name (`name:zangezur corridor`) when it
    /// holds a capitalised word past its first, else [`Self::term_keys`] of its head.
    fn target_keys(&self, toks: &[usize], head: usize) -> Vec<String> {
        // A capitalised word marks a name, except in a title-case headline.
        let headline = toks.first().is_some_and(|&t| {
            self.p.sentences.iter().any(|s| s.toks.contains(&t) && s.kind == SentenceKind::Headline)
        });
        let named = !headline && toks.iter().any(|&t| self.p.tokens[t].capitalized);
        if named && toks.len() >= 2 {
            let s = self.span_of(&(toks[0]..toks[toks.len() - 1] + 1));
            return vec![format!("name:{}", crate::lexicon::name_key(s.slice(self.text())))];
        }
        self.term_keys(head)
    }

    fn stem_key(&self, k: usize) -> String {
        let norm = self.norm(k);
        let last = norm.rsplit('-').next().unwrap_or(norm);
        crate::text::stem(last)
    }

    /// Keys grouping a term across outlets: the concept pole if the word is
    /// one, else the stem of its last hyphen part.
    fn term_keys(&self, k: usize) -> Vec<String> {
        let norm = self.norm(k);
        let last = norm.rsplit('-').next().unwrap_or(norm);
        let st = crate::text::stem(last);
        for (_, e) in self.lex.lookup_words(&[last]) {
            if let Entry::Pole { concept, pole, .. } = e {
                let c = &self.lex.concepts()[*concept];
                let label = if *pole == Pole::A { &c.a_label } else { &c.b_label };
                return vec![format!("{}:{}", c.id, label)];
            }
        }
        vec![st]
    }
}

/// Whether an unnamed speaker is one person ("a nurse at the hospital", "the
/// crane operator"), whom a later "he" or "she" can stand for, rather than a
/// group ("officials", "police") or a pronoun.
fn is_one_person(name: &str) -> bool {
    let lower = name.to_lowercase();
    let head = lower.split(" at ").next().unwrap_or(&lower).split(" of ").next().unwrap_or(&lower);
    let Some(last) = head.split_whitespace().last() else { return false };
    !PRONOUNS.contains(&last)
        && !DOCUMENT_WORDS.contains(&last)
        && !matches!(
            last,
            "police" | "people" | "staff" | "military" | "government" | "team" | "they" | "crew" | "media"
        )
        && !(last.ends_with('s') && !last.ends_with("ss"))
}

fn unreachable_pole() -> (usize, Pole, bool, bool) {
    (0, Pole::A, false, true)
}

#[cfg(test)]
mod tests {
    use crate::{Analyzer, Document, SpeakerKind};

    /// The words of time, as the list they were: days, months, spans of
    /// time, "today" and "yesterday"; not abbreviations or other words.
    #[test]
    fn time_words_are_the_listed_ones() {
        let listed = "monday tuesday wednesday thursday friday saturday sunday week month year morning \
                      afternoon evening night weekend day january february march april may june july august \
                      september october november december today yesterday";
        for w in listed.split_whitespace() {
            assert!(super::is_time_word(w), "{w}");
        }
        for w in ["jan", "jan.", "sept", "days", "tomorrow", "hour", "Monday", "", "mayor"] {
            assert!(!super::is_time_word(w), "{w}");
        }
    }

    /// `name_ends_with` answers as normalising every word of the name and
    /// comparing its last words did.
    #[test]
    fn name_endings_match_the_normalised_words() {
        let old = |name: &str, norms: &[&str]| {
            let words: Vec<String> = name.split_whitespace().map(crate::text::normalize).collect();
            words.len() >= norms.len()
                && words[words.len() - norms.len()..].iter().zip(norms).all(|(a, b)| a == b)
        };
        let names = [
            "Ada Marr",
            "Marr",
            "ADA  MARR",
            "Şəhla Ağayeva",
            "Jean-Luc D\u{2019}Arcy",
            "O`Neil",
            "",
            "Ada Marr Jr",
        ];
        let norms: [&[&str]; 9] = [
            &["marr"],
            &["ada", "marr"],
            &["sahla", "agayeva"],
            &["agayeva"],
            &["d'arcy"],
            &["jean-luc", "d'arcy"],
            &["o'neil"],
            &[],
            &["x", "ada", "marr"],
        ];
        for name in names {
            for n in norms {
                assert_eq!(super::name_ends_with(name, n), old(name, n), "{name:?} {n:?}");
            }
        }
        assert!(super::name_ends_with("Şəhla Ağayeva", &["sahla", "agayeva"]));
        assert!(super::name_ends_with("ADA  MARR", &["ada", "marr"]));
    }

    /// The entries found once per token answer as the lexicon does, for
    /// every token and every end, asked in either order.
    #[test]
    fn remembered_entries_are_the_lexicons() {
        use foldhash::HashSet;

        use super::Extractor;
        use crate::entity;
        use crate::lexicon::Lexicon;
        use crate::prepare::Prepared;

        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/kestrel-dam-camp/000_vnr-news.txt"
        ))
        .expect("fixture")
            + " According to the police, it was not closed; officials denied it, saying the road was reopened.";
        let lex = Lexicon::default();
        let doc = Document::new("d", "Daily Example", text);
        let prepared = [Prepared::new(&doc.text)];
        let vocab = entity::vocabulary(&prepared);
        let mut mentions = vec![entity::find_mentions(&doc.text, &prepared[0], &lex, &vocab)];
        let referents =
            entity::resolve(&mut mentions, &prepared, std::slice::from_ref(&doc.id), &lex, &vocab);
        let outlets = HashSet::default();
        let n = prepared[0].tokens.len();
        let reach = lex.max_phrase_len() + 2;
        let mut found = 0;
        for descending in [false, true] {
            let ex = Extractor::new(&doc, &prepared[0], &mentions[0], &referents, &lex, &outlets);
            for k in 0..n + 2 {
                let mut ends: Vec<usize> = (k.saturating_sub(1)..k + reach).collect();
                if descending {
                    ends.reverse();
                }
                for end in ends {
                    let want = prepared[0].lookup(&lex, k, end);
                    found += want.len();
                    assert_eq!(ex.entry_at(k, end), want, "token {k}, end {end}");
                }
            }
        }
        assert!(found > 100, "the text matches the lexicon often ({found})");
    }

    /// (speaker name or "outlet", cue text, claim text) for each claim of one article.
    fn claims(text: &str) -> Vec<(String, String, String)> {
        let doc = Document::new("d", "Daily Example", text).published(jiff::civil::date(2024, 3, 6));
        let a = Analyzer::new().analyze(vec![doc]).expect("analysis");
        a.claims()
            .iter()
            .map(|c| {
                let who = if c.speaker.kind == SpeakerKind::Outlet {
                    "outlet".to_string()
                } else {
                    c.speaker.name.clone()
                };
                (who, c.cue.as_ref().map(|q| q.text.clone()).unwrap_or_default(), c.text.clone())
            })
            .collect()
    }

    /// Speaker and cue of the claim that contains `needle`.
    fn speaker_of(text: &str, needle: &str) -> (String, String) {
        let all = claims(text);
        let (who, cue, _) = all
            .iter()
            .find(|(_, _, t)| t.contains(needle))
            .unwrap_or_else(|| panic!("no claim with {needle:?}: {all:#?}"));
        (who.clone(), cue.clone())
    }

    #[test]
    fn attribution_table() {
        let cases: &[(&str, &str, &str, &str)] = &[
            // (text, a piece of the claim, speaker, cue)
            (
                "Interior Minister Mara Ostrov said the bridge was closed.",
                "bridge was closed",
                "Mara Ostrov",
                "said",
            ),
            ("“We will not leave,” Mara Ostrov said on Monday.", "We will not leave", "Mara Ostrov", "said"),
            ("“We will not leave,” said Mara Ostrov.", "We will not leave", "Mara Ostrov", "said"),
            // A pronoun with no named antecedent is still not the outlet.
            ("The convoy stopped. “It cannot go on this way,” she said.", "cannot go on", "she", "said"),
            // "he" or "she" after an unnamed person stands for that person.
            (
                "A nurse at the hospital said the morgue was full. “We have no room,” she said.",
                "We have no room",
                "nurse at the hospital",
                "said",
            ),
            // A quoted phrase inside a clause is not a quote-first frame.
            (
                "Okafor said he is “surprised and troubled” by lawmakers he says are echoing the nominee.",
                "surprised and troubled",
                "Okafor",
                "said",
            ),
            // A leading frame after an introductory phrase, not a trailing one.
            (
                "In an interview aired on Tuesday, Mara Ostrov said she believes the accusations were invented.",
                "accusations were invented",
                "Mara Ostrov",
                "said",
            ),
            // An inverted trailing frame with an appositive.
            (
                "Such income is concentrated among the top 1 percent, said Lily Barrow, a tax expert.",
                "concentrated among the top",
                "Lily Barrow",
                "said",
            ),
            // A subjectless reporting verb after the main clause.
            (
                "Mr. Kelly said the state was winnable, but said voters could not be taken for granted.",
                "could not be taken",
                "Kelly",
                "said",
            ),
            (
                "Mara Ostrov defended the plan, saying the first alarm came at 2 p.m.",
                "first alarm came",
                "Mara Ostrov",
                "saying",
            ),
            (
                "“That is enough,” Mara Ostrov said, adding, “We will act.”",
                "We will act",
                "Mara Ostrov",
                "adding",
            ),
            // Speakers with an age, a document, coordinated speakers, and
            // ''double apostrophes'' as quotation marks.
            ("Taylor Hirth, 31, said she stayed silent.", "stayed silent", "Taylor Hirth", "said"),
            ("“Voters are not buying it,” the email said.", "not buying it", "email", "said"),
            (
                "Experts in employment law and advocates of workers say harassment can flourish.",
                "harassment can flourish",
                "Experts in employment law and advocates of workers",
                "say",
            ),
            ("''We would not object,'' Ms. Lund said.", "would not object", "Lund", "said"),
            // A participle before its noun is not a cue.
            (
                "The ministry accused the peacekeepers of not preventing the country’s alleged shipments of arms.",
                "peacekeepers of not preventing",
                "ministry",
                "accused",
            ),
            // A contrast clause with its own speaker.
            (
                "Agents said nine vessels were waiting, though port officials said the berths were working normally.",
                "berths were working",
                "port officials",
                "said",
            ),
            ("The bridge was closed on Monday, police said.", "bridge was closed", "police", "said"),
            (
                "According to the Harbor Gazette, the bridge was closed.",
                "bridge was closed",
                "Harbor Gazette",
                "According to",
            ),
            (
                "The bridge was closed, according to witnesses.",
                "bridge was closed",
                "witnesses",
                "according to",
            ),
            (
                "The Harbor Gazette, an opposition website, claimed that the bridge was closed.",
                "bridge was closed",
                "Harbor Gazette",
                "claimed",
            ),
            (
                "A nurse at St. Alder’s said the hospital was full.",
                "hospital was full",
                "nurse at St. Alder’s",
                "said",
            ),
            (
                "The Dockworkers’ Union says its members will stay out.",
                "members will stay out",
                "Dockworkers’ Union",
                "says",
            ),
            ("Shipping agents said nine ships were waiting.", "nine ships", "Shipping agents", "said"),
            (
                "Mara Ostrov has denied reports that the bridge was closed.",
                "bridge was closed",
                "Mara Ostrov",
                "denied",
            ),
            (
                "Opposition politicians also alleged that workers had reported smoke.",
                "reported smoke",
                "Opposition politicians",
                "alleged",
            ),
            (
                "Cargo handling continued, and the port remained open, according to the Port Authority.",
                "remained open",
                "Port Authority",
                "according to",
            ),
            (
                "“It was quiet,” Tomas Brell, head of the Dockworkers’ Union, told the Gazette.",
                "It was quiet",
                "Tomas Brell",
                "told",
            ),
            // A surname ending in "-est" is not a superlative.
            (
                "Press Secretary Dana Earnest said last week that the pier was safe.",
                "pier was safe",
                "Dana Earnest",
                "said",
            ),
            // An -ing word before its noun is a modifier, not a verb.
            (
                "Other leading farmers said the canal had run dry.",
                "canal had run dry",
                "Other leading farmers",
                "said",
            ),
            (
                "Officials with knowledge of the talks said the deal was close.",
                "deal was close",
                "Officials with knowledge of the talks",
                "said",
            ),
            // Numbers that count the speakers.
            ("The two said they had taken their pleas to the mayor.", "taken their pleas", "two", "said"),
            (
                "Forty-one percent of respondents say the tunnel should close.",
                "tunnel should close",
                "Forty-one percent of respondents",
                "say",
            ),
            // A reduced relative: the document speaks, not the agency after "by".
            (
                "The memo disclosed by the ministry on Wednesday shows the dam was leaking.",
                "dam was leaking",
                "memo",
                "shows",
            ),
            (
                "A survey published on Sunday showed support for the plan falling.",
                "support for the plan",
                "survey",
                "showed",
            ),
            // A label given with "call".
            (
                "Mara Ostrov called the closure “an act of sabotage”.",
                "act of sabotage",
                "Mara Ostrov",
                "called",
            ),
            ("Critics call it a mouthpiece of the ministry.", "mouthpiece", "Critics", "call"),
            // A participle after a comma, with a subject the heuristics do not
            // see as finite ("breaks", "cast").
            (
                "Mara Ostrov and Tomas Brell cast their case in practical terms, saying the pier must reopen.",
                "pier must reopen",
                "Mara Ostrov and Tomas Brell",
                "saying",
            ),
        ];
        for (text, needle, who, cue) in cases {
            assert_eq!(speaker_of(text, needle), (who.to_string(), cue.to_string()), "{text}");
        }
    }

    #[test]
    fn not_attributions() {
        let cases: &[(&str, &str)] = &[
            ("It should be noted that the bridge was closed.", "bridge was closed"),
            ("Officials did not explain the discrepancy.", "discrepancy"),
            ("At least 40 people were killed, five times the number the government admits.", "40 people"),
            ("Velmora has rejected the latest calls for an end to the blockade.", "blockade"),
            ("A group of activists claiming to be environmentalists blocked the road.", "blocked the road"),
            // "call" without a label: a name, a summons, a directive.
            ("A militia called the “Free Army” seized the town.", "seized the town"),
            ("Police called the fire brigade to the scene on Monday.", "fire brigade"),
            // "no" before a cue word makes it a modifier ("no direct reference").
            ("The memo made no direct reference to the minister.", "direct reference"),
        ];
        for (text, needle) in cases {
            assert_eq!(speaker_of(text, needle).0, "outlet", "{text}");
        }
    }

    #[test]
    fn pronouns_and_descriptions_resolve() {
        let text = "Interior Minister Mara Ostrov spoke on Monday. She said the bridge was closed. \
                    The Harbor Authority issued a statement. It said the port was open. \
                    “We are ready,” the minister added.";
        assert_eq!(speaker_of(text, "bridge was closed").0, "Mara Ostrov");
        assert_eq!(speaker_of(text, "port was open").0, "Harbor Authority");
        assert_eq!(speaker_of(text, "We are ready").0, "Mara Ostrov");
        // A document that spoke is not a person a later "he" can stand for.
        let text = "The memo shows that the dam was leaking. “It is false,” he said.";
        assert_eq!(speaker_of(text, "dam was leaking").0, "memo");
        assert_eq!(speaker_of(text, "It is false").0, "he");
    }

    #[test]
    fn clauses_split_below_the_sentence() {
        let all = claims(
            "Velmora stated that blocking the road was not the goal and civilian vehicles could move freely.",
        );
        let texts: Vec<&str> = all.iter().map(|(_, _, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Velmora stated that blocking the road was not the goal",
                "civilian vehicles could move freely."
            ]
        );
        assert!(all.iter().all(|(w, _, _)| w == "Velmora"));
    }
}
