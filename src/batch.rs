//! Batch: what one batch of documents carries from stage to stage (its records, sorted), and what
//! a whole run adds up to. Plain data, so that the stages that read it (report, pipeline) need
//! not import the one that runs them.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::findings::Finding;
use crate::records::{Change, Document, Figure, IndicatorValue, Sentence};
use crate::validate::CheckTally;

/// The records of one batch of documents, sorted by document and position.
#[derive(Debug, Default)]
pub struct Batch {
    pub documents: Vec<Document>,
    pub figures: Vec<Figure>,
    pub sentences: Vec<Sentence>,
    pub changes: Vec<Change>,
    pub indicators: Vec<IndicatorValue>,
}

/// What a run wrote, counted, and the findings a person must read.
#[derive(Debug, Default)]
pub struct Summary {
    pub documents: u64,
    pub figures: u64,
    pub sentences: u64,
    pub changes: u64,
    pub indicators: u64,
    pub extracted: u64,
    pub reused: u64,
    pub checks: Vec<CheckTally>,
    /// Every error: any error means the run must not be committed.
    pub errors: Vec<Finding>,
    pub warnings: u64,
    pub notes: u64,
    /// Warnings and notes by code.
    pub codes: BTreeMap<String, u64>,
    /// Files staged.
    pub files: usize,
    /// Time spent in each stage over all batches, in the order the stages first ran.
    pub stages: Vec<StageTime>,
}

/// The time one stage took over a run: wall clock, and CPU on all threads.
#[derive(Debug, Clone, PartialEq)]
pub struct StageTime {
    pub stage: &'static str,
    pub wall: Duration,
    pub cpu_seconds: f64,
}
