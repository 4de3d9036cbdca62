//! Ranking the claims of an index against a text, with the reasons for each rank.

use foldhash::fast::FixedState;
use hashbrown::{HashMap, HashSet};

use super::index::{ClaimIndex, PhraseKind, GRAMS};
use super::text::grams_of;

/// BM25 constants (Robertson's usual values), for words and for character n-grams.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// How many claims the word ranking hands to the full comparison, at least.
const CANDIDATES: usize = 200;
/// Words unknown to the index are looked up among the known words sharing most of their
/// character n-grams: at most this many per word, sharing at least `RESEMBLANCE` of the n-grams
/// of the shorter of the two. An n-gram held by more words than `COMMON_GRAM` says too little.
const EXPANSIONS: usize = 4;
const RESEMBLANCE: f32 = 0.6;
const COMMON_GRAM: usize = 5000;
/// A word the index does not know is looked at as known words written together when it has at
/// most `MAX_COMPOUND` letters, each part at least `MIN_PART`.
const MIN_PART: usize = 3;
const MAX_COMPOUND: usize = 32;
/// Longest name looked for in a text, in words.
const MAX_NAME_WORDS: usize = 5;

/// Orders claim ids as a reader would: runs of digits compare as numbers ("c9" before "c10",
/// "867" before "1016"), the rest character by character; ids equal that way ("c09", "c9")
/// fall back to plain string order.
pub(crate) fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        if x[i].is_ascii_digit() && y[j].is_ascii_digit() {
            let (si, sj) = (i, j);
            while i < x.len() && x[i].is_ascii_digit() {
                i += 1;
            }
            while j < y.len() && y[j].is_ascii_digit() {
                j += 1;
            }
            let p = std::str::from_utf8(&x[si..i])
                .unwrap_or_default()
                .trim_start_matches('0');
            let q = std::str::from_utf8(&y[sj..j])
                .unwrap_or_default()
                .trim_start_matches('0');
            let o = p.len().cmp(&q.len()).then_with(|| p.cmp(q));
            if o != Ordering::Equal {
                return o;
            }
        } else {
            if x[i] != y[j] {
                return x[i].cmp(&y[j]);
            }
            i += 1;
            j += 1;
        }
    }
    (x.len() - i).cmp(&(y.len() - j)).then_with(|| a.cmp(b))
}

/// What kind of evidence a part of a match score stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchKind {
    /// Words shared after stemming ("interviews" matches "interview"), weighted by how rare they
    /// are among the claims (BM25). A word of the text that no claim has counts as the known
    /// words it is written together from, if it is such a compound ("#tamperedwater": tampered,
    /// water).
    Words,
    /// Character n-grams shared by the words: catches spelling variants, compounds and hashtags
    /// ("#coronavirusoutbreak" and "coronavirus").
    Ngrams,
    /// Numbers shared ("6,700" and "6700").
    Numbers,
    /// Names of people, organisations and places shared (capitalized names of the claim's text,
    /// its subjects and its named sources).
    Names,
    /// Links shared (the fact-check's page, a document the claim was reported in).
    Links,
}

crate::names::value_names!(MatchKind, "kind", "a match kind" {
    Words => "words",
    Ngrams => "ngrams",
    Numbers => "numbers",
    Names => "names",
    Links => "links",
});

/// One part of a match score: what matched, and how much of the score it makes.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MatchPart {
    /// The kind of evidence.
    pub kind: MatchKind,
    /// What matched, as the text wrote it: words, numbers, names, links; for n-grams, pairs
    /// `text word~claim word` of words that share n-grams without being the same word.
    pub matched: Vec<String>,
    /// The part's similarity in [0, 1] (1: everything of this kind in the text matched).
    pub similarity: f64,
    /// What the part adds to the score (its similarity times its weight, over the weights of
    /// the kinds the text has).
    pub score: f64,
    /// The part's share of the score, in [0, 1]; the shares of a match add up to 1.
    pub share: f64,
}

/// A claim found similar to a text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SimilarClaim {
    /// The claim's id.
    pub claim: String,
    /// How similar, in [0, 1]: 1 when every word, n-gram, number, name and link of the text is
    /// in the claim.
    pub score: f64,
    /// How many distinct content words (not common words) of the text the claim shares, after
    /// stemming.
    pub shared_words: u32,
    /// The parts of the score, one per kind that contributed, in [`MatchKind`] order.
    pub parts: Vec<MatchPart>,
}

/// Two claims of the graph that may be wordings of one claim (candidates for same-as).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DuplicateCandidate {
    /// One claim's id (the smaller of the two).
    pub claim: String,
    /// The other claim's id.
    pub other: String,
    /// How similar, in [0, 1] (the higher of the two directions).
    pub score: f64,
    /// How many distinct content words they share.
    pub shared_words: u32,
    /// The parts of the score, for `other` matched against `claim`'s words.
    pub parts: Vec<MatchPart>,
}

/// How much each kind of evidence weighs in a match score.
///
/// Only the kinds a text has count: a text without numbers is scored on the others alone.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchWeights {
    /// Shared words (BM25 over stems).
    pub words: f64,
    /// Shared character n-grams.
    pub ngrams: f64,
    /// Shared numbers.
    pub numbers: f64,
    /// Shared names.
    pub names: f64,
    /// Shared links.
    pub links: f64,
}

