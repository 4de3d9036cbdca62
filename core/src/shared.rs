//! A graph that several threads share: readers at once, one writer at a time.
//!
//! This is the locking the Python and Kotlin/Swift bindings put around a graph, kept in one place
//! so that they agree: how two graphs are locked when one is merged into or compared with the
//! other, and what a graph that an internal error interrupted in the middle of a change does.

use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::error::{Error, Result};
use crate::graph::ClaimGraph;
use crate::query::{MergePolicy, MergeReport};

/// A [`ClaimGraph`] behind a read-write lock.
///
/// Every method takes `&self`, so the graph can sit in an `Arc` shared by threads. Two graphs are
/// never both locked by one call except in address order, so two threads merging or comparing
/// the same pair of graphs in opposite directions cannot each wait for the other.
///
/// When a change panics half-way (which the core should never do), the graph's state is unknown:
/// every later call on it is refused with [`Error::Interrupted`], and it must be loaded again.
///
/// ```
/// use claimgraph::{ClaimGraph, MergePolicy, SharedGraph, Source, SourceKind};
/// let ours = SharedGraph::default();
/// let theirs = SharedGraph::new(ClaimGraph::new());
/// theirs.write(|g| g.add_source(Source::new("russia", SourceKind::Government, "Russia")))?;
/// let report = ours.merge_from(&theirs, MergePolicy::Fail)?;
/// assert_eq!(report.added, ["russia"]);
/// assert!(ours.same_records(&theirs)?);
/// # Ok::<(), claimgraph::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct SharedGraph {
    inner: RwLock<ClaimGraph>,
}

impl From<ClaimGraph> for SharedGraph {
    fn from(graph: ClaimGraph) -> Self {
        SharedGraph::new(graph)
    }
}

impl SharedGraph {
    /// Shares `graph`.
    pub fn new(graph: ClaimGraph) -> SharedGraph {
        SharedGraph {
            inner: RwLock::new(graph),
        }
    }

    fn reader(&self) -> Result<RwLockReadGuard<'_, ClaimGraph>> {
        self.inner.read().map_err(|_| Error::Interrupted)
    }

    fn writer(&self) -> Result<RwLockWriteGuard<'_, ClaimGraph>> {
        self.inner.write().map_err(|_| Error::Interrupted)
    }

    /// Runs `f` on the graph under a read lock (other readers may run at the same time).
    pub fn read<T>(&self, f: impl FnOnce(&ClaimGraph) -> Result<T>) -> Result<T> {
        f(&*self.reader()?)
    }

    /// Runs `f` on the graph under the write lock (alone).
    pub fn write<T>(&self, f: impl FnOnce(&mut ClaimGraph) -> Result<T>) -> Result<T> {
        f(&mut *self.writer()?)
    }

    /// A copy of the graph as it stands.
    pub fn snapshot(&self) -> Result<ClaimGraph> {
        Ok(self.reader()?.clone())
    }

    /// Puts `graph` in place of the shared one and gives the old one back.
    pub fn replace(&self, graph: ClaimGraph) -> Result<ClaimGraph> {
        Ok(std::mem::replace(&mut *self.writer()?, graph))
    }

    /// The shared graph, no longer shared.
    pub fn into_inner(self) -> Result<ClaimGraph> {
        self.inner.into_inner().map_err(|_| Error::Interrupted)
    }

    /// Merges `other` into this graph ([`ClaimGraph::merge`]). A graph merged into itself is
    /// unchanged, every record reported unchanged.
    pub fn merge_from(&self, other: &SharedGraph, policy: MergePolicy) -> Result<MergeReport> {
        if std::ptr::eq(self, other) {
            let mut ours = self.writer()?;
            let theirs = ours.clone();
            return ours.merge(&theirs, policy);
        }
        if self.lock_first(other) {
            let mut ours = self.writer()?;
            let theirs = other.reader()?;
            ours.merge(&theirs, policy)
        } else {
            let theirs = other.reader()?;
            let mut ours = self.writer()?;
            ours.merge(&theirs, policy)
        }
    }

    /// True when both graphs hold the same records (`==` on the graphs).
    pub fn same_records(&self, other: &SharedGraph) -> Result<bool> {
        if std::ptr::eq(self, other) {
            // Still refused when interrupted, as any other call on it.
            let _unchanged = self.reader()?;
            return Ok(true);
        }
        let (first, second) = if self.lock_first(other) {
            (self, other)
        } else {
            (other, self)
        };
        let a = first.reader()?;
        let b = second.reader()?;
        Ok(*a == *b)
    }

    /// Whether this graph's lock is taken before `other`'s: the lower address first.
    fn lock_first(&self, other: &SharedGraph) -> bool {
        std::ptr::from_ref(self) < std::ptr::from_ref(other)
    }
}
