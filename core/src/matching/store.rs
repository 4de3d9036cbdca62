//! Saving a claim index beside its graph and reading it back.
//!
//! The file is binary, little-endian: a mark (`CGCLAIMX`), the format's version, the release of
//! claimgraph that wrote it (the words are analysed by that release's rules), the index
//! options, the fingerprint of the claims' texts, the tables of the index, and an FNV-1a
//! checksum of everything before it. The hash tables are not saved: they are rebuilt on reading,
//! so the file does not depend on a hasher's seed.

use std::io;
use std::path::Path;

use foldhash::fast::FixedState;
use hashbrown::HashMap;

use super::index::{ClaimIndex, Doc, IndexOptions, Phrase, PhraseKind, Term};
use super::text::Language;
use crate::error::{Error, Location, Result};
use crate::graph::ClaimGraph;

/// The first bytes of every claim index file.
const MARK: &[u8; 8] = b"CGCLAIMX";
/// The version of the layout this release reads and writes.
///
/// Version 2 (this one) codes postings and claims' words as varint deltas; version 1 files are
/// refused with [`Error::UnsupportedVersion`] naming both versions (build the index again).
pub const INDEX_FORMAT_VERSION: u32 = 2;
/// The name errors give the format.
const FORMAT: &str = "claim index";

/// What [`ClaimIndex::load_or_build`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexLoad {
    /// The saved index was the index of the graph, and was read.
    Loaded,
    /// There was no saved index: it was built and saved.
    Built,
    /// The saved index was of another state of the graph, other options or another release of
    /// claimgraph (the reason says which): it was built again and saved over the old one.
    Rebuilt(String),
}

/// A stable 64-bit FNV-1a hash, fed piece by piece.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Fnv {
    pub(crate) fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn bytes(mut self, bytes: &[u8]) -> Fnv {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self
    }

    /// A string, with its length first so that ("ab", "c") and ("a", "bc") differ.
    pub(crate) fn text(self, text: &str) -> Fnv {
        self.bytes(&(text.len() as u64).to_le_bytes())
            .bytes(text.as_bytes())
    }

    pub(crate) fn finish(self) -> u64 {
        self.0
    }
}

