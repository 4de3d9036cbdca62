//! From found attributions to a draft graph: sources resolved and merged, claims, attributions
//! via the article, and the relations the words state (an op-ed authored by its writer and
//! published in a paper, statistics from a ministry, an agency quoting another).

use std::collections::HashMap as StdHashMap;

use foldhash::fast::FixedState;

use claimgraph::{
    Attribution, Claim, ClaimGraph, RecordKind, Result, Source, SourceKind, SourceRelation,
    SourceRelationKind, Stance,
};

use crate::lexicon::lexicon;
use crate::rules::{Doc, Found, Pattern};
use crate::sources::{
    classify, coordinated, display_name, key_of, key_of_name, name_core, surname, Speaker,
};
use crate::{DraftRecord, Extraction, FoundAttribution, FoundKind, Span};

/// Maps keyed by short strings, looked up (never iterated) while drafting: a fast fixed hasher.
type HashMap<K, V> = StdHashMap<K, V, FixedState>;

struct Builder<'d, 't> {
    doc: &'d Doc<'t>,
    speakers: Vec<Speaker>,
    by_key: HashMap<String, usize>,
    /// Surnames of people named with a title anywhere in the text ("President Vladimir Putin").
    people: Vec<String>,
    /// Subjects of sentences, by position: (token start byte, speaker index), for pronouns.
    recent: Vec<(usize, usize)>,
    records: Vec<DraftRecord>,
    ids: HashMap<String, usize>,
}

