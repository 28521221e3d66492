//! Pipeline: runs the stages in order — raw inputs → documents → figures and changes → validated
//! → derived → encoded files — a batch of documents at a time, streaming each batch's records
//! into the output files before reading the next, so that memory is bounded by the largest batch
//! (or the largest document), not by the archive. Logs one line per stage with its total time.
//!
//! It holds no logic of its own beyond ordering and bookkeeping; it reads texts only through
//! [`Source::read`] and writes only through the caller's [`Staging`].

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use crate::batch::{Batch, StageTime, Summary};
use crate::catalog::Catalog;
use crate::encode::{Array, json_line, pretty_at};
use crate::error::{Error, Result};
use crate::extract::{Extraction, extract};
use crate::findings::{Finding, Severity};
use crate::frames::{derive, parquet::TableWriter};
use crate::inputs::{self, CATALOG_FILE, MANIFEST_FILE, Previous, RawDocument, RawInputs, Source};
use crate::manifest::{Entry, extractor_version};
use crate::package::{self, Digest};
use crate::records::{CatalogEntry, Change, Document, Figure, IndicatorValue, PeriodBasis, Relation, Sentence, UNKNOWN};
use crate::report::{self, Page};
use crate::schema_check::Checker;
use crate::validate::{self, CheckTally, Schemas, Table, Tables};
use crate::write::{OutFile, Staging};

/// How a run batches and lays out its output.
#[derive(Debug, Clone)]
pub struct Options {
    /// Also write the hive-partitioned dataset.
    pub partitioned: bool,
    /// Texts are read and processed in batches of about this many bytes (at least one text each).
    pub batch_bytes: u64,
    /// Write each table's JSON as JSON Lines (`<table>.jsonl`, one compact record a line) instead
    /// of a pretty array (`<table>.json`).
    pub json_lines: bool,
}

/// Memory a run needs per byte of its largest text, with room to spare: a 30 MB text peaks at
/// about 830 MB (README, Guarantees).
pub const MEMORY_PER_TEXT_BYTE: u64 = 30;

/// Refuses, before any work, a text too large to extract in `available` bytes of memory, so that
/// the run says which file and what to do instead of being killed midway.
pub fn fits_in_memory(raw: &RawInputs, available: u64) -> Result<()> {
    match raw.documents.iter().max_by_key(|d| d.size) {
        Some(d) if d.size.saturating_mul(MEMORY_PER_TEXT_BYTE) > available => Err(Error::input(
            &d.path,
            "size",
            format!(
                "{} MB of text needs about {} MB of memory to extract, and {} MB is available",
                d.size >> 20,
                d.size.saturating_mul(MEMORY_PER_TEXT_BYTE) >> 20,
                available >> 20
            ),
            "split the text into smaller files (one per chapter or report), or raise --memory-limit-mb",
        )),
        _ => Ok(()),
    }
}

/// Every name a run writes at the top of the output directory (`dataset` only with
/// `--partitioned`): a directory holding anything else is not replaced (a test keeps this list
/// equal to what a run writes).
pub const WRITES: [&str; 23] = [
    "changes.json",
    "changes.jsonl",
    "changes.parquet",
    "datapackage.json",
    "dataset",
    "documents.json",
    "documents.jsonl",
    "documents.parquet",
    "figures.json",
    "figures.jsonl",
    "figures.parquet",
    "indicators.json",
    "indicators.jsonl",
    "indicators.parquet",
    "indicators_catalog.json",
    "indicators_catalog.jsonl",
    "indicators_catalog.parquet",
    MANIFEST_FILE,
    "report.html",
    "sentences.json",
    "sentences.jsonl",
    "sentences.parquet",
    "validation.json",
];

/// 2 MB of text makes about 60 reports of the genre, or 55,000 figures of the densest
/// synthetic text: enough to keep both cores busy, little enough to hold.
pub const BATCH_BYTES: u64 = 2 << 20;

impl Default for Options {
    fn default() -> Options {
        Options { partitioned: false, batch_bytes: BATCH_BYTES, json_lines: false }
    }
}

