//! A graph that several threads share: readers at once, one writer at a time; and a graph
//! database shared the same way, one call at a time.
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

/// A [`StoredGraph`](crate::StoredGraph) that several threads share, one call at a time, with
/// the same rule as [`SharedGraph`] for a change an internal error interrupted: every later call
/// is refused with [`Error::Interrupted`] (the database file holds every change that returned,
/// and opening it again loads them).
///
/// A database connection serves one thread at a time, so readers take turns too. Once
/// [`close`](SharedStore::close)d, every call fails with [`Error::InvalidField`] (field `graph`).
///
/// ```
/// use claimgraph::{SharedStore, Source, SourceKind};
/// # let dir = std::env::temp_dir().join(format!("claimgraph-shared-{}", std::process::id()));
/// # std::fs::create_dir_all(&dir).unwrap();
/// # let path = dir.join("desk.db");
/// # let _ = std::fs::remove_file(&path);
/// let g = SharedStore::open(&path)?;
/// g.change(Some("the ABC's report".into()), |g| {
///     g.add_source(Source::new("abc", SourceKind::Outlet, "ABC"))
/// })?;
/// assert_eq!(g.with(|g| g.history("abc"))?.len(), 1);
/// let detached = g.close()?.expect("open until now");
/// assert!(detached.source("abc").is_some());
/// assert!(g.with(|g| Ok(g.counts())).is_err()); // closed
/// # std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), claimgraph::Error>(())
/// ```
#[cfg(feature = "sqlite")]
#[derive(Debug)]
pub struct SharedStore {
    inner: std::sync::Mutex<Option<crate::StoredGraph>>,
    path: std::path::PathBuf,
}

#[cfg(feature = "sqlite")]
impl From<crate::StoredGraph> for SharedStore {
    fn from(store: crate::StoredGraph) -> Self {
        SharedStore {
            path: store.path().to_path_buf(),
            inner: std::sync::Mutex::new(Some(store)),
        }
    }
}

#[cfg(feature = "sqlite")]
impl SharedStore {
    /// Opens the graph database at `path` (see [`ClaimGraph::open`]) to share it.
    pub fn open(path: impl AsRef<std::path::Path>) -> Result<SharedStore> {
        crate::StoredGraph::open(path).map(SharedStore::from)
    }

    /// The database file.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Runs `f` on the stored graph, alone.
    pub fn with<T>(&self, f: impl FnOnce(&mut crate::StoredGraph) -> Result<T>) -> Result<T> {
        let mut slot = self.inner.lock().map_err(|_| Error::Interrupted)?;
        match slot.as_mut() {
            Some(store) => f(store),
            None => Err(Error::invalid_field(
                &self.path.display().to_string(),
                "graph",
                "the database was closed",
            )),
        }
    }

    /// Runs the change `f`, with `reason` recorded on it when one is given
    /// ([`StoredGraph::with_optional_reason`](crate::StoredGraph::with_optional_reason)).
    pub fn change<T>(
        &self,
        reason: Option<String>,
        f: impl FnOnce(&mut crate::StoredGraph) -> Result<T>,
    ) -> Result<T> {
        self.with(|g| g.with_optional_reason(reason, f))
    }

    /// Closes the database (an open transaction is rolled back) and gives the graph back,
    /// detached from the file; `None` when it was closed already.
    ///
    /// After an interrupted change the file is still released, so it can be opened again, but
    /// the graph in memory is not given back: [`Error::Interrupted`].
    pub fn close(&self) -> Result<Option<ClaimGraph>> {
        match self.inner.lock() {
            Ok(mut slot) => Ok(slot.take().map(crate::StoredGraph::into_graph)),
            Err(poisoned) => {
                drop(poisoned.into_inner().take());
                Err(Error::Interrupted)
            }
        }
    }
}
