//! The committed outputs for people and other programs: the data package describes and hashes
//! every table, and the HTML report is self-contained and says what the data says.

use sha2::Digest;

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("output/{name}")).unwrap()
}

fn package() -> serde_json::Value {
    serde_json::from_slice(&read("datapackage.json")).unwrap()
}

fn sha256(bytes: &[u8]) -> String {
    format!("sha256:{}", sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect::<String>())
}

#[test]
fn the_data_package_hashes_every_table_file() {
    let p = package();
    assert_eq!(p["$schema"], "https://datapackage.org/profiles/2.0/datapackage.json");
    let resources = p["resources"].as_array().unwrap();
    assert_eq!(resources.len(), 12, "six tables, each as JSON and as Parquet");
    for r in resources {
        assert_eq!(r["type"], "table");
        let bytes = read(r["path"].as_str().unwrap());
        assert_eq!(r["x-bytes"], bytes.len(), "{}", r["path"]);
        assert_eq!(r["x-hash"], sha256(&bytes), "{}", r["path"]);
    }
}

#[test]
fn the_data_package_declares_keys_between_tables() {
    let p = package();
    let changes = p["resources"].as_array().unwrap().iter().find(|r| r["name"] == "changes").unwrap();
    assert_eq!(changes["schema"]["primaryKey"], serde_json::json!(["id"]));
    let keys: Vec<String> = changes["schema"]["foreignKeys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| format!("{}→{}", k["fields"][0], k["reference"]["resource"]))
        .collect();
    assert_eq!(
        keys,
        [
            "\"document_id\"→\"documents\"",
            "\"from_id\"→\"figures\"",
            "\"to_id\"→\"figures\"",
            "\"rate_id\"→\"figures\"",
            "\"indicator_id\"→\"indicators_catalog\""
        ]
    );
    let figures = p["resources"].as_array().unwrap().iter().find(|r| r["name"] == "figures").unwrap();
    assert_eq!(
        figures["schema"]["foreignKeys"][1],
        serde_json::json!({ "fields": ["document_id", "sentence_index"], "reference": { "resource": "sentences", "fields": ["document_id", "index"] } })
    );
}

#[test]
fn the_data_package_field_docs_come_from_the_record_types() {
    let p = package();
    let figures = p["resources"].as_array().unwrap().iter().find(|r| r["name"] == "figures").unwrap();
    let start = figures["schema"]["fields"].as_array().unwrap().iter().find(|f| f["name"] == "start").unwrap();
    assert_eq!(start["description"], "Char (Unicode scalar) offset of the first character, into the decoded document text.");
    assert_eq!(start["type"], "integer");
}

fn report() -> String {
    String::from_utf8(read("report.html")).unwrap()
}

#[test]
fn the_report_is_self_contained() {
    let r = report();
    // One inline script (the filter box); nothing loaded from elsewhere.
    assert_eq!(r.matches("<script").count(), 1, "one inline script");
    assert!(!r.contains("<script src"), "no external scripts");
    assert!(!r.contains("http://") && !r.contains("https://"), "no external resources");
    assert!(!r.contains("src="), "no external images");
}

#[test]
fn the_report_shows_each_change_with_its_interval_chart_and_sentence() {
    let r = report();
    assert!(r.contains("Gross expenditure on R&amp;D"));
    assert!(r.contains("<mark>250余亿元</mark>") && r.contains("<mark>500余亿元</mark>"));
    assert!(r.contains("compound annual growth over 4 years: <b>18.92%</b>"), "the CAGR with its interval");
    assert!(r.contains("(17.76% to 24.47%)"));
    assert_eq!(r.matches("<svg").count(), r.matches("<article class=\"change\">").count(), "one chart per change");
}

#[test]
fn the_report_lists_every_validation_check() {
    let r = report();
    let v: serde_json::Value = serde_json::from_slice(&read("validation.json")).unwrap();
    for c in v["checks"].as_array().unwrap() {
        assert!(r.contains(&format!("<td>{}</td><td>{}</td>", c["check"].as_str().unwrap(), c["table"].as_str().unwrap())), "{c}");
    }
}
