//! `figures._figures`: the Python face of the extractor (`figures-extract`), built by maturin
//! into one abi3 wheel. The Python package `figures` wraps it with docstrings and type stubs.
//!
//! Owns the crossing between Python and Rust and nothing else: texts come in as Python strings
//! or Arrow string arrays, records go out as the CLI's JSON object ([`extract`]) or as one Arrow
//! table of figures ([`extract_arrow`], exported through the Arrow C stream interface). The
//! extraction itself always runs with the GIL released. This crate must never depend on the
//! pipeline crate (`figures`): Polars does not belong in the wheel.

mod catalog;
mod table;

use std::collections::HashSet;

use figures_extract::catalog::Catalog;
use figures_extract::extract::extract as extract_text;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;
use pyo3_arrow::PyTable;
use pyo3_arrow::input::AnyArray;
use rayon::prelude::*;

// Rust allocations of this library only (Python keeps its own): records are built and dropped per
// figure on every thread, where mimalloc's per-thread heaps beat glibc malloc, as in the CLI.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pyo3::create_exception!(
    _figures,
    CatalogError,
    PyValueError,
    "The indicator catalog could not be read: the message names the file, the place in it and what to do, as the CLI's does."
);

/// An indicator catalog (`raw/catalog.toml`), read and checked once, for naming change subjects.
#[pyclass(module = "figures", name = "Catalog", frozen)]
struct PyCatalog {
    inner: Catalog,
}

#[pymethods]
impl PyCatalog {
    /// Reads and checks the catalog at `path`, as `figures extract --catalog PATH` does.
    #[new]
    fn new(path: std::path::PathBuf) -> PyResult<Self> {
        Ok(PyCatalog { inner: catalog::load(&path)? })
    }

    /// The catalog's indicator ids, in file order.
    #[getter]
    fn ids(&self) -> Vec<String> {
        self.inner.indicator.iter().map(|i| i.id.clone()).collect()
    }

    fn __len__(&self) -> usize {
        self.inner.indicator.len()
    }

    fn __repr__(&self) -> String {
        format!("Catalog({} indicators)", self.inner.indicator.len())
    }
}

/// The catalog argument: nothing (an empty catalog), a path, or a loaded [`PyCatalog`].
fn catalog_of(arg: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Catalog>> {
    let Some(arg) = arg.filter(|a| !a.is_none()) else { return Ok(None) };
    if let Ok(c) = arg.cast::<PyCatalog>() {
        return Ok(Some(c.get().inner.clone()));
    }
    match arg.extract::<std::path::PathBuf>() {
        Ok(path) => Ok(Some(catalog::load(&path)?)),
        Err(_) => Err(PyTypeError::new_err(format!(
            "catalog must be None, a path to a catalog TOML file or a figures.Catalog, not {}",
            arg.get_type().name()?
        ))),
    }
}

/// The JSON text of `figures extract --json` for `text` named `id`.
#[pyfunction]
#[pyo3(signature = (text, catalog=None, *, id="stdin"))]
fn extract_json(py: Python<'_>, text: String, catalog: Option<&Bound<'_, PyAny>>, id: &str) -> PyResult<String> {
    let catalog = catalog_of(catalog)?.unwrap_or_default();
    let id = id.to_string();
    Ok(py.detach(move || serde_json::to_string(&extract_text(&id, &text, &catalog).to_json(&id, &text)).unwrap_or_default()))
}

/// Texts as the extractor reads them: owned strings taken from a Python sequence, or the string
/// arrays of an Arrow object read in place.
enum Texts {
    Owned(Vec<String>),
    Arrow(Vec<arrow_array::ArrayRef>),
}

impl Texts {
    fn from_py(texts: &Bound<'_, PyAny>) -> PyResult<Texts> {
        if texts.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("texts must be a sequence of str or an Arrow string array, not a single str"));
        }
        if texts.hasattr("__arrow_c_stream__")? || texts.hasattr("__arrow_c_array__")? {
            let chunked = texts.extract::<AnyArray>()?.into_chunked_array()?;
            let (chunks, field) = chunked.into_inner();
            if !table::is_string(field.data_type()) {
                return Err(PyTypeError::new_err(format!("texts must be an Arrow array of strings, not of {}", field.data_type())));
            }
            return Ok(Texts::Arrow(chunks));
        }
        texts
            .extract::<Vec<String>>()
            .map(Texts::Owned)
            .map_err(|_| PyTypeError::new_err("texts must be a sequence of str or an Arrow string array"))
    }

    /// Every text, with null Arrow values as `None`.
    fn all(&self) -> Vec<Option<&str>> {
        match self {
            Texts::Owned(v) => v.iter().map(|s| Some(s.as_str())).collect(),
            Texts::Arrow(chunks) => chunks.iter().flat_map(|a| table::strings(a.as_ref())).collect(),
        }
    }
}

/// The figures of many texts as one Arrow table, extracted in parallel with the GIL released.
#[pyfunction]
#[pyo3(signature = (texts, ids=None, catalog=None))]
fn extract_arrow(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    ids: Option<&Bound<'_, PyAny>>,
    catalog: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let catalog = catalog_of(catalog)?.unwrap_or_default();
    let texts = Texts::from_py(texts)?;
    let ids = match ids.filter(|i| !i.is_none()) {
        None => None,
        Some(ids) if ids.is_instance_of::<PyString>() => {
            return Err(PyTypeError::new_err("ids must be a sequence of str, not a single str"));
        }
        Some(ids) => Some(Texts::from_py(ids).map_err(|_| PyTypeError::new_err("ids must be a sequence of str or an Arrow string array"))?),
    };
    let batches = py.detach(|| -> PyResult<_> {
        let all = texts.all();
        let given = ids.as_ref().map(Texts::all);
        let names: Vec<String> = match &given {
            None => (0..all.len()).map(|i| i.to_string()).collect(),
            Some(given) => {
                if given.len() != all.len() {
                    return Err(PyValueError::new_err(format!(
                        "ids has {} values but texts has {}: give one id per text",
                        given.len(),
                        all.len()
                    )));
                }
                let mut seen = HashSet::with_capacity(given.len());
                let mut names = Vec::with_capacity(given.len());
                for (i, id) in given.iter().enumerate() {
                    let id = id.ok_or_else(|| PyValueError::new_err(format!("ids[{i}] is null: every text needs an id")))?;
                    if !seen.insert(id) {
                        return Err(PyValueError::new_err(format!("id {id} is not unique")));
                    }
                    names.push(id.to_string());
                }
                names
            }
        };
        let docs: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(all.iter().map(|t| t.unwrap_or(""))).collect();
        let groups = table::groups(&docs, rayon::current_num_threads());
        groups
            .par_iter()
            .map(|g| {
                let extracted: Vec<_> = g.iter().map(|(id, text)| extract_text(id, text, &catalog).figures).collect();
                let mut rows = table::FigureColumns::with_capacity(extracted.iter().map(Vec::len).sum());
                for figures in &extracted {
                    rows.push_all(figures)?;
                }
                rows.finish()
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| PyValueError::new_err(e.to_string()))
    })?;
    let table = PyTable::try_new(batches, table::schema())?;
    Ok(table.into_pyarrow(py)?.unbind())
}

/// The extractor's version: its crate version and a hash of its source.
#[pyfunction]
fn version() -> &'static str {
    figures_extract::VERSION
}

#[pymodule]
fn _figures(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add_class::<PyCatalog>()?;
    m.add("CatalogError", m.py().get_type::<CatalogError>())?;
    Ok(())
}
