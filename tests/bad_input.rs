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
            "[[indicator]]\nid = \"{id}\"\nname_zh = \"x\"\nname_en = \"x\"\nkind = \"money\"\nunit = \"CNY\"\ndefinition = \"x\"\nsource = \"x\"\naliases = [\"成交额\"]\nexamples = []\n"
        )
    };
    w.write("raw/catalog.toml", format!("{}\n{}", one("a"), one("b")));
    w.run(&["run"]).expect(2, &["raw/catalog.toml", "成交额", "a, b"]);
}

#[test]
fn a_catalog_with_a_bad_unit_is_named() {
    let w = with_text("文本。".as_bytes());
    w.write("raw/catalog.toml", "[[indicator]]\nid = \"a\"\nname_zh = \"x\"\nname_en = \"x\"\nkind = \"money\"\nunit = \"RMB\"\ndefinition = \"x\"\nsource = \"x\"\naliases = [\"x\"]\nexamples = []\n");
    w.run(&["run"]).expect(2, &["raw/catalog.toml:key indicator.0.unit"]);
}

#[test]
fn extract_checks_its_catalog_as_run_does() {
    let w = with_text("文本。".as_bytes());
    w.write("raw/catalog.toml", "[[indicator]]\nid = \"a\"\nname_zh = \"x\"\nname_en = \"x\"\nkind = \"money\"\nunit = \"RMB\"\ndefinition = \"x\"\nsource = \"x\"\naliases = [\"x\"]\nexamples = []\n");
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
    w.run(&["run"]).expect(0, &["wrote 16 files"]);
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
    w.run(&["run"]).expect(0, &["wrote 16 files"]);
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
    w.run(&["run"]).expect(0, &["wrote 16 files"]);
}

#[test]
fn a_lock_file_left_by_a_dead_process_does_not_block() {
    let w = with_text("共3个。".as_bytes());
    w.write(".output.lock", "999999999");
    w.run(&["run"]).expect(0, &["wrote 16 files"]);
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
    // The one sentence is held once, not copied into each of its figures.
    assert_eq!(x.sentences.len(), 1);
    assert!(x.figures.iter().all(|f| f.sentence_index == x.sentences[0].index));
}

#[test]
fn out_at_the_raw_directory_is_refused_before_any_work_and_nothing_moves() {
    let w = with_text("共3个。".as_bytes());
    let before = snapshot(&w.path("raw"));
    w.run(&["run", "--out", "raw"]).expect(2, &["--out", "input directory raw", "hint:"]);
    assert!(snapshot(&w.path("raw")) == before, "raw/ changed");
    w.run(&["run", "--out", "."]).expect(2, &["contains the input directory raw"]);
    w.run(&["run", "--out", "/"]).expect(2, &["contains the input directory raw"]);
    w.run(&["run", "--out", "raw/out"]).expect(2, &["lies inside the input directory raw"]);
    w.run(&["run", "--out", "schemas"]).expect(2, &["input directory schemas"]);
    assert!(!w.path(".raw.lock").exists() && !w.path("raw/out").exists(), "a refused run left something behind");
}

#[test]
fn out_at_a_folder_of_the_users_own_files_is_refused_and_they_survive() {
    let w = with_text("共3个。".as_bytes());
    w.write("mine/thesis.docx", "chapter one");
    w.run(&["run", "--out", "mine"]).expect(2, &["thesis.docx", "does not write", "hint: pass --out a new or empty directory"]);
    assert_eq!(w.read("mine/thesis.docx"), b"chapter one");
    // A folder holding only names a run writes, but no manifest, was not written by a run either.
    w.write("theirs/figures.json", "[]");
    w.run(&["run", "--out", "theirs"]).expect(2, &["no manifest.jsonl"]);
    assert_eq!(w.read("theirs/figures.json"), b"[]");
}

#[test]
fn out_that_is_a_file_or_a_link_is_refused() {
    let w = with_text("共3个。".as_bytes());
    w.write("notes.txt", "mine");
    w.run(&["run", "--out", "notes.txt"]).expect(2, &["it is a file, not a directory"]);
    assert_eq!(w.read("notes.txt"), b"mine");
    std::fs::create_dir(w.path("target")).unwrap();
    std::os::unix::fs::symlink(w.path("target"), w.path("link")).unwrap();
    w.run(&["run", "--out", "link"]).expect(2, &["symbolic link"]);
}

#[test]
fn an_empty_or_new_out_is_written_and_a_previous_output_is_replaced() {
    let w = with_text("共3个。".as_bytes());
    std::fs::create_dir(w.path("empty")).unwrap();
    w.run(&["run", "--out", "empty"]).expect(0, &["wrote 16 files"]);
    w.run(&["run", "--out", "empty"]).expect(0, &["wrote 16 files"]);
    w.run(&["run", "--out", "fresh/nested"]).expect(0, &["wrote 16 files"]);
}

