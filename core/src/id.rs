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

/// A default id built from the ids of the records an edge joins (`"{source}:{stance}:{claim}"`),
/// kept within [`MAX_ID_LEN`]: one that would be longer is cut at a character boundary and ends
/// with `~` and 16 hex digits of a hash of the whole, so two long default ids stay apart and the
/// same records always give the same id.
pub(crate) fn default_edge_id(id: String) -> String {
    if id.len() <= MAX_ID_LEN {
        return id;
    }
    // FNV-1a: stable across versions and platforms, unlike the standard hasher.
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let mut end = MAX_ID_LEN - 17;
    while !id.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}~{hash:016x}", &id[..end])
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
    fn long_default_ids_are_cut_to_the_limit_and_stay_apart() {
        let a = default_edge_id(format!("{}:asserts:{}", "s".repeat(256), "c".repeat(256)));
        let b = default_edge_id(format!("{}:asserts:{}", "s".repeat(256), "d".repeat(256)));
        assert!(a.len() <= MAX_ID_LEN && b.len() <= MAX_ID_LEN);
        assert_ne!(a, b);
        assert!(validate_id(&a).is_ok());
        let short = "s:asserts:c".to_owned();
        assert_eq!(default_edge_id(short.clone()), short);
        let multibyte = default_edge_id("é".repeat(300));
        assert!(multibyte.len() <= MAX_ID_LEN && validate_id(&multibyte).is_ok());
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
