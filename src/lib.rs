//! figures: exact, traceable, validated figures from Chinese government reporting text.
//!
//! One module per stage, data flowing one way:
//! raw text ([`inputs`]) → [`document`] → [`figures`] → [`changes`] → records ([`extract`]) →
//! [`validate`] → derived ([`frames`]) → written ([`write`]), run in order by [`pipeline`].
//! Only [`inputs`] and [`write`] touch the file system (and [`bench`], its own scratch
//! directory); every Polars call is in [`frames`].

pub mod batch;
pub mod bench;
pub mod catalog;
pub mod changes;
pub mod corpus;
pub mod document;
pub mod encode;
pub mod error;
pub mod eval;
pub mod extract;
pub mod figures;
pub mod findings;
pub mod frames;
pub mod inputs;
pub mod manifest;
pub mod numerals;
pub mod package;
pub mod pipeline;
pub mod records;
pub mod report;
pub mod schema_check;
pub mod schemas;
pub mod validate;
pub mod write;