fn polars_error(file: &Path) -> impl FnOnce(polars::prelude::PolarsError) -> Error {
    let file = file.to_path_buf();
    move |e| Error::input(&file, "polars", e.to_string(), "this is a bug in figures: please report it with the input")
}

fn document_record(d: &RawDocument, figure_count: usize, change_count: usize) -> Document {
    let s = d.source.sidecar.as_ref();
    let period = s.and_then(|s| s.period.as_ref());
    Document {
        id: d.source.id.clone(),
        file: d.source.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        title: s.map_or_else(|| first_line(&d.text), |s| s.title.clone()),
        publisher: s.map_or_else(|| UNKNOWN.into(), |s| s.publisher.clone()),
        region: s.map_or_else(|| UNKNOWN.into(), |s| s.region.clone()),
        region_code: s.map_or_else(|| "CN".into(), |s| s.region_code.clone()),
        language: s.map_or_else(|| "zh-Hans".into(), |s| s.language.clone()),
        period_start: period.map(|p| p.start),
        period_end: period.map(|p| p.end),
        period_note: period.map(|p| p.note.clone()),
        encoding: d.encoding.clone(),
        sha256: d.sha256.clone(),
        chars: d.text.chars().count() as u64,
        bytes: d.bytes.len() as u64,
        figure_count: figure_count as u64,
        change_count: change_count as u64,
    }
}

/// The sidecar's period dates what the text leaves undated — the earlier end of a before→after
/// its start, every other figure its end — and checks what the text dates: a text whose own
/// words put its report in another year than the sidecar's gets a finding (the text's dating
/// stands).
fn sidecar_periods(d: &RawDocument, x: &mut Extraction) -> Option<Finding> {
    let p = d.source.sidecar.as_ref()?.period.as_ref()?;
    let befores: std::collections::HashSet<&str> =
        x.changes.iter().filter(|c| c.relation == Relation::BeforeAfter).filter_map(|c| c.from_id.as_deref()).collect();
    let end = p.end.to_string();
    // Records reused from the previous run carry the sidecar's dating of then: it is redone.
    let undated = |f: &Figure| f.period.is_none() || f.period_basis == Some(PeriodBasis::Sidecar);
    for f in x.figures.iter_mut().filter(|f| undated(f) && !f.kind.is_time()) {
        f.period = Some(if befores.contains(f.id.as_str()) { p.start.to_string() } else { end.clone() });
        f.period_basis = Some(PeriodBasis::Sidecar);
        f.period_words = Some(format!("{}.toml", d.source.id));
    }
    let dated = x.figures.iter().find(|f| f.period_basis == Some(PeriodBasis::Document))?;
    (dated.period.as_deref() != Some(end.as_str())).then(|| Finding {
        severity: Severity::Warning,
        code: "period-disagrees".into(),
        record_id: d.source.id.clone(),
        location: format!("{}.toml", d.source.id),
        message: format!(
            "the text reports on {} (from \"{}\"), the sidecar's period ends in {end}; the text's dating is kept: check the sidecar",
            dated.period.as_deref().unwrap_or_default(),
            dated.period_words.as_deref().unwrap_or_default()
        ),
    })
}

fn first_line(text: &str) -> String {
    text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("untitled").chars().take(80).collect()
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

/// Consecutive runs of `sources` of about `bytes` bytes each, at least one source per batch.
fn batches(sources: &[Source], bytes: u64) -> Vec<&[Source]> {
    let mut out = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, s) in sources.iter().enumerate() {
        if i > start && size + s.size > bytes {
            out.push(&sources[start..i]);
            (start, size) = (i, 0);
        }
        size += s.size;
    }
    if start < sources.len() {
        out.push(&sources[start..]);
    }
    out
}

/// Time spent per stage over all batches, wall clock and CPU, in the order the stages first ran.
#[derive(Default)]
struct Timings(Vec<StageTime>);

