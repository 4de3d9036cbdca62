//! Bulk changes kept a block of events at a time (schema version 3).
//!
//! A change of at least [`BULK_EVENTS`] events (an import, a large merge, the undo of one) is
//! not written as one `events` row per record: its events go, in order, into blocks of up to
//! [`BLOCK_EVENTS`] consecutive events of one record kind, compressed together (LZ4), one row
//! of `blocks` each. The events are the same as rows would hold, with the same hashes: a block
//! keeps the chain's hash before its first event and after its last, and reading it recomputes
//! the ones between. A block also keeps the least and the greatest id it holds, so the history
//! of one record reads only the blocks whose range holds its id.
//!
//! The current value of a record whose last event lies in a block is that event's `after`,
//! unless a later change replaced or removed it: the position of such an event is listed in
//! `replaced` (the block's counterpart of an event row's `live` flag, outside the hash chain).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};

use super::history::EventRow;
use super::record::Action;
use super::schema::Raw;
use super::{db_error, Common, RowSpec, Value};
use crate::error::{Error, RecordKind, Result};

/// The fewest events a change has for them to be written as blocks.
pub(crate) const BULK_EVENTS: usize = 256;

/// The most events one block holds.
const BLOCK_EVENTS: usize = 512;

/// A block is closed before its events' encoding passes this many bytes (an event larger than
/// that is a block of its own).
const BLOCK_BYTES: usize = 1 << 20;

/// The tables version 3 adds (also what the migration from version 2 runs).
pub(crate) const CREATE: &str = "
CREATE TABLE blocks (
    first_seq INTEGER PRIMARY KEY,
    last_seq  INTEGER NOT NULL,
    change    INTEGER NOT NULL,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    reason    TEXT,
    operation TEXT NOT NULL,
    undoes    INTEGER,
    kind      TEXT NOT NULL,
    min_id    TEXT NOT NULL,
    max_id    TEXT NOT NULL,
    previous  BLOB NOT NULL,
    hash      BLOB NOT NULL,
    size      INTEGER NOT NULL,
    events    BLOB NOT NULL
);
CREATE INDEX blocks_by_record ON blocks (min_id, max_id);
CREATE TABLE replaced (seq INTEGER PRIMARY KEY);
";

const INSERT: &str = "INSERT INTO blocks \
     (first_seq, last_seq, change, at, actor, reason, operation, undoes, kind, min_id, max_id, previous, hash, size, events) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

const COLUMNS: &str = "SELECT first_seq, last_seq, change, at, actor, reason, operation, undoes, kind, previous, hash, size, events FROM blocks";

/// The length written for a value that is absent (a `before` of an addition, an `after` of a
/// removal).
const ABSENT: u32 = u32::MAX;

fn action_code(action: &str) -> u8 {
    match action {
        "add" => 0,
        "update" => 1,
        _ => 2,
    }
}

fn code_action(code: u8) -> Option<Action> {
    match code {
        0 => Some(Action::Add),
        1 => Some(Action::Update),
        2 => Some(Action::Remove),
        _ => None,
    }
}

/// A block being gathered: its events encoded one after the other, not yet hashed.
struct Gathered {
    kind: &'static str,
    first_seq: u64,
    last_seq: u64,
    min_id: String,
    max_id: String,
    bytes: Vec<u8>,
}

impl Gathered {
    fn count(&self) -> usize {
        (self.last_seq + 1 - self.first_seq) as usize
    }
}

/// A block ready to be written: hashed and compressed.
struct Packed {
    block: Gathered,
    previous: [u8; 32],
    hash: [u8; 32],
    packed: Vec<u8>,
}

