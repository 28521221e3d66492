//! The `figures` binary end to end: `run`, `check`, `extract`, `schemas`, `eval`, exit codes.

mod util;

use std::path::Path;

use util::{SIDECAR, Workdir, snapshot};

#[test]
fn the_committed_tree_passes_check() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_figures")).arg("check").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "figures check failed:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("check passed"));
}

#[test]
fn two_runs_write_byte_identical_outputs() {
    let w = Workdir::project();
    w.run(&["run", "--out", "a"]).expect(0, &["wrote 16 files"]);
    w.run(&["run", "--out", "b"]).expect(0, &["wrote 16 files"]);
    let (a, b) = (snapshot(&w.path("a")), snapshot(&w.path("b")));
    assert_eq!(a.len(), 16);
    assert!(a == b, "the two runs differ");
    assert!(snapshot(&w.path("output")) == a, "the committed output/ differs from a fresh run");
}

#[test]
fn check_fails_when_an_output_file_is_edited_by_hand() {
    let w = Workdir::project();
    let mut bytes = w.read("output/figures.json");
    bytes.extend_from_slice(b" ");
    w.write("output/figures.json", bytes);
    w.run(&["check"]).expect(1, &["output/figures.json: differs", "figures run"]);
}

#[test]
fn check_fails_when_a_schema_is_edited_by_hand() {
    let w = Workdir::project();
    w.write("schemas/figure.schema.json", "{}");
    w.run(&["check"]).expect(1, &["figure.schema.json: differs from the Rust types", "figures schemas"]);
}

#[test]
fn check_fails_when_a_raw_text_is_edited() {
    let w = Workdir::project();
    let mut bytes = w.read("raw/hunan-jishuhetong-2019.txt");
    bytes.extend_from_slice("另有100家企业。".as_bytes());
    w.write("raw/hunan-jishuhetong-2019.txt", bytes);
    w.run(&["check"]).expect(1, &["differs from what `figures run` writes now"]);
}

#[test]
fn check_fails_on_an_unexpected_output_file() {
    let w = Workdir::project();
    w.write("output/stale.parquet", "x");
    w.run(&["check"]).expect(1, &["stale.parquet: not written by `figures run`"]);
}

#[test]
fn a_validation_failure_exits_1_and_writes_nothing() {
    let w = Workdir::project();
    let before = snapshot(&w.path("output"));
    // A share above 100% breaks a rule of the contract.
    w.write("raw/zz-share.txt", "高新技术产业增加值占比为150%。");
    w.run(&["run"]).expect(1, &["failed validation; nothing was written", "error[share-range]", "zz-share"]);
    assert!(snapshot(&w.path("output")) == before, "output/ changed");
}

#[test]
fn schemas_regenerates_the_committed_files() {
    let w = Workdir::empty();
    w.run(&["schemas", "--dir", "fresh"]).expect(0, &["wrote"]);
    assert!(snapshot(&w.path("fresh")) == snapshot(Path::new("schemas")), "schemas/ is stale: run `figures schemas` and commit");
}

#[test]
fn extract_reads_standard_input_and_prints_json() {
    let w = Workdir::empty();
    let mut child =
        w.command(&["extract", "--json", "-"]).stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all("研发投入强度从1.28%到1.7%,建设5G基站。".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["figures"].as_array().unwrap().len(), 2);
    assert_eq!(v["rejected"], serde_json::json!([{ "text": "5G", "start": 20, "end": 22, "class": "code" }]));
    assert_eq!(v["figures"][0]["text"], "1.28%");
    assert_eq!(v["changes"][0]["relation"], "before_after");
}

#[test]
fn extract_prints_a_table_for_people() {
    let w = Workdir::empty();
    w.write("a.txt", "榜单金额超10亿元。");
    let r = w.run(&["extract", "--format", "table", "a.txt"]);
    r.expect(0, &["超10亿元", "1000000000", "more_than"]);
}

#[test]
fn eval_prints_scores_per_document_and_overall() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_figures"))
        .args(["eval", "tests/gold/jiangxi-kejiting-2022-wunian-huigu.toml", "tests/gold/hunan-jishuhetong-2019.toml"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let overall = stdout.lines().find(|l| l.starts_with("overall")).expect("an overall line");
    assert!(overall.contains("1.000"), "{overall}");
}

#[test]
fn help_documents_the_exit_codes() {
    let w = Workdir::empty();
    w.run(&["--help"]).expect(0, &["0 ok", "1 data failed validation", "2 usage or IO error"]);
}

#[test]
fn a_run_on_a_minimal_raw_directory_succeeds() {
    let w = Workdir::empty();
    w.write("raw/a.txt", "研发投入从100亿元增长到200亿元。");
    w.write("raw/a.toml", SIDECAR);
    w.run(&["run"]).expect(0, &["1 documents, 2 figures, 1 changes"]);
}

/// (code, message) of every finding of the run in `w`.
fn findings(w: &Workdir) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_slice(&w.read("output/validation.json")).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap().to_string(), f["message"].as_str().unwrap().to_string()))
        .collect()
}

