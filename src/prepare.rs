//! Per-document preparation shared by the later stages: sentences, tokens,
//! stems and quoted regions, computed once.

use std::ops::Range;

use crate::segment::{self, SentenceKind};
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
    pub stems: Vec<String>,
    pub sentences: Vec<Sent>,
    pub quotes: Vec<QuoteRegion>,
}

impl Prepared {
    pub fn new(text: &str) -> Prepared {
        let sentences = segment::segment(text);
        let mut tokens = Vec::new();
        let mut sents = Vec::with_capacity(sentences.len());
        for s in &sentences {
            let start = tokens.len();
            tokens.extend(text::tokenize(s.span.slice(text), s.span.start));
            sents.push(Sent {
                span: s.span,
                kind: s.kind,
                paragraph: s.paragraph,
                toks: start..tokens.len(),
            });
        }
        let stems =
            tokens.iter().map(|t| if t.is_word() { text::stem(&t.norm) } else { t.norm.clone() }).collect();
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
        Prepared { tokens, stems, sentences: sents, quotes }
    }

    /// The innermost quote region containing byte `pos`, if any.
    pub fn quote_at(&self, pos: usize) -> Option<&QuoteRegion> {
        self.quotes.iter().filter(|q| q.inner.start <= pos && pos < q.inner.end).min_by_key(|q| q.inner.len())
    }

    /// Lexicon entries matching at token `k` (not past token `end`).
    pub fn lookup<'l>(
        &self,
        lex: &'l crate::lexicon::Lexicon,
        k: usize,
        end: usize,
    ) -> Vec<(usize, &'l crate::lexicon::Entry)> {
        let stop = end.min(k + lex.max_phrase_len()).min(self.tokens.len());
        if k >= stop {
            return Vec::new();
        }
        let norms: Vec<&str> = self.tokens[k..stop].iter().map(|t| t.norm.as_str()).collect();
        lex.lookup(&norms, &self.stems[k..stop])
    }

    /// Index of the first token at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }
}
