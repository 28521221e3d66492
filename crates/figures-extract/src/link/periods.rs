//! Periods: the time each figure is about, read from the text around it — a time stated in its
//! clause (2017年的4343亿元), earlier in its sentence, opening an earlier sentence of its paragraph
//! (2023年,全省…), a relative word resolved against the year in force (上年末的17268家), a span in
//! force (过去五年, “十四五”以来), or else the year the document reports on, from its title and
//! dateline. A change's two ends get their own periods; a change since a base (比2020年增长)
//! covers the years after the base.
//!
//! Pure: reads the folded text, the figures and the links; the words come from
//! [`crate::lexicon::periods`].

use crate::document::Folded;
use std::fmt;
use std::sync::LazyLock;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{Linked, title_end};
use crate::document::Text;
use crate::lexicon::periods::{
    BASES, PARTS_OF_YEAR, PLAN_ENDS, PLAN_NAMES, PLAN_PERIODS, PartOfYear, PlanPeriod, RELATIVE_YEARS, REVIEW_MONTHS, RelativeYear, SINCE,
    SPAN_LEADS, SPAN_TAILS,
};
use crate::lexicon::verbs::COMPARISONS;
use crate::lexicon::{CharSet, Lexicon};
use crate::records::{Kind, PeriodBasis, Relation, Role, Unit};
use crate::scan::Found;
use crate::scan::{ends_with, starts_with};

/// A period: a year, months of a year, or a span of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year(i32),
    Months(i32, u32, u32),
    Years(i32, i32),
}

impl fmt::Display for Period {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Year(y) => write!(out, "{y}"),
            Period::Months(y, a, b) if a == b => write!(out, "{y}-{a:02}"),
            Period::Months(y, a, b) => write!(out, "{y}-{a:02}/{y}-{b:02}"),
            Period::Years(a, b) if a == b => write!(out, "{a}"),
            Period::Years(a, b) => write!(out, "{a}/{b}"),
        }
    }
}

impl Period {
    fn last_year(self) -> i32 {
        match self {
            Period::Year(y) | Period::Months(y, _, _) | Period::Years(_, y) => y,
        }
    }
}

/// A figure's period, how it was found and where the words that gave it stand (chars).
#[derive(Debug, Clone, PartialEq)]
pub struct Dated {
    pub period: Period,
    pub basis: PeriodBasis,
    pub words: (usize, usize),
}

/// A time the text states.
#[derive(Debug, Clone, Copy)]
enum When {
    Year(i32),
    /// Months of the year in force, or of the year written right before them (2023年1—5月).
    Months(u32, u32),
    /// A year relative to the year in force, or, when deictic, to the year the text is written in.
    Relative(i32, bool),
    /// The last `n` years up to the year in force (过去五年).
    Last(i32),
    /// Stated years, first and last (2019年至2023年).
    Between(i32, i32),
    /// A plan period (“十三五”期间), or from its first year up to the year in force when open.
    Plan(i32, Option<i32>),
}

#[derive(Debug, Clone, Copy)]
struct Marker {
    start: usize,
    end: usize,
    when: When,
    /// The base a change is measured from (比2020年, 是2012年的), not the time of a figure.
    base: bool,
    /// The figure it dates directly (2017年的4343亿元), if any.
    attached: Option<usize>,
    /// It opens its clause (2023年,全省…; 过去五年,…), so it holds for what follows it.
    opening: bool,
}

impl Marker {
    /// A span that holds for the rest of the text until a year opens a sentence (过去五年,
    /// “十三五”期间).
    fn spans_text(&self) -> bool {
        self.opening && !self.base && matches!(self.when, When::Last(_) | When::Plan(..))
    }

    /// A time that holds for the rest of its paragraph (2023年,…; 今年…; 2021—2023年,…).
    fn sets_paragraph(&self) -> bool {
        self.opening && !self.base && matches!(self.when, When::Year(_) | When::Relative(..) | When::Between(..))
    }
}

fn int(d: Decimal) -> Option<i32> {
    d.is_integer().then(|| d.to_i32()).flatten()
}

fn year_of(x: &Found) -> Option<i32> {
    int(x.value)
}

/// The years a text's times count from: the year it reports on, and the year it is written in.
#[derive(Debug, Clone)]
struct Anchor {
    reported: i32,
    written: i32,
    words: (usize, usize),
}

