//! The column types the tables are made of, written and read the same way for every record kind.
//!
//! Text is UTF-8 (`Utf8`), lists of text are `List<Utf8>`, a reporting chain is
//! `List<Struct<source: Utf8, date: Utf8>>`, counts are `Int64` (Spark has no unsigned integers),
//! flags `Boolean`, numbers `Float64`. Dates are kept as the core's canonical text (`2024`,
//! `2024-06`, `2024-06-18`, an RFC 3339 instant, or an EDTF bounded date such as
//! `../2011-12-02`), so reading them back is exact.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Float64Builder, Int64Builder, ListBuilder, StringBuilder, StructBuilder,
};
use arrow_array::{
    Array, ArrayRef, Float64Array, ListArray, RecordBatch, StringArray, StructArray,
};
use arrow_schema::{DataType, Field, Fields};

use super::TableError;
use crate::model::Hop;

/// A column being filled, row by row.
pub(crate) trait Column {
    /// The arrow field of a column of this type named `name`.
    fn field(name: &'static str) -> Field;
    /// The finished column; the builder is empty again afterwards.
    fn finish(&mut self) -> ArrayRef;
}

/// Required text.
#[derive(Default)]
pub(crate) struct Text(StringBuilder);
/// Text that may be missing.
#[derive(Default)]
pub(crate) struct OptText(StringBuilder);
/// A list of text (never missing; empty when there is nothing).
pub(crate) struct TextList(ListBuilder<StringBuilder>);
/// A reporting chain: a list of hops, each a source id and the date it carried the statement, if
/// known (never missing; empty when there is no hop).
pub(crate) struct HopList(ListBuilder<StructBuilder>);
/// A number that may be missing.
#[derive(Default)]
pub(crate) struct OptNumber(Float64Builder);
/// A required count.
#[derive(Default)]
pub(crate) struct Count(Int64Builder);
/// A required flag.
#[derive(Default)]
pub(crate) struct Flag(BooleanBuilder);

fn list_item() -> Field {
    Field::new("item", DataType::Utf8, false)
}

impl Default for TextList {
    fn default() -> Self {
        TextList(ListBuilder::new(StringBuilder::new()).with_field(list_item()))
    }
}

fn hop_fields() -> Fields {
    Fields::from(vec![
        Field::new("source", DataType::Utf8, false),
        Field::new("date", DataType::Utf8, true),
    ])
}

fn hop_item() -> Field {
    Field::new("item", DataType::Struct(hop_fields()), false)
}

impl Default for HopList {
    fn default() -> Self {
        HopList(
            ListBuilder::new(StructBuilder::from_fields(hop_fields(), 0)).with_field(hop_item()),
        )
    }
}

impl Text {
    pub(crate) fn push(&mut self, v: &str) {
        self.0.append_value(v);
    }
}
impl OptText {
    pub(crate) fn push(&mut self, v: Option<&str>) {
        self.0.append_option(v);
    }
    pub(crate) fn push_display(&mut self, v: Option<impl std::fmt::Display>) {
        self.0.append_option(v.map(|v| v.to_string()));
    }
}
impl TextList {
    pub(crate) fn push<S: AsRef<str>>(&mut self, items: &[S]) {
        for s in items {
            self.0.values().append_value(s.as_ref());
        }
        self.0.append(true);
    }
}
impl HopList {
    pub(crate) fn push(&mut self, hops: &[Hop]) {
        let hop = self.0.values();
        for h in hops {
            if let Some(b) = hop.field_builder::<StringBuilder>(0) {
                b.append_value(&h.source);
            }
            if let Some(b) = hop.field_builder::<StringBuilder>(1) {
                b.append_option(h.date.map(|d| d.to_string()));
            }
            hop.append(true);
        }
        self.0.append(true);
    }
}
impl OptNumber {
    pub(crate) fn push(&mut self, v: Option<f64>) {
        self.0.append_option(v);
    }
}
impl Count {
    pub(crate) fn push(&mut self, v: usize) {
        self.0.append_value(i64::try_from(v).unwrap_or(i64::MAX));
    }
}
impl Flag {
    pub(crate) fn push(&mut self, v: bool) {
        self.0.append_value(v);
    }
}

macro_rules! column {
    ($t:ty, $dt:expr, $nullable:expr) => {
        impl Column for $t {
            fn field(name: &'static str) -> Field {
                Field::new(name, $dt, $nullable)
            }
            fn finish(&mut self) -> ArrayRef {
                Arc::new(self.0.finish())
            }
        }
    };
}
column!(Text, DataType::Utf8, false);
column!(OptText, DataType::Utf8, true);
column!(TextList, DataType::List(Arc::new(list_item())), false);
column!(HopList, DataType::List(Arc::new(hop_item())), false);
column!(OptNumber, DataType::Float64, true);
column!(Count, DataType::Int64, false);
column!(Flag, DataType::Boolean, false);

// ----- reading -----------------------------------------------------------------------------

/// One record batch of a table being read, with what an error needs to say where it is.
pub(crate) struct Batch<'a> {
    pub(crate) table: &'static str,
    pub(crate) batch: &'a RecordBatch,
    /// The table row of the batch's first row (0-based).
    pub(crate) first_row: u64,
}

