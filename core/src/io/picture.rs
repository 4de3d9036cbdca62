//! Pictures of a graph: Graphviz DOT and Mermaid.
//!
//! Both formats draw the same picture; what it shows is documented on
//! [`ClaimGraph::to_dot`].

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt::Write as _;

use crate::error::Result;
use crate::graph::ClaimGraph;
use crate::model::{ClaimRelationKind, Modality, SourceKind, SourceRelationKind, Stance};

/// What part of a graph a picture shows.
///
/// ```
/// use claimgraph::PictureOptions;
/// let whole = PictureOptions::whole_graph();
/// assert_eq!(whole.claim, None);
/// let around = PictureOptions::around("containers");
/// assert_eq!(around.claim.as_deref(), Some("containers"));
/// assert_eq!(PictureOptions::from(None), whole);
/// assert_eq!(PictureOptions::from(Some("containers".to_owned())), around);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PictureOptions {
    /// Show only this claim's neighbourhood: the claim, the sources that take a stance on it,
    /// the documents those stances were reported in, its reviewers, the claims related to it,
    /// and the chains of citations and authorship from its sources and documents up to their
    /// origins. `None` shows the whole graph.
    pub claim: Option<String>,
}

impl PictureOptions {
    /// A picture of every record in the graph.
    pub fn whole_graph() -> PictureOptions {
        PictureOptions { claim: None }
    }

    /// A picture of one claim's neighbourhood (see [`PictureOptions::claim`]).
    pub fn around(claim: impl Into<String>) -> PictureOptions {
        PictureOptions {
            claim: Some(claim.into()),
        }
    }
}

/// A picture of the claim's neighbourhood when one is named, of the whole graph otherwise: what
/// the bindings' `to_dot(claim=None)` asks for.
impl From<Option<String>> for PictureOptions {
    fn from(claim: Option<String>) -> PictureOptions {
        PictureOptions { claim }
    }
}

/// How a node is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Claim,
    Person,
    Body,
    Document,
    Unnamed,
}

/// How an edge is drawn: what it says, in which colour and line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Asserts,
    Denies,
    Doubts,
    NoComment,
    Via,
    Cites,
    AuthoredBy,
    PublishedIn,
    AffiliatedWith,
    ClaimRelation,
    Contradicts,
    Verdict,
}

impl Line {
    fn colour(self) -> &'static str {
        match self {
            Line::Asserts => "#2e7d32",
            Line::Denies => "#c62828",
            Line::Doubts => "#ef6c00",
            Line::Via | Line::PublishedIn | Line::NoComment => "#9e9e9e",
            Line::Cites => "#1565c0",
            Line::AuthoredBy => "#6a1b9a",
            Line::AffiliatedWith => "#6d4c41",
            Line::ClaimRelation => "#546e7a",
            Line::Contradicts => "#ad1457",
            Line::Verdict => "#00695c",
        }
    }

    /// DOT attributes besides colour and label.
    fn dot_style(self) -> &'static str {
        match self {
            Line::Asserts => "style=solid, penwidth=1.5",
            Line::Denies => "style=dashed, penwidth=2.5",
            Line::Doubts => "style=dotted, penwidth=1.5",
            Line::NoComment => "style=dotted, penwidth=0.8, arrowhead=none",
            Line::Via => "style=solid, penwidth=0.8, arrowhead=none",
            Line::Cites => "style=solid",
            Line::AuthoredBy => "style=solid, arrowhead=empty",
            Line::PublishedIn => "style=solid, arrowhead=odot",
            Line::AffiliatedWith => "style=solid, arrowhead=odiamond",
            Line::ClaimRelation => "style=solid",
            Line::Contradicts => "style=bold",
            Line::Verdict => "style=bold",
        }
    }

    /// The Mermaid link and the `linkStyle` that gives it its colour and dashes.
    fn mermaid(self) -> (&'static str, &'static str) {
        match self {
            Line::Asserts => ("-->", "stroke-width:1.5px"),
            Line::Denies => ("==>", "stroke-width:3px,stroke-dasharray:8 5"),
            Line::Doubts => ("-.->", "stroke-width:1.5px,stroke-dasharray:2 3"),
            Line::NoComment => ("-.-", "stroke-width:1px,stroke-dasharray:2 3"),
            Line::Via => ("---", "stroke-width:1px"),
            Line::Contradicts | Line::Verdict => ("==>", "stroke-width:2.5px"),
            _ => ("-->", "stroke-width:1px"),
        }
    }
}

