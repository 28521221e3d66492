//! Validate: checks every output record against the committed JSON Schemas and against the rules
//! a schema cannot state (spans match the text, bounds are ordered, keys resolve, ids are unique).
//!
//! A run validates a batch of documents at a time ([`documents`], [`records`]); [`merge`] adds up
//! the tallies. Every rule needs only one document's records, except unique document ids, which
//! carry the set of ids seen so far from batch to batch.
//!
//! Pure given its inputs: it reports every finding and a tally per check, and never stops at the
//! first failure. A check that did not run is listed as skipped, never as passed.

use std::collections::{BTreeMap, HashMap, HashSet};

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::findings::{Finding, Severity};
use crate::records::{Change, Document, Figure, IndicatorValue, Relation, Role, Sentence, Unit};
use crate::schema_check::Checker;

/// The outcome of one check over one table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct CheckTally {
    /// The check's code (`schema`, `span-text`, …).
    pub check: String,
    /// The table it ran on.
    pub table: String,
    /// How a failure counts: errors block writing, warnings are reported.
    pub severity: Severity,
    /// Records looked at.
    pub checked: u64,
    pub passed: u64,
    pub failed: u64,
    /// True when the check could not run (its input was missing).
    pub skipped: bool,
}

/// `output/validation.json`: every check that ran and every finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ValidationReport {
    /// One row per check and table, with counts.
    pub checks: Vec<CheckTally>,
    /// Every finding: errors, then warnings, then notes, each in document order.
    pub findings: Vec<Finding>,
}

/// Records with their rows as they will be written (serde_json values, one per record).
pub struct Table<'a, T> {
    pub records: &'a [T],
    pub rows: &'a [Value],
}

impl<'a, T> Table<'a, T> {
    fn pairs(&self) -> Vec<(&'a T, &'a Value)> {
        self.records.iter().zip(self.rows).collect()
    }
}

/// The records of a batch of documents, as they are about to be written.
pub struct Tables<'a> {
    /// The batch's documents.
    pub documents: &'a [Document],
    pub figures: &'a [Figure],
    pub sentences: &'a [Sentence],
    pub changes: &'a [Change],
    pub indicators: &'a [IndicatorValue],
}

/// Committed-schema validators, one per table.
pub struct Schemas {
    pub document: Checker,
    pub figure: Checker,
    pub sentence: Checker,
    pub change: Checker,
    pub indicator: Checker,
}

/// What validation found, and a tally per check.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub tallies: Vec<CheckTally>,
}

/// Adds `more`'s tallies to `into`'s, check by check, keeping the order checks first ran in.
pub fn merge(into: &mut Vec<CheckTally>, more: Vec<CheckTally>) {
    for t in more {
        match into.iter_mut().find(|x| (&x.check, &x.table, x.severity) == (&t.check, &t.table, t.severity)) {
            Some(x) => {
                x.checked += t.checked;
                x.passed += t.passed;
                x.failed += t.failed;
                x.skipped &= t.skipped;
            }
            None => into.push(t),
        }
    }
}

impl Report {
    /// Runs `rule` over `records`; the rule returns a message when a record fails.
    fn check<T: Sync>(
        &mut self,
        code: &str,
        table: &str,
        records: &[T],
        id: impl Fn(&T) -> (String, String),
        rule: impl Fn(&T) -> Vec<String> + Sync + Send,
    ) {
        self.check_as(Severity::Error, code, table, records, id, rule);
    }

    /// Like [`Report::check`], with failures reported at `severity`.
    fn check_as<T: Sync>(
        &mut self,
        severity: Severity,
        code: &str,
        table: &str,
        records: &[T],
        id: impl Fn(&T) -> (String, String),
        rule: impl Fn(&T) -> Vec<String> + Sync + Send,
    ) {
        let mut tally = CheckTally {
            check: code.into(),
            table: table.into(),
            severity,
            checked: records.len() as u64,
            passed: 0,
            failed: 0,
            skipped: false,
        };
        let problems: Vec<Vec<String>> = records.par_iter().map(&rule).collect();
        for (r, problems) in records.iter().zip(problems) {
            if problems.is_empty() {
                tally.passed += 1;
            } else {
                tally.failed += 1;
                let (record_id, location) = id(r);
                for message in problems {
                    self.findings.push(Finding {
                        severity,
                        code: code.into(),
                        record_id: record_id.clone(),
                        location: location.clone(),
                        message,
                    });
                }
            }
        }
        self.tallies.push(tally);
    }
}

