//! Writing every verdict as a schema.org ClaimReview.

use serde_json::{Map, Value};

use crate::graph::ClaimGraph;
use crate::io::prov::{encode_local, CLAIMGRAPH_NAMESPACE, EDGE_NAMESPACE, NODE_NAMESPACE};
use crate::model::{Attribution, Claim, Source, SourceKind, SourceRelationKind, Stance, Verdict};
use crate::time::When;

fn node_iri(id: &str) -> String {
    format!("{NODE_NAMESPACE}{}", encode_local(id))
}

fn edge_iri(id: &str) -> String {
    format!("{EDGE_NAMESPACE}{}", encode_local(id))
}

fn s(v: &str) -> Value {
    Value::String(v.to_owned())
}

fn num(v: f64) -> Value {
    serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
}

fn one_or_many(mut items: Vec<Value>) -> Option<Value> {
    match items.len() {
        0 => None,
        1 => items.pop(),
        _ => Some(Value::Array(items)),
    }
}

fn schema_type(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Person => "Person",
        SourceKind::Organization | SourceKind::UnnamedGroup | SourceKind::Collective => {
            "Organization"
        }
        SourceKind::Government => "GovernmentOrganization",
        SourceKind::Outlet => "NewsMediaOrganization",
        SourceKind::Document => "CreativeWork",
    }
}

/// A source as a schema.org Person, Organization or CreativeWork; `cg:kind` and
/// `cg:reliability` keep what schema.org has no term for.
fn party(src: &Source) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("@type".into(), s(schema_type(src.kind)));
    m.insert("@id".into(), s(&node_iri(&src.id)));
    m.insert("name".into(), s(&src.name));
    m.insert("cg:kind".into(), s(src.kind.as_str()));
    if let Some(v) = one_or_many(src.aliases.iter().map(|a| s(a)).collect()) {
        m.insert("alternateName".into(), v);
    }
    if let Some(r) = src.reliability {
        m.insert("cg:reliability".into(), s(r.as_str()));
    }
    if let Some(u) = &src.url {
        m.insert("url".into(), s(u));
    }
    if let Some(t) = &src.title {
        m.insert("headline".into(), s(t));
    }
    if let Some(p) = &src.published {
        m.insert("datePublished".into(), s(&p.to_string()));
    }
    m
}

impl ClaimGraph {
    fn party_value(&self, id: &str) -> Value {
        match self.source(id) {
            Some(src) => Value::Object(party(src)),
            None => Value::Object(Map::from_iter([("@id".to_owned(), s(&node_iri(id)))])),
        }
    }

    /// A document as a CreativeWork, with its authors and the outlets it appeared in.
    fn work_value(&self, id: &str) -> Value {
        let Value::Object(mut m) = self.party_value(id) else {
            return Value::Null;
        };
        let rels = self.relations_of_source(id).unwrap_or_default();
        let targets = |kind| -> Vec<Value> {
            rels.iter()
                .filter(|r| r.kind == kind && r.from == id)
                .map(|r| self.party_value(&r.to))
                .collect()
        };
        if let Some(v) = one_or_many(targets(SourceRelationKind::AuthoredBy)) {
            m.insert("author".into(), v);
        }
        if let Some(v) = one_or_many(targets(SourceRelationKind::PublishedIn)) {
            m.insert("publisher".into(), v);
        }
        Value::Object(m)
    }

