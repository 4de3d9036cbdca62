//! A graph that lives in a SQLite file: durable changes, history, undo, and damaged files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use claimgraph::{
    Action, Attribution, Claim, ClaimGraph, Error, MergePolicy, Rating, Record, RecordKind, Source,
    SourceKind, SourceRelation, SourceRelationKind, Stance, Verdict,
};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn small_desk(g: &mut claimgraph::StoredGraph) -> claimgraph::Result<()> {
    g.add_source(Source::new(
        "church",
        SourceKind::Organization,
        "Church of Scientology",
    ))?;
    g.add_source(Source::new("abc", SourceKind::Outlet, "ABC"))?;
    g.add_source(Source::new(
        "politifact",
        SourceKind::Organization,
        "PolitiFact",
    ))?;
    g.add_claim(Claim::new("abuse", "The church covered up abuse").subject("church"))?;
    g.add_attribution(Attribution::new("church", "abuse", Stance::Denies).via("abc"))?;
    g.add_source_relation(SourceRelation::new(
        "abc",
        SourceRelationKind::Cites,
        "church",
    ))?;
    Ok(())
}

#[test]
fn every_change_that_returns_is_in_the_file() -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    {
        let mut g = ClaimGraph::open(&path)?;
        small_desk(&mut g)?;
    }
    let g = ClaimGraph::open(&path)?;
    assert_eq!(g.counts().sources, 3);
    assert_eq!(g.counts().attributions, 1);
    assert!(!g.status("abuse")?.disputed);
    assert_eq!(g.status("abuse")?.deniers, ["church"]);
    // The reference article survives the round trip through the database exactly.
    drop(g);
    let reference = common::reference::putin_dprk_visit()?;
    let path2 = dir.path().join("reference.db");
    let mut stored = ClaimGraph::open(&path2)?;
    stored.merge(&reference, MergePolicy::Fail)?;
    drop(stored);
    assert_eq!(*ClaimGraph::open(&path2)?.graph(), reference);
    Ok(())
}

#[test]
fn history_says_who_changed_what_when_and_why() -> claimgraph::Result<()> {
    let dir = temp();
    let mut g = ClaimGraph::open(dir.path().join("desk.db"))?;
    small_desk(&mut g)?;
    g.set_actor("desk:alice");
    let first = Verdict::new("politifact", "abuse", "Unproven");
    g.add_verdict(first.clone())?;
    g.set_actor("desk:bob");
    let revised = first
        .clone()
        .with_id(first.id.clone())
        .summary("new documents");
    let revised = Verdict {
        label: "False".into(),
        rating: Some(Rating::new(1.0, 1.0, 6.0)),
        ..revised
    };
    let old = g.with_reason("court documents released", |g| {
        g.update_verdict(revised.clone())
    })?;
    assert_eq!(old.label, "Unproven");

    let events = g.history(&first.id)?;
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].actor, "desk:alice");
    assert_eq!(events[0].action, Action::Add);
    assert_eq!(events[0].before, None);
    assert_eq!(events[1].actor, "desk:bob");
    assert_eq!(events[1].action, Action::Update);
    assert_eq!(
        events[1].reason.as_deref(),
        Some("court documents released")
    );
    assert_eq!(events[1].before, Some(Record::Verdict(first.clone())));
    assert_eq!(events[1].after, Some(Record::Verdict(revised.clone())));
    assert_eq!(events[1].operation, "update_verdict");
    assert!(events[0].at <= events[1].at);

    let since = g.history_since(events[1].at)?;
    assert!(since.iter().all(|e| e.at >= events[1].at));
    assert!(since.iter().any(|e| e.seq == events[1].seq));

    // The ClaimReview export marks the earlier rating superseded, and keeps the current one.
    let json: serde_json::Value = serde_json::from_str(&g.to_claimreview_json()?).expect("json");
    let reviews = json.as_array().expect("array");
    assert_eq!(reviews.len(), 2);
    let superseded: Vec<_> = reviews
        .iter()
        .filter(|r| r["creativeWorkStatus"] == "Superseded")
        .collect();
    assert_eq!(superseded.len(), 1);
    assert_eq!(superseded[0]["reviewRating"]["alternateName"], "Unproven");
    Ok(())
}

#[test]
fn a_cascading_removal_records_every_record_and_undo_puts_them_back() -> claimgraph::Result<()> {
    let dir = temp();
    let mut g = ClaimGraph::open(dir.path().join("desk.db"))?;
    small_desk(&mut g)?;
    let before = g.graph().clone();
    g.remove_source("abc")?;
    let change = g.last_change();
    let events = g.change_events(change)?;
    // The citation is removed, the attribution loses its via, the source goes last.
    let summary: Vec<(Action, &str)> = events.iter().map(|e| (e.action, e.id.as_str())).collect();
    assert!(
        summary.contains(&(Action::Remove, "abc:cites:church")),
        "{summary:?}"
    );
    assert!(
        summary.contains(&(Action::Update, "church:denies:abuse")),
        "{summary:?}"
    );
    assert_eq!(summary.last(), Some(&(Action::Remove, "abc")));
    assert!(events.iter().all(|e| e.operation == "remove_source"));

    let undo = g.undo_last()?;
    assert_eq!(*g.graph(), before);
    assert!(g
        .change_events(undo)?
        .iter()
        .all(|e| e.undoes == Some(change)));
    // History was added to, never rewritten.
    assert_eq!(g.history("abc")?.len(), 3);
    assert!(g.verify_history()?.intact());
    // The undo is durable too.
    let path = g.path().to_path_buf();
    drop(g);
    assert_eq!(*ClaimGraph::open(path)?.graph(), before);
    Ok(())
}

