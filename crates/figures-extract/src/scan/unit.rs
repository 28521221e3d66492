//! Unit: the unit or measure word after a number and what it does to the value (亿元, %, ‰ is a
//! tenth, 成 ten times, 个百分点, 家 …), the number standing alone, and the forms that carry their
//! unit in front (百分之二十, 翻一番). Words and normalisations come from
//! [`crate::lexicon::units`]; years, months and dates are [`super::date`]'s, ranks [`super::rank`]'s.

use std::sync::LazyLock;

use crate::document::Folded;
use crate::lexicon::Lexicon;
use rust_decimal::Decimal;

use super::number::{self, Number};
use super::{Draft, Found, NotFigure, date, holds_word, joins_list, len, non_figure, past_spaces, qualifier, rank, starts_with};
use crate::lexicon::clauses::VALUE_LEADS;
use crate::lexicon::units::{DOUBLINGS, MONEY_NOUNS, PER_WORDS, UNIT_LEXICON, UnitWord};
use crate::numerals::{self, large_unit, last_significant_unit, small_unit};
use crate::records::{Kind, Role, Unit};

/// What a figure measures: its unit, kind and measure word.
pub(super) type Reading = (Unit, Kind, Option<&'static str>);

/// The unit or measure word at `j`, longest first.
pub(super) fn at(f: &Folded, j: usize) -> Option<(UnitWord, &'static str)> {
    UNIT_LEXICON.starting_at(f, j).next().map(|(w, u)| (u, w))
}

/// Reads the unit after the number (a space may stand before it), moving `d`'s end past it and
/// normalising its value; a number with no unit is a year, a rank, a bare number or a word.
pub(super) fn read(f: &Folded, n: &Number, d: &mut Draft) -> Result<Reading, NotFigure> {
    let (unit_start, u, w) = match inside_multipliers(f, n, d) {
        Some(found) => found,
        None => {
            let j = d.end;
            // Spaces as PDF-to-text leaves them (2.4   个百分点).
            let spaces = past_spaces(f, j) - j;
            let space = if spaces > 0 && at(f, j + spaces).is_some() && !d.range { spaces } else { 0 };
            let Some((u, w)) = at(f, j + space) else { return bare(f, n, d) };
            (j + space, u, w)
        }
    };
    d.end = unit_start + len(w);
    // 1.4个/人, 3000元/吨, 42微克/立方米, 1.75件/万人: a unit per unit (per a multiple of one) is a
    // unit of its own, kept as written.
    if f.get(d.end) == Some(&'/') {
        let multiple = usize::from(f.get(d.end + 1).is_some_and(|&c| large_unit(c).is_some() || small_unit(c).is_some()));
        if let Some((_, per)) = at(f, d.end + 1 + multiple) {
            d.end += 1 + multiple + len(per);
            return Ok(other(f, d, unit_start));
        }
    }
    Ok(match u {
        UnitWord::Money(unit) => {
            if unit == Unit::Cny {
                jiao_fen(f, d);
            }
            (unit, Kind::Money, None)
        }
        UnitWord::Jiao => {
            if !n.arabic {
                return Err(NotFigure::Word);
            }
            d.each_amount(|v| *v /= Decimal::TEN);
            (Unit::Cny, Kind::Money, None)
        }
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
        UnitWord::Gram(exp) => {
            let per_kg = Decimal::from(10u64.pow(exp));
            d.each_amount(|v| *v /= per_kg);
            (Unit::Kilogram, Kind::Mass, None)
        }
        UnitWord::Days => (Unit::Days, Kind::Duration, None),
        UnitWord::Months => (Unit::Months, Kind::Duration, None),
        UnitWord::Digits => (Unit::Digits, Kind::DigitCount, None),
        UnitWord::Other { arabic_only } => {
            if arabic_only && !n.arabic {
                return Err(NotFigure::Word);
            }
            other(f, d, unit_start)
        }
        UnitWord::Year => return date::year(f, n, d),
        UnitWord::Month => return date::month(f, d),
        UnitWord::Day => return date::day(f, n, d),
        UnitWord::Measure { arabic_only } => {
            if arabic_only && !n.arabic {
                return Err(NotFigure::Ordinal);
            }
            return measure(f, n, d, w);
        }
    })
}

/// Whether `c` is a multiplier the number reader takes after digits (万, 亿, 千, 百), which may
/// instead be the first char of a unit (12千米, 30万千瓦).
fn is_multiplier(c: char) -> bool {
    large_unit(c).is_some() || small_unit(c).is_some_and(|e| e >= 2)
}

/// A unit that starts among the multipliers the number reader took (12千米, 3.5万千瓦时, 150千瓦):
/// where it starts, what it does and the word. The number is re-read without the chars the unit
/// takes back.
fn inside_multipliers(f: &Folded, n: &Number, d: &mut Draft) -> Option<(usize, UnitWord, &'static str)> {
    if d.range && !n.arabic {
        return None;
    }
    let mut run = d.end;
    while run > n.start + 1 && is_multiplier(f[run - 1]) {
        run -= 1;
    }
    let (k, u, w) = (run..d.end).find_map(|k| at(f, k).filter(|(_, w)| k + len(w) > d.end).map(|(u, w)| (k, u, w)))?;
    if n.arabic {
        let exp: u32 = f[k..d.end].iter().filter_map(|&c| large_unit(c).or_else(|| small_unit(c))).sum();
        let scale = numerals::scale(Decimal::ONE, exp).ok()?;
        d.each_amount(|v| *v /= scale);
    } else {
        let run: String = f[n.start..k].iter().collect();
        d.value = numerals::parse_chinese(&run).ok()?;
        d.ulp = last_significant_unit(d.value);
    }
    Some((k, u, w))
}

/// A unit of measurement kept as written, in its base: the 万 and 亿 before it scale the value as
/// they scale a count's (3.5万千瓦时 is 35000 千瓦时, 23.7万人年 237000 人年), and those that open
/// it move into the value (232.55万元/亩 is 2325500 元/亩).
fn other(f: &Folded, d: &mut Draft, unit_start: usize) -> Reading {
    let mut from = unit_start;
    let mut exp = 0;
    // 兆 opens units of its own (兆瓦 is a megawatt), so only 万 and 亿 scale.
    while from + 1 < d.end
        && matches!(f[from], '万' | '亿')
        && let Some(e) = large_unit(f[from])
    {
        exp += e;
        from += 1;
    }
    if let Ok(scale) = numerals::scale(Decimal::ONE, exp) {
        d.each_amount(|v| *v *= scale);
    }
    d.unit_text = Some((from, d.end));
    (Unit::Other, Kind::Other, None)
}

/// 3元5角, 1元2角5分: the 角 and 分 after 元 add tenths and hundredths to the yuan.
fn jiao_fen(f: &Folded, d: &mut Draft) {
    if d.range {
        return;
    }
    for (word, part) in [('角', Decimal::new(1, 1)), ('分', Decimal::new(1, 2))] {
        let digit = f.get(d.end).and_then(|&c| c.to_digit(10).or_else(|| numerals::chinese_digit(c)));
        let Some(digit) = digit.filter(|_| f.get(d.end + 1) == Some(&word)) else { return };
        d.value += Decimal::from(digit) * part;
        d.ulp = part;
        d.end += 2;
    }
}

/// [`VALUE_LEADS`] as a lexicon, asked before every bare decimal.
static VALUE_LEAD_LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(VALUE_LEADS.iter().map(|w| (w.word, ()))));

