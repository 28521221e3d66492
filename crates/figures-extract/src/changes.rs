//! Changes: links figures into change statements — before→after (从A增长到B, A到B的大跨越) and a
//! level with its stated growth (3053.5亿元,比上年增长30.3%) — and names each one's subject.
//!
//! Pure: reads the folded text and the figures of one document, returns index-based links. The
//! subject is the clause text before the statement, cut at the words that introduce it; it is
//! never looked up in a list of known subjects.

use crate::document::Text;
use crate::figures::{self, Found};
use crate::records::{Direction, Kind, Relation, Role, Unit};

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

const SENTENCE_BREAKS: [char; 4] = ['。', '\n', '!', '?'];
const UP: [&str; 12] = ["增长", "增加", "上升", "提高", "提升", "跃升", "前移", "攀升", "扩大", "新增", "增至", "增"];
const DOWN: [&str; 12] = ["下降", "减少", "降低", "回落", "下滑", "后退", "缩小", "缩短", "缩减", "压缩", "降至", "降"];
const TO_WORDS: [&str; 3] = ["到", "至", "为"];
const LEAP_WORDS: [&str; 6] = ["跨越", "跃升", "突破", "转变", "飞跃", "提升"];
/// Words at the end of a subject that introduce the figure rather than name the measure.
const SUBJECT_TAIL: [&str; 16] =
    ["依次为", "依次是", "分别为", "各为", "达到", "已有", "合计", "实现了", "实现", "成交", "达", "为", "是", "有", "共", "的"];

fn clause_start(f: &[char], at: usize) -> usize {
    figures::look_back(f, at, &figures::CLAUSE_BREAKS)
}

fn sentence_of(f: &[char], at: usize) -> usize {
    figures::look_back(f, at, &SENTENCE_BREAKS)
}

/// Where the first figure starting in `start..end` starts, or `end` when none does.
fn first_start_in(figures: &[Found], start: usize, end: usize) -> usize {
    figures.get(figures.partition_point(|x| x.start < start)).map_or(end, |x| x.start.min(end))
}

/// The time figure (year, month, date, duration) starting at char `start`, if any.
fn time_at(figures: &[Found], start: usize) -> Option<&Found> {
    figures.binary_search_by_key(&start, |x| x.start).ok().map(|i| &figures[i]).filter(|x| is_time(x.kind))
}

/// The time figure ending at char `end`, if any (figures do not overlap, so ends are sorted too).
fn time_ending_at(figures: &[Found], end: usize) -> Option<&Found> {
    figures.binary_search_by_key(&end, |x| x.end).ok().map(|i| &figures[i]).filter(|x| is_time(x.kind))
}

fn text(f: &[char], s: usize, e: usize) -> String {
    let mut out = String::with_capacity(utf8_len(&f[s..e]));
    out.extend(&f[s..e]);
    out
}

/// Bytes `chars` take in UTF-8: strings built from the text are sized up front, since collecting
/// would grow them several times over a clause of ideographs.
fn utf8_len(chars: &[char]) -> usize {
    chars.iter().map(|c| c.len_utf8()).sum()
}

/// Whether the chars `s..e` are exactly `word` (compared in place, without building a string).
fn is_word(f: &[char], s: usize, e: usize, word: &str) -> bool {
    f[s..e].iter().copied().eq(word.chars())
}

/// The direction of the last up or down word in `words`.
fn direction_of(words: &str) -> Option<Direction> {
    // Scanning back, the first place a word starts at is the last word (no up word starts with the
    // char a down word starts with, so one place never holds both).
    words.char_indices().rev().find_map(|(p, _)| {
        let rest = &words[p..];
        if UP.iter().any(|w| rest.starts_with(w)) {
            Some(Direction::Up)
        } else if DOWN.iter().any(|w| rest.starts_with(w)) {
            Some(Direction::Down)
        } else {
            None
        }
    })
}

fn by_value(a: &Found, b: &Found) -> Direction {
    let (x, y) = if a.unit == Unit::Rank { (b.value, a.value) } else { (a.value, b.value) };
    match y.cmp(&x) {
        std::cmp::Ordering::Greater => Direction::Up,
        std::cmp::Ordering::Less => Direction::Down,
        std::cmp::Ordering::Equal => Direction::Flat,
    }
}

fn is_time(k: Kind) -> bool {
    matches!(k, Kind::Year | Kind::Month | Kind::Date | Kind::Duration)
}

/// Points in the calendar, which date the ends of a change rather than being its ends; a
/// duration (由90天缩短至45天) can be an end.
fn is_calendar(k: Kind) -> bool {
    matches!(k, Kind::Year | Kind::Month | Kind::Date)
}

