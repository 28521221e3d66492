//! Extraction against the hand-written gold files in `tests/gold/`: the seed must match exactly,
//! every corpus text must reach the accuracy the README promises.

use std::path::Path;

use figures::catalog::Catalog;
use figures::eval::{Gold, PanelScore, Score, parse_gold, parse_panel, score, score_panel};
use figures::extract::extract;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn catalog() -> Catalog {
    toml::from_str(&read(Path::new("raw/catalog.toml"))).expect("raw/catalog.toml parses")
}

fn gold(id: &str) -> Gold {
    let g = parse_gold(&read(&Path::new("tests/gold").join(format!("{id}.toml")))).expect("gold parses");
    assert_eq!(g.document, id);
    g
}

fn text_of(id: &str) -> String {
    let raw = Path::new("raw").join(format!("{id}.txt"));
    if raw.exists() { read(&raw) } else { read(&Path::new("tests/fixtures").join(format!("{id}.txt"))) }
}

fn scored(id: &str) -> Score {
    score(&gold(id), &extract(id, &text_of(id), &catalog()))
}

#[test]
fn every_gold_span_names_its_text() {
    for entry in std::fs::read_dir("tests/gold").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let g: Gold = parse_gold(&read(&path)).unwrap();
            let chars: Vec<char> = text_of(&g.document).chars().collect();
            let spans = g.figure.iter().map(|f| (&f.text, f.start, f.end)).chain(g.non_figure.iter().map(|n| (&n.text, n.start, n.end)));
            for (text, s, e) in spans {
                let got: String = chars[s as usize..e as usize].iter().collect();
                assert_eq!(&got, text, "{}: {s}..{e}", path.display());
            }
        }
    }
}

#[test]
fn the_seed_extracts_exactly_as_the_gold_says() {
    let s = scored("jiangxi-kejiting-2022-wunian-huigu");
    assert!(s.differences.is_empty(), "{} differences:\n{}", s.differences.len(), s.differences.join("\n"));
    assert_eq!((s.gold_figures, s.gold_changes), (50, 8));
}

/// The six development texts the extractor's rules were written against.
const CORPUS: [&str; 6] = [
    "fuzhou-kejiju-2015-zongjie",
    "shaanxi-jishuhetong-2022",
    "jiangsu-jishuhetong-1-5yue",
    "hunan-jishuhetong-2019",
    "sichuan-gaoqi-2021",
    "quanguo-tongjigongbao-2017-jiaoyu-keji",
];

/// Two texts a helper wrote, with their gold, without seeing the code; held out until their first
/// scoring (figure F1 0.995, change recall 0.864; see the README).
const HELD_OUT: [&str; 2] = ["heldout-a", "heldout-b"];

#[test]
fn every_corpus_text_reaches_f1_098_and_change_recall_095() {
    let mut failures = Vec::new();
    for id in CORPUS {
        let s = scored(id);
        if s.figure_f1() < 0.98 || s.change_recall() < 0.95 {
            failures.push(format!(
                "{id}: F1 {:.3}, change recall {:.3}\n  {}",
                s.figure_f1(),
                s.change_recall(),
                s.differences.join("\n  ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_held_out_texts_keep_f1_098_and_change_recall_090_together() {
    let mut total = Score::default();
    for id in HELD_OUT {
        total.add(&scored(id));
    }
    assert!(total.figure_f1() >= 0.98, "F1 {:.3}\n{}", total.figure_f1(), total.differences.join("\n"));
    assert!(total.change_recall() >= 0.90, "change recall {:.3}\n{}", total.change_recall(), total.differences.join("\n"));
}

#[test]
fn a_qualifier_written_exact_is_the_default_left_out() {
    let text = "全省高新技术企业1200家。";
    let gold = |q: &str| {
        parse_gold(&format!("document = \"q\"\nfigure = [ {{ text = \"1200家\", start = 8, end = 13, value = \"1200\", unit = \"count\", kind = \"count\", measure_word = \"家\"{q} }} ]\n")).unwrap()
    };
    let got = extract("q", text, &Catalog::default());
    for q in ["", ", qualifier = \"exact\""] {
        let s = score(&gold(q), &got);
        assert_eq!((s.matched_figures, s.qualifier_agree, s.differences.len()), (1, 1, 0), "{q}: {:?}", s.differences);
    }
}

#[test]
fn an_empty_gold_file_is_an_error() {
    let err = parse_gold("document = \"x\"\nnon_figure = []\n").unwrap_err();
    assert!(err.contains("no figures and no changes"), "{err}");
}

/// The twelve blind texts, written by people who never saw the code (first contact, lenient:
/// figure F1 0.961, change precision 0.865, recall 0.696). With the open units, the numeral
/// grammar and the change forms, strictly scored: F1 1.000, change precision and recall 0.947
/// against the gold as first written (plus the spec points of tests/gold/README.md the first gold
/// missed), 1.000 once a blind reviewer had brought the change subjects to the written subject
/// convention. The floor leaves room for one change in twenty to be wrong.
#[test]
fn the_blind_texts_keep_f1_099_and_strict_change_precision_and_recall_095() {
    let mut total = Score::default();
    for n in 1..=12 {
        total.add(&scored(&format!("blind-{n:02}")));
    }
    let (f1, p, r) = (total.figure_f1(), total.change_precision(), total.change_recall());
    assert!(f1 >= 0.99 && p >= 0.95 && r >= 0.95, "F1 {f1:.3}, change precision {p:.3}, recall {r:.3}\n{}", total.differences.join("\n"));
}

/// Every panel gold entry names a figure of its text's gold, by offset and text.
#[test]
fn every_panel_entry_names_a_gold_figure() {
    for n in 1..=12 {
        let id = format!("blind-{n:02}");
        let panel = parse_panel(&read(&Path::new("tests/gold/panel").join(format!("{id}.toml")))).expect("panel gold parses");
        let figures = gold(&id).figure;
        for p in &panel.figure {
            assert!(figures.iter().any(|f| f.start == p.start && f.text == p.text), "{id}: {} at {} is no gold figure", p.text, p.start);
        }
    }
}

/// The blind texts' panel gold, annotated blind (tests/gold/panel/): of the figures that state a
/// catalog indicator, the share with indicator, period and region all right. First run of the
/// grounding 0.748 (period 0.920, region 0.983, indicator 0.807); 0.874 once periods knew plan
/// ends, deictic words and bases, and shares, items and stated changes named their indicators.
#[test]
fn the_blind_panel_gets_080_of_indicator_period_and_region_right() {
    let mut total = PanelScore::default();
    for n in 1..=12 {
        let id = format!("blind-{n:02}");
        let panel = parse_panel(&read(&Path::new("tests/gold/panel").join(format!("{id}.toml")))).expect("panel gold parses");
        total.add(&score_panel(&panel, &extract(&id, &text_of(&id), &catalog())));
    }
    assert!(total.all_right() >= 0.80, "{:.3} all right\n{}", total.all_right(), total.differences.join("\n"));
}