/// The year the document reports on: the year its title names, unless the text is dated in the
/// first months of that year (a report given then reviews the year before); without a year in
/// the title, the dateline's year (the year before, early in the year), else the first year its
/// opening lines state on its own (2023年,全省…; not 由2015年的A, which dates A). A text dated
/// early in a year is written in the year after the one it reports on.
fn document_year(t: &Text, figures: &[Found], marks: &[Marker]) -> Option<Anchor> {
    let f = &t.folded;
    // The opening lines: the title, a dateline or byline, the first paragraph.
    let head_end = f.iter().enumerate().filter(|(_, c)| **c == '\n').nth(2).map_or(f.len(), |(k, _)| k);
    let title_end = title_end(f);
    let words = |x: &Found| (x.start, x.end);
    let title_year = figures.iter().take_while(|x| x.start < title_end).find(|x| x.kind == Kind::Year).and_then(|x| Some((year_of(x)?, x)));
    // The dateline: the first date in the opening lines, with its year when it has one.
    let dated = figures.iter().take_while(|x| x.start < head_end).find(|x| x.kind == Kind::Date).and_then(|x| {
        let v = year_of(x)?;
        let (year, month) = if v >= 10_000_000 { (Some(v / 10_000), v / 100 % 100) } else { (None, v / 100) };
        Some((year, u32::try_from(month).ok()?, x))
    });
    let early = dated.is_some_and(|(_, m, _)| m <= REVIEW_MONTHS);
    let anchor = |reported: i32, x: &Found| {
        let written = match dated {
            Some((Some(y), _, _)) => y,
            _ if early => reported + 1,
            _ => reported,
        };
        Some(Anchor { reported, written, words: words(x) })
    };
    match (title_year, dated) {
        (Some((y, _)), Some((Some(dy), _, d))) if dy == y && early => anchor(y - 1, d),
        (Some((y, x)), _) => anchor(y, x),
        (None, Some((Some(dy), _, d))) => anchor(if early { dy - 1 } else { dy }, d),
        _ => {
            let m = marks
                .iter()
                .take_while(|m| m.start < head_end)
                .find(|m| !m.base && m.attached.is_none() && matches!(m.when, When::Year(_)))?;
            let x = figures.iter().find(|x| x.start == m.start)?;
            anchor(year_of(x)?, x)
        }
    }
}

/// The first chars of the relative, plan and part-of-year words: the text is searched for them
/// char by char.
static FIRST_CHARS: LazyLock<CharSet> = LazyLock::new(|| {
    let words =
        RELATIVE_YEARS.iter().map(|r| r.word).chain(PLAN_PERIODS.iter().map(|p| p.word)).chain(PARTS_OF_YEAR.iter().map(|p| p.word));
    CharSet::new(words.filter_map(|w| w.chars().next()))
});

static RELATIVE: LazyLock<Lexicon<&'static RelativeYear>> = LazyLock::new(|| Lexicon::new(RELATIVE_YEARS.iter().map(|r| (r.word, r))));
static PLANS: LazyLock<Lexicon<&'static PlanPeriod>> = LazyLock::new(|| Lexicon::new(PLAN_PERIODS.iter().map(|p| (p.word, p))));
static PARTS: LazyLock<Lexicon<&'static PartOfYear>> = LazyLock::new(|| Lexicon::new(PARTS_OF_YEAR.iter().map(|p| (p.word, p))));

