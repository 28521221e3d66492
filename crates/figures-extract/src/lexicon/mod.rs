//! Lexicon: what the words mean. The vocabulary of figures lives here once, as typed tables — the
//! word, what it means (a unit and its normalisation, a qualifier and the bounds it implies, a
//! verb's direction and the role it gives, what a rank word does, what a clause word cuts) and a
//! short example sentence.
//!
//! Tables only: this layer must never look at a text. The rules in [`crate::scan`] and
//! [`crate::link`] decide where words stand and read these tables instead of keeping copies.
//! Punctuation sets (clause breaks, range separators) and single grammar chars a rule names
//! inline (余/多 after a number, 第, 前 before it) sit beside the one rule that reads them.
//!
//! One test, `every_entry_does_what_its_example_shows`, extracts every entry's example and checks
//! that the entry does what its table says.

pub mod clauses;
pub mod non_figure;
pub mod numerals;
pub mod periods;
pub mod qualifiers;
pub mod ranks;
pub mod regions;
pub mod traditional;
pub mod units;
pub mod verbs;

/// A word with no meaning beyond the table it is in, and a sentence that shows it.
#[derive(Debug)]
pub struct Word {
    pub word: &'static str,
    pub example: &'static str,
}

pub const fn word(word: &'static str, example: &'static str) -> Word {
    Word { word, example }
}

/// The CJK Unified Ideographs block, where most chars of a text and of the tables lie.
const CJK_START: u32 = 0x4E00;
const CJK_WORDS: usize = (0xA000 - 0x4E00) / 64;

/// A set of chars: those of the CJK block as a bitmap, others in a short sorted list. Asking it
/// about an ideograph costs one bit, where a list or a binary search over a table costs many
/// comparisons for each char of a text.
pub struct CharSet {
    bits: [u64; CJK_WORDS],
    others: Vec<char>,
}

impl CharSet {
    pub fn new(chars: impl IntoIterator<Item = char>) -> CharSet {
        let mut bits = [0u64; CJK_WORDS];
        let mut others = Vec::new();
        for c in chars {
            match (c as u32).checked_sub(CJK_START).map(|i| i as usize).filter(|&i| i < CJK_WORDS * 64) {
                Some(i) => bits[i / 64] |= 1 << (i % 64),
                None => others.push(c),
            }
        }
        others.sort_unstable();
        others.dedup();
        CharSet { bits, others }
    }

    /// Whether `c` lies in the CJK block, which the bitmap covers.
    #[inline(always)]
    pub fn in_cjk(c: char) -> bool {
        ((c as u32).wrapping_sub(CJK_START) as usize) < CJK_WORDS * 64
    }

    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let i = (c as u32).wrapping_sub(CJK_START) as usize;
        if i < CJK_WORDS * 64 { self.bits[i / 64] & (1 << (i % 64)) != 0 } else { self.others.binary_search(&c).is_ok() }
    }
}

/// A word list with its words decoded to chars once. The lists are matched several times around
/// every figure, and so compared as chars, and only against the words that share the text's
/// first (or last) char: a text char that starts (or ends) no word costs one bit.
pub struct Lexicon<T: 'static> {
    firsts: CharSet,
    lasts: CharSet,
    /// The entries by their first char; entries with the same first char keep their table order.
    entries: Vec<Entry<T>>,
    /// Indexes into `entries`, by the entries' last char, in table order for the same last char.
    by_last: Vec<usize>,
}

struct Entry<T> {
    /// Where the entry stands in its table: matches are given in table order.
    order: usize,
    first: Option<char>,
    last: Option<char>,
    chars: Vec<char>,
    word: &'static str,
    value: T,
}

