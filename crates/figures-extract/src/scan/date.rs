//! Date: calendar years (2021年, 2021全年), months (5月, 1—5月), dates (2021年6月28日, 6月28日) and
//! spans of years (五年), told apart by the number's form. Never reads a unit other than 年, 月,
//! 日 and 号.

use rust_decimal::Decimal;

use super::number::{self, Number};
use super::unit::Reading;
use super::{Draft, NotFigure, starts_with};
use crate::lexicon::clauses::PERIOD_WORDS;
use crate::numerals::scale;
use crate::records::{Kind, Unit};

pub(super) fn is_year(v: Decimal) -> bool {
    v >= Decimal::from(1900) && v <= Decimal::from(2100) && v.fract().is_zero()
}

pub(super) fn is_month(v: Decimal) -> bool {
    v >= Decimal::ONE && v <= Decimal::from(12) && v.fract().is_zero()
}

/// A four-digit year followed by 全年 keeps its span on the digits.
pub(super) fn year_before_period(f: &[char], n: &Number, d: &Draft) -> Option<Reading> {
    let year = n.plain_integer && is_year(d.value) && PERIOD_WORDS.iter().any(|w| starts_with(f, d.end, w.word));
    year.then_some((Unit::Year, Kind::Year, None))
}

/// A number before 年: a calendar year (with a month and day after it, a date) when it is written
/// as four plain digits in range, a number of years otherwise.
pub(super) fn year(f: &[char], n: &Number, d: &mut Draft) -> Result<Reading, NotFigure> {
    if !(n.plain_integer && is_year(d.value)) {
        return Ok((Unit::Years, Kind::Duration, None));
    }
    match month_day(f, d.end) {
        Some((date, e)) => {
            d.value = scale(d.value, 4).map_err(|_| NotFigure::Overflow)? + date;
            d.end = e;
            Ok((Unit::Date, Kind::Date, None))
        }
        None => Ok((Unit::Year, Kind::Year, None)),
    }
}

/// A number before 月: a month, or with a day after it (and not in a range) a date.
pub(super) fn month(f: &[char], d: &mut Draft) -> Result<Reading, NotFigure> {
    if !is_month(d.value) || d.ordinal {
        return Err(NotFigure::Word);
    }
    match day_after(f, d.end) {
        Some((day, e)) if !d.range => {
            d.value = d.value * Decimal::ONE_HUNDRED + day;
            d.end = e;
            Ok((Unit::Date, Kind::Date, None))
        }
        _ => Ok((Unit::Month, Kind::Month, None)),
    }
}

/// `3月10日` right after a year: the MMDD part.
fn month_day(f: &[char], j: usize) -> Option<(Decimal, usize)> {
    let Some(Ok(m)) = number::read(f, j) else { return None };
    if f.get(m.end) != Some(&'月') || !is_month(m.value) {
        return None;
    }
    let (day, e) = day_after(f, m.end + 1)?;
    Some((m.value * Decimal::ONE_HUNDRED + day, e))
}

fn day_after(f: &[char], j: usize) -> Option<(Decimal, usize)> {
    let Some(Ok(d)) = number::read(f, j) else { return None };
    let ok =
        matches!(f.get(d.end), Some('日' | '号')) && d.value >= Decimal::ONE && d.value <= Decimal::from(31) && d.value.fract().is_zero();
    ok.then_some((d.value, d.end + 1))
}
