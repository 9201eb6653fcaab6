//! Entities: name mentions in each document, and their resolution to
//! referents across the corpus.
//!
//! A *mention* is a run of capitalised words ("International Committee of
//! the Red Cross", "Tessa Bridge"), optionally closed by a lowercase class
//! noun ("the Tessa bridge", "the Dravia economic region"). Titles are split
//! off ("Prime Minister Mara Ostrov" is the person "Mara Ostrov" with the
//! title "Prime Minister"). Demonyms ("Velmoran") point to the place they are
//! derived from when the corpus names it.
//!
//! Mentions resolve to *referents* by these rules, each general:
//! 1. the same normalised name;
//! 2. aliases from a user lexicon;
//! 3. aliases a text states: "X (or Y)", "X (Y)", "X, also known as Y",
//!    "X (known locally as Y)";
//! 4. acronyms of a name in the same document ("ICRC" for "International
//!    Committee of the Red Cross");
//! 5. a surname alone, for the one person in the corpus with that surname;
//! 6. a hyphenated name "P-Q" and "Q" when "P" is never a name on its own;
//! 7. "Q region" (an area noun) and "Q";
//! 8. two names with the same kind of class noun (roads, corridors and
//!    routes; bridges; rivers; facilities; …) that share a distinctive word:
//!    a word that the corpus never writes in lowercase ("Tessa bridge" and
//!    "Tessa-Morrow bridge").
//!
//! Definite descriptions ("the road", "the region") resolve to the last
//! mention of the same class in the same document.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use compact_str::CompactString;
use foldhash::{HashMap, HashMapExt as _, HashSet, HashSetExt as _};
use petgraph::unionfind::UnionFind;
use serde::{Deserialize, Serialize};

use crate::lexicon::{Entry, Lexicon, name_key};
use crate::prepare::Prepared;
use crate::segment::SentenceKind;
use crate::span::Span;
use crate::text::{Token, TokenKind};

/// What kind of thing a referent is, as far as the text shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    /// A person (named with a title, or speaking).
    Person,
    /// A body: ministry, court, company, outlet, army, …
    Organization,
    /// A place (named with a class noun such as "river", "region", "road").
    Place,
    /// Anything else, or not determinable.
    Other,
}

/// Class nouns that can close a place name, grouped by what they name.
const CLASS_NOUNS: &[(&str, &[&str])] = &[
    (
        "route",
        &[
            "corridor",
            "road",
            "highway",
            "route",
            "motorway",
            "passage",
            "passageway",
            "link",
            "crossing",
            "railway",
            "railroad",
            "pipeline",
            "expressway",
            "freeway",
            "avenue",
            "street",
            "boulevard",
            "lane",
            "trail",
            "tunnel",
        ],
    ),
    ("bridge", &["bridge", "span", "viaduct", "overpass"]),
    (
        "area",
        &[
            "region",
            "province",
            "district",
            "territory",
            "area",
            "zone",
            "oblast",
            "county",
            "governorate",
            "prefecture",
            "canton",
            "municipality",
            "valley",
            "peninsula",
            "enclave",
            "exclave",
        ],
    ),
    (
        "facility",
        &[
            "checkpoint",
            "port",
            "harbor",
            "harbour",
            "airport",
            "plant",
            "dam",
            "mine",
            "base",
            "station",
            "hospital",
            "prison",
            "camp",
            "factory",
            "refinery",
            "terminal",
            "depot",
            "reactor",
            "mill",
        ],
    ),
    ("water", &["river", "lake", "sea", "bay", "strait", "gulf", "canal", "reservoir", "creek", "ocean"]),
    (
        "settlement",
        &[
            "city",
            "town",
            "village",
            "settlement",
            "capital",
            "suburb",
            "neighborhood",
            "neighbourhood",
            "quarter",
        ],
    ),
    (
        "site",
        &[
            "square",
            "park",
            "stadium",
            "building",
            "palace",
            "market",
            "mall",
            "school",
            "church",
            "mosque",
            "cathedral",
            "monument",
            "memorial",
            "field",
            "deposit",
            "deposits",
            "mountain",
            "mountains",
            "hill",
            "island",
            "islands",
        ],
    ),
];

/// Month and day names, written out or abbreviated: whether `w` is one
/// (`match`es, not a list read from its start at every capitalised word).
fn is_month_or_day(w: &str) -> bool {
    crate::quantity::is_calendar_name(w)
        || matches!(
            w,
            "jan."
                | "feb."
                | "mar."
                | "apr."
                | "jun."
                | "jul."
                | "aug."
                | "sep."
                | "sept."
                | "oct."
                | "nov."
                | "dec."
        )
}

/// Words that qualify a title ("Interior Minister", "Acting President").
const TITLE_MODIFIERS: &[&str] = &[
    "interior",
    "foreign",
    "defense",
    "defence",
    "finance",
    "justice",
    "health",
    "economy",
    "energy",
    "trade",
    "education",
    "transport",
    "agriculture",
    "environment",
    "culture",
    "labour",
    "labor",
    "emergency",
    "emergencies",
    "prime",
    "deputy",
    "vice",
    "acting",
    "former",
    "chief",
    "senior",
    "top",
    "state",
    "first",
    "assistant",
    "associate",
    "executive",
    "general",
    "regional",
    "district",
    "police",
    "army",
    "military",
    "press",
    "security",
    "intelligence",
    "interim",
    "outgoing",
    "incoming",
];

/// Words that take a part of what follows "of" ("Part of the …", "Most of
/// the …"): at the start of a sentence they do not open a name.
const PARTITIVES: &[&str] =
    &["part", "parts", "much", "most", "all", "some", "many", "half", "rest", "none", "each", "both", "few"];

/// Words that often start generic capitalised phrases but are no names.
const NOT_NAME_STARTS: &[&str] = &[
    "get",
    "read",
    "subscribe",
    "follow",
    "share",
    "click",
    "sign",
    "watch",
    "listen",
    "contrary",
    "nobody",
    "somebody",
    "everybody",
    "anybody",
    "everyone",
    "someone",
    "anyone",
    "politics",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "dozens",
    "several",
];

/// Which class group a lowercase noun belongs to.
pub(crate) fn class_of(norm: &str) -> Option<&'static str> {
    // Each class noun with the first group (by its place in `CLASS_NOUNS`)
    // that lists it, behind a filter of the nouns' shapes that stops most
    // words: at most two lookups, where a scan of every group's list took
    // some 160 instructions a word.
    static GROUP_OF: std::sync::LazyLock<crate::text::ShapedMap<&'static str, usize>> =
        std::sync::LazyLock::new(|| {
            let mut map = crate::text::ShapedMap::default();
            for (i, (_, words)) in CLASS_NOUNS.iter().enumerate() {
                for w in *words {
                    map.entry(*w).or_insert(i);
                }
            }
            map
        });
    let group_of = &*GROUP_OF;
    // The first group listing the word or its singular, as the scan found.
    let word = group_of.get(norm).copied();
    let singular = norm.strip_suffix('s').filter(|s| s.len() > 3).and_then(|s| group_of.get(s).copied());
    let first = match (word, singular) {
        (Some(w), Some(s)) => Some(w.min(s)),
        (w, s) => w.or(s),
    };
    first.map(|i| CLASS_NOUNS[i].0)
}

/// A name mention in one document.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub sentence: usize,
    pub span: Span,
    pub toks: Range<usize>,
    /// The name as written (no leading "the"). A corpus's mentions are all
    /// held while it is resolved, so their strings are stored inline when
    /// short, as are the key's, the words' and the title's.
    pub surface: CompactString,
    /// Normalised key (see [`name_key`]), initials dropped for persons.
    pub key: CompactString,
    /// Norms of the name words, hyphenated words split, class noun
    /// excluded, each followed by [`WORD_END`] (one string, inline when
    /// short: a list of strings took a fifth of a mention). Read it with
    /// [`Mention::words`].
    words: CompactString,
    /// Class group of the closing class noun, if any.
    pub class: Option<&'static str>,
    pub kind: EntityKind,
    /// Title words, e.g. "Prime Minister".
    pub title: Option<CompactString>,
    /// This mention is a demonym ("Velmoran"), not a name.
    pub demonym: bool,
    /// This mention is a definite description ("the road") resolved later.
    pub description: bool,
    /// Resolved referent index (set by [`resolve`]).
    pub referent: Option<usize>,
}

/// Ends each word of [`Mention::words`]: a control character, never part
/// of a word token (words are letters, digits and marks).
const WORD_END: char = '\u{1f}';

/// The words of a string of words each ended by [`WORD_END`] (a mention's
/// or a record's).
fn split_words(words: &str) -> std::str::SplitTerminator<'_, char> {
    words.split_terminator(WORD_END)
}

impl Mention {
    /// The norms of the name's words (see the field), as they were split.
    pub fn words(&self) -> impl DoubleEndedIterator<Item = &str> {
        split_words(&self.words)
    }
}

/// Strings held once each and known by number: the keys, spellings and
/// words of a corpus's names, which its mentions repeat many times over.
#[derive(Debug, Default)]
pub(crate) struct Strings(indexmap::IndexSet<CompactString, foldhash::fast::RandomState>);

impl Strings {
    /// The number of `s`, added if new. Numbers follow the order strings
    /// are first added in.
    fn intern(&mut self, s: &str) -> u32 {
        let i = match self.0.get_index_of(s) {
            Some(i) => i,
            None => self.0.insert_full(CompactString::from(s)).0,
        };
        u32::try_from(i).unwrap_or(u32::MAX)
    }

    /// The number of `s`, if it was added.
    fn get(&self, s: &str) -> Option<u32> {
        self.0.get_index_of(s).and_then(|i| u32::try_from(i).ok())
    }

    /// The string numbered `i`.
    fn str(&self, i: u32) -> &str {
        self.0.get_index(i as usize).map_or("", CompactString::as_str)
    }
}

/// No referent, in [`Record::referent`].
const NO_REFERENT: u32 = u32::MAX;