impl MatchWeights {
    /// The weight of one kind of evidence, to read or set.
    pub fn weight_mut(&mut self, kind: MatchKind) -> &mut f64 {
        match kind {
            MatchKind::Words => &mut self.words,
            MatchKind::Ngrams => &mut self.ngrams,
            MatchKind::Numbers => &mut self.numbers,
            MatchKind::Names => &mut self.names,
            MatchKind::Links => &mut self.links,
        }
    }
}

impl Default for MatchWeights {
    fn default() -> MatchWeights {
        MatchWeights {
            words: 1.0,
            ngrams: 0.3,
            numbers: 0.1,
            names: 0.1,
            links: 0.5,
        }
    }
}

/// What [`ClaimIndex::similar_claims`] returns, and what it leaves out.
///
/// ```
/// use claimgraph::SimilarOptions;
/// let desk = SimilarOptions { k: 5, min_score: 0.3, min_shared_words: 2, ..SimilarOptions::default() };
/// assert_eq!(desk.weights, SimilarOptions::default().weights);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarOptions {
    /// At most this many claims, best first.
    pub k: usize,
    /// Leave out claims scoring below this (in [0, 1]).
    pub min_score: f64,
    /// Leave out claims sharing fewer distinct content words with the text.
    pub min_shared_words: usize,
    /// How much each kind of evidence weighs.
    pub weights: MatchWeights,
}

impl SimilarOptions {
    /// The options given, the default for each one that is not: what a binding's optional
    /// arguments mean.
    ///
    /// ```
    /// use claimgraph::SimilarOptions;
    /// let o = SimilarOptions::given(Some(3), None, Some(2), None);
    /// assert_eq!((o.k, o.min_shared_words), (3, 2));
    /// assert_eq!(o.min_score, SimilarOptions::default().min_score);
    /// assert_eq!(SimilarOptions::given(None, None, None, None), SimilarOptions::default());
    /// ```
    pub fn given(
        k: Option<usize>,
        min_score: Option<f64>,
        min_shared_words: Option<usize>,
        weights: Option<MatchWeights>,
    ) -> SimilarOptions {
        let defaults = SimilarOptions::default();
        SimilarOptions {
            k: k.unwrap_or(defaults.k),
            min_score: min_score.unwrap_or(defaults.min_score),
            min_shared_words: min_shared_words.unwrap_or(defaults.min_shared_words),
            weights: weights.unwrap_or(defaults.weights),
        }
    }
}

impl Default for SimilarOptions {
    fn default() -> SimilarOptions {
        SimilarOptions {
            k: 10,
            min_score: 0.0,
            min_shared_words: 0,
            weights: MatchWeights::default(),
        }
    }
}

/// A text, analysed against an index.
struct Query {
    /// Distinct content stems: (term id if the index knows it, stem, first written form).
    words: Vec<(Option<u32>, String, String)>,
    /// Distinct numbers: (term id if known, number).
    numbers: Vec<(Option<u32>, String)>,
    /// Known names and links of the text (phrase ids), and how many links it has at all.
    phrases: Vec<u32>,
    links: usize,
    /// Known words resembling the unknown words of the text: (word, resemblance in [0, 1]).
    resembling: Vec<(u32, f32)>,
    /// What the query's words could score at most: the sum of their idf.
    idf_sum: f32,
    /// Character n-grams of the content words (not numbers): hash -> (count, idf).
    grams: HashMap<u32, (f32, f32), FixedState>,
    /// What the query's n-grams could score at most.
    gram_idf_sum: f32,
    /// The claim the query was made from, left out of the answers.
    exclude: Option<u32>,
}

/// A claim held among the best so far: ordered so that the worst (lowest score, then the
/// larger claim number) is the greatest, the top of a max-heap.
#[derive(Clone, Copy, PartialEq)]
struct Held {
    score: f32,
    doc: u32,
}

impl Eq for Held {}

impl Ord for Held {
    fn cmp(&self, other: &Held) -> std::cmp::Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then(self.doc.cmp(&other.doc))
    }
}

