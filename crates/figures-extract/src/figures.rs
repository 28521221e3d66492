//! Figures: finds every figure in a text — number, multiplier, unit or measure word, qualifier —
//! with its exact span, value and bounds, and tells apart the numerals that are not figures.
//!
//! Pure and total: works on the folded chars of a [`Text`], does no IO, never panics. A number
//! that cannot be represented exactly becomes a [`Rejected`] entry, not an error.

use std::sync::LazyLock;

use rust_decimal::Decimal;

use crate::document::{Text, one_of};
use crate::lexicon::non_figure::NAME_LEXICON;
use crate::lexicon::ranks::{self, RankWord};
use crate::lexicon::units::{UNIT_LEXICON, UnitWord};
use crate::lexicon::{Lexicon, qualifiers, verbs};
use crate::numerals::{self, NumeralError, is_chinese_numeral_char, large_unit, last_significant_unit, scale, small_unit};
use crate::records::{Kind, Qualifier, Role, Unit};

/// A figure as found in the text, before it is tied to a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub value: Decimal,
    pub unit: Unit,
    pub kind: Kind,
    pub measure_word: Option<&'static str>,
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
    /// A named term with a numeral: 十三五, 九年义务教育.
    Name,
    /// A number that cannot be represented exactly (more than 28 digits).
    Overflow,
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

const RANGE_SEPARATORS: [char; 8] = ['至', '到', '-', '—', '–', '～', '~', '〜'];
/// Clause ends, as they appear in the folded text (full-width ，；：！？ are ASCII there).
pub const CLAUSE_BREAKS: [char; 7] = [',', ';', '。', ':', '\n', '!', '?'];
/// How far before 首位 a ranking verb may stand (居全国第7位、中部首位).
const RANK_REACH: usize = 12;
/// Words that may stand between a keyword and its figure without breaking the link.
const FILLER: [&str; 14] = ["同比", "依次", "分别", "各自", "各", "了", "高达", "达到", "达", "为", "是", "从", "由", " "];

/// How far back a clause or sentence is looked for. Real clauses are far shorter; the cap keeps a
/// text without punctuation (one 200 MB line, say) linear instead of quadratic.
const LOOK_BACK: usize = 400;

/// Where the clause (or sentence) holding char `at` starts: just after the last of `breaks`
/// before it, at most [`LOOK_BACK`] chars back.
pub fn look_back(f: &[char], at: usize, breaks: &[char]) -> usize {
    let floor = at.saturating_sub(LOOK_BACK);
    let is_break = one_of(breaks);
    f[floor..at].iter().rposition(is_break).map_or(floor, |p| floor + p + 1)
}