#[derive(Debug, Clone)]
struct PNode {
    id: String,
    shape: Shape,
    label: String,
}

#[derive(Debug, Clone)]
struct PEdge {
    from: String,
    to: String,
    line: Line,
    label: String,
}

/// The picture both formats draw: nodes sorted by id, edges in a fixed order.
struct Picture {
    /// A caption for a neighbourhood; a picture of the whole graph has none.
    title: Option<String>,
    nodes: Vec<PNode>,
    edges: Vec<PEdge>,
}

fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for para in text.lines() {
        let mut line_len = 0;
        if !out.is_empty() {
            out.push('\n');
        }
        for word in para.split_whitespace() {
            let n = word.chars().count();
            if line_len > 0 && line_len + 1 + n > width {
                out.push('\n');
                line_len = 0;
            } else if line_len > 0 {
                out.push(' ');
                line_len += 1;
            }
            out.push_str(word);
            line_len += n;
        }
    }
    out
}

fn stance_label(stance: Stance, modality: Modality, said: Option<String>) -> String {
    let mut l = match stance {
        Stance::Asserts => "asserted by",
        Stance::Denies => "denied by",
        Stance::Doubts => "doubted by",
        Stance::NoComment => "no comment from",
    }
    .to_owned();
    if modality != Modality::Stated {
        let _ = write!(l, " ({modality})");
    }
    if let Some(s) = said {
        let _ = write!(l, "\n{s}");
    }
    l
}

/// How many claims a row of a whole-graph picture holds.
pub const CLAIMS_PER_ROW: usize = 5;

impl ClaimGraph {
    /// The ids of the nodes a picture shows.
    fn picture_nodes(&self, options: &PictureOptions) -> Result<Option<BTreeSet<String>>> {
        let Some(claim) = &options.claim else {
            return Ok(None);
        };
        self.get_claim(claim)?;
        let mut nodes = BTreeSet::new();
        nodes.insert(claim.clone());
        let mut queue = VecDeque::new();
        for a in self.attributions_of(claim)? {
            queue.push_back(a.source);
            queue.extend(a.via.into_iter().map(|h| h.source));
        }
        for v in self.verdicts_of(claim)? {
            nodes.insert(v.reviewer);
        }
        for r in self.relations_of_claim(claim)? {
            nodes.insert(r.from);
            nodes.insert(r.to);
        }
        // Up the chains of citation and authorship to the origins; a cycle stops where it closes.
        while let Some(id) = queue.pop_front() {
            if !nodes.insert(id.clone()) {
                continue;
            }
            for r in self.relations_of_source(&id)? {
                if r.from == id && r.kind.leads_to_origin() && !nodes.contains(&r.to) {
                    queue.push_back(r.to);
                }
            }
        }
        Ok(Some(nodes))
    }