impl<T: Copy> Lexicon<T> {
    pub fn new(words: impl IntoIterator<Item = (&'static str, T)>) -> Lexicon<T> {
        let entry = |(order, (word, value)): (usize, (&'static str, T))| Entry {
            order,
            first: word.chars().next(),
            last: word.chars().last(),
            chars: word.chars().collect(),
            word,
            value,
        };
        let mut entries: Vec<Entry<T>> = words.into_iter().enumerate().map(entry).collect();
        entries.sort_by_key(|e| (e.first, e.order));
        let mut by_last: Vec<usize> = (0..entries.len()).collect();
        by_last.sort_by_key(|&k| (entries[k].last, entries[k].order));
        let firsts = CharSet::new(entries.iter().filter_map(|e| e.first));
        let lasts = CharSet::new(entries.iter().filter_map(|e| e.last));
        Lexicon { firsts, lasts, entries, by_last }
    }

    /// Every word of the lexicon.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|e| e.word)
    }

    /// The words that start at `i`, in table order.
    pub fn starting_at<'a>(&'a self, f: &'a [char], i: usize) -> impl Iterator<Item = (&'static str, T)> + 'a {
        let rest = f.get(i..).unwrap_or_default();
        let first = rest.first().copied();
        let from = match first {
            Some(c) if self.firsts.contains(c) => self.entries.partition_point(|e| e.first < first),
            _ => self.entries.len(),
        };
        self.entries[from..].iter().take_while(move |e| e.first == first).filter(move |e| opens(rest, &e.chars)).map(|e| (e.word, e.value))
    }

    /// The words that end at `end`, in table order.
    pub fn ending_at<'a>(&'a self, f: &'a [char], end: usize) -> impl Iterator<Item = (&'static str, T)> + 'a {
        let head = f.get(..end).unwrap_or_default();
        let last = head.last().copied();
        let from = match last {
            Some(c) if self.lasts.contains(c) => self.by_last.partition_point(|&k| self.entries[k].last < last),
            _ => self.by_last.len(),
        };
        self.by_last[from..]
            .iter()
            .map(|&k| &self.entries[k])
            .take_while(move |e| e.last == last)
            .filter(move |e| closes(head, &e.chars))
            .map(|e| (e.word, e.value))
    }
}

// Words are a few chars long: compared char by char, not through a call to `memcmp` as
// `<[char]>::starts_with` makes (3% of extraction).
#[inline(always)]
fn opens(text: &[char], word: &[char]) -> bool {
    text.len() >= word.len() && text.iter().zip(word).all(|(a, b)| a == b)
}

