//! figures: exact, traceable, validated figures from Chinese government reporting text.
//!
//! One module per stage, data flowing one way:
//! raw text ([`inputs`]) → [`document`] → [`scan`] → [`link`] → records ([`extract`]) →
//! [`validate`] → derived ([`frames`]) → written ([`write`]), run in order by [`pipeline`].
//! Only [`inputs`] and [`write`] touch the file system (and [`bench`], its own scratch
//! directory); every Polars call is in [`frames`].
//!
//! The extraction stages live in their own crate, `figures_extract` (no IO, no Polars), and are
//! re-exported here under their usual paths.

pub use figures_extract::{catalog, document, extract, findings, lexicon, link, numerals, scan};

pub mod bench;
pub mod corpus;
pub mod encode;
pub mod error;
pub mod eval;
pub mod frames;
pub mod inputs;
pub mod manifest;
pub mod package;
pub mod pipeline;
pub mod records;
pub mod report;
pub mod schemas;
pub mod validate;
pub mod write;
