//! Date: calendar years (2021年, 2021全年), months (5月, 1—5月), dates (2021年6月28日, 2025年8月,
//! 6月28日, 2024/3/4) and spans of years (五年), told apart by the number's form. Never reads a unit other
//! than 年, 月, 日 and 号.

use crate::document::Folded;
use rust_decimal::Decimal;

use super::number::{self, Number};
use super::range::RANGE_SEPARATORS;
use super::unit::Reading;
use super::{Draft, NotFigure, past_spaces, qualifier, starts_with};
use crate::lexicon::clauses::PERIOD_WORDS;
use crate::numerals::scale;
use crate::records::{Kind, Unit};

pub(super) fn is_year(v: Decimal) -> bool {
    v >= Decimal::from(1900) && v <= Decimal::from(2100) && v.fract().is_zero()
}

pub(super) fn is_month(v: Decimal) -> bool {
    v >= Decimal::ONE && v <= Decimal::from(12) && v.fract().is_zero()
}

/// 2024/3/4, 2023-11-06, 2021.3.5: a year, a month and a day joined by slashes, hyphens or points
/// (the same mark twice), as a date. With points the reader has taken the year and the month as
/// one decimal (2021.3), so they are read again from its start.
pub(super) fn slashed(f: &Folded, n: &Number) -> Option<(Decimal, usize, Reading)> {
    if let Some(date) = dotted(f, n) {
        return Some(date);
    }
    let mark = f.get(n.end).copied().filter(|c| matches!(c, '/' | '-'))?;
    if !(n.plain_integer && n.arabic && is_year(n.value)) {
        return None;
    }
    let Some(Ok(m)) = number::read(f, n.end + 1) else { return None };
    if !(m.plain_integer && is_month(m.value) && f.get(m.end) == Some(&mark)) {
        return None;
    }
    let Some(Ok(day)) = number::read(f, m.end + 1) else { return None };
    let ok = day.plain_integer
        && day.value >= Decimal::ONE
        && day.value <= Decimal::from(31)
        && !f.get(day.end).is_some_and(char::is_ascii_digit);
    let value = n.value * Decimal::from(10_000) + m.value * Decimal::ONE_HUNDRED + day.value;
    ok.then_some((value, day.end, (Unit::Date, Kind::Date, None)))
}