#[test]
fn undo_refuses_when_a_later_change_touched_the_record() -> claimgraph::Result<()> {
    let dir = temp();
    let mut g = ClaimGraph::open(dir.path().join("desk.db"))?;
    small_desk(&mut g)?;
    g.update_source(Source::new(
        "abc",
        SourceKind::Outlet,
        "Australian Broadcasting Corporation",
    ))?;
    let rename = g.last_change();
    g.update_source(Source::new("abc", SourceKind::Outlet, "ABC News"))?;
    let err = g.undo(rename).expect_err("a later change touched abc");
    assert!(
        matches!(&err, Error::InvalidField { id, field: "history", .. } if id == "abc"),
        "{err}"
    );
    assert_eq!(g.source("abc").map(|s| s.name.as_str()), Some("ABC News"));
    assert!(matches!(g.undo(999), Err(Error::NotFound { .. })));
    Ok(())
}

#[test]
fn a_failed_transaction_changes_nothing() -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    let mut g = ClaimGraph::open(&path)?;
    small_desk(&mut g)?;
    let before = g.graph().clone();
    let changes = g.last_change();
    let result = g.transaction(|g| {
        g.add_claim(Claim::new("second", "A second claim"))?;
        g.add_claim(Claim::new("second", "again")) // duplicate id: the whole transaction fails
    });
    assert!(matches!(result, Err(Error::DuplicateId { .. })));
    assert_eq!(*g.graph(), before);
    assert_eq!(g.last_change(), changes);

    // A committed transaction is durable; an open one is rolled back when the graph is dropped.
    g.transaction(|g| {
        for n in 0..100 {
            g.add_claim(Claim::new(format!("c{n}"), format!("Claim number {n}")))?;
        }
        Ok(())
    })?;
    g.begin()?;
    assert!(g.begin().is_err());
    g.add_claim(Claim::new("uncommitted", "Never committed"))?;
    drop(g);
    let g = ClaimGraph::open(&path)?;
    assert_eq!(g.counts().claims, 101);
    assert!(g.claim("uncommitted").is_none());
    assert!(g.verify_history()?.intact());
    Ok(())
}

#[test]
fn explicit_rollback_restores_memory_and_chain() -> claimgraph::Result<()> {
    let dir = temp();
    let mut g = ClaimGraph::open(dir.path().join("desk.db"))?;
    small_desk(&mut g)?;
    let before = g.graph().clone();
    g.begin()?;
    g.remove_source("church")?;
    g.add_source(Source::new("new", SourceKind::Person, "Someone"))?;
    g.rollback()?;
    assert_eq!(*g.graph(), before);
    assert!(g.commit().is_err());
    g.add_source(Source::new("after", SourceKind::Person, "After"))?;
    assert!(g.verify_history()?.intact());
    Ok(())
}

#[test]
fn as_of_edit_replays_the_history_up_to_a_time() -> claimgraph::Result<()> {
    let dir = temp();
    let mut g = ClaimGraph::open(dir.path().join("desk.db"))?;
    small_desk(&mut g)?;
    let mid = g.history("abc:cites:church")?[0].at;
    let snapshot = g.graph().clone();
    std::thread::sleep(Duration::from_millis(5));
    g.remove_source("abc")?;
    g.add_claim(Claim::new("later", "Added later"))?;
    assert_eq!(g.as_of_edit(mid)?, snapshot);
    assert_eq!(g.as_of_edit(chrono::Utc::now())?, *g.graph());
    assert!(g.as_of_edit(mid - chrono::Duration::days(1))?.is_empty());
    Ok(())
}

#[test]
fn merge_and_ingest_are_recorded_as_one_change_each() -> claimgraph::Result<()> {
    let dir = temp();
    let mut g = ClaimGraph::open(dir.path().join("desk.db"))?;
    let reference = common::reference::putin_dprk_visit()?;
    g.merge(&reference, MergePolicy::Fail)?;
    let merged = g.change_events(g.last_change())?;
    let c = reference.counts();
    let total =
        c.sources + c.claims + c.attributions + c.source_relations + c.claim_relations + c.verdicts;
    assert_eq!(merged.len(), total);
    assert!(merged
        .iter()
        .all(|e| e.operation == "merge" && e.action == Action::Add));

    let jsonl = r#"{"type":"meta","format_version":1}
{"type":"source","id":"wire","kind":"outlet","name":"A wire","anonymous":false}
{"type":"claim","id":"wired","text":"A claim from the wire"}
{"type":"attribution","id":"a1","source":"wire","claim":"wired","stance":"asserts","date":"2024-06-18","quote":null}
"#;
    g.ingest_jsonl(std::io::Cursor::new(jsonl), Default::default())?;
    assert!(g.source("wire").is_some());
    assert_eq!(g.history("wire")?[0].operation, "ingest_jsonl");
    assert_eq!(g.change_events(g.last_change())?.len(), 3);
    g.undo_last()?;
    assert_eq!(*g.graph(), reference);
    Ok(())
}

#[test]
fn an_altered_history_is_found_and_located() -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    {
        let mut g = ClaimGraph::open(&path)?;
        small_desk(&mut g)?;
        g.add_verdict(Verdict::new("politifact", "abuse", "False"))?;
        g.update_source(Source::new("abc", SourceKind::Outlet, "ABC News"))?;
        assert_eq!(g.verify_history()?.events, 8);
    }
    {
        let db = rusqlite::Connection::open(&path).expect("open");
        db.execute("UPDATE events SET actor = 'someone else' WHERE seq = 4", [])
            .expect("tamper");
    }
    let g = ClaimGraph::open(&path)?;
    let check = g.verify_history()?;
    assert!(!check.intact());
    assert_eq!(check.first_altered, Some(4));
    assert!(check.problem.unwrap_or_default().contains("event 4"));
    drop(g);
    {
        let db = rusqlite::Connection::open(&path).expect("open");
        db.execute("DELETE FROM events WHERE seq = 2", [])
            .expect("tamper");
    }
    // Event 2 held an earlier value of "abc": the graph still opens, the gap is found.
    let check = ClaimGraph::open(&path)?.verify_history()?;
    assert_eq!(check.first_altered, Some(2));
    {
        let db = rusqlite::Connection::open(&path).expect("open");
        db.execute("DELETE FROM events WHERE seq = 8", [])
            .expect("tamper");
    }
    // Event 8 holds the current value of "abc": the database is damaged, and says where.
    let err = ClaimGraph::open(&path).expect_err("current value missing");
    assert!(err.to_string().contains("\"abc\""), "{err}");
    Ok(())
}

