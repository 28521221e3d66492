//! Before→after: two figures of one unit in a clause, joined by 到/至/为/居 after a 从/由 or
//! followed by 的大跨越 (从2138家增长到6669家, 250余亿元到500余亿元的大跨越). The step between
//! the ends is the change's rate (从2.1%提高0.3个百分点至2.4%); a list of befores shares its
//! after (从第9位、第5位双双跃居第1位). Reaches past the clause only to a clause that opens with
//! the move (从2017年的0.28亿元,上升到2020年的1.77亿元).

use super::subjects::ranking;
use super::{Linked, direction_of, is_calendar, past_time_figures, text, time_at, utf8_len};
use std::sync::LazyLock;

use crate::document::Folded;
use crate::lexicon::Lexicon;
use crate::lexicon::clauses::{LIST_JOINERS, MANNERS, NOT_FROM, TO_WORDS, TOPIC_ENDS};
use crate::lexicon::periods::{NOW, PARTS_OF_YEAR, PLAN_ENDS, PLAN_PERIODS, PLAN_SPANS, RELATIVE_YEARS};
use crate::lexicon::ranks::SCOPES;
use crate::lexicon::verbs;
use crate::records::{Direction, Kind, Relation, Role, Unit};
use crate::scan::{Found, ends_with, starts_with};

fn by_value(a: &Found, b: &Found) -> Direction {
    let (x, y) = if a.unit == Unit::Rank { (b.value, a.value) } else { (a.value, b.value) };
    match y.cmp(&x) {
        std::cmp::Ordering::Greater => Direction::Up,
        std::cmp::Ordering::Less => Direction::Down,
        std::cmp::Ordering::Equal => Direction::Flat,
    }
}

