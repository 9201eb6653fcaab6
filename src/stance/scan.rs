//! Reading one stretch of text (a sentence, or the claim) for the stance
//! analysis: its content words, and the words that refute, doubt, affirm or
//! negate, with the tokens each negation covers.

use std::sync::LazyLock;

use compact_str::CompactString;
use foldhash::{HashMap, HashMapExt as _};

use crate::lexicon::{AFFIRMING, CueClass, Entry, Lexicon, REFUTING, UNCERTAIN, inflects};
use crate::span::Span;
use crate::text::{Token, TokenKind, stem};

/// Which stance word list a phrase comes from, with its index in the list
/// (`None` for the lexicon's own entries).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Group {
    /// [`REFUTING`], the lexicon's falsity words and denial cues.
    Refuting(Option<usize>),
    /// [`UNCERTAIN`], the lexicon's hedges and distancing cues.
    Uncertain(Option<usize>),
    /// [`AFFIRMING`] and the lexicon's endorsing cues.
    Affirming(Option<usize>),
}

impl Group {
    pub fn is_refuting(self) -> bool {
        matches!(self, Group::Refuting(_))
    }

    pub fn is_uncertain(self) -> bool {
        matches!(self, Group::Uncertain(_))
    }

    pub fn is_affirming(self) -> bool {
        matches!(self, Group::Affirming(_))
    }
}

struct ListPhrase {
    words: Vec<String>,
    stems: Vec<String>,
    group: Group,
}

/// The stance word lists, indexed by the stem of their first word.
static LISTS: LazyLock<HashMap<String, Vec<ListPhrase>>> = LazyLock::new(|| {
    let mut m: HashMap<String, Vec<ListPhrase>> = HashMap::new();
    for (list, which) in [(REFUTING, 0), (UNCERTAIN, 1), (AFFIRMING, 2)] {
        for (i, phrase) in list.iter().enumerate() {
            let group = match which {
                0 => Group::Refuting(Some(i)),
                1 => Group::Uncertain(Some(i)),
                _ => Group::Affirming(Some(i)),
            };
            let words: Vec<String> =
                crate::text::tokenize(phrase, 0).into_iter().map(|t| t.norm.into()).collect();
            let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
            if let Some(first) = stems.first() {
                m.entry(first.clone()).or_default().push(ListPhrase { words, stems, group });
            }
        }
    }
    m
});

/// A stance word found in a text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Hit {
    pub group: Group,
    pub span: Span,
}

/// What [`scan`] finds in a stretch of tokens.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scan {
    /// Stems of content words (not function words or punctuation), in order,
    /// with their token index.
    pub content: Vec<(String, usize)>,
    /// Refuting, uncertain and affirming words.
    pub hits: Vec<Hit>,
    /// Negation cues.
    pub negations: Vec<Span>,
    /// Reporting cues ("said", "told", "accused").
    pub reporting: Vec<Span>,
    /// For each token: whether a negation or a denial covers it.
    pub negated: Vec<bool>,
    /// Whether the text asks a question.
    pub question: bool,
}

impl Scan {
    /// Hits of one group kind.
    pub fn count(&self, f: impl Fn(Group) -> bool) -> usize {
        self.hits.iter().filter(|h| f(h.group)).count()
    }
}

/// Whether a token ends the reach of a negation.
fn ends_scope(t: &Token) -> bool {
    match t.kind {
        TokenKind::Punct => !matches!(t.norm.as_str(), "-" | "'" | "\"" | "$" | "%" | "&" | "/"),
        TokenKind::Word => matches!(
            t.norm.as_str(),
            "but" | "although" | "though" | "while" | "whereas" | "because" | "however" | "yet"
        ),
        _ => false,
    }
}

/// How many word tokens a negation reaches at most.
const NEGATION_REACH: usize = 8;

