//! The stance of a document toward a claim: does the article agree with
//! it, dispute it, report it without taking sides, or not speak of it at all?
//!
//! A claim goes in ("The bridge was closed on Monday"); a [`Stance`] comes
//! out: a [`StanceLabel`], the probability of each label, and the sentences
//! of the document that bear on the claim, each with what it does
//! ([`EvidenceKind`]: restates, refutes, reports or hedges) and why.
//!
//! ```
//! use claimgraph::{Analyzer, Document, StanceLabel};
//!
//! let doc = Document::new(
//!     "a1",
//!     "Harbor Gazette",
//!     "Officials denied reports that the old bridge had collapsed. \
//!      The bridge is intact and open to traffic, the city said. \
//!      Photos of a collapse that circulated online were fake.",
//! );
//! let stance = Analyzer::new().stance(&doc, "The old bridge collapsed")?;
//! assert_eq!(stance.label, StanceLabel::Disagree);
//! assert!(stance.evidence.iter().any(|e| e.text.contains("denied")));
//! # Ok::<(), claimgraph::Error>(())
//! ```
//!
//! # How it works
//!
//! A document is read once into a [`StanceIndex`]: its sentences, their
//! content words (by stem), and for each sentence the words that refute
//! ([`REFUTING`], the lexicon's falsity words and denial verbs), doubt
//! ([`UNCERTAIN`], the lexicon's hedges), affirm ([`AFFIRMING`]) or negate,
//! with the words each negation covers, plus what claim extraction
//! ([`Analyzer::analyze`]) says about each sentence: who speaks, with which
//! cue, hedged or not. Any number of claims can then be asked against the
//! index. For each claim the same reading is done on the claim, and
//! [`StanceFeatures`] measure how much of the claim the document and its
//! closest sentences contain, and what those sentences do with it. A small
//! boosted-tree [`StanceModel`] turns the features into label
//! probabilities; the shipped model is trained on development data by
//! `examples/train_stance.rs`.
//!
//! Everything is deterministic: the same document, claim and model always
//! give the same stance.
//!
//! [`REFUTING`]: crate::lexicon::REFUTING
//! [`UNCERTAIN`]: crate::lexicon::UNCERTAIN
//! [`AFFIRMING`]: crate::lexicon::AFFIRMING

mod model;
mod scan;

use std::sync::{Arc, LazyLock};

use compact_str::CompactString;
use foldhash::{HashMap, HashMapExt as _};
use serde::{Deserialize, Serialize};

pub use model::{MODEL_FORMAT, Node, StanceModel, Tree};

use crate::analysis::Analyzer;
use crate::claim::{Marker, Modality, SpeakerKind, Stance as Attitude};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::lexicon::{AFFIRMING, CueClass, Lexicon, REFUTING, UNCERTAIN};
use crate::prepare::Prepared;
use crate::segment::SentenceKind;
use crate::span::Span;
use crate::text::{self, TokenKind};
use scan::{Group, Scan, scan};

/// What a document does with a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StanceLabel {
    /// The document says the claim is true.
    Agree,
    /// The document says the claim is false.
    Disagree,
    /// The document speaks of the claim without taking a side: it reports
    /// it, attributes it, or calls it unconfirmed.
    Discuss,
    /// The document is about something else.
    Unrelated,
}

impl StanceLabel {
    /// All labels, in the order of [`Stance::scores`].
    pub const ALL: [StanceLabel; 4] =
        [StanceLabel::Agree, StanceLabel::Disagree, StanceLabel::Discuss, StanceLabel::Unrelated];

    /// The label's name: `agree`, `disagree`, `discuss` or `unrelated`.
    ///
    /// ```
    /// assert_eq!(claimgraph::StanceLabel::Discuss.as_str(), "discuss");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            StanceLabel::Agree => "agree",
            StanceLabel::Disagree => "disagree",
            StanceLabel::Discuss => "discuss",
            StanceLabel::Unrelated => "unrelated",
        }
    }

    /// The position of the label in [`StanceLabel::ALL`].
    ///
    /// ```
    /// use claimgraph::StanceLabel;
    /// assert_eq!(StanceLabel::ALL[StanceLabel::Discuss.index()], StanceLabel::Discuss);
    /// ```
    pub fn index(self) -> usize {
        self as usize
    }
}

/// What one piece of evidence does with the claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// States what the claim states, in the document's own voice.
    Restates,
    /// Calls it false, denies it, or negates it ("denied", "a hoax", "did
    /// not").
    Refutes,
    /// Attributes it to someone else without vouching for it ("said",
    /// "according to").
    Reports,
    /// Says it is uncertain, or asks whether it is true ("reportedly",
    /// "unconfirmed", "could", a question).
    Hedges,
}

/// A sentence of the document that bears on the claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// What the sentence does with the claim.
    pub kind: EvidenceKind,
    /// Where the sentence is in the document text.
    pub span: Span,
    /// The sentence.
    pub text: String,
    /// Index of the sentence in the document (see [`crate::segment::segment`]).
    pub sentence: usize,
    /// The share of the claim's content words the sentence contains, 0 to 1.
    pub overlap: f64,
    /// The claim's content words found in the sentence, as the claim writes them.
    pub shared: Vec<String>,
    /// The words behind `kind`: refuting, negating, reporting or hedging cues.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<Marker>,
    /// Why, in words.
    pub why: String,
}

