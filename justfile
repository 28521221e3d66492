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

# Load every Parquet file with polars, pyarrow and DuckDB and compare with the JSON.
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
