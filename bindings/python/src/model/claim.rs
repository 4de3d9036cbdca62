//! `Claim`: a proposition in words, and `Quantity`, the amount it may state.

use std::hash::{Hash, Hasher};

use claimgraph::{Claim, Quantity};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

use crate::fields::{fields, wrapper};
use pyo3::types::{PyDict, PyTuple};

use super::{apply_changes, number, strings, type_name};
use crate::time::period;

wrapper! {
    /// A measured amount a claim states: `Quantity(6700, "containers")`.
    PyQuantity(Quantity) as "Quantity"
}

fields! {
    PyQuantity(Quantity) as "Quantity" {
        /// The number.
        value,
        /// What is counted or measured ("containers").
        unit;
    }
    methods {
        #[new]
        fn new(value: &Bound<'_, PyAny>, unit: String) -> PyResult<Self> {
            Ok(PyQuantity {
                inner: Quantity::new(number(value, "quantity")?, unit),
            })
        }

        fn __hash__(&self) -> u64 {
            // Equal values hash alike: -0.0 == 0.0, so both hash as 0.0.
            let v = if self.inner.value == 0.0 {
                0.0
            } else {
                self.inner.value
            };
            let mut h = std::collections::hash_map::DefaultHasher::new();
            v.to_bits().hash(&mut h);
            self.inner.unit.hash(&mut h);
            h.finish()
        }
    }
}

/// A quantity from a `Quantity` or a `(value, unit)` tuple.
fn quantity(obj: &Bound<'_, PyAny>) -> PyResult<Quantity> {
    if let Ok(q) = obj.cast::<PyQuantity>() {
        return Ok(q.get().inner.clone());
    }
    match obj.cast::<PyTuple>() {
        Ok(t) if t.len() == 2 => Ok(Quantity::new(
            number(&t.get_item(0)?, "quantity")?,
            t.get_item(1)?.extract::<String>()?,
        )),
        _ => Err(PyTypeError::new_err(format!(
            "quantity must be a Quantity or a (value, unit) tuple, not {}",
            type_name(obj)
        ))),
    }
}

fn quantity_opt(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Quantity>> {
    match obj {
        Some(o) if !o.is_none() => quantity(o).map(Some),
        _ => Ok(None),
    }
}

fn period_opt(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<claimgraph::Period>> {
    match obj {
        Some(o) if !o.is_none() => period(o).map(Some),
        _ => Ok(None),
    }
}

wrapper! {
    /// A proposition in words, which sources assert, deny or doubt.
    ///
    /// >>> c = Claim("containers", "DPRK delivered 6,700 containers of munitions to Russia",
    /// ...           subjects=["dprk", "russia"], period=("2023-08", "2024-02"),
    /// ...           quantity=(6700, "containers"), tags=["military"])
    /// >>> c.period, c.quantity
    /// (Period('2023-08', '2024-02'), Quantity(6700.0, 'containers'))
    ///
    /// Equal when every field is equal; hashed by id.
    PyClaim(Claim) as "Claim", hash, from_py_object
}

impl Hash for PyClaim {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.id.hash(state);
    }
}

impl PyClaim {
    /// The core record from the constructor's (and `ClaimGraph.add_claim`'s) arguments.
    pub(crate) fn build(
        id: String,
        text: String,
        subjects: Option<&Bound<'_, PyAny>>,
        period: Option<&Bound<'_, PyAny>>,
        tags: Option<&Bound<'_, PyAny>>,
        quantity: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Claim> {
        Ok(Claim {
            id,
            text,
            subjects: match subjects {
                Some(s) => strings(s, "subjects")?,
                None => Vec::new(),
            },
            period: period_opt(period)?,
            tags: match tags {
                Some(t) => strings(t, "tags")?,
                None => Vec::new(),
            },
            quantity: quantity_opt(quantity)?,
        })
    }
}

fields! {
    PyClaim(Claim) as "Claim" {
        /// The caller-chosen id, unique among sources and claims.
        id,
        /// The proposition, in words.
        text;
        /// Ids of the sources the claim is about (the parties it concerns or accuses).
        subjects,
        /// The stretch of time the claim is about (a `Period`), or `None`.
        period,
        /// Free-form labels.
        tags,
        /// The quantity the claim states (a `Quantity`), or `None`.
        quantity,
    }
    methods {
        #[new]
        #[pyo3(signature = (id, text, *, subjects=None, period=None, tags=None, quantity=None))]
        fn new(
            id: String,
            text: String,
            subjects: Option<&Bound<'_, PyAny>>,
            period: Option<&Bound<'_, PyAny>>,
            tags: Option<&Bound<'_, PyAny>>,
            quantity: Option<&Bound<'_, PyAny>>,
        ) -> PyResult<Self> {
            PyClaim::build(id, text, subjects, period, tags, quantity).map(Self::from)
        }

        /// A copy with the given fields changed, e.g. `claim.replace(tags=["military"])`.
        #[pyo3(signature = (**changes))]
        fn replace(&self, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
            let mut c = self.inner.clone();
            apply_changes("Claim", changes, |key, v| {
                match key {
                    "id" => c.id = v.extract()?,
                    "text" => c.text = v.extract()?,
                    "subjects" => c.subjects = strings(v, "subjects")?,
                    "period" => c.period = period_opt(Some(v))?,
                    "tags" => c.tags = strings(v, "tags")?,
                    "quantity" => c.quantity = quantity_opt(Some(v))?,
                    _ => return Ok(false),
                }
                Ok(true)
            })?;
            Ok(c.into())
        }
    }
}
