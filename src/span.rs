//! Byte spans into a document's text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's text.
///
/// Every span claimgraph produces lies on `char` boundaries of the text it
/// points into, so `&document.text[span.range()]` never panics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not be greater than `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range`, ready to slice a `str`.
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// Whether `other` lies entirely within `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span moved right by `offset` bytes.
    pub const fn shift(self, offset: usize) -> Span {
        Span { start: self.start + offset, end: self.end + offset }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// Slices `text` with this span.
    ///
    /// Returns `""` if the span is out of bounds or not on char boundaries,
    /// instead of panicking.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span { start: r.start, end: r.end }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_relations() {
        let a = Span::new(2, 8);
        assert!(a.contains(Span::new(2, 8)));
        assert!(a.contains(Span::new(3, 5)));
        assert!(!a.contains(Span::new(1, 5)));
        assert!(a.overlaps(Span::new(7, 9)));
        assert!(!a.overlaps(Span::new(8, 9)));
        assert_eq!(a.cover(Span::new(0, 3)), Span::new(0, 8));
        assert_eq!(a.shift(10), Span::new(12, 18));
        assert_eq!(a.len(), 6);
    }

    #[test]
    fn slice_never_panics() {
        let text = "Ərəb";
        assert_eq!(Span::new(0, 2).slice(text), "Ə");
        assert_eq!(Span::new(0, 1).slice(text), "");
        assert_eq!(Span::new(3, 100).slice(text), "");
    }
}
