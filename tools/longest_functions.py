"""The longest functions of a source tree, counted with `ast`: `python tools/longest_functions.py`.

A function's length is its lines from `def` to its last line (docstring, comments and blank
lines inside it included; decorators not), as `ast` reports them. Nested functions are counted on
their own as well as inside their parent. Used for the "Known debts" table of
docs/architecture.md: a handler should stay near 20 lines.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path
from typing import NamedTuple


class Length(NamedTuple):
    """One function: where it is and how many lines it spans."""

    lines: int
    path: str
    line: int
    name: str


def function_lengths(source: str, path: str = "<string>") -> list[Length]:
    """Every function and method in `source` with its length in lines (`Class.method` names)."""
    found: list[Length] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{prefix}{child.name}"
                end = child.end_lineno or child.lineno
                found.append(Length(end - child.lineno + 1, path, child.lineno, name))
                visit(child, f"{name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return found


def longest(root: Path, count: int = 15) -> list[Length]:
    """The `count` longest functions under `root`, longest first (ties by path and line)."""
    lengths = [length for path in sorted(root.rglob("*.py"))
               for length in function_lengths(path.read_text(encoding="utf-8"), path.as_posix())]
    return sorted(lengths, key=lambda item: (-item.lines, item.path, item.line))[:count]


def main() -> None:
    """Print the longest functions as a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", nargs="?", default="src/zhaocai", type=Path)
    parser.add_argument("-n", "--count", type=int, default=15)
    args = parser.parse_args()
    print("| lines | function | where |\n| ---: | --- | --- |")
    for item in longest(args.root, args.count):
        print(f"| {item.lines} | `{item.name}` | {item.path}:{item.line} |")


if __name__ == "__main__":
    main()
