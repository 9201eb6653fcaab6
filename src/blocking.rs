//! Candidate pairs from the blocking index, kept near-linear on large inputs.
//!
//! [`compare_all`](crate::compare) builds an index from keys to the claims
//! that hold them, and a key is expanded into all the pairs of its claims.
//! Some keys are generic across stories (`qty:people:death`,
//! `date:class:fire`, the term "tear gas"). In a day's news, or any corpus
//! of many stories, expanding them would compare every story's death toll
//! with every other's: quadratic in the corpus, and meaningless.
//!
//! So a key held by more than [`SPLIT_POSTINGS`] claims is checked against
//! the stories of the claims' documents (documents joined by the names they
//! share, see [`stories`](crate::stories)). If fewer than half of its pairs
//! join claims of one story, it is split: pairs are made only within a
//! story. A key (or a story's share of it) held by more than
//! [`MAX_POSTINGS`] claims is not expanded. Both are noted in the undecided
//! list, so the report says what was not compared.
//!
//! The pairs made are therefore at most twice the pairs within stories,
//! which grow with the size of each story, not with the corpus. A corpus
//! about one story, and any key held by few claims (all the keys of the
//! fixture stories), gets exactly the pairs of the plain index.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::claim::Claim;
use crate::compare::{MAX_POSTINGS, Outcome, Relation, Undecided, compare_pair};
use crate::progress::{Progress, Stage};

/// Keys shared by more claims than this are split by story when most of
/// their pairs would join claims of different stories.
pub const SPLIT_POSTINGS: usize = 64;

// A key small enough to expand whole is never over the cap.
const _: () = assert!(SPLIT_POSTINGS <= MAX_POSTINGS);

/// Whether a pair is skipped because both claims are the same voice in the
/// same document.
fn same_voice(a: &Claim, b: &Claim) -> bool {
    a.doc == b.doc && a.speaker.same_key(&b.speaker)
}

fn key_note(reason: String) -> Undecided {
    Undecided { a: String::new(), b: String::new(), reason }
}

/// Claims of `posting` grouped by the story of their document, each group
/// in the order of `posting`.
fn by_story(claims: &[Claim], posting: &[usize]) -> BTreeMap<usize, Vec<usize>> {
    let mut blocks: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in posting {
        blocks.entry(claims[i].features.story).or_default().push(i);
    }
    blocks
}

/// Two claims of one document are compared only when at most this many
/// claims apart: a document that repeats itself (a long transcript, a
/// pasted page) would otherwise give all pairs of its claims under every
/// key they share. No news article comes near it.
pub const SAME_DOC_WINDOW: usize = 64;

/// The pairs of `posting` (claim indices in increasing order, claims in
/// document order) that may be compared: claims of different documents, or
/// of one document at most [`SAME_DOC_WINDOW`] claims apart. Linear in the
/// pairs made, not in the pairs skipped.
fn pairs_of(claims: &[Claim], posting: &[usize], mut f: impl FnMut(usize, usize)) {
    for (x, &i) in posting.iter().enumerate() {
        let rest = &posting[x + 1..];
        // The same document's claims come first in `rest`.
        let same = rest.partition_point(|&j| claims[j].doc == claims[i].doc);
        let near = rest[..same].partition_point(|&j| j - i <= SAME_DOC_WINDOW);
        for &j in rest[..near].iter().chain(&rest[same..]) {
            f(i, j);
        }
    }
}

/// How many pairs [`pairs_of`] makes, without making them: a large key
/// would otherwise be expanded in full just to be counted.
fn count_pairs(claims: &[Claim], posting: &[usize]) -> usize {
    let mut total = 0;
    let mut x = 0;
    while x < posting.len() {
        // The claims of one document are consecutive in `posting`.
        let doc = &claims[posting[x]].doc;
        let end = x + posting[x..].partition_point(|&j| claims[j].doc == *doc);
        let run = &posting[x..end];
        total += run.len() * (posting.len() - end);
        for (k, &i) in run.iter().enumerate() {
            total += run[k + 1..].partition_point(|&j| j - i <= SAME_DOC_WINDOW);
        }
        x = end;
    }
    total
}

