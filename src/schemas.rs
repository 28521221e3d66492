//! Schemas: generates the JSON Schemas of every record and input type from the Rust types, and
//! loads the committed schema files back as validators.
//!
//! The committed files in `schemas/` are what validation uses; [`generate`] is what they must
//! equal (`figures check` and a test compare the two). Schemas are never written by hand.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::findings::Finding;
use crate::inputs::Sidecar;
use crate::manifest::Entry;
use crate::records::{CatalogEntry, Change, Document, Figure, IndicatorValue, Sentence};
use crate::schema_check::{EMBEDDED, file_name};
use crate::validate::ValidationReport;

/// The storage type of one record field, read from its JSON Schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    Text,
    Float,
    Bool,
    UInt32,
    UInt64,
    Int32,
    Int64,
}

impl FieldType {
    /// The Arrow type its Parquet column is read back as, named as pyarrow prints it (the
    /// README's column tables): non-negative integers are stored signed, text as Polars writes it.
    pub fn arrow_name(self) -> &'static str {
        match self {
            FieldType::Text => "string_view",
            FieldType::Float => "double",
            FieldType::Bool => "bool",
            FieldType::UInt32 | FieldType::Int32 => "int32",
            FieldType::UInt64 | FieldType::Int64 => "int64",
        }
    }
}

/// One field of a record type, as the schema describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub ty: FieldType,
    /// Whether the column can hold a null: the record may leave the field out (it is not
    /// `required`) or its type admits null. Every other column is written non-nullable.
    pub nullable: bool,
    /// The field's doc comment (or its type's, for enums).
    pub description: String,
    /// The allowed values of an enum field.
    pub values: Vec<String>,
}

fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
        Some(name) => root.get("$defs").and_then(|d| d.get(name)).unwrap_or(schema),
        None => schema,
    }
}

/// The non-null alternative of an `anyOf [X, null]`, or the schema itself.
fn non_null<'a>(root: &'a Value, prop: &'a Value) -> (&'a Value, bool) {
    if let Some(any) = prop.get("anyOf").and_then(Value::as_array) {
        let nullable = any.iter().any(|s| s.get("type").and_then(Value::as_str) == Some("null"));
        if let Some(inner) = any.iter().find(|s| s.get("type").and_then(Value::as_str) != Some("null")) {
            return (resolve(root, inner), nullable);
        }
    }
    let nullable = prop.get("type").and_then(Value::as_array).is_some_and(|ts| ts.iter().any(|t| t == "null"));
    (resolve(root, prop), nullable)
}

/// The fields of record type `T`, in declaration order.
pub fn fields<T: schemars::JsonSchema>() -> Vec<Field> {
    let root = schemars::schema_for!(T).to_value();
    let Some(props) = root.get("properties").and_then(Value::as_object) else { return Vec::new() };
    let required = |name: &str| root.get("required").and_then(Value::as_array).is_some_and(|r| r.iter().any(|n| n == name));
    props
        .iter()
        .map(|(name, prop)| {
            let (p, admits_null) = non_null(&root, prop);
            let nullable = admits_null || !required(name);
            let ty = match p.get("type") {
                Some(Value::String(t)) => t.as_str(),
                Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("string"),
                _ => "string",
            };
            let ty = match (ty, p.get("format").and_then(Value::as_str)) {
                ("number", _) => FieldType::Float,
                ("boolean", _) => FieldType::Bool,
                ("integer", Some("uint32")) => FieldType::UInt32,
                ("integer", Some("uint64")) => FieldType::UInt64,
                ("integer", Some("int32")) => FieldType::Int32,
                ("integer", _) => FieldType::Int64,
                _ => FieldType::Text,
            };
            let doc = |v: &Value| v.get("description").and_then(Value::as_str).map(str::to_string);
            let description = doc(prop).or_else(|| doc(p)).unwrap_or_default();
            let values = p
                .get("enum")
                .and_then(Value::as_array)
                .map(|v| v.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
                .unwrap_or_default();
            Field { name: name.clone(), ty, nullable, description, values }
        })
        .collect()
}

/// The schemas, by file stem (`figure` → `schemas/figure.schema.json`).
pub fn generate() -> BTreeMap<&'static str, Value> {
    let mut out = BTreeMap::new();
    out.insert("document", schemars::schema_for!(Document).to_value());
    out.insert("figure", schemars::schema_for!(Figure).to_value());
    out.insert("sentence", schemars::schema_for!(Sentence).to_value());
    out.insert("change", schemars::schema_for!(Change).to_value());
    out.insert("indicator", schemars::schema_for!(IndicatorValue).to_value());
    out.insert("indicators_catalog", schemars::schema_for!(CatalogEntry).to_value());
    out.insert("finding", schemars::schema_for!(Finding).to_value());
    out.insert("sidecar", schemars::schema_for!(Sidecar).to_value());
    out.insert("catalog", schemars::schema_for!(Catalog).to_value());
    out.insert("validation", schemars::schema_for!(ValidationReport).to_value());
    out.insert("manifest", schemars::schema_for!(Entry).to_value());
    out
}

/// The text of a schema file as committed: pretty JSON with a final newline.
pub fn render(schema: &Value) -> String {
    let mut s = serde_json::to_string_pretty(schema).unwrap_or_default();
    s.push('\n');
    s
}

/// Writes every generated schema into `dir`.
pub fn write_all(dir: &Path) -> Result<Vec<String>> {
    std::fs::create_dir_all(dir).map_err(Error::io(dir, "creating the schema directory", "check the path and its permissions"))?;
    let mut written = Vec::new();
    for (stem, schema) in generate() {
        let path = dir.join(file_name(stem));
        std::fs::write(&path, render(&schema)).map_err(Error::io(&path, "writing a schema", "check the directory's permissions"))?;
        written.push(path.display().to_string());
    }
    Ok(written)
}

/// Schema files in `dir` that differ from the types, with a one-line reason each.
pub fn drift(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for (stem, schema) in generate() {
        let path = dir.join(file_name(stem));
        match std::fs::read_to_string(&path) {
            Ok(text) if text == render(&schema) => {}
            Ok(_) => out.push(format!("{}: differs from the Rust types; run `figures schemas` and commit", path.display())),
            Err(e) => out.push(format!("{}: cannot be read ({e}); run `figures schemas` and commit", path.display())),
        }
    }
    out
}

/// Embedded schemas that differ from the types: none, unless this binary was built from a tree
/// whose `schemas/` was stale.
pub fn drift_embedded() -> Vec<String> {
    let generated = generate();
    EMBEDDED
        .iter()
        .filter(|(stem, text)| generated.get(stem).is_none_or(|schema| render(schema) != *text))
        .map(|(stem, _)| format!("{} (compiled in): differs from the Rust types; run `figures schemas` and rebuild", file_name(stem)))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_schemas_compiled_into_the_binary_are_what_the_types_generate() {
        assert_eq!(super::drift_embedded(), Vec::<String>::new());
    }
}
