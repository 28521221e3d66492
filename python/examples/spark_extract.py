"""Extract the figures of a folder of texts with Spark, into hive-partitioned Parquet.

    python python/examples/spark_extract.py --texts raw --out /tmp/spark-out [--master local[*]]

Reads every ``*.txt`` in ``--texts`` as a binary file (one row per text), extracts in the
executors with ``mapInArrow`` (each task hands its texts to ``figures.extract_arrow`` as Arrow
and gets Arrow back: no Python object per figure), and writes ``OUT/figures/`` partitioned as
``figures run --partitioned`` writes ``output/dataset/figures/``:
``region_code=<code>/year=<period end>/part-….parquet``, unknown years as
``__HIVE_DEFAULT_PARTITION__``. ``region_code`` and ``year`` come from each text's sidecar
(``<id>.toml``: ``region_code``, ``[period] end``), read in the driver; a text without a sidecar
is ``CN`` with an unknown year, as in ``figures run``.

Columns: the 24 columns of ``figures.parquet`` plus the two partition keys. Spark has no unsigned
integers, so ``start``, ``end``, ``byte_start``, ``byte_end`` (uint64) and ``sentence_index``
(uint32) are written as int64, and strings as plain ``string`` rather than ``string_view``.

Decoding: UTF-8 (a BOM dropped), UTF-16 with a BOM, else GB18030, the CLI's order. A sidecar's
``encoding`` key is not read here.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Dict, Iterator, Optional, Tuple

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

import pyarrow as pa

import figures

# Spark types of the columns: unsigned integers widen to int64, strings are plain strings.
SPARK_TYPES = {pa.uint64(): pa.int64(), pa.uint32(): pa.int64(), pa.string_view(): pa.string()}


def arrow_schema() -> pa.Schema:
    """The output schema in Arrow: the figures table in Spark's types, then the partition keys."""
    empty = figures.extract_arrow([])
    fields = [pa.field(f.name, SPARK_TYPES.get(f.type, f.type), f.nullable) for f in empty.schema]
    return pa.schema(fields + [pa.field("region_code", pa.string(), False), pa.field("year", pa.int32(), True)])


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def partitions(texts: Path) -> Dict[str, Tuple[str, Optional[int]]]:
    """region_code and period end of every text's sidecar, by document id."""
    out = {}
    for text in sorted(texts.glob("*.txt")):
        sidecar = text.with_suffix(".toml")
        meta = tomllib.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
        out[text.stem] = (meta.get("region_code", "CN"), meta.get("period", {}).get("end"))
    return out


def extractor(keys: Dict[str, Tuple[str, Optional[int]]], schema: pa.Schema, catalog: Optional[str]):
    """The mapInArrow function: batches of (path, content) in, batches of figures out, their
    indicators named by the catalog at `catalog` (a path every executor can read), if any."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            paths = batch.column("path").to_pylist()
            ids = [Path(p.split(":", 1)[-1]).stem for p in paths]
            texts = [decode(b) for b in batch.column("content").to_pylist()]
            table = figures.extract_arrow(texts, ids, catalog)
            doc = table.column("document_id").to_pylist()
            region = pa.array([keys.get(d, ("CN", None))[0] for d in doc], pa.string())
            year = pa.array([keys.get(d, ("CN", None))[1] for d in doc], pa.int32())
            columns = [c.cast(schema.field(i).type) for i, c in enumerate(table.columns)] + [region, year]
            yield from pa.Table.from_arrays(columns, schema=schema).to_batches()

    return run


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", required=True, type=Path, help="folder of <id>.txt texts and their <id>.toml sidecars")
    parser.add_argument("--out", required=True, type=Path, help="output folder; the figures go to OUT/figures/")
    parser.add_argument("--master", default="local[*]", help="Spark master (default local[*])")
    parser.add_argument("--catalog", type=Path, help="indicator catalog (default: TEXTS/catalog.toml when it exists)")
    args = parser.parse_args(argv)
    catalog = args.catalog or (args.texts / "catalog.toml")
    catalog = str(catalog.resolve()) if catalog.exists() else None
    if not args.texts.is_dir():
        parser.error(f"--texts {args.texts}: not a folder")

    # Executors run this interpreter, where figures is installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    from pyspark.sql.pandas.types import from_arrow_schema

    spark = SparkSession.builder.master(args.master).appName("figures-extract").config("spark.ui.enabled", "false").getOrCreate()
    try:
        schema = arrow_schema()
        texts = spark.read.format("binaryFile").option("pathGlobFilter", "*.txt").load(str(args.texts.resolve())).select("path", "content")
        found = texts.mapInArrow(extractor(partitions(args.texts), schema, catalog), from_arrow_schema(schema))
        found.write.mode("overwrite").partitionBy("region_code", "year").parquet(str(args.out / "figures"))
        print(f"wrote the figures of {texts.count()} texts to {args.out / 'figures'}")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
