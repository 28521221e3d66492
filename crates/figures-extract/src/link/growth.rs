//! Growth: a level with the change stated after it in the same sentence (3053.5亿元,比上年增长
//! 30.3%), listed levels paired with listed rates in order, and a running total after the growth
//! that made it (新增技术经纪人860余名,累计达到3200名). A level may also be the later end of a
//! before→after change (由A增至B,年均增长C%): both are stated, both are linked.

use super::subjects::{measure_end, named_before, rank_subject_end, ranking, subject_end, subject_span, without_move};
use super::{Linked, direction_of, first_start_in, is_word, lists::lists, text, time_at};
use crate::document::Folded;
use crate::lexicon::clauses::{IN_ORDER, LEVEL_LEADS, MANNERS, RATE_OPENINGS, SUBJECT_OPENINGS, TO_WORDS, TOTALS};
use crate::lexicon::periods::{BASES, PERIOD_LAST_CHARS, PLAN_PERIODS, RELATIVE_YEARS};
use crate::lexicon::ranks::{self, RankWord};
use crate::lexicon::verbs;
use crate::records::{Direction, Kind, Qualifier, Role, Unit};
use crate::scan::role::{against_earlier, before_plan_tail, comparative_before};
use crate::scan::{self, Found, ends_with, holds_word, non_figure, starts_with};

/// Whether `rate` can state the change of `level`: a relative change (12%, 2倍) of any amount or index value,
/// points of a percentage, places of a rank, or an amount of the level's own unit.
fn can_grow(level: &Found, rate: &Found) -> bool {
    let amount = matches!(
        level.kind,
        Kind::Money | Kind::Count | Kind::Percent | Kind::Area | Kind::Mass | Kind::Multiple | Kind::Other | Kind::Number
    );
    // A share changes by points (占比达66.8%,较上届提高4.5个百分点); a percentage after a share
    // is the growth of the amount before it.
    if level.role == Role::Share {
        return rate.kind == Kind::PercentagePoint;
    }
    match rate.kind {
        Kind::Percent | Kind::Multiple => amount,
        Kind::PercentagePoint => level.kind == Kind::Percent,
        Kind::RankChange => level.kind == Kind::Rank,
        _ => amount && rate.kind == level.kind && rate.unit == level.unit,
    }
}

/// Whether a clause between the level at `level` and the rate's clause starting at `rate_clause`
/// states a change of its own with no figure (焦作高新区位次也明显提升,分别提升了4位…): the rate is
/// that clause's, not the level's.
fn changed_between(f: &Folded, figures: &[Found], level: usize, rate_clause: usize) -> bool {
    let level_clause = f.clause_start(level);
    let mut end = rate_clause;
    while end >= 2 && end > level_clause {
        let cs = f.clause_start(end - 1);
        if cs <= level_clause {
            return false;
        }
        if first_start_in(figures, cs, end - 1) >= end - 1 && direction_of(&text(f, cs, end - 1)).is_some() {
            return true;
        }
        end = cs;
    }
    false
}

/// What may open a clause that only restates a level as a threshold (首次突破300亿元): a clause
/// naming something (总数突破六千家) states a level of its own.
const THRESHOLD_LEADS: [&str; 5] = ["", "首次", "再次", "历史性", "首"];

/// Whether figure `k` restates the level before it as a threshold crossed, in a clause of its own
/// (成交额735.95亿元,首破700亿元; 登记11741项,首破万项): a figure bounded below only, after at most
/// a short lead (首次, 历史性), with a figure of its unit closing the clause before.
fn restates(f: &Folded, figures: &[Found], k: usize) -> bool {
    let x = &figures[k];
    let cs = f.clause_start(x.start);
    let bounded_below = matches!(x.qualifier, Some(Qualifier::MoreThan | Qualifier::AtLeast)) && x.upper.is_none();
    let lead = THRESHOLD_LEADS.contains(&text(f, cs, x.start).as_str());
    let before = k.checked_sub(1).map(|p| &figures[p]);
    // A bare 400亿 restates 405.3亿元 as well.
    let same_unit = |p: &Found| p.unit == x.unit || (x.unit == Unit::Count && x.measure_word.is_none());
    bounded_below && lead && cs >= 2 && before.is_some_and(|p| same_unit(p) && p.end < cs && f.clause_start(cs - 2) <= p.start)
}

/// Whether figure `k` is the value a change is measured from (较2015年的6.20%, 比上年末的120家),
/// which the rate after it changes from, not the level it is the growth of.
fn is_base(f: &Folded, figures: &[Found], k: usize) -> bool {
    // The value of a period in brackets (是2010年(1579.5亿元)的2.2倍, 较2019年底(1858万户)增长,
    // 是“十一五”(5422.9亿元)的2.5倍, 为上年(120家)的1.5倍).
    let x = &figures[k];
    // The value right before the multiple that changes from it (是“十二五”期间2.9亿元的4.3倍).
    if f.get(x.end) == Some(&'的')
        && figures.get(k + 1).is_some_and(|m| m.start == x.end + 1 && m.kind == Kind::Multiple && m.role == Role::Change)
    {
        return true;
    }
    // Or any value in such brackets (是“十五”期间(专利申请量5145件、专利授权量2444件)的2.2倍).
    let open = (f.clause_start(x.start)..x.start).rev().take_while(|&k| f[k] != ')').find(|&k| f[k] == '(');
    if let Some(open) = open {
        let span = before_plan_tail(f, open);
        let named = matches!(f.get(span.wrapping_sub(1)), Some('”'))
            || PLAN_PERIODS.iter().any(|p| ends_with(f, span, p.word))
            || verbs::EARLIER_PERIODS.iter().any(|w| ends_with(f, open, w.word));
        let dated = |p: &Found| p.kind.is_time() && p.end <= open && f[p.end..open].iter().all(|c| matches!(c, '底' | '末'));
        if named || figures[..k].iter().rev().find(|p| p.end <= open).is_some_and(dated) {
            return true;
        }
    }
    // The value after the earlier period it is compared with: past a 的 (较2020年的52.1%), or,
    // right after 比 or 较 and an earlier period, past the measure's name and no verb (比上一年平均
    // 成交额 190.10万元,增加45.78%).
    let period_start = |e: usize, earlier: bool| {
        let time = k.checked_sub(1).map(|p| &figures[p]).filter(|p| p.end == e && p.kind.is_time()).map(|p| p.start);
        let relative = || RELATIVE_YEARS.iter().find(|w| ends_with(f, e, w.word) && (!earlier || w.offset < 0));
        time.or_else(|| relative().map(|w| e - w.word.chars().count()))
    };
    if x.start >= 1 && f[x.start - 1] == '的' {
        return period_start(x.start - 1, false).is_some_and(|s| BASES.iter().any(|w| ends_with(f, s, w.word)));
    }
    let verb_at =
        |i: usize| verbs::MOVE_LEXICON.starting_at(f, i).next().is_some() || verbs::ROLE_LEXICON.starting_at(f, i).next().is_some();
    let named = |e: usize| (e..x.start).all(|i| !matches!(f[i], '的' | '为' | '是' | '达') && !verb_at(i));
    let compared = |e: usize| {
        e > 0 && PERIOD_LAST_CHARS.contains(&f[e - 1]) && period_start(e, true).is_some_and(|s| s > 0 && matches!(f[s - 1], '比' | '较'))
    };
    x.role != Role::Change && (f.clause_start(x.start)..x.start).rev().take(MEASURE_NAME_CHARS).any(|e| compared(e) && named(e))
}

