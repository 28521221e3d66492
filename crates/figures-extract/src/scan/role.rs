//! Role: whether a figure states a level, a change or a share, and whether it is a forecast, read
//! from the words before it in its clause (增长30%, 占75%, 预计). The role and filler words come
//! from [`crate::lexicon::verbs`]; this layer never links figures to each other.

use std::sync::LazyLock;

use super::{Found, before_spaces, ends_with, holds_word, len, starts_with};
use crate::document::{CLAUSE_BREAKS, Folded};
use crate::lexicon::Lexicon;
use crate::lexicon::clauses::{LIST_JOINERS, PERIOD_WORDS};
use crate::lexicon::periods::{AGO, PARTS_OF_YEAR, PERIOD_LAST_CHARS, PLAN_ENDS, PLAN_PERIODS, PLAN_SPANS};
use crate::lexicon::ranks::SCOPES;
use crate::lexicon::verbs::{self, FILLER_LEXICON};
use crate::numerals::is_chinese_numeral_char;
use crate::records::{Direction, Kind, Role};

/// Whether a clause holding only a forecast word (初步预计, 据预计) stands earlier in the sentence:
/// it governs every figure after it there.
fn forecast_clause_before(f: &Folded, clause_start: usize, forecast: impl Fn(&[char]) -> bool) -> bool {
    let sentence = f.sentence_start(clause_start);
    let mut end = clause_start;
    while end > sentence + 1 && f[end - 1] == ',' {
        let cs = f.clause_start(end - 1);
        if end - 1 - cs <= 4 && forecast(&f[cs..end - 1]) {
            return true;
        }
        end = cs;
    }
    false
}

/// Role and forecast flag, read from the words before the figure in its clause.
pub(super) fn finish(f: &Folded, mut found: Found, before: &[Found]) -> Found {
    let clause_start = f.clause_start(found.start);
    let clause = &f[clause_start..found.start];
    // 预计 in the figure's clause, or standing as a clause of its own that opens the sentence's
    // forecasts (初步预计,生产总值增长4.5%,…).
    let forecast = |c: &[char]| c.windows(2).any(|w| w == ['预', '计'] || w == ['预', '期']);
    found.projected = forecast(clause) || forecast_clause_before(f, clause_start, forecast);
    // 高于全市2个百分点 is a gap to something else; 比上年高出1.2个百分点 a change over time.
    let gap = || verbs::GAP_VERBS.iter().any(|w| holds_word(clause, w.word));
    let compared = || gap() && !against_earlier(clause);
    found.role = match found.kind {
        Kind::Rank | Kind::Year | Kind::Month | Kind::Date | Kind::Duration => Role::Level,
        Kind::RankChange => Role::Change,
        // A role the form states stands: 翻一番 is a change, 三分之一 a share.
        _ if found.role != Role::Level => found.role,
        _ if comparative_before(f, found.start).is_some() => Role::Change,
        Kind::DigitCount => {
            if verbs::DIGIT_CHANGES.iter().any(|w| starts_with(f, found.end, w.word)) {
                Role::Change
            } else {
                Role::Level
            }
        }
        Kind::Multiple if compares_with_earlier(f, &found, before) => Role::Change,
        // 高于营收(24.0%)20.5个百分点, 增速居前的产业为新能源汽车(22.6%)…: the rate in brackets of
        // what a rate is compared with or ranked among; 以50%增长率增长: a rate named right after.
        Kind::Percent
            if (found.start > 0
                && f[found.start - 1] == '('
                && f.get(found.end) == Some(&')')
                && (compared() || verbs::rate_words().any(|w| holds_word(clause, w))))
                || verbs::RATE_LEXICON.starting_at(f, found.end).next().is_some() =>
        {
            Role::Change
        }
        // 对工业增长的贡献率达53.2%: a share of the growth 对 names.
        Kind::Percent if contributes(clause) => Role::Share,
        // 高于全国同期0.08个百分点的增幅: points that are an increase, whatever they are compared with.
        Kind::PercentagePoint if f.get(found.end) == Some(&'的') && verbs::RATE_LEXICON.starting_at(f, found.end + 1).next().is_some() => {
            Role::Change
        }
        // 高于全市规上工业增速5.1个百分点 is a gap to something else, not a change over time; 比上年
        // 高出1.2个百分点 is a change.
        Kind::PercentagePoint if gap() => {
            if against_earlier(clause) {
                Role::Change
            } else {
                Role::Level
            }
        }
        _ => match role_from_clause(f, clause_start, &found, before) {
            Role::Level if found.kind == Kind::Percent => of_what_follows(f, &found),
            role => role,
        },
    };
    found
}