impl Timings {
    fn time<T>(&mut self, stage: &'static str, f: impl FnOnce() -> T) -> T {
        let (t, cpu) = (Instant::now(), inputs::cpu_seconds());
        let out = f();
        let k = match self.0.iter().position(|s| s.stage == stage) {
            Some(k) => k,
            None => {
                self.0.push(StageTime { stage, wall: Duration::ZERO, cpu_seconds: 0.0 });
                self.0.len() - 1
            }
        };
        self.0[k].wall += t.elapsed();
        self.0[k].cpu_seconds += inputs::cpu_seconds() - cpu;
        out
    }

    fn log(&self, stage: &'static str, what: String) {
        let ms = self.0.iter().find(|s| s.stage == stage).map_or(0.0, |s| s.wall.as_secs_f64() * 1000.0);
        tracing::info!(stage, "{stage}: {what} in {ms:.1} ms");
    }
}

fn rows<T: Serialize + Sync>(records: &[T]) -> Result<Vec<Value>> {
    records
        .par_iter()
        .map(serde_json::to_value)
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| Error::input(Path::new("(encode)"), "serde_json", e.to_string(), "this is a bug in figures: please report it"))
}

/// One table written as it streams: its JSON (a pretty array, or JSON Lines) and its Parquet twin.
struct TableSink {
    json: OutFile,
    /// The pretty array being written; none for JSON Lines.
    array: Option<Array>,
    parquet: OutFile,
    writer: TableWriter<OutFile>,
}

/// The name of `table`'s JSON file: `<table>.json`, or `<table>.jsonl` for JSON Lines.
pub fn json_file(table: &str, json_lines: bool) -> String {
    format!("{table}.{}", if json_lines { "jsonl" } else { "json" })
}

impl TableSink {
    fn open<T: JsonSchema>(staging: &Staging, name: &str, options: &Options) -> Result<TableSink> {
        let mut json = staging.create(&json_file(name, options.json_lines))?;
        let array = if options.json_lines { None } else { Some(Array::open(&mut json, 0).map_err(json.write_error())?) };
        let parquet = staging.create(&format!("{name}.parquet"))?;
        let writer = TableWriter::new::<T>(parquet.clone()).map_err(polars_error(parquet.path()))?;
        Ok(TableSink { json, array, parquet, writer })
    }

    /// Appends `records`, whose serialised `rows` give the Parquet columns.
    fn write<T: Serialize + Sync>(&mut self, records: &[T], rows: &[Value], t: &mut Timings) -> Result<()> {
        t.time("json", || -> Result<()> {
            let encode = |r: &T| match &self.array {
                Some(array) => array.encode(r),
                None => serde_json::to_vec(r).map_err(std::io::Error::other),
            };
            let encoded: Vec<Vec<u8>> = records.par_iter().map(encode).collect::<std::io::Result<_>>().map_err(self.json.write_error())?;
            for e in &encoded {
                match self.array.as_mut() {
                    Some(array) => array.push_encoded(&mut self.json, e),
                    None => self.json.write_all(e).and_then(|()| self.json.write_all(b"\n")),
                }
                .map_err(self.json.write_error())?;
            }
            Ok(())
        })?;
        t.time("parquet", || self.writer.write(rows).map_err(polars_error(self.parquet.path())))
    }

    fn close(mut self) -> Result<()> {
        if let Some(array) = self.array.take() {
            array.close(&mut self.json).and_then(|()| self.json.write_all(b"\n")).map_err(self.json.write_error())?;
        }
        self.json.finish()?;
        self.writer.finish().map_err(polars_error(self.parquet.path()))?;
        self.parquet.finish()
    }
}

/// Where findings go as they are made: errors are kept for the caller, everything is counted
/// and spilled to a scratch file, read back into `validation.json` at the end.
struct Findings {
    spill: OutFile,
}

const SPILL: &str = ".findings.jsonl";

impl Findings {
    fn add(&mut self, s: &mut Summary, found: impl IntoIterator<Item = Finding>) -> Result<()> {
        for f in found {
            match f.severity {
                Severity::Error => s.errors.push(f.clone()),
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.notes += 1,
            }
            if f.severity != Severity::Error {
                *s.codes.entry(f.code.clone()).or_default() += 1;
            }
            json_line(&mut self.spill, &f).map_err(self.spill.write_error())?;
        }
        Ok(())
    }
}

