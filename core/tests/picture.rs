//! Pictures: DOT and Mermaid show sources and claims by shape and stance by colour and line, a
//! denial stands out, chains read top to bottom, and any id or name is written safely.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeMap;

use claimgraph::{
    Attribution, Claim, ClaimGraph, ClaimRelation, ClaimRelationKind, Error, Modality,
    PictureOptions, Records, Source, SourceKind, SourceRelation, SourceRelationKind, Stance,
    Verdict,
};

const DENIAL_RED: &str = "#c62828";
const ASSERTION_GREEN: &str = "#2e7d32";

/// A claim asserted by an article that cites ROK media, which cite ROK sources; denied by Russia,
/// doubted by the West, rated by a checker, and specializing a broader claim. An unrelated
/// claim and source sit beside it.
fn chain_graph() -> ClaimGraph {
    let mut g = ClaimGraph::new();
    for s in [
        Source::new("article", SourceKind::Document, "Analysis: Putin's visit"),
        Source::new("rok-media", SourceKind::Collective, "media from the ROK"),
        Source::new("rok-sources", SourceKind::UnnamedGroup, "ROK sources"),
        Source::new("russia", SourceKind::Government, "Russia"),
        Source::new("west", SourceKind::Collective, "the West"),
        Source::new("checker", SourceKind::Organization, "Fact Check Desk"),
        Source::new("putin", SourceKind::Person, "Vladimir Putin"),
        Source::new("noise", SourceKind::Outlet, "Unrelated Daily"),
    ] {
        g.add_source(s).unwrap();
    }
    g.add_claim(Claim::new(
        "containers",
        "The DPRK delivered 6,700 containers",
    ))
    .unwrap();
    g.add_claim(Claim::new("ammunition", "The DPRK supplies ammunition"))
        .unwrap();
    g.add_claim(Claim::new("other", "Something else entirely"))
        .unwrap();
    g.add_attribution(Attribution::new("article", "containers", Stance::Asserts))
        .unwrap();
    g.add_attribution(
        Attribution::new("russia", "containers", Stance::Denies)
            .via("article")
            .said("2024-06-18".parse().unwrap()),
    )
    .unwrap();
    g.add_attribution(
        Attribution::new("west", "containers", Stance::Doubts).modality(Modality::Alleged),
    )
    .unwrap();
    g.add_attribution(Attribution::new("putin", "ammunition", Stance::Denies))
        .unwrap();
    g.add_attribution(Attribution::new("noise", "other", Stance::Asserts))
        .unwrap();
    g.add_source_relation(SourceRelation::new(
        "article",
        SourceRelationKind::Cites,
        "rok-media",
    ))
    .unwrap();
    g.add_source_relation(SourceRelation::new(
        "rok-media",
        SourceRelationKind::Cites,
        "rok-sources",
    ))
    .unwrap();
    g.add_claim_relation(ClaimRelation::new(
        "containers",
        ClaimRelationKind::Specializes,
        "ammunition",
    ))
    .unwrap();
    g.add_verdict(Verdict::new("checker", "containers", "Unproven"))
        .unwrap();
    g
}

/// The node statements of a DOT picture: id -> the attribute list.
fn dot_nodes(dot: &str) -> BTreeMap<String, String> {
    dot.lines()
        .filter(|l| l.starts_with("  \"") && !l.contains("\" -> \""))
        .map(|l| {
            let rest = &l[3..];
            let end = closing_quote(rest);
            (rest[..end].to_owned(), rest[end..].to_owned())
        })
        .collect()
}

/// The edge statements of a DOT picture: (from, to, attributes), ids still escaped.
fn dot_edges(dot: &str) -> Vec<(String, String, String)> {
    dot.lines()
        .filter(|l| l.starts_with("  \"") && l.contains("\" -> \""))
        .map(|l| {
            let rest = &l[3..];
            let end = closing_quote(rest);
            let from = rest[..end].to_owned();
            let rest = &rest[end + 6..];
            let end = closing_quote(rest);
            (from, rest[..end].to_owned(), rest[end..].to_owned())
        })
        .collect()
}

