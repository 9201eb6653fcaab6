//! Word tokens with byte spans, and the normalisations every later stage
//! matches on.
//!
//! The tokenizer is hand-written because its decisions are part of
//! claimgraph's behaviour and must be stable: hyphenated compounds stay one
//! token ("eco-activists", "Upper-Dravia", "seven-month"), a possessive
//! `'s` / `’s` is its own token, "didn't" becomes "did" + "n't", dotted
//! abbreviations ("U.S.", "a.m.") are one token, and numbers keep their
//! thousands separators and decimals ("120,000", "1.5"). Every token's span
//! lies on char boundaries of the text.

use compact_str::CompactString;

use crate::span::Span;

/// What kind of token this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word, possibly hyphenated or with an internal apostrophe.
    Word,
    /// A number written with digits (may contain `,` and `.`).
    Number,
    /// An opening quotation mark.
    OpenQuote,
    /// A closing quotation mark.
    CloseQuote,
    /// Any other punctuation or symbol, one char per token.
    Punct,
}

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the text.
    pub span: Span,
    /// Its kind.
    pub kind: TokenKind,
    /// Lowercased, with typographic apostrophes and dashes made ASCII and
    /// accents folded ("Şəhla" becomes "sahla").
    pub norm: CompactString,
    /// Whether the first character is uppercase.
    pub capitalized: bool,
}

impl Token {
    /// Whether this is a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Whether this is a quotation mark of either direction.
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokenKind::OpenQuote | TokenKind::CloseQuote)
    }

    /// Whether this token is the punctuation `c`.
    pub fn is_punct(&self, c: &str) -> bool {
        self.kind == TokenKind::Punct && self.norm == c
    }

    /// Whether every letter of the token is uppercase and it has at least two letters.
    pub fn is_all_caps(&self, text: &str) -> bool {
        let s = self.span.slice(text);
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 && s.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
    }
}

/// A filter for membership in lists of words: whether some listed word has
/// a word's length, first byte and last byte. A word it rejects is in none
/// of the lists; a word it passes may be, and is then looked for in them.
/// Most words of a text are rejected by three table reads, where comparing
/// each with every listed word of its length took some hundred
/// instructions. The table holds words of 1 to [`WordShapes::LONGEST`]
/// bytes with an ASCII lowercase letter at each end; once a word of any
/// other shape is listed, every word of another shape passes.
#[derive(Clone)]
pub(crate) struct WordShapes {
    table: [[u32; 26]; WordShapes::LONGEST + 1],
    /// Whether a listed word has a shape the table does not hold.
    odd: bool,
}

impl std::fmt::Debug for WordShapes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shapes: u32 = self.table.iter().flatten().map(|m| m.count_ones()).sum();
        f.debug_struct("WordShapes").field("shapes", &shapes).field("odd", &self.odd).finish()
    }
}

impl WordShapes {
    /// The longest word the table holds, in bytes.
    const LONGEST: usize = 15;

    /// The filter for the words of `lists` (at compile time for constant
    /// lists).
    pub(crate) const fn of(lists: &[&[&str]]) -> WordShapes {
        let mut shapes = WordShapes { table: [[0; 26]; WordShapes::LONGEST + 1], odd: false };
        let mut l = 0;
        while l < lists.len() {
            let mut i = 0;
            while i < lists[l].len() {
                shapes.add(lists[l][i]);
                i += 1;
            }
            l += 1;
        }
        shapes
    }

    /// Lists `word` too.
    pub(crate) const fn add(&mut self, word: &str) {
        match WordShapes::cell(word) {
            Some((len, first, last)) => self.table[len][first] |= last,
            None => self.odd = true,
        }
    }

    /// Where the table holds words of `w`'s shape: its length, the index of
    /// its first letter and the bit of its last; `None` for a word of
    /// another shape.
    #[inline]
    const fn cell(w: &str) -> Option<(usize, usize, u32)> {
        let b = w.as_bytes();
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else { return None };
        if b.len() > WordShapes::LONGEST || !first.is_ascii_lowercase() || !last.is_ascii_lowercase() {
            return None;
        }
        Some((b.len(), (first - b'a') as usize, 1 << (last - b'a')))
    }

    /// Whether `w` may be a listed word (`false`: it is none).
    #[inline]
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        match WordShapes::cell(w) {
            Some((len, first, last)) => self.table[len][first] & last != 0,
            None => self.odd,
        }
    }
}

/// A map from words to values, behind a [`WordShapes`] filter of its keys:
/// for tables asked about every word of a text, most of which they do not
/// hold. [`ShapedMap::get`] rejects most words by the filter's three table
/// reads and hashes only the rest.
#[derive(Clone, Debug)]
pub(crate) struct ShapedMap<K, V> {
    shapes: WordShapes,
    map: foldhash::HashMap<K, V>,
}

impl<K, V> Default for ShapedMap<K, V> {
    fn default() -> ShapedMap<K, V> {
        ShapedMap { shapes: WordShapes::of(&[]), map: foldhash::HashMap::default() }
    }
}

impl<K: std::borrow::Borrow<str> + std::hash::Hash + Eq, V> ShapedMap<K, V> {
    /// The entry of `key`, which the filter now lets through.
    pub(crate) fn entry(&mut self, key: K) -> std::collections::hash_map::Entry<'_, K, V> {
        self.shapes.add(key.borrow());
        self.map.entry(key)
    }

    /// The value of `word`, if it is a key. Inlined always: it is asked on
    /// the hottest paths (the lexicon at every token, the quantity finder's
    /// tables at every word), where a call cost 0.4% of a run at stop 35.
    #[inline(always)]
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        if !self.shapes.may_hold(word) {
            return None;
        }
        self.map.get(word)
    }
}

