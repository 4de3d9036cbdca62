//! The claim index: inverted lists of stemmed words, per-claim word lists for re-ranking, and
//! the names and links of every claim.

use std::borrow::Cow;
use std::hash::BuildHasher;

use foldhash::fast::FixedState;
use hashbrown::hash_table::{Entry, HashTable};
use hashbrown::HashMap;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use super::store::Fnv;
use super::text::{grams_of, normalize_link, Analyzed, Analyzer, Language};

use crate::graph::{AttributionData, ClaimGraph, Edge, Node, VerdictData};
use crate::model::{ClaimRelationKind, Source, SourceKind, Stance};

/// How an index weighs the texts it takes from the graph for each claim.
///
/// A claim is indexed as its own text and everything the record says it is known by: its other
/// wordings (claims linked to it by same-as), the summaries of its fact-checks, the names and
/// aliases of its subjects and of the named sources that assert or deny it, its tags and its
/// quantity, and the links of its fact-checks and of the documents it was reported in. Each kind
/// of text counts with a weight: a word of a fact-check summary weighs `review_weight` times a
/// word of the claim's own text.
///
/// ```
/// use claimgraph::{ClaimGraph, ClaimIndex, IndexOptions, Language};
/// let g = ClaimGraph::new();
/// let index = ClaimIndex::with_options(&g, IndexOptions { language: Language::English, ..IndexOptions::default() });
/// assert!(index.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct IndexOptions {
    /// The language of the claims (stemming and common words).
    pub language: Language,
    /// Weight of the other wordings of a claim (same-as), relative to its own text.
    pub wording_weight: f32,
    /// Weight of the summaries of a claim's fact-checks.
    pub review_weight: f32,
    /// Weight of the names and aliases of a claim's subjects and named sources.
    pub name_weight: f32,
    /// Weight of a claim's tags.
    pub tag_weight: f32,
}

impl Default for IndexOptions {
    fn default() -> IndexOptions {
        IndexOptions {
            language: Language::English,
            wording_weight: 1.0,
            review_weight: 1.0,
            name_weight: 0.5,
            tag_weight: 0.5,
        }
    }
}

/// Character n-gram lengths compared when re-ranking.
pub(crate) const GRAMS: std::ops::RangeInclusive<usize> = 3..=5;
/// Term frequencies are stored in quarters (a summary word of weight 0.5 counts 2).
const TF_SCALE: f32 = 4.0;

/// Kinds of phrases kept per claim beside its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PhraseKind {
    Name,
    Link,
}

/// One indexed claim.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    pub(super) id_at: u32,
    /// Ids are at most [`MAX_ID_LEN`](crate::limits::MAX_ID_LEN) bytes.
    pub(super) id_len: u16,
    pub(super) words_at: u32,
    pub(super) words_len: u32,
    pub(super) phrases_at: u32,
    pub(super) phrases_len: u32,
    pub(crate) live: bool,
    /// The fingerprint of the claim's texts (see [`ClaimIndex::is_index_of`]).
    pub(super) print: u64,
}

/// A stem and where it occurs: its postings, (claim, weighted tf) in claim order, delta-coded
/// (the distance from the previous claim as a LEB128 varint, then the tf byte), so a posting
/// takes two bytes or three rather than eight. The postings of all words share one byte pool
/// ([`ClaimIndex::postings`]): a word holds where its block starts, how long it is and how
/// much room it has, rather than a vector of its own.
#[derive(Debug, Clone, Default)]
pub(crate) struct Term {
    pub(super) text_at: u32,
    pub(super) text_len: u32,
    pub(crate) df: u32,
    pub(crate) is_number: bool,
    pub(super) grams_at: u32,
    pub(super) grams_len: u32,
    /// The last claim of the postings (what the next one is coded from).
    pub(super) last: u32,
    pub(super) post_at: u32,
    pub(super) post_len: u32,
    pub(super) post_cap: u32,
}

/// Makes room in `v` for `need` more items, growing it by an eighth (not doubling it) when it
/// is full: a large index taking a few more claims keeps its size.
fn grow<T>(v: &mut Vec<T>, need: usize) {
    if v.capacity() - v.len() < need {
        v.reserve_exact(need.max(v.len() / 8));
    }
}

/// Appends `x` as a LEB128 varint (seven bits a byte, low bits first).
pub(super) fn put_varint(out: &mut Vec<u8>, mut x: u32) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// Decodes delta-coded (id, byte) pairs: the postings of a word (claims) or the words of a claim
/// (term ids). Stops at the end of the bytes, after `left` pairs, or at a malformed varint.
#[derive(Clone)]
pub(crate) struct Pairs<'a> {
    bytes: &'a [u8],
    at: usize,
    left: u32,
    prev: u32,
    started: bool,
}

impl<'a> Pairs<'a> {
    pub(super) fn new(bytes: &'a [u8], left: u32) -> Pairs<'a> {
        Pairs {
            bytes,
            at: 0,
            left,
            prev: 0,
            started: false,
        }
    }

    /// How far into the bytes the pairs read so far go.
    pub(super) fn position(&self) -> usize {
        self.at
    }
}

impl Iterator for Pairs<'_> {
    type Item = (u32, u8);

