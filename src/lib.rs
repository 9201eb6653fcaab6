//! claimgraph: compare what news outlets claim about one story.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod document;
pub mod error;
pub mod span;

pub use document::{Document, Metadata};
pub use error::{Error, Result};
pub use span::Span;
