//! CLEF-2020 CheckThat! Task 2 (verified-claim retrieval) through claimgraph's claim index.
//!
//! Usage: `clef2020-t2 --vclaims verified_claims.docs.tsv --tweets tweets.queries.tsv
//! --out RUN [--depth 100] [--weights WORDS,NGRAMS,NUMBERS,NAMES,LINKS] [--review-weight W]
//! [--keep-tail | --drop-tail] [--parts FILE]`
//!
//! Builds a graph of the verified claims through the public API (each claim with its Snopes
//! fact-check: the data has no rating, so the verdict's label is "unrated", and the fact-check
//! article's title is its summary), ranks the claims for every tweet with
//! `ClaimIndex::similar_claims`, and writes a TREC run (`tweet_id Q0 vclaim_id rank score tag`,
//! the top `--depth` claims per tweet). It reads no gold file: score the run with
//! `shared/matching/score.py`.
//!
//! A tweet's text ends with "— Name (@handle) Month Day, Year", which says who posted it and
//! when, not what it claims: the date is dropped and the name and handle kept (a claim about
//! what someone said names them), unless `--keep-tail` (all of it kept) or `--drop-tail`
//! (none of it). `--parts FILE` writes, for every hit, the similarity of each match kind (what
//! `benches/matching/fit-weights` fits the weights on). The run keeps `similar_claims`' order:
//! claims it ties (copies of one claim) are written with scores a hair apart, smaller id first,
//! since the scorer would otherwise put the higher id first.
//! Build it with `--release`; it prints the timings on stderr.

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use claimgraph::{
    Claim, ClaimGraph, ClaimIndex, IndexOptions, MatchKind, MatchWeights, SimilarOptions, Source,
    SourceKind, Verdict,
};
use claimgraph_benches::tsv;

struct Args {
    vclaims: String,
    tweets: String,
    out: String,
    depth: usize,
    weights: MatchWeights,
    review_weight: f32,
    keep_tail: bool,
    drop_tail: bool,
    parts: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mut a = Args {
        vclaims: String::new(),
        tweets: String::new(),
        out: String::new(),
        depth: 100,
        weights: MatchWeights::default(),
        review_weight: IndexOptions::default().review_weight,
        keep_tail: false,
        drop_tail: false,
        parts: None,
    };
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--vclaims" => a.vclaims = value()?,
            "--tweets" => a.tweets = value()?,
            "--out" => a.out = value()?,
            "--depth" => a.depth = value()?.parse().map_err(|e| format!("--depth: {e}"))?,
            "--review-weight" => {
                a.review_weight = value()?
                    .parse()
                    .map_err(|e| format!("--review-weight: {e}"))?
            }
            "--keep-tail" => a.keep_tail = true,
            "--drop-tail" => a.drop_tail = true,
            "--parts" => a.parts = Some(value()?),
            "--weights" => {
                let v: Vec<f64> = value()?
                    .split(',')
                    .map(|x| {
                        x.parse::<f64>()
                            .map_err(|e| format!("--weights: {x:?}: {e}"))
                    })
                    .collect::<Result<_, _>>()?;
                if v.len() != 5 {
                    return Err(
                        "--weights takes 5 numbers: words,ngrams,numbers,names,links".into(),
                    );
                }
                a.weights = MatchWeights {
                    words: v[0],
                    ngrams: v[1],
                    numbers: v[2],
                    names: v[3],
                    links: v[4],
                };
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if a.vclaims.is_empty() || a.tweets.is_empty() || a.out.is_empty() {
        return Err("usage: clef2020-t2 --vclaims FILE --tweets FILE --out RUN".into());
    }
    Ok(a)
}

/// The tweet without the date of its "— Name (@handle) Date" tail.
fn without_date(tweet: &str) -> &str {
    match tweet.rfind('\u{2014}') {
        Some(at) => {
            let tail = &tweet[at..];
            match tail.rfind(')') {
                Some(close) => &tweet[..at + close + 1],
                None => tweet,
            }
        }
        None => tweet,
    }
}

fn run(a: &Args) -> Result<(), String> {
    let t0 = Instant::now();
    let claims = tsv::read(&a.vclaims, 3)?;
    let tweets = tsv::read(&a.tweets, 2)?;
    let mut g = ClaimGraph::new();
    g.add_source(Source::new("snopes", SourceKind::Organization, "Snopes"))
        .map_err(|e| e.to_string())?;
    for r in &claims {
        let id = &r[0];
        g.add_claim(Claim::new(id.as_str(), r[1].as_str()))
            .map_err(|e| format!("{}: claim {id}: {e}", a.vclaims))?;
        if !r[2].trim().is_empty() {
            g.add_verdict(Verdict::new("snopes", id.as_str(), "unrated").summary(r[2].as_str()))
                .map_err(|e| format!("{}: claim {id}: {e}", a.vclaims))?;
        }
    }
    let t_graph = t0.elapsed();
    let t1 = Instant::now();
    let index = ClaimIndex::with_options(
        &g,
        IndexOptions {
            review_weight: a.review_weight,
            ..IndexOptions::default()
        },
    );
    let t_index = t1.elapsed();
    let options = SimilarOptions {
        k: a.depth,
        min_score: 0.0,
        min_shared_words: 0,
        weights: a.weights.clone(),
    };
    let t2 = Instant::now();
    let mut out = String::new();
    let mut parts = String::new();
    for r in &tweets {
        let text = if a.keep_tail {
            r[1].as_str()
        } else if a.drop_tail {
            r[1].rfind('\u{2014}')
                .map_or(r[1].as_str(), |at| &r[1][..at])
        } else {
            without_date(&r[1])
        };
        let mut above = f64::INFINITY;
        for (rank, hit) in index.similar_claims(text, &options).iter().enumerate() {
            if a.parts.is_some() {
                parts.push_str(&format!("{}\t{}", r[0], hit.claim));
                for kind in MatchKind::ALL {
                    let sim = hit.parts.iter().find(|p| p.kind == kind);
                    parts.push_str(&format!("\t{:.6}", sim.map_or(0.0, |p| p.similarity)));
                }
                parts.push('\n');
            }
            // The scorer orders tied scores by claim id, highest first; similar_claims orders
            // them by claim id, smallest first. A claim tied with the one above it is written a
            // hair lower, so the run keeps similar_claims' order.
            let written = hit.score.min(above - 1e-12);
            above = written;
            out.push_str(&format!(
                "{}\tQ0\t{}\t{}\t{:.12}\tclaimgraph\n",
                r[0],
                hit.claim,
                rank + 1,
                written
            ));
        }
    }
    let t_query = t2.elapsed();
    if let Some(path) = &a.parts {
        std::fs::write(path, parts).map_err(|e| format!("{path}: {e}"))?;
    }
    std::fs::File::create(&a.out)
        .and_then(|mut f| f.write_all(out.as_bytes()))
        .map_err(|e| format!("{}: {e}", a.out))?;
    eprintln!(
        "clef2020-t2: {} claims, {} tweets; graph {:.2} s, index {:.3} s ({:.1} MB), queries {:.3} s ({:.2} ms each) -> {}",
        claims.len(),
        tweets.len(),
        t_graph.as_secs_f64(),
        t_index.as_secs_f64(),
        index.memory_bytes() as f64 / 1e6,
        t_query.as_secs_f64(),
        t_query.as_secs_f64() * 1e3 / tweets.len().max(1) as f64,
        a.out
    );
    Ok(())
}

fn main() -> ExitCode {
    match parse_args().and_then(|a| run(&a)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("clef2020-t2: {e}");
            ExitCode::from(2)
        }
    }
}
