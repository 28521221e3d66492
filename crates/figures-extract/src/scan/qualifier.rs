//! Qualifier: the words around a figure that say how exact it is — 余/多 inside it (250余亿元),
//! a qualifier after its unit (以上, 左右) or before its number (超过, 约), 多 after 成 or 倍, and
//! the approximate forms 上亿, 数十 — and the bounds each implies. The words come from
//! [`crate::lexicon::qualifiers`]; a prefix never reaches back into the figure before.

use crate::document::Folded;
use rust_decimal::Decimal;

use super::number::{Number, read_multipliers};
use super::{Draft, Found, NotFigure, bounds, len, past_spaces, starts_with, unit};
use crate::lexicon::qualifiers::{self, APPROXIMATIONS, JOINED};
use crate::numerals::{chinese_digit, large_unit, last_significant_unit, scale, small_unit};
use crate::records::{Kind, Qualifier, Unit};

/// 250余亿元, 60多个, 十余年, 1萬餘人: 余 (餘) or 多 right after the number, before its unit or multiplier;
/// the multiplier after it scales the value and its last digit alike.
pub(super) fn inner_more(f: &Folded, d: &mut Draft) -> Result<(), NotFigure> {
    let j = d.end;
    if d.range
        || !matches!(f.get(j), Some('余' | '餘' | '多'))
        || !(unit::at(f, j + 1).is_some() || f.get(j + 1).is_some_and(|&c| large_unit(c).is_some()))
    {
        return Ok(());
    }
    d.inner_more = true;
    let (exp, k) = read_multipliers(f, j + 1);
    d.value = scale(d.value, exp).map_err(|_| NotFigure::Overflow)?;
    d.ulp = scale(d.ulp, exp).map_err(|_| NotFigure::Overflow)?;
    d.end = k;
    Ok(())
}

/// One unit of the number's last written digit, which sizes its bounds: the last significant
/// digit of an integer (250 → 10), the last digit written after a decimal point, zero or not
/// (2.0 → 0.1, 2.50亿 → 0.01亿: a written trailing zero is significant).
pub(super) fn written_ulp(f: &Folded, n: &Number) -> Decimal {
    let significant = last_significant_unit(n.value);
    if !n.arabic {
        return significant;
    }
    let digits_end = n.start + f[n.start..n.end].iter().rposition(char::is_ascii_digit).map_or(0, |p| p + 1);
    let decimals = f[n.start..digits_end].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let point = digits_end.checked_sub(decimals + 1).filter(|&p| p >= n.start && f[p] == '.');
    let exp: u32 = f[digits_end..n.end].iter().filter_map(|&c| large_unit(c).or_else(|| small_unit(c))).sum();
    match (point, u32::try_from(decimals), scale(Decimal::ONE, exp)) {
        (Some(_), Ok(decimals), Ok(multiplier)) if decimals <= 28 => Decimal::new(1, decimals) * multiplier,
        _ => significant,
    }
}

/// More than the value, by less than one unit of its last significant digit (250余, 7成多).
fn more_by_less_than_ulp(d: &mut Draft) {
    d.qualifier = Some(Qualifier::MoreThan);
    d.lower = Some(d.value);
    d.upper = Some(d.value + d.ulp);
}

/// Applies the qualifiers around the figure of kind `kind` and sets its bounds: 余/多 inside it,
/// then one after it, then one before it (starting no earlier than `floor`); exact otherwise.
pub(super) fn around(f: &Folded, d: &mut Draft, kind: Kind, floor: usize) {
    if d.inner_more {
        more_by_less_than_ulp(d);
    } else if d.qualifier.is_none() {
        // 7成多, 1倍多: 多 after the unit.
        if f.get(d.end) == Some(&'多') && matches!(kind, Kind::Percent | Kind::Multiple) {
            d.end += 1;
            more_by_less_than_ulp(d);
        } else if let Some((q, len)) = suffix(f, d.end) {
            d.end += len;
            d.qualifier = Some(q);
            (d.lower, d.upper) = bounds(q, d.value, d.ulp);
        }
    }
    // 超过90%以上, 超亿元以上: a lower bound said twice; the span takes both, and the open 超过 wins.
    if d.qualifier == Some(Qualifier::AtLeast)
        && let Some((Qualifier::MoreThan, first)) = prefix(f, d.start, floor)
    {
        d.start = first;
        d.qualifier = Some(Qualifier::MoreThan);
        (d.lower, d.upper) = bounds(Qualifier::MoreThan, d.value, d.ulp);
    }
    // 近五年来: 近 before a span of years means "recent", not "nearly"; before a calendar time
    // (超过2022年同期增速) a qualifier word is a comparison, and a time is never approximate.
    if (d.qualifier.is_none() || d.inner_more)
        && !matches!(kind, Kind::Year | Kind::Month | Kind::Date)
        && let Some((q, first)) = prefix(f, d.start, floor)
        && !(kind == Kind::Duration && q == Qualifier::Nearly)
    {
        d.start = first;
        // 超200余人: the open prefix wins over the bounded 余; other prefixes keep 余's bounds.
        if !d.inner_more || q == Qualifier::MoreThan {
            d.qualifier = Some(q);
            (d.lower, d.upper) = bounds(q, d.value, d.ulp);
        }
    }
    if d.qualifier.is_none()
        && let Some(q) = joined(f, d.start, floor)
        && !(kind == Kind::Duration && q == Qualifier::Nearly)
    {
        d.qualifier = Some(q);
        (d.lower, d.upper) = bounds(q, d.value, d.ulp);
    }
    if d.qualifier.is_none() {
        d.lower = Some(d.value);
        d.upper = Some(d.value);
    }
}

