//! Word lists shared by everything that turns words into records: the importers (a ClaimReview
//! claimant such as "Multiple sources") and the text extractor ("officials familiar with the
//! matter said ...") decide with the same list whether a source names nobody.

use crate::model::SourceKind;

/// Head nouns (English, lower case) of sources that name nobody and are a group of people:
/// "ROK sources", "officials familiar with the talks", "some Western commentators".
const UNNAMED_GROUP_HEADS: &[&str] = &[
    "sources",
    "officials",
    "insiders",
    "aides",
    "diplomats",
    "witnesses",
    "eyewitnesses",
    "analysts",
    "experts",
    "observers",
    "commentators",
    "critics",
    "pundits",
    "residents",
    "locals",
    "users",
    "posts",
    "posters",
    "bloggers",
    "netizens",
    "internauts",
    "activists",
    "campaigners",
    "opponents",
    "supporters",
    "skeptics",
    "sceptics",
    "rumors",
    "rumours",
    "reports",
    "people",
    "persons",
    "individuals",
    "someone",
    "somebody",
    "many",
    "others",
];

/// Singular heads that name nobody only when indefinite ("a source", "an official", "one
/// diplomat"); "the official" usually points back at someone named before.
const UNNAMED_SINGULAR_HEADS: &[&str] = &[
    "source",
    "official",
    "insider",
    "aide",
    "diplomat",
    "witness",
    "eyewitness",
    "analyst",
    "expert",
    "observer",
    "commentator",
    "critic",
    "resident",
    "user",
    "post",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "person",
];

/// Heads of collectives spoken of as one: "the West", "media from the ROK", "the public".
const COLLECTIVE_HEADS: &[&str] = &[
    "west",
    "east",
    "media",
    "press",
    "public",
    "community",
    "world",
    "society",
    "establishment",
    "internet",
    "web",
    "opposition",
];

/// Sources that name nobody in other languages, written head first ("Fuentes varias",
/// "Sources multiples"): the first word decides. Lower case, accents kept.
const HEAD_FIRST: &[(&str, SourceKind)] = &[
    ("fuentes", SourceKind::UnnamedGroup),
    ("fuente", SourceKind::UnnamedGroup),
    ("fontes", SourceKind::UnnamedGroup),
    ("fonte", SourceKind::UnnamedGroup),
    ("fonti", SourceKind::UnnamedGroup),
    ("sources", SourceKind::UnnamedGroup),
    ("source", SourceKind::UnnamedGroup),
    ("usuarios", SourceKind::UnnamedGroup),
    ("usuários", SourceKind::UnnamedGroup),
    ("utilisateurs", SourceKind::UnnamedGroup),
    ("utenti", SourceKind::UnnamedGroup),
    ("internautes", SourceKind::UnnamedGroup),
    ("internautas", SourceKind::UnnamedGroup),
    ("publicaciones", SourceKind::UnnamedGroup),
    ("publicações", SourceKind::UnnamedGroup),
    ("publications", SourceKind::UnnamedGroup),
    ("posts", SourceKind::UnnamedGroup),
    ("mensajes", SourceKind::UnnamedGroup),
    ("cadenas", SourceKind::UnnamedGroup),
    ("rumores", SourceKind::UnnamedGroup),
    ("rumeurs", SourceKind::UnnamedGroup),
    ("varios", SourceKind::UnnamedGroup),
    ("varias", SourceKind::UnnamedGroup),
    ("várias", SourceKind::UnnamedGroup),
    ("vários", SourceKind::UnnamedGroup),
    ("plusieurs", SourceKind::UnnamedGroup),
    ("diversas", SourceKind::UnnamedGroup),
    ("diversos", SourceKind::UnnamedGroup),
    ("múltiples", SourceKind::UnnamedGroup),
    ("multiples", SourceKind::UnnamedGroup),
    ("múltiplas", SourceKind::UnnamedGroup),
    ("quellen", SourceKind::UnnamedGroup),
    ("nutzer", SourceKind::UnnamedGroup),
    ("redes", SourceKind::Collective),
    ("réseaux", SourceKind::Collective),
    ("medios", SourceKind::Collective),
    ("médias", SourceKind::Collective),
    ("mídia", SourceKind::Collective),
    ("prensa", SourceKind::Collective),
    ("presse", SourceKind::Collective),
];

