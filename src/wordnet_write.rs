//! Writes the WordNet table from its text form (see `wordnet_format.rs`).
//! Run by the build script; compiled into the crate only for its tests.

use std::collections::HashMap;

use crate::wordnet_format::{
    ENTRY_WORDS, HEADER_WORDS, MAGIC, POS_SHIFT, SYNSET_WORDS, VERSION, probe, text,
};

/// `text` split at each `sep`, an ASCII byte: what `text.split(sep as
/// char)` gives, without a call to `bcmp` for each match.
pub(crate) fn split_ascii(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        match t.bytes().position(|b| b == sep) {
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

/// Slots for `n` keys: a power of two, at least `n + n / 2`, so that at
/// most two thirds are used.
fn slots_for(n: usize) -> usize {
    (n + n / 2).max(1).next_power_of_two()
}

/// A number that must fit the table's words.
fn word(n: usize, what: &str) -> Result<u32, String> {
    u32::try_from(n).map_err(|_| format!("WordNet table: {what} ({n}) does not fit 32 bits"))
}

/// A list length that must fit half a word.
fn half(n: usize, what: &str) -> Result<u32, String> {
    if n <= 0xFFFF {
        word(n, what)
    } else {
        Err(format!("WordNet table: a synset's {what} list has {n} ids"))
    }
}

/// The strings, each written once.
#[derive(Default)]
struct Strings {
    bytes: String,
    at: HashMap<String, (u32, u32)>,
}

impl Strings {
    fn add(&mut self, s: &str) -> Result<(u32, u32), String> {
        if let Some(&at) = self.at.get(s) {
            return Ok(at);
        }
        let at = (word(self.bytes.len(), "the strings' length")?, word(s.len(), "a string's length")?);
        self.bytes.push_str(s);
        self.at.insert(s.to_string(), at);
        Ok(at)
    }

    fn get(&self, (start, len): (u32, u32)) -> &str {
        text(&self.bytes, start, len)
    }
}

/// A hash table of string keys, as laid out in the table: slots, and
/// entries of [`ENTRY_WORDS`] words whose first two are the key.
struct Table {
    slots: Vec<u32>,
    entries: Vec<[u32; ENTRY_WORDS]>,
}

impl Table {
    fn new(keys: usize) -> Table {
        Table { slots: vec![0; slots_for(keys)], entries: Vec::with_capacity(keys) }
    }

    /// Adds `entry` under `key`, replacing the entry there if `replace`,
    /// else keeping it.
    fn insert(
        &mut self,
        key: &str,
        entry: [u32; ENTRY_WORDS],
        strings: &Strings,
        replace: bool,
    ) -> Result<(), String> {
        let entries = &self.entries;
        let is_key = |n: usize| entries.get(n).is_some_and(|e| strings.get((e[0], e[1])) == key);
        match probe(&self.slots, key.as_bytes(), is_key) {
            Some(Err(empty)) => {
                self.entries.push(entry);
                self.slots[empty] = word(self.entries.len(), "the number of entries")?;
            }
            Some(Ok(at)) if replace => self.entries[self.slots[at] as usize - 1] = entry,
            Some(Ok(_)) => {}
            None => return Err(format!("WordNet table: no slot for {key:?}")),
        }
        Ok(())
    }
}

/// The table for `text`, in big-endian byte order if `big_endian`, else
/// little-endian.
///
/// Sections are read by name wherever they stand (a line `@name` opens
/// one, and it runs to the next) and a section may come twice; comment
/// lines (`#`), blank lines and unknown sections are passed over. A lemma
/// listed twice keeps its last list; an inflected form listed twice keeps
/// its first lemma.
pub(crate) fn write(text: &str, big_endian: bool) -> Result<Vec<u8>, String> {
    let mut section = "";
    let mut rows: HashMap<&str, Vec<&str>> = HashMap::new();
    for line in split_ascii(text, b'\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(name) = line.strip_prefix('@') {
            section = name;
        } else if !line.starts_with('#') && !line.is_empty() {
            rows.entry(section).or_default().push(line);
        }
    }
    let rows = |name: &str| rows.get(name).map_or(&[][..], Vec::as_slice);
    let mut strings = Strings::default();
    let mut ids: Vec<u32> = Vec::new();
    let mut push_ids = |field: &str| -> Result<(u32, usize), String> {
        let start = word(ids.len(), "the number of ids")?;
        let before = ids.len();
        ids.extend(split_ascii(field, b' ').filter_map(|s| u32::from_str_radix(s, 36).ok()));
        Ok((start, ids.len() - before))
    };

    let mut synsets: Vec<[u32; SYNSET_WORDS]> = Vec::with_capacity(rows("synsets").len());
    for line in rows("synsets") {
        let mut f = split_ascii(line, b'\t');
        let pos: u32 = match f.next() {
            Some("n") => 0,
            Some("v") => 1,
            Some("a") => 2,
            _ => 3,
        };
        let descendants: u32 = f.next().and_then(|d| d.parse().ok()).unwrap_or(0);
        if descendants >> POS_SHIFT != 0 {
            return Err(format!("WordNet table: {descendants} synsets below one"));
        }
        let (start, hypernyms) = push_ids(f.next().unwrap_or(""))?;
        let (_, antonyms) = push_ids(f.next().unwrap_or(""))?;
        let (_, heads) = push_ids(f.next().unwrap_or(""))?;
        let name = strings.add(f.next().unwrap_or(""))?;
        let (_, derived) = push_ids(f.next().unwrap_or(""))?;
        synsets.push([
            pos << POS_SHIFT | descendants,
            start,
            half(hypernyms, "hypernym")? << 16 | half(antonyms, "antonym")?,
            half(heads, "head")? << 16 | half(derived, "derived")?,
            name.0,
            name.1,
        ]);
    }

    let mut lemmas = Table::new(rows("lemmas").len());
    for line in rows("lemmas") {
        let Some((lemma, list)) = line.split_once('\t') else { continue };
        let list = split_ascii(list, b'\t').next().unwrap_or("");
        let (start, len) = push_ids(list)?;
        let key = strings.add(lemma)?;
        lemmas.insert(lemma, [key.0, key.1, start, word(len, "a lemma's ids")?], &strings, true)?;
    }

    let mut exceptions = Table::new(rows("exceptions").len());
    for line in rows("exceptions") {
        let Some((form, lemma)) = line.split_once('\t') else { continue };
        let lemma = split_ascii(lemma, b'\t').next().unwrap_or("");
        let key = strings.add(form)?;
        let value = strings.add(lemma)?;
        exceptions.insert(form, [key.0, key.1, value.0, value.1], &strings, false)?;
    }

    let mut words: Vec<u32> = vec![
        MAGIC,
        VERSION,
        word(synsets.len(), "the number of synsets")?,
        word(ids.len(), "the number of ids")?,
        word(lemmas.slots.len(), "the lemma slots")?,
        word(lemmas.entries.len(), "the number of lemmas")?,
        word(exceptions.slots.len(), "the exception slots")?,
        word(exceptions.entries.len(), "the number of exceptions")?,
        word(strings.bytes.len(), "the strings' length")?,
    ];
    debug_assert_eq!(words.len(), HEADER_WORDS);
    words.extend(synsets.iter().flatten());
    words.extend(&ids);
    words.extend(&lemmas.slots);
    words.extend(lemmas.entries.iter().flatten());
    words.extend(&exceptions.slots);
    words.extend(exceptions.entries.iter().flatten());
    let mut out = Vec::with_capacity(words.len() * 4 + strings.bytes.len());
    for w in words {
        out.extend_from_slice(&if big_endian { w.to_be_bytes() } else { w.to_le_bytes() });
    }
    out.extend_from_slice(strings.bytes.as_bytes());
    Ok(out)
}