/// Whether [`normalize`] gives `s` lowercased and nothing else: plain
/// ASCII without the backtick (which becomes an apostrophe). Nearly every
/// word is.
pub(crate) fn lowercases_to_norm(s: &str) -> bool {
    ascii_case(s) != AsciiCase::Other
}

/// What [`normalize`] does to a piece of text, as [`ascii_case`] finds it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum AsciiCase {
    /// Plain ASCII without the backtick or an uppercase letter: its own norm.
    Lower,
    /// Plain ASCII without the backtick, with an uppercase letter: the norm
    /// is the text lowercased.
    Upper,
    /// Anything else: [`normalize_into`] reads it character by character.
    Other,
}

/// Classifies `s` for [`normalize`] eight bytes at a time
/// ([`crate::swar::all_words`], `a`s filling a short text: neither of the
/// three things asked).
fn ascii_case(s: &str) -> AsciiCase {
    use crate::swar::{HIGH, at_least, equal};
    let mut upper = 0;
    let plain = crate::swar::all_words(s.as_bytes(), b'a', |x| {
        // A byte of 0x80 or more (not ASCII), or a backtick.
        if x & HIGH != 0 || equal(x, b'`') != 0 {
            return false;
        }
        // 'A'..='Z'.
        upper |= at_least(x, b'A') & !at_least(x, b'Z' + 1);
        true
    });
    if !plain {
        AsciiCase::Other
    } else if upper != 0 {
        AsciiCase::Upper
    } else {
        AsciiCase::Lower
    }
}

/// Normalises a piece of text the way token norms are: lowercase, ASCII
/// apostrophes and hyphens, accents folded.
pub fn normalize(s: &str) -> String {
    match ascii_case(s) {
        AsciiCase::Lower => return s.to_string(),
        AsciiCase::Upper => return s.to_ascii_lowercase(),
        AsciiCase::Other => {}
    }
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// [`normalize`] into a [`CompactString`], which holds a norm of up to 24
/// bytes (nearly every word) without a heap allocation of its own.
pub fn normalize_compact(s: &str) -> CompactString {
    match ascii_case(s) {
        AsciiCase::Lower => return CompactString::from(s),
        AsciiCase::Upper => {
            let mut out = CompactString::from(s);
            out.make_ascii_lowercase();
            return out;
        }
        AsciiCase::Other => {}
    }
    let mut out = CompactString::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// Where [`normalize_into`] writes: a `String` or a `CompactString`.
trait Push {
    fn push_char(&mut self, c: char);
}

impl Push for String {
    fn push_char(&mut self, c: char) {
        self.push(c);
    }
}

impl Push for CompactString {
    fn push_char(&mut self, c: char) {
        self.push(c);
    }
}

fn normalize_into(s: &str, out: &mut impl Push) {
    let mut push = |c: char| out.push_char(c);
    for c in s.chars() {
        if is_invisible(c) {
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => push('\''),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => push('-'),
            // Schwa (Latin-script languages): fold to "a" like other accents.
            '\u{0259}' | '\u{018F}' => push('a'),
            c if c.is_ascii() => push(c.to_ascii_lowercase()),
            c => {
                for l in c.to_lowercase() {
                    if l.is_ascii() {
                        push(l);
                    } else {
                        let folded = deunicode::deunicode_char(l).unwrap_or("");
                        if folded.is_empty() || !folded.chars().all(|f| f.is_ascii_alphanumeric()) {
                            push(l);
                        } else {
                            for f in folded.chars() {
                                push(f.to_ascii_lowercase());
                            }
                        }
                    }
                }
            }
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() || is_mark(c) }
}

/// Combining marks (so "é" written as e + U+0301 stays in one word).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0591..=0x05C7 | 0x064B..=0x065F | 0x0670 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Zero-width and formatting characters that never form tokens of their own.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
}

/// Splits `text` into tokens; spans are relative to `text` plus `base`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(&mut tokens, text, base);
    tokens
}

/// [`tokenize`], appending to `tokens`.
///
/// The tokenizer looks at characters by position. Text in ASCII (most
/// sentences) is read by byte; other text is first listed as characters
/// with their byte offsets. Both give the same tokens.
pub(crate) fn tokenize_into(tokens: &mut Vec<Token>, text: &str, base: usize) {
    if text.is_ascii() {
        let bytes = text.as_bytes();
        tokenize_chars(
            tokens,
            text,
            base,
            bytes.len(),
            |i| bytes.get(i).map(|&b| char::from(b)),
            |i| i.min(bytes.len()),
            |i| ascii_alphanumeric_end(bytes, i),
        );
    } else {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        tokenize_chars(
            tokens,
            text,
            base,
            chars.len(),
            |i| chars.get(i).map(|&(_, c)| c),
            |i| chars.get(i).map_or(text.len(), |&(b, _)| b),
            |i| i,
        );
    }
}

/// The first position from `i` on whose byte is not an ASCII letter or
/// digit (`bytes.len()` if none), eight bytes at a time.
fn ascii_alphanumeric_end(bytes: &[u8], mut i: usize) -> usize {
    // Eight bytes at a time while they are all letters or digits.
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let run = alphanumeric_run(u64::from_le_bytes(*chunk));
        i += run;
        if run < 8 {
            return i;
        }
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    i
}

/// The words of `s`: its maximal runs of alphanumeric characters, as
/// `s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())`
/// gives them, an ASCII text read by bytes (eight at a time within a word)
/// rather than by characters.
pub(crate) fn alphanumeric_words(s: &str) -> impl Iterator<Item = &str> {
    let ascii = s.is_ascii();
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let (start, end) = if ascii {
            let start = i + bytes.get(i..)?.iter().position(u8::is_ascii_alphanumeric)?;
            (start, ascii_alphanumeric_end(bytes, start))
        } else {
            let rest = s.get(i..)?;
            let start = i + rest.find(char::is_alphanumeric)?;
            let end = s[start..].find(|c: char| !c.is_alphanumeric()).map_or(s.len(), |e| start + e);
            (start, end)
        };
        i = end;
        Some(&s[start..end])
    })
}