/// Reads `tokens` (with `stems`, one per token) for stance words.
pub(crate) fn scan(tokens: &[Token], stems: &[CompactString], lex: &Lexicon, text: &str) -> Scan {
    let n = tokens.len();
    let mut s = Scan { negated: vec![false; n], ..Scan::default() };
    let norms: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
    // The word lists write "not": "isn't real" is "is not real".
    let list_norms: Vec<&str> = norms.iter().map(|&w| if w == "n't" { "not" } else { w }).collect();
    let list_stems: Vec<&str> = stems.iter().map(|w| if w == "n't" { "not" } else { w.as_str() }).collect();
    let mut i = 0;
    while i < n {
        let t = &tokens[i];
        if matches!(t.kind, TokenKind::Word | TokenKind::Number) && !lex.is_function_word(&t.norm) {
            s.content.push((stems[i].to_string(), i));
        }
        let mut negation_len = 0;
        let mut denial = false;
        for (len, e) in lex.lookup(&norms[i..], &stems[i..]) {
            let span = tokens[i].span.cover(tokens[i + len - 1].span);
            match e {
                Entry::Negation => negation_len = negation_len.max(len),
                Entry::Falsity => s.hits.push(Hit { group: Group::Refuting(None), span }),
                Entry::Hedge => s.hits.push(Hit { group: Group::Uncertain(None), span }),
                Entry::Cue(CueClass::Denial) => {
                    denial = true;
                    s.hits.push(Hit { group: Group::Refuting(None), span });
                }
                Entry::Cue(CueClass::Distancing) => s.hits.push(Hit { group: Group::Uncertain(None), span }),
                Entry::Cue(CueClass::Endorsing) => s.hits.push(Hit { group: Group::Affirming(None), span }),
                Entry::Cue(CueClass::Say | CueClass::Accusation) => s.reporting.push(span),
                _ => {}
            }
        }
        if let Some(list) = LISTS.get(list_stems[i]) {
            for p in list {
                let len = p.stems.len();
                if i + len <= n
                    && p.stems.iter().zip(&list_stems[i..i + len]).all(|(a, b)| a == b)
                    && p.words.iter().zip(&list_norms[i..]).all(|(w, t)| inflects(t, w))
                {
                    let span = tokens[i].span.cover(tokens[i + len - 1].span);
                    s.hits.push(Hit { group: p.group, span });
                }
            }
        }
        if negation_len > 0 || denial {
            let len = negation_len.max(1);
            s.negations.push(tokens[i].span.cover(tokens[i + len - 1].span));
            // A denial covers the rest of the sentence; a negation its clause.
            let mut words = 0;
            let mut k = i + len;
            while k < n && (denial || (words < NEGATION_REACH && !ends_scope(&tokens[k]))) {
                s.negated[k] = true;
                if tokens[k].is_word() {
                    words += 1;
                }
                k += 1;
            }
        }
        i += 1;
    }
    // The same words matched twice (a list and the lexicon): keep one.
    s.hits.sort_by_key(|h| (h.span, group_order(h.group)));
    s.hits.dedup_by(|a, b| a.span == b.span && same_kind(a.group, b.group));
    // A word inside a longer phrase counts only as the phrase: "real" in
    // "not real", "confirmed" in "not been confirmed".
    let spans: Vec<Span> = s.hits.iter().map(|h| h.span).collect();
    s.hits.retain(|h| !spans.iter().any(|&o| o != h.span && o.contains(h.span)));
    // "Claims that the bridge collapsed are false": the claims, reports or
    // rumours that a later word calls false are what is refuted, not a
    // hedge of the text.
    if let Some(last_refuting) = s.hits.iter().filter(|h| h.group.is_refuting()).map(|h| h.span.start).max() {
        s.hits.retain(|h| {
            !(h.group.is_uncertain()
                && h.span.start < last_refuting
                && tokens.iter().position(|t| t.span == h.span).is_some_and(|k| refuted_report(tokens, k)))
        });
    }
    let last = tokens.iter().rev().find(|t| !t.is_quote() && !t.is_punct(")"));
    s.question = last.is_some_and(|t| t.is_punct("?")) || text.trim_end().ends_with('?');
    s
}

/// Whether token `k` is a noun that names a report ("claims", "the
/// rumours", "reports"), at the start of the text or after a determiner, as
/// in "Claims that … are a hoax" (not "he claims that …").
fn refuted_report(tokens: &[Token], k: usize) -> bool {
    const NOUNS: &[&str] =
        &["claim", "claims", "report", "reports", "rumor", "rumors", "rumour", "rumours", "speculation"];
    const BEFORE: &[&str] = &[
        "the", "a", "these", "those", "such", "any", "all", "some", "earlier", "recent", "online", "initial",
    ];
    let Some(t) = tokens.get(k) else { return false };
    if !NOUNS.contains(&t.norm.as_str()) {
        return false;
    }
    match tokens[..k].iter().rev().find(|t| !t.is_quote()) {
        None => true,
        Some(p) => BEFORE.contains(&p.norm.as_str()),
    }
}

/// Orders hits of one span: refuting before uncertain before affirming,
/// list words (which have features of their own) before lexicon entries.
fn group_order(g: Group) -> (u8, u8, usize) {
    let (kind, index) = match g {
        Group::Refuting(i) => (0, i),
        Group::Uncertain(i) => (1, i),
        Group::Affirming(i) => (2, i),
    };
    (kind, u8::from(index.is_none()), index.unwrap_or(0))
}

fn same_kind(a: Group, b: Group) -> bool {
    (a.is_refuting() && b.is_refuting())
        || (a.is_uncertain() && b.is_uncertain())
        || (a.is_affirming() && b.is_affirming())
}
