//! One field list per core type: the getters, `__repr__`, `__match_args__` and `to_dict` of every
//! Python class that wraps a core record or answer are written by [`fields!`] from it.
//!
//! The expansion destructures the core struct with every field listed and no `..`, so a field
//! added to the core and missing from a list does not compile. Values are converted on attribute
//! access, through [`ToPython`]: lists become tuples, dates their canonical text, kinds and stances
//! the `str`-valued enum members of `claimgraph._enums`, nested records their Python class.

use claimgraph::{
    ClaimRelationKind, MergeChoice, MergePolicy, Modality, ReasonKind, RecordKind, Reliability,
    SourceKind, SourceRelationKind, Stance, When,
};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use crate::model::{
    to_dict, CLAIM_RELATION_KIND, MERGE_CHOICE, MERGE_POLICY, MODALITY, RECORD_KIND, RELIABILITY,
    SOURCE_KIND, SOURCE_RELATION_KIND, STANCE,
};

/// A core value as the Python object an attribute gives.
pub(crate) trait ToPython {
    /// The Python object for this value.
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

macro_rules! as_is {
    ($($t:ty),*) => {$(
        impl ToPython for $t {
            fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(self.into_pyobject(py)?.to_owned().into_any())
            }
        }
    )*};
}
as_is!(String, bool, f64, u32, u64, usize, &'static str);

impl<T: ToPython> ToPython for Option<T> {
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(v) => v.to_python(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

/// Lists come back as tuples: results are immutable.
impl<T: ToPython> ToPython for Vec<T> {
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self
            .iter()
            .map(|v| v.to_python(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyTuple::new(py, items)?.into_any())
    }
}

/// A date is its canonical text (`"2024-06"`, `"2024-06-18T23:30:00+08:00"`).
impl ToPython for When {
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, &self.to_string()).into_any())
    }
}

macro_rules! enum_member {
    ($($t:ident => $class:ident),*) => {
        $(
            impl ToPython for $t {
                fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    $class.member(py, self.as_str())
                }
            }
        )*

        /// The names of every enum's values, from the core's one table (`claimgraph::names`):
        /// what the members of `claimgraph._enums` must equal, as `tests/test_fields.py` checks.
        #[pyfunction]
        pub(crate) fn _value_names(py: Python<'_>) -> PyResult<Bound<'_, pyo3::types::PyDict>> {
            let names = pyo3::types::PyDict::new(py);
            $(names.set_item(stringify!($t), $t::ALL.map($t::as_str).to_vec())?;)*
            Ok(names)
        }
    };
}
enum_member!(
    SourceKind => SOURCE_KIND,
    Stance => STANCE,
    Modality => MODALITY,
    Reliability => RELIABILITY,
    SourceRelationKind => SOURCE_RELATION_KIND,
    ClaimRelationKind => CLAIM_RELATION_KIND,
    RecordKind => RECORD_KIND,
    MergeChoice => MERGE_CHOICE,
    MergePolicy => MERGE_POLICY
);

/// A reason's kind is the core's name for it (`"independent_origin"`).
impl ToPython for ReasonKind {
    fn to_python<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict(py, self)
    }
}