impl PartialOrd for Held {
    fn partial_cmp(&self, other: &Held) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// BM25's length normalization, `K1 * (1 - B + B * len / avg)`, of a claim of length `len`
/// where the mean is `avg`.
#[inline]
fn bm25_norm(len: u32, avg: f32) -> f32 {
    K1 * (1.0 - B + B * len as f32 / avg)
}

/// The length normalization of a claim of weighted length `len` (quarters) in the word ranking,
/// `avg` the mean length, in quarters: what [`word_share`] adds to a count.
#[inline]
fn length_norm(len: u32, avg: f32) -> f32 {
    bm25_norm(len, avg) * 4.0
}

/// A word's share of a claim's score in the word ranking: BM25 of the word's `idf`, its weighted
/// count `tf` (quarters) in a claim of [`length_norm`] `norm`. Always above 0.
#[inline]
fn word_share(idf: f32, tf: u8, norm: f32) -> f32 {
    let tf = f32::from(tf);
    idf * tf * (K1 + 1.0) / (tf + norm)
}

/// Claims a block of the word ranking's table covers: the table marks the blocks a query
/// reached, and reads back every claim of those blocks.
const BLOCK: usize = 64;
/// Claims of a block compared with the lowest score held at once, before any one of them is.
const CHUNK: usize = 16;

/// Adds the shares of one word's postings to the claims' scores (BM25, the word's `idf`), which
/// start at 0 as in [`ClaimIndex::candidates_reading_every_posting`], and marks the claims'
/// blocks reached.
fn add_word(
    postings: super::index::Pairs<'_>,
    idf: f32,
    norms: &[f32],
    score: &mut [f32],
    blocks: &mut [u64],
) {
    for (d, tf) in postings {
        let d = d as usize;
        let (Some(&norm), Some(x), Some(bits)) = (
            norms.get(d),
            score.get_mut(d),
            blocks.get_mut(d / (BLOCK * 64)),
        ) else {
            continue;
        };
        *x += word_share(idf, tf, norm);
        *bits |= 1u64 << ((d / BLOCK) % 64);
    }
}

/// A thread's table of word scores, a place per claim (see `candidates_by_word`): `blocks` has
/// a bit set for each block of [`BLOCK`] claims holding a claim the query being ranked has
/// scored; between queries every bit is clear and every score 0.
#[derive(Default)]
struct ScoreTable {
    score: Vec<f32>,
    blocks: Vec<u64>,
}

impl ScoreTable {
    fn make_room(&mut self, claims: usize) {
        if self.score.len() < claims {
            self.score.resize(claims, 0.0);
            self.blocks.resize(claims.div_ceil(BLOCK * 64), 0);
        }
    }
}

thread_local! {
    static SCORES: std::cell::RefCell<ScoreTable> = std::cell::RefCell::new(ScoreTable::default());
}

/// The score of one candidate, before explanation.
#[derive(Clone, Copy, Default)]
struct Sims {
    words: f32,
    ngrams: f32,
    numbers: f32,
    names: f32,
    links: f32,
    shared: u32,
}

impl ClaimIndex {
    /// Every claim's [`length_norm`] for the index as it is, made once after each change.
    fn length_norms(&self) -> &[f32] {
        self.norms.get_or_init(|| {
            let avg = self.avg_len();
            self.lens.iter().map(|&len| length_norm(len, avg)).collect()
        })
    }

