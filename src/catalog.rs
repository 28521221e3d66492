//! Catalog: the indicator catalog's types and the rule that names a change's subject with an
//! indicator (the longest alias contained in the subject wins).
//!
//! Pure: the catalog is read and schema-checked by [`crate::inputs`]; this module only matches.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::records::{Kind, Unit};

/// The indicator catalog file (`raw/catalog.toml`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// The indicators, each with a unique id and unique aliases.
    pub indicator: Vec<Indicator>,
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
    /// The words by which texts name the indicator.
    #[schemars(length(min = 1))]
    pub aliases: Vec<String>,
}

impl Catalog {
    /// The indicator whose longest alias occurs in `subject` and whose unit is `unit`.
    pub fn match_subject(&self, subject: &str, unit: Unit) -> Option<&Indicator> {
        self.indicator
            .iter()
            .filter(|i| i.unit == unit)
            .flat_map(|i| i.aliases.iter().filter(|a| subject.contains(a.as_str())).map(move |a| (a.chars().count(), i)))
            .max_by(|(a, x), (b, y)| a.cmp(b).then_with(|| y.id.cmp(&x.id)))
            .map(|(_, i)| i)
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
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn the_longest_alias_wins() {
        let c = Catalog {
            indicator: vec![indicator("rd_expenditure", Unit::Cny, &["研发投入"]), indicator("rd_intensity", Unit::Percent, &["研发投入强度"])],
        };
        assert_eq!(c.match_subject("研发投入强度", Unit::Percent).map(|i| i.id.as_str()), Some("rd_intensity"));
        assert_eq!(c.match_subject("全社会研发投入", Unit::Cny).map(|i| i.id.as_str()), Some("rd_expenditure"));
        assert_eq!(c.match_subject("全社会研发投入", Unit::Percent), None);
    }

    #[test]
    fn shared_aliases_are_reported() {
        let c = Catalog { indicator: vec![indicator("a", Unit::Cny, &["成交额"]), indicator("b", Unit::Cny, &["成交额"])] };
        assert_eq!(c.duplicate_aliases(), vec![("成交额".to_string(), vec!["a".to_string(), "b".to_string()])]);
    }
}