    fn claim_value(&self, claim: &Claim) -> Value {
        let mut m = Map::new();
        m.insert("@type".into(), s("Claim"));
        m.insert("@id".into(), s(&node_iri(&claim.id)));
        let attributions = self.attributions_of(&claim.id).unwrap_or_default();
        let mut asserting: Vec<&Attribution> = attributions
            .iter()
            .filter(|a| a.stance == Stance::Asserts)
            .collect();
        // Earliest first; undated last; ties by id (the list is already sorted by id).
        asserting.sort_by_key(|a| {
            a.said
                .map(|w| (0, w.start()))
                .unwrap_or((1, Default::default()))
        });
        let mut claimants: Vec<&str> = Vec::new();
        let mut works: Vec<&str> = Vec::new();
        for a in &asserting {
            if !claimants.contains(&a.source.as_str()) {
                claimants.push(&a.source);
            }
            if let Some(v) = a.reported_in() {
                if !works.contains(&v) {
                    works.push(v);
                }
            }
        }
        if let Some(v) = one_or_many(claimants.iter().map(|c| self.party_value(c)).collect()) {
            m.insert("author".into(), v);
        }
        if let Some(w) = asserting.iter().find_map(|a| a.said) {
            m.insert("datePublished".into(), s(&w.to_string()));
        }
        if let Some(v) = one_or_many(works.iter().map(|w| self.work_value(w)).collect()) {
            m.insert("appearance".into(), v);
        }
        if let Some(first) = asserting
            .iter()
            .find(|a| a.said.is_some() && !a.via.is_empty())
        {
            if let Some(v) = first.reported_in() {
                m.insert("firstAppearance".into(), self.work_value(v));
            }
        }
        if let Some(v) = one_or_many(claim.subjects.iter().map(|x| self.party_value(x)).collect()) {
            m.insert("about".into(), v);
        }
        if let Some(p) = &claim.period {
            let end = |w: &Option<When>| w.map_or("..".to_owned(), |w| w.to_string());
            m.insert(
                "temporalCoverage".into(),
                s(&format!("{}/{}", end(&p.start), end(&p.end))),
            );
        }
        if !claim.tags.is_empty() {
            m.insert(
                "keywords".into(),
                Value::Array(claim.tags.iter().map(|t| s(t)).collect()),
            );
        }
        if let Some(q) = &claim.quantity {
            let mut qm = Map::new();
            qm.insert("cg:value".into(), num(q.value));
            qm.insert("cg:unit".into(), s(&q.unit));
            m.insert("cg:quantity".into(), Value::Object(qm));
        }
        // Every stance, each with all its fields: what lets a claim graph read its own export back
        // exactly. Fact-check feeds ignore terms outside schema.org.
        let all: Vec<Value> = attributions
            .iter()
            .map(|a| {
                let mut am = Map::new();
                am.insert("@id".into(), s(&edge_iri(&a.id)));
                am.insert("cg:source".into(), self.party_value(&a.source));
                am.insert("cg:stance".into(), s(a.stance.as_str()));
                am.insert("cg:modality".into(), s(a.modality.as_str()));
                if let Some(w) = &a.said {
                    am.insert("cg:said".into(), s(&w.to_string()));
                }
                if let Some(q) = &a.quote {
                    am.insert("cg:quote".into(), s(q));
                }
                // The whole reporting chain, from the speaker outward: one undated hop as the
                // document itself (what a first-version graph writes), else a list of hops,
                // each the document with its `cg:hopDate` when known.
                match a.via.as_slice() {
                    [] => {}
                    [one] if one.date.is_none() => {
                        am.insert("cg:via".into(), self.work_value(&one.source));
                    }
                    hops => {
                        let list = hops
                            .iter()
                            .map(|h| {
                                let mut w = self.work_value(&h.source);
                                if let (Some(d), Value::Object(wm)) = (&h.date, &mut w) {
                                    wm.insert("cg:hopDate".into(), s(&d.to_string()));
                                }
                                w
                            })
                            .collect();
                        am.insert("cg:via".into(), Value::Array(list));
                    }
                }
                if !a.basis.is_empty() {
                    let basis = a.basis.iter().map(|b| self.party_value(b)).collect();
                    am.insert("cg:basis".into(), Value::Array(basis));
                }
                Value::Object(am)
            })
            .collect();
        if !all.is_empty() {
            m.insert("cg:attribution".into(), Value::Array(all));
        }
        Value::Object(m)
    }

