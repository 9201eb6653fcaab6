//! The pipeline: documents in, claims, relations, graph and report out.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, TryRecvError};

use foldhash::HashSet;
use rayon::prelude::*;

use crate::claim::Claim;
use crate::compare::{self, Relation, Undecided};
use crate::document::Document;
use crate::entity::{self, Mention, Record, Records, Referent, Settled, Vocabulary};
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::graph::ClaimGraph;
use crate::lexicon::Lexicon;
use crate::prepare::Prepared;
use crate::progress::{Counter, Progress, Stage};
use crate::report::Report;
use crate::segment::Sentences;
use crate::stories;

/// The default largest document the analysis accepts, in bytes of text
/// (512 KiB, some ten times the longest news article).
/// [`Analyzer::max_doc_bytes`] and the command line's `--max-doc-bytes`
/// change it.
///
/// A larger document is more likely a mistake (a dump, a log, a binary
/// file) than an article, and parts of the analysis grow faster than the
/// text on very long documents, so it is refused with [`Error::TooLarge`]
/// rather than left to run for minutes.
pub const DEFAULT_MAX_DOC_BYTES: usize = 512 << 10;

/// How many bytes of memory, about, [`Analyzer::story_groups`] spends by
/// default on documents kept prepared between its passes (64 MiB; see
/// [`Analyzer::keep_prepared_bytes`]).
pub const DEFAULT_KEEP_PREPARED_BYTES: usize = 64 << 20;

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
#[derive(Clone, Debug)]
pub struct Analyzer {
    lexicon: Lexicon,
    max_doc_bytes: Option<usize>,
    keep_prepared_bytes: usize,
    progress: Progress,
}

impl Default for Analyzer {
    /// [`Analyzer::new`].
    fn default() -> Analyzer {
        Analyzer::new()
    }
}

impl Analyzer {
    /// An analyzer with the built-in lexicon and the default size limit
    /// ([`DEFAULT_MAX_DOC_BYTES`]).
    pub fn new() -> Analyzer {
        Analyzer::with_lexicon(Lexicon::builtin())
    }

    /// An analyzer with `lexicon` (for example one read with
    /// [`Lexicon::from_file`]) and the default size limit. The same as
    /// `Analyzer::new().lexicon(lexicon)`, without building the built-in
    /// lexicon only to replace it.
    ///
    /// ```
    /// use claimgraph::{Analyzer, Document, Lexicon};
    ///
    /// let text = "Squatters closed the Tessa Bridge on Monday.";
    /// let docs = || vec![Document::new("a", "Harbor Gazette", text)];
    /// let loaded = |analysis: &claimgraph::Analysis| {
    ///     analysis.claims()[0].framing.iter().any(|f| f.cue.text == "Squatters")
    /// };
    /// // Not a loaded label in the built-in lexicon; one in this one.
    /// assert!(!loaded(&Analyzer::new().analyze(docs())?));
    /// let lexicon = Lexicon::parse("inline", "loaded: squatters\n")?;
    /// assert!(loaded(&Analyzer::with_lexicon(lexicon).analyze(docs())?));
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn with_lexicon(lexicon: Lexicon) -> Analyzer {
        Analyzer {
            lexicon,
            max_doc_bytes: None,
            keep_prepared_bytes: DEFAULT_KEEP_PREPARED_BYTES,
            progress: Progress::default(),
        }
    }

    /// Uses `lexicon` (for example one read with [`Lexicon::from_file`]).
    pub fn lexicon(mut self, lexicon: Lexicon) -> Analyzer {
        self.lexicon = lexicon;
        self
    }

    /// The lexicon in use.
    pub(crate) fn lexicon_ref(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The document size limit: the one set, or `default`.
    pub(crate) fn max_doc_bytes_or(&self, default: usize) -> usize {
        self.max_doc_bytes.unwrap_or(default)
    }

    /// Refuses documents whose text is longer than `limit` bytes with
    /// [`Error::TooLarge`] (default: [`DEFAULT_MAX_DOC_BYTES`]; `usize::MAX`
    /// for no limit).
    pub fn max_doc_bytes(mut self, limit: usize) -> Analyzer {
        self.max_doc_bytes = Some(limit);
        self
    }

    /// Lets [`Analyzer::story_groups`] spend about `bytes` of memory
    /// (default: [`DEFAULT_KEEP_PREPARED_BYTES`]) keeping documents
    /// prepared from its first pass to their analysis.
    ///
    /// It reads each document's tokens and names once to group the corpus
    /// into stories, and again when the document's group is analysed, as
    /// holding a whole corpus prepared would take some 28 times its text.
    /// If every document fits in `bytes`, they are all kept instead of read
    /// again: on 1,000 articles of 1.8 KB, a tenth fewer instructions for
    /// about 30 MB more memory (on a machine where page faults are dear, such
    /// as BENCHMARKS.md's virtual machine, the kernel's time to supply that
    /// memory takes back much of what the instructions save on so small a
    /// corpus). A corpus that does not fit is read again whole: keeping part
    /// of it would hold the budget through the passes over the whole corpus,
    /// where memory peaks, to save no more than that part's share of the
    /// time. The output is the same whatever the budget; 0 keeps none.
    ///
    /// ```
    /// use claimgraph::{Analyzer, Document};
    ///
    /// let docs = || {
    ///     vec![
    ///         Document::new("a", "Harbor Gazette", "Police said the Tessa Bridge was closed on Monday."),
    ///         Document::new("b", "Valley Echo", "The Tessa Bridge was not closed on Monday, the mayor said."),
    ///     ]
    /// };
    /// let contradictions = |analyzer: Analyzer| -> claimgraph::Result<Vec<usize>> {
    ///     let mut found = Vec::new();
    ///     analyzer.story_groups(docs())?.analyze_each(
    ///         |_, analysis| analysis.contradictions().count(),
    ///         |n| {
    ///             found.push(n);
    ///             Ok(())
    ///         },
    ///     )?;
    ///     Ok(found)
    /// };
    /// assert_eq!(contradictions(Analyzer::new())?, [1]);
    /// assert_eq!(contradictions(Analyzer::new().keep_prepared_bytes(0))?, [1]);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn keep_prepared_bytes(mut self, bytes: usize) -> Analyzer {
        self.keep_prepared_bytes = bytes;
        self
    }

