//! Reading ClaimReview JSON-LD: each review's claim, claimants, appearances, reviewer and
//! verdict. The parties and documents a review names are made sources in `parties.rs`; the
//! shapes schema.org allows for a value are read in `values.rs`.

mod dates;
mod parties;
mod values;

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use self::values::{
    collect_items, date, has_any, number, objects, period, slug, text, texts, types_of,
    without_empty_values,
};
use crate::error::{Error, Location, RecordKind, Result};
use crate::graph::ClaimGraph;
use crate::io::prov::{ImportReport, RejectedRecord};
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

    /// Reads ClaimReview JSON-LD into a new graph, leaving out each review that cannot be read;
    /// see [`ClaimGraph::import_claimreview_lenient`].
    ///
    /// ```
    /// use claimgraph::ClaimGraph;
    /// let feed = r#"[
    ///   {"@type": "ClaimReview", "claimReviewed": "The moon is made of cheese",
    ///    "author": {"name": "Desk"}, "reviewRating": {"alternateName": "False"}},
    ///   {"@type": "ClaimReview", "claimReviewed": "Cows fly",
    ///    "author": {"name": "Desk"}, "reviewRating": {"ratingValue": "False"}}
    /// ]"#;
    /// let (g, report) = ClaimGraph::from_claimreview_json_lenient(feed)?;
    /// assert_eq!(g.counts().verdicts, 1);
    /// assert_eq!(report.rejected[0].index, 1);
    /// assert_eq!(report.rejected[0].field, "$[1].reviewRating.ratingValue");
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn from_claimreview_json_lenient(json: &str) -> Result<(ClaimGraph, ImportReport)> {
        let mut g = ClaimGraph::new();
        let report = g.import_claimreview_lenient(json)?;
        Ok((g, report))
    }

    /// Adds the reviews in ClaimReview JSON-LD to this graph, as
    /// [`ClaimGraph::import_claimreview`] does, except that a review that cannot be read (a
    /// rating that is not a number, a review without a claim, a record the graph refuses) is
    /// left out whole, with the records it would have added, and listed in
    /// [`ImportReport::rejected`] with its position, the JSON path of the field at fault and the
    /// reason; every other review is imported. Only a document that is not ClaimReview markup
    /// at all (not JSON, a bare string) is an error.
    pub fn import_claimreview_lenient(&mut self, json: &str) -> Result<ImportReport> {
        self.read_claimreview(json, true)
    }

    /// Adds the reviews in ClaimReview JSON-LD to this graph: each review's claim, its
    /// claimants, the documents it appeared in, its reviewer and its verdict. The import is all
    /// or nothing: the first review that cannot be read fails it, and the graph is left as it
    /// was ([`ClaimGraph::import_claimreview_lenient`] imports the others instead).
    ///
    /// The input is a single `ClaimReview`, an array of them, or an object with an `@graph`
    /// (items that are not ClaimReviews are listed in [`ImportReport::skipped`]; `@id`-only
    /// references to other items are followed). `@type` or `type` is read, with or without a
    /// `schema:` prefix. A `MediaReview` that carries its `associatedClaimReview` (the shape of
    /// PolitiFact's Factstream) is read as that ClaimReview, and its own fields are listed in
    /// `skipped`; one without it is skipped. Empty strings, nulls and empty lists are no values:
    /// an `itemReviewed` or `author` whose `@id` and `name` are `""` names nothing.
    ///
    /// - **Reviewer**: the review's `author` (else its `publisher`), an organization or person.
    ///   A review with neither is credited to `unknown-reviewer` ("Unknown reviewer"), and the
    ///   report says so. A person author with a `publisher` beside it is affiliated with that
    ///   publisher.
    /// - **Claim**: `claimReviewed` (else the `text` of an `itemReviewed` Claim), with
    ///   `about` as subjects, `temporalCoverage` as period and the item's and the review's
    ///   `keywords` as tags.
    /// - **Claimants**: `itemReviewed.author`, each asserting the claim, said on
    ///   `itemReviewed.datePublished` (else on the review's `datePublished`). Every document of
    ///   `firstAppearance` and `appearance` is kept: each claimant asserts the claim via each of
    ///   them, and when the review names no claimant each document asserts it in its own voice
    ///   (a hoax seen in seven places is seven documents asserting it). A document's `author`
    ///   and `publisher` become authored-by and published-in relations. In the older form,
    ///   where `itemReviewed` is the CreativeWork the claim appeared in (or a Clip, a video...),
    ///   that work is the document, authored by its author.
    /// - **Unnamed claimants**: a claimant marked up as a Person or Organization whose name
    ///   names nobody ("Fuentes varias", "Sources multiples", "social media users") is an unnamed
    ///   group or a collective, by [`lexicon::unnamed_source_kind`](crate::lexicon::unnamed_source_kind),
    ///   and the report says so.
    /// - **Verdict**: `reviewRating.alternateName` (else `name`) is the label, kept as the
    ///   reviewer wrote it. `ratingValue`, `bestRating` (default 5) and `worstRating` (default 1)
    ///   become the numeric rating when they are numbers, also written as strings, and the value
    ///   lies on the scale; scales may run either way (`bestRating` below `worstRating`). A value
    ///   of -1, or one off the scale, leaves the label only, and the report says so. A review
    ///   without a label has one made from its rating ("1 on a scale from 1 (worst) to 5
    ///   (best)"), or `"Not rated"` when there is no rating at all. The summary is `reviewBody`,
    ///   else `description`, else `reviewRating.ratingExplanation`.
    /// - **Dates**: ISO 8601 and RFC 3339, and the forms publishers write: `Wed, 11 Mar 2020
    ///   01:05:52 UTC +00:00`, `Sat, 07 Nov 2020`, `2017-03-01 20:30:17 UTC`, `March 11, 2020`.
    ///   A date and time without a zone (`2020-10-07 20:05`) is read as its day; a text that is
    ///   no date is left out. The report notes both, once per field and text.
    /// - **Nothing dropped silently**: every property that has no place in the graph (a
    ///   review's `name` or `headline`, a party's `sameAs` beyond its url, `logo`, `jobTitle`, a
    ///   Clip's `startOffset` and `endOffset`, any unknown key) is listed in
    ///   [`ImportReport::skipped`] as an `"attribute"` of the JSON path it was found at, with its
    ///   value; a party's are listed once however many reviews repeat them.
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
    /// field has the wrong shape (a rating that is not a number, a review without a claim
    /// text); the model's errors when a record breaks a graph rule.
    pub fn import_claimreview(&mut self, json: &str) -> Result<ImportReport> {
        self.read_claimreview(json, false)
    }

    fn read_claimreview(&mut self, json: &str, lenient: bool) -> Result<ImportReport> {
        let value = crate::io::parse_document(FORMAT, json)?;
        let value = without_empty_values(value).unwrap_or(Value::Array(Vec::new()));
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
            reported: BTreeMap::new(),
            claim_slugs: HashMap::new(),
        };
        for (i, (path, item)) in items.iter().enumerate() {
            let mark = im.mark();
            let result = im.item(path, item);
            if let Err(e) = result {
                im.roll_back_to(&mark);
                if !lenient {
                    im.roll_back_to(&Mark::default());
                    return Err(e);
                }
                let (field, reason) = match e {
                    Error::Format {
                        location, message, ..
                    } => (location.record.unwrap_or_else(|| path.clone()), message),
                    other => (path.clone(), other.to_string()),
                };
                im.report.rejected.push(RejectedRecord {
                    index: i,
                    record: path.clone(),
                    field,
                    reason,
                });
            }
        }
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
}

