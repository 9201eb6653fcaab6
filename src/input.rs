//! Loading documents from files, folders and JSON.
//!
//! Three input formats are understood:
//!
//! * **Article files** (`.txt`, `.md`, or any file named explicitly that does
//!   not end in `.json`): the body text, optionally preceded by a front matter
//!   block of `key: value` lines between two `---` lines:
//!
//!   ```text
//!   ---
//!   outlet: Harbor Gazette
//!   title: Minister Urges Port Authority to 'Reopen Pier 9'
//!   published: 2024-09-12
//!   kind: news report
//!   ---
//!
//!   The minister on Wednesday called on the port authority to reopen Pier 9 ...
//!   ```
//!
//!   The known keys are `outlet`, `title`, `published`, `author` and `url`
//!   (case-insensitive); any other key goes to [`Metadata::extra`]. The
//!   document id is the file stem, which is also the outlet when the front
//!   matter does not name one. The body is kept byte for byte (line ends
//!   included), because every span claimgraph reports indexes into it.
//!
//! * **JSON files** (`.json`): a top-level array of objects with the fields
//!   `outlet` and `text` (required) and `id`, `title`, `published`, `author`
//!   and `url` (optional). Other scalar fields go to [`Metadata::extra`].
//!
//! * **Folders**: every `.txt`, `.md` (except `README.md`) and `.json` file in
//!   the folder and its subfolders, in byte order of file names. Hidden files
//!   and folders (whose name starts with `.`) are ignored; every other entry
//!   that is not loaded is listed in [`Loaded::skipped`].
//!
//! [`load_paths`] is the entry point for all of them.

use std::cell::OnceCell;
use std::collections::hash_map::Entry;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use foldhash::{HashMap, HashMapExt as _};
use jiff::civil::Date;
use jiff::fmt::temporal::Pieces;
use serde_json::{Map, Value};

use crate::document::{Document, Metadata};
use crate::error::{Error, Result};

/// What a `published` value must look like, for error messages.
const DATE_EXPECTED: &str = "expected YYYY-MM-DD or a date-time such as 2023-01-18T10:00:00Z";

/// The longest excerpt of an offending line quoted in an error message.
const MAX_QUOTE_CHARS: usize = 60;

/// Options for loading inputs.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// Collect per-input errors in [`Loaded::rejected`] and go on loading,
    /// instead of stopping at the first error.
    pub keep_going: bool,
    /// Reject any document larger than this many bytes: the whole file for an
    /// article file, the `text` field for a JSON input object.
    pub max_doc_bytes: Option<usize>,
    /// Hold the texts of article files only if they all fit in this many
    /// bytes: otherwise every article file's document is loaded with an
    /// empty text, and [`Loaded::texts`] reads it again from its file when
    /// [`Analyzer::story_groups_from`](crate::Analyzer::story_groups_from)
    /// needs it. `None` holds every text. The texts of JSON inputs are
    /// always held.
    pub hold_text_bytes: Option<usize>,
}

/// Loaded documents plus what was rejected or skipped.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The documents, in input order (folder entries sorted by name).
    pub documents: Vec<Document>,
    /// Inputs that could not be used (only with [`LoadOptions::keep_going`]).
    pub rejected: Vec<Rejected>,
    /// Folder entries that are not documents (other extensions, `README.md`,
    /// special files, symlinks back into a folder being read).
    pub skipped: Vec<PathBuf>,
    /// The files of the documents loaded without their texts
    /// ([`LoadOptions::hold_text_bytes`]), to read the texts from; empty
    /// when every text is held.
    pub texts: ArticleFiles,
}

/// The article files of documents loaded without their texts
/// ([`LoadOptions::hold_text_bytes`]), by document id: a
/// [`TextSource`](crate::analysis::TextSource) that reads a document's file
/// again and parses it as [`parse_document`] does, with the same options.
///
/// ```
/// use claimgraph::analysis::TextSource;
/// use claimgraph::input::{LoadOptions, load_paths};
///
/// let dir = std::env::temp_dir().join(format!("claimgraph-doc-files-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("a1.txt"), "---\noutlet: Daily Example\n---\n\nThe bridge was closed.\n")?;
/// std::fs::write(dir.join("b2.txt"), "The bridge was open.\n")?;
///
/// let options = LoadOptions { hold_text_bytes: Some(16), ..LoadOptions::default() };
/// let loaded = load_paths(&[&dir], &options)?;
/// let read = loaded.texts.text(&loaded.documents[0]);
/// std::fs::remove_dir_all(&dir)?;
///
/// // 44 bytes of text, over 16: none is held.
/// assert!(loaded.documents.iter().all(|d| d.text.is_empty()));
/// assert_eq!(loaded.texts.len(), 2);
/// assert_eq!(read?, "The bridge was closed.\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct ArticleFiles {
    paths: HashMap<String, PathBuf>,
    options: LoadOptions,
}

impl ArticleFiles {
    /// How many documents' texts are read from their files.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// Whether every text is held.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
}

impl crate::analysis::TextSource for ArticleFiles {
    /// The body of `document`'s file, read and parsed again.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDocument`] for a document not loaded without its
    /// text, and the errors of reading and parsing the file: [`Error::Io`],
    /// [`Error::TooLarge`], [`Error::InvalidUtf8`], [`Error::FrontMatter`],
    /// [`Error::EmptyDocument`].
    fn text(&self, document: &Document) -> Result<String> {
        let Some(path) = self.paths.get(&document.id) else {
            return Err(Error::InvalidDocument {
                id: document.id.clone(),
                message: "its text is empty and it was not loaded from an article file".to_string(),
            });
        };
        let origin = origin_of(path);
        let bytes = read(path)?;
        check_size(&origin, bytes.len(), &self.options)?;
        let text = decode_utf8(&origin, &bytes)?;
        let (_, body) = split_front_matter(&origin, text)?;
        Ok(body.to_string())
    }
}

/// An input that could not be used, and why.
#[derive(Debug)]
pub struct Rejected {
    /// The path as given or joined, with `[i]` for the `i`-th object of a
    /// JSON array.
    pub origin: String,
    /// Why the input was rejected.
    pub error: Error,
}