/// The role of a percentage that no word before it gives one, from the noun it is of, whose head
/// ends the noun: 12%的增长 and 20%以上的较快增长 state a change, 约六成的新型研发机构 a share of
/// them, 95%的覆盖率 a rate, 突破7%的大关 a level and 到六成的跨越 the end of a leap, which are
/// levels.
fn of_what_follows(f: &Folded, found: &Found) -> Role {
    if f.get(found.end) != Some(&'的') {
        return Role::Level;
    }
    let noun = found.end + 1;
    let noun_end = (noun..f.len()).find(|&k| CLAUSE_BREAKS.contains(&f[k])).unwrap_or(f.len());
    let change = |(_, role): (&str, Role)| role == Role::Change;
    if verbs::ROLE_LEXICON.starting_at(f, noun).any(change) || verbs::ROLE_LEXICON.ending_at(f, noun_end).any(change) {
        Role::Change
    } else if f[noun..noun_end].contains(&'率')
        || verbs::LEVEL_NOUNS.iter().any(|w| starts_with(f, noun, w.word) || ends_with(f, noun_end, w.word))
        || verbs::LEAPS.iter().any(|w| starts_with(f, noun, w.word) || starts_with(f, noun + 1, w.word))
    {
        Role::Level
    } else {
        Role::Share
    }
}

/// [`SCOPES`] as a lexicon: asked at the start of nearly every figure's clause, which a scope
/// seldom opens (one bit says so).
static SCOPE_LEXICON: LazyLock<Lexicon<()>> = LazyLock::new(|| Lexicon::new(SCOPES.iter().map(|s| (s.word, ()))));

/// Whether the clause compares with an earlier period: 比 or 较 before an earlier-period word
/// (比上年, 较上年度, 比同期), a year (比2017年) or a part of the year (比一季度).
pub(crate) fn against_earlier(clause: &[char]) -> bool {
    clause.iter().enumerate().any(|(k, &c)| {
        let rest = &clause[k + 1..];
        let starts = |w: &str| rest.len() >= len(w) && rest.iter().zip(w.chars()).all(|(a, b)| *a == b);
        // PDF-to-text may leave spaces before 年 (比2022 年).
        let year =
            rest.len() >= 5 && rest[..4].iter().all(char::is_ascii_digit) && rest[4..].iter().find(|c| !c.is_whitespace()) == Some(&'年');
        let part_of_year = || PARTS_OF_YEAR.iter().any(|p| starts(p.word));
        matches!(c, '比' | '较') && (year || verbs::EARLIER_PERIODS.iter().any(|w| starts(w.word)) || part_of_year())
    })
}

/// The direction of a comparative ending at `at` right after an earlier period it compares with
/// (比上年多, 较上年度低, 比一季度高), if one does.
pub(crate) fn comparative_before(f: &Folded, at: usize) -> Option<Direction> {
    let at = before_spaces(f, at);
    let c = verbs::COMPARATIVES.iter().find(|v| ends_with(f, at, v.word))?;
    let period_end = at - len(c.word);
    let period_closes = period_end > 0 && PERIOD_LAST_CHARS.contains(&f[period_end - 1]);
    (period_closes && against_earlier(&f[f.clause_start(period_end)..period_end])).then_some(c.direction).flatten()
}

/// How many chars the object of a change verb may take between the verb and its figure.
const OBJECT_MAX: usize = 4;