pub(super) fn before_after(f: &Folded, figures: &[Found]) -> Vec<Linked> {
    // Where each figure's clause starts is asked several times, of it as a first end and a second.
    let clauses: Vec<usize> = figures.iter().map(|x| f.clause_start(x.start)).collect();
    let mut out = Vec::new();
    for (ai, a) in figures.iter().enumerate() {
        if is_calendar(a.kind) {
            continue;
        }
        // The second end is the next figure of the same unit in the clause, past any years
        // attached to the ends (由2015年的A提高到2020年的B), or in the next clause when the first
        // end closes a clause opened by 从/由 and the next opens with the move (从2017年的0.28亿元,
        // 上升到2020年的1.77亿元).
        let next_clause = a.end + 1;
        let across = f.get(a.end) == Some(&',') && f[clauses[ai]..a.start].iter().any(|c| matches!(c, '从' | '由'));
        let dated = f.get(a.end) == Some(&',') && reached_later(f, figures, ai, next_clause);
        let mut rest = figures
            .iter()
            .enumerate()
            .skip(ai + 1)
            .take_while(|&(k, x)| clauses[k] <= a.start || is_calendar(x.kind) || ((across || dated) && clauses[k] == next_clause))
            .filter(|(_, x)| !is_calendar(x.kind));
        let Some((mut bi, mut b)) = rest.next() else { continue };
        // Befores listed one after another (从第9位、第5位双双跃居第1位) share the after.
        let mut last = a;
        while same_measure(a, b) && is_joiner(&text(f, last.end, b.start)) {
            last = b;
            let Some(next) = rest.next() else { break };
            (bi, b) = next;
        }
        // A step stated between the ends (从2.1%提高0.3个百分点至2.4%) is the change's rate.
        let mut rate = None;
        if a.role != Role::Change && b.role == Role::Change {
            let step_verb = direction_of(&strip_years(f, figures, last.end, b.start));
            if let (Some(_), Some(next)) = (step_verb, rest.next()) {
                (rate, last) = (Some(bi), b);
                (bi, b) = next;
            }
        }
        // Two rates (增长率由8.5%提高到21.3%) are the ends of a change as two levels are; a rate
        // followed by a level is not.
        let rate_then_level = a.role == Role::Change && b.role != Role::Change;
        let moved_on = || {
            let opening = strip_years(f, figures, next_clause, b.start);
            let opening = MANNERS.iter().find_map(|w| opening.strip_prefix(w.word)).unwrap_or(&opening);
            clauses[bi] == next_clause && verbs::direction_at_start(opening).is_some()
        };
        if !same_measure(a, b) || rate_then_level || (clauses[bi] > a.start && !(across && moved_on()) && !dated) || std::ptr::eq(last, b) {
            continue;
        }
        // A change opens with 从/由 before its first end, or closes with …的大跨越 after its last;
        // asked of the chars first, as most pairs of figures are neither.
        let cs = clauses[ai];
        // The 从/由 of this change, not of one of another measure before it in the clause (由52.3%
        // 提高到55%、…增至7家); befores listed with this one (从第9位、第5位) and times stand between.
        let floor = figures[..ai].iter().rev().find(|p| !p.kind.is_time() && !same_measure(p, a)).map_or(cs, |p| p.end.max(cs));
        let from_pos = (floor..a.start).rev().find(|&k| is_from(f, k));
        let leap = || {
            f.get(b.end) == Some(&'的') && {
                let after = text(f, b.end, (b.end + 6).min(f.len()));
                verbs::LEAPS.iter().any(|w| after.contains(w.word))
            }
        };
        if from_pos.is_none() && !dated && !leap() {
            continue;
        }
        let between = strip_years(f, figures, last.end, b.start);
        // 提升至全国第12位: a rank's scope stands between the verb and the rank.
        let scoped =
            if b.kind == Kind::Rank { SCOPES.iter().find_map(|s| between.strip_suffix(s.word)).unwrap_or(&between) } else { &between };
        // 增加到了: a 了 after the verb changes nothing.
        let joined = scoped.strip_suffix('了').unwrap_or(scoped);
        let Some(verb) = TO_WORDS.iter().find_map(|w| joined.strip_suffix(w.word)) else { continue };
        // After 从/由 A any verb ending in 到/至/为 joins the ends (跃升至, 大幅提高到, 发展到: the
        // values give the direction where the verb does not); without them a change verb must
        // (…实现了A到B的跨越); after a step only the bare 到/至/为 does.
        let verb_ok = if rate.is_some() {
            verb.is_empty()
        } else {
            verb.is_empty() || from_pos.is_some() || dated || direction_of(&between).is_some() || verb == "达"
        };
        if !verb_ok {
            continue;
        }
        let subject_end = match from_pos {
            Some(p) => p,
            None => {
                let lead = text(f, cs, a.start);
                lead.find("实现").map_or(a.start, |p| cs + lead[..p].chars().count())
            }
        };
        // A rank moving in a named ranking (在全球创新指数排名中,我国由第12位升至第11位) is about
        // the ranking.
        let (subject_start, subject_end) = ranking(f, cs)
            .filter(|_| a.kind == Kind::Rank)
            .or_else(|| earlier_subject(f, figures, cs, subject_end))
            .unwrap_or((cs, subject_end));
        let stated = if rate.is_some() { strip_years(f, figures, a.end, b.start) } else { between };
        let direction = direction_of(&stated).unwrap_or_else(|| by_value(a, b));
        let change = |to: usize| Linked {
            relation: Relation::BeforeAfter,
            from: Some(ai),
            to,
            rate,
            direction,
            subject_start,
            subject_end,
            end: figures[to].end,
        };
        out.push(change(bi));
        // Afters listed one after another, each dated (由2017年的20家增长到2018年的40家、2019年的
        // 48家和2020年的102家), are each reached from the before.
        let mut last = b;
        for (k, x) in rest.by_ref() {
            if !same_measure(a, x) || x.start < last.end || !is_joiner(&strip_years(f, figures, last.end, x.start)) {
                break;
            }
            out.push(change(k));
            last = x;
        }
    }
    out
}

/// 2011年,全省高新技术企业815家,到2016年达到1837家; 投入2014年为366.77亿元,2018年增长至532.42亿元:
/// the clause after the level at `ai` opens with a year (after 到) later than one stated before
/// the level in its sentence, so the level it reaches is the later end of a change from the first.
fn reached_later(f: &Folded, figures: &[Found], ai: usize, next_clause: usize) -> bool {
    let year_value = |x: &Found| (x.kind == Kind::Year && x.qualifier.is_none()).then_some(x.value);
    let opens = if f.get(next_clause) == Some(&'到') { next_clause + 1 } else { next_clause };
    let sentence = f.sentence_start(figures[ai].start);
    let earlier = figures[..ai].iter().rev().take_while(|x| x.start >= sentence).find_map(year_value);
    // Or with the time of writing (2012年时只有118座,目前增至408座).
    if NOW.iter().any(|w| starts_with(f, opens, w.word)) {
        return earlier.is_some();
    }
    let Some(later) = time_at(figures, opens).and_then(year_value) else {
        return false;
    };
    earlier.is_some_and(|earlier| earlier < later)
}

