//! Parquet tables and Arrow streams (feature `parquet`): what is written reads back as the same
//! graph, the derived tables hold the core's answers, and the per-claim answers come out of the
//! tables by joins and group-bys alone.

#![cfg(feature = "parquet")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use arrow_array::{Array, BooleanArray, Int64Array, ListArray, RecordBatch, StringArray};
use claimgraph::io::tables::{BATCH_ROWS, PARQUET_TABLES};
use claimgraph::{
    Attribution, Claim, ClaimGraph, Error, Source, SourceKind, SourceRelation, SourceRelationKind,
    Stance,
};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

/// A fresh folder under the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let p =
            std::env::temp_dir().join(format!("claimgraph-tables-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn read_batches(dir: &Path, table: &str) -> Vec<RecordBatch> {
    let f = std::fs::File::open(dir.join(format!("{table}.parquet"))).unwrap();
    ParquetRecordBatchReaderBuilder::try_new(f)
        .unwrap()
        .build()
        .unwrap()
        .map(|b| b.unwrap())
        .collect()
}

fn text<'a>(b: &'a RecordBatch, col: &str) -> &'a StringArray {
    b.column_by_name(col)
        .unwrap_or_else(|| panic!("no column {col}"))
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap()
}

fn texts(b: &RecordBatch, col: &str) -> Vec<Option<String>> {
    let a = text(b, col);
    (0..a.len())
        .map(|i| a.is_valid(i).then(|| a.value(i).to_owned()))
        .collect()
}

fn counts(b: &RecordBatch, col: &str) -> Vec<i64> {
    let a = b
        .column_by_name(col)
        .unwrap()
        .as_any()
        .downcast_ref::<Int64Array>()
        .unwrap();
    a.values().to_vec()
}

fn flags(b: &RecordBatch, col: &str) -> Vec<bool> {
    let a = b
        .column_by_name(col)
        .unwrap()
        .as_any()
        .downcast_ref::<BooleanArray>()
        .unwrap();
    (0..a.len()).map(|i| a.value(i)).collect()
}

fn lists(b: &RecordBatch, col: &str) -> Vec<Vec<String>> {
    let a = b
        .column_by_name(col)
        .unwrap()
        .as_any()
        .downcast_ref::<ListArray>()
        .unwrap();
    (0..a.len())
        .map(|i| {
            let v = a.value(i);
            let s = v.as_any().downcast_ref::<StringArray>().unwrap();
            (0..s.len()).map(|j| s.value(j).to_owned()).collect()
        })
        .collect()
}

// ----- round trips -------------------------------------------------------------------------