/// The probability of each label.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelScores {
    /// Probability of [`StanceLabel::Agree`].
    pub agree: f64,
    /// Probability of [`StanceLabel::Disagree`].
    pub disagree: f64,
    /// Probability of [`StanceLabel::Discuss`].
    pub discuss: f64,
    /// Probability of [`StanceLabel::Unrelated`].
    pub unrelated: f64,
}

impl LabelScores {
    /// The probability of `label`.
    pub fn get(&self, label: StanceLabel) -> f64 {
        match label {
            StanceLabel::Agree => self.agree,
            StanceLabel::Disagree => self.disagree,
            StanceLabel::Discuss => self.discuss,
            StanceLabel::Unrelated => self.unrelated,
        }
    }
}

/// The stance of a document toward a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stance {
    /// The document's id.
    pub doc: String,
    /// The claim, as given.
    pub claim: String,
    /// The most probable label.
    pub label: StanceLabel,
    /// Its probability, 0 to 1.
    pub confidence: f64,
    /// The probability of every label.
    pub scores: LabelScores,
    /// The sentences that bear on the claim, closest first (at most
    /// [`MAX_EVIDENCE`]); empty when nothing in the document speaks of it.
    pub evidence: Vec<Evidence>,
}

/// The most evidence sentences a [`Stance`] lists.
pub const MAX_EVIDENCE: usize = 5;

/// The least share of a claim's content words that a sentence must contain
/// to count as evidence.
const EVIDENCE_OVERLAP: f64 = 0.3;

/// The most words a document may have to count as short: a headline, a
/// caption or a brief note rather than an article. Short documents state
/// their stance in a few words, where articles build it over paragraphs, so
/// the model reads them with trees of their own (the feature
/// `short_document`).
pub const SHORT_DOCUMENT_WORDS: usize = 50;

/// One sentence of an indexed document.
#[derive(Clone, Debug)]
struct Sent {
    span: Span,
    kind: SentenceKind,
    /// Content stem ids, sorted, distinct.
    stems: Vec<u32>,
    /// Pairs of consecutive content stems, as `a << 32 | b`, sorted.
    bigrams: Vec<u64>,
    /// Content stem ids under a negation or denial, sorted.
    negated: Vec<u32>,
    scan: Scan,
    /// A speaker other than the outlet says it.
    attributed: bool,
    /// Attributed with a distancing cue ("claimed").
    distancing: bool,
    /// A denial applies to it.
    denial: bool,
    /// Hedged or hypothetical (conditional, future, possible).
    hedged: bool,
    /// Hedged ("reportedly", "apparently"), not only hypothetical.
    hedge_words: bool,
    /// The reporting cues of attributed claims ("said", "according to").
    cues: Vec<Marker>,
    /// The denial markers of its claims ("denied", "false").
    denials: Vec<Marker>,
    /// It starts with a source and a colon ("Police: …", "Report: …").
    colon_source: bool,
    /// It ends with a short source after a colon or a dash ("…: analyst",
    /// "… - news agency").
    trailing_source: bool,
    /// The words before a leading colon or after a trailing one name a
    /// source ("Sources: …", "…: report").
    source_noun: bool,
}

/// A document read once for stance questions: ask it any number of claims.
///
/// ```
/// use claimgraph::{Document, StanceIndex, StanceLabel};
///
/// let doc = Document::new(
///     "a1",
///     "Valley Echo",
///     "The museum will close its east wing for repairs in May, its director said. \
///      The wing has been shut to visitors since the storm.",
/// );
/// let index = StanceIndex::new(&doc)?;
/// let near = index.stance("The museum will close its east wing in May")?;
/// assert_ne!(near.label, StanceLabel::Unrelated);
/// let far = index.stance("A striker signed a four-year contract with the club")?;
/// assert_eq!(far.label, StanceLabel::Unrelated);
/// assert!(far.evidence.is_empty());
/// # Ok::<(), claimgraph::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct StanceIndex {
    id: String,
    text: String,
    lexicon: Arc<Lexicon>,
    vocab: HashMap<String, u32>,
    /// Occurrences of each stem id in the document.
    tf: Vec<u32>,
    sents: Vec<Sent>,
    /// All bigrams of the document, sorted, distinct.
    bigrams: Vec<u64>,
    /// Hits of each [`REFUTING`] word in the document.
    refuting_words: Vec<u32>,
    /// Hits of each [`UNCERTAIN`] word in the document.
    uncertain_words: Vec<u32>,
    /// Hits of each [`AFFIRMING`] word in the document.
    affirming_words: Vec<u32>,
    /// Word tokens in the document.
    words: usize,
}

/// The built-in analyzer and lexicon, built once.
static DEFAULT: LazyLock<(Analyzer, Arc<Lexicon>)> =
    LazyLock::new(|| (Analyzer::new(), Arc::new(Lexicon::builtin())));

