//! Indexes that keep the report's cross-claim lookups linear in the corpus:
//! one pass over the claims instead of one pass per key.

use std::collections::BTreeSet;

use aho_corasick::AhoCorasick;
use foldhash::{HashMap, HashMapExt as _};

use crate::claim::{Basis, Claim};

/// For each framing key (see `framing_divergences` in the report), the
/// claims, not headlines, that use its term plainly, in claim order:
///
/// - `name:<name>`: the normalised claim text contains the name;
/// - `<concept>:<pole>`: a state of the concept at that pole (or a negated
///   or denied state, for the empty pole);
/// - `<stem>`: a content word with that stem, or a word of the text.
///
/// Returns one list per key, in the order of `keys`.
pub(crate) fn framing_uses<'c>(claims: &'c [Claim], keys: &[&str]) -> Vec<Vec<&'c Claim>> {
    let mut by_state: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    let mut by_stem: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut names: Vec<(usize, &str)> = Vec::new();
    let mut empty_names: Vec<usize> = Vec::new();
    for (ki, key) in keys.iter().enumerate() {
        if let Some(name) = key.strip_prefix("name:") {
            if name.is_empty() {
                empty_names.push(ki);
            } else {
                names.push((ki, name));
            }
        } else if let Some((concept, pole)) = key.split_once(':') {
            by_state.entry((concept, pole)).or_default().push(ki);
        } else {
            by_stem.entry(key).or_default().push(ki);
        }
    }
    let names_ac = if names.is_empty() { None } else { AhoCorasick::new(names.iter().map(|(_, n)| *n)).ok() };
    // Each distinct word of the claims' texts, with the keys its stem
    // holds: stemmed and looked up once, not once per use.
    let mut words: HashMap<&str, Option<&Vec<usize>>> = HashMap::new();
    let initials = crate::text::StemInitials::of(by_stem.keys().copied());
    let mut out: Vec<Vec<&Claim>> = vec![Vec::new(); keys.len()];
    for c in claims.iter().filter(|c| !c.headline) {
        let mut hit: BTreeSet<usize> = BTreeSet::new();
        for s in &c.states {
            let pole = if s.basis == Basis::Negated || s.basis == Basis::Denied {
                ""
            } else if s.holds {
                s.label.as_str()
            } else {
                s.opposite.as_str()
            };
            if let Some(ks) = by_state.get(&(s.concept.as_str(), pole)) {
                hit.extend(ks);
            }
        }
        if !by_stem.is_empty() {
            for st in &c.features.stems {
                if let Some(ks) = by_stem.get(st.as_str()) {
                    hit.extend(ks);
                }
            }
            for w in crate::text::alphanumeric_words(&c.text) {
                if !initials.may_start(w) {
                    continue;
                }
                let keys = *words.entry(w).or_insert_with(|| {
                    by_stem.get(crate::text::stem_compact(&crate::text::normalize_compact(w)).as_str())
                });
                if let Some(ks) = keys {
                    hit.extend(ks);
                }
            }
        }
        hit.extend(&empty_names);
        if let Some(ac) = &names_ac {
            let text = crate::text::normalize(&c.text);
            for m in ac.find_overlapping_iter(&text) {
                hit.insert(names[m.pattern().as_usize()].0);
            }
        }
        for k in hit {
            out[k].push(c);
        }
    }
    out
}
