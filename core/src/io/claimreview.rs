//! schema.org ClaimReview JSON-LD: the markup fact-checkers publish, read and written.
//!
//! The rules are documented on [`ClaimGraph::to_claimreview_json`] and
//! [`ClaimGraph::import_claimreview`], where users of the crate read them.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::error::{Error, Location, RecordKind, Result};
use crate::graph::ClaimGraph;
use crate::io::prov::{
    decode_local, encode_local, ImportReport, CLAIMGRAPH_NAMESPACE, EDGE_NAMESPACE, NODE_NAMESPACE,
};
use crate::model::{
    Attribution, Claim, Modality, Quantity, Rating, Reliability, Source, SourceKind,
    SourceRelation, SourceRelationKind, Stance, Verdict,
};
use crate::time::{Period, When};

const FORMAT: &str = "ClaimReview JSON-LD";
/// The label of a review that gives no rating at all.
const NOT_RATED: &str = "Not rated";
/// The longest slug derived from a name, url or text, in bytes.
const MAX_SLUG: usize = 80;

fn fmt_err(path: &str, message: impl Into<String>) -> Error {
    Error::Format {
        format: FORMAT,
        location: Location {
            record: Some(path.to_owned()),
            ..Location::default()
        },
        message: message.into(),
    }
}

