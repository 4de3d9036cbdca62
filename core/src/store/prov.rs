//! The history in other vocabularies: W3C PROV for the record's own provenance, and ClaimReview
//! with revised ratings marked superseded.

use std::collections::HashMap;

use serde_json::{json, Map, Value};

use super::history::{format_time, Event};
use super::record::Action;
use crate::error::{RecordKind, Result};
use crate::graph::ClaimGraph;
use crate::io::{CLAIMGRAPH_NAMESPACE, EDGE_NAMESPACE, NODE_NAMESPACE};
use crate::model::Verdict;

/// The namespace of history terms (prefix `cgh`): changes, actors and record versions.
pub(crate) const HISTORY_NAMESPACE: &str = "urn:claimgraph:history:";

fn local(s: &str) -> String {
    // PROV-JSON QNames: keep letters, digits, '-', '_' and '.', percent-encode the rest.
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn record_qname(kind: RecordKind, id: &str) -> String {
    match kind {
        RecordKind::Source | RecordKind::Claim | RecordKind::Node => format!("node:{}", local(id)),
        _ => format!("edge:{}", local(id)),
    }
}

/// One PROV-JSON document for a whole history.
pub(crate) fn history_document(events: &[Event]) -> String {
    let mut agents = Map::new();
    let mut activities = Map::new();
    let mut entities = Map::new();
    let mut generated = Map::new();
    let mut associated = Map::new();
    let mut derived = Map::new();
    let mut invalidated = Map::new();
    let mut specialized = Map::new();
    let mut last_version: HashMap<(RecordKind, &str), String> = HashMap::new();

    for e in events {
        let change = format!("cgh:change-{}", e.change);
        let agent = format!("cgh:actor-{}", local(&e.actor));
        let at = format_time(&e.at);
        agents
            .entry(agent.clone())
            .or_insert_with(|| json!({ "prov:label": e.actor }));
        if !activities.contains_key(&change) {
            let mut a = Map::new();
            a.insert("prov:startTime".into(), json!(at));
            a.insert("prov:endTime".into(), json!(at));
            a.insert("cg:operation".into(), json!(e.operation));
            if let Some(r) = &e.reason {
                a.insert("cg:reason".into(), json!(r));
            }
            if let Some(u) = e.undoes {
                a.insert("cg:undoes".into(), json!(format!("cgh:change-{u}")));
            }
            activities.insert(change.clone(), Value::Object(a));
            associated.insert(
                format!("_:assoc-{}", e.change),
                json!({ "prov:activity": change, "prov:agent": agent }),
            );
        }
        let key = (e.kind, e.id.as_str());
        let previous = last_version.get(&key).cloned();
        if let Some(prev) = &previous {
            if e.action != Action::Add {
                invalidated.insert(
                    format!("_:inv-{}", e.seq),
                    json!({ "prov:entity": prev, "prov:activity": change, "prov:time": at }),
                );
            }
        }
        if let Some(after) = &e.after {
            let version = format!("cgh:version-{}", e.seq);
            entities.insert(
                version.clone(),
                json!({
                    "prov:type": { "$": "cg:RecordVersion", "type": "prov:QUALIFIED_NAME" },
                    "cg:recordKind": e.kind.as_str(),
                    "cg:value": after.to_json(),
                }),
            );
            let record = record_qname(e.kind, &e.id);
            entities
                .entry(record.clone())
                .or_insert_with(|| json!({ "cg:recordKind": e.kind.as_str() }));
            generated.insert(
                format!("_:gen-{}", e.seq),
                json!({ "prov:entity": version, "prov:activity": change, "prov:time": at }),
            );
            specialized.insert(
                format!("_:spec-{}", e.seq),
                json!({ "prov:specificEntity": version, "prov:generalEntity": record }),
            );
            if let Some(prev) = &previous {
                derived.insert(
                    format!("_:rev-{}", e.seq),
                    json!({
                        "prov:generatedEntity": version,
                        "prov:usedEntity": prev,
                        "prov:activity": change,
                        "prov:type": { "$": "prov:Revision", "type": "prov:QUALIFIED_NAME" },
                    }),
                );
            }
            last_version.insert(key, version);
        } else {
            last_version.remove(&key);
        }
    }

    let mut doc = Map::new();
    doc.insert(
        "prefix".into(),
        json!({
            "cg": CLAIMGRAPH_NAMESPACE,
            "cgh": HISTORY_NAMESPACE,
            "node": NODE_NAMESPACE,
            "edge": EDGE_NAMESPACE,
        }),
    );
    for (name, map) in [
        ("entity", entities),
        ("activity", activities),
        ("agent", agents),
        ("wasGeneratedBy", generated),
        ("wasAssociatedWith", associated),
        ("wasDerivedFrom", derived),
        ("wasInvalidatedBy", invalidated),
        ("specializationOf", specialized),
    ] {
        if !map.is_empty() {
            doc.insert(name.into(), Value::Object(map));
        }
    }
    serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default()
}

/// The graph's ClaimReview export with each earlier value of a revised verdict added as a review
/// with `creativeWorkStatus: "Superseded"` and the time it was replaced.
pub(crate) fn claimreview_with_superseded(
    g: &ClaimGraph,
    earlier: &[(Verdict, chrono::DateTime<chrono::Utc>)],
) -> Result<String> {
    let mut with_old = g.clone();
    let mut marks = HashMap::new();
    for (n, (v, replaced)) in earlier.iter().enumerate() {
        let mut old = v.clone();
        old.id = format!("{}~superseded-{}", v.id, n + 1);
        marks.insert(
            format!("{EDGE_NAMESPACE}{}", crate::io::prov::encode_local(&old.id)),
            (v.id.clone(), *replaced),
        );
        // The reviewer and claim of a verdict that is still in the graph are too.
        if with_old.add_verdict(old).is_err() {
            continue;
        }
    }
    let text = with_old.to_claimreview_json();
    let mut reviews: Value = serde_json::from_str(&text).unwrap_or(Value::Array(Vec::new()));
    if let Value::Array(items) = &mut reviews {
        for item in items.iter_mut() {
            let Value::Object(m) = item else { continue };
            let Some(id) = m.get("@id").and_then(Value::as_str).map(str::to_owned) else {
                continue;
            };
            if let Some((current, replaced)) = marks.get(&id) {
                m.insert("creativeWorkStatus".into(), json!("Superseded"));
                m.insert(
                    "cg:supersededBy".into(),
                    json!(format!(
                        "{EDGE_NAMESPACE}{}",
                        crate::io::prov::encode_local(current)
                    )),
                );
                m.insert("cg:supersededAt".into(), json!(format_time(replaced)));
            }
        }
    }
    Ok(serde_json::to_string_pretty(&reviews).unwrap_or_default())
}
