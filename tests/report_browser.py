"""Renders output/report.html in headless Chromium and checks what a reader sees: every document's
title, one chart per change, the highlighted source figures, each document's figure list, the
filter box and the validation table; that a CJK font is installed, so Chinese never renders as
empty boxes. Writes screenshots at desktop and phone width to the path given and beside it
(docs/report.png and docs/report-phone.png in the README).

Usage: python3 tests/report_browser.py output/report.html [screenshot.png]
"""
import html.parser
import json
import subprocess
import sys
import tempfile
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = {}
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1

    def handle_data(self, data):
        self.text.append(data)


def chromium(args, profile):
    return subprocess.run(["chromium", *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=120)


def main(report, shot):
    report = Path(report).resolve()
    out = report.parent
    checks = {}
    with tempfile.TemporaryDirectory() as profile:
        dom = chromium(["--dump-dom", report.as_uri()], profile).stdout
        page = Text()
        page.feed(dom)
        text = "".join(page.text)
        docs = json.loads((out / "documents.json").read_text(encoding="utf-8"))
        changes = json.loads((out / "changes.json").read_text(encoding="utf-8"))
        missing = [d["id"] for d in docs if d["title"] not in text]
        checks["every document's title is shown"] = not missing or f"missing: {missing}"
        svgs = page.tags.get("svg", 0)
        checks["one chart per change"] = svgs == len(changes) or f"{svgs} charts for {len(changes)} changes"
        marks = page.tags.get("mark", 0)
        checks["source figures are highlighted"] = marks >= len(changes) or f"{marks} highlights for {len(changes)} changes"
        checks["the validation summary is shown"] = ("Validation" in text and "span-text" in text) or "missing"
        listed = page.tags.get("details", 0)
        checks["each document lists its figures"] = listed >= len(docs) or f"{listed} figure lists for {len(docs)} documents"
        checks["a filter box works offline"] = ('id="filter"' in dom and "<script src" not in dom) or "missing, or an external script"
        checks["the page fits a phone"] = 'name="viewport"' in dom or "no viewport meta"
        cjk = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout.strip()
        checks["a CJK font is installed (no empty boxes)"] = bool(cjk) or "fc-list :lang=zh finds none: install fonts-noto-cjk"
        if shot:
            shot = Path(shot).resolve()
            phone = shot.with_name(shot.stem + "-phone" + shot.suffix)
            for path, size in [(shot, "1100,1800"), (phone, "390,1600")]:
                result = chromium([f"--window-size={size}", f"--screenshot={path}", report.as_uri()], profile)
                ok = path.exists() and path.stat().st_size > 10_000
                checks[f"a screenshot is taken at {size.split(',')[0]} px"] = ok or result.stderr[-300:]
    failed = [(name, why) for name, why in checks.items() if why is not True]
    for name, why in failed:
        print(f"FAILED {name}: {why}", file=sys.stderr)
    print(f"{len(checks) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
