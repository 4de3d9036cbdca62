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
    /// The words come first: a label the vocabulary reads ([`label_reading`]) gives the truth,
    /// and a numeric rating that disagrees with it (by half the scale or more: a rating of 5/5
    /// on a verdict labelled "False", or a scale typed the wrong way round) is reported by
    /// [`Verdict::disagreement`] and not used. A label the vocabulary does not know leaves the
    /// rating to decide. A label read as unrated ("Unproven", "Missing context", "Satire")
    /// gives `None` whatever the rating, since the reviewer said it is not a matter of true or
    /// false. `None` also when neither label nor rating says.
    ///
    /// ```
    /// use claimgraph::{Rating, Verdict};
    /// let v = Verdict::new("checker", "claim", "False").rating(Rating::new(5.0, 5.0, 1.0));
    /// assert_eq!(v.truth(), Some(0.0));
    /// assert!(v.disagreement().is_some());
    /// assert_eq!(Verdict::new("c", "claim", "Faux").truth(), Some(0.0));
    /// assert_eq!(Verdict::new("c", "claim", "Unproven").truth(), None);
    /// ```
    pub fn truth(&self) -> Option<f64> {
        match (label_reading(&self.label), &self.rating) {
            (LabelReading::Truth(t), _) => Some(t),
            (LabelReading::Unrated(_), _) => None,
            (LabelReading::Unknown, Some(r)) => Some(r.normalized()),
            (LabelReading::Unknown, None) => None,
        }
    }

    /// What the label says on the common scale ([`label_reading`]).
    pub fn reading(&self) -> LabelReading {
        label_reading(&self.label)
    }

    /// A sentence saying how the numeric rating disagrees with the label, when it does by half
    /// the scale or more (the label is then the one believed); `None` when they agree, or one of
    /// them says nothing about truth.
    pub fn disagreement(&self) -> Option<String> {
        let (LabelReading::Truth(t), Some(r)) = (label_reading(&self.label), &self.rating) else {
            return None;
        };
        let n = r.normalized();
        ((n - t).abs() >= 0.5).then(|| {
            let hint = if (n - (1.0 - t)).abs() < 0.01 && r.best < r.worst {
                "; the scale runs from best to worst: were best and worst swapped?"
            } else {
                ""
            };
            format!(
                "{} rates {} {} on a scale from {} (worst) to {} (best), {n:.2} of the way to best, but labels it {:?} ({t:.2}): the label is used{hint}",
                self.reviewer, self.claim, r.value, r.worst, r.best, self.label
            )
        })
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
        if let Some(w) = &self.date {
            w.validate()
                .map_err(|e| Error::invalid_field(&self.id, "date", e.to_string()))?;
        }
        crate::model::source::non_empty_opt(&self.id, "url", &self.url)?;
        crate::model::source::non_empty_opt(&self.id, "summary", &self.summary)?;
        Ok(())
    }
}

/// What a fact-check label says about truth.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelReading {
    /// A truth value from 0 (false) to 1 (true).
    Truth(f64),
    /// The reviewer rated something other than truth; the reason, in a sentence.
    Unrated(&'static str),
    /// A label the vocabulary does not know.
    Unknown,
}

const NEEDS_CONTEXT: &str =
    "the reviewer says the claim needs context, not whether it is true or false";
const UNPROVEN: &str = "the reviewer found no evidence either way";
const SATIRE: &str = "satire is not a statement of fact";
const OPINION: &str = "an opinion is not rated for truth";

