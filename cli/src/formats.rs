//! The formats the command line reads and writes, and how they are told apart when not given.
//!
//! To add a format: a variant here (its `--from` / `--to` name is the variant's name in
//! lower case), its extensions in `from_path`, and its reading in [`crate::input`] or its
//! writing in [`crate::output`].

use std::path::Path;

use clap::ValueEnum;

/// A format a graph is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Native claimgraph JSON (`"format": "claimgraph"`), every field of every record.
    Native,
    /// JSON Lines in the benchmark corpus schema: sources, citations, claims, attributions.
    Jsonl,
    /// W3C PROV-JSON.
    Prov,
    /// schema.org ClaimReview JSON-LD.
    Claimreview,
    /// A STIX 2.1 bundle (identities, notes, opinions, relationships).
    Stix,
    /// A graph database file (SQLite), as `ClaimGraph::open` makes it.
    Database,
    /// A folder of Parquet tables as `--to parquet` writes them (a folder is read as this).
    Parquet,
}

/// A format a graph is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Native claimgraph JSON, deterministic, saved atomically.
    Native,
    /// W3C PROV-JSON.
    Prov,
    /// schema.org ClaimReview JSON-LD: the claims with their verdicts and claimants.
    Claimreview,
    /// A STIX 2.1 bundle: sources as identities, claims as notes, stances and verdicts as
    /// opinions.
    Stix,
    /// A Graphviz digraph (stance shown by colour and line style).
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
    /// The Graphviz picture as SVG, drawn by Graphviz's `dot` (which must be installed).
    Svg,
    /// A graph database file (SQLite): created, or merged into when it exists, with the
    /// change recorded in its history.
    Database,
    /// A folder of Parquet tables, one per record kind with every field, plus the sources'
    /// origins, claims' relatives and statuses, for DuckDB, Spark or pandas.
    Parquet,
    /// W3C PROV-O as N-Triples, one triple per line, written as the graph is walked.
    Ntriples,
}

impl InputFormat {
    /// The format an extension names without doubt; `.json` names several, so it is left to
    /// the content.
    pub fn from_path(path: &str) -> Option<InputFormat> {
        let name = file_name(path);
        if name.ends_with(".prov.json") || name.ends_with(".provjson") {
            return Some(InputFormat::Prov);
        }
        if name.ends_with(".claimreview.json") {
            return Some(InputFormat::Claimreview);
        }
        if name.ends_with(".stix.json") {
            return Some(InputFormat::Stix);
        }
        if Path::new(path).is_dir() {
            return Some(InputFormat::Parquet);
        }
        match extension(path).as_deref() {
            Some("db" | "sqlite" | "sqlite3") => Some(InputFormat::Database),
            Some("jsonl" | "ndjson") => Some(InputFormat::Jsonl),
            Some("jsonld") => Some(InputFormat::Claimreview),
            _ => None,
        }
    }

    /// The format the first bytes of a document show: a native document names its format
    /// first; a JSON Lines file's first line is a whole object with a `"type"`; JSON-LD has an
    /// `@context` or `@type`; PROV-JSON groups its records under PROV's record names.
    pub fn sniff(head: &[u8]) -> Option<InputFormat> {
        if head.starts_with(b"SQLite format 3\0") {
            return Some(InputFormat::Database);
        }
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
        let head = &head[start..];
        let text = String::from_utf8_lossy(head);
        if head.first() == Some(&b'[') {
            return text.contains("\"@").then_some(InputFormat::Claimreview);
        }
        if head.first() != Some(&b'{') {
            return None;
        }
        if let Some(after) = value_after_key(&text, "format") {
            if after.starts_with("\"claimgraph\"") {
                return Some(InputFormat::Native);
            }
        }
        if text.contains("\"spec_version\"")
            && (text.contains("\"type\": \"bundle\"") || text.contains("\"type\":\"bundle\""))
        {
            return Some(InputFormat::Stix);
        }
        let first_line = text.lines().next().unwrap_or_default();
        if let Ok(serde_json::Value::Object(line)) = serde_json::from_str(first_line) {
            if line.get("type").is_some_and(serde_json::Value::is_string) {
                return Some(InputFormat::Jsonl);
            }
        }
        if text.contains("\"@context\"") || text.contains("\"@type\"") {
            return Some(InputFormat::Claimreview);
        }
        const PROV_KEYS: [&str; 9] = [
            "prefix",
            "entity",
            "agent",
            "activity",
            "bundle",
            "wasAttributedTo",
            "wasDerivedFrom",
            "wasGeneratedBy",
            "actedOnBehalfOf",
        ];
        PROV_KEYS
            .iter()
            .any(|k| value_after_key(&text, k).is_some())
            .then_some(InputFormat::Prov)
    }
}