/// What resolution and grouping read of a [`Mention`], in 28 bytes, its
/// strings numbered in [`Records::strings`]: a large corpus's mentions are
/// all held while it is resolved, and as mentions they took most of the
/// memory. The mentions themselves are found again when their document is
/// analysed, and take the outcome from here ([`mentions_again`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Record {
    key: u32,
    surface: u32,
    words: u32,
    sentence: u32,
    referent: u32,
    /// 1 + the index in `CLASS_NOUNS` of the class group, or 0.
    class: u8,
    kind: EntityKind,
    demonym: bool,
    description: bool,
    /// The name is distinctive in its shape (see [`crate::stories`]).
    pub named: bool,
}

// A mention took about 190 bytes.
const _: () = assert!(std::mem::size_of::<Record>() <= 28);

/// What resolution settles about a mention ([`Records::settled`]), kept
/// until its document is analysed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Settled {
    referent: u32,
    /// Which of its referent's [`Referent::names`] the mention is, if it
    /// is a name ([`NO_NAME`] if not).
    name: u32,
    demonym: bool,
}

/// No name, in [`Settled::name`].
const NO_NAME: u32 = u32::MAX;

impl Record {
    /// The referent the mention was resolved to.
    pub fn referent(&self) -> Option<usize> {
        (self.referent != NO_REFERENT).then_some(self.referent as usize)
    }

    /// Whether the mention names something (not a demonym or a definite
    /// description).
    pub fn is_name(&self) -> bool {
        !self.demonym && !self.description
    }

    fn class(&self) -> Option<&'static str> {
        (self.class > 0).then(|| CLASS_NOUNS[usize::from(self.class) - 1].0)
    }
}

/// The [`Record`]s of a corpus's mentions, by document, and their strings.
#[derive(Debug, Default)]
pub(crate) struct Records {
    strings: Strings,
    /// `docs[d]`: document `d`'s mentions, in their order.
    pub docs: Vec<Vec<Record>>,
    /// By string number, which of its referent's names a key is, once
    /// [`Records::resolve`] has run.
    names: Vec<u32>,
}

impl Records {
    /// Adds the next document's mentions, as they stand (referents and
    /// demonyms included); `named(k)` says whether mention `k` is
    /// distinctive in its shape.
    pub fn push(&mut self, mentions: &[Mention], named: impl Fn(usize) -> bool) {
        let records = mentions
            .iter()
            .enumerate()
            .map(|(k, m)| Record {
                key: self.strings.intern(&m.key),
                surface: self.strings.intern(&m.surface),
                words: self.strings.intern(&m.words),
                sentence: u32::try_from(m.sentence).unwrap_or(u32::MAX),
                referent: m.referent.and_then(|r| u32::try_from(r).ok()).unwrap_or(NO_REFERENT),
                class: m.class.and_then(|c| CLASS_NOUNS.iter().position(|(g, _)| *g == c)).map_or(0, |i| {
                    // CLASS_NOUNS has far fewer than 255 groups.
                    u8::try_from(i + 1).unwrap_or(0)
                }),
                kind: m.kind,
                demonym: m.demonym,
                description: m.description,
                named: named(k),
            })
            .collect();
        self.docs.push(records);
    }

    /// Frees the strings the records' numbers stand for, once
    /// [`Records::resolve`] has run: what it settled
    /// ([`Records::settled`]) and the records' referents and kinds do not
    /// need them.
    pub fn forget_strings(&mut self) {
        self.strings = Strings::default();
    }

    /// What resolution settled about `r`, one of these records.
    pub fn settled(&self, r: &Record) -> Settled {
        let name =
            if r.is_name() { self.names.get(r.key as usize).copied().unwrap_or(NO_NAME) } else { NO_NAME };
        Settled { referent: r.referent, name, demonym: r.demonym }
    }

    /// The records of a corpus's `mentions` (by document), with their
    /// demonyms settled ([`Records::settle_demonyms`]) and the mentions told
    /// which are.
    fn settled_demonyms_of(mentions: &mut [Vec<Mention>]) -> Records {
        let mut records = Records::default();
        for ms in mentions.iter() {
            records.push(ms, |_| false);
        }
        records.settle_demonyms();
        records.restore_all(mentions);
        records
    }

    /// [`restore`] of each document's `mentions` (by document) from its
    /// records.
    fn restore_all(&self, mentions: &mut [Vec<Mention>]) {
        for (ms, rs) in mentions.iter_mut().zip(&self.docs) {
            restore(rs.iter().map(|r| self.settled(r)), ms);
        }
    }
}

/// Sets the referent and whether it is a demonym of each of `mentions`,
/// found again in the document whose records settled `settled`, in the
/// same order.
pub(crate) fn restore(settled: impl IntoIterator<Item = Settled>, mentions: &mut [Mention]) {
    for (m, s) in mentions.iter_mut().zip(settled) {
        m.demonym = s.demonym;
        m.referent = (s.referent != NO_REFERENT).then_some(s.referent as usize);
    }
}

/// The mentions of a document prepared again (`p`, of `text`), found again
/// as they were first found, with what resolution `settled` about them
/// ([`Records::settled`], in their order).
pub(crate) fn mentions_again(
    text: &str,
    p: &Prepared,
    lex: &Lexicon,
    vocab: &Vocabulary,
    settled: impl IntoIterator<Item = Settled>,
) -> Vec<Mention> {
    let mut ms = find_mentions(text, p, lex, vocab);
    restore(settled, &mut ms);
    ms
}

/// A referent: one person, body, place or thing, with every name used for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Referent {
    /// Stable id derived from the canonical name, e.g. `tessa-bridge`.
    pub id: String,
    /// The canonical name: the name used by most documents.
    pub name: String,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// Each distinct name, with the documents that use it.
    pub names: Vec<NameUse>,
}

/// One name of a referent and who uses it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameUse {
    /// The name as most often written.
    pub name: String,
    /// Ids of the documents that use this name.
    pub docs: Vec<String>,
    /// How many times it is used.
    pub mentions: usize,
}

/// Corpus vocabulary: words seen in lowercase anywhere, and words seen
/// capitalised inside a sentence (not at its start).
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    pub lower: HashSet<String>,
    pub midcap: HashSet<String>,
}

impl Vocabulary {
    pub fn contains(&self, w: &str) -> bool {
        self.lower.contains(w)
    }
}

/// Builds the corpus [`Vocabulary`], from the documents in parallel. Only
/// membership is asked of it, so the order in which the documents' words
/// are gathered does not matter.
pub(crate) fn vocabulary(docs: &[Prepared]) -> Vocabulary {
    use rayon::prelude::*;
    docs.par_iter()
        .fold(Vocabulary::default, |mut v, d| {
            v.add(d);
            v
        })
        .reduce(Vocabulary::default, Vocabulary::merge)
}

/// What [`vocabulary_of_texts`] gives: the vocabulary, each text's
/// sentences, the documents kept prepared, and what its `read` kept of each.
pub(crate) type TextsPass<X> = (Vocabulary, Vec<crate::segment::Sentences>, Vec<Prepared>, Vec<X>);

/// [`vocabulary`] of the texts of `docs`, from their sentences and tokens
/// alone, with the sentences of each text in document order
/// (`segment(text)`, packed, for [`Prepared::segmented`]): each text is
/// segmented and tokenised, its words added, and the tokens dropped, so
/// that the corpus is never held prepared at once. The same vocabulary as
/// [`vocabulary`] gives.
///
/// `read(d)` gives each document's text (its own, or read from elsewhere)
/// and something to keep about it, returned in document order; its first
/// error in document order is returned instead.
///
/// The first `keep` documents are prepared instead, with their stems
/// ([`Prepared::segmented`], which tokenises them as well), and returned
/// prepared, in order, for the later passes to use rather than prepare
/// them again. Stemmed at once rather than when their group is analysed:
/// finding names stems what it looks up in the lexicon when a document
/// has no stems, and the analysis then stemmed every token again (0.8% of
/// the instructions of a run that keeps every document).
pub(crate) fn vocabulary_of_texts<'d, X: Send>(
    docs: &'d [crate::document::Document],
    keep: usize,
    counter: &crate::progress::Counter<'_>,
    read: impl Fn(&'d crate::document::Document) -> crate::Result<(std::borrow::Cow<'d, str>, X)> + Sync,
) -> crate::Result<TextsPass<X>> {
    use rayon::prelude::*;
    /// A piece of the pass: its sentences, documents prepared, what `read`
    /// kept, and its first error with the document's number.
    type Found<X> = (Vec<crate::segment::Sentences>, Vec<Prepared>, Vec<X>, Option<(usize, crate::Error)>);
    let (vocabs, mut found): (Vec<Vocabulary>, Vec<Found<X>>) = docs
        .par_iter()
        .enumerate()
        .fold(
            // One token list per thread, cleared for each sentence: grown
            // once to the longest sentence, not again for every text.
            || (Vocabulary::default(), (Vec::new(), Vec::new(), Vec::new(), None), Vec::new()),
            |(mut v, (mut kept, mut prepared, mut read_out, failed), mut tokens), (i, d)| {
                counter.add(1);
                if failed.is_some() {
                    return (v, (kept, prepared, read_out, failed), tokens);
                }
                let (text, x) = match read(d) {
                    Ok(read) => read,
                    Err(e) => return (v, (kept, prepared, read_out, Some((i, e))), tokens),
                };
                let ss = crate::segment::segment(&text);
                if i < keep {
                    let p = Prepared::segmented(&text, &ss);
                    v.add(&p);
                    prepared.push(p);
                } else {
                    for s in ss.iter().filter(|s| s.kind == SentenceKind::Body) {
                        tokens.clear();
                        crate::text::tokenize_into(&mut tokens, s.span.slice(&text), s.span.start);
                        v.add_sentence(&tokens);
                    }
                }
                kept.push(crate::segment::Sentences::new(ss));
                read_out.push(x);
                (v, (kept, prepared, read_out, failed), tokens)
            },
        )
        .map(|(v, found, _)| (v, found))
        .unzip();
    // Each piece covers a run of documents in order, so the first error of
    // each piece with the smallest number is the first of all.
    let first_error = found.iter_mut().filter_map(|f| f.3.take()).min_by_key(|(i, _)| *i);
    if let Some((_, e)) = first_error {
        return Err(e);
    }
    let vocab = vocabs.into_iter().fold(Vocabulary::default(), Vocabulary::merge);
    type Rest<X> = (Vec<Prepared>, Vec<X>);
    let (sentences, rest): (Vec<Vec<_>>, Vec<Rest<X>>) =
        found.into_iter().map(|(s, p, x, _)| (s, (p, x))).unzip();
    let (prepared, read_out): (Vec<Vec<_>>, Vec<Vec<X>>) = rest.into_iter().unzip();
    Ok((
        vocab,
        sentences.into_iter().flatten().collect(),
        prepared.into_iter().flatten().collect(),
        read_out.into_iter().flatten().collect(),
    ))
}

