//! The text the extractor's throughput is measured on: the 16 shared GUM news documents and the
//! reference article, read from `../shared` beside the checkout.

use std::path::Path;

/// Each document's text, in file-name order, then the reference article; empty when the shared
/// data is missing.
pub fn corpus() -> Vec<String> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    let mut docs = Vec::new();
    let gum = shared.join("extraction/gum-news");
    let mut files: Vec<_> = std::fs::read_dir(&gum)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    for f in files {
        let Ok(raw) = std::fs::read_to_string(&f) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&raw) else {
            continue;
        };
        if let Some(t) = v["text"].as_str() {
            docs.push(t.to_owned());
        }
    }
    if let Ok(t) = std::fs::read_to_string(shared.join("reference/putin-dprk-visit-2024-06-18.txt"))
    {
        docs.push(t);
    }
    docs
}