/// How many of the eight bytes of `x` (little-endian: the first byte is
/// the lowest), from the first, are ASCII letters or digits.
fn alphanumeric_run(x: u64) -> usize {
    use crate::swar::{HIGH, ONES, at_least};
    let low7 = x & !HIGH;
    // Letters, with bit 5 set: 'a'..='z' after `| 0x20`; digits '0'..='9'.
    let folded = low7 | (ONES * 0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    let digit = at_least(low7, b'0') & !at_least(low7, b'9' + 1);
    // A byte of 0x80 or more is neither.
    let yes = (letter | digit) & !x;
    ((!yes & HIGH).trailing_zeros() / 8) as usize
}

/// The tokenizer over `n` characters: `at(i)` is character `i`, `byte(i)`
/// its byte offset in `text` (`text.len()` past the end), and `letters(i)`
/// the first character from `i` on that is not an ASCII letter or digit
/// (or `i`, where that is not known cheaply): a word's run of them is
/// skipped at once, as the character loop would take them one by one.
fn tokenize_chars(
    tokens: &mut Vec<Token>,
    text: &str,
    base: usize,
    n: usize,
    at: impl Fn(usize) -> Option<char>,
    byte: impl Fn(usize) -> usize,
    letters: impl Fn(usize) -> usize,
) {
    let mut i = 0;
    while i < n {
        let Some(c) = at(i) else { break };
        if if c.is_ascii() { matches!(c, ' ' | '\t'..='\r') } else { c.is_whitespace() || is_invisible(c) } {
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let digit_start = c.is_ascii_digit();
            i += 1;
            loop {
                i = letters(i);
                match at(i) {
                    Some(c) if is_word_char(c) || (is_invisible(c) && c != '\u{200B}') => i += 1,
                    Some(c) if is_hyphen(c) && at(i + 1).is_some_and(is_word_char) => i += 2,
                    Some(c)
                        if is_apostrophe(c)
                            && at(i + 1).is_some_and(char::is_alphabetic)
                            && !(matches!(at(i + 1), Some('s' | 'S'))
                                && !at(i + 2).is_some_and(is_word_char)) =>
                    {
                        i += 2
                    }
                    Some(',' | '.')
                        if digit_start
                            && at(i - 1).is_some_and(|p| p.is_ascii_digit())
                            && at(i + 1).is_some_and(|p| p.is_ascii_digit()) =>
                    {
                        i += 2
                    }
                    _ => break,
                }
            }
            // Dotted abbreviations: "U.S.", "a.m.", "p.m.", "U.K.".
            if i - start == 1
                && at(i) == Some('.')
                && at(i + 1).is_some_and(char::is_alphabetic)
                && at(i + 2) == Some('.')
            {
                i += 3;
                while at(i).is_some_and(char::is_alphabetic) && at(i + 1) == Some('.') {
                    i += 2;
                }
            }
            let (s, e) = (byte(start), byte(i));
            let word = &text[s..e];
            let bytes = word.as_bytes();
            let is_number = bytes.first().is_some_and(u8::is_ascii_digit)
                && bytes.iter().all(|&b| b.is_ascii_digit() || b == b',' || b == b'.');
            // "didn't" -> "did" + "n't"
            let lower = normalize_compact(word);
            let lower_bytes = lower.as_bytes();
            let cannot = matches!(lower_bytes, b"can't" | b"cannot");
            if !is_number && lower_bytes.len() > 3 && lower_bytes.ends_with(b"n't") && lower_bytes != b"can't"
            {
                let cut = e - word.chars().rev().take(3).map(char::len_utf8).sum::<usize>();
                push_word(tokens, text, s, cut, base);
                tokens.push(Token {
                    span: Span::new(cut + base, e + base),
                    kind: TokenKind::Word,
                    norm: CompactString::const_new("n't"),
                    capitalized: false,
                });
            } else if cannot {
                tokens.push(Token {
                    span: Span::new(s + base, e + base),
                    kind: TokenKind::Word,
                    norm: CompactString::const_new("cannot"),
                    capitalized: word.starts_with(char::is_uppercase),
                });
            } else if is_number {
                tokens.push(Token {
                    span: Span::new(s + base, e + base),
                    kind: TokenKind::Number,
                    norm: CompactString::from(word),
                    capitalized: false,
                });
            } else {
                tokens.push(Token {
                    span: Span::new(s + base, e + base),
                    kind: TokenKind::Word,
                    norm: lower,
                    capitalized: word.chars().next().is_some_and(char::is_uppercase),
                });
            }
            // Possessive 's as its own token.
            if at(i).is_some_and(is_apostrophe)
                && matches!(at(i + 1), Some('s' | 'S'))
                && !at(i + 2).is_some_and(is_word_char)
            {
                let (s, e) = (byte(i), byte(i + 2));
                tokens.push(Token {
                    span: Span::new(s + base, e + base),
                    kind: TokenKind::Word,
                    norm: CompactString::const_new("'s"),
                    capitalized: false,
                });
                i += 2;
            }
            continue;
        }
        // Two apostrophes or two backticks stand for a double quotation
        // mark in older and wire copy: ''like this'' or ``like this''.
        if (c == '\'' || c == '`') && at(i + 1) == Some(c) {
            let (s, e) = (byte(i), byte(i + 2));
            let prev = if i > 0 { at(i - 1) } else { None };
            let kind = if c == '`' { TokenKind::OpenQuote } else { quote_kind('"', prev, at(i + 2)) };
            tokens.push(Token {
                span: Span::new(s + base, e + base),
                kind,
                norm: CompactString::const_new("\""),
                capitalized: false,
            });
            i += 2;
            continue;
        }
        // Punctuation and quotes.
        let (s, e) = (byte(i), byte(i + 1));
        let prev = if i > 0 { at(i - 1) } else { None };
        let next = at(i + 1);
        let kind = quote_kind(c, prev, next);
        let norm = match c {
            '\u{2013}' | '\u{2014}' | '\u{2015}' => CompactString::const_new("-"),
            c => normalize_compact(c.encode_utf8(&mut [0; 4])),
        };
        tokens.push(Token { span: Span::new(s + base, e + base), kind, norm, capitalized: false });
        i += 1;
    }
}

fn push_word(tokens: &mut Vec<Token>, text: &str, s: usize, e: usize, base: usize) {
    let word = &text[s..e];
    tokens.push(Token {
        span: Span::new(s + base, e + base),
        kind: TokenKind::Word,
        norm: normalize_compact(word),
        capitalized: word.chars().next().is_some_and(char::is_uppercase),
    });
}

fn quote_kind(c: char, prev: Option<char>, next: Option<char>) -> TokenKind {
    let opens_context = |p: Option<char>| {
        p.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/')
        })
    };
    match c {
        '\u{201C}' | '\u{00AB}' | '\u{201E}' | '\u{2039}' | '\u{2018}' | '\u{201A}' => TokenKind::OpenQuote,
        '\u{201D}' | '\u{00BB}' | '\u{203A}' => TokenKind::CloseQuote,
        '\u{2019}' => {
            // A right single quote not inside a word: a closing single quote,
            // unless it follows a plural "s" (a possessive: "the workers’ union").
            if prev == Some('s') && next.is_none_or(char::is_whitespace) {
                TokenKind::Punct
            } else {
                TokenKind::CloseQuote
            }
        }
        '"' => {
            if opens_context(prev) && next.is_some_and(|n| !n.is_whitespace()) {
                TokenKind::OpenQuote
            } else {
                TokenKind::CloseQuote
            }
        }
        '\'' => {
            if opens_context(prev) && next.is_some_and(|n| n.is_alphanumeric()) {
                TokenKind::OpenQuote
            } else if prev == Some('s') && next.is_none_or(char::is_whitespace) {
                TokenKind::Punct
            } else if prev.is_some_and(|p| !p.is_whitespace()) {
                TokenKind::CloseQuote
            } else {
                TokenKind::Punct
            }
        }
        _ => TokenKind::Punct,
    }
}

