//! Attributions: a source's stance on a claim.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::time::When;

/// Where a source stands on a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stance {
    /// The source says the claim is true.
    Asserts,
    /// The source says the claim is false ("mad rumors").
    Denies,
    /// The source questions the claim without denying it.
    Doubts,
    /// A non-statement: the source was asked and said nothing either way ("declined to
    /// comment", "did not respond", "has not said why"). Shown in the status, counted neither
    /// for nor against the claim.
    NoComment,
}

crate::names::value_names!(Stance, "stance", "a stance" {
    Asserts => "asserts" | "assert",
    Denies => "denies" | "deny",
    Doubts => "doubts" | "doubt",
    NoComment => "no_comment" | "declined_to_comment" | "declines_to_comment" | "did_not_respond",
});

impl Stance {
    /// True for asserts, denies and doubts; false for a non-statement.
    pub fn takes_a_position(self) -> bool {
        self != Stance::NoComment
    }
}

/// How firmly the wording commits the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Modality {
    /// Said as fact ("Putin stated that ...").
    #[default]
    Stated,
    /// Held or alleged without being stated as fact ("there are beliefs in the West that ...").
    Alleged,
    /// A forecast ("the two countries are expected to sign ...").
    Expected,
    /// A possibility entertained ("Russia might reciprocate ...").
    Speculated,
}

crate::names::value_names!(Modality, "modality", "a modality" {
    Stated => "stated",
    Alleged => "alleged" | "believed",
    Expected => "expected" | "predicted",
    Speculated => "speculated",
});

/// One step of the way a statement reached the record: the outlet or document that carried it,
/// and when, if known.
///
/// ```
/// use claimgraph::Hop;
/// let h = Hop::new("wikinews-article").on("2011-12-02".parse()?);
/// assert_eq!(h.source, "wikinews-article");
/// # Ok::<(), claimgraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hop {
    /// The outlet or document that carried the statement (a source id).
    pub source: String,
    /// When it carried it. Left out, the date is the `published` date of the source, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<When>,
}

impl Hop {
    /// A hop through `source`, undated.
    pub fn new(source: impl Into<String>) -> Hop {
        Hop {
            source: source.into(),
            date: None,
        }
    }

    /// Sets when the source carried the statement.
    pub fn on(mut self, date: When) -> Hop {
        self.date = Some(date);
        self
    }
}

/// A source's stance on a claim, as reported somewhere.
///
/// When an article says "according to ROK sources, ...", the attribution is from the ROK sources,
/// with `via` naming the article. When a statement reached the article through others ("in a
/// statement to the ABC, the Church denied ..."), `via` lists every hop from the speaker
/// outward: the ABC, then the article. Each hop may carry its own date; the chain bounds when
/// the statement was made (it was made on or before the first hop that carried it).
///
/// One statement may cover several claims ("denied these allegations"): `claim` is the first,
/// `covers` the others, and the record is kept once.
///
/// An assertion may rest, for this claim alone, on other sources (`basis`): an article's own
/// sentence that repeats a witness's account rests on the witness, a "Reports: ..." headline on
/// the reports. Origins then follow the basis instead of the asserter, so a relay is not a new
/// origin.
///
/// A first-version attribution is the special case of one undated hop, no basis and one claim.
///
/// ```
/// use claimgraph::{Attribution, Hop, Stance, Modality};
/// let a = Attribution::new("rok-sources", "containers", Stance::Asserts)
///     .via("article")
///     .said("2024-06-18".parse()?)
///     .quote("DPRK delivered 6,700 containers");
/// assert_eq!(a.id, "rok-sources:asserts:containers");
/// assert_eq!(a.modality, Modality::Stated);
/// assert_eq!(a.reported_in(), Some("article"));
///
/// let denial = Attribution::new("church", "disconnection", Stance::Denies)
///     .via("abc")
///     .via_on("wikinews-article", "2011-12-02".parse()?)
///     .covers("harassment");
/// assert_eq!(denial.claims().collect::<Vec<_>>(), ["disconnection", "harassment"]);
/// # Ok::<(), claimgraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribution {
    /// The edge id, unique among all edges.
    pub id: String,
    /// Who takes the stance (a source id).
    pub source: String,
    /// The claim (a claim id).
    pub claim: String,
    /// Asserts, denies or doubts.
    pub stance: Stance,
    /// How firmly the wording commits the source.
    #[serde(default, skip_serializing_if = "is_stated")]
    pub modality: Modality,
    /// When it was said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said: Option<When>,
    /// The exact words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// How the statement reached the record, from the speaker outward: the outlets or
    /// documents that carried it, the last being the one the record was read in. Empty when the
    /// source said it directly to the record.
    ///
    /// In a file, a list of hops; a first-version file's single source id is read as one hop.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "hops_or_one_id"
    )]
    pub via: Vec<Hop>,
    /// For this claim alone, the sources the assertion rests on (source ids): origins follow
    /// them instead of the asserter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub basis: Vec<String>,
    /// Further claims the same statement covers, besides `claim` (claim ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<String>,
}

