//! The database's tables, its schema version, opening it safely and reading it back.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Params};

use super::history::{hex, parse_kind, Event, EventRow, HistoryCheck};
use super::record::Action;
use super::record::Record;
use super::{db_error, Tail, FORMAT};
use crate::error::{Error, Location, Result};

/// The schema this library writes. Each later version adds a step to [`migrate`].
pub const SCHEMA_VERSION: u32 = 3;

/// SQLite's `application_id` for claimgraph databases ("CLGR"), so a database of another
/// program is recognised as such instead of being read or changed.
const APPLICATION_ID: i32 = 0x434c_4752;

/// The log of events, one row per event (the events of a bulk change are kept in blocks instead:
/// [`super::blocks`]). The current value of each record is the `after` of its
/// one event marked `live` (bookkeeping outside the hash chain, like version 1's `records`
/// table, written by the same change that writes the event), so opening is one scan of the log
/// and a bulk ingest writes one row per record.
const CREATE: &str = "
CREATE TABLE events (
    seq       INTEGER PRIMARY KEY,
    change    INTEGER NOT NULL,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    reason    TEXT,
    operation TEXT NOT NULL,
    undoes    INTEGER,
    action    TEXT NOT NULL,
    kind      TEXT NOT NULL,
    id        TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    hash      BLOB NOT NULL,
    live      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_by_record ON events (id, seq);
";

/// Version 1 kept the current values in a `records` table pointing at their events.
const MIGRATE_1_TO_2: &str = "
ALTER TABLE events ADD COLUMN live INTEGER NOT NULL DEFAULT 0;
UPDATE events SET live = 1 WHERE seq IN (SELECT seq FROM records);
DROP TABLE records;
";

/// Version 3 keeps the events of a bulk change in blocks.
const MIGRATE_2_TO_3: &str = super::blocks::CREATE;

/// Rows written by one `INSERT` of a bulk change.
pub(crate) const ROWS_PER_INSERT: usize = 32;

/// The columns of one event row as written, in the order of [`insert_events`].
pub(crate) const EVENT_COLUMN_COUNT: usize = 14;

/// `INSERT` of one event row, or of [`ROWS_PER_INSERT`] when `batch` (the text is built once).
pub(crate) fn insert_events(batch: bool) -> &'static str {
    static ONE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    static MANY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let (slot, rows) = if batch {
        (&MANY, ROWS_PER_INSERT)
    } else {
        (&ONE, 1)
    };
    slot.get_or_init(|| {
        let row = format!("({})", vec!["?"; EVENT_COLUMN_COUNT].join(","));
        format!(
            "INSERT INTO events \
             (seq, change, at, actor, reason, operation, undoes, action, kind, id, before, after, hash, live) \
             VALUES {}",
            vec![row; rows].join(",")
        )
    })
}

/// Marks the event holding a record's current value as no longer current.
pub(crate) const UNSET_LIVE: &str =
    "UPDATE events SET live = 0 WHERE id = ?1 AND kind = ?2 AND live = 1";

fn database_error(path: &Path, message: impl Into<String>) -> Error {
    Error::Database {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// Opens (or creates) the file, takes the lock that keeps other processes out, and brings the
/// schema to [`SCHEMA_VERSION`].
pub(crate) fn connect(path: &Path) -> Result<Connection> {
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        let target = std::fs::metadata(path).unwrap_or(meta);
        if !target.is_file() {
            return Err(database_error(
                path,
                "not a regular file: a graph database is a file of its own",
            ));
        }
    }
    let db = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| db_error(path, e))?;
    db.busy_timeout(super::StoredGraph::LOCK_WAIT)
        .map_err(|e| db_error(path, e))?;
    // Exclusive locking before WAL: no shared-memory file, and the lock taken by the first write
    // transaction is kept, so a second process cannot change the file under this graph.
    db.execute_batch("PRAGMA locking_mode = EXCLUSIVE")
        .map_err(|e| db_error(path, e))?;
    let mode: String = db
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(|e| db_error(path, e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(database_error(
            path,
            format!("cannot switch to write-ahead logging (journal mode stays {mode})"),
        ));
    }
    // A 32 MiB page cache (allocated only as used) keeps a bulk ingest's index pages in memory.
    db.execute_batch(
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -32768;",
    )
    .map_err(|e| db_error(path, e))?;
    // Take the lock now, and create or migrate under it.
    db.execute_batch("BEGIN EXCLUSIVE")
        .map_err(|e| db_error(path, e))?;
    let prepared = prepare_schema(&db, path);
    let end = if prepared.is_ok() {
        "COMMIT"
    } else {
        "ROLLBACK"
    };
    let ended = db.execute_batch(end).map_err(|e| db_error(path, e));
    prepared?;
    ended?;
    Ok(db)
}

fn prepare_schema(db: &Connection, path: &Path) -> Result<()> {
    let app: i32 = db
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| db_error(path, e))?;
    let version: u32 = db
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| db_error(path, e))?;
    let tables: i64 = db
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(|e| db_error(path, e))?;
    if app == 0 && version == 0 && tables == 0 {
        db.execute_batch(CREATE).map_err(|e| db_error(path, e))?;
        db.execute_batch(super::blocks::CREATE)
            .map_err(|e| db_error(path, e))?;
        db.execute_batch(&format!(
            "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {SCHEMA_VERSION};"
        ))
        .map_err(|e| db_error(path, e))?;
        return Ok(());
    }
    if app != APPLICATION_ID {
        return Err(database_error(
            path,
            "a SQLite database of another program, not a claimgraph database",
        ));
    }
    if version > SCHEMA_VERSION {
        return Err(Error::UnsupportedVersion {
            format: FORMAT,
            location: Location {
                path: Some(path.to_path_buf()),
                ..Location::default()
            },
            found: u64::from(version),
            supported: u64::from(SCHEMA_VERSION),
        });
    }
    migrate(db, path, version)
}