#[test]
fn damaged_foreign_and_newer_databases_are_refused_by_name() -> claimgraph::Result<()> {
    let dir = temp();
    // A file that is not a database at all.
    let junk = dir.path().join("junk.db");
    std::fs::write(
        &junk,
        b"this is not a database, just some text that is long enough........",
    )
    .expect("write");
    let err = ClaimGraph::open(&junk).expect_err("junk");
    assert!(
        matches!(&err, Error::Database { path, .. } if path == &junk),
        "{err}"
    );

    // A database of another program.
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .expect("open")
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .expect("create");
    let err = ClaimGraph::open(&other).expect_err("other program");
    assert!(err.to_string().contains("another program"), "{err}");

    // A database from a newer version of the library.
    let newer = dir.path().join("newer.db");
    drop(ClaimGraph::open(&newer)?);
    rusqlite::Connection::open(&newer)
        .expect("open")
        .execute_batch("PRAGMA user_version = 99")
        .expect("bump");
    let err = ClaimGraph::open(&newer).expect_err("newer");
    assert!(
        matches!(
            err,
            Error::UnsupportedVersion {
                found: 99,
                supported: 3,
                ..
            }
        ),
        "{err}"
    );

    // A truncated database.
    let whole = dir.path().join("whole.db");
    {
        let mut g = ClaimGraph::open(&whole)?;
        g.transaction(|g| {
            for n in 0..2000 {
                g.add_claim(Claim::new(
                    format!("c{n}"),
                    format!("Claim number {n} with some words"),
                ))?;
            }
            Ok(())
        })?;
    }
    let bytes = std::fs::read(&whole).expect("read");
    let cut = dir.path().join("cut.db");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    let err = ClaimGraph::open(&cut).expect_err("truncated");
    assert!(
        matches!(&err, Error::Database { path, .. } if path == &cut),
        "{err}"
    );

    // A folder where the file should be.
    let folder = dir.path().join("folder.db");
    std::fs::create_dir(&folder).expect("mkdir");
    let err = ClaimGraph::open(&folder).expect_err("folder");
    assert!(err.to_string().contains("not a regular file"), "{err}");
    Ok(())
}

#[test]
fn a_second_open_of_the_same_file_gets_a_clear_error() -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    let mut first = ClaimGraph::open(&path)?;
    small_desk(&mut first)?;
    let err = ClaimGraph::open(&path).expect_err("held by the first");
    assert!(err.to_string().contains("in use"), "{err}");
    first.add_claim(Claim::new("still", "Still writable"))?;
    drop(first);
    assert!(ClaimGraph::open(&path)?.claim("still").is_some());
    Ok(())
}

#[test]
fn a_read_only_folder_gives_an_error_not_a_panic() {
    let dir = temp();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).expect("mkdir");
    let mut perms = std::fs::metadata(&ro).expect("meta").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o555);
    std::fs::set_permissions(&ro, perms).expect("chmod");
    if std::fs::write(ro.join("probe"), b"x").is_ok() {
        // Running as root, permissions do not stop writes; nothing to show here.
        eprintln!("skipped: this user can write into a read-only folder");
        return;
    }
    let err = ClaimGraph::open(ro.join("desk.db")).expect_err("read-only folder");
    assert!(matches!(err, Error::Database { .. }), "{err}");
}

/// The child side of the kill test: adds claims one by one and prints each id after the call
/// returned. Runs only when the parent test starts it.
#[test]
fn kill_test_child() -> claimgraph::Result<()> {
    let Ok(path) = std::env::var("CLAIMGRAPH_KILL_TEST_DB") else {
        return Ok(());
    };
    let mut g = ClaimGraph::open(&path)?;
    let start = g.counts().claims;
    for n in start..start + 100_000 {
        let id = format!("k{n}");
        g.add_claim(Claim::new(
            id.clone(),
            format!("Claim {n} added one at a time"),
        ))?;
        println!("added {id}");
    }
    Ok(())
}

