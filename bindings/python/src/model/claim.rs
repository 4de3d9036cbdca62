//! `Claim`: a proposition in words, and `Quantity`, the amount it may state.

use std::hash::{Hash, Hasher};

use claimgraph::{Claim, Quantity};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use super::{apply_changes, call_repr, strings, to_dict, tuple, type_name};
use crate::time::{period, PyPeriod};

/// A measured amount a claim states: `Quantity(6700, "containers")`.
#[pyclass(name = "Quantity", module = "claimgraph", frozen, eq)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyQuantity {
    pub(crate) inner: Quantity,
}

#[pymethods]
impl PyQuantity {
    #[new]
    fn new(value: f64, unit: String) -> Self {
        PyQuantity {
            inner: Quantity::new(value, unit),
        }
    }

    /// The number.
    #[getter]
    fn value(&self) -> f64 {
        self.inner.value
    }

    /// What is counted or measured ("containers").
    #[getter]
    fn unit(&self) -> &str {
        &self.inner.unit
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        call_repr(
            "Quantity",
            &[
                self.inner.value.into_pyobject(py)?.into_any(),
                self.unit().into_pyobject(py)?.into_any(),
            ],
            &[],
        )
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

/// A quantity from a `Quantity` or a `(value, unit)` tuple.
fn quantity(obj: &Bound<'_, PyAny>) -> PyResult<Quantity> {
    if let Ok(q) = obj.cast::<PyQuantity>() {
        return Ok(q.get().inner.clone());
    }
    match obj.cast::<PyTuple>() {
        Ok(t) if t.len() == 2 => Ok(Quantity::new(
            t.get_item(0)?.extract()?,
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

/// A proposition in words, which sources assert, deny or doubt.
///
/// ```python
/// Claim("containers", "DPRK delivered 6,700 containers of munitions to Russia",
///       subjects=["dprk", "russia"], period=("2023-08", "2024-02"),
///       quantity=(6700, "containers"), tags=["military"])
/// ```
///
/// Equal when every field is equal; hashed by id.
#[pyclass(name = "Claim", module = "claimgraph", frozen, eq, hash)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyClaim {
    pub(crate) inner: Claim,
}

impl Hash for PyClaim {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.id.hash(state);
    }
}

impl From<Claim> for PyClaim {
    fn from(inner: Claim) -> Self {
        PyClaim { inner }
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

#[pymethods]
impl PyClaim {
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

    /// The caller-chosen id, unique among sources and claims.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// The proposition, in words.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// Ids of the sources the claim is about (the parties it concerns or accuses).
    #[getter]
    fn subjects<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        tuple(py, &self.inner.subjects).map(Bound::into_any)
    }

    /// The stretch of time the claim is about (a `Period`), or `None`.
    #[getter]
    fn period(&self) -> Option<PyPeriod> {
        self.inner.period.map(|inner| PyPeriod { inner })
    }

    /// Free-form labels.
    #[getter]
    fn tags<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        tuple(py, &self.inner.tags).map(Bound::into_any)
    }

    /// The quantity the claim states (a `Quantity`), or `None`.
    #[getter]
    fn quantity(&self) -> Option<PyQuantity> {
        self.inner
            .quantity
            .clone()
            .map(|inner| PyQuantity { inner })
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

    /// The record as the native JSON format writes it (fields that are not set are left out).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let c = &self.inner;
        call_repr(
            "Claim",
            &[
                c.id.as_str().into_pyobject(py)?.into_any(),
                c.text.as_str().into_pyobject(py)?.into_any(),
            ],
            &[
                ("subjects", self.subjects(py)?),
                ("period", self.period().into_pyobject(py)?),
                ("tags", self.tags(py)?),
                ("quantity", self.quantity().into_pyobject(py)?),
            ],
        )
    }
}
