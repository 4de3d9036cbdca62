//! Parquet tables and Arrow streams: the graph as data that DuckDB, Spark, pandas or pyarrow
//! read (cargo feature `parquet`).
//!
//! One table per record kind, with every field, plus four tables the core computes once:
//!
//! | table | one row per | columns |
//! |---|---|---|
//! | `sources` | [`Source`] | `id`, `kind`, `name`, `aliases` (list), `reliability`, `url`, `title`, `published` |
//! | `claims` | [`Claim`] | `id`, `text`, `subjects` (list), `period_start`, `period_end`, `tags` (list), `quantity_value`, `quantity_unit` |
//! | `attributions` | [`Attribution`] | `id`, `source`, `claim`, `stance`, `modality`, `said`, `quote`, `via` (list of `{source, date}`), `basis` (list), `covers` (list) |
//! | `source_relations` | [`SourceRelation`] | `id`, `from_source`, `kind`, `to_source`, `date`, `since`, `until` |
//! | `claim_relations` | [`ClaimRelation`] | `id`, `from_claim`, `kind`, `to_claim` |
//! | `verdicts` | [`Verdict`] | `id`, `reviewer`, `claim`, `label`, `rating_value`, `rating_best`, `rating_worst`, `date`, `url`, `summary` |
//! | `source_origins` | (source, origin) | `source`, `origin`, `origin_members` (list), `circular`, `unnamed`, `independence_group`, `affiliation_tops` (list) |
//! | `statement_origins` | (assertion, origin, body) | `attribution`, `traced_from`, `origin`, `answers_to` |
//! | `claim_relatives` | (claim, related claim) | `claim`, `relative`, `relation` (`rewording`: the claim itself and its same-as rewordings; `specialization`; `generalization`) |
//! | `statuses` | claim | `claim`, `asserters`, `deniers`, `doubters`, `disputed`, `origins`, `independent_origins`, `unnamed_only`, `interested_denial`, `circular_reporting`, `verdicts` |
//!
//! Text is UTF-8; enum values are their names (`asserts`, `no_comment`, `unnamed_group`); dates
//! are the core's canonical text (`2024`, `2024-06`, `2024-06-18`, RFC 3339, or an EDTF bounded
//! date: `../2011-12-02`, `2011-12-02/..`, `2023-08/2024-02`); counts are 64-bit signed
//! integers; missing optional fields are nulls, missing lists are empty.
//!
//! An attribution row is one statement: it stands for its `claim` and for each claim of
//! `covers`. An assertion with a `basis` is traced, for its claims, from the basis sources
//! instead of from its speaker.
//!
//! Tracing origins is graph work, and sources with their relations are few next to attributions,
//! so the core does it once per source: `source_origins` lists, for every source, the origins its
//! own assertions trace back to ([`ClaimGraph::origins_of_source`]). Following the relations
//! between claims is graph work too, done once per claim: `claim_relatives` lists whose stances
//! a claim's answers pool (its same-as rewordings) or carry (assertions of its specializations,
//! denials of what it specializes). The per-claim answers are then joins and group-bys that an
//! engine runs over the attributions:
//!
//! ```sql
//! -- DuckDB; Spark writes explode(concat(array(claim), covers)) and size(basis).
//! WITH stated AS (   -- one row per statement and claim it covers
//!     SELECT unnest(list_concat([claim], covers)) AS claim, source, stance, basis
//!     FROM attributions
//! ), pooled AS (     -- each claim's statements and those of its rewordings
//!     SELECT r.claim, s.source, s.stance, s.basis
//!     FROM stated s JOIN claim_relatives r ON r.relative = s.claim AND r.relation = 'rewording'
//! ), seeds AS (      -- where an assertion's origins are traced from
//!     SELECT claim, unnest(CASE WHEN len(basis) = 0 THEN [source] ELSE basis END) AS seed
//!     FROM pooled WHERE stance = 'asserts'
//! )
//! SELECT c.id,
//!        count(DISTINCT o.origin)             AS origins,
//!        count(DISTINCT o.independence_group) AS independent_origins,
//!        coalesce(bool_and(o.unnamed), false) AS unnamed_only
//! FROM claims c
//! LEFT JOIN seeds s ON s.claim = c.id
//! LEFT JOIN source_origins o ON o.source = s.seed
//! GROUP BY c.id
//! ```
//!
//! with the counts of asserters and deniers a group-by of `pooled`, and `disputed` that plus the
//! carried stances (`benches/scale-out/w2_sql.py` is the whole W2 query). `origins` and
//! `unnamed_only` are then exactly the core's.
//!
//! `independent_origins` as this query counts it (distinct `independence_group`s) is the
//! core's only where no affiliation holds for a time only and no origin answers to several
//! bodies at once. The exact figure comes from `statement_origins`: for every assertion, each
//! origin it traces back to with the name of what that origin answered to *at the time of the
//! statement* (the tops of its members' affiliation chains, each affiliation's `since` and
//! `until` read then; one row per body). Two origins of a claim are one independent origin
//! when they share such a body, joined transitively, so a claim's count is the number of
//! connected components of its (origin, body) pairs: a few rounds of "each body takes the
//! smallest origin id among its origins, each origin the smallest among its bodies", each a
//! join and a group-by, until nothing changes (`w2_sql.py`'s `independent_lines`, run by
//! DuckDB and Spark and checked against the core). The `statuses` table holds the core's own
//! figures for every claim.
//!
//! Writing streams: records are turned into columns in batches of [`BATCH_ROWS`] rows, so the
//! graph is never copied whole. Reading back ([`ClaimGraph::read_parquet`]) reads the six record
//! tables and gives a graph equal to the one written; `source_origins`, `statement_origins`,
//! `claim_relatives` and `statuses` are derived and are not read (so tables written before
//! `statement_origins` existed read back the same).
//!
//! [`Source`]: crate::Source
//! [`Claim`]: crate::Claim
//! [`Attribution`]: crate::Attribution
//! [`SourceRelation`]: crate::SourceRelation
//! [`ClaimRelation`]: crate::ClaimRelation
//! [`Verdict`]: crate::Verdict
//! [`ClaimGraph::origins_of_source`]: crate::ClaimGraph::origins_of_source
//! [`ClaimGraph::read_parquet`]: crate::ClaimGraph::read_parquet