/// A number with no unit after it.
fn bare(f: &Folded, n: &Number, d: &mut Draft) -> Result<Reading, NotFigure> {
    if let Some(year) = date::year_before_period(f, n, d).or_else(|| date::bare_year(f, n, d)) {
        return Ok(year);
    }
    if let Some(rank) = rank::after_verb(f, n, d) {
        return Ok(rank);
    }
    if d.ordinal.is_some() {
        return Err(NotFigure::Ordinal);
    }
    if let Some(reading) = listed(f, n, d) {
        return Ok(reading);
    }
    // 工业总产值达12893.5亿: an amount scaled by 万 or 亿 whose clause names money is money, not an
    // index value after 达, nor a number standing alone at the end of a title.
    if n.scaled && led_by_digit(f, n) && money_named(f, n.start) {
        return Ok((Unit::Cny, Kind::Money, None));
    }
    // A qualifier may stand between the lead and the value (年均提高超7.0, 年均提高约4.0).
    let led = |at: usize| VALUE_LEAD_LEXICON.ending_at(f, at).next().is_some();
    let decimal_value = n.arabic
        && f[n.start..n.end].contains(&'.')
        && (led(n.start)
            || qualifier::prefix(f, n.start, 0).is_some_and(|(_, first)| led(first))
            || led(past_year_back(f, n.start))
            || listed_after_decimal(f, n.start));
    if decimal_value {
        return Ok((Unit::Number, Kind::Number, None));
    }
    if number::stands_alone(f, n.start, d.end) {
        // 四百多 given on its own: more than 400, by less than a hundred.
        if f.get(d.end).is_some_and(|c| matches!(c, '多' | '余')) {
            d.end += 1;
            d.inner_more = true;
        }
        return Ok((Unit::Number, Kind::Number, None));
    }
    // 惠及380万群众, 人口一千二百万: a number led by a digit and scaled by 万 or 亿 counts what
    // follows even when no measure word names it (one whose clause names money was read above);
    // one led by a unit is a word (千万, 十万火急, 万一) unless a qualifier makes it an amount of
    // money (成交额超百亿).
    if n.scaled && led_by_digit(f, n) {
        return Ok((Unit::Count, Kind::Count, None));
    }
    if n.scaled && qualifier::prefix(f, n.start, 0).is_some() && money_named(f, n.start) {
        return Ok((Unit::Cny, Kind::Money, None));
    }
    Err(NotFigure::Word)
}

