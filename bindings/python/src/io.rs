//! What the JSON Lines ingest and the PROV and ClaimReview imports report.

use claimgraph::{ImportReport, IngestReport, RejectedRecord, SkippedRecord};

use crate::fields::{fields, wrapper};

wrapper! {
    /// What a JSON Lines ingest read.
    PyIngestReport(IngestReport) as "IngestReport"
}

fields! {
    PyIngestReport(IngestReport) as "IngestReport" {
        ;
        /// Lines read, the meta line included.
        lines,
        /// Sources added.
        sources,
        /// Claims added.
        claims,
        /// Attributions added.
        attributions,
        /// Citations added.
        citations,
        /// Citations flagged as closing a cycle that were read but not added (see
        /// `include_cycles`).
        skipped_cycle_citations,
    }
}

wrapper! {
    /// What an import from another tool's format (PROV-JSON, ClaimReview) read, added and left
    /// out. Nothing is dropped silently: what has no place in a claim graph is in `skipped`, and
    /// every choice made on the reader's behalf is in `notes`.
    PyImportReport(ImportReport) as "ImportReport"
}

fields! {
    PyImportReport(ImportReport) as "ImportReport" {
        ;
        /// How many records of each kind were added (a `Counts`).
        added,
        /// Records and attributes read but left out (`SkippedRecord` objects).
        skipped,
        /// The names of the PROV bundles whose records were read.
        bundles,
        /// Choices made while reading, one sentence each.
        notes,
        /// Records a lenient import could not read and left out whole (`RejectedRecord`
        /// objects), each with where and why.
        rejected,
    }
}

wrapper! {
    /// A record that a lenient import left out because it could not be read.
    PyRejectedRecord(RejectedRecord) as "RejectedRecord"
}

fields! {
    PyRejectedRecord(RejectedRecord) as "RejectedRecord" {
        ;
        /// Its 0-based position among the records of the input.
        index,
        /// Its JSON path (`$[3]`).
        record,
        /// The JSON path of the field that could not be read, or the record's own path.
        field,
        /// What was wrong with it.
        reason,
    }
}

wrapper! {
    /// A record, or one attribute of a record, that an import read but did not keep.
    PySkippedRecord(SkippedRecord) as "SkippedRecord"
}

fields! {
    PySkippedRecord(SkippedRecord) as "SkippedRecord" {
        ;
        /// What was skipped: a PROV record kind, `"attribute"`, or a JSON-LD `@type`.
        kind,
        /// The record's id as written in the input.
        id,
        /// For an attribute, its name as written; else `None`.
        attribute,
        /// The value left out, as compact JSON, or `None`.
        value,
        /// Why it has no place in the graph.
        reason,
    }
}
