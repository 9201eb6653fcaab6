//! The pipeline: documents in, claims, relations, graph and report out.

use std::collections::BTreeMap;

use foldhash::HashSet;
use rayon::prelude::*;

use crate::claim::Claim;
use crate::compare::{self, Relation, Undecided};
use crate::document::Document;
use crate::entity::{self, Referent};
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::graph::ClaimGraph;
use crate::lexicon::Lexicon;
use crate::prepare::Prepared;
use crate::progress::{Progress, Stage};
use crate::report::Report;
use crate::stories;

/// The default largest document the analysis accepts, in bytes of text
/// (512 KiB, some ten times the longest news article).
/// [`Analyzer::max_doc_bytes`] and the command line's `--max-doc-bytes`
/// change it.
///
/// A larger document is more likely a mistake (a dump, a log, a binary
/// file) than an article, and parts of the analysis grow faster than the
/// text on very long documents, so it is refused with [`Error::TooLarge`]
/// rather than left to run for minutes.
pub const DEFAULT_MAX_DOC_BYTES: usize = 512 << 10;

/// Runs claimgraph's analysis. Configure it, then call [`Analyzer::analyze`].
///
/// ```
/// use claimgraph::{Analyzer, Document};
///
/// let docs = vec![
///     Document::new("a", "Harbor Gazette", "Police said the Tessa Bridge was closed on Monday."),
///     Document::new("b", "Valley Echo", "The Tessa Bridge was not closed on Monday, the mayor said."),
/// ];
/// let analysis = Analyzer::new().analyze(docs)?;
/// assert_eq!(analysis.claims().len(), 2);
/// assert_eq!(analysis.contradictions().count(), 1);
/// # Ok::<(), claimgraph::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Analyzer {
    lexicon: Lexicon,
    max_doc_bytes: Option<usize>,
    progress: Progress,
}

impl Analyzer {
    /// An analyzer with the built-in lexicon and the default size limit
    /// ([`DEFAULT_MAX_DOC_BYTES`]).
    pub fn new() -> Analyzer {
        Analyzer::default()
    }

    /// Uses `lexicon` (for example one read with [`Lexicon::from_file`]).
    pub fn lexicon(mut self, lexicon: Lexicon) -> Analyzer {
        self.lexicon = lexicon;
        self
    }

    /// The lexicon in use.
    pub(crate) fn lexicon_ref(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The document size limit: the one set, or `default`.
    pub(crate) fn max_doc_bytes_or(&self, default: usize) -> usize {
        self.max_doc_bytes.unwrap_or(default)
    }

    /// Refuses documents whose text is longer than `limit` bytes with
    /// [`Error::TooLarge`] (default: [`DEFAULT_MAX_DOC_BYTES`]; `usize::MAX`
    /// for no limit).
    pub fn max_doc_bytes(mut self, limit: usize) -> Analyzer {
        self.max_doc_bytes = Some(limit);
        self
    }

    /// Calls `f(stage, done, total)` as the analysis advances, from several
    /// threads. The command-line tool draws its progress bar with it.
    pub fn on_progress(mut self, f: impl Fn(Stage, usize, usize) + Send + Sync + 'static) -> Analyzer {
        self.progress = Progress::new(f);
        self
    }

    /// Analyses a set of documents about one story.
    ///
    /// Documents are processed in id order, so the result does not depend on
    /// the order they are given in. Fails if a document is invalid (see
    /// [`Document::validate`]), too large, or if two documents share an id.
    pub fn analyze(&self, mut documents: Vec<Document>) -> Result<Analysis> {
        if documents.is_empty() {
            return Err(Error::NoDocuments);
        }
        for d in &documents {
            d.validate()?;
            let limit = self.max_doc_bytes.unwrap_or(DEFAULT_MAX_DOC_BYTES);
            if d.text.len() > limit {
                return Err(Error::TooLarge { origin: d.id.clone(), size: d.text.len(), limit });
            }
        }
        check_unique_ids(&documents)?;
        documents.sort_by(|a, b| a.id.cmp(&b.id));
        let lex = &self.lexicon;
        // Per-document stages run in parallel; results are collected in
        // document order, so the output does not depend on the threads.
        let n = documents.len();
        let counter = self.progress.stage(Stage::Prepare, n);
        let prepared: Vec<Prepared> = documents
            .par_iter()
            .map(|d| {
                let p = Prepared::new(&d.text);
                counter.add(1);
                p
            })
            .collect();
        let vocab = entity::vocabulary(&prepared);
        let counter = self.progress.stage(Stage::Mentions, n);
        let mut mentions: Vec<_> = documents
            .par_iter()
            .zip(&prepared)
            .enumerate()
            .map(|(i, (d, p))| {
                let m = entity::find_mentions(i, &d.text, p, lex, &vocab);
                counter.add(1);
                m
            })
            .collect();
        let ids: Vec<String> = documents.iter().map(|d| d.id.clone()).collect();
        let counter = self.progress.stage(Stage::Resolve, 1);
        let referents = entity::resolve(&mut mentions, &prepared, &ids, lex, &vocab);
        let stories = stories::stories(&documents, &mentions, &prepared, referents.len(), lex, &vocab);
        counter.add(1);
        let outlets: HashSet<String> = documents.iter().map(|d| d.meta.outlet.to_lowercase()).collect();
        let counter = self.progress.stage(Stage::Extract, n);
        let per_doc: Vec<Vec<Claim>> = documents
            .par_iter()
            .enumerate()
            .map(|(i, d)| {
                let ex = Extractor {
                    doc: d,
                    p: &prepared[i],
                    mentions: &mentions[i],
                    referents: &referents,
                    lex,
                    outlets: &outlets,
                    topics: entity::topics(&mentions[i], &referents).into(),
                    story_day: std::cell::Cell::new(None),
                };
                // Extraction builds its vectors and strings by pushing, and
                // they hold up to twice what they use; a clone is allocated
                // at their length. On a large corpus that is a third of the
                // claims' memory, for a few percent of the time.
                let claims: Vec<Claim> = ex.extract().to_vec();
                counter.add(1);
                claims
            })
            .collect();
        // The prepared texts and mentions are not needed any more: millions
        // of small allocations on a large corpus, freed on all threads.
        rayon::join(|| prepared.into_par_iter().for_each(drop), || mentions.into_par_iter().for_each(drop));
        drop(vocab);
        let claims: Vec<Claim> = stories::assign(per_doc, &stories);
        let (relations, undecided) = compare::compare_all(&claims, lex, &self.progress);
        Ok(Analysis {
            documents,
            claims,
            relations,
            undecided,
            referents,
            graph: std::sync::OnceLock::new(),
            rejected: Vec::new(),
            skipped: Vec::new(),
            stories,
        })
    }
}

/// Fails with [`Error::DuplicateId`] naming the positions (`documents[i]`)
/// of the first two documents that share an id.
fn check_unique_ids(documents: &[Document]) -> Result<()> {
    let mut seen: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    for (i, d) in documents.iter().enumerate() {
        if let Some(first) = seen.insert(&d.id, i) {
            return Err(Error::DuplicateId {
                id: d.id.clone(),
                first: format!("documents[{first}]"),
                second: format!("documents[{i}]"),
            });
        }
    }
    Ok(())
}

/// The result of an analysis.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub(crate) documents: Vec<Document>,
    pub(crate) claims: Vec<Claim>,
    pub(crate) relations: Vec<Relation>,
    pub(crate) undecided: Vec<Undecided>,
    pub(crate) referents: Vec<Referent>,
    /// Built on the first call of [`Analysis::graph`]: the report does not
    /// need it, and on a large corpus it is a twentieth of the memory.
    pub(crate) graph: std::sync::OnceLock<ClaimGraph>,
    pub(crate) rejected: Vec<(String, String)>,
    pub(crate) skipped: Vec<String>,
    /// The story of each document (same order as `documents`).
    pub(crate) stories: Vec<usize>,
}

