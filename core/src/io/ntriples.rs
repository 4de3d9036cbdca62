//! PROV-O as N-Triples: the graph streamed into a triple store, one triple per line.

use std::io::Write;

use crate::error::{Error, Result};
use crate::graph::ClaimGraph;
use crate::io::prov::{encode_local, CLAIMGRAPH_NAMESPACE, EDGE_NAMESPACE, NODE_NAMESPACE};
use crate::model::{SourceKind, SourceRelationKind};
use crate::time::When;

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const PROV: &str = "http://www.w3.org/ns/prov#";
const XSD_DOUBLE: &str = "http://www.w3.org/2001/XMLSchema#double";
const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
const XSD_ANY_URI: &str = "http://www.w3.org/2001/XMLSchema#anyURI";

/// The subject, predicate or object of a triple.
enum Term<'a> {
    /// A source or claim.
    Node(&'a str),
    /// An attribution, relation or verdict.
    Edge(&'a str),
    /// Hop `n` (1-based) of an attribution's reporting chain: `<urn:claimgraph:edge:ID/hop/n>`
    /// (an id's own `/` is encoded, so the IRI is no other record's).
    Hop(&'a str, usize),
    /// A term of PROV-O (`prov:` + the local name).
    Prov(&'static str),
    /// A term of claimgraph's vocabulary (`cg:` + the local name).
    Cg(&'static str),
    /// Any other IRI, written as it is.
    Iri(&'static str),
    /// A plain string.
    Text(&'a str),
    /// A literal of a datatype (its full IRI).
    Typed(&'a str, &'static str),
}

/// Writes triples through a reusable line buffer, counting them.
struct Triples<W: Write> {
    out: W,
    line: String,
    count: u64,
}

impl<W: Write> Triples<W> {
    fn term(&mut self, t: &Term<'_>) {
        let l = &mut self.line;
        match t {
            Term::Node(id) => {
                l.push('<');
                l.push_str(NODE_NAMESPACE);
                l.push_str(&encode_local(id));
                l.push('>');
            }
            Term::Edge(id) => {
                l.push('<');
                l.push_str(EDGE_NAMESPACE);
                l.push_str(&encode_local(id));
                l.push('>');
            }
            Term::Hop(id, n) => {
                use std::fmt::Write as _;
                l.push('<');
                l.push_str(EDGE_NAMESPACE);
                l.push_str(&encode_local(id));
                let _ = write!(l, "/hop/{n}>");
            }
            Term::Prov(local) => {
                l.push('<');
                l.push_str(PROV);
                l.push_str(local);
                l.push('>');
            }
            Term::Cg(local) => {
                l.push('<');
                l.push_str(CLAIMGRAPH_NAMESPACE);
                l.push_str(local);
                l.push('>');
            }
            Term::Iri(iri) => {
                l.push('<');
                l.push_str(iri);
                l.push('>');
            }
            Term::Text(s) => quote(l, s),
            Term::Typed(s, datatype) => {
                quote(l, s);
                l.push_str("^^<");
                l.push_str(datatype);
                l.push('>');
            }
        }
    }

    fn triple(&mut self, s: Term<'_>, p: Term<'_>, o: Term<'_>) -> Result<()> {
        self.line.clear();
        self.term(&s);
        self.line.push(' ');
        self.term(&p);
        self.line.push(' ');
        self.term(&o);
        self.line.push_str(" .\n");
        self.count += 1;
        self.out
            .write_all(self.line.as_bytes())
            .map_err(|e| Error::Io {
                action: "write",
                path: "N-Triples output".into(),
                source: e,
            })
    }

    fn opt(&mut self, s: Term<'_>, p: Term<'_>, o: Option<Term<'_>>) -> Result<()> {
        match o {
            Some(o) => self.triple(s, p, o),
            None => Ok(()),
        }
    }
}

/// A string literal with the escapes N-Triples requires (and `\uXXXX` for other control
/// characters, which some parsers refuse unescaped).
fn quote(l: &mut String, s: &str) {
    l.push('"');
    for c in s.chars() {
        match c {
            '"' => l.push_str("\\\""),
            '\\' => l.push_str("\\\\"),
            '\n' => l.push_str("\\n"),
            '\r' => l.push_str("\\r"),
            '\t' => l.push_str("\\t"),
            c if c.is_control() => {
                use std::fmt::Write as _;
                let _ = write!(l, "\\u{:04X}", c as u32);
            }
            c => l.push(c),
        }
    }
    l.push('"');
}

/// The datatype of a date as precise as the record knows it: XML Schema's for a year, a month,
/// a day or an instant; `cg:edtf` for a bounded date, which XML Schema has no type for (the
/// text is then the EDTF interval, `../2011-12-02`), as in PROV-JSON.
fn when_type(w: &When) -> &'static str {
    match w {
        When::Year(_) => "http://www.w3.org/2001/XMLSchema#gYear",
        When::Month(..) => "http://www.w3.org/2001/XMLSchema#gYearMonth",
        When::Date(_) => "http://www.w3.org/2001/XMLSchema#date",
        When::Instant(_) => "http://www.w3.org/2001/XMLSchema#dateTime",
        When::OnOrBefore(_) | When::OnOrAfter(_) | When::Between(..) => {
            "https://claimgraph.org/ns#edtf"
        }
    }
}

impl ClaimGraph {
    /// Writes the graph as PROV-O in N-Triples, one triple per line, streaming: memory use does
    /// not grow with the graph. Returns how many triples were written. `out` is written through
    /// a buffer; pass the file itself, not a `BufWriter`.
    ///
    /// Nodes are `<urn:claimgraph:node:ID>` and edges `<urn:claimgraph:edge:ID>` (ids encoded as
    /// in [`ClaimGraph::to_prov_json`], so the IRIs are the same), the vocabulary is PROV-O
    /// (`prov:`) and claimgraph's own (`cg:` = `https://claimgraph.org/ns#`); dates are typed
    /// `xsd:gYear`, `xsd:gYearMonth`, `xsd:date` or `xsd:dateTime`, a bounded date (`../2011-12-02`)
    /// `cg:edtf`; numbers `xsd:double`.
    ///
    /// | record | triples |
    /// |---|---|
    /// | source | `a cg:Source`, `a prov:Agent` (a document: `a prov:Entity`), `a prov:Person` or `a prov:Organization` where PROV has the kind; `cg:kind`, `rdfs:label` (the name), `cg:alias`, `cg:reliability`, `cg:url`, `cg:title`, `cg:published` |
    /// | claim | `a cg:Claim`, `a prov:Entity`, `rdfs:label` (the text), `cg:subject`, `cg:periodStart`, `cg:periodEnd`, `cg:tag`, `cg:quantityValue`, `cg:quantityUnit` |
    /// | attribution | for its claim and each claim it covers: claim `prov:wasAttributedTo` source, claim `prov:qualifiedAttribution` edge; edge `a cg:Attribution`, `a prov:Attribution`, `prov:agent` source, `cg:claim`, `cg:covers` (each further claim), `cg:stance`, `cg:modality`, `cg:said`, `cg:quote`, `cg:via` (each hop's source), `cg:hop` (each hop), `cg:basis` (each source) |
    /// | hop of a reporting chain | `<urn:claimgraph:edge:ID/hop/N>` `a cg:Hop`, `cg:position` N (`xsd:integer`, from 1 at the speaker's end), `cg:source`, `cg:date` |
    /// | cites | from `prov:wasQuotedFrom` to, from `prov:qualifiedQuotation` edge; edge `a prov:Quotation`, `prov:entity` to |
    /// | authored by | from `prov:wasAttributedTo` to, from `prov:qualifiedAttribution` edge; edge `a prov:Attribution`, `a cg:Authorship`, `prov:agent` to |
    /// | published in | from `prov:wasInfluencedBy` to, from `prov:qualifiedInfluence` edge; edge `a prov:Influence`, `a cg:PublishedIn`, `prov:influencer` to |
    /// | affiliated with | from `prov:actedOnBehalfOf` to, from `prov:qualifiedDelegation` edge; edge `a prov:Delegation`, `prov:agent` to |
    /// | claim relation | from `cg:supports` (`cg:contradicts`, `cg:specializes`, `cg:sameAs`, `cg:dependsOn`) to; edge `a cg:ClaimRelation`, `cg:from`, `cg:kind`, `cg:to` |
    /// | verdict | edge `a cg:Verdict`, `a prov:Entity`, `prov:wasAttributedTo` reviewer, `cg:reviewer`, `cg:claim`, `cg:label`, `cg:ratingValue`, `cg:bestRating`, `cg:worstRating`, `cg:date`, `cg:url`, `cg:summary` |
    ///
    /// Every source relation's edge is also `a cg:SourceRelation` and carries its `cg:kind`
    /// (`cites`, `authored_by`, `published_in`, `affiliated_with`), `cg:date`, `cg:since` and
    /// `cg:until`. The stance is on the qualified attribution
    /// (`asserts`, `denies`, `doubts` or `no_comment`): `prov:wasAttributedTo` alone says only
    /// that the source was asked about the claim. Origins are the sources reached along
    /// `(prov:wasQuotedFrom|prov:wasAttributedTo)*` from an asserting source, or from an
    /// assertion's `cg:basis` when it has one, that have neither edge themselves (from a source,
    /// `prov:wasAttributedTo` leads only to authors).
    ///
    /// ```
    /// use claimgraph::{Attribution, Claim, ClaimGraph, Source, SourceKind, Stance};
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("russia", SourceKind::Government, "Russia"))?;
    /// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia"))?;
    /// g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies).quote("mad rumors"))?;
    /// let mut out = Vec::new();
    /// let triples = g.write_ntriples(&mut out)?;
    /// let text = String::from_utf8(out).unwrap();
    /// assert_eq!(text.lines().count() as u64, triples);
    /// assert!(text.contains("<https://claimgraph.org/ns#stance> \"denies\" ."));
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn write_ntriples<W: Write>(&self, out: W) -> Result<u64> {
        let mut t = Triples {
            out: std::io::BufWriter::with_capacity(1 << 20, out),
            line: String::with_capacity(256),
            count: 0,
        };
        use Term::{Cg, Edge, Iri, Node, Prov, Text, Typed};
        let date = |w: &When| w.to_string();

        for s in self.sources() {
            let n = || Node(&s.id);
            t.triple(n(), Iri(RDF_TYPE), Cg("Source"))?;
            let class = if s.kind == SourceKind::Document {
                "Entity"
            } else {
                "Agent"
            };
            t.triple(n(), Iri(RDF_TYPE), Prov(class))?;
            let prov_kind = match s.kind {
                SourceKind::Person => Some("Person"),
                SourceKind::Organization | SourceKind::Government | SourceKind::Outlet => {
                    Some("Organization")
                }
                _ => None,
            };
            t.opt(n(), Iri(RDF_TYPE), prov_kind.map(Prov))?;
            t.triple(n(), Cg("kind"), Text(s.kind.as_str()))?;
            t.triple(n(), Iri(RDFS_LABEL), Text(&s.name))?;
            for a in &s.aliases {
                t.triple(n(), Cg("alias"), Text(a))?;
            }
            t.opt(
                n(),
                Cg("reliability"),
                s.reliability.map(|r| Text(r.as_str())),
            )?;
            t.opt(
                n(),
                Cg("url"),
                s.url.as_deref().map(|u| Typed(u, XSD_ANY_URI)),
            )?;
            t.opt(n(), Cg("title"), s.title.as_deref().map(Text))?;
            if let Some(p) = &s.published {
                t.triple(n(), Cg("published"), Typed(&date(p), when_type(p)))?;
            }
        }

        for c in self.claims() {
            let n = || Node(&c.id);
            t.triple(n(), Iri(RDF_TYPE), Cg("Claim"))?;
            t.triple(n(), Iri(RDF_TYPE), Prov("Entity"))?;
            t.triple(n(), Iri(RDFS_LABEL), Text(&c.text))?;
            for s in &c.subjects {
                t.triple(n(), Cg("subject"), Node(s))?;
            }
            if let Some(p) = &c.period {
                for (name, w) in [("periodStart", &p.start), ("periodEnd", &p.end)] {
                    if let Some(w) = w {
                        t.triple(n(), Cg(name), Typed(&date(w), when_type(w)))?;
                    }
                }
            }
            for tag in &c.tags {
                t.triple(n(), Cg("tag"), Text(tag))?;
            }
            if let Some(q) = &c.quantity {
                t.triple(
                    n(),
                    Cg("quantityValue"),
                    Typed(&q.value.to_string(), XSD_DOUBLE),
                )?;
                t.triple(n(), Cg("quantityUnit"), Text(&q.unit))?;
            }
        }

        for a in self.attributions() {
            let e = || Edge(&a.id);
            for claim in a.claims() {
                t.triple(Node(claim), Prov("wasAttributedTo"), Node(&a.source))?;
                t.triple(Node(claim), Prov("qualifiedAttribution"), e())?;
            }
            t.triple(e(), Iri(RDF_TYPE), Cg("Attribution"))?;
            t.triple(e(), Iri(RDF_TYPE), Prov("Attribution"))?;
            t.triple(e(), Prov("agent"), Node(&a.source))?;
            t.triple(e(), Cg("claim"), Node(&a.claim))?;
            for k in &a.covers {
                t.triple(e(), Cg("covers"), Node(k))?;
            }
            t.triple(e(), Cg("stance"), Text(a.stance.as_str()))?;
            t.triple(e(), Cg("modality"), Text(a.modality.as_str()))?;
            if let Some(w) = &a.said {
                t.triple(e(), Cg("said"), Typed(&date(w), when_type(w)))?;
            }
            t.opt(e(), Cg("quote"), a.quote.as_deref().map(Text))?;
            for (i, h) in a.via.iter().enumerate() {
                let hop = || Term::Hop(&a.id, i + 1);
                t.triple(e(), Cg("via"), Node(&h.source))?;
                t.triple(e(), Cg("hop"), hop())?;
                t.triple(hop(), Iri(RDF_TYPE), Cg("Hop"))?;
                t.triple(
                    hop(),
                    Cg("position"),
                    Typed(&(i + 1).to_string(), XSD_INTEGER),
                )?;
                t.triple(hop(), Cg("source"), Node(&h.source))?;
                if let Some(w) = &h.date {
                    t.triple(hop(), Cg("date"), Typed(&date(w), when_type(w)))?;
                }
            }
            for b in &a.basis {
                t.triple(e(), Cg("basis"), Node(b))?;
            }
        }

        for r in self.source_relations() {
            let (from, to, e) = (|| Node(&r.from), || Node(&r.to), || Edge(&r.id));
            let (shortcut, qualified, class, extra, object) = match r.kind {
                SourceRelationKind::Cites => (
                    "wasQuotedFrom",
                    "qualifiedQuotation",
                    "Quotation",
                    None,
                    "entity",
                ),
                SourceRelationKind::AuthoredBy => (
                    "wasAttributedTo",
                    "qualifiedAttribution",
                    "Attribution",
                    Some("Authorship"),
                    "agent",
                ),
                SourceRelationKind::PublishedIn => (
                    "wasInfluencedBy",
                    "qualifiedInfluence",
                    "Influence",
                    Some("PublishedIn"),
                    "influencer",
                ),
                SourceRelationKind::AffiliatedWith => (
                    "actedOnBehalfOf",
                    "qualifiedDelegation",
                    "Delegation",
                    None,
                    "agent",
                ),
            };
            t.triple(from(), Prov(shortcut), to())?;
            t.triple(from(), Prov(qualified), e())?;
            t.triple(e(), Iri(RDF_TYPE), Cg("SourceRelation"))?;
            t.triple(e(), Iri(RDF_TYPE), Prov(class))?;
            t.opt(e(), Iri(RDF_TYPE), extra.map(Cg))?;
            t.triple(e(), Prov(object), to())?;
            t.triple(e(), Cg("kind"), Text(r.kind.as_str()))?;
            for (name, w) in [("date", &r.date), ("since", &r.since), ("until", &r.until)] {
                if let Some(w) = w {
                    t.triple(e(), Cg(name), Typed(&date(w), when_type(w)))?;
                }
            }
        }

        for r in self.claim_relations() {
            let e = || Edge(&r.id);
            let shortcut = match r.kind {
                crate::ClaimRelationKind::Supports => "supports",
                crate::ClaimRelationKind::Contradicts => "contradicts",
                crate::ClaimRelationKind::Specializes => "specializes",
                crate::ClaimRelationKind::SameAs => "sameAs",
                crate::ClaimRelationKind::DependsOn => "dependsOn",
            };
            t.triple(Node(&r.from), Cg(shortcut), Node(&r.to))?;
            t.triple(e(), Iri(RDF_TYPE), Cg("ClaimRelation"))?;
            t.triple(e(), Cg("from"), Node(&r.from))?;
            t.triple(e(), Cg("kind"), Text(r.kind.as_str()))?;
            t.triple(e(), Cg("to"), Node(&r.to))?;
        }

        for v in self.verdicts() {
            let e = || Edge(&v.id);
            t.triple(e(), Iri(RDF_TYPE), Cg("Verdict"))?;
            t.triple(e(), Iri(RDF_TYPE), Prov("Entity"))?;
            t.triple(e(), Prov("wasAttributedTo"), Node(&v.reviewer))?;
            t.triple(e(), Cg("reviewer"), Node(&v.reviewer))?;
            t.triple(e(), Cg("claim"), Node(&v.claim))?;
            t.triple(e(), Cg("label"), Text(&v.label))?;
            if let Some(r) = &v.rating {
                t.triple(
                    e(),
                    Cg("ratingValue"),
                    Typed(&r.value.to_string(), XSD_DOUBLE),
                )?;
                t.triple(
                    e(),
                    Cg("bestRating"),
                    Typed(&r.best.to_string(), XSD_DOUBLE),
                )?;
                t.triple(
                    e(),
                    Cg("worstRating"),
                    Typed(&r.worst.to_string(), XSD_DOUBLE),
                )?;
            }
            if let Some(w) = &v.date {
                t.triple(e(), Cg("date"), Typed(&date(w), when_type(w)))?;
            }
            t.opt(
                e(),
                Cg("url"),
                v.url.as_deref().map(|u| Typed(u, XSD_ANY_URI)),
            )?;
            t.opt(e(), Cg("summary"), v.summary.as_deref().map(Text))?;
        }

        t.out.flush().map_err(|e| Error::Io {
            action: "write",
            path: "N-Triples output".into(),
            source: e,
        })?;
        Ok(t.count)
    }

    /// Writes the graph as PROV-O N-Triples ([`ClaimGraph::write_ntriples`]) into the file at
    /// `path`, through a temporary file beside it that is renamed when complete, so a failed
    /// export never leaves a truncated file under the name. Returns how many triples were
    /// written; errors name the file.
    pub fn save_ntriples(&self, path: impl AsRef<std::path::Path>) -> Result<u64> {
        let path = path.as_ref();
        let io = |action: &'static str, p: &std::path::Path| {
            let p = p.to_path_buf();
            move |e: std::io::Error| Error::Io {
                action,
                path: p,
                source: e,
            }
        };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let temp = path.with_file_name(format!(
            ".{}.tmp-{}",
            name.as_deref().unwrap_or("graph.nt"),
            std::process::id()
        ));
        let file = std::fs::File::create(&temp).map_err(io("create", &temp))?;
        let written = self.write_ntriples(&file).and_then(|n| {
            file.sync_all().map_err(io("sync", &temp))?;
            Ok(n)
        });
        let n = match written {
            Ok(n) => n,
            Err(e) => {
                let _ = std::fs::remove_file(&temp);
                return Err(match e {
                    Error::Io { action, source, .. } => Error::Io {
                        action,
                        path: path.to_path_buf(),
                        source,
                    },
                    other => other,
                });
            }
        };
        std::fs::rename(&temp, path).map_err(io("rename", path))?;
        Ok(n)
    }
}
