//! One table per record kind, each defined in one place: its columns (the `table!` list gives
//! the schema and the column order), how a record fills a row, and how a row reads back.
//!
//! Writing destructures each record without `..` and reading builds it with a struct literal, so
//! a field added to a record is a compile error here until the table carries it.

use arrow_array::ArrayRef;
use arrow_schema::Field;

use super::columns::{
    number_at, Batch, Column, Count, Flag, HopList, OptNumber, OptText, Text, TextList,
};
use super::TableError;
use crate::model::{
    Attribution, Claim, ClaimRelation, Quantity, Rating, Source, SourceRelation, Verdict,
};
use crate::query::{Origin, StatusSummary};
use crate::time::Period;

/// A table being filled: its name, its schema, and its rows so far.
pub(crate) trait Table: Default {
    /// The table's name (and file name, without `.parquet`).
    const NAME: &'static str;
    /// The columns, in order.
    fn fields() -> Vec<Field>;
    /// Rows pushed since the last [`Table::finish`].
    fn rows(&self) -> usize;
    /// The columns of the rows pushed since the last call, in the order of [`Table::fields`].
    fn finish(&mut self) -> Vec<ArrayRef>;
}

/// A table that one kind of row fills.
pub(crate) trait Push<R>: Table {
    fn push(&mut self, row: R);
}

