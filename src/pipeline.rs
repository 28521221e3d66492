//! Pipeline: runs the stages in order — raw inputs → documents → figures and changes → validated
//! → derived → encoded files — and logs one line per stage with counts and duration.
//!
//! It holds no logic of its own beyond ordering and bookkeeping; it reads nothing itself (the
//! caller passes [`RawInputs`]) and writes nothing (it returns the files' bytes).

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::document::Text;
use crate::error::{Error, Result};
use crate::extract::extract;
use crate::findings::{Finding, Severity};
use crate::frames::{derive, parquet};
use crate::inputs::RawInputs;
use crate::records::{Change, Document, Figure, IndicatorValue};
use crate::schemas::Checker;
use crate::validate::{self, CheckTally, Schemas, Tables};
use crate::{package, report};

/// `output/validation.json`: every check that ran and every finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ValidationReport {
    /// One row per check and table, with counts.
    pub checks: Vec<CheckTally>,
    /// Every finding, errors first.
    pub findings: Vec<Finding>,
}

/// The tables of one run, validated.
#[derive(Debug, Clone)]
pub struct Built {
    pub documents: Vec<Document>,
    pub figures: Vec<Figure>,
    pub changes: Vec<Change>,
    pub indicators: Vec<IndicatorValue>,
    pub report: ValidationReport,
    /// The catalog the run named subjects with.
    pub catalog: Catalog,
}

impl Built {
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.report.findings.iter().filter(|f| f.severity == Severity::Error)
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn stage<T>(name: &str, f: impl FnOnce() -> T, count: impl Fn(&T) -> String) -> T {
    let t = Instant::now();
    let out = f();
    tracing::info!(stage = name, "{name}: {} in {:.1} ms", count(&out), t.elapsed().as_secs_f64() * 1000.0);
    out
}

fn derive_error(e: polars::prelude::PolarsError) -> Error {
    Error::input(Path::new("(derive)"), "polars", e.to_string(), "this is a bug in figures: please report it with the input")
}

/// Runs every stage on `raw`, validating against the schema files in `schemas_dir`.
pub fn build(raw: RawInputs, schemas_dir: &Path) -> Result<Built> {
    let schemas = Schemas {
        document: Checker::load(schemas_dir, "document")?,
        figure: Checker::load(schemas_dir, "figure")?,
        change: Checker::load(schemas_dir, "change")?,
        indicator: Checker::load(schemas_dir, "indicator")?,
    };
    let mut findings = raw.findings;
    let mut documents = Vec::new();
    let mut figures = Vec::new();
    let mut changes = Vec::new();
    let mut texts = BTreeMap::new();
    stage(
        "extract",
        || {
            for d in &raw.documents {
                let x = extract(&d.id, &d.text, &raw.catalog);
                let s = d.sidecar.as_ref();
                documents.push(Document {
                    id: d.id.clone(),
                    file: d.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                    title: s.map_or_else(|| first_line(&d.text), |s| s.title.clone()),
                    publisher: s.map_or_else(|| "unknown".into(), |s| s.publisher.clone()),
                    region: s.map_or_else(|| "unknown".into(), |s| s.region.clone()),
                    region_code: s.map_or_else(|| "CN".into(), |s| s.region_code.clone()),
                    language: s.map_or_else(|| "zh-Hans".into(), |s| s.language.clone()),
                    period_start: s.and_then(|s| s.period.as_ref()).map(|p| p.start),
                    period_end: s.and_then(|s| s.period.as_ref()).map(|p| p.end),
                    period_note: s.and_then(|s| s.period.as_ref()).map(|p| p.note.clone()),
                    encoding: d.encoding.clone(),
                    sha256: sha256_hex(&d.bytes),
                    chars: d.text.chars().count() as u64,
                    bytes: d.bytes.len() as u64,
                    figure_count: x.figures.len() as u64,
                    change_count: x.changes.len() as u64,
                });
                texts.insert(d.id.clone(), Text::new(&d.text).chars);
                figures.extend(x.figures);
                changes.extend(x.changes);
                findings.extend(x.findings);
            }
        },
        |_| format!("{} documents", raw.documents.len()),
    );
    tracing::info!("extracted {} figures and {} changes", figures.len(), changes.len());
    let indicators = stage(
        "derive",
        || -> Result<Vec<IndicatorValue>> {
            derive::change_measures(&mut changes, &figures, &documents).map_err(derive_error)?;
            derive::indicator_values(&changes, &figures, &documents, &raw.catalog).map_err(derive_error)
        },
        |r| r.as_ref().map_or_else(|e| e.to_string(), |v| format!("{} indicator values", v.len())),
    )?;
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    figures.sort_by(|a, b| (&a.document_id, a.start).cmp(&(&b.document_id, b.start)));
    changes.sort_by(|a, b| (&a.document_id, a.start, &a.id).cmp(&(&b.document_id, b.start, &b.id)));
    let (checked, checks) = stage(
        "validate",
        || {
            let tables = Tables { documents: &documents, figures: &figures, changes: &changes, indicators: &indicators };
            validate::validate(&tables, &schemas, &texts)
        },
        |(f, c)| format!("{} checks, {} findings", c.len(), f.len()),
    );
    findings.extend(checked);
    findings.sort_by(|a, b| b.severity.cmp(&a.severity).then_with(|| a.cmp(b)));
    Ok(Built { documents, figures, changes, indicators, report: ValidationReport { checks, findings }, catalog: raw.catalog })
}

fn first_line(text: &str) -> String {
    text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("untitled").chars().take(80).collect()
}

fn json<T: Serialize>(v: &T) -> Vec<u8> {
    let mut s = serde_json::to_vec_pretty(v).unwrap_or_default();
    s.push(b'\n');
    s
}

/// The files `run` writes, by name, with their bytes: four tables as JSON and Parquet, the
/// validation report, the HTML report, and the data package that describes and hashes them.
pub fn files(b: &Built) -> Result<Vec<(String, Vec<u8>)>> {
    let pq = |r: polars::prelude::PolarsResult<Vec<u8>>| r.map_err(derive_error);
    stage(
        "encode",
        || {
            let mut files = vec![
                ("changes.json".to_string(), json(&b.changes)),
                ("changes.parquet".to_string(), pq(parquet::encode(&b.changes))?),
                ("documents.json".to_string(), json(&b.documents)),
                ("documents.parquet".to_string(), pq(parquet::encode(&b.documents))?),
                ("figures.json".to_string(), json(&b.figures)),
                ("figures.parquet".to_string(), pq(parquet::encode(&b.figures))?),
                ("indicators.json".to_string(), json(&b.indicators)),
                ("indicators.parquet".to_string(), pq(parquet::encode(&b.indicators))?),
                ("report.html".to_string(), report::html(b).into_bytes()),
                ("validation.json".to_string(), json(&b.report)),
            ];
            let package = json(&package::datapackage(&files));
            files.push(("datapackage.json".to_string(), package));
            files.sort();
            Ok(files)
        },
        |r: &Result<Vec<(String, Vec<u8>)>>| r.as_ref().map_or_else(|e| e.to_string(), |v| format!("{} files", v.len())),
    )
}