impl ClaimIndex {
    /// The index as the bytes of a claim index file (see [`ClaimIndex::save`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer(Vec::with_capacity(self.memory_bytes() / 2 + 64));
        w.0.extend_from_slice(MARK);
        w.u32(INDEX_FORMAT_VERSION);
        w.text(env!("CARGO_PKG_VERSION"));
        let o = self.options();
        w.text(o.language.as_str());
        for weight in [
            o.wording_weight,
            o.review_weight,
            o.name_weight,
            o.tag_weight,
        ] {
            w.u32(weight.to_bits());
        }
        w.u64(self.fingerprint);
        w.u32(self.live);
        w.u64(self.total_len);
        w.u64(self.total_gram_len);
        w.text(&self.arena);
        w.u64(self.docs.len() as u64);
        for (d, &len) in self.docs.iter().zip(&self.lens) {
            for x in [
                d.id_at,
                u32::from(d.id_len),
                len,
                d.words_at,
                d.words_len,
                d.phrases_at,
                d.phrases_len,
            ] {
                w.u32(x);
            }
            w.0.push(u8::from(d.live));
            w.u64(d.print);
        }
        w.u64(self.terms.len() as u64);
        for t in &self.terms {
            for x in [t.text_at, t.text_len, t.df, t.grams_at, t.grams_len] {
                w.u32(x);
            }
            w.0.push(u8::from(t.is_number));
            w.u32(t.last);
            let at = t.post_at as usize;
            w.bytes(&self.postings[at..at + t.post_len as usize]);
        }
        w.u64(self.phrases.len() as u64);
        for p in &self.phrases {
            w.0.push(p.kind as u8);
            for x in [p.text_at, p.text_len, p.df] {
                w.u32(x);
            }
            w.u32s(&p.docs);
        }
        w.bytes(&self.doc_words);
        w.u32s(&self.doc_phrases);
        w.u32s(&self.term_grams);
        let mut grams: Vec<(u32, u32)> = self
            .gram_words
            .iter()
            .chain(&self.gram_words_tail)
            .copied()
            .collect();
        grams.sort_unstable();
        w.u64(grams.len() as u64);
        for (g, t) in grams {
            w.u32(g);
            w.u32(t);
        }
        let mut df: Vec<(u32, u32)> = self.gram_df.iter().map(|(&g, &n)| (g, n)).collect();
        df.sort_unstable();
        w.u64(df.len() as u64);
        for (g, n) in df {
            w.u32(g);
            w.u32(n);
        }
        let sum = Fnv::new().bytes(&w.0).finish();
        w.u64(sum);
        w.0
    }

    /// Saves the index to `path`, replacing the file whole or not at all, to be read back with
    /// [`ClaimIndex::load`] (or kept beside the graph with [`ClaimIndex::load_or_build`]).
    ///
    /// Errors: [`Error::Io`] naming `path` when it cannot be written.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        let bytes = self.to_bytes();
        crate::io::replace::replace_file(path.as_ref(), |w| w.write_all(&bytes))
    }

    /// Reads an index from the bytes of a claim index file; `path`, when given, is the file
    /// the errors name.
    ///
    /// Errors: [`Error::Format`] for bytes that are not a claim index (a foreign file), a
    /// damaged or truncated one (its checksum or its tables do not hold together: the message
    /// says which table and where), or one written by another release of claimgraph (whose
    /// rules of analysis may differ: build it again); [`Error::UnsupportedVersion`] for a
    /// layout of another version.
    pub fn from_bytes(bytes: &[u8], path: Option<&Path>) -> Result<ClaimIndex> {
        match read(bytes, path)? {
            Read::Index(index) => Ok(*index),
            Read::OtherRelease(release) => Err(fault(
                path,
                format!(
                    "written by claimgraph {release}, whose analysis of words may differ from \
                     this release's ({}): build the index again",
                    env!("CARGO_PKG_VERSION")
                ),
            )),
        }
    }

    /// Reads the index saved at `path` by [`ClaimIndex::save`].
    ///
    /// ```
    /// use claimgraph::{Claim, ClaimGraph, ClaimIndex, SimilarOptions};
    /// let mut g = ClaimGraph::new();
    /// g.add_claim(Claim::new("visit", "Putin visited Pyongyang in June 2024"))?;
    /// let dir = std::env::temp_dir().join(format!("claimgraph-doc-index-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let path = dir.join("claims.index");
    /// ClaimIndex::new(&g).save(&path)?;
    /// let index = ClaimIndex::load(&path)?;
    /// assert!(index.is_index_of(&g));
    /// let hits = index.similar_claims("Putin in Pyongyang", &SimilarOptions::default());
    /// assert_eq!(hits[0].claim, "visit");
    /// std::fs::write(&path, b"not an index").unwrap();
    /// let err = ClaimIndex::load(&path).unwrap_err();
    /// assert!(err.to_string().contains("not a claim index"), "{err}");
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    ///
    /// Errors: [`Error::Io`] when the file cannot be read; otherwise those of
    /// [`ClaimIndex::from_bytes`], naming `path`.
    pub fn load(path: impl AsRef<Path>) -> Result<ClaimIndex> {
        let path = path.as_ref();
        ClaimIndex::from_bytes(&read_file(path)?, Some(path))
    }

    /// Whether this is the index of `graph`'s claims as they are now: the same claims with the
    /// same texts (own words, same-as wordings, fact-check summaries and links, names of
    /// subjects and sources, tags, quantities). Costs a pass over the graph, much less than
    /// building the index.
    pub fn is_index_of(&self, graph: &ClaimGraph) -> bool {
        let (mut sum, mut n) = (0u64, 0usize);
        for (id, ix) in super::index::claim_nodes(graph) {
            sum = sum.wrapping_add(self.print_of(id, &self.texts_of_node(graph, ix)));
            n += 1;
        }
        n == self.len() && sum == self.fingerprint
    }

    /// The index of `graph` with `options`, kept in the file `path` beside the graph: read from
    /// it when it is the index of the graph as it is now (see [`ClaimIndex::is_index_of`])
    /// with these options and this release; otherwise built and saved there. The answer says
    /// which.
    ///
    /// ```
    /// use claimgraph::{Claim, ClaimGraph, ClaimIndex, IndexLoad, IndexOptions};
    /// let mut g = ClaimGraph::new();
    /// g.add_claim(Claim::new("visit", "Putin visited Pyongyang in June 2024"))?;
    /// let dir = std::env::temp_dir().join(format!("claimgraph-doc-cache-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let path = dir.join("claims.index");
    /// let (_, how) = ClaimIndex::load_or_build(&g, &path, IndexOptions::default())?;
    /// assert_eq!(how, IndexLoad::Built);
    /// let (_, how) = ClaimIndex::load_or_build(&g, &path, IndexOptions::default())?;
    /// assert_eq!(how, IndexLoad::Loaded);
    /// g.add_claim(Claim::new("deal", "Russia and the DPRK signed a partnership"))?;
    /// let (index, how) = ClaimIndex::load_or_build(&g, &path, IndexOptions::default())?;
    /// assert!(matches!(how, IndexLoad::Rebuilt(_)));
    /// assert_eq!(index.len(), 2);
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    ///
    /// A file of an older format version is built again (and said so); one of a newer version
    /// is an error, as is a file at `path` that is not a claim index, or is damaged (it is left
    /// untouched: it may be something else); so are the errors of reading and saving.
    pub fn load_or_build(
        graph: &ClaimGraph,
        path: impl AsRef<Path>,
        options: IndexOptions,
    ) -> Result<(ClaimIndex, IndexLoad)> {
        let path = path.as_ref();
        let how = match std::fs::metadata(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => IndexLoad::Built,
            _ => match read(&read_file(path)?, Some(path)) {
                Err(Error::UnsupportedVersion { found, .. })
                    if found < u64::from(INDEX_FORMAT_VERSION) =>
                {
                    IndexLoad::Rebuilt(format!(
                        "it was written in claim index format {found}; this release writes \
                         format {INDEX_FORMAT_VERSION}"
                    ))
                }
                Err(e) => return Err(e),
                Ok(Read::OtherRelease(release)) => {
                    IndexLoad::Rebuilt(format!("it was written by claimgraph {release}"))
                }
                Ok(Read::Index(index)) if index.options() != &options => {
                    IndexLoad::Rebuilt("it was built with other options".into())
                }
                Ok(Read::Index(index)) if !index.is_index_of(graph) => {
                    IndexLoad::Rebuilt("the graph's claims have changed since".into())
                }
                Ok(Read::Index(index)) => return Ok((*index, IndexLoad::Loaded)),
            },
        };
        let index = ClaimIndex::with_options(graph, options);
        index.save(path)?;
        Ok((index, how))
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::Io {
        action: "read",
        path: path.to_path_buf(),
        source,
    })
}