/// Loads documents from files and folders.
///
/// `paths` are read in the order given; a folder is read recursively, its
/// entries sorted by file name. A file named explicitly is read as JSON if
/// its name ends in `.json` and as an article file otherwise.
///
/// Without [`LoadOptions::keep_going`], the first error is returned. With
/// it, each input that fails (a missing path, a malformed file, a duplicate
/// id, ...) is recorded in [`Loaded::rejected`] and loading goes on; if
/// every input is rejected, the result is `Ok` with no documents. When two
/// documents have the same id, the later one is rejected with
/// [`Error::DuplicateId`].
///
/// # Errors
///
/// [`Error::NoDocuments`] if `paths` is empty; otherwise, without
/// `keep_going`, the first error met in any input.
///
/// # Example
///
/// ```
/// use claimgraph::input::{LoadOptions, load_paths};
///
/// let dir = std::env::temp_dir().join(format!("claimgraph-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(
///     dir.join("a1.txt"),
///     "---\noutlet: Daily Example\npublished: 2024-03-06\n---\n\nThe bridge was closed.\n",
/// )?;
/// std::fs::write(dir.join("b2.txt"), "The bridge was open.\n")?;
/// std::fs::write(dir.join("photo.png"), b"\x89PNG")?;
///
/// let loaded = load_paths(&[&dir], &LoadOptions::default())?;
/// std::fs::remove_dir_all(&dir)?;
///
/// let ids: Vec<&str> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
/// assert_eq!(ids, ["a1", "b2"]);
/// assert_eq!(loaded.documents[0].meta.outlet, "Daily Example");
/// assert_eq!(loaded.documents[0].text, "The bridge was closed.\n");
/// assert_eq!(loaded.documents[1].meta.outlet, "b2");
/// assert_eq!(loaded.skipped, [dir.join("photo.png")]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load_paths<P: AsRef<Path>>(paths: &[P], options: &LoadOptions) -> Result<Loaded> {
    if paths.is_empty() {
        return Err(Error::NoDocuments);
    }
    let mut loader = Loader::new(options);
    for path in paths {
        loader.load_root(path.as_ref())?;
    }
    let Loader { mut loaded, articles, held_bytes, .. } = loader;
    if held_bytes.is_none() {
        let paths = articles.into_iter().map(|(i, path)| (loaded.documents[i].id.clone(), path)).collect();
        loaded.texts = ArticleFiles { paths, options: options.clone() };
    }
    Ok(loaded)
}

/// Parses one article file: optional front matter, then the body.
///
/// `id` becomes the document id and, when the front matter names no outlet,
/// the outlet. `origin` names the input in error messages.
///
/// # Errors
///
/// [`Error::TooLarge`], [`Error::InvalidUtf8`], [`Error::FrontMatter`],
/// [`Error::EmptyDocument`] or, if the result does not pass
/// [`Document::validate`], its error.
///
/// # Example
///
/// ```
/// use claimgraph::input::{LoadOptions, parse_document};
///
/// let bytes = b"---\r\noutlet: Northline Wire\r\nkind: news report\r\n---\r\n\r\nPORTVALE, May 1.\r\n";
/// let doc = parse_document("wire-1", "wire-1.txt", bytes, &LoadOptions::default())?;
/// assert_eq!(doc.meta.outlet, "Northline Wire");
/// assert_eq!(doc.meta.extra["kind"], "news report");
/// assert_eq!(doc.text, "PORTVALE, May 1.\r\n");
/// # Ok::<(), claimgraph::Error>(())
/// ```
pub fn parse_document(id: &str, origin: &str, bytes: &[u8], options: &LoadOptions) -> Result<Document> {
    check_size(origin, bytes.len(), options)?;
    let text = decode_utf8(origin, bytes)?;
    let (front_matter, body) = split_front_matter(origin, text)?;
    let meta = parse_front_matter(origin, id, &front_matter)?;
    if body.trim().is_empty() {
        return Err(Error::EmptyDocument { origin: origin.to_string() });
    }
    let document = Document { id: id.to_string(), meta, text: body.to_string() };
    document.validate()?;
    Ok(document)
}

/// Parses a JSON array of documents.
///
/// `stem` is used for default ids: the object at index `i` without an `id`
/// gets the id `{stem}-{i}`. `origin` names the input in error messages,
/// followed by `[i]` for errors about one object.
///
/// # Errors
///
/// [`Error::InvalidUtf8`], [`Error::Json`] for syntax errors and objects of
/// the wrong shape, [`Error::TooLarge`] and [`Error::EmptyDocument`] for the
/// `text` field, [`Error::DuplicateId`] if two objects share an id, or the
/// error of [`Document::validate`].
///
/// # Example
///
/// ```
/// use claimgraph::input::{LoadOptions, parse_json};
///
/// let json = br#"[
///   {"outlet": "Harbor Gazette", "published": "2023-06-23", "text": "The mayor on Wednesday called on the port."},
///   {"id": "wire", "outlet": "Northline Wire", "text": "PORTVALE, May 1.", "rank": 2}
/// ]"#;
/// let docs = parse_json("story.json", "story", json, &LoadOptions::default())?;
/// assert_eq!(docs[0].id, "story-0");
/// assert_eq!(docs[0].meta.published, Some(jiff::civil::date(2023, 6, 23)));
/// assert_eq!(docs[1].id, "wire");
/// assert_eq!(docs[1].meta.extra["rank"], "2");
/// # Ok::<(), claimgraph::Error>(())
/// ```
pub fn parse_json(origin: &str, stem: &str, bytes: &[u8], options: &LoadOptions) -> Result<Vec<Document>> {
    let mut ids = IdRegistry::default();
    let mut documents = Vec::new();
    for (element_origin, result) in parse_json_elements(origin, stem, bytes, options)? {
        let document = result?;
        ids.register(&document.id, &element_origin)?;
        documents.push(document);
    }
    Ok(documents)
}

// ---------------------------------------------------------------------------
// Walking paths

/// The state of one [`load_paths`] call.
struct Loader<'o> {
    options: &'o LoadOptions,
    loaded: Loaded,
    ids: IdRegistry,
    /// Canonical paths of the folders being read, to break symlink loops.
    ancestors: Vec<PathBuf>,
    /// The article files loaded, with their documents' places in
    /// [`Loaded::documents`], if their texts may not be held.
    articles: Vec<(usize, PathBuf)>,
    /// The bytes of article texts held, while they fit in
    /// [`LoadOptions::hold_text_bytes`]; `None` once they do not.
    held_bytes: Option<usize>,
}

