//! Parquet: encodes a table of records as Parquet bytes, with columns in the record's field order
//! and column types read from the record's JSON Schema — the same contract the JSON follows.
//!
//! Deterministic: fixed compression, no timestamps, rows in the order given (the caller sorts).

use polars::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

/// The Arrow type of one property of a record schema.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ColumnType {
    Text,
    Float,
    Bool,
    UInt32,
    UInt64,
    Int32,
    Int64,
}

fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
        Some(name) => root.get("$defs").and_then(|d| d.get(name)).unwrap_or(schema),
        None => schema,
    }
}

fn column_type(root: &Value, prop: &Value) -> ColumnType {
    let prop = resolve(root, prop);
    if let Some(any) = prop.get("anyOf").and_then(Value::as_array)
        && let Some(inner) = any.iter().find(|s| s.get("type").and_then(Value::as_str) != Some("null"))
    {
        return column_type(root, inner);
    }
    let ty = match prop.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("string"),
        _ => "string",
    };
    match (ty, prop.get("format").and_then(Value::as_str)) {
        ("number", _) => ColumnType::Float,
        ("boolean", _) => ColumnType::Bool,
        ("integer", Some("uint32")) => ColumnType::UInt32,
        ("integer", Some("uint64")) => ColumnType::UInt64,
        ("integer", Some("int32")) => ColumnType::Int32,
        ("integer", _) => ColumnType::Int64,
        _ => ColumnType::Text,
    }
}

fn column(name: &str, ty: ColumnType, rows: &[Value]) -> Column {
    let cells = rows.iter().map(|r| r.get(name).filter(|v| !v.is_null()));
    let name: PlSmallStr = name.into();
    match ty {
        ColumnType::Text => {
            Column::new(name, cells.map(|v| v.map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))).collect::<Vec<_>>())
        }
        ColumnType::Float => Column::new(name, cells.map(|v| v.and_then(Value::as_f64)).collect::<Vec<_>>()),
        ColumnType::Bool => Column::new(name, cells.map(|v| v.and_then(Value::as_bool)).collect::<Vec<_>>()),
        ColumnType::UInt32 => {
            Column::new(name, cells.map(|v| v.and_then(Value::as_u64).and_then(|x| u32::try_from(x).ok())).collect::<Vec<_>>())
        }
        ColumnType::UInt64 => Column::new(name, cells.map(|v| v.and_then(Value::as_u64)).collect::<Vec<_>>()),
        ColumnType::Int32 => {
            Column::new(name, cells.map(|v| v.and_then(Value::as_i64).and_then(|x| i32::try_from(x).ok())).collect::<Vec<_>>())
        }
        ColumnType::Int64 => Column::new(name, cells.map(|v| v.and_then(Value::as_i64)).collect::<Vec<_>>()),
    }
}

/// Encodes `records` as Parquet: one column per schema property, in field order.
pub fn encode<T: Serialize + JsonSchema>(records: &[T]) -> PolarsResult<Vec<u8>> {
    let schema = schemars::schema_for!(T).to_value();
    let rows: Vec<Value> = records.iter().map(|r| serde_json::to_value(r).unwrap_or(Value::Null)).collect();
    let props = schema.get("properties").and_then(Value::as_object).cloned().unwrap_or_default();
    let columns: Vec<Column> = props.iter().map(|(name, prop)| column(name, column_type(&schema, prop), &rows)).collect();
    let mut df = DataFrame::new(records.len(), columns)?;
    let mut bytes = Vec::new();
    ParquetWriter::new(&mut bytes)
        .with_compression(ParquetCompression::Zstd(None))
        .with_statistics(StatisticsOptions::full())
        .finish(&mut df)?;
    Ok(bytes)
}

/// The column names and Arrow type names of a record table, for docs and loader checks.
pub fn columns<T: JsonSchema>() -> Vec<(String, &'static str)> {
    let schema = schemars::schema_for!(T).to_value();
    let props = schema.get("properties").and_then(Value::as_object).cloned().unwrap_or_default();
    props
        .iter()
        .map(|(name, prop)| {
            let ty = match column_type(&schema, prop) {
                ColumnType::Text => "string",
                ColumnType::Float => "float64",
                ColumnType::Bool => "bool",
                ColumnType::UInt32 => "uint32",
                ColumnType::UInt64 => "uint64",
                ColumnType::Int32 => "int32",
                ColumnType::Int64 => "int64",
            };
            (name.clone(), ty)
        })
        .collect()
}
