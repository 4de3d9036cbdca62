//! Claims: propositions in words.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::time::Period;

/// A measured amount a claim states ("6,700 containers").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    /// The number (finite).
    pub value: f64,
    /// What is counted or measured ("containers").
    pub unit: String,
}

impl Quantity {
    /// A quantity of `value` `unit`.
    pub fn new(value: f64, unit: impl Into<String>) -> Quantity {
        Quantity {
            value,
            unit: unit.into(),
        }
    }
}

/// A proposition in words, which sources assert, deny or doubt.
///
/// ```
/// use claimgraph::{Claim, Quantity, When, Period};
/// let c = Claim::new("containers", "DPRK delivered 6,700 containers of munitions to Russia")
///     .subject("dprk")
///     .subject("russia")
///     .period(Period::new(Some("2023-08".parse()?), Some("2024-02".parse()?)))
///     .quantity(Quantity::new(6700.0, "containers"))
///     .tag("military");
/// assert_eq!(c.subjects, ["dprk", "russia"]);
/// # Ok::<(), claimgraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The caller-chosen id, unique among sources and claims.
    pub id: String,
    /// The proposition, in words.
    pub text: String,
    /// Ids of the sources the claim is about (the parties it concerns or accuses).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
    /// The stretch of time the claim is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Free-form labels ("military", "economy").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// A quantity the claim states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
}

impl Claim {
    /// A claim with an id and its text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Claim {
        Claim {
            id: id.into(),
            text: text.into(),
            subjects: Vec::new(),
            period: None,
            tags: Vec::new(),
            quantity: None,
        }
    }

    /// Adds a subject (the id of a source the claim is about).
    pub fn subject(mut self, source_id: impl Into<String>) -> Claim {
        self.subjects.push(source_id.into());
        self
    }

    /// Sets the period the claim is about.
    pub fn period(mut self, period: Period) -> Claim {
        self.period = Some(period);
        self
    }

    /// Adds a tag.
    pub fn tag(mut self, tag: impl Into<String>) -> Claim {
        self.tags.push(tag.into());
        self
    }

    /// Sets the quantity the claim states.
    pub fn quantity(mut self, quantity: Quantity) -> Claim {
        self.quantity = Some(quantity);
        self
    }

    /// Checks the fields that do not depend on the rest of the graph.
    pub fn validate(&self) -> Result<()> {
        crate::id::validate_id(&self.id)?;
        if self.text.trim().is_empty() {
            return Err(Error::invalid_field(&self.id, "text", "a claim needs text"));
        }
        if let Some(p) = &self.period {
            p.validate(&self.id)?;
        }
        if let Some(q) = &self.quantity {
            if !q.value.is_finite() {
                return Err(Error::invalid_field(
                    &self.id,
                    "quantity",
                    "the value must be a finite number",
                ));
            }
            if q.unit.trim().is_empty() {
                return Err(Error::invalid_field(
                    &self.id,
                    "quantity",
                    "the unit must not be empty",
                ));
            }
        }
        if let Some(i) = self.tags.iter().position(|t| t.trim().is_empty()) {
            return Err(Error::invalid_field(
                &self.id,
                "tags",
                format!("tag {i} is empty"),
            ));
        }
        for (i, s) in self.subjects.iter().enumerate() {
            if self.subjects[..i].contains(s) {
                return Err(Error::invalid_field(
                    &self.id,
                    "subjects",
                    format!("subject {s:?} is listed twice"),
                ));
            }
        }
        Ok(())
    }
}
