//! Relations between sources and between claims.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::time::When;

/// How one source stands to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceRelationKind {
    /// `from` reports what `to` said ("according to `to`").
    Cites,
    /// `from` (a document) was written by `to`.
    AuthoredBy,
    /// `from` (a document) appeared in `to` (an outlet). Not followed when tracing origins.
    PublishedIn,
    /// `from` belongs to or speaks for `to` (a spokesperson and a ministry, a ministry and a
    /// government).
    AffiliatedWith,
}

crate::names::value_names!(SourceRelationKind, "kind", "a source relation" {
    Cites => "cites",
    AuthoredBy => "authored_by",
    PublishedIn => "published_in",
    AffiliatedWith => "affiliated_with",
});

impl SourceRelationKind {
    /// True for the edges that origins are traced along (cites and authored by).
    pub fn leads_to_origin(self) -> bool {
        matches!(
            self,
            SourceRelationKind::Cites | SourceRelationKind::AuthoredBy
        )
    }
}

/// How one claim stands to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClaimRelationKind {
    /// If `from` is true, `to` is more likely.
    Supports,
    /// `from` and `to` cannot both be true.
    Contradicts,
    /// `from` is a specific instance of `to` (6,700 containers is an instance of "DPRK supplies
    /// ammunition").
    Specializes,
    /// `from` is another wording of `to`.
    SameAs,
    /// `from` holds only if `to` does (a conditional claim).
    DependsOn,
}

crate::names::value_names!(ClaimRelationKind, "kind", "a claim relation" {
    Supports => "supports",
    Contradicts => "contradicts",
    Specializes => "specializes",
    SameAs => "same_as",
    DependsOn => "depends_on",
});

/// A relation from one source to another.
///
/// A relation may hold for a time only (`since`, `until`, either or both): a former prime
/// minister was affiliated with the government until she left office. Independence and
/// interested parties are judged at the time of each statement, so her later views are her own.
/// Without `since` and `until` a relation always holds, as in the first version of the model.
///
/// ```
/// use claimgraph::{SourceRelation, SourceRelationKind};
/// let r = SourceRelation::new("putin-op-ed", SourceRelationKind::AuthoredBy, "putin");
/// assert_eq!(r.id, "putin-op-ed:authored_by:putin");
/// let pm = SourceRelation::new("may", SourceRelationKind::AffiliatedWith, "uk-government")
///     .since("2016-07-13".parse()?)
///     .until("2019-07-24".parse()?);
/// assert!(pm.holds_at(&"2018".parse()?));
/// assert!(!pm.holds_at(&"2021-03".parse()?));
/// # Ok::<(), claimgraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRelation {
    /// The edge id, unique among all edges.
    pub id: String,
    /// The source the relation goes from.
    pub from: String,
    /// What the relation is.
    pub kind: SourceRelationKind,
    /// The source the relation goes to.
    pub to: String,
    /// When the relation was recorded (when the citation was made).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<When>,
    /// When the relation began to hold, if it has not always held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<When>,
    /// When it stopped holding (it holds until the end of this date), if it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<When>,
}

impl SourceRelation {
    /// A relation with the default id `"{from}:{kind}:{to}"` (cut to
    /// [`MAX_ID_LEN`](crate::MAX_ID_LEN) and ended with a hash of the whole when longer).
    pub fn new(
        from: impl Into<String>,
        kind: SourceRelationKind,
        to: impl Into<String>,
    ) -> SourceRelation {
        let from = from.into();
        let to = to.into();
        SourceRelation {
            id: crate::id::default_edge_id(format!("{from}:{kind}:{to}")),
            from,
            kind,
            to,
            date: None,
            since: None,
            until: None,
        }
    }

    /// Replaces the id.
    pub fn with_id(mut self, id: impl Into<String>) -> SourceRelation {
        self.id = id.into();
        self
    }

    /// Gives a relation whose id is empty its default id `"{from}:{kind}:{to}"` (what a
    /// binding passes when the caller left the id out); any other id is kept.
    pub fn or_default_id(mut self) -> SourceRelation {
        if self.id.is_empty() {
            self.id =
                crate::id::default_edge_id(format!("{}:{}:{}", self.from, self.kind, self.to));
        }
        self
    }

    /// Sets the date.
    pub fn date(mut self, when: When) -> SourceRelation {
        self.date = Some(when);
        self
    }

