//! Subjects: what a statement is about, cut from its clause — the subject of a level or change,
//! what a rank ranks and the whole a share is part of. Clause text only: it must never consult a
//! list of known subjects.

use crate::document::Folded;
use std::sync::LazyLock;

use super::before_after::is_from;
use super::{Linked, first_start_in, is_word, past_time_figures, text, time_ending_at};
use crate::document::Text;
use crate::lexicon::Lexicon;
use crate::lexicon::clauses::{
    BYLINES, HAVING, MANNERS, OWNERS, PREDICATE_OPENINGS, RANK_SCOPE, RATE_OPENINGS, SHARE_TAILS, SUBJECT_OPENINGS, SUBJECT_TAILS,
    SUBJECT_VERBS, TO_WORDS, TOTALS,
};
use crate::lexicon::periods::{PARTS_OF_YEAR, SPAN_TAILS};
use crate::lexicon::ranks::{self, RANKING_NOUNS, RankWord};
use crate::lexicon::verbs::{COMPARISONS, GAP_VERBS, MOVE_LEXICON, NOT_VERBS, VERBS, rate_words};
use crate::numerals::is_chinese_numeral_char;
use crate::records::{Kind, Role};
use crate::scan::{Found, ends_with, starts_with};

/// The words cut from a subject's end: [`SUBJECT_TAILS`] and the adverbs of manner before a change
/// verb ([`MANNERS`]).
fn subject_tails() -> impl Iterator<Item = &'static str> {
    SUBJECT_TAILS.iter().chain(&MANNERS).map(|c| c.word)
}

/// What a rank's clause may end with besides its subject: the scope words, the ranking verbs and
/// the subject tails.
static RANK_TAILS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let scope = RANK_SCOPE.iter().map(|c| c.word);
    scope.chain(ranks::doing(RankWord::Ranks)).chain(subject_tails()).collect()
});
static SHARE_TAIL_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| SHARE_TAILS.iter().map(|c| c.word).collect());

/// The clause tables as lexicons with each word's length in chars: subjects are cut at every
/// figure, and a lexicon passes over a word on its first or last char where comparing and
/// counting each word was a tenth of extraction.
fn lengths(words: impl Iterator<Item = &'static str>) -> Lexicon<usize> {
    Lexicon::new(words.map(|w| (w, w.chars().count())))
}
static TAILS: LazyLock<Lexicon<usize>> = LazyLock::new(|| lengths(subject_tails()));
static TOTAL_WORDS: LazyLock<Lexicon<usize>> = LazyLock::new(|| lengths(TOTALS.iter().map(|c| c.word)));
/// Words cut from a subject's start: [`SUBJECT_OPENINGS`] and the parts of a year (上半年,
/// 前三季度全市发明专利授权量 → 发明专利授权量), which date the measure as 全年 does.
static OPENINGS: LazyLock<Lexicon<usize>> =
    LazyLock::new(|| lengths(SUBJECT_OPENINGS.iter().map(|c| c.word).chain(PARTS_OF_YEAR.iter().map(|p| p.word))));
static HAVING_WORDS: LazyLock<Lexicon<usize>> = LazyLock::new(|| lengths(HAVING.iter().map(|c| c.word)));
static VERBS_BEFORE: LazyLock<Lexicon<usize>> = LazyLock::new(|| lengths(SUBJECT_VERBS.iter().map(|c| c.word)));
static TO_LEXICON: LazyLock<Lexicon<usize>> = LazyLock::new(|| lengths(TO_WORDS.iter().map(|w| w.word)));

/// Trims any of `tails` (longest first) off the end of `s`, repeatedly.
fn trim_tails(mut s: &str, tails: &[&str]) -> String {
    // Compared byte by byte from the end: `str::ends_with` calls `memcmp` for each of the many
    // tails, and this runs for every rank and share (1.5% of extraction).
    let ends = |s: &str, t: &str| s.len() >= t.len() && s.bytes().rev().zip(t.bytes().rev()).all(|(a, b)| a == b);
    while let Some(t) = tails.iter().filter(|t| ends(s, t)).max_by_key(|t| t.len()) {
        s = &s[..s.len() - t.len()];
    }
    s.trim().to_string()
}