/// Finds every change statement among `figures` (sorted by start).
pub fn link(t: &Text, figures: &[Found]) -> Vec<Linked> {
    let f = &t.folded;
    let mut out = before_after(f, figures);
    let mut used = vec![false; figures.len()];
    for i in out.iter().flat_map(|c| c.from.into_iter().chain([c.to])) {
        used[i] = true;
    }
    out.extend(growth(f, figures, &used));
    out.sort_by_key(|c| (c.subject_start, c.to));
    out
}

fn before_after(f: &[char], figures: &[Found]) -> Vec<Linked> {
    // Where each figure's clause starts is asked several times, of it as a first end and a second.
    let clauses: Vec<usize> = figures.iter().map(|x| clause_start(f, x.start)).collect();
    let mut out = Vec::new();
    for (ai, a) in figures.iter().enumerate() {
        if is_calendar(a.kind) || a.role == Role::Change {
            continue;
        }
        // The second end is the next figure of the same unit in the clause, past any years
        // attached to the ends (由2015年的A提高到2020年的B).
        let Some((bi, b)) = figures
            .iter()
            .enumerate()
            .skip(ai + 1)
            .take_while(|&(k, x)| clauses[k] <= a.start || is_calendar(x.kind))
            .find(|(_, x)| !is_calendar(x.kind))
        else {
            continue;
        };
        if b.unit != a.unit || b.kind != a.kind || clauses[bi] > a.start {
            continue;
        }
        let between = strip_years(f, figures, a.end, b.start);
        let Some(verb) = TO_WORDS.iter().find_map(|w| between.strip_suffix(w)) else { continue };
        let verb_ok = verb.is_empty() || UP.contains(&verb) || DOWN.contains(&verb) || verb == "达";
        if !verb_ok {
            continue;
        }
        let cs = clauses[ai];
        let lead = text(f, cs, a.start);
        let from_pos = lead.rfind(['从', '由']).map(|p| cs + lead[..p].chars().count());
        let leap = || {
            let after = text(f, b.end, (b.end + 6).min(f.len()));
            after.starts_with('的') && LEAP_WORDS.iter().any(|w| after.contains(w))
        };
        if from_pos.is_none() && !leap() {
            continue;
        }
        let subject_end = match from_pos {
            Some(p) => p,
            None => lead.find("实现").map_or(a.start, |p| cs + lead[..p].chars().count()),
        };
        let direction = direction_of(verb).unwrap_or_else(|| by_value(a, b));
        out.push(Linked {
            relation: Relation::BeforeAfter,
            from: Some(ai),
            to: bi,
            rate: None,
            direction,
            subject_start: cs,
            subject_end,
            end: b.end,
        });
    }
    out
}

/// The text between two figures with year figures and their 的 removed.
fn strip_years(f: &[char], figures: &[Found], s: usize, e: usize) -> String {
    let mut out = String::with_capacity(utf8_len(&f[s..e]));
    let mut k = s;
    while k < e {
        if let Some(y) = time_at(figures, k) {
            k = y.end;
            // 2020年度的: 度 belongs to the year.
            for tail in ['度', '的'] {
                if f.get(k) == Some(&tail) {
                    k += 1;
                }
            }
            continue;
        }
        out.push(f[k]);
        k += 1;
    }
    out
}

/// Groups of consecutive figures joined by 、 和 及 (a list), as index ranges.
fn lists(f: &[char], figures: &[Found]) -> Vec<std::ops::Range<usize>> {
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, x) in figures.iter().enumerate() {
        let joined = i > 0 && {
            let p = &figures[i - 1];
            p.kind == x.kind && p.role == x.role && ["、", "和", "及", "以及"].iter().any(|w| is_word(f, p.end, x.start, w))
        };
        match groups.last_mut() {
            Some(g) if joined => g.end = i + 1,
            _ => groups.push(i..i + 1),
        }
    }
    groups
}

/// Words that say a list of figures is distributed over a list of items, in order.
const IN_ORDER: [&str; 3] = ["依次", "分别", "各"];
/// Separators between enumerated items (及 alone is left out: 新材料及其应用 is one item).
const ITEM_SEPARATORS: [&str; 3] = ["、", "以及", "和"];
/// Where the last enumerated item ends and the predicate begins.
const ITEM_END: [&str; 3] = ["的", "这", "等"];