/// The longest name of a measure read between an earlier period and its value (平均成交额).
const MEASURE_NAME_CHARS: usize = 10;

/// Whether the clause from `cs` to the rate at `at` continues the predicate of a level stated
/// before it: after time words, it opens with a comparison (比, 同比, 是 …) or a change word.
fn continues(f: &Folded, figures: &[Found], cs: usize, at: usize) -> bool {
    let words = text(f, past_times(f, figures, cs, at), at);
    // 累计同比增长20.1%: a total word before the comparison says the rate is the running total's.
    let words = without_leading(&words, || MANNERS.iter().chain(&TOTALS).map(|w| w.word));
    // A change verb with an object of its own before the number (新增城市道路286公里) speaks of
    // that object, not of the level before it; only linking words may stand between (新增了87家).
    let bare = |rest: &str| rest.chars().all(|c| LINKING.contains(c));
    words.is_empty()
        || RATE_OPENINGS.iter().map(|w| w.word).chain(verbs::COMPARISONS.iter().map(|w| w.word)).any(|w| words.starts_with(w))
        || verbs::VERBS
            .iter()
            .any(|v| (v.direction.is_some() || v.role == Some(Role::Change)) && words.strip_prefix(v.word).is_some_and(bare))
}

/// Where the words from `s` to `at` start past the times that open them (2023年, 去年, 五年来,
/// 以来).
fn past_times(f: &Folded, figures: &[Found], mut s: usize, at: usize) -> usize {
    loop {
        if let Some(y) = time_at(figures, s).filter(|y| y.end <= at) {
            s = y.end;
        } else if s + 1 < at && f[s] == '自' && time_at(figures, s + 1).is_some() {
            // 自2015年以来: since a time.
            s += 1;
        } else if s < at && (f[s].is_whitespace() || matches!(f[s], '来' | '间')) {
            s += 1;
        } else if s + 1 < at && f[s] == '以' && f[s + 1] == '来' {
            s += 2;
        } else if let Some(w) = RELATIVE_YEARS.iter().find(|w| starts_with(f, s, w.word) && s + w.word.chars().count() < at) {
            s += w.word.chars().count();
        } else {
            return s;
        }
    }
}

/// `words` without any of the words `list` gives opening them, one after another.
fn without_leading<I: Iterator<Item = &'static str>>(mut words: &str, list: impl Fn() -> I) -> &str {
    while let Some(w) = list().find(|w| words.starts_with(w)) {
        words = &words[w.len()..];
    }
    words
}

/// `words` without the [`LEVEL_LEADS`] they open with (首次, 达到 …).
fn without_leads(words: &str) -> &str {
    without_leading(words, || LEVEL_LEADS.iter().map(|w| w.word))
}

/// `words` without the scope and time words that open a subject (年末, 全省, 其中 …).
fn without_openings(words: &str) -> &str {
    without_leading(words, || SUBJECT_OPENINGS.iter().map(|w| w.word))
}

/// Characters that may stand between a change verb and its number without naming an object
/// (增长了, 增幅分别为, 依次为, 增幅保持在).
const LINKING: &str = "了达到为至约近超过逾共计累高分别依次各保持在";

/// Whether the clause of a rate names the measure the level's clause names (成交额依次为…;
/// 新能源领域的技术合同成交额同比增幅高达125.06%): the rate's clause up to its first comparison
/// or change word and the level's subject end alike.
fn same_measure(f: &Folded, figures: &[Found], level: usize, rate: usize) -> bool {
    let (s, e) = subject_span(f, figures, level);
    let named = text(f, s, e.max(s));
    let (cs, own_end) = rate_measure(f, figures, rate);
    let own = text(f, cs, own_end);
    !named.is_empty() && !own.is_empty() && (named.ends_with(&own) || own.ends_with(&named))
}

/// The words a rate's clause names its measure with: from the clause start up to its first
/// comparison or change word (成交额 of 成交额同比增长62.5%).
fn rate_measure(f: &Folded, figures: &[Found], rate: usize) -> (usize, usize) {
    let cs = f.clause_start(rate);
    // A time before the change (技术合同成交额三年翻了一番) ends the measure's words too.
    let upto = first_start_in(figures, cs, rate);
    let clause = text(f, cs, upto);
    let change_words = verbs::VERBS.iter().filter(|v| v.direction.is_some() || v.role == Some(Role::Change)).map(|v| v.word);
    let cut =
        RATE_OPENINGS.iter().map(|w| w.word).chain(change_words).filter_map(|w| verbs::find_verb(&clause, w)).min().unwrap_or(clause.len());
    // Less an adverb before the change (成交额再度同比增长).
    (cs, subject_end(f, figures, cs, cs + clause[..cut].chars().count()))
}

fn subject_of(f: &Folded, figures: &[Found], level: &Found, first_level: usize) -> (usize, usize) {
    let cs = f.clause_start(level.start);
    match ranking(f, cs).filter(|_| level.kind == Kind::Rank) {
        Some(span) => span,
        None if level.kind == Kind::Rank => {
            let (s, e) = subject_span(f, figures, first_level);
            let e = rank_subject_end(f, s, e);
            // A rank stated with only its scope (…325.44亿元,居全省第八位) ranks what the sentence
            // named before it.
            if e > s { (s, e) } else { named_before(f, figures, cs).unwrap_or((s, e)) }
        }
        None => subject_span(f, figures, first_level),
    }
}