impl OutputFormat {
    /// The format an output file's extension names; `None` for one it does not know (and for
    /// `-`, standard output).
    pub fn from_path(path: &str) -> Option<OutputFormat> {
        if path == "-" {
            return None;
        }
        let name = file_name(path);
        if name.ends_with(".prov.json") || name.ends_with(".provjson") {
            return Some(OutputFormat::Prov);
        }
        if name.ends_with(".claimreview.json") {
            return Some(OutputFormat::Claimreview);
        }
        if name.ends_with(".stix.json") {
            return Some(OutputFormat::Stix);
        }
        match extension(path).as_deref() {
            Some("json") => Some(OutputFormat::Native),
            Some("jsonld") => Some(OutputFormat::Claimreview),
            Some("dot" | "gv") => Some(OutputFormat::Dot),
            Some("mmd" | "mermaid") => Some(OutputFormat::Mermaid),
            Some("svg") => Some(OutputFormat::Svg),
            Some("db" | "sqlite" | "sqlite3") => Some(OutputFormat::Database),
            Some("parquet") => Some(OutputFormat::Parquet),
            Some("nt") => Some(OutputFormat::Ntriples),
            _ => None,
        }
    }

    /// Whether this format is a picture (which `--claim` can narrow to one claim).
    pub fn is_picture(self) -> bool {
        matches!(
            self,
            OutputFormat::Dot | OutputFormat::Mermaid | OutputFormat::Svg
        )
    }
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn extension(path: &str) -> Option<String> {
    Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
}

/// The text after `"key"` and its colon, when `key` appears as an object key in `text`.
fn value_after_key<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    let quoted = format!("\"{key}\"");
    let mut rest = text;
    while let Some(at) = rest.find(&quoted) {
        let after = rest[at + quoted.len()..].trim_start();
        if let Some(value) = after.strip_prefix(':') {
            return Some(value.trim_start());
        }
        rest = &rest[at + quoted.len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_that_name_one_format() {
        assert_eq!(
            InputFormat::from_path("a/b.jsonl"),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(
            InputFormat::from_path("B.JSONLD"),
            Some(InputFormat::Claimreview)
        );
        assert_eq!(
            InputFormat::from_path("x.prov.json"),
            Some(InputFormat::Prov)
        );
        assert_eq!(InputFormat::from_path("x.json"), None);
        assert_eq!(
            OutputFormat::from_path("x.json"),
            Some(OutputFormat::Native)
        );
        assert_eq!(OutputFormat::from_path("x.gv"), Some(OutputFormat::Dot));
        assert_eq!(
            OutputFormat::from_path("x.mmd"),
            Some(OutputFormat::Mermaid)
        );
        assert_eq!(OutputFormat::from_path("x.svg"), Some(OutputFormat::Svg));
        assert_eq!(OutputFormat::from_path("x.jsonl"), None);
        assert_eq!(OutputFormat::from_path("-"), None);
    }

    #[test]
    fn contents_that_name_one_format() {
        let sniff = |s: &str| InputFormat::sniff(s.as_bytes());
        assert_eq!(
            sniff("\u{feff}{\n  \"format\": \"claimgraph\",\n  \"version\": 1"),
            Some(InputFormat::Native)
        );
        assert_eq!(
            sniff("{\"type\":\"meta\",\"format_version\":1}\n{\"type\":\"source\"}"),
            Some(InputFormat::Jsonl)
        );
        assert_eq!(
            sniff("{\"@context\": \"https://schema.org\", \"@type\": \"ClaimReview\"}"),
            Some(InputFormat::Claimreview)
        );
        assert_eq!(
            sniff("[{\"@type\": \"ClaimReview\"}]"),
            Some(InputFormat::Claimreview)
        );
        assert_eq!(
            sniff("{\n \"prefix\": {\"ex\": \"http://example.org/\"},\n \"entity\": {}}"),
            Some(InputFormat::Prov)
        );
        assert_eq!(sniff("{\"format\": \"other\"}"), None);
        assert_eq!(sniff("not json"), None);
        assert_eq!(sniff("   "), None);
    }
}
