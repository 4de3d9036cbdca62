//! `claimgraph match FILE "text"` and `claimgraph match FILE --queries queries.tsv`

use claimgraph::{ClaimIndex, Error, Location, SimilarClaim, SimilarOptions};

use super::{json_line, GraphArg};
use crate::failure::Failure;
use crate::output::write_text;
use crate::ui::Ui;

/// Has this been checked before? The claims most similar to a text, with the reasons.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    graph: GraphArg,
    /// The text to match (a sentence, a post); or use --queries.
    #[arg(value_name = "TEXT", required_unless_present = "queries")]
    text: Option<String>,
    /// A file of texts to match, one per line: `id TAB text` (lines starting with `#` are
    /// skipped); the answer is one TSV line per hit: id, rank, claim, score, shared words.
    #[arg(long, value_name = "TSV", conflicts_with = "text")]
    queries: Option<String>,
    /// At most this many claims per text.
    #[arg(short, long, default_value_t = 10)]
    k: usize,
    /// Leave out claims scoring below this (0 to 1).
    #[arg(long, default_value_t = 0.0)]
    min_score: f64,
    /// Leave out claims sharing fewer content words with the text.
    #[arg(long, default_value_t = 0)]
    min_shared_words: usize,
    /// One JSON object per hit, with every part of its score.
    #[arg(long)]
    json: bool,
}

fn hit_json(query: Option<&str>, rank: usize, hit: &SimilarClaim) -> serde_json::Value {
    let parts: Vec<serde_json::Value> = hit
        .parts
        .iter()
        .map(|p| {
            serde_json::json!({
                "kind": p.kind.as_str(),
                "matched": p.matched,
                "similarity": p.similarity,
                "score": p.score,
                "share": p.share,
            })
        })
        .collect();
    let mut v = serde_json::json!({
        "rank": rank,
        "claim": hit.claim,
        "score": hit.score,
        "shared_words": hit.shared_words,
        "parts": parts,
    });
    if let (Some(q), Some(m)) = (query, v.as_object_mut()) {
        m.insert("query".into(), serde_json::Value::String(q.to_owned()));
    }
    v
}

fn hit_text(rank: usize, hit: &SimilarClaim, claim_text: &str) -> String {
    let mut out = format!("{rank}. {}  {:.3}  {claim_text}\n", hit.claim, hit.score);
    for p in &hit.parts {
        out.push_str(&format!(
            "     {:<8} {:>3.0}%  {}\n",
            p.kind.as_str(),
            p.share * 100.0,
            p.matched.join(", ")
        ));
    }
    out
}

/// Matches the text (or each text of the query file) against the graph's claims.
pub fn run(args: Args, ui: &Ui) -> Result<(), Failure> {
    let graph = args.graph.read(ui)?;
    let index = ClaimIndex::new(&graph);
    let options = SimilarOptions {
        k: args.k,
        min_score: args.min_score,
        min_shared_words: args.min_shared_words,
        ..SimilarOptions::default()
    };
    let mut out = String::new();
    if let Some(file) = &args.queries {
        let text = std::fs::read_to_string(file).map_err(|source| {
            Failure::graph(Error::Io {
                action: "read",
                path: file.into(),
                source,
            })
        })?;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((id, query)) = line.split_once('\t') else {
                return Err(Failure::in_file(
                    file,
                    Error::Format {
                        format: "queries TSV",
                        location: Location {
                            line: Some(n as u64 + 1),
                            ..Location::default()
                        },
                        message: "expected `id TAB text`".into(),
                    },
                ));
            };
            for (rank, hit) in index.similar_claims(query, &options).iter().enumerate() {
                if args.json {
                    out.push_str(&json_line(serde_json::to_string(&hit_json(
                        Some(id),
                        rank + 1,
                        hit,
                    )))?);
                } else {
                    out.push_str(&format!(
                        "{id}\t{}\t{}\t{:.6}\t{}\n",
                        rank + 1,
                        hit.claim,
                        hit.score,
                        hit.shared_words
                    ));
                }
            }
        }
    } else {
        let text = args.text.unwrap_or_default();
        let hits = index.similar_claims(&text, &options);
        for (rank, hit) in hits.iter().enumerate() {
            if args.json {
                out.push_str(&json_line(serde_json::to_string(&hit_json(None, rank + 1, hit)))?);
            } else {
                let claim_text = graph.claim(&hit.claim).map_or("", |c| c.text.as_str());
                out.push_str(&hit_text(rank + 1, hit, claim_text));
            }
        }
        if hits.is_empty() && !args.json {
            out.push_str("no similar claim\n");
        }
    }
    write_text("-", &out)
}