/// Words that end the head's noun phrase in English: what follows modifies it ("officials
/// *familiar with* the matter", "media *from* the ROK").
const POST_MODIFIERS: &[&str] = &[
    "of", "from", "in", "at", "on", "for", "with", "within", "inside", "close", "familiar", "who",
    "that", "which", "involved", "briefed", "speaking", "quoted", "cited", "across", "around",
    "to", "by",
];

/// Determiners that make a singular head indefinite.
const INDEFINITE: &[&str] = &["a", "an", "one", "another", "some", "any"];

/// Whether a source named `name` names nobody, and if so which kind it is:
/// [`SourceKind::UnnamedGroup`] for unnamed people ("ROK sources", "officials familiar with the
/// matter", "some Western commentators", "Multiple sources", "Fuentes varias", "social media
/// users"), [`SourceKind::Collective`] for a collective spoken of as one ("the West", "media from
/// the ROK", "the international community"). `None` for a source that names someone ("Vladimir
/// Putin", "Yonhap news agency", "the Ministry of Unification").
///
/// The decision rests on the phrase's head noun, so it works on a source's name as an importer
/// finds it and on a noun phrase cut from running text alike.
///
/// ```
/// use claimgraph::{lexicon::unnamed_source_kind, SourceKind};
/// assert_eq!(unnamed_source_kind("ROK sources"), Some(SourceKind::UnnamedGroup));
/// assert_eq!(unnamed_source_kind("the West"), Some(SourceKind::Collective));
/// assert_eq!(unnamed_source_kind("Sources multiples"), Some(SourceKind::UnnamedGroup));
/// assert_eq!(unnamed_source_kind("Vladimir Putin"), None);
/// ```
pub fn unnamed_source_kind(name: &str) -> Option<SourceKind> {
    let words: Vec<String> = name
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let first = words.first()?;
    if let Some(&(_, kind)) = HEAD_FIRST.iter().find(|(w, _)| w == first) {
        // "Sources say" is English too; both readings agree on the kind.
        return Some(kind);
    }
    let end = words
        .iter()
        .position(|w| POST_MODIFIERS.contains(&w.as_str()))
        .unwrap_or(words.len());
    let phrase = &words[..end];
    let head = phrase.last()?.trim_end_matches(['\'', '\u{2019}']);
    let head = head.strip_suffix("'s").unwrap_or(head);
    if UNNAMED_GROUP_HEADS.contains(&head) {
        return Some(SourceKind::UnnamedGroup);
    }
    if COLLECTIVE_HEADS.contains(&head) {
        // "the press", "the West", "social media"; "Media Matters" has another head.
        return Some(SourceKind::Collective);
    }
    if UNNAMED_SINGULAR_HEADS.contains(&head)
        && phrase.len() >= 2
        && INDEFINITE.contains(&phrase[0].as_str())
    {
        return Some(SourceKind::UnnamedGroup);
    }
    None
}

/// True when `name` names nobody: an unnamed group or a collective (see
/// [`unnamed_source_kind`]).
///
/// ```
/// assert!(claimgraph::lexicon::names_nobody("officials familiar with the matter"));
/// assert!(!claimgraph::lexicon::names_nobody("Facebook co-founder Mark Zuckerberg"));
/// ```
pub fn names_nobody(name: &str) -> bool {
    unnamed_source_kind(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unnamed_groups_in_english_and_other_languages() {
        for name in [
            "ROK sources",
            "officials familiar with the matter",
            "some Western commentators",
            "Multiple sources",
            "multiple sources",
            "social media users",
            "Fuentes varias",
            "Sources multiples",
            "critics",
            "a source close to the minister",
            "an official",
            "Facebook posts",
            "Varias fuentes",
            "people familiar with the talks",
        ] {
            assert_eq!(
                unnamed_source_kind(name),
                Some(SourceKind::UnnamedGroup),
                "{name}"
            );
        }
    }

    #[test]
    fn collectives() {
        for name in [
            "the West",
            "media from the Republic of Korea (ROK)",
            "ROK media",
            "the international community",
            "Redes sociales",
            "the press",
        ] {
            assert_eq!(
                unnamed_source_kind(name),
                Some(SourceKind::Collective),
                "{name}"
            );
        }
    }

    #[test]
    fn named_sources_are_not_unnamed() {
        for name in [
            "Vladimir Putin",
            "Yonhap news agency",
            "the Ministry of Unification",
            "Media Matters",
            "The official",
            "Facebook co-founder Mark Zuckerberg",
            "",
            "   ",
            "Russia",
        ] {
            assert_eq!(unnamed_source_kind(name), None, "{name:?}");
        }
    }
}
