# figures: `just --list` shows every recipe.

# Regenerate output/ from raw/.
run:
    cargo run -- run

# Every test, including the data-consistency checks on output/ and schemas/.
test:
    cargo test

# Verify output/ and schemas/ are current and every rule passes.
check:
    cargo run -- check

# Regenerate schemas/ from the Rust record types.
schemas:
    cargo run -- schemas

# Formatting and clippy, warnings denied.
lint:
    cargo fmt --check
    cargo clippy --all-targets -- -D warnings

# Accuracy against the hand-written gold files.
eval:
    cargo run -- eval tests/gold/*.toml

# Load every Parquet file with pyarrow, polars, pandas, DuckDB and Spark; compare types with the README, rows with the JSON.
loaders:
    python3 -m pip install --quiet -r tests/loaders-requirements.txt
    python3 tests/loaders.py output

# Validate the data package and render the report in headless Chromium (refreshes docs/report.png).
package:
    python3 tests/package_check.py output
    python3 tests/report_browser.py output/report.html docs/report.png

# Run the property-based fuzz targets longer (CASES inputs each).
fuzz CASES="200000":
    PROPTEST_CASES={{CASES}} cargo test --release --test fuzz -- --nocapture

# The binary users download: release profile (stripped, thin LTO); prints its size.
dist:
    cargo build --release --bin figures
    ls -l target/release/figures 2>/dev/null || ls -l "${CARGO_TARGET_DIR}/release/figures"

# Build the release wheel (abi3, Python >= 3.9) into python/dist
wheel:
    maturin build --release -m python/Cargo.toml -o python/dist

# Build the wheel and install it into the current Python environment
py-develop:
    maturin build --release -m python/Cargo.toml -o python/dist
    pip install --force-reinstall --no-deps python/dist/figures-*.whl

# Python tests against the installed wheel and the debug CLI (Spark job included); run `just py-develop` first
py-test:
    cargo build --bin figures
    FIGURES_BIN="${CARGO_TARGET_DIR:-target}/debug/figures" python -m pytest -q python/tests

# The whole Python CI from scratch: fresh venv, wheel, size check, pytest, Spark (what CI runs)
py-ci:
    bash python/ci.sh

# extract_arrow next to the CLI's extraction on the same synthetic corpus (release builds)
py-bench MB="100":
    cargo build --bin figures
    cargo build --release --manifest-path python/bench/Cargo.toml
    python python/bench/throughput.py --cli "${CARGO_TARGET_DIR:-target}/debug/figures" --loop "${CARGO_TARGET_DIR:-target}/release/figures-extract-bench" --mb {{MB}}

# Load output/ into a DuckDB database whose tables carry the data package's primary and foreign keys.
duckdb DB="figures.duckdb":
    python3 tests/duckdb_load.py output {{DB}}
