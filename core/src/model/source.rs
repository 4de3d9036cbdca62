//! Sources: whoever or whatever a claim can be attributed to.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::time::When;

/// What sort of source it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    /// A named individual (Vladimir Putin, a spokesperson).
    Person,
    /// A named organization that is not a government (a ministry counts as government).
    Organization,
    /// A state, a government, or one of its bodies (Russia, the ROK Ministry of Unification).
    Government,
    /// A news outlet, agency or broadcaster (Yangcheng Evening News, Rodong Sinmun).
    Outlet,
    /// A single published document: an article, an op-ed, a statistics release.
    Document,
    /// Unnamed people behind a claim ("ROK sources", "officials familiar with the matter").
    UnnamedGroup,
    /// A loose collective spoken of as one ("the West", "Western commentators").
    Collective,
}

crate::names::value_names!(SourceKind, "kind", "a source kind" {
    Person => "person",
    Organization => "organization",
    Government => "government",
    Outlet => "outlet",
    Document => "document",
    UnnamedGroup => "unnamed_group" | "anonymous_group",
    Collective => "collective",
});

impl SourceKind {
    /// True for sources that name nobody: unnamed groups and collectives.
    pub fn is_unnamed(self) -> bool {
        matches!(self, SourceKind::UnnamedGroup | SourceKind::Collective)
    }
}

/// Reliability of a source on the Admiralty (NATO) scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged.
    F,
}

crate::names::value_names!(Reliability, "reliability", "a reliability grade" {
    A => "A",
    B => "B",
    C => "C",
    D => "D",
    E => "E",
    F => "F",
});

impl Reliability {
    /// The grade's meaning in words ("usually reliable").
    pub fn description(self) -> &'static str {
        match self {
            Reliability::A => "completely reliable",
            Reliability::B => "usually reliable",
            Reliability::C => "fairly reliable",
            Reliability::D => "not usually reliable",
            Reliability::E => "unreliable",
            Reliability::F => "reliability cannot be judged",
        }
    }
}

/// Anyone or anything a claim can be attributed to.
///
/// ```
/// use claimgraph::{Source, SourceKind, Reliability};
/// let rok = Source::new("rok", SourceKind::Government, "Republic of Korea")
///     .alias("ROK")
///     .alias("South Korea")
///     .reliability(Reliability::B);
/// assert_eq!(rok.aliases, ["ROK", "South Korea"]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The caller-chosen id, unique among sources and claims.
    pub id: String,
    /// What sort of source it is.
    pub kind: SourceKind,
    /// The name to display.
    pub name: String,
    /// Other names it goes by, for lookup and merging.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Reliability grade (Admiralty scale), when one has been given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    /// Where it can be found (mostly for documents and outlets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A document's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// When a document was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<When>,
}

impl Source {
    /// A source with an id, a kind and a name, and nothing else yet.
    pub fn new(id: impl Into<String>, kind: SourceKind, name: impl Into<String>) -> Source {
        Source {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: Vec::new(),
            reliability: None,
            url: None,
            title: None,
            published: None,
        }
    }

    /// Adds another name it goes by.
    pub fn alias(mut self, alias: impl Into<String>) -> Source {
        self.aliases.push(alias.into());
        self
    }

    /// Sets the reliability grade.
    pub fn reliability(mut self, grade: Reliability) -> Source {
        self.reliability = Some(grade);
        self
    }

    /// Sets the url.
    pub fn url(mut self, url: impl Into<String>) -> Source {
        self.url = Some(url.into());
        self
    }

    /// Sets a document's title.
    pub fn title(mut self, title: impl Into<String>) -> Source {
        self.title = Some(title.into());
        self
    }

    /// Sets when a document was published.
    pub fn published(mut self, when: When) -> Source {
        self.published = Some(when);
        self
    }

    /// Checks the fields that do not depend on the rest of the graph.
    pub fn validate(&self) -> Result<()> {
        crate::id::validate_id(&self.id)?;
        if self.name.trim().is_empty() {
            return Err(Error::invalid_field(
                &self.id,
                "name",
                "a source needs a name",
            ));
        }
        if let Some(i) = self.aliases.iter().position(|a| a.trim().is_empty()) {
            return Err(Error::invalid_field(
                &self.id,
                "aliases",
                format!("alias {i} is empty"),
            ));
        }
        non_empty_opt(&self.id, "url", &self.url)?;
        non_empty_opt(&self.id, "title", &self.title)?;
        if let Some(w) = &self.published {
            w.validate()
                .map_err(|e| Error::invalid_field(&self.id, "published", e.to_string()))?;
        }
        Ok(())
    }
}

pub(crate) fn non_empty_opt(id: &str, field: &'static str, v: &Option<String>) -> Result<()> {
    match v {
        Some(s) if s.trim().is_empty() => Err(Error::invalid_field(
            id,
            field,
            "must not be empty when given (leave it out instead)",
        )),
        _ => Ok(()),
    }
}