/// What a rank figure ranks: its clause up to its first figure, less the ranking words and a
/// locative 在…中; or, when nothing is left, the nearest earlier clause of the sentence that names
/// a subject (…经费支出达到89.36亿元,相当于GDP的1.73%,在全省排第二位 → 经费支出).
fn ranked(f: &Folded, figures: &[Found], x: &Found) -> Option<String> {
    let mut start = f.clause_start(x.start);
    let mut end = x.start;
    for _ in 0..4 {
        let upto = first_start_in(figures, start, end);
        let clause = text(f, start, upto);
        let name = trim_tails(&clause, &RANK_TAILS);
        let name = match name.rfind('在') {
            Some(p) if p > 0 => name[..p].to_string(),
            _ => name,
        };
        // An earlier clause that only continues a predicate names no subject.
        let predicate = start < f.clause_start(x.start) && PREDICATE_OPENINGS.iter().any(|w| clause.starts_with(w.word));
        if !name.is_empty() && !predicate {
            return Some(name);
        }
        if start < 2 || f[start - 1] != ',' {
            return None;
        }
        end = start - 1;
        start = f.clause_start(end);
    }
    None
}

/// What a share is a share of: the words after 占 (or 相当于) up to the clause's first figure
/// after it, or X in 在X中占 / 在X中的占比.
fn share_of(f: &Folded, figures: &[Found], x: &Found) -> Option<String> {
    let cs = f.clause_start(x.start);
    let clause = text(f, cs, x.start);
    let (at, word) =
        VERBS.iter().filter(|v| v.takes_whole).filter_map(|v| clause.rfind(v.word).map(|p| (p, v.word))).max_by_key(|(p, _)| *p)?;
    let after = cs + clause[..at + word.len()].chars().count();
    let upto = first_start_in(figures, after, x.start + 1).min(x.start);
    let rest = text(f, after, upto);
    let whole = if rest.starts_with('比') { String::new() } else { trim_tails(&rest, &SHARE_TAIL_WORDS) };
    if !whole.is_empty() {
        return Some(whole);
    }
    let before = trim_tails(&clause[..at], &["的", "依次", "分别", "各自", "各"]);
    let before = before.strip_suffix("中")?;
    before.rfind('在').map(|p| before[p + '在'.len_utf8()..].trim().to_string()).filter(|w| !w.is_empty())
}

/// For each rank figure what it ranks, and for each share what it is a share of.
pub fn context(t: &Text, figures: &[Found]) -> Vec<(usize, Option<String>, Option<String>)> {
    let f = &t.folded;
    figures
        .iter()
        .enumerate()
        .filter_map(|(i, x)| match (x.kind, x.role) {
            (Kind::Rank, _) => Some((i, ranked(f, figures, x), None)),
            (_, Role::Share) => Some((i, None, share_of(f, figures, x))),
            _ => None,
        })
        .collect()
}

/// The subject of a level: its clause up to the words that introduce the figure. A clause with
/// nothing left (各为145.45亿元), or only a word for the total of what the clause before counts
/// (净增1244家,总数达到8426家), takes the clause before it in the same sentence, up to that
/// clause's first figure, which names what the figures are of.
pub(super) fn subject_span(f: &Folded, figures: &[Found], level_start: usize) -> (usize, usize) {
    let cs = f.clause_start(level_start);
    // A share stated in a clause of its own (…,占全省的6.3%; …,占比63.7%) is of what the
    // sentence named before it; one that names its measure (占全省的比重达到76.4%) is that measure.
    let bare_share = || {
        let own = subject_end(f, figures, cs, level_start);
        f[level_start - 1] == '的' || (own == cs + 2 && f[cs + 1] == '比')
    };
    if f.get(cs) == Some(&'占')
        && level_start > cs
        && bare_share()
        && let Some(span) = named_before(f, figures, cs)
    {
        return span;
    }
    let end = subject_end(f, figures, cs, level_start);
    let previous_clause = cs >= 2 && f[cs - 1] == ',';
    // A total word, with at most a two-char qualifier before it (入库总数), names nothing itself.
    let only_total = (cs..=(cs + 2).min(end)).any(|s| TOTAL_WORDS.starting_at(f, s).any(|(_, n)| s + n == end));
    // A share of a whole named after 占 (增加值占规模工业的42.8%) is of what stands before 占; a
    // share noun after the whole (占…的比重) names the measure, and it stays.
    let share_of = (level_start > 0 && f[level_start - 1] == '的').then(|| (cs + 1..end).rev().find(|&k| f[k] == '占')).flatten();
    match (end > cs && !only_total, previous_clause) {
        (true, _) => (cs, share_of.unwrap_or(end)),
        (false, true) => {
            // Past the time that opens the clause before (2023年我国R&D经费投入总量突破…).
            let pcs = past_time_figures(figures, f.clause_start(cs - 1), cs);
            let upto = first_start_in(figures, pcs, cs - 1);
            (pcs, subject_end(f, figures, pcs, upto))
        }
        // Nothing but introducing words (合计成交571.13亿元): keep them rather than nothing.
        (false, false) => (cs, level_start),
    }
}

