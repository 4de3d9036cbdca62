//! Verdicts: fact-check ratings, compatible with schema.org ClaimReview.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::time::When;

/// A numeric rating on a scale from `worst` to `best` (schema.org `Rating`).
///
/// Scales may run either way: `best` below `worst` is a reversed scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// The rating given.
    pub value: f64,
    /// The best rating on the scale.
    pub best: f64,
    /// The worst rating on the scale.
    pub worst: f64,
}

impl Rating {
    /// A rating of `value` on a scale from `worst` to `best`.
    pub fn new(value: f64, best: f64, worst: f64) -> Rating {
        Rating { value, best, worst }
    }

    /// The rating on a 0 (worst) to 1 (best) scale.
    ///
    /// ```
    /// use claimgraph::Rating;
    /// assert_eq!(Rating::new(1.0, 5.0, 1.0).normalized(), 0.0);
    /// assert_eq!(Rating::new(1.0, 1.0, 5.0).normalized(), 1.0); // reversed scale
    /// assert!(Rating::new(5.0, 1.0, 5.0).normalized().is_sign_positive()); // 0.0, not -0.0
    /// assert_eq!(Rating::new(1e308, 1e308, -1e308).normalized(), 1.0); // no overflow
    /// ```
    pub fn normalized(&self) -> f64 {
        // Halved, the differences cannot overflow: a scale from -1e308 to 1e308 spans more than
        // the largest f64, and inf / inf would be NaN.
        let (value, best, worst) = (self.value / 2.0, self.best / 2.0, self.worst / 2.0);
        let x = (value - worst) / (best - worst);
        if x.is_nan() {
            // Only a rating the graph would refuse (non-finite, or best equal to worst).
            return 0.5;
        }
        // `+ 0.0` turns the -0.0 of a reversed scale's worst value (0 / negative) into 0.0.
        x.clamp(0.0, 1.0) + 0.0
    }

    fn validate(&self, id: &str) -> Result<()> {
        if !(self.value.is_finite() && self.best.is_finite() && self.worst.is_finite()) {
            return Err(Error::invalid_field(
                id,
                "rating",
                "value, best and worst must be finite numbers",
            ));
        }
        if self.best == self.worst {
            return Err(Error::invalid_field(
                id,
                "rating",
                "best and worst must differ",
            ));
        }
        let (lo, hi) = if self.best < self.worst {
            (self.best, self.worst)
        } else {
            (self.worst, self.best)
        };
        if self.value < lo || self.value > hi {
            return Err(Error::invalid_field(
                id,
                "rating",
                format!(
                    "value {} lies outside the scale {} to {}",
                    self.value, self.worst, self.best
                ),
            ));
        }
        Ok(())
    }
}

/// A fact-checker's rating of a claim.
///
/// ```
/// use claimgraph::{Verdict, Rating};
/// let v = Verdict::new("politifact", "perry-claim", "False").rating(Rating::new(1.0, 6.0, 1.0));
/// assert_eq!(v.id, "politifact:verdict:perry-claim");
/// assert_eq!(v.truth(), Some(0.0));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    /// The edge id, unique among all edges.
    pub id: String,
    /// Who reviewed the claim (a source id).
    pub reviewer: String,
    /// The claim reviewed (a claim id).
    pub claim: String,
    /// The rating in words, as the reviewer wrote it ("False", "Half true").
    pub label: String,
    /// The numeric rating, when the reviewer gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// When the review was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<When>,
    /// Where the review is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The review's conclusion in a sentence or two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

impl Verdict {
    /// A verdict with the default id `"{reviewer}:verdict:{claim}"` (cut to
    /// [`MAX_ID_LEN`](crate::MAX_ID_LEN) and ended with a hash of the whole when longer).
    pub fn new(
        reviewer: impl Into<String>,
        claim: impl Into<String>,
        label: impl Into<String>,
    ) -> Verdict {
        let reviewer = reviewer.into();
        let claim = claim.into();
        Verdict {
            id: crate::id::default_edge_id(format!("{reviewer}:verdict:{claim}")),
            reviewer,
            claim,
            label: label.into(),
            rating: None,
            date: None,
            url: None,
            summary: None,
        }
    }

    /// Replaces the id.
    pub fn with_id(mut self, id: impl Into<String>) -> Verdict {
        self.id = id.into();
        self
    }

    /// Gives a verdict whose id is empty its default id `"{reviewer}:verdict:{claim}"` (what a
    /// binding passes when the caller left the id out); any other id is kept.
    pub fn or_default_id(mut self) -> Verdict {
        if self.id.is_empty() {
            self.id =
                crate::id::default_edge_id(format!("{}:verdict:{}", self.reviewer, self.claim));
        }
        self
    }

    /// Sets the numeric rating.
    pub fn rating(mut self, rating: Rating) -> Verdict {
        self.rating = Some(rating);
        self
    }

    /// Sets the review date.
    pub fn date(mut self, when: When) -> Verdict {
        self.date = Some(when);
        self
    }

    /// Sets the review's url.
    pub fn url(mut self, url: impl Into<String>) -> Verdict {
        self.url = Some(url.into());
        self
    }

    /// Sets the summary.
    pub fn summary(mut self, summary: impl Into<String>) -> Verdict {
        self.summary = Some(summary.into());
        self
    }

    /// How true the reviewer found the claim, from 0 (false) to 1 (true).
    ///
    /// The numeric rating when there is one; otherwise the label read on the common
    /// fact-checking scale ([`label_truth`]); `None` when neither says.
    pub fn truth(&self) -> Option<f64> {
        match &self.rating {
            Some(r) => Some(r.normalized()),
            None => label_truth(&self.label),
        }
    }

    /// Checks the fields that do not depend on the rest of the graph.
    pub fn validate(&self) -> Result<()> {
        crate::id::validate_id(&self.id)?;
        if self.label.trim().is_empty() {
            return Err(Error::invalid_field(
                &self.id,
                "label",
                "a verdict needs a label",
            ));
        }
        if let Some(r) = &self.rating {
            r.validate(&self.id)?;
        }
        crate::model::source::non_empty_opt(&self.id, "url", &self.url)?;
        crate::model::source::non_empty_opt(&self.id, "summary", &self.summary)?;
        Ok(())
    }
}

/// Reads a fact-check label on the common scale from 0 (false) to 1 (true).
///
/// Case and punctuation are ignored. Labels that say nothing about truth ("Misleading",
/// "Missing context", "Unproven") give `None`.
///
/// ```
/// use claimgraph::label_truth;
/// assert_eq!(label_truth("Mostly False"), Some(0.25));
/// assert_eq!(label_truth("pants on fire!"), Some(0.0));
/// assert_eq!(label_truth("Missing context"), None);
/// ```
pub fn label_truth(label: &str) -> Option<f64> {
    let norm: String = label
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let norm = norm.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match norm.as_str() {
        "true" | "correct" | "accurate" | "verified" | "confirmed" => 1.0,
        "mostly true" | "mostly correct" | "mostly accurate" => 0.75,
        "half true" | "mixture" | "mixed" | "partly true" | "partly false" | "half false" => 0.5,
        "mostly false" | "mostly incorrect" | "barely true" => 0.25,
        "false" | "incorrect" | "inaccurate" | "pants on fire" | "fake" | "fabricated"
        | "debunked" | "wrong" => 0.0,
        _ => return None,
    })
}