// ----- export --------------------------------------------------------------------------------

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
            if let Some(v) = &a.via {
                if !works.contains(&v.as_str()) {
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
            .find(|a| a.said.is_some() && a.via.is_some())
        {
            if let Some(v) = &first.via {
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
                if let Some(v) = &a.via {
                    am.insert("cg:via".into(), self.work_value(v));
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
    /// stance, modality, quote and via) is written with the `cg:` prefix of
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

    /// Reads ClaimReview JSON-LD into a new graph; see [`ClaimGraph::import_claimreview`].
    ///
    /// ```
    /// use claimgraph::ClaimGraph;
    /// let markup = r#"{
    ///   "@context": "https://schema.org",
    ///   "@type": "ClaimReview",
    ///   "claimReviewed": "The world is flat",
    ///   "author": {"@type": "Organization", "name": "Example.com science watch"},
    ///   "itemReviewed": {"@type": "Claim",
    ///                    "author": {"@type": "Organization", "name": "Square World Society"}},
    ///   "reviewRating": {"@type": "Rating", "ratingValue": "1", "bestRating": "5",
    ///                    "worstRating": "1", "alternateName": "False"}
    /// }"#;
    /// let (g, _) = ClaimGraph::from_claimreview_json(markup)?;
    /// let v = g.verdicts_of("the-world-is-flat")?;
    /// assert_eq!(v[0].label, "False");
    /// assert_eq!(v[0].reviewer, "example-com-science-watch");
    /// assert_eq!(v[0].truth(), Some(0.0));
    /// let a = g.attributions_of("the-world-is-flat")?;
    /// assert_eq!(a[0].source, "square-world-society");
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn from_claimreview_json(json: &str) -> Result<(ClaimGraph, ImportReport)> {
        let mut g = ClaimGraph::new();
        let report = g.import_claimreview(json)?;
        Ok((g, report))
    }

    /// Adds the reviews in ClaimReview JSON-LD to this graph: each review's claim, its
    /// claimants, the documents it appeared in, its reviewer and its verdict. A failed import
    /// leaves the graph as it was.
    ///
    /// The input is a single `ClaimReview`, an array of them, or an object with an `@graph`
    /// (items that are not ClaimReviews are listed in [`ImportReport::skipped`]; `@id`-only
    /// references to other items are followed). `@type` or `type` is read, with or without a
    /// `schema:` prefix.
    ///
    /// - **Reviewer**: the review's `author` (else its `publisher`), an organization or person.
    ///   A review with neither is credited to `unknown-reviewer` ("Unknown reviewer"), and the
    ///   report says so.
    /// - **Claim**: `claimReviewed` (else the `text` of an `itemReviewed` Claim), with
    ///   `about` as subjects, `temporalCoverage` as period and `keywords` as tags.
    /// - **Claimants**: `itemReviewed.author`, each asserting the claim, said on
    ///   `itemReviewed.datePublished` (else on the review's `datePublished`), via the document of
    ///   `firstAppearance` (else the first `appearance`); that document's `author` and
    ///   `publisher` become authored-by and published-in relations. In the older form, where
    ///   `itemReviewed` is the CreativeWork the claim appeared in (or a Clip, a video...), that
    ///   work is the document, authored by its author.
    /// - **Verdict**: `reviewRating.alternateName` (else `name`) is the label, kept as the
    ///   reviewer wrote it. `ratingValue`, `bestRating` (default 5) and `worstRating` (default 1)
    ///   become the numeric rating when they are numbers, also written as strings, and the value
    ///   lies on the scale; scales may run either way (`bestRating` below `worstRating`). A value
    ///   of -1, or one off the scale, leaves the label only, and the report says so. A review
    ///   without a label has one made from its rating ("1 on a scale from 1 (worst) to 5
    ///   (best)"), or `"Not rated"` when there is no rating at all. The summary is `reviewBody`,
    ///   else `description`, else `reviewRating.ratingExplanation`.
    ///
    /// Ids: the `@id` when there is one (claimgraph's own decoded exactly, others made into
    /// slugs); otherwise a slug of a claim's text, of a party's name (else its url), or of a
    /// document's url (else its headline or name). A slug is the lower-cased letters and digits
    /// with every other run of characters made one `-`, after dropping a url's scheme and
    /// `www.`, cut to 80 bytes: "Square World Society" is `square-world-society`,
    /// `https://www.politifact.com/` is `politifact-com`. A slug that names a node already in
    /// the graph names the same thing (so a claim reviewed twice is one claim), unless it is a
    /// claim with another text, or a node of the other kind: then `-2`, `-3`... is added.
    /// Verdicts and attributions get their default ids, with `:2`, `:3`... added to tell apart
    /// different records; a record identical to one already in the graph is not added twice.
    ///
    /// Errors: [`Error::Format`] naming the JSON path (`$[1].reviewRating.ratingValue`) when a
    /// field has the wrong shape (a rating that is not a number, a date that is not a date, a
    /// review without a claim text); the model's errors when a record breaks a graph rule.
    pub fn import_claimreview(&mut self, json: &str) -> Result<ImportReport> {
        let value: Value = serde_json::from_str(json).map_err(|e| Error::Format {
            format: FORMAT,
            location: Location {
                line: Some(e.line() as u64),
                column: Some(e.column() as u64),
                ..Location::default()
            },
            message: format!("not JSON: {e}"),
        })?;
        let mut items = Vec::new();
        collect_items(&value, "$", &mut items)?;
        let mut index = BTreeMap::new();
        for (_, item) in &items {
            if let Some(Value::String(id)) = item.get("@id") {
                index.insert(id.clone(), *item);
            }
        }
        let mut im = Importer {
            g: self,
            index,
            report: ImportReport::default(),
            added_nodes: Vec::new(),
            added_edges: Vec::new(),
        };
        let mut result = Ok(());
        for (path, item) in &items {
            let types = types_of(item);
            if types.iter().any(|t| t == "ClaimReview") {
                result = im.review(path, item);
                if result.is_err() {
                    break;
                }
            } else {
                let id = item
                    .get("@id")
                    .and_then(Value::as_str)
                    .unwrap_or(path.as_str());
                let kind = types.first().map_or("item without @type", String::as_str);
                im.report.skip(
                    kind,
                    id,
                    None,
                    Some(&Value::Object((*item).clone())),
                    "not a ClaimReview",
                );
            }
        }
        match result {
            Ok(()) => {
                for id in &im.added_nodes {
                    if im.g.source(id).is_some() {
                        im.report.added.sources += 1;
                    } else {
                        im.report.added.claims += 1;
                    }
                }
                for (kind, _) in &im.added_edges {
                    match kind {
                        RecordKind::Attribution => im.report.added.attributions += 1,
                        RecordKind::SourceRelation => im.report.added.source_relations += 1,
                        _ => im.report.added.verdicts += 1,
                    }
                }
                Ok(im.report)
            }
            Err(e) => {
                im.roll_back();
                Err(e)
            }
        }
    }
}

// ----- import --------------------------------------------------------------------------------

fn collect_items<'a>(
    v: &'a Value,
    path: &str,
    out: &mut Vec<(String, &'a Map<String, Value>)>,
) -> Result<()> {
    match v {
        Value::Object(m) => match m.get("@graph") {
            Some(g) => collect_items(g, &format!("{path}.@graph"), out),
            None => {
                out.push((path.to_owned(), m));
                Ok(())
            }
        },
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_items(item, &format!("{path}[{i}]"), out)?;
            }
            Ok(())
        }
        _ => Err(fmt_err(
            path,
            "expected a ClaimReview object, an array of them, or an object with @graph",
        )),
    }
}

/// The local names of an item's types: `ClaimReview` for `"schema:ClaimReview"` or
/// `"https://schema.org/ClaimReview"`.
fn types_of(m: &Map<String, Value>) -> Vec<String> {
    let local = |t: &str| t.rsplit(['/', '#', ':']).next().unwrap_or(t).to_owned();
    match m.get("@type").or_else(|| m.get("type")) {
        Some(Value::String(t)) => vec![local(t)],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(local).collect(),
        _ => Vec::new(),
    }
}

/// Makes a slug of a name, text or url (see [`ClaimGraph::import_claimreview`]).
pub(crate) fn slug(text: &str) -> String {
    let t = text.trim();
    let t = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
        .unwrap_or(t);
    let t = t.strip_prefix("www.").unwrap_or(t);
    let mut out = String::new();
    let mut dash = false;
    for c in t.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
        if out.len() >= MAX_SLUG {
            break;
        }
    }
    if out.len() > MAX_SLUG {
        let mut end = MAX_SLUG;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "item".to_owned()
    } else {
        out
    }
}

fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// The text of a field given as a string, or as an array whose first element is one.
fn text(m: &Map<String, Value>, key: &str, path: &str) -> Result<Option<String>> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_owned()).filter(|s| !s.is_empty())),
        Some(Value::Array(items)) => match items.first() {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_owned()).filter(|s| !s.is_empty())),
            Some(_) => Err(fmt_err(&format!("{path}.{key}[0]"), "expected text")),
        },
        Some(Value::Object(o)) => match o.get("@value") {
            Some(Value::String(s)) => Ok(Some(s.trim().to_owned()).filter(|s| !s.is_empty())),
            _ => Err(fmt_err(&format!("{path}.{key}"), "expected text")),
        },
        Some(_) => Err(fmt_err(&format!("{path}.{key}"), "expected text")),
    }
}

