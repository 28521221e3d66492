//! Rank: positions in a ranking (第16位, 排名第8, 居全国首位), the top N (前10名) and places moved
//! (前移4位). The ranking and moving verbs come from [`crate::lexicon::ranks`].

use crate::document::{CLAUSE_BREAKS, Folded};
use rust_decimal::Decimal;

use super::number::Number;
use super::unit::Reading;
use super::{Draft, Found, before_spaces, ends_with, holds_word, joins_list, len, non_figure, starts_with};
use crate::lexicon::periods::NOW;
use crate::lexicon::ranks::{self, FIRST_PLACE, RANKING_NOUNS, RankWord, SCOPES, SERIES, TOP_N};
use crate::lexicon::verbs;
use crate::records::{Kind, Qualifier, Unit};

/// How far before 首位 or 第N a ranking verb may stand (居全国第7位、中部首位).
const RANK_REACH: usize = 12;

const RANK: Reading = (Unit::Rank, Kind::Rank, None);

/// Where the 第 of an ordinal (第3, and 第 7 as PDF-to-text spaces it) stands.
pub(super) fn ordinal_at(f: &Folded, n: &Number) -> Option<usize> {
    let at = before_spaces(f, n.start).checked_sub(1)?;
    (f[at] == '第').then_some(at)
}

/// Whether a ranking holds before `at`: a ranking verb earlier in the clause, a few words back, or
/// a scope right before (全国第一).
fn ranked_before(f: &Folded, at: usize) -> bool {
    let clause_start = f.clause_start(at);
    let from = clause_start.max(at.saturating_sub(RANK_REACH));
    ranks::doing(RankWord::Ranks).any(|v| (from..at).any(|k| starts_with(f, k, v))) || SCOPES.iter().any(|s| ends_with(f, at, s.word))
}

/// 居全国首位, 位居榜首, 居全国第7位、中部首位: a word that is rank 1 with a ranking verb earlier
/// in the clause, a few words back.
pub(super) fn first_place(f: &Folded, i: usize) -> Option<Found> {
    let w = FIRST_PLACE.iter().find(|w| starts_with(f, i, w.word))?;
    ranked_before(f, i).then(|| Found::exact(i, i + len(w.word), Decimal::ONE, Unit::Rank, Kind::Rank))
}

/// Whether the ordinal 第N at `at..end` is an end of a move whose other end is an ordinal too (由第六
/// 跃升至第五): a rank, though no ranking verb stands before it.
fn ordinal_move(f: &Folded, at: usize, end: usize) -> bool {
    let ordinal_after = |k: usize, marks: &[char]| marks.contains(&f[k]) && f.get(k + 1) == Some(&'第');
    let before = at.checked_sub(1).map(|k| f[k]);
    let clause_end = (end..f.len().min(end + RANK_REACH)).find(|&k| CLAUSE_BREAKS.contains(&f[k])).unwrap_or(f.len().min(end + RANK_REACH));
    let leaves = matches!(before, Some('由' | '从')) && (end..clause_end).any(|k| ordinal_after(k, &['至', '到', '为']));
    let reaches = matches!(before, Some('至' | '到' | '为')) && (f.clause_start(at)..at).any(|k| ordinal_after(k, &['由', '从']));
    leaves || reaches
}

/// Whether 第N is the N-th of a series (第一梯队) rather than a rank.
fn in_series(f: &Folded, end: usize) -> bool {
    SERIES.iter().any(|s| starts_with(f, end, s.word))
}

/// 排名第8, 居全国第5, 全球第一: an ordinal with no unit after a ranking verb or a scope; its span
/// takes in the 第. 进入全国前三: the top N, a rank of at most N.
pub(super) fn after_verb(f: &Folded, n: &Number, d: &mut Draft) -> Option<Reading> {
    if let Some(at) = d.ordinal.filter(|&at| !in_series(f, d.end) && (ranked_before(f, at) || ordinal_move(f, at, d.end))) {
        d.start = at;
        return Some(RANK);
    }
    // 50强, but not a verb or noun that 强 starts (3强化, 强度), nor a name written in Chinese
    // numerals (百强县, 十强).
    if let Some(w) = TOP_N
        .iter()
        .find(|w| n.arabic && starts_with(f, d.end, w.word) && !f.get(d.end + len(w.word)).is_some_and(|c| "化调度制".contains(*c)))
    {
        d.end += len(w.word);
        // 前70强: the span takes in the 前, as 前10名's does.
        if n.start > 0 && f[n.start - 1] == '前' {
            top_n(d);
        } else {
            at_most(d);
        }
        return Some(RANK);
    }
    // 综合排名33,较去年进步了9位: a whole number right after a ranking verb of two chars or more,
    // with nothing after it in its clause.
    let bare = n.arabic && !n.scaled && !f[n.start..n.end].contains(&'.') && !f.get(d.end).is_some_and(|&c| c.is_alphanumeric());
    if bare && ranks::doing(RankWord::Ranks).any(|v| len(v) >= 2 && ends_with(f, n.start, v)) {
        return Some(RANK);
    }
    let top = n.start > 0 && f[n.start - 1] == '前' && !f.get(d.end).is_some_and(|&c| non_figure::is_cjk(c));
    if top && ranked_before(f, n.start - 1) {
        top_n(d);
        return Some(RANK);
    }
    None
}

