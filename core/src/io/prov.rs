//! W3C PROV-JSON export and import; the report every import from another tool returns.
//!
//! The mapping is documented on [`ClaimGraph::to_prov_json`] (writing) and
//! [`ClaimGraph::from_prov_json`] (reading), where users of the crate read it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::rc::Rc;

use serde_json::{Map, Value};

use crate::error::{Error, Location, Result};
use crate::graph::{ClaimGraph, Counts, Records};
use crate::model::{
    Attribution, Claim, ClaimRelation, ClaimRelationKind, Modality, Quantity, Rating, Source,
    SourceKind, SourceRelation, SourceRelationKind, Stance, Verdict,
};
use crate::time::{Period, When};

/// The namespace of claimgraph's vocabulary in PROV and JSON-LD (prefix `cg`).
pub const CLAIMGRAPH_NAMESPACE: &str = "https://claimgraph.org/ns#";
/// The namespace node ids are written in (prefix `node`): `urn:claimgraph:node:rok-sources`.
pub const NODE_NAMESPACE: &str = "urn:claimgraph:node:";
/// The namespace edge ids are written in (prefix `edge`).
pub const EDGE_NAMESPACE: &str = "urn:claimgraph:edge:";

const PROV_NS: &str = "http://www.w3.org/ns/prov#";
const XSD_NS: &str = "http://www.w3.org/2001/XMLSchema#";
const FORMAT: &str = "PROV-JSON";

// ----- the report shared by every import ---------------------------------------------------

/// What an import from another tool's format read, added, and left out.
///
/// Nothing is dropped silently: every record or attribute without a claimgraph meaning is in
/// [`skipped`](ImportReport::skipped), and every choice the import made on the reader's behalf
/// (an undeclared element created, an id disambiguated, a rating kept only as its label) is in
/// [`notes`](ImportReport::notes).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportReport {
    /// How many records of each kind were added to the graph.
    pub added: Counts,
    /// Records and attributes that were read but have no place in a claim graph.
    pub skipped: Vec<SkippedRecord>,
    /// The names of the PROV bundles whose records were read.
    pub bundles: Vec<String>,
    /// Choices made while reading, one sentence each.
    pub notes: Vec<String>,
}

/// A record, or one attribute of a record, that an import read but did not keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRecord {
    /// What was skipped: a PROV record kind (`"activity"`, `"wasGeneratedBy"`, `"used"`, ...),
    /// `"attribute"` for one attribute of a record that was kept, or the `@type` of a JSON-LD
    /// item that is not a ClaimReview.
    pub kind: String,
    /// The record's id as written in the input (for an attribute, the record it belongs to).
    pub id: String,
    /// For an attribute, its name as written (`"foaf:mbox"`).
    pub attribute: Option<String>,
    /// The value that was left out, as compact JSON.
    pub value: Option<String>,
    /// Why it has no place in the graph.
    pub reason: String,
}

impl ImportReport {
    pub(crate) fn skip(
        &mut self,
        kind: &str,
        id: &str,
        attribute: Option<&str>,
        value: Option<&Value>,
        reason: impl Into<String>,
    ) {
        self.skipped.push(SkippedRecord {
            kind: kind.to_owned(),
            id: id.to_owned(),
            attribute: attribute.map(str::to_owned),
            value: value.map(Value::to_string),
            reason: reason.into(),
        });
    }

    pub(crate) fn count(&mut self, r: &Records) {
        self.added.sources += r.sources.len();
        self.added.claims += r.claims.len();
        self.added.attributions += r.attributions.len();
        self.added.source_relations += r.source_relations.len();
        self.added.claim_relations += r.claim_relations.len();
        self.added.verdicts += r.verdicts.len();
    }
}

// ----- identifiers ---------------------------------------------------------------------------

