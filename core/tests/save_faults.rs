//! Saving under faults: what a save refuses to replace, read-only folders, a full disk, long
//! names, the temporary files of killed saves, and hundreds of saves killed at random moments.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claimgraph::{Attribution, Claim, ClaimGraph, Error, Source, SourceKind, Stance};

/// A graph of `n` claims each asserted by one of a few sources; `tag` makes two graphs differ.
fn graph(n: usize, tag: &str) -> ClaimGraph {
    let mut g = ClaimGraph::new();
    for s in 0..8 {
        g.add_source(Source::new(
            format!("s{s}"),
            SourceKind::Outlet,
            format!("Outlet {s}"),
        ))
        .unwrap();
    }
    for c in 0..n {
        g.add_claim(Claim::new(format!("c{c}"), format!("Claim {c} ({tag})")))
            .unwrap();
        g.add_attribution(Attribution::new(
            format!("s{}", c % 8),
            format!("c{c}"),
            Stance::Asserts,
        ))
        .unwrap();
    }
    g
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn io_error(result: claimgraph::Result<()>, target: &Path) -> std::io::Error {
    match result {
        Err(Error::Io { path, source, .. }) => {
            assert_eq!(path, target);
            source
        }
        other => panic!("expected an I/O error, got {other:?}"),
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A tmpfs mounted for one test, unmounted when dropped; `None` where mounting is not allowed.
struct Mount(PathBuf);

impl Mount {
    fn tmpfs(at: &Path, options: &str) -> Option<Mount> {
        fs::create_dir_all(at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        ok.then(|| Mount(at.to_path_buf()))
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

// ----- what a save refuses ---------------------------------------------------------------------

#[test]
fn a_named_pipe_at_the_path_is_refused_and_left_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("graph.json");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let e = io_error(graph(3, "a").save(&fifo), &fifo);
    assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput, "{e}");
    assert!(e.to_string().contains("not a regular file"), "{e}");
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(files_in(dir.path()), ["graph.json"]);
}

#[test]
fn a_device_node_at_the_path_is_refused_and_left_a_device() {
    if !is_root() {
        eprintln!("not root: mknod is not allowed, the pipe test covers non-regular files");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let null = dir.path().join("null");
    // The same device as /dev/null, made in a scratch folder so nothing of the system is at stake.
    assert!(Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .status()
        .unwrap()
        .success());
    io_error(graph(3, "a").save(&null), &null);
    use std::os::unix::fs::FileTypeExt;
    assert!(fs::symlink_metadata(&null)
        .unwrap()
        .file_type()
        .is_char_device());
}

#[test]
fn a_write_protected_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.json");
    graph(3, "old").save(&path).unwrap();
    let before = fs::read(&path).unwrap();
    let mut perms = fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms).unwrap();
    let e = io_error(graph(3, "new").save(&path), &path);
    assert_eq!(e.kind(), std::io::ErrorKind::PermissionDenied, "{e}");
    assert!(e.to_string().contains("write-protected"), "{e}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(files_in(dir.path()), ["graph.json"]);
}

#[test]
fn a_folder_at_the_path_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("graph.json");
    fs::create_dir(&target).unwrap();
    let e = io_error(graph(3, "a").save(&target), &target);
    assert_eq!(e.kind(), std::io::ErrorKind::IsADirectory, "{e}");
    assert_eq!(files_in(dir.path()), ["graph.json"]);
    assert!(files_in(&target).is_empty());
}

#[test]
fn a_symbolic_link_is_replaced_and_the_file_it_named_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    fs::write(&real, "not a graph").unwrap();
    let link = dir.path().join("graph.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let g = graph(3, "a");
    g.save(&link).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_file());
    assert_eq!(ClaimGraph::load(&link).unwrap(), g);
    assert_eq!(fs::read_to_string(&real).unwrap(), "not a graph");
}

// ----- file names ------------------------------------------------------------------------------

#[test]
fn a_file_name_near_the_longest_allowed_saves_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    for len in [200, 230, 250, 255] {
        let name = format!("{}.json", "g".repeat(len - 5));
        assert_eq!(name.len(), len);
        let path = dir.path().join(&name);
        let g = graph(2, &name);
        g.save(&path)
            .unwrap_or_else(|e| panic!("a {len}-byte name: {e}"));
        assert_eq!(ClaimGraph::load(&path).unwrap(), g);
        g.save(&path).unwrap();
    }
    assert_eq!(files_in(dir.path()).len(), 4);
}

// ----- temporary files -------------------------------------------------------------------------

#[test]
fn the_next_save_removes_the_temporary_files_of_killed_saves_but_not_of_live_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.json");
    // What a killed save leaves: a temporary file nobody holds.
    let stale = dir.path().join(".graph.json.tmp-4000000-7");
    fs::write(&stale, "{\"format\": \"claim").unwrap();
    // A save in progress elsewhere holds its temporary file locked.
    let live = dir.path().join(".graph.json.tmp-4000001-0");
    let held = fs::File::create(&live).unwrap();
    held.lock().unwrap();
    // Files that only look alike are not a save's.
    let notes = dir.path().join(".graph.json.tmp-notes");
    fs::write(&notes, "mine").unwrap();
    let other = dir.path().join(".other.json.tmp-4000000-7");
    fs::write(&other, "another file's").unwrap();

    graph(3, "a").save(&path).unwrap();
    assert!(!stale.exists(), "a stale temporary file was left");
    assert!(live.exists(), "a live save's temporary file was removed");
    assert!(notes.exists() && other.exists());
    drop(held);
    graph(3, "b").save(&path).unwrap();
    assert!(
        !live.exists(),
        "a temporary file released by its save was left"
    );
    assert_eq!(
        files_in(dir.path()),
        [
            ".graph.json.tmp-notes",
            ".other.json.tmp-4000000-7",
            "graph.json"
        ]
    );
}

