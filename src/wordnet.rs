//! Word relations from WordNet 3.0: synonyms, antonyms and sister terms.
//!
//! The table in `data/wordnet.txt.gz` is generated from Princeton's WordNet
//! 3.0 by `scripts/wordnet.sh` (see `scripts/wordnet.py` for the format).
//! The build script turns it into arrays and hash tables that are compiled
//! into the crate and read where they lie (`wordnet_format.rs`), so nothing
//! is read, downloaded, decompressed or parsed at run time.
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

use foldhash::{HashMap, HashSet};

use crate::wordnet_format::{
    ENTRY_WORDS, HEADER_WORDS, MAGIC, POS_SHIFT, SYNSET_WORDS, VERSION, probe, text,
};

/// The table's bytes, aligned for reading as 32-bit words.
#[repr(C, align(8))]
struct Aligned<B: ?Sized>(B);

static DATA: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/wordnet.bin")));

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

/// A synset, read from its record in the table.
#[derive(Clone, Copy, Debug)]
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

/// A list of synset ids: a range of the table's ids.
#[derive(Clone, Copy, Debug, Default)]
struct Ids {
    start: u32,
    len: u32,
}

/// A hash table of string keys in the table: slots, and entries of
/// [`ENTRY_WORDS`] words whose first two are the key's place in the strings.
#[derive(Default)]
struct Keyed {
    slots: &'static [u32],
    entries: &'static [u32],
}

/// The table, read in place.
#[derive(Default)]
pub(crate) struct WordNet {
    synsets: &'static [u32],
    ids: &'static [u32],
    lemmas: Keyed,
    exceptions: Keyed,
    strings: &'static str,
}

/// The table.
pub(crate) fn get() -> &'static WordNet {
    static TABLE: OnceLock<WordNet> = OnceLock::new();
    // The table is written by the build script and checked by the tests;
    // should it ever not read, it is empty rather than a panic.
    TABLE.get_or_init(|| WordNet::read(&DATA.0).unwrap_or_default())
}