/// Writes `id` so that it can be the local part of a qualified name (and the tail of an IRI):
/// ASCII letters and digits, letters of any script, `_`, and `-` / `.` where a local part may
/// hold them are kept; every other character is percent-encoded as UTF-8.
pub(crate) fn encode_local(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    let last = id.chars().count().saturating_sub(1);
    for (i, c) in id.chars().enumerate() {
        let keep = c.is_ascii_alphanumeric()
            || (!c.is_ascii() && c.is_alphabetic())
            || c == '_'
            || (c == '-' && i > 0)
            || (c == '.' && i > 0 && i < last);
        if keep {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// Reverses [`encode_local`]; `None` when an escape is malformed or the bytes are not UTF-8.
pub(crate) fn decode_local(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = *bytes.get(i)?;
        if b == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn node_qn(id: &str) -> String {
    format!("node:{}", encode_local(id))
}

fn edge_qn(id: &str) -> String {
    format!("edge:{}", encode_local(id))
}

// ----- export --------------------------------------------------------------------------------

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

fn claim_relation_type(kind: ClaimRelationKind) -> &'static str {
    match kind {
        ClaimRelationKind::Supports => "Supports",
        ClaimRelationKind::Contradicts => "Contradicts",
        ClaimRelationKind::Specializes => "Specializes",
        ClaimRelationKind::SameAs => "SameAs",
        ClaimRelationKind::DependsOn => "DependsOn",
    }
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

fn claim_record(c: &Claim) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("prov:type".into(), cg_type("Claim"));
    m.insert("prov:label".into(), str_val(&c.text));
    if !c.subjects.is_empty() {
        m.insert(
            "cg:subject".into(),
            list(&c.subjects, |s| qn_lit(&node_qn(s))),
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

fn verdict_record(v: &Verdict) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("prov:type".into(), cg_type("Verdict"));
    m.insert("prov:label".into(), str_val(&v.label));
    m.insert("cg:reviewer".into(), qn_lit(&node_qn(&v.reviewer)));
    m.insert("cg:claim".into(), qn_lit(&node_qn(&v.claim)));
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
    /// | attribution | `wasAttributedTo` (claim, source); stance, modality, said, quote and via as `cg:` attributes |
    /// | cites | `wasDerivedFrom` with `prov:type` `prov:Quotation` (PROV's `wasQuotedFrom`) |
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
    /// Node ids are written in the namespace [`NODE_NAMESPACE`](crate::io::NODE_NAMESPACE)
    /// (prefix `node`), edge ids in [`EDGE_NAMESPACE`](crate::io::EDGE_NAMESPACE) (prefix
    /// `edge`), the vocabulary in [`CLAIMGRAPH_NAMESPACE`](crate::io::CLAIMGRAPH_NAMESPACE)
    /// (prefix `cg`). Characters the local part of a qualified name cannot hold (`:`, spaces,
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
        let mut doc = Map::new();
        let mut prefix = Map::new();
        for (p, ns) in [
            ("prov", PROV_NS),
            ("xsd", XSD_NS),
            ("cg", CLAIMGRAPH_NAMESPACE),
            ("node", NODE_NAMESPACE),
            ("edge", EDGE_NAMESPACE),
        ] {
            prefix.insert(p.into(), str_val(ns));
        }
        doc.insert("prefix".into(), Value::Object(prefix));

        for s in &r.sources {
            let (is_agent, rec) = source_record(s);
            let section = if is_agent { "agent" } else { "entity" };
            insert_into(&mut doc, section, node_qn(&s.id), rec);
        }
        for c in &r.claims {
            insert_into(&mut doc, "entity", node_qn(&c.id), claim_record(c));
        }
        for v in &r.verdicts {
            insert_into(&mut doc, "entity", edge_qn(&v.id), verdict_record(v));
        }
        for a in &r.attributions {
            let mut m = Map::new();
            m.insert("prov:entity".into(), str_val(&node_qn(&a.claim)));
            m.insert("prov:agent".into(), str_val(&node_qn(&a.source)));
            m.insert("cg:stance".into(), str_val(a.stance.as_str()));
            m.insert("cg:modality".into(), str_val(a.modality.as_str()));
            if let Some(w) = &a.said {
                m.insert("cg:said".into(), when_lit(w));
            }
            if let Some(q) = &a.quote {
                m.insert("cg:quote".into(), str_val(q));
            }
            if let Some(v) = &a.via {
                m.insert("cg:via".into(), qn_lit(&node_qn(v)));
            }
            insert_into(&mut doc, "wasAttributedTo", edge_qn(&a.id), m);
        }
        for rel in &r.source_relations {
            let mut m = Map::new();
            let (section, from_key, to_key) = match rel.kind {
                SourceRelationKind::Cites => {
                    m.insert("prov:type".into(), qn_lit("prov:Quotation"));
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
            m.insert(from_key.into(), str_val(&node_qn(&rel.from)));
            m.insert(to_key.into(), str_val(&node_qn(&rel.to)));
            if let Some(d) = &rel.date {
                m.insert("cg:date".into(), when_lit(d));
            }
            insert_into(&mut doc, section, edge_qn(&rel.id), m);
        }
        for rel in &r.claim_relations {
            let mut m = Map::new();
            m.insert("prov:type".into(), cg_type(claim_relation_type(rel.kind)));
            m.insert("prov:generatedEntity".into(), str_val(&node_qn(&rel.from)));
            m.insert("prov:usedEntity".into(), str_val(&node_qn(&rel.to)));
            insert_into(&mut doc, "wasDerivedFrom", edge_qn(&rel.id), m);
        }
        serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default()
    }

    /// Reads a W3C PROV-JSON document. One written by [`ClaimGraph::to_prov_json`] gives back
    /// the same graph; one written by another tool is read as follows, and what has no
    /// claimgraph meaning is listed in the returned [`ImportReport`].
    ///
    /// - Entities become documents, unless their `prov:type` is `cg:Claim`. Agents become
    ///   people (`prov:Person`) or organizations (`prov:Organization`, `prov:SoftwareAgent`, or
    ///   no type: an agent is an accountable party, so it is never read as unnamed).
    /// - Ids are the qualified names as written (`ex:article`). A name in a bundle that stands
    ///   for another IRI than the same name outside it (a redefined default namespace) takes
    ///   its full IRI as id, so that two different things never merge.
    /// - Names come from `prov:label` (the one without a language, else English, else the
    ///   first; the others become aliases), `foaf:name`, `schema:name`, `rdfs:label`,
    ///   `dcterms:title` or `foaf:givenName`, else the local part of the id.
    ///   `dcterms:title` is also a document's title, `dcterms:issued` or `dcterms:date` its
    ///   publication date.
    /// - `wasAttributedTo` of a claim is an attribution (stance asserts unless `cg:stance`
    ///   says otherwise); of anything else, an authored-by relation from the entity to the
    ///   agent.
    /// - `wasDerivedFrom` between sources is cites, whatever its type (quotation, primary
    ///   source, revision, or none); `actedOnBehalfOf` is affiliated with.
    /// - Elements that these relations name without declaring them are created (entities as
    ///   documents, agents as organizations), and [`ImportReport::notes`] says so for each.
    /// - Activities, generation, usage, association, communication, start, end,
    ///   invalidation, specialization, alternates, membership and mentions have no claimgraph
    ///   meaning: each such record, and each attribute without a meaning (the activity behind
    ///   a derivation, `foaf:mbox`, ...), is listed in [`ImportReport::skipped`] with its value.
    /// - Bundles are read (their records join the graph) and named in
    ///   [`ImportReport::bundles`].
    ///
    /// Errors: [`Error::Format`] naming the record (`"wasAttributedTo ex:attr8"`) when the
    /// document is not PROV-JSON (not JSON, a record that is not an object, a relation without
    /// its entity or agent, an unreadable `cg:` attribute, an undecodable id); the model's own
    /// errors when a record breaks a rule of the graph.
    ///
    /// ```
    /// use claimgraph::ClaimGraph;
    /// let doc = r#"{
    ///   "prefix": {"ex": "http://example.org/"},
    ///   "agent": {"ex:derek": {"prov:type": {"$": "prov:Person", "type": "prov:QUALIFIED_NAME"}}},
    ///   "entity": {"ex:chart": {}},
    ///   "activity": {"ex:compile": {}},
    ///   "wasAttributedTo": {"_:a1": {"prov:entity": "ex:chart", "prov:agent": "ex:derek"}}
    /// }"#;
    /// let (g, report) = ClaimGraph::from_prov_json(doc)?;
    /// assert_eq!(g.get_source("ex:derek")?.kind, claimgraph::SourceKind::Person);
    /// assert_eq!(g.counts().source_relations, 1); // the chart is authored by Derek
    /// assert_eq!(report.skipped[0].kind, "activity");
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn from_prov_json(json: &str) -> Result<(ClaimGraph, ImportReport)> {
        let value: Value = serde_json::from_str(json).map_err(|e| Error::Format {
            format: FORMAT,
            location: Location {
                line: Some(e.line() as u64),
                column: Some(e.column() as u64),
                ..Location::default()
            },
            message: format!("not JSON: {e}"),
        })?;
        let mut reader = Reader::default();
        reader.read_document(&value)?;
        let (records, mut report) = reader.finish()?;
        report.count(&records);
        let graph = ClaimGraph::from_records(records)?;
        Ok((graph, report))
    }
}

// ----- import --------------------------------------------------------------------------------

fn fmt_err(record: &str, message: impl Into<String>) -> Error {
    Error::Format {
        format: FORMAT,
        location: Location {
            record: Some(record.to_owned()),
            ..Location::default()
        },
        message: message.into(),
    }
}

/// The prefixes in force in the document or in one bundle.
#[derive(Debug, Clone)]
struct Scope {
    prefixes: BTreeMap<String, String>,
    default: Option<String>,
}

impl Scope {
    fn base() -> Scope {
        let mut prefixes = BTreeMap::new();
        prefixes.insert("prov".to_owned(), PROV_NS.to_owned());
        prefixes.insert("xsd".to_owned(), XSD_NS.to_owned());
        Scope {
            prefixes,
            default: None,
        }
    }

    fn with_prefixes(&self, container: &Map<String, Value>, record: &str) -> Result<Scope> {
        let mut scope = self.clone();
        let Some(p) = container.get("prefix") else {
            return Ok(scope);
        };
        let Value::Object(p) = p else {
            return Err(fmt_err(record, "\"prefix\" must be an object"));
        };
        for (k, v) in p {
            let Value::String(ns) = v else {
                return Err(fmt_err(
                    &format!("{record}prefix {k}"),
                    "a prefix must be bound to an IRI string",
                ));
            };
            if k == "default" {
                scope.default = Some(ns.clone());
            } else {
                scope.prefixes.insert(k.clone(), ns.clone());
            }
        }
        Ok(scope)
    }

    /// The IRI a qualified name stands for; names it cannot expand stand for themselves.
    fn iri(&self, qn: &str) -> String {
        match qn.split_once(':') {
            Some((p, local)) => match self.prefixes.get(p) {
                Some(ns) => format!("{ns}{local}"),
                None => qn.to_owned(),
            },
            None => match &self.default {
                Some(ns) => format!("{ns}{qn}"),
                None => qn.to_owned(),
            },
        }
    }
}

/// One literal of an attribute value.
#[derive(Debug, Clone)]
struct Lit {
    text: String,
    lang: Option<String>,
}

fn literals(v: &Value, record: &str, attr: &str) -> Result<Vec<Lit>> {
    let one = |v: &Value| -> Result<Lit> {
        match v {
            Value::String(s) => Ok(Lit {
                text: s.clone(),
                lang: None,
            }),
            Value::Number(n) => Ok(Lit {
                text: n.to_string(),
                lang: None,
            }),
            Value::Bool(b) => Ok(Lit {
                text: b.to_string(),
                lang: None,
            }),
            Value::Object(m) => {
                let text = match m.get("$") {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Number(n)) => n.to_string(),
                    Some(Value::Bool(b)) => b.to_string(),
                    _ => {
                        return Err(fmt_err(
                            record,
                            format!("attribute {attr}: a typed value needs a \"$\" text"),
                        ))
                    }
                };
                let text_of = |k: &str| -> Result<Option<String>> {
                    match m.get(k) {
                        None => Ok(None),
                        Some(Value::String(s)) => Ok(Some(s.clone())),
                        Some(_) => Err(fmt_err(
                            record,
                            format!("attribute {attr}: \"{k}\" must be a string"),
                        )),
                    }
                };
                // The datatype is checked for shape only: values are read by the field they fill.
                text_of("type")?;
                Ok(Lit {
                    text,
                    lang: text_of("lang")?,
                })
            }
            Value::Null | Value::Array(_) => Err(fmt_err(
                record,
                format!("attribute {attr}: a value must be a string, a number, a boolean or {{\"$\": ...}}"),
            )),
        }
    };
    match v {
        Value::Array(items) => items.iter().map(one).collect(),
        other => Ok(vec![one(other)?]),
    }
}

/// An attribute of a record: its name as written, its expanded IRI, its value.
#[derive(Debug, Clone)]
struct Attr {
    name: String,
    iri: String,
    value: Value,
}

/// An entity or agent, gathered from every declaration of its id.
#[derive(Debug, Clone, Default)]
struct Element {
    /// Where it was first declared (`"entity ex:article"`), for messages.
    record: String,
    /// The id as written, for the fallback name.
    written: String,
    /// Declared as, or named in the place of, an agent.
    agent: bool,
    declared: bool,
    scope_attrs: Vec<(Rc<Scope>, Attr)>,
}

/// A relation record, with its endpoints still as written.
#[derive(Debug, Clone)]
struct Relation {
    section: String,
    written_id: String,
    record: String,
    scope: Rc<Scope>,
    attrs: Vec<Attr>,
}

/// A relation whose endpoints have been turned into graph ids.
struct Resolved {
    rel: Relation,
    from: String,
    to: String,
    /// Its expanded `prov:type` values.
    types: BTreeSet<String>,
}

#[derive(Default)]
struct Reader {
    /// Written name -> the IRI it was first seen to stand for.
    written_iris: BTreeMap<String, String>,
    /// Names already reported as standing for two IRIs.
    noted_collisions: BTreeSet<String>,
    /// Entities and agents by graph id.
    elements: BTreeMap<String, Element>,
    /// Verdict entities (written in the edge namespace) by IRI.
    verdicts: BTreeMap<String, Element>,
    relations: Vec<Relation>,
    report: ImportReport,
}

const ELEMENT_SECTIONS: [&str; 2] = ["entity", "agent"];
const SKIPPED_SECTIONS: [(&str, &str); 12] = [
    ("activity", "activities have no claimgraph meaning"),
    (
        "wasGeneratedBy",
        "generation by an activity has no claimgraph meaning",
    ),
    ("used", "usage by an activity has no claimgraph meaning"),
    (
        "wasInformedBy",
        "communication between activities has no claimgraph meaning",
    ),
    (
        "wasStartedBy",
        "the start of an activity has no claimgraph meaning",
    ),
    (
        "wasEndedBy",
        "the end of an activity has no claimgraph meaning",
    ),
    ("wasInvalidatedBy", "invalidation has no claimgraph meaning"),
    (
        "wasAssociatedWith",
        "association with an activity has no claimgraph meaning",
    ),
    (
        "specializationOf",
        "specialization between entities has no claimgraph meaning",
    ),
    (
        "alternateOf",
        "alternates of an entity have no claimgraph meaning",
    ),
    (
        "hadMember",
        "collection membership has no claimgraph meaning",
    ),
    (
        "mentionOf",
        "mentions across bundles have no claimgraph meaning",
    ),
];
const RELATION_SECTIONS: [&str; 4] = [
    "wasAttributedTo",
    "wasDerivedFrom",
    "actedOnBehalfOf",
    "wasInfluencedBy",
];

fn record_items<'a>(value: &'a Value, record: &str) -> Result<Vec<&'a Map<String, Value>>> {
    // Python's prov writes several records with one id as a list of objects.
    match value {
        Value::Object(m) => Ok(vec![m]),
        Value::Array(items) => items
            .iter()
            .map(|v| match v {
                Value::Object(m) => Ok(m),
                _ => Err(fmt_err(record, "a record must be a JSON object")),
            })
            .collect(),
        _ => Err(fmt_err(record, "a record must be a JSON object")),
    }
}

impl Reader {
    fn read_document(&mut self, value: &Value) -> Result<()> {
        let Value::Object(doc) = value else {
            return Err(fmt_err("$", "a PROV-JSON document is a JSON object"));
        };
        let scope = Rc::new(Scope::base().with_prefixes(doc, "")?);
        self.read_container(doc, &scope, "")?;
        if let Some(bundles) = doc.get("bundle") {
            let Value::Object(bundles) = bundles else {
                return Err(fmt_err("bundle", "\"bundle\" must be an object"));
            };
            for (name, content) in bundles {
                let record = format!("bundle {name}");
                let Value::Object(content) = content else {
                    return Err(fmt_err(&record, "a bundle must be a JSON object"));
                };
                self.report.bundles.push(name.clone());
                let inner = Rc::new(scope.with_prefixes(content, &format!("{record}: "))?);
                if content.contains_key("bundle") {
                    self.report.skip(
                        "bundle",
                        name,
                        None,
                        content.get("bundle"),
                        "PROV does not nest bundles; the nested ones were not read",
                    );
                }
                self.read_container(content, &inner, &format!("{record}: "))?;
            }
        }
        Ok(())
    }

    fn read_container(
        &mut self,
        container: &Map<String, Value>,
        scope: &Rc<Scope>,
        context: &str,
    ) -> Result<()> {
        for (section, records) in container {
            if section == "prefix" || section == "bundle" {
                continue;
            }
            let section_record = format!("{context}{section}");
            let Value::Object(records) = records else {
                return Err(fmt_err(&section_record, "a section must be a JSON object"));
            };
            let skipped = SKIPPED_SECTIONS.iter().find(|(s, _)| s == section);
            let known = ELEMENT_SECTIONS.contains(&section.as_str())
                || RELATION_SECTIONS.contains(&section.as_str());
            for (id, value) in records {
                let record = format!("{context}{section} {id}");
                let items = record_items(value, &record)?;
                if let Some((_, reason)) = skipped {
                    self.report.skip(section, id, None, Some(value), *reason);
                    continue;
                }
                if !known {
                    self.report.skip(
                        section,
                        id,
                        None,
                        Some(value),
                        "not a PROV-JSON record kind",
                    );
                    continue;
                }
                for (n, item) in items.into_iter().enumerate() {
                    let attrs = item
                        .iter()
                        .map(|(k, v)| Attr {
                            name: k.clone(),
                            iri: scope.iri(k),
                            value: v.clone(),
                        })
                        .collect();
                    if ELEMENT_SECTIONS.contains(&section.as_str()) {
                        self.declare(section, id, &record, scope, attrs)?;
                    } else if n > 0 && !id.starts_with("_:") {
                        self.report.skip(
                            section,
                            id,
                            None,
                            Some(&Value::Object(item.clone())),
                            "a second relation with the same id",
                        );
                    } else {
                        self.relations.push(Relation {
                            section: section.clone(),
                            written_id: id.clone(),
                            record: record.clone(),
                            scope: Rc::clone(scope),
                            attrs,
                        });
                    }
                }
            }
        }
        Ok(())
    }

    /// The graph id for a qualified name written in `scope`.
    fn node_id(&mut self, scope: &Scope, written: &str, record: &str) -> Result<String> {
        let iri = scope.iri(written);
        if let Some(local) = iri.strip_prefix(NODE_NAMESPACE) {
            return decode_local(local).ok_or_else(|| {
                fmt_err(record, format!("{written:?} is not a well-formed node id"))
            });
        }
        let id = match self.written_iris.get(written) {
            Some(seen) if *seen != iri => {
                if self.noted_collisions.insert(iri.clone()) {
                    self.report.notes.push(format!(
                        "{written} names {iri} here and {seen} elsewhere; the former is read with its full IRI as id"
                    ));
                }
                iri
            }
            Some(_) => written.to_owned(),
            None => {
                self.written_iris.insert(written.to_owned(), iri);
                written.to_owned()
            }
        };
        crate::id::validate_id(&id).map_err(|e| fmt_err(record, e.to_string()))?;
        Ok(id)
    }

    fn declare(
        &mut self,
        section: &str,
        written: &str,
        record: &str,
        scope: &Rc<Scope>,
        attrs: Vec<Attr>,
    ) -> Result<()> {
        let iri = scope.iri(written);
        let attrs = attrs.into_iter().map(|a| (Rc::clone(scope), a));
        if iri.starts_with(EDGE_NAMESPACE) {
            // A verdict: its id lives in the edge namespace.
            let el = self.verdicts.entry(iri).or_insert_with(|| Element {
                record: record.to_owned(),
                written: written.to_owned(),
                ..Element::default()
            });
            el.declared = true;
            el.scope_attrs.extend(attrs);
            return Ok(());
        }
        let id = self.node_id(scope, written, record)?;
        let el = self.element(&id, written, record);
        el.declared = true;
        el.agent |= section == "agent";
        el.scope_attrs.extend(attrs);
        Ok(())
    }

    fn element(&mut self, id: &str, written: &str, record: &str) -> &mut Element {
        self.elements
            .entry(id.to_owned())
            .or_insert_with(|| Element {
                record: record.to_owned(),
                written: written.to_owned(),
                ..Element::default()
            })
    }

    fn finish(mut self) -> Result<(Records, ImportReport)> {
        // Elements that relations name without declaring them.
        let relations = std::mem::take(&mut self.relations);
        let mut resolved = Vec::with_capacity(relations.len());
        for rel in relations {
            let Some(roles) = roles_of(&rel.section) else {
                continue;
            };
            let from_w = formal(&rel, roles.0)?;
            let to_w = formal(&rel, roles.1)?;
            let types = relation_types(&rel)?;
            if rel.section == "wasInfluencedBy"
                && !types.iter().any(|t| t.starts_with(CLAIMGRAPH_NAMESPACE))
            {
                self.report.skip(
                    &rel.section,
                    &rel.written_id,
                    None,
                    Some(&attrs_value(&rel.attrs)),
                    "an influence with no cg: type has no claimgraph meaning",
                );
                continue;
            }
            let from = self.node_id(&rel.scope, &from_w, &rel.record)?;
            let to = self.node_id(&rel.scope, &to_w, &rel.record)?;
            for (id, w, agent) in [(&from, &from_w, roles.2), (&to, &to_w, roles.3)] {
                let el = self.element(id, w, &rel.record);
                // A declared element keeps the kind it was declared with.
                if !el.declared {
                    el.agent |= agent;
                }
            }
            resolved.push(Resolved {
                rel,
                from,
                to,
                types,
            });
        }

        let mut records = Records::default();
        let mut kinds: BTreeMap<String, NodeKind> = BTreeMap::new();
        let elements = std::mem::take(&mut self.elements);
        for (key, el) in elements {
            if !el.declared {
                let what = if el.agent {
                    "an agent, read as an organization"
                } else {
                    "an entity, read as a document"
                };
                self.report.notes.push(format!(
                    "{key} is not declared; {} names it as {what}",
                    el.record
                ));
            }
            match self.read_element(&key, &el)? {
                Node::Source(s) => {
                    kinds.insert(key, NodeKind::Source);
                    records.sources.push(s);
                }
                Node::Claim(c) => {
                    kinds.insert(key, NodeKind::Claim);
                    records.claims.push(c);
                }
            }
        }
        let verdicts = std::mem::take(&mut self.verdicts);
        for (iri, el) in verdicts {
            let v = self.read_verdict(&iri, &el)?;
            records.verdicts.push(v);
        }
        let mut edge_ids = BTreeSet::new();
        for r in resolved {
            self.read_relation(r, &kinds, &mut records, &mut edge_ids)?;
        }
        Ok((records, self.report))
    }

    fn skip_attr(&mut self, kind: &str, id: &str, a: &Attr, reason: &str) {
        self.report
            .skip(kind, id, Some(&a.name), Some(&a.value), reason);
    }

    fn read_element(&mut self, id: &str, el: &Element) -> Result<Node> {
        let record = el.record.as_str();
        let section = if el.agent { "agent" } else { "entity" };
        let mut types = BTreeSet::new();
        for (scope, a) in &el.scope_attrs {
            if a.iri == format!("{PROV_NS}type") {
                for l in literals(&a.value, record, &a.name)? {
                    types.insert(scope.iri(&l.text));
                }
            }
        }
        let is_claim = types.contains(&format!("{CLAIMGRAPH_NAMESPACE}Claim"));
        let mut labels: Vec<Lit> = Vec::new();
        let mut other_names: Vec<(u8, String)> = Vec::new();
        let mut kind: Option<SourceKind> = None;
        let mut src = Source::new(id, SourceKind::Document, id);
        let mut claim = Claim::new(id, id);
        let mut period = Period::default();
        let mut quantity: (Option<f64>, Option<String>) = (None, None);
        for (scope, a) in &el.scope_attrs {
            let lits = literals(&a.value, record, &a.name)?;
            let first = || lits.first().map(|l| l.text.clone()).unwrap_or_default();
            let cg = a.iri.strip_prefix(CLAIMGRAPH_NAMESPACE);
            let ctx = |e: Error| fmt_err(record, format!("attribute {}: {e}", a.name));
            let when = |s: String| When::parse(&s).map_err(ctx);
            match (cg, a.iri.as_str()) {
                (_, i) if i == format!("{PROV_NS}type") => {
                    let unknown: Vec<Value> = lits
                        .iter()
                        .filter(|l| {
                            !KNOWN_ELEMENT_TYPES.iter().any(|k| scope.iri(&l.text) == *k)
                                && !scope.iri(&l.text).starts_with(CLAIMGRAPH_NAMESPACE)
                        })
                        .map(|l| Value::String(l.text.clone()))
                        .collect();
                    if !unknown.is_empty() {
                        self.report.skip(
                            section,
                            &el.written,
                            Some(&a.name),
                            Some(&Value::Array(unknown)),
                            "a type with no claimgraph meaning",
                        );
                    }
                }
                (_, i) if i == format!("{PROV_NS}label") => labels.extend(lits),
                (_, i) if NAME_IRIS.contains(&i) => {
                    other_names.push((0, first()));
                }
                (_, "http://purl.org/dc/terms/title") if !is_claim => {
                    src.title = Some(first());
                    other_names.push((1, first()));
                }
                (_, "http://xmlns.com/foaf/0.1/givenName") => {
                    other_names.push((2, first()));
                }
                (_, i)
                    if !is_claim
                        && (i == "http://purl.org/dc/terms/issued"
                            || i == "http://purl.org/dc/terms/date") =>
                {
                    src.published = Some(when(first())?);
                }
                (Some("kind"), _) if !is_claim => kind = Some(first().parse().map_err(ctx)?),
                (Some("alias"), _) if !is_claim => {
                    src.aliases.extend(lits.into_iter().map(|l| l.text))
                }
                (Some("reliability"), _) if !is_claim => {
                    src.reliability = Some(first().parse().map_err(ctx)?)
                }
                (Some("url"), _) if !is_claim => src.url = Some(first()),
                (Some("title"), _) if !is_claim => src.title = Some(first()),
                (Some("published"), _) if !is_claim => src.published = Some(when(first())?),
                (Some("subject"), _) if is_claim => {
                    for l in lits {
                        let sid = self.node_id(scope, &l.text, record)?;
                        claim.subjects.push(sid);
                    }
                }
                (Some("periodStart"), _) if is_claim => period.start = Some(when(first())?),
                (Some("periodEnd"), _) if is_claim => period.end = Some(when(first())?),
                (Some("tag"), _) if is_claim => claim.tags.extend(lits.into_iter().map(|l| l.text)),
                (Some("quantityValue"), _) if is_claim => {
                    quantity.0 = Some(first().trim().parse::<f64>().map_err(|_| {
                        fmt_err(record, format!("attribute {}: not a number", a.name))
                    })?)
                }
                (Some("quantityUnit"), _) if is_claim => quantity.1 = Some(first()),
                _ => self.skip_attr(
                    section,
                    &el.written,
                    a,
                    "an attribute with no claimgraph meaning",
                ),
            }
        }
        let label = pick_label(&mut labels);
        other_names.sort_by_key(|(rank, _)| *rank);
        if is_claim {
            let text = label.or_else(|| other_names.first().map(|(_, n)| n.clone()));
            claim.text =
                text.ok_or_else(|| fmt_err(record, "a claim needs its text as prov:label"))?;
            if period.start.is_some() || period.end.is_some() {
                claim.period = Some(period);
            }
            match quantity {
                (Some(value), Some(unit)) => claim.quantity = Some(Quantity::new(value, unit)),
                (None, None) => {}
                _ => {
                    return Err(fmt_err(
                        record,
                        "cg:quantityValue and cg:quantityUnit go together",
                    ))
                }
            }
            return Ok(Node::Claim(claim));
        }
        src.name = label
            .or_else(|| other_names.first().map(|(_, n)| n.clone()))
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| local_part(&el.written));
        for l in labels {
            if l.text != src.name && !src.aliases.contains(&l.text) && !l.text.trim().is_empty() {
                src.aliases.push(l.text);
            }
        }
        src.kind = match kind {
            Some(k) => k,
            None if el.agent => {
                if types.contains(&format!("{PROV_NS}Person")) {
                    SourceKind::Person
                } else {
                    SourceKind::Organization
                }
            }
            None => SourceKind::Document,
        };
        Ok(Node::Source(src))
    }

    fn read_verdict(&mut self, iri: &str, el: &Element) -> Result<Verdict> {
        let record = el.record.as_str();
        let id = iri
            .strip_prefix(EDGE_NAMESPACE)
            .and_then(decode_local)
            .ok_or_else(|| fmt_err(record, "not a well-formed edge id"))?;
        let mut v = Verdict::new("", "", "").with_id(id);
        let mut rating: [Option<f64>; 3] = [None; 3];
        for (scope, a) in &el.scope_attrs {
            let lits = literals(&a.value, record, &a.name)?;
            let first = lits.first().map(|l| l.text.clone()).unwrap_or_default();
            let ctx = |e: Error| fmt_err(record, format!("attribute {}: {e}", a.name));
            let num = |s: &str| {
                s.trim()
                    .parse::<f64>()
                    .map_err(|_| fmt_err(record, format!("attribute {}: not a number", a.name)))
            };
            match a.iri.strip_prefix(CLAIMGRAPH_NAMESPACE) {
                Some("reviewer") => v.reviewer = self.node_id(scope, &first, record)?,
                Some("claim") => v.claim = self.node_id(scope, &first, record)?,
                Some("ratingValue") => rating[0] = Some(num(&first)?),
                Some("bestRating") => rating[1] = Some(num(&first)?),
                Some("worstRating") => rating[2] = Some(num(&first)?),
                Some("date") => v.date = Some(When::parse(&first).map_err(ctx)?),
                Some("url") => v.url = Some(first),
                Some("summary") => v.summary = Some(first),
                _ if a.iri == format!("{PROV_NS}label") => v.label = first,
                _ if a.iri == format!("{PROV_NS}type") => {}
                _ => self.skip_attr(
                    "entity",
                    &el.written,
                    a,
                    "an attribute with no claimgraph meaning",
                ),
            }
        }
        match rating {
            [Some(value), Some(best), Some(worst)] => {
                v.rating = Some(Rating::new(value, best, worst))
            }
            [None, None, None] => {}
            _ => {
                return Err(fmt_err(
                    record,
                    "cg:ratingValue, cg:bestRating and cg:worstRating go together",
                ))
            }
        }
        for (field, value) in [
            ("cg:reviewer", &v.reviewer),
            ("cg:claim", &v.claim),
            ("prov:label", &v.label),
        ] {
            if value.is_empty() {
                return Err(fmt_err(record, format!("a verdict needs {field}")));
            }
        }
        Ok(v)
    }

    fn read_relation(
        &mut self,
        resolved: Resolved,
        kinds: &BTreeMap<String, NodeKind>,
        records: &mut Records,
        edge_ids: &mut BTreeSet<String>,
    ) -> Result<()> {
        let Resolved {
            rel,
            from,
            to,
            types,
        } = resolved;
        let rel = &rel;
        let record = rel.record.as_str();
        let section = rel.section.as_str();
        let kind_of = |id: &str| kinds.get(id).copied();
        let (from_k, to_k) = (kind_of(&from), kind_of(&to));
        let explicit_id = {
            let iri = rel.scope.iri(&rel.written_id);
            if let Some(local) = iri.strip_prefix(EDGE_NAMESPACE) {
                Some(
                    decode_local(local)
                        .ok_or_else(|| fmt_err(record, "not a well-formed edge id"))?,
                )
            } else if rel.written_id.starts_with("_:") {
                None
            } else {
                Some(rel.written_id.clone())
            }
        };
        let roles = roles_of(section).unwrap_or(("", "", false, false));
        let formal_iris = [
            format!("{PROV_NS}{}", strip_prov(roles.0)),
            format!("{PROV_NS}{}", strip_prov(roles.1)),
        ];
        let claim_kind = ClaimRelationKind::ALL.into_iter().find(|k| {
            types.contains(&format!(
                "{CLAIMGRAPH_NAMESPACE}{}",
                claim_relation_type(*k)
            ))
        });
        let published_in = types.contains(&format!("{CLAIMGRAPH_NAMESPACE}PublishedIn"));

        enum Out {
            Attribution,
            Source(SourceRelationKind),
            Claim(ClaimRelationKind),
        }
        use NodeKind::{Claim as C, Source as S};
        let out = match (section, from_k, to_k) {
            (_, _, _) if from == to => Err(format!(
                "it relates {from} to itself, which a claim graph does not record"
            )),
            ("wasAttributedTo", Some(C), Some(S)) => Ok(Out::Attribution),
            ("wasAttributedTo", Some(S), Some(S)) => {
                Ok(Out::Source(SourceRelationKind::AuthoredBy))
            }
            ("wasDerivedFrom", Some(C), Some(C)) => match claim_kind {
                Some(k) => Ok(Out::Claim(k)),
                None => Err("a derivation between claims needs a cg: relation type".to_owned()),
            },
            ("wasDerivedFrom", Some(S), Some(S)) if claim_kind.is_none() => {
                Ok(Out::Source(SourceRelationKind::Cites))
            }
            ("actedOnBehalfOf", Some(S), Some(S)) => {
                Ok(Out::Source(SourceRelationKind::AffiliatedWith))
            }
            ("wasInfluencedBy", Some(S), Some(S)) if published_in => {
                Ok(Out::Source(SourceRelationKind::PublishedIn))
            }
            ("wasInfluencedBy", Some(C), Some(C)) => match claim_kind {
                Some(k) => Ok(Out::Claim(k)),
                None => Err("an influence between claims needs a cg: relation type".to_owned()),
            },
            _ => Err(format!(
                "{} and {} are not the kinds of record this relation joins in a claim graph",
                from, to
            )),
        };
        let out = match out {
            Ok(o) => o,
            Err(reason) => {
                let value = attrs_value(&rel.attrs);
                self.report
                    .skip(section, &rel.written_id, None, Some(&value), reason);
                return Ok(());
            }
        };

        // The attributes each mapping reads; the rest are reported.
        let mut stance = None;
        let mut modality = None;
        let mut said = None;
        let mut quote = None;
        let mut via = None;
        let mut date = None;
        for a in &rel.attrs {
            if a.name == roles.0 || a.name == roles.1 || formal_iris.contains(&a.iri) {
                continue;
            }
            let lits = literals(&a.value, record, &a.name)?;
            let first = lits.first().map(|l| l.text.clone()).unwrap_or_default();
            let ctx = |e: Error| fmt_err(record, format!("attribute {}: {e}", a.name));
            let cg = a.iri.strip_prefix(CLAIMGRAPH_NAMESPACE);
            let is_attr = matches!(out, Out::Attribution);
            match cg {
                Some("stance") if is_attr => stance = Some(first.parse::<Stance>().map_err(ctx)?),
                Some("modality") if is_attr => {
                    modality = Some(first.parse::<Modality>().map_err(ctx)?)
                }
                Some("said") if is_attr => said = Some(When::parse(&first).map_err(ctx)?),
                Some("quote") if is_attr => quote = Some(first),
                Some("via") if is_attr => via = Some(self.node_id(&rel.scope, &first, record)?),
                Some("date") if matches!(out, Out::Source(_)) => {
                    date = Some(When::parse(&first).map_err(ctx)?)
                }
                _ if a.iri == format!("{PROV_NS}type") => {
                    let is_cites = matches!(out, Out::Source(SourceRelationKind::Cites));
                    let unknown: Vec<Value> = lits
                        .iter()
                        .filter(|l| {
                            let t = rel.scope.iri(&l.text);
                            !(t.starts_with(CLAIMGRAPH_NAMESPACE)
                                || (is_cites
                                    && ["Quotation", "PrimarySource", "Revision"]
                                        .iter()
                                        .any(|k| t == format!("{PROV_NS}{k}"))))
                        })
                        .map(|l| Value::String(l.text.clone()))
                        .collect();
                    if !unknown.is_empty() {
                        self.report.skip(
                            section,
                            &rel.written_id,
                            Some(&a.name),
                            Some(&Value::Array(unknown)),
                            "a type with no claimgraph meaning",
                        );
                    }
                }
                _ if ["activity", "generation", "usage"]
                    .iter()
                    .any(|k| a.iri == format!("{PROV_NS}{k}")) =>
                {
                    self.skip_attr(
                        section,
                        &rel.written_id,
                        a,
                        "the activity, generation and usage behind a relation have no claimgraph meaning",
                    )
                }
                _ => self.skip_attr(
                    section,
                    &rel.written_id,
                    a,
                    "an attribute with no claimgraph meaning",
                ),
            }
        }

        match out {
            Out::Attribution => {
                let stance = stance.unwrap_or(Stance::Asserts);
                // PROV attributes the claim (the entity) to the source (the agent).
                let (claim, source) = (from, to);
                let mut a = Attribution::new(source, claim, stance);
                if let Some(id) = explicit_id {
                    a.id = id;
                }
                a.modality = modality.unwrap_or_default();
                a.said = said;
                a.quote = quote;
                if let Some(v) = via {
                    if kind_of(&v) == Some(S) {
                        a.via = Some(v);
                    } else {
                        self.report.notes.push(format!(
                            "{record}: cg:via names {v}, which is not a source; left out"
                        ));
                    }
                }
                if self.claim_edge_id(&a.id, edge_ids, section, &rel.written_id) {
                    records.attributions.push(a);
                }
            }
            Out::Source(kind) => {
                let mut r = SourceRelation::new(from, kind, to);
                if let Some(id) = explicit_id {
                    r.id = id;
                }
                r.date = date;
                if self.claim_edge_id(&r.id, edge_ids, section, &rel.written_id) {
                    records.source_relations.push(r);
                }
            }
            Out::Claim(kind) => {
                let mut r = ClaimRelation::new(from, kind, to);
                if let Some(id) = explicit_id {
                    r.id = id;
                }
                if self.claim_edge_id(&r.id, edge_ids, section, &rel.written_id) {
                    records.claim_relations.push(r);
                }
            }
        }
        Ok(())
    }

    /// Reserves an edge id; a relation whose id is taken is reported, not added.
    fn claim_edge_id(
        &mut self,
        id: &str,
        edge_ids: &mut BTreeSet<String>,
        section: &str,
        written: &str,
    ) -> bool {
        if edge_ids.insert(id.to_owned()) {
            true
        } else {
            self.report.skip(
                section,
                written,
                None,
                None,
                format!("repeats the relation {id}"),
            );
            false
        }
    }
}

fn attrs_value(attrs: &[Attr]) -> Value {
    Value::Object(
        attrs
            .iter()
            .map(|a| (a.name.clone(), a.value.clone()))
            .collect(),
    )
}

/// The expanded `prov:type` values of a relation.
fn relation_types(rel: &Relation) -> Result<BTreeSet<String>> {
    let mut types = BTreeSet::new();
    for a in &rel.attrs {
        if a.iri == format!("{PROV_NS}type") {
            for l in literals(&a.value, &rel.record, &a.name)? {
                types.insert(rel.scope.iri(&l.text));
            }
        }
    }
    Ok(types)
}

fn strip_prov(s: &str) -> &str {
    s.strip_prefix("prov:").unwrap_or(s)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NodeKind {
    Source,
    Claim,
}

enum Node {
    Source(Source),
    Claim(Claim),
}

/// The PROV types an element may have that this import understands (besides `cg:` ones).
const KNOWN_ELEMENT_TYPES: [&str; 5] = [
    "http://www.w3.org/ns/prov#Person",
    "http://www.w3.org/ns/prov#Organization",
    "http://www.w3.org/ns/prov#SoftwareAgent",
    "http://www.w3.org/ns/prov#Agent",
    "http://www.w3.org/ns/prov#Entity",
];

const NAME_IRIS: [&str; 6] = [
    "http://xmlns.com/foaf/0.1/name",
    "http://schema.org/name",
    "https://schema.org/name",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://purl.org/dc/terms/name",
    "http://purl.org/dc/elements/1.1/title",
];

/// The label to name a record by: the one without a language, else English, else the first.
/// The chosen one is removed from `labels`.
fn pick_label(labels: &mut Vec<Lit>) -> Option<String> {
    let pos = labels
        .iter()
        .position(|l| l.lang.is_none())
        .or_else(|| {
            labels.iter().position(|l| {
                l.lang.as_deref().is_some_and(|g| {
                    g.eq_ignore_ascii_case("en") || g.to_ascii_lowercase().starts_with("en-")
                })
            })
        })
        .or(if labels.is_empty() { None } else { Some(0) })?;
    Some(labels.remove(pos).text)
}

fn local_part(written: &str) -> String {
    match written.split_once(':') {
        Some((_, l)) if !l.trim().is_empty() => l.to_owned(),
        _ => written.to_owned(),
    }
}

/// The two endpoint attributes of a relation kind this import reads, and whether each is an
/// agent (`true`) or an entity.
fn roles_of(section: &str) -> Option<(&'static str, &'static str, bool, bool)> {
    Some(match section {
        "wasAttributedTo" => ("prov:entity", "prov:agent", false, true),
        "wasDerivedFrom" => ("prov:generatedEntity", "prov:usedEntity", false, false),
        "actedOnBehalfOf" => ("prov:delegate", "prov:responsible", true, true),
        "wasInfluencedBy" => ("prov:influencee", "prov:influencer", false, false),
        _ => return None,
    })
}

/// The value of a relation's endpoint attribute, which PROV-JSON writes as a qualified name.
fn formal(rel: &Relation, key: &str) -> Result<String> {
    let local = strip_prov(key);
    let a = rel
        .attrs
        .iter()
        .find(|a| a.name == key || a.iri == format!("{PROV_NS}{local}"))
        .ok_or_else(|| fmt_err(&rel.record, format!("{key} is missing")))?;
    match &a.value {
        Value::String(s) => Ok(s.clone()),
        Value::Array(v) if v.len() == 1 => match v.first() {
            Some(Value::String(s)) => Ok(s.clone()),
            _ => Err(fmt_err(
                &rel.record,
                format!("{key} must be a qualified name"),
            )),
        },
        Value::Object(m) => match m.get("$") {
            Some(Value::String(s)) => Ok(s.clone()),
            _ => Err(fmt_err(
                &rel.record,
                format!("{key} must be a qualified name"),
            )),
        },
        _ => Err(fmt_err(
            &rel.record,
            format!("{key} must be a qualified name"),
        )),
    }
}
