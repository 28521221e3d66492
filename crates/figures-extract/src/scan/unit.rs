//! Unit: the unit or measure word after a number and what it does to the value (亿元, %, ‰ is a
//! tenth, 成 ten times, 个百分点, 家 …), the number standing alone, and the forms that carry their
//! unit in front (百分之二十, 翻一番). Words and normalisations come from
//! [`crate::lexicon::units`]; years, months and dates are [`super::date`]'s, ranks [`super::rank`]'s.

use rust_decimal::Decimal;

use super::number::{self, Number};
use super::{Draft, Found, NotFigure, date, len, non_figure, rank, starts_with};
use crate::lexicon::units::{DOUBLINGS, PER_WORDS, UNIT_LEXICON, UnitWord};
use crate::records::{Kind, Role, Unit};

/// What a figure measures: its unit, kind and measure word.
pub(super) type Reading = (Unit, Kind, Option<&'static str>);

/// The unit or measure word at `j`, longest first.
pub(super) fn at(f: &[char], j: usize) -> Option<(UnitWord, &'static str)> {
    UNIT_LEXICON.starting_at(f, j).next().map(|(w, u)| (u, w))
}

/// Reads the unit after the number (a space may stand before it), moving `d`'s end past it and
/// normalising its value; a number with no unit is a year, a rank, a bare number or a word.
pub(super) fn read(f: &[char], n: &Number, d: &mut Draft) -> Result<Reading, NotFigure> {
    let j = d.end;
    // Spaces as PDF-to-text leaves them (2.4   个百分点).
    let spaces = f[j..].iter().take_while(|&&c| c == ' ').count();
    let space = if spaces > 0 && at(f, j + spaces).is_some() && !d.range { spaces } else { 0 };
    let Some((u, w)) = at(f, j + space) else { return bare(f, n, d) };
    d.end = j + space + len(w);
    Ok(match u {
        UnitWord::Money(unit) => (unit, Kind::Money, None),
        UnitWord::Percent => (Unit::Percent, Kind::Percent, None),
        UnitWord::PerMille => {
            // A range's ends scale with the value (3‰—5‰).
            d.each_amount(|v| *v /= Decimal::TEN);
            (Unit::Percent, Kind::Percent, None)
        }
        UnitWord::PercentagePoint => (Unit::PercentagePoint, Kind::PercentagePoint, None),
        UnitWord::Cheng => {
            // 七成, 7.2成: tenths, written to one decimal at most.
            if (d.value * Decimal::TEN).fract() != Decimal::ZERO || d.value > Decimal::TEN || n.scaled {
                return Err(NotFigure::Word);
            }
            d.each_amount(|v| *v *= Decimal::TEN);
            (Unit::Percent, Kind::Percent, None)
        }
        UnitWord::Times => (Unit::Times, Kind::Multiple, None),
        UnitWord::Area(unit) => (unit, Kind::Area, None),
        UnitWord::Mass(unit) => (unit, Kind::Mass, None),
        UnitWord::Days => (Unit::Days, Kind::Duration, None),
        UnitWord::Months => (Unit::Months, Kind::Duration, None),
        UnitWord::Digits => (Unit::Digits, Kind::DigitCount, None),
        UnitWord::Year => return date::year(f, n, d),
        UnitWord::Month => return date::month(f, d),
        UnitWord::Measure => return measure(f, n, d, w),
    })
}

/// A number with no unit after it.
fn bare(f: &[char], n: &Number, d: &mut Draft) -> Result<Reading, NotFigure> {
    if let Some(year) = date::year_before_period(f, n, d) {
        return Ok(year);
    }
    if let Some(rank) = rank::after_verb(f, n, d) {
        return Ok(rank);
    }
    if d.ordinal {
        return Err(NotFigure::Ordinal);
    }
    if number::stands_alone(f, n) {
        return Ok((Unit::Number, Kind::Number, None));
    }
    Err(NotFigure::Word)
}

/// A number before a measure word: a count, unless the word makes it a rank (第3名, 前10位), the
/// places a rank moved (前移4位) or a duration (三个多月).
fn measure(f: &[char], n: &Number, d: &mut Draft, w: &'static str) -> Result<Reading, NotFigure> {
    if let Some(rank) = rank::measure(f, n, d, w) {
        return Ok(rank);
    }
    if d.ordinal {
        return Err(NotFigure::Ordinal);
    }
    if w == "大" && (n.arabic || !f.get(d.end).is_some_and(|&c| non_figure::is_cjk(c))) {
        return Err(NotFigure::Word);
    }
    if w == "个" && starts_with(f, d.end, "多月") {
        d.qualifier = Some(crate::records::Qualifier::MoreThan);
        d.lower = Some(d.value);
        d.upper = Some(d.value + Decimal::ONE);
        d.end += 2;
        return Ok((Unit::Months, Kind::Duration, None));
    }
    Ok((Unit::Count, Kind::Count, Some(w)))
}

/// Extends a figure read without its unit over a unit or measure word that follows it (上亿元,
/// 数十家).
pub(super) fn with_unit(f: &[char], mut found: Found) -> Found {
    match at(f, found.end) {
        Some((UnitWord::Money(u), w)) => {
            found.unit = u;
            found.kind = Kind::Money;
            found.end += len(w);
        }
        Some((UnitWord::Measure, w)) => {
            found.measure_word = Some(w);
            found.end += len(w);
        }
        _ => {}
    }
    found
}

/// 百分之二十, 千分之五: a percentage written with its unit in front.
pub(super) fn per_word(f: &[char], i: usize) -> Option<Found> {
    PER_WORDS.iter().find_map(|p| {
        let Some(Ok(n)) = starts_with(f, i, p.word).then(|| number::read(f, i + len(p.word))).flatten() else { return None };
        Some(Found::exact(i, n.end, n.value * p.to_percent, Unit::Percent, Kind::Percent))
    })
}

/// 翻一番, 翻两番: a doubling phrase, a multiple and a change.
pub(super) fn doubling(f: &[char], i: usize) -> Option<Found> {
    let d = DOUBLINGS.iter().find(|d| starts_with(f, i, d.word))?;
    let mut found = Found::exact(i, i + len(d.word), Decimal::from(d.times), Unit::Times, Kind::Multiple);
    found.role = Role::Change;
    Some(found)
}
