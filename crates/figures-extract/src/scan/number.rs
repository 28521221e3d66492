//! Number: where a written number starts and ends and its exact value — Arabic segments with
//! their multipliers (5万4千), Chinese numerals with a decimal 点 (三点五亿), a sign (负一百), and a
//! fraction (三分之一, read whole as a percentage). Reads no unit word and judges nothing: whether
//! a number is a figure is decided by the layers after it.

use rust_decimal::Decimal;

use super::{CLAUSE_BREAKS, Found, NotFigure, Rejected, starts_with};
use crate::numerals::{self, NumeralError, is_chinese_numeral_char, large_unit, scale, small_unit};
use crate::records::{Kind, Unit};

/// A number as written, before units: `mantissa` already includes its own multipliers.
#[derive(Debug, Clone)]
pub(super) struct Number {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: Decimal,
    pub(super) arabic: bool,
    /// A multiplier (万, 亿) was written as part of the number.
    pub(super) scaled: bool,
    /// Power of ten of the multipliers at the end of the number (20万 → 4), to share with a range's
    /// first end when only the second carries them (10-15亿元).
    pub(super) trailing_exp: u32,
    /// Written only with digits and no decimal point or multiplier (for years).
    pub(super) plain_integer: bool,
    /// The lone numeral 一, which is usually an article (一批, 一家) rather than a figure.
    pub(super) lone_one: bool,
}

/// Where the Arabic number (digits, `,` separators, one decimal point) starting at `i` ends.
fn read_arabic(f: &[char], i: usize) -> Option<usize> {
    let mut j = i;
    let mut seen_point = false;
    while j < f.len() {
        let c = f[j];
        let separator = c == ','
            && j > i
            && f.get(j + 1..j + 4).is_some_and(|g| g.iter().all(char::is_ascii_digit))
            && !f.get(j + 4).is_some_and(char::is_ascii_digit);
        let point = c == '.' && j > i && !seen_point && f.get(j + 1).is_some_and(char::is_ascii_digit);
        if !(c.is_ascii_digit() || separator || point) {
            break;
        }
        seen_point |= point;
        j += 1;
    }
    (j > i).then_some(j)
}

/// Reads the multipliers written right after a mantissa (万, 亿, 千, 百; 万亿).
pub(super) fn read_multipliers(f: &[char], mut j: usize) -> (u32, usize) {
    let mut exp = 0;
    while let Some(&c) = f.get(j) {
        match large_unit(c).or_else(|| small_unit(c).filter(|&e| e >= 2)) {
            Some(e) => exp += e,
            None => break,
        }
        j += 1;
    }
    (exp, j)
}

