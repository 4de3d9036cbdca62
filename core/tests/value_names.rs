//! Every enum value is named by one table in the core, read by one rule: case does not matter,
//! and `-`, `_` and spaces are the same separator. `FromStr`, serde and `as_str` agree.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimgraph::query::MergeChoice;
use claimgraph::{
    ClaimRelationKind, MatchKind, MergePolicy, Modality, ReasonKind, RecordKind, Reliability,
    SourceKind, SourceRelationKind, Stance,
};

/// For each value: its name parses back, in any case and with any separator, through `FromStr`
/// and serde, and serde writes the name.
fn round_trips<T>(all: &[T])
where
    T: Copy
        + PartialEq
        + std::fmt::Debug
        + std::str::FromStr<Err = claimgraph::Error>
        + serde::Serialize
        + serde::de::DeserializeOwned,
    for<'a> &'a T: Named,
{
    for v in all {
        let name = v.name();
        assert_eq!(name.parse::<T>().unwrap(), *v, "{name}");
        assert_eq!(name.to_uppercase().parse::<T>().unwrap(), *v, "{name}");
        let spaced = name.replace('_', " ");
        assert_eq!(spaced.parse::<T>().unwrap(), *v, "{spaced}");
        let dashed = format!(" {} ", name.replace('_', "-"));
        assert_eq!(dashed.parse::<T>().unwrap(), *v, "{dashed}");
        let json = serde_json::to_string(v).unwrap();
        assert_eq!(json, format!("{name:?}"));
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), *v);
        let capitalised = format!("{:?}", name.to_uppercase());
        assert_eq!(serde_json::from_str::<T>(&capitalised).unwrap(), *v);
    }
    let err = "no-such-value".parse::<T>().unwrap_err().to_string();
    assert!(
        err.contains(all[0].name()),
        "the error lists the names: {err}"
    );
    let err = serde_json::from_str::<T>("\"no-such-value\"")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("no-such-value") && err.contains(all[0].name()),
        "{err}"
    );
}

trait Named {
    fn name(self) -> &'static str;
}

macro_rules! named {
    ($($t:ty),*) => {$(
        impl Named for &$t {
            fn name(self) -> &'static str {
                self.as_str()
            }
        }
    )*};
}
named!(
    SourceKind,
    Reliability,
    Stance,
    Modality,
    SourceRelationKind,
    ClaimRelationKind,
    RecordKind,
    MergePolicy,
    MergeChoice,
    ReasonKind,
    MatchKind
);

#[test]
fn every_enum_reads_its_names_by_the_one_rule() {
    round_trips(&SourceKind::ALL);
    round_trips(&Reliability::ALL);
    round_trips(&Stance::ALL);
    round_trips(&Modality::ALL);
    round_trips(&SourceRelationKind::ALL);
    round_trips(&ClaimRelationKind::ALL);
    round_trips(&RecordKind::ALL);
    round_trips(&MergePolicy::ALL);
    round_trips(&MergeChoice::ALL);
    round_trips(&ReasonKind::ALL);
    round_trips(&MatchKind::ALL);
}

#[test]
fn the_spellings_the_first_version_refused_or_mangled() {
    // "Person" was refused while "Asserts" and "authored-by" were accepted.
    assert_eq!("Person".parse::<SourceKind>().unwrap(), SourceKind::Person);
    assert_eq!("Asserts".parse::<Stance>().unwrap(), Stance::Asserts);
    assert_eq!(
        "authored-by".parse::<SourceRelationKind>().unwrap(),
        SourceRelationKind::AuthoredBy
    );
    assert_eq!(
        "Keep Ours".parse::<MergePolicy>().unwrap(),
        MergePolicy::KeepOurs
    );
    // RecordKind's name has no space; its words are for messages only.
    assert_eq!(RecordKind::SourceRelation.as_str(), "source_relation");
    assert_eq!(RecordKind::SourceRelation.noun(), "source relation");
    assert_eq!(RecordKind::SourceRelation.to_string(), "source relation");
    // A grade keeps its capital letter, and reads in either case.
    assert_eq!(Reliability::B.as_str(), "B");
    assert_eq!("b".parse::<Reliability>().unwrap(), Reliability::B);
}

#[test]
fn everyday_spellings_are_listed_beside_the_value_they_name() {
    assert_eq!(
        "anonymous group".parse::<SourceKind>().unwrap(),
        SourceKind::UnnamedGroup
    );
    assert_eq!(
        "Declined to comment".parse::<Stance>().unwrap(),
        Stance::NoComment
    );
    assert_eq!("believed".parse::<Modality>().unwrap(), Modality::Alleged);
    assert_eq!(
        serde_json::from_str::<SourceKind>("\"anonymous_group\"").unwrap(),
        SourceKind::UnnamedGroup
    );
}

#[test]
fn a_bad_name_says_which_field_and_what_it_may_be() {
    let err = "rumour".parse::<Stance>().unwrap_err();
    let text = err.to_string();
    assert!(text.contains("rumour") && text.contains("stance"), "{text}");
    assert!(
        text.contains("asserts, denies, doubts, no_comment"),
        "{text}"
    );
}