/// The index of the quote that closes a DOT string starting at `s[0]` (just after its opening
/// quote), skipping `\"` and `\\`.
fn closing_quote(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    panic!("unterminated DOT string in {s:?}");
}

/// Every line is a whole statement: its strings close on the line they open.
fn assert_strings_close_on_their_line(dot: &str) {
    for line in dot.lines() {
        let mut rest = line;
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let end = closing_quote(after);
            rest = &after[end + 1..];
        }
    }
}

fn edge<'a>(
    edges: &'a [(String, String, String)],
    from: &str,
    to: &str,
) -> &'a (String, String, String) {
    edges
        .iter()
        .find(|(f, t, _)| f == from && t == to)
        .unwrap_or_else(|| panic!("no edge {from} -> {to} in {edges:?}"))
}

// ----- DOT -----------------------------------------------------------------------------------

#[test]
fn sources_and_claims_are_told_apart_by_shape() {
    let dot = chain_graph()
        .to_dot(&PictureOptions::whole_graph())
        .unwrap();
    let nodes = dot_nodes(&dot);
    assert!(
        nodes["containers"].contains("shape=ellipse"),
        "{}",
        nodes["containers"]
    );
    assert!(nodes["putin"].contains("shape=box"));
    assert!(nodes["russia"].contains("style=\"rounded,filled\""));
    assert!(nodes["article"].contains("shape=note"));
    assert!(nodes["rok-sources"].contains("dashed"));
    assert!(nodes["rok-sources"].contains("(unnamed group)"));
    assert_eq!(nodes.len(), 11, "every source and claim once: {nodes:?}");
}

#[test]
fn a_denial_has_its_own_colour_and_a_dashed_line() {
    let dot = chain_graph()
        .to_dot(&PictureOptions::whole_graph())
        .unwrap();
    let edges = dot_edges(&dot);
    let (_, _, denial) = edge(&edges, "containers", "russia");
    let (_, _, assertion) = edge(&edges, "containers", "article");
    let (_, _, doubt) = edge(&edges, "containers", "west");
    assert!(
        denial.contains(&format!("color=\"{DENIAL_RED}\"")),
        "{denial}"
    );
    assert!(denial.contains("style=dashed"));
    assert!(denial.contains("denied by\\n2024-06-18"));
    assert!(assertion.contains(&format!("color=\"{ASSERTION_GREEN}\"")));
    assert!(assertion.contains("style=solid"));
    assert!(doubt.contains("style=dotted"));
    assert!(doubt.contains("doubted by (alleged)"));
    // Nothing else is drawn red and dashed.
    let red_dashed = edges
        .iter()
        .filter(|(_, _, a)| a.contains(DENIAL_RED) && a.contains("dashed"))
        .count();
    assert_eq!(red_dashed, 2, "the two denials only");
}

#[test]
fn chains_run_downwards_from_the_claim_to_the_origins() {
    let dot = chain_graph()
        .to_dot(&PictureOptions::whole_graph())
        .unwrap();
    assert!(dot.contains("rankdir=TB"));
    let edges = dot_edges(&dot);
    // In a top-to-bottom layout the tail of an edge is ranked above its head.
    edge(&edges, "containers", "article");
    edge(&edges, "article", "rok-media");
    edge(&edges, "rok-media", "rok-sources");
    // When Graphviz is installed, check the layout itself.
    if let Some(plain) = graphviz_plain(&dot) {
        let y: BTreeMap<String, f64> = plain
            .lines()
            .filter(|l| l.starts_with("node "))
            .map(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                (f[1].trim_matches('"').to_owned(), f[3].parse().unwrap())
            })
            .collect();
        assert!(y["containers"] > y["article"], "{y:?}");
        assert!(y["article"] > y["rok-media"]);
        assert!(y["rok-media"] > y["rok-sources"]);
    }
}

