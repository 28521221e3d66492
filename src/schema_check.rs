//! Schema check: the committed JSON Schemas, compiled into the binary so it validates the same
//! way wherever it runs, as validators built once. Generating the schemas from the types is
//! [`crate::schemas`]' job; a test proves the compiled-in copies equal what it generates.

use std::path::Path;

use serde_json::Value;

use crate::error::{Error, Result};

/// `figure` → `figure.schema.json`.
pub fn file_name(stem: &str) -> String {
    format!("{stem}.schema.json")
}

/// The committed schema files, compiled into the binary so that it validates the same way
/// wherever it runs; a test proves they equal what the types generate.
pub const EMBEDDED: [(&str, &str); 11] = [
    ("catalog", include_str!("../schemas/catalog.schema.json")),
    ("change", include_str!("../schemas/change.schema.json")),
    ("document", include_str!("../schemas/document.schema.json")),
    ("figure", include_str!("../schemas/figure.schema.json")),
    ("finding", include_str!("../schemas/finding.schema.json")),
    ("indicator", include_str!("../schemas/indicator.schema.json")),
    ("indicators_catalog", include_str!("../schemas/indicators_catalog.schema.json")),
    ("manifest", include_str!("../schemas/manifest.schema.json")),
    ("sentence", include_str!("../schemas/sentence.schema.json")),
    ("sidecar", include_str!("../schemas/sidecar.schema.json")),
    ("validation", include_str!("../schemas/validation.schema.json")),
];

/// A validator built once from a committed schema.
pub struct Checker {
    validator: jsonschema::Validator,
}

impl Checker {
    /// The validator for the committed `schemas/<stem>.schema.json`, as compiled in.
    pub fn load(stem: &str) -> Result<Checker> {
        let path = Path::new("schemas").join(file_name(stem));
        let bug = "this build of figures is broken: rebuild it after `figures schemas`";
        let text = EMBEDDED
            .iter()
            .find(|(s, _)| *s == stem)
            .map(|(_, text)| *text)
            .ok_or_else(|| Error::input(&path, "(embedded)", "no such schema", bug))?;
        let value: Value =
            serde_json::from_str(text).map_err(|e| Error::input(&path, format!("{}:{}", e.line(), e.column()), e.to_string(), bug))?;
        let validator = jsonschema::validator_for(&value)
            .map_err(|e| Error::input(&path, "(embedded)", format!("not a valid JSON Schema: {e}"), bug))?;
        Ok(Checker { validator })
    }

    /// Every way `instance` breaks the schema, as (JSON pointer, message).
    pub fn errors(&self, instance: &Value) -> Vec<(String, String)> {
        // Nearly every record is valid, and asking only whether it is costs a fraction of
        // collecting errors (no error paths are built); the errors are collected for the rest.
        if self.validator.is_valid(instance) {
            return Vec::new();
        }
        self.validator.iter_errors(instance).map(|e| (e.instance_path().to_string(), e.to_string())).collect()
    }
}
