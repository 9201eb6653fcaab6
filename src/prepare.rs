//! Per-document preparation shared by the later stages: sentences, tokens,
//! stems and quoted regions, computed once.

use std::ops::Range;

use crate::segment::{self, SentenceKind};
use compact_str::CompactString;

use crate::span::Span;
use crate::text::{self, QuoteRegion, Token};

/// A sentence with its token range.
#[derive(Clone, Debug)]
pub(crate) struct Sent {
    pub span: Span,
    pub kind: SentenceKind,
    pub paragraph: usize,
    /// Token indices of this sentence.
    pub toks: Range<usize>,
}

/// A document ready for extraction.
#[derive(Clone, Debug)]
pub(crate) struct Prepared {
    pub tokens: Vec<Token>,
    /// Each token's stem ([`stem_of`]); empty in a document prepared by
    /// [`Prepared::for_names`], whose lookups stem the tokens they read.
    pub stems: Vec<CompactString>,
    pub sentences: Vec<Sent>,
    pub quotes: Vec<QuoteRegion>,
    /// Answers [`Prepared::quote_at`] without scanning every quote.
    quote_index: QuoteIndex,
    /// `words_before[k]`: how many word tokens come before token `k`.
    words_before: Vec<usize>,
}

/// The innermost quote region at every byte position, as a step function:
/// `regions[i]` holds from `bounds[i]` up to `bounds[i + 1]`.
///
/// Built in O(q log q) for q regions, queried in O(log q), where scanning
/// all regions per query made the analysis quadratic on text with many
/// quotes (each token of a sentence asks whether it is quoted).
#[derive(Clone, Debug, Default)]
struct QuoteIndex {
    bounds: Vec<usize>,
    regions: Vec<Option<usize>>,
}

impl QuoteIndex {
    fn new(quotes: &[QuoteRegion]) -> QuoteIndex {
        let mut bounds: Vec<usize> = quotes.iter().flat_map(|q| [q.inner.start, q.inner.end]).collect();
        bounds.sort_unstable();
        bounds.dedup();
        let segments = bounds.len().saturating_sub(1);
        let mut regions = vec![None; segments];
        // Innermost first (the shortest, and of equal lengths the first, as
        // a scan with `min_by_key` would pick); each segment takes the first
        // region that covers it. `next[i]` skips to the first segment at or
        // after `i` not yet taken, so each segment is visited once.
        let mut order: Vec<usize> = (0..quotes.len()).collect();
        order.sort_by_key(|&i| (quotes[i].inner.len(), i));
        let mut next: Vec<usize> = (0..=segments).collect();
        fn find(next: &mut [usize], mut i: usize) -> usize {
            while next[i] != i {
                next[i] = next[next[i]];
                i = next[i];
            }
            i
        }
        for i in order {
            let q = quotes[i].inner;
            if q.start >= q.end {
                continue;
            }
            let first = bounds.partition_point(|&b| b < q.start);
            let end = bounds.partition_point(|&b| b < q.end);
            let mut k = find(&mut next, first);
            while k < end {
                regions[k] = Some(i);
                next[k] = k + 1;
                k = find(&mut next, k + 1);
            }
        }
        QuoteIndex { bounds, regions }
    }

    /// The index of the innermost region containing `pos`.
    fn at(&self, pos: usize) -> Option<usize> {
        let k = self.bounds.partition_point(|&b| b <= pos).checked_sub(1)?;
        self.regions.get(k).copied().flatten()
    }
}

impl Prepared {
    pub fn new(text: &str) -> Prepared {
        Prepared::segmented(text, &segment::segment(text))
    }

    /// [`Prepared::new`] of a text already segmented: `sentences` are
    /// `segment(text)`.
    pub fn segmented(text: &str, sentences: &[segment::Sentence]) -> Prepared {
        Prepared::for_names(text, sentences).stemmed()
    }

    /// [`Prepared::segmented`] without the list of stems, for finding and
    /// resolving names, which look the lexicon up at a few positions only
    /// ([`Prepared::lookup`] stems what it reads), so stemming every token
    /// was work for nothing there; the extractor reads every stem and needs
    /// [`Prepared::segmented`].
    pub fn for_names(text: &str, sentences: &[segment::Sentence]) -> Prepared {
        // About a token per three bytes of English news text (589,000 for
        // the 1.8 MB of `benches/compare_spacy.sh`): sized ahead, the list
        // is not copied as it grows, once per doubling.
        let mut tokens = Vec::with_capacity(text.len() / 3 + 8);
        let mut sents = Vec::with_capacity(sentences.len());
        for s in sentences {
            let start = tokens.len();
            text::tokenize_into(&mut tokens, s.span.slice(text), s.span.start);
            sents.push(Sent {
                span: s.span,
                kind: s.kind,
                paragraph: s.paragraph,
                toks: start..tokens.len(),
            });
        }
        // Quotes pair within a paragraph.
        let mut quotes = Vec::new();
        let mut i = 0;
        while i < sents.len() {
            let mut j = i;
            while j + 1 < sents.len() && sents[j + 1].paragraph == sents[i].paragraph {
                j += 1;
            }
            let range = sents[i].toks.start..sents[j].toks.end;
            quotes.extend(text::quote_regions(text, &tokens[range]));
            i = j + 1;
        }
        let quote_index = QuoteIndex::new(&quotes);
        let words_before = std::iter::once(0)
            .chain(tokens.iter().scan(0, |n, t| {
                *n += usize::from(t.is_word());
                Some(*n)
            }))
            .collect();
        Prepared { tokens, stems: Vec::new(), sentences: sents, quotes, quote_index, words_before }
    }

