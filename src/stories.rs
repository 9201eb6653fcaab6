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
//! than once, and their names are alike: each name weighs more the fewer
//! documents of the corpus hold it, and the cosine of the two documents'
//! weighted names must reach a threshold ([`grouping`]). The stories are
//! the connected components of the documents over these links. One passing
//! shared name is not enough, and neither are names that every story of the
//! corpus shares: articles about ten events of one country's politics all
//! name its president, its capital and its parliament, and before the
//! weights they made one story of the whole corpus. Only *distinctive*
//! names count, written as names in running text, not merely capitalised
//! at the start of a sentence:
//!
//! - a name of two or more words ("Tessa Bridge", "Mara Ostrov"), or
//! - a name word with a class noun ("the Haskett terminal"), or
//! - a one-word name that the corpus also capitalises inside a sentence
//!   ("in Velmora"), and that is not a class noun ("Schools", "Bridge") or
//!   an organisation head ("Party", "Ministry") on its own.
//!
//! Demonyms ("Velmoran"), definite descriptions ("the bridge") and the
//! names of the corpus's outlets ("told the Harbour Times") are not names
//! for this purpose: an outlet reports many stories. A document that names
//! nothing distinctive, or nothing another document names, is a story of
//! its own.
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

/// The stories of [`stories`], and groups of them: the story of each
/// document and its group, each numbered from 0 in the order of their first
/// document.
///
/// Two documents are compared when they share a name, each document with
/// the first [`HOLDERS`] documents that hold each of its names, which keeps
/// this linear. A name weighs more the fewer documents of the corpus hold
/// it (its inverse document frequency, `ln(1 + n / holders)`) and the more
/// often a document repeats it (`1 + ln(count)`), and two documents are
/// alike in the cosine of their weighted names. They are one story when
/// they share two names, or one that both repeat, and are alike by at least
/// [`ALIKE`]; one group when they share any name and are that alike. A name
/// that many stories share (a country, its head of state) weighs little
/// beside the names of each story's own event, so it no longer joins them;
/// the names of a story all its documents share weigh little too, but so
/// does everything else they hold, and they stay alike. The purpose of
/// groups is analysis one group at a time: a group keeps together two short
/// reports of one event that name its place once each.
///
/// There are `n` documents; `names(d)` lists the referents of document
/// `d`'s distinctive names, once per mention ([`named`], not demonyms, in
/// any order). It is called twice for each document.
pub(crate) fn grouping(
    n: usize,
    names: impl Fn(usize) -> Vec<usize>,
    referents: usize,
) -> (Vec<usize>, Vec<usize>) {
    // Each of `d`'s names once, with how often it names it.
    let counted = |d: usize| -> Vec<(usize, usize)> {
        let mut names: Vec<usize> = names(d);
        names.retain(|&r| r < referents);
        names.sort_unstable();
        names.chunk_by(|a, b| a == b).map(|run| (run[0], run.len())).collect()
    };
    // How many documents name each referent.
    let mut naming: Vec<u32> = vec![0; referents];
    for d in 0..n {
        for (r, _) in counted(d) {
            naming[r] = naming[r].saturating_add(1);
        }
    }
    let mut stories = Sets((0..n).collect());
    let mut groups = Sets((0..n).collect());
    // Each document's length (the norm of its weighted names).
    let mut norm: Vec<f64> = vec![0.0; n];
    // The first documents that name each referent, each with its weight
    // there (as `f32`, so that an entry takes no more room than a
    // document's number and a flag did before the weights) and whether it
    // names the referent more than once.
    let mut holders: Vec<Vec<(usize, f32, bool)>> = vec![Vec::new(); referents];
    // Per earlier document: the dot product, and how many names are
    // shared (a name both repeat counts 2).
    let mut shared: HashMap<usize, (f64, usize)> = HashMap::new();
    for d in 0..n {
        let names: Vec<(usize, f64, bool)> = counted(d)
            .into_iter()
            // A name no other document holds links nothing, and would only
            // make the document look less like the others.
            .filter(|&(r, _)| naming[r] > 1)
            .map(|(r, count)| {
                let idf = (1.0 + n as f64 / f64::from(naming[r])).ln();
                (r, idf * (1.0 + (count as f64).ln()), count > 1)
            })
            .collect();
        norm[d] = names.iter().map(|&(_, w, _)| w * w).sum::<f64>().sqrt();
        shared.clear();
        for &(r, w, repeated) in &names {
            for &(e, theirs, repeated_there) in &holders[r] {
                let entry = shared.entry(e).or_default();
                entry.0 += w * f64::from(theirs);
                entry.1 += if repeated && repeated_there { 2 } else { 1 };
            }
        }
        for (&e, &(dot, count)) in &shared {
            if dot >= ALIKE * norm[d] * norm[e] {
                groups.union(e, d);
                if count >= 2 {
                    stories.union(e, d);
                }
            }
        }
        for (r, w, repeated) in names {
            if holders[r].len() < HOLDERS {
                holders[r].push((d, w as f32, repeated));
            }
        }
    }
    (numbered(&mut stories), numbered(&mut groups))
}