impl Vocabulary {
    /// Adds one document's words; a word already present is not copied.
    fn add(&mut self, d: &Prepared) {
        for s in &d.sentences {
            if s.kind == SentenceKind::Body {
                self.add_sentence(&d.tokens[s.toks.clone()]);
            }
        }
    }

    /// Adds the words of one body sentence's tokens.
    fn add_sentence(&mut self, tokens: &[crate::text::Token]) {
        let mut first = true;
        for t in tokens {
            if !t.is_word() {
                continue;
            }
            let set = if !t.capitalized {
                Some(&mut self.lower)
            } else if !first {
                Some(&mut self.midcap)
            } else {
                None
            };
            if let Some(set) = set
                && !set.contains(t.norm.as_str())
            {
                set.insert(t.norm.as_str().to_owned());
            }
            first = false;
        }
    }

    /// The union of two vocabularies, the smaller moved into the larger.
    fn merge(mut self, mut other: Vocabulary) -> Vocabulary {
        for (mine, theirs) in [(&mut self.lower, &mut other.lower), (&mut self.midcap, &mut other.midcap)] {
            if mine.len() < theirs.len() {
                std::mem::swap(mine, theirs);
            }
            mine.extend(theirs.drain());
        }
        self
    }
}

fn is_demonym_like(norm: &str) -> bool {
    let n = norm.trim_end_matches("'s");
    ["an", "ian", "ese", "ish", "i", "ic", "ans", "ians", "is", "ese", "ch"].iter().any(|s| n.ends_with(s))
        && n.len() > 3
}

/// Whether token `i` can start or continue a name.
fn is_name_word(t: &Token) -> bool {
    t.is_word() && t.capitalized && !is_month_or_day(t.norm.as_str())
}