impl<'a> Batch<'a> {
    fn column(&self, name: &'static str, want: &DataType) -> Result<&'a ArrayRef, TableError> {
        let batch: &'a RecordBatch = self.batch;
        let ix = batch.schema_ref().index_of(name).map_err(|_| TableError {
            row: None,
            column: Some(name),
            message: format!("the {} table has no column {name:?}", self.table),
        })?;
        let col = batch.column(ix);
        if col.data_type() != want {
            return Err(TableError {
                row: None,
                column: Some(name),
                message: format!(
                    "column {name:?} of the {} table holds {}, expected {want}",
                    self.table,
                    col.data_type()
                ),
            });
        }
        Ok(col)
    }

    pub(crate) fn text(&self, name: &'static str) -> Result<TextColumn<'a>, TableError> {
        let col = self.column(name, &DataType::Utf8)?;
        col.as_any()
            .downcast_ref::<StringArray>()
            .map(|a| TextColumn { name, array: a })
            .ok_or_else(|| type_error(name))
    }

    pub(crate) fn text_list(&self, name: &'static str) -> Result<ListColumn<'a>, TableError> {
        let col = self.column(name, &DataType::List(Arc::new(list_item())));
        // Engines that rewrite the tables may mark list items nullable: accept either.
        let col = match col {
            Ok(c) => c,
            Err(e) => {
                let nullable = DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)));
                self.column(name, &nullable).map_err(|_| e)?
            }
        };
        let list = col
            .as_any()
            .downcast_ref::<ListArray>()
            .ok_or_else(|| type_error(name))?;
        let values = list
            .values()
            .as_any()
            .downcast_ref::<StringArray>()
            .ok_or_else(|| type_error(name))?;
        Ok(ListColumn { name, list, values })
    }

    /// A reporting chain column. Engines that rewrite the tables may change what is marked
    /// nullable, so only the shape is checked: a list of structs with text `source` and `date`.
    pub(crate) fn hop_list(&self, name: &'static str) -> Result<HopColumn<'a>, TableError> {
        let want = DataType::List(Arc::new(hop_item()));
        let ix = self
            .batch
            .schema_ref()
            .index_of(name)
            .map_err(|_| TableError {
                row: None,
                column: Some(name),
                message: format!("the {} table has no column {name:?}", self.table),
            })?;
        let batch: &'a RecordBatch = self.batch;
        let col = batch.column(ix);
        let wrong = || TableError {
            row: None,
            column: Some(name),
            message: format!(
                "column {name:?} of the {} table holds {}, expected {want}",
                self.table,
                col.data_type()
            ),
        };
        let list = col.as_any().downcast_ref::<ListArray>().ok_or_else(wrong)?;
        let hops = list
            .values()
            .as_any()
            .downcast_ref::<StructArray>()
            .ok_or_else(wrong)?;
        let text = |field: &str| {
            hops.column_by_name(field)
                .and_then(|c| c.as_any().downcast_ref::<StringArray>())
                .ok_or_else(wrong)
        };
        Ok(HopColumn {
            name,
            list,
            hops,
            sources: text("source")?,
            dates: text("date")?,
        })
    }

    pub(crate) fn number(&self, name: &'static str) -> Result<&'a Float64Array, TableError> {
        self.column(name, &DataType::Float64)?
            .as_any()
            .downcast_ref::<Float64Array>()
            .ok_or_else(|| type_error(name))
    }
}

fn type_error(name: &'static str) -> TableError {
    TableError {
        row: None,
        column: Some(name),
        message: format!("column {name:?} does not hold the type it declares"),
    }
}

/// A text column of a batch being read.
#[derive(Clone, Copy)]
pub(crate) struct TextColumn<'a> {
    name: &'static str,
    array: &'a StringArray,
}

impl<'a> TextColumn<'a> {
    /// The text at row `i`, which must be there.
    pub(crate) fn get(&self, i: usize) -> Result<&'a str, TableError> {
        self.opt(i).ok_or_else(|| TableError {
            row: Some(i),
            column: Some(self.name),
            message: format!("{:?} is empty, and every record needs one", self.name),
        })
    }