    /// Calls `f(stage, done, total)` as the analysis advances, from several
    /// threads. The command-line tool draws its progress bar with it.
    pub fn on_progress(mut self, f: impl Fn(Stage, usize, usize) + Send + Sync + 'static) -> Analyzer {
        self.progress = Progress::new(f);
        self
    }

    /// Analyses a set of documents about one story.
    ///
    /// Documents are processed in id order, so the result does not depend on
    /// the order they are given in. Fails if a document is invalid (see
    /// [`Document::validate`]), too large, or if two documents share an id.
    pub fn analyze(&self, documents: Vec<Document>) -> Result<Analysis> {
        let front = self.front(documents)?;
        let Front { documents, prepared, mentions, referents, stories } = front;
        let lex = &self.lexicon;
        let outlets: HashSet<String> = documents.iter().map(|d| d.meta.outlet.to_lowercase()).collect();
        let counter = self.progress.stage(Stage::Extract, documents.len());
        let per_doc = extract_all(&documents, &prepared, &mentions, &referents, lex, &outlets, &counter);
        // The prepared texts and mentions are not needed any more: millions
        // of small allocations on a large corpus, freed on all threads.
        rayon::join(|| prepared.into_par_iter().for_each(drop), || mentions.into_par_iter().for_each(drop));
        let claims: Vec<Claim> = stories::assign(per_doc, &stories);
        let (relations, undecided) = compare::compare_all(&claims, lex, &self.progress);
        Ok(Analysis {
            documents,
            claims,
            relations,
            undecided,
            referents,
            graph: std::sync::OnceLock::new(),
            rejected: Vec::new(),
            skipped: Vec::new(),
            stories,
        })
    }

