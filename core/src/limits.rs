//! The limits that keep adversarial input safe: each is a constant, and passing it is an error
//! that says which limit was passed, never a crash, an exhausted memory or an endless query.
//!
//! | limit | value | passing it gives |
//! |---|---|---|
//! | [`MAX_ID_LEN`]: bytes in an id | 256 | [`Error::InvalidId`] naming the id (cut to the limit) |
//! | [`MAX_NESTING`]: nesting of arrays and objects in any JSON input | 128 | [`Error::Format`] at the line and column |
//! | [`MAX_LINE_BYTES`]: bytes in a JSON Lines line | 1 MiB | [`Error::LimitExceeded`], `what` `"bytes in a line"`, id `"JSON Lines input, line N"` |
//! | [`MAX_RESERVED_RECORDS`]: records of one kind a JSON Lines meta line reserves room for | 65,536 | nothing: larger counts are hints, and the graph grows as records arrive |
//! | [`MAX_CHAINS`]: chains of one claim | 100,000 | [`Error::LimitExceeded`], `what` `"chains"` |
//! | [`MAX_CHAIN_LEN`]: sources on one chain | 10,000 | [`Error::LimitExceeded`], `what` `"sources on a chain"` |
//! | [`MAX_CHAIN_SOURCES`]: sources on all the chains of one claim | 4,000,000 | [`Error::LimitExceeded`], `what` `"sources on all chains"` |
//!
//! [`Error::InvalidId`]: crate::Error::InvalidId
//! [`Error::Format`]: crate::Error::Format
//! [`Error::LimitExceeded`]: crate::Error::LimitExceeded

pub use crate::id::MAX_ID_LEN;
pub use crate::io::{MAX_LINE_BYTES, MAX_RESERVED_RECORDS};
pub use crate::query::{MAX_CHAINS, MAX_CHAIN_LEN, MAX_CHAIN_SOURCES};

/// The deepest nesting of arrays and objects any JSON input may have (native JSON, JSON Lines,
/// PROV-JSON, ClaimReview): the JSON parser's own recursion limit, so deeply nested input is a
/// [`Error::Format`](crate::Error::Format), never a stack overflow.
pub const MAX_NESTING: usize = 128;