#[test]
fn an_empty_raw_directory_is_refused_unless_allowed() {
    let w = Workdir::empty();
    w.run(&["run"]).expect(2, &["raw: no texts", "--allow-empty"]);
    assert!(!w.path("output").exists());
    w.run(&["run", "--allow-empty"]).expect(0, &["0 documents"]);
}

#[test]
fn a_fifo_in_raw_is_refused_by_name_instead_of_hanging() {
    let w = with_text("共3个。".as_bytes());
    let fifo = w.path("raw/pipe.txt");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    w.run(&["run"]).expect(2, &["raw/pipe.txt", "named pipe (FIFO), not a regular file"]);
}

#[test]
fn a_directory_named_like_a_text_is_refused_by_name() {
    let w = with_text("共3个。".as_bytes());
    std::fs::create_dir(w.path("raw/folder.txt")).unwrap();
    w.run(&["run"]).expect(2, &["raw/folder.txt", "a directory, not a regular file"]);
}

#[test]
fn symbolic_links_are_followed_inside_raw_and_refused_when_they_leave_it_or_dangle() {
    let w = with_text("共3个。".as_bytes());
    std::os::unix::fs::symlink(w.path("raw/a.txt"), w.path("raw/b.txt")).unwrap();
    w.run(&["run"]).expect(0, &["2 documents"]);
    w.write("elsewhere/secret.txt", "共9个。");
    std::os::unix::fs::symlink(w.path("elsewhere/secret.txt"), w.path("raw/c.txt")).unwrap();
    w.run(&["run"]).expect(2, &["raw/c.txt", "leading out of its folder"]);
    std::fs::remove_file(w.path("raw/c.txt")).unwrap();
    std::os::unix::fs::symlink(w.path("nowhere.txt"), w.path("raw/d.txt")).unwrap();
    w.run(&["run"]).expect(2, &["raw/d.txt", "dangling symbolic link"]);
}

#[test]
fn a_period_running_backwards_is_refused() {
    let w = with_text("共3个。".as_bytes());
    w.write("raw/a.toml", SIDECAR.replace("start = 2017", "start = 2023"));
    w.run(&["run"]).expect(2, &["raw/a.toml:key period", "runs backwards: start 2023 is after end 2021"]);
}

#[test]
fn a_file_name_that_is_not_utf8_is_refused_with_its_bytes_shown() {
    use std::os::unix::ffi::OsStrExt;
    let w = with_text("共3个。".as_bytes());
    let name = std::ffi::OsStr::from_bytes(b"bad\xff.txt");
    std::fs::write(w.path("raw").join(name), "共3个。").unwrap();
    w.run(&["run"]).expect(2, &["not valid UTF-8", "\\xFF", "rename the file"]);
}

#[test]
fn the_binary_runs_outside_the_repository() {
    let w = with_text("共3个。".as_bytes());
    std::fs::remove_dir_all(w.path("schemas")).unwrap();
    w.run(&["run"]).expect(0, &["wrote 16 files"]);
    w.run(&["check"]).expect(0, &["compiled into this binary", "check passed"]);
}

#[test]
fn a_sidecar_nested_too_deeply_names_the_line_and_column_where_it_goes_too_deep() {
    let w = with_text("共3个。".as_bytes());
    w.write("raw/a.toml", format!("{SIDECAR}x = {}{}\n", "[".repeat(5000), "]".repeat(5000)));
    w.run(&["run"]).expect(2, &["raw/a.toml:11:85:", "recursion"]);
}

#[test]
fn a_30_mb_text_runs_in_under_30_bytes_of_memory_per_byte() {
    // The seed over and over: a dense text of the genre, one document of 30 MB.
    let seed = std::fs::read_to_string("raw/jiangxi-kejiting-2022-wunian-huigu.txt").unwrap();
    let text = seed.repeat(30_000_000 / seed.len() + 1);
    let w = Workdir::empty();
    w.write("raw/big.txt", &text);
    let r = util::Run::from(w.command(&["run"]).env("RUST_LOG", "info").output().unwrap());
    r.expect(0, &["wrote 16 files"]);
    let peak_mb: f64 = r.stderr.split("peak memory ").nth(1).and_then(|s| s.split(' ').next()).and_then(|n| n.parse().ok()).unwrap();
    let limit_mb = 30.0 * text.len() as f64 / (1 << 20) as f64;
    assert!(peak_mb <= limit_mb, "peak {peak_mb} MB for a {} MB text (limit {limit_mb:.0} MB)", text.len() >> 20);
}

#[test]
fn a_text_too_large_for_the_memory_is_refused_before_any_work() {
    let w = with_text("共3个。".repeat(20_000).as_bytes());
    w.run(&["run", "--memory-limit-mb", "5"]).expect(2, &["raw/a.txt:size", "needs about", "split the text"]);
    assert!(!w.path("output").exists());
    w.run(&["run", "--memory-limit-mb", "500"]).expect(0, &["wrote 16 files"]);
}