    /// Groups documents into stories and groups of stories, to analyse them
    /// one group at a time with [`StoryGroups::analyze_each`].
    ///
    /// This runs the stages that need the whole corpus (sentences, names and
    /// their resolution, the stories of [`Analysis::stories`]) and stops
    /// before the claims. A *group* joins the stories whose documents share
    /// one distinctive name and are alike in the names they hold (a story
    /// needs two shared names, or one both repeat, and the same likeness;
    /// each name weighs more the fewer documents hold it), so that two
    /// short reports of one event that name its place once each are compared
    /// with each other, while a name common to many stories (a country, its
    /// president) weighs too little to join them.
    ///
    /// Each group's [`Analysis`] holds only that group: its documents, their
    /// claims, the relations between them and the referents they mention.
    /// Memory then holds a window of groups at a time instead of every claim
    /// and relation of the corpus. Until its group is analysed, a document
    /// is held as its text, its sentences (about 4 bytes each) and 12 bytes
    /// for each name it mentions (what resolution settled); its tokens and
    /// names are found again then, exactly as they were found first. The
    /// claims are the same as [`Analyzer::analyze`] gives. The relations
    /// differ in two ways:
    ///
    /// - a relation that `analyze` makes between two groups (claims that
    ///   share a key but whose documents are not alike in their names, such
    ///   as the injury counts of two unrelated events) is not made;
    /// - a group compares its claims as `analyze` compares an input of that
    ///   size: a key held by more than 64 claims of the whole corpus is
    ///   compared there within stories only when most of its pairs cross
    ///   stories, while in a group it is held by few claims and compared
    ///   across the group's stories. A group can therefore relate claims of
    ///   its stories that `analyze` leaves apart.
    ///
    /// BENCHMARKS.md counts both on the synthetic corpora.
    ///
    /// Runs on the threads of the current rayon pool (the global pool when
    /// called from a thread outside every pool), as its parallel passes do;
    /// the calling thread waits.
    ///
    /// Fails as [`Analyzer::analyze`] does.
    ///
    /// ```
    /// use claimgraph::{Analyzer, Document};
    ///
    /// let groups = Analyzer::new().story_groups(vec![
    ///     Document::new("a", "Daily", "Police said the Tessa Bridge was closed on Monday."),
    ///     Document::new("b", "Echo", "The Tessa Bridge was not closed on Monday, the mayor said."),
    ///     Document::new("c", "Wire", "The Osk Dam in Velmora held, engineers said."),
    /// ])?;
    /// // "a" and "b" share one name, used once each: two stories, one group.
    /// assert_eq!((groups.len(), groups.stories()), (2, 3));
    /// let mut seen = Vec::new();
    /// groups.analyze_each(
    ///     // On worker threads: a summary of each group's analysis.
    ///     |group, analysis| (group, analysis.documents().len(), analysis.contradictions().count()),
    ///     // On this thread, in group order.
    ///     |summary| {
    ///         seen.push(summary);
    ///         Ok(())
    ///     },
    /// )?;
    /// assert_eq!(seen, [(0, 2, 1), (1, 1, 0)]);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn story_groups(&self, documents: Vec<Document>) -> Result<StoryGroups> {
        // On a thread of the pool (this one, if it is one). The passes over
        // the whole corpus allocate and free much on the thread that runs
        // their sequential parts (the names' records as the windows are
        // found, their resolution, the grouping), and an allocator that
        // keeps a heap a thread (mimalloc, the command-line tool's) reuses
        // or gives back a thread's freed pages only when that thread
        // allocates again. The pool's threads go on to analyse the groups;
        // a calling thread that only waits for them kept those pages to the
        // end. At 10,000 synthetic articles the resident peak fell from
        // 91-100 MiB (median 96.5) to 87-92 (89.6); at 100,000, where the
        // peak is the names' resolution, it rose from 480-484 MiB to 487-505
        // (docs/performance-history.md, stop 45).
        rayon::scope(|_| self.story_groups_on_pool(documents, None))
    }

    /// [`Analyzer::story_groups`] for documents whose texts are not held:
    /// each document with an empty [`Document::text`] has its text read
    /// from `texts` whenever a pass needs it (four times: for the sentences,
    /// the names, the names again if it may state an alias, and its
    /// group's analysis), and dropped after. Documents with a text are held
    /// as [`Analyzer::story_groups`] holds them.
    ///
    /// The output is the same as `story_groups` gives for the same texts.
    /// Memory then holds what the passes make rather than the corpus's text
    /// as well: at 100,000 synthetic articles (175 MiB of text) the command
    /// line tool's peak is about a third lower, for a tenth to a fifth more
    /// time, mostly opening each file three times more (BENCHMARKS.md). No document is kept prepared
    /// ([`Analyzer::keep_prepared_bytes`]) when any text is read this way.
    ///
    /// Fails as [`Analyzer::analyze`] does, and with the first error (in
    /// document order, or group order once the groups are analysed) that
    /// `texts` returns, or [`Error::TextChanged`] if a text read again
    /// differs from its first reading (its length and a 64-bit hash of its
    /// bytes are kept). A text read is checked as a held one is: not empty
    /// nor only white space ([`Error::EmptyDocument`]), within the size
    /// limit ([`Error::TooLarge`]).
    ///
    /// ```
    /// use claimgraph::{Analyzer, Document, analysis::TextSource};
    ///
    /// /// Texts kept somewhere else (a database, files), by document id.
    /// struct Archive;
    ///
    /// impl TextSource for Archive {
    ///     fn text(&self, document: &Document) -> claimgraph::Result<String> {
    ///         Ok(match document.id.as_str() {
    ///             "a" => "Police said the Tessa Bridge was closed on Monday.",
    ///             _ => "The Tessa Bridge was not closed on Monday, the mayor said.",
    ///         }
    ///         .to_string())
    ///     }
    /// }
    ///
    /// let groups = Analyzer::new().story_groups_from(
    ///     vec![Document::new("a", "Daily", ""), Document::new("b", "Echo", "")],
    ///     Archive,
    /// )?;
    /// let mut found = Vec::new();
    /// groups.analyze_each(
    ///     |_, analysis| (analysis.documents()[1].text.len(), analysis.contradictions().count()),
    ///     |summary| {
    ///         found.push(summary);
    ///         Ok(())
    ///     },
    /// )?;
    /// assert_eq!(found, [(58, 1)]);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn story_groups_from(
        &self,
        documents: Vec<Document>,
        texts: impl TextSource + 'static,
    ) -> Result<StoryGroups> {
        let texts: Arc<dyn TextSource> = Arc::new(texts);
        rayon::scope(|_| self.story_groups_on_pool(documents, Some(texts)))
    }

    /// [`Analyzer::story_groups`] and [`Analyzer::story_groups_from`], on
    /// the thread that calls it.
    fn story_groups_on_pool(
        &self,
        documents: Vec<Document>,
        source: Option<Arc<dyn TextSource>>,
    ) -> Result<StoryGroups> {
        let documents = self.checked(documents, source.is_some())?;
        let reader = Reader { source, limit: self.max_doc_bytes.unwrap_or(DEFAULT_MAX_DOC_BYTES) };
        let lex = &self.lexicon;
        let n = documents.len();
        // The corpus is never held prepared at once: each pass prepares a
        // document, takes what it needs and drops the rest, unless the whole
        // corpus fits in `keep_prepared_bytes`: then every document is kept
        // prepared (with its stems) with its mentions until its group is
        // analysed. The vocabulary needs only sentences and tokens.
        let counter = self.progress.stage(Stage::Prepare, n);
        // Each text's sentences, kept for the first time it is prepared;
        // the documents, if they all fit in the budget, are kept prepared.
        let keep = if documents.iter().any(|d| reader.reads(d)) {
            0
        } else {
            kept_documents(&documents, self.keep_prepared_bytes)
        };
        // The first reading of each text read from the source: its print,
        // to check the later ones against (none if every text is held).
        let (vocab, sentences, prepared, prints) = if reader.source.is_some() {
            let first = |d| -> Result<_> {
                let text = reader.text(d, None)?;
                let print = reader.reads(d).then(|| Print::of(&text));
                Ok((text, print))
            };
            entity::vocabulary_of_texts(&documents, keep, &counter, first)?
        } else {
            let (vocab, sentences, prepared, _) =
                entity::vocabulary_of_texts(&documents, keep, &counter, own_text)?;
            (vocab, sentences, prepared, Vec::new())
        };
        // Document `i`'s print, if its text is read from the source.
        let print = |i: usize| prints.get(i).copied().flatten();
        let mut prepared = prepared.into_iter();
        let counter = self.progress.stage(Stage::Mentions, n);
        // Each document's mentions are kept as records (`Records`), a
        // window of documents at a time: they are found again when the
        // document is analysed.
        let outlet_keys = stories::outlet_keys(&documents);
        let mut records = Records::default();
        let mut may_alias = Vec::with_capacity(n);
        // The documents kept prepared, with their mentions (as first found).
        // Boxed: a `Kept` is 192 bytes, and this list and the groups'
        // parts hold one slot for every document, kept or not.
        let mut kept: Vec<Option<Box<Kept>>> = Vec::with_capacity(n);
        for (w, (window, segmented)) in
            documents.chunks(FIND_WINDOW).zip(sentences.chunks(FIND_WINDOW)).enumerate()
        {
            let window: Vec<(&Document, &Sentences, Option<Print>, Option<Prepared>)> = window
                .iter()
                .zip(segmented)
                .enumerate()
                .map(|(k, (d, ss))| (d, ss, print(w * FIND_WINDOW + k), prepared.next()))
                .collect();
            type Found = (Vec<bool>, bool, Vec<Mention>, Option<Prepared>);
            let found: Vec<Result<Found>> = window
                .into_par_iter()
                .map(|(d, ss, print, p)| {
                    let keeping = p.is_some();
                    let text = reader.text(d, print)?;
                    let p = p.unwrap_or_else(|| Prepared::for_names(&text, &ss.get()));
                    let ms = entity::find_mentions(&text, &p, lex, &vocab);
                    let named = ms
                        .iter()
                        .map(|m| stories::named(m, || stories::org_head(m, &p, lex), &vocab, &outlet_keys))
                        .collect();
                    let may = entity::may_state_aliases(&p, &ms);
                    counter.add(1);
                    // Kept if the vocabulary's pass prepared it to be kept
                    // (`kept_documents`); otherwise dropped here, on the
                    // thread that made it, rather than held with the
                    // window's others until they are recorded.
                    Ok((named, may, ms, keeping.then_some(p)))
                })
                .collect();
            for found in found {
                let (named, may, mentions, p) = found?;
                records.push(&mentions, |i| named[i]);
                may_alias.push(may);
                kept.push(p.map(|prepared| Box::new(Kept { prepared, mentions })));
            }
        }
        let counter = self.progress.stage(Stage::Resolve, 1);
        records.settle_demonyms();
        // Stated aliases ("X (or Y)") need the tokens between two names:
        // the few documents that may state one are prepared again.
        let failed = FirstError::default();
        let aliases: Vec<Vec<(usize, usize)>> = documents
            .par_iter()
            .enumerate()
            .zip(&records.docs)
            .zip(&may_alias)
            .zip(&sentences)
            .zip(&kept)
            .map(|(((((i, d), rs), &may), ss), k)| {
                if !may {
                    return Vec::new();
                }
                let settled = rs.iter().map(|r| records.settled(r));
                if let Some(k) = k {
                    let mut ms = k.mentions.clone();
                    entity::restore(settled, &mut ms);
                    return entity::stated_aliases(&k.prepared, &ms);
                }
                let text = match reader.text(d, print(i)) {
                    Ok(text) => text,
                    Err(e) => {
                        failed.keep(i, e);
                        return Vec::new();
                    }
                };
                let p = Prepared::for_names(&text, &ss.get());
                let ms = entity::mentions_again(&text, &p, lex, &vocab, settled);
                entity::stated_aliases(&p, &ms)
            })
            .collect();
        failed.check()?;
        // Without the documents of each name: each group's view lists its
        // own ([`entity::group_referents`]).
        let referents = records.resolve(&aliases, None, lex, &vocab);
        records.forget_strings();
        drop(aliases);
        let names = |d: usize| -> Vec<usize> {
            records.docs[d].iter().filter(|r| r.named && r.is_name()).filter_map(Record::referent).collect()
        };
        let (stories, groups) = stories::grouping(n, names, referents.len());
        counter.add(1);
        let outlets: HashSet<String> = documents.iter().map(|d| d.meta.outlet.to_lowercase()).collect();
        let story_count = stories.iter().max().map_or(0, |s| s + 1);
        // Each group's lists are made at its size: grown by pushing, they
        // held up to twice their documents while the corpus's lists they
        // are moved from were still held.
        let mut sizes = vec![0usize; groups.iter().max().map_or(0, |g| g + 1)];
        for &group in &groups {
            sizes[group] += 1;
        }
        let mut parts: Vec<GroupParts> = sizes.into_iter().map(GroupParts::with_capacity).collect();
        let docs = documents
            .into_iter()
            .zip(std::mem::take(&mut records.docs))
            .zip(sentences)
            .zip(kept)
            .zip(stories)
            .zip(groups)
            .enumerate();
        for (i, (((((doc, rs), ss), k), story), group)) in docs {
            let part = &mut parts[group];
            part.documents.push(doc);
            if !prints.is_empty() {
                part.prints.push(print(i));
            }
            part.sentences.push(ss);
            part.kept.push(k);
            part.settled.push(rs.iter().map(|r| records.settled(r)).collect());
            part.stories.push(story);
        }
        Ok(StoryGroups {
            analyzer: self.clone(),
            reader,
            parts,
            referents,
            outlets,
            vocab,
            documents: n,
            stories: story_count,
        })
    }

    /// Checks `documents` (each valid and within the size limit, ids
    /// unique) and puts them in id order. With `sourced`, an empty text is
    /// to be read from a [`TextSource`] and checked then.
    fn checked(&self, mut documents: Vec<Document>, sourced: bool) -> Result<Vec<Document>> {
        if documents.is_empty() {
            return Err(Error::NoDocuments);
        }
        for d in &documents {
            match d.validate() {
                Err(Error::EmptyDocument { .. }) if sourced && d.text.is_empty() => {}
                checked => checked?,
            }
            let limit = self.max_doc_bytes.unwrap_or(DEFAULT_MAX_DOC_BYTES);
            if d.text.len() > limit {
                return Err(Error::TooLarge { origin: d.id.clone(), size: d.text.len(), limit });
            }
        }
        check_unique_ids(&documents)?;
        documents.sort_by(|a, b| a.id.cmp(&b.id));
        // A list grown by pushing (as the CLI's loader grows it) holds up
        // to twice its documents' 176 bytes each, through every pass.
        documents.shrink_to_fit();
        Ok(documents)
    }

    /// The stages that need the whole corpus: checks, id order, sentences,
    /// names, their resolution and the stories.
    fn front(&self, documents: Vec<Document>) -> Result<Front> {
        let documents = self.checked(documents, false)?;
        let lex = &self.lexicon;
        // Per-document stages run in parallel; results are collected in
        // document order, so the output does not depend on the threads.
        let n = documents.len();
        let counter = self.progress.stage(Stage::Prepare, n);
        let prepared: Vec<Prepared> = documents
            .par_iter()
            .map(|d| {
                let p = Prepared::new(&d.text);
                counter.add(1);
                p
            })
            .collect();
        let vocab = entity::vocabulary(&prepared);
        let counter = self.progress.stage(Stage::Mentions, n);
        let mut mentions: Vec<_> = documents
            .par_iter()
            .zip(&prepared)
            .map(|(d, p)| {
                let m = entity::find_mentions(&d.text, p, lex, &vocab);
                counter.add(1);
                m
            })
            .collect();
        let ids: Vec<String> = documents.iter().map(|d| d.id.clone()).collect();
        let counter = self.progress.stage(Stage::Resolve, 1);
        let referents = entity::resolve(&mut mentions, &prepared, &ids, lex, &vocab);
        let stories = stories::stories(&documents, &mentions, &prepared, referents.len(), lex, &vocab);
        counter.add(1);
        Ok(Front { documents, prepared, mentions, referents, stories })
    }
}

