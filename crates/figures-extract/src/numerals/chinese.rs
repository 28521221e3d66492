//! Chinese numerals: plain (两千零五十), formal (壹佰贰拾叁), positional (二〇二一) and abbreviated
//! (一万三) forms, to an exact decimal. Knows the numeral characters and their grammar only; it
//! never decides whether a numeral in running text is a figure.

use rust_decimal::Decimal;

use super::{NumeralError, scale};

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

fn mul(a: Decimal, b: Decimal) -> Result<Decimal, NumeralError> {
    a.checked_mul(b).ok_or(NumeralError::Overflow)
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, NumeralError> {
    a.checked_add(b).ok_or(NumeralError::Overflow)
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
            section = add(section, mul(Decimal::from(d), scale(Decimal::ONE, e)?)?)?;
            last_unit_exp = Some(e);
            zero_seen = false;
        } else if let Some(e) = large_unit(c) {
            let d = digit.take().map(Decimal::from).unwrap_or(Decimal::ZERO);
            let group = add(section, d)?;
            let group = if group.is_zero() && total.is_zero() { Decimal::ONE } else { group };
            if e == 8 {
                total = mul(add(total, group)?, scale(Decimal::ONE, 8)?)?;
            } else {
                total = add(total, mul(group, scale(Decimal::ONE, 4)?)?)?;
            }
            section = Decimal::ZERO;
            last_unit_exp = Some(e);
            zero_seen = false;
        }
    }
    if let Some(d) = digit {
        let tail = match last_unit_exp {
            Some(e) if e >= 2 && !zero_seen => mul(Decimal::from(d), scale(Decimal::ONE, e - 1)?)?,
            _ => Decimal::from(d),
        };
        section = add(section, tail)?;
    }
    add(total, section)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numerals::exact_string;

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
}
