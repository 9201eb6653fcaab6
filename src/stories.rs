//! Stories: documents grouped by the names they share.
//!
//! A corpus can hold many stories: a day's news, a monitoring feed. Claims
//! of different stories share generic blocking keys (every story's death
//! toll, every fire's date) and comparing them is meaningless and grows
//! with the square of the corpus. So documents are grouped into stories
//! first, and [`blocking`](crate::blocking) splits a large key by story.
//!
//! Two documents are linked when they name at least two referents in common
//! (after resolution, so stated aliases count), or one that both name more
//! than once; the stories are the connected components of the documents
//! over these links. One passing shared name is not enough: stories of one
//! country share its ministries and its capital. Only *distinctive* names count, written as names in running
//! text, not merely capitalised at the start of a sentence:
//!
//! - a name of two or more words ("Tessa Bridge", "Mara Ostrov"), or
//! - a name word with a class noun ("the Haskett terminal"), or
//! - a one-word name that the corpus also capitalises inside a sentence
//!   ("in Velmora"), and that is not a class noun ("Schools", "Bridge") or
//!   an organisation head ("Party", "Ministry") on its own.
//!
//! Demonyms ("Velmoran"), definite descriptions ("the bridge") and the
//! names of the corpus's outlets ("told the Harbour Times") are not names
//! for this purpose: an outlet reports many stories. A document that names nothing distinctive is a
//! story of its own.
//!
//! Grouping never removes a pair of a small key, so a corpus about one story
//! (and every fixture) is compared exactly as without it; see
//! [`blocking`](crate::blocking) for how large keys use it.

use foldhash::{HashMap, HashMapExt as _, HashSet};

use crate::claim::Claim;
use crate::document::Document;
use crate::entity::{Mention, Vocabulary, class_of};
use crate::lexicon::{Entry, Lexicon, name_key};
use crate::prepare::Prepared;

/// The [`name_key`]s of the outlets of `documents`.
pub(crate) fn outlet_keys(documents: &[Document]) -> HashSet<String> {
    documents.iter().map(|d| name_key(&d.meta.outlet)).collect()
}

/// Whether `m` is distinctive in its shape (see the module docs), leaving
/// aside whether it is a demonym and what it refers to, which resolution
/// settles: `outlets` are the [`outlet_keys`] of the corpus, and
/// `org_head()` whether the lexicon lists `m`'s word as an organisation
/// head ([`org_head`]; asked only of a one-word name).
pub(crate) fn named(
    m: &Mention,
    org_head: impl FnOnce() -> bool,
    vocab: &Vocabulary,
    outlets: &HashSet<String>,
) -> bool {
    if m.description {
        return false;
    }
    let mut words = m.words();
    let name = match (words.next(), words.next()) {
        (None, _) => false,
        // "Haskett terminal": a name word and a class noun.
        (Some(w), None) if m.class.is_some() => class_of(w).is_none(),
        (Some(w), None) => class_of(w).is_none() && vocab.midcap.contains(w) && !org_head(),
        _ => true,
    };
    // Last: the only test that allocates.
    name && !outlets.contains(&name_key(&m.surface))
}

/// Whether the lexicon lists the words of `m` (a mention in `p`) as an
/// organisation head ("Ministry", "Party").
pub(crate) fn org_head(m: &Mention, p: &Prepared, lex: &Lexicon) -> bool {
    p.lookup(lex, m.toks.start, m.toks.end).iter().any(|(_, e)| matches!(e, Entry::OrgHead))
}

/// How many documents naming a referent a later document is checked
/// against.
const HOLDERS: usize = 16;

/// Union-find over documents, with path halving.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        // The smaller root wins, so the result does not depend on the order
        // of unions.
        if a < b {
            self.0[b] = a;
        } else {
            self.0[a] = b;
        }
    }
}

/// The story of each of `documents` (`mentions[d]` are document `d`'s
/// resolved mentions, `referents` how many referents there are): stories
/// are numbered from 0 in the order of their first document. Linear in the
/// number of mentions.
pub(crate) fn stories(
    documents: &[Document],
    mentions: &[Vec<Mention>],
    prepared: &[Prepared],
    referents: usize,
    lex: &Lexicon,
    vocab: &Vocabulary,
) -> Vec<usize> {
    let outlets = outlet_keys(documents);
    let names = |d: usize| -> Vec<usize> {
        mentions[d]
            .iter()
            .filter(|m| m.referent.is_some() && !m.demonym)
            .filter(|m| named(m, || org_head(m, &prepared[d], lex), vocab, &outlets))
            .filter_map(|m| m.referent)
            .collect()
    };
    grouping(mentions.len(), names, referents).0
}

/// How many documents may share a name that links them into one group
/// ([`grouping`]): a name this rare is about one story, or a few.
const RARE: usize = HOLDERS;

// A rare name's holders are all the documents that name it.
const _: () = assert!(RARE <= HOLDERS);