/// 约为86亿元, 超过了500家, 约占规上工业的40%: a qualifier before a joining word, which leaves the
/// figure's span on the number.
fn joined(f: &Folded, start: usize, floor: usize) -> Option<Qualifier> {
    JOINED.iter().find_map(|j| {
        let at = if j.takes_whole {
            if start == 0 || f[start - 1] != '的' {
                return None;
            }
            let clause = f.clause_start(start).max(floor);
            (clause..start).rev().find(|&k| starts_with(f, k, j.word))?
        } else {
            start.checked_sub(len(j.word)).filter(|&at| at >= floor && starts_with(f, at, j.word))?
        };
        prefix(f, at, floor).map(|(q, _)| q)
    })
}

/// The qualifier written just before `start`, never reaching back before `floor` (the end of the
/// figure before): in 五大约亿元, 大 is 五's measure word, so 约 alone could qualify 亿元, not 大约.
pub(super) fn prefix(f: &Folded, start: usize, floor: usize) -> Option<(Qualifier, usize)> {
    qualifiers::BEFORE.ending_at(f, start).find_map(|(w, q)| {
        let first = start.checked_sub(len(w)).filter(|&first| first >= floor)?;
        let blocked = len(w) == 1 && first > 0 && q.not_after.contains(f[first - 1]);
        (!blocked).then_some((q.qualifier, first))
    })
}

/// The trailing qualifier at `end` (以上, 左右 …), after any spaces PDF-to-text left before it
/// (76% 以上), and its length in chars with them.
pub(super) fn suffix(f: &Folded, end: usize) -> Option<(Qualifier, usize)> {
    let at = past_spaces(f, end);
    qualifiers::AFTER.starting_at(f, at).next().map(|(w, q)| (q.qualifier, at - end + len(w)))
}

/// 上亿, 数十, 几百: an approximation word before a bare multiplier, with a unit or measure word
/// after it when there is one (上亿元, 数十家, 数十倍); 数倍 and 几倍 are several times.
pub(super) fn approximation(f: &Folded, i: usize) -> Option<Found> {
    let a = APPROXIMATIONS.iter().find(|a| starts_with(f, i, a.word))?;
    let at = i + len(a.word);
    if a.qualifier == Qualifier::Several && f.get(at) == Some(&'倍') {
        let mut found = Found::exact(i, at, Decimal::TWO, Unit::Count, Kind::Count);
        (found.qualifier, found.upper) = (Some(a.qualifier), Some(Decimal::TEN));
        return Some(unit::with_unit(f, found));
    }
    let exp = f.get(at).and_then(|&m| large_unit(m).or_else(|| small_unit(m)))?;
    if f.get(at + 1).is_some_and(|&c| chinese_digit(c).is_some()) || (a.qualifier == Qualifier::AtLeast && exp < 2) {
        return None;
    }
    let (more, end) = read_multipliers(f, at + 1);
    let unit = scale(Decimal::ONE, exp + more).ok()?;
    let (value, upper) = if a.qualifier == Qualifier::AtLeast { (unit, None) } else { (unit * Decimal::TWO, Some(unit * Decimal::TEN)) };
    let mut found = Found::exact(i, end, value, Unit::Count, Kind::Count);
    found.qualifier = Some(a.qualifier);
    found.upper = upper;
    Some(unit::with_unit(f, found))
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use crate::records::Qualifier;
    use crate::scan::tests::one;

    #[test]
    fn yu_bounds_follow_the_last_significant_digit() {
        let a = one("实现了250余亿元的投入");
        assert_eq!((a.lower, a.upper), (Some(Decimal::from(25_000_000_000u64)), Some(Decimal::from(26_000_000_000u64))));
        let b = one("500余亿元");
        assert_eq!(b.upper, Some(Decimal::from(60_000_000_000u64)));
    }

    #[test]
    fn a_trailing_qualifier_after_a_space_is_read() {
        let a = one("覆盖率达到76% 以上。");
        assert_eq!((a.start, a.end, a.qualifier, a.upper), (5, 11, Some(Qualifier::AtLeast), None), "the span is 76% 以上");
    }

    #[test]
    fn chao_is_unbounded_above() {
        let a = one("榜单金额超10亿元。");
        assert_eq!((a.qualifier, a.upper), (Some(Qualifier::MoreThan), None));
        assert_eq!(a.start, 4);
    }
}
