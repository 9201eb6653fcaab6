//! The report's JSON as serde_json writes it, byte for byte, with fewer
//! instructions: compact for the JSON Lines (`serde_json::to_vec`), and in
//! serde_json's pretty layout for the claims and relations of the JSON
//! report ([`Writer::pretty`]).
//!
//! A group's line runs to megabytes, most of it field names and short
//! strings (ids, cue words), with longer ones (claims, reasons) between.
//! serde_json looks at every byte of every string, field names included,
//! through a table, and writes each run between escapes through
//! `io::Write`. Here a field name is escaped once per report and then
//! copied (`Writer::field_name`), a string is searched eight bytes at a
//! time for the bytes JSON escapes, and everything is pushed onto the
//! `Vec<u8>` directly. The relations, most of a large report, are written
//! by hand ([`write_relation`]), without serde's call, name look-up and
//! `Result` at every field.
//!
//! The output is serde_json's, byte for byte: the same escapes (`\"`,
//! `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, otherwise `\u00xx` in lowercase hex
//! for bytes below 0x20), integers as `itoa` writes them, floats as `zmij`
//! writes them (serde_json's float writer; `null` when not finite), map
//! keys as strings. What this writer does not take (a map key that is not
//! a string, a char or an integer) is an error, and the caller then writes
//! the value with serde_json ([`to_vec_or_serde_json`]). The tests hold it
//! to serde_json on every shape serde has and on every escape at every
//! position; the report tests and the snapshots hold the report's bytes.

use std::cell::Cell;

use serde::Serialize;
use serde::ser::{self, Impossible};

/// Why [`write()`] gave up: a shape it does not write (serde_json may).
///
/// A boxed message, so that every `Result` of the serializer, returned at
/// each field and element, is two words and comes back in registers: with
/// a `String` it was three, written to memory and checked there (0.8% of
/// a JSON Lines run).
#[derive(Debug)]
pub(crate) struct Unsupported(Box<str>);

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(msg: T) -> Unsupported {
        Unsupported(msg.to_string().into())
    }
}

type Result<T = ()> = std::result::Result<T, Unsupported>;

/// Appends `value` as compact JSON to `out`. On an error `out` holds part
/// of the value.
pub(crate) fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result {
    Writer::compact(out).write(value)
}

/// `value` as compact JSON appended to `out`, exactly as
/// `serde_json::to_writer` appends it: by [`write()`], or, where that gives
/// up, by serde_json after `out` is cut back to where it was.
pub(crate) fn to_vec_or_serde_json<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
) -> std::result::Result<(), serde_json::Error> {
    let start = out.len();
    if write(out, value).is_ok() {
        return Ok(());
    }
    out.truncate(start);
    serde_json::to_writer(&mut *out, value)
}

/// What a byte becomes inside a JSON string: 0 for itself, else the letter
/// after the backslash (`u` for `\u00xx`). serde_json's table.
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// Whether any of the eight bytes of `w` is below 0x20, a `"` or a `\`.
#[inline]
fn any_escape(w: u64) -> bool {
    (crate::swar::below(w, 0x20) | crate::swar::equal(w, b'"') | crate::swar::equal(w, b'\\')) != 0
}

/// Appends `s` as a JSON string, quotes included.
#[inline]
fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    if has_escape(bytes) {
        escape_from(out, bytes);
    } else {
        out.extend_from_slice(bytes);
    }
    out.push(b'"');
}

/// Whether `bytes` holds a byte JSON escapes. A text of 16 bytes or more
/// is read 16 bytes at a time, the last 16 ending it (overlapping bytes
/// give the same answer), by a test the compiler turns into vector
/// instructions (1.3% fewer instructions for a JSON Lines run than with
/// the eight-byte words alone); a shorter text is read as eight-byte
/// words ([`crate::swar::all_words`], spaces filling it).
#[inline]
fn has_escape(bytes: &[u8]) -> bool {
    let Some(last) = bytes.last_chunk::<16>() else {
        return !crate::swar::all_words(bytes, b' ', |w| !any_escape(w));
    };
    let (blocks, _) = bytes.as_chunks::<16>();
    blocks.iter().any(block_escape) || block_escape(last)
}

/// Whether any of 16 bytes is below 0x20, a `"` or a `\` (every byte is
/// tested, without a branch, so that the test is a few vector
/// instructions).
#[inline]
fn block_escape(block: &[u8; 16]) -> bool {
    block.iter().fold(false, |any, &b| any | (b < 0x20) | (b == b'"') | (b == b'\\'))
}

/// Writes `bytes` with their escapes (some byte needs one). Eight bytes
/// that need none are passed over at once: read byte by byte, a claim's
/// text with a quote in it took about 1,000 instructions.
#[cold]
fn escape_from(out: &mut Vec<u8>, bytes: &[u8]) {
    // `run` is where the bytes not yet written start.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(w) = bytes[i..].first_chunk::<8>()
            && !any_escape(u64::from_le_bytes(*w))
        {
            i += 8;
            continue;
        }
        let b = bytes[i];
        let e = ESCAPE[usize::from(b)];
        if e != 0 {
            out.extend_from_slice(&bytes[run..i]);
            write_escape(out, b, e);
            run = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&bytes[run..]);
}

/// Writes the escape of byte `b`, whose [`ESCAPE`] entry is `e`.
fn write_escape(out: &mut Vec<u8>, b: u8, e: u8) {
    if e == b'u' {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xF)],
        ]);
    } else {
        out.extend_from_slice(&[b'\\', e]);
    }
}

fn write_int<I: itoa::Integer>(out: &mut Vec<u8>, i: I) {
    out.extend_from_slice(itoa::Buffer::new().format(i).as_bytes());
}

