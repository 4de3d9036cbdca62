//! Attributions: a source's stance on a claim.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::time::When;

/// Where a source stands on a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// The source says the claim is true.
    Asserts,
    /// The source says the claim is false ("mad rumors").
    Denies,
    /// The source questions the claim without denying it.
    Doubts,
}

impl Stance {
    /// Every stance.
    pub const ALL: [Stance; 3] = [Stance::Asserts, Stance::Denies, Stance::Doubts];

    /// The name used in files and bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserts => "asserts",
            Stance::Denies => "denies",
            Stance::Doubts => "doubts",
        }
    }
}

/// How firmly the wording commits the source.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
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

impl Modality {
    /// Every modality, firmest first.
    pub const ALL: [Modality; 4] = [
        Modality::Stated,
        Modality::Alleged,
        Modality::Expected,
        Modality::Speculated,
    ];

    /// The name used in files and bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Stated => "stated",
            Modality::Alleged => "alleged",
            Modality::Expected => "expected",
            Modality::Speculated => "speculated",
        }
    }
}

macro_rules! parse_named_enum {
    ($t:ty, $field:literal, $msg:literal, $($alias:literal => $v:expr),*) => {
        impl std::str::FromStr for $t {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self> {
                let lower = s.trim().to_ascii_lowercase();
                $(if lower == $alias { return Ok($v); })*
                <$t>::ALL
                    .into_iter()
                    .find(|k| k.as_str() == lower)
                    .ok_or_else(|| Error::invalid_field(s, $field, $msg))
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

parse_named_enum!(Stance, "stance", "a stance is one of asserts, denies, doubts",
    "assert" => Stance::Asserts, "deny" => Stance::Denies, "doubt" => Stance::Doubts);
parse_named_enum!(Modality, "modality", "a modality is one of stated, alleged, expected, speculated",
    "believed" => Modality::Alleged, "predicted" => Modality::Expected);

/// A source's stance on a claim, as reported somewhere.
///
/// When an article says "according to ROK sources, ...", the attribution is from the ROK sources,
/// with `via` naming the article.
///
/// ```
/// use claimgraph::{Attribution, Stance, Modality};
/// let a = Attribution::new("rok-sources", "containers", Stance::Asserts)
///     .via("article")
///     .said("2024-06-18".parse()?)
///     .quote("DPRK delivered 6,700 containers");
/// assert_eq!(a.id, "rok-sources:asserts:containers");
/// assert_eq!(a.modality, Modality::Stated);
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
    /// The document or outlet in which the attribution was reported (a source id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
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
            via: None,
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

    /// Sets the document or outlet it was reported in.
    pub fn via(mut self, source_id: impl Into<String>) -> Attribution {
        self.via = Some(source_id.into());
        self
    }

    /// Checks the fields that do not depend on the rest of the graph.
    pub fn validate(&self) -> Result<()> {
        crate::id::validate_id(&self.id)?;
        crate::model::source::non_empty_opt(&self.id, "quote", &self.quote)?;
        Ok(())
    }
}
