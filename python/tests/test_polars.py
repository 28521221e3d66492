"""figures.polars.extract: a frame of texts in, the figures table as a polars frame out."""

import polars as pl
import pytest

import figures
import figures.polars as fpl
from conftest import TEXTS, read


@pytest.fixture(scope="module")
def frame():
    return pl.DataFrame({"doc": [p.stem for p in TEXTS], "body": [read(p) for p in TEXTS]})


def test_the_frame_equals_the_arrow_table(frame):
    out = fpl.extract(frame, text="body", id="doc")
    table = figures.extract_arrow(frame["body"].to_list(), frame["doc"].to_list())
    assert out.columns == list(figures.FIGURE_COLUMNS)
    assert out.height == table.num_rows > 0
    assert out.to_dicts() == table.to_pylist()
    assert out.schema["start"] == pl.Int64 and out.schema["sentence_index"] == pl.Int32
    assert out.schema["lower"] == pl.Float64 and out.schema["projected"] == pl.Boolean


def test_polars_takes_the_arrow_buffers_without_copying(frame):
    """The values buffer polars holds (exported back to Arrow, itself without a copy) is the
    very buffer the Rust table was built in."""
    table = figures.extract_arrow(frame["body"].to_list(), frame["doc"].to_list())
    out = pl.from_arrow(table, rechunk=False)
    # The frame is exported whole: a series exported alone is one array, its chunks joined.
    exported = out.to_arrow(compat_level=pl.CompatLevel.newest())
    for name in ("start", "value", "lower", "text", "unit"):
        built = [c.buffers()[-1].address for c in table.column(name).chunks]
        held = [c.buffers()[-1].address for c in exported.column(name).chunks]
        assert held == built, name


def test_default_column_names_are_text_and_id():
    out = fpl.extract(pl.DataFrame({"id": ["a"], "text": ["研发投入从1.28%提高到1.7%。"]}))
    assert out["id"].to_list() == ["a:5", "a:13"]
    assert out["unit"].to_list() == ["%", "%"]


def test_integer_ids_become_strings():
    out = fpl.extract(pl.DataFrame({"id": [7], "text": ["约30亿元"]}))
    assert out["document_id"].to_list() == ["7"]


def test_a_missing_column_is_a_key_error(frame):
    with pytest.raises(KeyError, match="no column 'text'"):
        fpl.extract(frame)
