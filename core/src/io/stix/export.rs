//! Writing a graph as a STIX 2.1 bundle.

use serde_json::{Map, Value};

use super::{
    claim_relationship_type, identity_class, opinion_of, opinion_of_truth,
    source_relationship_type, stix_id, TIMESTAMP,
};
use crate::graph::ClaimGraph;
use crate::model::{Attribution, Claim, Source, Verdict};
use crate::time::When;

fn s(v: &str) -> Value {
    Value::String(v.to_owned())
}

fn strings(items: &[String]) -> Value {
    Value::Array(items.iter().map(|i| s(i)).collect())
}

fn num(v: f64) -> Value {
    serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
}

fn when(w: &When) -> Value {
    s(&w.to_string())
}

/// The properties every STIX object of this bundle starts with.
fn object(stix_type: &str, id: &str, own_id: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("type".into(), s(stix_type));
    m.insert("spec_version".into(), s("2.1"));
    m.insert("id".into(), s(id));
    m.insert("created".into(), s(TIMESTAMP));
    m.insert("modified".into(), s(TIMESTAMP));
    m.insert("x_claimgraph_id".into(), s(own_id));
    m
}

fn url_reference(url: &str) -> Value {
    let mut r = Map::new();
    r.insert("source_name".into(), s("url"));
    r.insert("url".into(), s(url));
    Value::Array(vec![Value::Object(r)])
}

pub(super) fn source_ref(id: &str) -> String {
    stix_id("identity", "node:", id)
}

pub(super) fn claim_ref(id: &str) -> String {
    stix_id("note", "node:", id)
}

fn identity(src: &Source) -> Value {
    let mut m = object("identity", &source_ref(&src.id), &src.id);
    m.insert("name".into(), s(&src.name));
    m.insert("identity_class".into(), s(identity_class(src.kind)));
    m.insert("x_claimgraph_kind".into(), s(src.kind.as_str()));
    if !src.aliases.is_empty() {
        m.insert("x_claimgraph_aliases".into(), strings(&src.aliases));
    }
    if let Some(r) = src.reliability {
        m.insert("x_claimgraph_reliability".into(), s(r.as_str()));
    }
    if let Some(u) = &src.url {
        m.insert("external_references".into(), url_reference(u));
    }
    if let Some(t) = &src.title {
        m.insert("x_claimgraph_title".into(), s(t));
    }
    if let Some(p) = &src.published {
        m.insert("x_claimgraph_published".into(), when(p));
    }
    Value::Object(m)
}

fn note(g: &ClaimGraph, c: &Claim) -> Value {
    let mut m = object("note", &claim_ref(&c.id), &c.id);
    m.insert("content".into(), s(&c.text));
    // A note must be about something: its subjects, else whoever takes a stance on it or
    // reviewed it, else the note itself.
    let mut refs: Vec<String> = c.subjects.iter().map(|x| source_ref(x)).collect();
    if refs.is_empty() {
        let attributions = g.attributions_of(&c.id).unwrap_or_default();
        let verdicts = g.verdicts_of(&c.id).unwrap_or_default();
        for id in attributions
            .iter()
            .map(|a| &a.source)
            .chain(verdicts.iter().map(|v| &v.reviewer))
        {
            let r = source_ref(id);
            if !refs.contains(&r) {
                refs.push(r);
            }
        }
    }
    if refs.is_empty() {
        refs.push(claim_ref(&c.id));
    }
    m.insert("object_refs".into(), strings(&refs));
    if !c.subjects.is_empty() {
        // STIX allows no empty lists; a claimgraph note without this has no subjects.
        m.insert(
            "x_claimgraph_subjects".into(),
            Value::Array(c.subjects.iter().map(|x| s(&source_ref(x))).collect()),
        );
    }
    if !c.tags.is_empty() {
        m.insert("labels".into(), strings(&c.tags));
    }
    if let Some(p) = &c.period {
        let mut pm = Map::new();
        if let Some(w) = &p.start {
            pm.insert("start".into(), when(w));
        }
        if let Some(w) = &p.end {
            pm.insert("end".into(), when(w));
        }
        m.insert("x_claimgraph_period".into(), Value::Object(pm));
    }
    if let Some(q) = &c.quantity {
        let mut qm = Map::new();
        qm.insert("value".into(), num(q.value));
        qm.insert("unit".into(), s(&q.unit));
        m.insert("x_claimgraph_quantity".into(), Value::Object(qm));
    }
    Value::Object(m)
}