/// Whether a change verb of two chars or more with a short object of its own ends at `end` (亩增产
/// 稻谷170.6公斤, 增加研发投入12亿元): the figure is how much the object changed. A rate noun (增速)
/// moves nothing, and what a period added ([`verbs::ADDITIONS`]) is a level the clause may grow,
/// unless the clause adds it to an earlier period's (较上年新增数量超过2000家).
fn changes_an_object(f: &Folded, clause_start: usize, end: usize) -> bool {
    let floor = end.saturating_sub(OBJECT_MAX + 2).max(clause_start);
    (floor..end.saturating_sub(2)).any(|k| {
        let verb = verbs::ROLE_LEXICON.starting_at(f, k).filter(|&(_, role)| role == Role::Change).map(|(w, _)| w).max_by_key(|w| len(w));
        verb.is_some_and(|w| {
            let object = f.get(k + len(w)..end).unwrap_or_default();
            len(w) >= 2
                && verbs::MOVE_LEXICON.starting_at(f, k).any(|(m, _)| m == w)
                && (!verbs::ADDITIONS.iter().any(|a| a.word == w) || against_earlier(&f[clause_start..k]))
                && !verbs::NOT_VERBS.iter().any(|n| starts_with(f, k, n.word))
                && (1..=OBJECT_MAX).contains(&object.len())
                && object.iter().all(|&c| super::non_figure::is_cjk(c) && !matches!(c, '的' | '为' | '到' | '至' | '达' | '是'))
        })
    })
}

/// Whether the clause names a rate of contribution to a growth after 对 (对工业增长的贡献率达).
fn contributes(clause: &[char]) -> bool {
    // Most clauses hold no 对: asked first, as one pass over the chars.
    let Some(dui) = clause.iter().position(|&c| c == '对') else { return false };
    verbs::CONTRIBUTIONS.iter().any(|w| holds_word(&clause[dui..], w.word))
}

/// Whether a multiple compares the level with an earlier period (是上年的1.5倍, 为2012年的2.4倍,
/// 是“十三五”末的2倍).
fn compares_with_earlier(f: &Folded, found: &Found, before: &[Found]) -> bool {
    let Some(de) = found.start.checked_sub(1).filter(|&k| f[k] == '的') else { return false };
    // 是2010年(1579.5亿元)的2.2倍: the earlier period's value in brackets stands between.
    let de = de.checked_sub(1).filter(|&k| f[k] == ')').and_then(|close| note_open(f, 0, close)).unwrap_or(de);
    // 是“十二五”期间争取资金2.9亿元的4.3倍: or the period's value, after a few words that name it
    // again.
    let value = before.last().filter(|v| v.end == de && !v.kind.is_time() && v.kind != Kind::Multiple);
    let Some(v) = value else { return period_before(f, de, before) };
    (v.start.saturating_sub(VALUE_NAME_MAX)..=v.start)
        .rev()
        .take_while(|&k| k == v.start || super::non_figure::is_cjk(f[k]))
        .any(|k| period_before(f, k, &before[..before.len() - 1]))
}

/// How many chars may name a period's value again between the period and the value (争取资金).
const VALUE_NAME_MAX: usize = 8;

/// Whether an earlier period, after a comparison word, ends at `de` (是上年, 为2012年, 是“十三五”末).
fn period_before(f: &Folded, de: usize, before: &[Found]) -> bool {
    let earlier_span = |p: &Found| verbs::EARLIER_SPANS.iter().find(|w| ends_with(f, p.start, w.word)).map(|w| p.start - len(w.word));
    let year = before.iter().rev().take(2).find(|p| p.end == de).and_then(|p| match p.kind {
        Kind::Year => Some(p.start),
        Kind::Duration => earlier_span(p),
        _ => None,
    });
    // A number of years back (是10年前的5.8倍).
    let ago = || {
        let p = before.iter().rev().take(2).find(|p| p.kind == Kind::Duration && p.end < de)?;
        AGO.iter().any(|w| p.end + len(w.word) == de && starts_with(f, p.end, w.word)).then_some(p.start)
    };
    // An earlier-period word may follow a year (是2022年同期的2.4倍).
    let word = || {
        let s = verbs::EARLIER_PERIODS.iter().find(|w| ends_with(f, de, w.word)).map(|w| de - len(w.word))?;
        Some(before.last().filter(|p| p.end == s && p.kind == Kind::Year).map_or(s, |p| p.start))
    };
    // Or the end of an earlier plan period (是“十一五”期末的13.8倍), quoted or not.
    // A plan's name in quotes may be any five-year plan's (“十五”, “九五”): a numeral ending in 五.
    let plan_end = || {
        let end = before_plan_tail(f, de);
        if end > 0 && matches!(f[end - 1], '”' | '"') {
            let close = end - 1;
            let open = (close.saturating_sub(4)..close).rev().find(|&k| matches!(f[k], '“' | '"'))?;
            let name = &f[open + 1..close];
            let plan = name.len() >= 2 && name.last() == Some(&'五') && name.iter().all(|&c| is_chinese_numeral_char(c));
            return plan.then_some(open);
        }
        PLAN_PERIODS.iter().find(|p| ends_with(f, end, p.word)).map(|p| end - len(p.word))
    };
    year.or_else(ago).or_else(word).or_else(plan_end).is_some_and(|s| verbs::COMPARISONS.iter().any(|w| ends_with(f, s, w.word)))
}

