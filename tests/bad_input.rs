//! Bad input and faults: every failure is a clear error naming the file, the place and what to
//! do; nothing is half-written and the last good output survives.

mod util;

use util::{SIDECAR, Workdir, snapshot};

fn with_text(text: &[u8]) -> Workdir {
    let w = Workdir::empty();
    w.write("raw/a.txt", text);
    w.write("raw/a.toml", SIDECAR);
    w
}

#[test]
fn a_sidecar_syntax_error_names_file_line_and_column() {
    let w = with_text("文本。".as_bytes());
    w.write("raw/a.toml", "title = \"t\"\npublisher = \n");
    w.run(&["run"]).expect(2, &["raw/a.toml:2:", "TOML syntax error"]);
}

#[test]
fn a_sidecar_unknown_key_is_named() {
    let w = with_text("文本。".as_bytes());
    w.write("raw/a.toml", format!("{SIDECAR}colour = \"red\"\n"));
    w.run(&["run"]).expect(2, &["raw/a.toml", "colour"]);
}

#[test]
fn a_sidecar_wrong_type_is_named() {
    let w = with_text("文本。".as_bytes());
    w.write("raw/a.toml", SIDECAR.replace("start = 2017", "start = \"2017\""));
    w.run(&["run"]).expect(2, &["raw/a.toml:key period.start", "integer"]);
}

#[test]
fn a_sidecar_missing_key_is_named() {
    let w = with_text("文本。".as_bytes());
    w.write("raw/a.toml", SIDECAR.replace("publisher = \"p\"\n", ""));
    w.run(&["run"]).expect(2, &["raw/a.toml", "publisher"]);
}

#[test]
fn two_indicators_claiming_one_alias_is_an_error() {
    let w = with_text("文本。".as_bytes());
    let one = |id: &str| {
        format!(
            "[[indicator]]\nid = \"{id}\"\nname_zh = \"x\"\nname_en = \"x\"\nkind = \"money\"\nunit = \"CNY\"\ndefinition = \"x\"\naliases = [\"成交额\"]\n"
        )
    };
    w.write("raw/catalog.toml", format!("{}\n{}", one("a"), one("b")));
    w.run(&["run"]).expect(2, &["raw/catalog.toml", "成交额", "a, b"]);
}

#[test]
fn a_catalog_with_a_bad_unit_is_named() {
    let w = with_text("文本。".as_bytes());
    w.write("raw/catalog.toml", "[[indicator]]\nid = \"a\"\nname_zh = \"x\"\nname_en = \"x\"\nkind = \"money\"\nunit = \"RMB\"\ndefinition = \"x\"\naliases = [\"x\"]\n");
    w.run(&["run"]).expect(2, &["raw/catalog.toml:key indicator.0.unit"]);
}

#[test]
fn extract_checks_its_catalog_as_run_does() {
    let w = with_text("文本。".as_bytes());
    w.write("raw/catalog.toml", "[[indicator]]\nid = \"a\"\nname_zh = \"x\"\nname_en = \"x\"\nkind = \"money\"\nunit = \"RMB\"\ndefinition = \"x\"\naliases = [\"x\"]\n");
    w.run(&["extract", "raw/a.txt"]).expect(2, &["raw/catalog.toml:key indicator.0.unit"]);
}

#[test]
fn a_text_without_a_sidecar_runs_with_a_warning() {
    let w = Workdir::empty();
    w.write("raw/a.txt", "技术合同成交额3053.5亿元。");
    w.run(&["run"]).expect(0, &["warnings", "no-sidecar"]);
    let docs: serde_json::Value = serde_json::from_slice(&w.read("output/documents.json")).unwrap();
    assert_eq!(docs[0]["period_end"], serde_json::Value::Null);
}

#[test]
fn an_empty_file_has_no_figures() {
    let w = with_text(b"");
    w.run(&["run"]).expect(0, &["1 documents, 0 figures"]);
}

#[test]
fn a_text_with_no_figures_is_fine() {
    let w = with_text("江西坚持以改革促创新。".as_bytes());
    w.run(&["run"]).expect(0, &["1 documents, 0 figures"]);
}

#[test]
fn a_binary_file_is_refused_with_its_byte_offset() {
    let w = with_text(b"PK\x03\x04\x00\x00binary");
    w.run(&["run"]).expect(2, &["raw/a.txt:byte 4", "binary file"]);
}

#[test]
fn invalid_bytes_name_the_file_and_offset() {
    let w = with_text(b"abc\xff\xff\xff\xff");
    w.run(&["run"]).expect(2, &["raw/a.txt:byte 3", "invalid UTF-8", "encoding"]);
}

#[test]
fn a_gbk_file_is_detected_and_recorded() {
    let (bytes, _, _) = encoding_rs::GBK.encode("技术合同成交额达到490.69亿元。");
    let w = with_text(&bytes);
    w.run(&["run"]).expect(0, &["1 figures"]);
    let docs: serde_json::Value = serde_json::from_slice(&w.read("output/documents.json")).unwrap();
    assert_eq!(docs[0]["encoding"], "gb18030");
}

