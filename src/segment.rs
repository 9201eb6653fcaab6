//! Sentence segmentation of news text.
//!
//! [`segment`] splits a document into [`Sentence`]s: byte [`Span`]s into the
//! text, each tagged with a [`SentenceKind`] (body text, headline, or page
//! boilerplate) and the index of the paragraph it belongs to.
//!
//! # Pipeline
//!
//! 1. **Lines.** The text is cut into lines at `\n`, `\r\n`, a lone `\r`,
//!    `U+000B`, `U+000C`, `U+0085`, `U+2028` and `U+2029`. A line holding only
//!    whitespace is a blank line; `U+000C` and `U+2029` count as a blank line
//!    too.
//! 2. **Blocks.** News text copied from a web page ends a paragraph, a
//!    headline, a caption or a boilerplate line with a line break, and often
//!    without final punctuation. So every line break is a sentence boundary
//!    and every non-blank line is its own block (paragraph) — unless the
//!    document is *hard-wrapped* (e-mail style), in which case the lines of a
//!    paragraph are joined into one block. The hard-wrap test, run once per
//!    document, looks at the *inner lines* (non-blank lines followed by
//!    another non-blank line). The document is hard-wrapped when
//!    * there are at least 3 inner lines;
//!    * the wrap width `W`, taken as the 90th percentile of inner line
//!      lengths (in chars), is between 30 and 120;
//!    * at least 75 % of inner lines are consistent with greedy wrapping at
//!      `W`: the first word of the next line would not have fitted
//!      (`len + 1 + next_word_len > W`);
//!    * fewer than half of the inner lines end in terminal punctuation
//!      (`.`, `!`, `?`, `…`, `:` or `;`, possibly before closing quotes).
//!
//!    In a hard-wrapped document a line break is joined only where it passes
//!    that same greedy-wrap test, so a deliberate short line (`Best,` above a
//!    signature) still ends its block. Blank lines always end a block.
//! 3. **Datelines.** A block that opens with a dateline (`THE HAGUE ( —`,
//!    `PARIS (Agency) —`, `WASHINGTON, May 1. /AGENCY/.`) yields it as a
//!    separate [`SentenceKind::Boilerplate`] sentence and the body starts
//!    after it. The pattern is general: an ALL-CAPS place of 1–4 words,
//!    optionally `, <date>` and/or `, <Region>`, optionally `(Agency)` (or a
//!    bare `(`), then an em/en dash, `--`, a spaced hyphen, or an
//!    `/AGENCY/.` marker; the text after it must not start with a lowercase
//!    letter (so `NATO — the alliance …` is left alone).
//! 4. **Base splitting.** The rest of each block goes through
//!    [`sentencex::get_sentence_boundaries`] (English rules). sentencex
//!    already keeps most abbreviations (`U.S.`, `Gen.`, `Lt. Col.`, `Mr.`,
//!    `Dr.`, `Inc.`, `No. 10`, `vs.`, `Jan. 5`, `a.m.` + lowercase word,
//!    initials as in `John F. Kennedy`) and quotes followed by an
//!    attribution (`“We will respond. This is unacceptable,” the minister
//!    said.`) together, and splits `… at 10 a.m. He met …`. It also keeps a
//!    quote of several sentences together when nothing follows it in the
//!    paragraph; such a quote stays one sentence.
//! 5. **Repairs** of sentencex's known faults, applied to each split point:
//!    * a split not followed by whitespace is undone (`“…,” Outlet.Az
//!      quoted him as saying.` is one sentence), except after
//!      a CJK/Indic full stop, which needs no space;
//!    * a split after a personal title before a capitalised word is undone
//!      (`Ms. Novak`, `Amb. Smith`, `Ft. Worth`; sentencex confuses some
//!      of these with degrees and units), as is any split after `vs.`/`v.`;
//!    * a split after `a.m.`/`p.m.` before a weekday, a month or a time-zone
//!      abbreviation is undone (`at 5 p.m. Tuesday`);
//!    * a split after a quote that ends in `!` or `?` is undone when a short
//!      attribution follows (a reporting verb or "ask" after one to four
//!      words, at most ten words: `“Why now?” The minister asked.`).
//! 6. **Kinds.** See [`SentenceKind`]. Boilerplate is recognised by general
//!    patterns of page furniture, never by the name of a site. Any sentence
//!    can be a subscription prompt (`… in your inbox`, `Subscribe …`,
//!    `Sign up …`, `Follow us …`, `Share this …`, `…: become a member`),
//!    `Read more …`, or a credit (`© …`, `/ Courtesy`, `Photo: …`,
//!    `Credit: …`, `(Agency/Name)`, `(Reporting by …)`). A sentence that is
//!    a whole line can also be `comments`, `All news`, a one-word widget
//!    (`Share`, `Print` …), an update stamp (`Updated at:`,
//!    `Last update: <date time>`), a date or date-and-time alone,
//!    `<word> logo`, a reading time, a breadcrumb or section bar
//!    (`Home / World / Europe`), a contact line (`Label: a@b.org`), a byline
//!    (`By Name and Name`, `By Outlet | <date>`, `By Name <date>`,
//!    `By Name, staff writer`), a signature (`Board of X, 18 January 2023`,
//!    `Name — 12.09.2024`), or an image credit (`… Name/Pool via AP`).
//!    Datelines are boilerplate too. A headline is a standalone line of 2–25
//!    words without terminal punctuation (nor a final `:`, `;` or `,`), not
//!    in parentheses, whose content words (all but articles, conjunctions and
//!    short prepositions) are more than two-thirds capitalised; a title-case
//!    line directly above an image credit is a caption, hence body.
//!    Everything else, and everything unsure, is body.
//!
//! # Limitations
//!
//! * Sentence-case headlines (`Top diplomat urges talks`) are body: only
//!   title case is taken as a headline signal.
//! * A title-case caption line is a headline unless the next line is an
//!   image credit.
//! * Abbreviations that end a sentence before a capitalised word other than
//!   a common sentence opener may still be joined by sentencex
//!   (`… Jones Inc. Fruits …`).
//! * Lines longer than 16 KiB get forced boundaries (see *Performance*).
//!
//! # Whitespace
//!
//! "Whitespace" here means Unicode `White_Space` (so including NBSP) plus the
//! invisible format characters that behave like it at a sentence edge: the
//! byte-order mark `U+FEFF`, the zero-width space, joiners and direction
//! marks (`U+200B`–`U+200F`), the bidi embedding and isolate controls, the
//! word joiner (`U+2060`–`U+2064`) and `U+180E`. Sentences are trimmed of it
//! and together cover every other character of the text exactly once.
//!
//! # Performance
//!
//! Everything here is linear in the size of the text. sentencex itself is
//! not: on a long run without paragraph breaks its cost grows
//! quadratically for some inputs (a 1 MB line of `“Open. Quote. ` took
//! 13.5 s, one of mixed punctuation 5.9 s, a 1 MB list of `1. item` lines
//! 5.2 s). Blocks are therefore fed to it in chunks of at most 16 KiB, cut
//! at the last `word. ` (terminator after a lowercase word, then whitespace)
//! in the second half of the window, else at the last whitespace, else at a
//! char boundary. A cut is a forced sentence boundary,
//! which only matters for lines longer than that; a cut that is not
//! followed by whitespace is undone by the first repair above.

use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::{LazyLock, OnceLock};

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson;
use regex_automata::nfa::thompson::pikevm::PikeVM;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input};
use regex_syntax::ast::{Ast, GroupKind};
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Literal};
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What a sentence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SentenceKind {
    /// Running text of the article, including captions and anything unsure.
    Body,
    /// A standalone title-case line without terminal punctuation, e.g.
    /// `Ministers Reject Calls to Reopen the Border Crossing`.
    Headline,
    /// Page furniture: datelines, bylines, date stamps, image credits,
    /// subscription prompts, `Read more`, `Advertisement`, and the like.
    Boilerplate,
}

/// One sentence of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where the sentence lies in the text: non-empty, on char boundaries,
    /// trimmed of surrounding whitespace.
    pub span: Span,
    /// What the sentence is.
    pub kind: SentenceKind,
    /// Index of the paragraph (block) the sentence belongs to, counted from 0
    /// over paragraphs that hold at least one sentence. It increases at blank
    /// lines, and at single line breaks unless the text is hard-wrapped.
    pub paragraph: usize,
}

/// Longest piece of text handed to sentencex in one call, in bytes.
///
/// sentencex is superlinear on some long runs without paragraph breaks;
/// capping its input keeps [`segment`] linear. See the module docs.
const MAX_CHUNK: usize = 16 * 1024;

/// Sentences longer than this (in bytes) are never boilerplate or headlines,
/// which keeps the classification patterns off long body text.
const MAX_CLASSIFIED_LEN: usize = 400;

/// Splits `text` into sentences, in order.
///
/// See the [module documentation](self) for the rules. Never panics.
///
/// ```
/// use claimgraph::segment::{segment, SentenceKind};
///
/// let text = "Border Talks\n\n\
///             PARIS (Agency) — The talks ended. “We will respond. \
///             This is unacceptable,” the minister said.\n\
///             Read more";
/// let got: Vec<(SentenceKind, &str, usize)> = segment(text)
///     .iter()
///     .map(|s| (s.kind, s.span.slice(text), s.paragraph))
///     .collect();
/// assert_eq!(
///     got,
///     [
///         (SentenceKind::Headline, "Border Talks", 0),
///         (SentenceKind::Boilerplate, "PARIS (Agency) —", 1),
///         (SentenceKind::Body, "The talks ended.", 1),
///         (
///             SentenceKind::Body,
///             "“We will respond. This is unacceptable,” the minister said.",
///             1
///         ),
///         (SentenceKind::Boilerplate, "Read more", 2),
///     ]
/// );
/// ```
#[must_use]
pub fn segment(text: &str) -> Vec<Sentence> {
    let lines = split_lines(text);
    let wrap_width = hard_wrap_width(text, &lines);
    let blocks = build_blocks(text, &lines, wrap_width);

    let mut sentences = Vec::new();
    let mut infos: Vec<BlockInfo> = Vec::with_capacity(blocks.len());
    let mut spans = Vec::new();
    let mut splits = Vec::new();
    for block in &blocks {
        let paragraph = infos.len();
        let first = sentences.len();
        let dateline = segment_block(text, block.span, &mut spans, &mut splits);
        for (i, &span) in spans.iter().enumerate() {
            let kind = if dateline && i == 0 { SentenceKind::Boilerplate } else { SentenceKind::Body };
            sentences.push(Sentence { span, kind, paragraph });
        }
        if sentences.len() > first {
            infos.push(BlockInfo {
                first,
                end: sentences.len(),
                dateline,
                line_break_before: block.line_break_before,
            });
        }
    }
    classify(text, &mut sentences, &infos);
    sentences
}

// ---------------------------------------------------------------------------
// Characters
// ---------------------------------------------------------------------------

/// Whether `c` counts as whitespace at a sentence edge (see module docs).
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// Shrinks `start..end` of `text` past blank chars on both sides.
fn trim_span(text: &str, start: usize, end: usize) -> Span {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start_matches(is_blank).len();
    let kept = piece[lead..].trim_end_matches(is_blank).len();
    Span::new(start + lead, start + lead + kept)
}

/// Closing quotes and brackets that may follow a sentence's final punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '*')
}

/// Whether `s` ends with `.`, `!`, `?` or `…`, possibly followed by closing
/// quotes or brackets.
fn ends_with_terminal(s: &str) -> bool {
    s.trim_end_matches(is_closer).ends_with(['.', '!', '?', '…', '。', '！', '？', '｡', '؟', '।', '॥', '።'])
}

/// Sentence terminators of scripts that write no space after them.
fn ends_with_spaceless_terminal(s: &str) -> bool {
    s.trim_end_matches(is_closer).ends_with(['。', '！', '？', '｡', '।', '॥', '።'])
}

// ---------------------------------------------------------------------------
// Lines and blocks
// ---------------------------------------------------------------------------

/// One line of the text: `start..end` excludes the line terminator.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    blank: bool,
    /// The terminator is itself a paragraph break (`U+000C`, `U+2029`).
    para_break: bool,
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut push = |start: usize, end: usize, para_break: bool| {
        let blank = text[start..end].chars().all(is_blank);
        lines.push(Line { start, end, blank, para_break });
    };
    // By bytes: the terminators are `\n`, `\r` (or `\r\n`), U+000B and
    // U+000C, and U+0085 (0xC2 0x85), U+2028 and U+2029 (0xE2 0x80 0xA8
    // and 0xA9). 0xC2 and 0xE2 are lead bytes, never inside a character.
    // The bytes that can start one are found with `memchr`, in two
    // searches of three bytes each, merged in order.
    let bytes = text.as_bytes();
    let mut common = memchr::memchr3_iter(b'\n', b'\r', 0xE2, bytes).peekable();
    let mut rare = memchr::memchr3_iter(0x0B, 0x0C, 0xC2, bytes).peekable();
    loop {
        let i = match (common.peek(), rare.peek()) {
            (Some(&c), Some(&r)) if r < c => rare.next(),
            (Some(_), _) => common.next(),
            (None, _) => rare.next(),
        };
        let Some(i) = i else { break };
        if i < start {
            // The `\n` of a `\r\n`.
            continue;
        }
        let next = |k: usize| bytes.get(i + k).copied();
        let (len, para_break) = match bytes[i] {
            b'\n' | 0x0B => (1, false),
            b'\r' => (if next(1) == Some(b'\n') { 2 } else { 1 }, false),
            0x0C => (1, true),
            0xC2 if next(1) == Some(0x85) => (2, false),
            0xE2 if next(1) == Some(0x80) && matches!(next(2), Some(0xA8 | 0xA9)) => {
                (3, next(2) == Some(0xA9))
            }
            _ => continue,
        };
        push(start, i, para_break);
        start = i + len;
    }
    if start < text.len() {
        push(start, text.len(), false);
    }
    lines
}

/// Length in chars of a line without trailing blanks.
fn line_len(text: &str, line: Line) -> usize {
    text[line.start..line.end].trim_end_matches(is_blank).chars().count()
}

/// Length in chars of the first word of a line.
fn first_word_len(text: &str, line: Line) -> usize {
    text[line.start..line.end].trim_start_matches(is_blank).chars().take_while(|&c| !is_blank(c)).count()
}

