//! claimgraph: compare what news outlets claim about one story.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// The linguistic rules read best as written ("not a name and not a title");
// clippy's rewrites of them do not.
#![allow(clippy::nonminimal_bool)]

pub mod analysis;
pub mod claim;
pub mod compare;
pub mod dates;
pub mod document;
pub mod entity;
pub mod error;
mod extract;
pub mod graph;
pub mod input;
pub mod lexicon;
mod prepare;
pub mod quantity;
pub mod report;
pub mod segment;
pub mod span;
pub mod stance;
pub mod text;

pub use analysis::{Analysis, Analyzer};
pub use claim::{Claim, Speaker, SpeakerKind};
pub use compare::{Kind, Relation, RelationType};
pub use document::{Document, Metadata};
pub use error::{Error, Result};
pub use graph::ClaimGraph;
pub use lexicon::Lexicon;
pub use report::Report;
pub use span::Span;
pub use stance::{Evidence, EvidenceKind, Stance, StanceFeatures, StanceIndex, StanceLabel, StanceModel};