/// `at` back before the longest word after a plan's name that ends there (末, 期末, 期间, 时期:
/// “十三五”期末 → where 期末 starts), or `at` when none does.
pub(crate) fn before_plan_tail(f: &Folded, at: usize) -> usize {
    at - PLAN_ENDS.iter().chain(&PLAN_SPANS).filter(|w| ends_with(f, at, w.word)).map(|w| len(w.word)).max().unwrap_or(0)
}

fn role_from_clause(f: &Folded, clause_start: usize, found: &Found, before: &[Found]) -> Role {
    // In a list (75.12%、229.99%) an item takes the role of the item before it, one char away;
    // percentages written with no mark between them (17.1%14.0%) are a list too.
    if let Some(prev) = before.last()
        && (prev.kind == found.kind || (prev.role == Role::Change && prev.kind.is_relative() && found.kind.is_relative()))
        && ((prev.end + 1 == found.start && LIST_JOINERS.iter().any(|w| len(w.word) == 1 && starts_with(f, prev.end, w.word)))
            || (prev.end == found.start && found.kind == Kind::Percent))
    {
        return prev.role;
    }
    let mut end = found.start;
    loop {
        let gap_end = skip_filler_back(f, clause_start, end);
        if gap_end <= clause_start {
            if found.kind == Kind::Percent && rate_named_before(f, clause_start, before) {
                return Role::Change;
            }
            return role_earlier(f, clause_start, found, before);
        }
        let keyword = verbs::ROLE_LEXICON.ending_at(f, gap_end).max_by_key(|(w, _)| len(w));
        match keyword {
            Some((w, role)) => {
                if role == Role::Share && found.kind != Kind::Percent {
                    return Role::Level;
                }
                // 增长到30%: a level the change reaches; 增幅到达30%: 到达 is a filler, the rate's own.
                let reaches =
                    f.get(gap_end).is_some_and(|c| matches!(c, '到' | '至')) && FILLER_LEXICON.starting_at(f, gap_end).next().is_none();
                if role == Role::Change && reaches {
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
                    None if changes_an_object(f, clause_start, gap_end) => return Role::Change,
                    None => {
                        return role_before_from(f, clause_start, found).unwrap_or_else(|| role_earlier(f, clause_start, found, before));
                    }
                }
            }
        }
    }
}

/// Whether the clause before a clause with no subject of its own names a rate and states no
/// figure (新能源领域增速最快,达到84.6%): the percentage is that rate.
fn rate_named_before(f: &Folded, clause_start: usize, before: &[Found]) -> bool {
    if clause_start < 2 || f[clause_start - 1] != ',' {
        return false;
    }
    let pcs = f.clause_start(clause_start - 1);
    if before.iter().rev().take_while(|p| p.end > pcs).any(|p| p.start < clause_start) {
        return false;
    }
    verbs::rate_words().any(|w| holds_word(&f[pcs..clause_start - 1], w))
}

/// The role the measure of a before→after gives both its ends, named before its 由 or 从 (增速由
/// 上半年的8.1%回落至7.7%: rates, so changes; 比重由6.01%提高0.72个百分点至6.73%: shares); a
/// level when no role word names it, whatever share word stands before the measure (其中科技活动
/// 产出指数由66.82%增长到75.42%: 其中 takes a part, not this measure). None without 由 or 从.
fn role_before_from(f: &Folded, clause_start: usize, found: &Found) -> Option<Role> {
    let from = (clause_start..found.start).rev().find(|&k| matches!(f[k], '由' | '从'))?;
    let mut gap_end = skip_filler_back(f, clause_start, from);
    // 比重,由去年同期的54.3%增长至59.9%: the measure closes the clause before; a change verb there
    // (数量迅猛增长,从6000多家增长到1.6万家) says the ends moved, and they are levels.
    let before_clause = gap_end <= clause_start && clause_start >= 2 && f[clause_start - 1] == ',';
    if before_clause {
        gap_end = clause_start - 1;
        // A rate named there (增速逐月回落,由25.1%降至22.9%) makes the ends rates.
        let named = &f[f.clause_start(gap_end)..gap_end];
        if found.kind == Kind::Percent && verbs::rate_words().any(|w| holds_word(named, w)) {
            return Some(Role::Change);
        }
    }
    let role = verbs::ROLE_LEXICON.ending_at(f, gap_end).max_by_key(|(w, _)| len(w)).map(|(_, role)| role);
    let role = role.filter(|&r| (r != Role::Share || found.kind == Kind::Percent) && !(before_clause && r == Role::Change));
    Some(role.unwrap_or(Role::Level))
}