/// Writes `validation.json`: the checks, then the spilled findings, errors first, each severity
/// in the order found.
fn write_validation(staging: &Staging, checks: &[CheckTally]) -> Result<()> {
    let mut out = staging.create("validation.json")?;
    let checks = pretty_at(checks, 1).map_err(out.write_error())?;
    out.write_all(b"{\n  \"checks\": ").and_then(|()| out.write_all(&checks)).map_err(out.write_error())?;
    out.write_all(b",\n  \"findings\": ").map_err(out.write_error())?;
    let mut array = Array::open(&mut out, 1).map_err(out.write_error())?;
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        for line in staging.open(SPILL)?.lines() {
            let f: Finding = line
                .map_err(std::io::Error::other)
                .and_then(|l| serde_json::from_str(&l).map_err(std::io::Error::other))
                .map_err(out.write_error())?;
            if f.severity == severity {
                array.push(&mut out, &f).map_err(out.write_error())?;
            }
        }
    }
    array.close(&mut out).and_then(|()| out.write_all(b"\n}\n")).map_err(out.write_error())?;
    out.finish()?;
    staging.remove(SPILL)
}

/// Hive's name for a partition whose key is unknown.
const HIVE_NULL: &str = "__HIVE_DEFAULT_PARTITION__";

/// `region_code=…/year=…` of each document of the batch.
fn partition_keys(documents: &[Document]) -> BTreeMap<&str, String> {
    documents
        .iter()
        .map(|d| {
            let year = d.period_end.map_or(HIVE_NULL.to_string(), |y| y.to_string());
            (d.id.as_str(), format!("region_code={}/year={year}", d.region_code))
        })
        .collect()
}

/// One batch's rows of one table in the hive-partitioned dataset,
/// `dataset/<name>/<key>/part-<batch>.parquet`: a file per partition the batch touches, each
/// appended to chunk by chunk and finished with the batch.
struct Partitions<'k, T> {
    name: &'static str,
    batch: usize,
    keys: &'k BTreeMap<&'k str, String>,
    document_of: fn(&T) -> &str,
    open: BTreeMap<String, (OutFile, TableWriter<OutFile>)>,
}

impl<'k, T: JsonSchema> Partitions<'k, T> {
    fn new(name: &'static str, batch: usize, keys: &'k BTreeMap<&'k str, String>, document_of: fn(&T) -> &str) -> Self {
        Partitions { name, batch, keys, document_of, open: BTreeMap::new() }
    }

