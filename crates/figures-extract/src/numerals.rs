//! Numerals: turns the characters of one written number into an exact decimal.
//!
//! Owns the numeral grammar only — Arabic digits (with separators and decimals) and Chinese
//! numerals (plain, formal, positional, abbreviated, mixed with Arabic). It knows nothing of units,
//! qualifiers or context, does no IO and never panics: a number too large for exact arithmetic is
//! an error the caller turns into a finding.

use rust_decimal::Decimal;

/// Why a run of numeral characters has no exact value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumeralError {
    #[error("the number is too large for exact decimal arithmetic (more than 28 digits)")]
    Overflow,
    #[error("not a well-formed number")]
    Malformed,
}

/// Digit value of a Chinese digit character, plain or formal.
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '两' | '贰' | '貳' | '兩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Power of ten of a Chinese unit character below 万 (十 百 千 and their formal forms).
pub fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        _ => return None,
    })
}

/// Power of ten of a large multiplier character (万 = 10^4, 亿 = 10^8).
pub fn large_unit(c: char) -> Option<u32> {
    Some(match c {
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || small_unit(c).is_some() || large_unit(c).is_some()
}

fn pow10(exp: u32) -> Result<Decimal, NumeralError> {
    let mut v = Decimal::ONE;
    for _ in 0..exp {
        v = v.checked_mul(Decimal::TEN).ok_or(NumeralError::Overflow)?;
    }
    Ok(v)
}

fn mul(a: Decimal, b: Decimal) -> Result<Decimal, NumeralError> {
    a.checked_mul(b).ok_or(NumeralError::Overflow)
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, NumeralError> {
    a.checked_add(b).ok_or(NumeralError::Overflow)
}

/// Parses an Arabic number: ASCII digits, an optional decimal point, `,` thousands separators.
/// The caller has already folded full-width forms to ASCII.
pub fn parse_arabic(s: &str) -> Result<Decimal, NumeralError> {
    parse_arabic_chars(&s.chars().collect::<Vec<char>>())
}

/// [`parse_arabic`] on chars as they stand in the text: the digits are summed straight into the
/// mantissa, without building a string.
pub fn parse_arabic_chars(s: &[char]) -> Result<Decimal, NumeralError> {
    let mut plain = s.iter().filter(|&&c| c != ',').peekable();
    if plain.peek().is_none_or(|&&c| c == '.') || s.iter().rev().find(|&&c| c != ',') == Some(&'.') {
        return Err(NumeralError::Malformed);
    }
    let mut mantissa: i128 = 0;
    let (mut significant, mut fraction) = (0usize, None::<usize>);
    for &c in plain {
        if let Some(d) = c.to_digit(10) {
            // Leading zeros of the integer part are not significant; every fraction digit counts.
            if mantissa > 0 || d > 0 || fraction.is_some() {
                significant += 1;
            }
            fraction = fraction.map(|k| k + 1);
            // Past 28 significant digits the number is an overflow; stop growing the mantissa.
            if significant <= 28 {
                mantissa = mantissa * 10 + i128::from(d);
            }
        } else if c == '.' && fraction.is_none() {
            fraction = Some(0);
        } else {
            return Err(NumeralError::Malformed);
        }
    }
    let scale = fraction.unwrap_or(0);
    if significant > 28 || scale > 28 {
        return Err(NumeralError::Overflow);
    }
    Ok(Decimal::from_i128_with_scale(mantissa, scale as u32))
}

/// Parses a Chinese numeral such as 三, 十五, 两千五百, 一万三, 三千零五十, 二〇二一, 壹佰贰拾.
///
/// Positional strings (only digits, 二〇二一) read digit by digit. An abbreviated tail (一万三 =
/// 13000, 三百五 = 350) takes the unit one step below the last one written.
pub fn parse_chinese(s: &str) -> Result<Decimal, NumeralError> {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() || !chars.iter().all(|&c| is_chinese_numeral_char(c)) {
        return Err(NumeralError::Malformed);
    }
    if chars.len() > 1 && chars.iter().all(|&c| chinese_digit(c).is_some()) {
        let mut v = Decimal::ZERO;
        for &c in &chars {
            v = add(mul(v, Decimal::TEN)?, Decimal::from(chinese_digit(c).unwrap_or(0)))?;
        }
        return Ok(v);
    }
    let mut total = Decimal::ZERO; // completed 亿 groups and beyond
    let mut section = Decimal::ZERO; // completed value below the current large unit
    let mut digit: Option<u32> = None;
    let mut last_unit_exp: Option<u32> = None;
    let mut zero_seen = false;
    for &c in &chars {
        if let Some(d) = chinese_digit(c) {
            if digit.is_some() && d != 0 {
                return Err(NumeralError::Malformed);
            }
            if d == 0 {
                zero_seen = true;
                continue;
            }
            digit = Some(d);
        } else if let Some(e) = small_unit(c) {
            let d = digit.take().unwrap_or(1);
            section = add(section, mul(Decimal::from(d), pow10(e)?)?)?;
            last_unit_exp = Some(e);
            zero_seen = false;
        } else if let Some(e) = large_unit(c) {
            let d = digit.take().map(Decimal::from).unwrap_or(Decimal::ZERO);
            let group = add(section, d)?;
            let group = if group.is_zero() && total.is_zero() { Decimal::ONE } else { group };
            if e == 8 {
                total = mul(add(total, group)?, pow10(8)?)?;
            } else {
                total = add(total, mul(group, pow10(4)?)?)?;
            }
            section = Decimal::ZERO;
            last_unit_exp = Some(e);
            zero_seen = false;
        }
    }
    if let Some(d) = digit {
        let tail = match last_unit_exp {
            Some(e) if e >= 2 && !zero_seen => mul(Decimal::from(d), pow10(e - 1)?)?,
            _ => Decimal::from(d),
        };
        section = add(section, tail)?;
    }
    add(total, section)
}

/// One unit of the last significant (non-zero) digit of `v`: 250 → 10, 500 → 100, 1.9 → 0.1.
/// Zero has no significant digit; its unit is 1.
pub fn last_significant_unit(v: Decimal) -> Decimal {
    let v = v.abs().normalize();
    if v.is_zero() {
        return Decimal::ONE;
    }
    if v.scale() > 0 {
        return Decimal::new(1, v.scale());
    }
    // An integer: count its trailing zeros on the mantissa, which is far cheaper than decimal division.
    Decimal::from_i128_with_scale(10i128.pow(trailing_zeros(v.mantissa().unsigned_abs())), 0)
}

/// How many decimal zeros end `n`, which is not zero. Most mantissas fit 64 bits, where division by
/// ten is a multiplication rather than a 128-bit library call.
fn trailing_zeros(n: u128) -> u32 {
    let mut zeros = 0;
    if let Ok(mut m) = u64::try_from(n) {
        while m.is_multiple_of(10) {
            m /= 10;
            zeros += 1;
        }
        return zeros;
    }
    let mut m = n;
    while m.is_multiple_of(10) {
        m /= 10;
        zeros += 1;
    }
    zeros
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

    fn zh(s: &str) -> String {
        exact_string(parse_chinese(s).unwrap())
    }

    #[test]
    fn chinese_plain_forms() {
        assert_eq!(zh("十"), "10");
        assert_eq!(zh("十五"), "15");
        assert_eq!(zh("二十"), "20");
        assert_eq!(zh("两千五百"), "2500");
        assert_eq!(zh("三千零五十"), "3050");
        assert_eq!(zh("一百零一"), "101");
        assert_eq!(zh("十万"), "100000");
        assert_eq!(zh("一亿二千万"), "120000000");
        assert_eq!(zh("三千亿"), "300000000000");
        assert_eq!(zh("一万亿"), "1000000000000");
    }

    #[test]
    fn chinese_abbreviated_and_positional_forms() {
        assert_eq!(zh("一万三"), "13000");
        assert_eq!(zh("三百五"), "350");
        assert_eq!(zh("两千五"), "2500");
        assert_eq!(zh("二〇二一"), "2021");
    }

    #[test]
    fn chinese_formal_forms() {
        assert_eq!(zh("壹佰贰拾叁"), "123");
        assert_eq!(zh("伍万肆仟"), "54000");
    }

    #[test]
    fn arabic_forms() {
        assert_eq!(exact_string(parse_arabic("2,138").unwrap()), "2138");
        assert_eq!(exact_string(parse_arabic("96.19").unwrap()), "96.19");
        assert_eq!(parse_arabic("1."), Err(NumeralError::Malformed));
        assert_eq!(parse_arabic(&"9".repeat(40)), Err(NumeralError::Overflow));
    }

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

    #[test]
    fn arabic_separators_points_and_lengths() {
        let ok = |s: &str| parse_arabic(s).map(|v| (v.mantissa(), v.scale()));
        for s in ["", ".", ",", "1.", ".5", "1.2.3", "x"] {
            assert_eq!(ok(s), Err(NumeralError::Malformed), "{s}");
        }
        assert_eq!(ok("1,234.5"), Ok((12345, 1)));
        assert_eq!(ok("0012.50"), Ok((1250, 2)));
        assert_eq!(ok("1,,2"), Ok((12, 0)));
        assert_eq!(ok(",1"), Ok((1, 0)));
        assert_eq!(ok("1,"), Ok((1, 0)));
        assert_eq!(ok("1,.5"), Ok((15, 1)));
        assert_eq!(ok("0.0000001"), Ok((1, 7)));
        assert_eq!(ok(&"9".repeat(28)), Ok(("9".repeat(28).parse().unwrap(), 0)));
        assert_eq!(ok(&"9".repeat(29)), Err(NumeralError::Overflow));
        assert_eq!(ok(&format!("{}1", "0".repeat(40))), Ok((1, 0)), "leading zeros are not significant");
        assert_eq!(ok(&format!("1.{}", "0".repeat(29))), Err(NumeralError::Overflow), "more than 28 decimals");
    }

    #[test]
    fn last_significant_unit_follows_the_last_non_zero_digit() {
        let u = |s: &str| exact_string(last_significant_unit(s.parse().unwrap()));
        assert_eq!(u("250"), "10");
        assert_eq!(u("500"), "100");
        assert_eq!(u("1.9"), "0.1");
        assert_eq!(u("60"), "10");
        assert_eq!(u("7"), "1");
        assert_eq!(u("-5000"), "1000");
        assert_eq!(u("70000000000000000000000000000"), "10000000000000000000000000000");
    }
}
