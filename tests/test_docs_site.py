"""The documentation site builds: `mkdocs build --strict` (what `make docs` runs) fails on a
broken link, a missing image or a page left out of the navigation, and every page of docs/ is
in the navigation of mkdocs.yml."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from readme_support import DOCS, ROOT, pages


def test_every_page_is_in_the_navigation():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = set(re.findall(r":\s+(\S+\.md)\s*$", config, flags=re.M))
    assert {p.relative_to(DOCS).as_posix() for p in pages()} == listed


def test_the_theme_loads_no_web_fonts():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+font: false\b", config, flags=re.M)


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("mkdocs") is None
                    or importlib.util.find_spec("material") is None,
                    reason="mkdocs and mkdocs-material are not installed "
                           "(pip install -e '.[docs]', or make docs)")
def test_the_site_builds_strictly(tmp_path: Path):
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    assert (site / "index.html").is_file()
    for page in ("walkthrough", "nl/walkthrough", "nl/live", "nl/privacy", "nl/evidence",
                 "nl/documents", "nl/indicators", "nl/stories"):
        assert (site / page / "index.html").is_file(), page
    assert (site / "images" / "report-summary.png").is_file()
    assert "fonts.googleapis.com" not in (site / "index.html").read_text(encoding="utf-8")