/// The result of [`Analyzer::front`].
struct Front {
    documents: Vec<Document>,
    prepared: Vec<Prepared>,
    mentions: Vec<Vec<Mention>>,
    referents: Vec<Referent>,
    stories: Vec<usize>,
}

/// The claims of each of `documents`, in parallel, in document order.
fn extract_all(
    documents: &[Document],
    prepared: &[Prepared],
    mentions: &[Vec<Mention>],
    referents: &[Referent],
    lex: &Lexicon,
    outlets: &HashSet<String>,
    counter: &Counter<'_>,
) -> Vec<Vec<Claim>> {
    documents
        .par_iter()
        .enumerate()
        .map(|(i, d)| {
            let ex = Extractor::new(d, &prepared[i], &mentions[i], referents, lex, outlets);
            // Extraction builds its vectors and strings by pushing, and
            // they hold up to twice what they use. The claims were cloned
            // at their length while a corpus's claims were all held at
            // once; a window's claims are held now, and the clone took
            // 1.8% of the instructions to save 2% of the peak at 100,000
            // articles (docs/performance-history.md, "Scaling", stop 27).
            let claims: Vec<Claim> = ex.extract();
            counter.add(1);
            claims
        })
        .collect()
}

/// One group's share of the corpus, waiting to be analysed.
struct GroupParts {
    documents: Vec<Document>,
    /// The print of each document's text, if it is read from the source
    /// (empty if every text of the corpus is held).
    prints: Vec<Option<Print>>,
    /// Each document's sentences, as they were found for the vocabulary.
    sentences: Vec<Sentences>,
    /// What resolution settled about each document's mentions.
    settled: Vec<Vec<Settled>>,
    /// The story of each document, numbered in the whole corpus.
    stories: Vec<usize>,
    /// Each document as prepared for names, with its mentions as first
    /// found, if it was kept ([`kept_documents`]).
    kept: Vec<Option<Box<Kept>>>,
}