impl Analyzer {
    /// The stance of `doc` toward `claim`.
    ///
    /// To ask many claims of one document, build its [`StanceIndex`] once
    /// with [`Analyzer::stance_index`]. Fails if the document is invalid
    /// (see [`Document::validate`]) or the claim has no words.
    ///
    /// ```
    /// use claimgraph::{Analyzer, Document, StanceLabel};
    ///
    /// let doc = Document::new(
    ///     "b7",
    ///     "Daily Example",
    ///     "The ferry company confirmed that the night service has ended. \
    ///      The last night ferry left the harbour on Sunday.",
    /// );
    /// let stance = Analyzer::new().stance(&doc, "The night ferry service has ended")?;
    /// assert_eq!(stance.label, StanceLabel::Agree);
    /// assert_eq!(stance.evidence[0].sentence, 0);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn stance(&self, doc: &Document, claim: &str) -> Result<Stance> {
        self.stance_index(doc)?.stance(claim)
    }

    /// Reads `doc` once for [`StanceIndex::stance`], with this analyzer's
    /// lexicon. Fails if the document is invalid or too large.
    pub fn stance_index(&self, doc: &Document) -> Result<StanceIndex> {
        StanceIndex::build(self, Arc::new(self.lexicon_ref().clone()), doc)
    }
}

impl StanceIndex {
    /// Reads `doc` with the built-in lexicon (see [`Analyzer::stance_index`]
    /// for another lexicon). Fails if the document is invalid.
    pub fn new(doc: &Document) -> Result<StanceIndex> {
        let (analyzer, lexicon) = &*DEFAULT;
        StanceIndex::build(analyzer, Arc::clone(lexicon), doc)
    }

    fn build(analyzer: &Analyzer, lexicon: Arc<Lexicon>, doc: &Document) -> Result<StanceIndex> {
        let analysis = analyzer.analyze(vec![doc.clone()])?;
        let text = &doc.text;
        let p = Prepared::new(text);
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let mut tf: Vec<u32> = Vec::new();
        let mut sents = Vec::with_capacity(p.sentences.len());
        let mut all_bigrams = Vec::new();
        let mut refuting_words = vec![0u32; REFUTING.len()];
        let mut uncertain_words = vec![0u32; UNCERTAIN.len()];
        let mut affirming_words = vec![0u32; AFFIRMING.len()];
        for s in &p.sentences {
            let toks = &p.tokens[s.toks.clone()];
            let stems = &p.stems[s.toks.clone()];
            let sc = scan(toks, stems, &lexicon, s.span.slice(text));
            let mut seq = Vec::with_capacity(sc.content.len());
            let mut negated = Vec::new();
            for (st, ti) in &sc.content {
                let next = vocab.len() as u32;
                let id = *vocab.entry(st.clone()).or_insert(next);
                if id as usize == tf.len() {
                    tf.push(0);
                }
                tf[id as usize] += 1;
                seq.push(id);
                if sc.negated[*ti] {
                    negated.push(id);
                }
            }
            for h in &sc.hits {
                match h.group {
                    Group::Refuting(Some(w)) => refuting_words[w] += 1,
                    Group::Uncertain(Some(w)) => uncertain_words[w] += 1,
                    Group::Affirming(Some(w)) => affirming_words[w] += 1,
                    _ => {}
                }
            }
            let mut bigrams: Vec<u64> =
                seq.windows(2).map(|w| (u64::from(w[0]) << 32) | u64::from(w[1])).collect();
            bigrams.sort_unstable();
            bigrams.dedup();
            all_bigrams.extend_from_slice(&bigrams);
            seq.sort_unstable();
            seq.dedup();
            negated.sort_unstable();
            negated.dedup();
            let trailing = trailing_source(toks, text);
            sents.push(Sent {
                span: s.span,
                kind: s.kind,
                stems: seq,
                bigrams,
                negated,
                scan: sc,
                attributed: false,
                distancing: false,
                denial: false,
                hedged: false,
                hedge_words: false,
                cues: Vec::new(),
                denials: Vec::new(),
                colon_source: toks.iter().take(5).skip(1).any(|t| t.is_punct(":"))
                    && toks.first().is_some_and(|t| t.is_word()),
                trailing_source: trailing.is_some(),
                source_noun: source_noun(toks, stems, trailing, &lexicon),
            });
        }
        all_bigrams.sort_unstable();
        all_bigrams.dedup();
        for c in analysis.claims() {
            let Some(s) = sents.get_mut(c.sentence) else { continue };
            if c.speaker.kind != SpeakerKind::Outlet {
                s.attributed = true;
                if let Some(cue) = &c.cue {
                    s.cues.push(Marker { text: cue.text.clone(), span: cue.span });
                }
            }
            if c.stance == Attitude::Distancing
                || c.cue.as_ref().is_some_and(|q| q.class == CueClass::Distancing)
            {
                s.distancing = true;
            }
            if let Some(d) = &c.denial {
                s.denial = true;
                s.denials.push(d.clone());
            }
            if matches!(c.modality, Modality::Hedged | Modality::Hypothetical) {
                s.hedged = true;
            }
            if !c.hedges.is_empty() {
                s.hedge_words = true;
            }
            for st in &c.features.negated {
                if let Some(&id) = vocab.get(st.as_str())
                    && s.stems.binary_search(&id).is_ok()
                    && let Err(at) = s.negated.binary_search(&id)
                {
                    s.negated.insert(at, id);
                }
            }
        }
        for s in &mut sents {
            s.cues.sort();
            s.cues.dedup();
            s.denials.sort();
            s.denials.dedup();
        }
        Ok(StanceIndex {
            id: doc.id.clone(),
            text: text.clone(),
            lexicon,
            vocab,
            tf,
            sents,
            bigrams: all_bigrams,
            refuting_words,
            uncertain_words,
            affirming_words,
            words: p.tokens.iter().filter(|t| t.is_word()).count(),
        })
    }