fn schema_problems(checker: &Checker, row: &Value) -> Vec<String> {
    checker.errors(row).into_iter().map(|(ptr, msg)| format!("{ptr}: {msg}")).collect()
}

fn duplicates<T: Eq + std::hash::Hash + Copy>(ids: impl Iterator<Item = T>) -> HashSet<T> {
    let mut seen = HashSet::new();
    ids.filter(|id| !seen.insert(*id)).collect()
}

fn ordered(lower: Option<f64>, value: f64, upper: Option<f64>) -> bool {
    lower.is_none_or(|l| l <= value) && upper.is_none_or(|u| value <= u)
}

/// Checks rows of `table` against its committed schema; a run calls it a chunk of rows at a time
/// so that no more than a chunk is ever held as JSON values.
pub fn schema<T: Sync>(table: &str, checker: &Checker, t: Table<T>, locate: fn(&T) -> (String, String)) -> Report {
    let mut r = Report::default();
    r.check("schema", table, &t.pairs(), |p| locate(first(p)), |(_, row)| schema_problems(checker, row));
    r
}

pub fn doc_loc(d: &Document) -> (String, String) {
    (d.id.clone(), format!("documents/{}", d.id))
}

pub fn fig_loc(f: &Figure) -> (String, String) {
    (f.id.clone(), format!("chars {}..{}", f.start, f.end))
}

/// A sentence's key: its document and its index there.
fn sentence_key(s: &Sentence) -> (&str, u32) {
    (s.document_id.as_str(), s.index)
}

/// A sentence's key as one string, `<document_id>#<index>`, for findings.
fn sentence_id(s: &Sentence) -> String {
    format!("{}#{}", s.document_id, s.index)
}

pub fn sentence_loc(s: &Sentence) -> (String, String) {
    (sentence_id(s), format!("chars {}..{}", s.start, s.end))
}

pub fn ch_loc(c: &Change) -> (String, String) {
    (c.id.clone(), format!("chars {}..{}", c.start, c.end))
}

pub fn ind_loc(i: &IndicatorValue) -> (String, String) {
    (format!("{}:{}:{}", i.document_id, i.indicator_id, i.year), format!("indicators/{}/{}", i.indicator_id, i.year))
}

fn first<'a, A, B>(pair: &(&'a A, B)) -> &'a A {
    pair.0
}

/// Checks a batch of the documents table: schema, and ids unique across every batch so far
/// (`seen` holds the ids of earlier batches and gains this batch's).
pub fn documents(t: Table<Document>, schemas: &Schemas, seen: &mut HashSet<String>) -> Report {
    let mut r = schema("documents", &schemas.document, Table { records: t.records, rows: t.rows }, doc_loc);
    let repeated: HashSet<&str> = t.records.iter().map(|d| d.id.as_str()).filter(|id| !seen.insert(id.to_string())).collect();
    r.check("unique-id", "documents", t.records, doc_loc, |d| {
        if repeated.contains(d.id.as_str()) { vec![format!("id {} is not unique", d.id)] } else { vec![] }
    });
    r
}

/// An id must be unique within its document and begin with the document's id, which together
/// with unique document ids makes it unique in the table.
fn unique_in_document(duplicated: &HashSet<&str>, id: &str, document_id: &str) -> Vec<String> {
    let mut p = Vec::new();
    if duplicated.contains(id) {
        p.push(format!("id {id} is not unique"));
    }
    if !id.strip_prefix(document_id).is_some_and(|rest| rest.starts_with(':')) {
        p.push(format!("id {id} does not begin with its document's id {document_id}"));
    }
    p
}

/// A decoded text with the byte offset of every [`CharIndex::STEP`]th char, to cut it by char
/// offsets without holding it as chars (four bytes a char, the largest copy a run would make).
pub struct CharIndex<'a> {
    text: &'a str,
    marks: Vec<usize>,
    chars: usize,
}

impl<'a> CharIndex<'a> {
    const STEP: usize = 64;

