//! `claimgraph match FILE TEXT`, `claimgraph match FILE --queries queries.tsv` and
//! `claimgraph match FILE --duplicates`

use claimgraph::{
    ClaimGraph, ClaimIndex, Error, IndexLoad, IndexOptions, Language, Location, MatchPart,
    SimilarClaim, SimilarOptions,
};

use super::{json_line, GraphArg};
use crate::failure::Failure;
use crate::output::write_text;
use crate::ui::Ui;

/// Has this been checked before? The claims of the record most similar to a text, with the
/// reasons.
///
/// The claims are ranked on shared stemmed words, character n-grams, numbers, names and links;
/// each hit shows what matched and each part's share of its score. FILE may be a claim graph or
/// a ClaimReview feed (its fact-checked claims and their reviews are what is matched). With
/// --duplicates, the pairs of claims of FILE that may be wordings of one claim and are not yet
/// linked by same-as.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    graph: GraphArg,
    /// The text to match (a sentence, a post); or use --queries or --duplicates.
    #[arg(value_name = "TEXT", required_unless_present_any = ["queries", "duplicates"])]
    text: Option<String>,
    /// A file of texts to match, one record per text: `id TAB text`, where a field may be
    /// quoted ("...", inner quotes doubled) to hold TABs and line breaks, as pandas writes TSV
    /// (blank lines, lines starting with `#` and a header row with an empty first field are
    /// skipped); the answer is one TSV line per hit: id, rank, claim, score, shared words.
    #[arg(long, value_name = "TSV", conflicts_with_all = ["text", "duplicates"])]
    queries: Option<String>,
    /// Pairs of claims of FILE that may be one claim worded twice (candidates for same-as).
    #[arg(long, conflicts_with = "text")]
    duplicates: bool,
    /// At most this many claims per text (with --duplicates: per claim).
    #[arg(short, long, default_value_t = 10)]
    k: usize,
    /// Leave out claims scoring below this (0 to 1).
    #[arg(long, value_name = "SCORE", default_value_t = 0.0)]
    min_score: f64,
    /// Leave out claims sharing fewer content words with the text.
    #[arg(long, value_name = "N", default_value_t = 0)]
    min_shared_words: usize,
    /// The language of the claims, for stemming: english, french, german, spanish, portuguese,
    /// italian, dutch, russian, arabic (or its two-letter code).
    #[arg(long, value_name = "LANGUAGE", default_value = "english", value_parser = parse_language)]
    language: Language,
    /// Keep the claim index in this file beside the graph: read it when it is the index of
    /// FILE's claims as they are now, otherwise build it and save it there (a note says so).
    #[arg(long, value_name = "INDEX")]
    index: Option<String>,
    /// One JSON object per hit (or pair), with every part of its score.
    #[arg(long)]
    json: bool,
}

fn parse_language(text: &str) -> Result<Language, String> {
    text.parse().map_err(|e: Error| e.to_string())
}

/// Matches the text (or each text of the query file, or every claim) against FILE's claims.
pub fn run(args: Args, ui: &Ui) -> Result<(), Failure> {
    let graph = args.graph.read(ui)?;
    let options = SimilarOptions {
        k: args.k,
        min_score: args.min_score,
        min_shared_words: args.min_shared_words,
        ..SimilarOptions::default()
    };
    let index_options = IndexOptions {
        language: args.language,
        ..IndexOptions::default()
    };
    let index = match &args.index {
        None => ClaimIndex::with_options(&graph, index_options),
        Some(path) => {
            let (index, how) = ClaimIndex::load_or_build(&graph, path, index_options)
                .map_err(|e| Failure::in_file(path, e))?;
            match how {
                IndexLoad::Loaded => {}
                IndexLoad::Built => {
                    ui.note(format!("note: built the claim index, saved to {path}"))
                }
                IndexLoad::Rebuilt(why) => ui.note(format!(
                    "note: built the claim index again ({why}), saved to {path}"
                )),
            }
            index
        }
    };
    let out = if args.duplicates {
        duplicates(&graph, &index, &options, args.json)?
    } else if let Some(file) = &args.queries {
        queries(&index, file, &options, args.json)?
    } else {
        one_text(
            &graph,
            &index,
            args.text.as_deref().unwrap_or_default(),
            &options,
            args.json,
        )?
    };
    write_text("-", &out)
}

/// The hits for one text: a block per hit (rank, claim, score, its text, then one line per part
/// of the score), or one JSON object per hit.
fn one_text(
    graph: &ClaimGraph,
    index: &ClaimIndex,
    text: &str,
    options: &SimilarOptions,
    json: bool,
) -> Result<String, Failure> {
    let hits = index.similar_claims(text, options);
    let mut out = String::new();
    for (rank, hit) in hits.iter().enumerate() {
        if json {
            out.push_str(&hit_line(hit, &[("rank", (rank + 1).into())])?);
        } else {
            let claim_text = graph.claim(&hit.claim).map_or("", |c| c.text.as_str());
            out.push_str(&format!(
                "{}. [{}] {:.3}  {claim_text}\n",
                rank + 1,
                hit.claim,
                hit.score
            ));
            out.push_str(&parts_text(&hit.parts));
        }
    }
    if hits.is_empty() && !json {
        out.push_str("no similar claim\n");
    }
    Ok(out)
}