#[test]
fn every_field_of_every_record_reads_back_as_the_same_graph() {
    let g = common::every_field::every_field();
    common::every_field::assert_every_field_is_set(&g);
    let dir = TempDir::new("every-field");
    let files = g.write_parquet(&dir.0).unwrap();
    let names: Vec<&str> = files.iter().map(|f| f.table).collect();
    assert_eq!(names, PARQUET_TABLES);
    for f in &files {
        assert!(f.path.is_file(), "{} was not written", f.path.display());
        assert_eq!(f.bytes, std::fs::metadata(&f.path).unwrap().len());
    }
    let c = g.counts();
    let rows: BTreeMap<&str, u64> = files.iter().map(|f| (f.table, f.rows)).collect();
    assert_eq!(rows["sources"], c.sources as u64);
    assert_eq!(rows["claims"], c.claims as u64);
    assert_eq!(rows["attributions"], c.attributions as u64);
    assert_eq!(rows["source_relations"], c.source_relations as u64);
    assert_eq!(rows["claim_relations"], c.claim_relations as u64);
    assert_eq!(rows["verdicts"], c.verdicts as u64);
    assert_eq!(rows["statuses"], c.claims as u64);

    let back = ClaimGraph::read_parquet(&dir.0).unwrap();
    assert_eq!(back.records(), g.records());
    // No temporary file is left beside the tables.
    let left: Vec<String> = std::fs::read_dir(&dir.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".parquet") || n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn the_reference_article_reads_back_and_writing_again_replaces_the_tables() {
    let g = common::reference::putin_dprk_visit().unwrap();
    let dir = TempDir::new("reference");
    common::every_field::every_field()
        .write_parquet(&dir.0)
        .unwrap();
    g.write_parquet(&dir.0).unwrap();
    assert_eq!(ClaimGraph::read_parquet(&dir.0).unwrap(), g);
}

/// More attributions than one record batch holds, so writing and reading cross batch borders.
fn many_claims(n: usize) -> ClaimGraph {
    let mut g = ClaimGraph::new();
    for i in 0..50 {
        let kind = if i % 5 == 0 {
            SourceKind::UnnamedGroup
        } else {
            SourceKind::Outlet
        };
        g.add_source(Source::new(format!("s{i}"), kind, format!("Source {i}")))
            .unwrap();
    }
    for i in 1..50 {
        g.add_source_relation(SourceRelation::new(
            format!("s{i}"),
            SourceRelationKind::Cites,
            format!("s{}", i / 3),
        ))
        .unwrap();
    }
    for c in 0..n {
        g.add_claim(Claim::new(format!("c{c}"), format!("claim number {c}")))
            .unwrap();
        let stance = if c % 7 == 0 {
            Stance::Denies
        } else {
            Stance::Asserts
        };
        g.add_attribution(Attribution::new(
            format!("s{}", c % 50),
            format!("c{c}"),
            stance,
        ))
        .unwrap();
        g.add_attribution(Attribution::new(
            format!("s{}", (c * 7 + 3) % 50),
            format!("c{c}"),
            Stance::Asserts,
        ))
        .unwrap();
    }
    g
}

#[test]
fn tables_longer_than_one_batch_read_back_whole() {
    let n = BATCH_ROWS / 2 + 100;
    let g = many_claims(n);
    assert!(g.counts().attributions > BATCH_ROWS);
    let dir = TempDir::new("many");
    g.write_parquet(&dir.0).unwrap();
    assert!(read_batches(&dir.0, "attributions").len() >= 2);
    let back = ClaimGraph::read_parquet(&dir.0).unwrap();
    assert_eq!(back, g);
    // The derived tables cross batch borders as well.
    let statuses: usize = read_batches(&dir.0, "statuses")
        .iter()
        .map(|b| b.num_rows())
        .sum();
    assert_eq!(statuses, n);
}

// ----- the derived tables hold the core's answers ------------------------------------------

#[test]
fn source_origins_lists_each_sources_origins_as_the_core_traces_them() {
    let g = common::reference::putin_dprk_visit().unwrap();
    let dir = TempDir::new("origins");
    g.write_parquet(&dir.0).unwrap();
    type OriginRow = (String, Vec<String>, bool, bool);
    let mut table: BTreeMap<String, Vec<OriginRow>> = BTreeMap::new();
    for b in read_batches(&dir.0, "source_origins") {
        let (s, o, m) = (
            texts(&b, "source"),
            texts(&b, "origin"),
            lists(&b, "origin_members"),
        );
        let (circ, unn) = (flags(&b, "circular"), flags(&b, "unnamed"));
        let groups = texts(&b, "independence_group");
        for i in 0..b.num_rows() {
            assert!(groups[i].is_some());
            table.entry(s[i].clone().unwrap()).or_default().push((
                o[i].clone().unwrap(),
                m[i].clone(),
                circ[i],
                unn[i],
            ));
        }
    }
    assert_eq!(
        table.len(),
        g.counts().sources,
        "every source has at least one origin"
    );
    for s in g.sources() {
        let want: Vec<_> = g
            .origins_of_source(&s.id)
            .unwrap()
            .into_iter()
            .map(|o| (o.id, o.members, o.circular, o.unnamed))
            .collect();
        let mut got = table[&s.id].clone();
        got.sort();
        assert_eq!(got, want, "origins of {}", s.id);
    }
}

#[test]
fn statuses_hold_the_status_figures_of_every_claim() {
    let g = common::reference::putin_dprk_visit().unwrap();
    let dir = TempDir::new("statuses");
    g.write_parquet(&dir.0).unwrap();
    let b = &read_batches(&dir.0, "statuses")[0];
    let claims = texts(b, "claim");
    let (asserters, deniers, doubters) = (
        counts(b, "asserters"),
        counts(b, "deniers"),
        counts(b, "doubters"),
    );
    let (origins, independent) = (counts(b, "origins"), counts(b, "independent_origins"));
    let (disputed, unnamed, interested, circular) = (
        flags(b, "disputed"),
        flags(b, "unnamed_only"),
        flags(b, "interested_denial"),
        flags(b, "circular_reporting"),
    );
    let verdicts = counts(b, "verdicts");
    let summaries = g.summaries();
    assert_eq!(claims.len(), summaries.len());
    for (i, s) in summaries.iter().enumerate() {
        assert_eq!(claims[i].as_deref(), Some(s.claim.as_str()));
        assert_eq!(
            (
                asserters[i],
                deniers[i],
                doubters[i],
                origins[i],
                independent[i],
                verdicts[i]
            ),
            (
                s.asserters as i64,
                s.deniers as i64,
                s.doubters as i64,
                s.origins as i64,
                s.independent_origins as i64,
                s.verdicts as i64
            ),
            "{}",
            s.claim
        );
        assert_eq!(
            (disputed[i], unnamed[i], interested[i], circular[i]),
            (
                s.disputed,
                s.unnamed_only,
                s.interested_denial,
                s.circular_reporting
            ),
            "{}",
            s.claim
        );
    }
}

/// The number of groups that (origin, body) pairs form when two origins sharing a body are one
/// group, transitively: rounds of min-label propagation, as `benches/scale-out/w2_sql.py` runs
/// them in SQL.
fn groups_of(pairs: &BTreeSet<(String, String)>) -> usize {
    let mut label: BTreeMap<&str, &str> = pairs
        .iter()
        .map(|(o, _)| (o.as_str(), o.as_str()))
        .collect();
    loop {
        let mut body: BTreeMap<&str, &str> = BTreeMap::new();
        for (o, b) in pairs {
            let l = label[o.as_str()];
            let e = body.entry(b.as_str()).or_insert(l);
            *e = (*e).min(l);
        }
        let mut changed = false;
        for (o, b) in pairs {
            let l = body[b.as_str()];
            let e = label.get_mut(o.as_str()).unwrap();
            if l < *e {
                *e = l;
                changed = true;
            }
        }
        if !changed {
            return label.values().collect::<BTreeSet<_>>().len();
        }
    }
}

/// Affiliations that begin at a date, an origin answering to two bodies, a loop whose members
/// answer to different bodies, basis sources, a rewording and a covering statement: the graph
/// the scale-out check runs the engines on for independence (benches/scale-out).
fn independence_in_time() -> ClaimGraph {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../benches/scale-out/independence.json");
    ClaimGraph::load(&path).unwrap()
}

/// The rows of `statement_origins`: attribution, traced from, origin, answers to (none null).
fn statement_origin_rows(dir: &Path) -> Vec<[String; 4]> {
    let mut out = Vec::new();
    for b in read_batches(dir, "statement_origins") {
        let cols = ["attribution", "traced_from", "origin", "answers_to"].map(|c| texts(&b, c));
        for i in 0..b.num_rows() {
            out.push(cols.each_ref().map(|c| c[i].clone().expect("no nulls")));
        }
    }
    out
}

#[test]
fn statement_origins_name_what_each_origin_answered_to_when_it_spoke() {
    let g = independence_in_time();
    let dir = TempDir::new("statement-origins");
    g.write_parquet(&dir.0).unwrap();
    let mut rows: BTreeMap<String, BTreeSet<(String, String, String)>> = BTreeMap::new();
    for [a, f, o, to] in statement_origin_rows(&dir.0) {
        rows.entry(a).or_default().insert((f, o, to));
    }
    let row = |f: &str, o: &str, to: &str| (f.to_owned(), o.to_owned(), to.to_owned());
    let set = |r: &[(String, String, String)]| r.iter().cloned().collect::<BTreeSet<_>>();
    // Spokesman B joined the ministry in 2020: in 2019 he answered to himself.
    assert_eq!(
        rows["b-2019"],
        set(&[row("spokesman-b", "spokesman-b", "spokesman-b")])
    );
    assert_eq!(
        rows["b-2021"],
        set(&[row("spokesman-b", "spokesman-b", "ministry")])
    );
    // One row per body an origin answers to.
    assert_eq!(
        rows["advisor-bridged"],
        set(&[
            row("advisor", "advisor", "ministry"),
            row("advisor", "advisor", "party")
        ])
    );
    // A loop of desks is one origin, answering to what each of its members answers to.
    assert_eq!(
        rows["x-loop"],
        set(&[
            row("outlet-x", "desk-a", "ministry"),
            row("outlet-x", "desk-a", "party")
        ])
    );
    // An assertion resting on a basis is traced from each basis source.
    assert_eq!(
        rows["y-2019"],
        set(&[
            row("blogger", "blogger", "blogger"),
            row("spokesman-b", "spokesman-b", "spokesman-b")
        ])
    );
    // Only assertions are listed, each once (a covering statement on its own record).
    assert!(!rows.contains_key("ministry-denies"));
    assert_eq!(
        rows["blogger-covering"],
        set(&[row("blogger", "blogger", "blogger")])
    );
    // The quick grouping of `source_origins` is not the core's here; the exact one is.
    let before = g.summary("before-b-joined").unwrap();
    assert_eq!(before.independent_origins, 2);
    assert_eq!(g.summary("apart").unwrap().independent_origins, 2);
    assert_eq!(g.summary("bridged").unwrap().independent_origins, 1);
}

/// The answers of the module documentation's SQL, computed here with maps over the tables
/// alone: (asserters, deniers, disputed, origins, independent origins, unnamed only) per claim.
/// Independent origins are grouped from `statement_origins` (what each origin answered to at
/// the time of each statement).
fn answers_from_tables(dir: &Path) -> BTreeMap<String, (usize, usize, bool, usize, usize, bool)> {
    let mut bodies_of: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for [a, _, o, to] in statement_origin_rows(dir) {
        bodies_of.entry(a).or_default().push((o, to));
    }
    let mut origins_of: BTreeMap<String, Vec<(String, String, bool)>> = BTreeMap::new();
    for b in read_batches(dir, "source_origins") {
        let (s, o, grp, unn) = (
            texts(&b, "source"),
            texts(&b, "origin"),
            texts(&b, "independence_group"),
            flags(&b, "unnamed"),
        );
        for i in 0..b.num_rows() {
            origins_of.entry(s[i].clone().unwrap()).or_default().push((
                o[i].clone().unwrap(),
                grp[i].clone().unwrap(),
                unn[i],
            ));
        }
    }
    // For each claim a statement is on, the claims it counts for, and how.
    let mut counts_for: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for b in read_batches(dir, "claim_relatives") {
        let (c, r, rel) = (
            texts(&b, "claim"),
            texts(&b, "relative"),
            texts(&b, "relation"),
        );
        for i in 0..b.num_rows() {
            counts_for
                .entry(r[i].clone().unwrap())
                .or_default()
                .push((c[i].clone().unwrap(), rel[i].clone().unwrap()));
        }
    }
    #[derive(Default)]
    struct Acc {
        asserters: BTreeSet<String>,
        deniers: BTreeSet<String>,
        carried_assertion: bool,
        carried_denial: bool,
        origins: BTreeSet<String>,
        bodies: BTreeSet<(String, String)>,
        named: bool,
    }
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    for b in read_batches(dir, "claims") {
        for c in texts(&b, "id") {
            acc.insert(c.unwrap(), Acc::default());
        }
    }
    for b in read_batches(dir, "attributions") {
        let (id, s, c, st) = (
            texts(&b, "id"),
            texts(&b, "source"),
            texts(&b, "claim"),
            texts(&b, "stance"),
        );
        let (covers, basis) = (lists(&b, "covers"), lists(&b, "basis"));
        for i in 0..b.num_rows() {
            let s = s[i].clone().unwrap();
            // One statement stands for its claim and each claim it covers; an assertion with a
            // basis is traced from the basis instead of from its speaker.
            let claims = std::iter::once(c[i].clone().unwrap()).chain(covers[i].iter().cloned());
            let seeds = if basis[i].is_empty() {
                vec![s.clone()]
            } else {
                basis[i].clone()
            };
            for on in claims {
                for (c, relation) in &counts_for[&on] {
                    let e = acc.get_mut(c).unwrap();
                    match (relation.as_str(), st[i].as_deref()) {
                        ("rewording", Some("asserts")) => {
                            e.asserters.insert(s.clone());
                            for (o, _, unnamed) in seeds.iter().flat_map(|x| &origins_of[x]) {
                                e.origins.insert(o.clone());
                                e.named |= !unnamed;
                            }
                            let id = id[i].as_deref().unwrap();
                            e.bodies.extend(bodies_of[id].iter().cloned());
                        }
                        ("rewording", Some("denies")) => {
                            e.deniers.insert(s.clone());
                        }
                        ("specialization", Some("asserts")) => e.carried_assertion = true,
                        ("generalization", Some("denies")) => e.carried_denial = true,
                        _ => {}
                    }
                }
            }
        }
    }
    acc.into_iter()
        .map(|(c, e)| {
            let unnamed_only = !e.origins.is_empty() && !e.named;
            let disputed = (!e.asserters.is_empty() || e.carried_assertion)
                && (!e.deniers.is_empty() || e.carried_denial);
            let row = (
                e.asserters.len(),
                e.deniers.len(),
                disputed,
                e.origins.len(),
                groups_of(&e.bodies),
                unnamed_only,
            );
            (c, row)
        })
        .collect()
}

#[test]
fn per_claim_answers_come_out_of_the_tables_by_joins_and_group_bys() {
    for g in [
        common::reference::putin_dprk_visit().unwrap(),
        common::every_field::every_field(),
        many_claims(500),
        independence_in_time(),
    ] {
        let dir = TempDir::new("joins");
        g.write_parquet(&dir.0).unwrap();
        let got = answers_from_tables(&dir.0);
        for s in g.summaries() {
            let want = (
                s.asserters,
                s.deniers,
                s.disputed,
                s.origins,
                s.independent_origins,
                s.unnamed_only,
            );
            assert_eq!(got[&s.claim], want, "{}", s.claim);
        }
    }
}

// ----- Arrow ---------------------------------------------------------------------------------

#[test]
fn arrow_streams_hold_the_same_rows_as_the_parquet_tables() {
    let g = common::every_field::every_field();
    let dir = TempDir::new("arrow");
    let files = g.write_parquet(&dir.0).unwrap();
    let tables = g.to_arrow_ipc().unwrap();
    assert_eq!(tables.len(), files.len());
    for (t, f) in tables.iter().zip(&files) {
        assert_eq!(t.table, f.table);
        let reader =
            arrow_ipc::reader::StreamReader::try_new(std::io::Cursor::new(&t.ipc), None).unwrap();
        let from_ipc: Vec<RecordBatch> = reader.map(|b| b.unwrap()).collect();
        let from_parquet = read_batches(&dir.0, t.table);
        let rows = |bs: &[RecordBatch]| bs.iter().map(|b| b.num_rows()).sum::<usize>();
        assert_eq!(rows(&from_ipc), f.rows as usize, "{}", t.table);
        assert_eq!(from_ipc, from_parquet, "{}", t.table);
    }
}

// ----- errors --------------------------------------------------------------------------------

#[test]
fn a_missing_table_is_an_io_error_naming_the_file() {
    let g = common::every_field::every_field();
    let dir = TempDir::new("missing");
    g.write_parquet(&dir.0).unwrap();
    std::fs::remove_file(dir.0.join("verdicts.parquet")).unwrap();
    match ClaimGraph::read_parquet(&dir.0) {
        Err(Error::Io { path, .. }) => assert!(path.ends_with("verdicts.parquet"), "{path:?}"),
        other => panic!("expected an Io error, got {other:?}"),
    }
}

#[test]
fn a_table_under_another_tables_name_is_refused() {
    let g = common::every_field::every_field();
    let dir = TempDir::new("swapped");
    g.write_parquet(&dir.0).unwrap();
    std::fs::copy(dir.0.join("claims.parquet"), dir.0.join("sources.parquet")).unwrap();
    let e = ClaimGraph::read_parquet(&dir.0).unwrap_err();
    let Error::Format {
        location, message, ..
    } = &e
    else {
        panic!("expected a Format error, got {e:?}")
    };
    assert!(location.path.as_ref().unwrap().ends_with("sources.parquet"));
    assert!(message.contains("claims"), "{message}");
}

#[test]
fn a_record_the_graph_refuses_names_its_row_and_id() {
    // Attributions whose sources are not in the sources table.
    let g = common::reference::putin_dprk_visit().unwrap();
    let dir = TempDir::new("dangling");
    g.write_parquet(&dir.0).unwrap();
    let mut small = ClaimGraph::new();
    for s in g.sources().take(1) {
        small.add_source(s.clone()).unwrap();
    }
    let other = TempDir::new("dangling-small");
    small.write_parquet(&other.0).unwrap();
    std::fs::copy(
        other.0.join("sources.parquet"),
        dir.0.join("sources.parquet"),
    )
    .unwrap();
    let e = ClaimGraph::read_parquet(&dir.0).unwrap_err();
    let Error::Format {
        location, message, ..
    } = &e
    else {
        panic!("expected a Format error, got {e:?}")
    };
    assert!(location.line.is_some(), "{e}");
    assert!(location.record.is_some(), "{e}");
    assert!(
        message.contains("no source") || message.contains("no node"),
        "{e}"
    );
}

#[test]
fn a_file_that_is_not_parquet_is_a_format_error() {
    let g = common::every_field::every_field();
    let dir = TempDir::new("garbage");
    g.write_parquet(&dir.0).unwrap();
    std::fs::write(dir.0.join("claims.parquet"), b"not a parquet file at all").unwrap();
    match ClaimGraph::read_parquet(&dir.0) {
        Err(Error::Format {
            format, location, ..
        }) => {
            assert_eq!(format, "Parquet");
            assert!(location.path.unwrap().ends_with("claims.parquet"));
        }
        other => panic!("expected a Format error, got {other:?}"),
    }
}

/// Tables that other tools rewrote, or a disk damaged: every record table of a small graph cut
/// short at many lengths and with bytes changed all through it. Reading gives a graph or an
/// error naming a table's file; never a panic. (A changed byte inside a compressed page can
/// read as other text: Parquet as written here has no checksum over the data, so such a file
/// reads as what it now says, or fails where a record no longer fits, maybe in a later table.)
#[test]
fn a_damaged_table_is_an_error_naming_its_file_never_a_panic() {
    let g = common::every_field::every_field();
    let dir = TempDir::new("damaged");
    g.write_parquet(&dir.0).unwrap();
    let record_tables = PARQUET_TABLES.iter().filter(|t| {
        ![
            "source_origins",
            "statement_origins",
            "claim_relatives",
            "statuses",
        ]
        .contains(t)
    });
    let mut damaged = 0;
    for table in record_tables {
        let path = dir.0.join(format!("{table}.parquet"));
        let good = std::fs::read(&path).unwrap();
        let n = good.len();
        let mut variants: Vec<(String, Vec<u8>)> = Vec::new();
        for cut in (0..n).step_by((n / 32).max(1)).chain([n - 1, n - 4, n - 8]) {
            variants.push((format!("cut to {cut} bytes"), good[..cut].to_vec()));
        }
        for at in (0..n).step_by((n / 128).max(1)) {
            for mask in [0xFF_u8, 0x01] {
                let mut bytes = good.clone();
                bytes[at] ^= mask;
                variants.push((format!("byte {at} ^ {mask:#04x}"), bytes));
            }
        }
        for (what, bytes) in variants {
            std::fs::write(&path, &bytes).unwrap();
            let read = std::panic::catch_unwind(|| ClaimGraph::read_parquet(&dir.0));
            match read {
                Err(_) => panic!("{table}.parquet, {what}: reading panicked"),
                Ok(Err(e)) => {
                    damaged += 1;
                    let text = e.to_string();
                    let names_a_table = PARQUET_TABLES
                        .iter()
                        .any(|t| text.contains(&format!("{t}.parquet")));
                    assert!(names_a_table, "{table}.parquet, {what}: {text}");
                }
                Ok(Ok(_)) => {}
            }
        }
        std::fs::write(&path, &good).unwrap();
    }
    assert!(damaged > 300, "only {damaged} variants refused");
    assert_eq!(ClaimGraph::read_parquet(&dir.0).unwrap(), g);
}

/// A run header of the dictionary indices longer than a varint may be (found by the `parquet`
/// fuzz target, whose input did this to the same page). A table's indices are runs, each behind
/// a header that is a varint: seven bits a byte, the top bit set while more follow, ten bytes at
/// most. arrow-rs 60.1 shifts the eleventh byte's bits by 70 before it checks that length, and
/// that shift panics where overflow checks are on (debug builds, as this test runs); the file is
/// refused as damaged, naming it.
#[test]
fn a_run_header_longer_than_a_varint_is_an_error_naming_its_table_never_a_panic() {
    let g = common::reference::putin_dprk_visit().unwrap();
    let dir = TempDir::new("long-run-header");
    g.write_parquet(&dir.0).unwrap();
    let path = dir.0.join("sources.parquet");
    let mut bytes = std::fs::read(&path).unwrap();
    // The `name` column chunk: its dictionary page, then one data page of the sources' indices.
    let (start, len) = {
        let file = std::fs::File::open(&path).unwrap();
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
        let row_group = builder.metadata().row_group(0);
        let name = row_group
            .columns()
            .iter()
            .find(|c| c.column_path().string() == "name")
            .unwrap();
        name.byte_range()
    };
    let end = usize::try_from(start + len).unwrap();
    // The data page ends the chunk. A page this small is compressed to one Snappy literal, so
    // its bytes are in the file as they are read: the literal's length `u` (a one-byte varint),
    // the literal's tag (`(u - 1) << 2`), then the page: the indices' bit width, then the first
    // run's header.
    let u = (12..60)
        .find(|&u| {
            usize::from(bytes[end - u - 2]) == u && usize::from(bytes[end - u - 1]) == (u - 1) << 2
        })
        .expect("the name column's data page is one Snappy literal");
    let width = end - u;
    assert!(
        (1..=32).contains(&bytes[width]),
        "bit width {}",
        bytes[width]
    );
    // Ten bytes with the top bit set make the header's varint go on to an eleventh byte. The
    // page keeps its length, so nothing else in the file changes.
    bytes[width + 1..width + 11].fill(0xFF);
    std::fs::write(&path, &bytes).unwrap();
    let read = std::panic::catch_unwind(|| ClaimGraph::read_parquet(&dir.0));
    let Ok(read) = read else {
        panic!("reading a run header of eleven bytes panicked")
    };
    let e = read.unwrap_err();
    let Error::Format { location, .. } = &e else {
        panic!("expected a Format error, got {e:?}")
    };
    assert!(location.path.as_ref().unwrap().ends_with("sources.parquet"));
    assert!(e.to_string().contains("sources.parquet"), "{e}");
}