#[test]
fn killed_at_random_moments_every_returned_change_survives() -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    let exe = std::env::current_exe().expect("test binary");
    let rounds: u64 = std::env::var("CLAIMGRAPH_KILL_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(50);
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut confirmed: Vec<String> = Vec::new();
    for _ in 0..rounds {
        let mut child = Command::new(&exe)
            .args([
                "kill_test_child",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("CLAIMGRAPH_KILL_TEST_DB", &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Wait for a random number of confirmed additions (0 to 40), then kill.
        let wanted = seed % 41;
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut seen = 0;
        while seen < wanted {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(id) = line.strip_prefix("added ") {
                        confirmed.push(id.to_owned());
                        seen += 1;
                    }
                }
                _ => break,
            }
        }
        child.kill().expect("kill");
        // Lines printed before the kill landed are confirmed too.
        for line in lines.map_while(std::result::Result::ok) {
            if let Some(id) = line.strip_prefix("added ") {
                confirmed.push(id.to_owned());
            }
        }
        let _ = child.wait();
        let g = ClaimGraph::open(&path)?;
        for id in &confirmed {
            assert!(
                g.claim(id).is_some(),
                "{id} was confirmed but is not in the database"
            );
        }
        assert!(g.verify_history()?.intact());
    }
    assert!(!confirmed.is_empty());
    Ok(())
}

#[test]
fn another_process_cannot_open_a_held_file_and_says_why() -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    let mut g = ClaimGraph::open(&path)?;
    small_desk(&mut g)?;
    let exe = std::env::current_exe().expect("test binary");
    let out = Command::new(&exe)
        .args([
            "kill_test_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("CLAIMGRAPH_KILL_TEST_DB", &path)
        .output()
        .expect("run child");
    assert!(
        !out.status.success(),
        "the second process opened a held file"
    );
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("in use"), "{text}");
    // The holder is unaffected, and so is the file.
    g.add_claim(Claim::new("after", "Added after the other process gave up"))?;
    drop(g);
    let g = ClaimGraph::open(&path)?;
    assert!(g.claim("after").is_some());
    assert!(g.verify_history()?.intact());
    Ok(())
}

#[test]
fn a_shared_store_interrupted_by_a_panic_is_refused_and_the_file_opens_again(
) -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    let g = claimgraph::SharedStore::open(&path)?;
    g.change(Some("the first outlet".into()), |g| {
        g.add_source(Source::new("abc", SourceKind::Outlet, "ABC"))
    })?;
    g.change(None, |g| {
        g.add_source(Source::new("bbc", SourceKind::Outlet, "BBC"))
    })?;
    let interrupted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        g.change(None, |g| -> claimgraph::Result<()> {
            g.add_source(Source::new("cnn", SourceKind::Outlet, "CNN"))
                .unwrap();
            panic!("an internal error half-way through a change");
        })
    }));
    assert!(interrupted.is_err());
    // Reads are refused as well as changes: the graph in memory is in an unknown state.
    for refused in [
        g.with(|g| Ok(g.counts())).map(drop),
        g.with(|g| g.history("abc")).map(drop),
        g.change(None, |g| {
            g.add_source(Source::new("dw", SourceKind::Outlet, "DW"))
        }),
        g.close().map(drop),
    ] {
        let err = refused.unwrap_err();
        assert!(matches!(err, Error::Interrupted), "{err}");
    }
    // Closing released the file: it opens again with every change that returned.
    let again = ClaimGraph::open(&path)?;
    assert!(again.source("abc").is_some() && again.source("bbc").is_some());
    let reasons: Vec<_> = ["abc", "bbc"]
        .iter()
        .map(|id| again.history(id).map(|h| h[0].reason.clone()))
        .collect::<claimgraph::Result<_>>()?;
    assert_eq!(reasons, [Some("the first outlet".to_owned()), None]);
    assert!(again.verify_history()?.intact());
    Ok(())
}

#[test]
fn a_closed_shared_store_refuses_calls_by_name() -> claimgraph::Result<()> {
    let dir = temp();
    let g = claimgraph::SharedStore::open(dir.path().join("desk.db"))?;
    g.change(None, |g| {
        g.add_source(Source::new("abc", SourceKind::Outlet, "ABC"))
    })?;
    let detached = g.close()?.expect("open until closed");
    assert!(detached.source("abc").is_some());
    assert!(g.close()?.is_none());
    let err = g.with(|g| Ok(g.counts())).unwrap_err();
    assert!(
        matches!(&err, Error::InvalidField { field: "graph", .. }),
        "{err}"
    );
    assert!(err.to_string().contains("closed"), "{err}");
    Ok(())
}

#[test]
fn a_version_1_database_is_brought_to_the_current_schema_when_opened() -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    let expected = {
        let mut g = ClaimGraph::open(&path)?;
        small_desk(&mut g)?;
        g.update_source(Source::new("abc", SourceKind::Outlet, "ABC News"))?;
        g.remove_source_relation("abc:cites:church")?;
        g.graph().clone()
    };
    // Version 1 kept the current values in a `records` table that pointed at their events.
    rusqlite::Connection::open(&path)
        .expect("open")
        .execute_batch(
            "CREATE TABLE records (
                 kind TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL,
                 PRIMARY KEY (kind, id)
             ) WITHOUT ROWID;
             INSERT INTO records SELECT kind, id, seq FROM events WHERE live = 1;
             ALTER TABLE events DROP COLUMN live;
             DROP TABLE blocks;
             DROP TABLE replaced;
             PRAGMA user_version = 1;",
        )
        .expect("write a version 1 database");
    {
        let mut g = ClaimGraph::open(&path)?;
        assert_eq!(*g.graph(), expected);
        assert_eq!(g.source("abc").map(|s| s.name.as_str()), Some("ABC News"));
        assert!(g.verify_history()?.intact());
        assert_eq!(g.history("abc")?.len(), 2);
        // It is changed as any other, and what changed is there when it is opened again.
        g.update_source(Source::new("abc", SourceKind::Outlet, "ABC"))?;
    }
    let version: u32 = rusqlite::Connection::open(&path)
        .expect("open")
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, 3);
    let g = ClaimGraph::open(&path)?;
    assert_eq!(g.source("abc").map(|s| s.name.as_str()), Some("ABC"));
    assert_eq!(g.counts().source_relations, 0);
    Ok(())
}