fn same_measure(a: &Found, b: &Found) -> bool {
    // Counts of different things (7家, 179万人) are no two ends of one change.
    let counted = match (&a.measure_word, &b.measure_word) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    a.unit == b.unit && a.kind == b.kind && counted
}

/// Whether the text between two figures only joins them into a list (、, 和, 及).
fn is_joiner(between: &str) -> bool {
    LIST_JOINERS.iter().any(|w| w.word == between)
}

/// A clause with no subject of its own (…增长较快,由上年的286.9亿元增至412.6亿元) is about the
/// clause before it, up to that clause's first change word.
fn earlier_subject(f: &Folded, figures: &[Found], cs: usize, subject_end: usize) -> Option<(usize, usize)> {
    // Words that only lead to the change (已由…) name nothing.
    // Nor do the scope and time words that open a clause (我国从…到…).
    let own_end = super::subjects::subject_end(f, figures, cs, subject_end);
    let own_start = super::subjects::past_openings(f, cs, own_end);
    if f[own_start..own_end].iter().any(|c| !c.is_whitespace()) || cs < 2 || f[cs - 1] != ',' {
        return None;
    }
    let pcs = past_time_figures(figures, f.clause_start(cs - 1), cs);
    // A topic frame (从科研人员总量和质量来看) names what the change is of.
    let frame = TOPIC_ENDS.iter().find(|w| f[pcs] == '从' && ends_with(f, cs - 1, w.word) && cs - 1 > pcs + 1 + w.word.chars().count());
    if let Some(w) = frame {
        return Some((pcs + 1, cs - 1 - w.word.chars().count()));
    }
    let words = text(f, pcs, cs - 1);
    // Up to its first change word, the 从/由 of its own before→after (知识创造指标从A提升至B,
    // 从全国第18位提升至第12位) or its first figure past the times opening it (人均生产总值达58496元,
    // 由第25位…; a time after the words ends them too: 吸纳技术合同成交额 2014年大幅增长).
    // A rate noun (增速) holds no change word; a count of what the subject names (六大高耗能行业)
    // is inside it.
    let rate_noun = |k: usize| verbs::RATE_LEXICON.starting_at(f, k).next().is_some();
    let cut = words
        .char_indices()
        .enumerate()
        .find(|&(k, (p, _))| is_from(f, pcs + k) || (verbs::direction_at_start(&words[p..]).is_some() && !rate_noun(pcs + k)))
        .map_or(words.chars().count(), |(k, _)| k);
    let first =
        figures[figures.partition_point(|x| x.start < pcs)..].iter().find(|x| x.measure_word != Some("大")).map_or(cs, |x| x.start.min(cs));
    Some((pcs, (pcs + cut).min(first)))
}

/// Whether the 从 or 由 at `k` opens a before→after, not a word it is part of (从事, 从业 …:
/// [`NOT_FROM`]).
pub(super) fn is_from(f: &Folded, k: usize) -> bool {
    matches!(f[k], '从' | '由') && !NOT_FROM.iter().any(|w| holds(f, k, w.word))
}

/// Whether `word`, which holds the char at `k` first or last, stands there.
fn holds(f: &Folded, k: usize, word: &str) -> bool {
    starts_with(f, k, word) || ends_with(f, k + 1, word)
}

/// The text between two figures with the times that date the ends removed, with their 的: year
/// figures (2020年的) and relative years (上年的, 今年的), and with no spaces.
fn strip_years(f: &Folded, figures: &[Found], s: usize, e: usize) -> String {
    let e = e.max(s);
    let mut out = String::with_capacity(utf8_len(&f[s..e]));
    let mut k = s;
    while k < e {
        let relative = TIME_WORDS.starting_at(f, k).next().map(|(w, ())| k + w.chars().count());
        if let Some(end) = time_at(figures, k).map(|y| y.end).or(relative).or_else(|| plan_end_at(f, k)) {
            k = end;
            // 2020年度的: 度 belongs to the year.
            for tail in ['度', '的'] {
                if f.get(k) == Some(&tail) {
                    k += 1;
                }
            }
            continue;
        }
        // Spaces as PDF-to-text leaves them (从 1000 万元提至 3000 万元) join nothing.
        if !f[k].is_whitespace() {
            out.push(f[k]);
        }
        k += 1;
    }
    out
}