    pub fn new(text: &'a str) -> CharIndex<'a> {
        let mut marks = Vec::with_capacity(text.len() / Self::STEP + 1);
        let mut chars = 0;
        for (k, (b, _)) in text.char_indices().enumerate() {
            if k % Self::STEP == 0 {
                marks.push(b);
            }
            chars = k + 1;
        }
        CharIndex { text, marks, chars }
    }

    fn byte(&self, char_offset: usize) -> usize {
        if char_offset == self.chars {
            return self.text.len();
        }
        let from = self.marks[char_offset / Self::STEP];
        from + self.text[from..].char_indices().nth(char_offset % Self::STEP).map_or(self.text.len() - from, |(b, _)| b)
    }

    /// The chars `s..e`, or none when the span lies outside the text.
    fn slice(&self, s: usize, e: usize) -> Option<&'a str> {
        (s <= e && e <= self.chars).then(|| &self.text[self.byte(s)..self.byte(e)])
    }
}

/// Checks the figures, changes and indicator values of a batch of documents. `texts` maps each
/// of the batch's document ids to its decoded text.
pub fn records(t: &Tables, texts: &BTreeMap<String, CharIndex>) -> Report {
    let mut r = Report::default();
    let (fig_records, change_records, indicator_records) = (t.figures, t.changes, t.indicators);

    let dup_figs = duplicates(fig_records.iter().map(|f| f.id.as_str()));
    let dup_changes = duplicates(change_records.iter().map(|c| c.id.as_str()));
    r.check("unique-id", "figures", fig_records, fig_loc, |f| unique_in_document(&dup_figs, &f.id, &f.document_id));
    r.check("unique-id", "changes", change_records, ch_loc, |c| unique_in_document(&dup_changes, &c.id, &c.document_id));

    let doc_ids: HashSet<&str> = t.documents.iter().map(|d| d.id.as_str()).collect();
    let figures: HashMap<&str, &Figure> = fig_records.iter().map(|f| (f.id.as_str(), f)).collect();
    let known_doc = |id: &str| if doc_ids.contains(id) { vec![] } else { vec![format!("document {id} does not exist")] };
    r.check("document-exists", "figures", fig_records, fig_loc, |f| known_doc(&f.document_id));
    r.check("document-exists", "changes", change_records, ch_loc, |c| known_doc(&c.document_id));
    r.check("document-exists", "indicators", indicator_records, ind_loc, |i| known_doc(&i.document_id));

    let span = |id: &str, doc: &str, start: u64, end: u64, text: &str| -> Vec<String> {
        let Some(index) = texts.get(doc) else { return vec![format!("{id}: the text of document {doc} is not available")] };
        let (s, e) = (start as usize, end as usize);
        match index.slice(s, e) {
            None => vec![format!("span {s}..{e} lies outside the text ({} chars)", index.chars)],
            Some(got) if got == text => vec![],
            Some(got) => vec![format!("text {text:?} differs from the document's {got:?} at {s}..{e}")],
        }
    };
    r.check("span-text", "figures", fig_records, fig_loc, |f| span(&f.id, &f.document_id, f.start, f.end, &f.text));
    r.check("span-text", "changes", change_records, ch_loc, |c| span(&c.id, &c.document_id, c.start, c.end, &c.text));
    r.check("span-text", "sentences", t.sentences, sentence_loc, |s| span(&sentence_id(s), &s.document_id, s.start, s.end, &s.text));
    let sentences: HashMap<(&str, u32), &Sentence> = t.sentences.iter().map(|s| (sentence_key(s), s)).collect();
    let dup_sentences = duplicates(t.sentences.iter().map(sentence_key));
    r.check("unique-id", "sentences", t.sentences, sentence_loc, |s| {
        if dup_sentences.contains(&sentence_key(s)) { vec![format!("sentence {} is written twice", s.index)] } else { vec![] }
    });
    r.check("sentence-holds", "figures", fig_records, fig_loc, |f| match sentences.get(&(f.document_id.as_str(), f.sentence_index)) {
        None => vec![format!("sentence {} of document {} is not in the sentences table", f.sentence_index, f.document_id)],
        Some(s) if s.start <= f.start && f.end <= s.end => vec![],
        Some(s) => vec![format!("the figure at {}..{} lies outside its sentence {}..{}", f.start, f.end, s.start, s.end)],
    });

    r.check("bounds-order", "figures", fig_records, fig_loc, |f| {
        let mut p = Vec::new();
        if !f.value.is_finite() {
            p.push(format!("value {} is not a finite number", f.value));
        }
        if !ordered(f.lower, f.value, f.upper) {
            p.push(format!("lower {:?} ≤ value {} ≤ upper {:?} does not hold", f.lower, f.value, f.upper));
        }
        p
    });
    r.check("bounds-order", "indicators", indicator_records, ind_loc, |i| {
        if ordered(i.lower, i.value, i.upper) {
            vec![]
        } else {
            vec![format!("lower {:?} ≤ value {} ≤ upper {:?} does not hold", i.lower, i.value, i.upper)]
        }
    });
    let inside = |v: f64| (0.0..=100.0).contains(&v);
    let within = |f: &Figure| inside(f.value) && f.lower.is_none_or(inside) && f.upper.is_none_or(inside);
    r.check("share-range", "figures", fig_records, fig_loc, |f| {
        if f.role == Role::Share && !within(f) { vec![format!("a share must lie in 0–100%, got {}", f.value)] } else { vec![] }
    });
    // A level may exceed 100% (完成年度目标的105%); worth a look, not a reason to stop.
    r.check_as(Severity::Warning, "percent-range", "figures", fig_records, fig_loc, |f| {
        if f.unit == Unit::Percent && f.role == Role::Level && !within(f) {
            vec![format!("a percentage level outside 0–100%: {}", f.value)]
        } else {
            vec![]
        }
    });
    r.check("rank-positive", "figures", fig_records, fig_loc, |f| {
        if f.unit == Unit::Rank && (f.value < 1.0 || f.value.fract() != 0.0) {
            vec![format!("a rank must be a positive integer, got {}", f.value)]
        } else {
            vec![]
        }
    });
    r.check("change-figures", "changes", change_records, ch_loc, |c| {
        let mut p = Vec::new();
        let ids = [c.from_id.as_deref(), Some(c.to_id.as_str()), c.rate_id.as_deref()];
        for id in ids.into_iter().flatten() {
            match figures.get(id) {
                None => p.push(format!("figure {id} does not exist")),
                Some(f) if f.document_id != c.document_id => p.push(format!("figure {id} belongs to another document")),
                Some(_) => {}
            }
        }
        let shape_ok = match c.relation {
            Relation::BeforeAfter => c.from_id.is_some(),
            Relation::Growth => c.from_id.is_none() && c.rate_id.is_some(),
        };
        if !shape_ok {
            p.push(format!(
                "a {:?} change must name {}",
                c.relation,
                if c.relation == Relation::Growth { "a rate and no from" } else { "a from" }
            ));
        }
        let from = c.from_id.as_deref().and_then(|i| figures.get(i));
        let (rate, to) = (c.rate_id.as_deref().and_then(|i| figures.get(i)), figures.get(c.to_id.as_str()));
        if let (Some(from), Some(to)) = (from, to)
            && (from.unit != to.unit || from.kind != to.kind)
        {
            p.push(format!("ends differ: {:?}/{:?} → {:?}/{:?}", from.unit, from.kind, to.unit, to.kind));
        }
        if let (Some(from), Some(to), Some(step)) = (from, to, rate) {
            p.extend(step_problem(from, to, step));
        }
        p
    });
    r
}

