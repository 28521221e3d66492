//! The catalog's examples: every alias comes with a sentence of its own (`examples` in
//! `raw/catalog.toml`), and extracting that sentence with the catalog must name the alias's
//! indicator, on a change or on a rank's `ranked` subject. This checks the subject rule and the
//! catalog together: an alias no sentence can reach is dead weight, and a subject cut that loses
//! a real alias is a defect.

use std::path::Path;

use figures::catalog::Catalog;
use figures::extract::extract;

fn catalog() -> Catalog {
    let text = std::fs::read_to_string(Path::new("raw/catalog.toml")).expect("raw/catalog.toml reads");
    toml::from_str(&text).expect("raw/catalog.toml parses")
}

/// Examples the extractor cannot read for a reason outside the subject rule, with the reason.
const UNREAD: [(&str, &str); 7] = [
    (
        "全省财政科技支出增幅达到16.8%，高于一般公共预算支出增幅9.2个百分点。",
        "a rate stated alone is no change, and figures carry no indicator",
    ),
    (
        "全市高新技术产业实现增加值652.3亿元，同比增长11.4%。",
        "the alias holds the verb 实现, after which subjects name the measure (高新区实现营业收入 → 营业收入)",
    ),
    ("全国算力总规模从128EFLOPS增长到197EFLOPS。", "EFLOPS is not yet a unit the scanner reads"),
    ("全省算力规模达到12.5EFLOPS，同比增长31.6%。", "EFLOPS is not yet a unit the scanner reads"),
    ("全市总算力由3.2EFLOPS提升至8.6EFLOPS。", "EFLOPS is not yet a unit the scanner reads"),
    ("全国智能算力规模达到64EFLOPS，同比增长41.5%。", "EFLOPS is not yet a unit the scanner reads"),
    ("全省智能算力从1.8EFLOPS增加到6.4EFLOPS。", "EFLOPS is not yet a unit the scanner reads"),
];

#[test]
fn every_alias_has_exactly_one_example() {
    let c = catalog();
    let mut wrong = Vec::new();
    for i in &c.indicator {
        for a in &i.aliases {
            let n = i.examples.iter().filter(|e| &e.alias == a).count();
            if n != 1 {
                wrong.push(format!("{}: alias {a} has {n} examples", i.id));
            }
        }
        for e in i.examples.iter().filter(|e| !i.aliases.contains(&e.alias)) {
            wrong.push(format!("{}: example for {}, which is not one of its aliases", i.id, e.alias));
        }
        for e in i.examples.iter().filter(|e| !e.text.contains(&e.alias)) {
            wrong.push(format!("{}: the example for {} does not contain it", i.id, e.alias));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_example_names_its_indicator() {
    let c = catalog();
    let mut wrong = Vec::new();
    let mut read = 0;
    for i in &c.indicator {
        for e in &i.examples {
            if UNREAD.iter().any(|(t, _)| *t == e.text) {
                continue;
            }
            let x = extract("example", &e.text, &c);
            let by_change = x.changes.iter().any(|ch| ch.indicator_id.as_deref() == Some(i.id.as_str()));
            let by_rank =
                x.figures.iter().filter_map(|f| f.ranked.as_deref()).any(|r| c.match_subject(r, i.unit).is_some_and(|m| m.id == i.id));
            if by_change || by_rank {
                read += 1;
            } else {
                let got: Vec<String> = x.changes.iter().map(|ch| format!("{:?} {:?}", ch.subject, ch.indicator_id)).collect();
                wrong.push(format!("{} ({}): {} → {}", i.id, e.alias, e.text, got.join("; ")));
            }
        }
    }
    assert!(wrong.is_empty(), "{read} examples name their indicator, {} do not:\n{}", wrong.len(), wrong.join("\n"));
}