/// How far an import had come, to undo one review.
#[derive(Default)]
struct Mark {
    nodes: usize,
    edges: usize,
    skipped: usize,
    notes: usize,
}

struct Importer<'g, 'a> {
    g: &'g mut ClaimGraph,
    /// Items of the input by `@id`, to follow references.
    index: BTreeMap<String, &'a Map<String, Value>>,
    report: ImportReport,
    added_nodes: Vec<String>,
    added_edges: Vec<(RecordKind, String)>,
    /// The properties of parties already listed in `skipped`, (graph id, key, value), with
    /// their place in it.
    reported: BTreeMap<(String, String, String), usize>,
    /// Per claim id asked for, the claims met under it (text -> id) and the next suffix to try,
    /// so that many claims sharing a slug do not probe every suffix again (16,000 reviews of
    /// one slug took 13 s).
    claim_slugs: HashMap<String, (HashMap<String, String>, usize)>,
}

/// What a party is, for the kind it gets when its `@type` does not say.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Party,
    Publisher,
    Work,
}

impl Importer<'_, '_> {
    fn mark(&self) -> Mark {
        Mark {
            nodes: self.added_nodes.len(),
            edges: self.added_edges.len(),
            skipped: self.report.skipped.len(),
            notes: self.report.notes.len(),
        }
    }