/// The items a clause enumerates (电子信息、先进制造以及新能源领域的… → three items), or none.
fn enumeration(clause: &str) -> Vec<String> {
    // One pass splits at every separator: since no separator shares a char with another, this is
    // what splitting at each in turn gives, without the intermediate strings.
    let mut parts = Vec::new();
    let (mut start, mut i) = (0, 0);
    while let Some(c) = clause[i..].chars().next() {
        match ITEM_SEPARATORS.iter().find(|sep| clause[i..].starts_with(*sep)) {
            Some(sep) => {
                parts.push(&clause[start..i]);
                i += sep.len();
                start = i;
            }
            None => i += c.len_utf8(),
        }
    }
    parts.push(&clause[start..]);
    if parts.len() < 2 {
        return Vec::new();
    }
    if let Some(last) = parts.last_mut() {
        let cut = ITEM_END.iter().filter_map(|w| last.find(w)).min().unwrap_or(last.len());
        *last = &last[..cut];
    }
    parts.iter().map(|p| p.trim().to_string()).collect()
}

/// Pairs each figure of a distributed list (成交额依次为A、B、C) with the item the text names for
/// it (电子信息、先进制造、新能源): the nearest enumeration of as many items, earlier in the same
/// sentence. Returns (figure index, item).
pub fn items(t: &Text, figures: &[Found]) -> Vec<(usize, String)> {
    let f = &t.folded;
    let mut out = Vec::new();
    for group in lists(f, figures).into_iter().filter(|g| g.len() >= 2) {
        let first = figures[group.start].start;
        let cs = clause_start(f, first);
        if !IN_ORDER.iter().any(|w| text(f, cs, first).contains(w)) {
            continue;
        }
        let sentence = sentence_of(f, first);
        let mut end = first;
        let mut start = cs;
        let found = loop {
            // Only the words before the clause's first figure can name the items.
            let upto = first_start_in(figures, start, end);
            let names = enumeration(&text(f, start, upto));
            if names.len() == group.len() && names.iter().all(|n| !n.is_empty()) {
                break Some(names);
            }
            if start <= sentence || start == 0 {
                break None;
            }
            end = start - 1;
            start = clause_start(f, end);
        };
        if let Some(names) = found {
            out.extend(group.zip(names));
        }
    }
    out
}

/// Words between what is ranked and its rank (居全国第11位, 在全省排第二位, 从全国第20位).
const RANK_TAIL: [&str; 14] = ["全国", "全省", "全市", "位居", "位列", "排名", "排在", "居", "排", "列", "在", "从", "由", "中"];
/// Words between the name of a whole and its share (占规模以上工业增加值的比重为).
const SHARE_TAIL: [&str; 12] = ["的比重为", "的比重", "比重为", "比重", "依次是", "依次为", "达到", "的", "为", "达", "从", "由"];

/// Trims any of `tails` (longest first) off the end of `s`, repeatedly.
fn trim_tails(mut s: &str, tails: &[&str]) -> String {
    while let Some(t) = tails.iter().filter(|t| s.ends_with(*t)).max_by_key(|t| t.len()) {
        s = &s[..s.len() - t.len()];
    }
    s.trim().to_string()
}

/// Clause openings that continue a predicate rather than name a subject (相当于GDP的1.73%).
const PREDICATE_OPENINGS: [&str; 8] = ["相当于", "占", "比", "同比", "较", "增长", "在", "其中"];

/// What a rank figure ranks: its clause up to its first figure, less the ranking words and a
/// locative 在…中; or, when nothing is left, the nearest earlier clause of the sentence that names
/// a subject (…经费支出达到89.36亿元,相当于GDP的1.73%,在全省排第二位 → 经费支出).
fn ranked(f: &[char], figures: &[Found], x: &Found) -> Option<String> {
    let tails: Vec<&str> = RANK_TAIL.iter().chain(SUBJECT_TAIL.iter()).copied().collect();
    let mut start = clause_start(f, x.start);
    let mut end = x.start;
    for _ in 0..4 {
        let upto = first_start_in(figures, start, end);
        let clause = text(f, start, upto);
        let name = trim_tails(&clause, &tails);
        let name = match name.rfind('在') {
            Some(p) if p > 0 => name[..p].to_string(),
            _ => name,
        };
        // An earlier clause that only continues a predicate names no subject.
        let predicate = start < clause_start(f, x.start) && PREDICATE_OPENINGS.iter().any(|w| clause.starts_with(w));
        if !name.is_empty() && !predicate {
            return Some(name);
        }
        if start < 2 || f[start - 1] != ',' {
            return None;
        }
        end = start - 1;
        start = clause_start(f, end);
    }
    None
}