fn texts(m: &Map<String, Value>, key: &str, path: &str) -> Result<Vec<String>> {
    match m.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                Value::String(s) => Ok(s.clone()),
                _ => Err(fmt_err(&format!("{path}.{key}[{i}]"), "expected text")),
            })
            .collect(),
        Some(_) => Err(fmt_err(
            &format!("{path}.{key}"),
            "expected text or a list of texts",
        )),
    }
}

/// A number written as a JSON number or as a string.
fn number(m: &Map<String, Value>, key: &str, path: &str) -> Result<Option<f64>> {
    let at = format!("{path}.{key}");
    match m.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_f64()
            .map(Some)
            .ok_or_else(|| fmt_err(&at, "not a number")),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(Some)
            .ok_or_else(|| fmt_err(&at, format!("{s:?} is not a number"))),
        Some(_) => Err(fmt_err(&at, "expected a number")),
    }
}

/// Objects given as one object, an array of them, or a bare string (a name).
fn objects(
    m: &Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Vec<(String, Map<String, Value>)>> {
    let at = format!("{path}.{key}");
    let one = |v: &Value, at: String| -> Result<(String, Map<String, Value>)> {
        match v {
            Value::Object(o) => Ok((at, o.clone())),
            Value::String(name) => Ok((
                at,
                Map::from_iter([("name".to_owned(), Value::String(name.clone()))]),
            )),
            _ => Err(fmt_err(&at, "expected an object or a name")),
        }
    };
    match m.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| one(v, format!("{at}[{i}]")))
            .collect(),
        Some(v) => Ok(vec![one(v, at)?]),
    }
}

struct Importer<'g, 'a> {
    g: &'g mut ClaimGraph,
    /// Items of the input by `@id`, to follow references.
    index: BTreeMap<String, &'a Map<String, Value>>,
    report: ImportReport,
    added_nodes: Vec<String>,
    added_edges: Vec<(RecordKind, String)>,
}

