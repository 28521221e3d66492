//! Frames: every Polars call in the crate. [`derive`] computes the derived measures with the lazy
//! API; [`parquet`] encodes record tables as Parquet. Record types go in and come out; no Polars
//! type crosses this module's boundary, so a Polars upgrade touches nothing else.

pub mod derive;
pub mod parquet;