fn fault(path: Option<&Path>, message: String) -> Error {
    Error::Format {
        format: FORMAT,
        location: Location {
            path: path.map(Path::to_path_buf),
            ..Location::default()
        },
        message,
    }
}

enum Read {
    Index(Box<ClaimIndex>),
    OtherRelease(String),
}

fn read(bytes: &[u8], path: Option<&Path>) -> Result<Read> {
    if bytes.len() < MARK.len() || &bytes[..MARK.len()] != MARK {
        return Err(fault(
            path,
            "not a claim index (it does not begin with the mark of one)".into(),
        ));
    }
    let mut r = Reader {
        bytes,
        at: MARK.len(),
        path,
    };
    let version = r.u32("format version")?;
    if version != INDEX_FORMAT_VERSION {
        return Err(Error::UnsupportedVersion {
            format: FORMAT,
            location: Location {
                path: path.map(Path::to_path_buf),
                ..Location::default()
            },
            found: u64::from(version),
            supported: u64::from(INDEX_FORMAT_VERSION),
        });
    }
    if bytes.len() < MARK.len() + 12 {
        return Err(r.damaged("the file is cut short"));
    }
    let (body, sum) = bytes.split_at(bytes.len() - 8);
    let mut sum_bytes = [0u8; 8];
    sum_bytes.copy_from_slice(sum);
    if Fnv::new().bytes(body).finish() != u64::from_le_bytes(sum_bytes) {
        return Err(r.damaged("its checksum does not match its contents (damaged or cut short)"));
    }
    r.bytes = body;
    let release = r.text("release")?;
    if release != env!("CARGO_PKG_VERSION") {
        return Ok(Read::OtherRelease(release));
    }
    let language: Language = r
        .text("language")?
        .parse()
        .map_err(|_| r.damaged("the language is not one the index knows"))?;
    let mut weights = [0f32; 4];
    for w in &mut weights {
        *w = f32::from_bits(r.u32("weights")?);
    }
    let options = IndexOptions {
        language,
        wording_weight: weights[0],
        review_weight: weights[1],
        name_weight: weights[2],
        tag_weight: weights[3],
    };
    let mut index = ClaimIndex::empty(options);
    index.fingerprint = r.u64("fingerprint")?;
    index.live = r.u32("claim count")?;
    index.total_len = r.u64("lengths")?;
    index.total_gram_len = r.u64("lengths")?;
    index.arena = r.text("texts")?;
    let n = r.count("claims", 37)?;
    index.docs.reserve(n);
    index.lens.reserve(n);
    for _ in 0..n {
        let mut x = [0u32; 7];
        for v in &mut x {
            *v = r.u32("claims")?;
        }
        let live = r.flag("claims")?;
        let print = r.u64("claims")?;
        let id_len = u16::try_from(x[1])
            .map_err(|_| r.damaged(&format!("a claim id of {} bytes in claims", x[1])))?;
        index.lens.push(x[2]);
        index.docs.push(Doc {
            id_at: x[0],
            id_len,
            words_at: x[3],
            words_len: x[4],
            phrases_at: x[5],
            phrases_len: x[6],
            live,
            print,
        });
    }
    let n = r.count("words", 33)?;
    index.terms.reserve(n);
    for _ in 0..n {
        let mut x = [0u32; 5];
        for v in &mut x {
            *v = r.u32("words")?;
        }
        let is_number = r.flag("words")?;
        let last = r.u32("words")?;
        let postings = r.bytes("words")?;
        let post_at = index.postings.len() as u32;
        index.postings.extend_from_slice(&postings);
        index.terms.push(Term {
            text_at: x[0],
            text_len: x[1],
            df: x[2],
            is_number,
            grams_at: x[3],
            grams_len: x[4],
            last,
            post_at,
            post_len: postings.len() as u32,
            post_cap: postings.len() as u32,
        });
    }
    let n = r.count("names and links", 21)?;
    index.phrases.reserve(n);
    for _ in 0..n {
        let kind = match r.byte("names and links")? {
            0 => PhraseKind::Name,
            1 => PhraseKind::Link,
            _ => return Err(r.damaged("a phrase of an unknown kind")),
        };
        let mut x = [0u32; 3];
        for v in &mut x {
            *v = r.u32("names and links")?;
        }
        let docs = r.u32s("names and links")?;
        index.phrases.push(Phrase {
            kind,
            text_at: x[0],
            text_len: x[1],
            df: x[2],
            docs,
        });
    }
    index.doc_words = r.bytes("claim words")?;
    index.doc_phrases = r.u32s("claim names")?;
    index.term_grams = r.u32s("n-grams")?;
    let n = r.count("n-gram words", 8)?;
    index.gram_words.reserve(n);
    for _ in 0..n {
        index
            .gram_words
            .push((r.u32("n-gram words")?, r.u32("n-gram words")?));
    }
    let n = r.count("n-gram counts", 8)?;
    let mut gram_df = HashMap::with_capacity_and_hasher(n, FixedState::default());
    for _ in 0..n {
        gram_df.insert(r.u32("n-gram counts")?, r.u32("n-gram counts")?);
    }
    index.gram_df = gram_df;
    if r.at != r.bytes.len() {
        return Err(r.damaged("bytes are left over after the last table"));
    }
    index.check_and_rehash().map_err(|what| r.damaged(&what))?;
    Ok(Read::Index(Box::new(index)))
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, x: u32) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    fn u64(&mut self, x: u64) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    fn text(&mut self, s: &str) {
        self.u64(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn u32s(&mut self, xs: &[u32]) {
        self.u64(xs.len() as u64);
        for &x in xs {
            self.u32(x);
        }
    }
    fn bytes(&mut self, xs: &[u8]) {
        self.u64(xs.len() as u64);
        self.0.extend_from_slice(xs);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    path: Option<&'a Path>,
}

impl Reader<'_> {
    fn damaged(&self, what: &str) -> Error {
        fault(
            self.path,
            format!("a damaged claim index: {what} (at byte {})", self.at),
        )
    }

    fn take(&mut self, n: usize, table: &str) -> Result<&[u8]> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| self.damaged(&format!("cut short in the table of {table}")))?;
        let piece = &self.bytes[self.at..end];
        self.at = end;
        Ok(piece)
    }

    fn byte(&mut self, table: &str) -> Result<u8> {
        Ok(self.take(1, table)?[0])
    }

    fn flag(&mut self, table: &str) -> Result<bool> {
        match self.byte(table)? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(self.damaged(&format!("a flag that is neither 0 nor 1 in {table}"))),
        }
    }

    fn u32(&mut self, table: &str) -> Result<u32> {
        let mut b = [0u8; 4];
        b.copy_from_slice(self.take(4, table)?);
        Ok(u32::from_le_bytes(b))
    }

    fn u64(&mut self, table: &str) -> Result<u64> {
        let mut b = [0u8; 8];
        b.copy_from_slice(self.take(8, table)?);
        Ok(u64::from_le_bytes(b))
    }

    /// A count of items of at least `size` bytes each, no more than the bytes left can hold
    /// (so a damaged count cannot ask for a huge allocation).
    fn count(&mut self, table: &str, size: usize) -> Result<usize> {
        let n = self.u64(table)?;
        let left = (self.bytes.len() - self.at) as u64;
        if n > left / size.max(1) as u64 {
            return Err(self.damaged(&format!(
                "the table of {table} claims more than the file holds"
            )));
        }
        Ok(n as usize)
    }

    fn text(&mut self, table: &str) -> Result<String> {
        let n = self.count(table, 1)?;
        let bytes = self.take(n, table)?.to_vec();
        String::from_utf8(bytes).map_err(|_| self.damaged(&format!("the {table} are not UTF-8")))
    }

    fn u32s(&mut self, table: &str) -> Result<Vec<u32>> {
        let n = self.count(table, 4)?;
        (0..n).map(|_| self.u32(table)).collect()
    }

    fn bytes(&mut self, table: &str) -> Result<Vec<u8>> {
        let n = self.count(table, 1)?;
        Ok(self.take(n, table)?.to_vec())
    }
}