/// 前10名: a rank of at most N; the span takes in the 前.
fn top_n(d: &mut Draft) {
    d.start -= 1;
    at_most(d);
}

/// Whether the number at `at` is what a move reached from a rank with 第 earlier in its clause (由
/// 第25位上升到目前的18位): 到, 至 or 为 stands before it, past the time that dates it.
fn reached_from_rank(f: &Folded, at: usize) -> bool {
    let cs = f.clause_start(at);
    let mut k = if at > cs && f[at - 1] == '的' { at - 1 } else { at };
    if let Some(w) = NOW.iter().find(|w| ends_with(f, k, w.word)) {
        k -= len(w.word);
    } else if k > cs && f[k - 1] == '年' {
        k -= 1;
        while k > cs && f[k - 1].is_ascii_digit() {
            k -= 1;
        }
    }
    let to = k > cs && matches!(f[k - 1], '到' | '至' | '为');
    to && (cs..k).any(|j| f[j] == '第' && f.get(j + 1).is_some_and(char::is_ascii_digit))
}

/// A rank of at most the number (the top N).
fn at_most(d: &mut Draft) {
    d.qualifier = Some(Qualifier::AtMost);
    d.lower = Some(Decimal::ONE);
    d.upper = Some(d.value);
}

/// Whether a noun follows at `end` (3位专家), not the next item of a list.
fn noun_after(f: &Folded, end: usize) -> bool {
    f.get(end).is_some_and(|&c| non_figure::is_cjk(c) && !joins_list(c))
}

/// [`noun_after`], 的, a moving verb and a change verb aside (在20名的基础上, 由23名上升到17名,
/// 由27位升至21位).
fn noun_after_but_de(f: &Folded, end: usize) -> bool {
    noun_after(f, end)
        && f[end] != '的'
        && !ranks::doing(RankWord::Moves).any(|v| starts_with(f, end, v))
        && verbs::MOVE_LEXICON.starting_at(f, end).next().is_none()
}

/// Whether a ranking noun stands earlier in the sentence of `at`.
fn ranking_named(f: &Folded, at: usize) -> bool {
    RANKING_NOUNS.iter().any(|w| holds_word(&f[f.sentence_start(at)..at], w.word))
}

/// How far back a list of ranks or of places moved is walked to the 第 or the verb that opens it.
const LIST_REACH: usize = 32;

/// Whether the number at `at` is a later item of a list of ordinals (第17、37、66和88位): its
/// items, back over digits and list marks, start with 第.
fn in_list_of_ordinals(f: &Folded, at: usize) -> bool {
    let floor = at.saturating_sub(LIST_REACH);
    let listed = |c: char| c.is_ascii_digit() || matches!(c, '.' | ' ') || joins_list(c);
    let Some(k) = (floor..at).rev().find(|&k| !listed(f[k])) else { return false };
    f[k] == '第' && (k + 1..at).any(|j| joins_list(f[j]))
}

/// Whether a moving verb opens the places before `at`, past 了, 分别 and earlier places of a list
/// (提升了4位、3位和8位).
fn moved_before(f: &Folded, at: usize) -> bool {
    let floor = at.saturating_sub(LIST_REACH);
    let mut k = at;
    loop {
        if ranks::doing(RankWord::Moves).any(|v| ends_with(f, k, v)) {
            return true;
        }
        if k <= floor {
            return false;
        }
        // 前进了整整35位: an adverb of how many stands between as well.
        if let Some(w) = ["分别", "整整"].iter().find(|w| ends_with(f, k, w)) {
            k -= len(w);
            continue;
        }
        match f[k - 1] {
            '了' | '、' | '和' | '及' | '位' | '.' => k -= 1,
            c if c.is_ascii_digit() => k -= 1,
            _ => return false,
        }
    }
}

