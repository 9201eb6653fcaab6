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
//! weighted names must reach a threshold ([`grouping`]). Links chain, and
//! one pair of articles that name the same officials would chain two events
//! into one story; so within each chain documents are joined by average
//! linkage: two sets become one story when a link joins them and the pairs
//! between them that were compared are alike on average ([`cohesive`]).
//! One passing shared name is not enough, and neither are names that every
//! story of the corpus shares: articles about ten events of one country's
//! politics all name its president, its capital and its parliament, and
//! before the weights they made one story of the whole corpus. Only
//! *distinctive* names count, written as names in running text, not merely
//! capitalised at the start of a sentence:
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

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use foldhash::{HashMap, HashMapExt as _, HashSet};
use petgraph::unionfind::UnionFind;

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

/// Union-find over documents: petgraph's (union by rank, path halving).
/// Which document is a set's representative does not matter here: sets are
/// numbered in the order of their first document ([`numbered`]).
type Sets = UnionFind<usize>;

/// The story of each of `documents` (`mentions[d]` are document `d`'s
/// resolved mentions, `referents` how many referents there are): stories
/// are numbered from 0 in the order of their first document. Linear in the
/// number of mentions, but for ordering the pairs compared within each
/// chain of alike documents by how alike they are ([`cohesive`]).
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
/// [`ALIKE`]; one group when they share any name and are that alike. Such a
/// link joins two sets of documents only when the pairs between them that
/// were compared are also alike on average ([`cohesive`], [`COHESIVE`]). A name
/// that many stories share (a country, its head of state) weighs little
/// beside the names of each story's own event, so it no longer joins them;
/// the names of a story all its documents share weigh little too, but so
/// does everything else they hold, and they stay alike. The purpose of
/// groups is analysis one group at a time: a group keeps together two short
/// reports of one event that name its place once each.
///
/// There are `n` documents; `names(d)` lists the referents of document
/// `d`'s distinctive names, once per mention ([`named`], not demonyms, in
/// any order). It is called three times for each document.
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
    // Every pair of documents compared, in order: `visit(link)` for each.
    // Each document is compared with the first documents that name each of
    // its names.
    let compare = |visit: &mut dyn FnMut(Link)| {
        // Each document's length (the norm of its weighted names).
        let mut norm: Vec<f64> = vec![0.0; n];
        // The first documents that name each referent, each with its weight
        // there (as `f32`, so that an entry takes no more room than a
        // document's number and a flag did before the weights) and whether
        // it names the referent more than once.
        let mut holders: Vec<Vec<(usize, f32, bool)>> = vec![Vec::new(); referents];
        // Per earlier document: the dot product, and how many names are
        // shared (a name both repeat counts 2).
        let mut shared: HashMap<usize, (f64, usize)> = HashMap::new();
        for d in 0..n {
            let names: Vec<(usize, f64, bool)> = counted(d)
                .into_iter()
                // A name no other document holds links nothing, and would
                // only make the document look less like the others.
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
                visit(Link {
                    a: e as u32,
                    b: d as u32,
                    cosine: (dot / (norm[d] * norm[e])) as f32,
                    strong: dot >= ALIKE * norm[d] * norm[e],
                    story: count >= 2,
                });
            }
            for (r, w, repeated) in names {
                if holders[r].len() < HOLDERS {
                    holders[r].push((d, w as f32, repeated));
                }
            }
        }
    };
    // The strong links alone join chains: a story of one event can reach
    // another through one pair of articles that name the same officials.
    let mut stories = Sets::new(n);
    let mut groups = Sets::new(n);
    compare(&mut |l: Link| {
        if l.strong {
            groups.union(l.a as usize, l.b as usize);
            if l.story {
                stories.union(l.a as usize, l.b as usize);
            }
        }
    });
    // Within each chain, sets are joined again by average linkage, over the
    // pairs compared again: keeping every pair of the first pass held 75 MB
    // more at 100,000 synthetic articles, most of them pairs of different
    // chains. A story's chain lies within its group's.
    let chain = numbered(&mut groups);
    let mut links: Vec<Link> = Vec::new();
    compare(&mut |l: Link| {
        if chain[l.a as usize] == chain[l.b as usize] {
            links.push(l);
        }
    });
    // Every pair compared counts in the means; only the pairs that may join
    // a story (two shared names, or one both repeat) are strong for it.
    let stories = cohesive(&stories, links.iter().map(|l| Link { strong: l.strong && l.story, ..*l }));
    let groups = cohesive(&groups, links.iter().copied());
    (stories, groups)
}

