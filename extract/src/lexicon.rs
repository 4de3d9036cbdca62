//! The shipped word lists (`extract/lexicon/`), read once into lookup tables.

use std::collections::{HashMap, HashSet};

use foldhash::fast::FixedState;

/// Lookups on every token: a fast fixed hash, as the core's index uses.
type Map<K, V> = HashMap<K, V, FixedState>;
type Set<K> = HashSet<K, FixedState>;
use std::sync::OnceLock;

use claimgraph::{Modality, SourceKind, Stance};

const VERBS: &str = include_str!("../lexicon/reporting_verbs.tsv");
const SOURCES: &str = include_str!("../lexicon/sources.tsv");
const STATES: &str = include_str!("../lexicon/states.txt");

/// What a reporting verb needs after it to head an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbClass {
    /// "said he was ...": any clause; "..., said X" inverts.
    Speech,
    /// "believes X is ...": a clause with a finite verb.
    Mental,
    /// "found X exceeded ...": a clause with a finite verb.
    Evidence,
    /// Only "that", a wh-word, a colon or a quote.
    That,
}

/// One reporting verb form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Verb {
    pub stance: Stance,
    pub modality: Modality,
    pub class: VerbClass,
    /// The bare present ("say", not "says"): only first person, plural and after auxiliaries.
    pub base: bool,
}

pub(crate) struct Lexicon {
    pub verbs: Map<String, Verb>,
    /// Head nouns and their kind.
    pub heads: Map<String, SourceKind>,
    /// Words anywhere in a phrase that make it a person.
    pub person_words: Set<String>,
    /// Words anywhere in a phrase that make it an outlet.
    pub outlet_words: Set<String>,
    /// States, lower case.
    pub states: Set<String>,
    /// Lines that did not parse (the lexicon tests require none).
    pub rejected: Vec<String>,
}

fn parse_stance(s: &str) -> Option<Stance> {
    s.parse().ok()
}

fn parse_modality(s: &str) -> Option<Modality> {
    s.parse().ok()
}

fn parse_class(s: &str) -> Option<VerbClass> {
    Some(match s {
        "speech" => VerbClass::Speech,
        "mental" => VerbClass::Mental,
        "evidence" => VerbClass::Evidence,
        "that" => VerbClass::That,
        _ => return None,
    })
}

fn lines(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn build() -> Lexicon {
    let mut lex = Lexicon {
        verbs: Map::default(),
        heads: Map::default(),
        person_words: Set::default(),
        outlet_words: Set::default(),
        states: Set::default(),
        rejected: Vec::new(),
    };
    for line in lines(VERBS) {
        let cols: Vec<&str> = line.split('\t').collect();
        let parsed = match cols.as_slice() {
            [forms, stance, modality, class] => parse_stance(stance)
                .zip(parse_modality(modality))
                .zip(parse_class(class))
                .map(|((s, m), c)| (forms, s, m, c)),
            _ => None,
        };
        let Some((forms, stance, modality, class)) = parsed else {
            lex.rejected.push(line.to_owned());
            continue;
        };
        for (k, form) in forms.split_whitespace().enumerate() {
            lex.verbs.insert(
                form.to_owned(),
                Verb {
                    stance,
                    modality,
                    class,
                    base: k == 0,
                },
            );
        }
    }
    for line in lines(SOURCES) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [how, kind, words] = cols.as_slice() else {
            lex.rejected.push(line.to_owned());
            continue;
        };
        let Ok(kind) = kind.parse::<SourceKind>() else {
            lex.rejected.push(line.to_owned());
            continue;
        };
        for w in words.split_whitespace() {
            match *how {
                "head" => {
                    lex.heads.entry(w.to_owned()).or_insert(kind);
                }
                "word" if kind == SourceKind::Person => {
                    lex.person_words.insert(w.to_owned());
                }
                "word" if kind == SourceKind::Outlet => {
                    lex.outlet_words.insert(w.to_owned());
                }
                _ => lex.rejected.push(line.to_owned()),
            }
        }
    }
    for line in lines(STATES) {
        lex.states.insert(line.trim().to_lowercase());
    }
    lex
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(build)
}