#[test]
fn a_declared_encoding_is_used() {
    let (bytes, _, _) = encoding_rs::GBK.encode("成交额达到490.69亿元。");
    let w = with_text(&bytes);
    w.write("raw/a.toml", SIDECAR.replace("[period]", "encoding = \"gbk\"\n\n[period]"));
    w.run(&["run"]).expect(0, &["1 figures"]);
}

#[test]
fn windows_line_endings_keep_offsets_into_the_original() {
    let w = with_text("标题\r\n\r\n高新技术企业从2138家增长到6669家。\r\n".as_bytes());
    w.run(&["run"]).expect(0, &["2 figures", "1 changes"]);
    let figs: serde_json::Value = serde_json::from_slice(&w.read("output/figures.json")).unwrap();
    assert_eq!(figs[0]["start"], 13);
    assert_eq!(figs[0]["text"], "2138家");
}

#[test]
fn a_forty_digit_number_is_a_finding_not_a_panic() {
    let w = with_text(format!("共{}个。", "9".repeat(40)).as_bytes());
    w.run(&["run"]).expect(0, &["0 figures", "number-overflow"]);
}

#[test]
fn an_output_path_that_cannot_be_created_is_an_io_error() {
    let w = with_text("共3个。".as_bytes());
    w.write("blocker", "a file where a directory should be");
    w.run(&["run", "--out", "blocker/out"]).expect(2, &["blocker", "hint:"]);
}

#[test]
fn a_write_that_fails_midway_leaves_the_previous_output_unchanged() {
    let w = with_text("共3个。".as_bytes());
    w.run(&["run"]).expect(0, &["wrote 12 files"]);
    let before = snapshot(&w.path("output"));
    w.write("raw/a.txt", "共4个。");
    let r = w.command(&["run"]).env("FIGURES_FAIL_WRITING", "figures.parquet").output().unwrap();
    util::Run::from(r).expect(2, &["figures.parquet", "previous output is untouched"]);
    assert!(snapshot(&w.path("output")) == before, "output/ changed");
    assert!(!w.path(".output.staging").exists(), "staging left behind");
}

#[test]
fn a_bad_text_in_a_late_batch_leaves_the_previous_output_unchanged() {
    let w = Workdir::project();
    w.run(&["run"]).expect(0, &["wrote 12 files"]);
    let before = snapshot(&w.path("output"));
    // Sorted last, so earlier batches have already streamed their rows into the staging files.
    w.write("raw/zz-broken.txt", b"\xe5\x85\xb1\xff3\xe4\xb8\xaa");
    w.run(&["run", "--batch-bytes", "1"]).expect(2, &["zz-broken.txt", "byte 3"]);
    assert!(snapshot(&w.path("output")) == before, "output/ changed");
    assert!(!w.path(".output.staging").exists(), "staging left behind");
}

#[test]
fn a_second_run_while_one_holds_the_lock_fails_clearly() {
    let w = with_text("共3个。".as_bytes());
    // This test holds the kernel lock, as a running `figures run` would.
    w.write(".output.lock", std::process::id().to_string());
    let held = std::fs::File::open(w.path(".output.lock")).unwrap();
    rustix::fs::flock(&held, rustix::fs::FlockOperation::NonBlockingLockExclusive).unwrap();
    w.run(&["run"])
        .expect(2, &["another `figures run` or `figures check` is using this output", ".output.lock", &std::process::id().to_string()]);
    w.run(&["check"]).expect(2, &["another `figures run` or `figures check` is using this output"]);
    drop(held);
    w.run(&["run"]).expect(0, &["wrote 12 files"]);
}

#[test]
fn a_lock_file_left_by_a_dead_process_does_not_block() {
    let w = with_text("共3个。".as_bytes());
    w.write(".output.lock", "999999999");
    w.run(&["run"]).expect(0, &["wrote 12 files"]);
}

#[test]
fn a_200_mb_file_of_one_line_is_extracted_without_blowing_up() {
    // The seed's body with its sentence ends turned into commas: one 200 MB line, one sentence.
    let seed = std::fs::read_to_string("raw/jiangxi-kejiting-2022-wunian-huigu.txt").unwrap().replace(['\n', '。'], ",");
    let copies = 200_000_000 / seed.len() + 1;
    let text = seed.repeat(copies);
    assert!(text.len() >= 200_000_000 && !text.contains('\n'));
    let x = figures::extract::extract("big", &text, &figures::catalog::Catalog::default());
    let per_copy = figures::extract::extract("one", &seed, &figures::catalog::Catalog::default()).figures.len();
    assert_eq!(x.figures.len(), per_copy * copies);
    let last = x.figures.last().unwrap();
    assert_eq!(&text[last.byte_start as usize..last.byte_end as usize], last.text);
    assert!(x.figures.iter().all(|f| f.sentence.chars().count() <= 600 + 2));
}
