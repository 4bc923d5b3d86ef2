"""Every Python block in README.md and docs/ runs as written.

The blocks of one file share one namespace and run in order, in a fresh working directory, as a
reader would paste them one after the other. A block that is only an illustration says so on the
line before it: `<!-- not run: the reason -->`; nothing else is skipped.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
_BLOCK = re.compile(r"(?P<before>[^\n]*)\n```python\n(?P<code>.*?)\n```", re.DOTALL)
_NOT_RUN = re.compile(r"<!--\s*not run:\s*(?P<why>.+?)\s*-->")


def blocks(path: Path) -> list[tuple[int, str, str | None]]:
    """(line, code, reason not run) of each Python block of a Markdown file."""
    text = path.read_text(encoding="utf-8")
    found = []
    for match in _BLOCK.finditer(text):
        line = text.count("\n", 0, match.start("code")) + 1
        skip = _NOT_RUN.search(match.group("before"))
        found.append((line, match.group("code"), skip.group("why") if skip else None))
    return found


def _with_blocks() -> list[Path]:
    return [p for p in DOCS if blocks(p)]


def test_there_are_blocks_to_run() -> None:
    assert sum(len(blocks(p)) for p in DOCS) >= 20


@pytest.mark.parametrize("path", _with_blocks(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_blocks_of_a_file_run_in_order(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ZHAOCAI_TEST_DATABASE_URL", raising=False)
    namespace: dict[str, object] = {"__name__": f"doc:{path.name}"}
    for line, code, not_run in blocks(path):
        if not_run:
            continue
        try:
            exec(compile(code, f"{path.relative_to(ROOT)}:{line}", "exec"), namespace)
        except Exception as error:
            pytest.fail(f"{path.relative_to(ROOT)} line {line}: {type(error).__name__}: {error}")
    assert os.getcwd() == str(tmp_path)