/// How a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Article,
    Json,
}

impl<'o> Loader<'o> {
    fn new(options: &'o LoadOptions) -> Loader<'o> {
        Loader {
            options,
            loaded: Loaded::default(),
            ids: IdRegistry::default(),
            ancestors: Vec::new(),
            articles: Vec::new(),
            held_bytes: Some(0),
        }
    }

    /// Loads a path given by the caller.
    fn load_root(&mut self, path: &Path) -> Result<()> {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => self.load_dir(path),
            Ok(meta) => self.load_file(path, &meta, Format::of_explicit(path)),
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                self.reject(origin_of(path), Error::NotFound { path: path.to_path_buf() })
            }
            Err(source) => self.reject(origin_of(path), io_error(path, source)),
        }
    }

    /// Loads every document in a folder and its subfolders.
    fn load_dir(&mut self, dir: &Path) -> Result<()> {
        let canonical = match fs::canonicalize(dir) {
            Ok(canonical) => canonical,
            Err(source) => return self.reject(origin_of(dir), io_error(dir, source)),
        };
        if self.ancestors.contains(&canonical) {
            self.loaded.skipped.push(dir.to_path_buf());
            return Ok(());
        }
        let entries = match sorted_entries(dir) {
            Ok(entries) => entries,
            Err(source) => return self.reject(origin_of(dir), io_error(dir, source)),
        };
        self.ancestors.push(canonical);
        let result = entries.iter().try_for_each(|entry| self.load_entry(entry));
        self.ancestors.pop();
        result
    }

    /// Loads one entry found in a folder, following symlinks.
    fn load_entry(&mut self, path: &Path) -> Result<()> {
        if is_hidden(path) {
            return Ok(());
        }
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(source) => {
                return self.reject(origin_of(path), io_error(path, source));
            }
        };
        if meta.is_dir() {
            return self.load_dir(path);
        }
        match Format::of_entry(path) {
            Some(format) if meta.is_file() => self.load_file(path, &meta, format),
            _ => {
                self.loaded.skipped.push(path.to_path_buf());
                Ok(())
            }
        }
    }

    /// Loads the documents of one file.
    fn load_file(&mut self, path: &Path, meta: &fs::Metadata, format: Format) -> Result<()> {
        let origin = origin_of(path);
        let stem = stem_of(path);
        match format {
            Format::Article => {
                let result = self
                    .check_file_size(&origin, meta)
                    .and_then(|()| read(path))
                    .and_then(|bytes| parse_document(&stem, &origin, &bytes, self.options));
                let at = self.loaded.documents.len();
                let len = result.as_ref().map_or(0, |d| d.text.len());
                self.settle(origin, result)?;
                if self.loaded.documents.len() > at {
                    self.hold_or_not(at, path, len);
                }
                Ok(())
            }
            Format::Json => {
                let elements =
                    read(path).and_then(|bytes| parse_json_elements(&origin, &stem, &bytes, self.options));
                match elements {
                    Ok(elements) => {
                        elements.into_iter().try_for_each(|(origin, result)| self.settle(origin, result))
                    }
                    Err(err) => self.reject(origin, err),
                }
            }
        }
    }

    /// Holds the text of `documents[at]`, read from the article file `path`,
    /// while all fit in [`LoadOptions::hold_text_bytes`]; once they do not,
    /// lets go of every article text held and holds none after.
    fn hold_or_not(&mut self, at: usize, path: &Path, len: usize) {
        let Some(limit) = self.options.hold_text_bytes else {
            return;
        };
        self.articles.push((at, path.to_path_buf()));
        let Some(held) = self.held_bytes else {
            self.loaded.documents[at].text = String::new();
            return;
        };
        let held = held.saturating_add(len);
        if held <= limit {
            self.held_bytes = Some(held);
            return;
        }
        self.held_bytes = None;
        for &(i, _) in &self.articles {
            self.loaded.documents[i].text = String::new();
        }
    }

    /// Rejects a file that is over the size limit before reading it.
    fn check_file_size(&self, origin: &str, meta: &fs::Metadata) -> Result<()> {
        check_size(origin, usize::try_from(meta.len()).unwrap_or(usize::MAX), self.options)
    }

    /// Keeps a parsed document (unless its id is taken) or rejects the input.
    fn settle(&mut self, origin: String, result: Result<Document>) -> Result<()> {
        let document = match result {
            Ok(document) => document,
            Err(err) => return self.reject(origin, err),
        };
        match self.ids.register(&document.id, &origin) {
            Ok(()) => {
                self.loaded.documents.push(document);
                Ok(())
            }
            Err(err) => self.reject(origin, err),
        }
    }

    /// Records the error with `keep_going`, or returns it.
    fn reject(&mut self, origin: String, error: Error) -> Result<()> {
        if !self.options.keep_going {
            return Err(error);
        }
        self.loaded.rejected.push(Rejected { origin, error });
        Ok(())
    }
}

impl Format {
    /// The format of a file named by the caller: JSON or else an article.
    fn of_explicit(path: &Path) -> Format {
        if has_extension(path, "json") { Format::Json } else { Format::Article }
    }

    /// The format of a file found in a folder, or `None` to skip it.
    fn of_entry(path: &Path) -> Option<Format> {
        let is_readme = path.file_name().is_some_and(|name| name.eq_ignore_ascii_case("README.md"));
        if has_extension(path, "json") {
            Some(Format::Json)
        } else if (has_extension(path, "txt") || has_extension(path, "md")) && !is_readme {
            Some(Format::Article)
        } else {
            None
        }
    }
}

/// The ids seen so far and where each came from.
#[derive(Debug, Default)]
struct IdRegistry {
    origins: HashMap<String, String>,
}