/// A float as serde_json writes it: zmij's digits, `null` if not finite.
fn write_float<F: zmij::Float>(out: &mut Vec<u8>, v: F, finite: bool) {
    if finite {
        out.extend_from_slice(zmij::Buffer::new().format_finite(v).as_bytes());
    } else {
        out.extend_from_slice(b"null");
    }
}

/// A line break and the indentation of `level` in serde_json's pretty
/// layout (two spaces a level), cut from `line`, which keeps a line break
/// and enough spaces for the deepest level so far: written at once, not a
/// level at a time as serde_json writes it.
#[inline]
pub(crate) fn line_at(line: &mut Vec<u8>, level: usize) -> &[u8] {
    let n = 1 + 2 * level;
    if line.len() < n {
        line.clear();
        line.push(b'\n');
        line.resize(n.max(64), b' ');
    }
    &line[..n]
}

/// Appends a line break and the indentation of `level` ([`line_at`]). The
/// levels of a report's lists and their items are written as literals: a
/// copy of a known length is a few moves, where a slice of `line` is a
/// call to `memcpy`, at each of the millions of fields and elements of a
/// pretty report.
#[inline(always)]
pub(crate) fn push_line(out: &mut Vec<u8>, line: &mut Vec<u8>, level: usize) {
    match level {
        1 => out.extend_from_slice(b"\n  "),
        2 => out.extend_from_slice(b"\n    "),
        3 => out.extend_from_slice(b"\n      "),
        4 => out.extend_from_slice(b"\n        "),
        5 => out.extend_from_slice(b"\n          "),
        6 => out.extend_from_slice(b"\n            "),
        _ => out.extend_from_slice(line_at(line, level)),
    }
}

/// Writes values onto `out`, compact or in serde_json's pretty layout (two
/// spaces a level), keeping its cache of field names from one value to the
/// next.
pub(crate) struct Writer<'a> {
    out: &'a mut Vec<u8>,
    /// `Some(level)` for the pretty layout: the nesting level, from the one
    /// the writer was made with.
    pretty: Option<usize>,
    /// For [`line_at`].
    line: Vec<u8>,
    /// Struct field names as written (`,"name":`), by where the name lies
    /// and its length: a derived `Serialize` names its fields with the same
    /// `&'static str` every time, so each is escaped once per thread
    /// instead of at each of its thousands of uses. A name takes the first
    /// empty slot of the [`KEY_PROBES`] from its own, or else its own. The
    /// table is the thread's ([`KEY_CACHE`]), taken by the writer and given
    /// back when it is dropped: what a slot holds depends only on a name
    /// that lives as long as the program.
    keys: Box<[KeySlot]>,
    /// The names of [`Writer::keys`] in the pretty layout, slot by slot:
    /// empty until a pretty writer of the thread writes a name, so that
    /// the compact layout does not hold it.
    pretty_keys: Box<[PrettySlot]>,
}

/// A field name in [`Writer::keys`]: its address and length, and the name
/// as written with a comma before it (`n` bytes of `written`, the rest
/// zero), so that a hit copies a fixed 32 bytes and shortens the output to
/// fit, with no call to `memcpy`.
#[derive(Clone, Copy)]
struct KeySlot {
    at: usize,
    len: usize,
    n: usize,
    written: [u8; KEY_BYTES + 1],
}

/// An empty slot: no name has length `usize::MAX`.
const NO_KEY: KeySlot = KeySlot { at: 0, len: usize::MAX, n: 0, written: [0; KEY_BYTES + 1] };

/// The name of the same slot of [`Writer::keys`] as the pretty layout
/// writes it at `level` (`,`, a line break, the indentation, `"name": `):
/// `n` bytes of `bytes`. A name keeps the level it was last written at (a
/// struct's fields come back at the same depth); `level` is `usize::MAX`
/// when the slot has none.
#[derive(Clone, Copy)]
struct PrettySlot {
    level: usize,
    n: usize,
    bytes: [u8; PRETTY_BYTES + 1],
}

/// An empty [`PrettySlot`].
const NO_PRETTY: PrettySlot = PrettySlot { level: usize::MAX, n: 0, bytes: [0; PRETTY_BYTES + 1] };

/// What a pretty hit copies: `,\n`, the indentation and `"name": `, for
/// names and levels that fit, with a byte to spare to start after the comma.
const PRETTY_BYTES: usize = 64;

/// How many field names [`Writer::keys`] holds: the report's hundred or
/// so names in a table this size share a slot rarely (a name whose own
/// slot another holds is found past it, out of line).
const KEY_SLOTS: usize = 4096;

/// How many slots a name may take, from its own on: names whose slots
/// collide both stay.
const KEY_PROBES: usize = 4;

/// What a hit copies: `,"name":` where it fits (a name of up to 28 bytes
/// that needs no escapes), with one byte to spare so that the copy can
/// start after the comma. Longer names are written without the cache.
const KEY_BYTES: usize = 32;

/// [`Writer::keys`] and [`Writer::pretty_keys`], as one value: the pretty
/// table goes with the names it was made for.
type KeyTables = (Box<[KeySlot]>, Box<[PrettySlot]>);

thread_local! {
    /// Each thread's tables of field names, while no writer holds them
    /// (empty until the first writer of the thread is dropped; the pretty
    /// one until a pretty writer has written a name).
    static KEY_CACHE: Cell<KeyTables> = Cell::new(KeyTables::default());
}

/// The thread's tables of field names, or a new one and an empty one.
/// They are taken and given back together, and a slot's pretty name is
/// cleared when another name takes the slot.
fn take_keys() -> KeyTables {
    let (keys, pretty) = KEY_CACHE.try_with(Cell::take).unwrap_or_default();
    if keys.len() == KEY_SLOTS {
        (keys, pretty)
    } else {
        (vec![NO_KEY; KEY_SLOTS].into_boxed_slice(), Box::default())
    }
}