    /// Removes what was added since `mark`, and what the report said of it.
    fn roll_back_to(&mut self, mark: &Mark) {
        while self.added_edges.len() > mark.edges {
            let Some((kind, id)) = self.added_edges.pop() else {
                break;
            };
            let _ = match kind {
                RecordKind::Attribution => self.g.remove_attribution(&id).map(|_| ()),
                RecordKind::SourceRelation => self.g.remove_source_relation(&id).map(|_| ()),
                _ => self.g.remove_verdict(&id).map(|_| ()),
            };
        }
        while self.added_nodes.len() > mark.nodes {
            let Some(id) = self.added_nodes.pop() else {
                break;
            };
            if self.g.source(&id).is_some() {
                let _ = self.g.remove_source(&id);
            } else {
                let _ = self.g.remove_claim(&id);
            }
        }
        self.report.skipped.truncate(mark.skipped);
        self.report.notes.truncate(mark.notes);
        self.reported.retain(|_, at| *at < mark.skipped);
    }

    /// One item of the input: a ClaimReview, a MediaReview carrying one, or something else,
    /// which is skipped.
    fn item(&mut self, path: &str, item: &Map<String, Value>) -> Result<()> {
        let types = types_of(item);
        if types.iter().any(|t| t == "ClaimReview") {
            return self.review(path, item);
        }
        let id = item
            .get("@id")
            .and_then(Value::as_str)
            .unwrap_or(path)
            .to_owned();
        if types.iter().any(|t| t == "MediaReview") {
            let reviews = objects(item, "associatedClaimReview", path)?;
            if reviews.is_empty() {
                self.report.skip(
                    "MediaReview",
                    &id,
                    None,
                    Some(&Value::Object(item.clone())),
                    "a MediaReview without an associatedClaimReview rates media, not a claim",
                );
                return Ok(());
            }
            for (p, r) in &reviews {
                self.review(p, r)?;
            }
            let mut rest = item.clone();
            rest.remove("associatedClaimReview");
            for (k, v) in &rest {
                if !matches!(k.as_str(), "@type" | "type" | "@context" | "@id") {
                    self.report.skip(
                        "attribute",
                        path,
                        Some(k),
                        Some(v),
                        "a MediaReview's rating of the media has no place in a claim graph; its associatedClaimReview was read",
                    );
                }
            }
            return Ok(());
        }
        let kind = types.first().map_or("item without @type", String::as_str);
        self.report.skip(
            kind,
            &id,
            None,
            Some(&Value::Object(item.clone())),
            "not a ClaimReview",
        );
        Ok(())
    }