impl Analysis {
    /// The documents, in id order.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }

    /// All claims, by document id then position.
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// The claim with this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    /// All relations (agree and contradict), ordered by claim ids.
    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// Contradicting relations.
    pub fn contradictions(&self) -> impl Iterator<Item = &Relation> {
        self.relations.iter().filter(|r| r.relation == compare::RelationType::Contradict)
    }

    /// Agreeing relations.
    pub fn agreements(&self) -> impl Iterator<Item = &Relation> {
        self.relations.iter().filter(|r| r.relation == compare::RelationType::Agree)
    }

    /// Candidate pairs the comparison looked at and left undecided, with why.
    pub fn undecided(&self) -> &[Undecided] {
        &self.undecided
    }

    /// The documents grouped into stories by the distinctive names they
    /// share (two names, or one both repeat; see the README's
    /// "Architecture"): the ids of each story's documents, in id order,
    /// stories in the order of their first document. A key held by more
    /// than 64 claims is compared only within a story when most of its
    /// pairs would cross stories.
    ///
    /// ```
    /// use claimgraph::{Analyzer, Document};
    /// let analysis = Analyzer::new().analyze(vec![
    ///     Document::new("a", "Daily", "Police closed the Tessa Bridge in Ostrava Vale."),
    ///     Document::new("b", "Echo", "The Tessa Bridge in Ostrava Vale was open."),
    ///     Document::new("c", "Wire", "The Osk Dam in Velmora held."),
    /// ])?;
    /// assert_eq!(analysis.stories(), vec![vec!["a", "b"], vec!["c"]]);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn stories(&self) -> Vec<Vec<&str>> {
        let mut out: Vec<Vec<&str>> = Vec::new();
        for (d, &s) in self.documents.iter().zip(&self.stories) {
            if out.len() <= s {
                out.resize_with(s + 1, Vec::new);
            }
            out[s].push(d.id.as_str());
        }
        out
    }

    /// Resolved entities with every name used for them.
    pub fn referents(&self) -> &[Referent] {
        &self.referents
    }

    /// The claim graph, built on the first call.
    pub fn graph(&self) -> &ClaimGraph {
        self.graph.get_or_init(|| ClaimGraph::new(&self.claims, &self.relations))
    }

    /// Records inputs that were rejected before analysis (origin and reason),
    /// so that the report lists them.
    pub fn with_rejected(mut self, rejected: impl IntoIterator<Item = (String, String)>) -> Analysis {
        self.rejected.extend(rejected);
        self.rejected.sort();
        self
    }

    /// Records files found in input folders that are not articles (not
    /// `.txt`, `.md` or `.json`), so that the report lists them.
    pub fn with_skipped(mut self, skipped: impl IntoIterator<Item = String>) -> Analysis {
        self.skipped.extend(skipped);
        self.skipped.sort();
        self
    }

    /// Builds the divergence report.
    pub fn report(&self) -> Report {
        Report::build(self)
    }

    /// Builds the divergence report, moving the claims, relations and
    /// entities into it instead of copying them (for large corpora).
    pub fn into_report(self) -> Report {
        Report::from_analysis(self)
    }

    /// Claims by document id.
    pub(crate) fn claims_by_doc(&self) -> BTreeMap<&str, Vec<&Claim>> {
        let mut m: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
        for c in &self.claims {
            m.entry(c.doc.as_str()).or_default().push(c);
        }
        m
    }
}
