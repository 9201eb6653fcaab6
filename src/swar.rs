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

#[cfg(test)]
mod tests {
    use super::*;

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