    /// The document's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The stance of the document toward `claim`, with the built-in model.
    ///
    /// Fails if the claim has no words.
    pub fn stance(&self, claim: &str) -> Result<Stance> {
        self.stance_with(claim, StanceModel::builtin()?)
    }

    /// The stance of the document toward `claim`, with `model`.
    pub fn stance_with(&self, claim: &str, model: &StanceModel) -> Result<Stance> {
        let read = self.read_claim(claim)?;
        let features = self.measure(&read);
        let p = model.predict(&features);
        let mut best = 0;
        for (i, v) in p.iter().enumerate() {
            if *v > p[best] {
                best = i;
            }
        }
        let label = StanceLabel::ALL[best];
        let evidence = if label == StanceLabel::Unrelated { Vec::new() } else { self.evidence(&read, claim) };
        Ok(Stance {
            doc: self.id.clone(),
            claim: claim.to_string(),
            label,
            confidence: p[best],
            scores: LabelScores { agree: p[0], disagree: p[1], discuss: p[2], unrelated: p[3] },
            evidence,
        })
    }

    /// The features the model reads for `claim`: for training a model (see
    /// `examples/train_stance.rs`) or for looking into a decision.
    ///
    /// ```
    /// use claimgraph::{Document, StanceIndex};
    ///
    /// let index = StanceIndex::new(&Document::new("d", "Outlet", "The dam burst on Friday."))?;
    /// let f = index.features("The dam burst")?;
    /// assert_eq!(f.get("doc_overlap"), Some(1.0));
    /// assert_eq!(f.values().len(), claimgraph::StanceFeatures::names().len());
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn features(&self, claim: &str) -> Result<StanceFeatures> {
        Ok(self.measure(&self.read_claim(claim)?))
    }

    fn read_claim(&self, claim: &str) -> Result<ClaimReading> {
        let tokens = text::tokenize(claim, 0);
        let stems: Vec<CompactString> = tokens
            .iter()
            .map(|t| if t.is_word() { text::stem_compact(&t.norm) } else { t.norm.clone() })
            .collect();
        let sc = scan(&tokens, &stems, &self.lexicon, claim);
        if sc.content.is_empty() {
            return Err(Error::InvalidClaim { message: format!("the claim {claim:?} has no content words") });
        }
        let words = tokens.iter().filter(|t| t.is_word()).count();
        let capitals = tokens.iter().filter(|t| t.is_word() && t.capitalized).count();
        let title_case = words > 2 && capitals * 10 >= words * 6;
        let mut terms: Vec<ClaimTerm> = Vec::new();
        for (i, (st, ti)) in sc.content.iter().enumerate() {
            if terms.iter().any(|t| &t.stem == st) {
                continue;
            }
            let t = &tokens[*ti];
            let first = i == 0
                && *ti == tokens.iter().position(|t| t.is_word() || t.kind == TokenKind::Number).unwrap_or(0);
            terms.push(ClaimTerm {
                stem: st.clone(),
                id: self.vocab.get(st).copied(),
                written: t.span.slice(claim).to_string(),
                number: t.kind == TokenKind::Number,
                name: !title_case && t.capitalized && !first,
                negated: sc.negated[*ti],
            });
        }
        let ids: Vec<Option<u32>> = sc.content.iter().map(|(st, _)| self.vocab.get(st).copied()).collect();
        let mut bigrams: Vec<Option<u64>> = ids
            .windows(2)
            .filter(|w| w[0] != w[1] || w[0].is_none())
            .map(|w| match (w[0], w[1]) {
                (Some(a), Some(b)) => Some((u64::from(a) << 32) | u64::from(b)),
                _ => None,
            })
            .collect();
        bigrams.dedup();
        Ok(ClaimReading { terms, bigrams, scan: sc })
    }

    /// The share of the claim's terms found in sentence `s`, and which.
    fn overlap(&self, read: &ClaimReading, s: &Sent) -> (f64, usize) {
        let found =
            read.terms.iter().filter(|t| t.id.is_some_and(|id| s.stems.binary_search(&id).is_ok())).count();
        (ratio(found, read.terms.len()), found)
    }

