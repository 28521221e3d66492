//! Numerals: turns the characters of one written number into an exact decimal, and writes
//! decimals back out.
//!
//! Owns the numeral grammar only — [`arabic`] digits (with separators and decimals), [`chinese`]
//! numerals (plain, formal, positional, abbreviated, approximate: 三四, 十几; mixed with Arabic
//! parts: 2千零30万) and the [`ulp`] of a value, which sizes the
//! bounds of 余, 约 and 近. It must never know of units, qualifiers or context, does no IO and never
//! panics: a number too large for exact arithmetic is an error the caller turns into a finding.

use rust_decimal::Decimal;

pub mod arabic;
pub mod chinese;
pub mod ulp;

pub use arabic::{arabic_len, parse_arabic, parse_arabic_chars};
pub use chinese::{Numeral, chinese_digit, is_chinese_numeral_char, large_unit, parse_chinese, read_numeral, small_unit};
pub use ulp::last_significant_unit;

/// Why a run of numeral characters has no exact value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumeralError {
    #[error("the number is too large for exact decimal arithmetic (more than 28 digits)")]
    Overflow,
    #[error("not a well-formed number")]
    Malformed,
}

/// `v` × 10^`exp`, exactly, or [`NumeralError::Overflow`].
pub fn scale(v: Decimal, exp: u32) -> Result<Decimal, NumeralError> {
    // One multiplication by a power of ten that fits a mantissa (every unit of a numeral, 万 to
    // 万亿亿), instead of one per digit.
    if exp <= 28 {
        return v.checked_mul(Decimal::from_i128_with_scale(10i128.pow(exp), 0)).ok_or(NumeralError::Overflow);
    }
    let mut v = v;
    for _ in 0..exp {
        v = v.checked_mul(Decimal::TEN).ok_or(NumeralError::Overflow)?;
    }
    Ok(v)
}

/// Writes a decimal without trailing zeros or exponent: 9619000000, 1.28, 0.5.
pub fn exact_string(v: Decimal) -> String {
    let v = v.normalize();
    // Every figure's value is written, and a mantissa that fits 64 bits (nearly all do) is written
    // here far more cheaply than through Decimal's Display, which divides 96 bits per digit.
    let Ok(mantissa) = u64::try_from(v.mantissa().unsigned_abs()) else { return v.to_string() };
    let mut buf = [0; 20];
    let digits = integer_digits(mantissa, &mut buf);
    let scale = v.scale() as usize;
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if scale == 0 {
        return [sign, digits].concat();
    }
    match digits.len().checked_sub(scale) {
        Some(whole) if whole > 0 => [sign, &digits[..whole], ".", &digits[whole..]].concat(),
        _ => [sign, "0.", &"0".repeat(scale - digits.len()), digits].concat(),
    }
}

/// The decimal digits of `n`, written into `buf`.
pub fn integer_digits(mut n: u64, buf: &mut [u8; 20]) -> &str {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[at..]).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_strings_are_decimal_display_normalized() {
        let cases = [
            "0",
            "-0",
            "0.5",
            "-1.28",
            "1.2800",
            "9619000000",
            "0.0000000000000000000000000001",
            "18446744073709551615",
            "18446744073709551616",
            "-79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "123.000456",
            "-0.001",
        ];
        for s in cases {
            let v: Decimal = s.parse().unwrap();
            assert_eq!(exact_string(v), v.normalize().to_string(), "{s}");
        }
        assert_eq!(exact_string(-Decimal::ZERO), "0");
    }
}
