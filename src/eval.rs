//! Eval: reads hand-written gold files (`tests/gold/*.toml`, format in `tests/gold/README.md`)
//! and scores an extraction against them — precision, recall and F1 on figures, qualifier
//! accuracy, precision and recall on changes — and lists every difference field by field, with a
//! count per field.
//!
//! Strict on changes: a change counts only when its relation and both figures match and, where
//! the gold gives them, its subject text and indicator are the gold's. Figures count when their
//! spans overlap with an equal value and unit; their other fields (kind, role, bounds …) are
//! counted per field instead.
//!
//! Pure apart from nothing: the caller reads the gold and the text and passes them in.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::extract::Extraction;
use crate::records::{Change, Direction, Figure, Relation, wire_name};

/// Reads a gold file's text. A file with no figures and no changes is refused: it would score
/// any extraction as perfect recall and say nothing.
pub fn parse_gold(text: &str) -> Result<Gold, String> {
    let gold: Gold = toml::from_str(text).map_err(|e| e.to_string())?;
    if gold.figure.is_empty() && gold.change.is_empty() {
        return Err(format!("gold file for {:?} has no figures and no changes", gold.document));
    }
    Ok(gold)
}

/// One gold file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    pub document: String,
    #[serde(default)]
    pub figure: Vec<GoldFigure>,
    #[serde(default)]
    pub change: Vec<GoldChange>,
    #[serde(default)]
    pub non_figure: Vec<GoldSpan>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldFigure {
    pub text: String,
    pub start: u64,
    pub end: u64,
    pub value: String,
    pub unit: String,
    pub kind: String,
    pub qualifier: Option<String>,
    pub lower: Option<String>,
    pub upper: Option<String>,
    pub measure_word: Option<String>,
    /// The unit as written, for a unit outside the normalised ones (`unit = "other"`).
    pub unit_text: Option<String>,
    #[serde(default)]
    pub projected: bool,
    pub role: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldChange {
    pub relation: Relation,
    pub from: Option<u64>,
    pub to: Option<u64>,
    pub level: Option<u64>,
    pub rate: Option<u64>,
    pub direction: Direction,
    pub subject: Option<String>,
    pub indicator: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldSpan {
    pub text: String,
    pub start: u64,
    pub end: u64,
}

/// Scores of one document (or of several, summed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    pub gold_figures: usize,
    pub found_figures: usize,
    pub matched_figures: usize,
    pub qualifier_agree: usize,
    pub gold_changes: usize,
    pub found_changes: usize,
    pub matched_changes: usize,
    /// Every difference, one line each, for a person to read.
    pub differences: Vec<String>,
    /// How many differences each field has (figure fields by name; `change.subject`,
    /// `change.indicator`, `change.direction` for changes).
    pub fields: BTreeMap<&'static str, usize>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

impl Score {
    pub fn figure_precision(&self) -> f64 {
        ratio(self.matched_figures, self.found_figures)
    }
    pub fn figure_recall(&self) -> f64 {
        ratio(self.matched_figures, self.gold_figures)
    }
    pub fn figure_f1(&self) -> f64 {
        let (p, r) = (self.figure_precision(), self.figure_recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    pub fn qualifier_accuracy(&self) -> f64 {
        ratio(self.qualifier_agree, self.matched_figures)
    }
    pub fn change_precision(&self) -> f64 {
        ratio(self.matched_changes, self.found_changes)
    }
    pub fn change_recall(&self) -> f64 {
        ratio(self.matched_changes, self.gold_changes)
    }
    pub fn add(&mut self, other: &Score) {
        self.gold_figures += other.gold_figures;
        self.found_figures += other.found_figures;
        self.matched_figures += other.matched_figures;
        self.qualifier_agree += other.qualifier_agree;
        self.gold_changes += other.gold_changes;
        self.found_changes += other.found_changes;
        self.matched_changes += other.matched_changes;
        self.differences.extend(other.differences.iter().cloned());
        for (field, n) in &other.fields {
            *self.fields.entry(field).or_default() += n;
        }
    }

    /// The count of differences per field, one `field  count` line each.
    pub fn field_table(&self) -> String {
        self.fields.iter().map(|(field, n)| format!("{field:<22} {n:>5}\n")).collect()
    }
}

fn decimal(s: &str) -> Option<Decimal> {
    s.parse::<Decimal>().ok().map(|d| d.normalize())
}

fn bound(gold: &Option<String>, value: &str) -> Option<Decimal> {
    match gold.as_deref() {
        Some("none") => None,
        Some(s) => decimal(s),
        None => decimal(value),
    }
}

/// A gold bound as the double nearest it: records hold bounds as doubles, so 100/3 % is right
/// when it is the double nearest 33.333…, not when it equals a decimal no double holds.
fn nearest(bound: Option<Decimal>) -> Option<f64> {
    bound.and_then(|b| b.to_string().parse().ok())
}

/// Field-by-field differences between a gold figure and an extracted one at the same span.
/// The gold figure's qualifier, "" when exact: the guide's default, whether the key is left out
/// or written `qualifier = "exact"`.
fn gold_qualifier(g: &GoldFigure) -> String {
    g.qualifier.clone().filter(|q| q != "exact").unwrap_or_default()
}

fn figure_differences(g: &GoldFigure, f: &Figure) -> Vec<(&'static str, String)> {
    let mut d = Vec::new();
    let mut check = |field: &'static str, gold: String, got: String| {
        if gold != got {
            d.push((field, format!("{field}: gold {gold:?}, extracted {got:?}")));
        }
    };
    check("span", format!("{}..{} {}", g.start, g.end, g.text), format!("{}..{} {}", f.start, f.end, f.text));
    check("value", format!("{:?}", decimal(&g.value)), format!("{:?}", decimal(&f.value_exact)));
    check("unit", g.unit.clone(), wire_name(&f.unit));
    check("kind", g.kind.clone(), wire_name(&f.kind));
    check("qualifier", gold_qualifier(g), f.qualifier.map(|q| wire_name(&q)).unwrap_or_default());
    check("lower", format!("{:?}", nearest(bound(&g.lower, &g.value))), format!("{:?}", f.lower));
    check("upper", format!("{:?}", nearest(bound(&g.upper, &g.value))), format!("{:?}", f.upper));
    check("measure_word", g.measure_word.clone().unwrap_or_default(), f.measure_word.clone().unwrap_or_default());
    check("unit_text", g.unit_text.clone().unwrap_or_default(), f.unit_text.clone().unwrap_or_default());
    check("projected", g.projected.to_string(), f.projected.to_string());
    check("role", g.role.clone().unwrap_or_else(|| "level".into()), wire_name(&f.role));
    d
}

fn overlaps(a: (u64, u64), b: (u64, u64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Scores `got` against `gold`. A figure matches when spans overlap and value and unit agree.
pub fn score(gold: &Gold, got: &Extraction) -> Score {
    let mut s = Score { gold_figures: gold.figure.len(), found_figures: got.figures.len(), ..Score::default() };
    let doc = &gold.document;
    // gold start → extracted figure id, for matching changes.
    let mut mapped: Vec<(u64, String)> = Vec::new();
    let mut used = vec![false; got.figures.len()];
    for g in &gold.figure {
        let hit = got.figures.iter().enumerate().find(|(i, f)| {
            !used[*i]
                && overlaps((g.start, g.end), (f.start, f.end))
                && decimal(&g.value) == decimal(&f.value_exact)
                && g.unit == wire_name(&f.unit)
        });
        match hit {
            Some((i, f)) => {
                used[i] = true;
                s.matched_figures += 1;
                if gold_qualifier(g) == f.qualifier.map(|q| wire_name(&q)).unwrap_or_default() {
                    s.qualifier_agree += 1;
                }
                mapped.push((g.start, f.id.clone()));
                for (field, diff) in figure_differences(g, f) {
                    *s.fields.entry(field).or_default() += 1;
                    s.differences.push(format!("{doc}: figure {:?} at {}: {diff}", g.text, g.start));
                }
            }
            None => s.differences.push(format!("{doc}: missed figure {:?} at {}..{} ({} {})", g.text, g.start, g.end, g.value, g.unit)),
        }
    }
    for f in got.figures.iter().enumerate().filter(|(i, _)| !used[*i]).map(|(_, f)| f) {
        s.differences.push(format!(
            "{doc}: extra figure {:?} at {}..{} ({} {})",
            f.text,
            f.start,
            f.end,
            f.value_exact,
            wire_name(&f.unit)
        ));
    }
    for n in &gold.non_figure {
        for f in got.figures.iter().filter(|f| overlaps((n.start, n.end), (f.start, f.end))) {
            s.differences.push(format!("{doc}: non-figure {:?} at {} was extracted as {:?}", n.text, n.start, f.text));
        }
    }
    let id_of = |start: Option<u64>| start.and_then(|st| mapped.iter().find(|(g, _)| *g == st).map(|(_, id)| id.clone()));
    s.gold_changes = gold.change.len();
    s.found_changes = got.changes.len();
    let mut change_used = vec![false; got.changes.len()];
    for g in &gold.change {
        let (first, second) = match g.relation {
            Relation::BeforeAfter => (id_of(g.from), id_of(g.to)),
            Relation::Growth => (id_of(g.level), id_of(g.rate)),
        };
        let same_figures = |c: &Change| {
            let (a, b) = match c.relation {
                Relation::BeforeAfter => (c.from_id.clone(), Some(c.to_id.clone())),
                Relation::Growth => (Some(c.to_id.clone()), c.rate_id.clone()),
            };
            c.relation == g.relation && first.is_some() && a == first && b == second
        };
        let label = format!("{:?} {:?}→{:?}", g.relation, g.from.or(g.level), g.to.or(g.rate));
        let Some((i, c)) = got.changes.iter().enumerate().find(|(i, c)| !change_used[*i] && same_figures(c)) else {
            s.differences.push(format!("{doc}: missed change {label}"));
            continue;
        };
        change_used[i] = true;
        let mut wrong = Vec::new();
        if let Some(subject) = g.subject.as_ref().filter(|x| **x != c.subject) {
            wrong.push(("change.subject", format!("subject gold {subject:?}, extracted {:?}", c.subject)));
        }
        if let Some(ind) = g.indicator.as_ref().filter(|x| Some(*x) != c.indicator_id.as_ref()) {
            wrong.push(("change.indicator", format!("indicator gold {ind:?}, extracted {:?}", c.indicator_id)));
        }
        // A wrong subject or indicator fails the change; a wrong direction is a field difference.
        if wrong.is_empty() {
            s.matched_changes += 1;
        }
        if c.direction != g.direction {
            wrong.push(("change.direction", format!("direction gold {:?}, extracted {:?}", g.direction, c.direction)));
        }
        for (field, diff) in wrong {
            *s.fields.entry(field).or_default() += 1;
            s.differences.push(format!("{doc}: change {label}: {diff}"));
        }
    }
    for c in got.changes.iter().enumerate().filter(|(i, _)| !change_used[*i]).map(|(_, c)| c) {
        s.differences.push(format!("{doc}: extra change {:?} {:?}", c.relation, c.text));
    }
    s
}

/// One panel gold file (`tests/gold/panel/<document>.toml`): which figures state a catalog
/// indicator, for which period and region.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PanelGold {
    pub document: String,
    pub figure: Vec<PanelFigure>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PanelFigure {
    pub start: u64,
    pub text: String,
    pub indicator: String,
    pub period: String,
    /// `document` for the document's own region.
    pub region: String,
    #[serde(default)]
    pub projected: bool,
    #[serde(default)]
    pub note: Option<String>,
}

/// Reads a panel gold file; an empty one is refused, as for figure gold.
pub fn parse_panel(text: &str) -> Result<PanelGold, String> {
    let gold: PanelGold = toml::from_str(text).map_err(|e| e.to_string())?;
    if gold.figure.is_empty() {
        return Err(format!("panel gold for {:?} lists no figures", gold.document));
    }
    Ok(gold)
}

/// How many gold panel figures have each of indicator, period and region right, and all three.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PanelScore {
    pub gold: usize,
    pub indicator: usize,
    pub period: usize,
    pub region: usize,
    pub all: usize,
    /// Extracted figures naming an indicator the panel gold does not list.
    pub extra: usize,
    pub differences: Vec<String>,
}

impl PanelScore {
    pub fn all_right(&self) -> f64 {
        ratio(self.all, self.gold)
    }

    pub fn add(&mut self, o: &PanelScore) {
        self.gold += o.gold;
        self.indicator += o.indicator;
        self.period += o.period;
        self.region += o.region;
        self.all += o.all;
        self.extra += o.extra;
        self.differences.extend(o.differences.iter().cloned());
    }
}

/// Scores the indicator, period and region of each figure the panel gold lists.
pub fn score_panel(gold: &PanelGold, got: &Extraction) -> PanelScore {
    let mut s = PanelScore { gold: gold.figure.len(), ..PanelScore::default() };
    for g in &gold.figure {
        let f = got.figures.iter().find(|f| f.start == g.start);
        let indicator = f.and_then(|f| f.indicator_id.as_deref());
        let period = f.and_then(|f| f.period.as_deref());
        let region = f.map(|f| f.region.as_deref().unwrap_or("document"));
        let right = [indicator == Some(g.indicator.as_str()), period == Some(g.period.as_str()), region == Some(g.region.as_str())];
        s.indicator += usize::from(right[0]);
        s.period += usize::from(right[1]);
        s.region += usize::from(right[2]);
        s.all += usize::from(right.iter().all(|r| *r));
        if !right.iter().all(|r| *r) {
            s.differences.push(format!(
                "{}: \"{}\" at {}: gold {} {} {}, extracted {} {} {}",
                gold.document,
                g.text,
                g.start,
                g.indicator,
                g.period,
                g.region,
                indicator.unwrap_or("—"),
                period.unwrap_or("—"),
                region.unwrap_or("—")
            ));
        }
    }
    s.extra = got.figures.iter().filter(|f| f.indicator_id.is_some() && !gold.figure.iter().any(|g| g.start == f.start)).count();
    s
}