macro_rules! table {
    ($(#[$m:meta])* $name:ident = $table:literal { $($col:ident: $ty:ty),* $(,)? }) => {
        $(#[$m])*
        #[derive(Default)]
        pub(crate) struct $name {
            rows: usize,
            $($col: $ty,)*
        }
        impl Table for $name {
            const NAME: &'static str = $table;
            fn fields() -> Vec<Field> {
                vec![$(<$ty as Column>::field(stringify!($col))),*]
            }
            fn rows(&self) -> usize {
                self.rows
            }
            fn finish(&mut self) -> Vec<ArrayRef> {
                self.rows = 0;
                vec![$(self.$col.finish()),*]
            }
        }
    };
}

// ----- sources -----------------------------------------------------------------------------

table!(
    /// `sources`: one row per [`Source`].
    Sources = "sources" {
        id: Text,
        kind: Text,
        name: Text,
        aliases: TextList,
        reliability: OptText,
        url: OptText,
        title: OptText,
        published: OptText,
    }
);

impl Push<&Source> for Sources {
    fn push(&mut self, s: &Source) {
        let Source {
            id,
            kind,
            name,
            aliases,
            reliability,
            url,
            title,
            published,
        } = s;
        self.rows += 1;
        self.id.push(id);
        self.kind.push(kind.as_str());
        self.name.push(name);
        self.aliases.push(aliases);
        self.reliability.push(reliability.map(|r| r.as_str()));
        self.url.push(url.as_deref());
        self.title.push(title.as_deref());
        self.published.push_display(published.as_ref());
    }
}

impl Sources {
    pub(crate) fn read(b: &Batch<'_>) -> Result<Vec<Source>, TableError> {
        let (id, kind, name, aliases) = (
            b.text("id")?,
            b.text("kind")?,
            b.text("name")?,
            b.text_list("aliases")?,
        );
        let (reliability, url, title, published) = (
            b.text("reliability")?,
            b.text("url")?,
            b.text("title")?,
            b.text("published")?,
        );
        (0..b.batch.num_rows())
            .map(|i| {
                Ok(Source {
                    id: id.get(i)?.to_owned(),
                    kind: kind.parse(i)?,
                    name: name.get(i)?.to_owned(),
                    aliases: aliases.get(i)?,
                    reliability: reliability.parse_opt(i)?,
                    url: url.opt(i).map(str::to_owned),
                    title: title.opt(i).map(str::to_owned),
                    published: published.parse_opt(i)?,
                })
            })
            .collect()
    }
}

// ----- claims ------------------------------------------------------------------------------

table!(
    /// `claims`: one row per [`Claim`]; the period and the quantity as two columns each.
    Claims = "claims" {
        id: Text,
        text: Text,
        subjects: TextList,
        period_start: OptText,
        period_end: OptText,
        tags: TextList,
        quantity_value: OptNumber,
        quantity_unit: OptText,
    }
);

impl Push<&Claim> for Claims {
    fn push(&mut self, c: &Claim) {
        let Claim {
            id,
            text,
            subjects,
            period,
            tags,
            quantity,
        } = c;
        self.rows += 1;
        self.id.push(id);
        self.text.push(text);
        self.subjects.push(subjects);
        let (start, end) = match period {
            Some(Period { start, end }) => (start.as_ref(), end.as_ref()),
            None => (None, None),
        };
        self.period_start.push_display(start);
        self.period_end.push_display(end);
        self.tags.push(tags);
        self.quantity_value.push(quantity.as_ref().map(|q| q.value));
        self.quantity_unit
            .push(quantity.as_ref().map(|q| q.unit.as_str()));
    }
}

impl Claims {
    pub(crate) fn read(b: &Batch<'_>) -> Result<Vec<Claim>, TableError> {
        let (id, text, subjects, tags) = (
            b.text("id")?,
            b.text("text")?,
            b.text_list("subjects")?,
            b.text_list("tags")?,
        );
        let (start, end) = (b.text("period_start")?, b.text("period_end")?);
        let (value, unit) = (b.number("quantity_value")?, b.text("quantity_unit")?);
        (0..b.batch.num_rows())
            .map(|i| {
                let (start, end) = (start.parse_opt(i)?, end.parse_opt(i)?);
                let quantity = match (number_at(value, i), unit.opt(i)) {
                    (Some(value), Some(unit)) => Some(Quantity::new(value, unit)),
                    (None, None) => None,
                    _ => {
                        return Err(TableError {
                            row: Some(i),
                            column: Some("quantity_value"),
                            message: "a quantity needs both its value and its unit".into(),
                        })
                    }
                };
                Ok(Claim {
                    id: id.get(i)?.to_owned(),
                    text: text.get(i)?.to_owned(),
                    subjects: subjects.get(i)?,
                    period: (start.is_some() || end.is_some()).then(|| Period::new(start, end)),
                    tags: tags.get(i)?,
                    quantity,
                })
            })
            .collect()
    }
}

// ----- attributions ------------------------------------------------------------------------

table!(
    /// `attributions`: one row per [`Attribution`]. `via` is the reporting chain from the
    /// speaker outward, a list of `{source, date}`; `covers` the further claims the same
    /// statement covers (the row is the statement, kept once); `basis` the sources an assertion
    /// rests on for these claims.
    Attributions = "attributions" {
        id: Text,
        source: Text,
        claim: Text,
        stance: Text,
        modality: Text,
        said: OptText,
        quote: OptText,
        via: HopList,
        basis: TextList,
        covers: TextList,
    }
);

impl Push<Attribution> for Attributions {
    fn push(&mut self, a: Attribution) {
        let Attribution {
            id,
            source,
            claim,
            stance,
            modality,
            said,
            quote,
            via,
            basis,
            covers,
        } = a;
        self.rows += 1;
        self.id.push(&id);
        self.source.push(&source);
        self.claim.push(&claim);
        self.stance.push(stance.as_str());
        self.modality.push(modality.as_str());
        self.said.push_display(said);
        self.quote.push(quote.as_deref());
        self.via.push(&via);
        self.basis.push(&basis);
        self.covers.push(&covers);
    }
}

impl Attributions {
    pub(crate) fn read(b: &Batch<'_>) -> Result<Vec<Attribution>, TableError> {
        let (id, source, claim, stance) = (
            b.text("id")?,
            b.text("source")?,
            b.text("claim")?,
            b.text("stance")?,
        );
        let (modality, said, quote, via) = (
            b.text("modality")?,
            b.text("said")?,
            b.text("quote")?,
            b.hop_list("via")?,
        );
        let (basis, covers) = (b.text_list("basis")?, b.text_list("covers")?);
        (0..b.batch.num_rows())
            .map(|i| {
                Ok(Attribution {
                    id: id.get(i)?.to_owned(),
                    source: source.get(i)?.to_owned(),
                    claim: claim.get(i)?.to_owned(),
                    stance: stance.parse(i)?,
                    modality: modality.parse_opt(i)?.unwrap_or_default(),
                    said: said.parse_opt(i)?,
                    quote: quote.opt(i).map(str::to_owned),
                    via: via.get(i)?,
                    basis: basis.get(i)?,
                    covers: covers.get(i)?,
                })
            })
            .collect()
    }
}

// ----- relations ---------------------------------------------------------------------------

table!(
    /// `source_relations`: one row per [`SourceRelation`] (`from_source` cites, is authored by,
    /// is published in or is affiliated with `to_source`), holding from `since` to `until` when
    /// it holds for a time only.
    SourceRelations = "source_relations" {
        id: Text,
        from_source: Text,
        kind: Text,
        to_source: Text,
        date: OptText,
        since: OptText,
        until: OptText,
    }
);

impl Push<SourceRelation> for SourceRelations {
    fn push(&mut self, r: SourceRelation) {
        let SourceRelation {
            id,
            from,
            kind,
            to,
            date,
            since,
            until,
        } = r;
        self.rows += 1;
        self.id.push(&id);
        self.from_source.push(&from);
        self.kind.push(kind.as_str());
        self.to_source.push(&to);
        self.date.push_display(date);
        self.since.push_display(since);
        self.until.push_display(until);
    }
}

impl SourceRelations {
    pub(crate) fn read(b: &Batch<'_>) -> Result<Vec<SourceRelation>, TableError> {
        let (id, from, kind, to) = (
            b.text("id")?,
            b.text("from_source")?,
            b.text("kind")?,
            b.text("to_source")?,
        );
        let (date, since, until) = (b.text("date")?, b.text("since")?, b.text("until")?);
        (0..b.batch.num_rows())
            .map(|i| {
                Ok(SourceRelation {
                    id: id.get(i)?.to_owned(),
                    from: from.get(i)?.to_owned(),
                    kind: kind.parse(i)?,
                    to: to.get(i)?.to_owned(),
                    date: date.parse_opt(i)?,
                    since: since.parse_opt(i)?,
                    until: until.parse_opt(i)?,
                })
            })
            .collect()
    }
}

table!(
    /// `claim_relations`: one row per [`ClaimRelation`].
    ClaimRelations = "claim_relations" {
        id: Text,
        from_claim: Text,
        kind: Text,
        to_claim: Text,
    }
);

impl Push<ClaimRelation> for ClaimRelations {
    fn push(&mut self, r: ClaimRelation) {
        let ClaimRelation { id, from, kind, to } = r;
        self.rows += 1;
        self.id.push(&id);
        self.from_claim.push(&from);
        self.kind.push(kind.as_str());
        self.to_claim.push(&to);
    }
}

impl ClaimRelations {
    pub(crate) fn read(b: &Batch<'_>) -> Result<Vec<ClaimRelation>, TableError> {
        let (id, from, kind, to) = (
            b.text("id")?,
            b.text("from_claim")?,
            b.text("kind")?,
            b.text("to_claim")?,
        );
        (0..b.batch.num_rows())
            .map(|i| {
                Ok(ClaimRelation {
                    id: id.get(i)?.to_owned(),
                    from: from.get(i)?.to_owned(),
                    kind: kind.parse(i)?,
                    to: to.get(i)?.to_owned(),
                })
            })
            .collect()
    }
}

// ----- verdicts ----------------------------------------------------------------------------

table!(
    /// `verdicts`: one row per [`Verdict`]; the rating as three columns.
    Verdicts = "verdicts" {
        id: Text,
        reviewer: Text,
        claim: Text,
        label: Text,
        rating_value: OptNumber,
        rating_best: OptNumber,
        rating_worst: OptNumber,
        date: OptText,
        url: OptText,
        summary: OptText,
    }
);

impl Push<Verdict> for Verdicts {
    fn push(&mut self, v: Verdict) {
        let Verdict {
            id,
            reviewer,
            claim,
            label,
            rating,
            date,
            url,
            summary,
        } = v;
        self.rows += 1;
        self.id.push(&id);
        self.reviewer.push(&reviewer);
        self.claim.push(&claim);
        self.label.push(&label);
        self.rating_value.push(rating.map(|r| r.value));
        self.rating_best.push(rating.map(|r| r.best));
        self.rating_worst.push(rating.map(|r| r.worst));
        self.date.push_display(date);
        self.url.push(url.as_deref());
        self.summary.push(summary.as_deref());
    }
}

impl Verdicts {
    pub(crate) fn read(b: &Batch<'_>) -> Result<Vec<Verdict>, TableError> {
        let (id, reviewer, claim, label) = (
            b.text("id")?,
            b.text("reviewer")?,
            b.text("claim")?,
            b.text("label")?,
        );
        let (value, best, worst) = (
            b.number("rating_value")?,
            b.number("rating_best")?,
            b.number("rating_worst")?,
        );
        let (date, url, summary) = (b.text("date")?, b.text("url")?, b.text("summary")?);
        (0..b.batch.num_rows())
            .map(|i| {
                let rating = match (number_at(value, i), number_at(best, i), number_at(worst, i)) {
                    (Some(v), Some(b), Some(w)) => Some(Rating::new(v, b, w)),
                    (None, None, None) => None,
                    _ => {
                        return Err(TableError {
                            row: Some(i),
                            column: Some("rating_value"),
                            message: "a rating needs its value, best and worst together".into(),
                        })
                    }
                };
                Ok(Verdict {
                    id: id.get(i)?.to_owned(),
                    reviewer: reviewer.get(i)?.to_owned(),
                    claim: claim.get(i)?.to_owned(),
                    label: label.get(i)?.to_owned(),
                    rating,
                    date: date.parse_opt(i)?,
                    url: url.opt(i).map(str::to_owned),
                    summary: summary.opt(i).map(str::to_owned),
                })
            })
            .collect()
    }
}

// ----- what the core computes once per source and per claim ---------------------------------

table!(
    /// `source_origins`: one row per (source, origin) pair: the origins a source's own
    /// assertions trace back to, as [`ClaimGraph::origins_of_source`] gives them, with the
    /// origin's independence group.
    ///
    /// [`ClaimGraph::origins_of_source`]: crate::ClaimGraph::origins_of_source
    SourceOrigins = "source_origins" {
        source: Text,
        origin: Text,
        origin_members: TextList,
        circular: Flag,
        unnamed: Flag,
        independence_group: Text,
        affiliation_tops: TextList,
    }
);

/// One row of `source_origins`: a source, one of its origins, and the names of the tops of that
/// origin's affiliation chains (sorted; the first is its independence group).
pub(crate) struct SourceOriginRow<'a> {
    pub(crate) source: &'a str,
    pub(crate) origin: &'a Origin,
    pub(crate) tops: &'a [&'a str],
}

