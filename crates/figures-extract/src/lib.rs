//! figures-extract: the extractor. Decoded Chinese report text in; [`records::Figure`]s,
//! [`records::Change`]s and [`findings::Finding`]s out.
//!
//! Layers, as in a grammar, each using only those above it:
//! - [`numerals`]: written numbers to exact decimals (Arabic, Chinese, the unit of the last digit);
//! - [`lexicon`]: what the words mean — units, measure words, qualifiers, change and rank words,
//!   names — as typed tables, each entry with an example a test extracts;
//! - [`document`]: blocks, sentences and sections of one text;
//! - [`scan`]: where figures are — number, range, unit, date, rank, qualifier, bounds, role, and
//!   what is not a figure;
//! - [`link`]: how figures relate — before→after, growth, lists, subjects;
//! - [`catalog`] (subject → indicator) and [`extract`], which runs the layers over one text and
//!   builds the [`records`].
//!
//! The crate is pure: it reads no file, writes nothing, uses no Polars and never fails — a
//! number it cannot represent exactly is a finding. The pipeline crate (`figures`) depends on it;
//! it depends on nothing of the pipeline.

pub mod catalog;
pub mod document;
pub mod extract;
pub mod findings;
pub mod lexicon;
pub mod link;
pub mod numerals;
pub mod records;
pub mod scan;

/// The extractor's version: the crate's version and a hash of its whole `src/` tree (computed by
/// `build.rs`), so that any change to the rules, the word lists or the records changes it.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("FIGURES_EXTRACT_SOURCE_HASH"));
