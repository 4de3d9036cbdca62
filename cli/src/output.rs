//! Writing a graph or an answer to a file or standard output.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use claimgraph::{ClaimGraph, Error, PictureOptions};

use crate::failure::Failure;
use crate::formats::OutputFormat;
use crate::ui::Ui;

/// The format `out` is written in: `to`, else the one its extension names, else native JSON
/// for standard output.
pub fn output_format(out: &str, to: Option<OutputFormat>) -> Result<OutputFormat, Failure> {
    if let Some(format) = to.or_else(|| OutputFormat::from_path(out)) {
        return Ok(format);
    }
    if out == "-" {
        return Ok(OutputFormat::Native);
    }
    let jsonl = Path::new(out)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    Err(Failure::Usage(if jsonl {
        format!("cannot write {out}: JSON Lines is read, not written; write native JSON (.json)")
    } else {
        format!(
            "cannot tell which format to write {out} in from its extension: give --to \
             native|prov|claimreview|dot|mermaid|svg"
        )
    }))
}

/// Writes `graph` to `out` (`-`: standard output) in `format`; a picture shows
/// `picture`'s part of the graph. Native JSON is saved atomically.
pub fn write_graph(
    graph: &ClaimGraph,
    out: &str,
    format: OutputFormat,
    picture: &PictureOptions,
    ui: &Ui,
) -> Result<(), Failure> {
    if picture.claim.is_some() && !format.is_picture() {
        return Err(Failure::Usage(
            "--claim draws one claim's neighbourhood: it is for --to dot, mermaid or svg".into(),
        ));
    }
    let text = match format {
        OutputFormat::Native if out != "-" => {
            let working = ui.working(&format!("writing {out}"));
            let saved = graph.save(out);
            working.finish_and_clear();
            return saved.map_err(Failure::graph);
        }
        OutputFormat::Database if out == "-" => {
            return Err(Failure::Usage(
                "a graph database is written to a file, not to standard output".into(),
            ))
        }
        OutputFormat::Database => {
            // Said, not dropped silently: the database keeps records only.
            let prov_context = !graph.namespaces().is_empty()
                || graph
                    .source_relations()
                    .any(|r| graph.derivation_types(&r.id).is_some());
            if prov_context {
                ui.warn(format!(
                    "{out}: a graph database keeps the records but not the PROV namespaces and derivation kinds read with them; a PROV export from it writes the ids in claimgraph's namespace and cites as quotations (native JSON keeps both)"
                ));
            }
            let working = ui.working(&format!("writing {out}"));
            let written = claimgraph::ClaimGraph::open(out)
                .and_then(|mut db| db.merge(graph, claimgraph::MergePolicy::Fail));
            working.finish_and_clear();
            return written.map(drop).map_err(|e| Failure::in_file(out, e));
        }
        OutputFormat::Parquet if out == "-" => {
            return Err(Failure::Usage(
                "Parquet tables are written to a folder, not to standard output".into(),
            ))
        }
        OutputFormat::Parquet => {
            let working = ui.working(&format!("writing the tables into {out}"));
            let written = graph.write_parquet(out);
            working.finish_and_clear();
            return written.map(drop).map_err(Failure::graph);
        }
        OutputFormat::Ntriples if out == "-" => {
            return graph
                .write_ntriples(io::stdout().lock())
                .map(drop)
                .map_err(Failure::graph);
        }
        OutputFormat::Ntriples => {
            let working = ui.working(&format!("writing {out}"));
            let written = graph.save_ntriples(out);
            working.finish_and_clear();
            return written.map(drop).map_err(Failure::graph);
        }
        OutputFormat::Native => graph.to_json(),
        OutputFormat::Prov => graph.to_prov_json(),
        OutputFormat::Claimreview => graph.to_claimreview_json(),
        OutputFormat::Stix => graph.to_stix_json(),
        OutputFormat::Dot => graph.to_dot(picture)?,
        OutputFormat::Mermaid => graph.to_mermaid(picture)?,
        OutputFormat::Svg => {
            let working = ui.working("drawing the picture with Graphviz");
            let svg = draw_svg(&graph.to_dot(picture)?);
            working.finish_and_clear();
            svg?
        }
    };
    write_text(out, &text)
}

/// Writes `text` to `out` (`-`: standard output); a file is replaced whole or not at all.
pub fn write_text(out: &str, text: &str) -> Result<(), Failure> {
    if out == "-" {
        let mut stdout = io::stdout().lock();
        return stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
            .map_err(|source| write_error("standard output", source));
    }
    let path = Path::new(out);
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| write_error(out, io::Error::other("the path does not name a file")))?;
    let temp = folder.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = fs::File::create(&temp).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.sync_all()
    });
    match written.and_then(|()| fs::rename(&temp, path)) {
        Ok(()) => Ok(()),
        Err(source) => {
            let _ = fs::remove_file(&temp);
            Err(write_error(out, source))
        }
    }
}

fn write_error(path: &str, source: io::Error) -> Failure {
    Failure::graph(Error::Io {
        action: "write",
        path: PathBuf::from(path),
        source,
    })
}

/// The DOT picture drawn as SVG by Graphviz's `dot`.
fn draw_svg(dot: &str) -> Result<String, Failure> {
    let graphviz = |source: io::Error| {
        let missing = source.kind() == io::ErrorKind::NotFound;
        let failure = Failure::graph(Error::Io {
            action: "run Graphviz's",
            path: PathBuf::from("dot"),
            source,
        });
        if missing {
            failure.hint(
                "SVG is drawn by Graphviz, which is not installed (or `dot` is not on PATH): \
                 install it (Debian: apt install graphviz), or write --to dot and draw it elsewhere",
            )
        } else {
            failure
        }
    };
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(graphviz)?;
    // Feed the picture from another thread: Graphviz may write before it has read everything.
    let stdin = child.stdin.take();
    let input = dot.to_owned();
    let feeder = std::thread::spawn(move || match stdin {
        Some(mut stdin) => stdin.write_all(input.as_bytes()),
        None => Ok(()),
    });
    let output = child.wait_with_output().map_err(graphviz)?;
    let fed = feeder
        .join()
        .unwrap_or_else(|_| Err(io::Error::other("the thread feeding Graphviz stopped")));
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        return Err(graphviz(io::Error::other(format!(
            "it exited with {}: {}",
            output.status,
            said.trim()
        ))));
    }
    fed.map_err(graphviz)?;
    String::from_utf8(output.stdout)
        .map_err(|_| graphviz(io::Error::other("it wrote something that is not UTF-8")))
}