fn all_pairs(claims: &[Claim], posting: &[usize], pairs: &mut Vec<(usize, usize)>) {
    pairs_of(claims, posting, |i, j| {
        if !same_voice(&claims[i], &claims[j]) {
            pairs.push((i.min(j), i.max(j)));
        }
    });
}

fn cross_pairs(claims: &[Claim], negated: &[usize], plain: &[usize], pairs: &mut Vec<(usize, usize)>) {
    for &i in negated {
        for &j in plain {
            if i != j && !same_voice(&claims[i], &claims[j]) {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
}

/// The candidate pairs of the index (`key -> claims`) and of the two-word
/// terms (`term -> (negated uses, plain uses)`), sorted and without
/// duplicates. Keys and terms that are not (fully) expanded are noted in
/// `undecided`.
pub(crate) fn candidate_pairs(
    claims: &[Claim],
    index: &BTreeMap<String, Vec<usize>>,
    terms: &BTreeMap<&str, (Vec<usize>, Vec<usize>)>,
    undecided: &mut Vec<Undecided>,
) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (key, posting) in index {
        let n = posting.len();
        if n <= SPLIT_POSTINGS {
            all_pairs(claims, posting, &mut pairs);
            continue;
        }
        let blocks = by_story(claims, posting);
        // The stories small enough to expand, and how many pairs they hold
        // (distinct: each claim is in one story), counted before any is made.
        let small: Vec<&Vec<usize>> = blocks.values().filter(|b| b.len() <= MAX_POSTINGS).collect();
        let too_large = blocks.len() - small.len();
        let within: usize = small.iter().map(|b| count_pairs(claims, b)).sum();
        if n <= MAX_POSTINGS && within * 2 >= count_pairs(claims, posting) {
            // Most pairs are within one story anyway: keep them all.
            all_pairs(claims, posting, &mut pairs);
            continue;
        }
        if too_large > 0 {
            undecided.push(key_note(format!(
                "key `{key}` is shared by more than {MAX_POSTINGS} claims of one story \
                 ({too_large} such stories); their pairs were not compared"
            )));
        }
        if blocks.len() > 1 {
            undecided.push(key_note(format!(
                "key `{key}` is shared by {n} claims of {} stories; its pairs were compared only within a story",
                blocks.len()
            )));
        }
        for block in small {
            all_pairs(claims, block, &mut pairs);
        }
    }
    for (term, (negated, plain)) in terms {
        if negated.is_empty() || plain.is_empty() {
            continue;
        }
        let (nn, np) = (negated.len(), plain.len());
        // Per story, its negated and plain uses, when small enough to pair.
        let mut within: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
        let mut stories = 0;
        let split = nn + np > SPLIT_POSTINGS && {
            let neg_blocks = by_story(claims, negated);
            let mut plain_blocks = by_story(claims, plain);
            stories =
                neg_blocks.keys().chain(plain_blocks.keys()).collect::<std::collections::BTreeSet<_>>().len();
            let mut too_large = 0;
            for (story, n) in neg_blocks {
                let Some(p) = plain_blocks.remove(&story) else { continue };
                if n.len() * p.len() > MAX_POSTINGS * 4 {
                    too_large += 1;
                    continue;
                }
                within.push((n, p));
            }
            // A claim is a negated or a plain use of a term, never both, so
            // every pair of a story is distinct.
            let split = within.iter().map(|(n, p)| n.len() * p.len()).sum::<usize>() * 2 < nn * np;
            if split && too_large > 0 {
                undecided.push(key_note(format!(
                    "term `{term}` is used by too many claims of one story ({too_large} such stories); \
                     their pairs were not compared"
                )));
            }
            split
        };
        if !split {
            if nn * np > MAX_POSTINGS * 4 {
                undecided.push(key_note(format!(
                    "term `{term}` is used by {} claims; its pairs were not compared",
                    nn + np
                )));
                continue;
            }
            cross_pairs(claims, negated, plain, &mut pairs);
            continue;
        }
        undecided.push(key_note(format!(
            "term `{term}` is used by {} claims of {stories} stories; its pairs were compared only within a story",
            nn + np
        )));
        for (n, p) in &within {
            cross_pairs(claims, n, p, &mut pairs);
        }
    }
    sorted_unique(pairs, claims.len())
}

/// `pairs` sorted, each once. Each pair is sorted as one integer, `i << 32
/// | j` (the same order): pairs of two words were compared field by field
/// and moved 16 bytes at a time, and sorting them was 1.5% of a run.
/// Claim indices beyond 32 bits, which no corpus in memory reaches, are
/// sorted as pairs.
fn sorted_unique(mut pairs: Vec<(usize, usize)>, claims: usize) -> Vec<(usize, usize)> {
    if u32::try_from(claims).is_err() {
        pairs.par_sort_unstable();
        pairs.dedup();
        return pairs;
    }
    let pack = |&(i, j): &(usize, usize)| (i as u64) << 32 | j as u64;
    let mut keys: Vec<u64> = pairs.iter().map(pack).collect();
    drop(pairs);
    keys.par_sort_unstable();
    keys.dedup();
    keys.iter().map(|&k| ((k >> 32) as usize, (k & u64::from(u32::MAX)) as usize)).collect()
}

/// A pair left undecided: its two claims' indices and why.
type Open = (usize, usize, String);

/// How many candidate pairs are compared at once (in parallel) before their
/// relations are moved into the result.
const WAVE: usize = 1 << 16;

/// Compares the candidate pairs, in parallel, and returns the relations and
/// the undecided pairs (with why), in the order of `pairs` (the same for any
/// number of threads).
///
/// The pairs are compared in waves of [`WAVE`], and each wave's relations
/// are moved into the result before the next is compared: holding every
/// pair's outcome until the end, and then the result beside it, took a
/// quarter more memory at the peak. The result is reserved once for the
/// relations expected (as many per pair as so far, and a twentieth more),
/// again only if that falls short, so it is not copied as it grows.
pub(crate) fn compare_pairs(
    claims: &[Claim],
    pairs: &[(usize, usize)],
    progress: &Progress,
) -> (Vec<Relation>, Vec<Open>) {
    compare_in_waves(claims, pairs, progress, WAVE)
}

fn compare_in_waves(
    claims: &[Claim],
    pairs: &[(usize, usize)],
    progress: &Progress,
    wave_size: usize,
) -> (Vec<Relation>, Vec<Open>) {
    let counter = progress.stage(Stage::Compare, pairs.len());
    let mut relations: Vec<Relation> = Vec::new();
    let mut undecided = Vec::new();
    let mut done = 0;
    for wave in pairs.chunks(wave_size) {
        let found: Vec<(Vec<Relation>, Vec<Open>)> = wave
            .par_chunks(1024)
            .map(|chunk| {
                // Nearly every candidate pair is related: room for all of
                // them, as growing by doubling copied the relations.
                let mut related = Vec::with_capacity(chunk.len());
                let mut open = Vec::new();
                for &(i, j) in chunk {
                    match compare_pair(&claims[i], &claims[j]) {
                        Outcome::None => {}
                        // Moved once, into the list, and fitted there.
                        Outcome::Related(r) => {
                            related.push(r);
                            if let Some(r) = related.last_mut() {
                                r.fit();
                            }
                        }
                        Outcome::Undecided(why) => open.push((i, j, why)),
                    }
                }
                counter.add(chunk.len());
                (related, open)
            })
            .collect();
        done += wave.len();
        let needed = relations.len() + found.iter().map(|(r, _)| r.len()).sum::<usize>();
        let mut found = found.into_iter();
        // The first list becomes the run's, moved rather than copied
        // relation by relation (a relation is some 270 bytes): a run whose
        // pairs fit one chunk, as a story's group of a JSON Lines run
        // usually does, copies none. Its room was made for every pair of
        // the chunk, and nearly every pair is related.
        if relations.is_empty()
            && let Some((related, open)) = found.next()
        {
            relations = related;
            undecided.extend(open);
        }
        if needed > relations.capacity() {
            let expected = (needed as f64 * pairs.len() as f64 / done as f64 * 1.05) as usize;
            relations.reserve_exact(expected.max(needed) - relations.len());
        }
        for (related, open) in found {
            relations.extend(related);
            undecided.extend(open);
        }
    }
    (relations, undecided)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Analyzer, Document};

    proptest::proptest! {
        /// Sorting pairs as packed integers gives what sorting them as
        /// pairs gives, with indices up to the last of 32 bits; so does the
        /// fallback for indices beyond.
        #[test]
        fn packed_pairs_sort_as_pairs(
            raw in proptest::collection::vec((0usize..40, 0usize..40, proptest::bool::ANY), 0..300)
        ) {
            let top = u32::MAX as usize;
            let pairs: Vec<(usize, usize)> = raw
                .iter()
                .map(|&(i, j, high)| if high { (top - 40 + i.min(j), top - 40 + i.max(j)) } else { (i.min(j), i.max(j)) })
                .collect();
            let mut expected = pairs.clone();
            expected.sort_unstable();
            expected.dedup();
            proptest::prop_assert_eq!(sorted_unique(pairs.clone(), top), expected.clone());
            if let Some(beyond) = top.checked_add(1) {
                proptest::prop_assert_eq!(sorted_unique(pairs, beyond), expected);
            }
        }
    }

    #[test]
    fn waves_give_the_relations_of_one_pass() {
        let docs = vec![
            Document::new("a", "A", "Police said 12 people were detained. The bridge was closed on Monday."),
            Document::new(
                "b",
                "B",
                "Police said 20 people were detained. The bridge was not closed on Monday.",
            ),
            Document::new(
                "c",
                "C",
                "Officials said 12 people were detained. The bridge was closed on Tuesday.",
            ),
        ];
        let analysis = Analyzer::new().analyze(docs).expect("analysis");
        let claims = analysis.claims();
        let pairs: Vec<(usize, usize)> =
            (0..claims.len()).flat_map(|i| (i + 1..claims.len()).map(move |j| (i, j))).collect();
        let progress = Progress::default();
        // One wave of one chunk: its list is moved whole; in waves, the
        // first list is moved and the others appended.
        let (whole, open) = compare_in_waves(claims, &pairs, &progress, pairs.len());
        assert!(whole.len() >= 3, "{whole:#?}");
        for size in [1, 2, 5] {
            let (waved, waved_open) = compare_in_waves(claims, &pairs, &progress, size);
            assert_eq!(waved, whole, "waves of {size}");
            assert_eq!(waved_open, open, "waves of {size}");
        }
    }

    #[test]
    fn pairs_are_counted_as_they_are_made() {
        // Three documents, one long enough for the same-document window.
        let long: String = (0..150).map(|i| format!("Police said {i} people were detained. ")).collect();
        let docs = vec![
            Document::new("a", "A", long),
            Document::new("b", "B", "Police said 12 people were detained. Officials said 14 were held."),
            Document::new("c", "C", "Police said 20 people were detained."),
        ];
        let analysis = Analyzer::new().analyze(docs).expect("analysis");
        let claims = analysis.claims();
        assert!(claims.len() > 2 * SAME_DOC_WINDOW, "{} claims", claims.len());
        let all: Vec<usize> = (0..claims.len()).collect();
        let every_third: Vec<usize> = (0..claims.len()).step_by(3).collect();
        let tail: Vec<usize> = (claims.len() - 5..claims.len()).collect();
        for posting in [&all[..], &every_third, &tail, &all[..1], &[]] {
            let mut made = 0;
            pairs_of(claims, posting, |_, _| made += 1);
            assert_eq!(count_pairs(claims, posting), made);
        }
    }
}
