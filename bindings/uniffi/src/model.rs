//! The records an app builds and displays, mirroring the core's, with dates as ISO 8601 text.
//!
//! Dates cross the boundary as strings in the forms the core's `When` reads: a year (`"2024"`), a
//! month (`"2024-06"`), a day (`"2024-06-18"`) or an RFC 3339 timestamp with offset
//! (`"2024-06-18T23:30:00+08:00"`). Reporting often knows only the month, which no platform time
//! type can say; a date that cannot be read is a `ClaimGraphError::InvalidInput` naming the record
//! and the field. Dates read back are in the same forms.
//!
//! Edge records (attributions, relations, verdicts) take an optional `id`: left out, the core's
//! default id is used (`"{source}:{stance}:{claim}"`, `"{from}:{kind}:{to}"`,
//! `"{reviewer}:verdict:{claim}"`). Records read back always carry their id.

use claimgraph::When;

use crate::error::{ClaimGraphError, Result};

/// Reads an optional date given for `field` of the record `record_id`.
pub(crate) fn parse_when(
    text: Option<String>,
    record_id: Option<&str>,
    field: &str,
) -> Result<Option<When>> {
    match text {
        None => Ok(None),
        Some(t) => When::parse(&t)
            .map(Some)
            .map_err(|e| ClaimGraphError::from(e).in_field(record_id, field)),
    }
}

/// Reads a date given as a call's argument (`asOf`).
pub(crate) fn parse_date_argument(text: &str, argument: &str) -> Result<When> {
    When::parse(text).map_err(|e| ClaimGraphError::from(e).in_field(None, argument))
}

fn when_text(w: Option<When>) -> Option<String> {
    w.map(|w| w.to_string())
}

macro_rules! mirror_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl From<claimgraph::$name> for $name {
            fn from(v: claimgraph::$name) -> Self {
                match v {
                    $(claimgraph::$name::$variant => $name::$variant,)*
                }
            }
        }

        impl From<$name> for claimgraph::$name {
            fn from(v: $name) -> Self {
                match v {
                    $($name::$variant => claimgraph::$name::$variant,)*
                }
            }
        }
    };
}

mirror_enum! {
    /// What sort of source it is.
    SourceKind {
        /// A named person.
        Person,
        /// A company, party, agency or other body that is not a government.
        Organization,
        /// A government or one of its bodies.
        Government,
        /// A news outlet, agency or broadcaster.
        Outlet,
        /// A single published document: an article, an op-ed, a statistics release.
        Document,
        /// Unnamed people behind a claim ("ROK sources").
        UnnamedGroup,
        /// A loose collective spoken of as one ("the West").
        Collective,
    }
}

mirror_enum! {
    /// Where a source stands on a claim.
    Stance {
        /// The source says the claim is true.
        Asserts,
        /// The source says the claim is false.
        Denies,
        /// The source questions the claim without denying it.
        Doubts,
        /// A non-statement ("declined to comment", "did not respond"): shown, counted neither way.
        NoComment,
    }
}

mirror_enum! {
    /// How firmly the wording commits the source.
    Modality {
        /// Said as fact.
        Stated,
        /// Held or alleged without being stated as fact.
        Alleged,
        /// A forecast.
        Expected,
        /// A possibility entertained.
        Speculated,
    }
}

mirror_enum! {
    /// Reliability of a source on the Admiralty (NATO) scale, A (completely reliable) to F
    /// (cannot be judged).
    Reliability {
        /// Completely reliable.
        A,
        /// Usually reliable.
        B,
        /// Fairly reliable.
        C,
        /// Not usually reliable.
        D,
        /// Unreliable.
        E,
        /// Reliability cannot be judged.
        F,
    }
}

mirror_enum! {
    /// How one source stands to another.
    SourceRelationKind {
        /// `from` reports what `to` said ("according to `to`").
        Cites,
        /// `from` (a document) was written by `to`.
        AuthoredBy,
        /// `from` (a document) appeared in `to` (an outlet); not followed when tracing origins.
        PublishedIn,
        /// `from` belongs to or speaks for `to`.
        AffiliatedWith,
    }
}

