"""The documentation site builds (strict: no broken link, no page left out of the navigation) and
its generated reference pages are the code's own output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_the_input_reference_is_the_models_output() -> None:
    from tools.input_reference import render

    written = (ROOT / "docs" / "inputs.md").read_text(encoding="utf-8")
    assert written == render(), "docs/inputs.md is stale: python tools/input_reference.py > docs/inputs.md"


def test_every_page_is_in_the_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    assert [p for p in pages if p not in nav] == []


def test_the_site_builds_offline(tmp_path: Path) -> None:
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent))
    if mkdocs is None:
        pytest.skip("mkdocs-material is not installed: pip install -e '.[docs]'")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([mkdocs, "build", "--strict", "--quiet", "-d", str(tmp_path / "site")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "site" / "events" / "index.html").exists()
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "招采" in page