/// The subject the sentence last named before the clause at `cs`: that of the nearest clause
/// before it, past a comma or a semicolon, that names one and does not itself open on a share or
/// a comparison (…140个,比上年增长50.5%;占… → the clause of 140个).
pub(super) fn named_before(f: &Folded, figures: &[Found], cs: usize) -> Option<(usize, usize)> {
    let sentence = f.sentence_start(cs);
    let mut c = cs;
    while c >= 2 && c > sentence && matches!(f[c - 1], ',' | ';') {
        let pcs = f.clause_start(c - 1);
        let e = measure_end(f, pcs, subject_end(f, figures, pcs, first_start_in(figures, pcs, c - 1)));
        let predicate = f[pcs] == '占'
            || RATE_OPENINGS
                .iter()
                .map(|w| w.word)
                .chain(COMPARISONS.iter().chain(&GAP_VERBS).map(|w| w.word))
                .any(|w| starts_with(f, pcs, w));
        if e > pcs && !predicate {
            return Some((pcs, e));
        }
        c = pcs;
    }
    None
}

/// Where the measure named in `s..e` ends: before the first comparison or change verb (规上工业
/// 增加值 of 规上工业增加值同比增长); a rate word names the measure (投资增速), and a verb that only
/// starts a word (增 of 增速, 增加 of 增加值) does not end it.
pub(super) fn measure_end(f: &Folded, s: usize, e: usize) -> usize {
    let opens = |k: usize| {
        // The 从/由 of a before→after (拥有量从15.6件增至19.3件).
        is_from(f, k)
            || RATE_OPENINGS.iter().any(|w| starts_with(f, k, w.word))
            || (MOVE_LEXICON.starting_at(f, k).next().is_some()
                && !rate_words().chain(NOT_VERBS.iter().map(|w| w.word)).any(|w| starts_with(f, k, w)))
    };
    (s..e).find(|&k| opens(k)).unwrap_or(e)
}

/// `e` less the change verb that ends `s..e` (技术合同成交额增加 of 技术合同成交额增加350亿元).
pub(super) fn without_move(f: &Folded, s: usize, e: usize) -> usize {
    MOVE_LEXICON.ending_at(f, e).map(|(w, _)| w.chars().count()).find(|&n| e > s + n).map_or(e, |n| e - n)
}

/// Where the subject of a level stops: before the words that introduce the figure, and before a
/// change verb that leads to it (比重提高到8.5%, 企业增至300家).
pub(super) fn subject_end(f: &Folded, figures: &[Found], cs: usize, level_start: usize) -> usize {
    let mut end = level_start;
    loop {
        // 2012年时: 时 makes the year a time of the measure.
        let dated = if end > cs && f[end - 1] == '时' { end - 1 } else { end };
        if let Some(q) = time_ending_at(figures, dated).filter(|x| x.start >= cs) {
            end = q.start;
            continue;
        }
        if let Some((_, to)) = TO_LEXICON.ending_at(f, end).next() {
            let at = end - to;
            if let Some(n) = MOVE_LEXICON.ending_at(f, at).map(|(w, _)| w.chars().count()).find(|n| at >= cs + n) {
                end = at - n;
                continue;
            }
        }
        match TAILS.ending_at(f, end).map(|(_, n)| n).find(|n| end >= cs + n) {
            Some(n) => end -= n,
            None => return end,
        }
    }
}

/// The ranking a rank change is stated in, when the clause before it names one: the span of X
/// in 在X中 (在全球创新指数排名中,我国由第12位升至第11位 → 全球创新指数排名), or a clause of no
/// figure that ends in a ranking noun (全球创新指数排名,我国从第34位上升到第12位).
pub(super) fn ranking(f: &Folded, cs: usize) -> Option<(usize, usize)> {
    if cs < 2 || f[cs - 1] != ',' {
        return None;
    }
    let pcs = f.clause_start(cs - 1);
    if f[pcs] == '在' && f[cs - 2] == '中' && cs - 2 > pcs + 1 {
        return Some((pcs + 1, cs - 2));
    }
    let named = RANKING_NOUNS.iter().any(|w| ends_with(f, cs - 1, w.word)) && !f[pcs..cs - 1].iter().any(char::is_ascii_digit);
    named.then_some((pcs, cs - 1))
}