    fn measure(&self, read: &ClaimReading) -> StanceFeatures {
        let mut f = FeatureWriter::default();
        let n_terms = read.terms.len();
        let cs = &read.scan;
        // The claim.
        f.push(n_terms as f32);
        f.push(cs.count(|g| g.is_refuting()) as f32);
        f.push(cs.count(|g| g.is_uncertain()) as f32);
        f.push(cs.count(|g| g.is_affirming()) as f32);
        f.push(cs.negations.len() as f32);
        f.push(flag(cs.question));
        f.push(cs.reporting.len() as f32);
        // How much of the claim the document holds.
        let in_doc = read.terms.iter().filter(|t| t.id.is_some()).count();
        f.push(ratio(in_doc, n_terms) as f32);
        let lead: Vec<usize> = (0..self.sents.len())
            .filter(|&i| self.sents[i].kind != SentenceKind::Boilerplate)
            .take(3)
            .collect();
        let in_lead = read
            .terms
            .iter()
            .filter(|t| {
                t.id.is_some_and(|id| lead.iter().any(|&i| self.sents[i].stems.binary_search(&id).is_ok()))
            })
            .count();
        f.push(ratio(in_lead, n_terms) as f32);
        let mut overlaps: Vec<(f64, usize)> =
            self.sents.iter().enumerate().map(|(i, s)| (self.overlap(read, s).0, i)).collect();
        overlaps.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let best = overlaps.first().copied();
        f.push(best.map_or(0.0, |b| b.0) as f32);
        f.push(overlaps.get(1).map_or(0.0, |b| b.0) as f32);
        let numbers: Vec<&ClaimTerm> = read.terms.iter().filter(|t| t.number).collect();
        f.push(if numbers.is_empty() {
            -1.0
        } else {
            ratio(numbers.iter().filter(|t| t.id.is_some()).count(), numbers.len()) as f32
        });
        let names: Vec<&ClaimTerm> = read.terms.iter().filter(|t| t.name).collect();
        f.push(if names.is_empty() {
            -1.0
        } else {
            ratio(names.iter().filter(|t| t.id.is_some()).count(), names.len()) as f32
        });
        let n_bi = read.bigrams.len();
        let bi_in_doc =
            read.bigrams.iter().filter(|b| b.is_some_and(|b| self.bigrams.binary_search(&b).is_ok())).count();
        f.push(if n_bi == 0 { -1.0 } else { ratio(bi_in_doc, n_bi) as f32 });
        let best_bi = self
            .sents
            .iter()
            .map(|s| {
                read.bigrams.iter().filter(|b| b.is_some_and(|b| s.bigrams.binary_search(&b).is_ok())).count()
            })
            .max()
            .unwrap_or(0);
        f.push(if n_bi == 0 { -1.0 } else { ratio(best_bi, n_bi) as f32 });
        let tf_mean = read
            .terms
            .iter()
            .map(|t| t.id.map_or(0.0, |id| (1.0 + f64::from(self.tf[id as usize])).ln()))
            .sum::<f64>()
            / n_terms.max(1) as f64;
        f.push(tf_mean as f32);
        let related: Vec<(f64, usize)> = overlaps
            .iter()
            .copied()
            .filter(|&(o, i)| o >= EVIDENCE_OVERLAP && self.overlap(read, &self.sents[i]).1 >= 2.min(n_terms))
            .collect();
        let n_sents = self.sents.len().max(1);
        f.push(ratio(related.len(), n_sents) as f32);
        f.push(best.map_or(1.0, |b| b.1 as f64 / n_sents as f64) as f32);
        // The document as a whole.
        let per = |x: usize| (x as f64 / n_sents as f64) as f32;
        f.push((1.0 + self.sents.len() as f32).ln());
        let sum = |g: &dyn Fn(&Sent) -> usize| self.sents.iter().map(g).sum::<usize>();
        f.push(per(sum(&|s| s.scan.count(|g| g.is_refuting()))));
        f.push(per(sum(&|s| s.scan.count(|g| g.is_uncertain()))));
        f.push(per(sum(&|s| s.scan.count(|g| g.is_affirming()))));
        f.push(per(sum(&|s| s.scan.negations.len())));
        f.push(per(sum(&|s| usize::from(s.scan.question))));
        f.push(per(sum(&|s| usize::from(s.attributed))));
        f.push(per(sum(&|s| usize::from(s.distancing))));
        f.push(per(sum(&|s| usize::from(s.denial))));
        f.push(per(sum(&|s| usize::from(s.hedged))));
        f.push(lead.iter().map(|&i| self.sents[i].scan.count(|g| g.is_refuting())).sum::<usize>() as f32);
        // The sentences closest to the claim.
        let top: Vec<(f64, &Sent)> = related.iter().take(3).map(|&(o, i)| (o, &self.sents[i])).collect();
        let weight: f64 = top.iter().map(|t| t.0).sum();
        let mean = |g: &dyn Fn(&Sent) -> f64| -> f32 {
            if weight == 0.0 { 0.0 } else { (top.iter().map(|(o, s)| o * g(s)).sum::<f64>() / weight) as f32 }
        };
        let negated_share = |s: &Sent| {
            let matched: Vec<&ClaimTerm> = read
                .terms
                .iter()
                .filter(|t| t.id.is_some_and(|id| s.stems.binary_search(&id).is_ok()))
                .collect();
            let neg = matched
                .iter()
                .filter(|t| t.id.is_some_and(|id| s.negated.binary_search(&id).is_ok()))
                .count();
            ratio(neg, matched.len())
        };
        let refuting = |s: &Sent| s.scan.count(|g| g.is_refuting()).min(3) as f64;
        let uncertain = |s: &Sent| s.scan.count(|g| g.is_uncertain()).min(3) as f64;
        f.push(mean(&refuting));
        f.push(mean(&uncertain));
        f.push(mean(&|s| s.scan.count(|g| g.is_affirming()).min(3) as f64));
        f.push(mean(&negated_share));
        f.push(mean(&|s| flag64(s.attributed)));
        f.push(mean(&|s| flag64(s.denial)));
        f.push(mean(&|s| flag64(s.scan.question)));
        f.push(mean(&|s| flag64(s.hedged)));
        let best_sent = best.map(|b| &self.sents[b.1]);
        f.push(best_sent.map_or(0.0, |s| refuting(s) as f32));
        f.push(best_sent.map_or(0.0, |s| negated_share(s) as f32));
        f.push(best_sent.map_or(0.0, |s| uncertain(s) as f32));
        f.push(best_sent.map_or(0.0, |s| flag(s.attributed)));
        // Polarity: does the claim negate what the document's closest
        // sentence states, or the other way round?
        let claim_refutes = cs.count(|g| g.is_refuting()) + cs.negations.len();
        let doc_refutes: u32 = self.refuting_words.iter().sum();
        f.push((claim_refutes % 2) as f32);
        f.push((doc_refutes % 2) as f32);
        let mismatch = best_sent.map_or(0.0, |s| {
            let matched: Vec<&ClaimTerm> = read
                .terms
                .iter()
                .filter(|t| t.id.is_some_and(|id| s.stems.binary_search(&id).is_ok()))
                .collect();
            let differ = matched
                .iter()
                .filter(|t| t.id.is_some_and(|id| s.negated.binary_search(&id).is_ok()) != t.negated)
                .count();
            ratio(differ, matched.len())
        });
        f.push(mismatch as f32);
        // Directed: the document negates what the claim asserts, or asserts
        // what the claim negates.
        let directed = |want_doc: bool| {
            best_sent.map_or(0.0, |s| {
                let matched: Vec<&ClaimTerm> = read
                    .terms
                    .iter()
                    .filter(|t| t.id.is_some_and(|id| s.stems.binary_search(&id).is_ok()))
                    .collect();
                let n = matched
                    .iter()
                    .filter(|t| {
                        let doc = t.id.is_some_and(|id| s.negated.binary_search(&id).is_ok());
                        doc == want_doc && t.negated != want_doc
                    })
                    .count();
                ratio(n, matched.len()) as f32
            })
        };
        f.push(directed(true));
        f.push(directed(false));
        f.push(lead.first().map_or(0.0, |&i| self.sents[i].scan.negations.len() as f32));
        f.push(per(sum(&|s| s.scan.reporting.len())));
        f.push(mean(&|s| s.scan.reporting.len().min(3) as f64));
        // "Police: the bridge is closed": a source named before a colon.
        f.push(lead.first().map_or(0.0, |&i| flag(self.sents[i].colon_source)));
        // A headline's own hedges: hedging words, a question, a source
        // named before a colon or after one, attribution, hedged modality.
        // The first two sentences, boilerplate or not ("Source: …" can read
        // as a credit line).
        let opening: Vec<&Sent> = self.sents.iter().take(2).collect();
        f.push(flag(opening.iter().any(|s| s.trailing_source)));
        f.push(flag(opening.iter().any(|s| s.source_noun)));
        f.push(flag(opening.iter().any(|s| s.span.slice(&self.text).contains('?'))));
        let hedging: usize = opening
            .iter()
            .map(|s| {
                s.scan.count(|g| g.is_uncertain()).min(3)
                    + usize::from(s.scan.question)
                    + usize::from(s.attributed)
                    + usize::from(s.distancing)
                    + usize::from(s.colon_source)
                    + usize::from(s.trailing_source)
                    + usize::from(s.hedged)
            })
            .sum();
        f.push(hedging as f32);
        // Sentences that call something false or deny it: in the
        // document's own voice among those that share a word with the
        // claim, and in any voice as a share of the related sentences.
        let refutes = |s: &Sent| s.denial || s.scan.count(|g| g.is_refuting()) > 0;
        let own = self
            .sents
            .iter()
            .filter(|s| !s.attributed && refutes(s))
            .filter(|s| read.terms.iter().any(|t| t.id.is_some_and(|id| s.stems.binary_search(&id).is_ok())))
            .count();
        f.push(own.min(3) as f32);
        let related_refuting = related.iter().filter(|&&(_, i)| refutes(&self.sents[i])).count();
        f.push(if related.is_empty() { -1.0 } else { ratio(related_refuting, related.len()) as f32 });
        // Its length in words, and whether it is a short document.
        f.push((1.0 + self.words as f32).ln());
        f.push(flag(self.words <= SHORT_DOCUMENT_WORDS));
        // Each refuting word, in the claim and in the document.
        let mut in_claim = vec![0u32; REFUTING.len()];
        for h in &cs.hits {
            if let Group::Refuting(Some(w)) = h.group {
                in_claim[w] += 1;
            }
        }
        for c in in_claim {
            f.push(c.min(3) as f32);
        }
        for &c in self.refuting_words.iter().chain(&self.uncertain_words).chain(&self.affirming_words) {
            f.push(c.min(5) as f32);
        }
        StanceFeatures { values: f.values }
    }

