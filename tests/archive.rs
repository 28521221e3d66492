//! Archive-scale behaviour: incremental runs reuse unchanged documents and still write exactly
//! what a full run writes; the partitioned layout splits rows by region and year.

mod util;

use util::{Workdir, snapshot};

#[test]
fn a_second_run_reuses_every_unchanged_document() {
    let w = Workdir::project();
    w.run(&["run", "--full-refresh"]).expect(0, &["7 extracted, 0 reused"]);
    w.run(&["run"]).expect(0, &["0 extracted, 7 reused"]);
}

#[test]
fn an_incremental_run_writes_what_a_full_run_writes() {
    let w = Workdir::project();
    w.run(&["run"]).expect(0, &[]);
    let mut text = w.read("raw/hunan-jishuhetong-2019.txt");
    text.extend_from_slice("另有企业300家,比上年增长12.5%。".as_bytes());
    w.write("raw/hunan-jishuhetong-2019.txt", text);
    w.run(&["run"]).expect(0, &["1 extracted, 6 reused"]);
    w.run(&["run", "--out", "full", "--full-refresh"]).expect(0, &["7 extracted, 0 reused"]);
    assert!(snapshot(&w.path("output")) == snapshot(&w.path("full")), "incremental and full runs differ");
}

#[test]
fn a_damaged_previous_table_means_extracting_again_not_losing_rows() {
    let w = Workdir::project();
    w.run(&["run"]).expect(0, &[]);
    let figures = w.read("output/figures.json");
    w.write("output/figures.json", &figures[..figures.len() / 2]);
    let r = w.run(&["run"]);
    r.expect(0, &["reused from the previous run"]);
    assert!(!format!("{}{}", r.stdout, r.stderr).contains("(0 extracted"), "the documents cut off were reused");
    w.run(&["run", "--out", "full", "--full-refresh"]).expect(0, &[]);
    assert!(snapshot(&w.path("output")) == snapshot(&w.path("full")), "a damaged previous table leaked into the output");
}

#[test]
fn check_leaves_no_scratch_directory_behind() {
    let w = Workdir::project();
    w.run(&["check"]).expect(0, &["check passed"]);
    let leftovers = || -> Vec<String> {
        std::fs::read_dir(w.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".output") && n != ".output.lock")
            .collect()
    };
    assert!(leftovers().is_empty(), "{:?}", leftovers());
    // A scratch copy a killed `check` left is cleared by the next one.
    w.write(".output.check/figures.json", "[]");
    w.run(&["check"]).expect(0, &["check passed"]);
    assert!(leftovers().is_empty(), "{:?}", leftovers());
}

#[test]
fn a_changed_sidecar_or_catalog_means_extracting_again() {
    let w = Workdir::project();
    w.run(&["run"]).expect(0, &[]);
    let sidecar = String::from_utf8(w.read("raw/sichuan-gaoqi-2021.toml")).unwrap().replace("四川省\"", "四川\"");
    w.write("raw/sichuan-gaoqi-2021.toml", sidecar);
    w.run(&["run"]).expect(0, &["1 extracted, 6 reused"]);
    let mut catalog = w.read("raw/catalog.toml");
    catalog.extend_from_slice(b"\n[[indicator]]\nid = \"x\"\nname_zh = \"x\"\nname_en = \"x\"\nkind = \"count\"\nunit = \"count\"\ndefinition = \"x\"\nsource = \"x\"\naliases = [\"xyz\"]\nexamples = []\n");
    w.write("raw/catalog.toml", catalog);
    w.run(&["run"]).expect(0, &["7 extracted, 0 reused"]);
}

#[test]
fn batching_never_changes_a_row() {
    let w = Workdir::project();
    w.run(&["run"]).expect(0, &[]);
    w.run(&["run", "--out", "batched", "--batch-bytes", "1"]).expect(0, &[]);
    let (whole, batched) = (snapshot(&w.path("output")), snapshot(&w.path("batched")));
    assert_eq!(whole.len(), batched.len());
    for ((name, a), (_, b)) in whole.iter().zip(&batched) {
        if name.ends_with(".parquet") {
            assert_eq!(util::parquet_frame(a), util::parquet_frame(b), "{name}: rows differ");
        } else if name != "datapackage.json" {
            assert!(a == b, "{name} depends on the batch size");
        }
    }
}

#[test]
fn the_partitioned_layout_splits_rows_by_region_and_year() {
    let w = Workdir::project();
    w.run(&["run", "--partitioned"]).expect(0, &[]);
    let jx = w.path("output/dataset/figures/region_code=CN-JX/year=2021/part-00000.parquet");
    let js = w.path("output/dataset/figures/region_code=CN-JS/year=__HIVE_DEFAULT_PARTITION__/part-00000.parquet");
    assert!(jx.exists() && js.exists());
    w.run(&["check", "--partitioned"]).expect(0, &["check passed"]);
    w.run(&["check"]).expect(1, &["dataset/figures/region_code=CN-JX/year=2021/part-00000.parquet: not written by `figures run`"]);
    w.write("output/dataset/figures/region_code=CN-JX/year=2021/stray.txt", "x");
    w.run(&["check", "--partitioned"]).expect(1, &["year=2021/stray.txt: not written by `figures run`"]);
    std::fs::remove_file(w.path("output/dataset/figures/region_code=CN-JX/year=2021/stray.txt")).unwrap();
    std::fs::create_dir_all(w.path("output/dataset/figures/region_code=CN-XX/year=1999")).unwrap();
    w.run(&["check", "--partitioned"]).expect(1, &["region_code=CN-XX/year=1999/: not written by `figures run`"]);
}

#[test]
fn every_name_a_run_writes_is_one_it_may_later_replace() {
    let w = Workdir::project();
    w.run(&["run", "--partitioned"]).expect(0, &["wrote"]);
    for entry in std::fs::read_dir(w.path("output")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(figures::pipeline::WRITES.contains(&name.as_str()), "a run writes {name}, which pipeline::WRITES does not list");
    }
}

#[test]
fn json_lines_hold_the_pretty_tables_rows_one_a_line_and_are_reused_and_checked() {
    let w = Workdir::project();
    w.run(&["run", "--out", "lines", "--json-lines"]).expect(0, &["wrote 16 files"]);
    for table in ["documents", "figures", "sentences", "changes", "indicators", "indicators_catalog"] {
        let pretty: Vec<serde_json::Value> = serde_json::from_slice(&w.read(&format!("output/{table}.json"))).unwrap();
        let text = String::from_utf8(w.read(&format!("lines/{table}.jsonl"))).unwrap();
        let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines, pretty, "{table}");
        assert_eq!(w.read(&format!("lines/{table}.parquet")), w.read(&format!("output/{table}.parquet")), "{table}");
        assert!(!w.path(&format!("lines/{table}.json")).exists());
    }
    let package: serde_json::Value = serde_json::from_slice(&w.read("lines/datapackage.json")).unwrap();
    let figures = package["resources"].as_array().unwrap().iter().find(|r| r["name"] == "figures").unwrap();
    assert_eq!((figures["path"].as_str(), figures["format"].as_str()), (Some("figures.jsonl"), Some("jsonl")));
    w.run(&["run", "--out", "lines", "--json-lines"]).expect(0, &["0 extracted, 7 reused"]);
    w.run(&["check", "--out", "lines", "--json-lines"]).expect(0, &["check passed"]);
    w.run(&["check", "--out", "lines"]).expect(1, &["check failed", "written with --json-lines: check with it"]);
}
