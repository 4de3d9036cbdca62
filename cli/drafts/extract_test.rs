
// --- extract --------------------------------------------------------------------------------

const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/reference/putin-dprk-visit-2024-06-18.txt"
);

#[test]
fn extract_writes_the_draft_graph_as_native_json() {
    let out = stdout_of(claimgraph().args(["extract", ARTICLE]));
    let g = ClaimGraph::from_json(&out).unwrap();
    assert_eq!(g.get_source("rok-sources").unwrap().kind, claimgraph::SourceKind::UnnamedGroup);
    assert_eq!(g.get_source("the-west").unwrap().kind, claimgraph::SourceKind::Collective);
}

#[test]
fn extract_spans_writes_character_offsets_in_the_evaluation_format() {
    let dir = temp();
    let file = dir.path().join("café.txt");
    let text = "Der Minister Jürgen Müller said that the café will close.";
    fs::write(&file, text).unwrap();
    let out = stdout_of(claimgraph().arg("extract").arg("--spans").arg(&file));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["doc"], "café");
    let content = &v["attributions"][0]["content"];
    let chars: Vec<char> = text.chars().collect();
    let (a, b) = (content[0].as_u64().unwrap() as usize, content[1].as_u64().unwrap() as usize);
    assert_eq!(chars[a..b].iter().collect::<String>(), "that the café will close.");
}

#[test]
fn extract_of_a_missing_or_binary_file_names_it() {
    claimgraph()
        .args(["extract", "no-such-article.txt"])
        .assert()
        .failure()
        .stderr(contains("no-such-article.txt"));
    let dir = temp();
    let file = dir.path().join("binary.txt");
    fs::write(&file, [0xff, 0xfe, 0x00]).unwrap();
    claimgraph()
        .arg("extract")
        .arg(&file)
        .assert()
        .failure()
        .stderr(contains("not UTF-8"));
}