/// The stories of [`stories`], and groups of them: the story of each
/// document and its group, each numbered from 0 in the order of their first
/// document.
///
/// A group joins the stories whose documents share one distinctive name
/// that at most [`RARE`] documents of the corpus use (a story needs two, or
/// one both repeat). Its purpose is analysis one group at a time: claims of
/// different stories are compared when they share a key, so a group keeps
/// together the stories a rare shared name suggests are one, such as two
/// short reports of one event that name its place once each, while a name
/// common to many stories (a country's capital) links nothing.
///
/// There are `n` documents; `names(d)` lists the referents of document
/// `d`'s distinctive names, once per mention ([`named`], not demonyms, in
/// any order).
pub(crate) fn grouping(
    n: usize,
    names: impl Fn(usize) -> Vec<usize>,
    referents: usize,
) -> (Vec<usize>, Vec<usize>) {
    let mut sets = Sets((0..n).collect());
    // How many documents name each referent.
    let mut naming: Vec<usize> = vec![0; referents];
    // The first documents that name each referent, each with whether it
    // names the referent more than once.
    let mut holders: Vec<Vec<(usize, bool)>> = vec![Vec::new(); referents];
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for d in 0..n {
        let mut names: Vec<usize> = names(d);
        names.retain(|&r| r < referents);
        names.sort_unstable();
        // Each name once, with whether it is repeated.
        let names: Vec<(usize, bool)> =
            names.chunk_by(|a, b| a == b).map(|run| (run[0], run.len() > 1)).collect();
        // Earlier documents linked to this one: a shared name weighs 1, or
        // 2 when both repeat it. Each name is looked up in its first few
        // holders only, which keeps this linear; a document of a large story
        // is linked to one of them.
        shared.clear();
        for &(r, repeated) in &names {
            for &(e, theirs) in &holders[r] {
                *shared.entry(e).or_default() += if repeated && theirs { 2 } else { 1 };
            }
        }
        for (&e, &weight) in &shared {
            if weight >= 2 {
                sets.union(e, d);
            }
        }
        for &(r, repeated) in &names {
            if holders[r].len() < HOLDERS {
                holders[r].push((d, repeated));
            }
            naming[r] += 1;
        }
    }
    let stories = numbered(&mut sets);
    for (docs, _) in holders.iter().zip(&naming).filter(|&(_, &n)| n <= RARE) {
        for w in docs.windows(2) {
            sets.union(w[0].0, w[1].0);
        }
    }
    (stories, numbered(&mut sets))
}

/// The set of each element, numbered from 0 in the order of their first
/// element.
fn numbered(sets: &mut Sets) -> Vec<usize> {
    let n = sets.0.len();
    let mut number: Vec<Option<usize>> = vec![None; n];
    let mut next = 0;
    (0..n)
        .map(|d| {
            let root = sets.find(d);
            *number[root].get_or_insert_with(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

/// The claims of all documents (`per_doc[d]` are document `d`'s), in
/// order, each marked with its document's story.
pub(crate) fn assign(per_doc: Vec<Vec<Claim>>, stories: &[usize]) -> Vec<Claim> {
    // Sized once: growing by doubling would hold up to three copies of the
    // claims at the end (the documents' and two of the whole).
    let mut all = Vec::with_capacity(per_doc.iter().map(Vec::len).sum());
    for (claims, &story) in per_doc.into_iter().zip(stories) {
        all.extend(claims.into_iter().map(|mut c| {
            c.features.story = story;
            c
        }));
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::resolve_texts;

    /// The stories of `texts`, each published by The Harbour Times.
    fn run(texts: &[&str]) -> Vec<usize> {
        let lex = Lexicon::builtin();
        let r = resolve_texts(texts, &lex);
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("d{i}"), "The Harbour Times", *t))
            .collect();
        stories(&docs, &r.mentions, &r.prepared, r.referents.len(), &lex, &r.vocab)
    }

    #[test]
    fn documents_sharing_names_form_one_story_through_others() {
        let s = run(&[
            "A fire broke out at the Brell Warehouse in Ostrava Vale on Monday.",
            "Schools were closed. Firefighters from Ostrava Vale fought the Brell Warehouse blaze.",
            "Mara Ostrov said the Osk Dam held after the flood in Gorna.",
            "The Brell Warehouse fire in Ostrava Vale was put out, Mayor Tomas Venn said.",
            "Residents near the Osk Dam were moved, Mara Ostrov said.",
            "Mayor Tomas Venn visited the Osk Dam.",
        ]);
        // The last document shares one name with each story: not enough.
        assert_eq!(s, vec![0, 0, 1, 0, 1, 2]);
    }

    #[test]
    fn common_words_and_outlets_do_not_join_stories() {
        // "Schools", "Electricity" and "Party" open sentences in both
        // stories, but are not distinctive names.
        let s = run(&[
            "Schools were shut in Ostrava Vale. Electricity was cut. The Brell Party protested in Ostrava Vale.",
            "Schools were shut in Velmora Heights. Electricity was cut. The Gorn Party protested in Velmora Heights.",
            "Residents of Velmora Heights told Harbour Times they had no warning. Harbour Times asked Velmora Heights why.",
            "Harbour Times asked the Brell Party in Ostrava Vale. The Brell Party told Harbour Times no.",
        ]);
        assert_eq!(s, vec![0, 1, 1, 0]);
    }

    #[test]
    fn a_document_without_names_is_its_own_story() {
        let s = run(&["The plant employs 300 people.", "The plant employs 500 people."]);
        assert_eq!(s, vec![0, 1]);
    }
}