fn dotted(f: &Folded, n: &Number) -> Option<(Decimal, usize, Reading)> {
    let digits = |from: usize| f[from.min(f.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    let year_end = n.start + digits(n.start);
    let month = digits(year_end + 1);
    let month_end = year_end + 1 + month;
    if !(n.arabic && year_end - n.start == 4 && f.get(year_end) == Some(&'.') && (1..=2).contains(&month) && month_end == n.end) {
        return None;
    }
    let day = digits(n.end + 1);
    if f.get(n.end) != Some(&'.') || !(1..=2).contains(&day) {
        return None;
    }
    let number = |s: usize, e: usize| f[s..e].iter().collect::<String>().parse::<u32>().ok();
    let (y, m, d) = (number(n.start, year_end)?, number(year_end + 1, month_end)?, number(n.end + 1, n.end + 1 + day)?);
    let ok = is_year(Decimal::from(y)) && is_month(Decimal::from(m)) && (1..=31).contains(&d);
    ok.then(|| (Decimal::from(y * 10_000 + m * 100 + d), n.end + 1 + day, (Unit::Date, Kind::Date, None)))
}

/// A four-digit year followed by 全年 keeps its span on the digits.
pub(super) fn year_before_period(f: &Folded, n: &Number, d: &Draft) -> Option<Reading> {
    let year = n.plain_integer && is_year(d.value) && PERIOD_WORDS.iter().any(|w| starts_with(f, d.end, w.word));
    year.then_some((Unit::Year, Kind::Year, None))
}

/// A year written without 年 where a title or a heading puts it: four plain digits in range that
/// open a clause before a word (2021科技系统工作总结, 2020陕西省综合科技创新水平指数为68.39%) or open
/// or close a title (《2024浙江省高新技术产业发展报告》, 《中国区域科技创新评价报告2020》).
pub(super) fn bare_year(f: &Folded, n: &Number, d: &Draft) -> Option<Reading> {
    // The end of a range of years (报告2016-2017) is not one alone.
    let after_range = n.start > 0 && (f[n.start - 1].is_ascii_digit() || RANGE_SEPARATORS.contains(&f[n.start - 1]));
    let four = n.arabic && n.plain_integer && n.end - n.start == 4 && !d.range && !after_range && is_year(d.value);
    let opens = f.clause_start(n.start) == n.start && f.get(d.end).is_some_and(|&c| super::non_figure::is_cjk(c));
    let in_title = matches!(f.get(d.end), Some('》')) || (n.start > 0 && f[n.start - 1] == '《');
    (four && (opens || in_title)).then_some((Unit::Year, Kind::Year, None))
}

/// A number before 年: a calendar year (with a month and day after it, a date; with a month
/// alone, a date of the month, 2025年8月 → 202508) when it is written as four plain digits in
/// range, a number of years otherwise.
pub(super) fn year(f: &Folded, n: &Number, d: &mut Draft) -> Result<Reading, NotFigure> {
    // 两千零一十二年 is a year written out; 两千年来, 一千九百多年 and 两千年 are lengths.
    let written_out = !n.arabic
        && n.high.is_none()
        && !d.range
        && !d.inner_more
        && !(d.value % Decimal::ONE_HUNDRED).is_zero()
        && !f.get(d.end).is_some_and(|c| matches!(c, '来' | '间' | '多' | '半' | '前' | '以'));
    if !((n.plain_integer || written_out) && is_year(d.value)) {
        return Ok((Unit::Years, Kind::Duration, None));
    }
    if let Some((date, e)) = month_day(f, d.end) {
        d.value = scale(d.value, 4).map_err(|_| NotFigure::Overflow)? + date;
        d.end = e;
        return Ok((Unit::Date, Kind::Date, None));
    }
    if !d.range
        && let Some((month, e)) = month_alone(f, d.end)
    {
        d.value = scale(d.value, 2).map_err(|_| NotFigure::Overflow)? + month;
        d.end = e;
        return Ok((Unit::Date, Kind::Date, None));
    }
    Ok((Unit::Year, Kind::Year, None))
}

/// A number before 月: a month, or with a day after it (and not in a range) a date.
pub(super) fn month(f: &Folded, d: &mut Draft) -> Result<Reading, NotFigure> {
    if !is_month(d.value) || d.ordinal.is_some() {
        return Err(NotFigure::Word);
    }
    match day_after(f, d.end) {
        Some((day, e)) if !d.range => {
            d.value = d.value * Decimal::ONE_HUNDRED + day;
            d.end = e;
            Ok((Unit::Date, Kind::Date, None))
        }
        // 前9月 is the first nine months, as 前九个月 is: a length, not September.
        _ if !d.range && d.start > 0 && f[d.start - 1] == '前' => Ok((Unit::Months, Kind::Duration, None)),
        _ => Ok((Unit::Month, Kind::Month, None)),
    }
}

/// A day of the month with no month before it (记者2日获悉, 18日,省科技厅透露): a date whose value
/// is the day. Within so many days (30日内) is a length, and 日 after anything but a plain number
/// of one or two digits is a word.
pub(super) fn day(f: &Folded, n: &Number, d: &Draft) -> Result<Reading, NotFigure> {
    let plain = n.arabic && n.plain_integer && n.end - n.start <= 2 && !d.range && d.ordinal.is_none();
    let day = plain && d.value >= Decimal::ONE && d.value <= Decimal::from(31);
    let within = f.get(d.end).is_some_and(|c| matches!(c, '内' | '间')) || starts_with(f, d.end, "以内");
    if !day || within || qualifier::prefix(f, n.start, 0).is_some() {
        return Err(NotFigure::Word);
    }
    Ok((Unit::Date, Kind::Date, None))
}

/// `3月10日` right after a year: the MMDD part.
fn month_day(f: &Folded, j: usize) -> Option<(Decimal, usize)> {
    let Some(Ok(m)) = number::read(f, past_spaces(f, j)) else { return None };
    let at = past_spaces(f, m.end);
    if f.get(at) != Some(&'月') || !is_month(m.value) {
        return None;
    }
    let (day, e) = day_after(f, at + 1)?;
    Some((m.value * Decimal::ONE_HUNDRED + day, e))
}

/// `8月` right after a year, where no range (2024年1—6月, 2024年1月至6月) begins at the month.
fn month_alone(f: &Folded, j: usize) -> Option<(Decimal, usize)> {
    let Some(Ok(m)) = number::read(f, j) else { return None };
    let range_next = f.get(m.end + 1).is_some_and(|c| RANGE_SEPARATORS.contains(c));
    (f.get(m.end) == Some(&'月') && is_month(m.value) && m.high.is_none() && !range_next).then_some((m.value, m.end + 1))
}

fn day_after(f: &Folded, j: usize) -> Option<(Decimal, usize)> {
    let Some(Ok(d)) = number::read(f, past_spaces(f, j)) else { return None };
    let at = past_spaces(f, d.end);
    let ok = matches!(f.get(at), Some('日' | '号')) && d.value >= Decimal::ONE && d.value <= Decimal::from(31) && d.value.fract().is_zero();
    ok.then_some((d.value, at + 1))
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use crate::records::{Qualifier, Unit};
    use crate::scan::tests::{one, surface};

    #[test]
    fn a_day_with_no_month_is_a_date_of_the_month() {
        assert_eq!(one("记者2日从省科技厅获悉。").value, Decimal::from(2));
        assert!(surface("30日内办结。").is_empty(), "within thirty days is a length");
        assert!(surface("第3日召开。").is_empty(), "an ordinal day is no date");
    }

    #[test]
    fn spaces_left_inside_a_date_are_read_through() {
        assert_eq!(one("2025年 3 月18日发布。").value, Decimal::from(20250318));
        assert_eq!(one("10 月15 日发布。").value, Decimal::from(1015));
    }

    #[test]
    fn a_year_and_a_month_are_one_date() {
        let a = one("2025年8月,省科技厅印发意见。");
        assert_eq!((a.unit, a.value, a.end), (Unit::Date, Decimal::from(202508), 7));
        assert_eq!(one("二〇二五年八月,大会召开。").value, Decimal::from(202508));
        assert_eq!(one("2023年1月18日召开大会。").value, Decimal::from(20230118));
        assert_eq!(surface("2024年1—6月,授权量增长。"), ["2024年", "1—6月"], "a month range stays a month range");
    }

    #[test]
    fn a_year_written_out_in_chinese_numerals_is_a_year() {
        assert_eq!(one("两千零二十二年全市新增企业。").unit, Unit::Year);
        assert_eq!(one("一千九百九十八年建校。").value, Decimal::from(1998));
        assert_eq!(one("两千年来文明延续。").unit, Unit::Years, "a length");
        assert_eq!(one("已有一千九百多年历史。").unit, Unit::Years, "a length");
    }

    #[test]
    fn the_first_months_of_a_year_are_a_length() {
        for text in ["前9月,全市新增企业。", "全市前九月新增企业。"] {
            let m = one(text);
            assert_eq!((m.unit, m.value), (Unit::Months, Decimal::from(9)), "{text}");
        }
    }

    #[test]
    fn slashed_dates() {
        let a = one("于2024/3/4完成验收。");
        assert_eq!((a.unit, a.value), (Unit::Date, Decimal::from(20240304)));
        let b = one("发布日期:2023-11-06");
        assert_eq!((b.unit, b.value, b.end - b.start), (Unit::Date, Decimal::from(20231106), 10));
    }

    #[test]
    fn zhi_joins_two_months_or_two_years() {
        let m = one("3月至6月开展活动。");
        assert_eq!((m.unit, m.qualifier, m.upper), (Unit::Month, Some(Qualifier::Range), Some(Decimal::from(6))));
        let y = one("2019年至2023年,数量攀升。");
        assert_eq!((y.unit, y.lower, y.upper), (Unit::Year, Some(Decimal::from(2019)), Some(Decimal::from(2023))));
        assert_eq!(surface("从2000家到3000家。").len(), 2, "between amounts 到 says where a change went");
    }
}