fn attribution_opinion(g: &ClaimGraph, a: &Attribution) -> Value {
    let mut m = object("opinion", &stix_id("opinion", "edge:", &a.id), &a.id);
    m.insert("created_by_ref".into(), s(&source_ref(&a.source)));
    if let Some(src) = g.source(&a.source) {
        m.insert("authors".into(), Value::Array(vec![s(&src.name)]));
    }
    m.insert("opinion".into(), s(opinion_of(a.stance)));
    m.insert(
        "object_refs".into(),
        Value::Array(vec![s(&claim_ref(&a.claim))]),
    );
    if let Some(q) = &a.quote {
        m.insert("explanation".into(), s(q));
    }
    m.insert("x_claimgraph_record".into(), s("attribution"));
    m.insert("x_claimgraph_stance".into(), s(a.stance.as_str()));
    m.insert("x_claimgraph_modality".into(), s(a.modality.as_str()));
    if let Some(w) = &a.said {
        m.insert("x_claimgraph_said".into(), when(w));
    }
    if let Some(v) = a.reported_in() {
        m.insert("x_claimgraph_via".into(), s(&source_ref(v)));
    }
    // The whole reporting chain, when it says more than its last hop.
    if a.via.len() > 1 || a.via.iter().any(|h| h.date.is_some()) {
        let hops = a
            .via
            .iter()
            .map(|h| {
                let mut hm = Map::new();
                hm.insert("source_ref".into(), s(&source_ref(&h.source)));
                if let Some(d) = &h.date {
                    hm.insert("date".into(), when(d));
                }
                Value::Object(hm)
            })
            .collect();
        m.insert("x_claimgraph_hops".into(), Value::Array(hops));
    }
    if !a.basis.is_empty() {
        let basis = a.basis.iter().map(|b| s(&source_ref(b))).collect();
        m.insert("x_claimgraph_basis".into(), Value::Array(basis));
    }
    if !a.covers.is_empty() {
        let covered = a.covers.iter().map(|c| s(&claim_ref(c))).collect();
        m.insert("x_claimgraph_covers".into(), Value::Array(covered));
    }
    Value::Object(m)
}

fn verdict_opinion(g: &ClaimGraph, v: &Verdict) -> Value {
    let mut m = object("opinion", &stix_id("opinion", "edge:", &v.id), &v.id);
    m.insert("created_by_ref".into(), s(&source_ref(&v.reviewer)));
    if let Some(src) = g.source(&v.reviewer) {
        m.insert("authors".into(), Value::Array(vec![s(&src.name)]));
    }
    m.insert("opinion".into(), s(opinion_of_truth(v.truth())));
    m.insert(
        "object_refs".into(),
        Value::Array(vec![s(&claim_ref(&v.claim))]),
    );
    if let Some(t) = &v.summary {
        m.insert("explanation".into(), s(t));
    }
    if let Some(u) = &v.url {
        m.insert("external_references".into(), url_reference(u));
    }
    m.insert("x_claimgraph_record".into(), s("verdict"));
    m.insert("x_claimgraph_label".into(), s(&v.label));
    if let Some(r) = &v.rating {
        let mut rm = Map::new();
        rm.insert("value".into(), num(r.value));
        rm.insert("best".into(), num(r.best));
        rm.insert("worst".into(), num(r.worst));
        m.insert("x_claimgraph_rating".into(), Value::Object(rm));
    }
    if let Some(d) = &v.date {
        m.insert("x_claimgraph_date".into(), when(d));
    }
    Value::Object(m)
}

fn relationship(
    own_id: &str,
    relationship_type: &str,
    from: String,
    to: String,
    date: Option<&When>,
) -> Value {
    let mut m = object(
        "relationship",
        &stix_id("relationship", "edge:", own_id),
        own_id,
    );
    m.insert("relationship_type".into(), s(relationship_type));
    m.insert("source_ref".into(), s(&from));
    m.insert("target_ref".into(), s(&to));
    if let Some(d) = date {
        m.insert("x_claimgraph_date".into(), when(d));
    }
    Value::Object(m)
}

