//! Catalog: the indicator catalog's types and the rule that names a change's subject with an
//! indicator (the longest alias contained in the subject wins).
//!
//! Pure: the pipeline reads and schema-checks the catalog; this module only matches.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::folded;
use crate::records::{Kind, Unit};

/// The indicator catalog file (`raw/catalog.toml`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// The indicators, each with a unique id and unique aliases.
    pub indicator: Vec<Indicator>,
    /// Each alias with the indicators that claim it, built on first use: a subject is matched by
    /// looking its endings up, not by trying every alias on it (every figure's subject is).
    #[serde(skip)]
    #[schemars(skip)]
    aliases: OnceLock<HashMap<String, Vec<usize>>>,
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Catalog) -> bool {
        self.indicator == other.indicator
    }
}

/// One indicator a user tracks across documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id, lower snake case.
    #[schemars(regex(pattern = r"^[a-z][a-z0-9_]*$"))]
    pub id: String,
    /// Chinese name.
    #[schemars(length(min = 1))]
    pub name_zh: String,
    /// English name.
    #[schemars(length(min = 1))]
    pub name_en: String,
    /// What the indicator's figures measure.
    pub kind: Kind,
    /// The unit its values are in.
    pub unit: Unit,
    /// One line saying what the indicator is.
    #[schemars(length(min = 1))]
    pub definition: String,
    /// The official statistical source that publishes the indicator.
    #[schemars(length(min = 1))]
    pub source: String,
    /// The words by which texts name the indicator.
    #[schemars(length(min = 1))]
    pub aliases: Vec<String>,
    /// One sentence per alias in which the alias names a figure of the indicator; a test
    /// extracts each and checks the indicator is found.
    pub examples: Vec<Example>,
}

/// A sentence showing an alias at work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The alias the sentence shows.
    #[schemars(length(min = 1))]
    pub alias: String,
    /// The sentence.
    #[schemars(length(min = 1))]
    pub text: String,
}

/// `s` without its bracketed groups, or none when it has none: 研究与试验发展(R&D)经费投入强度(与国内
/// 生产总值[1]之比) → 研究与试验发展经费投入强度.
fn unbracketed(s: &str) -> Option<String> {
    if !s.bytes().any(|b| b == b'(' || b == b'[') {
        return None;
    }
    let mut depth = 0usize;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    Some(out)
}

/// What may follow an alias in a subject that it names.
const HEAD_ENDINGS: [&str; 10] = ["", "数", "数量", "总量", "总数", "总额", "额", "量", "支出", "投入"];

impl Catalog {
    /// The indicator whose longest alias names `subject`, among those whose unit is `unit` or
    /// `other`.
    ///
    /// An alias names the subject when it occurs in it as the head of the phrase: nothing but a
    /// measure-word ending (数, 总额, 支出 …) may follow it, and no 的 may come before it, since
    /// 高校的技术合同成交额 (universities' share) and 高企年末从业人员 (their employees) are not the
    /// indicator itself. An indicator in unit `other` is measured in a unit the scanner does not
    /// normalise (件 per 10,000 people, 万人年, EFLOPS), so the figure's unit cannot rule it out;
    /// its alias alone decides, and being longer than the plain measure's (每万人口发明专利拥有量
    /// against 发明专利拥有量) it wins where it applies.
    pub fn match_subject(&self, subject: &str, unit: Unit) -> Option<&Indicator> {
        self.match_where(subject, |i| i.unit == unit || i.unit == Unit::Other)
    }

    /// The indicator a change stated in `unit` can be the change of, named by `subject`: a
    /// relative change (增长12%, 翻一番) of any indicator, points of a percentage, places of a
    /// rank, or an amount in the indicator's own unit (新增23家).
    pub fn match_change(&self, subject: &str, unit: Unit) -> Option<&Indicator> {
        match unit {
            Unit::Percent | Unit::Times => self.match_where(subject, |_| true),
            Unit::PercentagePoint => self.match_subject(subject, Unit::Percent),
            Unit::Places => self.match_subject(subject, Unit::Rank),
            _ => self.match_subject(subject, unit),
        }
    }

    /// A catalog of `indicator`.
    pub fn new(indicator: Vec<Indicator>) -> Catalog {
        Catalog { indicator, aliases: OnceLock::new() }
    }

