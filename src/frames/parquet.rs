//! Parquet: encodes a table of records as Parquet bytes, with columns in the record's field order
//! and column types read from the record's JSON Schema ([`crate::schemas::fields`]) — the same
//! contract the JSON follows.
//!
//! Deterministic: fixed compression, no timestamps, rows in the order given (the caller sorts).

use polars::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::schemas::{FieldType, fields};

fn column(name: &str, ty: FieldType, rows: &[Value]) -> Column {
    let cells = rows.iter().map(|r| r.get(name).filter(|v| !v.is_null()));
    let name: PlSmallStr = name.into();
    match ty {
        FieldType::Text => {
            Column::new(name, cells.map(|v| v.map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))).collect::<Vec<_>>())
        }
        FieldType::Float => Column::new(name, cells.map(|v| v.and_then(Value::as_f64)).collect::<Vec<_>>()),
        FieldType::Bool => Column::new(name, cells.map(|v| v.and_then(Value::as_bool)).collect::<Vec<_>>()),
        FieldType::UInt32 => {
            Column::new(name, cells.map(|v| v.and_then(Value::as_u64).and_then(|x| u32::try_from(x).ok())).collect::<Vec<_>>())
        }
        FieldType::UInt64 => Column::new(name, cells.map(|v| v.and_then(Value::as_u64)).collect::<Vec<_>>()),
        FieldType::Int32 => {
            Column::new(name, cells.map(|v| v.and_then(Value::as_i64).and_then(|x| i32::try_from(x).ok())).collect::<Vec<_>>())
        }
        FieldType::Int64 => Column::new(name, cells.map(|v| v.and_then(Value::as_i64)).collect::<Vec<_>>()),
    }
}

/// Encodes `records` as Parquet: one column per schema field, in field order.
pub fn encode<T: Serialize + JsonSchema>(records: &[T]) -> PolarsResult<Vec<u8>> {
    let rows: Vec<Value> = records.iter().map(|r| serde_json::to_value(r).unwrap_or(Value::Null)).collect();
    let columns: Vec<Column> = fields::<T>().iter().map(|f| column(&f.name, f.ty, &rows)).collect();
    let mut df = DataFrame::new(records.len(), columns)?;
    let mut bytes = Vec::new();
    ParquetWriter::new(&mut bytes)
        .with_compression(ParquetCompression::Zstd(None))
        .with_statistics(StatisticsOptions::full())
        .finish(&mut df)?;
    Ok(bytes)
}
