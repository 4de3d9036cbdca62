//! Writes the extractor's span records for every document of an evaluation folder:
//! `cargo run -p claimgraph-extract --example predict -- GOLD_DIR PRED_DIR`.
//! Only each document's `text` is read, never its gold.

use std::path::Path;
use std::process::ExitCode;

fn run(gold: &Path, out: &Path) -> Result<usize, String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut entries: Vec<_> = std::fs::read_dir(gold)
        .map_err(|e| format!("{}: {e}", gold.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    entries.sort();
    let mut n = 0;
    for path in entries {
        let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc: serde_json::Value =
            serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("doc")
            .to_owned();
        let text = doc["text"]
            .as_str()
            .ok_or_else(|| format!("{}: no \"text\"", path.display()))?;
        let draft = claimgraph_extract::extract(text, &Default::default())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        n += draft.attributions.len();
        let json = draft.to_prediction_json(&name);
        let target = out.join(format!("{name}.json"));
        std::fs::write(&target, format!("{json:#}\n"))
            .map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(n)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [gold, out] = args.as_slice() else {
        eprintln!("usage: predict GOLD_DIR PRED_DIR");
        return ExitCode::from(2);
    };
    match run(Path::new(gold), Path::new(out)) {
        Ok(n) => {
            eprintln!("wrote {n} attributions to {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("predict: {e}");
            ExitCode::FAILURE
        }
    }
}