/// Whether line `i` is followed, within the same paragraph, by another line.
fn is_inner(lines: &[Line], i: usize) -> bool {
    !lines[i].blank && !lines[i].para_break && lines.get(i + 1).is_some_and(|n| !n.blank)
}

/// The wrap width if the document looks hard-wrapped, else `None`.
/// The heuristic is described in the module docs.
fn hard_wrap_width(text: &str, lines: &[Line]) -> Option<usize> {
    let mut lens = Vec::new();
    let mut next_words = Vec::new();
    let mut terminal = 0usize;
    for i in 0..lines.len() {
        if !is_inner(lines, i) {
            continue;
        }
        let line = lines[i];
        lens.push(line_len(text, line));
        next_words.push(first_word_len(text, lines[i + 1]));
        if ends_with_terminal(text[line.start..line.end].trim_end_matches(is_blank))
            || text[line.start..line.end].trim_end_matches(is_blank).ends_with([':', ';'])
        {
            terminal += 1;
        }
    }
    let n = lens.len();
    if n < 3 {
        return None;
    }
    let mut sorted = lens.clone();
    let k = ((n - 1) * 9).div_ceil(10);
    let width = *sorted.select_nth_unstable(k).1;
    if !(30..=120).contains(&width) {
        return None;
    }
    let greedy = lens.iter().zip(&next_words).filter(|&(&len, &next)| len + 1 + next > width).count();
    (greedy * 4 >= n * 3 && terminal * 2 < n).then_some(width)
}

/// A paragraph: a line, or joined lines of hard-wrapped text.
#[derive(Clone, Copy, Debug)]
struct Block {
    span: Span,
    /// Separated from the previous block by a single line break only.
    line_break_before: bool,
}

fn build_blocks(text: &str, lines: &[Line], wrap_width: Option<usize>) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let mut line_break_before = false;
    for (i, &line) in lines.iter().enumerate() {
        if line.blank {
            line_break_before = false;
            continue;
        }
        let block = current.get_or_insert(Block { span: Span::new(line.start, line.end), line_break_before });
        block.span.end = line.end;
        let join = wrap_width.is_some_and(|width| {
            is_inner(lines, i) && line_len(text, line) + 1 + first_word_len(text, lines[i + 1]) > width
        });
        if !join {
            blocks.extend(current.take());
            line_break_before = !line.para_break;
        }
    }
    blocks.extend(current);
    blocks
}

// ---------------------------------------------------------------------------
// Splitting one block
// ---------------------------------------------------------------------------

/// Splits one block into trimmed sentence spans (written to `spans`).
/// Returns whether the first span is a dateline.
fn segment_block(text: &str, block: Span, spans: &mut Vec<Span>, splits: &mut Vec<usize>) -> bool {
    spans.clear();
    let block = trim_span(text, block.start, block.end);
    if block.is_empty() {
        return false;
    }
    let mut body_start = block.start;
    let dateline = dateline_len(block.slice(text)).map(|len| {
        spans.push(trim_span(text, block.start, block.start + len));
        body_start = block.start + len;
    });
    let body = trim_span(text, body_start, block.end);
    if body.is_empty() {
        return dateline.is_some();
    }

    splits.clear();
    sentencex_splits(text, body, splits);
    let mut current: Option<Span> = None;
    let mut start = body.start;
    for end in splits.iter().copied().chain([body.end]) {
        let piece = trim_span(text, start, end);
        start = end;
        if piece.is_empty() {
            continue;
        }
        current = Some(match current {
            Some(prev) if joins(text, prev, piece) => Span::new(prev.start, piece.end),
            Some(prev) => {
                spans.push(prev);
                piece
            }
            None => piece,
        });
    }
    spans.extend(current);
    dateline.is_some()
}

/// Runs sentencex over `body` in chunks of at most `MAX_CHUNK` bytes and
/// appends the split points (absolute, increasing, inside `body`).
fn sentencex_splits(text: &str, body: Span, splits: &mut Vec<usize>) {
    let mut pos = body.start;
    while pos < body.end {
        let end = if body.end - pos <= MAX_CHUNK { body.end } else { chunk_end(text, pos, pos + MAX_CHUNK) };
        let chunk = &text[pos..end];
        // sentencex is a dependency with many slicing operations and debug
        // assertions; a panic there must not escape `segment`. On failure
        // the chunk simply gets no splits.
        if let Ok(bounds) = std::panic::catch_unwind(|| sentencex::get_sentence_boundaries("en", chunk)) {
            for b in bounds {
                let at = pos + b.end_byte;
                if at > pos
                    && at < end
                    && text.is_char_boundary(at)
                    && splits.last().is_none_or(|&last| at > last)
                {
                    splits.push(at);
                }
            }
        }
        if end < body.end {
            splits.push(end);
        }
        pos = end;
    }
}

/// Where to cut a chunk starting at `lo` that may not reach past `hi`.
fn chunk_end(text: &str, lo: usize, hi: usize) -> usize {
    let hi = text.floor_char_boundary(hi);
    let bytes = text.as_bytes();
    let mid = lo + (hi - lo) / 2;
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    // A terminator after a lowercase word, then a space: almost surely a
    // sentence end, and not an abbreviation such as `U.S.` or `Mr.`.
    let sentence_end = (mid.max(lo + 3)..hi).rev().find(|&i| {
        is_space(bytes[i])
            && matches!(bytes[i - 1], b'.' | b'!' | b'?')
            && bytes[i - 2].is_ascii_lowercase()
            && bytes[i - 3].is_ascii_lowercase()
    });
    let space = || (mid..hi).rev().find(|&i| is_space(bytes[i]));
    match sentence_end.or_else(space) {
        Some(i) => i + 1,
        None if hi > lo => hi,
        // A single char longer than the window cannot happen (chars are at
        // most 4 bytes), but never return an empty chunk.
        None => text.ceil_char_boundary(lo + 1),
    }
}

/// Titles that, with a period, precede a name and so never end a sentence
/// before a capitalised word.
const TITLES: &[&str] = &[
    "Adm", "Amb", "Atty", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Cpt", "Dr", "Fr", "Ft", "Gen",
    "Gens", "Gov", "Govs", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mmes", "Mr", "Mrs", "Ms", "Mses", "Mt",
    "Mx", "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt", "Supt",
];

/// Words that follow `a.m.`/`p.m.` inside a sentence although capitalised:
/// weekdays, months and time zones.
const AFTER_TIME: &str = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday \
    January February March April May June July August September October November December \
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec \
    GMT UTC ET EST EDT CT CST CDT MT MST MDT PT PST PDT BST CET CEST EET EEST MSK IST JST";

/// Whether the split between the adjacent sentences `prev` and `next` must
/// be undone.
fn joins(text: &str, prev: Span, next: Span) -> bool {
    let before = prev.slice(text);
    // Rule: a boundary must be followed by whitespace.
    if prev.end == next.start && !ends_with_spaceless_terminal(before) {
        return true;
    }
    let after = next.slice(text);
    if attribution_after_quote(before, after) {
        return true;
    }
    let Some(stem) = before.strip_suffix('.') else {
        return false;
    };
    let word = stem.rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
    if matches!(word, "vs" | "v") {
        return true;
    }
    let next_word: &str = after
        .trim_start_matches(['“', '"', '‘', '\'', '(', '['])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let next_upper = next_word.chars().next().is_some_and(char::is_uppercase);
    if next_upper && TITLES.contains(&word) {
        return true;
    }
    let time = word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m");
    time && AFTER_TIME.split_whitespace().any(|w| w == next_word)
}

/// Whether `after` is the short attribution of a quote that ends in `!` or
/// `?` just before it: `“We will never be stopped!” Marr told the crowd.`,
/// `“Why now?” the minister asked.` A reporting verb after one to four
/// words, in at most ten words. (After `.` the split stands: `“…” The
/// minister left.`)
fn attribution_after_quote(before: &str, after: &str) -> bool {
    let body = before.trim_end_matches(['"', '\'', '”', '’', '»', '›']);
    if body.len() == before.len() || !body.ends_with(['!', '?']) {
        return false;
    }
    let words: Vec<String> = after
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .take(11)
        .collect();
    if words.len() > 10 {
        return false;
    }
    // The reporting verbs, and "ask" for questions.
    let reports = |w: &String| {
        crate::lexicon::SAY
            .iter()
            .chain(&["ask"])
            .any(|base| !base.contains(' ') && crate::lexicon::inflects(w, base))
    };
    words.iter().take(5).position(reports).is_some_and(|verb| verb > 0)
}

// ---------------------------------------------------------------------------
// Datelines
// ---------------------------------------------------------------------------

/// Month names, full and abbreviated (with optional period).
const MONTH: &str = r"(?i:january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)";
/// Weekday names, full and abbreviated.
const WEEKDAY: &str = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon\.?|tues?\.?|wed\.?|thu(?:rs?)?\.?|fri\.?|sat\.?|sun\.?)";

/// A calendar date in common English news formats.
fn date_pattern() -> String {
    format!(
        r"(?:{MONTH}[\t\p{{Zs}}]*\d{{1,2}}(?:st|nd|rd|th)?(?:,?[\t\p{{Zs}}]*\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?[\t\p{{Zs}}]+{MONTH}(?:,?[\t\p{{Zs}}]*\d{{4}})?|{MONTH}[\t\p{{Zs}}]+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}})"
    )
}

/// A date and/or a time of day, optionally with a weekday and a time zone.
fn datetime_pattern() -> String {
    let date = date_pattern();
    format!(
        r"(?:(?:{WEEKDAY},?\s*)?{date}(?:(?:\s*[,|/·•-]\s*|\s+(?i:at)\s+|\s*)(?:{TIME}))?|{TIME}(?:\s*[,|/·•-]?\s*(?:{WEEKDAY},?\s*)?{date})?)"
    )
}

/// The dateline pattern: a place in capitals, optional dates, places and
/// an agency in parentheses, then a dash or a slash.
fn dateline_pattern() -> String {
    let date = date_pattern();
    let h = r"[\t\p{Zs}]";
    let word = r"\p{Lu}[\p{Lu}\p{M}'’.\-]*";
    format!(
        r"^\p{{Lu}}[\p{{Lu}}\p{{M}}'’.\-]+(?:{h}+{word}){{0,3}}(?:,{h}*(?:{date}|\p{{Lu}}\p{{Ll}}+(?:{h}+\p{{Lu}}\p{{Ll}}+){{0,2}})){{0,2}}(?:{h}*\((?:[^()\n]{{1,40}}\))?)?(?:{h}*(?:—|–|--)|{h}+-{h}|\.?{h}*/\p{{L}}[\p{{L}}\-]{{1,19}}/\.?)"
    )
}

/// The dateline pattern and its needs: two capitals or the like to start
/// ("UK", "PARIS", "N.Y."; outside ASCII, any), and a dash or a slash.
static DATELINE: LazyLock<Gated> = LazyLock::new(|| {
    let capital = Need::new(At::Byte(0), CAPITALS, true);
    let second = Need::new(At::Byte(1), &[CAPITALS, "'.-"].concat(), true);
    // "—" and "–" end in these bytes.
    let dash = Need::new(At::Any, "-/", false).with([0x93, 0x94]);
    Gated::new(dateline_pattern(), vec![capital, second, dash])
});

/// A page-furniture pattern, searched forwards only by a lazy DFA.
///
/// These patterns are only asked whether they match, or where a match from
/// the start of the text ends, never where a match starts. `regex::Regex`
/// compiles every pattern a second time, backwards, to find that start;
/// compiling is paid by every run, and it was two fifths of the time a run
/// on one article takes. Here only the forward automaton is built.
struct Pattern {
    dfa: DFA,
    caches: Pool<Cache, CacheFn>,
    /// The pattern, for [`Pattern::fallback`].
    written: String,
    /// Whether this is the build for [`NARROW`] texts, for
    /// [`Pattern::fallback`].
    narrow: bool,
    /// The PikeVM, compiled on the first search the DFA gives up (the
    /// DFA's own automaton keeps no positions for it).
    slow: OnceLock<Option<PikeVM>>,
}

/// Makes a lazy DFA's cache for another thread.
type CacheFn = Box<dyn Fn() -> Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// Why a page-furniture pattern did not compile (never, for the patterns
/// written here: the tests compile every build).
type PatternError = Box<dyn std::error::Error + Send + Sync>;

impl Pattern {
    /// Compiles `pattern` as written.
    fn new(pattern: &str) -> Result<Pattern, PatternError> {
        Pattern::with_config(pattern, false, Pattern::config())
    }

    /// Compiles `pattern` for texts of [`NARROW`] characters alone: every
    /// character class in it (`\p{L}`, `\w`, `\s`, `[^|/]`, the classes
    /// that `(?i)` makes of letters …) keeps only the characters in
    /// [`NARROW`]. On a text of those characters a class matches a
    /// character exactly when the class as written does, so this build
    /// gives the same answers there; and a class of all letters, which
    /// compiles to thousands of byte-range states, becomes a handful.
    fn narrow(pattern: &str) -> Result<Pattern, PatternError> {
        Pattern::with_config(pattern, true, Pattern::config())
    }

    /// Room for the lazy DFA. The page-furniture patterns' Unicode classes
    /// make many states: with a 2 MiB cache (and still at 4 MiB) the DFA
    /// kept clearing its cache and searches fell back to a much slower
    /// engine, which made segmentation three times slower. The cache grows
    /// only as states are needed; 8 MiB sufficed on the synthetic corpora,
    /// and 16 MiB leaves a margin.
    fn config() -> regex_automata::hybrid::dfa::Config {
        DFA::config().cache_capacity(16 << 20)
    }

    /// Compiles `pattern`, narrowed or not, for a lazy DFA configured by
    /// `config`.
    fn with_config(
        pattern: &str,
        narrow: bool,
        config: regex_automata::hybrid::dfa::Config,
    ) -> Result<Pattern, PatternError> {
        // A DFA keeps no capture groups (as `DFA::builder().build` compiles).
        let nfa = Pattern::nfa(pattern, narrow, thompson::WhichCaptures::None)?;
        let dfa = DFA::builder().configure(config).build_from_nfa(nfa)?;
        let maker = dfa.clone();
        Ok(Pattern {
            dfa,
            caches: Pool::new(Box::new(move || maker.create_cache())),
            written: pattern.to_string(),
            narrow,
            slow: OnceLock::new(),
        })
    }