/// A role from further back in the clause, for a figure that no word right before it gives one:
/// a percentage after a share word with no figure between (占全市份额接近80%) is a share, and
/// every figure of a clause that opens with a change verb of two chars or more, after a period
/// word if any (新增院士工作站6个、专家服务站12家; 全年新增…), is a change, unless the verb leads
/// to a level (增加到, 提高至, 增长为).
fn role_earlier(f: &Folded, clause_start: usize, found: &Found, before: &[Found]) -> Role {
    if found.kind == Kind::Percent {
        // A time between (占GDP比重连续4年保持在4%以上) does not end the share's words.
        let last = before.iter().rev().take_while(|p| p.end > clause_start).find(|p| !p.kind.is_time());
        let from = last.map_or(clause_start, |p| p.end);
        if (from..found.start).any(|k| verbs::ROLE_LEXICON.starting_at(f, k).any(|(_, role)| role == Role::Share)) {
            return Role::Share;
        }
    }
    // A time opening the clause (2017全年新增…) stands before its period words.
    let time = before.iter().rev().take_while(|p| p.start >= clause_start).find(|p| p.start == clause_start && p.kind.is_time());
    let after_time = time.map_or(clause_start, |p| p.end);
    let opening = PERIOD_WORDS.iter().find(|p| starts_with(f, after_time, p.word)).map_or(after_time, |p| after_time + len(p.word));
    // And past the scope it is stated for (全省新增…, 全市新增…).
    let opening = SCOPE_LEXICON.starting_at(f, opening).map(|(w, _)| len(w)).max().map_or(opening, |n| opening + n);
    // 增加值 names a measure; its 增加 is no verb.
    let not_verb = verbs::NOT_VERBS.iter().any(|w| starts_with(f, opening, w.word));
    let leading = verbs::ROLE_LEXICON.starting_at(f, opening).filter(|_| !not_verb).max_by_key(|(w, _)| len(w));
    match leading {
        Some((w, Role::Change))
            if len(w) >= 2
                && opening + len(w) < found.start
                && verbs::VERBS.iter().any(|v| v.word == w && v.direction.is_some())
                && !f.get(opening + len(w)).is_some_and(|c| matches!(c, '到' | '至' | '为')) =>
        {
            Role::Change
        }
        _ => Role::Level,
    }
}

/// How far back a note in brackets between a verb and its figure is passed over (增长(下同)1.72%).
const NOTE_MAX_CHARS: usize = 8;

/// Where the bracket closing at `close` opens, when it holds at most [`NOTE_MAX_CHARS`] chars and
/// opens at or after `floor`.
fn note_open(f: &Folded, floor: usize, close: usize) -> Option<usize> {
    (close.saturating_sub(NOTE_MAX_CHARS + 1).max(floor)..close).rev().find(|&k| f[k] == '(')
}

fn skip_filler_back(f: &Folded, floor: usize, mut end: usize) -> usize {
    while end > floor {
        if f[end - 1] == ')'
            && let Some(open) = note_open(f, floor, end - 1)
        {
            end = open;
            continue;
        }
        let Some((w, _)) = FILLER_LEXICON.ending_at(f, end).find(|(w, _)| end - floor >= len(w)) else { break };
        end -= len(w);
    }
    end
}

#[cfg(test)]
mod tests {
    use crate::document::Text;
    use crate::records::Role;
    use crate::scan::scan;

