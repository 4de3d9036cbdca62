//! TAB-separated files as pandas writes them: a field holding a `"`, a TAB or a line break is
//! wrapped in quotes, with inner quotes doubled.

/// The records of a TSV text, each a list of fields; `path` names the file in errors.
///
/// ```
/// let rows = claimgraph_benches::tsv::parse("a\t\"b \"\"c\"\"\nd\"\n", "x.tsv").unwrap();
/// assert_eq!(rows, vec![vec!["a".to_string(), "b \"c\"\nd".to_string()]]);
/// ```
pub fn parse(text: &str, path: &str) -> Result<Vec<Vec<String>>, String> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_field_start => {
                let start = line;
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(ch) => {
                            if ch == '\n' {
                                line += 1;
                            }
                            field.push(ch);
                        }
                        None => {
                            return Err(format!("{path}: line {start}: quoted field never closed"))
                        }
                    }
                }
                at_field_start = false;
            }
            '\t' => {
                row.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                line += 1;
                at_field_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            ch => {
                field.push(ch);
                at_field_start = false;
            }
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

/// The records of a TSV file after its header row, each checked to have `fields` fields.
pub fn read(path: &str, fields: usize) -> Result<Vec<Vec<String>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut rows = parse(&text, path)?;
    if rows.is_empty() {
        return Err(format!("{path}: empty file"));
    }
    rows.remove(0);
    for (i, r) in rows.iter().enumerate() {
        if r.len() != fields {
            return Err(format!(
                "{path}: record {} has {} fields, expected {fields}",
                i + 2,
                r.len()
            ));
        }
    }
    Ok(rows)
}
