//! Package: describes the written tables as a Frictionless Data Package (`datapackage.json`):
//! each file with its format, size and SHA-256, and each table's fields — types, descriptions
//! and allowed values taken from the record types' schemas, never written twice — with primary
//! keys and the foreign keys that tie figures to documents and sentences, and changes to figures.
//!
//! Pure: takes the other files' sizes and hashes, returns JSON.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::records::{CatalogEntry, Change, Document, Figure, IndicatorValue, Sentence};
use crate::schemas::{Field, FieldType, fields};

/// One output table: its name, fields and keys.
struct Table {
    name: &'static str,
    fields: Vec<Field>,
    primary_key: &'static [&'static str],
    /// (fields, referenced table, referenced fields)
    foreign_keys: &'static [(&'static [&'static str], &'static str, &'static [&'static str])],
}

fn tables() -> Vec<Table> {
    vec![
        Table { name: "documents", fields: fields::<Document>(), primary_key: &["id"], foreign_keys: &[] },
        Table {
            name: "figures",
            fields: fields::<Figure>(),
            primary_key: &["id"],
            foreign_keys: &[
                (&["document_id"], "documents", &["id"]),
                (&["document_id", "sentence_index"], "sentences", &["document_id", "index"]),
            ],
        },
        Table {
            name: "sentences",
            fields: fields::<Sentence>(),
            primary_key: &["document_id", "index"],
            foreign_keys: &[(&["document_id"], "documents", &["id"])],
        },
        Table {
            name: "changes",
            fields: fields::<Change>(),
            primary_key: &["id"],
            foreign_keys: &[
                (&["document_id"], "documents", &["id"]),
                (&["from_id"], "figures", &["id"]),
                (&["to_id"], "figures", &["id"]),
                (&["rate_id"], "figures", &["id"]),
                (&["indicator_id"], "indicators_catalog", &["id"]),
            ],
        },
        Table {
            name: "indicators",
            fields: fields::<IndicatorValue>(),
            primary_key: &["document_id", "region_code", "indicator_id", "year"],
            foreign_keys: &[
                (&["document_id"], "documents", &["id"]),
                (&["indicator_id"], "indicators_catalog", &["id"]),
                (&["source_figure_id"], "figures", &["id"]),
                (&["source_change_id"], "changes", &["id"]),
                (&["divisor_figure_id"], "figures", &["id"]),
            ],
        },
        Table { name: "indicators_catalog", fields: fields::<CatalogEntry>(), primary_key: &["id"], foreign_keys: &[] },
    ]
}

fn field_json(f: &Field) -> Value {
    let ty = match f.ty {
        FieldType::Text => "string",
        FieldType::Float => "number",
        FieldType::Bool => "boolean",
        FieldType::UInt32 | FieldType::UInt64 | FieldType::Int32 | FieldType::Int64 => "integer",
    };
    let mut constraints = serde_json::Map::new();
    if !f.nullable {
        constraints.insert("required".into(), json!(true));
    }
    if !f.values.is_empty() {
        constraints.insert("enum".into(), json!(f.values));
    }
    if matches!(f.ty, FieldType::UInt32 | FieldType::UInt64) {
        constraints.insert("minimum".into(), json!(0));
    }
    let mut field = json!({ "name": f.name, "type": ty, "description": f.description });
    if !constraints.is_empty() {
        field["constraints"] = Value::Object(constraints);
    }
    field
}

/// A written file's size in bytes and its SHA-256 in hex.
pub type Digest = (u64, String);

/// The Data Package v2 profile the package declares.
const PROFILE: &str = "https://datapackage.org/profiles/2.0/datapackage.json";

/// The data package for `files` (name → digest); tables whose JSON file (`.json` or `.jsonl`) is
/// missing are left out.
///
/// Each table is two `"type": "table"` resources whose rows Frictionless checks against the
/// schema — types, required fields, enums, the primary key and, on the JSON, the foreign keys:
/// `<table>` (the JSON) and `<table>_parquet` (the same rows). Sizes and hashes go in `x-bytes`
/// and `x-hash`, since Frictionless cannot count the bytes of a table it parses as JSON.
/// pandas, which Frictionless reads Parquet with, turns a null integer into NaN, so the Parquet
/// twins declare `nan` a missing value (no figure is ever NaN: JSON cannot hold one). An empty
/// string is a value, not a missing one (a change whose subject the text leaves unsaid has "").
pub fn datapackage(files: &BTreeMap<String, Digest>) -> Value {
    let mut resources = Vec::new();
    for t in tables() {
        let fields: Vec<Value> = t.fields.iter().map(field_json).collect();
        let foreign_keys: Vec<Value> = t
            .foreign_keys
            .iter()
            .map(|(field, table, key)| json!({ "fields": field, "reference": { "resource": table, "fields": key } }))
            .collect();
        // A run writes a table's JSON as an array (`.json`) or as JSON Lines (`.jsonl`).
        let json = [("json", "application/json"), ("jsonl", "application/jsonl")]
            .into_iter()
            .find_map(|(format, mediatype)| files.get(&format!("{}.{format}", t.name)).map(|d| (format, mediatype, d)));
        let Some((format, mediatype, (json_bytes, json_hash))) = json else { continue };
        resources.push(json!({
            "name": t.name,
            "type": "table",
            "path": format!("{}.{format}", t.name),
            "format": format,
            "mediatype": mediatype,
            "encoding": "utf-8",
            "x-bytes": json_bytes,
            "x-hash": format!("sha256:{json_hash}"),
            "schema": { "fields": fields, "primaryKey": t.primary_key, "foreignKeys": foreign_keys, "missingValues": [] },
        }));
        if let Some((bytes, hash)) = files.get(&format!("{}.parquet", t.name)) {
            resources.push(json!({
                "name": format!("{}_parquet", t.name),
                "type": "table",
                "path": format!("{}.parquet", t.name),
                "format": "parquet",
                "mediatype": "application/vnd.apache.parquet",
                "x-bytes": bytes,
                "x-hash": format!("sha256:{hash}"),
                "schema": { "fields": fields, "primaryKey": t.primary_key, "missingValues": ["nan"] },
            }));
        }
    }
    json!({
        "$schema": PROFILE,
        "name": "figures",
        "title": "Figures from Chinese science-and-technology reports",
        "description": "Every figure the report texts in raw/ state, with exact spans, values, units, qualifiers and bounds; the changes they describe with derived measures; and indicator values by region and year. Generated by `figures run`.",
        "licenses": [{ "name": "other-open", "title": "Derived from public government reports; see each document's publisher" }],
        "resources": resources,
    })
}
