//! The second half of a PROV-JSON import: the gathered elements become sources, claims and
//! verdicts, and the relations between them attributions and relations, with everything that
//! has no claimgraph meaning reported.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{fmt_err, Attr, AttrValue, Element, Lit, Reader, Relation, Resolved, Scope};
use crate::error::{Error, Result};
use crate::graph::Records;
use crate::io::prov::context::{Derivation, DerivationType, ProvContext};
use crate::io::prov::{
    claim_relation_type, decode_local, ImportReport, CLAIMGRAPH_NAMESPACE, EDGE_NAMESPACE, PROV_NS,
};
use crate::model::{
    Attribution, Claim, ClaimRelation, ClaimRelationKind, Hop, Modality, Quantity, Rating, Source,
    SourceKind, SourceRelation, SourceRelationKind, Stance, Verdict,
};
use crate::time::{Period, When};

impl Reader {
    pub(super) fn finish(mut self) -> Result<(Records, ImportReport, ProvContext)> {
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
        // Each edge id with the relation that took it first (an index into `resolved`).
        let mut edge_ids = BTreeMap::new();
        for n in 0..resolved.len() {
            self.read_relation(&resolved, n, &kinds, &mut records, &mut edge_ids)?;
        }
        let context = ProvContext {
            namespaces: self.namespaces,
            derivations: self.derivations,
        };
        Ok((records, self.report, context))
    }

