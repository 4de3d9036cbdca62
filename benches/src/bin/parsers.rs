//! The W1 floor with each candidate JSON parser: reads the corpus once, then parses every line
//! into the floor's borrowed record with serde_json, simd-json and sonic-rs, on one thread and
//! on two (the buffer split in halves), `--reps` times each.
//!
//! Usage: `parsers CORPUS.jsonl [--reps N]`. Prints one line per parser and run: wall and CPU
//! seconds (user + system of the whole process) for one thread and for two.

use std::process::ExitCode;
use std::time::Instant;

use claimgraph_benches::floor::{parse_lines_with, Parser};
use claimgraph_benches::rss;

/// Wall and CPU seconds of `f`.
fn timed(f: impl FnOnce() -> Result<usize, String>) -> Result<(f64, f64, usize), String> {
    let c0 = rss::cpu_seconds().unwrap_or(0.0);
    let t0 = Instant::now();
    let n = f()?;
    let wall = t0.elapsed().as_secs_f64();
    Ok((wall, rss::cpu_seconds().unwrap_or(0.0) - c0, n))
}

fn run(path: &str, reps: usize) -> Result<(), String> {
    let original = std::fs::read(path).map_err(|e| format!("reading {path}: {e}"))?;
    let mid = original
        .iter()
        .skip(original.len() / 2)
        .position(|&b| b == b'\n')
        .map_or(original.len(), |p| original.len() / 2 + p + 1);
    println!("parser\trep\twall_1t\tcpu_1t\twall_2t\tcpu_2t\tlines");
    for rep in 1..=reps {
        for parser in Parser::ALL {
            let mut buf = original.clone();
            let (w1, c1, n) = timed(|| parse_lines_with(parser, &mut buf))?;
            let mut buf = original.clone();
            let (a, b) = buf.split_at_mut(mid);
            let (w2, c2, n2) = timed(|| {
                std::thread::scope(|s| {
                    let h = s.spawn(|| parse_lines_with(parser, b));
                    let na = parse_lines_with(parser, a)?;
                    let nb = h
                        .join()
                        .unwrap_or_else(|_| Err("the parsing thread stopped".into()))?;
                    Ok(na + nb)
                })
            })?;
            if n != n2 {
                return Err(format!(
                    "{}: {n} lines on one thread, {n2} on two",
                    parser.name()
                ));
            }
            println!(
                "{}\t{rep}\t{w1:.3}\t{c1:.2}\t{w2:.3}\t{c2:.2}\t{n}",
                parser.name()
            );
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(path), reps) = (args.next(), args.next()) else {
        eprintln!("usage: parsers CORPUS.jsonl [--reps N]");
        return ExitCode::from(2);
    };
    let reps = match (reps.as_deref(), args.next()) {
        (Some("--reps"), Some(n)) => n.parse().unwrap_or(2),
        _ => 2,
    };
    match run(&path, reps) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parsers: {e}");
            ExitCode::FAILURE
        }
    }
}
