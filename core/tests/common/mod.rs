//! Fixtures shared by the integration tests.

// Each test crate uses only some of the fixtures.
#![allow(dead_code)]

pub mod every_field;
pub mod reference;