/// The words that date an end of a change as a year does (上年, 去年, 如今, 第三季度 …), asked at
/// every char between two ends.
static TIME_WORDS: LazyLock<Lexicon<()>> = LazyLock::new(|| {
    let words = RELATIVE_YEARS.iter().map(|r| r.word).chain(NOW.iter().map(|w| w.word)).chain(PARTS_OF_YEAR.iter().map(|p| p.word));
    Lexicon::new(words.map(|w| (w, ())))
});

/// Where the end of a plan period written at `k` stops (“十三五”末, 十二五期末, “十一五”时期), which
/// dates an end of a change as a year does (从2012年的35%增长至“十三五”末的45.6%).
pub(super) fn plan_end_at(f: &Folded, k: usize) -> Option<usize> {
    let open = k + usize::from(matches!(f.get(k), Some('“' | '"')));
    // Every plan's name opens with 十 (十一五 … 十五五): one look passes over the other chars.
    if f.get(open) != Some(&'十') {
        return None;
    }
    let plan = PLAN_PERIODS.iter().find(|p| starts_with(f, open, p.word))?;
    let mut end = open + plan.word.chars().count();
    end += usize::from(open > k && matches!(f.get(end), Some('”' | '"')));
    let tail = PLAN_ENDS.iter().chain(&PLAN_SPANS).filter(|w| starts_with(f, end, w.word)).map(|w| w.word.chars().count()).max()?;
    Some(end + tail)
}

#[cfg(test)]
mod tests {
    use crate::link::tests::changes;
    use crate::records::{Direction, Relation};

    #[test]
    fn the_ends_after_a_clause_saying_the_measure_grew_are_levels() {
        let t = crate::document::Text::new("高新技术企业数量迅猛增长,从2019年的5000多家增长到了去年的1.3万家。");
        let roles: Vec<_> = crate::scan::scan(&t).figures.iter().filter(|x| !x.kind.is_time()).map(|x| x.role).collect();
        assert_eq!(roles, [crate::records::Role::Level, crate::records::Role::Level]);
        let c = changes("高新技术企业数量迅猛增长,从2019年的5000多家增长到了去年的1.3万家。");
        assert_eq!(c, vec![(Relation::BeforeAfter, "高新技术企业数量".into(), "5000多家>1.3万家".into(), Direction::Up)]);
    }

    #[test]
    fn afters_listed_one_after_another_are_each_reached_from_the_before() {
        let c = changes("全区孵化器数量由2019年的12家增加到2021年的18家、2022年的23家和2023年的30家。");
        let pairs: Vec<_> = c.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(pairs, ["12家>18家", "12家>23家", "12家>30家"]);
        assert!(c.iter().all(|x| x.1 == "孵化器数量"));
    }

    #[test]
    fn a_clause_opening_with_an_adverb_and_the_move_reaches_the_after() {
        let c = changes("全市众创空间由2018年的9家,迅猛增长到2023年的41家。");
        assert_eq!(c, vec![(Relation::BeforeAfter, "众创空间".into(), "9家>41家".into(), Direction::Up)]);
    }

    #[test]
    fn a_level_of_an_earlier_year_moves_to_one_the_next_clause_dates_now() {
        let c = changes("全县院士工作站2016年时只有3个,目前增至11个。");
        assert_eq!(c, vec![(Relation::BeforeAfter, "院士工作站".into(), "3个>11个".into(), Direction::Up)]);
        let d = changes("全县财政科技支出2019年为1.2亿元,2023年增长至2.6亿元。");
        assert_eq!(d, vec![(Relation::BeforeAfter, "财政科技支出".into(), "1.2亿元>2.6亿元".into(), Direction::Up)]);
    }

    #[test]
    fn a_clause_opening_with_only_its_scope_takes_the_subject_before_it() {
        let c = changes("科研队伍持续壮大,全省从2016年的9.5万人增加到2022年的14.2万人。");
        assert_eq!(c, vec![(Relation::BeforeAfter, "科研队伍".into(), "9.5万人>14.2万人".into(), Direction::Up)]);
    }

    #[test]
    fn spaces_left_by_pdf_to_text_join_no_ends() {
        let c = changes("科技贷款单户额度上限从 500 万元提至 2000 万元。");
        assert_eq!(c, vec![(Relation::BeforeAfter, "科技贷款单户额度上限".into(), "500 万元>2000 万元".into(), Direction::Up)]);
    }

