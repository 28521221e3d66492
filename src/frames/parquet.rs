//! Parquet: encodes tables of records as Parquet, with columns in the record's field order and
//! column types read from the record's JSON Schema ([`crate::schemas::fields`]) — the same
//! contract the JSON follows. A [`TableWriter`] takes the rows a batch at a time and writes a row
//! group whenever [`ROW_GROUP_ROWS`] have gathered, so a run streams its records to disk instead of
//! holding the table, and the writer's per-row-group metadata (kept until the footer) grows with
//! the table's rows ÷ 131,072, not with the number of batches.
//!
//! Deterministic: fixed compression, no timestamps, rows in the order given (the caller sorts).

use std::io::Write;

use polars::prelude::*;
use schemars::JsonSchema;
use serde_json::Value;

use crate::schemas::{Field, FieldType, fields};

fn column(name: &str, ty: FieldType, cells: &[Option<&Value>]) -> Column {
    let cells = cells.iter().map(|v| v.filter(|v| !v.is_null()));
    let name: PlSmallStr = name.into();
    match ty {
        FieldType::Text if cells.clone().flatten().all(Value::is_string) => {
            Column::new(name, cells.map(|v| v.and_then(Value::as_str)).collect::<Vec<_>>())
        }
        FieldType::Text => {
            Column::new(name, cells.map(|v| v.map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))).collect::<Vec<_>>())
        }
        FieldType::Float => Column::new(name, cells.map(|v| v.and_then(Value::as_f64)).collect::<Vec<_>>()),
        FieldType::Bool => Column::new(name, cells.map(|v| v.and_then(Value::as_bool)).collect::<Vec<_>>()),
        // Counts and offsets are stored signed: Spark reads unsigned 64-bit Parquet as
        // decimal(20,0) and some readers reject unsigned types; no value comes near 2^31 or 2^63.
        FieldType::UInt32 | FieldType::Int32 => {
            Column::new(name, cells.map(|v| v.and_then(Value::as_i64).and_then(|x| i32::try_from(x).ok())).collect::<Vec<_>>())
        }
        FieldType::UInt64 | FieldType::Int64 => Column::new(name, cells.map(|v| v.and_then(Value::as_i64)).collect::<Vec<_>>()),
    }
}

/// The rows' cells, column by column. A serialised record lists its fields in schema order, so
/// each row is walked beside the fields instead of looking every cell up by name; a field the
/// row skips is a null, and a key out of order falls back to a lookup.
fn cells<'a>(fields: &[Field], rows: &'a [Value]) -> Vec<Vec<Option<&'a Value>>> {
    let mut columns: Vec<Vec<Option<&Value>>> = fields.iter().map(|_| Vec::with_capacity(rows.len())).collect();
    for row in rows {
        let Some(map) = row.as_object() else {
            columns.iter_mut().for_each(|c| c.push(None));
            continue;
        };
        let mut entries = map.iter().peekable();
        for (field, column) in fields.iter().zip(&mut columns) {
            let cell = match entries.peek() {
                Some((k, v)) if **k == field.name => {
                    let v = *v;
                    entries.next();
                    Some(v)
                }
                _ => map.get(&field.name),
            };
            column.push(cell);
        }
    }
    columns
}

fn frame(fields: &[Field], rows: &[Value]) -> PolarsResult<DataFrame> {
    let cells = cells(fields, rows);
    DataFrame::new(rows.len(), fields.iter().zip(&cells).map(|(f, c)| column(&f.name, f.ty, c)).collect())
}

/// The file metadata key under which each column's description (from the record's doc comments)
/// is stored, as a JSON object from column name to text: readers show the file's own docs.
pub const DESCRIPTIONS_KEY: &str = "figures.column_descriptions";

/// Rows gathered before a row group is written: large enough for readers to skip groups by their
/// statistics, small enough to hold (~20 MB of the widest table).
pub const ROW_GROUP_ROWS: usize = 1 << 17;

/// One Parquet file of records of one type.
pub struct TableWriter<W: Write> {
    fields: Vec<Field>,
    writer: polars::io::parquet::write::BatchedWriter<W>,
    /// Rows not yet written, as a frame.
    pending: Option<DataFrame>,
}

impl<W: Write> TableWriter<W> {
    /// A writer for records of type `T` (their serialised rows are passed to `write`).
    pub fn new<T: JsonSchema>(w: W) -> PolarsResult<TableWriter<W>> {
        let fields = fields::<T>();
        let schema = frame(&fields, &[])?.schema().as_ref().clone();
        let described: serde_json::Map<String, Value> =
            fields.iter().map(|f| (f.name.clone(), Value::from(f.description.clone()))).collect();
        let metadata = KeyValueMetadata::from_static(vec![(DESCRIPTIONS_KEY.into(), Value::Object(described).to_string())]);
        let writer = ParquetWriter::new(w)
            .with_key_value_metadata(Some(metadata))
            .with_compression(ParquetCompression::Zstd(None))
            .with_statistics(StatisticsOptions::default())
            .batched(&schema)?;
        Ok(TableWriter { fields, writer, pending: None })
    }

    /// Appends `rows` (records serialised with serde_json); writes a row group once
    /// [`ROW_GROUP_ROWS`] rows are pending.
    pub fn write(&mut self, rows: &[Value]) -> PolarsResult<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let df = frame(&self.fields, rows)?;
        match self.pending.as_mut() {
            Some(pending) => {
                pending.vstack_mut(&df)?;
            }
            None => self.pending = Some(df),
        }
        if self.pending.as_ref().is_some_and(|p| p.height() >= ROW_GROUP_ROWS) {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> PolarsResult<()> {
        if let Some(mut pending) = self.pending.take() {
            // One chunk, so that the pending rows become one row group.
            pending.rechunk_mut_par();
            self.writer.write_batch(&pending)?;
        }
        Ok(())
    }

    /// Writes the pending rows and the footer.
    pub fn finish(mut self) -> PolarsResult<()> {
        self.flush()?;
        self.writer.finish().map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::Document;

    fn row_groups(bytes: Vec<u8>) -> usize {
        ParquetReader::new(std::io::Cursor::new(bytes)).get_metadata().map(|m| m.row_groups.len()).unwrap_or(0)
    }

    fn written(batches: &[usize]) -> Vec<u8> {
        let row = serde_json::json!({ "id": "d", "file": "d.txt" });
        let mut out = Vec::new();
        let mut w = TableWriter::new::<Document>(&mut out).unwrap();
        for &n in batches {
            w.write(&vec![row.clone(); n]).unwrap();
        }
        w.finish().unwrap();
        out
    }

    #[test]
    fn small_batches_gather_into_one_row_group() {
        assert_eq!(row_groups(written(&[3, 4, 5])), 1);
    }

    #[test]
    fn a_row_group_is_written_once_enough_rows_have_gathered() {
        assert_eq!(row_groups(written(&[ROW_GROUP_ROWS - 1, 1, 2, ROW_GROUP_ROWS])), 2);
    }
}