impl IdRegistry {
    /// Records `id`, or fails if an earlier document already has it.
    fn register(&mut self, id: &str, origin: &str) -> Result<()> {
        match self.origins.entry(id.to_string()) {
            Entry::Occupied(first) => Err(Error::DuplicateId {
                id: id.to_string(),
                first: first.get().clone(),
                second: origin.to_string(),
            }),
            Entry::Vacant(slot) => {
                slot.insert(origin.to_string());
                Ok(())
            }
        }
    }
}

/// The entries of a folder, sorted by file name in byte order.
fn sorted_entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries =
        fs::read_dir(dir)?.map(|entry| entry.map(|entry| entry.path())).collect::<io::Result<Vec<_>>>()?;
    entries.sort_by(|a, b| name_bytes(a).cmp(name_bytes(b)));
    Ok(entries)
}

/// The file name as bytes, for sorting.
fn name_bytes(path: &Path) -> &[u8] {
    path.file_name().map_or(&[], |name| name.as_encoded_bytes())
}

/// Reads a whole file.
fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).map_err(|source| io_error(path, source))
}

/// An [`Error::Io`] about `path`.
fn io_error(path: &Path, source: io::Error) -> Error {
    Error::Io { path: path.to_path_buf(), source }
}

/// Whether the file name starts with `.`.
fn is_hidden(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name.as_encoded_bytes().starts_with(b"."))
}

/// Whether the path ends in `.{ext}`, ignoring ASCII case.
fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// The path as shown in errors and [`Rejected::origin`].
fn origin_of(path: &Path) -> String {
    path.display().to_string()
}

/// The file name without its last extension: a document's id.
fn stem_of(path: &Path) -> String {
    path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default()
}

// ---------------------------------------------------------------------------
// Checks shared by both formats

/// Fails if `size` is over the configured limit.
fn check_size(origin: &str, size: usize, options: &LoadOptions) -> Result<()> {
    match options.max_doc_bytes {
        Some(limit) if size > limit => Err(Error::TooLarge { origin: origin.to_string(), size, limit }),
        _ => Ok(()),
    }
}

/// Decodes UTF-8, reporting the offset and line of the first invalid byte.
fn decode_utf8<'b>(origin: &str, bytes: &'b [u8]) -> Result<&'b str> {
    std::str::from_utf8(bytes).map_err(|err| {
        let offset = err.valid_up_to();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::InvalidUtf8 { origin: origin.to_string(), offset, line }
    })
}

/// Parses a `published` value: a date, or a date-time whose civil date is
/// taken as written (an offset or time zone does not shift it).
fn parse_date(value: &str) -> Option<Date> {
    Pieces::parse(value).ok().map(|pieces| pieces.date())
}

/// The message for a `published` value that is not a date.
fn bad_date(value: &str) -> String {
    format!("{DATE_EXPECTED}, got {value:?}")
}

/// At most [`MAX_QUOTE_CHARS`] characters of `text`, with `...` if cut.
fn excerpt(text: &str) -> String {
    match text.char_indices().nth(MAX_QUOTE_CHARS) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_string(),
    }
}

// ---------------------------------------------------------------------------
// Front matter

/// One front matter line: its 1-based number in the file and its text
/// without the line end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Line<'t> {
    number: usize,
    text: &'t str,
}

/// Splits a file into its front matter lines (empty if there is no front
/// matter) and its body.
fn split_front_matter<'t>(origin: &str, text: &'t str) -> Result<(Vec<Line<'t>>, &'t str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (first, mut rest) = split_line(text);
    if first != "---" {
        return Ok((Vec::new(), text));
    }
    let mut lines = Vec::new();
    let mut number = 1;
    while !rest.is_empty() {
        let (line, after) = split_line(rest);
        number += 1;
        if line == "---" {
            let body = after.strip_prefix("\r\n").or_else(|| after.strip_prefix('\n')).unwrap_or(after);
            return Ok((lines, body));
        }
        lines.push(Line { number, text: line });
        rest = after;
    }
    Err(front_matter_error(origin, 1, "no closing `---` line for the front matter opened here"))
}

/// Splits off the first line: its text without `\n` or `\r\n`, and the rest
/// after the line end.
fn split_line(text: &str) -> (&str, &str) {
    let (line, rest) = text.split_once('\n').unwrap_or((text, ""));
    (line.strip_suffix('\r').unwrap_or(line), rest)
}

