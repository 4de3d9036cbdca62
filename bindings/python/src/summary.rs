//! Status figures: the numbers of a status without its lists, for tables of a whole graph.

use claimgraph::StatusSummary;

use crate::fields::{fields, wrapper};

wrapper! {
    /// The figures of a claim's status: how many sources assert, deny and doubt it, how many
    /// origins and independent origins stand behind it, and its flags. Each figure equals the
    /// length (or flag) of the same field of the claim's `Status`.
    #[derive(Eq, Hash)]
    PyStatusSummary(StatusSummary) as "StatusSummary", hash
}

fields! {
    PyStatusSummary(StatusSummary) as "StatusSummary" {
        ;
        /// The claim's id.
        claim,
        /// How many distinct sources assert the claim.
        asserters,
        /// How many distinct sources deny it.
        deniers,
        /// How many distinct sources doubt it.
        doubters,
        /// True when the claim is both asserted and denied.
        disputed,
        /// How many origins its assertions trace back to.
        origins,
        /// How many independent origins stand behind it.
        independent_origins,
        /// True when it is asserted and every origin is an unnamed group or a collective.
        unnamed_only,
        /// True when a denier is a subject of the claim or affiliated with one.
        interested_denial,
        /// True when some assertion traces back into a loop of sources citing each other.
        circular_reporting,
        /// How many verdicts it has.
        verdicts,
    }
}