mod columns;
mod records;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::{Schema, SchemaRef};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use self::columns::Batch;
use self::records::{
    Attributions, ClaimRelations, ClaimRelativeRow, ClaimRelatives, Claims, Push, SourceOriginRow,
    SourceOrigins, SourceRelations, Sources, StatementOriginRow, StatementOrigins, Statuses, Table,
    Verdicts,
};
use crate::error::{Error, Location, Result};
use crate::graph::{ClaimGraph, Edge, Node};
use crate::model::Stance;
use crate::query::origins::Analysis;

/// The tables [`ClaimGraph::write_parquet`] writes, in the order it writes them; each is the
/// file `<name>.parquet`.
pub const PARQUET_TABLES: [&str; 10] = [
    Sources::NAME,
    Claims::NAME,
    Attributions::NAME,
    SourceRelations::NAME,
    ClaimRelations::NAME,
    Verdicts::NAME,
    SourceOrigins::NAME,
    StatementOrigins::NAME,
    ClaimRelatives::NAME,
    Statuses::NAME,
];

/// The version of the table layout, written into each file's key-value metadata as
/// `claimgraph.tables_version`. Version 2 carries the second data model: the reporting chain,
/// basis and covers of an attribution, the time a source relation holds.
pub const TABLES_VERSION: u64 = 2;

/// Rows per record batch while writing (and reading).
pub const BATCH_ROWS: usize = 64 * 1024;

const FORMAT: &str = "Parquet";
const TABLE_KEY: &str = "claimgraph.table";
const VERSION_KEY: &str = "claimgraph.tables_version";

/// One table as written by [`ClaimGraph::write_parquet`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableFile {
    /// The table's name (`"attributions"`).
    pub table: &'static str,
    /// The file written.
    pub path: PathBuf,
    /// How many rows it holds.
    pub rows: u64,
    /// Its size in bytes.
    pub bytes: u64,
}

/// One table as an Arrow IPC stream ([`ClaimGraph::to_arrow_ipc`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArrowTable {
    /// The table's name (`"attributions"`).
    pub table: &'static str,
    /// The table in the Arrow IPC streaming format (what `pyarrow.ipc.open_stream` reads).
    pub ipc: Vec<u8>,
}

/// What went wrong in a table being read, before the file and the table row are added.
#[derive(Debug)]
pub(crate) struct TableError {
    /// The row within the batch, when the problem is in one row.
    pub(crate) row: Option<usize>,
    pub(crate) column: Option<&'static str>,
    pub(crate) message: String,
}

