//! What a PROV-JSON document says that claimgraph's records do not hold, kept with the graph so
//! that an export writes it back: the document's prefixes (the identity of what it describes)
//! and the kind of each derivation read as cites.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{encode_local, CLAIMGRAPH_NAMESPACE, EDGE_NAMESPACE, NODE_NAMESPACE, PROV_NS, XSD_NS};
use crate::error::{Error, Result};
use crate::graph::ClaimGraph;
use crate::model::SourceRelationKind;

/// Prefixes claimgraph's own PROV-JSON binds; a document's prefixes of these names are not kept.
pub(crate) const RESERVED_PREFIXES: [(&str, &str); 5] = [
    ("prov", PROV_NS),
    ("xsd", XSD_NS),
    ("cg", CLAIMGRAPH_NAMESPACE),
    ("node", NODE_NAMESPACE),
    ("edge", EDGE_NAMESPACE),
];

/// The key of the default namespace in a prefix map, as PROV-JSON writes it.
pub(crate) const DEFAULT_PREFIX: &str = "default";

/// One `prov:type` of a derivation, as the document gave it. In native JSON, `{"iri": ...}` or
/// `{"text": ...}`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum DerivationType {
    /// A qualified name, kept as the IRI it stands for (`http://www.w3.org/ns/prov#Revision`).
    Iri(String),
    /// A type written as plain text (`"a paraphrase"`).
    Text(String),
}

/// A cites relation's derivation types, with the endpoints they were read for: an entry whose
/// relation has since changed is not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Derivation {
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) types: Vec<DerivationType>,
}

/// The PROV context of a graph: its namespaces and the derivation types of its cites relations
/// that are not `prov:Quotation` (what claimgraph writes for cites).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ProvContext {
    pub(crate) namespaces: BTreeMap<String, String>,
    pub(crate) derivations: BTreeMap<String, Derivation>,
}

/// Whether `local` can stand as the local part of a qualified name as it is.
fn plain_local(local: &str) -> bool {
    !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"\"<>\\^`{|}".contains(c))
}

impl ProvContext {
    /// The qualified name an id is written as: the id itself when it is a qualified name in one
    /// of the graph's namespaces (`ex:article`) or a plain name in its default namespace, else
    /// the id percent-encoded in claimgraph's namespace `fallback` (`node` or `edge`). An edge
    /// id with a colon in its local part is one claimgraph made up for a relation the document
    /// left unnamed (`ex:chart2:cites:ex:dataSet2`): it is not given an IRI of the document's.
    pub(crate) fn qname(&self, id: &str, fallback: &str) -> String {
        let own = match id.split_once(':') {
            Some((p, local)) => {
                p != DEFAULT_PREFIX
                    && self.namespaces.contains_key(p)
                    && plain_local(local)
                    && !(fallback == "edge" && local.contains(':'))
            }
            None => self.namespaces.contains_key(DEFAULT_PREFIX) && plain_local(id),
        };
        if own {
            id.to_owned()
        } else {
            format!("{fallback}:{}", encode_local(id))
        }
    }

    /// The qualified name an IRI is written as with the graph's prefixes (`prov:Revision`),
    /// if one of them is its namespace.
    pub(crate) fn compact(&self, iri: &str) -> Option<String> {
        let reserved = RESERVED_PREFIXES.iter().map(|(p, ns)| (*p, *ns));
        let own = self
            .namespaces
            .iter()
            .filter(|(p, _)| *p != DEFAULT_PREFIX)
            .map(|(p, ns)| (p.as_str(), ns.as_str()));
        reserved.chain(own).find_map(|(p, ns)| {
            iri.strip_prefix(ns)
                .filter(|local| plain_local(local) && !local.contains(':'))
                .map(|local| format!("{p}:{local}"))
        })
    }

    /// Takes `other`'s namespaces and derivation types where this context has none of that
    /// prefix or relation.
    pub(crate) fn absorb(&mut self, other: &ProvContext) {
        for (p, ns) in &other.namespaces {
            self.namespaces
                .entry(p.clone())
                .or_insert_with(|| ns.clone());
        }
        for (id, d) in &other.derivations {
            self.derivations
                .entry(id.clone())
                .or_insert_with(|| d.clone());
        }
    }

    /// The derivation types kept for the cites relation `id` from `from` to `to`.
    pub(crate) fn derivation(&self, id: &str, from: &str, to: &str) -> Option<&[DerivationType]> {
        self.derivations
            .get(id)
            .filter(|d| d.from == from && d.to == to)
            .map(|d| d.types.as_slice())
    }
}

/// The PROV context as native JSON keeps it: `"prov": {"namespaces": {...}, "derivations":
/// {relation id: [types]}}`, each part left out when empty.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NativeProv {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) namespaces: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) derivations: BTreeMap<String, Vec<DerivationType>>,
}

