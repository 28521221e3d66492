//! Forms by example: `tests/cases/forms.toml` holds short sentences of the genre, each with every
//! figure a reader finds in it, grouped by class (units, classifiers, numerals, approximate,
//! traditional, fractions, money, ranks, qualifiers, dates, non-figures, percentages, multiples).
//! They were written by a person who read other Chinese-number parsers' public test suites, in
//! their own words, without seeing this extractor. A case passes when the extraction has exactly
//! its figures, field for field (`figures::eval`'s rules). The floor only rises.

use std::collections::BTreeMap;

use figures::catalog::Catalog;
use figures::eval::{Gold, GoldFigure, score};
use figures::extract::extract;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    class: String,
    text: String,
    figures: Vec<CaseFigure>,
}

/// A gold figure without its offsets: they are found in the case's text, in order.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFigure {
    text: String,
    value: String,
    unit: String,
    kind: String,
    qualifier: Option<String>,
    lower: Option<String>,
    upper: Option<String>,
    measure_word: Option<String>,
    unit_text: Option<String>,
    #[serde(default)]
    projected: bool,
    role: Option<String>,
}

fn gold(n: usize, case: &Case) -> Gold {
    let chars: Vec<char> = case.text.chars().collect();
    let mut from = 0;
    let figure = case
        .figures
        .iter()
        .map(|f| {
            let needle: Vec<char> = f.text.chars().collect();
            let start = (from..=chars.len().saturating_sub(needle.len()))
                .find(|&i| chars[i..].starts_with(&needle))
                .unwrap_or_else(|| panic!("case {n}: {:?} is not in {:?}", f.text, case.text));
            from = start + needle.len();
            GoldFigure {
                text: f.text.clone(),
                start: start as u64,
                end: from as u64,
                value: f.value.clone(),
                unit: f.unit.clone(),
                kind: f.kind.clone(),
                qualifier: f.qualifier.clone(),
                lower: f.lower.clone(),
                upper: f.upper.clone(),
                measure_word: f.measure_word.clone(),
                unit_text: f.unit_text.clone(),
                projected: f.projected,
                role: f.role.clone(),
            }
        })
        .collect();
    Gold { document: format!("case-{n}"), figure, change: Vec::new(), non_figure: Vec::new() }
}

/// The share of cases passed, with every failure, by class.
fn run() -> (f64, BTreeMap<String, (usize, usize)>, Vec<String>) {
    let cases: Cases = toml::from_str(&std::fs::read_to_string("tests/cases/forms.toml").unwrap()).unwrap();
    let (mut by_class, mut failures) = (BTreeMap::<String, (usize, usize)>::new(), Vec::new());
    for (n, case) in cases.case.iter().enumerate() {
        // A case states its figures only: the changes the extraction links are not scored here.
        let mut x = extract(&format!("case-{n}"), &case.text, &Catalog::default());
        x.changes.clear();
        let s = score(&gold(n, case), &x);
        let entry = by_class.entry(case.class.clone()).or_default();
        entry.1 += 1;
        if s.differences.is_empty() {
            entry.0 += 1;
        } else {
            failures.push(format!("[{}] {}\n    {}", case.class, case.text, s.differences.join("\n    ")));
        }
    }
    let passed: usize = by_class.values().map(|(p, _)| p).sum();
    (passed as f64 / cases.case.len() as f64, by_class, failures)
}

/// Raised whenever the extractor improves; never lowered.
const FLOOR: f64 = 0.987;

#[test]
fn the_forms_cases_pass_at_least_the_floor() {
    let (rate, by_class, failures) = run();
    let classes: Vec<String> = by_class.iter().map(|(c, (p, n))| format!("{c} {p}/{n}")).collect();
    eprintln!("forms cases: {:.3} passed ({})", rate, classes.join(", "));
    assert!(rate >= FLOOR, "{:.3} of the cases pass, below the floor {FLOOR}:\n{}", rate, failures.join("\n"));
}