    /// This document with its list of stems: [`Prepared::segmented`] of a
    /// document prepared by [`Prepared::for_names`].
    pub fn stemmed(mut self) -> Prepared {
        if self.stems.len() != self.tokens.len() {
            self.stems = self.tokens.iter().map(stem_of).collect();
        }
        self
    }

    /// How many word tokens the tokens `range` hold, in constant time.
    pub fn words_in(&self, range: Range<usize>) -> usize {
        let at = |k: usize| self.words_before.get(k.min(self.tokens.len())).copied().unwrap_or(0);
        at(range.end).saturating_sub(at(range.start))
    }

    /// The innermost quote region containing byte `pos`, if any.
    pub fn quote_at(&self, pos: usize) -> Option<&QuoteRegion> {
        self.quote_index.at(pos).map(|i| &self.quotes[i])
    }

    /// Lexicon entries matching at token `k` (not past token `end`).
    pub fn lookup<'l>(
        &self,
        lex: &'l crate::lexicon::Lexicon,
        k: usize,
        end: usize,
    ) -> Vec<(usize, &'l crate::lexicon::Entry)> {
        let mut out = Vec::new();
        self.lookup_into(&mut out, lex, k, end);
        out
    }

    /// [`Prepared::lookup`] appended to `out`.
    pub(crate) fn lookup_into<'l>(
        &self,
        out: &mut Vec<(usize, &'l crate::lexicon::Entry)>,
        lex: &'l crate::lexicon::Lexicon,
        k: usize,
        end: usize,
    ) {
        let stop = end.min(k + lex.max_phrase_len()).min(self.tokens.len());
        if k >= stop {
            return;
        }
        let tokens = &self.tokens[k..stop];
        let norm = |i: usize| tokens[i].norm.as_str();
        if self.stems.len() == self.tokens.len() {
            lex.lookup_into(out, &self.stems[k..stop], norm);
            return;
        }
        // Prepared for names: the first stem decides whether any phrase can
        // start here (at most tokens none can), and only then are the
        // others made.
        let first = stem_of(&tokens[0]);
        if !lex.starts_phrase(&first) {
            return;
        }
        let stems: Vec<CompactString> =
            std::iter::once(first).chain(tokens[1..].iter().map(stem_of)).collect();
        lex.lookup_into(out, &stems, norm);
    }

    /// Index of the first token at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }
}

/// A token's stem as [`Prepared::stems`] holds it: a word's stem, any
/// other token's normalised text.
fn stem_of(t: &Token) -> CompactString {
    if t.is_word() { text::stem_compact(&t.norm) } else { t.norm.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan the index replaces.
    fn scan(quotes: &[QuoteRegion], pos: usize) -> Option<usize> {
        (0..quotes.len())
            .filter(|&i| quotes[i].inner.start <= pos && pos < quotes[i].inner.end)
            .min_by_key(|&i| quotes[i].inner.len())
    }

    fn region(start: usize, end: usize) -> QuoteRegion {
        QuoteRegion {
            open: Span::new(start.saturating_sub(1), start),
            close: None,
            inner: Span::new(start, end),
            single: false,
        }
    }

    /// A document prepared for names looks the lexicon up as one prepared
    /// whole does: at every token, up to the next token, the next three
    /// and the end, on the fixtures (titles, organisation heads, cues and
    /// phrases of several words among them) and on text with accents,
    /// quotes and numbers. Stemming a token differently in the two paths,
    /// or deciding on the first stem wrongly, fails it.
    #[test]
    fn names_lookups_are_those_of_the_whole_preparation() {
        let lex = crate::lexicon::Lexicon::builtin();
        let mut texts: Vec<String> = vec![
            "Président Émile Zola's “Ministry of Défense” said 1,200 troops weren't sent.".into(),
            "The deputy prime minister, the Interior Ministry and Foreign Minister Ana Kovac denied it."
                .into(),
        ];
        texts.extend(crate::test_support::fixture_texts());
        assert!(texts.len() >= 15, "fixtures not found");
        let mut found = 0;
        for text in &texts {
            let sentences = segment::segment(text);
            let whole = Prepared::segmented(text, &sentences);
            let names = Prepared::for_names(text, &sentences);
            assert!(names.stems.is_empty());
            assert_eq!(names.tokens, whole.tokens);
            let n = whole.tokens.len();
            for k in 0..n {
                for end in [k + 1, k + 3, n] {
                    let a = whole.lookup(&lex, k, end);
                    let b = names.lookup(&lex, k, end);
                    assert_eq!(a, b, "token {k} to {end} of {:?}", &text[..text.len().min(60)]);
                    found += a.len();
                }
            }
        }
        // The comparison is not of empty lists.
        assert!(found > 1_000, "{found} entries found");
    }

    #[test]
    fn quote_index_matches_a_scan() {
        // Nested, disjoint, crossing, equal, empty and unclosed regions,
        // from a small deterministic generator.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for _ in 0..300 {
            let count = next(12);
            let quotes: Vec<QuoteRegion> = (0..count)
                .map(|_| {
                    let start = next(40);
                    region(start, start + next(20))
                })
                .collect();
            let index = QuoteIndex::new(&quotes);
            for pos in 0..70 {
                assert_eq!(index.at(pos), scan(&quotes, pos), "{pos} in {quotes:?}");
            }
        }
    }

    #[test]
    fn deeply_nested_quotes_are_indexed() {
        let depth = 20_000;
        let quotes: Vec<QuoteRegion> = (0..depth).map(|i| region(i, 2 * depth - i)).collect();
        let index = QuoteIndex::new(&quotes);
        assert_eq!(index.at(depth), Some(depth - 1));
        assert_eq!(index.at(0), Some(0));
        assert_eq!(index.at(2 * depth), None);
    }
}
