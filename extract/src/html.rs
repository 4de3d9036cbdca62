//! The notebook view: the text with sources, cues and contents highlighted in three colours,
//! and the draft's records beside it.

use std::fmt::Write;

use crate::Extraction;

const STYLE: &str = "<style>\
.cgx{display:flex;gap:1.5em;align-items:flex-start;font-family:sans-serif;font-size:14px}\
.cgx-text{flex:3;white-space:pre-wrap;line-height:1.6}\
.cgx-records{flex:2;border-collapse:collapse;font-size:12px}\
.cgx-records td,.cgx-records th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}\
.cgx-source{background:#cfe3ff}.cgx-cue{background:#ffd27f;font-weight:bold}.cgx-content{background:#d7f5d0}\
</style>";

/// Which role each byte of the text plays: 0 none, 1 content, 2 source, 3 cue (the strongest wins
/// where spans nest, as an "I think" inside a quote does).
fn roles(x: &Extraction) -> Vec<u8> {
    let mut r = vec![0u8; x.text.len()];
    let mut mark = |s: crate::Span, v: u8| {
        for b in r.iter_mut().take(s.end.min(x.text.len())).skip(s.start) {
            *b = (*b).max(v);
        }
    };
    for a in &x.attributions {
        if a.content_parts.is_empty() {
            mark(a.content, 1);
        } else {
            for &p in &a.content_parts {
                mark(p, 1);
            }
        }
        if let Some(s) = a.source {
            mark(s, 2);
        }
        if let Some(c) = a.cue {
            mark(c, 3);
        }
    }
    r
}

fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

pub(crate) fn render(x: &Extraction) -> String {
    let roles = roles(x);
    let mut out = String::with_capacity(x.text.len() * 2 + 4096);
    out.push_str(STYLE);
    out.push_str("<div class=\"cgx\"><div class=\"cgx-text\">");
    let mut start = 0;
    let text = &x.text;
    let mut cur = roles.first().copied().unwrap_or(0);
    let class = |v: u8| match v {
        1 => Some("cgx-content"),
        2 => Some("cgx-source"),
        3 => Some("cgx-cue"),
        _ => None,
    };
    let flush = |out: &mut String, a: usize, b: usize, v: u8| {
        let piece = &text[a..b];
        match class(v) {
            Some(c) => {
                let _ = write!(out, "<span class=\"{c}\">");
                escape(out, piece);
                out.push_str("</span>");
            }
            None => escape(out, piece),
        }
    };
    for (b, _) in text.char_indices() {
        let v = roles[b];
        if v != cur {
            flush(&mut out, start, b, cur);
            start = b;
            cur = v;
        }
    }
    flush(&mut out, start, text.len(), cur);
    out.push_str("</div><table class=\"cgx-records\"><tr><th>source</th><th>cue</th><th>stance</th><th>claim</th><th>confidence</th></tr>");
    for a in &x.attributions {
        out.push_str("<tr><td>");
        let names: Vec<String> = a
            .source_ids
            .iter()
            .map(|id| match x.graph.get_source(id) {
                Ok(s) => format!("{} ({})", s.name, s.kind.as_str()),
                Err(_) => id.clone(),
            })
            .collect();
        escape(&mut out, &names.join(", "));
        out.push_str("</td><td>");
        escape(&mut out, a.cue.map_or("", |c| c.text(text)));
        out.push_str("</td><td>");
        escape(&mut out, a.stance.as_str());
        if a.modality != claimgraph::Modality::Stated {
            out.push_str(", ");
            escape(&mut out, a.modality.as_str());
        }
        out.push_str("</td><td>");
        let claim = x
            .graph
            .get_claim(&a.claim_id)
            .map(|c| c.text.clone())
            .unwrap_or_default();
        escape(&mut out, &claim);
        let _ = write!(out, "</td><td>{:.2}</td></tr>", a.confidence);
    }
    out.push_str("</table></div>");
    out
}
