//! The article's picture: what `--dot` and `--mermaid` print, and the committed DOT and SVG the
//! README shows, which must be redrawn whenever the graph or the picture changes.
//!
//! To redraw them:
//!
//! ```text
//! cargo run -q -p claimgraph-examples --example putin_dprk_visit -- --dot > examples/putin_dprk_visit.dot
//! dot -Tsvg examples/putin_dprk_visit.dot -o examples/putin_dprk_visit.svg
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

use claimgraph_examples::reference::{self, putin_dprk_visit, CONTAINERS};
use claimgraph_examples::{picture, PictureFormat};

const COMMITTED_DOT: &str = include_str!("../putin_dprk_visit.dot");
const COMMITTED_SVG: &str = include_str!("../putin_dprk_visit.svg");

const REDRAW: &str = "redraw it: cargo run -q -p claimgraph-examples --example putin_dprk_visit \
                      -- --dot > examples/putin_dprk_visit.dot && dot -Tsvg \
                      examples/putin_dprk_visit.dot -o examples/putin_dprk_visit.svg";

fn article_dot() -> String {
    picture(&putin_dprk_visit().unwrap(), PictureFormat::Dot).unwrap()
}

/// What a Graphviz SVG draws: the titles of its nodes, and how many edges it has.
///
/// Graphviz writes each node as `<g id="nodeN" class="node"><title>ID</title>` and each edge as
/// `<g id="edgeN" class="edge"><title>FROM->TO</title>`, with the text XML-escaped. The layout
/// differs between Graphviz versions; these do not.
struct Drawn {
    nodes: BTreeSet<String>,
    edges: usize,
}

fn drawn(svg: &str) -> Drawn {
    let mut nodes = BTreeSet::new();
    let mut edges = 0;
    for group in svg.split("<g id=").skip(1) {
        if group.contains("class=\"edge\"") && group.find("class=\"edge\"") < group.find('>') {
            edges += 1;
        } else if group.contains("class=\"node\"") && group.find("class=\"node\"") < group.find('>')
        {
            let start = group.find("<title>").expect("a node has a title") + "<title>".len();
            let len = group[start..].find("</title>").expect("the title closes");
            nodes.insert(xml_unescape(&group[start..start + len]));
        }
    }
    Drawn { nodes, edges }
}

/// Undoes the XML escaping Graphviz applies to titles (`&#45;` for `-`, `&amp;`, ...).
fn xml_unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').expect("an entity ends with ;") + i;
        let entity = &rest[i + 1..end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = match entity.strip_prefix("#x") {
                    Some(hex) => u32::from_str_radix(hex, 16).unwrap(),
                    None => entity.strip_prefix('#').unwrap().parse().unwrap(),
                };
                char::from_u32(code).unwrap()
            }
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The node ids and the number of edges of a DOT picture as `to_dot` writes it: one statement
/// per line, node ids quoted.
fn dot_contents(dot: &str) -> Drawn {
    let mut nodes = BTreeSet::new();
    let mut edges = 0;
    for line in dot.lines().filter(|l| l.starts_with("  \"")) {
        if line.contains("\" -> \"") {
            edges += 1;
        } else {
            let id = &line[3..line.find("\" [").expect("a node statement has attributes")];
            nodes.insert(id.replace("\\\"", "\"").replace("\\\\", "\\"));
        }
    }
    Drawn { nodes, edges }
}

/// Renders DOT to SVG with Graphviz, when it is installed.
fn graphviz_svg(dot: &str) -> Option<String> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(dot.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    assert!(
        out.status.success(),
        "Graphviz rejects the article's picture: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_committed_dot_is_what_the_example_prints() {
    assert!(
        article_dot() == COMMITTED_DOT,
        "examples/putin_dprk_visit.dot is out of date; {REDRAW}"
    );
}

#[test]
fn the_committed_svg_draws_every_source_claim_and_link_of_the_article() {
    let g = putin_dprk_visit().unwrap();
    let svg = drawn(COMMITTED_SVG);
    let ids: BTreeSet<String> = g
        .sources()
        .map(|s| s.id.clone())
        .chain(g.claims().map(|c| c.id.clone()))
        .collect();
    assert_eq!(svg.nodes, ids, "{REDRAW}");
    // Every drawn edge of the DOT, no more: the SVG was rendered from this picture.
    assert_eq!(svg.edges, dot_contents(&article_dot()).edges, "{REDRAW}");
    assert!(svg.edges > g.counts().attributions);
}

#[test]
fn the_committed_svg_is_the_committed_dot_rendered_again() {
    let committed = drawn(COMMITTED_SVG);
    let dot = dot_contents(COMMITTED_DOT);
    assert_eq!(committed.nodes, dot.nodes);
    assert_eq!(committed.edges, dot.edges);
    // With Graphviz at hand, render again and compare what is drawn (not the bytes, which
    // differ between Graphviz versions).
    if let Some(fresh) = graphviz_svg(COMMITTED_DOT) {
        let fresh = drawn(&fresh);
        assert_eq!(fresh.nodes, committed.nodes, "{REDRAW}");
        assert_eq!(fresh.edges, committed.edges, "{REDRAW}");
    }
}

#[test]
fn the_svg_shows_the_denials_of_the_containers_claim_red_and_dashed() {
    // Graphviz writes an edge's title as FROM->TO, and draws dashes with stroke-dasharray.
    for denier in [reference::RUSSIA, reference::DPRK] {
        let title = format!(
            "<title>{}&#45;&gt;{denier}</title>",
            CONTAINERS.replace('-', "&#45;")
        );
        let at = COMMITTED_SVG
            .find(&title)
            .unwrap_or_else(|| panic!("no edge {title} in the SVG"));
        let edge = &COMMITTED_SVG[at..at + COMMITTED_SVG[at..].find("</g>").unwrap()];
        assert!(edge.contains("stroke=\"#c62828\""), "{edge}");
        assert!(edge.contains("stroke-dasharray"), "{edge}");
        assert!(edge.contains(">denied by<"), "{edge}");
    }
}

#[test]
fn the_mermaid_picture_draws_the_same_sources_claims_and_links() {
    let g = putin_dprk_visit().unwrap();
    let mermaid = picture(&g, PictureFormat::Mermaid).unwrap();
    assert!(mermaid.starts_with("flowchart TB\n"));
    let dot = dot_contents(&article_dot());
    let comments = mermaid
        .lines()
        .filter(|l| l.trim_start().starts_with("%% n"))
        .count();
    assert_eq!(comments, dot.nodes.len());
    let links = mermaid
        .lines()
        .filter(|l| l.trim_start().starts_with("linkStyle"))
        .count();
    assert_eq!(links, dot.edges);
}
