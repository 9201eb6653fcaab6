//! Tests of eight bytes at once in one `u64` ("SIMD within a register"),
//! for the byte scans of the tokenizer, the segmenter and the JSON writer.
//! A byte's answer is its high bit (0x80) in the result; no test carries
//! from one byte into the next, so each says exactly whether some byte
//! answers (which byte is only exact for the first, from the low end).

/// 0x01 in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// 0x80 in every byte: the high bits, set in the bytes that are not ASCII.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` equal to `b` (the classic zero-byte
/// test on `w ^ b…`); for any bytes.
#[inline]
pub(crate) fn equal(w: u64, b: u8) -> u64 {
    let x = w ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGH
}

/// The high bit of each byte of `w` below `b`, for `b` at most 0x80; for
/// any bytes.
#[inline]
pub(crate) fn below(w: u64, b: u8) -> u64 {
    w.wrapping_sub(ONES * u64::from(b)) & !w & HIGH
}

/// The high bit of each byte of `w` that is at least `lo`, for `w` whose
/// bytes are all below 0x80 (ASCII) and `lo` from 1 to 0x80.
#[inline]
pub(crate) fn at_least(w: u64, lo: u8) -> u64 {
    w.wrapping_add(ONES * u64::from(0x80 - lo)) & HIGH
}

/// Whether `test` holds for every word of `bytes` read as little-endian
/// `u64`s, stopping at the first that fails. The words may overlap, as a
/// byte read twice gives the same answer, and nothing is copied to read
/// them: eight bytes at a time with the last eight ending a text of eight
/// or more; a text of four to seven bytes as its first and last four; a
/// shorter one as its first, middle and last byte beside `filler` bytes
/// (which `test` must pass), and an empty one as `filler` alone.
#[inline]
pub(crate) fn all_words(bytes: &[u8], filler: u8, mut test: impl FnMut(u64) -> bool) -> bool {
    let n = bytes.len();
    if let Some(last) = bytes.last_chunk::<8>() {
        let mut i = 0;
        while i + 8 < n {
            if let Some(w) = bytes[i..].first_chunk::<8>()
                && !test(u64::from_le_bytes(*w))
            {
                return false;
            }
            i += 8;
        }
        return test(u64::from_le_bytes(*last));
    }
    let fill = ONES * u64::from(filler);
    let w = if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(*first)) | (u64::from(u32::from_le_bytes(*last)) << 32)
    } else if let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) {
        let b = u64::from;
        (fill & !0xFF_FFFF) | b(first) | (b(bytes[n / 2]) << 8) | (b(last) << 16)
    } else {
        fill
    };
    test(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte of a text of any length up to three words is read: a
    /// marked byte at any place fails the test, and without one every
    /// word passes.
    #[test]
    fn all_words_reads_every_byte() {
        let unmarked = |w: u64| equal(w, 0xFF) == 0;
        for n in 0..=24 {
            let plain = vec![b'x'; n];
            assert!(all_words(&plain, b' ', unmarked), "{n}");
            for at in 0..n {
                let mut marked = plain.clone();
                marked[at] = 0xFF;
                assert!(!all_words(&marked, b' ', unmarked), "{n} {at}");
            }
        }
        // The filler is what a short text is read beside.
        assert!(!all_words(b"", 0xFF, unmarked));
        assert!(!all_words(b"xy", 0xFF, unmarked));
        assert!(all_words(b"xyzw", 0xFF, unmarked));
    }

    /// Each test against its byte-by-byte answer, with every byte value at
    /// every position among neighbours that sit at the edges (NUL, DEL,
    /// 0x80, 0xFF, and the bytes on either side of the one asked for).
    #[test]
    fn every_byte_in_every_position() {
        let high_bits = |w: u64, f: &dyn Fn(u8) -> bool| -> u64 {
            w.to_le_bytes().iter().enumerate().filter(|(_, b)| f(**b)).map(|(i, _)| 0x80u64 << (8 * i)).sum()
        };
        // Whether some byte answers, and which answers first from the low end.
        let same = |got: u64, want: u64| {
            (got != 0 && want != 0 && got.trailing_zeros() == want.trailing_zeros()) || got == want
        };
        for asked in [0x01u8, 0x20, b'"', b'\\', b'`', b'A', b'Z' + 1, b'a', 0x7F, 0x80] {
            for fill in [0x00u8, 0x7F, 0x80, 0xFF, asked.wrapping_sub(1), asked, asked.wrapping_add(1)] {
                for at in 0..8 {
                    for b in 0..=u8::MAX {
                        let mut bytes = [fill; 8];
                        bytes[at] = b;
                        let w = u64::from_le_bytes(bytes);
                        assert!(same(equal(w, asked), high_bits(w, &|x| x == asked)), "{bytes:?} = {asked}");
                        if asked <= 0x80 {
                            assert!(
                                same(below(w, asked), high_bits(w, &|x| x < asked)),
                                "{bytes:?} < {asked}"
                            );
                        }
                        if bytes.iter().all(u8::is_ascii) && (1..=0x80).contains(&asked) {
                            assert_eq!(
                                at_least(w, asked),
                                high_bits(w, &|x| x >= asked),
                                "{bytes:?} >= {asked}"
                            );
                        }
                    }
                }
            }
        }
    }
}
