"""What the real-browser tests share: the system Chromium driven by Playwright (never a
downloaded browser) and axe-core from .cache/axe. Without one of them a test skips, and fails
under ``CI=1``. The fixtures ``browser`` and ``axe_script`` are in conftest.py."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def missing(what: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"{what} — needed for the browser tests under CI")
    pytest.skip(what)


def axe_missing() -> None:
    if not AXE.is_file():
        missing(f"axe-core is missing at {AXE.relative_to(ROOT)} "
                "(make test installs it: npm install --prefix .cache/axe axe-core@4)")
