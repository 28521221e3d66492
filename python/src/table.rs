//! The figures table in Arrow: one column per field of [`Figure`], in the record's order and with
//! the types of the CLI's `figures.parquet` (strings as `string_view`, offsets `int64`,
//! `sentence_index` `int32`: signed, as every reader types them), nullable exactly where the
//! record schema allows null.
//!
//! Every column comes from the extractor; the CLI's figures table has no column that needs a
//! sidecar or derivation, so none is left out. `python/tests/test_arrow.py` compares this schema
//! with `schemas/figure.schema.json` and with the CLI's Parquet file.

use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Float64Builder, Int32Builder, Int64Builder, StringViewBuilder};
use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use figures_extract::records::{Figure, wire_name};
use serde::Serialize;

/// (name, type, nullable) of every column, in [`Figure`]'s field order.
const COLUMNS: [(&str, DataType, bool); 27] = [
    ("id", DataType::Utf8View, false),
    ("document_id", DataType::Utf8View, false),
    ("start", DataType::Int64, false),
    ("end", DataType::Int64, false),
    ("byte_start", DataType::Int64, false),
    ("byte_end", DataType::Int64, false),
    ("text", DataType::Utf8View, false),
    ("value", DataType::Float64, false),
    ("value_exact", DataType::Utf8View, false),
    ("unit", DataType::Utf8View, false),
    ("kind", DataType::Utf8View, false),
    ("measure_word", DataType::Utf8View, true),
    ("unit_text", DataType::Utf8View, true),
    ("qualifier", DataType::Utf8View, true),
    ("projected", DataType::Boolean, false),
    ("role", DataType::Utf8View, false),
    ("lower", DataType::Float64, true),
    ("upper", DataType::Float64, true),
    ("sentence_index", DataType::Int32, false),
    ("item", DataType::Utf8View, true),
    ("ranked", DataType::Utf8View, true),
    ("share_of", DataType::Utf8View, true),
    ("indicator_id", DataType::Utf8View, true),
    ("period", DataType::Utf8View, true),
    ("period_basis", DataType::Utf8View, true),
    ("period_words", DataType::Utf8View, true),
    ("region", DataType::Utf8View, true),
];

pub fn schema() -> SchemaRef {
    Arc::new(Schema::new(COLUMNS.iter().map(|(n, t, null)| Field::new(*n, t.clone(), *null)).collect::<Vec<_>>()))
}

/// The wire names of an enum's values (`Unit::Cny` → `CNY`), computed once per value met.
struct Names<T>(Vec<(T, String)>);

impl<T> Default for Names<T> {
    fn default() -> Self {
        Names(Vec::new())
    }
}

impl<T: Copy + PartialEq + Serialize> Names<T> {
    fn of(&mut self, v: T) -> &str {
        let i = match self.0.iter().position(|(k, _)| *k == v) {
            Some(i) => i,
            None => {
                self.0.push((v, wire_name(&v)));
                self.0.len() - 1
            }
        };
        &self.0[i].1
    }
}

/// Column builders for a group of texts' figures; [`FigureColumns::finish`] makes one batch.
#[derive(Default)]
pub struct FigureColumns {
    id: StringViewBuilder,
    document_id: StringViewBuilder,
    start: Int64Builder,
    end: Int64Builder,
    byte_start: Int64Builder,
    byte_end: Int64Builder,
    text: StringViewBuilder,
    value: Float64Builder,
    value_exact: StringViewBuilder,
    unit: StringViewBuilder,
    kind: StringViewBuilder,
    measure_word: StringViewBuilder,
    unit_text: StringViewBuilder,
    qualifier: StringViewBuilder,
    projected: BooleanBuilder,
    role: StringViewBuilder,
    lower: Float64Builder,
    upper: Float64Builder,
    sentence_index: Int32Builder,
    item: StringViewBuilder,
    ranked: StringViewBuilder,
    share_of: StringViewBuilder,
    indicator_id: StringViewBuilder,
    period: StringViewBuilder,
    period_basis: StringViewBuilder,
    period_words: StringViewBuilder,
    region: StringViewBuilder,
    units: Names<figures_extract::records::Unit>,
    kinds: Names<figures_extract::records::Kind>,
    qualifiers: Names<figures_extract::records::Qualifier>,
    roles: Names<figures_extract::records::Role>,
    bases: Names<figures_extract::records::PeriodBasis>,
}

impl FigureColumns {
    /// Builders sized for `rows` figures, so that no column grows (and copies itself) as it fills.
    pub fn with_capacity(rows: usize) -> FigureColumns {
        FigureColumns {
            id: StringViewBuilder::with_capacity(rows),
            document_id: StringViewBuilder::with_capacity(rows),
            start: Int64Builder::with_capacity(rows),
            end: Int64Builder::with_capacity(rows),
            byte_start: Int64Builder::with_capacity(rows),
            byte_end: Int64Builder::with_capacity(rows),
            text: StringViewBuilder::with_capacity(rows),
            value: Float64Builder::with_capacity(rows),
            value_exact: StringViewBuilder::with_capacity(rows),
            unit: StringViewBuilder::with_capacity(rows),
            kind: StringViewBuilder::with_capacity(rows),
            measure_word: StringViewBuilder::with_capacity(rows),
            unit_text: StringViewBuilder::with_capacity(rows),
            qualifier: StringViewBuilder::with_capacity(rows),
            projected: BooleanBuilder::with_capacity(rows),
            role: StringViewBuilder::with_capacity(rows),
            lower: Float64Builder::with_capacity(rows),
            upper: Float64Builder::with_capacity(rows),
            sentence_index: Int32Builder::with_capacity(rows),
            item: StringViewBuilder::with_capacity(rows),
            ranked: StringViewBuilder::with_capacity(rows),
            share_of: StringViewBuilder::with_capacity(rows),
            indicator_id: StringViewBuilder::with_capacity(rows),
            period: StringViewBuilder::with_capacity(rows),
            period_basis: StringViewBuilder::with_capacity(rows),
            period_words: StringViewBuilder::with_capacity(rows),
            region: StringViewBuilder::with_capacity(rows),
            ..FigureColumns::default()
        }
    }