#[inline(always)]
fn closes(text: &[char], word: &[char]) -> bool {
    text.len() >= word.len() && text.iter().rev().zip(word.iter().rev()).all(|(a, b)| a == b)
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::clauses::{
        BYLINES, HAVING, IN_ORDER, ITEM_ENDS, ITEM_SEPARATORS, LEVEL_LEADS, LIST_JOINERS, MANNERS, NOT_FROM, OWNERS, PERIOD_WORDS,
        PREDICATE_OPENINGS, RANK_SCOPE, RATE_OPENINGS, SHARE_TAILS, SUBJECT_OPENINGS, SUBJECT_TAILS, SUBJECT_VERBS, TO_WORDS, TOPIC_ENDS,
        TOTALS, VALUE_LEADS,
    };
    use super::non_figure::{CONGRESS, CONGRESS_AFTER, LABELS, NAMES, ONE_YEAR_NAMED, PLAN_WORDS, SESSION_BODIES};
    use super::periods::{
        AGO, BASES, NOW, PARTS_OF_YEAR, PLAN_ENDS, PLAN_PERIODS, PLAN_SPANS, RELATIVE_YEARS, SINCE, SPAN_LEADS, SPAN_TAILS,
    };
    use super::qualifiers::{APPROXIMATIONS, JOINED, QUALIFIERS, Side};
    use super::ranks::{FIRST_PLACE, RANKING_NOUNS, RANKS, RankWord, SCOPES, SERIES, TOP_N};
    use super::regions::{NATION, NATION_CODE, PLACE_SUFFIXES, PROVINCES};
    use super::units::{DOUBLINGS, MEASURE_WORDS, MONEY_NOUNS, PER_WORDS, UNITS};
    use super::verbs::{
        ADDITIONS, COMPARATIVES, COMPARISONS, CONTRIBUTIONS, DIGIT_CHANGES, EARLIER_PERIODS, EARLIER_SPANS, FILLERS, GAP_VERBS, GAPS,
        LEAPS, LEVEL_NOUNS, NEGATED, NOT_VERBS, VERBS,
    };
    use crate::catalog::Catalog;
    use crate::extract::{Extraction, extract};
    use crate::records::{Figure, Kind, Relation, Role, Unit};
    use crate::scan::bounds;

    fn run(example: &str) -> Extraction {
        extract("example", example, &Catalog::default())
    }

    /// The figure of `example` whose text holds `word`.
    fn figure_with(example: &str, word: &str) -> Option<Figure> {
        run(example).figures.into_iter().find(|f| f.text.contains(word))
    }

    /// Every entry of every table, checked against its example: the example extracts as the
    /// entry says. Adding a word means adding its example; every entry that fails is listed.
    #[test]
    fn every_entry_does_what_its_example_shows() {
        let mut wrong = Vec::new();
        let mut check = |ok: bool, word: &str, example: &str, what: &str| {
            if !ok {
                wrong.push(format!("{word} ({example}): {what}"));
            }
        };
        for u in &UNITS {
            let f = figure_with(u.example, u.word);
            check(f.is_some_and(|f| f.unit == u.reads_as), u.word, u.example, "no figure in this unit");
        }
        for m in &MEASURE_WORDS {
            let f = figure_with(m.example, m.word);
            check(f.is_some_and(|f| f.unit == Unit::Count && f.measure_word.as_deref() == Some(m.word)), m.word, m.example, "no count");
        }
        for q in &QUALIFIERS {
            let (lower, upper) = bounds(q.qualifier, Decimal::ONE, Decimal::ONE);
            let f = figure_with(q.example, q.word);
            let ok = f.is_some_and(|f| {
                let placed = match q.side {
                    Side::Before => f.text.starts_with(q.word),
                    Side::After => f.text.ends_with(q.word),
                };
                placed && f.qualifier == Some(q.qualifier) && (f.lower.is_some(), f.upper.is_some()) == (lower.is_some(), upper.is_some())
            });
            check(ok, q.word, q.example, "not this qualifier with its bounds");
            for c in q.not_after.chars() {
                let inside = format!("{c}{}100元。", q.word);
                check(run(&inside).figures.iter().all(|f| f.qualifier.is_none()), q.word, &inside, "qualifies inside a word");
            }
        }
        for v in &VERBS {
            let x = run(v.example);
            if let Some(role) = v.role {
                check(x.figures.iter().any(|f| f.role == role), v.word, v.example, "no figure with this role");
            }
            if v.takes_whole {
                check(x.figures.iter().any(|f| f.share_of.is_some()), v.word, v.example, "no whole after it");
            }
            if let Some(direction) = v.direction {
                check(x.changes.iter().any(|c| c.direction == direction), v.word, v.example, "no change in this direction");
            }
        }
        for v in &COMPARATIVES {
            let x = run(v.example);
            let rate = x.changes.iter().find(|c| c.relation == Relation::Growth && Some(c.direction) == v.direction);
            let figure = |id: &str| x.figures.iter().find(|f| f.id == id).is_some_and(|f| f.text.starts_with(|c: char| c.is_ascii_digit()));
            check(rate.is_some_and(|c| c.rate_id.as_deref().is_some_and(figure)), v.word, v.example, "no growth by the figure after it");
        }
        for w in &CONTRIBUTIONS {
            let shares = run(w.example).figures.iter().filter(|f| f.role == Role::Share).count();
            check(shares == 1, w.word, w.example, "the contribution is not a share");
        }
        for w in &NOT_VERBS {
            let growth = run(w.example).changes.into_iter().find(|c| c.relation == Relation::Growth);
            check(growth.is_some_and(|c| c.subject.ends_with(w.word)), w.word, w.example, "the verb inside the noun cut the measure");
        }
        for w in &LEVEL_NOUNS {
            let f = figure_with(w.example, "3%");
            check(f.is_some_and(|f| f.role == Role::Level), w.word, w.example, "not a level");
        }
        for l in &LEAPS {
            check(run(l.example).changes.iter().any(|c| c.relation == Relation::BeforeAfter), l.word, l.example, "no before→after change");
        }
        for w in EARLIER_PERIODS.iter().chain(&EARLIER_SPANS).chain(&COMPARISONS) {
            let growth = run(w.example).changes.into_iter().find(|c| c.relation == Relation::Growth);
            check(growth.is_some_and(|c| c.subject == "研发投入"), w.word, w.example, "the multiple is not the level's change");
        }
        for w in &AGO {
            let growth = run(w.example).changes.into_iter().find(|c| c.relation == Relation::Growth);
            check(growth.is_some_and(|c| c.subject == "技术合同成交额"), w.word, w.example, "the multiple is not the level's change");
        }
        for w in GAPS.iter().chain(&GAP_VERBS) {
            let x = run(w.example);
            let points = |id: &str| x.figures.iter().any(|f| f.id == id && f.unit == Unit::PercentagePoint);
            check(
                x.changes.iter().all(|c| !c.rate_id.as_deref().is_some_and(points)),
                w.word,
                w.example,
                "a gap taken for a change of the rate",
            );
        }
        for w in &GAP_VERBS {
            let gap = run(w.example).figures.into_iter().find(|f| f.unit == Unit::PercentagePoint);
            check(gap.is_some_and(|f| f.role == Role::Level), w.word, w.example, "the gap is not a level");
        }
        for w in &TOPIC_ENDS {
            check(
                run(w.example).changes.iter().any(|c| c.subject == "科研人员总量"),
                w.word,
                w.example,
                "the frame does not name the subject",
            );
        }
        for w in &NOT_FROM {
            check(
                run(w.example).changes.iter().all(|c| !c.subject.is_empty()),
                w.word,
                w.example,
                "a change from its 从/由 with no subject",
            );
        }
        for v in &VALUE_LEADS {
            check(
                run(v.example).figures.iter().any(|f| f.text == "63.8" && f.kind == Kind::Number),
                v.word,
                v.example,
                "the decimal is no value",
            );
        }
        for n in &NEGATED {
            let f = figure_with(n.example, "3%");
            check(f.is_some_and(|f| f.value == -3.0 && f.text == "3%"), n.word, n.example, "the rate is not negative");
        }
        for d in &DIGIT_CHANGES {
            let f = figure_with(d.example, "位数");
            check(f.is_some_and(|f| f.role == Role::Change), d.word, d.example, "the digit count is not a change");
        }
        for r in &RANKS {
            let want = match r.does {
                RankWord::Ranks => Unit::Rank,
                RankWord::Moves => Unit::Places,
            };
            check(run(r.example).figures.iter().any(|f| f.unit == want), r.word, r.example, "no rank or places figure");
        }
        for s in &SCOPES {
            check(run(s.example).figures.iter().any(|f| f.unit == Unit::Rank), s.word, s.example, "no rank after the scope");
        }
        for w in &RANKING_NOUNS {
            let ranks = run(w.example).figures.iter().filter(|f| f.unit == Unit::Rank).count();
            check(ranks == 2, w.word, w.example, "the places are not ranks");
        }
        for s in &SERIES {
            check(run(s.example).figures.iter().all(|f| f.unit != Unit::Rank), s.word, s.example, "a rank in a series");
        }
        for w in &TOP_N {
            let f = figure_with(w.example, w.word);
            check(
                f.is_some_and(|f| f.unit == Unit::Rank && f.lower == Some(1.0) && f.upper == Some(f.value)),
                w.word,
                w.example,
                "not the top N",
            );
        }
        for w in &FIRST_PLACE {
            let f = figure_with(w.example, w.word);
            check(f.is_some_and(|f| (f.unit, f.value) == (Unit::Rank, 1.0)), w.word, w.example, "not rank 1");
        }
        for j in &JOINED {
            let f = run(j.example).figures.into_iter().next();
            check(f.is_some_and(|f| f.qualifier.is_some()), j.word, j.example, "the qualifier does not reach past it");
        }
        for p in &PER_WORDS {
            let f = figure_with(p.example, p.word);
            check(f.is_some_and(|f| f.unit == Unit::Percent), p.word, p.example, "no percentage");
        }
        for m in &MONEY_NOUNS {
            let f = run(m.example).figures.into_iter().last();
            check(f.is_some_and(|f| f.unit == Unit::Cny && f.unit_text.is_none()), m.word, m.example, "not yuan");
        }
        for d in &DOUBLINGS {
            let f = figure_with(d.example, d.word);
            let ok = f.is_some_and(|f| (f.unit, f.value, f.role) == (Unit::Times, f64::from(d.times), Role::Change));
            check(ok, d.word, d.example, "not this multiple as a change");
        }
        for a in &APPROXIMATIONS {
            let f = run(a.example).figures.into_iter().find(|f| f.text.starts_with(a.word));
            check(f.is_some_and(|f| f.qualifier == Some(a.qualifier)), a.word, a.example, "not this approximation");
        }
        for w in &FILLERS {
            check(run(w.example).figures.iter().any(|f| f.role != Role::Level), w.word, w.example, "the role word does not reach past it");
        }
        for c in SUBJECT_TAILS
            .iter()
            .chain(&MANNERS)
            .chain(&SUBJECT_OPENINGS)
            .chain(&SUBJECT_VERBS)
            .chain(&HAVING)
            .chain(&BYLINES)
            .chain(&OWNERS)
        {
            check(run(c.example).changes.iter().any(|x| x.subject == c.leaves), c.word, c.example, "not this subject");
        }
        for w in &ADDITIONS {
            let growth = |x: &crate::records::Change| x.relation == Relation::Growth;
            check(run(w.example).changes.iter().any(growth), w.word, w.example, "no growth of what was added");
        }
        for c in RATE_OPENINGS.iter().chain(&TOTALS).chain(&LEVEL_LEADS) {
            let growth = |x: &crate::records::Change| x.relation == Relation::Growth && x.subject == c.leaves;
            check(run(c.example).changes.iter().any(growth), c.word, c.example, "not a growth of this subject");
        }
        for c in &SHARE_TAILS {
            check(run(c.example).figures.iter().any(|f| f.share_of.as_deref() == Some(c.leaves)), c.word, c.example, "not this whole");
        }
        for c in RANK_SCOPE.iter().chain(&PREDICATE_OPENINGS) {
            check(run(c.example).figures.iter().any(|f| f.ranked.as_deref() == Some(c.leaves)), c.word, c.example, "not what is ranked");
        }
        for c in IN_ORDER.iter().chain(&ITEM_SEPARATORS).chain(&ITEM_ENDS).chain(&LIST_JOINERS) {
            check(run(c.example).figures.iter().any(|f| f.item.as_deref() == Some(c.leaves)), c.word, c.example, "not this item");
        }
        for w in TO_WORDS.iter().chain(&NOW) {
            check(run(w.example).changes.iter().any(|c| c.relation == Relation::BeforeAfter), w.word, w.example, "no before→after change");
        }
        for w in &PERIOD_WORDS {
            let year = run(w.example).figures.into_iter().next();
            check(year.is_some_and(|f| f.unit == Unit::Year && f.text == "2021"), w.word, w.example, "the year's span is not its digits");
        }
        for n in ONE_YEAR_NAMED.iter().chain(&CONGRESS).chain(&CONGRESS_AFTER).chain(&SESSION_BODIES).chain(&PLAN_WORDS).chain(&LABELS) {
            check(n.example.contains(n.word) && run(n.example).figures.is_empty(), n.word, n.example, "a figure in a name");
        }
        for n in &NAMES {
            check(n.example.contains(n.word) && run(n.example).figures.is_empty(), n.word, n.example, "a figure in a name");
        }
        let period_of = |example: &str, figure: &str| run(example).figures.into_iter().find(|f| f.text == figure).and_then(|f| f.period);
        for r in &RELATIVE_YEARS {
            let dated = if r.example.contains("120家") { "120家" } else { "150家" };
            check(period_of(r.example, dated) == Some((2023 + r.offset).to_string()), r.word, r.example, "not this year");
        }
        for w in &BASES {
            check(period_of(w.example, "50%").as_deref() == Some("2021/2023"), w.word, w.example, "the change does not run from the base");
        }
        for p in &PARTS_OF_YEAR {
            let months = format!("2023-{:02}/2023-{:02}", p.first, p.last);
            check(period_of(p.example, "120亿元") == Some(months), p.word, p.example, "not these months");
        }
        for w in SPAN_LEADS.iter().chain(&SPAN_TAILS) {
            let ends = (period_of(w.example, "120家"), period_of(w.example, "150家"));
            check(ends == (Some("2018".into()), Some("2023".into())), w.word, w.example, "not the span's ends");
        }
        for p in &PLAN_PERIODS {
            let ends = (period_of(p.example, "120家"), period_of(p.example, "150家"));
            check(ends == (Some((p.first - 1).to_string()), Some(p.last.to_string())), p.word, p.example, "not the plan's ends");
        }
        for w in &PLAN_ENDS {
            check(period_of(w.example, "9家") == Some("2020".into()), w.word, w.example, "not the plan's last year");
        }
        for w in &PLAN_SPANS {
            let multiple = run(w.example).figures.into_iter().find(|f| f.unit == Unit::Times);
            check(multiple.is_some_and(|f| f.role == Role::Change), w.word, w.example, "the multiple of the plan's span is not a change");
        }
        for w in &SINCE {
            let ends = (period_of(w.example, "120家"), period_of(w.example, "150家"));
            check(ends == (Some("2020".into()), Some("2023".into())), w.word, w.example, "not the years since the plan began");
        }
        let region_of = |example: &str| run(example).figures.into_iter().find(|f| f.unit != Unit::Year).and_then(|f| f.region);
        for p in &PROVINCES {
            // A title naming another province, so that the example's is not the document's own.
            let title = if p.code == "CN-XZ" { "青海省公报\n" } else { "西藏自治区公报\n" };
            check(region_of(&format!("{title}{}", p.example)).as_deref() == Some(p.code), p.name, p.example, "not this province");
        }
        check(region_of(NATION.example).as_deref() == Some(NATION_CODE), NATION.word, NATION.example, "not the whole country");
        for w in &PLACE_SUFFIXES {
            let r = region_of(w.example);
            check(
                r.as_deref().is_some_and(|r| r.starts_with("CN-SN/") && w.example.contains(&format!("{}{}", &r[6..], w.word))),
                w.word,
                w.example,
                "not this place",
            );
        }
        assert!(wrong.is_empty(), "entries whose example does not show what the table says:\n{}", wrong.join("\n"));
    }
}