/// A region of text between matching quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteRegion {
    /// The opening mark.
    pub open: Span,
    /// The closing mark, if the quote is closed in the same paragraph.
    pub close: Option<Span>,
    /// The text between the marks.
    pub inner: Span,
    /// Whether the marks are single quotes.
    pub single: bool,
}

impl QuoteRegion {
    /// The region including the quotation marks.
    pub fn outer(&self) -> Span {
        Span::new(self.open.start, self.close.map_or(self.inner.end, |c| c.end))
    }
}

fn is_single(text: &str, s: Span) -> bool {
    matches!(s.slice(text), "'" | "\u{2018}" | "\u{2019}" | "\u{201A}" | "\u{2039}" | "\u{203A}")
}

/// Finds quoted regions in a paragraph's tokens. Double quotes pair first;
/// single quotes pair inside or outside them. An unclosed opening quote runs
/// to the end of the tokens (the continued-quote convention of news copy, in
/// which a quoted paragraph that goes on is not closed).
pub fn quote_regions(text: &str, tokens: &[Token]) -> Vec<QuoteRegion> {
    let mut out = Vec::new();
    let mut stack: Vec<(usize, bool)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        // A possessive-looking apostrophe closes a pending single quote: ‘activists’.
        let apostrophe_closes = t.kind == TokenKind::Punct && t.norm == "'" && stack.iter().any(|&(_, s)| s);
        if !t.is_quote() && !apostrophe_closes {
            continue;
        }
        let single = is_single(text, t.span);
        let is_open = t.kind == TokenKind::OpenQuote && !apostrophe_closes;
        if !is_open {
            // Close the innermost matching open quote of the same family.
            if let Some(pos) = stack.iter().rposition(|&(_, s)| s == single) {
                let (oi, _) = stack[pos];
                stack.truncate(pos);
                let open = tokens[oi].span;
                out.push(QuoteRegion {
                    open,
                    close: Some(t.span),
                    inner: Span::new(open.end, t.span.start),
                    single,
                });
            }
            // An unmatched closing single quote is an apostrophe: ignore.
            continue;
        }
        // A straight double quote that could close an open double quote does so.
        if !single
            && t.norm == "\""
            && stack.iter().any(|&(_, s)| !s)
            && let Some(pos) = stack.iter().rposition(|&(_, s)| !s)
        {
            let (oi, _) = stack[pos];
            stack.truncate(pos);
            let open = tokens[oi].span;
            out.push(QuoteRegion {
                open,
                close: Some(t.span),
                inner: Span::new(open.end, t.span.start),
                single,
            });
            continue;
        }
        stack.push((i, single));
    }
    let end = tokens.last().map_or(0, |t| t.span.end);
    for (oi, single) in stack {
        if single {
            continue; // an unmatched opening single quote is too ambiguous
        }
        let open = tokens[oi].span;
        out.push(QuoteRegion { open, close: None, inner: Span::new(open.end, end), single });
    }
    out.sort_by_key(|q| (q.open.start, std::cmp::Reverse(q.inner.end)));
    out
}

