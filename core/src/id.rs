//! Validation of caller-chosen ids.

use crate::error::{Error, Result};

/// The longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 256;

/// Checks that `id` can name a record: non-empty, at most [`MAX_ID_LEN`] bytes, no control
/// characters, no white space at either end.
///
/// ```
/// assert!(claimgraph::validate_id("rok-sources").is_ok());
/// assert!(claimgraph::validate_id("").is_err());
/// assert!(claimgraph::validate_id("a\nb").is_err());
/// ```
pub fn validate_id(id: &str) -> Result<()> {
    let reason = if id.is_empty() {
        Some("an id must not be empty".to_owned())
    } else if id.len() > MAX_ID_LEN {
        Some(format!(
            "an id must be at most {MAX_ID_LEN} bytes, this one has {}",
            id.len()
        ))
    } else if let Some(c) = id.chars().find(|c| c.is_control()) {
        Some(format!(
            "an id must not contain control characters (found U+{:04X})",
            c as u32
        ))
    } else if id.trim() != id {
        Some("an id must not start or end with white space".to_owned())
    } else {
        None
    };
    match reason {
        None => Ok(()),
        Some(reason) => Err(Error::InvalidId {
            id: truncate_for_message(id),
            reason,
        }),
    }
}

/// Keeps error messages bounded when an overlong id is reported.
fn truncate_for_message(id: &str) -> String {
    if id.len() <= MAX_ID_LEN {
        return id.to_owned();
    }
    let mut end = MAX_ID_LEN;
    while !id.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &id[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_slugs_and_unicode() {
        assert!(validate_id("rok-sources").is_ok());
        assert!(validate_id("Министерство").is_ok());
        assert!(validate_id("a b").is_ok());
    }

    #[test]
    fn rejects_bad_ids() {
        for bad in ["", " x", "x ", "a\tb", "a\u{7}b"] {
            assert!(
                matches!(validate_id(bad), Err(Error::InvalidId { .. })),
                "{bad:?}"
            );
        }
        let long = "é".repeat(200);
        match validate_id(&long) {
            Err(Error::InvalidId { id, .. }) => assert!(id.len() <= MAX_ID_LEN + 3),
            other => panic!("unexpected {other:?}"),
        }
    }
}
