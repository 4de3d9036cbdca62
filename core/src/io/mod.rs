//! Reading and writing graphs.

pub(crate) mod jsonl;
pub(crate) mod native;

pub use jsonl::IngestReport;
pub use native::{FORMAT_NAME, FORMAT_VERSION};
