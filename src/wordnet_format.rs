//! The layout of the WordNet table as compiled into the crate, shared by
//! the build script, which writes it (`wordnet_write.rs`), and by
//! [`crate::wordnet`], which reads it in place.
//!
//! `build.rs` turns `data/wordnet.txt.gz` (text, see `scripts/wordnet.py`)
//! into this form once, at build time: reading the text at every start
//! (decompressing it, then filling a hash table of 147,306 lemmas) was two
//! thirds of a one-article run and 23 MB of its memory.
//!
//! The table is a header of [`HEADER_WORDS`] 32-bit words, then arrays of
//! 32-bit words, then the strings, all in the target's byte order:
//!
//! - header: [`MAGIC`], [`VERSION`], then the number of synsets, of ids, of
//!   lemma slots, of lemmas, of exception slots, of exceptions, and the
//!   length of the strings in bytes;
//! - synsets, [`SYNSET_WORDS`] words each: part of speech (top two bits,
//!   [`POS_SHIFT`]) and, for nouns, the number of synsets below (the other
//!   bits); where its id lists start in the ids; the lengths of the
//!   hypernym and antonym lists (high and low half-word); those of the
//!   head and derived lists; the name's start and length in the strings.
//!   The four lists follow one another in the ids;
//! - ids: every list of synset ids, one after another;
//! - lemma slots: an open-addressing hash table (a power of two long,
//!   probed linearly from [`slot`]), each slot 0 or a lemma's index plus
//!   one;
//! - lemmas, [`ENTRY_WORDS`] words each: the lemma's start and length in
//!   the strings, its ids' start and length in the ids;
//! - exception slots and exceptions, as the lemmas: the inflected form's
//!   start and length, its lemma's start and length;
//! - strings: UTF-8 text the entries point into.

/// The table's first word.
pub(crate) const MAGIC: u32 = u32::from_le_bytes(*b"CGWN");
/// The layout's version, the table's second word.
pub(crate) const VERSION: u32 = 1;
/// Words in the header.
pub(crate) const HEADER_WORDS: usize = 9;
/// Words per synset.
pub(crate) const SYNSET_WORDS: usize = 6;
/// Words per lemma or exception.
pub(crate) const ENTRY_WORDS: usize = 4;
/// Where the part of speech sits in a synset's first word.
pub(crate) const POS_SHIFT: u32 = 30;

/// Where `key` is in the open-addressing table `slots` (each slot 0, or an
/// entry's index plus one), probing linearly from [`slot`]: `Ok` with the
/// slot whose entry `is_key` accepts, `Err` with the empty slot where the
/// key would go. `None` if `slots` is not a power of two long, or is full
/// and has no such entry. The build script and the reader must probe
/// alike, hence its place here.
pub(crate) fn probe(
    slots: &[u32],
    key: &[u8],
    mut is_key: impl FnMut(usize) -> bool,
) -> Option<Result<usize, usize>> {
    if !slots.len().is_power_of_two() {
        return None;
    }
    let mask = slots.len() - 1;
    let mut i = slot(key, slots.len().trailing_zeros());
    // Every key is at most as far from its slot as the table is long; the
    // bound keeps a damaged table from looping.
    for _ in 0..slots.len() {
        match *slots.get(i)? {
            0 => return Some(Err(i)),
            n if is_key(n as usize - 1) => return Some(Ok(i)),
            _ => i = (i + 1) & mask,
        }
    }
    None
}

/// The `len` bytes of `strings` from `start`, or "" outside them.
pub(crate) fn text(strings: &str, start: u32, len: u32) -> &str {
    let start = start as usize;
    strings.get(start..start.saturating_add(len as usize)).unwrap_or("")
}

/// The slot where probing for `key` starts in a table of `2^bits` slots:
/// FNV-1a, then a Fibonacci multiply whose top bits are taken.
fn slot(key: &[u8], bits: u32) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    if bits == 0 {
        return 0;
    }
    let top = h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits.min(63));
    usize::try_from(top).unwrap_or(0)
}