impl Push<SourceOriginRow<'_>> for SourceOrigins {
    fn push(&mut self, r: SourceOriginRow<'_>) {
        let Origin {
            id,
            members,
            circular,
            unnamed,
        } = r.origin;
        self.rows += 1;
        self.source.push(r.source);
        self.origin.push(id);
        self.origin_members.push(members);
        self.circular.push(*circular);
        self.unnamed.push(*unnamed);
        self.independence_group
            .push(r.tops.first().copied().unwrap_or(id));
        self.affiliation_tops.push(r.tops);
    }
}

table!(
    /// `statement_origins`: one row per assertion, origin it traces back to, and name of what
    /// that origin answered to at the time of the statement (the tops of its members'
    /// affiliation chains, reading each affiliation's `since` and `until` then). `traced_from`
    /// is the speaker, or the basis source the origin was reached from.
    StatementOrigins = "statement_origins" {
        attribution: Text,
        traced_from: Text,
        origin: Text,
        answers_to: Text,
    }
);

/// One row of `statement_origins`.
pub(crate) struct StatementOriginRow<'a> {
    pub(crate) attribution: &'a str,
    pub(crate) traced_from: &'a str,
    pub(crate) origin: &'a str,
    pub(crate) answers_to: &'a str,
}

impl Push<StatementOriginRow<'_>> for StatementOrigins {
    fn push(&mut self, r: StatementOriginRow<'_>) {
        let StatementOriginRow {
            attribution,
            traced_from,
            origin,
            answers_to,
        } = r;
        self.rows += 1;
        self.attribution.push(attribution);
        self.traced_from.push(traced_from);
        self.origin.push(origin);
        self.answers_to.push(answers_to);
    }
}

