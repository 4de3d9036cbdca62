//! The parties and documents a review names, made sources of the graph, and the records that
//! join them; every record added is remembered so that a failed import can be rolled back.

use serde_json::{Map, Value};

use super::values::{date, host_of, objects, slug, text, texts, types_of};
use super::{fmt_err, Importer, Role};
use crate::error::{RecordKind, Result};
use crate::io::prov::{decode_local, EDGE_NAMESPACE, NODE_NAMESPACE};
use crate::lexicon::unnamed_source_kind;
use crate::model::{
    Attribution, Reliability, Source, SourceKind, SourceRelation, SourceRelationKind,
};

const WORK_TYPES: [&str; 19] = [
    "CreativeWork",
    "Article",
    "NewsArticle",
    "OpinionNewsArticle",
    "AnalysisNewsArticle",
    "ReportageNewsArticle",
    "BlogPosting",
    "SocialMediaPosting",
    "WebPage",
    "WebSite",
    "MediaObject",
    "VideoObject",
    "AudioObject",
    "ImageObject",
    "Clip",
    "VideoGameClip",
    "Report",
    "Book",
    "Speech",
];

impl Importer<'_, '_> {
    /// The id an `@id` gives: claimgraph's own decoded, anything else made a slug.
    pub(super) fn id_from_iri(&self, iri: &str, path: &str) -> Result<String> {
        for ns in [NODE_NAMESPACE, EDGE_NAMESPACE] {
            if let Some(local) = iri.strip_prefix(ns) {
                return decode_local(local).ok_or_else(|| {
                    fmt_err(
                        &format!("{path}.@id"),
                        format!("{iri:?} is not a well-formed id"),
                    )
                });
            }
        }
        Ok(slug(iri))
    }