    #[test]
    fn a_rate_named_in_the_clause_before_makes_the_ends_rates_and_names_them() {
        let c = changes("而五大传统行业增速逐季放缓,由一季度的18.2%降至前三季度的15.6%。");
        assert_eq!(c, vec![(Relation::BeforeAfter, "传统行业增速".into(), "18.2%>15.6%".into(), Direction::Down)]);
        let d = changes("传统行业增速回落,由18.2%降至15.6%。");
        assert_eq!(d, vec![(Relation::BeforeAfter, "传统行业增速".into(), "18.2%>15.6%".into(), Direction::Down)]);
    }

    #[test]
    fn a_rank_move_after_a_clause_naming_the_ranking_is_about_the_ranking() {
        let c = changes("中国区域创新能力评价排名,本省从2016年的第21位上升到2023年的第14位。");
        assert_eq!(c, vec![(Relation::BeforeAfter, "中国区域创新能力评价排名".into(), "第21位>第14位".into(), Direction::Up)]);
    }

    #[test]
    fn a_span_of_years_opening_the_subject_is_cut_with_its_tail() {
        let t = crate::document::Text::new("五年间科技企业孵化器从18家增至47家。");
        let figs = crate::scan::scan(&t).figures;
        let c = crate::link::link(&t, &figs);
        assert_eq!(crate::link::subject_text(&t, &figs, &c[0]).1, "科技企业孵化器");
    }

    #[test]
    fn a_change_listed_after_another_has_its_own_from_and_counts_one_thing() {
        let c = changes("科技进步贡献率由52.3%提高到55%、国家级高新区总数增至7家、科技人才队伍壮大至179万人。");
        assert_eq!(c, vec![(Relation::BeforeAfter, "科技进步贡献率".into(), "52.3%>55%".into(), Direction::Up)]);
    }

    #[test]
    fn a_clause_that_only_leads_to_the_change_takes_the_subject_before_it_up_to_its_time() {
        let c = changes("而吸纳技术合同成交额 2014年大幅增长,已由2013年的全国第10位,跃升为全国第7位。");
        assert_eq!(c, vec![(Relation::BeforeAfter, "吸纳技术合同成交额".into(), "第10位>第7位".into(), Direction::Up)]);
    }

    #[test]
    fn the_end_of_a_plan_period_dates_an_end_as_a_year_does() {
        assert!(crate::lexicon::periods::PLAN_PERIODS.iter().all(|p| p.word.starts_with('十')), "plan_end_at looks for 十 first");
        let c = changes("科技进步贡献率从2012年的35%增长至“十三五”末的45.6%。");
        assert_eq!(c, vec![(Relation::BeforeAfter, "科技进步贡献率".into(), "35%>45.6%".into(), Direction::Up)]);
    }

    #[test]
    fn a_list_items_number_is_no_part_of_the_subject() {
        let c = changes("2、全区研发人力投入大幅增长,从2006年的1.38万人年增长到2010年的2.48万人年。");
        assert_eq!(c[0].1, "研发人力投入");
    }