/// Finds every figure in `text`.
pub fn scan(text: &Text) -> Scan {
    let f = &text.folded;
    let mut scan = Scan::default();
    let mut i = 0;
    while i < f.len() {
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

fn starts_with(f: &[char], i: usize, s: &str) -> bool {
    (i..).zip(s.chars()).all(|(k, c)| f.get(k) == Some(&c))
}

fn ends_with(f: &[char], end: usize, s: &str) -> bool {
    // Compared backwards, so the word's length in chars need not be counted first.
    let Some(head) = f.get(..end) else { return false };
    let mut before = head.iter().rev();
    s.chars().rev().all(|c| before.next() == Some(&c))
}

fn len(s: &str) -> usize {
    s.chars().count()
}

/// A number as written, before units: `mantissa` already includes its own multipliers.
#[derive(Debug, Clone)]
struct Number {
    start: usize,
    end: usize,
    value: Decimal,
    arabic: bool,
    /// A multiplier (万, 亿) was written as part of the number.
    scaled: bool,
    /// Power of ten of the multipliers at the end of the number (20万 → 4), to share with a range's
    /// first end when only the second carries them (10-15亿元).
    trailing_exp: u32,
    /// Written only with digits and no decimal point or multiplier (for years).
    plain_integer: bool,
    /// The lone numeral 一, which is usually an article (一批, 一家) rather than a figure.
    lone_one: bool,
}

/// Where the Arabic number (digits, `,` separators, one decimal point) starting at `i` ends.
fn read_arabic(f: &[char], i: usize) -> Option<usize> {
    let mut j = i;
    let mut seen_point = false;
    while j < f.len() {
        let c = f[j];
        let separator = c == ','
            && j > i
            && f.get(j + 1..j + 4).is_some_and(|g| g.iter().all(char::is_ascii_digit))
            && !f.get(j + 4).is_some_and(char::is_ascii_digit);
        let point = c == '.' && j > i && !seen_point && f.get(j + 1).is_some_and(char::is_ascii_digit);
        if !(c.is_ascii_digit() || separator || point) {
            break;
        }
        seen_point |= point;
        j += 1;
    }
    (j > i).then_some(j)
}

/// Reads the multipliers written right after a mantissa (万, 亿, 千, 百; 万亿).
fn read_multipliers(f: &[char], mut j: usize) -> (u32, usize) {
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

fn read_number(f: &[char], i: usize) -> Option<Result<Number, Rejected>> {
    let c = *f.get(i)?;
    if c.is_ascii_digit() {
        let mut value = Decimal::ZERO;
        let mut j = i;
        let mut scaled = false;
        let mut trailing_exp = 0;
        let mut plain_integer = true;
        // 5万4千: Arabic segments, each with its multipliers, summed.
        while let Some(k) = read_arabic(f, j) {
            let digits = &f[j..k];
            let (exp, m) = read_multipliers(f, k);
            let seg = numerals::parse_arabic_chars(digits).and_then(|v| scale(v, exp));
            let seg = match seg {
                Ok(v) => v,
                Err(_) => return Some(Err(Rejected { start: i, end: m, why: NotFigure::Overflow })),
            };
            value = match value.checked_add(seg) {
                Some(v) => v,
                None => return Some(Err(Rejected { start: i, end: m, why: NotFigure::Overflow })),
            };
            plain_integer &= !digits.contains(&'.') && !digits.contains(&',') && exp == 0;
            scaled |= exp > 0;
            trailing_exp = exp;
            j = m;
            if exp == 0 || !f.get(j).is_some_and(char::is_ascii_digit) {
                break;
            }
        }
        return Some(Ok(Number { start: i, end: j, value, arabic: true, scaled, trailing_exp, plain_integer, lone_one: false }));
    }
    // A lone 百, 千, 万 or 亿 is a word (百姓, 千兆, 万众) unless a qualifier puts it to use: 近百亿元.
    let qualified = i > 0 && matches!(f[i - 1], '近' | '超' | '逾' | '约' | '破' | '达');
    let lone_unit = large_unit(c).is_some() || matches!(small_unit(c), Some(2 | 3));
    if !is_chinese_numeral_char(c) || (lone_unit && !qualified) {
        return None;
    }
    let mut j = i;
    while f.get(j).is_some_and(|&c| is_chinese_numeral_char(c)) {
        j += 1;
    }
    let run: String = f[i..j].iter().collect();
    let integer = match numerals::parse_chinese(&run) {
        Ok(v) => v,
        Err(NumeralError::Overflow) => return Some(Err(Rejected { start: i, end: j, why: NotFigure::Overflow })),
        Err(NumeralError::Malformed) => return Some(Err(Rejected { start: i, end: j, why: NotFigure::Word })),
    };
    // 三点五, 一百二十三点四五, 三点五亿: 点 then digits is a decimal point, and multipliers may follow.
    let point = f.get(j) == Some(&'点') && large_unit(f[j - 1]).is_none();
    let digits = if point { f[j + 1..].iter().take_while(|&&c| numerals::chinese_digit(c).is_some()).count() } else { 0 };
    if digits > 0 {
        let fraction: String = f[j + 1..j + 1 + digits]
            .iter()
            .map(|&c| char::from_digit(numerals::chinese_digit(c).unwrap_or(0), 10).unwrap_or('0'))
            .collect();
        let (exp, end) = read_multipliers(f, j + 1 + digits);
        let value = numerals::parse_arabic(&format!("{integer}.{fraction}")).and_then(|v| scale(v, exp));
        return Some(match value {
            Ok(value) => Ok(Number {
                start: i,
                end,
                value,
                arabic: false,
                scaled: exp > 0,
                trailing_exp: exp,
                plain_integer: false,
                lone_one: false,
            }),
            Err(_) => Err(Rejected { start: i, end, why: NotFigure::Overflow }),
        });
    }
    Some(Ok(Number {
        start: i,
        end: j,
        value: integer,
        arabic: false,
        scaled: f[i..j].iter().any(|&c| large_unit(c).is_some()),
        trailing_exp: f[i..j].iter().rev().map_while(|&c| large_unit(c)).sum(),
        plain_integer: f[i..j].iter().all(|&c| numerals::chinese_digit(c).is_some()) && j - i == 4,
        lone_one: j - i == 1 && integer == Decimal::ONE,
    }))
}

/// A minus sign (-, −, 负) right before the number, not part of a range or a code, makes it
/// negative (增长-3.2%, 负一百).
fn with_sign(f: &[char], mut n: Number) -> Number {
    let Some(s) = n.start.checked_sub(1) else { return n };
    let sign = matches!(f[s], '-' | '−' | '负');
    let joined = s > 0 && (f[s - 1].is_ascii_alphanumeric() || is_chinese_numeral_char(f[s - 1]) || matches!(f[s - 1], '%' | '月' | '年'));
    if sign && !joined {
        n.start = s;
        n.value = -n.value;
    }
    n
}

/// Whether the number is all its clause says: nothing but spaces between it and the clause's
/// ends (a numeral given on its own, as in a list of values or a bare query).
fn stands_alone(f: &[char], n: &Number) -> bool {
    let blank = |c: &char| c.is_whitespace() || matches!(c, '、' | '“' | '”' | '"');
    let before = f[..n.start].iter().rev().take_while(|c| !CLAUSE_BREAKS.contains(c)).all(blank);
    let after = f[n.end..].iter().take_while(|c| !CLAUSE_BREAKS.contains(c)).all(blank);
    before && after
}

static FILLERS: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(FILLER.iter().map(|&w| (w, ()))));

/// The unit or measure word at `j`, longest first.
fn unit_at(f: &[char], j: usize) -> Option<(UnitWord, &'static str)> {
    UNIT_LEXICON.starting_at(f, j).next().map(|(w, u)| (u, w))
}

/// The qualifier written just before `start`, never reaching back before `floor` (the end of the
/// figure before): in 五大约亿元, 大 is 五's measure word, so 约 alone could qualify 亿元, not 大约.
fn prefix_qualifier(f: &[char], start: usize, floor: usize) -> Option<(Qualifier, usize)> {
    qualifiers::BEFORE.ending_at(f, start).find_map(|(w, q)| {
        let first = start.checked_sub(len(w)).filter(|&first| first >= floor)?;
        let blocked = len(w) == 1 && first > 0 && q.not_after.contains(f[first - 1]);
        (!blocked).then_some((q.qualifier, first))
    })
}

fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '_' || c == '/'
}

/// Arabic numbers glued to Latin letters or `+` are codes (5G, COVID-19, 2+6+N, 03专项).
fn code_span(f: &[char], n: &Number) -> Option<Rejected> {
    if !n.arabic {
        return None;
    }
    let before = n.start.checked_sub(1).map(|k| f[k]);
    let before2 = n.start.checked_sub(2).map(|k| f[k]);
    let after = f.get(n.end).copied();
    let letter_before = before.is_some_and(|c| c.is_ascii_alphabetic())
        || (matches!(before, Some('-' | '_')) && before2.is_some_and(|c| c.is_ascii_alphabetic()));
    let glued = letter_before
        || after.is_some_and(|c| c.is_ascii_alphabetic())
        || before == Some('+')
        || (after == Some('+') && f.get(n.end + 1).is_some_and(|&c| c.is_ascii_alphanumeric()));
    let leading_zero = f[n.start] == '0' && f.get(n.start + 1).is_some_and(char::is_ascii_digit);
    let bracketed = matches!(before, Some('〔' | '[' | '(')) && matches!(after, Some('〕' | ']' | ')')) && n.plain_integer;
    if !(glued || leading_zero || bracketed) {
        return None;
    }
    let mut s = n.start;
    let mut e = n.end;
    if glued {
        while s > 0 && is_code_char(f[s - 1]) {
            s -= 1;
        }
        while e < f.len() && is_code_char(f[e]) {
            e += 1;
        }
    }
    Some(Rejected { start: s, end: e, why: NotFigure::Code })
}

fn line_start(f: &[char], i: usize) -> bool {
    f[..i].iter().rev().take_while(|&&c| c != '\n').all(|c| c.is_whitespace())
}

fn marker_span(f: &[char], n: &Number) -> Option<Rejected> {
    let after = f.get(n.end).copied();
    let before = n.start.checked_sub(1).map(|k| f[k]);
    let is_marker = (after == Some('是') && !n.arabic && n.value < Decimal::from(20))
        || (after == Some('、') && (!n.arabic || line_start(f, n.start)))
        || (after == Some('.') && line_start(f, n.start))
        || (before == Some('(') && after == Some(')'));
    is_marker.then(|| Rejected { start: n.start, end: n.end + 1, why: NotFigure::Marker })
}

fn name_span(f: &[char], i: usize) -> Option<Rejected> {
    NAME_LEXICON.starting_at(f, i).next().map(|(w, _)| Rejected { start: i, end: i + len(w), why: NotFigure::Name })
}

/// The trailing qualifier at `end` (以上, 左右 …) and its length in chars.
fn suffix_qualifier(f: &[char], end: usize) -> Option<(Qualifier, usize)> {
    qualifiers::AFTER.starting_at(f, end).next().map(|(w, q)| (q.qualifier, len(w)))
}

/// Figures written without a plain number first: 百分之二十, 三分之一, 翻一番, 上亿, 数十, 首位.
fn special(f: &[char], i: usize) -> Option<Found> {
    let base = |start, end, value, unit, kind| Found {
        start,
        end,
        value,
        unit,
        kind,
        measure_word: None,
        qualifier: None,
        lower: Some(value),
        upper: Some(value),
        projected: false,
        role: Role::Level,
    };
    for (w, per) in [("百分之", Decimal::ONE), ("千分之", Decimal::new(1, 1))] {
        if starts_with(f, i, w)
            && let Some(Ok(n)) = read_number(f, i + 3)
        {
            return Some(base(i, n.end, n.value * per, Unit::Percent, Kind::Percent));
        }
    }
    if f[i] == '翻' {
        for (w, v) in [("翻一番", 2), ("翻了一番", 2), ("翻两番", 4), ("翻了两番", 4), ("翻三番", 8), ("翻番", 2)] {
            if starts_with(f, i, w) {
                let mut found = base(i, i + len(w), Decimal::from(v), Unit::Times, Kind::Multiple);
                found.role = Role::Change;
                return Some(found);
            }
        }
    }
    if matches!(f[i], '上' | '数' | '几')
        && let Some(&m) = f.get(i + 1)
        && let Some(exp) = large_unit(m).or_else(|| small_unit(m))
        && f.get(i + 2).is_none_or(|&c| numerals::chinese_digit(c).is_none())
        && (f[i] != '上' || exp >= 2)
    {
        let (more, end) = read_multipliers(f, i + 2);
        let unit = scale(Decimal::ONE, exp + more).ok()?;
        let (value, qualifier, upper) = if f[i] == '上' {
            (unit, Qualifier::AtLeast, None)
        } else {
            (unit * Decimal::TWO, Qualifier::Several, Some(unit * Decimal::TEN))
        };
        let mut found = base(i, end, value, Unit::Count, Kind::Count);
        found.qualifier = Some(qualifier);
        found.upper = upper;
        return Some(with_unit(f, found));
    }
    // 居全国首位, 居全国第7位、中部首位: a ranking verb earlier in the clause, a few words back.
    if !starts_with(f, i, "首位") {
        return None;
    }
    let clause_start = look_back(f, i, &CLAUSE_BREAKS);
    let ranked = ranks::doing(RankWord::Ranks).any(|v| (clause_start.max(i.saturating_sub(RANK_REACH))..i).any(|k| starts_with(f, k, v)));
    ranked.then(|| base(i, i + 2, Decimal::ONE, Unit::Rank, Kind::Rank))
}

/// Extends a special figure over a unit or measure word that follows it (上亿元, 数十家).
fn with_unit(f: &[char], mut found: Found) -> Found {
    match unit_at(f, found.end) {
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

/// Whether a figure, or a span that is rejected as one, can start with `c`: a digit, a Chinese
/// numeral, or the first char of a special form or a name. Qualifiers are found looking back.
fn may_start(c: char) -> bool {
    c.is_ascii_digit() || is_chinese_numeral_char(c) || matches!(c, '翻' | '上' | '数' | '几' | '首' | '双')
}

fn at(f: &[char], i: usize, before: &[Found]) -> Step {
    if !may_start(f[i]) {
        return Step::Skip;
    }
    if let Some(r) = name_span(f, i) {
        return Step::Reject(r);
    }
    if let Some(mut found) = special(f, i) {
        // 百分之二十以上: a trailing qualifier applies to the special forms too.
        if found.qualifier.is_none()
            && let Some((q, len)) = suffix_qualifier(f, found.end)
        {
            found.end += len;
            found.qualifier = Some(q);
            (found.lower, found.upper) = bounds(q, found.value, last_significant_unit(found.value));
        }
        return Step::Figure(finish(f, found, before));
    }
    let n = match read_number(f, i) {
        None => return Step::Skip,
        Some(Err(r)) => return Step::Reject(r),
        Some(Ok(n)) => n,
    };
    if let Some(r) = code_span(f, &n).or_else(|| marker_span(f, &n)) {
        return Step::Reject(r);
    }
    let n = with_sign(f, n);
    if let Some(r) = code_span(f, &n) {
        return Step::Reject(r);
    }
    match figure_from(f, &n, before.last().map_or(0, |b| b.end)) {
        Ok(found) => Step::Figure(finish(f, found, before)),
        Err(why) => Step::Reject(Rejected { start: n.start, end: n.end, why }),
    }
}

/// Builds the figure around a number: range, inner qualifier, unit, rank and date forms, bounds;
/// its prefix qualifier starts no earlier than `floor`.
fn figure_from(f: &[char], n: &Number, floor: usize) -> Result<Found, NotFigure> {
    // 三分之一: a fraction, as a percentage (rounded to 28 significant digits when it does not end).
    if starts_with(f, n.end, "分之")
        && let Some(Ok(part)) = read_number(f, n.end + 2)
    {
        let value =
            part.value.checked_div(n.value).and_then(|v| v.checked_mul(Decimal::ONE_HUNDRED)).ok_or(NotFigure::Overflow)?.normalize();
        return Ok(Found {
            start: n.start,
            end: part.end,
            value,
            unit: Unit::Percent,
            kind: Kind::Percent,
            measure_word: None,
            qualifier: None,
            lower: Some(value),
            upper: Some(value),
            projected: false,
            role: Role::Level,
        });
    }
    let ordinal = n.start > 0 && f[n.start - 1] == '第';
    let mut j = n.end;
    let mut value = n.value;
    let mut ulp = last_significant_unit(value);
    let mut qualifier = None;
    let mut lower = None;
    let mut upper = None;

    // 3至5个, 20万到30万元, 1-5月, 10%—15%: one figure with two ends.
    let mut range_end = None;
    if !ordinal {
        let first_unit = unit_at(f, j).map(|(_, w)| len(w)).unwrap_or(0);
        let sep_at = j + first_unit;
        let dash = |c: &char| !matches!(c, '至' | '到');
        if let Some(sep) = f.get(sep_at)
            && RANGE_SEPARATORS.contains(sep)
            && (first_unit == 0 || dash(sep))
            && let Some(Ok(second)) = read_number(f, sep_at + 1)
            && code_span(f, &second).is_none()
            && let Some((_, w)) = unit_at(f, second.end)
            && (first_unit == 0 || starts_with(f, j, w))
        {
            let first =
                if !n.scaled && second.scaled { scale(n.value, second.trailing_exp).map_err(|_| NotFigure::Overflow)? } else { n.value };
            // Only a rising pair is a range; 5至3 is not one.
            if first < second.value {
                range_end = Some((first, second));
            }
        }
    }
    if let Some((first, second)) = &range_end {
        let first = *first;
        value = first;
        lower = Some(first);
        upper = Some(second.value);
        qualifier = Some(Qualifier::Range);
        j = second.end;
    }

    // 250余亿元, 60多个, 十余年: 余/多 right after the number.
    let mut inner_more = false;
    if range_end.is_none()
        && matches!(f.get(j), Some('余' | '多'))
        && (unit_at(f, j + 1).is_some() || f.get(j + 1).is_some_and(|&c| large_unit(c).is_some()))
    {
        inner_more = true;
        j += 1;
        let (exp, k) = read_multipliers(f, j);
        value = scale(value, exp).map_err(|_| NotFigure::Overflow)?;
        ulp = scale(ulp, exp).map_err(|_| NotFigure::Overflow)?;
        j = k;
    }

    let mut space = 0;
    if f.get(j) == Some(&' ') && unit_at(f, j + 1).is_some() && range_end.is_none() {
        space = 1;
    }
    let unit_word = unit_at(f, j + space);
    let mut start = n.start;
    let (unit, kind, measure_word, mut end) = match unit_word {
        None => {
            // A four-digit year followed by 全年/年度/年末 keeps its span on the digits.
            if n.plain_integer && is_year(value) && ["全年", "年度", "年末", "年底"].iter().any(|w| starts_with(f, j, w)) {
                (Unit::Year, Kind::Year, None, j)
            } else if ordinal && ranks::doing(RankWord::Ranks).any(|v| ends_with(f, n.start - 1, v)) {
                start -= 1;
                (Unit::Rank, Kind::Rank, None, j)
            } else if ordinal {
                return Err(NotFigure::Ordinal);
            } else if stands_alone(f, n) {
                (Unit::Number, Kind::Number, None, j)
            } else {
                return Err(NotFigure::Word);
            }
        }
        Some((u, w)) => {
            let after = j + space + len(w);
            match u {
                UnitWord::Money(unit) => (unit, Kind::Money, None, after),
                UnitWord::Percent => (Unit::Percent, Kind::Percent, None, after),
                UnitWord::PerMille => {
                    // A range's ends scale with the value (3‰—5‰).
                    for v in [Some(&mut value), Some(&mut ulp), lower.as_mut(), upper.as_mut()].into_iter().flatten() {
                        *v /= Decimal::TEN;
                    }
                    (Unit::Percent, Kind::Percent, None, after)
                }
                UnitWord::PercentagePoint => (Unit::PercentagePoint, Kind::PercentagePoint, None, after),
                UnitWord::Cheng => {
                    if value.fract() != Decimal::ZERO || value > Decimal::TEN || n.scaled {
                        return Err(NotFigure::Word);
                    }
                    for v in [Some(&mut value), Some(&mut ulp), lower.as_mut(), upper.as_mut()].into_iter().flatten() {
                        *v *= Decimal::TEN;
                    }
                    (Unit::Percent, Kind::Percent, None, after)
                }
                UnitWord::Times => (Unit::Times, Kind::Multiple, None, after),
                UnitWord::Area(unit) => (unit, Kind::Area, None, after),
                UnitWord::Mass(unit) => (unit, Kind::Mass, None, after),
                UnitWord::Days => (Unit::Days, Kind::Duration, None, after),
                UnitWord::Months => (Unit::Months, Kind::Duration, None, after),
                UnitWord::Digits => (Unit::Digits, Kind::DigitCount, None, after),
                UnitWord::Year => {
                    if n.plain_integer && is_year(value) {
                        if let Some((date, e)) = month_day(f, after) {
                            value = scale(value, 4).map_err(|_| NotFigure::Overflow)? + date;
                            (Unit::Date, Kind::Date, None, e)
                        } else {
                            (Unit::Year, Kind::Year, None, after)
                        }
                    } else {
                        (Unit::Years, Kind::Duration, None, after)
                    }
                }
                UnitWord::Month => {
                    if !is_month(value) || ordinal {
                        return Err(NotFigure::Word);
                    }
                    match day_after(f, after) {
                        Some((day, e)) if range_end.is_none() => {
                            value = value * Decimal::ONE_HUNDRED + day;
                            (Unit::Date, Kind::Date, None, e)
                        }
                        _ => (Unit::Month, Kind::Month, None, after),
                    }
                }
                UnitWord::Measure => {
                    if (w == "位" || w == "名") && ordinal {
                        start -= 1;
                        (Unit::Rank, Kind::Rank, None, after)
                    } else if (w == "位" || w == "名") && n.start > 0 && f[n.start - 1] == '前' {
                        start -= 1;
                        qualifier = Some(Qualifier::AtMost);
                        lower = Some(Decimal::ONE);
                        upper = Some(value);
                        (Unit::Rank, Kind::Rank, None, after)
                    } else if w == "位" && ranks::doing(RankWord::Moves).any(|v| ends_with(f, n.start, v)) {
                        (Unit::Places, Kind::RankChange, None, after)
                    } else if ordinal {
                        return Err(NotFigure::Ordinal);
                    } else if w == "大" && (n.arabic || !f.get(after).is_some_and(|&c| is_cjk(c))) {
                        return Err(NotFigure::Word);
                    } else if w == "个" && starts_with(f, after, "多月") {
                        qualifier = Some(Qualifier::MoreThan);
                        lower = Some(value);
                        upper = Some(value + Decimal::ONE);
                        (Unit::Months, Kind::Duration, None, after + 2)
                    } else {
                        (Unit::Count, Kind::Count, Some(w), after)
                    }
                }
            }
        }
    };
    if n.lone_one && !matches!(kind, Kind::Duration | Kind::Multiple | Kind::Percent | Kind::Money | Kind::Rank | Kind::Number) {
        return Err(NotFigure::Word);
    }
    if ordinal && kind != Kind::Rank {
        return Err(NotFigure::Ordinal);
    }
    if kind == Kind::Rank && (value < Decimal::ONE || !value.fract().is_zero()) {
        return Err(NotFigure::Word);
    }
    if kind == Kind::Month && range_end.is_none() && !n.arabic && !is_month(value) {
        return Err(NotFigure::Word);
    }

    if inner_more {
        qualifier = Some(Qualifier::MoreThan);
        lower = Some(value);
        upper = Some(value + ulp);
    } else if qualifier.is_none() {
        // 7成多, 1倍多: 多 after the unit.
        if f.get(end) == Some(&'多') && matches!(kind, Kind::Percent | Kind::Multiple) {
            end += 1;
            qualifier = Some(Qualifier::MoreThan);
            lower = Some(value);
            upper = Some(value + ulp);
        } else if let Some((q, len)) = suffix_qualifier(f, end) {
            end += len;
            qualifier = Some(q);
            (lower, upper) = bounds(q, value, ulp);
        }
    }
    // 近五年来: 近 before a span of years means "recent", not "nearly".
    if (qualifier.is_none() || inner_more)
        && let Some((q, first)) = prefix_qualifier(f, start, floor)
        && !(kind == Kind::Duration && q == Qualifier::Nearly)
    {
        start = first;
        // 超200余人: the open prefix wins over the bounded 余; other prefixes keep 余's bounds.
        if !inner_more || q == Qualifier::MoreThan {
            qualifier = Some(q);
            (lower, upper) = bounds(q, value, ulp);
        }
    }
    if qualifier.is_none() {
        lower = Some(value);
        upper = Some(value);
    }
    Ok(Found { start, end, value, unit, kind, measure_word, qualifier, lower, upper, projected: false, role: Role::Level })
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn is_year(v: Decimal) -> bool {
    v >= Decimal::from(1900) && v <= Decimal::from(2100) && v.fract().is_zero()
}

fn is_month(v: Decimal) -> bool {
    v >= Decimal::ONE && v <= Decimal::from(12) && v.fract().is_zero()
}

/// `3月10日` right after a year: the MMDD part.
fn month_day(f: &[char], j: usize) -> Option<(Decimal, usize)> {
    let Some(Ok(m)) = read_number(f, j) else { return None };
    if f.get(m.end) != Some(&'月') || !is_month(m.value) {
        return None;
    }
    let (day, e) = day_after(f, m.end + 1)?;
    Some((m.value * Decimal::ONE_HUNDRED + day, e))
}

fn day_after(f: &[char], j: usize) -> Option<(Decimal, usize)> {
    let Some(Ok(d)) = read_number(f, j) else { return None };
    let ok =
        matches!(f.get(d.end), Some('日' | '号')) && d.value >= Decimal::ONE && d.value <= Decimal::from(31) && d.value.fract().is_zero();
    ok.then_some((d.value, d.end + 1))
}

/// The bounds a qualifier implies for `value`, whose last significant digit has unit `ulp`.
pub fn bounds(q: Qualifier, value: Decimal, ulp: Decimal) -> (Option<Decimal>, Option<Decimal>) {
    match q {
        Qualifier::MoreThan | Qualifier::AtLeast => (Some(value), None),
        // 近百亿: one unit below 100亿 is 0, which says nothing; take a tenth of it instead.
        Qualifier::Nearly if value == ulp => (Some(value - ulp / Decimal::TEN), Some(value)),
        Qualifier::Nearly => (Some(value - ulp), Some(value)),
        Qualifier::About => (Some(value - ulp / Decimal::TWO), Some(value + ulp / Decimal::TWO)),
        Qualifier::LessThan | Qualifier::AtMost => (None, Some(value)),
        Qualifier::Range | Qualifier::Several => (Some(value), Some(value)),
    }
}

/// Role and forecast flag, read from the words before the figure in its clause.
fn finish(f: &[char], mut found: Found, before: &[Found]) -> Found {
    let clause_start = look_back(f, found.start, &CLAUSE_BREAKS);
    let clause = &f[clause_start..found.start];
    found.projected = clause.windows(2).any(|w| w == ['预', '计'] || w == ['预', '期']);
    found.role = match found.kind {
        Kind::Rank | Kind::Year | Kind::Month | Kind::Date | Kind::Duration => Role::Level,
        Kind::RankChange => Role::Change,
        _ if found.role == Role::Change => Role::Change,
        Kind::DigitCount => {
            if verbs::DIGIT_CHANGES.iter().any(|w| starts_with(f, found.end, w.word)) {
                Role::Change
            } else {
                Role::Level
            }
        }
        _ => role_from_clause(f, clause_start, &found, before),
    };
    found
}

fn role_from_clause(f: &[char], clause_start: usize, found: &Found, before: &[Found]) -> Role {
    // In a list (75.12%、229.99%) an item takes the role of the item before it.
    if let Some(prev) = before.last()
        && prev.kind == found.kind
        && prev.end + 1 == found.start
        && matches!(f[prev.end], '、' | '和' | '及')
    {
        return prev.role;
    }
    let mut end = found.start;
    loop {
        let gap_end = skip_filler_back(f, clause_start, end);
        if gap_end <= clause_start {
            return Role::Level;
        }
        let keyword = verbs::ROLE_LEXICON.ending_at(f, gap_end).max_by_key(|(w, _)| len(w));
        match keyword {
            Some((w, role)) => {
                if role == Role::Share && found.kind != Kind::Percent {
                    return Role::Level;
                }
                if role == Role::Change && f.get(gap_end).is_some_and(|c| matches!(c, '到' | '至')) {
                    end = gap_end - len(w);
                    continue;
                }
                return role;
            }
            None => {
                // 相当于GDP的1.73%: a share of a named whole.
                if found.kind == Kind::Percent && f[gap_end - 1] == '的' {
                    let clause: String = f[clause_start..gap_end].iter().collect();
                    if verbs::with_role(Role::Share).any(|w| clause.contains(w)) {
                        return Role::Share;
                    }
                }
                // 比重从30.9%上升至40.2%: look past a before→after verb for the measure's name.
                let to_verb = ["到", "至"].iter().any(|w| ends_with(f, gap_end, w));
                let prev_verb = to_verb.then(|| verbs::with_role(Role::Change).find(|w| ends_with(f, gap_end - 1, w))).flatten();
                match prev_verb {
                    Some(v) => {
                        end = gap_end - 1 - len(v);
                        let figure_before = before.iter().rev().find(|p| p.end <= end && p.start >= clause_start);
                        if let Some(p) = figure_before {
                            end = p.start;
                        }
                    }
                    None => return Role::Level,
                }
            }
        }
    }
}

fn skip_filler_back(f: &[char], floor: usize, mut end: usize) -> usize {
    while end > floor {
        let Some((w, _)) = FILLERS.ending_at(f, end).find(|(w, _)| end - floor >= len(w)) else { break };
        end -= len(w);
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Found {
        let figures = scan(&Text::new(s)).figures;
        assert_eq!(figures.len(), 1, "{s}: {figures:?}");
        figures.into_iter().next().unwrap()
    }

    fn surface(s: &str) -> Vec<String> {
        let t = Text::new(s);
        scan(&t).figures.iter().map(|x| t.slice(x.start, x.end)).collect()
    }

    #[test]
    fn yu_bounds_follow_the_last_significant_digit() {
        let a = one("实现了250余亿元的投入");
        assert_eq!((a.lower, a.upper), (Some(Decimal::from(25_000_000_000u64)), Some(Decimal::from(26_000_000_000u64))));
        let b = one("500余亿元");
        assert_eq!(b.upper, Some(Decimal::from(60_000_000_000u64)));
    }

    #[test]
    fn chao_is_unbounded_above() {
        let a = one("榜单金额超10亿元。");
        assert_eq!((a.qualifier, a.upper), (Some(Qualifier::MoreThan), None));
        assert_eq!(a.start, 4);
    }

    #[test]
    fn a_figure_in_a_to_clause_is_a_level() {
        let t = Text::new("比重从30.9%上升至40.2%;");
        let s = scan(&t);
        assert!(s.figures.iter().all(|x| x.role == Role::Share), "{:?}", s.figures);
    }

    #[test]
    fn codes_and_words_are_not_figures() {
        assert!(surface("5G网络、NB-IoT、“03专项”、“2+6+N”、一批、一体化、新一代、九江、十城").is_empty());
    }

    #[test]
    fn fractions_are_percentages() {
        let a = one("占三分之一。");
        assert_eq!((a.unit, a.value.round_dp(4)), (Unit::Percent, Decimal::new(333333, 4)));
        assert_eq!(one("百分之二十").value, Decimal::from(20));
    }

    #[test]
    fn shouwei_after_a_ranking_verb_is_rank_one() {
        let a = one("居全国首位。");
        assert_eq!((a.unit, a.value), (Unit::Rank, Decimal::ONE));
        assert!(surface("居全国前列。").is_empty());
    }

    #[test]
    fn ranges_are_one_figure() {
        let a = one("3至5个");
        assert_eq!((a.qualifier, a.lower, a.upper), (Some(Qualifier::Range), Some(Decimal::from(3)), Some(Decimal::from(5))));
        let b = one("10-15亿元");
        assert_eq!(b.lower, Some(Decimal::from(1_000_000_000)));
    }
}
