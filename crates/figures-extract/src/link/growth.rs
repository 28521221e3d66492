//! Growth: a level with the change stated after it in the same sentence (3053.5亿元,比上年增长
//! 30.3%), listed levels paired with listed rates in order. A level already an end of a
//! before→after change is left alone.

use super::{Linked, clause_start, direction_of, lists::lists, sentence_of, subjects::subject_span, text};
use crate::records::{Direction, Kind, Relation, Role};
use crate::scan::Found;

/// Kinds a level of a growth statement can have.
fn can_grow(k: Kind) -> bool {
    matches!(k, Kind::Money | Kind::Count | Kind::Percent | Kind::Area | Kind::Mass | Kind::Multiple)
}

/// Kinds a stated change can have: the level's own kinds, and percentage points (提高0.12个百分点).
fn can_state_growth(k: Kind) -> bool {
    can_grow(k) || k == Kind::PercentagePoint
}

/// `used[i]` says figure `i` is already an end of a before→after change.
pub(super) fn growth(f: &[char], figures: &[Found], used: &[bool]) -> Vec<Linked> {
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

#[cfg(test)]
mod tests {
    use crate::link::tests::changes;
    use crate::records::{Direction, Relation};

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

    #[test]
    fn listed_levels_pair_with_listed_rates_in_order() {
        let c = changes("成交额依次为277.78亿元、221.69亿元,同比依次增长75.12%、229.99%。");
        let pairs: Vec<_> = c.iter().map(|x| x.2.clone()).collect();
        assert_eq!(pairs, vec!["277.78亿元>75.12%", "221.69亿元>229.99%"]);
    }
}
