//! Attributions: who says, believes, wants or judges what, in one document.
//!
//! [`Analyzer::attributions`] lists every attribution it finds in a
//! document, each with its source (the words that name who speaks), the
//! resolved [`Speaker`], the cue and the content spans. It is wider than the
//! speakers of [`Claim`](crate::Claim)s in three ways:
//!
//! - every reporting verb of a sentence gives an attribution, not only the
//!   one that frames the sentence's claims ("X said A and *said* B",
//!   "officials, *who* told reporters …"), and so do participles ("polls
//!   *showing* …"), passives with their agent ("*was denounced by* the
//!   chairman") and light-verb phrases ("*made little mention* of");
//! - nouns attribute too: "Lund's *allegations* of …", "*fears* of a
//!   downturn" (whose source the text may not name), "his *remarks*
//!   about …";
//! - verbs of belief, wish, intent and evaluation attribute a position
//!   without reporting speech ("advisers *want* to …", "she *supports*
//!   universal health care", "he *praised* the plan"). Their cue has the
//!   class [`CueClass::Attitude`](crate::lexicon::CueClass::Attitude); claims
//!   never take these as their speaker's words, because what someone wants
//!   or supports is not something they assert.
//!
//! ```
//! use claimgraph::{Analyzer, Document};
//! use claimgraph::lexicon::CueClass;
//!
//! let doc = Document::new(
//!     "a1",
//!     "Harbor Gazette",
//!     "The mayor said the bridge would reopen on Monday and said repairs were finished. \
//!      Many residents want the old ferry back.",
//! );
//! let found = Analyzer::new().attributions(&doc)?;
//! let cues: Vec<&str> = found.iter().filter_map(|a| a.cue.as_ref()).map(|c| c.text.as_str()).collect();
//! assert_eq!(cues, ["said", "said", "want"]);
//! let want = &found[2];
//! assert_eq!(want.cue.as_ref().map(|c| c.class), Some(CueClass::Attitude));
//! assert_eq!(want.source.map(|s| s.slice(&doc.text)), Some("Many residents"));
//! assert_eq!(want.content[0].slice(&doc.text), "the old ferry back.");
//! # Ok::<(), claimgraph::Error>(())
//! ```

use foldhash::HashSet;
use serde::Serialize;

use crate::analysis::{Analyzer, DEFAULT_MAX_DOC_BYTES};
use crate::claim::{Cue, QuoteKind, Speaker};
use crate::document::Document;
use crate::entity;
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::prepare::Prepared;
use crate::span::Span;

/// One attribution: a source, a cue, and what is attributed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attribution {
    /// The index of the sentence it is in.
    pub sentence: usize,
    /// Who: the resolved speaker (a pronoun or "who" resolves to the person
    /// or body it stands for, where that is known). `None` when the text
    /// does not say who ("fears of a downturn").
    pub speaker: Option<Speaker>,
    /// Where the source is named in this sentence: the noun phrase, the
    /// pronoun, or the relative "who"/"which" before the cue. `None` when
    /// the sentence does not name it (a quotation that goes on from an
    /// earlier one).
    pub source: Option<Span>,
    /// The cue ("said", "according to", "wants"); `None` for a quotation
    /// that goes on from an earlier sentence.
    pub cue: Option<Cue>,
    /// What is attributed: one or more spans of the sentence.
    pub content: Vec<Span>,
    /// Whether the content is quoted.
    pub quote: QuoteKind,
    /// Outer speakers of a nested attribution ("the statement added that
    /// the minister said …"), outermost first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<Speaker>,
    /// Whether the document's claims carry this attribution (their speaker
    /// and cue), or only this listing finds it.
    pub in_claims: bool,
}

impl Analyzer {
    /// Every attribution in `doc`, in text order. See the
    /// [module documentation](crate::attribution).
    ///
    /// The document is read on its own, as [`Analyzer::analyze`] would read
    /// it alone; the same document always gives the same list.
    ///
    /// # Errors
    ///
    /// The errors of [`Analyzer::analyze`] for one document: empty or
    /// invalid text ([`Error::EmptyDocument`] and the like) or a document
    /// over the size limit ([`Error::TooLarge`]).
    pub fn attributions(&self, doc: &Document) -> Result<Vec<Attribution>> {
        doc.validate()?;
        let limit = self.max_doc_bytes_or(DEFAULT_MAX_DOC_BYTES);
        if doc.text.len() > limit {
            return Err(Error::TooLarge { origin: doc.id.clone(), size: doc.text.len(), limit });
        }
        let lex = self.lexicon_ref();
        let prepared = [Prepared::new(&doc.text)];
        let vocab = entity::vocabulary(&prepared);
        let mut mentions = vec![entity::find_mentions(&doc.text, &prepared[0], lex, &vocab)];
        let referents = entity::resolve(&mut mentions, &prepared, std::slice::from_ref(&doc.id), lex, &vocab);
        let outlets: HashSet<String> = [doc.meta.outlet.to_lowercase()].into_iter().collect();
        let ex = Extractor::new(doc, &prepared[0], &mentions[0], &referents, lex, &outlets);
        Ok(ex.attributions())
    }
}