/// How alike, on average, the documents of two stories must be to be joined
/// (the mean cosine of the pairs between them that were compared, see
/// [`cohesive`]), besides a strong link ([`ALIKE`]) between them. Set with
/// `cargo run --release --example evaluate -- stories` on BASIL, NewsWCL50
/// and FNC-1's bodies (BENCHMARKS.md, "Story grouping"): at 0.2 each
/// scores above single links (0 here), and from 0.175 to 0.225 each stays
/// within 1.5 points of its score at 0.2. Higher thresholds split more of
/// FNC-1's events.
const COHESIVE: f64 = 0.2;

/// A pair of documents compared by [`grouping`]: `a` before `b`, the cosine
/// of their weighted names, whether it reaches [`ALIKE`], and whether they
/// share enough names to be one story (two, or one both repeat).
#[derive(Clone, Copy)]
struct Link {
    a: u32,
    b: u32,
    cosine: f32,
    strong: bool,
    story: bool,
}

/// What [`cohesive`] knows of the pairs between two sets: the sum of their
/// cosines, how many there are, and whether one is strong.
#[derive(Clone, Copy, Default)]
struct Between {
    sum: f64,
    pairs: u32,
    strong: bool,
}

impl Between {
    fn mean(self) -> f64 {
        self.sum / f64::from(self.pairs)
    }

    fn add(&mut self, other: Between) {
        self.sum += other.sum;
        self.pairs += other.pairs;
        self.strong |= other.strong;
    }
}

