//! The one error type of the crate.

use std::path::PathBuf;

/// Everything that can go wrong in claimgraph.
///
/// Each variant names the input it is about (`origin`: a file path, or a
/// description such as `docs.json[3]` for the fourth object of a JSON array)
/// and, where it applies, the line, so a user can find and fix the problem.
/// Analysis itself never fails on well-formed documents: it abstains
/// instead. Errors come from reading, parsing and validating input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },

    /// An output file could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },

    /// A path given as input does not exist.
    #[error("{}: no such file or folder", path.display())]
    NotFound {
        /// The missing path.
        path: PathBuf,
    },

    /// The input is not valid UTF-8.
    #[error("{origin}:{line}: not valid UTF-8 (invalid byte at offset {offset})")]
    InvalidUtf8 {
        /// Where the bytes came from.
        origin: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
        /// 1-based line of the first invalid byte.
        line: usize,
    },

    /// The document has no text (after any front matter), or only whitespace.
    #[error("{origin}: the document is empty")]
    EmptyDocument {
        /// Where the document came from.
        origin: String,
    },

    /// The front matter block is malformed.
    #[error("{origin}:{line}: malformed front matter: {message}")]
    FrontMatter {
        /// Where the document came from.
        origin: String,
        /// 1-based line of the offending front matter line.
        line: usize,
        /// What is wrong.
        message: String,
    },

    /// A JSON input could not be parsed or does not have the expected shape.
    #[error("{origin}:{line}:{column}: invalid JSON input: {message}")]
    Json {
        /// Where the JSON came from (with `[index]` for an array element).
        origin: String,
        /// 1-based line, or 0 when unknown.
        line: usize,
        /// 1-based column, or 0 when unknown.
        column: usize,
        /// What is wrong.
        message: String,
    },

    /// Two documents have the same id.
    #[error("duplicate document id `{id}`: {first} and {second}")]
    DuplicateId {
        /// The id used twice.
        id: String,
        /// Where the first document with this id came from.
        first: String,
        /// Where the second document with this id came from.
        second: String,
    },

    /// A user lexicon file is malformed.
    #[error("{origin}:{line}: invalid lexicon entry: {message}")]
    Lexicon {
        /// Where the lexicon came from.
        origin: String,
        /// 1-based line of the offending entry.
        line: usize,
        /// What is wrong.
        message: String,
    },

    /// A document is larger than the configured limit.
    #[error("{origin}: document is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Where the document came from.
        origin: String,
        /// Its size in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },

    /// A document built through the API is invalid (for example an empty id).
    #[error("invalid document `{id}`: {message}")]
    InvalidDocument {
        /// The id of the document (possibly empty).
        id: String,
        /// What is wrong.
        message: String,
    },

    /// A claim given to the stance analysis is unusable (for example it has
    /// no words).
    #[error("invalid claim: {message}")]
    InvalidClaim {
        /// What is wrong.
        message: String,
    },

    /// There was nothing to analyse.
    #[error("no documents to analyse")]
    NoDocuments,

    /// A text read again from its [`TextSource`](crate::analysis::TextSource)
    /// differs from the first reading: its input changed during the run.
    #[error("{id}: the text changed while it was being analysed ({first} bytes, then {now})")]
    TextChanged {
        /// The id of the document.
        id: String,
        /// Its length in bytes when first read.
        first: usize,
        /// Its length in bytes when read again (the same if only its bytes
        /// changed).
        now: usize,
    },
}

/// A `Result` with [`Error`] as the error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