    fn picture(&self, options: &PictureOptions) -> Result<Picture> {
        let only = self.picture_nodes(options)?;
        let shown = |id: &str| only.as_ref().is_none_or(|s| s.contains(id));
        let focus = options.claim.as_deref();
        let r = self.records();

        let mut nodes = Vec::new();
        let mut all: Vec<(&str, PNode)> = Vec::new();
        for s in &r.sources {
            let shape = match s.kind {
                SourceKind::Person => Shape::Person,
                SourceKind::Organization | SourceKind::Government | SourceKind::Outlet => {
                    Shape::Body
                }
                SourceKind::Document => Shape::Document,
                SourceKind::UnnamedGroup | SourceKind::Collective => Shape::Unnamed,
            };
            let kind = s.kind.as_str().replace('_', " ");
            all.push((
                &s.id,
                PNode {
                    id: s.id.clone(),
                    shape,
                    label: format!("{}\n({kind})", wrap(&s.name, 28)),
                },
            ));
        }
        for c in &r.claims {
            all.push((
                &c.id,
                PNode {
                    id: c.id.clone(),
                    shape: Shape::Claim,
                    label: wrap(&c.text, 32),
                },
            ));
        }
        all.sort_by(|a, b| a.0.cmp(b.0));
        for (id, n) in all {
            if shown(id) {
                nodes.push(n);
            }
        }

        let mut edges = Vec::new();
        let claim_edge = |c: &str| focus.is_none_or(|f| f == c);
        let mut via_pairs = BTreeSet::new();
        // A statement covering several claims is drawn to each of them.
        for (a, claim) in r
            .attributions
            .iter()
            .flat_map(|a| a.claims().map(move |c| (a, c)))
        {
            if !claim_edge(claim) || !shown(&a.source) {
                continue;
            }
            let line = match a.stance {
                Stance::Asserts => Line::Asserts,
                Stance::Denies => Line::Denies,
                Stance::Doubts => Line::Doubts,
                Stance::NoComment => Line::NoComment,
            };
            edges.push(PEdge {
                from: claim.to_owned(),
                to: a.source.clone(),
                line,
                label: stance_label(a.stance, a.modality, a.said.map(|w| w.to_string())),
            });
            if let Some(v) = a.reported_in() {
                via_pairs.insert((claim.to_owned(), v.to_owned(), "reported in".to_owned()));
            }
            // The earlier hops of a chain ("told the ABC, reported by Wikinews") run from each
            // hop to the next, with the later hop's date when known.
            let hops: Vec<_> = a.via.iter().filter(|h| h.source != a.source).collect();
            for pair in hops.windows(2) {
                if shown(&pair[0].source) && shown(&pair[1].source) {
                    let label = match &pair[1].date {
                        Some(d) => format!("then reported in, {d}"),
                        None => "then reported in".to_owned(),
                    };
                    via_pairs.insert((pair[0].source.clone(), pair[1].source.clone(), label));
                }
            }
        }
        for (from, to, label) in via_pairs {
            edges.push(PEdge {
                from,
                to,
                line: Line::Via,
                label,
            });
        }
        for v in &r.verdicts {
            if claim_edge(&v.claim) && shown(&v.reviewer) {
                edges.push(PEdge {
                    from: v.claim.clone(),
                    to: v.reviewer.clone(),
                    line: Line::Verdict,
                    label: format!("rated “{}” by", v.label),
                });
            }
        }
        for rel in &r.claim_relations {
            if focus.is_none_or(|f| f == rel.from || f == rel.to) {
                let line = if rel.kind == ClaimRelationKind::Contradicts {
                    Line::Contradicts
                } else {
                    Line::ClaimRelation
                };
                edges.push(PEdge {
                    from: rel.from.clone(),
                    to: rel.to.clone(),
                    line,
                    label: rel.kind.as_str().replace('_', " "),
                });
            }
        }
        for rel in &r.source_relations {
            if shown(&rel.from) && shown(&rel.to) {
                let line = match rel.kind {
                    SourceRelationKind::Cites => Line::Cites,
                    SourceRelationKind::AuthoredBy => Line::AuthoredBy,
                    SourceRelationKind::PublishedIn => Line::PublishedIn,
                    SourceRelationKind::AffiliatedWith => Line::AffiliatedWith,
                };
                edges.push(PEdge {
                    from: rel.from.clone(),
                    to: rel.to.clone(),
                    line,
                    label: rel.kind.as_str().replace('_', " "),
                });
            }
        }
        let title = focus.map(|c| format!("around claim {c}"));
        Ok(Picture {
            title,
            nodes,
            edges,
        })
    }