    #[test]
    fn a_clause_opening_with_zengjiazhi_names_a_measure_and_states_no_change() {
        let roles = |text: &str| scan(&Text::new(text)).figures.iter().map(|x| x.role).collect::<Vec<_>>();
        assert_eq!(roles("实现产值2427.7亿元,增加值584.5亿元。"), [Role::Level, Role::Level]);
        assert_eq!(roles("实现产值2427.7亿元,增加584.5亿元。"), [Role::Level, Role::Change]);
    }

    #[test]
    fn a_percentage_of_a_noun_is_a_share_of_it_a_change_or_a_rate() {
        let roles = |text: &str| scan(&Text::new(text)).figures.iter().map(|x| x.role).collect::<Vec<_>>();
        assert_eq!(roles("集聚了全市约六成的新型研发机构。"), [Role::Share]);
        assert_eq!(roles("营收保持了12%的增速。"), [Role::Change]);
        assert_eq!(roles("实现了95%的覆盖率。"), [Role::Level]);
        assert_eq!(roles("研发费用保持了20%以上的较快增长。"), [Role::Change]);
        assert_eq!(roles("新能源领域增速最快,达到84.6%。"), [Role::Change], "the rate named in the clause before");
        assert_eq!(roles("新能源领域发展最快,达到84.6%。"), [Role::Level]);
        assert_eq!(roles("成果登记数比上年增长(下同)3.5%。"), [Role::Change], "a note in brackets");
        assert_eq!(roles("研发费用增长31.2%,高于营收(18.6%)12.6个百分点。"), [Role::Change, Role::Change, Role::Level]);
        assert_eq!(roles("增速居前的产业为新能源(22.6%)、生物医药(21.1%)。"), [Role::Change, Role::Change]);
        assert_eq!(roles("南部片区以36%增长率快速增长。"), [Role::Change]);
        assert_eq!(roles("强度提高了0.2个百分点,高于全国同期0.05个百分点的增幅。"), [Role::Change, Role::Change]);
        assert_eq!(roles("企业专利占比,由去年同期的41.3%增长至47.9%。"), [Role::Share, Role::Share]);
        assert_eq!(roles("覆盖率实现了从三成到六成的大跨越。"), [Role::Level, Role::Level]);
        assert_eq!(roles("覆盖率达到95%。"), [Role::Level]);
    }

    #[test]
    fn a_rate_noun_opening_a_clause_is_no_change_verb_for_a_count_after_it() {
        let roles = |text: &str| scan(&Text::new(text)).figures.iter().map(|x| x.role).collect::<Vec<_>>();
        assert_eq!(roles("增速在八个副省级城市中居前列。"), [Role::Level], "增速 starts with 增 but states no change");
        assert_eq!(roles("增加企业8家。"), [Role::Change]);
    }

    #[test]
    fn the_ends_of_a_change_of_a_rate_or_a_share_take_its_role() {
        let roles = |text: &str| scan(&Text::new(text)).figures.iter().map(|x| x.role).collect::<Vec<_>>();
        assert_eq!(roles("增加值增速由上半年的8.1%回落至7.7%。"), [Role::Change, Role::Change]);
        assert_eq!(roles("基础研究经费所占比重由6.01%提高0.72个百分点至6.73%。"), [Role::Share, Role::Change, Role::Share]);
        assert_eq!(roles("营收由100亿元增长到120亿元。"), [Role::Level, Role::Level]);
        assert_eq!(roles("其中企业研发指数由61.2%增长到70.5%。"), [Role::Level, Role::Level], "其中 takes a part, not the measure");
    }

    #[test]
    fn a_change_verb_with_a_short_object_states_the_change_of_it() {
        let roles = |text: &str| scan(&Text::new(text)).figures.iter().map(|x| x.role).collect::<Vec<_>>();
        assert_eq!(roles("示范片亩产702公斤,亩增产玉米96公斤。"), [Role::Level, Role::Change]);
        assert_eq!(roles("全年开展人工增雨作业300多次。"), [Role::Level], "增 inside 增雨 is no verb");
        assert_eq!(roles("工业增速居全省11个设区市前列。"), [Role::Level], "a rate noun moves nothing");
    }

    #[test]
    fn a_figure_in_a_to_clause_is_a_level() {
        let t = Text::new("比重从30.9%上升至40.2%;");
        let s = scan(&t);
        assert!(s.figures.iter().all(|x| x.role == Role::Share), "{:?}", s.figures);
    }
}
