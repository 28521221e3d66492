//! Records: the output contract. Every table the pipeline writes is a `Vec` of one struct here;
//! the extraction's own records (`Figure`, `Change`, their enums) are defined in
//! `figures_extract::records` and re-exported.
//!
//! The JSON Schemas in `schemas/` are generated from these types (`figures schemas`), and the
//! doc comments become the schemas' descriptions and the README's column docs. Nothing here
//! computes anything: stages build these values, the validator checks them, the writer writes them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use figures_extract::records::{
    Block, Change, Direction, Figure, Kind, Measures, PeriodBasis, Qualifier, Relation, Role, Sentence, Unit, wire_name,
};

/// What a document without a sidecar has for its publisher and region.
pub const UNKNOWN: &str = "unknown";

/// One source document with its metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// Stable id: the raw file's name without extension.
    pub id: String,
    /// The raw file's name under `raw/`.
    pub file: String,
    /// Title, from the sidecar.
    pub title: String,
    /// Publisher, from the sidecar.
    pub publisher: String,
    /// Region's Chinese name (江西省).
    pub region: String,
    /// ISO 3166-2 code of the region (CN-JX).
    pub region_code: String,
    /// BCP 47 language tag (zh-Hans).
    pub language: String,
    /// Year of the "before" values; null when the sidecar gives no period.
    pub period_start: Option<i32>,
    /// Year of the "after" values (and of single levels); null when the sidecar gives no period.
    pub period_end: Option<i32>,
    /// Why the period is what it is; null when there is none.
    pub period_note: Option<String>,
    /// The encoding the raw bytes were decoded from.
    pub encoding: String,
    /// SHA-256 of the raw file's bytes, lower-case hex.
    pub sha256: String,
    /// Length of the decoded text in chars.
    pub chars: u64,
    /// Length of the raw file in bytes.
    pub bytes: u64,
    /// Number of figures extracted.
    pub figure_count: u64,
    /// Number of changes extracted.
    pub change_count: u64,
}

/// Whether an indicator row was stated by the text or derived from stated figures.
///
/// - `stated`: The text states the value; `source_figure_id` names it.
/// - `derived`: Derived from stated values (an earlier level from a growth rate, GDP from R&D ÷ intensity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    Stated,
    Derived,
}

/// One indicator's value for one document, region and year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IndicatorValue {
    /// The document the value comes from.
    pub document_id: String,
    /// The region the value is about: the document's (ISO 3166-2, from its sidecar), or the one
    /// the text names for the figure (`CN` for the country, another province's code, a place
    /// below the province as `CN-SN/西安`).
    pub region_code: String,
    /// Catalog indicator id.
    pub indicator_id: String,
    /// English name from the catalog.
    pub name_en: String,
    /// Chinese name from the catalog.
    pub name_zh: String,
    /// The year the value refers to: the stated figure's period (from the text, else the sidecar).
    pub year: i32,
    /// The value, in `unit`.
    pub value: f64,
    /// Smallest value consistent with the text; null when unbounded.
    pub lower: Option<f64>,
    /// Largest value consistent with the text; null when unbounded.
    pub upper: Option<f64>,
    /// Unit of the value.
    pub unit: Unit,
    /// Stated or derived.
    pub provenance: Provenance,
    /// The figure that states the value (stated rows), or the R&D expenditure figure GDP is
    /// implied from; null for a level derived from a growth rate.
    pub source_figure_id: Option<String>,
    /// The growth statement an earlier level is derived from; null otherwise.
    pub source_change_id: Option<String>,
    /// For GDP implied by R&D expenditure ÷ R&D intensity, the intensity figure; null otherwise.
    pub divisor_figure_id: Option<String>,
}

/// One indicator of the catalog (`raw/catalog.toml`), as a row of `indicators_catalog`: what
/// `indicator_id` in changes and indicators joins to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CatalogEntry {
    /// Stable indicator id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// What the indicator's figures measure.
    pub kind: Kind,
    /// The unit its values are in.
    pub unit: Unit,
    /// One line saying what the indicator is.
    pub definition: String,
    /// The official statistical source that defines the indicator.
    pub source: String,
    /// The words by which texts name the indicator, separated by "、".
    pub aliases: String,
}