/// `ends[i]` says figure `i` is an end or the stated step of a before→after change.
pub(super) fn growth(f: &Folded, figures: &[Found], ends: &[bool]) -> Vec<Linked> {
    let groups = lists(f, figures);
    let mut out = Vec::new();
    for (gi, rates) in groups.iter().enumerate() {
        let first = &figures[rates.start];
        if first.role != Role::Change || first.kind.is_time() || ends[rates.start] {
            continue;
        }
        let sentence = f.sentence_start(first.start);
        // The nearest earlier list of levels in the sentence, of the same length as the rates.
        let levels = groups[..gi].iter().rev().take_while(|g| figures[g.start].start >= sentence).find(|g| {
            let x = &figures[g.start];
            (x.role != Role::Change || added(f, x, first))
                && !x.kind.is_time()
                && can_grow(x, first)
                && !enumerates(f, x, first)
                && !is_base(f, figures, g.start)
                && !restates(f, figures, g.start)
                && !broken_down(f, x, first)
                && (g.len() == rates.len() || rates.len() == 1)
        });
        let pairs: Vec<(usize, usize)> = match levels {
            Some(levels) if levels.len() == rates.len() => levels.clone().zip(rates.clone()).collect(),
            // One rate said of each listed level (同比均增长20%, 增长均超过20%).
            Some(levels) if each(f, first) => levels.clone().map(|l| (l, rates.start)).collect(),
            Some(levels) => vec![(levels.end - 1, rates.start)],
            // Levels stated one a clause (登记技术合同2.41万项,技术合同成交额1367.4亿元,同比分别
            // 增长17.3%和35.6%): the as many levels before the rates, in order, passing over
            // what the rates cannot be the growth of (their shares, 分别占比28.4%和39.6%).
            None if rates.len() > 1 => {
                let before: Vec<usize> = (0..rates.start)
                    .rev()
                    .take_while(|&k| figures[k].start >= sentence)
                    .filter(|&k| {
                        let x = &figures[k];
                        x.role != Role::Change
                            && !x.kind.is_time()
                            && !ends[k]
                            && can_grow(x, first)
                            && !enumerates(f, x, first)
                            && !restates(f, figures, k)
                            && !is_base(f, figures, k)
                    })
                    .take(rates.len())
                    .collect();
                if before.len() < rates.len() || !before.iter().zip(rates.clone().rev()).all(|(&l, r)| can_grow(&figures[l], &figures[r])) {
                    continue;
                }
                before.into_iter().rev().zip(rates.clone()).collect()
            }
            None => continue,
        };
        let (last_level, _) = pairs[pairs.len() - 1];
        let shared = levels.map(|g| figures[g.start].start);
        let rate_clause = f.clause_start(first.start);
        // A semicolon parts statements of their own: a rate continues a level's predicate only
        // within its part, or as the first words after it with nothing named (授权量为5310件;是
        // “十一五”时期的2.3倍), and names the level's measure to reach past it.
        let part = scan::look_back(f, first.start, &[';']);
        let named = || same_measure(f, figures, shared.unwrap_or(figures[last_level].start), first.start);
        let last_before_part = || figures[last_level + 1..].first().is_none_or(|next| next.start >= part);
        let continued = || {
            (figures[last_level].start >= part || (rate_clause == part && last_before_part()))
                && continues(f, figures, rate_clause, first.start)
                && !changed_between(f, figures, figures[last_level].start, rate_clause)
        };
        if f.clause_start(figures[last_level].start) < rate_clause && !continued() && !named() {
            continue;
        }
        if in_subject(f, &figures[last_level], first) {
            continue;
        }
        for (li, ri) in pairs {
            let level = &figures[li];
            let rate = &figures[ri];
            let (subject_start, subject_end) = subject_of(f, figures, level, shared.unwrap_or(level.start));
            let words = text(f, f.clause_start(rate.start), rate.start);
            let direction = direction_of(&words).or_else(|| comparative_before(f, rate.start)).unwrap_or(Direction::Up);
            out.push(Linked::growth(li, ri, direction, (subject_start, subject_end), rate.end.max(level.end)));
        }
    }
    out.extend(totals(f, figures, &groups, ends));
    let after = levels_after(f, figures, &groups, ends, &out);
    out.extend(after);
    let faster = rates_of_rates(f, figures, ends, &out);
    out.extend(faster);
    out
}

/// Whether `level` only counts within the subject of `rate`'s clause (12所高校转化的技术合同额比上年
/// 增长96%): a 的 stands after it, before the clause's first comparison or change word, or it is
/// an N大.
fn in_subject(f: &Folded, level: &Found, rate: &Found) -> bool {
    if f.clause_start(rate.start) > level.start {
        return false;
    }
    // N大 always counts the noun after it (三大主导产业产值同比增长31.9%), as does a count that the
    // noun follows (3个指标指数年均增速实现10%以上).
    let end = measure_end(f, level.end, rate.start);
    let counts_noun = level.kind == Kind::Count && end > level.end + 1 && non_figure::is_cjk(f[level.end]);
    level.measure_word == Some("大") || counts_noun || f[level.end..end].contains(&'的')
}

/// Whether `x` counts what was added in a period (全年新增科技型企业6050家) and `rate` compares that
/// with an earlier period's (同比增长16.0%): the additions are then a level that grew. A count added
/// since an earlier period (比上年新增120家) is itself the change.
fn added(f: &Folded, x: &Found, rate: &Found) -> bool {
    let cs = f.clause_start(x.start);
    let rate_words = &f[f.clause_start(rate.start).max(x.end)..rate.start];
    x.kind == Kind::Count
        && rate.kind == Kind::Percent
        && verbs::ADDITIONS.iter().any(|w| holds_word(&f[cs..x.start], w.word))
        && !against_earlier(&f[cs..x.start])
        && (against_earlier(rate_words) || holds_word(rate_words, "同比"))
}

/// Whether `x` is a part of a breakdown in brackets closed before `rate` (营业收入600亿元(兰州高新区
/// 472亿元、白银高新区128亿元),比上年增长5.86%): the rate is the whole's, before the brackets.
fn broken_down(f: &Folded, x: &Found, rate: &Found) -> bool {
    let cs = f.clause_start(x.start);
    let open = (cs..x.start).rev().take_while(|&k| f[k] != ')').find(|&k| f[k] == '(');
    open.is_some() && (x.end..rate.start).any(|k| f[k] == ')')
}

/// Whether the clause of `rate` says it of each of several things (均, 都) before it.
fn each(f: &Folded, rate: &Found) -> bool {
    f[f.clause_start(rate.start)..rate.start].iter().any(|c| matches!(c, '均' | '都'))
}

/// Whether the count `x` numbers the items a list of rates goes over (五个领域分别增长17.1%、
/// 14.0%…), with 分别 or 依次 between it and the rate in its clause: what is counted does not
/// grow by those rates.
fn enumerates(f: &Folded, x: &Found, rate: &Found) -> bool {
    x.kind == Kind::Count
        && f.clause_start(rate.start) <= x.start
        && IN_ORDER.iter().any(|w| w.word.chars().count() == 2 && holds_word(&f[x.end..rate.start], w.word))
}

/// Which figures the changes found so far take as a rate and as a level, asked of every figure
/// in one look rather than by searching the changes (a search per figure was quadratic in a long
/// text).
struct Taken {
    rate: Vec<bool>,
    level: Vec<bool>,
}

impl Taken {
    fn of(figures: usize, linked: &[Linked]) -> Taken {
        let mut taken = Taken { rate: vec![false; figures], level: vec![false; figures] };
        for c in linked {
            if let Some(r) = c.rate {
                taken.rate[r] = true;
            }
            taken.level[c.to] = true;
        }
        taken
    }
}