    fn evidence(&self, read: &ClaimReading, claim: &str) -> Vec<Evidence> {
        let n_terms = read.terms.len();
        let mut scored: Vec<(f64, usize, usize)> = self
            .sents
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let (o, found) = self.overlap(read, s);
                (o, found, i)
            })
            .filter(|&(o, found, _)| o >= EVIDENCE_OVERLAP && found >= 2.min(n_terms))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
        scored.truncate(MAX_EVIDENCE);
        let _ = claim;
        scored
            .into_iter()
            .map(|(o, _, i)| {
                let s = &self.sents[i];
                let shared: Vec<&ClaimTerm> = read
                    .terms
                    .iter()
                    .filter(|t| t.id.is_some_and(|id| s.stems.binary_search(&id).is_ok()))
                    .collect();
                let negated: Vec<&ClaimTerm> = shared
                    .iter()
                    .copied()
                    .filter(|t| t.id.is_some_and(|id| s.negated.binary_search(&id).is_ok()) != t.negated)
                    .collect();
                let marker = |span: Span| Marker { text: span.slice(&self.text).to_string(), span };
                let refuting: Vec<Marker> =
                    s.scan.hits.iter().filter(|h| h.group.is_refuting()).map(|h| marker(h.span)).collect();
                let uncertain: Vec<Marker> =
                    s.scan.hits.iter().filter(|h| h.group.is_uncertain()).map(|h| marker(h.span)).collect();
                let words = shared.iter().map(|t| t.written.as_str()).collect::<Vec<_>>();
                let (kind, cues, why) = if !refuting.is_empty() || s.denial {
                    let mut cues = refuting;
                    cues.extend(s.denials.iter().cloned());
                    cues.sort();
                    cues.dedup();
                    let why = format!("calls it false: {}", quote_list(&cues));
                    (EvidenceKind::Refutes, cues, why)
                } else if !negated.is_empty() {
                    let cues: Vec<Marker> = s.scan.negations.iter().map(|&sp| marker(sp)).collect();
                    let why = format!(
                        "negates {} ({})",
                        negated.iter().map(|t| format!("\"{}\"", t.written)).collect::<Vec<_>>().join(", "),
                        quote_list(&cues)
                    );
                    (EvidenceKind::Refutes, cues, why)
                } else if s.scan.question || s.hedge_words || !uncertain.is_empty() {
                    let mut cues = uncertain;
                    cues.sort();
                    cues.dedup();
                    let why = if s.scan.question && cues.is_empty() {
                        "asks whether it is so".to_string()
                    } else {
                        format!("hedges: {}", quote_list(&cues))
                    };
                    (EvidenceKind::Hedges, cues, why)
                } else if s.attributed {
                    let why = format!("attributes it: {}", quote_list(&s.cues));
                    (EvidenceKind::Reports, s.cues.clone(), why)
                } else {
                    (EvidenceKind::Restates, Vec::new(), "states it in its own voice".to_string())
                };
                Evidence {
                    kind,
                    span: s.span,
                    text: s.span.slice(&self.text).to_string(),
                    sentence: i,
                    overlap: (o * 1000.0).round() / 1000.0,
                    shared: words.into_iter().map(str::to_string).collect(),
                    cues,
                    why: format!("shares {} of {} claim words; {}", shared.len(), n_terms, why),
                }
            })
            .collect()
    }
}