/// Whether the number is led by a digit (380万, 一千二百万), not by a unit (千万, 万一).
fn led_by_digit(f: &Folded, n: &Number) -> bool {
    n.arabic || numerals::chinese_digit(f[n.start]).is_some_and(|d| d > 0)
}

/// Whether the clause before `at` names an amount of money (技术合同成交额, 研发投入).
fn money_named(f: &Folded, at: usize) -> bool {
    let clause = &f[f.clause_start(at)..at];
    MONEY_NOUNS.iter().any(|w| holds_word(clause, w.word))
}

/// An amount with no unit: yuan where its clause names money, a count otherwise.
fn money_or_count(f: &Folded, at: usize) -> Reading {
    if money_named(f, at) { (Unit::Cny, Kind::Money, None) } else { (Unit::Count, Kind::Count, None) }
}

/// Whether a decimal written before `at`, joined by 、 or 和, lists values with it (指数分别达到
/// 296.2、219.0、353.6和189.5): each is a value as the first one is.
fn listed_after_decimal(f: &Folded, at: usize) -> bool {
    let Some(joint) = at.checked_sub(1).filter(|&k| joins_list(f[k])) else { return false };
    let mut number = f[..joint].iter().rev().take_while(|c| c.is_ascii_digit() || **c == '.');
    number.next().is_some_and(char::is_ascii_digit) && number.any(|&c| c == '.')
}

/// Where a year stated before `at` starts (从2015年的21.22, 提升至2020年24.44, 由2019年底的3.5),
/// or `at` when none is.
fn past_year_back(f: &Folded, at: usize) -> usize {
    let mut k = at;
    for tail in ['的', '底', '末'] {
        if k > 0 && f[k - 1] == tail {
            k -= 1;
        }
    }
    if k == 0 || f[k - 1] != '年' {
        return at;
    }
    let digits = f[..k - 1].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    if digits == 4 { k - 1 - digits } else { at }
}