/// Writes a bulk change's events (numbered from `start`'s position + 1, chained after its hash)
/// as blocks; returns the last event's position and hash. The events are gathered and encoded
/// (a record in the graph is serialized straight into its block) a block at a time here,
/// while a second thread chains their hashes and compresses the blocks, unless it falls behind:
/// then this thread compresses them (see [`send`]), so the two share the work.
pub(crate) fn write_bulk<'a>(
    db: &Connection,
    path: &Path,
    common: &Common<'_>,
    start: (u64, [u8; 32]),
    rows: impl Iterator<Item = RowSpec<'a>>,
) -> Result<(u64, [u8; 32])> {
    let mut insert = db.prepare_cached(INSERT).map_err(|e| db_error(path, e))?;
    let (to_packer, gathered) = std::sync::mpsc::sync_channel::<(Gathered, Option<Vec<u8>>)>(2);
    // Unbounded, so the packer never waits on the writer and always takes the next block;
    // the writer drains it at every block, so it holds a few compressed blocks at most.
    let (to_writer, packed) = std::sync::mpsc::channel::<Packed>();
    let mut write = |p: Packed| -> Result<()> {
        insert
            .execute(params![
                p.block.first_seq as i64,
                p.block.last_seq as i64,
                common.change as i64,
                common.at,
                common.actor,
                common.reason,
                common.operation,
                common.undoes.map(|u| u as i64),
                p.block.kind,
                p.block.min_id,
                p.block.max_id,
                &p.previous[..],
                &p.hash[..],
                p.block.bytes.len() as i64,
                p.packed,
            ])
            .map(drop)
            .map_err(|e| db_error(path, e))
    };
    std::thread::scope(|scope| {
        let packer = scope.spawn(move || pack_all(common, start.1, gathered, to_writer));
        let mut failed = None;
        let mut seq = start.0;
        let mut block: Option<Gathered> = None;
        for row in rows {
            seq += 1;
            let size = 13
                + row.id.len()
                + row.before.as_ref().map_or(0, String::len)
                + row.after.as_ref().map_or(0, Value::known_len);
            let kind = row.kind.as_str();
            let full = block.as_ref().is_some_and(|b| {
                b.kind != kind || b.count() == BLOCK_EVENTS || b.bytes.len() + size > BLOCK_BYTES
            });
            if full {
                if let Some(done) = block.take() {
                    if !send(&to_packer, done) {
                        break;
                    }
                }
                // Write what the packer has finished meanwhile.
                while let Ok(p) = packed.try_recv() {
                    if let Err(e) = write(p) {
                        failed = Some(e);
                    }
                }
                if failed.is_some() {
                    break;
                }
            }
            let b = block.get_or_insert_with(|| Gathered {
                kind,
                first_seq: seq,
                last_seq: seq,
                min_id: row.id.to_owned(),
                max_id: row.id.to_owned(),
                bytes: Vec::with_capacity(BLOCK_BYTES / 4),
            });
            let at = b.bytes.len();
            encode(&mut b.bytes, &row);
            if b.bytes.len() > BLOCK_BYTES && b.first_seq < seq {
                // A value whose length was not known made the block too large: it starts the
                // next one, and the block is closed without it.
                let tail = b.bytes.split_off(at);
                let done = std::mem::replace(
                    b,
                    Gathered {
                        kind,
                        first_seq: seq,
                        last_seq: seq,
                        min_id: row.id.to_owned(),
                        max_id: row.id.to_owned(),
                        bytes: tail,
                    },
                );
                if !send(&to_packer, done) {
                    break;
                }
            }
            if row.id < b.min_id.as_str() {
                row.id.clone_into(&mut b.min_id);
            } else if row.id > b.max_id.as_str() {
                row.id.clone_into(&mut b.max_id);
            }
            b.last_seq = seq;
        }
        if failed.is_none() {
            if let Some(done) = block.take() {
                let _ = to_packer.send((done, None));
            }
        }
        drop(to_packer);
        // The packer ends when the last block is sent; every block it packed is written, in order.
        for p in packed.iter() {
            if failed.is_none() {
                if let Err(e) = write(p) {
                    failed = Some(e);
                }
            }
        }
        let last_hash = packer.join().map_err(|_| Error::Database {
            path: path.to_path_buf(),
            message: "the thread packing the events of a bulk change stopped".to_owned(),
        })?;
        match failed {
            Some(e) => Err(e),
            None => Ok((seq, last_hash)),
        }
    })
}

/// Hands a gathered block to the packer. The packer compresses it unless it is behind (two
/// blocks wait for it already): then it is compressed here, so the two threads share that
/// work by what each has left. False when the packer has stopped.
fn send(
    to_packer: &std::sync::mpsc::SyncSender<(Gathered, Option<Vec<u8>>)>,
    done: Gathered,
) -> bool {
    match to_packer.try_send((done, None)) {
        Ok(()) => true,
        Err(std::sync::mpsc::TrySendError::Full((done, _))) => {
            let packed = lz4_flex::block::compress(&done.bytes);
            to_packer.send((done, Some(packed))).is_ok()
        }
        Err(std::sync::mpsc::TrySendError::Disconnected(_)) => false,
    }
}

