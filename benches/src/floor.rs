//! The W1 floor: what merely reading the corpus and parsing every line costs.
//!
//! W1 (building a graph from the corpus) cannot be cheaper than reading the file and
//! deserializing each line with serde_json into a typed record whose strings borrow from the
//! buffer. Measuring that floor on the same machine, in the same run, tells how much of W1 the
//! graph itself costs.

use std::borrow::Cow;
use std::path::Path;
use std::time::Instant;

use serde::Deserialize;

/// One corpus line, every field optional, strings borrowed from the input where possible.
#[derive(Debug, Deserialize)]
#[allow(dead_code)] // the fields are parsed to be paid for, not read
struct FloorRecord<'a> {
    #[serde(rename = "type", borrow)]
    record_type: Cow<'a, str>,
    #[serde(borrow, default)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
    #[serde(default)]
    anonymous: Option<bool>,
    #[serde(borrow, default)]
    from: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    to: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    date: Option<Cow<'a, str>>,
    #[serde(default)]
    cycle: Option<bool>,
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    source: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    claim: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    stance: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    quote: Option<Cow<'a, str>>,
}

/// The floor's figures, in seconds.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Floor {
    /// Reading the whole file into memory.
    pub read_s: f64,
    /// Parsing every line on one core.
    pub parse_s: f64,
    /// Parsing every line, the buffer split in two halves parsed on two threads.
    pub parse_2t_s: f64,
    /// Lines parsed (the meta line included).
    pub lines: usize,
}

fn parse_lines(buf: &[u8]) -> Result<usize, String> {
    parse_lines_with(Parser::SerdeJson, &mut buf.to_vec())
}

/// A JSON parser the floor can be measured with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parser {
    /// `serde_json::from_slice`, what the library uses.
    SerdeJson,
    /// `simd_json::serde::from_slice`, which parses (and unescapes) in place.
    SimdJson,
    /// `sonic_rs::from_slice`.
    SonicRs,
}

impl Parser {
    /// Every parser, in the order they are reported.
    pub const ALL: [Parser; 3] = [Parser::SerdeJson, Parser::SimdJson, Parser::SonicRs];

    /// The crate's name.
    pub fn name(self) -> &'static str {
        match self {
            Parser::SerdeJson => "serde_json",
            Parser::SimdJson => "simd-json",
            Parser::SonicRs => "sonic-rs",
        }
    }
}

/// Parses every line of `buf` into a borrowed [`FloorRecord`] with `parser` (simd-json writes
/// into the buffer, hence `&mut`); returns the lines parsed.
pub fn parse_lines_with(parser: Parser, buf: &mut [u8]) -> Result<usize, String> {
    let mut n = 0;
    for (i, line) in buf.split_mut(|&b| b == b'\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        let err = |e: String| format!("line {}: {e}", i + 1);
        match parser {
            Parser::SerdeJson => {
                let rec: FloorRecord<'_> =
                    serde_json::from_slice(line).map_err(|e| err(e.to_string()))?;
                std::hint::black_box(&rec);
            }
            Parser::SimdJson => {
                let rec: FloorRecord<'_> =
                    simd_json::serde::from_slice(line).map_err(|e| err(e.to_string()))?;
                std::hint::black_box(&rec);
            }
            Parser::SonicRs => {
                let rec: FloorRecord<'_> =
                    sonic_rs::from_slice(line).map_err(|e| err(e.to_string()))?;
                std::hint::black_box(&rec);
            }
        }
        n += 1;
    }
    Ok(n)
}

/// Reads `path` and parses every line, timing both; then parses it again on two threads.
pub fn measure(path: &Path) -> Result<Floor, String> {
    let t0 = Instant::now();
    let buf = std::fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let read_s = t0.elapsed().as_secs_f64();

    let t1 = Instant::now();
    let lines = parse_lines(&buf)?;
    let parse_s = t1.elapsed().as_secs_f64();

    let mid = buf
        .iter()
        .skip(buf.len() / 2)
        .position(|&b| b == b'\n')
        .map_or(buf.len(), |p| buf.len() / 2 + p + 1);
    let (a, b) = buf.split_at(mid);
    let t2 = Instant::now();
    let (ra, rb) = std::thread::scope(|s| {
        let h = s.spawn(|| parse_lines(b));
        let ra = parse_lines(a);
        let rb = h
            .join()
            .unwrap_or_else(|_| Err("the parsing thread stopped".to_string()));
        (ra, rb)
    });
    let parse_2t_s = t2.elapsed().as_secs_f64();
    if ra? + rb? != lines {
        return Err("the two halves parsed a different number of lines".into());
    }
    Ok(Floor {
        read_s,
        parse_s,
        parse_2t_s,
        lines,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_line_is_parsed_and_a_bad_line_is_named() {
        let good = b"{\"type\":\"meta\",\"n_claims\":1}\n{\"type\":\"claim\",\"id\":\"c0\",\"text\":\"x \\\"y\\\"\"}\n";
        assert_eq!(super::parse_lines(good), Ok(2));
        let bad = b"{\"type\":\"meta\"}\n{\"type\":\"claim\",\"id\":\n";
        let err = super::parse_lines(bad).unwrap_err();
        assert!(err.starts_with("line 2:"), "{err}");
    }
}
