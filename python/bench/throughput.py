"""Throughput of figures.extract_arrow next to the CLI's extraction, on the same texts.

    cargo build --release --manifest-path python/bench/Cargo.toml      # the CLI's extraction loop, without Polars
    python python/bench/throughput.py --cli target/debug/figures --loop python/bench/target/release/figures-extract-bench --mb 100

`figures bench --mb N --density D --dir DIR --extract-only` generates the synthetic corpus (any
build of the CLI will do; it is only asked to write the texts). Then, --rounds times, alternating
so that both see the same load on a shared machine:

* the CLI's extraction: `figures-extract-bench` (python/bench), which runs `figures bench`'s
  "extract MB/s, all threads" loop — rayon over the files, each read and extracted, with the
  CLI's allocator — built in release mode without Polars; and the same loop over the texts read
  into memory first (`--in-memory`), extraction alone;
* `extract_arrow`: read the same files into Python strings, then one `extract_arrow` call that
  extracts them in parallel and builds the whole Arrow table, timed with and without the read;
  and one call on the texts as an Arrow string column (as a DataFrame or Parquet file holds them).

Prints a Markdown row per round and the medians.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import time
from pathlib import Path

import figures
import pyarrow as pa


def generate(cli: Path, directory: Path, mb: int, density: str) -> None:
    subprocess.run([str(cli), "bench", "--mb", str(mb), "--density", density, "--dir", str(directory), "--extract-only"], capture_output=True, check=True)


def loop_mb_s(loop: Path, directory: Path, *flags: str):
    out = subprocess.run([str(loop), str(directory), *flags], capture_output=True, text=True, check=True).stdout
    mb_s = float(re.search(r"([\d.]+) MB/s", out).group(1))
    figures_count = int(re.search(r"(\d+) figures", out).group(1))
    return mb_s, figures_count


def arrow_mb_s(directory: Path):
    t = time.perf_counter()
    paths = sorted((directory / "raw").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    read = time.perf_counter() - t
    table = figures.extract_arrow(texts, [p.stem for p in paths])
    total = time.perf_counter() - t
    size = sum(len(s.encode()) for s in texts)
    # The same texts as an Arrow column, as a DataFrame or a Parquet file holds them.
    column, ids = pa.array(texts), pa.array([p.stem for p in paths])
    t = time.perf_counter()
    from_arrow = figures.extract_arrow(column, ids)
    arrow_only = time.perf_counter() - t
    assert from_arrow.num_rows == table.num_rows
    return size / 1e6 / total, size / 1e6 / (total - read), size / 1e6 / arrow_only, table.num_rows, len(paths)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", type=Path, required=True, help="a figures binary, to generate the corpus")
    parser.add_argument("--loop", type=Path, required=True, help="python/bench's figures-extract-bench, release build")
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--density", default="seed-like")
    parser.add_argument("--dir", type=Path, default=Path("/var/tmp/figures-bench"))
    parser.add_argument("--rounds", type=int, default=3)
    a = parser.parse_args()
    directory = a.dir / f"{a.mb}mb-{a.density}"
    generate(a.cli, directory, a.mb, a.density)
    rows_of = {"cli": [], "cli_memory": [], "with_read": [], "list": [], "arrow": []}
    print(
        "| round | CLI MB/s (read + extract) | CLI MB/s (in memory) | extract_arrow MB/s, list of str (read + extract) |"
        " extract_arrow MB/s, list of str | extract_arrow MB/s, Arrow column |"
    )
    print("|---|---|---|---|---|---|")
    for r in range(a.rounds):
        cli, cli_figures = loop_mb_s(a.loop, directory)
        cli_memory, _ = loop_mb_s(a.loop, directory, "--in-memory")
        with_read, listed, arrow, rows, docs = arrow_mb_s(directory)
        assert rows == cli_figures, (rows, cli_figures)
        for k, v in zip(rows_of, (cli, cli_memory, with_read, listed, arrow)):
            rows_of[k].append(v)
        print(f"| {r + 1} | {cli:.1f} | {cli_memory:.1f} | {with_read:.1f} | {listed:.1f} | {arrow:.1f} |", flush=True)
    m = {k: statistics.median(v) for k, v in rows_of.items()}
    print(f"| median | {m['cli']:.1f} | {m['cli_memory']:.1f} | {m['with_read']:.1f} | {m['list']:.1f} | {m['arrow']:.1f} |")
    print(
        f"\nextract_arrow against the CLI in memory: list of str {m['list'] / m['cli_memory']:.2f}, Arrow column "
        f"{m['arrow'] / m['cli_memory']:.2f}; against the CLI reading its files: {m['list'] / m['cli']:.2f}, {m['arrow'] / m['cli']:.2f}"
    )
    print(f"{docs} documents, {rows} figures (both), {a.mb} MB {a.density}")


if __name__ == "__main__":
    main()
