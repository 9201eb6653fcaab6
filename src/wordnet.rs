//! Word relations from WordNet 3.0: synonyms, antonyms and sister terms.
//!
//! The table in `data/wordnet.txt.gz` is generated from Princeton's WordNet
//! 3.0 by `scripts/wordnet.sh` (see `scripts/wordnet.py` for the format) and
//! compiled into the crate, so nothing is read or downloaded at run time. It
//! is decompressed and parsed once, on first use.
//!
//! Three relations are answered, each between two words or short phrases
//! ("far", "living room"), inflected or not ("onions", "bought"):
//!
//! - **synonyms**: the two share a sense (a synset);
//! - **antonyms**: a sense of one is the antonym of a sense of the other,
//!   directly ("near" / "far") or through an adjective cluster ("giant" is
//!   similar to "large", whose antonym is "small");
//! - **alternatives**: two nouns that are different kinds of one specific
//!   thing ("red" / "blue" are both chromatic colours, "kitchen" / "bedroom"
//!   both rooms), neither a kind of the other. In a sentence that says the
//!   same thing of both, they cannot both be true. Only the most frequent
//!   senses of each are tried, and the shared kind must be specific: a
//!   class of at most a few thousand kinds ("colour", "room", "beverage"),
//!   not "person" or "object".
//!
//! WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
//! Its licence is in `data/WORDNET-LICENSE`.

use std::sync::OnceLock;

use foldhash::{HashMap, HashMapExt as _, HashSet};

static DATA: &[u8] = include_bytes!("../data/wordnet.txt.gz");

/// A part of speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Pos {
    Noun,
    Verb,
    Adjective,
    Adverb,
}

const ALL_POS: [Pos; 4] = [Pos::Noun, Pos::Verb, Pos::Adjective, Pos::Adverb];

/// How many senses, most frequent first, count as a word's usual senses
/// when deciding that two words are synonyms before trying opposites and
/// alternatives.
pub(crate) const USUAL_SENSES: usize = 2;

/// How many senses, most frequent first, [`WordNet::supports`] tries.
const SUPPORT_SENSES: usize = 3;
/// How far above a specific word's sense the general word's may be.
const SUPPORT_DISTANCE: u8 = 2;

/// How many of a noun's senses, most frequent first, [`WordNet::alternatives`] tries.
const ALTERNATIVE_SENSES: usize = 3;
/// How far above each noun the shared kind may be, in hypernym steps.
const ALTERNATIVE_DISTANCE: u8 = 3;
/// How many kinds (synsets) the shared kind may have below it: "colour"
/// (about 300), "room" (about 200) and "beverage" qualify; "person" (about
/// 10,000), "organism" and "object" do not.
const ALTERNATIVE_MAX_KINDS: u32 = 2000;

struct Synset {
    pos: Pos,
    /// For nouns, how many synsets are below this one.
    descendants: u32,
    hypernyms: Ids,
    antonyms: Ids,
    heads: Ids,
    derived: Ids,
    name: &'static str,
}

/// A list of synset ids: a range of [`WordNet::ids`]. One list holds them
/// all: a list each took most of the time the table takes to parse.
#[derive(Clone, Copy, Debug, Default)]
struct Ids {
    start: u32,
    len: u32,
}

/// The parsed table.
pub(crate) struct WordNet {
    synsets: Vec<Synset>,
    lemmas: HashMap<&'static str, Ids>,
    exceptions: HashMap<&'static str, &'static str>,
    /// Every list of synset ids, one after another.
    ids: Vec<u32>,
}

/// The table, parsed on first use.
pub(crate) fn get() -> &'static WordNet {
    static TEXT: OnceLock<String> = OnceLock::new();
    static TABLE: OnceLock<WordNet> = OnceLock::new();
    TABLE.get_or_init(|| {
        let text = TEXT.get_or_init(|| {
            use std::io::Read;
            let mut out = String::new();
            // The data is compiled in and checked by the tests; should it
            // ever fail to decompress, the table is empty rather than a panic.
            match flate2::read::GzDecoder::new(DATA).read_to_string(&mut out) {
                Ok(_) => out,
                Err(_) => String::new(),
            }
        });
        WordNet::parse(text)
    })
}