/// Finds name mentions in one prepared document.
pub(crate) fn find_mentions(text: &str, p: &Prepared, lex: &Lexicon, vocab: &Vocabulary) -> Vec<Mention> {
    let mut out = Vec::new();
    for (si, s) in p.sentences.iter().enumerate() {
        if s.kind != SentenceKind::Body {
            continue;
        }
        let toks = &p.tokens[s.toks.clone()];
        let base = s.toks.start;
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if !is_name_word(t) {
                i += 1;
                continue;
            }
            let initial = toks[..i].iter().all(|x| !x.is_word());
            // A sentence-initial capitalised word followed by a lowercase
            // content word is a common noun ("Shipping agents said") unless
            // the corpus capitalises it elsewhere too.
            let modifier_of_common_noun = || {
                toks.get(i + 1).is_some_and(|n| {
                    n.is_word()
                        && !n.capitalized
                        && !lex.is_function_word(&n.norm)
                        && !n.norm.ends_with("ed")
                        && !matches!(
                            n.norm.as_str(),
                            "says"
                                | "said"
                                | "told"
                                | "has"
                                | "had"
                                | "is"
                                | "was"
                                | "will"
                                | "would"
                                | "could"
                                | "can"
                                | "may"
                                | "must"
                                | "should"
                        )
                }) && !vocab.midcap.contains(t.norm.as_str())
                    && !is_demonym_like(&t.norm)
            };
            // A partitive opening a sentence is not part of the name after
            // it: "Part of the Tessa Bridge collapsed".
            let partitive =
                || PARTITIVES.contains(&t.norm.as_str()) && toks.get(i + 1).is_some_and(|n| n.norm == "of");
            // A sentence-initial word that English uses only as a verb,
            // adjective or adverb, before a lowercase word, opens no name
            // ("Asked about the delay, …", "Critical in both states is …").
            let never_a_name = || {
                toks.get(i + 1).is_some_and(|n| n.is_word() && !n.capitalized)
                    && !vocab.midcap.contains(t.norm.as_str())
                    && crate::wordnet::get().never_a_noun(&t.norm)
            };
            if initial
                && (lex.is_function_word(&t.norm)
                    || partitive()
                    || vocab.contains(&t.norm)
                    || NOT_NAME_STARTS.contains(&t.norm.as_str())
                    || modifier_of_common_noun()
                    || never_a_name())
            {
                i += 1;
                continue;
            }
            if lex.is_function_word(&t.norm) {
                i += 1;
                continue;
            }
            // Extend the run.
            let start = i;
            let mut end = i + 1;
            loop {
                if end < toks.len() && is_name_word(&toks[end]) && !lex.is_function_word(&toks[end].norm) {
                    end += 1;
                    continue;
                }
                // A number closing a name: "Pier 9", "Route 66".
                if end < toks.len()
                    && toks[end].kind == TokenKind::Number
                    && toks[end].norm.len() <= 3
                    && end - start <= 2
                    && !toks.get(end + 1).is_some_and(|x| matches!(x.norm.as_str(), "percent" | "per" | "%"))
                {
                    end += 1;
                    break;
                }
                // Connectors: "of", "of the", "for", "for the", "de", "&".
                let conn = |k: usize| toks.get(k).map(|x| x.norm.as_str());
                // An abbreviation inside a name: "St. Alder's", "Mt. Ardel".
                if conn(end) == Some(".")
                    && toks[end - 1].norm.len() <= 3
                    && toks[end - 1].capitalized
                    && toks.get(end + 1).is_some_and(is_name_word)
                {
                    end += 2;
                    continue;
                }
                // A plural possessive inside a name: "Dockworkers’ Union".
                if conn(end) == Some("'")
                    && toks[end - 1].norm.ends_with('s')
                    && toks.get(end + 1).is_some_and(is_name_word)
                {
                    end += 2;
                    continue;
                }
                let mut skip = 0;
                if matches!(conn(end), Some("of" | "for" | "de" | "&" | "on")) {
                    skip = 1;
                    if conn(end + 1) == Some("the") {
                        skip = 2;
                    }
                }
                if skip > 0 && toks.get(end + skip).is_some_and(is_name_word) {
                    end += skip + 1;
                    continue;
                }
                // "and" inside an organisation name: "Ecology and Natural Resources Ministry".
                if conn(end) == Some("and") {
                    let mut k = end + 1;
                    while k < toks.len() && is_name_word(&toks[k]) {
                        k += 1;
                    }
                    if k > end + 1
                        && matches!(p.lookup(lex, base + k - 1, base + k).first(), Some((_, Entry::OrgHead)))
                    {
                        end = k;
                        continue;
                    }
                }
                break;
            }
            // Optional lowercase class noun, possibly after one lowercase adjective.
            let mut class = None;
            let mut class_end = end;
            for skip in 0..2 {
                if let Some(c) = toks.get(end + skip).filter(|x| x.is_word() && !x.capitalized) {
                    if let Some(g) = class_of(&c.norm) {
                        class = Some(g);
                        class_end = end + skip + 1;
                        break;
                    }
                    if skip == 0 && (lex.is_function_word(&c.norm) || c.norm.ends_with("ed")) {
                        break;
                    }
                } else {
                    break;
                }
            }
            let single_demonym = end == start + 1
                && class.is_none()
                && is_demonym_like(&toks[start].norm)
                && toks
                    .get(end)
                    .is_some_and(|x| x.is_word() && !x.capitalized && !lex.is_function_word(&x.norm));
            let run = Run {
                start: base + start,
                end: base + end,
                class_end: base + class_end,
                class,
                demonym: single_demonym,
            };
            emit_run(&mut out, si, text, p, lex, vocab, run);
            i = class_end.max(end);
        }
        // Definite descriptions "the <class noun>".
        for k in 1..toks.len() {
            if toks[k - 1].norm == "the"
                && toks[k].is_word()
                && !toks[k].capitalized
                && let Some(g) = class_of(&toks[k].norm)
                && toks.get(k + 1).is_none_or(|x| x.norm != "of")
            {
                let span = toks[k - 1].span.cover(toks[k].span);
                out.push(Mention {
                    sentence: si,
                    span,
                    toks: base + k - 1..base + k + 1,
                    surface: span.slice(text).into(),
                    key: CompactString::default(),
                    words: CompactString::default(),
                    class: Some(g),
                    kind: EntityKind::Place,
                    title: None,
                    demonym: false,
                    description: true,
                    referent: None,
                });
            }
        }
    }
    // Lowercase titles right before a name: "spokeswoman Mara Ostrov".
    for m in out.iter_mut() {
        if m.title.is_none()
            && !m.demonym
            && !m.description
            && m.toks.start > 0
            && matches!(p.lookup(lex, m.toks.start - 1, m.toks.start).first(), Some((_, Entry::Title)))
            && m.class.is_none()
        {
            m.title = Some(p.tokens[m.toks.start - 1].norm.clone());
            m.kind = EntityKind::Person;
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// A run of name tokens found in a sentence.
struct Run {
    start: usize,
    end: usize,
    class_end: usize,
    class: Option<&'static str>,
    demonym: bool,
}

#[allow(clippy::too_many_arguments)]
fn emit_run(
    out: &mut Vec<Mention>,
    si: usize,
    text: &str,
    p: &Prepared,
    lex: &Lexicon,
    vocab: &Vocabulary,
    run: Run,
) {
    let Run { start, end, class_end, class, demonym } = run;
    // Split titles: [qualifier] Title+ [of X] [Name].
    let mut title_ranges: Vec<Range<usize>> = Vec::new();
    let mut k = start;
    while k < end {
        let found = p.lookup(lex, k, end);
        if let Some(&(n, _)) = found.iter().find(|(_, e)| matches!(e, Entry::Title)) {
            title_ranges.push(k..k + n);
            k += n;
        } else {
            k += 1;
        }
    }
    let push = |out: &mut Vec<Mention>,
                a: usize,
                b: usize,
                cls_end: usize,
                title: Option<String>,
                kind_hint: Option<EntityKind>,
                demonym: bool| {
        if a >= b {
            return;
        }
        let toks = &p.tokens[a..cls_end.max(b)];
        let span = toks[0].span.cover(toks[toks.len() - 1].span);
        let surface = CompactString::from(span.slice(text));
        // The name's words, each ended by WORD_END (see `Mention::words`).
        let mut words = CompactString::default();
        for t in p.tokens[a..b].iter().filter(|t| t.kind == TokenKind::Word && !lex.is_function_word(&t.norm))
        {
            for w in t.norm.split('-') {
                words.push_str(w);
                words.push(WORD_END);
            }
        }
        let has_org = (a..b).any(|k| matches!(p.lookup(lex, k, k + 1).first(), Some((_, Entry::OrgHead))));
        let cls = if cls_end > b {
            class
        } else {
            p.tokens[b - 1..b].first().and_then(|t| class_of(&t.norm)).or_else(|| {
                // "Port of X", "Gulf of X": a class noun first, then "of".
                (b > a + 2 && p.tokens[a + 1].norm == "of").then(|| class_of(&p.tokens[a].norm)).flatten()
            })
        };
        let kind = kind_hint.unwrap_or(if has_org {
            EntityKind::Organization
        } else if cls.is_some() {
            EntityKind::Place
        } else {
            EntityKind::Other
        });
        let mut key = crate::lexicon::name_key_compact(&surface);
        // A person's initials ("J.") are left out of the key.
        let initial = |w: &str| w.len() == 2 && w.ends_with('.');
        if kind == EntityKind::Person && key.split(' ').any(initial) {
            key = key.split(' ').filter(|w| !initial(w)).collect::<Vec<_>>().join(" ").into();
        }
        // A corpus's mentions are held together until resolved: without the
        // room building left.
        key.shrink_to_fit();
        words.shrink_to_fit();
        out.push(Mention {
            sentence: si,
            span,
            toks: a..cls_end.max(b),
            surface,
            key,
            words,
            class: cls,
            kind,
            title: title.map(CompactString::from),
            demonym,
            description: false,
            referent: None,
        });
    };
    if title_ranges.is_empty() {
        push(out, start, end, class_end, None, None, demonym);
        return;
    }
    let mut first = title_ranges[0].start;
    let last = title_ranges[title_ranges.len() - 1].end;
    // Words like "Interior" or "Velmoran" before a title belong to it.
    while first > start && {
        let w = p.tokens[first - 1].norm.as_str();
        vocab.contains(w) || TITLE_MODIFIERS.contains(&w) || is_demonym_like(w)
    } {
        first -= 1;
        if is_demonym_like(&p.tokens[first].norm) {
            push(out, first, first + 1, first + 1, None, None, true);
        }
    }
    let title_text =
        Span::new(p.tokens[first].span.start, p.tokens[last - 1].span.end).slice(text).to_string();
    // Qualifier before the first title ("Velmoran", "Interior Ministry").
    if first > start {
        let demonym_q = first == start + 1 && is_demonym_like(&p.tokens[start].norm);
        push(out, start, first, first, None, None, demonym_q);
    }
    // "of X" after the title: affiliation; the name is the last 1-3 words.
    let mut name_start = last;
    if name_start < end && p.tokens[name_start].norm == "of" {
        let rest = end - name_start - 1;
        let name_len = if rest >= 3 { 2 } else { 0 };
        let aff_start =
            name_start + 1 + usize::from(p.tokens.get(name_start + 1).is_some_and(|t| t.norm == "the"));
        let aff_end = end - name_len;
        if aff_end > aff_start {
            push(out, aff_start, aff_end, aff_end, None, None, false);
        }
        name_start = end - name_len;
    }
    // Skip the dot of an abbreviated title ("Mr. Fennick").
    while name_start < end && p.tokens[name_start].kind != TokenKind::Word {
        name_start += 1;
    }
    if name_start < end {
        push(out, name_start, end, class_end, Some(title_text), Some(EntityKind::Person), false);
    }
}

/// Every key of `sets` with its set's smallest key, sorted: each set is a
/// run of the list, its keys ascending, and the sets are in the order of
/// their smallest keys. (The union-find's representatives are not the
/// smallest keys: it joins by rank.) Keys are counted in 32 bits.
fn by_smallest(sets: UnionFind<usize>) -> Vec<(u32, u32)> {
    let key_u32 = |k: usize| u32::try_from(k).unwrap_or(u32::MAX);
    let labels = sets.into_labeling();
    // The keys ascend, so the first key met of each set is its smallest.
    let mut smallest: Vec<u32> = vec![u32::MAX; labels.len()];
    for (k, &label) in labels.iter().enumerate() {
        if smallest[label] == u32::MAX {
            smallest[label] = key_u32(k);
        }
    }
    let mut grouped: Vec<(u32, u32)> =
        labels.iter().enumerate().map(|(k, &label)| (smallest[label], key_u32(k))).collect();
    grouped.sort_unstable();
    grouped
}

/// Stated aliases in a document: pairs of mention indices (into `mentions`).
/// The second name may come a few words later, past other names ("X, which
/// people in the Y valley call Z").
pub(crate) fn stated_aliases(p: &Prepared, mentions: &[Mention]) -> Vec<(usize, usize)> {
    aliases_among(p, mentions, |m| !m.description && !m.demonym, false, 3)
}

/// Whether [`stated_aliases`] may find an alias in the document, whatever
/// [`Records::settle_demonyms`] later decides about its demonyms: some pair of its
/// mentions that are not descriptions is written as an alias, adjacent
/// among the names or not. When this is false, `stated_aliases` finds none.
pub(crate) fn may_state_aliases(p: &Prepared, mentions: &[Mention]) -> bool {
    // Names between two within 12 tokens take a token each, so the second
    // is at most 13 names after the first, demonyms counted.
    !aliases_among(p, mentions, |m| !m.description, true, 13).is_empty()
}

/// The pairs of [`stated_aliases`] among the mentions that `is_name`
/// accepts, each name paired with one of the next `window` names;
/// `any_adjacency`: as if every pair were adjacent names (for
/// [`may_state_aliases`]).
fn aliases_among(
    p: &Prepared,
    mentions: &[Mention],
    is_name: impl Fn(&Mention) -> bool,
    any_adjacency: bool,
    window: usize,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let names: Vec<usize> = (0..mentions.len()).filter(|&i| is_name(&mentions[i])).collect();
    let naming_verb = |w: &str| {
        matches!(
            w,
            "known" | "called" | "call" | "calls" | "dubbed" | "nicknamed" | "named" | "formerly" | "renamed"
        )
    };
    for (x, &ia) in names.iter().enumerate() {
        for &ib in names.iter().skip(x + 1).take(window) {
            let (a, b) = (&mentions[ia], &mentions[ib]);
            if a.sentence != b.sentence || b.toks.start < a.toks.end || b.toks.start - a.toks.end > 12 {
                continue;
            }
            let between: Vec<&str> =
                p.tokens[a.toks.end..b.toks.start].iter().map(|t| t.norm.as_str()).collect();
            let adjacent = any_adjacency || names.get(x + 1) == Some(&ib);
            let paren = adjacent
                && between.first() == Some(&"(")
                && between[1..].iter().all(|w| {
                    matches!(
                        *w,
                        "or" | "also"
                            | "known"
                            | "as"
                            | "aka"
                            | "formerly"
                            | "locally"
                            | "called"
                            | "officially"
                            | "the"
                            | "a.k.a."
                            | "in"
                    )
                });
            // ", (also) known (locally / on the waterfront) as Y", ", called Y",
            // ", which people in the valley call Y", ", dubbed Y".
            let comma = between.first() == Some(&",")
                && between.len() >= 2
                && between[1..].iter().any(|w| naming_verb(w))
                && between.last().is_some_and(|w| naming_verb(w) || matches!(*w, "as" | "the"))
                && !between.iter().any(|w| matches!(*w, "said" | "says" | "told" | ";" | ":" | "and"));
            let comma_or = adjacent
                && (between == [",", "or"] || between == ["(", "or"] || between == [",", "formerly"]);
            if (paren || comma || comma_or)
                && !(a.kind == EntityKind::Person && b.kind == EntityKind::Organization)
            {
                out.push((ia, ib));
                break;
            }
        }
    }
    out
}

fn initials<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words.filter_map(|w| w.chars().next()).collect()
}

/// Resolves mentions across documents to referents. Sets
/// `Mention::referent` and returns the referents, ordered by id.
pub(crate) fn resolve(
    mentions: &mut [Vec<Mention>],
    docs: &[Prepared],
    doc_ids: &[String],
    lex: &Lexicon,
    vocab: &Vocabulary,
) -> Vec<Referent> {
    resolve_records(mentions, docs, doc_ids, lex, vocab).0
}

/// The referents that a group of documents refers to, each with only the
/// names those documents use, their ids and counts of mentions in them, and
/// ordered as [`resolve`] orders names: `settled[i]` is what resolution
/// settled about the mentions of the group's document `i`
/// ([`Records::settled`]), `ids[i]` its id. Ids, canonical names and kinds
/// stay the corpus's (`referents`), so that the views of two groups name one
/// referent alike. Referents come in the corpus's order; the work is linear
/// in the group's mentions and the names of the referents they mention.
pub(crate) fn group_referents(
    referents: &[Referent],
    settled: &[Vec<Settled>],
    ids: &[&str],
) -> Vec<Referent> {
    let mut used: Vec<u32> =
        settled.iter().flatten().map(|s| s.referent).filter(|&r| r != NO_REFERENT).collect();
    used.sort_unstable();
    used.dedup();
    // (referent, name) -> (document, mentions), by document.
    let mut uses: BTreeMap<(u32, u32), Vec<(usize, usize)>> = BTreeMap::new();
    for (i, ss) in settled.iter().enumerate() {
        for s in ss.iter().filter(|s| s.name != NO_NAME && s.referent != NO_REFERENT) {
            let docs = uses.entry((s.referent, s.name)).or_default();
            match docs.last_mut() {
                Some((d, c)) if *d == i => *c += 1,
                _ => docs.push((i, 1)),
            }
        }
    }
    used.into_iter()
        .filter_map(|r| referents.get(r as usize).map(|global| (r, global)))
        .map(|(r, global)| {
            let mut names: Vec<NameUse> = uses
                .range((r, 0)..=(r, u32::MAX))
                .filter_map(|(&(_, n), docs)| {
                    global.names.get(n as usize).map(|name| NameUse {
                        name: name.name.clone(),
                        docs: docs.iter().map(|&(i, _)| ids[i].to_string()).collect(),
                        mentions: docs.iter().map(|&(_, c)| c).sum(),
                    })
                })
                .collect();
            names.sort_by(name_order);
            Referent { id: global.id.clone(), name: global.name.clone(), kind: global.kind, names }
        })
        .collect()
}

/// The order of a referent's names: used by more documents first, then by
/// more mentions, then by name.
fn name_order(a: &NameUse, b: &NameUse) -> std::cmp::Ordering {
    name_order_by((a, a.docs.len()), (b, b.docs.len()))
}

/// [`name_order`], each name with the number of documents using it (its
/// `docs` may be left empty, see [`Records::resolve`]).
fn name_order_by((a, a_docs): (&NameUse, usize), (b, b_docs): (&NameUse, usize)) -> std::cmp::Ordering {
    b_docs.cmp(&a_docs).then(b.mentions.cmp(&a.mentions)).then(a.name.cmp(&b.name))
}

/// Every [`EntityKind`], in the order of their discriminants.
const KINDS: [EntityKind; 4] =
    [EntityKind::Person, EntityKind::Organization, EntityKind::Place, EntityKind::Other];
const _: () = {
    let mut i = 0;
    while i < KINDS.len() {
        assert!(KINDS[i] as usize == i);
        i += 1;
    }
};

/// How many documents use a name (or one of its spellings), counted from
/// mentions that come in document order.
#[derive(Clone, Copy, Debug, Default)]
struct DocCount {
    docs: u32,
    /// The document of the last mention counted.
    last: u32,
}

impl DocCount {
    /// Counts a mention in document `d` (no earlier than the last one's);
    /// whether it is the first in `d`.
    fn count(&mut self, d: u32) -> bool {
        let first = self.docs == 0 || self.last != d;
        if first {
            self.docs = self.docs.saturating_add(1);
            self.last = d;
        }
        first
    }
}

/// One spelling of a name's key in [`Records::resolve`].
#[derive(Clone, Debug)]
struct Spelling<'s> {
    text: &'s str,
    mentions: usize,
    docs: DocCount,
}