/// What a share is a share of: the words after 占 (or 相当于) up to the clause's first figure
/// after it, or X in 在X中占 / 在X中的占比.
fn share_of(f: &[char], figures: &[Found], x: &Found) -> Option<String> {
    let cs = clause_start(f, x.start);
    let clause = text(f, cs, x.start);
    let (at, word) = ["相当于", "占"].iter().filter_map(|w| clause.rfind(w).map(|p| (p, *w))).max_by_key(|(p, _)| *p)?;
    let after = cs + clause[..at + word.len()].chars().count();
    let upto = first_start_in(figures, after, x.start + 1).min(x.start);
    let rest = text(f, after, upto);
    let whole = if rest.starts_with('比') { String::new() } else { trim_tails(&rest, &SHARE_TAIL) };
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

/// Kinds a level of a growth statement can have.
fn can_grow(k: Kind) -> bool {
    matches!(k, Kind::Money | Kind::Count | Kind::Percent | Kind::Area | Kind::Mass | Kind::Multiple)
}

/// Kinds a stated change can have: the level's own kinds, and percentage points (提高0.12个百分点).
fn can_state_growth(k: Kind) -> bool {
    can_grow(k) || k == Kind::PercentagePoint
}

/// `used[i]` says figure `i` is already an end of a before→after change.
fn growth(f: &[char], figures: &[Found], used: &[bool]) -> Vec<Linked> {
    let groups = lists(f, figures);
    let mut out = Vec::new();
    for (gi, rates) in groups.iter().enumerate() {
        let first = &figures[rates.start];
        if first.role != Role::Change || !can_state_growth(first.kind) {
            continue;
        }
        let sentence = sentence_of(f, first.start);
        // The nearest earlier list of levels in the sentence, of the same length as the rates.
        let levels = groups[..gi].iter().rev().take_while(|g| figures[g.start].start >= sentence).find(|g| {
            let x = &figures[g.start];
            x.role == Role::Level && can_grow(x.kind) && (g.len() == rates.len() || rates.len() == 1)
        });
        let Some(levels) = levels else { continue };
        let pairs: Vec<(usize, usize)> =
            if levels.len() == rates.len() { levels.clone().zip(rates.clone()).collect() } else { vec![(levels.end - 1, rates.start)] };
        for (li, ri) in pairs {
            if used[li] {
                continue;
            }
            let level = &figures[li];
            let rate = &figures[ri];
            let (subject_start, subject_end) = subject_span(f, figures, figures[levels.start].start);
            let words = text(f, clause_start(f, rate.start), rate.start);
            out.push(Linked {
                relation: Relation::Growth,
                from: None,
                to: li,
                rate: Some(ri),
                direction: direction_of(&words).unwrap_or(Direction::Up),
                subject_start,
                subject_end,
                end: rate.end.max(level.end),
            });
        }
    }
    out
}

/// The subject of a level: its clause up to the words that introduce the figure. A clause with
/// nothing left (各为145.45亿元) takes the clause before it in the same sentence, which names
/// what the figures are of.
fn subject_span(f: &[char], figures: &[Found], level_start: usize) -> (usize, usize) {
    let cs = clause_start(f, level_start);
    let end = subject_end(f, figures, cs, level_start);
    let previous_clause = cs >= 2 && f[cs - 1] == ',';
    match (end > cs, previous_clause) {
        (true, _) => (cs, end),
        (false, true) => (clause_start(f, cs - 1), cs - 1),
        // Nothing but introducing words (合计成交571.13亿元): keep them rather than nothing.
        (false, false) => (cs, level_start),
    }
}

/// Where the subject of a level stops: before the words that introduce the figure.
fn subject_end(f: &[char], figures: &[Found], cs: usize, level_start: usize) -> usize {
    let mut end = level_start;
    'trim: loop {
        if let Some(q) = time_ending_at(figures, end).filter(|x| x.start >= cs) {
            end = q.start;
            continue;
        }
        for w in SUBJECT_TAIL {
            let n = w.chars().count();
            if end >= cs + n && is_word(f, end - n, end, w) {
                end -= n;
                continue 'trim;
            }
        }
        return end;
    }
}

