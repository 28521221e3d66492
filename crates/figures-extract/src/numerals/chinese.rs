//! Chinese numerals: plain (两千零五十), formal (壹佰贰拾叁), positional (二〇二一) and abbreviated
//! (一万三) forms, to an exact decimal. Knows the numeral characters and their grammar only; it
//! never decides whether a numeral in running text is a figure.

use rust_decimal::Decimal;

use super::arabic::{arabic_len, parse_arabic_chars};
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

/// Power of ten of a large multiplier character (万 = 10^4, 亿 = 10^8, 兆 = 10^12 — the caller
/// keeps 兆 out where it is the SI prefix, as in 兆瓦).
pub fn large_unit(c: char) -> Option<u32> {
    Some(match c {
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        '兆' => 12,
        _ => return None,
    })
}

/// The tens a single character writes (廿 = 二十, 卅 = 三十, 卌 = 四十), as dates and old texts do.
pub fn tens_char(c: char) -> Option<u32> {
    Some(match c {
        '廿' => 2,
        '卅' => 3,
        '卌' => 4,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_chinese_numeral_char(c: char) -> bool {
    // Asked of ASCII and punctuation as often as of ideographs: every numeral char is 〇 or above.
    c >= '〇' && (chinese_digit(c).is_some() || small_unit(c).is_some() || large_unit(c).is_some() || tens_char(c).is_some())
}

/// The unknown digit of 十几, 二十几万: any digit from 1 to 9.
const UNKNOWN_DIGIT: char = '几';

/// A numeral read from the start of a run of chars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    /// How many chars it takes, spaces inside it included.
    pub len: usize,
    /// Its value; for an approximate numeral, the smallest it allows.
    pub value: Decimal,
    /// The largest value an approximate numeral allows: 三四 (3 to 4), 五六十 (50 to 60), 十几
    /// (11 to 19); none when the numeral is exact.
    pub high: Option<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    /// A digit, or the lowest and highest of two adjacent digits (三四) or of 几 (1 and 9).
    Digit(u32, u32),
    /// An Arabic number inside a Chinese one (2千零30万); none when it has more digits than an
    /// exact decimal holds.
    Arabic(Option<Decimal>),
    Zero,
    Small(u32),
    Large(u32),
    /// 廿, 卅, 卌: a digit and its 十 in one char.
    Tens(u32),
}

/// Reads the numeral at the start of `s`: Chinese digits and units, Arabic numbers with units
/// (5万4千, 2千零30万), spaces between its parts (一百 五 十 二, 1000  万), adjacent digits (三四,
/// 五六十), 几 after a unit (十几, 二十几万), 万万 and 万亿 (four 万万 is 4亿), abbreviations (一万三,
/// 千三). It takes the longest prefix that is well formed: 七十百 reads 七十. None when no numeral
/// starts `s`; the error when its value has no exact representation.
pub fn read_numeral(s: &[char]) -> Option<(usize, Result<Numeral, NumeralError>)> {
    // An Arabic number that nothing after it continues (most numbers of a text: 12.5%, 380家),
    // read without tokenising it twice as a numeral with units is.
    if s.first().is_some_and(|&c| c.is_ascii_digit() || c == '.') {
        let len = arabic_len(s);
        if !s.get(len).is_some_and(|&c| continues(c)) {
            return match parse_arabic_chars(&s[..len]) {
                Ok(value) => Some((len, Ok(Numeral { len, value, high: None }))),
                Err(NumeralError::Overflow) => Some((len, Err(NumeralError::Overflow))),
                Err(NumeralError::Malformed) => None,
            };
        }
    }
    // A lone digit nothing continues (一 of 进一步, 一家): most Chinese numerals of a text.
    if let Some(d) = s.first().and_then(|&c| chinese_digit(c))
        && !s.get(1).is_some_and(|&c| continues(c))
    {
        return Some((1, Ok(Numeral { len: 1, value: Decimal::from(d), high: None })));
    }
    // Digits in a row are a number written digit by digit (二〇二一, 一二三) from three on, or two
    // with a zero (〇五); two others are an approximation (三四) or two words (唯一一家, 一一对应).
    let positional = s.iter().take_while(|&&c| chinese_digit(c).is_some()).count();
    let zero = s[..positional].iter().any(|&c| chinese_digit(c) == Some(0));
    if positional >= 3 || (positional == 2 && zero) {
        let mut v = Decimal::ZERO;
        for &c in &s[..positional] {
            match add_digit(v, chinese_digit(c).unwrap_or(0)) {
                Some(next) => v = next,
                None => return Some((positional, Err(NumeralError::Overflow))),
            }
        }
        return Some((positional, Ok(Numeral { len: positional, value: v, high: None })));
    }
    let (mut len, mut approximate) = (0, false);
    for (t, end) in tokens(s) {
        len = end;
        approximate |= matches!(t, Token::Digit(lo, hi) if lo != hi);
    }
    if len == 0 {
        return None;
    }
    let read = || -> Result<Numeral, NumeralError> {
        let high = if approximate { Some(evaluate(tokens(s), true)?) } else { None };
        Ok(Numeral { len, value: evaluate(tokens(s), false)?, high })
    };
    Some((len, read()))
}

/// Whether `c` after a token may continue the numeral: a digit, a unit, 几, a point or a space.
fn continues(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | ' ' | UNKNOWN_DIGIT) || is_chinese_numeral_char(c)
}

fn add_digit(v: Decimal, d: u32) -> Option<Decimal> {
    v.checked_mul(Decimal::TEN)?.checked_add(Decimal::from(d))
}

/// Two adjacent digits at the start of `s`, the second one more than the first (三四, 一两).
fn pair(s: &[char]) -> Option<(u32, u32)> {
    let (a, b) = (chinese_digit(*s.first()?)?, chinese_digit(*s.get(1)?)?);
    (a >= 1 && b == a + 1).then_some((a, b))
}

/// The tokens of the numeral at the start of `s`, each with the index just past it; a token that
/// would make it ill formed ends it.
fn tokens(s: &[char]) -> Tokens<'_> {
    Tokens { s, p: 0, prev: None, section_unit: u32::MAX }
}

