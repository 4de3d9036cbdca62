//! PROV-O as N-Triples: one well-formed triple per line, every record and field present (the
//! records are read back from the triples and compared with the graph's), and text that would
//! break a line escaped.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeMap;

use claimgraph::{
    Attribution, Claim, ClaimGraph, ClaimRelation, Hop, Period, Quantity, Rating, Source,
    SourceKind, SourceRelation, Stance, Verdict, When,
};

const CG: &str = "https://claimgraph.org/ns#";
const RDF_TYPE: &str = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";

fn ntriples(g: &ClaimGraph) -> (u64, String) {
    let mut out = Vec::new();
    let n = g.write_ntriples(&mut out).unwrap();
    (n, String::from_utf8(out).unwrap())
}

/// Splits a line into subject, predicate and object, checking the N-Triples shape on the way:
/// IRIs in angle brackets with none of the characters an IRI cannot hold, literals quoted with
/// no raw line break, a final " .".
fn parse_line(line: &str) -> (&str, &str, &str) {
    let body = line
        .strip_suffix(" .")
        .unwrap_or_else(|| panic!("no final ' .': {line}"));
    let iri_end = |s: &str| {
        assert!(s.starts_with('<'), "not an IRI: {s}");
        let end = s.find('>').unwrap();
        let iri = &s[1..end];
        assert!(
            !iri.chars()
                .any(|c| c.is_whitespace() || "<\"{}|^`\\".contains(c)),
            "bad IRI {iri:?}"
        );
        end + 1
    };
    let s_end = iri_end(body);
    let rest = body[s_end..].strip_prefix(' ').unwrap();
    let p_end = iri_end(rest);
    let o = rest[p_end..].strip_prefix(' ').unwrap();
    if o.starts_with('"') {
        // The literal ends at the last quote, and every quote inside is escaped.
        let close = o.rfind('"').unwrap();
        assert!(close > 0, "unterminated literal: {line}");
        let inner = &o[1..close];
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => assert!(
                    matches!(chars.next(), Some('"' | '\\' | 'n' | 'r' | 't' | 'u')),
                    "bad escape in {line}"
                ),
                '"' => panic!("unescaped quote in {line}"),
                c => assert!(!c.is_control(), "raw control character in {line}"),
            }
        }
        let tail = &o[close + 1..];
        assert!(
            tail.is_empty() || tail.starts_with("^^<"),
            "bad literal tail {tail:?}"
        );
    } else {
        assert_eq!(iri_end(o), o.len(), "object is not one IRI: {line}");
    }
    (&body[..s_end], &rest[..p_end], o)
}

fn count_typed(text: &str, class: &str) -> usize {
    let o = format!("<{CG}{class}>");
    text.lines()
        .map(parse_line)
        .filter(|(_, p, obj)| *p == RDF_TYPE && *obj == o)
        .count()
}

#[test]
fn every_line_is_one_triple_and_the_count_is_returned() {
    let g = common::every_field::every_field();
    let (n, text) = ntriples(&g);
    assert!(text.ends_with(".\n"));
    assert_eq!(text.lines().count() as u64, n);
    for line in text.lines() {
        parse_line(line);
    }
}

#[test]
fn each_record_is_typed_once_so_a_store_can_count_them() {
    for g in [
        common::every_field::every_field(),
        common::reference::putin_dprk_visit().unwrap(),
    ] {
        let (_, text) = ntriples(&g);
        let c = g.counts();
        assert_eq!(count_typed(&text, "Source"), c.sources);
        assert_eq!(count_typed(&text, "Claim"), c.claims);
        assert_eq!(count_typed(&text, "Attribution"), c.attributions);
        assert_eq!(count_typed(&text, "SourceRelation"), c.source_relations);
        assert_eq!(count_typed(&text, "ClaimRelation"), c.claim_relations);
        assert_eq!(count_typed(&text, "Verdict"), c.verdicts);
    }
}