    /// The automaton of `pattern`, narrowed or not.
    fn nfa(
        pattern: &str,
        narrow: bool,
        captures: thompson::WhichCaptures,
    ) -> Result<thompson::NFA, PatternError> {
        let mut compiler = thompson::Compiler::new();
        compiler.configure(thompson::Config::new().which_captures(captures));
        if narrow {
            Ok(compiler.build_from_hir(&narrow_hir(pattern)?)?)
        } else {
            Ok(compiler.build(pattern)?)
        }
    }

    /// Whether the pattern matches anywhere in `s`.
    fn is_match(&self, s: &str) -> bool {
        let input = Input::new(s).earliest(true);
        match self.dfa.try_search_fwd(&mut self.caches.get(), &input) {
            Ok(found) => found.is_some(),
            Err(_) => self.fallback(input).is_some(),
        }
    }

    /// Where the leftmost-first match that starts at the start of `s` ends.
    fn end_at_start(&self, s: &str) -> Option<usize> {
        let input = Input::new(s).anchored(Anchored::Yes);
        match self.dfa.try_search_fwd(&mut self.caches.get(), &input) {
            Ok(found) => found.map(|m| m.offset()),
            Err(_) => self.fallback(input),
        }
    }

    /// The search by the (slower) PikeVM, for a search the lazy DFA gave
    /// up. With its default configuration it never gives up (no quit
    /// bytes, no Unicode word boundaries in these patterns), but a search
    /// must not panic.
    #[cold]
    fn fallback(&self, input: Input<'_>) -> Option<usize> {
        let vm = self
            .slow
            .get_or_init(|| {
                let nfa = Pattern::nfa(&self.written, self.narrow, thompson::WhichCaptures::All).ok()?;
                PikeVM::new_from_nfa(nfa).ok()
            })
            .as_ref()?;
        vm.find(&mut vm.create_cache(), input).map(|m| m.end())
    }
}

/// [`NARROW`] as a class.
fn narrow_alphabet() -> ClassUnicode {
    ClassUnicode::new(NARROW.iter().map(|&(start, end)| ClassUnicodeRange::new(start, end)))
}

/// A part that the page-furniture patterns write out several times: the
/// standalone alternatives hold the date and time five times over, and
/// parsing them was half of compiling the narrow builds.
struct Part {
    /// The private-use character that stands for the part while a pattern
    /// holding it is parsed.
    stands_for: char,
    written: String,
    /// The part parsed and narrowed, once, when a pattern that holds it is
    /// first compiled (`None` if it does not parse, never for these parts).
    hir: OnceLock<Option<Hir>>,
}

impl Part {
    /// The part parsed and narrowed, with the smaller parts it holds (those
    /// after it in [`PARTS`]) spliced in: a date holds the month names three
    /// times, a date and time two dates, two times and two weekday names,
    /// and each name under `(?i)` cost some 3,000 instructions a letter to
    /// parse (its case variants looked up), 0.8 ms a run in all before the
    /// names were parts of their own.
    fn hir(&self) -> Option<&Hir> {
        self.hir
            .get_or_init(|| {
                let smaller = &PARTS[PARTS.iter().position(|part| part.stands_for == self.stands_for)? + 1..];
                narrow_hir_of(&self.written, smaller).ok()
            })
            .as_ref()
    }
}

/// The time of day of [`datetime_pattern`], with an optional time zone.
const TIME: &str = r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?i:[ap]\.?m\.?))?(?:\s*\(?(?:GMT|UTC|[A-Z]{2,5})?(?:[+-]\d{1,2}(?::?\d{2})?)?\)?)?)";

/// The shared parts, each before the parts it holds (a date and time holds
/// two dates, two times and two weekday names; a date, three month names).
/// Each is a group, so that it is one atom wherever it is written; none
/// stands in a group that sets flags (the tests check that every narrow
/// pattern parsed with its parts spliced in is the pattern parsed whole).
static PARTS: LazyLock<[Part; 5]> = LazyLock::new(|| {
    [
        ('\u{E000}', datetime_pattern()),
        ('\u{E001}', date_pattern()),
        ('\u{E002}', TIME.to_string()),
        ('\u{E003}', MONTH.to_string()),
        ('\u{E004}', WEEKDAY.to_string()),
    ]
    .map(|(stands_for, written)| Part { stands_for, written, hir: OnceLock::new() })
});

/// `pattern` parsed and narrowed to [`NARROW`], each [`Part`] it holds
/// parsed once for all the patterns and spliced in.
fn narrow_hir(pattern: &str) -> Result<Hir, PatternError> {
    narrow_hir_of(pattern, &PARTS[..])
}

/// [`narrow_hir`] with the parts in `parts` only (a part's own, those it
/// holds).
fn narrow_hir_of(pattern: &str, parts: &[Part]) -> Result<Hir, PatternError> {
    let alphabet = narrow_alphabet();
    if let Some(hir) = spliced_hir_of(pattern, &alphabet, parts)? {
        return Ok(hir);
    }
    Ok(narrowed(regex_automata::util::syntax::parse(pattern)?, &alphabet))
}

/// `pattern` parsed with each [`Part`] of `parts` it holds spliced in,
/// narrowed; `None` when it holds none, or one where a flag is set (`(?i:`
/// around it, or a bare `(?i)` anywhere), since the part was parsed without
/// flags.
fn spliced_hir_of(
    pattern: &str,
    alphabet: &ClassUnicode,
    parts: &[Part],
) -> Result<Option<Hir>, PatternError> {
    if pattern.contains(|c| PARTS.iter().any(|part| part.stands_for == c)) {
        return Ok(None);
    }
    let mut text = pattern.to_string();
    let mut held = 0;
    for part in parts {
        let count = text.matches(part.written.as_str()).count();
        if count > 0 {
            text = text.replace(&part.written, part.stands_for.encode_utf8(&mut [0; 4]));
            held += count;
        }
    }
    if held == 0 {
        return Ok(None);
    }
    // The same parser and translator, with the same defaults, as
    // `regex_automata::util::syntax::parse`.
    let ast = regex_syntax::ast::parse::Parser::new().parse(&text)?;
    if !parts_unflagged(&ast, false) {
        return Ok(None);
    }
    let hir = regex_syntax::hir::translate::Translator::new().translate(&text, &ast)?;
    // One walk narrows the pattern's classes and splices the parts (already
    // narrowed) into its literals.
    let mut spliced = 0;
    let hir = map_leaves(hir, &mut |leaf| match leaf {
        HirKind::Literal(literal) => splice(literal, &mut spliced),
        other => narrowed_leaf(other, alphabet),
    });
    Ok((spliced == held).then_some(hir))
}

/// Whether no flag is set where a [`Part`]'s character stands in `ast`
/// (`flagged`: a group around it sets one). A bare `(?i)` anywhere counts
/// as set: it holds to the end of its group, across alternatives.
fn parts_unflagged(ast: &Ast, flagged: bool) -> bool {
    match ast {
        Ast::Literal(literal) => !flagged || !PARTS.iter().any(|part| part.stands_for == literal.c),
        Ast::Flags(_) => false,
        Ast::Group(group) => {
            let sets = matches!(&group.kind, GroupKind::NonCapturing(flags) if !flags.items.is_empty());
            parts_unflagged(&group.ast, flagged || sets)
        }
        Ast::Repetition(repetition) => parts_unflagged(&repetition.ast, flagged),
        Ast::Concat(concat) => concat.asts.iter().all(|ast| parts_unflagged(ast, flagged)),
        Ast::Alternation(alternation) => alternation.asts.iter().all(|ast| parts_unflagged(ast, flagged)),
        Ast::Empty(_)
        | Ast::Dot(_)
        | Ast::Assertion(_)
        | Ast::ClassUnicode(_)
        | Ast::ClassPerl(_)
        | Ast::ClassBracketed(_) => true,
    }
}

/// `literal` with each [`Part`]'s character in it replaced by the part,
/// counting the replacements in `spliced`.
fn splice(literal: Literal, spliced: &mut usize) -> Hir {
    let Ok(mut rest) = std::str::from_utf8(&literal.0) else { return Hir::literal(literal.0) };
    let mut pieces = Vec::new();
    while let Some((at, part)) = rest
        .char_indices()
        .find_map(|(at, c)| PARTS.iter().find(|part| part.stands_for == c).map(|part| (at, part)))
    {
        if at > 0 {
            pieces.push(Hir::literal(&rest.as_bytes()[..at]));
        }
        match part.hir() {
            Some(hir) => {
                pieces.push(hir.clone());
                *spliced += 1;
            }
            // Left as the character, and not counted: the pattern is then
            // parsed whole.
            None => pieces.push(Hir::literal(part.stands_for.encode_utf8(&mut [0; 4]).as_bytes())),
        }
        rest = &rest[at + part.stands_for.len_utf8()..];
    }
    if !rest.is_empty() {
        pieces.push(Hir::literal(rest.as_bytes()));
    }
    Hir::concat(pieces)
}

/// `hir` with every Unicode class in it intersected with `alphabet`.
fn narrowed(hir: Hir, alphabet: &ClassUnicode) -> Hir {
    map_leaves(hir, &mut |leaf| narrowed_leaf(leaf, alphabet))
}

/// A leaf of a pattern, a Unicode class intersected with `alphabet`.
fn narrowed_leaf(leaf: HirKind, alphabet: &ClassUnicode) -> Hir {
    match leaf {
        HirKind::Class(Class::Unicode(mut class)) => {
            class.intersect(alphabet);
            Hir::class(Class::Unicode(class))
        }
        other => rebuilt(other),
    }
}

/// `hir` rebuilt with `leaf` making each of its leaves (literals, classes,
/// look-arounds, empty pieces) anew.
fn map_leaves(hir: Hir, leaf: &mut impl FnMut(HirKind) -> Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Repetition(mut repetition) => {
            repetition.sub = Box::new(map_leaves(*repetition.sub, leaf));
            Hir::repetition(repetition)
        }
        HirKind::Capture(mut capture) => {
            capture.sub = Box::new(map_leaves(*capture.sub, leaf));
            Hir::capture(capture)
        }
        HirKind::Concat(hirs) => Hir::concat(hirs.into_iter().map(|h| map_leaves(h, leaf)).collect()),
        HirKind::Alternation(hirs) => {
            Hir::alternation(hirs.into_iter().map(|h| map_leaves(h, leaf)).collect())
        }
        other => leaf(other),
    }
}

/// The [`Hir`] of `kind`, as it was.
fn rebuilt(kind: HirKind) -> Hir {
    match kind {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(literal) => Hir::literal(literal.0),
        HirKind::Class(class) => Hir::class(class),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Repetition(repetition) => Hir::repetition(repetition),
        HirKind::Capture(capture) => Hir::capture(capture),
        HirKind::Concat(hirs) => Hir::concat(hirs),
        HirKind::Alternation(hirs) => Hir::alternation(hirs),
    }
}

/// The characters of the narrow builds: U+0000–U+037F (ASCII, Latin-1,
/// the Latin letters of European names, combining accents) and
/// U+2000–U+22FF (the punctuation, spaces and symbols of typeset text:
/// curly quotes, dashes, the ellipsis, bullets, thin spaces, currency
/// signs, ™, arrows, ≥). In UTF-8 these are the characters whose first
/// byte is below 0xCE, or 0xE2 followed by a byte up to 0x8B, which
/// [`is_narrow`] tests without decoding. A text with any other character
/// (another script, an emoji) is searched by the builds as written.
const NARROW: [(char, char); 2] = [('\0', '\u{37f}'), ('\u{2000}', '\u{22ff}')];

/// Whether every character of `s` is in [`NARROW`]. Asked of every block
/// and short line, so it reads bytes, eight at a time while they are
/// ASCII, and decodes nothing.
fn is_narrow(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok())
            && u64::from_ne_bytes(word) & crate::swar::HIGH == 0
        {
            i += 8;
            continue;
        }
        // `s` is UTF-8: a lead byte 0xC2–0xCD starts a two-byte character
        // (U+0080–U+037F), 0xE2 then 0x80–0x8B a three-byte one
        // (U+2000–U+22FF).
        match bytes[i] {
            0x00..=0x7F => i += 1,
            0xC2..=0xCD => i += 2,
            0xE2 if matches!(bytes.get(i + 1), Some(0x80..=0x8B)) => i += 3,
            _ => return false,
        }
    }
    true
}

/// One pattern in up to three builds, each compiled on first use. A text of
/// [`NARROW`] characters is searched by the narrow build, which compiles in
/// a fraction of the time (a run over one article spent four fifths of its
/// time compiling the builds as written). Other texts are searched by the
/// pattern with `\d` as the ASCII digits, when it has `\d` and the text no
/// other numeral, or as written: each `\d` compiles to some sixty byte
/// ranges, and a date has dozens of them, so the ASCII build is half the
/// compile, and gives the same answers on a text with no other decimal
/// digit (Arabic-Indic, Devanagari, full-width …).
struct Builds {
    /// The pattern as written.
    written: String,
    narrow: OnceLock<Pattern>,
    /// `None` when the pattern has no `\d`.
    ascii: Option<OnceLock<Pattern>>,
    unicode: OnceLock<Pattern>,
}

/// Which characters a text has, and so which build of a [`Builds`] answers
/// for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Chars {
    /// Only [`NARROW`] characters.
    Narrow,
    /// Others, but no numeral outside ASCII.
    AsciiNumerals,
    /// Any.
    Any,
}

impl Chars {
    fn of(s: &str) -> Chars {
        if is_narrow(s) {
            Chars::Narrow
        } else if has_other_numerals(s) {
            Chars::Any
        } else {
            Chars::AsciiNumerals
        }
    }
}

impl Builds {
    fn new(written: String) -> Builds {
        let ascii = written.contains(r"\d").then(OnceLock::new);
        Builds { written, narrow: OnceLock::new(), ascii, unicode: OnceLock::new() }
    }

    /// The build that answers for a text of `chars`, compiled if it was not.
    fn build(&self, chars: Chars) -> &Pattern {
        const VALID: &str = "page-furniture patterns are valid (the tests compile every build)";
        match (chars, &self.ascii) {
            (Chars::Narrow, _) => self.narrow.get_or_init(|| Pattern::narrow(&self.written).expect(VALID)),
            (Chars::AsciiNumerals, Some(ascii)) => {
                ascii.get_or_init(|| Pattern::new(&ascii_digits(&self.written)).expect(VALID))
            }
            _ => self.unicode.get_or_init(|| Pattern::new(&self.written).expect(VALID)),
        }
    }