    /// Every verdict as a schema.org `ClaimReview`, in a JSON array sorted by verdict id: the
    /// markup a fact-check feed publishes.
    ///
    /// Each review has `claimReviewed` (the claim's text), `author` (the reviewer),
    /// `reviewRating` (`alternateName` is the verdict's label, with `ratingValue`, `bestRating`
    /// and `worstRating` when it has a numeric rating), `datePublished`, `url`, `reviewBody`
    /// (the summary), and `itemReviewed`, a `Claim` with the sources asserting it as `author`,
    /// the earliest date one said it as `datePublished`, the documents it was reported in as
    /// `appearance` (the earliest as `firstAppearance`), its subjects as `about`, its period as
    /// `temporalCoverage` (`2023-08/2024-02`, `..` for an open end) and its tags as `keywords`.
    ///
    /// Records carry `@id`s in [`NODE_NAMESPACE`](crate::io::NODE_NAMESPACE) and
    /// [`EDGE_NAMESPACE`](crate::io::EDGE_NAMESPACE); what schema.org has no term for (a
    /// source's kind and reliability, a claim's quantity, every attribution of the claim with its
    /// stance, modality, quote, its whole reporting chain (`cg:via`: the document, or a list of
    /// hops from the speaker outward, each with its `cg:hopDate`) and the sources an assertion
    /// rests on (`cg:basis`); a statement covering several claims is written under each claim
    /// with one `@id`, and read back as one record covering them) is written with the `cg:` prefix of
    /// [`CLAIMGRAPH_NAMESPACE`](crate::io::CLAIMGRAPH_NAMESPACE), declared in each `@context`.
    /// So [`ClaimGraph::from_claimreview_json`] gives back the same claims and verdicts, and
    /// the same sources, attributions, and authors and publishers of the documents they were
    /// reported in (those two relations with their default ids and no date).
    ///
    /// Claims without a verdict are not written: a feed lists reviews.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, Source, SourceKind, Claim, Verdict, Rating};
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("politifact", SourceKind::Organization, "PolitiFact"))?;
    /// g.add_claim(Claim::new("homicides", "More than 3,000 homicides were committed by illegal aliens"))?;
    /// g.add_verdict(Verdict::new("politifact", "homicides", "False").rating(Rating::new(1.0, 6.0, 1.0)))?;
    /// let json = g.to_claimreview_json();
    /// assert!(json.contains("\"claimReviewed\""));
    /// let (back, _) = ClaimGraph::from_claimreview_json(&json)?;
    /// assert_eq!(back, g);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn to_claimreview_json(&self) -> String {
        let mut verdicts: Vec<Verdict> = self.verdicts().collect();
        verdicts.sort_by(|a, b| a.id.cmp(&b.id));
        let mut out = Vec::with_capacity(verdicts.len());
        for v in &verdicts {
            let Some(claim) = self.claim(&v.claim) else {
                continue;
            };
            let mut m = Map::new();
            let mut ctx = Map::new();
            ctx.insert("cg".into(), s(CLAIMGRAPH_NAMESPACE));
            m.insert(
                "@context".into(),
                Value::Array(vec![s("https://schema.org"), Value::Object(ctx)]),
            );
            m.insert("@type".into(), s("ClaimReview"));
            m.insert("@id".into(), s(&edge_iri(&v.id)));
            m.insert("claimReviewed".into(), s(&claim.text));
            m.insert("author".into(), self.party_value(&v.reviewer));
            let mut rating = Map::new();
            rating.insert("@type".into(), s("Rating"));
            rating.insert("alternateName".into(), s(&v.label));
            if let Some(r) = &v.rating {
                rating.insert("ratingValue".into(), num(r.value));
                rating.insert("bestRating".into(), num(r.best));
                rating.insert("worstRating".into(), num(r.worst));
            }
            m.insert("reviewRating".into(), Value::Object(rating));
            if let Some(d) = &v.date {
                m.insert("datePublished".into(), s(&d.to_string()));
            }
            if let Some(u) = &v.url {
                m.insert("url".into(), s(u));
            }
            if let Some(t) = &v.summary {
                m.insert("reviewBody".into(), s(t));
            }
            m.insert("itemReviewed".into(), self.claim_value(claim));
            out.push(Value::Object(m));
        }
        serde_json::to_string_pretty(&Value::Array(out)).unwrap_or_default()
    }
}