#[test]
fn an_attribution_carries_its_stance_quote_date_and_chain_on_the_qualified_node() {
    let mut g = ClaimGraph::new();
    for (id, kind) in [
        ("article", SourceKind::Document),
        ("abc", SourceKind::Outlet),
        ("russia", SourceKind::Government),
    ] {
        g.add_source(Source::new(id, kind, id)).unwrap();
    }
    g.add_claim(Claim::new(
        "ammo",
        "DPRK supplies \"ammunition\"\nto Russia",
    ))
    .unwrap();
    g.add_claim(Claim::new("workers", "DPRK workers went to Russia"))
        .unwrap();
    g.add_attribution(
        Attribution::new("russia", "ammo", Stance::Denies)
            .with_id("russia denies: ammo")
            .via("abc")
            .via_on("article", "../2024-06-20".parse().unwrap())
            .said("2024-06".parse().unwrap())
            .quote("mad \\ rumors")
            .covers("workers"),
    )
    .unwrap();
    let (_, text) = ntriples(&g);
    let edge = "<urn:claimgraph:edge:russia%20denies%3A%20ammo>";
    let about = |subject: &str| -> Vec<(String, String)> {
        text.lines()
            .map(parse_line)
            .filter(|(s, _, _)| *s == subject)
            .map(|(_, p, o)| (p.to_owned(), o.to_owned()))
            .collect()
    };
    let on_edge = about(edge);
    let has = |p: &str, o: &str| on_edge.contains(&(p.to_owned(), o.to_owned()));
    assert!(has(&format!("<{CG}stance>"), "\"denies\""), "{on_edge:?}");
    assert!(has(&format!("<{CG}modality>"), "\"stated\""));
    assert!(has(&format!("<{CG}quote>"), "\"mad \\\\ rumors\""));
    assert!(has(
        &format!("<{CG}said>"),
        "\"2024-06\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>"
    ));
    assert!(has(&format!("<{CG}via>"), "<urn:claimgraph:node:abc>"));
    assert!(has(&format!("<{CG}via>"), "<urn:claimgraph:node:article>"));
    assert!(has(&format!("<{CG}claim>"), "<urn:claimgraph:node:ammo>"));
    assert!(has(
        &format!("<{CG}covers>"),
        "<urn:claimgraph:node:workers>"
    ));
    assert!(has(
        "<http://www.w3.org/ns/prov#agent>",
        "<urn:claimgraph:node:russia>"
    ));
    // The second hop: its position, its source and its bounded date, typed cg:edtf.
    let hop = "<urn:claimgraph:edge:russia%20denies%3A%20ammo/hop/2>";
    assert!(has(&format!("<{CG}hop>"), hop));
    let on_hop = about(hop);
    for (p, o) in [
        (
            format!("<{CG}position>"),
            "\"2\"^^<http://www.w3.org/2001/XMLSchema#integer>".to_owned(),
        ),
        (
            format!("<{CG}source>"),
            "<urn:claimgraph:node:article>".to_owned(),
        ),
        (
            format!("<{CG}date>"),
            format!("\"../2024-06-20\"^^<{CG}edtf>"),
        ),
    ] {
        assert!(
            on_hop.contains(&(p.clone(), o.clone())),
            "{p} {o}: {on_hop:?}"
        );
    }
    // The statement is qualified on both claims it covers.
    for claim in ["ammo", "workers"] {
        assert!(text.contains(&format!(
            "<urn:claimgraph:node:{claim}> <http://www.w3.org/ns/prov#qualifiedAttribution> {edge} ."
        )));
    }
    assert!(text.contains("\"DPRK supplies \\\"ammunition\\\"\\nto Russia\""));
}

#[test]
fn citations_are_prov_quotations_that_a_property_path_can_follow() {
    let g = common::every_field::every_field();
    let (_, text) = ntriples(&g);
    let quoted = text
        .lines()
        .map(parse_line)
        .filter(|(_, p, _)| *p == "<http://www.w3.org/ns/prov#wasQuotedFrom>")
        .count();
    let cites = g
        .source_relations()
        .filter(|r| r.kind == claimgraph::SourceRelationKind::Cites)
        .count();
    assert_eq!(quoted, cites);
    assert!(cites > 0);
    // Authorship is the other edge origins follow: an attribution from the document to its
    // author, beside the claims' attributions to sources.
    assert!(text.contains(
        "<urn:claimgraph:node:op-ed%20%231> <http://www.w3.org/ns/prov#wasAttributedTo> <urn:claimgraph:node:putin> ."
    ));
}

// ----- reading the records back from the triples ------------------------------------------------

/// A term of a triple as read back: an IRI, or a literal with its datatype IRI (`None` for a
/// plain string).
#[derive(Debug, Clone, PartialEq)]
enum Term {
    Iri(String),
    Literal(String, Option<String>),
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next().unwrap() {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            c => out.push(c),
        }
    }
    out
}