    /// Lists in `skipped` every key of `m` that is not in `handled`, as attributes of `path`.
    /// With `party`, the graph id of the source the object made: its keys are listed once
    /// however many reviews repeat them.
    pub(super) fn leftovers(
        &mut self,
        path: &str,
        m: &Map<String, Value>,
        handled: &[&str],
        party: Option<&str>,
    ) {
        for (k, v) in m {
            if k.starts_with('@') || k == "type" || handled.contains(&k.as_str()) {
                continue;
            }
            if let Some(id) = party {
                let key = (id.to_owned(), k.clone(), v.to_string());
                if self.reported.contains_key(&key) {
                    continue;
                }
                self.reported.insert(key, self.report.skipped.len());
            }
            self.report
                .skip("attribute", path, Some(k), Some(v), skip_reason(k));
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
            None => Map::new(),
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
        let authors = objects(r, "author", path)?;
        let publishers = objects(r, "publisher", path)?;
        let (reviewers, others) = if authors.is_empty() {
            (publishers, Vec::new())
        } else {
            (authors, publishers)
        };
        let reviewer = match reviewers.first() {
            Some((p, o)) => self.party(p, o.clone(), Role::Party)?,
            None => {
                self.report.note(format!(
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
        // The fact-checker a reviewing journalist writes for.
        let reviewer_is_person = self
            .g
            .source(&reviewer)
            .is_some_and(|s| s.kind == SourceKind::Person);
        for (p, o) in others {
            if reviewer_is_person {
                let outlet = self.party(&p, o, Role::Publisher)?;
                self.add_relation(&reviewer, SourceRelationKind::AffiliatedWith, &outlet)?;
            } else {
                self.report.skip(
                    "publisher",
                    &p,
                    None,
                    Some(&Value::Object(o)),
                    "the review's author is its reviewer; a publisher beside an organization author has no place in the verdict",
                );
            }
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
        let review_tags = keywords(r, path)?;
        let claim_id = self.claim(&item_path, &item, item_is_claim, &claim_text, review_tags)?;

        // The claimants.
        self.claimants(path, r, &item_path, &item, item_is_claim, &claim_id)?;
        if item_is_claim {
            // A second wording of the claim beside claimReviewed.
            let mut handled = CLAIM_KEYS.to_vec();
            for k in ["text", "name"] {
                if text(&item, k, &item_path)?.as_deref() == Some(claim_text.as_str()) {
                    handled.push(k);
                }
            }
            self.leftovers(&item_path, &item, &handled, None);
        }

        // The verdict.
        self.verdict(path, r, reviewer, claim_id)?;
        self.leftovers(path, r, REVIEW_KEYS, None);
        Ok(())
    }

    fn claim(
        &mut self,
        item_path: &str,
        item: &Map<String, Value>,
        item_is_claim: bool,
        text_: &str,
        review_tags: Vec<String>,
    ) -> Result<String> {
        let own = match item.get("@id") {
            Some(Value::String(id)) if item_is_claim => Some(self.id_from_iri(id, item_path)?),
            _ => None,
        };
        let mut c = Claim::new(own.clone().unwrap_or_else(|| slug(text_)), text_);
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
            c.tags = keywords(item, item_path)?;
            if let Some(Value::Object(q)) = item.get("cg:quantity") {
                let qp = format!("{item_path}.cg:quantity");
                match (number(q, "cg:value", &qp)?, text(q, "cg:unit", &qp)?) {
                    (Some(v), Some(u)) => c.quantity = Some(Quantity::new(v, u)),
                    _ => return Err(fmt_err(&qp, "a quantity needs cg:value and cg:unit")),
                }
            }
        }
        for t in review_tags {
            if !c.tags.contains(&t) {
                c.tags.push(t);
            }
        }
        // The same id and text is the same claim; anything else under that id is another one.
        let base = c.id.clone();
        let (met, next) = self.claim_slugs.entry(base.clone()).or_default();
        // A claim met before under this id, if it is still in the graph (a failed item's
        // claims are taken out again).
        if let Some(id) = met.get(&c.text) {
            if self.g.claim(id).is_some_and(|e| e.text == c.text) {
                return Ok(id.clone());
            }
        }
        let mut n = (*next).max(1);
        if n > 1 {
            c.id = format!("{base}-{n}");
        }
        loop {
            match (self.g.claim(&c.id), self.g.contains_node(&c.id)) {
                (Some(existing), _) if existing.text == c.text => {
                    met.insert(c.text.clone(), c.id.clone());
                    *next = n + 1;
                    return Ok(c.id);
                }
                (None, false) => break,
                (existing, _) => {
                    if let Some(e) = existing {
                        met.insert(e.text.clone(), c.id.clone());
                    }
                    n += 1;
                    c.id = format!("{base}-{n}");
                }
            }
        }
        met.insert(c.text.clone(), c.id.clone());
        *next = n + 1;
        if c.id != base {
            self.report.note(format!(
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
                    self.report.note(format!(
                        "{item_path} has no datePublished; the review's date is taken as when the claim was said"
                    ));
                }
                w
            }
        };
        let authors = objects(item, "author", item_path)?;
        // Every document the claim appeared in, first appearance first, each once.
        let mut appearances: Vec<String> = Vec::new();
        if item_is_claim {
            let first = objects(item, "firstAppearance", item_path)?;
            let all = objects(item, "appearance", item_path)?;
            for (p, o) in first.into_iter().chain(all) {
                let doc = self.work(&p, o)?;
                if !appearances.contains(&doc) {
                    appearances.push(doc);
                }
            }
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
            appearances.push(doc);
        }
        if authors.is_empty() {
            if appearances.is_empty() {
                self.report.note(format!(
                    "{item_path} names no claimant and no appearance; the claim has no attribution"
                ));
            } else {
                self.report.note(format!(
                    "{item_path} names no claimant; each of the {} documents it appeared in asserts the claim in its own voice",
                    appearances.len()
                ));
            }
            for doc in &appearances {
                let published = self.g.source(doc).and_then(|s| s.published);
                let mut a = Attribution::new(doc.clone(), claim, Stance::Asserts);
                a.said = published.or(said);
                self.add_attribution(a)?;
            }
            return Ok(());
        }
        for (p, o) in authors {
            let source = self.party(&p, o, Role::Party)?;
            let vias: Vec<Option<String>> = if appearances.is_empty() {
                vec![None]
            } else {
                appearances.iter().cloned().map(Some).collect()
            };
            for via in vias {
                let mut a = Attribution::new(source.clone(), claim, Stance::Asserts);
                a.said = said;
                a.via = via.into_iter().map(crate::model::Hop::new).collect();
                self.add_attribution(a)?;
            }
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
            None => None,
            Some(Value::String(q)) => Some(q.clone()),
            Some(_) => return Err(fmt_err(&format!("{ap}.cg:quote"), "expected text")),
        };
        match a.get("cg:via") {
            None => {}
            Some(Value::Object(v)) => {
                att.via = vec![crate::model::Hop::new(
                    self.work(&format!("{ap}.cg:via"), v.clone())?,
                )];
            }
            Some(Value::Array(hops)) => {
                for (i, h) in hops.iter().enumerate() {
                    let hp = format!("{ap}.cg:via[{i}]");
                    let Value::Object(h) = h else {
                        return Err(fmt_err(&hp, "a hop is a document object"));
                    };
                    let date = date(h, "cg:hopDate", &hp, &mut self.report)?;
                    let mut doc = h.clone();
                    doc.remove("cg:hopDate");
                    let mut hop = crate::model::Hop::new(self.work(&hp, doc)?);
                    hop.date = date;
                    att.via.push(hop);
                }
            }
            Some(_) => {
                return Err(fmt_err(
                    &format!("{ap}.cg:via"),
                    "expected a document or a list of hops",
                ))
            }
        }
        match a.get("cg:basis") {
            None => {}
            Some(Value::Array(list)) => {
                for (i, b) in list.iter().enumerate() {
                    let bp = format!("{ap}.cg:basis[{i}]");
                    let Value::Object(b) = b else {
                        return Err(fmt_err(&bp, "a basis is a party object"));
                    };
                    att.basis.push(self.party(&bp, b.clone(), Role::Party)?);
                }
            }
            Some(_) => {
                return Err(fmt_err(
                    &format!("{ap}.cg:basis"),
                    "expected a list of parties",
                ))
            }
        }
        self.leftovers(
            ap,
            a,
            &[
                "cg:source",
                "cg:stance",
                "cg:modality",
                "cg:said",
                "cg:quote",
                "cg:via",
                "cg:basis",
            ],
            None,
        );
        // The same statement written under another claim it covers: one record covering both.
        if let Some(mut existing) = self.g.attribution(&att.id) {
            let same = |mut x: Attribution, claim: &str| {
                x.claim = claim.to_owned();
                x.covers.clear();
                x
            };
            if existing.claim != claim
                && !existing.covers.iter().any(|c| c == claim)
                && same(existing.clone(), claim) == att
            {
                existing.covers.push(claim.to_owned());
                self.g.update_attribution(existing)?;
                return Ok(());
            }
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
            None => None,
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
            let alternate = text(ro, "alternateName", rp)?;
            let name = text(ro, "name", rp)?;
            let mut handled = RATING_KEYS.to_vec();
            if alternate.is_none() || alternate == name {
                handled.push("name");
            }
            label = alternate.or(name);
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
                if value == -1.0 && (best == worst || !(lo..=hi).contains(&value)) {
                    self.report.note(format!(
                        "{rp}.ratingValue is -1 (no numeric rating); the label alone is kept"
                    ));
                } else if best == worst || !(lo..=hi).contains(&value) {
                    self.report.note(format!(
                        "{rp}.ratingValue {value} is not on the scale from {worst} to {best}; the label alone is kept"
                    ));
                } else {
                    rating = Some(Rating::new(value, best, worst));
                }
            }
            if has_any(r, &["reviewBody", "description"]) {
                handled.retain(|k| *k != "ratingExplanation");
            }
            self.leftovers(rp, ro, &handled, None);
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
            Some(t) => {
                if let Some(d) = r.get("description") {
                    self.report.skip(
                        "attribute",
                        path,
                        Some("description"),
                        Some(d),
                        "a verdict has one summary; reviewBody was kept",
                    );
                }
                Some(t)
            }
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

/// A review's or a claim's `keywords`: a comma-separated text or a list of texts.
fn keywords(m: &Map<String, Value>, path: &str) -> Result<Vec<String>> {
    // One text is a comma-separated list; a list's items are tags as they are.
    let raw: Vec<String> = match m.get("keywords") {
        Some(Value::String(k)) => k.split(',').map(str::to_owned).collect(),
        _ => texts(m, "keywords", path)?,
    };
    let mut out: Vec<String> = Vec::new();
    for k in &raw {
        let k = k.trim();
        if !k.is_empty() && !out.iter().any(|o| o == k) {
            out.push(k.to_owned());
        }
    }
    Ok(out)
}

/// The keys of a ClaimReview that this import reads (`@` keys are always read).
const REVIEW_KEYS: &[&str] = &[
    "claimReviewed",
    "author",
    "publisher",
    "itemReviewed",
    "reviewRating",
    "datePublished",
    "url",
    "reviewBody",
    "description",
    "keywords",
];

/// The keys of a Claim that this import reads; `text` and `name` are read when they are the
/// claim's text.
const CLAIM_KEYS: &[&str] = &[
    "about",
    "temporalCoverage",
    "keywords",
    "cg:quantity",
    "cg:attribution",
    "author",
    "datePublished",
    "firstAppearance",
    "appearance",
];

/// The keys of a Rating that this import reads; `name` is read when it is the label, and
/// `ratingExplanation` when there is no other summary.
const RATING_KEYS: &[&str] = &[
    "alternateName",
    "ratingValue",
    "bestRating",
    "worstRating",
    "ratingExplanation",
];

/// Why a property with no place in the graph was left out.
fn skip_reason(key: &str) -> &'static str {
    match key {
        "name" | "headline" | "alternativeHeadline" => {
            "a title or second wording with no place in the record it belongs to"
        }
        "sameAs" => "another identifier of the same thing: a source keeps one url",
        "logo" | "image" | "thumbnailUrl" => "a picture has no place in a claim graph",
        "jobTitle" | "affiliation" | "worksFor" => {
            "a person's position has no place in a source (add an affiliated-with relation)"
        }
        "startOffset" | "endOffset" | "startTime" | "endTime" => {
            "a clip's place within its media has no place in a source"
        }
        "inLanguage" => "the language of a text has no place in a claim graph",
        "dateModified" | "dateCreated" => "only the date of publication is kept",
        "isPartOf" => "the work it is part of is kept only as its url",
        _ => "a property with no place in a claim graph",
    }
}