impl GroupParts {
    /// Empty lists with room for a group of `size` documents.
    fn with_capacity(size: usize) -> GroupParts {
        GroupParts {
            documents: Vec::with_capacity(size),
            prints: Vec::new(),
            sentences: Vec::with_capacity(size),
            settled: Vec::with_capacity(size),
            stories: Vec::with_capacity(size),
            kept: Vec::with_capacity(size),
        }
    }
}

/// Reads the texts of documents for [`Analyzer::story_groups_from`], which
/// does not hold them: from files, a database, an archive.
///
/// [`TextSource::text`] is called for each document whose
/// [`Document::text`] is empty, several times during a run, from several
/// threads at once, and must give the same text each time (a text that
/// changes is an error, [`Error::TextChanged`]).
pub trait TextSource: Send + Sync {
    /// The text of `document` (its id and metadata as given, its text
    /// empty).
    ///
    /// # Errors
    ///
    /// Any error, such as [`Error::Io`] for a file that cannot be read;
    /// the run stops with it.
    fn text(&self, document: &Document) -> Result<String>;
}

/// Where the passes of [`Analyzer::story_groups`] find each document's
/// text: in the document, or read from a source when the document's text
/// is empty.
#[derive(Clone)]
struct Reader {
    source: Option<Arc<dyn TextSource>>,
    /// The size limit for a text read ([`Analyzer::max_doc_bytes`]).
    limit: usize,
}

impl Reader {
    /// Whether `d`'s text is read from the source.
    fn reads(&self, d: &Document) -> bool {
        self.source.is_some() && d.text.is_empty()
    }

    /// `d`'s text: its own, or read from the source, checked as a held
    /// text is and, if `print` is given (its first reading's), against it.
    fn text<'d>(&self, d: &'d Document, print: Option<Print>) -> Result<Cow<'d, str>> {
        let Some(source) = self.source.as_ref().filter(|_| d.text.is_empty()) else {
            return Ok(Cow::Borrowed(&d.text));
        };
        let text = source.text(d)?;
        if text.len() > self.limit {
            return Err(Error::TooLarge { origin: d.id.clone(), size: text.len(), limit: self.limit });
        }
        if text.trim().is_empty() {
            return Err(Error::EmptyDocument { origin: d.id.clone() });
        }
        if let Some(first) = print
            && Print::of(&text) != first
        {
            return Err(Error::TextChanged { id: d.id.clone(), first: first.len, now: text.len() });
        }
        Ok(Cow::Owned(text))
    }
}

/// A document's own text, for [`entity::vocabulary_of_texts`] when every
/// text is held.
fn own_text(d: &Document) -> Result<(Cow<'_, str>, ())> {
    Ok((Cow::Borrowed(&d.text), ()))
}

/// The first error of a parallel pass, in document order whatever the
/// threads: the error of the document with the smallest number.
#[derive(Default)]
struct FirstError(std::sync::Mutex<Option<(usize, Error)>>);

