//! Scan: finds every figure in a text — number, multiplier, unit or measure word, qualifier —
//! with its exact span, value and bounds, and tells apart the numerals that are not figures.
//!
//! The layers, in the order a figure is read: a [`number`], a [`range`]'s second end, the
//! [`unit`](mod@unit) or measure word (with [`date`] and [`rank`] forms), the [`qualifier`]s and the
//! [`bounds`](mod@bounds) they imply, then the figure's [`role`] from the words before it; [`non_figure`]
//! names what is not a figure. Word lists come from [`crate::lexicon`].
//!
//! Pure and total: works on the folded chars of a [`Text`], does no IO, never panics, and must
//! never link figures to each other (that is [`crate::link`]). A number that cannot be
//! represented exactly becomes a [`Rejected`] entry, not an error.

use rust_decimal::Decimal;

use std::sync::LazyLock;

use crate::document::{Folded, LOOK_BACK, Text, one_of};
use crate::lexicon::CharSet;
use crate::lexicon::non_figure::NAMES;
use crate::lexicon::numerals::HALVES;
use crate::lexicon::qualifiers::APPROXIMATIONS;
use crate::lexicon::ranks::FIRST_PLACE;
use crate::lexicon::units::{DOUBLINGS, PER_WORDS};
use crate::numerals::{is_chinese_numeral_char, last_significant_unit};
use crate::records::{Kind, Qualifier, Role, Unit};

pub mod bounds;
pub mod date;
pub mod non_figure;
pub mod number;
pub mod qualifier;
pub mod range;
pub mod rank;
pub mod role;
pub mod unit;

pub use bounds::bounds;
use number::Number;

/// A figure as found in the text, before it is tied to a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub value: Decimal,
    pub unit: Unit,
    pub kind: Kind,
    pub measure_word: Option<&'static str>,
    /// Where the unit is written (chars), for a unit kept as written (`Unit::Other`).
    pub unit_text: Option<(usize, usize)>,
    pub qualifier: Option<Qualifier>,
    /// None = unbounded.
    pub lower: Option<Decimal>,
    pub upper: Option<Decimal>,
    pub projected: bool,
    pub role: Role,
}

/// Why a numeral in the text is not a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotFigure {
    /// A name or code with digits: 5G, 03专项, 2+6+N, 〔2021〕.
    Code,
    /// A list marker: 一是, 1、, (一).
    Marker,
    /// An ordinal that is not a rank: 第一, 第二个.
    Ordinal,
    /// A numeral inside a word, or with no unit or measure word: 一批, 九江, 十城.
    Word,
    /// A named term with a numeral: 十三五, 九年义务教育, 党的二十大, a quoted slogan (“两个翻番”).
    Name,
    /// A numeral inside a title in 《》: 《科技创新三年行动方案》.
    Title,
    /// A number that cannot be represented exactly (more than 28 digits).
    Overflow,
    /// A page number or a running header's numeral, left out with a page break inside a
    /// sentence of a hard-wrapped text.
    Page,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub start: usize,
    pub end: usize,
    pub why: NotFigure,
}

#[derive(Debug, Default)]
pub struct Scan {
    pub figures: Vec<Found>,
    pub rejected: Vec<Rejected>,
}

impl Found {
    /// An exact level: bounds equal to the value, no qualifier.
    fn exact(start: usize, end: usize, value: Decimal, unit: Unit, kind: Kind) -> Found {
        Found {
            start,
            end,
            value,
            unit,
            kind,
            measure_word: None,
            unit_text: None,
            qualifier: None,
            lower: Some(value),
            upper: Some(value),
            projected: false,
            role: Role::Level,
        }
    }
}

/// Where the stretch of text holding char `at` starts: just after the last of `breaks` before it,
/// at most [`LOOK_BACK`] chars back. Clause and sentence starts, which every figure asks for,
/// come from [`Folded`]'s index instead; this walk is for the rarer sets (a semicolon's part).
pub fn look_back(f: &[char], at: usize, breaks: &[char]) -> usize {
    let floor = at.saturating_sub(LOOK_BACK);
    let is_break = one_of(breaks);
    f[floor..at].iter().rposition(is_break).map_or(floor, |p| floor + p + 1)
}