/// How alike two documents must be (the cosine of their weighted names,
/// see [`grouping`]) to be one story or one group. Story grouping was
/// scored against the known events of two real corpora (`cargo run
/// --release --example evaluate -- stories`, BENCHMARKS.md): between 0.3
/// and 0.5 both score within a few points of their best, and the three
/// fixture stories stay whole up to 0.5; 0.35 keeps more of each event
/// together, since a story split apart loses relations and one joined to
/// another only costs comparisons. A third corpus, FNC-1's article bodies,
/// scored only after it was set, gives B-cubed F1 0.824 (0.091 before the
/// weights).
const ALIKE: f64 = 0.35;

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
    fn names_every_story_shares_do_not_join_them() {
        // Every report names the president and the country: two shared
        // names, which alone would make one story of the three events.
        let s = run(&[
            "The Tessa Bridge in Ostrava Vale collapsed, Mayor Tomas Venn said. President Dara Voss said Velmora would help.",
            "Mayor Tomas Venn said the Tessa Bridge in Ostrava Vale fell. President Dara Voss said Velmora would rebuild.",
            "The Osk Dam above Gorna Heights broke, engineer Mara Ostrov said. President Dara Voss said Velmora would help.",
            "Engineer Mara Ostrov said the Osk Dam above Gorna Heights gave way. President Dara Voss said Velmora mourned.",
            "The Brell Warehouse in Kessel Port burned, fire chief Ilan Ruse said. President Dara Voss said Velmora would help.",
            "Fire chief Ilan Ruse said the Brell Warehouse in Kessel Port was lost. President Dara Voss said Velmora grieved.",
        ]);
        assert_eq!(s, vec![0, 0, 1, 1, 2, 2]);
    }

    #[test]
    fn grouping_weighs_shared_names_by_how_few_documents_hold_them() {
        // Documents 0-3 name the country and the president; 0 and 1, 2 and
        // 3 also share an event's two names. With the country and the
        // president in four documents of four, the event's names carry
        // each pair.
        let names = [vec![0, 1, 2, 3], vec![0, 1, 2, 3], vec![0, 1, 4, 5], vec![0, 1, 4, 5]];
        let (stories, groups) = grouping(4, |d| names[d].clone(), 6);
        assert_eq!(stories, vec![0, 0, 1, 1]);
        assert_eq!(groups, stories);
        // Alone, the two names all four share make them one story.
        let names = [vec![0, 1], vec![0, 1], vec![0, 1], vec![0, 1]];
        assert_eq!(grouping(4, |d| names[d].clone(), 2).0, vec![0, 0, 0, 0]);
        // One shared name joins a group, not a story; a name no other
        // document holds weighs nothing.
        let names = [vec![0, 7], vec![0, 8], vec![9]];
        assert_eq!(grouping(3, |d| names[d].clone(), 10), (vec![0, 1, 2], vec![0, 0, 1]));
    }

    #[test]
    fn a_document_without_names_is_its_own_story() {
        let s = run(&["The plant employs 300 people.", "The plant employs 500 people."]);
        assert_eq!(s, vec![0, 1]);
    }
}