/// Where the batches of each table go.
trait Sink {
    fn begin(&mut self, table: &'static str, schema: &SchemaRef) -> Result<()>;
    fn batch(&mut self, batch: &RecordBatch) -> Result<()>;
    fn end(&mut self) -> Result<()>;
}

/// A table being filled and handed to a sink a batch at a time.
struct Filling<'s, T> {
    sink: &'s mut dyn Sink,
    schema: SchemaRef,
    table: T,
}

impl<'s, T: Table> Filling<'s, T> {
    fn begin(sink: &'s mut dyn Sink) -> Result<Self> {
        let schema = Arc::new(Schema::new(T::fields()));
        sink.begin(T::NAME, &schema)?;
        Ok(Filling {
            sink,
            schema,
            table: T::default(),
        })
    }

    fn push<R>(&mut self, row: R) -> Result<()>
    where
        T: Push<R>,
    {
        self.table.push(row);
        if self.table.rows() >= BATCH_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        let columns = self.table.finish();
        let batch =
            RecordBatch::try_new(self.schema.clone(), columns).map_err(|e| Error::Format {
                format: FORMAT,
                location: Location {
                    record: Some(T::NAME.to_owned()),
                    ..Location::default()
                },
                message: format!("the columns do not make a batch: {e}"),
            })?;
        self.sink.batch(&batch)
    }

    fn end(mut self) -> Result<()> {
        if self.table.rows() > 0 {
            self.flush()?;
        }
        self.sink.end()
    }

    fn all<R>(sink: &'s mut dyn Sink, rows: impl IntoIterator<Item = R>) -> Result<()>
    where
        T: Push<R>,
    {
        let mut f = Self::begin(sink)?;
        for r in rows {
            f.push(r)?;
        }
        f.end()
    }
}

impl ClaimGraph {
    /// Every table, batch by batch, into `sink`.
    fn write_tables(&self, sink: &mut dyn Sink) -> Result<()> {
        Filling::<Sources>::all(sink, self.sources())?;
        Filling::<Claims>::all(sink, self.claims())?;
        Filling::<Attributions>::all(sink, self.attributions())?;
        Filling::<SourceRelations>::all(sink, self.source_relations())?;
        Filling::<ClaimRelations>::all(sink, self.claim_relations())?;
        Filling::<Verdicts>::all(sink, self.verdicts())?;

        self.write_origin_tables(sink)?;

        let mut relatives = Filling::<ClaimRelatives>::begin(sink)?;
        for ix in self.claim_indices() {
            let related = self.related_claims(ix);
            let claim = self.node_id(ix);
            for (list, relation) in [
                (&related.pool, "rewording"),
                (&related.specializations, "specialization"),
                (&related.generalizations, "generalization"),
            ] {
                for &c in list {
                    relatives.push(ClaimRelativeRow {
                        claim,
                        relative: self.node_id(c),
                        relation,
                    })?;
                }
            }
        }
        relatives.end()?;

        let mut statuses = Filling::<Statuses>::begin(sink)?;
        self.for_each_summary(|s| statuses.push(s))?;
        statuses.end()
    }

    /// The `source_origins` and `statement_origins` tables. Their origin analysis of the whole
    /// graph (dense per-node tables) is dropped when they are written, before `statuses` builds
    /// its own.
    fn write_origin_tables(&self, sink: &mut dyn Sink) -> Result<()> {
        let mut origins = Filling::<SourceOrigins>::begin(sink)?;
        let mut analysis = Analysis::whole(self);
        for ix in self.graph.node_indices() {
            let Some(Node::Source(s)) = self.graph.node_weight(ix) else {
                continue;
            };
            for c in analysis.origin_sccs_of(&[ix]) {
                let (origin, tops) = analysis.origin_and_tops(c);
                origins.push(SourceOriginRow {
                    source: &s.id,
                    origin: &origin,
                    tops: &tops,
                })?;
            }
        }
        origins.end()?;

        let mut statements = Filling::<StatementOrigins>::begin(sink)?;
        for e in self.graph.edge_references() {
            let Edge::Attribution(a) = e.weight() else {
                continue;
            };
            // A statement covering several claims is listed once, on its own edge.
            if a.stance != Stance::Asserts || a.is_cover() {
                continue;
            }
            let speaker = e.source();
            let time = self.statement_time(speaker, a);
            for &seed in a.traced_from(&speaker) {
                let traced_from = self.node_id(seed);
                analysis.each_statement_origin(seed, &time, |origin, answers_to| {
                    statements.push(StatementOriginRow {
                        attribution: &a.id,
                        traced_from,
                        origin,
                        answers_to,
                    })
                })?;
            }
        }
        statements.end()
    }