impl Drop for Writer<'_> {
    fn drop(&mut self) {
        let tables = (std::mem::take(&mut self.keys), std::mem::take(&mut self.pretty_keys));
        // Only while the thread is being torn down is there nowhere to put
        // them.
        let _ = KEY_CACHE.try_with(|cache| cache.set(tables));
    }
}

impl<'a> Writer<'a> {
    /// A writer of compact JSON (`serde_json::to_writer`'s layout).
    pub(crate) fn compact(out: &'a mut Vec<u8>) -> Writer<'a> {
        let (keys, pretty_keys) = take_keys();
        Writer { out, pretty: None, line: Vec::new(), keys, pretty_keys }
    }

    /// A writer of serde_json's pretty layout for values nested `level`
    /// levels deep: what `serde_json::Serializer::with_formatter` writes with
    /// a `PrettyFormatter` that starts at that level.
    pub(crate) fn pretty(out: &'a mut Vec<u8>, level: usize) -> Writer<'a> {
        let (keys, pretty_keys) = take_keys();
        Writer { out, pretty: Some(level), line: Vec::new(), keys, pretty_keys }
    }

    /// Where the writer writes.
    pub(crate) fn out(&mut self) -> &mut Vec<u8> {
        self.out
    }

    /// Appends `value`. On an error the output holds part of it, and the
    /// writer is ready for the next value.
    pub(crate) fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        let level = self.pretty;
        let written = value.serialize(&mut *self);
        self.pretty = level;
        written
    }

    /// In the pretty layout, a line break and the indentation of the level.
    #[inline]
    fn new_line(&mut self) {
        if let Some(level) = self.pretty {
            push_line(self.out, &mut self.line, level);
        }
    }

    /// Writes `,"key":` (without the comma for the first field); pretty,
    /// `,` then a new line, `"key": `. A name found in its own slot of
    /// [`Writer::keys`] is written here, in the compact layout, or by
    /// [`Writer::write_name`]; the rest is [`Writer::field_name_slow`].
    #[inline]
    fn field_name(&mut self, key: &'static str, first: bool) {
        let own = key_slot(key);
        if let Some(slot) = self.keys.get(own)
            && slot.at == key.as_ptr() as usize
            && slot.len == key.len()
        {
            match slot.written[usize::from(first)..].first_chunk::<KEY_BYTES>() {
                Some(written) if self.pretty.is_none() => {
                    let end = self.out.len() + slot.n - usize::from(first);
                    self.out.extend_from_slice(written);
                    self.out.truncate(end);
                }
                _ => self.write_name(own, first),
            }
            return;
        }
        self.field_name_slow(key, first);
    }

    /// Writes the name in slot `i` of [`Writer::keys`].
    #[inline(never)]
    fn write_name(&mut self, i: usize, first: bool) {
        let slot = &self.keys[i];
        let written = &slot.written[..slot.n];
        let Some(level) = self.pretty else {
            return write_written(self.out, &mut self.line, None, written, first);
        };
        if self.pretty_keys.len() != KEY_SLOTS {
            self.pretty_keys = vec![NO_PRETTY; KEY_SLOTS].into_boxed_slice();
        }
        if self.pretty_keys[i].level != level {
            // `,` and the line break and indentation, then the name without
            // its comma, and a space: kept in the slot if it fits.
            let line = line_at(&mut self.line, level);
            let n = line.len() + slot.n + 1;
            if n > PRETTY_BYTES {
                return write_written(self.out, &mut self.line, self.pretty, written, first);
            }
            let mut bytes = [0; PRETTY_BYTES + 1];
            bytes[0] = b',';
            bytes[1..1 + line.len()].copy_from_slice(line);
            bytes[1 + line.len()..n - 1].copy_from_slice(&written[1..]);
            bytes[n - 1] = b' ';
            self.pretty_keys[i] = PrettySlot { level, n, bytes };
        }
        // A fixed copy cut back to fit, with no call to `memcpy`.
        let slot = &self.pretty_keys[i];
        if let Some(bytes) = slot.bytes[usize::from(first)..].first_chunk::<PRETTY_BYTES>() {
            let end = self.out.len() + slot.n - usize::from(first);
            self.out.extend_from_slice(bytes);
            self.out.truncate(end);
        }
    }

    /// [`Writer::field_name`] for a name that is not in its own slot: it is
    /// found in one of the next slots of its [`KEY_PROBES`], or else
    /// escaped and, if short enough, put in the first empty slot of those
    /// (or else in its own).
    #[cold]
    fn field_name_slow(&mut self, key: &'static str, first: bool) {
        let at = key.as_ptr() as usize;
        let own = key_slot(key);
        let slots = (0..KEY_PROBES).map(|k| (own + k) % KEY_SLOTS);
        if let Some(i) = slots.clone().find(|&i| self.keys[i].at == at && self.keys[i].len == key.len()) {
            return self.write_name(i, first);
        }
        let mut bytes = Vec::with_capacity(key.len() + 4);
        bytes.push(b',');
        write_str(&mut bytes, key);
        bytes.push(b':');
        if bytes.len() <= KEY_BYTES {
            let mut written = [0; KEY_BYTES + 1];
            written[..bytes.len()].copy_from_slice(&bytes);
            let empty = slots.clone().find(|&i| self.keys[i].len == usize::MAX).unwrap_or(own);
            self.keys[empty] = KeySlot { at, len: key.len(), n: bytes.len(), written };
            if let Some(pretty) = self.pretty_keys.get_mut(empty) {
                *pretty = NO_PRETTY;
            }
            return self.write_name(empty, first);
        }
        write_written(self.out, &mut self.line, self.pretty, &bytes, first);
    }
}

/// Writes a field name given as written compact (`,"name":`), in the
/// layout of `pretty` (see [`Writer::pretty`]): without the comma for the
/// first field; pretty, the comma, a new line of `line_at(line, level)`,
/// the name and a space. The way a name goes out when no slot keeps it
/// whole.
fn write_written(out: &mut Vec<u8>, line: &mut Vec<u8>, pretty: Option<usize>, written: &[u8], first: bool) {
    match pretty {
        None => out.extend_from_slice(&written[usize::from(first)..]),
        Some(level) => {
            if !first {
                out.push(b',');
            }
            push_line(out, line, level);
            out.extend_from_slice(&written[1..]);
            out.push(b' ');
        }
    }
}

/// The slot of [`Writer::keys`] for the name `key`, from where it lies and
/// its length.
#[inline]
fn key_slot(key: &str) -> usize {
    let at = key.as_ptr() as usize;
    // The top bits of a Fibonacci hash, as many as index the slots.
    (((at ^ key.len()) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - KEY_SLOTS.trailing_zeros()))
        as usize
        % KEY_SLOTS
}

/// A sequence, map or struct being written: whether the next item is the
/// first, what closes it (`]` or `}`), and whether it is a variant's value
/// (then a `}` closes the variant's object after it).
#[doc(hidden)]
pub(crate) struct Compound<'a, 'b> {
    w: &'b mut Writer<'a>,
    first: bool,
    close: u8,
    variant: bool,
}

impl Compound<'_, '_> {
    /// Before an element or a map key: a comma unless it is the first, and
    /// in the pretty layout a new line.
    #[inline]
    fn item(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.w.out.push(b',');
        }
        self.w.new_line();
    }