/// The sets of `chains` (the documents joined by strong links) taken apart
/// and joined again by average linkage, numbered as [`numbered`] numbers
/// them. Each document starts alone; the two sets whose compared pairs
/// (`links`, within one chain) are the most alike on average are joined
/// first, while that mean reaches [`COHESIVE`] and one of those pairs is
/// strong. Pairs never compared (they share no name, or a name held by more
/// than [`HOLDERS`] earlier documents) are left out of the mean, so a large
/// story whose later documents were compared with its first few only is not
/// split for it. A chain through one strong pair between two sets of
/// otherwise unlike documents is not joined. Ties go to the pair of lowest
/// numbers, so the result depends on the documents and their order only.
fn cohesive(chains: &Sets, links: impl Iterator<Item = Link> + Clone) -> Vec<usize> {
    let n = chains.len();
    // Each set's neighbours, sorted by number, with what is known between:
    // each list made at its size, counted first. Grown by pushing, the
    // lists (about ten entries a document) held half as much again: 9 MiB
    // at 100,000 synthetic articles, where the live heap is at its highest.
    let mut degree: Vec<u32> = vec![0; n];
    for l in links.clone() {
        if chains.equiv(l.a as usize, l.b as usize) {
            for d in [l.a, l.b] {
                degree[d as usize] = degree[d as usize].saturating_add(1);
            }
        }
    }
    let mut near: Vec<Vec<(u32, Between)>> =
        degree.into_iter().map(|d| Vec::with_capacity(d as usize)).collect();
    for l in links {
        if !chains.equiv(l.a as usize, l.b as usize) {
            continue;
        }
        let between = Between { sum: f64::from(l.cosine), pairs: 1, strong: l.strong };
        near[l.a as usize].push((l.b, between));
        near[l.b as usize].push((l.a, between));
    }
    for list in &mut near {
        list.sort_unstable_by_key(|&(c, _)| c);
    }
    // Candidate joins, most alike first; an entry is stale once either set
    // has been joined to another, or their mean has changed.
    let mut queue: BinaryHeap<(u64, Reverse<u32>, Reverse<u32>)> = BinaryHeap::new();
    let joinable = |b: Between| b.strong && b.mean() >= COHESIVE;
    for (a, list) in near.iter().enumerate() {
        for &(b, between) in list {
            if (a as u32) < b && joinable(between) {
                queue.push((between.mean().to_bits(), Reverse(a as u32), Reverse(b)));
            }
        }
    }
    let mut sets = Sets::new(n);
    let mut joined = vec![false; n];
    while let Some((mean, Reverse(a), Reverse(b))) = queue.pop() {
        let (a, b) = (a as usize, b as usize);
        if joined[a] || joined[b] {
            continue;
        }
        match near[a].binary_search_by_key(&(b as u32), |&(c, _)| c) {
            Ok(i) if near[a][i].1.mean().to_bits() == mean => {}
            _ => continue,
        }
        // The set with more neighbours takes the other's.
        let (keep, gone) = if near[a].len() >= near[b].len() { (a, b) } else { (b, a) };
        joined[gone] = true;
        sets.union(keep, gone);
        let theirs = std::mem::take(&mut near[gone]);
        let mut ours = std::mem::take(&mut near[keep]);
        ours.retain(|&(c, _)| c as usize != gone);
        for &(c, between) in &theirs {
            let c = c as usize;
            if c == keep {
                continue;
            }
            // `c` now sees `keep` for both.
            let list = &mut near[c];
            if let Ok(i) = list.binary_search_by_key(&(gone as u32), |&(x, _)| x) {
                list.remove(i);
            }
            let total = match list.binary_search_by_key(&(keep as u32), |&(x, _)| x) {
                Ok(i) => {
                    list[i].1.add(between);
                    list[i].1
                }
                Err(i) => {
                    list.insert(i, (keep as u32, between));
                    between
                }
            };
            match ours.binary_search_by_key(&(c as u32), |&(x, _)| x) {
                Ok(i) => ours[i].1 = total,
                Err(i) => ours.insert(i, (c as u32, total)),
            }
            if joinable(total) {
                let (x, y) = if keep < c { (keep, c) } else { (c, keep) };
                queue.push((total.mean().to_bits(), Reverse(x as u32), Reverse(y as u32)));
            }
        }
        near[keep] = ours;
    }
    numbered(&mut sets)
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
    let n = sets.len();
    let mut number: Vec<Option<usize>> = vec![None; n];
    let mut next = 0;
    (0..n)
        .map(|d| {
            let root = sets.find_mut(d);
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

    /// `n` documents in sets, joined by `pairs`.
    fn sets(n: usize, pairs: &[(usize, usize)]) -> Sets {
        let mut sets = Sets::new(n);
        for &(a, b) in pairs {
            sets.union(a, b);
        }
        sets
    }

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
    fn one_strong_pair_does_not_join_two_unlike_stories() {
        // Two events of three reports each (names 0, 1, 7 and 2, 3, 8), all
        // naming the country (6). Documents 2 and 3 also name the same two
        // officials (4, 5): alike by 0.54, enough for a strong link, which
        // alone would chain the two events into one story. The other eight
        // pairs between them are alike by 0.08-0.12 only (the country),
        // a mean of 0.15, below `COHESIVE`.
        let names = [
            vec![0, 1, 7, 6],
            vec![0, 1, 7, 6],
            vec![0, 1, 7, 4, 5, 6],
            vec![2, 3, 8, 4, 5, 6],
            vec![2, 3, 8, 6],
            vec![2, 3, 8, 6],
        ];
        let (stories, groups) = grouping(6, |d| names[d].clone(), 9);
        assert_eq!(stories, vec![0, 0, 0, 1, 1, 1]);
        assert_eq!(groups, stories);
        // Without the pairs that name only the country, nothing tells the
        // officials' pair apart from the events' own: one story.
        let names = [
            vec![0, 1, 7],
            vec![0, 1, 7],
            vec![0, 1, 7, 4, 5],
            vec![2, 3, 8, 4, 5],
            vec![2, 3, 8],
            vec![2, 3, 8],
        ];
        assert_eq!(grouping(6, |d| names[d].clone(), 9).0, vec![0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn cohesive_joins_the_most_alike_sets_first_and_needs_a_strong_pair() {
        // Three documents in one chain: 0-1 strong, 1-2 weak but compared.
        let links = [
            Link { a: 0, b: 1, cosine: 0.9, strong: true, story: true },
            Link { a: 1, b: 2, cosine: 0.3, strong: false, story: true },
        ];
        let chains = sets(3, &[(0, 1), (0, 2)]);
        // 1-2 has a mean of 0.3 but no strong pair: 2 stays apart.
        assert_eq!(cohesive(&chains, links.into_iter()), vec![0, 0, 1]);
        // A strong pair 0-2 makes {0, 1} and {2} joinable: mean (0.3 + 0.5) / 2.
        let links = [links[0], links[1], Link { a: 0, b: 2, cosine: 0.5, strong: true, story: true }];
        assert_eq!(cohesive(&sets(3, &[(0, 1), (0, 2)]), links.into_iter()), vec![0, 0, 0]);
        // Links across chains are not used.
        assert_eq!(cohesive(&sets(3, &[(1, 2)]), links.into_iter()), vec![0, 1, 2]);
    }

    #[test]
    fn a_document_without_names_is_its_own_story() {
        let s = run(&["The plant employs 300 people.", "The plant employs 500 people."]);
        assert_eq!(s, vec![0, 1]);
    }
}