    /// Writes the graph as Parquet tables into the folder `dir` (created when missing): one file
    /// per table of [`PARQUET_TABLES`], `dir/<table>.parquet`, replacing files of the same name.
    /// See the [module documentation](crate::io::tables) for the columns and for how the
    /// per-claim answers are computed from them with SQL.
    ///
    /// Each file is written to a temporary name beside it and renamed when complete, so a
    /// failed export never leaves a truncated table under a table's name. Columns are
    /// Snappy-compressed, row groups hold up to about a million rows.
    ///
    /// ```
    /// use claimgraph::{Attribution, Claim, ClaimGraph, Source, SourceKind, Stance};
    /// let mut g = ClaimGraph::new();
    /// g.add_source(Source::new("rok-sources", SourceKind::UnnamedGroup, "ROK sources"))?;
    /// g.add_claim(Claim::new("containers", "DPRK delivered 6,700 containers to Russia"))?;
    /// g.add_attribution(Attribution::new("rok-sources", "containers", Stance::Asserts))?;
    /// let dir = std::env::temp_dir().join(format!("claimgraph-doc-{}", std::process::id()));
    /// let files = g.write_parquet(&dir)?;
    /// assert_eq!(files.len(), claimgraph::io::tables::PARQUET_TABLES.len());
    /// assert!(files.iter().any(|f| f.table == "statement_origins" && f.rows == 1));
    /// assert_eq!(ClaimGraph::read_parquet(&dir)?, g);
    /// # std::fs::remove_dir_all(&dir).ok();
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn write_parquet(&self, dir: impl AsRef<Path>) -> Result<Vec<TableFile>> {
        let dir = dir.as_ref();
        std::fs::create_dir_all(dir).map_err(|e| Error::Io {
            action: "create the folder",
            path: dir.to_path_buf(),
            source: e,
        })?;
        let mut sink = ParquetSink {
            dir: dir.to_path_buf(),
            open: None,
            written: Vec::new(),
        };
        let result = self.write_tables(&mut sink);
        if let Some(open) = sink.open.take() {
            // A table left open means the export failed part-way: remove its temporary file.
            drop(open.writer);
            let _ = std::fs::remove_file(&open.temp);
        }
        result.map(|()| sink.written)
    }

    /// Every table as an Arrow IPC stream, in the order of [`PARQUET_TABLES`]: what the Python
    /// binding turns into `pyarrow` tables. The same columns as
    /// [`ClaimGraph::write_parquet`]; unlike it, this holds every table in memory.
    ///
    /// ```
    /// use claimgraph::{Claim, ClaimGraph};
    /// let mut g = ClaimGraph::new();
    /// g.add_claim(Claim::new("c", "The mayor approved the budget"))?;
    /// let tables = g.to_arrow_ipc()?;
    /// assert_eq!(tables[1].table, "claims");
    /// assert!(!tables[1].ipc.is_empty());
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn to_arrow_ipc(&self) -> Result<Vec<ArrowTable>> {
        let mut sink = IpcSink {
            open: None,
            done: Vec::new(),
        };
        self.write_tables(&mut sink)?;
        Ok(sink.done)
    }