#[test]
fn a_bulk_change_of_many_records_reopens_as_it_was_with_its_history() -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    let mut bulk = ClaimGraph::new();
    for n in 0..150 {
        bulk.add_source(Source::new(
            format!("s{n}"),
            SourceKind::Outlet,
            format!("Outlet {n}"),
        ))?;
        bulk.add_claim(Claim::new(format!("c{n}"), format!("Claim {n}")))?;
        bulk.add_attribution(Attribution::new(
            format!("s{n}"),
            format!("c{n}"),
            Stance::Asserts,
        ))?;
    }
    let mut g = ClaimGraph::open(&path)?;
    g.merge(&bulk, MergePolicy::Fail)?;
    // A second bulk change replaces some records and removes others.
    g.change_with("edit", |g| {
        for n in (0..150).step_by(3) {
            g.update_source(Source::new(format!("s{n}"), SourceKind::Outlet, "Renamed"))?;
        }
        for n in (1..150).step_by(7) {
            g.remove_claim(&format!("c{n}"))?;
        }
        Ok(())
    })?;
    let expected = g.graph().clone();
    drop(g);
    let g = ClaimGraph::open(&path)?;
    assert_eq!(*g.graph(), expected);
    assert_eq!(g.source("s3").map(|s| s.name.as_str()), Some("Renamed"));
    assert!(g.claim("c8").is_none());
    let actions: Vec<_> = g.history("s3")?.iter().map(|e| e.action).collect();
    assert_eq!(actions, [Action::Add, Action::Update]);
    let check = g.verify_history()?;
    assert!(check.intact(), "{:?}", check.problem);
    assert_eq!(check.events, 450 + 50 + 2 * 22);
    Ok(())
}

/// A graph of `n` outlets, each asserting its own claim: `3 n` records.
fn outlets_and_claims(n: usize) -> claimgraph::Result<ClaimGraph> {
    let mut g = ClaimGraph::new();
    for i in 0..n {
        g.add_source(Source::new(
            format!("s{i}"),
            SourceKind::Outlet,
            format!("Outlet {i}"),
        ))?;
        g.add_claim(Claim::new(format!("c{i}"), format!("Claim {i}")))?;
        g.add_attribution(Attribution::new(
            format!("s{i}"),
            format!("c{i}"),
            Stance::Asserts,
        ))?;
    }
    Ok(g)
}

#[test]
fn a_first_bulk_change_of_thousands_of_records_is_logged_in_order_and_reopens(
) -> claimgraph::Result<()> {
    // The first change of a new database is written without comparing graphs; its events must
    // come out as a comparison with the empty graph would list them.
    let dir = temp();
    let path = dir.path().join("desk.db");
    let bulk = outlets_and_claims(1700)?;
    let mut g = ClaimGraph::open(&path)?;
    g.set_actor("desk:bulk");
    g.change_with("import", |g| g.merge(&bulk, MergePolicy::Fail))?;
    let expected = g.graph().clone();
    drop(g);
    let g = ClaimGraph::open(&path)?;
    assert_eq!(*g.graph(), expected);
    let events = g.change_events(1)?;
    assert_eq!(events.len(), 5100);
    assert!(events
        .iter()
        .all(|e| e.action == Action::Add && e.actor == "desk:bulk"));
    let kinds: Vec<RecordKind> = events.iter().map(|e| e.kind).collect();
    let mut grouped = kinds.clone();
    grouped.dedup();
    assert_eq!(
        grouped,
        [
            RecordKind::Source,
            RecordKind::Claim,
            RecordKind::Attribution
        ]
    );
    for kind in [
        RecordKind::Source,
        RecordKind::Claim,
        RecordKind::Attribution,
    ] {
        let ids: Vec<&str> = events
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.id.as_str())
            .collect();
        assert!(
            ids.windows(2).all(|w| w[0] < w[1]),
            "{kind} events not by id"
        );
    }
    assert_eq!(events.first().map(|e| e.seq), Some(1));
    assert_eq!(events.last().map(|e| e.seq), Some(5100));
    let check = g.verify_history()?;
    assert!(check.intact(), "{:?}", check.problem);
    assert_eq!(check.events, 5100);
    Ok(())
}

#[test]
fn a_first_bulk_change_inside_a_transaction_is_rolled_back_or_committed_whole(
) -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    let bulk = outlets_and_claims(1500)?;
    let mut g = ClaimGraph::open(&path)?;
    g.begin()?;
    g.change_with("import", |g| g.merge(&bulk, MergePolicy::Fail))?;
    g.add_claim(Claim::new("later", "Added after the import"))?;
    assert_eq!(g.counts().claims, 1501);
    g.rollback()?;
    assert!(g.graph().is_empty());
    assert_eq!(g.last_change(), 0);

    // The same again, committed, then undone as one change.
    g.transaction(|g| {
        g.change_with("import", |g| g.merge(&bulk, MergePolicy::Fail))?;
        g.add_claim(Claim::new("later", "Added after the import"))
    })?;
    drop(g);
    let mut g = ClaimGraph::open(&path)?;
    assert_eq!(g.counts().claims, 1501);
    assert_eq!(g.change_events(1)?.len(), 4500);
    g.undo_last()?;
    g.undo(1)?;
    assert!(g.graph().is_empty());
    let check = g.verify_history()?;
    assert!(check.intact(), "{:?}", check.problem);
    assert_eq!(check.events, 4500 + 1 + 1 + 4500);
    Ok(())
}

