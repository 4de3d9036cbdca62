//! The patterns of news attribution, each through the public API: what the source, cue and
//! content words are, and what the draft graph records.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use claimgraph::{Modality, SourceKind, SourceRelationKind, Stance};
use claimgraph_extract::{extract, ExtractOptions, Extraction, FoundAttribution, Polarity};

fn draft(text: &str) -> Extraction {
    extract(text, &ExtractOptions::default()).expect("drafts")
}

/// (source, cue, content) words of every attribution.
fn triples(d: &Extraction) -> Vec<(String, String, String)> {
    let t = |s: Option<claimgraph_extract::Span>| {
        s.map_or(String::new(), |s| s.text(&d.text).to_owned())
    };
    d.attributions
        .iter()
        .map(|a| (t(a.source), t(a.cue), a.content.text(&d.text).to_owned()))
        .collect()
}

fn kind_of(d: &Extraction, a: &FoundAttribution) -> SourceKind {
    d.graph.get_source(&a.source_ids[0]).unwrap().kind
}

#[test]
fn quotes_in_every_common_style_with_the_speech_clause_after() {
    for (open, close) in [
        ("\"", "\""),
        ("\u{201c}", "\u{201d}"),
        ("\u{ab}", "\u{bb}"),
        ("\u{ab} ", " \u{bb}"),
    ] {
        let text = format!("The minister spoke. {open}We will not raise taxes this year,{close} Finance Minister Anna Berg said.");
        let d = draft(&text);
        let t = triples(&d);
        assert_eq!(t.len(), 1, "{open}: {t:?}");
        assert_eq!(t[0].0, "Finance Minister Anna Berg");
        assert_eq!(t[0].1, "said");
        assert!(
            t[0].2.contains("We will not raise taxes this year"),
            "{t:?}"
        );
        let a = &d.attributions[0];
        assert!(a.direct_quote);
        let rec = d.graph.get_attribution(&a.attribution_ids[0]).unwrap();
        assert_eq!(
            rec.quote.as_deref(),
            Some("We will not raise taxes this year")
        );
        let speaker = d.graph.get_source(&a.source_ids[0]).unwrap();
        assert_eq!(
            (speaker.kind, speaker.name.as_str()),
            (SourceKind::Person, "Anna Berg")
        );
    }
}

#[test]
fn quote_with_the_speech_clause_before_and_inverted() {
    let d = draft(
        "Coach Nabil Maaloul said: \"We were playing against a highly skilled team.\" \
                   \"It was a hard game for all of us,\" said Maaloul.",
    );
    let t = triples(&d);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(
        (t[0].0.as_str(), t[0].1.as_str()),
        ("Coach Nabil Maaloul", "said")
    );
    assert!(t[0].2.starts_with("\"We were playing"));
    assert_eq!((t[1].0.as_str(), t[1].1.as_str()), ("Maaloul", "said"));
    // One person, twice.
    assert_eq!(d.attributions[0].source_ids, d.attributions[1].source_ids);
}

#[test]
fn a_quote_running_over_paragraphs_is_one_content() {
    let text =
        "After the match, coach Hernan Gomez said, \"I think we have learned a lot today.\n\n\
                \"It was a very emotional day for the whole team.\"\n\nThe next game is on Sunday.";
    let d = draft(text);
    let quote = d
        .attributions
        .iter()
        .find(|a| a.cue.map(|c| c.text(text)) == Some("said"))
        .expect("the quote");
    let content = quote.content.text(text);
    assert!(
        content.contains("learned a lot") && content.contains("emotional day"),
        "{content}"
    );
    // The first-person belief inside the quote is the speaker's too.
    let think = d
        .attributions
        .iter()
        .find(|a| a.cue.map(|c| c.text(text)) == Some("think"))
        .expect("I think");
    assert_eq!(think.source_ids, quote.source_ids);
    assert_eq!(think.modality, Modality::Alleged);
}