/// Brings a database of an older schema version to [`SCHEMA_VERSION`], one step per version,
/// inside the opening transaction (so a failed migration leaves the file as it was).
fn migrate(db: &Connection, path: &Path, version: u32) -> Result<()> {
    let mut version = version;
    while version < SCHEMA_VERSION {
        let step = match version {
            1 => MIGRATE_1_TO_2,
            2 => MIGRATE_2_TO_3,
            other => {
                return Err(database_error(
                    path,
                    format!("schema version {other} is not one this library wrote"),
                ))
            }
        };
        db.execute_batch(step).map_err(|e| {
            database_error(
                path,
                format!(
                    "cannot bring schema version {version} to {}: {e}",
                    version + 1
                ),
            )
        })?;
        version += 1;
        db.execute_batch(&format!("PRAGMA user_version = {version}"))
            .map_err(|e| db_error(path, e))?;
    }
    Ok(())
}

/// Where the hash chain ends.
pub(crate) fn tail(db: &Connection, path: &Path) -> Result<Tail> {
    let last = db
        .query_row(
            "SELECT seq, change, hash, at FROM events ORDER BY seq DESC LIMIT 1",
            [],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Vec<u8>>(2)?,
                    r.get::<_, String>(3)?,
                ))
            },
        )
        .optional()
        .map_err(|e| db_error(path, e))?;
    if let Some(block) = super::blocks::last(db, path)? {
        if last
            .as_ref()
            .is_none_or(|(seq, ..)| block.first_seq > u64::try_from(*seq).unwrap_or(0))
        {
            let hash = block.hash(path)?;
            return Ok(Tail {
                seq: block.last_seq,
                change: block.change(),
                hash,
                at: parse_time(block.at()),
            });
        }
    }
    let Some((seq, change, hash, at)) = last else {
        return Ok(Tail {
            seq: 0,
            change: 0,
            hash: [0; 32],
            at: None,
        });
    };
    let hash: [u8; 32] = hash
        .try_into()
        .map_err(|_| database_error(path, format!("event {seq} has a damaged hash")))?;
    Ok(Tail {
        seq: u64::try_from(seq).unwrap_or(0),
        change: u64::try_from(change).unwrap_or(0),
        hash,
        at: parse_time(&at),
    })
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

const EVENT_COLUMNS: &str =
    "SELECT seq, change, at, actor, reason, operation, undoes, action, kind, id, before, after, hash FROM events";

/// The raw columns of one event (a row's, or one read out of a block).
pub(crate) struct Raw {
    pub(crate) seq: i64,
    pub(crate) change: i64,
    pub(crate) at: String,
    pub(crate) actor: String,
    pub(crate) reason: Option<String>,
    pub(crate) operation: String,
    pub(crate) undoes: Option<i64>,
    pub(crate) action: String,
    pub(crate) kind: String,
    pub(crate) id: String,
    pub(crate) before: Option<String>,
    pub(crate) after: Option<String>,
    pub(crate) hash: Vec<u8>,
}

fn raw(r: &rusqlite::Row<'_>) -> rusqlite::Result<Raw> {
    Ok(Raw {
        seq: r.get(0)?,
        change: r.get(1)?,
        at: r.get(2)?,
        actor: r.get(3)?,
        reason: r.get(4)?,
        operation: r.get(5)?,
        undoes: r.get(6)?,
        action: r.get(7)?,
        kind: r.get(8)?,
        id: r.get(9)?,
        before: r.get(10)?,
        after: r.get(11)?,
        hash: r.get(12)?,
    })
}

