//! Documents: one article's text and its metadata.

use std::fmt;

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
    #[serde(default, skip_serializing_if = "Fields::is_empty")]
    pub extra: Fields,
}

/// The other `key: value` fields of an article's metadata
/// ([`Metadata::extra`]): each key once, in key order (byte order, as a
/// `BTreeMap<String, String>` keeps them), serialised as a JSON object.
///
/// Most articles have none or a few, so the fields are one sorted list,
/// sized to what it holds, rather than a tree whose first node alone takes
/// about half a kilobyte.
///
/// ```
/// use claimgraph::Fields;
///
/// let mut fields: Fields = [("kind", "news report"), ("desk", "metro")].into_iter().collect();
/// assert_eq!(fields.insert("kind", "analysis"), Some("news report".to_string()));
/// assert_eq!(fields["kind"], "analysis");
/// assert_eq!(fields.get("section"), None);
/// assert_eq!(fields.keys().collect::<Vec<_>>(), ["desk", "kind"]);
/// assert_eq!(serde_json::to_string(&fields).unwrap(), r#"{"desk":"metro","kind":"analysis"}"#);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Fields(Vec<(String, String)>);

impl Fields {
    /// No fields.
    pub fn new() -> Fields {
        Fields(Vec::new())
    }

    /// The number of fields.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Where `key` is, or where it would go.
    fn position(&self, key: &str) -> std::result::Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value of `key`, if there is one.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.position(key).ok().map(|i| self.0[i].1.as_str())
    }

    /// Whether there is a field `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_ok()
    }

    /// Sets `key` to `value`, and returns the value it replaced, if any.
    ///
    /// Each insertion shifts the fields after the new key, as in a sorted
    /// list; to build many fields at once, collect them instead
    /// ([`FromIterator`] sorts once).
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<String>) -> Option<String> {
        let key = key.into();
        match self.position(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value.into())),
            Err(i) => {
                // One more slot, not four: most articles have one field or two.
                if self.0.len() == self.0.capacity() && self.0.len() < 4 {
                    self.0.reserve_exact(1);
                }
                self.0.insert(i, (key, value.into()));
                None
            }
        }
    }

    /// Removes `key`, and returns its value, if there was one.
    pub fn remove(&mut self, key: &str) -> Option<String> {
        self.position(key).ok().map(|i| self.0.remove(i).1)
    }

    /// The fields as `(key, value)`, in key order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str)> + DoubleEndedIterator {
        self.into_iter()
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> + DoubleEndedIterator {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// The values, in the order of their keys.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &str> + DoubleEndedIterator {
        self.0.iter().map(|(_, v)| v.as_str())
    }
}

impl fmt::Debug for Fields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl std::ops::Index<&str> for Fields {
    type Output = String;

    /// The value of `key`.
    ///
    /// # Panics
    ///
    /// If there is no field `key`, as a map's index does; [`Fields::get`]
    /// does not panic.
    fn index(&self, key: &str) -> &String {
        match self.position(key) {
            Ok(i) => &self.0[i].1,
            Err(_) => panic!("no field {key:?}"),
        }
    }
}

/// Collects fields; where a key comes more than once, the last value is
/// kept, as inserting them one by one would.
impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Fields {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Fields {
        let mut fields = Fields::new();
        fields.extend(pairs);
        fields
    }
}

/// Adds fields; where a key comes more than once, the last value is kept.
impl<K: Into<String>, V: Into<String>> Extend<(K, V)> for Fields {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, pairs: I) {
        let old = self.0.len();
        self.0.extend(pairs.into_iter().map(|(k, v)| (k.into(), v.into())));
        if self.0.len() == old {
            return;
        }
        // Reversed, a stable sort puts the last value of each key first,
        // and `dedup_by` keeps the first of a run.
        self.0.reverse();
        self.0.sort_by(|(a, _), (b, _)| a.cmp(b));
        self.0.dedup_by(|(a, _), (b, _)| a == b);
        self.0.shrink_to_fit();
    }
}

impl IntoIterator for Fields {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;

    /// The fields as owned `(key, value)`, in key order.
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Fields {
    type Item = (&'a str, &'a str);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, String)>,
        fn(&'a (String, String)) -> (&'a str, &'a str),
    >;

    /// The fields as `(key, value)`, in key order.
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

impl Serialize for Fields {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Fields {
    /// From a map of strings; where a key comes twice, the last value is
    /// kept, as a `BTreeMap` would.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Fields, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of strings to strings")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Fields, A::Error> {
                let mut pairs: Vec<(String, String)> =
                    Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(pairs.into_iter().collect())
            }
        }
        deserializer.deserialize_map(Visit)
    }
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
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;