/// A step stated between the ends (从2.1%提高0.3个百分点至2.4%) must be their difference, to
/// the rounding of the three written numbers.
fn step_problem(from: &Figure, to: &Figure, step: &Figure) -> Option<String> {
    let additive = step.unit == to.unit || (step.unit == Unit::PercentagePoint && to.unit == Unit::Percent);
    let exact = [from, to, step].iter().all(|f| f.qualifier.is_none());
    if !additive || !exact {
        return None;
    }
    let tolerance = from.half_last_place() + to.half_last_place() + step.half_last_place();
    let moved = (to.value - from.value).abs();
    ((moved - step.value).abs() > tolerance)
        .then(|| format!("the stated step {} is not the difference of {} and {}", step.text, from.text, to.text))
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn the_char_index_cuts_by_char_offsets_across_its_marks() {
        let text: String = "研发a投入1".repeat(40);
        let chars: Vec<char> = text.chars().collect();
        let index = CharIndex::new(&text);
        for (s, e) in [(0, 0), (0, 5), (63, 65), (64, 128), (190, 240), (239, 240), (240, 240)] {
            assert_eq!(index.slice(s, e), Some(chars[s..e].iter().collect::<String>().as_str()), "{s}..{e}");
        }
        assert_eq!(index.slice(5, 241), None);
        assert_eq!(index.slice(6, 5), None);
    }
}