#[test]
fn he_said_inside_a_quote() {
    let text = "Mayor Ana Lopez spoke on Monday. \"We will rebuild the bridge,\" she said, \"and we will do it before winter.\"";
    let d = draft(text);
    let a = &d.attributions[0];
    assert_eq!(a.source.map(|s| s.text(text)), Some("she"));
    let parts: Vec<&str> = a.content_parts.iter().map(|p| p.text(text)).collect();
    assert_eq!(parts.len(), 2, "{:?}", triples(&d));
    assert!(parts[1].contains("before winter"));
    // "she" is the mayor.
    assert_eq!(
        d.graph.get_source(&a.source_ids[0]).unwrap().name,
        "Ana Lopez"
    );
}

#[test]
fn according_to_before_and_after() {
    let text = "According to the Saudi Interior Ministry over 345 pilgrims were killed. \
                A storm caused a crane to fall, according to the Civil Defense Authority.";
    let d = draft(text);
    let t = triples(&d);
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].0, "the Saudi Interior Ministry");
    assert!(t[0].2.starts_with("over 345 pilgrims"));
    assert_eq!(t[1].0, "the Civil Defense Authority");
    assert_eq!(t[1].2, "A storm caused a crane to fall");
    assert!(d
        .attributions
        .iter()
        .all(|a| kind_of(&d, a) == SourceKind::Government));
}

#[test]
fn according_to_a_report_seen_by_an_agency() {
    let text = "According to a report seen by Reuters, the company lost $2 billion last year.";
    let d = draft(text);
    let a = &d.attributions[0];
    assert_eq!(kind_of(&d, a), SourceKind::Document);
    let cites: Vec<_> = d
        .graph
        .source_relations()
        .filter(|r| r.kind == SourceRelationKind::Cites)
        .collect();
    assert_eq!(cites.len(), 1);
    assert_eq!(d.graph.get_source(&cites[0].from).unwrap().name, "Reuters");
    assert_eq!(cites[0].to, a.source_ids[0]);
}

#[test]
fn told_and_a_statement_to() {
    let text = "Heald told The Huffington Post, US surface ozone has dropped partly due to the Clean Air Act. \
                In a statement to the ABC, the Church denied that it had known of the abuse.";
    let d = draft(text);
    let t = triples(&d);
    assert_eq!(t[0].0, "Heald");
    assert_eq!(t[0].1, "told");
    assert!(t[0].2.starts_with("US surface ozone"));
    let denial = &d.attributions[1];
    assert_eq!(denial.stance, Stance::Denies);
    assert!(denial
        .content
        .text(text)
        .contains("it had known of the abuse"));
}

#[test]
fn reported_speech_belief_and_finding_with_their_modality() {
    let text = "Officials familiar with the talks said the deal would be signed in June. \
                Critics believe the plan will fail. \
                A recent poll found only a quarter of citizens favoured the change. \
                Analysts expect that prices will rise.";
    let d = draft(text);
    let t = triples(&d);
    assert_eq!(t.len(), 4, "{t:?}");
    assert_eq!(kind_of(&d, &d.attributions[0]), SourceKind::UnnamedGroup);
    assert_eq!(kind_of(&d, &d.attributions[1]), SourceKind::UnnamedGroup);
    assert_eq!(d.attributions[1].modality, Modality::Alleged);
    assert_eq!(kind_of(&d, &d.attributions[2]), SourceKind::Document);
    assert_eq!(d.attributions[3].modality, Modality::Expected);
}

#[test]
fn content_before_the_speech_clause() {
    let text = "Almost half of all primary school children are iodine deficient, researchers say. \
                Institutional recipients, said Mauer, are required to exhibit the photographs.";
    let d = draft(text);
    let t = triples(&d);
    assert_eq!(t[0].0, "researchers");
    assert!(t[0].2.starts_with("Almost half"));
    assert_eq!(t[1].0, "Mauer");
    assert_eq!(d.attributions[1].content_parts.len(), 2);
}

#[test]
fn not_said_is_negative_polarity_and_a_denial_is_positive() {
    let text = "Officials have not said why the plant was closed. The company denied that it polluted the river.";
    let d = draft(text);
    assert_eq!(d.attributions[0].polarity, Polarity::Negative);
    assert_eq!(d.attributions[1].polarity, Polarity::Positive);
    assert_eq!(d.attributions[1].stance, Stance::Denies);
}

