
#[test]
fn match_finds_the_claim_a_text_is_about_and_says_why() {
    let text = stdout_of(claimgraph().args([
        "match",
        REFERENCE,
        "Did North Korea ship 6700 containers of munitions to Russia?",
        "--k",
        "3",
    ]));
    assert!(text.starts_with("1. containers "), "{text}");
    assert!(text.contains("numbers") && text.contains("6700"), "{text}");
    let json = stdout_of(claimgraph().args([
        "match",
        REFERENCE,
        "6,700 containers",
        "--k",
        "1",
        "--json",
    ]));
    let hit: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(hit["claim"], "containers");
    assert_eq!(hit["rank"], 1);
    assert!(hit["parts"].as_array().unwrap().iter().any(|p| p["kind"] == "words"));
}

#[test]
fn match_answers_a_file_of_queries_as_tsv() {
    let dir = tempfile::tempdir().unwrap();
    let queries = dir.path().join("queries.tsv");
    fs::write(
        &queries,
        "# id TAB text\nq1\tcontainers of munitions\nq2\tPutin op-ed in Rodong Sinmun\n",
    )
    .unwrap();
    let out = stdout_of(claimgraph().args(["match", REFERENCE, "--k", "2", "--queries"]).arg(&queries));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("q1\t1\tcontainers\t"), "{out}");
    assert!(lines.iter().any(|l| l.starts_with("q2\t1\t")), "{out}");
    fs::write(&queries, "no tab here\n").unwrap();
    claimgraph()
        .args(["match", REFERENCE, "--queries"])
        .arg(&queries)
        .assert()
        .failure()
        .stderr(contains("line 1"));
}