    /// Reads a graph back from the Parquet tables [`ClaimGraph::write_parquet`] wrote into
    /// `dir`: the six record tables (`sources`, `claims`, `attributions`, `source_relations`,
    /// `claim_relations`, `verdicts`), sources and claims first. Columns are found by name, so
    /// tables rewritten by another engine read as well, and extra columns are ignored.
    ///
    /// A missing file is an [`Error::Io`]; a missing column, a column of the wrong type, an
    /// empty required value or one that does not parse is an [`Error::Format`] naming the file,
    /// the row (as `line`, 1-based) and the record's id when it can be read; a record the graph
    /// refuses (a dangling or duplicate id) is an [`Error::Format`] whose message is the graph's
    /// error.
    pub fn read_parquet(dir: impl AsRef<Path>) -> Result<ClaimGraph> {
        let dir = dir.as_ref();
        let mut g = ClaimGraph::new();
        read_table(dir, Sources::NAME, Sources::read, |s| g.add_source(s))?;
        read_table(dir, Claims::NAME, Claims::read, |c| g.add_claim(c))?;
        read_table(dir, SourceRelations::NAME, SourceRelations::read, |r| {
            g.add_source_relation(r)
        })?;
        read_table(dir, ClaimRelations::NAME, ClaimRelations::read, |r| {
            g.add_claim_relation(r)
        })?;
        read_table(dir, Attributions::NAME, Attributions::read, |a| {
            g.add_attribution(a)
        })?;
        read_table(dir, Verdicts::NAME, Verdicts::read, |v| g.add_verdict(v))?;
        Ok(g)
    }
}

fn table_path(dir: &Path, table: &str) -> PathBuf {
    dir.join(format!("{table}.parquet"))
}

trait HasRecordId {
    fn record_id(&self) -> &str;
}
macro_rules! has_record_id {
    ($($t:ty),*) => {$(impl HasRecordId for $t { fn record_id(&self) -> &str { &self.id } })*};
}
has_record_id!(
    crate::Source,
    crate::Claim,
    crate::Attribution,
    crate::SourceRelation,
    crate::ClaimRelation,
    crate::Verdict
);

fn read_table<R: HasRecordId>(
    dir: &Path,
    table: &'static str,
    read: fn(&Batch<'_>) -> std::result::Result<Vec<R>, TableError>,
    mut add: impl FnMut(R) -> Result<()>,
) -> Result<()> {
    let path = table_path(dir, table);
    let file = File::open(&path).map_err(|e| Error::Io {
        action: "open",
        path: path.clone(),
        source: e,
    })?;
    let format_error = |line: Option<u64>, record: Option<String>, message: String| Error::Format {
        format: FORMAT,
        location: Location {
            path: Some(path.clone()),
            line,
            column: None,
            record,
        },
        message,
    };
    let rows = || -> Result<()> {
        let builder = ParquetRecordBatchReaderBuilder::try_new(file)
            .map_err(|e| format_error(None, None, format!("not a Parquet file: {e}")))?;
        check_metadata(
            builder.metadata().file_metadata().key_value_metadata(),
            table,
            &path,
        )?;
        let reader = builder
            .with_batch_size(BATCH_ROWS)
            .build()
            .map_err(|e| format_error(None, None, e.to_string()))?;
        let mut first_row = 0u64;
        for batch in reader {
            let batch = batch.map_err(|e| format_error(None, None, e.to_string()))?;
            let b = Batch {
                table,
                batch: &batch,
                first_row,
            };
            let records = read(&b).map_err(|e| {
                let line = e.row.map(|r| b.first_row + r as u64 + 1);
                let record = e.row.and_then(|r| b.text("id").ok().and_then(|c| c.opt(r)));
                let message = match e.column {
                    Some(c) if e.row.is_some() => format!("column {c:?}: {}", e.message),
                    _ => e.message,
                };
                format_error(line, record.map(str::to_owned), message)
            })?;
            for (i, r) in records.into_iter().enumerate() {
                let id = r.record_id().to_owned();
                add(r).map_err(|e| {
                    format_error(Some(first_row + i as u64 + 1), Some(id), e.to_string())
                })?;
            }
            first_row += batch.num_rows() as u64;
        }
        Ok(())
    };
    // The Parquet reader can panic on damaged data (a length or an offset past the end of its
    // buffer): the table is then refused as damaged, like any other fault in it. The graph
    // being read is dropped with the error, so nothing half-read is kept.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(rows)) {
        Ok(r) => r,
        Err(panic) => {
            let why = crate::error::panic_message(&*panic).unwrap_or_default();
            Err(format_error(
                None,
                None,
                format!("damaged data: the Parquet reader stopped ({why})"),
            ))
        }
    }
}

/// A file whose metadata names another table or a newer layout is refused; one without
/// claimgraph's metadata (rewritten by another engine) is read by its column names.
fn check_metadata(kv: Option<&Vec<KeyValue>>, table: &str, path: &Path) -> Result<()> {
    let get = |key: &str| {
        kv.and_then(|kv| kv.iter().find(|p| p.key == key))
            .and_then(|p| p.value.as_deref())
    };
    let location = || Location {
        path: Some(path.to_path_buf()),
        ..Location::default()
    };
    if let Some(found) = get(TABLE_KEY) {
        if found != table {
            return Err(Error::Format {
                format: FORMAT,
                location: location(),
                message: format!("the file holds the {found} table, expected {table}"),
            });
        }
    }
    if let Some(v) = get(VERSION_KEY) {
        let found: u64 = v.trim().parse().unwrap_or(u64::MAX);
        if found != TABLES_VERSION {
            return Err(Error::UnsupportedVersion {
                format: FORMAT,
                location: location(),
                found,
                supported: TABLES_VERSION,
            });
        }
    }
    Ok(())
}

// ----- sinks -------------------------------------------------------------------------------

struct OpenParquet {
    table: &'static str,
    temp: PathBuf,
    writer: ArrowWriter<File>,
    rows: u64,
}

struct ParquetSink {
    dir: PathBuf,
    open: Option<OpenParquet>,
    written: Vec<TableFile>,
}

fn write_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::Io {
        action: "write",
        path: path.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    }
}