/// `text` split at each `sep`, an ASCII byte: what `text.split(sep as
/// char)` gives. `str::split` by a character compares each match with the
/// character's encoding through a call to `bcmp`, and the table's 4.8 MB
/// have millions of tabs, spaces and line ends: a tenth of the start-up.
fn split_ascii(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        match memchr::memchr(sep, t.as_bytes()) {
            // `sep` is ASCII, so both sides of it are on char boundaries.
            Some(i) => {
                rest = t.get(i + 1..);
                t.get(..i)
            }
            None => {
                rest = None;
                Some(t)
            }
        }
    })
}

/// `text.split_once(sep as char)` for an ASCII `sep`, without the call to
/// `bcmp` (see [`split_ascii`]).
fn split_once_ascii(text: &str, sep: u8) -> Option<(&str, &str)> {
    let i = memchr::memchr(sep, text.as_bytes())?;
    Some((text.get(..i)?, text.get(i + 1..)?))
}

/// Appends the ids of `field` (base-36 numbers separated by spaces) to
/// `all`, and returns where they are.
fn push_ids(all: &mut Vec<u32>, field: &str) -> Ids {
    let start = all.len();
    all.extend(split_ascii(field, b' ').filter_map(|s| u32::from_str_radix(s, 36).ok()));
    let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ids { start: at(start), len: at(all.len() - start) }
}

