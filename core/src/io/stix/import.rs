//! Reading a STIX 2.1 bundle: identities become sources, notes claims, opinions attributions
//! (or verdicts, when claimgraph wrote them), relationships relations; the rest is reported.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{kind_of_identity_class, stance_of_opinion, FORMAT};
use crate::error::{Error, Location, Result};
use crate::graph::{ClaimGraph, Records};
use crate::io::prov::ImportReport;
use crate::model::{
    Attribution, Claim, ClaimRelation, ClaimRelationKind, Quantity, Rating, Source, SourceKind,
    SourceRelation, SourceRelationKind, Verdict,
};
use crate::time::{Period, When};

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

/// Properties every object may carry that the import reads or that need no place.
const COMMON: &[&str] = &[
    "type",
    "spec_version",
    "id",
    "created",
    "modified",
    "x_claimgraph_id",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Node {
    Source,
    Claim,
}

struct Reader<'a> {
    /// STIX id -> (graph id, what it is), for identities and notes.
    nodes: BTreeMap<&'a str, (String, Node)>,
    records: Records,
    report: ImportReport,
}

fn text<'v>(o: &'v Map<String, Value>, key: &str, id: &str) -> Result<Option<&'v str>> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(_) => Err(fmt_err(id, format!("{key} must be a string"))),
    }
}

fn texts(o: &Map<String, Value>, key: &str, id: &str) -> Result<Vec<String>> {
    match o.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| match v {
                Value::String(s) => Ok(s.clone()),
                _ => Err(fmt_err(id, format!("{key} must be a list of strings"))),
            })
            .collect(),
        Some(_) => Err(fmt_err(id, format!("{key} must be a list of strings"))),
    }
}

fn when(o: &Map<String, Value>, key: &str, id: &str) -> Result<Option<When>> {
    text(o, key, id)?
        .map(|t| When::parse(t).map_err(|e| fmt_err(id, format!("{key}: {e}"))))
        .transpose()
}

fn number(o: &Map<String, Value>, key: &str, id: &str) -> Result<f64> {
    o.get(key)
        .and_then(Value::as_f64)
        .ok_or_else(|| fmt_err(id, format!("{key} must be a number")))
}

/// The url of an object: the first `external_references` entry with a url. The others are
/// returned to be reported.
fn url_of(o: &Map<String, Value>) -> (Option<String>, Vec<Value>) {
    let mut url = None;
    let mut rest = Vec::new();
    if let Some(Value::Array(refs)) = o.get("external_references") {
        for r in refs {
            match r.get("url").and_then(Value::as_str) {
                Some(u)
                    if url.is_none()
                        && r.get("source_name").and_then(Value::as_str) == Some("url") =>
                {
                    url = Some(u.to_owned())
                }
                _ => rest.push(r.clone()),
            }
        }
    }
    (url, rest)
}

impl<'a> Reader<'a> {
    fn leftovers(&mut self, stix_type: &str, id: &str, o: &Map<String, Value>, handled: &[&str]) {
        for (k, v) in o {
            if COMMON.contains(&k.as_str()) || handled.contains(&k.as_str()) {
                continue;
            }
            let reason = if k.starts_with("x_claimgraph_") {
                "a claimgraph property this object kind does not carry"
            } else if k.starts_with("x_") {
                "another producer's custom property"
            } else {
                "a STIX property with no place in a claim graph"
            };
            self.report.skip(stix_type, id, Some(k), Some(v), reason);
        }
    }

    fn node(&self, stix: &str, want: Node, record: &str, field: &str) -> Result<String> {
        match self.nodes.get(stix) {
            Some((id, n)) if *n == want => Ok(id.clone()),
            Some(_) => Err(fmt_err(
                record,
                format!("{field} {stix} names the wrong kind of object"),
            )),
            None => Err(fmt_err(
                record,
                format!("{field} {stix} is not an object of the bundle"),
            )),
        }
    }