/// Where the subject of a rank stops: before the scope words and one ranking verb (区域创新能力
/// 综合排名居全国第10位 → 区域创新能力综合排名: the 排名 before 居 is the noun).
pub(super) fn rank_subject_end(f: &Folded, s: usize, mut e: usize) -> usize {
    let ends_with = |e: usize, w: &str| {
        let n = w.chars().count();
        e >= s + n && is_word(f, e - n, e, w)
    };
    let scope = || RANK_SCOPE.iter().map(|c| c.word).chain(subject_tails());
    let mut verb = true;
    loop {
        let cut = scope().filter(|w| ends_with(e, w)).max_by_key(|w| w.len());
        // A ranking verb that is also a ranking noun (排名) names the ranking and stays.
        let verbs = || ranks::doing(RankWord::Ranks).filter(|w| !RANKING_NOUNS.iter().any(|n| n.word == *w));
        let cut = cut.or_else(|| verb.then(|| verbs().filter(|w| ends_with(e, w)).max_by_key(|w| w.len())).flatten());
        let Some(w) = cut else { return e };
        verb &= scope().any(|x| x == w);
        e -= w.chars().count();
    }
}

/// Dashes and bullets that open a list item (——应用研究经费…, ● 高新技术企业…), never part of
/// what it names.
const ITEM_MARKS: [char; 12] = ['—', '–', '-', '·', '•', '●', '○', '■', '◆', '★', '※', '▲'];

/// Whether the bracketed group closing at `close` (within `s..close`) is a byline: it opens with
/// one of [`BYLINES`], or follows the 电 that ends a news agency's dateline (…9月29日电 (王明)).
fn byline_opens(f: &Folded, s: usize, close: usize) -> bool {
    let Some(open) = f[s..close].iter().rposition(|c| *c == '(').map(|p| s + p) else { return false };
    let inside = open + 1 + f[open + 1..close].iter().take_while(|c| c.is_whitespace()).count();
    let dateline = f[s..open].iter().rev().find(|c| !c.is_whitespace()) == Some(&'电');
    dateline || BYLINES.iter().any(|w| starts_with(f, inside, w.word))
}

/// Whether the bracket opening at `open` holds only a romanised reading (營業(yè)收入, as some
/// copies of a text gloss their characters): no part of a name.
fn gloss_at(f: &Folded, open: usize) -> Option<usize> {
    if f.get(open) != Some(&'(') {
        return None;
    }
    let close = (open + 1..f.len().min(open + 12)).find(|&k| f[k] == ')')?;
    let reading = close > open + 1 && f[open + 1..close].iter().all(|c| c.is_alphabetic() && !crate::scan::non_figure::is_cjk(*c));
    reading.then_some(close + 1)
}

/// A footnote mark closing the subject (高新技术企业[9]): where it opens. A gloss in round brackets
/// (投入强度(与地区生产总值之比)) is part of the term as the text writes it and stays.
fn closing_footnote(f: &Folded, s: usize, e: usize) -> Option<usize> {
    (f.get(e.checked_sub(1)?)? == &']').then(|| f[s..e].iter().rposition(|c| *c == '[').map(|p| s + p)).flatten()
}

/// The subject as written: the span the linker gave, less what scopes, times or introduces the
/// measure — a leading year or time phrase, any figure inside it with its 的 (成交额超过1亿元的重大
/// 技术合同 → 重大技术合同), scope words (全省), verbs before the measure (高新区实现营业收入),
/// the words that introduce the figure, a closing footnote mark.
pub fn subject_text(t: &Text, figures: &[Found], c: &Linked) -> (usize, String) {
    cut_subject(t, figures, c.subject_start, c.subject_end)
}

/// The subject of the figure starting at `at` when it stands alone, cut as a statement's is.
pub fn level_subject(t: &Text, figures: &[Found], at: usize) -> (usize, String) {
    let (s, e) = subject_span(&t.folded, figures, at);
    cut_subject(t, figures, s, e)
}