    #[inline]
    fn next(&mut self) -> Option<(u32, u8)> {
        if self.left == 0 {
            return None;
        }
        let mut gap: u32 = 0;
        let mut shift = 0u32;
        loop {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            if shift > 28 {
                self.left = 0;
                return None;
            }
            gap |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                break;
            }
            shift += 7;
        }
        let value = *self.bytes.get(self.at)?;
        self.at += 1;
        let id = if self.started {
            self.prev.wrapping_add(gap)
        } else {
            gap
        };
        self.started = true;
        self.prev = id;
        self.left -= 1;
        Some((id, value))
    }
}

/// A name or link and the claims that have it.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub(crate) kind: PhraseKind,
    pub(super) text_at: u32,
    pub(super) text_len: u32,
    pub(crate) df: u32,
    pub(crate) docs: Vec<u32>,
}

/// An index of a graph's claims, for finding the claims a new text is about.
///
/// Built from a graph with [`ClaimIndex::new`]; it does not follow later changes of the graph by
/// itself: [`refresh_claim`](ClaimIndex::refresh_claim) re-reads one claim after a change,
/// [`remove_claim`](ClaimIndex::remove_claim) forgets one, or build it again (7-9 seconds of one
/// core per million short claims, see the benchmarks). [`ClaimGraph::similar_claims`] builds one for a
/// single question.
///
/// ```
/// use claimgraph::{ClaimGraph, ClaimIndex, Claim, SimilarOptions};
/// let mut g = ClaimGraph::new();
/// g.add_claim(Claim::new("containers", "DPRK delivered 6,700 containers of munitions to Russia"))?;
/// g.add_claim(Claim::new("visit", "Putin visited Pyongyang in June 2024"))?;
/// let index = ClaimIndex::new(&g);
/// let hits = index.similar_claims("North Korea shipped munition containers to Russia", &SimilarOptions::default());
/// assert_eq!(hits[0].claim, "containers");
/// # Ok::<(), claimgraph::Error>(())
/// ```
#[derive(Clone)]
pub struct ClaimIndex {
    pub(crate) analyzer: Analyzer,
    pub(super) options: IndexOptions,
    pub(crate) docs: Vec<Doc>,
    /// Each claim's weighted length in words (quarters), beside `docs` rather than in it: the
    /// word ranking reads it for every posting, and a dense table of lengths is read from memory
    /// a sixteenth as often.
    pub(crate) lens: Vec<u32>,
    /// Each claim's length normalization in the word ranking, for the index as it is: made by
    /// the first question after a change (the mean length moves with every claim added or
    /// removed), so the ranking divides once a posting rather than twice.
    pub(crate) norms: std::sync::OnceLock<Vec<f32>>,
    pub(super) ids: HashTable<u32>,
    pub(super) arena: String,
    pub(super) terms: Vec<Term>,
    pub(super) term_ids: HashTable<u32>,
    pub(crate) phrases: Vec<Phrase>,
    pub(super) phrase_ids: HashTable<u32>,
    /// Per claim: (term id, weighted tf) pairs in term order, delta-coded as the postings are.
    pub(super) doc_words: Vec<u8>,
    /// The words' postings, a block per word (see [`Term`]); blocks outgrown by a word are left
    /// behind as garbage until [`ClaimIndex::compact_postings`].
    pub(super) postings: Vec<u8>,
    pub(super) garbage: usize,
    pub(super) doc_phrases: Vec<u32>,
    /// Each word's character n-grams (hashed), once each; none for numbers.
    pub(super) term_grams: Vec<u32>,
    /// (n-gram, word) for every word with n-grams, sorted: which words a word unknown to the
    /// index resembles. Words added since the last full build are in `gram_words_tail`.
    pub(super) gram_words: Vec<(u32, u32)>,
    pub(super) gram_words_tail: Vec<(u32, u32)>,
    /// Claims holding each character n-gram (approximate: hashed, and counted once per stem).
    pub(crate) gram_df: HashMap<u32, u32, FixedState>,
    pub(crate) live: u32,
    pub(crate) total_len: u64,
    pub(crate) total_gram_len: u64,
    /// The sum of the live claims' fingerprints: what [`ClaimIndex::is_index_of`] compares.
    pub(super) fingerprint: u64,
    pub(super) hasher: FixedState,
}

impl std::fmt::Debug for ClaimIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ClaimIndex({} claims, {} words, {})",
            self.live,
            self.terms.len(),
            self.analyzer.language()
        )
    }
}

/// The texts of one claim, gathered from the graph.
#[derive(Default)]
pub(super) struct ClaimTexts<'g> {
    /// (text, weight, whether capitalized names are read from it), borrowed from the graph.
    fields: Vec<(Cow<'g, str>, f32, bool)>,
    names: Vec<&'g str>,
    links: Vec<String>,
}

impl ClaimIndex {
    /// Indexes every claim of `graph`, in English, with the default weights.
    pub fn new(graph: &ClaimGraph) -> ClaimIndex {
        ClaimIndex::with_options(graph, IndexOptions::default())
    }

