//! Reading a W3C PROV-JSON document: its prefixes, bundles and sections are gathered here into
//! elements (entities and agents) and relations; `records.rs` then turns those into the
//! graph's records.

mod records;

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::context::{DEFAULT_PREFIX, RESERVED_PREFIXES};
use super::{decode_local, ImportReport, EDGE_NAMESPACE, FORMAT, NODE_NAMESPACE, PROV_NS, XSD_NS};
use crate::error::{Error, Location, Result};
use crate::graph::ClaimGraph;

impl ClaimGraph {
    /// Reads a W3C PROV-JSON document. One written by [`ClaimGraph::to_prov_json`] gives back
    /// the same graph; one written by another tool is read as follows, and what has no
    /// claimgraph meaning is listed in the returned [`ImportReport`].
    ///
    /// - Entities become documents, unless they are typed as claims: `cg:Claim`, or a claim,
    ///   assertion or statement of a common vocabulary (schema.org `Claim`, a nanopublication
    ///   `Assertion`, `rdf:Statement`, any `prov:type` whose local name is `Claim`, `Assertion`
    ///   or `Statement`), whose text is their `prov:label`, `schema:text`, `rdf:value` or
    ///   `dcterms:title` (else, with a note, the local part of the id). Agents become
    ///   people (`prov:Person`) or organizations (`prov:Organization`, `prov:SoftwareAgent`, or
    ///   no type: an agent is an accountable party, so it is never read as unnamed).
    /// - Identity is the IRI. The document's prefixes are kept ([`ClaimGraph::namespaces`]) and
    ///   ids are the qualified names as written with them (`ex:article`); two names that expand
    ///   to the same IRI (`foo:e1`, and `ex:e1` with `ex` rebound to foo's namespace in a
    ///   bundle) are one record, with a note. A name in a bundle whose prefix (or default
    ///   namespace) stands for another namespace there is written with a document prefix bound
    ///   to that namespace, else with a fresh prefix (`ex1`), noted; so the export writes every
    ///   record with its original IRI.
    /// - Names come from `prov:label` (the one without a language, else English, else the
    ///   first; the others become aliases), `foaf:name`, `schema:name`, `rdfs:label`,
    ///   `dcterms:title` or `foaf:givenName`, else the local part of the id.
    ///   `dcterms:title` is also a document's title, `dcterms:issued` or `dcterms:date` its
    ///   publication date.
    /// - `wasAttributedTo` of a claim is an attribution (stance asserts unless `cg:stance`
    ///   says otherwise); of anything else, an authored-by relation from the entity to the
    ///   agent.
    /// - `wasDerivedFrom` between sources is cites, whatever its type; the type (quotation,
    ///   primary source, revision, none, or another vocabulary's, which is noted as having no
    ///   claimgraph meaning) is kept ([`ClaimGraph::derivation_types`]) and written back by the
    ///   export. `actedOnBehalfOf` is affiliated with.
    /// - Two relations with one id (which PROV-CONSTRAINTS forbids): the first is read, the
    ///   second is in [`ImportReport::skipped`] with its content.
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
    /// document is not PROV-JSON (not JSON, sections none of which is a PROV record kind
    /// (`{"notarealtype": {}}`, which the `prov` package refuses too), a record that is not an object, a relation without
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
        let mut reader = Reader::default();
        reader.read_document(json)?;
        let (records, mut report, context) = reader.finish()?;
        report.count(&records);
        let mut graph = ClaimGraph::from_records(records)?;
        graph.prov = context;
        Ok((graph, report))
    }
}

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

    fn with_prefixes(&self, prefix: Option<&Value>, record: &str) -> Result<Scope> {
        let mut scope = self.clone();
        let Some(p) = prefix else {
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
    /// Its datatype as written (`prov:QUALIFIED_NAME`), if it has one.
    datatype: Option<String>,
}

fn literals(v: &Value, record: &str, attr: &str) -> Result<Vec<Lit>> {
    let one = |v: &Value| -> Result<Lit> {
        match v {
            Value::String(s) => Ok(Lit {
                text: s.clone(),
                lang: None,
                datatype: None,
            }),
            Value::Number(n) => Ok(Lit {
                text: n.to_string(),
                lang: None,
                datatype: None,
            }),
            Value::Bool(b) => Ok(Lit {
                text: b.to_string(),
                lang: None,
                datatype: None,
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
                Ok(Lit {
                    text,
                    datatype: text_of("type")?,
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

/// An attribute of a record: its name as written, its expanded IRI, its value. A document
/// writes the same few attribute names on every record, so each name and IRI is held once and
/// shared.
#[derive(Debug, Clone)]
struct Attr {
    name: Rc<str>,
    iri: Rc<str>,
    value: AttrValue,
}

/// An attribute's value. Nearly every value in PROV-JSON is a string or one typed literal
/// (`{"$": "cg:asserts", "type": "prov:QUALIFIED_NAME"}`); those are kept as their strings,
/// without the JSON map that would hold them (several hundred bytes each). Anything else is kept
/// as written. Both give back the JSON they were read from ([`AttrValue::to_json`]).
#[derive(Debug, Clone)]
enum AttrValue {
    Text(String),
    /// `{"$": text}` with an optional `"type"` and `"lang"`, all strings, and no other key.
    Typed(Box<Lit>),
    Json(Value),
}

impl AttrValue {
    fn from_json(value: Value) -> AttrValue {
        match value {
            Value::String(s) => AttrValue::Text(s),
            Value::Object(m) if typed_literal_shape(&m) => {
                let mut text = String::new();
                let mut lit = Lit {
                    text: String::new(),
                    lang: None,
                    datatype: None,
                };
                for (k, v) in m {
                    if let Value::String(v) = v {
                        match k.as_str() {
                            "$" => text = v,
                            "lang" => lit.lang = Some(v),
                            _ => lit.datatype = Some(v),
                        }
                    }
                }
                lit.text = text;
                AttrValue::Typed(Box::new(lit))
            }
            other => AttrValue::Json(other),
        }
    }

    /// The value as the document wrote it.
    fn to_json(&self) -> Value {
        match self {
            AttrValue::Text(s) => Value::String(s.clone()),
            AttrValue::Typed(l) => {
                let mut m = Map::new();
                m.insert("$".to_owned(), Value::String(l.text.clone()));
                if let Some(t) = &l.datatype {
                    m.insert("type".to_owned(), Value::String(t.clone()));
                }
                if let Some(lang) = &l.lang {
                    m.insert("lang".to_owned(), Value::String(lang.clone()));
                }
                Value::Object(m)
            }
            AttrValue::Json(v) => v.clone(),
        }
    }

    fn literals(&self, record: &str, attr: &str) -> Result<Vec<Lit>> {
        match self {
            AttrValue::Text(s) => Ok(vec![Lit {
                text: s.clone(),
                lang: None,
                datatype: None,
            }]),
            AttrValue::Typed(l) => Ok(vec![(**l).clone()]),
            AttrValue::Json(v) => literals(v, record, attr),
        }
    }
}

/// Whether a JSON object is a typed literal that [`AttrValue::Typed`] holds exactly.
fn typed_literal_shape(m: &Map<String, Value>) -> bool {
    m.contains_key("$")
        && m.iter()
            .all(|(k, v)| matches!(k.as_str(), "$" | "type" | "lang") && v.is_string())
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

/// The graph ids given to the IRIs of one id namespace (nodes, or edges).
#[derive(Default)]
struct Identities {
    /// IRI -> graph id.
    by_iri: BTreeMap<String, String>,
    /// Graph id -> IRI.
    iri_of: BTreeMap<String, String>,
}

#[derive(Default)]
struct Reader {
    /// The namespaces the graph's ids are qualified names in: the document's own prefixes,
    /// and fresh ones where a bundle binds a prefix to another namespace.
    namespaces: BTreeMap<String, String>,
    node_ids: Identities,
    edge_ids: Identities,
    /// IRIs already reported as written in two ways.
    noted_spellings: BTreeSet<String>,
    /// The derivation types of relations read as cites, by relation id.
    derivations: BTreeMap<String, super::context::Derivation>,
    /// Entities and agents by graph id.
    elements: BTreeMap<String, Element>,
    /// Verdict entities (written in the edge namespace) by IRI.
    verdicts: BTreeMap<String, Element>,
    relations: Vec<Relation>,
    report: ImportReport,
    /// How many sections of PROV record kinds, and of other names, the document has.
    prov_sections: usize,
    other_sections: usize,
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

/// The members of a JSON object, each still as its text in the document. The document is read
/// a section and a record at a time from these, so it is never held whole as a `Value`.
type Members<'a> = BTreeMap<String, &'a RawValue>;

fn is_object(raw: &RawValue) -> bool {
    raw.get().starts_with('{')
}

/// The members of an object whose syntax the whole document's parse has checked.
fn members<'a>(raw: &'a RawValue, record: &str) -> Result<Members<'a>> {
    serde_json::from_str(raw.get()).map_err(|e| fmt_err(record, format!("not JSON: {e}")))
}

/// One part of the document as a `Value` (only the nesting limit can fail here).
fn parse_value(raw: &RawValue, record: &str) -> Result<Value> {
    serde_json::from_str(raw.get()).map_err(|e| fmt_err(record, format!("not JSON: {e}")))
}

/// Whether a record is an object, or a list of objects: Python's prov writes several records
/// with one id as a list.
fn is_record(value: &Value) -> bool {
    match value {
        Value::Object(_) => true,
        Value::Array(items) => items.iter().all(Value::is_object),
        _ => false,
    }
}

/// The objects of a record that [`is_record`].
fn record_items(value: Value) -> Vec<Map<String, Value>> {
    match value {
        Value::Object(m) => vec![m],
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| match v {
                Value::Object(m) => Some(m),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

impl Reader {
    fn read_document(&mut self, json: &str) -> Result<()> {
        // The whole document's syntax is checked here (a fault is reported with its line and
        // column); its parts are then parsed one record at a time, as they are read.
        let top: &RawValue = crate::io::parse_json(FORMAT, json)?;
        if !is_object(top) {
            return Err(fmt_err("$", "a PROV-JSON document is a JSON object"));
        }
        let mut doc = members(top, "$")?;
        let prefix = doc
            .get("prefix")
            .map(|p| parse_value(p, "prefix"))
            .transpose()?;
        let scope = Rc::new(Scope::base().with_prefixes(prefix.as_ref(), "")?);
        // The document's prefixes name what it describes: they are kept for the export.
        if let Some(Value::Object(p)) = &prefix {
            for (k, v) in p {
                if let Value::String(ns) = v {
                    if !RESERVED_PREFIXES.iter().any(|(r, _)| r == k) {
                        self.namespaces.insert(k.clone(), ns.clone());
                    }
                }
            }
        }
        let bundles = doc.remove("bundle");
        self.read_container(doc, &scope, "")?;
        if let Some(bundles) = bundles {
            if !is_object(bundles) {
                return Err(fmt_err("bundle", "\"bundle\" must be an object"));
            }
            for (name, content) in members(bundles, "bundle")? {
                let record = format!("bundle {name}");
                if !is_object(content) {
                    return Err(fmt_err(&record, "a bundle must be a JSON object"));
                }
                let content = members(content, &record)?;
                self.report.bundles.push(name.clone());
                let prefix = content
                    .get("prefix")
                    .map(|p| parse_value(p, &record))
                    .transpose()?;
                let inner = Rc::new(scope.with_prefixes(prefix.as_ref(), &format!("{record}: "))?);
                if let Some(nested) = content.get("bundle") {
                    let nested = parse_value(nested, &record)?;
                    self.report.skip(
                        "bundle",
                        &name,
                        None,
                        Some(&nested),
                        "PROV does not nest bundles; the nested ones were not read",
                    );
                }
                self.read_container(content, &inner, &format!("{record}: "))?;
            }
        }
        // What the prov package refuses too: sections, but none of them PROV.
        if self.prov_sections == 0 && self.other_sections > 0 {
            return Err(fmt_err(
                "$",
                "the document has no PROV-JSON content: none of its sections is a PROV record kind (entity, agent, activity, wasAttributedTo, ...)",
            ));
        }
        Ok(())
    }

    fn read_container(
        &mut self,
        container: Members<'_>,
        scope: &Rc<Scope>,
        context: &str,
    ) -> Result<()> {
        // The attribute names of this container, each with its IRI in the container's scope.
        let mut names: BTreeMap<String, (Rc<str>, Rc<str>)> = BTreeMap::new();
        for (section, records) in container {
            if section == "prefix" || section == "bundle" {
                continue;
            }
            let section_record = format!("{context}{section}");
            if !is_object(records) {
                return Err(fmt_err(&section_record, "a section must be a JSON object"));
            }
            let records = members(records, &section_record)?;
            let skipped = SKIPPED_SECTIONS.iter().find(|(s, _)| *s == section);
            let known = ELEMENT_SECTIONS.contains(&section.as_str())
                || RELATION_SECTIONS.contains(&section.as_str());
            if known || skipped.is_some() {
                self.prov_sections += 1;
            } else {
                self.other_sections += 1;
            }
            for (id, value) in records {
                let record = format!("{context}{section} {id}");
                let value = parse_value(value, &record)?;
                if !is_record(&value) {
                    return Err(fmt_err(&record, "a record must be a JSON object"));
                }
                if let Some((_, reason)) = skipped {
                    self.report.skip(&section, &id, None, Some(&value), *reason);
                    continue;
                }
                if !known {
                    self.report.skip(
                        &section,
                        &id,
                        None,
                        Some(&value),
                        "not a PROV-JSON record kind",
                    );
                    continue;
                }
                let element = ELEMENT_SECTIONS.contains(&section.as_str());
                for (n, item) in record_items(value).into_iter().enumerate() {
                    if !element && n > 0 && !id.starts_with("_:") {
                        self.report.skip(
                            &section,
                            &id,
                            None,
                            Some(&Value::Object(item)),
                            format!("a second relation with the id {id}, which PROV-CONSTRAINTS forbids (one id, one relation); the first one is kept"),
                        );
                        continue;
                    }
                    let attrs = item
                        .into_iter()
                        .map(|(k, v)| {
                            let (name, iri) = match names.get(&k) {
                                Some(known) => known.clone(),
                                None => {
                                    let iri: Rc<str> = scope.iri(&k).into();
                                    let name: Rc<str> = k.as_str().into();
                                    names.insert(k, (Rc::clone(&name), Rc::clone(&iri)));
                                    (name, iri)
                                }
                            };
                            Attr {
                                name,
                                iri,
                                value: AttrValue::from_json(v),
                            }
                        })
                        .collect();
                    if element {
                        self.declare(&section, &id, &record, scope, attrs)?;
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
        if iri.starts_with(EDGE_NAMESPACE) {
            // Declared, it would be a verdict: read as a source or a claim here, the graph
            // would export an entity that imports as something else.
            return Err(fmt_err(
                record,
                format!(
                    "{written:?} stands for {iri}, in claimgraph's namespace of relations and \
                     verdicts ({EDGE_NAMESPACE}), where no source or claim is"
                ),
            ));
        }
        self.identify(false, scope, written, &iri, record)
    }

    /// The graph id of a relation written with an id (not a blank node `_:`).
    fn edge_id(&mut self, scope: &Scope, written: &str, record: &str) -> Result<Option<String>> {
        let iri = scope.iri(written);
        if let Some(local) = iri.strip_prefix(EDGE_NAMESPACE) {
            return decode_local(local)
                .map(Some)
                .ok_or_else(|| fmt_err(record, "not a well-formed edge id"));
        }
        if written.starts_with("_:") {
            return Ok(None);
        }
        self.identify(true, scope, written, &iri, record).map(Some)
    }

    /// One IRI, one id: the first qualified name it is written as, with the document's
    /// prefixes (`ex:article`); the same IRI written otherwise later is the same record.
    fn identify(
        &mut self,
        edge: bool,
        scope: &Scope,
        written: &str,
        iri: &str,
        record: &str,
    ) -> Result<String> {
        let known = if edge { &self.edge_ids } else { &self.node_ids };
        if let Some(id) = known.by_iri.get(iri).cloned() {
            if id != written && self.noted_spellings.insert(iri.to_owned()) {
                self.report.notes.push(format!(
                    "{record}: {written} stands for {iri}, which is also written {id}; both are one record, {id}"
                ));
            }
            return Ok(id);
        }
        let spelled = self.spell(scope, written, iri, record);
        let known = if edge {
            &mut self.edge_ids
        } else {
            &mut self.node_ids
        };
        // A spelling that another IRI already has (a name no prefix expands): the IRI itself.
        let id = match known.iri_of.get(&spelled) {
            Some(other) if other != iri => iri.to_owned(),
            _ => spelled,
        };
        crate::id::validate_id(&id).map_err(|e| fmt_err(record, e.to_string()))?;
        known.by_iri.insert(iri.to_owned(), id.clone());
        known.iri_of.insert(id.clone(), iri.to_owned());
        Ok(id)
    }

    /// The qualified name an IRI written as `written` in `scope` is known by in the graph: as
    /// written when its prefix means the same there, else with a prefix of the graph bound to
    /// its namespace, else with a fresh prefix.
    fn spell(&mut self, scope: &Scope, written: &str, iri: &str, record: &str) -> String {
        let (prefix, local) = match written.split_once(':') {
            Some((p, l)) if scope.prefixes.contains_key(p) => (p, l),
            None if scope.default.is_some() => (DEFAULT_PREFIX, written),
            // A name no prefix expands stands for itself.
            _ => return written.to_owned(),
        };
        let Some(ns) = iri.strip_suffix(local) else {
            return written.to_owned();
        };
        let reserved = |p: &str| RESERVED_PREFIXES.iter().any(|(r, _)| *r == p);
        if RESERVED_PREFIXES.contains(&(prefix, ns)) {
            return written.to_owned();
        }
        match self.namespaces.get(prefix) {
            Some(bound) if bound == ns => return written.to_owned(),
            None if !reserved(prefix) => {
                self.namespaces.insert(prefix.to_owned(), ns.to_owned());
                return written.to_owned();
            }
            _ => {}
        }
        let same = self
            .namespaces
            .iter()
            .find(|(p, bound)| *bound == ns && *p != DEFAULT_PREFIX)
            .map(|(p, _)| p.clone());
        let p = match same {
            Some(p) => p,
            None => {
                let base = if prefix == DEFAULT_PREFIX {
                    "ns"
                } else {
                    prefix
                };
                let fresh = (1usize..)
                    .map(|n| format!("{base}{n}"))
                    .find(|p| !self.namespaces.contains_key(p) && !reserved(p))
                    .unwrap_or_else(|| base.to_owned());
                self.namespaces.insert(fresh.clone(), ns.to_owned());
                fresh
            }
        };
        let id = format!("{p}:{local}");
        self.report.notes.push(format!(
            "{record}: {written} stands for {iri}, but the document's {prefix} namespace is another; it is read as {id}, with {p} bound to {ns}"
        ));
        id
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

    fn skip_attr(&mut self, kind: &str, id: &str, a: &Attr, reason: &str) {
        self.report
            .skip(kind, id, Some(&a.name), Some(&a.value.to_json()), reason);
    }
}