impl FirstError {
    /// Keeps `error`, of document `at`, if no earlier document's is kept.
    fn keep(&self, at: usize, error: Error) {
        let mut first = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if first.as_ref().is_none_or(|(kept, _)| at < *kept) {
            *first = Some((at, error));
        }
    }

    /// The error kept, if any.
    fn check(self) -> Result<()> {
        match self.0.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner) {
            Some((_, error)) => Err(error),
            None => Ok(()),
        }
    }
}

/// A text's length and a hash of its bytes, to tell whether a text read
/// again is the one first read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Print {
    len: usize,
    hash: u64,
}

impl Print {
    fn of(text: &str) -> Print {
        use std::hash::BuildHasher;
        // A fixed seed: the same text gives the same print on every thread.
        let hash = foldhash::quality::FixedState::with_seed(0x636c_6169_6d67_7261).hash_one(text);
        Print { len: text.len(), hash }
    }
}

/// A document prepared with its stems ([`Prepared::segmented`]) and its
/// mentions as first found, kept by [`Analyzer::story_groups`] for the
/// analysis.
struct Kept {
    prepared: Prepared,
    mentions: Vec<Mention>,
}

/// About how many bytes a document kept prepared takes per byte of its text
/// (its tokens, about one per three bytes of news text and 48 bytes each;
/// their stems, 24 bytes each; their word counts, sentences, quotes and
/// mentions).
const PREPARED_BYTES_PER_TEXT_BYTE: usize = 28;

/// How many of `documents` (in order) [`Analyzer::story_groups`] keeps
/// prepared: all of them if `budget` bytes hold them all, otherwise none
/// ([`Analyzer::keep_prepared_bytes`]).
///
/// Keeping part of a larger corpus would save that part's second
/// preparation, a share of the time no larger than the share of the corpus
/// kept, and hold the whole budget through the passes over every document,
/// where the peak is: at 10,000 synthetic articles the first 17% kept within
/// 64 MiB raised the peak from 99–102 to 149–151 MiB and saved no time
/// measurable on BENCHMARKS.md's machine.
fn kept_documents(documents: &[Document], budget: usize) -> usize {
    let bytes = documents.iter().fold(0usize, |bytes, d| {
        bytes.saturating_add(d.text.len().saturating_mul(PREPARED_BYTES_PER_TEXT_BYTE))
    });
    if bytes <= budget { documents.len() } else { 0 }
}

/// How many documents' groups are analysed at once by
/// [`StoryGroups::analyze_each`], per thread: enough to keep every thread
/// busy with groups of a few documents, few enough that one window's
/// claims, relations and reports are a small part of the memory. On two
/// threads, 128 documents a window instead of 512 took the peak from 213–220
/// to 172–181 MB on 10,000 synthetic articles and from 146–155 to 122–130
/// MB on 1,000, in the same time; 32 a window saved little more and ran
/// slower.
const WINDOW_DOCUMENTS_PER_THREAD: usize = 64;

/// How long [`StoryGroups::analyze_each`], called on a thread of the pool,
/// waits for a result before it looks for work of the pool again.
const IDLE_WAIT: std::time::Duration = std::time::Duration::from_millis(1);

/// How many documents' mentions [`Analyzer::story_groups`] finds at once
/// before it keeps them as records. 256 rather than 4,096: the mentions of a
/// window are freed once recorded, but the allocator keeps their pages, so
/// the peak resident memory on 10,000 synthetic articles fell from 103–116
/// to 103–107 MB and on 100,000 from 521 to 511 MB, in the same instructions.
const FIND_WINDOW: usize = 256;

/// A corpus grouped into stories and groups of stories by
/// [`Analyzer::story_groups`], not yet analysed further.
pub struct StoryGroups {
    analyzer: Analyzer,
    /// Where each document's text is: held, or read from a source.
    reader: Reader,
    parts: Vec<GroupParts>,
    referents: Vec<Referent>,
    outlets: HashSet<String>,
    /// The corpus's vocabulary, to find each document's mentions again.
    vocab: Vocabulary,
    documents: usize,
    stories: usize,
}

impl std::fmt::Debug for StoryGroups {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoryGroups")
            .field("groups", &self.len())
            .field("stories", &self.stories)
            .field("documents", &self.documents)
            .finish()
    }
}

impl StoryGroups {
    /// How many groups there are.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// Whether there are no groups (never: there is at least one document).
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// How many stories there are, in all groups ([`Analysis::stories`]).
    pub fn stories(&self) -> usize {
        self.stories
    }

    /// How many documents there are, in all groups.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// The document ids of each group, in id order; groups in the order of
    /// their first document.
    pub fn group_ids(&self) -> Vec<Vec<&str>> {
        self.parts.iter().map(|p| p.documents.iter().map(|d| d.id.as_str()).collect()).collect()
    }