    /// Indexes every claim of `graph` with `options`.
    pub fn with_options(graph: &ClaimGraph, options: IndexOptions) -> ClaimIndex {
        let mut index = ClaimIndex::empty(options);
        let mut claims: Vec<(&str, NodeIndex)> = claim_nodes(graph).collect();
        claims.sort_unstable_by(|a, b| a.0.cmp(b.0));
        index.docs.reserve(claims.len());
        index.lens.reserve(claims.len());
        index.ids.reserve(claims.len(), |_| 0);
        let mut scratch = Scratch::default();
        for (id, ix) in claims {
            let texts = index.texts_of_node(graph, ix);
            index.add_doc(id, &texts, &mut scratch, false);
        }
        index.rebuild_gram_df();
        index
    }

    /// An index of no claims.
    pub fn empty(options: IndexOptions) -> ClaimIndex {
        ClaimIndex {
            analyzer: Analyzer::new(options.language),
            options,
            docs: Vec::new(),
            lens: Vec::new(),
            norms: std::sync::OnceLock::new(),
            ids: HashTable::new(),
            arena: String::new(),
            terms: Vec::new(),
            term_ids: HashTable::new(),
            phrases: Vec::new(),
            phrase_ids: HashTable::new(),
            doc_words: Vec::new(),
            postings: Vec::new(),
            garbage: 0,
            doc_phrases: Vec::new(),
            term_grams: Vec::new(),
            gram_words: Vec::new(),
            gram_words_tail: Vec::new(),
            gram_df: HashMap::with_hasher(FixedState::default()),
            live: 0,
            total_len: 0,
            total_gram_len: 0,
            fingerprint: 0,
            hasher: FixedState::default(),
        }
    }

    /// The options the index was built with.
    pub fn options(&self) -> &IndexOptions {
        &self.options
    }

    /// How many claims the index holds.
    pub fn len(&self) -> usize {
        self.live as usize
    }

    /// Whether the index holds no claim.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Whether the index holds the claim `id`.
    pub fn contains(&self, id: &str) -> bool {
        self.doc_of(id).is_some()
    }

    /// Re-reads the claim `id` from `graph` (after it was added or changed, or its same-as
    /// wordings, fact-checks, subjects or attributions were), or forgets it if the graph no
    /// longer has it. Returns whether the index now holds it.
    pub fn refresh_claim(&mut self, graph: &ClaimGraph, id: &str) -> bool {
        self.remove_claim(id);
        if graph.claim(id).is_none() {
            return false;
        }
        let texts = self.texts_of(graph, id);
        let mut scratch = Scratch::default();
        self.make_room();
        self.add_doc(id, &texts, &mut scratch, true);
        if self.garbage > self.postings.len() / 2 {
            self.compact_postings();
        }
        true
    }

    /// Before adding one claim to a built index: grows the tables by an eighth when they are
    /// (nearly) full, rather than doubling them, so a large index taking one more claim does not
    /// double its memory.
    fn make_room(&mut self) {
        grow(&mut self.docs, 1);
        grow(&mut self.lens, 1);
        grow(&mut self.terms, 64);
        grow(&mut self.doc_words, 1024);
        grow(&mut self.doc_phrases, 64);
        grow(&mut self.term_grams, 2048);
        if self.arena.capacity() - self.arena.len() < 1024 {
            self.arena
                .reserve_exact(1024usize.max(self.arena.len() / 8));
        }
    }

    /// Forgets the claim `id`; returns whether the index held it.
    pub fn remove_claim(&mut self, id: &str) -> bool {
        let Some(d) = self.doc_of(id) else {
            return false;
        };
        let hash = self.hasher.hash_one(id);
        if let Ok(e) = self.ids.find_entry(hash, |&x| x == d) {
            e.remove();
        }
        let doc = self.docs[d as usize].clone();
        self.docs[d as usize].live = false;
        self.norms.take();
        self.live -= 1;
        self.total_len = self
            .total_len
            .saturating_sub(u64::from(self.lens[d as usize]));
        self.total_gram_len = self
            .total_gram_len
            .saturating_sub(u64::from(self.gram_len(d)));
        self.fingerprint = self.fingerprint.wrapping_sub(doc.print);
        let words: Vec<(u32, u8)> = self.doc_words(d).collect();
        for (t, _) in words {
            let term = &mut self.terms[t as usize];
            term.df = term.df.saturating_sub(1);
            let (at, len) = (term.grams_at as usize, term.grams_len as usize);
            for g in &self.term_grams[at..at + len] {
                if let Some(c) = self.gram_df.get_mut(g) {
                    *c = c.saturating_sub(1);
                }
            }
        }
        for k in 0..doc.phrases_len {
            let p = self.doc_phrases[(doc.phrases_at + k) as usize];
            let phrase = &mut self.phrases[p as usize];
            phrase.df = phrase.df.saturating_sub(1);
        }
        true
    }

    /// Approximate heap bytes the index holds.
    pub fn memory_bytes(&self) -> usize {
        use std::mem::size_of;
        let rest = self.postings.capacity();
        let docs: usize = self.phrases.iter().map(|p| p.docs.capacity() * 4).sum();
        self.docs.capacity() * size_of::<Doc>()
            + self.lens.capacity() * 4
            + self.norms.get().map_or(0, |n| n.capacity() * 4)
            + self.ids.capacity() * 5
            + self.arena.capacity()
            + self.terms.capacity() * size_of::<Term>()
            + rest
            + self.term_ids.capacity() * 5
            + self.phrases.capacity() * size_of::<Phrase>()
            + docs
            + self.phrase_ids.capacity() * 5
            + self.doc_words.capacity()
            + self.doc_phrases.capacity() * 4
            + self.term_grams.capacity() * 4
            + (self.gram_words.capacity() + self.gram_words_tail.capacity()) * 8
            + self.gram_df.capacity() * 9
    }

