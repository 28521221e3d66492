#!/usr/bin/env bash
# python/ci.sh — the Python package's CI, run from the repository root on a fresh Debian machine
# with Rust and Python >= 3.9 (3.11 in CI):
#   1. installs a Debian JRE when `java` is missing (Spark needs Java 17+);
#   2. builds the CLI (debug; the tests compare with it) and the release wheel with maturin;
#   3. checks the wheel's size (<= 15 MB) and installs it into a fresh venv, with pytest, polars,
#      duckdb and pyspark;
#   4. runs python/tests from the repository root (the installed wheel, never the source tree):
#      CLI equality on every text, the Arrow table, polars, DuckDB, and the Spark job in local mode
#      against `figures run --partitioned`.
# Environment: PYTHON (default python3), CARGO_TARGET_DIR (default target), PIP_ARGS.
set -euo pipefail

cd "$(dirname "$0")/.."
[ -f Cargo.toml ] && [ -d python ] || { echo "python/ci.sh: run from a checkout of figures" >&2; exit 2; }
PYTHON=${PYTHON:-python3}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }

if ! command -v java >/dev/null 2>&1; then
    step "installing a Java runtime for Spark"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step "fresh venv in $work/venv"
"$PYTHON" -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install -q ${PIP_ARGS:-} --upgrade pip
"$py" -m pip install -q ${PIP_ARGS:-} "maturin>=1.9,<2"

step "building the CLI the tests compare with"
cargo build --bin figures
export FIGURES_BIN="$CARGO_TARGET_DIR/debug/figures"

step "building the wheel"
"$work/venv/bin/maturin" build --release -m python/Cargo.toml -o "$work/dist"
wheel=$(ls "$work"/dist/figures-*.whl)
size=$(stat -c %s "$wheel")
echo "$(basename "$wheel"): $((size / 1024)) KiB"
[ "$size" -le $((15 * 1024 * 1024)) ] || { echo "the wheel is over 15 MB" >&2; exit 1; }

step "installing the wheel and the test tools"
"$py" -m pip install -q ${PIP_ARGS:-} "$wheel"
"$py" -m pip install -q ${PIP_ARGS:-} pytest polars duckdb "pyspark[sql]"
"$py" -c 'import figures, sys; assert "site-packages" in figures.__file__, figures.__file__; print("figures", figures.extractor_version, "from", figures.__file__)'

step "pytest (with the Spark job)"
"$py" -m pytest -q -p no:cacheprovider python/tests

step "done"