/// Appends one event: its action, then its id, value before and value after, each as a
/// length (little-endian `u32`, [`ABSENT`] for none) and its bytes.
fn encode(bytes: &mut Vec<u8>, row: &RowSpec<'_>) {
    bytes.push(action_code(row.action.as_str()));
    put(bytes, Some(row.id.as_bytes()));
    put(bytes, row.before.as_ref().map(String::as_bytes));
    match &row.after {
        Some(value) => {
            let at = bytes.len();
            bytes.extend_from_slice(&0u32.to_le_bytes());
            value.write_json(bytes);
            let len = length(bytes.len() - at - 4);
            bytes[at..at + 4].copy_from_slice(&len.to_le_bytes());
        }
        None => put(bytes, None),
    }
}

/// Appends a value's length and its bytes, or [`ABSENT`].
fn put(bytes: &mut Vec<u8>, value: Option<&[u8]>) {
    match value {
        Some(v) => {
            bytes.extend_from_slice(&length(v.len()).to_le_bytes());
            bytes.extend_from_slice(v);
        }
        None => bytes.extend_from_slice(&ABSENT.to_le_bytes()),
    }
}

/// A value's length as written. A record's JSON is far below 4 GiB: ids and texts have limits.
fn length(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(ABSENT - 1)
}

/// Chains the hashes of each block's events after `hash`, and compresses the blocks that come
/// uncompressed; returns the hash after the last event.
fn pack_all(
    common: &Common<'_>,
    mut hash: [u8; 32],
    gathered: std::sync::mpsc::Receiver<(Gathered, Option<Vec<u8>>)>,
    packed: std::sync::mpsc::Sender<Packed>,
) -> [u8; 32] {
    for (block, packed_bytes) in gathered {
        let previous = hash;
        // The bytes were encoded by `encode` just now, so they always read back.
        if let Ok(entries) = parse(&block.bytes, block.first_seq, block.last_seq) {
            for e in &entries {
                hash = common
                    .event(
                        e.seq,
                        e.action.as_str(),
                        block.kind,
                        e.id,
                        e.before,
                        e.after,
                    )
                    .hash(&hash);
            }
        }
        let packed_bytes = packed_bytes.unwrap_or_else(|| lz4_flex::block::compress(&block.bytes));
        let out = Packed {
            block,
            previous,
            hash,
            packed: packed_bytes,
        };
        if packed.send(out).is_err() {
            break;
        }
    }
    hash
}

/// Reads a block's decompressed `bytes` event by event, the events numbered
/// `first_seq..=last_seq`; what is wrong when they do not hold exactly those events.
fn parse(
    bytes: &[u8],
    first_seq: u64,
    last_seq: u64,
) -> std::result::Result<Vec<Entry<'_>>, String> {
    let count = last_seq
        .checked_sub(first_seq)
        .and_then(|n| usize::try_from(n).ok())
        .map(|n| n + 1)
        .filter(|&n| first_seq > 0 && n <= bytes.len())
        .ok_or_else(|| format!("its positions {first_seq}-{last_seq} are out of order"))?;
    let mut out = Vec::with_capacity(count);
    let mut at = 0usize;
    let value = |at: &mut usize| -> std::result::Result<Option<&str>, String> {
        let len = bytes
            .get(*at..*at + 4)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_le_bytes)
            .ok_or("it ends inside an event")?;
        *at += 4;
        if len == ABSENT {
            return Ok(None);
        }
        let end = at
            .checked_add(len as usize)
            .ok_or("a value's length overflows")?;
        let text = bytes.get(*at..end).ok_or("it ends inside a value")?;
        *at = end;
        std::str::from_utf8(text)
            .map(Some)
            .map_err(|_| "a value is not UTF-8".to_owned())
    };
    for seq in first_seq..=last_seq {
        let action = bytes
            .get(at)
            .copied()
            .and_then(code_action)
            .ok_or_else(|| format!("event {seq} has no known action"))?;
        at += 1;
        let id = value(&mut at)?.ok_or_else(|| format!("event {seq} has no id"))?;
        let before = value(&mut at)?;
        let after = value(&mut at)?;
        out.push(Entry {
            seq,
            action,
            id,
            before,
            after,
        });
    }
    if at != bytes.len() {
        return Err("it holds more than its events".to_owned());
    }
    Ok(out)
}

/// One block as stored.
pub(crate) struct Block {
    pub(crate) first_seq: u64,
    pub(crate) last_seq: u64,
    change: i64,
    at: String,
    actor: String,
    reason: Option<String>,
    operation: String,
    undoes: Option<i64>,
    pub(crate) kind: String,
    previous: Vec<u8>,
    hash: Vec<u8>,
    size: i64,
    events: Vec<u8>,
}

