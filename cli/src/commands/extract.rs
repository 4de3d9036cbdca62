//! `claimgraph extract ARTICLE [--spans | --records | --html] [--article TITLE] [-o OUT]`

use std::io::Read;
use std::path::{Path, PathBuf};

use claimgraph::{Error, PictureOptions, Source, SourceKind, When};
use claimgraph_extract::{extract, ExtractOptions, Extraction};

use super::{json_line, parse_date};
use crate::failure::Failure;
use crate::formats::OutputFormat;
use crate::input::{input_name, utf8_text};
use crate::output::{output_format, write_graph, write_text};
use crate::ui::Ui;

/// Drafts a claim graph from the text of an article (UTF-8), offline, by rules and word lists.
///
/// Writes the draft graph (native JSON, or the format OUT's extension or --to names); with
/// --spans, the attributions as span records in the prediction format of the extraction
/// evaluation (character offsets, as Python string indices count); with --records, every record
/// of the draft with the spans it was read from, its cue and its confidence; with --html, the
/// review view (the text with sources, cues and contents highlighted, the records beside it).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article's text, UTF-8 (`-`: standard input).
    #[arg(value_name = "ARTICLE")]
    file: String,
    /// Write the attributions as span records, `{"doc": NAME, "attributions": [...]}`, NAME
    /// being the file's name without its extension.
    #[arg(long, conflicts_with_all = ["records", "html", "to"])]
    spans: bool,
    /// Write the draft's records with their spans, cue and confidence (JSON, character offsets).
    #[arg(long, conflicts_with_all = ["html", "to"])]
    records: bool,
    /// Write the review view as an HTML page.
    #[arg(long, conflicts_with = "to")]
    html: bool,
    /// The article's title (its source in the draft is the document `article`); without it,
    /// the title is the first paragraph's longest line.
    #[arg(long, value_name = "TITLE")]
    article: Option<String>,
    /// The article's address.
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// When the article was published (a year, a month, a day or an RFC 3339 instant).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    published: Option<When>,
    /// Where to write (`-`: standard output).
    #[arg(short, long, value_name = "OUT", default_value = "-")]
    output: String,
    /// The format of the draft graph, when OUT's extension does not tell it.
    #[arg(long, value_enum, value_name = "FORMAT")]
    to: Option<OutputFormat>,
}

/// Reads ARTICLE, drafts its graph, writes what was asked for.
pub fn run(args: Args, ui: &Ui) -> Result<(), Failure> {
    let graph_format = if args.spans || args.records || args.html {
        None
    } else {
        Some(output_format(&args.output, args.to)?)
    };
    let name = input_name(&args.file);
    let text = read_article(&args.file, &name)?;
    let draft = extract(&text, &options(&args)).map_err(|e| Failure::in_file(&name, e))?;
    match graph_format {
        Some(format) => write_graph(
            &draft.graph,
            &args.output,
            format,
            &PictureOptions::whole_graph(),
            ui,
        ),
        None => write_text(&args.output, &rendered(&args, &draft)?),
    }
}

/// What `extract` is told about the article.
fn options(args: &Args) -> ExtractOptions {
    if args.article.is_none() && args.url.is_none() && args.published.is_none() {
        return ExtractOptions::default();
    }
    let title = args.article.clone().unwrap_or_else(|| "the article".into());
    let mut article = Source::new("article", SourceKind::Document, title.clone());
    if args.article.is_some() {
        article = article.title(title);
    }
    if let Some(url) = &args.url {
        article = article.url(url.clone());
    }
    if let Some(when) = &args.published {
        article = article.published(*when);
    }
    ExtractOptions::article(article)
}

/// The span records, the records or the review page.
fn rendered(args: &Args, draft: &Extraction) -> Result<String, Failure> {
    if args.html {
        // A page of its own, UTF-8 said outright: the view is a fragment made for notebooks.
        return Ok(format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>claimgraph draft</title></head>\n<body>{}</body></html>\n",
            draft.to_html()
        ));
    }
    if args.spans {
        let doc = Path::new(&args.file)
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|_| args.file != "-")
            .unwrap_or("stdin");
        json_line(serde_json::to_string_pretty(&draft.to_prediction_json(doc)))
    } else {
        json_line(serde_json::to_string_pretty(&draft.record_spans()))
    }
}

/// The article's text; a file that is not UTF-8 is refused, naming the line and byte.
fn read_article(file: &str, name: &str) -> Result<String, Failure> {
    let io_error = |source| {
        Failure::graph(Error::Io {
            action: "read",
            path: PathBuf::from(name),
            source,
        })
    };
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
    } else {
        bytes = std::fs::read(file).map_err(io_error)?;
    }
    utf8_text(bytes, name, "article text")
}
