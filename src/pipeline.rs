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
use crate::error::{Error, Result};
use crate::extract::{Extraction, extract};
use crate::findings::{Finding, Severity};
use crate::frames::{derive, parquet};
use crate::inputs::{MANIFEST_FILE, Previous, RawDocument, RawInputs};
use crate::manifest::{Entry, Manifest, extractor_version, sha256_hex};
use crate::records::{Change, Document, Figure, IndicatorValue};
use crate::schemas::Checker;
use crate::validate::{self, CheckTally, Schemas, Tables};
use crate::{package, report};
use rayon::prelude::*;

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
    /// What each document's records were extracted from.
    pub manifest: Manifest,
}

impl Built {
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.report.findings.iter().filter(|f| f.severity == Severity::Error)
    }
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

fn document_record(d: &RawDocument, figure_count: usize, change_count: usize) -> Document {
    let s = d.sidecar.as_ref();
    let period = s.and_then(|s| s.period.as_ref());
    Document {
        id: d.id.clone(),
        file: d.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        title: s.map_or_else(|| first_line(&d.text), |s| s.title.clone()),
        publisher: s.map_or_else(|| "unknown".into(), |s| s.publisher.clone()),
        region: s.map_or_else(|| "unknown".into(), |s| s.region.clone()),
        region_code: s.map_or_else(|| "CN".into(), |s| s.region_code.clone()),
        language: s.map_or_else(|| "zh-Hans".into(), |s| s.language.clone()),
        period_start: period.map(|p| p.start),
        period_end: period.map(|p| p.end),
        period_note: period.map(|p| p.note.clone()),
        encoding: d.encoding.clone(),
        sha256: sha256_hex(&d.bytes),
        chars: d.text.chars().count() as u64,
        bytes: d.bytes.len() as u64,
        figure_count: figure_count as u64,
        change_count: change_count as u64,
    }
}

/// A progress bar on an interactive terminal, nothing otherwise.
fn progress(len: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} documents {elapsed}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix("extract");
    bar
}

/// Runs every stage on `raw`, validating against the schema files in `schemas_dir`. Documents
/// whose inputs match `previous`'s manifest keep their records instead of being extracted again.
pub fn build(raw: RawInputs, schemas_dir: &Path, previous: &Previous) -> Result<Built> {
    let schemas = Schemas {
        document: Checker::load(schemas_dir, "document")?,
        figure: Checker::load(schemas_dir, "figure")?,
        change: Checker::load(schemas_dir, "change")?,
        indicator: Checker::load(schemas_dir, "indicator")?,
    };
    let mut findings = raw.findings;
    let mut old_figures: BTreeMap<&str, Vec<Figure>> = BTreeMap::new();
    for f in &previous.figures {
        old_figures.entry(f.document_id.as_str()).or_default().push(f.clone());
    }
    let mut old_changes: BTreeMap<&str, Vec<Change>> = BTreeMap::new();
    for c in &previous.changes {
        old_changes.entry(c.document_id.as_str()).or_default().push(c.clone());
    }
    let bar = progress(raw.documents.len());
    let per_document: Vec<(Extraction, Entry, bool)> = stage(
        "extract",
        || {
            raw.documents
                .par_iter()
                .map(|d| {
                    let text_sha256 = sha256_hex(&d.bytes);
                    let reused = previous
                        .manifest
                        .as_ref()
                        .and_then(|m| m.unchanged(&d.id, &text_sha256, d.sidecar_sha256.as_deref(), &raw.catalog_sha256))
                        .map(|e| Extraction {
                            figures: old_figures.get(d.id.as_str()).cloned().unwrap_or_default(),
                            changes: old_changes.get(d.id.as_str()).cloned().unwrap_or_default(),
                            findings: e.findings.clone(),
                        });
                    let fresh = reused.is_none();
                    let x = reused.unwrap_or_else(|| extract(&d.id, &d.text, &raw.catalog));
                    let entry =
                        Entry { id: d.id.clone(), text_sha256, sidecar_sha256: d.sidecar_sha256.clone(), findings: x.findings.clone() };
                    bar.inc(1);
                    (x, entry, fresh)
                })
                .collect()
        },
        |v: &Vec<(Extraction, Entry, bool)>| {
            let fresh = v.iter().filter(|(_, _, f)| *f).count();
            format!("{} documents ({fresh} extracted, {} reused from the previous run)", v.len(), v.len() - fresh)
        },
    );
    bar.finish_and_clear();
    let mut documents = Vec::new();
    let mut figures = Vec::new();
    let mut changes = Vec::new();
    let mut entries = Vec::new();
    let mut texts = BTreeMap::new();
    for (d, (x, entry, _)) in raw.documents.iter().zip(per_document) {
        documents.push(document_record(d, x.figures.len(), x.changes.len()));
        texts.insert(d.id.clone(), d.text.chars().collect::<Vec<char>>());
        figures.extend(x.figures);
        changes.extend(x.changes);
        findings.extend(x.findings);
        entries.push(entry);
    }
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let manifest = Manifest { extractor_version: extractor_version(), catalog_sha256: raw.catalog_sha256.clone(), documents: entries };
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
    Ok(Built { documents, figures, changes, indicators, report: ValidationReport { checks, findings }, catalog: raw.catalog, manifest })
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
///
/// With `partitioned`, the figures and changes are also written as a hive-style dataset,
/// `dataset/<table>/region_code=<code>/year=<period end>/part-0.parquet`, which Polars
/// `scan_parquet`, DuckDB `read_parquet(..., hive_partitioning = true)` and Spark read as one table.
pub fn files(b: &Built, partitioned: bool) -> Result<Vec<(String, Vec<u8>)>> {
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
                (MANIFEST_FILE.to_string(), json(&b.manifest)),
                ("report.html".to_string(), report::html(b).into_bytes()),
                ("validation.json".to_string(), json(&b.report)),
            ];
            let package = json(&package::datapackage(&files));
            files.push(("datapackage.json".to_string(), package));
            if partitioned {
                for (key, figures) in partitions(b, &b.figures, |f| &f.document_id) {
                    files.push((format!("dataset/figures/{key}/part-0.parquet"), pq(parquet::encode(&figures))?));
                }
                for (key, changes) in partitions(b, &b.changes, |c| &c.document_id) {
                    files.push((format!("dataset/changes/{key}/part-0.parquet"), pq(parquet::encode(&changes))?));
                }
            }
            files.sort();
            Ok(files)
        },
        |r: &Result<Vec<(String, Vec<u8>)>>| r.as_ref().map_or_else(|e| e.to_string(), |v| format!("{} files", v.len())),
    )
}

/// Hive's name for a partition whose key is unknown.
const HIVE_NULL: &str = "__HIVE_DEFAULT_PARTITION__";

/// Rows grouped by their document's region and period end, keyed `region_code=…/year=…`.
fn partitions<'a, T: Clone>(b: &Built, rows: &'a [T], document_of: impl Fn(&'a T) -> &'a String) -> BTreeMap<String, Vec<T>> {
    let keys: BTreeMap<&str, String> = b
        .documents
        .iter()
        .map(|d| {
            (d.id.as_str(), format!("region_code={}/year={}", d.region_code, d.period_end.map_or(HIVE_NULL.to_string(), |y| y.to_string())))
        })
        .collect();
    let mut out: BTreeMap<String, Vec<T>> = BTreeMap::new();
    for r in rows {
        let key = keys.get(document_of(r).as_str()).cloned().unwrap_or_else(|| format!("region_code={HIVE_NULL}/year={HIVE_NULL}"));
        out.entry(key).or_default().push(r.clone());
    }
    out
}