    /// One change to a set of fields.
    #[derive(Clone, Debug)]
    enum Op {
        Insert(String, String),
        Remove(String),
        Extend(Vec<(String, String)>),
    }

    fn op() -> impl Strategy<Value = Op> {
        // Few keys, so that they meet; upper and lower case, as front
        // matter keys are kept as written.
        let key = "[a-cA-C]{0,2}";
        prop_oneof![
            (key, "[a-z]{0,3}").prop_map(|(k, v)| Op::Insert(k, v)),
            key.prop_map(Op::Remove),
            proptest::collection::vec((key, "[a-z]{0,3}"), 0..6).prop_map(Op::Extend),
        ]
    }

    proptest! {
        /// Fields answer as a `BTreeMap<String, String>` does, and serialise
        /// to the same JSON, after any inserts, removals and extensions.
        #[test]
        fn fields_behave_as_a_sorted_map(ops in proptest::collection::vec(op(), 0..12)) {
            let mut fields = Fields::new();
            let mut map: BTreeMap<String, String> = BTreeMap::new();
            for op in ops {
                match op {
                    Op::Insert(k, v) => prop_assert_eq!(fields.insert(k.clone(), v.clone()), map.insert(k, v)),
                    Op::Remove(k) => prop_assert_eq!(fields.remove(&k), map.remove(&k)),
                    Op::Extend(pairs) => {
                        fields.extend(pairs.clone());
                        map.extend(pairs);
                    }
                }
                let want: Vec<(&str, &str)> = map.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                prop_assert_eq!(fields.iter().collect::<Vec<_>>(), want);
                prop_assert_eq!(fields.len(), map.len());
                for k in ["", "a", "B", "ab", "zz"] {
                    prop_assert_eq!(fields.get(k), map.get(k).map(String::as_str));
                    prop_assert_eq!(fields.contains_key(k), map.contains_key(k));
                }
                let json = serde_json::to_string(&fields).unwrap();
                prop_assert_eq!(&json, &serde_json::to_string(&map).unwrap());
                prop_assert_eq!(serde_json::from_str::<Fields>(&json).unwrap(), fields.clone());
                prop_assert_eq!(format!("{fields:?}"), format!("{map:?}"));
            }
        }
    }

    #[test]
    fn fields_keep_the_last_value_of_a_key_and_only_their_size() {
        let fields: Fields = [("b", "1"), ("a", "2"), ("b", "3")].into_iter().collect();
        assert_eq!(fields.iter().collect::<Vec<_>>(), [("a", "2"), ("b", "3")]);
        assert_eq!(fields.0.capacity(), 2);
        // As JSON input may give them: the last of a repeated key wins.
        let read: Fields = serde_json::from_str(r#"{"k": "first", "j": "x", "k": "last"}"#).unwrap();
        assert_eq!(read.iter().collect::<Vec<_>>(), [("j", "x"), ("k", "last")]);
        assert!(serde_json::from_str::<Fields>(r#"{"k": 1}"#).is_err());
        assert!(serde_json::from_str::<Fields>(r#"["k"]"#).is_err());
        // One field inserted takes one slot.
        let mut one = Fields::new();
        one.insert("kind", "report");
        assert_eq!(one.0.capacity(), 1);
        assert_eq!(one["kind"], "report");
        assert_eq!(one.into_iter().collect::<Vec<_>>(), [("kind".to_string(), "report".to_string())]);
    }

    #[test]
    #[should_panic(expected = "no field \"missing\"")]
    fn indexing_a_missing_field_panics_as_a_map_does() {
        let _ = &Fields::new()["missing"];
    }

    #[test]
    fn many_fields_are_collected_in_one_sort() {
        // Reversed keys: inserted one by one into a sorted list, each would
        // shift all the others. Collected, they are sorted once.
        let n = 200_000;
        let fields: Fields = (0..n).rev().map(|i| (format!("k{i:06}"), i.to_string())).collect();
        assert_eq!(fields.len(), n);
        assert_eq!(fields.keys().next(), Some("k000000"));
        assert_eq!(fields.get("k123456"), Some("123456"));
    }

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