    /// Analyses each group, several at once: `map(group, analysis)` runs on
    /// worker threads with the group's number (from 0, the order of
    /// [`StoryGroups::group_ids`]) and its [`Analysis`], and `sink` receives
    /// what `map` returns, on the calling thread, in group order. The output
    /// is therefore the same whatever the number of threads.
    ///
    /// Each group's analysis holds its own documents and claims, the
    /// relations among them, and the referents they mention, each with the
    /// names, documents and mention counts of this group only (ids,
    /// canonical names and kinds are the corpus's). Its stories keep their
    /// numbers in the whole corpus ([`Analysis::stories`] lists them in that
    /// order). Groups are analysed in windows of 64 documents per thread,
    /// each document prepared again (tokens, stems, quotes, from the
    /// sentences kept) when its group is, unless it was kept prepared
    /// ([`Analyzer::keep_prepared_bytes`]), and each window is freed before
    /// the next, so memory holds the corpus's text (unless it is read from
    /// a [`TextSource`], [`Analyzer::story_groups_from`]), sentences and
    /// names, the documents kept, plus one window. Within a window, `sink`
    /// receives each result as soon as it has received those of the groups
    /// before it, while later groups are still being analysed; only results
    /// that finish before an earlier group's wait.
    ///
    /// Stops at the first error `sink` returns and returns it (groups
    /// already being analysed then finish, and their results are dropped),
    /// or at the first group (in group order) whose texts could not be read
    /// again from the [`TextSource`], with that error, before `sink`
    /// receives that group.
    pub fn analyze_each<T, M, S>(self, map: M, mut sink: S) -> Result<()>
    where
        T: Send,
        M: Fn(usize, Analysis) -> T + Sync,
        S: FnMut(T) -> Result<()>,
    {
        let StoryGroups { analyzer, reader, parts, referents, outlets, vocab, documents, stories: _ } = self;
        let lex = &analyzer.lexicon;
        let counter = analyzer.progress.stage(Stage::Groups, documents);
        let quiet = Progress::default();
        let window_documents = WINDOW_DOCUMENTS_PER_THREAD * rayon::current_num_threads().max(1);
        let stopped = AtomicBool::new(false);
        let analyze = |g: usize, part: GroupParts| -> Result<T> {
            let GroupParts { mut documents, prints, sentences, settled, stories, kept } = part;
            // The texts not held, read again (and checked) for the analysis.
            if documents.iter().any(|d| reader.reads(d)) {
                let texts: Vec<Result<Option<String>>> = documents
                    .par_iter()
                    .enumerate()
                    .map(|(k, d)| match reader.text(d, prints.get(k).copied().flatten())? {
                        Cow::Owned(text) => Ok(Some(text)),
                        Cow::Borrowed(_) => Ok(None),
                    })
                    .collect();
                for (d, text) in documents.iter_mut().zip(texts) {
                    if let Some(text) = text? {
                        d.text = text;
                    }
                }
            }
            let size = documents.len();
            // Prepared again and their mentions found again, unless kept:
            // holding the whole corpus prepared, or its mentions, was most
            // of the memory. The sentences were kept.
            let (prepared, mentions): (Vec<Prepared>, Vec<Vec<Mention>>) = documents
                .par_iter()
                .zip(sentences)
                .zip(&settled)
                .zip(kept)
                .map(|(((d, ss), rs), k)| match k {
                    // Kept with its stems (`entity::vocabulary_of_texts`).
                    Some(kept) => {
                        let Kept { prepared, mut mentions } = *kept;
                        entity::restore(rs.iter().copied(), &mut mentions);
                        (prepared, mentions)
                    }
                    None => {
                        let p = Prepared::segmented(&d.text, &ss.get());
                        drop(ss);
                        let ms = entity::mentions_again(&d.text, &p, lex, &vocab, rs.iter().copied());
                        (p, ms)
                    }
                })
                .unzip();
            // Counted by group below, not by document here.
            let uncounted = quiet.stage(Stage::Extract, documents.len());
            let per_doc =
                extract_all(&documents, &prepared, &mentions, &referents, lex, &outlets, &uncounted);
            let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
            let group_referents = entity::group_referents(&referents, &settled, &ids);
            drop((prepared, mentions, ids, settled));
            let claims: Vec<Claim> = stories::assign(per_doc, &stories);
            let (relations, undecided) = compare::compare_all(&claims, lex, &quiet);
            let analysis = Analysis {
                documents,
                claims,
                relations,
                undecided,
                referents: group_referents,
                graph: std::sync::OnceLock::new(),
                rejected: Vec::new(),
                skipped: Vec::new(),
                stories,
            };
            let out = map(g, analysis);
            counter.add(size);
            Ok(out)
        };
        let mut parts = parts.into_iter().enumerate().peekable();
        // Each group's result, or its error, until its turn.
        let mut waiting: BTreeMap<usize, Result<T>> = BTreeMap::new();
        let mut next = 0;
        let mut result = Ok(());
        while parts.peek().is_some() && result.is_ok() {
            let mut window: Vec<(usize, GroupParts)> = Vec::new();
            let mut size = 0;
            while size < window_documents
                && let Some((g, part)) = parts.next()
            {
                size += part.documents.len();
                window.push((g, part));
            }
            let (sender, received) = std::sync::mpsc::channel::<(usize, Result<T>)>();
            // The scope's body runs on this thread, which passes each result
            // to `sink` while the window's later groups are analysed (the
            // window is split among the threads as `collect` would split it;
            // scheduling the groups first in, first out kept the results in
            // order but used the two threads of BENCHMARKS.md's machine less).
            rayon::in_place_scope(|s| {
                let (stopped, analyze) = (&stopped, &analyze);
                s.spawn(move |_| {
                    window.into_par_iter().for_each_with(sender, |sender, (g, part)| {
                        if !stopped.load(Ordering::Relaxed) {
                            // Fails only once `sink` has failed and nothing
                            // is received any more.
                            let _ = sender.send((g, analyze(g, part)));
                        }
                    });
                });
                while result.is_ok() {
                    let (g, out) = match received.try_recv() {
                        Ok(r) => r,
                        Err(TryRecvError::Disconnected) => break,
                        // On a thread of the pool (inside `install`), help
                        // with the window rather than wait: with one thread
                        // nothing else would run it. Elsewhere, wait.
                        Err(TryRecvError::Empty) => match rayon::yield_now() {
                            Some(rayon::Yield::Executed) => continue,
                            Some(rayon::Yield::Idle) => match received.recv_timeout(IDLE_WAIT) {
                                Ok(r) => r,
                                Err(RecvTimeoutError::Timeout) => continue,
                                Err(RecvTimeoutError::Disconnected) => break,
                            },
                            None => match received.recv() {
                                Ok(r) => r,
                                Err(_) => break,
                            },
                        },
                    };
                    waiting.insert(g, out);
                    while let Some(out) = waiting.remove(&next) {
                        next += 1;
                        if let Err(e) = out.and_then(&mut sink) {
                            stopped.store(true, Ordering::Relaxed);
                            result = Err(e);
                            break;
                        }
                    }
                }
                drop(received);
            });
        }
        result
    }
}

