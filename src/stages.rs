//! The pipeline's stages one at a time, for the benchmarks in `benches/`.
//! Not a stable API: [`Analyzer::analyze`](crate::Analyzer::analyze) is.
//!
//! Each function runs one stage over all documents, on the current thread
//! pool, the way the analysis does.

use foldhash::HashSet;
use rayon::prelude::*;

use crate::claim::Claim;
use crate::compare::{self, Relation, Undecided};
use crate::document::Document;
use crate::entity::{self, Mention, Referent};
use crate::extract::Extractor;
use crate::lexicon::Lexicon;
use crate::prepare::Prepared;
use crate::progress::Progress;
use crate::stories;

/// Documents segmented into sentences and tokens, with stems and quotes.
pub struct PreparedDocs(Vec<Prepared>);

impl PreparedDocs {
    /// How many tokens there are in all documents.
    pub fn tokens(&self) -> usize {
        self.0.iter().map(|p| p.tokens.len()).sum()
    }
}

/// Name mentions of each document, resolved to referents.
pub struct Names {
    mentions: Vec<Vec<Mention>>,
    referents: Vec<Referent>,
    stories: Vec<usize>,
}

impl Names {
    /// How many referents were found.
    pub fn referents(&self) -> usize {
        self.referents.len()
    }
}

/// Segmentation and tokenisation (with stems and quote regions).
pub fn prepare(docs: &[Document]) -> PreparedDocs {
    PreparedDocs(docs.par_iter().map(|d| Prepared::new(&d.text)).collect())
}

/// Name mentions in each document, and their resolution across documents.
pub fn names(docs: &[Document], prepared: &PreparedDocs, lex: &Lexicon) -> Names {
    let vocab = entity::vocabulary(&prepared.0);
    let mut mentions: Vec<Vec<Mention>> = docs
        .par_iter()
        .zip(&prepared.0)
        .map(|(d, p)| entity::find_mentions(&d.text, p, lex, &vocab))
        .collect();
    let ids: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
    let referents = entity::resolve(&mut mentions, &prepared.0, &ids, lex, &vocab);
    let stories = stories::stories(docs, &mentions, &prepared.0, referents.len(), lex, &vocab);
    Names { mentions, referents, stories }
}

/// Claims of each document, with attribution, quantities, dates and states.
pub fn extract(docs: &[Document], prepared: &PreparedDocs, names: &Names, lex: &Lexicon) -> Vec<Claim> {
    let outlets: HashSet<String> = docs.iter().map(|d| d.meta.outlet.to_lowercase()).collect();
    let per_doc: Vec<Vec<Claim>> = docs
        .par_iter()
        .enumerate()
        .map(|(i, d)| {
            Extractor::new(d, &prepared.0[i], &names.mentions[i], &names.referents, lex, &outlets).extract()
        })
        .collect();
    stories::assign(per_doc, &names.stories)
}

/// The comparison: candidate pairs from the blocking index, and their
/// relations.
pub fn compare(claims: &[Claim], lex: &Lexicon) -> (Vec<Relation>, Vec<Undecided>) {
    compare::compare_all(claims, lex, &Progress::default())
}
