"""Extract a folder of texts through Arrow and query the figures with DuckDB, without files.

    python python/examples/duckdb_query.py raw

DuckDB scans the Arrow table where it lies in memory (registered as the view ``found``): nothing
is written to disk and no row becomes a Python object.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

import figures

QUERY = """
    select document_id, unit, count(*) as figures, count(qualifier) as approximate,
           sum(value) filter (where unit = 'CNY') / 1e8 as cny_yi
    from found
    group by all
    order by document_id, figures desc, unit
"""


def query(folder: Path) -> duckdb.DuckDBPyRelation:
    paths = sorted(folder.glob("*.txt"))
    found = figures.extract_arrow([p.read_text(encoding="utf-8-sig") for p in paths], [p.stem for p in paths])
    con = duckdb.connect()
    con.register("found", found)
    return con.sql(QUERY)


if __name__ == "__main__":
    query(Path(sys.argv[1] if len(sys.argv) > 1 else "raw")).show(max_rows=200)