/// Builds the metadata from front matter lines. `stem` is the outlet when
/// the lines name none.
fn parse_front_matter(origin: &str, stem: &str, lines: &[Line<'_>]) -> Result<Metadata> {
    let mut meta = Metadata::default();
    let mut extra = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for line in lines {
        let trimmed = line.text.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let error = |message: String| front_matter_error(origin, line.number, message);
        let Some((key, value)) = trimmed.split_once(':') else {
            return Err(error(format!("expected `key: value`, got {:?}", excerpt(trimmed))));
        };
        let key = key.trim();
        if key.is_empty() {
            return Err(error(format!("empty key before `:` in {:?}", excerpt(trimmed))));
        }
        let folded = key.to_lowercase();
        if let Some(first) = seen.insert(folded.clone(), line.number) {
            return Err(error(format!("duplicate key `{key}` (first on line {first})")));
        }
        let value = unquote(value.trim());
        set_field(&mut meta, &mut extra, &folded, key, value).map_err(error)?;
    }
    // Sorted once, not field by field.
    meta.extra = extra.into_iter().collect();
    if meta.outlet.is_empty() {
        meta.outlet = stem.to_string();
    }
    Ok(meta)
}

/// Sets one front matter field. `folded` is the lowercased key, `key` the
/// key as written.
fn set_field(
    meta: &mut Metadata,
    extra: &mut Vec<(String, String)>,
    folded: &str,
    key: &str,
    value: &str,
) -> Result<(), String> {
    let optional = |value: &str| (!value.is_empty()).then(|| value.to_string());
    match folded {
        "outlet" if value.trim().is_empty() => return Err(format!("`{key}` is empty")),
        "outlet" => meta.outlet = value.to_string(),
        "title" => meta.title = optional(value),
        "author" => meta.author = optional(value),
        "url" => meta.url = optional(value),
        "published" => {
            let date = parse_date(value).ok_or_else(|| format!("`{key}`: {}", bad_date(value)))?;
            meta.published = Some(date);
        }
        _ => extra.push((key.to_string(), value.to_string())),
    }
    Ok(())
}

/// Removes one pair of matching double or single quotes around `value`.
fn unquote(value: &str) -> &str {
    ['"', '\''].into_iter().find_map(|quote| value.strip_prefix(quote)?.strip_suffix(quote)).unwrap_or(value)
}

fn front_matter_error(origin: &str, line: usize, message: impl Into<String>) -> Error {
    Error::FrontMatter { origin: origin.to_string(), line, message: message.into() }
}

// ---------------------------------------------------------------------------
// JSON

/// Parses a JSON array into one result per element, each with its origin
/// (`origin[i]`). Fails as a whole only if the input is not valid JSON or
/// not an array.
fn parse_json_elements(
    origin: &str,
    stem: &str,
    bytes: &[u8],
    options: &LoadOptions,
) -> Result<Vec<(String, Result<Document>)>> {
    let text = decode_utf8(origin, bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|err| json_syntax_error(origin, &err))?;
    let Value::Array(elements) = value else {
        let start = text.len() - text.trim_start().len();
        let (line, column) = line_column(text, start);
        let message = format!("expected a top-level array of objects, got {}", kind_of(&value));
        return Err(Error::Json { origin: origin.to_string(), line, column, message });
    };
    let places = Places::new(text);
    let results = elements
        .into_iter()
        .enumerate()
        .map(|(index, element)| {
            let element_origin = format!("{origin}[{index}]");
            let default_id = format!("{stem}-{index}");
            let context = Element { origin: &element_origin, index, places: &places };
            let result = context.document(default_id, element, options);
            (element_origin, result)
        })
        .collect();
    Ok(results)
}

/// An `Error::Json` for a syntax error, without serde_json's position suffix.
fn json_syntax_error(origin: &str, err: &serde_json::Error) -> Error {
    let (line, column) = (err.line(), err.column());
    let message = err.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = message.strip_suffix(&suffix).unwrap_or(&message).to_string();
    Error::Json { origin: origin.to_string(), line, column, message }
}

/// One element of a JSON input array, for error messages.
struct Element<'a, 't> {
    origin: &'a str,
    /// Its index in the array.
    index: usize,
    places: &'a Places<'t>,
}

/// Where the elements of a JSON input array start, as lines and columns,
/// found only when one of them is reported: the scan for the elements reads
/// every byte of the input (some 14 instructions a byte, more than parsing
/// it took), and an input with no bad element never needs it.
struct Places<'t> {
    text: &'t str,
    /// [`array_element_offsets`] of the text.
    offsets: OnceCell<Vec<usize>>,
    /// Located only for an error: counting the characters before every
    /// element of an array written on one line grew with the square of its
    /// length.
    lines: OnceCell<LineIndex<'t>>,
}

impl<'t> Places<'t> {
    fn new(text: &'t str) -> Places<'t> {
        Places { text, offsets: OnceCell::new(), lines: OnceCell::new() }
    }

    /// The line and column at which element `index` starts (`(0, 0)` if it
    /// was not found).
    fn element(&self, index: usize) -> (usize, usize) {
        let offsets = self.offsets.get_or_init(|| array_element_offsets(self.text.as_bytes()));
        offsets
            .get(index)
            .map_or((0, 0), |&offset| self.lines.get_or_init(|| LineIndex::new(self.text)).locate(offset))
    }
}

impl Element<'_, '_> {
    /// Builds a document from one array element.
    fn document(&self, default_id: String, element: Value, options: &LoadOptions) -> Result<Document> {
        let Value::Object(mut fields) = element else {
            return Err(self.error(format!("expected an object, got {}", kind_of(&element))));
        };
        let id = self.optional_string(&mut fields, "id")?.unwrap_or(default_id);
        let outlet = self.required_string(&mut fields, "outlet")?;
        if outlet.trim().is_empty() {
            return Err(self.error("field `outlet` is empty".to_string()));
        }
        let text = self.required_string(&mut fields, "text")?;
        let mut meta = Metadata { outlet, ..Metadata::default() };
        meta.title = self.optional_string(&mut fields, "title")?.filter(|s| !s.is_empty());
        meta.author = self.optional_string(&mut fields, "author")?.filter(|s| !s.is_empty());
        meta.url = self.optional_string(&mut fields, "url")?.filter(|s| !s.is_empty());
        meta.published = match self.optional_string(&mut fields, "published")? {
            Some(value) => Some(
                parse_date(&value)
                    .ok_or_else(|| self.error(format!("field `published`: {}", bad_date(&value))))?,
            ),
            None => None,
        };
        let mut extra = Vec::new();
        for (key, value) in fields {
            if let Some(value) = self.extra_value(&key, value)? {
                extra.push((key, value));
            }
        }
        // Sorted once, not field by field.
        meta.extra = extra.into_iter().collect();
        check_size(self.origin, text.len(), options)?;
        if text.trim().is_empty() {
            return Err(Error::EmptyDocument { origin: self.origin.to_string() });
        }
        let document = Document { id, meta, text };
        document.validate()?;
        Ok(document)
    }

    /// Takes a string field that must be present.
    fn required_string(&self, fields: &mut Map<String, Value>, name: &str) -> Result<String> {
        match fields.remove(name) {
            Some(Value::String(value)) => Ok(value),
            Some(other) => {
                Err(self.error(format!("field `{name}`: expected a string, got {}", kind_of(&other))))
            }
            None => Err(self.error(format!("field `{name}` is missing"))),
        }
    }

    /// Takes a string field that may be missing or `null`.
    fn optional_string(&self, fields: &mut Map<String, Value>, name: &str) -> Result<Option<String>> {
        match fields.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(value)) => Ok(Some(value)),
            Some(other) => {
                Err(self.error(format!("field `{name}`: expected a string, got {}", kind_of(&other))))
            }
        }
    }

    /// The text of another field for [`Metadata::extra`]; `None` for `null`.
    fn extra_value(&self, name: &str, value: Value) -> Result<Option<String>> {
        match value {
            Value::Null => Ok(None),
            Value::String(value) => Ok(Some(value)),
            Value::Number(_) | Value::Bool(_) => Ok(Some(value.to_string())),
            Value::Array(_) | Value::Object(_) => Err(self.error(format!(
                "field `{name}`: expected a string, number or boolean, got {}",
                kind_of(&value)
            ))),
        }
    }

    fn error(&self, message: String) -> Error {
        let (line, column) = self.places.element(self.index);
        Error::Json { origin: self.origin.to_string(), line, column, message }
    }
}