impl ClaimGraph {
    /// The graph as a STIX 2.1 bundle, the JSON that disinformation and threat-intelligence
    /// teams exchange. Deterministic: the same graph gives the same bytes.
    ///
    /// | claimgraph | STIX 2.1 |
    /// |---|---|
    /// | source | `identity`: `identity_class` `individual` (person), `organization` (organization, government, outlet), `group` (unnamed group), `class` (collective), `unknown` (document); its url as an `external_references` entry |
    /// | claim | `note`: its text as `content`, its tags as `labels`; `object_refs` its subjects (else whoever takes a stance on it or reviewed it, since a note must be about something) |
    /// | attribution | `opinion` by the source (`created_by_ref`, its name in `authors`) on the claim's note: asserts `agree`, denies `disagree`, doubts `neutral`; the quote as `explanation` |
    /// | verdict | `opinion` by the reviewer on the claim's note, from its truth: 1 `strongly-agree`, 0.75 `agree`, 0.5 or none `neutral`, 0.25 `disagree`, 0 `strongly-disagree`; the summary as `explanation`, the url as an `external_references` entry |
    /// | source relation | `relationship` between identities: `cites`, `authored-by`, `published-in`, `affiliated-with` |
    /// | claim relation | `relationship` between notes: `supports`, `contradicts`, `specializes`, `duplicate-of` (same-as), `depends-on` |
    ///
    /// Ids are deterministic: [`stix_id`](crate::io::stix_id), the UUIDv5 of the claimgraph id
    /// (`identity--…` for a source, `note--…` for a claim, `opinion--…` and `relationship--…`
    /// for edges). What STIX has no property for is kept in custom properties prefixed
    /// `x_claimgraph_` (the claimgraph id, a source's kind, aliases, reliability, title and
    /// publication date, a claim's subjects, period and quantity, a stance with its modality,
    /// date and `via`, a verdict's label, rating and date, a relation's date), so that
    /// [`ClaimGraph::from_stix_json`] reads the bundle back into an equal graph. `created` and
    /// `modified` are `1970-01-01T00:00:00.000Z`: the graph records no time of writing.
    ///
    /// ```
    /// use claimgraph::{Attribution, Claim, ClaimGraph, Source, SourceKind, Stance};
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("russia", SourceKind::Government, "Russia"))?;
    /// g.add_claim(Claim::new("ammo", "DPRK supplies ammunition to Russia"))?;
    /// g.add_attribution(Attribution::new("russia", "ammo", Stance::Denies).quote("mad rumors"))?;
    /// let bundle = g.to_stix_json();
    /// assert!(bundle.contains(r#""opinion": "disagree""#));
    /// let (back, report) = ClaimGraph::from_stix_json(&bundle)?;
    /// assert_eq!(back, g);
    /// assert!(report.skipped.is_empty());
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn to_stix_json(&self) -> String {
        let r = self.records();
        let mut objects: Vec<Value> = Vec::new();
        objects.extend(r.sources.iter().map(identity));
        objects.extend(r.claims.iter().map(|c| note(self, c)));
        objects.extend(r.attributions.iter().map(|a| attribution_opinion(self, a)));
        objects.extend(r.verdicts.iter().map(|v| verdict_opinion(self, v)));
        objects.extend(r.source_relations.iter().map(|rel| {
            relationship(
                &rel.id,
                source_relationship_type(rel.kind),
                source_ref(&rel.from),
                source_ref(&rel.to),
                rel.date.as_ref(),
            )
        }));
        objects.extend(r.claim_relations.iter().map(|rel| {
            relationship(
                &rel.id,
                claim_relationship_type(rel.kind),
                claim_ref(&rel.from),
                claim_ref(&rel.to),
                None,
            )
        }));
        let ids: Vec<&str> = objects
            .iter()
            .filter_map(|o| o.get("id").and_then(Value::as_str))
            .collect();
        let mut bundle = Map::new();
        bundle.insert("type".into(), s("bundle"));
        bundle.insert(
            "id".into(),
            s(&stix_id("bundle", "bundle:", &ids.join("\n"))),
        );
        bundle.insert("objects".into(), Value::Array(objects));
        serde_json::to_string_pretty(&Value::Object(bundle)).unwrap_or_default()
    }
}