impl Keyed {
    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.len() / ENTRY_WORDS
    }

    /// Entry number `n`, all its words.
    fn entry(&self, n: usize) -> Option<&'static [u32]> {
        let start = n.checked_mul(ENTRY_WORDS)?;
        self.entries.get(start..start.checked_add(ENTRY_WORDS)?)
    }

    /// The entry for `key`: its words after the key's two.
    fn get(&self, key: &str, strings: &'static str) -> Option<&'static [u32]> {
        let is_key = |n| self.entry(n).is_some_and(|e| text(strings, e[0], e[1]) == key);
        let at = probe(self.slots, key.as_bytes(), is_key)?.ok()?;
        let n = *self.slots.get(at)? as usize;
        self.entry(n.checked_sub(1)?)?.get(2..)
    }
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
    /// The table in `bytes`, as the build script wrote it, for the target's
    /// byte order; `None` if it is not one (its header, its sizes, its
    /// alignment, or its strings not UTF-8).
    fn read(bytes: &'static [u8]) -> Option<WordNet> {
        let header: &[u32] = bytemuck::try_cast_slice(bytes.get(..HEADER_WORDS * 4)?).ok()?;
        let &[magic, version, synsets, ids, lemma_slots, lemmas, exception_slots, exceptions, strings_len] =
            header
        else {
            return None;
        };
        if magic != MAGIC || version != VERSION {
            return None;
        }
        // Checked arithmetic: a damaged header must not overflow on a
        // 32-bit target.
        let times = |n: u32, words: usize| (n as usize).checked_mul(words);
        let sizes = [
            times(synsets, SYNSET_WORDS)?,
            times(ids, 1)?,
            times(lemma_slots, 1)?,
            times(lemmas, ENTRY_WORDS)?,
            times(exception_slots, 1)?,
            times(exceptions, ENTRY_WORDS)?,
        ];
        let words = sizes.iter().try_fold(HEADER_WORDS, |sum, &n| sum.checked_add(n))?;
        let words_end = words.checked_mul(4)?;
        let words: &'static [u32] = bytemuck::try_cast_slice(bytes.get(..words_end)?).ok()?;
        let strings = std::str::from_utf8(bytes.get(words_end..)?).ok()?;
        if strings.len() != strings_len as usize {
            return None;
        }
        let mut at = HEADER_WORDS;
        let mut next = |len: usize| {
            let part = words.get(at..at + len);
            at += len;
            part
        };
        let wn = WordNet {
            synsets: next(sizes[0])?,
            ids: next(sizes[1])?,
            lemmas: Keyed { slots: next(sizes[2])?, entries: next(sizes[3])? },
            exceptions: Keyed { slots: next(sizes[4])?, entries: next(sizes[5])? },
            strings,
        };
        let power_of_two = |n: usize| n == 0 || n.is_power_of_two();
        (power_of_two(wn.lemmas.slots.len()) && power_of_two(wn.exceptions.slots.len())).then_some(wn)
    }

    /// The synset ids of `ids`.
    fn ids(&self, ids: Ids) -> &'static [u32] {
        let start = ids.start as usize;
        self.ids.get(start..start.saturating_add(ids.len as usize)).unwrap_or(&[])
    }

    fn synset(&self, id: u32) -> Option<Synset> {
        let at = (id as usize).checked_mul(SYNSET_WORDS)?;
        let &[kind, start, lists, more, name_start, name_len] =
            self.synsets.get(at..at.checked_add(SYNSET_WORDS)?)?
        else {
            return None;
        };
        let pos = match kind >> POS_SHIFT {
            0 => Pos::Noun,
            1 => Pos::Verb,
            2 => Pos::Adjective,
            _ => Pos::Adverb,
        };
        let lens = [lists >> 16, lists & 0xFFFF, more >> 16, more & 0xFFFF];
        let mut ids = [Ids::default(); 4];
        let mut next = start;
        for (ids, len) in ids.iter_mut().zip(lens) {
            *ids = Ids { start: next, len };
            next = next.saturating_add(len);
        }
        let [hypernyms, antonyms, heads, derived] = ids;
        Some(Synset {
            pos,
            descendants: kind & ((1 << POS_SHIFT) - 1),
            hypernyms,
            antonyms,
            heads,
            derived,
            name: text(self.strings, name_start, name_len),
        })
    }

    /// The synsets of `lemma`, most frequent sense first.
    fn lemma(&self, lemma: &str) -> Option<Ids> {
        let entry = self.lemmas.get(lemma, self.strings)?;
        Some(Ids { start: *entry.first()?, len: *entry.get(1)? })
    }

    /// The lemma of an irregular inflected `form` ("geese": "goose").
    fn exception(&self, form: &str) -> Option<&'static str> {
        let entry = self.exceptions.get(form, self.strings)?;
        Some(text(self.strings, *entry.first()?, *entry.get(1)?))
    }

    fn has_pos(&self, lemma: &str, pos: Pos) -> bool {
        self.lemma(lemma)
            .is_some_and(|ids| self.ids(ids).iter().any(|&i| self.synset(i).is_some_and(|s| s.pos == pos)))
    }

    /// The dictionary forms `word` may be an inflection of, as `pos`.
    fn lemmas_of(&self, word: &str, pos: Pos) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut push = |w: String| {
            if !out.contains(&w) {
                out.push(w);
            }
        };
        if let Some(lemma) = self.exception(word)
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
            let ids = self.lemma(&lemma).map_or(&[][..], |ids| self.ids(ids));
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

    /// `bytes` where a table can be read: 'static, and aligned.
    fn leak_aligned(bytes: &[u8]) -> &'static [u8] {
        let words: &'static mut [u64] = Vec::leak(vec![0u64; bytes.len().div_ceil(8)]);
        let all: &'static mut [u8] = bytemuck::cast_slice_mut(words);
        all[..bytes.len()].copy_from_slice(bytes);
        &all[..bytes.len()]
    }

    fn written(text: &str) -> &'static [u8] {
        leak_aligned(&crate::wordnet_write::write(text, cfg!(target_endian = "big")).unwrap())
    }

    /// Sections are read by name wherever they stand, a section may come
    /// twice, and comments, blank lines, rows without their fields and
    /// unknown sections are passed over. A lemma listed twice keeps its
    /// last list, an inflected form its first lemma.
    #[test]
    fn the_written_table_reads_back() {
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
                    cat\t0\n\
                    no-fields\n\
                    @exceptions\n\
                    dogs\tdog\textra\n\
                    dogs\tdoggo\n\
                    @synsets\r\n\
                    a\t0\t\t2 0\t1\tbark\t0 1 z\n\
                    v\t0\t\t\t\trun\t\n\
                    r\t0\t\t\t\tfast\t\n\
                    @lemmas\n\
                    animal\t1 2\n\
                    cat\t1";
        let wn = WordNet::read(written(text)).unwrap();
        let names: Vec<(Pos, &str, u32)> =
            (0..6).filter_map(|i| wn.synset(i)).map(|s| (s.pos, s.name, s.descendants)).collect();
        assert_eq!(
            names,
            [
                (Pos::Noun, "dog", 3),
                (Pos::Noun, "animal", 0),
                (Pos::Adjective, "bark", 0),
                (Pos::Verb, "run", 0),
                (Pos::Adverb, "fast", 0)
            ]
        );
        let dog = wn.synset(0).unwrap();
        assert_eq!(wn.ids(dog.hypernyms), [1]);
        assert_eq!(wn.ids(dog.antonyms), [0u32; 0]);
        let bark = wn.synset(2).unwrap();
        assert_eq!(
            [bark.hypernyms, bark.antonyms, bark.heads, bark.derived].map(|ids| wn.ids(ids).to_vec()),
            [vec![], vec![2, 0], vec![1], vec![0, 1, 35]]
        );
        let lemma = |l: &str| wn.lemma(l).map(|ids| wn.ids(ids).to_vec());
        assert_eq!(lemma("dog"), Some(vec![0]));
        assert_eq!(lemma("animal"), Some(vec![1, 2]));
        assert_eq!(lemma("cat"), Some(vec![1]));
        assert_eq!(lemma("no-fields"), None);
        assert_eq!(lemma("bark"), None);
        assert_eq!(wn.lemmas.len(), 3);
        assert_eq!(wn.exceptions.len(), 1);
        assert_eq!(wn.exception("dogs"), Some("dog"));
        assert_eq!(wn.exception("dog"), None);
    }

    /// A table that is not one reads as nothing: another version, cut
    /// short, out of alignment, its strings cut.
    #[test]
    fn a_damaged_table_reads_as_nothing() {
        let good = written("@synsets\nn\t0\t\t\t\tdog\t\n@lemmas\ndog\t0\n").to_vec();
        assert!(WordNet::read(leak_aligned(&good)).is_some());
        let mut version = good.clone();
        // A byte of the version word, whichever the byte order.
        version[4] ^= 0x10;
        version[7] ^= 0x10;
        assert!(WordNet::read(leak_aligned(&version)).is_none());
        assert!(WordNet::read(leak_aligned(&good[..good.len() / 2])).is_none());
        assert!(WordNet::read(leak_aligned(&good[..good.len() - 1])).is_none());
        let mut shifted = vec![0];
        shifted.extend(&good);
        assert!(WordNet::read(&leak_aligned(&shifted)[1..]).is_none());
        assert!(WordNet::read(&[]).is_none());
    }

    /// Every lemma and inflected form of the text table is found in the
    /// compiled one, with its synsets and its lemma.
    #[test]
    fn every_lemma_and_form_reads_back() {
        use std::io::Read as _;
        let gz = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/wordnet.txt.gz")).unwrap();
        let mut text = String::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut text).unwrap();
        let wn = get();
        let (mut section, mut lemmas, mut forms) = ("", 0, 0);
        let mut first_lemma: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
        for line in text.lines() {
            if let Some(name) = line.strip_prefix('@') {
                section = name;
                continue;
            }
            let Some((key, rest)) = line.split_once('\t') else { continue };
            let value = rest.split('\t').next().unwrap_or("");
            match section {
                "lemmas" => {
                    let ids: Vec<u32> =
                        value.split(' ').filter_map(|s| u32::from_str_radix(s, 36).ok()).collect();
                    assert_eq!(wn.lemma(key).map(|ids| wn.ids(ids).to_vec()), Some(ids), "{key}");
                    lemmas += 1;
                }
                "exceptions" => {
                    let first = *first_lemma.entry(key).or_insert(value);
                    assert_eq!(wn.exception(key), Some(first), "{key}");
                    forms += 1;
                }
                _ => {}
            }
        }
        assert!(lemmas > 140_000 && forms > 5_000, "{lemmas} lemmas, {forms} forms");
        assert!(wn.lemma("qzxv").is_none());
        assert_eq!(wn.exception("qzxv"), None);
    }

    /// `split_ascii` gives what `str::split` by the same character gives,
    /// empty pieces and non-ASCII text included.
    #[test]
    fn split_ascii_is_str_split() {
        for text in ["", "\t", "a", "a\tb", "\ta\t\tb\t", "é\tü ß\t\t", "x y  z ", "日本\t語", "\r\n\n"]
        {
            for sep in [b'\t', b' ', b'\n'] {
                let ours: Vec<&str> = crate::wordnet_write::split_ascii(text, sep).collect();
                let std: Vec<&str> = text.split(char::from(sep)).collect();
                assert_eq!(ours, std, "{text:?} at {sep}");
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
        let synsets = wn.synsets.len() / SYNSET_WORDS;
        assert!(synsets > 100_000, "{synsets} synsets");
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
