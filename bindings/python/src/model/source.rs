//! `Source`: anyone or anything a claim can be attributed to.

use std::hash::{Hash, Hasher};

use claimgraph::{Reliability, Source, SourceKind};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::{apply_changes, opt_string, parse_named, parse_named_opt, strings};
use crate::fields::{fields, wrapper};
use crate::time::when_opt;

wrapper! {
    /// Anyone or anything a claim can be attributed to: a person, an organization, a government, an
    /// outlet, a document, an unnamed group ("ROK sources") or a collective ("the West").
    ///
    /// >>> rok = Source("rok", "government", "Republic of Korea", aliases=["ROK", "South Korea"])
    /// >>> rok.kind, rok.aliases
    /// (<SourceKind.GOVERNMENT: 'government'>, ('ROK', 'South Korea'))
    /// >>> match rok:
    /// ...     case Source(id, SourceKind.GOVERNMENT, name):
    /// ...         print(f"{name} ({id}) speaks for a state")
    /// Republic of Korea (rok) speaks for a state
    ///
    /// Equal when every field is equal; hashed by id.
    PySource(Source) as "Source", hash, from_py_object
}

impl Hash for PySource {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.id.hash(state);
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

fields! {
    PySource(Source) as "Source" {
        /// The caller-chosen id, unique among sources and claims.
        id,
        /// What sort of source it is (a `SourceKind`).
        kind,
        /// The name to display.
        name;
        /// Other names it goes by, for lookup and merging.
        aliases,
        /// Reliability grade on the Admiralty scale (a `Reliability`), or `None`.
        reliability,
        /// Where it can be found, or `None`.
        url,
        /// A document's title, or `None`.
        title,
        /// When a document was published (canonical text), or `None`.
        published,
    }
    methods {
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
    }
}