/// Every time the text states, in order.
fn markers(f: &Folded, figures: &[Found]) -> Vec<Marker> {
    let mut out = Vec::new();
    for x in figures {
        let (mut start, mut end) = (x.start, x.end);
        let when = match x.kind {
            Kind::Year => match (x.lower.zip(x.upper), year_of(x)) {
                (Some((a, b)), _) if a != b => match (int(a), int(b)) {
                    (Some(a), Some(b)) => When::Between(a, b),
                    _ => continue,
                },
                (_, Some(y)) => When::Year(y),
                _ => continue,
            },
            Kind::Month => {
                let m = |d: Option<Decimal>| d.and_then(int).and_then(|v| u32::try_from(v).ok());
                match (m(x.lower), m(x.upper)) {
                    (Some(a), Some(b)) if (1..=12).contains(&a) && (a..=12).contains(&b) => When::Months(a, b),
                    _ => continue,
                }
            }
            Kind::Duration if x.unit == Unit::Years => {
                let lead = SPAN_LEADS.iter().find(|w| ends_with(f, x.start, w.word)).map_or(0, |w| w.word.chars().count());
                let tail = SPAN_TAILS.iter().find(|w| starts_with(f, x.end, w.word)).map_or(0, |w| w.word.chars().count());
                match year_of(x) {
                    Some(n) if lead + tail > 0 && n > 0 => {
                        (start, end) = (x.start - lead, x.end + tail);
                        When::Last(n)
                    }
                    _ => continue,
                }
            }
            _ => continue,
        };
        out.push((start, end, when));
    }
    let firsts: &CharSet = &FIRST_CHARS;
    let mut part_end = 0;
    for k in f.iter().enumerate().filter(|(_, c)| firsts.contains(**c)).map(|(k, _)| k) {
        if let Some((_, r)) = RELATIVE.starting_at(f, k).next() {
            out.push((k, k + r.word.chars().count(), When::Relative(r.offset, r.deictic)));
        } else if let Some((_, p)) = PLANS.starting_at(f, k).next() {
            let mut end = k + p.word.chars().count();
            if f.get(end) == Some(&'”') {
                end += 1;
            }
            let tail = |words: &[crate::lexicon::Word]| words.iter().find(|w| starts_with(f, end, w.word)).map(|w| w.word.chars().count());
            let when = match (tail(&PLAN_NAMES), tail(&PLAN_ENDS), tail(&SINCE)) {
                (Some(_), _, _) => continue,
                (_, Some(n), _) => {
                    end += n;
                    When::Year(p.last)
                }
                (_, _, Some(n)) => {
                    end += n;
                    When::Plan(p.first, None)
                }
                _ => When::Plan(p.first, Some(p.last)),
            };
            out.push((k, end, when));
        } else if let Some((w, p)) = PARTS.starting_at(f, k).next()
            && k >= part_end
        {
            // 上半年, 一季度: months of the year written before, or in force (三季度 inside 前三季度
            // is no part of its own).
            part_end = k + w.chars().count();
            out.push((k, part_end, When::Months(p.first, p.last)));
        }
    }
    out.sort_by_key(|m| m.0);
    out.into_iter()
        .map(|(start, end, when)| {
            let base = BASES.iter().any(|w| ends_with(f, start, w.word))
                || (f.get(end) == Some(&'的') && COMPARISONS.iter().any(|w| ends_with(f, start, w.word)));
            let mut after = end;
            while after < f.len() && after < end + 2 && matches!(f[after], '末' | '底' | '度' | '的') {
                after += 1;
            }
            let attached = figures.binary_search_by_key(&after, |x| x.start).ok().filter(|&i| !figures[i].kind.is_time());
            let cs = f.clause_start(start);
            let opening = f[cs..start].iter().all(|c| c.is_whitespace() || matches!(c, '“' | '”' | '"'));
            Marker { start, end, when, base, attached, opening }
        })
        .collect()
}

/// The period a marker states, with `year` the year in force.
fn resolve(m: &Marker, markers: &[Marker], year: Option<i32>, anchor: Option<&Anchor>) -> Option<Period> {
    Some(match m.when {
        When::Year(y) => Period::Year(y),
        When::Months(a, b) => {
            let written = markers.iter().rev().find(|p| p.end == m.start).and_then(|p| match p.when {
                When::Year(y) => Some(y),
                _ => None,
            });
            Period::Months(written.or(year)?, a, b)
        }
        When::Relative(o, true) => Period::Year(anchor?.written + o),
        When::Relative(o, false) => Period::Year(year? + o),
        When::Last(n) => Period::Years(year? - n + 1, year?),
        When::Between(a, b) | When::Plan(a, Some(b)) => Period::Years(a, b),
        When::Plan(a, None) => Period::Years(a, year?),
    })
}

/// How a figure stands in the changes: the earlier end of a before→after, a stated change, or a
/// level.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Before,
    Change,
    Level,
}

