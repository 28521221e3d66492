//! Link: ties the figures of one document into change statements — [`before_after`]
//! (从A增长到B, A到B的大跨越) and a level with its stated [`growth`] (3053.5亿元,比上年增长30.3%) —
//! pairs figure [`lists`] with item lists, and cuts each statement's [`subjects`] from the clause.
//!
//! Pure: reads the folded text and the figures of one document, returns index-based links. It
//! must never find figures itself, nor look a subject up in a list of known subjects: subjects
//! are clause text before the statement, cut at the words that introduce it.

use crate::document::Folded;
use crate::document::Text;
use crate::lexicon::verbs;
use crate::records::{Direction, Kind, Relation};
use crate::scan::Found;

pub mod before_after;
pub mod growth;
pub mod lists;
pub mod periods;
pub mod regions;
pub mod subjects;

pub use lists::items;
pub use subjects::{context, level_subject, subject_text};

/// A change as found in the text: figures are indices into the figure list.
#[derive(Debug, Clone, PartialEq)]
pub struct Linked {
    pub relation: Relation,
    pub from: Option<usize>,
    pub to: usize,
    pub rate: Option<usize>,
    pub direction: Direction,
    pub subject_start: usize,
    pub subject_end: usize,
    pub end: usize,
}

impl Linked {
    /// A level `to` with the change `rate` stated next to it, the subject at `subject`.
    fn growth(to: usize, rate: usize, direction: Direction, (subject_start, subject_end): (usize, usize), end: usize) -> Linked {
        Linked { relation: Relation::Growth, from: None, to, rate: Some(rate), direction, subject_start, subject_end, end }
    }
}

/// Where the first figure starting in `start..end` starts, or `end` when none does.
fn first_start_in(figures: &[Found], start: usize, end: usize) -> usize {
    figures.get(figures.partition_point(|x| x.start < start)).map_or(end, |x| x.start.min(end))
}

/// The time figure (year, month, date, duration) starting at char `start`, if any.
fn time_at(figures: &[Found], start: usize) -> Option<&Found> {
    figures.binary_search_by_key(&start, |x| x.start).ok().map(|i| &figures[i]).filter(|x| x.kind.is_time())
}

/// `start` past the time figures that open the words before `end` (2023年我国…总量).
fn past_time_figures(figures: &[Found], mut start: usize, end: usize) -> usize {
    while let Some(t) = time_at(figures, start).filter(|t| t.end < end) {
        start = t.end;
    }
    start
}

/// The time figure ending at char `end`, if any (figures do not overlap, so ends are sorted too).
fn time_ending_at(figures: &[Found], end: usize) -> Option<&Found> {
    figures.binary_search_by_key(&end, |x| x.end).ok().map(|i| &figures[i]).filter(|x| x.kind.is_time())
}

fn text(f: &Folded, s: usize, e: usize) -> String {
    let mut out = String::with_capacity(utf8_len(&f[s..e]));
    out.extend(&f[s..e]);
    out
}

/// Bytes `chars` take in UTF-8: strings built from the text are sized up front, since collecting
/// would grow them several times over a clause of ideographs.
fn utf8_len(chars: &[char]) -> usize {
    chars.iter().map(|c| c.len_utf8()).sum()
}

/// Where the text's title, its first line, ends: 0 for a text of one line, which has no title.
fn title_end(f: &Folded) -> usize {
    f.iter().position(|c| *c == '\n').unwrap_or(0)
}

/// Whether the chars `s..e` are exactly `word` (compared in place, without building a string).
fn is_word(f: &Folded, s: usize, e: usize, word: &str) -> bool {
    f[s..e].iter().copied().eq(word.chars())
}

/// The direction of the last up or down word in `words`.
fn direction_of(words: &str) -> Option<Direction> {
    // Scanning back, the first place a word starts at is the last word (no up word starts with the
    // char a down word starts with, so one place never holds both).
    words.char_indices().rev().find_map(|(p, _)| verbs::direction_at_start(&words[p..]))
}

/// Points in the calendar, which date the ends of a change rather than being its ends; a
/// duration (由90天缩短至45天) can be an end.
fn is_calendar(k: Kind) -> bool {
    matches!(k, Kind::Year | Kind::Month | Kind::Date)
}

/// Finds every change statement among `figures` (sorted by start).
pub fn link(t: &Text, figures: &[Found]) -> Vec<Linked> {
    let f = &t.folded;
    let mut out = before_after::before_after(f, figures);
    let mut ends = vec![false; figures.len()];
    // The subject span of the before→after change each figure is the later end of.
    let mut later_end = vec![None; figures.len()];
    for c in &out {
        for i in c.from.into_iter().chain([c.to]).chain(c.rate) {
            ends[i] = true;
        }
        later_end[c.to] = Some((c.subject_start, c.subject_end));
    }
    let mut grown = growth::growth(f, figures, &ends);
    // The growth of a before→after's later end (由A增至B,年均增长C%) is about what the change is.
    for g in &mut grown {
        if let Some(span) = later_end[g.to] {
            (g.subject_start, g.subject_end) = span;
        }
        // 同比增长-23.7%: a growth by a negative rate is a fall.
        if g.direction == Direction::Up && g.rate.is_some_and(|r| figures[r].value.is_sign_negative()) {
            g.direction = Direction::Down;
        }
    }
    out.extend(grown);
    out.sort_by_key(|c| (c.subject_start, c.to));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::scan;

    pub(super) fn changes(s: &str) -> Vec<(Relation, String, String, Direction)> {
        let t = Text::new(s);
        let figs = scan(&t).figures;
        link(&t, &figs)
            .iter()
            .map(|c| {
                let first = c.from.or(Some(c.to)).map(|i| t.slice(figs[i].start, figs[i].end)).unwrap_or_default();
                let second = c.rate.map_or(c.to, |r| r);
                (
                    c.relation,
                    subject_text(&t, &figs, c).1,
                    format!("{first}>{}", t.slice(figs[second].start, figs[second].end)),
                    c.direction,
                )
            })
            .collect()
    }

    #[test]
    fn no_up_word_starts_where_a_down_word_does() {
        // direction_of relies on it: one place never starts both an up and a down word.
        let first = |d: Direction| verbs::VERBS.iter().filter(move |v| v.direction == Some(d)).map(|v| v.word.chars().next());
        assert!(first(Direction::Up).all(|c| !first(Direction::Down).any(|d| d == c)));
    }
}
