//! `Source`: anyone or anything a claim can be attributed to.

use std::hash::{Hash, Hasher};

use claimgraph::{Reliability, Source, SourceKind};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::{
    apply_changes, call_repr, opt_string, parse_named, parse_named_opt, strings, to_dict, tuple,
    RELIABILITY, SOURCE_KIND,
};
use crate::time::{when_opt, when_text};

/// Anyone or anything a claim can be attributed to: a person, an organization, a government, an
/// outlet, a document, an unnamed group ("ROK sources") or a collective ("the West").
///
/// ```python
/// Source("rok", "government", "Republic of Korea", aliases=["ROK", "South Korea"])
/// ```
///
/// Equal when every field is equal; hashed by id.
#[pyclass(name = "Source", module = "claimgraph", frozen, eq, hash)]
#[derive(Clone, PartialEq)]
pub(crate) struct PySource {
    pub(crate) inner: Source,
}

impl Hash for PySource {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.id.hash(state);
    }
}

impl From<Source> for PySource {
    fn from(inner: Source) -> Self {
        PySource { inner }
    }
}

#[allow(clippy::too_many_arguments)]
impl PySource {
    /// The core record from the constructor's (and `ClaimGraph.add_source`'s) arguments.
    pub(crate) fn build(
        id: String,
        kind: &Bound<'_, PyAny>,
        name: String,
        aliases: Option<&Bound<'_, PyAny>>,
        reliability: Option<&Bound<'_, PyAny>>,
        url: Option<String>,
        title: Option<String>,
        published: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Source> {
        Ok(Source {
            id,
            kind: parse_named::<SourceKind>(kind, "kind")?,
            name,
            aliases: match aliases {
                Some(a) => strings(a, "aliases")?,
                None => Vec::new(),
            },
            reliability: parse_named_opt::<Reliability>(reliability, "reliability")?,
            url,
            title,
            published: when_opt(published, "published")?,
        })
    }
}

#[pymethods]
impl PySource {
    #[new]
    #[pyo3(signature = (id, kind, name, *, aliases=None, reliability=None, url=None, title=None, published=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        id: String,
        kind: &Bound<'_, PyAny>,
        name: String,
        aliases: Option<&Bound<'_, PyAny>>,
        reliability: Option<&Bound<'_, PyAny>>,
        url: Option<String>,
        title: Option<String>,
        published: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        PySource::build(id, kind, name, aliases, reliability, url, title, published).map(Self::from)
    }

    /// The caller-chosen id, unique among sources and claims.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    /// What sort of source it is (a `SourceKind`).
    #[getter]
    fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        SOURCE_KIND.member(py, self.inner.kind.as_str())
    }

    /// The name to display.
    #[getter]
    fn name(&self) -> &str {
        &self.inner.name
    }

    /// Other names it goes by, for lookup and merging.
    #[getter]
    fn aliases<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        tuple(py, &self.inner.aliases).map(Bound::into_any)
    }

    /// Reliability grade on the Admiralty scale (a `Reliability`), or `None`.
    #[getter]
    fn reliability<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .reliability
            .map(|r| RELIABILITY.member(py, r.as_str()))
            .transpose()
    }

    /// Where it can be found, or `None`.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.inner.url.as_deref()
    }

    /// A document's title, or `None`.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title.as_deref()
    }

    /// When a document was published (canonical text), or `None`.
    #[getter]
    fn published(&self) -> Option<String> {
        when_text(&self.inner.published)
    }

    /// A copy with the given fields changed, e.g. `source.replace(name="ROK")`.
    #[pyo3(signature = (**changes))]
    fn replace(&self, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let mut s = self.inner.clone();
        apply_changes("Source", changes, |key, v| {
            match key {
                "id" => s.id = v.extract()?,
                "kind" => s.kind = parse_named(v, "kind")?,
                "name" => s.name = v.extract()?,
                "aliases" => s.aliases = strings(v, "aliases")?,
                "reliability" => s.reliability = parse_named_opt(Some(v), "reliability")?,
                "url" => s.url = opt_string(v)?,
                "title" => s.title = opt_string(v)?,
                "published" => s.published = when_opt(Some(v), "published")?,
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        Ok(s.into())
    }

    /// The record as the native JSON format writes it (fields that are not set are left out).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let s = &self.inner;
        call_repr(
            "Source",
            &[
                s.id.as_str().into_pyobject(py)?.into_any(),
                s.kind.as_str().into_pyobject(py)?.into_any(),
                s.name.as_str().into_pyobject(py)?.into_any(),
            ],
            &[
                ("aliases", self.aliases(py)?),
                (
                    "reliability",
                    s.reliability.map(|r| r.as_str()).into_pyobject(py)?,
                ),
                ("url", self.url().into_pyobject(py)?),
                ("title", self.title().into_pyobject(py)?),
                ("published", self.published().into_pyobject(py)?),
            ],
        )
    }
}
