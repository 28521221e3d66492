//! Non-figure: the numerals that are not figures, each with its reason — codes and names with
//! digits (5G, 03专项, 〔2021〕), list markers (一是, 1、, (一)), named terms (十三五, from
//! [`crate::lexicon::non_figure`]) and numbers no unit makes a figure (一批, 第一). It only
//! rejects: it never builds a figure.

use crate::document::Folded;
use rust_decimal::Decimal;

use super::number::Number;
use super::{Draft, Found, NotFigure, Rejected, before_spaces, ends_with, len, starts_with, unit};
use crate::document::one_of;
use crate::lexicon::non_figure::{
    CONGRESS, CONGRESS_AFTER, LABELS, NAME_LEXICON, ONE_YEAR_NAMED, PLAN_WORDS, SESSION_BODIES, SLOGAN_MAX_CHARS,
};
use crate::numerals::is_chinese_numeral_char;
use crate::records::Kind;

fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '_' || c == '/'
}

/// The number of a table or chart the text points to (如表1所示, 见图 2, a caption's 表3): its
/// label's span.
fn label_span(f: &Folded, n: &Number) -> Option<Rejected> {
    let k = before_spaces(f, n.start);
    // Every label ends with 表 or 图: one look passes over nearly every number.
    if k == 0 || !matches!(f[k - 1], '表' | '图') {
        return None;
    }
    let caption = line_start(f, k - 1);
    let word = LABELS.iter().find(|w| ends_with(f, k, w.word)).map(|w| k - len(w.word));
    let start = word.or(caption.then(|| k - 1))?;
    n.plain_integer.then_some(Rejected { start, end: n.end, why: NotFigure::Code })
}