mirror_enum! {
    /// How one claim stands to another.
    ClaimRelationKind {
        /// If `from` is true, `to` is more likely.
        Supports,
        /// `from` and `to` cannot both be true.
        Contradicts,
        /// `from` is a specific instance of `to`.
        Specializes,
        /// `from` is another wording of `to`.
        SameAs,
        /// `from` holds only if `to` does.
        DependsOn,
    }
}

/// Anyone or anything a claim can be attributed to.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Source {
    /// The caller-chosen id, unique among sources and claims.
    pub id: String,
    /// What sort of source it is.
    pub kind: SourceKind,
    /// The name to display.
    pub name: String,
    /// Other names it goes by, for lookup and merging.
    #[uniffi(default)]
    pub aliases: Vec<String>,
    /// Reliability grade, when one has been given.
    #[uniffi(default = None)]
    pub reliability: Option<Reliability>,
    /// Where it can be found.
    #[uniffi(default = None)]
    pub url: Option<String>,
    /// A document's title.
    #[uniffi(default = None)]
    pub title: Option<String>,
    /// When a document was published (ISO 8601, partial dates allowed).
    #[uniffi(default = None)]
    pub published: Option<String>,
}

impl From<claimgraph::Source> for Source {
    fn from(s: claimgraph::Source) -> Self {
        Source {
            id: s.id,
            kind: s.kind.into(),
            name: s.name,
            aliases: s.aliases,
            reliability: s.reliability.map(Into::into),
            url: s.url,
            title: s.title,
            published: when_text(s.published),
        }
    }
}

impl From<&claimgraph::Source> for Source {
    fn from(s: &claimgraph::Source) -> Self {
        s.clone().into()
    }
}

impl TryFrom<Source> for claimgraph::Source {
    type Error = ClaimGraphError;
    fn try_from(s: Source) -> Result<Self> {
        let published = parse_when(s.published, Some(&s.id), "published")?;
        Ok(claimgraph::Source {
            id: s.id,
            kind: s.kind.into(),
            name: s.name,
            aliases: s.aliases,
            reliability: s.reliability.map(Into::into),
            url: s.url,
            title: s.title,
            published,
        })
    }
}

/// The stretch of time a claim is about; either end may be open.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Period {
    /// When the period begins (ISO 8601, partial dates allowed).
    #[uniffi(default = None)]
    pub start: Option<String>,
    /// When the period ends (ISO 8601, partial dates allowed).
    #[uniffi(default = None)]
    pub end: Option<String>,
}

impl From<claimgraph::Period> for Period {
    fn from(p: claimgraph::Period) -> Self {
        Period {
            start: when_text(p.start),
            end: when_text(p.end),
        }
    }
}

fn period_to_core(p: Period, claim_id: &str) -> Result<claimgraph::Period> {
    Ok(claimgraph::Period::new(
        parse_when(p.start, Some(claim_id), "period.start")?,
        parse_when(p.end, Some(claim_id), "period.end")?,
    ))
}

/// A measured amount a claim states ("6,700 containers").
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Quantity {
    /// The number.
    pub value: f64,
    /// What is counted or measured.
    pub unit: String,
}

impl From<claimgraph::Quantity> for Quantity {
    fn from(q: claimgraph::Quantity) -> Self {
        Quantity {
            value: q.value,
            unit: q.unit,
        }
    }
}

impl From<Quantity> for claimgraph::Quantity {
    fn from(q: Quantity) -> Self {
        claimgraph::Quantity::new(q.value, q.unit)
    }
}

/// A proposition in words, which sources assert, deny or doubt.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Claim {
    /// The caller-chosen id, unique among sources and claims.
    pub id: String,
    /// The proposition, in words.
    pub text: String,
    /// Ids of the sources the claim is about (the parties it concerns or accuses).
    #[uniffi(default)]
    pub subjects: Vec<String>,
    /// The stretch of time the claim is about.
    #[uniffi(default = None)]
    pub period: Option<Period>,
    /// Free-form labels.
    #[uniffi(default)]
    pub tags: Vec<String>,
    /// A quantity the claim states.
    #[uniffi(default = None)]
    pub quantity: Option<Quantity>,
}

