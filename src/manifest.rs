//! Manifest: records what each document's extraction depended on — the text's and the sidecar's
//! hashes, the catalog's hash and the extractor's version — so that a later run can reuse the
//! records of unchanged documents instead of extracting them again.
//!
//! Pure: the manifest is written with the outputs by [`crate::write`] and read back by
//! [`crate::inputs::read_previous`]. Reuse never changes a byte of the outputs: derived measures,
//! indicators and validation are always recomputed over every document.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::findings::Finding;

/// `output/manifest.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Manifest {
    /// Hash of the extractor's source; any change to the extraction rules changes it.
    pub extractor_version: String,
    /// SHA-256 of `raw/catalog.toml` (empty when there is none).
    pub catalog_sha256: String,
    /// One entry per document, sorted by id.
    pub documents: Vec<Entry>,
}

/// What one document's records were extracted from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entry {
    pub id: String,
    /// SHA-256 of the raw text's bytes.
    pub text_sha256: String,
    /// SHA-256 of the sidecar's bytes; null when there is none.
    pub sidecar_sha256: Option<String>,
    /// The findings extraction reported for the document, replayed when its records are reused.
    pub findings: Vec<Finding>,
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The sources whose rules decide what a text's records are.
const EXTRACTOR_SOURCES: [&str; 7] = [
    include_str!("numerals.rs"),
    include_str!("document.rs"),
    include_str!("figures.rs"),
    include_str!("changes.rs"),
    include_str!("catalog.rs"),
    include_str!("extract.rs"),
    include_str!("records.rs"),
];

/// The package version and a hash of the extractor's source.
pub fn extractor_version() -> String {
    let hash = sha256_hex(EXTRACTOR_SOURCES.concat().as_bytes());
    format!("{}+{}", env!("CARGO_PKG_VERSION"), &hash[..16])
}

impl Manifest {
    /// The entry of document `id` when its text, sidecar, the catalog and the extractor are
    /// all unchanged.
    pub fn unchanged(&self, id: &str, text_sha256: &str, sidecar_sha256: Option<&str>, catalog_sha256: &str) -> Option<&Entry> {
        if self.extractor_version != extractor_version() || self.catalog_sha256 != catalog_sha256 {
            return None;
        }
        self.documents.iter().find(|e| e.id == id && e.text_sha256 == text_sha256 && e.sidecar_sha256.as_deref() == sidecar_sha256)
    }
}
