"""Loads every Parquet table in an output directory with pyarrow, polars, pandas (pyarrow backend)
and DuckDB, and checks
row counts, column names, column types and values against the JSON twin and the JSON Schema.

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

TABLES = {"documents": "document", "figures": "figure", "changes": "change", "indicators": "indicator", "indicators_catalog": "indicators_catalog"}
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def expected_types(schema):
    """Column name -> acceptable Arrow types, read from the record's JSON Schema."""
    defs = schema.get("$defs", {})

    def resolve(p):
        ref = p.get("$ref", "")
        if ref.startswith("#/$defs/"):
            return defs[ref.split("/")[-1]]
        for alt in p.get("anyOf", []):
            if alt.get("type") != "null":
                return resolve(alt)
        return p

    out = {}
    for name, prop in schema["properties"].items():
        p = resolve(prop)
        t = p.get("type", "string")
        if isinstance(t, list):
            t = next(x for x in t if x != "null")
        fmt = p.get("format")
        if t == "number":
            out[name] = {pa.float64()}
        elif t == "boolean":
            out[name] = {pa.bool_()}
        elif t == "integer":
            out[name] = {{"uint32": pa.int32(), "int32": pa.int32()}.get(fmt, pa.int64())}
        else:
            out[name] = {pa.string(), pa.large_string(), pa.string_view()}
    return out


def same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and math.isclose(a, b, rel_tol=0, abs_tol=0)
    return a == b


def main(out_dir):
    out = Path(out_dir)
    failures = []
    for table, stem in TABLES.items():
        rows = json.loads((out / f"{table}.json").read_text(encoding="utf-8"))
        schema = json.loads((SCHEMAS / f"{stem}.schema.json").read_text(encoding="utf-8"))
        types = expected_types(schema)
        path = out / f"{table}.parquet"

        arrow = pq.read_table(path)
        if arrow.column_names != list(types):
            failures.append(f"{table}: pyarrow columns {arrow.column_names} != schema {list(types)}")
        for field in arrow.schema:
            if field.type not in types.get(field.name, set()):
                failures.append(f"{table}.{field.name}: pyarrow type {field.type} not in {types.get(field.name)}")
        unsigned = [f.name for f in arrow.schema if pa.types.is_unsigned_integer(f.type)]
        if unsigned:
            failures.append(f"{table}: unsigned columns {unsigned}")
        described = json.loads((pq.read_metadata(path).metadata or {}).get(b"figures.column_descriptions", b"{}"))
        if sorted(described) != sorted(types) or not all(described.values()):
            failures.append(f"{table}: the file's column descriptions cover {sorted(described)}")
        if arrow.num_rows != len(rows):
            failures.append(f"{table}: pyarrow reads {arrow.num_rows} rows, JSON has {len(rows)}")
        for i, row in enumerate(arrow.to_pylist()):
            for k, v in row.items():
                if not same(v, rows[i].get(k)):
                    failures.append(f"{table} row {i} column {k}: parquet {v!r} != json {rows[i].get(k)!r}")
                    break

        frame = pl.read_parquet(path)
        if frame.height != len(rows) or frame.columns != list(types):
            failures.append(f"{table}: polars reads {frame.height} rows and columns {frame.columns}")

        pandas = pd.read_parquet(path, dtype_backend="pyarrow")
        if len(pandas) != len(rows) or list(pandas.columns) != list(types):
            failures.append(f"{table}: pandas reads {len(pandas)} rows and columns {list(pandas.columns)}")
        for column, dtype in pandas.dtypes.items():
            arrow_type = getattr(dtype, "pyarrow_dtype", None)
            if arrow_type is None or arrow_type not in types.get(column, set()):
                failures.append(f"{table}.{column}: pandas dtype {dtype} is not an Arrow type the schema allows")

        con = duckdb.connect()
        n = con.execute("select count(*) from read_parquet(?)", [str(path)]).fetchone()[0]
        cols = [d[0] for d in con.execute("select * from read_parquet(?) limit 0", [str(path)]).description]
        if n != len(rows) or cols != list(types):
            failures.append(f"{table}: duckdb reads {n} rows and columns {cols}")
        print(f"{table}: {len(rows)} rows, {len(types)} columns: pyarrow, polars, pandas and duckdb agree with the JSON")
    if failures:
        print("\n".join(failures), file=sys.stderr)
        print(f"0 passed, {len(failures)} failed")
        return 1
    print(f"{len(TABLES)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "output"))