/// (region, indicator, year, value) of every indicator row.
fn indicator_rows(w: &Workdir) -> Vec<(String, String, i64, f64)> {
    let v: serde_json::Value = serde_json::from_slice(&w.read("output/indicators.json")).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["region_code"].as_str().unwrap().into(),
                r["indicator_id"].as_str().unwrap().into(),
                r["year"].as_i64().unwrap(),
                r["value"].as_f64().unwrap(),
            )
        })
        .collect()
}

/// A run over `texts` (name, text), each with the standard sidecar, and the repository's catalog.
fn run_with_catalog(texts: &[(&str, &str)]) -> Workdir {
    let w = Workdir::empty();
    w.write("raw/catalog.toml", std::fs::read("raw/catalog.toml").unwrap());
    for (name, text) in texts {
        w.write(&format!("raw/{name}.txt"), *text);
        w.write(&format!("raw/{name}.toml"), SIDECAR);
    }
    w.run(&["run"]).expect(0, &[&format!("{} documents", texts.len())]);
    w
}

#[test]
fn the_text_dates_its_figures_and_the_sidecar_dates_only_what_it_leaves_undated() {
    let w = run_with_catalog(&[("a", "江西省2020年科技工作总结\n\n全省研发经费投入达到430亿元。"), ("b", "全省研发经费投入达到520亿元。")]);
    let rows = indicator_rows(&w);
    assert!(rows.contains(&("CN-JX".into(), "rd_expenditure".into(), 2020, 43_000_000_000.0)), "{rows:?}");
    assert!(rows.contains(&("CN-JX".into(), "rd_expenditure".into(), 2021, 52_000_000_000.0)), "{rows:?}");
    let disagree: Vec<_> = findings(&w).into_iter().filter(|(c, _)| c == "period-disagrees").collect();
    assert_eq!(disagree.len(), 1, "the sidecar says 2021, the first text's title 2020: {disagree:?}");
}

#[test]
fn two_documents_stating_different_values_for_one_key_are_a_finding_naming_both() {
    let w = run_with_catalog(&[
        ("a", "2021年，全省研发经费投入达到500亿元。"),
        ("b", "2021年，全省研发经费投入达到510亿元。另，浙江省研发经费投入达到2600亿元。"),
    ]);
    let conflicts: Vec<_> = findings(&w).into_iter().filter(|(c, _)| c == "panel-conflict").collect();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert!(conflicts[0].1.contains("a:") && conflicts[0].1.contains("b states"), "{conflicts:?}");
    assert!(
        indicator_rows(&w).contains(&("CN-ZJ".into(), "rd_expenditure".into(), 2021, 260_000_000_000.0)),
        "another province's figure is filed under it"
    );
}

#[test]
fn a_change_dated_by_its_own_ends_is_annualised_over_their_years_and_rows_name_their_sources() {
    let w = run_with_catalog(&[("a", "全省研发经费投入由2015年的100亿元增加到2020年的200亿元。技术合同成交额300亿元，同比增长50%。")]);
    let changes: serde_json::Value = serde_json::from_slice(&w.read("output/changes.json")).unwrap();
    let before_after = changes.as_array().unwrap().iter().find(|c| c["relation"] == "before_after").unwrap();
    assert_eq!(before_after["years"], 5.0, "the ends' own years, not the sidecar's 2017–2021");
    let cagr = before_after["cagr_pct"].as_f64().unwrap();
    assert!((cagr - 14.87).abs() < 0.01, "{cagr}");
    let rows: serde_json::Value = serde_json::from_slice(&w.read("output/indicators.json")).unwrap();
    let row =
        |ind: &str, year: i64| rows.as_array().unwrap().iter().find(|r| r["indicator_id"] == ind && r["year"] == year).cloned().unwrap();
    let stated = row("rd_expenditure", 2015);
    assert!(stated["source_figure_id"].is_string() && stated["source_change_id"].is_null());
    let derived = row("tech_contract_turnover", 2020);
    assert_eq!((derived["provenance"].as_str(), derived["source_figure_id"].is_null()), (Some("derived"), true));
    assert!(derived["source_change_id"].as_str().is_some_and(|id| id.starts_with("a:")));
}

#[test]
fn bench_reports_the_full_runs_time_per_stage_and_output_size() {
    let w = Workdir::empty();
    let run = w.run(&["bench", "--mb", "1", "--density", "seed-like", "--dir", "scratch"]);
    run.expect(0, &["output bytes per input byte", "| stage | wall s | CPU s | share of CPU |"]);
    for stage in ["| read |", "| extract |", "| derive |", "| encode |", "| validate |", "| json |", "| parquet |", "| finish |"] {
        assert!(run.stdout.contains(stage), "no {stage} row:\n{}", run.stdout);
    }
    let ratio: f64 = run.stdout.split("full run: ").nth(1).and_then(|r| r.split_whitespace().next()).and_then(|r| r.parse().ok()).unwrap();
    assert!(ratio > 1.0, "the output is the text's figures, their sentences and the indicators: more bytes than the text ({ratio})");
    assert!(!w.path("scratch/output").exists(), "the benchmark's output is deleted once measured");
}
