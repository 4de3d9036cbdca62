//! Writing a graph as a W3C PROV-JSON document.

use serde_json::{Map, Value};

use super::claim_relation_type;
use super::context::{DerivationType, ProvContext, RESERVED_PREFIXES};
use crate::graph::ClaimGraph;
use crate::model::{Claim, Hop, Source, SourceKind, SourceRelationKind, Verdict};
use crate::time::When;

/// How ids are written: qualified names in the graph's namespaces where they are ones, else
/// in claimgraph's `node` and `edge` namespaces.
struct Names<'c>(&'c ProvContext);

impl Names<'_> {
    fn node(&self, id: &str) -> String {
        self.0.qname(id, "node")
    }

    fn edge(&self, id: &str) -> String {
        self.0.qname(id, "edge")
    }

    /// A hop of a reporting chain: the source's qualified name, with its date when it has one.
    fn hop(&self, h: &Hop) -> Value {
        match &h.date {
            None => qn_lit(&self.node(&h.source)),
            Some(d) => typed(format!("{} {d}", self.node(&h.source)), "cg:DatedHop"),
        }
    }

    /// A derivation type as the document had it: a qualified name where a prefix fits, else
    /// the IRI; text as text.
    fn derivation_type(&self, t: &DerivationType) -> Value {
        match t {
            DerivationType::Text(text) => str_val(text),
            DerivationType::Iri(iri) => match self.0.compact(iri) {
                Some(qn) => qn_lit(&qn),
                None => typed(iri.clone(), "xsd:anyURI"),
            },
        }
    }
}

fn qn_lit(qn: &str) -> Value {
    let mut m = Map::new();
    m.insert("$".into(), Value::String(qn.to_owned()));
    m.insert("type".into(), Value::String("prov:QUALIFIED_NAME".into()));
    Value::Object(m)
}

fn typed(text: String, datatype: &str) -> Value {
    let mut m = Map::new();
    m.insert("$".into(), Value::String(text));
    m.insert("type".into(), Value::String(datatype.to_owned()));
    Value::Object(m)
}

fn when_lit(w: &When) -> Value {
    let datatype = match w {
        When::Year(_) => "xsd:gYear",
        When::Month(..) => "xsd:gYearMonth",
        When::Date(_) => "xsd:date",
        When::Instant(_) => "xsd:dateTime",
        // EDTF intervals have no XSD type; the text is the EDTF notation.
        When::OnOrBefore(_) | When::OnOrAfter(_) | When::Between(..) => "cg:edtf",
    };
    typed(w.to_string(), datatype)
}

fn num_lit(v: f64) -> Value {
    // Rust prints the shortest text that reads back as the same f64, so the trip is exact.
    typed(v.to_string(), "xsd:double")
}

fn str_val(s: &str) -> Value {
    Value::String(s.to_owned())
}

fn list<T>(items: &[T], f: impl Fn(&T) -> Value) -> Value {
    Value::Array(items.iter().map(f).collect())
}

fn cg_type(local: &str) -> Value {
    qn_lit(&format!("cg:{local}"))
}

fn source_record(s: &Source) -> (bool, Map<String, Value>) {
    let mut m = Map::new();
    let agent_type = match s.kind {
        SourceKind::Person => Some("prov:Person"),
        SourceKind::Organization | SourceKind::Government | SourceKind::Outlet => {
            Some("prov:Organization")
        }
        SourceKind::UnnamedGroup | SourceKind::Collective | SourceKind::Document => None,
    };
    if let Some(t) = agent_type {
        m.insert("prov:type".into(), qn_lit(t));
    }
    m.insert("prov:label".into(), str_val(&s.name));
    m.insert("cg:kind".into(), str_val(s.kind.as_str()));
    if !s.aliases.is_empty() {
        m.insert("cg:alias".into(), list(&s.aliases, |a| str_val(a)));
    }
    if let Some(r) = s.reliability {
        m.insert("cg:reliability".into(), str_val(r.as_str()));
    }
    if let Some(u) = &s.url {
        m.insert("cg:url".into(), typed(u.clone(), "xsd:anyURI"));
    }
    if let Some(t) = &s.title {
        m.insert("cg:title".into(), str_val(t));
    }
    if let Some(p) = &s.published {
        m.insert("cg:published".into(), when_lit(p));
    }
    (s.kind != SourceKind::Document, m)
}

fn claim_record(c: &Claim, names: &Names) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("prov:type".into(), cg_type("Claim"));
    m.insert("prov:label".into(), str_val(&c.text));
    if !c.subjects.is_empty() {
        m.insert(
            "cg:subject".into(),
            list(&c.subjects, |s| qn_lit(&names.node(s))),
        );
    }
    if let Some(p) = &c.period {
        if let Some(s) = &p.start {
            m.insert("cg:periodStart".into(), when_lit(s));
        }
        if let Some(e) = &p.end {
            m.insert("cg:periodEnd".into(), when_lit(e));
        }
    }
    if !c.tags.is_empty() {
        m.insert("cg:tag".into(), list(&c.tags, |t| str_val(t)));
    }
    if let Some(q) = &c.quantity {
        m.insert("cg:quantityValue".into(), num_lit(q.value));
        m.insert("cg:quantityUnit".into(), str_val(&q.unit));
    }
    m
}