fn cut_subject(t: &Text, figures: &[Found], start: usize, end: usize) -> (usize, String) {
    let f = &t.folded;
    let (mut s, mut e) = (start, end.max(start));
    // A heading run into its paragraph with a space (科技 全年研究与试验发展经费…): the subject
    // starts at the scope word after the space.
    if let Some(k) = (s..e).rev().find(|&k| f[k] == ' ' && OPENINGS.starting_at(f, k + 1).next().is_some()) {
        s = k + 1;
    }
    // A dateline and byline run into the sentence (…电 (记者 王明)技术合同成交额…): the first
    // bracket closed in the subject, so that a long one is walked once.
    if let Some(close) = (s..e).find(|&k| f[k] == ')').filter(|&k| byline_opens(f, s, k)) {
        s = close + 1;
    }
    // An industry before the verb owns the measure (电子信息产业实现增加值 → 电子信息产业增加值); a
    // place or a body (高新区实现营业收入) only scopes it and is cut with the verb. A scope framed by
    // 在…中 between the one ranked and the ranking (常州高新区在全国147个高新区中综合排名) is cut
    // from between them.
    let mut owner = None;
    if let Some((at, close)) = scope_frame(f, s, e) {
        let named = past_openings(f, s, at);
        owner = (named < at).then_some((named, at));
        s = close + 1;
    }
    loop {
        let before = (s, e);
        while s < e && (f[s].is_whitespace() || ITEM_MARKS.contains(&f[s])) {
            s += 1;
        }
        // A list item's number (2、内蒙古全社会研发人力投入…).
        let digits = f[s..e].iter().take_while(|&&c| c.is_ascii_digit() || is_chinese_numeral_char(c)).count();
        if digits > 0 && s + digits + 1 < e && matches!(f[s + digits], '、' | '.' | ')') {
            s += digits + 1;
        }
        // The reading of the verb just cut (实现(xiàn)营业收入).
        if let Some(k) = gloss_at(f, s).filter(|&k| k < e) {
            s = k;
        }
        // A quote the subject opens and never closes belongs to the sentence, not the name.
        if s < e && matches!(f[s], '“' | '"') && !f[s + 1..e].iter().any(|c| matches!(c, '”' | '"')) {
            s += 1;
        }
        // A time between the measure and its value (研发经费投入2014年为366.77亿元) dates the value.
        if last_within(figures, s, e).is_some_and(|x| x.kind.is_time()) {
            e = subject_end(f, figures, s, e).max(s);
        }
        if let Some(x) = last_within(figures, s, e) {
            s = x.end;
            // The word that makes a number of years a span (10年间, 五年来).
            if x.kind == Kind::Duration
                && let Some(w) = SPAN_TAILS.iter().find(|w| starts_with(f, s, w.word))
            {
                s = (s + w.word.chars().count()).min(e);
            }
            if s < e && matches!(f[s], '的' | '、') {
                s += 1;
            }
        }
        if let Some(n) = OPENINGS.starting_at(f, s).map(|(_, n)| n).find(|n| e - s > *n) {
            s += n;
        }
        // A plan period opening the subject dates it (“十三五”时期湖北高新技术企业).
        if let Some(k) = super::before_after::plan_end_at(f, s).filter(|&k| k < e) {
            s = k;
        }
        // Anywhere in the subject (国家级经开区拥有高新技术企业), but not after a per-person count
        // (每万人拥有, 每万人口拥有), whose measure it names.
        if let Some((at, n)) = (s..e).find_map(|k| HAVING_WORDS.starting_at(f, k).next().map(|(_, n)| (k, n)))
            && e - at > n + 1
            && !f[at.saturating_sub(4).max(s)..at].contains(&'每')
            && (at == s || !matches!(f[at - 1], '人' | '口'))
            && f.get(at + n) != Some(&'量')
            && !f[at + n..e].contains(&'的')
        {
            s = at + n;
        }
        e = subject_end(f, figures, s, e).max(s);
        // One char after the verb is a noun suffix, not a measure (入库数 is a count's name).
        let after_verb =
            (s..e).rev().find_map(|k| VERBS_BEFORE.starting_at(f, k).map(|(_, n)| (k, k + n)).find(|&(_, after)| after + 1 < e));
        if let Some((verb, k)) = after_verb {
            if verb > s && OWNERS.iter().any(|w| ends_with(f, verb, w.word)) {
                owner = Some((past_openings(f, s, verb), verb));
            }
            s = k;
        }
        if let Some(open) = closing_footnote(f, s, e).filter(|o| *o > s) {
            e = open;
        }
        if (s, e) == before {
            break;
        }
    }
    let measure = t.slice(s, e).trim().to_string();
    match owner {
        Some((a, b)) => (a, [t.slice(a, b).trim(), &measure].concat()),
        None => (s, measure),
    }
}