/// The hits for every text of a query file, as TSV (or JSON Lines naming the query).
fn queries(
    index: &ClaimIndex,
    file: &str,
    options: &SimilarOptions,
    json: bool,
) -> Result<String, Failure> {
    let text = std::fs::read_to_string(file).map_err(|source| {
        Failure::graph(Error::Io {
            action: "read",
            path: file.into(),
            source,
        })
    })?;
    let mut out = String::new();
    for (id, query) in query_records(file, &text)? {
        for (rank, hit) in index.similar_claims(&query, options).iter().enumerate() {
            if json {
                out.push_str(&hit_line(
                    hit,
                    &[("query", id.as_str().into()), ("rank", (rank + 1).into())],
                )?);
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
    Ok(out)
}

/// The (id, text) records of a query file: TAB-separated, a field may be quoted (`"..."`, inner
/// quotes doubled) and then hold TABs and line breaks, as pandas and spreadsheets write TSV.
/// Lines starting with `#` and blank lines are skipped, and so is a first record with an empty
/// id (the header row pandas writes, `<empty> TAB tweet_content`). An error names the line.
fn query_records(file: &str, text: &str) -> Result<Vec<(String, String)>, Failure> {
    let bad = |line: u64, message: String| {
        Failure::in_file(
            file,
            Error::Format {
                format: "queries TSV",
                location: Location {
                    line: Some(line),
                    ..Location::default()
                },
                message,
            },
        )
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    // Where the last record began (line, byte): a quote never closed runs to the end of the file,
    // so only the last record can have swallowed the lines after it.
    let mut last_start: Option<(u64, usize)> = None;
    for (n, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, csv::Position::line);
            bad(line, format!("not a TSV record: {e}"))
        })?;
        let line = record.position().map_or(0, csv::Position::line);
        let id = record.get(0).unwrap_or_default().trim();
        if record.len() == 1 && id.is_empty() {
            continue;
        }
        if n == 0 && id.is_empty() {
            continue;
        }
        let byte = record
            .position()
            .and_then(|p| usize::try_from(p.byte()).ok());
        last_start = byte.map(|b| (line, b));
        match (record.get(1), record.len()) {
            (Some(query), 2) if !id.is_empty() => records.push((id.to_owned(), query.to_owned())),
            (_, fields) => {
                return Err(bad(
                    line,
                    format!("expected `id TAB text` (2 fields), found {fields} field(s)"),
                ))
            }
        }
    }
    if let Some((line, byte)) = last_start {
        if let Some(raw) = text.get(byte..) {
            let field = raw.split_once('\t').map_or("", |(_, f)| f);
            let field = field.trim_end_matches(['\n', '\r']);
            if field.starts_with('"') && (field.len() < 2 || !field.ends_with('"')) {
                return Err(bad(
                    line,
                    "a quoted text is never closed: its quote runs to the end of the file"
                        .to_owned(),
                ));
            }
        }
    }
    Ok(records)
}

/// The graph's candidate same-as pairs not yet linked, best first.
fn duplicates(
    graph: &ClaimGraph,
    index: &ClaimIndex,
    options: &SimilarOptions,
    json: bool,
) -> Result<String, Failure> {
    let pairs = graph.duplicate_candidates_in(index, options);
    let mut out = String::new();
    for pair in &pairs {
        if json {
            out.push_str(&json_line(serde_json::to_string(pair))?);
        } else {
            out.push_str(&format!(
                "[{}] ~ [{}] {:.3}\n",
                pair.claim, pair.other, pair.score
            ));
            out.push_str(&parts_text(&pair.parts));
        }
    }
    if pairs.is_empty() && !json {
        out.push_str("no candidate pair\n");
    }
    Ok(out)
}

/// One hit as a JSON line: the hit as the core serializes it, with `extra` fields beside it.
fn hit_line(hit: &SimilarClaim, extra: &[(&str, serde_json::Value)]) -> Result<String, Failure> {
    json_line(serde_json::to_value(hit).and_then(|mut line| {
        if let serde_json::Value::Object(fields) = &mut line {
            for (key, value) in extra {
                fields.insert((*key).to_owned(), value.clone());
            }
        }
        serde_json::to_string(&line)
    }))
}

fn parts_text(parts: &[MatchPart]) -> String {
    parts
        .iter()
        .map(|p| {
            let line = format!(
                "     {:<8} {:>3.0}%  {}",
                p.kind.as_str(),
                p.share * 100.0,
                p.matched.join(", ")
            );
            format!("{}\n", line.trim_end())
        })
        .collect()
}