/// The number starting at `i`: Arabic segments with their multipliers (5万4千), or a Chinese
/// numeral, with a decimal 点 (三点五亿); none when no number starts there.
pub(super) fn read(f: &[char], i: usize) -> Option<Result<Number, Rejected>> {
    let c = *f.get(i)?;
    if c.is_ascii_digit() {
        let mut value = Decimal::ZERO;
        let mut j = i;
        let mut scaled = false;
        let mut trailing_exp = 0;
        let mut plain_integer = true;
        // 5万4千: Arabic segments, each with its multipliers, summed.
        while let Some(k) = read_arabic(f, j) {
            let digits = &f[j..k];
            let (exp, m) = read_multipliers(f, k);
            let seg = numerals::parse_arabic_chars(digits).and_then(|v| scale(v, exp));
            let seg = match seg {
                Ok(v) => v,
                Err(_) => return Some(Err(Rejected { start: i, end: m, why: NotFigure::Overflow })),
            };
            value = match value.checked_add(seg) {
                Some(v) => v,
                None => return Some(Err(Rejected { start: i, end: m, why: NotFigure::Overflow })),
            };
            plain_integer &= !digits.contains(&'.') && !digits.contains(&',') && exp == 0;
            scaled |= exp > 0;
            trailing_exp = exp;
            j = m;
            if exp == 0 || !f.get(j).is_some_and(char::is_ascii_digit) {
                break;
            }
        }
        return Some(Ok(Number { start: i, end: j, value, arabic: true, scaled, trailing_exp, plain_integer, lone_one: false }));
    }
    // A lone 百, 千, 万 or 亿 is a word (百姓, 千兆, 万众) unless a qualifier puts it to use: 近百亿元.
    let qualified = i > 0 && matches!(f[i - 1], '近' | '超' | '逾' | '约' | '破' | '达');
    let lone_unit = large_unit(c).is_some() || matches!(small_unit(c), Some(2 | 3));
    if !is_chinese_numeral_char(c) || (lone_unit && !qualified) {
        return None;
    }
    let mut j = i;
    while f.get(j).is_some_and(|&c| is_chinese_numeral_char(c)) {
        j += 1;
    }
    let run: String = f[i..j].iter().collect();
    let integer = match numerals::parse_chinese(&run) {
        Ok(v) => v,
        Err(NumeralError::Overflow) => return Some(Err(Rejected { start: i, end: j, why: NotFigure::Overflow })),
        Err(NumeralError::Malformed) => return Some(Err(Rejected { start: i, end: j, why: NotFigure::Word })),
    };
    // 三点五, 一百二十三点四五, 三点五亿: 点 then digits is a decimal point, and multipliers may follow.
    let point = f.get(j) == Some(&'点') && large_unit(f[j - 1]).is_none();
    let digits = if point { f[j + 1..].iter().take_while(|&&c| numerals::chinese_digit(c).is_some()).count() } else { 0 };
    if digits > 0 {
        let fraction: String = f[j + 1..j + 1 + digits]
            .iter()
            .map(|&c| char::from_digit(numerals::chinese_digit(c).unwrap_or(0), 10).unwrap_or('0'))
            .collect();
        let (exp, end) = read_multipliers(f, j + 1 + digits);
        let value = numerals::parse_arabic(&format!("{integer}.{fraction}")).and_then(|v| scale(v, exp));
        return Some(match value {
            Ok(value) => Ok(Number {
                start: i,
                end,
                value,
                arabic: false,
                scaled: exp > 0,
                trailing_exp: exp,
                plain_integer: false,
                lone_one: false,
            }),
            Err(_) => Err(Rejected { start: i, end, why: NotFigure::Overflow }),
        });
    }
    Some(Ok(Number {
        start: i,
        end: j,
        value: integer,
        arabic: false,
        scaled: f[i..j].iter().any(|&c| large_unit(c).is_some()),
        trailing_exp: f[i..j].iter().rev().map_while(|&c| large_unit(c)).sum(),
        plain_integer: f[i..j].iter().all(|&c| numerals::chinese_digit(c).is_some()) && j - i == 4,
        lone_one: j - i == 1 && integer == Decimal::ONE,
    }))
}

/// A minus sign (-, −, 负) right before the number, not part of a range or a code, makes it
/// negative (增长-3.2%, 负一百).
pub(super) fn with_sign(f: &[char], mut n: Number) -> Number {
    let Some(s) = n.start.checked_sub(1) else { return n };
    let sign = matches!(f[s], '-' | '−' | '负');
    let joined = s > 0 && (f[s - 1].is_ascii_alphanumeric() || is_chinese_numeral_char(f[s - 1]) || matches!(f[s - 1], '%' | '月' | '年'));
    if sign && !joined {
        n.start = s;
        n.value = -n.value;
    }
    n
}

/// Whether the number is all its clause says: nothing but spaces between it and the clause's
/// ends (a numeral given on its own, as in a list of values or a bare query).
pub(super) fn stands_alone(f: &[char], n: &Number) -> bool {
    let blank = |c: &char| c.is_whitespace() || matches!(c, '、' | '“' | '”' | '"');
    let before = f[..n.start].iter().rev().take_while(|c| !CLAUSE_BREAKS.contains(c)).all(blank);
    let after = f[n.end..].iter().take_while(|c| !CLAUSE_BREAKS.contains(c)).all(blank);
    before && after
}

/// 三分之一: a fraction, as a percentage (rounded to 28 significant digits when it does not end).
pub(super) fn fraction(f: &[char], n: &Number) -> Result<Option<Found>, NotFigure> {
    if !starts_with(f, n.end, "分之") {
        return Ok(None);
    }
    let Some(Ok(part)) = read(f, n.end + 2) else { return Ok(None) };
    let value = part.value.checked_div(n.value).and_then(|v| v.checked_mul(Decimal::ONE_HUNDRED)).ok_or(NotFigure::Overflow)?.normalize();
    Ok(Some(Found::exact(n.start, part.end, value, Unit::Percent, Kind::Percent)))
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use crate::records::Unit;
    use crate::scan::tests::one;

    #[test]
    fn fractions_are_percentages() {
        let a = one("占三分之一。");
        assert_eq!((a.unit, a.value.round_dp(4)), (Unit::Percent, Decimal::new(333333, 4)));
        assert_eq!(one("百分之二十").value, Decimal::from(20));
    }
}