#[test]
fn attributions_of_every_shape_reopen_as_they_were() -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    let expected = {
        let mut g = ClaimGraph::open(&path)?;
        small_desk(&mut g)?;
        // Ids and quotes that hold escapes in JSON, a modality, a date: the plain shape with
        // every field it may have, beside the one with a hop that small_desk adds.
        g.add_source(Source::new(
            "tab\\source \"q\"",
            SourceKind::Person,
            "A source",
        ))?;
        g.add_claim(Claim::new("claim é\u{1F600}", "A claim with \"quotes\""))?;
        g.add_attribution(
            Attribution::new("tab\\source \"q\"", "claim é\u{1F600}", Stance::Doubts)
                .modality(claimgraph::Modality::Alleged)
                .said("2024-06-18".parse()?)
                .quote("he said \"no\"\n"),
        )?;
        g.add_attribution(Attribution::new("politifact", "abuse", Stance::Asserts))?;
        // A basis and a second claim covered; and a plain attribution whose quote holds the
        // text of those keys, which the reading must not take for fields.
        g.add_claim(Claim::new("cover-up", "The church hid the reports"))?;
        g.add_attribution(
            Attribution::new("abc", "abuse", Stance::Asserts)
                .basis("church")
                .covers("cover-up"),
        )?;
        g.add_attribution(
            Attribution::new("abc", "cover-up", Stance::Doubts)
                .quote(r#"the file read {"via": ["x"], "basis": [], "covers": ["y"]}"#),
        )?;
        g.graph().clone()
    };
    let g = ClaimGraph::open(&path)?;
    assert_eq!(*g.graph(), expected);
    let a = g.attribution("tab\\source \"q\":doubts:claim é\u{1F600}");
    assert_eq!(a.and_then(|a| a.quote).as_deref(), Some("he said \"no\"\n"));
    let covering = g.attributions_of("cover-up")?;
    assert_eq!(covering.len(), 2, "{covering:?}");
    assert!(covering.iter().any(|a| a.basis == ["church"]));
    assert!(covering
        .iter()
        .any(|a| a.basis.is_empty() && a.via.is_empty()));
    Ok(())
}

/// A database with small_desk's records and one plain attribution (event 7), its file closed.
fn damaged_desk(dir: &std::path::Path, name: &str, damage: &str) -> claimgraph::Result<Error> {
    let path = dir.join(name);
    {
        let mut g = ClaimGraph::open(&path)?;
        small_desk(&mut g)?;
        g.add_attribution(Attribution::new("politifact", "abuse", Stance::Doubts))?;
        assert_eq!(g.history("politifact:doubts:abuse")?[0].seq, 7);
    }
    rusqlite::Connection::open(&path)
        .expect("open")
        .execute_batch(damage)
        .expect("damage");
    match ClaimGraph::open(&path) {
        Ok(_) => panic!("{name}: a damaged database opened"),
        Err(e) => Ok(e),
    }
}

#[test]
fn a_damaged_record_is_refused_naming_its_event() -> claimgraph::Result<()> {
    let dir = temp();
    let cases: [(&str, &str, &[&str]); 7] = [
        (
            "unreadable JSON",
            r#"UPDATE events SET after = '{"id": "politifact:doubts:abuse", "source":' WHERE seq = 7"#,
            &["event 7"],
        ),
        (
            "a value that is not text",
            "UPDATE events SET after = x'7b7d' WHERE seq = 7",
            &["event 7", "not text"],
        ),
        (
            "a blank quote",
            r#"UPDATE events SET after = replace(after, '"stance":"doubts"', '"stance":"doubts","quote":"  "') WHERE seq = 7"#,
            &["event 7", "politifact:doubts:abuse", "quote"],
        ),
        (
            "a claim that is not there",
            r#"UPDATE events SET after = replace(after, '"claim":"abuse"', '"claim":"nothing"') WHERE seq = 7"#,
            &["event 7", "politifact:doubts:abuse", "nothing"],
        ),
        (
            "an attribution with a hop, its claim gone",
            "UPDATE events SET live = 0 WHERE seq = 4",
            &["event 5", "church:denies:abuse", "abuse"],
        ),
        (
            "a relation to a claim",
            r#"UPDATE events SET after = replace(after, '"to":"church"', '"to":"abuse"') WHERE seq = 6"#,
            &["event 6", "abc:cites:church", "abuse"],
        ),
        (
            "a record held twice",
            "INSERT INTO events (seq, change, at, actor, reason, operation, undoes, action, kind,
                                 id, before, after, hash, live)
             SELECT 100, change, at, actor, reason, operation, undoes, action, kind, id, before,
                    after, hash, 1 FROM events WHERE seq = 2",
            &["\"abc\"", "event"],
        ),
    ];
    for (n, (what, damage, expected)) in cases.into_iter().enumerate() {
        let err = damaged_desk(dir.path(), &format!("case{n}.db"), damage)?;
        let message = err.to_string();
        for part in expected {
            assert!(message.contains(part), "{what}: {message:?} lacks {part:?}");
        }
    }
    Ok(())
}

