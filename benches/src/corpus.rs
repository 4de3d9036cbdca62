//! Where the benchmark corpora live, and how a missing one is made.
//!
//! Corpora are not committed: `benches/data/corpus-<N>.jsonl` is generated on first use by
//! `benches/peers/gen_corpus.py` (deterministic: the same N always gives the same bytes) and kept
//! for the next run.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The folder of this crate (`benches/`).
pub fn bench_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The cached corpus with `n_claims` claims (whether or not it exists yet).
pub fn path(n_claims: usize) -> PathBuf {
    bench_dir()
        .join("data")
        .join(format!("corpus-{n_claims}.jsonl"))
}

/// The corpus with `n_claims` claims, generated first when it is missing.
///
/// Needs `python3` on the `PATH`; the error says so when it is not there.
pub fn ensure(n_claims: usize) -> Result<PathBuf, String> {
    let out = path(n_claims);
    if out.metadata().map(|m| m.len() > 0).unwrap_or(false) {
        return Ok(out);
    }
    let dir = out.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let tmp = out.with_extension(format!("tmp-{}", std::process::id()));
    let script = bench_dir().join("peers").join("gen_corpus.py");
    let status = Command::new("python3")
        .arg(&script)
        .arg(n_claims.to_string())
        .arg(&tmp)
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|e| format!("running python3 {}: {e}", script.display()))?;
    if !status.success() {
        return Err(format!("{} {n_claims} failed: {status}", script.display()));
    }
    std::fs::rename(&tmp, &out).map_err(|e| format!("renaming to {}: {e}", out.display()))?;
    Ok(out)
}

/// The number of claims a corpus declares in its meta line.
pub fn n_claims(path: &Path) -> Result<usize, String> {
    use std::io::BufRead;
    let f = std::fs::File::open(path).map_err(|e| format!("opening {}: {e}", path.display()))?;
    let mut first = String::new();
    std::io::BufReader::new(f)
        .read_line(&mut first)
        .map_err(|e| format!("reading {}: {e}", path.display()))?;
    let meta: serde_json::Value = serde_json::from_str(&first)
        .map_err(|e| format!("{} line 1 is not JSON: {e}", path.display()))?;
    if meta.get("type").and_then(|t| t.as_str()) != Some("meta") {
        return Err(format!("{} line 1 is not a meta record", path.display()));
    }
    meta.get("n_claims")
        .and_then(|n| n.as_u64())
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| format!("{} line 1 has no n_claims", path.display()))
}