    /// Sets when the relation began to hold.
    pub fn since(mut self, when: When) -> SourceRelation {
        self.since = Some(when);
        self
    }

    /// Sets when the relation stopped holding.
    pub fn until(mut self, when: When) -> SourceRelation {
        self.until = Some(when);
        self
    }

    /// True for a relation that holds only for a time (it has `since` or `until`).
    pub fn is_timed(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }

    /// Whether the relation may hold at `time`: false only when `time` lies entirely before
    /// `since` or entirely after `until`. A time that straddles a bound counts as holding, so
    /// that a doubtful case is read the cautious way (as not independent, as interested).
    pub fn holds_at(&self, time: &When) -> bool {
        holds_between(self.since.as_ref(), self.until.as_ref(), time)
    }

    /// Checks the fields that do not depend on the rest of the graph.
    pub fn validate(&self) -> Result<()> {
        crate::id::validate_id(&self.id)?;
        for (w, f) in [
            (&self.date, "date"),
            (&self.since, "since"),
            (&self.until, "until"),
        ] {
            if let Some(w) = w {
                w.validate()
                    .map_err(|e| Error::invalid_field(&self.id, f, e.to_string()))?;
            }
        }
        if let (Some(s), Some(u)) = (&self.since, &self.until) {
            if s.start() > u.last() {
                return Err(Error::invalid_field(
                    &self.id,
                    "until",
                    format!("the relation ends ({u}) before it begins ({s})"),
                ));
            }
        }
        if self.from == self.to {
            let what = match self.kind {
                SourceRelationKind::Cites => "a source cannot cite itself",
                SourceRelationKind::AuthoredBy => "a source cannot be its own author",
                SourceRelationKind::PublishedIn => "a source cannot be published in itself",
                SourceRelationKind::AffiliatedWith => "a source cannot be affiliated with itself",
            };
            return Err(Error::invalid_field(&self.id, "to", what));
        }
        Ok(())
    }
}

/// Whether a relation holding from `since` to `until` may hold at `time` (see
/// [`SourceRelation::holds_at`]).
pub(crate) fn holds_between(since: Option<&When>, until: Option<&When>, time: &When) -> bool {
    let before_start = since.is_some_and(|s| time.last() < s.start());
    let after_end = until.is_some_and(|u| time.start() > u.last());
    !(before_start || after_end)
}

/// A relation from one claim to another.
///
/// ```
/// use claimgraph::{ClaimRelation, ClaimRelationKind};
/// let r = ClaimRelation::new("containers", ClaimRelationKind::Specializes, "ammunition");
/// assert_eq!(r.id, "containers:specializes:ammunition");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimRelation {
    /// The edge id, unique among all edges.
    pub id: String,
    /// The claim the relation goes from.
    pub from: String,
    /// What the relation is.
    pub kind: ClaimRelationKind,
    /// The claim the relation goes to.
    pub to: String,
}

impl ClaimRelation {
    /// A relation with the default id `"{from}:{kind}:{to}"` (cut to
    /// [`MAX_ID_LEN`](crate::MAX_ID_LEN) and ended with a hash of the whole when longer).
    pub fn new(
        from: impl Into<String>,
        kind: ClaimRelationKind,
        to: impl Into<String>,
    ) -> ClaimRelation {
        let from = from.into();
        let to = to.into();
        ClaimRelation {
            id: crate::id::default_edge_id(format!("{from}:{kind}:{to}")),
            from,
            kind,
            to,
        }
    }

    /// Replaces the id.
    pub fn with_id(mut self, id: impl Into<String>) -> ClaimRelation {
        self.id = id.into();
        self
    }

    /// Gives a relation whose id is empty its default id `"{from}:{kind}:{to}"` (what a
    /// binding passes when the caller left the id out); any other id is kept.
    pub fn or_default_id(mut self) -> ClaimRelation {
        if self.id.is_empty() {
            self.id =
                crate::id::default_edge_id(format!("{}:{}:{}", self.from, self.kind, self.to));
        }
        self
    }

    /// Checks the fields that do not depend on the rest of the graph.
    pub fn validate(&self) -> Result<()> {
        crate::id::validate_id(&self.id)?;
        if self.from == self.to {
            return Err(Error::invalid_field(
                &self.id,
                "to",
                "a claim cannot be related to itself",
            ));
        }
        Ok(())
    }
}
