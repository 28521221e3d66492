//! The README documents every output column: each table's section holds a table generated from the
//! record type — the column, the Arrow type its Parquet column is read as, whether it can be null,
//! and the field's doc comment — so it cannot drift from the types (or from the committed schemas,
//! which a test keeps equal to the types). `tests/loaders.py` checks the written Parquet files
//! against these tables with every reader.
//!
//! When the tables are stale, `UPDATE_EXPECT=1 cargo test --test docs` rewrites them.

use figures::records::{CatalogEntry, Change, Document, Figure, IndicatorValue, Sentence};
use figures::schemas::{Field, fields};

const HEADER: &str = "| column | Arrow type | nullable | description |\n|---|---|---|---|\n";

/// The README table of one record type's columns.
fn table(fields: &[Field]) -> String {
    let rows = fields.iter().map(|f| {
        // A doc comment's line breaks would end the table row.
        let mut description = f.description.split_whitespace().collect::<Vec<_>>().join(" ");
        if !f.values.is_empty() {
            let values: Vec<String> = f.values.iter().map(|v| format!("`{v}`")).collect();
            description += &format!(" One of: {}.", values.join(", "));
        }
        let nullable = if f.nullable { "yes" } else { "no" };
        format!("| `{}` | `{}` | {nullable} | {} |\n", f.name, f.ty.arrow_name(), description.replace('|', "\\|"))
    });
    HEADER.to_string() + &rows.collect::<String>()
}

/// `readme` with the table under `### `output/<name>.parquet`` replaced by `table`.
fn with_table(readme: &str, name: &str, table: &str) -> String {
    let heading = format!("### `output/{name}.parquet`");
    let at = readme.find(&heading).unwrap_or_else(|| panic!("README lacks {heading}"));
    let start = at + readme[at..].find("\n|").unwrap_or_else(|| panic!("README's {heading} has no table")) + 1;
    let end = readme[start..].find("\n\n").map_or(readme.len(), |n| start + n + 1);
    format!("{}{table}{}", &readme[..start], &readme[end..])
}

#[test]
fn the_readme_column_tables_are_generated_from_the_record_types() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let tables = [
        ("documents", fields::<Document>()),
        ("figures", fields::<Figure>()),
        ("sentences", fields::<Sentence>()),
        ("changes", fields::<Change>()),
        ("indicators", fields::<IndicatorValue>()),
        ("indicators_catalog", fields::<CatalogEntry>()),
    ];
    let expected = tables.iter().fold(readme.clone(), |text, (name, cols)| with_table(&text, name, &table(cols)));
    if expected == readme {
        return;
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write("README.md", &expected).unwrap();
        return;
    }
    let stale = readme.lines().zip(expected.lines()).find(|(a, b)| a != b);
    panic!(
        "README's column tables are stale (first difference: {stale:?}): run `UPDATE_EXPECT=1 cargo test --test docs` and commit README.md"
    );
}
