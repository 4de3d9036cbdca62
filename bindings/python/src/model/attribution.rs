//! `Attribution`: a source's stance on a claim, as reported somewhere.

use std::hash::{Hash, Hasher};

use claimgraph::{Attribution, Modality, Stance};
use pyo3::prelude::*;

use crate::fields::{fields, wrapper};
use pyo3::types::PyDict;

use super::{apply_changes, opt_string, parse_named};
use crate::time::when_opt;

wrapper! {
    /// A source's stance on a claim, as reported somewhere.
    ///
    /// When an article says "according to ROK sources, ...", the attribution is from the ROK sources
    /// with `via` naming the article. The id defaults to `"{source}:{stance}:{claim}"`.
    ///
    /// >>> a = Attribution("rok-sources", "containers", "asserts", via="article", said="2024-06-18")
    /// >>> a.id, a.modality
    /// ('rok-sources:asserts:containers', <Modality.STATED: 'stated'>)
    ///
    /// Equal when every field is equal; hashed by id.
    PyAttribution(Attribution) as "Attribution", hash, from_py_object
}

impl Hash for PyAttribution {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.id.hash(state);
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
        a.via = via;
        Ok(a)
    }
}

fields! {
    PyAttribution(Attribution) as "Attribution" {
        /// Who takes the stance (a source id).
        source,
        /// The claim (a claim id).
        claim,
        /// Asserts, denies or doubts (a `Stance`).
        stance;
        /// The edge id, unique among all edges.
        id,
        /// How firmly the wording commits the source (a `Modality`).
        modality,
        /// When it was said (canonical text), or `None`.
        said,
        /// The exact words, or `None`.
        quote,
        /// The document or outlet it was reported in (a source id), or `None`.
        via,
    }
    methods {
        #[new]
        #[pyo3(signature = (source, claim, stance, *, id=None, modality=None, said=None, quote=None, via=None))]
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
        ) -> PyResult<Self> {
            PyAttribution::build(source, claim, stance, id, modality, said, quote, via).map(Self::from)
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
                    "via" => a.via = opt_string(v)?,
                    _ => return Ok(false),
                }
                Ok(true)
            })?;
            Ok(a.into())
        }
    }
}