    // ---- reading ----------------------------------------------------------------------------

    pub(crate) fn doc_of(&self, id: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(id);
        self.ids
            .find(hash, |&d| self.doc_id(d) == id)
            .copied()
            .filter(|&d| self.docs[d as usize].live)
    }

    pub(crate) fn doc_id(&self, d: u32) -> &str {
        let doc = &self.docs[d as usize];
        &self.arena[doc.id_at as usize..doc.id_at as usize + usize::from(doc.id_len)]
    }

    pub(crate) fn doc_words(&self, d: u32) -> Pairs<'_> {
        let doc = &self.docs[d as usize];
        Pairs::new(
            self.doc_words
                .get(doc.words_at as usize..)
                .unwrap_or_default(),
            doc.words_len,
        )
    }

    /// A claim's weighted length in character n-grams (quarters).
    pub(crate) fn gram_len(&self, d: u32) -> u32 {
        self.doc_words(d)
            .map(|(t, f)| u32::from(f).saturating_mul(self.terms[t as usize].grams_len))
            .fold(0u32, u32::saturating_add)
    }

    /// Every (doc, tf) posting of the word `t`, dead claims included.
    pub(crate) fn postings(&self, t: u32) -> Pairs<'_> {
        let term = &self.terms[t as usize];
        let (at, len) = (term.post_at as usize, term.post_len as usize);
        Pairs::new(
            self.postings.get(at..at + len).unwrap_or_default(),
            u32::MAX,
        )
    }

    /// Appends the posting (doc, tf) to the word `t`, moving its block to the end of the pool
    /// (a quarter larger) when it is full.
    fn push_posting(&mut self, t: u32, doc: u32, tf: u8) {
        let term = &self.terms[t as usize];
        let gap = if term.post_len == 0 {
            doc
        } else {
            doc.wrapping_sub(term.last)
        };
        let mut coded = [0u8; 6];
        let mut n = 0;
        let mut x = gap;
        while x >= 0x80 {
            coded[n] = (x as u8) | 0x80;
            x >>= 7;
            n += 1;
        }
        coded[n] = x as u8;
        coded[n + 1] = tf;
        let coded = &coded[..n + 2];
        let (at, len, cap) = (
            term.post_at as usize,
            term.post_len as usize,
            term.post_cap as usize,
        );
        let at = if len + coded.len() > cap {
            let new_cap = (len + coded.len()).max(len + len / 4).max(4);
            let new_at = self.postings.len();
            grow(&mut self.postings, new_cap);
            self.postings.extend_from_within(at..at + len);
            self.postings.resize(new_at + new_cap, 0);
            self.garbage += cap;
            let term = &mut self.terms[t as usize];
            term.post_at = new_at as u32;
            term.post_cap = new_cap as u32;
            new_at
        } else {
            at
        };
        self.postings[at + len..at + len + coded.len()].copy_from_slice(coded);
        let term = &mut self.terms[t as usize];
        term.post_len += coded.len() as u32;
        term.last = doc;
    }

    /// Rewrites the postings pool without the blocks words outgrew and without spare room.
    pub(super) fn compact_postings(&mut self) {
        let total: usize = self.terms.iter().map(|t| t.post_len as usize).sum();
        let mut pool = Vec::with_capacity(total);
        for term in &mut self.terms {
            let (at, len) = (term.post_at as usize, term.post_len as usize);
            let new_at = pool.len() as u32;
            pool.extend_from_slice(&self.postings[at..at + len]);
            term.post_at = new_at;
            term.post_cap = term.post_len;
        }
        self.postings = pool;
        self.garbage = 0;
    }

    /// The character n-grams of a word (none for a number).
    pub(crate) fn term_grams(&self, t: u32) -> &[u32] {
        let term = &self.terms[t as usize];
        &self.term_grams[term.grams_at as usize..(term.grams_at + term.grams_len) as usize]
    }

    pub(crate) fn doc_phrases(&self, d: u32) -> &[u32] {
        let doc = &self.docs[d as usize];
        &self.doc_phrases[doc.phrases_at as usize..(doc.phrases_at + doc.phrases_len) as usize]
    }

    pub(crate) fn term(&self, t: u32) -> &Term {
        &self.terms[t as usize]
    }

    pub(crate) fn term_text(&self, t: u32) -> &str {
        let term = &self.terms[t as usize];
        &self.arena[term.text_at as usize..(term.text_at + term.text_len) as usize]
    }

    pub(crate) fn term_of(&self, stem: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(stem);
        self.term_ids
            .find(hash, |&t| self.term_text(t) == stem)
            .copied()
    }

    /// The words holding the n-gram `g`.
    pub(crate) fn words_with_gram(&self, g: u32) -> impl Iterator<Item = u32> + '_ {
        let from = self.gram_words.partition_point(|x| x.0 < g);
        let to = self.gram_words.partition_point(|x| x.0 <= g);
        self.gram_words[from..to]
            .iter()
            .chain(self.gram_words_tail.iter().filter(move |x| x.0 == g))
            .map(|x| x.1)
    }

    pub(crate) fn phrase_text(&self, p: u32) -> &str {
        let ph = &self.phrases[p as usize];
        &self.arena[ph.text_at as usize..(ph.text_at + ph.text_len) as usize]
    }

    pub(crate) fn phrase_of(&self, kind: PhraseKind, text: &str) -> Option<u32> {
        let hash = self.hasher.hash_one((kind as u8, text));
        self.phrase_ids
            .find(hash, |&p| {
                self.phrases[p as usize].kind == kind && self.phrase_text(p) == text
            })
            .copied()
    }

    pub(crate) fn avg_len(&self) -> f32 {
        if self.live == 0 {
            1.0
        } else {
            (self.total_len as f32 / self.live as f32).max(1.0)
        }
    }

    pub(crate) fn avg_gram_len(&self) -> f32 {
        if self.live == 0 {
            1.0
        } else {
            (self.total_gram_len as f32 / self.live as f32).max(1.0)
        }
    }

    // ---- building ---------------------------------------------------------------------------

    pub(super) fn texts_of<'g>(&self, graph: &'g ClaimGraph, id: &str) -> ClaimTexts<'g> {
        match graph.node_index(id) {
            Some(ix) => self.texts_of_node(graph, ix),
            None => ClaimTexts::default(),
        }
    }

    /// The texts of the claim at the node `ix` (none if it is not a claim).
    pub(super) fn texts_of_node<'g>(&self, graph: &'g ClaimGraph, ix: NodeIndex) -> ClaimTexts<'g> {
        let mut t = ClaimTexts::default();
        let Some(Node::Claim(claim)) = graph.graph.node_weight(ix) else {
            return t;
        };
        let o = &self.options;
        t.fields.push((Cow::Borrowed(&claim.text), 1.0, true));
        // One pass over the claim's edges; each kind is then taken in id order, as the graph's
        // lists (`relations_of_claim`, `verdicts_of`, `attributions_of`) give them.
        let mut wordings: Vec<(&str, NodeIndex)> = Vec::new();
        let mut verdicts: Vec<&VerdictData> = Vec::new();
        let mut said: Vec<(&AttributionData, NodeIndex)> = Vec::new();
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for e in graph.graph.edges_directed(ix, dir) {
                match (e.weight(), dir) {
                    (Edge::ClaimRelation(r), _) if r.kind == ClaimRelationKind::SameAs => {
                        let other = if dir == Direction::Outgoing {
                            e.target()
                        } else {
                            e.source()
                        };
                        wordings.push((&r.id, other));
                    }
                    (Edge::Verdict(v), Direction::Incoming) => verdicts.push(v),
                    (Edge::Attribution(_), Direction::Incoming) => {
                        // A statement covering several claims is read from its own edge.
                        let own = graph.statement_edge(e.id());
                        if let Some((Edge::Attribution(rec), (speaker, _))) = own.and_then(|p| {
                            Some((graph.graph.edge_weight(p)?, graph.graph.edge_endpoints(p)?))
                        }) {
                            said.push((rec, speaker));
                        }
                    }
                    _ => {}
                }
            }
        }
        wordings.sort_by(|x, y| x.0.cmp(y.0));
        for (_, other) in wordings {
            if let Some(Node::Claim(c)) = graph.graph.node_weight(other) {
                t.fields
                    .push((Cow::Borrowed(&c.text), o.wording_weight, true));
            }
        }
        verdicts.sort_by(|x, y| x.id.cmp(&y.id));
        for v in verdicts {
            if let Some(s) = &v.summary {
                t.fields.push((Cow::Borrowed(s), o.review_weight, false));
            }
            if let Some(u) = &v.url {
                t.links.push(normalize_link(u));
            }
        }
        let name_of = |s: &'g Source, t: &mut ClaimTexts<'g>| {
            if s.kind.is_unnamed() || s.kind == SourceKind::Document {
                return;
            }
            for n in std::iter::once(&s.name).chain(s.aliases.iter()) {
                t.fields.push((Cow::Borrowed(n), o.name_weight, false));
                t.names.push(n);
            }
        };
        for s in &claim.subjects {
            if let Some(s) = graph.source(s) {
                name_of(s, &mut t);
            }
        }
        said.sort_by(|x, y| x.0.id.cmp(&y.0.id));
        for (a, speaker) in said {
            if a.stance != Stance::Doubts {
                if let Some(Node::Source(s)) = graph.graph.node_weight(speaker) {
                    name_of(s, &mut t);
                }
            }
            for (hop, _) in a.hops() {
                if let Some(Node::Source(v)) = graph.graph.node_weight(hop) {
                    if let Some(url) = v.url.as_deref() {
                        t.links.push(normalize_link(url));
                    }
                }
            }
        }
        for tag in &claim.tags {
            t.fields.push((Cow::Borrowed(tag), o.tag_weight, false));
        }
        if let Some(q) = &claim.quantity {
            t.fields
                .push((Cow::Owned(format!("{} {}", q.value, q.unit)), 1.0, false));
        }
        t
    }

    fn intern(&mut self, text: &str) -> (u32, u32) {
        let at = self.arena.len() as u32;
        self.arena.push_str(text);
        (at, text.len() as u32)
    }

    fn term_for(&mut self, stem: &str, is_number: bool) -> u32 {
        let hasher = self.hasher;
        let hash = hasher.hash_one(stem);
        let (terms, arena) = (&self.terms, &self.arena);
        let text_of = |t: u32| {
            let term = &terms[t as usize];
            &arena[term.text_at as usize..(term.text_at + term.text_len) as usize]
        };
        match self.term_ids.entry(
            hash,
            |&t| text_of(t) == stem,
            |&t| hasher.hash_one(text_of(t)),
        ) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let id = terms.len() as u32;
                e.insert(id);
                let (text_at, text_len) = {
                    let at = self.arena.len() as u32;
                    self.arena.push_str(stem);
                    (at, stem.len() as u32)
                };
                let grams_at = self.term_grams.len() as u32;
                if !is_number {
                    let mut grams = Vec::new();
                    grams_of(stem, GRAMS, &mut grams);
                    let mut grams: Vec<u32> = grams.into_iter().map(|g| g as u32).collect();
                    grams.sort_unstable();
                    grams.dedup();
                    self.term_grams.extend_from_slice(&grams);
                    self.gram_words_tail.extend(grams.iter().map(|&g| (g, id)));
                }
                self.terms.push(Term {
                    text_at,
                    text_len,
                    is_number,
                    grams_at,
                    grams_len: self.term_grams.len() as u32 - grams_at,
                    ..Term::default()
                });
                id
            }
        }
    }

    fn phrase_for(&mut self, kind: PhraseKind, text: &str) -> u32 {
        let hasher = self.hasher;
        let hash = hasher.hash_one((kind as u8, text));
        let (phrases, arena) = (&self.phrases, &self.arena);
        let text_of = |p: u32| {
            let ph = &phrases[p as usize];
            (
                ph.kind,
                &arena[ph.text_at as usize..(ph.text_at + ph.text_len) as usize],
            )
        };
        match self.phrase_ids.entry(
            hash,
            |&p| text_of(p) == (kind, text),
            |&p| {
                let (k, t) = text_of(p);
                hasher.hash_one((k as u8, t))
            },
        ) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let id = phrases.len() as u32;
                e.insert(id);
                let at = self.arena.len() as u32;
                self.arena.push_str(text);
                self.phrases.push(Phrase {
                    kind,
                    text_at: at,
                    text_len: text.len() as u32,
                    df: 0,
                    docs: Vec::new(),
                });
                id
            }
        }
    }

    fn add_doc(&mut self, id: &str, texts: &ClaimTexts, scratch: &mut Scratch, grams_now: bool) {
        let d = self.docs.len() as u32;
        self.norms.take();
        let Scratch {
            analyzed: scratch,
            words: known,
            name_keys,
            occurrences,
            entries,
        } = scratch;
        // (word, weight) for every occurrence, summed per word below in the order they occur.
        occurrences.clear();
        let mut names: Vec<String> = Vec::new();
        let mut links: Vec<String> = texts.links.clone();
        for (text, weight, own_words) in &texts.fields {
            scratch.clear();
            self.analyzer.analyze_into(text, scratch);
            links.append(&mut scratch.links);
            if *own_words {
                names.extend(capitalized_names(scratch));
            }
            for w in &scratch.words {
                if w.common {
                    continue;
                }
                let t = match known.get(w.text.as_str()) {
                    Some(&t) => t,
                    None => {
                        let is_number = w.text.starts_with(|c: char| c.is_ascii_digit());
                        let stem = self.analyzer.stem(&w.text);
                        let t = self.term_for(&stem, is_number);
                        known.insert(w.text.as_str().into(), t);
                        t
                    }
                };
                occurrences.push((t, *weight));
            }
        }
        for &n in &texts.names {
            let name = match name_keys.get(n) {
                Some(key) => key.to_string(),
                None => {
                    let words = self.analyzer.analyze(n).words;
                    let key = name_key(words.iter().filter(|w| !w.common).map(|w| w.text.as_str()));
                    name_keys.insert(n.into(), key.as_str().into());
                    key
                }
            };
            if !name.is_empty() {
                names.push(name);
            }
        }
        // Stable: the weights of one word are summed in the order they occur.
        occurrences.sort_by_key(|o| o.0);
        entries.clear();
        entries.extend(occurrences.chunk_by(|a, b| a.0 == b.0).map(|run| {
            let mut f = 0.0f32;
            for o in run {
                f += o.1;
            }
            (run[0].0, (f * TF_SCALE).round().clamp(1.0, 255.0) as u8)
        }));
        let words_at = self.doc_words.len() as u32;
        let mut len: u32 = 0;
        let mut gram_len: u32 = 0;
        let mut prev = 0;
        for (k, &(t, f)) in entries.iter().enumerate() {
            put_varint(&mut self.doc_words, if k == 0 { t } else { t - prev });
            self.doc_words.push(f);
            prev = t;
            len += u32::from(f);
            self.push_posting(t, d, f);
            let term = &mut self.terms[t as usize];
            term.df += 1;
            let (at, n) = (term.grams_at as usize, term.grams_len as usize);
            gram_len = gram_len.saturating_add(u32::from(f).saturating_mul(n as u32));
            if grams_now {
                for g in &self.term_grams[at..at + n] {
                    *self.gram_df.entry(*g).or_insert(0) += 1;
                }
            }
        }
        let phrases_at = self.doc_phrases.len() as u32;
        let mut mine: Vec<u32> = Vec::new();
        for n in names {
            mine.push(self.phrase_for(PhraseKind::Name, &n));
        }
        for l in links.iter().filter(|l| !l.is_empty()) {
            mine.push(self.phrase_for(PhraseKind::Link, l));
        }
        mine.sort_unstable();
        mine.dedup();
        for &p in &mine {
            let ph = &mut self.phrases[p as usize];
            ph.df += 1;
            ph.docs.push(d);
        }
        self.doc_phrases.extend_from_slice(&mine);

        let (id_at, id_len) = self.intern(id);
        let print = self.print_of(id, texts);
        self.fingerprint = self.fingerprint.wrapping_add(print);
        self.docs.push(Doc {
            id_at,
            // An id is at most MAX_ID_LEN bytes, so this is never cut.
            id_len: u16::try_from(id_len).unwrap_or(u16::MAX),
            words_at,
            words_len: entries.len() as u32,
            phrases_at,
            phrases_len: mine.len() as u32,
            live: true,
            print,
        });
        self.lens.push(len);
        let hasher = self.hasher;
        let (docs, arena) = (&self.docs, &self.arena);
        self.ids.insert_unique(hasher.hash_one(id), d, |&x| {
            let doc = &docs[x as usize];
            hasher
                .hash_one(&arena[doc.id_at as usize..doc.id_at as usize + usize::from(doc.id_len)])
        });
        self.live += 1;
        self.total_len += u64::from(len);
        self.total_gram_len += u64::from(gram_len);
    }

    /// The fingerprint of one claim's texts: a stable hash of its id and of every text, weight
    /// and name the index takes from the graph for it.
    pub(super) fn print_of(&self, id: &str, texts: &ClaimTexts) -> u64 {
        let mut h = Fnv::new().text(id);
        for (text, weight, own) in &texts.fields {
            h = h
                .text(text)
                .bytes(&weight.to_bits().to_le_bytes())
                .bytes(&[u8::from(*own)]);
        }
        for n in &texts.names {
            h = h.bytes(b"n").text(n);
        }
        for l in &texts.links {
            h = h.bytes(b"l").text(l);
        }
        h.finish()
    }

    /// After reading the tables from a file: checks that every offset and id points inside its
    /// table (so no question can read out of bounds), then rebuilds the hash tables. Says what
    /// does not hold together.
    pub(super) fn check_and_rehash(&mut self) -> Result<(), String> {
        let fits = |arena: &str, at: u32, len: u32| {
            (at as usize)
                .checked_add(len as usize)
                .is_some_and(|end| arena.get(at as usize..end).is_some())
        };
        let within = |at: u32, len: u32, n: usize| {
            (at as usize)
                .checked_add(len as usize)
                .is_some_and(|end| end <= n)
        };
        let (docs, terms, phrases) = (self.docs.len(), self.terms.len(), self.phrases.len());
        let mut live = 0u32;
        for (i, d) in self.docs.iter().enumerate() {
            if !fits(&self.arena, d.id_at, u32::from(d.id_len))
                || d.words_at as usize > self.doc_words.len()
                || !within(d.phrases_at, d.phrases_len, self.doc_phrases.len())
            {
                return Err(format!("claim {i} points outside the tables"));
            }
            let mut n = 0u32;
            let mut prev: Option<u32> = None;
            for (t, _) in self.doc_words(i as u32) {
                if t as usize >= terms || prev.is_some_and(|p| p >= t) {
                    return Err(format!("claim {i}'s words point outside the tables"));
                }
                prev = Some(t);
                n += 1;
            }
            if n != d.words_len {
                return Err(format!("claim {i}'s words are cut short"));
            }
            live += u32::from(d.live);
        }
        if live != self.live {
            return Err(format!("{} live claims counted, {live} found", self.live));
        }
        for (i, t) in self.terms.iter().enumerate() {
            if !fits(&self.arena, t.text_at, t.text_len)
                || !within(t.grams_at, t.grams_len, self.term_grams.len())
            {
                return Err(format!("word {i} points outside the tables"));
            }
            if !within(t.post_at, t.post_cap, self.postings.len()) || t.post_len > t.post_cap {
                return Err(format!("word {i}'s claims point outside the tables"));
            }
            let mut postings = self.postings(i as u32);
            let mut prev: Option<u32> = None;
            for (d, _) in postings.by_ref() {
                if d as usize >= docs || prev.is_some_and(|p| p >= d) {
                    return Err(format!("word {i}'s claims point outside the tables"));
                }
                prev = Some(d);
            }
            if postings.position() != t.post_len as usize || prev.is_some_and(|p| p != t.last) {
                return Err(format!("word {i}'s claims are malformed"));
            }
        }
        for (i, p) in self.phrases.iter().enumerate() {
            if !fits(&self.arena, p.text_at, p.text_len)
                || p.docs.iter().any(|&d| d as usize >= docs)
            {
                return Err(format!("name or link {i} points outside the tables"));
            }
        }
        if self.doc_phrases.iter().any(|&p| p as usize >= phrases)
            || self.gram_words.iter().any(|&(_, t)| t as usize >= terms)
        {
            return Err("a claim's words or names point outside the tables".into());
        }
        if !self.gram_words.is_sorted() {
            return Err("the n-gram table is out of order".into());
        }
        let hasher = self.hasher;
        let (docs, terms, phrases, arena) = (&self.docs, &self.terms, &self.phrases, &self.arena);
        let id_of = |d: u32| {
            let doc = &docs[d as usize];
            &arena[doc.id_at as usize..doc.id_at as usize + usize::from(doc.id_len)]
        };
        let term_of = |t: u32| {
            let term = &terms[t as usize];
            &arena[term.text_at as usize..(term.text_at + term.text_len) as usize]
        };
        let phrase_of = |p: u32| {
            let ph = &phrases[p as usize];
            (
                ph.kind as u8,
                &arena[ph.text_at as usize..(ph.text_at + ph.text_len) as usize],
            )
        };
        self.ids.clear();
        self.ids.reserve(self.live as usize, |_| 0);
        for d in 0..docs.len() as u32 {
            if !docs[d as usize].live {
                continue;
            }
            let hash = hasher.hash_one(id_of(d));
            if self.ids.find(hash, |&x| id_of(x) == id_of(d)).is_some() {
                return Err(format!("the claim {:?} is there twice", id_of(d)));
            }
            self.ids
                .insert_unique(hash, d, |&x| hasher.hash_one(id_of(x)));
        }
        self.term_ids.clear();
        for t in 0..terms.len() as u32 {
            self.term_ids
                .insert_unique(hasher.hash_one(term_of(t)), t, |&x| {
                    hasher.hash_one(term_of(x))
                });
        }
        self.phrase_ids.clear();
        for p in 0..phrases.len() as u32 {
            self.phrase_ids
                .insert_unique(hasher.hash_one(phrase_of(p)), p, |&x| {
                    hasher.hash_one(phrase_of(x))
                });
        }
        Ok(())
    }

    /// Counts each n-gram once per claim holding a stem that contains it, from the stems'
    /// claim counts: cheaper than per claim, and the same unless a claim holds two stems
    /// sharing an n-gram.
    fn rebuild_gram_df(&mut self) {
        self.gram_words.append(&mut self.gram_words_tail);
        self.gram_words.sort_unstable();
        self.gram_words.shrink_to_fit();
        self.doc_words.shrink_to_fit();
        self.docs.shrink_to_fit();
        self.lens.shrink_to_fit();
        self.terms.shrink_to_fit();
        self.arena.shrink_to_fit();
        self.doc_phrases.shrink_to_fit();
        self.term_grams.shrink_to_fit();
        self.compact_postings();
        for phrase in &mut self.phrases {
            phrase.docs.shrink_to_fit();
        }
        self.phrases.shrink_to_fit();
        self.gram_df.clear();
        for term in &self.terms {
            if term.df == 0 {
                continue;
            }
            let (at, n) = (term.grams_at as usize, term.grams_len as usize);
            for g in &self.term_grams[at..at + n] {
                *self.gram_df.entry(*g).or_insert(0) += term.df;
            }
        }
    }
}