/// Words that never end a noun phrase that could be a source.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or",
    "but", "that", "which", "who", "whom", "whose", "this", "these", "those", "is", "was", "are",
    "were", "be", "been", "being", "as", "if", "than", "then", "so", "not", "no", "into", "about",
    "over", "after", "before", "since", "while", "when", "where", "because", "although", "though",
    "what", "how", "why", "there", "here", "also", "very", "its", "his", "her", "their", "our",
    "my", "your", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could",
    "may", "might", "must", "should", "shall", "up", "out", "all", "any", "some", "such", "even",
    "just", "only", "now", "again", "yet", "still", "already", "ever", "never", "too", "between",
    "through", "during", "against", "under", "upon", "via", "per", "once", "both", "each", "every",
    "either", "neither", "nor", "whether",
];

/// Auxiliaries, negation and adverbs that may stand between a subject and its reporting verb.
pub(crate) const VERB_PREFIX: &[&str] = &[
    "has",
    "have",
    "had",
    "'ve",
    "\u{2019}ve",
    "also",
    "further",
    "previously",
    "recently",
    "later",
    "then",
    "once",
    "again",
    "repeatedly",
    "reportedly",
    "allegedly",
    "publicly",
    "privately",
    "now",
    "still",
    "already",
    "often",
    "always",
    "never",
    "not",
    "did",
    "does",
    "do",
    "would",
    "will",
    "could",
    "may",
    "might",
    "must",
    "should",
    "can",
    "shall",
    "first",
    "earlier",
    "long",
    "widely",
    "strongly",
    "firmly",
    "flatly",
    "categorically",
    "vehemently",
    "quickly",
    "immediately",
    "openly",
    "clearly",
    "simply",
    "only",
    "just",
    "even",
    "all",
    "both",
    "themselves",
    "himself",
    "herself",
    "itself",
    "n't",
    "didn't",
    "doesn't",
    "don't",
    "hasn't",
    "haven't",
    "hadn't",
    "wouldn't",
    "won't",
    "didn\u{2019}t",
    "doesn\u{2019}t",
    "don\u{2019}t",
    "hasn\u{2019}t",
    "haven\u{2019}t",
];

/// Words that make the verb's polarity negative when they precede it.
pub(crate) fn is_negation(w: &str) -> bool {
    matches!(w, "not" | "never" | "n't") || w.ends_with("n't") || w.ends_with("n\u{2019}t")
}

/// Words that mark a finite clause, for verbs that may take a bare clause only when it has one.
pub(crate) const FINITE_MARKERS: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "should",
    "must",
    "shall",
    "does",
    "did",
    "do",
    "won't",
    "can't",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "doesn't",
    "didn't",
    "began",
    "became",
    "came",
    "went",
    "got",
    "made",
    "took",
    "gave",
    "knew",
    "saw",
    "left",
    "felt",
    "held",
    "kept",
    "led",
    "lost",
    "met",
    "ran",
    "rose",
    "fell",
    "grew",
    "won",
    "brought",
    "bought",
    "built",
    "sent",
    "spent",
    "stood",
    "lose",
    "loses",
    "show",
    "shows",
    "needs",
    "remains",
    "appears",
    "seems",
    "exceeds",
    "identifies",
    "features",
    "causes",
    "helps",
    "means",
    "makes",
    "gets",
    "goes",
    "takes",
    "gives",
    "comes",
    "wishes",
    "wants",
    "lies",
    "depends",
    "continues",
    "happens",
    "exists",
    "stays",
    "plans",
];

/// Subordinators that open a content clause on their own.
pub(crate) const CLAUSE_OPENERS: &[&str] = &[
    "that", "how", "why", "whether", "what", "when", "where", "who", "if", "which",
];

/// Pronouns that can be a source.
pub(crate) fn pronoun_kind(w: &str) -> Option<(SourceKind, bool)> {
    // (kind, plural)
    Some(match w {
        "he" | "she" | "i" => (SourceKind::Person, false),
        "we" => (SourceKind::Person, true),
        "it" => (SourceKind::Organization, false),
        "they" => (SourceKind::Organization, true),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_line_parses() {
        let lex = lexicon();
        assert!(lex.rejected.is_empty(), "{:?}", lex.rejected);
        assert!(lex.verbs.len() > 200);
        assert_eq!(lex.verbs["denied"].stance, Stance::Denies);
        assert_eq!(lex.verbs["claimed"].modality, Modality::Alleged);
        assert!(lex.states.contains("north korea"));
    }
}
