//! claimgraph: compare what news outlets claim about one story.
//!
//! Give claimgraph several articles about the same events, from different
//! outlets. It extracts the *claims* in them: who says what (the outlet in
//! its own voice, a named person, an organisation, another outlet, an
//! unnamed source), with which reporting cue ("said", "claimed", "denied"),
//! in a direct or indirect quote, and with what stance. It normalises the
//! names, numbers and dates in each claim, links claims that agree or
//! contradict each other, and reports the disputed points ("divergences"),
//! the points outlets agree on, the names each outlet uses for the same
//! thing, framing markers, claims only one outlet makes and an
//! outlet × outlet matrix of links.
//!
//! The analysis is rule-based and English only. Every finding is
//! explainable: each [`Relation`] carries its [`Kind`], a one-line reason
//! and the evidence spans (byte offsets into [`Document::text`]) on both
//! sides. The same input always gives the same output, whatever the order
//! of the documents.
//!
//! # Example
//!
//! ```
//! use claimgraph::{Analyzer, Document, Kind};
//!
//! let docs = vec![
//!     Document::new("gazette", "Harbor Gazette", "Police said the Tessa Bridge was closed on Monday."),
//!     Document::new("echo", "Valley Echo", "The Tessa Bridge was not closed on Monday, the mayor said."),
//! ];
//! let analysis = Analyzer::new().analyze(docs)?;
//!
//! // One claim per article, each with its speaker.
//! let speakers: Vec<&str> = analysis.claims().iter().map(|c| c.speaker.name.as_str()).collect();
//! assert_eq!(speakers, ["mayor", "Police"]);
//!
//! // The two claims contradict each other, and the link says why.
//! let contradiction = analysis.contradictions().next().expect("a contradiction");
//! assert_eq!(contradiction.kind, Kind::Negation);
//! assert!(contradiction.reason.contains("Tessa Bridge"));
//!
//! // The report groups the claims into a divergence with one side per position.
//! let report = analysis.report();
//! let divergence = &report.divergences[0];
//! assert!(divergence.kinds.contains(&Kind::Negation));
//! assert_eq!(divergence.sides.len(), 2);
//! println!("{}", report.to_markdown());
//! # Ok::<(), claimgraph::Error>(())
//! ```
//!
//! # Pipeline
//!
//! Each stage is a module:
//!
//! 1. [`input`]: documents from article files (optional front matter),
//!    JSON arrays and folders, with an error naming the file and line for
//!    bad input.
//! 2. [`segment`]: sentences, headlines and page boilerplate.
//! 3. [`text`]: word tokens with byte spans, normalised forms and stems.
//! 4. [`entity`]: name mentions, aliases (stated in the text or given in a
//!    user [`Lexicon`]) and the referents they resolve to across documents.
//! 5. Claim extraction (internal): claims with attribution, clauses, states
//!    ("blocked" / "open"), negation, denial, hedges and framing markers
//!    (see [`claim`] for the types).
//! 6. [`quantity`] and [`dates`]: numbers as intervals, dates and times
//!    resolved against the publication date.
//! 7. [`compare`]: candidate pairs from an index on shared keys, then
//!    detectors that decide agree or contradict, with the reason.
//! 8. [`graph`]: the claims and relations as a [`petgraph`] graph.
//! 9. [`report`]: divergences, agreements, naming, framing, single-source
//!    claims and the outlet matrix, as Markdown or as JSON (the documented
//!    contract, see [`report`]).
//!
//! # Main types
//!
//! * [`Analyzer`] configures and runs the analysis; [`Analysis`] holds the
//!   result: [`Claim`]s, [`Relation`]s, the [`ClaimGraph`] and the
//!   resolved referents.
//! * [`Report`] is built from an analysis: [`Report::to_markdown`],
//!   [`Report::to_json`].
//! * [`Document`] and [`Metadata`] are the input; [`input::load_paths`]
//!   reads them from files and folders.
//! * [`Lexicon`] is the built-in word lists plus an optional user lexicon.
//! * [`Error`] is the one error type: every variant names the input it is
//!   about.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// The linguistic rules read best as written ("not a name and not a title");
// clippy's rewrites of them do not.
#![allow(clippy::nonminimal_bool)]

pub mod analysis;
pub mod attribution;
mod blocking;
pub mod claim;
pub mod compare;
pub mod dates;
pub mod document;
pub mod entity;
pub mod error;
mod extract;
pub mod graph;
pub mod html;
mod indexes;
pub mod input;
mod json;
pub mod lexicon;
pub mod pair;
mod prepare;
pub mod progress;
pub mod quantity;
pub mod report;
pub mod segment;
pub mod span;
#[doc(hidden)]
pub mod stages;
pub mod stance;
mod stories;
pub mod svg;
mod swar;
pub mod text;
mod wordnet;
mod wordnet_format;
#[cfg(test)]
mod wordnet_write;

pub use analysis::{Analysis, Analyzer, StoryGroups};
pub use attribution::Attribution;
pub use claim::{Claim, Speaker, SpeakerKind};
/// The small-string type of [`Relation`]'s fields: short text (ids, cue
/// words, topics) is stored inline; it derefs to `str` and serialises as a
/// JSON string.
pub use compact_str::CompactString;
pub use compare::{Kind, Relation, RelationType};
pub use document::{Document, Fields, Metadata};
pub use error::{Error, Result};
pub use graph::ClaimGraph;
pub use lexicon::Lexicon;
pub use pair::Comparison;
pub use progress::Stage;
pub use report::Report;
pub use span::Span;
pub use stance::{Evidence, EvidenceKind, Stance, StanceFeatures, StanceIndex, StanceLabel, StanceModel};

/// Helpers the unit tests of several modules share.
#[cfg(test)]
mod test_support {
    /// The text of every `.txt` file under `fixtures/` (the articles of
    /// each story), folder by folder.
    pub(crate) fn fixture_texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut texts = Vec::new();
        let mut folders = vec![root];
        while let Some(folder) = folders.pop() {
            let mut entries: Vec<_> =
                std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().path()).collect();
            entries.sort();
            for path in entries {
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        texts
    }
}
