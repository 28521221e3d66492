"""Throughput of figures.extract_arrow next to the CLI's extraction, on the same texts.

    cargo build --release --manifest-path python/bench/Cargo.toml      # the CLI's extraction loop, without Polars
    python python/bench/throughput.py --cli target/debug/figures --loop python/bench/target/release/figures-extract-bench --mb 100

`figures bench --mb N --density D --dir DIR --extract-only` generates the synthetic corpus (any
build of the CLI will do; it is only asked to write the texts). Then, --rounds times, alternating
so that both see the same load on a shared machine:

* the CLI's extraction: `figures-extract-bench` (python/bench), which runs `figures bench`'s
  "extract MB/s, all threads" loop — rayon over the files, each read and extracted, with the
  CLI's allocator — built in release mode without Polars;
* `extract_arrow`: read the same files into Python strings, then one `extract_arrow` call that
  extracts them in parallel and builds the whole Arrow table. Timed with and without the read.

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


def generate(cli: Path, directory: Path, mb: int, density: str) -> None:
    subprocess.run([str(cli), "bench", "--mb", str(mb), "--density", density, "--dir", str(directory), "--extract-only"], capture_output=True, check=True)


def loop_mb_s(loop: Path, directory: Path):
    out = subprocess.run([str(loop), str(directory)], capture_output=True, text=True, check=True).stdout
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
    return size / 1e6 / total, size / 1e6 / (total - read), table.num_rows, len(paths)


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
    cli, arrow, arrow_only = [], [], []
    print("| round | CLI extraction MB/s | extract_arrow MB/s, read + extract | extract_arrow MB/s, extract only | ratio (read + extract) |")
    print("|---|---|---|---|---|")
    for r in range(a.rounds):
        mb_s, cli_figures = loop_mb_s(a.loop, directory)
        with_read, only, rows, docs = arrow_mb_s(directory)
        assert rows == cli_figures, (rows, cli_figures)
        cli.append(mb_s)
        arrow.append(with_read)
        arrow_only.append(only)
        print(f"| {r + 1} | {mb_s:.1f} | {with_read:.1f} | {only:.1f} | {with_read / mb_s:.2f} |", flush=True)
    c, w, o = statistics.median(cli), statistics.median(arrow), statistics.median(arrow_only)
    print(f"| median | {c:.1f} | {w:.1f} | {o:.1f} | {w / c:.2f} |")
    print(f"\n{docs} documents, {rows} figures (both), {a.mb} MB {a.density}")


if __name__ == "__main__":
    main()