    fn write(&mut self, staging: &Staging, records: &[T], rows: &[Value]) -> Result<()> {
        let mut parts: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
        for (r, row) in records.iter().zip(rows) {
            let key = self.keys.get((self.document_of)(r)).map_or("", String::as_str);
            parts.entry(key).or_default().push(row.clone());
        }
        for (key, rows) in parts {
            if !self.open.contains_key(key) {
                let file = staging.create(&format!("dataset/{}/{key}/part-{:05}.parquet", self.name, self.batch))?;
                let writer = TableWriter::new::<T>(file.clone()).map_err(polars_error(file.path()))?;
                self.open.insert(key.to_string(), (file, writer));
            }
            if let Some((file, writer)) = self.open.get_mut(key) {
                writer.write(&rows).map_err(polars_error(file.path()))?;
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        for (file, writer) in self.open.into_values() {
            writer.finish().map_err(polars_error(file.path()))?;
            file.finish()?;
        }
        Ok(())
    }
}

/// The catalog as rows of `indicators_catalog`, in catalog order.
fn catalog_entries(catalog: &Catalog) -> Vec<CatalogEntry> {
    catalog
        .indicator
        .iter()
        .map(|i| CatalogEntry {
            id: i.id.clone(),
            name_zh: i.name_zh.clone(),
            name_en: i.name_en.clone(),
            kind: i.kind,
            unit: i.unit,
            definition: i.definition.clone(),
            source: i.source.clone(),
            aliases: i.aliases.join("、"),
        })
        .collect()
}

/// Records are encoded, schema-checked and written this many at a time, so that a document of a
/// hundred thousand figures never holds more than a chunk of them as JSON values.
const CHUNK: usize = 8192;

/// `records` in chunks of [`CHUNK`]; one empty chunk when there are none, so that every table's
/// schema check is tallied in the same order whatever the batching.
fn chunks<T>(records: &[T]) -> Vec<&[T]> {
    if records.is_empty() { vec![records] } else { records.chunks(CHUNK).collect() }
}

/// Where one table's chunks go: its files, its dataset partitions, its schema.
struct Destination<'a, 'k, T> {
    table: &'static str,
    sink: &'a mut TableSink,
    partitions: Option<Partitions<'k, T>>,
    checker: &'a Checker,
    locate: fn(&T) -> (String, String),
}

/// Encodes, schema-checks and writes `records` a chunk at a time.
fn stream<T: Serialize + Sync + JsonSchema>(
    records: &[T],
    mut to: Destination<T>,
    staging: &Staging,
    s: &mut Summary,
    findings: &mut Findings,
    t: &mut Timings,
) -> Result<()> {
    for chunk in chunks(records) {
        let rows = t.time("encode", || rows(chunk))?;
        let report = t.time("validate", || validate::schema(to.table, to.checker, Table { records: chunk, rows: &rows }, to.locate));
        validate::merge(&mut s.checks, report.tallies);
        findings.add(s, report.findings)?;
        to.sink.write(chunk, &rows, t)?;
        if let Some(parts) = to.partitions.as_mut() {
            t.time("parquet", || parts.write(staging, chunk, &rows))?;
        }
    }
    to.partitions.map_or(Ok(()), Partitions::finish)
}

/// The previous run's records of `d` when its manifest entry says nothing it depends on has
/// changed and the previous tables hold exactly the records the entry counts.
fn reusable(previous: &mut Previous, d: &RawDocument, version: &str, catalog_sha256: &str) -> Option<Extraction> {
    let id = d.source.id.as_str();
    let entry = previous.manifest.take(id).pop();
    let (figures, sentences, changes) = (previous.figures.take(id), previous.sentences.take(id), previous.changes.take(id));
    let entry = entry.filter(|e| e.unchanged(version, &d.sha256, d.source.sidecar_sha256.as_deref(), catalog_sha256))?;
    let mut held: Vec<u32> = figures.iter().map(|f| f.sentence_index).collect();
    held.dedup();
    let whole = figures.len() as u64 == entry.figures && changes.len() as u64 == entry.changes && sentences.len() == held.len();
    whole.then_some(Extraction { figures, sentences, changes, findings: entry.findings, rejected: Vec::new() })
}

/// Runs every stage on `raw`, validating against the committed schemas, and writes
/// every output file into `staging`. Documents whose inputs match `previous`'s manifest keep
/// their records instead of being extracted again. The caller commits `staging` only when the
/// summary has no errors.
pub fn run(raw: RawInputs, mut previous: Previous, staging: &Staging, options: &Options) -> Result<Summary> {
    let schemas = Schemas {
        document: Checker::load("document")?,
        figure: Checker::load("figure")?,
        sentence: Checker::load("sentence")?,
        change: Checker::load("change")?,
        indicator: Checker::load("indicator")?,
    };
    let version = extractor_version();
    let mut s = Summary::default();
    let mut t = Timings::default();
    let mut findings = Findings { spill: staging.create(SPILL)? };
    findings.add(&mut s, raw.findings)?;
    let mut manifest = staging.create(MANIFEST_FILE)?;
    let mut figures = TableSink::open::<Figure>(staging, "figures", options)?;
    let mut sentences = TableSink::open::<Sentence>(staging, "sentences", options)?;
    let mut changes = TableSink::open::<Change>(staging, "changes", options)?;
    let mut indicators = TableSink::open::<IndicatorValue>(staging, "indicators", options)?;
    let mut documents = TableSink::open::<Document>(staging, "documents", options)?;
    let mut document_ids = std::collections::HashSet::new();
    let mut page = Page::default();
    let mut panel = derive::Panel::default();
    let mut panel_findings = Vec::new();
    let bar = progress(raw.documents.len());
    for (n, sources) in batches(&raw.documents, options.batch_bytes).into_iter().enumerate() {
        let texts: Vec<RawDocument> = t.time("read", || sources.par_iter().map(Source::read).collect::<Result<_>>())?;
        let reused: Vec<Option<Extraction>> =
            t.time("reuse", || texts.iter().map(|d| reusable(&mut previous, d, &version, &raw.catalog_sha256)).collect());
        let extractions: Vec<(Extraction, bool)> = t.time("extract", || {
            texts
                .par_iter()
                .zip(reused)
                .map(|(d, r)| {
                    let x = r.map_or_else(|| (extract(&d.source.id, &d.text, &raw.catalog), true), |x| (x, false));
                    bar.inc(1);
                    x
                })
                .collect()
        });
        let mut batch = Batch::default();
        let mut extraction_findings = Vec::new();
        for (d, (mut x, fresh)) in texts.iter().zip(extractions) {
            extraction_findings.extend(sidecar_periods(d, &mut x));
            if fresh {
                s.extracted += 1;
            } else {
                s.reused += 1;
            }
            batch.documents.push(document_record(d, x.figures.len(), x.changes.len()));
            let entry = Entry {
                id: d.source.id.clone(),
                extractor_version: version.clone(),
                catalog_sha256: raw.catalog_sha256.clone(),
                text_sha256: d.sha256.clone(),
                sidecar_sha256: d.source.sidecar_sha256.clone(),
                figures: x.figures.len() as u64,
                changes: x.changes.len() as u64,
                findings: x.findings.clone(),
            };
            json_line(&mut manifest, &entry).map_err(manifest.write_error())?;
            batch.figures.extend(x.figures);
            batch.sentences.extend(x.sentences);
            batch.changes.extend(x.changes);
            extraction_findings.extend(x.findings);
        }
        findings.add(&mut s, extraction_findings)?;
        t.time("derive", || -> Result<()> {
            let b = &mut batch;
            derive::change_measures(&mut b.changes, &b.figures, &b.documents).map_err(polars_error(Path::new("(derive)")))?;
            b.indicators = derive::indicator_values(&b.changes, &b.figures, &b.documents, &raw.catalog)
                .map_err(polars_error(Path::new("(derive)")))?;
            panel_findings = panel.conflicts(&b.indicators);
            b.figures.sort_by(|a, b| (&a.document_id, a.start).cmp(&(&b.document_id, b.start)));
            b.sentences.sort_by(|a, b| (&a.document_id, a.index).cmp(&(&b.document_id, b.index)));
            b.changes.sort_by(|a, b| (&a.document_id, a.start, &a.id).cmp(&(&b.document_id, b.start, &b.id)));
            Ok(())
        })?;
        findings.add(&mut s, std::mem::take(&mut panel_findings))?;
        let report = t.time("validate", || {
            let chars: BTreeMap<String, validate::CharIndex> =
                texts.par_iter().map(|d| (d.source.id.clone(), validate::CharIndex::new(&d.text))).collect();
            let tables = Tables {
                documents: &batch.documents,
                figures: &batch.figures,
                sentences: &batch.sentences,
                changes: &batch.changes,
                indicators: &batch.indicators,
            };
            validate::records(&tables, &chars)
        });
        validate::merge(&mut s.checks, report.tallies);
        findings.add(&mut s, report.findings)?;
        let document_rows = t.time("encode", || rows(&batch.documents))?;
        let report = t.time("validate", || {
            validate::documents(Table { records: &batch.documents, rows: &document_rows }, &schemas, &mut document_ids)
        });
        validate::merge(&mut s.checks, report.tallies);
        findings.add(&mut s, report.findings)?;
        documents.write(&batch.documents, &document_rows, &mut t)?;
        drop(document_rows);
        let keys = partition_keys(&batch.documents);
        let figure_to = Destination {
            table: "figures",
            sink: &mut figures,
            partitions: options.partitioned.then(|| Partitions::new("figures", n, &keys, |f: &Figure| f.document_id.as_str())),
            checker: &schemas.figure,
            locate: validate::fig_loc,
        };
        stream(&batch.figures, figure_to, staging, &mut s, &mut findings, &mut t)?;
        let sentence_to = Destination {
            table: "sentences",
            sink: &mut sentences,
            partitions: options.partitioned.then(|| Partitions::new("sentences", n, &keys, |s: &Sentence| s.document_id.as_str())),
            checker: &schemas.sentence,
            locate: validate::sentence_loc,
        };
        stream(&batch.sentences, sentence_to, staging, &mut s, &mut findings, &mut t)?;
        let change_to = Destination {
            table: "changes",
            sink: &mut changes,
            partitions: options.partitioned.then(|| Partitions::new("changes", n, &keys, |c: &Change| c.document_id.as_str())),
            checker: &schemas.change,
            locate: validate::ch_loc,
        };
        stream(&batch.changes, change_to, staging, &mut s, &mut findings, &mut t)?;
        let indicator_to = Destination {
            table: "indicators",
            sink: &mut indicators,
            partitions: None,
            checker: &schemas.indicator,
            locate: validate::ind_loc,
        };
        stream(&batch.indicators, indicator_to, staging, &mut s, &mut findings, &mut t)?;
        t.time("report", || page.add(&batch, &raw.catalog));
        s.figures += batch.figures.len() as u64;
        s.sentences += batch.sentences.len() as u64;
        s.changes += batch.changes.len() as u64;
        s.indicators += batch.indicators.len() as u64;
        s.documents += batch.documents.len() as u64;
    }
    bar.finish_and_clear();
    t.log("read", format!("{} documents", s.documents));
    t.log("extract", format!("{} documents ({} extracted, {} reused from the previous run)", s.documents, s.extracted, s.reused));
    t.log("derive", format!("{} indicator values", s.indicators));
    t.log("encode", format!("{} rows", s.figures + s.changes + s.indicators));
    t.log("validate", format!("{} figures, {} changes", s.figures, s.changes));
    t.log("report", format!("{} documents shown", s.documents.min(report::DOCUMENTS_SHOWN as u64)));

    let mut catalog_table = TableSink::open::<CatalogEntry>(staging, "indicators_catalog", options)?;
    let catalog_to = Destination {
        table: "indicators_catalog",
        sink: &mut catalog_table,
        partitions: None,
        checker: &Checker::load("indicators_catalog")?,
        locate: |e: &CatalogEntry| (e.id.clone(), format!("raw/{CATALOG_FILE}")),
    };
    stream(&catalog_entries(&raw.catalog), catalog_to, staging, &mut s, &mut findings, &mut t)?;

    t.time("finish", || -> Result<()> {
        for table in [documents, figures, sentences, changes, indicators, catalog_table] {
            table.close()?;
        }
        manifest.finish()?;
        findings.spill.finish()?;
        write_validation(staging, &s.checks)?;
        staging.put("report.html", page.finish(&s).as_bytes())?;
        // Each file is read back and hashed on its own thread: the reading is most of finishing.
        let names: Vec<String> = ["changes", "documents", "figures", "indicators", "indicators_catalog", "sentences"]
            .into_iter()
            .flat_map(|table| [json_file(table, options.json_lines), format!("{table}.parquet")])
            .collect();
        let digests: BTreeMap<String, Digest> =
            names.into_par_iter().map(|name| staging.digest(&name).map(|digest| (name, digest))).collect::<Result<_>>()?;
        let mut package = pretty_at(&package::datapackage(&digests), 0).map_err(Error::io(
            Path::new("datapackage.json"),
            "encoding the data package",
            "this is a bug in figures: please report it",
        ))?;
        package.push(b'\n');
        staging.put("datapackage.json", &package)
    })?;
    s.files = staging.files()?.len();
    t.log("json", "tables".into());
    t.log("parquet", "tables".into());
    t.log("finish", format!("{} files", s.files));
    s.stages = t.0;
    Ok(s)
}
