//! Parquet: encodes tables of records as Parquet, with columns in the record's field order and
//! column types read from the record's JSON Schema ([`crate::schemas::fields`]) — the same
//! contract the JSON follows. A [`TableWriter`] takes the rows a batch at a time and writes a row
//! group whenever [`ROW_GROUP_ROWS`] have gathered, so a run streams its records to disk instead of
//! holding the table, and the writer's per-row-group metadata (kept until the footer) grows with
//! the table's rows ÷ 131,072, not with the number of batches.
//!
//! A field the record always has is written as a REQUIRED column, so every reader sees it as
//! non-nullable; an optional field is an OPTIONAL column. Polars' own writer marks every column
//! optional, so the file is written with the Parquet writer Polars uses underneath, given an Arrow
//! schema that says which columns are required. A null in a required column is an error, never a
//! file whose schema lies.
//!
//! Deterministic: fixed compression, no timestamps, rows in the order given (the caller sorts).

use std::io::Write;

use polars::io::parquet::write::get_encodings;
use polars::prelude::*;
use polars_parquet::write::{
    CompressionOptions, FileWriter, KeyValue, StatisticsOptions, Version, WriteOptions, row_group_iter, schema_to_metadata_key,
};
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
    let columns: Vec<Column> = fields.iter().zip(&cells).map(|(f, c)| column(&f.name, f.ty, c)).collect();
    // Validation has checked every record against its schema, so this is a bug's last stop: the
    // Parquet encoder would otherwise write a required column's nulls as made-up values.
    if let Some(f) = fields.iter().zip(&columns).find_map(|(f, c)| (!f.nullable && c.has_nulls()).then_some(f)) {
        polars_bail!(SchemaMismatch: "column `{}` is required but a row has no value for it", f.name);
    }
    DataFrame::new(rows.len(), columns)
}

/// The file metadata key under which each column's description (from the record's doc comments)
/// is stored, as a JSON object from column name to text: readers show the file's own docs.
pub const DESCRIPTIONS_KEY: &str = "figures.column_descriptions";

/// Rows gathered before a row group is written: large enough for readers to skip groups by their
/// statistics, small enough that encoding one stays a small part of a run's peak memory (the
/// widest table, figures, holds its sentence in every row).
pub const ROW_GROUP_ROWS: usize = 1 << 16;

/// One Parquet file of records of one type.
pub struct TableWriter<W: Write> {
    fields: Vec<Field>,
    writer: FileWriter<W>,
    /// Rows not yet written, as a frame.
    pending: Option<DataFrame>,
}

impl<W: Write> TableWriter<W> {
    /// A writer for records of type `T` (their serialised rows are passed to `write`).
    pub fn new<T: JsonSchema>(w: W) -> PolarsResult<TableWriter<W>> {
        let fields = fields::<T>();
        // The column types Polars gives the record's columns, marked nullable only where the
        // record's field is.
        let schema: ArrowSchema = frame(&fields, &[])?
            .schema()
            .iter_fields()
            .zip(&fields)
            .map(|(column, field)| ArrowField { is_nullable: field.nullable, ..column.to_arrow(CompatLevel::newest()) })
            .collect();
        let options = WriteOptions {
            statistics: StatisticsOptions::default(),
            compression: CompressionOptions::Zstd(None),
            version: Version::V1,
            data_page_size: None,
        };
        Ok(TableWriter { fields, writer: FileWriter::try_new(w, schema, options)?, pending: None })
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
            for batch in pending.iter_chunks(CompatLevel::newest(), false) {
                let rows = batch.len() as u64;
                let columns = self.writer.parquet_schema().fields().to_vec();
                let group = row_group_iter(batch, get_encodings(self.writer.schema()), columns, self.writer.options());
                self.writer.write(rows, group)?;
            }
        }
        Ok(())
    }

    /// Writes the pending rows and the footer: the Arrow schema (so Arrow readers get the exact
    /// types back) and the column descriptions.
    pub fn finish(mut self) -> PolarsResult<()> {
        self.flush()?;
        let described: serde_json::Map<String, Value> =
            self.fields.iter().map(|f| (f.name.clone(), Value::from(f.description.clone()))).collect();
        let metadata = vec![
            schema_to_metadata_key(self.writer.schema()),
            KeyValue { key: DESCRIPTIONS_KEY.into(), value: Some(Value::Object(described).to_string()) },
        ];
        self.writer.end(Some(metadata)).map(drop)
    }
}

#[cfg(test)]
mod tests {
    use polars_parquet::parquet::schema::Repetition;
    use polars_parquet::read::{FileMetadata, read_metadata};

    use super::*;
    use crate::records::Document;

    fn metadata(bytes: Vec<u8>) -> FileMetadata {
        read_metadata(&mut std::io::Cursor::new(bytes)).unwrap()
    }

    fn row(period_start: Option<i32>) -> Value {
        let document = Document {
            id: "d".into(),
            file: "d.txt".into(),
            title: "t".into(),
            publisher: "p".into(),
            region: "江西省".into(),
            region_code: "CN-JX".into(),
            language: "zh-Hans".into(),
            period_start,
            period_end: None,
            period_note: None,
            encoding: "utf-8".into(),
            sha256: "0".repeat(64),
            chars: 1,
            bytes: 3,
            figure_count: 0,
            change_count: 0,
        };
        serde_json::to_value(document).unwrap()
    }

    fn written(batches: &[usize]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut w = TableWriter::new::<Document>(&mut out).unwrap();
        for &n in batches {
            w.write(&vec![row(Some(2020)); n]).unwrap();
        }
        w.finish().unwrap();
        out
    }

    #[test]
    fn small_batches_gather_into_one_row_group() {
        assert_eq!(metadata(written(&[3, 4, 5])).row_groups.len(), 1);
    }

    #[test]
    fn a_row_group_is_written_once_enough_rows_have_gathered() {
        assert_eq!(metadata(written(&[ROW_GROUP_ROWS - 1, 1, 2, ROW_GROUP_ROWS])).row_groups.len(), 2);
    }

    #[test]
    fn only_the_optional_fields_are_optional_columns() {
        let optional: Vec<String> = metadata(written(&[1]))
            .schema()
            .fields()
            .iter()
            .filter(|t| t.get_field_info().repetition != Repetition::Required)
            .map(|t| t.name().to_string())
            .collect();
        assert_eq!(optional, ["period_start", "period_end", "period_note"]);
    }

    #[test]
    fn a_null_in_an_optional_column_reads_back_as_null() {
        let mut out = Vec::new();
        let mut w = TableWriter::new::<Document>(&mut out).unwrap();
        w.write(&[row(Some(2020)), row(None)]).unwrap();
        w.finish().unwrap();
        let frame = ParquetReader::new(std::io::Cursor::new(out)).finish().unwrap();
        let years: Vec<Option<i32>> = frame.column("period_start").unwrap().i32().unwrap().iter().collect();
        assert_eq!(years, [Some(2020), None]);
    }

    #[test]
    fn a_row_missing_a_required_field_is_an_error() {
        let mut incomplete = row(None);
        incomplete.as_object_mut().unwrap().remove("sha256");
        let mut w = TableWriter::new::<Document>(Vec::new()).unwrap();
        let error = w.write(&[row(None), incomplete]).unwrap_err();
        assert!(error.to_string().contains("column `sha256` is required"), "{error}");
    }
}