/// One event of a block, read in place from its decompressed bytes.
pub(crate) struct Entry<'a> {
    pub(crate) seq: u64,
    pub(crate) action: Action,
    pub(crate) id: &'a str,
    pub(crate) before: Option<&'a str>,
    pub(crate) after: Option<&'a str>,
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Block> {
    let seq = |i: usize| r.get::<_, i64>(i).map(|s| u64::try_from(s).unwrap_or(0));
    Ok(Block {
        first_seq: seq(0)?,
        last_seq: seq(1)?,
        change: r.get(2)?,
        at: r.get(3)?,
        actor: r.get(4)?,
        reason: r.get(5)?,
        operation: r.get(6)?,
        undoes: r.get(7)?,
        kind: r.get(8)?,
        previous: r.get(9)?,
        hash: r.get(10)?,
        size: r.get(11)?,
        events: r.get(12)?,
    })
}

impl Block {
    /// The events this block holds, in their order; what is wrong when they cannot be read
    /// (the bytes were altered or damaged).
    pub(crate) fn decompress(&self) -> std::result::Result<Vec<u8>, String> {
        // LZ4 expands at most 255 to 1: a larger size is a damaged row, not memory to take.
        let size = usize::try_from(self.size)
            .ok()
            .filter(|&s| s <= self.events.len().saturating_mul(255).saturating_add(16))
            .ok_or_else(|| format!("its size {} does not fit its bytes", self.size))?;
        let mut out = vec![0; size];
        match lz4_flex::block::decompress_into(&self.events, &mut out) {
            Ok(n) if n == size => Ok(out),
            Ok(n) => Err(format!("it unpacks to {n} bytes, not {size}")),
            Err(e) => Err(format!("it cannot be unpacked ({e})")),
        }
    }

    /// Reads the decompressed `bytes` event by event; what is wrong when they do not hold
    /// exactly this block's events.
    pub(crate) fn entries<'a>(
        &self,
        bytes: &'a [u8],
    ) -> std::result::Result<Vec<Entry<'a>>, String> {
        parse(bytes, self.first_seq, self.last_seq)
    }

    fn row<'a>(&'a self, e: &Entry<'a>) -> EventRow<'a> {
        Common {
            change: u64::try_from(self.change).unwrap_or(0),
            at: &self.at,
            actor: &self.actor,
            reason: self.reason.as_deref(),
            operation: &self.operation,
            undoes: self.undoes.and_then(|u| u64::try_from(u).ok()),
        }
        .event(
            e.seq,
            e.action.as_str(),
            &self.kind,
            e.id,
            e.before,
            e.after,
        )
    }

    /// Chains the hashes of this block's events after `previous`; the hash after the last, or
    /// what is wrong with the block.
    pub(crate) fn check(&self, previous: &[u8; 32]) -> std::result::Result<[u8; 32], String> {
        let bytes = self.decompress()?;
        let mut hash = *previous;
        for e in self.entries(&bytes)? {
            hash = self.row(&e).hash(&hash);
        }
        if self.hash != hash[..] {
            return Err("its events do not match its hash".to_owned());
        }
        Ok(hash)
    }

    /// The change its events belong to.
    pub(crate) fn change(&self) -> u64 {
        u64::try_from(self.change).unwrap_or(0)
    }

    /// When its change was made, as stored.
    pub(crate) fn at(&self) -> &str {
        &self.at
    }

    /// The hash after this block's last event, as stored.
    pub(crate) fn hash(&self, path: &Path) -> Result<[u8; 32]> {
        self.hash
            .as_slice()
            .try_into()
            .map_err(|_| self.damaged(path, "its hash is damaged"))
    }

    /// The raw events that `keep` keeps, with their hashes recomputed from the block's own
    /// `previous`.
    pub(crate) fn raws(&self, path: &Path, keep: impl Fn(&Entry<'_>) -> bool) -> Result<Vec<Raw>> {
        let mut hash: [u8; 32] = self
            .previous
            .as_slice()
            .try_into()
            .map_err(|_| self.damaged(path, "its link to the events before it is damaged"))?;
        self.with_events(path, |entries| {
            // Hashes are chained only as far as the last event kept.
            let Some(last) = entries.iter().rposition(&keep) else {
                return Ok(Vec::new());
            };
            let mut out = Vec::new();
            for e in &entries[..=last] {
                hash = self.row(e).hash(&hash);
                if keep(e) {
                    out.push(Raw {
                        seq: e.seq as i64,
                        change: self.change,
                        at: self.at.clone(),
                        actor: self.actor.clone(),
                        reason: self.reason.clone(),
                        operation: self.operation.clone(),
                        undoes: self.undoes,
                        action: e.action.as_str().to_owned(),
                        kind: self.kind.clone(),
                        id: e.id.to_owned(),
                        before: e.before.map(str::to_owned),
                        after: e.after.map(str::to_owned),
                        hash: hash.to_vec(),
                    });
                }
            }
            Ok(out)
        })
    }

    /// Unpacks the block and hands its events, in order, to `f`; a block that cannot be read is
    /// an error naming it.
    pub(crate) fn with_events<T>(
        &self,
        path: &Path,
        f: impl FnOnce(Vec<Entry<'_>>) -> Result<T>,
    ) -> Result<T> {
        let bytes = self.decompress().map_err(|m| self.damaged(path, &m))?;
        let entries = self.entries(&bytes).map_err(|m| self.damaged(path, &m))?;
        f(entries)
    }

    pub(crate) fn damaged(&self, path: &Path, what: &str) -> Error {
        Error::Database {
            path: path.to_path_buf(),
            message: format!(
                "the block of events {}-{} is damaged: {what}",
                self.first_seq, self.last_seq
            ),
        }
    }
}

/// The statement reading every block in the order of the log (see [`next`]).
pub(crate) fn in_order(db: &Connection) -> rusqlite::Result<rusqlite::Statement<'_>> {
    db.prepare(&format!("{COLUMNS} ORDER BY first_seq"))
}