impl Sink for ParquetSink {
    fn begin(&mut self, table: &'static str, schema: &SchemaRef) -> Result<()> {
        let path = table_path(&self.dir, table);
        let temp = self
            .dir
            .join(format!(".{table}.parquet.tmp-{}", std::process::id()));
        let file = File::create(&temp).map_err(|e| Error::Io {
            action: "create",
            path: temp.clone(),
            source: e,
        })?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(1024 * 1024))
            .set_key_value_metadata(Some(vec![
                KeyValue::new(TABLE_KEY.to_owned(), table.to_owned()),
                KeyValue::new(VERSION_KEY.to_owned(), TABLES_VERSION.to_string()),
            ]))
            .build();
        let writer = ArrowWriter::try_new(file, schema.clone(), Some(props))
            .map_err(|e| write_error(&path, e))?;
        self.open = Some(OpenParquet {
            table,
            temp,
            writer,
            rows: 0,
        });
        Ok(())
    }

    fn batch(&mut self, batch: &RecordBatch) -> Result<()> {
        if let Some(open) = &mut self.open {
            open.writer
                .write(batch)
                .map_err(|e| write_error(&open.temp, e))?;
            open.rows += batch.num_rows() as u64;
        }
        Ok(())
    }

    fn end(&mut self) -> Result<()> {
        let Some(open) = self.open.take() else {
            return Ok(());
        };
        let path = table_path(&self.dir, open.table);
        let file = open
            .writer
            .into_inner()
            .map_err(|e| write_error(&open.temp, e))?;
        file.sync_all().map_err(|e| Error::Io {
            action: "sync",
            path: open.temp.clone(),
            source: e,
        })?;
        let bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
        drop(file);
        std::fs::rename(&open.temp, &path).map_err(|e| Error::Io {
            action: "rename",
            path: path.clone(),
            source: e,
        })?;
        self.written.push(TableFile {
            table: open.table,
            path,
            rows: open.rows,
            bytes,
        });
        Ok(())
    }
}

struct IpcSink {
    open: Option<(&'static str, arrow_ipc::writer::StreamWriter<Vec<u8>>)>,
    done: Vec<ArrowTable>,
}

fn ipc_error(table: &str, e: impl std::fmt::Display) -> Error {
    Error::Format {
        format: "Arrow IPC",
        location: Location {
            record: Some(table.to_owned()),
            ..Location::default()
        },
        message: e.to_string(),
    }
}

impl Sink for IpcSink {
    fn begin(&mut self, table: &'static str, schema: &SchemaRef) -> Result<()> {
        let w = arrow_ipc::writer::StreamWriter::try_new(Vec::new(), schema)
            .map_err(|e| ipc_error(table, e))?;
        self.open = Some((table, w));
        Ok(())
    }

    fn batch(&mut self, batch: &RecordBatch) -> Result<()> {
        if let Some((table, w)) = &mut self.open {
            w.write(batch).map_err(|e| ipc_error(table, e))?;
        }
        Ok(())
    }

    fn end(&mut self) -> Result<()> {
        if let Some((table, mut w)) = self.open.take() {
            w.finish().map_err(|e| ipc_error(table, e))?;
            let ipc = w.into_inner().map_err(|e| ipc_error(table, e))?;
            self.done.push(ArrowTable { table, ipc });
        }
        Ok(())
    }
}