#[test]
fn saves_from_many_threads_to_one_path_all_succeed_and_leave_one_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.json");
    let graphs: Vec<ClaimGraph> = (0..8).map(|t| graph(50, &t.to_string())).collect();
    std::thread::scope(|s| {
        for g in &graphs {
            let path = &path;
            s.spawn(move || {
                for _ in 0..10 {
                    g.save(path).unwrap();
                }
            });
        }
    });
    let loaded = ClaimGraph::load(&path).unwrap();
    assert!(graphs.contains(&loaded));
    assert_eq!(files_in(dir.path()), ["graph.json"]);
}

// ----- read-only folders and full disks --------------------------------------------------------

#[test]
fn saving_into_a_read_only_folder_is_an_io_error_and_leaves_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ro");
    let path = folder.join("graph.json");
    let _mount;
    if is_root() {
        // Permissions do not stop root: a read-only file system does.
        _mount = Mount::tmpfs(&folder, "ro");
        if _mount.is_none() {
            eprintln!("root without mount: read-only folders cannot be made here");
            return;
        }
    } else {
        fs::create_dir(&folder).unwrap();
        graph(3, "old").save(&path).unwrap();
        let mut p = fs::metadata(&folder).unwrap().permissions();
        p.set_readonly(true);
        fs::set_permissions(&folder, p).unwrap();
    }
    let before = fs::read(&path).ok();
    let e = io_error(graph(3, "new").save(&path), &path);
    assert!(
        matches!(
            e.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        ),
        "{e}"
    );
    assert_eq!(fs::read(&path).ok(), before);
    if !is_root() {
        let mut p = fs::metadata(&folder).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        p.set_readonly(false);
        fs::set_permissions(&folder, p).unwrap();
    }
}

/// A full disk: a 256 KiB tmpfs, where one can be mounted (CI runs as root).
#[test]
fn saving_onto_a_full_disk_is_an_io_error_and_leaves_the_old_file_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("small");
    let Some(_mount) = Mount::tmpfs(&folder, "size=256k") else {
        eprintln!("no tmpfs can be mounted here: the file size limit test stands in");
        return;
    };
    let small = graph(20, "old");
    let path = folder.join("graph.json");
    small.save(&path).unwrap();
    let e = io_error(graph(20_000, "new").save(&path), &path); // about 1.5 MB of JSON
    assert_eq!(e.kind(), std::io::ErrorKind::StorageFull, "{e}");
    assert_eq!(ClaimGraph::load(&path).unwrap(), small);
    assert_eq!(files_in(&folder), ["graph.json"]);
    // Once there is room again, a save works.
    graph(200, "fits").save(&path).unwrap();
    assert_eq!(files_in(&folder), ["graph.json"]);
}