/// `j` past the spaces PDF-to-text may leave inside a figure (2025年 3 月18日, 76% 以上).
pub(super) fn past_spaces(f: &[char], j: usize) -> usize {
    j + f[j.min(f.len())..].iter().take_while(|&&c| c == ' ').count()
}

/// `j` back before the spaces PDF-to-text may leave inside a figure (第 7位, 如表 2).
pub(super) fn before_spaces(f: &[char], j: usize) -> usize {
    j - f[..j].iter().rev().take_while(|&&c| c == ' ').count()
}

/// Finds every figure in `text`.
pub fn scan(text: &Text) -> Scan {
    let f = &text.folded;
    let mut scan = Scan::default();
    let mut i = 0;
    let starts: &Starts = &STARTS;
    while i < f.len() {
        if !starts.may_start(f[i]) {
            i += 1;
            continue;
        }
        match at(f, i, &scan.figures) {
            Step::Figure(found) => {
                i = found.end;
                scan.figures.push(found);
            }
            Step::Reject(r) => {
                i = r.end.max(i + 1);
                scan.rejected.push(r);
            }
            Step::Skip => i += 1,
        }
    }
    scan
}

enum Step {
    Figure(Found),
    Reject(Rejected),
    Skip,
}

/// Whether `s` starts at char `i` (the linker asks it too).
pub(crate) fn starts_with(f: &Folded, i: usize, s: &str) -> bool {
    (i..).zip(s.chars()).all(|(k, c)| f.get(k) == Some(&c))
}

/// Where `s` ends when it starts at char `i` with spaces or tabs between its chars, as
/// PDF-to-text leaves a word (百 分 之); spaces after it are passed over too.
fn spaced_end(f: &Folded, i: usize, s: &str) -> Option<usize> {
    let gap = |k: usize| (k..f.len()).find(|&j| !matches!(f[j], ' ' | '\t')).unwrap_or(f.len());
    let mut k = i;
    for (n, c) in s.chars().enumerate() {
        if n > 0 {
            k = gap(k);
        }
        (f.get(k) == Some(&c)).then_some(())?;
        k += 1;
    }
    Some(gap(k))
}

/// Whether `c` joins listed numbers: 、 between them, 和, 及 or 与 before the last (3.6、7.3和9.1个
/// 百分点, 第17、37和88位).
pub(crate) fn joins_list(c: char) -> bool {
    matches!(c, '、' | '和' | '及' | '与')
}

/// Whether the word `s` occurs anywhere in `chars`.
pub(crate) fn holds_word(chars: &[char], s: &str) -> bool {
    chars.windows(len(s)).any(|w| w.iter().copied().eq(s.chars()))
}

/// Whether `s` ends at char `end`.
pub(crate) fn ends_with(f: &Folded, end: usize, s: &str) -> bool {
    // Compared backwards, so the word's length in chars need not be counted first.
    let Some(head) = f.get(..end) else { return false };
    let mut before = head.iter().rev();
    s.chars().rev().all(|c| before.next() == Some(&c))
}

fn len(s: &str) -> usize {
    s.chars().count()
}

/// The words that open the special forms: 百分之, 翻, 上, 数, 首位, 一半 ….
fn special_words() -> impl Iterator<Item = &'static str> {
    let words = PER_WORDS.iter().map(|p| p.word).chain(DOUBLINGS.iter().map(|d| d.word)).chain(APPROXIMATIONS.iter().map(|a| a.word));
    words.chain(FIRST_PLACE.iter().map(|w| w.word)).chain(HALVES.iter().map(|h| h.word))
}

/// The first chars of [`special_words`]: most numerals start none of them, and pass on one bit.
static SPECIAL_FIRSTS: LazyLock<CharSet> = LazyLock::new(|| CharSet::new(special_words().filter_map(|w| w.chars().next())));

/// Figures written without a plain number first: 百分之二十, 翻一番, 上亿, 数十, 首位, 一半.
fn special(f: &Folded, i: usize) -> Option<Found> {
    if !SPECIAL_FIRSTS.contains(f[i]) {
        return None;
    }
    unit::per_word(f, i)
        .or_else(|| unit::doubling(f, i))
        .or_else(|| qualifier::approximation(f, i))
        .or_else(|| rank::first_place(f, i))
        .or_else(|| number::half(f, i))
}