impl From<claimgraph::Claim> for Claim {
    fn from(c: claimgraph::Claim) -> Self {
        Claim {
            id: c.id,
            text: c.text,
            subjects: c.subjects,
            period: c.period.map(Into::into),
            tags: c.tags,
            quantity: c.quantity.map(Into::into),
        }
    }
}

impl From<&claimgraph::Claim> for Claim {
    fn from(c: &claimgraph::Claim) -> Self {
        c.clone().into()
    }
}

impl TryFrom<Claim> for claimgraph::Claim {
    type Error = ClaimGraphError;
    fn try_from(c: Claim) -> Result<Self> {
        let period = match c.period {
            Some(p) => Some(period_to_core(p, &c.id)?),
            None => None,
        };
        Ok(claimgraph::Claim {
            id: c.id,
            text: c.text,
            subjects: c.subjects,
            period,
            tags: c.tags,
            quantity: c.quantity.map(Into::into),
        })
    }
}

/// A source's stance on a claim, as reported somewhere.
///
/// When an article says "according to ROK sources, ...", the attribution is from the ROK sources,
/// with `via` naming the article.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Attribution {
    /// Who takes the stance (a source id).
    pub source: String,
    /// The claim (a claim id).
    pub claim: String,
    /// Asserts, denies or doubts.
    pub stance: Stance,
    /// How firmly the wording commits the source (`Stated` for plain statements).
    pub modality: Modality,
    /// When it was said (ISO 8601, partial dates allowed).
    #[uniffi(default = None)]
    pub said: Option<String>,
    /// The exact words.
    #[uniffi(default = None)]
    pub quote: Option<String>,
    /// The document or outlet the attribution was reported in (a source id): the last hop of
    /// its reporting chain.
    #[uniffi(default = None)]
    pub via: Option<String>,
    /// For this claim alone, the sources the assertion rests on: origins are traced from them
    /// instead of the speaker, so a relay is not a new origin.
    #[uniffi(default = [])]
    pub basis: Vec<String>,
    /// Further claims the same statement covers ("denied these claims"), besides `claim`.
    #[uniffi(default = [])]
    pub covers: Vec<String>,
    /// The edge id; left out, `"{source}:{stance}:{claim}"`.
    #[uniffi(default = None)]
    pub id: Option<String>,
}

impl From<claimgraph::Attribution> for Attribution {
    fn from(a: claimgraph::Attribution) -> Self {
        let via = a.reported_in().map(str::to_owned);
        Attribution {
            source: a.source,
            claim: a.claim,
            stance: a.stance.into(),
            modality: a.modality.into(),
            said: when_text(a.said),
            via,
            quote: a.quote,
            basis: a.basis,
            covers: a.covers,
            id: Some(a.id),
        }
    }
}

impl TryFrom<Attribution> for claimgraph::Attribution {
    type Error = ClaimGraphError;
    fn try_from(a: Attribution) -> Result<Self> {
        let mut core = claimgraph::Attribution::new(a.source, a.claim, a.stance.into());
        if let Some(id) = a.id {
            core.id = id;
        }
        core.said = parse_when(a.said, Some(&core.id), "said")?;
        core.modality = a.modality.into();
        core.quote = a.quote;
        core.via = a.via.into_iter().map(claimgraph::Hop::new).collect();
        core.basis = a.basis;
        core.covers = a.covers;
        Ok(core)
    }
}

/// A relation from one source to another.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SourceRelation {
    /// The source the relation goes from.
    pub from: String,
    /// What the relation is.
    pub kind: SourceRelationKind,
    /// The source the relation goes to.
    pub to: String,
    /// When the relation was recorded (ISO 8601, partial dates allowed).
    #[uniffi(default = None)]
    pub date: Option<String>,
    /// The edge id; left out, `"{from}:{kind}:{to}"`.
    #[uniffi(default = None)]
    pub id: Option<String>,
}

impl From<claimgraph::SourceRelation> for SourceRelation {
    fn from(r: claimgraph::SourceRelation) -> Self {
        SourceRelation {
            from: r.from,
            kind: r.kind.into(),
            to: r.to,
            date: when_text(r.date),
            id: Some(r.id),
        }
    }
}