/// Arabic numbers listed with 、 (or 和, 及, 与 before the last) and one unit after the last
/// (3.6、3.6、7.3个百分点, 12.5和13.1亿元, 第17、37和88位): each takes that unit, with the last
/// one's 万 or 亿, and its span stays its own digits.
fn listed(f: &Folded, n: &Number, d: &mut Draft) -> Option<Reading> {
    if !n.arabic || n.scaled {
        return None;
    }
    let mut end = d.end;
    let mut items = 0;
    let exp = loop {
        items += 1;
        if items > LIST_ITEMS_MAX {
            return None;
        }
        if !f.get(end).is_some_and(|&c| joins_list(c)) {
            return None;
        }
        let Some(Ok(next)) = number::read(f, end + 1) else { return None };
        if !next.arabic || next.high.is_some() {
            return None;
        }
        end = next.end;
        // The last one's multipliers, after its digits (13.1亿): they scale every item.
        let digits_end = (next.start..next.end).rev().find(|&k| f[k].is_ascii_digit()).map_or(next.end, |k| k + 1);
        let exp: Option<u32> = f[digits_end..next.end].iter().map(|&c| large_unit(c)).sum();
        if next.scaled && exp.is_none() {
            return None;
        }
        if at(f, end).is_some() {
            break exp.unwrap_or(0);
        }
        if next.scaled {
            return None;
        }
    };
    let mut probe = d.clone();
    probe.end = end;
    if exp > 0 {
        probe.each_amount(|v| *v = numerals::scale(*v, exp).unwrap_or(*v));
    }
    let reading = read(f, n, &mut probe).ok()?;
    *d = Draft { end: d.end, ..probe };
    Some(reading)
}