    fn identity(&mut self, id: &str, o: &'a Map<String, Value>) -> Result<()> {
        let own = text(o, "x_claimgraph_id", id)?.unwrap_or(id);
        let name = text(o, "name", id)?.ok_or_else(|| fmt_err(id, "an identity needs a name"))?;
        let kind = match text(o, "x_claimgraph_kind", id)? {
            Some(k) => k
                .parse::<SourceKind>()
                .map_err(|e| fmt_err(id, e.to_string()))?,
            None => kind_of_identity_class(text(o, "identity_class", id)?.unwrap_or("unknown")),
        };
        let mut src = Source::new(own, kind, name);
        src.aliases = texts(o, "x_claimgraph_aliases", id)?;
        if let Some(r) = text(o, "x_claimgraph_reliability", id)? {
            src.reliability = Some(r.parse().map_err(|e: Error| fmt_err(id, e.to_string()))?);
        }
        let (url, other_refs) = url_of(o);
        src.url = url;
        src.title = text(o, "x_claimgraph_title", id)?.map(str::to_owned);
        src.published = when(o, "x_claimgraph_published", id)?;
        for r in &other_refs {
            self.report.skip(
                "identity",
                id,
                Some("external_references"),
                Some(r),
                "a source keeps one url",
            );
        }
        self.leftovers(
            "identity",
            id,
            o,
            &[
                "name",
                "identity_class",
                "x_claimgraph_kind",
                "x_claimgraph_aliases",
                "x_claimgraph_reliability",
                "x_claimgraph_title",
                "x_claimgraph_published",
                "external_references",
            ],
        );
        self.records.sources.push(src);
        Ok(())
    }

    fn note(&mut self, id: &str, o: &'a Map<String, Value>) -> Result<()> {
        let own = text(o, "x_claimgraph_id", id)?.unwrap_or(id);
        let content = text(o, "content", id)?.ok_or_else(|| fmt_err(id, "a note needs content"))?;
        let mut c = Claim::new(own, content);
        // claimgraph's own notes name their subjects; another producer's are about the
        // identities they refer to.
        let own_note = o.contains_key("x_claimgraph_id");
        let subjects = match o.get("x_claimgraph_subjects") {
            Some(_) => texts(o, "x_claimgraph_subjects", id)?,
            None if own_note => Vec::new(),
            None => texts(o, "object_refs", id)?
                .into_iter()
                .filter(|r| matches!(self.nodes.get(r.as_str()), Some((_, Node::Source))))
                .collect(),
        };
        for s in subjects {
            c.subjects.push(self.node(&s, Node::Source, id, "subject")?);
        }
        c.tags = texts(o, "labels", id)?;
        if let Some(p) = o.get("x_claimgraph_period") {
            let Value::Object(p) = p else {
                return Err(fmt_err(id, "x_claimgraph_period must be an object"));
            };
            c.period = Some(Period::new(when(p, "start", id)?, when(p, "end", id)?));
        }
        if let Some(q) = o.get("x_claimgraph_quantity") {
            let Value::Object(q) = q else {
                return Err(fmt_err(id, "x_claimgraph_quantity must be an object"));
            };
            let unit =
                text(q, "unit", id)?.ok_or_else(|| fmt_err(id, "a quantity needs a unit"))?;
            c.quantity = Some(Quantity::new(number(q, "value", id)?, unit));
        }
        let mut handled = vec![
            "content",
            "labels",
            "x_claimgraph_subjects",
            "x_claimgraph_period",
            "x_claimgraph_quantity",
        ];
        // The object_refs of claimgraph's own notes say nothing x_claimgraph_subjects does not.
        if own_note {
            handled.push("object_refs");
        } else if let Some(Value::Array(refs)) = o.get("object_refs") {
            let others: Vec<Value> = refs
                .iter()
                .filter(|r| {
                    !matches!(
                        r.as_str().and_then(|r| self.nodes.get(r)),
                        Some((_, Node::Source))
                    )
                })
                .cloned()
                .collect();
            handled.push("object_refs");
            if !others.is_empty() {
                self.report.skip(
                    "note",
                    id,
                    Some("object_refs"),
                    Some(&Value::Array(others)),
                    "a claim is about sources; references to other objects have no place",
                );
            }
        }
        self.leftovers("note", id, o, &handled);
        self.records.claims.push(c);
        Ok(())
    }