/// numeral, or the first char of a special form or a name. Qualifiers are found looking back.
fn may_start(c: char) -> bool {
    static NAME_FIRSTS: LazyLock<CharSet> = LazyLock::new(|| CharSet::new(NAMES.iter().filter_map(|w| w.word.chars().next())));
    c.is_ascii_digit() || c == '.' || is_chinese_numeral_char(c) || SPECIAL_FIRSTS.contains(c) || NAME_FIRSTS.contains(c)
}

/// [`may_start`] with its answers for every char below the end of the CJK block (ASCII, CJK
/// punctuation, ideographs: nearly every char of a text) kept in a bitmap, as the scan asks it of
/// every char.
struct Starts {
    bits: Vec<u64>,
}

const STARTS_END: u32 = 0xA000;

impl Starts {
    fn new() -> Starts {
        let mut bits = vec![0u64; STARTS_END as usize / 64];
        for c in (0..STARTS_END).filter_map(char::from_u32).filter(|&c| may_start(c)) {
            bits[c as usize / 64] |= 1 << (c as usize % 64);
        }
        Starts { bits }
    }

    fn may_start(&self, c: char) -> bool {
        match self.bits.get(c as usize / 64) {
            Some(word) => word & (1 << (c as usize % 64)) != 0,
            None => may_start(c),
        }
    }
}

static STARTS: LazyLock<Starts> = LazyLock::new(Starts::new);

fn at(f: &Folded, i: usize, before: &[Found]) -> Step {
    if let Some(r) = non_figure::name_span(f, i).or_else(|| non_figure::congress_span(f, i)) {
        return Step::Reject(r);
    }
    if let Some(mut found) = special(f, i) {
        // 百分之二十以上, 超过百分之五十, 近一半: a qualifier after or before applies to the
        // special forms too.
        let qualified = if found.qualifier.is_some() {
            None
        } else if let Some((q, len)) = qualifier::suffix(f, found.end) {
            found.end += len;
            Some(q)
        } else if let Some((q, first)) = qualifier::prefix(f, found.start, before.last().map_or(0, |b| b.end)) {
            found.start = first;
            Some(q)
        } else {
            None
        };
        if let Some(q) = qualified {
            found.qualifier = Some(q);
            (found.lower, found.upper) = bounds(q, found.value, last_significant_unit(found.value));
        }
        return figure(f, found, before);
    }
    let n = match number::read(f, i) {
        // A numeral char that starts no number (百姓, 千兆, 万众) is a word.
        None if is_chinese_numeral_char(f[i]) => return Step::Reject(Rejected { start: i, end: i + 1, why: NotFigure::Word }),
        None => return Step::Skip,
        Some(Err(r)) => return Step::Reject(r),
        Some(Ok(n)) => n,
    };
    if let Some(r) = non_figure::code_span(f, &n).or_else(|| non_figure::marker_span(f, &n)) {
        return Step::Reject(r);
    }
    let n = number::with_sign(f, n);
    if let Some(r) = non_figure::code_span(f, &n) {
        return Step::Reject(r);
    }
    match figure_from(f, &n, before.last().map_or(0, |b| b.end)) {
        Ok(found) => figure(f, found, before),
        Err(why) => Step::Reject(Rejected { start: n.start, end: n.end, why }),
    }
}

/// A figure found at the scan's position, unless a title or a quoted slogan encloses it.
fn figure(f: &Folded, found: Found, before: &[Found]) -> Step {
    match non_figure::enclosed(f, &found) {
        Some(why) => Step::Reject(Rejected { start: found.start, end: found.end, why }),
        None => Step::Figure(role::finish(f, found, before)),
    }
}

