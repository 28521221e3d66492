//! Lists: runs of figures joined by 、 和 及, and the item lists a clause enumerates
//! (电子信息、先进制造以及新能源领域); pairs a distributed list (依次为A、B) with its items in order.
//! Pairs only in order and only lists of equal length: it never guesses which item a figure is for.

use super::{first_start_in, is_word, text};
use crate::document::Folded;
use crate::document::Text;
use crate::lexicon::clauses::{IN_ORDER, ITEM_ENDS, ITEM_SEPARATORS, LIST_JOINERS};
use crate::lexicon::verbs;
use crate::records::Role;
use crate::scan::{Found, starts_with};

/// Groups of consecutive figures joined by 、 和 及 (a list), as index ranges.
pub(super) fn lists(f: &Folded, figures: &[Found]) -> Vec<std::ops::Range<usize>> {
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, x) in figures.iter().enumerate() {
        let joined = i > 0 && {
            let p = &figures[i - 1];
            let kinds = p.kind == x.kind || (p.role == Role::Change && p.kind.is_relative() && x.kind.is_relative());
            kinds && p.role == x.role && LIST_JOINERS.iter().any(|w| joins(f, p, x, w.word))
        };
        match groups.last_mut() {
            Some(g) if joined => g.end = i + 1,
            _ => groups.push(i..i + 1),
        }
    }
    groups
}

/// Whether `joiner` alone joins `p` and `x`, or, between two changes, the joiner and the change
/// verb of the second (同比分别增长28.3%和下降6.5%).
fn joins(f: &Folded, p: &Found, x: &Found, joiner: &str) -> bool {
    if is_word(f, p.end, x.start, joiner) {
        return true;
    }
    let after = p.end + joiner.chars().count();
    p.role == Role::Change
        && after < x.start
        && is_word(f, p.end, after, joiner)
        && verbs::VERBS.iter().any(|v| v.direction.is_some() && v.role == Some(Role::Change) && is_word(f, after, x.start, v.word))
}

/// The items a clause enumerates (电子信息、先进制造以及新能源领域的… → three items), or none.
fn enumeration(clause: &str, separators: &[&str]) -> Vec<String> {
    // One pass splits at every separator: since no separator shares a char with another, this is
    // what splitting at each in turn gives, without the intermediate strings.
    let mut parts = Vec::new();
    let (mut start, mut i) = (0, 0);
    while let Some(c) = clause[i..].chars().next() {
        match separators.iter().find(|sep| clause[i..].starts_with(**sep)) {
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
        // The last item ends at its 的 (…领域的占比) or at the word distributing the list (分别为).
        let cut = ITEM_ENDS.iter().chain(&IN_ORDER).filter_map(|w| last.find(w.word)).min().unwrap_or(last.len());
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
    let separators: Vec<&str> = ITEM_SEPARATORS.iter().map(|sep| sep.word).collect();
    for group in lists(f, figures).into_iter().filter(|g| g.len() >= 2) {
        let first = figures[group.start].start;
        let and_joined = starts_with(f, figures[group.start].end, "和");
        let cs = f.clause_start(first);
        if !IN_ORDER.iter().any(|w| text(f, cs, first).contains(w.word)) {
            continue;
        }
        let sentence = f.sentence_start(first);
        let mut end = first;
        let mut start = cs;
        let found = loop {
            // Only the words before the clause's first figure can name the items.
            let upto = first_start_in(figures, start, end);
            let words = text(f, start, upto);
            let mut names = enumeration(&words, &separators);
            // Two figures joined by 和 name two items joined by 和 (技术开发合同和技术服务合同成交额分别
            // 为A和B); item names can hold 和, so only where it is the one 和 of the words.
            if names.is_empty() && group.len() == 2 && and_joined && words.matches('和').count() == 1 {
                names = enumeration(&words, &["和"]);
            }
            if names.len() == group.len() && names.iter().all(|n| !n.is_empty()) {
                break Some(names);
            }
            if start <= sentence || start == 0 {
                break None;
            }
            end = start - 1;
            start = f.clause_start(end);
        };
        if let Some(names) = found {
            out.extend(group.zip(names));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::scan;

    fn items_of(s: &str) -> Vec<(String, String)> {
        let t = Text::new(s);
        let figs = scan(&t).figures;
        items(&t, &figs).into_iter().map(|(i, item)| (t.slice(figs[i].start, figs[i].end), item)).collect()
    }

    #[test]
    fn two_items_joined_by_he_name_two_figures_joined_by_he() {
        let got = items_of("技术开发合同和技术服务合同成交额分别为187.6亿元和325.4亿元。");
        let want = [("187.6亿元", "技术开发合同"), ("325.4亿元", "技术服务合同成交额")];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
        assert!(items_of("软件和信息技术服务业收入和利润分别为100亿元和20亿元。").is_empty(), "two 和: no guess");
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

    #[test]
    fn a_list_without_yici_is_not_distributed() {
        assert!(items_of("新增院士3名、专家50人。").is_empty());
    }
}