    fn opinion(&mut self, id: &str, o: &'a Map<String, Value>) -> Result<()> {
        let own = text(o, "x_claimgraph_id", id)?.map(str::to_owned);
        let Some(by) = text(o, "created_by_ref", id)? else {
            self.report.skip(
                "opinion",
                id,
                None,
                Some(&Value::Object(o.clone())),
                "an opinion without created_by_ref names nobody who holds it",
            );
            return Ok(());
        };
        let source = match self.nodes.get(by) {
            Some((sid, Node::Source)) => sid.clone(),
            _ => {
                return Err(fmt_err(
                    id,
                    format!("created_by_ref {by} is not an identity of the bundle"),
                ))
            }
        };
        let mut claims = Vec::new();
        let mut others = Vec::new();
        for r in texts(o, "object_refs", id)? {
            match self.nodes.get(r.as_str()) {
                Some((cid, Node::Claim)) => claims.push(cid.clone()),
                _ => others.push(Value::String(r)),
            }
        }
        if !others.is_empty() {
            self.report.skip(
                "opinion",
                id,
                Some("object_refs"),
                Some(&Value::Array(others)),
                "an opinion is recorded on claims (notes); references to other objects have no place",
            );
        }
        if claims.is_empty() {
            self.report.skip(
                "opinion",
                id,
                None,
                Some(&Value::Object(o.clone())),
                "an opinion on no note has no claim to record it on",
            );
            return Ok(());
        }
        let opinion =
            text(o, "opinion", id)?.ok_or_else(|| fmt_err(id, "an opinion needs its opinion"))?;
        let verdict = text(o, "x_claimgraph_record", id)? == Some("verdict");
        let mut handled = vec![
            "created_by_ref",
            "object_refs",
            "opinion",
            "explanation",
            "authors",
            "x_claimgraph_record",
        ];
        let base = own.unwrap_or_else(|| id.to_owned());
        for (n, claim) in claims.into_iter().enumerate() {
            let edge_id = if n == 0 {
                base.clone()
            } else {
                format!("{base}:{}", n + 1)
            };
            if verdict {
                let label = text(o, "x_claimgraph_label", id)?
                    .ok_or_else(|| fmt_err(id, "a verdict needs x_claimgraph_label"))?;
                let mut v = Verdict::new(source.clone(), claim, label).with_id(edge_id);
                v.summary = text(o, "explanation", id)?.map(str::to_owned);
                if let Some(r) = o.get("x_claimgraph_rating") {
                    let Value::Object(r) = r else {
                        return Err(fmt_err(id, "x_claimgraph_rating must be an object"));
                    };
                    v.rating = Some(Rating::new(
                        number(r, "value", id)?,
                        number(r, "best", id)?,
                        number(r, "worst", id)?,
                    ));
                }
                v.date = when(o, "x_claimgraph_date", id)?;
                v.url = url_of(o).0;
                self.records.verdicts.push(v);
            } else {
                let stance = match text(o, "x_claimgraph_stance", id)? {
                    Some(s) => s.parse().map_err(|e: Error| fmt_err(id, e.to_string()))?,
                    None => stance_of_opinion(opinion)
                        .ok_or_else(|| fmt_err(id, format!("{opinion:?} is not a STIX opinion")))?,
                };
                let mut a = Attribution::new(source.clone(), claim, stance).with_id(edge_id);
                if let Some(m) = text(o, "x_claimgraph_modality", id)? {
                    a.modality = m.parse().map_err(|e: Error| fmt_err(id, e.to_string()))?;
                }
                a.said = when(o, "x_claimgraph_said", id)?;
                a.quote = text(o, "explanation", id)?.map(str::to_owned);
                if let Some(v) = text(o, "x_claimgraph_via", id)? {
                    a.via = vec![crate::model::Hop::new(self.node(
                        v,
                        Node::Source,
                        id,
                        "x_claimgraph_via",
                    )?)];
                }
                if let Some(hops) = o.get("x_claimgraph_hops") {
                    let Value::Array(hops) = hops else {
                        return Err(fmt_err(id, "x_claimgraph_hops is a list of hops"));
                    };
                    a.via.clear();
                    for (i, h) in hops.iter().enumerate() {
                        let Value::Object(h) = h else {
                            return Err(fmt_err(
                                id,
                                format!("x_claimgraph_hops[{i}] is not an object"),
                            ));
                        };
                        let r = text(h, "source_ref", id)?.ok_or_else(|| {
                            fmt_err(id, format!("x_claimgraph_hops[{i}] has no source_ref"))
                        })?;
                        let mut hop = crate::model::Hop::new(self.node(
                            r,
                            Node::Source,
                            id,
                            "x_claimgraph_hops",
                        )?);
                        hop.date = when(h, "date", id)?;
                        a.via.push(hop);
                    }
                }
                for b in texts(o, "x_claimgraph_basis", id)? {
                    a.basis
                        .push(self.node(&b, Node::Source, id, "x_claimgraph_basis")?);
                }
                for c in texts(o, "x_claimgraph_covers", id)? {
                    a.covers
                        .push(self.node(&c, Node::Claim, id, "x_claimgraph_covers")?);
                }
                if opinion.starts_with("strongly-") && !o.contains_key("x_claimgraph_stance") {
                    self.report.note(format!(
                        "{id}: {opinion:?} is read as the stance {} (claimgraph has no strength of stance)",
                        stance.as_str()
                    ));
                }
                self.records.attributions.push(a);
            }
        }
        if verdict {
            handled.extend([
                "x_claimgraph_label",
                "x_claimgraph_rating",
                "x_claimgraph_date",
                "external_references",
            ]);
        } else {
            handled.extend([
                "x_claimgraph_stance",
                "x_claimgraph_modality",
                "x_claimgraph_said",
                "x_claimgraph_via",
                "x_claimgraph_hops",
                "x_claimgraph_basis",
                "x_claimgraph_covers",
            ]);
        }
        self.leftovers("opinion", id, o, &handled);
        Ok(())
    }