/// The labels of fact-checkers, in English, French, Spanish, German and Portuguese, each read on
/// the common scale or as unrated. Written without accents, in lower case (see [`normalize`]).
const VOCABULARY: &[(&str, LabelReading)] = {
    use LabelReading::{Truth, Unrated};
    &[
        // True.
        ("true", Truth(1.0)),
        ("correct", Truth(1.0)),
        ("accurate", Truth(1.0)),
        ("verified", Truth(1.0)),
        ("confirmed", Truth(1.0)),
        ("vrai", Truth(1.0)),
        ("exact", Truth(1.0)),
        ("verdadero", Truth(1.0)),
        ("cierto", Truth(1.0)),
        ("correcto", Truth(1.0)),
        ("verdadeiro", Truth(1.0)),
        ("verdade", Truth(1.0)),
        ("correto", Truth(1.0)),
        ("richtig", Truth(1.0)),
        ("wahr", Truth(1.0)),
        ("stimmt", Truth(1.0)),
        // Mostly true.
        ("mostly true", Truth(0.75)),
        ("mostly correct", Truth(0.75)),
        ("mostly accurate", Truth(0.75)),
        ("plutot vrai", Truth(0.75)),
        ("globalement vrai", Truth(0.75)),
        ("mayormente verdadero", Truth(0.75)),
        ("casi verdadero", Truth(0.75)),
        ("verdadeiro mas", Truth(0.75)),
        ("quase verdadeiro", Truth(0.75)),
        ("uberwiegend richtig", Truth(0.75)),
        ("weitgehend richtig", Truth(0.75)),
        // Half true.
        ("half true", Truth(0.5)),
        ("mixture", Truth(0.5)),
        ("mixed", Truth(0.5)),
        ("partly true", Truth(0.5)),
        ("partly false", Truth(0.5)),
        ("half false", Truth(0.5)),
        ("partially true", Truth(0.5)),
        ("partially false", Truth(0.5)),
        ("mi vrai mi faux", Truth(0.5)),
        ("a moitie vrai", Truth(0.5)),
        ("en partie vrai", Truth(0.5)),
        ("en partie faux", Truth(0.5)),
        ("verdad a medias", Truth(0.5)),
        ("medio verdadero", Truth(0.5)),
        ("parcialmente verdadero", Truth(0.5)),
        ("parcialmente falso", Truth(0.5)),
        ("meia verdade", Truth(0.5)),
        ("em parte verdadeiro", Truth(0.5)),
        ("teilweise richtig", Truth(0.5)),
        ("teilweise falsch", Truth(0.5)),
        ("halb wahr", Truth(0.5)),
        // Mostly false, misleading.
        ("mostly false", Truth(0.25)),
        ("mostly incorrect", Truth(0.25)),
        ("barely true", Truth(0.25)),
        ("misleading", Truth(0.25)),
        ("exaggerated", Truth(0.25)),
        ("distorted", Truth(0.25)),
        ("plutot faux", Truth(0.25)),
        ("trompeur", Truth(0.25)),
        ("exagere", Truth(0.25)),
        ("mayormente falso", Truth(0.25)),
        ("enganoso", Truth(0.25)),
        ("exagerado", Truth(0.25)),
        ("distorsionado", Truth(0.25)),
        ("distorcido", Truth(0.25)),
        ("impreciso", Truth(0.25)),
        ("irrefuhrend", Truth(0.25)),
        ("uberwiegend falsch", Truth(0.25)),
        ("ubertrieben", Truth(0.25)),
        // False.
        ("false", Truth(0.0)),
        ("incorrect", Truth(0.0)),
        ("inaccurate", Truth(0.0)),
        ("pants on fire", Truth(0.0)),
        ("fake", Truth(0.0)),
        ("fabricated", Truth(0.0)),
        ("debunked", Truth(0.0)),
        ("wrong", Truth(0.0)),
        ("four pinocchios", Truth(0.0)),
        ("faux", Truth(0.0)),
        ("infonde", Truth(0.0)),
        ("falso", Truth(0.0)),
        ("bulo", Truth(0.0)),
        ("falsch", Truth(0.0)),
        ("fake news", Truth(0.0)),
        // Not a matter of truth.
        ("missing context", Unrated(NEEDS_CONTEXT)),
        ("needs context", Unrated(NEEDS_CONTEXT)),
        ("lacks context", Unrated(NEEDS_CONTEXT)),
        ("out of context", Unrated(NEEDS_CONTEXT)),
        ("manque de contexte", Unrated(NEEDS_CONTEXT)),
        ("sorti de son contexte", Unrated(NEEDS_CONTEXT)),
        ("hors contexte", Unrated(NEEDS_CONTEXT)),
        ("falta contexto", Unrated(NEEDS_CONTEXT)),
        ("sin contexto", Unrated(NEEDS_CONTEXT)),
        ("fuera de contexto", Unrated(NEEDS_CONTEXT)),
        ("fora de contexto", Unrated(NEEDS_CONTEXT)),
        ("sem contexto", Unrated(NEEDS_CONTEXT)),
        ("fehlender kontext", Unrated(NEEDS_CONTEXT)),
        ("fehlender zusammenhang", Unrated(NEEDS_CONTEXT)),
        ("aus dem zusammenhang gerissen", Unrated(NEEDS_CONTEXT)),
        ("unproven", Unrated(UNPROVEN)),
        ("unverified", Unrated(UNPROVEN)),
        ("unsupported", Unrated(UNPROVEN)),
        ("no evidence", Unrated(UNPROVEN)),
        ("unsubstantiated", Unrated(UNPROVEN)),
        ("non prouve", Unrated(UNPROVEN)),
        ("inverifiable", Unrated(UNPROVEN)),
        ("non verifie", Unrated(UNPROVEN)),
        ("sin pruebas", Unrated(UNPROVEN)),
        ("no verificable", Unrated(UNPROVEN)),
        ("inverificable", Unrated(UNPROVEN)),
        ("sem provas", Unrated(UNPROVEN)),
        ("insustentavel", Unrated(UNPROVEN)),
        ("inconclusivo", Unrated(UNPROVEN)),
        ("nao comprovado", Unrated(UNPROVEN)),
        ("unbelegt", Unrated(UNPROVEN)),
        ("nicht belegt", Unrated(UNPROVEN)),
        ("unbewiesen", Unrated(UNPROVEN)),
        ("satire", Unrated(SATIRE)),
        ("satira", Unrated(SATIRE)),
        ("opinion", Unrated(OPINION)),
        ("opiniao", Unrated(OPINION)),
        ("meinung", Unrated(OPINION)),
    ]
};