    fn match_where(&self, subject: &str, admits: impl Fn(&Indicator) -> bool) -> Option<&Indicator> {
        // Subjects and aliases are compared folded: a text's full-width （R&D） names the alias
        // written (R&D).
        // Each alias is also indexed without its bracketed groups, so that a subject written
        // with or without them ((R&D), a footnote [1]) names it.
        let index = self.aliases.get_or_init(|| {
            let mut index: HashMap<String, Vec<usize>> = HashMap::new();
            for (k, i) in self.indicator.iter().enumerate() {
                for a in &i.aliases {
                    let a = folded(a).into_owned();
                    if let Some(bare) = unbracketed(&a) {
                        index.entry(bare).or_default().push(k);
                    }
                    index.entry(a).or_default().push(k);
                }
            }
            index
        });
        // Spaces inside a subject (研究与试验发展 (R&D)经费, as PDF-to-text leaves it) name nothing.
        let subject = folded(subject);
        let subject: Cow<str> =
            if subject.bytes().any(|b| b == b' ' || b == b'\t') { subject.split_whitespace().collect::<String>().into() } else { subject };
        // An alias that heads the subject ends where one of the endings begins, and starts where
        // no 的 lies before it: the stem's tails from its start up to its first 的 are all the
        // aliases it can be.
        let best_of = |subject: &str| {
            let mut best: Option<(usize, &Indicator)> = None;
            for stem in HEAD_ENDINGS.iter().filter_map(|e| subject.strip_suffix(e)) {
                let last_start = stem.find('的').unwrap_or(stem.len());
                for (p, _) in stem.char_indices().take_while(|(p, _)| *p <= last_start) {
                    let alias = &stem[p..];
                    for i in index.get(alias).into_iter().flatten().map(|&k| &self.indicator[k]).filter(|i| admits(i)) {
                        let n = alias.chars().count();
                        if best.is_none_or(|(m, b)| n > m || (n == m && i.id < b.id)) {
                            best = Some((n, i));
                        }
                    }
                }
            }
            best.map(|(_, i)| i)
        };
        best_of(&subject).or_else(|| best_of(&unbracketed(&subject)?))
    }

    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.indicator.iter().find(|i| i.id == id)
    }

    /// Aliases claimed by more than one indicator, with the ids that claim them.
    pub fn duplicate_aliases(&self) -> Vec<(String, Vec<String>)> {
        let mut seen: std::collections::BTreeMap<&str, Vec<String>> = std::collections::BTreeMap::new();
        for i in &self.indicator {
            for a in &i.aliases {
                seen.entry(a).or_default().push(i.id.clone());
            }
        }
        seen.into_iter().filter(|(_, ids)| ids.len() > 1).map(|(a, ids)| (a.to_string(), ids)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicator(id: &str, unit: Unit, aliases: &[&str]) -> Indicator {
        Indicator {
            id: id.into(),
            name_zh: id.into(),
            name_en: id.into(),
            kind: Kind::Money,
            unit,
            definition: id.into(),
            source: id.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            examples: Vec::new(),
        }
    }

    #[test]
    fn full_width_and_traditional_forms_name_the_same_alias() {
        let c = Catalog::new(vec![indicator("rd_expenditure", Unit::Cny, &["研究与试验发展(R&D)经费"])]);
        assert_eq!(c.match_subject("研究与试验发展（R&D）经费支出", Unit::Cny).map(|i| i.id.as_str()), Some("rd_expenditure"));
        assert_eq!(c.match_subject("研究与试验发展 (R&D)经费支出", Unit::Cny).map(|i| i.id.as_str()), Some("rd_expenditure"), "a space");
        assert_eq!(c.match_subject("研究与试验发展经费", Unit::Cny).map(|i| i.id.as_str()), Some("rd_expenditure"), "no brackets");
        assert_eq!(c.match_subject("研究与试验发展(R&D)[2]经费", Unit::Cny).map(|i| i.id.as_str()), Some("rd_expenditure"), "a footnote");
    }

    #[test]
    fn the_longest_alias_wins() {
        let c = Catalog::new(vec![
            indicator("rd_expenditure", Unit::Cny, &["研发投入"]),
            indicator("rd_intensity", Unit::Percent, &["研发投入强度"]),
        ]);
        assert_eq!(c.match_subject("研发投入强度", Unit::Percent).map(|i| i.id.as_str()), Some("rd_intensity"));
        assert_eq!(c.match_subject("全社会研发投入", Unit::Cny).map(|i| i.id.as_str()), Some("rd_expenditure"));
        assert_eq!(c.match_subject("全社会研发投入", Unit::Percent), None);
    }

    #[test]
    fn a_qualified_subject_is_not_the_indicator_itself() {
        let c = Catalog::new(vec![
            indicator("tech_contract_turnover", Unit::Cny, &["技术合同成交额"]),
            indicator("high_tech_enterprises", Unit::Count, &["高企"]),
        ]);
        assert_eq!(c.match_subject("全省技术合同成交额", Unit::Cny).map(|i| i.id.as_str()), Some("tech_contract_turnover"));
        assert_eq!(c.match_subject("全省高校的技术合同成交额", Unit::Cny), None);
        assert_eq!(c.match_subject("高企年末从业人员", Unit::Count), None);
    }

    #[test]
    fn an_indicator_in_an_open_unit_is_named_by_its_alias_alone() {
        let c = Catalog::new(vec![
            indicator("valid_invention_patents", Unit::Count, &["发明专利拥有量"]),
            indicator("invention_patents_per_10k", Unit::Other, &["每万人口发明专利拥有量"]),
        ]);
        assert_eq!(c.match_subject("每万人口发明专利拥有量", Unit::Count).map(|i| i.id.as_str()), Some("invention_patents_per_10k"));
        assert_eq!(c.match_subject("有效发明专利拥有量", Unit::Count).map(|i| i.id.as_str()), Some("valid_invention_patents"));
    }

    #[test]
    fn shared_aliases_are_reported() {
        let c = Catalog::new(vec![indicator("a", Unit::Cny, &["成交额"]), indicator("b", Unit::Cny, &["成交额"])]);
        assert_eq!(c.duplicate_aliases(), vec![("成交额".to_string(), vec!["a".to_string(), "b".to_string()])]);
    }
}