/// English stemmer (Snowball "english"), with a small table of irregular
/// verb forms first, so that "said" and "says" share the stem of "say".
pub fn stem(norm: &str) -> String {
    stem_compact(norm).into_string()
}

/// [`stem`] into a [`CompactString`] (inline up to 24 bytes).
pub fn stem_compact(norm: &str) -> CompactString {
    thread_local! {
        static STEMMER: frostem::Stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        /// Stems this thread has made: words repeat, and a lookup costs a
        /// fraction of the stemmer.
        static STEMS: Remembered<CompactString> = Remembered::default();
    }
    // An irregular form's lemma, or the stemmer's stem; remembered either
    // way, so that a word seen before costs one lookup.
    let stem = |w: &str| match irregular(w) {
        Some(lemma) => CompactString::const_new(lemma),
        None => STEMMER.with(|s| CompactString::from(s.stem(w))),
    };
    // Longer words are rare, and would take room outside the table.
    remembered(&STEMS, STEM_CACHE, MAX_INLINE, norm, stem)
}

/// What a function of a word (or name) gave for each one asked on a
/// thread: see [`remembered`].
pub(crate) type Remembered<V> = std::cell::RefCell<foldhash::HashMap<CompactString, V>>;

/// `compute(key)`, looked up first in this thread's `table` and kept there
/// (`compute` must depend on `key` alone). The table is emptied when it
/// holds `limit` entries, so it stays small; a key longer than `longest`
/// bytes is computed without it. Were `compute` to ask the same table
/// again, the inner call would compute its answer without the table.
///
/// For the functions of words that the stages ask again and again about
/// the same common words and names, where a lookup costs a fraction of
/// the function.
pub(crate) fn remembered<V: Clone>(
    table: &'static std::thread::LocalKey<Remembered<V>>,
    limit: usize,
    longest: usize,
    key: &str,
    compute: impl FnOnce(&str) -> V,
) -> V {
    if key.len() > longest {
        return compute(key);
    }
    table.with(|cell| {
        let Ok(mut known) = cell.try_borrow_mut() else { return compute(key) };
        if let Some(v) = known.get(key) {
            return v.clone();
        }
        let v = compute(key);
        if known.len() >= limit {
            known.clear();
        }
        known.insert(CompactString::from(key), v.clone());
        v
    })
}

/// How many words [`stem_compact`] remembers on each thread: the common
/// words of news text, in well under a megabyte.
const STEM_CACHE: usize = 16_384;

/// The longest string a [`CompactString`] holds inline.
pub(crate) const MAX_INLINE: usize = std::mem::size_of::<CompactString>();

/// What the first letter of a word tells of whether its stem
/// ([`stem_compact`] of [`normalize_compact`]) can be one of some stems.
/// The stem of a word that starts with an ASCII letter or digit starts with
/// it, lowercased: normalising lowercases it, and the stemmer changes only
/// the end of a word (the tests hold it to that on the fixtures' words);
/// but an irregular form's lemma may start otherwise ("went": "go"), and
/// the forms of those among the stems count too. A scan can then pass over
/// a word that starts otherwise without normalising, stemming or looking it
/// up.
pub(crate) struct StemInitials([bool; 128]);

impl StemInitials {
    /// The initials of `stems`.
    pub(crate) fn of<'a>(stems: impl Iterator<Item = &'a str> + Clone) -> StemInitials {
        let mut initials = [false; 128];
        let mut mark = |s: &str| {
            if let Some(&b) = s.as_bytes().first()
                && b.is_ascii()
            {
                initials[usize::from(b)] = true;
            }
        };
        stems.clone().for_each(&mut mark);
        for (forms, lemma) in IRREGULAR {
            if stems.clone().any(|s| s == *lemma) {
                forms.iter().copied().for_each(&mut mark);
            }
        }
        StemInitials(initials)
    }

    /// Whether `word` may stem to one of the stems: false only if it starts
    /// with an ASCII byte that, lowercased, starts none of them.
    pub(crate) fn may_start(&self, word: &str) -> bool {
        match word.as_bytes().first() {
            Some(&b) if b.is_ascii() => self.0[usize::from(b.to_ascii_lowercase())],
            _ => true,
        }
    }
}

/// Defines [`irregular`] and [`IRREGULAR`] from one list, so that the
/// table holds every form the function knows.
macro_rules! irregular_forms {
    ($($($form:literal)|+ => $lemma:literal,)+) => {
        /// The lemma (as a stem) of an irregular English word form, if `w` is one.
        pub(crate) fn irregular(w: &str) -> Option<&'static str> {
            Some(match w {
                $($($form)|+ => $lemma,)+
                _ => return None,
            })
        }

        /// Every irregular form [`irregular`] knows, with its lemma.
        pub(crate) const IRREGULAR: &[(&[&str], &str)] = &[$((&[$($form),+], $lemma)),+];
    };
}

irregular_forms! {
    "said" | "says" => "say",
    "told" => "tell",
    "wrote" | "written" => "write",
    "spoke" | "spoken" => "speak",
    "gave" | "given" => "give",
    "took" | "taken" => "take",
    "made" => "make",
    "went" | "gone" => "go",
    "came" => "come",
    "saw" | "seen" => "see",
    "held" => "hold",
    "met" => "meet",
    "led" => "lead",
    "left" => "leav",
    "fled" => "flee",
    "shut" => "shut",
    "kept" => "keep",
    "brought" => "bring",
    "thought" => "think",
    "sought" => "seek",
    "fought" => "fight",
    "began" | "begun" => "begin",
    "broke" | "broken" => "break",
    "chose" | "chosen" => "choos",
    "fell" | "fallen" => "fall",
    "rose" | "risen" => "rise",
    "won" => "win",
    "lost" => "lose",
    "hit" => "hit",
    "set" => "set",
    "put" => "put",
    "cut" => "cut",
    "sent" => "send",
    "spent" => "spend",
    "built" => "build",
    "found" => "find",
    "stood" => "stand",
    "knew" | "known" => "know",
    "grew" | "grown" => "grow",
    "drew" | "drawn" => "draw",
    "flew" | "flown" => "fli",
    "withdrew" | "withdrawn" => "withdraw",
    "struck" | "stricken" => "strike",
    "sold" => "sell",
    "paid" => "pay",
    "laid" => "lay",
    "died" | "dies" | "dying" => "die",
    "dead" | "death" | "deaths" => "die",
}