/// What a party is, for the kind it gets when its `@type` does not say.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Party,
    Publisher,
    Work,
}

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
    fn roll_back(&mut self) {
        for (kind, id) in self.added_edges.drain(..).rev() {
            let _ = match kind {
                RecordKind::Attribution => self.g.remove_attribution(&id).map(|_| ()),
                RecordKind::SourceRelation => self.g.remove_source_relation(&id).map(|_| ()),
                _ => self.g.remove_verdict(&id).map(|_| ()),
            };
        }
        for id in self.added_nodes.drain(..).rev() {
            if self.g.source(&id).is_some() {
                let _ = self.g.remove_source(&id);
            } else {
                let _ = self.g.remove_claim(&id);
            }
        }
    }

    /// Follows an `@id`-only reference to the item it names.
    fn resolve(&self, m: Map<String, Value>) -> Map<String, Value> {
        if m.len() == 1 {
            if let Some(Value::String(id)) = m.get("@id") {
                if let Some(full) = self.index.get(id) {
                    return (*full).clone();
                }
            }
        }
        m
    }

    fn review(&mut self, path: &str, r: &Map<String, Value>) -> Result<()> {
        let item = match r.get("itemReviewed") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(o)) => self.resolve(o.clone()),
            Some(_) => {
                return Err(fmt_err(
                    &format!("{path}.itemReviewed"),
                    "expected an object",
                ))
            }
        };
        let item_path = format!("{path}.itemReviewed");
        // An untyped item is a Claim unless it looks like the work the claim appeared in.
        let item_types = types_of(&item);
        let item_is_claim = item_types.iter().any(|t| t == "Claim")
            || (item_types.is_empty()
                && (has_any(&item, &["appearance", "firstAppearance"])
                    || !has_any(&item, &["url", "headline", "name", "isPartOf"])));

        // The reviewer.
        let mut reviewers = objects(r, "author", path)?;
        if reviewers.is_empty() {
            reviewers = objects(r, "publisher", path)?;
        }
        let reviewer = match reviewers.first() {
            Some((p, o)) => self.party(p, o.clone(), Role::Party)?,
            None => {
                self.report.notes.push(format!(
                    "{path} names no author; its verdict is credited to unknown-reviewer"
                ));
                self.add_source(Source::new(
                    "unknown-reviewer",
                    SourceKind::Organization,
                    "Unknown reviewer",
                ))?
            }
        };
        for (p, o) in reviewers.iter().skip(1) {
            self.report.skip(
                "author",
                p,
                None,
                Some(&Value::Object(o.clone())),
                "a verdict has one reviewer; the first author was kept",
            );
        }

        // The claim.
        let claim_text = match text(r, "claimReviewed", path)? {
            Some(t) => t,
            None if item_is_claim => text(&item, "text", &item_path)?
                .or(text(&item, "name", &item_path)?)
                .ok_or_else(|| {
                    fmt_err(
                        &format!("{path}.claimReviewed"),
                        "a ClaimReview needs the text of the claim it reviews",
                    )
                })?,
            None => {
                return Err(fmt_err(
                    &format!("{path}.claimReviewed"),
                    "a ClaimReview needs the text of the claim it reviews",
                ))
            }
        };
        let claim_id = self.claim(&item_path, &item, item_is_claim, claim_text)?;

        // The claimants.
        self.claimants(path, r, &item_path, &item, item_is_claim, &claim_id)?;

        // The verdict.
        self.verdict(path, r, reviewer, claim_id)
    }

    fn claim(
        &mut self,
        item_path: &str,
        item: &Map<String, Value>,
        item_is_claim: bool,
        text_: String,
    ) -> Result<String> {
        let own = match item.get("@id") {
            Some(Value::String(id)) if item_is_claim => Some(self.id_from_iri(id, item_path)?),
            _ => None,
        };
        let mut c = Claim::new(own.clone().unwrap_or_else(|| slug(&text_)), text_);
        if item_is_claim {
            for (p, o) in objects(item, "about", item_path)? {
                let id = self.party(&p, o, Role::Party)?;
                if !c.subjects.contains(&id) {
                    c.subjects.push(id);
                }
            }
            if let Some(t) = text(item, "temporalCoverage", item_path)? {
                c.period = Some(period(&t, &format!("{item_path}.temporalCoverage"))?);
            }
            c.tags = match item.get("keywords") {
                Some(Value::String(k)) => k
                    .split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(str::to_owned)
                    .collect(),
                _ => texts(item, "keywords", item_path)?,
            };
            if let Some(Value::Object(q)) = item.get("cg:quantity") {
                let qp = format!("{item_path}.cg:quantity");
                match (number(q, "cg:value", &qp)?, text(q, "cg:unit", &qp)?) {
                    (Some(v), Some(u)) => c.quantity = Some(Quantity::new(v, u)),
                    _ => return Err(fmt_err(&qp, "a quantity needs cg:value and cg:unit")),
                }
            }
        }
        // The same id and text is the same claim; anything else under that id is another one.
        let base = c.id.clone();
        let mut n = 1;
        loop {
            match (self.g.claim(&c.id), self.g.contains_node(&c.id)) {
                (Some(existing), _) if existing.text == c.text => return Ok(c.id),
                (None, false) => break,
                _ => {
                    n += 1;
                    c.id = format!("{base}-{n}");
                }
            }
        }
        if c.id != base {
            self.report.notes.push(format!(
                "{item_path}: {base} already names another record; the claim is {}",
                c.id
            ));
        }
        let id = c.id.clone();
        self.g.add_claim(c)?;
        self.added_nodes.push(id.clone());
        Ok(id)
    }

    fn claimants(
        &mut self,
        path: &str,
        r: &Map<String, Value>,
        item_path: &str,
        item: &Map<String, Value>,
        item_is_claim: bool,
        claim: &str,
    ) -> Result<()> {
        if let Some(list) = item.get("cg:attribution") {
            let Value::Array(list) = list else {
                return Err(fmt_err(
                    &format!("{item_path}.cg:attribution"),
                    "expected a list",
                ));
            };
            for (i, a) in list.iter().enumerate() {
                let ap = format!("{item_path}.cg:attribution[{i}]");
                let Value::Object(a) = a else {
                    return Err(fmt_err(&ap, "expected an object"));
                };
                self.own_attribution(&ap, a, claim)?;
            }
            return Ok(());
        }
        let said = match date(item, "datePublished", item_path, &mut self.report)? {
            Some(w) => Some(w),
            None => {
                let w = date(r, "datePublished", path, &mut self.report)?;
                if w.is_some() && !item.is_empty() {
                    self.report.notes.push(format!(
                        "{item_path} has no datePublished; the review's date is taken as when the claim was said"
                    ));
                }
                w
            }
        };
        let authors = objects(item, "author", item_path)?;
        let via = if item_is_claim {
            let first = objects(item, "firstAppearance", item_path)?;
            let all = objects(item, "appearance", item_path)?;
            let mut chosen = None;
            for (p, o) in first.into_iter().chain(all) {
                if chosen.is_none() {
                    chosen = Some(self.work(&p, o)?);
                } else {
                    let id = self.party_id_preview(&o, Role::Work);
                    if Some(&id) != chosen.as_ref() {
                        self.report.skip(
                            "appearance",
                            &p,
                            None,
                            Some(&Value::Object(o)),
                            "an attribution is reported via one document; the first appearance was kept",
                        );
                    }
                }
            }
            chosen
        } else if has_any(item, &["url", "headline", "name", "isPartOf"]) {
            let mut work = item.clone();
            work.remove("author");
            if !work.contains_key("url") {
                if let Some(Value::Object(part)) = item.get("isPartOf") {
                    if let Some(u) = part.get("url") {
                        work.insert("url".into(), u.clone());
                    }
                }
            }
            let doc = self.work(item_path, work)?;
            for (p, o) in &authors {
                let author = self.party(p, o.clone(), Role::Party)?;
                self.add_relation(&doc, SourceRelationKind::AuthoredBy, &author)?;
            }
            Some(doc)
        } else {
            None
        };
        if authors.is_empty() {
            self.report.notes.push(format!(
                "{item_path} names no claimant; the claim has no attribution"
            ));
        }
        for (p, o) in authors {
            let source = self.party(&p, o, Role::Party)?;
            let mut a = Attribution::new(source, claim, Stance::Asserts);
            a.said = said;
            a.via = via.clone();
            self.add_attribution(a)?;
        }
        Ok(())
    }

    /// An attribution as [`ClaimGraph::to_claimreview_json`] writes it, in `cg:attribution`.
    fn own_attribution(&mut self, ap: &str, a: &Map<String, Value>, claim: &str) -> Result<()> {
        let source = match a.get("cg:source") {
            Some(Value::Object(o)) => {
                self.party(&format!("{ap}.cg:source"), o.clone(), Role::Party)?
            }
            _ => {
                return Err(fmt_err(
                    &format!("{ap}.cg:source"),
                    "an attribution needs its source",
                ))
            }
        };
        let stance: Stance = text(a, "cg:stance", ap)?
            .unwrap_or_else(|| "asserts".to_owned())
            .parse()
            .map_err(|e: Error| fmt_err(&format!("{ap}.cg:stance"), e.to_string()))?;
        let mut att = Attribution::new(source, claim, stance);
        if let Some(Value::String(id)) = a.get("@id") {
            att.id = self.id_from_iri(id, ap)?;
        }
        if let Some(m) = text(a, "cg:modality", ap)? {
            att.modality = m
                .parse::<Modality>()
                .map_err(|e| fmt_err(&format!("{ap}.cg:modality"), e.to_string()))?;
        }
        att.said = date(a, "cg:said", ap, &mut self.report)?;
        // A quote keeps its exact words, surrounding white space included.
        att.quote = match a.get("cg:quote") {
            None | Some(Value::Null) => None,
            Some(Value::String(q)) => Some(q.clone()),
            Some(_) => return Err(fmt_err(&format!("{ap}.cg:quote"), "expected text")),
        };
        if let Some(Value::Object(v)) = a.get("cg:via") {
            att.via = Some(self.work(&format!("{ap}.cg:via"), v.clone())?);
        }
        self.add_attribution(att)
    }

    fn verdict(
        &mut self,
        path: &str,
        r: &Map<String, Value>,
        reviewer: String,
        claim: String,
    ) -> Result<()> {
        let rating_obj = match r.get("reviewRating") {
            None | Some(Value::Null) => None,
            Some(Value::Object(o)) => Some((format!("{path}.reviewRating"), o.clone())),
            Some(Value::Array(list)) => {
                for (i, extra) in list.iter().enumerate().skip(1) {
                    self.report.skip(
                        "Rating",
                        &format!("{path}.reviewRating[{i}]"),
                        None,
                        Some(extra),
                        "a verdict has one rating; the first was kept",
                    );
                }
                match list.first() {
                    Some(Value::Object(o)) => Some((format!("{path}.reviewRating[0]"), o.clone())),
                    None => None,
                    Some(_) => {
                        return Err(fmt_err(
                            &format!("{path}.reviewRating[0]"),
                            "expected a Rating object",
                        ))
                    }
                }
            }
            Some(_) => {
                return Err(fmt_err(
                    &format!("{path}.reviewRating"),
                    "expected a Rating object",
                ))
            }
        };
        let mut label = None;
        let mut rating = None;
        let mut explanation = None;
        if let Some((rp, ro)) = &rating_obj {
            label = text(ro, "alternateName", rp)?.or(text(ro, "name", rp)?);
            explanation = text(ro, "ratingExplanation", rp)?;
            let value = number(ro, "ratingValue", rp)?;
            let best = number(ro, "bestRating", rp)?.unwrap_or(5.0);
            let worst = number(ro, "worstRating", rp)?.unwrap_or(1.0);
            if let Some(value) = value {
                let (lo, hi) = if best < worst {
                    (best, worst)
                } else {
                    (worst, best)
                };
                if value == -1.0 && !(lo..=hi).contains(&value) {
                    self.report.notes.push(format!(
                        "{rp}.ratingValue is -1 (no numeric rating); the label alone is kept"
                    ));
                } else if best == worst || !(lo..=hi).contains(&value) {
                    self.report.notes.push(format!(
                        "{rp}.ratingValue {value} is not on the scale from {worst} to {best}; the label alone is kept"
                    ));
                } else {
                    rating = Some(Rating::new(value, best, worst));
                }
            }
        }
        let label = label.unwrap_or_else(|| match &rating {
            Some(r) => format!(
                "{} on a scale from {} (worst) to {} (best)",
                r.value, r.worst, r.best
            ),
            None => NOT_RATED.to_owned(),
        });
        let mut v = Verdict::new(reviewer, claim, label);
        if let Some(Value::String(id)) = r.get("@id") {
            v.id = self.id_from_iri(id, path)?;
        }
        v.rating = rating;
        v.date = date(r, "datePublished", path, &mut self.report)?;
        v.url = text(r, "url", path)?;
        v.summary = match text(r, "reviewBody", path)? {
            Some(t) => Some(t),
            None => text(r, "description", path)?.or(explanation),
        };
        let base = v.id.clone();
        let mut n = 1;
        loop {
            match self.g.verdict(&v.id) {
                Some(existing) if existing == v => return Ok(()),
                Some(_) => {}
                None if !self.g.contains_edge(&v.id) => break,
                None => {}
            }
            n += 1;
            v.id = format!("{base}:{n}");
        }
        let id = v.id.clone();
        self.g.add_verdict(v)?;
        self.added_edges.push((RecordKind::Verdict, id));
        Ok(())
    }

    /// The id an `@id` gives: claimgraph's own decoded, anything else made a slug.
    fn id_from_iri(&self, iri: &str, path: &str) -> Result<String> {
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
    fn party_id_preview(&self, m: &Map<String, Value>, role: Role) -> String {
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

    fn work(&mut self, path: &str, m: Map<String, Value>) -> Result<String> {
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
    fn party(&mut self, path: &str, m: Map<String, Value>, role: Role) -> Result<String> {
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
        let url = text(&m, "url", path)?;
        let same_as = text(&m, "sameAs", path)?;
        let headline = text(&m, "headline", path)?;
        let name = text(&m, "name", path)?
            .or(if kind == SourceKind::Document {
                headline.clone()
            } else {
                None
            })
            .or(text(&m, "legalName", path)?)
            .or_else(|| url.as_deref().and_then(host_of).map(str::to_owned))
            .or_else(|| same_as.as_deref().and_then(host_of).map(str::to_owned));
        let role = if kind == SourceKind::Document {
            Role::Work
        } else {
            role
        };
        if name.is_none() && !m.contains_key("@id") {
            return Err(fmt_err(path, "a party needs a name, a url or an @id"));
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
        // A slug that names a source already is that source; one that names a claim is not.
        let mut n = 1;
        loop {
            if self.g.source(&src.id).is_some() {
                return Ok(src.id);
            }
            if !self.g.contains_node(&src.id) {
                break;
            }
            n += 1;
            src.id = format!("{id}-{n}");
        }
        self.add_source(src)
    }

    fn add_source(&mut self, src: Source) -> Result<String> {
        let id = src.id.clone();
        if self.g.source(&id).is_some() {
            return Ok(id);
        }
        self.g.add_source(src)?;
        self.added_nodes.push(id.clone());
        Ok(id)
    }

    fn add_relation(&mut self, from: &str, kind: SourceRelationKind, to: &str) -> Result<()> {
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
    fn add_attribution(&mut self, mut a: Attribution) -> Result<()> {
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

fn has_any(m: &Map<String, Value>, keys: &[&str]) -> bool {
    keys.iter().any(|k| m.contains_key(*k))
}

/// A date as schema.org writes it: `2024-06-20`, or a date and time. A time without an offset is
/// read as its day, and the report says so.
fn date(
    m: &Map<String, Value>,
    key: &str,
    path: &str,
    report: &mut ImportReport,
) -> Result<Option<When>> {
    let at = format!("{path}.{key}");
    let Some(t) = text(m, key, path)? else {
        return Ok(None);
    };
    match When::parse(&t) {
        Ok(w) => Ok(Some(w)),
        Err(e) => {
            let day = t.get(..10).and_then(|d| When::parse(d).ok());
            match day {
                Some(d @ When::Date(_)) if t.len() > 10 => {
                    report
                        .notes
                        .push(format!("{at} {t:?} has no time zone; read as the day {d}"));
                    Ok(Some(d))
                }
                _ => Err(fmt_err(&at, e.to_string())),
            }
        }
    }
}

/// A `temporalCoverage` interval: `2023-08/2024-02`, with `..` (or nothing) for an open end, or
/// a single date for a period within it.
fn period(t: &str, at: &str) -> Result<Period> {
    let end = |s: &str| -> Result<Option<When>> {
        let s = s.trim();
        if s.is_empty() || s == ".." {
            Ok(None)
        } else {
            When::parse(s)
                .map(Some)
                .map_err(|e| fmt_err(at, e.to_string()))
        }
    };
    let p = match t.split_once('/') {
        Some((a, b)) => Period::new(end(a)?, end(b)?),
        None => {
            let w = end(t)?;
            Period::new(w, w)
        }
    };
    if p.start.is_none() && p.end.is_none() {
        return Err(fmt_err(at, "an interval needs a start, an end, or both"));
    }
    Ok(p)
}