/// Reads `via` as a list of hops, or as the one source id a first-version file gives.
fn hops_or_one_id<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<Hop>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Via {
        One(String),
        Hops(Vec<Hop>),
    }
    match Via::deserialize(d) {
        Ok(Via::One(s)) => Ok(vec![Hop::new(s)]),
        Ok(Via::Hops(h)) => Ok(h),
        Err(_) => Err(serde::de::Error::custom(
            "via is a list of hops ({\"source\": id, \"date\": when}) or one source id",
        )),
    }
}

/// The checks [`Attribution::validate`] makes of an attribution's id, quote and date: all of
/// them for one without hops, basis or further claims.
pub(crate) fn validate_own_fields(
    id: &str,
    quote: &Option<String>,
    said: Option<&When>,
) -> Result<()> {
    crate::id::validate_id(id)?;
    crate::model::source::non_empty_opt(id, "quote", quote)?;
    if let Some(w) = said {
        w.validate()
            .map_err(|e| Error::invalid_field(id, "said", e.to_string()))?;
    }
    Ok(())
}

fn is_stated(m: &Modality) -> bool {
    *m == Modality::Stated
}

impl Attribution {
    /// An attribution with the default id `"{source}:{stance}:{claim}"`.
    pub fn new(source: impl Into<String>, claim: impl Into<String>, stance: Stance) -> Attribution {
        let source = source.into();
        let claim = claim.into();
        Attribution {
            id: Attribution::default_id(&source, &claim, stance),
            source,
            claim,
            stance,
            modality: Modality::Stated,
            said: None,
            quote: None,
            via: Vec::new(),
            basis: Vec::new(),
            covers: Vec::new(),
        }
    }

    /// The id [`Attribution::new`] gives: `"{source}:{stance}:{claim}"`, or, when that would be
    /// longer than [`MAX_ID_LEN`](crate::MAX_ID_LEN), its start followed by `~` and a hash of the
    /// whole (so a default id is always a valid one).
    pub fn default_id(source: &str, claim: &str, stance: Stance) -> String {
        crate::id::default_edge_id(format!("{source}:{stance}:{claim}"))
    }

    /// Replaces the id.
    pub fn with_id(mut self, id: impl Into<String>) -> Attribution {
        self.id = id.into();
        self
    }

    /// Gives an attribution whose id is empty its default id (what a binding passes when the
    /// caller left the id out); any other id is kept.
    ///
    /// ```
    /// use claimgraph::{Attribution, Stance};
    /// let a = Attribution::new("rok", "c", Stance::Asserts).with_id("").or_default_id();
    /// assert_eq!(a.id, "rok:asserts:c");
    /// ```
    pub fn or_default_id(mut self) -> Attribution {
        if self.id.is_empty() {
            self.id = Attribution::default_id(&self.source, &self.claim, self.stance);
        }
        self
    }

