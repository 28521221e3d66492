"""figures.extract_arrow: one row per figure, the record schema's columns, the CLI's values."""

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import figures
from conftest import CATALOG, ROOT, TEXTS, read, undated_by_sidecar

FIGURE_SCHEMA = json.loads((ROOT / "schemas" / "figure.schema.json").read_text())


@pytest.fixture(scope="module")
def corpus():
    return [p.stem for p in TEXTS], [read(p) for p in TEXTS]


@pytest.fixture(scope="module")
def table(corpus):
    ids, texts = corpus
    return figures.extract_arrow(texts, ids, CATALOG)


def test_one_row_per_figure_equal_to_the_cli_figures_in_order(table, cli_json):
    expected = [f for p in TEXTS for f in cli_json[p]["figures"]]
    assert table.num_rows == len(expected) > 0
    assert table.to_pylist() == expected


def allows_null(prop):
    """Whether a schema property admits null: `"type": [..., "null"]` or `anyOf` a null type."""
    declared = prop.get("type", [])
    return (isinstance(declared, list) and "null" in declared) or declared == "null" or any(allows_null(p) for p in prop.get("anyOf", []))


def test_columns_follow_the_record_schema(table):
    assert tuple(table.column_names) == tuple(FIGURE_SCHEMA["properties"]) == figures.FIGURE_COLUMNS
    nullable = {f.name for f in table.schema if f.nullable}
    assert nullable == {name for name, prop in FIGURE_SCHEMA["properties"].items() if allows_null(prop)}
    assert nullable == {
        "measure_word", "unit_text", "qualifier", "lower", "upper", "item", "ranked", "share_of",
        "indicator_id", "period", "period_basis", "period_words", "region",
    }  # fmt: skip


def test_column_types_are_the_cli_parquet_types(table, cli_run):
    parquet = pq.read_schema(cli_run / "figures.parquet")
    assert [(f.name, f.type) for f in table.schema] == [(f.name, f.type) for f in parquet]


def test_the_table_over_raw_equals_figures_run(cli_run):
    raw = sorted((ROOT / "raw").glob("*.txt"))
    table = figures.extract_arrow([read(p) for p in raw], [p.stem for p in raw], CATALOG)
    written = pq.read_table(cli_run / "figures.parquet")
    def rows(t):
        return sorted(map(undated_by_sidecar, t.to_pylist()), key=lambda f: (f["document_id"], f["start"]))

    assert rows(table) == rows(written)


@pytest.mark.parametrize(
    "wrap",
    [
        lambda v: pa.array(v, pa.string()),
        lambda v: pa.array(v, pa.large_string()),
        lambda v: pa.array(v, pa.string_view()),
        lambda v: pa.chunked_array([v[:3], v[3:]], pa.string()),
        lambda v: tuple(v),
    ],
    ids=["string", "large_string", "string_view", "chunked", "tuple"],
)
def test_arrow_and_sequence_inputs_give_the_same_table(wrap, corpus, table):
    ids, texts = corpus
    assert figures.extract_arrow(wrap(texts), wrap(ids), CATALOG).equals(table)


def test_many_texts_in_parallel_equal_each_text_alone(corpus):
    ids, texts = corpus
    many_ids = [f"{i}-{n}" for n in range(30) for i in ids]
    many = figures.extract_arrow(texts * 30, many_ids)
    alone = [f for i, t in zip(many_ids, texts * 30) for f in figures.extract(t, id=i)["figures"]]
    assert many.num_rows == len(alone)
    assert many.to_pylist() == alone
    assert many.to_batches()[0].num_rows < many.num_rows, "one batch per group of texts"


def test_default_ids_are_positions():
    t = figures.extract_arrow(["约30亿元", "超10亿元,增长30.3%"])
    assert t.column("document_id").to_pylist() == ["0", "1", "1"]
    assert t.column("id").to_pylist() == ["0:0", "1:0", "1:8"]


def test_a_null_or_empty_text_has_no_figures():
    t = figures.extract_arrow(pa.array([None, "", "近1.9万亿元"]), ["a", "b", "c"])
    assert t.column("document_id").to_pylist() == ["c"]
    assert t.to_pylist()[0]["lower"] == 1.8e12 and t.to_pylist()[0]["qualifier"] == "nearly"


def test_no_texts_is_an_empty_table_with_the_columns():
    t = figures.extract_arrow([])
    assert t.num_rows == 0 and tuple(t.column_names) == figures.FIGURE_COLUMNS


def test_ids_of_another_length_are_refused():
    with pytest.raises(ValueError, match="ids has 1 values but texts has 2: give one id per text"):
        figures.extract_arrow(["a", "b"], ["x"])


def test_a_repeated_id_is_refused_as_the_cli_refuses_it():
    with pytest.raises(ValueError, match="^id x is not unique$"):
        figures.extract_arrow(["约30亿元", "约30亿元"], ["x", "x"])


def test_a_null_id_is_refused():
    with pytest.raises(ValueError, match=r"ids\[1\] is null"):
        figures.extract_arrow(["a", "b"], pa.array(["x", None]))


@pytest.mark.parametrize("bad", ["one text", [1, 2], pa.array([1, 2])], ids=["str", "ints", "arrow-ints"])
def test_texts_that_are_not_strings_are_a_type_error(bad):
    with pytest.raises(TypeError, match="texts must be"):
        figures.extract_arrow(bad)


def test_ids_that_are_a_single_str_are_a_type_error():
    with pytest.raises(TypeError, match="ids must be a sequence of str"):
        figures.extract_arrow(["a"], "a")

