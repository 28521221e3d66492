//! The README documents every output column: each table's section lists exactly the columns the
//! record type has, in order.

use figures::records::{CatalogEntry, Change, Document, Figure, IndicatorValue};
use figures::schemas::fields;

fn documented(readme: &str, table: &str) -> Vec<String> {
    let heading = format!("### `output/{table}.parquet`");
    let section = readme.split(&heading).nth(1).unwrap_or_else(|| panic!("README lacks {heading}"));
    section
        .lines()
        .skip_while(|l| !l.starts_with("| `"))
        .take_while(|l| l.starts_with("| `"))
        .map(|l| l.split('`').nth(1).unwrap_or_default().to_string())
        .collect()
}

#[test]
fn the_readme_lists_every_column_of_every_table() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let tables = [
        ("documents", fields::<Document>()),
        ("figures", fields::<Figure>()),
        ("changes", fields::<Change>()),
        ("indicators", fields::<IndicatorValue>()),
        ("indicators_catalog", fields::<CatalogEntry>()),
    ];
    for (table, cols) in tables {
        let names: Vec<String> = cols.into_iter().map(|f| f.name).collect();
        assert_eq!(documented(&readme, table), names, "README's {table} table is out of date");
    }
}