/// The uses of a name's key in [`Records::resolve`]: its spellings, the
/// documents that use it by any of them, and, when referents list their
/// documents, those documents in order.
#[derive(Clone, Debug, Default)]
struct KeyUses<'s> {
    spellings: Vec<Spelling<'s>>,
    docs: DocCount,
    listed: Vec<u32>,
}

/// [`resolve`], with the records it resolved.
fn resolve_records(
    mentions: &mut [Vec<Mention>],
    docs: &[Prepared],
    doc_ids: &[String],
    lex: &Lexicon,
    vocab: &Vocabulary,
) -> (Vec<Referent>, Records) {
    let mut records = Records::settled_demonyms_of(mentions);
    let aliases: Vec<Vec<(usize, usize)>> =
        docs.iter().zip(mentions.iter()).map(|(p, ms)| stated_aliases(p, ms)).collect();
    let referents = records.resolve(&aliases, Some(doc_ids), lex, vocab);
    records.restore_all(mentions);
    (referents, records)
}

impl Records {
    /// A word shaped like a demonym ("-an", "-ian", "-i") is one only if the
    /// corpus names the place it derives from ("Velmoran" of "Velmora");
    /// otherwise it is a name ("Ostrovian", a surname ending in "-yan"). The
    /// first step of [`resolve`]; run it once.
    pub fn settle_demonyms(&mut self) {
        let place_keys: HashSet<u32> =
            self.docs.iter().flatten().filter(|m| m.is_name()).map(|m| m.key).collect();
        let strings = &self.strings;
        for m in self.docs.iter_mut().flatten().filter(|m| m.demonym) {
            let based = demonym_base(strings.str(m.key))
                .iter()
                .any(|b| strings.get(b).is_some_and(|k| place_keys.contains(&k)));
            if !based {
                m.demonym = false;
            }
        }
    }