impl NativeProv {
    /// What of the graph's PROV context still applies to its records; `None` when nothing.
    pub(crate) fn of(g: &ClaimGraph) -> Option<NativeProv> {
        let derivations: BTreeMap<String, Vec<DerivationType>> = g
            .prov
            .derivations
            .keys()
            .filter_map(|id| Some((id.clone(), g.derivation_types(id)?.to_vec())))
            .collect();
        let native = NativeProv {
            namespaces: g.prov.namespaces.clone(),
            derivations,
        };
        (!native.namespaces.is_empty() || !native.derivations.is_empty()).then_some(native)
    }

    /// Gives the graph this context. Errors name the prefix, or the relation a derivation type
    /// is kept for when it is not a cites relation of the graph.
    pub(crate) fn apply(self, g: &mut ClaimGraph) -> std::result::Result<(), (String, String)> {
        for (p, ns) in self.namespaces {
            // As a PROV document named it (set_namespace's rule for new prefixes is stricter);
            // only claimgraph's own prefixes cannot be rebound.
            if RESERVED_PREFIXES.iter().any(|(r, _)| *r == p) {
                return Err((
                    format!("prov.namespaces {p}"),
                    format!("the prefix {p} is claimgraph's own (prov, xsd, cg, node, edge)"),
                ));
            }
            g.prov.namespaces.insert(p, ns);
        }
        for (id, types) in self.derivations {
            match g.source_relation(&id) {
                Some(r) if r.kind == SourceRelationKind::Cites => {
                    g.prov.derivations.insert(
                        id,
                        Derivation {
                            from: r.from,
                            to: r.to,
                            types,
                        },
                    );
                }
                _ => {
                    return Err((
                        format!("prov.derivations {id}"),
                        format!("{id} is not a cites relation of the graph"),
                    ))
                }
            }
        }
        Ok(())
    }
}

impl ClaimGraph {
    /// The namespaces the graph's ids are qualified names in, by prefix (`"default"` for the
    /// default namespace), as read from a PROV-JSON document or set with
    /// [`ClaimGraph::set_namespace`]. An id `ex:article` with `ex` bound to
    /// `http://example.org/` stands for `http://example.org/article`, and
    /// [`ClaimGraph::to_prov_json`] writes it as `ex:article` with that prefix, so the document
    /// still joins with others about the same things.
    pub fn namespaces(&self) -> &BTreeMap<String, String> {
        &self.prov.namespaces
    }

    /// Binds `prefix` (or `"default"`, the namespace of ids without a prefix) to the namespace
    /// `iri` for PROV-JSON export.
    ///
    /// Errors: [`Error::Format`] naming the prefix when the prefix is empty, holds
    /// characters a prefix cannot (`:`, spaces), or is one of the prefixes claimgraph's own
    /// vocabulary uses (`prov`, `xsd`, `cg`, `node`, `edge`), or when `iri` is empty.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Source, SourceKind};
    /// let mut g = ClaimGraph::new();
    /// g.set_namespace("ex", "http://example.org/")?;
    /// g.add_source(Source::new("ex:tass", SourceKind::Outlet, "TASS"))?;
    /// assert!(g.to_prov_json().contains("\"ex:tass\""));
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn set_namespace(&mut self, prefix: &str, iri: &str) -> Result<()> {
        let bad = |message: String| Error::Format {
            format: super::FORMAT,
            location: crate::error::Location {
                record: Some(format!("prefix {prefix}")),
                ..Default::default()
            },
            message,
        };
        let well_formed = !prefix.is_empty()
            && prefix
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.')
            && !prefix.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.');
        if !well_formed {
            return Err(bad(format!("{prefix:?} is not a namespace prefix")));
        }
        if RESERVED_PREFIXES.iter().any(|(p, _)| *p == prefix) {
            return Err(bad(format!(
                "the prefix {prefix} is claimgraph's own (prov, xsd, cg, node, edge)"
            )));
        }
        if iri.trim().is_empty() {
            return Err(bad("a namespace needs an IRI".to_owned()));
        }
        self.prov
            .namespaces
            .insert(prefix.to_owned(), iri.to_owned());
        Ok(())
    }

    /// The `prov:type`s a cites relation was read with from PROV-JSON, which
    /// [`ClaimGraph::to_prov_json`] writes back: `prov:PrimarySource`, `prov:Revision`, none
    /// (an untyped derivation), or a type of another vocabulary. `None` for a cites relation
    /// written as claimgraph writes cites (`prov:Quotation`), and for any other relation.
    pub fn derivation_types(&self, relation_id: &str) -> Option<&[DerivationType]> {
        let r = self.source_relation(relation_id)?;
        if r.kind != SourceRelationKind::Cites {
            return None;
        }
        self.prov.derivation(relation_id, &r.from, &r.to)
    }
}