/// A number before the measure word `w` that makes it a rank (第3名, and the later items of
/// 第17、37和88位), the top N (前10位: a rank of at most N) or the places a rank moved (前移4位,
/// 提升了4位、3位和8位, but not 3位专家).
pub(super) fn measure(f: &Folded, n: &Number, d: &mut Draft, w: &str) -> Option<Reading> {
    let position = w == "位" || w == "名";
    let counted = noun_after(f, d.end);
    if let Some(at) = d.ordinal.filter(|_| position) {
        d.start = at;
        Some(RANK)
    } else if position && n.start > 0 && f[n.start - 1] == '前' {
        top_n(d);
        Some(RANK)
    } else if position && in_list_of_ordinals(f, n.start) {
        Some(RANK)
    } else if w == "位" && (ranks::doing(RankWord::Moves).any(|v| ends_with(f, n.start, v)) || (!counted && moved_before(f, n.start))) {
        Some((Unit::Places, Kind::RankChange, None))
    } else if let Some(noun) = RANKING_NOUNS.iter().find(|r| w == "个" && starts_with(f, d.end, r.word) && moved_before(f, n.start)) {
        // 提高三个位次: places counted with 个 and a ranking noun, which the span takes in.
        d.end += len(noun.word);
        Some((Unit::Places, Kind::RankChange, None))
    } else if position && n.arabic && !noun_after_but_de(f, d.end) && ranking_named(f, n.start) {
        Some(RANK)
    } else if position && !counted && reached_from_rank(f, n.start) {
        // 由第25位上升到目前的18位: the place a rank moved to, without 第.
        Some(RANK)
    } else if w == "位" && !counted && ranked_before(f, n.start) {
        // 位列全国12位: a place after a ranking verb, without 第.
        Some(RANK)
    } else if let Some(at) = d.ordinal.filter(|&at| w == "大" && ranked_before(f, at)) {
        // 世界第一大专利申请国: the rank is 第一; 大 belongs to the noun.
        d.start = at;
        d.end -= 1;
        Some(RANK)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use crate::records::Unit;
    use crate::scan::tests::{one, surface};

    #[test]
    fn a_list_of_ranks_and_of_places_moved() {
        assert_eq!(surface("各园区分别位列第12、45、71和93位。"), ["第12", "45", "71", "93位"]);
        let t = crate::document::Text::new("分别位列第12、45、71和93位,其余园区分别提升了5位、2位和9位。");
        let figures = crate::scan::scan(&t).figures;
        let units: Vec<Unit> = figures.iter().map(|x| x.unit).collect();
        assert_eq!(units, [Unit::Rank, Unit::Rank, Unit::Rank, Unit::Rank, Unit::Places, Unit::Places, Unit::Places]);
        assert_eq!(one("评审会新增了3位专家。").unit, Unit::Count, "3位专家 are people");
    }

    #[test]
    fn a_whole_number_right_after_a_ranking_verb_is_a_rank() {
        let t = crate::document::Text::new("综合排名37,较去年进步了8位;位列3A级。");
        let figures = crate::scan::scan(&t).figures;
        let read: Vec<(Unit, String)> = figures.iter().map(|x| (x.unit, t.slice(x.start, x.end))).collect();
        assert_eq!(read, [(Unit::Rank, "37".into()), (Unit::Places, "8位".into())]);
    }

    #[test]
    fn places_counted_with_ge_and_a_ranking_noun_are_places_moved() {
        assert_eq!(surface("比上年提高两个位次。"), ["两个位次"]);
        let a = one("比上年提高两个位次。");
        assert_eq!((a.unit, a.value), (Unit::Places, Decimal::TWO));
        assert_eq!(one("新建两个名次榜单。").unit, Unit::Count, "no move before it");
    }

    #[test]
    fn an_ordinal_spaced_from_its_di_is_a_rank_whose_span_takes_in_the_di() {
        assert_eq!(surface("位居全国第 7位。"), ["第 7位"]);
    }

    #[test]
    fn shouwei_after_a_ranking_verb_is_rank_one() {
        let a = one("居全国首位。");
        assert_eq!((a.unit, a.value), (Unit::Rank, Decimal::ONE));
        assert!(surface("居全国前列。").is_empty());
    }

    #[test]
    fn n_wei_in_a_named_ranking_is_a_place_unless_it_counts_someone() {
        let t = crate::document::Text::new("全市创新指数排位由上年的19位升至14位,新聘5位院士。");
        let units: Vec<Unit> = crate::scan::scan(&t).figures.iter().map(|x| x.unit).collect();
        assert_eq!(units, [Unit::Rank, Unit::Rank, Unit::Count]);
    }
}
