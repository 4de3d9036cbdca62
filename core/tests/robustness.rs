//! Nothing panics on any input: every reader is fed damaged versions of real documents (cut short,
//! bytes changed, pieces swapped in) and must answer with a graph or an error.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use claimgraph::{ClaimGraph, PictureOptions};
use proptest::prelude::*;

fn shared(rel: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared")
        .join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| {
        panic!(
            "{} is missing ({e}): the shared interop documents sit beside the checkout",
            p.display()
        )
    })
}

fn native_doc() -> String {
    let (g, _) = ClaimGraph::from_prov_json(&shared("interop/prov/primer/primer.json")).unwrap();
    g.to_json()
}

const JSONL: &str = concat!(
    r#"{"type":"meta","format_version":1}"#,
    "\n",
    r#"{"type":"source","id":"s0","kind":"outlet","name":"The Daily","anonymous":false}"#,
    "\n",
    r#"{"type":"source","id":"s1","kind":"anonymous_group","name":"staff","anonymous":true}"#,
    "\n",
    r#"{"type":"citation","id":"x0","from":"s0","to":"s1","date":"2021-03-04","cycle":false}"#,
    "\n",
    r#"{"type":"claim","id":"c0","text":"The mayor approved the budget"}"#,
    "\n",
    r#"{"type":"attribution","id":"a0","source":"s0","claim":"c0","stance":"asserts","date":"2020-01-15","quote":"we did"}"#,
    "\n"
);

/// A damaged copy of `doc`: cut at a point, a byte replaced, or a fragment inserted.
fn damage(doc: &str, how: u8, at: usize, byte: u8, fragment: &str) -> String {
    let mut bytes = doc.as_bytes().to_vec();
    let at = at % (bytes.len() + 1);
    match how % 3 {
        0 => bytes.truncate(at),
        1 => {
            if let Some(b) = bytes.get_mut(at) {
                *b = byte;
            }
        }
        _ => {
            bytes.splice(at..at, fragment.bytes());
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn fragment() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "null",
        "-1",
        "1e999",
        "\"\\u0000\"",
        "{}",
        "[]",
        "\"prov:type\"",
        "\"@graph\"",
        "\"2024-13-45\"",
        "\"x\":{\"$\":1}",
        "true",
    ])
    .prop_map(str::to_owned)
}

fn exercise(g: &ClaimGraph) {
    let _ = g.statuses();
    let _ = g.findings();
    let _ = g.assessments();
    let _ = g.to_json();
    let _ = g.to_prov_json();
    let _ = g.to_claimreview_json();
    let _ = g.to_dot(&PictureOptions::whole_graph());
    let _ = g.as_of(&"2024-06".parse().unwrap());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn damaged_prov_json_never_panics(how: u8, at: usize, byte: u8, f in fragment()) {
        let doc = damage(&shared("interop/prov/primer/primer.json"), how, at, byte, &f);
        if let Ok((g, _)) = ClaimGraph::from_prov_json(&doc) {
            exercise(&g);
        }
    }

    #[test]
    fn damaged_claimreview_never_panics(how: u8, at: usize, byte: u8, f in fragment()) {
        let doc = damage(
            &shared("interop/claimreview/sdo-eg0324-politifact-perry-homicides.jsonld"),
            how, at, byte, &f,
        );
        if let Ok((g, _)) = ClaimGraph::from_claimreview_json(&doc) {
            exercise(&g);
        }
    }

    #[test]
    fn damaged_native_json_never_panics(how: u8, at: usize, byte: u8, f in fragment()) {
        let doc = damage(&native_doc(), how, at, byte, &f);
        if let Ok(g) = ClaimGraph::from_json(&doc) {
            exercise(&g);
        }
    }

    #[test]
    fn damaged_json_lines_never_panic(how: u8, at: usize, byte: u8, f in fragment()) {
        let doc = damage(JSONL, how, at, byte, &f);
        if let Ok((g, _)) = ClaimGraph::from_jsonl(doc.as_bytes()) {
            exercise(&g);
        }
    }
}