/// A JSON value's kind, with an article, for error messages.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Byte offsets at which the elements of a top-level JSON array start.
///
/// `json` must be valid JSON (it has been parsed already); the scan only
/// tracks strings and nesting. Empty if the top-level value is not an array.
fn array_element_offsets(json: &[u8]) -> Vec<usize> {
    let mut offsets = Vec::new();
    if json.trim_ascii_start().first() != Some(&b'[') {
        return offsets;
    }
    let (mut depth, mut in_string, mut escaped, mut expecting) = (0usize, false, false, false);
    for (offset, &byte) in json.iter().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        if byte.is_ascii_whitespace() {
            continue;
        }
        if expecting && byte != b']' {
            offsets.push(offset);
        }
        expecting = false;
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                expecting = depth == 1;
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' => expecting = depth == 1,
            _ => {}
        }
    }
    offsets
}

/// Maps byte offsets to 1-based lines and columns (in characters).
struct LineIndex<'t> {
    text: &'t str,
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    fn new(text: &'t str) -> LineIndex<'t> {
        let newlines = text.match_indices('\n').map(|(i, _)| i + 1);
        LineIndex { text, starts: std::iter::once(0).chain(newlines).collect() }
    }

    fn locate(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        let column = self.text.get(start..offset).map_or(0, |prefix| prefix.chars().count());
        (line, column + 1)
    }
}

