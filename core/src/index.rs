//! Id -> index maps that do not store the ids a second time.
//!
//! The graph's records already own their ids; keeping a `HashMap<String, _>` beside them would
//! hold every id twice (at a million claims that is hundreds of megabytes). The table stores only
//! indices and asks the graph for an index's id when it needs to compare.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;
use hashbrown::hash_table::{Entry, HashTable};

/// A set of indices, looked up by the id each one names.
#[derive(Clone, Default)]
pub(crate) struct IdIndex<Ix> {
    table: HashTable<Ix>,
    hasher: FixedState,
}

/// The hash every [`IdIndex`] files `id` under, so that a bulk reader can compute it on another
/// thread before the record reaches the graph.
pub(crate) fn id_hash(id: &str) -> u64 {
    FixedState::default().hash_one(id)
}

impl<Ix: Copy + PartialEq> IdIndex<Ix> {
    fn hash(&self, id: &str) -> u64 {
        self.hasher.hash_one(id)
    }

    /// The index whose record has this id; `id_of` gives the id of an index.
    pub(crate) fn get<'a>(&self, id: &str, id_of: impl Fn(Ix) -> &'a str) -> Option<Ix> {
        self.get_hashed(self.hash(id), id, id_of)
    }

    /// [`IdIndex::get`] for an id whose [`id_hash`] is known.
    pub(crate) fn get_hashed<'a>(
        &self,
        hash: u64,
        id: &str,
        id_of: impl Fn(Ix) -> &'a str,
    ) -> Option<Ix> {
        self.table.find(hash, |&ix| id_of(ix) == id).copied()
    }

    /// Records `ix` under `id`; returns the index already there instead, if any.
    pub(crate) fn insert<'a>(
        &mut self,
        id: &str,
        ix: Ix,
        id_of: impl Fn(Ix) -> &'a str,
    ) -> Result<(), Ix> {
        self.insert_hashed(self.hash(id), id, ix, id_of)
    }

    /// [`IdIndex::insert`] for an id whose [`id_hash`] is known.
    pub(crate) fn insert_hashed<'a>(
        &mut self,
        hash: u64,
        id: &str,
        ix: Ix,
        id_of: impl Fn(Ix) -> &'a str,
    ) -> Result<(), Ix> {
        let hasher = self.hasher;
        match self.table.entry(
            hash,
            |&other| id_of(other) == id,
            |&other| hasher.hash_one(id_of(other)),
        ) {
            Entry::Occupied(e) => Err(*e.get()),
            Entry::Vacant(e) => {
                e.insert(ix);
                Ok(())
            }
        }
    }

    /// Forgets `id` (which must name `ix`).
    pub(crate) fn remove(&mut self, id: &str, ix: Ix) {
        if let Ok(e) = self.table.find_entry(self.hash(id), |&other| other == ix) {
            e.remove();
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    pub(crate) fn reserve<'a>(&mut self, additional: usize, id_of: impl Fn(Ix) -> &'a str) {
        let hasher = self.hasher;
        self.table
            .reserve(additional, |&ix| hasher.hash_one(id_of(ix)));
    }
}

impl<Ix> std::fmt::Debug for IdIndex<Ix> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IdIndex({} ids)", self.table.len())
    }
}