    #[test]
    fn a_part_of_a_year_dates_an_end_and_a_plan_period_opening_the_subject_is_cut() {
        let c = changes("产值比重从2015年的32.51%,增长到2020年第三季度的44.46%。");
        assert_eq!(c, vec![(Relation::BeforeAfter, "产值比重".into(), "32.51%>44.46%".into(), Direction::Up)]);
        let c = changes("“十三五”时期湖北高新技术企业由3317家增至10400家。");
        assert_eq!(c[0].1, "湖北高新技术企业");
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
    fn a_level_then_a_clause_reaching_a_later_year_is_a_before_after_change() {
        let c = changes("2012年,全市高新技术企业620家,到2017年达到1450家。");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].0, c[0].2.as_str()), (Relation::BeforeAfter, "620家>1450家"));
        assert!(changes("2012年,全市高新技术企业620家,到2017年新增科技企业1450家。").is_empty());
        let c = changes("全社会研发投入2015年为210亿元,2020年增长至388亿元。");
        assert_eq!((c.len(), c[0].2.as_str()), (1, "210亿元>388亿元"), "{c:?}");
        assert!(changes("2019年企业100家,2020年企业120家。").is_empty(), "two years' levels with no verb joining them");
    }

    #[test]
    fn a_clause_without_a_subject_takes_the_one_before_up_to_its_figure() {
        let c = changes("人均生产总值达到52310元,由第24位提升到第15位。");
        assert_eq!(c.iter().find(|x| x.0 == Relation::BeforeAfter).map(|x| x.1.as_str()), Some("人均生产总值"), "{c:?}");
    }

    #[test]
    fn a_rank_moving_within_its_scope_joins_the_ends() {
        let c = changes("创新绩效指标从全国第27位提升至全国第15位。");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].3, crate::records::Direction::Up);
        // Without a subject of its own, the move is about what the clause before it changed.
        let c = changes("创新绩效指标从2016年的20.35提升至2021年的23.07,从全国第27位提升至全国第15位。");
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c.iter().all(|x| x.1 == "创新绩效指标"), "{c:?}");
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
    fn the_after_may_open_the_next_clause_with_the_move() {
        let c = changes("技术合同交易额从2018年的0.46亿元,增长到2022年的2.13亿元。");
        assert_eq!(c.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["0.46亿元>2.13亿元"]);
        assert!(changes("研发经费从2018年的12亿元,技术合同成交额到2022年的20亿元。").is_empty(), "a clause of its own");
    }

    #[test]
    fn shortening_is_a_change_down_and_year_du_is_skipped() {
        assert_eq!(changes("评审周期由90天缩短至45天。")[0].3, Direction::Down);
        let c = changes("排名由2020年度的第11名上升到2022年度的第6名。");
        assert_eq!(c[0].2, "第11名>第6名");
    }

    #[test]
    fn after_cong_any_verb_ending_in_dao_joins_the_ends_and_the_values_give_the_direction() {
        let c = changes("科技型中小企业由3500家发展到8000家。");
        assert_eq!(c, vec![(Relation::BeforeAfter, "科技型中小企业".into(), "3500家>8000家".into(), Direction::Up)]);
        assert_eq!(changes("高新区由5个整合为3个。")[0].3, Direction::Down);
        assert_eq!(changes("研发投入从100亿元增加到了230亿元。")[0].2, "100亿元>230亿元", "了 after the verb");
    }

    #[test]
    fn relative_years_attached_to_the_ends_are_skipped_as_years_are() {
        assert_eq!(changes("技术合同成交额由上年的300亿元提高到今年的450亿元。")[0].2, "300亿元>450亿元");
    }

    #[test]
    fn cong_inside_a_word_starts_no_change() {
        assert!(changes("从事研发的企业500家扩展到800家。").is_empty());
    }

    #[test]
    fn any_verb_ending_in_a_change_word_joins_the_ends() {
        for s in ["企业从100家跃升至300家。", "企业从100家减至30家。", "排名由上年的第12位升至第11位。", "企业从100家大幅提高到300家。"]
        {
            assert_eq!(changes(s).len(), 1, "{s}");
        }
    }

    #[test]
    fn two_rates_are_the_ends_of_a_change() {
        let c = changes("全市财政科技支出增长率由8.5%提高到21.3%。");
        assert_eq!(c, vec![(Relation::BeforeAfter, "财政科技支出增长率".into(), "8.5%>21.3%".into(), Direction::Up)]);
    }

    #[test]
    fn a_change_in_a_named_ranking_is_about_the_ranking() {
        let c = changes("在全球创新指数排名中,我国由上年的第12位升至第11位。");
        assert_eq!(c[0].1, "全球创新指数排名");
    }

    #[test]
    fn a_step_between_the_ends_is_the_rate() {
        for s in ["研发投入强度从2.1%提高0.3个百分点至2.4%。", "企业从412家增加3家至415家。"] {
            let t = crate::document::Text::new(s);
            let c = crate::link::link(&t, &crate::scan::scan(&t).figures);
            let ends: Vec<_> = c.iter().map(|x| (x.relation, x.from, x.rate, x.to)).collect();
            assert_eq!(ends, [(Relation::BeforeAfter, Some(0), Some(1), 2)], "{s}");
        }
    }

    #[test]
    fn listed_befores_share_their_after() {
        let c = changes("两项指数从第9位、第5位双双跃居第1位。");
        let pairs: Vec<&str> = c.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(pairs, ["第9位>第1位", "第5位>第1位"]);
        assert!(c.iter().all(|x| x.3 == Direction::Up));
    }

    #[test]
    fn a_clause_without_a_subject_takes_the_one_before() {
        let c = changes("技术开发合同成交额增长较快,由上年的286.9亿元增至412.6亿元。");
        assert_eq!(c[0].1, "技术开发合同成交额");
    }
}
