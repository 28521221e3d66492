"""Shared fixtures: the repository, its texts, and the CLI binary the package is compared with.

The CLI is found at $FIGURES_BIN, else $CARGO_TARGET_DIR/debug/figures, else target/debug/figures
(`cargo build --bin figures` at the repository root). Without it the comparison tests fail: they
are the point of the suite.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "raw"
CATALOG = RAW / "catalog.toml"
# Every text in raw/ and tests/fixtures/, once: the fixtures repeat six raw texts byte for byte,
# and a document id (the file's stem) may name one text only.
TEXTS = sorted({p.name: p for p in [*(ROOT / "tests" / "fixtures").glob("*.txt"), *RAW.glob("*.txt")]}.values())


def undated_by_sidecar(row: dict) -> dict:
    """A figure row of `figures run` as the extractor alone gives it: the run dates from the
    document's sidecar what the text leaves undated (`period_basis` "sidecar"); without a sidecar
    those periods are null."""
    if row.get("period_basis") == "sidecar":
        return {**row, "period": None, "period_basis": None, "period_words": None}
    return row


def read(path: Path) -> str:
    """A text as the CLI decodes the corpus (UTF-8, a BOM dropped)."""
    return path.read_bytes().decode("utf-8-sig")


def cli_path() -> Path:
    if os.environ.get("FIGURES_BIN"):
        return Path(os.environ["FIGURES_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "debug" / "figures"


@pytest.fixture(scope="session")
def cli():
    """Runs the CLI from the repository root: cli(*args, input=None) -> CompletedProcess."""
    path = cli_path()
    if not path.exists():
        pytest.fail(f"no figures binary at {path}: run `cargo build --bin figures` or set FIGURES_BIN")

    def run(*args, input=None, check=True):
        return subprocess.run([str(path), *map(str, args)], cwd=ROOT, input=input, capture_output=True, check=check)

    return run


@pytest.fixture(scope="session")
def cli_json(cli):
    """`figures extract --json FILE` for every text, parsed, by path."""
    return {p: json.loads(cli("extract", "--json", "--catalog", CATALOG, p).stdout) for p in TEXTS}


@pytest.fixture(scope="session")
def cli_run(cli, tmp_path_factory):
    """The output directory of `figures run --partitioned` over raw/."""
    out = tmp_path_factory.mktemp("cli") / "output"
    cli("run", "--raw", RAW, "--out", out, "--partitioned")
    return out