    #[inline]
    fn end(self) -> Result {
        self.w.close(!self.first, self.close);
        if self.variant {
            self.w.close(true, b'}');
        }
        Ok(())
    }
}

impl<'a, 'b> Writer<'a> {
    #[inline]
    fn open(&'b mut self, open: u8, close: u8, variant: bool) -> Compound<'a, 'b> {
        self.out.push(open);
        if let Some(level) = &mut self.pretty {
            *level += 1;
        }
        Compound { w: self, first: true, close, variant }
    }

    /// Closes what [`Writer::open`] opened, on a new line when it holds
    /// something (pretty).
    #[inline]
    fn close(&mut self, filled: bool, close: u8) {
        if let Some(level) = &mut self.pretty {
            *level -= 1;
            if filled {
                self.new_line();
            }
        }
        self.out.push(close);
    }

    /// `{"variant":` before a variant's value (pretty: `{`, a new line,
    /// `"variant": `).
    fn variant_key(&mut self, variant: &str) {
        self.out.push(b'{');
        if let Some(level) = &mut self.pretty {
            *level += 1;
        }
        self.new_line();
        write_str(self.out, variant);
        self.out.push(b':');
        if self.pretty.is_some() {
            self.out.push(b' ');
        }
    }
}

macro_rules! ints {
    ($($f:ident: $t:ty),*) => {
        $(#[inline]
        fn $f(self, v: $t) -> Result {
            write_int(self.out, v);
            Ok(())
        })*
    };
}

impl<'a, 'b> ser::Serializer for &'b mut Writer<'a> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a, 'b>;
    type SerializeTuple = Compound<'a, 'b>;
    type SerializeTupleStruct = Compound<'a, 'b>;
    type SerializeTupleVariant = Compound<'a, 'b>;
    type SerializeMap = Compound<'a, 'b>;
    type SerializeStruct = Compound<'a, 'b>;
    type SerializeStructVariant = Compound<'a, 'b>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    ints!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128,
          serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128);

    fn serialize_f32(self, v: f32) -> Result {
        write_float(self.out, v, v.is_finite());
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result {
        write_float(self.out, v, v.is_finite());
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    #[inline]
    fn serialize_str(self, v: &str) -> Result {
        write_str(self.out, v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result {
        let mut seq = self.open(b'[', b']', false);
        for &b in v {
            seq.item();
            write_int(seq.w.out, b);
        }
        seq.end()
    }

    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }

    #[inline]
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }

    #[inline]
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.variant_key(variant);
        value.serialize(&mut *self)?;
        self.close(true, b'}');
        Ok(())
    }

    #[inline]
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a, 'b>> {
        Ok(self.open(b'[', b']', false))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a, 'b>> {
        Ok(self.open(b'[', b']', false))
    }

    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a, 'b>> {
        Ok(self.open(b'[', b']', false))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'b>> {
        self.variant_key(variant);
        Ok(self.open(b'[', b']', true))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a, 'b>> {
        Ok(self.open(b'{', b'}', false))
    }

    #[inline]
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a, 'b>> {
        Ok(self.open(b'{', b'}', false))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'b>> {
        self.variant_key(variant);
        Ok(self.open(b'{', b'}', true))
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    #[inline]
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.item();
        value.serialize(&mut *self.w)
    }

    fn end(self) -> Result {
        Compound::end(self)
    }
}

/// Tuples, tuple structs and tuple variants are written as sequences.
macro_rules! as_sequence {
    ($($trait:ident :: $method:ident),*) => {
        $(impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Unsupported;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
                ser::SerializeSeq::serialize_element(self, value)
            }

            fn end(self) -> Result {
                Compound::end(self)
            }
        })*
    };
}

as_sequence!(
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.item();
        key.serialize(Key { out: self.w.out })
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.w.out.push(b':');
        if self.w.pretty.is_some() {
            self.w.out.push(b' ');
        }
        value.serialize(&mut *self.w)
    }

    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    // Inlined, as the methods that write a field's or an element's value
    // are: through serde's generic code, at each of the millions of fields
    // of a large report, the calls were 1.1% of a JSON Lines run.
    #[inline]
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.w.field_name(key, std::mem::take(&mut self.first));
        value.serialize(&mut *self.w)
    }

    #[inline]
    fn end(self) -> Result {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Result {
        Compound::end(self)
    }
}