/// Lower case, accents and punctuation removed, white space collapsed.
fn normalize(label: &str) -> String {
    let plain: String = label
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' => 'a',
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ß' => 's',
            '-' | '_' | '/' | ',' | ';' | ':' => ' ',
            c => c,
        })
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a fact-check label: a truth value on the common scale from 0 (false) to 1 (true), or
/// unrated with the reason, or unknown.
///
/// The vocabulary holds the labels fact-checkers publish in English, French, Spanish, German
/// and Portuguese ("Misleading" and "Trompeur" 0.25, "Faux", "Falso" and "Falsch" 0, "Missing
/// context" and "Unproven" unrated). Case, accents and punctuation are ignored.
///
/// ```
/// use claimgraph::{label_reading, LabelReading};
/// assert_eq!(label_reading("Engañoso"), LabelReading::Truth(0.25));
/// assert_eq!(label_reading("MI-VRAI MI-FAUX"), LabelReading::Truth(0.5));
/// assert!(matches!(label_reading("Missing context"), LabelReading::Unrated(_)));
/// assert_eq!(label_reading("Spicy"), LabelReading::Unknown);
/// ```
pub fn label_reading(label: &str) -> LabelReading {
    let norm = normalize(label);
    VOCABULARY
        .iter()
        .find(|(l, _)| *l == norm)
        .map_or(LabelReading::Unknown, |&(_, r)| r)
}

/// Reads a fact-check label on the common scale from 0 (false) to 1 (true): the truth value of
/// [`label_reading`], `None` for a label read as unrated or not known.
///
/// ```
/// use claimgraph::label_truth;
/// assert_eq!(label_truth("Mostly False"), Some(0.25));
/// assert_eq!(label_truth("pants on fire!"), Some(0.0));
/// assert_eq!(label_truth("Faux"), Some(0.0));
/// assert_eq!(label_truth("Missing context"), None);
/// ```
pub fn label_truth(label: &str) -> Option<f64> {
    match label_reading(label) {
        LabelReading::Truth(t) => Some(t),
        _ => None,
    }
}
