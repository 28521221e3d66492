//! Findings: what a stage noticed and the user must hear about — a failed check, a number that
//! could not be read, a subject no indicator names. Findings are data: collected, counted and
//! reported together, never printed from deep inside a stage.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How much a finding matters.
///
/// - `info`: Worth knowing; the run is fine.
/// - `warning`: Something was skipped or guessed; the outputs are still valid.
/// - `error`: A rule failed; nothing is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// One thing a stage noticed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    pub severity: Severity,
    /// A short stable code naming the rule (`schema`, `span-text`, `bounds-order`, …).
    pub code: String,
    /// The record the finding is about.
    pub record_id: String,
    /// Where: a JSON pointer, char offsets, or file and line.
    pub location: String,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{sev}[{}] {} at {}: {}", self.code, self.record_id, self.location, self.message)
    }
}