/// The period of every figure (none for times themselves, and where nothing dates it).
pub fn periods(t: &Text, figures: &[Found], linked: &[Linked]) -> Vec<Option<Dated>> {
    let f = &t.folded;
    let marks = markers(f, figures);
    let anchor = document_year(t, figures, &marks);
    let mut part: Vec<Part> = figures.iter().map(|x| if x.role == Role::Change { Part::Change } else { Part::Level }).collect();
    for c in linked {
        if let Some(r) = c.rate {
            part[r] = Part::Change;
        }
        if let (Relation::BeforeAfter, Some(from)) = (c.relation, c.from) {
            part[from] = Part::Before;
        }
    }
    let words = |m: &Marker| (m.start, m.end);
    let mut out = Vec::with_capacity(figures.len());
    // Swept forward with the figures, so that a text of one paragraph stays linear: where the
    // paragraph starts, how many markers lie before the figure, the last marker opening a
    // sentence (it holds for its paragraph) and the last span opening a clause (it holds until a
    // time opens a sentence after it).
    let (mut para_start, mut scanned, mut passed) = (0, 0, 0);
    let (mut paragraph_mark, mut span_mark): (Option<&Marker>, Option<&Marker>) = (None, None);
    for (i, x) in figures.iter().enumerate() {
        if let Some(k) = f[scanned..x.start].iter().rposition(|c| *c == '\n') {
            para_start = scanned + k + 1;
        }
        scanned = x.start;
        while passed < marks.len() && marks[passed].start < x.start {
            let m = &marks[passed];
            if m.sets_paragraph() {
                (paragraph_mark, span_mark) = (Some(m), None);
            } else if m.spans_text() {
                span_mark = Some(m);
            }
            passed += 1;
        }
        if x.kind.is_time() {
            out.push(None);
            continue;
        }
        let cs = f.clause_start(x.start);
        let ss = f.sentence_start(x.start).min(cs);
        let before = &marks[..passed];
        let free = |m: &&Marker| !m.base && m.attached.is_none_or(|a| a == i);
        let reported = anchor.as_ref().map(|a| a.reported);
        let paragraph = paragraph_mark.filter(|m| m.start >= para_start);
        // The year in force: the time opening the paragraph's latest sentence, else the document's.
        let year = paragraph.and_then(|m| resolve(m, &marks, reported, anchor.as_ref())).map(Period::last_year).or(reported);
        let own = before.iter().rev().take_while(|m| m.start >= cs).find(free);
        let stated = |m: &Marker, basis| resolve(m, &marks, year, anchor.as_ref()).map(|p| Dated { period: p, basis, words: words(m) });
        let dated = own
            .and_then(|m| stated(m, if matches!(m.when, When::Relative(..)) { PeriodBasis::Relative } else { PeriodBasis::Clause }))
            .or_else(|| before.iter().rev().take_while(|m| m.start >= ss).find(free).and_then(|m| stated(m, PeriodBasis::Sentence)))
            .or_else(|| paragraph.and_then(|m| stated(m, PeriodBasis::Paragraph)))
            .or_else(|| span_mark.and_then(|m| stated(m, PeriodBasis::Span)))
            .or_else(|| {
                let a = anchor.as_ref()?;
                Some(Dated { period: Period::Year(a.reported), basis: PeriodBasis::Document, words: a.words })
            });
        // Within a span of years, a level is at its end, a change covers it, and the earlier end
        // of a change is the year before it.
        let mut dated = dated.map(|mut d| {
            if let Period::Years(a, b) = d.period {
                d.basis = PeriodBasis::Span;
                d.period = match part[i] {
                    Part::Before => Period::Year(a - 1),
                    Part::Change => Period::Years(a, b),
                    Part::Level => Period::Year(b),
                };
            }
            d
        });
        // A change since a base (比2020年增长50%, 是2012年的2.4倍) covers the years after it.
        if part[i] == Part::Change
            && let Some(base) = before.iter().rev().take_while(|m| m.start >= cs).find(|m| m.base)
            && let Some(d) = dated.as_mut()
            && let Some(Period::Year(b)) = resolve(base, &marks, Some(d.period.last_year()), anchor.as_ref())
        {
            let e = d.period.last_year();
            if b < e {
                d.period = if b + 1 == e { Period::Year(e) } else { Period::Years(b + 1, e) };
                d.basis = PeriodBasis::Relative;
                d.words = words(base);
            }
        }
        out.push(dated);
    }
    before_ends(f, &marks, linked, &mut out, anchor.as_ref());
    out
}

/// The word that makes a rate a yearly one over the years of its change (年均增长5.3%).
const YEARLY: &str = "年均";

