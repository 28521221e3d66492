//! Number: where a written number starts and ends and its exact value — Arabic and Chinese
//! numerals with their units and multipliers (5万4千, 2千零30万, 三四, 十几万), a decimal 点
//! (三点五亿), a sign (负一百), and the forms that carry their own unit: fractions (三分之一, 3/4,
//! 一半, read as a percentage) and slashed dates (2024/3/4). Reads no unit word and judges nothing: whether
//! a number is a figure is decided by the layers after it.

use crate::document::{CLAUSE_BREAKS, Folded};
use rust_decimal::Decimal;

use super::unit::Reading;
use super::{Draft, Found, NotFigure, Rejected, bounds, date, ends_with, starts_with, unit};
use crate::lexicon::numerals::{HALF_LEXICON, MEGA_LEXICON, YUAN_PARTS};
use crate::lexicon::units::UnitWord;
use crate::lexicon::verbs::NEGATED;
use crate::numerals::{self, NumeralError, is_chinese_numeral_char, large_unit, scale, small_unit};
use crate::records::{Kind, Qualifier, Role, Unit};

/// A number as written, before units: `mantissa` already includes its own multipliers.
#[derive(Debug, Clone)]
pub(super) struct Number {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: Decimal,
    /// The largest value an approximate number allows (三四 → 4, 十几 → 19); `value` is its least.
    pub(super) high: Option<Decimal>,
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

/// Reads the multipliers written right after a mantissa (万, 亿, 千, 百; 万亿).
pub(super) fn read_multipliers(f: &Folded, mut j: usize) -> (u32, usize) {
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

/// Chars before a lone 百, 千, 万 or 亿 that put it to use as a number: a qualifier (近百亿元,
/// 超过千亿元) or the 之 of 百分之百.
const PUT_TO_USE: [char; 8] = ['近', '超', '逾', '约', '破', '达', '过', '之'];

/// The number starting at `i`: Arabic or Chinese digits with their units and multipliers, mixed
/// (5万4千, 2千零30万), approximate (三四, 十几), with a decimal 点 (三点五亿); none when no number
/// starts there.
pub(super) fn read(f: &Folded, i: usize) -> Option<Result<Number, Rejected>> {
    let c = *f.get(i)?;
    // .5: a leading point, where no digit or word stands before it.
    let point =
        c == '.' && f.get(i + 1).is_some_and(char::is_ascii_digit) && (i == 0 || !(f[i - 1].is_ascii_alphanumeric() || f[i - 1] == '.'));
    let arabic = c.is_ascii_digit() || point;
    if !(arabic || is_chinese_numeral_char(c)) {
        return None;
    }
    let (mut len, mut reading) = numerals::read_numeral(&f[i..])?;
    // 120兆瓦: 兆 before an SI unit is mega, and ends the number before it.
    if let Some(p) = (i..i + len).find(|&k| f[k] == '兆' && MEGA_LEXICON.starting_at(f, k + 1).next().is_some()) {
        (len, reading) = numerals::read_numeral(&f[i..p])?;
    }
    let end = i + len;
    let numeral = match reading {
        Ok(numeral) => numeral,
        Err(_) => return Some(Err(Rejected { start: i, end, why: NotFigure::Overflow })),
    };
    let chars = &f[i..end];
    let lone_unit = !arabic && (large_unit(c).is_some() || matches!(small_unit(c), Some(2 | 3)));
    if lone_unit && !lone_unit_is_a_number(f, i, end) {
        return None;
    }
    let scaled = chars.iter().any(|&c| large_unit(c).is_some());
    let trailing_exp = chars.iter().rev().filter(|&&c| c != ' ').map_while(|&c| large_unit(c)).sum();
    if !arabic && numeral.high.is_none() {
        // 三点五, 一百二十三点四五, 三点五亿: 点 then digits is a decimal point, and multipliers may follow.
        if let Some(n) = chinese_decimal(f, i, end, numeral.value) {
            return Some(n);
        }
    }
    let plain_integer = if arabic {
        chars.iter().all(char::is_ascii_digit)
    } else {
        chars.len() == 4 && chars.iter().all(|&c| numerals::chinese_digit(c).is_some())
    };
    Some(Ok(Number {
        start: i,
        end,
        value: numeral.value,
        high: numeral.high,
        arabic,
        scaled,
        trailing_exp,
        plain_integer,
        lone_one: !arabic && len == 1 && numeral.value == Decimal::ONE,
    }))
}

/// A lone 百, 千, 万 or 亿 is a word (百姓, 千兆, 万众, 万元GDP) unless it is put to use: by a word
/// before it (近百亿元, 百分之百), by a digit after it (千三), by 余 or 多 (千余家), as a multiple
/// (百倍), as a compound magnitude naming an amount of money (千亿元) or as a threshold with its
/// unit (亿元以上项目) — except after a measure word, where it names a class (两个万亿元台阶).
fn lone_unit_is_a_number(f: &Folded, i: usize, end: usize) -> bool {
    let put_to_use = i > 0 && PUT_TO_USE.contains(&f[i - 1]);
    let digit = f[i + 1..end].iter().any(|&c| numerals::chinese_digit(c).is_some());
    let more = matches!(f.get(end), Some('余' | '多'));
    let after = unit::at(f, end).map(|(u, _)| u);
    let after_measure = i > 0 && unit::at(f, i - 1).is_some_and(|(u, w)| matches!(u, UnitWord::Measure { .. }) && w.chars().count() == 1);
    let amount = end - i >= 2 && matches!(after, Some(UnitWord::Money(_))) && !after_measure;
    // 亿元以上项目: a threshold, as 超亿元 is.
    let threshold = unit::at(f, end).is_some_and(|(_, w)| {
        super::qualifier::suffix(f, end + w.chars().count()).is_some_and(|(q, _)| matches!(q, Qualifier::AtLeast | Qualifier::AtMost))
    });
    put_to_use || digit || more || after == Some(UnitWord::Times) || amount || (threshold && !after_measure)
}

/// 三点五, 三点五亿: the Chinese number `value` written at `i..j`, then 点 and digits, then
/// multipliers.
fn chinese_decimal(f: &Folded, i: usize, j: usize, value: Decimal) -> Option<Result<Number, Rejected>> {
    let point = f.get(j) == Some(&'点') && large_unit(f[j - 1]).is_none();
    let digits = if point { f[j + 1..].iter().take_while(|&&c| numerals::chinese_digit(c).is_some()).count() } else { 0 };
    if digits == 0 {
        return None;
    }
    let mut fraction = Decimal::ZERO;
    for (k, &c) in f[j + 1..j + 1 + digits].iter().enumerate() {
        let d = Decimal::new(i64::from(numerals::chinese_digit(c).unwrap_or(0)), 1 + k as u32);
        fraction = fraction.checked_add(d)?;
    }
    let (exp, end) = read_multipliers(f, j + 1 + digits);
    let value = if digits > 28 {
        Err(NumeralError::Overflow)
    } else {
        value.checked_add(fraction).ok_or(NumeralError::Overflow).and_then(|v| scale(v, exp))
    };
    Some(match value {
        Ok(value) => Ok(Number {
            start: i,
            end,
            value,
            high: None,
            arabic: false,
            scaled: exp > 0,
            trailing_exp: exp,
            plain_integer: false,
            lone_one: false,
        }),
        Err(_) => Err(Rejected { start: i, end, why: NotFigure::Overflow }),
    })
}

/// A minus sign (-, −, 负) right before the number, not part of a range or a code, makes it
/// negative (增长-3.2%, 负一百), and so does a verb of growth below zero, which stays outside the
/// span (负增长3%).
pub(super) fn with_sign(f: &Folded, mut n: Number) -> Number {
    if signed(f, n.start) {
        n.start -= 1;
        n.value = -n.value;
    } else if NEGATED.iter().any(|w| ends_with(f, n.start, w.word)) {
        n.value = -n.value;
    }
    n
}

/// Whether a minus sign that is no dash of a range or a code stands right before char `start`.
pub(super) fn signed(f: &Folded, start: usize) -> bool {
    let Some(s) = start.checked_sub(1) else { return false };
    let sign = is_sign(f[s]);
    let joined = s > 0 && (f[s - 1].is_ascii_alphanumeric() || is_chinese_numeral_char(f[s - 1]) || matches!(f[s - 1], '%' | '月' | '年'));
    sign && !joined
}

pub(super) fn is_sign(c: char) -> bool {
    matches!(c, '-' | '−' | '负')
}

/// Whether the number from `start` to `end` (past any 多 or 余 and multiplier read with it) is all
/// its clause says: nothing but spaces between it and the clause's ends, a trailing 多 or 余 aside
/// (a numeral given on its own, as in a list of values or a bare query: 一千多万, 四百多).
pub(super) fn stands_alone(f: &Folded, start: usize, end: usize) -> bool {
    let blank = |c: &char| c.is_whitespace() || matches!(c, '、' | '“' | '”' | '"');
    let before = f[..start].iter().rev().take_while(|c| !CLAUSE_BREAKS.contains(c)).all(blank);
    let end = if f.get(end).is_some_and(|c| matches!(c, '多' | '余')) { end + 1 } else { end };
    let after = f[end..].iter().take_while(|c| !CLAUSE_BREAKS.contains(c)).all(blank);
    before && after
}

/// A number whose form gives its unit: a fraction (三分之一, 3/4) is a percentage, a slashed date
/// (2024/3/4) a date. Its value, where it ends and its reading.
pub(super) fn whole_form(f: &Folded, n: &Number) -> Result<Option<(Decimal, usize, Reading)>, NotFigure> {
    // 两三分之一 is no fraction: its parts must be exact.
    if n.high.is_some() {
        return Ok(None);
    }
    if let Some(date) = date::slashed(f, n) {
        return Ok(Some(date));
    }
    let percent = (Unit::Percent, Kind::Percent, None);
    // 三分之一: the denominator first.
    if starts_with(f, n.end, "分之")
        && let Some(Ok(part)) = read(f, n.end + 2)
    {
        return Ok(Some((percentage(part.value, n.value)?, part.end, percent)));
    }
    // 3/4: two whole numbers, the smaller first, and nothing slashed after them.
    if n.plain_integer
        && f.get(n.end) == Some(&'/')
        && let Some(Ok(whole)) = read(f, n.end + 1)
        && whole.arabic
        && whole.plain_integer
        && n.value < whole.value
        && !f.get(whole.end).is_some_and(|&c| c == '/' || c == '.' || c.is_ascii_alphanumeric())
    {
        return Ok(Some((percentage(n.value, whole.value)?, whole.end, percent)));
    }
    Ok(None)
}

/// `part` of `whole` as a percentage (rounded to 28 significant digits when it does not end).
fn percentage(part: Decimal, whole: Decimal) -> Result<Decimal, NotFigure> {
    part.checked_div(whole).and_then(|v| v.checked_mul(Decimal::ONE_HUNDRED)).map(|v| v.normalize()).ok_or(NotFigure::Overflow)
}

/// What a number takes after its unit: half a unit (三成半) or the parts of a yuan (3元5角).
pub(super) fn after_unit(f: &Folded, n: &Number, d: &mut Draft, kind: Kind) {
    and_a_half(f, n, d, kind);
    if kind == Kind::Money && f[d.end - 1] == '元' && !d.range {
        yuan_parts(f, d);
    }
}

/// 3元5角, 1元2角5分: a digit before each part of a yuan, in order.
fn yuan_parts(f: &Folded, d: &mut Draft) {
    for part in &YUAN_PARTS {
        let Some(Ok(n)) = read(f, d.end) else { return };
        let digit = n.high.is_none() && n.value.fract().is_zero() && n.value < Decimal::TEN;
        if digit && starts_with(f, n.end, part.word) {
            d.value += n.value * part.of_yuan;
            d.ulp = part.of_yuan;
            d.end = n.end + part.word.chars().count();
        }
    }
}

/// 三成半, 一年半, 两倍半: 半 after the unit of a whole number adds half of that unit.
fn and_a_half(f: &Folded, n: &Number, d: &mut Draft, kind: Kind) {
    let measured = match kind {
        Kind::Percent => f[d.end - 1] == '成',
        Kind::Multiple | Kind::Duration => true,
        _ => false,
    };
    if !(measured && f.get(d.end) == Some(&'半') && !d.range && d.qualifier.is_none() && n.value.fract().is_zero() && !n.value.is_zero()) {
        return;
    }
    // The unit's step: 10 percent for 成, one for 年 or 倍.
    let Some(half) = d.value.checked_div(n.value).map(|step| step / Decimal::TWO) else { return };
    d.value += half;
    d.ulp = half;
    d.end += 1;
}

/// 一半, 半数, 过半: half, as a percentage, and the qualifier the word states.
pub(super) fn half(f: &Folded, i: usize) -> Option<Found> {
    let (word, h) = HALF_LEXICON.starting_at(f, i).next()?;
    let mut found = Found::exact(i, i + word.chars().count(), Decimal::from(50), Unit::Percent, Kind::Percent);
    if let Some(q) = h.qualifier {
        found.qualifier = Some(q);
        (found.lower, found.upper) = bounds(q, found.value, found.value);
    }
    found.role = Role::Share;
    Some(found)
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use crate::records::{Kind, Qualifier, Role, Unit};
    use crate::scan::tests::{one, surface};

    /// (span, value, lower, upper) of the one figure in `s`, as strings.
    fn read(s: &str) -> (String, String, String, String) {
        let t = crate::document::Text::new(s);
        let f = one(s);
        let text = |v: Option<Decimal>| v.map_or("none".into(), |v| v.normalize().to_string());
        (t.slice(f.start, f.end), f.value.normalize().to_string(), text(f.lower), text(f.upper))
    }

    fn exact(s: &str, span: &str, value: &str) {
        assert_eq!(read(s), (span.into(), value.into(), value.into(), value.into()), "{s}");
    }

    #[test]
    fn fractions_are_shares_in_percent() {
        let a = one("占三分之一。");
        assert_eq!((a.unit, a.value.round_dp(4), a.role), (Unit::Percent, Decimal::new(333333, 4), Role::Share));
        assert_eq!(one("百分之二十").value, Decimal::from(20));
        assert_eq!(read("比重超过3/4。"), ("超过3/4".into(), "75".into(), "75".into(), "none".into()));
        assert!(surface("两三分之一").is_empty(), "an approximate denominator makes no fraction");
    }

    #[test]
    fn spaces_inside_a_number_are_part_of_its_span() {
        exact("受理专利申请12 680件。", "12 680件", "12680");
        exact("内部支出1000  万元。", "1000  万元", "10000000");
        exact("强度提高2.4   个百分点。", "2.4   个百分点", "2.4");
        exact("项目一百 五 十 二个。", "一百 五 十 二个", "152");
        assert_eq!(surface("2023 100家"), ["100家"], "a space after four digits separates two numbers");
    }

    #[test]
    fn a_leading_point_is_a_decimal_point() {
        exact("较上年提高.5个百分点。", ".5个百分点", "0.5");
    }

    #[test]
    fn arabic_parts_read_as_chinese_digits_do() {
        exact("带动投资2千零30万元。", "2千零30万元", "20300000");
        exact("新增特派员1千零1名。", "1千零1名", "1001");
    }

    #[test]
    fn wanwan_and_zhao() {
        exact("四万万人。", "四万万人", "400000000");
        exact("交易额达2兆元。", "2兆元", "2000000000000");
        // 兆瓦 is a megawatt, a unit of its own, not 120 × 10¹² of anything.
        exact("风电装机120兆瓦。", "120兆瓦", "120");
    }

    #[test]
    fn a_lone_magnitude_put_to_use_is_a_number() {
        exact("亩产达到千三公斤。", "千三公斤", "1300");
        exact("共有百三家企业。", "百三家", "130");
        exact("营收达到千亿元。", "千亿元", "100000000000");
        exact("效率提升百倍。", "百倍", "100");
        let threshold = ("亿元以上".into(), "100000000".into(), "100000000".into(), "none".into());
        assert_eq!(read("新开工亿元以上项目。"), threshold);
        exact("覆盖率达到百分之百。", "百分之百", "100");
        assert_eq!(read("千余家企业入驻。"), ("千余家".into(), "1000".into(), "1000".into(), "2000".into()));
        assert!(surface("跨越两个万亿元台阶。").iter().all(|s| s == "两个"), "after a measure word it names a class");
        assert!(surface("万元GDP能耗下降。").is_empty());
    }

    #[test]
    fn adjacent_digits_and_ji_are_ranges() {
        let range = |s: &str, span: &str, lower: &str, upper: &str| {
            assert_eq!(read(s), (span.into(), lower.into(), lower.into(), upper.into()), "{s}");
            assert_eq!(one(s).qualifier, Some(Qualifier::Range), "{s}");
        };
        range("新组建联合体三四个。", "三四个", "3", "4");
        range("建成众创空间五六十家。", "五六十家", "50", "60");
        range("资助八九亿元。", "八九亿元", "800000000", "900000000");
        range("制定标准十几项。", "十几项", "11", "19");
        range("培养人才二十几万人。", "二十几万人", "210000", "290000");
        range("总投资三千四百五十几万元。", "三千四百五十几万元", "34510000", "34590000");
    }

    #[test]
    fn an_ill_formed_tail_is_left_out() {
        exact("薪酬按百分之七十百分位确定。", "百分之七十", "70");
    }

    #[test]
    fn halves() {
        let h = one("职务发明占一半以上。");
        assert_eq!(
            (h.value, h.qualifier, h.lower, h.upper, h.role),
            (Decimal::from(50), Some(Qualifier::AtLeast), Some(Decimal::from(50)), None, Role::Share)
        );
        let g = one("企业数量过半。");
        assert_eq!((g.qualifier, g.upper), (Some(Qualifier::MoreThan), None));
        assert!(surface("上半年工作平稳推进。").is_empty());
    }

    #[test]
    fn what_follows_a_unit() {
        exact("占全市三成半。", "三成半", "35");
        // 约为 qualifies the number across its verb: half a unit of 7.2's last digit either side.
        assert_eq!(read("共享率约为7.2成。"), ("7.2成".into(), "72".into(), "71.5".into(), "72.5".into()));
        exact("售价1元2角5分。", "1元2角5分", "1.25");
        let y = one("用时一年半。");
        assert_eq!((y.value, y.kind), (Decimal::new(15, 1), Kind::Duration));
    }

    #[test]
    fn a_chinese_number_led_by_a_digit_and_scaled_counts_without_a_measure_word() {
        exact("全市常住人口一千二百万。", "一千二百万", "12000000");
        exact("惠及两百万群众。", "两百万", "2000000");
        assert_eq!(one("完成投资二十亿。").kind, Kind::Money, "after a noun of money it is in yuan");
        for word in ["千万不要放松。", "万一出现问题。", "十万火急。"] {
            assert!(surface(word).is_empty(), "{word}: a number led by a unit is a word");
        }
    }

    #[test]
    fn a_qualifier_before_a_special_form_bounds_it() {
        assert_eq!(read("占比超过百分之五十。"), ("超过百分之五十".into(), "50".into(), "50".into(), "none".into()));
        assert_eq!(read("近一半企业开展研发。"), ("近一半".into(), "50".into(), "40".into(), "50".into()));
        assert_eq!(read("研发投入约翻一番。"), ("约翻一番".into(), "2".into(), "1.5".into(), "2.5".into()));
    }

    #[test]
    fn a_sign_before_or_after_a_per_word_makes_the_share_negative() {
        assert_eq!(read("增速为负百分之二。"), ("负百分之二".into(), "-2".into(), "-2".into(), "-2".into()));
        assert_eq!(read("利润下降了百分之负三点八。"), ("百分之负三点八".into(), "-3.8".into(), "-3.8".into(), "-3.8".into()));
    }
}