fn term(t: &str) -> Term {
    if let Some(iri) = t.strip_prefix('<') {
        return Term::Iri(iri.strip_suffix('>').unwrap().to_owned());
    }
    let close = t.rfind('"').unwrap();
    let datatype = t[close + 1..]
        .strip_prefix("^^<")
        .map(|d| d.strip_suffix('>').unwrap().to_owned());
    Term::Literal(unescape(&t[1..close]), datatype)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Every triple, by subject: predicate IRI and object.
struct Store(BTreeMap<String, Vec<(String, Term)>>);

impl Store {
    fn load(text: &str) -> Store {
        let mut m: BTreeMap<String, Vec<(String, Term)>> = BTreeMap::new();
        for line in text.lines() {
            let (s, p, o) = parse_line(line);
            let Term::Iri(s) = term(s) else { panic!() };
            let Term::Iri(p) = term(p) else { panic!() };
            m.entry(s).or_default().push((p, term(o)));
        }
        Store(m)
    }

    fn all(&self, s: &str, p: &str) -> Vec<&Term> {
        let p = if p.starts_with("http") {
            p.to_owned()
        } else {
            format!("{CG}{p}")
        };
        self.0
            .get(s)
            .map(|ts| ts.iter().filter(|(q, _)| *q == p).map(|(_, o)| o).collect())
            .unwrap_or_default()
    }

    fn one(&self, s: &str, p: &str) -> Option<&Term> {
        let all = self.all(s, p);
        assert!(all.len() <= 1, "{s} has {} {p}", all.len());
        all.first().copied()
    }

    fn text(&self, s: &str, p: &str) -> Option<String> {
        self.one(s, p).map(|t| match t {
            Term::Literal(v, None) => v.clone(),
            Term::Literal(v, Some(d)) if d.ends_with("#anyURI") => v.clone(),
            other => panic!("{s} {p}: not text: {other:?}"),
        })
    }

    fn number(&self, s: &str, p: &str) -> Option<f64> {
        self.one(s, p).map(|t| match t {
            Term::Literal(v, Some(d)) if d.ends_with("#double") => v.parse().unwrap(),
            other => panic!("{s} {p}: not a double: {other:?}"),
        })
    }

    /// A date, whose datatype must be the one its form has.
    fn when(&self, s: &str, p: &str) -> Option<When> {
        self.one(s, p).map(|t| {
            let Term::Literal(v, Some(d)) = t else {
                panic!("{s} {p}: not a typed date: {t:?}")
            };
            let w: When = v.parse().unwrap();
            let want = match w {
                When::Year(_) => "XMLSchema#gYear",
                When::Month(..) => "XMLSchema#gYearMonth",
                When::Date(_) => "XMLSchema#date",
                When::Instant(_) => "XMLSchema#dateTime",
                When::OnOrBefore(_) | When::OnOrAfter(_) | When::Between(..) => "ns#edtf",
            };
            assert!(d.ends_with(want), "{s} {p}: {v} typed {d}");
            w
        })
    }

    fn nodes(&self, s: &str, p: &str) -> Vec<String> {
        let mut ids: Vec<String> = self
            .all(s, p)
            .into_iter()
            .map(|t| match t {
                Term::Iri(i) => percent_decode(
                    i.strip_prefix("urn:claimgraph:node:")
                        .unwrap_or_else(|| panic!("{s} {p}: {i} is not a node")),
                ),
                other => panic!("{s} {p}: not an IRI: {other:?}"),
            })
            .collect();
        ids.sort();
        ids
    }

    fn node(&self, s: &str, p: &str) -> String {
        let mut n = self.nodes(s, p);
        assert_eq!(n.len(), 1, "{s} {p}: {n:?}");
        n.remove(0)
    }

    fn typed(&self, class: &str) -> Vec<String> {
        let class = Term::Iri(format!("{CG}{class}"));
        let rdf_type = RDF_TYPE.trim_matches(['<', '>']);
        self.0
            .iter()
            .filter(|(_, ts)| ts.iter().any(|(p, o)| p == rdf_type && *o == class))
            .map(|(s, _)| s.clone())
            .collect()
    }

    /// Subjects with `p` pointing at `o`.
    fn pointing_at(&self, p: &str, o: &str) -> Vec<String> {
        let o = Term::Iri(o.to_owned());
        self.0
            .iter()
            .filter(|(_, ts)| ts.iter().any(|(q, x)| q == p && *x == o))
            .map(|(s, _)| s.clone())
            .collect()
    }
}

fn local(iri: &str, namespace: &str) -> String {
    percent_decode(iri.strip_prefix(namespace).unwrap())
}

const PROV: &str = "http://www.w3.org/ns/prov#";
const LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const NODE: &str = "urn:claimgraph:node:";
const EDGE: &str = "urn:claimgraph:edge:";

/// The records read back from the triples alone; repeated properties (aliases, tags, subjects,
/// basis, covers), which RDF does not order, sorted. Each record is built with every field named,
/// so a field added to the model does not compile here until it is read back.
fn records_from_triples(text: &str) -> Records {
    let st = Store::load(text);
    let mut r = Records::default();
    for s in st.typed("Source") {
        r.sources.push(Source {
            id: local(&s, NODE),
            kind: st.text(&s, "kind").unwrap().parse().unwrap(),
            name: st.text(&s, LABEL).unwrap(),
            aliases: sorted(st.all(&s, "alias").iter().map(|t| lit(t)).collect()),
            reliability: st.text(&s, "reliability").map(|x| x.parse().unwrap()),
            url: st.text(&s, "url"),
            title: st.text(&s, "title"),
            published: st.when(&s, "published"),
        });
    }
    for c in st.typed("Claim") {
        let (start, end) = (st.when(&c, "periodStart"), st.when(&c, "periodEnd"));
        let quantity = st
            .number(&c, "quantityValue")
            .map(|v| Quantity::new(v, st.text(&c, "quantityUnit").unwrap()));
        r.claims.push(Claim {
            id: local(&c, NODE),
            text: st.text(&c, LABEL).unwrap(),
            subjects: st.nodes(&c, "subject"),
            period: (start.is_some() || end.is_some()).then(|| Period::new(start, end)),
            tags: sorted(st.all(&c, "tag").iter().map(|t| lit(t)).collect()),
            quantity,
        });
    }
    for e in st.typed("Attribution") {
        let mut hops: Vec<(u64, Hop)> = st
            .all(&e, "hop")
            .into_iter()
            .map(|h| {
                let Term::Iri(h) = h else { panic!() };
                let Some(Term::Literal(pos, _)) = st.one(h, "position") else {
                    panic!("{h} has no position")
                };
                let hop = Hop {
                    source: st.node(h, "source"),
                    date: st.when(h, "date"),
                };
                (pos.parse().unwrap(), hop)
            })
            .collect();
        hops.sort_by_key(|(p, _)| *p);
        let positions: Vec<u64> = hops.iter().map(|(p, _)| *p).collect();
        assert_eq!(
            positions,
            (1..=hops.len() as u64).collect::<Vec<_>>(),
            "{e}"
        );
        let a = Attribution {
            id: local(&e, EDGE),
            source: st.node(&e, &format!("{PROV}agent")),
            claim: st.node(&e, "claim"),
            stance: st.text(&e, "stance").unwrap().parse().unwrap(),
            modality: st.text(&e, "modality").unwrap().parse().unwrap(),
            said: st.when(&e, "said"),
            quote: st.text(&e, "quote"),
            via: hops.into_iter().map(|(_, h)| h).collect(),
            basis: st.nodes(&e, "basis"),
            covers: st.nodes(&e, "covers"),
        };
        // Each claim the statement covers is qualified by it, and attributed to its speaker.
        for c in a.claims() {
            let claim = format!("{NODE}{}", claimgraph_iri_local(c));
            assert!(
                st.pointing_at(&format!("{PROV}qualifiedAttribution"), &e)
                    .contains(&claim),
                "{c} is not qualified by {e}"
            );
        }
        r.attributions.push(a);
    }
    for e in st.typed("SourceRelation") {
        let kind: claimgraph::SourceRelationKind = st.text(&e, "kind").unwrap().parse().unwrap();
        let (qualified, object) = match kind {
            claimgraph::SourceRelationKind::Cites => ("qualifiedQuotation", "entity"),
            claimgraph::SourceRelationKind::AuthoredBy => ("qualifiedAttribution", "agent"),
            claimgraph::SourceRelationKind::PublishedIn => ("qualifiedInfluence", "influencer"),
            claimgraph::SourceRelationKind::AffiliatedWith => ("qualifiedDelegation", "agent"),
        };
        let from = st.pointing_at(&format!("{PROV}{qualified}"), &e);
        assert_eq!(from.len(), 1, "{e}: {from:?}");
        r.source_relations.push(SourceRelation {
            id: local(&e, EDGE),
            from: local(&from[0], NODE),
            kind,
            to: st.node(&e, &format!("{PROV}{object}")),
            date: st.when(&e, "date"),
            since: st.when(&e, "since"),
            until: st.when(&e, "until"),
        });
    }
    for e in st.typed("ClaimRelation") {
        r.claim_relations.push(ClaimRelation {
            id: local(&e, EDGE),
            from: st.node(&e, "from"),
            kind: st.text(&e, "kind").unwrap().parse().unwrap(),
            to: st.node(&e, "to"),
        });
    }
    for e in st.typed("Verdict") {
        let rating = st.number(&e, "ratingValue").map(|v| {
            Rating::new(
                v,
                st.number(&e, "bestRating").unwrap(),
                st.number(&e, "worstRating").unwrap(),
            )
        });
        r.verdicts.push(Verdict {
            id: local(&e, EDGE),
            reviewer: st.node(&e, "reviewer"),
            claim: st.node(&e, "claim"),
            label: st.text(&e, "label").unwrap(),
            rating,
            date: st.when(&e, "date"),
            url: st.text(&e, "url"),
            summary: st.text(&e, "summary"),
        });
    }
    r.sort();
    r
}

fn lit(t: &Term) -> String {
    match t {
        Term::Literal(v, None) => v.clone(),
        other => panic!("not a plain string: {other:?}"),
    }
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// The local part of a node's IRI, encoded as the export encodes it: read off the export of a
/// graph holding only a claim of that id.
fn claimgraph_iri_local(id: &str) -> String {
    let mut g = ClaimGraph::new();
    g.add_claim(Claim::new(id, "x")).unwrap();
    let (_, text) = ntriples(&g);
    let first = text.lines().next().unwrap();
    let (s, _, _) = parse_line(first);
    s.trim_matches(['<', '>'])
        .strip_prefix(NODE)
        .unwrap()
        .to_owned()
}

#[derive(Debug, Default, PartialEq)]
struct Records {
    sources: Vec<Source>,
    claims: Vec<Claim>,
    attributions: Vec<Attribution>,
    source_relations: Vec<SourceRelation>,
    claim_relations: Vec<ClaimRelation>,
    verdicts: Vec<Verdict>,
}

impl Records {
    /// The graph's records in the same order, with the properties RDF does not order sorted.
    fn of(g: &ClaimGraph) -> Records {
        let mut r = Records {
            sources: g.sources().cloned().collect(),
            claims: g.claims().cloned().collect(),
            attributions: g.attributions().collect(),
            source_relations: g.source_relations().collect(),
            claim_relations: g.claim_relations().collect(),
            verdicts: g.verdicts().collect(),
        };
        for s in &mut r.sources {
            s.aliases.sort();
        }
        for c in &mut r.claims {
            c.subjects.sort();
            c.tags.sort();
        }
        for a in &mut r.attributions {
            a.basis.sort();
            a.covers.sort();
        }
        r.sort();
        r
    }

    fn sort(&mut self) {
        self.sources.sort_by(|a, b| a.id.cmp(&b.id));
        self.claims.sort_by(|a, b| a.id.cmp(&b.id));
        self.attributions.sort_by(|a, b| a.id.cmp(&b.id));
        self.source_relations.sort_by(|a, b| a.id.cmp(&b.id));
        self.claim_relations.sort_by(|a, b| a.id.cmp(&b.id));
        self.verdicts.sort_by(|a, b| a.id.cmp(&b.id));
    }
}

#[test]
fn every_field_of_every_record_reads_back_from_the_triples() {
    let g = common::every_field::every_field();
    common::every_field::assert_every_field_is_set(&g);
    let (_, text) = ntriples(&g);
    assert_eq!(records_from_triples(&text), Records::of(&g));
}

#[test]
fn the_reference_article_reads_back_from_the_triples() {
    let g = common::reference::putin_dprk_visit().unwrap();
    let (_, text) = ntriples(&g);
    assert_eq!(records_from_triples(&text), Records::of(&g));
}
