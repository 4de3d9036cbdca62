//! `Attribution`: a source's stance on a claim, as reported somewhere.

use std::hash::{Hash, Hasher};

use claimgraph::{Attribution, Modality, Stance};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::{apply_changes, call_repr, opt_string, parse_named, to_dict, MODALITY, STANCE};
use crate::time::{when_opt, when_text};

/// A source's stance on a claim, as reported somewhere.
///
/// When an article says "according to ROK sources, ...", the attribution is from the ROK sources
/// with `via` naming the article. The id defaults to `"{source}:{stance}:{claim}"`.
///
/// ```python
/// Attribution("rok-sources", "containers", "asserts", via="article", said="2024-06-18")
/// ```
///
/// Equal when every field is equal; hashed by id.
#[pyclass(name = "Attribution", module = "claimgraph", frozen, eq, hash)]
#[derive(Clone, PartialEq)]
pub(crate) struct PyAttribution {
    pub(crate) inner: Attribution,
}

impl Hash for PyAttribution {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.id.hash(state);
    }
}

impl From<Attribution> for PyAttribution {
    fn from(inner: Attribution) -> Self {
        PyAttribution { inner }
    }
}

#[allow(clippy::too_many_arguments)]
impl PyAttribution {
    /// The core record from the constructor's (and `ClaimGraph.add_attribution`'s) arguments.
    pub(crate) fn build(
        source: String,
        claim: String,
        stance: &Bound<'_, PyAny>,
        id: Option<String>,
        modality: Option<&Bound<'_, PyAny>>,
        said: Option<&Bound<'_, PyAny>>,
        quote: Option<String>,
        via: Option<String>,
        basis: Option<Vec<String>>,
        covers: Option<Vec<String>>,
    ) -> PyResult<Attribution> {
        let stance = parse_named::<Stance>(stance, "stance")?;
        let mut a = Attribution::new(source, claim, stance);
        if let Some(id) = id {
            a.id = id;
        }
        if let Some(m) = modality {
            a.modality = parse_named::<Modality>(m, "modality")?;
        }
        a.said = when_opt(said, "said")?;
        a.quote = quote;
        a.via = via.into_iter().map(claimgraph::Hop::new).collect();
        a.basis = basis.unwrap_or_default();
        a.covers = covers.unwrap_or_default();
        Ok(a)
    }
}

#[pymethods]
impl PyAttribution {
    #[new]
    #[pyo3(signature = (source, claim, stance, *, id=None, modality=None, said=None, quote=None, via=None, basis=None, covers=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        source: String,
        claim: String,
        stance: &Bound<'_, PyAny>,
        id: Option<String>,
        modality: Option<&Bound<'_, PyAny>>,
        said: Option<&Bound<'_, PyAny>>,
        quote: Option<String>,
        via: Option<String>,
        basis: Option<Vec<String>>,
        covers: Option<Vec<String>>,
    ) -> PyResult<Self> {
        PyAttribution::build(
            source, claim, stance, id, modality, said, quote, via, basis, covers,
        )
        .map(Self::from)
    }

    /// The edge id, unique among all edges.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// Who takes the stance (a source id).
    #[getter]
    fn source(&self) -> &str {
        &self.inner.source
    }

    /// The claim (a claim id).
    #[getter]
    fn claim(&self) -> &str {
        &self.inner.claim
    }

    /// Asserts, denies or doubts (a `Stance`).
    #[getter]
    fn stance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        STANCE.member(py, self.inner.stance.as_str())
    }

    /// How firmly the wording commits the source (a `Modality`).
    #[getter]
    fn modality<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        MODALITY.member(py, self.inner.modality.as_str())
    }

    /// When it was said (canonical text), or `None`.
    #[getter]
    fn said(&self) -> Option<String> {
        when_text(&self.inner.said)
    }

    /// The exact words, or `None`.
    #[getter]
    fn quote(&self) -> Option<&str> {
        self.inner.quote.as_deref()
    }

    /// The document or outlet it was reported in (a source id: the last hop of its reporting
    /// chain), or `None`.
    #[getter]
    fn via(&self) -> Option<&str> {
        self.inner.reported_in()
    }

    /// For this claim alone, the sources the assertion rests on: origins are traced from them
    /// instead of the speaker, so an article repeating a witness's account is not a new origin.
    #[getter]
    fn basis(&self) -> Vec<String> {
        self.inner.basis.clone()
    }

    /// Further claims the same statement covers ("denied these claims"), besides `claim`.
    #[getter]
    fn covers(&self) -> Vec<String> {
        self.inner.covers.clone()
    }

    /// A copy with the given fields changed, e.g. `attribution.replace(modality="alleged")`.
    ///
    /// The id is kept unless given: an attribution's id names the edge, whatever it now says.
    #[pyo3(signature = (**changes))]
    fn replace(&self, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let mut a = self.inner.clone();
        apply_changes("Attribution", changes, |key, v| {
            match key {
                "id" => a.id = v.extract()?,
                "source" => a.source = v.extract()?,
                "claim" => a.claim = v.extract()?,
                "stance" => a.stance = parse_named(v, "stance")?,
                "modality" => a.modality = parse_named(v, "modality")?,
                "said" => a.said = when_opt(Some(v), "said")?,
                "quote" => a.quote = opt_string(v)?,
                "basis" => a.basis = v.extract()?,
                "covers" => a.covers = v.extract()?,
                "via" => {
                    a.via = opt_string(v)?
                        .into_iter()
                        .map(claimgraph::Hop::new)
                        .collect()
                }
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        Ok(a.into())
    }

    /// The record as the native JSON format writes it (fields that are not set are left out).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let a = &self.inner;
        let modality = (a.modality != Modality::default()).then(|| a.modality.as_str());
        call_repr(
            "Attribution",
            &[
                a.source.as_str().into_pyobject(py)?.into_any(),
                a.claim.as_str().into_pyobject(py)?.into_any(),
                a.stance.as_str().into_pyobject(py)?.into_any(),
            ],
            &[
                ("id", a.id.as_str().into_pyobject(py)?.into_any()),
                ("modality", modality.into_pyobject(py)?),
                ("said", self.said().into_pyobject(py)?),
                ("quote", self.quote().into_pyobject(py)?),
                ("via", self.via().into_pyobject(py)?),
            ],
        )
    }
}
