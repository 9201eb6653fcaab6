//! The pipeline: documents in, claims, relations, graph and report out.

use std::collections::{BTreeMap, HashSet};

use crate::claim::Claim;
use crate::compare::{self, Relation, Undecided};
use crate::document::Document;
use crate::entity::{self, Referent};
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::graph::ClaimGraph;
use crate::lexicon::Lexicon;
use crate::prepare::Prepared;
use crate::report::Report;

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
}

impl Analyzer {
    /// An analyzer with the built-in lexicon and no size limit.
    pub fn new() -> Analyzer {
        Analyzer::default()
    }

    /// Uses `lexicon` (for example one read with [`Lexicon::from_file`]).
    pub fn lexicon(mut self, lexicon: Lexicon) -> Analyzer {
        self.lexicon = lexicon;
        self
    }

    /// Refuses documents whose text is longer than `limit` bytes.
    pub fn max_doc_bytes(mut self, limit: usize) -> Analyzer {
        self.max_doc_bytes = Some(limit);
        self
    }

    /// The lexicon this analyzer reads with.
    pub(crate) fn lexicon_in_use(&self) -> &Lexicon {
        &self.lexicon
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
            if let Some(limit) = self.max_doc_bytes
                && d.text.len() > limit
            {
                return Err(Error::TooLarge { origin: d.id.clone(), size: d.text.len(), limit });
            }
        }
        documents.sort_by(|a, b| a.id.cmp(&b.id));
        for w in documents.windows(2) {
            if w[0].id == w[1].id {
                return Err(Error::DuplicateId {
                    id: w[0].id.clone(),
                    first: w[0].id.clone(),
                    second: w[1].id.clone(),
                });
            }
        }
        let lex = &self.lexicon;
        let prepared: Vec<Prepared> = documents.iter().map(|d| Prepared::new(&d.text)).collect();
        let vocab = entity::vocabulary(&prepared);
        let mut mentions: Vec<_> = documents
            .iter()
            .zip(&prepared)
            .enumerate()
            .map(|(i, (d, p))| entity::find_mentions(i, &d.text, p, lex, &vocab))
            .collect();
        let ids: Vec<String> = documents.iter().map(|d| d.id.clone()).collect();
        let referents = entity::resolve(&mut mentions, &prepared, &ids, lex, &vocab);
        let outlets: HashSet<String> = documents.iter().map(|d| d.meta.outlet.to_lowercase()).collect();
        let mut claims = Vec::new();
        for (i, d) in documents.iter().enumerate() {
            let ex = Extractor {
                doc: d,
                p: &prepared[i],
                mentions: &mentions[i],
                referents: &referents,
                lex,
                outlets: &outlets,
                topics: entity::topics(&mentions[i], &referents),
                story_day: std::cell::Cell::new(None),
            };
            claims.extend(ex.extract());
        }
        let (relations, undecided) = compare::compare_all(&claims, lex);
        let graph = ClaimGraph::new(&claims, &relations);
        Ok(Analysis {
            documents,
            claims,
            relations,
            undecided,
            referents,
            graph,
            rejected: Vec::new(),
            skipped: Vec::new(),
        })
    }
}

/// The result of an analysis.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub(crate) documents: Vec<Document>,
    pub(crate) claims: Vec<Claim>,
    pub(crate) relations: Vec<Relation>,
    pub(crate) undecided: Vec<Undecided>,
    pub(crate) referents: Vec<Referent>,
    pub(crate) graph: ClaimGraph,
    pub(crate) rejected: Vec<(String, String)>,
    pub(crate) skipped: Vec<String>,
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

    /// Resolved entities with every name used for them.
    pub fn referents(&self) -> &[Referent] {
        &self.referents
    }

    /// The claim graph.
    pub fn graph(&self) -> &ClaimGraph {
        &self.graph
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

    /// Claims by document id.
    pub(crate) fn claims_by_doc(&self) -> BTreeMap<&str, Vec<&Claim>> {
        let mut m: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
        for c in &self.claims {
            m.entry(c.doc.as_str()).or_default().push(c);
        }
        m
    }
}