    /// The graph, or one claim's neighbourhood, as a Graphviz DOT digraph.
    ///
    /// Claims are yellow ellipses; people are boxes; organizations, governments and outlets
    /// rounded boxes; documents notes; unnamed groups and collectives grey boxes with a dashed
    /// border. Each source's label names its kind.
    ///
    /// Stances run from the claim down to the source: asserted by (green, solid), **denied by
    /// (red, dashed, thick)**, doubted by (orange, dotted), with the modality when the wording
    /// hedges and the date when known. A thin grey line without arrowhead joins a claim to the
    /// document it was last reported in, and each earlier hop of a reporting chain to the next
    /// ("then reported in", with that hop's date when known). Cites (blue) and authored by (purple) run on down to the
    /// origins, so a chain reads top to bottom: claim, article, the media it cites, their
    /// sources. Published in and affiliated with are grey and brown; verdicts (teal, bold)
    /// carry the reviewer's label; claim relations are slate, contradictions magenta and bold.
    ///
    /// Node ids are the record ids, quoted and escaped; labels escape quotes, backslashes and
    /// line breaks, and keep text in any script (the output is UTF-8). The output is
    /// deterministic: nodes sorted by id, edges by kind and id. A whole-graph picture of more
    /// than [`CLAIMS_PER_ROW`] claims lays them out in rows of that many, in the order they were
    /// added (one `{ rank=same; ... }` line per row, and one line of invisible edges stacking
    /// the rows), so that it stays readable for an article of thirty claims.
    ///
    /// Errors: [`Error::NotFound`](crate::Error::NotFound) when the options name a claim the
    /// graph does not hold.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Source, SourceKind, Claim, Attribution, Stance, PictureOptions};
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("russia", SourceKind::Government, "Russia"))?;
    /// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia"))?;
    /// g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies))?;
    /// let dot = g.to_dot(&PictureOptions::around("ammo"))?;
    /// assert!(dot.contains(r##""ammo" -> "russia" [label="denied by", color="#c62828""##));
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn to_dot(&self, options: &PictureOptions) -> Result<String> {
        let p = self.picture(options)?;
        let mut out = String::new();
        let _ = writeln!(out, "digraph claimgraph {{");
        let caption = p
            .title
            .as_deref()
            .map(|t| format!(", label=\"{}\", labelloc=t", dot_escape(t)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  graph [rankdir=TB, charset=\"UTF-8\", fontname=\"Helvetica\"{caption}];"
        );
        let _ = writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11];");
        let _ = writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];");
        for n in &p.nodes {
            let shape = match n.shape {
                Shape::Claim => {
                    "shape=ellipse, style=filled, fillcolor=\"#fff3c4\", color=\"#b28704\""
                }
                Shape::Person => "shape=box, style=filled, fillcolor=\"#e3f2fd\"",
                Shape::Body => "shape=box, style=\"rounded,filled\", fillcolor=\"#e8eaf6\"",
                Shape::Document => "shape=note, style=filled, fillcolor=\"#f5f5f5\"",
                Shape::Unnamed => {
                    "shape=box, style=\"dashed,filled\", fillcolor=\"#eeeeee\", color=\"#616161\""
                }
            };
            let _ = writeln!(
                out,
                "  \"{}\" [label=\"{}\", {shape}];",
                dot_escape(&n.id),
                dot_escape(&n.label)
            );
        }
        for e in &p.edges {
            let c = e.line.colour();
            let _ = writeln!(
                out,
                "  \"{}\" -> \"{}\" [label=\"{}\", color=\"{c}\", fontcolor=\"{c}\", {}];",
                dot_escape(&e.from),
                dot_escape(&e.to),
                dot_escape(&e.label),
                e.line.dot_style()
            );
        }
        if options.claim.is_none() {
            self.claim_rows(&mut out);
        }
        out.push_str("}\n");
        Ok(out)
    }

    /// Lays the claims of a whole-graph picture out in rows of at most [`CLAIMS_PER_ROW`], in
    /// the order they were added, one row under the other, so that an article of thirty
    /// claims is not drawn as one row too wide to read. Each row is one line starting with `{`.
    fn claim_rows(&self, out: &mut String) {
        let claims: Vec<&str> = self.claims().map(|c| c.id.as_str()).collect();
        if claims.len() <= CLAIMS_PER_ROW {
            return;
        }
        let quoted = |id: &str| format!("\"{}\"", dot_escape(id));
        let rows: Vec<&[&str]> = claims.chunks(CLAIMS_PER_ROW).collect();
        for row in &rows {
            let ids: Vec<String> = row.iter().map(|c| quoted(c)).collect();
            let _ = writeln!(out, "  {{ rank=same; {}; }}", ids.join("; "));
        }
        let firsts: Vec<String> = rows
            .iter()
            .filter_map(|r| r.first())
            .map(|c| quoted(c))
            .collect();
        let _ = writeln!(out, "  {{ edge [style=invis]; {}; }}", firsts.join(" -> "));
    }

    /// The same picture as [`ClaimGraph::to_dot`], as a Mermaid flowchart (top to bottom) for
    /// Markdown renderers.
    ///
    /// Nodes are named `n0`, `n1`, ... in id order, with a comment line giving each one's
    /// record id; claims are stadiums, people rectangles, organizations rounded rectangles,
    /// documents parallelograms, unnamed groups and collectives grey rectangles with a dashed
    /// border. A denial is a thick red dashed link, a doubt an orange dotted one, an assertion
    /// green. Labels are quoted, with `"`, `#`, `<`, `>`, `&`, `|` and backquotes written as
    /// Mermaid entity codes and line breaks as `<br/>`.
    ///
    /// Errors: [`Error::NotFound`](crate::Error::NotFound) when the options name a claim the
    /// graph does not hold.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Source, SourceKind, Claim, Attribution, Stance, PictureOptions};
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("russia", SourceKind::Government, "Russia"))?;
    /// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia"))?;
    /// g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies))?;
    /// let m = g.to_mermaid(&PictureOptions::whole_graph())?;
    /// assert!(m.starts_with("flowchart TB"));
    /// assert!(m.contains(r#"n0 ==>|"denied by"| n1"#));
    /// assert!(m.contains("linkStyle 0 stroke:#c62828"));
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn to_mermaid(&self, options: &PictureOptions) -> Result<String> {
        let p = self.picture(options)?;
        let mut out = String::new();
        out.push_str("flowchart TB\n");
        if let Some(t) = &p.title {
            let _ = writeln!(out, "  %% {}", one_line(t));
        }
        let alias: BTreeMap<&str, String> = p
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), format!("n{i}")))
            .collect();
        for n in &p.nodes {
            let a = alias.get(n.id.as_str()).map_or("", String::as_str);
            let label = mermaid_escape(&n.label);
            let (open, close, class) = match n.shape {
                Shape::Claim => ("([\"", "\"])", "claim"),
                Shape::Person => ("[\"", "\"]", "person"),
                Shape::Body => ("(\"", "\")", "body"),
                Shape::Document => ("[/\"", "\"/]", "document"),
                Shape::Unnamed => ("[\"", "\"]", "unnamed"),
            };
            let _ = writeln!(out, "  %% {a}: {}", one_line(&n.id));
            let _ = writeln!(out, "  {a}{open}{label}{close}:::{class}");
        }
        let mut styles = String::new();
        // linkStyle counts links in the order they are written.
        let mut index = 0;
        for e in &p.edges {
            let (Some(f), Some(t)) = (alias.get(e.from.as_str()), alias.get(e.to.as_str())) else {
                continue;
            };
            let (link, style) = e.line.mermaid();
            let _ = writeln!(out, "  {f} {link}|\"{}\"| {t}", mermaid_escape(&e.label));
            let c = e.line.colour();
            let _ = writeln!(styles, "  linkStyle {index} stroke:{c},color:{c},{style}");
            index += 1;
        }
        out.push_str(&styles);
        out.push_str("  classDef claim fill:#fff3c4,stroke:#b28704\n");
        out.push_str("  classDef person fill:#e3f2fd,stroke:#1565c0\n");
        out.push_str("  classDef body fill:#e8eaf6,stroke:#3949ab\n");
        out.push_str("  classDef document fill:#f5f5f5,stroke:#757575\n");
        out.push_str("  classDef unnamed fill:#eeeeee,stroke:#616161,stroke-dasharray:5 4\n");
        Ok(out)
    }
}

/// Escapes text for a DOT quoted string: backslashes and quotes escaped, line breaks as `\n`,
/// other control characters as spaces.
fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for a quoted Mermaid label, with Mermaid's entity codes.
fn mermaid_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            '\n' => out.push_str("<br/>"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text for a `%%` comment, which ends at the line's end.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
