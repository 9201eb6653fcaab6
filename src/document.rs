//! Documents: one article's text and its metadata.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Metadata of an article: who published it, when, and by whom.
///
/// Read from a file's front matter, from a JSON input object, or set through
/// the API. Fields claimgraph does not know are kept in [`Metadata::extra`]
/// (for example `perspective` or `kind`) and passed through to reports.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The outlet that published the article (e.g. "Harbor Gazette").
    pub outlet: String,
    /// The article's headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publication date. Relative dates in the text ("last Monday",
    /// "December 12") are resolved against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// The byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Where the article was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Any other `key: value` fields, in key order.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

/// One article: an id, its metadata and its text.
///
/// All spans claimgraph reports are byte offsets into [`Document::text`],
/// the article body without any front matter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Unique id within one analysis: the input file's stem, or the `id` of
    /// a JSON input object.
    pub id: String,
    /// Outlet, title, date and other metadata.
    pub meta: Metadata,
    /// The body text.
    pub text: String,
}

impl Document {
    /// Creates a document with the given id, outlet and text and no other
    /// metadata.
    ///
    /// ```
    /// let doc = claimgraph::Document::new("a1", "Daily Example", "The bridge was closed.");
    /// assert_eq!(doc.meta.outlet, "Daily Example");
    /// ```
    pub fn new(id: impl Into<String>, outlet: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            meta: Metadata { outlet: outlet.into(), ..Metadata::default() },
            text: text.into(),
        }
    }

    /// Sets the publication date (builder style).
    ///
    /// ```
    /// let doc = claimgraph::Document::new("a1", "Daily Example", "It rained on Monday.")
    ///     .published(jiff::civil::date(2024, 3, 6));
    /// assert_eq!(doc.meta.published.unwrap().to_string(), "2024-03-06");
    /// ```
    pub fn published(mut self, date: Date) -> Document {
        self.meta.published = Some(date);
        self
    }

    /// Sets the title (builder style).
    pub fn title(mut self, title: impl Into<String>) -> Document {
        self.meta.title = Some(title.into());
        self
    }

    /// Sets the author (builder style).
    pub fn author(mut self, author: impl Into<String>) -> Document {
        self.meta.author = Some(author.into());
        self
    }

    /// Checks that the document can be analysed: a non-empty id without
    /// whitespace or `:` (claim ids are `doc:n`), a non-empty outlet, and text
    /// that is not only whitespace.
    pub fn validate(&self) -> Result<()> {
        let invalid =
            |message: &str| Error::InvalidDocument { id: self.id.clone(), message: message.to_string() };
        if self.id.is_empty() {
            return Err(invalid("the id is empty"));
        }
        if self.id.chars().any(|c| c.is_whitespace() || c == ':' || c.is_control()) {
            return Err(invalid("the id must not contain whitespace, control characters or `:`"));
        }
        if self.meta.outlet.trim().is_empty() {
            return Err(invalid("the outlet is empty"));
        }
        if self.text.trim().is_empty() {
            return Err(Error::EmptyDocument { origin: self.id.clone() });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation() {
        assert!(Document::new("a", "Outlet", "Text.").validate().is_ok());
        for (id, outlet, text) in
            [("", "O", "T."), ("a b", "O", "T."), ("a:b", "O", "T."), ("a", " ", "T."), ("a", "O", " \n ")]
        {
            assert!(Document::new(id, outlet, text).validate().is_err(), "{id:?} {outlet:?} {text:?}");
        }
    }
}