/// `Name(positional..., keyword=value...)`, leaving out keywords that are `None` or empty, so that
/// a record's repr is a call that builds it again. Enum members show as their text.
pub(crate) fn call_repr(
    name: &str,
    positional: &[Bound<'_, PyAny>],
    keywords: &[(&str, Bound<'_, PyAny>)],
) -> PyResult<String> {
    let shown = |v: &Bound<'_, PyAny>| -> PyResult<String> {
        if v.is_instance_of::<PyString>() && !v.is_exact_instance_of::<PyString>() {
            Ok(v.str()?.repr()?.to_string())
        } else {
            Ok(v.repr()?.to_string())
        }
    };
    let mut parts = Vec::with_capacity(positional.len() + keywords.len());
    for p in positional {
        parts.push(shown(p)?);
    }
    for (k, v) in keywords {
        if v.is_none() || (v.is_instance_of::<PyTuple>() && v.len()? == 0) {
            continue;
        }
        parts.push(format!("{k}={}", shown(v)?));
    }
    Ok(format!("{name}({})", parts.join(", ")))
}

/// The Python class wrapping a core type: the class, `From` the core value, and [`ToPython`].
macro_rules! wrapper {
    ($(#[$meta:meta])* $py:ident($core:ident) as $name:literal $(, $flag:ident)*) => {
        $(#[$meta])*
        #[pyo3::pyclass(name = $name, module = "claimgraph", frozen, eq $(, $flag)*)]
        #[derive(Clone, PartialEq)]
        pub(crate) struct $py {
            pub(crate) inner: $core,
        }

        impl From<$core> for $py {
            fn from(inner: $core) -> Self {
                $py { inner }
            }
        }

        impl $crate::fields::ToPython for $core {
            fn to_python<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                Ok(pyo3::Bound::new(py, <$py as From<$core>>::from(self.clone()))?.into_any())
            }
        }
    };
}

/// The `#[pymethods]` of a class wrapping a core type, from its field list: positional fields
/// (shown without their name in the repr) before the `;`, keyword fields after; each with its
/// docstring. `repr(py) { ... }` replaces the repr (the fields are in scope by name), and
/// `methods { ... }` adds the class's own methods to the same block.
macro_rules! fields {
    (
        $py:ident($core:ident) as $name:literal {
            $($(#[doc = $pdoc:literal])* $pos:ident $(as $ppy:ident)?),* ;
            $($(#[doc = $kdoc:literal])* $kw:ident $(as $kpy:ident)?),* $(,)?
        }
        $(repr($rpy:ident) $repr:block)?
        $(methods { $($methods:tt)* })?
    ) => {
        #[pyo3::pymethods]
        impl $py {
            $(
                $(#[doc = $pdoc])*
                #[getter $(($ppy))?]
                fn $pos<'py>(&self, py: pyo3::Python<'py>) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                    $crate::fields::ToPython::to_python(&self.inner.$pos, py)
                }
            )*
            $(
                $(#[doc = $kdoc])*
                #[getter $(($kpy))?]
                fn $kw<'py>(&self, py: pyo3::Python<'py>) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                    $crate::fields::ToPython::to_python(&self.inner.$kw, py)
                }
            )*

            /// The fields, in order, for `match` statements.
            #[classattr]
            fn __match_args__(py: pyo3::Python<'_>) -> pyo3::PyResult<pyo3::Py<pyo3::types::PyTuple>> {
                Ok(pyo3::types::PyTuple::new(py, [
                    $($crate::fields::fields!(@name $pos $($ppy)?),)*
                    $($crate::fields::fields!(@name $kw $($kpy)?),)*
                ])?.unbind())
            }

            /// The value as the core serializes it to JSON (the shape the Rust API writes).
            fn to_dict<'py>(&self, py: pyo3::Python<'py>) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                $crate::model::to_dict(py, &self.inner)
            }

            #[allow(unused_variables)]
            fn __repr__(&self, py: pyo3::Python<'_>) -> pyo3::PyResult<String> {
                // Every field, and no `..`: a core field missing from the list does not compile.
                let $core { $($pos,)* $($kw,)* } = &self.inner;
                $crate::fields::fields!(@repr py $name [$($pos)*] [$($kw)*] $($rpy $repr)?)
            }

            $($($methods)*)?
        }
    };
    (@name $field:ident) => { stringify!($field) };
    (@name $field:ident $python:ident) => { stringify!($python) };
    (@repr $py:ident $name:literal [$($pos:ident)*] [$($kw:ident)*]) => {
        $crate::fields::call_repr(
            $name,
            &[$($crate::fields::ToPython::to_python($pos, $py)?,)*],
            &[$((stringify!($kw), $crate::fields::ToPython::to_python($kw, $py)?),)*],
        )
    };
    (@repr $py:ident $name:literal [$($pos:ident)*] [$($kw:ident)*] $rpy:ident $repr:block) => {{
        let $rpy = $py;
        $repr
    }};
}

pub(crate) use {fields, wrapper};