fn event(path: &Path, r: Raw) -> Result<Event> {
    let bad = |what: &str| database_error(path, format!("event {}: {what}", r.seq));
    let kind = parse_kind(&r.kind).ok_or_else(|| bad("unknown record kind"))?;
    let place =
        |side: &'static str| move || format!("{}: event {} ({side})", path.display(), r.seq);
    let before = match &r.before {
        Some(b) => Some(Record::from_json(kind, b, place("before"))?),
        None => None,
    };
    let after = match &r.after {
        Some(a) => Some(Record::from_json(kind, a, place("after"))?),
        None => None,
    };
    Ok(Event {
        seq: u64::try_from(r.seq).map_err(|_| bad("negative position"))?,
        change: u64::try_from(r.change).map_err(|_| bad("negative change number"))?,
        at: parse_time(&r.at).ok_or_else(|| bad("unreadable time"))?,
        actor: r.actor,
        reason: r.reason,
        operation: r.operation,
        undoes: r.undoes.and_then(|u| u64::try_from(u).ok()),
        action: Action::parse(&r.action).ok_or_else(|| bad("unknown action"))?,
        kind,
        id: r.id,
        before,
        after,
        hash: hex(&r.hash),
    })
}

/// The event rows matching `filter` (a `WHERE ... ORDER BY ...` tail).
fn rows(db: &Connection, path: &Path, filter: &str, args: impl Params) -> Result<Vec<Raw>> {
    let mut stmt = db
        .prepare_cached(&format!("{EVENT_COLUMNS} {filter}"))
        .map_err(|e| db_error(path, e))?;
    let rows = stmt.query_map(args, raw).map_err(|e| db_error(path, e))?;
    let mut out = Vec::new();
    for r in rows {
        out.push(r.map_err(|e| db_error(path, e))?);
    }
    Ok(out)
}

/// Rows and block events together, in the order of the log.
fn in_order(path: &Path, mut raws: Vec<Raw>, blocked: Vec<Raw>) -> Result<Vec<Event>> {
    if !blocked.is_empty() {
        raws.extend(blocked);
        raws.sort_by_key(|r| r.seq);
    }
    raws.into_iter().map(|r| event(path, r)).collect()
}

/// The events at positions `from..to` (of change `change` when given), oldest first.
pub(crate) fn events_between(
    db: &Connection,
    path: &Path,
    from: u64,
    to: u64,
    change: Option<u64>,
) -> Result<Vec<Event>> {
    let to_sql = to.min(i64::MAX as u64) as i64;
    let change_sql = change.map(|c| c as i64);
    let raws = rows(
        db,
        path,
        "WHERE seq >= ?1 AND seq < ?2 AND (?3 IS NULL OR change = ?3) ORDER BY seq",
        params![from as i64, to_sql, change_sql],
    )?;
    let blocked = super::blocks::raws_between(db, path, from, to, change)?;
    in_order(path, raws, blocked)
}

/// Every event about the record with this id, oldest first.
pub(crate) fn events_of(db: &Connection, path: &Path, id: &str) -> Result<Vec<Event>> {
    let raws = rows(db, path, "WHERE id = ?1 ORDER BY seq", params![id])?;
    let blocked = super::blocks::raws_of(db, path, id)?;
    in_order(path, raws, blocked)
}