/// How many rows a table of the database holds.
fn rows_in(path: &std::path::Path, table: &str) -> i64 {
    rusqlite::Connection::open(path)
        .expect("open")
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

#[test]
fn a_first_bulk_change_of_long_texts_is_cut_into_blocks_of_at_most_a_mebibyte(
) -> claimgraph::Result<()> {
    // The first change of a new database serializes each record straight into its block, its
    // length unknown until then: a record that makes a block too large starts the next one, and
    // a record larger than a block is a block of its own.
    let dir = temp();
    let path = dir.path().join("desk.db");
    let mut bulk = ClaimGraph::new();
    for i in 0..300 {
        let text = format!("Claim {i}: {}", "a long text ".repeat(900));
        bulk.add_claim(Claim::new(format!("c{i:03}"), text))?;
    }
    bulk.add_claim(Claim::new("huge", "x".repeat(3 << 20)))?;
    let mut g = ClaimGraph::open(&path)?;
    g.change_with("import", |g| g.merge(&bulk, MergePolicy::Fail))?;
    drop(g);
    let db = rusqlite::Connection::open(&path).expect("open");
    let blocks: Vec<(i64, i64, i64)> = db
        .prepare("SELECT first_seq, last_seq, size FROM blocks ORDER BY first_seq")
        .and_then(|mut q| {
            q.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect()
        })
        .expect("blocks");
    drop(db);
    // 301 events of about 10.8 kB (3 MiB for the huge one): several blocks, in order, none
    // of more than one event over a mebibyte.
    assert!(blocks.len() >= 5, "{blocks:?}");
    assert_eq!(blocks[0].0, 1);
    assert_eq!(blocks[blocks.len() - 1].1, 301);
    assert!(
        blocks.windows(2).all(|w| w[1].0 == w[0].1 + 1),
        "{blocks:?}"
    );
    for &(first, last, size) in &blocks {
        assert!(size <= 1 << 20 || first == last, "{blocks:?}");
    }
    assert!(blocks.iter().any(|&(f, l, s)| f == l && s > 3 << 20));
    let g = ClaimGraph::open(&path)?;
    assert_eq!(*g.graph(), bulk);
    assert!(g.verify_history()?.intact());
    assert_eq!(g.history("c150")?.len(), 1);
    Ok(())
}

/// Overwrites the events of the block starting at `first` with zeros.
fn zero_block(path: &std::path::Path, first: i64) {
    rusqlite::Connection::open(path)
        .expect("open")
        .execute(
            "UPDATE blocks SET events = zeroblob(length(events)) WHERE first_seq = ?1",
            [first],
        )
        .expect("damage");
}

#[test]
fn a_version_2_database_is_brought_to_version_3_and_then_keeps_bulk_changes_in_blocks(
) -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    let expected = {
        let mut g = ClaimGraph::open(&path)?;
        small_desk(&mut g)?;
        g.graph().clone()
    };
    // Version 2 had the log of events only.
    rusqlite::Connection::open(&path)
        .expect("open")
        .execute_batch("DROP TABLE blocks; DROP TABLE replaced; PRAGMA user_version = 2;")
        .expect("write a version 2 database");
    {
        let mut g = ClaimGraph::open(&path)?;
        assert_eq!(*g.graph(), expected);
        g.merge(&outlets_and_claims(100)?, MergePolicy::Fail)?;
    }
    let version: u32 = rusqlite::Connection::open(&path)
        .expect("open")
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("version");
    assert_eq!(version, 3);
    assert!(rows_in(&path, "blocks") > 0);
    let g = ClaimGraph::open(&path)?;
    assert_eq!(g.counts().claims, expected.counts().claims + 100);
    assert!(g.verify_history()?.intact());
    Ok(())
}

#[test]
fn a_bulk_change_is_kept_in_blocks_read_back_event_by_event_and_checked_block_by_block(
) -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    let bulk = outlets_and_claims(1700)?;
    {
        let mut g = ClaimGraph::open(&path)?;
        g.add_claim(Claim::new("first", "Written as a row"))?;
        g.set_actor("desk:bulk");
        g.merge(&bulk, MergePolicy::Fail)?;
        g.add_claim(Claim::new("last", "Written as a row too"))?;
    }
    // Two single changes as rows; the 5,100 events of the merge in blocks of one kind each.
    assert_eq!(rows_in(&path, "events"), 2);
    assert!(
        rows_in(&path, "blocks") >= 6,
        "{}",
        rows_in(&path, "blocks")
    );
    let g = ClaimGraph::open(&path)?;
    assert_eq!(g.counts().claims, 1702);
    let all = g.history_since(chrono::DateTime::<chrono::Utc>::MIN_UTC)?;
    assert_eq!(all.len(), 5102);
    assert!(all.iter().zip(1..).all(|(e, n)| e.seq == n));
    assert_eq!(all[1].actor, "desk:bulk");
    let mut hashes: Vec<&str> = all.iter().map(|e| e.hash.as_str()).collect();
    hashes.sort_unstable();
    hashes.dedup();
    assert_eq!(
        hashes.len(),
        5102,
        "every event has its own link in the chain"
    );
    // One record's history reads the block holding it, with the same event as the log's.
    let s5 = g.history("s5")?;
    assert_eq!(s5.len(), 1);
    assert_eq!(Some(&s5[0]), all.iter().find(|e| e.id == "s5"));
    assert_eq!(g.change_events(2)?.len(), 5100);
    let check = g.verify_history()?;
    assert!(check.intact(), "{:?}", check.problem);
    assert_eq!(check.events, 5102);
    drop(g);

    // A block's shared field altered: the check names the block's first event.
    let db = rusqlite::Connection::open(&path).expect("open");
    let (first, last): (i64, i64) = db
        .query_row(
            "SELECT first_seq, last_seq FROM blocks ORDER BY first_seq LIMIT 1 OFFSET 2",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("third block");
    db.execute(
        "UPDATE blocks SET actor = 'desk:mallory' WHERE first_seq = ?1",
        [first],
    )
    .expect("tamper");
    drop(db);
    let g = ClaimGraph::open(&path)?;
    let check = g.verify_history()?;
    assert_eq!(check.first_altered, Some(first as u64));
    let problem = check.problem.unwrap_or_default();
    assert!(
        problem.contains(&format!("block of events {first}-{last}")),
        "{problem}"
    );
    drop(g);

    // Its events' bytes damaged: opening names the block instead of reading garbage.
    zero_block(&path, first);
    let err = ClaimGraph::open(&path).expect_err("damaged block");
    assert!(
        err.to_string()
            .contains(&format!("block of events {first}-{last} is damaged")),
        "{err}"
    );
    Ok(())
}