    fn relationship(&mut self, id: &str, o: &'a Map<String, Value>) -> Result<()> {
        let own = text(o, "x_claimgraph_id", id)?.unwrap_or(id);
        let rtype = text(o, "relationship_type", id)?
            .ok_or_else(|| fmt_err(id, "a relationship needs its relationship_type"))?;
        let from = text(o, "source_ref", id)?
            .ok_or_else(|| fmt_err(id, "a relationship needs its source_ref"))?;
        let to = text(o, "target_ref", id)?
            .ok_or_else(|| fmt_err(id, "a relationship needs its target_ref"))?;
        let ends = (self.nodes.get(from).cloned(), self.nodes.get(to).cloned());
        let source_kind = match rtype {
            "cites" => Some(SourceRelationKind::Cites),
            "authored-by" => Some(SourceRelationKind::AuthoredBy),
            "published-in" => Some(SourceRelationKind::PublishedIn),
            "affiliated-with" => Some(SourceRelationKind::AffiliatedWith),
            _ => None,
        };
        let claim_kind = match rtype {
            "supports" => Some(ClaimRelationKind::Supports),
            "contradicts" => Some(ClaimRelationKind::Contradicts),
            "specializes" => Some(ClaimRelationKind::Specializes),
            "duplicate-of" | "same-as" => Some(ClaimRelationKind::SameAs),
            "depends-on" => Some(ClaimRelationKind::DependsOn),
            _ => None,
        };
        match (ends, source_kind, claim_kind) {
            ((Some((f, Node::Source)), Some((t, Node::Source))), Some(kind), _) => {
                let mut r = SourceRelation::new(f, kind, t).with_id(own);
                r.date = when(o, "x_claimgraph_date", id)?;
                self.records.source_relations.push(r);
            }
            ((Some((f, Node::Claim)), Some((t, Node::Claim))), _, Some(kind)) => {
                self.records
                    .claim_relations
                    .push(ClaimRelation::new(f, kind, t).with_id(own));
            }
            _ => {
                self.report.skip(
                    "relationship",
                    id,
                    None,
                    Some(&Value::Object(o.clone())),
                    format!(
                        "a {rtype:?} relationship between these objects has no claimgraph meaning"
                    ),
                );
                return Ok(());
            }
        }
        self.leftovers(
            "relationship",
            id,
            o,
            &[
                "relationship_type",
                "source_ref",
                "target_ref",
                "x_claimgraph_date",
            ],
        );
        Ok(())
    }
}

