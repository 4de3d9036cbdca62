//! `Attribution`: a source's stance on a claim, as reported somewhere.

use std::hash::{Hash, Hasher};

use claimgraph::{Attribution, Hop, Modality, Stance};
use pyo3::prelude::*;

use crate::fields::{fields, wrapper};
use pyo3::types::PyDict;

use super::{apply_changes, opt_string, parse_named};
use crate::time::when_opt;

wrapper! {
    /// One outlet or document that carried a statement on its way to the reader, and when.
    ///
    /// >>> Hop("yonhap", date="2024-06-17")
    /// Hop('yonhap', date='2024-06-17')
    PyHop(Hop) as "Hop", hash, from_py_object
}

impl Hash for PyHop {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.inner.source.hash(state);
    }
}

fields! {
    PyHop(Hop) as "Hop" {
        /// The outlet or document that carried the statement (a source id).
        source;
        /// When it carried it (canonical text), or `None`: then the source's `published` date.
        date,
    }
    methods {
        #[new]
        #[pyo3(signature = (source, *, date=None))]
        fn new(source: String, date: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
            Ok(Hop { source, date: when_opt(date, "date")? }.into())
        }
    }
}

/// One hop as an argument: a source id, a `Hop`, or a `(source, date)` pair.
#[derive(FromPyObject)]
pub(crate) enum HopArg<'py> {
    Source(String),
    Hop(PyHop),
    Dated(String, Option<Bound<'py, PyAny>>),
}

/// The `via` argument: one hop, or the reporting chain from the first outlet to the last.
#[derive(FromPyObject)]
pub(crate) enum Via<'py> {
    One(HopArg<'py>),
    Chain(Vec<HopArg<'py>>),
}

impl Via<'_> {
    /// The core's reporting chain.
    pub(crate) fn hops(self) -> PyResult<Vec<Hop>> {
        let hop = |h: HopArg<'_>| -> PyResult<Hop> {
            Ok(match h {
                HopArg::Source(source) => Hop::new(source),
                HopArg::Hop(h) => h.inner,
                HopArg::Dated(source, date) => Hop {
                    source,
                    date: when_opt(date.as_ref(), "via.date")?,
                },
            })
        };
        match self {
            Via::One(h) => Ok(vec![hop(h)?]),
            Via::Chain(hs) => hs.into_iter().map(hop).collect(),
        }
    }
}

/// The reporting chain from an optional `via` argument (`None` is an empty chain).
pub(crate) fn via_hops(via: Option<Via<'_>>) -> PyResult<Vec<Hop>> {
    via.map_or(Ok(Vec::new()), Via::hops)
}

wrapper! {
    /// A source's stance on a claim, as reported somewhere.
    ///
    /// When an article says "according to ROK sources, ...", the attribution is from the ROK sources
    /// with `via` naming the article (or the chain of outlets, first to last, that carried it).
    /// The id defaults to `"{source}:{stance}:{claim}"`.
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
        via: Option<Via<'_>>,
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
        a.via = via_hops(via)?;
        a.basis = basis.unwrap_or_default();
        a.covers = covers.unwrap_or_default();
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
        /// The reporting chain (`Hop` objects), from the first outlet that carried the statement
        /// to the one the reader saw; empty when it was heard first hand.
        via,
        /// For this claim alone, the sources the assertion rests on: origins are traced from
        /// them instead of the speaker, so a relay is not a new origin.
        basis,
        /// Further claims the same statement covers ("denied these claims"), besides `claim`.
        covers,
    }
    methods {
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
            via: Option<Via<'_>>,
            basis: Option<Vec<String>>,
            covers: Option<Vec<String>>,
        ) -> PyResult<Self> {
            PyAttribution::build(
                source, claim, stance, id, modality, said, quote, via, basis, covers,
            )
            .map(Self::from)
        }

        /// The outlet or document the reader saw the statement in: the last hop of `via`, or
        /// `None`.
        #[getter]
        fn reported_in(&self) -> Option<&str> {
            self.inner.reported_in()
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
                    "via" => a.via = via_hops(v.extract()?)?,
                    "basis" => a.basis = v.extract()?,
                    "covers" => a.covers = v.extract()?,
                    _ => return Ok(false),
                }
                Ok(true)
            })?;
            Ok(a.into())
        }
    }
}