/// The next block of [`in_order`]'s rows.
pub(crate) fn next(rows: &mut rusqlite::Rows<'_>, path: &Path) -> Result<Option<Block>> {
    match rows.next().map_err(|e| db_error(path, e))? {
        Some(r) => from_row(r).map(Some).map_err(|e| db_error(path, e)),
        None => Ok(None),
    }
}

/// Every block matching `filter` (a `WHERE ... ORDER BY ...` tail), handed to `f` one at a
/// time.
pub(crate) fn each(
    db: &Connection,
    path: &Path,
    filter: &str,
    args: impl rusqlite::Params,
    mut f: impl FnMut(Block) -> Result<bool>,
) -> Result<()> {
    let mut stmt = db
        .prepare_cached(&format!("{COLUMNS} {filter}"))
        .map_err(|e| db_error(path, e))?;
    let mut rows = stmt.query(args).map_err(|e| db_error(path, e))?;
    while let Some(row) = rows.next().map_err(|e| db_error(path, e))? {
        if !f(from_row(row).map_err(|e| db_error(path, e))?)? {
            break;
        }
    }
    Ok(())
}

/// The events in blocks whose positions lie in `from..to` (and of change `change` when given).
pub(crate) fn raws_between(
    db: &Connection,
    path: &Path,
    from: u64,
    to: u64,
    change: Option<u64>,
) -> Result<Vec<Raw>> {
    let mut out = Vec::new();
    each(
        db,
        path,
        "WHERE last_seq >= ?1 AND first_seq < ?2 AND (?3 IS NULL OR change = ?3) ORDER BY first_seq",
        params![from as i64, to.min(i64::MAX as u64) as i64, change.map(|c| c as i64)],
        |b| {
            out.extend(b.raws(path, |e| (from..to).contains(&e.seq))?);
            Ok(true)
        },
    )?;
    Ok(out)
}

/// The first positions of the blocks whose range of ids holds `id` (of `kind` when given),
/// oldest first: read from the index alone.
fn holding(db: &Connection, path: &Path, id: &str, kind: Option<&str>) -> Result<Vec<i64>> {
    let mut stmt = db
        .prepare_cached(
            "SELECT first_seq FROM blocks INDEXED BY blocks_by_record \
             WHERE min_id <= ?1 AND max_id >= ?1 AND (?2 IS NULL OR kind = ?2)",
        )
        .map_err(|e| db_error(path, e))?;
    let rows = stmt
        .query_map(params![id, kind], |r| r.get::<_, i64>(0))
        .map_err(|e| db_error(path, e))?;
    let mut out = rows
        .collect::<rusqlite::Result<Vec<i64>>>()
        .map_err(|e| db_error(path, e))?;
    out.sort_unstable();
    Ok(out)
}