/// Arabic numbers glued to Latin letters or `+` are codes (5G, COVID-19, 2+6+N, 03专项), as are
/// the labels of tables and charts (如表1所示).
pub(super) fn code_span(f: &Folded, n: &Number) -> Option<Rejected> {
    if !n.arabic {
        return None;
    }
    if let Some(label) = label_span(f, n) {
        return Some(label);
    }
    let before = n.start.checked_sub(1).map(|k| f[k]);
    let before2 = n.start.checked_sub(2).map(|k| f[k]);
    let after = f.get(n.end).copied();
    let letter_before = before.is_some_and(|c| c.is_ascii_alphabetic())
        || (matches!(before, Some('-' | '_')) && before2.is_some_and(|c| c.is_ascii_alphabetic()));
    // 2.1EFLOPS, 10Gbps: a Latin unit of measurement after the digits is a unit, not a code.
    let latin_unit = || unit::at(f, n.end).is_some_and(|(_, w)| !f.get(n.end + len(w)).is_some_and(|c| c.is_ascii_alphanumeric()));
    let glued = letter_before
        || (after.is_some_and(|c| c.is_ascii_alphabetic()) && !latin_unit())
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

fn line_start(f: &Folded, i: usize) -> bool {
    f[..i].iter().rev().take_while(|&&c| c != '\n').all(|c| c.is_whitespace())
}

/// A line after a part number reads as the part's text rather than the next value of a list when
/// it has punctuation or is at least this long.
const PART_TEXT_MIN_CHARS: usize = 24;

pub(super) fn marker_span(f: &Folded, n: &Number) -> Option<Rejected> {
    let after = f.get(n.end).copied();
    let before = n.start.checked_sub(1).map(|k| f[k]);
    let is_marker = (after == Some('是') && !n.arabic && n.value < Decimal::from(20))
        || (after == Some('、') && before != Some('第') && (!n.arabic || (line_start(f, n.start) && n.value < Decimal::ONE_HUNDRED)))
        || (after == Some('.') && n.plain_integer && line_start(f, n.start))
        || (before == Some('(') && after == Some(')'));
    if is_marker {
        return Some(Rejected { start: n.start, end: n.end + 1, why: NotFigure::Marker });
    }
    // A small whole Chinese numeral alone on its line, before a paragraph, numbers the part of a
    // feature that follows (三); alone in the text, or in a list of values one to a line, it is
    // just a number.
    let rest = &f[n.end..];
    let blank = rest.iter().take_while(|&&c| c != '\n' && c.is_whitespace()).count();
    let paragraph_after = || {
        let next: Vec<char> =
            rest[blank..].iter().skip_while(|c| c.is_whitespace()).take_while(|&&c| c != '\n').take(PART_TEXT_MIN_CHARS).copied().collect();
        next.len() >= PART_TEXT_MIN_CHARS || next.iter().any(|c| matches!(c, '。' | ',' | ';'))
    };
    let numbers_a_part = !n.arabic
        && rest.get(blank) == Some(&'\n')
        && n.value <= Decimal::from(20)
        && n.value.fract().is_zero()
        && line_start(f, n.start)
        && paragraph_after();
    numbers_a_part.then_some(Rejected { start: n.start, end: n.end, why: NotFigure::Marker })
}

pub(super) fn name_span(f: &Folded, i: usize) -> Option<Rejected> {
    NAME_LEXICON.starting_at(f, i).next().map(|(w, _)| Rejected { start: i, end: i + len(w), why: NotFigure::Name })
}

/// 党的二十大, 党的十九届五中全会: a congress's number after 党的, with its 大, or its 届 and plenum;
/// without 党的, a plenum (十九届五中全会), or 十一大…二十九大 before one of [`CONGRESS_AFTER`]
/// (十八大以来).
pub(super) fn congress_span(f: &Folded, i: usize) -> Option<Rejected> {
    let numeral_end = |k: usize| k + f[k.min(f.len())..].iter().take_while(|&&c| is_chinese_numeral_char(c)).count();
    // Asked at every start: most are digits, and most Chinese numerals are followed by neither.
    if !is_chinese_numeral_char(f[i]) {
        return None;
    }
    let a = numeral_end(i);
    if !matches!(f.get(a), Some('大' | '届')) {
        return None;
    }
    let after_party = CONGRESS.iter().any(|w| ends_with(f, i, w.word));
    let body_at = |k: usize| SESSION_BODIES.iter().filter(|w| starts_with(f, k, w.word)).map(|w| len(w.word)).max();
    // 二次会议 after a body and its term (人大二次会议, 政协九届三次会议, 省委十届十四次全体会议).
    let session = |k: usize| {
        let e = numeral_end(k);
        (e > k && f.get(e) == Some(&'次')).then(|| SESSIONS.iter().find(|w| starts_with(f, e + 1, w)).map(|w| e + 1 + len(w))).flatten()
    };
    let end = match f.get(a) {
        Some('大') if after_party || (congress_number(&f[i..a]) && CONGRESS_AFTER.iter().any(|w| starts_with(f, a + 1, w.word))) => a + 1,
        Some('届') => {
            let b = numeral_end(a + 1);
            match starts_with(f, b, "中全会") {
                true if b > a + 1 => b + 3,
                // Plenums listed (十八届三中、四中全会): the term is a name, its plenums words.
                _ if b > a + 1 && f.get(b) == Some(&'中') => a + 1,
                _ => match session(a + 1).or_else(|| body_at(a + 1).map(|w| session(a + 1 + w).unwrap_or(a + 1))) {
                    Some(end) => end,
                    None if after_party => a + 1,
                    None => return None,
                },
            }
        }
        _ => return None,
    };
    Some(Rejected { start: i, end, why: NotFigure::Name })
}

/// What follows the number of a session (二次会议, 十四次全体会议).
const SESSIONS: [&str; 3] = ["全体会议", "会议", "全会"];

/// 十一 to 二十九, the numbers congresses have had.
fn congress_number(numeral: &[char]) -> bool {
    let digit = |c: &char| "一二三四五六七八九".contains(*c);
    matches!(numeral, ['十', d] if digit(d)) || matches!(numeral, ['二', '十']) || matches!(numeral, ['二', '十', d] if digit(d))
}

/// How far a title's or a quote's marks are looked for around a figure.
const ENCLOSING_REACH: usize = 40;

/// The mark `open` before `start` (or `close` after `end`) in the same line, nearer than any mark
/// of the other kind and within [`ENCLOSING_REACH`] chars.
fn mark_before(f: &Folded, start: usize, open: char, close: char) -> Option<usize> {
    let floor = start.saturating_sub(ENCLOSING_REACH);
    let k = f[floor..start].iter().rposition(one_of(&[open, close, '\n']))?;
    (f[floor + k] == open).then_some(floor + k)
}

fn mark_after(f: &Folded, end: usize, open: char, close: char) -> Option<usize> {
    let top = (end + ENCLOSING_REACH).min(f.len());
    let k = f[end..top].iter().position(one_of(&[open, close, '\n']))?;
    (f[end + k] == close).then_some(end + k)
}

/// Why a figure of kind `kind` at `start..end` is not one for what encloses it: a title in 《》
/// (《科技创新三年行动方案》), or a short quoted slogan (“两个翻番”, at most [`SLOGAN_MAX_CHARS`]
/// chars). A title's calendar year and its count of articles still state something (《2017年
/// 统计公报》, 《…十条措施的实施意见》), as the corpus gold files read them; a count with no measure
/// word (决战七千亿) is a slogan's.
pub(super) fn enclosed(f: &Folded, found: &Found) -> Option<NotFigure> {
    let (start, end) = (found.start, found.end);
    let stated = found.kind == Kind::Year || (found.kind == Kind::Count && found.measure_word.is_some());
    if !stated && mark_before(f, start, '《', '》').is_some() && mark_after(f, end, '《', '》').is_some() {
        return Some(NotFigure::Title);
    }
    let open = mark_before(f, start, '“', '”')?;
    let close = mark_after(f, end, '“', '”')?;
    (close - open - 1 <= SLOGAN_MAX_CHARS).then_some(NotFigure::Name)
}

impl NotFigure {
    /// The class's name in `figures extract --json`.
    pub fn name(self) -> &'static str {
        match self {
            NotFigure::Code => "code",
            NotFigure::Marker => "marker",
            NotFigure::Ordinal => "ordinal",
            NotFigure::Word => "word",
            NotFigure::Name => "name",
            NotFigure::Title => "title",
            NotFigure::Overflow => "overflow",
            NotFigure::Page => "page",
        }
    }
}

pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The last word on a read figure of kind `kind`: 一年 after 新的 or 最后 names a year, a lone 一
/// is an article (一批) unless its unit or a range makes it a figure, an ordinal must be a rank, a rank a whole number from 1, and a Chinese month
/// a month of the year.
pub(super) fn check(f: &Folded, n: &Number, d: &Draft, kind: Kind) -> Result<(), NotFigure> {
    if n.lone_one && kind == Kind::Duration && ONE_YEAR_NAMED.iter().any(|w| ends_with(f, n.start, w.word)) {
        return Err(NotFigure::Word);
    }
    if kind == Kind::Duration && !d.range && PLAN_WORDS.iter().any(|w| starts_with(f, d.end, w.word)) {
        return Err(NotFigure::Name);
    }
    // A lone 一 opening a range (一至三月, 一到两家) is its first end, no article.
    if n.lone_one
        && !d.range
        && !matches!(kind, Kind::Duration | Kind::Multiple | Kind::Percent | Kind::Money | Kind::Rank | Kind::RankChange | Kind::Number)
    {
        return Err(NotFigure::Word);
    }
    if d.ordinal.is_some() && kind != Kind::Rank {
        return Err(NotFigure::Ordinal);
    }
    if kind == Kind::Rank && (d.value < Decimal::ONE || !d.value.fract().is_zero()) {
        return Err(NotFigure::Word);
    }
    if kind == Kind::Month && !d.range && !n.arabic && !super::date::is_month(d.value) {
        return Err(NotFigure::Word);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::scan::tests::surface;

    #[test]
    fn the_number_of_a_table_or_chart_pointed_to_is_a_label() {
        assert_eq!(surface("如表 2所示,平均成交额277.19万元。"), ["277.19万元"]);
        assert!(surface("表1 技术合同情况").is_empty(), "a caption's table number");
        assert_eq!(surface("选出代表3名。"), ["3名"], "表 ending another word leads no label");
    }

    #[test]
    fn codes_and_words_are_not_figures() {
        assert!(surface("5G网络、NB-IoT、“03专项”、“2+6+N”、一批、一体化、新一代、九江、十城").is_empty());
    }
}