    /// The text at row `i`, or `None` when it is missing.
    pub(crate) fn opt(&self, i: usize) -> Option<&'a str> {
        (i < self.array.len() && self.array.is_valid(i)).then(|| self.array.value(i))
    }

    /// The value at row `i` read with `FromStr` (an enum name, a date), which must be there.
    pub(crate) fn parse<T>(&self, i: usize) -> Result<T, TableError>
    where
        T: std::str::FromStr<Err = crate::Error>,
    {
        let s = self.get(i)?;
        s.parse().map_err(|e: crate::Error| self.bad(i, e))
    }

    /// The value at row `i` read with `FromStr`, or `None` when it is missing.
    pub(crate) fn parse_opt<T>(&self, i: usize) -> Result<Option<T>, TableError>
    where
        T: std::str::FromStr<Err = crate::Error>,
    {
        self.opt(i)
            .map(|s| s.parse().map_err(|e: crate::Error| self.bad(i, e)))
            .transpose()
    }

    fn bad(&self, i: usize, e: crate::Error) -> TableError {
        TableError {
            row: Some(i),
            column: Some(self.name),
            message: e.to_string(),
        }
    }
}

/// A list-of-text column of a batch being read.
pub(crate) struct ListColumn<'a> {
    name: &'static str,
    list: &'a ListArray,
    values: &'a StringArray,
}

/// The positions in the list's values of the items at row `i`; a missing list is empty.
fn items(list: &ListArray, i: usize) -> std::ops::Range<usize> {
    if i >= list.len() || list.is_null(i) {
        return 0..0;
    }
    let offsets = list.value_offsets();
    match (offsets.get(i), offsets.get(i + 1)) {
        (Some(&s), Some(&e)) => s.max(0) as usize..e.max(0) as usize,
        _ => 0..0,
    }
}

impl ListColumn<'_> {
    /// The items at row `i`; a missing list reads as empty.
    pub(crate) fn get(&self, i: usize) -> Result<Vec<String>, TableError> {
        let range = items(self.list, i);
        let start = range.start;
        range
            .map(|j| {
                if j < self.values.len() && self.values.is_valid(j) {
                    Ok(self.values.value(j).to_owned())
                } else {
                    Err(TableError {
                        row: Some(i),
                        column: Some(self.name),
                        message: format!("item {} of {:?} is empty", j - start, self.name),
                    })
                }
            })
            .collect()
    }
}

/// A reporting chain column of a batch being read.
pub(crate) struct HopColumn<'a> {
    name: &'static str,
    list: &'a ListArray,
    hops: &'a StructArray,
    sources: &'a StringArray,
    dates: &'a StringArray,
}

impl HopColumn<'_> {
    /// The hops at row `i`, in order; a missing list reads as empty.
    pub(crate) fn get(&self, i: usize) -> Result<Vec<Hop>, TableError> {
        let range = items(self.list, i);
        let start = range.start;
        let error = |j: usize, message: String| TableError {
            row: Some(i),
            column: Some(self.name),
            message: format!("hop {} of {:?}: {message}", j - start, self.name),
        };
        range
            .map(|j| {
                if j >= self.hops.len() || self.hops.is_null(j) {
                    return Err(error(j, "the hop is empty".into()));
                }
                if !self.sources.is_valid(j) {
                    return Err(error(j, "the hop has no source".into()));
                }
                let date = if self.dates.is_valid(j) {
                    let d = self.dates.value(j);
                    Some(
                        d.parse()
                            .map_err(|e: crate::Error| error(j, e.to_string()))?,
                    )
                } else {
                    None
                };
                Ok(Hop {
                    source: self.sources.value(j).to_owned(),
                    date,
                })
            })
            .collect()
    }
}

/// The number at row `i` of a nullable number column.
pub(crate) fn number_at(a: &Float64Array, i: usize) -> Option<f64> {
    (i < a.len() && a.is_valid(i)).then(|| a.value(i))
}
