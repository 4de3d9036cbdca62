//! Reading ClaimReview JSON-LD: each review's claim, claimants, appearances, reviewer and
//! verdict. The parties and documents a review names are made sources in `parties.rs`; the
//! shapes schema.org allows for a value are read in `values.rs`.

mod parties;
mod values;

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use self::values::{
    collect_items, date, has_any, number, objects, period, slug, text, texts, types_of,
};
use crate::error::{Error, Location, RecordKind, Result};
use crate::graph::ClaimGraph;
use crate::io::prov::ImportReport;
use crate::model::{
    Attribution, Claim, Modality, Quantity, Rating, Source, SourceKind, SourceRelationKind, Stance,
    Verdict,
};

const FORMAT: &str = "ClaimReview JSON-LD";
/// The label of a review that gives no rating at all.
const NOT_RATED: &str = "Not rated";

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

impl ClaimGraph {
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
        let value = crate::io::parse_document(FORMAT, json)?;
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
            a.via = via.iter().map(crate::model::Hop::new).collect();
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
            att.via = vec![crate::model::Hop::new(
                self.work(&format!("{ap}.cg:via"), v.clone())?,
            )];
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
}