/// Lays the picture out with Graphviz's `dot -Tplain`, when it is installed.
fn graphviz_plain(dot: &str) -> Option<String> {
    use std::io::Write;
    let mut child = std::process::Command::new("dot")
        .arg("-Tplain")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(dot.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    assert!(
        out.status.success(),
        "Graphviz rejects the picture: {}\n{dot}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn one_claims_neighbourhood_holds_its_sources_documents_reviewers_relations_and_chains() {
    let dot = chain_graph()
        .to_dot(&PictureOptions::around("containers"))
        .unwrap();
    let nodes = dot_nodes(&dot);
    let ids: Vec<&str> = nodes.keys().map(String::as_str).collect();
    assert_eq!(
        ids,
        [
            "ammunition",
            "article",
            "checker",
            "containers",
            "rok-media",
            "rok-sources",
            "russia",
            "west"
        ]
    );
    let edges = dot_edges(&dot);
    assert!(edge(&edges, "containers", "checker")
        .2
        .contains("rated “Unproven” by"));
    assert!(edge(&edges, "containers", "ammunition")
        .2
        .contains("specializes"));
    assert!(edge(&edges, "containers", "article")
        .2
        .contains("asserted by"));
    // The related claim's own attributions are not part of this claim's picture.
    assert!(!edges.iter().any(|(_, t, _)| t == "putin"));
}

#[test]
fn circular_citations_are_drawn_once_and_the_neighbourhood_ends() {
    let mut g = chain_graph();
    g.add_source_relation(SourceRelation::new(
        "rok-sources",
        SourceRelationKind::Cites,
        "article",
    ))
    .unwrap();
    let dot = g.to_dot(&PictureOptions::around("containers")).unwrap();
    let edges = dot_edges(&dot);
    edge(&edges, "rok-sources", "article");
    let cites = edges
        .iter()
        .filter(|(_, _, a)| a.contains("label=\"cites\""))
        .count();
    assert_eq!(cites, 3);
}

#[test]
fn ids_and_names_with_quotes_backslashes_line_breaks_and_other_scripts_are_escaped() {
    let mut g = ClaimGraph::new();
    g.add_source(Source::new(
        "say \"no\"\\",
        SourceKind::Person,
        "Name with \"quotes\"\nand a second line \\ and a backslash",
    ))
    .unwrap();
    g.add_source(Source::new(
        "Министерство",
        SourceKind::Government,
        "Министерство обороны",
    ))
    .unwrap();
    g.add_claim(Claim::new(
        "c|1",
        "Claim <with> #hash & `ticks`\r\nand | pipes",
    ))
    .unwrap();
    g.add_attribution(Attribution::new("say \"no\"\\", "c|1", Stance::Denies))
        .unwrap();
    g.add_attribution(Attribution::new("Министерство", "c|1", Stance::Asserts).quote("“цитата”"))
        .unwrap();

    let dot = g.to_dot(&PictureOptions::whole_graph()).unwrap();
    assert_strings_close_on_their_line(&dot);
    let nodes = dot_nodes(&dot);
    assert!(nodes.contains_key("say \\\"no\\\"\\\\"), "{nodes:?}");
    assert!(nodes.contains_key("Министерство"));
    assert!(dot.contains(
        "[label=\"Name with \\\"quotes\\\"\\nand a second line \\\\ and a\\nbackslash\\n(person)\""
    ));
    // Node statements stay one per line: line breaks in names are escaped, not written.
    assert_eq!(dot.lines().filter(|l| l.contains("[label=")).count(), 3 + 2);
    if let Some(plain) = graphviz_plain(&dot) {
        assert!(plain.contains("Министерство"));
    }

    let m = g.to_mermaid(&PictureOptions::whole_graph()).unwrap();
    for line in m.lines().filter(|l| !l.trim_start().starts_with("%%")) {
        let quotes = line.matches('"').count();
        assert!(
            quotes == 0 || quotes == 2,
            "a label lets a quote through: {line}"
        );
        assert!(
            !line.contains('`') && !line.contains('<') || line.contains("<br/>"),
            "{line}"
        );
    }
    assert!(m.contains("[\"Name with #quot;quotes#quot;<br/>and a second line \\ and a<br/>backslash<br/>(person)\"]"));
    assert!(m.contains("Claim #lt;with#gt; #35;hash #amp; #96;ticks#96;<br/>and #124; pipes"));
    assert!(
        m.contains("%% n1: say \"no\"\\"),
        "the record id is kept in a comment:\n{m}"
    );
    assert!(m.contains("Министерство обороны"));
}

#[test]
fn pictures_are_the_same_whatever_order_the_graph_was_built_in() {
    let g = chain_graph();
    let r = g.records();
    let mut reversed = Records {
        sources: r.sources.iter().rev().cloned().collect(),
        claims: r.claims.iter().rev().cloned().collect(),
        attributions: r.attributions.iter().rev().cloned().collect(),
        source_relations: r.source_relations.iter().rev().cloned().collect(),
        claim_relations: r.claim_relations.clone(),
        verdicts: r.verdicts.clone(),
    };
    reversed.sources.rotate_left(3);
    let h = ClaimGraph::from_records(reversed).unwrap();
    for o in [
        PictureOptions::whole_graph(),
        PictureOptions::around("containers"),
    ] {
        assert_eq!(g.to_dot(&o).unwrap(), h.to_dot(&o).unwrap());
        assert_eq!(g.to_mermaid(&o).unwrap(), h.to_mermaid(&o).unwrap());
    }
}

#[test]
fn a_picture_around_an_unknown_claim_is_not_found() {
    let g = chain_graph();
    for result in [
        g.to_dot(&PictureOptions::around("nope")),
        g.to_mermaid(&PictureOptions::around("nope")),
        // A source is not a claim.
        g.to_dot(&PictureOptions::around("russia")),
    ] {
        assert!(matches!(result, Err(Error::NotFound { .. })), "{result:?}");
    }
}

#[test]
fn the_reference_article_draws_every_record_and_lays_out() {
    let g = common::reference::putin_dprk_visit().unwrap();
    let dot = g.to_dot(&PictureOptions::whole_graph()).unwrap();
    let c = g.counts();
    assert_eq!(dot_nodes(&dot).len(), c.sources + c.claims);
    // A statement covering several claims is drawn to each of them.
    let stance_lines: usize = g.attributions().map(|a| 1 + a.covers.len()).sum();
    assert!(stance_lines > c.attributions);
    let vias: usize = {
        let mut pairs = std::collections::BTreeSet::new();
        for a in g.attributions() {
            if let Some(v) = a.reported_in() {
                for claim in a.claims() {
                    pairs.insert((claim.to_owned(), v.to_owned()));
                }
            }
        }
        pairs.len()
    };
    assert_eq!(
        dot_edges(&dot).len(),
        stance_lines + vias + c.source_relations + c.claim_relations + c.verdicts
    );
    assert_strings_close_on_their_line(&dot);
    graphviz_plain(&dot);
}

// ----- Mermaid -------------------------------------------------------------------------------

#[test]
fn mermaid_draws_the_same_picture_with_shapes_and_a_red_dashed_denial() {
    let g = chain_graph();
    let m = g.to_mermaid(&PictureOptions::around("containers")).unwrap();
    assert!(m.starts_with("flowchart TB\n"));
    // Nodes are n0, n1, ... in id order; each has its record id in a comment.
    let order = [
        "ammunition",
        "article",
        "checker",
        "containers",
        "rok-media",
        "rok-sources",
        "russia",
        "west",
    ];
    for (i, id) in order.iter().enumerate() {
        assert!(m.contains(&format!("  %% n{i}: {id}\n")), "{id}:\n{m}");
    }
    assert!(
        m.contains("n3([\"The DPRK delivered 6,700<br/>containers\"]):::claim"),
        "{m}"
    );
    assert!(m.contains("n1[/\"Analysis: Putin's visit<br/>(document)\"/]:::document"));
    assert!(m.contains("n5[\"ROK sources<br/>(unnamed group)\"]:::unnamed"));
    assert!(m.contains("n6(\"Russia<br/>(government)\"):::body"));

    // Links in order; linkStyle i styles the i-th.
    let links: Vec<&str> = m
        .lines()
        .filter(|l| l.contains("|\"") && !l.contains("linkStyle"))
        .collect();
    let styles: Vec<&str> = m.lines().filter(|l| l.contains("linkStyle")).collect();
    assert_eq!(links.len(), styles.len());
    let denial = links
        .iter()
        .position(|l| l.contains("denied by"))
        .expect("a denial link");
    assert!(
        links[denial].contains("n3 ==>|\"denied by<br/>2024-06-18\"| n6"),
        "{}",
        links[denial]
    );
    assert!(styles[denial].contains(&format!("linkStyle {denial} stroke:{DENIAL_RED}")));
    assert!(styles[denial].contains("stroke-dasharray"));
    let assertion = links
        .iter()
        .position(|l| l.contains("asserted by"))
        .unwrap();
    assert!(styles[assertion].contains(ASSERTION_GREEN));
    assert!(!styles[assertion].contains("dasharray"));
    // The same edges as the DOT picture.
    let dot = g.to_dot(&PictureOptions::around("containers")).unwrap();
    assert_eq!(links.len(), dot_edges(&dot).len());
}

#[test]
fn a_whole_graph_picture_of_thirty_claims_is_laid_out_in_rows() {
    let mut g = ClaimGraph::new();
    g.add_source(Source::new("s", SourceKind::Person, "S"))
        .unwrap();
    for i in 0..30 {
        g.add_claim(Claim::new(format!("c{i:02}"), format!("claim {i}")))
            .unwrap();
        g.add_attribution(Attribution::new("s", format!("c{i:02}"), Stance::Asserts))
            .unwrap();
    }
    let dot = g.to_dot(&PictureOptions::whole_graph()).unwrap();
    let rows: Vec<&str> = dot.lines().filter(|l| l.contains("rank=same")).collect();
    assert_eq!(rows.len(), 30 / claimgraph::io::CLAIMS_PER_ROW);
    assert!(
        rows[0].contains("\"c00\"") && rows[0].contains("\"c04\"") && !rows[0].contains("\"c05\"")
    );
    let stack = dot.lines().find(|l| l.contains("style=invis")).unwrap();
    assert!(stack.contains("\"c00\" -> \"c05\""), "{stack}");
    // Row lines are not node or edge statements: each still starts with its quoted id.
    assert_eq!(
        dot.lines().filter(|l| l.starts_with("  \"")).count(),
        31 + 30
    );
    // One claim's neighbourhood, and a small graph, are drawn as before.
    let around = g.to_dot(&PictureOptions::around("c00")).unwrap();
    assert!(!around.contains("rank=same"));
}

/// "In a statement to the ABC, the Church denied ..., reported by Wikinews on 2 December": the
/// claim is joined to the document it was last reported in, and the earlier hop to the next.
#[test]
fn a_reporting_chain_is_drawn_hop_by_hop() {
    let mut g = ClaimGraph::new();
    for s in [
        Source::new("church", SourceKind::Organization, "Church of Scientology"),
        Source::new(
            "abc",
            SourceKind::Outlet,
            "Australian Broadcasting Corporation",
        ),
        Source::new("wikinews", SourceKind::Document, "Wikinews article"),
    ] {
        g.add_source(s).unwrap();
    }
    g.add_claim(Claim::new("abuse", "The Church covered up abuse"))
        .unwrap();
    g.add_attribution(
        Attribution::new("church", "abuse", Stance::Denies)
            .via("abc")
            .via_on("wikinews", "2011-12-02".parse().unwrap()),
    )
    .unwrap();
    for options in [
        PictureOptions::whole_graph(),
        PictureOptions::around("abuse"),
    ] {
        let dot = g.to_dot(&options).unwrap();
        let edge = |from: &str, to: &str| {
            dot.lines()
                .find(|l| {
                    l.trim_start()
                        .starts_with(&format!("\"{from}\" -> \"{to}\""))
                })
                .map(str::to_owned)
        };
        let last = edge("abuse", "wikinews").expect(&dot);
        assert!(last.contains("label=\"reported in\""), "{last}");
        let earlier = edge("abc", "wikinews").expect(&dot);
        assert!(
            earlier.contains("label=\"then reported in, 2011-12-02\""),
            "{earlier}"
        );
        assert_eq!(edge("abuse", "abc"), None, "{dot}");
        let mermaid = g.to_mermaid(&options).unwrap();
        assert!(
            mermaid.contains("then reported in, 2011-12-02"),
            "{mermaid}"
        );
    }
}
