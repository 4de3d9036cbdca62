//! `extract(text, article=...)`: a draft graph read from article text, with every attribution's
//! spans (character offsets, as Python string indices count), cue and confidence.

use claimgraph::{Source, SourceKind};
use claimgraph_extract::{ExtractOptions, Extraction};
use pyo3::prelude::*;

use crate::errors::run;
use crate::graph::PyClaimGraph;
use crate::model::{to_dict, PySource};

/// What the text is: a `Source` of kind document, or just its title.
#[derive(FromPyObject)]
pub(crate) enum Article<'py> {
    Source(PyRef<'py, PySource>),
    Title(String),
}

/// A draft read from article text: the draft graph, the attributions found (each with the
/// character offsets of its source, cue and content, its stance, modality, pattern and
/// confidence, and the ids of the records it became) and every draft record with its spans.
///
/// In a notebook it shows the text with sources, cues and contents highlighted, the records
/// beside it.
#[pyclass(name = "Extraction", module = "claimgraph", frozen)]
pub(crate) struct PyExtraction {
    inner: Extraction,
    graph: Py<PyClaimGraph>,
}

#[pymethods]
impl PyExtraction {
    /// The text the draft was read from.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The draft graph: the article, the sources with their kinds, the claims and the
    /// attributions via the article. It is a graph like any other: edit it, query it, save it.
    #[getter]
    fn graph(&self, py: Python<'_>) -> Py<PyClaimGraph> {
        self.graph.clone_ref(py)
    }

    /// The id of the article's source in the draft graph.
    #[getter]
    fn article_id(&self) -> &str {
        &self.inner.article_id
    }

    /// The attributions found, in text order, as dicts: `source`, `cue`, `content` (``[start,
    /// end]`` character offsets or None), `content_parts`, `polarity`, `stance`, `modality`,
    /// `pattern`, `direct_quote`, `confidence`, `kind`, `source_kind`, `source_ids`, `claim`,
    /// `attribution_ids`.
    #[getter]
    fn attributions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.span_records())
    }

    /// Every record of the draft with the words it came from: dicts with `id`, `kind`, `spans`
    /// (``[start, end]`` character offsets), `cue` and `confidence`.
    #[getter]
    fn records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.record_spans())
    }

    /// The prediction file of the shared extraction evaluation for a document named `doc`:
    /// ``{"doc": doc, "attributions": [...]}``.
    fn prediction<'py>(&self, py: Python<'py>, doc: &str) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, &self.inner.to_prediction_json(doc))
    }

    /// The notebook view as HTML: the text with each attribution's source, cue and content
    /// highlighted in three colours, and the draft's attributions beside it.
    fn to_html(&self) -> String {
        self.inner.to_html()
    }

    fn _repr_html_(&self) -> String {
        self.inner.to_html()
    }

    fn __len__(&self) -> usize {
        self.inner.attributions.len()
    }

    fn __repr__(&self) -> String {
        let c = self.inner.graph.counts();
        format!(
            "<Extraction: {} attribution(s); draft of {} source(s), {} claim(s)>",
            self.inner.attributions.len(),
            c.sources,
            c.claims
        )
    }
}

/// Reads a draft claim graph from article text, offline, by rules and shipped word lists.
///
/// `article` is the article the text is: a `Source` of kind ``"document"``, or its title (the
/// draft then calls it ``"article"``); without it the title is the text's first line. Every
/// attribution of the draft is reported via the article.
///
/// ```python
/// x = claimgraph.extract("ROK sources have claimed that DPRK delivered 6,700 containers.")
/// x.attributions[0]["source"]      # [0, 11], "ROK sources"
/// x.graph["rok-sources"].kind      # SourceKind.UNNAMED_GROUP
/// ```
#[pyfunction]
#[pyo3(signature = (text, *, article=None))]
pub(crate) fn extract(
    py: Python<'_>,
    text: String,
    article: Option<Article>,
) -> PyResult<PyExtraction> {
    let article = article.map(|a| match a {
        Article::Source(s) => s.inner.clone(),
        Article::Title(title) => {
            Source::new("article", SourceKind::Document, title.clone()).title(title)
        }
    });
    let options = ExtractOptions { article };
    let inner = run(py, || claimgraph_extract::extract(&text, &options))?;
    let graph = Py::new(py, PyClaimGraph::from(inner.graph.clone()))?;
    Ok(PyExtraction { inner, graph })
}