    /// The rest of [`resolve`], once [`Records::settle_demonyms`] has run:
    /// `aliases[d]` are document `d`'s [`stated_aliases`], `doc_ids[d]` its
    /// id. Sets each record's referent, and which of its referent's names
    /// it is ([`Records::settled`]). Without `doc_ids` the referents' names
    /// list no documents ([`NameUse::docs`] is empty; [`group_referents`]
    /// lists a group's), which saves a copy of a document id per name per
    /// document on a large corpus.
    pub fn resolve(
        &mut self,
        aliases: &[Vec<(usize, usize)>],
        doc_ids: Option<&[String]>,
        lex: &Lexicon,
        vocab: &Vocabulary,
    ) -> Vec<Referent> {
        // The user lexicon's aliases are keys too.
        for n in lex.aliases().iter().flatten() {
            self.strings.intern(&name_key(n));
        }
        let Records { strings, docs: mentions, names: names_of } = self;
        let strings = &*strings;
        let str_of = |i: u32| strings.str(i);
        // Keys get indices in sorted order so everything is deterministic.
        let mut symbols: Vec<u32> = mentions
            .iter()
            .flatten()
            .filter(|m| m.is_name() && !str_of(m.key).is_empty())
            .map(|m| m.key)
            .chain(lex.aliases().iter().flatten().filter_map(|n| strings.get(&name_key(n))))
            .collect::<HashSet<u32>>()
            .into_iter()
            .collect();
        symbols.sort_unstable_by(|&a, &b| str_of(a).cmp(str_of(b)));
        let keys: Vec<&str> = symbols.iter().map(|&k| str_of(k)).collect();
        // The key index of each string number that is a key.
        let mut key_of: Vec<u32> = vec![u32::MAX; strings.0.len()];
        for (i, &k) in symbols.iter().enumerate() {
            key_of[k as usize] = u32::try_from(i).unwrap_or(u32::MAX);
        }
        drop(symbols);
        let index_sym = |k: u32| key_of.get(k as usize).filter(|&&i| i != u32::MAX).map(|&i| i as usize);
        let index = |s: &str| strings.get(s).and_then(index_sym);
        // Keys joined into sets: petgraph's union-find (union by rank), whose
        // representatives are not the sets' smallest keys; those are found
        // when the keys are grouped into referents, below.
        let mut dsu: UnionFind<usize> = UnionFind::new(keys.len());
        // Per key facts.
        // Votes by kind, indexed by `EntityKind as usize` (a map per key was a
        // tenth of the memory while a large corpus is resolved).
        // Counted in 32 bits (saturating): 16 bytes a key rather than 32.
        let mut kind_votes: Vec<[u32; KINDS.len()]> = vec![[0; KINDS.len()]; keys.len()];
        let mut class_of_key: Vec<Option<&'static str>> = vec![None; keys.len()];
        let mut words_of_key: Vec<u32> = vec![u32::MAX; keys.len()];
        for m in mentions.iter().flatten().filter(|m| m.is_name()) {
            let Some(k) = index_sym(m.key) else { continue };
            let vote = &mut kind_votes[k][m.kind as usize];
            *vote = vote.saturating_add(1);
            class_of_key[k] = class_of_key[k].or(m.class());
            if words_of_key[k] == u32::MAX || str_of(words_of_key[k]).is_empty() {
                words_of_key[k] = m.words;
            }
        }
        let words_of = |w: u32| -> Vec<&str> {
            if w == u32::MAX { Vec::new() } else { split_words(str_of(w)).collect() }
        };
        let is_person = |k: usize, votes: &[[u32; KINDS.len()]]| votes[k][EntityKind::Person as usize] > 0;
        // 2. user aliases
        for group in lex.aliases() {
            let ids: Vec<usize> = group.iter().filter_map(|n| index(&name_key(n))).collect();
            for w in ids.windows(2) {
                dsu.union(w[0], w[1]);
            }
        }
        // 3. stated aliases; 4. acronyms within a document
        for (d, ms) in mentions.iter().enumerate() {
            for &(a, b) in aliases.get(d).map_or(&[][..], Vec::as_slice) {
                if let (Some(a), Some(b)) = (index_sym(ms[a].key), index_sym(ms[b].key)) {
                    dsu.union(a, b);
                }
            }
            let word_count = |m: &Record| split_words(str_of(m.words)).count();
            // The first name of two or more words with each initials, found
            // once, at the document's first acronym: searching the
            // document's names for every acronym made a long document
            // quadratic.
            let mut long: Option<HashMap<String, &Record>> = None;
            for m in ms.iter().filter(|m| word_count(m) == 1 && m.is_name()) {
                let surface = str_of(m.surface).trim_matches(|c: char| !c.is_alphanumeric());
                let caps = surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && surface.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
                if !caps {
                    continue;
                }
                let acro = surface.to_lowercase().replace('.', "");
                let long = long.get_or_insert_with(|| {
                    let mut long = HashMap::new();
                    for l in ms.iter().filter(|m| word_count(m) >= 2 && m.is_name()) {
                        long.entry(initials(split_words(str_of(l.words)))).or_insert(l);
                    }
                    long
                });
                if let Some(l) = long.get(&acro)
                    && let (Some(a), Some(b)) = (index_sym(m.key), index_sym(l.key))
                {
                    dsu.union(a, b);
                }
            }
        }
        // 5. surnames: a one-word key that ends exactly one multi-word person key.
        let mut by_last: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (k, key) in keys.iter().enumerate() {
            if is_person(k, &kind_votes)
                && key.contains(' ')
                && let Some(last) = key.rsplit(' ').next()
            {
                by_last.entry(last).or_default().push(k);
            }
        }
        for (k, key) in keys.iter().enumerate() {
            if key.contains(' ') || key.contains('-') || class_of_key[k].is_some() {
                continue;
            }
            if let Some(cands) = by_last.get(key) {
                let roots: BTreeSet<usize> = cands.iter().map(|&c| dsu.find_mut(c)).collect();
                if roots.len() == 1 {
                    dsu.union(k, cands[0]);
                }
            }
        }
        // 6. "P-Q" and "Q" when "P" is never a name of its own.
        for (k, key) in keys.iter().enumerate() {
            if key.contains(' ') || class_of_key[k].is_some() {
                continue;
            }
            if let Some((p, q)) = key.rsplit_once('-')
                && index(p).is_none()
                && !p.contains('-')
                && let Some(qk) = index(q)
            {
                dsu.union(k, qk);
            }
        }
        // 7. "Q <area noun>" and "Q"; 8. same class group with a distinctive word.
        let distinctive = |w: &str| {
            w.len() >= 3
                && !vocab.contains(w)
                && !lex.is_function_word(w)
                && w.chars().all(char::is_alphabetic)
        };
        let mut buckets: BTreeMap<(&'static str, &str), Vec<usize>> = BTreeMap::new();
        for k in 0..keys.len() {
            let Some(group) = class_of_key[k] else { continue };
            let words: Vec<&str> =
                words_of(words_of_key[k]).into_iter().filter(|w| class_of(w) != Some(group)).collect();
            if group == "area"
                && let Some(b) = index(&words.join(" "))
            {
                dsu.union(k, b);
            }
            for w in words {
                if distinctive(w) {
                    buckets.entry((group, w)).or_default().push(k);
                }
            }
        }
        for ((_, _), ks) in buckets {
            for w in ks.windows(2) {
                dsu.union(w[0], w[1]);
            }
        }
        // Group keys into referents: every key with its set's root (the
        // set's smallest key), sorted, so that each set is a run of one
        // list, its keys in order, and the sets in the order of their roots.
        // A map from each root to a list of its keys held some 60 bytes a
        // key (most sets are one key) while the referents were built.
        let grouped = by_smallest(dsu);
        // Collect name uses per key: each spelling with its mentions and
        // the documents that use it, counted as the mentions come (in
        // document order), and the documents that use the key by any
        // spelling, listed only when the referents list their documents. A
        // key has few spellings, so a list is searched. Each spelling's list
        // of documents, merged per key, was a seventh of what a corpus of
        // 100,000 synthetic articles held while it was resolved.
        let list_docs = doc_ids.is_some();
        let mut uses: Vec<KeyUses<'_>> = vec![KeyUses::default(); keys.len()];
        for (d, ms) in mentions.iter().enumerate() {
            let d = u32::try_from(d).unwrap_or(u32::MAX);
            for m in ms.iter().filter(|m| m.is_name()) {
                let Some(k) = index_sym(m.key) else { continue };
                let surface = str_of(m.surface);
                let display = surface.strip_prefix("the ").unwrap_or(surface);
                let key = &mut uses[k];
                if key.docs.count(d) && list_docs {
                    key.listed.push(d);
                }
                let at = match key.spellings.iter().position(|s| s.text == display) {
                    Some(at) => at,
                    None => {
                        key.spellings.push(Spelling {
                            text: display,
                            mentions: 0,
                            docs: DocCount::default(),
                        });
                        key.spellings.len() - 1
                    }
                };
                let spelling = &mut key.spellings[at];
                spelling.docs.count(d);
                spelling.mentions += 1;
            }
        }
        // Each referent with its keys (a run of `grouped`); which of its
        // names each key is.
        let sets = grouped.chunk_by(|a, b| a.0 == b.0).count();
        let mut referents: Vec<(Referent, std::ops::Range<usize>)> = Vec::with_capacity(sets);
        let mut name_of_key: Vec<u32> = vec![NO_NAME; keys.len()];
        let mut start = 0;
        for run in grouped.chunk_by(|a, b| a.0 == b.0) {
            let keys_of_run = start..start + run.len();
            start = keys_of_run.end;
            let ks = run.iter().map(|&(_, k)| k as usize);
            // Each name with how many documents use it, and its key.
            let mut names: Vec<(NameUse, usize, usize)> = Vec::new();
            let mut votes: BTreeMap<EntityKind, usize> = BTreeMap::new();
            for k in ks {
                for (kind, &n) in KINDS.iter().zip(&kind_votes[k]).filter(|(_, n)| **n > 0) {
                    *votes.entry(*kind).or_default() += n as usize;
                }
                // One name per key: the most used spelling (then the one more
                // documents use, then the first in order). Each key's spellings
                // are taken, so that they are freed as the referents are built.
                let key = std::mem::take(&mut uses[k]);
                let spellings = &key.spellings;
                let best = (0..spellings.len()).max_by(|&a, &b| {
                    let (a, b) = (&spellings[a], &spellings[b]);
                    (a.mentions, a.docs.docs, &b.text).cmp(&(b.mentions, b.docs.docs, &a.text))
                });
                if let Some(best) = best {
                    let name = NameUse {
                        name: spellings[best].text.to_string(),
                        docs: doc_ids.map_or_else(Vec::new, |ids| {
                            key.listed.iter().map(|&d| ids[d as usize].clone()).collect()
                        }),
                        mentions: spellings.iter().map(|s| s.mentions).sum(),
                    };
                    names.push((name, key.docs.docs as usize, k));
                }
            }
            if names.is_empty() {
                continue; // only user-lexicon aliases, never mentioned
            }
            // The documents counted apart: the names' `docs` may be empty.
            names.sort_by(|a, b| name_order_by((&a.0, a.1), (&b.0, b.1)));
            for (at, &(_, _, k)) in names.iter().enumerate() {
                name_of_key[k] = u32::try_from(at).unwrap_or(NO_NAME);
            }
            let kind = if votes.contains_key(&EntityKind::Person) {
                EntityKind::Person
            } else {
                votes
                    .iter()
                    .filter(|(k, _)| **k != EntityKind::Other)
                    .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
                    .map_or(EntityKind::Other, |(k, _)| *k)
            };
            // Prefer the longest name of a person as canonical ("Mara Ostrov" over "Ostrov").
            let name = if kind == EntityKind::Person {
                names
                    .iter()
                    .max_by_key(|(n, docs, _)| {
                        (n.name.split_whitespace().count(), *docs, std::cmp::Reverse(n.name.clone()))
                    })
                    .map(|(n, _, _)| n.name.clone())
                    .unwrap_or_default()
            } else {
                names[0].0.name.clone()
            };
            let names = names.into_iter().map(|(n, _, _)| n).collect();
            referents.push((Referent { id: String::new(), name, kind, names }, keys_of_run));
        }
        drop(uses);
        // A tie of names is decided by the sets' roots: the sets are
        // disjoint, so their first keys differ, and the lists of keys once
        // compared here were decided by them. (A run is never empty.)
        let root = |run: &std::ops::Range<usize>| grouped[run.start].0;
        referents.sort_by(|a, b| a.0.name.cmp(&b.0.name).then(root(&a.1).cmp(&root(&b.1))));
        let mut used_ids: HashSet<String> = HashSet::new();
        let mut key_ref: Vec<u32> = vec![NO_REFERENT; keys.len()];
        for (ri, (r, run)) in referents.iter_mut().enumerate() {
            let base = slug(&r.name);
            let mut id = base.clone();
            let mut n = 2;
            while !used_ids.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            r.id = id;
            for &(_, k) in &grouped[run.clone()] {
                key_ref[k as usize] = u32::try_from(ri).unwrap_or(NO_REFERENT);
            }
        }
        // Assign referents to mentions; demonyms and descriptions.
        let demonym_target = |norm: &str| -> u32 {
            demonym_base(norm).iter().find_map(|c| index(c)).map_or(NO_REFERENT, |k| key_ref[k])
        };
        for ms in mentions.iter_mut() {
            for m in ms.iter_mut() {
                if m.demonym {
                    m.referent = demonym_target(str_of(m.key));
                } else if !m.description {
                    m.referent = index_sym(m.key).map_or(NO_REFERENT, |k| key_ref[k]);
                }
            }
            // Definite descriptions: the last earlier name with the same head
            // noun ("the port" -> "Port of X"), else with the same class group
            // within the last three sentences ("the road" -> "X corridor").
            // One pass in document order, with the last name seen per (class
            // group, word) and per class group: linear in the mentions. Only
            // names before the last description are ever looked up (most
            // documents have none: their names are not indexed at all).
            let described = ms.iter().rposition(|m| m.description).map_or(0, |i| i + 1);
            // Words held inline (up to 24 bytes): a name's words were each
            // allocated for the key.
            let mut by_word: HashMap<(u8, CompactString), u32> = HashMap::new();
            let mut by_class: HashMap<u8, (u32, u32)> = HashMap::new();
            for m in ms[..described].iter_mut() {
                if m.description {
                    let head = str_of(m.surface).rsplit(' ').next().unwrap_or("").to_lowercase();
                    m.referent = by_word
                        .get(&(m.class, CompactString::from(head)))
                        .copied()
                        .or_else(|| {
                            by_class
                                .get(&m.class)
                                .filter(|(s, _)| m.sentence.saturating_sub(*s) <= 3)
                                .map(|&(_, r)| r)
                        })
                        .unwrap_or(NO_REFERENT);
                    continue;
                }
                let Some(r) = m.referent().filter(|_| !m.demonym) else { continue };
                let r = u32::try_from(r).unwrap_or(NO_REFERENT);
                let surface = str_of(m.surface).to_lowercase();
                for w in surface.split(|c: char| !c.is_alphanumeric()) {
                    by_word.insert((m.class, w.into()), r);
                    if let Some(singular) = w.strip_suffix('s') {
                        by_word.insert((m.class, singular.into()), r);
                    }
                }
                by_class.insert(m.class, (m.sentence, r));
            }
        }
        *names_of =
            key_of.iter().map(|&k| if k == u32::MAX { NO_NAME } else { name_of_key[k as usize] }).collect();
        referents.into_iter().map(|(r, _)| r).collect()
    }
}

/// The place names a demonym may derive from: "velmoran" -> "velmor",
/// "velmora"; "dravians" -> "dravi", "dravia", …
fn demonym_base(norm: &str) -> Vec<String> {
    let n = norm.trim_end_matches("'s");
    let n = n.strip_suffix('s').filter(|_| n.ends_with("ans") || n.ends_with("is")).unwrap_or(n);
    let mut out = Vec::new();
    for suffix in ["ian", "an", "i", "n", "ese", "ish", "ic"] {
        if let Some(stem) = n.strip_suffix(suffix) {
            out.push(stem.to_string());
            out.push(format!("{stem}a"));
        }
    }
    out
}

/// The referents a document mentions most (at most three, places and
/// organisations before people), most first; ties by first mention.
pub(crate) fn topics(mentions: &[Mention], referents: &[Referent]) -> Vec<String> {
    let mut count: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.demonym {
            continue;
        }
        if let Some(r) = m.referent {
            let e = count.entry(r).or_insert((0, i));
            e.0 += 1;
        }
    }
    let mut ranked: Vec<(usize, usize, usize)> = count
        .into_iter()
        .filter(|(r, (n, _))| *n >= 2 && referents[*r].kind != EntityKind::Person)
        .map(|(r, (n, first))| (r, n, first))
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    ranked.into_iter().take(3).map(|(r, _, _)| referents[r].id.clone()).collect()
}