impl ClaimGraph {
    /// Reads a STIX 2.1 bundle (or a JSON array of STIX objects, or one object). One written by
    /// [`ClaimGraph::to_stix_json`] gives back the same graph; one written by another tool is
    /// read by the same table read backwards:
    ///
    /// - `identity` is a source: its `x_claimgraph_kind`, else from `identity_class`
    ///   (`individual` a person, `group` an unnamed group, `class` a collective, any other an
    ///   organization); its id the `x_claimgraph_id`, else the STIX id.
    /// - `note` is a claim (`content` its text, `labels` its tags), about the identities in
    ///   its `object_refs`.
    /// - `opinion` by an identity (`created_by_ref`) on notes is an attribution for each note:
    ///   `agree` and `strongly-agree` assert, `disagree` and `strongly-disagree` deny, `neutral`
    ///   doubts; `explanation` is the quote. Opinions claimgraph wrote for verdicts
    ///   (`x_claimgraph_record` `verdict`) are verdicts again.
    /// - `relationship` between identities or between notes of a type in the table of
    ///   [`ClaimGraph::to_stix_json`] (also `same-as`) is a relation.
    ///
    /// Every other object (an indicator, a report, a sighting...), an opinion without
    /// `created_by_ref`, a relationship of another type, and every property without a place
    /// in the graph are listed in [`ImportReport::skipped`] with their value.
    ///
    /// Errors: [`Error::Format`] naming the STIX id when an object lacks what its kind
    /// requires here (an identity's name, a note's content) or refers to an object the bundle
    /// does not hold; the model's errors when a record breaks a rule of the graph.
    pub fn from_stix_json(json: &str) -> Result<(ClaimGraph, ImportReport)> {
        let value = crate::io::parse_document(FORMAT, json)?;
        let objects: Vec<&Value> = match &value {
            Value::Object(b) if b.get("type").and_then(Value::as_str) == Some("bundle") => {
                match b.get("objects") {
                    None => Vec::new(),
                    Some(Value::Array(items)) => items.iter().collect(),
                    Some(_) => return Err(fmt_err("bundle", "objects must be a list")),
                }
            }
            Value::Object(_) => vec![&value],
            Value::Array(items) => items.iter().collect(),
            _ => {
                return Err(fmt_err(
                    "$",
                    "a STIX document is a bundle, a list of objects or one object",
                ))
            }
        };
        let mut typed: Vec<(&str, &str, &Map<String, Value>)> = Vec::with_capacity(objects.len());
        for (i, v) in objects.iter().enumerate() {
            let Value::Object(o) = v else {
                return Err(fmt_err(
                    &format!("objects[{i}]"),
                    "a STIX object is a JSON object",
                ));
            };
            let t = o.get("type").and_then(Value::as_str);
            let id = o.get("id").and_then(Value::as_str);
            match (t, id) {
                (Some(t), Some(id)) => typed.push((t, id, o)),
                _ => {
                    return Err(fmt_err(
                        &format!("objects[{i}]"),
                        "a STIX object needs a type and an id",
                    ))
                }
            }
        }
        let mut reader = Reader {
            nodes: BTreeMap::new(),
            records: Records::default(),
            report: ImportReport::default(),
        };
        for (t, id, o) in &typed {
            let node = match *t {
                "identity" => Node::Source,
                "note" => Node::Claim,
                _ => continue,
            };
            let own = text(o, "x_claimgraph_id", id)?.unwrap_or(id).to_owned();
            if reader.nodes.insert(id, (own, node)).is_some() {
                return Err(fmt_err(id, "two objects of the bundle have this id"));
            }
        }
        // An opinion by an identity the bundle does not hold (producers often leave their own
        // identity out): the identity is made an organization named by its id.
        for (t, id, o) in &typed {
            if *t != "opinion" {
                continue;
            }
            if let Some(by) = o.get("created_by_ref").and_then(Value::as_str) {
                if !reader.nodes.contains_key(by) && by.starts_with("identity--") {
                    reader.nodes.insert(by, (by.to_owned(), Node::Source));
                    reader
                        .records
                        .sources
                        .push(Source::new(by, SourceKind::Organization, by));
                    reader.report.note(format!(
                        "{by} is not in the bundle; opinion {id} names it as created_by_ref, so it is read as an organization"
                    ));
                }
            }
        }
        for (t, id, o) in &typed {
            match *t {
                "identity" => reader.identity(id, o)?,
                "note" => reader.note(id, o)?,
                "opinion" => reader.opinion(id, o)?,
                "relationship" => reader.relationship(id, o)?,
                other => reader.report.skip(
                    other,
                    id,
                    None,
                    Some(&Value::Object((*o).clone())),
                    "a STIX object kind with no claimgraph meaning",
                ),
            }
        }
        let Reader {
            records,
            mut report,
            ..
        } = reader;
        report.count(&records);
        let graph = ClaimGraph::from_records(records)?;
        Ok((graph, report))
    }
}