/// The events in blocks about the record with this id, oldest first.
pub(crate) fn raws_of(db: &Connection, path: &Path, id: &str) -> Result<Vec<Raw>> {
    let mut out = Vec::new();
    for first in holding(db, path, id, None)? {
        each(db, path, "WHERE first_seq = ?1", params![first], |b| {
            out.extend(b.raws(path, |e| e.id == id)?);
            Ok(true)
        })?;
    }
    Ok(out)
}

/// The block holding the last event of the log, when it lies in a block.
pub(crate) fn last(db: &Connection, path: &Path) -> Result<Option<Block>> {
    db.query_row(
        &format!("{COLUMNS} ORDER BY first_seq DESC LIMIT 1"),
        [],
        from_row,
    )
    .optional()
    .map_err(|e| db_error(path, e))
}

/// The first position of a block whose `column` (`at` or `change`) satisfies `column OP value`.
pub(crate) fn first_seq<V: rusqlite::ToSql>(
    db: &Connection,
    path: &Path,
    column: &str,
    op: &str,
    value: V,
) -> Result<Option<u64>> {
    let sql = format!("SELECT min(first_seq) FROM blocks WHERE {column} {op} ?1");
    db.query_row(&sql, params![value], |r| r.get::<_, Option<i64>>(0))
        .map(|s| s.and_then(|s| u64::try_from(s).ok()))
        .map_err(|e| db_error(path, e))
}

/// The positions of the block events whose value a later change replaced or removed.
pub(crate) fn replaced(db: &Connection, path: &Path) -> Result<HashSet<u64>> {
    let mut stmt = db
        .prepare("SELECT seq FROM replaced")
        .map_err(|e| db_error(path, e))?;
    let rows = stmt
        .query_map([], |r| r.get::<_, i64>(0))
        .map_err(|e| db_error(path, e))?;
    let mut out = HashSet::new();
    for r in rows {
        out.insert(u64::try_from(r.map_err(|e| db_error(path, e))?).unwrap_or(0));
    }
    Ok(out)
}

/// Marks as replaced the block events holding the current values of these records (whose
/// values no event row holds): for each, its last event in the newest block whose range holds
/// its id. Blocks are read newest first, each at most once.
pub(crate) fn mark_replaced(
    db: &Connection,
    path: &Path,
    records: &[(RecordKind, &str)],
) -> Result<()> {
    let mut by_kind: HashMap<&'static str, HashSet<&str>> = HashMap::new();
    for (kind, id) in records {
        by_kind.entry(kind.as_str()).or_default().insert(id);
    }
    let mut mark = db
        .prepare_cached("INSERT OR IGNORE INTO replaced (seq) VALUES (?1)")
        .map_err(|e| db_error(path, e))?;
    for (kind, mut pending) in by_kind {
        let (Some(&low), Some(&high)) = (pending.iter().min(), pending.iter().max()) else {
            continue;
        };
        // Marks the current events of the pending records a block holds; whether any remain.
        let mut read = |b: Block| -> Result<bool> {
            b.with_events(path, |entries| {
                // A record's last event in the block is the one that counts.
                for e in entries.iter().rev() {
                    if pending.remove(e.id) && e.after.is_some() {
                        mark.execute([e.seq as i64])
                            .map_err(|err| db_error(path, err))?;
                    }
                }
                Ok(!pending.is_empty())
            })
        };
        if low == high {
            // One record (a single update or removal): only the blocks holding its id, from
            // the index, newest first.
            for first in holding(db, path, low, Some(kind))?.into_iter().rev() {
                let mut more = true;
                each(db, path, "WHERE first_seq = ?1", [first], |b| {
                    more = read(b)?;
                    Ok(false)
                })?;
                if !more {
                    break;
                }
            }
        } else {
            each(
                db,
                path,
                "WHERE kind = ?1 AND min_id <= ?3 AND max_id >= ?2 ORDER BY first_seq DESC",
                params![kind, low, high],
                read,
            )?;
        }
    }
    Ok(())
}

/// The kind and id of the event at `seq` when it lies in a block.
pub(crate) fn named(db: &Connection, path: &Path, seq: u64) -> Option<(String, String)> {
    let mut found = None;
    each(
        db,
        path,
        "WHERE first_seq <= ?1 AND last_seq >= ?1",
        params![seq as i64],
        |b| {
            found = b.with_events(path, |entries| {
                Ok(entries
                    .iter()
                    .find(|e| e.seq == seq)
                    .map(|e| (b.kind.clone(), e.id.to_owned())))
            })?;
            Ok(false)
        },
    )
    .ok()?;
    found
}