    /// Appends one text's figures. The document id, the same in every row of a text, takes each
    /// run with one copy of its bytes that the run's views share.
    pub fn push_all(&mut self, figures: &[Figure]) -> Result<(), ArrowError> {
        for f in figures {
            self.push(f);
        }
        for run in figures.chunk_by(|a, b| a.document_id == b.document_id) {
            self.document_id.try_append_value_n(&run[0].document_id, run.len())?;
        }
        Ok(())
    }

    fn push(&mut self, f: &Figure) {
        self.id.append_value(&f.id);
        // Offsets and indices fit easily in the signed types (a text would need 2^63 chars).
        self.start.append_value(f.start as i64);
        self.end.append_value(f.end as i64);
        self.byte_start.append_value(f.byte_start as i64);
        self.byte_end.append_value(f.byte_end as i64);
        self.text.append_value(&f.text);
        self.value.append_value(f.value);
        self.value_exact.append_value(&f.value_exact);
        self.unit.append_value(self.units.of(f.unit));
        self.kind.append_value(self.kinds.of(f.kind));
        self.measure_word.append_option(f.measure_word.as_deref());
        self.unit_text.append_option(f.unit_text.as_deref());
        self.qualifier.append_option(f.qualifier.map(|q| self.qualifiers.of(q)));
        self.projected.append_value(f.projected);
        self.role.append_value(self.roles.of(f.role));
        self.lower.append_option(f.lower);
        self.upper.append_option(f.upper);
        self.sentence_index.append_value(f.sentence_index as i32);
        self.item.append_option(f.item.as_deref());
        self.ranked.append_option(f.ranked.as_deref());
        self.share_of.append_option(f.share_of.as_deref());
        self.indicator_id.append_option(f.indicator_id.as_deref());
        self.period.append_option(f.period.as_deref());
        self.period_basis.append_option(f.period_basis.map(|b| self.bases.of(b)));
        self.period_words.append_option(f.period_words.as_deref());
        self.region.append_option(f.region.as_deref());
    }

    pub fn finish(mut self) -> Result<RecordBatch, ArrowError> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.document_id.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.byte_start.finish()),
            Arc::new(self.byte_end.finish()),
            Arc::new(self.text.finish()),
            Arc::new(self.value.finish()),
            Arc::new(self.value_exact.finish()),
            Arc::new(self.unit.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.measure_word.finish()),
            Arc::new(self.unit_text.finish()),
            Arc::new(self.qualifier.finish()),
            Arc::new(self.projected.finish()),
            Arc::new(self.role.finish()),
            Arc::new(self.lower.finish()),
            Arc::new(self.upper.finish()),
            Arc::new(self.sentence_index.finish()),
            Arc::new(self.item.finish()),
            Arc::new(self.ranked.finish()),
            Arc::new(self.share_of.finish()),
            Arc::new(self.indicator_id.finish()),
            Arc::new(self.period.finish()),
            Arc::new(self.period_basis.finish()),
            Arc::new(self.period_words.finish()),
            Arc::new(self.region.finish()),
        ];
        RecordBatch::try_new(schema(), columns)
    }
}

/// Splits `docs` into contiguous groups of about equal text size, about four per thread so that
/// one long text does not leave the other threads idle, and none over 8 MiB so that a group's
/// records, held until its columns are built at their final size, stay small.
pub fn groups<'a, T>(docs: &'a [(T, &'a str)], threads: usize) -> Vec<&'a [(T, &'a str)]> {
    const MIN: usize = 64 << 10;
    const MAX: usize = 8 << 20;
    let total: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let target = (total / (threads.max(1) * 4)).clamp(MIN, MAX);
    let mut out = Vec::new();
    let (mut from, mut size) = (0, 0);
    for (i, (_, text)) in docs.iter().enumerate() {
        size += text.len();
        if size >= target {
            out.push(&docs[from..=i]);
            (from, size) = (i + 1, 0);
        }
    }
    if from < docs.len() {
        out.push(&docs[from..]);
    }
    out
}

pub fn is_string(t: &DataType) -> bool {
    matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
}

/// The values of an Arrow string array (any of the three layouts), null as `None`.
pub fn strings(a: &dyn Array) -> Vec<Option<&str>> {
    match a.data_type() {
        DataType::Utf8 => a.as_string::<i32>().iter().collect(),
        DataType::LargeUtf8 => a.as_string::<i64>().iter().collect(),
        DataType::Utf8View => a.as_string_view().iter().collect(),
        _ => Vec::new(),
    }
}
