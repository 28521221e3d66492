//! Range: a second end after a number and a separator, making one figure with two ends (3至5个,
//! 20万到30万元, 1-5月, 10%—15%). Only a rising pair is a range; the ends share the second's
//! multiplier when only it carries one (10-15亿元).

use super::number::{self, Number};
use super::{Draft, NotFigure, len, non_figure, starts_with, unit};
use crate::document::Folded;
use crate::lexicon::numerals::{BANDS, SPREAD_LEXICON};
use crate::lexicon::units::UnitWord;
use crate::lexicon::verbs::LEAPS;
use crate::numerals::scale;
use crate::records::Qualifier;

pub(super) const RANGE_SEPARATORS: [char; 8] = ['至', '到', '-', '—', '–', '～', '~', '〜'];

/// Reads the second end of a range after `n`, if there is one, into `d`.
pub(super) fn second_end(f: &Folded, n: &Number, d: &mut Draft) -> Result<(), NotFigure> {
    if d.ordinal.is_some() || d.range {
        return Ok(());
    }
    let j = d.end;
    let first = unit::at(f, j);
    let first_unit = first.map(|(_, w)| len(w)).unwrap_or(0);
    let sep_at = j + first_unit;
    // After a unit, 至 and 到 join two ends only of a span of time (3月至6月, 2019年至2023年) or a
    // spread: between amounts they say where a change went (从2000家到3000家).
    let time = first.is_some_and(|(u, _)| matches!(u, UnitWord::Year | UnitWord::Month));
    let dash = |c: &char| !matches!(c, '至' | '到');
    if let Some(sep) = f.get(sep_at)
        && RANGE_SEPARATORS.contains(sep)
        && let Some(Ok(second)) = number::read(f, sep_at + 1)
        && non_figure::code_span(f, &second).is_none()
        && let Some((_, w)) = unit::at(f, second.end)
        && (first_unit == 0 || starts_with(f, j, w))
        // 由3万元至5万元不等: a word after the pair makes it a spread.
        && (first_unit == 0 || time || dash(sep) || SPREAD_LEXICON.starting_at(f, second.end + len(w)).next().is_some() || band(f, n.start, second.end + len(w)))
    {
        let first =
            if !n.scaled && second.scaled { scale(n.value, second.trailing_exp).map_err(|_| NotFigure::Overflow)? } else { n.value };
        // Only a rising pair is a range; 5至3 is not one.
        if first < second.value {
            d.value = first;
            d.lower = Some(first);
            d.upper = Some(second.value);
            d.qualifier = Some(Qualifier::Range);
            d.end = second.end;
            d.range = true;
        }
    }
    Ok(())
}

/// Whether the pair from `start` to `after` is a band classing the noun after it.
fn band(f: &Folded, start: usize, after: usize) -> bool {
    let changed = f[f.clause_start(start)..start].iter().any(|c| matches!(c, '从' | '由'));
    let leap = || LEAPS.iter().any(|l| (after..(after + 4).min(f.len())).any(|k| starts_with(f, k, l.word)));
    BANDS.iter().any(|w| starts_with(f, after, w.word)) && !changed && !leap()
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use crate::records::Qualifier;
    use crate::scan::tests::one;

    #[test]
    fn ranges_are_one_figure() {
        let a = one("3至5个");
        assert_eq!((a.qualifier, a.lower, a.upper), (Some(Qualifier::Range), Some(Decimal::from(3)), Some(Decimal::from(5))));
        let b = one("10-15亿元");
        assert_eq!(b.lower, Some(Decimal::from(1_000_000_000)));
    }
}