#[test]
fn pronouns_and_the_minister_find_the_nearest_fitting_speaker() {
    let text =
        "Foreign Minister Sergei Lavrov met the envoy on Tuesday. Microsoft said it would appeal. \
                He said the talks had failed. The minister said the sanctions were illegal. \
                It said the ruling was wrong.";
    let d = draft(text);
    let by_cue_text = |content: &str| {
        let a = d
            .attributions
            .iter()
            .find(|a| a.content.text(text).contains(content))
            .expect(content);
        d.graph.get_source(&a.source_ids[0]).unwrap().name.clone()
    };
    assert_eq!(by_cue_text("talks had failed"), "Sergei Lavrov");
    assert_eq!(by_cue_text("sanctions were illegal"), "Sergei Lavrov");
    assert_eq!(by_cue_text("ruling was wrong"), "Microsoft");
    let resolved = d
        .attributions
        .iter()
        .find(|a| a.content.text(text).contains("talks had failed"))
        .unwrap();
    let named = d
        .attributions
        .iter()
        .find(|a| a.content.text(text).contains("would appeal"))
        .unwrap();
    assert!(
        resolved.confidence < named.confidence,
        "a resolved pronoun is less sure"
    );
}

#[test]
fn headlines_reports_heads_and_photo_credits() {
    let text = "Reports: rebels seize the northern airport\n\nMonday, May 1, 2023\n\n\
                Greek court rules worship of ancient deities is legal\n\n\
                Rebels near the airport on Sunday. Image: Jane Doe.";
    let d = draft(text);
    let t = triples(&d);
    assert!(
        t.iter()
            .any(|x| x.0 == "Reports" && x.1.is_empty() && x.2.starts_with("rebels seize")),
        "{t:?}"
    );
    assert!(
        t.iter().any(|x| x.0 == "Greek court" && x.1 == "rules"),
        "{t:?}"
    );
    let credit = d
        .attributions
        .iter()
        .find(|a| a.kind == claimgraph_extract::FoundKind::MediaCredit)
        .expect("a photo credit");
    assert_eq!(credit.source.map(|s| s.text(text)), Some("Jane Doe"));
    assert_eq!(credit.cue, None);
}

#[test]
fn scare_quotes_and_nouns_are_not_attributions() {
    let text = "The show was called \"Big Night\". His claims about the rules were new. \
                The report was published on Monday.";
    let d = draft(text);
    assert!(d.attributions.is_empty(), "{:?}", triples(&d));
}

#[test]
fn span_records_count_characters_not_bytes() {
    let text = "Der Minister Jürgen Müller said that the café will close.";
    let d = draft(text);
    let r = &d.span_records()[0];
    let chars: Vec<char> = text.chars().collect();
    let source: String = chars[r.source.unwrap()[0]..r.source.unwrap()[1]]
        .iter()
        .collect();
    assert!(source.ends_with("Jürgen Müller"), "{source}");
    let content: String = chars[r.content[0]..r.content[1]].iter().collect();
    assert_eq!(content, "that the café will close.");
    let json = d.to_prediction_json("doc");
    assert_eq!(json["doc"], "doc");
    assert_eq!(json["attributions"][0]["polarity"], "positive");
}

#[test]
fn the_notebook_view_highlights_source_cue_and_content() {
    let text = "Officials said <b>prices</b> would rise & fall.";
    let d = draft(text);
    let html = d.to_html();
    assert!(
        html.contains("<span class=\"cgx-source\">Officials</span>"),
        "{html}"
    );
    assert!(html.contains("<span class=\"cgx-cue\">said</span>"));
    assert!(html.contains("cgx-content"));
    assert!(
        html.contains("&lt;b&gt;prices&lt;/b&gt;"),
        "text is escaped"
    );
    assert!(
        html.contains("unnamed_group"),
        "the records table names the kind"
    );
}