/// A figure as it is read around its number: its span so far, its value and the unit of its
/// last significant digit, and the bounds and qualifier read so far.
#[derive(Debug, Clone)]
struct Draft {
    start: usize,
    end: usize,
    value: Decimal,
    ulp: Decimal,
    qualifier: Option<Qualifier>,
    lower: Option<Decimal>,
    upper: Option<Decimal>,
    /// Where the 第 of an ordinal (第3) stands: such a number can only be a rank.
    ordinal: Option<usize>,
    /// Two ends were read (3至5个).
    range: bool,
    /// 余 or 多 stood right after the number (250余亿元).
    inner_more: bool,
    /// Where a unit kept as written stands (see [`Found::unit_text`]).
    unit_text: Option<(usize, usize)>,
}

impl Draft {
    /// Applies `op` to the value, the unit of its last digit and the bounds read so far (a
    /// range's ends), which a unit rescales together (3‰—5‰, 七成).
    fn each_amount(&mut self, op: impl Fn(&mut Decimal)) {
        for v in [Some(&mut self.value), Some(&mut self.ulp), self.lower.as_mut(), self.upper.as_mut()].into_iter().flatten() {
            op(v);
        }
    }
}

/// Builds the figure around a number: range, inner qualifier, unit, rank and date forms, bounds;
/// its prefix qualifier starts no earlier than `floor`.
fn figure_from(f: &Folded, n: &Number, floor: usize) -> Result<Found, NotFigure> {
    let whole = number::whole_form(f, n)?;
    // An approximate number (三四, 十几) is a range of its own.
    let mut d = Draft {
        start: n.start,
        end: n.end,
        value: n.value,
        ulp: qualifier::written_ulp(f, n),
        qualifier: n.high.map(|_| Qualifier::Range),
        lower: n.high.map(|_| n.value),
        upper: n.high,
        ordinal: rank::ordinal_at(f, n),
        range: n.high.is_some(),
        inner_more: false,
        unit_text: None,
    };
    let (unit, kind, measure_word) = match whole {
        Some((value, end, reading)) => {
            (d.value, d.ulp, d.end) = (value, last_significant_unit(value), end);
            reading
        }
        None => {
            range::second_end(f, n, &mut d)?;
            qualifier::inner_more(f, &mut d)?;
            let reading = unit::read(f, n, &mut d)?;
            number::after_unit(f, n, &mut d, reading.1);
            reading
        }
    };
    non_figure::check(f, n, &d, kind)?;
    qualifier::around(f, &mut d, kind, floor);
    let Draft { start, end, value, qualifier, lower, upper, unit_text, .. } = d;
    // A fraction is a part of a whole (三分之一).
    let role = if whole.is_some() && kind == Kind::Percent { Role::Share } else { Role::Level };
    Ok(Found { start, end, value, unit, kind, measure_word, unit_text, qualifier, lower, upper, projected: false, role })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one figure in `s`.
    pub(super) fn one(s: &str) -> Found {
        let figures = scan(&Text::new(s)).figures;
        assert_eq!(figures.len(), 1, "{s}: {figures:?}");
        figures.into_iter().next().unwrap()
    }

    /// The text of every figure in `s`.
    pub(super) fn surface(s: &str) -> Vec<String> {
        let t = Text::new(s);
        scan(&t).figures.iter().map(|x| t.slice(x.start, x.end)).collect()
    }

    #[test]
    fn two_percentages_written_out_make_a_range_unless_a_change_went_between_them() {
        let r = one("年均增长百分之五到百分之八。");
        assert_eq!((r.value, r.upper, r.qualifier), (Decimal::from(5), Some(Decimal::from(8)), Some(crate::records::Qualifier::Range)));
        assert_eq!(surface("比重从百分之五提高到百分之八。"), ["百分之五", "百分之八"]);
    }

    #[test]
    fn a_percentage_spaced_out_by_a_pdf_is_read() {
        assert_eq!(surface("占比为百 分 之 二 十。"), ["百 分 之 二 十"]);
        assert_eq!(surface("占比为百分之 2.4。"), ["百分之 2.4"]);
    }

    #[test]
    fn may_start_admits_every_word_that_starts_a_figure_or_a_name() {
        // may_start is a quick test on one char; these are the words it must let through.
        for w in NAMES.iter().map(|w| w.word).chain(special_words()) {
            assert!(w.chars().next().is_some_and(may_start), "{w}");
        }
    }
}