/// `s` past the scope and time words that open the words before `limit` (去年全省 of 去年全省高新技术
/// 产业实现增加值), one after another.
pub(super) fn past_openings(f: &Folded, mut s: usize, limit: usize) -> usize {
    while let Some(n) = OPENINGS.starting_at(f, s).map(|(_, n)| n).filter(|&n| s + n <= limit).max() {
        s += n;
    }
    s
}

/// How wide a scope framed by 在…中 inside a subject may be, in chars.
const FRAME_MAX: usize = 24;

/// A scope framed by 在…中 inside `s..e`, with words both before and after it and no 的 after it:
/// where 在 and 中 stand.
fn scope_frame(f: &Folded, s: usize, e: usize) -> Option<(usize, usize)> {
    let at = (s + 1..e).find(|&k| f[k] == '在')?;
    let close = (at + 2..e.min(at + FRAME_MAX)).find(|&k| f[k] == '中')?;
    // 在…中的排名: the frame names which ranking, and stays.
    (close + 1 < e && f[close + 1] != '的').then_some((at, close))
}

/// The last figure lying wholly in `s..e` (found by bisection: figures are sorted and do not
/// overlap, and subjects are cut for every change of a document).
fn last_within(figures: &[Found], s: usize, e: usize) -> Option<&Found> {
    let k = figures.partition_point(|x| x.start < e);
    figures[..k].iter().rev().take_while(|x| x.start >= s).find(|x| x.end <= e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::scan;

    fn context_of(s: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let t = Text::new(s);
        let figs = scan(&t).figures;
        context(&t, &figs).into_iter().map(|(i, r, w)| (t.slice(figs[i].start, figs[i].end), r, w)).collect()
    }

    #[test]
    fn a_rank_names_what_it_ranks() {
        let c = context_of("千兆以上宽带用户数居全国第11位。");
        assert_eq!(c[0].1.as_deref(), Some("千兆以上宽带用户数"));
        let c = context_of("江西综合科技创新水平指数从全国第20位前移至第16位;");
        assert!(c.iter().all(|x| x.1.as_deref() == Some("江西综合科技创新水平指数")), "{c:?}");
        let c = context_of("经费支出达到89.36亿元,相当于GDP的1.73%,在全省排第二位。");
        assert_eq!(c.last().unwrap().1.as_deref(), Some("经费支出"));
        let c = context_of("城市建设与社会发展领域在所有领域中排名首位。");
        assert_eq!(c[0].1.as_deref(), Some("城市建设与社会发展领域"));
    }

    #[test]
    fn a_list_items_dash_or_bullet_or_a_heading_run_into_it_is_not_part_of_its_subject() {
        for text in [
            "——应用研究经费326.5亿元,比上年增长8.1%。",
            "● 应用研究经费326.5亿元,比上年增长8.1%。",
            "科技 全年应用研究经费326.5亿元,比上年增长8.1%。",
        ] {
            let t = Text::new(text);
            let figs = scan(&t).figures;
            assert_eq!(level_subject(&t, &figs, figs[0].start).1, "应用研究经费", "{text}");
        }
    }

    #[test]
    fn a_share_names_its_whole() {
        let whole = |s: &str| context_of(s).into_iter().next().and_then(|x| x.2);
        assert_eq!(whole("增加值占规模以上工业企业增加值的比重从30.9%上升至40.2%").as_deref(), Some("规模以上工业企业增加值"));
        assert_eq!(whole("在总成交额中占 75.62%。").as_deref(), Some("总成交额"));
        assert_eq!(whole("相当于GDP的1.73%。").as_deref(), Some("GDP"));
        assert_eq!(whole("在总成交额中的占比依次是2.26%和4.8%。").as_deref(), Some("总成交额"));
        let both = context_of("在总成交额中依次占45.44%、36.27%。");
        assert!(both.iter().all(|x| x.2.as_deref() == Some("总成交额")), "{both:?}");
    }
}