/// Every claim of `graph` with its node.
pub(super) fn claim_nodes(graph: &ClaimGraph) -> impl Iterator<Item = (&str, NodeIndex)> {
    graph
        .graph
        .node_indices()
        .filter_map(|ix| match graph.graph.node_weight(ix) {
            Some(Node::Claim(c)) => Some((c.id.as_str(), ix)),
            _ => None,
        })
}

/// What adding claims reuses from one claim to the next: the analyzed text, the word each
/// written (folded) form stems to and the key each source name is compared by, so a build
/// stems each form and keys each name once rather than at every occurrence. Adding one claim to
/// a built index starts with an empty scratch.
#[derive(Default)]
pub(super) struct Scratch {
    analyzed: Analyzed,
    words: HashMap<Box<str>, u32, FixedState>,
    /// The key each name of a source is compared by ([`name_key`]), empty when it has none.
    name_keys: HashMap<Box<str>, Box<str>, FixedState>,
    occurrences: Vec<(u32, f32)>,
    entries: Vec<(u32, u8)>,
}

/// The key a name is compared by: its uncommon folded words joined by a space.
pub(crate) fn name_key<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words.collect::<Vec<_>>().join(" ")
}

/// Runs of capitalized words in a claim's own text ("Joe Biden", "Rodong Sinmun"); a single
/// capitalized word that opens the text is left out (it may be capitalized only for that). A
/// text written mostly in capitals (a headline) gives none.
fn capitalized_names(a: &Analyzed) -> Vec<String> {
    let words: Vec<_> = a.words.iter().filter(|w| !w.part).collect();
    let capitals = words.iter().filter(|w| w.capital).count();
    if words.len() > 3 && capitals * 10 > words.len() * 6 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut run_start = 0;
    for (i, w) in words.iter().enumerate() {
        if w.capital && !w.common {
            if run.is_empty() {
                run_start = i;
            }
            run.push(&w.text);
            continue;
        }
        if !run.is_empty() && (run.len() > 1 || run_start > 0) {
            out.push(run.join(" "));
        }
        run.clear();
    }
    if !run.is_empty() && (run.len() > 1 || run_start > 0) {
        out.push(run.join(" "));
    }
    out
}