    /// The build that answers for `s`.
    fn for_text(&self, s: &str) -> &Pattern {
        self.build(Chars::of(s))
    }

    /// Whether the pattern matches anywhere in `s`.
    fn is_match(&self, s: &str) -> bool {
        self.for_text(s).is_match(s)
    }
}

/// Whether `s` has a numeral outside ASCII. `char::is_numeric` holds for
/// every decimal digit and for other numerals too ("Ⅻ", "½"), for which
/// the Unicode build of a [`Builds`] is used needlessly but rightly.
fn has_other_numerals(s: &str) -> bool {
    !s.is_ascii() && s.chars().any(|c| !c.is_ascii() && c.is_numeric())
}

/// `pattern` with each `\d` (any decimal digit) written `[0-9]`.
fn ascii_digits(pattern: &str) -> String {
    pattern.replace(r"\d", "[0-9]")
}

/// Length in bytes of a dateline at the start of `block`, if there is one.
fn dateline_len(block: &str) -> Option<usize> {
    let end = DATELINE.for_text(block)?.end_at_start(block)?;
    let rest = block[end..].trim_start_matches(is_blank);
    // The body must start a sentence; `NATO — the alliance …` is not a dateline.
    if rest.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    Some(end)
}

// ---------------------------------------------------------------------------
// Kinds
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct BlockInfo {
    first: usize,
    end: usize,
    dateline: bool,
    line_break_before: bool,
}

/// Joins regex alternatives into one pattern, each in its own group.
fn alternatives(patterns: &[String]) -> String {
    patterns.iter().map(|p| format!("(?:{p})")).collect::<Vec<_>>().join("|")
}

/// Image and story credits, recognised in any sentence: "© …",
/// "/ Courtesy", "Photo: …", "Credit: …", "Courtesy of …", "(Agency/Name)",
/// "(Reporting by …)", "All rights reserved".
const CREDIT: &str = r"^(?:©|\([cC]\)\s|/[\t\p{Zs}]*\p{L}|\([^()]{0,60}/[^()]{0,60}[^().!?]\)$|\((?i:photo|image|credit|source)[^()]*\)$|(?i:\(?(?:reporting|writing|editing|additional\s+reporting|compiled|translated)\s+by(?-u:\b)|all\s+rights\s+reserved(?-u:\b)|copyright(?-u:\b)|(?:photo(?:graph)?s?|images?|pictures?|credits?|photo\s+credit|illustration|video|graphic|source)(?:\s+by)?\s*:|(?:photo\s+)?courtesy(?-u:\b)))";

/// Image credits, recognised in a whole line without final punctuation:
/// "Name/Pool via AP", "Photo via Agency", "… via AGENCY", "Name/Agency".
const CREDIT_LINE: &str = r"^(?:[^.!?]*?(?-u:\b)via\s+\p{Lu}{2,}|[^.!?]*?(?:/\p{Lu}|(?i:photo|image|handout|pool|courtesy))[^.!?]*?(?-u:\b)via\s+\p{Lu}[\p{L}\p{M}.\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.\-]*|of|the|and|for)){0,4}|[^.!?]*?\p{Lu}[\p{L}\p{M}'’\-]*/\p{Lu}[\p{L}\p{M}\-]*\)?)$";

/// Page furniture recognised in any sentence: prompts and credits.
fn sentence_pattern() -> String {
    let patterns = [
        // Newsletter and subscription prompts.
        r"(?i)(?-u:\b)(?:in|into|to)\s+your\s+inbox(?-u:\b)".to_string(),
        r"(?i)^(?:subscribe|sign\s+up|sign\s+in|log\s+in|follow\s+us|share\s+(?:this|on|via)|click\s+here|tap\s+here|download\s+(?:our|the)\s+app|join\s+(?:us|our)|like\s+us|don[’']t\s+miss|never\s+miss|get\s+(?:our|the\s+latest))(?-u:\b)".to_string(),
        r"(?i):\s*(?:subscribe|sign\s+up|become\s+a\s+(?:member|subscriber|supporter)|donate)(?-u:\b)".to_string(),
        r"(?i)^(?:support\s+(?:independent|our|quality)\s+journalism|become\s+a\s+(?:member|subscriber|supporter)|donate\s+(?:now|today))(?-u:\b)".to_string(),
        // "Read more", "See also: …", "Continue reading".
        r"(?i)^(?:read|see|view|show|load)\s+(?:more|also|all|full|the\s+full)(?-u:\b)".to_string(),
        r"(?i)^(?:continue\s+reading|story\s+continues\s+below|advertisement$)".to_string(),
        CREDIT.to_string(),
    ];
    alternatives(&patterns)
}

static SENTENCE_BOILERPLATE: LazyLock<Builds> = LazyLock::new(|| Builds::new(sentence_pattern()));

/// Page furniture recognised only in a sentence that is a whole line: each
/// alternative matches the whole line, and passes its [`Need`]s.
fn standalone_alternatives() -> Vec<(String, Vec<Need>)> {
    let datetime = datetime_pattern();
    let date = date_pattern();
    let name = r"\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.\-]*|al|bin|da|de|del|der|di|dos|du|el|ibn|la|le|van|von)){0,4}";
    let stamp = format!(
        r"(?i:(?:last\s+)?(?:updated?|published|posted|modified|edited|created)(?:\s+(?:at|on))?)\s*:?\s*(?:{datetime})?"
    );
    let cap = r"\p{Lu}[\p{L}\p{M}'’.&\-]*";
    let role = r"(?i:writer|reporter|correspondent|editor|staff|contributor|columnist|bureau|desk|journalist|photographer)s?";
    // Every date and every time of day has a decimal digit; those outside
    // ASCII are written in bytes outside ASCII.
    let digit = || Need::new(At::Any, DIGITS, true);
    vec![
        // "comments", "12 Comments", "Comments (3)".
        (
            r"(?i:(?:\d+\s+)?comments?(?:\s*\(\d+\))?)".to_string(),
            vec![Need::new(At::Byte(0), &[DIGITS, "cC"].concat(), true)],
        ),
        // "All news", "More stories", "Related articles".
        (
            r"(?i:(?:all|more|latest|top|other|related|recommended)\s+(?:news|stories|articles|videos|headlines|posts|reading))".to_string(),
            vec![Need::new(At::Byte(0), "aAmMlLtToOrR", false)],
        ),
        // Single-word widgets and labels.
        (
            r"(?i:related|recommended|trending|most\s+read|most\s+popular|popular|advertisement|advertising|sponsored(?:\s+content)?|ad|share|print|email|e-mail|tweet|copy\s+link|listen|menu|search|home|close)".to_string(),
            // "ſ" (long s) is an "s" to `(?i)`.
            vec![Need::new(At::Byte(0), "rRtTmMpPaAsSeEcClLhH", true)],
        ),
        // "Updated at:", "Last update: July 20, 2024 14:02",
        // "Published: … | Updated: …".
        // Its first four letters: "last", "upda", "publ", "post", "modi",
        // "edit", "crea".
        (
            format!(r"{stamp}(?:\s*[|·•,]\s*{stamp})*"),
            vec![
                Need::new(At::Byte(0), "lLuUpPmMeEcC", false),
                Need::new(At::Byte(1), "aApPuUoOdDrR", false),
                Need::new(At::Byte(2), "sSdDbBiIeE", true),
                Need::new(At::Byte(3), "tTaAlLiI", true),
            ],
        ),
        // A line that is only a date, or a date and time.
        (datetime.clone(), vec![digit()]),
        // "4 min read", "Reading time: 5 minutes".
        (
            r"(?i:\d+[\t\p{Zs}-]*min(?:ute)?s?\.?\s+read|reading\s+time:?\s*\d+\s*min(?:ute)?s?)".to_string(),
            vec![Need::new(At::Byte(0), &[DIGITS, "rR"].concat(), true)],
        ),
        // Breadcrumbs and section labels: "Home / World / Europe",
        // "NEWS | NATIONAL | 17 May 2025, 16:20".
        (
            r"(?:[^|/>›»\n]{1,40}\s[|/>›»]\s){2,}[^|/>›»\n]{1,40}".to_string(),
            // "›" and "»" end in these bytes.
            vec![Need::new(At::Any, "|/>", false).with([0xBA, 0xBB])],
        ),
        (
            format!(r"(?:[^|\n]{{1,40}}\s\|\s)+(?:{WEEKDAY},?\s*)?{datetime}"),
            vec![Need::new(At::Any, "|", false), digit()],
        ),
        // "Company logo".
        (
            r"(?i:[\p{L}\p{N}&'’.\-]+(?:\s+[\p{L}\p{N}&'’.\-]+){0,2}\s+logo)".to_string(),
            vec![Need::new(At::Last, "oO", false)],
        ),
        // Bylines: "By Name and Name", "By Outlet | Friday, 23 June 2023",
        // "By Name January 24, 2023", "By Name, staff writer".
        (
            format!(
                r"(?:By|BY|by)\s+{name}(?:\s*(?:,|&|(?-u:\b)and(?-u:\b))\s*{name})*(?:\s*,\s*(?:[\p{{L}}'’\-]+\s+){{0,3}}{role})?(?:\s*[|,·•—–-]?\s*(?:{datetime}))?"
            ),
            vec![Need::new(At::Byte(0), "Bb", false), Need::new(At::Byte(1), "yY", false)],
        ),
        // Signature: "Executive Board of X, 18 January 2023", or a byline
        // "Name — 12.09.2024": a name or an organisation (capitalised words
        // and connectives, no verb), a comma, dash or bar, and a date.
        (
            format!(
                r"{cap}(?:\s+(?:{cap}|of|the|and|for|on|in|at|to|de|du|la|le|des|&))*(?:\s*,|\s*[—–|]|\s+-)\s*(?:{WEEKDAY},?\s*)?{date}\.?"
            ),
            vec![Need::new(At::Byte(0), CAPITALS, true), digit()],
        ),
    ]
}

/// The ASCII decimal digits, for [`Need::new`].
const DIGITS: &str = "0123456789";

/// The ASCII capitals, for [`Need::new`].
const CAPITALS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Where in a text a [`Need`] looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum At {
    /// The byte at this index (0 for the first).
    Byte(usize),
    /// The last byte.
    Last,
    /// Any byte.
    Any,
}

/// A test on a text's bytes that every text a pattern matches passes: a
/// text that fails it is not searched by that pattern, and a pattern no
/// text has passed is never compiled (compiling the standalone patterns was
/// half of a one-article run). Each is written by hand next to its pattern,
/// and the tests prove it from the pattern's automaton: no byte outside the
/// set leads from the start to a match.
#[derive(Clone, Debug)]
struct Need {
    at: At,
    /// The bytes allowed, one bit each.
    bytes: [u64; 4],
}

impl Need {
    /// A need for one of the bytes of `ascii`, or with `other` for any byte
    /// outside ASCII too (so for any character outside ASCII).
    fn new(at: At, ascii: &str, other: bool) -> Need {
        let need = Need { at, bytes: [0; 4] }.with(ascii.bytes());
        if other { need.with(0x80..=0xFF) } else { need }
    }

    /// The need with `bytes` allowed too.
    fn with(mut self, bytes: impl IntoIterator<Item = u8>) -> Need {
        for b in bytes {
            self.bytes[usize::from(b / 64)] |= 1 << (b % 64);
        }
        self
    }

    /// Whether `b` is one of the bytes allowed.
    fn allows(&self, b: u8) -> bool {
        self.bytes[usize::from(b / 64)] & (1 << (b % 64)) != 0
    }

    /// Whether `s` passes.
    fn holds(&self, s: &str) -> bool {
        let s = s.as_bytes();
        match self.at {
            At::Byte(i) => s.get(i).is_some_and(|&b| self.allows(b)),
            At::Last => s.last().is_some_and(|&b| self.allows(b)),
            At::Any => s.iter().any(|&b| self.allows(b)),
        }
    }
}

/// A pattern and what a text needs for the pattern to match it.
struct Gated {
    needs: Vec<Need>,
    builds: Builds,
}

impl Gated {
    fn new(written: String, needs: Vec<Need>) -> Gated {
        Gated { needs, builds: Builds::new(written) }
    }

    /// Whether `s` passes every need (else the pattern cannot match it).
    fn admits(&self, s: &str) -> bool {
        self.needs.iter().all(|need| need.holds(s))
    }

    /// The build that answers for `s`, a text of `chars`, if `s` passes
    /// every need (compiled the first time a text does); `None` if it
    /// cannot match.
    fn build(&self, s: &str, chars: Chars) -> Option<&Pattern> {
        self.admits(s).then(|| self.builds.build(chars))
    }

    /// [`Gated::build`] for the characters `s` has (found only if it passes).
    fn for_text(&self, s: &str) -> Option<&Pattern> {
        self.admits(s).then(|| self.builds.for_text(s))
    }
}

/// The standalone page furniture as one pattern, as it was compiled before
/// it was split (the tests hold [`STANDALONE_BOILERPLATE`] to it).
#[cfg(test)]
fn standalone_pattern() -> String {
    let written: Vec<String> = standalone_alternatives().into_iter().map(|(p, _)| p).collect();
    format!(r"^(?:{})$|{CREDIT_LINE}", alternatives(&written))
}

/// The standalone page furniture, one pattern an alternative, each matching
/// a whole line, and the image credits of [`CREDIT_LINE`]. A line is
/// standalone furniture when any of them matches, as when they were one
/// pattern; but as one pattern its lazy DFA built a state for every mix of
/// the alternatives a line kept alive (a byline's name, a signature's
/// capitalised words, a breadcrumb's forty characters, a date), and
/// building those states took more of a run than compiling the pattern.
/// Each alternative apart builds few states, reused from line to line; and
/// each is searched, and compiled, only for a line that passes its
/// [`Need`]s, so a run compiles only those its lines could match.
static STANDALONE_BOILERPLATE: LazyLock<Vec<Gated>> = LazyLock::new(|| {
    let whole_line = standalone_alternatives().into_iter().map(|(p, needs)| (format!("^(?:{p})$"), needs));
    // An image credit has "via" or a slash.
    let credit = (CREDIT_LINE.to_string(), vec![Need::new(At::Any, "v/", false)]);
    whole_line.chain([credit]).map(|(p, needs)| Gated::new(p, needs)).collect()
});

/// Whether a standalone pattern matches `s`, searched by the build for
/// `chars`.
fn is_standalone_match(s: &str, chars: Chars) -> bool {
    STANDALONE_BOILERPLATE.iter().any(|gated| gated.build(s, chars).is_some_and(|p| p.is_match(s)))
}