/// Lowercase ASCII slug of a name.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in deunicode::deunicode(&crate::text::normalize(name)).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "entity".to_string() } else { out }
}

/// Texts (documents `d0`, `d1`, …) prepared, with their mentions found and
/// resolved as the analysis does: for the tests of this and later stages.
#[cfg(test)]
pub(crate) struct Resolved {
    pub prepared: Vec<Prepared>,
    pub vocab: Vocabulary,
    pub mentions: Vec<Vec<Mention>>,
    pub referents: Vec<Referent>,
}

/// `texts` prepared, their vocabulary, and the mentions of each, not yet
/// resolved.
#[cfg(test)]
fn mentions_of(texts: &[&str], lex: &Lexicon) -> (Vec<Prepared>, Vocabulary, Vec<Vec<Mention>>) {
    let prepared: Vec<Prepared> = texts.iter().map(|t| Prepared::new(t)).collect();
    let vocab = vocabulary(&prepared);
    let mentions =
        prepared.iter().enumerate().map(|(i, p)| find_mentions(texts[i], p, lex, &vocab)).collect();
    (prepared, vocab, mentions)
}

#[cfg(test)]
pub(crate) fn resolve_texts(texts: &[&str], lex: &Lexicon) -> Resolved {
    let (prepared, vocab, mut mentions) = mentions_of(texts, lex);
    let ids: Vec<String> = (0..texts.len()).map(|i| format!("d{i}")).collect();
    let referents = resolve(&mut mentions, &prepared, &ids, lex, &vocab);
    Resolved { prepared, vocab, mentions, referents }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sets are listed by their smallest keys, whichever key the
    /// union-find made each set's representative.
    #[test]
    fn keys_are_grouped_under_their_sets_smallest_key() {
        let mut sets: UnionFind<usize> = UnionFind::new(6);
        // Joined by rank: 3 represents {1, 3}, then 4 represents {0, 2, 4}.
        sets.union(3, 1);
        sets.union(4, 2);
        sets.union(4, 0);
        assert_eq!(sets.find(1), 3);
        assert_eq!(sets.find(0), 4);
        assert_eq!(by_smallest(sets), vec![(0, 0), (0, 2), (0, 4), (1, 1), (1, 3), (5, 5)]);
        assert_eq!(by_smallest(UnionFind::new(0)), vec![]);
    }

    /// `class_of` answers as the scan of `CLASS_NOUNS` it replaces: the
    /// first group listing the word or its singular (a word of more than
    /// three letters before an "s"), for every class noun, its plural, its
    /// plural's plural, and words that are none.
    #[test]
    fn class_of_answers_as_the_scan() {
        let scan = |norm: &str| {
            let singular = norm.strip_suffix('s').filter(|s| s.len() > 3);
            CLASS_NOUNS.iter().find_map(|(group, words)| {
                words.iter().any(|w| *w == norm || Some(*w) == singular).then_some(*group)
            })
        };
        let mut words: Vec<String> = vec!["".into(), "s".into(), "bus".into(), "says".into(), "mayor".into()];
        for (_, list) in CLASS_NOUNS {
            for w in *list {
                words.extend([
                    w.to_string(),
                    format!("{w}s"),
                    format!("{w}ss"),
                    w[..w.len() - 1].to_string(),
                ]);
            }
        }
        let mut found = 0;
        for w in &words {
            assert_eq!(class_of(w), scan(w), "{w:?}");
            found += usize::from(scan(w).is_some());
        }
        // The words are class nouns, most of them: the test compares answers.
        assert!(found > words.len() / 2, "{found} of {}", words.len());
    }

    /// Month and day names as the list they were: written out, months also
    /// abbreviated with a full stop; not bare abbreviations or other time.
    #[test]
    fn month_and_day_names_are_the_listed_ones() {
        let listed = "january february march april may june july august september october november december \
                      jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. \
                      monday tuesday wednesday thursday friday saturday sunday";
        for w in listed.split_whitespace() {
            assert!(is_month_or_day(w), "{w}");
        }
        for w in ["jan", "may.", "sept", "week", "today", "mon.", "January", ""] {
            assert!(!is_month_or_day(w), "{w}");
        }
    }

    fn run(texts: &[&str]) -> (Vec<Vec<Mention>>, Vec<Referent>) {
        let r = resolve_texts(texts, &Lexicon::builtin());
        (r.mentions, r.referents)
    }

    fn referent_of<'a>(ms: &[Vec<Mention>], refs: &'a [Referent], surface: &str) -> &'a Referent {
        let m = ms
            .iter()
            .flatten()
            .find(|m| m.surface == surface)
            .unwrap_or_else(|| panic!("no mention {surface}: {ms:#?}"));
        &refs[m.referent.unwrap_or_else(|| panic!("unresolved {surface}"))]
    }

    /// Three texts, with the ids "a", "b" and "c", resolved with the
    /// built-in lexicon: their mentions, referents and records.
    fn resolved_abc(texts: &[&str; 3]) -> (Vec<Vec<Mention>>, Vec<Referent>, Records) {
        let lex = Lexicon::builtin();
        let (prepared, vocab, mut mentions) = mentions_of(texts, &lex);
        let ids: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        let (refs, records) = resolve_records(&mut mentions, &prepared, &ids, &lex, &vocab);
        (mentions, refs, records)
    }

    /// A view of some documents keeps only their names of each referent,
    /// with their documents and mention counts, in the order `resolve` gives
    /// names; referents only other documents mention are left out.
    #[test]
    fn a_view_counts_only_its_documents() {
        let texts = [
            "The Tessa Bridge (or Old Crossing) was closed. Police said the Tessa Bridge stayed shut.",
            "The Old Crossing was open on Monday, the mayor said. The Old Crossing is old.",
            "Engineers inspected the Tessa Bridge. The Osk Dam held.",
        ];
        let (_, refs, records) = resolved_abc(&texts);
        let settled: Vec<Vec<Settled>> =
            records.docs.iter().map(|rs| rs.iter().map(|r| records.settled(r)).collect()).collect();
        let names = |r: &Referent| -> Vec<(String, Vec<String>, usize)> {
            r.names.iter().map(|n| (n.name.clone(), n.docs.clone(), n.mentions)).collect()
        };
        let s = |x: &str| x.to_string();
        let bridge = refs
            .iter()
            .find(|r| r.names.iter().any(|n| n.name == "Tessa Bridge"))
            .unwrap_or_else(|| panic!("the bridge: {refs:#?}"));
        // The whole corpus: "Old Crossing" 3 times in a and b, "Tessa
        // Bridge" 3 times in a and c (two documents each; more mentions first).
        assert_eq!(
            names(bridge),
            [(s("Old Crossing"), vec![s("a"), s("b")], 3), (s("Tessa Bridge"), vec![s("a"), s("c")], 3)]
        );

        // All three documents: the corpus's referents as they are.
        assert_eq!(group_referents(&refs, &settled, &["a", "b", "c"]), refs);

        // Documents b and c: each name in one document.
        let view = group_referents(&refs, &settled[1..], &["b", "c"]);
        let b = view.iter().find(|r| r.id == bridge.id).expect("the bridge in b and c");
        assert_eq!((b.name.as_str(), b.kind), (bridge.name.as_str(), bridge.kind));
        assert_eq!(names(b), [(s("Old Crossing"), vec![s("b")], 2), (s("Tessa Bridge"), vec![s("c")], 1)]);
        assert!(view.iter().any(|r| r.name == "Osk Dam"));

        // Document a alone: no dam.
        let view = group_referents(&refs, &settled[..1], &["a"]);
        assert!(view.iter().all(|r| r.name != "Osk Dam"), "{view:#?}");
        let a = view.iter().find(|r| r.id == bridge.id).expect("the bridge in a");
        assert_eq!(names(a), [(s("Tessa Bridge"), vec![s("a")], 2), (s("Old Crossing"), vec![s("a")], 1)]);
    }

    /// A name's spellings (one key) are counted apart, by mentions and by
    /// documents, and the name lists every document that uses any of them:
    /// the most used spelling is shown, with all the mentions.
    #[test]
    fn a_name_counts_the_documents_of_all_its_spellings() {
        let texts = [
            "Officials at Zürich Port said Zürich Port was open.",
            "Zurich Port closed on Monday. Workers left Zurich Port.",
            "Ships reached Zurich Port late.",
        ];
        let (mentions, refs, _) = resolved_abc(&texts);
        let port = referent_of(&mentions, &refs, "Zürich Port");
        assert_eq!(referent_of(&mentions, &refs, "Zurich Port").id, port.id, "{refs:#?}");
        let names: Vec<(&str, Vec<&str>, usize)> = port
            .names
            .iter()
            .map(|n| (n.name.as_str(), n.docs.iter().map(String::as_str).collect(), n.mentions))
            .collect();
        // "Zurich Port": 3 mentions in 2 documents, "Zürich Port" 2 in 1.
        assert_eq!(names, [("Zurich Port", vec!["a", "b", "c"], 5)]);
    }

    /// A count of documents counts each once, from mentions in document
    /// order, and says which mention is its document's first.
    #[test]
    fn doc_count_counts_each_document_once() {
        let mut c = DocCount::default();
        let firsts: Vec<bool> = [0, 0, 2, 2, 2, 5].into_iter().map(|d| c.count(d)).collect();
        assert_eq!(firsts, [true, false, true, false, false, true]);
        assert_eq!(c.docs, 3);
    }

    /// `may_state_aliases` is true wherever `stated_aliases` finds an alias,
    /// before or after the demonyms are settled, and false on text that
    /// writes none.
    #[test]
    fn may_state_aliases_covers_stated_aliases() {
        let texts = [
            "The Tessa Bridge (or Old Crossing) was closed on Monday.",
            "Mara Ostrov, known locally as the Iron Widow, spoke in Velmora.",
            "Velmoran troops held the Osk Dam, formerly the Brell Dam, on Monday.",
            "The Harbor Road, or Brell Road, was open, Velmoran officials said.",
            "Mara Ostrov met Dan Velk in Velmora on Monday, and the Osk Dam held.",
        ];
        let (prepared, _, mut mentions) = mentions_of(&texts, &Lexicon::builtin());
        let may: Vec<bool> = prepared.iter().zip(&mentions).map(|(p, ms)| may_state_aliases(p, ms)).collect();
        let before: Vec<usize> =
            prepared.iter().zip(&mentions).map(|(p, ms)| stated_aliases(p, ms).len()).collect();
        Records::settled_demonyms_of(&mut mentions);
        let after: Vec<usize> =
            prepared.iter().zip(&mentions).map(|(p, ms)| stated_aliases(p, ms).len()).collect();
        for i in 0..texts.len() {
            assert!(may[i] || (before[i] == 0 && after[i] == 0), "{}: {before:?} {after:?}", texts[i]);
        }
        assert_eq!(&may, &[true, true, true, true, false], "{before:?} {after:?}");
        assert!(after[..4].iter().all(|&n| n > 0), "{after:?}");
    }

    /// The vocabulary from sentences and tokens alone is the vocabulary of
    /// the prepared texts, and the sentences it keeps prepare each text as
    /// [`Prepared::new`] does.
    #[test]
    fn vocabulary_of_texts_is_the_prepared_vocabulary() {
        let texts = [
            "Police said the Tessa Bridge was closed. \"It is Closed,\" said Mara Ostrov.",
            "HEADLINE: Bridge Closed\n\nThe mayor of Velmora said the bridge was Open on Monday.",
        ];
        let docs: Vec<crate::document::Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| crate::document::Document::new(format!("d{i}"), "Daily", *t))
            .collect();
        let prepared: Vec<Prepared> = texts.iter().map(|t| Prepared::new(t)).collect();
        let whole = vocabulary(&prepared);
        let none = crate::progress::Progress::default();
        fn own(d: &crate::document::Document) -> crate::Result<(std::borrow::Cow<'_, str>, usize)> {
            Ok((std::borrow::Cow::Borrowed(d.text.as_str()), d.id.len()))
        }
        let (lean, sentences, kept, lens) =
            vocabulary_of_texts(&docs, 0, &none.stage(crate::progress::Stage::Prepare, 2), own).unwrap();
        assert!(kept.is_empty());
        assert_eq!(lens, [2, 2]);
        // The first document kept prepared: the same vocabulary, and that
        // document prepared with its stems, as the analysis reads it.
        let (with_kept, _, kept, _) =
            vocabulary_of_texts(&docs, 1, &none.stage(crate::progress::Stage::Prepare, 2), own).unwrap();
        assert_eq!(kept.len(), 1);
        let for_names = Prepared::for_names(texts[0], &sentences[0].get());
        let token_list = |p: &Prepared| p.tokens.iter().map(|t| (t.span, t.norm.clone())).collect::<Vec<_>>();
        assert_eq!(token_list(&kept[0]), token_list(&for_names));
        assert_eq!(kept[0].stems, prepared[0].stems);
        for ((t, p), ss) in texts.iter().zip(&prepared).zip(&sentences) {
            let again = Prepared::segmented(t, &ss.get());
            let spans = |p: &Prepared| {
                p.sentences.iter().map(|s| (s.span, s.kind, s.toks.clone())).collect::<Vec<_>>()
            };
            assert_eq!(spans(&again), spans(p));
            assert_eq!(again.stems, p.stems);
        }
        let sorted = |s: &HashSet<String>| s.iter().cloned().collect::<BTreeSet<String>>();
        assert_eq!(sorted(&lean.lower), sorted(&whole.lower));
        assert_eq!(sorted(&lean.midcap), sorted(&whole.midcap));
        assert_eq!(sorted(&with_kept.lower), sorted(&whole.lower));
        assert_eq!(sorted(&with_kept.midcap), sorted(&whole.midcap));
        assert!(whole.midcap.contains("closed") && whole.lower.contains("bridge"), "{whole:?}");
    }

    /// A text that cannot be read stops the vocabulary's pass with the
    /// error of the first such document in document order, on any number
    /// of threads.
    #[test]
    fn vocabulary_of_texts_fails_with_the_first_unreadable_text() {
        let docs: Vec<crate::document::Document> = (0..64)
            .map(|i| {
                crate::document::Document::new(
                    format!("d{i:02}"),
                    "Daily",
                    format!("The bridge {i} was closed."),
                )
            })
            .collect();
        let read = |d: &crate::document::Document| {
            let n: usize = d.id[1..].parse().unwrap_or(0);
            if n % 20 == 17 {
                return Err(crate::Error::EmptyDocument { origin: d.id.clone() });
            }
            Ok((std::borrow::Cow::Owned(d.text.clone()), ()))
        };
        for threads in [1, 2, 4] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let none = crate::progress::Progress::default();
            let result = pool.install(|| {
                vocabulary_of_texts(&docs, 0, &none.stage(crate::progress::Stage::Prepare, 64), read)
            });
            match result {
                Err(crate::Error::EmptyDocument { origin }) => assert_eq!(origin, "d17", "{threads} threads"),
                other => panic!("{threads} threads: {:?}", other.map(|_| ())),
            }
        }
    }

    #[test]
    fn titles_split_from_people() {
        let (ms, refs) =
            run(&["Interior Minister Mara Ostrov said the bridge was closed. Ostrov added more."]);
        let r = referent_of(&ms, &refs, "Mara Ostrov");
        assert_eq!(r.kind, EntityKind::Person);
        assert_eq!(referent_of(&ms, &refs, "Ostrov").id, r.id);
        let m = ms[0].iter().find(|m| m.surface == "Mara Ostrov").unwrap();
        assert_eq!(m.title.as_deref(), Some("Interior Minister"));
    }

    #[test]
    fn partitive_does_not_open_a_name() {
        let (ms, refs) = run(&[
            "Part of the Brell Car Park collapsed on Monday. Most of the Osk Dam held.",
            "Part of the Vanta School Building collapsed.",
        ]);
        let surfaces: Vec<&str> = ms.iter().flatten().map(|m| m.surface.as_str()).collect();
        assert!(surfaces.contains(&"Brell Car Park"), "{surfaces:?}");
        assert!(surfaces.contains(&"Osk Dam"), "{surfaces:?}");
        assert!(surfaces.iter().all(|s| !s.starts_with("Part") && !s.starts_with("Most")), "{surfaces:?}");
        // Two different buildings stay two referents.
        assert_ne!(
            referent_of(&ms, &refs, "Brell Car Park").id,
            referent_of(&ms, &refs, "Vanta School Building").id
        );
    }

    #[test]
    fn stated_alias_and_class_join() {
        let (ms, refs) = run(&[
            "Crowds blocked the Tessa Bridge (known locally as the Old Span) on Monday.",
            "The Old Span was open, police said. Traffic crossed the Tessa-Morrow bridge.",
        ]);
        let a = referent_of(&ms, &refs, "Tessa Bridge");
        assert_eq!(referent_of(&ms, &refs, "Old Span").id, a.id);
        assert_eq!(referent_of(&ms, &refs, "Tessa-Morrow bridge").id, a.id);
    }

    #[test]
    fn hyphen_acronym_and_area_rules() {
        let (ms, refs) = run(&[
            "Fighting spread in Upper-Dravia, the Dravia economic region and Dravia. The International Committee of the Red Cross (ICRC) said it was ready, and the ICRC sent aid.",
            "Velmoran troops entered Velmora.",
        ]);
        let d = referent_of(&ms, &refs, "Dravia");
        assert_eq!(referent_of(&ms, &refs, "Upper-Dravia").id, d.id);
        assert_eq!(referent_of(&ms, &refs, "Dravia economic region").id, d.id);
        let icrc = referent_of(&ms, &refs, "International Committee of the Red Cross");
        assert_eq!(icrc.kind, EntityKind::Organization);
        assert_eq!(referent_of(&ms, &refs, "ICRC").id, icrc.id);
        let v = ms[1].iter().find(|m| m.surface == "Velmoran").unwrap();
        assert!(v.demonym);
        assert_eq!(refs[v.referent.unwrap()].name, "Velmora");
    }

    #[test]
    fn no_join_across_classes_or_common_words() {
        let (ms, refs) = run(&[
            "The Tessa bridge and the Tessa checkpoint were busy. The old road is closed.",
            "The Old Road stayed open, near the Old Bridge.",
        ]);
        assert_ne!(
            referent_of(&ms, &refs, "Tessa bridge").id,
            referent_of(&ms, &refs, "Tessa checkpoint").id
        );
        assert_ne!(referent_of(&ms, &refs, "Old Road").id, referent_of(&ms, &refs, "Old Bridge").id);
    }

    #[test]
    fn descriptions_resolve_to_last_same_class() {
        let (ms, refs) = run(&["Trucks used the Ardel highway. Later the road was closed."]);
        let d = ms[0].iter().find(|m| m.description).unwrap();
        assert_eq!(d.surface, "the road");
        assert_eq!(refs[d.referent.unwrap()].name, "Ardel highway");
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let (ms, _) = run(&["Protesters gathered. The protesters left. Velmora said so."]);
        let names: Vec<&str> = ms[0].iter().filter(|m| !m.description).map(|m| m.surface.as_str()).collect();
        assert_eq!(names, ["Velmora"]);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Tessa-Morrow bridge"), "tessa-morrow-bridge");
        assert_eq!(slug("Şəhla Ünal"), "sahla-unal");
        assert_eq!(slug("“”"), "entity");
    }
}