impl TryFrom<SourceRelation> for claimgraph::SourceRelation {
    type Error = ClaimGraphError;
    fn try_from(r: SourceRelation) -> Result<Self> {
        let mut core = claimgraph::SourceRelation::new(r.from, r.kind.into(), r.to);
        if let Some(id) = r.id {
            core.id = id;
        }
        core.date = parse_when(r.date, Some(&core.id), "date")?;
        Ok(core)
    }
}

/// A relation from one claim to another.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ClaimRelation {
    /// The claim the relation goes from.
    pub from: String,
    /// What the relation is.
    pub kind: ClaimRelationKind,
    /// The claim the relation goes to.
    pub to: String,
    /// The edge id; left out, `"{from}:{kind}:{to}"`.
    #[uniffi(default = None)]
    pub id: Option<String>,
}

impl From<claimgraph::ClaimRelation> for ClaimRelation {
    fn from(r: claimgraph::ClaimRelation) -> Self {
        ClaimRelation {
            from: r.from,
            kind: r.kind.into(),
            to: r.to,
            id: Some(r.id),
        }
    }
}

impl From<ClaimRelation> for claimgraph::ClaimRelation {
    fn from(r: ClaimRelation) -> Self {
        let core = claimgraph::ClaimRelation::new(r.from, r.kind.into(), r.to);
        match r.id {
            Some(id) => core.with_id(id),
            None => core,
        }
    }
}

/// A numeric rating on a scale from `worst` to `best` (schema.org `Rating`); `best` below `worst`
/// is a reversed scale.
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct Rating {
    /// The rating given.
    pub value: f64,
    /// The best rating on the scale.
    pub best: f64,
    /// The worst rating on the scale.
    pub worst: f64,
}

impl From<claimgraph::Rating> for Rating {
    fn from(r: claimgraph::Rating) -> Self {
        Rating {
            value: r.value,
            best: r.best,
            worst: r.worst,
        }
    }
}

impl From<Rating> for claimgraph::Rating {
    fn from(r: Rating) -> Self {
        claimgraph::Rating::new(r.value, r.best, r.worst)
    }
}

/// A fact-checker's rating of a claim (compatible with schema.org ClaimReview), or a reader's own
/// note on it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Verdict {
    /// Who reviewed the claim (a source id).
    pub reviewer: String,
    /// The claim reviewed (a claim id).
    pub claim: String,
    /// The rating in words ("False", "Half true").
    pub label: String,
    /// The numeric rating, when the reviewer gave one.
    #[uniffi(default = None)]
    pub rating: Option<Rating>,
    /// When the review was published (ISO 8601, partial dates allowed).
    #[uniffi(default = None)]
    pub date: Option<String>,
    /// Where the review is published.
    #[uniffi(default = None)]
    pub url: Option<String>,
    /// The review's conclusion in a sentence or two.
    #[uniffi(default = None)]
    pub summary: Option<String>,
    /// The edge id; left out, `"{reviewer}:verdict:{claim}"`.
    #[uniffi(default = None)]
    pub id: Option<String>,
}

impl From<claimgraph::Verdict> for Verdict {
    fn from(v: claimgraph::Verdict) -> Self {
        Verdict {
            reviewer: v.reviewer,
            claim: v.claim,
            label: v.label,
            rating: v.rating.map(Into::into),
            date: when_text(v.date),
            url: v.url,
            summary: v.summary,
            id: Some(v.id),
        }
    }
}

impl TryFrom<Verdict> for claimgraph::Verdict {
    type Error = ClaimGraphError;
    fn try_from(v: Verdict) -> Result<Self> {
        let mut core = claimgraph::Verdict::new(v.reviewer, v.claim, v.label);
        if let Some(id) = v.id {
            core.id = id;
        }
        core.date = parse_when(v.date, Some(&core.id), "date")?;
        core.rating = v.rating.map(Into::into);
        core.url = v.url;
        core.summary = v.summary;
        Ok(core)
    }
}