/// A contact line: "Letters to the editor: letters@example.com", a label
/// of 1 to 60 letters, blanks, `'’,&-` before the first colon, then an
/// e-mail address or a web address. Its own pattern, with the label's
/// length counted by [`is_contact_line`]: as `[…]{1,60}` in the standalone
/// pattern, the repeated letter class made more than a third of that
/// pattern's states and of its compile time, paid by every run.
const CONTACT: &str = r"^[\p{L}\s'’,&\-]+:\s*(?:[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|https?://\S+)$";

/// Whether `s` is a contact line (see [`CONTACT`]).
fn is_contact_line(s: &str) -> bool {
    static BUILDS: LazyLock<Builds> = LazyLock::new(|| Builds::new(CONTACT.to_string()));
    // The label's class has no colon, so the label ends at the first one.
    s.split_once(':').is_some_and(|(label, _)| label.chars().count() <= 60) && BUILDS.is_match(s)
}

/// Whether a sentence is an image credit.
fn is_credit_line(s: &str) -> bool {
    static BUILDS: LazyLock<Builds> = LazyLock::new(|| Builds::new(format!("{CREDIT}|{CREDIT_LINE}")));
    s.len() <= MAX_CLASSIFIED_LEN && BUILDS.is_match(s)
}

/// Whether `s` has at most `n` words, runs of characters that are not
/// [`is_blank`] (it stops counting after `n + 1`). Asked of every short
/// sentence, so ASCII is tested without the Unicode tables.
fn words_at_most(s: &str, n: usize) -> bool {
    if s.is_ascii() {
        ascii_words_at_most(s.as_bytes(), n)
    } else {
        runs_at_most(
            s.chars().map(|c| if c.is_ascii() { matches!(c, ' ' | '\t'..='\r') } else { is_blank(c) }),
            n,
        )
    }
}

/// [`words_at_most`] of ASCII bytes, eight at a time: a word starts at
/// each byte that is not blank (space, tab to carriage return) after one
/// that is, or at the start; the last chunk is filled with spaces.
fn ascii_words_at_most(bytes: &[u8], n: usize) -> bool {
    use crate::swar::{HIGH, at_least, below, equal};
    // The high bit of each blank byte of `w` (ASCII bytes only).
    let blanks = |w: u64| equal(w, b' ') | (at_least(w, b'\t') & below(w, b'\r' + 1));
    let mut words = 0;
    // The high bit of the byte before the chunk, as if in its first byte:
    // set when that byte was blank (the start counts as blank).
    let mut before = 0x80;
    let mut count = |w: u64| {
        let blank = blanks(w);
        let starts = !blank & HIGH & ((blank << 8) | before);
        before = blank >> 56;
        words += starts.count_ones() as usize;
        words <= n
    };
    let (chunks, rest) = bytes.as_chunks::<8>();
    if !chunks.iter().all(|&w| count(u64::from_le_bytes(w))) {
        return false;
    }
    let mut last = [b' '; 8];
    last[..rest.len()].copy_from_slice(rest);
    count(u64::from_le_bytes(last))
}

/// Whether `blanks` (true for a blank) has at most `n` runs of non-blanks;
/// stops after `n + 1`.
fn runs_at_most(blanks: impl Iterator<Item = bool>, n: usize) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for blank in blanks {
        if !blank && !in_word {
            words += 1;
            if words > n {
                return false;
            }
        }
        in_word = !blank;
    }
    true
}

/// Boilerplate that can be recognised in a sentence on its own.
fn is_sentence_boilerplate(s: &str) -> bool {
    s.len() <= MAX_CLASSIFIED_LEN && words_at_most(s, 25) && SENTENCE_BOILERPLATE.is_match(s)
}

/// Boilerplate recognised in a sentence that is a whole line.
fn is_standalone_boilerplate(s: &str) -> bool {
    s.len() <= MAX_CLASSIFIED_LEN
        && words_at_most(s, 20)
        && !s.trim_end_matches(is_closer).ends_with(['!', '?'])
        && (is_standalone_match(s, Chars::of(s)) || is_contact_line(s))
}

/// Words a title-case headline leaves in lower case.
const MINOR_WORDS: &[&str] = &[
    "a", "about", "above", "after", "against", "amid", "among", "an", "and", "as", "at", "before", "between",
    "but", "by", "during", "for", "from", "in", "into", "nor", "of", "off", "on", "onto", "or", "out",
    "over", "per", "so", "than", "the", "to", "under", "up", "upon", "via", "vs", "with", "without", "yet",
];

/// A line without terminal punctuation of 2–25 words whose content words are
/// mostly (more than two thirds) capitalised.
fn looks_like_headline(s: &str) -> bool {
    if s.len() > MAX_CLASSIFIED_LEN
        || ends_with_terminal(s)
        || s.trim_end_matches(is_closer).ends_with([':', ';', ','])
        || s.starts_with(['(', '['])
        || !s.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)
    {
        return false;
    }
    let words: Vec<&str> = s
        .split(is_blank)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if !(2..=25).contains(&words.len()) {
        return false;
    }
    let content: Vec<&str> =
        words.into_iter().filter(|w| !MINOR_WORDS.contains(&w.to_lowercase().as_str())).collect();
    let capitalised = content
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()))
        .count();
    !content.is_empty() && capitalised * 3 > content.len() * 2
}

/// Assigns kinds to the sentences of each block.
fn classify(text: &str, sentences: &mut [Sentence], infos: &[BlockInfo]) {
    for (b, info) in infos.iter().enumerate() {
        let standalone = !info.dateline && info.end - info.first == 1;
        for i in info.first..info.end {
            if sentences[i].kind != SentenceKind::Body {
                continue;
            }
            let s = sentences[i].span.slice(text);
            if is_sentence_boilerplate(s) || (standalone && is_standalone_boilerplate(s)) {
                sentences[i].kind = SentenceKind::Boilerplate;
            } else if standalone && looks_like_headline(s) {
                // A title-case line directly above an image credit is a caption.
                let caption = infos.get(b + 1).is_some_and(|next| {
                    next.line_break_before && is_credit_line(sentences[next.first].span.slice(text))
                });
                if !caption {
                    sentences[i].kind = SentenceKind::Headline;
                }
            }
        }
    }
}

/// A text's sentences held in about 4 bytes each instead of 32, for a
/// corpus whose texts are segmented once and prepared later
/// ([`crate::Analyzer::story_groups`]). [`Sentences::get`] gives back
/// exactly the sentences it was made from.
#[derive(Clone, Debug)]
pub(crate) enum Sentences {
    /// For each sentence, three LEB128 numbers: the bytes since the end of
    /// the previous sentence, the sentence's length, and the paragraphs
    /// since the previous sentence's shifted left by two bits, with the kind
    /// in those two.
    Packed(Box<[u8]>),
    /// Sentences out of order, which [`segment`] does not give.
    Wide(Box<[Sentence]>),
}

impl Sentences {
    /// Holds `sentences`.
    pub(crate) fn new(sentences: Vec<Sentence>) -> Sentences {
        fn push(out: &mut Vec<u8>, mut n: usize) {
            while n >= 0x80 {
                out.push((n & 0x7f) as u8 | 0x80);
                n >>= 7;
            }
            out.push(n as u8);
        }
        let mut out = Vec::with_capacity(4 * sentences.len());
        let (mut end, mut paragraph) = (0, 0);
        for s in &sentences {
            let (Some(gap), Some(len), Some(paragraphs)) = (
                s.span.start.checked_sub(end),
                s.span.end.checked_sub(s.span.start),
                s.paragraph.checked_sub(paragraph).and_then(|p| p.checked_mul(4)),
            ) else {
                return Sentences::Wide(sentences.into_boxed_slice());
            };
            let kind = match s.kind {
                SentenceKind::Body => 0,
                SentenceKind::Headline => 1,
                SentenceKind::Boilerplate => 2,
            };
            push(&mut out, gap);
            push(&mut out, len);
            push(&mut out, paragraphs | kind);
            (end, paragraph) = (s.span.end, s.paragraph);
        }
        Sentences::Packed(out.into_boxed_slice())
    }