/// The tokens of a numeral, read one at a time (a numeral is read three times, for its length, its
/// least and its greatest value, and allocates nothing).
struct Tokens<'a> {
    s: &'a [char],
    /// Where the next token may start.
    p: usize,
    prev: Option<Token>,
    /// The smallest unit below 万 written since the last large unit: the next must be smaller.
    section_unit: u32,
}

impl Iterator for Tokens<'_> {
    type Item = (Token, usize);

    fn next(&mut self) -> Option<(Token, usize)> {
        let (s, p, prev) = (self.s, self.p, self.prev);
        let at = if prev.is_none() { p } else { p + s[p..].iter().take_while(|&&c| c == ' ').count() };
        let (token, end) = token_at(s, at)?;
        // Across a space only a Chinese digit takes a unit below 万 (一百 五 十): after Arabic
        // digits the space ends the number before a unit word (2 百分点, 50 千克).
        if at > p && matches!(token, Token::Small(_)) && !matches!(prev, Some(Token::Digit(..))) {
            return None;
        }
        let after_unit = matches!(prev, Some(Token::Small(_) | Token::Large(_)));
        let ok = match token {
            // An Arabic number after a unit needs its own unit (5万4千), or a 零 before it (1千零1).
            Token::Arabic(_) => {
                prev.is_none()
                    || prev == Some(Token::Zero)
                    || (after_unit && token_at(s, end).is_some_and(|(t, _)| matches!(t, Token::Small(_) | Token::Large(_))))
            }
            Token::Digit(1, 9) if s[at] == UNKNOWN_DIGIT => after_unit || prev == Some(Token::Zero),
            Token::Digit(..) => !matches!(prev, Some(Token::Digit(..) | Token::Arabic(_))),
            Token::Zero => prev.is_none() || after_unit,
            // A unit below 万 takes a digit before it, or starts the numeral (十五, 千三): in 62万千瓦
            // the 千 is the kilo of 千瓦.
            Token::Small(e) => e < self.section_unit && matches!(prev, None | Some(Token::Digit(..) | Token::Arabic(_))),
            Token::Large(_) => prev != Some(Token::Zero),
            Token::Tens(_) => prev.is_none(),
        };
        if !ok {
            return None;
        }
        match token {
            Token::Small(e) => self.section_unit = e,
            Token::Tens(_) => self.section_unit = 1,
            Token::Large(_) => self.section_unit = u32::MAX,
            _ => {}
        }
        self.prev = Some(token);
        self.p = end;
        Some((token, end))
    }
}