    fn idf(&self, df: u32) -> f32 {
        let n = self.live as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn query_of_text(&self, text: &str) -> Query {
        let a = self.analyzer.analyze(text);
        let mut seen: HashSet<String, FixedState> = HashSet::with_hasher(FixedState::default());
        let mut words = Vec::new();
        let mut content: Vec<&str> = Vec::new();
        for w in &a.words {
            if w.common {
                continue;
            }
            if !w.part {
                content.push(&w.text);
            }
            let stem = self.analyzer.stem(&w.text).into_owned();
            let t = self.term_of(&stem);
            if seen.insert(stem.clone()) {
                words.push((t, stem, w.text.clone()));
            }
        }
        // A word the index does not know may be known words written together, as hashtags
        // are ("#tamperedwater": tampered, water).
        let unknown: Vec<String> = words
            .iter()
            .filter(|(t, stem, _)| t.is_none() && !stem.starts_with(|c: char| c.is_ascii_digit()))
            .map(|(_, _, written)| written.clone())
            .collect();
        for w in unknown {
            for part in self.known_parts(&w) {
                let stem = self.analyzer.stem(&part).into_owned();
                let t = self.term_of(&stem);
                if seen.insert(stem.clone()) {
                    words.push((t, stem, part));
                }
            }
        }
        let mut numbers: Vec<(Option<u32>, String)> = Vec::new();
        for n in a.numbers {
            if !numbers.iter().any(|(_, m)| *m == n) {
                numbers.push((self.term_of(&n), n));
            }
        }
        let mut phrases = Vec::new();
        for i in 0..content.len() {
            let mut key = String::new();
            for (j, w) in content[i..].iter().take(MAX_NAME_WORDS).enumerate() {
                if j > 0 {
                    key.push(' ');
                }
                key.push_str(w);
                if let Some(p) = self.phrase_of(PhraseKind::Name, &key) {
                    phrases.push(p);
                }
            }
        }
        let links = a.links.len();
        for l in &a.links {
            if let Some(p) = self.phrase_of(PhraseKind::Link, l) {
                phrases.push(p);
            }
        }
        phrases.sort_unstable();
        phrases.dedup();
        let mut q = Query {
            words,
            numbers,
            phrases,
            links,
            resembling: Vec::new(),
            idf_sum: 0.0,
            grams: HashMap::with_hasher(FixedState::default()),
            gram_idf_sum: 0.0,
            exclude: None,
        };
        self.add_grams(&mut q);
        self.add_resembling(&mut q);
        q
    }

    /// The fewest known, uncommon words of at least `MIN_PART` letters that `word` is written
    /// together from, if there are two or more ("tamperedwater": tampered, water); none when
    /// it is not such a compound.
    fn known_parts(&self, word: &str) -> Vec<String> {
        let chars: Vec<char> = word.chars().collect();
        let n = chars.len();
        if !(2 * MIN_PART..=MAX_COMPOUND).contains(&n) || !chars.iter().all(|c| c.is_alphabetic()) {
            return Vec::new();
        }
        let known = |from: usize, to: usize| {
            let part: String = chars[from..to].iter().collect();
            !self.analyzer.is_common(&part) && self.term_of(&self.analyzer.stem(&part)).is_some()
        };
        // best[i]: (parts, sum of squared part lengths, where the last part starts) for the
        // first i letters.
        let mut best: Vec<Option<(usize, usize, usize)>> = vec![None; n + 1];
        best[0] = Some((0, 0, 0));
        for to in MIN_PART..=n {
            for from in 0..=to - MIN_PART {
                let Some((parts, squares, _)) = best[from] else {
                    continue;
                };
                if !known(from, to) {
                    continue;
                }
                let len = to - from;
                let candidate = (parts + 1, squares + len * len, from);
                let better = match best[to] {
                    None => true,
                    Some((p, q, _)) => candidate.0 < p || (candidate.0 == p && candidate.1 > q),
                };
                if better {
                    best[to] = Some(candidate);
                }
            }
        }
        let mut parts = Vec::new();
        let mut to = n;
        match best[n] {
            Some((count, _, _)) if count >= 2 => {}
            _ => return parts,
        }
        while to > 0 {
            let Some((_, _, from)) = best[to] else {
                return Vec::new();
            };
            parts.push(chars[from..to].iter().collect());
            to = from;
        }
        parts.reverse();
        parts
    }

    fn query_of_doc(&self, d: u32) -> Query {
        let mut words = Vec::new();
        let mut numbers = Vec::new();
        for (t, _) in self.doc_words(d) {
            let text = self.term_text(t).to_owned();
            if self.term(t).is_number {
                numbers.push((Some(t), text.clone()));
            }
            words.push((Some(t), text.clone(), text));
        }
        let phrases = self.doc_phrases(d).to_vec();
        let links = phrases
            .iter()
            .filter(|&&p| self.phrases[p as usize].kind == PhraseKind::Link)
            .count();
        let mut q = Query {
            words,
            numbers,
            phrases,
            links,
            resembling: Vec::new(),
            idf_sum: 0.0,
            grams: HashMap::with_hasher(FixedState::default()),
            gram_idf_sum: 0.0,
            exclude: Some(d),
        };
        self.add_grams(&mut q);
        q
    }

    fn add_grams(&self, q: &mut Query) {
        q.idf_sum = q
            .words
            .iter()
            .map(|(t, _, _)| self.idf(t.map_or(0, |t| self.term(t).df)))
            .sum();
        let mut hashes = Vec::new();
        for (t, stem, _) in &q.words {
            hashes.clear();
            match t {
                Some(t) => hashes.extend(self.term_grams(*t).iter().map(|&g| u64::from(g))),
                None if stem.starts_with(|c: char| c.is_ascii_digit()) => {}
                None => grams_of(stem, GRAMS, &mut hashes),
            }
            for &h in &hashes {
                let h = h as u32;
                let idf = self.idf(self.gram_df.get(&h).copied().unwrap_or(0));
                q.grams.entry(h).or_insert((0.0, idf)).0 += 1.0;
            }
        }
        q.gram_idf_sum = q.grams.values().map(|(c, idf)| c * idf).sum();
    }

    /// Known words sharing most of their n-grams with the words of the query the index does not
    /// know ("munitionscontainers": munit, contain).
    fn add_resembling(&self, q: &mut Query) {
        let mut hashes = Vec::new();
        for (t, stem, _) in &q.words {
            if t.is_some() || stem.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            hashes.clear();
            grams_of(stem, GRAMS, &mut hashes);
            let mut grams: Vec<u32> = hashes.iter().map(|&h| h as u32).collect();
            grams.sort_unstable();
            grams.dedup();
            let mut shared: HashMap<u32, u32, FixedState> =
                HashMap::with_hasher(FixedState::default());
            for &g in &grams {
                let holders: Vec<u32> = self.words_with_gram(g).take(COMMON_GRAM + 1).collect();
                if holders.len() > COMMON_GRAM {
                    continue;
                }
                for w in holders {
                    *shared.entry(w).or_insert(0) += 1;
                }
            }
            let mut best: Vec<(u32, f32)> = shared
                .into_iter()
                .filter_map(|(w, c)| {
                    let theirs = self.term_grams(w).len();
                    let smaller = theirs.min(grams.len()).max(1);
                    let r = c as f32 / smaller as f32;
                    // Too short a word resembles too much.
                    (r >= RESEMBLANCE && theirs >= 6).then_some((w, r))
                })
                .collect();
            best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            best.truncate(EXPANSIONS);
            q.resembling.extend(best);
        }
    }

    /// Claims of the index most similar to `text`, best first, each with the reasons for its
    /// score.
    ///
    /// The claims that share the text's rarest words come first, then each is compared in full:
    /// words (stemmed), character n-grams, numbers, names and links, each a similarity in
    /// [0, 1], weighed by [`SimilarOptions::weights`] into one score. Ties (claims the text
    /// cannot tell apart, such as two copies of one claim) go to the smaller claim id, numbers
    /// in ids compared as numbers ("c9" before "c10"): with ids given in the order claims were
    /// recorded, the earlier record first. A text without content words or links finds nothing.
    ///
    /// Memory: each thread that ranks keeps a table of word scores, 4 bytes a claim of the
    /// largest index it has ranked (4 MB at a million claims), for as long as the thread lives;
    /// the index keeps each claim's length norm, 4 bytes a claim, from the first question after
    /// a change.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, ClaimIndex, Claim, MatchKind, SimilarOptions};
    /// let mut g = ClaimGraph::new();
    /// g.add_claim(Claim::new("jail", "The senator was imprisoned for fraud in 2019"))?;
    /// g.add_claim(Claim::new("vote", "The senator voted against the bill"))?;
    /// let index = ClaimIndex::new(&g);
    /// let hits = index.similar_claims("Senator imprisoned over 2019 frauds?", &SimilarOptions::default());
    /// assert_eq!(hits[0].claim, "jail");
    /// let words = hits[0].parts.iter().find(|p| p.kind == MatchKind::Words).unwrap();
    /// assert!(words.matched.contains(&"imprisoned".to_string()));
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn similar_claims(&self, text: &str, options: &SimilarOptions) -> Vec<SimilarClaim> {
        self.similar_claims_read(text, options, false)
    }

    /// The same answer as [`similar_claims`](ClaimIndex::similar_claims), found by reading
    /// listing every posting of the text's words and sorting them, instead of adding them up a
    /// word at a time in a table with a place per claim: slower, for checking the fast way.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, ClaimIndex, Claim, SimilarOptions};
    /// let mut g = ClaimGraph::new();
    /// g.add_claim(Claim::new("jail", "The senator was imprisoned for fraud in 2019"))?;
    /// let index = ClaimIndex::new(&g);
    /// let o = SimilarOptions::default();
    /// assert_eq!(index.similar_claims_exhaustive("senator fraud", &o), index.similar_claims("senator fraud", &o));
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn similar_claims_exhaustive(
        &self,
        text: &str,
        options: &SimilarOptions,
    ) -> Vec<SimilarClaim> {
        self.similar_claims_read(text, options, true)
    }

    fn similar_claims_read(
        &self,
        text: &str,
        options: &SimilarOptions,
        exhaustive: bool,
    ) -> Vec<SimilarClaim> {
        let q = self.query_of_text(text);
        self.rank_with(&q, options, exhaustive)
            .into_iter()
            .map(|(d, score, sims)| SimilarClaim {
                claim: self.doc_id(d).to_owned(),
                score: f64::from(score),
                shared_words: sims.shared,
                parts: self.explain(&q, d, &sims, &options.weights),
            })
            .collect()
    }

    /// Pairs of claims of the index that may be wordings of one claim, best first: every claim
    /// is matched against the others, and pairs scoring at least `options.min_score` either way
    /// (sharing at least `options.min_shared_words` content words) are kept, at most
    /// `options.k` per claim. The cost grows with the number of claims times a query: seconds
    /// for ten thousand claims.
    ///
    /// ```
    /// use claimgraph::{ClaimGraph, ClaimIndex, Claim, SimilarOptions};
    /// let mut g = ClaimGraph::new();
    /// g.add_claim(Claim::new("a", "Bill Gates wants to microchip people with vaccines"))?;
    /// g.add_claim(Claim::new("b", "Bill Gates plans vaccine microchips for people"))?;
    /// g.add_claim(Claim::new("c", "The moon landing was staged"))?;
    /// let pairs = ClaimIndex::new(&g).duplicate_candidates(&SimilarOptions { min_score: 0.3, ..SimilarOptions::default() });
    /// assert_eq!((pairs[0].claim.as_str(), pairs[0].other.as_str()), ("a", "b"));
    /// assert_eq!(pairs.len(), 1);
    /// # Ok::<(), claimgraph::Error>(())
    /// ```
    pub fn duplicate_candidates(&self, options: &SimilarOptions) -> Vec<DuplicateCandidate> {
        let mut best: HashMap<(u32, u32), (f32, u32, u32), FixedState> =
            HashMap::with_hasher(FixedState::default());
        for d in 0..self.docs.len() as u32 {
            if !self.docs[d as usize].live {
                continue;
            }
            let q = self.query_of_doc(d);
            for (o, score, sims) in self.rank(&q, options) {
                let key = if self.doc_id(d) < self.doc_id(o) {
                    (d, o)
                } else {
                    (o, d)
                };
                let e = best.entry(key).or_insert((score, sims.shared, d));
                if score > e.0 {
                    *e = (score, sims.shared, d);
                }
            }
        }
        let mut out: Vec<DuplicateCandidate> = best
            .into_iter()
            .map(|((a, b), (score, shared, from))| {
                let other = if from == a { b } else { a };
                let q = self.query_of_doc(from);
                let sims = self.similarities(&q, other);
                DuplicateCandidate {
                    claim: self.doc_id(a).to_owned(),
                    other: self.doc_id(b).to_owned(),
                    score: f64::from(score),
                    shared_words: shared,
                    parts: self.explain(&q, other, &sims, &options.weights),
                }
            })
            .collect();
        out.sort_by(|x, y| {
            y.score
                .total_cmp(&x.score)
                .then_with(|| x.claim.cmp(&y.claim))
                .then_with(|| x.other.cmp(&y.other))
        });
        out
    }

    /// The `wanted` claims scoring best on the query's words (BM25, the words resembling its
    /// unknown words counted at their resemblance), ties to the smaller claim number; when fewer
    /// claims share a word, the claims sharing a name or link fill the rest, smaller numbers
    /// first, at score 0.
    ///
    /// Read a word at a time into a table with a place per claim ([`candidates_by_word`]), or,
    /// when `exhaustive`, by listing every posting and sorting ([`candidates_reading_every_posting`]):
    /// the two sum each claim's shares in the same order and give the same claims.
    ///
    /// [`candidates_by_word`]: ClaimIndex::candidates_by_word
    /// [`candidates_reading_every_posting`]: ClaimIndex::candidates_reading_every_posting
    fn candidates(&self, q: &Query, wanted: usize, exhaustive: bool) -> Vec<(u32, f32)> {
        let cands = if exhaustive {
            self.candidates_reading_every_posting(q, wanted)
        } else {
            self.candidates_by_word(q, wanted)
        };
        self.fill_from_phrases(q, wanted, cands)
    }

    /// The word ranking read a word at a time: every posting of every query word (then every
    /// resembling word) adds its share to the claim's score in a table with a place per claim,
    /// in the query's word order, so each claim's score is the same sum, to the bit, as
    /// [`candidates_reading_every_posting`](ClaimIndex::candidates_reading_every_posting) makes;
    /// then the `wanted` best of the claims reached are kept. The table belongs to the thread
    /// (4 bytes a claim of the largest index it has ranked, and a bit per 64 claims) and is
    /// cleared as it is read.
    fn candidates_by_word(&self, q: &Query, wanted: usize) -> Vec<(u32, f32)> {
        SCORES.with(|cell| match cell.try_borrow_mut() {
            Ok(mut table) => self.rank_words_into(q, wanted, &mut table),
            Err(_) => self.rank_words_into(q, wanted, &mut ScoreTable::default()),
        })
    }

    fn rank_words_into(&self, q: &Query, wanted: usize, table: &mut ScoreTable) -> Vec<(u32, f32)> {
        let norms = self.length_norms();
        let n = self.docs.len();
        table.make_room(n);
        let ScoreTable { score, blocks } = table;
        let (score, blocks) = (&mut score[..n], &mut blocks[..n.div_ceil(BLOCK * 64)]);
        for (t, idf) in self.word_lists(q) {
            add_word(self.postings(t), idf, norms, score, blocks);
        }
        // The claims reached (a score above 0: every share is), in claim order, a block at a
        // time: a claim is looked at only when its score would be held. `floor`: the lowest
        // score held once `wanted` are, what a claim must reach to be compared in full.
        let mut heap: std::collections::BinaryHeap<Held> =
            std::collections::BinaryHeap::with_capacity(wanted + 1);
        let mut floor = f32::NEG_INFINITY;
        for (word, bits) in blocks.iter_mut().enumerate() {
            let mut left = std::mem::take(bits);
            while left != 0 {
                let from = (word * 64 + left.trailing_zeros() as usize) * BLOCK;
                left &= left - 1;
                let block = &mut score[from..(from + BLOCK).min(n)];
                for (c, chunk) in block.chunks_mut(CHUNK).enumerate() {
                    // Most chunks hold no claim that would be held: one comparison for them all.
                    let best = chunk.iter().fold(0.0f32, |m, &s| if s > m { s } else { m });
                    if best <= 0.0 || best < floor {
                        chunk.fill(0.0);
                        continue;
                    }
                    for (k, x) in chunk.iter_mut().enumerate() {
                        let held = Held {
                            score: std::mem::take(x),
                            doc: (from + c * CHUNK + k) as u32,
                        };
                        if held.score <= 0.0 || held.score < floor {
                            continue;
                        }
                        self.hold(held, q, wanted, &mut heap, &mut floor);
                    }
                }
            }
        }
        heap.into_iter().map(|h| (h.doc, h.score)).collect()
    }

    /// Keeps `held` among the `wanted` best claims so far if it is better than the worst of
    /// them (ties to the smaller claim number) and may be answered; `floor` becomes the worst
    /// score held once `wanted` are.
    fn hold(
        &self,
        held: Held,
        q: &Query,
        wanted: usize,
        heap: &mut std::collections::BinaryHeap<Held>,
        floor: &mut f32,
    ) {
        let full = heap.len() >= wanted;
        if full && heap.peek().is_some_and(|worst| held >= *worst) {
            return;
        }
        if !self.docs[held.doc as usize].live || q.exclude == Some(held.doc) {
            return;
        }
        if full {
            heap.pop();
        }
        heap.push(held);
        if heap.len() >= wanted {
            *floor = heap.peek().map_or(*floor, |worst| worst.score);
        }
    }

    /// The words whose postings the word ranking reads, in the order their shares add up: the
    /// query's known words, then the words resembling its unknown ones (at their resemblance),
    /// each with its idf.
    fn word_lists<'q>(&'q self, q: &'q Query) -> impl Iterator<Item = (u32, f32)> + 'q {
        let known = q.words.iter().filter_map(|w| w.0);
        known.map(|t| (t, self.idf(self.term(t).df))).chain(
            q.resembling
                .iter()
                .map(|&(t, resemblance)| (t, self.idf(self.term(t).df) * resemblance)),
        )
    }

    /// The word ranking the plain way, for checking `candidates_by_word`: every posting of
    /// every query word (then every resembling word) listed as (claim, word, share), sorted,
    /// summed per claim in the query's word order, and the `wanted` best kept.
    fn candidates_reading_every_posting(&self, q: &Query, wanted: usize) -> Vec<(u32, f32)> {
        let avg = self.avg_len();
        let mut shares: Vec<(u32, usize, f32)> = Vec::new();
        for (w, (t, idf)) in self.word_lists(q).enumerate() {
            for (d, tf) in self.postings(t) {
                let Some(&len) = self.lens.get(d as usize) else {
                    continue;
                };
                shares.push((d, w, word_share(idf, tf, length_norm(len, avg))));
            }
        }
        shares.sort_by_key(|&(d, w, _)| (d, w));
        let mut held: Vec<Held> = Vec::new();
        for run in shares.chunk_by(|x, y| x.0 == y.0) {
            let d = run[0].0;
            if !self.docs[d as usize].live || q.exclude == Some(d) {
                continue;
            }
            let mut score = 0.0f32;
            for &(_, _, s) in run {
                score += s;
            }
            held.push(Held { score, doc: d });
        }
        held.sort();
        held.truncate(wanted);
        held.into_iter().map(|h| (h.doc, h.score)).collect()
    }

    /// When fewer than `wanted` claims share a word, the claims sharing a name or link fill the
    /// rest, smaller numbers first, at score 0.
    fn fill_from_phrases(
        &self,
        q: &Query,
        wanted: usize,
        mut cands: Vec<(u32, f32)>,
    ) -> Vec<(u32, f32)> {
        if cands.len() < wanted && !q.phrases.is_empty() {
            let have: HashSet<u32, FixedState> = cands.iter().map(|c| c.0).collect();
            let mut rest: Vec<u32> = Vec::new();
            for &p in &q.phrases {
                for &d in &self.phrases[p as usize].docs {
                    if self.docs[d as usize].live && q.exclude != Some(d) && !have.contains(&d) {
                        rest.push(d);
                    }
                }
            }
            rest.sort_unstable();
            rest.dedup();
            rest.truncate(wanted - cands.len());
            cands.extend(rest.into_iter().map(|d| (d, 0.0)));
        }
        cands
    }

    /// The best claims for a query: (doc, score, similarities), best first.
    fn rank(&self, q: &Query, options: &SimilarOptions) -> Vec<(u32, f32, Sims)> {
        self.rank_with(q, options, false)
    }

    fn rank_with(
        &self,
        q: &Query,
        options: &SimilarOptions,
        exhaustive: bool,
    ) -> Vec<(u32, f32, Sims)> {
        if options.k == 0 || self.live == 0 || (q.words.is_empty() && q.phrases.is_empty()) {
            return Vec::new();
        }
        let wanted = CANDIDATES.max(options.k.saturating_mul(2));
        let cands = self.candidates(q, wanted, exhaustive);
        let w = &options.weights;
        let total_weight = self.total_weight(q, w);
        if total_weight <= 0.0 {
            return Vec::new();
        }
        let min_shared = options.min_shared_words.min(q.words.len()) as u32;
        let mut scored: Vec<(u32, f32, Sims)> = cands
            .into_iter()
            .map(|(d, _)| {
                let sims = self.similarities(q, d);
                let s = self.combine(&sims, w) / total_weight;
                (d, s as f32, sims)
            })
            .filter(|(_, s, sims)| {
                f64::from(*s) >= options.min_score && *s > 0.0 && sims.shared >= min_shared
            })
            .collect();
        scored.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| natural_cmp(self.doc_id(a.0), self.doc_id(b.0)))
        });
        scored.truncate(options.k);
        scored
    }

    /// The weights of the kinds of evidence the query has.
    fn total_weight(&self, q: &Query, w: &MatchWeights) -> f64 {
        let has_names = q
            .phrases
            .iter()
            .any(|&p| self.phrases[p as usize].kind == PhraseKind::Name);
        w.words
            + w.ngrams
            + if q.numbers.is_empty() { 0.0 } else { w.numbers }
            + if has_names { w.names } else { 0.0 }
            + if q.links > 0 { w.links } else { 0.0 }
    }

    fn combine(&self, sims: &Sims, w: &MatchWeights) -> f64 {
        w.words * f64::from(sims.words)
            + w.ngrams * f64::from(sims.ngrams)
            + w.numbers * f64::from(sims.numbers)
            + w.names * f64::from(sims.names)
            + w.links * f64::from(sims.links)
    }

    fn similarities(&self, q: &Query, d: u32) -> Sims {
        let k1 = K1;
        let mut sims = Sims::default();
        let doc_words: Vec<(u32, u8)> = self.doc_words(d).collect();
        let tf_of = |t: u32| {
            doc_words
                .binary_search_by_key(&t, |x| x.0)
                .ok()
                .map(|i| f32::from(doc_words[i].1) / 4.0)
        };
        // Words: BM25 over stems, as a share of what the query's words could score.
        let norm = bm25_norm(self.lens[d as usize], self.avg_len());
        let mut got = 0.0f32;
        for (t, _, _) in &q.words {
            if let Some(tf) = t.and_then(tf_of) {
                let idf = self.idf(self.term(t.unwrap_or_default()).df);
                got += idf * tf * (k1 + 1.0) / (tf + norm);
                sims.shared += 1;
            }
        }
        let idf_sum = q.idf_sum.max(f32::MIN_POSITIVE);
        sims.words = (got / idf_sum).min(1.0);
        // Character n-grams: BM25 over the n-grams of the claim's words.
        if q.gram_idf_sum > 0.0 {
            let mut dtf: Vec<(u32, f32)> = Vec::new();
            for &(t, tf) in &doc_words {
                for g in self.term_grams(t) {
                    if q.grams.contains_key(g) {
                        dtf.push((*g, f32::from(tf) / 4.0));
                    }
                }
            }
            dtf.sort_unstable_by_key(|x| x.0);
            let norm = bm25_norm(self.gram_len(d), self.avg_gram_len());
            let mut got = 0.0f32;
            let mut i = 0;
            while i < dtf.len() {
                let g = dtf[i].0;
                let mut tf = 0.0;
                while i < dtf.len() && dtf[i].0 == g {
                    tf += dtf[i].1;
                    i += 1;
                }
                if let Some((count, idf)) = q.grams.get(&g) {
                    got += idf * count * tf * (k1 + 1.0) / (tf + norm);
                }
            }
            sims.ngrams = (got / q.gram_idf_sum).min(1.0);
        }
        // Numbers and names: the rarity of those shared, in the unit of the query's words.
        let mut got = 0.0;
        for (t, _) in &q.numbers {
            if let Some(t) = t {
                if tf_of(*t).is_some() {
                    got += self.idf(self.term(*t).df);
                }
            }
        }
        sims.numbers = (got / idf_sum).min(1.0);
        let mine = self.doc_phrases(d);
        let mut names = 0.0;
        let mut links = 0.0;
        for &p in &q.phrases {
            if mine.binary_search(&p).is_err() {
                continue;
            }
            let ph = &self.phrases[p as usize];
            match ph.kind {
                PhraseKind::Name => names += self.idf(ph.df),
                PhraseKind::Link => links += 1.0,
            }
        }
        sims.names = (names / idf_sum).min(1.0);
        if q.links > 0 {
            sims.links = links / q.links as f32;
        }
        sims
    }

    fn explain(&self, q: &Query, d: u32, sims: &Sims, w: &MatchWeights) -> Vec<MatchPart> {
        let doc_words: Vec<(u32, u8)> = self.doc_words(d).collect();
        let has = |t: u32| doc_words.binary_search_by_key(&t, |x| x.0).is_ok();
        let mut parts = Vec::new();
        let mut push = |kind, matched: Vec<String>, similarity: f32, weight: f64| {
            let score = f64::from(similarity) * weight;
            if score > 0.0 {
                parts.push(MatchPart {
                    kind,
                    matched,
                    similarity: f64::from(similarity),
                    score,
                    share: 0.0,
                });
            }
        };
        let words: Vec<String> = q
            .words
            .iter()
            .filter(|(t, _, _)| t.is_some_and(has))
            .map(|(_, _, written)| written.clone())
            .collect();
        push(MatchKind::Words, words, sims.words, w.words);
        // N-grams: the text's words that are not in the claim but share n-grams with one of its
        // words, paired with the claim word sharing most.
        let mut pairs = Vec::new();
        let doc_grams: Vec<(&str, Vec<u64>)> = doc_words
            .iter()
            .map(|&(dt, _)| {
                let text = self.term_text(dt);
                let mut g = Vec::new();
                grams_of(text, 4..=5, &mut g);
                g.sort_unstable();
                (text, g)
            })
            .collect();
        let mut mine = Vec::new();
        for (t, stem, written) in &q.words {
            if t.is_some_and(has) {
                continue;
            }
            mine.clear();
            grams_of(stem, 4..=5, &mut mine);
            let best = doc_grams
                .iter()
                .map(|(text, g)| {
                    (
                        mine.iter().filter(|h| g.binary_search(h).is_ok()).count(),
                        *text,
                    )
                })
                .max_by_key(|x| x.0);
            if let Some((shared, text)) = best {
                if shared >= 2 {
                    pairs.push(format!("{written}~{text}"));
                }
            }
        }
        push(MatchKind::Ngrams, pairs, sims.ngrams, w.ngrams);
        let numbers: Vec<String> = q
            .numbers
            .iter()
            .filter(|(t, _)| t.is_some_and(has))
            .map(|(_, n)| n.clone())
            .collect();
        push(MatchKind::Numbers, numbers, sims.numbers, w.numbers);
        let mine = self.doc_phrases(d);
        for (kind, pk, sim, weight) in [
            (MatchKind::Names, PhraseKind::Name, sims.names, w.names),
            (MatchKind::Links, PhraseKind::Link, sims.links, w.links),
        ] {
            let matched: Vec<String> = q
                .phrases
                .iter()
                .filter(|&&p| self.phrases[p as usize].kind == pk && mine.binary_search(&p).is_ok())
                .map(|&p| self.phrase_text(p).to_owned())
                .collect();
            push(kind, matched, sim, weight);
        }
        let total_weight = self.total_weight(q, w);
        let total: f64 = parts.iter().map(|p| p.score).sum();
        for p in &mut parts {
            p.share = if total > 0.0 { p.score / total } else { 0.0 };
            if total_weight > 0.0 {
                p.score /= total_weight;
            }
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Claim;
    use crate::ClaimGraph;

    /// The length norms a question keeps are those of the index as it is after every kind of
    /// change: a claim added or removed moves the mean length, so every norm.
    #[test]
    fn the_length_norms_kept_follow_every_change() {
        let mut g = ClaimGraph::new();
        for (id, text) in [
            ("a", "The mayor rejected the budget"),
            (
                "b",
                "The army funded the bridge project at the northern border",
            ),
            ("c", "Budget talks stalled"),
        ] {
            g.add_claim(Claim::new(id, text)).unwrap();
        }
        let mut index = ClaimIndex::new(&g);
        let fresh = |index: &ClaimIndex| {
            let avg = index.avg_len();
            index
                .lens
                .iter()
                .map(|&len| length_norm(len, avg))
                .collect::<Vec<f32>>()
        };
        assert_eq!(index.length_norms(), fresh(&index));
        assert!(index.remove_claim("b"));
        assert_eq!(index.length_norms(), fresh(&index), "after a removal");
        g.add_claim(Claim::new("d", "A short claim")).unwrap();
        index.refresh_claim(&g, "d");
        assert_eq!(index.length_norms(), fresh(&index), "after an addition");
        assert_eq!(index.length_norms().len(), 4);
    }
}
