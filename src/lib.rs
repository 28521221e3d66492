//! figures: exact, traceable, validated figures from Chinese government reporting text.
//!
//! One module per stage, data flowing one way:
//! raw text → [`document`] → [`figures`] → [`changes`] → [`extract`] (records) →
//! [`validate`] → [`derive`] → [`write`]. Only [`inputs`] and [`write`] touch the file system.

pub mod changes;
pub mod document;
pub mod figures;
pub mod numerals;
pub mod records;
pub mod catalog;
pub mod extract;
pub mod findings;
pub mod eval;