/// The token at `at` and the index just past it.
fn token_at(s: &[char], at: usize) -> Option<(Token, usize)> {
    let c = *s.get(at)?;
    if c.is_ascii_digit() || c == '.' {
        let k = arabic_len(&s[at..]);
        return match parse_arabic_chars(&s[at..at + k]) {
            Ok(v) => Some((Token::Arabic(Some(v)), at + k)),
            Err(NumeralError::Overflow) => Some((Token::Arabic(None), at + k)),
            Err(NumeralError::Malformed) => None,
        };
    }
    if c == UNKNOWN_DIGIT {
        return Some((Token::Digit(1, 9), at + 1));
    }
    if let Some((a, b)) = pair(&s[at..]) {
        return Some((Token::Digit(a, b), at + 2));
    }
    let token = match (chinese_digit(c), small_unit(c), large_unit(c)) {
        (Some(0), ..) => Token::Zero,
        (Some(d), ..) => Token::Digit(d, d),
        (_, Some(e), _) => Token::Small(e),
        (.., Some(e)) => Token::Large(e),
        _ => Token::Tens(tens_char(c)?),
    };
    Some((token, at + 1))
}

/// The value of `tokens`, with each approximate digit at its lowest or (`high`) its highest.
fn evaluate(tokens: Tokens, high: bool) -> Result<Decimal, NumeralError> {
    let mut total = Decimal::ZERO; // completed groups before the current large unit
    let mut section = Decimal::ZERO; // completed value below the current large unit
    let mut pending: Option<(Decimal, bool)> = None; // a digit or number not yet given its unit; Chinese?
    let mut last_unit: Option<u32> = None;
    let mut zero_seen = false;
    let mut after_large = false;
    // The largest unit the total is counted in: a larger one multiplies it (一万五千亿), a smaller
    // one adds a group (一亿二千万).
    let mut top = 0;
    for (token, _) in tokens {
        match token {
            Token::Digit(lo, hi) => pending = Some((Decimal::from(if high { hi } else { lo }), true)),
            Token::Arabic(v) => pending = Some((v.ok_or(NumeralError::Overflow)?, false)),
            Token::Zero => zero_seen = true,
            Token::Tens(d) => {
                section = add(section, Decimal::from(d * 10))?;
                last_unit = Some(1);
                zero_seen = false;
            }
            Token::Small(e) => {
                let d = pending.take().map_or(Decimal::ONE, |(d, _)| d);
                section = add(section, mul(d, scale(Decimal::ONE, e)?)?)?;
                last_unit = Some(e);
                zero_seen = false;
            }
            Token::Large(e) => {
                // 四千五万, 三百五亿: a section's last digit after its 百 or 千 is abbreviated as at
                // the end (in 一亿三万 the unit before 三 is no unit of its section).
                let section_unit = last_unit.filter(|_| !section.is_zero());
                let last = match pending.take() {
                    Some((d, chinese)) => abbreviated(d, chinese, section_unit, zero_seen)?,
                    None => Decimal::ZERO,
                };
                let group = add(section, last)?;
                let unit = scale(Decimal::ONE, e)?;
                if group.is_zero() && total.is_zero() {
                    total = unit;
                    top = e;
                } else if group.is_zero() && after_large {
                    // 万万, 万亿: a unit right after a unit multiplies the whole.
                    total = mul(total, unit)?;
                    top += e;
                } else if e > top {
                    total = mul(add(total, group)?, unit)?;
                    top = e;
                } else {
                    total = add(total, mul(group, unit)?)?;
                }
                section = Decimal::ZERO;
                last_unit = Some(e);
                zero_seen = false;
            }
        }
        after_large = matches!(token, Token::Large(_));
    }
    if let Some((d, chinese)) = pending {
        section = add(section, abbreviated(d, chinese, last_unit, zero_seen)?)?;
    }
    add(total, section)
}

/// 一万三, 三百五, 千三: a last Chinese digit after a unit of 百 or more, with no 零 between,
/// counts one step below that unit; any other last digit counts as written.
fn abbreviated(d: Decimal, chinese: bool, last_unit: Option<u32>, zero_seen: bool) -> Result<Decimal, NumeralError> {
    match last_unit {
        Some(e) if e >= 2 && chinese && !zero_seen => mul(d, scale(Decimal::ONE, e - 1)?),
        _ => Ok(d),
    }
}