/// The earlier end of a before→after that its own clause does not date is the base the sentence
/// compares with (与2017年相比,…由A增长到B), or else the year before the later end's (由412家增至
/// 768家 in a 2023 text: 412家 in 2022); a yearly rate of such a change (…,年均增长C%) covers the
/// years from the year after the earlier end to the later end.
fn before_ends(f: &Folded, marks: &[Marker], linked: &[Linked], out: &mut [Option<Dated>], anchor: Option<&Anchor>) {
    for c in linked.iter().filter(|c| c.relation == Relation::BeforeAfter) {
        let Some(from) = c.from else { continue };
        let Some(to) = out[c.to].clone() else { continue };
        let Some(d) = out[from].as_mut() else { continue };
        if matches!(d.basis, PeriodBasis::Clause | PeriodBasis::Relative | PeriodBasis::Span) {
            continue;
        }
        let at = c.subject_start.min(c.subject_end);
        let ss = f.sentence_start(at);
        let (lo, hi) = (marks.partition_point(|m| m.start < ss), marks.partition_point(|m| m.start < at));
        let base = marks[lo..hi.max(lo)].iter().rev().find(|m| m.base);
        let base_year = base.and_then(|m| resolve(m, marks, Some(to.period.last_year()), anchor)).map(Period::last_year);
        (d.period, d.words) = match (base, base_year) {
            (Some(m), Some(y)) => (Period::Year(y), (m.start, m.end)),
            _ => (Period::Year(to.period.last_year() - 1), (c.subject_end, c.subject_end + 1)),
        };
        d.basis = PeriodBasis::Relative;
    }
    let later_ends: std::collections::HashMap<usize, &Linked> =
        linked.iter().filter(|b| b.relation == Relation::BeforeAfter).map(|b| (b.to, b)).collect();
    for c in linked.iter().filter(|c| c.relation == Relation::Growth) {
        let Some(r) = c.rate else { continue };
        let Some(before) = later_ends.get(&c.to) else { continue };
        let (Some(Period::Year(a)), Some(Period::Year(b))) =
            (before.from.and_then(|k| out[k].as_ref()).map(|d| d.period), out[c.to].as_ref().map(|d| d.period))
        else {
            continue;
        };
        let cs = f.clause_start(c.end.saturating_sub(1));
        let yearly = (cs..c.end).find(|&k| starts_with(f, k, YEARLY));
        if let (Some(d), Some(k)) = (out[r].as_mut(), yearly)
            && a < b
        {
            d.period = Period::Years(a + 1, b);
            d.basis = PeriodBasis::Relative;
            d.words = (k, k + YEARLY.chars().count());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::link;
    use crate::scan::scan;

    /// (figure text, period, basis) of every figure that has a period.
    fn dated(s: &str) -> Vec<(String, String, PeriodBasis)> {
        let t = Text::new(s);
        let figs = scan(&t).figures;
        let p = periods(&t, &figs, &link(&t, &figs));
        figs.iter().zip(p).filter_map(|(x, d)| d.map(|d| (t.slice(x.start, x.end), d.period.to_string(), d.basis))).collect()
    }

    #[test]
    fn a_year_stated_in_the_clause_dates_the_figure_it_is_attached_to() {
        let d = dated("地区生产总值从2017年的4343亿元增加到2022年的5675亿元。");
        assert_eq!(d, [("4343亿元".into(), "2017".into(), PeriodBasis::Clause), ("5675亿元".into(), "2022".into(), PeriodBasis::Clause)]);
    }

    #[test]
    fn a_year_opening_a_sentence_holds_for_its_paragraph() {
        let d = dated("工作总结\n2022年,全省专利授权量9.8万件。发明专利2.1万件。\n其他");
        assert_eq!(d[1], ("2.1万件".into(), "2022".into(), PeriodBasis::Paragraph));
    }

    #[test]
    fn a_text_dated_early_in_its_title_year_reports_on_the_year_before() {
        let d = dated("2023年工作报告\n——2023年1月6日在大会上\n全市专利授权量9.8万件。");
        assert_eq!(d, [("9.8万件".into(), "2022".into(), PeriodBasis::Document)]);
        let d = dated("2022年统计公报\n于2023年9月28日发布。全市专利授权量9.8万件。");
        assert_eq!(d[0].1, "2022");
    }

    #[test]
    fn months_take_the_year_written_before_them() {
        let d = dated("2023年1—5月,全省技术合同成交额300亿元。");
        assert_eq!(d[0].1, "2023-01/2023-05");
    }

    #[test]
    fn a_change_since_a_base_covers_the_years_after_it() {
        let d = dated("2023年研发投入120亿元,比2020年增长50%,比上年增长10%。");
        let p: Vec<&str> = d.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(p, ["2023", "2021/2023", "2023"]);
    }
}