/// The change of a growth rate, in the clause after it (同比增长17.3%,增速比上年加快2.1个百分点):
/// points in a clause that opens with a rate word ([`verbs::VERBS`] of a change with no direction:
/// 增速, 增幅 …) or with a comparison with an earlier period (比上年提高2个百分点), and compares
/// with an earlier period, not with something else ([`verbs::GAPS`]); the level is the rate stated
/// in the clause before, and the subject the rate word, or without one the rate's subject.
fn rates_of_rates(f: &Folded, figures: &[Found], ends: &[bool], taken: &[Linked]) -> Vec<Linked> {
    let taken = Taken::of(figures.len(), taken);
    let mut out = Vec::new();
    for (ri, rate) in figures.iter().enumerate() {
        if rate.kind != Kind::PercentagePoint || rate.role != Role::Change || ends[ri] || taken.rate[ri] {
            continue;
        }
        let cs = f.clause_start(rate.start);
        let words = text(f, cs, rate.start);
        let rate_word = verbs::VERBS.iter().find(|v| v.direction.is_none() && v.role == Some(Role::Change) && words.starts_with(v.word));
        // A clause with no rate word of its own that opens on a comparison with an earlier period
        // (增速为21.4%,比上年提高9个百分点) speaks of the rate before it.
        let compared = || {
            let own = words.strip_prefix("分别").unwrap_or(&words);
            own.starts_with(['比', '较']) && against_earlier(&f[cs..rate.start])
        };
        if (rate_word.is_none() && !compared()) || verbs::GAPS.iter().chain(&verbs::GAP_VERBS).any(|w| words.contains(w.word)) {
            continue;
        }
        if cs < 2 || f[cs - 1] != ',' {
            continue;
        }
        let pcs = f.clause_start(cs - 1);
        // Points listed over several earlier periods (分别比一季度、上半年提升1.2和0.5个百分点) change
        // a share or a level as well: one each, where the main pairing wants as many levels.
        let listed = words.starts_with("分别");
        let Some(li) = (0..ri)
            .rev()
            .take_while(|&k| figures[k].start >= pcs)
            .find(|&k| figures[k].kind == Kind::Percent && (figures[k].role == Role::Change || listed))
        else {
            continue;
        };
        let level = &figures[li];
        let subject = match rate_word {
            Some(w) => (cs, cs + w.word.chars().count()),
            None if level.role != Role::Change => subject_of(f, figures, level, level.start),
            None => {
                // The rate's subject up to how it changed (规上工业增加值 of 规上工业增加值同比增长8.1%).
                let (s, e) = subject_span(f, figures, figures[li].start);
                (s, measure_end(f, s, e))
            }
        };
        out.push(Linked::growth(li, ri, direction_of(&words).unwrap_or(Direction::Up), subject, rate.end));
    }
    out
}

/// A rate stated before its level (成交额同比增长62.5%,首次超过50亿元), which no level before it
/// took: the level is the first figure of the next clause when that clause says only how the
/// level was reached ([`LEVEL_LEADS`], or a move to it: 升至); the subject is the measure the
/// rate's clause names, and a rate that names none is left unlinked.
fn levels_after(f: &Folded, figures: &[Found], groups: &[std::ops::Range<usize>], ends: &[bool], taken: &[Linked]) -> Vec<Linked> {
    let taken = Taken::of(figures.len(), taken);
    let mut out = Vec::new();
    // Listed rates with as many levels listed in the very next clause (分别提升了4位、3位和8位,位列
    // 第103、118和130位): in order.
    let mut listed = vec![false; figures.len()];
    for pair in groups.windows(2) {
        let (rates, levels) = (pair[0].clone(), pair[1].clone());
        let (r0, l0) = (&figures[rates.start], &figures[levels.start]);
        let free = |k: usize| !ends[k] && !taken.rate[k] && !taken.level[k];
        let cs = f.clause_start(l0.start);
        let next_clause = cs >= 2 && f[cs - 1] == ',' && f.clause_start(cs - 1) <= r0.start && figures[rates.end - 1].end < cs;
        if rates.len() < 2 || rates.len() != levels.len() || r0.role != Role::Change || l0.role != Role::Level || !can_grow(l0, r0) {
            continue;
        }
        if !next_clause || !rates.clone().chain(levels.clone()).all(free) {
            continue;
        }
        let (subject_start, subject_end) = rate_measure(f, figures, r0.start);
        let direction = direction_of(&text(f, f.clause_start(r0.start), r0.start)).unwrap_or(Direction::Up);
        for (ri, li) in rates.zip(levels) {
            listed[ri] = true;
            out.push(Linked::growth(li, ri, direction, (subject_start, subject_end), figures[li].end));
        }
    }
    for (ri, rate) in figures.iter().enumerate().filter(|&(ri, _)| !listed[ri]) {
        // The level may be dated (年均增长6.4%,2023年达到3.38万亿元).
        let Some(li) = (ri + 1..figures.len()).find(|&k| !figures[k].kind.is_time()) else { break };
        let level = &figures[li];
        if rate.role != Role::Change || rate.kind.is_time() || ends[ri] || taken.rate[ri] || taken.level[ri] || taken.level[li] {
            continue;
        }
        if level.role != Role::Level || ends[li] || !can_grow(level, rate) {
            continue;
        }
        let cs = f.clause_start(level.start);
        // A step to the level (前移2位至第11位, 增长12%至120亿元), the very next clause of the
        // rate's sentence, or the words after a 、 in the rate's clause (提高0.31个百分点、达到2.34%).
        // Only spaces may stand between them, so the words can be empty.
        let (s, e) = (scan::past_spaces(f, rate.end), scan::before_spaces(f, level.start));
        let step = TO_WORDS.iter().any(|t| is_word(f, s, e.max(s), t.word));
        let listed_after = (rate.end..level.start).rev().find(|&k| f[k] == '、').filter(|_| cs <= rate.start);
        if !step && listed_after.is_none() && (cs < 2 || f[cs - 1] != ',' || f.clause_start(cs - 1) > rate.start) {
            continue;
        }
        let words = text(f, past_times(f, figures, listed_after.map_or(cs, |k| k + 1), level.start), level.start);
        let rest = without_leads(&words);
        // A move to the level (前移2位,升至第11位) says how it was reached too.
        let moved = verbs::VERBS
            .iter()
            .any(|v| v.direction.is_some() && rest.strip_prefix(v.word).is_some_and(|r| TO_WORDS.iter().any(|t| r == t.word)));
        // A rank after the move that reached it (前移4位,居全国第11位): only ranking and scope words,
        // and a position, not a bracket (进入全国前10名).
        let ranked = level.kind == Kind::Rank
            && level.qualifier.is_none()
            && without_leading(rest, || ranks::doing(RankWord::Ranks).chain(ranks::SCOPES.iter().map(|w| w.word))).is_empty();
        if !step && !rest.is_empty() && !moved && !ranked {
            continue;
        }
        let (subject_start, subject_end) = rate_measure(f, figures, rate.start);
        if subject_end == subject_start {
            continue;
        }
        out.push(Linked::growth(
            li,
            ri,
            direction_of(&text(f, subject_start, rate.start)).unwrap_or(Direction::Up),
            (subject_start, subject_end),
            level.end,
        ));
    }
    out
}

/// The noun a figure counts when its clause names it after the number (新建梧州、钦州4个自治区级高新区
/// → 自治区级高新区), up to the next figure or break.
fn counted_after(f: &Folded, figures: &[Found], i: usize) -> String {
    let stop = figures.get(i + 1).map_or(f.len(), |n| n.start);
    let end = (figures[i].end..stop).find(|&k| !scan::non_figure::is_cjk(f[k])).unwrap_or(stop);
    text(f, figures[i].end, end)
}

