//! Reads an indicator catalog for Python callers, with the CLI's checks and the CLI's messages:
//! TOML syntax (line:column), the catalog schema (the key, and how many more errors), and aliases
//! claimed by two indicators. The schema is generated from the same type the committed
//! `schemas/catalog.schema.json` is generated from.
//!
//! The reading mirrors the pipeline's `inputs::read_toml` and `read_catalog`, which the wheel
//! cannot depend on (they live beside Polars); `python/tests/test_extract.py` holds the two to the
//! same messages on every kind of bad catalog. Sharing one parser would mean a pure
//! `Catalog::parse(toml_text)` in the extractor crate, with `toml` and `jsonschema` as its
//! dependencies.
//!
//! One difference, on purpose: a missing file is an error here, where the CLI reads an empty
//! catalog and warns, because a library call with a mistyped path should not quietly name nothing.

use std::path::Path;

use figures_extract::catalog::Catalog;
use pyo3::PyErr;
use pyo3::exceptions::PyFileNotFoundError;

use crate::CatalogError;

/// `path:location: message` and the hint, as the CLI's `Error::Input` prints it.
fn input_error(path: &Path, location: impl std::fmt::Display, message: impl std::fmt::Display, hint: &str) -> PyErr {
    CatalogError::new_err(format!("{}:{location}: {message}\n  hint: {hint}", path.display()))
}

/// Line and column (1-based, in chars) of byte offset `at` in `text`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

pub fn load(path: &Path) -> Result<Catalog, PyErr> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(format!("{}: no such catalog file", path.display())),
        _ => CatalogError::new_err(format!("{}: reading: {e}\n  hint: check the file's permissions", path.display())),
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|e| input_error(path, format!("byte {}", e.utf8_error().valid_up_to()), "not valid UTF-8", "save the file as UTF-8"))?;
    let value: toml::Value = toml::from_str(&text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_column(&text, s.start));
        input_error(path, format!("{line}:{column}"), format!("TOML syntax error: {}", e.message()), "fix the syntax (see https://toml.io)")
    })?;
    let json = serde_json::to_value(&value).map_err(|e| input_error(path, "1:1", e, "use only TOML types that JSON has"))?;
    let schema = schemars::schema_for!(Catalog).to_value();
    let validator =
        jsonschema::validator_for(&schema).map_err(|e| CatalogError::new_err(format!("the catalog schema is not valid: {e}")))?;
    let errors: Vec<(String, String)> = validator.iter_errors(&json).map(|e| (e.instance_path().to_string(), e.to_string())).collect();
    if let Some((pointer, message)) = errors.first() {
        let key = if pointer.is_empty() { "(top level)".to_string() } else { pointer.trim_start_matches('/').replace('/', ".") };
        let more = if errors.len() > 1 { format!(" (and {} more)", errors.len() - 1) } else { String::new() };
        return Err(input_error(
            path,
            format!("key {key}"),
            format!("{message}{more}"),
            "see the schema in schemas/ for the expected keys and types",
        ));
    }
    let catalog: Catalog = serde_json::from_value(json).map_err(|e| input_error(path, "1:1", e, "see the schema in schemas/"))?;
    if let Some((alias, ids)) = catalog.duplicate_aliases().into_iter().next() {
        return Err(input_error(
            path,
            format!("alias \"{alias}\""),
            format!("the alias is claimed by more than one indicator: {}", ids.join(", ")),
            "give each alias to one indicator only",
        ));
    }
    Ok(catalog)
}