/// A write that fails part way, anywhere: a child process under a file size limit (`ulimit -f`,
/// with the signal it raises ignored) sees its writes fail as they would on a full disk.
#[test]
fn a_write_failing_part_way_is_an_io_error_and_leaves_the_old_file_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.json");
    let small = graph(20, "old");
    small.save(&path).unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 256; trap '' XFSZ; exec \"$0\" \"$@\"")
        .arg(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_saving_until_killed",
            "--ignored",
            "--nocapture",
        ])
        .env(CHILD_PATH, &path)
        .env(CHILD_MODE, "once")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("save failed: cannot write"), "{said}");
    assert!(said.contains("graph.json"), "{said}");
    assert_eq!(ClaimGraph::load(&path).unwrap(), small);
    assert_eq!(files_in(dir.path()), ["graph.json"]);
}

// ----- saves killed at random moments ----------------------------------------------------------

const CHILD_PATH: &str = "CLAIMGRAPH_TEST_SAVE_PATH";
const CHILD_MODE: &str = "CLAIMGRAPH_TEST_SAVE_MODE";
const KILL_GRAPH_CLAIMS: usize = 1_000;

/// Not a test: the process the kill test starts and kills. It saves two graphs in turn until it
/// is killed (mode `loop`), or saves the big graph once and says how it went (mode `once`).
#[test]
#[ignore = "run by the fault tests as a child process"]
fn child_saving_until_killed() {
    let Some(path) = std::env::var_os(CHILD_PATH) else {
        return;
    };
    let mode = std::env::var(CHILD_MODE).unwrap_or_default();
    if mode == "once" {
        match graph(20_000, "new").save(&path) {
            Ok(()) => println!("saved"),
            Err(e) => println!("save failed: {e}"),
        }
        return;
    }
    let a = graph(KILL_GRAPH_CLAIMS, "a");
    let b = graph(KILL_GRAPH_CLAIMS, "b");
    println!("ready");
    loop {
        b.save(&path).unwrap();
        a.save(&path).unwrap();
    }
}

/// A small xorshift generator: the kill moments need to be spread, not unpredictable.
struct Moments(u64);

impl Moments {
    fn next_below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound.max(1)
    }
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_file_or_the_new_one_and_the_next_save_cleans_up() {
    let rounds: usize = std::env::var("CLAIMGRAPH_KILL_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.json");
    let a = graph(KILL_GRAPH_CLAIMS, "a");
    let b = graph(KILL_GRAPH_CLAIMS, "b");
    a.save(&path).unwrap();
    // One save's duration sets the range the kill moments are drawn from: up to three saves.
    let t = Instant::now();
    a.save(&path).unwrap();
    let save_micros = t.elapsed().as_micros().max(100) as u64;
    let mut moments = Moments(0x9E37_79B9_7F4A_7C15 ^ u64::from(std::process::id()));
    let (mut saw_a, mut saw_b, mut temps_left) = (0, 0, 0);
    for round in 0..rounds {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "child_saving_until_killed",
                "--ignored",
                "--nocapture",
            ])
            .env(CHILD_PATH, &path)
            .env(CHILD_MODE, "loop")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains("ready") {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "the child ended");
        }
        std::thread::sleep(Duration::from_micros(moments.next_below(3 * save_micros)));
        child.kill().unwrap();
        child.wait().unwrap();
        let loaded = ClaimGraph::load(&path)
            .unwrap_or_else(|e| panic!("round {round}: the file does not load: {e}"));
        if loaded == a {
            saw_a += 1;
        } else if loaded == b {
            saw_b += 1;
        } else {
            panic!("round {round}: the file holds neither graph");
        }
        if files_in(dir.path()).len() > 1 {
            temps_left += 1;
        }
    }
    eprintln!(
        "{rounds} kills (a save takes {save_micros} us): old graph {saw_a}, new graph {saw_b}, \
         a temporary file left after {temps_left}"
    );
    // The kills landed both between and inside saves.
    if rounds >= 100 {
        assert!(saw_a > 0 && saw_b > 0, "a {saw_a}, b {saw_b}");
        assert!(temps_left > 0, "no kill landed inside a save");
    }
    a.save(&path).unwrap();
    assert_eq!(files_in(dir.path()), ["graph.json"]);
}