/// A map key: a string, a char or an integer (written in quotes, as
/// serde_json writes it); anything else is [`Unsupported`].
struct Key<'a> {
    out: &'a mut Vec<u8>,
}

impl Key<'_> {
    fn quoted_int<I: itoa::Integer>(self, i: I) -> Result {
        self.out.push(b'"');
        write_int(self.out, i);
        self.out.push(b'"');
        Ok(())
    }
}

fn not_a_key<T>(what: &str) -> Result<T> {
    Err(Unsupported(format!("a map key that is {what}").into()))
}

macro_rules! int_keys {
    ($($f:ident: $t:ty),*) => {
        $(fn $f(self, v: $t) -> Result {
            self.quoted_int(v)
        })*
    };
}

impl ser::Serializer for Key<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Impossible<(), Unsupported>;
    type SerializeTuple = Impossible<(), Unsupported>;
    type SerializeTupleStruct = Impossible<(), Unsupported>;
    type SerializeTupleVariant = Impossible<(), Unsupported>;
    type SerializeMap = Impossible<(), Unsupported>;
    type SerializeStruct = Impossible<(), Unsupported>;
    type SerializeStructVariant = Impossible<(), Unsupported>;

    fn serialize_str(self, v: &str) -> Result {
        write_str(self.out, v);
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    int_keys!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128,
              serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128);

    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_bool(self, _v: bool) -> Result {
        not_a_key("a bool")
    }

    fn serialize_f32(self, _v: f32) -> Result {
        not_a_key("a float")
    }

    fn serialize_f64(self, _v: f64) -> Result {
        not_a_key("a float")
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result {
        not_a_key("bytes")
    }

    fn serialize_none(self) -> Result {
        not_a_key("none")
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result {
        not_a_key("an option")
    }

    fn serialize_unit(self) -> Result {
        not_a_key("a unit")
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        not_a_key("a unit struct")
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result {
        not_a_key("a variant with a value")
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        not_a_key("a sequence")
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        not_a_key("a tuple")
    }

    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeTupleStruct> {
        not_a_key("a tuple struct")
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        not_a_key("a tuple variant")
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        not_a_key("a map")
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        not_a_key("a struct")
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        not_a_key("a struct variant")
    }
}

/// Where the hand-written writers ([`write_relations`], [`write_relation`])
/// put their punctuation: [`Compact`], or [`Pretty`], serde_json's pretty
/// layout.
pub(crate) trait Layout {
    /// Before a field: a comma unless it is the first, then the name in
    /// quotes and a colon (pretty: the name after a new line, and a space
    /// after the colon). `written` is all of those, compact, as a literal
    /// (`,"name":`), so that the compact layout copies it at once.
    fn name(&mut self, out: &mut Vec<u8>, written: &[u8], first: bool);
    /// Before an element of an array: a comma unless it is the first
    /// (pretty: and a new line).
    fn element(&mut self, out: &mut Vec<u8>, first: bool);
    /// Opens an array or an object.
    fn open(&mut self, out: &mut Vec<u8>, open: u8);
    /// Closes it; `filled` if it holds something (pretty: then the close
    /// goes on a new line).
    fn close(&mut self, out: &mut Vec<u8>, close: u8, filled: bool);
}

/// The compact layout of [`Layout`] (`serde_json::to_writer`'s).
pub(crate) struct Compact;

impl Layout for Compact {
    #[inline]
    fn name(&mut self, out: &mut Vec<u8>, written: &[u8], first: bool) {
        out.extend_from_slice(&written[usize::from(first)..]);
    }

    #[inline]
    fn element(&mut self, out: &mut Vec<u8>, first: bool) {
        if !first {
            out.push(b',');
        }
    }

    #[inline]
    fn open(&mut self, out: &mut Vec<u8>, open: u8) {
        out.push(open);
    }

    #[inline]
    fn close(&mut self, out: &mut Vec<u8>, close: u8, _filled: bool) {
        out.push(close);
    }
}

/// serde_json's pretty layout of [`Layout`], two spaces a level, from the
/// level it is made with (see [`Writer::pretty`]).
pub(crate) struct Pretty {
    level: usize,
    /// For [`line_at`].
    line: Vec<u8>,
}

impl Pretty {
    /// The pretty layout for values nested `level` levels deep.
    pub(crate) fn at(level: usize) -> Pretty {
        Pretty { level, line: Vec::new() }
    }
}

// `#[inline(always)]`, not `#[inline]` as for `Compact`: called from
// `write_relation` at every field, these were left as calls, and inlined
// each name's copy has a known length (2.5% and 0.5% of a JSON report's
// run, stop 29); `Compact`'s the same way gained nothing.
impl Layout for Pretty {
    #[inline(always)]
    fn name(&mut self, out: &mut Vec<u8>, written: &[u8], first: bool) {
        self.element(out, first);
        out.extend_from_slice(&written[1..written.len() - 1]);
        out.extend_from_slice(b": ");
    }

    #[inline(always)]
    fn element(&mut self, out: &mut Vec<u8>, first: bool) {
        if !first {
            out.push(b',');
        }
        push_line(out, &mut self.line, self.level);
    }

    #[inline(always)]
    fn open(&mut self, out: &mut Vec<u8>, open: u8) {
        out.push(open);
        self.level += 1;
    }

    #[inline(always)]
    fn close(&mut self, out: &mut Vec<u8>, close: u8, filled: bool) {
        self.level -= 1;
        if filled {
            push_line(out, &mut self.line, self.level);
        }
        out.push(close);
    }
}

/// Appends `relations` as a JSON array, as serde_json writes the derived
/// `Serialize` of `Vec<Relation>`, compact (see [`write_relation`]).
pub(crate) fn write_relations(out: &mut Vec<u8>, relations: &[crate::compare::Relation]) {
    out.push(b'[');
    for (i, r) in relations.iter().enumerate() {
        Compact.element(out, i == 0);
        write_relation(out, r, &mut Compact);
    }
    out.push(b']');
}

/// Appends `relation` as serde_json writes its derived `Serialize`, in
/// `layout`, by hand.
///
/// Relations are most of a large report (37 of the 59 MB of the spaCy
/// comparison's JSON Lines), and each is some twenty fields, with its
/// evidence items and their spans. Through serde each field cost a
/// generic call, a look-up of its written name and a `Result`; here the
/// names are literals, and the run of the JSON Lines took 2.6% fewer
/// instructions, the JSON report's 3.3%. Naming every field of the
/// structs makes a new one a compile error here until it is written; the
/// tests hold the bytes to serde_json's, compact and pretty, with and
/// without the fields that are skipped when empty.
pub(crate) fn write_relation<L: Layout>(
    out: &mut Vec<u8>,
    relation: &crate::compare::Relation,
    layout: &mut L,
) {
    use crate::compare::{Evidence, EvidenceItem, Relation, RelationType};
    fn items<L: Layout>(out: &mut Vec<u8>, items: &[EvidenceItem], layout: &mut L) {
        layout.open(out, b'[');
        for (i, EvidenceItem { role, text, span }) in items.iter().enumerate() {
            let crate::span::Span { start, end } = *span;
            layout.element(out, i == 0);
            layout.open(out, b'{');
            layout.name(out, b",\"role\":", true);
            write_str(out, role);
            layout.name(out, b",\"text\":", false);
            write_str(out, text);
            layout.name(out, b",\"span\":", false);
            layout.open(out, b'{');
            layout.name(out, b",\"start\":", true);
            write_int(out, start);
            layout.name(out, b",\"end\":", false);
            write_int(out, end);
            layout.close(out, b'}', true);
            layout.close(out, b'}', true);
        }
        layout.close(out, b']', !items.is_empty());
    }
    fn strs<L: Layout>(out: &mut Vec<u8>, strs: &[compact_str::CompactString], layout: &mut L) {
        layout.open(out, b'[');
        for (i, s) in strs.iter().enumerate() {
            layout.element(out, i == 0);
            write_str(out, s);
        }
        layout.close(out, b']', !strs.is_empty());
    }
    let Relation { a, b, relation, kind, reason, evidence, topic, positions } = relation;
    let Evidence { a: evidence_a, b: evidence_b, shared, values } = evidence;
    layout.open(out, b'{');
    layout.name(out, b",\"a\":", true);
    write_str(out, a);
    layout.name(out, b",\"b\":", false);
    write_str(out, b);
    layout.name(out, b",\"relation\":", false);
    write_str(
        out,
        match relation {
            RelationType::Agree => "agree",
            RelationType::Contradict => "contradict",
        },
    );
    layout.name(out, b",\"kind\":", false);
    write_str(out, kind.as_str());
    layout.name(out, b",\"reason\":", false);
    write_str(out, reason);
    layout.name(out, b",\"evidence\":", false);
    layout.open(out, b'{');
    layout.name(out, b",\"a\":", true);
    items(out, evidence_a, layout);
    layout.name(out, b",\"b\":", false);
    items(out, evidence_b, layout);
    if !shared.is_empty() {
        layout.name(out, b",\"shared\":", false);
        strs(out, shared, layout);
    }
    if let Some(values) = values {
        layout.name(out, b",\"values\":", false);
        strs(out, values, layout);
    }
    layout.close(out, b'}', true);
    layout.name(out, b",\"topic\":", false);
    write_str(out, topic);
    layout.name(out, b",\"positions\":", false);
    strs(out, positions, layout);
    layout.close(out, b'}', true);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Compact and pretty, as serde_json writes them.
    fn same_as_serde_json<T: Serialize + ?Sized>(value: &T) {
        let mut ours = Vec::new();
        write(&mut ours, value).expect("written");
        let theirs = serde_json::to_vec(value).expect("serde_json writes it");
        assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
        let mut ours = Vec::new();
        Writer::pretty(&mut ours, 0).write(value).expect("written");
        let theirs = serde_json::to_vec_pretty(value).expect("serde_json writes it");
        assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
    }

    /// The literal line breaks are those of the cached line, at every
    /// level, the literal ones and the deeper ones around them.
    #[test]
    fn literal_line_breaks_are_the_cached_ones() {
        let mut line = Vec::new();
        for level in 0..12 {
            let mut out = b"x".to_vec();
            push_line(&mut out, &mut Vec::new(), level);
            let expected = [b"x".as_slice(), line_at(&mut line, level)].concat();
            assert_eq!(out, expected, "level {level}");
            assert_eq!(out.len(), 2 + 2 * level, "level {level}");
        }
    }

    /// The relations written by hand are serde_json's bytes for the
    /// derived `Serialize`: with and without the evidence fields skipped
    /// when empty, empty and full evidence lists, both relation types,
    /// every kind, and strings that need escapes in every field.
    #[test]
    fn relations_written_by_hand_are_serde_jsons_bytes() {
        use crate::compare::{Evidence, EvidenceItem, Kind, Relation, RelationType};
        use compact_str::CompactString;
        let kinds = [
            Kind::Numeric,
            Kind::Date,
            Kind::Time,
            Kind::Negation,
            Kind::Denial,
            Kind::Antonym,
            Kind::Alternative,
            Kind::Presupposition,
            Kind::QuantityAgainstState,
            Kind::Framing,
            Kind::Naming,
            Kind::Restatement,
        ];
        let text = |k: usize| -> CompactString {
            ["plain", "", "say \"no\"", "tab\there\\", "ünï\u{1}code — long enough to pass sixteen"][k % 5]
                .into()
        };
        let item = |k: usize| EvidenceItem {
            role: text(k + 1),
            text: text(k + 2),
            span: crate::span::Span::new(k, k * 1_000_003 + 7),
        };
        let mut relations = Vec::new();
        for (k, &kind) in kinds.iter().enumerate() {
            relations.push(Relation {
                a: text(k),
                b: text(k + 3),
                relation: if k % 2 == 0 { RelationType::Agree } else { RelationType::Contradict },
                kind,
                reason: text(k + 4).to_string(),
                evidence: Evidence {
                    a: (0..k % 3).map(item).collect(),
                    b: (0..(k + 1) % 3).map(|j| item(j + k)).collect(),
                    shared: (0..k % 3).map(text).collect(),
                    values: (k % 2 == 1).then(|| [text(k), text(k + 1)]),
                },
                topic: text(k + 2),
                positions: [text(k + 1), text(k)],
            });
        }
        for n in [0, 1, relations.len()] {
            let mut ours = Vec::new();
            write_relations(&mut ours, &relations[..n]);
            let theirs = serde_json::to_vec(&relations[..n]).expect("serde_json writes them");
            assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
        }
        for r in &relations {
            let mut ours = Vec::new();
            write_relation(&mut ours, r, &mut Pretty::at(0));
            let theirs = serde_json::to_vec_pretty(r).expect("serde_json writes it");
            assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
        }
        // Not all the same shape: skipped and written evidence fields both.
        assert!(relations.iter().any(|r| r.evidence.values.is_none() && r.evidence.shared.is_empty()));
        assert!(relations.iter().any(|r| r.evidence.values.is_some() && !r.evidence.shared.is_empty()));
    }

    /// Every byte JSON escapes, at every position of an eight-byte word and
    /// across two words, between plain ASCII and multi-byte text.
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let specials: Vec<char> =
            (0u8..0x20).map(char::from).chain(['"', '\\', '\u{7f}', '/', 'é', '—']).collect();
        for len in 0..20 {
            for at in 0..len {
                for &c in &specials {
                    let s: String = (0..len).map(|i| if i == at { c } else { 'a' }).collect();
                    same_as_serde_json(&s);
                    let around = format!("ł{s}\"{s}\u{1F600}");
                    same_as_serde_json(&around);
                }
            }
        }
        same_as_serde_json("");
        same_as_serde_json(&"x".repeat(1000));
        same_as_serde_json("\u{0}\u{1f}\u{20}\"\\\n\r\t\u{8}\u{c}");
    }

    /// The eight-byte test against the byte-by-byte table on words made of
    /// the bytes near each boundary (0x1f/0x20, around `"` and `\`, 0x7f,
    /// 0x80 and above).
    #[test]
    fn the_word_test_agrees_with_the_table() {
        let near = [
            0x00u8, 0x01, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x5b, 0x5c, 0x5d, 0x61, 0x7f, 0x80, 0xa2, 0xdc, 0xff,
        ];
        let mut words = 0;
        for a in near {
            for b in near {
                for shift in 0..7 {
                    let mut bytes = [b'a'; 8];
                    bytes[shift] = a;
                    bytes[shift + 1] = b;
                    let table = bytes.iter().any(|&x| ESCAPE[usize::from(x)] != 0);
                    assert_eq!(any_escape(u64::from_le_bytes(bytes)), table, "{bytes:?}");
                    words += 1;
                }
            }
        }
        assert_eq!(words, 16 * 16 * 7);
    }

    /// The whole-text test against the table, at every length up to 56
    /// (the eight-byte words below 16 bytes, then 16-byte blocks with a
    /// last one that overlaps or not) with one byte of each kind at every
    /// position, and on plain text.
    #[test]
    fn the_text_test_agrees_with_the_table() {
        let kinds = [0x00u8, 0x1f, 0x20, b'!', b'"', b'#', b'[', b'\\', b']', b'a', 0x7f, 0x80, 0xc3, 0xff];
        for n in 0..56 {
            let plain = vec![b'x'; n];
            assert!(!has_escape(&plain), "{n}");
            for at in 0..n {
                for k in kinds {
                    let mut bytes = plain.clone();
                    bytes[at] = k;
                    let table = bytes.iter().any(|&x| ESCAPE[usize::from(x)] != 0);
                    assert_eq!(has_escape(&bytes), table, "{bytes:?}");
                }
            }
        }
    }

    /// Field names through their cache: far more names than slots, so
    /// slots are taken over and probes run past their own slot; names
    /// that start at the same address with different lengths ("na", "nam",
    /// "name"); names too long for a slot; in both layouts, the pretty one
    /// also where a name and its indentation are too long to keep whole.
    #[test]
    fn field_names_are_written_right_whatever_the_cache_holds() {
        let long: &'static str = Box::leak("name\"with\\escapes".to_string().into_boxed_str());
        let mut names: Vec<&'static str> =
            (0..3 * KEY_SLOTS).map(|i| &*Box::leak(format!("field_{i}").into_boxed_str())).collect();
        names.extend((1..=long.len()).map(|n| &long[..n]));
        for i in 0..20 {
            let name: &'static str = Box::leak(format!("prefixes_of_one_name_{i:03}").into_boxed_str());
            names.extend((1..=name.len()).map(|n| &name[..n]));
        }
        names.push(Box::leak("a_field_name_longer_than_any_slot_holds".to_string().into_boxed_str()));
        // Compact; pretty at level 1; pretty at level 20, where a name with
        // its indentation is too long to be kept whole in its slot.
        for (pretty, level) in [(false, 0), (true, 1), (true, 20)] {
            let mut out = Vec::new();
            let mut w = if pretty { Writer::pretty(&mut out, level) } else { Writer::compact(&mut out) };
            let indent = [b"\n".as_slice(), &b" ".repeat(2 * level)].concat();
            let mut expected = Vec::new();
            for round in 0..3 {
                // A few names over and over between the others, as a
                // struct's fields come back, so that some are found.
                for (i, name) in names.iter().chain(names[..40].iter().cycle().take(400)).enumerate() {
                    let first = (i + round) % 5 == 0;
                    w.field_name(name, first);
                    if !first {
                        expected.push(b',');
                    }
                    if pretty {
                        expected.extend(&indent);
                    }
                    expected.extend(serde_json::to_vec(name).unwrap());
                    expected.push(b':');
                    if pretty {
                        expected.push(b' ');
                    }
                }
            }
            drop(w);
            assert_eq!(
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&expected),
                "pretty: {pretty}, level {level}"
            );
        }
    }

    /// A slot that holds a name at the same address with another length,
    /// among the slots probed for a name, is not taken for it.
    #[test]
    fn a_shorter_name_at_the_same_address_is_not_found_for_a_longer_one() {
        let name: &'static str = Box::leak("reason".to_string().into_boxed_str());
        let short = &name[..3];
        let mut out = Vec::new();
        let mut w = Writer::compact(&mut out);
        w.field_name(short, true);
        let own = key_slot(name);
        w.keys[(own + 1) % KEY_SLOTS] = w.keys[key_slot(short)];
        assert_eq!(w.keys[(own + 1) % KEY_SLOTS].at, name.as_ptr() as usize);
        w.field_name(name, false);
        w.field_name(name, false);
        drop(w);
        assert_eq!(String::from_utf8_lossy(&out), r#""rea":,"reason":,"reason":"#);
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i32, String),
        Struct { x: f64, y: Option<f32> },
    }

    #[derive(Serialize)]
    #[serde(tag = "type", rename_all = "kebab-case")]
    enum Tagged {
        OneDay { value: String },
        Unknown,
    }

    #[derive(Serialize)]
    struct Everything {
        flag: bool,
        small: i8,
        big: u128,
        negative: i64,
        floats: Vec<f64>,
        letter: char,
        nothing: Option<String>,
        bytes: serde_bytes_like::Bytes,
        shapes: Vec<Shape>,
        tagged: Vec<Tagged>,
        by_name: BTreeMap<String, Vec<u32>>,
        by_number: BTreeMap<u16, &'static str>,
        empty: Vec<()>,
        pair: (u8, &'static str),
        #[serde(rename = "odd \"key\"")]
        odd: (),
    }

    mod serde_bytes_like {
        /// Bytes serialized with `serialize_bytes`.
        pub struct Bytes(pub Vec<u8>);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
    }

    #[test]
    fn every_shape_is_written_as_serde_json_writes_it() {
        let value = Everything {
            flag: true,
            small: -128,
            big: u128::MAX,
            negative: i64::MIN,
            floats: vec![0.0, -0.0, 1.5, 1e21, 1e-7, 0.1 + 0.2, f64::NAN, f64::INFINITY, f64::MIN_POSITIVE],
            letter: '"',
            nothing: None,
            bytes: serde_bytes_like::Bytes(vec![0, 255, 7]),
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(3),
                Shape::Tuple(-1, "t\n".into()),
                Shape::Struct { x: 2.5, y: Some(f32::NAN) },
            ],
            tagged: vec![Tagged::OneDay { value: "2020-11-09".into() }, Tagged::Unknown],
            by_name: BTreeMap::from([("a\u{1}".to_string(), vec![1, 2]), (String::new(), vec![])]),
            by_number: BTreeMap::from([(7, "seven"), (65535, "")]),
            empty: Vec::new(),
            pair: (9, "nine"),
            odd: (),
        };
        same_as_serde_json(&value);
    }

    /// Pretty at level 2 is what serde_json writes for the value two levels
    /// down: inside `[[value]]`, between the brackets' lines. One writer
    /// writes several values, keeping its name cache and its level.
    #[test]
    fn pretty_values_start_at_their_level() {
        let values = [
            serde_json::json!({"a": [1, {"b": [], "c": {}}], "d": "e\u{1}"}),
            serde_json::json!([]),
            serde_json::json!({"x": [[{"y": null}]]}),
        ];
        let mut out = Vec::new();
        let mut w = Writer::pretty(&mut out, 2);
        for v in &values {
            w.out().extend_from_slice(b"|");
            w.write(v).expect("written");
        }
        let mut expected = Vec::new();
        for v in &values {
            let wrapped = serde_json::to_string_pretty(&[[v]]).unwrap();
            let inner = wrapped.strip_prefix("[\n  [\n    ").unwrap().strip_suffix("\n  ]\n]").unwrap();
            expected.extend_from_slice(b"|");
            expected.extend_from_slice(inner.as_bytes());
        }
        drop(w);
        assert_eq!(String::from_utf8_lossy(&out), String::from_utf8_lossy(&expected));
    }

    #[test]
    fn a_key_it_does_not_write_falls_back_to_serde_json() {
        let map = BTreeMap::from([(true, 1), (false, 2)]);
        let mut out = b"kept ".to_vec();
        assert!(write(&mut out.clone(), &map).is_err());
        to_vec_or_serde_json(&mut out, &map).expect("serde_json writes bool keys");
        let mut expected = b"kept ".to_vec();
        serde_json::to_writer(&mut expected, &map).expect("serde_json writes bool keys");
        assert_eq!(out, expected);
    }
}