/// A running total after the growth that made it (新增87家,累计达到412家): the level is the total,
/// the rate the last figure of the clause before it that a change word introduces.
fn totals(f: &Folded, figures: &[Found], groups: &[std::ops::Range<usize>], ends: &[bool]) -> Vec<Linked> {
    let mut out = Vec::new();
    for (li, level) in figures.iter().enumerate() {
        // The total's part of the sentence starts after a comma, or after a list's 、 (新增38家、
        // 累计达到163家).
        let clause_start = f.clause_start(level.start);
        let cs = (clause_start..level.start).rev().find(|&k| f[k] == '、').map_or(clause_start, |k| k + 1);
        // A level already an end of a before→after (总数由A增加到B) is no total the rate reaches,
        // nor is a share of something (增长21.4%,占全国总数的22.1%).
        if level.role != Role::Level || level.kind.is_time() || ends[li] || cs < 2 || !matches!(f[cs - 1], ',' | '、' | ';') {
            continue;
        }
        if first_start_in(figures, cs, level.start) < level.start {
            continue;
        }
        let clause = text(f, cs, level.start);
        // What the total counts, when its clause names it, after the total word (累计孵化毕业企业)
        // or before it past the opening words (年末, 全省 …: 快速维权中心累计达到5家): one of it
        // and the growth's subject must end with the other, or the two count different things.
        // A clause that only reaches a level (新增8家,达到43家) states the total and names nothing.
        let own = match TOTALS.iter().find(|w| clause.contains(w.word)) {
            Some(total) => {
                let (before, after) = clause.split_once(total.word).unwrap_or_default();
                let after = after.trim_end_matches(|c| LINKING.contains(c));
                // Two chars before the total word qualify it (入库总数, 有效总数) rather than name it.
                let before = without_openings(before);
                if !after.is_empty() {
                    after
                } else if before.chars().count() > 2 {
                    before
                } else {
                    ""
                }
            }
            None if !clause.is_empty() && without_leads(&clause).is_empty() => "",
            None => continue,
        };
        // Past a semicolon the total names again what was added (新增驰名商标10件;驰名商标累计达
        // 347件).
        if f[cs - 1] == ';' && own.is_empty() {
            continue;
        }
        let mut pcs = if f[cs - 1] == '、' { clause_start } else { f.clause_start(cs - 1) };
        // Past a clause that only ranks the growth (新增1368家,居全省第一,总数达4397家).
        let ranks_only = |from: usize, to: usize| {
            let mut inside = figures[figures.partition_point(|x| x.start < from)..li].iter().take_while(|x| x.end <= to).peekable();
            inside.peek().is_some() && inside.all(|x| x.kind == Kind::Rank)
        };
        if pcs >= 2 && f[pcs - 1] == ',' && ranks_only(pcs, cs) {
            pcs = f.clause_start(pcs - 1);
        }
        let first_in_part = figures[..li].partition_point(|x| x.start < pcs);
        let rates: Vec<usize> =
            (first_in_part..li).filter(|&k| figures[k].kind == level.kind && figures[k].unit == level.unit && !ends[k]).collect();
        // Totals listed in order (总数分别达到139人和221人) take as many growths listed before them.
        let listed = groups.iter().find(|g| g.start == li && g.len() > 1 && IN_ORDER.iter().any(|w| clause.contains(w.word)));
        let pairs: Vec<(usize, usize)> = match listed {
            Some(g) if rates.len() >= g.len() => g.clone().zip(rates[rates.len() - g.len()..].iter().copied()).collect(),
            _ => rates.last().map(|&ri| vec![(li, ri)]).unwrap_or_default(),
        };
        for (li, ri) in pairs {
            let rate = &figures[ri];
            let Some(direction) = direction_of(&text(f, pcs, rate.start)) else { continue };
            let (subject_start, subject_end) = subject_span(f, figures, rate.start);
            let subject_end = without_move(f, subject_start, subject_end);
            let written = text(f, subject_start, subject_end.max(subject_start));
            let named = without_openings(&written);
            let named = verbs::VERBS.iter().find_map(|v| named.strip_prefix(v.word)).unwrap_or(named);
            if !own.is_empty() && !own.ends_with(named) && !named.ends_with(own) && !counted_after(f, figures, ri).ends_with(own) {
                continue;
            }
            out.push(Linked::growth(li, ri, direction, (subject_start, subject_end), figures[li].end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::link::tests::changes;
    use crate::records::{Direction, Relation};

    #[test]
    fn a_multiple_of_an_earlier_year_is_the_levels_growth_and_of_anything_else_is_not() {
        let c = changes("高新技术企业突破1.5万家,是2019年的2.2倍。");
        assert_eq!(c, vec![(Relation::Growth, "高新技术企业".into(), "突破1.5万家>2.2倍".into(), Direction::Up)]);
        assert!(changes("人均产值12万元,是全国平均水平的1.5倍。").is_empty());
        for text in ["技术合同登记4120项,成交额96亿元,分别是“十二五”末的2.1倍和3.4倍。", "授权发明专利8781件,是“十二五”期末的2.4倍。"]
        {
            let multiples: Vec<_> = crate::extract::extract("d", text, &crate::catalog::Catalog::default()).figures;
            assert!(multiples.iter().filter(|f| f.unit == crate::records::Unit::Times).all(|f| f.role == crate::records::Role::Change));
            assert_eq!(changes(text).len(), text.matches('倍').count(), "{text}");
        }
    }

    #[test]
    fn a_level_with_its_growth_rate() {
        let c = changes("2022年全省技术合同成交额为3053.5亿元,比去年同期增长30.3%,势头良好。");
        assert_eq!(c, vec![(Relation::Growth, "技术合同成交额".into(), "3053.5亿元>30.3%".into(), Direction::Up)]);
        let c = changes("外观设计专利申请1897件,同比增长-23.7%。");
        assert_eq!(c[0].3, Direction::Down, "a growth by a negative rate is a fall");
    }

    #[test]
    fn a_change_verb_with_an_object_of_its_own_is_not_the_levels_growth() {
        assert!(changes("城市轨道交通运营里程达到43.5公里；新增城市道路286公里。").is_empty());
        let bare = changes("全省高新技术企业达到412家，新增87家。");
        assert_eq!(bare.len(), 1, "{bare:?}");
        assert_eq!(bare[0].0, Relation::Growth);
    }

    #[test]
    fn a_percentage_with_its_point_change() {
        let c = changes("R&D经费投入强度为2.15%,比上年提高0.12个百分点。");
        assert_eq!(c[0].2, "2.15%>0.12个百分点");
    }

    #[test]
    fn a_count_of_the_items_a_list_goes_over_does_not_grow_by_its_rates() {
        assert!(changes("四个领域分别增长11.2%、9.8%、7.5%和3.1%。").is_empty());
        assert!(changes("四个领域分别增长11.2%9.8%7.5%3.1%。").is_empty(), "percentages run together are a list too");
    }

    #[test]
    fn points_over_an_earlier_year_after_a_gap_verb_are_a_change() {
        assert_eq!(changes("校企合作项目占58.2%,比上年高出3.1个百分点。").len(), 1);
        assert!(changes("营收增长12%,高于全市规上工业增速2个百分点。").is_empty());
    }

    #[test]
    fn a_share_with_its_point_change() {
        let c = changes("企业参与成果占比达66.8%,较上届提高4.5个百分点。");
        assert_eq!(c, vec![(Relation::Growth, "企业参与成果占比".into(), "66.8%>4.5个百分点".into(), Direction::Up)]);
    }

    #[test]
    fn listed_levels_pair_with_listed_rates_in_order() {
        let c = changes("成交额依次为277.78亿元、221.69亿元,同比依次增长75.12%、229.99%。");
        let pairs: Vec<_> = c.iter().map(|x| x.2.clone()).collect();
        assert_eq!(pairs, vec!["277.78亿元>75.12%", "221.69亿元>229.99%"]);
    }

    #[test]
    fn a_before_after_change_with_its_yearly_growth() {
        let c = changes("地区生产总值由4343亿元增至5675亿元,年均增长5.3%;");
        let pairs: Vec<_> = c.iter().map(|x| (x.0, x.2.clone())).collect();
        assert_eq!(pairs, vec![(Relation::BeforeAfter, "4343亿元>5675亿元".into()), (Relation::Growth, "5675亿元>5.3%".into())]);
    }

    #[test]
    fn a_rate_after_a_year_word_continues_the_level() {
        let c = changes("其中国家级科普基地11个,今年新增两个。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["11个>两个"]);
    }

    #[test]
    fn a_change_of_a_growth_rate_against_an_earlier_period_is_the_rates_growth() {
        let c = changes("总数达到8426家,同比增长17.3%,增速比上年加快2.1个百分点。");
        assert!(c.iter().any(|x| x.1 == "增速" && x.2 == "17.3%>2.1个百分点" && x.3 == Direction::Up), "{c:?}");
        let gap = changes("营收增长12%,增速比全国平均水平高2个百分点。");
        assert!(gap.iter().all(|x| !x.2.contains("百分点")), "{gap:?}");
    }

    #[test]
    fn points_over_an_earlier_period_after_a_rate_are_the_rates_change() {
        let c = changes("2023年,某市先进制造业投资增速为21.4%,比2022 年提高9 个百分点。");
        assert_eq!(c, vec![(Relation::Growth, "某市先进制造业投资增速".into(), "21.4%>9 个百分点".into(), Direction::Up)]);
        let c = changes("全市规上工业增加值同比增长8.1%,比上年回落1.2个百分点。");
        assert_eq!(c.iter().map(|x| (x.1.as_str(), x.3)).collect::<Vec<_>>(), [("规上工业增加值", Direction::Down)], "{c:?}");
        assert!(changes("全市规上工业增加值同比增长8.1%,比全省高1.2个百分点。").is_empty());
    }

    #[test]
    fn a_comparison_right_after_a_semicolon_continues_the_level_before_it() {
        let c = changes("“十二五”时期,全省发明专利授权量为5310件;是“十一五”时期的2.3倍。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["5310件>2.3倍"]);
        let c = changes("技术合同成交额120亿元;其中技术开发合同50亿元,增长15%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["50亿元>15%"], "a part names its own subject");
    }

    #[test]
    fn the_value_of_the_earlier_period_a_multiple_compares_with_is_its_base() {
        let c = changes("五年来全省共争取中央引导资金12.6亿元,是“十二五”期间争取资金2.9亿元的4.3倍。");
        assert_eq!(c, vec![(Relation::Growth, "中央引导资金".into(), "12.6亿元>4.3倍".into(), Direction::Up)]);
        let c = changes("全省专利申请量9480件,授权量5046件,分别比“十五”期间(申请量4145件、授权量2044件)翻了2.2倍和2.5倍。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["9480件>2.2倍", "5046件>2.5倍"]);
        assert!(changes("研发投入120亿元,是全国平均水平80亿元的1.5倍。").is_empty());
        let c = changes("全省授权发明专利8781件,是“十二五”期末(3120件)的2.8倍。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["8781件>2.8倍"], "a base in brackets after 期末");
    }

    #[test]
    fn a_share_in_a_clause_of_its_own_is_of_what_the_sentence_named_before() {
        let c = changes("年末全区共有高技术制造业企业140个,比上年末增长50.5%;占制造业企业的6.3%,比上年末提高0.5个百分点。");
        assert_eq!(c.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["高技术制造业企业", "高技术制造业企业"], "{c:?}");
        let c = changes("其中税收收入增长19.88%,占比63.7%、提高2.7个百分点。");
        assert_eq!(c.iter().map(|x| (x.1.as_str(), x.2.as_str())).collect::<Vec<_>>(), [("税收收入", "63.7%>2.7个百分点")]);
        let c = changes("企业投入研发经费1352.8亿元,占全省企业研发经费的比重达到76.4%,较上年提高2.3个百分点。");
        assert!(c.iter().any(|x| x.1 == "占全省企业研发经费的比重"), "a share that names its measure keeps it: {c:?}");
    }

    #[test]
    fn a_verb_of_having_is_cut_unless_it_makes_a_relative_clause() {
        let c = changes("拥有有效发明专利的企业占比由12%提高到15%。");
        assert_eq!(c[0].1, "拥有有效发明专利的企业占比");
    }

    #[test]
    fn a_rank_stated_in_a_scope_frame_is_of_the_one_ranked_and_keeps_its_ranking_noun() {
        let c = changes("某高新区在全国169个高新区中综合排名37,较去年进步了8位。");
        assert_eq!(c, vec![(Relation::Growth, "某高新区综合排名".into(), "37>8位".into(), Direction::Up)]);
        let c = changes("我省在全国31个省份中综合科技创新水平指数排名第12位,比上年提升3位。");
        assert_eq!(c[0].1, "综合科技创新水平指数排名", "a scope word before the frame is cut");
    }

    #[test]
    fn a_level_after_its_rate_may_follow_a_list_mark_or_a_time() {
        let c = changes("研发经费投入强度提高0.28个百分点、达到2.21%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["2.21%>0.28个百分点"]);
        let c = changes("地区生产总值年均增长6.1%,2023年达到2.95万亿元。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["2.95万亿元>6.1%"]);
    }

    #[test]
    fn one_rate_said_of_each_listed_level_is_the_growth_of_each() {
        let c = changes("全省发明专利申请、授权量分别为4万余件和1.1万余件,同比增长均超过18%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["4万余件>超过18%", "1.1万余件>超过18%"]);
        let one = changes("全省发明专利申请、授权量分别为4万余件和1.1万余件,授权量同比增长18%。");
        assert_eq!(one.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["1.1万余件>18%"]);
    }

    #[test]
    fn a_count_inside_the_subject_is_not_the_level() {
        assert!(changes("某市12所重点高校在本地转化的技术合同额比上年增长了96%。").is_empty());
        assert_eq!(changes("技术合同成交额120亿元的目标提前完成,比上年增长15%。").len(), 1, "a 的 in a later clause");
    }

    #[test]
    fn a_share_passes_over_clauses_that_only_compare_for_its_subject() {
        let c = changes("规上工业增加值增长12.5%,高于规模以上工业1.6个百分点;占规模以上工业的29.44%,较上年同期提高4.34个百分点。");
        assert!(c.iter().any(|x| x.1 == "规上工业增加值" && x.2 == "29.44%>4.34个百分点"), "{c:?}");
    }

    #[test]
    fn what_a_period_added_grows_by_a_rate_against_an_earlier_period() {
        let c = changes("去年全市高新技术企业新增980家以上,同比增长25%以上。");
        assert_eq!(c, vec![(Relation::Growth, "高新技术企业".into(), "980家以上>25%以上".into(), Direction::Up)]);
        let c = changes("企业总数1000家,比上年新增120家,增长12%。");
        assert!(c.iter().all(|x| !x.2.starts_with("120家")), "a count added since an earlier period is the change: {c:?}");
    }

    #[test]
    fn an_industry_owning_a_measure_is_named_without_the_scope_and_time_before_it() {
        let c = changes("去年全省高新技术产业实现增加值8468.05亿元,同比增长14.0%。");
        assert_eq!(c[0].1, "高新技术产业增加值");
        let c = changes("“全省备案的科技企业孵化器109家,比去年年底新增13家。");
        assert_eq!(c[0].1, "备案的科技企业孵化器", "a quote never closed is no part of the name");
    }

    #[test]
    fn a_subject_is_read_past_a_dateline_a_reading_gloss_and_a_leading_time() {
        let c = changes("新华社长沙9月29日电 (王明)创新综合实力由全国第16位上升至第11位。");
        assert_eq!(c[0].1, "创新综合实力");
        let c = changes("全区規模以上企業實現(xiàn)營業(yè)收入12.5億元,同比增長8.2%。");
        assert_eq!(c[0].1, "營業(yè)收入");
        let c = changes("2023年我国研发经费投入总量突破3.3万亿元,达到33357.1亿元,比上年增长8.4%。");
        assert!(c.iter().any(|x| x.1 == "研发经费投入总量" && x.2 == "33357.1亿元>8.4%"), "{c:?}");
    }

    #[test]
    fn totals_listed_in_order_take_the_growths_listed_before_them() {
        let c = changes("新增国家级人才专家64名、省级人才专家72人,总数分别达到139人和221人。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["139人>64名", "221人>72人"]);
    }

    #[test]
    fn a_share_of_a_whole_named_after_zhan_is_of_what_stands_before_zhan() {
        let c = changes("增加值占规模工业的42.8%,同比提高7.2个百分点。");
        assert_eq!(c[0].1, "增加值");
        let c = changes("高新技术产业增加值占规上工业增加值的比重为45%,比上年提高2个百分点。");
        assert_eq!(c[0].1, "高新技术产业增加值占规上工业增加值的比重", "a share noun names the measure");
    }

    #[test]
    fn a_rank_stated_with_only_its_scope_ranks_what_the_sentence_named() {
        let c = changes("某开发区营业收入325.44亿元,居全省第八位,比上年前进1位。");
        assert!(c.iter().any(|x| x.1 == "某开发区营业收入" && x.2 == "第八位>1位"), "{c:?}");
    }

    #[test]
    fn a_count_of_the_noun_after_it_is_inside_the_subject() {
        assert!(changes("上半年,三大主导产业产值同比增长31.9%。").is_empty());
        assert!(changes("商标企业比重指数等3个指标指数年均增速实现10%以上。").is_empty());
        assert_eq!(changes("全市新增企业120家,同比增长10%。").len(), 1);
    }

    #[test]
    fn a_rate_since_a_time_continues_the_level() {
        let c = changes("2022年中国创新指数达到155.7,自2015年以来年均增长6.5%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["155.7>6.5%"]);
    }

    #[test]
    fn having_is_cut_inside_a_subject_but_not_from_a_per_person_measure_or_a_holding() {
        assert_eq!(changes("国家级经开区拥有高新技术企业3.1万家,较上年末增长39%。")[0].1, "高新技术企业");
        assert_eq!(changes("全市每万人拥有5G基站12个,比上年增加3个。")[0].1, "每万人拥有5G基站");
        let c = changes("每万人口发明专利拥有量从15.6件增至19.3件,居全国第11位,较上年提升2位。");
        assert!(c.iter().all(|x| x.1 == "每万人口发明专利拥有量"), "{c:?}");
    }

    #[test]
    fn a_running_total_reaches_past_a_clause_that_only_ranks_its_growth() {
        let c = changes("全省新增高新技术企业1368家,居全省第一,总数达4397家。");
        assert!(c.iter().any(|x| x.1 == "高新技术企业" && x.2 == "4397家>1368家"), "{c:?}");
    }

    #[test]
    fn a_rate_word_may_hold_its_rate_with_baochi() {
        let c = changes("高新技术产业增加值达到90亿元,增幅保持20%以上。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["90亿元>20%以上"]);
    }

    #[test]
    fn an_index_moves_by_points_written_without_a_unit() {
        let c = changes("2022年区域发展指数为129.5,比上年提高1.6,与2015年相比,年均提高4.2。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["129.5>1.6", "129.5>4.2"]);
        let t = crate::document::Text::new("分项指数年均提高超7.0;其中技术合同交易指数141.9。");
        let values: Vec<String> = crate::scan::scan(&t).figures.iter().map(|x| t.slice(x.start, x.end)).collect();
        assert_eq!(values, ["超7.0", "141.9"]);
    }

    #[test]
    fn a_rate_after_a_breakdown_in_brackets_is_the_wholes() {
        let c = changes("两区实现营业收入600亿元(甲区472亿元、乙区128亿元),比2019年增长5.86%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["600亿元>5.86%"]);
    }

    #[test]
    fn points_over_earlier_parts_of_the_year_listed_change_the_rate_before_them() {
        let c = changes("全市高技术制造业产值较上年增长4.9%,分别比一季度、上半年、三季度提升10.0、5.2和0.5个百分点。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["4.9%>10.0", "4.9%>5.2", "4.9%>0.5个百分点"]);
    }

    #[test]
    fn a_step_to_a_level_is_its_change() {
        let c = changes("在全国的位次前移2位至第11位。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["第11位>2位"]);
    }

    #[test]
    fn a_level_after_its_rate_when_its_clause_names_nothing_else() {
        let c = changes("成交额同比增长62.5%,首次超过50亿元。");
        assert_eq!(c, vec![(Relation::Growth, "成交额".into(), "超过50亿元>62.5%".into(), Direction::Up)]);
        assert!(changes("成交额同比增长62.5%,利润50亿元。").is_empty());
        let moved = changes("创新能力排名比上年前移2位,升至第11位。");
        assert_eq!(moved, vec![(Relation::Growth, "创新能力排名".into(), "第11位>2位".into(), Direction::Up)]);
    }

    #[test]
    fn a_total_of_something_else_is_not_the_growths_level() {
        assert!(changes("全年新增省级众创空间9家,累计培育科技型企业近两千家。").is_empty());
        assert_eq!(changes("全年新增高企120家,累计认定高企1500家。").len(), 1);
        assert!(changes("新建国家级知识产权保护中心2家,快速维权中心累计达到5家。").is_empty());
        assert_eq!(changes("全年新建5G基站3.8万个,年末累计达到15.6万个。").len(), 1);
        assert_eq!(changes("全年新增科技型中小企业4215家,入库总数达到18362家。").len(), 1);
        assert_eq!(changes("小巨人企业新增38家、累计达到163家。").len(), 1);
        // What the growth counts may follow its number, past the names of what was added.
        assert_eq!(changes("新建甲、乙两地3个省级孵化器,孵化器总数达到11个。").len(), 1);
        assert!(changes("新建甲、乙两地3个省级孵化器,众创空间总数达到11个。").is_empty());
    }

    #[test]
    fn listed_places_moved_pair_with_the_ranks_listed_after_them() {
        let c = changes("甲乙两区分别位列第12、45位,丙丁两区位次明显提升,分别提升了5位和2位,位列第103和118位。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["第103>5位", "118位>2位"]);
    }

    #[test]
    fn a_threshold_restating_the_level_before_is_no_level_of_the_listed_rates() {
        let c = changes("全市登记技术合同8420项,首破八千项,成交额315.6亿元,首次突破300亿元,同比分别增长12.4%和28.7%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["8420项>12.4%", "315.6亿元>28.7%"]);
    }

    #[test]
    fn listed_levels_pair_with_the_rates_a_rate_word_lists_after_them() {
        let c = changes("开发、转让合同成交额分别为4.1亿元、18.3亿元,增幅分别为21%和9.6%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["4.1亿元>21%", "18.3亿元>9.6%"]);
    }

    #[test]
    fn a_threshold_restating_the_level_is_no_level_of_the_rate_after_it() {
        let c = changes("全市社会消费品零售总额实现385.2亿元,首次突破300亿,同比增长12.1%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["385.2亿元>12.1%"]);
    }

    #[test]
    fn the_value_a_change_is_measured_from_is_not_its_level() {
        let c = changes("2023年全市科普基地覆盖率达到68.5%,较2020年的52.1%提高了16.4个百分点。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["68.5%>16.4个百分点"]);
    }

    #[test]
    fn the_earlier_periods_value_named_again_after_bi_is_the_base_not_the_level() {
        let c = changes("全县农机作业服务收入8.6亿元,比上年服务收入 7.1亿元,又增加21.1%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["8.6亿元>21.1%"]);
        let whole = changes("规上企业研发费用与当年营业收入之比为1.9%,比上年提高0.1个百分点。");
        assert_eq!(whole.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["1.9%>0.1个百分点"], "当年 is no earlier period");
    }

    #[test]
    fn points_listed_over_several_earlier_periods_each_change_a_share() {
        let c = changes("新兴产业增加值占规上工业的比重为21.6%,分别比一季度和上半年提高0.9和0.4个百分点。");
        let found: Vec<_> = c.iter().map(|x| (x.1.as_str(), x.2.as_str())).collect();
        assert_eq!(found, [("新兴产业增加值占规上工业的比重", "21.6%>0.9"), ("新兴产业增加值占规上工业的比重", "21.6%>0.4个百分点")]);
    }

    #[test]
    fn a_running_total_past_a_semicolon_names_what_was_added() {
        let c = changes("新增地理标志商标8件;地理标志商标累计达96件,较去年同期增长9.1%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["96件>8件", "96件>9.1%"]);
        assert!(changes("新增地理标志商标8件;累计达96件。").is_empty(), "a total naming nothing past a semicolon");
    }

    #[test]
    fn a_rate_of_a_running_total_continues_the_level() {
        let c = changes("全市规上高新技术企业累计实现增加值318.6亿元,累计同比增长14.2%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["318.6亿元>14.2%"]);
    }

    #[test]
    fn a_step_to_a_level_reads_through_spaces() {
        let c = changes("科技型企业贷款余额同比增长 18% 至 2.61 万亿元。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["2.61 万亿元>18%"]);
        // Found by the fuzz test: a rate and a level with only a space between.
        assert!(changes("翻一番 一成00").is_empty());
    }

    #[test]
    fn what_is_added_to_an_earlier_periods_count_is_the_levels_change() {
        let c = changes("全市科技型中小企业达到2310家,较上年新增数量超过400家。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["2310家>超过400家"]);
    }

    #[test]
    fn a_comparative_right_after_an_earlier_period_states_the_change_and_its_direction() {
        let c = changes("全市孵化器在孵企业2140家,比上年少35家;众创空间1260家,比上年末多96家。");
        let found: Vec<_> = c.iter().map(|x| (x.2.as_str(), x.3)).collect();
        assert_eq!(found, [("2140家>35家", Direction::Down), ("1260家>96家", Direction::Up)]);
        assert!(changes("新建低碳示范园区12个,高新技术企业120家。").is_empty(), "高 and 低 inside nouns compare nothing");
    }

    #[test]
    fn a_multiple_of_a_year_whose_value_is_given_in_brackets() {
        let c = changes("2022年成交额812.6亿元,是2017年(356.2亿元)的2.3倍。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["812.6亿元>2.3倍"]);
    }

    #[test]
    fn a_share_after_a_growth_is_no_running_total() {
        let c = changes("其中应用成果2.3万项,增长6.2%,占全国应用成果总数的41.5%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["2.3万项>6.2%"]);
    }

    #[test]
    fn a_running_total_after_its_growth() {
        let c = changes("全年新增技术经纪人860余名,累计达到3200名;");
        assert_eq!(c, vec![(Relation::Growth, "技术经纪人".into(), "3200名>860余名".into(), Direction::Up)]);
        let c = changes("新增高新技术企业486家,总数达到2315家。");
        assert_eq!(c[0].1, "高新技术企业");
    }

    #[test]
    fn a_rate_with_a_subject_of_its_own_is_not_the_levels() {
        assert!(changes("科技进步贡献率提高到64%左右,全市规上工业企业研发费用五年翻一番。").is_empty());
        assert!(changes("测土配方施肥技术覆盖率达到92%,化肥使用量比2020年减少6.5%。").is_empty());
    }

    #[test]
    fn a_rank_with_the_places_it_moved_in_a_named_ranking() {
        let c = changes("在全国178家国家高新区综合评价中,潍坊高新区居第21位,较上年前移4位。");
        assert_eq!(c, vec![(Relation::Growth, "国家高新区综合评价".into(), "第21位>4位".into(), Direction::Up)]);
    }

    #[test]
    fn levels_stated_one_a_clause_pair_with_listed_rates_past_their_shares() {
        let c = changes("今年认定技术合同2760项,合同金额41.8亿元,分别占比28.4%和39.6%,同比分别增长9.7%和22.5%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["2760项>9.7%", "41.8亿元>22.5%"]);
    }

    #[test]
    fn levels_stated_one_a_clause_pair_with_listed_rates() {
        let c = changes("全年共登记技术合同2.41万项,技术合同成交额1367.4亿元,同比分别增长17.3%和35.6%;");
        let got: Vec<_> = c.iter().map(|x| (x.1.clone(), x.2.clone())).collect();
        let want = [("登记技术合同", "2.41万项>17.3%"), ("技术合同成交额", "1367.4亿元>35.6%")];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    }

    #[test]
    fn a_rate_continues_no_level_of_an_earlier_part_of_the_sentence() {
        let c = changes("医药制造业实现产值186.2亿元,同比下降3.4%;计算机制造业已连续5个月负增长,1—9月下降6.7%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["186.2亿元>3.4%"]);
    }

    #[test]
    fn a_rate_naming_the_levels_measure_is_theirs() {
        let c = changes("成交额依次为633.6亿元、341.03亿元;新能源领域的技术合同成交额同比增幅高达125.06%。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["341.03亿元>125.06%"]);
    }
}
