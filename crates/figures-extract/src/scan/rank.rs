//! Rank: positions in a ranking (第16位, 排名第8, 居全国首位), the top N (前10名) and places moved
//! (前移4位). The ranking and moving verbs come from [`crate::lexicon::ranks`].

use rust_decimal::Decimal;

use super::number::Number;
use super::unit::Reading;
use super::{CLAUSE_BREAKS, Draft, Found, ends_with, look_back, starts_with};
use crate::lexicon::ranks::{self, RankWord};
use crate::records::{Kind, Qualifier, Unit};

/// How far before 首位 a ranking verb may stand (居全国第7位、中部首位).
const RANK_REACH: usize = 12;

const RANK: Reading = (Unit::Rank, Kind::Rank, None);

/// Whether the number is written as an ordinal (第3).
pub(super) fn is_ordinal(f: &[char], n: &Number) -> bool {
    n.start > 0 && f[n.start - 1] == '第'
}

/// 居全国首位, 居全国第7位、中部首位: 首位 with a ranking verb earlier in the clause, a few words back.
pub(super) fn shouwei(f: &[char], i: usize) -> Option<Found> {
    if !starts_with(f, i, "首位") {
        return None;
    }
    let clause_start = look_back(f, i, &CLAUSE_BREAKS);
    let ranked = ranks::doing(RankWord::Ranks).any(|v| (clause_start.max(i.saturating_sub(RANK_REACH))..i).any(|k| starts_with(f, k, v)));
    ranked.then(|| Found::exact(i, i + 2, Decimal::ONE, Unit::Rank, Kind::Rank))
}

/// 排名第8: an ordinal with no unit, right after a ranking verb; its span takes in the 第.
pub(super) fn after_verb(f: &[char], n: &Number, d: &mut Draft) -> Option<Reading> {
    if !(d.ordinal && ranks::doing(RankWord::Ranks).any(|v| ends_with(f, n.start - 1, v))) {
        return None;
    }
    d.start -= 1;
    Some(RANK)
}

/// A number before the measure word `w` that makes it a rank (第3名), the top N (前10位: a rank of
/// at most N) or the places a rank moved (前移4位).
pub(super) fn measure(f: &[char], n: &Number, d: &mut Draft, w: &str) -> Option<Reading> {
    let position = w == "位" || w == "名";
    if position && d.ordinal {
        d.start -= 1;
        Some(RANK)
    } else if position && n.start > 0 && f[n.start - 1] == '前' {
        d.start -= 1;
        d.qualifier = Some(Qualifier::AtMost);
        d.lower = Some(Decimal::ONE);
        d.upper = Some(d.value);
        Some(RANK)
    } else if w == "位" && ranks::doing(RankWord::Moves).any(|v| ends_with(f, n.start, v)) {
        Some((Unit::Places, Kind::RankChange, None))
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
    fn shouwei_after_a_ranking_verb_is_rank_one() {
        let a = one("居全国首位。");
        assert_eq!((a.unit, a.value), (Unit::Rank, Decimal::ONE));
        assert!(surface("居全国前列。").is_empty());
    }
}
