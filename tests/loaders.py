"""Loads every Parquet table in an output directory with pyarrow, polars, pandas (pyarrow backend),
DuckDB and Spark, and checks each against the README and the table's JSON twin:

* each reader's column names, order and types equal the README's: the table under
  "### `output/<table>.parquet`" gives each column's Arrow type and nullability, the table under
  "## Loading the data" each reader's name for each Arrow type. The column tables are generated
  from the record types (tests/docs.rs fails when they are stale), whose JSON Schemas are the
  committed ones (the schema tests), so a file that disagrees with its schema fails here too;
* a column the README says cannot be null is non-nullable as pyarrow reads it (a REQUIRED
  Parquet column); no column is unsigned;
* the file's column descriptions cover every column;
* the rows: count and every value equal the JSON file's.

Spark runs in one small local session (local[1]) and needs Java 17+. When pyspark cannot be
imported, its check is reported as skipped; CI installs it (tests/loaders-requirements.txt).

Usage: python3 tests/loaders.py output
"""
import json
import math
import sys
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

TABLES = ["documents", "figures", "sentences", "changes", "indicators", "indicators_catalog"]
README = Path(__file__).resolve().parent.parent / "README.md"
COLUMNS_HEADER = ["column", "Arrow type", "nullable", "description"]
READERS_HEADER = ["Arrow type", "polars", 'pandas (dtype_backend="pyarrow")', "DuckDB", "Spark"]


def markdown_table(text):
    """The first Markdown table in `text`: its header and rows, as cells without backticks."""
    lines = text[text.index("\n|") + 1 :].splitlines()
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        # Only the leading cells are read, and none of them holds an escaped "|".
        rows.append([cell.strip().replace("`", "") for cell in line.strip().strip("|").split(" | ")])
    return rows[0], rows[2:]


def readme_contract(readme):
    """Per table, the README's columns as (name, Arrow type, nullable); per Arrow type, each
    reader's name for it."""
    columns = {}
    for table in TABLES:
        heading = f"### `output/{table}.parquet`"
        header, rows = markdown_table(readme.split(heading, 1)[1])
        if header != COLUMNS_HEADER:
            raise SystemExit(f"README: the table under {heading} has columns {header}, not {COLUMNS_HEADER}")
        columns[table] = [(name, arrow, {"yes": True, "no": False}[nullable]) for name, arrow, nullable, *_ in rows]
    header, rows = markdown_table(readme.split("## Loading the data", 1)[1])
    if header != READERS_HEADER:
        raise SystemExit(f"README: the table under Loading the data has columns {header}, not {READERS_HEADER}")
    readers = {row[0]: dict(zip(["polars", "pandas", "duckdb", "spark"], row[1:])) for row in rows}
    return columns, readers


def spark_session():
    """A small local Spark session, or None when pyspark cannot be imported."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:
        print(f"spark: SKIPPED, pyspark cannot be imported ({e}); pip install -r tests/loaders-requirements.txt")
        return None
    spark = (
        SparkSession.builder.master("local[1]")
        .appName("figures-loaders")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "512m")
        .config("spark.sql.shuffle.partitions", "1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and math.isclose(a, b, rel_tol=0, abs_tol=0)
    return a == b


def check_types(table, reader, read, expected):
    """Failures where `read`, the (column, type) pairs a reader reports, differs from `expected`."""
    if [c for c, _ in read] != [c for c, _ in expected]:
        return [f"{table}: {reader} reads columns {[c for c, _ in read]}, the README lists {[c for c, _ in expected]}"]
    return [f"{table}.{c}: {reader} reads {t}, the README says {e}" for (c, t), (_, e) in zip(read, expected) if t != e]


def check_table(out, table, columns, readers, spark):
    rows = json.loads((out / f"{table}.json").read_text(encoding="utf-8"))
    path = out / f"{table}.parquet"
    failures = []
    unmapped = sorted({arrow for _, arrow, _ in columns} - set(readers))
    if unmapped:
        return [f"{table}: the README's readers table has no row for {unmapped}"]

    def expected(reader):
        return [(name, readers[arrow][reader]) for name, arrow, _ in columns]

    arrow = pq.read_table(path)
    failures += check_types(table, "pyarrow", [(f.name, str(f.type)) for f in arrow.schema], [(n, a) for n, a, _ in columns])
    failures += [
        f"{table}.{f.name}: pyarrow reads nullable={f.nullable}, the README says {nullable}"
        for f, (_, _, nullable) in zip(arrow.schema, columns)
        if f.nullable != nullable
    ]
    unsigned = [f.name for f in arrow.schema if pa.types.is_unsigned_integer(f.type)]
    if unsigned:
        failures.append(f"{table}: unsigned columns {unsigned}")
    described = json.loads((pq.read_metadata(path).metadata or {}).get(b"figures.column_descriptions", b"{}"))
    if sorted(described) != sorted(n for n, _, _ in columns) or not all(described.values()):
        failures.append(f"{table}: the file's column descriptions cover {sorted(described)}")
    if arrow.num_rows != len(rows):
        failures.append(f"{table}: pyarrow reads {arrow.num_rows} rows, JSON has {len(rows)}")
    for i, row in enumerate(arrow.to_pylist()):
        for k, v in row.items():
            if not same(v, rows[i].get(k)):
                failures.append(f"{table} row {i} column {k}: parquet {v!r} != json {rows[i].get(k)!r}")
                break

    frame = pl.read_parquet(path)
    failures += check_types(table, "polars", [(c, str(t)) for c, t in frame.schema.items()], expected("polars"))
    if frame.height != len(rows):
        failures.append(f"{table}: polars reads {frame.height} rows")

    pandas = pd.read_parquet(path, dtype_backend="pyarrow")
    failures += check_types(table, "pandas", [(c, str(t)) for c, t in pandas.dtypes.items()], expected("pandas"))
    if len(pandas) != len(rows):
        failures.append(f"{table}: pandas reads {len(pandas)} rows")

    con = duckdb.connect()
    described = con.execute("describe select * from read_parquet(?)", [str(path)]).fetchall()
    failures += check_types(table, "duckdb", [(d[0], d[1]) for d in described], expected("duckdb"))
    n = con.execute("select count(*) from read_parquet(?)", [str(path)]).fetchone()[0]
    if n != len(rows):
        failures.append(f"{table}: duckdb reads {n} rows")

    if spark is not None:
        df = spark.read.parquet(str(path.resolve()))
        failures += check_types(table, "spark", [(f.name, f.dataType.simpleString()) for f in df.schema.fields], expected("spark"))
        if df.count() != len(rows):
            failures.append(f"{table}: spark reads {df.count()} rows")
    return failures


def main(out_dir):
    out = Path(out_dir)
    columns, readers = readme_contract(README.read_text(encoding="utf-8"))
    # A row no column uses would be a claim about readers that nothing checks.
    used = {arrow for table in TABLES for _, arrow, _ in columns[table]}
    results = {"readers table": [] if set(readers) == used else [f"README: the readers table lists {sorted(readers)}, the columns use {sorted(used)}"]}
    spark = spark_session()
    names = "pyarrow, polars, pandas, duckdb" + (" and spark" if spark else " (spark skipped)")
    try:
        for table in TABLES:
            results[table] = check_table(out, table, columns[table], readers, spark)
            if not results[table]:
                print(f"{table}: {len(columns[table])} columns: {names} read the README's types and the JSON's rows")
    finally:
        if spark is not None:
            spark.stop()
    failures = [f for found in results.values() for f in found]
    if failures:
        print("\n".join(failures), file=sys.stderr)
    failed = sum(1 for found in results.values() if found)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "output"))
