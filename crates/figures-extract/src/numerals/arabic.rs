//! Arabic numerals: ASCII digits with `,` thousands separators and one decimal point, to an exact
//! decimal. The caller has already folded full-width forms to ASCII; this module never reads
//! anything but the number's own chars.

use rust_decimal::Decimal;

use super::NumeralError;

/// Parses an Arabic number: ASCII digits, an optional decimal point, `,` thousands separators.
/// The caller has already folded full-width forms to ASCII.
pub fn parse_arabic(s: &str) -> Result<Decimal, NumeralError> {
    parse_arabic_chars(&s.chars().collect::<Vec<char>>())
}

/// How many chars of `s` the Arabic number at its start takes: digits, one decimal point (also
/// leading, as in .5), and thousands separators — a `,`, or a single space as PDF-to-text leaves
/// one (12 680) — each followed by exactly three digits; 0 when `s` does not start with one.
pub fn arabic_len(s: &[char]) -> usize {
    let digit = |k: usize| s.get(k).is_some_and(char::is_ascii_digit);
    let mut j = 0;
    let mut seen_point = false;
    // Digits since the start or the last separator: a space groups thousands only after 1 to 3.
    let mut run = 0;
    while let Some(&c) = s.get(j) {
        let group = (1..=3).all(|k| digit(j + k)) && !digit(j + 4) && !seen_point;
        let separator = j > 0 && group && (c == ',' || (c == ' ' && (1..=3).contains(&run)));
        let point = c == '.' && !seen_point && digit(j + 1);
        if c.is_ascii_digit() {
            run += 1;
        } else if separator {
            run = 0;
        } else if point {
            seen_point = true;
        } else {
            break;
        }
        j += 1;
    }
    if s[..j].iter().any(char::is_ascii_digit) { j } else { 0 }
}

/// [`parse_arabic`] on chars as they stand in the text: the digits are summed straight into the
/// mantissa, without building a string.
pub fn parse_arabic_chars(s: &[char]) -> Result<Decimal, NumeralError> {
    let mut plain = s.iter().filter(|&&c| c != ',' && c != ' ').peekable();
    if plain.peek().is_none() || s.iter().rev().find(|&&c| c != ',') == Some(&'.') {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numerals::exact_string;

    #[test]
    fn arabic_forms() {
        assert_eq!(exact_string(parse_arabic("2,138").unwrap()), "2138");
        assert_eq!(exact_string(parse_arabic("96.19").unwrap()), "96.19");
        assert_eq!(parse_arabic("1."), Err(NumeralError::Malformed));
        assert_eq!(parse_arabic(&"9".repeat(40)), Err(NumeralError::Overflow));
    }

    #[test]
    fn arabic_lengths_take_separators_only_before_three_digits() {
        let len = |s: &str| arabic_len(&s.chars().collect::<Vec<char>>());
        assert_eq!(len("2,138家"), 5);
        assert_eq!(len("12 680件"), 6);
        assert_eq!(len("2023 100家"), 4, "a space after four digits separates two numbers");
        assert_eq!(len("12 6800"), 2);
        assert_eq!(len(".5个"), 2);
        assert_eq!(len("1.5.2"), 3);
        assert_eq!(len("1,234.567,8"), 9);
        assert_eq!(len("家"), 0);
    }

    #[test]
    fn arabic_separators_points_and_lengths() {
        let ok = |s: &str| parse_arabic(s).map(|v| (v.mantissa(), v.scale()));
        for s in ["", ".", ",", "1.", "1.2.3", "x"] {
            assert_eq!(ok(s), Err(NumeralError::Malformed), "{s}");
        }
        assert_eq!(ok("1,234.5"), Ok((12345, 1)));
        assert_eq!(ok("0012.50"), Ok((1250, 2)));
        assert_eq!(ok("1,,2"), Ok((12, 0)));
        assert_eq!(ok(",1"), Ok((1, 0)));
        assert_eq!(ok("1,"), Ok((1, 0)));
        assert_eq!(ok("1,.5"), Ok((15, 1)));
        assert_eq!(ok("0.0000001"), Ok((1, 7)));
        assert_eq!(ok(".5"), Ok((5, 1)), "a leading point");
        assert_eq!(ok(&"9".repeat(28)), Ok(("9".repeat(28).parse().unwrap(), 0)));
        assert_eq!(ok(&"9".repeat(29)), Err(NumeralError::Overflow));
        assert_eq!(ok(&format!("{}1", "0".repeat(40))), Ok((1, 0)), "leading zeros are not significant");
        assert_eq!(ok(&format!("1.{}", "0".repeat(29))), Err(NumeralError::Overflow), "more than 28 decimals");
    }
}