/// The subject as written, trimmed, with a leading year or time phrase removed.
pub fn subject_text(t: &Text, figures: &[Found], c: &Linked) -> (usize, String) {
    let mut s = c.subject_start;
    while s < c.subject_end {
        if let Some(y) = time_at(figures, s) {
            s = y.end;
        } else if t.folded[s].is_whitespace() {
            s += 1;
        } else {
            break;
        }
    }
    let e = c.subject_end.max(s);
    (s, t.slice(s, e).trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::scan;

    fn changes(s: &str) -> Vec<(Relation, String, String, Direction)> {
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
    fn cong_a_zengzhang_dao_b_is_a_before_after_change() {
        let c = changes("高新技术企业从2138家增长到6669家;");
        assert_eq!(c, vec![(Relation::BeforeAfter, "高新技术企业".into(), "2138家>6669家".into(), Direction::Up)]);
    }

    #[test]
    fn a_dao_b_de_da_kuayue_is_a_before_after_change() {
        let c = changes("全社会研发投入实现了250余亿元到500余亿元的大跨越,");
        assert_eq!(c[0].1, "全社会研发投入");
    }

    #[test]
    fn a_rank_moving_to_a_smaller_number_moves_up() {
        let c = changes("指数从全国第20位前移至第16位;");
        assert_eq!(c[0].3, Direction::Up);
    }

    #[test]
    fn years_attached_to_the_ends_are_skipped() {
        let c = changes("研发经费由2015年的100亿元提高到2020年的200亿元。");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].2, "100亿元>200亿元");
    }

    #[test]
    fn shortening_is_a_change_down_and_year_du_is_skipped() {
        assert_eq!(changes("评审周期由90天缩短至45天。")[0].3, Direction::Down);
        let c = changes("排名由2020年度的第11名上升到2022年度的第6名。");
        assert_eq!(c[0].2, "第11名>第6名");
    }

    #[test]
    fn a_level_with_its_growth_rate() {
        let c = changes("2022年全省技术合同成交额为3053.5亿元,比去年同期增长30.3%,势头良好。");
        assert_eq!(c, vec![(Relation::Growth, "全省技术合同成交额".into(), "3053.5亿元>30.3%".into(), Direction::Up)]);
    }

    #[test]
    fn a_percentage_with_its_point_change() {
        let c = changes("R&D经费投入强度为2.15%,比上年提高0.12个百分点。");
        assert_eq!(c[0].2, "2.15%>0.12个百分点");
    }

    fn items_of(s: &str) -> Vec<(String, String)> {
        let t = Text::new(s);
        let figs = scan(&t).figures;
        items(&t, &figs).into_iter().map(|(i, item)| (t.slice(figs[i].start, figs[i].end), item)).collect()
    }

    #[test]
    fn a_distributed_list_pairs_each_figure_with_its_item() {
        let got = items_of("电子信息、先进制造以及新能源与高效节能领域的占比同样较高,成交额依次为633.6亿元、193.47亿元、341.03亿元;");
        let want = [("633.6亿元", "电子信息"), ("193.47亿元", "先进制造"), ("341.03亿元", "新能源与高效节能领域")];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    }

    #[test]
    fn items_in_the_same_clause_and_rates_after_them() {
        let got = items_of("高校和科研院所的技术合同成交额依次为69.27亿元和146.6亿元,在总成交额中的占比依次是2.26%和4.8%。");
        let items: Vec<&str> = got.iter().map(|(_, i)| i.as_str()).collect();
        assert_eq!(items, ["高校", "科研院所", "高校", "科研院所"]);
    }

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
    fn a_share_names_its_whole() {
        let whole = |s: &str| context_of(s).into_iter().next().and_then(|x| x.2);
        assert_eq!(whole("增加值占规模以上工业企业增加值的比重从30.9%上升至40.2%").as_deref(), Some("规模以上工业企业增加值"));
        assert_eq!(whole("在总成交额中占 75.62%。").as_deref(), Some("总成交额"));
        assert_eq!(whole("相当于GDP的1.73%。").as_deref(), Some("GDP"));
        assert_eq!(whole("在总成交额中的占比依次是2.26%和4.8%。").as_deref(), Some("总成交额"));
        let both = context_of("在总成交额中依次占45.44%、36.27%。");
        assert!(both.iter().all(|x| x.2.as_deref() == Some("总成交额")), "{both:?}");
    }

    #[test]
    fn no_up_word_starts_where_a_down_word_does() {
        // direction_of relies on it: one place never starts both an up and a down word.
        let first = |w: &&str| w.chars().next();
        assert!(UP.iter().map(first).all(|c| !DOWN.iter().map(first).any(|d| d == c)));
    }

    #[test]
    fn a_list_without_yici_is_not_distributed() {
        assert!(items_of("新增院士3名、专家50人。").is_empty());
    }

    #[test]
    fn listed_levels_pair_with_listed_rates_in_order() {
        let c = changes("成交额依次为277.78亿元、221.69亿元,同比依次增长75.12%、229.99%。");
        let pairs: Vec<_> = c.iter().map(|x| x.2.clone()).collect();
        assert_eq!(pairs, vec!["277.78亿元>75.12%", "221.69亿元>229.99%"]);
    }
}