    /// Sets the modality.
    pub fn modality(mut self, modality: Modality) -> Attribution {
        self.modality = modality;
        self
    }

    /// Sets when it was said.
    pub fn said(mut self, when: When) -> Attribution {
        self.said = Some(when);
        self
    }

    /// Sets the exact words.
    pub fn quote(mut self, quote: impl Into<String>) -> Attribution {
        self.quote = Some(quote.into());
        self
    }

    /// Adds an undated hop: the next outlet or document, outward from the speaker, that carried
    /// the statement.
    pub fn via(mut self, source_id: impl Into<String>) -> Attribution {
        self.via.push(Hop::new(source_id));
        self
    }

    /// Adds a hop with the date on which that outlet or document carried the statement.
    pub fn via_on(mut self, source_id: impl Into<String>, date: When) -> Attribution {
        self.via.push(Hop::new(source_id).on(date));
        self
    }

    /// Adds a source the assertion rests on, for this claim alone.
    pub fn basis(mut self, source_id: impl Into<String>) -> Attribution {
        self.basis.push(source_id.into());
        self
    }

    /// Adds a further claim the same statement covers.
    pub fn covers(mut self, claim_id: impl Into<String>) -> Attribution {
        self.covers.push(claim_id.into());
        self
    }

    /// The document or outlet the record read the statement in: the last hop.
    pub fn reported_in(&self) -> Option<&str> {
        self.via.last().map(|h| h.source.as_str())
    }

    /// Every claim the statement covers: `claim`, then `covers`.
    pub fn claims(&self) -> impl Iterator<Item = &str> + '_ {
        std::iter::once(self.claim.as_str()).chain(self.covers.iter().map(String::as_str))
    }

    /// Checks the fields that do not depend on the rest of the graph.
    ///
    /// Besides the id and quote: every date must be valid ([`When::validate`]); a hop, a basis
    /// source and a covered claim may each be named once; a statement cannot rest on its own
    /// speaker nor cover its own claim twice; a non-statement rests on nothing; and the
    /// statement cannot have been said after a hop carried it.
    pub fn validate(&self) -> Result<()> {
        validate_own_fields(&self.id, &self.quote, self.said.as_ref())?;
        let field = |f: &'static str, msg: String| Error::invalid_field(&self.id, f, msg);
        for (i, h) in self.via.iter().enumerate() {
            crate::id::validate_id(&h.source)?;
            if let Some(w) = &h.date {
                w.validate()
                    .map_err(|e| field("via", format!("hop {i} ({}): {e}", h.source)))?;
            }
            if self.via[..i].iter().any(|o| o.source == h.source) {
                return Err(field("via", format!("{:?} is listed twice", h.source)));
            }
            if let (Some(said), Some(d)) = (&self.said, &h.date) {
                if said.start() > d.last() {
                    return Err(field(
                        "said",
                        format!("said {said}, after {} carried it on {d}", h.source),
                    ));
                }
            }
        }
        for (i, b) in self.basis.iter().enumerate() {
            crate::id::validate_id(b)?;
            if *b == self.source {
                return Err(field(
                    "basis",
                    "an assertion cannot rest on its own speaker".to_owned(),
                ));
            }
            if self.basis[..i].contains(b) {
                return Err(field("basis", format!("{b:?} is listed twice")));
            }
        }
        if !self.basis.is_empty() && self.stance == Stance::NoComment {
            return Err(field(
                "basis",
                "a non-statement (no_comment) rests on nothing".to_owned(),
            ));
        }
        for (i, c) in self.covers.iter().enumerate() {
            crate::id::validate_id(c)?;
            if *c == self.claim || self.covers[..i].contains(c) {
                return Err(field("covers", format!("claim {c:?} is listed twice")));
            }
        }
        Ok(())
    }
}