    /// The id a party would get, without adding it.
    pub(super) fn party_id_preview(&self, m: &Map<String, Value>, role: Role) -> String {
        let get = |k: &str| {
            m.get(k)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        if let Some(id) = get("@id") {
            if let Some(local) = id.strip_prefix(NODE_NAMESPACE) {
                return decode_local(local).unwrap_or_else(|| slug(id));
            }
            return slug(id);
        }
        let order: &[&str] = if role == Role::Work {
            &["url", "headline", "name"]
        } else {
            &["name", "legalName", "url", "sameAs"]
        };
        order
            .iter()
            .find_map(|k| get(k))
            .map_or_else(|| "item".to_owned(), slug)
    }

    pub(super) fn work(&mut self, path: &str, m: Map<String, Value>) -> Result<String> {
        let m = self.resolve(m);
        let doc = self.party(path, m.clone(), Role::Work)?;
        for (p, o) in objects(&m, "author", path)? {
            let author = self.party(&p, o, Role::Party)?;
            self.add_relation(&doc, SourceRelationKind::AuthoredBy, &author)?;
        }
        for (p, o) in objects(&m, "publisher", path)? {
            let outlet = self.party(&p, o, Role::Publisher)?;
            self.add_relation(&doc, SourceRelationKind::PublishedIn, &outlet)?;
        }
        Ok(doc)
    }

    /// The source a Person, Organization or CreativeWork object names, added when new.
    pub(super) fn party(
        &mut self,
        path: &str,
        m: Map<String, Value>,
        role: Role,
    ) -> Result<String> {
        let m = self.resolve(m);
        let types = types_of(&m);
        let has = |t: &str| types.iter().any(|x| x == t);
        let kind = match text(&m, "cg:kind", path)? {
            Some(k) => k
                .parse::<SourceKind>()
                .map_err(|e| fmt_err(&format!("{path}.cg:kind"), e.to_string()))?,
            None if has("Person") => SourceKind::Person,
            None if has("GovernmentOrganization") => SourceKind::Government,
            None if has("NewsMediaOrganization") => SourceKind::Outlet,
            None if WORK_TYPES.iter().any(|t| has(t)) => SourceKind::Document,
            None if role == Role::Work => SourceKind::Document,
            None if role == Role::Publisher => SourceKind::Outlet,
            None => SourceKind::Organization,
        };
        let same_as = texts(&m, "sameAs", path)?;
        let url = text(&m, "url", path)?;
        let url_from_same_as = url.is_none() && !same_as.is_empty();
        let url = url.or_else(|| same_as.first().cloned());
        let headline = text(&m, "headline", path)?;
        let name = text(&m, "name", path)?
            .or(if kind == SourceKind::Document {
                headline.clone()
            } else {
                None
            })
            .or(text(&m, "legalName", path)?)
            .or_else(|| url.as_deref().and_then(host_of).map(str::to_owned));
        let role = if kind == SourceKind::Document {
            Role::Work
        } else {
            role
        };
        if name.is_none() && !m.contains_key("@id") {
            return Err(fmt_err(path, "a party needs a name, a url or an @id"));
        }
        // A claimant whose name names nobody ("Fuentes varias", "social media users").
        let mut kind = kind;
        // Only a Person: an organization's name may end in a collective noun ("Square World
        // Society") and still name it.
        if role == Role::Party && !m.contains_key("cg:kind") && kind == SourceKind::Person {
            if let Some(unnamed) = name.as_deref().and_then(unnamed_source_kind) {
                let read = if unnamed == SourceKind::Collective {
                    "a collective"
                } else {
                    "an unnamed group"
                };
                self.report.note(format!(
                    "{path}: {:?} is marked up as a Person but names nobody; read as {read}",
                    name.as_deref().unwrap_or_default()
                ));
                kind = unnamed;
            }
        }
        let id = self.party_id_preview(&m, role);
        let mut src = Source::new(id.clone(), kind, name.unwrap_or_else(|| id.clone()));
        src.aliases = texts(&m, "alternateName", path)?;
        if let Some(r) = text(&m, "cg:reliability", path)? {
            src.reliability = Some(
                r.parse::<Reliability>()
                    .map_err(|e| fmt_err(&format!("{path}.cg:reliability"), e.to_string()))?,
            );
        }
        src.url = url;
        src.title = headline;
        src.published = date(&m, "datePublished", path, &mut self.report)?;
        let mut handled: Vec<&str> = vec![
            "name",
            "legalName",
            "url",
            "headline",
            "alternateName",
            "cg:kind",
            "cg:reliability",
        ];
        if role == Role::Work {
            handled.extend(["datePublished", "author", "publisher"]);
        }
        if url_from_same_as && same_as.len() == 1 {
            handled.push("sameAs");
        }
        // A slug that names a source already is that source; one that names a claim is not.
        let mut n = 1;
        loop {
            if self.g.source(&src.id).is_some() {
                self.leftovers(path, &m, &handled, Some(&src.id));
                return Ok(src.id);
            }
            if !self.g.contains_node(&src.id) {
                break;
            }
            n += 1;
            src.id = format!("{id}-{n}");
        }
        self.leftovers(path, &m, &handled, Some(&src.id));
        self.add_source(src)
    }

    pub(super) fn add_source(&mut self, src: Source) -> Result<String> {
        let id = src.id.clone();
        if self.g.source(&id).is_some() {
            return Ok(id);
        }
        self.g.add_source(src)?;
        self.added_nodes.push(id.clone());
        Ok(id)
    }

    pub(super) fn add_relation(
        &mut self,
        from: &str,
        kind: SourceRelationKind,
        to: &str,
    ) -> Result<()> {
        if from == to {
            return Ok(());
        }
        let r = SourceRelation::new(from, kind, to);
        if let Some(existing) = self.g.source_relation(&r.id) {
            if existing.from == r.from && existing.to == r.to && existing.kind == r.kind {
                return Ok(());
            }
        }
        if self.g.contains_edge(&r.id) {
            self.report.notes.push(format!(
                "{} is already the id of another record; {from} {} {to} was not added",
                r.id,
                kind.as_str().replace('_', " ")
            ));
            return Ok(());
        }
        let id = r.id.clone();
        self.g.add_source_relation(r)?;
        self.added_edges.push((RecordKind::SourceRelation, id));
        Ok(())
    }

    /// Adds an attribution; one identical to an attribution in the graph is not added twice
    /// (a claim reviewed by two fact-checkers lists its claimant twice).
    pub(super) fn add_attribution(&mut self, mut a: Attribution) -> Result<()> {
        let base = a.id.clone();
        let mut n = 1;
        loop {
            match self.g.attribution(&a.id) {
                Some(existing) if existing == a => return Ok(()),
                None if !self.g.contains_edge(&a.id) => break,
                _ => {}
            }
            n += 1;
            a.id = format!("{base}:{n}");
        }
        let id = a.id.clone();
        self.g.add_attribution(a)?;
        self.added_edges.push((RecordKind::Attribution, id));
        Ok(())
    }
}
