//! Manifest: records what each document's extraction depended on — the text's and the sidecar's
//! hashes, the catalog's hash and the extractor's version — so that a later run can reuse the
//! records of unchanged documents instead of extracting them again.
//!
//! `output/manifest.jsonl` holds one [`Entry`] per line, sorted by document id, so that a run
//! writes it and the next run reads it one document at a time
//! ([`crate::inputs::read_previous`]). Reuse never changes a byte of the outputs: derived
//! measures, indicators and validation are always recomputed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::findings::Finding;

/// One line of `output/manifest.jsonl`: what one document's records were extracted from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entry {
    /// The document's id.
    pub id: String,
    /// Hash of the extractor's source; any change to the extraction rules changes it.
    pub extractor_version: String,
    /// SHA-256 of `raw/catalog.toml` (empty when there is none).
    pub catalog_sha256: String,
    /// SHA-256 of the raw text's bytes.
    pub text_sha256: String,
    /// SHA-256 of the sidecar's bytes; null when there is none.
    pub sidecar_sha256: Option<String>,
    /// How many figures and changes were extracted: reuse takes exactly these from the
    /// previous tables, or extracts again.
    pub figures: u64,
    pub changes: u64,
    /// The findings extraction reported for the document, replayed when its records are reused.
    pub findings: Vec<Finding>,
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(bytes))
}

/// Lower-case hex of a digest.
pub fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The extractor's version (`figures_extract::VERSION`): its package version and a hash of its
/// whole source tree.
pub fn extractor_version() -> String {
    figures_extract::VERSION.to_string()
}

impl Entry {
    /// True when this entry's text, sidecar, catalog and extractor are all those given now.
    pub fn unchanged(&self, version: &str, text_sha256: &str, sidecar_sha256: Option<&str>, catalog_sha256: &str) -> bool {
        self.extractor_version == version
            && self.catalog_sha256 == catalog_sha256
            && self.text_sha256 == text_sha256
            && self.sidecar_sha256.as_deref() == sidecar_sha256
    }
}