table!(
    /// `claim_relatives`: one row per claim and each claim its answers draw on, as the core
    /// follows the relations between claims: `rewording` (the claim itself, and every claim
    /// linked to it by same-as at any distance: their stances and origins are pooled),
    /// `specialization` (a claim that specializes it, at any depth: an assertion of it makes
    /// this claim asserted for `disputed`), `generalization` (a claim it specializes: a denial
    /// of it makes this claim denied for `disputed`).
    ClaimRelatives = "claim_relatives" {
        claim: Text,
        relative: Text,
        relation: Text,
    }
);

/// One row of `claim_relatives`.
pub(crate) struct ClaimRelativeRow<'a> {
    pub(crate) claim: &'a str,
    pub(crate) relative: &'a str,
    pub(crate) relation: &'static str,
}

impl Push<ClaimRelativeRow<'_>> for ClaimRelatives {
    fn push(&mut self, r: ClaimRelativeRow<'_>) {
        let ClaimRelativeRow {
            claim,
            relative,
            relation,
        } = r;
        self.rows += 1;
        self.claim.push(claim);
        self.relative.push(relative);
        self.relation.push(relation);
    }
}

table!(
    /// `statuses`: one row per claim, the figures of [`ClaimGraph::summaries`].
    ///
    /// [`ClaimGraph::summaries`]: crate::ClaimGraph::summaries
    Statuses = "statuses" {
        claim: Text,
        asserters: Count,
        deniers: Count,
        doubters: Count,
        disputed: Flag,
        origins: Count,
        independent_origins: Count,
        unnamed_only: Flag,
        interested_denial: Flag,
        circular_reporting: Flag,
        verdicts: Count,
    }
);

impl Push<StatusSummary> for Statuses {
    fn push(&mut self, s: StatusSummary) {
        let StatusSummary {
            claim,
            asserters,
            deniers,
            doubters,
            disputed,
            origins,
            independent_origins,
            unnamed_only,
            interested_denial,
            circular_reporting,
            verdicts,
        } = s;
        self.rows += 1;
        self.claim.push(&claim);
        self.asserters.push(asserters);
        self.deniers.push(deniers);
        self.doubters.push(doubters);
        self.disputed.push(disputed);
        self.origins.push(origins);
        self.independent_origins.push(independent_origins);
        self.unnamed_only.push(unnamed_only);
        self.interested_denial.push(interested_denial);
        self.circular_reporting.push(circular_reporting);
        self.verdicts.push(verdicts);
    }
}