/// The 1-based line and column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).locate(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> LoadOptions {
        LoadOptions::default()
    }

    fn parse(text: &str) -> Result<Document> {
        parse_document("doc", "doc.txt", text.as_bytes(), &options())
    }

    /// Front matter (with `---` lines added) that parses, and a check of the
    /// resulting metadata.
    #[test]
    fn front_matter_ok() {
        let date = jiff::civil::date(2023, 1, 18);
        let cases: &[(&str, Metadata)] = &[
            ("outlet: Harbor Gazette", Metadata { outlet: "Harbor Gazette".into(), ..Metadata::default() }),
            (
                "OUTLET :  Harbor Gazette  ",
                Metadata { outlet: "Harbor Gazette".into(), ..Metadata::default() },
            ),
            (
                "outlet: \"Harbor Gazette\"",
                Metadata { outlet: "Harbor Gazette".into(), ..Metadata::default() },
            ),
            ("outlet: 'Harbor Gazette'", Metadata { outlet: "Harbor Gazette".into(), ..Metadata::default() }),
            (
                "outlet: \"Harbor Gazette'",
                Metadata { outlet: "\"Harbor Gazette'".into(), ..Metadata::default() },
            ),
            ("outlet: \"", Metadata { outlet: "\"".into(), ..Metadata::default() }),
            (
                "title: It's \"fine\"",
                Metadata { outlet: "doc".into(), title: Some("It's \"fine\"".into()), ..Metadata::default() },
            ),
            (
                "title: ' spaced '",
                Metadata { outlet: "doc".into(), title: Some(" spaced ".into()), ..Metadata::default() },
            ),
            ("title:", Metadata { outlet: "doc".into(), ..Metadata::default() }),
            (
                "url: https://example.com/a?b=c:d",
                Metadata {
                    outlet: "doc".into(),
                    url: Some("https://example.com/a?b=c:d".into()),
                    ..Metadata::default()
                },
            ),
            (
                "Author: Dana Ilves",
                Metadata { outlet: "doc".into(), author: Some("Dana Ilves".into()), ..Metadata::default() },
            ),
            (
                "published: 2023-01-18",
                Metadata { outlet: "doc".into(), published: Some(date), ..Metadata::default() },
            ),
            (
                "published: 2023-01-18T10:00:00Z",
                Metadata { outlet: "doc".into(), published: Some(date), ..Metadata::default() },
            ),
            (
                "published: 2023-01-18 10:00",
                Metadata { outlet: "doc".into(), published: Some(date), ..Metadata::default() },
            ),
            (
                "published: '2023-01-18T23:30:00-05:00'",
                Metadata { outlet: "doc".into(), published: Some(date), ..Metadata::default() },
            ),
            (
                "Kind: news report\nperspective: 'Velmorai outlet'",
                Metadata {
                    outlet: "doc".into(),
                    extra: [("Kind", "news report"), ("perspective", "Velmorai outlet")]
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect(),
                    ..Metadata::default()
                },
            ),
            (
                "note:",
                Metadata {
                    outlet: "doc".into(),
                    extra: [("note".to_string(), String::new())].into_iter().collect(),
                    ..Metadata::default()
                },
            ),
            (
                "\n# a comment: not a key\n   \n  # indented comment\noutlet: Northline Wire\n",
                Metadata { outlet: "Northline Wire".into(), ..Metadata::default() },
            ),
            ("", Metadata { outlet: "doc".into(), ..Metadata::default() }),
        ];
        for (lines, expected) in cases {
            let text = format!("---\n{lines}\n---\nBody.");
            let doc = parse(&text).unwrap_or_else(|err| panic!("{lines:?}: {err}"));
            assert_eq!(&doc.meta, expected, "{lines:?}");
            assert_eq!(doc.text, "Body.", "{lines:?}");
        }
    }

    /// Files that must fail, with the expected error message.
    #[test]
    fn front_matter_errors() {
        let cases: &[(&str, &str)] = &[
            (
                "---\noutlet: A\nno colon here\n---\nBody.",
                "doc.txt:3: malformed front matter: expected `key: value`, got \"no colon here\"",
            ),
            (
                "---\n: value\n---\nBody.",
                "doc.txt:2: malformed front matter: empty key before `:` in \": value\"",
            ),
            (
                "---\ntitle: A\n\ntitle: B\n---\nBody.",
                "doc.txt:4: malformed front matter: duplicate key `title` (first on line 2)",
            ),
            (
                "---\nKind: a\nkind: b\n---\nBody.",
                "doc.txt:3: malformed front matter: duplicate key `kind` (first on line 2)",
            ),
            (
                "---\npublished: yesterday\n---\nBody.",
                "doc.txt:2: malformed front matter: `published`: expected YYYY-MM-DD or a date-time such as 2023-01-18T10:00:00Z, got \"yesterday\"",
            ),
            (
                "---\npublished: 2023-02-30\n---\nBody.",
                "doc.txt:2: malformed front matter: `published`: expected YYYY-MM-DD or a date-time such as 2023-01-18T10:00:00Z, got \"2023-02-30\"",
            ),
            (
                "---\nPublished:\n---\nBody.",
                "doc.txt:2: malformed front matter: `Published`: expected YYYY-MM-DD or a date-time such as 2023-01-18T10:00:00Z, got \"\"",
            ),
            ("---\noutlet: ''\n---\nBody.", "doc.txt:2: malformed front matter: `outlet` is empty"),
            (
                "---\noutlet: A\ntitle: B\nBody.",
                "doc.txt:1: malformed front matter: no closing `---` line for the front matter opened here",
            ),
            (
                "---",
                "doc.txt:1: malformed front matter: no closing `---` line for the front matter opened here",
            ),
            (
                "\u{feff}---\r\noutlet: A\r\n\r\nbad line\r\n---\r\nBody.",
                "doc.txt:4: malformed front matter: expected `key: value`, got \"bad line\"",
            ),
            (
                "---\nthis line is far too long to be quoted in full in an error message, really\n---\nB",
                "doc.txt:2: malformed front matter: expected `key: value`, got \"this line is far too long to be quoted in full in an error m...\"",
            ),
            ("---\noutlet: A\n---\n", "doc.txt: the document is empty"),
            ("---\noutlet: A\n---\n\n \r\n\t", "doc.txt: the document is empty"),
            ("\u{feff} \n", "doc.txt: the document is empty"),
            ("", "doc.txt: the document is empty"),
        ];
        for (text, expected) in cases {
            let err = parse(text).expect_err(text);
            assert_eq!(err.to_string(), *expected, "{text:?}");
        }
    }

    /// The body is everything after the closing line, minus at most one
    /// newline, byte for byte.
    #[test]
    fn body_is_kept_exactly() {
        let cases: &[(&str, &str)] = &[
            ("Plain text.\n", "Plain text.\n"),
            ("\u{feff}Plain\r\ntext.\r\n", "Plain\r\ntext.\r\n"),
            ("\n\nLeading blank lines.", "\n\nLeading blank lines."),
            ("--- not front matter\nText.", "--- not front matter\nText."),
            ("----\nText.", "----\nText."),
            (" ---\nText.", " ---\nText."),
            ("---\noutlet: A\n---\nBody.\n", "Body.\n"),
            ("---\noutlet: A\n---\n\nBody.\n", "Body.\n"),
            ("---\noutlet: A\n---\n\n\nBody.\n", "\nBody.\n"),
            ("---\r\noutlet: A\r\n---\r\n\r\nBody.\r\n\r\n", "Body.\r\n\r\n"),
            ("\u{feff}---\noutlet: A\n---\n\u{feff}Body.", "\u{feff}Body."),
            ("---\n---\nOnly a body.", "Only a body."),
            ("---\noutlet: A\n---\n---\nBody.", "---\nBody."),
        ];
        for (text, body) in cases {
            let doc = parse(text).unwrap_or_else(|err| panic!("{text:?}: {err}"));
            assert_eq!(doc.text, *body, "{text:?}");
        }
    }

    #[test]
    fn invalid_utf8_is_located() {
        let err =
            parse_document("d", "d.txt", b"---\noutlet: A\n---\nok \xe2\x80 bad", &options()).unwrap_err();
        assert_eq!(err.to_string(), "d.txt:4: not valid UTF-8 (invalid byte at offset 21)");
        let err = parse_document("d", "d.txt", b"\xff", &options()).unwrap_err();
        assert_eq!(err.to_string(), "d.txt:1: not valid UTF-8 (invalid byte at offset 0)");
    }

    #[test]
    fn size_limit_counts_the_whole_file() {
        let text = b"---\noutlet: A\n---\nBody.";
        let at_limit = LoadOptions { max_doc_bytes: Some(text.len()), ..options() };
        assert!(parse_document("d", "d.txt", text, &at_limit).is_ok());
        let below = LoadOptions { max_doc_bytes: Some(text.len() - 1), ..options() };
        let err = parse_document("d", "d.txt", text, &below).unwrap_err();
        assert_eq!(err.to_string(), "d.txt: document is 23 bytes, over the limit of 22 bytes");
    }

    #[test]
    fn invalid_ids_fail_validation() {
        let err = parse_document("a b", "a b.txt", b"Text.", &options()).unwrap_err();
        assert!(matches!(err, Error::InvalidDocument { ref id, .. } if id == "a b"), "{err}");
    }

    #[test]
    fn unquote_cases() {
        for (value, expected) in [
            ("\"a\"", "a"),
            ("'a'", "a"),
            ("\"\"", ""),
            ("\"", "\""),
            ("'a\"", "'a\""),
            ("\"a\" b \"c\"", "a\" b \"c"),
            ("a", "a"),
            ("“a”", "“a”"),
        ] {
            assert_eq!(unquote(value), expected, "{value:?}");
        }
    }

    #[test]
    fn element_offsets() {
        let cases: &[(&str, &[usize])] = &[
            ("[]", &[]),
            (" [ ] ", &[]),
            ("[1]", &[1]),
            ("[1, \"a,]\\\"\", {\"k\": [1, 2]}, [3]]", &[1, 4, 13, 28]),
            ("[\n  {},\n  {}\n]", &[4, 10]),
            ("{\"a\": [1]}", &[]),
        ];
        for (json, expected) in cases {
            assert_eq!(array_element_offsets(json.as_bytes()), *expected, "{json}");
        }
    }

    #[test]
    fn line_columns() {
        let text = "ab\nçd\n\nx";
        let index = LineIndex::new(text);
        for (offset, expected) in
            [(0, (1, 1)), (1, (1, 2)), (3, (2, 1)), (5, (2, 2)), (7, (3, 1)), (8, (4, 1))]
        {
            assert_eq!(index.locate(offset), expected, "{offset}");
        }
    }

    fn json(text: &str) -> Result<Vec<Document>> {
        parse_json("in.json", "in", text.as_bytes(), &options())
    }

    #[test]
    fn json_ok() {
        let docs = json(
            r#"[
  {"outlet": "A", "text": "One.", "title": "T", "author": null, "url": "",
   "published": "2023-01-18T10:00:00Z", "rank": 1.5, "live": false, "note": "n", "gone": null},
  {"id": "b", "outlet": "B", "text": "Two\r\n"}
]"#,
        )
        .unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "in-0");
        assert_eq!(docs[0].meta.title.as_deref(), Some("T"));
        assert_eq!(docs[0].meta.author, None);
        assert_eq!(docs[0].meta.url, None);
        assert_eq!(docs[0].meta.published, Some(jiff::civil::date(2023, 1, 18)));
        let extra: Vec<(&str, &str)> = docs[0].meta.extra.iter().collect();
        assert_eq!(extra, [("live", "false"), ("note", "n"), ("rank", "1.5")]);
        assert_eq!(docs[1].id, "b");
        assert_eq!(docs[1].text, "Two\r\n");
        assert!(json("[]").unwrap().is_empty());
        assert_eq!(json("\u{feff}[{\"outlet\": \"A\", \"text\": \"x\"}]").unwrap().len(), 1);
    }

    #[test]
    fn json_errors() {
        let cases: &[(&str, &str)] = &[
            ("[", "in.json:1:1: invalid JSON input: EOF while parsing a list"),
            ("[\n  {\"outlet\": \"A\",}\n]", "in.json:2:18: invalid JSON input: trailing comma"),
            (
                "{\"outlet\": \"A\"}",
                "in.json:1:1: invalid JSON input: expected a top-level array of objects, got an object",
            ),
            (
                "\n  \"x\"",
                "in.json:2:3: invalid JSON input: expected a top-level array of objects, got a string",
            ),
            ("[\"x\"]", "in.json[0]:1:2: invalid JSON input: expected an object, got a string"),
            (
                "[{\"outlet\": \"A\", \"text\": \"x\"},\n {\"outlet\": \"B\"}]",
                "in.json[1]:2:2: invalid JSON input: field `text` is missing",
            ),
            ("[{\"text\": \"x\"}]", "in.json[0]:1:2: invalid JSON input: field `outlet` is missing"),
            // Elements on one line, each located by its column.
            (
                "[{\"outlet\": \"A\", \"text\": \"x\"}, {\"outlet\": \"é\", \"text\": \"y\"}, {\"outlet\": \"B\"}]",
                "in.json[2]:1:62: invalid JSON input: field `text` is missing",
            ),
            (
                "[{\"outlet\": \" \", \"text\": \"x\"}]",
                "in.json[0]:1:2: invalid JSON input: field `outlet` is empty",
            ),
            (
                "[{\"outlet\": \"A\", \"text\": 3}]",
                "in.json[0]:1:2: invalid JSON input: field `text`: expected a string, got a number",
            ),
            (
                "[{\"outlet\": \"A\", \"text\": null}]",
                "in.json[0]:1:2: invalid JSON input: field `text`: expected a string, got null",
            ),
            (
                "[{\"id\": 7, \"outlet\": \"A\", \"text\": \"x\"}]",
                "in.json[0]:1:2: invalid JSON input: field `id`: expected a string, got a number",
            ),
            (
                "[{\"outlet\": \"A\", \"text\": \"x\", \"published\": \"yesterday\"}]",
                "in.json[0]:1:2: invalid JSON input: field `published`: expected YYYY-MM-DD or a date-time such as 2023-01-18T10:00:00Z, got \"yesterday\"",
            ),
            (
                "[{\"outlet\": \"A\", \"text\": \"x\", \"tags\": [\"a\"]}]",
                "in.json[0]:1:2: invalid JSON input: field `tags`: expected a string, number or boolean, got an array",
            ),
            ("[{\"outlet\": \"A\", \"text\": \" \\n \"}]", "in.json[0]: the document is empty"),
            (
                "[{\"id\": \"a:b\", \"outlet\": \"A\", \"text\": \"x\"}]",
                "invalid document `a:b`: the id must not contain whitespace, control characters or `:`",
            ),
            (
                "[{\"id\": \"x\", \"outlet\": \"A\", \"text\": \"x\"}, {\"id\": \"x\", \"outlet\": \"B\", \"text\": \"y\"}]",
                "duplicate document id `x`: in.json[0] and in.json[1]",
            ),
            (
                "[{\"outlet\": \"A\", \"text\": \"x\"}, {\"id\": \"in-0\", \"outlet\": \"B\", \"text\": \"y\"}]",
                "duplicate document id `in-0`: in.json[0] and in.json[1]",
            ),
        ];
        for (text, expected) in cases {
            let err = json(text).expect_err(text);
            assert_eq!(err.to_string(), *expected, "{text:?}");
        }
        let err = parse_json("in.json", "in", b"[\"\xc3\"]", &options()).unwrap_err();
        assert_eq!(err.to_string(), "in.json:1: not valid UTF-8 (invalid byte at offset 2)");
    }

    #[test]
    fn json_size_limit_counts_the_text_field() {
        let input = br#"[{"outlet": "A", "text": "12345", "title": "a long title"}]"#;
        let at_limit = LoadOptions { max_doc_bytes: Some(5), ..options() };
        assert!(parse_json("in.json", "in", input, &at_limit).is_ok());
        let below = LoadOptions { max_doc_bytes: Some(4), ..options() };
        let err = parse_json("in.json", "in", input, &below).unwrap_err();
        assert_eq!(err.to_string(), "in.json[0]: document is 5 bytes, over the limit of 4 bytes");
    }

    #[test]
    fn dates() {
        let d = jiff::civil::date(2023, 1, 18);
        for value in ["2023-01-18", "2023-01-18T10:00:00Z", "2023-01-18 10:00", "2023-01-18T10:00+04:00"] {
            assert_eq!(parse_date(value), Some(d), "{value}");
        }
        for value in ["", "yesterday", "18/01/2023", "2023-13-01", "2023-01-18 garbage", "2023-01-18T"] {
            assert_eq!(parse_date(value), None, "{value}");
        }
    }
}