fn verdict_record(v: &Verdict, names: &Names) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("prov:type".into(), cg_type("Verdict"));
    m.insert("prov:label".into(), str_val(&v.label));
    m.insert("cg:reviewer".into(), qn_lit(&names.node(&v.reviewer)));
    m.insert("cg:claim".into(), qn_lit(&names.node(&v.claim)));
    if let Some(r) = &v.rating {
        m.insert("cg:ratingValue".into(), num_lit(r.value));
        m.insert("cg:bestRating".into(), num_lit(r.best));
        m.insert("cg:worstRating".into(), num_lit(r.worst));
    }
    if let Some(d) = &v.date {
        m.insert("cg:date".into(), when_lit(d));
    }
    if let Some(u) = &v.url {
        m.insert("cg:url".into(), typed(u.clone(), "xsd:anyURI"));
    }
    if let Some(s) = &v.summary {
        m.insert("cg:summary".into(), str_val(s));
    }
    m
}

fn insert_into(doc: &mut Map<String, Value>, section: &str, id: String, rec: Map<String, Value>) {
    if let Value::Object(sec) = doc
        .entry(section.to_owned())
        .or_insert_with(|| Value::Object(Map::new()))
    {
        sec.insert(id, Value::Object(rec));
    }
}

impl ClaimGraph {
    /// The graph as a W3C PROV-JSON document, which the Python `prov` package and other PROV
    /// tools read. The output is deterministic (records and attributes in sorted order), and
    /// [`ClaimGraph::from_prov_json`] reads it back into an equal graph.
    ///
    /// | claimgraph | PROV |
    /// |---|---|
    /// | person | `agent` with `prov:type` `prov:Person` |
    /// | organization, government, outlet | `agent` with `prov:type` `prov:Organization` |
    /// | unnamed group, collective | `agent` with no `prov:type` (PROV has none for them) |
    /// | document | `entity` |
    /// | claim | `entity` with `prov:type` `cg:Claim`, its text as `prov:label` |
    /// | attribution | `wasAttributedTo` (claim, source); stance, modality, said, quote, via (the reporting chain), basis and covers as `cg:` attributes |
    /// | cites | `wasDerivedFrom` with `prov:type` `prov:Quotation` (PROV's `wasQuotedFrom`), or the types it was read with ([`ClaimGraph::derivation_types`]) |
    /// | authored by | `wasAttributedTo` (document, author) |
    /// | published in | `wasInfluencedBy` with `prov:type` `cg:PublishedIn` |
    /// | affiliated with | `actedOnBehalfOf` (delegate: the member; responsible: the body) |
    /// | claim relation | `wasDerivedFrom` between claims, `prov:type` `cg:Supports`, `cg:Contradicts`, `cg:Specializes`, `cg:SameAs` or `cg:DependsOn` |
    /// | verdict | `entity` with `prov:type` `cg:Verdict` (the published review); reviewer and claim as `cg:reviewer`, `cg:claim` |
    ///
    /// Every source also carries `cg:kind`, so the seven kinds survive PROV's two. Dates are
    /// typed literals (`xsd:gYear`, `xsd:gYearMonth`, `xsd:date`, `xsd:dateTime`), numbers
    /// `xsd:double`, references to other records `prov:QUALIFIED_NAME`.
    ///
    /// Cites is written as a *quotation* rather than as `hadPrimarySource`: "X reports what Y
    /// said" is what PROV calls a quotation (a repeat of what another said, by someone who may
    /// not be its author), while a primary source is one with direct knowledge of the matter,
    /// which is a conclusion the origins query draws, not something the record states. Both are
    /// read back as cites.
    ///
    /// A source that takes a stance on a claim is the `prov:agent` of an attribution even when
    /// it is a document (an op-ed): PROV then infers it is an agent as well as an entity, which
    /// PROV allows.
    ///
    /// Ids that are qualified names in the graph's [namespaces](ClaimGraph::namespaces) (read
    /// from a PROV-JSON document, or set with [`ClaimGraph::set_namespace`]) are written as
    /// they are, with those prefixes, so a document that went through claimgraph still names
    /// the things its source named. Other node ids are written in the namespace
    /// [`NODE_NAMESPACE`](crate::io::NODE_NAMESPACE) (prefix `node`), other edge ids in
    /// [`EDGE_NAMESPACE`](crate::io::EDGE_NAMESPACE) (prefix `edge`), the vocabulary in
    /// [`CLAIMGRAPH_NAMESPACE`](crate::io::CLAIMGRAPH_NAMESPACE) (prefix `cg`). A hop of a
    /// reporting chain with a date is a `cg:DatedHop` literal: the hop's qualified name, a space,
    /// its date. Characters the local part of a qualified name cannot hold (`:`, spaces,
    /// `%`, `/`, quotes...) are percent-encoded as UTF-8 and decoded on import; letters of any
    /// script are kept as they are.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Source, SourceKind, Claim, Attribution, Stance};
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("russia", SourceKind::Government, "Russia"))?;
    /// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia"))?;
    /// g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies))?;
    /// let json = g.to_prov_json();
    /// assert!(json.contains("\"wasAttributedTo\""));
    /// let (back, report) = ClaimGraph::from_prov_json(&json)?;
    /// assert_eq!(back, g);
    /// assert!(report.skipped.is_empty());
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn to_prov_json(&self) -> String {
        let r = self.records();
        let names = Names(&self.prov);
        let mut doc = Map::new();
        let mut prefix = Map::new();
        for (p, ns) in RESERVED_PREFIXES {
            prefix.insert(p.into(), str_val(ns));
        }
        for (p, ns) in &self.prov.namespaces {
            prefix.insert(p.clone(), str_val(ns));
        }
        doc.insert("prefix".into(), Value::Object(prefix));

        for s in &r.sources {
            let (is_agent, rec) = source_record(s);
            let section = if is_agent { "agent" } else { "entity" };
            insert_into(&mut doc, section, names.node(&s.id), rec);
        }
        for c in &r.claims {
            insert_into(
                &mut doc,
                "entity",
                names.node(&c.id),
                claim_record(c, &names),
            );
        }
        for v in &r.verdicts {
            insert_into(
                &mut doc,
                "entity",
                names.edge(&v.id),
                verdict_record(v, &names),
            );
        }
        for a in &r.attributions {
            let mut m = Map::new();
            m.insert("prov:entity".into(), str_val(&names.node(&a.claim)));
            m.insert("prov:agent".into(), str_val(&names.node(&a.source)));
            m.insert("cg:stance".into(), str_val(a.stance.as_str()));
            m.insert("cg:modality".into(), str_val(a.modality.as_str()));
            if let Some(w) = &a.said {
                m.insert("cg:said".into(), when_lit(w));
            }
            if let Some(q) = &a.quote {
                m.insert("cg:quote".into(), str_val(q));
            }
            // The reporting chain, from the speaker outward; a chain of one is one name. A dated
            // hop is its name and date (`cg:DatedHop`, "node:abc 2011-12-02").
            match a.via.as_slice() {
                [] => {}
                [one] => {
                    m.insert("cg:via".into(), names.hop(one));
                }
                hops => {
                    m.insert("cg:via".into(), list(hops, |h| names.hop(h)));
                }
            }
            if !a.basis.is_empty() {
                m.insert(
                    "cg:basis".into(),
                    list(&a.basis, |b| qn_lit(&names.node(b))),
                );
            }
            if !a.covers.is_empty() {
                m.insert(
                    "cg:covers".into(),
                    list(&a.covers, |c| qn_lit(&names.node(c))),
                );
            }
            insert_into(&mut doc, "wasAttributedTo", names.edge(&a.id), m);
        }
        for rel in &r.source_relations {
            let mut m = Map::new();
            let (section, from_key, to_key) = match rel.kind {
                SourceRelationKind::Cites => {
                    // The kind the derivation was read with, else a quotation.
                    match self.prov.derivation(&rel.id, &rel.from, &rel.to) {
                        None => {
                            m.insert("prov:type".into(), qn_lit("prov:Quotation"));
                        }
                        Some([]) => {}
                        Some([one]) => {
                            m.insert("prov:type".into(), names.derivation_type(one));
                        }
                        Some(types) => {
                            m.insert(
                                "prov:type".into(),
                                list(types, |t| names.derivation_type(t)),
                            );
                        }
                    }
                    ("wasDerivedFrom", "prov:generatedEntity", "prov:usedEntity")
                }
                SourceRelationKind::AuthoredBy => ("wasAttributedTo", "prov:entity", "prov:agent"),
                SourceRelationKind::PublishedIn => {
                    m.insert("prov:type".into(), cg_type("PublishedIn"));
                    ("wasInfluencedBy", "prov:influencee", "prov:influencer")
                }
                SourceRelationKind::AffiliatedWith => {
                    ("actedOnBehalfOf", "prov:delegate", "prov:responsible")
                }
            };
            m.insert(from_key.into(), str_val(&names.node(&rel.from)));
            m.insert(to_key.into(), str_val(&names.node(&rel.to)));
            if let Some(d) = &rel.date {
                m.insert("cg:date".into(), when_lit(d));
            }
            if let Some(d) = &rel.since {
                m.insert("cg:since".into(), when_lit(d));
            }
            if let Some(d) = &rel.until {
                m.insert("cg:until".into(), when_lit(d));
            }
            insert_into(&mut doc, section, names.edge(&rel.id), m);
        }
        for rel in &r.claim_relations {
            let mut m = Map::new();
            m.insert("prov:type".into(), cg_type(claim_relation_type(rel.kind)));
            m.insert(
                "prov:generatedEntity".into(),
                str_val(&names.node(&rel.from)),
            );
            m.insert("prov:usedEntity".into(), str_val(&names.node(&rel.to)));
            insert_into(&mut doc, "wasDerivedFrom", names.edge(&rel.id), m);
        }
        serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default()
    }
}