fn mul(a: Decimal, b: Decimal) -> Result<Decimal, NumeralError> {
    a.checked_mul(b).ok_or(NumeralError::Overflow)
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, NumeralError> {
    a.checked_add(b).ok_or(NumeralError::Overflow)
}

/// Parses a Chinese numeral such as 三, 十五, 两千五百, 一万三, 三千零五十, 二〇二一, 壹佰贰拾;
/// [`read_numeral`] must take all of it. An approximate numeral (三四) gives its lowest value.
pub fn parse_chinese(s: &str) -> Result<Decimal, NumeralError> {
    let chars: Vec<char> = s.chars().collect();
    if !chars.iter().all(|&c| is_chinese_numeral_char(c)) {
        return Err(NumeralError::Malformed);
    }
    match read_numeral(&chars) {
        Some((len, reading)) if len == chars.len() => reading.map(|n| n.value),
        _ => Err(NumeralError::Malformed),
    }
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
    fn a_section_before_wan_or_yi_is_abbreviated_as_a_whole_numeral_is() {
        assert_eq!(zh("四千五万"), "45000000");
        assert_eq!(zh("三百五亿"), "35000000000");
        assert_eq!(zh("一亿二千五万"), "125000000");
        assert_eq!(zh("一亿三万"), "100030000", "三 follows 亿, no unit of its own section");
        assert_eq!(zh("一千零五万"), "10050000", "零 keeps the digit as written");
        assert_eq!(zh("三十五万"), "350000", "a digit after 十 is the units digit");
    }

    #[test]
    fn chinese_formal_forms() {
        assert_eq!(zh("壹佰贰拾叁"), "123");
        assert_eq!(zh("伍万肆仟"), "54000");
    }

    /// (chars taken, value, highest value) of the numeral at the start of `s`.
    fn read(s: &str) -> (usize, String, Option<String>) {
        let chars: Vec<char> = s.chars().collect();
        let (len, n) = read_numeral(&chars).unwrap();
        let n = n.unwrap();
        (len, exact_string(n.value), n.high.map(exact_string))
    }

    #[test]
    fn nian_sa_and_xi_write_twenty_thirty_and_forty_in_one_char() {
        assert_eq!(zh("廿"), "20");
        assert_eq!(zh("廿二"), "22");
        assert_eq!(zh("卅五"), "35");
        assert_eq!(zh("卌"), "40");
        assert_eq!(zh("廿万"), "200000");
    }

    #[test]
    fn large_units_after_a_large_unit_multiply_and_smaller_ones_add() {
        assert_eq!(zh("四万万"), "400000000");
        assert_eq!(zh("一万五千亿"), "1500000000000");
        assert_eq!(zh("一万亿零五"), "1000000000005");
        assert_eq!(read("2兆5000亿").1, "2500000000000");
        assert_eq!(zh("一万二千三百四十五亿六千七百八十九万零一百二十三"), "1234567890123");
    }

    #[test]
    fn arabic_parts_take_units_and_zero_as_chinese_digits_do() {
        assert_eq!(read("2千零30万元"), (6, "20300000".into(), None));
        assert_eq!(read("1千零1名"), (4, "1001".into(), None));
        assert_eq!(read("5万4千个"), (4, "54000".into(), None));
        assert_eq!(read("5万4个"), (2, "50000".into(), None), "a bare number after a unit is not part of it");
        assert_eq!(read("1000  万元"), (7, "10000000".into(), None));
    }

    #[test]
    fn adjacent_digits_and_ji_are_approximate() {
        assert_eq!(read("三四个"), (2, "3".into(), Some("4".into())));
        assert_eq!(read("五六十家"), (3, "50".into(), Some("60".into())));
        assert_eq!(read("一两个"), (2, "1".into(), Some("2".into())));
        assert_eq!(read("八九亿"), (3, "800000000".into(), Some("900000000".into())));
        assert_eq!(read("十几项"), (2, "11".into(), Some("19".into())));
        assert_eq!(read("二十几万"), (4, "210000".into(), Some("290000".into())));
        assert_eq!(read("三千四百五十几万"), (8, "34510000".into(), Some("34590000".into())));
        assert_eq!(read("十七八岁"), (3, "17".into(), Some("18".into())));
        assert_eq!(read("一二三"), (3, "123".into(), None), "three digits are positional");
    }

    #[test]
    fn an_ill_formed_tail_ends_the_numeral() {
        assert_eq!(read("七十百分位"), (2, "70".into(), None));
        assert_eq!(read("千三斤"), (2, "1300".into(), None));
        assert_eq!(read("62万千瓦"), (3, "620000".into(), None), "千 without a digit only starts a numeral");
        assert_eq!(read("百三"), (2, "130".into(), None));
        assert_eq!(read("一百 五 十 二"), (8, "152".into(), None));
        assert_eq!(read("2 百分点"), (1, "2".into(), None));
        assert_eq!(read("一百 元"), (2, "100".into(), None), "spaces count only inside the numeral");
        assert_eq!(parse_chinese("七十百"), Err(NumeralError::Malformed));
    }
}