/// Inflectional endings and their replacements, per part of speech
/// (WordNet's "morphy" rules).
fn endings(pos: Pos) -> &'static [(&'static str, &'static str)] {
    match pos {
        Pos::Noun => &[
            ("s", ""),
            ("ses", "s"),
            ("xes", "x"),
            ("zes", "z"),
            ("ches", "ch"),
            ("shes", "sh"),
            ("men", "man"),
            ("ies", "y"),
        ],
        Pos::Verb => &[
            ("s", ""),
            ("ies", "y"),
            ("es", "e"),
            ("es", ""),
            ("ed", "e"),
            ("ed", ""),
            ("ing", "e"),
            ("ing", ""),
        ],
        Pos::Adjective => &[("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
        Pos::Adverb => &[],
    }
}

impl WordNet {
    fn parse(data: &'static str) -> WordNet {
        // Each section's name and text, found once: matching the section's
        // name on every line was a sixth of the start-up. A section starts
        // at a line `@name` and runs to the next.
        let starts: Vec<usize> = data
            .starts_with('@')
            .then_some(0)
            .into_iter()
            .chain(data.match_indices("\n@").map(|(at, _)| at + 1))
            .collect();
        let sections: Vec<(&str, &'static str)> = starts
            .iter()
            .enumerate()
            .map(|(i, &at)| {
                let end = starts.get(i + 1).copied().unwrap_or(data.len());
                let (name, text) = data[at + 1..end].split_once('\n').unwrap_or((&data[at + 1..end], ""));
                (name.trim_end_matches('\r'), text)
            })
            .collect();
        let of = |name: &'static str| sections.iter().filter(move |s| s.0 == name).map(|s| s.1);
        // Lines as `str::lines` gives them (a `\r` before the `\n` dropped),
        // without its per-line `bcmp` (see `split_ascii`).
        let rows = move |name: &'static str| {
            of(name)
                .flat_map(|text| split_ascii(text, b'\n'))
                .map(|l| l.strip_suffix(['\r']).unwrap_or(l))
                .filter(|l| !l.starts_with('#') && !l.is_empty())
        };
        // Lines per section, to size the tables once.
        let count = |name: &'static str| {
            of(name).map(|t| memchr::memchr_iter(b'\n', t.as_bytes()).count()).sum::<usize>()
        };
        let (synsets, lemmas) = (count("synsets"), count("lemmas"));
        let mut wn = WordNet {
            synsets: Vec::with_capacity(synsets),
            lemmas: HashMap::with_capacity(lemmas),
            exceptions: HashMap::with_capacity(count("exceptions")),
            // Enough for the compiled-in table (386,562 ids for 117,659
            // synsets and 147,306 lemmas) without growing.
            ids: Vec::with_capacity(synsets + 2 * lemmas),
        };
        for line in rows("synsets") {
            let mut f = split_ascii(line, b'\t');
            let pos = match f.next() {
                Some("n") => Pos::Noun,
                Some("v") => Pos::Verb,
                Some("a") => Pos::Adjective,
                _ => Pos::Adverb,
            };
            let descendants = f.next().and_then(|d| d.parse().ok()).unwrap_or(0);
            let hypernyms = push_ids(&mut wn.ids, f.next().unwrap_or(""));
            let antonyms = push_ids(&mut wn.ids, f.next().unwrap_or(""));
            let heads = push_ids(&mut wn.ids, f.next().unwrap_or(""));
            let name = f.next().unwrap_or("");
            let derived = push_ids(&mut wn.ids, f.next().unwrap_or(""));
            wn.synsets.push(Synset { pos, descendants, hypernyms, antonyms, heads, derived, name });
        }
        for line in rows("lemmas") {
            if let Some((lemma, list)) = split_once_ascii(line, b'\t') {
                let list = split_ascii(list, b'\t').next().unwrap_or("");
                let ids = push_ids(&mut wn.ids, list);
                wn.lemmas.insert(lemma, ids);
            }
        }
        for line in rows("exceptions") {
            if let Some((form, lemma)) = split_once_ascii(line, b'\t') {
                let lemma = split_ascii(lemma, b'\t').next().unwrap_or("");
                wn.exceptions.entry(form).or_insert(lemma);
            }
        }
        wn
    }

    /// The synset ids of `ids`.
    fn ids(&self, ids: Ids) -> &[u32] {
        let start = ids.start as usize;
        self.ids.get(start..start.saturating_add(ids.len as usize)).unwrap_or(&[])
    }

    fn synset(&self, id: u32) -> Option<&Synset> {
        self.synsets.get(id as usize)
    }

    fn has_pos(&self, lemma: &str, pos: Pos) -> bool {
        self.lemmas
            .get(lemma)
            .is_some_and(|&ids| self.ids(ids).iter().any(|&i| self.synset(i).is_some_and(|s| s.pos == pos)))
    }

    /// The dictionary forms `word` may be an inflection of, as `pos`.
    fn lemmas_of(&self, word: &str, pos: Pos) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut push = |w: String| {
            if !out.contains(&w) {
                out.push(w);
            }
        };
        if let Some(lemma) = self.exceptions.get(word)
            && self.has_pos(lemma, pos)
        {
            push(lemma.to_string());
        }
        if self.has_pos(word, pos) {
            push(word.to_string());
        }
        for (ending, replacement) in endings(pos) {
            if let Some(stem) = word.strip_suffix(ending)
                && !stem.is_empty()
            {
                let candidate = format!("{stem}{replacement}");
                if self.has_pos(&candidate, pos) {
                    push(candidate);
                }
            }
        }
        out
    }

    /// The senses of `word` as `pos`, most frequent first, at most `limit` per dictionary form.
    fn senses(&self, word: &str, pos: Pos, limit: usize) -> Vec<u32> {
        let word = normalize(word);
        let mut out = Vec::new();
        for lemma in self.lemmas_of(&word, pos) {
            let ids = self.lemmas.get(lemma.as_str()).map_or(&[][..], |&ids| self.ids(ids));
            for &id in ids.iter().filter(|&&i| self.synset(i).is_some_and(|s| s.pos == pos)).take(limit) {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        out
    }

    /// Whether the most frequent noun sense of `word` is a physical thing
    /// (a kind of "physical entity": "block" as a city block, "tower"), not
    /// an act or a state ("closure", "increase").
    pub(crate) fn names_a_thing(&self, word: &str) -> bool {
        self.senses(word, Pos::Noun, 1).first().is_some_and(|&s| {
            self.ancestors(s, 20).keys().any(|&a| self.synset(a).is_some_and(|x| x.name == "physical entity"))
        })
    }

    /// Whether one of the two most frequent noun senses of `word` is a
    /// person or a group of people ("voters", "lobbyists", "party",
    /// "newspaper" as its publisher), someone who can hold a view or say
    /// something.
    pub(crate) fn names_agent(&self, word: &str) -> bool {
        self.senses(word, Pos::Noun, 2).into_iter().any(|s| {
            self.ancestors(s, 20).keys().any(|&a| {
                self.synset(a).is_some_and(|x| matches!(x.name, "person" | "social group" | "organization"))
            })
        })
    }

    /// Whether WordNet knows `word` (or its base form) only as a verb,
    /// adjective or adverb, never as a noun ("asked", "critical").
    pub(crate) fn never_a_noun(&self, word: &str) -> bool {
        self.senses(word, Pos::Noun, 1).is_empty()
            && ALL_POS.iter().any(|&pos| pos != Pos::Noun && !self.senses(word, pos, 1).is_empty())
    }

    /// Whether `word` as written is the dictionary form of a verb ("veto",
    /// "build"; not "voters", "cheers" or "the"): the verb after an
    /// infinitive "to".
    pub(crate) fn is_base_verb(&self, word: &str) -> bool {
        self.has_pos(&normalize(word), Pos::Verb)
    }

    /// Whether WordNet knows `word` (or its base form) as a noun.
    pub(crate) fn is_noun(&self, word: &str) -> bool {
        !self.senses(word, Pos::Noun, 1).is_empty()
    }

    /// Whether `word` is used as a noun and never as an adjective.
    pub(crate) fn noun_not_adjective(&self, word: &str) -> bool {
        !self.senses(word, Pos::Noun, 1).is_empty() && self.senses(word, Pos::Adjective, 1).is_empty()
    }

    /// Whether WordNet knows `word` at all.
    #[cfg(test)]
    pub(crate) fn knows(&self, word: &str) -> bool {
        ALL_POS.iter().any(|&pos| !self.senses(word, pos, 1).is_empty())
    }

    /// Whether `a` and `b` share a sense.
    pub(crate) fn synonyms(&self, a: &str, b: &str) -> bool {
        self.synonyms_within(a, b, usize::MAX)
    }

    /// Whether `a` and `b` share a sense among the `limit` most frequent
    /// senses of each: "buy" / "purchase", but not "harp" / "harmonica"
    /// (a rare sense of "harp").
    pub(crate) fn synonyms_within(&self, a: &str, b: &str, limit: usize) -> bool {
        ALL_POS.iter().any(|&pos| {
            let sb = self.senses(b, pos, limit);
            !sb.is_empty() && self.senses(a, pos, limit).iter().any(|s| sb.contains(s))
        })
    }

    /// Whether a sense of `a` is an antonym of a sense of `b`, directly or
    /// through the heads of adjective clusters.
    pub(crate) fn antonyms(&self, a: &str, b: &str) -> bool {
        ALL_POS.iter().any(|&pos| {
            let sb = self.senses(b, pos, usize::MAX);
            if sb.is_empty() {
                return false;
            }
            let mut targets: HashSet<u32> = sb.iter().copied().collect();
            for &s in &sb {
                targets.extend(self.synset(s).map_or(&[][..], |x| self.ids(x.heads)));
            }
            self.senses(a, pos, usize::MAX).iter().any(|&s| {
                let Some(syn) = self.synset(s) else { return false };
                std::iter::once(s).chain(self.ids(syn.heads).iter().copied()).any(|h| {
                    self.synset(h).is_some_and(|x| self.ids(x.antonyms).iter().any(|t| targets.contains(t)))
                })
            })
        })
    }

    /// Whether a statement using `general` is supported by one using
    /// `specific`: they share a usual sense ("bought" / "purchased"), one is
    /// derived from the other ("imprisoned" / "imprisonment", "assassination" /
    /// "assassinated"), or a usual sense of `specific` is a kind of a sense of
    /// `general`, at most [`SUPPORT_DISTANCE`] steps up ("assassinated" /
    /// "killed", "sedan" / "car").
    pub(crate) fn supports(&self, specific: &str, general: &str) -> bool {
        if self.synonyms_within(specific, general, SUPPORT_SENSES) {
            return true;
        }
        for pos in ALL_POS {
            let sg = self.senses(general, pos, usize::MAX);
            if sg.is_empty() {
                continue;
            }
            for s in self.senses(specific, pos, SUPPORT_SENSES) {
                let ancestors = self.ancestors(s, SUPPORT_DISTANCE);
                if sg.iter().any(|g| ancestors.contains_key(g)) {
                    return true;
                }
            }
        }
        let derived = |word: &str| -> HashSet<u32> {
            ALL_POS
                .iter()
                .flat_map(|&pos| self.senses(word, pos, SUPPORT_SENSES))
                .flat_map(|s| self.synset(s).map(|x| self.ids(x.derived).to_vec()).unwrap_or_default())
                .collect()
        };
        let from_general = derived(general);
        ALL_POS
            .iter()
            .flat_map(|&pos| self.senses(specific, pos, SUPPORT_SENSES))
            .any(|s| from_general.contains(&s))
            || {
                let from_specific = derived(specific);
                ALL_POS
                    .iter()
                    .flat_map(|&pos| self.senses(general, pos, SUPPORT_SENSES))
                    .any(|s| from_specific.contains(&s))
            }
    }

    /// Ancestors of a synset within `max` hypernym steps, with their distance.
    fn ancestors(&self, id: u32, max: u8) -> HashMap<u32, u8> {
        let mut out: HashMap<u32, u8> = [(id, 0u8)].into_iter().collect();
        let mut frontier = vec![id];
        for d in 1..=max {
            let mut next = Vec::new();
            for x in frontier {
                for &h in self.synset(x).map_or(&[][..], |s| self.ids(s.hypernyms)) {
                    if let std::collections::hash_map::Entry::Vacant(e) = out.entry(h) {
                        e.insert(d);
                        next.push(h);
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        out
    }

    /// If `a` and `b` are different kinds of one specific thing (and
    /// neither is a kind of the other, and they share none of their most
    /// frequent senses), the name of that thing.
    pub(crate) fn alternatives(&self, a: &str, b: &str) -> Option<&'static str> {
        if self.synonyms_within(a, b, USUAL_SENSES) {
            return None;
        }
        let (sa, sb) =
            (self.senses(a, Pos::Noun, ALTERNATIVE_SENSES), self.senses(b, Pos::Noun, ALTERNATIVE_SENSES));
        for &x in &sa {
            let near_x = self.ancestors(x, ALTERNATIVE_DISTANCE);
            let all_x = self.ancestors(x, u8::MAX);
            for &y in &sb {
                let all_y = self.ancestors(y, u8::MAX);
                if all_x.contains_key(&y) || all_y.contains_key(&x) {
                    continue;
                }
                let near_y = self.ancestors(y, ALTERNATIVE_DISTANCE);
                let best = near_x
                    .iter()
                    .filter_map(|(c, dx)| near_y.get(c).map(|dy| (dx + dy, *c)))
                    .filter(|&(_, c)| self.synset(c).is_some_and(|s| s.descendants <= ALTERNATIVE_MAX_KINDS))
                    .min();
                if let Some((_, c)) = best {
                    return self.synset(c).map(|s| s.name).filter(|n| !n.is_empty());
                }
            }
        }
        None
    }
}

/// Lowercase, single spaces, typographic apostrophes folded.
fn normalize(word: &str) -> String {
    word.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase().replace('\u{2019}', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sections are read by name wherever they stand, a section may come
    /// twice, and comments, blank lines, rows without their fields and
    /// unknown sections are passed over.
    #[test]
    fn parse_reads_sections_by_name() {
        let text = "# header, not a section: @lemmas\n\
                    @synsets\n\
                    n\t3\t1\t\t\tdog\t\n\
                    # a comment\n\
                    \n\
                    n\t0\t\t\t\tanimal\t\n\
                    @unknown\n\
                    dog\t0\n\
                    @lemmas\n\
                    dog\t0\n\
                    no-fields\n\
                    @exceptions\n\
                    dogs\tdog\textra\n\
                    dogs\tdoggo\n\
                    @synsets\r\n\
                    v\t0\t\t\t\tbark\t\n\
                    @lemmas\n\
                    animal\t1 2";
        let wn = WordNet::parse(text);
        let names: Vec<(Pos, &str, u32)> =
            wn.synsets.iter().map(|s| (s.pos, s.name, s.descendants)).collect();
        assert_eq!(names, [(Pos::Noun, "dog", 3), (Pos::Noun, "animal", 0), (Pos::Verb, "bark", 0)]);
        assert_eq!(wn.ids(wn.synsets[0].hypernyms), [1]);
        let mut lemmas: Vec<(&str, Vec<u32>)> =
            wn.lemmas.iter().map(|(&l, &ids)| (l, wn.ids(ids).to_vec())).collect();
        lemmas.sort();
        assert_eq!(lemmas, [("animal", vec![1, 2]), ("dog", vec![0])]);
        assert_eq!(wn.exceptions.len(), 1);
        assert_eq!(wn.exceptions.get("dogs"), Some(&"dog"));
    }

    /// `split_ascii` gives what `str::split` by the same character gives,
    /// empty pieces and non-ASCII text included.
    #[test]
    fn split_ascii_is_str_split() {
        for text in ["", "\t", "a", "a\tb", "\ta\t\tb\t", "é\tü ß\t\t", "x y  z ", "日本\t語", "\r\n\n"]
        {
            for sep in [b'\t', b' ', b'\n'] {
                let ours: Vec<&str> = split_ascii(text, sep).collect();
                let std: Vec<&str> = text.split(char::from(sep)).collect();
                assert_eq!(ours, std, "{text:?} at {sep}");
                assert_eq!(
                    split_once_ascii(text, sep),
                    text.split_once(char::from(sep)),
                    "{text:?} at {sep}"
                );
            }
        }
    }

    #[test]
    fn synonyms_share_a_sense() {
        let wn = get();
        assert!(wn.synonyms("buy", "purchase"));
        assert!(wn.synonyms("bought", "purchased"));
        assert!(wn.synonyms("car", "automobile"));
        assert!(!wn.synonyms("car", "boat"));
    }

    #[test]
    fn antonyms_direct_and_through_clusters() {
        let wn = get();
        assert!(wn.antonyms("near", "far"));
        assert!(wn.antonyms("old", "young"));
        assert!(wn.antonyms("giant", "small"), "through the cluster of 'large'");
        assert!(wn.antonyms("tiny", "huge"));
        assert!(wn.antonyms("bought", "sold"));
        assert!(!wn.antonyms("big", "large"));
        assert!(!wn.antonyms("red", "blue"));
    }

    #[test]
    fn alternatives_need_a_specific_shared_kind() {
        let wn = get();
        assert!(wn.alternatives("red", "blue").is_some());
        assert!(wn.alternatives("kitchen", "bedroom").is_some());
        assert!(wn.alternatives("onions", "potatoes").is_some());
        // A kind and its kind are not alternatives, nor are synonyms.
        assert_eq!(wn.alternatives("dog", "animal"), None);
        assert_eq!(wn.alternatives("car", "automobile"), None);
        // "man" and "worker" are both people, which is too general.
        assert_eq!(wn.alternatives("man", "worker"), None);
    }

    #[test]
    fn support_through_synonyms_derivation_and_kinds() {
        let wn = get();
        assert!(wn.supports("purchased", "bought"));
        assert!(wn.supports("imprisonment", "imprisoned"));
        assert!(wn.supports("assassination", "assassinated"));
        assert!(wn.supports("assassinated", "killed"));
        assert!(wn.supports("sedan", "car"));
        assert!(!wn.supports("car", "sedan"), "the general word does not support the specific");
        assert!(!wn.supports("boat", "car"));
    }

    #[test]
    fn the_table_is_complete() {
        let wn = get();
        assert!(wn.synsets.len() > 100_000, "{} synsets", wn.synsets.len());
        assert!(wn.lemmas.len() > 140_000, "{} lemmas", wn.lemmas.len());
        assert!(wn.exceptions.len() > 5_000);
    }

    #[test]
    fn agents_are_people_and_groups() {
        let wn = get();
        for w in
            ["voters", "lobbyists", "advisers", "party", "committee", "newspaper", "senator", "commuters"]
        {
            assert!(wn.names_agent(w), "{w}");
        }
        for w in ["states", "support", "overall", "key", "notes", "diverse", "race"] {
            assert!(!wn.names_agent(w), "{w}");
        }
    }

    #[test]
    fn unknown_words_relate_to_nothing() {
        let wn = get();
        assert!(!wn.knows("qzxv"));
        assert!(!wn.synonyms("qzxv", "qzxv2"));
        assert!(!wn.antonyms("qzxv", "far"));
        assert_eq!(wn.alternatives("qzxv", "red"), None);
    }
}