#[test]
fn a_damaged_block_anywhere_in_the_log_is_named_and_the_earliest_is_named_first(
) -> claimgraph::Result<()> {
    // A damage in the last block is found, and of two the earlier is the one reported, as a
    // reading in the log's order finds it.
    let dir = temp();
    let path = dir.path().join("desk.db");
    {
        let mut g = ClaimGraph::open(&path)?;
        g.merge(&outlets_and_claims(1700)?, MergePolicy::Fail)?;
    }
    let g = ClaimGraph::open(&path)?;
    assert_eq!(g.counts().attributions, 1700);
    drop(g);
    let db = rusqlite::Connection::open(&path).expect("open");
    let blocks: Vec<(i64, i64)> = db
        .prepare("SELECT first_seq, last_seq FROM blocks ORDER BY first_seq")
        .and_then(|mut q| q.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .expect("blocks");
    assert!(blocks.len() >= 10, "{blocks:?}");
    drop(db);
    let damage = |first: i64| zero_block(&path, first);
    let names = |(first, last): (i64, i64)| {
        let err = ClaimGraph::open(&path).expect_err("damaged block");
        let message = err.to_string();
        assert!(
            message.contains(&format!("block of events {first}-{last} is damaged")),
            "{message}"
        );
    };
    let last = blocks[blocks.len() - 1];
    damage(last.0);
    names(last);
    let late = blocks[blocks.len() / 2 - 1];
    damage(late.0);
    names(late);
    Ok(())
}

#[test]
fn records_held_in_blocks_are_updated_removed_undone_and_reopened_like_any_other(
) -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    let bulk = outlets_and_claims(1700)?;
    let mut g = ClaimGraph::open(&path)?;
    g.merge(&bulk, MergePolicy::Fail)?;
    std::thread::sleep(Duration::from_millis(5));
    let imported = chrono::Utc::now();
    std::thread::sleep(Duration::from_millis(5));
    // Single changes to records whose values lie in blocks.
    g.update_source(Source::new("s5", SourceKind::Outlet, "Renamed once"))?;
    g.remove_claim("c7")?;
    g.remove_source("s8")?;
    // A bulk change replacing block-held records: every source renamed.
    g.change_with("rename", |g| {
        for n in 0..1700 {
            g.update_source(Source::new(
                format!("s{n}"),
                SourceKind::Outlet,
                format!("Outlet {n}, renamed"),
            ))
            .or_else(|e| {
                if n == 8 {
                    Ok(Source::new("s8", SourceKind::Outlet, ""))
                } else {
                    Err(e)
                }
            })?;
        }
        Ok(())
    })?;
    let renamed = g.graph().clone();
    drop(g);

    let mut g = ClaimGraph::open(&path)?;
    assert!(*g.graph() == renamed, "the renamed graph reopens");
    assert_eq!(
        g.source("s5").map(|s| s.name.as_str()),
        Some("Outlet 5, renamed")
    );
    assert!(g.claim("c7").is_none() && g.source("s8").is_none());
    let actions: Vec<Action> = g.history("s5")?.iter().map(|e| e.action).collect();
    assert_eq!(actions, [Action::Add, Action::Update, Action::Update]);
    let removed: Vec<Action> = g
        .history("s7:asserts:c7")?
        .iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(removed, [Action::Add, Action::Remove]);
    assert!(
        g.as_of_edit(imported)? == bulk,
        "as edited up to the import"
    );

    // The bulk rename undone (a bulk change itself), then the import's state of s5 is back
    // after the single changes are undone too.
    g.undo_last()?;
    assert_eq!(
        g.source("s5").map(|s| s.name.as_str()),
        Some("Renamed once")
    );
    let undone = g.graph().clone();
    drop(g);
    let mut g = ClaimGraph::open(&path)?;
    assert!(*g.graph() == undone, "the undone rename reopens");
    // Changes 4, 3 and 2: the removal of s8, of c7, the renaming of s5.
    for change in [4, 3, 2] {
        g.undo(change)?;
    }
    assert!(*g.graph() == bulk, "the import's graph is back");
    drop(g);
    let g = ClaimGraph::open(&path)?;
    assert!(*g.graph() == bulk, "the import's graph reopens");
    let check = g.verify_history()?;
    assert!(check.intact(), "{:?}", check.problem);
    Ok(())
}

#[test]
fn a_damaged_block_is_an_error_never_a_panic_or_a_huge_allocation() -> claimgraph::Result<()> {
    let dir = temp();
    let path = dir.path().join("desk.db");
    {
        let mut g = ClaimGraph::open(&path)?;
        g.merge(&outlets_and_claims(200)?, MergePolicy::Fail)?;
    }
    let pristine = std::fs::read(&path).expect("read");
    let (first, len): (i64, i64) = rusqlite::Connection::open(&path)
        .expect("open")
        .query_row(
            "SELECT first_seq, length(events) FROM blocks ORDER BY first_seq LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("a block");
    let damages = [
        // A size far beyond what the bytes can unpack to: refused before it is allocated.
        "UPDATE blocks SET size = 1 << 40 WHERE first_seq = ?1".to_owned(),
        "UPDATE blocks SET size = size - 1 WHERE first_seq = ?1".to_owned(),
        "UPDATE blocks SET last_seq = last_seq + 5 WHERE first_seq = ?1".to_owned(),
        "UPDATE blocks SET kind = 'rumour' WHERE first_seq = ?1".to_owned(),
        "UPDATE blocks SET events = substr(events, 1, length(events) / 2) WHERE first_seq = ?1"
            .to_owned(),
        "UPDATE blocks SET previous = x'00' WHERE first_seq = ?1".to_owned(),
    ]
    .into_iter()
    .chain((0..len).step_by(97).map(|at| {
        format!(
            "UPDATE blocks SET events = substr(events, 1, {at}) || x'ff' || substr(events, {}) \
             WHERE first_seq = ?1",
            at + 2
        )
    }));
    for damage in damages {
        std::fs::write(&path, &pristine).expect("restore");
        rusqlite::Connection::open(&path)
            .expect("open")
            .execute(&damage, [first])
            .expect("damage");
        // Opening, checking and reading a record's history each answer or say what is wrong.
        match ClaimGraph::open(&path) {
            Ok(g) => {
                let _ = g.verify_history();
                let _ = g.history("s1");
                let _ = g.history_since(chrono::DateTime::<chrono::Utc>::MIN_UTC);
            }
            Err(e) => assert!(matches!(e, Error::Database { .. }), "{damage}: {e}"),
        }
    }
    Ok(())
}
