"""The examples: DuckDB over the Arrow table, and the Spark job against `figures run --partitioned`.

The Spark comparison: both datasets are read with their hive partitions, rows keyed by figure id,
and every column compared — the 27 figure columns (all of them come from the extractor; none
needs a sidecar or derivation) and the two partition keys (from the sidecars). Integers are
compared as Python ints and strings as str, since Spark reads int32 as int and
string_view as string; floats must be equal exactly.
"""

import runpy
import subprocess
import sys

import pyarrow as pa
import pyarrow.dataset as ds
import pytest

import figures
from conftest import RAW, ROOT, read, undated_by_sidecar

EXAMPLES = ROOT / "python" / "examples"


def test_duckdb_queries_the_arrow_table_without_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    query = runpy.run_path(str(EXAMPLES / "duckdb_query.py"))["query"]
    rows = query(RAW).fetchall()
    raw = sorted(RAW.glob("*.txt"))
    table = figures.extract_arrow([read(p) for p in raw], [p.stem for p in raw])
    assert sum(r[2] for r in rows) == table.num_rows
    expected = {}
    for f in table.to_pylist():
        expected[(f["document_id"], f["unit"])] = expected.get((f["document_id"], f["unit"]), 0) + 1
    assert {(r[0], r[1]): r[2] for r in rows} == expected
    assert list(tmp_path.iterdir()) == []


def hive(path):
    partitioning = ds.partitioning(pa.schema([("region_code", pa.string()), ("year", pa.int32())]), flavor="hive")
    rows = ds.dataset(path, format="parquet", partitioning=partitioning).to_table().to_pylist()
    return {r["id"]: r for r in rows}


@pytest.fixture(scope="module")
def spark_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("spark")
    subprocess.run([sys.executable, str(EXAMPLES / "spark_extract.py"), "--texts", str(RAW), "--out", str(out), "--master", "local[2]"], check=True)
    return out / "figures"


def test_the_spark_job_writes_the_figures_of_figures_run_row_for_row(spark_out, cli_run):
    spark = hive(spark_out)
    cli = hive(cli_run / "dataset" / "figures")
    assert len(spark) == len(cli) > 0
    assert sorted(spark) == sorted(cli)
    for id, row in cli.items():
        assert spark[id] == undated_by_sidecar(row), id


def test_the_spark_job_partitions_as_figures_run(spark_out, cli_run):
    def layout(root):
        return sorted(str(p.parent.relative_to(root)) for p in root.rglob("*.parquet"))

    assert sorted(set(layout(spark_out))) == sorted(set(layout(cli_run / "dataset" / "figures")))
    assert all(set(row) == set(figures.FIGURE_COLUMNS) | {"region_code", "year"} for row in hive(spark_out).values())