/// Fails with [`Error::DuplicateId`] naming the positions (`documents[i]`)
/// of the first two documents that share an id.
fn check_unique_ids(documents: &[Document]) -> Result<()> {
    let mut seen: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    for (i, d) in documents.iter().enumerate() {
        if let Some(first) = seen.insert(&d.id, i) {
            return Err(Error::DuplicateId {
                id: d.id.clone(),
                first: format!("documents[{first}]"),
                second: format!("documents[{i}]"),
            });
        }
    }
    Ok(())
}

/// The result of an analysis.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub(crate) documents: Vec<Document>,
    pub(crate) claims: Vec<Claim>,
    pub(crate) relations: Vec<Relation>,
    pub(crate) undecided: Vec<Undecided>,
    pub(crate) referents: Vec<Referent>,
    /// Built on the first call of [`Analysis::graph`]: the report does not
    /// need it, and on a large corpus it is a twentieth of the memory.
    pub(crate) graph: std::sync::OnceLock<ClaimGraph>,
    pub(crate) rejected: Vec<(String, String)>,
    pub(crate) skipped: Vec<String>,
    /// The story of each document (same order as `documents`).
    pub(crate) stories: Vec<usize>,
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

    /// The documents grouped into stories by the distinctive names they
    /// share (two names, or one both repeat, weighed by how few documents
    /// hold them, and alike on average with the rest of the story; see the
    /// README's "Architecture"): the ids of each story's documents, in id
    /// order, stories in the order of their first document. A key held by more
    /// than 64 claims is compared only within a story when most of its
    /// pairs would cross stories.
    ///
    /// ```
    /// use claimgraph::{Analyzer, Document};
    /// let analysis = Analyzer::new().analyze(vec![
    ///     Document::new("a", "Daily", "Police closed the Tessa Bridge in Ostrava Vale."),
    ///     Document::new("b", "Echo", "The Tessa Bridge in Ostrava Vale was open."),
    ///     Document::new("c", "Wire", "The Osk Dam in Velmora held."),
    /// ])?;
    /// assert_eq!(analysis.stories(), vec![vec!["a", "b"], vec!["c"]]);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn stories(&self) -> Vec<Vec<&str>> {
        // By story number: in the analysis of one group of a larger corpus
        // ([`Analyzer::story_groups`]) the numbers are the corpus's.
        let mut out: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
        for (d, &s) in self.documents.iter().zip(&self.stories) {
            out.entry(s).or_default().push(d.id.as_str());
        }
        out.into_values().collect()
    }

    /// Resolved entities with every name used for them.
    pub fn referents(&self) -> &[Referent] {
        &self.referents
    }

    /// The claim graph, built on the first call.
    pub fn graph(&self) -> &ClaimGraph {
        self.graph.get_or_init(|| ClaimGraph::new(&self.claims, &self.relations))
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

    /// Builds the divergence report, moving the claims, relations and
    /// entities into it instead of copying them (for large corpora).
    pub fn into_report(self) -> Report {
        Report::from_analysis(self)
    }

    /// Claims by document id, in claim order.
    pub(crate) fn claims_by_doc(&self) -> BTreeMap<&str, Vec<&Claim>> {
        let mut m: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
        // A document's claims come together: the map is searched once a
        // run of them rather than once a claim.
        for run in self.claims.chunk_by(|a, b| a.doc == b.doc) {
            m.entry(run[0].doc.as_str()).or_default().extend(run);
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every document is kept when the budget holds them all, none when it
    /// holds only some.
    #[test]
    fn documents_are_kept_all_or_none() {
        let docs: Vec<Document> = ["one two three", "four five", "six"]
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("d{i}"), "Outlet", *t))
            .collect();
        let text: usize = docs.iter().map(|d| d.text.len()).sum();
        let all = text * PREPARED_BYTES_PER_TEXT_BYTE;
        assert_eq!(kept_documents(&docs, all), 3);
        assert_eq!(kept_documents(&docs, usize::MAX), 3);
        assert_eq!(kept_documents(&docs, all - 1), 0);
        // Enough for the first two documents, but not for all.
        assert_eq!(kept_documents(&docs, (13 + 9) * PREPARED_BYTES_PER_TEXT_BYTE), 0);
        assert_eq!(kept_documents(&docs, 0), 0);
        assert_eq!(kept_documents(&[], 0), 0);
    }

    /// `story_groups` called from a thread outside every pool (the test's)
    /// runs on the global pool's threads: the one-step stages, reported from
    /// the thread that runs its sequential parts, come from a worker.
    #[test]
    fn story_groups_runs_on_the_pool() {
        use std::sync::{Arc, Mutex};
        let seen: Arc<Mutex<Vec<(Stage, bool)>>> = Arc::default();
        let record = Arc::clone(&seen);
        let analyzer = Analyzer::new().on_progress(move |stage, _, _| {
            let on_worker = rayon::current_thread_index().is_some();
            record.lock().expect("not poisoned").push((stage, on_worker));
        });
        assert_eq!(rayon::current_thread_index(), None);
        let groups = analyzer
            .story_groups(vec![
                Document::new("a", "Daily", "Police said the Tessa Bridge was closed on Monday."),
                Document::new("b", "Echo", "The Tessa Bridge was not closed on Monday, the mayor said."),
            ])
            .expect("valid documents");
        assert_eq!((groups.len(), groups.documents()), (1, 2));
        let seen = seen.lock().expect("not poisoned");
        let resolve: Vec<bool> = seen.iter().filter(|(s, _)| *s == Stage::Resolve).map(|&(_, w)| w).collect();
        assert!(!resolve.is_empty(), "{seen:?}");
        assert!(resolve.iter().all(|&on_worker| on_worker), "{seen:?}");
    }
}
