"""The data package's checks can fail: Frictionless accepts output/ as written and rejects a copy
of it with each kind of damage an analyst could meet (a bad enum value, a wrong type, a duplicate
primary key, a null in a required field, a broken foreign key, in the JSON and in the Parquet).

Usage: python3 tests/package_check.py output
"""

import json
import shutil
import sys
import tempfile
from pathlib import Path

import frictionless
import pyarrow as pa
import pyarrow.parquet as pq


def errors(package_dir: Path) -> dict:
    """Error types by resource name, from Frictionless validating every row of every table."""
    report = frictionless.validate(str(package_dir / "datapackage.json"))
    return {task.name: sorted({e.type for e in task.errors}) for task in report.tasks if task.errors}


def edit_json(table: str, change):
    def apply(d: Path):
        path = d / f"{table}.json"
        rows = json.loads(path.read_text(encoding="utf-8"))
        change(rows)
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")

    return apply


def edit_parquet(table: str, column: str, value):
    def apply(d: Path):
        path = d / f"{table}.parquet"
        t = pq.read_table(path)
        values = t.column(column).to_pylist()
        values[0] = value
        i = t.schema.get_field_index(column)
        pq.write_table(t.set_column(i, t.schema.field(i).name, pa.array(values, type=pa.string())), path)

    return apply


def set_first(key, value):
    return lambda rows: rows[0].__setitem__(key, value)


CORRUPTIONS = [
    ("a bad enum value", edit_json("figures", set_first("unit", "BANANA")), "figures", "constraint-error"),
    ("a wrong type", edit_json("figures", set_first("value", "ten")), "figures", "type-error"),
    ("a duplicate primary key", edit_json("changes", lambda rows: rows[1].__setitem__("id", rows[0]["id"])), "changes", "primary-key"),
    ("a null in a required field", edit_json("documents", set_first("title", None)), "documents", "constraint-error"),
    ("a broken foreign key", edit_json("changes", set_first("to_id", "no-such-figure")), "changes", "foreign-key"),
    ("a figure whose sentence is not written", edit_json("figures", set_first("sentence_index", 99999)), "figures", "foreign-key"),
    ("an indicator missing from the catalog", edit_json("indicators", set_first("indicator_id", "no_such_indicator")), "indicators", "foreign-key"),
    ("a bad enum value in Parquet", edit_parquet("figures", "unit", "BANANA"), "figures_parquet", "constraint-error"),
]


def main(out: str) -> int:
    out_dir = Path(out)
    passed, failed = 0, 0
    found = errors(out_dir)
    if found:
        print(f"FAIL: {out} as written does not validate: {found}")
        failed += 1
    else:
        print(f"ok: {out} validates, every table in JSON and Parquet")
        passed += 1
    for what, corrupt, resource, expected in CORRUPTIONS:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "output"
            shutil.copytree(out_dir, copy)
            corrupt(copy)
            found = errors(copy)
            if expected in found.get(resource, []):
                print(f"ok: {what} is rejected ({resource}: {expected})")
                passed += 1
            else:
                print(f"FAIL: {what} was not rejected as {expected} in {resource}; Frictionless said {found}")
                failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "output"))
