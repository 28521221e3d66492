"""Throughput of figures.extract_arrow next to the CLI's extraction, on the same texts.

    python python/bench_throughput.py --cli /var/tmp/python-target/release/figures --mb 100 [--density seed-like] [--rounds 3]

Generates (or reuses) the synthetic corpus of `figures bench` in --dir, then alternates, --rounds
times: `figures bench --extract-only` on that corpus (its "extract MB/s, all threads": read each
file and extract it, rayon over every core) and `extract_arrow` over the same files (read each
file, then one `extract_arrow` call building the whole Arrow table). Prints a Markdown row per
round and the medians. Build both in release mode first (`cargo build --release --bin figures`,
`maturin build --release`).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import time
from pathlib import Path

import figures


def cli_extract_mb_s(cli: Path, directory: Path, mb: int, density: str) -> float:
    out = subprocess.run(
        [str(cli), "bench", "--mb", str(mb), "--density", density, "--dir", str(directory), "--extract-only"],
        capture_output=True, text=True, check=True,
    ).stdout
    row = [line for line in out.splitlines() if re.match(r"\|\s*[\d.]+\s*\|", line)][-1]
    cells = [c.strip() for c in row.strip("|").split("|")]
    return float(cells[6])  # extract MB/s, all threads


def arrow_extract(directory: Path):
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
    parser.add_argument("--cli", type=Path, required=True)
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--density", default="seed-like")
    parser.add_argument("--dir", type=Path, default=Path("/var/tmp/figures-bench"))
    parser.add_argument("--rounds", type=int, default=3)
    a = parser.parse_args()
    directory = a.dir / f"{a.mb}mb-{a.density}"
    cli, arrow, arrow_only = [], [], []
    print("| round | CLI extract MB/s | extract_arrow MB/s (read + extract) | extract_arrow MB/s (extract only) | ratio |")
    print("|---|---|---|---|---|")
    for r in range(a.rounds):
        cli.append(cli_extract_mb_s(a.cli, directory, a.mb, a.density))
        with_read, only, rows, docs = arrow_extract(directory)
        arrow.append(with_read)
        arrow_only.append(only)
        print(f"| {r + 1} | {cli[-1]:.1f} | {with_read:.1f} | {only:.1f} | {with_read / cli[-1]:.2f} |", flush=True)
    c, w, o = statistics.median(cli), statistics.median(arrow), statistics.median(arrow_only)
    print(f"| median | {c:.1f} | {w:.1f} | {o:.1f} | {w / c:.2f} |")
    print(f"\n{docs} documents, {rows} figures, {a.mb} MB {a.density}")


if __name__ == "__main__":
    main()