    fn read_element(&mut self, id: &str, el: &Element) -> Result<Node> {
        let record = el.record.as_str();
        let section = if el.agent { "agent" } else { "entity" };
        let mut types = BTreeSet::new();
        for (scope, a) in &el.scope_attrs {
            if *a.iri == *format!("{PROV_NS}type") {
                for l in a.value.literals(record, &a.name)? {
                    types.insert(scope.iri(&l.text));
                }
            }
        }
        let own_claim = types.contains(&format!("{CLAIMGRAPH_NAMESPACE}Claim"));
        let claim_type = types.iter().find(|t| names_a_claim(t)).cloned();
        let is_claim = !el.agent && (own_claim || claim_type.is_some());
        let mut labels: Vec<Lit> = Vec::new();
        let mut other_names: Vec<(u8, String)> = Vec::new();
        let mut kind: Option<SourceKind> = None;
        let mut src = Source::new(id, SourceKind::Document, id);
        let mut claim = Claim::new(id, id);
        let mut period = Period::default();
        let mut quantity: (Option<f64>, Option<String>) = (None, None);
        for (scope, a) in &el.scope_attrs {
            let lits = a.value.literals(record, &a.name)?;
            let first = || lits.first().map(|l| l.text.clone()).unwrap_or_default();
            let cg = a.iri.strip_prefix(CLAIMGRAPH_NAMESPACE);
            let ctx = |e: Error| fmt_err(record, format!("attribute {}: {e}", a.name));
            let when = |s: String| When::parse(&s).map_err(ctx);
            match (cg, &*a.iri) {
                (_, i) if i == format!("{PROV_NS}type") => {
                    let unknown: Vec<Value> = lits
                        .iter()
                        .filter(|l| {
                            let t = scope.iri(&l.text);
                            let understood = KNOWN_ELEMENT_TYPES.contains(&t.as_str())
                                || t.starts_with(CLAIMGRAPH_NAMESPACE)
                                || (is_claim && names_a_claim(&t));
                            !understood
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
                (_, i) if is_claim && CLAIM_TEXT_IRIS.contains(&i) => {
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
            let text = label
                .or_else(|| other_names.first().map(|(_, n)| n.clone()))
                .filter(|t| !t.trim().is_empty());
            claim.text = match (text, &claim_type) {
                (Some(t), _) => t,
                (None, Some(_)) if !own_claim => {
                    let t = local_part(&el.written);
                    self.report.note(format!(
                        "{record} is a claim with no text (prov:label, schema:text, rdf:value, dcterms:title); its text is read as {t:?}"
                    ));
                    t
                }
                _ => return Err(fmt_err(record, "a claim needs its text as prov:label")),
            };
            if let (Some(t), false) = (&claim_type, own_claim) {
                self.report.note(format!(
                    "{record} is typed {t}, so it is read as a claim, and what it is attributed to as asserting it"
                ));
            }
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
            let lits = a.value.literals(record, &a.name)?;
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
                _ if *a.iri == *format!("{PROV_NS}label") => v.label = first,
                _ if *a.iri == *format!("{PROV_NS}type") => {}
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
        all: &[Resolved],
        n: usize,
        kinds: &BTreeMap<String, NodeKind>,
        records: &mut Records,
        edge_ids: &mut BTreeMap<String, usize>,
    ) -> Result<()> {
        let Some(Resolved {
            rel,
            from,
            to,
            types,
        }) = all.get(n)
        else {
            return Ok(());
        };
        let record = rel.record.as_str();
        let section = rel.section.as_str();
        let kind_of = |id: &str| kinds.get(id).copied();
        let (from_k, to_k) = (kind_of(from), kind_of(to));
        let explicit_id = self.edge_id(&rel.scope, &rel.written_id, record)?;
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
        let mut via: Vec<Hop> = Vec::new();
        let mut basis: Vec<String> = Vec::new();
        let mut covers: Vec<String> = Vec::new();
        let mut date = None;
        let mut since = None;
        let mut until = None;
        let mut derivation_types: Vec<DerivationType> = Vec::new();
        for a in &rel.attrs {
            if &*a.name == roles.0
                || &*a.name == roles.1
                || formal_iris.iter().any(|f| *f == *a.iri)
            {
                continue;
            }
            let lits = a.value.literals(record, &a.name)?;
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
                Some("via") if is_attr => {
                    for l in &lits {
                        via.push(self.hop(&rel.scope, l, record, &a.name)?);
                    }
                }
                Some(list @ ("basis" | "covers")) if is_attr => {
                    let mut ids = Vec::with_capacity(lits.len());
                    for l in &lits {
                        ids.push(self.node_id(&rel.scope, &l.text, record)?);
                    }
                    match list {
                        "basis" => basis = ids,
                        _ => covers = ids,
                    }
                }
                Some("date") if matches!(out, Out::Source(_)) => {
                    date = Some(When::parse(&first).map_err(ctx)?)
                }
                Some("since") if matches!(out, Out::Source(_)) => {
                    since = Some(When::parse(&first).map_err(ctx)?)
                }
                Some("until") if matches!(out, Out::Source(_)) => {
                    until = Some(When::parse(&first).map_err(ctx)?)
                }
                _ if *a.iri == *format!("{PROV_NS}type") => {
                    if matches!(out, Out::Source(SourceRelationKind::Cites)) {
                        // Kept whatever it is, and written back on export.
                        derivation_types.extend(lits.iter().map(|l| derivation_type(rel, l)));
                        continue;
                    }
                    let unknown: Vec<Value> = lits
                        .iter()
                        .filter(|l| !rel.scope.iri(&l.text).starts_with(CLAIMGRAPH_NAMESPACE))
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
                    .any(|k| *a.iri == format!("{PROV_NS}{k}")) =>
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

        let explicit = explicit_id.is_some();
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
                for hop in via {
                    if kind_of(&hop.source) == Some(S) {
                        a.via.push(hop);
                    } else {
                        self.report.notes.push(format!(
                            "{record}: cg:via names {}, which is not a source; left out",
                            hop.source
                        ));
                    }
                }
                for b in basis {
                    if kind_of(&b) == Some(S) {
                        a.basis.push(b);
                    } else {
                        self.report.notes.push(format!(
                            "{record}: cg:basis names {b}, which is not a source; left out"
                        ));
                    }
                }
                for c in covers {
                    if kind_of(&c) == Some(S) {
                        self.report.notes.push(format!(
                            "{record}: cg:covers names {c}, which is not a claim; left out"
                        ));
                    } else {
                        a.covers.push(c);
                    }
                }
                if self.claim_edge_id(&a.id, edge_ids, all, n, explicit) {
                    records.attributions.push(a);
                }
            }
            Out::Source(kind) => {
                let mut r = SourceRelation::new(from, kind, to);
                if let Some(id) = explicit_id {
                    r.id = id;
                }
                r.date = date;
                r.since = since;
                r.until = until;
                if self.claim_edge_id(&r.id, edge_ids, all, n, explicit) {
                    if kind == SourceRelationKind::Cites {
                        self.keep_derivation(&r, derivation_types, record);
                    }
                    records.source_relations.push(r);
                }
            }
            Out::Claim(kind) => {
                let mut r = ClaimRelation::new(from, kind, to);
                if let Some(id) = explicit_id {
                    r.id = id;
                }
                if self.claim_edge_id(&r.id, edge_ids, all, n, explicit) {
                    records.claim_relations.push(r);
                }
            }
        }
        Ok(())
    }

    /// Reserves an edge id; a relation whose id is taken is reported with its content, not
    /// added.
    fn claim_edge_id(
        &mut self,
        id: &str,
        edge_ids: &mut BTreeMap<String, usize>,
        all: &[Resolved],
        n: usize,
        explicit: bool,
    ) -> bool {
        let Some(rel) = all.get(n).map(|r| &r.rel) else {
            return false;
        };
        let first = match edge_ids.get(id) {
            None => {
                edge_ids.insert(id.to_owned(), n);
                return true;
            }
            Some(first) => all.get(*first).map(|r| attrs_value(&r.rel.attrs)),
        };
        let value = attrs_value(&rel.attrs);
        let reason = match first {
            _ if !explicit => format!(
                "a second {} between the same records as {id}, which a claim graph records once",
                rel.section
            ),
            Some(first) if first == value => {
                format!("repeats the relation {id} as it was already read")
            }
            _ => format!(
                "a second relation with the id {id}, which PROV-CONSTRAINTS forbids (one id, one relation); the first one is kept"
            ),
        };
        self.report
            .skip(&rel.section, &rel.written_id, None, Some(&value), reason);
        false
    }

    /// Keeps the types a derivation read as cites was written with, unless it is the
    /// quotation claimgraph writes for cites; a type without a claimgraph meaning is noted.
    fn keep_derivation(&mut self, r: &SourceRelation, types: Vec<DerivationType>, record: &str) {
        let quotation = DerivationType::Iri(format!("{PROV_NS}Quotation"));
        if types == [quotation] {
            return;
        }
        let known = ["Quotation", "PrimarySource", "Revision"].map(|k| format!("{PROV_NS}{k}"));
        for t in &types {
            let meaningful = matches!(t, DerivationType::Iri(i) if known.contains(i));
            if !meaningful {
                let shown = match t {
                    DerivationType::Iri(i) | DerivationType::Text(i) => i,
                };
                self.report.note(format!(
                    "{record}: the derivation type {shown} has no claimgraph meaning; the derivation is read as cites, and the type is kept for export"
                ));
            }
        }
        self.derivations.insert(
            r.id.clone(),
            Derivation {
                from: r.from.clone(),
                to: r.to.clone(),
                types,
            },
        );
    }

    /// A hop of `cg:via`: a source's qualified name, or a `cg:DatedHop` ("node:abc 2011-12-02").
    fn hop(&mut self, scope: &Scope, l: &Lit, record: &str, attr: &str) -> Result<Hop> {
        let dated = l
            .datatype
            .as_deref()
            .is_some_and(|t| scope.iri(t) == format!("{CLAIMGRAPH_NAMESPACE}DatedHop"));
        if !dated {
            return Ok(Hop::new(self.node_id(scope, &l.text, record)?));
        }
        let (name, date) = l.text.rsplit_once(' ').ok_or_else(|| {
            fmt_err(
                record,
                format!("attribute {attr}: a cg:DatedHop is a qualified name, a space and a date"),
            )
        })?;
        let date =
            When::parse(date).map_err(|e| fmt_err(record, format!("attribute {attr}: {e}")))?;
        Ok(Hop::new(self.node_id(scope, name, record)?).on(date))
    }
}

/// A derivation's `prov:type` value: a qualified name (typed as one, or a string whose prefix
/// the document binds) as its IRI, anything else as text.
fn derivation_type(rel: &Relation, l: &Lit) -> DerivationType {
    let typed_qn = l.datatype.as_deref().is_some_and(|t| {
        let t = rel.scope.iri(t);
        t == format!("{PROV_NS}QUALIFIED_NAME") || t.ends_with("QName")
    });
    let bound = l
        .text
        .split_once(':')
        .is_some_and(|(p, _)| rel.scope.prefixes.contains_key(p));
    if typed_qn || (l.datatype.is_none() && bound) {
        DerivationType::Iri(rel.scope.iri(&l.text))
    } else {
        DerivationType::Text(l.text.clone())
    }
}

fn attrs_value(attrs: &[Attr]) -> Value {
    Value::Object(
        attrs
            .iter()
            .map(|a| (a.name.to_string(), a.value.to_json()))
            .collect(),
    )
}

/// The expanded `prov:type` values of a relation.
fn relation_types(rel: &Relation) -> Result<BTreeSet<String>> {
    let mut types = BTreeSet::new();
    for a in &rel.attrs {
        if *a.iri == *format!("{PROV_NS}type") {
            for l in a.value.literals(&rel.record, &a.name)? {
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

/// Whether a type names a claim in a common vocabulary: schema.org `Claim`, a nanopublication
/// `Assertion`, `rdf:Statement`, or any type whose local name is claim, assertion or statement.
fn names_a_claim(iri: &str) -> bool {
    let local = iri.rsplit(['#', '/', ':']).next().unwrap_or(iri);
    ["claim", "assertion", "statement"]
        .iter()
        .any(|k| local.eq_ignore_ascii_case(k))
}

/// Where a claim's text is, besides `prov:label` and the names.
const CLAIM_TEXT_IRIS: [&str; 4] = [
    "http://schema.org/text",
    "https://schema.org/text",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#value",
    "http://purl.org/dc/terms/title",
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
        .find(|a| &*a.name == key || *a.iri == format!("{PROV_NS}{local}"))
        .ok_or_else(|| fmt_err(&rel.record, format!("{key} is missing")))?;
    let v = match &a.value {
        AttrValue::Text(s) => return Ok(s.clone()),
        AttrValue::Typed(l) => return Ok(l.text.clone()),
        AttrValue::Json(v) => v,
    };
    match v {
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