/// Where the tokens of a sentence end with a short source after a colon
/// or a spaced dash, the way headlines name where they have a story from:
/// "Launch has a new timetable: analyst", "Talks collapse - news agency".
/// At least three words must come before, and one to three words (no
/// numbers) after. The token of the colon or dash.
fn trailing_source(toks: &[text::Token], text: &str) -> Option<usize> {
    let spaced = |t: &text::Token| text[..t.span.start].ends_with(char::is_whitespace);
    let k = toks.iter().rposition(|t| t.is_punct(":") || (t.is_punct("-") && spaced(t)))?;
    let before = toks[..k].iter().filter(|t| t.is_word()).count();
    let after: Vec<&text::Token> =
        toks[k + 1..].iter().filter(|t| !(t.kind == TokenKind::Punct || t.is_quote())).collect();
    (before >= 3 && (1..=3).contains(&after.len()) && after.iter().all(|t| t.is_word())).then_some(k)
}

/// Whether the words before a colon near the start of a sentence, or after
/// the colon or spaced dash of a trailing source (`trailing`, from
/// [`trailing_source`]), hold a word that names a source:
/// an unnamed source of the lexicon ("officials", "sources") or a word for
/// a report or an analysis ("Report: …", "…: analyst").
fn source_noun(
    toks: &[text::Token],
    stems: &[CompactString],
    trailing: Option<usize>,
    lex: &Lexicon,
) -> bool {
    const MORE: &[&str] = &["report", "analyst", "study", "survey", "poll", "paper", "newspaper", "insider"];
    let names = |range: std::ops::Range<usize>| {
        range.clone().any(|k| {
            toks[k].is_word()
                && (MORE.contains(&stems[k].as_str())
                    || lex
                        .lookup(
                            &toks[k..range.end].iter().map(|t| t.norm.as_str()).collect::<Vec<_>>(),
                            &stems[k..range.end],
                        )
                        .iter()
                        .any(|(_, e)| matches!(e, crate::lexicon::Entry::UnnamedSource)))
        })
    };
    let leading = toks.iter().take(5).position(|t| t.is_punct(":"));
    if leading.is_some_and(|k| k > 0 && names(0..k)) {
        return true;
    }
    trailing.is_some_and(|k| names(k + 1..toks.len()))
}