    /// The sentences, as [`segment`] gave them.
    pub(crate) fn get(&self) -> Vec<Sentence> {
        let packed = match self {
            Sentences::Packed(packed) => packed,
            Sentences::Wide(sentences) => return sentences.to_vec(),
        };
        let mut bytes = packed.iter();
        let mut next = || -> Option<usize> {
            let (mut n, mut shift) = (0usize, 0);
            loop {
                let b = *bytes.next()?;
                n |= usize::from(b & 0x7f).checked_shl(shift)?;
                if b < 0x80 {
                    return Some(n);
                }
                shift += 7;
            }
        };
        let mut out = Vec::new();
        let (mut end, mut paragraph) = (0, 0);
        while let (Some(gap), Some(len), Some(p)) = (next(), next(), next()) {
            let start = end + gap;
            end = start + len;
            paragraph += p >> 2;
            let kind = match p & 3 {
                0 => SentenceKind::Body,
                1 => SentenceKind::Headline,
                _ => SentenceKind::Boilerplate,
            };
            out.push(Sentence { span: Span::new(start, end), kind, paragraph });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::SentenceKind::{Body, Boilerplate, Headline};
    use super::*;

    /// Packed sentences come back as they went in: every kind, large
    /// offsets and paragraphs; sentences out of order are kept whole.
    #[test]
    fn sentences_come_back_as_segmented() {
        let text = "Border Talks\n\nPARIS (Agency) — The talks ended. “We will respond,” \
                    the minister said.\n\nRead more";
        let segmented = segment(text);
        let kinds: Vec<SentenceKind> = segmented.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [Headline, Boilerplate, Body, Body, Boilerplate]);
        let kept = Sentences::new(segmented.clone());
        assert!(matches!(kept, Sentences::Packed(_)));
        assert_eq!(kept.get(), segmented);

        let at = |start: usize, end: usize, paragraph: usize| Sentence {
            span: Span::new(start, end),
            kind: Headline,
            paragraph,
        };
        let far = vec![
            at(0, 0, 0),
            at(3, 300, 0),
            at(1 << 40, (1 << 40) + 1, 1 << 50),
            at(usize::MAX, usize::MAX, usize::MAX >> 2),
        ];
        assert!(matches!(Sentences::new(far.clone()), Sentences::Packed(_)));
        assert_eq!(Sentences::new(far.clone()).get(), far);
        assert_eq!(Sentences::new(Vec::new()).get(), []);
        for wide in
            [vec![at(5, 9, 0), at(3, 4, 0)], vec![at(0, 1, 1), at(2, 3, 0)], vec![at(0, 0, usize::MAX)]]
        {
            let kept = Sentences::new(wide.clone());
            assert!(matches!(kept, Sentences::Wide(_)), "{wide:?}");
            assert_eq!(kept.get(), wide);
        }
    }

    /// Lines to hold the page-furniture patterns to `regex::Regex`: every
    /// line of the fixtures, each again with its digits written in
    /// Arabic-Indic and in full-width digits, and lines made to match.
    fn pattern_cases() -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for text in crate::test_support::fixture_texts() {
            lines.extend(text.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()));
        }
        lines.extend(
            [
                "Updated: 12 March 2023, 14:05 GMT",
                "Published 2024-05-01 | Updated 2024-05-02",
                "March 3, 2023",
                "Friday, 23 June 2023 at 9:30 a.m.",
                "12 Comments",
                "4 min read",
                "Home / World / Europe",
                "NEWS | NATIONAL | 17 May 2025, 16:20",
                "By Anna Smith and Li Wei, staff writer 12.09.2024",
                "Executive Board of the Union, 18 January 2023",
                "KYIV, Ukraine, March 3 (Agency) — The talks ended.",
                "PARIS, 2023-03-03 — The talks ended.",
                "MOSCOW /Agency/. The talks ended.",
                "Photo: Jane Roe/Pool via AP",
                "Get the news in your inbox: subscribe",
                "Letters: letters@example.com",
                // Numerals that are not decimal digits: the Unicode build
                // answers, and must agree.
                "Updated: 12 March 2023, ½ past",
                "4 min read ²",
                "By Anna Smith — Ⅻ 12.09.2024",
                // Letters outside the narrow builds' characters (Cyrillic,
                // Greek, the long s and the Kelvin sign that `(?i)` folds
                // to "s" and "k", a joiner that `\w` holds): the builds as
                // written answer, and must agree.
                "By Анна Смирнова and Li Wei, staff writer 12.09.2024",
                "МОСКВА (Agency) — The talks ended.",
                "ΑΘΗΝΑ, March 3 — The talks ended.",
                "Ѕubscribe to our newsletter",
                "Updated: 12 March 2023, 14:05 GMT Ω",
                "Home / Мир / Europe",
                "Share thiſ",
                "12 Comments ſ",
                "4 min read \u{212a}",
                "Ꮪᴜbscribe: sign up",
                "Desk\u{200d}news: a@b.org",
                // Inside the narrow builds' characters: Latin letters with
                // accents, precomposed and combining, and typeset punctuation.
                "By José Martínez and Zoë Dvořák, staff writer 12.09.2024",
                "By Jose\u{301} Marti\u{301}nez",
                "SÃO PAULO (Agency) — The talks ended.",
                "Photo: Łukasz Öz/Pool via AP",
                "Home › World › Europe",
                "Updated\u{a0}at: 12\u{202f}March 2023",
                "Ärzte’s desk: x@y.de",
            ]
            .map(String::from),
        );
        let written = |zero: u32| {
            move |l: &String| -> String {
                l.chars()
                    .map(|c| c.to_digit(10).and_then(|d| char::from_u32(zero + d)).unwrap_or(c))
                    .collect()
            }
        };
        let arabic: Vec<String> = lines.iter().map(written(0x0660)).collect();
        let wide: Vec<String> = lines.iter().map(written(0xFF10)).collect();
        lines.extend(arabic);
        lines.extend(wide);
        lines.dedup();
        lines
    }

    /// The forward-only patterns answer as `regex::Regex` answers for the
    /// patterns as written: whether they match, and where a dateline ends.
    /// The narrow builds agree on every line of [`NARROW`] characters, and
    /// differ on some others, which the other builds then answer; the
    /// ASCII-digit builds agree on every line without other numerals, and
    /// differ on some with them, which the Unicode builds then answer.
    #[test]
    fn patterns_answer_as_regex_does() {
        let cases = pattern_cases();
        assert!(cases.len() > 1000, "{}", cases.len());
        let standalone = Regex::new(&standalone_pattern()).unwrap();
        let sentence = Regex::new(&sentence_pattern()).unwrap();
        let credit = Regex::new(&format!("{CREDIT}|{CREDIT_LINE}")).unwrap();
        let contact = Regex::new(CONTACT).unwrap();
        let dateline = Regex::new(&dateline_pattern()).unwrap();
        let narrow_contact = Pattern::narrow(CONTACT).unwrap();
        let narrow_credit = Pattern::narrow(&format!("{CREDIT}|{CREDIT_LINE}")).unwrap();
        let (mut matched, mut datelines, mut narrow_lines) = (0, 0, 0);
        let (mut narrow_differs, mut ascii_differs) = (0, 0);
        for case in &cases {
            let is_standalone = standalone.is_match(case);
            assert_eq!(is_standalone_match(case, Chars::of(case)), is_standalone, "{case:?}");
            assert_eq!(is_standalone_match(case, Chars::Any), is_standalone, "{case:?}");
            matched += usize::from(is_standalone);
            let end = dateline.find(case).map(|m| m.end());
            assert_eq!(DATELINE.for_text(case).and_then(|p| p.end_at_start(case)), end, "{case:?}");
            assert_eq!(DATELINE.builds.build(Chars::Any).end_at_start(case), end, "{case:?}");
            datelines += usize::from(end.is_some());
            let is_sentence = sentence.is_match(case);
            assert_eq!(SENTENCE_BOILERPLATE.is_match(case), is_sentence, "{case:?}");
            let is_credit = credit.is_match(case);
            assert_eq!(is_credit_line(case), case.len() <= MAX_CLASSIFIED_LEN && is_credit, "{case:?}");
            let is_contact = contact.is_match(case);
            assert_eq!(
                is_contact_line(case),
                is_contact && case.split_once(':').is_some_and(|(label, _)| label.chars().count() <= 60),
                "{case:?}"
            );

            let narrow = [
                is_standalone_match(case, Chars::Narrow) == is_standalone,
                DATELINE.builds.build(Chars::Narrow).end_at_start(case) == end,
                SENTENCE_BOILERPLATE.build(Chars::Narrow).is_match(case) == is_sentence,
                narrow_contact.is_match(case) == is_contact,
                narrow_credit.is_match(case) == is_credit,
            ];
            if is_narrow(case) {
                narrow_lines += usize::from(!case.is_ascii());
                assert_eq!(narrow, [true; 5], "{case:?}");
            } else {
                narrow_differs += usize::from(narrow.contains(&false));
            }

            let ascii_standalone = is_standalone_match(case, Chars::AsciiNumerals);
            let ascii_dateline = DATELINE.builds.build(Chars::AsciiNumerals).end_at_start(case);
            if has_other_numerals(case) {
                ascii_differs += usize::from(ascii_standalone != is_standalone || ascii_dateline != end);
            } else {
                assert_eq!(ascii_standalone, is_standalone, "{case:?}");
                assert_eq!(ascii_dateline, end, "{case:?}");
            }
        }
        assert!(matched > 20 && matched < cases.len() / 2, "{matched} of {}", cases.len());
        assert!(datelines > 5, "{datelines}");
        assert!(narrow_lines > 50, "{narrow_lines}");
        assert!(narrow_differs > 5, "{narrow_differs}");
        assert!(ascii_differs > 5, "{ascii_differs}");
    }

    /// Every text a gated pattern (as written) matches passes the pattern's
    /// needs, proved on the pattern's lazy DFA rather than on examples: for
    /// a need at byte i, no text of i bytes or fewer matches, and every other
    /// byte leads from any state i bytes from the start to the dead state;
    /// at the last byte, the same backwards; anywhere, no match is reachable
    /// from the start by the other bytes.
    #[test]
    fn needs_hold_for_every_match() {
        use regex_automata::hybrid::LazyStateID;

        let config = || DFA::config().cache_capacity(256 << 20).minimum_cache_clear_count(Some(0));
        let mut checked = 0;
        for gated in STANDALONE_BOILERPLATE.iter().chain([&*DATELINE]) {
            let written = &gated.builds.written;
            let name: String = written.chars().take(60).collect();
            assert!(!gated.needs.is_empty(), "{name}");
            for need in &gated.needs {
                let reverse = need.at == At::Last;
                let dfa = DFA::builder()
                    .configure(config())
                    .thompson(thompson::Config::new().reverse(reverse))
                    .build(written)
                    .unwrap();
                let mut cache = dfa.create_cache();
                let input = Input::new("").anchored(Anchored::Yes);
                let start = if reverse {
                    dfa.start_state_reverse(&mut cache, &input).unwrap()
                } else {
                    dfa.start_state_forward(&mut cache, &input).unwrap()
                };
                // Whether a match ends before the state's last byte, or at
                // the end of the text.
                let matches_here = |cache: &mut Cache, id: LazyStateID| {
                    id.is_match() || dfa.next_eoi_state(cache, id).unwrap().is_match()
                };
                let others: Vec<u8> = (0..=255u8).filter(|&b| !need.allows(b)).collect();
                // The states from which the need's byte is read (for a need
                // at byte i, every state i bytes on, no match before it);
                // for a need anywhere, every state reached without the bytes
                // it needs.
                let mut states = vec![start];
                let depth = if let At::Byte(i) = need.at { i } else { 0 };
                for _ in 0..depth {
                    let mut next = std::collections::BTreeSet::new();
                    for id in states {
                        assert!(!matches_here(&mut cache, id), "{name}: a match shorter than {need:?}");
                        for b in 0..=255u8 {
                            let id = dfa.next_state(&mut cache, id, b).unwrap();
                            if !id.is_dead() {
                                next.insert(id);
                            }
                        }
                    }
                    states = next.into_iter().collect();
                }
                let mut seen: std::collections::HashSet<LazyStateID> = states.iter().copied().collect();
                while let Some(id) = states.pop() {
                    assert!(!matches_here(&mut cache, id), "{name}: a match without {need:?}");
                    for &b in &others {
                        let next = dfa.next_state(&mut cache, id, b).unwrap();
                        if need.at != At::Any {
                            assert!(next.is_dead(), "{name}: {:?} byte {b:#04x}", need.at);
                        } else if !next.is_dead() && seen.insert(next) {
                            states.push(next);
                        }
                    }
                }
                checked += 1;
            }
        }
        assert!(checked >= 16, "{checked}");
    }

    /// The needs keep out most of the test lines, and none that a pattern
    /// matches.
    #[test]
    fn needs_keep_out_most_lines() {
        let cases = pattern_cases();
        let gated: Vec<&Gated> = STANDALONE_BOILERPLATE.iter().chain([&*DATELINE]).collect();
        let mut kept_out = 0;
        for case in &cases {
            for gated in &gated {
                if gated.admits(case) {
                    continue;
                }
                kept_out += 1;
                let written = &gated.builds.written;
                assert!(!gated.builds.build(Chars::Any).is_match(case), "{case:?}: {written}");
            }
        }
        // Fourteen patterns, over a thousand lines: most pairs are kept out.
        assert!(kept_out > cases.len() * gated.len() / 2, "{kept_out} of {}", cases.len() * gated.len());
    }

    /// Every narrow build parsed with its shared parts spliced in is the
    /// pattern parsed whole: the parts stand where their meaning does not
    /// change (no flags around them), and each pattern that holds one is
    /// spliced, not parsed whole again.
    #[test]
    fn spliced_parts_parse_as_written() {
        let alphabet = narrow_alphabet();
        let mut patterns: Vec<String> =
            STANDALONE_BOILERPLATE.iter().map(|g| g.builds.written.clone()).collect();
        patterns.extend([
            dateline_pattern(),
            sentence_pattern(),
            CONTACT.to_string(),
            format!("{CREDIT}|{CREDIT_LINE}"),
            datetime_pattern(),
            date_pattern(),
            TIME.to_string(),
            MONTH.to_string(),
            WEEKDAY.to_string(),
        ]);
        assert_eq!(PARTS.len(), 5);
        let mut holding = 0;
        for pattern in &patterns {
            let whole = narrowed(regex_automata::util::syntax::parse(pattern).unwrap(), &alphabet);
            assert_eq!(narrow_hir(pattern).unwrap(), whole, "{pattern}");
            let holds = PARTS.iter().any(|part| pattern.contains(&part.written));
            assert_eq!(spliced_hir_of(pattern, &alphabet, &PARTS[..]).unwrap().is_some(), holds, "{pattern}");
            holding += usize::from(holds);
        }
        assert!(holding >= 8, "{holding}");
        // Each part is its text parsed whole, and the parts that hold
        // smaller ones (a date and time, a date) are spliced from them.
        for (i, part) in PARTS.iter().enumerate() {
            let whole = narrowed(regex_automata::util::syntax::parse(&part.written).unwrap(), &alphabet);
            assert_eq!(part.hir(), Some(&whole), "{}", part.written);
            let smaller = &PARTS[i + 1..];
            let holds = smaller.iter().any(|s| part.written.contains(&s.written));
            assert_eq!(holds, i < 2, "{}", part.written);
            assert_eq!(spliced_hir_of(&part.written, &alphabet, smaller).unwrap().is_some(), holds);
        }
        // A part where a flag is set is not spliced, and the pattern is
        // parsed whole; one where none is, is.
        let date = date_pattern();
        for (pattern, splices) in [
            (format!("(?i:x{date})"), false),
            (format!("(?i)x|{date}"), false),
            (format!("(?-u:x){date}|(?s:.)"), true),
            (format!("x{date}y{date}?"), true),
            (format!("x\u{E001}{date}"), false),
        ] {
            let whole = narrowed(regex_automata::util::syntax::parse(&pattern).unwrap(), &alphabet);
            assert_eq!(narrow_hir(&pattern).unwrap(), whole, "{pattern}");
            assert_eq!(
                spliced_hir_of(&pattern, &alphabet, &PARTS[..]).unwrap().is_some(),
                splices,
                "{pattern}"
            );
        }
    }

    /// Which characters the narrow builds are for: ASCII, Latin letters and
    /// their accents, typeset punctuation; not other scripts or emoji.
    #[test]
    fn narrow_texts() {
        // The byte test agrees with the ranges on every character around
        // and inside them, alone and after ASCII runs of every length.
        let in_ranges = |c: char| NARROW.iter().any(|&(start, end)| (start..=end).contains(&c));
        let edges = (0..0x500).chain(0x1F00..0x2400).chain([0xFEFF, 0x1F600]);
        for c in edges.filter_map(char::from_u32) {
            for run in 0..10 {
                let text = format!("{}{c}", "a".repeat(run));
                assert_eq!(is_narrow(&text), in_ranges(c), "{text:?}");
                assert_eq!(is_narrow(&format!("{text}{c}é ’ —")), in_ranges(c), "{text:?}");
            }
        }
        for text in ["", "plain", "José", "Jose\u{301}", "“Zoë” — Łódź…", "a\u{a0}b", "≥ 5 €", "Dvořák’s ½"]
        {
            assert!(is_narrow(text), "{text:?}");
        }
        for text in ["Москва", "Αθήνα", "北京", "café ☕", "٣", "\u{fe0f}", "\u{feff}x"] {
            assert!(!is_narrow(text), "{text:?}");
        }
    }

    /// A search the lazy DFA gives up is answered by the PikeVM, as
    /// `regex::Regex` answers it, in the builds as written and in the
    /// narrow ones (on their texts). A cache of the smallest size, and no
    /// clearing of it allowed, makes the DFA give up.
    #[test]
    fn a_search_given_up_falls_back() {
        let config = DFA::config()
            .cache_capacity(0)
            .skip_cache_capacity_check(true)
            .minimum_cache_clear_count(Some(0))
            .minimum_bytes_per_state(None);
        let cases = pattern_cases();
        for narrow in [false, true] {
            let (mut gave_up, mut found) = (0, 0);
            for (written, anchored) in [(sentence_pattern(), false), (standalone_pattern(), true)] {
                let tiny = Pattern::with_config(&written, narrow, config.clone()).unwrap();
                let regex = Regex::new(&written).unwrap();
                for case in cases.iter().filter(|case| !narrow || is_narrow(case)).take(600) {
                    let input = Input::new(case.as_str()).anchored(if anchored {
                        Anchored::Yes
                    } else {
                        Anchored::No
                    });
                    gave_up += usize::from(tiny.dfa.try_search_fwd(&mut tiny.caches.get(), &input).is_err());
                    found += usize::from(regex.is_match(case));
                    assert_eq!(tiny.is_match(case), regex.is_match(case), "{case:?}");
                    if anchored {
                        assert_eq!(tiny.end_at_start(case), regex.find(case).map(|m| m.end()), "{case:?}");
                    }
                }
            }
            assert!(gave_up > 100, "{gave_up}");
            assert!(found > 10, "{found}");
        }
    }

    /// The contact line, tested in two parts, accepts exactly what the
    /// single bounded pattern it replaced accepted.
    #[test]
    fn contact_line_is_the_bounded_pattern() {
        let bounded =
            Regex::new(r"^(?:[\p{L}\s'’,&\-]{1,60}:\s*(?:[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|https?://\S+))$")
                .unwrap();
        let mut cases: Vec<String> = [
            "Letters to the editor: letters@example.com",
            "Contact: https://example.org/tips",
            "Tips: tips@example",
            "Tips: a@b.c.d",
            ": a@b.org",
            "Name: a@b.org and more",
            "Email us:a@b.org",
            "Ärzte’s desk, & co-op: x@y.de",
            "Desk 2: a@b.org",
            "Desk: https://x: y",
            "Desk: a@b.org: c@d.org",
            "Desk:: a@b.org",
            "Desk\u{3000}news: http://x",
            "Desk: a@b.org\n",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for n in [59, 60, 61] {
            for letter in ["a", "é", "ж"] {
                cases.push(format!("{}: a@b.org", letter.repeat(n)));
                cases.push(format!("{} x: https://x.org", letter.repeat(n - 2)));
            }
        }
        let mut accepted = 0;
        for case in &cases {
            assert_eq!(is_contact_line(case), bounded.is_match(case), "{case:?}");
            accepted += usize::from(bounded.is_match(case));
        }
        assert!((8..cases.len() - 8).contains(&accepted), "{accepted} of {}", cases.len());
    }

    /// `words_at_most` agrees with splitting at blanks, Unicode ones
    /// included, at every bound.
    #[test]
    fn words_at_most_counts_runs_between_blanks() {
        let texts = [
            "",
            "   ",
            "one",
            " one  two\tthree\nfour ",
            "a\u{0B}b\u{0C}c\rd",
            "non\u{00A0}breaking and\u{200B}zero\u{2060}width",
            "Café — déjà vu, naïve",
            "x\u{3000}y\u{2028}z",
        ];
        for t in texts {
            let words = t.split(is_blank).filter(|w| !w.is_empty()).count();
            for n in 0..7 {
                assert_eq!(words_at_most(t, n), words <= n, "{t:?} with {words} words, at most {n}");
            }
        }
    }

    proptest::proptest! {
        /// ASCII text, read eight bytes at a time, counts the words that
        /// splitting at blanks gives, at every bound around them.
        #[test]
        fn ascii_words_at_most_counts_as_the_split_does(t in "[a-c .,\t\n\u{b}\u{c}\r]{0,40}") {
            let words = t.split(is_blank).filter(|w| !w.is_empty()).count();
            for n in words.saturating_sub(2)..words + 2 {
                proptest::prop_assert_eq!(words_at_most(&t, n), words <= n, "{:?} with {} words, at most {}", t, words, n);
            }
        }
    }

    /// `split_lines` read character by character, as it was written first.
    fn split_lines_by_chars(text: &str) -> Vec<(usize, usize, bool, bool)> {
        let mut lines = Vec::new();
        let mut start = 0;
        let mut chars = text.char_indices().peekable();
        let mut push = |start: usize, end: usize, para_break: bool| {
            lines.push((start, end, text[start..end].chars().all(is_blank), para_break));
        };
        while let Some((i, c)) = chars.next() {
            let para_break = match c {
                '\n' | '\u{0B}' | '\u{85}' | '\u{2028}' => false,
                '\r' => {
                    if chars.peek().is_some_and(|&(_, n)| n == '\n') {
                        chars.next();
                    }
                    false
                }
                '\u{0C}' | '\u{2029}' => true,
                _ => continue,
            };
            push(start, i, para_break);
            start = chars.peek().map_or(text.len(), |&(j, _)| j);
        }
        if start < text.len() {
            push(start, text.len(), false);
        }
        lines
    }

    proptest::proptest! {
        /// Lines found by bytes are the lines found by characters, with
        /// every terminator and characters that share their lead bytes
        /// (U+0080–U+00BF after 0xC2, U+2000–U+203F after 0xE2 0x80).
        #[test]
        fn lines_split_by_bytes_as_by_characters(
            text in "([a \t]|\r|\n|\u{0B}|\u{0C}|\u{85}|\u{A0}|\u{2028}|\u{2029}|\u{2027}|\u{202A}|[\u{80}-\u{BF}]|[\u{2000}-\u{203F}]|é){0,40}"
        ) {
            let lines: Vec<_> = split_lines(&text).iter().map(|l| (l.start, l.end, l.blank, l.para_break)).collect();
            proptest::prop_assert_eq!(lines, split_lines_by_chars(&text));
        }
    }

    /// `(kind, sentence text)` pairs of `segment(text)`.
    fn kinds(text: &str) -> Vec<(SentenceKind, &str)> {
        segment(text).iter().map(|s| (s.kind, s.span.slice(text))).collect()
    }

    /// Runs a table of `(text, expected sentences)` cases, reporting every
    /// failing case at once.
    fn check_table(cases: &[(&str, &[(SentenceKind, &str)])]) {
        let mut failures = Vec::new();
        for (text, expected) in cases {
            let got = kinds(text);
            if got != *expected {
                failures.push(format!("text: {text:?}\n  expected: {expected:?}\n  got:      {got:?}"));
            }
            check_invariants(text);
        }
        assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn no_split_without_following_whitespace() {
        check_table(&[
            (
                "“These facts demonstrate that Veldoria did not close the Morvan-Tessel road,” \
                 President.Vd quoted Darvesh as saying.",
                &[(
                    Body,
                    "“These facts demonstrate that Veldoria did not close the Morvan-Tessel road,” \
                     President.Vd quoted Darvesh as saying.",
                )],
            ),
            ("Visit site.Com today. It works.", &[(Body, "Visit site.Com today."), (Body, "It works.")]),
            // Scripts that put no space after a full stop still split.
            ("東京は晴れ。大阪は雨。", &[(Body, "東京は晴れ。"), (Body, "大阪は雨。")]),
        ]);
    }

    #[test]
    fn line_breaks_are_boundaries() {
        check_table(&[
            (
                "It emphasized the importance of reopening the corridor as soon as possible\n\
                 Secretary of State Maren Holt Oliver Contreras/Pool via AP\n\
                 Secretary of State Maren Holt\n\
                 © Oliver Contreras/Pool via AP",
                &[
                    (Body, "It emphasized the importance of reopening the corridor as soon as possible"),
                    (Boilerplate, "Secretary of State Maren Holt Oliver Contreras/Pool via AP"),
                    // A title-case line directly above a credit is a caption.
                    (Body, "Secretary of State Maren Holt"),
                    (Boilerplate, "© Oliver Contreras/Pool via AP"),
                ],
            ),
            // Across a blank line or a paragraph separator, a credit does
            // not turn the line above it into a caption.
            (
                "Talks Resume in Brussels\n\n© Staff Photographer",
                &[(Headline, "Talks Resume in Brussels"), (Boilerplate, "© Staff Photographer")],
            ),
            (
                "Talks Resume in Brussels\u{2029}© Staff Photographer",
                &[(Headline, "Talks Resume in Brussels"), (Boilerplate, "© Staff Photographer")],
            ),
            (
                "First line without a stop\r\nSecond line\rThird line\u{2028}Fourth line.",
                &[
                    (Body, "First line without a stop"),
                    (Body, "Second line"),
                    (Body, "Third line"),
                    (Body, "Fourth line."),
                ],
            ),
        ]);
    }

    #[test]
    fn line_endings_and_paragraphs() {
        let text = "\u{FEFF}One here.\r\nTwo here.\rThree here.\n\n\n  Four here. Five here.\u{2029}Six.";
        let got: Vec<(&str, usize)> =
            segment(text).iter().map(|s| (s.span.slice(text), s.paragraph)).collect();
        assert_eq!(
            got,
            [
                ("One here.", 0),
                ("Two here.", 1),
                ("Three here.", 2),
                ("Four here.", 3),
                ("Five here.", 3),
                ("Six.", 4)
            ]
        );
    }

    #[test]
    fn hard_wrapped_text_is_joined() {
        let text = "Hi all,\n\n\
            The ministers met in Brussels on Saturday and agreed to continue the\n\
            talks next month, according to a statement released after the meeting\n\
            by the European Council. The statement did not mention the corridor or\n\
            the checkpoint set up by the government in April.\n\n\
            Officials said the next round would take place in Washington, but no\n\
            date has been set yet. Mr. Smith declined to comment on the report when\n\
            asked by reporters at 10 a.m. on Monday.\n\n\
            Best,\n\
            John\n";
        let got: Vec<(String, usize)> =
            segment(text).iter().map(|s| (s.span.slice(text).replace('\n', " "), s.paragraph)).collect();
        let expected = [
            ("Hi all,", 0),
            (
                "The ministers met in Brussels on Saturday and agreed to continue the talks next month, \
                 according to a statement released after the meeting by the European Council.",
                1,
            ),
            (
                "The statement did not mention the corridor or the checkpoint set up by the government in April.",
                1,
            ),
            (
                "Officials said the next round would take place in Washington, but no date has been set yet.",
                2,
            ),
            ("Mr. Smith declined to comment on the report when asked by reporters at 10 a.m. on Monday.", 2),
            // A deliberate short line is not a wrap.
            ("Best,", 3),
            ("John", 4),
        ];
        let expected: Vec<(String, usize)> = expected.iter().map(|&(s, p)| (s.to_string(), p)).collect();
        assert_eq!(got, expected);
        check_invariants(text);
    }

    #[test]
    fn web_text_is_not_hard_wrapped() {
        // Short lines of varied length without final punctuation: captions,
        // credits, headlines. Each stays its own sentence.
        let text = "Talks resume in Brussels\n\
            Leaders of both countries met for the third time this year on Saturday\n\
            A view of the border crossing\n\
            Photo: Staff\n";
        let lines = split_lines(text);
        assert_eq!(hard_wrap_width(text, &lines), None);
        assert_eq!(segment(text).len(), 4);
        let wrapped = "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll\n\
            mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv wwww xxxx\n\
            yyyy zzzz aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj\n\
            kkkk llll.\n";
        assert_eq!(hard_wrap_width(wrapped, &split_lines(wrapped)), Some(59));
        assert_eq!(segment(wrapped).len(), 1);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let one_sentence = [
            "The U.S. envoy met the U.K. and U.N. delegations in the morning.",
            "Gen. Valery Gerasimov and Lt. Col. Ivan Petrov arrived.",
            "Mr. Smith, Mrs. Jones, Ms. Varga and Dr. Lee met at St. Paul's.",
            "Martin Luther King Jr. Day is a holiday.",
            "Sen. Adams, Rep. Brown, Gov. Clark and Prof. Davis spoke.",
            "Acme Inc. and Foo Ltd. signed with Bar Co. and Baz Corp. on Monday.",
            "He spoke outside No. 10 Downing Street.",
            "It was Smith vs. Jones in the final.",
            "They brought food, water, fuel, etc. to the town.",
            "The convoy left at 10 a.m. and returned at 4 p.m. on the same day.",
            "Talks ended at 5 p.m. Tuesday after a long session.",
            "The deal was signed on Jan. 5 and ratified on Feb. 6, Aug. 7 or Sept. 8.",
            "Deadlines fell on Oct. 1, Nov. 2 and Dec. 3.",
            "Secretary of State Maren J. Holt spoke with the president.",
            "He met Amb. Carter and Atty. Gen. Miller in Ft. Worth.",
            "Talks with Messrs. Brown and Green resumed.",
        ];
        let cases: Vec<(&str, Vec<(SentenceKind, &str)>)> =
            one_sentence.iter().map(|&s| (s, vec![(Body, s)])).collect();
        let cases: Vec<(&str, &[(SentenceKind, &str)])> =
            cases.iter().map(|(t, e)| (*t, e.as_slice())).collect();
        check_table(&cases);
        check_table(&[
            (
                "He arrived at 10 a.m. He met the minister.",
                &[(Body, "He arrived at 10 a.m."), (Body, "He met the minister.")],
            ),
            (
                "He visited the U.S. The trip was long.",
                &[(Body, "He visited the U.S."), (Body, "The trip was long.")],
            ),
            (
                "They had apples, pears etc. They left.",
                &[(Body, "They had apples, pears etc."), (Body, "They left.")],
            ),
            (
                "… medical facilities, fuel supplies, etc.? Blockading a region is a criminal act.",
                &[
                    (Body, "… medical facilities, fuel supplies, etc.?"),
                    (Body, "Blockading a region is a criminal act."),
                ],
            ),
        ]);
    }

    #[test]
    fn quotes_with_attribution_stay_whole() {
        check_table(&[
            (
                "“We will respond. This is unacceptable,” the minister said. Talks ended.",
                &[
                    (Body, "“We will respond. This is unacceptable,” the minister said."),
                    (Body, "Talks ended."),
                ],
            ),
            (
                "\"Will we respond? Yes. We will!\" the minister asked.",
                &[(Body, "\"Will we respond? Yes. We will!\" the minister asked.")],
            ),
            (
                "“The incident is related to the absence of a demarcated border. The other side has \
                 repeatedly called on the commission. We are ready to help,” Marlow said.",
                &[(
                    Body,
                    "“The incident is related to the absence of a demarcated border. The other side has \
                     repeatedly called on the commission. We are ready to help,” Marlow said.",
                )],
            ),
            ("“Go now.” he said. “Next.”", &[(Body, "“Go now.” he said."), (Body, "“Next.”")]),
            // A quote ending in "!" or "?" keeps its short attribution, even
            // when a capitalised name opens it.
            (
                "“We will never be stopped!” Marlow told the crowd on Saturday. Talks ended.",
                &[
                    (Body, "“We will never be stopped!” Marlow told the crowd on Saturday."),
                    (Body, "Talks ended."),
                ],
            ),
            ("\"Why now?\" The minister asked.", &[(Body, "\"Why now?\" The minister asked.")]),
            // Not a reporting verb, or not short: the split stands.
            (
                "“Why now?” The minister left the room.",
                &[(Body, "“Why now?”"), (Body, "The minister left the room.")],
            ),
            (
                "“This is a quote. It has no attribution.” The minister left.",
                &[(Body, "“This is a quote. It has no attribution.”"), (Body, "The minister left.")],
            ),
        ]);
    }

    #[test]
    fn datelines() {
        check_table(&[
            (
                "THE HAGUE ( — Since December 12, a number of citizens have blocked the corridor.",
                &[
                    (Boilerplate, "THE HAGUE ( —"),
                    (Body, "Since December 12, a number of citizens have blocked the corridor."),
                ],
            ),
            (
                "MORVAN (Radiolink) — Veldoria has rejected Norland’s latest calls.",
                &[
                    (Boilerplate, "MORVAN (Radiolink) —"),
                    (Body, "Veldoria has rejected Norland’s latest calls."),
                ],
            ),
            (
                "WASHINGTON, May 1. /NORPRESS/. US Secretary of State Maren Holt held a telephone conversation.",
                &[
                    (Boilerplate, "WASHINGTON, May 1. /NORPRESS/."),
                    (Body, "US Secretary of State Maren Holt held a telephone conversation."),
                ],
            ),
            (
                "OSLO, Norway (AP) — Talks resumed.",
                &[(Boilerplate, "OSLO, Norway (AP) —"), (Body, "Talks resumed.")],
            ),
            (
                "SAN JUAN CAPISTRANO, Jan. 5, 2023 -- The market fell.",
                &[(Boilerplate, "SAN JUAN CAPISTRANO, Jan. 5, 2023 --"), (Body, "The market fell.")],
            ),
            (
                "LONDON, May 1 (Wire) - Talks began.",
                &[(Boilerplate, "LONDON, May 1 (Wire) -"), (Body, "Talks began.")],
            ),
            ("PARIS—The talks ended.", &[(Boilerplate, "PARIS—"), (Body, "The talks ended.")]),
            ("WASHINGTON —", &[(Boilerplate, "WASHINGTON —")]),
            // Not datelines: lowercase continuation, mid-paragraph, mixed case.
            ("NATO — the alliance — said so.", &[(Body, "NATO — the alliance — said so.")]),
            ("He said so. PARIS — Talks ended.", &[(Body, "He said so."), (Body, "PARIS — Talks ended.")]),
            ("Paris — Talks ended.", &[(Body, "Paris — Talks ended.")]),
        ]);
    }

    #[test]
    fn dateline_paragraph_numbering() {
        let text = "Headline Goes Here\n\nMORVAN (Agency) — It began. It ended.";
        let got: Vec<usize> = segment(text).iter().map(|s| s.paragraph).collect();
        assert_eq!(got, [0, 1, 1, 1]);
    }

    #[test]
    fn boilerplate_patterns() {
        let boilerplate = [
            "Subscribe to our newsletter",
            "Sign up for breaking news alerts.",
            "Follow us on social media",
            "Share this article",
            "Read more",
            "Read more: Talks collapse",
            "Advertisement",
            "12 Comments",
            "Friday, 23 June 2023",
            "July 20, 2024",
            "20.07.2024 14:02",
            "Published: 12:30, 20 July 2024 | Updated: 13:00, 20 July 2024",
            "Photo: John Smith",
            "Credit: Staff photographer",
            "© 2023 All rights reserved",
            "Photo courtesy of the ministry",
            "A convoy near the border John Smith/Pool",
            "Jane Roe via AP",
            "Handout via Ministry of Defence",
            "Lisbon, 18 January 2023",
            "By Staff Reporter",
            "By Jane Doe, John Roe and Ann Poe",
            "Company logo",
            "Related articles",
            "Delivered straight to your inbox every morning.",
            "Home / World / Europe",
            "NEWS | NATIONAL | 17 May 2025, 16:20",
            "Jane Doe — 12.09.2024",
            "4 MIN READ",
            "Reading time: 5 minutes",
            "(Reporting by Jane Doe; editing by John Roe)",
            "(Agency/J. Smith)",
            "All rights reserved.",
            "Support independent journalism: become a member today.",
            "Get the paper delivered: subscribe from 3 crowns a week.",
            "By Jane Doe, staff writer",
            "Letters to the editor: letters@example.com",
        ];
        let mut failures = Vec::new();
        for text in boilerplate {
            if kinds(text) != [(Boilerplate, text)] {
                failures.push((text, kinds(text)));
            }
        }
        let body = [
            "By the time they left, it was dark.",
            "The report said subscribers grew.",
            "Photographers gathered outside.",
            "Key Points:",
            "Is Peace Possible?",
            "The talks resumed on July 20, 2024.",
            "Officials met the president, who said the deal was close",
            "Officials reached the border by car via the mountain road",
            "(The minister did not say when the border would reopen.)",
            "Police said the 2019/2020 season was worse.",
            "By Tuesday, officials had left the building",
            "Readers who subscribe get the paper on Sundays.",
        ];
        for text in body {
            if kinds(text) != [(Body, text)] {
                failures.push((text, kinds(text)));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn boilerplate_needs_a_whole_line() {
        // A date or a byline inside a paragraph is not page furniture.
        check_table(&[(
            "The talks began. Friday, 23 June 2023",
            &[(Body, "The talks began."), (Body, "Friday, 23 June 2023")],
        )]);
    }

    #[test]
    fn headlines() {
        check_table(&[
            ("Holt and Varga Meet in Brussels", &[(Headline, "Holt and Varga Meet in Brussels")]),
            // "via" alone does not make an image credit.
            ("Aid Arrives via Norland", &[(Headline, "Aid Arrives via Norland")]),
            ("BREAKING NEWS", &[(Headline, "BREAKING NEWS")]),
            ("Брюссельская Встреча Лидеров", &[(Headline, "Брюссельская Встреча Лидеров")]),
            // One word, a full stop, a question, sentence case, two sentences.
            ("Brussels", &[(Body, "Brussels")]),
            ("Brussels Meeting Ends.", &[(Body, "Brussels Meeting Ends.")]),
            ("Will Talks Resume?", &[(Body, "Will Talks Resume?")]),
            ("Talks resume after a long pause", &[(Body, "Talks resume after a long pause")]),
            ("Talks Resume. Leaders Meet", &[(Body, "Talks Resume."), (Body, "Leaders Meet")]),
            ("العربية في بروكسل", &[(Body, "العربية في بروكسل")]),
        ]);
    }

    #[test]
    fn kinds_serialize_kebab_case() {
        let sentence = Sentence { span: Span::new(0, 4), kind: Boilerplate, paragraph: 2 };
        let json = serde_json::to_string(&sentence).expect("serializes");
        assert_eq!(json, r#"{"span":{"start":0,"end":4},"kind":"boilerplate","paragraph":2}"#);
        let back: Sentence = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, sentence);
    }

    #[test]
    fn long_lines_are_chunked_safely() {
        // Sentences in a line far longer than MAX_CHUNK come out as if the
        // line were short.
        let unit = "The minister said the talks would resume next week in the capital. ";
        let text = unit.repeat(4 * MAX_CHUNK / unit.len());
        let sentences = segment(&text);
        assert_eq!(sentences.len(), 4 * MAX_CHUNK / unit.len());
        assert!(sentences.iter().all(|s| s.span.slice(&text) == unit.trim_end()));
        // A chunk cut inside an unbroken run is undone.
        let word = "x".repeat(3 * MAX_CHUNK + 7);
        let got = segment(&word);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].span, Span::new(0, word.len()));
        // Multibyte chars straddling the chunk limit.
        let greek = "καλημέρα".repeat(MAX_CHUNK / 4);
        assert_eq!(segment(&greek).len(), 1);
        check_invariants(&greek);
    }

    #[test]
    fn empty_and_blank_texts() {
        for text in ["", " ", "\n\n\r\n", "\u{FEFF}", "\u{200B}\u{A0}\t", "\u{2029}\u{0C}"] {
            assert_eq!(segment(text), [], "{text:?}");
        }
    }

    // -----------------------------------------------------------------------
    // Invariants
    // -----------------------------------------------------------------------

    /// Whether a line terminator occurs in `s`.
    fn has_line_break(s: &str) -> bool {
        s.contains(['\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}'])
    }

    /// Whether `s` contains a blank line (two line breaks with only
    /// whitespace between them) or a paragraph separator.
    fn has_blank_line(s: &str) -> bool {
        let lines = split_lines(s);
        s.contains(['\u{0C}', '\u{2029}'])
            || lines.iter().skip(1).take(lines.len().saturating_sub(1)).any(|l| l.blank && l.end < s.len())
    }

    /// Checks every documented invariant of `segment(text)`.
    fn check_invariants(text: &str) {
        let sentences = segment(text);
        // What the corpus path keeps comes back as it was found, packed.
        let kept = Sentences::new(sentences.clone());
        assert!(matches!(kept, Sentences::Packed(_)), "unpacked sentences of {text:?}");
        assert_eq!(kept.get(), sentences, "packed sentences of {text:?}");
        let mut covered = 0;
        let mut prev: Option<Sentence> = None;
        for s in &sentences {
            let Span { start, end } = s.span;
            assert!(start < end, "empty span {s:?} in {text:?}");
            assert!(end <= text.len(), "span out of bounds {s:?} in {text:?}");
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "{s:?} in {text:?}");
            let slice = &text[start..end];
            assert!(!slice.starts_with(is_blank) && !slice.ends_with(is_blank), "untrimmed {slice:?}");
            assert!(start >= covered, "overlap at {s:?} in {text:?}");
            // Everything between sentences is whitespace.
            assert!(text[covered..start].chars().all(is_blank), "uncovered text before {s:?} in {text:?}");
            if let Some(p) = prev {
                let gap = &text[p.span.end..start];
                if has_blank_line(gap) {
                    assert!(s.paragraph > p.paragraph, "no new paragraph at {gap:?} in {text:?}");
                }
                if !has_line_break(gap) {
                    assert_eq!(s.paragraph, p.paragraph, "paragraph changed within a line in {text:?}");
                }
                assert!(s.paragraph <= p.paragraph + 1, "paragraph skipped in {text:?}");
                assert!(s.paragraph >= p.paragraph, "paragraph went back in {text:?}");
            } else {
                assert_eq!(s.paragraph, 0);
            }
            covered = end;
            prev = Some(*s);
        }
        assert!(text[covered..].chars().all(is_blank), "uncovered tail in {text:?}");
    }

    /// A deterministic xorshift generator.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    const FRAGMENTS: &[&str] = &[
        "U.S.",
        "a.m.",
        "p.m.",
        "Mr.",
        "Ms.",
        "Gen.",
        "vs.",
        "etc.",
        "No.",
        "J.",
        "1.",
        "10",
        "2)",
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "(",
        ")",
        "[",
        "]",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "\n \n",
        " ",
        "  ",
        "\t",
        "\u{A0}",
        "\u{FEFF}",
        "\u{200B}",
        "\u{200D}",
        "\u{200F}",
        "\u{2028}",
        "\u{2029}",
        "\u{85}",
        "\u{0B}",
        "\u{0C}",
        "—",
        "–",
        "--",
        "-",
        "/",
        "WASHINGTON",
        "THE HAGUE",
        "(AP)",
        "/NORPRESS/.",
        ", May 1",
        "By",
        "Smith",
        "logo",
        "©",
        "via",
        "Read more",
        "in your inbox",
        "comments",
        "Բարև ձեզ։",
        "Россия.",
        "العربية؟",
        "עברית.",
        "日本語。",
        "😀",
        "👨‍👩‍👧",
        "e\u{301}",
        "!",
        "?",
        "…",
        "...",
        ". . .",
        "?!",
        ".",
        ",",
        ":",
        ";",
        "*",
        "•",
        "word",
        "Word",
        "the",
        "Talks",
        "said",
        "a.b@c.com",
        "http://x.y/z.",
    ];

    #[test]
    fn invariants_hold_on_random_tricky_text() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..4000 {
            let mut text = String::new();
            for _ in 0..rng.below(60) {
                text.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
                if rng.below(3) == 0 {
                    text.push(' ');
                }
            }
            check_invariants(&text);
        }
    }

    #[test]
    fn invariants_hold_on_random_wrapped_text() {
        // Random words wrapped at a random width exercise the hard-wrap path.
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let mut wrapped_docs = 0;
        for _ in 0..300 {
            let width = 40 + rng.below(60);
            let mut text = String::new();
            let mut line = 0;
            for _ in 0..rng.below(200) {
                let word = FRAGMENTS[rng.below(FRAGMENTS.len())];
                let word = if has_line_break(word) || word.trim().is_empty() { "word" } else { word };
                let len = word.chars().count();
                if line > 0 && line + 1 + len > width {
                    text.push_str(if rng.below(8) == 0 { "\n\n" } else { "\n" });
                    line = 0;
                } else if line > 0 {
                    text.push(' ');
                    line += 1;
                }
                text.push_str(word);
                line += len;
            }
            wrapped_docs += usize::from(hard_wrap_width(&text, &split_lines(&text)).is_some());
            check_invariants(&text);
        }
        assert!(wrapped_docs > 100, "only {wrapped_docs} documents detected as wrapped");
    }

    #[test]
    fn invariants_hold_on_pathological_inputs() {
        for text in pathological_inputs(40_000) {
            check_invariants(&text.1);
        }
    }

    /// Named pathological inputs of about `size` bytes.
    fn pathological_inputs(size: usize) -> Vec<(&'static str, String)> {
        let fill = |unit: &str| unit.repeat(size / unit.len() + 1);
        let numbers: String = (1..).map(|i| format!("{i}. ")).take_while(|_| true).take(size / 6).collect();
        vec![
            ("no punctuation", fill("word ")),
            ("a. repeated", fill("a. ")),
            ("numbers 1. 2. 3.", numbers),
            ("only punctuation", fill(".!?…;:,\"'“”‘’()[]")),
            ("open quotes", fill("“Open. Quote. ")),
            ("nested quotes", fill("“He said ‘she said \"x. Y. ") + &fill("” z.’ Q.” ")),
            ("list lines", fill("1. item\n")),
            ("mixed scripts", fill("Բարև ձեզ. Снег идёт. العربية تقول. ‏עברית. 日本語。 ")),
            ("zero-width", fill("\u{FEFF}a\u{200B}. \u{200D}B\u{2060}. ")),
            ("CRLF and CR", fill("Line one.\r\nLine two\r\rThree. ")),
            ("BOM", "\u{FEFF}".to_string() + &fill("Normal text here. ")),
            (
                "normal paragraphs",
                fill(
                    "The minister said on Monday that the U.S. envoy would visit. “We will respond. This is unacceptable,” he said.\n\n",
                ),
            ),
            ("long words", fill("x")),
            ("wrapped", fill("word word word word word word word word word word word word\n")),
        ]
    }

    /// Timing of `segment` on pathological inputs at doubling sizes. Run with
    /// `cargo test --release -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing; run in release mode"]
    fn linear_time_on_pathological_inputs() {
        let sizes = [1 << 18, 1 << 19, 1 << 20, 1 << 21];
        let names: Vec<&str> = pathological_inputs(16).iter().map(|(n, _)| *n).collect();
        for (i, name) in names.iter().enumerate() {
            let mut times = Vec::new();
            for size in sizes {
                let text = pathological_inputs(size).swap_remove(i).1;
                let mut n = 0;
                let mut secs = f64::INFINITY;
                for _ in 0..3 {
                    let start = std::time::Instant::now();
                    n = segment(&text).len();
                    secs = secs.min(start.elapsed().as_secs_f64());
                }
                println!("{name:20} {:>9} bytes {n:>8} sentences {:>9.1} ms", text.len(), secs * 1e3);
                times.push(secs);
            }
            // Quadrupling the input must not take much more than four times
            // as long (quadratic would be 16x); times under 50 ms are noise.
            let ratio = times[3] / times[1];
            assert!(times[3] < 0.05 || ratio < 8.0, "{name}: 4x input took {ratio:.1}x time");
        }
        let text = pathological_inputs(20 << 20).swap_remove(11).1;
        let start = std::time::Instant::now();
        let n = segment(&text).len();
        println!("20 MB normal paragraphs: {n} sentences in {:.0} ms", start.elapsed().as_secs_f64() * 1e3);
    }
}