/// The texts of the fixture stories (`fixtures/*/*.txt`), for tests that
/// check a rule on every word of real articles.
#[cfg(test)]
pub(crate) fn fixture_texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut texts = Vec::new();
    for story in std::fs::read_dir(&dir).unwrap() {
        for file in std::fs::read_dir(story.unwrap().path()).into_iter().flatten() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    assert!(texts.len() >= 10, "{} fixture texts", texts.len());
    texts
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Every word of the fixtures (as written, with its capitals), the
    /// irregular forms and words the stemmer treats specially.
    fn fixture_words() -> Vec<String> {
        let mut words: Vec<String> =
            ["y", "yes", "Yacht", "skies", "dying", "early", "only", "news", "19th", "3D"]
                .iter()
                .map(|w| w.to_string())
                .collect();
        words.extend(IRREGULAR.iter().flat_map(|(forms, _)| forms.iter().map(|f| f.to_string())));
        for text in fixture_texts() {
            words.extend(alphanumeric_words(&text).map(str::to_string));
        }
        words
    }

    /// What [`StemInitials`] rests on: the stem of a word that starts with
    /// an ASCII letter or digit starts with it lowercased, but for the
    /// irregular forms, and it is the initials of some stems that stop a
    /// word, never one whose stem is among them.
    #[test]
    fn stem_initials_stop_only_words_that_stem_elsewhere() {
        let words = fixture_words();
        let stem_of = |w: &str| stem_compact(&normalize_compact(w));
        for w in &words {
            let first = w.as_bytes()[0];
            if first.is_ascii() && irregular(&normalize_compact(w)).is_none() {
                assert_eq!(stem_of(w).as_bytes()[0], first.to_ascii_lowercase(), "{w:?}");
            }
        }
        // Stems of every 40th word, and lemmas that irregular forms start
        // otherwise ("went": "go") or alike ("said": "say").
        let mut stems: Vec<CompactString> = words.iter().step_by(40).map(|w| stem_of(w)).collect();
        stems.extend(["go", "say"].map(CompactString::from));
        let initials = StemInitials::of(stems.iter().map(CompactString::as_str));
        let mut stopped = 0;
        for w in &words {
            if stems.contains(&stem_of(w)) {
                assert!(initials.may_start(w), "{w:?}");
            }
            stopped += usize::from(!initials.may_start(w));
        }
        assert!(initials.may_start("went") && initials.may_start("Went") && initials.may_start("élan"));
        // Stems of a few initials stop most words.
        let few = StemInitials::of(["go", "protest"].into_iter());
        assert!(few.may_start("went") && few.may_start("Protesters") && !few.may_start("Talked"));
        let few_stopped = words.iter().filter(|w| !few.may_start(w)).count();
        assert!(few_stopped * 10 > words.len() * 7, "{few_stopped} of {}", words.len());
        assert!(stopped > 0);
    }

    /// The shape filter passes each listed word, and stops words of another
    /// length, other ends, other case, non-letters and words too long.
    #[test]
    fn word_shapes_pass_listed_words_only_by_shape() {
        const SHAPES: WordShapes = WordShapes::of(&[&["a", "dozen", "fifteenth"], &["tenth", "scores"]]);
        for w in ["a", "dozen", "fifteenth", "tenth", "scores"] {
            assert!(SHAPES.may_hold(w), "{w}");
        }
        // The same shape as a listed word: passed, to be looked for.
        assert!(SHAPES.may_hold("dozen".replace('o', "i").as_str()));
        for w in
            ["", "b", "an", "dozens", "Dozen", "dozeN", "tent", "3enth", "é", "dozen1", "fifteenthfifteenth"]
        {
            assert!(!SHAPES.may_hold(w), "{w}");
        }
        // Once a word of another shape is listed, every such word passes
        // (to be looked for), and the others are filtered as before.
        let mut odd = SHAPES.clone();
        odd.add("9th");
        for w in ["9th", "3enth", "é", "Dozen", "fifteenthfifteenth", "", "dozen", "dizen"] {
            assert!(odd.may_hold(w), "{w}");
        }
        for w in ["b", "an", "dozens", "tent"] {
            assert!(!odd.may_hold(w), "{w}");
        }
    }

    /// The shaped map answers as the map alone: every key found (keys of
    /// other shapes too, once listed), and no word that is not a key.
    #[test]
    fn shaped_map_answers_as_its_map() {
        let keys = ["dozen", "scores", "a", "9th", "Dozen", "fifteenthfifteenth", "é"];
        let mut shaped: ShapedMap<&str, usize> = ShapedMap::default();
        let mut plain: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
        for (i, k) in keys.iter().enumerate() {
            *shaped.entry(k).or_insert(0) += i;
            *plain.entry(k).or_insert(0) += i;
        }
        for w in keys.iter().copied().chain(["dizen", "dozens", "b", "", "3th", "DOZEN", "e"]) {
            assert_eq!(shaped.get(w), plain.get(w), "{w}");
        }
        assert_eq!(shaped.get("scores"), Some(&1));
        assert_eq!(ShapedMap::<String, usize>::default().get("dozen"), None);
    }

    proptest! {
        /// The words by bytes are the words by characters, on ASCII text
        /// and on text with letters, digits and spaces outside ASCII.
        #[test]
        fn alphanumeric_words_split_as_characters_do(s in "[a-zA-Z0-9 ,.'\\-]{0,40}|[a-zé٣\u{a0}ſ ,-]{0,20}") {
            let bytes: Vec<&str> = alphanumeric_words(&s).collect();
            let chars: Vec<&str> = s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            prop_assert_eq!(bytes, chars);
        }
    }

    /// The tokenizer read through characters and their offsets, as it reads
    /// text that is not ASCII (no run of ASCII letters and digits skipped at
    /// once).
    fn by_chars(text: &str) -> Vec<Token> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut tokens = Vec::new();
        tokenize_chars(
            &mut tokens,
            text,
            7,
            chars.len(),
            |i| chars.get(i).map(|&(_, c)| c),
            |i| chars.get(i).map_or(text.len(), |&(b, _)| b),
            |i| i,
        );
        tokens
    }

    /// [`ascii_case`] as its doc says, a byte at a time.
    fn ascii_case_by_bytes(s: &str) -> AsciiCase {
        if !s.bytes().all(|b| b.is_ascii() && b != b'`') {
            AsciiCase::Other
        } else if s.bytes().any(|b| b.is_ascii_uppercase()) {
            AsciiCase::Upper
        } else {
            AsciiCase::Lower
        }
    }

    /// Every ASCII byte, at every position of a chunk and past it, among
    /// neighbours that sit at the edges of the ranges the chunked test
    /// adds up ('@' and '[' around the capitals, '_' and 'a' around the
    /// backtick, DEL and NUL).
    #[test]
    fn ascii_case_reads_every_byte_in_every_position() {
        for fill in ["@", "[", "a", "_", "\x7f", "\0", "z"] {
            for len in 1..=17 {
                for at in 0..len {
                    for b in 0..=0x7fu8 {
                        let mut text = fill.repeat(len);
                        text.replace_range(at..=at, char::from(b).encode_utf8(&mut [0; 4]));
                        assert_eq!(ascii_case(&text), ascii_case_by_bytes(&text), "{text:?}");
                    }
                }
            }
        }
        // A character of two bytes, and one of three, at every place.
        for len in 1..=17 {
            for at in 0..len {
                for c in ["\u{e9}", "\u{2019}"] {
                    let mut text = "a".repeat(len);
                    text.replace_range(at..=at, c);
                    assert_eq!(ascii_case(&text), AsciiCase::Other, "{text:?}");
                }
            }
        }
        assert_eq!(ascii_case(""), AsciiCase::Lower);
        assert_eq!(ascii_case("caf\u{e9}"), AsciiCase::Other);
        assert_eq!(normalize_compact("Don`T"), "don't");
        assert_eq!(normalize("MAYOR"), "mayor");
    }

    /// A remembered answer is the computed one, the table stays within
    /// its limit, and a computation that asks its own table again gets an
    /// answer instead of a panic.
    #[test]
    fn remembered_answers_as_computed_and_stays_small() {
        thread_local! {
            static LENGTHS: Remembered<usize> = Remembered::default();
        }
        let calls = std::cell::Cell::new(0);
        let len = |w: &str| {
            calls.set(calls.get() + 1);
            w.len()
        };
        assert_eq!(remembered(&LENGTHS, 3, 8, "abc", len), 3);
        assert_eq!(remembered(&LENGTHS, 3, 8, "abc", len), 3);
        assert_eq!(calls.get(), 1, "the second answer comes from the table");
        for w in ["a", "bb", "cccc", "ddddd"] {
            assert_eq!(remembered(&LENGTHS, 3, 8, w, len), w.len());
        }
        assert!(LENGTHS.with_borrow(|t| t.len()) <= 3);
        let nested = remembered(&LENGTHS, 3, 8, "outer", |w| {
            remembered(&LENGTHS, 3, 8, "inner", |v| v.len()) + w.len()
        });
        assert_eq!(nested, 10);
        assert_eq!(remembered(&LENGTHS, 3, 8, "outer", |_| 0), 10, "kept once computed");
        // A key longer than `longest` is computed every time, not kept.
        let before = calls.get();
        for _ in 0..2 {
            assert_eq!(remembered(&LENGTHS, 3, 8, "ninechars", len), 9);
        }
        assert_eq!(calls.get(), before + 2);
        assert!(!LENGTHS.with_borrow(|t| t.contains_key("ninechars")));
    }

    /// [`alphanumeric_run`] byte by byte.
    fn alphanumeric_run_by_bytes(x: u64) -> usize {
        x.to_le_bytes().iter().take_while(|b| b.is_ascii_alphanumeric()).count()
    }

    /// Every byte value at every position of a run of letters.
    #[test]
    fn alphanumeric_run_reads_every_byte_in_every_position() {
        for at in 0..8 {
            for b in 0..=u8::MAX {
                let mut bytes = *b"aZ09mQz5";
                bytes[at] = b;
                let x = u64::from_le_bytes(bytes);
                assert_eq!(alphanumeric_run(x), alphanumeric_run_by_bytes(x), "{bytes:?}");
            }
        }
    }

    proptest! {
        /// The chunked run of letters agrees with the bytewise one, on any
        /// bytes and on letters followed by any bytes.
        #[test]
        fn alphanumeric_run_agrees_with_bytes(x in any::<u64>(), letters in "[a-zA-Z0-9]{0,8}") {
            prop_assert_eq!(alphanumeric_run(x), alphanumeric_run_by_bytes(x));
            let mut bytes = x.to_le_bytes();
            bytes[..letters.len()].copy_from_slice(letters.as_bytes());
            let y = u64::from_le_bytes(bytes);
            prop_assert_eq!(alphanumeric_run(y), alphanumeric_run_by_bytes(y));
        }

        /// The chunked classification agrees with the bytewise one.
        #[test]
        fn ascii_case_agrees_with_bytes(text in "[ -~]{0,30}|[ -~\u{80}-\u{10FFFF}]{0,12}") {
            prop_assert_eq!(ascii_case(&text), ascii_case_by_bytes(&text));
        }

        /// ASCII text gives the same tokens read by byte as read by character.
        #[test]
        fn ascii_text_reads_the_same_by_byte(text in "([a-zA-Z0-9 .,'`\"()-]|n't|'s|U\\.S\\.|1,000|2\\.5|\t|\n){0,40}") {
            prop_assert!(text.is_ascii());
            prop_assert_eq!(tokenize(&text, 7), by_chars(&text));
        }
    }

    #[test]
    fn ascii_and_other_text_tokenize_alike() {
        for text in [
            "The U.S. said 1,000 people didn't leave; ``quoted'' and 'single' words.",
            "Officials can't confirm the mayor's 2.5% figure -- at 9 a.m. (local time).",
            "",
            "   ",
            "x",
        ] {
            assert_eq!(tokenize(text, 7), by_chars(text), "{text:?}");
        }
        // The same words with typographic marks take the other path.
        let curly = tokenize("The mayor\u{2019}s \u{201C}plan\u{201D} \u{2014} didn\u{2019}t pass.", 0);
        let norms: Vec<&str> = curly.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            ["the", "mayor", "'s", "\u{201C}", "plan", "\u{201D}", "-", "did", "n't", "pass", "."]
        );
    }

    /// The remembered stems are the stemmer's, before and after the table
    /// is emptied, for short words and for words too long to remember.
    #[test]
    fn remembered_stems_are_the_stemmers() {
        let direct = frostem::Stemmer::new(frostem::Algorithm::English);
        let words: Vec<String> = (0..STEM_CACHE + 100)
            .map(|i| {
                // Distinct words, more than the table holds.
                let letters: String =
                    [i / 676, i / 26 % 26, i % 26].iter().map(|&d| (b'a' + d as u8) as char).collect();
                format!("{letters}{}", ["ing", "ed", "ations", "ness"][i % 4])
            })
            .chain(["internationalisations".repeat(2), "said".to_string(), "blocking".to_string()])
            .collect();
        for _ in 0..2 {
            for w in &words {
                let expected = irregular(w).map_or_else(|| direct.stem(w).to_string(), str::to_string);
                assert_eq!(stem_compact(w), expected, "{w}");
            }
        }
    }

    fn words(text: &str) -> Vec<String> {
        tokenize(text, 0).into_iter().map(|t| t.span.slice(text).to_string()).collect()
    }

    #[test]
    fn tokens_table() {
        let cases: &[(&str, &[&str])] = &[
            ("didn't close", &["did", "n't", "close"]),
            ("The U.S. said 10 a.m. today", &["The", "U.S.", "said", "10", "a.m.", "today"]),
            ("approximately 120,000 people", &["approximately", "120,000", "people"]),
            ("1.5 million", &["1.5", "million"]),
            ("“blockage” of", &["“", "blockage", "”", "of"]),
            ("Upper-Dravia’s only", &["Upper-Dravia", "’s", "only"]),
            ("seven-month blockade.", &["seven-month", "blockade", "."]),
            ("O’Brien said", &["O’Brien", "said"]),
            ("Mara Ostrov\u{200B}said", &["Mara", "Ostrov", "said"]),
            ("Ost\u{200D}rov", &["Ost\u{200D}rov"]),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), *expected, "{text}");
        }
        assert_eq!(words("Velmora’s eco-activists"), ["Velmora", "’s", "eco-activists"]);
    }

    #[test]
    fn norms() {
        let t = tokenize("Şəhla’s “Blockade” didn’t", 0);
        let norms: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["sahla", "'s", "\u{201c}", "blockade", "\u{201d}", "did", "n't"]);
        assert!(t[0].capitalized);
        assert_eq!(t[2].kind, TokenKind::OpenQuote);
        assert_eq!(t[4].kind, TokenKind::CloseQuote);
    }

    #[test]
    fn spans_slice_text_with_base() {
        let text = "Ünal said: “No.”";
        for t in tokenize(text, 100) {
            let s = Span::new(t.span.start - 100, t.span.end - 100);
            assert!(!s.slice(text).is_empty());
        }
    }

    #[test]
    fn quote_regions_pair_and_continue() {
        let text = "He said “we will ‘never’ leave,” and left. “More";
        let toks = tokenize(text, 0);
        let q = quote_regions(text, &toks);
        assert_eq!(q.len(), 3);
        assert_eq!(q[0].inner.slice(text), "we will ‘never’ leave,");
        assert_eq!(q[1].inner.slice(text), "never");
        assert!(q[1].single);
        assert_eq!(q[2].inner.slice(text), "More");
        assert!(q[2].close.is_none());
    }

    #[test]
    fn straight_quotes() {
        let text = "\"We are ready,\" she said. He called it 'fake'.";
        let toks = tokenize(text, 0);
        let q = quote_regions(text, &toks);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].inner.slice(text), "We are ready,");
        assert_eq!(q[1].inner.slice(text), "fake");
    }

    #[test]
    fn stems() {
        assert_eq!(stem("said"), "say");
        assert_eq!(stem("blocked"), stem("blocking"));
        assert_eq!(stem("signed"), "sign");
        assert_eq!(stem("died"), stem("dead"));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in ["", "'", "’s", "-", "a-", "\u{200B}", "1,", "1.", "U.", "a.b", "n't", "ء'ب", "\r\n\r"]
        {
            for t in tokenize(text, 0) {
                assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            }
        }
    }
}
