"""Loads output/ into a DuckDB database with the data package's keys: one table per resource, its
primary key and its foreign keys declared from datapackage.json (never written twice), rows
inserted from the Parquet files, parents first, so DuckDB itself checks every key on load.

Usage: python3 tests/duckdb_load.py output [figures.duckdb]   (":memory:" when no file is given)
"""

import json
import sys
from pathlib import Path

import duckdb

SQL_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN"}


def ddl(resource: dict) -> str:
    schema = resource["schema"]
    required = lambda f: f.get("constraints", {}).get("required", False)
    columns = [f'"{f["name"]}" {SQL_TYPES[f["type"]]}{" NOT NULL" if required(f) else ""}' for f in schema["fields"]]
    columns.append("PRIMARY KEY ({})".format(", ".join(f'"{k}"' for k in schema["primaryKey"])))
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        quoted = lambda names: ", ".join(f'"{n}"' for n in names)
        columns.append(f'FOREIGN KEY ({quoted(fk["fields"])}) REFERENCES "{ref["resource"]}" ({quoted(ref["fields"])})')
    return 'CREATE TABLE "{}" (\n  {}\n)'.format(resource["name"], ",\n  ".join(columns))


def parents_first(resources: list) -> list:
    """Resources ordered so that every table comes after the tables its foreign keys name."""
    by_name = {r["name"]: r for r in resources}
    done, order = set(), []

    def visit(r):
        if r["name"] in done:
            return
        done.add(r["name"])
        for fk in r["schema"].get("foreignKeys", []):
            parent = fk["reference"]["resource"]
            if parent != r["name"]:
                visit(by_name[parent])
        order.append(r)

    for r in resources:
        visit(r)
    return order


def main(out: str, database: str = ":memory:") -> int:
    out_dir = Path(out)
    package = json.loads((out_dir / "datapackage.json").read_text(encoding="utf-8"))
    tables = [r for r in package["resources"] if r.get("format") == "json"]
    parquet = {r["name"].removesuffix("_parquet"): r["path"] for r in package["resources"] if r.get("format") == "parquet"}
    if database != ":memory:" and Path(database).exists():
        print(f"{database} exists: remove it or name another file")
        return 2
    con = duckdb.connect(database)
    passed, failed = 0, 0
    for r in parents_first(tables):
        con.execute(ddl(r))
        names = ", ".join(f'"{f["name"]}"' for f in r["schema"]["fields"])
        try:
            con.execute(f'INSERT INTO "{r["name"]}" SELECT {names} FROM read_parquet(?)', [str(out_dir / parquet[r["name"]])])
            n = con.execute(f'SELECT count(*) FROM "{r["name"]}"').fetchone()[0]
            print(f"ok: {r['name']}: {n} rows loaded with its primary and foreign keys")
            passed += 1
        except duckdb.Error as e:
            print(f"FAIL: {r['name']}: {e}")
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]) if len(sys.argv) > 1 else main("output"))