fn quote_list(cues: &[Marker]) -> String {
    if cues.is_empty() {
        return "no cue word".to_string();
    }
    cues.iter().map(|c| format!("\"{}\"", c.text)).collect::<Vec<_>>().join(", ")
}

/// One content word of the claim.
#[derive(Clone, Debug)]
struct ClaimTerm {
    stem: String,
    /// Its id in the document's vocabulary, if the document has it.
    id: Option<u32>,
    written: String,
    number: bool,
    /// A capitalised word inside a sentence-case claim: likely a name.
    name: bool,
    /// Under a negation in the claim.
    negated: bool,
}

/// The claim, read once per question.
#[derive(Clone, Debug)]
struct ClaimReading {
    terms: Vec<ClaimTerm>,
    /// Consecutive content stems, as document bigram keys (`None` when the
    /// document lacks a stem).
    bigrams: Vec<Option<u64>>,
    scan: Scan,
}

#[derive(Default)]
struct FeatureWriter {
    values: Vec<f32>,
}

impl FeatureWriter {
    fn push(&mut self, v: f32) {
        self.values.push(if v.is_finite() { v } else { 0.0 });
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

fn flag(b: bool) -> f32 {
    if b { 1.0 } else { 0.0 }
}

fn flag64(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

/// Names of the fixed features, in order; per-word features follow.
const FIXED_FEATURES: &[&str] = &[
    "claim_words",
    "claim_refuting",
    "claim_uncertain",
    "claim_affirming",
    "claim_negations",
    "claim_question",
    "claim_reporting",
    "doc_overlap",
    "lead_overlap",
    "best_overlap",
    "second_overlap",
    "number_overlap",
    "name_overlap",
    "bigram_overlap",
    "best_bigram_overlap",
    "claim_word_frequency",
    "related_sentences",
    "best_position",
    "doc_sentences",
    "doc_refuting",
    "doc_uncertain",
    "doc_affirming",
    "doc_negations",
    "doc_questions",
    "doc_attributed",
    "doc_distancing",
    "doc_denials",
    "doc_hedged",
    "lead_refuting",
    "related_refuting",
    "related_uncertain",
    "related_affirming",
    "related_negated",
    "related_attributed",
    "related_denial",
    "related_question",
    "related_hedged",
    "best_refuting",
    "best_negated",
    "best_uncertain",
    "best_attributed",
    "claim_polarity",
    "doc_polarity",
    "negation_mismatch",
    "doc_negates_claim",
    "doc_affirms_negated_claim",
    "lead_negations",
    "doc_reporting",
    "related_reporting",
    "lead_colon_source",
    "lead_trailing_source",
    "lead_source_noun",
    "lead_question",
    "lead_hedging",
    "own_voice_refuting",
    "related_refuting_share",
    "doc_words",
    "short_document",
];

static FEATURE_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut names: Vec<String> = FIXED_FEATURES.iter().map(|s| s.to_string()).collect();
    names.extend(REFUTING.iter().map(|w| format!("claim_says:{w}")));
    names.extend(REFUTING.iter().chain(UNCERTAIN).chain(AFFIRMING).map(|w| format!("doc_says:{w}")));
    names
});

/// The measurements of a document and a claim that a [`StanceModel`]
/// reads, by name. See [`StanceFeatures::names`] for the list; they are
/// described in `notes/stance.md`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StanceFeatures {
    values: Vec<f32>,
}

impl StanceFeatures {
    /// The feature names, in the order of [`StanceFeatures::values`].
    ///
    /// ```
    /// let names = claimgraph::StanceFeatures::names();
    /// assert!(names.iter().any(|n| n == "best_overlap"));
    /// assert!(names.iter().any(|n| n == "doc_says:hoax"));
    /// ```
    pub fn names() -> &'static [String] {
        &FEATURE_NAMES
    }

    /// The values, in the order of [`StanceFeatures::names`]; all finite.
    pub fn values(&self) -> &[f32] {
        &self.values
    }

    /// The value of the feature called `name`.
    pub fn get(&self, name: &str) -> Option<f32> {
        let i = StanceFeatures::names().iter().position(|n| n == name)?;
        self.values.get(i).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(text: &str) -> StanceIndex {
        StanceIndex::new(&Document::new("t", "Outlet", text)).unwrap()
    }

    #[test]
    fn feature_vector_matches_names() {
        let idx = index("Police said the road was closed. It was not reopened until Friday.");
        let f = idx.features("The road was closed").unwrap();
        assert_eq!(f.values().len(), StanceFeatures::names().len());
        assert!(f.values().iter().all(|v| v.is_finite()));
    }

    #[test]
    fn empty_claim_is_an_error() {
        let idx = index("The road was closed.");
        assert!(matches!(idx.stance("  "), Err(Error::InvalidClaim { .. })));
        assert!(matches!(idx.stance("the of and ?"), Err(Error::InvalidClaim { .. })));
    }

    #[test]
    fn negation_reaches_only_its_clause() {
        let idx = index("The council did not approve the budget, but the mayor signed the decree.");
        let f = idx.features("The mayor signed the decree").unwrap();
        assert_eq!(f.get("best_negated"), Some(0.0));
        let f = idx.features("The council approved the budget").unwrap();
        assert!(f.get("best_negated").unwrap() > 0.0);
    }
}
