//! Any text gives a draft, never a panic, and every span is inside the text on character
//! boundaries.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimgraph_extract::{extract, ExtractOptions};
use proptest::prelude::*;

fn check(text: &str) {
    let d = extract(text, &ExtractOptions::default()).expect("any text drafts");
    for a in &d.attributions {
        for s in a
            .source
            .iter()
            .chain(a.cue.iter())
            .chain(std::iter::once(&a.content))
            .chain(a.content_parts.iter())
        {
            assert!(s.start <= s.end && s.end <= text.len(), "{s:?} in {text:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
    let n = text.chars().count();
    for r in d.span_records() {
        assert!(r.content[0] < r.content[1] && r.content[1] <= n);
    }
    let _ = d.to_html();
    let _ = d.graph.to_json();
}

#[test]
fn edge_cases() {
    for text in [
        "",
        " ",
        "\"",
        "\"\"",
        "\u{201c}",
        "said",
        "\"a b c,\" said",
        "According to",
        "according to ,",
        "He said.",
        "\"I think\"",
        "Image:",
        ". Image: X",
        // A credit line naming no one (found by the property test below).
        ". Image: ,",
        // A credit line whose only word is a reporting verb (found by the property test).
        ". Image: . , denied",
        "Caption here. Image: ; .",
        "there are beliefs in",
        "In an op-ed,",
        "\"One two three four,\" he",
        "\u{ab}\u{bb}\u{ab}",
        "X, said Y, Z",
        "(\"",
        "\n\n\"\n\n\"",
        "Reports:",
        "Both and and said that",
        "a, b, c, d said that e f g h",
    ] {
        check(text);
    }
}

proptest! {
    #[test]
    fn any_text_drafts(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn news_like_text_drafts(words in proptest::collection::vec(prop_oneof![
        Just("said"), Just("\""), Just("\u{201c}"), Just("\u{201d}"), Just(","), Just("."), Just("According"),
        Just("to"), Just("he"), Just("The"), Just("minister"), Just("Smith"), Just("that"), Just("\n\n"),
        Just("denied"), Just("I"), Just("think"), Just("Image:"), Just("In"), Just("an"), Just("op-ed"),
        Just("there"), Just("are"), Just("beliefs"), Just("in"), Just("West"), Just("told"), Just("é"),
    ], 0..60)) {
        check(&words.join(" "));
    }
}