/// A number before a measure word: a count, unless the word makes it a rank (第3名, 前10位), the
/// places a rank moved (前移4位) or a duration (三个多月).
fn measure(f: &Folded, n: &Number, d: &mut Draft, w: &'static str) -> Result<Reading, NotFigure> {
    if let Some(rank) = rank::measure(f, n, d, w) {
        return Ok(rank);
    }
    if d.ordinal.is_some() {
        return Err(NotFigure::Ordinal);
    }
    // 十大科技成果, 7大亮点: a small count of what follows; not 919大型 (a code's digits before 大型)
    // nor a 大 that nothing follows.
    let counts_what_follows = f.get(d.end).is_some_and(|&c| non_figure::is_cjk(c) && c != '型');
    if w == "大" && (!counts_what_follows || (n.arabic && n.value > Decimal::from(20))) {
        return Err(NotFigure::Word);
    }
    // 近2个亿: a 个 before 亿 only counts the multiplier (2个亿 is 2亿); before 亿元 or 亿级 it counts
    // a magnitude (两个万亿元台阶).
    if w == "个"
        && f.get(d.end) == Some(&'亿')
        && !f.get(d.end + 1).is_some_and(|c| matches!(c, '元' | '级'))
        && let Some(exp) = large_unit('亿')
    {
        d.each_amount(|v| *v = numerals::scale(*v, exp).unwrap_or(*v));
        d.end += 1;
        return Ok(money_or_count(f, n.start));
    }
    if w == "个" && points_listed_after(f, d.end) {
        return Ok((Unit::PercentagePoint, Kind::PercentagePoint, None));
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

/// Whether points follow at `end` in a list whose items each keep their 个 and name 百分点 once,
/// at the last (快48.8个和10.4个百分点, 分别提高1.2个、0.8个百分点).
fn points_listed_after(f: &Folded, mut end: usize) -> bool {
    for _ in 0..LIST_ITEMS_MAX {
        if !f.get(end).is_some_and(|&c| joins_list(c)) {
            return false;
        }
        let Some(Ok(next)) = number::read(f, end + 1) else { return false };
        if !next.arabic || next.scaled {
            return false;
        }
        end = next.end;
        if starts_with(f, end, "个百分点") {
            return true;
        }
        if f.get(end) != Some(&'个') {
            return false;
        }
        end += 1;
    }
    false
}

/// How many items a list sharing one unit is read over: real lists are a few items long, and a
/// bound keeps a hostile run of them (1个、1个、…) from costing each item the whole run.
const LIST_ITEMS_MAX: usize = 64;

/// Extends a figure read without its unit over a unit or measure word that follows it (上亿元,
/// 数十家).
pub(super) fn with_unit(f: &Folded, mut found: Found) -> Found {
    match at(f, found.end) {
        Some((UnitWord::Money(u), w)) => {
            found.unit = u;
            found.kind = Kind::Money;
            found.end += len(w);
        }
        Some((UnitWord::Measure { .. }, w)) => {
            found.measure_word = Some(w);
            found.end += len(w);
        }
        Some((UnitWord::Times, w)) => {
            (found.unit, found.kind) = (Unit::Times, Kind::Multiple);
            found.end += len(w);
        }
        _ => {}
    }
    found
}

/// 百分之二十, 千分之五: a percentage written with its unit in front.
pub(super) fn per_word(f: &Folded, i: usize) -> Option<Found> {
    // Written whole or, out of a PDF, spaced (百 分 之 二 十).
    let (p, at) = PER_WORDS.iter().find_map(|p| super::spaced_end(f, i, p.word).map(|end| (p, end)))?;
    // The sign may stand before the word or after it: 负百分之二, 百分之负三点八.
    let inner = f.get(at).is_some_and(|&c| number::is_sign(c));
    let Some(Ok(n)) = number::read(f, at + usize::from(inner)) else { return None };
    let outer = !inner && number::signed(f, i);
    let value = n.value * p.to_percent;
    let start = if outer { i - 1 } else { i };
    let mut found = Found::exact(start, n.end, if inner || outer { -value } else { value }, Unit::Percent, Kind::Percent);
    // 百分之五到百分之八: a range of two, unless a 从 or 由 before makes it where a change went.
    let sep = f.get(n.end).filter(|c| super::range::RANGE_SEPARATORS.contains(c));
    let changed = || f[f.clause_start(start)..start].iter().any(|c| matches!(c, '从' | '由'));
    if let Some(sep) = sep
        && (!matches!(sep, '至' | '到') || !changed())
        && let Some(second) = per_word(f, n.end + 1).filter(|s| s.value > found.value && s.lower == Some(s.value))
    {
        (found.end, found.upper, found.qualifier) = (second.end, Some(second.value), Some(crate::records::Qualifier::Range));
    }
    Some(found)
}

/// 翻一番, 翻两番: a doubling phrase, a multiple and a change.
pub(super) fn doubling(f: &Folded, i: usize) -> Option<Found> {
    let d = DOUBLINGS.iter().find(|d| starts_with(f, i, d.word))?;
    let mut found = Found::exact(i, i + len(d.word), Decimal::from(d.times), Unit::Times, Kind::Multiple);
    found.role = Role::Change;
    // 翻了一番多: more than doubled, short of the next doubling.
    if f.get(found.end) == Some(&'多') {
        found.end += 1;
        found.qualifier = Some(crate::records::Qualifier::MoreThan);
        found.upper = Some(found.value * Decimal::TWO);
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use crate::document::Text;
    use crate::records::Unit;
    use crate::scan::scan;

    fn units(s: &str) -> Vec<Unit> {
        scan(&Text::new(s)).figures.iter().map(|x| x.unit).collect()
    }

    #[test]
    fn a_list_shares_its_last_unit_over_a_bounded_run_of_items() {
        assert_eq!(units("分别提高1.2个、0.8个和0.5个百分点。"), [Unit::PercentagePoint; 3]);
        // Past LIST_ITEMS_MAX items the first is no longer read as one of the list's.
        let long = format!("提高{}0.5个百分点。", "1个、".repeat(super::LIST_ITEMS_MAX + 1));
        assert_eq!(units(&long).first(), Some(&Unit::Count));
    }
}