/// The position of the first event whose `column` (one that never decreases along the log: `at`,
/// `change`) satisfies `column OP value` (OP `>=` or `>`), found by bisection over the log's
/// positions; `last + 1` when none does.
pub(crate) fn first_seq<V: rusqlite::ToSql>(
    db: &Connection,
    path: &Path,
    column: &str,
    op: &str,
    value: V,
    last: u64,
) -> Result<u64> {
    let sql = format!("SELECT {column} {op} ?2 FROM events WHERE seq >= ?1 ORDER BY seq LIMIT 1");
    let mut stmt = db.prepare_cached(&sql).map_err(|e| db_error(path, e))?;
    let (mut lo, mut hi) = (1u64, last + 1);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let reached: Option<bool> = stmt
            .query_row(params![mid as i64, &value], |r| r.get(0))
            .optional()
            .map_err(|e| db_error(path, e))?;
        if reached.unwrap_or(true) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    // Positions held by blocks have no row: the bisection ends at the first row that satisfies
    // the condition, or at a position with no row after it; the first block that does may
    // come before it.
    let row: Option<(i64, bool)> = db
        .query_row(
            &format!(
                "SELECT seq, {column} {op} ?2 FROM events WHERE seq >= ?1 ORDER BY seq LIMIT 1"
            ),
            params![lo as i64, &value],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .map_err(|e| db_error(path, e))?;
    let from_rows = match row {
        Some((seq, true)) => u64::try_from(seq).unwrap_or(0),
        _ => last + 1,
    };
    let from_blocks = super::blocks::first_seq(db, path, column, op, &value)?.unwrap_or(u64::MAX);
    Ok(from_rows.min(from_blocks).min(last + 1))
}

/// Recomputes the hash chain from the first event.
pub(crate) fn verify(db: &Connection, path: &Path) -> Result<HistoryCheck> {
    let mut stmt = db
        .prepare(&format!("{EVENT_COLUMNS} ORDER BY seq"))
        .map_err(|e| db_error(path, e))?;
    let mut rows = stmt.query(params![]).map_err(|e| db_error(path, e))?;
    let mut previous = [0u8; 32];
    let mut count = 0u64;
    let broken = |seq: u64, count: u64, problem: String| HistoryCheck {
        events: count,
        first_altered: Some(seq),
        problem: Some(problem),
    };
    // The blocks are checked where they lie among the rows.
    let mut block_stmt = super::blocks::in_order(db).map_err(|e| db_error(path, e))?;
    let mut blocks = block_stmt.query([]).map_err(|e| db_error(path, e))?;
    let mut next_block = super::blocks::next(&mut blocks, path)?;
    let mut check_blocks = |before: u64,
                            count: &mut u64,
                            previous: &mut [u8; 32],
                            next_block: &mut Option<super::blocks::Block>|
     -> Result<Option<HistoryCheck>> {
        while let Some(b) = next_block.take_if(|b| b.first_seq < before) {
            if b.first_seq != *count + 1 {
                let missing = *count + 1;
                return Ok(Some(broken(
                    missing,
                    *count,
                    format!(
                        "event {missing} is missing (the next one is numbered {})",
                        b.first_seq
                    ),
                )));
            }
            match b.check(previous) {
                Ok(hash) => {
                    *previous = hash;
                    *count = b.last_seq;
                }
                Err(problem) => {
                    return Ok(Some(broken(
                        b.first_seq,
                        *count,
                        format!(
                            "the block of events {}-{} ({} records) does not match its hash ({problem}): it, or an event before it, was altered",
                            b.first_seq, b.last_seq, b.kind
                        ),
                    )))
                }
            }
            *next_block = super::blocks::next(&mut blocks, path)?;
        }
        Ok(None)
    };
    while let Some(row) = rows.next().map_err(|e| db_error(path, e))? {
        // Read in place, without copying each field out of SQLite's row.
        let int = |i: usize| row.get::<_, Option<i64>>(i).map_err(|e| db_error(path, e));
        let seq = u64::try_from(int(0)?.unwrap_or(0)).unwrap_or(0);
        if let Some(found) = check_blocks(seq, &mut count, &mut previous, &mut next_block)? {
            return Ok(found);
        }
        count += 1;
        if seq != count {
            return Ok(broken(
                count,
                count,
                format!("event {count} is missing (the next one is numbered {seq})"),
            ));
        }
        let mut unreadable = None;
        let mut text = |i: usize| -> Result<Option<&str>> {
            let bytes = match row.get_ref(i).map_err(|e| db_error(path, e))? {
                ValueRef::Null => return Ok(None),
                ValueRef::Text(b) | ValueRef::Blob(b) => b,
                ValueRef::Integer(_) | ValueRef::Real(_) => {
                    unreadable.get_or_insert(i);
                    return Ok(Some(""));
                }
            };
            Ok(Some(std::str::from_utf8(bytes).unwrap_or_else(|_| {
                unreadable.get_or_insert(i);
                ""
            })))
        };
        let event = EventRow {
            seq,
            change: u64::try_from(int(1)?.unwrap_or(0)).unwrap_or(0),
            at: text(2)?.unwrap_or_default(),
            actor: text(3)?.unwrap_or_default(),
            reason: text(4)?,
            operation: text(5)?.unwrap_or_default(),
            undoes: int(6)?.and_then(|u| u64::try_from(u).ok()),
            action: text(7)?.unwrap_or_default(),
            kind: text(8)?.unwrap_or_default(),
            id: text(9)?.unwrap_or_default(),
            before: text(10)?,
            after: text(11)?,
        };
        let stored = match row.get_ref(12).map_err(|e| db_error(path, e))? {
            ValueRef::Blob(b) => b,
            _ => &[],
        };
        let expected = event.hash(&previous);
        if unreadable.is_some() || stored != &expected[..] {
            return Ok(broken(
                seq,
                count,
                format!(
                    "event {seq} ({} {} {}) does not match its hash: it, or an event before it, was altered",
                    event.action, event.kind, event.id
                ),
            ));
        }
        previous = expected;
    }
    if let Some(found) = check_blocks(u64::MAX, &mut count, &mut previous, &mut next_block)? {
        return Ok(found);
    }
    Ok(HistoryCheck {
        events: count,
        first_altered: None,
        problem: None,
    })
}