/// People named with a title or role word anywhere in the text: "President Vladimir Putin",
/// "coach Nabil Maaloul". Their surnames later make "Putin" a person, not an organization.
fn titled_people(doc: &Doc<'_>) -> Vec<String> {
    let lex = lexicon();
    let text = doc.text;
    let mut out = Vec::new();
    let toks = &doc.tokens;
    let mut i = 0;
    let capitalized = |k: usize| {
        text[toks[k].start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    while i < toks.len() {
        // A role word counts only before a capitalized word: look that up first, it is cheaper.
        if i + 1 < toks.len() && capitalized(i + 1) && lex.person_words.contains(doc.lower(i)) {
            let mut j = i + 1;
            while j < toks.len() && j < i + 5 && capitalized(j) {
                j += 1;
            }
            if j > i + 1 {
                let s = &text[toks[j - 1].start..toks[j - 1].end];
                out.push(
                    s.trim_end_matches("'s")
                        .trim_end_matches("\u{2019}s")
                        .to_lowercase(),
                );
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out.sort();
    out.dedup();
    out
}

fn slug(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                s.push(l);
            }
            dash = false;
        } else if !dash && !s.is_empty() {
            s.push('-');
            dash = true;
        }
        if s.len() > 60 {
            break;
        }
    }
    while s.ends_with('-') {
        s.pop();
    }
    if s.is_empty() {
        s.push_str("source");
    }
    s
}

impl<'d, 't> Builder<'d, 't> {
    fn unique_id(&mut self, base: String, graph: &ClaimGraph) -> String {
        let mut id = base.clone();
        let mut n = self.ids.get(&base).copied().unwrap_or(1);
        while graph.contains_node(&id) || graph.contains_edge(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.ids.insert(base, n);
        id
    }

    /// The speaker a named phrase is, merging it with one met before; none when the phrase
    /// holds no name at all (". , denied" after a picture credit's colon).
    fn named(&mut self, phrase: &str, span: Span) -> Option<usize> {
        let (kind, plural) = classify(phrase, &self.people);
        let name = display_name(phrase, kind);
        if name.trim().is_empty() {
            return None;
        }
        let mut key = key_of_name(&name, kind);
        // "Mauer" after "K.C. Maurer": a lone surname joins the person met before.
        if kind == SourceKind::Organization && !phrase.contains(' ') {
            let pk = format!("person:{}", phrase.trim().to_lowercase());
            if self.by_key.contains_key(&pk) {
                key = pk;
            }
        }
        if let Some(&i) = self.by_key.get(&key) {
            let sp = &mut self.speakers[i];
            sp.mentions.push(span);
            if name.len() > sp.name.len() && kind == sp.kind {
                let old = std::mem::replace(&mut sp.name, name);
                if !sp.aliases.contains(&old) {
                    sp.aliases.push(old);
                }
            } else if name != sp.name && !sp.aliases.contains(&name) {
                sp.aliases.push(name);
            }
            return Some(i);
        }
        if kind == SourceKind::Person {
            if let Some(s) = surname(&name) {
                self.people.push(s);
            }
        }
        self.speakers.push(Speaker {
            name,
            kind,
            plural,
            mentions: vec![span],
            aliases: Vec::new(),
        });
        let i = self.speakers.len() - 1;
        self.by_key.insert(key, i);
        Some(i)
    }

    /// The speaker a pronoun or a definite description ("the minister") refers to: the nearest
    /// mention before it that fits in kind and number.
    fn refer(&self, phrase: &str, at: usize) -> Option<usize> {
        let lower = phrase.trim().to_lowercase();
        let (want_person, want_plural) = match lower.as_str() {
            "he" | "she" | "him" | "her" => (Some(true), false),
            "it" => (Some(false), false),
            "they" => (None, true),
            _ => {
                let rest = lower.strip_prefix("the ")?;
                if rest.contains(' ') || !lexicon().person_words.contains(rest) {
                    return None;
                }
                // "the minister": a person whose words mention the role, else the nearest person.
                let role =
                    self.recent
                        .iter()
                        .rev()
                        .filter(|&&(p, _)| p < at)
                        .find(|&&(_, i)| {
                            let sp = &self.speakers[i];
                            sp.kind == SourceKind::Person
                                && (sp.name.to_lowercase().contains(rest)
                                    || sp.mentions.iter().any(|m| {
                                        m.text(self.doc.text).to_lowercase().contains(rest)
                                    }))
                        });
                return role
                    .map(|&(_, i)| i)
                    .or_else(|| self.nearest(at, Some(true), false));
            }
        };
        self.nearest(at, want_person, want_plural)
    }

    fn nearest(&self, at: usize, want_person: Option<bool>, want_plural: bool) -> Option<usize> {
        self.recent
            .iter()
            .rev()
            .filter(|&&(p, _)| p < at)
            .map(|&(_, i)| i)
            .find(|&i| {
                let sp = &self.speakers[i];
                let person = sp.kind == SourceKind::Person;
                match want_person {
                    Some(true) => person && !sp.plural,
                    Some(false) => !person && !sp.plural,
                    None if want_plural => {
                        sp.plural
                            || matches!(
                                sp.kind,
                                SourceKind::Organization
                                    | SourceKind::Government
                                    | SourceKind::UnnamedGroup
                                    | SourceKind::Collective
                            )
                    }
                    None => true,
                }
            })
    }
}

fn is_pronoun(phrase: &str) -> bool {
    matches!(
        phrase.trim().to_lowercase().as_str(),
        "he" | "she" | "it" | "they" | "i" | "we" | "him" | "her"
    )
}

/// Sentence subjects that look like names, for pronouns whose antecedent never spoke before
/// ("Harry Kane won the award. He said, ...").
fn subject_mentions(doc: &Doc<'_>) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let t = &doc.tokens;
        let mut a = s.first;
        // Skip a leading adverbial up to its comma ("After the match, ...").
        if let Some(c) =
            (s.first..s.last.min(s.first + 8)).find(|&k| &doc.text[t[k].start..t[k].end] == ",")
        {
            if !doc.text[t[s.first].start..].starts_with(|c: char| c.is_uppercase())
                || c < s.first + 6
            {
                a = c + 1;
            }
        }
        let mut b = a;
        while b < s.last
            && b < a + 5
            && doc.text[t[b].start..].starts_with(|c: char| c.is_uppercase())
            && t[b].end > t[b].start
        {
            b += 1;
        }
        if b >= a + 2 {
            let span = Span::new(t[a].start, t[b - 1].end);
            out.push((span, span.text(doc.text).to_owned()));
        }
    }
    out
}

fn claim_text(s: &str) -> String {
    let t = s.trim().trim_matches(|c: char| {
        matches!(
            c,
            '"' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' | ',' | ' ' | '\n'
        )
    });
    let t = t.strip_prefix("that ").unwrap_or(t);
    let mut out = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    let out = out
        .trim_end_matches([',', ';', ':'])
        .trim_end_matches(['"', '\u{201d}'])
        .to_owned();
    if out.is_empty() {
        s.trim().to_owned()
    } else {
        out
    }
}

/// "these claims", "the allegations", "them": a content that points back at an earlier claim.
fn anaphoric(content: &str) -> bool {
    let lower = content.trim().to_lowercase();
    let mut ws = lower.split(|c: char| !c.is_alphanumeric());
    let first = ws.next().unwrap_or("");
    let second = ws.next().unwrap_or("");
    matches!(first, "these" | "those" | "the" | "such" | "this" | "that")
        && matches!(
            second,
            "claims"
                | "claim"
                | "allegations"
                | "allegation"
                | "reports"
                | "report"
                | "accusations"
                | "accusation"
                | "rumors"
                | "rumours"
                | "charges"
                | "suggestions"
        )
        || matches!(first, "it" | "them" | "this") && lower.split_whitespace().count() <= 6
}

/// The first quoted words inside a content ("calling them \"mad rumors.\"" -> "mad rumors").
fn inner_quote(content: &str) -> Option<String> {
    let open = content.find(['"', '\u{201c}', '\u{ab}'])?;
    let mark = content[open..].chars().next()?.len_utf8();
    let rest = &content[open + mark..];
    let close = rest.find(['"', '\u{201d}', '\u{bb}'])?;
    let q = rest[..close].trim().trim_end_matches(['.', ',']);
    (!q.is_empty()).then(|| q.to_owned())
}

pub(crate) fn build(doc: &Doc<'_>, found: Vec<Found>, article: Source) -> Result<Extraction> {
    let text = doc.text;
    let mut graph = ClaimGraph::new();
    let article_id = article.id.clone();
    graph.add_source(article)?;
    let mut b = Builder {
        doc,
        speakers: Vec::new(),
        by_key: HashMap::default(),
        people: titled_people(doc),
        recent: Vec::new(),
        records: Vec::new(),
        ids: HashMap::default(),
    };
    // Named subjects of sentences, so that "He said" finds "Harry Kane won ...".
    let subjects = subject_mentions(doc);
    let mut subject_iter = subjects.into_iter().peekable();

    // Resolve sources in the order their words appear.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].source.map_or(found[i].content.start, |s| s.start));
    let mut speakers_of: Vec<Vec<usize>> = vec![Vec::new(); found.len()];
    let mut resolved_by_position = vec![false; found.len()];
    for &fi in &order {
        let f = &found[fi];
        let Some(src) = f.source else { continue };
        while let Some((span, _)) = subject_iter.peek() {
            if span.start >= src.start {
                break;
            }
            let (span, phrase) = subject_iter
                .next()
                .unwrap_or((Span::new(0, 0), String::new()));
            let (kind, _) = classify(&phrase, &b.people);
            if kind == SourceKind::Person && !is_pronoun(&phrase) {
                // Only remember it; it becomes a draft source if it speaks.
                let key = key_of(&phrase, kind);
                let idx = match b.by_key.get(&key) {
                    Some(&i) => i,
                    None => {
                        b.speakers.push(Speaker {
                            name: display_name(&phrase, kind),
                            kind,
                            plural: false,
                            mentions: Vec::new(),
                            aliases: Vec::new(),
                        });
                        let i = b.speakers.len() - 1;
                        b.by_key.insert(key, i);
                        i
                    }
                };
                b.recent.push((span.start, idx));
            }
        }
        let phrase = src.text(text);
        let lower = phrase.trim().to_lowercase();
        let mut list = Vec::new();
        if matches!(lower.as_str(), "i" | "we") {
            if let Some(q) = f.inside {
                list = speakers_of.get(q).cloned().unwrap_or_default();
                resolved_by_position[fi] = true;
            }
        }
        if list.is_empty() {
            if let Some(i) = b.refer(phrase, src.start) {
                b.speakers[i].mentions.push(src);
                list.push(i);
                resolved_by_position[fi] = true;
            }
        }
        if list.is_empty() {
            for (a, e) in coordinated(phrase) {
                let part = &phrase[a..e];
                let span = Span::new(src.start + a, src.start + e);
                list.extend(b.named(part, span));
            }
        }
        for &i in &list {
            b.recent.push((src.start, i));
        }
        speakers_of[fi] = list;
    }

    // Sources into the graph, in order of first mention.
    let mut source_ids: Vec<Option<String>> = vec![None; b.speakers.len()];
    let mut used: Vec<usize> = speakers_of.iter().flatten().copied().collect();
    used.sort_by_key(|&i| {
        b.speakers[i]
            .mentions
            .first()
            .map_or(usize::MAX, |m| m.start)
    });
    used.dedup();
    for &i in &used {
        let sp = b.speakers[i].clone();
        let id = b.unique_id(slug(&sp.name), &graph);
        let mut s = Source::new(id.clone(), sp.kind, sp.name.clone());
        for a in &sp.aliases {
            if !a.is_empty() && a != &sp.name {
                s = s.alias(a.clone());
            }
        }
        graph.add_source(s)?;
        b.records.push(DraftRecord {
            id: id.clone(),
            kind: RecordKind::Source,
            spans: sp.mentions.clone(),
            cue: None,
            confidence: 0.0,
        });
        source_ids[i] = Some(id);
    }

    let mut out = Vec::with_capacity(found.len());
    let mut last_claim: Option<String> = None;
    let mut claim_n = 0;
    let mut confidence_of: HashMap<String, f64> = HashMap::default();
    for (fi, f) in found.iter().enumerate() {
        let content_text = f.content.text(text);
        let mut srcs: Vec<String> = speakers_of[fi]
            .iter()
            .filter_map(|&i| source_ids[i].clone())
            .collect();
        let mut confidence = f.confidence;
        if resolved_by_position[fi] {
            confidence *= 0.85;
        }
        // Claim: an earlier one for "denied these claims", else a new one.
        let reuse = anaphoric(content_text) && f.stance != Stance::Asserts;
        let claim_id = match (&last_claim, reuse) {
            (Some(c), true) => c.clone(),
            _ => {
                claim_n += 1;
                let id = b.unique_id(format!("claim-{claim_n}"), &graph);
                graph.add_claim(Claim::new(id.clone(), claim_text(content_text)))?;
                b.records.push(DraftRecord {
                    id: id.clone(),
                    kind: RecordKind::Claim,
                    spans: if f.parts.is_empty() {
                        vec![f.content]
                    } else {
                        f.parts.clone()
                    },
                    cue: None,
                    confidence,
                });
                id
            }
        };
        if !reuse {
            last_claim = Some(claim_id.clone());
        }
        // A statement made in a document: the document asserts, authored by the speaker.
        if f.pattern == Pattern::InDocument {
            if let (Some((noun, published)), Some(author)) = (f.frame, srcs.first().cloned()) {
                let author_name = graph
                    .get_source(&author)
                    .map(|s| s.name.clone())
                    .unwrap_or_default();
                let surname_or_name = surname(&author_name).map_or(author_name.clone(), |_| {
                    author_name
                        .split_whitespace()
                        .last()
                        .unwrap_or(&author_name)
                        .to_owned()
                });
                let noun_text = noun
                    .text(text)
                    .split_whitespace()
                    .last()
                    .unwrap_or("statement")
                    .to_owned();
                let mut name = format!("{surname_or_name}'s {noun_text}");
                let mut outlet_id = None;
                if let Some(p) = published {
                    let outlet_name = p.text(text).to_owned();
                    let oid = match b
                        .by_key
                        .get(&key_of(&outlet_name, SourceKind::Outlet))
                        .and_then(|&i| source_ids.get(i).cloned().flatten())
                    {
                        Some(id) => id,
                        None => draft_source(
                            &mut b,
                            &mut graph,
                            (SourceKind::Outlet, &outlet_name, &outlet_name),
                            p,
                            confidence,
                        )?,
                    };
                    name = format!("{name} in {outlet_name}");
                    outlet_id = Some(oid);
                }
                let base = format!("{surname_or_name} {noun_text}");
                let did = draft_source(
                    &mut b,
                    &mut graph,
                    (SourceKind::Document, &base, &name),
                    noun,
                    confidence,
                )?;
                let rel = SourceRelation::new(
                    did.clone(),
                    SourceRelationKind::AuthoredBy,
                    author.clone(),
                );
                relation(
                    &mut graph,
                    &mut b.records,
                    rel,
                    vec![noun],
                    f.cue,
                    confidence,
                )?;
                if let Some(oid) = outlet_id {
                    let rel =
                        SourceRelation::new(did.clone(), SourceRelationKind::PublishedIn, oid);
                    relation(
                        &mut graph,
                        &mut b.records,
                        rel,
                        published.into_iter().collect(),
                        None,
                        confidence,
                    )?;
                }
                srcs = vec![did];
            }
        }
        // "X, quoting Y": X cites Y.
        if f.pattern == Pattern::Quoting {
            if let (Some((quoted, _)), Some(from)) = (f.frame, srcs.first().cloned()) {
                if let Some(q) = b.named(quoted.text(text), quoted) {
                    let qid =
                        speaker_source(&mut b, &mut graph, &mut source_ids, q, quoted, confidence)?;
                    let rel = SourceRelation::new(from, SourceRelationKind::Cites, qid);
                    relation(
                        &mut graph,
                        &mut b.records,
                        rel,
                        vec![quoted],
                        f.cue,
                        confidence,
                    )?;
                }
            }
        }
        // A document "from" its author: "statistics from ROK's Ministry of Unification".
        if let (Some(src), [only]) = (f.source, srcs.as_slice()) {
            let is_doc = graph
                .get_source(only)
                .is_ok_and(|s| s.kind == SourceKind::Document);
            if is_doc && f.pattern != Pattern::InDocument {
                let phrase = name_core(src.text(text));
                // "a report seen by Reuters": Reuters relays the document; "statistics from X"
                // and "a study by X": X wrote it.
                let seen = phrase
                    .find(" seen by ")
                    .or_else(|| phrase.find(" obtained by "));
                let found_at = seen
                    .map(|at| (at, phrase[at..].find(" by ").map_or(0, |k| k + 4)))
                    .or_else(|| phrase.find(" from ").map(|at| (at, 6)))
                    .or_else(|| phrase.find(" by ").map(|at| (at, 4)));
                if let Some((at, skip)) = found_at {
                    let author_text = &phrase[at + skip..];
                    let a_start = src.start
                        + (src.text(text).len() - src.text(text).trim_start().len())
                        + at
                        + skip;
                    let author_span = Span::new(a_start, a_start + author_text.len());
                    let (kind, _) = classify(author_text, &b.people);
                    let author = (kind != SourceKind::Document)
                        .then(|| b.named(author_text, author_span))
                        .flatten();
                    if let Some(ai) = author {
                        let aid = speaker_source(
                            &mut b,
                            &mut graph,
                            &mut source_ids,
                            ai,
                            author_span,
                            confidence,
                        )?;
                        let rel = if seen.is_some() {
                            SourceRelation::new(aid, SourceRelationKind::Cites, only.clone())
                        } else {
                            SourceRelation::new(only.clone(), SourceRelationKind::AuthoredBy, aid)
                        };
                        if !graph.contains_edge(&rel.id) {
                            relation(
                                &mut graph,
                                &mut b.records,
                                rel,
                                vec![author_span],
                                None,
                                confidence,
                            )?;
                        }
                    }
                }
            }
        }
        let quote = if f.direct {
            Some(claim_text(content_text))
        } else {
            inner_quote(content_text)
        };
        let mut attribution_ids = Vec::new();
        for s in &srcs {
            let mut a = Attribution::new(s.clone(), claim_id.clone(), f.stance)
                .modality(f.modality)
                .via(article_id.clone());
            if let Some(q) = &quote {
                a = a.quote(q.clone());
            }
            if graph.contains_edge(&a.id) {
                let id = b.unique_id(a.id.clone(), &graph);
                a = a.with_id(id);
            }
            let id = a.id.clone();
            graph.add_attribution(a)?;
            let mut spans: Vec<Span> = f.source.into_iter().collect();
            spans.push(f.content);
            b.records.push(DraftRecord {
                id: id.clone(),
                kind: RecordKind::Attribution,
                spans,
                cue: f.cue,
                confidence,
            });
            let c = confidence_of.entry(s.clone()).or_insert(0.0);
            *c = c.max(confidence);
            attribution_ids.push(id);
        }
        out.push(FoundAttribution {
            source: f.source,
            cue: f.cue,
            content: f.content,
            content_parts: f.parts.clone(),
            polarity: f.polarity,
            stance: f.stance,
            modality: f.modality,
            direct_quote: f.direct,
            pattern: f.pattern,
            confidence,
            kind: if f.pattern == Pattern::MediaCredit {
                FoundKind::MediaCredit
            } else {
                FoundKind::Report
            },
            source_ids: srcs,
            claim_id,
            attribution_ids,
        });
    }
    for r in &mut b.records {
        if r.kind == RecordKind::Source && r.confidence == 0.0 {
            r.confidence = confidence_of.get(&r.id).copied().unwrap_or(0.5);
        }
    }
    Ok(Extraction {
        text: text.to_owned(),
        graph,
        article_id,
        attributions: out,
        records: b.records,
    })
}

/// Adds a source of that kind and name, with an id made from `base`, and its draft record.
fn draft_source(
    b: &mut Builder<'_, '_>,
    graph: &mut ClaimGraph,
    (kind, base, name): (SourceKind, &str, &str),
    span: Span,
    confidence: f64,
) -> Result<String> {
    let id = b.unique_id(slug(base), graph);
    graph.add_source(Source::new(id.clone(), kind, name.to_owned()))?;
    b.records.push(DraftRecord {
        id: id.clone(),
        kind: RecordKind::Source,
        spans: vec![span],
        cue: None,
        confidence,
    });
    Ok(id)
}

/// The draft source of speaker `i`, added to the graph the first time it is needed.
fn speaker_source(
    b: &mut Builder<'_, '_>,
    graph: &mut ClaimGraph,
    source_ids: &mut Vec<Option<String>>,
    i: usize,
    span: Span,
    confidence: f64,
) -> Result<String> {
    if let Some(id) = source_ids.get(i).cloned().flatten() {
        return Ok(id);
    }
    let sp = b.speakers[i].clone();
    let id = draft_source(b, graph, (sp.kind, &sp.name, &sp.name), span, confidence)?;
    if i >= source_ids.len() {
        source_ids.resize(i + 1, None);
    }
    source_ids[i] = Some(id.clone());
    Ok(id)
}

fn relation(
    graph: &mut ClaimGraph,
    records: &mut Vec<DraftRecord>,
    rel: SourceRelation,
    spans: Vec<Span>,
    cue: Option<Span>,
    confidence: f64,
) -> Result<()> {
    if graph.contains_edge(&rel.id) {
        return Ok(());
    }
    let id = rel.id.clone();
    graph.add_source_relation(rel)?;
    records.push(DraftRecord {
        id,
        kind: RecordKind::SourceRelation,
        spans,
        cue,
        confidence,
    });
    Ok(())
}
